/* fuse.c - the fusion planner: which values each kernel computes.
 *
 * Requires: a graph after fold_layout (views composed, cats lifted).
 * Keeps: the graph untouched.  Produces: a FusionPlan.
 *
 * Model (Inductor's, extended).  Only two kinds of values are ever
 * "realized": graph outputs (written to their buffers) and reductions (kept
 * in registers, or written to a temporary when a later kernel reads them).
 * Everything else - pointwise ops, views, gathers, cats read inside an
 * expression - is recomputed inline wherever it is read, through composed
 * index maps; so a value is never copied because of its layout.
 *
 * Each realized value is a store with a root node and a domain: a shape
 * with a set of row axes.  A reduction's domain is its input's shape with
 * the reduced axes as the row; a pointwise store's is its root's shape with
 * the last axis as the row.  Before that, an output is peeled: invertible
 * views above it are undone (the store writes through the inverse map) and
 * a cat at the top is split into one store per part, each writing its slice
 * of the output.  So `transpose(scale)` and `cat([a, rope(b)])` cost nothing.
 *
 * Stores are placed greedily, reductions first, in topological order.  A
 * store joins an existing segment when fuse_why_not() allows it; otherwise
 * it opens a new segment, in the earliest kernel after everything it reads
 * and whose segments it can share a launch with (horizontal fusion), or in
 * a new kernel at the end.  So a kernel boundary appears exactly where a
 * value is needed at another row than the one computing it: a global
 * barrier.
 *
 * Collectives.  An all_reduce is realized like a reduction: its operand is
 * stored (FS_COLLECTIVE, element- or row-level in a segment like any store)
 * to a temp, the KProgram sums the temp over the ranks after that kernel,
 * and every reader of the all_reduce loads the temp in a later kernel
 * (never row-local: the sum exists only after the launch). */
#include <string.h>

#include "passes.h"

/* ------------------------------------------------------------ references */

/* A reduction read by a store's expression, at index `idx` (over the store
 * root's index vars; IX_VAL with c = -1 marks a data-dependent index). */
typedef struct {
    IrNode *red;
    IxExpr *idx[IR_MAX_RANK];
} Ref;

typedef struct {
    const IrNode *node;
    IxExpr *idx[IR_MAX_RANK];
} Visit;

typedef struct {
    Arena *arena;
    PtrVec refs;      /* Ref* */
    const Visit **seen; /* open-addressing set of the visits made (per store) */
    int nseen, cap;   /* cap: a power of two, or 0 */
} Walk;

static bool idx_equal(IxExpr *const *a, IxExpr *const *b, int rank)
{
    for (int k = 0; k < rank; k++)
        if (!ix_equal(a[k], b[k]))
            return false;
    return true;
}

static uint64_t visit_hash(const IrNode *n, IxExpr *const *idx)
{
    uint64_t h = (uint64_t)n->id * 0x9E3779B97F4A7C15ull;
    for (int k = 0; k < n->rank; k++)
        h = (h ^ ix_hash(idx[k])) * 0x100000001B3ull;
    return h;
}

/* The slot of (n, idx) in w->seen: where it is, or the empty one to put it. */
static const Visit **seen_slot(Walk *w, const IrNode *n, IxExpr *const *idx)
{
    size_t mask = (size_t)w->cap - 1, i = (size_t)visit_hash(n, idx) & mask;
    while (w->seen[i] && !(w->seen[i]->node == n && idx_equal(w->seen[i]->idx, idx, n->rank)))
        i = (i + 1) & mask;
    return &w->seen[i];
}

/* Whether n at idx was visited before; records the visit if not. */
static bool visited(Walk *w, const Visit *v)
{
    if (2 * (w->nseen + 1) > w->cap) { /* grow: half full at most */
        const Visit **old = w->seen;
        int oldcap = w->cap;
        w->cap = oldcap ? oldcap * 2 : 64;
        w->seen = ARENA_ARRAY(w->arena, const Visit *, w->cap);
        for (int i = 0; i < oldcap; i++)
            if (old[i])
                *seen_slot(w, old[i]->node, old[i]->idx) = old[i];
    }
    const Visit **slot = seen_slot(w, v->node, v->idx);
    if (*slot)
        return true;
    *slot = v;
    w->nseen++;
    return false;
}

