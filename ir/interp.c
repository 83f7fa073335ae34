/* interp.c - the reference interpreter; see interp.h for the contract.
 *
 * How it runs.
 *  1. Liveness: only nodes that some output depends on are evaluated (a dead
 *     node can neither fail nor cost memory, as after dead-code elimination).
 *  2. Sizes: every live node's shape is evaluated with the symbol bindings;
 *     a size that overflows int64 or exceeds 2^40 elements is a diagnostic
 *     at that node's span.  Inputs are checked against the parameters.
 *  3. Nodes run in topological order, each into a dense row-major buffer
 *     (f32 for float dtypes, int64 for integer and bool dtypes).  Inputs are
 *     borrowed from the caller, never written.  A buffer is released right
 *     after its last user ran, into a small pool that later nodes reuse,
 *     and a pointwise node writes into an operand buffer that dies at it,
 *     so memory stays bounded by the live set plus the pool (POOL_MAX).
 *  4. Each output gets its own IrBuf (the value's buffer moved into it
 *     where nothing else refers to it, else a copy), rounded to its dtype.
 *
 * Semantics (interp.h, ir.h): the scalar element functions live in scalar.h,
 * shared with the kernel executor (kexec.c): float ops in f32 with the libm
 * functions named there; integer arithmetic on int64 wrapping through
 * uint64 (no UB); sums and means of floats accumulate in f64 in row-major
 * order and round once; max/min (binary and reduce) propagate NaN; values are rounded only at
 * IR_CAST and when outputs are stored.  Broken invariants (ops the front
 * end never produces, view maps out of range) are IR_ASSERTs, not
 * diagnostics; the only run-time diagnostics are input mismatches, sizes,
 * gather indices out of range and max/min over an empty dim. */
#include "interp.h"
#include "scalar.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NUMEL ((int64_t)1 << 40)

/* The value of one node: a dense buffer of its class. */
typedef struct {
    float *f;     /* float dtypes */
    int64_t *i;   /* integer and bool dtypes */
    bool owned;   /* allocated here (else borrowed from an input, or moved) */
    size_t bytes; /* capacity when owned */
} Val;

/* Freed buffers kept for reuse: fresh large allocations are mmapped and
 * page-faulted on first touch, which costs more than the ops themselves.
 * At most POOL_MAX are kept, so memory stays within the live set plus
 * POOL_MAX buffers. */
#define POOL_MAX 4
typedef struct {
    void *p;
    size_t bytes;
} Pooled;

typedef struct {
    const IrGraph *g;
    const int64_t *symvals;
    Diag *d;
    int n;                           /* node count */
    bool *live;                      /* an output depends on it */
    int *last_use;                   /* id of the last live user; n for outputs */
    int64_t (*shape)[IR_MAX_RANK];   /* evaluated shapes */
    int64_t *numel;
    Val *val;
    Pooled pool[POOL_MAX];
    int npool;
} Interp;

static IrNode *node_at(const IrGraph *g, int id)
{
    return (IrNode *)g->nodes.items[id];
}

static bool is_float(const IrNode *n)
{
    return dt_is_float(n->dtype);
}


/* ---- buffers ---------------------------------------------------------------- */

/* Product of shape[0..rank), or -1 when a size is negative, the product
 * overflows or exceeds 2^40. */
static int64_t shape_numel(int rank, const int64_t *shape)
{
    int64_t total = 1;
    for (int k = 0; k < rank; k++) {
        if (shape[k] < 0 || __builtin_mul_overflow(total, shape[k], &total))
            return -1;
    }
    return total > MAX_NUMEL ? -1 : total;
}

bool ir_buf_alloc(IrBuf *b, DType t, int rank, const int64_t *shape)
{
    memset(b, 0, sizeof *b);
    if (rank < 0 || rank > IR_MAX_RANK)
        return false;
    int64_t numel = shape_numel(rank, shape);
    if (numel < 0)
        return false;
    size_t count = numel ? (size_t)numel : 1; /* never a NULL data pointer */
    if (dt_is_float(t))
        b->f = calloc(count, sizeof(float));
    else
        b->i = calloc(count, sizeof(int64_t));
    if (!b->f && !b->i)
        return false;
    b->dtype = t;
    b->rank = rank;
    if (rank)
        memcpy(b->shape, shape, sizeof(int64_t) * (size_t)rank);
    b->numel = numel;
    return true;
}

bool ir_buf_copy(IrBuf *dst, const IrBuf *src)
{
    if (!ir_buf_alloc(dst, src->dtype, src->rank, src->shape))
        return false;
    if (src->numel)
        memcpy(dst->f ? (void *)dst->f : (void *)dst->i, src->f ? (void *)src->f : (void *)src->i,
               (size_t)src->numel * (dst->f ? sizeof(float) : sizeof(int64_t)));
    return true;
}

void ir_fill_scatter_index(IrBuf *b, int64_t rows, uint64_t (*next)(uint64_t *),
                           uint64_t *state)
{
    int64_t *perm = rows > 0 ? malloc((size_t)rows * sizeof *perm) : NULL;
    for (int64_t k = 0; perm && k < rows; k++)
        perm[k] = k;
    for (int64_t k = 0, used = 0; k < b->numel; k++) {
        if (!perm || k % 5 == 4 || used >= rows) {
            b->i[k] = -1;
        } else if (k % 7 == 6) {
            b->i[k] = rows + k % 3;
        } else {
            int64_t j = used + (int64_t)(next(state) % (uint64_t)(rows - used)), t = perm[j];
            perm[j] = perm[used];
            perm[used] = t;
            b->i[k] = perm[used++];
        }
    }
    free(perm);
}

void ir_buf_free(IrBuf *b)
{
    free(b->f);
    free(b->i);
    memset(b, 0, sizeof *b);
}

