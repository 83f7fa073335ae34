/* test_npy.c - cmocka tests for compiler/cli/npy.c.
 *
 * Covers: write-then-read round trips for every dtype and ranks 0..3 (plus
 * empty shapes), hand-made v1/v2/v3 buffers and header spelling variants,
 * big-endian byte swapping, every rejection case of the reader and writer
 * (each asserting failure and the reason in the message), exact f16 decoding
 * of special bit patterns, the file reader on regular files and pipes, and
 * interoperability with real numpy output: the byte arrays below were made
 * once by numpy 1.24 (np.save / np.lib.format.write_array) and are checked
 * both for reading and, for v1 little-endian ones, for byte-identical
 * writing; the file discipline of files.h (atomic replacement that keeps
 * the old file on failure, the input checks).  Self-contained: needs only
 * cmocka and a writable /tmp. */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "npy.h"

/* ---- numpy-made reference files ------------------------------------------ */

/* 144 bytes */
static const unsigned char np_f16[] = {
    /* header: {'descr': '<f2', 'fortran_order': False, 'shape': (8,), } */
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c, 0x66, 0x32,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x38, 0x2c, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x00, 0x3c, 0x00, 0x80,
    0x00, 0x7c, 0x00, 0xfc, 0x00, 0x7e, 0x01, 0x00, 0xff, 0x7b, 0x55, 0x35,
};
/* 152 bytes */
static const unsigned char np_i32[] = {
    /* header: {'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), } */
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c, 0x69, 0x34,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x32, 0x2c, 0x20, 0x33, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0xfd, 0xff, 0xff, 0xff,
    0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00,
};
/* 132 bytes */
static const unsigned char np_bool[] = {
    /* header: {'descr': '|b1', 'fortran_order': False, 'shape': (4,), } */
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x7c, 0x62, 0x31,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x34, 0x2c, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x01, 0x00, 0x01, 0x01,
};
/* 129 bytes */
static const unsigned char np_u8_scalar[] = {
    /* header: {'descr': '|u1', 'fortran_order': False, 'shape': (), } */
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x7c, 0x75, 0x31,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0xc8,
};
/* 128 bytes */
static const unsigned char np_u16_empty[] = {
    /* header: {'descr': '<u2', 'fortran_order': False, 'shape': (0, 3), } */
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c, 0x75, 0x32,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x30, 0x2c, 0x20, 0x33, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a,
};
/* 144 bytes */
static const unsigned char np_f4_be[] = {
    /* header: {'descr': '>f4', 'fortran_order': False, 'shape': (2, 2), } */
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3e, 0x66, 0x34,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61, 0x6c, 0x73,
    0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20,
    0x28, 0x32, 0x2c, 0x20, 0x32, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x3f, 0xc0, 0x00, 0x00,
    0xc0, 0x00, 0x00, 0x00, 0x40, 0x50, 0x00, 0x00, 0x71, 0x49, 0xf2, 0xca,
};
/* 152 bytes */
static const unsigned char np_f8_v2[] = {
    /* header: {'descr': '<f8', 'fortran_order': False, 'shape': (3,), } */
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x02, 0x00, 0x74, 0x00, 0x00, 0x00,
    0x7b, 0x27, 0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c,
    0x66, 0x38, 0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61,
    0x6e, 0x5f, 0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61,
    0x6c, 0x73, 0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27,
    0x3a, 0x20, 0x28, 0x33, 0x2c, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x9a, 0x99, 0x99, 0x99,
    0x99, 0x99, 0xb9, 0x3f, 0x9c, 0x75, 0x00, 0x88, 0x3c, 0xe4, 0x37, 0xfe,
    0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};
/* 144 bytes */
static const unsigned char np_i8_v3[] = {
    /* header: {'descr': '<i8', 'fortran_order': False, 'shape': (1, 2), } */
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x03, 0x00, 0x74, 0x00, 0x00, 0x00,
    0x7b, 0x27, 0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c,
    0x69, 0x38, 0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61,
    0x6e, 0x5f, 0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x46, 0x61,
    0x6c, 0x73, 0x65, 0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27,
    0x3a, 0x20, 0x28, 0x31, 0x2c, 0x20, 0x32, 0x29, 0x2c, 0x20, 0x7d, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x80, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,
};
/* 152 bytes */
static const unsigned char np_f4_fortran[] = {
    /* header: {'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), } */
    0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00, 0x7b, 0x27,
    0x64, 0x65, 0x73, 0x63, 0x72, 0x27, 0x3a, 0x20, 0x27, 0x3c, 0x66, 0x34,
    0x27, 0x2c, 0x20, 0x27, 0x66, 0x6f, 0x72, 0x74, 0x72, 0x61, 0x6e, 0x5f,
    0x6f, 0x72, 0x64, 0x65, 0x72, 0x27, 0x3a, 0x20, 0x54, 0x72, 0x75, 0x65,
    0x2c, 0x20, 0x27, 0x73, 0x68, 0x61, 0x70, 0x65, 0x27, 0x3a, 0x20, 0x28,
    0x32, 0x2c, 0x20, 0x33, 0x29, 0x2c, 0x20, 0x7d, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20,
    0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x20, 0x0a, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x40, 0x40, 0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x80, 0x40,
    0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0xa0, 0x40,
};

/* ---- helpers --------------------------------------------------------------- */

static char err[512];

