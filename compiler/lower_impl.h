/* lower_impl.h - the lowering's shared context and its core (lower.c):
 * values, scopes, errors, promotion, broadcasting, expressions, inlining.
 *
 * The lowering files depend one way:
 *   lower_impl.h  <- layout.h (layout.c: layout ops and indexing as index
 *                    maps, IR_VIEW/CAT/GATHER)
 *                 <- builtins.h (builtins.c: calls, defs, built-ins)
 *                 <- lower.c (expressions, statements, graphs, errors),
 *                    which implements lower.h for front.c.
 * Calls still recurse across files (an argument is an expression); the
 * headers do not. */
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

/* Names to pointers: open addressing, arena-allocated, grows by doubling. */
typedef struct {
    int n, cap;
    const char **keys;
    void **vals;
} NameTab;

void lw_tab_put(Arena *a, NameTab *t, const char *name, void *val);
void *lw_tab_get(const NameTab *t, const char *name);

typedef NameTab Scope; /* vals: Value* */

/* The candidate closest to a misspelt name (edit distance with swaps of
 * neighbours, at most about a third of its length), for "did you mean". */
typedef struct {
    const char *want;
    const char *best;
    int dist;
} Nearest;

/* Errors after which no suggestion is looked for (each scans names). */
#define LW_MAX_SUGGEST 100

void lw_nearest_init(Nearest *n, const char *want);
void lw_nearest_try(Nearest *n, const char *cand);

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
    NameTab user_defs;   /* AstItem*: the file's own defs */
    NameTab std_defs;    /* AstItem*: the standard library's */
    IrGraph *g;
    Scope *scope;
    Frame *frame;
    int expr_depth;      /* lw_expr calls active, across inlined functions */
    int *depth;          /* node id -> longest chain of operations ending there */
    Span *user_span;     /* node id -> where it came from in the user's text */
    int ndepth, depth_cap; /* nodes of L->g accounted for in depth; their size */
    DType f8;            /* what the dtype name `f8` means (lower_module_f8) */
    const char *f8_refused; /* or, when set, the error a use of `f8` is */
    Span default_site;   /* the call whose default arguments are being lowered */
    jmp_buf fail;
} Lower;

_Noreturn void lw_fail(Lower *L, Span s, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
const char *lw_type_str(Lower *L, const IrNode *n);
const char *lw_shape_str(Lower *L, int rank, const Dim *shape);
/* Refuses (lw_fail at s) a sub-byte dtype's tensor without an even last
 * dim; what: "parameter", "output". */
void lw_check_packed(Lower *L, DType t, int rank, const Dim *shape, Span s, const char *what);
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
Value lw_size_op(Lower *L, IrSymOp op, const char *opname, Value a, Value b, Span s);
Value lw_expr(Lower *L, const AstExpr *e);
Value lw_inline(Lower *L, const AstItem *it, Span call_site, const Value *args);

#endif
