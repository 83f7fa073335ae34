/* test_interp.c - unit tests for the reference interpreter (ir/interp.c).
 *
 * Graphs are built with the builder API and checked with ir_verify; every
 * expected value is worked out by hand (see the comments) or computed by a
 * naive loop in the test, never by the interpreter's own helpers.  Covered:
 * every op kind, every unary/binary/reduce kind, views (permute, slices,
 * broadcast, reshape through div/mod, symbolic sizes), cat, gather, casts to
 * every dtype (f8 overflow to NaN/inf), integer wrap, NaN in max/min,
 * rounding of outputs only, input and size errors, gather range errors.
 * The row-norm test prints the interpreter's speed (no assertion on time). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "interp.h"

/* ---- helpers -------------------------------------------------------------------- */

#include "test_arena.h"

#define SHAPE(...) ((const int64_t[]){__VA_ARGS__})
#define SRC(...) ((IxExpr *const[]){__VA_ARGS__})

static IrGraph *graph(void)
{
    return ir_graph_new(AR, "t", NOSPAN);
}

static IxExpr *V(int v) { return ix_var(AR, v); }
static IxExpr *K(int64_t c) { return ix_const(AR, c); }
static IxExpr *ADD(IxExpr *a, IxExpr *b) { return ix_add(AR, a, b); }
static IxExpr *MUL(IxExpr *a, int64_t c) { return ix_mul(AR, a, K(c)); }
static IxExpr *DIV(IxExpr *a, int64_t c) { return ix_div(AR, a, K(c)); }
static IxExpr *MOD(IxExpr *a, int64_t c) { return ix_mod(AR, a, K(c)); }

static IrNode *input(IrGraph *g, const char *name, DType t, int rank, const Dim *shape)
{
    return ir_input(g, name, t, rank, shape, NOSPAN);
}

static void set_outputs(IrGraph *g, int n, IrNode *const *outs)
{
    ir_set_outputs(g, n, outs, NULL);
}

/* A float buffer holding vals (numel of them). */
static IrBuf fbuf(DType t, int rank, const int64_t *shape, const float *vals)
{
    IrBuf b;
    assert_true(ir_buf_alloc(&b, t, rank, shape));
    memcpy(b.f, vals, sizeof(float) * (size_t)b.numel);
    return b;
}

static IrBuf ibuf(DType t, int rank, const int64_t *shape, const int64_t *vals)
{
    IrBuf b;
    assert_true(ir_buf_alloc(&b, t, rank, shape));
    memcpy(b.i, vals, sizeof(int64_t) * (size_t)b.numel);
    return b;
}

static void free_bufs(IrBuf *b, int n)
{
    for (int k = 0; k < n; k++)
        ir_buf_free(&b[k]);
}

/* Runs g, which must verify and succeed. */
static void run_ok(const IrGraph *g, const int64_t *symvals, const IrBuf *in, IrBuf *out)
{
    Diag d;
    diag_init(&d);
    if (!ir_verify(g, &d))
        diag_print(&d, stderr);
    assert_int_equal(d.nerrors, 0);
    bool ok = ir_interp(g, symvals, in, out, &d);
    if (!ok)
        diag_print(&d, stderr);
    assert_true(ok);
    assert_int_equal(d.nerrors, 0);
    diag_free(&d);
}

/* Runs g, which must fail with one error containing each of the strings
 * (up to three, NULL-terminated) at span `at`; outputs stay unallocated. */
static void run_fails(const IrGraph *g, const int64_t *symvals, const IrBuf *in, Span at,
                      const char *s1, const char *s2, const char *s3)
{
    Diag d;
    diag_init(&d);
    IrBuf out[4];
    memset(out, 0, sizeof out);
    assert_false(ir_interp(g, symvals, in, out, &d));
    assert_int_equal(d.nerrors, 1);
    const char *text = d.head->text;
    const char *want[3] = {s1, s2, s3};
    for (int k = 0; k < 3; k++)
        if (want[k] && !strstr(text, want[k]))
            fail_msg("diagnostic \"%s\" lacks \"%s\"", text, want[k]);
    assert_ptr_equal(d.head->span.file, at.file);
    assert_int_equal(d.head->span.line, at.line);
    assert_int_equal(d.head->span.col, at.col);
    for (int k = 0; k < 4; k++)
        assert_true(out[k].f == NULL && out[k].i == NULL);
    diag_free(&d);
}

/* Exact float comparison: same bits, or both NaN. */
static void expect_f(const float *got, const float *want, int64_t n, const char *what)
{
    for (int64_t j = 0; j < n; j++) {
        uint32_t a, b;
        memcpy(&a, &got[j], 4);
        memcpy(&b, &want[j], 4);
        if (a != b && !(isnan(got[j]) && isnan(want[j])))
            fail_msg("%s[%" PRId64 "]: got %.9g (0x%08x), want %.9g (0x%08x)", what, j,
                     (double)got[j], a, (double)want[j], b);
    }
}

static void expect_i(const int64_t *got, const int64_t *want, int64_t n, const char *what)
{
    for (int64_t j = 0; j < n; j++)
        if (got[j] != want[j])
            fail_msg("%s[%" PRId64 "]: got %" PRId64 ", want %" PRId64, what, j, got[j],
                     want[j]);
}

static void expect_shape(const IrBuf *b, DType t, int rank, const int64_t *shape)
{
    assert_int_equal(b->dtype, t);
    assert_int_equal(b->rank, rank);
    for (int k = 0; k < rank; k++)
        assert_int_equal(b->shape[k], shape[k]);
}

/* ---- constants, outputs ------------------------------------------------------------- */

static void test_const_and_outputs(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 1, DIMS(C(2)));
    IrNode *cf = ir_const_f(g, 0.1, DT_F32, 2, DIMS(C(2), C(3)), NOSPAN);
    IrNode *cb = ir_const_f(g, 0.1, DT_BF16, 0, NULL, NOSPAN);
    IrNode *ci = ir_const_i(g, 300, DT_I8, 1, DIMS(C(2)), NOSPAN);
    set_outputs(g, 5, (IrNode *[]){cf, cb, ci, x, x});
    IrBuf in = fbuf(DT_F32, 1, SHAPE(2), (float[]){1.5f, -2.0f});
    IrBuf out[5];
    run_ok(g, NULL, &in, out);
    float f01 = 0.1f;
    expect_f(out[0].f, (float[]){f01, f01, f01, f01, f01, f01}, 6, "const f32");
    expect_shape(&out[0], DT_F32, 2, SHAPE(2, 3));
    /* 0.1f = 0x3DCCCCCD -> bf16 rounds up to 0x3DCD */
    expect_shape(&out[1], DT_BF16, 0, NULL);
    assert_int_equal(out[1].numel, 1);
    expect_f(out[1].f, (float[]){0.10009765625f}, 1, "const bf16");
    /* 300 stored as i8 wraps to 44 */
    expect_i(out[2].i, (int64_t[]){44, 44}, 2, "const i8");
    /* an input returned twice: two fresh copies */
    assert_ptr_not_equal(out[3].f, in.f);
    assert_ptr_not_equal(out[4].f, out[3].f);
    expect_f(out[3].f, in.f, 2, "out x");
    expect_f(out[4].f, in.f, 2, "out x again");
    free_bufs(out, 5);
    ir_buf_free(&in);
}

/* ---- unary ---------------------------------------------------------------------------- */

static float naive_unary(IrUnary k, float a)
{
    switch (k) {
    case UN_NEG: return -a;
    case UN_ABS: return fabsf(a);
    case UN_EXP: return expf(a);
    case UN_EXP2: return exp2f(a);
    case UN_LOG: return logf(a);
    case UN_LOG2: return log2f(a);
    case UN_SQRT: return sqrtf(a);
    case UN_RSQRT: return 1.0f / sqrtf(a);
    case UN_SIN: return sinf(a);
    case UN_COS: return cosf(a);
    case UN_TANH: return tanhf(a);
    case UN_SIGMOID: return 1.0f / (1.0f + expf(-a));
    case UN_ERF: return erff(a);
    case UN_FLOOR: return floorf(a);
    case UN_CEIL: return ceilf(a);
    case UN_ROUND: return rintf(a);
    case UN_SIGNBIT: return copysignf(1.0f, a) < 0 ? 1.0f : 0.0f;
    case UN_EXPONENT: {
        if (a == 0)
            return -2147483648.0f;
        if (isinf(a) || isnan(a))
            return 2147483648.0f;
        int e;
        frexpf(a, &e); /* a = m * 2^e, 0.5 <= |m| < 1 */
        return (float)(e - 1);
    }
    case UN_POW2_FLOOR: { /* |a| = m 2^e, m in [0.5, 1): 2^(e-1) */
        if (a == 0 || isinf(a) || isnan(a))
            return a;
        int e;
        frexpf(a, &e);
        return copysignf(ldexpf(1.0f, e - 1), a);
    }
    default: fail_msg("no float unary %d", (int)k);
    }
    return 0;
}

