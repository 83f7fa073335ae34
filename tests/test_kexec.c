/* test_kexec.c - unit tests for the kernel-IR executor (ir/kexec.c), the
 * kernel IR printers and verifier (ir/kernel.c).
 *
 * KPrograms are built by hand with the small builder below (row flags are
 * derived as kernel.h states them, so every program verifies unless a test
 * breaks it on purpose).  Expected reduction results are computed in the
 * test by explicit formulas for the schedule's order, never by the
 * executor's code; values are chosen so that the order matters in f32 (a
 * plain sequential sum gives a different answer, which each test asserts).
 * Covered: row sums with threads_per_row 1, 4 and 64 (two-level), mean,
 * max/min with NaN and signed zeros, integer max, gathers through IX_VAL,
 * a cat select through KO_INDEX, per-row stores, a temp handed between
 * kernels, parity with the reference interpreter on pointwise ops and
 * casts, bounds errors, hazards (unwritten temp, double store, output not
 * covered), schedule coverage, input mismatch, stats counts, the verifier
 * on broken programs, and the text / JSON / Graphviz printers. */
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

#include "interp.h"
#include "kernel.h"
#include "kexec.h"

/* ---- builder ---------------------------------------------------------------------- */

#include "test_arena.h"

#define SHAPE(...) ((const int64_t[]){__VA_ARGS__})
#define IDX(...) ((IxExpr *const[]){__VA_ARGS__})

static IxExpr *V(int v) { return ix_var(AR, v); }
static IxExpr *K(int64_t c) { return ix_const(AR, c); }
static IxExpr *ADD(IxExpr *a, IxExpr *b) { return ix_add(AR, a, b); }
static IxExpr *MUL(IxExpr *a, int64_t c) { return ix_mul(AR, a, K(c)); }
static IxExpr *MOD(IxExpr *a, int64_t c) { return ix_mod(AR, a, K(c)); }
static IxExpr *VAL(const void *op)
{
    IxExpr *e = ARENA_NEW(AR, IxExpr);
    e->kind = IX_VAL;
    e->c = ((const KOp *)op)->id;
    return e;
}

#define MAX_BUFS 32
#define MAX_KERNELS 4

static KProgram *prog(const IrGraph *g)
{
    KProgram *p = ARENA_NEW(AR, KProgram);
    p->graph = g;
    p->target = ktarget_default();
    p->bufs = ARENA_ARRAY(AR, KBuf, MAX_BUFS);
    p->kernels = ARENA_ARRAY(AR, Kernel *, MAX_KERNELS);
    return p;
}

static int buf(KProgram *p, KBufKind kind, int index, const char *name, DType t, int rank,
               const Dim *shape)
{
    assert_true(p->nbuf < MAX_BUFS);
    KBuf *b = &p->bufs[p->nbuf];
    b->kind = kind;
    b->index = index;
    b->name = name;
    b->dtype = t;
    b->rank = rank;
    for (int k = 0; k < rank; k++)
        b->shape[k] = shape[k];
    return p->nbuf++;
}

static Kernel *kernel(KProgram *p, const char *name, int block)
{
    assert_true(p->nkernel < MAX_KERNELS);
    Kernel *k = ARENA_NEW(AR, Kernel);
    k->name = name;
    k->block = block;
    k->segs = ARENA_ARRAY(AR, KSegment *, 4);
    p->kernels[p->nkernel++] = k;
    return k;
}

/* A segment with schedule (tpr, vec, chunks); rows_per_block fills the
 * kernel's block. */
static KSegment *segment(Kernel *k, int nouter, const Dim *outer, int nrow, const Dim *row,
                         int tpr, int vec, int chunks)
{
    KSegment *s = ARENA_NEW(AR, KSegment);
    s->nouter = nouter;
    s->nrow = nrow;
    for (int d = 0; d < nouter; d++)
        s->outer[d] = outer[d];
    for (int d = 0; d < nrow; d++)
        s->row[d] = row[d];
    s->sched = (KSchedule){.threads_per_row = tpr, .vec = vec, .chunks = chunks,
                           .rows_per_block = k->block / tpr, .why = "test"};
    k->segs[k->nseg++] = s;
    return s;
}

/* Does e use a row var or the value of a row op of s? */
static bool ix_row(const KSegment *s, const IxExpr *e)
{
    switch (e->kind) {
    case IX_VAR: return e->c >= s->nouter;
    case IX_VAL: return ((const KOp *)s->ops.items[e->c])->row;
    case IX_CONST: case IX_DIM: return false;
    default: return ix_row(s, e->a) || ix_row(s, e->b);
    }
}

static KOp *op(KSegment *s, KOpKind kind, DType t, int nin, KOp *a, KOp *b, KOp *c)
{
    KOp *o = ARENA_NEW(AR, KOp);
    o->id = s->ops.len;
    o->kind = kind;
    o->dtype = t;
    o->node = -1;
    o->nin = nin;
    KOp *in[3] = {a, b, c};
    for (int k = 0; k < nin; k++) {
        o->in[k] = in[k];
        o->row |= in[k]->row;
    }
    ptrvec_push(AR, &s->ops, o);
    return o;
}

static KOp *load(KSegment *s, const KProgram *p, int b, IxExpr *const *idx)
{
    KOp *o = op(s, KO_LOAD, p->bufs[b].dtype, 0, NULL, NULL, NULL);
    o->a.load.buf = b;
    for (int d = 0; d < p->bufs[b].rank; d++) {
        o->a.load.idx[d] = idx[d];
        o->row |= ix_row(s, idx[d]);
    }
    return o;
}

static KOp *cf(KSegment *s, DType t, double v)
{
    KOp *o = op(s, KO_CONST, t, 0, NULL, NULL, NULL);
    o->a.cnst.f = v;
    return o;
}

static KOp *ci(KSegment *s, DType t, int64_t v)
{
    KOp *o = op(s, KO_CONST, t, 0, NULL, NULL, NULL);
    o->a.cnst.i = v;
    return o;
}

static KOp *un(KSegment *s, IrUnary k, DType t, KOp *x)
{
    KOp *o = op(s, KO_UNARY, t, 1, x, NULL, NULL);
    o->a.unary = k;
    return o;
}

static KOp *bin(KSegment *s, IrBinary k, DType t, KOp *x, KOp *y)
{
    KOp *o = op(s, KO_BINARY, t, 2, x, y, NULL);
    o->a.binary = k;
    return o;
}

static KOp *where(KSegment *s, DType t, KOp *c, KOp *x, KOp *y)
{
    return op(s, KO_WHERE, t, 3, c, x, y);
}

static KOp *cast(KSegment *s, DType t, KOp *x, bool sat)
{
    KOp *o = op(s, KO_CAST, t, 1, x, NULL, NULL);
    o->a.cast.saturate = sat;
    return o;
}

static KOp *red(KSegment *s, IrReduce k, DType t, KOp *x)
{
    KOp *o = op(s, KO_REDUCE, t, 1, x, NULL, NULL);
    o->a.reduce.kind = k;
    o->row = false;
    return o;
}

static KOp *index_op(KSegment *s, IxExpr *e)
{
    KOp *o = op(s, KO_INDEX, DT_I64, 0, NULL, NULL, NULL);
    o->a.index.expr = e;
    o->row = ix_row(s, e);
    return o;
}

static KStore *store(KSegment *s, const KProgram *p, int b, KOp *v, IxExpr *const *idx)
{
    KStore *st = ARENA_NEW(AR, KStore);
    st->buf = b;
    st->value = v;
    st->row = v->row;
    for (int d = 0; d < p->bufs[b].rank; d++) {
        st->idx[d] = idx[d];
        st->row |= ix_row(s, idx[d]);
    }
    ptrvec_push(AR, &s->stores, st);
    return st;
}

/* ---- running ---------------------------------------------------------------------- */

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

/* Runs p, which must verify and succeed. */
static void run_ok(const KProgram *p, const int64_t *symvals, const IrBuf *in, IrBuf *out,
                   KexecStats *stats)
{
    Diag d;
    diag_init(&d);
    bool ok = kexec_run(p, symvals, in, out, stats, &d);
    if (!ok)
        diag_print(&d, stderr);
    assert_true(ok);
    assert_int_equal(d.nerrors, 0);
    diag_free(&d);
}

