/* kexec.c - the kernel-IR executor; see kexec.h for the contract.
 *
 * How it runs.  After kir_verify, every buffer's shape is evaluated, the
 * inputs are checked, outputs and temps allocated (zeroed) with a "last
 * writer" array each (kernel index + 1 of the last store to each element,
 * 0 = never), and the stats (if asked for) allocated, with a per-element
 * (row serial, count) pair per buffer for the loads within one row: rows
 * are numbered over the whole run, so a count from an earlier row is
 * simply stale and nothing is reset.  Then, per kernel,
 * per segment, per row: every op is evaluated op-major into a value array
 * (n values for a row op, one for a per-row op), so a KO_REDUCE sees its
 * whole operand row; then the stores run.  Values are KVal: f32 for float
 * dtypes, int64 otherwise, with the scalar semantics of scalar.h. */
#include "kexec.h"
#include "scalar.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NUMEL ((int64_t)1 << 40)

typedef union {
    float f;
    int64_t i;
} KVal;

/* Loads of one element within row number `row` of the run (stats only). */
typedef struct {
    int64_t row;
    int64_t count;
} RowLoads;

/* The whole run. */
typedef struct {
    const KProgram *p;
    const int64_t *symvals;
    Diag *d;
    KexecStats *stats;                /* NULL when not counting */
    int64_t (*shape)[IR_MAX_RANK];    /* per buffer, evaluated */
    int64_t *numel;                   /* per buffer */
    float **f;                        /* per buffer: its data (float dtypes) */
    int64_t **i;                      /* per buffer: its data (integer / bool dtypes) */
    int32_t **writer;                 /* per non-input or written buffer: last storing
                                         kernel + 1 */
    int64_t **wrow;                   /* per written input: the row (row_serial) storing
                                         each element */
    IrBuf *temps;                     /* per buffer: the storage of KB_TEMP buffers and
                                         the working copies of written inputs */
    bool *out_alloc;                  /* per buffer: outputs[index] allocated here */
    IrBuf *outputs;
    RowLoads **row_loads;             /* per buffer, with stats: loads per element in a row */
    int64_t row_serial;               /* the running row, numbered over the run from 1 */
    int ki;                           /* the running kernel */
} Exec;

/* One segment while its rows run. */
typedef struct {
    const Kernel *k;
    const KSegment *s;
    int si;
    int64_t n;                        /* row length */
    int64_t row;                      /* the running row */
    int64_t odim[IR_MAX_RANK];        /* evaluated outer dims */
    int64_t rdim[IR_MAX_RANK];        /* evaluated row dims */
    int64_t vars[IR_MAX_RANK];        /* domain vars of the current element */
    KVal **val;                       /* per op: n values (row op) or one */
    KVal *mem;
    int64_t *ivals;                   /* per op: integer value at the current element (IX_VAL) */
    int *refstart, *refs;             /* per op then per store: the ops its index reads */
    KVal *lanes, *tmp;                /* reduction scratch, threads_per_row each */
    char *have;                       /* per op: computed for the running row (planned
                                         segments) */
} Seg;


static const KOp *op_at(const KSegment *s, int i)
{
    return (const KOp *)s->ops.items[i];
}

static const KStore *store_at(const KSegment *s, int i)
{
    return (const KStore *)s->stores.items[i];
}

/* The span of the graph node an op computes, else the graph's. */
static Span op_span(const Exec *x, const KOp *o)
{
    const IrGraph *g = x->p->graph;
    if (g && o && o->node >= 0 && o->node < g->nodes.len)
        return ((const IrNode *)g->nodes.items[o->node])->span;
    return g ? g->span : (Span){0};
}

/* An error inside segment sg: "kernel 0 'name' segment 1 op k3: what". */
static void seg_error(const Exec *x, const Seg *sg, const KOp *o, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void seg_error(const Exec *x, const Seg *sg, const KOp *o, const char *fmt, ...)
{
    char what[1024], at[64] = "";
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    if (o)
        snprintf(at, sizeof at, " op k%d", o->id);
    diag_error(x->d, op_span(x, o), "kernel %d '%s' segment %d%s: %s", x->ki, sg->k->name,
               sg->si, at, what);
}

static Span graph_span(const Exec *x)
{
    return x->p->graph ? x->p->graph->span : (Span){0};
}

/* "[2, 4096]" */
static const char *ints_str(int n, const int64_t *v, char *buf, int size)
{
    int pos = snprintf(buf, (size_t)size, "[");
    for (int k = 0; k < n && pos < size; k++)
        pos += snprintf(buf + pos, (size_t)(size - pos), "%s%" PRId64, k ? ", " : "", v[k]);
    if (pos < size)
        snprintf(buf + pos, (size_t)(size - pos), "]");
    return buf;
}

/* Row-major multi-index of flat offset `off` in a shape. */
static void unflatten(int64_t off, int rank, const int64_t *shape, int64_t *idx)
{
    for (int d = rank - 1; d >= 0; d--) {
        idx[d] = shape[d] ? off % shape[d] : 0;
        off = shape[d] ? off / shape[d] : 0;
    }
}

/* ---- setup ------------------------------------------------------------------------ */

/* Product of shape[0..rank); -1 on a failed size, overflow or > 2^40. */
static int64_t shape_numel(int rank, const int64_t *shape)
{
    int64_t total = 1;
    for (int k = 0; k < rank; k++)
        if (shape[k] < 0 || __builtin_mul_overflow(total, shape[k], &total))
            return -1;
    return total > MAX_NUMEL ? -1 : total;
}

static bool eval_buffer_shapes(Exec *x)
{
    const KProgram *p = x->p;
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *kb = &p->bufs[b];
        for (int k = 0; k < kb->rank; k++)
            x->shape[b][k] = dim_eval(kb->shape[k], x->symvals);
        x->numel[b] = shape_numel(kb->rank, x->shape[b]);
        if (x->numel[b] < 0) {
            diag_error(x->d, graph_span(x),
                       "buffer '%s' is too large for these sizes (overflow or more than 2^40 "
                       "elements)",
                       kb->name);
            return false;
        }
    }
    return true;
}