static void test_unary_float(void **state)
{
    (void)state;
    enum { N = 9 };
    const float xs[N] = {-2.5f, -0.5f, 0.0f, 0.5f, 1.0f, 2.5f, 3.5f, 4.0f, NAN};
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 1, DIMS(C(N)));
    IrNode *outs[UN_COUNT];
    int nout = 0;
    for (int k = 0; k < UN_COUNT; k++)
        if (ir_unary_info((IrUnary)k)->dom & OPD_F)
            outs[nout++] = ir_unary(g, (IrUnary)k, DT_F32, x, NOSPAN);
    set_outputs(g, nout, outs);
    IrBuf in = fbuf(DT_F32, 1, SHAPE(N), xs);
    IrBuf out[UN_COUNT];
    run_ok(g, NULL, &in, out);
    for (int o = 0; o < nout; o++) {
        float want[N];
        for (int j = 0; j < N; j++)
            want[j] = naive_unary(outs[o]->a.unary, xs[j]);
        expect_f(out[o].f, want, N, ir_unary_name(outs[o]->a.unary));
    }
    /* hand-checked values */
    expect_f(out[UN_ROUND - 1].f,
             (float[]){-2.0f, -0.0f, 0.0f, 0.0f, 1.0f, 2.0f, 4.0f, 4.0f, NAN}, N, "round");
    assert_true(out[UN_RSQRT - 1].f[7] == 0.5f);
    assert_true(isnan(out[UN_SQRT - 1].f[0]));
    assert_true(out[UN_SIGMOID - 1].f[2] == 0.5f);
    expect_f(out[UN_FLOOR - 1].f, (float[]){-3, -1, 0, 0, 1, 2, 3, 4, NAN}, N, "floor");
    expect_f(out[UN_CEIL - 1].f, (float[]){-2, -0.0f, 0, 1, 1, 3, 4, 4, NAN}, N, "ceil");
    free_bufs(out, nout);
    ir_buf_free(&in);
}

static void test_unary_int(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_I64, 1, DIMS(C(4)));
    IrNode *b = input(g, "b", DT_BOOL, 1, DIMS(C(2)));
    IrNode *neg = ir_unary(g, UN_NEG, DT_I64, x, NOSPAN);
    IrNode *abs_ = ir_unary(g, UN_ABS, DT_I64, x, NOSPAN);
    IrNode *not_ = ir_unary(g, UN_NOT, DT_BOOL, b, NOSPAN);
    set_outputs(g, 3, (IrNode *[]){neg, abs_, not_});
    IrBuf in[2] = {ibuf(DT_I64, 1, SHAPE(4), (int64_t[]){INT64_MAX, INT64_MIN, 5, -7}),
                   ibuf(DT_BOOL, 1, SHAPE(2), (int64_t[]){0, 1})};
    IrBuf out[3];
    run_ok(g, NULL, in, out);
    /* -INT64_MIN and |INT64_MIN| wrap to INT64_MIN */
    expect_i(out[0].i, (int64_t[]){-INT64_MAX, INT64_MIN, -5, 7}, 4, "neg");
    expect_i(out[1].i, (int64_t[]){INT64_MAX, INT64_MIN, 5, 7}, 4, "abs");
    expect_i(out[2].i, (int64_t[]){1, 0}, 2, "not");
    free_bufs(out, 3);
    free_bufs(in, 2);
}

/* ---- binary ------------------------------------------------------------------------------ */

static void test_binary_float(void **state)
{
    (void)state;
    enum { N = 8 };
    const float xs[N] = {1.0f, -0.0f, NAN, 2.0f, 3.0f, -1.0f, 0.5f, INFINITY};
    const float ys[N] = {2.0f, 0.0f, 1.0f, NAN, 3.0f, 4.0f, 2.0f, 1.0f};
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 1, DIMS(C(N)));
    IrNode *y = input(g, "y", DT_F32, 1, DIMS(C(N)));
    IrNode *outs[BIN_COUNT];
    int nout = 0;
    for (int k = BIN_ADD; k <= BIN_NE; k++)
        outs[nout++] = ir_binary(g, (IrBinary)k, k >= BIN_LT ? DT_BOOL : DT_F32, x, y, NOSPAN);
    set_outputs(g, nout, outs);
    IrBuf in[2] = {fbuf(DT_F32, 1, SHAPE(N), xs), fbuf(DT_F32, 1, SHAPE(N), ys)};
    IrBuf out[BIN_COUNT];
    run_ok(g, NULL, in, out);
    float add[N], sub[N], mul[N], div[N], pw[N];
    int64_t lt[N], le[N], gt[N], ge[N], eq[N], ne[N];
    for (int j = 0; j < N; j++) {
        float a = xs[j], b = ys[j];
        add[j] = a + b, sub[j] = a - b, mul[j] = a * b, div[j] = a / b, pw[j] = powf(a, b);
        lt[j] = a < b, le[j] = a <= b, gt[j] = a > b, ge[j] = a >= b, eq[j] = a == b,
        ne[j] = a != b;
    }
    expect_f(out[BIN_ADD].f, add, N, "add");
    expect_f(out[BIN_SUB].f, sub, N, "sub");
    expect_f(out[BIN_MUL].f, mul, N, "mul");
    expect_f(out[BIN_DIV].f, div, N, "div");
    expect_f(out[BIN_POW].f, pw, N, "pow");
    /* NaN in either operand gives NaN (fmaxf would not) */
    expect_f(out[BIN_MAX].f, (float[]){2, -0.0f, NAN, NAN, 3, 4, 2, INFINITY}, N, "max");
    expect_f(out[BIN_MIN].f, (float[]){1, -0.0f, NAN, NAN, 3, -1, 0.5f, 1}, N, "min");
    expect_i(out[BIN_LT].i, lt, N, "lt");
    expect_i(out[BIN_LE].i, le, N, "le");
    expect_i(out[BIN_GT].i, gt, N, "gt");
    expect_i(out[BIN_GE].i, ge, N, "ge");
    expect_i(out[BIN_EQ].i, eq, N, "eq");
    expect_i(out[BIN_NE].i, ne, N, "ne");
    /* by hand: -0 == 0, NaN != NaN-anything */
    expect_i(out[BIN_EQ].i, (int64_t[]){0, 1, 0, 0, 1, 0, 0, 0}, N, "eq by hand");
    expect_i(out[BIN_NE].i, (int64_t[]){1, 0, 1, 1, 0, 1, 1, 1}, N, "ne by hand");
    free_bufs(out, nout);
    free_bufs(in, 2);
}

static void test_binary_int(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_I64, 1, DIMS(C(4)));
    IrNode *y = input(g, "y", DT_I64, 1, DIMS(C(4)));
    IrNode *p = input(g, "p", DT_BOOL, 1, DIMS(C(4)));
    IrNode *q = input(g, "q", DT_BOOL, 1, DIMS(C(4)));
    IrNode *outs[BIN_COUNT];
    int nout = 0;
    for (int k = BIN_ADD; k <= BIN_NE; k++)
        if (k != BIN_DIV && k != BIN_POW)
            outs[nout++] = ir_binary(g, (IrBinary)k, k >= BIN_LT ? DT_BOOL : DT_I64, x, y, NOSPAN);
    outs[nout++] = ir_binary(g, BIN_AND, DT_BOOL, p, q, NOSPAN);
    outs[nout++] = ir_binary(g, BIN_OR, DT_BOOL, p, q, NOSPAN);
    set_outputs(g, nout, outs);
    IrBuf in[4] = {ibuf(DT_I64, 1, SHAPE(4), (int64_t[]){INT64_MAX, INT64_MIN, 5, -7}),
                   ibuf(DT_I64, 1, SHAPE(4), (int64_t[]){2, 1, 3, -2}),
                   ibuf(DT_BOOL, 1, SHAPE(4), (int64_t[]){0, 0, 1, 1}),
                   ibuf(DT_BOOL, 1, SHAPE(4), (int64_t[]){0, 1, 0, 1})};
    IrBuf out[BIN_COUNT];
    run_ok(g, NULL, in, out);
    /* wrap modulo 2^64: MAX+2 = MIN+1, MIN-1 = MAX, MAX*2 = -2 */
    expect_i(out[0].i, (int64_t[]){INT64_MIN + 1, INT64_MIN + 1, 8, -9}, 4, "add");
    expect_i(out[1].i, (int64_t[]){INT64_MAX - 2, INT64_MAX, 2, -5}, 4, "sub");
    expect_i(out[2].i, (int64_t[]){-2, INT64_MIN, 15, 14}, 4, "mul");
    expect_i(out[3].i, (int64_t[]){INT64_MAX, 1, 5, -2}, 4, "max");
    expect_i(out[4].i, (int64_t[]){2, INT64_MIN, 3, -7}, 4, "min");
    expect_i(out[5].i, (int64_t[]){0, 1, 0, 1}, 4, "lt");
    expect_i(out[6].i, (int64_t[]){0, 1, 0, 1}, 4, "le");
    expect_i(out[7].i, (int64_t[]){1, 0, 1, 0}, 4, "gt");
    expect_i(out[8].i, (int64_t[]){1, 0, 1, 0}, 4, "ge");
    expect_i(out[9].i, (int64_t[]){0, 0, 0, 0}, 4, "eq");
    expect_i(out[10].i, (int64_t[]){1, 1, 1, 1}, 4, "ne");
    expect_i(out[11].i, (int64_t[]){0, 0, 0, 1}, 4, "and");
    expect_i(out[12].i, (int64_t[]){0, 1, 1, 1}, 4, "or");
    free_bufs(out, nout);
    free_bufs(in, 4);
}

