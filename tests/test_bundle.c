/* test_bundle.c - bundles and the JIT cache without a GPU.
 *   - a bundle written by the compiler parses back with its signature,
 *     kernels and launch metadata;
 *   - a truncated bundle, a flipped byte (checksum), a newer format
 *     version, a bad magic and garbage are refused with a clear message;
 *   - kernel flags (format 3): an unknown bit is refused; the same bundle
 *     written as format 2 (no flags) still reads, its kernels unflagged;
 *   - the JIT cache (NVRTC, no GPU needed): a miss compiles and writes one
 *     entry, a hit returns the same bytes, a corrupt or truncated entry is
 *     detected and rebuilt.  Skipped where NVRTC cannot be loaded. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#define XXH_INLINE_ALL /* header-only, as in the runtime */
#include <xxhash.h>

#include "driver.h"
#include "front.h"
#include "internal.h"
#include "jit.h"

static unsigned char *bytes;
static size_t len;
static char *cuda_source;

/* The bundle of the example's first graph for `target` (malloc'd into
 * *out); its source into *source when non-NULL.  False, with the
 * diagnostics printed, on failure. */
static bool encode_for(const char *path, const char *target, unsigned char **out, size_t *n,
                       char **source)
{
    Arena *a = arena_new();
    Diag d;
    diag_init(&d);
    CgTarget t;
    SnCompileOptions opt = {.paths = &path, .npath = 1, .targets = &t, .ntarget = 1};
    SnCompiled c;
    bool ok = cg_target(target, &t, &d) && sn_compile(&opt, SN_STAGE_BUNDLE, NULL, NULL, a, &c,
                                                      &d);
    if (!ok)
        diag_print(&d, stderr);
    else if (source)
        *source = strdup(c.graphs[0].bundle.variants[0].module.source);
    *out = c.bytes;
    *n = c.len;
    diag_free(&d);
    arena_free(a);
    return ok;
}

static bool encode_example(const char *path, unsigned char **out, size_t *n, char **source)
{
    return encode_for(path, "cuda:sm_90", out, n, source);
}

static int setup(void **state)
{
    (void)state;
    return encode_example("examples/qwen3_qk_norm.sn", &bytes, &len, &cuda_source) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    free(bytes);
    free(cuda_source);
    return 0;
}

static sn_status parse_copy(const unsigned char *b, size_t n, sn_bundle **out)
{
    unsigned char *copy = malloc(n ? n : 1);
    memcpy(copy, b, n);
    return rt_bundle_parse(copy, n, out);
}

static void test_round_trip(void **state)
{
    (void)state;
    sn_bundle *b;
    assert_int_equal(parse_copy(bytes, len, &b), SN_OK);
    assert_int_equal(sn_bundle_num_graphs(b), 1);
    sn_graph *g = sn_bundle_graph(b, "qwen3_qk_norm");
    assert_non_null(g);
    assert_int_equal(sn_graph_num_inputs(g), 3);
    assert_int_equal(sn_graph_num_outputs(g), 2);
    const char *name;
    sn_dtype t;
    int rank;
    int64_t dims[8];
    assert_int_equal(sn_graph_input(g, 0, &name, &t, &rank, dims), SN_OK);
    assert_string_equal(name, "qkv");
    assert_int_equal(t, SN_BF16);
    assert_int_equal(rank, 2);
    assert_int_equal(dims[0], -1); /* symbol 0 */
    assert_int_equal(dims[1], 6144);
    assert_string_equal(sn_graph_symbol(g, 0), "T");
    assert_int_equal(g->nvariant, 1);
    assert_int_equal(g->variants[0].nkernel, 1);
    assert_int_equal(g->variants[0].kernels[0].nseg, 2); /* Q and K in one launch */
    assert_null(sn_bundle_graph(b, "nope"));
    assert_non_null(strstr(sn_last_error(), "nope"));
    rt_bundle_free(b);
}

