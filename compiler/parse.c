/* parse.c - drives the lexer and the Lemon parser over one file (see
 * parse.h).  Each token is checked (ParseWouldShift) before the parser
 * takes it, so a syntax error lists what was expected before any default
 * reduction.  After a syntax error the parser is restarted at the next
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
bool ParseWouldShift(const void *p, int token);
int ParseExpected(const void *p, int *out, int max);
/* Called from the grammar's %syntax_error and %stack_overflow. */
/* Errors with a known fix: Python's `**`, and a parameter type without its
 * brackets (a scalar is `f32[]`).  True if reported. */
static bool hint(ParseCtx *c, int major, const Tok *t, const int *expected, int nexpected)
{
    const Tok *p = &c->prev;
    if (major == TK_STAR && p->kind == TK_STAR && p->span.line == t->span.line &&
        p->span.col + 1 == t->span.col) {
        diag_error(c->diag, span_join(p->span, t->span),
                   "there is no '**' operator; write pow(x, 2) for x ** 2");
        return true;
    }
    if (nexpected == 1 && expected[0] == TK_LBRACKET && p->kind == TK_IDENT && p->text) {
        diag_error(c->diag, p->span,
                   "a parameter type needs its dims in brackets: a scalar is %s[], a tensor "
                   "%s[T, 64]", p->text, p->text);
        return true;
    }
    return false;
}

void parse_report_syntax_error(ParseCtx *c, int major, const Tok *t, const int *expected,
                               int nexpected);
void parse_report_overflow(ParseCtx *c);

static bool is_expr_start(int k)
{
    return k == TK_IDENT || k == TK_INT || k == TK_FLOAT || k == TK_LPAREN || k == TK_MINUS ||
           k == TK_NOT || k == TK_TILDE || k == TK_TRUE || k == TK_FALSE || k == TK_LBRACKET;
}

static bool is_comparison(int k)
{
    return k == TK_EQ || k == TK_NE || k == TK_LT || k == TK_LE || k == TK_GT || k == TK_GE;
}

/* Binary operators, and the postfix '(' of a call and '[' of an index. */
static bool is_operator(int k)
{
    return k == TK_OROR || k == TK_ANDAND || is_comparison(k) || k == TK_PLUS ||
           k == TK_MINUS || k == TK_STAR || k == TK_SLASH || k == TK_SLASHSLASH ||
           k == TK_PERCENT || k == TK_SHL || k == TK_SHR || k == TK_AMP || k == TK_PIPE ||
           k == TK_CARET || k == TK_LPAREN || k == TK_LBRACKET;
}

static bool is_closer(int k)
{
    return k == TK_RPAREN || k == TK_RBRACKET || k == TK_RBRACE;
}

static bool has(const int *set, int n, int k)
{
    for (int i = 0; i < n; i++)
        if (set[i] == k)
            return true;
    return false;
}

/* "an expression, ')' or ','": the expected tokens, with the tokens that
 * start an expression folded into "an expression" and the operators that
 * may follow an operand into "an operator". */
static void describe_expected(const int *expected, int n, char *buf, size_t size)
{
    bool expr = has(expected, n, TK_IDENT) && has(expected, n, TK_INT) &&
                has(expected, n, TK_LPAREN);
    bool oper = !expr && has(expected, n, TK_PLUS) && has(expected, n, TK_STAR);
    int shown[128], nshown = 0;
    for (int i = 0; i < n; i++)
        if (!(expr && is_expr_start(expected[i])) && !(oper && is_operator(expected[i])) &&
            expected[i] != TK_ILLEGAL)
            shown[nshown++] = expected[i];
    size_t pos = 0;
    buf[0] = 0;
    if (expr || oper)
        pos += (size_t)snprintf(buf, size, expr ? "an expression" : "an operator");
    for (int i = 0; i < nshown && pos < size; i++) {
        const char *sep = (i == 0 && !expr && !oper) ? "" : (i == nshown - 1) ? " or " : ", ";
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
    if (is_comparison(major) && has(expected, nexpected, TK_PLUS) &&
        !has(expected, nexpected, major)) {
        diag_error(c->diag, t->span, "comparisons do not chain; write a < b && b < c");
        return;
    }
    /* At the end of the file, or where the next item starts, what is missing
     * is the brackets still open: name only those. */
    int closers[3], nclosers = 0;
    for (int i = 0; i < nexpected && nclosers < 3; i++)
        if (is_closer(expected[i]))
            closers[nclosers++] = expected[i];
    if ((major == 0 || major == TK_GRAPH || major == TK_DEF) && nclosers) {
        expected = closers;
        nexpected = nclosers;
    }
    if (hint(c, major, t, expected, nexpected))
        return;
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

/* Is the token just lexed the first non-blank one of its line? */
static bool starts_line(const Lexer *L, Span s)
{
    for (const char *p = L->line_start; p < L->line_start + s.col - 1 && p < L->lim; p++)
        if (*p != ' ' && *p != '\t')
            return false;
    return true;
}

/* After an error: skip to the next `graph` or `def` (returned), or EOF.
 * Bad characters in the skipped text are not reported: one error per item. */
static int resync(Lexer *L, Tok *t)
{
    Diag skipped, *d = L->diag;
    diag_init(&skipped);
    L->diag = &skipped;
    int k;
    while ((k = lex_next(L, t)) != 0 && k != TK_GRAPH && k != TK_DEF)
        ;
    L->diag = d;
    diag_free(&skipped);
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
        if (k == TK_ILLEGAL) {
            ctx.failed = true; /* already reported by the lexer */
        } else if (!ParseWouldShift(p, k)) {
            /* reported before the parser reduces: what was expected is known */
            int expected[128];
            int n = ParseExpected(p, expected, 128);
            parse_report_syntax_error(&ctx, k, &t, expected, n);
        } else {
            Parse(p, k, t);
        }
        if (ctx.failed) {
            ParseFree(p, free);
            p = ParseAlloc(malloc, &ctx);
            ctx.failed = ctx.too_deep = false;
            if (k == 0)
                break;
            /* a `graph`/`def` that begins its line starts the next item; one
             * elsewhere (`graph graph(...)`: a keyword used as a name) is
             * part of the bad item and skipped with it */
            if ((k != TK_GRAPH && k != TK_DEF) || !starts_line(&L, t.span))
                k = resync(&L, &t);
            L.depth = 0; /* brackets left open by the bad item */
            ctx.prev.kind = 0;
            continue;
        }
        if (k == 0)
            break;
        ctx.prev = t;
        k = lex_next(&L, &t);
    }
    ParseFree(p, free);
    AstFile *out = ARENA_NEW(a, AstFile);
    out->file = f;
    out->nitem = ctx.items.len;
    out->items = (AstItem **)ctx.items.items;
    return out;
}
