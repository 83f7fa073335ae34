/* index.c - sizes (Dim) and index expressions (IxExpr); see ir.h.
 *
 * Contract.
 *  - A Dim is the monomial coef * syms[0] * ... * syms[nsym-1], syms sorted
 *    ascending (a symbol may repeat: T*T).  Every Dim operation checks int64
 *    overflow and the IR_MAX_DIM_SYMS limit and reports failure instead of
 *    wrapping.
 *  - IxExpr constructors fold only what is sound for non-negative indices
 *    and positive divisors (the run-time domain of view maps):
 *      c1 + c2, x + 0, (x + c1) + c2 -> x + (c1 + c2)
 *      c1 * c2, x * 1, x * 0, (x * c1) * c2 -> x * (c1 * c2), d1 * d2 (Dims)
 *      c1 / c2, x / 1, 0 / x, (x * c) / d -> x * (c / d) when d divides c,
 *      (x * c) / (c * k) -> x / k, (x / b) / c -> x / (b * c)
 *      c1 % c2, x % 1 -> 0, 0 % x -> 0, (x * c) % d -> 0 when d divides c,
 *      (x * c) % (c * k) -> (x % k) * c, (x % c) % c -> x % c
 *    (c, d, k, b: constants or Dims; d1 / d2 and d1 % d2 fold for Dims
 *    when the quotient is exact.)
 *    A fold whose constant arithmetic would overflow is simply not done.
 *    The right operand of MUL/DIV/MOD is a constant or a Dim (asserted); a
 *    constant left operand of MUL is swapped to the right.
 *  - ix_eval returns the value, or -1 when an intermediate value overflows,
 *    is negative, or a divisor is zero (none of which happens for a valid
 *    view map with in-range indices).
 *  - Expressions are immutable once built and may share subtrees. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir.h"

/* ---- Dim ---------------------------------------------------------------- */

Dim dim_const(int64_t c)
{
    Dim d;
    memset(&d, 0, sizeof d);
    d.coef = c;
    return d;
}

Dim dim_sym(int sym)
{
    IR_ASSERT(sym >= 0 && sym <= UINT16_MAX);
    Dim d = dim_const(1);
    d.nsym = 1;
    d.syms[0] = (uint16_t)sym;
    return d;
}

bool dim_eq(Dim a, Dim b)
{
    if (a.coef != b.coef || a.nsym != b.nsym)
        return false;
    for (int k = 0; k < a.nsym; k++)
        if (a.syms[k] != b.syms[k])
            return false;
    return true;
}

bool dim_is_const(Dim a, int64_t c)
{
    return a.nsym == 0 && a.coef == c;
}

/* Product; merges the two sorted symbol lists.  False (out untouched) on
 * coefficient overflow or more than IR_MAX_DIM_SYMS symbols. */
bool dim_mul(Dim a, Dim b, Dim *out)
{
    Dim r = dim_const(0);
    if (a.nsym + b.nsym > IR_MAX_DIM_SYMS)
        return false;
    if (__builtin_mul_overflow(a.coef, b.coef, &r.coef))
        return false;
    int i = 0, j = 0, n = 0;
    while (i < a.nsym || j < b.nsym) {
        if (j >= b.nsym || (i < a.nsym && a.syms[i] <= b.syms[j]))
            r.syms[n++] = a.syms[i++];
        else
            r.syms[n++] = b.syms[j++];
    }
    r.nsym = (uint8_t)n;
    *out = r;
    return true;
}

/* Exact quotient: b.coef divides a.coef and b's symbols (with multiplicity)
 * are a sub-multiset of a's.  False (out untouched) otherwise. */
bool dim_div(Dim a, Dim b, Dim *out)
{
    if (b.coef == 0 || a.coef % b.coef != 0)
        return false;
    Dim r = dim_const(a.coef / b.coef);
    int i = 0, j = 0, n = 0;
    while (i < a.nsym) {
        if (j < b.nsym && b.syms[j] < a.syms[i])
            return false; /* b has a symbol a lacks */
        if (j < b.nsym && b.syms[j] == a.syms[i]) {
            i++, j++;
            continue;
        }
        r.syms[n++] = a.syms[i++];
    }
    if (j < b.nsym)
        return false;
    r.nsym = (uint8_t)n;
    *out = r;
    return true;
}

