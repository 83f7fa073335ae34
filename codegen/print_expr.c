/* print_expr.c - codegen's output buffer and the C text of types, index
 * expressions and op expressions (see cg_impl.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cg_impl.h"

void cg_put(Out *o, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (o->len + (size_t)n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 65536;
        while (cap < o->len + (size_t)n + 1)
            cap *= 2;
        char *b = arena_alloc(o->arena, cap);
        if (o->len)
            memcpy(b, o->buf, o->len);
        o->buf = b;
        o->cap = cap;
    }
    vsnprintf(o->buf + o->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    o->len += (size_t)n;
}

void cg_indent(Out *o)
{
    for (int i = 0; i < o->indent; i++)
        cg_put(o, "    ");
}

void cg_line(Out *o, const char *fmt, ...)
{
    cg_indent(o);
    va_list ap;
    va_start(ap, fmt);
    char tmp[4096];
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    cg_put(o, "%s\n", tmp);
}

/* The dtype table's device storage types and conversion suffixes. */
#define X(ID, name, bits, cls, sgn, maxf, sn, ctype, dev_ctype, ...) dev_ctype,
const char *const cg_ctype_of[DT_COUNT] = {SN_DTYPES(X)};
#undef X
#define X(ID, name, bits, cls, sgn, maxf, sn, ctype, dev_ctype, suffix, ...) suffix,
static const char *const suffixes[DT_COUNT] = {SN_DTYPES(X)};
#undef X

const char *cg_suffix(DType t)
{
    return suffixes[t];
}

/* Print an ops.h codegen template (one %s per operand) with its operands. */
void cg_template(Out *o, const char *tmpl, const char *const *args)
{
    IR_ASSERT(tmpl);
    for (const char *p = tmpl; *p;) {
        const char *at = strstr(p, "%s");
        if (!at) {
            cg_put(o, "%s", p);
            return;
        }
        cg_put(o, "%.*s%s", (int)(at - p), p, *args++);
        p = at + 2;
    }
}

/* The template of an op for operands of float (f) or integer/bool class.
 * After the operands comes the op's dtype as "bits, signed" (ops.h: the
 * integer ops whose result depends on it take it as a third %s). */
static void op_template(Out *o, const IrOpInfo *info, bool f, const KOp *op)
{
    char names[4][32];
    const char *args[4];
    for (int i = 0; i < op->nin; i++) {
        snprintf(names[i], sizeof names[i], "k%d", op->in[i]->id);
        args[i] = names[i];
    }
    snprintf(names[op->nin], sizeof names[op->nin], "%d, %d", dt_bits(op->dtype),
             !dt_is_unsigned(op->dtype));
    args[op->nin] = names[op->nin];
    cg_template(o, f ? info->cf : info->ci, args);
}

static bool is_f(DType t) { return dt_is_float(t); }

const char *cg_vtype(DType t) { return is_f(t) ? "float" : "sn_i64"; }

/* ------------------------------------------------------ index expressions */

/* Symbol s as a C identifier's tail: its name, or "_d<s>" for a derived
 * symbol (whose name is an expression, "align(T, 4)"). */
const char *cg_sym_ident(const KProgram *p, int s, Arena *a)
{
    if (!ir_sym_is_derived(p->graph, s))
        return p->graph->syms[s];
    return arena_printf(a, "_d%d", s);
}

void cg_print_dim(Out *o, const KProgram *p, Dim d)
{
    cg_put(o, "((sn_i64)%lld", (long long)d.coef);
    for (int i = 0; i < d.nsym; i++)
        cg_put(o, " * sym_%s", cg_sym_ident(p, d.syms[i], o->arena));
    cg_put(o, ")");
}

