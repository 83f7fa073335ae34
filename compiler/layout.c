/* layout.c - layout operations and indexing, lowered to index maps.
 *
 * Nothing here copies data: reshape, permute, transpose, slice, split,
 * chunk, expand, squeeze, unsqueeze, flatten, unflatten and x[...] become
 * one IR_VIEW each (an affine map from the result's indices to the
 * operand's, with floor-div and mod where a reshape merges or splits dims);
 * cat/stack become IR_CAT and x[idx]/gather become IR_GATHER. */
#include <string.h>

#include "layout.h"

/* ------------------------------------------------------------- helpers */

static Dim product(Lower *L, const Dim *d, int n, Span s)
{
    Dim p = dim_const(1);
    for (int i = 0; i < n; i++)
        if (!dim_mul(p, d[i], &p))
            lw_fail(L, s, "size product out of range");
    return p;
}

static const char *dim_text(Lower *L, Dim d)
{
    char buf[64];
    return arena_strdup(L->arena, dim_str(d, L->g->syms, buf, sizeof buf));
}

/* Shape list: integers (>= 1) and symbolic sizes; -1 is recorded as a Dim
 * with coef -1 when allow_minus1, and *minus1_at says where (or -1). */
static int shape_arg(Lower *L, const Value *v, Dim *out, bool allow_minus1, bool many_minus1,
                     int *minus1_at)
{
    if (v->k != V_LIST && v->k != V_TUPLE)
        lw_fail(L, v->span, "a shape must be a list such as [T, 32, 128], not %s",
                lw_kind_name(v));
    if (v->n > IR_MAX_RANK)
        lw_fail(L, v->span, "rank %d is over the limit of %d", v->n, IR_MAX_RANK);
    *minus1_at = -1;
    for (int i = 0; i < v->n; i++) {
        const Value *it = &v->items[i];
        if (it->k == V_DIM) {
            out[i] = it->dim;
        } else if (it->k == V_INT && it->i == -1 && allow_minus1) {
            if (*minus1_at >= 0 && !many_minus1)
                lw_fail(L, it->span, "only one size can be -1");
            *minus1_at = i;
            out[i] = (Dim){.coef = -1};
        } else if (it->k == V_INT) {
            if (it->i < 1 || it->i > ((int64_t)1 << 40))
                lw_fail(L, it->span, "size %lld out of range (1..2^40)", (long long)it->i);
            out[i] = dim_const(it->i);
        } else {
            lw_fail(L, it->span, "a size must be an integer or a size symbol, not %s",
                    lw_kind_name(it));
        }
    }
    return v->n;
}

static IrNode *view(Lower *L, IrNode *x, int rank, const Dim *shape, IxExpr **src, Span s)
{
    return ir_view(L->g, x, rank, shape, src, s);
}

/* --------------------------------------------------------------- reshape */

/* One group of a reshape: source dims [i0, i1) hold the same elements as
 * target dims [j0, j1); set the index of each source dim over target vars. */
static void reshape_group(Lower *L, const Dim *from, int i0, int i1, const Dim *to, int j0,
                          int j1, IxExpr **src, Span s)
{
    Arena *a = L->arena;
    IxExpr *lin = ix_const(a, 0);
    for (int j = j0; j < j1; j++) {
        Dim stride = product(L, to + j + 1, j1 - j - 1, s);
        lin = ix_add(a, lin, ix_mul(a, ix_var(a, j), ix_dim(a, stride)));
    }
    for (int i = i0; i < i1; i++) {
        Dim stride = product(L, from + i + 1, i1 - i - 1, s);
        IxExpr *e = ix_div(a, lin, ix_dim(a, stride));
        if (i > i0)
            e = ix_mod(a, e, ix_dim(a, from[i]));
        src[i] = e;
    }
}

/* The index map of viewing shape `from` (m dims) as `to` (same element
 * count, checked by the caller): src[i] is from's index i over to's vars.
 * Dims are matched in groups of equal products so the maps stay simple. */