/* A fresh empty temp file; the caller unlinks it. */
static void tmp_path(char path[64])
{
    strcpy(path, "/tmp/test_npy_XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char *b = malloc(1 << 16);
    assert_non_null(b);
    *len = fread(b, 1, 1 << 16, f);
    fclose(f);
    return b;
}

static void spit(const char *path, const void *b, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, len, f), len);
    fclose(f);
}

/* magic + version major.0 + header length + header + dlen bytes of data. */
static size_t make_npy(unsigned char *buf, size_t cap, int major,
                       const char *hdr, size_t hlen, const void *data,
                       size_t dlen)
{
    size_t lsz = major == 1 ? 2 : 4, off = 8 + lsz;
    assert_true(off + hlen + dlen <= cap);
    memcpy(buf, "\x93NUMPY", 6);
    buf[6] = (unsigned char)major;
    buf[7] = 0;
    for (size_t i = 0; i < lsz; i++)
        buf[8 + i] = (unsigned char)(hlen >> (8 * i));
    memcpy(buf + off, hdr, hlen);
    if (data)
        memcpy(buf + off + hlen, data, dlen);
    else
        memset(buf + off + hlen, 0, dlen);
    return off + hlen + dlen;
}

static unsigned char buf[1 << 16];

/* Reading must fail, leave *out empty, and mention `needle`. */
static void expect_fail_mem(const void *b, size_t len, const char *needle)
{
    NpyArray a;
    memset(&a, 0x5a, sizeof a);
    err[0] = 0;
    if (npy_read_mem(b, len, &a, err, sizeof err))
        fail_msg("read unexpectedly succeeded (expected '%s')", needle);
    assert_null(a.data);
    assert_int_equal(a.numel, 0);
    if (!strstr(err, needle))
        fail_msg("error '%s' does not mention '%s'", err, needle);
}

static void expect_fail_header(const char *hdr, size_t dlen, const char *needle)
{
    size_t n = make_npy(buf, sizeof buf, 1, hdr, strlen(hdr), NULL, dlen);
    expect_fail_mem(buf, n, needle);
}

static void read_ok_mem(const void *b, size_t len, NpyArray *a)
{
    if (!npy_read_mem(b, len, a, err, sizeof err))
        fail_msg("read failed: %s", err);
}

static void read_ok_header(const char *hdr, const void *data, size_t dlen,
                           NpyArray *a)
{
    size_t n = make_npy(buf, sizeof buf, 1, hdr, strlen(hdr), data, dlen);
    read_ok_mem(buf, n, a);
}

/* ---- round trips ----------------------------------------------------------- */

static const struct { NpyKind kind; int size; const char *descr; } dtypes[] = {
    {NPY_FLOAT, 2, "<f2"}, {NPY_FLOAT, 4, "<f4"}, {NPY_FLOAT, 8, "<f8"},
    {NPY_INT, 1, "|i1"},   {NPY_INT, 2, "<i2"},   {NPY_INT, 4, "<i4"},
    {NPY_INT, 8, "<i8"},   {NPY_UINT, 1, "|u1"},  {NPY_UINT, 2, "<u2"},
    {NPY_UINT, 4, "<u4"},  {NPY_UINT, 8, "<u8"},  {NPY_BOOL, 1, "|b1"},
};
#define NDTYPES (sizeof dtypes / sizeof dtypes[0])

static const struct { int rank; int64_t shape[3]; } shapes[] = {
    {0, {0}}, {1, {5}}, {2, {3, 4}}, {3, {2, 3, 2}},
    {1, {0}}, {2, {0, 3}}, {3, {4, 1, 7}},
};
#define NSHAPES (sizeof shapes / sizeof shapes[0])

static void check_file_layout(const char *path, const char *descr,
                              size_t nbytes)
{
    size_t len;
    unsigned char *b = slurp(path, &len);
    size_t off = 10 + (size_t)(b[8] | b[9] << 8);
    assert_memory_equal(b, "\x93NUMPY\x01\x00", 8);
    assert_int_equal(off % 64, 0);
    assert_int_equal(b[off - 1], '\n');
    assert_int_equal(len, off + nbytes);
    assert_non_null(memmem(b, off, descr, 3));
    free(b);
}

static void round_trip_one(int d, int s)
{
    char path[64];
    int size = dtypes[d].size, rank = shapes[s].rank;
    int64_t numel = 1;
    for (int i = 0; i < rank; i++)
        numel *= shapes[s].shape[i];
    size_t nbytes = (size_t)numel * (size_t)size;
    unsigned char data[256];
    for (size_t i = 0; i < nbytes; i++)
        data[i] = dtypes[d].kind == NPY_BOOL ? (i % 3 == 0)
                                              : (unsigned char)(i * 37 + d);
    tmp_path(path);
    if (!npy_write(path, dtypes[d].kind, size, rank, shapes[s].shape, data,
                   err, sizeof err))
        fail_msg("write failed: %s", err);
    check_file_layout(path, dtypes[d].descr, nbytes);
    NpyArray a;
    if (!npy_read(path, &a, err, sizeof err))
        fail_msg("read failed: %s", err);
    assert_int_equal(a.kind, dtypes[d].kind);
    assert_int_equal(a.itemsize, size);
    assert_int_equal(a.rank, rank);
    assert_int_equal(a.numel, numel);
    assert_memory_equal(a.shape, shapes[s].shape, sizeof(int64_t) * (size_t)rank);
    assert_non_null(a.data);
    if (nbytes)
        assert_memory_equal(a.data, data, nbytes);
    npy_free(&a);
    assert_null(a.data);
    unlink(path);
}

