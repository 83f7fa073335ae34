/* kernelize.c - lower a fusion plan to kernel IR.
 *
 * Requires: a FusionPlan from pass_fuse.  Produces: a KProgram whose
 * kernels, segments, stores and schedules follow the plan one to one.
 *
 * Each store's value is built by inlining the graph at an index: pointwise
 * ops keep the index, views substitute their map into it, gathers read the
 * index tensor's value into an IX_VAL leaf, a cat read inside an expression
 * becomes a select over its parts (each part read at an index that is
 * always in range), a reduction of the same segment is its register value,
 * and one computed by an earlier kernel is loaded from its temporary
 * (f32 or i64 whatever the reduction's nominal dtype: a temp never rounds).
 * Identical (node, index) pairs give one op: an input element read twice
 * by the graph at the same index is loaded once.
 *
 * A kernel of few long rows is split in two (split_parts, below;
 * Kernel.split): the partials of its reductions over contiguous parts of
 * each row, then the epilogue folding them (KO_FOLD) in every block. */
#include <string.h>

#include "passes.h"

typedef struct {
    const IrNode *node;
    IxExpr *idx[IR_MAX_RANK];
    KOp *op;
} Memo;

typedef struct {
    Arena *arena;
    const FusionPlan *plan;
    KProgram *prog;
    KSegment *seg;
    int nouter;
    IxExpr *axis_var[IR_MAX_RANK];   /* domain axis var -> segment var */
    KOp **reduce_op;                 /* node id -> KO_REDUCE in this segment */
    int *temp_buf;                   /* node id -> temp buffer, or -1 */
    Memo *memo;
    int memo_cap, memo_len;
    PtrVec masks;                    /* ScatterMask*: this segment's scatter masks */
    /* A split reduction (split_segment): 0 none, 1 the partials, 2 the
     * epilogue; the segment's last outer var is the part. */
    int split;
    int parts;
    Dim part_len, row_total;
    int *part_buf;                   /* node id -> its partials' temp buffer */
    int ntemp;                       /* temps so far (the plan's, then the partials) */
} Kz;

/* A scatter's mask, shared by the segment's stores through one index
 * value into the same number of rows (a K and a V cache by one slot). */
typedef struct {
    const KOp *iv;
    Dim rows;
    KOp *mask;
} ScatterMask;

/* ------------------------------------------------------------- helpers */

static uint64_t memo_hash(const IrNode *n, IxExpr *const *idx)
{
    uint64_t h = (uint64_t)n->id * 0x9E3779B97F4A7C15ull;
    for (int k = 0; k < n->rank; k++)
        h = (h ^ ix_hash(idx[k])) * 0x100000001B3ull;
    return h;
}

static KOp **memo_slot(Kz *z, const IrNode *n, IxExpr *const *idx)
{
    if (z->memo_len * 2 >= z->memo_cap) {
        Memo *old = z->memo;
        int oldcap = z->memo_cap;
        z->memo_cap = oldcap ? oldcap * 2 : 256;
        z->memo = ARENA_ARRAY(z->arena, Memo, z->memo_cap);
        z->memo_len = 0;
        for (int i = 0; i < oldcap; i++)
            if (old[i].node) {
                *memo_slot(z, old[i].node, old[i].idx) = old[i].op;
            }
    }
    uint64_t h = memo_hash(n, idx) & (uint64_t)(z->memo_cap - 1);
    for (;;) {
        Memo *m = &z->memo[h];
        if (!m->node) {
            m->node = n;
            memcpy(m->idx, idx, sizeof(IxExpr *) * (size_t)n->rank);
            z->memo_len++;
            return &m->op;
        }
        bool same = m->node == n;
        for (int k = 0; same && k < n->rank; k++)
            same = ix_equal(m->idx[k], idx[k]);
        if (same)
            return &m->op;
        h = (h + 1) & (uint64_t)(z->memo_cap - 1);
    }
}

/* Does e depend on a row var or on the value of a row op? */
static bool ix_row(const Kz *z, const IxExpr *e)
{
    switch (e->kind) {
    case IX_VAR: return e->c >= z->nouter;
    case IX_VAL: return ((KOp *)z->seg->ops.items[e->c])->row;
    case IX_CONST: case IX_DIM: return false;
    default: return ix_row(z, e->a) || ix_row(z, e->b);
    }
}

static KOp *new_op(Kz *z, KOpKind kind, DType t, const IrNode *node, int nin, KOp *a, KOp *b,
                   KOp *c)
{
    KOp *op = ARENA_NEW(z->arena, KOp);
    op->id = z->seg->ops.len;
    op->kind = kind;
    op->dtype = t;
    op->node = node ? node->id : -1;
    op->nin = nin;
    KOp *in[3] = {a, b, c};
    for (int k = 0; k < nin; k++) {
        op->in[k] = in[k];
        op->row = op->row || in[k]->row;
    }
    ptrvec_push(z->arena, &z->seg->ops, op);
    return op;
}