static void reshape_map(Lower *L, const Dim *from, int m, const Dim *to, int rank, IxExpr **src,
                        Span s)
{
    int i = 0, j = 0;
    while (i < m || j < rank) {
        int i0 = i, j0 = j;
        Dim pa = i < m ? from[i++] : dim_const(1);
        Dim pb = j < rank ? to[j++] : dim_const(1);
        while (!dim_eq(pa, pb)) {
            Dim q;
            bool grow_b = dim_div(pa, pb, &q) ? j < rank : !(dim_div(pb, pa, &q) && i < m);
            if (grow_b && j >= rank)
                grow_b = false;
            if (!grow_b && i >= m)
                lw_fail(L, s, "internal: reshape groups do not match");
            if (grow_b && !dim_mul(pb, to[j++], &pb))
                lw_fail(L, s, "size product out of range");
            if (!grow_b && !dim_mul(pa, from[i++], &pa))
                lw_fail(L, s, "size product out of range");
        }
        reshape_group(L, from, i0, i, to, j0, j, src, s);
    }
}

/* x viewed as shape (same element count, checked by the caller), with the
 * inverse map recorded: a reshape is a bijection. */
static IrNode *reshape(Lower *L, IrNode *x, int rank, const Dim *shape, Span s)
{
    bool same = x->rank == rank;
    for (int k = 0; same && k < rank; k++)
        same = dim_eq(x->shape[k], shape[k]);
    if (same)
        return x;
    IxExpr *src[IR_MAX_RANK], *inv[IR_MAX_RANK];
    reshape_map(L, x->shape, x->rank, shape, rank, src, s);
    reshape_map(L, shape, rank, x->shape, x->rank, inv, s);
    IrNode *n = view(L, x, rank, shape, src, s);
    memcpy(n->a.view.inv, inv, sizeof(IxExpr *) * (size_t)rank);
    n->a.view.invertible = true;
    return n;
}

/* Resolve a -1 in shape and check the element count against x's. */
static void complete_shape(Lower *L, const IrNode *x, int rank, Dim *shape, int minus1_at, Span s)
{
    Dim total = product(L, x->shape, x->rank, s);
    if (minus1_at >= 0) {
        Dim known = dim_const(1);
        for (int k = 0; k < rank; k++)
            if (k != minus1_at && !dim_mul(known, shape[k], &known))
                lw_fail(L, s, "size product out of range");
        if (!dim_div(total, known, &shape[minus1_at]))
            lw_fail(L, s, "cannot view %s as %s: %s elements do not divide into rows of %s",
                    lw_type_str(L, x), lw_shape_str(L, rank, shape), dim_text(L, total),
                    dim_text(L, known));
    }
    Dim got = product(L, shape, rank, s);
    if (!dim_eq(got, total))
        lw_fail(L, s, "cannot view %s as %s: %s elements vs %s", lw_type_str(L, x),
                lw_shape_str(L, rank, shape), dim_text(L, total), dim_text(L, got));
}

static Value do_view(Lower *L, IrNode *x, const Value *shape_v, Span s)
{
    Dim shape[IR_MAX_RANK];
    int at;
    int rank = shape_arg(L, shape_v, shape, true, false, &at);
    complete_shape(L, x, rank, shape, at, s);
    return lw_tensor(reshape(L, x, rank, shape, s));
}

static Value do_flatten(Lower *L, IrNode *x, const Value *a, const bool *given, Span s)
{
    if (x->rank == 0) {
        Dim one = dim_const(1);
        return lw_tensor(reshape(L, x, 1, &one, s));
    }
    int start = given[1] ? lw_norm_dim(L, lw_expect_int(L, &a[1], "start_dim"), x->rank, a[1].span) : 0;
    int end = given[2] ? lw_norm_dim(L, lw_expect_int(L, &a[2], "end_dim"), x->rank, a[2].span)
                       : x->rank - 1;
    if (start > end)
        lw_fail(L, s, "flatten: start_dim %d is after end_dim %d", start, end);
    Dim shape[IR_MAX_RANK];
    int rank = 0;
    for (int i = 0; i < start; i++)
        shape[rank++] = x->shape[i];
    shape[rank++] = product(L, x->shape + start, end - start + 1, s);
    for (int i = end + 1; i < x->rank; i++)
        shape[rank++] = x->shape[i];
    return lw_tensor(reshape(L, x, rank, shape, s));
}

