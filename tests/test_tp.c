/* test_tp.c - all_reduce (issue 18), without a GPU:
 *  - the language: all_reduce of an integer or a non-tensor is a located
 *    error; of a bf16 tensor, an f32 sum;
 *  - semantics: the sum over the ranks in rank order in f32, exactly: the
 *    interpreter and the kernel executor both give (1 + 1e8) - 1e8 = 0 for
 *    ranks holding 1, 1e8, -1e8 (an f64 sum or another order gives 1), and
 *    -0 for one rank holding -0;
 *  - the fusion plan: tests/tp/tp_qk_norm.sn is two kernels (the partial
 *    sums of Q and K in one launch, normalisation in the next) with two
 *    all_reduce steps between them, over f32 temps of the reductions'
 *    shape; allreduce_add_rms_norm_fp8.sn likewise with one;
 *  - kexec vs the interpreter on both programs, simulated worlds 1, 2, 4,
 *    8 at T = 1, 3, 64, with both schedules (many rows, few rows): f32
 *    within 1e-5 relative + 1e-6, bf16 within 1 ulp, f8 within one step
 *    for at most 1% of the elements; and every rank's copy of an all-reduced
 *    value is the same (the residual stream h of the second program, given
 *    the same residual on every rank);
 *  - every place an all_reduce may sit (an output, under views and cats,
 *    chained, over reductions of either axis, written into a parameter)
 *    against the interpreter at worlds 1-4;
 *  - bad input: worlds 0 and 65, a rank's input of the wrong shape;
 *    kir_verify refusing a collective read before its sum, over an input,
 *    or out of kernel order;
 *  - the bundle (format 7): the steps round trip; format 6 cannot hold
 *    them; a reader refuses a step over a non-temporary or past the last
 *    kernel;
 *  - sn_launch on a fake device: no communicator is SN_ERR_INVALID before
 *    any launch; with one, kernel, all-reduce, all-reduce, kernel in that
 *    order on the temps' addresses and sizes, the kernel after them
 *    without PDL; a failing all-reduce is SN_ERR_LAUNCH naming it; with no
 *    NCCL library to open ($SINTER_NCCL naming a missing file)
 *    SN_ERR_NO_DEVICE; where libnccl.so.2 is installed (a GPU is not
 *    needed), the runtime opens it and reads its version. */
#include <dlfcn.h>
#include <math.h>
#include <setjmp.h>
#include <sys/wait.h>
#include <unistd.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bundle_write.h"
#include "driver.h"
#include "fake_device.h"
#include "front.h"
#include "interp.h"
#include "kexec.h"

/* ---- helpers ------------------------------------------------------------------------- */

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = 0;
    fclose(f);
    return s;
}

/* Compiles text to the bundle (CUDA sm_90), keeping the reference IR;
 * false with the diagnostics in *err (malloc'd) on failure. */
static bool compile(Arena *a, const char *name, const char *text, SnCompiled *c, char **err)
{
    Diag d;
    diag_init(&d);
    CgTarget t;
    const char *texts[1] = {text};
    SnCompileOptions opt = {.paths = &name, .texts = texts, .npath = 1, .targets = &t,
                            .ntarget = 1, .keep_reference = true};
    bool ok = cg_target("cuda:sm_90", &t, &d) &&
              sn_compile(&opt, SN_STAGE_BUNDLE, NULL, NULL, a, c, &d);
    if (err) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        diag_print(&d, f);
        fclose(f);
        *err = buf;
    }
    diag_free(&d);
    return ok;
}

/* The file at path compiled by compile() (it must compile). */
static void compile_file(Arena *a, const char *path, SnCompiled *c)
{
    char *src = slurp(path);
    assert_true(compile(a, path, src, c, NULL));
    free(src);
}

/* A compiled file for the tests that share one (cmocka setup and teardown). */
typedef struct {
    Arena *a;
    SnCompiled c;
} Fixture;

static int setup_qk_norm(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    f->a = arena_new();
    compile_file(f->a, "tests/tp/tp_qk_norm.sn", &f->c);
    *state = f;
    return 0;
}

static int teardown_compiled(void **state)
{
    Fixture *f = *state;
    sn_compiled_free(&f->c);
    arena_free(f->a);
    free(f);
    return 0;
}