static KOp *load(Kz *z, int buf, const IrNode *node, int rank, IxExpr *const *idx)
{
    KOp *op = new_op(z, KO_LOAD, z->prog->bufs[buf].dtype, node, 0, NULL, NULL, NULL);
    op->a.load.buf = buf;
    for (int k = 0; k < rank; k++) {
        op->a.load.idx[k] = idx[k];
        op->row = op->row || ix_row(z, idx[k]);
    }
    return op;
}

static KOp *konst_i(Kz *z, int64_t v)
{
    KOp *op = new_op(z, KO_CONST, DT_I64, NULL, 0, NULL, NULL, NULL);
    op->a.cnst.i = v;
    return op;
}

/* ---------------------------------------------------------------- emit */

static KOp *emit(Kz *z, const IrNode *n, IxExpr *const *idx);

/* cat read at idx: a select chain over the parts. */
static KOp *emit_cat(Kz *z, const IrNode *n, IxExpr *const *idx)
{
    int d = n->a.cat.dim;
    IxExpr *sub[IR_MAX_RANK];
    memcpy(sub, idx, sizeof(IxExpr *) * (size_t)n->rank);
    if (idx[d]->kind == IX_CONST) { /* a fixed part: no select */
        int64_t i = idx[d]->c;
        for (int p = 0; p < n->nin; p++) {
            int64_t size = n->in[p]->shape[d].coef;
            if (n->in[p]->shape[d].nsym == 0 && i < size) {
                sub[d] = ix_const(z->arena, i);
                return emit(z, n->in[p], sub);
            }
            i -= size;
        }
    }
    KOp *pos = new_op(z, KO_INDEX, DT_I64, NULL, 0, NULL, NULL, NULL);
    pos->a.index.expr = idx[d];
    pos->row = ix_row(z, idx[d]);
    sub[d] = fuse_cat_part_index(z->arena, n, n->nin - 1, idx[d]);
    KOp *v = emit(z, n->in[n->nin - 1], sub);
    for (int p = n->nin - 2; p >= 0; p--) {
        /* where part p ends: like terms (all constants, or multiples of the
         * same symbols: the front end's rule), so maybe a launch-time size */
        Dim end = n->in[0]->shape[d];
        for (int j = 1; j <= p; j++)
            end.coef += n->in[j]->shape[d].coef;
        KOp *limit;
        if (end.nsym) {
            limit = new_op(z, KO_INDEX, DT_I64, NULL, 0, NULL, NULL, NULL);
            limit->a.index.expr = ix_dim(z->arena, end);
        } else {
            limit = konst_i(z, end.coef);
        }
        sub[d] = fuse_cat_part_index(z->arena, n, p, idx[d]);
        KOp *part = emit(z, n->in[p], sub);
        KOp *cond = new_op(z, KO_BINARY, DT_BOOL, NULL, 2, pos, limit, NULL);
        cond->a.binary = BIN_LT;
        v = new_op(z, KO_WHERE, n->dtype, n, 3, cond, part, v);
    }
    return v;
}

static KOp *emit_gather(Kz *z, const IrNode *n, IxExpr *const *idx)
{
    const IrNode *table = n->in[0], *index = n->in[1];
    int d = n->a.gather.dim;
    KOp *iv = emit(z, index, idx + d);
    IxExpr *val = ARENA_NEW(z->arena, IxExpr);
    val->kind = IX_VAL;
    val->c = iv->id;
    IxExpr *sub[IR_MAX_RANK];
    for (int k = 0; k < table->rank; k++)
        sub[k] = k < d ? idx[k] : k == d ? val : idx[k - 1 + index->rank];
    return emit(z, table, sub);
}

