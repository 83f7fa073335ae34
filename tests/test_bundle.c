/* test_bundle.c - bundles and the JIT cache without a GPU.
 *   - a bundle written by the compiler parses back with its signature,
 *     kernels and launch metadata;
 *   - a truncated bundle, a flipped byte (checksum), a newer format
 *     version, a bad magic and garbage are refused with a clear message;
 *   - kernel flags (format 3): an unknown bit is refused;
 *   - formats 1-3 (written by the writer in each) still read; format 4's
 *     index bounds travel with the inputs;
 *   - the writer writes back what the reader read, and keeps the reader's
 *     limits (4,097 graphs read back; 1,100 and 5,000 inputs are refused);
 *   - the introspection calls (sn_bundle_describe, ...);
 *   - the JIT cache (NVRTC, no GPU needed): a miss compiles and writes one
 *     entry, a hit returns the same bytes, a corrupt or truncated entry is
 *     detected and rebuilt.  Skipped where NVRTC cannot be loaded. */
#define _GNU_SOURCE /* memmem */
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

#include "bundle.h"
#include "bundle_write.h"
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

/* The public introspection calls see what the reader read, without a
 * device, and refuse indices out of range. */
static void test_describe(void **state)
{
    (void)state;
    sn_bundle *b;
    assert_int_equal(sn_bundle_read_memory(bytes, len, &b), SN_OK);
    sn_bundle_info bi;
    assert_int_equal(sn_bundle_describe(b, &bi), SN_OK);
    assert_int_equal(bi.format_version, SNB_VERSION);
    assert_int_equal(bi.bytes, len);
    assert_int_equal(bi.ngraphs, 1);
    sn_graph *g = sn_bundle_graph(b, "qwen3_qk_norm");
    sn_graph_info gi;
    assert_int_equal(sn_graph_describe(g, &gi), SN_OK);
    assert_int_equal(gi.ninputs, 3);
    assert_int_equal(gi.noutputs, 2);
    assert_int_equal(gi.nvariants, 1);
    sn_tensor_info t;
    assert_int_equal(sn_graph_tensor(g, 0, 0, &t), SN_OK);
    assert_string_equal(t.name, "qkv");
    assert_int_equal(t.dtype, SN_BF16);
    assert_int_equal(t.rank, 2);
    assert_int_equal(t.dims[0].nsym, 1);
    assert_int_equal(t.dims[0].coef, 1);
    assert_string_equal(sn_graph_symbol(g, t.dims[0].syms[0]), "T");
    assert_int_equal(t.dims[1].coef, 6144);
    assert_int_equal(t.alias, -1);
    assert_int_equal(sn_graph_tensor(g, 0, 3, &t), SN_ERR_INVALID);
    assert_non_null(strstr(sn_last_error(), "input 3 of graph qwen3_qk_norm: it has 3"));
    assert_int_equal(sn_graph_tensor(g, 3, 0, &t), SN_ERR_INVALID);
    sn_variant_info v;
    assert_int_equal(sn_graph_variant(g, 0, &v), SN_OK);
    assert_string_equal(v.dialect, "CUDA");
    assert_string_equal(v.source, cuda_source);
    sn_kernel_info k;
    assert_int_equal(sn_graph_kernel(g, 0, 0, &k), SN_OK);
    assert_int_equal(k.nsegments, 2);
    assert_int_equal(sn_graph_kernel(g, 0, 1, &k), SN_ERR_INVALID);
    assert_int_equal(sn_graph_variant(g, 1, &v), SN_ERR_INVALID);
    sn_binary_info bin;
    assert_int_equal(sn_graph_binary(g, 0, 0, &bin), SN_ERR_INVALID);
    sn_bundle_free(b);
}

