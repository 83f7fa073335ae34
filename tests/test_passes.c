/* test_passes.c - each graph pass alone, on small graphs built with the
 * builder (the passes/ files), and the op table it reads (ir/ops.h).
 *
 * Every pass test goes through one check (run_pass): the graph verifies
 * before and after the pass, the pass's result prints exactly as the test
 * expects (ir_print_graph, worked out by hand from the pass's contract),
 * and the reference interpreter gives bit-identical outputs before and
 * after on random inputs (three draws).  Covered: simplify's folds (and
 * the ones it must not make), CSE (duplicates, commutative operands in
 * either order, non-commutative ones not merged), DCE, decompose's pow,
 * fold_layout (view chains, views of constants, identity views, pointwise
 * ops sunk below cat, unary and binary); the index-expression visitor the
 * IR's checks use (ix_walk, ix_any); the op table's completeness and the
 * verifier's rules taken from it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "passes.h"

/* ---- helpers -------------------------------------------------------------------- */

#include "test_arena.h"

#define OUTS(...) ((IrNode *const[]){__VA_ARGS__})

static IxExpr *V(int v) { return ix_var(AR, v); }
static IxExpr *K(int64_t c) { return ix_const(AR, c); }

static IrGraph *graph(void)
{
    return ir_graph_new(AR, "t", NOSPAN);
}

static IrNode *input(IrGraph *g, const char *name, DType t, int rank, const Dim *shape)
{
    return ir_input(g, name, t, rank, shape, NOSPAN);
}

static IrNode *fconst(IrGraph *g, double v, const IrNode *like)
{
    return ir_const_f(g, v, like->dtype, like->rank, like->shape, NOSPAN);
}

static IrNode *un(IrGraph *g, IrUnary k, IrNode *x)
{
    return ir_unary(g, k, x->dtype, x, NOSPAN);
}

static IrNode *bin(IrGraph *g, IrBinary k, IrNode *x, IrNode *y)
{
    return ir_binary(g, k, x->dtype, x, y, NOSPAN);
}

static void outputs(IrGraph *g, int n, IrNode *const *outs)
{
    ir_set_outputs(g, n, outs, NULL);
}

/* The printed graph, malloc'd. */
static char *print_graph(const IrGraph *g)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    ir_print_graph(g, f);
    fclose(f);
    return text;
}

static void verify_ok(const IrGraph *g, const char *when)
{
    Diag d;
    diag_init(&d);
    if (!ir_verify(g, &d)) {
        diag_print(&d, stderr);
        fail_msg("graph does not verify %s", when);
    }
    diag_free(&d);
}

/* Random inputs for g's parameters (every symbol bound to 3): floats in
 * [-3, 3] exact in their dtype, integers in [-20, 20], bools 0/1. */
static void random_inputs(const IrGraph *g, IrBuf *in, unsigned *seed)
{
    int64_t syms[8] = {3, 3, 3, 3, 3, 3, 3, 3}, shape[IR_MAX_RANK];
    for (int p = 0; p < g->nparam; p++) {
        const IrNode *n = g->params[p];
        for (int k = 0; k < n->rank; k++)
            shape[k] = dim_eval(n->shape[k], syms);
        assert_true(ir_buf_alloc(&in[p], n->dtype, n->rank, shape));
        for (int64_t j = 0; j < in[p].numel; j++) {
            int r = rand_r(seed);
            if (in[p].f)
                in[p].f[j] = dt_round_float((float)(r % 6001 - 3000) / 1000.0f, n->dtype);
            else
                in[p].i[j] = n->dtype == DT_BOOL ? r % 2 : r % 41 - 20;
        }
    }
}

static void run(const IrGraph *g, const IrBuf *in, IrBuf *out)
{
    int64_t syms[8] = {3, 3, 3, 3, 3, 3, 3, 3};
    Diag d;
    diag_init(&d);
    bool ok = ir_interp(g, syms, in, out, &d);
    if (!ok)
        diag_print(&d, stderr);
    assert_true(ok);
    diag_free(&d);
}