/* Index of a cat part k read at cat index i along its dim: i - off_k
 * whenever i is inside part k, and some in-range index otherwise (so a
 * select can evaluate every part safely): (i + c) % size_k with
 * c = m*size_k - off_k >= 0 (part 0 too: i itself runs past part 0
 * where a later part is selected). */
IxExpr *fuse_cat_part_index(Arena *a, const IrNode *cat, int k, IxExpr *i)
{
    int d = cat->a.cat.dim;
    Dim size = cat->in[k]->shape[d];
    int64_t off = 0;
    for (int j = 0; j < k; j++)
        off += cat->in[j]->shape[d].coef; /* like terms */
    int64_t m = (off + size.coef - 1) / size.coef;
    Dim c = size;
    c.coef = m * size.coef - off;
    return ix_mod(a, c.coef ? ix_add(a, i, ix_dim(a, c)) : i, ix_dim(a, size));
}

/* A pending visit of walk(): node n read at idx (arena copy). */
static Visit *pending(Walk *w, const IrNode *n, IxExpr *const *idx)
{
    Visit *v = ARENA_NEW(w->arena, Visit);
    v->node = n;
    memcpy(v->idx, idx, sizeof(IxExpr *) * (size_t)n->rank);
    return v;
}

/* Visit one node: record a reduction, or push its operands (in reverse, so
 * they pop in operand order) with the index each is read at. */
static void walk_node(Walk *w, PtrVec *stack, const IrNode *n, IxExpr *const *idx)
{
    IxExpr *sub[IR_MAX_RANK];
    Visit *next[2];
    switch (n->op) {
    case IR_ALLREDUCE:
    case IR_REDUCE: {
        Ref *r = ARENA_NEW(w->arena, Ref);
        r->red = (IrNode *)n;
        memcpy(r->idx, idx, sizeof(IxExpr *) * (size_t)n->rank);
        ptrvec_push(w->arena, &w->refs, r);
        return;
    }
    case IR_VIEW:
        for (int k = 0; k < n->in[0]->rank; k++)
            sub[k] = ix_subst(w->arena, n->a.view.src[k], idx);
        ptrvec_push(w->arena, stack, pending(w, n->in[0], sub));
        return;
    case IR_CAT:
        for (int p = n->nin - 1; p >= 0; p--) {
            memcpy(sub, idx, sizeof(IxExpr *) * (size_t)n->rank);
            sub[n->a.cat.dim] = fuse_cat_part_index(w->arena, n, p, idx[n->a.cat.dim]);
            ptrvec_push(w->arena, stack, pending(w, n->in[p], sub));
        }
        return;
    case IR_GATHER: {
        const IrNode *t = n->in[0], *ix = n->in[1];
        int d = n->a.gather.dim;
        next[0] = pending(w, ix, idx + d);
        IxExpr *data = ARENA_NEW(w->arena, IxExpr);
        data->kind = IX_VAL;
        data->c = -1; /* data-dependent: never row-local */
        for (int k = 0; k < t->rank; k++)
            sub[k] = k < d ? idx[k] : k == d ? data : idx[k - 1 + ix->rank];
        next[1] = pending(w, t, sub);
        ptrvec_push(w->arena, stack, next[1]);
        ptrvec_push(w->arena, stack, next[0]);
        return;
    }
    default: /* pointwise: operands share the index */
        for (int k = n->nin - 1; k >= 0; k--)
            ptrvec_push(w->arena, stack, pending(w, n->in[k], idx));
        return;
    }
}

/* Every reduction the expression rooted at n (read at idx) reads, in
 * depth-first operand order; iterative, so any graph depth fits the stack. */
static void walk(Walk *w, const IrNode *n, IxExpr *const *idx)
{
    PtrVec stack = {0};
    ptrvec_push(w->arena, &stack, pending(w, n, idx));
    while (stack.len) {
        const Visit *v = stack.items[--stack.len];
        if (v->node->op == IR_INPUT || v->node->op == IR_CONST || v->node->op == IR_IOTA ||
            visited(w, v))
            continue;
        walk_node(w, &stack, v->node, v->idx);
    }
}

/* ---------------------------------------------------------------- plan */

typedef struct {
    FStore s;
    Ref **refs;
    int nrefs;
    int kernel, seg;     /* placement */
} Item;

