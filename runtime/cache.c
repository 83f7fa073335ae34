/* cache.c - the on-disk cache of compiled kernels.
 *
 * Key: XXH64 of the source, seeded with the hash of "dialect|arch|compiler
 * version|driver version|options", so any change of either misses.  Entry:
 * "SNCACHE1" | u64 code bytes | u64 XXH64(code) | code.  A truncated or
 * corrupt entry fails its check and is rebuilt.  Entries are written to a
 * unique temporary name and renamed into place, so processes loading the
 * same bundle at once never see a partial file (the last rename wins; all
 * write the same bytes).  A cache that cannot be written is not an error:
 * the compiled code is used anyway. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "internal.h"
#include "jit.h"

#define CACHE_MAGIC "SNCACHE1"

const char *rt_cache_dir(char *buf, size_t len)
{
    const char *env = getenv("SINTER_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    if (env && *env)
        snprintf(buf, len, "%s", env);
    else if (xdg && *xdg)
        snprintf(buf, len, "%s/sinter", xdg);
    else
        snprintf(buf, len, "%s/.cache/sinter", home && *home ? home : "/tmp");
    return buf;
}

/* mkdir -p; false if the directory cannot be made. */
static bool make_dirs(const char *path)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
                return false;
            *p = '/';
        }
    return mkdir(tmp, 0777) == 0 || errno == EEXIST;
}

static void put64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

/* The cached code at path, or false if absent or bad. */
static bool read_entry(const char *path, void **code, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    unsigned char h[24];
    bool ok = fread(h, 1, 24, f) == 24 && memcmp(h, CACHE_MAGIC, 8) == 0;
    uint64_t n = ok ? get64(h + 8) : 0;
    ok = ok && n > 0 && n < (1ull << 32);
    void *buf = ok ? malloc((size_t)n) : NULL;
    ok = buf && fread(buf, 1, (size_t)n, f) == n && fgetc(f) == EOF &&
         XXH64(buf, (size_t)n, 0) == get64(h + 16);
    fclose(f);
    if (!ok) {
        free(buf);
        return false;
    }
    *code = buf;
    *size = (size_t)n;
    return true;
}

static void write_entry(const char *path, const void *code, size_t size)
{
    static unsigned counter;
    char tmp[4400];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld.%u", path, (long)getpid(),
             __atomic_fetch_add(&counter, 1, __ATOMIC_RELAXED));
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return;
    unsigned char h[24];
    memcpy(h, CACHE_MAGIC, 8);
    put64(h + 8, size);
    put64(h + 16, XXH64(code, size, 0));
    bool ok = fwrite(h, 1, 24, f) == 24 && fwrite(code, 1, size, f) == size;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0)
        unlink(tmp);
}

sn_status rt_cache_binary(const char *source, int dialect, const char *arch,
                          const char *driver_version, void **code, size_t *size)
{
    RtCompiler c = dialect == SNB_CUDA ? RT_NVRTC : RT_HIPRTC;
    char compiler[128], meta[512], dir[4096], path[4200];
    if (!rt_jit_probe(c, compiler, sizeof compiler))
        return rt_error(SN_ERR_NO_DEVICE, "%s", compiler);
    snprintf(meta, sizeof meta, "%d|%s|%s|%s|opts1", dialect, arch, compiler, driver_version);
    uint64_t key = XXH64(source, strlen(source), XXH64(meta, strlen(meta), 0));
    rt_cache_dir(dir, sizeof dir);
    snprintf(path, sizeof path, "%s/%s-%016llx.bin", dir, arch, (unsigned long long)key);
    if (read_entry(path, code, size))
        return SN_OK;
    RtJitOutput out;
    char err[16384];
    if (!rt_jit_compile(c, source, "sinter.cu", arch, &out, err, sizeof err)) {
        rt_jit_free(&out);
        return rt_error(SN_ERR_COMPILE, "%s", err);
    }
    if (make_dirs(dir))
        write_entry(path, out.binary, out.size);
    *code = out.binary;
    *size = out.size;
    out.binary = NULL;
    rt_jit_free(&out);
    return SN_OK;
}
