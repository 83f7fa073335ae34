/* emit.c - the C-like printer of kernel IR, shared by CUDA and HIP.
 *
 * Generated code per kernel (see codegen.h for the variants):
 *   extern "C" __global__ void __launch_bounds__(BLOCK) NAME(params) {
 *     blocks are dealt to segments in order; each segment:
 *       team = threadIdx.x / TPR, lane = threadIdx.x % TPR,
 *       row = block * ROWS_PER_BLOCK + team, live = row < rows
 *       outer vars from row; per-row ops as soon as their inputs exist;
 *       for each reduction, a loop over the lane's runs (c, j) computing
 *       the row ops it needs and folding them, then the team reduction
 *       (xor-butterfly in warps of 32, then across warps through shared
 *       memory, then lane 0's value broadcast);
 *       a last loop computing and storing the per-element outputs;
 *       per-row outputs stored by lane 0.
 * Every lane runs every loop and shuffle (dead rows are masked, never
 * branched around), so shuffles and barriers are always uniform.
 * Persistent schedules keep the row loads in registers (arrays indexed by
 * compile-time constants after unrolling) and read memory once; looped
 * schedules re-read per reduction.  Loads whose address is `row var +
 * (multiple of vec)` are 16-byte vector loads in the vector variant. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "codegen.h"
#include "bundle_format.h" /* snb_rows_mul, snb_grid_add: the grid formula */

/* ------------------------------------------------------------- output */

typedef struct {
    Arena *arena;
    char *buf;
    size_t len, cap;
    int indent;
} Out;