/* The bit ops, shifts, // and % by hand on several dtypes: shifts and
 * division wrap their operands to the node's dtype first; >> is logical on
 * unsigned types; shifts out of range shift every bit out; x // 0 is 0 and
 * x % 0 is x; results wrap at the store. */
static void test_int_bit_ops(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *a = input(g, "a", DT_U8, 1, DIMS(C(6)));
    IrNode *s = input(g, "s", DT_U8, 1, DIMS(C(6)));
    IrNode *b = input(g, "b", DT_I32, 1, DIMS(C(6)));
    IrNode *c = input(g, "c", DT_I32, 1, DIMS(C(6)));
    IrNode *u = input(g, "u", DT_U32, 1, DIMS(C(6)));
    IrNode *outs[] = {
        ir_binary(g, BIN_BAND, DT_U8, a, s, NOSPAN),
        ir_binary(g, BIN_BOR, DT_U8, a, s, NOSPAN),
        ir_binary(g, BIN_BXOR, DT_U8, a, s, NOSPAN),
        ir_unary(g, UN_BNOT, DT_U8, a, NOSPAN),
        ir_binary(g, BIN_SHL, DT_U8, a, s, NOSPAN),
        ir_binary(g, BIN_SHR, DT_U8, ir_unary(g, UN_BNOT, DT_U8, a, NOSPAN), s, NOSPAN),
        ir_binary(g, BIN_SHR, DT_I32, b, c, NOSPAN),
        ir_binary(g, BIN_FLOORDIV, DT_I32, b, c, NOSPAN),
        ir_binary(g, BIN_MOD, DT_I32, b, c, NOSPAN),
        ir_binary(g, BIN_SHR, DT_U32, ir_binary(g, BIN_SUB, DT_U32, u, ir_const_i(g, 1, DT_U32, 1,
                  DIMS(C(6)), NOSPAN), NOSPAN), ir_const_i(g, 28, DT_U32, 1, DIMS(C(6)), NOSPAN),
                  NOSPAN),
        ir_binary(g, BIN_FLOORDIV, DT_U32, u, ir_const_i(g, 3, DT_U32, 1, DIMS(C(6)), NOSPAN),
                  NOSPAN),
    };
    enum { NO = sizeof outs / sizeof outs[0] };
    set_outputs(g, NO, outs);
    IrBuf in[5] = {ibuf(DT_U8, 1, SHAPE(6), (int64_t[]){0xF0, 0x0F, 255, 1, 200, 3}),
                   ibuf(DT_U8, 1, SHAPE(6), (int64_t[]){0x3C, 0xFF, 1, 7, 8, 0}),
                   ibuf(DT_I32, 1, SHAPE(6), (int64_t[]){-7, 7, -7, 7, INT32_MIN, -1}),
                   ibuf(DT_I32, 1, SHAPE(6), (int64_t[]){2, -2, 0, 31, -1, 40}),
                   ibuf(DT_U32, 1, SHAPE(6), (int64_t[]){0, 1, 7, 0xFFFFFFFFLL, 3, 2})};
    IrBuf out[NO];
    run_ok(g, NULL, in, out);
    expect_i(out[0].i, (int64_t[]){0x30, 0x0F, 1, 1, 8, 0}, 6, "and");
    expect_i(out[1].i, (int64_t[]){0xFC, 0xFF, 255, 7, 200, 3}, 6, "or");
    expect_i(out[2].i, (int64_t[]){0xCC, 0xF0, 254, 6, 192, 3}, 6, "xor");
    expect_i(out[3].i, (int64_t[]){0x0F, 0xF0, 0, 254, 55, 252}, 6, "not wraps at the store");
    /* 200 << 8: out of range for u8, 0; 1 << 7 = 128; 0xF0 << 0x3C: 0 */
    expect_i(out[4].i, (int64_t[]){0, 0, 254, 128, 0, 3}, 6, "shl");
    /* ~a wrapped to u8 first, then a logical shift */
    expect_i(out[5].i, (int64_t[]){0, 0, 0, 1, 0, 252}, 6, "shr of ~a");
    /* arithmetic: -7 >> 2 = -2; 7 >> -2: out of range, 0; -7 >> 0; 7 >> 31 = 0;
     * INT32_MIN >> -1: out of range, -1; -1 >> 40: -1 */
    expect_i(out[6].i, (int64_t[]){-2, 0, -7, 0, -1, -1}, 6, "shr i32");
    /* floor division: -7 // 2 = -4; 7 // -2 = -4; x // 0 = 0; INT32_MIN // -1
     * is 2^31 in 64 bits, wrapped to INT32_MIN at the store */
    expect_i(out[7].i, (int64_t[]){-4, -4, 0, 0, INT32_MIN, -1}, 6, "floordiv");
    expect_i(out[8].i, (int64_t[]){1, -1, -7, 7, 0, 39}, 6, "mod");
    /* u - 1 wraps to 0xFFFFFFFF for u = 0 before the logical shift */
    expect_i(out[9].i, (int64_t[]){15, 0, 0, 15, 0, 0}, 6, "u32 shr of a wrapped difference");
    expect_i(out[10].i, (int64_t[]){0, 0, 2, 1431655765, 1, 0}, 6, "u32 floordiv");
    free_bufs(out, NO);
    free_bufs(in, 5);
}

static uint32_t bits(float x)
{
    uint32_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

/* bitcast, signbit, exponent, ldexp by hand. */
static void test_float_bits(void **state)
{
    (void)state;
    enum { N = 8 };
    const float xs[N] = {1.0f, -0.0f, -NAN, 0x1p-149f, 3.0f, -INFINITY, 0.0f, 0x1.8p-130f};
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 1, DIMS(C(N)));
    IrNode *n = input(g, "n", DT_I32, 1, DIMS(C(N)));
    IrNode *nf = ir_cast(g, DT_F32, n, NOSPAN);
    IrNode *outs[] = {
        ir_bitcast(g, DT_U32, x, NOSPAN),
        ir_bitcast(g, DT_I16, ir_cast(g, DT_BF16, x, NOSPAN), NOSPAN),
        ir_bitcast(g, DT_F32, ir_bitcast(g, DT_I32, x, NOSPAN), NOSPAN),
        ir_cast(g, DT_BOOL, ir_unary(g, UN_SIGNBIT, DT_F32, x, NOSPAN), NOSPAN),
        ir_cast(g, DT_I32, ir_unary(g, UN_EXPONENT, DT_F32, x, NOSPAN), NOSPAN),
        ir_binary(g, BIN_LDEXP, DT_F32, x, nf, NOSPAN),
        ir_bitcast(g, DT_F16, ir_bitcast(g, DT_U16, ir_cast(g, DT_F16, x, NOSPAN), NOSPAN),
                   NOSPAN),
    };
    enum { NO = sizeof outs / sizeof outs[0] };
    set_outputs(g, NO, outs);
    IrBuf in[2] = {fbuf(DT_F32, 1, SHAPE(N), xs),
                   ibuf(DT_I32, 1, SHAPE(N), (int64_t[]){3, 1000, 1, 149, -1, 2, 5, -20})};
    IrBuf out[NO];
    run_ok(g, NULL, in, out);
    expect_i(out[0].i, (int64_t[]){0x3F800000, 0x80000000LL, 0xFFC00000LL, 1, 0x40400000, 0xFF800000LL,
                                   0, 0xC0000}, N, "bitcast f32 -> u32");
    /* bf16 codes as i16: 1.0 = 0x3F80, -0 = 0x8000 = -32768, every NaN 0x7FC0 */
    expect_i(out[1].i, (int64_t[]){0x3F80, -32768, 0x7FC0, 0, 0x4040, (int16_t)0xFF80, 0, 12}, N,
             "bitcast bf16 -> i16");
    for (int j = 0; j < N; j++)
        assert_int_equal(bits(out[2].f[j]), bits(xs[j]));
    expect_i(out[3].i, (int64_t[]){0, 1, 1, 0, 0, 1, 0, 0}, N, "signbit");
    expect_i(out[4].i, (int64_t[]){0, INT32_MIN, INT32_MAX, -149, 1, INT32_MAX, INT32_MIN, -130},
             N, "exponent");
    expect_f(out[5].f, (float[]){8.0f, -0.0f, NAN, 1.0f, 1.5f, -INFINITY, 0.0f, 0x1p-149f},
             N, "ldexp");
    expect_f(out[6].f, (float[]){1.0f, -0.0f, NAN, 0.0f, 3.0f, -INFINITY, 0.0f, 0.0f}, N,
             "f16 round trip through u16");
    free_bufs(out, NO);
    free_bufs(in, 2);
}