/* inputs[b.index] against each input buffer b: dtype, rank, shape, data. */
static bool check_inputs(Exec *x, const IrBuf *inputs)
{
    const KProgram *p = x->p;
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *kb = &p->bufs[b];
        if (kb->kind != KB_INPUT)
            continue;
        const IrBuf *in = &inputs[kb->index];
        bool same = in->dtype == kb->dtype && in->rank == kb->rank;
        for (int k = 0; same && k < kb->rank; k++)
            same = in->shape[k] == x->shape[b][k];
        if (!same) {
            char want[256], got[256];
            int rank = in->rank < 0 || in->rank > IR_MAX_RANK ? 0 : in->rank;
            diag_error(x->d, graph_span(x),
                       "input '%s' does not match its buffer: expected %s%s, got %s%s", kb->name,
                       dt_name(kb->dtype), ints_str(kb->rank, x->shape[b], want, sizeof want),
                       (unsigned)in->dtype < DT_COUNT ? dt_name(in->dtype) : "?",
                       ints_str(rank, in->shape, got, sizeof got));
            return false;
        }
        if (x->numel[b] > 0 && (dt_is_float(kb->dtype) ? !in->f : !in->i)) {
            diag_error(x->d, graph_span(x), "input '%s' has no data", kb->name);
            return false;
        }
        if (!kb->written) {
            x->f[b] = in->f; /* never written: kir_verify refuses stores to them */
            x->i[b] = in->i;
            continue;
        }
        /* an in-out parameter: a working copy, so that a read after a write
         * is seen (and reported, below) as the GPU would see it */
        IrBuf *w = &x->temps[b];
        x->writer[b] = calloc((size_t)(x->numel[b] ? x->numel[b] : 1), sizeof(int32_t));
        x->wrow[b] = calloc((size_t)(x->numel[b] ? x->numel[b] : 1), sizeof(int64_t));
        if (!ir_buf_copy(w, in) || !x->writer[b] || !x->wrow[b]) {
            diag_error(x->d, graph_span(x), "out of memory for parameter '%s'", kb->name);
            return false;
        }
        x->f[b] = w->f;
        x->i[b] = w->i;
    }
    return true;
}

/* Outputs (into outputs[index]) and temps, zeroed, with their writer
 * arrays; the stats' counters. */
static bool alloc_buffers(Exec *x)
{
    const KProgram *p = x->p;
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *kb = &p->bufs[b];
        if (kb->kind != KB_INPUT) {
            IrBuf *ib = kb->kind == KB_OUTPUT ? &x->outputs[kb->index] : &x->temps[b];
            if (!ir_buf_alloc(ib, kb->dtype, kb->rank, x->shape[b])) {
                diag_error(x->d, graph_span(x), "out of memory for buffer '%s'", kb->name);
                return false;
            }
            x->out_alloc[b] = kb->kind == KB_OUTPUT;
            x->f[b] = ib->f;
            x->i[b] = ib->i;
            x->writer[b] = calloc((size_t)(x->numel[b] ? x->numel[b] : 1), sizeof(int32_t));
            if (!x->writer[b]) {
                diag_error(x->d, graph_span(x), "out of memory for buffer '%s'", kb->name);
                return false;
            }
        }
        if (x->stats) {
            size_t count = (size_t)(x->numel[b] ? x->numel[b] : 1);
            x->stats->numel[b] = x->numel[b];
            x->stats->loads[b] = calloc(count, sizeof(int64_t));
            x->stats->stores[b] = calloc(count, sizeof(int64_t));
            x->row_loads[b] = calloc(count, sizeof(RowLoads));
            if (!x->stats->loads[b] || !x->stats->stores[b] || !x->row_loads[b]) {
                diag_error(x->d, graph_span(x), "out of memory for the stats of '%s'", kb->name);
                return false;
            }
        }
    }
    return true;
}

/* ---- one segment ---------------------------------------------------------------------- */

/* Marks the ops an index expression reads through IX_VAL. */
static void mark_vals(const IxExpr *e, bool *mark)
{
    if (e->kind == IX_VAL)
        mark[e->c] = true;
    else if (e->kind == IX_ADD || e->kind == IX_MUL || e->kind == IX_DIV || e->kind == IX_MOD) {
        mark_vals(e->a, mark);
        mark_vals(e->b, mark);
    }
}

/* refs of entry j (an op, or nops + a store): the IX_VAL ops of its index. */
static void collect_refs(Seg *sg, int j, IxExpr *const *idx, int rank, bool *mark, int *nrefs)
{
    int nops = sg->s->ops.len;
    memset(mark, 0, (size_t)(nops ? nops : 1) * sizeof *mark);
    for (int d = 0; d < rank; d++)
        mark_vals(idx[d], mark);
    sg->refstart[j] = *nrefs;
    for (int c = 0; c < nops; c++)
        if (mark[c])
            sg->refs[(*nrefs)++] = c;
    sg->refstart[j + 1] = *nrefs;
}

/* Sizes, value arrays, IX_VAL reference lists and scratch for segment si
 * of the running kernel; false (reported) on a size or schedule error. */
