/* ast.c - AST builders used by the grammar actions, and the AST printer.
 * Builders compute each expression's nesting depth and report (once per
 * item) an expression deeper than PARSE_MAX_DEPTH, so later recursive
 * stages never recurse deeper than that. */
#include <string.h>

#include "parse.h"
#include "parser.h"

static AstExpr *new_expr(ParseCtx *c, AstKind k, Span s)
{
    AstExpr *e = ARENA_NEW(c->arena, AstExpr);
    e->kind = k;
    e->span = s;
    e->depth = 1;
    return e;
}

/* Raise e's depth above child's; report once if too deep. */
static void nest(ParseCtx *c, AstExpr *e, const AstExpr *child)
{
    if (!child || child->depth + 1 <= e->depth)
        return;
    e->depth = child->depth + 1;
    if (e->depth > PARSE_MAX_DEPTH && !c->too_deep) {
        c->too_deep = true;
        c->failed = true;
        diag_error(c->diag, e->span, "expression nested too deeply (more than %d levels)",
                   PARSE_MAX_DEPTH);
    }
}

static AstArgs to_args(ParseCtx *c, PtrVec v, AstExpr *parent)
{
    AstArgs a = {v.len, ARENA_ARRAY(c->arena, AstArg, v.len ? v.len : 1)};
    for (int i = 0; i < v.len; i++) {
        a.items[i] = *(AstArg *)v.items[i];
        if (parent)
            nest(c, parent, a.items[i].value);
    }
    return a;
}

Tok *tok_copy(ParseCtx *c, const Tok *t)
{
    Tok *n = ARENA_NEW(c->arena, Tok);
    *n = *t;
    return n;
}

AstExpr *ast_leaf(ParseCtx *c, AstKind k, const Tok *t)
{
    AstExpr *e = new_expr(c, k, t->span);
    e->ival = t->ival;
    e->fval = t->fval;
    e->name = t->text;
    return e;
}

AstExpr *ast_binary(ParseCtx *c, const Tok *op, AstExpr *a, AstExpr *b)
{
    AstExpr *e = new_expr(c, AST_BINARY, op->span);
    e->op = op->kind;
    e->a = a;
    e->b = b;
    nest(c, e, a);
    nest(c, e, b);
    return e;
}

AstExpr *ast_unary(ParseCtx *c, const Tok *op, AstExpr *a)
{
    AstExpr *e = new_expr(c, AST_UNARY, op->span);
    e->op = op->kind;
    e->a = a;
    nest(c, e, a);
    return e;
}

AstExpr *ast_call(ParseCtx *c, AstExpr *callee, const Tok *lp, PtrVec args)
{
    AstExpr *e = new_expr(c, AST_CALL, callee->span);
    e->a = callee;
    nest(c, e, callee);
    e->args = to_args(c, args, e);
    (void)lp;
    return e;
}

AstExpr *ast_list(ParseCtx *c, const Tok *lb, PtrVec items)
{
    AstExpr *e = new_expr(c, AST_LIST, lb->span);
    e->args = to_args(c, items, e);
    return e;
}

AstExpr *ast_index(ParseCtx *c, AstExpr *base, const Tok *lb, PtrVec subs)
{
    AstExpr *e = new_expr(c, AST_INDEX, lb->span);
    e->a = base;
    nest(c, e, base);
    e->args = to_args(c, subs, e);
    return e;
}

AstExpr *ast_slice(ParseCtx *c, const Tok *colon, AstExpr *lo, AstExpr *hi)
{
    AstExpr *e = new_expr(c, AST_SLICE, colon->span);
    e->a = lo;
    e->b = hi;
    nest(c, e, lo);
    nest(c, e, hi);
    return e;
}

AstArg *ast_arg(ParseCtx *c, const Tok *name, AstExpr *value)
{
    AstArg *a = ARENA_NEW(c->arena, AstArg);
    if (name) {
        a->name = name->text;
        a->name_span = name->span;
    }
    a->value = value;
    return a;
}

AstParam *ast_param(ParseCtx *c, const Tok *name, const Tok *dtype, PtrVec *dims, AstExpr *deflt)
{
    AstParam *p = ARENA_NEW(c->arena, AstParam);
    p->name = name->text;
    p->span = name->span;
    p->deflt = deflt;
    if (dtype) {
        p->typed = true;
        p->dtype = dtype->text;
        p->dtype_span = dtype->span;
        p->ndim = dims->len;
        p->dims = (AstExpr **)dims->items;
    }
    return p;
}

AstStmt *ast_assign(ParseCtx *c, PtrVec targets, const Tok *eq, AstExpr *value)
{
    AstStmt *s = ARENA_NEW(c->arena, AstStmt);
    s->kind = STMT_ASSIGN;
    s->span = eq->span;
    s->ntarget = targets.len;
    s->targets = ARENA_ARRAY(c->arena, const char *, targets.len);
    s->target_spans = ARENA_ARRAY(c->arena, Span, targets.len);
    for (int i = 0; i < targets.len; i++) {
        const Tok *t = targets.items[i];
        s->targets[i] = t->text;
        s->target_spans[i] = t->span;
    }
    s->values.n = 1;
    s->values.items = ARENA_NEW(c->arena, AstArg);
    s->values.items[0].value = value;
    return s;
}

AstStmt *ast_return(ParseCtx *c, const Tok *kw, PtrVec values)
{
    AstStmt *s = ARENA_NEW(c->arena, AstStmt);
    s->kind = STMT_RETURN;
    s->span = kw->span;
    s->values.n = values.len;
    s->values.items = ARENA_ARRAY(c->arena, AstArg, values.len);
    for (int i = 0; i < values.len; i++)
        s->values.items[i] = *(const AstArg *)values.items[i];
    return s;
}