/* Same dtype, shape and bits (floats: or both NaN). */
static void expect_same(const IrBuf *a, const IrBuf *b, int out)
{
    assert_int_equal(a->dtype, b->dtype);
    assert_int_equal(a->numel, b->numel);
    for (int64_t j = 0; j < a->numel; j++) {
        bool same = a->f ? (memcmp(&a->f[j], &b->f[j], sizeof(float)) == 0 ||
                            (isnan(a->f[j]) && isnan(b->f[j])))
                         : a->i[j] == b->i[j];
        if (!same)
            fail_msg("output %d element %lld differs after the pass", out, (long long)j);
    }
}

#define MAX_IO 8

/* Runs pass on g and checks it: g verifies before and after, prints as
 * `want` after, and computes the same outputs as before on random inputs. */
static void run_pass(IrGraph *g, bool (*pass)(IrGraph *, Diag *), const char *want)
{
    IrBuf in[3][MAX_IO], before[3][MAX_IO], after[MAX_IO];
    unsigned seed = 12345;
    assert_true(g->nparam <= MAX_IO && g->nout <= MAX_IO);
    verify_ok(g, "before the pass");
    for (int r = 0; r < 3; r++) {
        random_inputs(g, in[r], &seed);
        run(g, in[r], before[r]);
    }
    Diag d;
    diag_init(&d);
    assert_true(pass(g, &d));
    assert_int_equal(d.nerrors, 0);
    diag_free(&d);
    verify_ok(g, "after the pass");
    char *text = print_graph(g);
    if (strcmp(text, want) != 0)
        fail_msg("after the pass:\n%s\nwanted:\n%s", text, want);
    free(text);
    for (int r = 0; r < 3; r++) {
        run(g, in[r], after);
        for (int k = 0; k < g->nout; k++) {
            expect_same(&before[r][k], &after[k], k);
            ir_buf_free(&before[r][k]);
            ir_buf_free(&after[k]);
        }
        for (int p = 0; p < g->nparam; p++)
            ir_buf_free(&in[r][p]);
    }
}

/* ---- simplify ----------------------------------------------------------------------- */

static void test_simplify_identities(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 1, DIMS(C(4)));
    IrNode *one = fconst(g, 1.0, x), *zero = fconst(g, 0.0, x);
    IrNode *a = bin(g, BIN_MUL, x, one);              /* x * 1 -> x */
    IrNode *b = bin(g, BIN_MUL, one, a);              /* 1 * x -> x */
    IrNode *c = bin(g, BIN_DIV, b, one);              /* x / 1 -> x */
    IrNode *e = bin(g, BIN_SUB, c, zero);             /* x - 0 -> x */
    IrNode *f = un(g, UN_NEG, un(g, UN_NEG, e));      /* -(-x) -> x */
    IrNode *h = un(g, UN_ABS, un(g, UN_ABS, f));      /* abs(abs(x)) -> abs(x) */
    IrNode *k = un(g, UN_FLOOR, un(g, UN_EXP, x));    /* no fold */
    IrNode *m = bin(g, BIN_SUB, zero, x);             /* 0 - x: no fold */
    IrNode *p = bin(g, BIN_DIV, one, x);              /* 1 / x: no fold */
    outputs(g, 4, OUTS(h, k, m, p));
    run_pass(g, pass_simplify,
             "graph t(%0 x: f32[4]) {\n"
             "  %1: f32[4] = abs %0\n"
             "  %2: f32[4] = exp %0\n"
             "  %3: f32[4] = floor %2\n"
             "  %4: f32[4] = const 0\n"
             "  %5: f32[4] = sub %4, %0\n"
             "  %6: f32[4] = const 1\n"
             "  %7: f32[4] = div %6, %0\n"
             "  return %1, %3, %5, %7\n"
             "}\n");
}