static void test_round_trip(void **state)
{
    (void)state;
    for (size_t d = 0; d < NDTYPES; d++)
        for (size_t s = 0; s < NSHAPES; s++)
            round_trip_one((int)d, (int)s);
}

static void test_getters(void **state)
{
    (void)state;
    NpyArray a;
    int64_t i8[3] = {-1, INT64_MIN, INT64_MAX};
    read_ok_header("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }",
                   i8, sizeof i8, &a);
    assert_true(npy_get_i64(&a, 0) == -1);
    assert_true(npy_get_i64(&a, 1) == INT64_MIN);
    assert_true(npy_get_i64(&a, 2) == INT64_MAX);
    assert_true(npy_get_f64(&a, 0) == -1.0);
    npy_free(&a);

    uint64_t u8[2] = {UINT64_MAX, 7};
    read_ok_header("{'descr': '<u8', 'fortran_order': False, 'shape': (2,), }",
                   u8, sizeof u8, &a);
    assert_true(npy_get_i64(&a, 0) == -1); /* documented wrap */
    assert_true(npy_get_f64(&a, 0) == 18446744073709551616.0);
    assert_true(npy_get_i64(&a, 1) == 7);
    npy_free(&a);

    unsigned char b1[3] = {0, 1, 2};
    read_ok_header("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }",
                   b1, sizeof b1, &a);
    assert_true(npy_get_i64(&a, 0) == 0 && npy_get_i64(&a, 1) == 1);
    assert_true(npy_get_i64(&a, 2) == 1 && npy_get_f64(&a, 2) == 1.0);
    npy_free(&a);

    int8_t i1[2] = {-128, 127};
    read_ok_header("{'descr': '|i1', 'fortran_order': False, 'shape': (2,), }",
                   i1, sizeof i1, &a);
    assert_true(npy_get_i64(&a, 0) == -128 && npy_get_f64(&a, 1) == 127.0);
    npy_free(&a);

    uint16_t u2[1] = {65535};
    read_ok_header("{'descr': '<u2', 'fortran_order': False, 'shape': (1,), }",
                   u2, sizeof u2, &a);
    assert_true(npy_get_i64(&a, 0) == 65535);
    npy_free(&a);

    double f8[5] = {-2.75, NAN, 1e300, -1e300, 3.5};
    read_ok_header("{'descr': '<f8', 'fortran_order': False, 'shape': (5,), }",
                   f8, sizeof f8, &a);
    assert_true(npy_get_i64(&a, 0) == -2);
    assert_true(npy_get_i64(&a, 1) == 0);
    assert_true(npy_get_i64(&a, 2) == INT64_MAX);
    assert_true(npy_get_i64(&a, 3) == INT64_MIN);
    assert_true(npy_get_f64(&a, 4) == 3.5);
    npy_free(&a);

    float f4[1] = {0.1f};
    read_ok_header("{'descr': '<f4', 'fortran_order': False, 'shape': (), }",
                   f4, sizeof f4, &a);
    assert_int_equal(a.rank, 0);
    assert_int_equal(a.numel, 1);
    assert_true(npy_get_f64(&a, 0) == (double)0.1f);
    npy_free(&a);
    npy_free(NULL);
}

/* ---- versions and header spellings ----------------------------------------- */

static void test_versions(void **state)
{
    (void)state;
    const char *hdr = "{'descr': '<i2', 'fortran_order': False, 'shape': (2, 2), }\n";
    int16_t data[4] = {1, -2, 300, -32768};
    for (int major = 1; major <= 3; major++) {
        NpyArray a;
        size_t n = make_npy(buf, sizeof buf, major, hdr, strlen(hdr), data,
                            sizeof data);
        read_ok_mem(buf, n, &a);
        assert_int_equal(a.kind, NPY_INT);
        assert_int_equal(a.itemsize, 2);
        assert_int_equal(a.rank, 2);
        assert_true(a.shape[0] == 2 && a.shape[1] == 2);
        assert_true(npy_get_i64(&a, 2) == 300 && npy_get_i64(&a, 3) == -32768);
        npy_free(&a);
    }
}

static void expect_shape(const char *hdr, NpyKind kind, int itemsize, int rank,
                         const int64_t *shape)
{
    NpyArray a;
    read_ok_header(hdr, NULL, 0, &a);
    assert_int_equal(a.kind, kind);
    assert_int_equal(a.itemsize, itemsize);
    assert_int_equal(a.rank, rank);
    for (int i = 0; i < rank; i++)
        assert_true(a.shape[i] == shape[i]);
    npy_free(&a);
}

