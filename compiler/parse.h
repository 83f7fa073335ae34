/* parse.h - parsing a .sn file into an AstFile.
 *
 * parse_file never stops at the first syntax error: after one it reports
 * it, skips to the next `graph` or `def`, and goes on, so every item's first
 * error is reported.  Items that parsed cleanly are returned either way;
 * the caller checks d->nerrors. */
#ifndef SINTER_PARSE_H
#define SINTER_PARSE_H

#include "ast.h"
#include "token.h"

/* Deepest expression nesting accepted (the tree's depth, and the parser's
 * stack); deeper input is a located error, not a stack overflow. */
#define PARSE_MAX_DEPTH 256

AstFile *parse_file(const SrcFile *f, Arena *a, Diag *d);

/* ---- used by the grammar actions (parser.y) only ---- */
typedef struct {
    Arena *arena;
    Diag *diag;
    const SrcFile *file;
    PtrVec items;        /* AstItem* */
    bool failed;         /* a syntax error in the current item */
    bool too_deep;       /* depth error already reported for this item */
    Span cur;            /* the token being fed, for overflow errors */
    Tok prev;            /* the token before it (kind 0 at the start) */
} ParseCtx;

AstExpr *ast_leaf(ParseCtx *c, AstKind k, const Tok *t);
AstExpr *ast_binary(ParseCtx *c, const Tok *op, AstExpr *a, AstExpr *b);
AstExpr *ast_unary(ParseCtx *c, const Tok *op, AstExpr *a);
AstExpr *ast_call(ParseCtx *c, AstExpr *callee, const Tok *lp, PtrVec args);
AstExpr *ast_list(ParseCtx *c, const Tok *lb, PtrVec items);
AstExpr *ast_index(ParseCtx *c, AstExpr *base, const Tok *lb, PtrVec subs);
AstExpr *ast_slice(ParseCtx *c, const Tok *colon, AstExpr *lo, AstExpr *hi);
AstArg *ast_arg(ParseCtx *c, const Tok *name, AstExpr *value);
AstParam *ast_param(ParseCtx *c, const Tok *name, const Tok *dtype, PtrVec *dims, AstExpr *deflt);
AstStmt *ast_assign(ParseCtx *c, PtrVec targets, const Tok *eq, AstExpr *value);
AstStmt *ast_return(ParseCtx *c, const Tok *kw, PtrVec values);
void ast_add_item(ParseCtx *c, bool is_graph, const Tok *name, PtrVec params, PtrVec stmts);
Tok *tok_copy(ParseCtx *c, const Tok *t);

#endif