static KOp *emit_node(Kz *z, const IrNode *n, IxExpr *const *idx)
{
    IxExpr *sub[IR_MAX_RANK];
    KOp *a, *b, *c, *op;
    switch (n->op) {
    case IR_INPUT:
        return load(z, n->a.input.index, n, n->rank, idx);
    case IR_IOTA: /* the index itself, an i64 like every kernel index value */
        op = new_op(z, KO_INDEX, DT_I64, n, 0, NULL, NULL, NULL);
        op->a.index.expr = idx[0];
        op->row = ix_row(z, idx[0]);
        return op;
    case IR_CONST:
        op = new_op(z, KO_CONST, n->dtype, n, 0, NULL, NULL, NULL);
        op->a.cnst.f = n->a.cnst.f;
        op->a.cnst.i = n->a.cnst.i;
        return op;
    case IR_UNARY:
        op = new_op(z, KO_UNARY, n->dtype, n, 1, emit(z, n->in[0], idx), NULL, NULL);
        op->a.unary = n->a.unary;
        return op;
    case IR_BINARY:
        a = emit(z, n->in[0], idx);
        b = emit(z, n->in[1], idx);
        op = new_op(z, KO_BINARY, n->dtype, n, 2, a, b, NULL);
        op->a.binary = n->a.binary;
        return op;
    case IR_WHERE:
        a = emit(z, n->in[0], idx);
        b = emit(z, n->in[1], idx);
        c = emit(z, n->in[2], idx);
        return new_op(z, KO_WHERE, n->dtype, n, 3, a, b, c);
    case IR_CAST:
        op = new_op(z, KO_CAST, n->dtype, n, 1, emit(z, n->in[0], idx), NULL, NULL);
        op->a.cast.saturate = n->a.cast.saturate;
        op->a.cast.bitcast = n->a.cast.bitcast;
        op->a.cast.from = n->in[0]->dtype;
        return op;
    case IR_VIEW:
        for (int k = 0; k < n->in[0]->rank; k++)
            sub[k] = ix_subst(z->arena, n->a.view.src[k], idx);
        return emit(z, n->in[0], sub);
    case IR_CAT:
        return emit_cat(z, n, idx);
    case IR_GATHER:
        return emit_gather(z, n, idx);
    case IR_ALLREDUCE: /* the sum, after the collective step: a later kernel's temp */
        IR_ASSERT(z->temp_buf[n->id] >= 0);
        return load(z, z->temp_buf[n->id], n, n->rank, idx);
    case IR_REDUCE:
        if (z->reduce_op[n->id]) /* the planner proved the read row-local */
            return z->reduce_op[n->id];
        IR_ASSERT(z->temp_buf[n->id] >= 0);
        return load(z, z->temp_buf[n->id], n, n->rank, idx);
    default:
        IR_ASSERT(!"unknown op");
    }
    return NULL;
}

static KOp *emit(Kz *z, const IrNode *n, IxExpr *const *idx)
{
    if (n->op == IR_CONST)
        idx = NULL; /* a constant is the same at every index */
    IxExpr *none[IR_MAX_RANK] = {0};
    KOp **slot = memo_slot(z, n, idx ? idx : none);
    if (*slot)
        return *slot;
    KOp *op = emit_node(z, n, idx ? idx : none);
    slot = memo_slot(z, n, idx ? idx : none); /* the table may have grown */
    *slot = op;
    return op;
}

/* ------------------------------------------------------------- stores */

/* Expressions over domain axis vars -> over the segment's vars. */
static void to_seg_vars(Kz *z, IxExpr **e, int n)
{
    for (int k = 0; k < n; k++)
        e[k] = ix_subst(z->arena, e[k], z->axis_var);
}

static KStore *add_store(Kz *z, int buf, KOp *value, bool row, int rank, IxExpr *const *idx)
{
    KStore *st = ARENA_NEW(z->arena, KStore);
    st->buf = buf;
    st->value = value;
    st->row = row;
    memcpy(st->idx, idx, sizeof(IxExpr *) * (size_t)rank);
    ptrvec_push(z->arena, &z->seg->stores, st);
    return st;
}

/* e with the scatter-row leaf (FUSE_SCATTER_ROW) replaced by row. */
static IxExpr *put_row(Arena *a, const IxExpr *e, IxExpr *row)
{
    switch (e->kind) {
    case IX_VAL: return e->c == FUSE_SCATTER_ROW ? row : (IxExpr *)e;
    case IX_ADD: return ix_add(a, put_row(a, e->a, row), put_row(a, e->b, row));
    case IX_MUL: return ix_mul(a, put_row(a, e->a, row), put_row(a, e->b, row));
    case IX_DIV: return ix_div(a, put_row(a, e->a, row), put_row(a, e->b, row));
    case IX_MOD: return ix_mod(a, put_row(a, e->a, row), put_row(a, e->b, row));
    default: return (IxExpr *)e;
    }
}

/* A scatter's row: the index value at the store's element, as an IX_VAL
 * leaf, and the mask 0 <= row < rows (*mask). */
static IxExpr *scatter_row(Kz *z, const FStore *s, IxExpr *const *at, KOp **mask)
{
    IxExpr *iat[IR_MAX_RANK];
    for (int k = 0; k < s->index->rank; k++)
        iat[k] = ix_subst(z->arena, s->index_at[k], at);
    KOp *iv = emit(z, s->index, iat);
    IxExpr *row = ARENA_NEW(z->arena, IxExpr);
    row->kind = IX_VAL;
    row->c = iv->id;
    for (int i = 0; i < z->masks.len; i++) {
        const ScatterMask *m = z->masks.items[i];
        if (m->iv == iv && dim_eq(m->rows, s->rows)) {
            *mask = m->mask;
            return row;
        }
    }
    KOp *lim;
    if (s->rows.nsym) {
        lim = new_op(z, KO_INDEX, DT_I64, NULL, 0, NULL, NULL, NULL);
        lim->a.index.expr = ix_dim(z->arena, s->rows);
    } else {
        lim = konst_i(z, s->rows.coef);
    }
    KOp *ge = new_op(z, KO_BINARY, DT_BOOL, NULL, 2, iv, konst_i(z, 0), NULL);
    ge->a.binary = BIN_GE;
    KOp *lt = new_op(z, KO_BINARY, DT_BOOL, NULL, 2, iv, lim, NULL);
    lt->a.binary = BIN_LT;
    *mask = new_op(z, KO_BINARY, DT_BOOL, NULL, 2, ge, lt, NULL);
    (*mask)->a.binary = BIN_AND;
    ScatterMask *m = ARENA_NEW(z->arena, ScatterMask);
    *m = (ScatterMask){iv, s->rows, *mask};
    ptrvec_push(z->arena, &z->masks, m);
    return row;
}