static uint64_t rng_state;
static float uniform(void)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (float)((double)(rng_state >> 11) * 0x1p-53 * 2.0 - 1.0);
}

/* world x nparam inputs at the graph's sizes: floats uniform in [-1, 1)
 * rounded to the dtype; rank-0 parameters 0.05 (the FP8 scale); with
 * same_param >= 0 that parameter is rank 0's on every rank. */
static IrBuf *make_inputs(const IrGraph *g, const int64_t *syms, int world, int same_param)
{
    IrBuf *in = calloc((size_t)(world * g->nparam) + 1, sizeof *in);
    for (int r = 0; r < world; r++)
        for (int p = 0; p < g->nparam; p++) {
            const IrNode *n = g->params[p];
            int64_t shape[IR_MAX_RANK];
            for (int k = 0; k < n->rank; k++)
                shape[k] = dim_eval(n->shape[k], syms);
            IrBuf *b = &in[r * g->nparam + p];
            assert_true(ir_buf_alloc(b, n->dtype, n->rank, shape));
            for (int64_t e = 0; e < b->numel; e++)
                b->f[e] = n->rank == 0 ? 0.05f
                          : p == same_param && r > 0 ? in[p].f[e]
                          : dt_round_float(uniform(), n->dtype);
        }
    return in;
}

static void free_bufs(IrBuf *b, int n)
{
    for (int i = 0; i < n; i++)
        ir_buf_free(&b[i]);
    free(b);
}

/* The spacing of dtype t's values at |v| (normal range; subnormals: the
 * smallest). */
static double ulp_at(float v, DType t)
{
    int mant = t == DT_BF16 ? 7 : t == DT_F16 ? 10 : t == DT_F8E4M3 ? 3 : t == DT_F8E5M2 ? 2 : 23;
    int emin = t == DT_BF16 ? -126 : t == DT_F16 ? -14 : t == DT_F8E4M3 ? -6
             : t == DT_F8E5M2 ? -14 : -126;
    int e;
    frexp(fabs((double)v), &e);
    e -= 1;
    if (e < emin)
        e = emin;
    return ldexp(1.0, e - mant);
}

/* Issue 3's tolerance (test_fusion.c's close_example). */
static void assert_close(const IrBuf *want, const IrBuf *got, const char *what)
{
    assert_int_equal(want->numel, got->numel);
    assert_int_equal(want->dtype, got->dtype);
    int64_t steps = 0;
    for (int64_t e = 0; e < want->numel; e++) {
        float a = got->f[e], b = want->f[e];
        if (a == b || fabs((double)a - b) <= 1e-5 * fabs(b) + 1e-6)
            continue;
        bool ok = want->dtype != DT_F32 && fabs((double)a - b) <= ulp_at(b, want->dtype);
        steps += ok && dt_is_f8(want->dtype);
        if (!ok)
            fail_msg("%s: element %lld: kexec %.9g, interpreter %.9g", what, (long long)e,
                     (double)a, (double)b);
    }
    if (steps > want->numel / 100)
        fail_msg("%s: %lld of %lld f8 elements are one step apart", what, (long long)steps,
                 (long long)want->numel);
}

/* ---- the language --------------------------------------------------------------------- */

static void expect_error(const char *src, const char *want)
{
    Arena *a = arena_new();
    SnCompiled c;
    char *err = NULL;
    assert_false(compile(a, "bad.sn", src, &c, &err));
    if (!strstr(err, want))
        fail_msg("expected '%s' in:\n%s", want, err);
    free(err);
    sn_compiled_free(&c);
    arena_free(a);
}

static void test_language(void **state)
{
    (void)state;
    expect_error("graph g(x: i32[T, 4]) {\n    return all_reduce(x)\n}\n",
                 "bad.sn:2:23: error: 'all_reduce' sums floats only, got i32[T, 4]");
    expect_error("graph g(x: bool[4]) {\n    return all_reduce(x)\n}\n", "sums floats only");
    expect_error("graph g(x: f32[4]) {\n    return all_reduce(1.0) + x\n}\n",
                 "the argument of 'all_reduce' must be a tensor");
    expect_error("graph g(x: f32[4]) {\n    return all_reduce(x, x)\n}\n", "too many arguments");
    /* bf16 in, f32 out: the sum is not rounded to the operand's dtype */
    Arena *a = arena_new();
    SnCompiled c;
    char *err = NULL;
    bool ok = compile(a, "g.sn", "graph g(x: bf16[T, 4]) {\n    return all_reduce(x)\n}\n", &c,
                      &err);
    if (!ok)
        fail_msg("%s", err);
    free(err);
    assert_int_equal(c.graphs[0].reference->outs[0]->dtype, DT_F32);
    assert_int_equal(c.graphs[0].reference->outs[0]->op, IR_ALLREDUCE);
    sn_compiled_free(&c);
    arena_free(a);
}