typedef struct {
    FusionPlan *plan;
    Arena *arena;
    bool split_dest_cats;      /* never store a cat whole into a parameter it reads */
    PtrVec items;        /* Item* */
    Item **of_reduce;    /* node id -> the reduction's item */
} Planner;

static IxExpr **identity(Arena *a, int rank)
{
    IxExpr **v = ARENA_ARRAY(a, IxExpr *, rank ? rank : 1);
    for (int k = 0; k < rank; k++)
        v[k] = ix_var(a, k);
    return v;
}

static void collect_refs(Planner *P, Item *it)
{
    Walk w = {.arena = P->arena};
    const IrNode *start = it->s.root;
    if (it->s.kind == FS_COLLECTIVE) {
        start = start->in[0];
    } else if (start->op == IR_REDUCE) {
        if (it->s.kind != FS_REDUCE) {
            it->nrefs = 0; /* an output that is a reduction reads only it */
            return;
        }
        start = start->in[0];
    }
    walk(&w, start, identity(P->arena, start->rank));
    if (it->s.index) /* the scatter's index is read by the store too */
        walk(&w, it->s.index, it->s.index_at);
    it->refs = (Ref **)w.refs.items;
    it->nrefs = w.refs.len;
}

/* A new item for store `s` (copied; kind, root, out, dst and the
 * destination fields set by the caller). */
static Item *new_item(Planner *P, const FStore *s)
{
    Item *it = ARENA_NEW(P->arena, Item);
    it->s = *s;
    it->s.temp = -1;
    it->kernel = it->seg = -1;
    collect_refs(P, it);
    ptrvec_push(P->arena, &P->items, it);
    return it;
}

/* Substitute vars in a store's index expressions (dst and index_at): the
 * store moves from a value to the operand it was computed from. */
static void subst_store(Arena *a, FStore *s, IxExpr *const *by)
{
    for (int k = 0; k < s->dst_rank; k++)
        s->dst[k] = ix_subst(a, s->dst[k], by);
    for (int k = 0; s->index && k < s->index->rank; k++)
        s->index_at[k] = ix_subst(a, s->index_at[k], by);
}

/* Does the expression of n (at its own index) read parameter p? */
static bool reads_param(Planner *P, const IrNode *n, int p)
{
    PtrVec stack = {0};
    char *seen = arena_alloc(P->arena, (size_t)P->plan->graph->nodes.len + 1);
    ptrvec_push(P->arena, &stack, (void *)n);
    while (stack.len) {
        const IrNode *x = stack.items[--stack.len];
        if (seen[x->id]++)
            continue;
        if (x->op == IR_INPUT && x->a.input.index == p)
            return true;
        for (int k = 0; k < x->nin; k++)
            ptrvec_push(P->arena, &stack, x->in[k]);
    }
    return false;
}

/* Is cat n better stored whole: along its last dim, with a part that reads
 * a reduction over that dim of a value of n's own shape (RMSNorm over a
 * head, then a NeoX rotation of its halves)?  Split, its half-row parts
 * would need a domain of their own, so a second kernel; whole, the store
 * sits in the reduction's row and selects its part per element.  Where
 * the store writes into a parameter the value reads, the parts read
 * elements of that parameter another run writes: legal only where the
 * plan serves them from the lane's registers (passes/dest.c decides; the
 * pipeline plans again with split_dest_cats where it refuses). */
static bool keep_cat_whole(Planner *P, const IrNode *n, const FStore *s)
{
    int d = n->a.cat.dim;
    bool own = s->dest >= 0 && reads_param(P, n, s->dest);
    if (d != n->rank - 1 || (own && P->split_dest_cats))
        return false;
    Walk w = {.arena = P->arena};
    walk(&w, n, identity(P->arena, n->rank));
    for (int i = 0; i < w.refs.len; i++) {
        const IrNode *red = ((const Ref *)w.refs.items[i])->red, *x = red->in[0];
        if (red->op == IR_REDUCE && (red->a.reduce.axes >> d & 1) && x->rank == n->rank) {
            bool same = true;
            for (int k = 0; k < n->rank && same; k++)
                same = dim_eq(x->shape[k], n->shape[k]);
            if (same) {
                P->plan->whole_dest_cat |= own;
                return true;
            }
        }
    }
    return false;
}