/* Memory for `bytes` (uninitialised): the smallest pooled buffer that is
 * big enough but not more than twice the size, else malloc.  Sets *cap to
 * the capacity; NULL when out of memory. */
static void *buf_get(Interp *it, size_t bytes, size_t *cap)
{
    int best = -1;
    for (int k = 0; k < it->npool; k++) {
        size_t b = it->pool[k].bytes;
        if (b >= bytes && b / 2 <= bytes && (best < 0 || b < it->pool[best].bytes))
            best = k;
    }
    if (best >= 0) {
        void *p = it->pool[best].p;
        *cap = it->pool[best].bytes;
        it->pool[best] = it->pool[--it->npool];
        return p;
    }
    *cap = bytes;
    return malloc(bytes);
}

/* Returns a buffer to the pool; when full, frees the smaller of it and the
 * pool's smallest buffer. */
static void buf_put(Interp *it, void *p, size_t bytes)
{
    if (it->npool < POOL_MAX) {
        it->pool[it->npool++] = (Pooled){p, bytes};
        return;
    }
    int small = 0;
    for (int k = 1; k < POOL_MAX; k++)
        if (it->pool[k].bytes < it->pool[small].bytes)
            small = k;
    if (it->pool[small].bytes < bytes) {
        free(it->pool[small].p);
        it->pool[small] = (Pooled){p, bytes};
    } else {
        free(p);
    }
}

/* A buffer for node n's value (every element is written by its
 * evaluator); false with a diagnostic when out of memory. */
static bool val_alloc(Interp *it, const IrNode *n, Val *v)
{
    int64_t count = it->numel[n->id] ? it->numel[n->id] : 1; /* never NULL */
    size_t esize = is_float(n) ? sizeof(float) : sizeof(int64_t);
    void *p = (uint64_t)count <= SIZE_MAX / esize ? buf_get(it, (size_t)count * esize, &v->bytes)
                                                  : NULL;
    if (!p) {
        diag_error(it->d, n->span, "out of memory: %" PRId64 " elements for this value",
                   it->numel[n->id]);
        return false;
    }
    v->f = is_float(n) ? p : NULL;
    v->i = is_float(n) ? NULL : p;
    v->owned = true;
    return true;
}

/* Drops a value; an owned buffer goes back to the pool. */
static void val_release(Interp *it, Val *v)
{
    if (v->owned)
        buf_put(it, v->f ? (void *)v->f : (void *)v->i, v->bytes);
    memset(v, 0, sizeof *v);
}

/* The result buffer of pointwise node n: an operand's buffer when that
 * operand is owned, of the same class and dies at n (reading and writing
 * element j at once is safe); else a new one. */
static bool pointwise_result(Interp *it, const IrNode *n, Val *out)
{
    for (int k = 0; k < n->nin; k++) {
        const IrNode *x = n->in[k];
        Val *v = &it->val[x->id];
        if (v->owned && it->last_use[x->id] == n->id && is_float(x) == is_float(n)) {
            *out = *v;
            v->owned = false; /* moved: still readable until n is done */
            return true;
        }
    }
    return val_alloc(it, n, out);
}

/* ---- preparation: liveness, sizes, inputs --------------------------------------- */

/* Marks the nodes the outputs depend on and each one's last user. */
static void compute_liveness(Interp *it)
{
    const IrGraph *g = it->g;
    for (int k = 0; k < g->nout; k++) {
        it->live[g->outs[k]->id] = true;
        it->last_use[g->outs[k]->id] = it->n;
        const IrDest *dst = ir_output_dest(g, k);
        if (dst && dst->index) { /* read when the writes are applied, after every node */
            it->live[dst->index->id] = true;
            it->last_use[dst->index->id] = it->n;
        }
    }
    for (int id = it->n - 1; id >= 0; id--) {
        const IrNode *n = node_at(g, id);
        if (!it->live[id])
            continue;
        for (int k = 0; k < n->nin; k++) {
            int src = n->in[k]->id;
            it->live[src] = true;
            if (it->last_use[src] < id)
                it->last_use[src] = id;
        }
    }
}

/* Writes "[2048, 4096]" for evaluated sizes. */
static const char *shape_str(int rank, const int64_t *shape, char *buf, int bufsize)
{
    int pos = snprintf(buf, (size_t)bufsize, "[");
    for (int k = 0; k < rank && pos < bufsize; k++)
        pos += snprintf(buf + pos, (size_t)(bufsize - pos), "%s%" PRId64, k ? ", " : "",
                        shape[k]);
    if (pos < bufsize)
        snprintf(buf + pos, (size_t)(bufsize - pos), "]");
    return buf;
}

/* Evaluates the shapes of every live node (and every parameter). */
static bool eval_shapes(Interp *it)
{
    for (int id = 0; id < it->n; id++) {
        const IrNode *n = node_at(it->g, id);
        if (!it->live[id] && n->op != IR_INPUT)
            continue;
        for (int k = 0; k < n->rank; k++)
            it->shape[id][k] = dim_eval(n->shape[k], it->symvals);
        it->numel[id] = shape_numel(n->rank, it->shape[id]);
        if (it->numel[id] < 0) {
            char type[256];
            diag_error(it->d, n->span,
                       "%s is too large for these sizes (overflow or more than 2^40 elements)",
                       ir_type_str(it->g, n, type, sizeof type));
            return false;
        }
    }
    return true;
}

/* "input 'x' does not match its parameter: expected bf16[T, 4] (bf16[3, 4]
 * here), got f32[3, 4]"; the evaluated form only when the shape has
 * symbols. */