static void print_ix(Cx *x, const IxExpr *e)
{
    Out *o = x->o;
    switch (e->kind) {
    case IX_CONST: cg_put(o, "(sn_i64)%lld", (long long)e->c); return;
    case IX_VAR:
        if (e->c < x->seg->nouter)
            cg_put(o, "o%d", (int)e->c);
        else
            cg_put(o, "(sn_i64)r%d", (int)e->c - x->seg->nouter);
        return;
    case IX_DIM: cg_print_dim(o, x->p, e->dim); return;
    case IX_VAL: cg_put(o, "k%d", (int)e->c); return;
    default: break;
    }
    const char *op = e->kind == IX_ADD ? "+" : e->kind == IX_MUL ? "*"
                   : e->kind == IX_DIV ? "/" : "%";
    cg_put(o, "(");
    print_ix(x, e->a);
    cg_put(o, " %s ", op);
    print_ix(x, e->b);
    cg_put(o, ")");
}

/* Dense stride of dim k of buffer b (outputs and temps). */
static void print_dense_stride(Cx *x, const KBuf *b, int k)
{
    Dim s = dim_const(1);
    for (int i = k + 1; i < b->rank; i++)
        dim_mul(s, b->shape[i], &s);
    cg_print_dim(x->o, x->p, s);
}

static bool ix_has_val(const IxExpr *e)
{
    if (e->kind == IX_VAL)
        return true;
    if (e->kind < IX_ADD)
        return false;
    return ix_has_val(e->a) || ix_has_val(e->b);
}

/* Flat element offset of idx in buffer b.  Indices containing a gathered
 * value are clamped into the dim so a bad index cannot fault. */
void cg_print_offset(Cx *x, int bi, IxExpr *const *idx)
{
    const KBuf *b = &x->p->bufs[bi];
    Out *o = x->o;
    if (b->rank == 0) {
        cg_put(o, "0");
        return;
    }
    for (int k = 0; k < b->rank; k++) {
        if (k)
            cg_put(o, " + ");
        bool clamp = ix_has_val(idx[k]);
        if (clamp)
            cg_put(o, "sn_clampi(");
        print_ix(x, idx[k]);
        if (clamp) {
            cg_put(o, ", ");
            cg_print_dim(o, x->p, b->shape[k]);
            cg_put(o, ")");
        }
        if (k == b->rank - 1)
            continue;
        cg_put(o, " * ");
        if (b->kind == KB_INPUT)
            cg_put(o, "b%d_s%d", bi, k);
        else
            print_dense_stride(x, b, k);
    }
}

/* --------------------------------------------------------------- ops */

void cg_load_expr(Cx *x, const KOp *op)
{
    int bi = op->a.load.buf;
    const KBuf *b = &x->p->bufs[bi];
    Out *o = x->o;
    if (b->rank == 0 && b->kind == KB_INPUT) { /* a scalar passed by value */
        cg_put(o, is_f(b->dtype) ? "b%d_v" : "(sn_i64)b%d_v", bi);
        return;
    }
    const char *sfx = cg_suffix(b->dtype);
    if (dt_bits(b->dtype) < 8) { /* two codes per byte: SN_E2M1_AT(b, k) picks nibble k % 2 */
        cg_put(o, "SN_E2M1_AT(b%d, ", bi);
        cg_print_offset(x, bi, op->a.load.idx);
        cg_put(o, ")");
        return;
    }
    if (sfx)
        cg_put(o, "sn_from_%s(", sfx);
    else if (!is_f(b->dtype))
        cg_put(o, b->dtype == DT_BOOL ? "(sn_i64)(0 != " : "(sn_i64)(");
    else
        cg_put(o, "(");
    cg_put(o, "b%d[", bi);
    cg_print_offset(x, bi, op->a.load.idx);
    cg_put(o, "])");
}

/* A float literal that reads back as exactly (float)v ("448.0f"). */
static const char *float_lit(char *buf, size_t n, double v)
{
    float f = (float)v;
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    if (f != f || f - f != 0) {
        snprintf(buf, n, "sn_u2f(0x%08xu)", u);
        return buf;
    }
    char text[48];
    snprintf(text, sizeof text, "%.9g", (double)f);
    snprintf(buf, n, "%s%sf", text, strpbrk(text, ".e") ? "" : ".0");
    return buf;
}