static void test_simplify_not_not(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_BOOL, 1, DIMS(C(4)));
    IrNode *y = input(g, "y", DT_I32, 1, DIMS(C(4)));
    IrNode *nn = un(g, UN_NOT, un(g, UN_NOT, x));              /* !!x -> x */
    IrNode *zero = ir_const_i(g, 0, DT_I32, 1, DIMS(C(4)), NOSPAN);
    IrNode *d = bin(g, BIN_SUB, y, zero); /* integer x - 0 is left alone */
    outputs(g, 2, OUTS(nn, d));
    run_pass(g, pass_simplify,
             "graph t(%0 x: bool[4], %1 y: i32[4]) {\n"
             "  %2: i32[4] = const 0\n"
             "  %3: i32[4] = sub %1, %2\n"
             "  return %0, %3\n"
             "}\n");
}

static void test_simplify_casts(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_BF16, 1, DIMS(C(4)));
    IrNode *y = input(g, "y", DT_F32, 1, DIMS(C(4)));
    IrNode *same = ir_cast(g, DT_BF16, x, NOSPAN);                          /* -> x */
    IrNode *twice = ir_cast(g, DT_F8E4M3, ir_cast(g, DT_F32, x, NOSPAN), NOSPAN); /* one cast */
    IrNode *lo = ir_const_f(g, -448.0, DT_F32, 1, DIMS(C(4)), NOSPAN);
    IrNode *hi = ir_const_f(g, 448.0, DT_F32, 1, DIMS(C(4)), NOSPAN);
    IrNode *clamp = bin(g, BIN_MIN, bin(g, BIN_MAX, y, lo), hi);
    IrNode *sat = ir_cast(g, DT_F8E4M3, clamp, NOSPAN);                      /* cast.sat */
    IrNode *narrow = ir_cast(g, DT_BF16, y, NOSPAN);                          /* stays */
    outputs(g, 4, OUTS(same, twice, sat, narrow));
    run_pass(g, pass_simplify,
             "graph t(%0 x: bf16[4], %1 y: f32[4]) {\n"
             "  %2: f8e4m3[4] = cast %0\n"
             "  %3: f8e4m3[4] = cast.sat %1\n"
             "  %4: bf16[4] = cast %1\n"
             "  return %0, %2, %3, %4\n"
             "}\n");
}

/* -0.0 is not 0.0: x - -0.0 is +0.0 at x = -0.0 (no fold), and x / -0.0
 * is -inf where x / 0.0 is +inf (CSE keeps the two constants apart; it
 * merged them while the fuzzer's graph p10 mixed `x * -0.0` with
 * quant_int8(x, 0.0), 2026-12-08). */
static void test_signed_zeros(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 1, DIMS(C(4)));
    IrNode *nz = fconst(g, -0.0, x), *pz = fconst(g, 0.0, x);
    IrNode *a = bin(g, BIN_SUB, x, nz);
    IrNode *b = bin(g, BIN_DIV, x, nz), *c = bin(g, BIN_DIV, x, pz);
    outputs(g, 3, OUTS(a, b, c));
    run_pass(g, pass_simplify,
             "graph t(%0 x: f32[4]) {\n"
             "  %1: f32[4] = const -0\n"
             "  %2: f32[4] = const 0\n"
             "  %3: f32[4] = sub %0, %1\n"
             "  %4: f32[4] = div %0, %1\n"
             "  %5: f32[4] = div %0, %2\n"
             "  return %3, %4, %5\n"
             "}\n");
    run_pass(g, pass_cse,
             "graph t(%0 x: f32[4]) {\n"
             "  %1: f32[4] = const -0\n"
             "  %2: f32[4] = sub %0, %1\n"
             "  %3: f32[4] = div %0, %1\n"
             "  %4: f32[4] = const 0\n"
             "  %5: f32[4] = div %0, %4\n"
             "  return %2, %3, %5\n"
             "}\n");
}

/* ---- cse ----------------------------------------------------------------------------- */

