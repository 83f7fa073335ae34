/* graph.c - graph IR builder.
 *
 * Each constructor appends one node to the graph (keeping topological order,
 * since operands must already exist) and returns it.  Types and shapes were
 * checked by the caller; the builder asserts the structural invariants of
 * ir.h so that a front-end bug cannot build a malformed graph. */
#include <string.h>

#include "ir.h"

IrGraph *ir_graph_new(Arena *ar, const char *name, Span span)
{
    IrGraph *g = ARENA_NEW(ar, IrGraph);
    g->name = arena_strdup(ar, name);
    g->span = span;
    g->arena = ar;
    return g;
}

int ir_graph_sym(IrGraph *g, const char *name)
{
    for (int i = 0; i < g->nsym; i++)
        if (strcmp(g->syms[i], name) == 0)
            return i;
    const char **syms = ARENA_ARRAY(g->arena, const char *, g->nsym + 1);
    if (g->nsym)
        memcpy(syms, g->syms, sizeof(char *) * (size_t)g->nsym);
    syms[g->nsym] = arena_strdup(g->arena, name);
    g->syms = syms;
    if (g->symdefs) {
        IrSymDef *defs = ARENA_ARRAY(g->arena, IrSymDef, g->nsym + 1);
        memcpy(defs, g->symdefs, sizeof(IrSymDef) * (size_t)g->nsym);
        g->symdefs = defs; /* the new entry is zeroed: SYM_FREE */
    }
    return g->nsym++;
}

int ir_graph_sym_derived(IrGraph *g, IrSymOp op, Dim a, int64_t b)
{
    IR_ASSERT(op > SYM_FREE && op <= SYM_ALIGN && b >= 1);
    char text[64], name[160];
    dim_str(a, g->syms, text, sizeof text);
    bool wrap = op <= SYM_MOD && (a.nsym > 1 || (a.nsym && a.coef != 1)); /* "(2*T) // 3" */
    char operand[80];
    snprintf(operand, sizeof operand, wrap ? "(%s)" : "%s", text);
    const char *pre = op == SYM_CDIV ? "cdiv(" : op == SYM_ALIGN ? "align(" : "";
    const char *mid = op == SYM_FLOORDIV ? " // " : op == SYM_MOD ? " % " : ", ";
    snprintf(name, sizeof name, "%s%s%s%lld%s", pre, operand, mid, (long long)b,
             op >= SYM_CDIV ? ")" : "");
    int had = g->nsym, s = ir_graph_sym(g, name);
    if (s < had)
        return s;
    if (!g->symdefs)
        g->symdefs = ARENA_ARRAY(g->arena, IrSymDef, g->nsym);
    g->symdefs[s] = (IrSymDef){op, a, b};
    return s;
}

bool ir_sym_is_derived(const IrGraph *g, int sym)
{
    return g->symdefs && g->symdefs[sym].op != SYM_FREE;
}

int64_t ir_sym_apply(IrSymOp op, int64_t a, int64_t b)
{
    if (a < 0 || b < 1)
        return -1;
    switch (op) {
    case SYM_FLOORDIV: return a / b;
    case SYM_MOD: return a % b;
    case SYM_CDIV: return a / b + (a % b != 0);
    case SYM_ALIGN: {
        int64_t r;
        return __builtin_mul_overflow(a / b + (a % b != 0), b, &r) ? -1 : r;
    }
    default: return -1;
    }
}

void ir_graph_derive_syms(const IrGraph *g, int64_t *symvals)
{
    for (int s = 0; g->symdefs && s < g->nsym; s++)
        if (g->symdefs[s].op != SYM_FREE)
            symvals[s] = ir_sym_apply(g->symdefs[s].op, dim_eval(g->symdefs[s].a, symvals),
                                      g->symdefs[s].b);
}

/* A fresh node with nin operand slots, appended to g. */
static IrNode *new_node(IrGraph *g, IrOp op, DType t, int rank, const Dim *shape, int nin,
                        Span s)
{
    IR_ASSERT(rank >= 0 && rank <= IR_MAX_RANK);
    IrNode *n = ARENA_NEW(g->arena, IrNode);
    n->id = g->nodes.len;
    n->op = op;
    n->dtype = t;
    n->rank = rank;
    if (rank)
        memcpy(n->shape, shape, sizeof(Dim) * (size_t)rank);
    n->nin = nin;
    n->in = nin ? ARENA_ARRAY(g->arena, IrNode *, nin) : NULL;
    n->span = s;
    ptrvec_push(g->arena, &g->nodes, n);
    return n;
}