static void print_const(Out *o, const KOp *op)
{
    if (!is_f(op->dtype)) {
        cg_put(o, "(sn_i64)%lldll", (long long)op->a.cnst.i);
        return;
    }
    char lit[64];
    cg_put(o, "%s", float_lit(lit, sizeof lit, op->a.cnst.f));
}

int cg_int_bits(DType t)
{
    return dt_bits(t);
}

/* "lo, hi" of integer type t as double literals (sn_f2i's bounds). */
static void print_int_range(Out *o, DType t)
{
    if (t == DT_I64)
        cg_put(o, "-9223372036854775808.0, 9223372036854775807.0");
    else if (dt_is_unsigned(t))
        cg_put(o, "0.0, %.1f", dt_max_finite(t));
    else
        cg_put(o, "%.1f, %.1f", -dt_max_finite(t) - 1.0, dt_max_finite(t));
}

/* A bitcast (prelude_int.cuh): the code of the operand in its graph dtype
 * (a float encoded as a store would, an integer as is), then the code
 * decoded (float), sign-extended or masked (integer) as the target. */
static void bitcast_expr(Out *o, const KOp *op)
{
    DType from = op->a.cast.from, to = op->dtype;
    int a = op->in[0]->id;
    char code[64];
    if (from == DT_F32)
        snprintf(code, sizeof code, "sn_f2u(k%d)", a);
    else if (is_f(from))
        snprintf(code, sizeof code, "sn_to_%s(k%d)", cg_suffix(from), a);
    else
        snprintf(code, sizeof code, "k%d", a);
    if (to == DT_F32)
        cg_put(o, "sn_u2f((sn_u32)%s)", code);
    else if (is_f(to))
        cg_put(o, "sn_from_%s((%s)%s)", cg_suffix(to), cg_ctype_of[to], code);
    else
        cg_put(o, "sn_iwrap((sn_i64)%s, %d, %d)", code, dt_bits(to), !dt_is_unsigned(to));
}

/* Does the program use prelude_int.cuh's helpers (cg_emit appends it only
 * then)? */
bool cg_uses_int_prelude(const KProgram *p)
{
    for (int k = 0; k < p->nkernel; k++)
        for (int s = 0; s < p->kernels[k]->nseg; s++) {
            const PtrVec *ops = &p->kernels[k]->segs[s]->ops;
            for (int i = 0; i < ops->len; i++) {
                const KOp *op = ops->items[i];
                if ((op->kind == KO_UNARY && op->a.unary >= UN_BNOT) ||
                    (op->kind == KO_BINARY && op->a.binary >= BIN_BAND) ||
                    (op->kind == KO_CAST && (op->a.cast.bitcast || dt_is_unsigned(op->dtype))))
                    return true;
            }
        }
    return false;
}

bool cg_mx_hw(const CgTarget *t)
{
    return t->dialect == CG_CUDA && strncmp(t->arch, "sm_", 3) == 0 && atoi(t->arch + 3) >= 100;
}

const char *cg_mx_sfx(const CgTarget *t, DType d)
{
    return (d == DT_F8E8M0 || d == DT_F4E2M1) && cg_mx_hw(t) ? "_hw" : "";
}

/* Does the program hold or convert to f4e2m1 or f8e8m0 (cg_emit appends
 * prelude_sm100.cuh only then)? */
bool cg_uses_mx(const KProgram *p)
{
    for (int b = 0; b < p->nbuf; b++)
        if (p->bufs[b].dtype == DT_F8E8M0 || p->bufs[b].dtype == DT_F4E2M1)
            return true;
    for (int k = 0; k < p->nkernel; k++)
        for (int s = 0; s < p->kernels[k]->nseg; s++) {
            const PtrVec *ops = &p->kernels[k]->segs[s]->ops;
            for (int i = 0; i < ops->len; i++) {
                const KOp *op = ops->items[i];
                if (op->kind == KO_CAST && (op->dtype == DT_F8E8M0 || op->dtype == DT_F4E2M1))
                    return true;
            }
        }
    return false;
}