static bool seg_init(Exec *x, Seg *sg, const Kernel *k, int si)
{
    const KSegment *s = k->segs[si];
    const KSchedule *sc = &s->sched;
    memset(sg, 0, sizeof *sg);
    sg->k = k;
    sg->s = s;
    sg->si = si;
    int64_t rows = 1, n = 1, total;
    for (int d = 0; d < s->nouter; d++) {
        sg->odim[d] = dim_eval(s->outer[d], x->symvals);
        if (sg->odim[d] < 0 || __builtin_mul_overflow(rows, sg->odim[d], &rows))
            rows = -1;
        if (rows < 0)
            break;
    }
    for (int d = 0; d < s->nrow; d++) {
        sg->rdim[d] = dim_eval(s->row[d], x->symvals);
        if (sg->rdim[d] < 0 || __builtin_mul_overflow(n, sg->rdim[d], &n))
            n = -1;
        if (n < 0)
            break;
    }
    if (rows < 0 || n < 0 || __builtin_mul_overflow(rows, n, &total) || total > MAX_NUMEL) {
        seg_error(x, sg, NULL, "domain too large for these sizes (overflow or more than 2^40 "
                               "elements)");
        return false;
    }
    sg->n = n;
    if (sc->chunks > 0 && (int64_t)sc->chunks * sc->threads_per_row * sc->vec < n) {
        seg_error(x, sg, NULL,
                  "schedule covers %" PRId64 " elements (chunks %d * threads_per_row %d * vec "
                  "%d) of a row of %" PRId64,
                  (int64_t)sc->chunks * sc->threads_per_row * sc->vec, sc->chunks,
                  sc->threads_per_row, sc->vec, n);
        return false;
    }

    int nops = s->ops.len, nst = s->stores.len;
    size_t slots = 0, rowlen = (size_t)(n ? n : 1);
    for (int i = 0; i < nops; i++)
        slots += op_at(s, i)->row ? rowlen : 1;
    sg->mem = malloc((slots ? slots : 1) * sizeof(KVal));
    if (!sg->mem) {
        seg_error(x, sg, NULL, "out of memory for %zu values", slots);
        return false;
    }
    sg->val = ir_xcalloc((size_t)nops, sizeof *sg->val);
    for (size_t i = 0, at = 0; i < (size_t)nops; i++) {
        sg->val[i] = sg->mem + at;
        at += op_at(s, (int)i)->row ? rowlen : 1;
    }
    sg->ivals = ir_xcalloc((size_t)nops, sizeof *sg->ivals);
    for (int i = 0; i < nops; i++)
        sg->ivals[i] = -1;

    /* IX_VAL references of every load and store: at most nops each */
    sg->refstart = ir_xcalloc((size_t)(nops + nst + 1), sizeof *sg->refstart);
    sg->refs = ir_xcalloc((size_t)nops * (size_t)(nops + nst) + 1, sizeof *sg->refs);
    bool *mark = ir_xcalloc((size_t)nops, sizeof *mark);
    int nrefs = 0;
    for (int i = 0; i < nops; i++) {
        const KOp *o = op_at(s, i);
        if (o->kind == KO_LOAD)
            collect_refs(sg, i, o->a.load.idx, x->p->bufs[o->a.load.buf].rank, mark, &nrefs);
        else if (o->kind == KO_INDEX)
            collect_refs(sg, i, &o->a.index.expr, 1, mark, &nrefs);
        else if (o->kind == KO_FOLD)
            collect_refs(sg, i, o->a.fold.idx, x->p->bufs[o->a.fold.buf].rank - 1, mark, &nrefs);
        else
            collect_refs(sg, i, NULL, 0, mark, &nrefs);
    }
    for (int i = 0; i < nst; i++) {
        const KStore *st = store_at(s, i);
        collect_refs(sg, nops + i, st->idx, x->p->bufs[st->buf].rank, mark, &nrefs);
    }
    free(mark);
    sg->have = ir_xcalloc((size_t)nops + 1, 1);
    /* reduction scratch: a team, or a wave (a fold) */
    size_t scratch = (size_t)(sc->threads_per_row > x->p->target.wave ? sc->threads_per_row
                                                                       : x->p->target.wave);
    sg->lanes = ir_xcalloc(scratch, sizeof *sg->lanes);
    sg->tmp = ir_xcalloc(scratch, sizeof *sg->tmp);
    return true;
}

static void seg_free(Seg *sg)
{
    free(sg->mem);
    free(sg->val);
    free(sg->ivals);
    free(sg->refstart);
    free(sg->refs);
    free(sg->lanes);
    free(sg->tmp);
    free(sg->have);
    memset(sg, 0, sizeof *sg);
}

/* Op o's value at element e (a per-row op has one value for the row). */
static inline KVal get(const Seg *sg, const KOp *o, int64_t e)
{
    return sg->val[o->id][o->row ? e : 0];
}

/* The domain vars of row sg->row: outer vars row-major over the outer
 * dims; row vars -1 (set by set_elem for per-element work). */
static void set_row(Seg *sg)
{
    int64_t r = sg->row;
    const KSegment *s = sg->s;
    for (int d = s->nouter - 1; d >= 0; d--) {
        sg->vars[d] = r % sg->odim[d];
        r /= sg->odim[d];
    }
    for (int d = s->nouter; d < IR_MAX_RANK; d++)
        sg->vars[d] = -1;
}

/* Row vars of element e (e >= 0), or -1 for per-row work (e < 0):
 * v{nouter+k} = e / prod(row[k+1..]) % row[k].  Then the IX_VAL values of
 * entry j's references at element e. */
static void set_elem(Seg *sg, int j, int64_t e)
{
    const KSegment *s = sg->s;
    int64_t rem = e;
    for (int d = s->nrow - 1; d >= 0; d--) {
        sg->vars[s->nouter + d] = e < 0 ? -1 : rem % sg->rdim[d];
        rem = e < 0 ? rem : rem / sg->rdim[d];
    }
    for (int r = sg->refstart[j]; r < sg->refstart[j + 1]; r++) {
        const KOp *o = op_at(s, sg->refs[r]);
        sg->ivals[o->id] = get(sg, o, e < 0 ? 0 : e).i;
    }
}

/* The flat offset in buffer b of the element idx names at the current
 * vars; -1 after reporting an index out of range.  For the message: store
 * j (-1: a load) and the element e (< 0 for per-row work). */
static int64_t access(Exec *x, Seg *sg, const KOp *o, int b, IxExpr *const *idx, int j,
                      int64_t e)
{
    const KBuf *kb = &x->p->bufs[b];
    int64_t iv[IR_MAX_RANK], off = 0;
    bool bad = false, neg = false;
    for (int d = 0; d < kb->rank; d++) {
        iv[d] = ix_eval_vals(idx[d], sg->vars, x->symvals, sg->ivals);
        bad |= iv[d] < 0 || iv[d] >= x->shape[b][d];
        neg |= iv[d] < 0;
    }
    if (!bad) {
        for (int d = 0; d < kb->rank; d++) /* < numel <= 2^40: no overflow */
            off = off * x->shape[b][d] + iv[d];
        return off;
    }
    char is[256], sh[256], el[64] = "", what[32] = "load";
    if (e >= 0)
        snprintf(el, sizeof el, ", element %" PRId64, e);
    if (j >= 0)
        snprintf(what, sizeof what, "store %d", j);
    seg_error(x, sg, o, "%s index %s out of range for buffer '%s' of shape %s (row %" PRId64
              "%s)%s",
              what, ints_str(kb->rank, iv, is, sizeof is), kb->name,
              ints_str(kb->rank, x->shape[b], sh, sizeof sh), sg->row, el,
              neg ? "; -1 is an overflow or a negative index value" : "");
    return -1;
}