static void test_header_variants(void **state)
{
    (void)state;
    static const int64_t s30[] = {3, 0}, s0[] = {0}, s00[] = {0, 0, 0};
    static const int64_t s8[] = {1, 1, 1, 1, 1, 1, 1, 0};
    expect_shape("{'shape': (3, 0), 'descr': '<f4', 'fortran_order': False}",
                 NPY_FLOAT, 4, 2, s30);
    expect_shape("  {  \"fortran_order\" :False ,\"shape\":( 3 ,0 , ) ,"
                 "\t\"descr\" : \"<u4\" ,  }   \n", NPY_UINT, 4, 2, s30);
    expect_shape("{'descr':'|i1','fortran_order':False,'shape':(0)}",
                 NPY_INT, 1, 1, s0);
    expect_shape("{'descr': '<i8', 'fortran_order': False, 'shape': (3L, 0L), }\n",
                 NPY_INT, 8, 2, s30);
    expect_shape("{'descr': 'f8', 'fortran_order': False, 'shape': (0, 0, 0), }",
                 NPY_FLOAT, 8, 3, s00);
    expect_shape("{'descr': '=u2', 'fortran_order': False, 'shape': (0,), }",
                 NPY_UINT, 2, 1, s0);
    expect_shape("{'descr': '>u1', 'fortran_order': False, 'shape': (0,), }",
                 NPY_UINT, 1, 1, s0);
    expect_shape("{'descr': '<b1', 'fortran_order': False, "
                 "'shape': (1, 1, 1, 1, 1, 1, 1, 0), }", NPY_BOOL, 1, 8, s8);
    /* fortran_order True is fine when the layout equals C order. */
    expect_shape("{'descr': '<f2', 'fortran_order': True, 'shape': (0,), }",
                 NPY_FLOAT, 2, 1, s0);
    NpyArray a;
    float f[3] = {1, 2, 3};
    read_ok_header("{'descr': '<f4', 'fortran_order': True, 'shape': (1, 3, 1), }",
                   f, sizeof f, &a);
    assert_true(npy_get_f64(&a, 2) == 3.0);
    npy_free(&a);
    read_ok_header("{'descr': '<f4', 'fortran_order': True, 'shape': (), }",
                   f, 4, &a);
    assert_int_equal(a.rank, 0);
    npy_free(&a);
}

static void test_big_endian(void **state)
{
    (void)state;
    NpyArray a;
    unsigned char i4[8] = {0x01, 0x02, 0x03, 0x04, 0xff, 0xff, 0xff, 0xfe};
    read_ok_header("{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }",
                   i4, sizeof i4, &a);
    assert_true(npy_get_i64(&a, 0) == 0x01020304);
    assert_true(npy_get_i64(&a, 1) == -2);
    npy_free(&a);
    unsigned char f2[4] = {0x3c, 0x00, 0xc0, 0x00};
    read_ok_header("{'descr': '>f2', 'fortran_order': False, 'shape': (2,), }",
                   f2, sizeof f2, &a);
    assert_true(npy_get_f64(&a, 0) == 1.0 && npy_get_f64(&a, 1) == -2.0);
    npy_free(&a);
    unsigned char u8[8] = {0, 0, 0, 0, 0, 0, 0x01, 0x00};
    read_ok_header("{'descr': '>u8', 'fortran_order': False, 'shape': (), }",
                   u8, sizeof u8, &a);
    assert_true(npy_get_i64(&a, 0) == 256);
    npy_free(&a);
}

/* ---- rejections -------------------------------------------------------------- */

static void test_reject_preamble(void **state)
{
    (void)state;
    expect_fail_mem("", 0, "too short");
    expect_fail_mem("\x93NUM", 4, "too short");
    expect_fail_mem("\x93NUMPY\x01", 7, "too short");
    expect_fail_mem("\x93NUMPY\x01\x00\x10", 9, "too short");
    expect_fail_mem("\x93NUMPY\x02\x00\x10\x00\x00", 11, "too short");
    expect_fail_mem("PK\x03\x04 this is a zip file", 24, "bad magic");
    expect_fail_mem("\x93NUMPZ\x01\x00\x00\x00", 10, "bad magic");
    expect_fail_mem("{'descr'", 8, "bad magic");
    expect_fail_mem("\x93NUMPY\x04\x00\x00\x00\x00\x00", 12,
                    "unsupported .npy format version 4.0");
    expect_fail_mem("\x93NUMPY\x01\x01\x00\x00", 10,
                    "unsupported .npy format version 1.1");
    expect_fail_mem("\x93NUMPY\x00\x00\x00\x00", 10,
                    "unsupported .npy format version 0.0");
    /* A header length beyond the buffer, and an absurd one (no allocation). */
    expect_fail_mem("\x93NUMPY\x01\x00\x64\x00{'descr'", 18,
                    "truncated header: header length is 100 bytes, file has 8");
    expect_fail_mem("\x93NUMPY\x02\x00\xff\xff\xff\xff{}", 14,
                    "header length 4294967295 exceeds the limit");
    expect_fail_mem("\x93NUMPY\x03\x00\x00\x00\x00\x01{}", 14, "exceeds the limit");
    expect_fail_mem(NULL, 5, "no buffer");
    expect_fail_mem(NULL, 0, "too short");
}