/* Integers compute in 64 bits and wrap only at casts and output stores. */
static void test_integer_wrap(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *a = input(g, "a", DT_I32, 1, DIMS(C(2)));
    IrNode *b = input(g, "b", DT_I32, 1, DIMS(C(2)));
    IrNode *s = ir_binary(g, BIN_ADD, DT_I32, a, b, NOSPAN);
    IrNode *big = ir_binary(g, BIN_MUL, DT_I32, s, b, NOSPAN);
    IrNode *c8 = ir_cast(g, DT_I8, s, NOSPAN);
    IrNode *c64 = ir_cast(g, DT_I64, big, NOSPAN);
    set_outputs(g, 4, (IrNode *[]){s, big, c8, c64});
    IrBuf in[2] = {ibuf(DT_I32, 1, SHAPE(2), (int64_t[]){INT32_MAX, INT32_MIN}),
                   ibuf(DT_I32, 1, SHAPE(2), (int64_t[]){1, -1})};
    IrBuf out[4];
    run_ok(g, NULL, in, out);
    /* s = 2^31, -2^31-1 in int64; stored as i32 they wrap */
    expect_i(out[0].i, (int64_t[]){INT32_MIN, INT32_MAX}, 2, "s as i32");
    /* big = s*b = 2^31, 2^31+1 -> i32: -2^31, -2^31+1 */
    expect_i(out[1].i, (int64_t[]){INT32_MIN, INT32_MIN + 1}, 2, "big as i32");
    /* cast to i8: 2^31 mod 256 = 0; (-2^31-1) mod 256 = 255 -> -1 */
    expect_i(out[2].i, (int64_t[]){0, -1}, 2, "cast i8");
    /* cast to i64 keeps the unwrapped 64-bit values */
    expect_i(out[3].i, (int64_t[]){2147483648LL, 2147483649LL}, 2, "cast i64");
    free_bufs(out, 4);
    free_bufs(in, 2);
}

static void test_where(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *c = input(g, "c", DT_BOOL, 1, DIMS(C(3)));
    IrNode *x = input(g, "x", DT_F32, 1, DIMS(C(3)));
    IrNode *y = input(g, "y", DT_F32, 1, DIMS(C(3)));
    IrNode *i = input(g, "i", DT_I32, 1, DIMS(C(3)));
    IrNode *wf = ir_where(g, DT_F32, c, x, y, NOSPAN);
    IrNode *zero = ir_const_i(g, 0, DT_I32, 1, DIMS(C(3)), NOSPAN);
    IrNode *wi = ir_where(g, DT_I32, c, i, zero, NOSPAN);
    set_outputs(g, 2, (IrNode *[]){wf, wi});
    IrBuf in[4] = {ibuf(DT_BOOL, 1, SHAPE(3), (int64_t[]){1, 0, 1}),
                   fbuf(DT_F32, 1, SHAPE(3), (float[]){1, 2, NAN}),
                   fbuf(DT_F32, 1, SHAPE(3), (float[]){-1, -2, -3}),
                   ibuf(DT_I32, 1, SHAPE(3), (int64_t[]){7, 8, 9})};
    IrBuf out[2];
    run_ok(g, NULL, in, out);
    expect_f(out[0].f, (float[]){1, -2, NAN}, 3, "where f");
    expect_i(out[1].i, (int64_t[]){7, 0, 9}, 3, "where i");
    free_bufs(out, 2);
    free_bufs(in, 4);
}

/* ---- casts ----------------------------------------------------------------------------------- */

/* One graph: x (from) -> cast to `to` -> output; checks the values. */
static void cast_case(DType from, DType to, int n, const float *fin, const int64_t *iin,
                      const float *fwant, const int64_t *iwant)
{
    IrGraph *g = graph();
    IrNode *x = input(g, "x", from, 1, DIMS(C(n)));
    IrNode *c = ir_cast(g, to, x, NOSPAN);
    set_outputs(g, 1, &c);
    IrBuf in = fin ? fbuf(from, 1, SHAPE(n), fin) : ibuf(from, 1, SHAPE(n), iin);
    IrBuf out;
    run_ok(g, NULL, &in, &out);
    char what[64];
    snprintf(what, sizeof what, "%s->%s", dt_name(from), dt_name(to));
    if (fwant)
        expect_f(out.f, fwant, n, what);
    else
        expect_i(out.i, iwant, n, what);
    ir_buf_free(&out);
    ir_buf_free(&in);
}

static void test_cast_float_to_float(void **state)
{
    (void)state;
    /* bf16: 0.1f rounds up to 0x3DCD; 1+2^-8 is a tie -> even (1.0);
     * 1+3*2^-8 is a tie -> even (1+2^-6) */
    cast_case(DT_F32, DT_BF16, 5, (float[]){0.1f, 1.00390625f, 1.01171875f, INFINITY, NAN},
              NULL, (float[]){0.10009765625f, 1.0f, 1.015625f, INFINITY, NAN}, NULL);
    /* f16: 0.1 -> 0x2E66; max 65504; 65520 is the tie to inf; subnormal 2^-24 */
    cast_case(DT_F32, DT_F16, 5, (float[]){0.1f, 65519.0f, 65520.0f, 5.9604645e-8f, -70000.0f},
              NULL, (float[]){0.0999755859375f, 65504.0f, INFINITY, 5.9604645e-8f, -INFINITY},
              NULL);
    /* f8e4m3 (max 448): 464 is the tie between 448 and (unrepresentable)
     * 480 -> 448; 465 rounds past 448 -> NaN; inf -> NaN; 0.1 -> 1.625*2^-4;
     * 0.001 -> smallest subnormal 2^-9; -0.0009 -> -0 */
    cast_case(DT_F32, DT_F8E4M3, 8,
              (float[]){464.0f, 465.0f, -500.0f, INFINITY, 0.1f, 0.001f, -0.0009f, NAN}, NULL,
              (float[]){448.0f, NAN, NAN, NAN, 0.1015625f, 0.001953125f, -0.0f, NAN}, NULL);
    /* f8e4m3fnuz (max 240, no -0): 244 -> 240; 248 ties to 256 -> NaN;
     * -0 -> +0 */
    cast_case(DT_F32, DT_F8E4M3FNUZ, 5, (float[]){244.0f, 248.0f, -0.0f, -0.0001f, 1.0f}, NULL,
              (float[]){240.0f, NAN, 0.0f, 0.0f, 1.0f}, NULL);
    /* f8e5m2 (max 57344, has inf): 60000 -> 57344; 62000 past the tie 61440
     * -> inf; 0.1 -> 1.5*2^-4 */
    cast_case(DT_F32, DT_F8E5M2, 5, (float[]){60000.0f, 62000.0f, -INFINITY, 0.1f, NAN}, NULL,
              (float[]){57344.0f, INFINITY, -INFINITY, 0.09375f, NAN}, NULL);
    /* f8e5m2fnuz: overflow and inf -> NaN, no -0 */
    cast_case(DT_F32, DT_F8E5M2FNUZ, 4, (float[]){62000.0f, INFINITY, -0.0f, 57344.0f}, NULL,
              (float[]){NAN, NAN, 0.0f, 57344.0f}, NULL);
    /* from a narrow float type to f32: exact */
    cast_case(DT_BF16, DT_F32, 2, (float[]){1.5f, -0.0f}, NULL, (float[]){1.5f, -0.0f}, NULL);
}

static void test_cast_float_to_int(void **state)
{
    (void)state;
    /* truncate toward zero, saturate, NaN -> 0 */
    cast_case(DT_F32, DT_I8, 7, (float[]){300.7f, -300.0f, 3.9f, -3.9f, NAN, INFINITY, -0.0f},
              NULL, NULL, (int64_t[]){127, -128, 3, -3, 0, 127, 0});
    cast_case(DT_F32, DT_I32, 3, (float[]){3e9f, -3e9f, 1e9f}, NULL, NULL,
              (int64_t[]){INT32_MAX, INT32_MIN, 1000000000});
    cast_case(DT_F32, DT_I64, 3, (float[]){1e19f, -1e19f, 1099511627776.0f}, NULL, NULL,
              (int64_t[]){INT64_MAX, INT64_MIN, 1099511627776LL});
    /* bool: x != 0, so NaN is true and -0 false */
    cast_case(DT_F32, DT_BOOL, 4, (float[]){NAN, -0.0f, 0.5f, 0.0f}, NULL, NULL,
              (int64_t[]){1, 0, 1, 0});
}

static void test_cast_from_int(void **state)
{
    (void)state;
    /* int -> float: (float)x then rounded: 2^24+1 -> 2^24; bf16: 257 ties to
     * 256, 259 ties to 260; f8e4m3: 1000 is past 448 -> NaN */
    cast_case(DT_I64, DT_F32, 2, NULL, (int64_t[]){16777217, -3}, (float[]){16777216.0f, -3.0f},
              NULL);
    cast_case(DT_I64, DT_BF16, 2, NULL, (int64_t[]){257, 259}, (float[]){256.0f, 260.0f}, NULL);
    cast_case(DT_I32, DT_F8E4M3, 2, NULL, (int64_t[]){1000, -2}, (float[]){NAN, -2.0f}, NULL);
    cast_case(DT_BOOL, DT_F16, 2, NULL, (int64_t[]){1, 0}, (float[]){1.0f, 0.0f}, NULL);
    /* int -> int wraps like a C cast */
    cast_case(DT_I64, DT_I8, 4, NULL, (int64_t[]){300, -129, 128, -128}, NULL,
              (int64_t[]){44, 127, -128, -128});
    cast_case(DT_I64, DT_I32, 2, NULL, (int64_t[]){4294967301LL, -2147483649LL}, NULL,
              (int64_t[]){5, 2147483647});
    cast_case(DT_I8, DT_I64, 1, NULL, (int64_t[]){-5}, NULL, (int64_t[]){-5});
    cast_case(DT_I32, DT_BOOL, 3, NULL, (int64_t[]){-5, 0, 256}, NULL, (int64_t[]){1, 0, 1});
}