/* The current segment's outer vars as indices: the partials' buffer
 * [outer..., part] (count: nouter), or the original outer dims (nouter - 1). */
static void outer_idx(Kz *z, IxExpr **idx, int count)
{
    for (int k = 0; k < count; k++)
        idx[k] = ix_var(z->arena, k);
}

/* Split, first phase: the reduction of this part, a row store into its
 * partials (a mean's partials are sums: the fold divides once). */
static void lower_partial(Kz *z, const IrNode *r)
{
    const IrNode *x = r->in[0];
    IxExpr *at[IR_MAX_RANK];
    for (int k = 0; k < x->rank; k++)
        at[k] = z->axis_var[k];
    KOp *v = emit(z, x, at);
    KOp *red = new_op(z, KO_REDUCE, r->dtype, r, 1, v, NULL, NULL);
    red->a.reduce.kind = r->a.reduce.kind == RED_MEAN ? RED_SUM : r->a.reduce.kind;
    red->row = false;
    IxExpr *idx[IR_MAX_RANK];
    outer_idx(z, idx, z->seg->nouter);
    add_store(z, z->part_buf[r->id], red, false, z->seg->nouter, idx);
}

/* Split, epilogue: reduction r's value, folded from its partials. */
static KOp *fold_partials(Kz *z, const IrNode *r)
{
    KOp *f = new_op(z, KO_FOLD, r->dtype, r, 0, NULL, NULL, NULL);
    f->a.fold.kind = r->a.reduce.kind;
    f->a.fold.buf = z->part_buf[r->id];
    f->a.fold.parts = z->parts;
    f->a.fold.total = z->row_total;
    outer_idx(z, f->a.fold.idx, z->seg->nouter - 1);
    return f;
}

static void lower_store(Kz *z, const FStore *s)
{
    const IrNode *r = s->root;
    IxExpr *at[IR_MAX_RANK], *dst[IR_MAX_RANK];
    if (z->split == 1) { /* the partials: each part's reduction, no other store */
        if (s->kind == FS_REDUCE)
            lower_partial(z, r);
        return;
    }
    if (s->kind == FS_REDUCE && z->split == 2) { /* the epilogue: fold the partials */
        z->reduce_op[r->id] = fold_partials(z, r);
        if (s->temp < 0)
            return;
    } else if (s->kind == FS_REDUCE) {
        const IrNode *x = r->in[0];
        for (int k = 0; k < x->rank; k++)
            at[k] = z->axis_var[k];
        KOp *v = emit(z, x, at);
        KOp *red = new_op(z, KO_REDUCE, r->dtype, r, 1, v, NULL, NULL);
        red->a.reduce.kind = r->a.reduce.kind;
        red->row = false;
        z->reduce_op[r->id] = red;
        if (s->temp < 0)
            return;
    }
    memcpy(at, s->bind, sizeof(IxExpr *) * (size_t)r->rank);
    to_seg_vars(z, at, r->rank);
    /* a collective's store writes this rank's term: the all_reduce's operand */
    KOp *v = emit(z, s->kind == FS_COLLECTIVE ? r->in[0] : r, at);
    KOp *mask = NULL;
    IxExpr *row = s->index ? scatter_row(z, s, at, &mask) : NULL;
    for (int k = 0; k < s->dst_rank; k++) {
        dst[k] = ix_subst(z->arena, s->dst[k], at);
        if (row)
            dst[k] = put_row(z->arena, dst[k], row);
    }
    int buf = s->kind != FS_OUTPUT ? z->temp_buf[r->id] : kprog_out_buf(z->prog, s->out);
    /* per element where the value, the index or the mask varies along the
     * row (an element-level store in a domain without row dims is once
     * per row) */
    bool per_elem = v->row || (mask && mask->row);
    for (int k = 0; k < s->dst_rank; k++)
        per_elem = per_elem || ix_row(z, dst[k]);
    add_store(z, buf, v, per_elem, s->dst_rank, dst)->mask = mask;
}

/* ------------------------------------------------------------ segments */

/* A split segment's domain [outer..., parts | part_len]: the original row
 * axes read at element e = part * part_len + v{nouter} of the original
 * row (row-major over its dims), part = the last outer var (the first
 * phase) or parts - 1 - it (the epilogue: reverse order). */