__attribute__((format(printf, 2, 3))) static void put(Out *o, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (o->len + (size_t)n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 65536;
        while (cap < o->len + (size_t)n + 1)
            cap *= 2;
        char *b = arena_alloc(o->arena, cap);
        if (o->len)
            memcpy(b, o->buf, o->len);
        o->buf = b;
        o->cap = cap;
    }
    vsnprintf(o->buf + o->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    o->len += (size_t)n;
}

__attribute__((format(printf, 2, 3))) static void line(Out *o, const char *fmt, ...)
{
    for (int i = 0; i < o->indent; i++)
        put(o, "    ");
    va_list ap;
    va_start(ap, fmt);
    char tmp[4096];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    put(o, "%s\n", tmp);
}

/* ------------------------------------------------------------- dialect */

typedef struct {
    const char *header;        /* before the prelude */
    const char *shfl_xor;      /* "name(" ... "value, offset, 32)" */
    const char *shfl_xor_mask; /* a leading mask argument, or "" */
    const char *shfl_idx;      /* lane broadcast: name(mask? value, lane, width) */
} Dialect;

static const Dialect dialects[] = {
    [CG_CUDA] = {
        "#define SN_DEVICE __device__ __forceinline__\n"
        "__device__ __forceinline__ unsigned sn_f2u(float x) { return __float_as_uint(x); }\n"
        "__device__ __forceinline__ float sn_u2f(unsigned u) { return __uint_as_float(u); }\n",
        "__shfl_xor_sync", "0xffffffffu, ", "__shfl_sync",
    },
    [CG_HIP] = {
        "#include <hip/hip_runtime.h>\n"
        "#define SN_DEVICE __device__ __forceinline__\n"
        "__device__ __forceinline__ unsigned sn_f2u(float x) { return __float_as_uint(x); }\n"
        "__device__ __forceinline__ float sn_u2f(unsigned u) { return __uint_as_float(u); }\n",
        "__shfl_xor", "", "__shfl",
    },
};

/* ------------------------------------------------------------- context */

typedef struct {
    Out *o;
    const KProgram *p;
    const CgTarget *t;
    const Kernel *k;
    const KSegment *seg;
    int segno;
    bool vector;               /* this variant uses vector accesses */
    int64_t n;                 /* static row length or -1 */
    char *emitted;             /* per op: a per-row value in scope */
    char *cache;               /* per op: row value kept in registers c<id>[] across phases */
    int *phase_of;             /* per op: the phase that first computes it, -1 none yet */
    char *rowdata;             /* per op: depends on per-row data (worth keeping) */
    bool caching;              /* persistent schedule: later phases read registers */
    bool exact;                /* the lanes' runs cover the static row exactly: e < n always */
    int *pf;                   /* per op: 1 + the op whose pf<id>[c] holds its runs' vector
                                  loads, issued ahead (the same window: one load); 0 none */
    int *early;                /* per weight load: 1 + the op whose pf<id>[c], issued in the
                                  segment's first phase, holds it for every phase; 0 none */
    bool prefetched;           /* the segment's first phase has issued its loads */
    char *memo;                /* per op: scratch of phase_stores */
} Cx;

static const char *const ctype_of[DT_COUNT] = {
    [DT_F32] = "float", [DT_F16] = "sn_u16", [DT_BF16] = "sn_u16", [DT_F8E4M3] = "sn_u8",
    [DT_F8E4M3FNUZ] = "sn_u8", [DT_F8E5M2] = "sn_u8", [DT_F8E5M2FNUZ] = "sn_u8",
    [DT_I8] = "signed char", [DT_I32] = "int", [DT_I64] = "sn_i64", [DT_BOOL] = "sn_u8",
};

static const char *suffix(DType t)
{
    switch (t) {
    case DT_BF16: return "bf16";
    case DT_F16: return "f16";
    case DT_F8E4M3: return "e4m3";
    case DT_F8E4M3FNUZ: return "e4m3fnuz";
    case DT_F8E5M2: return "e5m2";
    case DT_F8E5M2FNUZ: return "e5m2fnuz";
    default: return NULL;
    }
}

static bool is_f(DType t) { return dt_is_float(t); }

static const char *vtype(DType t) { return is_f(t) ? "float" : "sn_i64"; }

/* ------------------------------------------------------ index expressions */

static void print_dim(Out *o, const KProgram *p, Dim d)
{
    put(o, "((sn_i64)%lld", (long long)d.coef);
    for (int i = 0; i < d.nsym; i++)
        put(o, " * sym_%s", p->graph->syms[d.syms[i]]);
    put(o, ")");
}

static void print_ix(Cx *x, const IxExpr *e)
{
    Out *o = x->o;
    switch (e->kind) {
    case IX_CONST: put(o, "(sn_i64)%lld", (long long)e->c); return;
    case IX_VAR:
        if (e->c < x->seg->nouter)
            put(o, "o%d", (int)e->c);
        else
            put(o, "(sn_i64)r%d", (int)e->c - x->seg->nouter);
        return;
    case IX_DIM: print_dim(o, x->p, e->dim); return;
    case IX_VAL: put(o, "k%d", (int)e->c); return;
    default: break;
    }
    const char *op = e->kind == IX_ADD ? "+" : e->kind == IX_MUL ? "*"
                   : e->kind == IX_DIV ? "/" : "%";
    put(o, "(");
    print_ix(x, e->a);
    put(o, " %s ", op);
    print_ix(x, e->b);
    put(o, ")");
}

/* Dense stride of dim k of buffer b (outputs and temps). */
static void print_dense_stride(Cx *x, const KBuf *b, int k)
{
    Dim s = dim_const(1);
    for (int i = k + 1; i < b->rank; i++)
        dim_mul(s, b->shape[i], &s);
    print_dim(x->o, x->p, s);
}

static bool ix_has_val(const IxExpr *e)
{
    if (e->kind == IX_VAL)
        return true;
    if (e->kind < IX_ADD)
        return false;
    return ix_has_val(e->a) || ix_has_val(e->b);
}

/* Flat element offset of idx in buffer b.  Indices containing a gathered
 * value are clamped into the dim so a bad index cannot fault. */
static void print_offset(Cx *x, int bi, IxExpr *const *idx)
{
    const KBuf *b = &x->p->bufs[bi];
    Out *o = x->o;
    if (b->rank == 0) {
        put(o, "0");
        return;
    }
    for (int k = 0; k < b->rank; k++) {
        if (k)
            put(o, " + ");
        bool clamp = ix_has_val(idx[k]);
        if (clamp)
            put(o, "sn_clampi(");
        print_ix(x, idx[k]);
        if (clamp) {
            put(o, ", ");
            print_dim(o, x->p, b->shape[k]);
            put(o, ")");
        }
        if (k == b->rank - 1)
            continue;
        put(o, " * ");
        if (b->kind == KB_INPUT)
            put(o, "b%d_s%d", bi, k);
        else
            print_dense_stride(x, b, k);
    }
}

/* ---------------------------------------------------------- vectorizing */

/* Conservative: e is a multiple of v for every value of its vars. */
static bool ix_multiple(const IxExpr *e, int v)
{
    switch (e->kind) {
    case IX_CONST: return e->c % v == 0;
    case IX_DIM: return e->dim.coef % v == 0;
    case IX_ADD: return ix_multiple(e->a, v) && ix_multiple(e->b, v);
    case IX_MUL: return ix_multiple(e->a, v) || ix_multiple(e->b, v);
    default: return false;
    }
}

/* Does e use a row variable (IX_VAL leaves not counted)? */
static bool ix_uses_row_var(const Cx *x, const IxExpr *e)
{
    switch (e->kind) {
    case IX_VAR: return e->c >= x->seg->nouter;
    case IX_CONST: case IX_DIM: case IX_VAL: return false;
    default: return ix_uses_row_var(x, e->a) || ix_uses_row_var(x, e->b);
    }
}

static bool ix_uses_row(const Cx *x, const IxExpr *e)
{
    switch (e->kind) {
    case IX_VAR: return e->c >= x->seg->nouter;
    case IX_VAL: return true;
    case IX_CONST: case IX_DIM: return false;
    default: return ix_uses_row(x, e->a) || ix_uses_row(x, e->b);
    }
}

/* Is e exactly `row var + (row-free multiple of v)`? */
static bool ix_contiguous(const Cx *x, const IxExpr *e, int v)
{
    const KSegment *s = x->seg;
    if (s->nrow != 1)
        return false;
    if (e->kind == IX_VAR)
        return e->c == s->nouter;
    if (e->kind != IX_ADD)
        return false;
    const IxExpr *a = e->a, *b = e->b;
    if (ix_contiguous(x, a, v) && !ix_uses_row(x, b) && ix_multiple(b, v))
        return true;
    return ix_contiguous(x, b, v) && !ix_uses_row(x, a) && ix_multiple(a, v);
}

/* Does every outer stride of dense buffer b keep a multiple of v
 * elements (so aligned vector accesses stay aligned in every row)? */
static bool dense_strides_multiple(const KBuf *b, int v)
{
    for (int k = 0; k + 1 < b->rank; k++) {
        Dim st = dim_const(1);
        for (int i = k + 1; i < b->rank; i++)
            dim_mul(st, b->shape[i], &st);
        if (st.coef % v)
            return false;
    }
    return true;
}

/* The vector type moving a run of `bytes` bytes, or NULL. */
static const char *vector_type(int bytes)
{
    return bytes == 16 ? "uint4" : bytes == 8 ? "uint2" : bytes == 4 ? "unsigned" : NULL;
}

static int run_bytes(const Cx *x, int bi)
{
    return dt_size(x->p->bufs[bi].dtype) * x->seg->sched.vec;
}

/* Can buffer access idx move a run of vec contiguous elements (4, 8 or 16
 * bytes) at once? */
static bool vector_access(const Cx *x, int bi, IxExpr *const *idx)
{
    const KBuf *b = &x->p->bufs[bi];
    int v = x->seg->sched.vec;
    if (!x->vector || v < 2 || b->rank == 0 || !vector_type(run_bytes(x, bi)) || x->n < 0)
        return false;
    for (int k = 0; k < b->rank - 1; k++)
        if (ix_uses_row(x, idx[k]))
            return false;
    if (!ix_contiguous(x, idx[b->rank - 1], v))
        return false;
    return b->kind == KB_INPUT || dense_strides_multiple(b, v);
}

static bool ix_reads_row_value(const Cx *x, const IxExpr *e)
{
    if (e->kind == IX_VAL)
        return ((const KOp *)x->seg->ops.items[e->c])->row;
    if (e->kind < IX_ADD)
        return false;
    return ix_reads_row_value(x, e->a) || ix_reads_row_value(x, e->b);
}

/* ------------------------------------------------------- window loads */

/* A run's loads e = e0 + j (e0 a multiple of vec, j < vec) of an index
 * expression split as base(e0) + off[j]: base is the expression with the
 * row var at e0, off[j] a small offset depending on j only.  Then the run
 * reads the window [base, base + width) with one vector load and element j
 * takes window[off[j]]: RoPE pairs (v/2*2 + 128), cos/sin rows (v/2). */
typedef struct {
    IxExpr *base;      /* over the segment vars (row var = e0 at run time) */
    IxExpr *base_m;    /* the same with the row var written vec * r' (for divisibility) */
    int off[16];
    bool ok;
} Split;

static Split split_run(Cx *x, const IxExpr *e)
{
    Arena *a = x->o->arena;
    int v = x->seg->sched.vec, row = x->seg->nouter;
    Split r = {0};
    r.ok = true;
    switch (e->kind) {
    case IX_CONST: case IX_DIM: case IX_VAL:
        r.base = r.base_m = (IxExpr *)e;
        return r;
    case IX_VAR:
        r.base = r.base_m = (IxExpr *)e;
        if (e->c == row) {
            r.base_m = ix_mul(a, ix_var(a, row), ix_const(a, v));
            for (int j = 0; j < v; j++)
                r.off[j] = j;
        } else if (e->c > row) {
            r.ok = false;
        }
        return r;
    default: break;
    }
    Split l = split_run(x, e->a), rr = split_run(x, e->b);
    if (!l.ok || !rr.ok)
        return (Split){.ok = false};
    bool rconst = e->b->kind == IX_CONST && e->b->c > 0;
    bool rzero = true;
    for (int j = 0; j < v; j++)
        rzero = rzero && rr.off[j] == 0;
    switch (e->kind) {
    case IX_ADD:
        r.base = ix_add(a, l.base, rr.base);
        r.base_m = ix_add(a, l.base_m, rr.base_m);
        for (int j = 0; j < v; j++)
            r.off[j] = l.off[j] + rr.off[j];
        return r;
    case IX_MUL:
        if (!rzero || !(rconst || e->b->kind == IX_DIM))
            return (Split){.ok = false};
        for (int j = 0; j < v; j++) {
            if (l.off[j] && !rconst)
                return (Split){.ok = false};
            r.off[j] = l.off[j] * (int)(rconst ? e->b->c : 0);
        }
        r.base = ix_mul(a, l.base, e->b);
        r.base_m = ix_mul(a, l.base_m, e->b);
        return r;
    case IX_DIV: case IX_MOD: {
        int64_t c = rconst ? e->b->c : 0;
        if (!rconst || v % c || !ix_multiple(l.base_m, (int)c))
            return (Split){.ok = false};
        for (int j = 0; j < v; j++)
            r.off[j] = e->kind == IX_DIV ? l.off[j] / (int)c : l.off[j] % (int)c;
        r.base = e->kind == IX_DIV ? ix_div(a, l.base, e->b) : ix_const(a, 0);
        r.base_m = e->kind == IX_DIV ? ix_div(a, l.base_m, e->b) : ix_const(a, 0);
        return r;
    }
    default:
        return (Split){.ok = false};
    }
}

typedef struct {
    IxExpr *idx[IR_MAX_RANK]; /* the window's first element */
    int width;                /* elements the vector load moves */
    int off[16];
} Window;

/* Can the run's loads of buffer bi at idx be one aligned vector load of a
 * small window (4, 8 or 16 bytes)? */
static bool window_access(Cx *x, int bi, IxExpr *const *idx, Window *w)
{
    const KBuf *b = &x->p->bufs[bi];
    int v = x->seg->sched.vec, size = dt_size(b->dtype);
    if (!x->vector || v < 2 || b->rank == 0 || x->n < 0 || x->seg->nrow != 1)
        return false;
    for (int k = 0; k < b->rank - 1; k++)
        if (ix_reads_row_value(x, idx[k]) || ix_uses_row_var(x, idx[k]))
            return false;
    Split sp = split_run(x, idx[b->rank - 1]);
    if (!sp.ok)
        return false;
    /* a constant left in the base that breaks alignment moves into the
     * offsets: (v/2*2 + 129) reads window (v/2*2 + 128) at odd offsets */
    Arena *a = x->o->arena;
    if (sp.base->kind == IX_ADD && sp.base->b->kind == IX_CONST && sp.base_m->kind == IX_ADD) {
        int64_t c = sp.base->b->c, rem = c % 16;
        if (rem && !ix_multiple(sp.base_m, 2)) {
            sp.base = ix_add(a, sp.base->a, ix_const(a, c - rem));
            sp.base_m = ix_add(a, sp.base_m->a, ix_const(a, c - rem));
            for (int j = 0; j < v; j++)
                sp.off[j] += (int)rem;
        }
    }
    int hi = 0;
    for (int j = 0; j < v; j++) {
        if (sp.off[j] < 0)
            return false;
        hi = sp.off[j] > hi ? sp.off[j] : hi;
    }
    int width = 1;
    while (width <= hi)
        width *= 2;
    if (!vector_type(width * size) || !ix_multiple(sp.base_m, width))
        return false;
    if (b->kind != KB_INPUT && !dense_strides_multiple(b, width))
        return false;
    memcpy(w->idx, idx, sizeof(IxExpr *) * (size_t)b->rank);
    w->idx[b->rank - 1] = sp.base;
    w->width = width;
    memcpy(w->off, sp.off, sizeof w->off);
    return true;
}

/* --------------------------------------------------------------- ops */

static void load_expr(Cx *x, const KOp *op)
{
    int bi = op->a.load.buf;
    const KBuf *b = &x->p->bufs[bi];
    Out *o = x->o;
    if (b->rank == 0 && b->kind == KB_INPUT) { /* a scalar passed by value */
        put(o, is_f(b->dtype) ? "b%d_v" : "(sn_i64)b%d_v", bi);
        return;
    }
    const char *sfx = suffix(b->dtype);
    if (sfx)
        put(o, "sn_from_%s(", sfx);
    else if (!is_f(b->dtype))
        put(o, b->dtype == DT_BOOL ? "(sn_i64)(0 != " : "(sn_i64)(");
    else
        put(o, "(");
    put(o, "b%d[", bi);
    print_offset(x, bi, op->a.load.idx);
    put(o, "])");
}

static const char *unary_f(IrUnary k)
{
    static const char *const names[UN_COUNT] = {
        [UN_NEG] = "-", [UN_ABS] = "fabsf", [UN_EXP] = "expf", [UN_EXP2] = "exp2f",
        [UN_LOG] = "logf", [UN_LOG2] = "log2f", [UN_SQRT] = "sqrtf", [UN_RSQRT] = "sn_rsqrt",
        [UN_SIN] = "sinf", [UN_COS] = "cosf", [UN_TANH] = "tanhf", [UN_SIGMOID] = "sn_sigmoid",
        [UN_ERF] = "erff", [UN_FLOOR] = "floorf", [UN_CEIL] = "ceilf", [UN_ROUND] = "rintf",
    };
    return names[k];
}

/* A float literal that reads back as exactly (float)v ("448.0f"). */
static const char *float_lit(char *buf, size_t n, double v)
{
    float f = (float)v;
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    if (f != f || f - f != 0) {
        snprintf(buf, n, "sn_u2f(0x%08xu)", u);
        return buf;
    }
    char text[48];
    snprintf(text, sizeof text, "%.9g", (double)f);
    snprintf(buf, n, "%s%sf", text, strpbrk(text, ".e") ? "" : ".0");
    return buf;
}

static void print_const(Out *o, const KOp *op)
{
    if (!is_f(op->dtype)) {
        put(o, "(sn_i64)%lldll", (long long)op->a.cnst.i);
        return;
    }
    char lit[64];
    put(o, "%s", float_lit(lit, sizeof lit, op->a.cnst.f));
}

static int int_bits(DType t)
{
    return t == DT_I8 ? 8 : t == DT_I32 ? 32 : 64;
}

static void print_int_range(Out *o, DType t)
{
    if (t == DT_I8)
        put(o, "-128.0, 127.0");
    else if (t == DT_I32)
        put(o, "-2147483648.0, 2147483647.0");
    else
        put(o, "-9223372036854775808.0, 9223372036854775807.0");
}

static void cast_expr(Cx *x, const KOp *op)
{
    Out *o = x->o;
    DType from = op->in[0]->dtype, to = op->dtype;
    int a = op->in[0]->id;
    if (is_f(from) && is_f(to)) {
        const char *sfx = suffix(to);
        char lit[64];
        if (op->a.cast.saturate)
            put(o, "%s%s(sn_clamp_sat(k%d, %s))", sfx ? "sn_round_" : "", sfx ? sfx : "", a,
                float_lit(lit, sizeof lit, dt_max_finite(to)));
        else
            put(o, "%s%s(k%d)", sfx ? "sn_round_" : "", sfx ? sfx : "", a);
    } else if (is_f(from)) {
        if (to == DT_BOOL) {
            put(o, "(sn_i64)(k%d != 0.0f)", a);
        } else {
            put(o, "sn_f2i(k%d, ", a);
            print_int_range(o, to);
            put(o, ")");
        }
    } else if (is_f(to)) {
        const char *sfx = suffix(to);
        put(o, "%s%s((float)k%d)", sfx ? "sn_round_" : "", sfx ? sfx : "", a);
    } else if (to == DT_BOOL) {
        put(o, "(sn_i64)(k%d != 0)", a);
    } else {
        put(o, "sn_wrap(k%d, %d)", a, int_bits(to));
    }
}

/* Bounds of |value| over its finite values, for a per-row op: [lo, hi]
 * (hi = FLT_MAX when unknown); NaN and infinities are not bounded here. */
static void abs_bounds(const KOp *op, double *lo, double *hi)
{
    double l0, h0, l1, h1;
    *lo = 0;
    *hi = 3.4028234663852886e38;
    switch (op->kind) {
    case KO_CONST:
        *lo = *hi = op->a.cnst.f < 0 ? -op->a.cnst.f : op->a.cnst.f;
        return;
    case KO_CAST:
        if (op->dtype == DT_F32 && is_f(op->in[0]->dtype))
            abs_bounds(op->in[0], lo, hi);
        return;
    case KO_BINARY:
        if (!is_f(op->dtype))
            return;
        abs_bounds(op->in[0], &l0, &h0);
        abs_bounds(op->in[1], &l1, &h1);
        if (op->a.binary == BIN_MAX && op->in[1]->kind == KO_CONST && op->in[1]->a.cnst.f > 0) {
            *lo = op->in[1]->a.cnst.f; /* max(a, c) >= c > 0 */
            *hi = h0 > h1 ? h0 : h1;
        } else if (op->a.binary == BIN_DIV && op->in[1]->kind == KO_CONST && l1 >= 1) {
            *lo = l0 / h1;
            *hi = h0 / l1;
        }
        return;
    default:
        return;
    }
}

/* x / s with s the same for the whole row is x * (1/s), the reciprocal
 * computed once per row with IEEE division: one multiply per element
 * instead of div.full's three instructions, within 1 ulp + 1/2 of the
 * exact quotient.  Only where |s| is provably normal with a normal
 * reciprocal (2^-126 <= |s| <= 2^126: per-row FP8 scales, max(amax, eps) /
 * 448): a subnormal s would make 1/s infinite (0 * inf = NaN where 0 / s is
 * 0).  s = inf (1/s = 0) and NaN give what the division gives. */
static bool recip_divisor(const KOp *op)
{
    if (op->kind != KO_BINARY || op->a.binary != BIN_DIV || !is_f(op->dtype) ||
        !op->in[0]->row || op->in[1]->row || !is_f(op->in[1]->dtype))
        return false;
    double lo, hi;
    abs_bounds(op->in[1], &lo, &hi);
    return lo >= 0x1p-126 && hi <= 0x1p126;
}

static void binary_expr(Out *o, const KOp *op)
{
    int a = op->in[0]->id, b = op->in[1]->id;
    bool f = is_f(op->in[0]->dtype);
    static const char *const cmp[BIN_COUNT] = {
        [BIN_LT] = "<", [BIN_LE] = "<=", [BIN_GT] = ">", [BIN_GE] = ">=", [BIN_EQ] = "==",
        [BIN_NE] = "!=",
    };
    IrBinary k = op->a.binary;
    if (cmp[k]) {
        put(o, "(sn_i64)(k%d %s k%d)", a, cmp[k], b);
        return;
    }
    switch (k) {
    case BIN_ADD: put(o, f ? "k%d + k%d" : "sn_iadd(k%d, k%d)", a, b); return;
    case BIN_SUB: put(o, f ? "k%d - k%d" : "sn_isub(k%d, k%d)", a, b); return;
    case BIN_MUL: put(o, f ? "k%d * k%d" : "sn_imul(k%d, k%d)", a, b); return;
    case BIN_DIV:
        put(o, recip_divisor(op) ? "k%d * rk%d" : "sn_div(k%d, k%d)", a, b);
        return;
    case BIN_MAX: put(o, f ? "sn_max(k%d, k%d)" : "sn_imax(k%d, k%d)", a, b); return;
    case BIN_MIN: put(o, f ? "sn_min(k%d, k%d)" : "sn_imin(k%d, k%d)", a, b); return;
    case BIN_POW: put(o, "powf(k%d, k%d)", a, b); return;
    case BIN_AND: put(o, "(sn_i64)(k%d != 0 && k%d != 0)", a, b); return;
    case BIN_OR: put(o, "(sn_i64)(k%d != 0 || k%d != 0)", a, b); return;
    default: put(o, "0"); return;
    }
}

/* "const float k5 = <expr>;" for a non-reduce op. */
static void emit_op(Cx *x, const KOp *op)
{
    Out *o = x->o;
    for (int i = 0; i < o->indent; i++)
        put(o, "    ");
    put(o, "const %s k%d = ", vtype(op->dtype), op->id);
    switch (op->kind) {
    case KO_LOAD: load_expr(x, op); break;
    case KO_CONST: print_const(o, op); break;
    case KO_UNARY:
        if (is_f(op->dtype))
            put(o, "%s(k%d)", unary_f(op->a.unary), op->in[0]->id);
        else
            put(o, op->a.unary == UN_NEG ? "sn_ineg(k%d)" : op->a.unary == UN_ABS
                       ? "sn_iabs(k%d)" : "(sn_i64)(k%d == 0)", op->in[0]->id);
        break;
    case KO_BINARY: binary_expr(o, op); break;
    case KO_WHERE:
        put(o, "k%d != 0 ? k%d : k%d", op->in[0]->id, op->in[1]->id, op->in[2]->id);
        break;
    case KO_CAST: cast_expr(x, op); break;
    case KO_INDEX: print_ix(x, op->a.index.expr); break;
    default: put(o, "0"); break;
    }
    put(o, ";\n");
}

/* ---------------------------------------------------------- row slices */

/* A phase is one pass over the lane's elements: one per reduction, then
 * the per-element stores.  The slice of a phase is the set of row ops it
 * must evaluate: need[i] = 1 computes op i in this phase, need[i] = 2 reads
 * it from the registers an earlier phase filled.  With a persistent
 * schedule, a row value computed in an earlier phase that depends on
 * per-row data is kept (c<id>[]), so memory is read once; values of
 * broadcast data (weights) are recomputed, their loads served by cache. */
static void slice_vals(Cx *x, const IxExpr *e, char *need, int phase);

static void slice(Cx *x, const KOp *op, char *need, int phase)
{
    if (!op->row || need[op->id])
        return;
    if (x->caching && op->kind != KO_CONST && x->rowdata[op->id] &&
        x->phase_of[op->id] >= 0 && x->phase_of[op->id] < phase) {
        need[op->id] = 2;
        x->cache[op->id] = 1;
        return;
    }
    need[op->id] = 1;
    if (x->phase_of[op->id] < 0)
        x->phase_of[op->id] = phase;
    for (int i = 0; i < op->nin; i++)
        slice(x, op->in[i], need, phase);
    if (op->kind == KO_LOAD)
        for (int k = 0; k < x->p->bufs[op->a.load.buf].rank; k++)
            slice_vals(x, op->a.load.idx[k], need, phase);
    if (op->kind == KO_INDEX)
        slice_vals(x, op->a.index.expr, need, phase);
}

/* IX_VAL leaves of an index: the ops whose values it reads. */
static void slice_vals(Cx *x, const IxExpr *e, char *need, int phase)
{
    if (e->kind == IX_VAL) {
        slice(x, x->seg->ops.items[e->c], need, phase);
        return;
    }
    if (e->kind >= IX_ADD) {
        slice_vals(x, e->a, need, phase);
        slice_vals(x, e->b, need, phase);
    }
}

/* A load can be issued for a whole run (before the j loop): its index
 * reads no per-element value. */
static bool hoistable(const Cx *x, const KOp *op)
{
    if (op->kind != KO_LOAD)
        return false;
    for (int k = 0; k < x->p->bufs[op->a.load.buf].rank; k++)
        if (ix_reads_row_value(x, op->a.load.idx[k]))
            return false;
    return true;
}

/* Do the lanes' runs cover the segment's static row exactly (e < n always,
 * every lane the same count of elements)? */
static bool seg_exact(const KSegment *seg)
{
    const KSchedule *s = &seg->sched;
    int64_t n = kseg_static_row_len(seg);
    return n >= 0 && s->chunks > 0 && (int64_t)s->threads_per_row * s->vec * s->chunks == n;
}

/* -------------------------------------------------------------- loops */

static int64_t chunks_of(const Cx *x)
{
    return x->seg->sched.chunks;
}

/* Index arithmetic inside a row is 32-bit when the row length is static
 * and fits; only offsets that involve outer indices, symbols or strides
 * are computed in 64 bits (print_ix widens row vars there). */
static bool row_idx_32(const Cx *x)
{
    return x->n >= 0 && x->n < ((int64_t)1 << 30);
}

static const char *idx_type(const Cx *x)
{
    return row_idx_32(x) ? "int" : "sn_i64";
}

static void open_runs(Cx *x)
{
    const KSchedule *s = &x->seg->sched;
    if (chunks_of(x) > 0) {
        line(x->o, "#pragma unroll");
        line(x->o, "for (int c = 0; c < %d; c++) {", s->chunks);
    } else {
        line(x->o, "for (int c = 0;; c++) {");
    }
    x->o->indent++;
    if (row_idx_32(x))
        line(x->o, "const int e0 = (c * %d + lane) * %d;", s->threads_per_row, s->vec);
    else
        line(x->o, "const sn_i64 e0 = ((sn_i64)c * %d + lane) * %d;", s->threads_per_row,
             s->vec);
    if (chunks_of(x) == 0)
        line(x->o, "if (e0 >= n) break;");
}

static void open_elems(Cx *x)
{
    const KSegment *seg = x->seg;
    line(x->o, "#pragma unroll");
    line(x->o, "for (int j = 0; j < %d; j++) {", seg->sched.vec);
    x->o->indent++;
    line(x->o, "[[maybe_unused]] const %s e = e0 + j;", idx_type(x));
    line(x->o, x->exact ? "[[maybe_unused]] const bool ok = true;"
                        : "[[maybe_unused]] const bool ok = e < n;");
    /* row vars from e */
    for (int k = seg->nrow - 1; k >= 0; k--) {
        for (int i = 0; i < x->o->indent; i++)
            put(x->o, "    ");
        put(x->o, "[[maybe_unused]] const %s r%d = e", idx_type(x), k);
        Dim stride = dim_const(1);
        for (int i = k + 1; i < seg->nrow; i++)
            dim_mul(stride, seg->row[i], &stride);
        if (!dim_is_const(stride, 1)) {
            put(x->o, " / ");
            print_dim(x->o, x->p, stride);
        }
        if (k > 0) {
            put(x->o, " %% ");
            print_dim(x->o, x->p, seg->row[k]);
        }
        put(x->o, ";\n");
    }
}

/* The vector path of a run's stores: taken when the row is live and the
 * whole run is in the row. */
static void open_full_run(Cx *x, int v)
{
    if (x->exact)
        line(x->o, "if (live) {");
    else
        line(x->o, "if (live && e0 + %d <= n) {", v);
    x->o->indent++;
}

static void close_block(Cx *x)
{
    x->o->indent--;
    line(x->o, "}");
}

/* Is the load's address read from memory (an IX_VAL index)? */
static int gathered(const Cx *x, const KOp *op)
{
    for (int k = 0; k < x->p->bufs[op->a.load.buf].rank; k++)
        if (ix_has_val(op->a.load.idx[k]))
            return 1;
    return 0;
}

/* The order of a phase's prefetch loops: streamed per-row data 0,
 * weights 1, gathers 2. */
static int prefetch_pass(const Cx *x, int i)
{
    return gathered(x, x->seg->ops.items[i]) ? 2 : x->rowdata[i] ? 0 : 1;
}

static bool same_window(Cx *x, const KOp *a, const KOp *b)
{
    Window wa, wb;
    int bi = a->a.load.buf;
    if (b->a.load.buf != bi || !window_access(x, bi, a->a.load.idx, &wa) ||
        !window_access(x, bi, b->a.load.idx, &wb) || wa.width != wb.width)
        return false;
    for (int k = 0; k < x->p->bufs[bi].rank; k++)
        if (!ix_equal(wa.idx[k], wb.idx[k]))
            return false;
    return true;
}

/* Loads never depend on `live`: a dead team's outer indices are those of
 * row 0 (o<k> = live ? ... : 0), which exists whenever the segment has a
 * block, and gather indices are clamped; only stores are masked.
 *
 * A phase of a static schedule first issues the vector loads of streamed
 * per-row data for all its runs (chunks x one 4/8/16-byte load per buffer
 * access, into pf<id>[c]), then computes: every DRAM load of a lane is in
 * flight at once, instead of one run's loads per compute-and-store step
 * (which branches and stores keep the compiler from reordering).  Loads of
 * data broadcast over rows (weights) join them when the schedule says so
 * (prefetch_weights: registers allow), else stay in the run and hit the
 * cache.  Prefetched weights are issued with the segment's first phase,
 * whichever phase uses them, and held: a weight read only after a
 * reduction (RMSNorm's w) is then not a second round trip to memory after
 * the team reduction's barrier, which at small T is most of the kernel. */
static void emit_prefetch(Cx *x, const char *need, int *pf)
{
    const KSegment *seg = x->seg;
    int v = seg->sched.vec, nchunks = (int)chunks_of(x);
    memset(pf, 0, sizeof(int) * (size_t)seg->ops.len);
    if (nchunks <= 0)
        return;
    bool first = !x->prefetched, any = false;
    x->prefetched = true;
    for (int i = 0; i < seg->ops.len; i++) {
        const KOp *op = seg->ops.items[i];
        Window w;
        bool weight = op->kind == KO_LOAD && op->row && !x->rowdata[i];
        bool early = first && weight && seg->sched.prefetch_weights;
        if ((need[i] != 1 && !early) || !hoistable(x, op) ||
            !window_access(x, op->a.load.buf, op->a.load.idx, &w))
            continue;
        if (weight && !seg->sched.prefetch_weights) /* weights: cache hits, per run */
            continue;
        if (x->early[i]) { /* issued by the first phase */
            pf[i] = x->early[i];
            continue;
        }
        pf[i] = i + 1;
        for (int j = 0; j < i; j++)
            if (pf[j] == j + 1 && same_window(x, seg->ops.items[j], op))
                pf[i] = j + 1;
        if (weight)
            x->early[i] = pf[i];
        if (pf[i] != i + 1)
            continue;
        any = true;
        const KBuf *b = &x->p->bufs[op->a.load.buf];
        line(x->o, "%s pf%d[%d];", vector_type(w.width * dt_size(b->dtype)), i, nchunks);
    }
    if (!any)
        return;
    /* loads of streamed data first, then weights, then gathers (an index
     * read from memory: cos/sin by position) in a loop of their own, so the
     * others never wait for the latter's index */
    for (int pass = 0; pass < 3; pass++) {
        bool some = false;
        for (int i = 0; i < seg->ops.len; i++)
            some = some || (pf[i] == i + 1 && prefetch_pass(x, i) == pass);
        if (!some)
            continue;
        open_runs(x);
        line(x->o, "[[maybe_unused]] const %s e = e0;", idx_type(x));
        line(x->o, "[[maybe_unused]] const %s r0 = e;", idx_type(x));
        for (int i = 0; i < seg->ops.len; i++) {
            if (pf[i] != i + 1 || prefetch_pass(x, i) != pass)
                continue;
            const KOp *op = seg->ops.items[i];
            int bi = op->a.load.buf;
            Window w;
            window_access(x, bi, op->a.load.idx, &w);
            const char *vt = vector_type(w.width * dt_size(x->p->bufs[bi].dtype));
            for (int k = 0; k < x->o->indent; k++)
                put(x->o, "    ");
            if (!x->exact)
                put(x->o, "if (e0 + %d <= n) ", v);
            put(x->o, "pf%d[c] = *(const %s *)(b%d + (", i, vt, bi);
            print_offset(x, bi, w.idx);
            put(x->o, "));\n");
        }
        close_block(x);
    }
}

/* Loads of the run, before the element loop (into l<id>[j]): from the
 * prefetched vector (pf: set by emit_prefetch) or a vector load where the
 * variant allows, element loads for a run that is not whole in the row. */
static void emit_run_loads(Cx *x, const char *need, char *in_run, const int *pf)
{
    const KSegment *seg = x->seg;
    int v = seg->sched.vec;
    for (int i = 0; i < seg->ops.len; i++) {
        const KOp *op = seg->ops.items[i];
        if (need[i] != 1 || !hoistable(x, op))
            continue;
        in_run[i] = 1;
        line(x->o, "%s l%d[%d];", vtype(op->dtype), i, v);
        int bi = op->a.load.buf;
        Window w;
        bool vec = window_access(x, bi, op->a.load.idx, &w);
        if (vec) {
            const KBuf *b = &x->p->bufs[bi];
            const char *vt = vector_type(w.width * dt_size(b->dtype));
            if (!x->exact) {
                line(x->o, "if (e0 + %d <= n) {", v);
                x->o->indent++;
            } else {
                line(x->o, "{");
                x->o->indent++;
            }
            if (pf[i]) {
                line(x->o, "const %s raw = pf%d[c];", vt, pf[i] - 1);
            } else {
                line(x->o, "[[maybe_unused]] const %s e = e0;", idx_type(x));
                line(x->o, "[[maybe_unused]] const %s r0 = e;", idx_type(x));
                for (int k = 0; k < x->o->indent; k++)
                    put(x->o, "    ");
                put(x->o, "const %s raw = *(const %s *)(b%d + (", vt, vt, bi);
                print_offset(x, bi, w.idx);
                put(x->o, "));\n");
            }
            line(x->o, "const %s *el = (const %s *)&raw;", ctype_of[b->dtype], ctype_of[b->dtype]);
            const char *sfx = suffix(b->dtype);
            for (int j = 0; j < v; j++) {
                if (sfx)
                    line(x->o, "l%d[%d] = sn_from_%s(el[%d]);", i, j, sfx, w.off[j]);
                else
                    line(x->o, "l%d[%d] = (%s)el[%d];", i, j, vtype(op->dtype), w.off[j]);
            }
            close_block(x);
            if (x->exact) /* every run is whole */
                continue;
            line(x->o, "else {");
            x->o->indent++;
        }
        open_elems(x);
        for (int k = 0; k < x->o->indent; k++)
            put(x->o, "    ");
        put(x->o, "l%d[j] = ok ? ", i);
        load_expr(x, op);
        put(x->o, " : %s;\n", is_f(op->dtype) ? "0.0f" : "0");
        close_block(x);
        if (vec)
            close_block(x);
    }
}

/* The phase's row ops of one element, in order (inside the j loop):
 * register reads, run loads, element loads, arithmetic; values a later
 * phase keeps are written to their registers. */
static void emit_elem_ops(Cx *x, const char *need, const char *in_run, int phase)
{
    int v = x->seg->sched.vec;
    for (int i = 0; i < x->seg->ops.len; i++) {
        const KOp *op = x->seg->ops.items[i];
        if (!need[i])
            continue;
        if (need[i] == 2) {
            line(x->o, "const %s k%d = c%d[c * %d + j];", vtype(op->dtype), i, i, v);
            continue;
        }
        if (in_run[i]) {
            line(x->o, "const %s k%d = l%d[j];", vtype(op->dtype), i, i);
        } else if (op->kind == KO_LOAD) { /* element-wise load: guard the address */
            for (int k = 0; k < x->o->indent; k++)
                put(x->o, "    ");
            put(x->o, "const %s k%d = ok ? ", vtype(op->dtype), i);
            load_expr(x, op);
            put(x->o, " : %s;\n", is_f(op->dtype) ? "0.0f" : "0");
        } else {
            emit_op(x, op);
        }
        if (x->cache[i] && x->phase_of[i] == phase)
            line(x->o, "c%d[c * %d + j] = k%d;", i, v, i);
    }
}

/* ---------------------------------------------------------- reductions */

static const char *combine_f(IrReduce k)
{
    return k == RED_MAX ? "sn_fold_max" : k == RED_MIN ? "sn_fold_min" : NULL;
}

static void emit_combine(Cx *x, const KOp *red, const char *acc, const char *val)
{
    bool f = is_f(red->dtype);
    IrReduce k = red->a.reduce.kind;
    if (k == RED_SUM || k == RED_MEAN)
        line(x->o, f ? "%s = %s + %s;" : "%s = sn_iadd(%s, %s);", acc, acc, val);
    else if (f)
        line(x->o, "%s = %s(%s, %s);", acc, combine_f(k), acc, val);
    else
        line(x->o, "%s = sn_ifold_%s(%s, %s);", acc, k == RED_MAX ? "max" : "min", acc, val);
}

static void emit_identity(Cx *x, const KOp *red)
{
    IrReduce k = red->a.reduce.kind;
    if (is_f(red->dtype))
        line(x->o, "%s acc%d = %s;", "float", red->id,
             k == RED_MAX ? "sn_u2f(0xff800000u)" : k == RED_MIN ? "sn_u2f(0x7f800000u)" : "0.0f");
    else
        line(x->o, "sn_i64 acc%d = %s;", red->id,
             k == RED_MAX ? "(sn_i64)0x8000000000000000ull"
                          : k == RED_MIN ? "(sn_i64)0x7fffffffffffffffll" : "0");
}

/* The team reduction of a phase's reductions, in kexec.h's order: each
 * one's butterfly within the warp, then (teams of several warps) one
 * barrier for all of them and each one's butterfly over the warps' values
 * in shared memory; then each one's per-row value k<id>. */
static void emit_team_reduce(Cx *x, const KOp *const *group, int ngroup)
{
    const KSchedule *s = &x->seg->sched;
    const Dialect *dl = &dialects[x->t->dialect];
    int tpr = s->threads_per_row, w = tpr < 32 ? tpr : 32, nw = tpr / 32;
    char sh[160];
    for (int g = 0; g < ngroup; g++) {
        const KOp *red = group[g];
        int id = red->id;
        line(x->o, "#pragma unroll");
        line(x->o, "for (int off = %d; off >= 1; off /= 2) {", w / 2);
        x->o->indent++;
        char acc[32];
        snprintf(acc, sizeof acc, "acc%d", id);
        snprintf(sh, sizeof sh, "%s(%s%s, off, 32)", dl->shfl_xor, dl->shfl_xor_mask, acc);
        line(x->o, "const %s other = %s;", vtype(red->dtype), sh);
        emit_combine(x, red, acc, "other");
        close_block(x);
    }
    if (tpr > 32) {
        line(x->o, "if ((lane & 31) == 0) {");
        x->o->indent++;
        for (int g = 0; g < ngroup; g++)
            line(x->o, "red%d_%d[team][lane >> 5] = acc%d;", x->segno, group[g]->id,
                 group[g]->id);
        close_block(x);
        /* one barrier for the phase; no second one: each reduction has its
         * own shared arrays and a block reduces each of its rows once */
        line(x->o, "__syncthreads();");
        for (int g = 0; g < ngroup; g++) {
            const KOp *red = group[g];
            int id = red->id;
            line(x->o, "{");
            x->o->indent++;
            line(x->o, "%s p[%d];", vtype(red->dtype), nw);
            line(x->o, "#pragma unroll");
            line(x->o, "for (int w = 0; w < %d; w++) p[w] = red%d_%d[team][w];", nw,
                 x->segno, id);
            line(x->o, "#pragma unroll");
            line(x->o, "for (int off = %d; off >= 1; off /= 2) {", nw / 2);
            x->o->indent++;
            line(x->o, "%s q[%d];", vtype(red->dtype), nw);
            line(x->o, "#pragma unroll");
            line(x->o, "for (int w = 0; w < %d; w++) {", nw);
            x->o->indent++;
            line(x->o, "q[w] = p[w];");
            emit_combine(x, red, "q[w]", "p[w ^ off]");
            close_block(x);
            line(x->o, "#pragma unroll");
            line(x->o, "for (int w = 0; w < %d; w++) p[w] = q[w];", nw);
            close_block(x);
            line(x->o, "acc%d = p[0];", id);
            close_block(x);
        }
    } else if (tpr > 1) {
        /* lanes can differ on ties of signed zeros: take lane 0's */
        for (int g = 0; g < ngroup; g++) {
            int id = group[g]->id;
            line(x->o, "acc%d = %s(%sacc%d, 0, %d);", id, dl->shfl_idx, dl->shfl_xor_mask, id,
                 tpr);
        }
    }
    for (int g = 0; g < ngroup; g++) {
        const KOp *red = group[g];
        int id = red->id;
        if (red->a.reduce.kind == RED_MEAN)
            line(x->o, "const %s k%d = acc%d / (float)n;", vtype(red->dtype), id, id);
        else
            line(x->o, "const %s k%d = acc%d;", vtype(red->dtype), id, id);
    }
}

/* ------------------------------------------------------------ segments */

static bool vals_ready(const Cx *x, const IxExpr *e)
{
    if (e->kind == IX_VAL)
        return x->emitted[e->c];
    if (e->kind >= IX_ADD)
        return vals_ready(x, e->a) && vals_ready(x, e->b);
    return true;
}

/* Are op's operands, and the values its indices read, in scope? */
static bool deps_ready(const Cx *x, const KOp *op)
{
    for (int k = 0; k < op->nin; k++)
        if (!x->emitted[op->in[k]->id])
            return false;
    if (op->kind == KO_LOAD)
        for (int k = 0; k < x->p->bufs[op->a.load.buf].rank; k++)
            if (!vals_ready(x, op->a.load.idx[k]))
                return false;
    if (op->kind == KO_INDEX)
        return vals_ready(x, op->a.index.expr);
    return true;
}

/* Emit every per-row op whose operands are available. */
static void emit_ready_outer(Cx *x)
{
    for (int i = 0; i < x->seg->ops.len; i++) {
        const KOp *op = x->seg->ops.items[i];
        if (op->row || x->emitted[i] || op->kind == KO_REDUCE)
            continue;
        if (!deps_ready(x, op))
            continue;
        if (op->kind == KO_LOAD) { /* a dead row reads row 0: never faults */
            for (int k = 0; k < x->o->indent; k++)
                put(x->o, "    ");
            put(x->o, "const %s k%d = ", vtype(op->dtype), i);
            load_expr(x, op);
            put(x->o, ";\n");
        } else {
            emit_op(x, op);
        }
        for (int j = i + 1; j < x->seg->ops.len; j++) /* its reciprocal, once */
            if (recip_divisor(x->seg->ops.items[j]) &&
                ((const KOp *)x->seg->ops.items[j])->in[1] == op) {
                line(x->o, "const float rk%d = 1.0f / k%d;", i, i);
                break;
            }
        x->emitted[i] = 1;
        i = -1; /* something new is available: rescan */
    }
}

/* A store of a cast to the buffer's own f8 type encodes the cast's input
 * directly: one conversion instead of round-then-encode (for bf16/f16 the
 * rounded value is as cheap to store, and other ops may need it). */
static const KOp *direct_cast(const Cx *x, const KStore *st)
{
    const KOp *v = st->value;
    DType t = x->p->bufs[st->buf].dtype;
    if (v->kind == KO_CAST && v->dtype == t && dt_is_f8(t) && is_f(v->in[0]->dtype))
        return v->in[0];
    return NULL;
}

/* "sn_to_e4m3_sat(" etc.: the encoder a store uses.  A value cast to the
 * buffer's bf16 already is a bf16: its high half is the code
 * (sn_bits_bf16, one shift instead of the rounding). */
static const char *encoder(const Cx *x, const KStore *st, char *buf, size_t len)
{
    DType t = x->p->bufs[st->buf].dtype;
    if (t == DT_BF16 && st->value->kind == KO_CAST && st->value->dtype == DT_BF16) {
        snprintf(buf, len, "sn_bits_bf16");
        return buf;
    }
    bool sat = direct_cast(x, st) && st->value->a.cast.saturate;
    snprintf(buf, len, "sn_to_%s%s", suffix(t), sat ? "_sat" : "");
    return buf;
}

static const KOp *stored_value(const Cx *x, const KStore *st)
{
    const KOp *d = direct_cast(x, st);
    return d ? d : st->value;
}

/* The stored form of the value expression val in buffer b, then ";\n":
 * through the encoder enc (f8, bf16, f16), as is (f32), or wrapped to the
 * integer type. */
static void put_encoded(Cx *x, const KBuf *b, const char *enc, const char *val)
{
    if (enc)
        put(x->o, "%s(%s);\n", enc, val);
    else if (is_f(b->dtype))
        put(x->o, "%s;\n", val);
    else if (b->dtype == DT_BOOL)
        put(x->o, "(sn_u8)(%s != 0);\n", val);
    else
        put(x->o, "(%s)sn_wrap(%s, %d);\n", ctype_of[b->dtype], val, int_bits(b->dtype));
}

/* Store i's run (s<i>[]): a vector store when the row is live and the
 * whole run is in the row, else element by element. */
static void emit_run_store(Cx *x, int i)
{
    const KSegment *seg = x->seg;
    const KStore *st = seg->stores.items[i];
    int v = seg->sched.vec;
    const KBuf *b = &x->p->bufs[st->buf];
    const char *sfx = suffix(b->dtype);
    char enc[64];
    if (sfx)
        encoder(x, st, enc, sizeof enc);
    bool vec = vector_access(x, st->buf, st->idx);
    if (vec) {
        open_full_run(x, v);
        line(x->o, "[[maybe_unused]] const %s e = e0;", idx_type(x));
        if (seg->nrow == 1)
            line(x->o, "[[maybe_unused]] const %s r0 = e;", idx_type(x));
        line(x->o, "%s raw;", vector_type(run_bytes(x, st->buf)));
        line(x->o, "[[maybe_unused]] %s *el = (%s *)&raw;", ctype_of[b->dtype], ctype_of[b->dtype]);
        if (sfx && dt_is_f8(b->dtype) && v % 4 == 0) { /* 4 codes per word */
            line(x->o, "sn_u32 *wd = (sn_u32 *)&raw;");
            line(x->o, "#pragma unroll");
            line(x->o, "for (int j = 0; j < %d; j += 4) wd[j / 4] = sn_to4%s(s%d[j], "
                 "s%d[j + 1], s%d[j + 2], s%d[j + 3]);", v, enc + 5, i, i, i, i);
        } else if (sfx) {
            line(x->o, "#pragma unroll");
            line(x->o, "for (int j = 0; j < %d; j++) el[j] = %s(s%d[j]);", v, enc, i);
        } else {
            line(x->o, "#pragma unroll");
            line(x->o, "for (int j = 0; j < %d; j++) el[j] = (%s)s%d[j];", v,
                 ctype_of[b->dtype], i);
        }
        for (int k = 0; k < x->o->indent; k++)
            put(x->o, "    ");
        put(x->o, "*(%s *)(b%d + (", vector_type(run_bytes(x, st->buf)), st->buf);
        print_offset(x, st->buf, st->idx);
        put(x->o, ")) = raw;\n");
        close_block(x);
        if (x->exact) /* every run is whole: a dead row stores nothing */
            return;
        line(x->o, "else {");
        x->o->indent++;
    }
    open_elems(x);
    line(x->o, "if (live && ok) {");
    x->o->indent++;
    for (int k = 0; k < x->o->indent; k++)
        put(x->o, "    ");
    put(x->o, "b%d[", st->buf);
    print_offset(x, st->buf, st->idx);
    put(x->o, "] = ");
    char val[32];
    snprintf(val, sizeof val, "s%d[j]", i);
    put_encoded(x, b, sfx ? enc : NULL, val);
    close_block(x);
    close_block(x);
    if (vec)
        close_block(x);
}

/* Does op depend (through operands or gathered indices) on a reduction
 * not yet folded (done[id] == 0)?  memo[id]: 0 unknown, 1 no, 2 yes. */
static bool waits_on_reduce(const Cx *x, const KOp *op, const char *done, char *memo);

static bool ix_waits(const Cx *x, const IxExpr *e, const char *done, char *memo)
{
    if (e->kind == IX_VAL)
        return waits_on_reduce(x, x->seg->ops.items[e->c], done, memo);
    return e->kind >= IX_ADD && (ix_waits(x, e->a, done, memo) || ix_waits(x, e->b, done, memo));
}

static bool waits_on_reduce(const Cx *x, const KOp *op, const char *done, char *memo)
{
    if (memo[op->id])
        return memo[op->id] == 2;
    bool w = false;
    if (op->kind == KO_REDUCE)
        w = !done[op->id];
    for (int i = 0; i < op->nin && !w; i++)
        w = waits_on_reduce(x, op->in[i], done, memo);
    if (op->kind == KO_LOAD)
        for (int k = 0; k < x->p->bufs[op->a.load.buf].rank && !w; k++)
            w = ix_waits(x, op->a.load.idx[k], done, memo);
    if (op->kind == KO_INDEX && !w)
        w = ix_waits(x, op->a.index.expr, done, memo);
    memo[op->id] = w ? 2 : 1;
    return w;
}

/* The reductions of the next phase: every one not done whose input needs
 * no reduction still to come (done: the reductions folded before).  They
 * share one pass over the lane's runs and one team reduction (one barrier)
 * instead of a phase each (a mean and a max of the same row).  Returns how
 * many (0: the last phase). */
static int next_group(const Cx *x, const char *done, const KOp **group)
{
    char *memo = x->memo;
    memset(memo, 0, (size_t)x->seg->ops.len);
    int ng = 0;
    for (int i = 0; i < x->seg->ops.len; i++) {
        const KOp *op = x->seg->ops.items[i];
        if (op->kind == KO_REDUCE && !done[op->id] && !waits_on_reduce(x, op->in[0], done, memo))
            group[ng++] = op;
    }
    return ng;
}

/* The row stores a phase issues: every one not yet issued whose value
 * needs no reduction still to come (done: the reductions folded before
 * this phase); the last phase (last) takes the rest.  A value is
 * stored in the first phase that computes it: its stores are in flight
 * while the team reduces, instead of all of the row's stores waiting for
 * the last phase (residual add + RMSNorm: h is stored in the phase of the
 * sum of squares). */
static void phase_stores(const Cx *x, bool last, const char *done, char *stored, char *mask)
{
    char *memo = x->memo;
    memset(memo, 0, (size_t)x->seg->ops.len);
    for (int i = 0; i < x->seg->stores.len; i++) {
        const KStore *st = x->seg->stores.items[i];
        mask[i] = st->row && !stored[i] &&
                  (last || !waits_on_reduce(x, stored_value(x, st), done, memo));
        stored[i] |= mask[i];
    }
}

/* One pass over the lane's runs (a phase): the row ops the reductions of
 * group (none in the last phase) and the stores in mask need, each run's
 * loads first, the folds per element, then the stores of the run; then
 * the team reduction of the group. */
static void emit_phase(Cx *x, const KOp *const *group, int ngroup, const char *mask, int phase,
                       char *need, char *in_run)
{
    const KSegment *seg = x->seg;
    memset(need, 0, (size_t)seg->ops.len);
    memset(in_run, 0, (size_t)seg->ops.len);
    bool any = ngroup > 0;
    for (int g = 0; g < ngroup; g++)
        slice(x, group[g]->in[0], need, phase);
    for (int i = 0; i < seg->stores.len; i++)
        if (mask[i]) {
            slice(x, stored_value(x, seg->stores.items[i]), need, phase);
            any = true;
        }
    if (!any)
        return;
    for (int g = 0; g < ngroup; g++)
        emit_identity(x, group[g]);
    emit_prefetch(x, need, x->pf);
    open_runs(x);
    emit_run_loads(x, need, in_run, x->pf);
    int v = seg->sched.vec;
    for (int i = 0; i < seg->stores.len; i++)
        if (mask[i])
            line(x->o, "%s s%d[%d];", vtype(stored_value(x, seg->stores.items[i])->dtype), i, v);
    open_elems(x);
    emit_elem_ops(x, need, in_run, phase);
    for (int g = 0; g < ngroup; g++) {
        const KOp *red = group[g];
        /* a per-row input is folded once per element too (it is in scope) */
        char acc[32], val[32];
        snprintf(acc, sizeof acc, "acc%d", red->id);
        snprintf(val, sizeof val, "k%d", red->in[0]->id);
        if (x->exact) { /* dead rows fold masked zeros; nothing of theirs is stored */
            emit_combine(x, red, acc, val);
        } else {
            line(x->o, "if (ok) {");
            x->o->indent++;
            emit_combine(x, red, acc, val);
            close_block(x);
        }
    }
    for (int i = 0; i < seg->stores.len; i++)
        if (mask[i])
            line(x->o, "s%d[j] = k%d;", i, stored_value(x, seg->stores.items[i])->id);
    close_block(x);
    for (int i = 0; i < seg->stores.len; i++)
        if (mask[i])
            emit_run_store(x, i);
    close_block(x);
    if (ngroup > 0) {
        emit_team_reduce(x, group, ngroup);
        for (int g = 0; g < ngroup; g++)
            x->emitted[group[g]->id] = 1;
    }
}

static void emit_outer_stores(Cx *x)
{
    const KSegment *seg = x->seg;
    for (int i = 0; i < seg->stores.len; i++) {
        const KStore *st = seg->stores.items[i];
        if (st->row)
            continue;
        const KBuf *b = &x->p->bufs[st->buf];
        const char *sfx = suffix(b->dtype);
        for (int k = 0; k < x->o->indent; k++)
            put(x->o, "    ");
        put(x->o, "if (live && lane == 0) b%d[", st->buf);
        print_offset(x, st->buf, st->idx);
        char enc[64], val[32];
        snprintf(val, sizeof val, "k%d", stored_value(x, st)->id);
        put(x->o, "] = ");
        put_encoded(x, b, sfx ? encoder(x, st, enc, sizeof enc) : NULL, val);
    }
}

/* Plan the phases once (slices fill phase_of and cache), so that emission,
 * which slices again the same way, knows which values to keep. */
static void plan_cache(Cx *x, char *need)
{
    const KSegment *seg = x->seg;
    size_t n = seg->ops.len > 0 ? (size_t)seg->ops.len : 0;
    memset(x->cache, 0, n);
    for (int i = 0; i < seg->ops.len; i++) {
        const KOp *op = seg->ops.items[i];
        x->phase_of[i] = -1;
        x->rowdata[i] = op->kind == KO_LOAD && op->row && kop_load_per_row(x->p, seg, op);
        for (int k = 0; k < op->nin; k++)
            x->rowdata[i] = x->rowdata[i] || (op->row && x->rowdata[op->in[k]->id]);
    }
    x->caching = seg->sched.persistent && seg->sched.chunks > 0;
    int phase = 0;
    size_t nst = (size_t)seg->stores.len + 1;
    char *done = arena_alloc(x->o->arena, n + 1), *stored = arena_alloc(x->o->arena, nst),
         *mask = arena_alloc(x->o->arena, nst); /* zeroed */
    const KOp **group = arena_alloc(x->o->arena, sizeof(KOp *) * (n + 1));
    for (;;) {
        int ng = next_group(x, done, group);
        memset(need, 0, n);
        phase_stores(x, ng == 0, done, stored, mask);
        for (int g = 0; g < ng; g++)
            slice(x, group[g]->in[0], need, phase);
        for (int k = 0; k < seg->stores.len; k++)
            if (mask[k])
                slice(x, stored_value(x, seg->stores.items[k]), need, phase);
        phase++;
        if (ng == 0)
            break;
        for (int g = 0; g < ng; g++)
            done[group[g]->id] = 1;
    }
    for (int i = 0; i < seg->ops.len; i++) /* emission recomputes them the same way */
        x->phase_of[i] = -1;
}

static void emit_segment(Cx *x)
{
    const KSegment *seg = x->seg;
    const KSchedule *s = &seg->sched;
    Out *o = x->o;
    int nops = seg->ops.len;
    x->emitted = arena_alloc(o->arena, (size_t)nops + 1);
    x->cache = arena_alloc(o->arena, (size_t)nops + 1);
    x->rowdata = arena_alloc(o->arena, (size_t)nops + 1);
    x->phase_of = arena_alloc(o->arena, sizeof(int) * (size_t)(nops + 1));
    char *need = arena_alloc(o->arena, (size_t)nops + 1);
    char *in_run = arena_alloc(o->arena, (size_t)nops + 1);
    x->pf = arena_alloc(o->arena, sizeof(int) * (size_t)(nops + 1));
    x->memo = arena_alloc(o->arena, (size_t)nops + 1);
    x->early = arena_alloc(o->arena, sizeof(int) * (size_t)(nops + 1)); /* zeroed */
    x->prefetched = false;
    x->n = kseg_static_row_len(seg);
    x->exact = seg_exact(seg);
    plan_cache(x, need);
    memset(x->emitted, 0, (size_t)nops);
    line(o, "const int lane = threadIdx.x %% %d, team = threadIdx.x / %d;", s->threads_per_row,
         s->threads_per_row);
    line(o, "const sn_i64 row = blk * %d + team;", s->rows_per_block);
    line(o, "const bool live = row < rows;");
    for (int i = 0; i < o->indent; i++)
        put(o, "    ");
    put(o, "const sn_i64 n = ");
    Dim nd = dim_const(1);
    for (int k = 0; k < seg->nrow; k++)
        dim_mul(nd, seg->row[k], &nd);
    print_dim(o, x->p, nd);
    put(o, ";\n");
    for (int k = seg->nouter - 1; k >= 0; k--) {
        Dim stride = dim_const(1);
        for (int i = k + 1; i < seg->nouter; i++)
            dim_mul(stride, seg->outer[i], &stride);
        for (int i = 0; i < o->indent; i++)
            put(o, "    ");
        put(o, "const sn_i64 o%d = (live ? row : 0)", k);
        if (!dim_is_const(stride, 1)) {
            put(o, " / ");
            print_dim(o, x->p, stride);
        }
        if (k > 0) {
            put(o, " %% ");
            print_dim(o, x->p, seg->outer[k]);
        }
        put(o, ";\n");
    }
    for (int i = 0; i < nops; i++) {
        const KOp *op = seg->ops.items[i];
        if (x->cache[i])
            line(o, "%s c%d[%d];", vtype(op->dtype), i, s->chunks * s->vec);
    }
    emit_ready_outer(x);
    int phase = 0;
    char *stored = arena_alloc(o->arena, (size_t)seg->stores.len + 1); /* zeroed */
    char *mask = arena_alloc(o->arena, (size_t)seg->stores.len + 1);
    const KOp **group = arena_alloc(o->arena, sizeof(KOp *) * ((size_t)nops + 1));
    for (;;) {
        int ng = next_group(x, x->emitted, group);
        phase_stores(x, ng == 0, x->emitted, stored, mask);
        emit_phase(x, group, ng, mask, phase++, need, in_run);
        emit_ready_outer(x);
        if (ng == 0)
            break;
    }
    emit_outer_stores(x);
}

/* ------------------------------------------------------------- kernels */

/* Buffers a kernel touches: 1 loaded, 2 stored (bits). */
static void buffer_use(const KProgram *p, const Kernel *k, char *use)
{
    memset(use, 0, (size_t)p->nbuf);
    for (int s = 0; s < k->nseg; s++) {
        const KSegment *seg = k->segs[s];
        for (int i = 0; i < seg->ops.len; i++) {
            const KOp *op = seg->ops.items[i];
            if (op->kind == KO_LOAD)
                use[op->a.load.buf] |= 1;
        }
        for (int i = 0; i < seg->stores.len; i++)
            use[((const KStore *)seg->stores.items[i])->buf] |= 2;
    }
}

static void add_param(Arena *a, PtrVec *v, CgParamKind kind, int buf, int dim, int sym,
                      const char *name)
{
    CgParam *p = ARENA_NEW(a, CgParam);
    p->kind = kind;
    p->buf = buf;
    p->dim = dim;
    p->sym = sym;
    p->name = name;
    ptrvec_push(a, v, p);
}

/* The parameter list, in a fixed order: buffers (pointer, then strides of
 * an input, or the value of a scalar input), then every size symbol. */
static PtrVec kernel_params(Arena *a, const KProgram *p, const Kernel *k)
{
    PtrVec v = {0};
    char *use = arena_alloc(a, (size_t)p->nbuf + 1);
    buffer_use(p, k, use);
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *buf = &p->bufs[b];
        if (!use[b])
            continue;
        if (buf->kind == KB_INPUT && buf->rank == 0) {
            add_param(a, &v, CP_SCALAR, b, 0, 0, arena_printf(a, "b%d_v", b));
            continue;
        }
        add_param(a, &v, CP_PTR, b, 0, 0, arena_printf(a, "b%d", b));
        if (buf->kind == KB_INPUT)
            for (int d = 0; d + 1 < buf->rank; d++)
                add_param(a, &v, CP_STRIDE, b, d, 0, arena_printf(a, "b%d_s%d", b, d));
    }
    for (int s = 0; s < p->graph->nsym; s++)
        add_param(a, &v, CP_SYM, 0, 0, s, arena_printf(a, "sym_%s", p->graph->syms[s]));
    return v;
}