/* ---- semantics: rank order in f32 ----------------------------------------------------------- */

static void run_both(const SnCompiled *c, const int64_t *syms, int world, const IrBuf *in,
                     IrBuf *want, IrBuf *got, KexecVariant v)
{
    Diag d;
    diag_init(&d);
    bool ok = ir_interp_world(c->graphs[0].reference, syms, world, in, want, &d) &&
              kexec_run_world(c->graphs[0].prog, v, syms, world, in, got, NULL, &d);
    if (!ok)
        diag_print(&d, stderr);
    diag_free(&d);
    assert_true(ok);
}

static void test_rank_order(void **state)
{
    (void)state;
    Arena *a = arena_new();
    SnCompiled c;
    assert_true(compile(a, "o.sn", "graph o(x: f32[2]) {\n    return all_reduce(x)\n}\n", &c,
                        NULL));
    const float vals[3][2] = {{1.0f, -0.0f}, {1e8f, -0.0f}, {-1e8f, -0.0f}};
    IrBuf in[3], want[3] = {{0}}, got[3] = {{0}};
    for (int r = 0; r < 3; r++) {
        assert_true(ir_buf_alloc(&in[r], DT_F32, 1, (int64_t[]){2}));
        memcpy(in[r].f, vals[r], sizeof vals[r]);
    }
    run_both(&c, NULL, 3, in, want, got, KEXEC_MANY_ROWS);
    for (int r = 0; r < 3; r++) {
        assert_true(want[r].f[0] == 0.0f && got[r].f[0] == 0.0f); /* not 1: f32, rank order */
        assert_true(signbit(want[r].f[1]) && signbit(got[r].f[1])); /* -0 + -0 + -0 */
        ir_buf_free(&want[r]);
        ir_buf_free(&got[r]);
    }
    run_both(&c, NULL, 1, in, want, got, KEXEC_MANY_ROWS); /* one rank: x itself */
    assert_true(want[0].f[0] == 1.0f && got[0].f[0] == 1.0f && signbit(got[0].f[1]));
    ir_buf_free(&want[0]);
    ir_buf_free(&got[0]);
    for (int r = 0; r < 3; r++)
        ir_buf_free(&in[r]);
    sn_compiled_free(&c);
    arena_free(a);
}

/* ---- the fusion plan -------------------------------------------------------------------- */

