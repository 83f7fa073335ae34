/* ast.h - the syntax tree the parser builds (arena-allocated, immutable once
 * built).  Every node carries the Span of the text it came from; the
 * lowering reports errors at these spans. */
#ifndef SINTER_AST_H
#define SINTER_AST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"

typedef enum {
    AST_INT,      /* ival */
    AST_FLOAT,    /* fval */
    AST_BOOL,     /* ival 0/1 */
    AST_NAME,     /* name */
    AST_BINARY,   /* op (TK_*), a, b */
    AST_UNARY,    /* op (TK_MINUS or TK_NOT), a */
    AST_CALL,     /* a = callee, args */
    AST_LIST,     /* [items] */
    AST_INDEX,    /* a[args] */
    AST_SLICE,    /* a:b inside an index; a and/or b may be NULL */
    AST_ELLIPSIS, /* ... inside an index */
} AstKind;

typedef struct AstExpr AstExpr;

/* A call argument or list/index item; name is set for keyword arguments.
 * A returned value `value -> dest` has dest set (name_span: the arrow). */
typedef struct {
    const char *name;
    Span name_span;
    AstExpr *value;
    AstExpr *dest;
} AstArg;

typedef struct {
    int n;
    AstArg *items;
} AstArgs;

struct AstExpr {
    AstKind kind;
    Span span;
    int depth;          /* nesting depth, bounded by the parser */
    int op;
    int64_t ival;
    double fval;
    const char *name;
    AstExpr *a, *b;
    AstArgs args;
};

typedef struct {
    const char *name;
    Span span;
    bool typed;          /* name: dtype[dims] */
    const char *dtype;   /* as written */
    Span dtype_span;
    int ndim;
    AstExpr **dims;      /* size expressions: AST_INT, AST_NAME, or operators and calls of them */
    AstExpr *deflt;      /* def parameter default, or NULL */
} AstParam;

typedef enum { STMT_ASSIGN, STMT_RETURN } AstStmtKind;

typedef struct {
    AstStmtKind kind;
    Span span;
    int ntarget;
    const char **targets;
    Span *target_spans;
    AstArgs values;      /* the right-hand side (one expr) or returned exprs (with
                            their destinations) */
} AstStmt;

typedef struct {
    bool is_graph;       /* graph or def */
    const char *name;
    Span span;           /* the name */
    int nparam;
    AstParam *params;
    int nstmt;
    AstStmt *stmts;
} AstItem;

typedef struct {
    const SrcFile *file;
    int nitem;
    AstItem **items;
} AstFile;

/* S-expression dump (`sinter dump --stage ast`). */
void ast_print(const AstFile *f, FILE *out);
/* One item (`sinter dump --stage ast --graph NAME`). */
void ast_print_item(const AstItem *it, FILE *out);

#endif
