/* lower_impl.h - private interface between the lowering files:
 *   lower.c     expressions, operators, statements, graphs, errors
 *   builtins.c  function calls: argument binding, defs, built-in functions
 *   layout.c    layout ops and indexing as index maps (IR_VIEW/CAT/GATHER)
 */
#ifndef SINTER_LOWER_IMPL_H
#define SINTER_LOWER_IMPL_H

#include <setjmp.h>

#include "ast.h"
#include "ir.h"

typedef enum { V_NONE, V_TENSOR, V_INT, V_FLOAT, V_BOOL, V_DTYPE, V_DIM, V_LIST, V_TUPLE } VKind;

typedef struct Value {
    VKind k;
    Span span;
    IrNode *t;           /* V_TENSOR */
    int64_t i;           /* V_INT, V_BOOL */
    double f;            /* V_FLOAT */
    DType dt;            /* V_DTYPE */
    Dim dim;             /* V_DIM */
    int n;               /* V_LIST, V_TUPLE */
    struct Value *items;
} Value;

typedef struct {
    int n, cap;
    const char **keys;
    Value *vals;
} Scope;

typedef struct Frame {
    const AstItem *fn;
    Span call_site;
    struct Frame *parent;
    bool is_stdlib;
} Frame;

typedef struct {
    Arena *arena;
    Diag *diag;
    const AstFile *file;
    const AstFile *stdlib;
    PtrVec user_defs;    /* AstItem*: the file's own defs */
    PtrVec std_defs;     /* AstItem*: the standard library's */
    IrGraph *g;
    Scope *scope;
    Frame *frame;
    int expr_depth;      /* lw_expr calls active, across inlined functions */
    jmp_buf fail;
} Lower;

_Noreturn void lw_fail(Lower *L, Span s, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const char *lw_type_str(Lower *L, const IrNode *n);
const char *lw_shape_str(Lower *L, int rank, const Dim *shape);
const char *lw_kind_name(const Value *v);
Value lw_tensor(IrNode *n);
IrNode *lw_expect_tensor(Lower *L, const Value *v, const char *what);
int64_t lw_expect_int(Lower *L, const Value *v, const char *what);
int lw_norm_dim(Lower *L, int64_t d, int rank, Span s);
DType lw_promote_types(DType a, DType b);
DType lw_result_dtype(Lower *L, const Value *v, int n, Span s);
int lw_broadcast_shape(Lower *L, const Value *v, int n, Dim *out, const char *opname, Span s);
IrNode *lw_expand_to(Lower *L, IrNode *x, int rank, const Dim *shape, Span s);
IrNode *lw_operand(Lower *L, const Value *v, DType t, int rank, const Dim *shape, Span s);
Value lw_binary(Lower *L, IrBinary k, const char *opname, Value a, Value b, Span s);
Value lw_expr(Lower *L, const AstExpr *e);
Value lw_inline(Lower *L, const AstItem *it, Span call_site, const Value *args);

/* builtins.c */
bool lw_collect_defs(Lower *L, const AstFile *file);
const AstItem *lw_find_def(Lower *L, const char *name);
bool lw_def_is_stdlib(Lower *L, const AstItem *it);
bool lw_is_builtin(const char *name);
Value lw_call(Lower *L, const char *name, Span name_span, const AstArgs *args);

/* layout.c */
Value lw_index(Lower *L, const AstExpr *e);
IrNode *lw_reshape(Lower *L, IrNode *x, int rank, const Dim *shape, Span s);
Value lw_layout_call(Lower *L, int which, const Value *args, const bool *given, Span s);
int lw_shape_arg(Lower *L, const Value *v, Dim *out, bool allow_infer, bool allow_keep,
                 int *infer_at);



/* Layout built-ins, dispatched to layout.c (order matters only here). */
enum {
    LAY_VIEW, LAY_PERMUTE, LAY_TRANSPOSE, LAY_SLICE, LAY_SPLIT, LAY_CHUNK, LAY_EXPAND,
    LAY_SQUEEZE, LAY_UNSQUEEZE, LAY_FLATTEN, LAY_UNFLATTEN, LAY_CAT, LAY_STACK, LAY_GATHER
};
#endif