/* Reads element off of buffer b for op o: hazards, stats, value. */
static bool read_elem(Exec *x, Seg *sg, const KOp *o, int b, int64_t off, KVal *v)
{
    const KBuf *kb = &x->p->bufs[b];
    if (kb->written && x->writer[b][off] &&
        (x->writer[b][off] != x->ki + 1 || x->wrow[b][off] != x->row_serial)) {
        char is[256];
        int64_t idx[IR_MAX_RANK];
        unflatten(off, kb->rank, x->shape[b], idx);
        seg_error(x, sg, o, "loads element %s of parameter '%s', which %s already wrote "
                  "(reads must see the parameter as at launch)",
                  ints_str(kb->rank, idx, is, sizeof is), kb->name,
                  x->writer[b][off] != x->ki + 1 ? "an earlier kernel" : "another row of this "
                  "kernel");
        return false;
    }
    if (kb->kind != KB_INPUT) {
        int32_t w = x->writer[b][off];
        if (w == 0 || w == x->ki + 1) {
            char is[256];
            int64_t idx[IR_MAX_RANK];
            unflatten(off, kb->rank, x->shape[b], idx);
            seg_error(x, sg, o, "loads element %s of %s buffer '%s', %s",
                      ints_str(kb->rank, idx, is, sizeof is), kb->kind == KB_TEMP ? "temp"
                                                                                  : "output",
                      kb->name,
                      w == 0 ? "which no earlier kernel stored"
                             : "which this same kernel stores (a race between blocks)");
            return false;
        }
    }
    if (x->stats) {
        x->stats->loads[b][off]++;
        RowLoads *rl = &x->row_loads[b][off];
        if (rl->row != x->row_serial) {
            rl->row = x->row_serial;
            rl->count = 0;
        }
        if (++rl->count > x->stats->max_loads_in_a_row[b])
            x->stats->max_loads_in_a_row[b] = rl->count;
    }
    if (x->f[b])
        v->f = x->f[b][off];
    else
        v->i = x->i[b][off];
    return true;
}

/* ---- ops ----------------------------------------------------------------------------- */

/* A division the plan rewrites, as the generated code computes it:
 * x * r with r = 1.0f / d once per row; for a selection of per-row powers
 * of two (recip_sel) r is the selected leaf's reciprocal, which is
 * 1.0f / (the selected leaf) exactly: computed so per element. */
static void eval_recip(Seg *sg, const KOp *o)
{
    if (o->in[1]->row) {
        for (int64_t e = 0; e < sg->n; e++)
            sg->val[o->id][e].f = get(sg, o->in[0], e).f * (1.0f / get(sg, o->in[1], e).f);
        return;
    }
    float r = 1.0f / get(sg, o->in[1], 0).f;
    for (int64_t e = 0; e < sg->n; e++)
        sg->val[o->id][e].f = get(sg, o->in[0], e).f * r;
}

/* Pointwise op o (const, unary, binary, where, cast) for the current row:
 * out[e] for every element (row op) or out[0] (per-row op).  The op's
 * class decisions are taken once, outside the element loop. */
static void eval_pointwise(Seg *sg, const KOp *o)
{
    int64_t count = o->row ? sg->n : 1;
    KVal *out = sg->val[o->id];
    bool f = dt_is_float(o->dtype), fin = o->nin && dt_is_float(o->in[0]->dtype);
    const KOp *a = o->in[0], *b = o->in[1], *c = o->in[2];
    switch (o->kind) {
    case KO_CONST:
        for (int64_t e = 0; e < count; e++) {
            out[e].i = 0;
            if (f)
                out[e].f = (float)o->a.cnst.f;
            else
                out[e].i = o->a.cnst.i;
        }
        return;
    case KO_UNARY:
        for (int64_t e = 0; e < count; e++) {
            if (f)
                out[e].f = sc_unary_f(o->a.unary, get(sg, a, e).f);
            else
                out[e].i = sc_unary_i(o->a.unary, get(sg, a, e).i);
        }
        return;
    case KO_BINARY:
        if (sg->s->plan && sg->s->plan->op[o->id].recip) {
            eval_recip(sg, o);
            return;
        }
        for (int64_t e = 0; e < count; e++) {
            KVal x = get(sg, a, e), y = get(sg, b, e);
            if (!fin)
                out[e].i = sc_binary_i(o->a.binary, x.i, y.i, o->dtype);
            else if (f)
                out[e].f = sc_binary_f(o->a.binary, x.f, y.f);
            else
                out[e].i = sc_compare_f(o->a.binary, x.f, y.f);
        }
        return;
    case KO_WHERE:
        for (int64_t e = 0; e < count; e++)
            out[e] = get(sg, a, e).i ? get(sg, b, e) : get(sg, c, e);
        return;
    case KO_CAST: {
        DType t = o->dtype;
        bool sat = o->a.cast.saturate && fin && f;
        float m = sat ? sc_sat_bound(t) : 0.0f;
        for (int64_t e = 0; e < count; e++) {
            KVal x = get(sg, a, e);
            if (o->a.cast.bitcast && fin && f)
                out[e].f = sc_bitcast_ff(x.f, o->a.cast.from, t);
            else if (o->a.cast.bitcast && fin)
                out[e].i = sc_bitcast_fi(x.f, o->a.cast.from, t);
            else if (o->a.cast.bitcast && f)
                out[e].f = sc_bitcast_if(x.i, t);
            else if (o->a.cast.bitcast)
                out[e].i = sc_bitcast_ii(x.i, t);
            else if (sat)
                out[e].f = sc_cast_ff_sat(x.f, t, m);
            else if (fin && f)
                out[e].f = sc_cast_ff(x.f, t);
            else if (fin)
                out[e].i = sc_cast_fi(x.f, t);
            else if (f)
                out[e].f = sc_cast_if(x.i, t);
            else
                out[e].i = sc_cast_ii(x.i, t);
        }
        return;
    }
    default:
        IR_ASSERT(!"not a pointwise op");
    }
}

