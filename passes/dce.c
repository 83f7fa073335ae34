/* dce.c - dead code elimination.
 *
 * Requires: a verified graph.  Keeps: parameters (even unused: they are the
 * graph's signature) and every node an output reaches.  Breaks: node ids
 * (renumbered densely, in topological order). */
#include "passes.h"

bool pass_dce(IrGraph *g, Diag *d)
{
    (void)d;
    ir_compact(g);
    return true;
}