static const struct { const char *hdr; size_t dlen; const char *needle; } bad[] = {
    {"{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", 24,
     "fortran_order=True (column-major) data of shape (2, 3) is not supported"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,1,1,1,1,1,1,1,1), }",
     4, "rank 9 exceeds the maximum of 8"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }",
     0, "shape overflows"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 0), }",
     0, "shape overflows"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }",
     0, "shape overflows: dimension exceeds int64"},
    {"{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904,), }",
     0, "shape overflows: byte size"},
    {"{'descr': '<f8', 'fortran_order': False, 'shape': (1048576, 1048576), }",
     64, "truncated: header says 1099511627776 elements of 8 bytes, file has 64"},
    {"{'descr': '<f2', 'fortran_order': False, 'shape': (4096,), }", 100,
     "truncated: header says 4096 elements of 2 bytes, file has 100 bytes of data"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (), }", 0,
     "truncated: header says 1 elements of 4 bytes, file has 0 bytes"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 12,
     "4 unexpected bytes after the data"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (0,), }", 1,
     "1 unexpected bytes after the data"},
    {"{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", 16,
     "unsupported dtype '<c8'"},
    {"{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", 16,
     "unsupported dtype '|O'"},
    {"{'descr': '<U3', 'fortran_order': False, 'shape': (2,), }", 24,
     "unsupported dtype '<U3'"},
    {"{'descr': '<f3', 'fortran_order': False, 'shape': (2,), }", 6,
     "unsupported dtype '<f3'"},
    {"{'descr': '<i16', 'fortran_order': False, 'shape': (1,), }", 16,
     "unsupported dtype '<i16'"},
    {"{'descr': '|b2', 'fortran_order': False, 'shape': (1,), }", 2,
     "unsupported dtype '|b2'"},
    {"{'descr': '<', 'fortran_order': False, 'shape': (1,), }", 2,
     "unsupported dtype '<'"},
    {"{'descr': '', 'fortran_order': False, 'shape': (1,), }", 2,
     "unsupported dtype ''"},
    {"{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (1,), }", 8,
     "unsupported dtype '<M8[ns]'"},
    {"{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", 4,
     "structured dtypes"},
    {"{'descr': 4, 'fortran_order': False, 'shape': (1,), }", 4,
     "malformed header: expected a quoted string"},
    {"hello", 0, "malformed header: expected '{'"},
    {"", 0, "malformed header: expected '{' at offset 0"},
    {"   \n", 0, "malformed header: expected '{'"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), ", 8,
     "malformed header"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,) 'x': 1}", 8,
     "malformed header: expected ',' or '}'"},
    {"{'descr': '<f4', 'fortran_order': False, }", 4,
     "malformed header: missing key 'shape'"},
    {"{'fortran_order': False, 'shape': (1,)}", 4,
     "malformed header: missing key 'descr'"},
    {"{}", 0, "malformed header: missing key 'descr'"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'foo': 1}", 4,
     "malformed header: unknown key 'foo'"},
    {"{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (1,)}", 4,
     "malformed header: duplicate key 'descr'"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", 0,
     "negative dimension"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (2.5,), }", 8,
     "malformed header: expected ',' or ')' in shape"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,,), }", 8,
     "malformed header: expected an integer in shape"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': ((2,),), }", 8,
     "malformed header: expected an integer in shape"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': [2, 3], }", 24,
     "malformed header: shape must be a tuple"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': 6, }", 24,
     "malformed header: shape must be a tuple"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3", 24,
     "malformed header: expected ',' or ')' in shape"},
    {"{'descr': '<f4', 'fortran_order': 0, 'shape': (1,), }", 4,
     "fortran_order must be True or False"},
    {"{'descr': '<f4', 'fortran_order': Truely, 'shape': (1,), }", 4,
     "fortran_order must be True or False"},
    {"{'descr': '<f4', 'fortran_order': 'False', 'shape': (1,), }", 4,
     "fortran_order must be True or False"},
    {"{'descr': '<f4, 'fortran_order': False, 'shape': (1,), }", 4,
     "unsupported dtype '<f4, '"},
    {"{'descr': '<f4", 4, "malformed header: unterminated string"},
    {"{'descr': '<f\\x34', 'fortran_order': False, 'shape': (1,), }", 4,
     "unterminated string or escape"},
    {"{'descr' '<f4', 'fortran_order': False, 'shape': (1,), }", 4,
     "malformed header: expected ':' after key"},
    {"{descr: '<f4', 'fortran_order': False, 'shape': (1,), }", 4,
     "malformed header: expected a quoted string"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,), } junk", 4,
     "malformed header: unexpected text after '}'"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }}", 4,
     "malformed header: unexpected text after '}'"},
    {"{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }\x01", 4,
     "byte 0x01 at offset 57 is not printable ASCII"},
    {"{'descr': '<f\xc3\xa9', 'fortran_order': False, 'shape': (1,), }", 4,
     "byte 0xc3 at offset 13 is not printable ASCII"},
};

static void test_reject_header(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        expect_fail_header(bad[i].hdr, bad[i].dlen, bad[i].needle);
    }
    /* A NUL inside the header, and the same headers under v2 and v3. */
    static const char nul[] = "{'descr': '<f4'\0, 'fortran_order': False, "
                              "'shape': (1,), }";
    size_t n = make_npy(buf, sizeof buf, 1, nul, sizeof nul - 1, NULL, 4);
    expect_fail_mem(buf, n, "byte 0x00 at offset 15");
    const char *fhdr = bad[0].hdr;
    n = make_npy(buf, sizeof buf, 2, fhdr, strlen(fhdr), NULL, 24);
    expect_fail_mem(buf, n, "fortran_order=True");
    n = make_npy(buf, sizeof buf, 3, fhdr, strlen(fhdr), NULL, 24);
    expect_fail_mem(buf, n, "fortran_order=True");
}

/* ---- f16 --------------------------------------------------------------------- */