static void test_plan(void **state)
{
    (void)state;
    Arena *a = arena_new();
    SnCompiled c;
    compile_file(a, "tests/tp/tp_qk_norm.sn", &c);
    const KProgram *p = c.graphs[0].prog;
    assert_int_equal(p->nkernel, 2);
    assert_int_equal(p->kernels[0]->nseg, 2); /* Q's and K's partial sums in one launch */
    assert_int_equal(p->ncoll, 2);
    for (int i = 0; i < 2; i++) {
        const KBuf *b = &p->bufs[p->colls[i].buf];
        assert_int_equal(p->colls[i].after, 0);
        assert_int_equal(b->kind, KB_TEMP);
        assert_int_equal(b->dtype, DT_F32);
        assert_int_equal(b->rank, 2); /* [T, 1]: one partial sum per row */
        assert_true(dim_is_const(b->shape[1], 1));
    }
    sn_compiled_free(&c);
    compile_file(a, "tests/tp/allreduce_add_rms_norm_fp8.sn", &c);
    p = c.graphs[0].prog;
    assert_int_equal(p->nkernel, 2);
    assert_int_equal(p->ncoll, 1);
    assert_int_equal(p->colls[0].after, 0);
    assert_int_equal(p->bufs[p->colls[0].buf].rank, 2);
    assert_true(dim_is_const(p->bufs[p->colls[0].buf].shape[1], 4096));
    sn_compiled_free(&c);
    /* no all_reduce, no step; a chain of two: kernel, sum, kernel, sum, kernel */
    assert_true(compile(a, "c.sn", "graph c(x: f32[T, 8]) {\n"
                        "    s = all_reduce(sum(x, dim=-1, keepdim=true))\n"
                        "    return all_reduce(x / s) + 1.0\n}\n", &c, NULL));
    p = c.graphs[0].prog;
    assert_int_equal(p->nkernel, 3);
    assert_int_equal(p->ncoll, 2);
    assert_int_equal(p->colls[0].after, 0);
    assert_int_equal(p->colls[1].after, 1);
    int64_t syms[1] = {3};
    rng_state = 5;
    IrBuf *in = make_inputs(c.graphs[0].reference, syms, 4, -1);
    IrBuf want[4] = {{0}}, got[4] = {{0}};
    run_both(&c, syms, 4, in, want, got, KEXEC_MANY_ROWS);
    for (int r = 0; r < 4; r++) {
        assert_close(&want[r], &got[r], "chain");
        ir_buf_free(&want[r]);
        ir_buf_free(&got[r]);
    }
    free_bufs(in, 4);
    sn_compiled_free(&c);
    arena_free(a);
}

/* ---- kexec vs the interpreter ------------------------------------------------------------ */

static void check_program(const char *path, int same_param, int same_out)
{
    Arena *a = arena_new();
    SnCompiled c;
    compile_file(a, path, &c);
    const IrGraph *g = c.graphs[0].reference;
    const int worlds[] = {1, 2, 4, 8}, Ts[] = {1, 3, 64};
    for (int wi = 0; wi < 4; wi++)
        for (int ti = 0; ti < 3; ti++)
            for (int v = 0; v < 2; v++) {
                int world = worlds[wi];
                int64_t syms[1] = {Ts[ti]};
                rng_state = (uint64_t)(world * 100 + Ts[ti]);
                IrBuf *in = make_inputs(g, syms, world, same_param);
                IrBuf *want = calloc((size_t)(world * g->nout), sizeof *want);
                IrBuf *got = calloc((size_t)(world * g->nout), sizeof *got);
                run_both(&c, syms, world, in, want, got, (KexecVariant)v);
                for (int i = 0; i < world * g->nout; i++) {
                    char what[256];
                    snprintf(what, sizeof what, "%s world %d T %d rank %d output %d%s", path,
                             world, Ts[ti], i / g->nout, i % g->nout, v ? " (few rows)" : "");
                    assert_close(&want[i], &got[i], what);
                    if (same_out >= 0 && i % g->nout == same_out) /* same on every rank */
                        assert_memory_equal(got[i].f, got[same_out].f,
                                            sizeof(float) * (size_t)got[i].numel);
                }
                free_bufs(in, world * g->nparam);
                free_bufs(want, world * g->nout);
                free_bufs(got, world * g->nout);
            }
    sn_compiled_free(&c);
    arena_free(a);
}

static void test_worlds(void **state)
{
    (void)state;
    check_program("tests/tp/tp_qk_norm.sn", -1, -1);
    check_program("tests/tp/allreduce_add_rms_norm_fp8.sn", 1, 1); /* one residual: one h */
}

/* Where an all_reduce may sit: an output itself, under a peeled view or a
 * cat, chained, over a reduction of either axis (another domain), without
 * keepdim, an amax, written into its own operand's parameter, over a
 * bf16 input.  Each against the interpreter at worlds 1-4. */