static Value do_unflatten(Lower *L, IrNode *x, const Value *a, Span s)
{
    int d = lw_norm_dim(L, lw_expect_int(L, &a[1], "dim"), x->rank, a[1].span);
    Dim sizes[IR_MAX_RANK];
    int at;
    int n = shape_arg(L, &a[2], sizes, true, false, &at);
    if (n == 0 || x->rank - 1 + n > IR_MAX_RANK)
        lw_fail(L, a[2].span, "unflatten needs 1 to %d sizes here", IR_MAX_RANK - x->rank + 1);
    if (at >= 0) {
        Dim known = product(L, sizes, at, s), rest = product(L, sizes + at + 1, n - at - 1, s);
        if (!dim_mul(known, rest, &known) || !dim_div(x->shape[d], known, &sizes[at]))
            lw_fail(L, a[2].span, "unflatten: dim %d of size %s does not divide by %s", d,
                    dim_text(L, x->shape[d]), dim_text(L, known));
    }
    if (!dim_eq(product(L, sizes, n, s), x->shape[d]))
        lw_fail(L, a[2].span, "unflatten: sizes %s do not multiply to dim %d's size %s",
                lw_shape_str(L, n, sizes), d, dim_text(L, x->shape[d]));
    Dim shape[IR_MAX_RANK];
    int rank = 0;
    for (int i = 0; i < x->rank; i++) {
        if (i != d) {
            shape[rank++] = x->shape[i];
            continue;
        }
        for (int k = 0; k < n; k++)
            shape[rank++] = sizes[k];
    }
    return lw_tensor(reshape(L, x, rank, shape, s));
}

/* --------------------------------------------------------- permutations */

static Value do_permute(Lower *L, IrNode *x, const int *perm, Span s)
{
    Dim shape[IR_MAX_RANK];
    IxExpr *src[IR_MAX_RANK];
    IxExpr *inv[IR_MAX_RANK];
    for (int i = 0; i < x->rank; i++) {
        shape[i] = x->shape[perm[i]];
        src[perm[i]] = ix_var(L->arena, i);
        inv[i] = ix_var(L->arena, perm[i]);
    }
    IrNode *n = view(L, x, x->rank, shape, src, s);
    memcpy(n->a.view.inv, inv, sizeof inv);
    n->a.view.invertible = true;
    return lw_tensor(n);
}

static Value permute(Lower *L, IrNode *x, const Value *dims, Span s)
{
    if (dims->k != V_LIST || dims->n != x->rank)
        lw_fail(L, dims->span, "permute of %s needs a list of %d dims", lw_type_str(L, x),
                x->rank);
    int perm[IR_MAX_RANK];
    uint32_t seen = 0;
    for (int i = 0; i < x->rank; i++) {
        perm[i] = lw_norm_dim(L, lw_expect_int(L, &dims->items[i], "a dim"), x->rank,
                              dims->items[i].span);
        if (seen >> perm[i] & 1)
            lw_fail(L, dims->items[i].span, "dim %d appears twice in the permutation", perm[i]);
        seen |= 1u << perm[i];
    }
    return do_permute(L, x, perm, s);
}

static Value transpose(Lower *L, IrNode *x, const Value *a, Span s)
{
    int d0 = lw_norm_dim(L, lw_expect_int(L, &a[1], "dim0"), x->rank, a[1].span);
    int d1 = lw_norm_dim(L, lw_expect_int(L, &a[2], "dim1"), x->rank, a[2].span);
    int perm[IR_MAX_RANK];
    for (int i = 0; i < x->rank; i++)
        perm[i] = i;
    perm[d0] = d1;
    perm[d1] = d0;
    return do_permute(L, x, perm, s);
}

