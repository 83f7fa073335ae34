/* lexer.re - re2c tokenizer for .sn files; see lexer.h for the contract.
 *
 * The buffer is the whole file; re2c's bounds-checked sentinel mode lets NUL
 * bytes inside the file be ordinary (illegal) characters.  Actions return
 * Lemon's TK_* codes directly. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "parser.h"


void lex_init(Lexer *L, const SrcFile *f, Arena *a, Diag *d)
{
    memset(L, 0, sizeof *L);
    L->file = f;
    L->cur = f->text;
    L->lim = f->text + f->len;
    L->line_start = f->text;
    L->line = 1;
    L->last = TK_NL; /* suppresses a leading newline */
    L->arena = a;
    L->diag = d;
}

static Span here(const Lexer *L)
{
    Span s = {L->file, L->line, (int)(L->tok - L->line_start) + 1, (int)(L->cur - L->tok)};
    if (s.len < 1)
        s.len = 1;
    return s;
}

static int lex_int(Lexer *L, Tok *t)
{
    int64_t v = 0;
    for (const char *p = L->tok; p < L->cur; p++) {
        int digit = *p - '0';
        if (v > (INT64_MAX - digit) / 10) {
            diag_error(L->diag, here(L), "integer literal '%.*s' is out of range (max %lld)",
                       (int)(L->cur - L->tok > 40 ? 40 : L->cur - L->tok), L->tok,
                       (long long)INT64_MAX);
            return TK_ILLEGAL;
        }
        v = v * 10 + digit;
    }
    t->ival = v;
    t->fval = (double)v;
    return TK_INT;
}

/* 0x... (bit masks): at most 63 bits, like decimal literals. */
static int lex_hex(Lexer *L, Tok *t)
{
    int64_t v = 0;
    for (const char *p = L->tok + 2; p < L->cur; p++) {
        int digit = *p <= '9' ? *p - '0' : (*p | 0x20) - 'a' + 10;
        if (v > (INT64_MAX >> 4)) {
            diag_error(L->diag, here(L), "integer literal '%.*s' is out of range (max %lld)",
                       (int)(L->cur - L->tok > 40 ? 40 : L->cur - L->tok), L->tok,
                       (long long)INT64_MAX);
            return TK_ILLEGAL;
        }
        v = v * 16 + digit;
    }
    t->ival = v;
    t->fval = (double)v;
    return TK_INT;
}

static int lex_float(Lexer *L, Tok *t)
{
    char buf[128];
    size_t n = (size_t)(L->cur - L->tok);
    if (n >= sizeof buf) {
        diag_error(L->diag, here(L), "number literal is too long");
        return TK_ILLEGAL;
    }
    memcpy(buf, L->tok, n);
    buf[n] = 0;
    errno = 0;
    t->fval = strtod(buf, NULL);
    if (errno == ERANGE && (t->fval > 1.0 || t->fval < -1.0)) {
        diag_error(L->diag, here(L), "float literal '%s' is out of range", buf);
        return TK_ILLEGAL;
    }
    return TK_FLOAT;
}

static int illegal(Lexer *L)
{
    unsigned char c = (unsigned char)*L->tok;
    if (c >= 32 && c < 127)
        diag_error(L->diag, here(L), "unexpected character '%c'", c);
    else
        diag_error(L->diag, here(L), "unexpected byte 0x%02x", c);
    return TK_ILLEGAL;
}