static void print_params(Out *o, const KProgram *p, const Kernel *k, const PtrVec *params)
{
    char *use = arena_alloc(o->arena, (size_t)p->nbuf + 1);
    buffer_use(p, k, use);
    for (int i = 0; i < params->len; i++) {
        const CgParam *prm = params->items[i];
        const KBuf *b = &p->bufs[prm->buf];
        put(o, i ? ",\n    " : "\n    ");
        switch (prm->kind) {
        case CP_SCALAR: put(o, "const %s %s", vtype(b->dtype), prm->name); break;
        case CP_PTR:
            put(o, "%s%s *__restrict__ %s", use[prm->buf] & 2 ? "" : "const ", ctype_of[b->dtype],
                prm->name);
            break;
        default: put(o, "const sn_i64 %s", prm->name); break;
        }
    }
}

static int shared_bytes(const Kernel *k)
{
    int bytes = 0;
    for (int s = 0; s < k->nseg; s++) {
        const KSegment *seg = k->segs[s];
        if (seg->sched.threads_per_row <= 32)
            continue;
        for (int i = 0; i < seg->ops.len; i++) {
            const KOp *op = seg->ops.items[i];
            if (op->kind == KO_REDUCE)
                bytes += seg->sched.rows_per_block * (seg->sched.threads_per_row / 32) *
                         (is_f(op->dtype) ? 4 : 8);
        }
    }
    return bytes;
}

