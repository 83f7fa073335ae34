/* lower.c - AST -> graph IR: name resolution, inlining of `def`s, type and
 * shape checking, NumPy broadcasting made explicit, every layout op turned
 * into an index map (IR_VIEW / IR_CAT / IR_GATHER).
 *
 * Values during lowering are compile-time scalars (int, float, bool, dtype,
 * symbolic size), lists, tuples (several results) or tensors (an IR node).
 * Literals are "weak" like Python scalars in PyTorch: they take the dtype of
 * the tensor they meet.  Arithmetic between literals folds here, in double
 * (ints exactly), like Python.
 *
 * Errors unwind with longjmp to the graph being lowered (Lua-style): the
 * graph's first error is reported, the next graph is lowered.  Every error
 * inside the standard library is reported at the user's call site. */
#include <math.h>
#include <stdlib.h>
#include <setjmp.h>
#include <stdarg.h>
#include <string.h>

#include "builtins.h"
#include "layout.h"
#include "lower.h"
#include "parser.h"

#define MAX_INLINE_DEPTH 64
/* Nested expressions across inlined functions (each file's are bounded by
 * PARSE_MAX_DEPTH, but 64 inlined levels of those would overflow the C
 * stack): a located error beyond this. */
#define MAX_LOWER_DEPTH 512
/* Operations in one graph, inlined functions included: beyond this the
 * graph is refused where it crosses the bound (calls that double per level
 * would otherwise exhaust memory; a node with its index maps takes about
 * 1.3 KB while lowering, so this is about 330 MB). */
#define MAX_GRAPH_NODES 250000
/* The longest chain of operations in one graph (each one's operand made by
 * the one before): later passes and code generation walk such chains
 * recursively, and this many levels fit an 8 MiB stack under ASan with a
 * wide margin. */
#define MAX_GRAPH_DEPTH 2000
/* The runtime's limits (runtime/api.c): arguments of a graph, both ways,
 * and size symbols. */
/* Terms of the index a node may be read at once the passes compose the
 * layout ops above it (see check_index_growth). */
#define MAX_INDEX_TERMS 65536
/* Elements of one tensor (its constant factors), as for one dim. */
#define MAX_ELEMENTS ((int64_t)1 << 40)
#define MAX_GRAPH_PARAMS 256
#define MAX_GRAPH_SYMS 64

/* ---------------------------------------------------------------- errors */

/* s, or if it is in the standard library the innermost call site in the
 * user's text (*inner_std: the library function called there). */
static Span user_span(const Lower *L, Span s, const Frame **inner_std)
{
    if (s.file && s.file->name && strcmp(s.file->name, "<stdlib>") == 0) {
        for (const Frame *f = L->frame; f; f = f->parent) {
            *inner_std = f;
            if (f->call_site.file && strcmp(f->call_site.file->name, "<stdlib>") != 0)
                return f->call_site;
        }
    }
    return s;
}

_Noreturn void lw_fail(Lower *L, Span s, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const Frame *inner_std = NULL;
    s = user_span(L, s, &inner_std);
    if (inner_std)
        diag_error(L->diag, s, "%s (in standard library function '%s')", msg,
                   inner_std->fn->name);
    else
        diag_error(L->diag, s, "%s", msg);
    for (const Frame *f = L->frame; f; f = f->parent)
        if (f->call_site.file && strcmp(f->call_site.file->name, "<stdlib>") != 0 &&
            !(f->call_site.line == s.line && f->call_site.col == s.col))
            diag_note(L->diag, f->call_site, "in the call to '%s' here", f->fn->name);
    longjmp(L->fail, 1);
}

const char *lw_type_str(Lower *L, const IrNode *n)
{
    char buf[256];
    return arena_strdup(L->arena, ir_type_str(L->g, n, buf, sizeof buf));
}

const char *lw_kind_name(const Value *v)
{
    switch (v->k) {
    case V_TENSOR: return "a tensor";
    case V_INT: return "an integer";
    case V_FLOAT: return "a number";
    case V_BOOL: return "a bool";
    case V_DTYPE: return "a dtype";
    case V_DIM: return "a symbolic size";
    case V_LIST: return "a list";
    case V_TUPLE: return "a tuple of results";
    default: return "nothing";
    }
}

/* ---------------------------------------------------------------- scopes */

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

void lw_tab_put(Arena *a, NameTab *t, const char *name, void *val)
{
    if (t->n * 2 >= t->cap) {
        NameTab bigger = {0, t->cap ? t->cap * 2 : 8, NULL, NULL}; /* most are small */
        bigger.keys = ARENA_ARRAY(a, const char *, bigger.cap);
        bigger.vals = ARENA_ARRAY(a, void *, bigger.cap);
        for (int i = 0; i < t->cap; i++)
            if (t->keys[i])
                lw_tab_put(a, &bigger, t->keys[i], t->vals[i]);
        *t = bigger;
    }
    uint32_t i = hash_str(name) & (uint32_t)(t->cap - 1);
    while (t->keys[i] && strcmp(t->keys[i], name) != 0)
        i = (i + 1) & (uint32_t)(t->cap - 1);
    if (!t->keys[i])
        t->n++;
    t->keys[i] = name;
    t->vals[i] = val;
}

void *lw_tab_get(const NameTab *t, const char *name)
{
    if (!t->cap)
        return NULL;
    uint32_t i = hash_str(name) & (uint32_t)(t->cap - 1);
    while (t->keys[i]) {
        if (strcmp(t->keys[i], name) == 0)
            return t->vals[i];
        i = (i + 1) & (uint32_t)(t->cap - 1);
    }
    return NULL;
}

/* Bind name to v in sc (a new binding replaces the old one). */
static void scope_put(Lower *L, Scope *sc, const char *name, Value v)
{
    Value *slot = lw_tab_get(sc, name);
    if (!slot) {
        slot = ARENA_NEW(L->arena, Value);
        lw_tab_put(L->arena, sc, name, slot);
    }
    *slot = v;
}

static const Value *scope_get(const Scope *sc, const char *name)
{
    return lw_tab_get(sc, name);
}

/* ------------------------------------------------------------ suggestions */

#define NEAREST_MAX_LEN 64

void lw_nearest_init(Nearest *n, const char *want)
{
    size_t len = strlen(want);
    n->want = want;
    n->best = NULL;
    n->dist = (len > 9 ? 3 : (int)(len / 3)) + 1; /* one more than allowed: a or ab, none */
}

/* Optimal string alignment distance between a and b (both under
 * NEAREST_MAX_LEN bytes). */