static void split_domain(Kz *z, const FSegment *fs, KSegment *seg)
{
    Arena *a = z->arena;
    seg->outer[seg->nouter++] = dim_const(z->parts);
    seg->row[seg->nrow++] = z->part_len;
    IxExpr *part = ix_var(a, seg->nouter - 1);
    if (z->split == 2) /* parts - 1 - v = (v + 1) (parts - 1) mod parts, never negative */
        part = ix_mod(a, ix_mul(a, ix_add(a, part, ix_const(a, 1)), ix_const(a, z->parts - 1)),
                      ix_const(a, z->parts));
    IxExpr *e = ix_add(a, ix_mul(a, part, ix_dim(a, z->part_len)), ix_var(a, seg->nouter));
    bool first = true;
    for (int k = 0; k < fs->rank; k++)
        if (fs->row_axes >> k & 1) {
            Dim later = dim_const(1);
            for (int j = k + 1; j < fs->rank; j++)
                if (fs->row_axes >> j & 1)
                    dim_mul(later, fs->shape[j], &later);
            IxExpr *v = ix_div(a, e, ix_dim(a, later));
            z->axis_var[k] = first ? v : ix_mod(a, v, ix_dim(a, fs->shape[k]));
            first = false;
        }
}

/* The mask of the epilogue's per-row stores: the first block of the row
 * (every part computes the same per-row values; one writes them). */
static KOp *first_part(Kz *z)
{
    KOp *pv = new_op(z, KO_INDEX, DT_I64, NULL, 0, NULL, NULL, NULL);
    pv->a.index.expr = ix_var(z->arena, z->seg->nouter - 1);
    KOp *eq = new_op(z, KO_BINARY, DT_BOOL, NULL, 2, pv, konst_i(z, 0), NULL);
    eq->a.binary = BIN_EQ;
    return eq;
}

static KSegment *lower_segment(Kz *z, const FSegment *fs)
{
    KSegment *seg = ARENA_NEW(z->arena, KSegment);
    z->seg = seg;
    for (int pass = 0, v = 0; pass < 2; pass++)
        for (int k = 0; k < fs->rank; k++) {
            bool row = fs->row_axes >> k & 1;
            if (row != (pass == 1))
                continue;
            if (z->split && row)
                continue;
            z->axis_var[k] = ix_var(z->arena, v++);
            if (row)
                seg->row[seg->nrow++] = fs->shape[k];
            else
                seg->outer[seg->nouter++] = fs->shape[k];
        }
    if (z->split)
        split_domain(z, fs, seg);
    z->nouter = seg->nouter;
    z->memo = NULL;
    z->memo_cap = z->memo_len = 0;
    z->masks.len = 0;
    for (int i = 0; i < fs->stores.len; i++)
        lower_store(z, fs->stores.items[i]);
    if (z->split == 2) {
        KOp *mask = NULL;
        for (int i = 0; i < seg->stores.len; i++) {
            KStore *st = seg->stores.items[i];
            if (!st->row)
                st->mask = mask ? mask : (mask = first_part(z));
        }
    }
    return seg;
}

/* ------------------------------------------------------------- buffers */

static void set_buf(KBuf *b, KBufKind kind, int index, const char *name, const IrNode *n)
{
    b->kind = kind;
    b->index = index;
    b->name = name;
    b->dtype = n->dtype;
    b->rank = n->rank;
    memcpy(b->shape, n->shape, sizeof(Dim) * (size_t)n->rank);
}

static void make_buffers(Kz *z)
{
    const IrGraph *g = z->plan->graph;
    KProgram *p = z->prog;
    int nnew = ir_num_new_outputs(g);
    p->nbuf = g->nparam + nnew + z->plan->ntemp;
    p->bufs = ARENA_ARRAY(z->arena, KBuf, p->nbuf ? p->nbuf : 1);
    for (int i = 0; i < g->nparam; i++) {
        set_buf(&p->bufs[i], KB_INPUT, i, g->params[i]->a.input.name, g->params[i]);
        p->bufs[i].written = ir_param_written(g, i);
    }
    for (int i = 0; i < g->nout; i++) { /* new outputs only: the others write their params */
        if (ir_output_dest(g, i))
            continue;
        const char *name = g->out_names && g->out_names[i]
                               ? g->out_names[i] : arena_printf(z->arena, "out%d", i);
        set_buf(&p->bufs[g->nparam + ir_new_output_index(g, i)], KB_OUTPUT, i, name, g->outs[i]);
    }
    for (int t = 0; t < z->plan->ntemp; t++) {
        int b = g->nparam + nnew + t;
        set_buf(&p->bufs[b], KB_TEMP, t, arena_printf(z->arena, "temp%d", t),
                z->plan->temp_node[t]);
        /* a temp hands a value on unrounded: only casts and output stores
         * round (a bf16 reduction's value is an f32) */
        if (dt_is_float(p->bufs[b].dtype))
            p->bufs[b].dtype = DT_F32;
        else if (p->bufs[b].dtype != DT_BOOL)
            p->bufs[b].dtype = DT_I64;
        z->temp_buf[z->plan->temp_node[t]->id] = b;
    }
}