static void test_cse_merges(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 2, DIMS(C(2), C(3)));
    IrNode *y = input(g, "y", DT_F32, 2, DIMS(C(2), C(3)));
    IrNode *c1 = fconst(g, 2.0, x), *c2 = fconst(g, 2.0, x);
    IrNode *s1 = bin(g, BIN_ADD, x, y), *s2 = bin(g, BIN_ADD, y, x);   /* commutative */
    IrNode *m1 = bin(g, BIN_MUL, s1, c1), *m2 = bin(g, BIN_MUL, c2, s2);
    IrNode *d1 = bin(g, BIN_SUB, x, y), *d2 = bin(g, BIN_SUB, y, x);   /* not */
    IrNode *e1 = un(g, UN_EXP, x), *e2 = un(g, UN_EXP, x);
    IrNode *o1 = bin(g, BIN_ADD, m1, d1), *o2 = bin(g, BIN_ADD, m2, d2);
    outputs(g, 4, OUTS(o1, o2, e1, e2));
    run_pass(g, pass_cse,
             "graph t(%0 x: f32[2, 3], %1 y: f32[2, 3]) {\n"
             "  %2: f32[2, 3] = add %0, %1\n"
             "  %3: f32[2, 3] = const 2\n"
             "  %4: f32[2, 3] = mul %2, %3\n"
             "  %5: f32[2, 3] = sub %0, %1\n"
             "  %6: f32[2, 3] = add %4, %5\n"
             "  %7: f32[2, 3] = sub %1, %0\n"
             "  %8: f32[2, 3] = add %4, %7\n"
             "  %9: f32[2, 3] = exp %0\n"
             "  return %6, %8, %9, %9\n"
             "}\n");
}

/* max/min are not commutative (NaN and -0 vs 0 pick the first operand);
 * views and casts merge only with equal maps and flags. */
static void test_cse_keeps_distinct(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 2, DIMS(C(2), C(2)));
    IrNode *y = input(g, "y", DT_F32, 2, DIMS(C(2), C(2)));
    IrNode *a = bin(g, BIN_MAX, x, y), *b = bin(g, BIN_MAX, y, x);
    IrNode *t1 = ir_view(g, x, 2, DIMS(C(2), C(2)), (IxExpr *const[]){V(1), V(0)}, NOSPAN);
    IrNode *t2 = ir_view(g, x, 2, DIMS(C(2), C(2)), (IxExpr *const[]){V(1), V(0)}, NOSPAN);
    IrNode *r = ir_view(g, x, 2, DIMS(C(2), C(2)), (IxExpr *const[]){V(0), K(0)}, NOSPAN);
    IrNode *c1 = ir_cast(g, DT_F8E4M3, a, NOSPAN), *c2 = ir_cast(g, DT_F8E4M3, a, NOSPAN);
    c2->a.cast.saturate = true;
    outputs(g, 6, OUTS(b, t1, t2, r, c1, c2));
    run_pass(g, pass_cse,
             "graph t(%0 x: f32[2, 2], %1 y: f32[2, 2]) {\n"
             "  %2: f32[2, 2] = max %1, %0\n"
             "  %3: f32[2, 2] = view %0 (v1, v0)\n"
             "  %4: f32[2, 2] = view %0 (v0, 0)\n"
             "  %5: f32[2, 2] = max %0, %1\n"
             "  %6: f8e4m3[2, 2] = cast %5\n"
             "  %7: f8e4m3[2, 2] = cast.sat %5\n"
             "  return %2, %3, %3, %4, %6, %7\n"
             "}\n");
}

/* ---- dce and decompose ----------------------------------------------------------------- */

static void test_dce(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 1, DIMS(C(3)));
    input(g, "unused", DT_I32, 1, DIMS(C(3)));
    un(g, UN_EXP, x);                               /* dead */
    IrNode *l = un(g, UN_LOG, un(g, UN_ABS, x));
    bin(g, BIN_ADD, l, x);                          /* dead */
    outputs(g, 1, OUTS(l));
    run_pass(g, pass_dce,
             "graph t(%0 x: f32[3], %1 unused: i32[3]) {\n"
             "  %2: f32[3] = abs %0\n"
             "  %3: f32[3] = log %2\n"
             "  return %3\n"
             "}\n");
}

static void test_decompose_pow(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 1, DIMS(C(3)));
    IrNode *p1 = bin(g, BIN_POW, x, fconst(g, 1.0, x));  /* -> x */
    IrNode *p2 = bin(g, BIN_POW, x, fconst(g, 2.0, x));  /* stays: powf is not x*x */
    outputs(g, 2, OUTS(p1, p2));
    run_pass(g, pass_decompose,
             "graph t(%0 x: f32[3]) {\n"
             "  %1: f32[3] = const 2\n"
             "  %2: f32[3] = pow %0, %1\n"
             "  return %0, %2\n"
             "}\n");
}

