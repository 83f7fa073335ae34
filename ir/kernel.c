/* kernel.c - kernel IR sizes and queries; see kernel.h.  The printers are
 * in kernel_print.c, the verifier in kernel_verify.c. */
#include "kernel.h"

KTarget ktarget_default(void)
{
    return (KTarget){.wave = 32, .max_smem = 48 * 1024, .max_threads = 1024, .reg_budget = 64};
}

/* ---- sizes --------------------------------------------------------------------- */

/* Product of evaluated dims; -1 on overflow or a failed dim. */
static int64_t dims_product(int n, const Dim *dims, const int64_t *symvals)
{
    int64_t p = 1;
    for (int k = 0; k < n; k++) {
        int64_t v = dim_eval(dims[k], symvals);
        if (v < 0 || __builtin_mul_overflow(p, v, &p))
            return -1;
    }
    return p;
}

int kprog_out_buf(const KProgram *p, int o)
{
    const IrDest *d = p->graph ? ir_output_dest(p->graph, o) : NULL;
    if (d)
        return d->param;
    for (int b = 0; b < p->nbuf; b++)
        if (p->bufs[b].kind == KB_OUTPUT && p->bufs[b].index == o)
            return b;
    return -1;
}

int64_t kseg_row_len(const KSegment *s, const int64_t *symvals)
{
    return dims_product(s->nrow, s->row, symvals);
}

int64_t kseg_rows(const KSegment *s, const int64_t *symvals)
{
    return dims_product(s->nouter, s->outer, symvals);
}

int64_t kseg_static_row_len(const KSegment *s)
{
    for (int k = 0; k < s->nrow; k++)
        if (s->row[k].nsym)
            return -1;
    return dims_product(s->nrow, s->row, NULL);
}

static bool ix_has_outer(const IxExpr *e, int nouter)
{
    switch (e->kind) {
    case IX_VAR: return e->c < nouter;
    case IX_VAL: return true;
    case IX_CONST: case IX_DIM: return false;
    default: return ix_has_outer(e->a, nouter) || ix_has_outer(e->b, nouter);
    }
}

int64_t kop_row_group(const KSegment *s, const KOp *op)
{
    int rowvar = s->nouter;
    const IxExpr *e = op->kind == KO_INDEX ? op->a.index.expr : NULL;
    int64_t g = 0;
    if (e && e->kind == IX_DIV && e->a->kind == IX_VAR && e->a->c == rowvar &&
        e->b->kind == IX_CONST)
        g = e->b->c;
    else if (op->kind == KO_BINARY && op->a.binary == BIN_FLOORDIV &&
             op->in[0]->kind == KO_INDEX && op->in[0]->a.index.expr->kind == IX_VAR &&
             op->in[0]->a.index.expr->c == rowvar && op->in[1]->kind == KO_CONST)
        g = op->in[1]->a.cnst.i;
    return g > 0 ? g : 0;
}

bool kop_load_per_row(const KProgram *p, const KSegment *s, const KOp *op)
{
    for (int k = 0; k < p->bufs[op->a.load.buf].rank; k++)
        if (ix_has_outer(op->a.load.idx[k], s->nouter))
            return true;
    return false;
}