bool ir_same_shape(const IrNode *a, const IrNode *b)
{
    if (a->rank != b->rank)
        return false;
    for (int i = 0; i < a->rank; i++)
        if (!dim_eq(a->shape[i], b->shape[i]))
            return false;
    return true;
}

IrNode *ir_input(IrGraph *g, const char *name, DType t, int rank, const Dim *shape, Span s)
{
    IrNode *n = new_node(g, IR_INPUT, t, rank, shape, 0, s);
    n->a.input.index = g->nparam;
    n->a.input.name = arena_strdup(g->arena, name);
    IrNode **params = ARENA_ARRAY(g->arena, IrNode *, g->nparam + 1);
    if (g->nparam)
        memcpy(params, g->params, sizeof(IrNode *) * (size_t)g->nparam);
    params[g->nparam++] = n;
    g->params = params;
    return n;
}

IrNode *ir_iota(IrGraph *g, DType t, Dim n, Span s)
{
    IR_ASSERT(dt_is_int(t));
    return new_node(g, IR_IOTA, t, 1, &n, 0, s);
}

IrNode *ir_const_f(IrGraph *g, double v, DType t, int rank, const Dim *shape, Span s)
{
    IR_ASSERT(dt_is_float(t));
    IrNode *n = new_node(g, IR_CONST, t, rank, shape, 0, s);
    n->a.cnst.f = v;
    return n;
}

IrNode *ir_const_i(IrGraph *g, int64_t v, DType t, int rank, const Dim *shape, Span s)
{
    IR_ASSERT(!dt_is_float(t));
    IrNode *n = new_node(g, IR_CONST, t, rank, shape, 0, s);
    n->a.cnst.i = v;
    return n;
}

IrNode *ir_unary(IrGraph *g, IrUnary k, DType t, IrNode *x, Span s)
{
    IrNode *n = new_node(g, IR_UNARY, t, x->rank, x->shape, 1, s);
    n->in[0] = x;
    n->a.unary = k;
    return n;
}

IrNode *ir_all_reduce(IrGraph *g, IrNode *x, Span s)
{
    IR_ASSERT(x->dtype == DT_F32);
    IrNode *n = new_node(g, IR_ALLREDUCE, DT_F32, x->rank, x->shape, 1, s);
    n->in[0] = x;
    return n;
}

IrNode *ir_binary(IrGraph *g, IrBinary k, DType t, IrNode *x, IrNode *y, Span s)
{
    IR_ASSERT(ir_same_shape(x, y));
    IrNode *n = new_node(g, IR_BINARY, t, x->rank, x->shape, 2, s);
    n->in[0] = x;
    n->in[1] = y;
    n->a.binary = k;
    return n;
}

IrNode *ir_where(IrGraph *g, DType t, IrNode *c, IrNode *x, IrNode *y, Span s)
{
    IR_ASSERT(ir_same_shape(c, x) && ir_same_shape(x, y) && c->dtype == DT_BOOL);
    IrNode *n = new_node(g, IR_WHERE, t, x->rank, x->shape, 3, s);
    n->in[0] = c;
    n->in[1] = x;
    n->in[2] = y;
    return n;
}

IrNode *ir_cast(IrGraph *g, DType t, IrNode *x, Span s)
{
    IrNode *n = new_node(g, IR_CAST, t, x->rank, x->shape, 1, s);
    n->in[0] = x;
    return n;
}

IrNode *ir_reduce(IrGraph *g, IrReduce k, DType t, IrNode *x, uint32_t axes, bool keepdim,
                  Span s)
{
    IR_ASSERT(axes != 0 && (x->rank == 32 || (axes >> x->rank) == 0));
    Dim shape[IR_MAX_RANK];
    int rank = 0;
    for (int i = 0; i < x->rank; i++) {
        if (!(axes >> i & 1))
            shape[rank++] = x->shape[i];
        else if (keepdim)
            shape[rank++] = dim_const(1);
    }
    IrNode *n = new_node(g, IR_REDUCE, t, rank, shape, 1, s);
    n->in[0] = x;
    n->a.reduce.kind = k;
    n->a.reduce.axes = axes;
    n->a.reduce.keepdim = keepdim;
    return n;
}