/* ---- fold_layout ---------------------------------------------------------------------- */

static void test_fold_views(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *x = input(g, "x", DT_F32, 2, DIMS(C(2), C(3)));
    /* transpose, then slice columns 1..2 of the transpose's rows: one view */
    IrNode *t = ir_view(g, x, 2, DIMS(C(3), C(2)), (IxExpr *const[]){V(1), V(0)}, NOSPAN);
    IrNode *s = ir_view(g, t, 2, DIMS(C(2), C(2)),
                        (IxExpr *const[]){ix_add(AR, V(0), K(1)), V(1)}, NOSPAN);
    IrNode *id = ir_view(g, x, 2, DIMS(C(2), C(3)), (IxExpr *const[]){V(0), V(1)}, NOSPAN);
    IrNode *c = ir_const_f(g, 0.5, DT_F32, 1, DIMS(C(3)), NOSPAN);
    IrNode *bc = ir_view(g, c, 2, DIMS(C(2), C(3)), (IxExpr *const[]){V(1)}, NOSPAN);
    outputs(g, 2, OUTS(s, bin(g, BIN_MUL, id, bc)));
    run_pass(g, pass_fold_layout,
             "graph t(%0 x: f32[2, 3]) {\n"
             "  %1: f32[2, 2] = view %0 (v1, (v0 + 1))\n"
             "  %2: f32[2, 3] = const 0.5\n"
             "  %3: f32[2, 3] = mul %0, %2\n"
             "  return %1, %3\n"
             "}\n");
}

static void test_fold_sinks_below_cat(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *a = input(g, "a", DT_F32, 2, DIMS(C(2), C(1)));
    IrNode *b = input(g, "b", DT_F32, 2, DIMS(C(2), C(2)));
    IrNode *w = input(g, "w", DT_F32, 2, DIMS(C(2), C(3)));
    IrNode *cat = ir_cat(g, 2, (IrNode *const[]){a, b}, 1, NOSPAN);
    IrNode *e = un(g, UN_EXP, cat);
    IrNode *m = bin(g, BIN_MUL, w, e); /* the cat is the second operand */
    outputs(g, 1, OUTS(m));
    run_pass(g, pass_fold_layout,
             "graph t(%0 a: f32[2, 1], %1 b: f32[2, 2], %2 w: f32[2, 3]) {\n"
             "  %3: f32[2, 1] = view %2 (v0, v1)\n"
             "  %4: f32[2, 1] = exp %0\n"
             "  %5: f32[2, 1] = mul %3, %4\n"
             "  %6: f32[2, 2] = view %2 (v0, (v1 + 1))\n"
             "  %7: f32[2, 2] = exp %1\n"
             "  %8: f32[2, 2] = mul %6, %7\n"
             "  %9: f32[2, 3] = cat %5, %8 dim=1\n"
             "  return %9\n"
             "}\n");
}

/* ---- the index-expression visitor (ir/index.c) ---------------------------------------- */

typedef struct {
    char order[16];
    int n;
} Trace;

/* Records each node's kind letter; skips below a MUL, stops at a DIM. */
static IxStep trace_step(const IxExpr *e, void *ctx)
{
    Trace *t = ctx;
    static const char letter[] = {'c', 'v', 'd', '+', '*', '/', '%', 'k'};
    if (t->n < 15)
        t->order[t->n++] = letter[e->kind];
    return e->kind == IX_DIM ? IX_STOP : e->kind == IX_MUL ? IX_SKIP : IX_GO;
}

