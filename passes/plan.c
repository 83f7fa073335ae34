/* plan.c - the planning pass: every decision codegen prints, recorded in
 * the kernel IR (KPlan per segment, KAlign and shared memory per kernel;
 * kernel.h states what each field means).
 *
 * Requires: a verified KProgram with schedules (pass_kernelize).  Keeps:
 * everything else.  Produces: KSegment.plan for every segment of every
 * kernel and of its few-rows variant, Kernel.align / nalign / smem_bytes.
 *
 * Decisions:
 *   - phases, the values kept in registers and where per-row ops go
 *     (plan_phases, below);
 *   - each row load's window (split_run: e0 + j through +, *, / and % by
 *     constants as base(e0) + off[j]; RoPE pairs (v/2*2 + 128), cos/sin
 *     rows (v/2)) and each row store's vector width: 4, 8 or 16 bytes,
 *     aligned whenever the kernel's KAlign list holds;
 *   - prefetch slots (plan_prefetch): a phase of a static schedule first
 *     issues the vector loads of streamed per-row data for all its runs
 *     (chunks x one load per window), then computes: every DRAM load of a
 *     lane is in flight at once, instead of one run's loads per
 *     compute-and-store step (which branches and stores keep the compiler
 *     from reordering).  Weights join them when the schedule says so
 *     (prefetch_weights), issued with the first phase and held: a weight
 *     read only after a reduction (RMSNorm's w) is then not a second round
 *     trip to memory after the team reduction's barrier;
 *   - streaming (plan_stream): a static row the registers cannot hold
 *     (the schedule is not persistent: the values kept across reductions
 *     would pass the register budget; or one phase's runs would bring in
 *     more than the budget at once) is walked by each phase in steps of a
 *     few runs per lane (KPhase.stream), each step prefetching only its own
 *     runs: a later phase re-reads its inputs from memory and recomputes
 *     the elementwise ops on them (nothing is kept), reductions accumulate
 *     across the steps in the unstreamed order, and the last phase stores
 *     the outputs step by step.  A 256,000-wide softmax row held its 63
 *     runs' prefetched loads at once before: ptxas (sm_90, 64 registers at
 *     1024 threads) spilled 4.3 KB per thread;
 *   - reciprocal rewrites (recip_divisor);
 *   - masked reductions (plan_masked): a fold of where(m, x, c) folds x
 *     where m holds and leaves the other elements out;
 *   - direct f8 encoding of a stored cast. */
#include <math.h>
#include <string.h>

#include "passes.h"
#include "scalar.h"

/* A streamed phase's step: at most STREAM_RUNS runs and STREAM_ELEMS
 * elements per lane, whose loads take at most STREAM_WORDS 32-bit
 * registers (four 16-byte loads in flight per lane, what the scheduler's
 * RUNS_PER_LANE gives a persistent row; passes/schedule.c). */
#define STREAM_RUNS 8
#define STREAM_ELEMS 32
#define STREAM_WORDS 16

typedef struct {
    Arena *a;
    const KProgram *p;
    const KSegment *seg;
    KPlan *pl;
    int64_t n;                 /* static row length or -1 */
    bool whole_runs;           /* a symbolic row of a split kernel: its length is a
                                  multiple of vec (kernelize.c), every run is whole */
    char *rowdata;             /* per op: depends on per-row data (worth keeping) */
    bool caching;              /* persistent schedule: later phases read registers */
    char *memo;                /* per op: scratch of waits_on_reduce */
    int *early;                /* per weight load: its slot, issued by the first phase */
    bool prefetched;           /* a phase has issued its loads */
} Pl;

static const KOp *op_of(const Pl *x, int i)
{
    return x->seg->ops.items[i];
}

/* ------------------------------------------------------ index facts */

/* Conservative: e is a multiple of v for every value of its vars. */
static bool ix_multiple(const IxExpr *e, int v)
{
    switch (e->kind) {
    case IX_CONST: return e->c % v == 0;
    case IX_DIM: return e->dim.coef % v == 0;
    case IX_ADD: return ix_multiple(e->a, v) && ix_multiple(e->b, v);
    case IX_MUL: return ix_multiple(e->a, v) || ix_multiple(e->b, v);
    case IX_MOD: return ix_multiple(e->a, v) && ix_multiple(e->b, v); /* a - b floor(a/b) */
    default: return false;
    }
}

/* Does e use a row variable (with_vals: or any IX_VAL leaf)? */
static bool ix_uses_row(const Pl *x, const IxExpr *e, bool with_vals)
{
    switch (e->kind) {
    case IX_VAR: return e->c >= x->seg->nouter;
    case IX_VAL: return with_vals;
    case IX_CONST: case IX_DIM: return false;
    default: return ix_uses_row(x, e->a, with_vals) || ix_uses_row(x, e->b, with_vals);
    }
}

static bool ix_has_val(const IxExpr *e)
{
    if (e->kind == IX_VAL)
        return true;
    return e->kind >= IX_ADD && (ix_has_val(e->a) || ix_has_val(e->b));
}

/* Is e exactly `row var + (row-free multiple of v)`? */
static bool ix_contiguous(const Pl *x, const IxExpr *e, int v)
{
    const KSegment *s = x->seg;
    if (s->nrow != 1)
        return false;
    if (e->kind == IX_VAR)
        return e->c == s->nouter;
    if (e->kind != IX_ADD)
        return false;
    const IxExpr *a = e->a, *b = e->b;
    if (ix_contiguous(x, a, v) && !ix_uses_row(x, b, true) && ix_multiple(b, v))
        return true;
    return ix_contiguous(x, b, v) && !ix_uses_row(x, a, true) && ix_multiple(a, v);
}