static void cast_expr(Cx *x, const KOp *op)
{
    Out *o = x->o;
    DType from = op->in[0]->dtype, to = op->dtype;
    int a = op->in[0]->id;
    if (op->a.cast.bitcast) {
        bitcast_expr(o, op);
        return;
    }
    if (is_f(from) && is_f(to)) {
        const char *sfx = cg_suffix(to);
        char lit[64];
        const char *hw = cg_mx_sfx(x->t, to);
        if (op->a.cast.saturate)
            cg_put(o, "%s%s%s(sn_clamp_sat(k%d, %s))", sfx ? "sn_round_" : "", sfx ? sfx : "",
                   hw, a, float_lit(lit, sizeof lit, dt_max_finite(to)));
        else
            cg_put(o, "%s%s%s(k%d)", sfx ? "sn_round_" : "", sfx ? sfx : "", hw, a);
    } else if (is_f(from)) {
        if (to == DT_BOOL) {
            cg_put(o, "(sn_i64)(k%d != 0.0f)", a);
        } else {
            cg_put(o, "sn_f2i(k%d, ", a);
            print_int_range(o, to);
            cg_put(o, ")");
        }
    } else if (is_f(to)) {
        const char *sfx = cg_suffix(to);
        cg_put(o, "%s%s%s((float)k%d)", sfx ? "sn_round_" : "", sfx ? sfx : "",
               cg_mx_sfx(x->t, to), a);
    } else if (to == DT_BOOL) {
        cg_put(o, "(sn_i64)(k%d != 0)", a);
    } else {
        cg_put(o, "%s(k%d, %d)", dt_is_unsigned(to) ? "sn_wrapu" : "sn_wrap", a, cg_int_bits(to));
    }
}

/* Bounds of |value| over its finite values, for a per-row op: [lo, hi]
 * (hi = FLT_MAX when unknown); NaN and infinities are not bounded here. */
static void binary_expr(Cx *x, const KOp *op)
{
    if (op->a.binary == BIN_DIV && x->pl->op[op->id].recip) /* the plan's rewrite */
        cg_put(x->o, "k%d * rk%d", op->in[0]->id, op->in[1]->id);
    else if (op->a.binary == BIN_DIV && x->pl->op[op->id].exact_div) /* IEEE: div.rn.f32 */
        cg_put(x->o, "k%d / k%d", op->in[0]->id, op->in[1]->id);
    else
        op_template(x->o, ir_binary_info(op->a.binary), is_f(op->in[0]->dtype), op);
}

/* "const float k5 = <expr>;" for a non-reduce op. */
void cg_emit_op(Cx *x, const KOp *op)
{
    Out *o = x->o;
    cg_indent(o);
    cg_put(o, "const %s k%d = ", cg_vtype(op->dtype), op->id);
    switch (op->kind) {
    case KO_LOAD: cg_load_expr(x, op); break;
    case KO_CONST: print_const(o, op); break;
    case KO_UNARY: op_template(o, ir_unary_info(op->a.unary), is_f(op->dtype), op); break;
    case KO_BINARY: binary_expr(x, op); break;
    case KO_WHERE:
        cg_put(o, "k%d != 0 ? k%d : k%d", op->in[0]->id, op->in[1]->id, op->in[2]->id);
        if (x->pl->op[op->id].recip_sel) { /* the same selection among the reciprocals */
            cg_put(o, ";\n");
            cg_indent(o);
            cg_put(o, "const float rk%d = k%d != 0 ? rk%d : rk%d", op->id, op->in[0]->id,
                   op->in[1]->id, op->in[2]->id);
        }
        break;
    case KO_CAST: cast_expr(x, op); break;
    case KO_INDEX: print_ix(x, op->a.index.expr); break;
    default: cg_put(o, "0"); break;
    }
    cg_put(o, ";\n");
}