/* Runs p, which must fail with an error whose text contains every one of
 * the (up to three, NULL-terminated) strings; no output stays allocated. */
static void run_fails(const KProgram *p, const int64_t *symvals, const IrBuf *in,
                      const char *s1, const char *s2, const char *s3)
{
    Diag d;
    diag_init(&d);
    IrBuf out[4];
    memset(out, 0, sizeof out);
    assert_false(kexec_run(p, symvals, in, out, NULL, &d));
    assert_true(d.nerrors >= 1);
    const char *want[3] = {s1, s2, s3};
    for (int k = 0; k < 3 && want[k]; k++) {
        bool found = false;
        for (const DiagMsg *m = d.head; m && !found; m = m->next)
            found = strstr(m->text, want[k]) != NULL;
        if (!found) {
            diag_print(&d, stderr);
            fail_msg("no error mentions '%s'", want[k]);
        }
    }
    for (int k = 0; k < 4; k++)
        assert_true(out[k].f == NULL && out[k].i == NULL);
    diag_free(&d);
}

/* The verifier rejects p with an error containing `what`. */
static void verify_fails(const KProgram *p, const char *what)
{
    Diag d;
    diag_init(&d);
    assert_false(kir_verify(p, &d));
    bool found = false;
    for (const DiagMsg *m = d.head; m && !found; m = m->next)
        found = strstr(m->text, what) != NULL;
    if (!found) {
        diag_print(&d, stderr);
        fail_msg("no verifier error mentions '%s'", what);
    }
    diag_free(&d);
}

static void verify_ok(const KProgram *p)
{
    Diag d;
    diag_init(&d);
    bool ok = kir_verify(p, &d);
    if (!ok)
        diag_print(&d, stderr);
    assert_true(ok);
    diag_free(&d);
}

static bool same_bits(float a, float b)
{
    uint32_t x, y;
    memcpy(&x, &a, 4);
    memcpy(&y, &b, 4);
    return x == y;
}

static void expect_bits(float got, float want, const char *what)
{
    if (!same_bits(got, want))
        fail_msg("%s: got %.9g, want %.9g", what, (double)got, (double)want);
}

/* ---- row reductions --------------------------------------------------------------- */

/* One segment [R | N] (N a constant) reducing input x[R, N] with kind k
 * under schedule (tpr, vec, chunks), the per-row result stored to
 * out[R]. */
static KProgram *row_reduce_prog(IrReduce k, DType t, int64_t R, int64_t N, int tpr, int vec,
                                 int chunks)
{
    KProgram *p = prog(NULL);
    int x = buf(p, KB_INPUT, 0, "x", t, 2, DIMS(C(R), C(N)));
    int o = buf(p, KB_OUTPUT, 0, "out", t, 1, DIMS(C(R)));
    Kernel *kn = kernel(p, "reduce", tpr);
    KSegment *s = segment(kn, 1, DIMS(C(R)), 1, DIMS(C(N)), tpr, vec, chunks);
    KOp *v = load(s, p, x, IDX(V(0), V(1)));
    KOp *r = red(s, k, t, v);
    store(s, p, o, r, IDX(V(0)));
    verify_ok(p);
    return p;
}

/* Runs a one-row reduction of vals[n] and returns the result. */
static float reduce_row(IrReduce k, const float *vals, int64_t n, int tpr, int vec, int chunks)
{
    KProgram *p = row_reduce_prog(k, DT_F32, 1, n, tpr, vec, chunks);
    IrBuf in = fbuf(DT_F32, 2, SHAPE(1, n), vals), out;
    run_ok(p, NULL, &in, &out, NULL);
    float r = out.f[0];
    ir_buf_free(&out);
    ir_buf_free(&in);
    return r;
}

/* Values where the summation order matters in f32: big values of both
 * signs among small ones. */
static void order_sensitive(float *v, int n)
{
    for (int e = 0; e < n; e++)
        v[e] = e % 7 == 0 ? (e % 2 ? -1.0e8f : 1.0e8f) : 1.0f + (float)e * 0.375f;
}

static float seq_sum(const float *v, int n)
{
    float s = 0;
    for (int e = 0; e < n; e++)
        s += v[e];
    return s;
}

/* Lane 0's value after an xor-butterfly of sums over v[0..count): each
 * step halves the live lanes, lane l (< half) adding lane l + half. */
static float fold_halves(float *v, int count)
{
    while (count > 1) {
        count /= 2;
        for (int l = 0; l < count; l++)
            v[l] = v[l] + v[l + count];
    }
    return v[0];
}

static void test_sum_tpr1(void **state)
{
    (void)state;
    float v[8] = {1.0e8f, 1, 1, 1, 1, 1, 1, 1};
    /* one lane, in element order: each 1 is lost against 1e8 (ulp 8) */
    float got = reduce_row(RED_SUM, v, 8, 1, 1, 0);
    expect_bits(got, 1.0e8f, "sequential sum");
    /* the interpreter (f64) would give 100000008 */
    assert_true((float)(1.0e8 + 7.0) != got);
    /* vec 4, chunks 2: still one lane, still element order */
    expect_bits(reduce_row(RED_SUM, v, 8, 1, 4, 2), 1.0e8f, "sequential sum, vec 4");
}

static void test_sum_tpr4(void **state)
{
    (void)state;
    float v[16];
    order_sensitive(v, 16);
    /* tpr 4, vec 2, chunks 0 (-> 2): lane l owns (c*4 + l)*2 + j:
     * lane 0: 0 1 8 9, lane 1: 2 3 10 11, lane 2: 4 5 12 13, lane 3: 6 7 14 15 */
    float L[4];
    for (int l = 0; l < 4; l++) {
        float s = 0.0f;
        s += v[2 * l];
        s += v[2 * l + 1];
        s += v[8 + 2 * l];
        s += v[8 + 2 * l + 1];
        L[l] = s;
    }
    /* butterfly: offset 2 then 1 -> (L0 + L2) + (L1 + L3) */
    float want = (L[0] + L[2]) + (L[1] + L[3]);
    assert_false(same_bits(want, seq_sum(v, 16))); /* the order matters here */
    expect_bits(reduce_row(RED_SUM, v, 16, 4, 2, 0), want, "tpr 4 sum");
    /* mean: that sum / 16 in f32 */
    expect_bits(reduce_row(RED_MEAN, v, 16, 4, 2, 0), want / 16.0f, "tpr 4 mean");
}

static void test_sum_tpr64_two_level(void **state)
{
    (void)state;
    enum { N = 100 };
    float v[N];
    order_sensitive(v, N);
    /* tpr 64, vec 1, chunks 2: lane l owns l and 64 + l (when < 100) */
    float L[64];
    for (int l = 0; l < 64; l++) {
        float s = 0.0f;
        s += v[l];
        if (64 + l < N)
            s += v[64 + l];
        L[l] = s;
    }
    /* two warps of 32: butterfly in each, then over the 2 warp values */
    float W[2] = {fold_halves(L, 32), fold_halves(L + 32, 32)};
    float want = W[0] + W[1];
    assert_false(same_bits(want, seq_sum(v, N)));
    expect_bits(reduce_row(RED_SUM, v, N, 64, 1, 2), want, "tpr 64 sum");
    /* chunks 0 covers the row the same way (ceil(100 / 64) = 2) */
    expect_bits(reduce_row(RED_SUM, v, N, 64, 1, 0), want, "tpr 64 sum, chunks 0");
    expect_bits(reduce_row(RED_MEAN, v, N, 64, 1, 2), want / 100.0f, "tpr 64 mean");
}