/* combine(s, x) of kexec.h: x folded into s. */
static inline KVal combine(IrReduce k, bool flt, KVal s, KVal x)
{
    KVal r;
    if (flt)
        r.f = sc_red_combine_f(k, s.f, x.f);
    else
        r.i = sc_red_combine_i(k, s.i, x.i);
    return r;
}

/* One xor-butterfly over v[0..count) (count a power of two): for each
 * offset count/2 .. 1, every slot l at once becomes combine(v[l], v[l ^
 * off]).  tmp is scratch of the same size. */
static void butterfly(IrReduce k, bool flt, KVal *v, KVal *tmp, int count)
{
    for (int off = count / 2; off >= 1; off /= 2) {
        for (int l = 0; l < count; l++)
            tmp[l] = combine(k, flt, v[l], v[l ^ off]);
        memcpy(v, tmp, (size_t)count * sizeof *v);
    }
}

/* KO_REDUCE of the current row in the schedule's exact order (kexec.h). */
static bool eval_reduce(Exec *x, Seg *sg, const KOp *o)
{
    const KOp *in = o->in[0];
    const KSchedule *sc = &sg->s->sched;
    IrReduce k = o->a.reduce.kind;
    bool flt = dt_is_float(in->dtype);
    int64_t n = sg->n, tpr = sc->threads_per_row, vec = sc->vec;
    int64_t chunks = sc->chunks ? sc->chunks : (n + tpr * vec - 1) / (tpr * vec);
    if (n == 0 && (k == RED_MAX || k == RED_MIN)) {
        seg_error(x, sg, o, "%s over an empty row", ir_reduce_name(k));
        return false;
    }
    KVal id;
    if (flt)
        id.f = sc_red_identity_f(k);
    else
        id.i = sc_red_identity_i(k);

    /* a masked reduction (KOpPlan.masked) folds the where's other branch
     * only where the condition selects it; masked_any: then the constant
     * once, if the lane left an element out */
    const KOpPlan *mp = sg->s->plan ? &sg->s->plan->op[o->id] : NULL;
    int masked = mp ? mp->masked : 0;
    const KOp *val = masked ? in->in[masked] : in;
    KVal cv = {0};
    if (masked && mp->masked_any) {
        const KOp *c = in->in[masked == 1 ? 2 : 1];
        if (flt)
            cv.f = (float)c->a.cnst.f;
        else
            cv.i = c->a.cnst.i;
    }

    /* 1. lane l folds its elements e = (c * tpr + l) * vec + j in (c, j) order */
    for (int64_t l = 0; l < tpr; l++) {
        KVal acc = id;
        bool any = false;
        for (int64_t c = 0; c < chunks; c++)
            for (int64_t j = 0; j < vec; j++) {
                int64_t e = (c * tpr + l) * vec + j;
                if (e >= n)
                    continue;
                if (masked && (get(sg, in->in[0], e).i != 0) != (masked == 1))
                    any = true;
                else
                    acc = combine(k, flt, acc, get(sg, val, e));
            }
        if (any && masked && mp->masked_any)
            acc = combine(k, flt, acc, cv);
        sg->lanes[l] = acc;
    }
    /* 2. within each wave of w lanes: butterfly over offsets w/2 .. 1 */
    int wave = x->p->target.wave, w = tpr < wave ? (int)tpr : wave, nw = (int)tpr / w;
    for (int q = 0; q < nw; q++)
        butterfly(k, flt, sg->lanes + q * w, sg->tmp, w);
    /* 3. across waves: the waves' lane-0 values, butterfly over offsets nw/2 .. 1 */
    for (int q = 0; q < nw; q++)
        sg->lanes[q] = sg->lanes[q * w];
    butterfly(k, flt, sg->lanes, sg->tmp, nw);
    /* the row's result: lane 0's */
    KVal r = sg->lanes[0];
    if (k == RED_MEAN)
        r.f = r.f / (float)n;
    sg->val[o->id][0] = r;
    return true;
}

/* KO_FOLD for the current row: the partials in kexec.h's order. */
static bool eval_fold(Exec *x, Seg *sg, const KOp *o)
{
    int b = o->a.fold.buf, rank = x->p->bufs[b].rank, w = x->p->target.wave;
    IrReduce k = o->a.fold.kind;
    bool flt = dt_is_float(o->dtype);
    IxExpr *idx[IR_MAX_RANK];
    memcpy(idx, o->a.fold.idx, sizeof(IxExpr *) * (size_t)(rank - 1));
    set_elem(sg, o->id, -1);
    for (int l = 0; l < w; l++) {
        KVal acc;
        if (flt)
            acc.f = sc_red_identity_f(k);
        else
            acc.i = sc_red_identity_i(k);
        for (int q = l; q < o->a.fold.parts; q += w) {
            IxExpr qc = {.kind = IX_CONST, .c = q};
            idx[rank - 1] = &qc;
            int64_t off = access(x, sg, o, b, idx, -1, -1);
            KVal v;
            if (off < 0 || !read_elem(x, sg, o, b, off, &v))
                return false;
            acc = combine(k, flt, acc, v);
        }
        sg->lanes[l] = acc;
    }
    butterfly(k, flt, sg->lanes, sg->tmp, w);
    KVal r = sg->lanes[0];
    if (k == RED_MEAN)
        r.f = r.f / (float)dim_eval(o->a.fold.total, x->symvals);
    sg->val[o->id][0] = r;
    return true;
}