/* ------------------------------------------------------------- slicing */

/* Ops that work along a dim of x (slice, split, chunk, unflatten) need one. */
static void need_dim(Lower *L, const IrNode *x, const char *what, Span s)
{
    if (x->rank == 0)
        lw_fail(L, s, "cannot %s a rank-0 tensor (%s)", what, lw_type_str(L, x));
}

static int64_t const_dim(Lower *L, const IrNode *x, int d, const char *what, Span s)
{
    if (x->shape[d].nsym)
        lw_fail(L, s, "%s along dim %d of %s: the size %s is only known at launch", what, d,
                lw_type_str(L, x), dim_text(L, x->shape[d]));
    return x->shape[d].coef;
}

/* x restricted to [start, start+len) along d (bounds already valid). */
static IrNode *narrow(Lower *L, IrNode *x, int d, int64_t start, int64_t len, Span s)
{
    Dim shape[IR_MAX_RANK];
    IxExpr *src[IR_MAX_RANK];
    memcpy(shape, x->shape, sizeof(Dim) * (size_t)x->rank);
    shape[d] = dim_const(len);
    for (int i = 0; i < x->rank; i++)
        src[i] = ix_var(L->arena, i);
    src[d] = ix_add(L->arena, src[d], ix_const(L->arena, start));
    return view(L, x, x->rank, shape, src, s);
}

/* Python slice bounds on a constant size: negative counts from the end,
 * then clamped to [0, size]; an empty result is an error. */
static void slice_bounds(Lower *L, int64_t size, int64_t *start, int64_t *end, Span s)
{
    if (*start < 0)
        *start += size;
    if (*end < 0)
        *end += size;
    *start = *start < 0 ? 0 : *start > size ? size : *start;
    *end = *end < 0 ? 0 : *end > size ? size : *end;
    if (*end <= *start)
        lw_fail(L, s, "empty slice [%lld:%lld] of a dim of size %lld", (long long)*start,
                (long long)*end, (long long)size);
}

static Value do_slice(Lower *L, IrNode *x, const Value *a, Span s)
{
    int d = lw_norm_dim(L, lw_expect_int(L, &a[1], "dim"), x->rank, a[1].span);
    int64_t start = lw_expect_int(L, &a[2], "start"), end = lw_expect_int(L, &a[3], "end");
    int64_t size = const_dim(L, x, d, "slice", s);
    slice_bounds(L, size, &start, &end, s);
    return lw_tensor(narrow(L, x, d, start, end - start, s));
}

static Value tuple_of(Lower *L, IrNode **parts, int n, Span s)
{
    Value r = {.k = V_TUPLE, .span = s, .n = n};
    r.items = ARENA_ARRAY(L->arena, Value, n);
    for (int i = 0; i < n; i++)
        r.items[i] = lw_tensor(parts[i]);
    return r;
}

/* Pieces of the given sizes along d (sizes sum to the dim). */
static Value pieces(Lower *L, IrNode *x, int d, const int64_t *sizes, int n, Span s)
{
    IrNode **parts = ARENA_ARRAY(L->arena, IrNode *, n);
    int64_t at = 0;
    for (int i = 0; i < n; i++) {
        parts[i] = sizes[i] == x->shape[d].coef && n == 1 ? x : narrow(L, x, d, at, sizes[i], s);
        at += sizes[i];
    }
    return tuple_of(L, parts, n, s);
}