/* Every segment's teams in one block of `block` threads. */
static void fit_block(Kernel *k, int block)
{
    for (int s = 0; s < k->nseg; s++)
        k->segs[s]->sched.rows_per_block = block / k->segs[s]->sched.threads_per_row;
    k->block = block;
}

/* The kernel's few-rows variant (Kernel.few_rows), or NULL when no
 * segment schedules differently for few rows. */
static Kernel *few_rows_kernel(Arena *a, Kernel *kn, const KProgram *prog)
{
    Kernel *f = ARENA_NEW(a, Kernel);
    *f = *kn;
    f->name = arena_printf(a, "%s_few", kn->name);
    f->segs = ARENA_ARRAY(a, KSegment *, kn->nseg);
    f->few_rows = NULL;
    int block = 0;
    bool any = false;
    for (int s = 0; s < kn->nseg; s++) {
        int want = 0;
        f->segs[s] = ARENA_NEW(a, KSegment);
        *f->segs[s] = *kn->segs[s];
        any |= sched_choose_few_rows(kn->segs[s], prog, &kn->segs[s]->sched,
                                     &f->segs[s]->sched, &want);
        if (want > block)
            block = want;
    }
    if (!any)
        return NULL;
    fit_block(f, block);
    kn->few_rows_grid_per_sm = sched_few_rows_grid_per_sm(kn, prog->target.wave);
    return f;
}

/* ---------------------------------------------------- split reductions */

/* A kernel whose rows are few and long (a reduction over the whole tensor)
 * would run one block per row and leave most of the GPU idle.  Such a
 * kernel is split in two (Kernel.split; docs/ir.md): the first phase cuts
 * each row into `parts` contiguous parts, one row of its own each, and
 * stores each part's reductions into partials (temps [outer..., parts]);
 * the epilogue runs over the same parts (in reverse order) and folds the
 * partials in every block (KO_FOLD, a fixed order) in place of each
 * reduction, then does the rest of the kernel's work for its part.
 *
 * When: the kernel has one segment, no scatter and no collective store;
 * every reduction's input reads no reduction of the segment (one round of
 * partials); at most SPLIT_MAX_ROWS rows, all static; the row length's
 * constant factor c gives parts = the largest power of two dividing c
 * with c / parts a multiple of SPLIT_PART_MULTIPLE (so every part starts
 * at a multiple of 16 elements: whole vector runs), at most
 * SPLIT_MAX_PARTS, at least SPLIT_MIN_PARTS; a static row has at least
 * SPLIT_MIN_ROW elements and parts of at least SPLIT_MIN_STATIC_PART (a
 * symbolic part is looped by a block of SPLIT_LANES: split_schedule).
 * The epilogue's teams must be whole waves (KO_FOLD); where the scheduler
 * makes them narrower, the kernel stays whole.  The number of parts
 * depends on the graph only, never on the sizes at launch or the device:
 * the bundle and the executor compute the same partials.  [T, 4096]: 256 parts of 16 T elements. */
enum {
    SPLIT_MAX_ROWS = 32,
    SPLIT_MIN_PARTS = 16,
    SPLIT_MAX_PARTS = 1024,
    SPLIT_PART_MULTIPLE = 16,
    SPLIT_MIN_ROW = 65536,
    SPLIT_MIN_STATIC_PART = 4096,
    SPLIT_LANES = 1024,
};

/* Does IX_VAL leaf e name an op that reads a reduction (ctx: dep[])? */
static bool val_dep(const IxExpr *e, void *ctx)
{
    return e->kind == IX_VAL && e->c >= 0 && ((const bool *)ctx)[e->c];
}

/* Does op o depend on a reduction of its segment, or is one?  dep[] is
 * filled for every op before o (ops are topological). */
static bool reads_reduction(const KOp *o, bool *dep)
{
    if (o->kind == KO_REDUCE)
        return true;
    for (int k = 0; k < o->nin; k++)
        if (dep[o->in[k]->id])
            return true;
    if (o->kind == KO_INDEX)
        return ix_any(o->a.index.expr, val_dep, dep);
    for (int k = 0; o->kind == KO_LOAD && k < IR_MAX_RANK; k++) /* a gather by a value */
        if (o->a.load.idx[k] && ix_any(o->a.load.idx[k], val_dep, dep))
            return true;
    return false;
}

