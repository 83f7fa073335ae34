/* kernel_verify.c - kir_verify: structural checks of everything kernel.h
 * states. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "kernel_impl.h"

/* ---- verifier ------------------------------------------------------------------------- */

typedef struct {
    const KProgram *p;
    Diag *d;
    bool ok;
    int ki, si;           /* where we are (-1: not in a kernel / segment) */
} Ck;

static Span op_span(const Ck *c, const KOp *o)
{
    const IrGraph *g = c->p->graph;
    if (g && o && o->node >= 0 && o->node < g->nodes.len)
        return ((const IrNode *)g->nodes.items[o->node])->span;
    return g ? g->span : (Span){0};
}

/* One error: "kernel IR verifier: kernel 'k' segment 1 op k4: what". */
static void fail(Ck *c, const KOp *o, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void fail(Ck *c, const KOp *o, const char *fmt, ...)
{
    char what[512], where[256];
    int pos = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    where[0] = 0;
    if (c->ki >= 0) {
        const Kernel *k = c->p->kernels[c->ki];
        kir_bprintf(where, sizeof where, &pos, " kernel %d '%s'", c->ki,
                k && k->name ? k->name : "?");
    }
    if (c->si >= 0)
        kir_bprintf(where, sizeof where, &pos, " segment %d", c->si);
    if (o)
        kir_bprintf(where, sizeof where, &pos, " op k%d", o->id);
    c->ok = false;
    diag_error(c->d, op_span(c, o), "kernel IR verifier:%s: %s", where[0] ? where : " program",
               what);
}

static bool is_pow2(int64_t x)
{
    return x > 0 && (x & (x - 1)) == 0;
}

static bool dim_ok(const KProgram *p, Dim d)
{
    if (d.coef < 0 || d.nsym > IR_MAX_DIM_SYMS)
        return false;
    for (int i = 0; i < d.nsym; i++)
        if ((p->graph && d.syms[i] >= p->graph->nsym) || (i && d.syms[i] < d.syms[i - 1]))
            return false;
    return true;
}

static bool dims_ok(const KProgram *p, int n, const Dim *dims)
{
    for (int k = 0; k < n; k++)
        if (!dim_ok(p, dims[k]))
            return false;
    return true;
}

/* Facts about an index expression gathered while checking it. */
typedef struct {
    const KSegment *s;
    int nvars;        /* domain vars v0 .. v{nvars-1} */
    int op_limit;     /* IX_VAL may name ops [0, op_limit) */
    bool row;         /* uses a row var or the value of a row op */
    const char *err;  /* first problem found */
} IxCk;

static bool is_size(const IxExpr *e)
{
    return e && (e->kind == IX_CONST || e->kind == IX_DIM);
}

static void ix_check(const KProgram *p, IxCk *x, const IxExpr *e, int depth)
{
    if (x->err)
        return;
    if (!e || depth > 10000) {
        x->err = "missing (or too deep) index expression";
        return;
    }
    switch (e->kind) {
    case IX_CONST:
        if (e->c < 0)
            x->err = "negative constant in an index expression";
        return;
    case IX_VAR:
        if (e->c < 0 || e->c >= x->nvars)
            x->err = "index expression uses a variable outside the domain";
        else if (e->c >= x->s->nouter)
            x->row = true;
        return;
    case IX_DIM:
        if (!dim_ok(p, e->dim))
            x->err = "bad size (Dim) in an index expression";
        return;
    case IX_VAL: {
        if (e->c < 0 || e->c >= x->op_limit) {
            x->err = "IX_VAL names an op that is not defined earlier";
            return;
        }
        const KOp *o = op_at(x->s, (int)e->c);
        if (!o || (unsigned)o->dtype >= DT_COUNT || dt_is_float(o->dtype))
            x->err = "IX_VAL names a float op (gather indices are integers)";
        else if (o->row)
            x->row = true;
        return;
    }
    case IX_ADD: case IX_MUL: case IX_DIV: case IX_MOD:
        if (!e->a || !e->b) {
            x->err = "index expression with a missing operand";
            return;
        }
        if (e->kind != IX_ADD && !is_size(e->b)) {
            x->err = "right operand of * / % in an index expression is not a size";
            return;
        }
        if ((e->kind == IX_DIV || e->kind == IX_MOD) && e->b->kind == IX_CONST && e->b->c == 0) {
            x->err = "division by zero in an index expression";
            return;
        }
        ix_check(p, x, e->a, depth + 1);
        ix_check(p, x, e->b, depth + 1);
        return;
    }
    x->err = "bad index expression kind";
}

/* Checks rank index expressions; *row = some index varies along the row. */
static bool index_ok(Ck *c, const KSegment *s, const KOp *o, IxExpr *const *idx, int rank,
                     int op_limit, bool *row, const char *what)
{
    IxCk x = {.s = s, .nvars = s->nouter + s->nrow, .op_limit = op_limit};
    for (int d = 0; d < rank; d++)
        ix_check(c->p, &x, idx[d], 0);
    if (x.err) {
        fail(c, o, "%s: %s", what, x.err);
        return false;
    }
    *row = x.row;
    return true;
}

static bool buf_ok(const Ck *c, int b)
{
    return b >= 0 && b < c->p->nbuf;
}

static bool kernel_uses(const Kernel *k, int b, bool store);

/* KO_FOLD (kernel.h): a per-row fold of an earlier kernel's partials, an
 * f32 (float) or i64 temp whose last dim is `parts`, at an index over the
 * outer vars. */
static void check_fold(Ck *c, const KSegment *s, const KOp *o, int i)
{
    int b = o->a.fold.buf;
    if (!buf_ok(c, b)) {
        fail(c, o, "fold of buffer %d, which does not exist", b);
        return;
    }
    const KBuf *kb = &c->p->bufs[b];
    bool f = dt_is_float(o->dtype);
    if (kb->kind != KB_TEMP || kb->dtype != (f ? DT_F32 : DT_I64) || kb->rank < 1 ||
        o->a.fold.parts < 1 || !dim_eq(kb->shape[kb->rank - 1], dim_const(o->a.fold.parts))) {
        fail(c, o, "fold of buffer %d: not an %s temp whose last dim is its %d parts", b,
             f ? "f32" : "i64", o->a.fold.parts);
        return;
    }
    if ((unsigned)o->a.fold.kind >= RED_COUNT || (o->a.fold.kind == RED_MEAN && !f))
        fail(c, o, "bad fold kind");
    if (o->a.fold.kind == RED_MEAN && !dim_ok(c->p, o->a.fold.total))
        fail(c, o, "a mean's fold without a valid row length");
    bool irow = false;
    if (!index_ok(c, s, o, o->a.fold.idx, kb->rank - 1, i, &irow, "fold index"))
        return;
    if (irow)
        fail(c, o, "fold index varies along the row");
    bool stored = false;
    for (int ki = 0; ki < c->ki && !stored; ki++)
        stored = c->p->kernels[ki] && c->p->kernels[ki]->segs &&
                 kernel_uses(c->p->kernels[ki], b, true);
    if (!stored)
        fail(c, o, "fold of buffer %d, which no earlier kernel stores", b);
}

static int kind_nin(KOpKind k)
{
    switch (k) {
    case KO_LOAD: case KO_CONST: case KO_INDEX: case KO_FOLD: return 0;
    case KO_UNARY: case KO_CAST: case KO_REDUCE: return 1;
    case KO_BINARY: return 2;
    case KO_WHERE: return 3;
    }
    return -1;
}

/* The dtype rules of each op kind (as the graph verifier and scalar.h). */
static void check_types(Ck *c, const KOp *o)
{
    bool f = dt_is_float(o->dtype);
    switch (o->kind) {
    case KO_UNARY: {
        IrUnary k = o->a.unary;
        if ((unsigned)k >= UN_COUNT)
            fail(c, o, "bad unary kind");
        else if (f != dt_is_float(o->in[0]->dtype))
            fail(c, o, "unary changes float/integer class");
        else if (k == UN_NOT && (o->dtype != DT_BOOL || o->in[0]->dtype != DT_BOOL))
            fail(c, o, "not needs bool");
        else if (!f && !(ir_unary_info(k)->dom & (OPD_I | OPD_B)))
            fail(c, o, "math function on integers");
        break;
    }
    case KO_BINARY: {
        IrBinary k = o->a.binary;
        DType x = o->in[0]->dtype, y = o->in[1]->dtype;
        if ((unsigned)k >= BIN_COUNT)
            fail(c, o, "bad binary kind");
        else if (dt_is_float(x) != dt_is_float(y))
            fail(c, o, "binary operands of different float/integer class");
        else if (k >= BIN_LT && k <= BIN_NE && o->dtype != DT_BOOL)
            fail(c, o, "comparison result is not bool");
        else if ((k == BIN_AND || k == BIN_OR) &&
                 (o->dtype != DT_BOOL || x != DT_BOOL || y != DT_BOOL))
            fail(c, o, "logical op on non-bool");
        else if (ir_binary_info(k)->cls == OPC_ARITH && f != dt_is_float(x))
            fail(c, o, "arithmetic changes float/integer class");
        else if (!(ir_binary_info(k)->dom & ir_dtype_dom(x)))
            fail(c, o, "binary op not defined on its operands' class (ops.h)");
        break;
    }
    case KO_WHERE:
        if (o->in[0]->dtype != DT_BOOL)
            fail(c, o, "where condition is not bool");
        else if (dt_is_float(o->in[1]->dtype) != f || dt_is_float(o->in[2]->dtype) != f)
            fail(c, o, "where branches of a different float/integer class");
        break;
    case KO_REDUCE:
        if ((unsigned)o->a.reduce.kind >= RED_COUNT)
            fail(c, o, "bad reduce kind");
        else if (f != dt_is_float(o->in[0]->dtype))
            fail(c, o, "reduce changes float/integer class");
        else if (o->a.reduce.kind == RED_MEAN && !f)
            fail(c, o, "mean of integers");
        break;
    case KO_LOAD:
        if (f != dt_is_float(c->p->bufs[o->a.load.buf].dtype))
            fail(c, o, "load of a different float/integer class than its buffer");
        break;
    case KO_INDEX:
        if (o->dtype != DT_I64)
            fail(c, o, "index op is not i64");
        break;
    default:
        break;
    }
}

/* Op i of segment s: id, kind, operands, types, row flag, load index. */
static void check_op(Ck *c, const KSegment *s, int i)
{
    const KOp *o = op_at(s, i);
    if (!o) {
        fail(c, NULL, "op %d is NULL", i);
        return;
    }
    if (o->id != i) {
        fail(c, o, "op id %d at position %d (ids must be dense)", o->id, i);
        return;
    }
    int nin = kind_nin(o->kind);
    if (nin < 0 || (unsigned)o->dtype >= DT_COUNT) {
        fail(c, o, "bad op kind or dtype");
        return;
    }
    if (o->nin != nin) {
        fail(c, o, "%s takes %d operands, has %d", kop_kind_name(o->kind), nin, o->nin);
        return;
    }
    bool row = false;
    for (int j = 0; j < nin; j++) {
        const KOp *x = o->in[j];
        if (!x || x->id < 0 || x->id >= i || op_at(s, x->id) != x) {
            fail(c, o, "operand %d is not an earlier op of this segment", j);
            return;
        }
        row |= x->row;
    }
    if (o->node < -1 || (c->p->graph && o->node >= c->p->graph->nodes.len))
        fail(c, o, "graph node %d does not exist", o->node);
    if (o->kind == KO_LOAD) {
        if (!buf_ok(c, o->a.load.buf)) {
            fail(c, o, "load of buffer %d, which does not exist", o->a.load.buf);
            return;
        }
        bool irow;
        if (!index_ok(c, s, o, o->a.load.idx, c->p->bufs[o->a.load.buf].rank, i, &irow,
                      "load index"))
            return;
        row |= irow;
    }
    if (o->kind == KO_INDEX) {
        bool irow;
        if (!index_ok(c, s, o, &o->a.index.expr, 1, i, &irow, "index expression"))
            return;
        row |= irow;
    }
    if (o->kind == KO_FOLD)
        check_fold(c, s, o, i);
    check_types(c, o);
    if (o->kind == KO_REDUCE && o->row)
        fail(c, o, "a reduce's result is per row, but it is marked row");
    else if (o->kind != KO_REDUCE && o->row != row)
        fail(c, o, "marked %s, but %s", o->row ? "row" : "per-row",
             row ? "an operand or its index varies along the row"
                 : "no operand or index varies along the row");
}

static void check_store(Ck *c, const KSegment *s, int i)
{
    const KStore *st = store_at(s, i);
    if (!st) {
        fail(c, NULL, "store %d is NULL", i);
        return;
    }
    const KOp *v = st->value;
    if (!buf_ok(c, st->buf)) {
        fail(c, NULL, "store %d: buffer %d does not exist", i, st->buf);
        return;
    }
    const KBuf *b = &c->p->bufs[st->buf];
    if (!v || v->id < 0 || v->id >= s->ops.len || op_at(s, v->id) != v) {
        fail(c, NULL, "store %d (to '%s'): value is not an op of this segment", i, b->name);
        return;
    }
    if (b->kind == KB_INPUT && !b->written)
        fail(c, v, "store %d writes input buffer '%s', which is not marked written", i, b->name);
    const KOp *m = st->mask;
    if (m && (m->id < 0 || m->id >= s->ops.len || op_at(s, m->id) != m || m->dtype != DT_BOOL ||
              (m->row && !st->row)))
        fail(c, v, "store %d: its mask is not a bool op of this segment (per row unless the "
                   "store is per element)", i);
    if (dt_is_float(v->dtype) != dt_is_float(b->dtype))
        fail(c, v, "store %d: value and buffer '%s' of different float/integer class", i,
             b->name);
    char what[64];
    snprintf(what, sizeof what, "store %d index", i);
    bool irow;
    if (!index_ok(c, s, v, st->idx, b->rank, s->ops.len, &irow, what))
        return;
    bool row = v->row || irow || (m && m->row);
    if (st->row != row)
        fail(c, v, "store %d to '%s' marked %s, but %s", i, b->name,
             st->row ? "per element" : "per row",
             row ? "its value or index varies along the row"
                 : "neither its value nor its index varies along the row");
}

/* The segment's schedule: valid fields, its teams filling kernel k's
 * block, its runs covering a static row. */
static void check_schedule(Ck *c, const Kernel *k, const KSegment *s)
{
    const KSchedule *sc = &s->sched;
    if (!is_pow2(sc->threads_per_row) || sc->threads_per_row > 1024)
        fail(c, NULL, "threads_per_row %d is not a power of two in [1, 1024]",
             sc->threads_per_row);
    if (!is_pow2(sc->vec) || sc->vec > 1024)
        fail(c, NULL, "vec %d is not a power of two in [1, 1024]", sc->vec);
    if (!is_pow2(sc->rows_per_block))
        fail(c, NULL, "rows_per_block %d is not a power of two", sc->rows_per_block);
    if (sc->chunks < 0)
        fail(c, NULL, "chunks %d is negative", sc->chunks);
    if ((int64_t)sc->threads_per_row * sc->rows_per_block != k->block)
        fail(c, NULL, "threads_per_row %d * rows_per_block %d != kernel block %d",
             sc->threads_per_row, sc->rows_per_block, k->block);
    int64_t n = kseg_static_row_len(s);
    if (sc->chunks > 0 && n >= 0 && is_pow2(sc->threads_per_row) && is_pow2(sc->vec) &&
        (int64_t)sc->chunks * sc->threads_per_row * sc->vec < n)
        fail(c, NULL, "chunks %d * threads_per_row %d * vec %d do not cover the row (%" PRId64
             " elements)", sc->chunks, sc->threads_per_row, sc->vec, n);
    for (int i = 0; i < s->ops.len; i++) /* a fold's order is per wave: whole waves per team */
        if (((const KOp *)s->ops.items[i])->kind == KO_FOLD &&
            sc->threads_per_row < c->p->target.wave) {
            fail(c, NULL, "a fold of partials in teams of %d lanes, fewer than a wave (%d)",
                 sc->threads_per_row, c->p->target.wave);
            break;
        }
}

/* ---- the plan (kernel.h: KPlan) ---- */

static bool vector_bytes(int bytes)
{
    return bytes == 4 || bytes == 8 || bytes == 16;
}

/* A row load's plan: a run load's window fits its vector, its prefetch
 * slot names a run load with the same buffer and width. */
static void check_load_plan(Ck *c, const KSegment *s, int i)
{
    const KOpPlan *o = &s->plan->op[i];
    const KOp *op = op_at(s, i);
    bool load = op->kind == KO_LOAD && op->row;
    if ((o->run || o->width) && !load)
        fail(c, op, "plan: run load or window on an op that is not a row load");
    if (!o->width)
        return;
    if (!o->run || !vector_bytes(o->width * dt_size(c->p->bufs[op->a.load.buf].dtype)) ||
        (unsigned)o->group > 2)
        fail(c, op, "plan: window of %d elements on an element load, or not 4, 8 or 16 bytes",
             o->width);
    for (int j = 0; j < s->sched.vec && j < 16; j++)
        if (o->off[j] < 0 || o->off[j] >= o->width)
            fail(c, op, "plan: window offset %d of element %d outside its %d elements",
                 o->off[j], j, o->width);
}

static void check_op_plan(Ck *c, const KSegment *s, int i, int nphase)
{
    const KOpPlan *o = &s->plan->op[i];
    const KOp *op = op_at(s, i);
    if (o->phase < -1 || o->phase > nphase)
        fail(c, op, "plan: phase %d out of range", o->phase);
    if (o->keep && (!op->row || o->phase < 0))
        fail(c, op, "plan: kept in registers but not a row value computed by a phase");
    if (o->recip && (op->kind != KO_BINARY || op->a.binary != BIN_DIV ||
                     !dt_is_float(op->dtype) || !op->in[0]->row ||
                     !(op->in[1]->row ? s->plan->op[op->in[1]->id].recip_sel
                                      : s->plan->op[op->in[1]->id].recip_src)))
        fail(c, op, "plan: a reciprocal rewrite of what is not a float division of a row value "
                    "by a per-row value with its reciprocal (or a selection of such)");
    if (o->recip_src && op->row)
        fail(c, op, "plan: reciprocal of a row value");
    if (o->recip_sel &&
        (op->kind != KO_WHERE || !op->row || o->keep ||
         !(op->in[1]->row ? s->plan->op[op->in[1]->id].recip_sel
                          : s->plan->op[op->in[1]->id].recip_src) ||
         !(op->in[2]->row ? s->plan->op[op->in[2]->id].recip_sel
                          : s->plan->op[op->in[2]->id].recip_src)))
        fail(c, op, "plan: a reciprocal selection that is not a row where (recomputed, not "
                    "kept) among reciprocals");
    if (o->exact_div && (op->kind != KO_BINARY || op->a.binary != BIN_DIV ||
                         !dt_is_float(op->dtype) || o->recip))
        fail(c, op, "plan: an exact division of what is not a float division (or is rewritten "
                    "as a reciprocal)");
    if (o->masked) {
        const KOp *w = op->kind == KO_REDUCE ? op->in[0] : NULL;
        const KOp *k = w && w->kind == KO_WHERE && (o->masked == 1 || o->masked == 2)
                           ? w->in[o->masked == 1 ? 2 : 1] : NULL;
        IrReduce r = op->kind == KO_REDUCE ? op->a.reduce.kind : RED_SUM;
        if (!k || k->kind != KO_CONST || (o->masked_any && r != RED_MAX && r != RED_MIN))
            fail(c, op, "plan: a masked fold (%d) of what is not a reduction of a where with a "
                        "constant branch (folded once only by a max or min)", o->masked);
    } else if (o->masked_any)
        fail(c, op, "plan: a masked fold's constant without a masked fold");
    check_load_plan(c, s, i);
}

/* Op i in phase p: needed as a row value (kept ones computed earlier),
 * its prefetch slot a run load with the same buffer and width. */
static void check_phase_op(Ck *c, const KSegment *s, int p, int i)
{
    const KPlan *pl = s->plan;
    const KPhase *ph = &pl->phases[p];
    const KOp *op = op_at(s, i);
    const KOpPlan *o = &pl->op[i];
    const KOpPlan *from = o->from > 0 && o->from <= s->ops.len ? &pl->op[o->from - 1] : NULL;
    if ((unsigned)ph->need[i] > KN_KEPT || (ph->need[i] && !op->row) ||
        (ph->need[i] == KN_KEPT && !o->from && (!o->keep || o->phase >= p)) ||
        (ph->need[i] == KN_KEPT && o->from &&
         (!from || !from->keep || from->phase >= p || o->from_chunk < 0 ||
          o->from_chunk >= s->sched.chunks || op->kind != KO_LOAD)))
        fail(c, op, "plan: phase %d needs it as %d", p, ph->need[i]);
    int slot = ph->pf[i] - 1;
    if (ph->pf[i] && (slot < 0 || slot >= s->ops.len || !o->width ||
                      pl->op[slot].width != o->width ||
                      op_at(s, slot)->a.load.buf != op->a.load.buf))
        fail(c, op, "plan: phase %d prefetch slot pf%d does not hold its window", p, slot);
    if (ph->pfload[i] && ph->pf[i] != i + 1)
        fail(c, op, "plan: phase %d loads pf%d for another op", p, i);
}

/* A streamed phase (KPhase.stream): steps that divide a static schedule's
 * runs, in a segment that keeps nothing in registers across phases (a
 * kept array is indexed by the run, which a rolled step loop leaves
 * unknown to the compiler) and issues no weights ahead. */
static void check_stream(Ck *c, const KSegment *s, int p)
{
    const KPlan *pl = s->plan;
    int st = pl->phases[p].stream;
    bool bad = st < 0 || (st > 0 && (s->sched.chunks < 1 || s->sched.chunks % st ||
                                     kseg_static_row_len(s) < 0 || s->sched.prefetch_weights));
    for (int i = 0; st > 0 && !bad && i < s->ops.len; i++)
        bad = pl->op[i].keep || pl->op[i].from;
    if (bad)
        fail(c, NULL, "plan: phase %d streams %d runs per step of %d runs, or with values kept "
                      "across phases", p, st, s->sched.chunks);
}

/* Phase p's lists: reductions folded there, row stores issued there, kept
 * values computed earlier, prefetch slots of run loads with windows. */
static void check_phase(Ck *c, const KSegment *s, int p)
{
    const KPlan *pl = s->plan;
    const KPhase *ph = &pl->phases[p];
    for (int g = 0; g < ph->nred; g++)
        if (ph->red[g] < 0 || ph->red[g] >= s->ops.len || op_at(s, ph->red[g])->kind != KO_REDUCE ||
            pl->op[ph->red[g]].phase != p)
            fail(c, NULL, "plan: phase %d folds k%d, not a reduction of this phase", p, ph->red[g]);
    for (int i = 0; i < s->stores.len; i++)
        if (ph->store[i] && (!store_at(s, i)->row || pl->store[i].phase != p))
            fail(c, NULL, "plan: phase %d issues store %d, not a row store of this phase", p, i);
    for (int i = 0; i < s->ops.len; i++)
        check_phase_op(c, s, p, i);
    check_stream(c, s, p);
}

/* A row store issued by one phase (per-row ones by none), its width vec. */
static void check_store_plan(Ck *c, const KSegment *s, int i)
{
    const KPlan *pl = s->plan;
    const KStorePlan *sp = &pl->store[i];
    bool row = store_at(s, i)->row;
    int issued = 0;
    for (int p = 0; p < pl->nphase; p++)
        issued += pl->phases[p].store[i] != 0;
    if (issued != row || (!row && sp->phase != -1) || (sp->width && sp->width != s->sched.vec))
        fail(c, NULL, "plan: store %d issued by %d phases, phase %d, width %d", i, issued,
             sp->phase, sp->width);
    if (sp->packed_vector && (!sp->width || dt_bits(c->p->bufs[store_at(s, i)->buf].dtype) >= 8 ||
                              (sp->width != 8 && sp->width != 16)))
        fail(c, NULL, "plan: store %d is a packed vector of %d codes into a %s buffer", i,
             sp->width, dt_name(c->p->bufs[store_at(s, i)->buf].dtype));
}

/* Every reduction folded once, every row store issued once, in phases. */
static void check_coverage(Ck *c, const KSegment *s)
{
    const KPlan *pl = s->plan;
    for (int i = 0; i < s->ops.len; i++) {
        int folds = 0;
        for (int p = 0; p < pl->nphase; p++)
            for (int g = 0; g < pl->phases[p].nred; g++)
                folds += pl->phases[p].red[g] == i;
        if (folds != (op_at(s, i)->kind == KO_REDUCE))
            fail(c, op_at(s, i), "plan: folded by %d phases", folds);
    }
    for (int i = 0; i < s->stores.len; i++)
        check_store_plan(c, s, i);
}

static void check_plan(Ck *c, const KSegment *s)
{
    const KPlan *pl = s->plan;
    if (!pl)
        return;
    if (pl->nphase < 1 || !pl->phases || !pl->op || !pl->store ||
        pl->phases[pl->nphase - 1].nred != 0) {
        fail(c, NULL, "plan: no phases, missing arrays, or a last phase that folds");
        return;
    }
    for (int i = 0; i < s->ops.len; i++)
        check_op_plan(c, s, i, pl->nphase);
    for (int p = 0; p < pl->nphase; p++)
        check_phase(c, s, p);
    check_coverage(c, s);
}

/* Alignment need i: a buffer in range, 4, 8 or 16 bytes, its only one. */
static void check_align(Ck *c, const Kernel *k, int i)
{
    const KAlign *al = &k->align[i];
    if (al->buf < 0 || al->buf >= c->p->nbuf || !vector_bytes(al->bytes) ||
        al->stride_multiple < 1)
        fail(c, NULL, "plan: alignment need %d (buffer %d, %d bytes) is invalid", i, al->buf,
             al->bytes);
    for (int j = 0; j < i; j++)
        if (k->align[j].buf == al->buf)
            fail(c, NULL, "plan: buffer %d has two alignment needs", al->buf);
}

/* The kernel's plan facts: shared memory the sum of its segments', and
 * alignment needs of distinct buffers in range. */
static void check_kernel_plan(Ck *c, const Kernel *k)
{
    int smem = 0;
    for (int si = 0; si < k->nseg; si++)
        smem += k->segs[si]->plan ? k->segs[si]->plan->smem_bytes : 0;
    c->si = -1;
    if (!k->segs[0]->plan)
        return;
    if (smem != k->smem_bytes || k->nalign < 0 || (k->nalign && !k->align))
        fail(c, NULL, "plan: shared memory %d bytes, its segments' %d; or a bad align list",
             k->smem_bytes, smem);
    for (int i = 0; i < k->nalign; i++)
        check_align(c, k, i);
}

static void check_segment(Ck *c, const Kernel *k, const KSegment *s)
{
    if (!s) {
        fail(c, NULL, "segment is NULL");
        return;
    }
    if (s->nouter < 0 || s->nrow < 0 || s->nouter + s->nrow > IR_MAX_RANK) {
        fail(c, NULL, "domain of %d outer + %d row dims (at most %d in all)", s->nouter, s->nrow,
             IR_MAX_RANK);
        return;
    }
    if (!dims_ok(c->p, s->nouter, s->outer) || !dims_ok(c->p, s->nrow, s->row))
        fail(c, NULL, "bad domain size (Dim)");
    check_schedule(c, k, s);
    if (s->ops.len < 0 || (s->ops.len && !s->ops.items) || s->stores.len < 0 ||
        (s->stores.len && !s->stores.items)) {
        fail(c, NULL, "bad op or store list");
        return;
    }
    for (int i = 0; i < s->ops.len; i++)
        check_op(c, s, i);
    if (!c->ok)
        return; /* stores refer to ops: only check them over sound ops */
    for (int i = 0; i < s->stores.len; i++)
        check_store(c, s, i);
    if (c->ok)
        check_plan(c, s);
}

static bool same_type(const KBuf *b, const IrNode *n)
{
    if (b->dtype != n->dtype || b->rank != n->rank)
        return false;
    for (int k = 0; k < b->rank; k++)
        if (!dim_eq(b->shape[k], n->shape[k]))
            return false;
    return true;
}

/* The buffer table: kinds in order (inputs, outputs, temps), valid types,
 * distinct indices per kind; with a graph, inputs and outputs match their
 * parameter / output and every graph output has its buffer. */
static void check_buffers(Ck *c)
{
    const KProgram *p = c->p;
    const IrGraph *g = p->graph;
    if (p->nbuf < 0 || (p->nbuf && !p->bufs)) {
        fail(c, NULL, "bad buffer table");
        return;
    }
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *kb = &p->bufs[b];
        if (!kb->name || (unsigned)kb->kind > KB_TEMP || (unsigned)kb->dtype >= DT_COUNT ||
            kb->rank < 0 || kb->rank > IR_MAX_RANK || !dims_ok(p, kb->rank, kb->shape) ||
            kb->index < 0) {
            fail(c, NULL, "buffer %d: bad name, kind, dtype, index or shape", b);
            continue;
        }
        if (b && kb->kind < p->bufs[b - 1].kind)
            fail(c, NULL, "buffer %d '%s': buffers must be inputs, then outputs, then temps", b,
                 kb->name);
        for (int o = 0; o < b; o++)
            if (p->bufs[o].kind == kb->kind && p->bufs[o].index == kb->index)
                fail(c, NULL, "buffers %d and %d are both %s %d", o, b, kbuf_kind_name(kb->kind),
                     kb->index);
        if (!g)
            continue;
        if (kb->kind == KB_INPUT &&
            (kb->index >= g->nparam || !same_type(kb, g->params[kb->index])))
            fail(c, NULL, "input buffer %d '%s' does not match graph parameter %d", b, kb->name,
                 kb->index);
        if (kb->kind == KB_OUTPUT && (kb->index >= g->nout || !same_type(kb, g->outs[kb->index])))
            fail(c, NULL, "output buffer %d '%s' does not match graph output %d", b, kb->name,
                 kb->index);
    }
    for (int o = 0; g && o < g->nout; o++) {
        bool found = false;
        for (int b = 0; b < p->nbuf && !found; b++)
            found = p->bufs[b].kind == KB_OUTPUT && p->bufs[b].index == o;
        const IrDest *dst = ir_output_dest(g, o);
        if (dst && (found || dst->param >= p->nbuf || !p->bufs[dst->param].written))
            fail(c, NULL, "graph output %d is written into parameter %d, which must be a written "
                 "input buffer and have no output buffer", o, dst->param);
        else if (!dst && !found)
            fail(c, NULL, "graph output %d has no output buffer", o);
    }
    for (int b = 0; g && b < p->nbuf; b++)
        if (p->bufs[b].written && (p->bufs[b].kind != KB_INPUT ||
                                   !ir_param_written(g, p->bufs[b].index)))
            fail(c, NULL, "buffer %d '%s' is marked written but no output is written into it", b,
                 p->bufs[b].name);
}