static Value do_split(Lower *L, IrNode *x, const Value *a, const bool *given, Span s)
{
    int d = lw_norm_dim(L, given[2] ? lw_expect_int(L, &a[2], "dim") : 0, x->rank,
                        given[2] ? a[2].span : s);
    int64_t size = const_dim(L, x, d, "split", s);
    int64_t sizes[1024];
    int n = 0;
    if (a[1].k == V_INT) {
        if (a[1].i < 1)
            lw_fail(L, a[1].span, "split size must be positive");
        for (int64_t at = 0; at < size; at += sizes[n - 1]) { /* at + i could overflow */
            if (n == 1024)
                lw_fail(L, a[1].span, "split into more than 1024 pieces");
            sizes[n++] = size - at < a[1].i ? size - at : a[1].i;
        }
    } else if (a[1].k == V_LIST && a[1].n >= 1 && a[1].n <= 1024) {
        int64_t total = 0;
        for (int i = 0; i < a[1].n; i++) {
            sizes[n] = lw_expect_int(L, &a[1].items[i], "a split size");
            if (sizes[n] < 1 || sizes[n] > size)
                lw_fail(L, a[1].items[i].span, "split size %lld out of range (1..%lld)",
                        (long long)sizes[n], (long long)size);
            if (__builtin_add_overflow(total, sizes[n], &total))
                lw_fail(L, a[1].span, "split sizes sum to more than dim %d's size %lld", d,
                        (long long)size);
            n++;
        }
        if (total != size)
            lw_fail(L, a[1].span, "split sizes sum to %lld but dim %d of %s has size %lld",
                    (long long)total, d, lw_type_str(L, x), (long long)size);
    } else {
        lw_fail(L, a[1].span, "split sizes must be an integer or a list of 1 to 1024 integers");
    }
    return pieces(L, x, d, sizes, n, s);
}

static Value do_chunk(Lower *L, IrNode *x, const Value *a, const bool *given, Span s)
{
    int64_t chunks = lw_expect_int(L, &a[1], "chunks");
    int d = lw_norm_dim(L, given[2] ? lw_expect_int(L, &a[2], "dim") : 0, x->rank,
                        given[2] ? a[2].span : s);
    int64_t size = const_dim(L, x, d, "chunk", s);
    if (chunks < 1 || chunks > 1024)
        lw_fail(L, a[1].span, "chunks must be 1..1024");
    int64_t each = size / chunks + (size % chunks != 0), sizes[1024]; /* no overflow */
    int n = 0;
    for (int64_t at = 0; at < size; at += sizes[n - 1])
        sizes[n++] = size - at < each ? size - at : each;
    return pieces(L, x, d, sizes, n, s);
}

/* ----------------------------------------------------- expand, squeeze */

static Value do_expand(Lower *L, IrNode *x, const Value *shape_v, Span s)
{
    Dim shape[IR_MAX_RANK];
    int at;
    int rank = shape_arg(L, shape_v, shape, true, true, &at);
    if (rank < x->rank)
        lw_fail(L, shape_v->span, "expand of %s to fewer dims %s", lw_type_str(L, x),
                lw_shape_str(L, rank, shape));
    int lead = rank - x->rank;
    for (int i = 0; i < rank; i++) {
        if (shape[i].coef == -1) {
            if (i < lead)
                lw_fail(L, shape_v->items[i].span, "-1 is not allowed for a new leading dim");
            shape[i] = x->shape[i - lead];
        } else if (i >= lead && !dim_eq(shape[i], x->shape[i - lead]) &&
                   !dim_is_const(x->shape[i - lead], 1)) {
            lw_fail(L, shape_v->items[i].span,
                    "cannot expand %s to %s: dim %d has size %s, not 1", lw_type_str(L, x),
                    lw_shape_str(L, rank, shape), i - lead, dim_text(L, x->shape[i - lead]));
        }
    }
    return lw_tensor(lw_expand_to(L, x, rank, shape, s));
}