static void test_sum_several_rows_and_vec(void **state)
{
    (void)state;
    /* 3 rows of 24, tpr 2, vec 4, chunks 3: lane l owns (c*2 + l)*4 + j */
    enum { R = 3, N = 24 };
    float v[R * N];
    order_sensitive(v, R * N);
    KProgram *p = row_reduce_prog(RED_SUM, DT_F32, R, N, 2, 4, 3);
    IrBuf in = fbuf(DT_F32, 2, SHAPE(R, N), v), out;
    run_ok(p, NULL, &in, &out, NULL);
    for (int r = 0; r < R; r++) {
        const float *x = v + r * N;
        float L[2];
        for (int l = 0; l < 2; l++) {
            float s = 0.0f;
            for (int c = 0; c < 3; c++)
                for (int j = 0; j < 4; j++)
                    s += x[(c * 2 + l) * 4 + j];
            L[l] = s;
        }
        expect_bits(out.f[r], L[0] + L[1], "row sum");
    }
    ir_buf_free(&out);
    ir_buf_free(&in);
}

static void test_max_min(void **state)
{
    (void)state;
    float nan = NAN;
    float v[8] = {1, 5, -3, nan, 7, 2, 0, 1};
    for (int tpr = 1; tpr <= 8; tpr *= 2) {
        assert_true(isnan(reduce_row(RED_MAX, v, 8, tpr, 1, 0)));
        assert_true(isnan(reduce_row(RED_MIN, v, 8, tpr, 1, 0)));
    }
    float w[6] = {1, 5, -3, 9, 7, 2};
    expect_bits(reduce_row(RED_MAX, w, 6, 2, 1, 0), 9.0f, "max");
    expect_bits(reduce_row(RED_MIN, w, 6, 4, 2, 0), -3.0f, "min");
    /* ties keep the accumulator: in one lane the earlier zero wins */
    float z[2] = {-0.0f, 0.0f};
    expect_bits(reduce_row(RED_MAX, z, 2, 1, 1, 0), -0.0f, "max(-0, 0), one lane");
    float z2[2] = {0.0f, -0.0f};
    expect_bits(reduce_row(RED_MIN, z2, 2, 1, 1, 0), 0.0f, "min(0, -0), one lane");
    /* across lanes lane 0 keeps its own value on a tie */
    expect_bits(reduce_row(RED_MAX, z, 2, 2, 1, 0), -0.0f, "max(-0, 0), two lanes");
    expect_bits(reduce_row(RED_MAX, z2, 2, 2, 1, 0), 0.0f, "max(0, -0), two lanes");
    /* all -inf stays -inf */
    float ninf[3] = {-INFINITY, -INFINITY, -INFINITY};
    expect_bits(reduce_row(RED_MAX, ninf, 3, 4, 1, 0), -INFINITY, "max of -inf");
}

static void test_int_reduce(void **state)
{
    (void)state;
    KProgram *p = row_reduce_prog(RED_MAX, DT_I32, 2, 5, 4, 1, 0);
    IrBuf in = ibuf(DT_I32, 2, SHAPE(2, 5), (int64_t[]){3, -7, 12, 12, 0, -1, -9, -4, -2, -8});
    IrBuf out;
    run_ok(p, NULL, &in, &out, NULL);
    assert_int_equal(out.i[0], 12);
    assert_int_equal(out.i[1], -1);
    ir_buf_free(&out);
    /* a sum wraps to the output's i32 at the store */
    KProgram *q = row_reduce_prog(RED_SUM, DT_I32, 1, 2, 2, 1, 0);
    IrBuf in2 = ibuf(DT_I32, 2, SHAPE(1, 2), (int64_t[]){INT32_MAX, 1});
    run_ok(q, NULL, &in2, &out, NULL);
    assert_int_equal(out.i[0], INT32_MIN);
    ir_buf_free(&out);
    free_bufs(&in, 1);
    free_bufs(&in2, 1);
}

static void test_empty_rows(void **state)
{
    (void)state;
    /* sum over an empty row is 0, the mean NaN; max over one is an error */
    KProgram *p = prog(NULL);
    int x = buf(p, KB_INPUT, 0, "x", DT_F32, 2, DIMS(C(2), dim_sym(0)));
    int o = buf(p, KB_OUTPUT, 0, "out", DT_F32, 1, DIMS(C(2)));
    int o2 = buf(p, KB_OUTPUT, 1, "mean", DT_F32, 1, DIMS(C(2)));
    Kernel *kn = kernel(p, "empty", 32);
    KSegment *s = segment(kn, 1, DIMS(C(2)), 1, DIMS(dim_sym(0)), 32, 1, 0);
    KOp *v = load(s, p, x, IDX(V(0), V(1)));
    store(s, p, o, red(s, RED_SUM, DT_F32, v), IDX(V(0)));
    store(s, p, o2, red(s, RED_MEAN, DT_F32, v), IDX(V(0)));
    IrBuf in, out[2];
    assert_true(ir_buf_alloc(&in, DT_F32, 2, SHAPE(2, 0)));
    run_ok(p, (int64_t[]){0}, &in, out, NULL);
    expect_bits(out[0].f[1], 0.0f, "empty sum");
    assert_true(isnan(out[1].f[0]));
    free_bufs(out, 2);

    KProgram *q = prog(NULL);
    x = buf(q, KB_INPUT, 0, "x", DT_F32, 2, DIMS(C(2), dim_sym(0)));
    o = buf(q, KB_OUTPUT, 0, "out", DT_F32, 1, DIMS(C(2)));
    kn = kernel(q, "emptymax", 32);
    s = segment(kn, 1, DIMS(C(2)), 1, DIMS(dim_sym(0)), 32, 1, 0);
    store(s, q, o, red(s, RED_MAX, DT_F32, load(s, q, x, IDX(V(0), V(1)))), IDX(V(0)));
    run_fails(q, (int64_t[]){0}, &in, "'emptymax'", "max over an empty row", NULL);
    ir_buf_free(&in);
}

/* ---- loads, stores, gathers ----------------------------------------------------------- */

/* out[i, j] = table[idx[i], j] * 2, rsum[i] = sum_j table[idx[i], j]. */
static KProgram *gather_prog(void)
{
    KProgram *p = prog(NULL);
    int table = buf(p, KB_INPUT, 0, "table", DT_F32, 2, DIMS(C(5), C(3)));
    int idx = buf(p, KB_INPUT, 1, "idx", DT_I64, 1, DIMS(C(4)));
    int out = buf(p, KB_OUTPUT, 0, "out", DT_F32, 2, DIMS(C(4), C(3)));
    int rsum = buf(p, KB_OUTPUT, 1, "rsum", DT_F32, 1, DIMS(C(4)));
    Kernel *kn = kernel(p, "gather", 4);
    KSegment *s = segment(kn, 1, DIMS(C(4)), 1, DIMS(C(3)), 4, 1, 0);
    KOp *iv = load(s, p, idx, IDX(V(0)));
    KOp *tv = load(s, p, table, IDX(VAL(iv), V(1)));
    KOp *two = cf(s, DT_F32, 2.0);
    KOp *m = bin(s, BIN_MUL, DT_F32, tv, two);
    KOp *r = red(s, RED_SUM, DT_F32, tv);
    store(s, p, out, m, IDX(V(0), V(1)));
    store(s, p, rsum, r, IDX(V(0)));
    assert_false(iv->row);
    assert_true(tv->row);
    verify_ok(p);
    return p;
}

/* gather_prog with a few-rows variant: one lane per row walking its three
 * elements (chunks 3) instead of four lanes. */
static Kernel *add_few_rows(KProgram *p)
{
    Kernel *k = p->kernels[0], *f = ARENA_NEW(AR, Kernel);
    *f = *k;
    f->name = "gather_few";
    f->block = 1;
    f->segs = ARENA_ARRAY(AR, KSegment *, 1);
    f->segs[0] = ARENA_NEW(AR, KSegment);
    *f->segs[0] = *k->segs[0];
    f->segs[0]->sched = (KSchedule){.threads_per_row = 1, .vec = 1, .chunks = 3,
                                    .rows_per_block = 1};
    k->few_rows = f;
    k->few_rows_grid_per_sm = 2;
    return f;
}

/* Each variant follows its own schedule: the row sums differ in rounding
 * exactly as the two reduction orders do. */
