/* fold_layout.c - layout folding.
 *
 * Requires: a verified graph.  Keeps: every value.  Breaks: nothing.
 * Afterwards:
 *   - no view reads another view: chains are composed into one index map
 *     (and their inverses, when both are bijections);
 *   - no view reads a constant (it becomes a constant of the view's shape);
 *   - identity views are gone;
 *   - a pointwise op never reads a `cat`: the op is applied to each part
 *     (its other operands read through slices) and the parts concatenated,
 *     so cats rise towards the outputs, where the planner writes each part
 *     straight into its slice of the output buffer.
 * Gathers stay as nodes: the kernel lowering folds them into loads. */
#include <string.h>

#include "passes.h"

#define MAX_ROUNDS 64

static bool is_identity(const IrNode *v)
{
    const IrNode *x = v->in[0];
    if (x->rank != v->rank)
        return false;
    for (int k = 0; k < v->rank; k++)
        if (!dim_eq(x->shape[k], v->shape[k]) || v->a.view.src[k]->kind != IX_VAR ||
            v->a.view.src[k]->c != k)
            return false;
    return true;
}

/* view(view(x, inner), outer) as one view of x. */
static IrNode *compose(IrGraph *g, IrNode *outer)
{
    IrNode *inner = outer->in[0], *x = inner->in[0];
    IxExpr *src[IR_MAX_RANK];
    for (int k = 0; k < x->rank; k++)
        src[k] = ix_subst(g->arena, inner->a.view.src[k], outer->a.view.src);
    IrNode *n = ir_view(g, x, outer->rank, outer->shape, src, outer->span);
    if (inner->a.view.invertible && outer->a.view.invertible) {
        for (int k = 0; k < outer->rank; k++)
            n->a.view.inv[k] = ix_subst(g->arena, outer->a.view.inv[k], inner->a.view.inv);
        n->a.view.invertible = true;
    }
    return n;
}

static IrNode *const_like(IrGraph *g, const IrNode *c, const IrNode *shape_of)
{
    if (dt_is_float(c->dtype))
        return ir_const_f(g, c->a.cnst.f, c->dtype, shape_of->rank, shape_of->shape,
                          shape_of->span);
    return ir_const_i(g, c->a.cnst.i, c->dtype, shape_of->rank, shape_of->shape, shape_of->span);
}

/* x restricted along dim d to [start, start + size). */
static IrNode *slice_of(IrGraph *g, IrNode *x, int d, Dim start, Dim size, Span s)
{
    if (x->op == IR_CONST) {
        IrNode tmp = *x;
        tmp.shape[d] = size;
        return const_like(g, x, &tmp);
    }
    Dim shape[IR_MAX_RANK];
    IxExpr *src[IR_MAX_RANK];
    memcpy(shape, x->shape, sizeof(Dim) * (size_t)x->rank);
    shape[d] = size;
    for (int k = 0; k < x->rank; k++)
        src[k] = ix_var(g->arena, k);
    if (start.coef)
        src[d] = ix_add(g->arena, src[d], ix_dim(g->arena, start));
    return ir_view(g, x, x->rank, shape, src, s);
}

/* op(..., cat(parts), ...) -> cat(op(..., part, ...), ...) for pointwise
 * op p whose operand `which` is a cat. */
static IrNode *sink_through_cat(IrGraph *g, IrNode *p, int which)
{
    IrNode *cat = p->in[which];
    int d = cat->a.cat.dim;
    IrNode **parts = ARENA_ARRAY(g->arena, IrNode *, cat->nin);
    Dim start = dim_const(0);
    for (int k = 0; k < cat->nin; k++) {
        Dim size = cat->in[k]->shape[d];
        IrNode *ops[3];
        for (int j = 0; j < p->nin; j++)
            ops[j] = j == which ? cat->in[k] : slice_of(g, p->in[j], d, start, size, p->span);
        parts[k] = ir_pointwise_like(g, p, ops);
        start.coef += size.coef; /* like terms (the front end guarantees it) */
        if (!start.nsym) {
            start.nsym = size.nsym;
            memcpy(start.syms, size.syms, sizeof size.syms);
        }
    }
    return ir_cat(g, cat->nin, parts, d, p->span);
}

static bool is_pointwise(const IrNode *n)
{
    return ir_op_info(n->op)->cls == OPK_POINTWISE;
}

/* The rewrite of one node (see the file comment), or NULL. */
static IrNode *fold_node(IrGraph *g, IrNode *x)
{
    if (x->op == IR_VIEW && x->in[0]->op == IR_VIEW)
        return compose(g, x);
    if (x->op == IR_VIEW && x->in[0]->op == IR_CONST)
        return const_like(g, x->in[0], x);
    if (x->op == IR_VIEW && is_identity(x))
        return x->in[0];
    if (is_pointwise(x))
        for (int k = 0; k < x->nin; k++)
            if (x->in[k]->op == IR_CAT)
                return sink_through_cat(g, x, k);
    return NULL;
}

bool pass_fold_layout(IrGraph *g, Diag *d)
{
    (void)d;
    for (int round = 0; round < MAX_ROUNDS && ir_rewrite(g, fold_node); round++)
        ;
    return true;
}
