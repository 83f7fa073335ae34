/* layout.h - layout built-ins and indexing (layout.c), for the calls in
 * builtins.c and the subscripts in lower.c. */
#ifndef SINTER_LAYOUT_H
#define SINTER_LAYOUT_H

#include "lower_impl.h"

/* Layout built-ins, dispatched to layout.c (order matters only here). */
enum {
    LAY_VIEW, LAY_PERMUTE, LAY_TRANSPOSE, LAY_SLICE, LAY_SPLIT, LAY_CHUNK, LAY_EXPAND,
    LAY_SQUEEZE, LAY_UNSQUEEZE, LAY_FLATTEN, LAY_UNFLATTEN, LAY_CAT, LAY_STACK, LAY_GATHER
};

/* x[subscripts] (an AST_INDEX). */
Value lw_index(Lower *L, const AstExpr *e);
/* The layout built-in `which` on bound arguments. */
Value lw_layout_call(Lower *L, int which, const Value *args, const bool *given, Span s);

#endif