static Value do_squeeze(Lower *L, IrNode *x, const Value *a, const bool *given, Span s)
{
    uint32_t drop = 0;
    if (given[1]) {
        int d = lw_norm_dim(L, lw_expect_int(L, &a[1], "dim"), x->rank, a[1].span);
        if (dim_is_const(x->shape[d], 1))
            drop = 1u << d; /* like torch.squeeze, a dim not of size 1 stays */
    } else {
        for (int i = 0; i < x->rank; i++)
            if (dim_is_const(x->shape[i], 1))
                drop |= 1u << i;
    }
    if (!drop)
        return lw_tensor(x);
    Dim shape[IR_MAX_RANK];
    IxExpr *src[IR_MAX_RANK], *inv[IR_MAX_RANK];
    int rank = 0;
    for (int i = 0; i < x->rank; i++) {
        if (drop >> i & 1) {
            src[i] = ix_const(L->arena, 0);
        } else {
            src[i] = ix_var(L->arena, rank);
            inv[rank] = ix_var(L->arena, i);
            shape[rank++] = x->shape[i];
        }
    }
    IrNode *n = view(L, x, rank, shape, src, s);
    memcpy(n->a.view.inv, inv, sizeof(IxExpr *) * (size_t)rank);
    n->a.view.invertible = true;
    return lw_tensor(n);
}

static IrNode *unsqueeze(Lower *L, IrNode *x, int d, Span s)
{
    if (x->rank >= IR_MAX_RANK)
        lw_fail(L, s, "unsqueeze would exceed rank %d", IR_MAX_RANK);
    Dim shape[IR_MAX_RANK];
    IxExpr *src[IR_MAX_RANK], *inv[IR_MAX_RANK];
    for (int i = 0, o = 0; o <= x->rank; o++) {
        if (o == d) {
            shape[o] = dim_const(1);
            inv[o] = ix_const(L->arena, 0);
            continue;
        }
        shape[o] = x->shape[i];
        inv[o] = ix_var(L->arena, i);
        src[i++] = ix_var(L->arena, o);
    }
    IrNode *n = view(L, x, x->rank + 1, shape, src, s);
    memcpy(n->a.view.inv, inv, sizeof(IxExpr *) * (size_t)(x->rank + 1));
    n->a.view.invertible = true;
    return n;
}

static int unsqueeze_dim(Lower *L, const Value *v, int rank)
{
    return lw_norm_dim(L, lw_expect_int(L, v, "dim"), rank + 1, v->span);
}

/* ------------------------------------------------------------ cat, stack */

static int tensor_list(Lower *L, const Value *v, IrNode **out, const char *fname)
{
    if ((v->k != V_LIST && v->k != V_TUPLE) || v->n < 1)
        lw_fail(L, v->span, "%s takes a non-empty list of tensors", fname);
    if (v->n > 256)
        lw_fail(L, v->span, "%s of more than 256 tensors", fname);
    for (int i = 0; i < v->n; i++)
        out[i] = lw_expect_tensor(L, &v->items[i], "each item");
    return v->n;
}

static Value do_cat(Lower *L, IrNode **parts, int n, const Value *dim_v, bool dim_given, Span s)
{
    int rank = parts[0]->rank;
    if (rank == 0)
        lw_fail(L, s, "cannot cat rank-0 tensors; use stack");
    int d = lw_norm_dim(L, dim_given ? lw_expect_int(L, dim_v, "dim") : 0, rank,
                        dim_given ? dim_v->span : s);
    DType t = parts[0]->dtype;
    for (int i = 1; i < n; i++)
        t = lw_promote_types(t, parts[i]->dtype);
    Dim total = parts[0]->shape[d];
    for (int i = 0; i < n; i++) {
        if (parts[i]->rank != rank)
            lw_fail(L, s, "cat of %s and %s: ranks differ", lw_type_str(L, parts[0]),
                    lw_type_str(L, parts[i]));
        for (int k = 0; k < rank; k++)
            if (k != d && !dim_eq(parts[i]->shape[k], parts[0]->shape[k]))
                lw_fail(L, s, "cat along dim %d of %s and %s: dim %d differs", d,
                        lw_type_str(L, parts[0]), lw_type_str(L, parts[i]), k);
        Dim p = parts[i]->shape[d];
        if (i && (p.nsym != total.nsym || memcmp(p.syms, total.syms, sizeof p.syms[0] * p.nsym)))
            lw_fail(L, s, "cat along dim %d of sizes %s and %s is not supported (sizes must be "
                          "constants or multiples of the same symbols)",
                    d, dim_text(L, total), dim_text(L, p));
        if (i && __builtin_add_overflow(total.coef, p.coef, &total.coef))
            lw_fail(L, s, "size out of range");
        if (parts[i]->dtype != t)
            parts[i] = ir_cast(L->g, t, parts[i], s);
    }
    if (n == 1)
        return lw_tensor(parts[0]);
    return lw_tensor(ir_cat(L->g, n, parts, d, s));
}