static void test_f16(void **state)
{
    (void)state;
    assert_true(npy_half_to_double(0x0000) == 0.0);
    assert_false(signbit(npy_half_to_double(0x0000)));
    assert_true(npy_half_to_double(0x8000) == 0.0);
    assert_true(signbit(npy_half_to_double(0x8000)));
    assert_true(npy_half_to_double(0x0001) == ldexp(1, -24)); /* min subnormal */
    assert_true(npy_half_to_double(0x8001) == -ldexp(1, -24));
    assert_true(npy_half_to_double(0x03ff) == 1023 * ldexp(1, -24)); /* max sub */
    assert_true(npy_half_to_double(0x0200) == ldexp(1, -15));
    assert_true(npy_half_to_double(0x0400) == ldexp(1, -14)); /* min normal */
    assert_true(npy_half_to_double(0x3c00) == 1.0);
    assert_true(npy_half_to_double(0x3c01) == 1.0 + ldexp(1, -10));
    assert_true(npy_half_to_double(0xc000) == -2.0);
    assert_true(npy_half_to_double(0x3555) == 0.333251953125);
    assert_true(npy_half_to_double(0x7bff) == 65504.0);
    assert_true(npy_half_to_double(0xfbff) == -65504.0);
    assert_true(isinf(npy_half_to_double(0x7c00)) &&
                npy_half_to_double(0x7c00) > 0);
    assert_true(isinf(npy_half_to_double(0xfc00)) &&
                npy_half_to_double(0xfc00) < 0);
    assert_true(isnan(npy_half_to_double(0x7e00)));
    assert_true(isnan(npy_half_to_double(0x7c01)));
    assert_true(isnan(npy_half_to_double(0xfe00)));
    assert_true(signbit(npy_half_to_double(0xfe00)));
    /* Every finite half decodes to a value that survives double -> float. */
    for (uint32_t h = 0; h < 0x10000; h++) {
        double v = npy_half_to_double((uint16_t)h);
        if (((h >> 10) & 0x1f) != 0x1f)
            assert_true((double)(float)v == v);
    }
}

/* ---- files ---------------------------------------------------------------------- */

static void expect_fail_file(const char *path, const char *needle)
{
    NpyArray a;
    memset(&a, 0x5a, sizeof a);
    if (npy_read(path, &a, err, sizeof err))
        fail_msg("read of %s unexpectedly succeeded", path);
    assert_null(a.data);
    if (!strstr(err, needle))
        fail_msg("error '%s' does not mention '%s'", err, needle);
    assert_true(strncmp(err, path, strlen(path)) == 0);
}

static void test_file_errors(void **state)
{
    (void)state;
    char path[64], want[256];
    expect_fail_file("/nonexistent/dir/x.npy", "cannot open: No such file");
    expect_fail_file("/tmp", "is a directory");
    tmp_path(path);
    expect_fail_file(path, "too short for a .npy file (0 bytes)");
    const char *h = "{'descr': '<f2', 'fortran_order': False, 'shape': (4096,), }\n";
    size_t n = make_npy(buf, sizeof buf, 1, h, strlen(h), NULL, 100);
    spit(path, buf, n);
    snprintf(want, sizeof want, "%s: truncated: header says 4096 elements of "
             "2 bytes, file has 100 bytes of data", path);
    expect_fail_file(path, want);
    assert_string_equal(err, want);
    n = make_npy(buf, sizeof buf, 1, h, strlen(h), NULL, 8192 + 3);
    spit(path, buf, n);
    expect_fail_file(path, "3 unexpected bytes after the data");
    spit(path, buf, 40);
    expect_fail_file(path, "truncated header: header length is 61 bytes, file has 30");
    spit(path, "\x93NUMPY\x03\x00", 8);
    expect_fail_file(path, "too short");
    spit(path, "garbage!garbage!", 16);
    expect_fail_file(path, "bad magic");
    spit(path, np_f4_fortran, sizeof np_f4_fortran);
    expect_fail_file(path, "fortran_order=True");
    unlink(path);
}

/* Reading a pipe (no size known in advance) through /dev/fd/N. */
static bool read_via_pipe(const void *b, size_t len, NpyArray *a)
{
    int fds[2];
    char path[32];
    assert_int_equal(pipe(fds), 0);
    assert_true(len < 60000);
    assert_int_equal(write(fds[1], b, len), (ssize_t)len);
    close(fds[1]);
    snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
    bool ok = npy_read(path, a, err, sizeof err);
    close(fds[0]);
    return ok;
}

static void test_pipe(void **state)
{
    (void)state;
    NpyArray a;
    assert_true(read_via_pipe(np_i32, sizeof np_i32, &a));
    assert_int_equal(a.numel, 6);
    assert_true(npy_get_i64(&a, 5) == 2);
    npy_free(&a);
    /* Lying header: claims 2^40 elements, pipe holds 100 bytes. */
    const char *h = "{'descr': '<f8', 'fortran_order': False, 'shape': (1048576, 1048576), }";
    size_t n = make_npy(buf, sizeof buf, 1, h, strlen(h), NULL, 100);
    assert_false(read_via_pipe(buf, n, &a));
    assert_null(a.data);
    assert_non_null(strstr(err, "truncated: header says 1099511627776 elements "
                           "of 8 bytes, file has 100 bytes of data"));
    h = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
    n = make_npy(buf, sizeof buf, 1, h, strlen(h), NULL, 17);
    assert_false(read_via_pipe(buf, n, &a));
    assert_non_null(strstr(err, "unexpected bytes after the data"));
}

/* ---- writer rejections ----------------------------------------------------------- */

static void expect_write_fail(const char *path, NpyKind kind, int itemsize,
                              int rank, const int64_t *shape, const void *data,
                              const char *needle)
{
    err[0] = 0;
    if (npy_write(path, kind, itemsize, rank, shape, data, err, sizeof err))
        fail_msg("write unexpectedly succeeded (expected '%s')", needle);
    if (!strstr(err, needle))
        fail_msg("error '%s' does not mention '%s'", err, needle);
    assert_true(strncmp(err, path, strlen(path)) == 0);
}

