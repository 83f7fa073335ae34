/* builtins.c - function calls: binding of positional and keyword arguments,
 * inlining of `def`s (the file's own, which shadow the standard library's
 * in the user's calls; the library's calls among its own functions always
 * reach its own), and the built-in functions of the language
 * (docs/language.md lists them).
 *
 * Names starting with '_' are internal helpers of the standard library and
 * are refused in user files. */
#include <math.h>
#include <string.h>

#include "builtins.h"
#include "layout.h"

typedef struct Builtin Builtin;
typedef Value (*BuiltinFn)(Lower *L, const Builtin *b, Value *args, const bool *given, Span s);

#define MAX_PARAMS 16

struct Builtin {
    const char *name;
    const char *params[7]; /* NULL-terminated */
    int nrequired;
    BuiltinFn fn;
    int aux;
};

/* ------------------------------------------------------------ arguments */

static int index_of(const char *const *names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

/* Bind call arguments to parameter slots, lowering each value in order.
 * Missing required ones, unknown or repeated keywords, and too many
 * positional arguments are errors naming the function. */
static void bind_args(Lower *L, const char *fname, Span s, const char *const *pnames, int np,
                      const bool *optional, const AstArgs *args, Value *out, bool *given)
{
    bool seen_kw = false;
    int npos = 0;
    for (int i = 0; i < np; i++)
        given[i] = false;
    for (int i = 0; i < args->n; i++) {
        const AstArg *a = &args->items[i];
        int slot;
        if (a->name) {
            seen_kw = true;
            slot = index_of(pnames, np, a->name);
            if (slot < 0)
                lw_fail(L, a->name_span, "'%s' has no parameter named '%s'", fname, a->name);
            if (given[slot])
                lw_fail(L, a->name_span, "argument '%s' of '%s' given twice", a->name, fname);
        } else {
            if (seen_kw)
                lw_fail(L, a->value->span, "positional argument after a keyword argument");
            slot = npos++;
            if (slot >= np)
                lw_fail(L, a->value->span, "too many arguments to '%s' (it takes at most %d)",
                        fname, np);
        }
        out[slot] = lw_expr(L, a->value);
        given[slot] = true;
    }
    for (int i = 0; i < np; i++)
        if (!given[i] && !optional[i])
            lw_fail(L, s, "missing argument '%s' in the call to '%s'", pnames[i], fname);
}

/* ------------------------------------------------------------------ defs */

static const Builtin *find_builtin(const char *name);

const AstItem *lw_find_def(Lower *L, const char *name)
{
    const AstItem *it = lw_tab_get(&L->user_defs, name);
    return it ? it : lw_tab_get(&L->std_defs, name);
}

bool lw_def_is_stdlib(Lower *L, const AstItem *it)
{
    return it->span.file == L->stdlib->file;
}

bool lw_is_builtin(const char *name)
{
    return find_builtin(name) != NULL;
}

/* Check a file's defs and add them to v; false if any was malformed.  A def
 * that cannot be called (a built-in's name, a second definition, too many
 * parameters) is left out, so that graphs are still checked against the rest. */
static bool add_defs(Lower *L, const AstFile *f, NameTab *v)
{
    bool ok = true;
    for (int i = 0; i < f->nitem; i++) {
        const AstItem *it = f->items[i];
        if (it->is_graph)
            continue;
        const AstItem *prev = lw_tab_get(v, it->name);
        if (find_builtin(it->name)) {
            diag_error(L->diag, it->span, "'%s' is a built-in function and cannot be redefined",
                       it->name);
            ok = false;
            continue;
        }
        if (prev) {
            diag_error(L->diag, it->span, "duplicate function '%s' (first defined at line %d)",
                       it->name, prev->span.line);
            ok = false;
            continue;
        }
        if (it->nparam > MAX_PARAMS) {
            diag_error(L->diag, it->span, "function '%s' has more than %d parameters", it->name,
                       MAX_PARAMS);
            ok = false;
            continue;
        }
        bool bad = false; /* one error per def */
        for (int k = 0; k < it->nparam && !bad; k++) {
            const AstParam *p = &it->params[k];
            if (p->typed) {
                diag_error(L->diag, p->span, "function parameters take no type");
                bad = true;
            }
            for (int j = 0; j < k && !bad; j++)
                if (strcmp(it->params[j].name, p->name) == 0) {
                    diag_error(L->diag, p->span, "duplicate parameter '%s'", p->name);
                    bad = true;
                }
        }
        ok = ok && !bad;
        lw_tab_put(L->arena, v, it->name, (void *)it);
    }
    return ok;
}

bool lw_collect_defs(Lower *L, const AstFile *file)
{
    IR_ASSERT(add_defs(L, L->stdlib, &L->std_defs)); /* the built-in library is well-formed */
    return add_defs(L, file, &L->user_defs);
}

static Value call_def(Lower *L, const AstItem *it, Span s, const AstArgs *args)
{
    const char *names[MAX_PARAMS];
    bool optional[MAX_PARAMS], given[MAX_PARAMS];
    Value vals[MAX_PARAMS];
    for (int i = 0; i < it->nparam; i++) {
        names[i] = it->params[i].name;
        optional[i] = it->params[i].deflt != NULL;
    }
    bind_args(L, it->name, s, names, it->nparam, optional, args, vals, given);
    /* defaults are evaluated where the def stands: no caller variables */
    Scope empty = {0}, *saved = L->scope;
    Span saved_site = L->default_site;
    L->scope = &empty;
    L->default_site = s;
    for (int i = 0; i < it->nparam; i++)
        if (!given[i])
            vals[i] = lw_expr(L, it->params[i].deflt);
    L->scope = saved;
    L->default_site = saved_site;
    return lw_inline(L, it, s, vals);
}

/* ------------------------------------------------------- pointwise built-ins */

/* A compile-time number as a rank-0 tensor (f32, i64 or bool). */
static IrNode *scalar_tensor(Lower *L, const Value *v)
{
    if (v->k == V_TENSOR)
        return v->t;
    DType t = v->k == V_FLOAT ? DT_F32 : v->k == V_INT ? DT_I64 : DT_BOOL;
    if (v->k != V_FLOAT && v->k != V_INT && v->k != V_BOOL)
        lw_fail(L, v->span, "expected a tensor or a number, got %s", lw_kind_name(v));
    return lw_operand(L, v, t, 0, NULL, v->span);
}

static Value bi_unary(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    IrUnary k = (IrUnary)b->aux;
    IrNode *x = scalar_tensor(L, &a[0]);
    if (x->dtype == DT_BOOL)
        lw_fail(L, a[0].span, "'%s' of a bool tensor", b->name);
    if (!dt_is_float(x->dtype)) {
        if (k == UN_FLOOR || k == UN_CEIL || k == UN_ROUND)
            return lw_tensor(x); /* integers are already integral */
        if (k != UN_ABS)
            x = ir_cast(L->g, DT_F32, x, s);
    }
    return lw_tensor(ir_unary(L->g, k, x->dtype, x, s));
}

static Value bi_pow(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    if (a[0].k != V_TENSOR && a[1].k != V_TENSOR)
        a[0] = lw_tensor(scalar_tensor(L, &a[0]));
    return lw_binary(L, BIN_POW, "'pow'", a[0], a[1], s);
}

static Value bi_clamp(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    if (a[0].k != V_TENSOR)
        a[0] = lw_tensor(scalar_tensor(L, &a[0]));
    Value lo = lw_binary(L, BIN_MAX, "'clamp'", a[0], a[1], s);
    return lw_binary(L, BIN_MIN, "'clamp'", lo, a[2], s);
}

static Value bi_where(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    IrNode *c = scalar_tensor(L, &a[0]);
    if (c->dtype != DT_BOOL)
        lw_fail(L, a[0].span, "the condition of 'where' must be bool, got %s", lw_type_str(L, c));
    if (a[1].k != V_TENSOR && a[2].k != V_TENSOR)
        a[1] = lw_tensor(scalar_tensor(L, &a[1]));
    Value v[3] = {lw_tensor(c), a[1], a[2]};
    DType t = lw_result_dtype(L, v + 1, 2, s);
    Dim shape[IR_MAX_RANK];
    int rank = lw_broadcast_shape(L, v, 3, shape, "'where'", s);
    IrNode *cx = lw_expand_to(L, c, rank, shape, s);
    IrNode *x = lw_operand(L, &v[1], t, rank, shape, s);
    IrNode *y = lw_operand(L, &v[2], t, rank, shape, s);
    return lw_tensor(ir_where(L->g, t, cx, x, y, s));
}

static DType expect_dtype(Lower *L, const Value *v)
{
    if (v->k != V_DTYPE)
        lw_fail(L, v->span, "expected a dtype (such as bf16), got %s", lw_kind_name(v));
    return v->dt;
}

static bool expect_bool(Lower *L, const Value *v, bool given, bool dflt);

/* to(x, dtype, floor=false).  floor=true is for f8e8m0 only: the largest
 * power of two <= |x| (OCP's scale rounding) instead of the conversion's
 * own rounding up; it lowers to a cast of pow2_floor(x), exact since every
 * power of two of E8M0's range converts exactly (dtype.h). */
static Value bi_to(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    IrNode *x = scalar_tensor(L, &a[0]);
    DType t = expect_dtype(L, &a[1]);
    if (expect_bool(L, &a[2], given[2], false)) {
        if (t != DT_F8E8M0)
            lw_fail(L, a[2].span, "floor=true rounds to f8e8m0 only, not %s", dt_name(t));
        if (!dt_is_float(x->dtype))
            x = ir_cast(L->g, DT_F32, x, s);
        x = ir_unary(L->g, UN_POW2_FLOOR, DT_F32, x, s);
    }
    return lw_tensor(ir_cast(L->g, t, x, s));
}

/* bitcast(x, dtype): x's storage bits as dtype, of the same width. */
static Value bi_bitcast(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    IrNode *x = scalar_tensor(L, &a[0]);
    DType t = expect_dtype(L, &a[1]);
    if (x->dtype == DT_BOOL || t == DT_BOOL)
        lw_fail(L, s, "bitcast of bool (%s to %s): bool has no bit pattern; use to(x, dtype)",
                dt_name(x->dtype), dt_name(t));
    if (dt_bits(x->dtype) != dt_bits(t) || dt_bits(t) < 8)
        lw_fail(L, s, "bitcast from %s (%d bits) to %s (%d bits): the widths differ",
                dt_name(x->dtype), dt_bits(x->dtype), dt_name(t), dt_bits(t));
    return lw_tensor(ir_bitcast(L->g, t, x, s));
}

/* A float tensor for the float-only builtins (signbit, exponent, ldexp):
 * integers are refused where converting could change the answer. */
static IrNode *float_operand(Lower *L, const Builtin *b, const Value *v)
{
    IrNode *x = scalar_tensor(L, v);
    if (!dt_is_float(x->dtype))
        lw_fail(L, v->span, "'%s' of %s; convert with to(x, f32) first", b->name,
                lw_type_str(L, x));
    return x;
}

/* signbit(x): bool, the sign bit of the f32 value (set for -0 and negative
 * NaNs); for integers x < 0.  exponent(x): floor(log2|x|) as i32. */
static Value bi_signbit(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    IrNode *x = scalar_tensor(L, &a[0]);
    if (x->dtype == DT_BOOL)
        lw_fail(L, a[0].span, "'signbit' of a bool tensor");
    if (!dt_is_float(x->dtype)) {
        Value zero = {.k = V_INT, .i = 0, .span = s};
        return lw_binary(L, BIN_LT, "'signbit'", lw_tensor(x), zero, s);
    }
    IrNode *u = ir_unary(L->g, UN_SIGNBIT, DT_F32, x, s);
    return lw_tensor(ir_cast(L->g, DT_BOOL, u, s));
}

static Value bi_exponent(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    IrNode *x = float_operand(L, b, &a[0]);
    IrNode *u = ir_unary(L->g, UN_EXPONENT, DT_F32, x, s);
    return lw_tensor(ir_cast(L->g, DT_I32, u, s));
}

/* ldexp(x, n): x * 2^n exactly (one rounding), of x's dtype; n an integer
 * tensor or literal, converted to f32 (BIN_LDEXP clamps it to [-512, 512],
 * which changes no result). */
static Value bi_ldexp(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    IrNode *x = float_operand(L, b, &a[0]);
    IrNode *n;
    if (a[1].k == V_INT) {
        int64_t e = a[1].i > 512 ? 512 : a[1].i < -512 ? -512 : a[1].i;
        n = ir_const_f(L->g, (double)e, DT_F32, 0, NULL, a[1].span);
    } else {
        if (a[1].k != V_TENSOR)
            lw_fail(L, a[1].span, "the exponent of 'ldexp' must be an integer, not %s",
                    lw_kind_name(&a[1]));
        n = a[1].t;
        if (!dt_is_int(n->dtype))
            lw_fail(L, a[1].span, "the exponent of 'ldexp' must be an integer, got %s",
                    lw_type_str(L, n));
        n = ir_cast(L->g, DT_F32, n, s);
    }
    Value v[2] = {lw_tensor(x), lw_tensor(n)};
    Dim shape[IR_MAX_RANK];
    int rank = lw_broadcast_shape(L, v, 2, shape, "'ldexp'", s);
    IrNode *xe = lw_expand_to(L, x, rank, shape, s), *ne = lw_expand_to(L, n, rank, shape, s);
    return lw_tensor(ir_binary(L->g, BIN_LDEXP, x->dtype, xe, ne, s));
}

/* arange(n, dtype=i32): [0, 1, ..., n-1]; n a size (literal or symbolic). */
static Value bi_arange(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    DType t = given[1] ? expect_dtype(L, &a[1]) : DT_I32;
    if (!dt_is_int(t))
        lw_fail(L, a[1].span, "the dtype of 'arange' must be an integer dtype, got %s",
                dt_name(t));
    Dim n;
    if (a[0].k == V_DIM) {
        n = a[0].dim;
    } else if (a[0].k == V_INT) {
        if (a[0].i < 1 || a[0].i > ((int64_t)1 << 40))
            lw_fail(L, a[0].span, "size %lld out of range (1..2^40)", (long long)a[0].i);
        n = dim_const(a[0].i);
    } else {
        lw_fail(L, a[0].span, "the size of 'arange' must be an integer or a size symbol, not %s",
                lw_kind_name(&a[0]));
    }
    return lw_tensor(ir_iota(L->g, t, n, s));
}

/* cdiv(a, b), align(a, b): sizes (integers or symbolic), b an integer. */
static Value bi_size_op(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    return lw_size_op(L, (IrSymOp)b->aux, b->aux == SYM_CDIV ? "'cdiv'" : "'align'", a[0], a[1],
                      s);
}

/* ------------------------------------------------------------ reductions */

static uint32_t reduce_axes(Lower *L, const Value *dim, bool given, int rank, Span s)
{
    if (rank == 0)
        lw_fail(L, s, "cannot reduce a rank-0 tensor");
    if (!given)
        return 1u << (rank - 1);
    if (dim->k == V_INT)
        return 1u << lw_norm_dim(L, dim->i, rank, dim->span);
    if (dim->k != V_LIST || dim->n == 0)
        lw_fail(L, dim->span, "dim must be an integer or a non-empty list of integers");
    uint32_t axes = 0;
    for (int i = 0; i < dim->n; i++) {
        int d = lw_norm_dim(L, lw_expect_int(L, &dim->items[i], "a reduction dim"), rank,
                            dim->items[i].span);
        if (axes >> d & 1)
            lw_fail(L, dim->items[i].span, "dim %d appears twice", d);
        axes |= 1u << d;
    }
    return axes;
}

static bool expect_bool(Lower *L, const Value *v, bool given, bool dflt)
{
    if (!given)
        return dflt;
    if (v->k != V_BOOL)
        lw_fail(L, v->span, "expected true or false, got %s", lw_kind_name(v));
    return v->i != 0;
}

/* sum(x, dim=d) of a float cat along d whose parts are one element thick
 * there (topk's values, stacked row values): the parts added left to right
 * in f32, a chain of pointwise adds instead of a reduction over a row of
 * row values (which would need a second kernel).  The order is fixed, so
 * every executor agrees bit for bit; it is the order a per-row loop adds
 * them in (vLLM's and SGLang's renormalisation of the top-k weights). */
static Value sum_of_parts(Lower *L, IrNode *x, bool keep, Span s)
{
    int d = x->a.cat.dim;
    IrNode *acc = NULL;
    for (int i = 0; i < x->nin; i++) {
        IrNode *p = x->in[i];
        if (!dim_is_const(p->shape[d], 1))
            return lw_tensor(ir_reduce(L->g, RED_SUM, x->dtype, x, 1u << d, keep, s));
    }
    for (int i = 0; i < x->nin; i++)
        acc = acc ? ir_binary(L->g, BIN_ADD, x->dtype, acc, x->in[i], s) : x->in[i];
    if (keep)
        return lw_tensor(acc);
    Dim shape[IR_MAX_RANK];
    IxExpr *src[IR_MAX_RANK];
    for (int j = 0, o = 0; j < x->rank; j++) {
        src[j] = j == d ? ix_const(L->arena, 0) : ix_var(L->arena, o);
        if (j != d)
            shape[o++] = x->shape[j];
    }
    return lw_tensor(ir_view(L->g, acc, x->rank - 1, shape, src, s));
}

static Value reduce(Lower *L, IrReduce k, Value *a, const bool *given, int dim_slot, Span s)
{
    IrNode *x = lw_expect_tensor(L, &a[0], "the operand of a reduction");
    uint32_t axes = reduce_axes(L, &a[dim_slot], given[dim_slot], x->rank, s);
    bool keep = expect_bool(L, &a[dim_slot + 1], given[dim_slot + 1], false);
    DType t = x->dtype;
    if (k == RED_MEAN && !dt_is_float(t))
        lw_fail(L, s, "'mean' of %s; convert with to(x, f32) first", lw_type_str(L, x));
    if (k == RED_SUM && !dt_is_float(t))
        t = DT_I64;
    if (k == RED_SUM && dt_is_float(t) && x->op == IR_CAT && axes == 1u << x->a.cat.dim)
        return sum_of_parts(L, x, keep, s);
    return lw_tensor(ir_reduce(L->g, k, t, x, axes, keep, s));
}

static Value bi_reduce(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    return reduce(L, (IrReduce)b->aux, a, given, 1, s);
}

/* max(a, b) / min(a, b) are pointwise when b is a tensor or a float;
 * max(x, dim) with an integer or list dim (or a dim= keyword, or no second
 * argument) reduces, as torch.max does. */
static Value bi_minmax(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    bool pointwise = given[1] && (a[1].k == V_TENSOR || a[1].k == V_FLOAT);
    if (pointwise) {
        if (given[2] || given[3])
            lw_fail(L, s, "'%s' of two values takes no dim or keepdim", b->name);
        if (a[0].k != V_TENSOR && a[1].k != V_TENSOR)
            a[0] = lw_tensor(scalar_tensor(L, &a[0]));
        return lw_binary(L, b->aux == RED_MAX ? BIN_MAX : BIN_MIN,
                         b->aux == RED_MAX ? "'max'" : "'min'", a[0], a[1], s);
    }
    Value args[3] = {a[0], given[1] ? a[1] : a[2], a[3]};
    bool g3[3] = {true, given[1] || given[2], given[3]};
    if (given[1] && given[2])
        lw_fail(L, a[2].span, "dim of '%s' given twice", b->name);
    return reduce(L, (IrReduce)b->aux, args, g3, 1, s);
}

/* ------------------------------------------------------------- selection */

/* argmax/argmin/topk lower to reductions the fusion planner already keeps
 * in one kernel (docs/language.md, "Selection"): no new IR op.
 *
 * argmax/argmin over dim d of x: m = amax (amin) of the row, then the
 * least j with x[j] == m, or x[j] NaN when m is NaN (max and min propagate
 * NaN, so the first NaN is selected).  Both reductions give the same
 * answer in every fold order (a max or min of values, a min of distinct
 * integers), so the interpreter and every schedule agree: only the sign
 * of a zero m depends on the order, and m is not returned.  topk selects
 * by keys instead (bi_topk). */

/* x's index along d as an i32 tensor of x's shape (a view of an iota). */
static IrNode *index_along(Lower *L, IrNode *x, int d, Span s)
{
    IrNode *io = ir_iota(L->g, DT_I32, x->shape[d], s);
    IxExpr *src[1] = {ix_var(L->arena, d)};
    return ir_view(L->g, io, x->rank, x->shape, src, s);
}

static IrNode *bin(Lower *L, IrBinary k, DType t, IrNode *a, IrNode *b, Span s)
{
    return ir_binary(L->g, k, t, a, b, s);
}

/* The index of the selected element (i32, keepdim as asked). */
static IrNode *select_index(Lower *L, IrReduce k, IrNode *x, IrNode *j, int d, bool keep, Span s)
{
    IrNode *m = ir_reduce(L->g, k, x->dtype, x, 1u << d, true, s);
    IrNode *me = lw_expand_to(L, m, x->rank, x->shape, s);
    IrNode *hit = bin(L, BIN_EQ, DT_BOOL, x, me, s);
    if (dt_is_float(x->dtype)) {
        IrNode *both_nan = bin(L, BIN_AND, DT_BOOL, bin(L, BIN_NE, DT_BOOL, me, me, s),
                               bin(L, BIN_NE, DT_BOOL, x, x, s), s);
        hit = bin(L, BIN_OR, DT_BOOL, hit, both_nan, s);
    }
    IrNode *none = ir_const_i(L->g, INT32_MAX, DT_I32, x->rank, x->shape, s);
    IrNode *cand = ir_where(L->g, DT_I32, hit, j, none, s);
    return ir_reduce(L->g, RED_MIN, DT_I32, cand, 1u << d, keep, s);
}

static IrNode *select_operand(Lower *L, const Builtin *b, const Value *v, bool float_only)
{
    IrNode *x = lw_expect_tensor(L, v, "the operand of a selection");
    if (x->rank == 0)
        lw_fail(L, v->span, "'%s' of a rank-0 tensor", b->name);
    if (x->dtype == DT_BOOL || (float_only && !dt_is_float(x->dtype)))
        lw_fail(L, v->span, "'%s' of %s; convert with to(x, f32) first", b->name,
                lw_type_str(L, x));
    return x;
}

static int select_dim(Lower *L, const Value *v, bool given, int rank)
{
    if (!given)
        return rank - 1;
    return lw_norm_dim(L, lw_expect_int(L, v, "dim"), rank, v->span);
}

/* argmax(x, dim=-1, keepdim=false), argmin: i32 indices. */
static Value bi_argsel(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    IrNode *x = select_operand(L, b, &a[0], false);
    int d = select_dim(L, &a[1], given[1], x->rank);
    bool keep = expect_bool(L, &a[2], given[2], false);
    return lw_tensor(select_index(L, (IrReduce)b->aux, x, index_along(L, x, d, s), d, keep, s));
}

/* The largest k of topk (k successive steps, each one team reduction). */
#define TOPK_MAX 64

static IrNode *cst_i64(Lower *L, int64_t v, const IrNode *like, Span s)
{
    return ir_const_i(L->g, v, DT_I64, like->rank, like->shape, s);
}

/* topk's selection key of each element of x (i64, distinct within a row):
 * the f32 value's order in the high 32 bits, then 2^31 - 1 - j, so a
 * larger key is a larger value or, between equal values, a lower index.
 * The order: the f32 bits b read as a signed integer, b itself when b >= 0
 * and b ^ 0x7fffffff otherwise (negative floats in reverse), which orders
 * every non-NaN float as its value; every NaN is 2^31 - 1 (above inf) and
 * both zeros are 0 (equal). */
static IrNode *topk_key(Lower *L, IrNode *x, IrNode *j, Span s)
{
    IrNode *b = ir_cast(L->g, DT_I64,
                        ir_bitcast(L->g, DT_I32, ir_cast(L->g, DT_F32, x, s), s), s);
    IrNode *flip = bin(L, BIN_BXOR, DT_I64, b, cst_i64(L, 0x7fffffff, b, s), s);
    IrNode *o = ir_where(L->g, DT_I64, bin(L, BIN_LT, DT_BOOL, b, cst_i64(L, 0, b, s), s), flip,
                         b, s);
    IrNode *zero = ir_const_f(L->g, 0.0, DT_F32, x->rank, x->shape, s);
    o = ir_where(L->g, DT_I64, bin(L, BIN_EQ, DT_BOOL, x, zero, s), cst_i64(L, 0, b, s), o, s);
    o = ir_where(L->g, DT_I64, bin(L, BIN_NE, DT_BOOL, x, x, s), cst_i64(L, 0x7fffffff, b, s), o,
                 s);
    IrNode *hi = bin(L, BIN_SHL, DT_I64, o, cst_i64(L, 32, b, s), s);
    IrNode *lo = bin(L, BIN_SUB, DT_I64, cst_i64(L, 0x7fffffff, b, s),
                     ir_cast(L->g, DT_I64, j, s), s);
    return bin(L, BIN_BOR, DT_I64, hi, lo, s);
}

/* The element of x where hit is true, the only one along dim d, with its
 * bits (keepdim): the largest of x's bits read as a signed integer (i32)
 * where hit, INT_MIN of x's width elsewhere.  INT_MIN is the least value
 * of the width, so the max is the chosen element's bits even when they
 * are INT_MIN themselves (-0.0, or an FNUZ NaN).  Sub-byte floats go
 * through f32.  Not a float max over -inf elsewhere: NVIDIA's max.NaN.f32
 * gives the canonical NaN, not the chosen NaN's bits (the sign of -nan, a
 * payload). */
static IrNode *pick_bits(Lower *L, IrNode *x, IrNode *hit, int d, Span s)
{
    int w = dt_bits(x->dtype);
    if (w != 32 && w != 16 && w != 8) /* f4e2m1: through f32, exactly (no NaN, -0 kept) */
        return ir_cast(L->g, x->dtype, pick_bits(L, ir_cast(L->g, DT_F32, x, s), hit, d, s), s);
    DType bits = w == 32 ? DT_I32 : w == 16 ? DT_I16 : DT_I8;
    IrNode *b = ir_cast(L->g, DT_I32, ir_bitcast(L->g, bits, x, s), s);
    IrNode *least = ir_const_i(L->g, -((int64_t)1 << (w - 1)), DT_I32, x->rank, x->shape, s);
    IrNode *m = ir_reduce(L->g, RED_MAX, DT_I32, ir_where(L->g, DT_I32, hit, b, least, s),
                          1u << d, true, s);
    return ir_bitcast(L->g, x->dtype, ir_cast(L->g, bits, m, s), s);
}

/* topk(x, k, dim=-1): (values, i32 indices), each x's shape with k at dim;
 * largest first, ties to the lower index, NaN above everything.  Every
 * element has a distinct key (topk_key), so step i is one reduction: the
 * largest key below step i-1's (no mask of the elements taken before:
 * -inf elements are selected like any other).  Its index is in the key's
 * low bits; its value is the element x[idx] itself, bit for bit (pick_bits),
 * folded in the next step's phase.  Integer maxima give the same answer
 * in every fold order: every schedule equals the interpreter bit for bit. */
static Value bi_topk(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    IrNode *x = select_operand(L, b, &a[0], true);
    int d = select_dim(L, &a[2], given[2], x->rank);
    if (a[1].k != V_INT)
        lw_fail(L, a[1].span, "k of 'topk' must be an integer constant, not %s",
                lw_kind_name(&a[1]));
    int64_t k = a[1].i;
    if (x->shape[d].nsym != 0)
        lw_fail(L, a[0].span, "'topk' over dim %d of symbolic size (%s): the row must have a "
                "constant size", d, lw_type_str(L, x));
    int64_t n = x->shape[d].coef;
    if (k < 1 || k > n)
        lw_fail(L, a[1].span, "k = %lld out of range: 'topk' over dim %d takes 1 <= k <= %lld "
                "(the dim's size)", (long long)k, d, (long long)n);
    if (k > TOPK_MAX)
        lw_fail(L, a[1].span, "k = %lld is over the limit of %d for 'topk' (each selected "
                "element is one more pass over the row)", (long long)k, TOPK_MAX);
    IrNode *j = index_along(L, x, d, s);
    IrNode *key = topk_key(L, x, j, s);
    IrNode **vals = ARENA_ARRAY(L->arena, IrNode *, k), **idxs = ARENA_ARRAY(L->arena, IrNode *, k);
    IrNode *prev = NULL;
    for (int64_t i = 0; i < k; i++) {
        IrNode *cand = key;
        if (prev)
            cand = ir_where(L->g, DT_I64, bin(L, BIN_LT, DT_BOOL, key, prev, s), key,
                            cst_i64(L, INT64_MIN, key, s), s);
        IrNode *top = ir_reduce(L->g, RED_MAX, DT_I64, cand, 1u << d, true, s);
        IrNode *low = bin(L, BIN_BAND, DT_I64, top, cst_i64(L, 0xffffffff, top, s), s);
        idxs[i] = ir_cast(L->g, DT_I32, bin(L, BIN_SUB, DT_I64, cst_i64(L, 0x7fffffff, top, s),
                                             low, s), s);
        prev = lw_expand_to(L, top, x->rank, x->shape, s);
        vals[i] = pick_bits(L, x, bin(L, BIN_EQ, DT_BOOL, key, prev, s), d, s);
    }
    Value r = {.k = V_TUPLE, .span = s, .n = 2};
    r.items = ARENA_ARRAY(L->arena, Value, 2);
    r.items[0] = lw_tensor(k == 1 ? vals[0] : ir_cat(L->g, (int)k, vals, d, s));
    r.items[1] = lw_tensor(k == 1 ? idxs[0] : ir_cat(L->g, (int)k, idxs, d, s));
    return r;
}

/* ------------------------------------------------------ internal helpers */

/* _fmax(dtype): the largest finite value of an f8 dtype (the quant_fp8
 * functions); _imax(dtype): 127 for i8 (the quant_int8 functions).  Any
 * other dtype is the user's error: no silent truncation to an integer. */
static Value bi_fmax(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    DType t = expect_dtype(L, &a[0]);
    if (b->aux == DT_I8 && t != DT_I8)
        lw_fail(L, a[0].span, "the quantized dtype must be i8, got %s", dt_name(t));
    if (b->aux != DT_I8 && (!dt_is_f8(t) || t == DT_F8E8M0))
        lw_fail(L, a[0].span, "the quantized dtype must be an f8 type (f8e4m3 f8e4m3fnuz "
                              "f8e5m2 f8e5m2fnuz), got %s", dt_name(t));
    Value r = {.k = V_FLOAT, .span = s, .f = dt_max_finite(t)};
    return r;
}

/* _retype(v, like, round=false): v carrying like's dtype.
 *
 * Without round it is a relabel: the value is unchanged and only its
 * nominal dtype (how it would be stored) becomes like's, so nothing is
 * rounded before `to` or an output store.  A float node may have any float
 * dtype whatever its operands' (ir.h), so the relabel retags v's node:
 * v must be a pointwise float node that is the graph's newest (no node
 * uses it yet) and that no variable holds; the standard library passes
 * only such freshly computed expressions.  A float v with an integer like
 * (RoPE of integer x by f32 cos) stays f32: no relabel crosses classes.
 *
 * With round=true it rounds as to(v, dtype of like) does: a cast, except
 * to f32, where the value already is an f32 and the relabel suffices. */
static Value bi_retype(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    IrNode *v = lw_expect_tensor(L, &a[0], "value");
    DType t = lw_expect_tensor(L, &a[1], "like")->dtype;
    if (expect_bool(L, &a[2], given[2], false) && t != DT_F32)
        return lw_tensor(ir_cast(L->g, t, v, s));
    if (v->dtype == t || !dt_is_float(v->dtype) || !dt_is_float(t))
        return a[0];
    bool pointwise = v->op == IR_UNARY || v->op == IR_BINARY || v->op == IR_WHERE;
    if (!pointwise || L->g->nodes.items[L->g->nodes.len - 1] != v)
        lw_fail(L, s, "internal: _retype relabels only a freshly computed element-wise value");
    v->dtype = t;
    return a[0];
}

static Value bi_layout(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    return lw_layout_call(L, b->aux, a, given, s);
}

/* all_reduce(x): the sum over the ranks of the communicator the graph is
 * launched with, in f32 (IR_ALLREDUCE; docs/language.md "Collectives").
 * Floats only: a narrower float is widened to f32 first (its values are
 * f32 already, so the cast changes nothing), and the result is f32. */
static Value bi_all_reduce(Lower *L, const Builtin *b, Value *a, const bool *given, Span s)
{
    IrNode *x = lw_expect_tensor(L, &a[0], "the argument of 'all_reduce'");
    if (!dt_is_float(x->dtype))
        lw_fail(L, a[0].span, "'all_reduce' sums floats only, got %s: convert with to(x, f32)",
                lw_type_str(L, x));
    if (x->dtype != DT_F32)
        x = ir_cast(L->g, DT_F32, x, s);
    return lw_tensor(ir_all_reduce(L->g, x, s));
}

/* ------------------------------------------------------------------ table */

#define UNARY(n, k) {n, {"x", NULL}, 1, bi_unary, k}
static const Builtin builtins[] = {
    UNARY("abs", UN_ABS), UNARY("exp", UN_EXP), UNARY("exp2", UN_EXP2), UNARY("log", UN_LOG),
    UNARY("log2", UN_LOG2), UNARY("sqrt", UN_SQRT), UNARY("rsqrt", UN_RSQRT),
    UNARY("sin", UN_SIN), UNARY("cos", UN_COS), UNARY("tanh", UN_TANH),
    UNARY("sigmoid", UN_SIGMOID), UNARY("erf", UN_ERF), UNARY("floor", UN_FLOOR),
    UNARY("ceil", UN_CEIL), UNARY("round", UN_ROUND),
    {"max", {"x", "other", "dim", "keepdim", NULL}, 1, bi_minmax, RED_MAX},
    {"min", {"x", "other", "dim", "keepdim", NULL}, 1, bi_minmax, RED_MIN},
    {"pow", {"x", "exponent", NULL}, 2, bi_pow, 0},
    {"clamp", {"x", "min", "max", NULL}, 3, bi_clamp, 0},
    {"where", {"condition", "x", "y", NULL}, 3, bi_where, 0},
    {"to", {"x", "dtype", "floor", NULL}, 2, bi_to, 0},
    {"sum", {"x", "dim", "keepdim", NULL}, 1, bi_reduce, RED_SUM},
    {"mean", {"x", "dim", "keepdim", NULL}, 1, bi_reduce, RED_MEAN},
    {"amax", {"x", "dim", "keepdim", NULL}, 1, bi_reduce, RED_MAX},
    {"amin", {"x", "dim", "keepdim", NULL}, 1, bi_reduce, RED_MIN},
    {"view", {"x", "shape", NULL}, 2, bi_layout, LAY_VIEW},
    {"reshape", {"x", "shape", NULL}, 2, bi_layout, LAY_VIEW},
    {"permute", {"x", "dims", NULL}, 2, bi_layout, LAY_PERMUTE},
    {"transpose", {"x", "dim0", "dim1", NULL}, 3, bi_layout, LAY_TRANSPOSE},
    {"slice", {"x", "dim", "start", "end", NULL}, 4, bi_layout, LAY_SLICE},
    {"split", {"x", "sizes", "dim", NULL}, 2, bi_layout, LAY_SPLIT},
    {"chunk", {"x", "chunks", "dim", NULL}, 2, bi_layout, LAY_CHUNK},
    {"expand", {"x", "shape", NULL}, 2, bi_layout, LAY_EXPAND},
    {"squeeze", {"x", "dim", NULL}, 1, bi_layout, LAY_SQUEEZE},
    {"unsqueeze", {"x", "dim", NULL}, 2, bi_layout, LAY_UNSQUEEZE},
    {"flatten", {"x", "start_dim", "end_dim", NULL}, 1, bi_layout, LAY_FLATTEN},
    {"unflatten", {"x", "dim", "sizes", NULL}, 3, bi_layout, LAY_UNFLATTEN},
    {"cat", {"tensors", "dim", NULL}, 1, bi_layout, LAY_CAT},
    {"stack", {"tensors", "dim", NULL}, 1, bi_layout, LAY_STACK},
    {"gather", {"x", "index", "dim", NULL}, 2, bi_layout, LAY_GATHER},
    {"_fmax", {"dtype", NULL}, 1, bi_fmax, DT_F8E4M3},
    {"_imax", {"dtype", NULL}, 1, bi_fmax, DT_I8},
    {"_retype", {"x", "like", "round", NULL}, 2, bi_retype, 0},
    {"bitcast", {"x", "dtype", NULL}, 2, bi_bitcast, 0},
    {"signbit", {"x", NULL}, 1, bi_signbit, 0},
    {"exponent", {"x", NULL}, 1, bi_exponent, 0},
    {"ldexp", {"x", "n", NULL}, 2, bi_ldexp, 0},
    {"all_reduce", {"x", NULL}, 1, bi_all_reduce, 0},
    {"arange", {"n", "dtype", NULL}, 1, bi_arange, 0},
    {"cdiv", {"a", "b", NULL}, 2, bi_size_op, SYM_CDIV},
    {"align", {"a", "b", NULL}, 2, bi_size_op, SYM_ALIGN},
    {"argmax", {"x", "dim", "keepdim", NULL}, 1, bi_argsel, RED_MAX},
    {"argmin", {"x", "dim", "keepdim", NULL}, 1, bi_argsel, RED_MIN},
    {"topk", {"x", "k", "dim", NULL}, 2, bi_topk, 0},
};

static const Builtin *find_builtin(const char *name)
{
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (strcmp(builtins[i].name, name) == 0)
            return &builtins[i];
    return NULL;
}

Value lw_call(Lower *L, const char *name, Span s, const AstArgs *args)
{
    /* the standard library calls its own functions, never the user's */
    bool in_std = L->frame && L->frame->is_stdlib;
    const AstItem *def = in_std ? lw_tab_get(&L->std_defs, name) : lw_find_def(L, name);
    if (def)
        return call_def(L, def, s, args);
    const Builtin *b = find_builtin(name);
    if (!b) {
        const char *near = in_std ? NULL : lw_nearest_function(L, name);
        lw_fail(L, s, "unknown function '%s'%s%s%s", name, near ? "; did you mean '" : "",
                near ? near : "", near ? "'?" : "");
    }
    if (name[0] == '_' && !in_std)
        lw_fail(L, s, "'%s' is internal to the standard library", name);
    int np = 0;
    bool optional[8];
    while (b->params[np]) {
        optional[np] = np >= b->nrequired;
        np++;
    }
    Value vals[8] = {0};
    bool given[8];
    bind_args(L, name, s, b->params, np, optional, args, vals, given);
    return b->fn(L, b, vals, given, s);
}

static void try_table(Nearest *n, const NameTab *t)
{
    for (int i = 0; i < t->cap; i++)
        if (t->keys[i] && t->keys[i][0] != '_')
            lw_nearest_try(n, t->keys[i]);
}

const char *lw_nearest_function(Lower *L, const char *name)
{
    if (L->diag->nerrors >= LW_MAX_SUGGEST)
        return NULL;
    Nearest n;
    lw_nearest_init(&n, name);
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (builtins[i].name[0] != '_')
            lw_nearest_try(&n, builtins[i].name);
    try_table(&n, &L->std_defs);
    try_table(&n, &L->user_defs);
    return n.best;
}
