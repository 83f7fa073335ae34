/* test_launch.c - sn_launch's checks, without a GPU: bundles compiled here
 * are loaded on a fake device (tests/fake_device.c) and launched through
 * rt_launch, which is sn_launch less the driver call.
 *   - a good launch reaches the driver once per kernel with the grid the
 *     shapes give; bad arguments are refused before any launch with
 *     SN_ERR_INVALID and a message naming the problem: NULL arrays and
 *     shapes, misaligned elements, overflowing shapes and strides (among
 *     them strides {2^63-1, 1}, which once let an output inside an input
 *     pass), workspace too small, misaligned or overlapping a tensor;
 *   - every u32 of a valid bundle outside its sources, set to values a
 *     reader must not take on trust (-1, INT32_MIN, INT32_MAX, ...) and the
 *     checksum recomputed, is refused cleanly or, if the reader accepts it,
 *     launches or is refused without a crash (run this under ASan);
 *   - the JIT (runtime/prepare.c) with a counting stand-in compiler: a load
 *     compiles nothing, a launch compiles the one function it runs (its
 *     unit: -DSN_ONLY -DSN_ONLY_<name>) once, before launching anything;
 *     eager loads and sn_*_prepare compile every function once, in
 *     parallel; a second process's load reads them from the disk cache; a
 *     source without the unit guards is compiled whole, once; a failed
 *     compile launches nothing; eight threads' first launches compile once. */
#define _GNU_SOURCE /* memmem */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

#include "bundle.h"
#include "bundle_write.h"
#include "compiled_source.h"
#include "driver.h"
#include "fake_device.h"
#include "front.h"
#include "stand_in_jit.h"

static const char source[] =
    "graph add_rms(x: bf16[T, 64], residual: bf16[T, 64], w: bf16[64]) {\n"
    "    h = x + residual\n"
    "    return rms_norm(h, w, eps=1e-6), h\n"
    "}\n"
    "graph two_kernels(x: f32[T, 64]) {\n"
    "    r = sum(x, dim=-1, keepdim=true)\n"
    "    c = mean(x * r, dim=0, keepdim=true)\n"
    "    return x - c\n"
    "}\n"
    "graph aligned(x: f32[T, align(H, 4)], y: f32[H], z: f32[cdiv(T, 2), 3]) {\n"
    "    return sum(x, dim=-1), y + 1.0, z * 2.0\n"
    "}\n"
    "graph mx(q: f4e2m1[T, 64], s: f8e8m0[T, 2], c: f8e8m0[]) {\n"
    "    y = view(q, [T, 2, 32]) * unsqueeze(s, -1) * c\n"
    "    return view(y, [T, 64]), to(y, f4e2m1)\n"
    "}\n";

static int setup(void **state)
{
    (void)state;
    return compile_source("launch.sn", source, 4);
}

static sn_bundle *load(const unsigned char *b, size_t n)
{
    unsigned char *copy = malloc(n);
    memcpy(copy, b, n);
    sn_bundle *out;
    if (rt_bundle_parse(copy, n, &out) != SN_OK)
        return NULL;
    assert_int_equal(fake_load(out), SN_OK);
    return out;
}

/* The add_rms graph's arguments at T rows. */
typedef struct {
    FakeArgs a;
    sn_graph *g;
    sn_bundle *b;
} Case;

static void case_init(Case *c, const char *graph, int64_t T)
{
    c->b = load(bytes, len);
    assert_non_null(c->b);
    c->g = sn_bundle_graph(c->b, graph);
    assert_non_null(c->g);
    int64_t syms[1] = {T};
    fake_args(c->g, syms, &c->a);
    fake_reset();
}

static sn_status launch(Case *c, void *ws, size_t ws_size)
{
    return rt_launch(fake_device(), c->g, c->a.in, c->g->nin, c->a.out, c->g->nout, ws, ws_size,
                     NULL);
}

static void expect(sn_status got, sn_status want, const char *why)
{
    assert_int_equal(got, want);
    if (!strstr(sn_last_error(), why))
        fail_msg("expected '%s' in: %s", why, sn_last_error());
    if (want != SN_OK)
        assert_int_equal(fake_log.launches, 0);
}