/* A kernel's few-rows variant travels with it (format version 2), and so
 * does the flag that lets the runtime launch it with PDL (version 3): set
 * on CUDA kernels, which start with the grid wait, not on HIP ones. */
static void test_round_trip_few_rows(void **state)
{
    (void)state;
    unsigned char *b2;
    size_t n2;
    assert_true(encode_example("examples/add_rms_norm_fp8.sn", &b2, &n2, NULL));
    sn_bundle *b;
    assert_int_equal(parse_copy(b2, n2, &b), SN_OK);
    const RtKernel *k = &sn_bundle_graph(b, "add_rms_norm_fp8")->variants[0].kernels[0];
    assert_string_equal(k->name, "add_rms_norm_fp8_k0");
    assert_non_null(k->few_rows);
    assert_string_equal(k->few_rows->name, "add_rms_norm_fp8_k0_few");
    assert_string_equal(k->few_rows->scalar_name, ""); /* vector-only: see codegen.h */
    assert_string_equal(k->scalar_name, "add_rms_norm_fp8_k0_scalar");
    assert_int_equal(k->few_rows_grid_per_sm, 4);
    assert_int_equal(k->block, 128);
    assert_int_equal(k->few_rows->block, 256);
    assert_int_equal(k->few_rows->nparam, k->nparam);
    assert_null(k->few_rows->few_rows);
    assert_true(k->grid_wait);
    assert_true(k->few_rows->grid_wait);
    rt_bundle_free(b);
    free(b2);
    assert_true(encode_for("examples/add_rms_norm_fp8.sn", "hip:gfx942", &b2, &n2, NULL));
    assert_int_equal(parse_copy(b2, n2, &b), SN_OK);
    k = &sn_bundle_graph(b, "add_rms_norm_fp8")->variants[0].kernels[0];
    assert_false(k->grid_wait);
    assert_false(k->few_rows->grid_wait);
    rt_bundle_free(b);
    free(b2);
}

static void expect_refused(const unsigned char *b, size_t n, const char *why)
{
    sn_bundle *out = NULL;
    assert_int_equal(parse_copy(b, n, &out), SN_ERR_BUNDLE);
    assert_null(out);
    if (!strstr(sn_last_error(), why))
        fail_msg("expected '%s' in: %s", why, sn_last_error());
}

static void test_bad_bundles(void **state)
{
    (void)state;
    unsigned char *b = malloc(len);
    expect_refused(bytes, len - 1, "truncated");
    expect_refused(bytes, 10, "not a sinter bundle");
    memcpy(b, bytes, len);
    b[len / 2] ^= 0x40;
    expect_refused(b, len, "checksum");
    memcpy(b, bytes, len);
    b[8] = 99; /* version */
    expect_refused(b, len, "newer");
    memcpy(b, bytes, len);
    b[0] = 'X';
    expect_refused(b, len, "not a sinter bundle");
    for (size_t i = 0; i < len; i++)
        b[i] = (unsigned char)(i * 131 + 7);
    expect_refused(b, len, "not a sinter bundle");
    free(b);
}

/* The header's payload size and checksum for the bytes as they are now. */
static void reseal(unsigned char *b, size_t n)
{
    uint64_t size = n - SNB_HEADER_BYTES, h = XXH64(b + SNB_HEADER_BYTES, size, 0);
    for (int i = 0; i < 8; i++) {
        b[16 + i] = (unsigned char)(size >> (8 * i));
        b[24 + i] = (unsigned char)(h >> (8 * i));
    }
}

