/* parse.c - drives the lexer and the Lemon parser over one file (see
 * parse.h).  After a syntax error the parser is restarted at the next
 * `graph` or `def` keyword, so each item reports its own first error. */
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "parse.h"
#include "parser.h"

/* Lemon's entry points (generated parser.c). */
void *ParseAlloc(void *(*mallocProc)(size_t), ParseCtx *ctx);
void ParseFree(void *p, void (*freeProc)(void *));
void Parse(void *p, int major, Tok minor);
/* Called from the grammar's %syntax_error and %stack_overflow. */
void parse_report_syntax_error(ParseCtx *c, int major, const Tok *t, const int *expected,
                               int nexpected);
void parse_report_overflow(ParseCtx *c);

static bool is_expr_start(int k)
{
    return k == TK_IDENT || k == TK_INT || k == TK_FLOAT || k == TK_LPAREN || k == TK_MINUS ||
           k == TK_NOT || k == TK_TRUE || k == TK_FALSE || k == TK_LBRACKET;
}

/* True if the expected set holds the tokens that start an expression. */
static bool expects_expression(const int *expected, int n)
{
    int found = 0;
    for (int i = 0; i < n; i++)
        found += expected[i] == TK_IDENT || expected[i] == TK_INT || expected[i] == TK_LPAREN;
    return found == 3;
}

/* "an expression, ')' or ','": the expected tokens, expression starters
 * folded into one phrase. */
static void describe_expected(const int *expected, int n, char *buf, size_t size)
{
    bool expr = expects_expression(expected, n);
    int shown[128], nshown = 0;
    for (int i = 0; i < n; i++)
        if (!(expr && is_expr_start(expected[i])) && expected[i] != TK_ILLEGAL)
            shown[nshown++] = expected[i];
    size_t pos = 0;
    buf[0] = 0;
    if (expr)
        pos += (size_t)snprintf(buf, size, "an expression");
    for (int i = 0; i < nshown && pos < size; i++) {
        const char *sep = (i == 0 && !expr) ? "" : (i == nshown - 1) ? " or " : ", ";
        pos += (size_t)snprintf(buf + pos, size - pos, "%s%s", sep, lex_token_name(shown[i]));
    }
}

void parse_report_syntax_error(ParseCtx *c, int major, const Tok *t, const int *expected,
                               int nexpected)
{
    if (c->failed)
        return;
    c->failed = true;
    if (major == TK_ILLEGAL)
        return; /* the lexer reported it */
    char list[600];
    describe_expected(expected, nexpected, list, sizeof list);
    if (major == TK_IDENT && t->text)
        diag_error(c->diag, t->span, "unexpected identifier '%s'; expected %s", t->text, list);
    else
        diag_error(c->diag, t->span, "unexpected %s; expected %s", lex_token_name(major), list);
}

void parse_report_overflow(ParseCtx *c)
{
    if (!c->too_deep)
        diag_error(c->diag, c->cur, "expression nested too deeply (more than %d levels)",
                   PARSE_MAX_DEPTH);
    c->failed = c->too_deep = true;
}

/* After an error: skip to the next `graph` or `def` (returned), or EOF. */
static int resync(Lexer *L, Tok *t)
{
    int k;
    while ((k = lex_next(L, t)) != 0 && k != TK_GRAPH && k != TK_DEF)
        ;
    return k;
}

AstFile *parse_file(const SrcFile *f, Arena *a, Diag *d)
{
    ParseCtx ctx = {.arena = a, .diag = d, .file = f};
    Lexer L;
    lex_init(&L, f, a, d);
    void *p = ParseAlloc(malloc, &ctx);
    Tok t;
    int k = lex_next(&L, &t);
    for (;;) {
        ctx.cur = t.span;
        if (k == TK_ILLEGAL)
            ctx.failed = true; /* already reported by the lexer */
        else
            Parse(p, k, t);
        if (ctx.failed) {
            ParseFree(p, free);
            p = ParseAlloc(malloc, &ctx);
            ctx.failed = ctx.too_deep = false;
            if (k == 0)
                break;
            k = resync(&L, &t);
            continue;
        }
        if (k == 0)
            break;
        k = lex_next(&L, &t);
    }
    ParseFree(p, free);
    AstFile *out = ARENA_NEW(a, AstFile);
    out->file = f;
    out->nitem = ctx.items.len;
    out->items = (AstItem **)ctx.items.items;
    return out;
}
