/* verify.c - the graph IR checker, run between stages in tests and debug
 * builds.  It checks every invariant stated in ir.h: dense ids in
 * topological order, operands inside the graph, shapes and dtypes per op,
 * index expressions only over the view's own indices and known symbols.
 * Each broken invariant is one error naming the graph and node. */
#include <string.h>

#include "ir.h"

typedef struct {
    const IrGraph *g;
    Diag *d;
    bool ok;
} Ck;

static void fail(Ck *c, const IrNode *n, const char *what)
{
    c->ok = false;
    diag_error(c->d, n ? n->span : c->g->span, "IR verifier: graph %s, node %%%d: %s", c->g->name,
               n ? n->id : -1, what);
}

static bool dim_ok(const IrGraph *g, Dim d)
{
    if (d.coef < 0 || d.nsym > IR_MAX_DIM_SYMS)
        return false;
    for (int i = 0; i < d.nsym; i++)
        if (d.syms[i] >= g->nsym || (i && d.syms[i] < d.syms[i - 1]))
            return false;
    return true;
}

typedef struct {
    const IrGraph *g;
    int rank;
    int budget; /* nodes left to visit: bounds a malformed (cyclic) expression */
} IxCk;

/* A node a valid view map cannot have: a negative constant, an unknown
 * index or symbol, an IX_VAL (kernel IR only), a missing operand. */
static bool ix_bad(const IxExpr *e, void *ctx)
{
    IxCk *c = ctx;
    if (--c->budget < 0)
        return true;
    switch (e->kind) {
    case IX_CONST: return e->c < 0;
    case IX_VAR: return e->c < 0 || e->c >= c->rank;
    case IX_DIM: return !dim_ok(c->g, e->dim);
    case IX_ADD: case IX_MUL: case IX_DIV: case IX_MOD: return !e->a || !e->b;
    default: return true;
    }
}

static bool ix_ok(const IrGraph *g, const IxExpr *e, int rank)
{
    IxCk c = {g, rank, 1 << 20};
    return e && !ix_any(e, ix_bad, &c);
}

/* Binary ops by ops.h's class: both operands of one class the op is
 * defined on; arithmetic keeps the class, comparisons and logic give bool. */
static void check_binary(Ck *c, const IrNode *n)
{
    const IrOpInfo *op = ir_binary_info(n->a.binary);
    unsigned dom = ir_dtype_dom(n->in[0]->dtype);
    if ((unsigned)n->a.binary >= BIN_COUNT) {
        fail(c, n, "unknown binary op");
        return;
    }
    if (dom != ir_dtype_dom(n->in[1]->dtype))
        fail(c, n, "binary operands of different float/integer/bool class");
    if (!(op->dom & dom))
        fail(c, n, "binary op not defined on its operands' class (ops.h)");
    if (op->cls == OPC_ARITH && ir_dtype_dom(n->dtype) != dom)
        fail(c, n, "arithmetic changes float/integer/bool class");
    if (op->cls != OPC_ARITH && n->dtype != DT_BOOL)
        fail(c, n, "comparison or logical op with a non-bool result");
}

static void check_pointwise(Ck *c, const IrNode *n)
{
    for (int i = 0; i < n->nin; i++)
        if (!ir_same_shape(n, n->in[i]))
            fail(c, n, "operand shape differs from the result's (broadcasts must be views)");
    if (n->op == IR_UNARY) {
        const IrOpInfo *op = ir_unary_info(n->a.unary);
        if ((unsigned)n->a.unary >= UN_COUNT)
            fail(c, n, "unknown unary op");
        else if (!(op->dom & ir_dtype_dom(n->in[0]->dtype)))
            fail(c, n, "unary op not defined on its operand's class (ops.h)");
        if (ir_dtype_dom(n->dtype) != ir_dtype_dom(n->in[0]->dtype))
            fail(c, n, "unary changes float/integer/bool class");
    } else if (n->op == IR_BINARY) {
        check_binary(c, n);
    } else if (n->op == IR_WHERE) {
        if (n->in[0]->dtype != DT_BOOL)
            fail(c, n, "where condition is not bool");
        if (dt_is_float(n->dtype) != dt_is_float(n->in[1]->dtype) ||
            dt_is_float(n->dtype) != dt_is_float(n->in[2]->dtype))
            fail(c, n, "where branches of another float/integer class");
    }
}