static void test_good_launch(void **state)
{
    (void)state;
    Case c;
    case_init(&c, "add_rms", 1000);
    expect(launch(&c, NULL, 0), SN_OK, "");
    assert_int_equal(fake_log.launches, 1);
    const RtKernel *k = &c.g->active->kernels[0];
    if (k->few_rows && rt_grid(k, (int64_t[]){1000}) <= 132 * k->few_rows_grid_per_sm)
        k = k->few_rows; /* 1000 rows are few on a 132-SM device */
    assert_string_equal(fake_log.kernel, k->name);
    assert_true(fake_log.grid > 0);
    assert_int_equal((int64_t)fake_log.grid, rt_grid(k, (int64_t[]){1000}));
    sn_bundle_free(c.b);
    case_init(&c, "two_kernels", 100);
    size_t need = 0;
    assert_int_equal(sn_graph_workspace_size(c.g, c.a.in, 1, &need), SN_OK);
    assert_true(need >= 100 * 4);
    expect(launch(&c, fake_workspace(), need), SN_OK, "");
    assert_int_equal(fake_log.launches, 2);
    sn_bundle_free(c.b);
}

/* Derived sizes: align(H, 4) (4 * cdiv(H, 4)) and cdiv(T, 2) are computed
 * from T and H (bound by x and y) and checked against x and z, never bound
 * from them. */
static void test_derived_sizes(void **state)
{
    (void)state;
    sn_bundle *b = load(bytes, len);
    assert_non_null(b);
    sn_graph *g = sn_bundle_graph(b, "aligned");
    assert_non_null(g);
    assert_int_equal(g->nsym, 4);
    assert_string_equal(g->syms[2], "cdiv(H, 4)");
    assert_string_equal(g->syms[3], "cdiv(T, 2)");
    assert_int_equal(g->symdefs[2].op, SNB_SYM_CDIV);
    assert_int_equal(g->symdefs[2].b, 4);
    assert_int_equal(g->ins[0].dims[1].coef, 4);
    int64_t syms[4] = {7, 5, -1, -1};
    rt_derive_syms(g, syms);
    assert_int_equal(syms[2], 2);
    assert_int_equal(syms[3], 4);
    FakeArgs a;
    fake_args(g, syms, &a);
    fake_reset();
    sn_status st = rt_launch(fake_device(), g, a.in, g->nin, a.out, g->nout, NULL, 0, NULL);
    if (st != SN_OK)
        fail_msg("%s", sn_last_error());
    assert_true(fake_log.launches >= 1);
    fake_reset();
    a.shape[0][0][1] = 5; /* x: [7, 5], but align(5, 4) is 8 */
    expect(rt_launch(fake_device(), g, a.in, g->nin, a.out, g->nout, NULL, 0, NULL),
           SN_ERR_INVALID, "input 'x': dim 1 is 5 but the graph needs 8 (cdiv(H, 4) times a factor)");
    a.shape[0][0][1] = 8;
    a.shape[0][2][0] = 3; /* z: cdiv(7, 2) is 4 */
    expect(rt_launch(fake_device(), g, a.in, g->nin, a.out, g->nout, NULL, 0, NULL),
           SN_ERR_INVALID, "input 'z': dim 0 is 3 but the graph needs 4 (cdiv(T, 2))");
    /* format 5 has no derived symbols: the writer refuses; 6 round-trips */
    unsigned char *out;
    size_t nout;
    char err[256];
    assert_false(rt_bundle_write(g, 1, 5, &out, &nout, err, sizeof err));
    assert_non_null(strstr(err, "derived size cdiv(H, 4); format 5 has none"));
    assert_true(rt_bundle_write(g, 1, SNB_VERSION, &out, &nout, err, sizeof err));
    sn_bundle *again = load(out, nout);
    assert_non_null(again);
    assert_int_equal(again->graphs[0].symdefs[3].op, SNB_SYM_CDIV);
    assert_int_equal(again->graphs[0].symdefs[3].a.syms[0], 0);
    assert_int_equal(again->graphs[0].symdefs[0].op, SNB_SYM_FREE);
    sn_bundle_free(again);
    free(out);
    sn_bundle_free(b);
}