static void test_write_errors(void **state)
{
    (void)state;
    const char *p = "/tmp/test_npy_never_written.npy";
    int64_t s2[2] = {2, 3}, neg[1] = {-1}, big[2] = {INT64_MAX, 2};
    int64_t s9[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    float d[6] = {0};
    expect_write_fail(p, NPY_FLOAT, 3, 2, s2, d, "unsupported dtype");
    expect_write_fail(p, NPY_BOOL, 2, 2, s2, d, "unsupported dtype");
    expect_write_fail(p, NPY_INT, 16, 2, s2, d, "unsupported dtype");
    expect_write_fail(p, (NpyKind)9, 4, 2, s2, d, "unsupported dtype");
    expect_write_fail(p, NPY_FLOAT, 4, 9, s9, d, "rank 9 outside 0..8");
    expect_write_fail(p, NPY_FLOAT, 4, -1, s2, d, "rank -1 outside");
    expect_write_fail(p, NPY_FLOAT, 4, 1, neg, d, "negative dimension -1");
    expect_write_fail(p, NPY_FLOAT, 4, 2, big, d, "shape overflows");
    expect_write_fail(p, NPY_FLOAT, 4, 2, NULL, d, "no shape");
    expect_write_fail(p, NPY_FLOAT, 4, 2, s2, NULL, "no data");
    assert_int_equal(access(p, F_OK), -1);
    expect_write_fail("/nonexistent/dir/x.npy", NPY_FLOAT, 4, 2, s2, d,
                      "cannot create: No such file");
    expect_write_fail("/tmp", NPY_FLOAT, 4, 2, s2, d, "cannot create: Is a directory");
    struct stat st; /* only where /dev/full really is the device */
    if (stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode))
        expect_write_fail("/dev/full", NPY_FLOAT, 4, 2, s2, d, "write failed");
    /* Empty arrays need no data. */
    int64_t s0[2] = {0, 5};
    char path[64];
    tmp_path(path);
    assert_true(npy_write(path, NPY_UINT, 2, 2, s0, NULL, err, sizeof err));
    unlink(path);
}

/* ---- numpy interoperability ------------------------------------------------------- */

/* npy_write must reproduce numpy's file byte for byte. */
static void expect_same_as_numpy(const unsigned char *ref, size_t reflen)
{
    NpyArray a;
    char path[64];
    read_ok_mem(ref, reflen, &a);
    tmp_path(path);
    assert_true(npy_write(path, a.kind, a.itemsize, a.rank, a.shape, a.data,
                          err, sizeof err));
    size_t len;
    unsigned char *b = slurp(path, &len);
    assert_int_equal(len, reflen);
    assert_memory_equal(b, ref, reflen);
    free(b);
    unlink(path);
    npy_free(&a);
}

static void test_numpy_read(void **state)
{
    (void)state;
    NpyArray a;
    read_ok_mem(np_f16, sizeof np_f16, &a);
    assert_true(a.kind == NPY_FLOAT && a.itemsize == 2 && a.rank == 1 &&
                a.shape[0] == 8);
    assert_true(npy_get_f64(&a, 0) == 1.0);
    assert_true(npy_get_f64(&a, 1) == 0.0 && signbit(npy_get_f64(&a, 1)));
    assert_true(isinf(npy_get_f64(&a, 2)) && npy_get_f64(&a, 2) > 0);
    assert_true(isinf(npy_get_f64(&a, 3)) && npy_get_f64(&a, 3) < 0);
    assert_true(isnan(npy_get_f64(&a, 4)));
    assert_true(npy_get_f64(&a, 5) == ldexp(1, -24));
    assert_true(npy_get_f64(&a, 6) == 65504.0);
    assert_true(npy_get_f64(&a, 7) == 0.333251953125);
    npy_free(&a);

    read_ok_mem(np_i32, sizeof np_i32, &a);
    assert_true(a.kind == NPY_INT && a.itemsize == 4 && a.rank == 2 &&
                a.shape[0] == 2 && a.shape[1] == 3);
    for (int k = 0; k < 6; k++)
        assert_true(npy_get_i64(&a, k) == k - 3);
    npy_free(&a);

    read_ok_mem(np_bool, sizeof np_bool, &a);
    assert_true(a.kind == NPY_BOOL && a.numel == 4);
    assert_true(npy_get_i64(&a, 0) == 1 && npy_get_i64(&a, 1) == 0 &&
                npy_get_i64(&a, 3) == 1);
    npy_free(&a);

    read_ok_mem(np_u8_scalar, sizeof np_u8_scalar, &a);
    assert_true(a.kind == NPY_UINT && a.itemsize == 1 && a.rank == 0 &&
                a.numel == 1 && npy_get_i64(&a, 0) == 200);
    npy_free(&a);

    read_ok_mem(np_u16_empty, sizeof np_u16_empty, &a);
    assert_true(a.kind == NPY_UINT && a.itemsize == 2 && a.rank == 2 &&
                a.shape[0] == 0 && a.shape[1] == 3 && a.numel == 0);
    assert_non_null(a.data);
    npy_free(&a);
}