/* Output stores for value n written as s says (indices over n's vars):
 * peel invertible views, split cats into their parts (unless a cat is
 * better stored whole: keep_cat_whole). */
static void output_stores(Planner *P, IrNode *n, FStore s)
{
    Arena *a = P->arena;
    while (n->op == IR_VIEW && n->a.view.invertible) {
        subst_store(a, &s, n->a.view.inv);
        n = n->in[0];
    }
    if (n->op == IR_CAT && !keep_cat_whole(P, n, &s)) {
        int d = n->a.cat.dim;
        Dim off = dim_const(0);
        for (int p = 0; p < n->nin; p++) {
            IrNode *part = n->in[p];
            IxExpr **shift = identity(a, part->rank);
            if (off.coef)
                shift[d] = ix_add(a, shift[d], ix_dim(a, off));
            FStore ps = s;
            subst_store(a, &ps, shift);
            output_stores(P, part, ps);
            Dim size = part->shape[d];
            if (!off.coef)
                off = size;
            else
                off.coef += size.coef;
        }
        return;
    }
    s.root = n;
    new_item(P, &s);
}

/* The store of output o before peeling: its buffer's index over the
 * output's vars (a new output's identity, or the destination's map with
 * a scatter's row as FUSE_SCATTER_ROW). */
static FStore output_store(Planner *P, const IrGraph *g, int o)
{
    Arena *a = P->arena;
    const IrNode *n = g->outs[o];
    const IrDest *d = ir_output_dest(g, o);
    FStore s = {.kind = FS_OUTPUT, .root = g->outs[o], .out = o, .dest = -1};
    IxExpr **id = identity(a, n->rank);
    if (!d) {
        s.dst_rank = n->rank;
        memcpy(s.dst, id, sizeof(IxExpr *) * (size_t)n->rank);
        return s;
    }
    const IrNode *p = g->params[d->param];
    s.dest = d->param;
    s.dst_rank = p->rank;
    IxExpr *u[IR_MAX_RANK];
    memcpy(u, id, sizeof(IxExpr *) * (size_t)n->rank);
    if (d->index) {
        int r = d->index->rank;
        IxExpr *row = ARENA_NEW(a, IxExpr);
        row->kind = IX_VAL;
        row->c = FUSE_SCATTER_ROW;
        u[0] = row;
        for (int j = 1; j + r - 1 < n->rank; j++)
            u[j] = id[j + r - 1];
        s.index = d->index;
        memcpy(s.index_at, id, sizeof(IxExpr *) * (size_t)r);
        s.rows = d->rows;
    }
    for (int k = 0; k < p->rank; k++)
        s.dst[k] = ix_subst(a, d->map[k], u);
    return s;
}

/* ------------------------------------------------------------- domains */

/* The domain a store would open by itself. */
static void own_domain(const Item *it, FSegment *seg)
{
    const IrNode *r = it->s.root;
    if (r->op == IR_REDUCE) {
        seg->rank = r->in[0]->rank;
        memcpy(seg->shape, r->in[0]->shape, sizeof(Dim) * (size_t)seg->rank);
        seg->row_axes = r->a.reduce.axes;
    } else {
        seg->rank = r->rank;
        memcpy(seg->shape, r->shape, sizeof(Dim) * (size_t)seg->rank);
        seg->row_axes = r->rank ? 1u << (r->rank - 1) : 0;
    }
}

static bool shape_is(const IrNode *n, int rank, const Dim *shape)
{
    if (n->rank != rank)
        return false;
    for (int k = 0; k < rank; k++)
        if (!dim_eq(n->shape[k], shape[k]))
            return false;
    return true;
}

/* How store `it` would sit in domain seg: element-level (root has the
 * domain's shape) or row-level (root has the reduced shape, with or without
 * the kept 1s).  Fills bind (root var -> domain axis var) and *row. */