static void test_few_rows_variant(void **state)
{
    (void)state;
    KProgram *p = gather_prog();
    add_few_rows(p);
    verify_ok(p);
    float tv[15] = {0};
    tv[0] = 1e8f, tv[1] = 1.0f, tv[2] = -1e8f; /* table row 0 */
    IrBuf in[2] = {fbuf(DT_F32, 2, SHAPE(5, 3), tv), ibuf(DT_I64, 1, SHAPE(4), (int64_t[]){0, 0, 0, 0})};
    for (int v = 0; v < 2; v++) {
        IrBuf out[2];
        Diag d;
        diag_init(&d);
        assert_true(kexec_run_variant(p, v ? KEXEC_FEW_ROWS : KEXEC_MANY_ROWS, NULL, in, out,
                                      NULL, &d));
        diag_free(&d);
        /* many: lanes hold 1e8, 1, -1e8, 0 -> (1e8 + -1e8) + (1 + 0) = 1;
         * few: ((1e8 + 1) + -1e8) = 0 in f32 */
        for (int i = 0; i < 4; i++) {
            expect_bits(out[1].f[i], v ? 0.0f : 1.0f, "row sum in the variant's order");
            expect_bits(out[0].f[i * 3 + 1], 2.0f, "gathered value");
        }
        free_bufs(out, 2);
    }
    free_bufs(in, 2);

    /* the verifier: the variant must share the kernel's ops, have a valid
     * schedule and block, a positive threshold and no variant of its own */
    p = gather_prog();
    Kernel *f = add_few_rows(p);
    f->segs[0]->ops.len--;
    verify_fails(p, "few-rows variant: segment is not the kernel's own");
    p = gather_prog();
    f = add_few_rows(p);
    f->block = 2;
    verify_fails(p, "threads_per_row 1 * rows_per_block 1 != kernel block 2");
    p = gather_prog();
    add_few_rows(p);
    p->kernels[0]->few_rows_grid_per_sm = 0;
    verify_fails(p, "few_rows_grid_per_sm 0 < 1");
    p = gather_prog();
    f = add_few_rows(p);
    f->few_rows = f;
    verify_fails(p, "has a variant itself");
}

static void test_gather_and_row_store(void **state)
{
    (void)state;
    KProgram *p = gather_prog();
    float tv[15];
    for (int k = 0; k < 15; k++)
        tv[k] = (float)(k * k) * 0.5f;
    IrBuf in[2] = {fbuf(DT_F32, 2, SHAPE(5, 3), tv), ibuf(DT_I64, 1, SHAPE(4), (int64_t[]){4, 0, 2, 4})};
    IrBuf out[2];
    KexecStats st;
    run_ok(p, NULL, in, out, &st);
    const int64_t want_row[4] = {4, 0, 2, 4};
    for (int i = 0; i < 4; i++) {
        float s = 0.0f, L[4] = {0, 0, 0, 0};
        for (int j = 0; j < 3; j++) {
            float t = tv[want_row[i] * 3 + j];
            expect_bits(out[0].f[i * 3 + j], t * 2.0f, "gathered value");
            L[j] += t; /* tpr 4: lane j owns element j */
        }
        s = (L[0] + L[2]) + (L[1] + L[3]);
        expect_bits(out[1].f[i], s, "row sum of the gathered row");
    }
    /* stats: idx read once per row (a per-row load), table rows 4 twice,
     * 0 and 2 once, 1 and 3 never; every output element stored once */
    assert_int_equal(st.nbuf, 4);
    for (int i = 0; i < 4; i++)
        assert_int_equal(st.loads[1][i], 1);
    const int64_t reads[5] = {1, 0, 1, 0, 2};
    for (int r = 0; r < 5; r++)
        for (int j = 0; j < 3; j++)
            assert_int_equal(st.loads[0][r * 3 + j], reads[r]);
    for (int e = 0; e < 12; e++) {
        assert_int_equal(st.stores[2][e], 1);
        assert_int_equal(st.loads[2][e], 0);
    }
    for (int e = 0; e < 4; e++)
        assert_int_equal(st.stores[3][e], 1);
    assert_int_equal(st.numel[0], 15);
    kexec_stats_free(&st);
    assert_null(st.loads);
    free_bufs(out, 2);

    /* an index out of range: the error names kernel and buffer; the stats
     * still hold what ran before it */
    in[1].i[2] = 5;
    run_fails(p, NULL, in, "kernel 0 'gather'", "buffer 'table'", "out of range");
    in[1].i[2] = -3;
    run_fails(p, NULL, in, "'table'", "[-1, 0]", "negative index");
    Diag d;
    diag_init(&d);
    assert_false(kexec_run(p, NULL, in, out, &st, &d));
    assert_int_equal(st.loads[1][0], 1); /* row 0 ran */
    kexec_stats_free(&st);
    diag_free(&d);
    free_bufs(in, 2);
}

static void test_load_out_of_bounds(void **state)
{
    (void)state;
    /* y[v0, v1] = x[v0, v1 + 1]: the last element of each row reads past it */
    KProgram *p = prog(NULL);
    int x = buf(p, KB_INPUT, 0, "x", DT_F32, 2, DIMS(C(2), C(4)));
    int y = buf(p, KB_OUTPUT, 0, "y", DT_F32, 2, DIMS(C(2), C(4)));
    Kernel *kn = kernel(p, "shift", 4);
    KSegment *s = segment(kn, 1, DIMS(C(2)), 1, DIMS(C(4)), 4, 1, 0);
    store(s, p, y, load(s, p, x, IDX(V(0), ADD(V(1), K(1)))), IDX(V(0), V(1)));
    IrBuf in = fbuf(DT_F32, 2, SHAPE(2, 4), (float[]){1, 2, 3, 4, 5, 6, 7, 8});
    run_fails(p, NULL, &in, "kernel 0 'shift' segment 0 op k0",
              "load index [0, 4] out of range for buffer 'x' of shape [2, 4]",
              "(row 0, element 3)");
    ir_buf_free(&in);
}

static void test_cat_select_with_index(void **state)
{
    (void)state;
    /* out[i, j] = j < 4 ? a[i, j % 4] : b[i, (j + 2) % 2], out [2, 6] */
    KProgram *p = prog(NULL);
    int a = buf(p, KB_INPUT, 0, "a", DT_F32, 2, DIMS(C(2), C(4)));
    int b = buf(p, KB_INPUT, 1, "b", DT_F32, 2, DIMS(C(2), C(2)));
    int o = buf(p, KB_OUTPUT, 0, "out", DT_F32, 2, DIMS(C(2), C(6)));
    Kernel *kn = kernel(p, "cat", 2);
    KSegment *s = segment(kn, 1, DIMS(C(2)), 1, DIMS(C(6)), 2, 1, 0);
    KOp *pos = index_op(s, V(1));
    KOp *lb = load(s, p, b, IDX(V(0), MOD(ADD(V(1), K(2)), 2)));
    KOp *la = load(s, p, a, IDX(V(0), MOD(V(1), 4)));
    KOp *c = bin(s, BIN_LT, DT_BOOL, pos, ci(s, DT_I64, 4));
    KOp *v = where(s, DT_F32, c, la, lb);
    store(s, p, o, v, IDX(V(0), V(1)));
    assert_true(pos->row);
    verify_ok(p);
    IrBuf in[2] = {fbuf(DT_F32, 2, SHAPE(2, 4), (float[]){1, 2, 3, 4, 5, 6, 7, 8}),
                   fbuf(DT_F32, 2, SHAPE(2, 2), (float[]){10, 20, 30, 40})};
    IrBuf out;
    run_ok(p, NULL, in, &out, NULL);
    const float want[12] = {1, 2, 3, 4, 10, 20, 5, 6, 7, 8, 30, 40};
    for (int e = 0; e < 12; e++)
        expect_bits(out.f[e], want[e], "cat");
    ir_buf_free(&out);
    free_bufs(in, 2);
}

/* Kernel 0 computes rstd[r] = rsqrt(mean(x[r]^2) + eps) into a temp;
 * kernel 1 scales: y = x * rstd (bf16 output, per-element store of a
 * per-row operand times a row value). */