static void test_numpy_read_other_formats(void **state)
{
    (void)state;
    NpyArray a;
    read_ok_mem(np_f4_be, sizeof np_f4_be, &a);
    assert_true(a.kind == NPY_FLOAT && a.itemsize == 4 && a.numel == 4);
    assert_true(npy_get_f64(&a, 0) == 1.5 && npy_get_f64(&a, 1) == -2.0 &&
                npy_get_f64(&a, 2) == 3.25 && npy_get_f64(&a, 3) == (double)1e30f);
    npy_free(&a);

    read_ok_mem(np_f8_v2, sizeof np_f8_v2, &a);
    assert_true(a.kind == NPY_FLOAT && a.itemsize == 8 && a.numel == 3);
    assert_true(npy_get_f64(&a, 0) == 0.1 && npy_get_f64(&a, 1) == -1e300 &&
                npy_get_f64(&a, 2) == 4.9406564584124654e-324);
    npy_free(&a);

    read_ok_mem(np_i8_v3, sizeof np_i8_v3, &a);
    assert_true(a.kind == NPY_INT && a.itemsize == 8 && a.rank == 2 &&
                a.shape[0] == 1 && a.shape[1] == 2);
    assert_true(npy_get_i64(&a, 0) == INT64_MIN && npy_get_i64(&a, 1) == INT64_MAX);
    npy_free(&a);

    expect_fail_mem(np_f4_fortran, sizeof np_f4_fortran, "fortran_order=True");
    /* Every truncation of a real file fails cleanly. */
    for (size_t n = 0; n < sizeof np_i32; n++)
        expect_fail_mem(np_i32, n, sizeof np_i32 - n > 24 ? "" : "truncated");
}

static void test_numpy_write_identical(void **state)
{
    (void)state;
    expect_same_as_numpy(np_f16, sizeof np_f16);
    expect_same_as_numpy(np_i32, sizeof np_i32);
    expect_same_as_numpy(np_bool, sizeof np_bool);
    expect_same_as_numpy(np_u8_scalar, sizeof np_u8_scalar);
    expect_same_as_numpy(np_u16_empty, sizeof np_u16_empty);
}

/* ---- files.h: replacing atomically, vetting inputs ---------------------------- */

static bool write_abc(FILE *f, void *ctx)
{
    (void)ctx;
    return fputs("abc", f) >= 0;
}

static bool write_then_fail(FILE *f, void *ctx)
{
    (void)ctx;
    fputs("partial", f);
    errno = ENOSPC; /* as a full disk would */
    return false;
}

/* No "NAME.tmp" sibling of path is left in /tmp. */
static void assert_no_temp(const char *path)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "ls -a /tmp | grep -q '^\\.%s\\.tmp'", strrchr(path, '/') + 1);
    assert_int_not_equal(system(cmd), 0);
}

static void test_replace(void **state)
{
    (void)state;
    char path[64];
    size_t n;
    tmp_path(path);
    assert_true(file_replace(path, write_abc, NULL, err, sizeof err));
    unsigned char *b = slurp(path, &n);
    assert_int_equal(n, 3);
    assert_memory_equal(b, "abc", 3);
    free(b);
    /* a failing writer (a full disk) leaves the old file and no temporary */
    assert_false(file_replace(path, write_then_fail, NULL, err, sizeof err));
    assert_non_null(strstr(err, "write failed: No space left on device"));
    assert_true(strncmp(err, path, strlen(path)) == 0);
    b = slurp(path, &n);
    assert_int_equal(n, 3);
    assert_memory_equal(b, "abc", 3);
    free(b);
    assert_no_temp(path);
    /* npy_write over a good file: an invalid write keeps it */
    int64_t s2[2] = {2, 3};
    float d[6] = {1, 2, 3, 4, 5, 6};
    assert_true(npy_write(path, NPY_FLOAT, 4, 2, s2, d, err, sizeof err));
    assert_false(npy_write(path, NPY_FLOAT, 3, 2, s2, d, err, sizeof err));
    NpyArray a;
    assert_true(npy_read(path, &a, err, sizeof err));
    assert_int_equal(a.numel, 6);
    npy_free(&a);
    unlink(path);
}

static void test_input_checks(void **state)
{
    (void)state;
    char path[64];
    uint64_t size = 0;
    assert_false(file_check_input("/tmp", 100, &size, err, sizeof err));
    assert_string_equal(err, "/tmp: is a directory");
    assert_false(file_check_input("/dev/null", 100, &size, err, sizeof err));
    assert_string_equal(err, "/dev/null: is not a regular file");
    assert_false(file_check_input("/nonexistent/x", 100, &size, err, sizeof err));
    assert_non_null(strstr(err, "cannot open: No such file"));
    tmp_path(path);
    spit(path, "12345", 5);
    assert_true(file_check_input(path, 5, &size, err, sizeof err));
    assert_int_equal(size, 5);
    assert_false(file_check_input(path, 4, &size, err, sizeof err));
    assert_non_null(strstr(err, "is larger than 0 MiB"));
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_getters),
        cmocka_unit_test(test_versions),
        cmocka_unit_test(test_header_variants),
        cmocka_unit_test(test_big_endian),
        cmocka_unit_test(test_reject_preamble),
        cmocka_unit_test(test_reject_header),
        cmocka_unit_test(test_f16),
        cmocka_unit_test(test_file_errors),
        cmocka_unit_test(test_pipe),
        cmocka_unit_test(test_write_errors),
        cmocka_unit_test(test_numpy_read),
        cmocka_unit_test(test_numpy_read_other_formats),
        cmocka_unit_test(test_numpy_write_identical),
        cmocka_unit_test(test_replace),
        cmocka_unit_test(test_input_checks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