/* Values are rounded only at casts and output stores: z = x + y is kept in
 * f32 although its dtype is bf16. */
static void test_outputs_rounded_bf16(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_BF16, 1, DIMS(C(3)));
    IrNode *y = input(g, "y", DT_BF16, 1, DIMS(C(3)));
    IrNode *z = ir_binary(g, BIN_ADD, DT_BF16, x, y, NOSPAN);
    IrNode *z2 = ir_binary(g, BIN_ADD, DT_BF16, z, y, NOSPAN);
    IrNode *zr = ir_cast(g, DT_BF16, z, NOSPAN);
    IrNode *z3 = ir_binary(g, BIN_ADD, DT_BF16, zr, y, NOSPAN);
    set_outputs(g, 3, (IrNode *[]){z, z2, z3});
    const float e = 1.0f / 256; /* 2^-8 */
    IrBuf in[2] = {fbuf(DT_BF16, 1, SHAPE(3), (float[]){1, 1, 1}),
                   fbuf(DT_BF16, 1, SHAPE(3), (float[]){e, 3 * e, 1.5f * e})};
    IrBuf out[3];
    run_ok(g, NULL, in, out);
    /* z = 1+2^-8 (tie -> 1), 1+3*2^-8 (tie -> 1+2^-6), 1+1.5*2^-8 (-> 1+2^-7) */
    expect_f(out[0].f, (float[]){1.0f, 1.015625f, 1.0078125f}, 3, "z");
    /* z2 = z + y unrounded: 1+2^-7, 1+6*2^-8, 1+3*2^-8 (ties -> even) */
    expect_f(out[1].f, (float[]){1.0078125f, 1.0234375f, 1.015625f}, 3, "z2");
    /* z3 = to(z, bf16) + y: 1+2^-8 -> 1, 1.015625+3*2^-8 = 1+7*2^-8 -> 1+2^-5,
     * 1.0078125+1.5*2^-8 = 1+3.5*2^-8 -> 1+2^-6 */
    expect_f(out[2].f, (float[]){1.0f, 1.03125f, 1.015625f}, 3, "z3");
    free_bufs(out, 3);
    free_bufs(in, 2);
}

/* Stored bf16 values (outputs and casts) equal dt_round_float for every
 * sign, exponent and 7-bit mantissa combined with every rounding case of
 * the low 16 bits (exact, below/at/above half, odd/even, NaN payloads). */
static void test_bf16_rounding_matches_dtype(void **state)
{
    (void)state;
    static const uint32_t lows[] = {0x0000, 0x0001, 0x7FFF, 0x8000, 0x8001, 0xFFFF, 0x4000, 0xC000};
    enum { NLOW = sizeof lows / sizeof lows[0], N = 65536 * NLOW };
    float *xs = malloc(sizeof(float) * N), *neg_want = malloc(sizeof(float) * N);
    assert_true(xs && neg_want);
    for (uint32_t hi = 0; hi < 65536; hi++)
        for (int k = 0; k < NLOW; k++) {
            uint32_t u = hi << 16 | lows[k];
            memcpy(&xs[hi * NLOW + k], &u, 4);
        }
    for (int j = 0; j < N; j++)
        neg_want[j] = dt_round_float(-xs[j], DT_BF16);
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 1, DIMS(C(N)));
    IrNode *neg = ir_unary(g, UN_NEG, DT_BF16, x, NOSPAN); /* stored rounded */
    IrNode *cast = ir_cast(g, DT_BF16, x, NOSPAN);
    set_outputs(g, 2, (IrNode *[]){neg, cast});
    IrBuf in = fbuf(DT_F32, 1, SHAPE(N), xs), out[2];
    run_ok(g, NULL, &in, out);
    for (int j = 0; j < N; j++) {
        float want = dt_round_float(xs[j], DT_BF16);
        if (memcmp(&out[0].f[j], &neg_want[j], 4) || memcmp(&out[1].f[j], &want, 4))
            fail_msg("bf16 rounding of 0x%08x differs from dt_round_float", (unsigned)j);
    }
    free_bufs(out, 2);
    ir_buf_free(&in);
    free(xs);
    free(neg_want);
}

/* ---- reductions -------------------------------------------------------------------------------- */

/* Naive reduction of x (shape sh, rank 3) over axes, in f64 (floats). */
static void naive_reduce(IrReduce k, const float *x, const int64_t *sh, uint32_t axes, float *out)
{
    int64_t osh[3], ost[3], onum = 1;
    for (int d = 2; d >= 0; d--) {
        osh[d] = (axes >> d & 1) ? 1 : sh[d];
        ost[d] = onum;
        onum *= osh[d];
    }
    double acc[64];
    int64_t cnt = 0;
    for (int64_t o = 0; o < onum; o++)
        acc[o] = k == RED_MAX ? -INFINITY : k == RED_MIN ? INFINITY : 0;
    for (int64_t a = 0; a < sh[0]; a++)
        for (int64_t b = 0; b < sh[1]; b++)
            for (int64_t c = 0; c < sh[2]; c++) {
                int64_t id[3] = {a, b, c}, o = 0;
                for (int d = 0; d < 3; d++)
                    o += (axes >> d & 1) ? 0 : id[d] * ost[d];
                double v = x[(a * sh[1] + b) * sh[2] + c];
                if (o == 0)
                    cnt++;
                if (k == RED_SUM || k == RED_MEAN)
                    acc[o] += v;
                else if (isnan(v) || isnan(acc[o]))
                    acc[o] = NAN;
                else if (k == RED_MAX)
                    acc[o] = v > acc[o] ? v : acc[o];
                else
                    acc[o] = v < acc[o] ? v : acc[o];
            }
    for (int64_t o = 0; o < onum; o++)
        out[o] = (float)(k == RED_MEAN ? acc[o] / (double)cnt : acc[o]);
}

static void test_reduce_axes(void **state)
{
    (void)state;
    const int64_t sh[3] = {2, 3, 4};
    float xs[24];
    for (int j = 0; j < 24; j++)
        xs[j] = (float)((j * 7) % 11) * 0.375f - 1.5f;
    const uint32_t axes_list[] = {1u << 2, 1u << 0, 1u << 1, (1u << 0) | (1u << 2), 7u, 3u};
    for (int k = 0; k < RED_COUNT; k++)
        for (size_t a = 0; a < sizeof axes_list / sizeof axes_list[0]; a++)
            for (int keep = 0; keep < 2; keep++) {
                uint32_t axes = axes_list[a];
                IrGraph *g = graph();
                IrNode *x = input(g, "x", DT_F32, 3, DIMS(C(2), C(3), C(4)));
                IrNode *r = ir_reduce(g, (IrReduce)k, DT_F32, x, axes, keep, NOSPAN);
                set_outputs(g, 1, &r);
                IrBuf in = fbuf(DT_F32, 3, sh, xs), out;
                run_ok(g, NULL, &in, &out);
                float want[24];
                naive_reduce((IrReduce)k, xs, sh, axes, want);
                char what[64];
                snprintf(what, sizeof what, "%s axes=%u keep=%d", ir_reduce_name((IrReduce)k),
                         axes, keep);
                int64_t onum = 1;
                for (int d = 0; d < 3; d++)
                    onum *= (axes >> d & 1) ? 1 : sh[d];
                assert_int_equal(out.numel, onum);
                assert_int_equal(out.rank, keep ? 3 : 3 - __builtin_popcount(axes));
                expect_f(out.f, want, onum, what);
                ir_buf_free(&out);
                ir_buf_free(&in);
            }
}

static void test_reduce_values(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 2, DIMS(C(4), C(3)));
    IrNode *sum = ir_reduce(g, RED_SUM, DT_F32, x, 2, false, NOSPAN);
    IrNode *mean = ir_reduce(g, RED_MEAN, DT_F32, x, 2, true, NOSPAN);
    IrNode *mx = ir_reduce(g, RED_MAX, DT_F32, x, 2, false, NOSPAN);
    IrNode *mn = ir_reduce(g, RED_MIN, DT_F32, x, 2, false, NOSPAN);
    set_outputs(g, 4, (IrNode *[]){sum, mean, mx, mn});
    /* row 0: f32 would lose the 1 (1e8 + 1 == 1e8 in f32); f64 keeps it.
     * row 1: mean 5/3 rounded once.  row 2: NaN wins max and min.
     * row 3: all -inf. */
    IrBuf in = fbuf(DT_F32, 2, SHAPE(4, 3),
                    (float[]){1e8f, 1, -1e8f, 1, 2, 2, 1, NAN, 3, -INFINITY, -INFINITY, -INFINITY});
    IrBuf out[4];
    run_ok(g, NULL, &in, out);
    expect_f(out[0].f, (float[]){1, 5, NAN, -INFINITY}, 4, "sum");
    expect_shape(&out[1], DT_F32, 2, SHAPE(4, 1));
    expect_f(out[1].f, (float[]){1.0f / 3, (float)(5.0 / 3.0), NAN, -INFINITY}, 4, "mean");
    expect_f(out[2].f, (float[]){1e8f, 2, NAN, -INFINITY}, 4, "max");
    expect_f(out[3].f, (float[]){-1e8f, 1, NAN, -INFINITY}, 4, "min");
    free_bufs(out, 4);
    ir_buf_free(&in);
}