void ast_add_item(ParseCtx *c, bool is_graph, const Tok *name, PtrVec params, PtrVec stmts)
{
    if (c->failed)
        return; /* an error inside the item (e.g. too deep) was already reported */
    AstItem *it = ARENA_NEW(c->arena, AstItem);
    it->is_graph = is_graph;
    it->name = name->text;
    it->span = name->span;
    it->nparam = params.len;
    it->params = ARENA_ARRAY(c->arena, AstParam, params.len ? params.len : 1);
    for (int i = 0; i < params.len; i++)
        it->params[i] = *(AstParam *)params.items[i];
    it->nstmt = stmts.len;
    it->stmts = ARENA_ARRAY(c->arena, AstStmt, stmts.len);
    for (int i = 0; i < stmts.len; i++)
        it->stmts[i] = *(AstStmt *)stmts.items[i];
    ptrvec_push(c->arena, &c->items, it);
}

/* ---- printer: one S-expression per item ---- */

static const char *op_text(int op)
{
    switch (op) {
    case TK_OROR: return "||"; case TK_ANDAND: return "&&";
    case TK_EQ: return "=="; case TK_NE: return "!=";
    case TK_LT: return "<"; case TK_LE: return "<="; case TK_GT: return ">"; case TK_GE: return ">=";
    case TK_PLUS: return "+"; case TK_MINUS: return "-"; case TK_STAR: return "*";
    case TK_SLASH: return "/"; case TK_NOT: return "!";
    case TK_SLASHSLASH: return "//"; case TK_PERCENT: return "%";
    case TK_SHL: return "<<"; case TK_SHR: return ">>"; case TK_AMP: return "&";
    case TK_PIPE: return "|"; case TK_CARET: return "^"; case TK_TILDE: return "~";
    default: return "?";
    }
}

static void print_expr(const AstExpr *e, FILE *out);

static void print_args(const AstArgs *a, FILE *out)
{
    for (int i = 0; i < a->n; i++) {
        fputc(' ', out);
        if (a->items[i].name)
            fprintf(out, "%s=", a->items[i].name);
        if (a->items[i].dest) {
            fputs("(-> ", out);
            print_expr(a->items[i].value, out);
            fputc(' ', out);
            print_expr(a->items[i].dest, out);
            fputc(')', out);
        } else {
            print_expr(a->items[i].value, out);
        }
    }
}

static void print_expr(const AstExpr *e, FILE *out)
{
    if (!e) {
        fputs("_", out);
        return;
    }
    switch (e->kind) {
    case AST_INT: fprintf(out, "%lld", (long long)e->ival); break;
    case AST_FLOAT: fprintf(out, "%.17g", e->fval); break;
    case AST_BOOL: fputs(e->ival ? "true" : "false", out); break;
    case AST_NAME: fputs(e->name, out); break;
    case AST_ELLIPSIS: fputs("...", out); break;
    case AST_BINARY:
        fprintf(out, "(%s ", op_text(e->op));
        print_expr(e->a, out);
        fputc(' ', out);
        print_expr(e->b, out);
        fputc(')', out);
        break;
    case AST_UNARY:
        fprintf(out, "(%s ", op_text(e->op));
        print_expr(e->a, out);
        fputc(')', out);
        break;
    case AST_CALL:
        fputs("(call ", out);
        print_expr(e->a, out);
        print_args(&e->args, out);
        fputc(')', out);
        break;
    case AST_LIST:
        fputs("(list", out);
        print_args(&e->args, out);
        fputc(')', out);
        break;
    case AST_INDEX:
        fputs("(index ", out);
        print_expr(e->a, out);
        print_args(&e->args, out);
        fputc(')', out);
        break;
    case AST_SLICE:
        fputs("(slice ", out);
        print_expr(e->a, out);
        fputc(' ', out);
        print_expr(e->b, out);
        fputc(')', out);
        break;
    }
}

static void print_param(const AstParam *p, FILE *out)
{
    fprintf(out, " (%s", p->name);
    if (p->typed) {
        fprintf(out, " %s[", p->dtype);
        for (int i = 0; i < p->ndim; i++) {
            if (i)
                fputc(' ', out);
            print_expr(p->dims[i], out);
        }
        fputc(']', out);
    }
    if (p->deflt) {
        fputs(" = ", out);
        print_expr(p->deflt, out);
    }
    fputc(')', out);
}

static void print_stmt(const AstStmt *s, FILE *out)
{
    if (s->kind == STMT_RETURN) {
        fputs("  (return", out);
    } else {
        fputs("  (= (", out);
        for (int i = 0; i < s->ntarget; i++)
            fprintf(out, "%s%s", i ? " " : "", s->targets[i]);
        fputc(')', out);
    }
    print_args(&s->values, out);
    fputs(")\n", out);
}

void ast_print_item(const AstItem *it, FILE *out)
{
    fprintf(out, "(%s %s (params", it->is_graph ? "graph" : "def", it->name);
    for (int k = 0; k < it->nparam; k++)
        print_param(&it->params[k], out);
    fputs(")\n", out);
    for (int k = 0; k < it->nstmt; k++)
        print_stmt(&it->stmts[k], out);
    fputs(")\n", out);
}

void ast_print(const AstFile *f, FILE *out)
{
    for (int i = 0; i < f->nitem; i++)
        ast_print_item(f->items[i], out);
}