static bool bind_to(Arena *a, const Item *it, const FSegment *seg, IxExpr **bind, bool *row)
{
    const IrNode *r = it->s.root;
    if (r->op == IR_REDUCE) { /* a reduction sits only in its own domain */
        FSegment own;
        own_domain(it, &own);
        if (own.rank != seg->rank || own.row_axes != seg->row_axes ||
            !shape_is(r->in[0], seg->rank, seg->shape))
            return false;
    } else if (shape_is(r, seg->rank, seg->shape)) {
        for (int k = 0; k < r->rank; k++)
            bind[k] = ix_var(a, k);
        *row = false;
        return true;
    }
    /* row-level: keepdim form, then the form without reduced axes */
    Dim kept[IR_MAX_RANK], dropped[IR_MAX_RANK];
    int nd = 0;
    for (int k = 0; k < seg->rank; k++) {
        bool red = seg->row_axes >> k & 1;
        kept[k] = red ? dim_const(1) : seg->shape[k];
        if (!red)
            dropped[nd++] = seg->shape[k];
    }
    *row = true;
    if (seg->row_axes && shape_is(r, seg->rank, kept)) {
        for (int k = 0; k < r->rank; k++)
            bind[k] = seg->row_axes >> k & 1 ? ix_const(a, 0) : ix_var(a, k);
        return true;
    }
    if (seg->row_axes && shape_is(r, nd, dropped)) {
        for (int k = 0, j = 0; k < seg->rank; k++)
            if (!(seg->row_axes >> k & 1))
                bind[j++] = ix_var(a, k);
        return true;
    }
    return false;
}

/* Is reduction reference (ref, read through binding bind) the current
 * row's value of a reduction computed in domain seg? */
static bool row_local(Arena *a, const Ref *ref, IxExpr *const *bind, const FSegment *seg)
{
    const IrNode *red = ref->red;
    bool keep = red->a.reduce.keepdim;
    for (int j = 0, axis = 0; j < red->rank; j++, axis++) {
        if (!keep)
            while (seg->row_axes >> axis & 1)
                axis++;
        IxExpr *got = ix_subst(a, ref->idx[j], bind);
        bool reduced = seg->row_axes >> axis & 1;
        if (reduced ? !(got->kind == IX_CONST && got->c == 0)
                    : !(got->kind == IX_VAR && got->c == axis))
            return false;
    }
    return true;
}

static FSegment *seg_at(const FusionPlan *p, int k, int s)
{
    FKernel *kn = p->kernels.items[k];
    return kn->segs.items[s];
}

/* The decision, in one place: NULL if store `it` may join segment (k, s),
 * else why not.
 * A store joins when it sits in the segment's domain (bind_to) and every
 * reduction it reads is either the current row's value of a reduction of
 * the same segment, or was computed by an earlier kernel. */
static const char *why_not(Planner *P, const Item *it, int k, int s, IxExpr **bind, bool *row)
{
    const FSegment *seg = seg_at(P->plan, k, s);
    if (!bind_to(P->arena, it, seg, bind, row))
        return "different domain";
    const IrNode *root = it->s.root;
    if (it->s.kind == FS_OUTPUT && root->op == IR_REDUCE) {
        const Item *src = P->of_reduce[root->id];
        return src->kernel == k && src->seg == s ? NULL : "the reduction lives in another segment";
    }
    /* a reduction's references are over its input's vars: the axis vars */
    IxExpr **rb = it->s.kind == FS_REDUCE ? identity(P->arena, root->in[0]->rank) : bind;
    for (int i = 0; i < it->nrefs; i++) {
        const Ref *ref = it->refs[i];
        const Item *src = P->of_reduce[ref->red->id];
        if (src == it)
            continue;
        if (src->kernel < k)
            continue;
        if (ref->red->op == IR_ALLREDUCE)
            return "reads an all_reduce (summed over the ranks after its launch)";
        if (src->kernel == k && src->seg == s && row_local(P->arena, ref, rb, seg))
            continue;
        return src->kernel == k && src->seg == s ? "reads a reduction at another row"
                                                 : "reads a reduction of a later launch";
    }
    return NULL;
}

/* Segments share a launch when all of them keep short static rows in
 * registers: each block then runs one schedule family (see schedule.c). */
static bool horizontal_ok(const FKernel *kn, const FSegment *seg)
{
    const int max_row = 16384;
    PtrVec one = {.items = (void **)&seg, .len = 1};
    const PtrVec *lists[2] = {&kn->segs, &one};
    for (int l = 0; l < 2; l++)
        for (int i = 0; i < lists[l]->len; i++) {
            const FSegment *s = lists[l]->items[i];
            int64_t n = 1;
            for (int k = 0; k < s->rank; k++)
                if (s->row_axes >> k & 1) {
                    if (s->shape[k].nsym)
                        return false;
                    n *= s->shape[k].coef;
                }
            if (n > max_row)
                return false;
        }
    return true;
}

