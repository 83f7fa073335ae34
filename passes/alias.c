/* alias.c - which outputs may share their buffer with an input (in place).
 *
 * Requires: a verified KProgram.  Keeps: everything (an analysis).
 * Output o may alias input i when they have the same dtype and shape, o is
 * written by exactly one store, every load of i sits in that store's
 * segment with exactly the store's index expressions, and the store is per
 * element (or both are per row).  Then every element of o is written by
 * the one thread that read the same element of i, after reading it, and
 * nothing else reads it (LANGUAGE.md's rule): fused_add_rms_norm may update
 * the residual in place. */
#include "passes.h"

static bool same_idx(const KBuf *b, IxExpr *const *x, IxExpr *const *y)
{
    for (int k = 0; k < b->rank; k++)
        if (!ix_equal(x[k], y[k]))
            return false;
    return true;
}

static bool same_sig(const KBuf *a, const KBuf *b)
{
    if (a->dtype != b->dtype || a->rank != b->rank)
        return false;
    for (int k = 0; k < a->rank; k++)
        if (!dim_eq(a->shape[k], b->shape[k]))
            return false;
    return true;
}

/* May input ib share output ob's buffer? */
static bool may_alias(const KProgram *p, int ib, int ob)
{
    const KSegment *home = NULL;
    const KStore *store = NULL;
    for (int k = 0; k < p->nkernel; k++)
        for (int s = 0; s < p->kernels[k]->nseg; s++) {
            const KSegment *seg = p->kernels[k]->segs[s];
            for (int i = 0; i < seg->stores.len; i++) {
                const KStore *st = seg->stores.items[i];
                if (st->buf != ob)
                    continue;
                if (store)
                    return false;
                store = st;
                home = seg;
            }
        }
    if (!store)
        return false;
    for (int k = 0; k < p->nkernel; k++)
        for (int s = 0; s < p->kernels[k]->nseg; s++) {
            const KSegment *seg = p->kernels[k]->segs[s];
            for (int i = 0; i < seg->ops.len; i++) {
                const KOp *op = seg->ops.items[i];
                if (op->kind != KO_LOAD || op->a.load.buf != ib)
                    continue;
                if (seg != home || op->row != store->row ||
                    !same_idx(&p->bufs[ib], op->a.load.idx, store->idx))
                    return false;
            }
        }
    return true;
}

int pass_alias(const KProgram *p, int out)
{
    int nparam = p->graph->nparam, ob = kprog_out_buf(p, out);
    if (ob < nparam)
        return -1; /* written into a parameter: not a buffer of its own */
    for (int i = 0; i < nparam; i++)
        if (!p->bufs[i].written && same_sig(&p->bufs[i], &p->bufs[ob]) && p->bufs[i].rank > 0 &&
            may_alias(p, i, ob))
            return i;
    return -1;
}