/* The writer writes back what the reader read, byte for byte. */
static void test_write_back(void **state)
{
    (void)state;
    unsigned char *b2, *again;
    size_t n2, n3;
    char err[256];
    assert_true(encode_example("examples/add_rms_norm_fp8.sn", &b2, &n2, NULL));
    sn_bundle *b;
    assert_int_equal(parse_copy(b2, n2, &b), SN_OK);
    assert_true(rt_bundle_write(b->graphs, b->ngraph, SNB_VERSION, &again, &n3, err, sizeof err));
    assert_int_equal(n3, n2);
    assert_memory_equal(again, b2, n2);
    rt_bundle_free(b);
    free(again);
    free(b2);
}

/* A graph of n f32[8] inputs summed, returned nout times (each plus k):
 * n + nout buffers. */
static const char *wide_text(Arena *a, int n, int nout)
{
    size_t cap = (size_t)(n + nout) * 40 + 100, at = 0;
    char *text = arena_alloc(a, cap);
    at += (size_t)snprintf(text + at, cap - at, "graph wide(");
    for (int i = 0; i < n; i++)
        at += (size_t)snprintf(text + at, cap - at, "%sa%d: f32[8]", i ? ", " : "", i);
    at += (size_t)snprintf(text + at, cap - at, ") {\n    s = a0\n");
    for (int i = 1; i < n; i++)
        at += (size_t)snprintf(text + at, cap - at, "    s = s + a%d\n", i);
    at += (size_t)snprintf(text + at, cap - at, "    return s");
    for (int o = 1; o < nout; o++)
        at += (size_t)snprintf(text + at, cap - at, ", s + %d.0", o);
    snprintf(text + at, cap - at, "\n}\n");
    return text;
}

/* text compiled through the code stage into *bg (false with errors in d). */
static bool compile_text(const char *text, Diag *d, Arena *a, BundleGraph *bg)
{
    CgTarget t;
    const char *path = "wide.sn", *texts[1] = {text};
    SnCompileOptions opt = {.paths = &path, .texts = texts, .npath = 1, .targets = &t,
                            .ntarget = 1};
    SnCompiled c;
    if (!cg_target("cuda:sm_90", &t, d) || !sn_compile(&opt, SN_STAGE_CODE, NULL, NULL, a, &c, d))
        return false;
    *bg = c.graphs[0].bundle;
    return true;
}

static bool compile_wide(int n, Diag *d, Arena *a, BundleGraph *bg)
{
    return compile_text(wide_text(a, n, 1), d, a, bg);
}

/* Compiling text fails with `want` among the messages. */
static void expect_compile_error(Arena *a, const char *text, const char *want)
{
    BundleGraph bg;
    Diag d;
    diag_init(&d);
    assert_false(compile_text(text, &d, a, &bg));
    char *msg = NULL;
    size_t mlen = 0;
    FILE *f = open_memstream(&msg, &mlen);
    diag_print(&d, f);
    fclose(f);
    if (!strstr(msg, want))
        fail_msg("expected '%s' in: %s", want, msg);
    free(msg);
    diag_free(&d);
}

/* The writer keeps exactly the reader's limits: the number of graphs has
 * none (4,097 graphs write and read back); a graph over SNB_MAX_BUFFERS
 * (1,100 or 5,000 inputs) is refused when compiled, naming the graph and
 * the limit, and one at the limit (255 inputs and an output) reads back. */