static void join(Planner *P, Item *it, int k, int s, IxExpr **bind, bool row)
{
    FSegment *seg = seg_at(P->plan, k, s);
    it->kernel = k;
    it->seg = s;
    it->s.row = row;
    memcpy(it->s.bind, bind, sizeof(IxExpr *) * (size_t)it->s.root->rank);
    ptrvec_push(P->arena, &seg->stores, it);
}

static void place(Planner *P, Item *it)
{
    FusionPlan *p = P->plan;
    IxExpr *bind[IR_MAX_RANK];
    bool row;
    const char *why = "its rows cannot share a launch with the last kernel's";
    for (int k = p->kernels.len - 1; k >= 0; k--) {
        FKernel *kn = p->kernels.items[k];
        for (int s = 0; s < kn->segs.len; s++) {
            const char *no = why_not(P, it, k, s, bind, &row);
            if (!no) {
                join(P, it, k, s, bind, row);
                return;
            }
            if (k == p->kernels.len - 1)
                why = no;
        }
    }
    /* a new segment: after every kernel it reads from */
    int first = 0;
    for (int i = 0; i < it->nrefs; i++) {
        const Item *src = P->of_reduce[it->refs[i]->red->id];
        if (src != it && src->kernel + 1 > first)
            first = src->kernel + 1;
    }
    FSegment *seg = ARENA_NEW(P->arena, FSegment);
    own_domain(it, seg);
    int k = first;
    while (k < p->kernels.len && !horizontal_ok(p->kernels.items[k], seg))
        k++;
    if (k == p->kernels.len) {
        FKernel *fresh = ARENA_NEW(P->arena, FKernel);
        fresh->why = k ? why : NULL;
        ptrvec_push(P->arena, &p->kernels, fresh);
    }
    FKernel *kn = p->kernels.items[k];
    ptrvec_push(P->arena, &kn->segs, seg);
    bool ok = !why_not(P, it, k, kn->segs.len - 1, bind, &row);
    IR_ASSERT(ok);
    join(P, it, k, kn->segs.len - 1, bind, row);
}

/* Reductions read from another kernel are written to a temporary. */
static void assign_temps(Planner *P)
{
    FusionPlan *p = P->plan;
    PtrVec temps = {0};
    p->coll_node = ARENA_ARRAY(P->arena, IrNode *, P->items.len + 1);
    p->coll_after = ARENA_ARRAY(P->arena, int, P->items.len + 1);
    for (int i = 0; i < P->items.len; i++) { /* every collective sums a temp */
        Item *it = P->items.items[i];
        if (it->s.kind != FS_COLLECTIVE)
            continue;
        it->s.temp = temps.len;
        ptrvec_push(P->arena, &temps, it->s.root);
        it->s.dst_rank = it->s.root->rank;
        IxExpr **id = identity(P->arena, it->s.root->rank);
        memcpy(it->s.dst, id, sizeof(IxExpr *) * (size_t)it->s.root->rank);
        p->coll_node[p->ncoll] = it->s.root;
        p->coll_after[p->ncoll++] = it->kernel;
    }
    for (int i = 0; i < P->items.len; i++) {
        Item *it = P->items.items[i];
        for (int j = 0; j < it->nrefs; j++) {
            Item *src = P->of_reduce[it->refs[j]->red->id];
            if (src == it || src->kernel == it->kernel || src->s.temp >= 0)
                continue;
            if (src->s.kind == FS_COLLECTIVE)
                continue; /* has its temp already */
            src->s.temp = temps.len;
            ptrvec_push(P->arena, &temps, src->s.root);
            src->s.dst_rank = src->s.root->rank;
            IxExpr **id = identity(P->arena, src->s.root->rank);
            memcpy(src->s.dst, id, sizeof(IxExpr *) * (size_t)src->s.root->rank);
        }
    }
    p->ntemp = temps.len;
    p->temp_node = (IrNode **)temps.items;
}

FusionPlan *pass_fuse(IrGraph *g, Diag *d)
{
    return pass_fuse_opt(g, d, false);
}