/* The number of parts to split kernel seg (lowered whole) into, or 0. */
static int split_parts(Kz *z, const FSegment *fs, const KSegment *seg, Dim *total)
{
    for (int i = 0; i < fs->stores.len; i++) {
        const FStore *st = fs->stores.items[i];
        if (st->index || st->kind == FS_COLLECTIVE)
            return 0;
    }
    int64_t rows = 1;
    for (int k = 0; k < seg->nouter; k++) {
        if (seg->outer[k].nsym)
            return 0;
        rows *= seg->outer[k].coef;
        if (rows > SPLIT_MAX_ROWS)
            return 0;
    }
    Dim n = dim_const(1);
    for (int k = 0; k < seg->nrow; k++)
        if (!dim_mul(n, seg->row[k], &n))
            return 0;
    if (!n.nsym && n.coef < SPLIT_MIN_ROW)
        return 0;
    bool *dep = arena_alloc(z->arena, (size_t)seg->ops.len + 1);
    int nred = 0;
    for (int i = 0; i < seg->ops.len; i++) {
        const KOp *o = seg->ops.items[i];
        if (o->kind == KO_REDUCE && dep[o->in[0]->id])
            return 0; /* a reduction of a reduction: two rounds */
        nred += o->kind == KO_REDUCE;
        dep[i] = reads_reduction(o, dep);
    }
    if (!nred)
        return 0;
    int64_t parts = 1, len = n.nsym ? SPLIT_PART_MULTIPLE : SPLIT_MIN_STATIC_PART;
    while (parts < SPLIT_MAX_PARTS && n.coef % (parts * 2 * len) == 0)
        parts *= 2;
    if (parts < SPLIT_MIN_PARTS)
        return 0;
    *total = n;
    return (int)parts;
}

/* A temp of the partials of reduction r: f32 (or i64) [outer..., parts]. */
static int partial_buf(Kz *z, const IrNode *r, const KSegment *seg)
{
    KProgram *p = z->prog;
    KBuf *bufs = ARENA_ARRAY(z->arena, KBuf, p->nbuf + 1);
    memcpy(bufs, p->bufs, sizeof(KBuf) * (size_t)p->nbuf);
    p->bufs = bufs;
    KBuf *b = &bufs[p->nbuf];
    b->kind = KB_TEMP;
    b->index = z->ntemp++;
    b->name = arena_printf(z->arena, "temp%d", b->index);
    b->dtype = dt_is_float(r->dtype) ? DT_F32 : DT_I64;
    b->rank = seg->nouter;
    memcpy(b->shape, seg->outer, sizeof(Dim) * (size_t)seg->nouter);
    return p->nbuf++;
}

/* A kernel of fusion segment fs lowered with z->split set (the new
 * program kernel number k). */
static Kernel *split_kernel(Kz *z, const FSegment *fs, int k)
{
    const IrGraph *g = z->plan->graph;
    Kernel *kn = ARENA_NEW(z->arena, Kernel);
    kn->name = arena_printf(z->arena, "%s_k%d", g->name, k);
    kn->nseg = 1;
    kn->segs = ARENA_ARRAY(z->arena, KSegment *, 1);
    memset(z->reduce_op, 0, sizeof(KOp *) * (size_t)(g->nodes.len + 1));
    kn->segs[0] = lower_segment(z, fs);
    kn->split = z->split == 1 ? KSPLIT_PARTIALS : KSPLIT_EPILOGUE;
    kn->split_parts = z->parts;
    return kn;
}

/* Schedules, block, interleave and few-rows variant of a lowered kernel. */
static void schedule_kernel(Kz *z, Kernel *kn)
{
    int block = 0;
    for (int s = 0; s < kn->nseg; s++) {
        int want = 0;
        kn->segs[s]->sched = sched_choose(kn->segs[s], z->prog, &want);
        if (want > block)
            block = want;
    }
    fit_block(kn, block);
    kn->interleave = sched_interleave(kn);
    kn->few_rows = few_rows_kernel(z->arena, kn, z->prog);
}

/* A split kernel's part of symbolic length (a multiple of 16 elements):
 * instead of the scheduler's looped 128 lanes of 8-byte runs, one block of
 * SPLIT_LANES lanes per part (up to the target's block) and 16-byte runs
 * (the widest row element decides; every run is whole), so that the few
 * hundred parts still fill every SM.  An epilogue with no row work (the
 * reduction is only an output) gets one wave per part: it only folds. */
static void split_schedule(const Kz *z, Kernel *k)
{
    KSegment *seg = k->segs[0];
    if (seg->sched.chunks != 0 || kseg_static_row_len(seg) >= 0)
        return;
    int widest = 1;
    bool along = false; /* any load or store along the row */
    for (int i = 0; i < seg->ops.len + seg->stores.len; i++) {
        bool ld = i < seg->ops.len;
        const KOp *op = ld ? seg->ops.items[i] : NULL;
        const KStore *st = ld ? NULL : seg->stores.items[i - seg->ops.len];
        if (ld ? op->kind != KO_LOAD || !op->row : !st->row)
            continue;
        int bytes = dt_size(z->prog->bufs[ld ? op->a.load.buf : st->buf].dtype);
        widest = bytes > widest ? bytes : widest;
        along = true;
    }
    int lanes = SPLIT_LANES < z->prog->target.max_threads ? SPLIT_LANES
                                                          : z->prog->target.max_threads;
    seg->sched.threads_per_row = along ? lanes : z->prog->target.wave;
    seg->sched.vec = along ? 16 / widest : 1;
    seg->sched.rows_per_block = 1;
    seg->sched.why = along ? "a split reduction's part, known only at launch: looped, one "
                             "block of lanes per part, 16-byte runs"
                           : "a split reduction's epilogue with no work along the row: "
                             "one wave per part, folding";
    k->block = seg->sched.threads_per_row;
}