static void declare_shared(Out *o, const Kernel *k)
{
    for (int s = 0; s < k->nseg; s++) {
        const KSegment *seg = k->segs[s];
        if (seg->sched.threads_per_row <= 32)
            continue;
        for (int i = 0; i < seg->ops.len; i++) {
            const KOp *op = seg->ops.items[i];
            if (op->kind == KO_REDUCE)
                line(o, "__shared__ %s red%d_%d[%d][%d];", vtype(op->dtype), s, op->id,
                     seg->sched.rows_per_block, seg->sched.threads_per_row / 32);
        }
    }
}

static void print_rows(Out *o, const KProgram *p, const KSegment *seg)
{
    Dim rows = dim_const(1);
    for (int k = 0; k < seg->nouter; k++)
        dim_mul(rows, seg->outer[k], &rows);
    print_dim(o, p, rows);
}

static void emit_kernel(Out *o, const KProgram *p, const CgTarget *t, const Kernel *k,
                        const char *name, bool vector, const PtrVec *params)
{
    put(o, "extern \"C\" __global__ void __launch_bounds__(%d) %s(", k->block, name);
    print_params(o, p, k, params);
    put(o, ")\n{\n");
    o->indent = 1;
    if (t->dialect == CG_CUDA)
        line(o, "SN_GRID_ENTRY();");
    line(o, "sn_i64 blk = blockIdx.x;");
    declare_shared(o, k);
    bool il = k->interleave && k->nseg == 2;
    if (il) { /* blocks 0, 1, 0, 1, ... while both segments have some */
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < o->indent; i++)
                put(o, "    ");
            put(o, "const sn_i64 nblk%d = (", s);
            print_rows(o, p, k->segs[s]);
            put(o, " + %d) / %d;\n", k->segs[s]->sched.rows_per_block - 1,
                k->segs[s]->sched.rows_per_block);
        }
        line(o, "const sn_i64 both = nblk0 < nblk1 ? nblk0 : nblk1;");
        line(o, "const int seg = blk < 2 * both ? (int)(blk & 1) : nblk0 > nblk1 ? 0 : 1;");
        line(o, "blk = blk < 2 * both ? blk >> 1 : blk - both;");
    }
    for (int s = 0; s < k->nseg; s++) {
        const KSegment *seg = k->segs[s];
        Cx x = {.o = o, .p = p, .t = t, .k = k, .seg = seg, .segno = s, .vector = vector};
        line(o, "{ /* segment %d */", s);
        o->indent++;
        for (int i = 0; i < o->indent; i++)
            put(o, "    ");
        put(o, "const sn_i64 rows = ");
        print_rows(o, p, seg);
        put(o, ";\n");
        if (il) {
            line(o, "if (seg == %d) {", s);
        } else {
            line(o, "const sn_i64 nblk = (rows + %d) / %d;", seg->sched.rows_per_block - 1,
                 seg->sched.rows_per_block);
            line(o, "if (blk < nblk) {");
        }
        o->indent++;
        emit_segment(&x);
        line(o, "return;");
        close_block(&x);
        if (!il)
            line(o, "blk -= nblk;");
        o->indent--;
        line(o, "}");
    }
    o->indent = 0;
    put(o, "}\n\n");
}