static void test_temp_between_kernels(void **state)
{
    (void)state;
    enum { R = 3, N = 8 };
    KProgram *p = prog(NULL);
    int x = buf(p, KB_INPUT, 0, "x", DT_F32, 2, DIMS(C(R), C(N)));
    int y = buf(p, KB_OUTPUT, 0, "y", DT_BF16, 2, DIMS(C(R), C(N)));
    int t = buf(p, KB_TEMP, 0, "rstd", DT_F32, 1, DIMS(C(R)));
    Kernel *k0 = kernel(p, "stats", 2);
    KSegment *s0 = segment(k0, 1, DIMS(C(R)), 1, DIMS(C(N)), 2, 2, 0);
    KOp *v = load(s0, p, x, IDX(V(0), V(1)));
    KOp *ms = red(s0, RED_MEAN, DT_F32, bin(s0, BIN_MUL, DT_F32, v, v));
    KOp *rs = un(s0, UN_RSQRT, DT_F32, bin(s0, BIN_ADD, DT_F32, ms, cf(s0, DT_F32, 1e-6)));
    store(s0, p, t, rs, IDX(V(0)));
    Kernel *k1 = kernel(p, "scale", 8);
    KSegment *s1 = segment(k1, 1, DIMS(C(R)), 1, DIMS(C(N)), 8, 1, 1);
    KOp *r = load(s1, p, t, IDX(V(0)));
    KOp *x1 = load(s1, p, x, IDX(V(0), V(1)));
    store(s1, p, y, bin(s1, BIN_MUL, DT_BF16, x1, r), IDX(V(0), V(1)));
    verify_ok(p);

    float xv[R * N];
    for (int e = 0; e < R * N; e++)
        xv[e] = (float)(e % 7) * 0.3f - 1.0f;
    IrBuf in = fbuf(DT_F32, 2, SHAPE(R, N), xv), out;
    KexecStats st;
    run_ok(p, NULL, &in, &out, &st);
    assert_int_equal(out.dtype, DT_BF16);
    for (int i = 0; i < R; i++) {
        const float *xr = xv + i * N;
        float L[2] = {0, 0};
        for (int l = 0; l < 2; l++) /* lane l owns (c*2 + l)*2 + j, c < 2 */
            for (int c = 0; c < 2; c++)
                for (int j = 0; j < 2; j++) {
                    float e = xr[(c * 2 + l) * 2 + j];
                    volatile float sq = e * e; /* no contraction into an fma */
                    L[l] += sq;
                }
        float rstd = 1.0f / sqrtf((L[0] + L[1]) / (float)N + (float)1e-6);
        for (int j = 0; j < N; j++)
            expect_bits(out.f[i * N + j], dt_round_float(xr[j] * rstd, DT_BF16), "scaled");
        assert_int_equal(st.stores[t][i], 1);
        assert_int_equal(st.loads[t][i], 1); /* a per-row load: once per row */
    }
    for (int e = 0; e < R * N; e++)
        assert_int_equal(st.loads[x][e], 2); /* once per kernel */
    kexec_stats_free(&st);
    ir_buf_free(&out);

    /* swap the kernels: the temp is read before any kernel stored it */
    Kernel *tmp = p->kernels[0];
    p->kernels[0] = p->kernels[1];
    p->kernels[1] = tmp;
    run_fails(p, NULL, &in, "kernel 0 'scale'", "temp buffer 'rstd'",
              "which no earlier kernel stored");
    ir_buf_free(&in);
}

/* A split reduction by hand: kernel 0 stores P = 40 partials (the sums of
 * x's rows, one per row), kernel 1 folds them (KO_FOLD) in every row in
 * kernel.h's order and stores x - sum and the mean once (a masked per-row
 * store: row 0).  Expected: lane l < 32 folds partials l, l + 32 in that
 * order, then the 32 lanes' xor-butterfly, lane 0's value. */
static void test_fold_partials(void **state)
{
    (void)state;
    enum { P = 40, N = 4, W = 32 };
    KProgram *p = prog(NULL);
    int x = buf(p, KB_INPUT, 0, "x", DT_F32, 2, DIMS(C(P), C(N)));
    int y = buf(p, KB_OUTPUT, 0, "y", DT_F32, 2, DIMS(C(P), C(N)));
    int m = buf(p, KB_OUTPUT, 1, "m", DT_F32, 0, NULL);
    int t = buf(p, KB_TEMP, 0, "partials", DT_F32, 1, DIMS(C(P)));
    Kernel *k0 = kernel(p, "partials", 1);
    KSegment *s0 = segment(k0, 1, DIMS(C(P)), 1, DIMS(C(N)), 1, 1, 0);
    store(s0, p, t, red(s0, RED_SUM, DT_F32, load(s0, p, x, IDX(V(0), V(1)))), IDX(V(0)));
    Kernel *k1 = kernel(p, "epilogue", W);
    KSegment *s1 = segment(k1, 1, DIMS(C(P)), 1, DIMS(C(N)), W, 1, 0);
    KOp *f = op(s1, KO_FOLD, DT_F32, 0, NULL, NULL, NULL);
    f->a.fold.kind = RED_SUM;
    f->a.fold.buf = t;
    f->a.fold.parts = P;
    f->a.fold.total = C(P * N);
    KOp *g = op(s1, KO_FOLD, DT_F32, 0, NULL, NULL, NULL);
    g->a.fold = f->a.fold;
    g->a.fold.kind = RED_MEAN;
    KOp *xv = load(s1, p, x, IDX(V(0), V(1)));
    store(s1, p, y, bin(s1, BIN_SUB, DT_F32, xv, f), IDX(V(0), V(1)));
    KOp *first = bin(s1, BIN_EQ, DT_BOOL, index_op(s1, V(0)), ci(s1, DT_I64, 0));
    store(s1, p, m, g, NULL)->mask = first;
    k1->split = KSPLIT_EPILOGUE;
    k1->split_parts = P;
    verify_ok(p);
    /* the printers: text and JSON */
    char *text = NULL;
    size_t tlen = 0;
    FILE *f_out = open_memstream(&text, &tlen);
    kir_print(p, f_out);
    fputc('\n', f_out);
    kir_print_json(p, f_out);
    fclose(f_out);
    const char *want_text[] = {
        "k0 f32 = fold.sum of buf3 partials[q], q < 40",
        "k1 f32 = fold.mean of buf3 partials[q], q < 40, / 160",
        "split reduction, epilogue: the 40 parts in reverse order",
        "store buf2 m[] <- k1 if k6",
        "\"kind\": \"fold\", \"dtype\": \"f32\", \"row\": false, \"operands\": [], \"node\": "
        "null, \"op\": \"sum\", \"buf\": 3, \"buffer\": \"partials\", \"parts\": 40, "
        "\"total\": \"160\", \"index\": []",
        "\"split\": \"epilogue\", \"split_parts\": 40",
    };
    for (size_t w = 0; w < sizeof want_text / sizeof want_text[0]; w++)
        if (!strstr(text, want_text[w]))
            fail_msg("the dump lacks '%s':\n%s", want_text[w], text);
    free(text);

    float in_v[P * N], part[P];
    for (int r = 0; r < P; r++) {
        part[r] = 0;
        for (int j = 0; j < N; j++) {
            in_v[r * N + j] = r % 7 == 0 ? (r % 2 ? -2.5e7f : 2.5e7f) : 0.25f + (float)j * 0.375f;
            part[r] += in_v[r * N + j];
        }
    }
    float lanes[W];
    for (int l = 0; l < W; l++) {
        lanes[l] = 0;
        for (int q = l; q < P; q += W)
            lanes[l] += part[q];
    }
    float want = fold_halves(lanes, W);
    assert_true(want != seq_sum(part, P)); /* the order matters for these values */
    IrBuf in = fbuf(DT_F32, 2, SHAPE(P, N), in_v), out[2];
    KexecStats st;
    run_ok(p, NULL, &in, out, &st);
    for (int e = 0; e < P * N; e++)
        expect_bits(out[0].f[e], in_v[e] - want, "x - folded sum");
    expect_bits(out[1].f[0], want / (float)(P * N), "folded mean");
    for (int q = 0; q < P; q++)
        assert_int_equal(st.loads[t][q], 2 * P); /* every row folds every partial, twice */
    kexec_stats_free(&st);
    free_bufs(out, 2);

    /* without the mask every row stores the mean: a race */
    ((KStore *)s1->stores.items[1])->mask = NULL;
    run_fails(p, NULL, &in, "store 1 writes element", "already stored", NULL);
    ((KStore *)s1->stores.items[1])->mask = first;
    /* the verifier: teams narrower than a wave, a fold of an input or of a
     * temp no earlier kernel stores, a wrong number of parts */
    s1->sched.threads_per_row = 16;
    s1->sched.rows_per_block = 2;
    verify_fails(p, "fewer than a wave");
    s1->sched.threads_per_row = W;
    s1->sched.rows_per_block = 1;
    f->a.fold.buf = x;
    verify_fails(p, "not an f32 temp");
    f->a.fold.buf = t;
    f->a.fold.parts = P / 2;
    verify_fails(p, "whose last dim is its 20 parts");
    f->a.fold.parts = P;
    p->kernels[0] = k1;
    p->kernels[1] = k0;
    verify_fails(p, "which no earlier kernel stores");
    p->kernels[0] = k0;
    p->kernels[1] = k1;
    verify_ok(p);
    ir_buf_free(&in);
}