/* One raw token; newlines are returned as TK_NL unconditionally. */
static int lex_raw(Lexer *L, Tok *t)
{
    for (;;) {
        L->tok = L->cur;
        /*!re2c
        re2c:api:style = free-form;
        re2c:define:YYCTYPE = "unsigned char";
        re2c:define:YYCURSOR = "L->cur";
        re2c:define:YYMARKER = "L->mar";
        re2c:define:YYLIMIT = "L->lim";
        re2c:define:YYPEEK = "(unsigned char)*L->cur";
        re2c:define:YYSKIP = "L->cur++;";
        re2c:define:YYBACKUP = "L->mar = L->cur;";
        re2c:define:YYRESTORE = "L->cur = L->mar;";
        re2c:define:YYLESSTHAN = "(L->lim - L->cur) < @@{len}";
        re2c:yyfill:enable = 0;
        re2c:eof = 0;

        digit = [0-9];
        exp = [eE] [+-]? digit+;
        ident = [A-Za-z_] [A-Za-z0-9_]*;

        $ { return 0; }
        [ \t\r\f\v]+ { continue; }
        "#" [^\n\x00]* { continue; }
        "\n" { t->span = here(L); L->line++; L->line_start = L->cur; return TK_NL; }
        ";" { return TK_NL; }

        "graph"  { return TK_GRAPH; }
        "def"    { return TK_DEF; }
        "return" { return TK_RETURN; }
        "true"   { return TK_TRUE; }
        "false"  { return TK_FALSE; }
        "inf"    { t->fval = __builtin_inf(); return TK_FLOAT; }
        "nan"    { t->fval = __builtin_nan(""); return TK_FLOAT; }
        ident    { t->text = arena_strndup(L->arena, L->tok, (size_t)(L->cur - L->tok)); return TK_IDENT; }

        digit+ { return lex_int(L, t); }
        "0" [xX] [0-9a-fA-F]+ { return lex_hex(L, t); }
        digit+ "." digit* exp? | "." digit+ exp? | digit+ exp { return lex_float(L, t); }

        "..." { return TK_ELLIPSIS; }
        "("  { L->depth++; return TK_LPAREN; }
        ")"  { if (L->depth > 0) L->depth--; return TK_RPAREN; }
        "["  { L->depth++; return TK_LBRACKET; }
        "]"  { if (L->depth > 0) L->depth--; return TK_RBRACKET; }
        "{"  { return TK_LBRACE; }
        "}"  { return TK_RBRACE; }
        ","  { return TK_COMMA; }
        ":"  { return TK_COLON; }
        "==" { return TK_EQ; }
        "!=" { return TK_NE; }
        "<=" { return TK_LE; }
        ">=" { return TK_GE; }
        "<"  { return TK_LT; }
        ">"  { return TK_GT; }
        "="  { return TK_ASSIGN; }
        "+"  { return TK_PLUS; }
        "->" { return TK_ARROW; }
        "-"  { return TK_MINUS; }
        "*"  { return TK_STAR; }
        "/"  { return TK_SLASH; }
        "//" { return TK_SLASHSLASH; }
        "%"  { return TK_PERCENT; }
        "<<" { return TK_SHL; }
        ">>" { return TK_SHR; }
        "&"  { return TK_AMP; }
        "|"  { return TK_PIPE; }
        "^"  { return TK_CARET; }
        "~"  { return TK_TILDE; }
        "&&" { return TK_ANDAND; }
        "||" { return TK_OROR; }
        "!"  { return TK_NOT; }
        * { return illegal(L); }
        */
    }
}

int lex_next(Lexer *L, Tok *t)
{
    for (;;) {
        memset(t, 0, sizeof *t);
        int k = lex_raw(L, t);
        t->kind = k;
        if (k == TK_NL) {
            /* the span of a newline is the end of the line it ends ('\n'
             * sets it in lex_raw, before the line count moves on) */
            if (!t->span.file)
                t->span = here(L);
            /* inside brackets, after a newline or '{', and after a ',' or
             * '->' ending a line (a return list continued) it is no end */
            if (L->depth > 0 || L->last == TK_NL || L->last == TK_LBRACE ||
                L->last == TK_COMMA || L->last == TK_ARROW)
                continue;
        } else {
            t->span = here(L);
        }
        if (k == 0) {
            t->span = here(L);
            t->span.len = 1;
        }
        L->last = k;
        return k;
    }
}

const char *lex_token_name(int kind)
{
    switch (kind) {
    case 0: return "end of file";
    case TK_NL: return "newline";
    case TK_GRAPH: return "'graph'";
    case TK_DEF: return "'def'";
    case TK_RETURN: return "'return'";
    case TK_TRUE: return "'true'";
    case TK_FALSE: return "'false'";
    case TK_IDENT: return "identifier";
    case TK_INT: return "integer";
    case TK_FLOAT: return "number";
    case TK_ELLIPSIS: return "'...'";
    case TK_LPAREN: return "'('";
    case TK_RPAREN: return "')'";
    case TK_LBRACKET: return "'['";
    case TK_RBRACKET: return "']'";
    case TK_LBRACE: return "'{'";
    case TK_RBRACE: return "'}'";
    case TK_COMMA: return "','";
    case TK_COLON: return "':'";
    case TK_EQ: return "'=='";
    case TK_NE: return "'!='";
    case TK_LE: return "'<='";
    case TK_GE: return "'>='";
    case TK_LT: return "'<'";
    case TK_GT: return "'>'";
    case TK_ASSIGN: return "'='";
    case TK_PLUS: return "'+'";
    case TK_MINUS: return "'-'";
    case TK_ARROW: return "'->'";
    case TK_STAR: return "'*'";
    case TK_SLASH: return "'/'";
    case TK_SLASHSLASH: return "'//'";
    case TK_PERCENT: return "'%'";
    case TK_SHL: return "'<<'";
    case TK_SHR: return "'>>'";
    case TK_AMP: return "'&'";
    case TK_PIPE: return "'|'";
    case TK_CARET: return "'^'";
    case TK_TILDE: return "'~'";
    case TK_ANDAND: return "'&&'";
    case TK_OROR: return "'||'";
    case TK_NOT: return "'!'";
    case TK_ILLEGAL: return "invalid token";
    default: return "token";
    }
}