/* Kernel.few_rows: the same segments (ops and stores shared, so checked
 * once, with the kernel), its own valid schedules and block, no variant of
 * its own. */
static void check_few_rows(Ck *c, const Kernel *k)
{
    const Kernel *f = k->few_rows;
    c->si = -1;
    if (!f->name || f->nseg != k->nseg || !f->segs || f->few_rows) {
        fail(c, NULL, "few-rows variant: unnamed, not %d segments, or has a variant itself",
             k->nseg);
        return;
    }
    if (k->few_rows_grid_per_sm < 1)
        fail(c, NULL, "few_rows_grid_per_sm %d < 1", k->few_rows_grid_per_sm);
    if (!is_pow2(f->block) || f->block > 1024)
        fail(c, NULL, "few-rows block %d is not a power of two in [1, 1024]", f->block);
    for (int si = 0; si < k->nseg; si++) {
        const KSegment *a = k->segs[si], *b = f->segs[si];
        c->si = si;
        bool same = b && b->ops.items == a->ops.items && b->ops.len == a->ops.len &&
                    b->stores.items == a->stores.items && b->stores.len == a->stores.len &&
                    b->nouter == a->nouter && b->nrow == a->nrow;
        for (int d = 0; same && d < a->nouter; d++)
            same = dim_eq(a->outer[d], b->outer[d]);
        for (int d = 0; same && d < a->nrow; d++)
            same = dim_eq(a->row[d], b->row[d]);
        if (!same) {
            fail(c, NULL, "few-rows variant: segment is not the kernel's own");
            continue;
        }
        check_schedule(c, f, b);
        if (c->ok)
            check_plan(c, b);
    }
    if (c->ok)
        check_kernel_plan(c, f);
}