/* Evaluates op o for the current row: once, or for every element. */
static bool eval_op(Exec *x, Seg *sg, const KOp *o)
{
    if (o->kind == KO_REDUCE)
        return eval_reduce(x, sg, o);
    if (o->kind == KO_FOLD)
        return eval_fold(x, sg, o);
    int64_t count = o->row ? sg->n : 1;
    KVal *out = sg->val[o->id];
    if (o->kind == KO_INDEX) {
        for (int64_t e = 0; e < count; e++) {
            set_elem(sg, o->id, o->row ? e : -1);
            out[e].i = ix_eval_vals(o->a.index.expr, sg->vars, x->symvals, sg->ivals);
            if (out[e].i < 0) {
                seg_error(x, sg, o, "index expression overflows or reads a negative value "
                                    "(row %" PRId64 ", element %" PRId64 ")",
                          sg->row, o->row ? e : -1);
                return false;
            }
        }
        return true;
    }
    if (o->kind != KO_LOAD) {
        eval_pointwise(sg, o);
        return true;
    }
    int b = o->a.load.buf;
    for (int64_t e = 0; e < count; e++) {
        set_elem(sg, o->id, o->row ? e : -1);
        int64_t off = access(x, sg, o, b, o->a.load.idx, -1, o->row ? e : -1);
        if (off < 0 || !read_elem(x, sg, o, b, off, &out[e]))
            return false;
    }
    return true;
}

/* Store j of the segment for the current row: once, or for every element. */
static bool run_store(Exec *x, Seg *sg, int j)
{
    const KStore *st = store_at(sg->s, j);
    const KBuf *kb = &x->p->bufs[st->buf];
    int b = st->buf, entry = sg->s->ops.len + j;
    int64_t count = st->row ? sg->n : 1;
    bool flt = dt_is_float(kb->dtype);
    for (int64_t e = 0; e < count; e++) {
        set_elem(sg, entry, st->row ? e : -1);
        if (st->mask && !get(sg, st->mask, st->row ? e : 0).i)
            continue; /* masked off: a scatter row out of range */
        int64_t off = access(x, sg, st->value, b, st->idx, j, st->row ? e : -1);
        if (off < 0)
            return false;
        if (x->writer[b][off] == x->ki + 1) {
            char is[256];
            int64_t idx[IR_MAX_RANK];
            unflatten(off, kb->rank, x->shape[b], idx);
            seg_error(x, sg, st->value,
                      "store %d writes element %s of buffer '%s', which this kernel already "
                      "stored (a race; row %" PRId64 ")",
                      j, ints_str(kb->rank, idx, is, sizeof is), kb->name, sg->row);
            return false;
        }
        x->writer[b][off] = x->ki + 1;
        if (kb->written)
            x->wrow[b][off] = x->row_serial;
        if (x->stats)
            x->stats->stores[b][off]++;
        KVal v = get(sg, st->value, st->row ? e : 0);
        if (flt)
            x->f[b][off] = sc_store_f(v.f, kb->dtype);
        else
            x->i[b][off] = sc_store_i(v.i, kb->dtype);
    }
    return true;
}

/* ---- a row as the plan runs it -------------------------------------------------------- */

/* Have the ops that entry `entry` (an op id, or ops.len + a store index)
 * reads (operands `in`, and the values its indices read) been computed
 * for this row?  A plan that orders a value after its user is reported,
 * never read stale. */
static bool ready(Exec *x, Seg *sg, int entry, const KOp *who, KOp *const *in, int nin)
{
    for (int k = 0; k < nin; k++)
        if (in[k] && !sg->have[in[k]->id]) {
            seg_error(x, sg, who, "the plan computes it before its operand k%d", in[k]->id);
            return false;
        }
    for (int r = sg->refstart[entry]; r < sg->refstart[entry + 1]; r++)
        if (!sg->have[sg->refs[r]]) {
            seg_error(x, sg, who, "the plan computes it before k%d, which an index reads",
                      sg->refs[r]);
            return false;
        }
    return true;
}

static bool eval_planned(Exec *x, Seg *sg, const KOp *o)
{
    /* a masked fold (KOpPlan.masked) reads the where's condition and the
     * folded branch, not the where */
    int m = o->kind == KO_REDUCE ? sg->s->plan->op[o->id].masked : 0;
    KOp *masked[2] = {m ? o->in[0]->in[0] : NULL, m ? o->in[0]->in[m] : NULL};
    KOp *const *in = m ? masked : (KOp *const *)o->in;
    if (!ready(x, sg, o->id, o, in, m ? 2 : o->nin) || !eval_op(x, sg, o))
        return false;
    sg->have[o->id] = 1;
    return true;
}

static bool store_planned(Exec *x, Seg *sg, int j)
{
    const KStore *st = store_at(sg->s, j);
    KOp *in[2] = {st->value, st->mask};
    /* a direct store (KStorePlan.direct) encodes the cast's input: the
     * cast, which no phase computes, is that same conversion */
    if (sg->s->plan->store[j].direct && !sg->have[st->value->id] &&
        !eval_planned(x, sg, st->value))
        return false;
    return ready(x, sg, sg->s->ops.len + j, st->value, in, 2) && run_store(x, sg, j);
}

/* The per-row ops the plan emits at `stage` (KOpPlan.phase). */
static bool per_row_stage(Exec *x, Seg *sg, int stage)
{
    const KSegment *s = sg->s;
    bool ok = true;
    for (int i = 0; ok && i < s->ops.len; i++) {
        const KOp *o = op_at(s, i);
        if (!o->row && o->kind != KO_REDUCE && s->plan->op[i].phase == stage)
            ok = eval_planned(x, sg, o);
    }
    return ok;
}

/* One row of a planned segment, in the plan's order (kernel.h: KPlan):
 * the per-row ops of stage 0; per phase, the row ops it computes, in op
 * order, each over the whole row (a value an earlier phase also computed
 * is computed again: a streamed or unkept phase re-reads its loads, and
 * the stats count them again), its reductions (eval_reduce: the
 * schedule's order, which a streamed phase keeps), its row stores, then
 * the per-row ops after it; the per-row stores last.  A phase starts
 * with only the kept row values (KOpPlan.keep) and the per-row values: a
 * row op it uses but neither computes nor reads kept is an error.  A kept
 * value (KN_KEPT) is the earlier phase's, not recomputed; one the plan reads
 * from the lane's register of another load (KOpPlan.from) is loaded here
 * when first needed: the plan proved it the same element, and the stats
 * count it as the load the graph wrote.  Stores run at their phase, so a
 * later phase loading a written parameter would see the stored value, as
 * the GPU would. */