IrNode *ir_view(IrGraph *g, IrNode *x, int rank, const Dim *shape, IxExpr *const *src, Span s)
{
    IrNode *n = new_node(g, IR_VIEW, x->dtype, rank, shape, 1, s);
    n->in[0] = x;
    for (int i = 0; i < x->rank; i++) {
        IR_ASSERT(src[i]);
        n->a.view.src[i] = src[i];
    }
    return n;
}

IrNode *ir_cat(IrGraph *g, int nparts, IrNode *const *parts, int dim, Span s)
{
    IR_ASSERT(nparts >= 1 && dim >= 0 && dim < parts[0]->rank);
    Dim shape[IR_MAX_RANK];
    memcpy(shape, parts[0]->shape, sizeof(Dim) * (size_t)parts[0]->rank);
    Dim total = dim_const(0);
    for (int k = 0; k < nparts; k++) {
        IR_ASSERT(parts[k]->rank == parts[0]->rank && parts[k]->dtype == parts[0]->dtype);
        Dim d = parts[k]->shape[dim];
        if (dim_is_const(total, 0))
            total = d;
        else if (dim_eq(total, d) || (total.nsym == d.nsym &&
                                      !memcmp(total.syms, d.syms, sizeof(uint16_t) * d.nsym)))
            total.coef += d.coef; /* same monomial: add coefficients */
        else
            IR_ASSERT(!"cat of sizes that are not like terms");
    }
    shape[dim] = total;
    IrNode *n = new_node(g, IR_CAT, parts[0]->dtype, parts[0]->rank, shape, nparts, s);
    memcpy(n->in, parts, sizeof(IrNode *) * (size_t)nparts);
    n->a.cat.dim = dim;
    return n;
}

IrNode *ir_gather(IrGraph *g, IrNode *table, IrNode *idx, int dim, Span s)
{
    IR_ASSERT(dim >= 0 && dim < table->rank && dt_is_int(idx->dtype));
    IR_ASSERT(table->rank - 1 + idx->rank <= IR_MAX_RANK);
    Dim shape[IR_MAX_RANK];
    int rank = 0;
    for (int i = 0; i < dim; i++)
        shape[rank++] = table->shape[i];
    for (int i = 0; i < idx->rank; i++)
        shape[rank++] = idx->shape[i];
    for (int i = dim + 1; i < table->rank; i++)
        shape[rank++] = table->shape[i];
    IrNode *n = new_node(g, IR_GATHER, table->dtype, rank, shape, 2, s);
    n->in[0] = table;
    n->in[1] = idx;
    n->a.gather.dim = dim;
    return n;
}

IrNode *ir_bitcast(IrGraph *g, DType t, IrNode *x, Span s)
{
    IR_ASSERT(dt_bits(t) == dt_bits(x->dtype) && t != DT_BOOL && x->dtype != DT_BOOL);
    IrNode *n = ir_cast(g, t, x, s);
    n->a.cast.bitcast = true;
    return n;
}

IrNode *ir_pointwise_like(IrGraph *g, const IrNode *n, IrNode *const *ops)
{
    IrNode *c;
    switch (n->op) {
    case IR_UNARY: return ir_unary(g, n->a.unary, n->dtype, ops[0], n->span);
    case IR_BINARY: return ir_binary(g, n->a.binary, n->dtype, ops[0], ops[1], n->span);
    case IR_WHERE: return ir_where(g, n->dtype, ops[0], ops[1], ops[2], n->span);
    case IR_CAST:
        c = ir_cast(g, n->dtype, ops[0], n->span);
        c->a.cast.saturate = n->a.cast.saturate;
        c->a.cast.bitcast = n->a.cast.bitcast;
        return c;
    default: IR_ASSERT(!"not a pointwise op");
    }
    return NULL;
}

void ir_set_outputs(IrGraph *g, int n, IrNode *const *outs, const char *const *names)
{
    g->nout = n;
    g->outs = ARENA_ARRAY(g->arena, IrNode *, n);
    g->out_names = ARENA_ARRAY(g->arena, const char *, n);
    for (int i = 0; i < n; i++) {
        g->outs[i] = outs[i];
        g->out_names[i] = names && names[i] ? arena_strdup(g->arena, names[i]) : NULL;
    }
}

