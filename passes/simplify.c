/* simplify.c - algebraic simplification that never changes a result.
 *
 * Requires: a verified graph.  Keeps: every output bit-for-bit, and every
 * node's dtype (a node is only replaced by one of the same dtype, since the
 * dtype decides how an output is stored).  Breaks: nothing.
 *   x * 1, 1 * x, x / 1, x - 0     -> x            (exact in f32 and ints)
 *   f(f(x)) -> x for an involution (ops.h: -(-x), !!x)
 *   f(f(x)) -> f(x) for an idempotent f (abs, floor, ceil, round)
 *   to(x, T) when x holds values exact in T and has dtype T -> x
 *   to(to(x, f32), T) for float x  -> to(x, T)     (the inner cast is the identity)
 *   to(clamp(x, -M, M), T) for float T with M = T's largest finite value
 *                                  -> saturating to(x, T)  (clamp then
 *      round equals saturating rounding, NaN included) */
#include <math.h>

#include "passes.h"

static bool const_is(const IrNode *n, double v)
{
    return n->op == IR_CONST && (dt_is_float(n->dtype) ? n->a.cnst.f == v
                                                       : n->a.cnst.i == (int64_t)v);
}

/* n holds only values exactly representable in its own dtype. */
static bool exact(const IrNode *n)
{
    for (int guard = 0; guard < 10000; guard++) {
        switch (n->op) {
        case IR_INPUT: case IR_CAST: return true;
        case IR_CONST: return !dt_is_float(n->dtype) ||
                              (double)dt_round_float((float)n->a.cnst.f, n->dtype) ==
                                  (double)(float)n->a.cnst.f;
        case IR_VIEW: case IR_GATHER: n = n->in[0]; break;
        case IR_CAT:
            for (int k = 0; k < n->nin; k++)
                if (n->in[k]->dtype != n->dtype || !exact(n->in[k]))
                    return false;
            return true;
        default: return false;
        }
    }
    return false;
}

static IrNode *simplify_binary(IrNode *x)
{
    IrNode *a = x->in[0], *b = x->in[1];
    IrNode *keep = NULL;
    switch (x->a.binary) {
    case BIN_MUL: keep = const_is(b, 1) ? a : const_is(a, 1) ? b : NULL; break;
    case BIN_DIV: keep = const_is(b, 1) ? a : NULL; break;
    /* x - 0.0 is x (-0.0 - 0.0 = -0.0); not x - -0.0, which is +0.0 at x = -0.0 */
    case BIN_SUB: keep = const_is(b, 0) && dt_is_float(b->dtype) && !signbit(b->a.cnst.f) ? a : NULL; break;
    default: break;
    }
    return keep && keep->dtype == x->dtype ? keep : NULL;
}

/* min(max(v, lo), hi) or max(min(v, hi), lo): sets *v, *lo, *hi. */
static bool match_clamp(IrNode *n, IrNode **v, IrNode **lo, IrNode **hi)
{
    if (n->op != IR_BINARY || (n->a.binary != BIN_MIN && n->a.binary != BIN_MAX))
        return false;
    IrNode *inner = n->in[0];
    IrBinary other = n->a.binary == BIN_MIN ? BIN_MAX : BIN_MIN;
    if (inner->op != IR_BINARY || inner->a.binary != other)
        return false;
    *v = inner->in[0];
    *lo = n->a.binary == BIN_MIN ? inner->in[1] : n->in[1];
    *hi = n->a.binary == BIN_MIN ? n->in[1] : inner->in[1];
    return (*lo)->op == IR_CONST && (*hi)->op == IR_CONST;
}

static IrNode *simplify_cast(IrGraph *g, IrNode *x)
{
    IrNode *v = x->in[0];
    if (!dt_is_float(x->dtype) || !dt_is_float(v->dtype) || x->a.cast.bitcast)
        return NULL;
    if (v->dtype == x->dtype && exact(v) && !x->a.cast.saturate)
        return v;
    if (v->op == IR_CAST && v->dtype == DT_F32 && dt_is_float(v->in[0]->dtype) &&
        !v->a.cast.saturate && !v->a.cast.bitcast) {
        IrNode *c = ir_cast(g, x->dtype, v->in[0], x->span);
        c->a.cast.saturate = x->a.cast.saturate;
        return c;
    }
    IrNode *inner, *lo, *hi;
    double m = dt_max_finite(x->dtype);
    if (x->dtype != DT_F32 && match_clamp(v, &inner, &lo, &hi) && dt_is_float(inner->dtype) &&
        lo->a.cnst.f == -m && hi->a.cnst.f == m) {
        IrNode *c = ir_cast(g, x->dtype, inner, x->span);
        c->a.cast.saturate = true;
        return c;
    }
    return NULL;
}

/* f(f(v)): v for an involution, f(v) for an idempotent f (ops.h flags). */
static IrNode *simplify_unary(IrNode *x)
{
    IrNode *inner = x->in[0];
    if (inner->op != IR_UNARY || inner->a.unary != x->a.unary || inner->dtype != x->dtype)
        return NULL;
    unsigned flags = ir_unary_info(x->a.unary)->flags;
    if ((flags & OPF_INVOLUTION) && inner->in[0]->dtype == x->dtype)
        return inner->in[0];
    return flags & OPF_IDEMPOTENT ? inner : NULL;
}

static IrNode *simplify_node(IrGraph *g, IrNode *x)
{
    if (x->op == IR_BINARY)
        return simplify_binary(x);
    if (x->op == IR_CAST)
        return simplify_cast(g, x);
    if (x->op == IR_UNARY)
        return simplify_unary(x);
    return NULL;
}

bool pass_simplify(IrGraph *g, Diag *d)
{
    (void)d;
    ir_rewrite(g, simplify_node);
    return true;
}