/* ------------------------------------------------------------- gathers */

static IrNode *gather(Lower *L, IrNode *x, IrNode *idx, int d, Span s)
{
    if (!dt_is_int(idx->dtype))
        lw_fail(L, s, "an index tensor must have an integer dtype, got %s", lw_type_str(L, idx));
    if (x->rank == 0)
        lw_fail(L, s, "cannot index a rank-0 tensor");
    if (x->rank - 1 + idx->rank > IR_MAX_RANK)
        lw_fail(L, s, "gather result would exceed rank %d", IR_MAX_RANK);
    return ir_gather(L->g, x, idx, d, s);
}

/* ---------------------------------------------------------- dispatcher */

Value lw_layout_call(Lower *L, int which, const Value *a, const bool *given, Span s)
{
    IrNode *parts[256];
    if (which == LAY_CAT || which == LAY_STACK) {
        int n = tensor_list(L, &a[0], parts, which == LAY_CAT ? "cat" : "stack");
        if (which == LAY_STACK) {
            int d = given[1] ? unsqueeze_dim(L, &a[1], parts[0]->rank) : 0;
            for (int i = 0; i < n; i++)
                if (parts[i]->rank != parts[0]->rank)
                    lw_fail(L, s, "stack of %s and %s: ranks differ", lw_type_str(L, parts[0]),
                            lw_type_str(L, parts[i]));
            for (int i = 0; i < n; i++)
                parts[i] = unsqueeze(L, parts[i], d, s);
            Value dv = {.k = V_INT, .i = d, .span = s};
            return do_cat(L, parts, n, &dv, true, s);
        }
        return do_cat(L, parts, n, &a[1], given[1], s);
    }
    IrNode *x = lw_expect_tensor(L, &a[0], "the operand");
    switch (which) {
    case LAY_VIEW: return do_view(L, x, &a[1], s);
    case LAY_PERMUTE: return permute(L, x, &a[1], s);
    case LAY_TRANSPOSE: return transpose(L, x, a, s);
    case LAY_SLICE: need_dim(L, x, "slice", s); return do_slice(L, x, a, s);
    case LAY_SPLIT: need_dim(L, x, "split", s); return do_split(L, x, a, given, s);
    case LAY_CHUNK: need_dim(L, x, "chunk", s); return do_chunk(L, x, a, given, s);
    case LAY_EXPAND: return do_expand(L, x, &a[1], s);
    case LAY_SQUEEZE: return do_squeeze(L, x, a, given, s);
    case LAY_UNSQUEEZE: return lw_tensor(unsqueeze(L, x, unsqueeze_dim(L, &a[1], x->rank), s));
    case LAY_FLATTEN: return do_flatten(L, x, a, given, s);
    case LAY_UNFLATTEN: need_dim(L, x, "unflatten", s); return do_unflatten(L, x, a, s);
    case LAY_GATHER: {
        IrNode *idx = lw_expect_tensor(L, &a[1], "the index");
        int d = given[2] ? lw_norm_dim(L, lw_expect_int(L, &a[2], "dim"), x->rank, a[2].span) : 0;
        return lw_tensor(gather(L, x, idx, d, s));
    }
    default: lw_fail(L, s, "internal: unknown layout op");
    }
}

/* ------------------------------------------------------------ indexing */

/* One subscript of x[...] applied to input dim d: fills the source index,
 * and the output dim unless it is an integer (which drops the dim). */