void ir_set_output_dest(IrGraph *g, int o, const IrDest *dest)
{
    IR_ASSERT(o >= 0 && o < g->nout);
    if (!g->out_dest)
        g->out_dest = ARENA_ARRAY(g->arena, IrDest *, g->nout);
    g->out_dest[o] = ARENA_NEW(g->arena, IrDest);
    *g->out_dest[o] = *dest;
}

const IrDest *ir_output_dest(const IrGraph *g, int o)
{
    return g->out_dest && o >= 0 && o < g->nout ? g->out_dest[o] : NULL;
}

int64_t ir_scatter_rows(const IrGraph *g, const IrNode *p, const int64_t *symvals)
{
    for (int o = 0; o < g->nout; o++)
        if (ir_output_dest(g, o) && ir_output_dest(g, o)->index == p)
            return dim_eval(ir_output_dest(g, o)->rows, symvals);
    return 0;
}

bool ir_param_written(const IrGraph *g, int p)
{
    for (int o = 0; o < g->nout; o++)
        if (ir_output_dest(g, o) && ir_output_dest(g, o)->param == p)
            return true;
    return false;
}

int ir_num_new_outputs(const IrGraph *g)
{
    int n = 0;
    for (int o = 0; o < g->nout; o++)
        n += !ir_output_dest(g, o);
    return n;
}

int ir_new_output_index(const IrGraph *g, int o)
{
    if (ir_output_dest(g, o))
        return -1;
    int n = 0;
    for (int i = 0; i < o; i++)
        n += !ir_output_dest(g, i);
    return n;
}

int64_t ir_numel(const IrNode *n, const int64_t *symvals)
{
    int64_t total = 1;
    for (int i = 0; i < n->rank; i++) {
        int64_t d = dim_eval(n->shape[i], symvals);
        if (d < 0 || (d && total > INT64_MAX / d))
            return -1;
        total *= d;
    }
    return total;
}