static void test_hazards(void **state)
{
    (void)state;
    /* every row stores to out[0]: a race between rows of one launch */
    KProgram *p = prog(NULL);
    int x = buf(p, KB_INPUT, 0, "x", DT_F32, 1, DIMS(C(3)));
    int o = buf(p, KB_OUTPUT, 0, "out", DT_F32, 1, DIMS(C(3)));
    Kernel *kn = kernel(p, "racy", 1);
    KSegment *s = segment(kn, 1, DIMS(C(3)), 0, NULL, 1, 1, 0);
    store(s, p, o, load(s, p, x, IDX(V(0))), IDX(K(0)));
    IrBuf in = fbuf(DT_F32, 1, SHAPE(3), (float[]){1, 2, 3});
    run_fails(p, NULL, &in, "'racy'", "writes element [0] of buffer 'out'", "already stored");

    /* out[1], out[2] never stored */
    KProgram *q = prog(NULL);
    x = buf(q, KB_INPUT, 0, "x", DT_F32, 1, DIMS(C(3)));
    o = buf(q, KB_OUTPUT, 0, "out", DT_F32, 1, DIMS(C(3)));
    kn = kernel(q, "partial", 1);
    s = segment(kn, 1, DIMS(C(1)), 0, NULL, 1, 1, 0);
    store(s, q, o, load(s, q, x, IDX(V(0))), IDX(V(0)));
    run_fails(q, NULL, &in, "output 'out': 2 of 3 elements are never stored", "(the first: [1])",
              NULL);

    /* a kernel reading the output it writes (another row's element) */
    KProgram *r = prog(NULL);
    x = buf(r, KB_INPUT, 0, "x", DT_F32, 1, DIMS(C(3)));
    o = buf(r, KB_OUTPUT, 0, "out", DT_F32, 1, DIMS(C(3)));
    kn = kernel(r, "self", 1);
    s = segment(kn, 1, DIMS(C(3)), 0, NULL, 1, 1, 0);
    store(s, r, o, load(s, r, x, IDX(V(0))), IDX(V(0)));
    s = segment(kn, 1, DIMS(C(3)), 0, NULL, 1, 1, 0);
    KOp *back = load(s, r, o, IDX(V(0)));
    int o2 = buf(r, KB_OUTPUT, 1, "out2", DT_F32, 1, DIMS(C(3)));
    store(s, r, o2, back, IDX(V(0)));
    run_fails(r, NULL, &in, "segment 1 op k0", "output buffer 'out'", "a race between blocks");
    ir_buf_free(&in);
}

static void test_schedule_must_cover_row(void **state)
{
    (void)state;
    /* symbolic n = 40 > chunks 1 * tpr 8 * vec 4: found at run time */
    KProgram *p = prog(NULL);
    int x = buf(p, KB_INPUT, 0, "x", DT_F32, 2, DIMS(C(1), dim_sym(0)));
    int o = buf(p, KB_OUTPUT, 0, "out", DT_F32, 1, DIMS(C(1)));
    Kernel *kn = kernel(p, "short", 8);
    KSegment *s = segment(kn, 1, DIMS(C(1)), 1, DIMS(dim_sym(0)), 8, 4, 1);
    store(s, p, o, red(s, RED_SUM, DT_F32, load(s, p, x, IDX(V(0), V(1)))), IDX(V(0)));
    verify_ok(p);
    IrBuf in;
    assert_true(ir_buf_alloc(&in, DT_F32, 2, SHAPE(1, 40)));
    run_fails(p, (int64_t[]){40}, &in, "'short'",
              "schedule covers 32 elements (chunks 1 * threads_per_row 8 * vec 4) of a row of 40",
              NULL);
    ir_buf_free(&in);
    /* static n: the verifier sees it */
    KProgram *q = row_reduce_prog(RED_SUM, DT_F32, 1, 16, 2, 2, 4);
    q->kernels[0]->segs[0]->sched.chunks = 1;
    verify_fails(q, "do not cover the row");
}

static void test_input_mismatch(void **state)
{
    (void)state;
    KProgram *p = row_reduce_prog(RED_SUM, DT_F32, 2, 4, 1, 1, 0);
    IrBuf in;
    assert_true(ir_buf_alloc(&in, DT_F32, 2, SHAPE(2, 5)));
    run_fails(p, NULL, &in, "input 'x' does not match its buffer: expected f32[2, 4], got f32[2, 5]",
              NULL, NULL);
    ir_buf_free(&in);
}

/* ---- parity with the interpreter ------------------------------------------------------- */

/* The same pointwise chain as a graph and as a kernel: every unary, the
 * arithmetic and comparison binaries, where and casts (saturating f8, int,
 * bool), over values with NaN, infinities and large magnitudes. */
static void test_matches_interpreter(void **state)
{
    (void)state;
    enum { N = 12 };
    const float xv[N] = {0.5f, -1.25f, 3.0f, -0.0f, 1000.0f, -500.0f, NAN, INFINITY,
                         -INFINITY, 2.5f, 1e-3f, 7.75f};
    IrGraph *g = ir_graph_new(AR, "parity", NOSPAN);
    Dim sh[1] = {C(N)};
    IrNode *gx = ir_input(g, "x", DT_F32, 1, sh, NOSPAN);
    IrNode *outs[UN_COUNT + 8];
    int nout = 0;

    KProgram *p = prog(g);
    int bx = buf(p, KB_INPUT, 0, "x", DT_F32, 1, sh);
    Kernel *kn = kernel(p, "parity", 4);
    KSegment *s = segment(kn, 0, NULL, 1, sh, 4, 1, 0);
    KOp *kx = load(s, p, bx, IDX(V(0)));

    /* results: (graph node, kernel op) pairs, stored in order */
    IrNode *gn[UN_COUNT + 8];
    KOp *ko[UN_COUNT + 8];
    for (int u = 0; u < UN_COUNT; u++) {
        if (!(ir_unary_info((IrUnary)u)->dom & OPD_F))
            continue;
        gn[nout] = ir_unary(g, (IrUnary)u, DT_F32, gx, NOSPAN);
        ko[nout++] = un(s, (IrUnary)u, DT_F32, kx);
    }
    IrNode *gy = ir_unary(g, UN_TANH, DT_F32, gx, NOSPAN);
    KOp *ky = un(s, UN_TANH, DT_F32, kx);
    const IrBinary bins[] = {BIN_SUB, BIN_DIV, BIN_MAX, BIN_POW};
    for (int b = 0; b < 4; b++) {
        gn[nout] = ir_binary(g, bins[b], DT_F32, gx, gy, NOSPAN);
        ko[nout++] = bin(s, bins[b], DT_F32, kx, ky);
    }
    IrNode *gc = ir_binary(g, BIN_GT, DT_BOOL, gx, gy, NOSPAN);
    KOp *kc = bin(s, BIN_GT, DT_BOOL, kx, ky);
    gn[nout] = ir_where(g, DT_F32, gc, gx, gy, NOSPAN);
    ko[nout++] = where(s, DT_F32, kc, kx, ky);
    IrNode *gsat = ir_cast(g, DT_F8E4M3, gx, NOSPAN);
    gsat->a.cast.saturate = true;
    gn[nout] = gsat;
    ko[nout++] = cast(s, DT_F8E4M3, kx, true);
    gn[nout] = ir_cast(g, DT_I8, gx, NOSPAN);
    ko[nout++] = cast(s, DT_I8, kx, false);
    gn[nout] = ir_cast(g, DT_F16, ir_cast(g, DT_I32, gx, NOSPAN), NOSPAN);
    ko[nout++] = cast(s, DT_F16, cast(s, DT_I32, kx, false), false);
    for (int k = 0; k < nout; k++) {
        outs[k] = gn[k];
        int ob = buf(p, KB_OUTPUT, k, arena_printf(AR, "o%d", k), gn[k]->dtype, 1, sh);
        store(s, p, ob, ko[k], IDX(V(0)));
    }
    ir_set_outputs(g, nout, outs, NULL);

    Diag d;
    diag_init(&d);
    assert_true(ir_verify(g, &d));
    diag_free(&d);
    verify_ok(p);
    IrBuf in = fbuf(DT_F32, 1, SHAPE(N), xv);
    IrBuf want[UN_COUNT + 8], got[UN_COUNT + 8];
    diag_init(&d);
    assert_true(ir_interp(g, NULL, &in, want, &d));
    diag_free(&d);
    run_ok(p, NULL, &in, got, NULL);
    for (int k = 0; k < nout; k++) {
        assert_int_equal(got[k].dtype, want[k].dtype);
        for (int e = 0; e < N; e++) {
            if (want[k].f) {
                bool both_nan = isnan(got[k].f[e]) && isnan(want[k].f[e]);
                if (!both_nan && !same_bits(got[k].f[e], want[k].f[e]))
                    fail_msg("output %d element %d: %.9g vs interpreter %.9g", k, e,
                             (double)got[k].f[e], (double)want[k].f[e]);
            } else {
                assert_int_equal(got[k].i[e], want[k].i[e]);
            }
        }
    }
    free_bufs(want, nout);
    free_bufs(got, nout);
    ir_buf_free(&in);
}