static bool ix_reads_row_value(const Pl *x, const IxExpr *e)
{
    if (e->kind == IX_VAL)
        return op_of(x, (int)e->c)->row;
    return e->kind >= IX_ADD && (ix_reads_row_value(x, e->a) || ix_reads_row_value(x, e->b));
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

static bool vector_bytes(int bytes)
{
    return bytes == 16 || bytes == 8 || bytes == 4;
}

/* A run's index e = e0 + j split as base(e0) + off[j]; base_m is base with
 * the row var written vec * r' (for divisibility). */
typedef struct {
    IxExpr *base, *base_m;
    int off[16];
    bool ok;
} Split;
static Split split_run(const Pl *x, const IxExpr *e);
static bool whole_run(const Pl *x, Split l);
static bool run_constant(const Pl *x, const IxExpr *e);

/* Can a row store move a run of vec contiguous elements at once? */
static bool vector_store(const Pl *x, const KStore *st)
{
    const KBuf *b = &x->p->bufs[st->buf];
    int v = x->seg->sched.vec;
    if (v < 2 || b->rank == 0 || !vector_bytes(dt_size(b->dtype) * v) ||
        (x->n < 0 && !x->whole_runs))
        return false;
    if (st->mask && st->mask->row)
        return false;
    if (x->n < 0) { /* whole runs of a split part: contiguous through / and % */
        for (int k = 0; k < b->rank - 1; k++)
            if (ix_reads_row_value(x, st->idx[k]) || !run_constant(x, st->idx[k]))
                return false;
        Split sp = split_run(x, st->idx[b->rank - 1]);
        if (!sp.ok || !whole_run(x, sp))
            return false;
        return b->kind == KB_INPUT || dense_strides_multiple(b, v);
    }
    for (int k = 0; k < b->rank - 1; k++) /* a per-row value (a scatter's row) may appear */
        if (ix_uses_row(x, st->idx[k], false) || ix_reads_row_value(x, st->idx[k]))
            return false;
    if (!ix_contiguous(x, st->idx[b->rank - 1], v))
        return false;
    return b->kind == KB_INPUT || dense_strides_multiple(b, v);
}

/* Can a lane write row store st of a sub-byte (f4e2m1: two per byte)
 * buffer a whole byte at a time?  Its runs of vec (even) elements are
 * contiguous in the buffer's last dim from an even element (row offset and
 * outer strides even), and the row length is even, so elements 2i and 2i+1
 * of every byte belong to one run of one lane.  Codegen refuses any other
 * store of such a buffer. */
static bool packed_store(const Pl *x, const KStore *st)
{
    const KBuf *b = &x->p->bufs[st->buf];
    int v = x->seg->sched.vec;
    if (!st->row || v < 2 || b->rank == 0 || x->seg->nrow != 1 || x->seg->row[0].coef % 2)
        return false;
    for (int k = 0; k < b->rank - 1; k++) /* per-row values (a scatter's slot) are fine */
        if (ix_uses_row(x, st->idx[k], false) || ix_reads_row_value(x, st->idx[k]))
            return false;
    if (!ix_contiguous(x, st->idx[b->rank - 1], 2))
        return false;
    return b->kind == KB_INPUT || dense_strides_multiple(b, 2);
}

/* ------------------------------------------------------- window loads */

static Split split_leaf(const Pl *x, const IxExpr *e)
{
    int v = x->seg->sched.vec, row = x->seg->nouter;
    Split r = {.base = (IxExpr *)e, .base_m = (IxExpr *)e, .ok = true};
    if (e->kind != IX_VAR || e->c < row)
        return r;
    if (e->c > row)
        return (Split){.ok = false};
    r.base_m = ix_mul(x->a, ix_var(x->a, row), ix_const(x->a, v));
    for (int j = 0; j < v; j++)
        r.off[j] = j;
    return r;
}

static Split split_mul(const Pl *x, const IxExpr *e, Split l, Split rr)
{
    int v = x->seg->sched.vec;
    bool rconst = e->b->kind == IX_CONST && e->b->c > 0;
    Split r = {.ok = true};
    for (int j = 0; j < v; j++)
        if (rr.off[j])
            return (Split){.ok = false};
    if (!(rconst || e->b->kind == IX_DIM))
        return (Split){.ok = false};
    for (int j = 0; j < v; j++) {
        if (l.off[j] && !rconst)
            return (Split){.ok = false};
        r.off[j] = l.off[j] * (int)(rconst ? e->b->c : 0);
    }
    r.base = ix_mul(x->a, l.base, e->b);
    r.base_m = ix_mul(x->a, l.base_m, e->b);
    return r;
}

/* Is l a whole run, offsets 0 .. v-1 from a multiple of v? */
static bool whole_run(const Pl *x, Split l)
{
    int v = x->seg->sched.vec;
    for (int j = 0; j < v; j++)
        if (l.off[j] != j)
            return false;
    return ix_multiple(l.base_m, v);
}

static Split split_divmod(const Pl *x, const IxExpr *e, Split l)
{
    int v = x->seg->sched.vec;
    bool rconst = e->b->kind == IX_CONST && e->b->c > 0;
    int64_t c = rconst ? e->b->c : 0;
    /* a whole run by a multiple of v: it never crosses a multiple of c
     * (a split reduction's part of a [T, 4096] row, (p*16T + e) % 4096;
     * only there for now: elsewhere it would vectorize RoPE's halves,
     * (v % 64), which no measurement has asked for yet) */
    if (x->whole_runs && rconst && c % v == 0 && whole_run(x, l)) {
        bool div = e->kind == IX_DIV;
        Split r = {.ok = true};
        for (int j = 0; j < v; j++)
            r.off[j] = div ? 0 : l.off[j];
        r.base = div ? ix_div(x->a, l.base, e->b) : ix_mod(x->a, l.base, e->b);
        r.base_m = div ? ix_div(x->a, l.base_m, e->b) : ix_mod(x->a, l.base_m, e->b);
        return r;
    }
    if (!rconst || v % c || !ix_multiple(l.base_m, (int)c))
        return (Split){.ok = false};
    Split r = {.ok = true};
    bool div = e->kind == IX_DIV;
    for (int j = 0; j < v; j++)
        r.off[j] = div ? l.off[j] / (int)c : l.off[j] % (int)c;
    r.base = div ? ix_div(x->a, l.base, e->b) : ix_const(x->a, 0);
    r.base_m = div ? ix_div(x->a, l.base_m, e->b) : ix_const(x->a, 0);
    return r;
}

/* No window where the last dim's index holds a gathered value (a table
 * flattened into one dim, p[idx * 64 + j]): codegen clamps such an index
 * into the dim so that a bad value cannot fault, and a vector load from a
 * clamped base would read past the end, misaligned. */
static Split split_run(const Pl *x, const IxExpr *e)
{
    if (e->kind == IX_VAL)
        return (Split){.ok = false};
    /* run-constant (a split part's whole run: any row-free term; one
     * holding a value goes down to its IX_VAL leaf, no window) */
    if (e->kind < IX_ADD || (x->whole_runs && !ix_uses_row(x, e, true)))
        return split_leaf(x, e);
    Split l = split_run(x, e->a), rr = split_run(x, e->b);
    if (!l.ok || !rr.ok)
        return (Split){.ok = false};
    switch (e->kind) {
    case IX_ADD: {
        Split r = {.ok = true};
        r.base = ix_add(x->a, l.base, rr.base);
        r.base_m = ix_add(x->a, l.base_m, rr.base_m);
        for (int j = 0; j < x->seg->sched.vec; j++)
            r.off[j] = l.off[j] + rr.off[j];
        return r;
    }
    case IX_MUL: return split_mul(x, e, l, rr);
    case IX_DIV: case IX_MOD: return split_divmod(x, e, l);
    default: return (Split){.ok = false};
    }
}

/* A constant left in the base that breaks alignment moves into the
 * offsets: (v/2*2 + 129) reads window (v/2*2 + 128) at odd offsets. */
static void realign(const Pl *x, Split *sp)
{
    if (sp->base->kind != IX_ADD || sp->base->b->kind != IX_CONST || sp->base_m->kind != IX_ADD)
        return;
    int64_t c = sp->base->b->c, rem = c % 16;
    if (!rem || ix_multiple(sp->base_m, 2))
        return;
    sp->base = ix_add(x->a, sp->base->a, ix_const(x->a, c - rem));
    sp->base_m = ix_add(x->a, sp->base_m->a, ix_const(x->a, c - rem));
    for (int j = 0; j < x->seg->sched.vec; j++)
        sp->off[j] += (int)rem;
}

/* Is e the same for every element of a run (e0 .. e0 + vec - 1)?  Free of
 * the row var, or a whole run divided by a multiple of vec. */
static bool run_constant(const Pl *x, const IxExpr *e)
{
    if (!ix_uses_row(x, e, false))
        return true;
    Split sp = split_run(x, e);
    for (int j = 0; sp.ok && j < x->seg->sched.vec; j++)
        sp.ok = sp.off[j] == 0;
    return sp.ok;
}

/* The window of row load op (KOpPlan.width, win, off), if one aligned
 * vector load of 4, 8 or 16 bytes can serve each run. */
static void plan_window(const Pl *x, const KOp *op, KOpPlan *lp)
{
    const KBuf *b = &x->p->bufs[op->a.load.buf];
    IxExpr *const *idx = op->a.load.idx;
    int v = x->seg->sched.vec;
    if (v < 2 || b->rank == 0 || (x->n < 0 && !x->whole_runs) || x->seg->nrow != 1 ||
        dt_bits(b->dtype) < 8)
        return; /* sub-byte buffers: element loads (a nibble each) */
    for (int k = 0; k < b->rank - 1; k++)
        if (ix_reads_row_value(x, idx[k]) || !run_constant(x, idx[k]))
            return;
    Split sp = split_run(x, idx[b->rank - 1]);
    if (!sp.ok)
        return;
    realign(x, &sp);
    int hi = 0;
    for (int j = 0; j < v; j++) {
        if (sp.off[j] < 0)
            return;
        hi = sp.off[j] > hi ? sp.off[j] : hi;
    }
    int width = 1;
    while (width <= hi)
        width *= 2;
    if (!vector_bytes(width * dt_size(b->dtype)) || !ix_multiple(sp.base_m, width))
        return;
    if (b->kind != KB_INPUT && !dense_strides_multiple(b, width))
        return;
    memcpy(lp->win, idx, sizeof(IxExpr *) * (size_t)b->rank);
    lp->win[b->rank - 1] = sp.base;
    lp->width = width;
    for (int j = 0; j < v; j++)
        lp->off[j] = (int8_t)sp.off[j];
}

/* ------------------------------------------------------- reciprocals */

/* How deep the value analyses below look (op inputs followed): beyond
 * it a value is unknown.  They recurse into every input without a memo,
 * so a chain of ops that each read the previous one twice would take 2^n
 * steps (a hang on a hostile source); the scales they look for are a few
 * ops deep. */
enum { VALUE_DEPTH = 10 };

/* Bounds of |value| over its finite values, for a per-row op: [lo, hi]
 * (hi = FLT_MAX when unknown); NaN and infinities are not bounded here.
 * depth: VALUE_DEPTH at the top. */
static void abs_bounds(const KOp *op, double *lo, double *hi, int depth)
{
    double l0, h0, l1, h1;
    *lo = 0;
    *hi = 3.4028234663852886e38;
    if (depth <= 0)
        return;
    if (op->kind == KO_CONST) {
        *lo = *hi = op->a.cnst.f < 0 ? -op->a.cnst.f : op->a.cnst.f;
    } else if (op->kind == KO_CAST) {
        if (op->dtype == DT_F32 && dt_is_float(op->in[0]->dtype))
            abs_bounds(op->in[0], lo, hi, depth - 1);
    } else if (op->kind == KO_BINARY && dt_is_float(op->dtype)) {
        abs_bounds(op->in[0], &l0, &h0, depth - 1);
        abs_bounds(op->in[1], &l1, &h1, depth - 1);
        if (op->a.binary == BIN_MAX && op->in[1]->kind == KO_CONST && op->in[1]->a.cnst.f > 0) {
            *lo = op->in[1]->a.cnst.f; /* max(a, c) >= c > 0 */
            *hi = h0 > h1 ? h0 : h1;
        } else if (op->a.binary == BIN_DIV && op->in[1]->kind == KO_CONST && l1 >= 1) {
            *lo = l0 / h1;
            *hi = h0 / l1;
        }
    }
}

/* Is op's value 2^k (or NaN) for every input, with k in [*lo, *hi]?  An
 * f8e8m0 value (a cast to it, or one loaded from it) is 2^k with
 * -127 <= k <= 127, or NaN; a constant may be one; products, quotients,
 * maxima, minima and selections of them are, while k stays in f32's
 * exact range [-149, 127] (no rounding: a product of powers of two is
 * exact, and div.full.f32 of two powers of two is too, its reciprocal of
 * 2^k being exact).  An op's result is not rounded to its dtype (only casts
 * round), so the dtype of a binary op does not enter. */
static bool pow2_exponents(const KOp *op, int *lo, int *hi, int depth)
{
    int l0, h0, l1, h1;
    if (depth <= 0)
        return false;
    switch (op->kind) {
    case KO_CONST: {
        int e;
        double m = frexp(op->a.cnst.f, &e); /* f = m * 2^e, 0.5 <= |m| < 1 */
        if (!dt_is_float(op->dtype) || m != 0.5 || e - 1 < -149 || e - 1 > 127)
            return false;
        *lo = *hi = e - 1;
        return true;
    }
    case KO_LOAD: *lo = -127, *hi = 127; return op->dtype == DT_F8E8M0;
    case KO_CAST:
        if (op->dtype == DT_F8E8M0) {
            *lo = -127, *hi = 127;
            return true;
        }
        return op->dtype == DT_F32 && !op->a.cast.bitcast && dt_is_float(op->in[0]->dtype) &&
               pow2_exponents(op->in[0], lo, hi, depth - 1);
    case KO_WHERE:
        if (!pow2_exponents(op->in[1], &l0, &h0, depth - 1) ||
            !pow2_exponents(op->in[2], &l1, &h1, depth - 1))
            return false;
        *lo = l0 < l1 ? l0 : l1, *hi = h0 > h1 ? h0 : h1;
        return true;
    case KO_BINARY:
        if (!dt_is_float(op->dtype) || !pow2_exponents(op->in[0], &l0, &h0, depth - 1) ||
            !pow2_exponents(op->in[1], &l1, &h1, depth - 1))
            return false;
        switch (op->a.binary) {
        case BIN_MUL: *lo = l0 + l1, *hi = h0 + h1; break;
        case BIN_DIV: *lo = l0 - h1, *hi = h0 - l1; break;
        case BIN_MAX: *lo = l0 > l1 ? l0 : l1, *hi = h0 > h1 ? h0 : h1; break;
        case BIN_MIN: *lo = l0 < l1 ? l0 : l1, *hi = h0 < h1 ? h0 : h1; break;
        default: return false;
        }
        return *lo >= -149 && *hi <= 127;
    default: return false;
    }
}

/* Is op 2^k with -127 <= k <= 127 (or NaN)?  Then 1/op is exact in f32. */
static bool pow2_divisor(const KOp *op)
{
    int lo, hi;
    return dt_is_float(op->dtype) && pow2_exponents(op, &lo, &hi, VALUE_DEPTH) && lo >= -127 &&
           hi <= 127;
}

/* A row selection among per-row powers of two (DeepGEMM's UE8M0 group
 * quantization: where(group 0, s0, where(group 1, s1, ...)) over a
 * 512-wide row): a KO_WHERE tree whose conditions read no loaded data
 * (the selection is recomputed in the phase that divides, never kept)
 * and whose other operands are per-row 2^k, -127 <= k <= 127.  Its
 * reciprocal is the same selection among the leaves' reciprocals, each
 * computed once per row and exact. */
static bool recip_selection(const Pl *x, const KOp *op, int depth)
{
    if (depth <= 0)
        return false;
    if (!op->row)
        return pow2_divisor(op);
    return op->kind == KO_WHERE && !x->rowdata[op->id] && dt_is_float(op->dtype) &&
           recip_selection(x, op->in[1], depth - 1) && recip_selection(x, op->in[2], depth - 1);
}

/* Marks the selection tree of a recip division's divisor: its wheres
 * recip_sel, its leaves recip_src. */
static void mark_selection(Pl *x, const KOp *op)
{
    if (!op->row) {
        x->pl->op[op->id].recip_src = true;
        return;
    }
    x->pl->op[op->id].recip_sel = true;
    mark_selection(x, op->in[1]);
    mark_selection(x, op->in[2]);
}

/* x / s with s the same for the whole row is x * (1/s), the reciprocal
 * computed once per row with IEEE division: one multiply per element
 * instead of div.full's three instructions, within 1 ulp + 1/2 of the
 * exact quotient.  Only where |s| is provably normal with a normal
 * reciprocal (2^-126 <= |s| <= 2^126: per-row FP8 scales, max(amax, eps) /
 * 448): a subnormal s would make 1/s infinite (0 * inf = NaN where 0 / s is
 * 0).  s = inf (1/s = 0) and NaN give what the division gives. */
static bool recip_divisor(const Pl *x, const KOp *op)
{
    if (op->kind != KO_BINARY || op->a.binary != BIN_DIV || !dt_is_float(op->dtype) ||
        !op->in[0]->row || !dt_is_float(op->in[1]->dtype))
        return false;
    if (op->in[1]->row) /* a selection among per-row powers of two, or nothing */
        return op->in[1]->kind == KO_WHERE && recip_selection(x, op->in[1], VALUE_DEPTH);
    /* s = 2^k with -127 <= k <= 127 (an MX scale, or one divided by a
     * power of two and bounded below: aiter's MXFP4 scale), or NaN: 1/s is
     * exact in f32, so x * (1/s) IS the correctly rounded quotient
     * (subnormal results included), and the GPU quantizing by it is
     * bit-exact with the interpreter. */
    if (pow2_divisor(op->in[1]))
        return true;
    double lo, hi;
    abs_bounds(op->in[1], &lo, &hi, VALUE_DEPTH);
    return lo >= 0x1p-126 && hi <= 0x1p126;
}

/* --------------------------------------------------------- per op */

/* Is op's value the same for every element of a run, whichever the lane
 * (known per run where the kernel is compiled)?  Per-row values, and
 * element-wise ops of them and of the row index floor-divided by a group
 * size g that threads_per_row * vec divides (run c, lane l starts at
 * (c * tpr + l) * vec: its group is c * tpr * vec / g for every l). */
static bool run_uniform(const Pl *x, const KOp *op, int depth)
{
    const KSchedule *sc = &x->seg->sched;
    int64_t span = (int64_t)sc->threads_per_row * sc->vec;
    if (!op->row)
        return true;
    if (depth == 0 || x->n < 0 || sc->chunks <= 0)
        return false;
    int64_t g = kop_row_group(x->seg, op);
    if (g)
        return g % span == 0;
    if (op->kind != KO_UNARY && op->kind != KO_BINARY && op->kind != KO_WHERE &&
        op->kind != KO_CAST)
        return false;
    for (int k = 0; k < op->nin; k++)
        if (!run_uniform(x, op->in[k], depth - 1))
            return false;
    return true;
}

/* A masked reduction (KOpPlan.masked): red folds where(m, x, c) or
 * where(m, c, x), m the same for a whole run (run_uniform: the compiler
 * then folds each run into its accumulator or not, with no select per
 * element), c a constant that is the reduction's identity or that a max
 * or min folds once per lane (masked_any).  A mask that varies within a
 * run is left as a select: the same instructions, and no flag to keep. */
static void plan_masked(const Pl *x, const KOp *red, KOpPlan *lp)
{
    const KOp *w = red->in[0];
    if (red->kind != KO_REDUCE || w->kind != KO_WHERE || !run_uniform(x, w->in[0], VALUE_DEPTH))
        return;
    int side = w->in[2]->kind == KO_CONST ? 1 : w->in[1]->kind == KO_CONST ? 2 : 0;
    if (!side)
        return;
    const KOp *c = w->in[side == 1 ? 2 : 1], *v = w->in[side];
    bool flt = dt_is_float(w->dtype);
    /* the folded value is held as the where's value would be */
    if (flt ? !dt_is_float(v->dtype) : v->dtype != w->dtype)
        return;
    IrReduce k = red->a.reduce.kind;
    bool identity = flt ? (k == RED_SUM || k == RED_MEAN ? c->a.cnst.f == 0.0
                                                         : c->a.cnst.f == sc_red_identity_f(k))
                        : c->a.cnst.i == sc_red_identity_i(k);
    if (!identity && k != RED_MAX && k != RED_MIN)
        return;
    lp->masked = (int8_t)side;
    lp->masked_any = !identity;
}

/* A store of a cast to the buffer's own f8 (or f4e2m1) type encodes the cast's input
 * directly: one conversion instead of round-then-encode (for bf16/f16 the
 * rounded value is as cheap to store, and other ops may need it). */
static bool direct_cast(const KProgram *p, const KStore *st)
{
    const KOp *v = st->value;
    DType t = p->bufs[st->buf].dtype;
    return v->kind == KO_CAST && v->dtype == t && (dt_is_f8(t) || t == DT_F4E2M1) &&
           dt_is_float(v->in[0]->dtype) && !v->a.cast.bitcast;
}

static const KOp *stored_value(const Pl *x, int i)
{
    const KStore *st = x->seg->stores.items[i];
    return x->pl->store[i].direct ? st->value->in[0] : st->value;
}

static bool gathered(const Pl *x, const KOp *op)
{
    for (int k = 0; k < x->p->bufs[op->a.load.buf].rank; k++)
        if (ix_has_val(op->a.load.idx[k]))
            return true;
    return false;
}

static void plan_load(Pl *x, const KOp *op, KOpPlan *lp)
{
    if (op->kind != KO_LOAD || !op->row)
        return;
    lp->run = true;
    for (int k = 0; k < x->p->bufs[op->a.load.buf].rank; k++)
        lp->run = lp->run && !ix_reads_row_value(x, op->a.load.idx[k]);
    lp->group = gathered(x, op) ? 2 : x->rowdata[op->id] ? 0 : 1;
    if (lp->run)
        plan_window(x, op, lp);
}

static void plan_ops(Pl *x)
{
    const KSegment *seg = x->seg;
    for (int i = 0; i < seg->ops.len; i++) {
        const KOp *op = op_of(x, i);
        KOpPlan *lp = &x->pl->op[i];
        lp->phase = -1;
        x->rowdata[i] = op->kind == KO_LOAD && op->row && kop_load_per_row(x->p, seg, op);
        for (int k = 0; k < op->nin; k++)
            x->rowdata[i] = x->rowdata[i] || (op->row && x->rowdata[op->in[k]->id]);
        lp->recip = recip_divisor(x, op);
        if (lp->recip)
            mark_selection(x, op->in[1]);
        /* to(amax / 6.0, f8e8m0), to(x / s, f4e2m1): the scale rounds up
         * (a quotient one ulp above a power of two doubles it) and FP4's
         * ties are common, so the quotient must be the interpreter's to the
         * last bit (ops precede their users) */
        const KOp *in = op->nin ? op->in[0] : NULL;
        if (op->kind == KO_CAST && (op->dtype == DT_F8E8M0 || op->dtype == DT_F4E2M1) &&
            in->kind == KO_BINARY &&
            in->a.binary == BIN_DIV && dt_is_float(in->dtype) && !x->pl->op[in->id].recip)
            x->pl->op[in->id].exact_div = true;
        plan_masked(x, op, lp);
        plan_load(x, op, lp);
    }
    for (int i = 0; i < seg->stores.len; i++) {
        const KStore *st = seg->stores.items[i];
        KStorePlan *sp = &x->pl->store[i];
        sp->direct = direct_cast(x->p, st);
        sp->phase = -1;
        if (dt_bits(x->p->bufs[st->buf].dtype) < 8) {
            const KBuf *b = &x->p->bufs[st->buf];
            int v = seg->sched.vec;
            sp->width = packed_store(x, st) ? v : 0; /* byte by byte */
            /* runs of v codes from a multiple of v: one vector of v / 2 bytes */
            sp->packed_vector = sp->width && vector_bytes(v / 2) && x->n >= 0 &&
                                ix_contiguous(x, st->idx[b->rank - 1], v) &&
                                (b->kind == KB_INPUT || dense_strides_multiple(b, v));
        } else
            sp->width = st->row && vector_store(x, st) ? seg->sched.vec : 0;
    }
}

/* ----------------------------------------------------------- phases */

static void slice_vals(Pl *x, const IxExpr *e, char *need, int phase);

/* Marks the row ops phase `phase` needs to get op's value: KN_COMPUTE, or
 * KN_KEPT for a kept value an earlier phase computed. */
/* Additive terms of e (through ADD) into t[] and their constants into *c;
 * false past max terms. */
static bool sum_terms(const IxExpr *e, const IxExpr **t, int *n, int max, int64_t *c)
{
    if (e->kind == IX_ADD)
        return sum_terms(e->a, t, n, max, c) && sum_terms(e->b, t, n, max, c);
    if (e->kind == IX_CONST) {
        *c += e->c;
        return true;
    }
    if (*n == max)
        return false;
    t[(*n)++] = e;
    return true;
}

/* a == b up to the order and grouping of sums (constants folded). */
static bool same_sum(const IxExpr *a, const IxExpr *b)
{
    const IxExpr *ta[16], *tb[16];
    int na = 0, nb = 0;
    int64_t ca = 0, cb = 0;
    if (!sum_terms(a, ta, &na, 16, &ca) || !sum_terms(b, tb, &nb, 16, &cb) || na != nb ||
        ca != cb)
        return false;
    bool used[16] = {0};
    for (int i = 0; i < na; i++) {
        int j = 0;
        while (j < nb && (used[j] || !ix_equal(ta[i], tb[j])))
            j++;
        if (j == nb)
            return false;
        used[j] = true;
    }
    return true;
}

/* The kept load op equals at run `*chunk` of the same lane (KOpPlan.from),
 * or NULL: an exact persistent single-row-dim schedule, a per-row-data
 * load K of op's buffer computed in an earlier phase, and op's index is
 * K's with the row var e replaced by e % H + chunk * H. */
static const KOp *lane_partner(Pl *x, const KOp *op, int phase, int *chunk)
{
    const KSegment *seg = x->seg;
    const KSchedule *s = &seg->sched;
    int64_t h = (int64_t)s->threads_per_row * s->vec;
    if (op->kind != KO_LOAD || !x->caching || !x->pl->exact || seg->nrow != 1 ||
        s->chunks < 2)
        return NULL;
    int rank = x->p->bufs[op->a.load.buf].rank;
    for (int i = 0; i < seg->ops.len; i++) {
        const KOp *k = op_of(x, i);
        const KOpPlan *kp = &x->pl->op[i];
        if (k == op || k->kind != KO_LOAD || k->a.load.buf != op->a.load.buf || !k->row ||
            !x->rowdata[i] || kp->from || kp->phase < 0 || kp->phase >= phase)
            continue;
        for (int c = 0; c < s->chunks; c++) {
            IxExpr *sub[IR_MAX_RANK] = {0};
            for (int v = 0; v < seg->nouter; v++)
                sub[v] = ix_var(x->a, v);
            IxExpr *e = ix_var(x->a, seg->nouter);
            sub[seg->nouter] = ix_add(x->a, ix_mod(x->a, e, ix_const(x->a, h)),
                                      ix_const(x->a, c * h));
            bool same = true;
            for (int d = 0; d < rank && same; d++)
                same = same_sum(ix_subst(x->a, k->a.load.idx[d], sub), op->a.load.idx[d]);
            if (same) {
                *chunk = c;
                return k;
            }
        }
    }
    return NULL;
}

static void slice(Pl *x, const KOp *op, char *need, int phase)
{
    KOpPlan *lp = &x->pl->op[op->id];
    if (!op->row || need[op->id])
        return;
    if (x->caching && op->kind != KO_CONST && x->rowdata[op->id] && lp->phase >= 0 &&
        lp->phase < phase) {
        need[op->id] = KN_KEPT;
        lp->keep = true;
        return;
    }
    int chunk;
    const KOp *kept = lp->phase < 0 ? lane_partner(x, op, phase, &chunk) : NULL;
    if (kept) { /* the lane's own register of another run: no load */
        lp->from = kept->id + 1;
        lp->from_chunk = chunk;
        x->pl->op[kept->id].keep = true;
        need[op->id] = KN_KEPT;
        return;
    }
    need[op->id] = KN_COMPUTE;
    if (lp->phase < 0)
        lp->phase = phase;
    for (int i = 0; i < op->nin; i++)
        slice(x, op->in[i], need, phase);
    if (op->kind == KO_LOAD)
        for (int k = 0; k < x->p->bufs[op->a.load.buf].rank; k++)
            slice_vals(x, op->a.load.idx[k], need, phase);
    if (op->kind == KO_INDEX)
        slice_vals(x, op->a.index.expr, need, phase);
}

static void slice_vals(Pl *x, const IxExpr *e, char *need, int phase)
{
    if (e->kind == IX_VAL) {
        slice(x, op_of(x, (int)e->c), need, phase);
    } else if (e->kind >= IX_ADD) {
        slice_vals(x, e->a, need, phase);
        slice_vals(x, e->b, need, phase);
    }
}

/* Does op depend (through operands or gathered indices) on a reduction
 * not yet folded (done[id] == 0)?  memo[id]: 0 unknown, 1 no, 2 yes. */
static bool waits_on_reduce(const Pl *x, const KOp *op, const char *done);

static bool ix_waits(const Pl *x, const IxExpr *e, const char *done)
{
    if (e->kind == IX_VAL)
        return waits_on_reduce(x, op_of(x, (int)e->c), done);
    return e->kind >= IX_ADD && (ix_waits(x, e->a, done) || ix_waits(x, e->b, done));
}

static bool waits_on_reduce(const Pl *x, const KOp *op, const char *done)
{
    char *memo = x->memo;
    if (memo[op->id])
        return memo[op->id] == 2;
    bool w = op->kind == KO_REDUCE && !done[op->id];
    for (int i = 0; i < op->nin && !w; i++)
        w = waits_on_reduce(x, op->in[i], done);
    if (op->kind == KO_LOAD)
        for (int k = 0; k < x->p->bufs[op->a.load.buf].rank && !w; k++)
            w = ix_waits(x, op->a.load.idx[k], done);
    if (op->kind == KO_INDEX && !w)
        w = ix_waits(x, op->a.index.expr, done);
    memo[op->id] = w ? 2 : 1;
    return w;
}

/* Does the segment load the (written) buffer store st writes?  Then the
 * store waits for the last phase, after every phase that may load the
 * buffer: a lane's element is read (in this phase's run, before the store,
 * or in an earlier phase) before it is overwritten (passes/dest.c proves
 * the rest: no other lane or row reads it). */
static bool reads_own_dest(const Pl *x, const KStore *st)
{
    if (!x->p->bufs[st->buf].written)
        return false;
    for (int i = 0; i < x->seg->ops.len; i++) {
        const KOp *op = op_of(x, i);
        if (op->kind == KO_LOAD && op->a.load.buf == st->buf)
            return true;
    }
    return false;
}

/* The phase's reductions (folded together: one pass, one barrier) and
 * row stores (a value is stored in the first phase that can: its stores
 * are in flight while the team reduces; residual add + RMSNorm stores h
 * in the phase of the sum of squares); the last phase folds none and
 * takes the remaining stores.  Returns the number of reductions. */
static int phase_work(Pl *x, KPhase *ph, const char *done, char *stored)
{
    const KSegment *seg = x->seg;
    size_t nops = (size_t)seg->ops.len;
    ph->red = ARENA_ARRAY(x->a, int, nops + 1);
    ph->store = arena_alloc(x->a, (size_t)seg->stores.len + 1);
    memset(x->memo, 0, nops);
    for (int i = 0; i < seg->ops.len; i++) {
        const KOp *op = op_of(x, i);
        if (op->kind == KO_REDUCE && !done[i] && !waits_on_reduce(x, op->in[0], done))
            ph->red[ph->nred++] = i;
    }
    memset(x->memo, 0, nops);
    for (int i = 0; i < seg->stores.len; i++) {
        const KStore *st = seg->stores.items[i];
        ph->store[i] = st->row && !stored[i] &&
                       (ph->nred == 0 || (!waits_on_reduce(x, stored_value(x, i), done) &&
                                          !reads_own_dest(x, st)));
        stored[i] |= ph->store[i];
    }
    return ph->nred;
}

static bool same_window(const Pl *x, int i, int j)
{
    const KOpPlan *a = &x->pl->op[i], *b = &x->pl->op[j];
    int bi = op_of(x, i)->a.load.buf;
    if (op_of(x, j)->a.load.buf != bi || !a->width || a->width != b->width)
        return false;
    for (int k = 0; k < x->p->bufs[bi].rank; k++)
        if (!ix_equal(a->win[k], b->win[k]))
            return false;
    return true;
}

/* Prefetch slot of op i in phase ph (see KPhase.pf); true when the phase
 * declares a slot of its own for it. */
static bool prefetch_slot(Pl *x, KPhase *ph, int i, bool first)
{
    const KOp *op = op_of(x, i);
    const KSchedule *s = &x->seg->sched;
    const KOpPlan *lp = &x->pl->op[i];
    bool weight = op->kind == KO_LOAD && op->row && !x->rowdata[i];
    bool early = first && weight && s->prefetch_weights;
    if ((ph->need[i] != KN_COMPUTE && !early) || !lp->run || !lp->width)
        return false;
    if (weight && !s->prefetch_weights) /* weights: cache hits, per run */
        return false;
    if (x->early[i]) { /* issued by the first phase */
        ph->pf[i] = x->early[i];
        return false;
    }
    ph->pf[i] = i + 1;
    for (int j = 0; j < i; j++)
        if (ph->pf[j] == j + 1 && same_window(x, j, i))
            ph->pf[i] = j + 1;
    if (weight)
        x->early[i] = ph->pf[i];
    return ph->pf[i] == i + 1;
}

static void plan_prefetch(Pl *x, KPhase *ph)
{
    const KSegment *seg = x->seg;
    ph->pf = ARENA_ARRAY(x->a, int, (size_t)seg->ops.len + 1);
    ph->pfload = arena_alloc(x->a, (size_t)seg->ops.len + 1);
    if (ph->empty || seg->sched.chunks <= 0)
        return;
    bool first = !x->prefetched, any = false;
    x->prefetched = true;
    for (int i = 0; i < seg->ops.len; i++)
        if (prefetch_slot(x, ph, i, first)) {
            ph->pfload[i] = 2;
            any = true;
        }
    for (int i = 0; any && i < seg->ops.len; i++)
        if (ph->pf[i] == i + 1 && !ph->pfload[i])
            ph->pfload[i] = 1;
}

static bool vals_ready(const char *done, const IxExpr *e)
{
    if (e->kind == IX_VAL)
        return done[e->c];
    return e->kind < IX_ADD || (vals_ready(done, e->a) && vals_ready(done, e->b));
}

/* Per-row ops whose operands exist after `stage` - 1 phases: stage. */
static void place_per_row(Pl *x, char *done, int stage)
{
    for (int i = 0; i < x->seg->ops.len; i++) {
        const KOp *op = op_of(x, i);
        bool ready = !op->row && !done[i] && op->kind != KO_REDUCE;
        for (int k = 0; ready && k < op->nin; k++)
            ready = done[op->in[k]->id];
        for (int k = 0; ready && op->kind == KO_LOAD && k < x->p->bufs[op->a.load.buf].rank; k++)
            ready = vals_ready(done, op->a.load.idx[k]);
        if (ready && op->kind == KO_INDEX)
            ready = vals_ready(done, op->a.index.expr);
        if (ready) {
            done[i] = 1;
            x->pl->op[i].phase = stage;
        }
    }
}

static void plan_phases(Pl *x)
{
    const KSegment *seg = x->seg;
    size_t nops = (size_t)seg->ops.len;
    char *done = arena_alloc(x->a, nops + 1), *stored = arena_alloc(x->a, (size_t)seg->stores.len + 1);
    PtrVec phases = {0};
    place_per_row(x, done, 0);
    for (;;) {
        KPhase *ph = ARENA_NEW(x->a, KPhase);
        int np = phases.len, ng = phase_work(x, ph, done, stored);
        ph->need = arena_alloc(x->a, nops + 1);
        bool any = ng > 0;
        for (int g = 0; g < ng; g++) { /* a masked fold reads the where's operands */
            const KOp *w = op_of(x, ph->red[g])->in[0];
            int m = x->pl->op[ph->red[g]].masked;
            slice(x, m ? w->in[0] : w, ph->need, np);
            if (m)
                slice(x, w->in[m], ph->need, np);
        }
        for (int i = 0; i < seg->stores.len; i++)
            if (ph->store[i]) {
                slice(x, stored_value(x, i), ph->need, np);
                x->pl->store[i].phase = np;
                any = true;
            }
        ph->empty = !any;
        plan_prefetch(x, ph);
        ptrvec_push(x->a, &phases, ph);
        for (int g = 0; g < ng; g++) {
            done[ph->red[g]] = 1;
            x->pl->op[ph->red[g]].phase = np;
        }
        place_per_row(x, done, np + 1);
        if (ng == 0)
            break;
    }
    x->pl->nphase = phases.len;
    x->pl->phases = ARENA_ARRAY(x->a, KPhase, (size_t)phases.len);
    for (int i = 0; i < phases.len; i++)
        x->pl->phases[i] = *(KPhase *)phases.items[i];
}

/* ---------------------------------------------------------- streaming */

/* 32-bit registers the row loads of one run of phase ph bring in. */
static int run_words(const Pl *x, const KPhase *ph)
{
    int words = 0, v = x->seg->sched.vec;
    for (int i = 0; i < x->seg->ops.len; i++)
        if (ph->need[i] == KN_COMPUTE && x->pl->op[i].run) {
            int bytes = v * dt_size(x->p->bufs[op_of(x, i)->a.load.buf].dtype);
            words += (bytes + 3) / 4;
        }
    return words;
}

/* KPhase.stream of every phase (kernel.h): a static schedule that keeps
 * nothing in registers across phases (no kept values, no weights issued
 * ahead) streams a phase when the schedule is not persistent or the
 * phase's runs would bring in more than the register budget at once; the
 * step is the largest divisor of chunks within STREAM_RUNS runs,
 * STREAM_ELEMS elements and STREAM_WORDS registers of loads (at least 1). */
static void plan_stream(Pl *x)
{
    const KSchedule *s = &x->seg->sched;
    int budget = x->p->target.reg_budget;
    if (x->n < 0 || s->chunks < 1 || s->prefetch_weights)
        return;
    for (int i = 0; i < x->seg->ops.len; i++)
        if (x->pl->op[i].keep || x->pl->op[i].from)
            return;
    for (int p = 0; p < x->pl->nphase; p++) {
        KPhase *ph = &x->pl->phases[p];
        int words = run_words(x, ph);
        if (ph->empty || (s->persistent && (int64_t)s->chunks * words <= budget))
            continue;
        int step = 1;
        for (int d = 2; d <= STREAM_RUNS && d <= s->chunks; d++)
            if (s->chunks % d == 0 && d * s->vec <= STREAM_ELEMS && d * words <= STREAM_WORDS)
                step = d;
        ph->stream = step;
    }
}

/* ----------------------------------------------------------- segments */

static int shared_bytes(const KSegment *seg, int wave)
{
    int bytes = 0;
    if (seg->sched.threads_per_row <= wave)
        return 0;
    for (int i = 0; i < seg->ops.len; i++) {
        const KOp *op = seg->ops.items[i];
        if (op->kind == KO_REDUCE)
            bytes += seg->sched.rows_per_block * (seg->sched.threads_per_row / wave) *
                     (dt_is_float(op->dtype) ? 4 : 8);
    }
    return bytes;
}

static KPlan *plan_segment(Arena *a, const KProgram *p, const Kernel *k, const KSegment *seg)
{
    size_t nops = (size_t)seg->ops.len + 1;
    KPlan *pl = ARENA_NEW(a, KPlan);
    Pl x = {.a = a, .p = p, .seg = seg, .pl = pl, .n = kseg_static_row_len(seg)};
    /* a split kernel's symbolic part: a multiple of 16 elements (kernelize.c) */
    x.whole_runs = x.n < 0 && k->split && seg->nrow == 1 && seg->row[0].coef % seg->sched.vec == 0;
    x.rowdata = arena_alloc(a, nops);
    x.memo = arena_alloc(a, nops);
    x.early = ARENA_ARRAY(a, int, nops);
    x.caching = seg->sched.persistent && seg->sched.chunks > 0;
    pl->op = ARENA_ARRAY(a, KOpPlan, nops);
    pl->store = ARENA_ARRAY(a, KStorePlan, (size_t)seg->stores.len + 1);
    const KSchedule *s = &seg->sched;
    pl->exact = x.n >= 0 && s->chunks > 0 && (int64_t)s->threads_per_row * s->vec * s->chunks == x.n;
    pl->smem_bytes = shared_bytes(seg, p->target.wave);
    plan_ops(&x);
    plan_phases(&x);
    plan_stream(&x);
    return pl;
}

/* The vector variant's needs: per buffer it moves with vector accesses,
 * the first such access's bytes (loads, then stores, segment by segment). */
static void plan_align(Arena *a, const KProgram *p, Kernel *k)
{
    PtrVec v = {0};
    char *seen = arena_alloc(a, (size_t)p->nbuf + 1);
    for (int s = 0; s < k->nseg; s++) {
        const KSegment *seg = k->segs[s];
        const KPlan *pl = seg->plan;
        for (int i = 0; i < seg->ops.len + seg->stores.len; i++) {
            bool load = i < seg->ops.len;
            int buf = load ? ((const KOp *)seg->ops.items[i])->a.load.buf
                           : ((const KStore *)seg->stores.items[i - seg->ops.len])->buf;
            int width = load ? (pl->op[i].run ? pl->op[i].width : 0)
                             : pl->store[i - seg->ops.len].width;
            if (!width || seen[buf])
                continue; /* (buf is a load's only when it has a width) */
            bool packed = dt_bits(p->bufs[buf].dtype) < 8;
            if (packed && (load || !pl->store[i - seg->ops.len].packed_vector))
                continue;
            seen[buf] = 1;
            KAlign *al = ARENA_NEW(a, KAlign);
            *al = (KAlign){buf, packed ? width / 2 : width * dt_size(p->bufs[buf].dtype),
                           p->bufs[buf].kind == KB_INPUT ? seg->sched.vec : 1};
            ptrvec_push(a, &v, al);
        }
    }
    k->nalign = v.len;
    k->align = ARENA_ARRAY(a, KAlign, v.len ? (size_t)v.len : 1);
    for (int i = 0; i < v.len; i++)
        k->align[i] = *(KAlign *)v.items[i];
}

static void plan_kernel(Arena *a, const KProgram *p, Kernel *k)
{
    k->smem_bytes = 0;
    for (int s = 0; s < k->nseg; s++) {
        k->segs[s]->plan = plan_segment(a, p, k, k->segs[s]);
        k->smem_bytes += k->segs[s]->plan->smem_bytes;
    }
    plan_align(a, p, k);
}

void pass_plan(KProgram *p, Arena *a)
{
    for (int i = 0; i < p->nkernel; i++) {
        plan_kernel(a, p, p->kernels[i]);
        if (p->kernels[i]->few_rows)
            plan_kernel(a, p, p->kernels[i]->few_rows);
    }
}