static void test_null_pointers(void **state)
{
    (void)state;
    Case c;
    case_init(&c, "add_rms", 8);
    expect(rt_launch(fake_device(), c.g, c.a.in, 3, NULL, 2, NULL, 0, NULL), SN_ERR_INVALID,
           "output array is NULL");
    expect(rt_launch(fake_device(), c.g, NULL, 3, c.a.out, 2, NULL, 0, NULL), SN_ERR_INVALID,
           "input array is NULL");
    expect(rt_launch(fake_device(), c.g, c.a.in, 3, c.a.out, 1, NULL, 0, NULL), SN_ERR_INVALID,
           "takes 3 inputs and 2 outputs, got 3 and 1");
    size_t ws;
    expect(sn_graph_workspace_size(c.g, NULL, 3, &ws), SN_ERR_INVALID, "input array is NULL");
    c.a.in[1].shape = NULL;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "input 'residual': rank 2 but no shape");
    c.a.in[1].shape = c.a.shape[0][1];
    c.a.out[0].shape = NULL;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "output 'out0': rank 2 but no shape");
    c.a.out[0].shape = c.a.shape[1][0];
    c.a.in[0].data = NULL;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "input 'x': NULL data pointer");
    expect(rt_launch(fake_device(), NULL, c.a.in, 3, c.a.out, 2, NULL, 0, NULL), SN_ERR_INVALID,
           "no graph");
    sn_bundle_free(c.b);
}

static void test_misaligned(void **state)
{
    (void)state;
    Case c;
    case_init(&c, "add_rms", 8);
    c.a.in[2].data = (char *)c.a.in[2].data + 1;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "input 'w': data pointer");
    assert_non_null(strstr(sn_last_error(), "not aligned to its bf16 elements (2 bytes)"));
    c.a.in[2].data = (char *)c.a.in[2].data + 1; /* 2-byte aligned: the scalar kernel */
    expect(launch(&c, NULL, 0), SN_OK, "");
    assert_int_equal(fake_log.launches, 1);
    assert_non_null(strstr(fake_log.kernel, "scalar"));
    fake_reset();
    c.a.out[1].data = (char *)c.a.out[1].data + 1;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "output 'h': data pointer");
    sn_bundle_free(c.b);
}

/* f4e2m1 tensors: strides in elements, outer strides even, a tensor of n
 * elements spans n / 2 bytes (an output right after an input's last byte
 * does not overlap it, one byte earlier does). */
static void test_packed_f4(void **state)
{
    (void)state;
    Case c;
    case_init(&c, "mx", 10);
    expect(launch(&c, NULL, 0), SN_OK, "");
    assert_int_equal(fake_log.launches, 1);
    fake_reset();
    int64_t odd[2] = {63, 1}, even[2] = {66, 1};
    c.a.in[0].strides = odd;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "input 'q': dim 0 has an odd stride (63); "
                                                 "f4e2m1 packs two elements per byte");
    c.a.in[0].strides = even;
    expect(launch(&c, NULL, 0), SN_OK, "");
    fake_reset();
    c.a.in[0].strides = NULL;
    c.a.out[1].data = (char *)c.a.in[0].data + 10 * 32; /* q spans 10 * 64 / 2 bytes */
    expect(launch(&c, NULL, 0), SN_OK, "");
    fake_reset();
    c.a.out[1].data = (char *)c.a.in[0].data + 10 * 32 - 1;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "output 'out1' overlaps input 'q'");
    sn_bundle_free(c.b);
}

static void test_workspace(void **state)
{
    (void)state;
    Case c;
    case_init(&c, "two_kernels", 100);
    size_t need = 0;
    assert_int_equal(sn_graph_workspace_size(c.g, c.a.in, 1, &need), SN_OK);
    char *ws = fake_workspace();
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "needs");
    expect(launch(&c, ws, need - 1), SN_ERR_INVALID, "needs");
    expect(launch(&c, ws + 16, need), SN_ERR_INVALID, "workspace");
    assert_non_null(strstr(sn_last_error(), "not aligned to 256 bytes"));
    expect(launch(&c, c.a.in[0].data, need), SN_ERR_INVALID, "the workspace overlaps input 'x'");
    expect(launch(&c, (char *)c.a.out[0].data + 256, need), SN_ERR_INVALID,
           "the workspace overlaps output 'out0'");
    expect(launch(&c, (char *)c.a.in[0].data - 256, need), SN_ERR_INVALID,
           "the workspace overlaps input 'x'");
    expect(launch(&c, (void *)(UINTPTR_MAX & ~(uintptr_t)255), need), SN_ERR_INVALID,
           "wraps the address space");
    expect(launch(&c, ws, need), SN_OK, "");
    sn_bundle_free(c.b);
}

