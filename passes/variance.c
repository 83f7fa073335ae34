/* variance.c - mean((x - mean(x))^2) becomes var(x) (RED_VAR), so that a
 * kernel computes the mean and the variance of a row in one pass over it
 * and one team reduction (Welford/Chan states, kexec.h), instead of a
 * second reduction that must wait for the first (LayerNorm: two block
 * barriers per row become one).  Inductor does the same for var_mean.
 *
 * The pattern, over one set of axes A:
 *     m = reduce.mean x axes=A [keepdim]
 *     b = view m            (the broadcast of m back to x's shape)
 *     d = sub x, b          (or sub b, x)
 *     s = mul d, d
 *     v = reduce.mean s axes=A [keepdim]      ->  v = reduce.var x axes=A
 * x a float value.  d and m usually stay (LayerNorm normalises d); s dies.
 *
 * Requires: a verified graph after CSE (so `mul d, d` has one operand
 * twice).  Keeps: the value up to rounding: var(x) is computed from the
 * exact mean (the interpreter: two f64 passes; kernels: f32 Welford)
 * where the original subtracts the mean rounded to f32 first.  Breaks:
 * nothing (dead nodes stay until DCE). */
#include "passes.h"

/* Is b the broadcast of m (a mean of x over axes) back to x's shape: index
 * i of b reads m at i with the reduced axes set to 0 (keepdim) or dropped? */
static bool is_broadcast_back(const IrNode *b, const IrNode *m, const IrNode *x)
{
    if (b->op != IR_VIEW || b->in[0] != m || b->rank != x->rank)
        return false;
    for (int i = 0; i < x->rank; i++)
        if (!dim_eq(b->shape[i], x->shape[i]))
            return false;
    uint32_t axes = m->a.reduce.axes;
    int j = 0; /* m's dim */
    for (int i = 0; i < x->rank; i++) {
        bool red = axes >> i & 1;
        if (red && !m->a.reduce.keepdim)
            continue;
        const IxExpr *e = b->a.view.src[j++];
        if (red ? !(e->kind == IX_CONST && e->c == 0) : !(e->kind == IX_VAR && e->c == i))
            return false;
    }
    return j == m->rank;
}

/* The x of `mean(x)` when n is `sub(x, broadcast(mean(x)))` or the
 * reverse, over axes; else NULL. */
static IrNode *centred(IrNode *d, uint32_t axes)
{
    if (d->op != IR_BINARY || d->a.binary != BIN_SUB)
        return NULL;
    for (int k = 0; k < 2; k++) {
        IrNode *x = d->in[k], *b = d->in[1 - k];
        if (b->op != IR_VIEW)
            continue;
        IrNode *m = b->in[0];
        if (m->op == IR_REDUCE && m->a.reduce.kind == RED_MEAN && m->a.reduce.axes == axes &&
            m->in[0] == x && dt_is_float(x->dtype) && is_broadcast_back(b, m, x))
            return x;
    }
    return NULL;
}

static IrNode *variance_node(IrGraph *g, IrNode *v)
{
    if (v->op != IR_REDUCE || v->a.reduce.kind != RED_MEAN)
        return NULL;
    IrNode *s = v->in[0];
    if (s->op != IR_BINARY || s->a.binary != BIN_MUL || s->in[0] != s->in[1])
        return NULL;
    IrNode *x = centred(s->in[0], v->a.reduce.axes);
    if (!x)
        return NULL;
    return ir_reduce(g, RED_VAR, v->dtype, x, v->a.reduce.axes, v->a.reduce.keepdim, v->span);
}

bool pass_variance(IrGraph *g, Diag *d)
{
    (void)d;
    ir_rewrite(g, variance_node);
    return true;
}