static void report_input_mismatch(Interp *it, const IrNode *p, const IrBuf *b)
{
    char want[256], dims[256], want_n[300], got[300];
    ir_type_str(it->g, p, want, sizeof want);
    snprintf(want_n, sizeof want_n, "%s%s", dt_name(p->dtype),
             shape_str(p->rank, it->shape[p->id], dims, sizeof dims));
    int rank = b->rank < 0 || b->rank > IR_MAX_RANK ? 0 : b->rank;
    snprintf(got, sizeof got, "%s%s", (unsigned)b->dtype < DT_COUNT ? dt_name(b->dtype) : "?",
             shape_str(rank, b->shape, dims, sizeof dims));
    if (strcmp(want, want_n) == 0)
        diag_error(it->d, p->span, "input '%s' does not match its parameter: expected %s, got %s",
                   p->a.input.name, want, got);
    else
        diag_error(it->d, p->span,
                   "input '%s' does not match its parameter: expected %s (%s here), got %s",
                   p->a.input.name, want, want_n, got);
}

/* Checks inputs[k] against params[k]: dtype, rank, evaluated shape, data. */
static bool check_inputs(Interp *it, const IrBuf *inputs)
{
    for (int k = 0; k < it->g->nparam; k++) {
        const IrNode *p = it->g->params[k];
        const IrBuf *b = &inputs[k];
        bool same = b->dtype == p->dtype && b->rank == p->rank;
        for (int i = 0; same && i < p->rank; i++)
            same = b->shape[i] == it->shape[p->id][i];
        if (!same) {
            report_input_mismatch(it, p, b);
            return false;
        }
        if (it->numel[p->id] > 0 && (dt_is_float(p->dtype) ? !b->f : !b->i)) {
            diag_error(it->d, p->span, "input '%s' has no data", p->a.input.name);
            return false;
        }
    }
    return true;
}

/* ---- pointwise ops ---------------------------------------------------------------- */

static void eval_const(const Interp *it, const IrNode *n, Val *v)
{
    int64_t count = it->numel[n->id];
    if (v->f) {
        float c = (float)n->a.cnst.f;
        for (int64_t j = 0; j < count; j++)
            v->f[j] = c;
    } else {
        for (int64_t j = 0; j < count; j++)
            v->i[j] = n->a.cnst.i;
    }
}

/* Loop body helper: y[j] = EXPR over x[j] (named a). */
#define MAP1(y, x, count, EXPR)                                                   \
    do {                                                                          \
        for (int64_t j_ = 0; j_ < (count); j_++) {                                \
            float a = (x)[j_];                                                    \
            (y)[j_] = (EXPR);                                                     \
        }                                                                         \
    } while (0)

/* y[j] = sc_unary_f(k, x[j]): one loop per kind of ops.h, so the switch
 * folds away (a kind not defined on floats asserts in sc_unary_f). */
static void unary_float(IrUnary k, const float *x, float *y, int64_t count)
{
    switch (k) {
#define X(ID, ...) case UN_##ID: MAP1(y, x, count, sc_unary_f(UN_##ID, a)); break;
    IR_UNARY_OPS(X)
#undef X
    default: IR_ASSERT(!"bad unary op");
    }
}

/* Integer and bool unary ops (sc_unary_i). */
static void unary_int(IrUnary k, const int64_t *x, int64_t *y, int64_t count)
{
    for (int64_t j = 0; j < count; j++)
        y[j] = sc_unary_i(k, x[j]);
}

static void eval_unary(const Interp *it, const IrNode *n, Val *v)
{
    const IrNode *x = n->in[0];
    const Val *xv = &it->val[x->id];
    IR_ASSERT(is_float(x) == is_float(n));
    if (is_float(n))
        unary_float(n->a.unary, xv->f, v->f, it->numel[n->id]);
    else
        unary_int(n->a.unary, xv->i, v->i, it->numel[n->id]);
}

/* Loop body helper: y[j] = EXPR over x[j], z[j] (named a, b). */
#define MAP2(T, y, x, z, count, EXPR)                                             \
    do {                                                                          \
        for (int64_t j_ = 0; j_ < (count); j_++) {                                \
            T a = (x)[j_], b = (z)[j_];                                           \
            (y)[j_] = (EXPR);                                                     \
        }                                                                         \
    } while (0)

/* The binary loops: one per kind of ops.h (sc_binary_f / sc_compare_f /
 * sc_binary_i with a constant kind), so the switch folds away; a kind of
 * another class asserts there. */
#define BIN_LOOPS(R)                                                             \
    switch (k) {                                                                 \
    IR_BINARY_OPS(R)                                                             \
    default: IR_ASSERT(!"bad binary op");                                        \
    }

/* Float arithmetic (float result) in f32. */
static void binary_float(IrBinary k, const float *x, const float *z, float *y, int64_t count)
{
#define X(ID, ...) case BIN_##ID: MAP2(float, y, x, z, count, sc_binary_f(BIN_##ID, a, b)); break;
    BIN_LOOPS(X)
#undef X
}

/* Comparisons of floats (IEEE: NaN compares unequal), bool result. */
static void compare_float(IrBinary k, const float *x, const float *z, int64_t *y, int64_t count)
{
#define X(ID, ...) case BIN_##ID: MAP2(float, y, x, z, count, sc_compare_f(BIN_##ID, a, b)); break;
    BIN_LOOPS(X)
#undef X
}

/* Integer/bool ops on int64 with operands of dtype t: + - * wrap modulo
 * 2^64; results of comparisons and logic are 0/1. */
static void binary_int(IrBinary k, const int64_t *x, const int64_t *z, int64_t *y,
                       int64_t count, DType t)
{
#define X(ID, ...) case BIN_##ID: MAP2(int64_t, y, x, z, count, sc_binary_i(BIN_##ID, a, b, t)); break;
    BIN_LOOPS(X)
#undef X
}
#undef BIN_LOOPS

static void eval_binary(const Interp *it, const IrNode *n, Val *v)
{
    const IrNode *x = n->in[0], *z = n->in[1];
    const Val *xv = &it->val[x->id], *zv = &it->val[z->id];
    int64_t count = it->numel[n->id];
    IR_ASSERT(is_float(x) == is_float(z));
    if (!is_float(x))
        binary_int(n->a.binary, xv->i, zv->i, v->i, count, n->dtype);
    else if (is_float(n))
        binary_float(n->a.binary, xv->f, zv->f, v->f, count);
    else
        compare_float(n->a.binary, xv->f, zv->f, v->i, count);
}