static void test_shapes(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "    return all_reduce(x)\n",
        "    return transpose(all_reduce(x), 0, 1)\n",
        "    return all_reduce(all_reduce(x) * 2.0) - x\n",
        "    return x / all_reduce(amax(abs(x), dim=-1, keepdim=true))\n",
        "    return cat([all_reduce(x), x], dim=-1)\n",
        "    return x - all_reduce(sum(x, dim=0, keepdim=true)) / 4.0\n",
        "    return x * unsqueeze(all_reduce(sum(x, dim=-1)), -1)\n",
        "    return all_reduce(x) * 0.5 -> x\n",
        "    return all_reduce(to(y, f32) + x), y\n",
        "    s = all_reduce(mean(x * x, dim=-1, keepdim=true))\n"
        "    return to(x * rsqrt(s + 1e-6), bf16), all_reduce(y)\n",
    };
    for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
        char src[1024];
        snprintf(src, sizeof src, "graph s(x: f32[T, 8], y: bf16[T, 8]) {\n%s}\n", bodies[i]);
        Arena *a = arena_new();
        SnCompiled c;
        char *err = NULL;
        if (!compile(a, "s.sn", src, &c, &err))
            fail_msg("%s\n%s", src, err);
        free(err);
        const IrGraph *g = c.graphs[0].reference;
        assert_true(c.graphs[0].prog->ncoll >= 1);
        for (int world = 1; world <= 4; world++) {
            int64_t syms[1] = {5};
            rng_state = (uint64_t)(i * 10 + (size_t)world);
            IrBuf *in = make_inputs(g, syms, world, -1);
            IrBuf *want = calloc((size_t)(world * g->nout), sizeof *want);
            IrBuf *got = calloc((size_t)(world * g->nout), sizeof *got);
            run_both(&c, syms, world, in, want, got, KEXEC_MANY_ROWS);
            for (int o = 0; o < world * g->nout; o++) {
                char what[1200];
                snprintf(what, sizeof what, "%sworld %d output %d", src, world, o);
                assert_close(&want[o], &got[o], what);
            }
            free_bufs(in, world * g->nparam);
            free_bufs(want, world * g->nout);
            free_bufs(got, world * g->nout);
        }
        sn_compiled_free(&c);
        arena_free(a);
    }
}

/* ---- bad input ------------------------------------------------------------------------ */

static void expect_diag(bool ok, Diag *d, const char *want)
{
    assert_false(ok);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(d, f);
    fclose(f);
    if (!strstr(buf, want))
        fail_msg("expected '%s' in:\n%s", want, buf);
    free(buf);
    diag_free(d);
    diag_init(d);
}

static void test_bad_input(void **state)
{
    SnCompiled *c = &((Fixture *)*state)->c;
    const IrGraph *g = c->graphs[0].reference;
    KProgram *p = c->graphs[0].prog;
    int64_t syms[1] = {2};
    IrBuf *in = make_inputs(g, syms, 4, -1);
    IrBuf out[16] = {{0}};
    Diag d;
    diag_init(&d);
    expect_diag(ir_interp_world(g, syms, 0, in, out, &d), &d, "a simulated world of 0 ranks");
    expect_diag(kexec_run_world(p, KEXEC_MANY_ROWS, syms, 65, in, out, NULL, &d), &d,
                "a simulated world of 65 ranks (1 to 64)");
    /* rank 2's k has 3 rows, not T = 2 */
    IrBuf saved = in[2 * g->nparam + 1];
    assert_true(ir_buf_alloc(&in[2 * g->nparam + 1], DT_BF16, 2, (int64_t[]){3, 256}));
    expect_diag(ir_interp_world(g, syms, 4, in, out, &d), &d,
                "input 'k' does not match its parameter");
    assert_true(ir_interp_world(g, syms, 4, in, out, &d) == false);
    expect_diag(false, &d, "in the inputs of rank 2 of 4");
    expect_diag(kexec_run_world(p, KEXEC_MANY_ROWS, syms, 4, in, out, NULL, &d), &d,
                "on rank 2 of 4");
    ir_buf_free(&in[2 * g->nparam + 1]);
    in[2 * g->nparam + 1] = saved;
    for (int i = 0; i < 16; i++)
        assert_null(out[i].f);
    /* the kernel IR verifier */
    KCollective keep = p->colls[0];
    p->colls[0].after = 1; /* kernel 1 reads it: before the sum */
    expect_diag(kir_verify(p, &d), &d, "kernel 1 reads buffer");
    p->colls[0] = keep;
    p->colls[0].buf = 0; /* an input */
    expect_diag(kir_verify(p, &d), &d, "is not an f32 temp");
    p->colls[0] = keep;
    p->colls[1].after = -1;
    expect_diag(kir_verify(p, &d), &d, "collective 1: bad kind, or after kernel -1");
    p->colls[1] = p->colls[0];
    expect_diag(kir_verify(p, &d), &d, "sum the same buffer");
    p->colls[1] = keep;
    p->colls[1].buf = keep.buf + 1;
    assert_true(kir_verify(p, &d));
    diag_free(&d);
    free_bufs(in, 4 * g->nparam);
}