static void check_reduce(Ck *c, const IrNode *n)
{
    const IrNode *x = n->in[0];
    uint32_t axes = n->a.reduce.axes;
    if (!axes || (x->rank < 32 && axes >> x->rank))
        fail(c, n, "reduce axes out of range");
    int rank = 0;
    for (int i = 0; i < x->rank; i++) {
        bool red = axes >> i & 1;
        if (red && !n->a.reduce.keepdim)
            continue;
        if (rank >= n->rank || !dim_eq(n->shape[rank], red ? dim_const(1) : x->shape[i])) {
            fail(c, n, "reduce result shape inconsistent with its axes");
            return;
        }
        rank++;
    }
    if (rank != n->rank)
        fail(c, n, "reduce result rank inconsistent with its axes");
    if (dt_is_float(n->dtype) != dt_is_float(x->dtype))
        fail(c, n, "reduce changes float/integer class");
    if (n->a.reduce.kind == RED_MEAN && !dt_is_float(n->dtype))
        fail(c, n, "mean of integers");
}

static void check_cat(Ck *c, const IrNode *n)
{
    int dim = n->a.cat.dim;
    if (dim < 0 || dim >= n->rank) {
        fail(c, n, "cat dim out of range");
        return;
    }
    for (int k = 0; k < n->nin; k++) {
        const IrNode *p = n->in[k];
        if (p->rank != n->rank || p->dtype != n->dtype) {
            fail(c, n, "cat part of another rank or dtype");
            return;
        }
        for (int i = 0; i < n->rank; i++)
            if (i != dim && !dim_eq(p->shape[i], n->shape[i]))
                fail(c, n, "cat part differs outside the cat dim");
    }
}

static void check_gather(Ck *c, const IrNode *n)
{
    const IrNode *t = n->in[0], *idx = n->in[1];
    int dim = n->a.gather.dim;
    if (!dt_is_int(idx->dtype))
        fail(c, n, "gather index is not an integer tensor");
    if (dim < 0 || dim >= t->rank || n->rank != t->rank - 1 + idx->rank) {
        fail(c, n, "gather rank or dim inconsistent");
        return;
    }
    for (int i = 0; i < n->rank; i++) {
        Dim want = i < dim ? t->shape[i]
                 : i < dim + idx->rank ? idx->shape[i - dim]
                 : t->shape[i - idx->rank + 1];
        if (!dim_eq(n->shape[i], want))
            fail(c, n, "gather result shape inconsistent");
    }
    if (n->dtype != t->dtype)
        fail(c, n, "gather changes dtype");
}

/* A view's recorded inverse must undo its map: checked on up to 64 points
 * of the view's index space, with every symbol bound to 3. */
static void check_inverse(Ck *c, const IrNode *n)
{
    const IrNode *x = n->in[0];
    int64_t syms[64], shape[IR_MAX_RANK], idx[IR_MAX_RANK] = {0}, src[IR_MAX_RANK];
    for (int k = 0; k < 64; k++)
        syms[k] = 3;
    if (c->g->nsym > 64)
        return;
    int64_t total = 1;
    for (int k = 0; k < n->rank; k++) {
        shape[k] = dim_eval(n->shape[k], syms);
        if (shape[k] <= 0)
            return;
        if (total <= (1 << 20)) /* enough points; saturate, never overflow */
            total = shape[k] > INT64_MAX / total ? INT64_MAX : total * shape[k];
    }
    for (int k = 0; k < n->rank; k++)
        if (!ix_ok(c->g, n->a.view.inv[k], x->rank)) {
            fail(c, n, "view inverse refers to unknown indices");
            return;
        }
    int64_t step = total / 64 + 1;
    for (int64_t p = 0; p < total; p = step < total - p ? p + step : total) {
        int64_t rest = p;
        for (int k = n->rank - 1; k >= 0; k--) {
            idx[k] = rest % shape[k];
            rest /= shape[k];
        }
        for (int k = 0; k < x->rank; k++)
            src[k] = ix_eval(n->a.view.src[k], idx, syms);
        for (int k = 0; k < n->rank; k++)
            if (ix_eval(n->a.view.inv[k], src, syms) != idx[k]) {
                fail(c, n, "view inverse does not undo the view");
                return;
            }
    }
}