static void eval_where(const Interp *it, const IrNode *n, Val *v)
{
    const int64_t *c = it->val[n->in[0]->id].i;
    const Val *xv = &it->val[n->in[1]->id], *zv = &it->val[n->in[2]->id];
    int64_t count = it->numel[n->id];
    IR_ASSERT(is_float(n->in[1]) == is_float(n) && is_float(n->in[2]) == is_float(n));
    if (is_float(n))
        for (int64_t j = 0; j < count; j++)
            v->f[j] = c[j] ? xv->f[j] : zv->f[j];
    else
        for (int64_t j = 0; j < count; j++)
            v->i[j] = c[j] ? xv->i[j] : zv->i[j];
}

/* IR_CAST: float->float dt_round_float; float->int dt_float_to_int;
 * int->float (float)x then dt_round_float; int->int dt_int_to_int;
 * anything->bool x != 0 (NaN is true).  See scalar.h (sc_cast_*). */
static void eval_cast(const Interp *it, const IrNode *n, Val *v)
{
    const IrNode *x = n->in[0];
    const Val *xv = &it->val[x->id];
    DType t = n->dtype;
    int64_t count = it->numel[n->id];
    if (n->a.cast.bitcast) {
        DType from = x->dtype;
        for (int64_t j = 0; j < count; j++) {
            if (is_float(x) && is_float(n))
                v->f[j] = sc_bitcast_ff(xv->f[j], from, t);
            else if (is_float(x))
                v->i[j] = sc_bitcast_fi(xv->f[j], from, t);
            else if (is_float(n))
                v->f[j] = sc_bitcast_if(xv->i[j], t);
            else
                v->i[j] = sc_bitcast_ii(xv->i[j], t);
        }
        return;
    }
    if (is_float(x) && is_float(n) && n->a.cast.saturate) {
        float m = sc_sat_bound(t);
        for (int64_t j = 0; j < count; j++)
            v->f[j] = sc_cast_ff_sat(xv->f[j], t, m); /* NaN stays NaN */
    } else if (is_float(x) && is_float(n)) {
        for (int64_t j = 0; j < count; j++)
            v->f[j] = sc_cast_ff(xv->f[j], t);
    } else if (is_float(x) && t == DT_BOOL) {
        for (int64_t j = 0; j < count; j++)
            v->i[j] = sc_cast_fi(xv->f[j], DT_BOOL);
    } else if (is_float(x)) {
        for (int64_t j = 0; j < count; j++)
            v->i[j] = sc_cast_fi(xv->f[j], t);
    } else if (is_float(n)) {
        for (int64_t j = 0; j < count; j++)
            v->f[j] = sc_cast_if(xv->i[j], t);
    } else {
        for (int64_t j = 0; j < count; j++)
            v->i[j] = sc_cast_ii(xv->i[j], t);
    }
}

/* ---- reductions --------------------------------------------------------------------- */

/* Accumulator of one output element: f64 for float inputs (sum, mean, and
 * max/min, which are exact in f64), int64 for integer inputs. */
typedef union {
    double f;
    int64_t i;
} Acc;

/* Folds float value x into accumulator *s (f64; scalar.h's max/min rule). */
static inline void fold_float(IrReduce k, double *s, float x)
{
    sc_fold_f64(k, s, x);
}

/* Folds integer value x into *s; sums wrap modulo 2^64. */
static inline void fold_int(IrReduce k, int64_t *s, int64_t x)
{
    *s = sc_red_combine_i(k, *s, x);
}

static Acc acc_init(IrReduce k, bool flt)
{
    Acc a;
    if (flt)
        a.f = (double)sc_red_identity_f(k);
    else
        a.i = sc_red_identity_i(k);
    return a;
}

/* Folds one input row (the innermost dim, `len` values starting at element
 * `start`) into the accumulators: all into acc[obase] when the innermost
 * dim is reduced (kept in a local so the loop stays tight), else value j
 * into acc[obase + j]. */
static void fold_row(IrReduce k, bool flt, const Val *xv, int64_t start, int64_t len,
                     bool inner_reduced, Acc *acc, int64_t obase)
{
    if (inner_reduced && flt) {
        double s = acc[obase].f;
        for (int64_t j = 0; j < len; j++)
            fold_float(k, &s, xv->f[start + j]);
        acc[obase].f = s;
    } else if (inner_reduced) {
        int64_t s = acc[obase].i;
        for (int64_t j = 0; j < len; j++)
            fold_int(k, &s, xv->i[start + j]);
        acc[obase].i = s;
    } else if (flt) {
        for (int64_t j = 0; j < len; j++)
            fold_float(k, &acc[obase + j].f, xv->f[start + j]);
    } else {
        for (int64_t j = 0; j < len; j++)
            fold_int(k, &acc[obase + j].i, xv->i[start + j]);
    }
}

/* IR_REDUCE over any set of axes: walks the input row-major once, keeping
 * the output offset of the current row with an odometer over the outer
 * dims (output stride 0 along reduced dims). */