/* ---- the verifier ---------------------------------------------------------------------- */

static void test_verify_catches(void **state)
{
    (void)state;
    KProgram *p;
    KSegment *s;
    KOp *o;

    /* a row flag that does not follow from the operands */
    p = gather_prog();
    s = p->kernels[0]->segs[0];
    ((KOp *)s->ops.items[3])->row = false;
    verify_fails(p, "op k3: marked per-row, but an operand or its index varies along the row");

    /* a reduce marked row */
    p = gather_prog();
    s = p->kernels[0]->segs[0];
    ((KOp *)s->ops.items[4])->row = true;
    verify_fails(p, "a reduce's result is per row");

    /* an operand defined later */
    p = gather_prog();
    s = p->kernels[0]->segs[0];
    o = s->ops.items[3];
    o->in[1] = s->ops.items[4];
    verify_fails(p, "operand 1 is not an earlier op of this segment");

    /* ids not dense */
    p = gather_prog();
    ((KOp *)p->kernels[0]->segs[0]->ops.items[2])->id = 7;
    verify_fails(p, "ids must be dense");

    /* schedule: tpr * rows_per_block != block; vec not a power of two */
    p = gather_prog();
    p->kernels[0]->block = 8;
    verify_fails(p, "threads_per_row 4 * rows_per_block 1 != kernel block 8");
    p = gather_prog();
    p->kernels[0]->segs[0]->sched.vec = 3;
    verify_fails(p, "vec 3 is not a power of two");
    p = gather_prog();
    p->kernels[0]->block = 2048;
    p->kernels[0]->segs[0]->sched.rows_per_block = 512;
    verify_fails(p, "block 2048 is not a power of two in [1, 1024]");

    /* IX_VAL of a float op; of a later op */
    p = gather_prog();
    s = p->kernels[0]->segs[0];
    ((KOp *)s->ops.items[1])->a.load.idx[0] = VAL(s->ops.items[2]);
    verify_fails(p, "IX_VAL names an op that is not defined earlier");
    p = gather_prog();
    s = p->kernels[0]->segs[0];
    ((KStore *)s->stores.items[0])->idx[0] = VAL(s->ops.items[2]);
    verify_fails(p, "IX_VAL names a float op");

    /* a var outside the domain; a store's rank / row flag */
    p = gather_prog();
    s = p->kernels[0]->segs[0];
    ((KStore *)s->stores.items[1])->idx[0] = V(2);
    verify_fails(p, "variable outside the domain");
    p = gather_prog();
    s = p->kernels[0]->segs[0];
    ((KStore *)s->stores.items[1])->idx[0] = V(1);
    verify_fails(p, "store 1 to 'rsum' marked per row, but its value or index varies");
    p = gather_prog();
    s = p->kernels[0]->segs[0];
    ((KStore *)s->stores.items[0])->idx[1] = NULL;
    verify_fails(p, "store 0 index: missing");

    /* a store to an input; a buffer that does not exist; class mismatch */
    p = gather_prog();
    ((KStore *)p->kernels[0]->segs[0]->stores.items[0])->buf = 0;
    verify_fails(p, "writes input buffer 'table'");
    p = gather_prog();
    ((KOp *)p->kernels[0]->segs[0]->ops.items[0])->a.load.buf = 9;
    verify_fails(p, "load of buffer 9, which does not exist");
    p = gather_prog();
    ((KOp *)p->kernels[0]->segs[0]->ops.items[3])->dtype = DT_I32;
    verify_fails(p, "arithmetic changes float/integer class");

    /* buffer table order */
    p = gather_prog();
    KBuf t = p->bufs[1];
    p->bufs[1] = p->bufs[2];
    p->bufs[2] = t;
    verify_fails(p, "buffers must be inputs, then outputs, then temps");
}

/* ---- printers -------------------------------------------------------------------------- */

/* A program over a graph with symbol T, for names in dumps. */
static KProgram *printed_prog(void)
{
    IrGraph *g = ir_graph_new(AR, "qk", NOSPAN);
    int T = ir_graph_sym(g, "T");
    Dim in_sh[2] = {dim_sym(T), C(4096)}, out_sh[3] = {dim_sym(T), C(32), C(128)};
    IrNode *x = ir_input(g, "qkv", DT_BF16, 2, in_sh, NOSPAN);
    IrNode *y = ir_view(g, x, 3, out_sh,
                        (IxExpr *const[]){V(0), ADD(MUL(V(1), 128), V(2))}, NOSPAN);
    IrNode *z = ir_unary(g, UN_NEG, DT_BF16, y, NOSPAN);
    ir_set_outputs(g, 1, &z, (const char *const[]){"q_out"});
    KProgram *p = prog(g);
    int bq = buf(p, KB_INPUT, 0, "qkv", DT_BF16, 2, in_sh);
    int bo = buf(p, KB_OUTPUT, 0, "q_out", DT_BF16, 3, out_sh);
    int bt = buf(p, KB_TEMP, 0, "rs", DT_F32, 2, (Dim[]){dim_sym(T), C(32)});
    Kernel *kn = kernel(p, "qk_norm", 128);
    KSegment *s = segment(kn, 2, (Dim[]){dim_sym(T), C(32)}, 1, DIMS(C(128)), 32, 4, 1);
    s->sched.persistent = true;
    s->sched.why = "row in registers";
    KOp *v = load(s, p, bq, IDX(V(0), ADD(MUL(V(1), 128), V(2))));
    v->node = 1; /* the view */
    KOp *sq = bin(s, BIN_MUL, DT_F32, v, v);
    sq->node = 2;
    KOp *r = red(s, RED_MEAN, DT_F32, sq);
    KOp *eps = cf(s, DT_F32, 1e-6);
    KOp *rs = un(s, UN_RSQRT, DT_F32, bin(s, BIN_ADD, DT_F32, r, eps));
    KOp *o = un(s, UN_NEG, DT_BF16, bin(s, BIN_MUL, DT_BF16, v, rs));
    store(s, p, bo, o, IDX(V(0), V(1), V(2)));
    store(s, p, bt, rs, IDX(V(0), V(1)));
    Kernel *k2 = kernel(p, "nan_const", 1);
    KSegment *s2 = segment(k2, 0, NULL, 0, NULL, 1, 1, 0);
    store(s2, p, bt, cf(s2, DT_F32, NAN), IDX(K(0), K(0)));
    return p;
}