/* ---- the bundle and the launch ------------------------------------------------------------- */

static sn_bundle *parse(const unsigned char *bytes, size_t len)
{
    unsigned char *copy = malloc(len);
    memcpy(copy, bytes, len);
    sn_bundle *b = NULL;
    return rt_bundle_parse(copy, len, &b) == SN_OK ? b : NULL;
}

static void test_bundle(void **state)
{
    SnCompiled *c = &((Fixture *)*state)->c;
    sn_bundle *b = parse(c->bytes, c->len);
    assert_non_null(b);
    assert_int_equal(b->version, 7);
    sn_graph *g = &b->graphs[0];
    assert_int_equal(sn_graph_num_collectives(g), 2);
    const KProgram *p = c->graphs[0].prog;
    for (int i = 0; i < 2; i++) {
        assert_int_equal(g->colls[i].op, SNB_COLL_ALL_REDUCE_SUM);
        assert_int_equal(g->colls[i].buf, p->colls[i].buf);
        assert_int_equal(g->colls[i].after, 0);
    }
    char err[512];
    unsigned char *out = NULL;
    size_t len = 0;
    assert_false(rt_bundle_write(g, 1, 6, &out, &len, err, sizeof err));
    assert_non_null(strstr(err, "format 6 has none"));
    assert_true(rt_bundle_write(g, 1, 7, &out, &len, err, sizeof err));
    assert_int_equal(len, c->len);
    assert_memory_equal(out, c->bytes, len);
    free(out);
    /* a step past the last kernel, over an input: refused by the writer */
    g->colls[1].after = 2;
    assert_false(rt_bundle_write(g, 1, 7, &out, &len, err, sizeof err));
    g->colls[1].after = 0;
    g->colls[1].buf = 0;
    assert_false(rt_bundle_write(g, 1, 7, &out, &len, err, sizeof err));
    assert_non_null(strstr(err, "malformed collective step 1"));
    sn_bundle_free(b);
}

static void test_launch(void **state)
{
    SnCompiled *c = &((Fixture *)*state)->c;
    sn_bundle *b = parse(c->bytes, c->len);
    assert_non_null(b);
    assert_int_equal(fake_load(b), SN_OK);
    sn_graph *g = &b->graphs[0];
    FakeArgs args;
    int64_t syms[1] = {1000};
    fake_args(g, syms, &args);
    size_t need = 0;
    assert_int_equal(sn_graph_workspace_size(g, args.in, g->nin, &need), SN_OK);
    assert_true(need >= 2 * 1000 * 4);
    void *ws = fake_workspace();
    fake_reset();
    /* no communicator: refused before anything runs */
    assert_int_equal(rt_launch(fake_device_coll(), g, args.in, g->nin, args.out, g->nout, ws,
                               need, NULL), SN_ERR_INVALID);
    assert_non_null(strstr(sn_last_error(), "graph tp_qk_norm sums over ranks (2 all_reduce "
                                            "steps) but has no communicator"));
    assert_int_equal(fake_log.launches, 0);
    void *comm = (void *)(uintptr_t)0x1234;
    assert_int_equal(sn_graph_set_comm(g, comm), SN_OK);
    assert_int_equal(rt_launch(fake_device_coll(), g, args.in, g->nin, args.out, g->nout, ws,
                               need, NULL), SN_OK);
    assert_string_equal(fake_log.trace, "KAAK"); /* no PDL behind a collective */
    assert_int_equal(fake_log.colls, 2);
    assert_int_equal(fake_log.coll_count, 1000); /* temp1: [T, 1] */
    assert_ptr_equal(fake_log.comm, comm);
    char *base = ws;
    assert_true((char *)fake_log.coll_buf >= base && (char *)fake_log.coll_buf < base + need);
    /* a failing all-reduce */
    fake_reset();
    fake_coll_fail = true;
    assert_int_equal(rt_launch(fake_device_coll(), g, args.in, g->nin, args.out, g->nout, ws,
                               need, NULL), SN_ERR_LAUNCH);
    assert_non_null(strstr(sn_last_error(), "all_reduce of temp0 failed: fake NCCL error"));
    /* no collective library: SINTER_NCCL names the one file to open (a real
     * NCCL would crash on the fake communicator) */
    setenv("SINTER_NCCL", "/nonexistent/libnccl.so.2", 1);
    fake_reset();
    assert_int_equal(rt_launch(fake_device(), g, args.in, g->nin, args.out, g->nout, ws, need,
                               NULL), SN_ERR_NO_DEVICE);
    assert_non_null(strstr(sn_last_error(), "NCCL could not be opened (/nonexistent/libnccl.so.2"));
    assert_int_equal(fake_log.launches, 0);
    assert_int_equal(sn_graph_set_comm(NULL, comm), SN_ERR_INVALID);
    sn_bundle_free(b);
}