static bool eval_reduce(Interp *it, const IrNode *n, Val *v)
{
    const IrNode *x = n->in[0];
    const Val *xv = &it->val[x->id];
    const int64_t *ish = it->shape[x->id];
    IrReduce k = n->a.reduce.kind;
    uint32_t axes = n->a.reduce.axes;
    int r = x->rank;
    int64_t onum = it->numel[n->id], count = 1, ostride[IR_MAX_RANK], idx[IR_MAX_RANK] = {0};
    unsigned flags = ir_reduce_info(k)->flags;
    IR_ASSERT(r >= 1 && is_float(x) == is_float(n));
    IR_ASSERT(ir_reduce_info(k)->dom & ir_dtype_dom(x->dtype));

    int64_t s = 1;
    for (int d = r - 1; d >= 0; d--) {
        bool red = axes >> d & 1;
        ostride[d] = red ? 0 : s;
        if (red)
            count *= ish[d];
        else
            s *= ish[d];
    }
    if (count == 0 && (flags & OPF_SELECT) && onum > 0) {
        diag_error(it->d, n->span, "%s over an empty dimension", ir_reduce_name(k));
        return false;
    }

    Acc *acc = malloc((size_t)(onum ? onum : 1) * sizeof(Acc));
    if (!acc) {
        diag_error(it->d, n->span, "out of memory");
        return false;
    }
    for (int64_t o = 0; o < onum; o++)
        acc[o] = acc_init(k, is_float(x));

    int64_t len = ish[r - 1], total = it->numel[x->id], obase = 0;
    bool inner_reduced = axes >> (r - 1) & 1;
    for (int64_t start = 0; len > 0 && start < total; start += len) {
        fold_row(k, is_float(x), xv, start, len, inner_reduced, acc, obase);
        for (int d = r - 2; d >= 0; d--) { /* next row: odometer over outer dims */
            obase += ostride[d];
            if (++idx[d] < ish[d])
                break;
            obase -= ostride[d] * ish[d];
            idx[d] = 0;
        }
    }

    for (int64_t o = 0; o < onum; o++) {
        if (!is_float(n))
            v->i[o] = acc[o].i;
        else if (flags & OPF_MEAN)
            v->f[o] = (float)(acc[o].f / (double)count);
        else
            v->f[o] = (float)acc[o].f;
    }
    free(acc);
    return true;
}

/* ---- views -------------------------------------------------------------------------- */

/* An affine function of the output indices: c0 + sum c[j] * v_j. */
typedef struct {
    int64_t c[IR_MAX_RANK];
    int64_t c0;
} Affine;

static bool has_var(const IxExpr *e)
{
    return ix_has_kind(e, IX_VAR);
}

/* dst += src * scale; false on overflow. */
static bool affine_axpy(Affine *dst, const Affine *src, int64_t scale, int rank)
{
    int64_t t;
    for (int j = 0; j < rank; j++)
        if (__builtin_mul_overflow(src->c[j], scale, &t) ||
            __builtin_add_overflow(dst->c[j], t, &dst->c[j]))
            return false;
    return !__builtin_mul_overflow(src->c0, scale, &t) &&
           !__builtin_add_overflow(dst->c0, t, &dst->c0);
}

/* Writes e as an affine function of the vars into *out (zeroed first).
 * False when e divides or takes a remainder of something that depends on
 * a var, or on overflow. */
static bool ix_affine(const IxExpr *e, int rank, const int64_t *symvals, Affine *out)
{
    memset(out, 0, sizeof *out);
    if (!has_var(e)) {
        out->c0 = ix_eval(e, NULL, symvals);
        return out->c0 >= 0;
    }
    Affine a, b;
    switch (e->kind) {
    case IX_VAR:
        IR_ASSERT(e->c < rank);
        out->c[e->c] = 1;
        return true;
    case IX_ADD:
        return ix_affine(e->a, rank, symvals, &a) && ix_affine(e->b, rank, symvals, &b) &&
               affine_axpy(out, &a, 1, rank) && affine_axpy(out, &b, 1, rank);
    case IX_MUL:
        if (has_var(e->b)) /* the right operand is a size, never a var */
            return false;
        return ix_affine(e->a, rank, symvals, &a) &&
               ix_affine(e->b, rank, symvals, &b) && affine_axpy(out, &a, b.c0, rank);
    default:
        return false; /* div / mod of an index */
    }
}

/* The view as one affine map onto the input's flat offset, checking every
 * source index stays inside its input dim over the whole output box.
 * False (take the general path) when a map is not affine or on overflow. */
static bool view_affine(const Interp *it, const IrNode *n, Affine *flat)
{
    const IrNode *x = n->in[0];
    const int64_t *ish = it->shape[x->id], *osh = it->shape[n->id];
    int64_t istride = 1;
    memset(flat, 0, sizeof *flat);
    for (int d = x->rank - 1; d >= 0; d--) {
        Affine a;
        int64_t lo, hi, t;
        if (!ix_affine(n->a.view.src[d], n->rank, it->symvals, &a))
            return false;
        lo = hi = a.c0;
        for (int j = 0; j < n->rank; j++) { /* range of a over the output box */
            if (__builtin_mul_overflow(a.c[j], osh[j] - 1, &t))
                return false;
            if (__builtin_add_overflow(t < 0 ? lo : hi, t, t < 0 ? &lo : &hi))
                return false;
        }
        IR_ASSERT(lo >= 0 && hi < ish[d]); /* view map out of its input's bounds */
        if (!affine_axpy(flat, &a, istride, n->rank))
            return false;
        istride *= ish[d];
    }
    return true;
}

/* Copies element src_off of x into element dst_off of y (same class). */
static inline void copy_elem(const Val *x, int64_t src_off, Val *y, int64_t dst_off)
{
    if (x->f)
        y->f[dst_off] = x->f[src_off];
    else
        y->i[dst_off] = x->i[src_off];
}

/* Affine view: an odometer over the outer output dims keeps the input
 * offset of each output row; rows are strided copies (memcpy at stride 1,
 * a fill at stride 0). */
