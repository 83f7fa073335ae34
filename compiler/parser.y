/* parser.y - the .sn grammar (Lemon).  Each rule builds AST through the
 * ast_* builders of parse.h; errors collect in the ParseCtx and never stop
 * the process.  Precedence, lowest first (C's order): || && | ^ &
 * (comparisons, non-assoc) << >> + - (* / // %) (unary - ! ~) then calls
 * and indexing. */

%include {
#include <assert.h>
#include <string.h>
#include "parse.h"
void parse_report_syntax_error(ParseCtx *c, int major, const Tok *t, const int *expected, int nexpected);
void parse_report_overflow(ParseCtx *c);
bool ParseWouldShift(const void *parser, int token);
int ParseExpected(const void *parser, int *out, int max);
}

/* ParseWouldShift: whether `token` would be shifted (or accepted) now, found
 * by running the reductions it would cause on a view of the state stack.
 * The tables reduce by default, so the parser itself reports an error only
 * after reductions that lose what was expected: parse.c asks first, and
 * ParseExpected lists the tokens expected before any of those reductions. */
%code {
bool ParseWouldShift(const void *parser, int token)
{
    const yyParser *p = parser;
    YYACTIONTYPE pushed[YYSTACKDEPTH + 1]; /* states at [low, top]; below, the parser's */
    int top = (int)(p->yytos - p->yystack), low = top + 1;
    for (;;) {
        YYACTIONTYPE state = top >= low ? pushed[top] : p->yystack[top].stateno;
        YYACTIONTYPE act = yy_find_shift_action((YYCODETYPE)token, state);
        if (act <= YY_MAX_SHIFTREDUCE)
            return true;
        if (act < YY_MIN_REDUCE)
            return act == YY_ACCEPT_ACTION;
        unsigned rule = act - YY_MIN_REDUCE;
        int base = top + yyRuleInfoNRhs[rule];
        if (base < 0)
            return false;
        if (base + 1 > YYSTACKDEPTH)
            return true; /* too deep: the parser reports the overflow */
        state = base >= low ? pushed[base] : p->yystack[base].stateno;
        top = base + 1;
        if (top < low)
            low = top;
        pushed[top] = yy_find_reduce_action(state, yyRuleInfoLhs[rule]);
    }
}

int ParseExpected(const void *parser, int *out, int max)
{
    int n = 0;
    for (int t = 1; t < YYNTOKEN && n < max; t++)
        if (ParseWouldShift(parser, t))
            out[n++] = t;
    return n;
}
}

%name Parse
%token_prefix TK_
%token_type {Tok}
%extra_context {ParseCtx *ctx}
%stack_size 1000
%start_symbol file

%stack_overflow { parse_report_overflow(ctx); }
%syntax_error {
    int expected[128];
    int n = ParseExpected(yypParser, expected, 128);
    parse_report_syntax_error(ctx, yymajor, &yyminor, expected, n);
}
%parse_failure { ctx->failed = true; }

%token ILLEGAL ARROW.
%left OROR.
%left ANDAND.
%left PIPE.
%left CARET.
%left AMP.
%nonassoc EQ NE LT LE GT GE.
%left SHL SHR.
%left PLUS MINUS.
%left STAR SLASH SLASHSLASH PERCENT.
%right NOT TILDE.

file ::= items.
items ::= .
items ::= items item.
items ::= items NL.

item ::= GRAPH IDENT(N) LPAREN params(P) RPAREN LBRACE stmts(S) RBRACE.
    { ast_add_item(ctx, true, &N, P, S); }
item ::= DEF IDENT(N) LPAREN params(P) RPAREN LBRACE stmts(S) RBRACE.
    { ast_add_item(ctx, false, &N, P, S); }

%type params {PtrVec}
params(A) ::= . { memset(&A, 0, sizeof A); }
params(A) ::= plist(B). { A = B; }
params(A) ::= plist(B) COMMA. { A = B; }
%type plist {PtrVec}
plist(A) ::= param(P). { memset(&A, 0, sizeof A); ptrvec_push(ctx->arena, &A, P); }
plist(A) ::= plist(B) COMMA param(P). { A = B; ptrvec_push(ctx->arena, &A, P); }
%type param {AstParam *}
param(A) ::= IDENT(N). { A = ast_param(ctx, &N, NULL, NULL, NULL); }
param(A) ::= IDENT(N) COLON IDENT(T) LBRACKET dims(D) RBRACKET. { A = ast_param(ctx, &N, &T, &D, NULL); }
param(A) ::= IDENT(N) ASSIGN expr(E). { A = ast_param(ctx, &N, NULL, NULL, E); }
%type dims {PtrVec}
dims(A) ::= . { memset(&A, 0, sizeof A); }
dims(A) ::= dlist(B). { A = B; }
%type dlist {PtrVec}
dlist(A) ::= dim(D). { memset(&A, 0, sizeof A); ptrvec_push(ctx->arena, &A, D); }
dlist(A) ::= dlist(B) COMMA dim(D). { A = B; ptrvec_push(ctx->arena, &A, D); }
%type dim {AstExpr *}
/* a size: an integer, a symbol, or an expression of them (T // 2,
 * align(T, 4)); lower.c says which expressions are sizes */
dim(A) ::= expr(B). { A = B; }