static bool run_row_planned(Exec *x, Seg *sg)
{
    const KSegment *s = sg->s;
    const KPlan *pl = s->plan;
    memset(sg->have, 0, (size_t)s->ops.len);
    bool ok = per_row_stage(x, sg, 0);
    for (int p = 0; ok && p < pl->nphase; p++) {
        const KPhase *ph = &pl->phases[p];
        for (int i = 0; i < s->ops.len; i++) /* a phase's registers: kept values only */
            if (op_at(s, i)->row && !pl->op[i].keep)
                sg->have[i] = 0;
        for (int i = 0; ok && i < s->ops.len; i++) {
            const KOp *o = op_at(s, i);
            if (!o->row || ph->need[i] == KN_NONE)
                continue;
            if (ph->need[i] == KN_KEPT && sg->have[i])
                continue;
            if (ph->need[i] == KN_KEPT && !pl->op[i].from) {
                seg_error(x, sg, o, "phase %d reads it kept, but no earlier phase computed it",
                          p);
                return false;
            }
            ok = eval_planned(x, sg, o);
        }
        for (int g = 0; ok && g < ph->nred; g++)
            ok = eval_planned(x, sg, op_at(s, ph->red[g]));
        for (int j = 0; ok && j < s->stores.len; j++)
            if (ph->store[j])
                ok = store_planned(x, sg, j);
        ok = ok && per_row_stage(x, sg, p + 1);
    }
    for (int j = 0; ok && j < s->stores.len; j++)
        if (!store_at(s, j)->row)
            ok = store_planned(x, sg, j);
    return ok;
}

static bool run_segment(Exec *x, const Kernel *k, int si)
{
    Seg sg;
    bool ok = seg_init(x, &sg, k, si);
    int64_t rows = kseg_rows(sg.s, x->symvals);
    for (sg.row = 0; ok && sg.row < rows; sg.row++) {
        x->row_serial++;
        set_row(&sg);
        if (sg.s->plan) {
            ok = run_row_planned(x, &sg);
            continue;
        }
        for (int i = 0; ok && i < sg.s->ops.len; i++)
            ok = eval_op(x, &sg, op_at(sg.s, i));
        for (int j = 0; ok && j < sg.s->stores.len; j++)
            ok = run_store(x, &sg, j);
    }
    seg_free(&sg);
    return ok;
}

/* Every output element must have been stored by some kernel. */
static bool check_outputs_written(Exec *x)
{
    const KProgram *p = x->p;
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *kb = &p->bufs[b];
        if (kb->kind != KB_OUTPUT)
            continue;
        int64_t missing = 0, first = -1;
        for (int64_t e = 0; e < x->numel[b]; e++)
            if (!x->writer[b][e] && missing++ == 0)
                first = e;
        if (missing) {
            char is[256];
            int64_t idx[IR_MAX_RANK];
            unflatten(first, kb->rank, x->shape[b], idx);
            diag_error(x->d, graph_span(x),
                       "output '%s': %" PRId64 " of %" PRId64
                       " elements are never stored (the first: %s)",
                       kb->name, missing, x->numel[b], ints_str(kb->rank, idx, is, sizeof is));
            return false;
        }
    }
    return true;
}

/* ---- driver -------------------------------------------------------------------------- */

void kexec_stats_free(KexecStats *s)
{
    for (int b = 0; b < s->nbuf; b++) {
        if (s->loads)
            free(s->loads[b]);
        if (s->stores)
            free(s->stores[b]);
    }
    free(s->loads);
    free(s->stores);
    free(s->numel);
    free(s->max_loads_in_a_row);
    memset(s, 0, sizeof *s);
}

bool kexec_run(const KProgram *p, const int64_t *symvals, const IrBuf *inputs, IrBuf *outputs,
               KexecStats *stats, Diag *d)
{
    return kexec_run_variant(p, KEXEC_MANY_ROWS, symvals, inputs, outputs, stats, d);
}

bool kexec_run_variant(const KProgram *p, KexecVariant v, const int64_t *symvals,
                       const IrBuf *inputs, IrBuf *outputs, KexecStats *stats, Diag *d)
{
    return kexec_run_world(p, v, symvals, 1, inputs, outputs, stats, d);
}

/* The strides of the per-rank input and output arrays. */
static void world_strides(const KProgram *p, int *nin, int *nout)
{
    *nin = *nout = 0;
    if (p->graph) {
        *nin = p->graph->nparam;
        *nout = p->graph->nout;
        return;
    }
    for (int b = 0; b < p->nbuf; b++) {
        if (p->bufs[b].kind == KB_INPUT && p->bufs[b].index + 1 > *nin)
            *nin = p->bufs[b].index + 1;
        if (p->bufs[b].kind == KB_OUTPUT && p->bufs[b].index + 1 > *nout)
            *nout = p->bufs[b].index + 1;
    }
}

/* Collective c over the ranks: every element of its temp was stored on
 * every rank (else an error: the sum would read undefined data), then
 * each rank's temp holds s = t_0 + t_1 + ... in f32, left to right. */
static bool run_collective(Exec *xs, int world, const KCollective *c)
{
    const KBuf *kb = &xs[0].p->bufs[c->buf];
    for (int r = 0; r < world; r++)
        for (int64_t e = 0; e < xs[r].numel[c->buf]; e++)
            if (!xs[r].writer[c->buf][e]) {
                char is[256];
                int64_t idx[IR_MAX_RANK];
                unflatten(e, kb->rank, xs[r].shape[c->buf], idx);
                diag_error(xs[r].d, graph_span(&xs[r]),
                           "all_reduce after kernel %d: element %s of '%s' was never stored "
                           "on rank %d", c->after, ints_str(kb->rank, idx, is, sizeof is),
                           kb->name, r);
                return false;
            }
    for (int64_t e = 0; e < xs[0].numel[c->buf]; e++) {
        float sum = xs[0].f[c->buf][e];
        for (int r = 1; r < world; r++)
            sum = sum + xs[r].f[c->buf][e];
        for (int r = 0; r < world; r++)
            xs[r].f[c->buf][e] = sum;
    }
    return true;
}