static void view_walk_affine(const Interp *it, const IrNode *n, const Affine *flat, Val *y)
{
    const Val *xv = &it->val[n->in[0]->id];
    const int64_t *osh = it->shape[n->id];
    int r = n->rank;
    int64_t len = r ? osh[r - 1] : 1, step = r ? flat->c[r - 1] : 0, total = it->numel[n->id];
    int64_t idx[IR_MAX_RANK] = {0}, off = flat->c0;
    size_t esize = xv->f ? sizeof(float) : sizeof(int64_t);
    for (int64_t start = 0; len > 0 && start < total; start += len) {
        if (step == 1) {
            char *dst = xv->f ? (char *)(y->f + start) : (char *)(y->i + start);
            const char *src = xv->f ? (const char *)(xv->f + off) : (const char *)(xv->i + off);
            memcpy(dst, src, (size_t)len * esize);
        } else if (xv->f) {
            for (int64_t j = 0; j < len; j++)
                y->f[start + j] = xv->f[off + j * step];
        } else {
            for (int64_t j = 0; j < len; j++)
                y->i[start + j] = xv->i[off + j * step];
        }
        for (int d = r - 2; d >= 0; d--) {
            off += flat->c[d];
            if (++idx[d] < osh[d])
                break;
            off -= flat->c[d] * osh[d];
            idx[d] = 0;
        }
    }
}

/* General view: evaluates every source index of every output element. */
static void view_walk_general(const Interp *it, const IrNode *n, Val *y)
{
    const IrNode *x = n->in[0];
    const int64_t *ish = it->shape[x->id], *osh = it->shape[n->id];
    int64_t idx[IR_MAX_RANK] = {0}, total = it->numel[n->id];
    for (int64_t o = 0; o < total; o++) {
        int64_t off = 0;
        for (int d = 0; d < x->rank; d++) {
            int64_t s = ix_eval(n->a.view.src[d], idx, it->symvals);
            IR_ASSERT(s >= 0 && s < ish[d]); /* view map out of its input's bounds */
            off = off * ish[d] + s;
        }
        copy_elem(&it->val[x->id], off, y, o);
        for (int d = n->rank - 1; d >= 0; d--) {
            if (++idx[d] < osh[d])
                break;
            idx[d] = 0;
        }
    }
}

static void eval_view(const Interp *it, const IrNode *n, Val *v)
{
    Affine flat;
    IR_ASSERT(is_float(n) == is_float(n->in[0]));
    if (it->numel[n->id] == 0)
        return;
    if (view_affine(it, n, &flat))
        view_walk_affine(it, n, &flat, v);
    else
        view_walk_general(it, n, v);
}

/* ---- cat and gather ----------------------------------------------------------------- */

/* Product of shape[from..to). */
static int64_t span_numel(const int64_t *shape, int from, int to)
{
    int64_t p = 1;
    for (int k = from; k < to; k++)
        p *= shape[k];
    return p;
}

static char *val_bytes(const Val *v)
{
    return v->f ? (char *)v->f : (char *)v->i;
}

/* IR_CAT: for each outer index, the parts' blocks one after another. */
static void eval_cat(const Interp *it, const IrNode *n, Val *v)
{
    int dim = n->a.cat.dim;
    const int64_t *osh = it->shape[n->id];
    int64_t outer = span_numel(osh, 0, dim), inner = span_numel(osh, dim + 1, n->rank);
    size_t esize = v->f ? sizeof(float) : sizeof(int64_t);
    size_t orow = (size_t)(osh[dim] * inner) * esize;
    size_t at = 0; /* byte offset of the part inside an output row */
    for (int p = 0; p < n->nin; p++) {
        const IrNode *x = n->in[p];
        IR_ASSERT(is_float(x) == is_float(n));
        size_t prow = (size_t)(it->shape[x->id][dim] * inner) * esize;
        const char *src = val_bytes(&it->val[x->id]);
        char *dst = val_bytes(v);
        for (int64_t o = 0; o < outer && prow; o++)
            memcpy(dst + (size_t)o * orow + at, src + (size_t)o * prow, prow);
        at += prow;
    }
    IR_ASSERT(at == orow);
}

/* IR_GATHER: out[a, i, b] = table[a, idx[i], b].  Every index is checked
 * first: out of [0, size) -> diagnostic at the gather, nothing written. */
static bool eval_gather(Interp *it, const IrNode *n, Val *v)
{
    const IrNode *t = n->in[0], *ix = n->in[1];
    int dim = n->a.gather.dim;
    const int64_t *tsh = it->shape[t->id];
    const int64_t *idx = it->val[ix->id].i;
    int64_t nidx = it->numel[ix->id], size = tsh[dim];
    for (int64_t k = 0; k < nidx; k++) {
        if (idx[k] < 0 || idx[k] >= size) {
            diag_error(it->d, n->span,
                       "gather index %" PRId64 " out of range for dim %d of size %" PRId64
                       " (at flat index position %" PRId64 ")",
                       idx[k], dim, size, k);
            return false;
        }
    }
    int64_t outer = span_numel(tsh, 0, dim), inner = span_numel(tsh, dim + 1, t->rank);
    size_t esize = v->f ? sizeof(float) : sizeof(int64_t), blk = (size_t)inner * esize;
    const char *src = val_bytes(&it->val[t->id]);
    char *dst = val_bytes(v);
    for (int64_t o = 0; o < outer; o++)
        for (int64_t k = 0; k < nidx; k++, dst += blk)
            memcpy(dst, src + (size_t)(o * size + idx[k]) * blk, blk);
    return true;
}

/* ---- driver ---------------------------------------------------------------------------- */