%type stmts {PtrVec}
stmts(A) ::= stmt(S). { memset(&A, 0, sizeof A); ptrvec_push(ctx->arena, &A, S); }
stmts(A) ::= stmts(B) NL stmt(S). { A = B; ptrvec_push(ctx->arena, &A, S); }
stmts(A) ::= stmts(B) NL. { A = B; }
%type stmt {AstStmt *}
stmt(A) ::= targets(T) ASSIGN(E) expr(V). { A = ast_assign(ctx, T, &E, V); }
stmt(A) ::= RETURN(K) rlist(L). { A = ast_return(ctx, &K, L); }
%type targets {PtrVec}
targets(A) ::= IDENT(N). { memset(&A, 0, sizeof A); ptrvec_push(ctx->arena, &A, tok_copy(ctx, &N)); }
targets(A) ::= targets(B) COMMA IDENT(N). { A = B; ptrvec_push(ctx->arena, &A, tok_copy(ctx, &N)); }
%type rlist {PtrVec}
rlist(A) ::= ritem(R). { memset(&A, 0, sizeof A); ptrvec_push(ctx->arena, &A, R); }
rlist(A) ::= rlist(B) COMMA ritem(R). { A = B; ptrvec_push(ctx->arena, &A, R); }
/* A returned value, or `value -> destination` (written into a parameter). */
%type ritem {AstArg *}
ritem(A) ::= expr(E). { A = ast_arg(ctx, NULL, E); }
ritem(A) ::= expr(E) ARROW(T) expr(D). { A = ast_arg(ctx, NULL, E); A->dest = D; A->name_span = T.span; }

%type expr {AstExpr *}
expr(A) ::= expr(B) OROR(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) ANDAND(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) EQ(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) NE(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) LT(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) LE(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) GT(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) GE(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) PLUS(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) MINUS(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) STAR(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) SLASH(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) SLASHSLASH(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) PERCENT(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) SHL(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) SHR(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) AMP(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) PIPE(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= expr(B) CARET(O) expr(C). { A = ast_binary(ctx, &O, B, C); }
expr(A) ::= MINUS(O) expr(B). [NOT] { A = ast_unary(ctx, &O, B); }
expr(A) ::= NOT(O) expr(B). { A = ast_unary(ctx, &O, B); }
expr(A) ::= TILDE(O) expr(B). { A = ast_unary(ctx, &O, B); }
expr(A) ::= postfix(B). { A = B; }

%type postfix {AstExpr *}
postfix(A) ::= primary(B). { A = B; }
postfix(A) ::= postfix(B) LPAREN(L) args(X) RPAREN. { A = ast_call(ctx, B, &L, X); }
postfix(A) ::= postfix(B) LBRACKET(L) subs(X) RBRACKET. { A = ast_index(ctx, B, &L, X); }

%type primary {AstExpr *}
primary(A) ::= IDENT(T). { A = ast_leaf(ctx, AST_NAME, &T); }
primary(A) ::= INT(T). { A = ast_leaf(ctx, AST_INT, &T); }
primary(A) ::= FLOAT(T). { A = ast_leaf(ctx, AST_FLOAT, &T); }
primary(A) ::= TRUE(T). { A = ast_leaf(ctx, AST_BOOL, &T); A->ival = 1; }
primary(A) ::= FALSE(T). { A = ast_leaf(ctx, AST_BOOL, &T); }
primary(A) ::= LPAREN expr(B) RPAREN. { A = B; }
primary(A) ::= LBRACKET(L) args(X) RBRACKET. { A = ast_list(ctx, &L, X); }

%type args {PtrVec}
args(A) ::= . { memset(&A, 0, sizeof A); }
args(A) ::= alist(B). { A = B; }
args(A) ::= alist(B) COMMA. { A = B; }
%type alist {PtrVec}
alist(A) ::= arg(X). { memset(&A, 0, sizeof A); ptrvec_push(ctx->arena, &A, X); }
alist(A) ::= alist(B) COMMA arg(X). { A = B; ptrvec_push(ctx->arena, &A, X); }
%type arg {AstArg *}
arg(A) ::= expr(E). { A = ast_arg(ctx, NULL, E); }
arg(A) ::= IDENT(N) ASSIGN expr(E). { A = ast_arg(ctx, &N, E); }

%type subs {PtrVec}
subs(A) ::= slist(B). { A = B; }
subs(A) ::= slist(B) COMMA. { A = B; }
%type slist {PtrVec}
slist(A) ::= sub(X). { memset(&A, 0, sizeof A); ptrvec_push(ctx->arena, &A, ast_arg(ctx, NULL, X)); }
slist(A) ::= slist(B) COMMA sub(X). { A = B; ptrvec_push(ctx->arena, &A, ast_arg(ctx, NULL, X)); }
%type sub {AstExpr *}
sub(A) ::= expr(B). { A = B; }
sub(A) ::= expr(B) COLON(C) expr(D). { A = ast_slice(ctx, &C, B, D); }
sub(A) ::= expr(B) COLON(C). { A = ast_slice(ctx, &C, B, NULL); }
sub(A) ::= COLON(C) expr(D). { A = ast_slice(ctx, &C, NULL, D); }
sub(A) ::= COLON(C). { A = ast_slice(ctx, &C, NULL, NULL); }
sub(A) ::= ELLIPSIS(T). { A = ast_leaf(ctx, AST_ELLIPSIS, &T); }