/* Does kernel k load (or store) buffer b? */
static bool kernel_uses(const Kernel *k, int b, bool store)
{
    for (int si = 0; si < k->nseg; si++) {
        const KSegment *s = k->segs[si];
        if (store) {
            for (int i = 0; i < s->stores.len; i++)
                if (((const KStore *)s->stores.items[i])->buf == b)
                    return true;
        } else {
            for (int i = 0; i < s->ops.len; i++) {
                const KOp *o = s->ops.items[i];
                if ((o->kind == KO_LOAD && o->a.load.buf == b) ||
                    (o->kind == KO_FOLD && o->a.fold.buf == b))
                    return true;
            }
        }
    }
    return false;
}

/* KProgram.colls (kernel.h): sorted by `after`, each over an f32 temp that
 * its kernel or an earlier one stores, that no kernel up to `after` loads
 * and none after it stores; one collective per temp. */
static void check_collectives(Ck *c)
{
    const KProgram *p = c->p;
    c->ki = c->si = -1;
    if (p->ncoll < 0 || (p->ncoll && !p->colls)) {
        fail(c, NULL, "bad collective list");
        return;
    }
    for (int i = 0; i < p->ncoll; i++) {
        const KCollective *kc = &p->colls[i];
        if (kc->kind != KC_ALL_REDUCE_SUM || kc->after < 0 || kc->after >= p->nkernel ||
            (i && kc->after < p->colls[i - 1].after)) {
            fail(c, NULL, "collective %d: bad kind, or after kernel %d (of %d, in order)", i,
                 kc->after, p->nkernel);
            continue;
        }
        if (kc->buf < 0 || kc->buf >= p->nbuf || p->bufs[kc->buf].kind != KB_TEMP ||
            p->bufs[kc->buf].dtype != DT_F32) {
            fail(c, NULL, "collective %d: buffer %d is not an f32 temp", i, kc->buf);
            continue;
        }
        for (int j = 0; j < i; j++)
            if (p->colls[j].buf == kc->buf)
                fail(c, NULL, "collectives %d and %d sum the same buffer %d", j, i, kc->buf);
        bool stored = false;
        for (int ki = 0; ki < p->nkernel; ki++) {
            if (!p->kernels[ki] || !p->kernels[ki]->segs)
                continue;
            bool st = kernel_uses(p->kernels[ki], kc->buf, true);
            bool ld = kernel_uses(p->kernels[ki], kc->buf, false);
            stored |= st && ki <= kc->after;
            if (ki <= kc->after && ld)
                fail(c, NULL, "collective %d: kernel %d reads buffer %d before the sum", i, ki,
                     kc->buf);
            if (ki > kc->after && st)
                fail(c, NULL, "collective %d: kernel %d writes buffer %d after the sum", i, ki,
                     kc->buf);
        }
        if (!stored)
            fail(c, NULL, "collective %d: no kernel up to %d stores buffer %d", i, kc->after,
                 kc->buf);
    }
}

