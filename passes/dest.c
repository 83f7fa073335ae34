/* dest.c - the proof that outputs written into parameters keep the
 * functional semantics (docs/language.md, "Outputs written into inputs").
 *
 * Requires: a planned KProgram (pass_plan).  Keeps: everything (a check).
 * Every read of the graph must see the parameters as they were at launch.
 * For each written buffer B, this pass proves, for every store S into B
 * and every load L of B (many-rows and few-rows plans alike), one of:
 *   - L's kernel runs before S's kernel;
 *   - L and S touch disjoint parts of B: some dim of B where their index
 *     intervals are apart, or, for a flattened dim (hi * c + lo, lo in
 *     [0, c)), the intervals of hi or of lo are (constant sizes only; an
 *     IX_VAL has no interval);
 *   - L reads no memory: the plan serves it from the lane's register of a
 *     load of another run (KOpPlan.from; that load is checked itself);
 *   - L and S are in one segment, S is not a scatter, L's index is S's
 *     (so the lane that writes an element is the one that read it), every
 *     phase that loads L is at or before S's phase (plan.c issues such
 *     stores in the last phase), and S is a row store (per-row stores go
 *     out after the last phase, by lane 0, of values the row computed).
 * Two stores into B must write disjoint parts, by a dim free of any
 * scatter row (a scatter's rows are distinct by the caller's contract).  A scatter's mask must not vary along the row (codegen masks
 * whole runs).  Each kernel's few-rows variant is checked with its own
 * plan; one that fails where the many-rows plan passes is dropped (the
 * many-rows kernel then serves every grid).  Anything else is refused
 * with an error at the
 * destination that names the conflicting read and suggests a new output. */
#include <string.h>

#include "passes.h"

typedef struct {
    const KProgram *p;
    int ki, si;                /* kernel and segment of the access */
    const KSegment *seg;       /* the many-rows segment (ops and stores) */
    const KPlan *plan;         /* the plan of the variant being checked */
} Site;

/* Interval [lo, hi] of e over the segment's vars; false when unknown (a
 * symbolic size, an IX_VAL). */
static bool range(const KSegment *s, const IxExpr *e, int64_t *lo, int64_t *hi)
{
    int64_t a0, a1, b0, b1;
    switch (e->kind) {
    case IX_CONST: *lo = *hi = e->c; return true;
    case IX_DIM:
        if (e->dim.nsym)
            return false;
        *lo = *hi = e->dim.coef;
        return true;
    case IX_VAR: {
        Dim d = e->c < s->nouter ? s->outer[e->c] : s->row[e->c - s->nouter];
        if (d.nsym)
            return false;
        *lo = 0;
        *hi = d.coef - 1;
        return true;
    }
    case IX_VAL: return false;
    default: break;
    }
    if (!range(s, e->a, &a0, &a1))
        return false;
    if (e->kind == IX_MOD && e->b->kind == IX_CONST && e->b->c > 0) {
        *lo = 0;
        *hi = e->b->c - 1;
        if (a0 >= 0 && a1 < e->b->c)
            *lo = a0, *hi = a1;
        return true;
    }
    if (!range(s, e->b, &b0, &b1))
        return false;
    switch (e->kind) {
    case IX_ADD: *lo = a0 + b0; *hi = a1 + b1; return true;
    case IX_MUL:
        if (a0 < 0 || b0 < 0)
            return false;
        *lo = a0 * b0;
        *hi = a1 * b1;
        return true;
    case IX_DIV:
        if (a0 < 0 || b0 <= 0 || b0 != b1)
            return false;
        *lo = a0 / b0;
        *hi = a1 / b0;
        return true;
    default: return false;
    }
}

/* The largest constant multiplier of a term of sum e (0: none). */
static int64_t top_stride(const IxExpr *e)
{
    if (e->kind == IX_ADD) {
        int64_t a = top_stride(e->a), b = top_stride(e->b);
        return a > b ? a : b;
    }
    return e->kind == IX_MUL && e->b->kind == IX_CONST ? e->b->c : 0;
}

/* Sum e as hi * c + lo with lo's range inside [0, c): the ranges of hi
 * (terms that are multiples of c, divided by c) and lo (the rest) grow
 * into h[] and l[]; false when a range is unknown. */