static void test_overflow(void **state)
{
    (void)state;
    Case c;
    case_init(&c, "add_rms", 8);
    int64_t huge[2] = {INT64_MAX / 32, 64};   /* numel > 2^63 */
    for (int i = 0; i < 2; i++)
        c.a.in[i].shape = huge;
    c.a.out[0].shape = c.a.out[1].shape = huge;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "more elements than fit 64 bits");
    int64_t big[2] = {INT64_MAX / 64, 64};    /* numel fits, its bytes do not */
    c.a.in[0].shape = c.a.in[1].shape = c.a.out[0].shape = c.a.out[1].shape = big;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "span more bytes than the address space holds");
    int64_t neg[2] = {-1, 64};
    c.a.in[0].shape = neg;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "negative");
    sn_bundle_free(c.b);

    /* strides {2^63-1, 1}: (2-1) * (2^63-1) + 63 overflows; before the
     * checked sums the span wrapped and an output placed inside x passed */
    case_init(&c, "add_rms", 2);
    int64_t strides[2] = {INT64_MAX, 1};
    c.a.in[0].strides = strides;
    c.a.out[0].data = (char *)c.a.in[0].data + 4096;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "input 'x': its shape and strides span more");
    int64_t far[2] = {INT64_MAX - 100, 1};    /* fits 64 bits, its end address does not */
    c.a.in[0].strides = far;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "input 'x': its shape and strides span more");
    int64_t back[2] = {-64, 1};
    c.a.in[0].strides = back;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "negative stride");
    int64_t wide[2] = {1 << 20, 1};           /* a legal view: output 0 inside it */
    c.a.in[0].strides = wide;
    expect(launch(&c, NULL, 0), SN_ERR_INVALID, "output 'out0' overlaps input 'x'");
    sn_bundle_free(c.b);

    /* a grid beyond what a launch can take is the driver's limit */
    case_init(&c, "add_rms", (int64_t)1 << 39);
    expect(launch(&c, NULL, 0), SN_ERR_LAUNCH, "blocks");
    sn_bundle_free(c.b);
}

/* ----------------------------------------------------- mutated bundles */

static void reseal(unsigned char *b, size_t n)
{
    uint64_t size = n - SNB_HEADER_BYTES, h = XXH64(b + SNB_HEADER_BYTES, size, 0);
    for (int i = 0; i < 8; i++) {
        b[16 + i] = (unsigned char)(size >> (8 * i));
        b[24 + i] = (unsigned char)(h >> (8 * i));
    }
}

/* [lo, hi) of each variant's source in the bundle's bytes. */
static int source_ranges(size_t lo[], size_t hi[])
{
    sn_bundle *b = load(bytes, len);
    int n = 0;
    for (int g = 0; g < b->ngraph; g++)
        for (int v = 0; v < b->graphs[g].nvariant; v++) {
            const char *src = b->graphs[g].variants[v].source;
            const unsigned char *at = memmem(bytes, len, src, strlen(src));
            assert_non_null(at);
            lo[n] = (size_t)(at - bytes);
            hi[n] = lo[n] + strlen(src);
            n++;
        }
    sn_bundle_free(b);
    return n;
}

/* An accepted mutation must still launch or be refused, never crash. */
static void launch_all(sn_bundle *b)
{
    for (int g = 0; g < b->ngraph; g++) {
        FakeArgs a;
        int64_t syms[SNB_MAX_SYMS];
        for (int i = 0; i < SNB_MAX_SYMS; i++)
            syms[i] = 5;
        sn_graph *gr = &b->graphs[g];
        fake_args(gr, syms, &a);
        size_t need = 0;
        sn_graph_workspace_size(gr, a.in, gr->nin, &need);
        sn_status s = rt_launch(fake_device(), gr, a.in, gr->nin, a.out, gr->nout,
                                fake_workspace(), need, NULL);
        assert_true(s == SN_OK || s == SN_ERR_INVALID || s == SN_ERR_LAUNCH);
    }
}