static void test_reduce_int(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_I64, 2, DIMS(C(2), C(2)));
    IrNode *b = input(g, "b", DT_BOOL, 1, DIMS(C(3)));
    IrNode *sum = ir_reduce(g, RED_SUM, DT_I64, x, 2, false, NOSPAN);
    IrNode *mx = ir_reduce(g, RED_MAX, DT_I64, x, 1, false, NOSPAN);
    IrNode *mn = ir_reduce(g, RED_MIN, DT_I64, x, 3, false, NOSPAN);
    IrNode *cnt = ir_reduce(g, RED_SUM, DT_I64, b, 1, false, NOSPAN);
    set_outputs(g, 4, (IrNode *[]){sum, mx, mn, cnt});
    IrBuf in[2] = {ibuf(DT_I64, 2, SHAPE(2, 2), (int64_t[]){INT64_MAX, 1, -4, 9}),
                   ibuf(DT_BOOL, 1, SHAPE(3), (int64_t[]){1, 0, 1})};
    IrBuf out[4];
    run_ok(g, NULL, in, out);
    expect_i(out[0].i, (int64_t[]){INT64_MIN, 5}, 2, "sum wraps");
    expect_i(out[1].i, (int64_t[]){INT64_MAX, 9}, 2, "max over dim 0");
    expect_shape(&out[2], DT_I64, 0, NULL);
    expect_i(out[2].i, (int64_t[]){-4}, 1, "min over all");
    expect_i(out[3].i, (int64_t[]){2}, 1, "count of trues");
    free_bufs(out, 4);
    free_bufs(in, 2);
}

/* Reducing an empty dim: sum 0, mean NaN; max is an error. */
static void test_reduce_empty(void **state)
{
    (void)state;
    IrGraph *g = graph();
    int T = ir_graph_sym(g, "T");
    IrNode *x = input(g, "x", DT_F32, 2, DIMS(C(2), dim_sym(T)));
    IrNode *sum = ir_reduce(g, RED_SUM, DT_F32, x, 2, false, NOSPAN);
    IrNode *mean = ir_reduce(g, RED_MEAN, DT_F32, x, 2, false, NOSPAN);
    set_outputs(g, 2, (IrNode *[]){sum, mean});
    IrBuf in;
    assert_true(ir_buf_alloc(&in, DT_F32, 2, SHAPE(2, 0)));
    IrBuf out[2];
    run_ok(g, (int64_t[]){0}, &in, out);
    expect_f(out[0].f, (float[]){0, 0}, 2, "sum");
    expect_f(out[1].f, (float[]){NAN, NAN}, 2, "mean");
    free_bufs(out, 2);

    static const char text[] = "x\n  amax(x)\n";
    SrcFile f = {"t.sn", text, sizeof text - 1};
    Span at = {&f, 2, 3, 4};
    IrGraph *g2 = graph();
    T = ir_graph_sym(g2, "T");
    x = input(g2, "x", DT_F32, 2, DIMS(C(2), dim_sym(T)));
    IrNode *mx = ir_reduce(g2, RED_MAX, DT_F32, x, 2, false, at);
    set_outputs(g2, 1, &mx);
    run_fails(g2, (int64_t[]){0}, &in, at, "max", "empty", NULL);
    ir_buf_free(&in);
}

/* ---- views --------------------------------------------------------------------------------------- */

static void iota(float *x, int n)
{
    for (int j = 0; j < n; j++)
        x[j] = (float)j;
}

/* permute [2,3,4] -> [4,2,3]: out[a,b,c] = x[b,c,a] */
static void test_view_permute(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 3, DIMS(C(2), C(3), C(4)));
    IrNode *p = ir_view(g, x, 3, DIMS(C(4), C(2), C(3)), SRC(V(1), V(2), V(0)), NOSPAN);
    set_outputs(g, 1, &p);
    float xs[24], want[24];
    iota(xs, 24);
    for (int a = 0; a < 4; a++)
        for (int b = 0; b < 2; b++)
            for (int c = 0; c < 3; c++)
                want[(a * 2 + b) * 3 + c] = xs[(b * 3 + c) * 4 + a];
    IrBuf in = fbuf(DT_F32, 3, SHAPE(2, 3, 4), xs), out;
    run_ok(g, NULL, &in, &out);
    expect_shape(&out, DT_F32, 3, SHAPE(4, 2, 3));
    expect_f(out.f, want, 24, "permute");
    ir_buf_free(&out);
    ir_buf_free(&in);
}

/* slices with offsets and a step: x[1:3, 2:5], y[1::2] */
static void test_view_slice(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 2, DIMS(C(4), C(6)));
    IrNode *s = ir_view(g, x, 2, DIMS(C(2), C(3)), SRC(ADD(V(0), K(1)), ADD(V(1), K(2))), NOSPAN);
    IrNode *y = input(g, "y", DT_I32, 1, DIMS(C(8)));
    IrNode *st = ir_view(g, y, 1, DIMS(C(4)), SRC(ADD(MUL(V(0), 2), K(1))), NOSPAN);
    set_outputs(g, 2, (IrNode *[]){s, st});
    float xs[24];
    iota(xs, 24);
    IrBuf in[2] = {fbuf(DT_F32, 2, SHAPE(4, 6), xs),
                   ibuf(DT_I32, 1, SHAPE(8), (int64_t[]){10, 11, 12, 13, 14, 15, 16, 17})};
    IrBuf out[2];
    run_ok(g, NULL, in, out);
    /* rows 1,2 x cols 2,3,4 of a 6-wide iota */
    expect_f(out[0].f, (float[]){8, 9, 10, 14, 15, 16}, 6, "slice");
    expect_i(out[1].i, (int64_t[]){11, 13, 15, 17}, 4, "strided slice");
    free_bufs(out, 2);
    free_bufs(in, 2);
}

/* broadcasts: w[3] -> [2,3]; r[2,1] -> [2,3]; scalar -> [2,2]; bool too */
static void test_view_broadcast(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *w = input(g, "w", DT_F32, 1, DIMS(C(3)));
    IrNode *r = input(g, "r", DT_F32, 2, DIMS(C(2), C(1)));
    IrNode *sc = input(g, "s", DT_F32, 0, NULL);
    IrNode *m = input(g, "m", DT_BOOL, 1, DIMS(C(2)));
    IrNode *wb = ir_view(g, w, 2, DIMS(C(2), C(3)), SRC(V(1)), NOSPAN);
    IrNode *rb = ir_view(g, r, 2, DIMS(C(2), C(3)), SRC(V(0), K(0)), NOSPAN);
    IrNode *sb = ir_view(g, sc, 2, DIMS(C(2), C(2)), NULL, NOSPAN);
    IrNode *mb = ir_view(g, m, 2, DIMS(C(3), C(2)), SRC(V(1)), NOSPAN);
    IrNode *prod = ir_binary(g, BIN_MUL, DT_F32, wb, rb, NOSPAN);
    IrNode *outs[5] = {wb, rb, sb, prod, mb};
    set_outputs(g, 5, outs);
    IrBuf in[4] = {fbuf(DT_F32, 1, SHAPE(3), (float[]){1, 2, 3}),
                   fbuf(DT_F32, 2, SHAPE(2, 1), (float[]){10, 20}),
                   fbuf(DT_F32, 0, NULL, (float[]){7}),
                   ibuf(DT_BOOL, 1, SHAPE(2), (int64_t[]){1, 0})};
    IrBuf out[5];
    run_ok(g, NULL, in, out);
    expect_f(out[0].f, (float[]){1, 2, 3, 1, 2, 3}, 6, "w broadcast");
    expect_f(out[1].f, (float[]){10, 10, 10, 20, 20, 20}, 6, "r broadcast");
    expect_f(out[2].f, (float[]){7, 7, 7, 7}, 4, "scalar broadcast");
    expect_f(out[3].f, (float[]){10, 20, 30, 20, 40, 60}, 6, "w*r");
    expect_i(out[4].i, (int64_t[]){1, 0, 1, 0, 1, 0}, 6, "bool broadcast");
    free_bufs(out, 5);
    free_bufs(in, 4);
}

/* reshapes: [2,12] -> [2,3,4] (affine), back (div/mod), a transposed
 * flatten [4,6] -> [24] (div/mod), and a rank-0 pick */