/* Does the vector variant vectorize anything?  Records what it needs. */
static int vector_needs(Arena *a, const KProgram *p, const CgTarget *t, const Kernel *k,
                        CgAlign **out)
{
    PtrVec v = {0};
    char *seen = arena_alloc(a, (size_t)p->nbuf + 1);
    for (int s = 0; s < k->nseg; s++) {
        const KSegment *seg = k->segs[s];
        Out scratch = {.arena = a};
        Cx x = {.o = &scratch, .p = p, .t = t, .k = k, .seg = seg, .vector = true,
                .n = kseg_static_row_len(seg)};
        for (int i = 0; i < seg->ops.len + seg->stores.len; i++) {
            int buf;
            IxExpr *const *idx;
            if (i < seg->ops.len) {
                const KOp *op = seg->ops.items[i];
                if (op->kind != KO_LOAD || !op->row || !hoistable(&x, op))
                    continue;
                buf = op->a.load.buf;
                idx = op->a.load.idx;
            } else {
                const KStore *st = seg->stores.items[i - seg->ops.len];
                if (!st->row)
                    continue;
                buf = st->buf;
                idx = st->idx;
            }
            Window w;
            int bytes = 0;
            if (i < seg->ops.len && window_access(&x, buf, idx, &w))
                bytes = w.width * dt_size(p->bufs[buf].dtype);
            else if (i >= seg->ops.len && vector_access(&x, buf, idx))
                bytes = run_bytes(&x, buf);
            if (!bytes || seen[buf])
                continue;
            seen[buf] = 1;
            CgAlign *al = ARENA_NEW(a, CgAlign);
            al->buf = buf;
            al->bytes = bytes;
            al->stride_multiple = p->bufs[buf].kind == KB_INPUT ? seg->sched.vec : 1;
            ptrvec_push(a, &v, al);
        }
    }
    *out = ARENA_ARRAY(a, CgAlign, v.len ? v.len : 1);
    for (int i = 0; i < v.len; i++)
        (*out)[i] = *(CgAlign *)v.items[i];
    return v.len;
}

