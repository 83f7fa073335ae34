/* api.c - the public runtime API (sinter.h): loading bundles onto the
 * device, signature queries, argument checking, and launches.
 *
 * Loading picks each graph's variant for the device's dialect and takes a
 * precompiled binary for the device's arch if the bundle has one; else
 * each kernel function comes from the on-disk cache or a fresh NVRTC/hiprtc
 * compile at the first launch that runs it (prepare.c), or for every graph
 * at load with SINTER_JIT=eager, or when sn_bundle_prepare/sn_graph_prepare
 * asks (the scalar fallbacks only with SINTER_JIT=eager-all or the *_all
 * calls; else at the first launch that runs one).  sn_launch checks
 * everything first, makes sure every function it will run is loaded, and
 * only then launches; once they are, it uses stack storage only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ir/dtypes.h" /* the compiler's dtype table: self-contained */
#include "internal.h"

#define X(ID, name, bits, ...) name,
static const char *const dtype_names[] = {SN_DTYPES(X)};
#undef X
#define X(ID, name, bits, ...) (bits + 7) / 8,
static const int dtype_bytes[] = {SN_DTYPES(X)};
#undef X
/* Sub-byte types (f4e2m1) pack: a tensor's bytes are (elements * bits + 7)
 * / 8; strides stay in elements. */