static void subscript(Lower *L, const IrNode *x, int d, const Value *sub, const AstExpr *e,
                      Dim *shape, int *rank, IxExpr **src)
{
    Arena *a = L->arena;
    if (e->kind == AST_SLICE) {
        if (!e->a && !e->b) {
            shape[*rank] = x->shape[d];
            src[d] = ix_var(a, (*rank)++);
            return;
        }
        int64_t size = const_dim(L, x, d, "a slice", e->span);
        int64_t start = e->a ? lw_expect_int(L, &sub[0], "a slice start") : 0;
        int64_t end = e->b ? lw_expect_int(L, &sub[1], "a slice end") : size;
        slice_bounds(L, size, &start, &end, e->span);
        shape[*rank] = dim_const(end - start);
        src[d] = ix_add(a, ix_var(a, (*rank)++), ix_const(a, start));
        return;
    }
    int64_t size = const_dim(L, x, d, "an integer index", e->span);
    int64_t i = lw_expect_int(L, sub, "an index");
    if (i < -size || i >= size)
        lw_fail(L, e->span, "index %lld is out of range for dim %d of size %lld", (long long)i,
                d, (long long)size);
    src[d] = ix_const(a, i < 0 ? i + size : i);
}

static Value index_tensor(Lower *L, IrNode *x, const AstExpr *e)
{
    const AstArgs *subs = &e->args;
    if (subs->n == 1 && subs->items[0].value->kind != AST_SLICE &&
        subs->items[0].value->kind != AST_ELLIPSIS) {
        Value v = lw_expr(L, subs->items[0].value);
        if (v.k == V_TENSOR)
            return lw_tensor(gather(L, x, v.t, 0, e->span));
    }
    int consumed = 0, ellipsis = -1;
    for (int k = 0; k < subs->n; k++) {
        if (subs->items[k].value->kind != AST_ELLIPSIS)
            consumed++;
        else if (ellipsis >= 0)
            lw_fail(L, subs->items[k].value->span, "only one '...' is allowed");
        else
            ellipsis = k;
    }
    if (consumed > x->rank)
        lw_fail(L, e->span, "too many indices (%d) for %s", consumed, lw_type_str(L, x));
    Dim shape[IR_MAX_RANK];
    IxExpr *src[IR_MAX_RANK];
    int rank = 0, d = 0;
    for (int k = 0; k < subs->n; k++) {
        const AstExpr *se = subs->items[k].value;
        if (se->kind == AST_ELLIPSIS) {
            for (int n = x->rank - consumed; n > 0; n--, d++) {
                shape[rank] = x->shape[d];
                src[d] = ix_var(L->arena, rank++);
            }
            continue;
        }
        Value sub[2] = {{0}};
        if (se->kind == AST_SLICE) {
            if (se->a)
                sub[0] = lw_expr(L, se->a);
            if (se->b)
                sub[1] = lw_expr(L, se->b);
        } else {
            sub[0] = lw_expr(L, se);
            if (sub[0].k == V_TENSOR)
                lw_fail(L, se->span, "a tensor index must be the only subscript");
        }
        subscript(L, x, d++, sub, se, shape, &rank, src);
    }
    for (; d < x->rank; d++) {
        shape[rank] = x->shape[d];
        src[d] = ix_var(L->arena, rank++);
    }
    return lw_tensor(view(L, x, rank, shape, src, e->span));
}

Value lw_index(Lower *L, const AstExpr *e)
{
    Value base = lw_expr(L, e->a);
    if (base.k == V_TUPLE || base.k == V_LIST) {
        if (e->args.n != 1 || e->args.items[0].value->kind == AST_SLICE ||
            e->args.items[0].value->kind == AST_ELLIPSIS)
            lw_fail(L, e->span, "%s takes one integer index", lw_kind_name(&base));
        Value iv = lw_expr(L, e->args.items[0].value);
        int64_t i = lw_expect_int(L, &iv, "the index");
        if (i < -base.n || i >= base.n)
            lw_fail(L, iv.span, "index %lld out of range for %d items", (long long)i, base.n);
        return base.items[i < 0 ? i + base.n : i];
    }
    IrNode *x = lw_expect_tensor(L, &base, "an indexed value");
    return index_tensor(L, x, e);
}