static void test_view_reshape(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 2, DIMS(C(2), C(12)));
    IrNode *r3 = ir_view(g, x, 3, DIMS(C(2), C(3), C(4)), SRC(V(0), ADD(MUL(V(1), 4), V(2))),
                         NOSPAN);
    IrNode *r2 = ir_view(g, r3, 2, DIMS(C(2), C(12)), SRC(V(0), DIV(V(1), 4), MOD(V(1), 4)),
                         NOSPAN);
    IrNode *y = input(g, "y", DT_I64, 2, DIMS(C(4), C(6)));
    IrNode *tf = ir_view(g, y, 1, DIMS(C(24)), SRC(MOD(V(0), 4), DIV(V(0), 4)), NOSPAN);
    IrNode *pick = ir_view(g, x, 0, NULL, SRC(K(1), K(5)), NOSPAN);
    set_outputs(g, 4, (IrNode *[]){r3, r2, tf, pick});
    float xs[24];
    int64_t ys[24], want_t[24];
    iota(xs, 24);
    for (int j = 0; j < 24; j++)
        ys[j] = 100 + j;
    for (int k = 0; k < 24; k++)
        want_t[k] = ys[(k % 4) * 6 + k / 4];
    IrBuf in[2] = {fbuf(DT_F32, 2, SHAPE(2, 12), xs), ibuf(DT_I64, 2, SHAPE(4, 6), ys)};
    IrBuf out[4];
    run_ok(g, NULL, in, out);
    expect_shape(&out[0], DT_F32, 3, SHAPE(2, 3, 4));
    expect_f(out[0].f, xs, 24, "reshape to 3d");
    expect_f(out[1].f, xs, 24, "reshape back");
    expect_i(out[2].i, want_t, 24, "transposed flatten");
    expect_shape(&out[3], DT_F32, 0, NULL);
    expect_f(out[3].f, (float[]){17}, 1, "pick [1,5]");
    free_bufs(out, 4);
    free_bufs(in, 2);
}

/* symbolic sizes: x[T,4] viewed as [2*T, 2] through div/mod */
static void test_view_symbolic(void **state)
{
    (void)state;
    IrGraph *g = graph();
    int T = ir_graph_sym(g, "T");
    Dim t2;
    assert_true(dim_mul(dim_sym(T), dim_const(2), &t2));
    IrNode *x = input(g, "x", DT_F32, 2, DIMS(dim_sym(T), C(4)));
    IrNode *v = ir_view(g, x, 2, DIMS(t2, C(2)), SRC(DIV(V(0), 2), ADD(MUL(MOD(V(0), 2), 2), V(1))),
                        NOSPAN);
    /* a row picked through a symbolic constant: x[(2*T)/4, :] */
    IrNode *tail = ir_view(g, x, 2, DIMS(C(1), C(4)),
                           SRC(ADD(V(0), ix_div(AR, ix_dim(AR, t2), K(4))), V(1)), NOSPAN);
    set_outputs(g, 2, (IrNode *[]){v, tail});
    float xs[12];
    iota(xs, 12);
    IrBuf in = fbuf(DT_F32, 2, SHAPE(3, 4), xs);
    IrBuf out[2];
    run_ok(g, (int64_t[]){3}, &in, out);
    expect_shape(&out[0], DT_F32, 2, SHAPE(6, 2));
    expect_f(out[0].f, xs, 12, "[T,4] as [2T,2]");
    /* (2*T)/4 with T=3 -> 1: row 1 */
    expect_f(out[1].f, (float[]){4, 5, 6, 7}, 4, "row (2T)/4");
    free_bufs(out, 2);
    ir_buf_free(&in);
}

/* ---- cat ----------------------------------------------------------------------------------------- */

static void test_cat(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *a = input(g, "a", DT_F32, 2, DIMS(C(2), C(2)));
    IrNode *b = input(g, "b", DT_F32, 2, DIMS(C(2), C(3)));
    IrNode *c = input(g, "c", DT_F32, 2, DIMS(C(1), C(2)));
    IrNode *i = input(g, "i", DT_I32, 3, DIMS(C(2), C(1), C(2)));
    IrNode *j = input(g, "j", DT_I32, 3, DIMS(C(2), C(2), C(2)));
    IrNode *inner = ir_cat(g, 2, (IrNode *[]){a, b}, 1, NOSPAN);
    IrNode *outer = ir_cat(g, 3, (IrNode *[]){a, c, a}, 0, NOSPAN);
    IrNode *mid = ir_cat(g, 3, (IrNode *[]){i, j, i}, 1, NOSPAN);
    set_outputs(g, 3, (IrNode *[]){inner, outer, mid});
    IrBuf in[5] = {fbuf(DT_F32, 2, SHAPE(2, 2), (float[]){1, 2, 3, 4}),
                   fbuf(DT_F32, 2, SHAPE(2, 3), (float[]){5, 6, 7, 8, 9, 10}),
                   fbuf(DT_F32, 2, SHAPE(1, 2), (float[]){11, 12}),
                   ibuf(DT_I32, 3, SHAPE(2, 1, 2), (int64_t[]){1, 2, 3, 4}),
                   ibuf(DT_I32, 3, SHAPE(2, 2, 2), (int64_t[]){5, 6, 7, 8, 9, 10, 11, 12})};
    IrBuf out[3];
    run_ok(g, NULL, in, out);
    expect_shape(&out[0], DT_F32, 2, SHAPE(2, 5));
    expect_f(out[0].f, (float[]){1, 2, 5, 6, 7, 3, 4, 8, 9, 10}, 10, "cat dim 1");
    expect_shape(&out[1], DT_F32, 2, SHAPE(5, 2));
    expect_f(out[1].f, (float[]){1, 2, 3, 4, 11, 12, 1, 2, 3, 4}, 10, "cat dim 0");
    expect_shape(&out[2], DT_I32, 3, SHAPE(2, 4, 2));
    expect_i(out[2].i, (int64_t[]){1, 2, 5, 6, 7, 8, 1, 2, 3, 4, 9, 10, 11, 12, 3, 4}, 16,
             "cat middle dim");
    free_bufs(out, 3);
    free_bufs(in, 5);
}

/* ---- gather -------------------------------------------------------------------------------------- */

static void test_gather(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *t = input(g, "t", DT_F32, 2, DIMS(C(5), C(3)));
    IrNode *idx = input(g, "idx", DT_I32, 2, DIMS(C(2), C(2)));
    IrNode *t3 = input(g, "t3", DT_I64, 3, DIMS(C(2), C(4), C(3)));
    IrNode *idx1 = input(g, "idx1", DT_I64, 1, DIMS(C(2)));
    IrNode *g0 = ir_gather(g, t, idx, 0, NOSPAN);
    IrNode *g1 = ir_gather(g, t3, idx1, 1, NOSPAN);
    set_outputs(g, 2, (IrNode *[]){g0, g1});
    float ts[15];
    iota(ts, 15);
    int64_t t3s[24];
    for (int k = 0; k < 24; k++)
        t3s[k] = 1000 + k;
    IrBuf in[4] = {fbuf(DT_F32, 2, SHAPE(5, 3), ts),
                   ibuf(DT_I32, 2, SHAPE(2, 2), (int64_t[]){4, 0, 2, 2}),
                   ibuf(DT_I64, 3, SHAPE(2, 4, 3), t3s),
                   ibuf(DT_I64, 1, SHAPE(2), (int64_t[]){3, 1})};
    IrBuf out[2];
    run_ok(g, NULL, in, out);
    expect_shape(&out[0], DT_F32, 3, SHAPE(2, 2, 3));
    expect_f(out[0].f, (float[]){12, 13, 14, 0, 1, 2, 6, 7, 8, 6, 7, 8}, 12, "gather rows");
    int64_t want[12];
    for (int a = 0; a < 2; a++)
        for (int i = 0; i < 2; i++)
            for (int b = 0; b < 3; b++)
                want[(a * 2 + i) * 3 + b] = t3s[(a * 4 + (i ? 1 : 3)) * 3 + b];
    expect_shape(&out[1], DT_I64, 3, SHAPE(2, 2, 3));
    expect_i(out[1].i, want, 12, "gather dim 1");
    free_bufs(out, 2);
    free_bufs(in, 4);
}

static void test_gather_out_of_range(void **state)
{
    (void)state;
    static const char text[] = "graph g(t: f32[5, 3], i: i32[2]) {\n    return t[i]\n}\n";
    SrcFile f = {"t.sn", text, sizeof text - 1};
    Span at = {&f, 2, 12, 4};
    IrGraph *g = graph();
    IrNode *t = input(g, "t", DT_F32, 2, DIMS(C(5), C(3)));
    IrNode *idx = input(g, "i", DT_I32, 1, DIMS(C(2)));
    IrNode *gt = ir_gather(g, t, idx, 0, at);
    IrNode *r = ir_unary(g, UN_EXP, DT_F32, gt, NOSPAN);
    set_outputs(g, 1, &r);
    float ts[15];
    iota(ts, 15);
    IrBuf in[2] = {fbuf(DT_F32, 2, SHAPE(5, 3), ts), ibuf(DT_I32, 1, SHAPE(2), (int64_t[]){1, 5})};
    run_fails(g, NULL, in, at, "gather index 5", "size 5", NULL);
    in[1].i[1] = -1;
    run_fails(g, NULL, in, at, "gather index -1", NULL, NULL);
    free_bufs(in, 2);
}