static const char *graph_ops(Arena *a, const KProgram *p, const Kernel *k)
{
    const IrGraph *g = p->graph;
    char *seen = arena_alloc(a, (size_t)g->nodes.len + 1);
    Out o = {.arena = a};
    put(&o, "%s", "");
    for (int s = 0; s < k->nseg; s++) {
        const KSegment *seg = k->segs[s];
        for (int i = 0; i < seg->ops.len; i++) {
            const KOp *op = seg->ops.items[i];
            if (op->node < 0 || seen[op->node])
                continue;
            seen[op->node] = 1;
            const IrNode *n = g->nodes.items[op->node];
            const char *what = n->op == IR_UNARY ? ir_unary_name(n->a.unary)
                             : n->op == IR_BINARY ? ir_binary_name(n->a.binary)
                             : n->op == IR_REDUCE ? ir_reduce_name(n->a.reduce.kind)
                             : ir_op_name(n->op);
            put(&o, "%s%%%d %s", o.len ? ", " : "", n->id, what);
        }
    }
    return o.buf ? o.buf : "";
}

/* One kernel's variants (vector, scalar unless `vector_only`) and launch
 * metadata. */
static bool emit_one(Out *o, const KProgram *p, const CgTarget *t, const Kernel *k, Arena *a,
                     CgKernel *ck, bool vector_only, Diag *d)
{
    Span none = {0};
    ck->block = k->block;
    ck->smem_bytes = shared_bytes(k);
    ck->grid_wait = t->dialect == CG_CUDA;
    if (k->block > t->max_threads || ck->smem_bytes > t->max_smem) {
        diag_error(d, none,
                   "kernel %s needs %d threads and %d bytes of shared memory per block; "
                   "%s allows %d and %d", k->name, k->block, ck->smem_bytes, t->arch,
                   t->max_threads, t->max_smem);
        return false;
    }
    PtrVec params = kernel_params(a, p, k);
    ck->nparam = params.len;
    ck->params = ARENA_ARRAY(a, CgParam, params.len ? params.len : 1);
    for (int j = 0; j < params.len; j++)
        ck->params[j] = *(CgParam *)params.items[j];
    ck->nseg = k->nseg;
    ck->segs = ARENA_ARRAY(a, CgGridSeg, k->nseg);
    for (int s = 0; s < k->nseg; s++) {
        ck->segs[s].nouter = k->segs[s]->nouter;
        memcpy(ck->segs[s].outer, k->segs[s]->outer, sizeof(Dim) * IR_MAX_RANK);
        ck->segs[s].rows_per_block = k->segs[s]->sched.rows_per_block;
    }
    ck->nalign = vector_needs(a, p, t, k, &ck->align);
    ck->name = k->name;
    ck->scalar_name = ck->nalign && !vector_only ? arena_printf(a, "%s_scalar", k->name) : NULL;
    ck->ops = graph_ops(a, p, k);
    if (ck->nalign)
        emit_kernel(o, p, t, k, ck->name, true, &params);
    if (!ck->nalign || !vector_only)
        emit_kernel(o, p, t, k, ck->nalign ? ck->scalar_name : ck->name, false, &params);
    return true;
}