static uint32_t u32_at(const unsigned char *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

/* The flags words are found by what the reader says of them: of every u32
 * equal to GRID_WAIT, those whose change to an unknown bit gets "a kernel's
 * flags" refused.  The add+RMS bundle has two (kernel, few-rows variant);
 * cut out, with the version set to 2, the rest must parse as before. */
static void test_kernel_flags(void **state)
{
    (void)state;
    unsigned char *b, *c;
    size_t n;
    assert_true(encode_example("examples/add_rms_norm_fp8.sn", &b, &n, NULL));
    c = malloc(n);
    size_t at[8];
    int nat = 0;
    for (size_t p = SNB_HEADER_BYTES; p + 4 <= n; p++) {
        if (u32_at(b + p) != SNB_KERNEL_GRID_WAIT)
            continue;
        memcpy(c, b, n);
        c[p] |= 2;
        reseal(c, n);
        sn_bundle *out = NULL;
        if (parse_copy(c, n, &out) == SN_ERR_BUNDLE && strstr(sn_last_error(), "a kernel's flags")) {
            assert_true(nat < 8);
            at[nat++] = p;
        }
        rt_bundle_free(out);
    }
    assert_int_equal(nat, 2);
    size_t m = 0;
    for (size_t p = 0; p < n; p++) { /* drop the flags words */
        bool cut = false;
        for (int i = 0; i < nat; i++)
            cut |= p >= at[i] && p < at[i] + 4;
        if (!cut)
            c[m++] = b[p];
    }
    c[8] = 2; /* version */
    reseal(c, m);
    sn_bundle *v2;
    assert_int_equal(parse_copy(c, m, &v2), SN_OK);
    const RtKernel *k = &sn_bundle_graph(v2, "add_rms_norm_fp8")->variants[0].kernels[0];
    assert_string_equal(k->name, "add_rms_norm_fp8_k0");
    assert_non_null(k->few_rows);
    assert_int_equal(k->few_rows->block, 256);
    assert_false(k->grid_wait);
    assert_false(k->few_rows->grid_wait);
    rt_bundle_free(v2);
    free(b);
    free(c);
}

static void test_jit_cache(void **state)
{
    (void)state;
    char info[256];
    if (!rt_jit_probe(RT_NVRTC, info, sizeof info)) {
        print_message("        %s\n", info);
        skip();
    }
    char dir[] = "/tmp/sinter-cache-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    setenv("SINTER_CACHE_DIR", dir, 1);
    void *a = NULL, *b = NULL, *c = NULL;
    size_t na, nb, nc;
    assert_int_equal(rt_cache_binary(cuda_source, SNB_CUDA, "sm_90", "test", &a, &na), SN_OK);
    char cmd[512], path[512] = "";
    snprintf(cmd, sizeof cmd, "ls %s/*.bin", dir);
    FILE *p = popen(cmd, "r");
    assert_non_null(fgets(path, sizeof path, p));
    pclose(p);
    path[strcspn(path, "\n")] = 0;
    assert_int_equal(rt_cache_binary(cuda_source, SNB_CUDA, "sm_90", "test", &b, &nb), SN_OK);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na);
    /* corrupt the entry: it must be detected and rebuilt */
    FILE *f = fopen(path, "r+b");
    fseek(f, 100, SEEK_SET);
    fputc(0x5a, f);
    fclose(f);
    assert_int_equal(rt_cache_binary(cuda_source, SNB_CUDA, "sm_90", "test", &c, &nc), SN_OK);
    assert_int_equal(nc, na);
    assert_memory_equal(a, c, na);
    free(c);
    assert_int_equal(truncate(path, 50), 0);
    assert_int_equal(rt_cache_binary(cuda_source, SNB_CUDA, "sm_90", "test", &c, &nc), SN_OK);
    assert_memory_equal(a, c, na);
    /* a different arch or driver is a different key */
    void *d = NULL;
    size_t nd;
    assert_int_equal(rt_cache_binary(cuda_source, SNB_CUDA, "sm_80", "test", &d, &nd), SN_OK);
    snprintf(cmd, sizeof cmd, "ls %s | grep -c '\\.bin$'", dir);
    p = popen(cmd, "r");
    int entries = 0;
    assert_int_equal(fscanf(p, "%d", &entries), 1);
    pclose(p);
    assert_int_equal(entries, 2);
    free(a);
    free(b);
    free(c);
    free(d);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_round_trip_few_rows),
        cmocka_unit_test(test_bad_bundles),
        cmocka_unit_test(test_kernel_flags),
        cmocka_unit_test(test_jit_cache),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