bool kir_verify(const KProgram *p, Diag *d)
{
    Ck c = {.p = p, .d = d, .ok = true, .ki = -1, .si = -1};
    if (p->target.wave != 32 && p->target.wave != 64)
        fail(&c, NULL, "target wave %d is not 32 or 64", p->target.wave);
    check_buffers(&c);
    if (p->nkernel < 0 || (p->nkernel && !p->kernels)) {
        fail(&c, NULL, "bad kernel list");
        return false;
    }
    for (int ki = 0; ki < p->nkernel; ki++) {
        const Kernel *k = p->kernels[ki];
        c.ki = ki;
        c.si = -1;
        if (!k || !k->name || k->nseg < 1 || !k->segs) {
            fail(&c, NULL, "kernel is NULL, unnamed or has no segments");
            continue;
        }
        if (!is_pow2(k->block) || k->block > 1024)
            fail(&c, NULL, "block %d is not a power of two in [1, 1024]", k->block);
        if ((unsigned)k->split > KSPLIT_EPILOGUE || (k->split && (k->split_parts < 1 || k->nseg != 1)))
            fail(&c, NULL, "bad split: kind %d, %d parts, %d segments", (int)k->split,
                 k->split_parts, k->nseg);
        for (int si = 0; si < k->nseg; si++) {
            c.si = si;
            check_segment(&c, k, k->segs[si]);
        }
        if (c.ok)
            check_kernel_plan(&c, k);
        if (k->few_rows && c.ok) /* over sound segments only: it compares with them */
            check_few_rows(&c, k);
    }
    if (c.ok)
        check_collectives(&c);
    return c.ok;
}