#define X(ID, name, bits, ...) bits,
static const int dtype_bits[] = {SN_DTYPES(X)};
#undef X
#define X(ID, name, bits, cls, ...) cls == SN_DTC_FLOAT,
static const bool dtype_float[] = {SN_DTYPES(X)};
#undef X
#define X(ID, ...) +1
enum { DTYPE_COUNT = 0 SN_DTYPES(X) };
#undef X
#define X(ID, name, bits, cls, sgn, maxf, sn, ...) \
    _Static_assert(SN_##ID == sn, "sinter.h and ir/dtypes.h disagree on SN_" #ID);
SN_DTYPES(X)
#undef X

static const char *dname(int t)
{
    return t >= 0 && t < DTYPE_COUNT ? dtype_names[t] : "?";
}

/* ---------------------------------------------------------------- load */

static sn_status resolve_kernels(sn_graph *g, const RtVariant *v, const RtDevice *dev)
{
    int rc;
    for (int k = 0; k < v->nkernel; k++)
        for (RtKernel *kn = &v->kernels[k]; kn; kn = kn->few_rows) {
            if ((rc = dev->function(g->module, kn->name, &kn->fn)) != 0 ||
                (kn->scalar_name[0] && (rc = dev->function(g->module, kn->scalar_name,
                                                           &kn->fn_scalar)) != 0))
                return rt_error(SN_ERR_COMPILE, "kernel %s of graph %s is missing: %s",
                                kn->name, g->name, dev->describe(rc));
            if (!kn->scalar_name[0])
                kn->fn_scalar = kn->fn;
        }
    return SN_OK;
}

/* The wave of a GPU arch (a variant is scheduled for its arch's): 64 lanes
 * on AMD's GCN and CDNA (gfx9 and before), 32 on RDNA (gfx10 on) and
 * NVIDIA. */
int rt_arch_wave(const char *arch)
{
    return strncmp(arch, "gfx", 3) == 0 && atoi(arch + 3) < 1000 ? 64 : 32;
}

/* The variant for dev: of its dialect, scheduled for its wave, else for a
 * narrower one (a 32-lane schedule runs on 64-lane waves); a wider one
 * cannot run (its shuffles span 64 lanes). */
static RtVariant *pick_variant(sn_graph *g, const RtDevice *dev)
{
    RtVariant *fit = NULL;
    int wave = rt_arch_wave(dev->arch);
    for (int i = 0; i < g->nvariant; i++) {
        RtVariant *v = &g->variants[i];
        int w = rt_arch_wave(v->arch);
        if (v->dialect != dev->dialect || w > wave)
            continue;
        if (w == wave)
            return v;
        fit = fit ? fit : v;
    }
    return fit;
}

sn_status rt_graph_load(sn_graph *g, const RtDevice *dev, const void *image)
{
    RtVariant *v = pick_variant(g, dev);
    for (int i = 0; i < g->nvariant && !v; i++)
        if (g->variants[i].dialect == dev->dialect)
            return rt_error(SN_ERR_BUNDLE, "graph %s's %s kernels were scheduled for %d-lane "
                            "waves (generated for %s); %s has %d: compile the bundle with "
                            "--target hip:%s too", g->name, "HIP",
                            rt_arch_wave(g->variants[i].arch), g->variants[i].arch, dev->arch,
                            rt_arch_wave(dev->arch), dev->arch);
    if (!v)
        return rt_error(SN_ERR_BUNDLE, "graph %s has no %s kernels; compile the bundle with "
                        "--target %s", g->name, dev->dialect == SNB_CUDA ? "CUDA" : "HIP",
                        dev->dialect == SNB_CUDA ? "cuda:sm_90" : "hip:gfx942");
    sn_status s = SN_OK;
    if (image && dev->module_load(image, &g->module) != 0)
        s = rt_error(SN_ERR_COMPILE, "loading the given module of graph %s failed", g->name);
    else if (!image && rt_load_bundle_binary(g, v, dev, &g->module) != SN_OK)
        g->module = NULL; /* the JIT's: each function at its first launch (prepare.c) */
    if (s == SN_OK && g->module)
        s = resolve_kernels(g, v, dev);
    if (s == SN_OK)
        g->active = v;
    return s;
}

sn_status rt_bundle_load_graphs(sn_bundle *b, const RtDevice *dev, int mode)
{
    sn_status s = SN_OK;
    for (int i = 0; i < b->ngraph && s == SN_OK; i++)
        s = rt_graph_load(&b->graphs[i], dev, NULL);
    if (s == SN_OK && mode == RT_JIT_BACKGROUND)
        rt_background(b->graphs, b->ngraph, dev);
    else if (s == SN_OK && mode != RT_JIT_LAZY)
        s = rt_bundle_prepare(b, dev, mode == RT_JIT_EAGER_ALL);
    return s;
}

sn_status rt_bundle_prepare(sn_bundle *b, const RtDevice *dev, bool fallbacks)
{
    sn_graph **gs = malloc(sizeof *gs * (size_t)(b->ngraph ? b->ngraph : 1));
    if (!gs)
        return rt_error(SN_ERR_COMPILE, "out of memory preparing kernels");
    int n = 0;
    for (int i = 0; i < b->ngraph; i++)
        if (b->graphs[i].active)
            gs[n++] = &b->graphs[i];
    sn_status s = rt_prepare(gs, n, dev, fallbacks);
    free(gs);
    return s;
}

sn_status sn_bundle_load_memory(const void *bytes, size_t size, sn_bundle **out)
{
    rt_clear_error();
    *out = NULL;
    unsigned char *copy = malloc(size ? size : 1);
    if (!copy)
        return rt_error(SN_ERR_BUNDLE, "out of memory");
    memcpy(copy, bytes, size);
    sn_bundle *b;
    sn_status s = rt_bundle_parse(copy, size, &b);
    if (s != SN_OK)
        return s;
    const RtDevice *dev = rt_device();
    if (!dev) {
        rt_bundle_free(b);
        return SN_ERR_NO_DEVICE;
    }
    if ((s = rt_bundle_load_graphs(b, dev, rt_jit_mode())) != SN_OK) {
        rt_bundle_free(b);
        return s;
    }
    *out = b;
    return SN_OK;
}

/* The process's device for a bundle or graph that was loaded on it. */
static sn_status loaded_on(bool given, bool active, const RtDevice **dev)
{
    if (!given)
        return rt_error(SN_ERR_INVALID, "no bundle or graph (NULL)");
    if (!active)
        return rt_error(SN_ERR_INVALID, "not loaded on a device (opened with sn_bundle_read_*)");
    *dev = rt_device();
    return *dev ? SN_OK : SN_ERR_NO_DEVICE;
}

/* fallbacks: the scalar fallbacks too (else only with SINTER_JIT=eager-all). */
static sn_status bundle_prepare(sn_bundle *b, bool fallbacks)
{
    const RtDevice *dev = NULL;
    rt_clear_error();
    sn_status s = loaded_on(b != NULL, b && (b->ngraph == 0 || b->graphs[0].active), &dev);
    return s != SN_OK ? s
                      : rt_bundle_prepare(b, dev, fallbacks || rt_jit_mode() == RT_JIT_EAGER_ALL);
}

static sn_status graph_prepare(sn_graph *g, bool fallbacks)
{
    const RtDevice *dev = NULL;
    rt_clear_error();
    sn_status s = loaded_on(g != NULL, g && g->active, &dev);
    return s != SN_OK ? s : rt_prepare(&g, 1, dev, fallbacks || rt_jit_mode() == RT_JIT_EAGER_ALL);
}

sn_status sn_bundle_prepare(sn_bundle *b)
{
    return bundle_prepare(b, false);
}

sn_status sn_bundle_prepare_all(sn_bundle *b)
{
    return bundle_prepare(b, true);
}

sn_status sn_graph_prepare(sn_graph *g)
{
    return graph_prepare(g, false);
}

sn_status sn_graph_prepare_all(sn_graph *g)
{
    return graph_prepare(g, true);
}

sn_status sn_bundle_load_file(const char *path, sn_bundle **out)
{
    *out = NULL;
    unsigned char *buf;
    size_t n;
    sn_status s = rt_read_file(path, &buf, &n);
    if (s != SN_OK)
        return s;
    s = sn_bundle_load_memory(buf, n, out);
    free(buf);
    return s;
}

void sn_bundle_free(sn_bundle *b)
{
    rt_bundle_free(b); /* modules stay loaded until the context goes */
}

int sn_bundle_num_graphs(const sn_bundle *b) { return b ? b->ngraph : 0; }

const char *sn_bundle_graph_name(const sn_bundle *b, int i)
{
    return b && i >= 0 && i < b->ngraph ? b->graphs[i].name : NULL;
}

sn_status sn_graph_set_pdl(sn_graph *g, int on)
{
    if (!g)
        return rt_error(SN_ERR_INVALID, "no graph");
    g->pdl = on != 0 ? 1 : 0;
    return SN_OK;
}

sn_status sn_graph_set_comm(sn_graph *g, void *comm)
{
    if (!g)
        return rt_error(SN_ERR_INVALID, "no graph");
    g->comm = comm;
    return SN_OK;
}

int sn_graph_num_collectives(const sn_graph *g) { return g ? g->ncoll : 0; }

sn_graph *sn_bundle_graph(sn_bundle *b, const char *name)
{
    for (int i = 0; b && i < b->ngraph; i++)
        if (strcmp(b->graphs[i].name, name) == 0)
            return &b->graphs[i];
    rt_error(SN_ERR_NOT_FOUND, "the bundle has no graph '%s'", name);
    return NULL;
}

/* ----------------------------------------------------------- signature */

int sn_graph_num_inputs(const sn_graph *g) { return g->nin; }
int sn_graph_num_outputs(const sn_graph *g) { return g->nout; }
int sn_graph_num_symbols(const sn_graph *g) { return g->nsym; }

const char *sn_graph_symbol(const sn_graph *g, int i)
{
    return i >= 0 && i < g->nsym ? g->syms[i] : NULL;
}

static sn_status describe(const RtTensor *t, const char **name, sn_dtype *dtype, int *rank,
                          int64_t *dims)
{
    *name = t->name;
    *dtype = (sn_dtype)t->dtype;
    *rank = t->rank;
    for (int k = 0; k < t->rank; k++)
        dims[k] = t->dims[k].nsym == 1 && t->dims[k].coef == 1 ? -1 - t->dims[k].syms[0]
                                                               : t->dims[k].coef;
    return SN_OK;
}

sn_status sn_graph_input(const sn_graph *g, int i, const char **name, sn_dtype *dtype, int *rank,
                         int64_t *dims)
{
    if (i < 0 || i >= g->nin)
        return rt_error(SN_ERR_INVALID, "graph %s has %d inputs, not %d", g->name, g->nin, i + 1);
    return describe(&g->ins[i], name, dtype, rank, dims);
}

sn_status sn_graph_output(const sn_graph *g, int i, const char **name, sn_dtype *dtype,
                          int *rank, int64_t *dims)
{
    if (i < 0 || i >= g->nout)
        return rt_error(SN_ERR_INVALID, "graph %s has %d outputs, not %d", g->name, g->nout,
                        i + 1);
    return describe(&g->outs[i], name, dtype, rank, dims);
}

int sn_graph_input_written(const sn_graph *g, int i)
{
    return g && i >= 0 && i < g->nin ? g->ins[i].written : 0;
}

int sn_graph_output_alias(const sn_graph *g, int i)
{
    return i >= 0 && i < g->nout ? g->outs[i].alias : -1;
}

/* ------------------------------------------------------------- checks */

typedef struct {
    const sn_tensor *t;
    const RtTensor *sig;
    const char *role;          /* "input" / "output" */
    int64_t strides[SNB_MAX_RANK];
    uintptr_t lo, hi;          /* bytes the tensor spans */
} Arg;

static const char *shape_text(const sn_tensor *t, char *buf, size_t len)
{
    size_t pos = (size_t)snprintf(buf, len, "[");
    for (int k = 0; k < t->rank && k < SNB_MAX_RANK && pos < len; k++)
        pos += (size_t)snprintf(buf + pos, len - pos, "%s%lld", k ? ", " : "",
                                (long long)t->shape[k]);
    if (pos < len)
        snprintf(buf + pos, len - pos, "]");
    return buf;
}

static bool derived(const sn_graph *g, int s)
{
    return g->symdefs && g->symdefs[s].op != SNB_SYM_FREE;
}

void rt_derive_syms(const sn_graph *g, int64_t *syms)
{
    for (int s = 0; s < g->nsym; s++) {
        if (!derived(g, s))
            continue;
        const RtSymDef *d = &g->symdefs[s];
        int64_t a = rt_dim_eval(&d->a, syms), b = d->b, q = a / b, r = a % b, v;
        if (a < 0)
            v = -1;
        else if (d->op == SNB_SYM_FLOORDIV)
            v = q;
        else if (d->op == SNB_SYM_MOD)
            v = r;
        else if (d->op == SNB_SYM_CDIV)
            v = q + (r != 0);
        else
            v = __builtin_mul_overflow(q + (r != 0), b, &v) ? -1 : v;
        syms[s] = v;
    }
}

/* Bind free symbols from a tensor's shape (the first tensor that shows a
 * symbol's size decides it; a derived symbol is computed, never bound).
 * The tensor's rank matches its signature. */
static void bind(const sn_graph *g, const Arg *a, int64_t *syms)
{
    for (int k = 0; a->t->shape && k < a->sig->rank; k++) {
        const RtDim *d = &a->sig->dims[k];
        if (d->nsym == 1 && syms[d->syms[0]] < 0 && d->coef > 0 && a->t->shape[k] >= 0 &&
            a->t->shape[k] % d->coef == 0 && !derived(g, d->syms[0]))
            syms[d->syms[0]] = a->t->shape[k] / d->coef;
    }
}

static sn_status dim_mismatch(const sn_graph *g, const Arg *a, int k, int64_t want)
{
    const RtDim *d = &a->sig->dims[k];
    char wbuf[64], got[256];
    if (d->nsym)
        snprintf(wbuf, sizeof wbuf, "%lld (%s%s)", (long long)want, g->syms[d->syms[0]],
                 d->coef != 1 || d->nsym > 1 ? " times a factor" : "");
    else
        snprintf(wbuf, sizeof wbuf, "%lld", (long long)want);
    return rt_error(SN_ERR_INVALID, "%s '%s': dim %d is %lld but the graph needs %s (shape %s)",
                    a->role, a->sig->name, k, (long long)a->t->shape[k], wbuf,
                    shape_text(a->t, got, sizeof got));
}

/* dtype, rank and shape against the signature, symbols bound; *numel. */
static sn_status check_shape(const sn_graph *g, const Arg *a, const int64_t *syms, int64_t *numel)
{
    const sn_tensor *t = a->t;
    const RtTensor *s = a->sig;
    char got[256];
    if ((int)t->dtype != s->dtype)
        return rt_error(SN_ERR_INVALID, "%s '%s': expected %s, got %s", a->role, s->name,
                        dname(s->dtype), dname((int)t->dtype));
    if (t->rank && !t->shape)
        return rt_error(SN_ERR_INVALID, "%s '%s': rank %d but no shape given (NULL)", a->role,
                        s->name, t->rank);
    if (t->rank != s->rank)
        return rt_error(SN_ERR_INVALID, "%s '%s': expected rank %d, got rank %d %s", a->role,
                        s->name, s->rank, t->rank,
                        t->rank > 0 ? shape_text(t, got, sizeof got) : "");
    *numel = 1;
    for (int k = 0; k < s->rank; k++) {
        int64_t want = rt_dim_eval(&s->dims[k], syms);
        if (t->shape[k] < 0)
            return rt_error(SN_ERR_INVALID, "%s '%s': dim %d is negative (%lld)", a->role,
                            s->name, k, (long long)t->shape[k]);
        if (t->shape[k] != want)
            return dim_mismatch(g, a, k, want);
        *numel = snb_rows_mul(*numel, t->shape[k]);
    }
    return SN_OK;
}

/* Strides (given or dense) into a->strides, checked: the innermost is 1,
 * none negative, an output's dense. */
static sn_status check_strides(Arg *a)
{
    const sn_tensor *t = a->t;
    const RtTensor *s = a->sig;
    int64_t dense = 1;
    bool out = a->role[0] == 'o';
    for (int k = s->rank - 1; k >= 0; k--) {
        /* dense overflows only past a zero dim: no element is addressed */
        a->strides[k] = t->strides ? t->strides[k] : dense < 0 ? 0 : dense;
        if (a->strides[k] < 0)
            return rt_error(SN_ERR_INVALID, "%s '%s': dim %d has a negative stride (%lld)",
                            a->role, s->name, k, (long long)a->strides[k]);
        if (k == s->rank - 1 && a->strides[k] != 1 && t->shape[k] > 1)
            return rt_error(SN_ERR_INVALID, "%s '%s': the innermost stride must be 1, got %lld",
                            a->role, s->name, (long long)a->strides[k]);
        if (out && t->shape[k] > 1 && dense >= 0 && a->strides[k] != dense)
            return rt_error(SN_ERR_INVALID, "output '%s': outputs are written densely; "
                            "dim %d has stride %lld, expected %lld", s->name, k,
                            (long long)a->strides[k], (long long)dense);
        /* two elements per byte: every row of the last dim starts on a byte */
        if (dtype_bits[s->dtype] < 8 && k < s->rank - 1 && a->strides[k] % 2 && t->shape[k] > 1)
            return rt_error(SN_ERR_INVALID, "%s '%s': dim %d has an odd stride (%lld); %s packs "
                            "two elements per byte, so strides (in elements) must be even",
                            a->role, s->name, k, (long long)a->strides[k], dname(s->dtype));
        dense = snb_rows_mul(dense, t->shape[k]);
    }
    return SN_OK;
}

/* [lo, hi): the bytes a tensor of numel > 0 elements spans, with checked
 * arithmetic: false when the span does not fit the address space. */
static bool span_of(Arg *a, int64_t numel)
{
    const sn_tensor *t = a->t;
    a->lo = a->hi = (uintptr_t)t->data;
    if (numel == 0)
        return true;
    int64_t last = 0, term;
    for (int k = 0; k < a->sig->rank; k++)
        if (__builtin_mul_overflow(t->shape[k] - 1, a->strides[k], &term) ||
            __builtin_add_overflow(last, term, &last))
            return false;
    uint64_t bytes;
    return !__builtin_add_overflow((uint64_t)last, 1u, &bytes) &&
           !__builtin_mul_overflow(bytes, (uint64_t)dtype_bits[a->sig->dtype], &bytes) &&
           !__builtin_add_overflow(bytes / 8, (bytes % 8 != 0), &bytes) &&
           !__builtin_add_overflow(a->lo, (uintptr_t)bytes, &a->hi);
}

static sn_status check_arg(const sn_graph *g, Arg *a, const int64_t *syms)
{
    const sn_tensor *t = a->t;
    const RtTensor *s = a->sig;
    int64_t numel;
    sn_status st = check_shape(g, a, syms, &numel);
    if (st != SN_OK)
        return st;
    if (numel < 0)
        return rt_error(SN_ERR_INVALID, "%s '%s': more elements than fit 64 bits", a->role,
                        s->name);
    if ((st = check_strides(a)) != SN_OK)
        return st;
    a->lo = a->hi = 0;
    if (s->rank == 0 && a->role[0] == 'i')
        return SN_OK; /* a scalar passed by value */
    if (!t->data && numel > 0)
        return rt_error(SN_ERR_INVALID, "%s '%s': NULL data pointer", a->role, s->name);
    if ((uintptr_t)t->data % (uintptr_t)dtype_bytes[s->dtype])
        return rt_error(SN_ERR_INVALID, "%s '%s': data pointer %p is not aligned to its %s "
                        "elements (%d bytes)", a->role, s->name, t->data, dname(s->dtype),
                        dtype_bytes[s->dtype]);
    if (!span_of(a, numel))
        return rt_error(SN_ERR_INVALID, "%s '%s': its shape and strides span more bytes than "
                        "the address space holds", a->role, s->name);
    return SN_OK;
}

static bool overlap(const Arg *a, uintptr_t lo, uintptr_t hi)
{
    return a->lo != a->hi && lo != hi && a->lo < hi && lo < a->hi;
}

/* Outputs may not overlap anything, except an output given exactly the
 * buffer of the input the compiler allows it to alias; an input the graph
 * writes may not overlap any other input (or output). */
static sn_status check_overlaps(const sn_graph *g, const Arg *ins, const Arg *outs)
{
    for (int i = 0; i < g->nin; i++)
        for (int j = 0; j < g->nin; j++)
            if (j != i && (g->ins[i].written && (j < i || !g->ins[j].written)) &&
                overlap(&ins[i], ins[j].lo, ins[j].hi))
                return rt_error(SN_ERR_INVALID, "input '%s', which the graph writes, overlaps "
                                "input '%s'", ins[i].sig->name, ins[j].sig->name);
    for (int o = 0; o < g->nout; o++) {
        const Arg *a = &outs[o];
        for (int i = 0; i < g->nin; i++) {
            const Arg *b = &ins[i];
            if (!overlap(a, b->lo, b->hi))
                continue;
            if (g->outs[o].alias == i && a->lo == b->lo && a->hi == b->hi)
                continue;
            return rt_error(SN_ERR_INVALID, "output '%s' overlaps input '%s'%s", a->sig->name,
                            b->sig->name, g->outs[o].alias == i
                                              ? " (they may be the very same buffer, not overlap)"
                                              : " (the compiler does not allow this pair to alias)");
        }
        for (int p = 0; p < o; p++)
            if (overlap(a, outs[p].lo, outs[p].hi))
                return rt_error(SN_ERR_INVALID, "outputs '%s' and '%s' overlap", a->sig->name,
                                outs[p].sig->name);
    }
    return SN_OK;
}

/* Bytes of workspace the temporaries take (each at a 256-byte offset),
 * their offsets into offsets when non-NULL; false on overflow. */
static bool temp_bytes(const sn_graph *g, const int64_t *syms, size_t *offsets, size_t *total)
{
    *total = 0;
    for (int t = 0; t < g->ntemp; t++) {
        int64_t n = 1;
        for (int k = 0; k < g->temps[t].rank; k++)
            n = snb_rows_mul(n, rt_dim_eval(&g->temps[t].dims[k], syms));
        uint64_t bytes;
        if (n < 0 || __builtin_mul_overflow((uint64_t)n, (uint64_t)dtype_bits[g->temps[t].dtype],
                                            &bytes) ||
            (bytes = bytes / 8 + (bytes % 8 != 0)) > SIZE_MAX - 255 - *total)
            return false;
        if (offsets)
            offsets[t] = *total;
        *total += ((size_t)bytes + 255) & ~(size_t)255;
    }
    return true;
}

/* Counts and pointers of the argument lists; outputs (NULL, 0) when only
 * the inputs are needed (workspace queries). */
static sn_status check_lists(const sn_graph *g, const sn_tensor *inputs, int nin,
                             const sn_tensor *outputs, int nout, bool need_outputs)
{
    if (!g)
        return rt_error(SN_ERR_INVALID, "no graph (NULL)");
    if (nin != g->nin || (need_outputs && nout != g->nout))
        return rt_error(SN_ERR_INVALID, "graph %s takes %d inputs and %d outputs, got %d and %d",
                        g->name, g->nin, g->nout, nin, need_outputs ? nout : 0);
    if (nin > 0 && !inputs)
        return rt_error(SN_ERR_INVALID, "graph %s: %d inputs but the input array is NULL",
                        g->name, nin);
    if (need_outputs && nout > 0 && !outputs)
        return rt_error(SN_ERR_INVALID, "graph %s: %d outputs but the output array is NULL",
                        g->name, nout);
    return SN_OK;
}

/* args: the graph's inputs then (when outputs is non-NULL) its outputs. */
static sn_status bind_all(const sn_graph *g, const sn_tensor *inputs, const sn_tensor *outputs,
                          Arg *args, int64_t *syms)
{
    int n = g->nin + (outputs ? g->nout : 0);
    for (int i = 0; i < SNB_MAX_SYMS; i++)
        syms[i] = -1;
    for (int i = 0; i < n; i++) {
        bool in = i < g->nin;
        args[i] = (Arg){in ? &inputs[i] : &outputs[i - g->nin],
                        in ? &g->ins[i] : &g->outs[i - g->nin], in ? "input" : "output", {0},
                        0, 0};
    }
    for (int i = 0; i < n; i++)
        if ((int)args[i].t->dtype == args[i].sig->dtype && args[i].t->rank == args[i].sig->rank)
            bind(g, &args[i], syms);
    rt_derive_syms(g, syms); /* before the shapes that use them are checked */
    sn_status s;
    for (int i = 0; i < n; i++)
        if ((s = check_arg(g, &args[i], syms)) != SN_OK)
            return s;
    for (int i = 0; i < g->nsym; i++)
        if (syms[i] < 0 && !derived(g, i))
            return rt_error(SN_ERR_INVALID, "size symbol %s of graph %s is not bound by any tensor",
                            g->syms[i], g->name);
    for (int i = 0; i < g->nsym; i++)
        if (syms[i] < 0)
            return rt_error(SN_ERR_INVALID, "size %s of graph %s is out of range", g->syms[i],
                            g->name);
    return SN_OK;
}

sn_status sn_graph_workspace_size(const sn_graph *g, const sn_tensor *inputs, int ninputs,
                                  size_t *bytes)
{
    Arg args[SNB_MAX_BUFFERS];
    int64_t syms[SNB_MAX_SYMS];
    sn_status s = check_lists(g, inputs, ninputs, NULL, 0, false);
    if (s == SN_OK)
        s = bind_all(g, inputs, NULL, args, syms);
    if (s == SN_OK && !temp_bytes(g, syms, NULL, bytes))
        s = rt_error(SN_ERR_INVALID, "graph %s: its workspace would not fit in memory", g->name);
    return s;
}

/* ------------------------------------------------------------- launch */

typedef union {
    void *p;
    int64_t i;
    float f;
} ArgVal;

/* The first alignment need of k's vector variant these arguments break:
 * its index, or -1 when every one holds; *dim: -1 for the base pointer,
 * else the outer dim whose stride is not a multiple. */
static int first_misaligned(const RtKernel *k, void *const *ptrs, const Arg *args, int nin,
                            int *dim)
{
    for (int i = 0; i < k->nalign; i++) {
        const RtAlign *al = &k->align[i];
        *dim = -1;
        if ((uintptr_t)ptrs[al->buf] % (uintptr_t)al->bytes)
            return i;
        if (al->buf < nin)
            for (*dim = 0; *dim + 1 < args[al->buf].sig->rank; ++*dim)
                if (args[al->buf].strides[*dim] % al->stride_multiple)
                    return i;
    }
    return -1;
}

static bool aligned(const RtKernel *k, void *const *ptrs, const Arg *args, int nin)
{
    int dim;
    return first_misaligned(k, ptrs, args, nin, &dim) < 0;
}

/* Why k's vector variant cannot run (SINTER_LOG): its first broken need. */
static void misaligned_text(const sn_graph *g, const RtKernel *k, void *const *ptrs,
                            const Arg *args, char *why, size_t len)
{
    int dim, i = first_misaligned(k, ptrs, args, g->nin, &dim);
    snprintf(why, len, "alignment");
    if (i < 0)
        return;
    const RtAlign *al = &k->align[i];
    int b = al->buf;
    const char *role = b < g->nin ? "input" : b < g->nin + g->nout ? "output" : "temporary";
    const char *name = b < g->nin ? g->ins[b].name : b < g->nin + g->nout
                                                         ? g->outs[b - g->nin].name
                                                         : g->temps[b - g->nin - g->nout].name;
    if (dim < 0)
        snprintf(why, len, "%s '%s' at %p is not %d-byte aligned", role, name, ptrs[b],
                 al->bytes);
    else
        snprintf(why, len, "%s '%s' has stride %lld in dim %d, not a multiple of %d", role, name,
                 (long long)args[b].strides[dim], dim, al->stride_multiple);
}

void rt_misaligned_text(const sn_graph *g, const RtKernel *k, void *const *ptrs,
                        const sn_tensor *inputs, char *why, size_t len)
{
    Arg *args = calloc((size_t)g->nin + 1, sizeof *args);
    if (!args) {
        snprintf(why, len, "alignment");
        return;
    }
    for (int i = 0; i < g->nin; i++) {
        args[i] = (Arg){.t = &inputs[i], .sig = &g->ins[i], .role = "input"};
        check_strides(&args[i]); /* a launch checked them; here only computed */
    }
    misaligned_text(g, k, ptrs, args, why, len);
    free(args);
}

/* The kernel's grid (bundle_format.h's formula), or -1 on overflow. */
int64_t rt_grid(const RtKernel *k, const int64_t *syms)
{
    int64_t grid = 0;
    for (int s = 0; s < k->nseg; s++) {
        int64_t rows = 1;
        for (int d = 0; d < k->segs[s].nouter; d++)
            rows = snb_rows_mul(rows, rt_dim_eval(&k->segs[s].outer[d], syms));
        grid = snb_grid_add(grid, rows, k->segs[s].rows_per_block);
    }
    return grid;
}

/* The kernel's few-rows variant when the device would otherwise run few
 * blocks per SM (RtKernel.few_rows), else the kernel. */
static const RtKernel *pick(const RtDevice *dev, const RtKernel *k, const int64_t *syms)
{
    if (!k->few_rows || dev->few_rows < 0)
        return k;
    int64_t grid = rt_grid(k, syms);
    if (dev->few_rows > 0 || (grid >= 0 && grid <= (int64_t)k->few_rows_grid_per_sm * dev->sms))
        return k->few_rows;
    return k;
}

/* The device function for these arguments: the vector variant of the
 * picked kernel when its alignments hold; otherwise the kernel's scalar
 * variant (a few-rows kernel has none of its own), in *run the kernel
 * whose launch geometry goes with it.  Returns the function's slot
 * (RtKernel.fn or fn_scalar; NULL until the JIT loads it) and its name. */
static void **slot_for(const sn_graph *g, const RtDevice *dev, RtKernel *k, void *const *ptrs,
                       const Arg *ins, const int64_t *syms, const RtKernel **run,
                       const char **name)
{
    RtKernel *p = (RtKernel *)pick(dev, k, syms);
    if (p != k && aligned(p, ptrs, ins, g->nin)) {
        *run = p;
        *name = p->name;
        return &p->fn;
    }
    *run = k;
    if (aligned(k, ptrs, ins, g->nin)) {
        *name = k->name;
        return &k->fn;
    }
    *name = k->scalar_name[0] ? k->scalar_name : k->name;
    return &k->fn_scalar;
}

/* The function of slot, loaded now if the JIT has not yet (prepare.c). */
static sn_status function_for(sn_graph *g, const RtDevice *dev, RtKernel *many,
                              void *const *ptrs, const Arg *ins, const int64_t *syms,
                              const RtKernel **run, void **fn)
{
    const char *name;
    void **slot = slot_for(g, dev, many, ptrs, ins, syms, run, &name);
    if ((*fn = __atomic_load_n(slot, __ATOMIC_ACQUIRE)))
        return SN_OK;
    return rt_prepare_function(g, dev, slot, name, fn);
}

static void param_values(const RtKernel *k, void *const *ptrs, const Arg *ins,
                         const int64_t *syms, ArgVal *vals, void **argp)
{
    for (int i = 0; i < k->nparam; i++) {
        const RtParam *p = &k->params[i];
        switch (p->kind) {
        case SNB_PARAM_PTR: vals[i].p = ptrs[p->buf]; break;
        case SNB_PARAM_STRIDE: vals[i].i = ins[p->buf].strides[p->dim]; break;
        case SNB_PARAM_SYM: vals[i].i = syms[p->sym]; break;
        default: {
            const sn_tensor *t = ins[p->buf].t;
            if (dtype_float[t->dtype])
                vals[i].f = (float)t->scalar;
            else
                vals[i].i = (int64_t)t->scalar;
        }
        }
        argp[i] = &vals[i];
    }
}

/* pdl: may be launched with programmatic dependent launch (the kernel
 * must also start with the grid wait: RtKernel.grid_wait). */
static sn_status launch_kernel(const RtDevice *dev, sn_graph *g, RtKernel *many,
                               void *const *ptrs, const Arg *ins, const int64_t *syms, void *stream,
                               bool pdl)
{
    const RtKernel *k;
    void *fn;
    sn_status s = function_for(g, dev, many, ptrs, ins, syms, &k, &fn);
    if (s != SN_OK)
        return s;
    ArgVal vals[SNB_MAX_PARAMS];
    void *argp[SNB_MAX_PARAMS];
    param_values(k, ptrs, ins, syms, vals, argp);
    int64_t grid = rt_grid(k, syms);
    if (rt_log_on(RT_LOG_LAUNCH)) { /* the reasons only when they are printed */
        char few[256] = "", why[256] = "";
        if (many->few_rows)
            misaligned_text(g, many->few_rows, ptrs, ins, few, sizeof few);
        misaligned_text(g, many, ptrs, ins, why, sizeof why);
        rt_log_launch(dev, g, many, k, fn, few, why, grid);
    }
    if (grid == 0)
        return SN_OK;
    if (grid < 0 || grid > 0x7fffffff)
        return rt_error(SN_ERR_LAUNCH, "kernel %s would need %s blocks", k->name,
                        grid < 0 ? "more than 2^63" : "more than 2^31 - 1");
    int rc = dev->launch(fn, (unsigned)grid, (unsigned)k->block, (unsigned)k->smem, stream, argp,
                         pdl && dev->pdl && k->grid_wait);
    if (rc != 0)
        return rt_error(SN_ERR_LAUNCH, "launching %s failed: %s", k->name, dev->describe(rc));
    return SN_OK;
}

/* Collective step c: its temp (f32, the workspace) summed in place over
 * the communicator's ranks on the launch stream. */
static sn_status run_collective(const RtCollOps *co, const sn_graph *g, const RtColl *c,
                                void *const *ptrs, const int64_t *syms, void *stream)
{
    const RtTensor *t = &g->temps[c->buf - g->nin - g->nout];
    int64_t count = 1;
    for (int d = 0; d < t->rank; d++)
        count = snb_rows_mul(count, rt_dim_eval(&t->dims[d], syms));
    if (count < 0)
        return rt_error(SN_ERR_INVALID, "graph %s: all_reduce of %s: size overflows", g->name,
                        t->name);
    rt_log(RT_LOG_LAUNCH, "graph %s: all_reduce sum of %s (%lld f32) after kernel %d, %s", g->name, t->name,
           (long long)count, c->after, co->name);
    if (count == 0)
        return SN_OK;
    int rc = co->all_reduce_sum(ptrs[c->buf], (size_t)count, g->comm, stream);
    if (rc != 0)
        return rt_error(SN_ERR_LAUNCH, "graph %s: all_reduce of %s failed: %s", g->name, t->name,
                        co->describe(rc));
    return SN_OK;
}

/* The workspace: big enough, aligned like the allocations it stands for,
 * and clear of every input and output. */
static sn_status check_workspace(const sn_graph *g, const Arg *args, int nargs, void *ws,
                                 size_t size, size_t need)
{
    if (need == 0)
        return SN_OK;
    if (need > size || !ws)
        return rt_error(SN_ERR_INVALID, "graph %s needs %zu bytes of workspace, got %zu",
                        g->name, need, ws ? size : 0);
    if ((uintptr_t)ws % RT_WORKSPACE_ALIGN)
        return rt_error(SN_ERR_INVALID, "graph %s: the workspace %p is not aligned to %d bytes",
                        g->name, ws, RT_WORKSPACE_ALIGN);
    uintptr_t lo = (uintptr_t)ws, hi;
    if (__builtin_add_overflow(lo, need, &hi))
        return rt_error(SN_ERR_INVALID, "graph %s: the workspace wraps the address space",
                        g->name);
    for (int i = 0; i < nargs; i++)
        if (overlap(&args[i], lo, hi))
            return rt_error(SN_ERR_INVALID, "graph %s: the workspace overlaps %s '%s'", g->name,
                            args[i].role, args[i].sig->name);
    return SN_OK;
}

sn_status rt_launch(const RtDevice *dev, sn_graph *g, const sn_tensor *inputs, int ninputs,
                    const sn_tensor *outputs, int noutputs, void *workspace,
                    size_t workspace_size, void *stream)
{
    if (!g || !g->active)
        return rt_error(SN_ERR_INVALID, "no graph (or it was not loaded on a device)");
    Arg args[SNB_MAX_BUFFERS];
    int64_t syms[SNB_MAX_SYMS];
    size_t offsets[SNB_MAX_BUFFERS], need = 0;
    sn_status s = check_lists(g, inputs, ninputs, outputs, noutputs, true);
    if (s == SN_OK)
        s = bind_all(g, inputs, outputs, args, syms);
    if (s == SN_OK)
        s = check_overlaps(g, args, args + g->nin);
    if (s == SN_OK && !temp_bytes(g, syms, offsets, &need))
        s = rt_error(SN_ERR_INVALID, "graph %s: its workspace would not fit in memory", g->name);
    if (s == SN_OK)
        s = check_workspace(g, args, g->nin + g->nout, workspace, workspace_size, need);
    if (s != SN_OK)
        return s;
    void *ptrs[SNB_MAX_BUFFERS];
    for (int i = 0; i < g->nin; i++)
        ptrs[i] = inputs[i].data;
    for (int i = 0; i < g->nout; i++)
        ptrs[g->nin + i] = outputs[i].data;
    for (int t = 0; t < g->ntemp; t++)
        ptrs[g->nin + g->nout + t] = (char *)workspace + offsets[t];
    /* PDL pays only behind a kernel that triggers its dependents early, as
     * sinter's do at their start; behind one that does not it costs about
     * 0.5 us on an H200 (docs/runtime.md).  So a graph's later kernels get
     * it, and its first kernel, whose predecessor is the caller's, only
     * when the caller asks (sn_graph_set_pdl, SINTER_PDL=1). */
    bool first = g->pdl < 0 ? dev->pdl_first : g->pdl > 0;
    /* collective steps: a communicator, and the library, before anything runs */
    const RtCollOps *co = NULL;
    if (g->ncoll && !g->comm)
        return rt_error(SN_ERR_INVALID, "graph %s sums over ranks (%d all_reduce step%s) but has "
                        "no communicator: call sn_graph_set_comm(g, comm) first", g->name,
                        g->ncoll, g->ncoll == 1 ? "" : "s");
    if (g->ncoll && !(co = rt_collectives(dev)))
        return SN_ERR_NO_DEVICE;
    /* every function this launch runs, loaded before the first launches */
    for (int k = 0; k < g->active->nkernel; k++) {
        const RtKernel *run;
        void *fn;
        if ((s = function_for(g, dev, &g->active->kernels[k], ptrs, args, syms, &run, &fn)) !=
            SN_OK)
            return s;
    }
    /* kernel 0, the collectives after it, kernel 1, ...; a kernel behind a
     * collective gets no PDL (NCCL's kernel does not trigger early) */
    for (int k = 0, c = 0; k < g->active->nkernel; k++) {
        bool behind_coll = c > 0 && g->colls[c - 1].after == k - 1;
        if ((s = launch_kernel(dev, g, &g->active->kernels[k], ptrs, args, syms, stream,
                               (k > 0 || first) && !behind_coll)) != SN_OK)
            return s;
        for (; c < g->ncoll && g->colls[c].after == k; c++)
            if ((s = run_collective(co, g, &g->colls[c], ptrs, syms, stream)) != SN_OK)
                return s;
    }
    return SN_OK;
}

sn_status sn_launch(sn_graph *g, const sn_tensor *inputs, int ninputs, const sn_tensor *outputs,
                    int noutputs, void *workspace, size_t workspace_size, void *stream)
{
    if (!g || !g->active)
        return rt_error(SN_ERR_INVALID, "no graph (or it was not loaded on a device)");
    return rt_launch(rt_device(), g, inputs, ninputs, outputs, noutputs, workspace,
                     workspace_size, stream);
}