/* coef * prod(symvals); -1 on overflow or a negative symbol value or
 * coefficient. */
int64_t dim_eval(Dim a, const int64_t *symvals)
{
    int64_t v = a.coef;
    if (v < 0)
        return -1;
    for (int k = 0; k < a.nsym; k++) {
        int64_t s = symvals[a.syms[k]];
        if (s < 0 || __builtin_mul_overflow(v, s, &v))
            return -1;
    }
    return v;
}

/* Appends printf output to buf[*pos..bufsize), always NUL-terminated and
 * truncated safely. */
static void appendf(char *buf, int bufsize, int *pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void appendf(char *buf, int bufsize, int *pos, const char *fmt, ...)
{
    if (*pos >= bufsize - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *pos, (size_t)(bufsize - *pos), fmt, ap);
    va_end(ap);
    if (n > 0)
        *pos = (*pos + n < bufsize - 1) ? *pos + n : bufsize - 1;
}

/* Symbol name, or "s<k>" when no names are given. */
static void append_sym(char *buf, int bufsize, int *pos, const char *const *symnames, int k)
{
    if (symnames && symnames[k])
        appendf(buf, bufsize, pos, "%s", symnames[k]);
    else
        appendf(buf, bufsize, pos, "s%d", k);
}

static void append_dim(char *buf, int bufsize, int *pos, Dim a, const char *const *symnames)
{
    bool first = true;
    if (a.coef != 1 || a.nsym == 0) {
        appendf(buf, bufsize, pos, "%" PRId64, a.coef);
        first = false;
    }
    for (int k = 0; k < a.nsym; k++) {
        if (!first)
            appendf(buf, bufsize, pos, "*");
        append_sym(buf, bufsize, pos, symnames, a.syms[k]);
        first = false;
    }
}

/* "32*T": coefficient first (omitted when 1), symbols joined by '*'. */
const char *dim_str(Dim a, const char *const *symnames, char *buf, int bufsize)
{
    IR_ASSERT(buf && bufsize > 0);
    int pos = 0;
    buf[0] = 0;
    append_dim(buf, bufsize, &pos, a, symnames);
    return buf;
}

/* ---- IxExpr construction -------------------------------------------------- */

static IxExpr *ix_new(Arena *ar, IxKind k, IxExpr *a, IxExpr *b)
{
    IxExpr *e = ARENA_NEW(ar, IxExpr);
    e->kind = k;
    e->a = a;
    e->b = b;
    return e;
}

IxExpr *ix_const(Arena *ar, int64_t c)
{
    IxExpr *e = ix_new(ar, IX_CONST, NULL, NULL);
    e->c = c;
    return e;
}

IxExpr *ix_var(Arena *ar, int v)
{
    IR_ASSERT(v >= 0 && v < IR_MAX_RANK);
    IxExpr *e = ix_new(ar, IX_VAR, NULL, NULL);
    e->c = v;
    return e;
}

IxExpr *ix_dim(Arena *ar, Dim d)
{
    if (d.nsym == 0)
        return ix_const(ar, d.coef);
    IxExpr *e = ix_new(ar, IX_DIM, NULL, NULL);
    e->dim = d;
    return e;
}

static bool is_const(const IxExpr *e, int64_t c)
{
    return e->kind == IX_CONST && e->c == c;
}

/* A "size" operand (constant or Dim) as a Dim. */
static bool as_dim(const IxExpr *e, Dim *out)
{
    if (e->kind == IX_CONST) {
        *out = dim_const(e->c);
        return true;
    }
    if (e->kind == IX_DIM) {
        *out = e->dim;
        return true;
    }
    return false;
}

IxExpr *ix_add(Arena *ar, IxExpr *a, IxExpr *b)
{
    int64_t s;
    if (is_const(b, 0))
        return a;
    if (is_const(a, 0))
        return b;
    if (a->kind == IX_CONST && b->kind != IX_CONST)
        return ix_add(ar, b, a); /* constants to the right */
    if (a->kind == IX_CONST && !__builtin_add_overflow(a->c, b->c, &s))
        return ix_const(ar, s);
    if (b->kind == IX_CONST && a->kind == IX_ADD && a->b->kind == IX_CONST &&
        !__builtin_add_overflow(a->b->c, b->c, &s))
        return ix_add(ar, a->a, ix_const(ar, s));
    return ix_new(ar, IX_ADD, a, b);
}

IxExpr *ix_mul(Arena *ar, IxExpr *a, IxExpr *b)
{
    Dim da, db, dr;
    if (!as_dim(b, &db) && as_dim(a, &da))
        return ix_mul(ar, b, a);
    IR_ASSERT(as_dim(b, &db)); /* right operand is a size */
    if (is_const(b, 1))
        return a;
    if (is_const(b, 0) || is_const(a, 0))
        return ix_const(ar, 0);
    if (as_dim(a, &da) && dim_mul(da, db, &dr))
        return ix_dim(ar, dr);
    if (a->kind == IX_MUL && as_dim(a->b, &da) && dim_mul(da, db, &dr))
        return ix_mul(ar, a->a, ix_dim(ar, dr));
    return ix_new(ar, IX_MUL, a, b);
}

IxExpr *ix_div(Arena *ar, IxExpr *a, IxExpr *b)
{
    Dim da, db, dr;
    IR_ASSERT(as_dim(b, &db));
    IR_ASSERT(!dim_is_const(db, 0)); /* division by zero */
    if (is_const(b, 1) || is_const(a, 0))
        return a;
    if (a->kind == IX_CONST && b->kind == IX_CONST && a->c >= 0 && b->c > 0)
        return ix_const(ar, a->c / b->c);
    if (as_dim(a, &da) && dim_div(da, db, &dr))
        return ix_dim(ar, dr);
    /* (x * c) / d -> x * (c / d) when d divides c exactly */
    if (a->kind == IX_MUL && as_dim(a->b, &da) && dim_div(da, db, &dr))
        return ix_mul(ar, a->a, ix_dim(ar, dr));
    /* (x * c) / (c * k) -> x / k */
    if (a->kind == IX_MUL && as_dim(a->b, &da) && dim_div(db, da, &dr))
        return ix_div(ar, a->a, ix_dim(ar, dr));
    /* (x / c) / d -> x / (c * d): floor division composes for positive c, d */
    if (a->kind == IX_DIV && as_dim(a->b, &da) && dim_mul(da, db, &dr))
        return ix_div(ar, a->a, ix_dim(ar, dr));
    return ix_new(ar, IX_DIV, a, b);
}

IxExpr *ix_mod(Arena *ar, IxExpr *a, IxExpr *b)
{
    Dim da, db, dr;
    IR_ASSERT(as_dim(b, &db));
    IR_ASSERT(!dim_is_const(db, 0)); /* modulo by zero */
    if (is_const(b, 1) || is_const(a, 0))
        return ix_const(ar, 0);
    if (a->kind == IX_CONST && b->kind == IX_CONST && a->c >= 0 && b->c > 0)
        return ix_const(ar, a->c % b->c);
    if (as_dim(a, &da) && dim_div(da, db, &dr))
        return ix_const(ar, 0);
    /* (x * c) % d -> 0 when d divides c exactly */
    if (a->kind == IX_MUL && as_dim(a->b, &da) && dim_div(da, db, &dr))
        return ix_const(ar, 0);
    /* (x * c) % (c * k) -> (x % k) * c */
    if (a->kind == IX_MUL && as_dim(a->b, &da) && dim_div(db, da, &dr))
        return ix_mul(ar, ix_mod(ar, a->a, ix_dim(ar, dr)), a->b);
    /* (x % c) % c -> x % c */
    if (a->kind == IX_MOD && as_dim(a->b, &da) && dim_eq(da, db))
        return a;
    return ix_new(ar, IX_MOD, a, b);
}

/* ---- evaluation, substitution, printing ----------------------------------- */

int64_t ix_eval(const IxExpr *e, const int64_t *vars, const int64_t *symvals)
{
    return ix_eval_vals(e, vars, symvals, NULL);
}

int64_t ix_eval_vals(const IxExpr *e, const int64_t *vars, const int64_t *symvals,
                     const int64_t *vals)
{
    int64_t x, y, r;
    switch (e->kind) {
    case IX_CONST:
        return e->c >= 0 ? e->c : -1;
    case IX_VAR:
        return vars[e->c] >= 0 ? vars[e->c] : -1;
    case IX_DIM:
        return dim_eval(e->dim, symvals);
    case IX_VAL:
        return vals && vals[e->c] >= 0 ? vals[e->c] : -1;
    default:
        break;
    }
    x = ix_eval_vals(e->a, vars, symvals, vals);
    y = ix_eval_vals(e->b, vars, symvals, vals);
    if (x < 0 || y < 0)
        return -1;
    switch (e->kind) {
    case IX_ADD:
        return __builtin_add_overflow(x, y, &r) ? -1 : r;
    case IX_MUL:
        return __builtin_mul_overflow(x, y, &r) ? -1 : r;
    case IX_DIV:
        return y == 0 ? -1 : x / y;
    case IX_MOD:
        return y == 0 ? -1 : x % y;
    default:
        IR_ASSERT(!"bad IxKind");
    }
    return -1;
}

IxExpr *ix_subst(Arena *ar, const IxExpr *e, IxExpr *const *subst)
{
    switch (e->kind) {
    case IX_CONST:
        return ix_const(ar, e->c);
    case IX_VAR:
        IR_ASSERT(subst[e->c]);
        return subst[e->c];
    case IX_DIM:
        return ix_dim(ar, e->dim);
    case IX_VAL:
        return (IxExpr *)e;
    case IX_ADD:
        return ix_add(ar, ix_subst(ar, e->a, subst), ix_subst(ar, e->b, subst));
    case IX_MUL:
        return ix_mul(ar, ix_subst(ar, e->a, subst), ix_subst(ar, e->b, subst));
    case IX_DIV:
        return ix_div(ar, ix_subst(ar, e->a, subst), ix_subst(ar, e->b, subst));
    case IX_MOD:
        return ix_mod(ar, ix_subst(ar, e->a, subst), ix_subst(ar, e->b, subst));
    }
    IR_ASSERT(!"bad IxKind");
    return NULL;
}

/* Prints e.  Sums are parenthesised (a sum directly inside a sum is not),
 * multi-factor Dims are parenthesised, and products, quotients and
 * remainders chain left to right exactly as C parses them (the right
 * operand is never compound), so the text evaluates as e does. */
static void print_rec(const IxExpr *e, const char *const *symnames, bool in_sum, char *buf,
                      int bufsize, int *pos)
{
    const char *op = NULL;
    switch (e->kind) {
    case IX_CONST:
        appendf(buf, bufsize, pos, "%" PRId64, e->c);
        return;
    case IX_VAR:
        appendf(buf, bufsize, pos, "v%d", (int)e->c);
        return;
    case IX_VAL:
        appendf(buf, bufsize, pos, "k%d", (int)e->c);
        return;
    case IX_DIM: {
        bool compound = e->dim.nsym + (e->dim.coef != 1) > 1;
        appendf(buf, bufsize, pos, compound ? "(" : "");
        append_dim(buf, bufsize, pos, e->dim, symnames);
        appendf(buf, bufsize, pos, compound ? ")" : "");
        return;
    }
    case IX_ADD:
        appendf(buf, bufsize, pos, in_sum ? "" : "(");
        print_rec(e->a, symnames, true, buf, bufsize, pos);
        appendf(buf, bufsize, pos, " + ");
        print_rec(e->b, symnames, true, buf, bufsize, pos);
        appendf(buf, bufsize, pos, in_sum ? "" : ")");
        return;
    case IX_MUL: op = "*"; break;
    case IX_DIV: op = "/"; break;
    case IX_MOD: op = "%"; break;
    }
    IR_ASSERT(op);
    print_rec(e->a, symnames, false, buf, bufsize, pos);
    appendf(buf, bufsize, pos, "%s", op);
    print_rec(e->b, symnames, false, buf, bufsize, pos);
}

void ix_print(const IxExpr *e, const char *const *symnames, char *buf, int bufsize)
{
    IR_ASSERT(buf && bufsize > 0);
    int pos = 0;
    buf[0] = 0;
    print_rec(e, symnames, false, buf, bufsize, &pos);
}

bool ix_equal(const IxExpr *a, const IxExpr *b)
{
    if (a == b)
        return true;
    if (!a || !b || a->kind != b->kind)
        return false;
    switch (a->kind) {
    case IX_CONST: case IX_VAR: case IX_VAL: return a->c == b->c;
    case IX_DIM: return dim_eq(a->dim, b->dim);
    default: return ix_equal(a->a, b->a) && ix_equal(a->b, b->b);
    }
}

/* ---- the generic visitor ------------------------------------------------------------ */

/* Pre-order walk with an explicit stack (no recursion: expressions may be
 * deep); fn's result steers it.  Operands are visited left before right,
 * a shared subtree once per reference; NULL operands are skipped. */
IxStep ix_walk(const IxExpr *e, IxVisit fn, void *ctx)
{
    const IxExpr *local[64], **stack = local;
    int cap = 64, top = 0;
    IxStep r = IX_GO;
    if (e)
        stack[top++] = e;
    while (top && r != IX_STOP) {
        const IxExpr *x = stack[--top];
        r = fn(x, ctx);
        if (r != IX_GO || x->kind < IX_ADD || x->kind > IX_MOD)
            continue;
        if (top + 2 > cap) {
            const IxExpr **grown = ir_xcalloc((size_t)cap * 2, sizeof *grown);
            memcpy(grown, stack, sizeof *grown * (size_t)top);
            if (stack != local)
                free(stack);
            stack = grown;
            cap *= 2;
        }
        if (x->b)
            stack[top++] = x->b;
        if (x->a)
            stack[top++] = x->a;
    }
    if (stack != local)
        free(stack);
    return r == IX_STOP ? IX_STOP : IX_GO;
}

typedef struct {
    IxPred pred;
    void *ctx;
} AnyCx;

static IxStep any_step(const IxExpr *e, void *ctx)
{
    AnyCx *c = ctx;
    return c->pred(e, c->ctx) ? IX_STOP : IX_GO;
}

bool ix_any(const IxExpr *e, IxPred pred, void *ctx)
{
    AnyCx c = {pred, ctx};
    return ix_walk(e, any_step, &c) == IX_STOP;
}

static bool is_kind(const IxExpr *e, void *kind)
{
    return e->kind == *(const IxKind *)kind;
}

bool ix_has_kind(const IxExpr *e, IxKind kind)
{
    return ix_any(e, is_kind, &kind);
}

static IxStep hash_step(const IxExpr *e, void *ctx)
{
    uint64_t *h = ctx, v = (uint64_t)e->kind * 0x9E3779B97F4A7C15ull;
    if (e->kind == IX_CONST || e->kind == IX_VAR || e->kind == IX_VAL)
        v ^= (uint64_t)e->c * 0x100000001B3ull;
    else if (e->kind == IX_DIM)
        v ^= (uint64_t)e->dim.coef ^ ((uint64_t)e->dim.nsym << 40);
    *h = (*h ^ v) * 0x100000001B3ull;
    return IX_GO;
}

uint64_t ix_hash(const IxExpr *e)
{
    uint64_t h = 7;
    ix_walk(e, hash_step, &h);
    return h;
}