static void check_node(Ck *c, const IrNode *n, int i)
{
    if (n->id != i)
        fail(c, n, "id is not its position");
    if (n->rank < 0 || n->rank > IR_MAX_RANK || n->dtype >= DT_COUNT) {
        fail(c, n, "bad rank or dtype");
        return;
    }
    for (int k = 0; k < n->rank; k++)
        if (!dim_ok(c->g, n->shape[k]))
            fail(c, n, "bad dim");
    for (int k = 0; k < n->nin; k++) {
        const IrNode *o = n->in[k];
        if (!o || o->id < 0 || o->id >= i || c->g->nodes.items[o->id] != o) {
            fail(c, n, "operand not defined before use in this graph");
            return;
        }
    }
    int arity = ir_op_info(n->op)->arity;
    if (n->op >= IR_OP_COUNT || (arity >= 0 && n->nin != arity) || (arity < 0 && n->nin < 1)) {
        fail(c, n, "wrong operand count");
        return;
    }
    switch (n->op) {
    case IR_INPUT:
        if (n->a.input.index < 0 || n->a.input.index >= c->g->nparam ||
            c->g->params[n->a.input.index] != n)
            fail(c, n, "input not in the parameter list");
        break;
    case IR_CONST: break;
    case IR_IOTA:
        if (n->rank != 1 || !dt_is_int(n->dtype))
            fail(c, n, "iota is not a rank-1 integer tensor");
        break;
    case IR_UNARY: case IR_BINARY: case IR_WHERE: check_pointwise(c, n); break;
    case IR_CAST:
        if (!ir_same_shape(n, n->in[0]))
            fail(c, n, "cast changes shape");
        if (n->a.cast.bitcast &&
            (dt_bits(n->dtype) != dt_bits(n->in[0]->dtype) || n->dtype == DT_BOOL ||
             n->in[0]->dtype == DT_BOOL || n->a.cast.saturate))
            fail(c, n, "bitcast between dtypes of different widths, of bool, or saturating");
        break;
    case IR_REDUCE: check_reduce(c, n); break;
    case IR_VIEW:
        if (n->dtype != n->in[0]->dtype)
            fail(c, n, "view changes dtype");
        for (int k = 0; k < n->in[0]->rank; k++)
            if (!ix_ok(c->g, n->a.view.src[k], n->rank)) {
                fail(c, n, "view index expression refers to unknown indices or symbols");
                return;
            }
        if (n->a.view.invertible)
            check_inverse(c, n);
        break;
    case IR_CAT: check_cat(c, n); break;
    case IR_GATHER: check_gather(c, n); break;
    case IR_ALLREDUCE:
        if (n->dtype != DT_F32 || n->in[0]->dtype != DT_F32 || !ir_same_shape(n, n->in[0]))
            fail(c, n, "all_reduce is not f32 to f32 of one shape");
        break;
    default: break;
    }
}

bool ir_verify(const IrGraph *g, Diag *d)
{
    Ck c = {g, d, true};
    for (int i = 0; i < g->nodes.len; i++)
        check_node(&c, g->nodes.items[i], i);
    for (int i = 0; i < g->nparam; i++)
        if (!g->params[i] || g->params[i]->op != IR_INPUT)
            fail(&c, g->params[i], "parameter is not an input node");
    if (g->nout < 1)
        fail(&c, NULL, "graph returns nothing");
    for (int i = 0; i < g->nout; i++) {
        const IrNode *o = g->outs[i];
        if (!o || o->id < 0 || o->id >= g->nodes.len || g->nodes.items[o->id] != o)
            fail(&c, NULL, "output is not a node of the graph");
        const IrDest *dst = ir_output_dest(g, i);
        if (!dst)
            continue;
        if (dst->param < 0 || dst->param >= g->nparam) {
            fail(&c, NULL, "output written into a parameter that does not exist");
            continue;
        }
        const IrNode *p = g->params[dst->param];
        if (p->dtype != o->dtype)
            fail(&c, o, "output written into a parameter of another dtype");
        for (int k = 0; k < p->rank; k++)
            if (!dst->map[k])
                fail(&c, o, "destination map misses a dim");
        const IrNode *x = dst->index;
        if (x && (x->id < 0 || x->id >= g->nodes.len || g->nodes.items[x->id] != x ||
                  !dt_is_int(x->dtype) || x->rank > o->rank))
            fail(&c, o, "scatter index is not an integer node of the graph");
    }
    return c.ok;
}
