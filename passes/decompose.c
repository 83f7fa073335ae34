/* decompose.c - rewrite composite forms into the primitives the kernel IR
 * and code generators handle directly.
 *
 * Requires: a verified graph.  Keeps: every result bit-for-bit (only
 * rewrites whose results are identical are made).  Breaks: nothing.
 *   pow(x, 1) -> x        (exact)
 * pow(x, 2) is not x * x: pow is libm's powf (docs/language.md), which is
 * not correctly rounded (glibc rounds exact ties of x*x such as
 * (1 + 2^-12)^2 upwards), so the rewrite would change results.
 * mean, sigmoid, rsqrt, clamp (min/max) and where are primitives already. */
#include "passes.h"

static bool is_const(const IrNode *n, double v)
{
    return n->op == IR_CONST && dt_is_float(n->dtype) && n->a.cnst.f == v;
}

static IrNode *decompose_node(IrGraph *g, IrNode *x)
{
    (void)g;
    if (x->op != IR_BINARY || x->a.binary != BIN_POW || !dt_is_float(x->dtype))
        return NULL;
    IrNode *base = x->in[0];
    return is_const(x->in[1], 1.0) && base->dtype == x->dtype ? base : NULL;
}

bool pass_decompose(IrGraph *g, Diag *d)
{
    (void)d;
    ir_rewrite(g, decompose_node);
    return true;
}