/* Evaluates live node n into it->val[n->id]. */
static bool eval_node(Interp *it, const IrNode *n, const IrBuf *inputs)
{
    Val *v = &it->val[n->id];
    switch (n->op) {
    case IR_INPUT: /* borrowed, never written */
        memset(v, 0, sizeof *v);
        if (is_float(n))
            v->f = inputs[n->a.input.index].f;
        else
            v->i = inputs[n->a.input.index].i;
        return true;
    default:
        if (ir_op_info(n->op)->cls == OPK_POINTWISE ? !pointwise_result(it, n, v)
                                                    : !val_alloc(it, n, v))
            return false;
    }
    switch (n->op) {
    case IR_CONST: eval_const(it, n, v); return true;
    case IR_IOTA:
        for (int64_t j = 0; j < it->numel[n->id]; j++)
            v->i[j] = j;
        return true;
    case IR_UNARY: eval_unary(it, n, v); return true;
    case IR_BINARY: eval_binary(it, n, v); return true;
    case IR_WHERE: eval_where(it, n, v); return true;
    case IR_CAST: eval_cast(it, n, v); return true;
    case IR_REDUCE: return eval_reduce(it, n, v);
    case IR_VIEW: eval_view(it, n, v); return true;
    case IR_CAT: eval_cat(it, n, v); return true;
    case IR_GATHER: return eval_gather(it, n, v);
    case IR_ALLREDUCE: /* this rank's term; run_world sums the ranks' terms */
        if (it->numel[n->id])
            memcpy(v->f, it->val[n->in[0]->id].f, sizeof(float) * (size_t)it->numel[n->id]);
        return true;
    default: IR_ASSERT(!"bad op");
    }
    return false;
}

/* Rounds count values (f for float types, i otherwise) to type t, as a
 * store does (sc_store_f / sc_store_i). */
static void round_in_place(float *f, int64_t *i, int64_t count, DType t)
{
    if (t == DT_BF16)
        for (int64_t j = 0; j < count; j++)
            f[j] = sc_store_f(f[j], DT_BF16);
    else if (f && t != DT_F32)
        for (int64_t j = 0; j < count; j++)
            f[j] = sc_store_f(f[j], t);
    else if (i && t != DT_I64)
        for (int64_t j = 0; j < count; j++)
            i[j] = sc_store_i(i[j], t);
}

/* Stores output k: node n's buffer is moved into the IrBuf when owned and
 * no later output is the same node, else copied into a fresh one; then the
 * values are rounded to n's dtype in place. */
static bool store_output(Interp *it, int k, IrBuf *out)
{
    const IrNode *n = it->g->outs[k];
    Val *v = &it->val[n->id];
    int64_t count = it->numel[n->id];
    bool again = false;
    for (int j = k + 1; j < it->g->nout; j++)
        again |= it->g->outs[j] == n;
    if (v->owned && !again) {
        memset(out, 0, sizeof *out);
        out->dtype = n->dtype;
        out->rank = n->rank;
        memcpy(out->shape, it->shape[n->id], sizeof out->shape);
        out->numel = count;
        out->f = v->f;
        out->i = v->i;
        memset(v, 0, sizeof *v);
    } else if (ir_buf_alloc(out, n->dtype, n->rank, it->shape[n->id])) {
        if (count)
            memcpy(out->f ? (void *)out->f : (void *)out->i, out->f ? (void *)v->f : (void *)v->i,
                   (size_t)count * (out->f ? sizeof(float) : sizeof(int64_t)));
    } else {
        diag_error(it->d, n->span, "out of memory for a graph output");
        return false;
    }
    round_in_place(out->f, out->i, count, n->dtype);
    return true;
}

/* ---- destinations: the functional semantics of `v -> dest` ---------------------- */

/* Writes output k's values (already rounded, in out) into P, the working
 * copy of its parameter, through its destination; `written` marks P's
 * elements written so far (an element written twice is an error: views
 * are injective, so only two destinations or a scatter's repeated rows
 * do it). */
static bool write_dest(Interp *it, int k, const IrBuf *out, IrBuf *P, char *written)
{
    const IrGraph *g = it->g;
    const IrDest *dst = ir_output_dest(g, k);
    const IrNode *p = g->params[dst->param], *ix = dst->index;
    int rank = out->rank, r = ix ? ix->rank : 0;
    int64_t rows = ix ? dim_eval(dst->rows, it->symvals) : 0;
    int64_t idx[IR_MAX_RANK] = {0}, u[IR_MAX_RANK], at[IR_MAX_RANK];
    for (int64_t e = 0; e < out->numel; e++) {
        int64_t rest = e, irow = 0, stride = 1;
        for (int d = rank - 1; d >= 0; d--) {
            idx[d] = rest % out->shape[d];
            rest /= out->shape[d];
        }
        for (int d = r - 1; d >= 0; d--) { /* the index tensor's element of this value row */
            irow += idx[d] * stride;
            stride *= out->shape[d];
        }
        if (ix) {
            u[0] = it->val[ix->id].i[irow];
            if (u[0] < 0 || u[0] >= rows)
                continue; /* skipped row */
            for (int d = r; d < rank; d++)
                u[d - r + 1] = idx[d];
        } else {
            memcpy(u, idx, sizeof u);
        }
        int64_t flat = 0;
        for (int d = 0; d < p->rank; d++) {
            at[d] = ix_eval(dst->map[d], u, it->symvals);
            if (at[d] < 0 || at[d] >= P->shape[d]) {
                diag_error(it->d, dst->span, "destination index out of range in '%s' (dim %d)",
                           p->a.input.name, d);
                return false;
            }
            flat = flat * P->shape[d] + at[d];
        }
        if (written[flat]) {
            diag_error(it->d, dst->span, "an element of '%s' is written twice%s",
                       p->a.input.name, ix ? ": the scatter's index repeats a row (rows must be "
                       "distinct)" : "");
            return false;
        }
        written[flat] = 1;
        if (P->f)
            P->f[flat] = out->f[e];
        else
            P->i[flat] = out->i[e];
    }
    return true;
}

/* Replaces each output written into a parameter by the parameter's final
 * value: a copy of the input with every write of every destination applied
 * (all values were computed from the inputs as at launch). */