static bool split_terms(const KSegment *s, const IxExpr *e, int64_t c, int64_t *h, int64_t *l)
{
    if (e->kind == IX_ADD)
        return split_terms(s, e->a, c, h, l) && split_terms(s, e->b, c, h, l);
    int64_t lo, hi;
    if (e->kind == IX_MUL && e->b->kind == IX_CONST && e->b->c % c == 0) {
        if (!range(s, e->a, &lo, &hi) || lo < 0)
            return false;
        h[0] += lo * (e->b->c / c);
        h[1] += hi * (e->b->c / c);
        return true;
    }
    if (e->kind == IX_CONST && e->c % c == 0) {
        h[0] += e->c / c;
        h[1] += e->c / c;
        return true;
    }
    if (!range(s, e, &lo, &hi))
        return false;
    l[0] += lo;
    l[1] += hi;
    return true;
}

static bool apart(const int64_t *a, const int64_t *b)
{
    return a[1] < b[0] || b[1] < a[0];
}

/* Two index expressions of one dim never equal: their ranges are apart,
 * or both split at the same stride c (a flattened [.., c] view: row-major
 * hi * c + lo with lo in [0, c)) with apart hi or lo ranges. */
static bool dim_disjoint(const KSegment *s1, const IxExpr *e1, const KSegment *s2,
                         const IxExpr *e2)
{
    int64_t r1[2], r2[2];
    if (range(s1, e1, &r1[0], &r1[1]) && range(s2, e2, &r2[0], &r2[1]) && apart(r1, r2))
        return true;
    int64_t c = top_stride(e1);
    if (c < 2 || c != top_stride(e2))
        return false;
    int64_t h1[2] = {0, 0}, l1[2] = {0, 0}, h2[2] = {0, 0}, l2[2] = {0, 0};
    if (!split_terms(s1, e1, c, h1, l1) || !split_terms(s2, e2, c, h2, l2) || l1[0] < 0 ||
        l1[1] >= c || l2[0] < 0 || l2[1] >= c)
        return false;
    return apart(h1, h2) || apart(l1, l2);
}

/* Are the elements two accesses of buffer b touch provably disjoint? */
static bool disjoint(const KProgram *p, int b, const KSegment *s1, IxExpr *const *i1,
                     const KSegment *s2, IxExpr *const *i2)
{
    for (int k = 0; k < p->bufs[b].rank; k++)
        if (dim_disjoint(s1, i1[k], s2, i2[k]))
            return true;
    return false;
}

static bool same_index(const KProgram *p, int b, IxExpr *const *i1, IxExpr *const *i2)
{
    for (int k = 0; k < p->bufs[b].rank; k++)
        if (!ix_equal(i1[k], i2[k]))
            return false;
    return true;
}

static bool is_scatter(const KStore *st)
{
    return st->mask != NULL;
}

/* The destination (span, for errors) of an output written into param b. */
static Span dest_span(const KProgram *p, int b)
{
    for (int o = 0; o < p->graph->nout; o++) {
        const IrDest *d = ir_output_dest(p->graph, o);
        if (d && d->param == b)
            return d->span;
    }
    return p->graph->span;
}

static const char *node_text(const KProgram *p, const KOp *op, char *buf, int size)
{
    const IrGraph *g = p->graph;
    if (op->node < 0 || op->node >= g->nodes.len) {
        snprintf(buf, (size_t)size, "a read");
        return buf;
    }
    Span s = ((const IrNode *)g->nodes.items[op->node])->span;
    snprintf(buf, (size_t)size, "the read at line %d col %d", s.line, s.col);
    return buf;
}

/* Phase of store i in segment plan pl (-1: after the last phase). */
static bool load_before_store(const KPlan *pl, int op, int store)
{
    int sp = pl->store[store].phase;
    if (sp < 0)
        return true;
    for (int ph = sp + 1; ph < pl->nphase; ph++)
        if (pl->phases[ph].need[op] == KN_COMPUTE)
            return false;
    return true;
}