static void test_mutated_bundles(void **state)
{
    (void)state;
    static const uint32_t values[] = {0xffffffffu, 0x80000000u, 0x7fffffffu, 0xfffffffeu,
                                      0x100u, 0x41u, 9u, 2u};
    size_t lo[8], hi[8];
    int nsrc = source_ranges(lo, hi);
    unsigned char *m = malloc(len);
    int refused = 0, accepted = 0;
    for (size_t p = SNB_HEADER_BYTES; p + 4 <= len; p++) {
        bool in_source = false;
        for (int i = 0; i < nsrc; i++)
            in_source |= p + 4 > lo[i] && p < hi[i];
        if (in_source)
            continue;
        for (size_t v = 0; v < sizeof values / sizeof values[0]; v++) {
            memcpy(m, bytes, len);
            for (int i = 0; i < 4; i++)
                m[p + i] = (unsigned char)(values[v] >> (8 * i));
            reseal(m, len);
            unsigned char *copy = malloc(len);
            memcpy(copy, m, len);
            sn_bundle *b;
            sn_status s = rt_bundle_parse(copy, len, &b);
            if (s != SN_OK) {
                assert_int_equal(s, SN_ERR_BUNDLE);
                assert_non_null(strstr(sn_last_error(), "corrupt bundle: bad "));
                refused++;
                continue;
            }
            accepted++;
            if (fake_load(b) == SN_OK) /* else: no CUDA variant left */
                launch_all(b);
            sn_bundle_free(b);
        }
    }
    print_message("        %d mutations refused, %d accepted (names, sizes)\n", refused,
                  accepted);
    assert_true(refused > accepted);
    free(m);
}

/* ------------------------------------------------------------- the JIT */

/* The stand-in compiler: counts compiles (from any thread), and its "code"
 * is the text "UNIT <define>" or "UNIT ALL"; it fails for the functions
 * whose name starts with jit_fail. */
static int jit_compiles;
static int jit_threads_seen;
static const char *jit_fail;
static char jit_last_opts[256];
static pthread_t jit_first_thread;

static bool jit_compile(void *ctx, const char *src, const char *name, const char *const *opts,
                        int nopts, void **code, size_t *size, char *err, size_t errlen)
{
    (void)ctx;
    (void)src;
    __atomic_fetch_add(&jit_compiles, 1, __ATOMIC_SEQ_CST);
    if (!pthread_equal(pthread_self(), jit_first_thread))
        __atomic_store_n(&jit_threads_seen, 2, __ATOMIC_SEQ_CST);
    struct timespec t = {0, 2000000}; /* 2 ms: workers overlap */
    nanosleep(&t, NULL);
    if (jit_fail && !strncmp(name, jit_fail, strlen(jit_fail))) { /* and its variants */
        snprintf(err, errlen, "error: %s does not compile", name);
        return false;
    }
    char text[512];
    snprintf(text, sizeof text, "UNIT %s", nopts == 2 ? opts[1] : "ALL");
    if (nopts == 2)
        snprintf(jit_last_opts, sizeof jit_last_opts, "%s %s", opts[0], opts[1]);
    *size = strlen(text) + 1;
    *code = strdup(text);
    return true;
}

static const RtJitHook jit_hook = {"stand-in compiler 1.0", jit_compile, NULL};

static RtDevice jit_dev;

static void jit_reset(void)
{
    jit_dev = *fake_device();
    jit_dev.module_load = unit_module_load;
    jit_dev.function = unit_function;
    unit_refuse = false;
    jit_dev.jit = &jit_hook;
    jit_compiles = 0;
    jit_threads_seen = 1;
    jit_fail = NULL;
    jit_first_thread = pthread_self();
    fake_reset();
}

static int jit_setup(void **state)
{
    (void)state;
    if (cache_dir_make("/tmp/sinter-test-jit-XXXXXX") != 0)
        return -1;
    jit_reset();
    return 0;
}