/* A node no output depends on is not evaluated: its bad index is no error. */
static void test_dead_node_skipped(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *t = input(g, "t", DT_F32, 1, DIMS(C(2)));
    IrNode *idx = input(g, "i", DT_I64, 1, DIMS(C(1)));
    (void)ir_gather(g, t, idx, 0, NOSPAN);
    IrNode *n = ir_unary(g, UN_NEG, DT_F32, t, NOSPAN);
    set_outputs(g, 1, &n);
    IrBuf in[2] = {fbuf(DT_F32, 1, SHAPE(2), (float[]){1, 2}),
                   ibuf(DT_I64, 1, SHAPE(1), (int64_t[]){99})};
    IrBuf out;
    run_ok(g, NULL, in, &out);
    expect_f(out.f, (float[]){-1, -2}, 2, "neg");
    ir_buf_free(&out);
    free_bufs(in, 2);
}

/* ---- errors: inputs and sizes -------------------------------------------------------------------- */

static void test_input_mismatch(void **state)
{
    (void)state;
    static const char text[] = "graph g(x: bf16[T, 4]) {\n";
    SrcFile f = {"t.sn", text, sizeof text - 1};
    Span at = {&f, 1, 9, 1};
    IrGraph *g = graph();
    int T = ir_graph_sym(g, "T");
    IrNode *x = ir_input(g, "x", DT_BF16, 2, DIMS(dim_sym(T), C(4)), at);
    IrNode *y = ir_unary(g, UN_NEG, DT_BF16, x, NOSPAN);
    set_outputs(g, 1, &y);
    int64_t sv[1] = {3};
    float zeros[15] = {0};
    IrBuf wrong_dtype = fbuf(DT_F32, 2, SHAPE(3, 4), zeros);
    run_fails(g, sv, &wrong_dtype, at, "'x'", "bf16[T, 4]", "f32[3, 4]");
    IrBuf wrong_shape = fbuf(DT_BF16, 2, SHAPE(3, 5), zeros);
    run_fails(g, sv, &wrong_shape, at, "'x'", "bf16[3, 4]", "bf16[3, 5]");
    IrBuf wrong_rank = fbuf(DT_BF16, 1, SHAPE(12), zeros);
    run_fails(g, sv, &wrong_rank, at, "'x'", "bf16[3, 4]", "bf16[12]");
    /* the same buffer is right for T = 3 */
    IrBuf ok = fbuf(DT_BF16, 2, SHAPE(3, 4), zeros), out;
    run_ok(g, sv, &ok, &out);
    ir_buf_free(&out);
    ir_buf_free(&ok);
    ir_buf_free(&wrong_dtype);
    ir_buf_free(&wrong_shape);
    ir_buf_free(&wrong_rank);
}

static void test_size_errors(void **state)
{
    (void)state;
    static const char text[] = "graph g(x: f32[T, 4096]) {\n";
    SrcFile f = {"t.sn", text, sizeof text - 1};
    Span at = {&f, 1, 9, 1};
    IrGraph *g = graph();
    int T = ir_graph_sym(g, "T");
    IrNode *x = ir_input(g, "x", DT_F32, 2, DIMS(dim_sym(T), C(4096)), at);
    set_outputs(g, 1, &x);
    IrBuf dummy;
    memset(&dummy, 0, sizeof dummy);
    /* 2^29 * 4096 = 2^41 > 2^40 */
    run_fails(g, (int64_t[]){(int64_t)1 << 29}, &dummy, at, "f32[T, 4096]", "too large", NULL);
    /* T*T*T overflows int64 */
    IrGraph *g2 = graph();
    T = ir_graph_sym(g2, "T");
    Dim tt;
    assert_true(dim_mul(dim_sym(T), dim_sym(T), &tt));
    ir_input(g2, "x", DT_F32, 2, DIMS(tt, dim_sym(T)), at);
    set_outputs(g2, 1, g2->params);
    run_fails(g2, (int64_t[]){(int64_t)1 << 22}, &dummy, at, "too large", NULL, NULL);
    /* and buffers refuse the same */
    IrBuf b;
    assert_false(ir_buf_alloc(&b, DT_F32, 2, SHAPE((int64_t)1 << 29, 4096)));
    assert_false(ir_buf_alloc(&b, DT_F32, 2, SHAPE(INT64_MAX, 2)));
    assert_false(ir_buf_alloc(&b, DT_F32, 1, SHAPE(-1)));
    assert_true(ir_buf_alloc(&b, DT_I8, 1, SHAPE(0)));
    assert_int_equal(b.numel, 0);
    assert_non_null(b.i);
    ir_buf_free(&b);
}

/* ---- the row norm: correctness and speed --------------------------------------------------------- */

/* RMSNorm of x[T, H] (dtype t) with weight w[H], as the front end lowers it. */
static IrGraph *rms_norm_graph(DType t, int64_t H)
{
    IrGraph *g = graph();
    int T = ir_graph_sym(g, "T");
    Dim th[2] = {dim_sym(T), C(H)}, t1[2] = {dim_sym(T), C(1)};
    IrNode *x = input(g, "x", t, 2, th);
    IrNode *w = input(g, "w", t, 1, DIMS(C(H)));
    IrNode *xx = ir_binary(g, BIN_MUL, t, x, x, NOSPAN);
    IrNode *ms = ir_reduce(g, RED_MEAN, t, xx, 1u << 1, true, NOSPAN);
    IrNode *eps = ir_const_f(g, 1e-6, t, 2, t1, NOSPAN);
    IrNode *r = ir_unary(g, UN_RSQRT, t, ir_binary(g, BIN_ADD, t, ms, eps, NOSPAN), NOSPAN);
    IrNode *rb = ir_view(g, r, 2, th, SRC(V(0), K(0)), NOSPAN);
    IrNode *y = ir_binary(g, BIN_MUL, t, x, rb, NOSPAN);
    IrNode *wb = ir_view(g, w, 2, th, SRC(V(1)), NOSPAN);
    IrNode *o = ir_binary(g, BIN_MUL, t, y, wb, NOSPAN);
    set_outputs(g, 1, &o);
    return g;
}

/* Naive RMSNorm of one row, in the language's arithmetic. */
static void naive_rms_row(const float *x, const float *w, int64_t H, DType t, float *out)
{
    double s = 0;
    for (int64_t j = 0; j < H; j++)
        s += x[j] * x[j];
    float ms = (float)(s / (double)H);
    float r = 1.0f / sqrtf(ms + (float)1e-6);
    for (int64_t j = 0; j < H; j++)
        out[j] = dt_round_float(x[j] * r * w[j], t);
}

static void rms_norm_case(DType t, int64_t T, int64_t H, bool timed)
{
    IrGraph *g = rms_norm_graph(t, H);
    IrBuf in[2];
    assert_true(ir_buf_alloc(&in[0], t, 2, SHAPE(T, H)));
    assert_true(ir_buf_alloc(&in[1], t, 1, SHAPE(H)));
    uint32_t seed = 12345;
    for (int64_t j = 0; j < T * H; j++) {
        seed = seed * 1664525u + 1013904223u;
        in[0].f[j] = dt_round_float((float)((int32_t)seed >> 8) / 4194304.0f, t);
    }
    for (int64_t j = 0; j < H; j++)
        in[1].f[j] = dt_round_float(1.0f + (float)(j % 17) / 32.0f, t);
    IrBuf out;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    run_ok(g, (int64_t[]){T}, in, &out);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    if (timed)
        print_message("row norm %s[%" PRId64 ", %" PRId64 "]: %.1f ms, %.1f M input elements/s\n",
                      dt_name(t), T, H, secs * 1e3, (double)(T * H + H) / secs / 1e6);
    float *want = malloc(sizeof(float) * (size_t)H);
    assert_non_null(want);
    const int64_t rows[3] = {0, T / 2, T - 1};
    for (int k = 0; k < 3; k++) {
        naive_rms_row(in[0].f + rows[k] * H, in[1].f, H, t, want);
        expect_f(out.f + rows[k] * H, want, H, "rms row");
    }
    free(want);
    ir_buf_free(&out);
    free_bufs(in, 2);
}

static void test_rms_norm_small(void **state)
{
    (void)state;
    rms_norm_case(DT_F32, 5, 64, false);
    rms_norm_case(DT_BF16, 3, 128, false);
}

/* Prints the interpreter's speed on the row norm (no assertion on time). */
static void test_rms_norm_speed(void **state)
{
    (void)state;
    rms_norm_case(DT_F32, 2048, 4096, true);
    rms_norm_case(DT_BF16, 2048, 4096, true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_const_and_outputs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unary_float, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unary_int, setup, teardown),
        cmocka_unit_test_setup_teardown(test_binary_float, setup, teardown),
        cmocka_unit_test_setup_teardown(test_binary_int, setup, teardown),
        cmocka_unit_test_setup_teardown(test_int_bit_ops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_float_bits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_integer_wrap, setup, teardown),
        cmocka_unit_test_setup_teardown(test_where, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cast_float_to_float, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cast_float_to_int, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cast_from_int, setup, teardown),
        cmocka_unit_test_setup_teardown(test_outputs_rounded_bf16, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bf16_rounding_matches_dtype, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reduce_axes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reduce_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reduce_int, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reduce_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_view_permute, setup, teardown),
        cmocka_unit_test_setup_teardown(test_view_slice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_view_broadcast, setup, teardown),
        cmocka_unit_test_setup_teardown(test_view_reshape, setup, teardown),
        cmocka_unit_test_setup_teardown(test_view_symbolic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cat, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gather, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gather_out_of_range, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dead_node_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_input_mismatch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_size_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rms_norm_small, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rms_norm_speed, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