FusionPlan *pass_fuse_opt(IrGraph *g, Diag *d, bool split_dest_cats)
{
    (void)d;
    Planner P = {.arena = g->arena, .split_dest_cats = split_dest_cats};
    P.plan = ARENA_NEW(g->arena, FusionPlan);
    P.plan->graph = g;
    P.of_reduce = ARENA_ARRAY(g->arena, Item *, g->nodes.len + 1);
    for (int i = 0; i < g->nodes.len; i++) {
        IrNode *n = g->nodes.items[i];
        if (n->op == IR_REDUCE || n->op == IR_ALLREDUCE) {
            FStore s = {.kind = n->op == IR_REDUCE ? FS_REDUCE : FS_COLLECTIVE, .root = n,
                        .out = -1, .dest = -1};
            P.of_reduce[i] = new_item(&P, &s);
        }
    }
    for (int o = 0; o < g->nout; o++)
        output_stores(&P, g->outs[o], output_store(&P, g, o));
    for (int i = 0; i < P.items.len; i++)
        place(&P, P.items.items[i]);
    assign_temps(&P);
    for (int k = 0; k < P.plan->kernels.len; k++) { /* publish the stores */
        FKernel *kn = P.plan->kernels.items[k];
        for (int s = 0; s < kn->segs.len; s++) {
            FSegment *seg = kn->segs.items[s];
            for (int i = 0; i < seg->stores.len; i++)
                seg->stores.items[i] = &((Item *)seg->stores.items[i])->s;
        }
    }
    return P.plan;
}

/* ------------------------------------------------------------ printing */

static void print_domain(const IrGraph *g, const FSegment *s, FILE *out)
{
    fputc('[', out);
    const char *sep = "";
    for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < s->rank; k++) {
            if (((s->row_axes >> k) & 1) != (unsigned)pass)
                continue;
            char buf[64];
            fprintf(out, "%s%s", sep, dim_str(s->shape[k], g->syms, buf, sizeof buf));
            sep = ", ";
        }
        if (pass == 0)
            fputs(s->row_axes ? (s->row_axes == (1u << s->rank) - 1 ? "| " : " | ") : "", out),
                sep = "";
    }
    fputc(']', out);
}

void fuse_print(const FusionPlan *p, FILE *out)
{
    const IrGraph *g = p->graph;
    fprintf(out, "fusion plan for graph %s: %d kernel%s\n", g->name, p->kernels.len,
            p->kernels.len == 1 ? "" : "s");
    for (int k = 0; k < p->kernels.len; k++) {
        const FKernel *kn = p->kernels.items[k];
        fprintf(out, "  kernel %d: %d segment%s%s%s\n", k, kn->segs.len, kn->segs.len == 1 ? "" : "s",
                kn->why ? "; a new launch: " : "", kn->why ? kn->why : "");
        for (int s = 0; s < kn->segs.len; s++) {
            const FSegment *seg = kn->segs.items[s];
            fprintf(out, "    segment %d domain ", s);
            print_domain(g, seg, out);
            fputc('\n', out);
            for (int i = 0; i < seg->stores.len; i++) {
                const FStore *st = seg->stores.items[i];
                if (st->kind == FS_REDUCE)
                    fprintf(out, "      reduce %%%d%s", st->root->id, st->temp >= 0 ? "" : "\n");
                else if (st->kind == FS_COLLECTIVE)
                    fprintf(out, "      %s store %%%d (all_reduce operand)",
                            st->row ? "row" : "element", st->root->in[0]->id);
                else if (st->dest >= 0)
                    fprintf(out, "      %s store %%%d -> %s%s", st->row ? "row" : "element",
                            st->root->id, g->params[st->dest]->a.input.name,
                            st->index ? " (scatter)" : "");
                else
                    fprintf(out, "      %s store %%%d -> out%d", st->row ? "row" : "element",
                            st->root->id, st->out);
                if (st->temp >= 0)
                    fprintf(out, " -> temp%d\n", st->temp);
                else if (st->kind == FS_OUTPUT)
                    fputc('\n', out);
            }
        }
        for (int c = 0; c < p->ncoll; c++)
            if (p->coll_after[c] == k)
                fprintf(out, "  all_reduce %%%d: sum over the ranks\n", p->coll_node[c]->id);
    }
}