static void test_limits(void **state)
{
    (void)state;
    Arena *a = arena_new();
    Diag d;
    diag_init(&d);
    BundleGraph wide;
    assert_true(compile_wide(SNB_MAX_BUFFERS - 1, &d, a, &wide));
    int n = 4097;
    BundleGraph *many = calloc((size_t)n, sizeof *many);
    for (int i = 0; i < n; i++)
        many[i] = wide;
    unsigned char *out;
    size_t len2;
    assert_true(bundle_encode(many, n, &out, &len2));
    sn_bundle *b;
    assert_int_equal(parse_copy(out, len2, &b), SN_OK);
    assert_int_equal(b->ngraph, n);
    assert_int_equal(b->graphs[n - 1].nin, SNB_MAX_BUFFERS - 1);
    rt_bundle_free(b);
    free(out);
    free(many);
    /* 1,100 and 5,000 inputs: the front end refuses the parameter list */
    for (int k = 0; k < 2; k++)
        expect_compile_error(a, wide_text(a, k ? 5000 : 1100, 1),
                             "graph 'wide' has more than 256 parameters");
    /* 200 inputs and 60 outputs pass the front end; the writer refuses 260 buffers */
    expect_compile_error(a, wide_text(a, 200, 60),
                         "graph wide: 200 inputs, 60 outputs and 0 temporaries make 260 "
                         "buffers; a bundle holds at most 256");
    diag_free(&d);
    arena_free(a);
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
    b[12] = 1; /* the reserved flags word (not in the checksum) */
    expect_refused(b, len, "reserved flags are 0x1, not 0");
    memcpy(b, bytes, len);
    b[8] = 0; /* version 0 */
    expect_refused(b, len, "version 0 does not exist");
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
 * flags" refused.  The add+RMS bundle has two (kernel, few-rows variant). */
static void test_kernel_flags(void **state)
{
    (void)state;
    unsigned char *b, *c;
    size_t n;
    assert_true(encode_example("examples/add_rms_norm_fp8.sn", &b, &n, NULL));
    c = malloc(n);
    int nat = 0;
    for (size_t p = SNB_HEADER_BYTES; p + 4 <= n; p++) {
        if (u32_at(b + p) != SNB_KERNEL_GRID_WAIT)
            continue;
        memcpy(c, b, n);
        c[p] |= 2;
        reseal(c, n);
        sn_bundle *out = NULL;
        if (parse_copy(c, n, &out) == SN_ERR_BUNDLE && strstr(sn_last_error(), "a kernel's flags"))
            nat++;
        rt_bundle_free(out);
    }
    assert_int_equal(nat, 2);
    /* a NUL inside a string (the graph name) is refused, checksum or not */
    memcpy(c, b, n);
    unsigned char *name = memmem(c + SNB_HEADER_BYTES, n - SNB_HEADER_BYTES, "add_rms", 7);
    assert_non_null(name);
    name[3] = 0;
    reseal(c, n);
    expect_refused(c, n, "bad a graph name");
    free(b);
    free(c);
}

/* Drop what format `version` cannot hold: flags before 3, few-rows
 * variants before 2, index bounds before 4. */
static void downgrade(sn_bundle *b, uint32_t version)
{
    for (int g = 0; g < b->ngraph; g++) {
        sn_graph *gr = &b->graphs[g];
        for (int i = 0; version < 4 && i < gr->nin; i++)
            gr->ins[i].nbound = 0;
        for (int v = 0; v < gr->nvariant; v++)
            for (int k = 0; k < gr->variants[v].nkernel; k++) {
                RtKernel *kn = &gr->variants[v].kernels[k];
                for (RtKernel *x = kn; x && version < 3; x = x->few_rows)
                    x->grid_wait = false;
                if (version < 2 && kn->few_rows) {
                    free(kn->few_rows->name);
                    free(kn->few_rows->scalar_name);
                    free(kn->few_rows->params);
                    free(kn->few_rows->segs);
                    free(kn->few_rows->align);
                    free(kn->few_rows);
                    kn->few_rows = NULL;
                }
            }
    }
}

/* Formats 1-3 still load: the examples' bundles, written in each older
 * format by the writer (what that format holds), read back with their
 * version, signature and kernels, and write back byte for byte.  The
 * writer refuses to write into an older format what it cannot hold. */
static void test_old_formats(void **state)
{
    (void)state;
    const char *examples[] = {"examples/add_rms_norm_fp8.sn", "examples/mla_rope_fp8.sn"};
    for (int e = 0; e < 2; e++) {
        unsigned char *cur, *old, *again;
        size_t ncur, nold, nagain;
        char err[256];
        assert_true(encode_example(examples[e], &cur, &ncur, NULL));
        for (uint32_t version = 1; version < SNB_VERSION; version++) {
            sn_bundle *b;
            assert_int_equal(parse_copy(cur, ncur, &b), SN_OK);
            if (e == 1 && version == 3) /* positions has an index bound */
                assert_false(rt_bundle_write(b->graphs, 1, 3, &old, &nold, err, sizeof err));
            if (e == 0 && version == 2)
                assert_false(rt_bundle_write(b->graphs, 1, 2, &old, &nold, err, sizeof err));
            downgrade(b, version);
            assert_true(rt_bundle_write(b->graphs, 1, version, &old, &nold, err, sizeof err));
            rt_bundle_free(b);
            assert_true(nold < ncur);
            assert_int_equal(parse_copy(old, nold, &b), SN_OK);
            assert_int_equal(b->version, version);
            const sn_graph *g = &b->graphs[0];
            assert_int_equal(g->nin, 4);
            const RtKernel *k = &g->variants[0].kernels[0];
            assert_true(k->nparam > 0 && k->nseg > 0);
            assert_int_equal(k->few_rows != NULL, version >= 2);
            assert_int_equal(k->grid_wait, version >= 3);
            assert_true(rt_bundle_write(b->graphs, 1, version, &again, &nagain, err, sizeof err));
            assert_int_equal(nagain, nold);
            assert_memory_equal(again, old, nold);
            rt_bundle_free(b);
            free(old);
            free(again);
        }
        free(cur);
    }
}

/* Format 4's index bounds: mla_rope's positions index the cache's 4096
 * rows; no other input has a bound. */
static void test_index_bounds(void **state)
{
    (void)state;
    unsigned char *b2;
    size_t n2;
    assert_true(encode_example("examples/mla_rope_fp8.sn", &b2, &n2, NULL));
    sn_bundle *b;
    assert_int_equal(parse_copy(b2, n2, &b), SN_OK);
    sn_graph *g = &b->graphs[0];
    sn_tensor_info t;
    for (int i = 0; i < g->nin; i++) {
        assert_int_equal(sn_graph_tensor(g, 0, i, &t), SN_OK);
        bool pos = strcmp(t.name, "positions") == 0;
        assert_int_equal(t.nbounds, pos ? 1 : 0);
        if (pos) {
            assert_int_equal(t.bounds[0].coef, 4096);
            assert_int_equal(t.bounds[0].nsym, 0);
        }
    }
    rt_bundle_free(b);
    free(b2);
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
    assert_int_equal(rt_cache_binary("t", cuda_source, SNB_CUDA, "sm_90", "test", &a, &na), SN_OK);
    char cmd[512], path[512] = "";
    snprintf(cmd, sizeof cmd, "ls %s/*.bin", dir);
    FILE *p = popen(cmd, "r");
    assert_non_null(fgets(path, sizeof path, p));
    pclose(p);
    path[strcspn(path, "\n")] = 0;
    assert_int_equal(rt_cache_binary("t", cuda_source, SNB_CUDA, "sm_90", "test", &b, &nb), SN_OK);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na);
    /* corrupt the entry: it must be detected and rebuilt */
    FILE *f = fopen(path, "r+b");
    fseek(f, 100, SEEK_SET);
    fputc(0x5a, f);
    fclose(f);
    assert_int_equal(rt_cache_binary("t", cuda_source, SNB_CUDA, "sm_90", "test", &c, &nc), SN_OK);
    assert_int_equal(nc, na);
    assert_memory_equal(a, c, na);
    free(c);
    assert_int_equal(truncate(path, 50), 0);
    assert_int_equal(rt_cache_binary("t", cuda_source, SNB_CUDA, "sm_90", "test", &c, &nc), SN_OK);
    assert_memory_equal(a, c, na);
    /* a different arch or driver is a different key */
    void *d = NULL;
    size_t nd;
    assert_int_equal(rt_cache_binary("t", cuda_source, SNB_CUDA, "sm_80", "test", &d, &nd), SN_OK);
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
        cmocka_unit_test(test_describe),
        cmocka_unit_test(test_write_back),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_bad_bundles),
        cmocka_unit_test(test_kernel_flags),
        cmocka_unit_test(test_old_formats),
        cmocka_unit_test(test_index_bounds),
        cmocka_unit_test(test_jit_cache),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