static char *capture(void (*fn)(const KProgram *, FILE *), const KProgram *p)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    fn(p, f);
    fclose(f);
    return text;
}

static void expect_contains(const char *text, const char *want)
{
    assert_non_null(text);
    if (!strstr(text, want)) {
        fputs(text, stderr);
        fail_msg("missing '%s' in the dump above", want);
    }
}

static void test_print_text(void **state)
{
    (void)state;
    KProgram *p = printed_prog();
    char *t = capture(kir_print, p);
    expect_contains(t, "kir qk: 3 buffers, 2 kernels, 32-lane waves\n");
    expect_contains(t, "  buf0 input 0 qkv: bf16[T, 4096]\n");
    expect_contains(t, "  buf1 output 0 q_out: bf16[T, 32, 128]\n");
    expect_contains(t, "  buf2 temp 0 rs: f32[T, 32]\n");
    expect_contains(t, "\nkernel 0 qk_norm (block 128)\n");
    expect_contains(t, "  segment 0: domain [T, 32 | 128]\n");
    expect_contains(t, "  schedule: threads_per_row 32, vec 4, chunks 1, rows_per_block 4, "
                       "persistent, why \"row in registers\"\n");
    expect_contains(t, "  k0 row bf16 = load buf0 qkv[v0, v1*128 + v2]   (node %1)\n");
    expect_contains(t, "  k1 row f32 = mul k0, k0   (node %2)\n");
    expect_contains(t, "  k2 f32 = reduce.mean k1\n");
    expect_contains(t, "  k3 f32 = const 1e-06\n");
    expect_contains(t, "  k5 f32 = rsqrt k4\n");
    expect_contains(t, "  store buf1 q_out[v0, v1, v2] <- k7\n");
    expect_contains(t, "  store buf2 rs[v0, v1] <- k5   (per row)\n");
    expect_contains(t, "  segment 0: domain [|]\n");
    expect_contains(t, "  k0 f32 = const nan\n");
    free(t);
}

/* Brackets and braces balance outside strings, strings close, escapes
 * are well formed. */
static void expect_balanced_json(const char *t)
{
    int depth = 0;
    char stack[256];
    bool in_str = false;
    for (const char *c = t; *c; c++) {
        if (in_str) {
            if (*c == '\\') {
                c++;
                assert_non_null(strchr("\"\\/bfnrtu", *c));
            } else if (*c == '"') {
                in_str = false;
            } else {
                assert_true((unsigned char)*c >= 0x20);
            }
            continue;
        }
        if (*c == '"')
            in_str = true;
        else if (*c == '{' || *c == '[') {
            assert_true(depth < 256);
            stack[depth++] = *c;
        } else if (*c == '}' || *c == ']') {
            assert_true(depth > 0);
            assert_int_equal(stack[--depth], *c == '}' ? '{' : '[');
            if (depth == 0)
                for (const char *r = c + 1; *r; r++) /* nothing after the top value */
                    assert_non_null(strchr(" \n", *r));
        }
    }
    assert_false(in_str);
    assert_int_equal(depth, 0);
    assert_null(strstr(t, ",]"));
    assert_null(strstr(t, "[,"));
    assert_null(strstr(t, ",}"));
    assert_null(strstr(t, ": nan")); /* NaN only as a string */
}

static void test_print_json(void **state)
{
    (void)state;
    KProgram *p = printed_prog();
    char *t = capture(kir_print_json, p);
    expect_balanced_json(t);
    assert_int_equal(t[0], '{');
    expect_contains(t, "\"graph\": \"qk\"");
    expect_contains(t, "\"symbols\": [\"T\"]");
    expect_contains(t, "{\"id\": 0, \"kind\": \"input\", \"index\": 0, \"name\": \"qkv\", "
                       "\"dtype\": \"bf16\", \"shape\": [\"T\", \"4096\"]}");
    expect_contains(t, "\"name\": \"qk_norm\", \"block\": 128");
    expect_contains(t, "\"domain\": {\"outer\": [\"T\", \"32\"], \"row\": [\"128\"]}");
    expect_contains(t, "\"threads_per_row\": 32, \"vec\": 4, \"chunks\": 1, "
                       "\"rows_per_block\": 4, \"persistent\": true, \"prefetch_weights\": false, \"why\": \"row in registers\"");
    expect_contains(t, "{\"id\": 0, \"kind\": \"load\", \"dtype\": \"bf16\", \"row\": true, "
                       "\"operands\": [], \"node\": 1, \"buf\": 0, \"buffer\": \"qkv\", "
                       "\"index\": [\"v0\", \"v1*128 + v2\"]}");
    expect_contains(t, "\"kind\": \"binary\", \"dtype\": \"f32\", \"row\": true, "
                       "\"operands\": [0, 0], \"node\": 2, \"op\": \"mul\"");
    expect_contains(t, "\"kind\": \"reduce\", \"dtype\": \"f32\", \"row\": false, "
                       "\"operands\": [1], \"node\": null, \"op\": \"mean\"");
    expect_contains(t, "{\"buf\": 2, \"buffer\": \"rs\", \"row\": false, \"value\": 5, "
                       "\"index\": [\"v0\", \"v1\"]}");
    expect_contains(t, "\"value\": \"nan\"");
    free(t);
}

static void test_print_dot(void **state)
{
    (void)state;
    KProgram *p = printed_prog();
    char *t = capture(kir_print_dot, p);
    assert_int_equal(strncmp(t, "digraph kir {\n", 14), 0);
    int depth = 0;
    bool in_str = false;
    for (const char *c = t; *c; c++) {
        if (in_str && *c == '\\')
            c++;
        else if (*c == '"')
            in_str = !in_str;
        else if (!in_str && *c == '{')
            depth++;
        else if (!in_str && *c == '}')
            assert_true(--depth >= 0);
    }
    assert_false(in_str);
    assert_int_equal(depth, 0);
    expect_contains(t, "subgraph cluster_k0 {");
    expect_contains(t, "subgraph cluster_k0_s0 {");
    expect_contains(t, "k0_s0_o0 -> k0_s0_o1;");
    expect_contains(t, "buf0 -> k0_s0_o0 [style=dashed];");
    expect_contains(t, "k0_s0_st0 -> buf1 [style=dashed];");
    free(t);
}

static void test_verify_printed_and_sizes(void **state)
{
    (void)state;
    KProgram *p = printed_prog();
    verify_ok(p);
    const KSegment *s = p->kernels[0]->segs[0];
    assert_int_equal(kseg_row_len(s, (int64_t[]){5}), 128);
    assert_int_equal(kseg_rows(s, (int64_t[]){5}), 160);
    assert_int_equal(kseg_static_row_len(s), 128);
    KSegment sym = *s;
    sym.nrow = 2;
    sym.row[1] = dim_sym(0);
    assert_int_equal(kseg_static_row_len(&sym), -1);
    assert_int_equal(kseg_row_len(&sym, (int64_t[]){3}), 384);
    /* an output buffer that does not match its graph output */
    p->bufs[1].dtype = DT_F32;
    verify_fails(p, "output buffer 1 'q_out' does not match graph output 0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_sum_tpr1, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sum_tpr4, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sum_tpr64_two_level, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sum_several_rows_and_vec, setup, teardown),
        cmocka_unit_test_setup_teardown(test_max_min, setup, teardown),
        cmocka_unit_test_setup_teardown(test_int_reduce, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_gather_and_row_store, setup, teardown),
        cmocka_unit_test_setup_teardown(test_few_rows_variant, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_out_of_bounds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cat_select_with_index, setup, teardown),
        cmocka_unit_test_setup_teardown(test_temp_between_kernels, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fold_partials, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hazards, setup, teardown),
        cmocka_unit_test_setup_teardown(test_schedule_must_cover_row, setup, teardown),
        cmocka_unit_test_setup_teardown(test_input_mismatch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_matches_interpreter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_verify_catches, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_dot, setup, teardown),
        cmocka_unit_test_setup_teardown(test_verify_printed_and_sizes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