static bool check_load(const KProgram *p, int b, const Site *ls, const KOp *op, const Site *ss,
                       int si, Diag *d)
{
    const KStore *st = ss->seg->stores.items[si];
    if (ls->ki < ss->ki)
        return true;
    if (ls->ki == ss->ki && ls->si == ss->si && ls->plan->op[op->id].from)
        return true; /* read from the lane's register of a load checked itself */
    if (disjoint(p, b, ls->seg, op->a.load.idx, ss->seg, st->idx))
        return true;
    const char *why = NULL;
    if (ls->ki > ss->ki)
        why = "a later kernel";
    else if (ls->si != ss->si)
        why = "another segment of the same kernel (blocks run in any order)";
    else if (is_scatter(st))
        why = "the kernel that scatters into it (a row another block writes)";
    else if (!same_index(p, b, op->a.load.idx, st->idx))
        why = "another thread of the same kernel (the read and the write are at different "
              "elements)";
    else if (!st->row && op->row)
        why = "another thread of the same row (a per-row store)";
    else if (!load_before_store(ss->plan, op->id, si))
        why = "a later phase of the same row (after the write)";
    if (!why)
        return true;
    char at[96];
    diag_error(d, dest_span(p, b),
               "writing into '%s' here conflicts with %s of '%s' in %s: every read must see "
               "'%s' as at launch; return a new output instead of writing into '%s'",
               p->bufs[b].name, node_text(p, op, at, sizeof at), p->bufs[b].name, why,
               p->bufs[b].name, p->bufs[b].name);
    return false;
}

/* The segment's plan in variant `few` (the few-rows kernel's, where the
 * kernel has one). */
static const KPlan *plan_of(const Kernel *k, int s, bool few)
{
    return few && k->few_rows ? k->few_rows->segs[s]->plan : k->segs[s]->plan;
}

/* Kernel of the first conflict (-1: none), reported in d. */
static int check_buffer(const KProgram *p, int b, bool few, Diag *d)
{
    /* every store into b, then every load of b against each */
    for (int k1 = 0; k1 < p->nkernel; k1++)
        for (int s1 = 0; s1 < p->kernels[k1]->nseg; s1++) {
            const Kernel *kn = p->kernels[k1];
            Site ss = {p, k1, s1, kn->segs[s1], plan_of(kn, s1, few)};
            for (int i = 0; i < ss.seg->stores.len; i++) {
                const KStore *st = ss.seg->stores.items[i];
                if (st->buf != b)
                    continue;
                if (st->mask && st->mask->row) {
                    diag_error(d, dest_span(p, b), "the scatter index of '%s' varies along the "
                               "row of its kernel; index whole rows (the first dim of the "
                               "destination view)", p->bufs[b].name);
                    return k1;
                }
                for (int k2 = 0; k2 < p->nkernel; k2++)
                    for (int s2 = 0; s2 < p->kernels[k2]->nseg; s2++) {
                        const Kernel *kl = p->kernels[k2];
                        Site ls = {p, k2, s2, kl->segs[s2], plan_of(kl, s2, few)};
                        for (int j = 0; j < ls.seg->ops.len; j++) {
                            const KOp *op = ls.seg->ops.items[j];
                            if (op->kind == KO_LOAD && op->a.load.buf == b &&
                                !check_load(p, b, &ls, op, &ss, i, d))
                                return k1;
                        }
                        for (int j = 0; j < ls.seg->stores.len; j++) {
                            const KStore *o = ls.seg->stores.items[j];
                            bool later = k2 > k1 || (k2 == k1 && (s2 > s1 || (s2 == s1 && j > i)));
                            /* a dim holding a scatter's row has no range: the
                             * others must separate two scatters */
                            if (o->buf != b || !later ||
                                disjoint(p, b, ls.seg, o->idx, ss.seg, st->idx))
                                continue;
                            diag_error(d, dest_span(p, b),
                                       "'%s' is written more than once and these writes may "
                                       "overlap; write disjoint slices (or one scatter)",
                                       p->bufs[b].name);
                            return k1;
                        }
                    }
            }
        }
    return -1;
}

bool pass_check_dests(KProgram *p, Diag *d)
{
    if (!p->graph)
        return true;
    for (int b = 0; b < p->nbuf; b++) {
        if (!p->bufs[b].written)
            continue;
        if (check_buffer(p, b, false, d) >= 0)
            return false;
        /* a few-rows variant whose schedule breaks what the many-rows one
         * keeps (its runs do not pair a rotation's halves in one lane) is
         * dropped: the many-rows kernel serves every grid */
        for (int k;;) {
            Diag scratch;
            diag_init(&scratch);
            k = check_buffer(p, b, true, &scratch);
            diag_free(&scratch);
            if (k < 0)
                break;
            IR_ASSERT(p->kernels[k]->few_rows);
            p->kernels[k]->few_rows = NULL;
            p->kernels[k]->few_rows_grid_per_sm = 0;
        }
    }
    return true;
}