static void test_ix_walk(void **state)
{
    (void)state;
    /* (v0 * 4 + v1 % 3) + v2 */
    IxExpr *e = ix_add(AR, ix_add(AR, ix_mul(AR, V(0), K(4)), ix_mod(AR, V(1), K(3))), V(2));
    Trace t = {{0}, 0};
    assert_int_equal(ix_walk(e, trace_step, &t), IX_GO);
    assert_string_equal(t.order, "++*%vcv"); /* pre-order; MUL's operands skipped */
    IxExpr *d = ix_add(AR, ix_dim(AR, dim_sym(0)), V(1));
    memset(&t, 0, sizeof t);
    assert_int_equal(ix_walk(d, trace_step, &t), IX_STOP);
    assert_string_equal(t.order, "+d");
    assert_true(ix_has_kind(e, IX_MOD));
    assert_false(ix_has_kind(e, IX_DIV));
    /* 100000 levels deep: no recursion, and every leaf is reached */
    IxExpr *deep = V(0);
    for (int k = 0; k < 100000; k++)
        deep = ix_add(AR, deep, V(1));
    assert_false(ix_has_kind(deep, IX_DIM));
    assert_true(ix_has_kind(ix_add(AR, deep, ix_dim(AR, dim_sym(0))), IX_DIM));
}

/* ---- the op table ---------------------------------------------------------------------- */

/* Every row names itself, and has a codegen spelling exactly for the
 * classes it is defined on. */
static void check_row(const IrOpInfo *op)
{
    assert_true(op->name && strcmp(op->name, "?") != 0);
    assert_true(op->dom != 0);
    assert_int_equal(op->cf != NULL, (op->dom & OPD_F) != 0);
    assert_int_equal(op->ci != NULL, (op->dom & (OPD_I | OPD_B)) != 0);
}

static void test_op_table(void **state)
{
    (void)state;
    for (int k = 0; k < UN_COUNT; k++)
        check_row(ir_unary_info((IrUnary)k));
    for (int k = 0; k < BIN_COUNT; k++)
        check_row(ir_binary_info((IrBinary)k));
    for (int k = 0; k < RED_COUNT; k++) {
        const IrOpInfo *op = ir_reduce_info((IrReduce)k);
        check_row(op);
        assert_int_equal(op->cfid != NULL, op->cf != NULL);
    }
    assert_string_equal(ir_unary_name(UN_SIGMOID), "sigmoid");
    assert_string_equal(ir_binary_name(BIN_NE), "ne");
    assert_string_equal(ir_reduce_name(RED_MEAN), "mean");
    assert_string_equal(ir_op_name(IR_GATHER), "gather");
    assert_string_equal(ir_unary_name((IrUnary)UN_COUNT), "?");
    assert_int_equal(ir_op_info(IR_CAT)->arity, -1);
    assert_int_equal(ir_op_info(IR_WHERE)->arity, 3);
    assert_true(ir_binary_info(BIN_ADD)->flags & OPF_COMMUTATIVE);
    assert_false(ir_binary_info(BIN_MAX)->flags & OPF_COMMUTATIVE);
}

/* The verifier takes its class rules from the table. */
static void test_verify_classes(void **state)
{
    (void)state;
    IrGraph *g = graph();
    IrNode *i = input(g, "i", DT_I32, 1, DIMS(C(2)));
    IrNode *b;
    outputs(g, 1, OUTS(ir_unary(g, UN_EXP, DT_I32, i, NOSPAN))); /* exp of an integer */
    Diag d;
    diag_init(&d);
    assert_false(ir_verify(g, &d));
    assert_non_null(strstr(d.head->text, "not defined on its operand's class"));
    diag_free(&d);
    IrGraph *h = graph();
    b = input(h, "b", DT_BOOL, 1, DIMS(C(2)));
    outputs(h, 1, OUTS(ir_binary(h, BIN_ADD, DT_BOOL, b, b, NOSPAN))); /* bool arithmetic */
    diag_init(&d);
    assert_false(ir_verify(h, &d));
    assert_non_null(strstr(d.head->text, "not defined on its operands' class"));
    diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_simplify_identities, setup, teardown),
        cmocka_unit_test_setup_teardown(test_simplify_not_not, setup, teardown),
        cmocka_unit_test_setup_teardown(test_simplify_casts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_signed_zeros, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cse_merges, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cse_keeps_distinct, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dce, setup, teardown),
        cmocka_unit_test_setup_teardown(test_decompose_pow, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fold_views, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fold_sinks_below_cat, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ix_walk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_op_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_verify_classes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