static const IrOpInfo op_rows[IR_OP_COUNT] = {
#define X(ID, name, arity, cls) [IR_##ID] = {name, NULL, arity, cls, 0, 0, NULL, NULL, NULL, NULL},
    IR_OPS(X)
#undef X
};
static const IrOpInfo unary_rows[UN_COUNT] = {
#define X(ID, name, sn, dom, flags, f, i, cf, ci) \
    [UN_##ID] = {name, sn, 1, 0, dom, flags, cf, ci, NULL, NULL},
    IR_UNARY_OPS(X)
#undef X
};
static const IrOpInfo binary_rows[BIN_COUNT] = {
#define X(ID, name, sn, cls, dom, flags, f, i, cf, ci) \
    [BIN_##ID] = {name, sn, 2, cls, dom, flags, cf, ci, NULL, NULL},
    IR_BINARY_OPS(X)
#undef X
};
static const IrOpInfo reduce_rows[RED_COUNT] = {
#define X(ID, name, sn, dom, flags, fid, iid, f, i, cf, ci, cfid, ciid) \
    [RED_##ID] = {name, sn, 1, 0, dom, flags, cf, ci, cfid, ciid},
    IR_REDUCE_OPS(X)
#undef X
};
static const IrOpInfo no_row = {"?", NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL};

const IrOpInfo *ir_op_info(IrOp op) { return (unsigned)op < IR_OP_COUNT ? &op_rows[op] : &no_row; }
const IrOpInfo *ir_unary_info(IrUnary k) { return (unsigned)k < UN_COUNT ? &unary_rows[k] : &no_row; }
const IrOpInfo *ir_binary_info(IrBinary k)
{
    return (unsigned)k < BIN_COUNT ? &binary_rows[k] : &no_row;
}
const IrOpInfo *ir_reduce_info(IrReduce k)
{
    return (unsigned)k < RED_COUNT ? &reduce_rows[k] : &no_row;
}

const char *ir_op_name(IrOp op) { return ir_op_info(op)->name; }
const char *ir_unary_name(IrUnary k) { return ir_unary_info(k)->name; }
const char *ir_binary_name(IrBinary k) { return ir_binary_info(k)->name; }
const char *ir_reduce_name(IrReduce k) { return ir_reduce_info(k)->name; }

unsigned ir_dtype_dom(DType t)
{
    return dt_is_float(t) ? OPD_F : t == DT_BOOL ? OPD_B : OPD_I;
}

const char *ir_type_str(const IrGraph *g, const IrNode *n, char *buf, int bufsize)
{
    int pos = snprintf(buf, (size_t)bufsize, "%s[", dt_name(n->dtype));
    for (int i = 0; i < n->rank && pos < bufsize; i++) {
        char d[64];
        pos += snprintf(buf + pos, (size_t)(bufsize - pos), "%s%s", i ? ", " : "",
                        dim_str(n->shape[i], g->syms, d, sizeof d));
    }
    if (pos < bufsize)
        snprintf(buf + pos, (size_t)(bufsize - pos), "]");
    return buf;
}

/* ------------------------------------------------------------ rewriting */

/* Follow replacement chains; ids >= nmap (nodes built after the map) are
 * never replaced. */
static IrNode *resolve(IrNode **map, int nmap, IrNode *n)
{
    for (int guard = 0; n->id < nmap && map[n->id] && map[n->id] != n; guard++) {
        IR_ASSERT(guard < (1 << 20));
        n = map[n->id];
    }
    return n;
}

void ir_replace_uses(IrGraph *g, IrNode **map, int nmap)
{
    for (int i = 0; i < g->nodes.len; i++) {
        IrNode *n = g->nodes.items[i];
        for (int k = 0; k < n->nin; k++)
            n->in[k] = resolve(map, nmap, n->in[k]);
    }
    for (int i = 0; i < g->nout; i++) {
        g->outs[i] = resolve(map, nmap, g->outs[i]);
        if (g->out_dest && g->out_dest[i] && g->out_dest[i]->index)
            g->out_dest[i]->index = resolve(map, nmap, g->out_dest[i]->index);
    }
}

bool ir_rewrite(IrGraph *g, IrRule rule)
{
    int n = g->nodes.len;
    IrNode **map = ARENA_ARRAY(g->arena, IrNode *, n ? n : 1);
    bool changed = false;
    for (int i = 0; i < n; i++) {
        IrNode *x = g->nodes.items[i];
        for (int k = 0; k < x->nin; k++)
            if (x->in[k]->id < n && map[x->in[k]->id])
                x->in[k] = map[x->in[k]->id];
        IrNode *r = rule(g, x);
        if (r && r != x) {
            map[i] = r;
            changed = true;
        }
    }
    if (changed) {
        ir_replace_uses(g, map, n);
        ir_compact(g);
    }
    return changed;
}

/* Depth-first post-order from n (iterative: graphs can be deep chains). */
static void visit(IrNode *root, char *state, PtrVec *order, Arena *a, PtrVec *stack)
{
    if (state[root->id])
        return;
    stack->len = 0;
    ptrvec_push(a, stack, root);
    state[root->id] = 1;
    while (stack->len) {
        IrNode *n = stack->items[stack->len - 1];
        IrNode *next = NULL;
        for (int k = 0; k < n->nin && !next; k++)
            if (!state[n->in[k]->id])
                next = n->in[k];
        if (next) {
            state[next->id] = 1;
            ptrvec_push(a, stack, next);
        } else {
            stack->len--;
            ptrvec_push(a, order, n);
        }
    }
}

void ir_compact(IrGraph *g)
{
    Arena *a = g->arena;
    char *state = arena_alloc(a, (size_t)g->nodes.len + 1);
    PtrVec order = {0}, stack = {0};
    for (int i = 0; i < g->nparam; i++)
        visit(g->params[i], state, &order, a, &stack);
    for (int i = 0; i < g->nout; i++) {
        visit(g->outs[i], state, &order, a, &stack);
        if (g->out_dest && g->out_dest[i] && g->out_dest[i]->index)
            visit(g->out_dest[i]->index, state, &order, a, &stack);
    }
    for (int i = 0; i < order.len; i++)
        ((IrNode *)order.items[i])->id = i;
    g->nodes = order;
}

int ir_index_bounds(const IrGraph *g, const IrNode *p, Dim *out, int max)
{
    int n = 0;
    for (int i = 0; i < g->nodes.len; i++) {
        const IrNode *gat = g->nodes.items[i], *idx;
        if (gat->op != IR_GATHER)
            continue;
        for (idx = gat->in[1]; idx->op == IR_VIEW; idx = idx->in[0])
            ;
        Dim size = gat->in[0]->shape[gat->a.gather.dim];
        bool seen = false;
        for (int b = 0; b < n && b < max; b++)
            seen |= dim_eq(out[b], size);
        if (idx == p && !seen && n++ < max)
            out[n - 1] = size;
    }
    return n;
}