static int jit_teardown(void **state)
{
    (void)state;
    unit_free_modules();
    return cache_dir_remove();
}

static sn_bundle *jit_load(bool eager, sn_status want)
{
    unsigned char *copy = malloc(len);
    memcpy(copy, bytes, len);
    sn_bundle *b;
    assert_int_equal(rt_bundle_parse(copy, len, &b), SN_OK);
    /* eager: every function, the scalar fallbacks too (the default eager
     * mode, which leaves them out, is test_jit_prepare's) */
    assert_int_equal(rt_bundle_load_graphs(b, &jit_dev, eager ? RT_JIT_EAGER_ALL : RT_JIT_LAZY),
                     want);
    return b;
}

/* Kernel functions of the bundle (vector, scalar, few-rows). */
static int count_functions(const sn_bundle *b)
{
    int n = 0;
    for (int i = 0; i < b->ngraph; i++) {
        const RtVariant *v = b->graphs[i].active;
        for (int k = 0; k < v->nkernel; k++)
            for (const RtKernel *kn = &v->kernels[k]; kn; kn = kn->few_rows)
                n += 1 + (kn->scalar_name[0] != 0);
    }
    return n;
}

/* Launch g at T rows, its first input `misalign` bytes off its alignment. */
static sn_status jit_launch(sn_graph *g, int64_t T, FakeArgs *a, int misalign)
{
    int64_t syms[1] = {T};
    fake_args(g, syms, a);
    a->in[0].data = (char *)a->in[0].data + misalign;
    size_t need = 0;
    assert_int_equal(sn_graph_workspace_size(g, a->in, g->nin, &need), SN_OK);
    return rt_launch(&jit_dev, g, a->in, g->nin, a->out, g->nout, need ? fake_workspace() : NULL,
                     need, NULL);
}

static void test_lazy_jit(void **state)
{
    (void)state;
    sn_bundle *b = jit_load(false, SN_OK);
    assert_int_equal(jit_compiles, 0); /* a load compiles nothing */
    sn_graph *g = sn_bundle_graph(b, "add_rms");
    RtKernel *k = &g->active->kernels[0];
    assert_null(k->fn);
    FakeArgs a;
    /* many rows, aligned: the vector kernel's unit alone */
    expect(jit_launch(g, 100000, &a, 0), SN_OK, "");
    assert_int_equal(jit_compiles, 1);
    assert_string_equal(fake_log.kernel, k->name);
    char want[256];
    snprintf(want, sizeof want, "-DSN_ONLY -DSN_ONLY_%s", k->name);
    assert_string_equal(jit_last_opts, want);
    assert_null(k->fn_scalar);
    /* again: nothing compiled */
    expect(jit_launch(g, 100000, &a, 0), SN_OK, "");
    assert_int_equal(jit_compiles, 1);
    /* misaligned: the scalar kernel, compiled now */
    expect(jit_launch(g, 100000, &a, 2), SN_OK, "");
    assert_int_equal(jit_compiles, 2);
    assert_string_equal(fake_log.kernel, k->scalar_name);
    /* few rows: the few-rows kernel */
    assert_non_null(k->few_rows);
    expect(jit_launch(g, 1, &a, 0), SN_OK, "");
    assert_int_equal(jit_compiles, 3);
    assert_string_equal(fake_log.kernel, k->few_rows->name);
    assert_int_equal(fake_log.launches, 4);
    /* every function loaded now: preparing compiles nothing more */
    assert_int_equal(rt_bundle_prepare(b, &jit_dev, true), SN_OK);
    assert_int_equal(jit_compiles, count_functions(b));
    int before = jit_compiles;
    assert_int_equal(rt_bundle_prepare(b, &jit_dev, true), SN_OK);
    assert_int_equal(jit_compiles, before);
    sn_bundle_free(b);
}