/* Are the teams of kernel k (and of its few-rows variant) whole waves, as
 * a fold of partials needs (kernel.h: KO_FOLD)? */
static bool whole_waves(const Kz *z, const Kernel *k)
{
    for (int v = 0; v < 2; v++) {
        const Kernel *x = v ? k->few_rows : k;
        for (int s = 0; x && s < x->nseg; s++)
            if (x->segs[s]->sched.threads_per_row < z->prog->target.wave)
                return false;
    }
    return true;
}

KProgram *pass_kernelize(const FusionPlan *plan, const KTarget *t, Diag *d)
{
    (void)d;
    const IrGraph *g = plan->graph;
    Arena *a = g->arena;
    Kz z = {.arena = a, .plan = plan};
    z.prog = ARENA_NEW(a, KProgram);
    z.prog->graph = g;
    z.prog->target = *t;
    z.temp_buf = ARENA_ARRAY(a, int, g->nodes.len + 1);
    for (int i = 0; i <= g->nodes.len; i++)
        z.temp_buf[i] = -1;
    make_buffers(&z);
    z.ntemp = plan->ntemp;
    z.part_buf = ARENA_ARRAY(a, int, g->nodes.len + 1);
    int nk = plan->kernels.len;
    z.prog->kernels = ARENA_ARRAY(a, Kernel *, 2 * nk + 1); /* a split kernel is two */
    int *last = ARENA_ARRAY(a, int, nk + 1); /* fusion kernel -> its last program kernel */
    z.reduce_op = ARENA_ARRAY(a, KOp *, g->nodes.len + 1);
    for (int k = 0, pk = 0; k < nk; k++) {
        const FKernel *fk = plan->kernels.items[k];
        Kernel *kn = ARENA_NEW(a, Kernel);
        kn->name = arena_printf(a, "%s_k%d", g->name, pk);
        kn->nseg = fk->segs.len;
        kn->segs = ARENA_ARRAY(a, KSegment *, fk->segs.len);
        for (int s = 0; s < fk->segs.len; s++) {
            memset(z.reduce_op, 0, sizeof(KOp *) * (size_t)(g->nodes.len + 1));
            kn->segs[s] = lower_segment(&z, fk->segs.items[s]);
        }
        Dim total;
        int parts = kn->nseg == 1 ? split_parts(&z, fk->segs.items[0], kn->segs[0], &total) : 0;
        int nbuf0 = z.prog->nbuf, ntemp0 = z.ntemp;
        if (parts) {
            const FSegment *fs = fk->segs.items[0];
            z.parts = parts;
            z.row_total = total;
            z.part_len = total;
            z.part_len.coef /= parts;
            for (int i = 0; i < fs->stores.len; i++) {
                const FStore *st = fs->stores.items[i];
                if (st->kind == FS_REDUCE) {
                    KSegment outer = *kn->segs[0];
                    outer.outer[outer.nouter++] = dim_const(parts);
                    z.part_buf[st->root->id] = partial_buf(&z, st->root, &outer);
                }
            }
            z.split = 1;
            Kernel *first = split_kernel(&z, fs, pk);
            schedule_kernel(&z, first);
            split_schedule(&z, first);
            z.split = 2;
            Kernel *epi = split_kernel(&z, fs, pk + 1);
            z.split = 0;
            schedule_kernel(&z, epi);
            split_schedule(&z, epi);
            if (whole_waves(&z, epi)) {
                first->name = kn->name;
                z.prog->kernels[pk++] = first;
                kn = epi;
            } else { /* the fold needs whole waves: keep the kernel whole */
                z.prog->nbuf = nbuf0;
                z.ntemp = ntemp0;
                parts = 0;
            }
        }
        if (!parts)
            schedule_kernel(&z, kn);
        last[k] = pk;
        z.prog->kernels[pk++] = kn;
        z.prog->nkernel = pk;
    }
    z.prog->ncoll = plan->ncoll;
    z.prog->colls = ARENA_ARRAY(a, KCollective, plan->ncoll ? plan->ncoll : 1);
    for (int c = 0, n = 0; c < plan->ncoll; c++) {
        KCollective kc = {.kind = KC_ALL_REDUCE_SUM, .after = last[plan->coll_after[c]],
                          .buf = z.temp_buf[plan->coll_node[c]->id],
                          .node = plan->coll_node[c]->id};
        int i = n++;
        for (; i > 0 && z.prog->colls[i - 1].after > kc.after; i--) /* stable insertion */
            z.prog->colls[i] = z.prog->colls[i - 1];
        z.prog->colls[i] = kc;
    }
    return z.prog;
}