bool cg_emit(const KProgram *p, const CgTarget *t, Arena *a, CgModule *m, Diag *d)
{
    Out o = {.arena = a};
    put(&o, "/* generated by sinter from graph %s; do not edit */\n", p->graph->name);
    put(&o, "%s", dialects[t->dialect].header);
    put(&o, "%.*s\n", (int)sinter_prelude_cuh_len, sinter_prelude_cuh);
    m->nkernel = p->nkernel;
    m->kernels = ARENA_ARRAY(a, CgKernel, p->nkernel ? p->nkernel : 1);
    for (int i = 0; i < p->nkernel; i++) {
        const Kernel *k = p->kernels[i];
        CgKernel *ck = &m->kernels[i];
        if (!emit_one(&o, p, t, k, a, ck, false, d))
            return false;
        if (k->few_rows && k->few_rows->block <= t->max_threads &&
            shared_bytes(k->few_rows) <= t->max_smem) {
            ck->few_rows = ARENA_NEW(a, CgKernel);
            /* no scalar variant: misaligned arguments take this kernel's
             * (the slow path either way; a quarter less to JIT-compile) */
            if (!emit_one(&o, p, t, k->few_rows, a, ck->few_rows, true, d))
                return false;
            ck->few_rows_grid_per_sm = k->few_rows_grid_per_sm;
        }
    }
    m->source = o.buf;
    return true;
}

/* The formula is the runtime's (bundle_format.h), so both agree. */
int64_t cg_grid(const CgKernel *k, const int64_t *symvals)
{
    int64_t total = 0;
    for (int s = 0; s < k->nseg; s++) {
        int64_t rows = 1;
        for (int i = 0; i < k->segs[s].nouter; i++)
            rows = snb_rows_mul(rows, dim_eval(k->segs[s].outer[i], symvals));
        total = snb_grid_add(total, rows, k->segs[s].rows_per_block);
    }
    return total;
}