static bool apply_dests(Interp *it, const IrBuf *inputs, IrBuf *outputs)
{
    const IrGraph *g = it->g;
    bool ok = true;
    for (int p = 0; ok && p < g->nparam; p++) {
        if (!ir_param_written(g, p))
            continue;
        const IrBuf *in = &inputs[p];
        IrBuf P = {0};
        char *written = NULL;
        if (!ir_buf_copy(&P, in) || !(written = calloc((size_t)(in->numel ? in->numel : 1), 1))) {
            ir_buf_free(&P);
            diag_error(it->d, g->params[p]->span, "out of memory for an in-out parameter");
            return false;
        }
        for (int k = 0; ok && k < g->nout; k++)
            if (ir_output_dest(g, k) && ir_output_dest(g, k)->param == p)
                ok = write_dest(it, k, &outputs[k], &P, written);
        for (int k = 0; ok && k < g->nout; k++) {
            if (!ir_output_dest(g, k) || ir_output_dest(g, k)->param != p)
                continue;
            ir_buf_free(&outputs[k]);
            ok = ir_buf_copy(&outputs[k], &P);
            if (!ok)
                diag_error(it->d, g->params[p]->span, "out of memory for an in-out parameter");
        }
        free(written);
        ir_buf_free(&P);
    }
    return ok;
}

/* Runs the ranks' interpreters node by node in lockstep; after an
 * all_reduce node every rank holds s = x_0 + x_1 + ... + x_{world-1},
 * added left to right in f32 (ir.h, IR_ALLREDUCE). */
static bool run_world(Interp *its, int world, const IrBuf *inputs)
{
    const IrGraph *g = its[0].g;
    for (int id = 0; id < its[0].n; id++) {
        const IrNode *n = node_at(g, id);
        if (!its[0].live[id])
            continue;
        for (int r = 0; r < world; r++)
            if (!eval_node(&its[r], n, inputs + (size_t)r * (size_t)g->nparam))
                return false;
        if (n->op == IR_ALLREDUCE)
            for (int64_t e = 0; e < its[0].numel[id]; e++) {
                float s = its[0].val[id].f[e];
                for (int r = 1; r < world; r++)
                    s = s + its[r].val[id].f[e];
                for (int r = 0; r < world; r++)
                    its[r].val[id].f[e] = s;
            }
        for (int r = 0; r < world; r++)
            for (int k = 0; k < n->nin; k++) /* operands whose last user was n */
                if (its[r].last_use[n->in[k]->id] == id)
                    val_release(&its[r], &its[r].val[n->in[k]->id]);
    }
    return true;
}

bool ir_interp(const IrGraph *g, const int64_t *symvals, const IrBuf *inputs, IrBuf *outputs,
               Diag *d)
{
    return ir_interp_world(g, symvals, 1, inputs, outputs, d);
}

bool ir_interp_world(const IrGraph *g, const int64_t *symvals, int world, const IrBuf *inputs,
                     IrBuf *outputs, Diag *d)
{
    if (world < 1 || world > IR_MAX_WORLD) {
        diag_error(d, g->span, "a simulated world of %d ranks (1 to %d)", world, IR_MAX_WORLD);
        return false;
    }
    /* derived size symbols (ir.h) computed from the free ones */
    int64_t *sv = NULL;
    if (g->symdefs) {
        sv = ir_xcalloc((size_t)g->nsym + 1, sizeof *sv);
        memcpy(sv, symvals, sizeof *sv * (size_t)g->nsym);
        ir_graph_derive_syms(g, sv);
    }
    Interp *its = ir_xcalloc((size_t)world, sizeof *its);
    for (int r = 0; r < world; r++) {
        Interp *it = &its[r];
        *it = (Interp){.g = g, .symvals = sv ? sv : symvals, .d = d, .n = g->nodes.len};
        it->live = ir_xcalloc((size_t)it->n, sizeof *it->live);
        it->last_use = ir_xcalloc((size_t)it->n, sizeof *it->last_use);
        it->shape = ir_xcalloc((size_t)it->n, sizeof *it->shape);
        it->numel = ir_xcalloc((size_t)it->n, sizeof *it->numel);
        it->val = ir_xcalloc((size_t)it->n, sizeof *it->val);
        for (int id = 0; id < it->n; id++)
            it->last_use[id] = -1;
        compute_liveness(it);
    }
    bool ok = eval_shapes(&its[0]);
    for (int r = 1; ok && r < world; r++) {
        memcpy(its[r].shape, its[0].shape, sizeof *its[0].shape * (size_t)its[0].n);
        memcpy(its[r].numel, its[0].numel, sizeof *its[0].numel * (size_t)its[0].n);
    }
    for (int r = 0; ok && r < world; r++)
        if (!(ok = check_inputs(&its[r], inputs + (size_t)r * (size_t)g->nparam)) && world > 1)
            diag_note(d, g->span, "in the inputs of rank %d of %d", r, world);
    ok = ok && run_world(its, world, inputs);
    int done = 0; /* ranks whose outputs are all stored */
    for (; ok && done < world; done++) {
        Interp *it = &its[done];
        const IrBuf *in = inputs + (size_t)done * (size_t)g->nparam;
        IrBuf *out = outputs + (size_t)done * (size_t)g->nout;
        int stored = 0;
        for (; ok && stored < g->nout; stored++)
            ok = store_output(it, stored, &out[stored]);
        if (ok && g->out_dest)
            ok = apply_dests(it, in, out);
        if (!ok)
            for (int k = 0; k < stored; k++)
                ir_buf_free(&out[k]);
    }
    if (!ok)
        for (int r = 0; r < done; r++)
            for (int k = 0; k < g->nout; k++)
                ir_buf_free(&outputs[(size_t)r * (size_t)g->nout + (size_t)k]);

    for (int r = 0; r < world; r++) {
        Interp *it = &its[r];
        for (int id = 0; id < it->n; id++)
            val_release(it, &it->val[id]);
        for (int k = 0; k < it->npool; k++)
            free(it->pool[k].p);
        free(it->live);
        free(it->last_use);
        free(it->shape);
        free(it->numel);
        free(it->val);
    }
    free(its);
    free(sv);
    return ok;
}