/* The real library where one is installed (no GPU needed to open it): in a
 * child process, since the runtime opens it once per process (and this
 * test runs first, so that the child's process has not tried yet).  Its name
 * and version (ncclGetVersion) are read; nothing is called on a
 * communicator. */
static void test_real_library(void **state)
{
    (void)state;
    void *h = dlopen("libnccl.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        print_message("no libnccl.so.2 on this machine: not checked\n");
        return;
    }
    dlclose(h);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        unsetenv("SINTER_NCCL");
        const RtCollOps *co = rt_collectives(fake_device());
        bool ok = co && strncmp(co->name, "NCCL 2.", 7) == 0 && co->version >= 20000 &&
                  co->all_reduce_sum && co->describe && co->describe(1) && co->describe(1)[0];
        fprintf(stderr, "%s %s\n", co ? "opened" : "failed:", co ? co->name : sn_last_error());
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* runtime/collective.c through dlopen, on tests/fake_nccl.c (the path in
 * $SINTER_FAKE_NCCL; meson sets it): the library's version, a blocking
 * all-reduce, and a non-blocking communicator's ncclInProgress polled
 * through ncclCommGetAsyncError to success and to an error.  In a child
 * process, as test_real_library. */
typedef struct {
    int polls_left, final, calls, polled;
    size_t count;
} FakeNcclComm; /* tests/fake_nccl.c's */

static void test_nonblocking_comm(void **state)
{
    (void)state;
    const char *path = getenv("SINTER_FAKE_NCCL");
    if (!path) {
        print_message("SINTER_FAKE_NCCL not set (run through meson): not checked\n");
        return;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        setenv("SINTER_NCCL", path, 1);
        const RtCollOps *co = rt_collectives(fake_device());
        float buf[4] = {0};
        FakeNcclComm blocking = {0, 0, 0, 0, 0}, waits = {3, 0, 0, 0, 0},
                     fails = {2, 5, 0, 0, 0};
        int ok = co && strcmp(co->name, "NCCL 2.28.7") == 0 && co->version == 22807;
        ok = ok && co->all_reduce_sum(buf, 4, &blocking, NULL) == 0 && blocking.calls == 1 &&
             blocking.polled == 0 && blocking.count == 4;
        ok = ok && co->all_reduce_sum(buf, 4, &waits, NULL) == 0 && waits.calls == 1 &&
             waits.polled == 3;
        ok = ok && co->all_reduce_sum(buf, 4, &fails, NULL) == 5 && fails.polled == 2 &&
             strcmp(co->describe(5), "fake error") == 0;
        fprintf(stderr, "%s %s\n", ok ? "ok" : "failed:", co ? co->name : sn_last_error());
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* first: its child must inherit a process that has not opened a library */
        cmocka_unit_test(test_real_library), cmocka_unit_test(test_nonblocking_comm),
        cmocka_unit_test(test_language), cmocka_unit_test(test_rank_order),
        cmocka_unit_test(test_plan),     cmocka_unit_test(test_worlds),
        cmocka_unit_test(test_shapes),
        cmocka_unit_test_setup_teardown(test_bad_input, setup_qk_norm, teardown_compiled),
        cmocka_unit_test_setup_teardown(test_bundle, setup_qk_norm, teardown_compiled),
        cmocka_unit_test_setup_teardown(test_launch, setup_qk_norm, teardown_compiled),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