static void test_eager_jit_and_cache(void **state)
{
    (void)state;
    sn_bundle *b = jit_load(true, SN_OK);
    int n = count_functions(b);
    assert_true(n >= 5); /* add_rms: 3; two_kernels: 2 kernels */
    assert_int_equal(jit_compiles, n);
    assert_int_equal(jit_threads_seen, 2); /* compiled in worker threads too */
    FakeArgs a;
    sn_graph *g = sn_bundle_graph(b, "two_kernels");
    expect(jit_launch(g, 100, &a, 0), SN_OK, "");
    expect(jit_launch(g, 100, &a, 4), SN_OK, "");
    expect(jit_launch(sn_bundle_graph(b, "add_rms"), 3, &a, 0), SN_OK, "");
    assert_int_equal(jit_compiles, n);
    sn_bundle_free(b);
    /* another load (as another process would): every unit from the cache */
    jit_compiles = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    b = jit_load(true, SN_OK);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    assert_int_equal(jit_compiles, 0);
    print_message("        warm eager load of %d functions (fake driver): %.3f ms\n", n,
                  (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    expect(jit_launch(sn_bundle_graph(b, "add_rms"), 100000, &a, 2), SN_OK, "");
    assert_int_equal(jit_compiles, 0);
    sn_bundle_free(b);
    /* lazily from the cache too */
    b = jit_load(false, SN_OK);
    expect(jit_launch(sn_bundle_graph(b, "add_rms"), 100000, &a, 0), SN_OK, "");
    assert_int_equal(jit_compiles, 0);
    /* a unit of another compiler is another entry */
    static const RtJitHook other = {"stand-in compiler 2.0", jit_compile, NULL};
    jit_dev.jit = &other;
    assert_int_equal(rt_bundle_prepare(b, &jit_dev, true), SN_OK);
    assert_int_equal(jit_compiles, n - 1);
    sn_bundle_free(b);
}

static void test_jit_errors(void **state)
{
    (void)state;
    sn_bundle *b = jit_load(false, SN_OK);
    sn_graph *g = sn_bundle_graph(b, "two_kernels");
    const RtKernel *k1 = &g->active->kernels[1];
    char k1_name[256];
    snprintf(k1_name, sizeof k1_name, "%s", k1->name);
    jit_fail = k1_name;
    FakeArgs a;
    /* the second kernel fails: nothing at all is launched */
    expect(jit_launch(g, 100, &a, 0), SN_ERR_COMPILE, "does not compile");
    assert_non_null(strstr(sn_last_error(), k1->name));
    assert_int_equal(fake_log.launches, 0);
    /* and nothing stays half-loaded: it is tried again */
    jit_fail = NULL;
    int before = jit_compiles;
    expect(jit_launch(g, 100, &a, 0), SN_OK, "");
    assert_int_equal(jit_compiles, before + 1);
    assert_int_equal(fake_log.launches, 2);
    sn_bundle_free(b);
    /* eager (another compiler: nothing cached): the error names the
     * function; what compiled is loaded */
    jit_reset();
    static const RtJitHook fresh = {"stand-in compiler 3.0", jit_compile, NULL};
    jit_dev.jit = &fresh;
    jit_fail = k1_name;
    b = jit_load(true, SN_ERR_COMPILE);
    assert_non_null(strstr(sn_last_error(), "does not compile"));
    g = sn_bundle_graph(b, "add_rms");
    assert_non_null(g->active->kernels[0].fn);
    sn_bundle_free(b);
    /* a driver that refuses the module: the error says to prepare first */
    jit_reset();
    b = jit_load(false, SN_OK);
    unit_refuse = true;
    expect(jit_launch(sn_bundle_graph(b, "add_rms"), 8, &a, 0), SN_ERR_COMPILE,
           "call sn_bundle_prepare before capturing");
    unit_refuse = false;
    expect(jit_launch(sn_bundle_graph(b, "add_rms"), 8, &a, 0), SN_OK, "");
    assert_int_equal(jit_compiles, 1); /* the code came from the cache the second time */
    sn_bundle_free(b);
    /* the API refuses what was never loaded on a device */
    assert_int_equal(sn_graph_prepare(NULL), SN_ERR_INVALID);
    assert_int_equal(sn_bundle_prepare(NULL), SN_ERR_INVALID);
    sn_bundle *r;
    assert_int_equal(sn_bundle_read_memory(bytes, len, &r), SN_OK);
    assert_int_equal(sn_bundle_prepare(r), SN_ERR_INVALID);
    assert_non_null(strstr(sn_last_error(), "sn_bundle_read_"));
    assert_int_equal(sn_graph_prepare(sn_bundle_graph(r, "add_rms")), SN_ERR_INVALID);
    sn_bundle_free(r);
}

/* A bundle written before the unit guards: its source is one unit. */
static void test_whole_source(void **state)
{
    (void)state;
    sn_bundle *b = jit_load(false, SN_OK);
    for (int i = 0; i < b->ngraph; i++) /* unguard: "SN_ONLY" becomes "SN_0NLY" */
        for (char *p = b->graphs[i].active->source; (p = strstr(p, "(SN_ONLY"));)
            p[4] = '0';
    sn_graph *g = sn_bundle_graph(b, "add_rms");
    FakeArgs a;
    expect(jit_launch(g, 100000, &a, 0), SN_OK, "");
    assert_int_equal(jit_compiles, 1);
    assert_non_null(g->module);
    expect(jit_launch(g, 100000, &a, 2), SN_OK, "");
    expect(jit_launch(g, 1, &a, 0), SN_OK, "");
    assert_int_equal(jit_compiles, 1); /* every function came with the first */
    assert_int_equal(rt_bundle_prepare(b, &jit_dev, true), SN_OK);
    assert_int_equal(jit_compiles, 4); /* the other three graphs, each whole */
    sn_bundle_free(b);
}

typedef struct {
    sn_graph *g;
    sn_status s;
} Racer;

static void *race_launch(void *arg)
{
    Racer *r = arg;
    FakeArgs a;
    int64_t syms[1] = {100000};
    fake_args(r->g, syms, &a);
    r->s = rt_launch(&jit_dev, r->g, a.in, r->g->nin, a.out, r->g->nout, NULL, 0, NULL);
    return NULL;
}

static void test_concurrent_first_launch(void **state)
{
    (void)state;
    sn_bundle *b = jit_load(false, SN_OK);
    Racer r[8];
    pthread_t th[8];
    for (int i = 0; i < 8; i++) {
        r[i] = (Racer){sn_bundle_graph(b, "add_rms"), SN_ERR_IO};
        assert_int_equal(pthread_create(&th[i], NULL, race_launch, &r[i]), 0);
    }
    for (int i = 0; i < 8; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(r[i].s, SN_OK);
    }
    assert_int_equal(jit_compiles, 1);
    sn_bundle_free(b);
}

static void test_jit_settings(void **state)
{
    (void)state;
    assert_int_equal(rt_jit_mode_parse(NULL), 0);
    assert_int_equal(rt_jit_mode_parse(""), 0);
    assert_int_equal(rt_jit_mode_parse("lazy"), 0);
    assert_int_equal(rt_jit_mode_parse("eager"), 1);
    assert_int_equal(rt_jit_mode_parse("Eager"), -1);
    assert_int_equal(rt_jit_threads_parse(NULL, 2), 2);
    assert_int_equal(rt_jit_threads_parse("", 64), 16);
    assert_int_equal(rt_jit_threads_parse(NULL, -1), 1);
    assert_int_equal(rt_jit_threads_parse("3", 2), 3);
    assert_int_equal(rt_jit_threads_parse("1000", 2), 64);
    assert_int_equal(rt_jit_threads_parse("0", 2), -1);
    assert_int_equal(rt_jit_threads_parse("-2", 2), -1);
    assert_int_equal(rt_jit_threads_parse("4x", 2), -1);
}

int main(void)
{
    /* worker threads however many CPUs this machine has (read once) */
    setenv("SINTER_JIT_THREADS", "4", 1);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_launch),
        cmocka_unit_test(test_derived_sizes),
        cmocka_unit_test(test_null_pointers),
        cmocka_unit_test(test_misaligned),
        cmocka_unit_test(test_packed_f4),    cmocka_unit_test(test_workspace),
        cmocka_unit_test(test_overflow),      cmocka_unit_test(test_mutated_bundles),
#define J(f) cmocka_unit_test_setup_teardown(f, jit_setup, jit_teardown)
        J(test_lazy_jit),
        J(test_eager_jit_and_cache),
        J(test_jit_errors),
        J(test_whole_source),
        J(test_concurrent_first_launch),
        cmocka_unit_test(test_jit_settings),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