static int edit_distance(const char *a, int la, const char *b, int lb)
{
    int d[NEAREST_MAX_LEN + 1][NEAREST_MAX_LEN + 1];
    for (int i = 0; i <= la; i++)
        d[i][0] = i;
    for (int j = 0; j <= lb; j++)
        d[0][j] = j;
    for (int i = 1; i <= la; i++)
        for (int j = 1; j <= lb; j++) {
            int best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

void lw_nearest_try(Nearest *n, const char *cand)
{
    int la = (int)strlen(n->want), lb = (int)strlen(cand);
    if (la >= NEAREST_MAX_LEN || lb >= NEAREST_MAX_LEN || abs(la - lb) >= n->dist ||
        strcmp(n->want, cand) == 0)
        return;
    int d = edit_distance(n->want, la, cand, lb);
    if (d < n->dist) {
        n->dist = d;
        n->best = cand;
    }
}

/* "; did you mean 'x'?" or "". */
static const char *did_you_mean(Lower *L, const Nearest *n)
{
    if (!n->best)
        return "";
    char buf[NEAREST_MAX_LEN + 32];
    snprintf(buf, sizeof buf, "; did you mean '%s'?", n->best);
    return arena_strdup(L->arena, buf);
}

/* ---------------------------------------------------------------- values */

Value lw_tensor(IrNode *n)
{
    Value v = {.k = V_TENSOR, .t = n, .span = n->span};
    return v;
}

IrNode *lw_expect_tensor(Lower *L, const Value *v, const char *what)
{
    if (v->k != V_TENSOR)
        lw_fail(L, v->span, "%s must be a tensor, not %s", what, lw_kind_name(v));
    return v->t;
}

int64_t lw_expect_int(Lower *L, const Value *v, const char *what)
{
    if (v->k != V_INT)
        lw_fail(L, v->span, "%s must be an integer, not %s", what, lw_kind_name(v));
    return v->i;
}

int lw_norm_dim(Lower *L, int64_t d, int rank, Span s)
{
    int lo = rank ? -rank : -1, hi = rank ? rank - 1 : 0;
    if (d < lo || d > hi)
        lw_fail(L, s, "dim %lld is out of range for a tensor of rank %d (expected %d..%d)",
                (long long)d, rank, lo, hi);
    return (int)(d < 0 ? d + (rank ? rank : 1) : d);
}

/* ---------------------------------------------------------------- dtypes */

static int category(DType t)
{
    return t == DT_BOOL ? 0 : dt_is_int(t) ? 1 : 2;
}

/* Float dtypes ordered by how much they hold, for promotion. */
static int float_rank(DType t)
{
    switch (t) {
    case DT_F32: return 3;
    case DT_F16: case DT_BF16: return 2;
    default: return 1;
    }
}

/* Integers: the wider; of one width, the first (i32 with i32 only: the
 * signed types differ in width).  An unsigned type with a signed one
 * (PyTorch's rule): the signed one if it is wider, else the signed type
 * twice the unsigned one's width (u8 with i8: i16; u32 with i32: i64). */
static DType promote_int(DType a, DType b)
{
    if (dt_is_unsigned(a) != dt_is_unsigned(b)) {
        DType u = dt_is_unsigned(a) ? a : b, s = dt_is_unsigned(a) ? b : a;
        if (dt_size(s) > dt_size(u))
            return s;
        return dt_size(u) == 1 ? DT_I16 : dt_size(u) == 2 ? DT_I32 : DT_I64;
    }
    return dt_size(a) >= dt_size(b) ? a : b;
}

DType lw_promote_types(DType a, DType b)
{
    if (a == b)
        return a;
    int ca = category(a), cb = category(b);
    if (ca != cb)
        return ca > cb ? a : b;
    if (ca == 1)
        return promote_int(a, b);
    int ra = float_rank(a), rb = float_rank(b);
    if (ra != rb)
        return ra > rb ? a : b;
    return DT_F32; /* bf16 with f16, or two different f8 types */
}

/* The dtype an operation on these values has, by PyTorch's rules: tensors
 * with dims promote among themselves; a rank-0 tensor counts only where its
 * category (bool < integer < float) is higher than theirs (bf16[T] * f32[]
 * is bf16); a literal raises the result only to its category's default
 * (f32 for a float literal over integers, i64 for an int over bools). */
DType lw_result_dtype(Lower *L, const Value *v, int n, Span s)
{
    bool have[2] = {false, false}; /* [0]: tensors with dims, [1]: rank-0 tensors */
    DType tt[2] = {DT_BOOL, DT_BOOL};
    for (int i = 0; i < n; i++)
        if (v[i].k == V_TENSOR) {
            int z = v[i].t->rank == 0;
            tt[z] = have[z] ? lw_promote_types(tt[z], v[i].t->dtype) : v[i].t->dtype;
            have[z] = true;
        }
    if (!have[0] && !have[1])
        lw_fail(L, s, "internal: no tensor operand");
    DType t = !have[0] || (have[1] && category(tt[1]) > category(tt[0])) ? tt[1] : tt[0];
    for (int i = 0; i < n; i++) {
        if (v[i].k == V_FLOAT && category(t) < 2)
            t = DT_F32;
        else if (v[i].k == V_INT && category(t) < 1)
            t = DT_I64;
        else if (v[i].k != V_TENSOR && v[i].k != V_FLOAT && v[i].k != V_INT &&
                 v[i].k != V_BOOL)
            lw_fail(L, v[i].span, "expected a tensor or a number, got %s", lw_kind_name(&v[i]));
    }
    return t;
}

/* ---------------------------------------------------------------- shapes */

const char *lw_shape_str(Lower *L, int rank, const Dim *shape)
{
    char buf[256];
    int pos = snprintf(buf, sizeof buf, "[");
    for (int i = 0; i < rank && pos < (int)sizeof buf; i++) {
        char d[64];
        pos += snprintf(buf + pos, sizeof buf - (size_t)pos, "%s%s", i ? ", " : "",
                        dim_str(shape[i], L->g->syms, d, sizeof d));
    }
    if (pos < (int)sizeof buf)
        snprintf(buf + pos, sizeof buf - (size_t)pos, "]");
    return arena_strdup(L->arena, buf);
}

/* A view of x broadcast (NumPy rules, already checked) to rank/shape. */
IrNode *lw_expand_to(Lower *L, IrNode *x, int rank, const Dim *shape, Span s)
{
    bool same = x->rank == rank;
    for (int i = 0; same && i < rank; i++)
        same = dim_eq(x->shape[i], shape[i]);
    if (same)
        return x;
    IxExpr *src[IR_MAX_RANK];
    int lead = rank - x->rank;
    for (int j = 0; j < x->rank; j++) {
        bool bcast = dim_is_const(x->shape[j], 1) && !dim_is_const(shape[lead + j], 1);
        src[j] = bcast ? ix_const(L->arena, 0) : ix_var(L->arena, lead + j);
    }
    return ir_view(L->g, x, rank, shape, src, s);
}

/* The broadcast shape of the tensor operands; errors name both shapes. */
int lw_broadcast_shape(Lower *L, const Value *v, int n, Dim *out, const char *opname, Span s)
{
    int rank = 0;
    for (int i = 0; i < n; i++)
        if (v[i].k == V_TENSOR && v[i].t->rank > rank)
            rank = v[i].t->rank;
    for (int d = 0; d < rank; d++)
        out[d] = dim_const(1);
    const IrNode *first[IR_MAX_RANK] = {0};
    for (int i = 0; i < n; i++) {
        if (v[i].k != V_TENSOR)
            continue;
        const IrNode *t = v[i].t;
        for (int j = 0; j < t->rank; j++) {
            int d = rank - t->rank + j;
            Dim a = out[d], b = t->shape[j];
            if (dim_eq(a, b) || dim_is_const(b, 1))
                continue;
            if (dim_is_const(a, 1)) {
                out[d] = b;
                first[d] = t;
                continue;
            }
            lw_fail(L, s, "shapes do not broadcast in %s: %s vs %s (dim %d: %s vs %s)", opname,
                    lw_type_str(L, first[d] ? first[d] : t), lw_type_str(L, t), d - rank,
                    dim_str(a, L->g->syms, (char[64]){0}, 64),
                    dim_str(b, L->g->syms, (char[64]){0}, 64));
        }
    }
    return rank;
}

/* v as a tensor of dtype t and the given shape: literals become constants,
 * tensors are converted between integer and float classes (a real cast) and
 * broadcast. Float-to-float needs no node: values are f32 already. */
IrNode *lw_operand(Lower *L, const Value *v, DType t, int rank, const Dim *shape, Span s)
{
    switch (v->k) {
    case V_TENSOR: {
        IrNode *x = v->t;
        if (dt_is_float(x->dtype) != dt_is_float(t) || (!dt_is_float(t) && x->dtype != t &&
                                                         (t == DT_BOOL || x->dtype == DT_BOOL)))
            x = ir_cast(L->g, t, x, s);
        return lw_expand_to(L, x, rank, shape, s);
    }
    case V_FLOAT:
        if (!dt_is_float(t))
            lw_fail(L, v->span, "internal: float literal in an integer operation");
        return ir_const_f(L->g, (double)(float)v->f, t, rank, shape, v->span);
    case V_INT:
        if (dt_is_float(t))
            return ir_const_f(L->g, (double)(float)v->i, t, rank, shape, v->span);
        return ir_const_i(L->g, t == DT_BOOL ? v->i != 0 : v->i, t, rank, shape, v->span);
    case V_BOOL:
        if (dt_is_float(t))
            return ir_const_f(L->g, (double)v->i, t, rank, shape, v->span);
        return ir_const_i(L->g, v->i, t, rank, shape, v->span);
    default:
        lw_fail(L, v->span, "expected a tensor or a number, got %s", lw_kind_name(v));
    }
}

/* ------------------------------------------------------- constant folding */

static const char *op_symbol(int op);

/* The integer operators on literals (Python's meaning, in int64): & | ^,
 * shifts by 0..63, and floor division and modulo; overflow, a shift out
 * of range and a zero divisor are errors. */
static Value fold_int(Lower *L, int op, int64_t x, int64_t y, Span s)
{
    Value r = {.k = V_INT, .span = s};
    switch (op) {
    case TK_AMP: r.i = x & y; return r;
    case TK_PIPE: r.i = x | y; return r;
    case TK_CARET: r.i = x ^ y; return r;
    case TK_SHL: case TK_SHR:
        if (y < 0 || y > 63)
            lw_fail(L, s, "shift amount %lld is out of range for integer literals (0..63)",
                    (long long)y);
        if (op == TK_SHR) {
            r.i = x < 0 ? ~(~x >> y) : x >> y;
            return r;
        }
        r.i = (int64_t)((uint64_t)x << y);
        if ((r.i < 0 ? ~(~r.i >> y) : r.i >> y) != x)
            lw_fail(L, s, "integer overflow in constant expression");
        return r;
    default: /* // and % */
        if (y == 0)
            lw_fail(L, s, "integer division by zero in constant expression");
        if (x == INT64_MIN && y == -1) {
            if (op == TK_SLASHSLASH)
                lw_fail(L, s, "integer overflow in constant expression");
            r.i = 0;
            return r;
        }
        r.i = op == TK_SLASHSLASH ? x / y - (x % y != 0 && (x < 0) != (y < 0))
                                  : x % y + (x % y != 0 && (x < 0) != (y < 0) ? y : 0);
        return r;
    }
}

/* op(a, b) on sizes (// % cdiv align): a an integer >= 0 or a symbolic
 * size, b an integer >= 1.  Integers fold; a symbolic size folds where its
 * coefficient is a multiple of b (T*4 // 2 is T*2, align(T*4, 4) is T*4,
 * T*4 % 2 is 0); otherwise the result is a derived symbol (ir.h), a size
 * computed at launch from the symbols it uses; align(a, b) is b times the
 * derived symbol cdiv(a, b). */
Value lw_size_op(Lower *L, IrSymOp op, const char *opname, Value a, Value b, Span s)
{
    if (b.k != V_INT)
        lw_fail(L, b.span, "the divisor of %s must be an integer, not %s", opname,
                lw_kind_name(&b));
    if (b.i < 1)
        lw_fail(L, b.span, "the divisor of %s must be at least 1, got %lld", opname,
                (long long)b.i);
    Value r = {.span = s};
    if (a.k == V_INT) {
        if (a.i < 0)
            lw_fail(L, a.span, "%s of the negative size %lld", opname, (long long)a.i);
        r.k = V_INT;
        r.i = ir_sym_apply(op, a.i, b.i);
        if (r.i < 0)
            lw_fail(L, s, "size out of range in %s", opname);
        return r;
    }
    if (a.k != V_DIM)
        lw_fail(L, a.span, "%s needs a size (an integer or a size symbol such as T), not %s",
                opname, lw_kind_name(&a));
    Dim d = a.dim;
    if (d.coef % b.i == 0) {
        if (op == SYM_MOD) {
            r.k = V_INT;
            r.i = 0;
            return r;
        }
        if (op != SYM_ALIGN)
            d.coef /= b.i;
        r.k = V_DIM;
        r.dim = d;
        return r;
    }
    if (L->g->nsym >= MAX_GRAPH_SYMS)
        lw_fail(L, s, "graph '%s' has more than %d size symbols (the runtime's limit)",
                L->g->name, MAX_GRAPH_SYMS);
    r.k = V_DIM;
    /* align(a, b) is b * cdiv(a, b): a reshape into [cdiv(T, 4), 4] matches it */
    r.dim = dim_sym(ir_graph_sym_derived(L->g, op == SYM_ALIGN ? SYM_CDIV : op, d, b.i));
    if (op == SYM_ALIGN && !dim_mul(dim_const(b.i), r.dim, &r.dim))
        lw_fail(L, s, "size product out of range");
    return r;
}

static Value fold_binary(Lower *L, int op, Value a, Value b, Span s)
{
    Value r = {.span = s};
    bool is_int = a.k == V_INT && b.k == V_INT;
    if ((a.k == V_DIM || b.k == V_DIM) && (op == TK_SLASHSLASH || op == TK_PERCENT))
        return lw_size_op(L, op == TK_SLASHSLASH ? SYM_FLOORDIV : SYM_MOD, op_symbol(op), a, b, s);
    if (a.k == V_DIM || b.k == V_DIM) {
        Dim da = a.k == V_DIM ? a.dim : dim_const(a.i), db = b.k == V_DIM ? b.dim : dim_const(b.i);
        if (op == TK_STAR && (a.k == V_INT || a.k == V_DIM) && (b.k == V_INT || b.k == V_DIM)) {
            if ((a.k == V_INT && a.i < 1) || (b.k == V_INT && b.i < 1) || !dim_mul(da, db, &r.dim))
                lw_fail(L, s, "size product out of range");
            r.k = V_DIM;
            return r;
        }
        lw_fail(L, s, "symbolic sizes can only be multiplied by sizes (as in T*32) or divided "
                      "by integers (T // 2, T %% 4, cdiv(T, 4), align(T, 4))");
    }
    if (op == TK_ANDAND || op == TK_OROR) {
        if (a.k != V_BOOL || b.k != V_BOOL)
            lw_fail(L, s, "'%s' needs bool operands", op == TK_ANDAND ? "&&" : "||");
        r.k = V_BOOL;
        r.i = op == TK_ANDAND ? (a.i && b.i) : (a.i || b.i);
        return r;
    }
    bool bitwise = op == TK_AMP || op == TK_PIPE || op == TK_CARET;
    bool intop = bitwise || op == TK_SHL || op == TK_SHR || op == TK_SLASHSLASH ||
                 op == TK_PERCENT;
    if (bitwise && a.k == V_BOOL && b.k == V_BOOL) {
        r.k = V_BOOL;
        r.i = op == TK_AMP ? (a.i & b.i) : op == TK_PIPE ? (a.i | b.i) : (a.i ^ b.i);
        return r;
    }
    if (intop) {
        if (!is_int)
            lw_fail(L, s, "%s needs integer operands, not %s and %s%s", op_symbol(op),
                    lw_kind_name(&a), lw_kind_name(&b),
                    op == TK_SLASHSLASH || op == TK_PERCENT ? "; for numbers use floor(a / b)" : "");
        return fold_int(L, op, a.i, b.i, s);
    }
    if (a.k == V_BOOL || b.k == V_BOOL) {
        if ((op == TK_EQ || op == TK_NE) && a.k == b.k) {
            r.k = V_BOOL;
            r.i = (a.i == b.i) == (op == TK_EQ);
            return r;
        }
        lw_fail(L, s, "arithmetic on bool values");
    }
    double x = a.k == V_INT ? (double)a.i : a.f, y = b.k == V_INT ? (double)b.i : b.f;
    int64_t res;
    switch (op) {
    case TK_PLUS: case TK_MINUS: case TK_STAR:
        if (is_int) {
            bool ovf = op == TK_PLUS    ? __builtin_add_overflow(a.i, b.i, &res)
                       : op == TK_MINUS ? __builtin_sub_overflow(a.i, b.i, &res)
                                        : __builtin_mul_overflow(a.i, b.i, &res);
            if (ovf)
                lw_fail(L, s, "integer overflow in constant expression");
            r.k = V_INT;
            r.i = res;
            return r;
        }
        r.k = V_FLOAT;
        r.f = op == TK_PLUS ? x + y : op == TK_MINUS ? x - y : x * y;
        return r;
    case TK_SLASH:
        if (y == 0)
            lw_fail(L, s, "division by zero in constant expression");
        r.k = V_FLOAT;
        r.f = x / y;
        return r;
    default:
        r.k = V_BOOL;
        r.i = op == TK_LT ? x < y : op == TK_LE ? x <= y : op == TK_GT ? x > y
            : op == TK_GE ? x >= y : op == TK_EQ ? x == y : x != y;
        return r;
    }
}

/* ------------------------------------------------------------ operators */

static const char *op_symbol(int op)
{
    switch (op) {
    case TK_PLUS: return "'+'"; case TK_MINUS: return "'-'"; case TK_STAR: return "'*'";
    case TK_SLASH: return "'/'"; case TK_LT: return "'<'"; case TK_LE: return "'<='";
    case TK_GT: return "'>'"; case TK_GE: return "'>='"; case TK_EQ: return "'=='";
    case TK_NE: return "'!='"; case TK_ANDAND: return "'&&'"; case TK_OROR: return "'||'";
    case TK_AMP: return "'&'"; case TK_PIPE: return "'|'"; case TK_CARET: return "'^'";
    case TK_SHL: return "'<<'"; case TK_SHR: return "'>>'"; case TK_SLASHSLASH: return "'//'";
    case TK_PERCENT: return "'%'";
    default: return "operator";
    }
}

static IrBinary binary_kind(int op)
{
    switch (op) {
    case TK_PLUS: return BIN_ADD; case TK_MINUS: return BIN_SUB; case TK_STAR: return BIN_MUL;
    case TK_SLASH: return BIN_DIV; case TK_LT: return BIN_LT; case TK_LE: return BIN_LE;
    case TK_GT: return BIN_GT; case TK_GE: return BIN_GE; case TK_EQ: return BIN_EQ;
    case TK_NE: return BIN_NE; case TK_ANDAND: return BIN_AND;
    case TK_AMP: return BIN_BAND; case TK_PIPE: return BIN_BOR; case TK_CARET: return BIN_BXOR;
    case TK_SHL: return BIN_SHL; case TK_SHR: return BIN_SHR;
    case TK_SLASHSLASH: return BIN_FLOORDIV; case TK_PERCENT: return BIN_MOD;
    default: return BIN_OR;
    }
}

static bool is_scalar_const(const Value *v)
{
    return v->k == V_INT || v->k == V_FLOAT || v->k == V_BOOL || v->k == V_DIM;
}

/* A tensor binary operation (kind k) on values a and b (at least one a
 * tensor), with promotion, broadcasting and the language's class rules. */
Value lw_binary(Lower *L, IrBinary k, const char *opname, Value a, Value b, Span s)
{
    Value v[2] = {a, b};
    for (int i = 0; i < 2; i++)
        if (v[i].k != V_TENSOR && v[i].k != V_INT && v[i].k != V_FLOAT && v[i].k != V_BOOL)
            lw_fail(L, v[i].span, "operand of %s must be a tensor or a number, not %s", opname,
                    lw_kind_name(&v[i]));
    DType t = lw_result_dtype(L, v, 2, s);
    bool logical = k == BIN_AND || k == BIN_OR;
    bool compare = k >= BIN_LT && k <= BIN_NE;
    bool bitwise = k == BIN_BAND || k == BIN_BOR || k == BIN_BXOR;
    bool intop = k == BIN_SHL || k == BIN_SHR || k == BIN_FLOORDIV || k == BIN_MOD;
    if (bitwise && dt_is_float(t))
        lw_fail(L, s, "%s needs integer or bool operands, got %s", opname, dt_name(t));
    if (intop && !dt_is_int(t))
        lw_fail(L, s, "%s needs integer operands, got %s%s", opname, dt_name(t),
                dt_is_float(t) && (k == BIN_FLOORDIV || k == BIN_MOD)
                    ? "; for floats use floor(a / b)" : "");
    if ((k == BIN_SHL || k == BIN_SHR) && b.k == V_INT && (b.i < 0 || b.i >= dt_bits(t)))
        lw_fail(L, b.span, "shift amount %lld is out of range for %s (0..%d)", (long long)b.i,
                dt_name(t), dt_bits(t) - 1);
    if ((k == BIN_FLOORDIV || k == BIN_MOD) && b.k == V_INT && b.i == 0)
        lw_fail(L, b.span, "integer division by zero");
    if (bitwise && t == DT_BOOL)
        k = k == BIN_BAND ? BIN_AND : k == BIN_BOR ? BIN_OR : BIN_NE; /* the logical ops */
    logical = k == BIN_AND || k == BIN_OR;
    compare = k >= BIN_LT && k <= BIN_NE;
    if (logical && t != DT_BOOL)
        lw_fail(L, s, "%s needs bool operands, got %s", opname,
                dt_name(t));
    if (!logical && !compare && t == DT_BOOL)
        lw_fail(L, s, "arithmetic %s on bool tensors; convert with to(x, i32) first", opname);
    if (!logical && k != BIN_EQ && k != BIN_NE && compare && t == DT_BOOL)
        lw_fail(L, s, "ordering comparison %s on bool tensors", opname);
    if ((k == BIN_DIV || k == BIN_POW) && !dt_is_float(t))
        t = DT_F32; /* true division, as in PyTorch */
    Dim shape[IR_MAX_RANK];
    int rank = lw_broadcast_shape(L, v, 2, shape, opname, s);
    IrNode *x = lw_operand(L, &v[0], t, rank, shape, s);
    IrNode *y = lw_operand(L, &v[1], t, rank, shape, s);
    return lw_tensor(ir_binary(L->g, k, compare || logical ? DT_BOOL : t, x, y, s));
}

static Value lower_binary(Lower *L, const AstExpr *e)
{
    Value a = lw_expr(L, e->a), b = lw_expr(L, e->b);
    if (is_scalar_const(&a) && is_scalar_const(&b))
        return fold_binary(L, e->op, a, b, e->span);
    return lw_binary(L, binary_kind(e->op), op_symbol(e->op), a, b, e->span);
}

static Value lower_unary(Lower *L, const AstExpr *e)
{
    Value a = lw_expr(L, e->a);
    Value r = a;
    r.span = e->span;
    if (e->op == TK_MINUS) {
        if (a.k == V_INT) {
            if (a.i == INT64_MIN)
                lw_fail(L, e->span, "integer overflow in constant expression");
            r.i = -a.i;
            return r;
        }
        if (a.k == V_FLOAT) {
            r.f = -a.f;
            return r;
        }
        IrNode *x = lw_expect_tensor(L, &a, "operand of unary '-'");
        if (x->dtype == DT_BOOL)
            lw_fail(L, e->span, "unary '-' on a bool tensor; use '!'");
        return lw_tensor(ir_unary(L->g, UN_NEG, x->dtype, x, e->span));
    }
    if (e->op == TK_TILDE) {
        if (a.k == V_INT) {
            r.i = ~a.i;
            return r;
        }
        if (a.k == V_BOOL) {
            r.i = !a.i;
            return r;
        }
        IrNode *x = lw_expect_tensor(L, &a, "operand of '~'");
        if (dt_is_float(x->dtype))
            lw_fail(L, e->span, "'~' needs an integer or bool tensor, got %s", lw_type_str(L, x));
        return lw_tensor(ir_unary(L->g, x->dtype == DT_BOOL ? UN_NOT : UN_BNOT, x->dtype, x,
                                  e->span));
    }
    if (a.k == V_BOOL) {
        r.i = !a.i;
        return r;
    }
    IrNode *x = lw_expect_tensor(L, &a, "operand of '!'");
    if (x->dtype != DT_BOOL)
        lw_fail(L, e->span, "'!' needs a bool tensor, got %s", lw_type_str(L, x));
    return lw_tensor(ir_unary(L->g, UN_NOT, DT_BOOL, x, e->span));
}

/* ---------------------------------------------------------------- names */

/* The variable, size symbol or dtype whose name is closest to `name`
 * (none after LW_MAX_SUGGEST errors: each costs a scan of the scope). */
static Nearest nearest_name(Lower *L, const char *name)
{
    Nearest n;
    lw_nearest_init(&n, name);
    if (L->diag->nerrors >= LW_MAX_SUGGEST)
        return n;
    for (int i = 0; i < L->scope->cap; i++)
        if (L->scope->keys[i])
            lw_nearest_try(&n, L->scope->keys[i]);
    for (int i = 0; i < L->g->nsym && !(L->frame && L->frame->is_stdlib); i++)
        lw_nearest_try(&n, L->g->syms[i]);
    for (int t = 0; t < DT_COUNT; t++)
        lw_nearest_try(&n, dt_name((DType)t));
    return n;
}

static bool builtin_text(Span s)
{
    return !s.file || !s.file->name || s.file->name[0] == '<';
}

/* A dtype name: the table's, or `f8`, the targets' native e4m3
 * (lower_module_f8).  Where the targets disagree on it, a use of `f8` is
 * an error at s, or, for a use in the standard library (quant_fp8's
 * default dtype), at the user's call that reached it. */
static bool lower_dtype_name(Lower *L, const char *name, Span s, DType *out)
{
    if (strcmp(name, "f8") != 0)
        return dt_parse(name, out);
    if (L->f8_refused) {
        if (builtin_text(s) && L->default_site.file)
            s = L->default_site;
        for (const Frame *f = L->frame; f && builtin_text(s); f = f->parent)
            s = f->call_site;
        lw_fail(L, s, "%s", L->f8_refused);
    }
    *out = L->f8;
    return true;
}

static Value lower_name(Lower *L, const AstExpr *e)
{
    const Value *v = scope_get(L->scope, e->name);
    if (v) {
        Value r = *v;
        r.span = e->span;
        return r;
    }
    Value r = {.span = e->span};
    if (!L->frame || !L->frame->is_stdlib) {
        for (int i = 0; i < L->g->nsym; i++)
            if (strcmp(L->g->syms[i], e->name) == 0) {
                r.k = V_DIM;
                r.dim = dim_sym(i);
                return r;
            }
    }
    if (lower_dtype_name(L, e->name, e->span, &r.dt)) {
        r.k = V_DTYPE;
        return r;
    }
    if (lw_find_def(L, e->name) || lw_is_builtin(e->name))
        lw_fail(L, e->span, "'%s' is a function; call it as %s(...)", e->name, e->name);
    Nearest near = nearest_name(L, e->name);
    lw_fail(L, e->span, "unknown name '%s'%s", e->name, did_you_mean(L, &near));
}

static Value lower_list(Lower *L, const AstExpr *e)
{
    Value r = {.k = V_LIST, .span = e->span, .n = e->args.n};
    r.items = ARENA_ARRAY(L->arena, Value, e->args.n ? e->args.n : 1);
    for (int i = 0; i < e->args.n; i++) {
        if (e->args.items[i].name)
            lw_fail(L, e->args.items[i].name_span, "a list item cannot have a name");
        r.items[i] = lw_expr(L, e->args.items[i].value);
    }
    return r;
}

static Value lower_expr(Lower *L, const AstExpr *e)
{
    Value r = {.span = e->span};
    switch (e->kind) {
    case AST_INT: r.k = V_INT; r.i = e->ival; return r;
    case AST_FLOAT: r.k = V_FLOAT; r.f = e->fval; return r;
    case AST_BOOL: r.k = V_BOOL; r.i = e->ival; return r;
    case AST_NAME: return lower_name(L, e);
    case AST_BINARY: return lower_binary(L, e);
    case AST_UNARY: return lower_unary(L, e);
    case AST_LIST: return lower_list(L, e);
    case AST_INDEX: return lw_index(L, e);
    case AST_CALL: {
        if (e->a->kind != AST_NAME)
            lw_fail(L, e->span, "only named functions can be called");
        const Value *v = scope_get(L->scope, e->a->name);
        if (v && !lw_find_def(L, e->a->name) && !lw_is_builtin(e->a->name))
            lw_fail(L, e->a->span, "'%s' is %s, not a function", e->a->name, lw_kind_name(v));
        return lw_call(L, e->a->name, e->a->span, &e->args);
    }
    case AST_SLICE:
        lw_fail(L, e->span, "a slice 'a:b' is only allowed inside [...]");
    case AST_ELLIPSIS:
        lw_fail(L, e->span, "'...' is only allowed inside [...]");
    }
    lw_fail(L, e->span, "internal: unknown expression");
}

/* "f > g > h": the functions being inlined, outermost first. */
static const char *call_chain(Lower *L)
{
    const Frame *fr[MAX_INLINE_DEPTH + 1];
    int n = 0;
    for (const Frame *f = L->frame; f && n <= MAX_INLINE_DEPTH; f = f->parent)
        fr[n++] = f;
    char buf[768];
    int pos = 0;
    buf[0] = 0;
    while (n-- > 0 && pos < (int)sizeof buf)
        pos += snprintf(buf + pos, sizeof buf - (size_t)pos, "%s%s", fr[n]->fn->name,
                        n ? " > " : "");
    return arena_strdup(L->arena, buf);
}

/* The product of n's constant size factors (symbols count 1), saturating
 * above MAX_ELEMENTS. */
static int64_t const_elements(const IrNode *n)
{
    int64_t total = 1;
    for (int k = 0; k < n->rank; k++)
        if (__builtin_mul_overflow(total, n->shape[k].coef, &total) || total > MAX_ELEMENTS)
            return MAX_ELEMENTS + 1;
    return total;
}

/* Room for cap nodes in L->depth and L->user_span. */
static void grow_node_info(Lower *L, int cap)
{
    int *d = ARENA_ARRAY(L->arena, int, cap);
    Span *us = ARENA_ARRAY(L->arena, Span, cap);
    if (L->ndepth) {
        memcpy(d, L->depth, sizeof(int) * (size_t)L->ndepth);
        memcpy(us, L->user_span, sizeof(Span) * (size_t)L->ndepth);
    }
    L->depth = d;
    L->user_span = us;
    L->depth_cap = cap;
}

/* Account for the nodes made since the last call (their chain depths), and
 * fail at s once the graph crosses MAX_GRAPH_NODES or MAX_GRAPH_DEPTH. */
static void check_growth(Lower *L, Span s)
{
    int len = L->g->nodes.len;
    if (len > MAX_GRAPH_NODES)
        lw_fail(L, s, "graph '%s' grows past %d operations with its functions inlined%s%s",
                L->g->name, MAX_GRAPH_NODES, L->frame ? "; calls: " : "",
                L->frame ? call_chain(L) : "");
    if (len > L->depth_cap)
        grow_node_info(L, len * 2);
    for (; L->ndepth < len; L->ndepth++) {
        const IrNode *n = L->g->nodes.items[L->ndepth];
        const Frame *ignored = NULL;
        L->user_span[L->ndepth] = user_span(L, n->span, &ignored);
        int depth = 0;
        for (int k = 0; k < n->nin; k++)
            if (L->depth[n->in[k]->id] > depth)
                depth = L->depth[n->in[k]->id];
        L->depth[L->ndepth] = depth + 1;
        if (const_elements(n) > MAX_ELEMENTS)
            lw_fail(L, s, "%s has more than 2^40 elements (the most a tensor may have)",
                    lw_type_str(L, n));
        if (depth + 1 > MAX_GRAPH_DEPTH)
            lw_fail(L, s, "more than %d operations in a row (each using the one before): "
                          "the most a graph may chain; split the computation into several "
                          "graphs%s%s", MAX_GRAPH_DEPTH, L->frame ? "; calls: " : "",
                    L->frame ? call_chain(L) : "");
    }
}

Value lw_expr(Lower *L, const AstExpr *e)
{
    if (L->expr_depth >= MAX_LOWER_DEPTH)
        lw_fail(L, e->span, "expression nested too deeply with the functions it calls inlined "
                            "(more than %d levels)", MAX_LOWER_DEPTH);
    L->expr_depth++;
    Value r = lower_expr(L, e);
    check_growth(L, e->span);
    L->expr_depth--;
    return r;
}

/* ------------------------------------------------------------ statements */

/* Run a body: bind assignments in L->scope, return the returned value. */
static Value run_body(Lower *L, const AstItem *it)
{
    for (int i = 0; i < it->nstmt; i++) {
        const AstStmt *st = &it->stmts[i];
        if (st->kind == STMT_RETURN) {
            if (i + 1 < it->nstmt) { /* point at the statement's start */
                const AstStmt *nx = &it->stmts[i + 1];
                lw_fail(L, nx->kind == STMT_ASSIGN && nx->ntarget ? nx->target_spans[0]
                                                                   : nx->span,
                        "statement after 'return'");
            }
            for (int k = 0; k < st->values.n; k++)
                if (st->values.items[k].dest && L->frame)
                    lw_fail(L, st->values.items[k].name_span,
                            "'->' (writing into a parameter) is allowed only in a graph's "
                            "return, not in a function's");
            if (st->values.n == 1)
                return lw_expr(L, st->values.items[0].value);
            Value r = {.k = V_TUPLE, .span = st->span, .n = st->values.n};
            r.items = ARENA_ARRAY(L->arena, Value, st->values.n);
            for (int k = 0; k < st->values.n; k++)
                r.items[k] = lw_expr(L, st->values.items[k].value);
            return r;
        }
        Value v = lw_expr(L, st->values.items[0].value);
        if (st->ntarget == 1) {
            scope_put(L, L->scope, st->targets[0], v);
            continue;
        }
        if (v.k != V_TUPLE && v.k != V_LIST)
            lw_fail(L, st->span, "cannot unpack %s into %d names", lw_kind_name(&v), st->ntarget);
        if (v.n != st->ntarget)
            lw_fail(L, st->span, "cannot unpack %d values into %d names", v.n, st->ntarget);
        for (int k = 0; k < v.n; k++)
            scope_put(L, L->scope, st->targets[k], v.items[k]);
    }
    lw_fail(L, it->span, "%s '%s' has no return", it->is_graph ? "graph" : "function", it->name);
}

/* Inline a call of def `it` with bound arguments (already lowered). */
Value lw_inline(Lower *L, const AstItem *it, Span call_site, const Value *args)
{
    int depth = 0;
    for (const Frame *f = L->frame; f; f = f->parent, depth++)
        if (f->fn == it)
            lw_fail(L, call_site,
                    "recursive call to '%s' (functions are inlined, so recursion is not allowed)",
                    it->name);
    if (depth >= MAX_INLINE_DEPTH)
        lw_fail(L, call_site, "functions nested more than %d calls deep", MAX_INLINE_DEPTH);
    Frame fr = {it, call_site, L->frame, lw_def_is_stdlib(L, it)};
    Scope sc = {0};
    for (int i = 0; i < it->nparam; i++)
        scope_put(L, &sc, it->params[i].name, args[i]);
    Scope *saved_scope = L->scope;
    L->frame = &fr;
    L->scope = &sc;
    Value r = run_body(L, it);
    L->frame = fr.parent;
    L->scope = saved_scope;
    r.span = call_site;
    return r;
}

/* ------------------------------------------------------- index growth */

/* Terms of e with each index variable replaced by an expression of `var`
 * terms, saturating above MAX_INDEX_TERMS (e is a front-end view's map:
 * a few levels deep). */
static int64_t index_terms(const IxExpr *e, int64_t var)
{
    if (e->kind == IX_VAR)
        return var;
    if (e->kind != IX_ADD && e->kind != IX_MUL && e->kind != IX_DIV && e->kind != IX_MOD)
        return 1;
    int64_t t = 1 + index_terms(e->a, var) + index_terms(e->b, var);
    return t > MAX_INDEX_TERMS ? MAX_INDEX_TERMS + 1 : t;
}

static void raise_terms(int64_t *terms, const IrNode *n, int64_t t)
{
    if (t > terms[n->id])
        terms[n->id] = t > MAX_INDEX_TERMS ? MAX_INDEX_TERMS + 1 : t;
}

/* The passes compose index maps along every path from an output down
 * through views, cats and gathers (a reduction starts afresh): a bound on
 * the terms of the index each node is read at.  A variable used twice per
 * view (a reshape's div and mod) doubles it per view, so a few dozen
 * reshapes in a row would make expressions of billions of terms: refused
 * at the view that crosses MAX_INDEX_TERMS. */
static void check_index_growth(Lower *L)
{
    IrGraph *g = L->g;
    int64_t *terms = ARENA_ARRAY(L->arena, int64_t, g->nodes.len ? g->nodes.len : 1);
    for (int i = 0; i < g->nout; i++) {
        raise_terms(terms, g->outs[i], 1);
        if (ir_output_dest(g, i) && ir_output_dest(g, i)->index)
            raise_terms(terms, ir_output_dest(g, i)->index, 1);
    }
    for (int i = g->nodes.len - 1; i >= 0; i--) {
        const IrNode *n = g->nodes.items[i];
        int64_t t = terms[i];
        if (t > MAX_INDEX_TERMS)
            lw_fail(L, L->user_span[i], "this layout op is read through an index of more than "
                    "%d terms, composed from the layout ops after it (a reshape that splits "
                    "and joins dims doubles it); split the graph or drop the round trips",
                    MAX_INDEX_TERMS);
        if (!t)
            continue; /* not read */
        for (int k = 0; k < n->nin; k++) {
            int64_t u = t;
            if (n->op == IR_VIEW) {
                u = 1;
                for (int j = 0; j < n->in[0]->rank; j++)
                    if (index_terms(n->a.view.src[j], t) > u)
                        u = index_terms(n->a.view.src[j], t);
            } else if (n->op == IR_CAT) {
                u = t + 4; /* (i + c) % size */
            } else if (n->op == IR_REDUCE) {
                u = 1;
            }
            raise_terms(terms, n->in[k], u);
        }
    }
}

/* ------------------------------------------------------------- graphs */

/* The symbol id of a parameter dim's name (a new one is added). */
static int graph_sym(Lower *L, const AstExpr *d)
{
    DType ignored;
    if (dt_parse(d->name, &ignored) || strcmp(d->name, "f8") == 0)
        lw_fail(L, d->span, "'%s' is a dtype, not a size symbol", d->name);
    for (int i = 0; i < L->g->nsym; i++)
        if (strcmp(L->g->syms[i], d->name) == 0)
            return i;
    if (L->g->nsym == MAX_GRAPH_SYMS)
        lw_fail(L, d->span, "graph '%s' has more than %d size symbols (the runtime's limit)",
                L->g->name, MAX_GRAPH_SYMS);
    return ir_graph_sym(L->g, d->name);
}

/* The value of a parameter's size expression: integers, size symbols
 * (new names become symbols), and *, //, %, cdiv() and align() of them. */
static Value size_value(Lower *L, const AstExpr *d)
{
    Value r = {.span = d->span};
    switch (d->kind) {
    case AST_INT:
        r.k = V_INT;
        r.i = d->ival;
        return r;
    case AST_NAME:
        r.k = V_DIM;
        r.dim = dim_sym(graph_sym(L, d));
        return r;
    case AST_BINARY:
        if (d->op == TK_STAR || d->op == TK_SLASHSLASH || d->op == TK_PERCENT)
            return fold_binary(L, d->op, size_value(L, d->a), size_value(L, d->b), d->span);
        break;
    case AST_CALL:
        if (d->a->kind == AST_NAME && d->args.n == 2 && !d->args.items[0].name &&
            !d->args.items[1].name &&
            (strcmp(d->a->name, "cdiv") == 0 || strcmp(d->a->name, "align") == 0)) {
            bool cdiv = strcmp(d->a->name, "cdiv") == 0;
            return lw_size_op(L, cdiv ? SYM_CDIV : SYM_ALIGN, cdiv ? "'cdiv'" : "'align'",
                              size_value(L, d->args.items[0].value),
                              size_value(L, d->args.items[1].value), d->span);
        }
        break;
    default:
        break;
    }
    lw_fail(L, d->span, "a parameter's size must be an integer, a size symbol, or *, //, %%, "
                        "cdiv(a, b) or align(a, b) of them");
}

/* A tensor stored two elements per byte (f4e2m1) has an even last dim, so
 * that every row starts on a byte: a constant, or a size expression with an
 * even coefficient (a bare symbol may be odd: refused). */
void lw_check_packed(Lower *L, DType t, int rank, const Dim *shape, Span s, const char *what)
{
    char buf[64];
    if (dt_bits(t) >= 8)
        return;
    if (rank == 0)
        lw_fail(L, s, "an %s %s must have a last dim (two elements per byte), not be a scalar",
                dt_name(t), what);
    if (shape[rank - 1].coef % 2)
        lw_fail(L, s, "the last dim of an %s %s must be even (two elements per byte), got %s%s",
                dt_name(t), what, shape[rank - 1].nsym ? "a size that may be odd: " : "",
                dim_str(shape[rank - 1], (const char *const *)L->g->syms, buf, sizeof buf));
}

static void declare_params(Lower *L, const AstItem *it)
{
    for (int i = 0; i < it->nparam; i++) {
        const AstParam *p = &it->params[i];
        if (i == MAX_GRAPH_PARAMS)
            lw_fail(L, p->span, "graph '%s' has more than %d parameters (the runtime's limit)",
                    it->name, MAX_GRAPH_PARAMS);
        if (scope_get(L->scope, p->name))
            lw_fail(L, p->span, "duplicate parameter '%s'", p->name);
        if (p->deflt)
            lw_fail(L, p->span, "graph parameters take no default value");
        if (!p->typed)
            lw_fail(L, p->span, "graph parameter '%s' needs a type, as in %s: bf16[T, 4096]",
                    p->name, p->name);
        DType t;
        if (!lower_dtype_name(L, p->dtype, p->dtype_span, &t)) {
            char names[256];
            int pos = 0;
            for (int k = 0; k < DT_COUNT && pos < (int)sizeof names; k++)
                pos += snprintf(names + pos, sizeof names - (size_t)pos, "%s%s", k ? " " : "",
                                dt_name((DType)k));
            lw_fail(L, p->dtype_span, "unknown dtype '%s'; expected one of %s", p->dtype, names);
        }
        if (p->ndim > IR_MAX_RANK)
            lw_fail(L, p->dims[IR_MAX_RANK]->span, "rank %d is over the limit of %d", p->ndim,
                    IR_MAX_RANK);
        Dim shape[IR_MAX_RANK];
        for (int k = 0; k < p->ndim; k++) {
            const AstExpr *d = p->dims[k];
            Value v = size_value(L, d);
            if (v.k == V_INT) {
                if (v.i < 1 || v.i > ((int64_t)1 << 40))
                    lw_fail(L, d->span, "dim size %lld out of range (1..2^40)", (long long)v.i);
                shape[k] = dim_const(v.i);
            } else {
                shape[k] = v.dim;
            }
        }
        lw_check_packed(L, t, p->ndim, shape, p->ndim ? p->dims[p->ndim - 1]->span : p->span,
                        "parameter");
        IrNode *n = ir_input(L->g, p->name, t, p->ndim, shape, p->span);
        check_growth(L, p->span);
        scope_put(L, L->scope, p->name, lw_tensor(n));
    }
}

static bool is_var(const IxExpr *e, void *v)
{
    return e->kind == IX_VAR && e->c == *(const int *)v;
}

/* Whether view n maps distinct indices to distinct elements of its input:
 * a bijection, or every index var of a dim of size > 1 used by the map
 * (slices and selects; an expand's broadcast dim is not). */
static bool view_injective(const IrNode *n)
{
    if (n->a.view.invertible)
        return true;
    for (int v = 0; v < n->rank; v++) {
        if (dim_is_const(n->shape[v], 1))
            continue;
        bool used = false;
        for (int k = 0; k < n->in[0]->rank && !used; k++)
            used = ix_any(n->a.view.src[k], is_var, &v);
        if (!used)
            return false;
    }
    return true;
}

/* Lower destination expression e of returned value v (`v -> e`) into dst:
 * a parameter, injective views of one, at most one gather along dim 0 at
 * the top (a scatter).  Each error names the destination. */
static void lower_dest(Lower *L, const AstExpr *e, IrNode *v, IrDest *dst)
{
    Value dv = lw_expr(L, e);
    if (dv.k != V_TENSOR)
        lw_fail(L, e->span, "a destination is a parameter or a view of one, not %s",
                lw_kind_name(&dv));
    IrNode *d = dv.t;
    if (d->dtype != v->dtype || !ir_same_shape(d, v))
        lw_fail(L, e->span, "the value (%s) and its destination (%s) must have the same dtype "
                "and shape", lw_type_str(L, v), lw_type_str(L, d));
    memset(dst, 0, sizeof *dst);
    dst->span = e->span;
    IxExpr *u[IR_MAX_RANK]; /* the current node's index, over the destination view's vars */
    for (int k = 0; k < d->rank; k++)
        u[k] = ix_var(L->arena, k);
    if (d->op == IR_GATHER) {
        if (d->a.gather.dim != 0)
            lw_fail(L, e->span, "a scatter destination indexes its first dim only "
                    "(view[index, ...]), not dim %d", d->a.gather.dim);
        IrNode *ix = d->in[1], *t = d->in[0];
        if (!dt_is_int(ix->dtype))
            lw_fail(L, e->span, "a scatter index must have an integer dtype, got %s",
                    lw_type_str(L, ix));
        dst->index = ix;
        dst->rows = t->shape[0];
        /* over the table's vars: row u0, then the value's vars after the index's */
        for (int k = 1; k < t->rank; k++)
            u[k] = ix_var(L->arena, k);
        u[0] = ix_var(L->arena, 0);
        d = t;
    }
    for (; d->op == IR_VIEW; d = d->in[0]) {
        if (!view_injective(d))
            lw_fail(L, e->span, "this destination writes some element of '%s' more than once "
                    "(%s broadcasts): a destination's view must be injective",
                    lw_type_str(L, d->in[0]), lw_type_str(L, d));
        IxExpr *next[IR_MAX_RANK];
        for (int k = 0; k < d->in[0]->rank; k++)
            next[k] = ix_subst(L->arena, d->a.view.src[k], u);
        memcpy(u, next, sizeof next);
    }
    if (d->op != IR_INPUT)
        lw_fail(L, e->span, "a destination is a parameter, a layout view of one, or such a view "
                "indexed along its first dim by an integer tensor (a scatter); this one is "
                "computed (%s)", ir_op_name(d->op));
    dst->param = d->a.input.index;
    memcpy(dst->map, u, sizeof(IxExpr *) * (size_t)d->rank);
}

/* Append v's tensors to outs (tuples flatten); names from plain variables. */
static void collect_outputs(Lower *L, const AstExpr *e, Value v, PtrVec *outs, PtrVec *names)
{
    if (v.k == V_TUPLE) {
        for (int i = 0; i < v.n; i++)
            collect_outputs(L, NULL, v.items[i], outs, names);
        return;
    }
    if (v.k != V_TENSOR)
        lw_fail(L, v.span, "a graph returns tensors, not %s", lw_kind_name(&v));
    if (outs->len == MAX_GRAPH_PARAMS)
        lw_fail(L, v.span, "a graph returns at most %d values (the runtime's limit)",
                MAX_GRAPH_PARAMS);
    lw_check_packed(L, v.t->dtype, v.t->rank, v.t->shape, v.span, "output");
    ptrvec_push(L->arena, outs, v.t);
    ptrvec_push(L->arena, names, e && e->kind == AST_NAME ? (void *)e->name : NULL);
}

static IrGraph *lower_graph(Lower *L, const AstItem *it)
{
    L->g = ir_graph_new(L->arena, it->name, it->span);
    Scope sc = {0};
    L->scope = &sc;
    L->frame = NULL;
    L->expr_depth = 0;
    L->ndepth = 0;
    declare_params(L, it);
    const AstStmt *ret = it->nstmt ? &it->stmts[it->nstmt - 1] : NULL;
    Value r = run_body(L, it);
    PtrVec outs = {0}, names = {0};
    IrDest *dests = ARENA_ARRAY(L->arena, IrDest, MAX_GRAPH_PARAMS + 1);
    bool *has = ARENA_ARRAY(L->arena, bool, MAX_GRAPH_PARAMS + 1);
    int nitems = r.k == V_TUPLE && ret && ret->kind == STMT_RETURN && ret->values.n == r.n ? r.n : 1;
    for (int i = 0; i < nitems; i++) {
        const AstArg *item = ret && ret->kind == STMT_RETURN ? &ret->values.items[i] : NULL;
        Value v = nitems > 1 ? r.items[i] : r;
        int first = outs.len;
        collect_outputs(L, item ? item->value : NULL, v, &outs, &names);
        if (!item || !item->dest)
            continue;
        if (outs.len != first + 1)
            lw_fail(L, item->name_span, "'->' writes one tensor into its destination; the value "
                    "is %d tensors", outs.len - first);
        lower_dest(L, item->dest, outs.items[first], &dests[first]);
        has[first] = true;
    }
    ir_set_outputs(L->g, outs.len, (IrNode *const *)outs.items, (const char *const *)names.items);
    for (int o = 0; o < outs.len; o++)
        if (has[o])
            ir_set_output_dest(L->g, o, &dests[o]);
    check_index_growth(L);
    return L->g;
}

/* Is `it` a second graph of its name?  (Reported; `seen` indexes the first.) */
static bool duplicate_graph(Lower *L, NameTab *seen, const AstItem *it)
{
    const AstItem *first = lw_tab_get(seen, it->name);
    if (!first) {
        lw_tab_put(L->arena, seen, it->name, (void *)it);
        return false;
    }
    diag_error(L->diag, it->span, "duplicate graph '%s' (first defined at line %d)", it->name,
               first->span.line);
    return true;
}

IrModule *lower_module(const AstFile *file, const AstFile *stdlib, Arena *a, Diag *d)
{
    return lower_module_f8(file, stdlib, DT_F8E4M3, NULL, a, d);
}

IrModule *lower_module_f8(const AstFile *file, const AstFile *stdlib, DType f8,
                          const char *f8_refused, Arena *a, Diag *d)
{
    IrModule *m = ARENA_NEW(a, IrModule);
    m->arena = a;
    Lower L = {.arena = a, .diag = d, .file = file, .stdlib = stdlib, .f8 = f8,
               .f8_refused = f8_refused};
    lw_collect_defs(&L, file); /* a bad def is reported; the graphs are still checked */
    PtrVec graphs = {0};
    NameTab seen = {0};
    for (int i = 0; i < file->nitem; i++) {
        const AstItem *it = file->items[i];
        if (!it->is_graph || duplicate_graph(&L, &seen, it))
            continue;
        if (setjmp(L.fail))
            continue;
        IrGraph *g = lower_graph(&L, it);
        Diag vd;
        diag_init(&vd);
        if (!ir_verify(g, &vd)) {
            diag_print(&vd, stderr);
            diag_free(&vd);
            IR_ASSERT(!"front end built an invalid graph");
        }
        diag_free(&vd);
        ptrvec_push(a, &graphs, g);
    }
    m->ngraph = graphs.len;
    m->graphs = (IrGraph **)graphs.items;
    return m;
}