/* Frees what rank x's run holds; with !ok, its outputs too. */
static void exec_free(Exec *x, bool ok)
{
    const KProgram *p = x->p;
    for (size_t b = 0; b < (size_t)p->nbuf; b++) {
        if (!ok && x->out_alloc && x->out_alloc[b])
            ir_buf_free(&x->outputs[p->bufs[b].index]);
        if (x->temps)
            ir_buf_free(&x->temps[b]);
        if (x->writer)
            free(x->writer[b]);
        if (x->wrow)
            free(x->wrow[b]);
        if (x->row_loads)
            free(x->row_loads[b]);
    }
    free(x->shape);
    free(x->numel);
    free(x->f);
    free(x->i);
    free(x->writer);
    free(x->wrow);
    free(x->temps);
    free(x->out_alloc);
    free(x->row_loads);
}

/* Outputs written into parameters: the parameter's final value (rank x). */
static bool publish_dests(Exec *x, IrBuf *outputs)
{
    const KProgram *p = x->p;
    bool ok = true;
    int ndone = 0, *done = ir_xcalloc((size_t)(p->graph ? p->graph->nout : 0) + 1, sizeof *done);
    for (int o = 0; ok && p->graph && o < p->graph->nout; o++) {
        int b = kprog_out_buf(p, o);
        if (!ir_output_dest(p->graph, o))
            continue;
        ok = ir_buf_copy(&outputs[o], &x->temps[b]);
        if (ok)
            done[ndone++] = o;
        else
            diag_error(x->d, graph_span(x), "out of memory for parameter '%s'", p->bufs[b].name);
    }
    for (int k = 0; !ok && k < ndone; k++)
        ir_buf_free(&outputs[done[k]]);
    free(done);
    return ok;
}

bool kexec_run_world(const KProgram *p, KexecVariant v, const int64_t *symvals, int world,
                     const IrBuf *inputs, IrBuf *outputs, KexecStats *stats, Diag *d)
{
    if (stats) {
        memset(stats, 0, sizeof *stats);
        stats->nbuf = p->nbuf > 0 ? p->nbuf : 0;
        stats->numel = ir_xcalloc((size_t)stats->nbuf, sizeof *stats->numel);
        stats->loads = ir_xcalloc((size_t)stats->nbuf, sizeof *stats->loads);
        stats->stores = ir_xcalloc((size_t)stats->nbuf, sizeof *stats->stores);
        stats->max_loads_in_a_row = ir_xcalloc((size_t)stats->nbuf,
                                            sizeof *stats->max_loads_in_a_row);
    }
    if (!kir_verify(p, d))
        return false;
    if (world < 1 || world > IR_MAX_WORLD) {
        diag_error(d, p->graph ? p->graph->span : (Span){0},
                   "a simulated world of %d ranks (1 to %d)", world, IR_MAX_WORLD);
        return false;
    }
    size_t nb = (size_t)p->nbuf;
    int nin, nout;
    world_strides(p, &nin, &nout);
    /* derived size symbols (ir.h) computed from the free ones (a program
     * built without a graph has free symbols only) */
    int64_t *sv = NULL;
    if (p->graph && p->graph->symdefs) {
        sv = ir_xcalloc((size_t)p->graph->nsym + 1, sizeof *sv);
        memcpy(sv, symvals, sizeof *sv * (size_t)p->graph->nsym);
        ir_graph_derive_syms(p->graph, sv);
    }
    Exec *xs = ir_xcalloc((size_t)world, sizeof *xs);
    bool ok = true;
    for (int r = 0; r < world; r++) {
        Exec *x = &xs[r];
        *x = (Exec){.p = p, .symvals = sv ? sv : symvals, .d = d, .stats = r ? NULL : stats,
                    .outputs = outputs + (size_t)r * (size_t)nout};
        x->shape = ir_xcalloc(nb, sizeof *x->shape);
        x->numel = ir_xcalloc(nb, sizeof *x->numel);
        x->f = ir_xcalloc(nb, sizeof *x->f);
        x->i = ir_xcalloc(nb, sizeof *x->i);
        x->writer = ir_xcalloc(nb, sizeof *x->writer);
        x->wrow = ir_xcalloc(nb, sizeof *x->wrow);
        x->temps = ir_xcalloc(nb, sizeof *x->temps);
        x->out_alloc = ir_xcalloc(nb, sizeof *x->out_alloc);
        x->row_loads = ir_xcalloc(nb, sizeof *x->row_loads);
        bool before = ok;
        ok = ok && eval_buffer_shapes(x) && check_inputs(x, inputs + (size_t)r * (size_t)nin) &&
             alloc_buffers(x);
        if (before && !ok && world > 1)
            diag_note(d, graph_span(x), "on rank %d of %d", r, world);
    }
    int ci = 0;
    for (int ki = 0; ok && ki < p->nkernel; ki++) {
        const Kernel *k = p->kernels[ki];
        if (v == KEXEC_FEW_ROWS && k->few_rows)
            k = k->few_rows;
        for (int r = 0; ok && r < world; r++) {
            xs[r].ki = ki;
            for (int si = 0; ok && si < k->nseg; si++)
                ok = run_segment(&xs[r], k, si);
        }
        for (; ok && ci < p->ncoll && p->colls[ci].after == ki; ci++)
            ok = run_collective(xs, world, &p->colls[ci]);
    }
    for (int r = 0; ok && r < world; r++)
        ok = check_outputs_written(&xs[r]);
    int published = 0;
    for (; ok && published < world; published++)
        ok = publish_dests(&xs[published], xs[published].outputs);
    if (!ok) /* the ranks published before the failure: their written-into outputs */
        for (int r = 0; r < published; r++)
            for (int o = 0; p->graph && o < p->graph->nout; o++)
                if (ir_output_dest(p->graph, o))
                    ir_buf_free(&xs[r].outputs[o]);
    for (int r = 0; r < world; r++)
        exec_free(&xs[r], ok);
    free(xs);
    free(sv);
    return ok;
}
