/* api.c - the public runtime API (sinter.h): loading bundles onto the
 * device, signature queries, argument checking, and launches.
 *
 * Loading picks each graph's variant for the device's dialect, takes a
 * precompiled binary for the device's arch if the bundle has one, else the
 * on-disk cache or a fresh NVRTC/hiprtc compile (cache.c), and loads the
 * module with the driver.  sn_launch checks everything first and only then
 * launches; it uses stack storage only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_SYMS 64
#define MAX_ARGS 256

static const char *const dtype_names[] = {"f32", "f16", "bf16", "f8e4m3", "f8e4m3fnuz",
                                          "f8e5m2", "f8e5m2fnuz", "i8", "i32", "i64", "bool"};
static const int dtype_bytes[] = {4, 2, 2, 1, 1, 1, 1, 1, 4, 8, 1};

static const char *dname(int t)
{
    return t >= 0 && t <= SN_BOOL ? dtype_names[t] : "?";
}

/* ---------------------------------------------------------------- load */

static sn_status load_graph(sn_graph *g, const RtDevice *dev)
{
    RtVariant *v = NULL;
    for (int i = 0; i < g->nvariant && !v; i++)
        if (g->variants[i].dialect == dev->dialect)
            v = &g->variants[i];
    if (!v)
        return rt_error(SN_ERR_BUNDLE, "graph %s has no %s kernels; compile the bundle with "
                        "--target %s", g->name, dev->dialect == SNB_CUDA ? "CUDA" : "HIP",
                        dev->dialect == SNB_CUDA ? "cuda:sm_90" : "hip:gfx942");
    sn_status s = rt_load_module(g, v, dev, &g->module);
    if (s != SN_OK)
        return s;
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
    g->active = v;
    return SN_OK;
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
    for (int i = 0; i < b->ngraph; i++)
        if ((s = load_graph(&b->graphs[i], dev)) != SN_OK) {
            rt_bundle_free(b);
            return s;
        }
    *out = b;
    return SN_OK;
}

sn_status sn_bundle_load_file(const char *path, sn_bundle **out)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return rt_error(SN_ERR_IO, "cannot open bundle '%s'", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    unsigned char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    bool ok = buf && fread(buf, 1, (size_t)n, f) == (size_t)n;
    fclose(f);
    if (!ok) {
        free(buf);
        return rt_error(SN_ERR_IO, "cannot read bundle '%s'", path);
    }
    sn_status s = sn_bundle_load_memory(buf, (size_t)n, out);
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
    char *lo, *hi;             /* bytes the tensor spans */
} Arg;

static const char *shape_text(const sn_tensor *t, char *buf, size_t len)
{
    size_t pos = (size_t)snprintf(buf, len, "[");
    for (int k = 0; k < t->rank && pos < len; k++)
        pos += (size_t)snprintf(buf + pos, len - pos, "%s%lld", k ? ", " : "",
                                (long long)t->shape[k]);
    if (pos < len)
        snprintf(buf + pos, len - pos, "]");
    return buf;
}

/* Bind symbols from a tensor's shape (the first tensor that shows a
 * symbol's size decides it). */
static void bind(const Arg *a, int64_t *syms)
{
    for (int k = 0; k < a->t->rank && k < a->sig->rank; k++) {
        const RtDim *d = &a->sig->dims[k];
        if (d->nsym == 1 && syms[d->syms[0]] < 0 && d->coef > 0 && a->t->shape[k] >= 0 &&
            a->t->shape[k] % d->coef == 0)
            syms[d->syms[0]] = a->t->shape[k] / d->coef;
    }
}

static sn_status check_arg(const sn_graph *g, Arg *a, const int64_t *syms)
{
    const sn_tensor *t = a->t;
    const RtTensor *s = a->sig;
    char got[256];
    if ((int)t->dtype != s->dtype)
        return rt_error(SN_ERR_INVALID, "%s '%s': expected %s, got %s", a->role, s->name,
                        dname(s->dtype), dname((int)t->dtype));
    if (t->rank != s->rank)
        return rt_error(SN_ERR_INVALID, "%s '%s': expected rank %d, got rank %d %s", a->role,
                        s->name, s->rank, t->rank,
                        t->shape ? shape_text(t, got, sizeof got) : "");
    if (t->rank && !t->shape)
        return rt_error(SN_ERR_INVALID, "%s '%s': no shape given", a->role, s->name);
    int64_t numel = 1;
    for (int k = 0; k < s->rank; k++) {
        int64_t want = rt_dim_eval(&s->dims[k], syms);
        if (t->shape[k] != want) {
            char wbuf[64];
            if (s->dims[k].nsym)
                snprintf(wbuf, sizeof wbuf, "%lld (%s%s%s)", (long long)want,
                         s->dims[k].coef != 1 ? "" : "", g->syms[s->dims[k].syms[0]],
                         s->dims[k].coef != 1 ? " times a factor" : "");
            else
                snprintf(wbuf, sizeof wbuf, "%lld", (long long)want);
            return rt_error(SN_ERR_INVALID,
                            "%s '%s': dim %d is %lld but the graph needs %s (shape %s)", a->role,
                            s->name, k, (long long)t->shape[k], wbuf,
                            shape_text(t, got, sizeof got));
        }
        numel *= t->shape[k];
    }
    int64_t dense = 1;
    for (int k = s->rank - 1; k >= 0; k--) {
        a->strides[k] = t->strides ? t->strides[k] : dense;
        dense *= t->shape[k];
    }
    if (s->rank && t->strides && t->strides[s->rank - 1] != 1 && t->shape[s->rank - 1] > 1)
        return rt_error(SN_ERR_INVALID, "%s '%s': the innermost stride must be 1, got %lld",
                        a->role, s->name, (long long)t->strides[s->rank - 1]);
    if (s->rank == 0 && !strcmp(a->role, "input"))
        return SN_OK; /* a scalar passed by value */
    if (!t->data && numel > 0)
        return rt_error(SN_ERR_INVALID, "%s '%s': NULL data pointer", a->role, s->name);
    int64_t span = 0;
    for (int k = 0; k < s->rank; k++) {
        if (a->strides[k] < 0)
            return rt_error(SN_ERR_INVALID, "%s '%s': negative stride", a->role, s->name);
        if (t->shape[k] > 0)
            span += (t->shape[k] - 1) * a->strides[k];
    }
    if (!strcmp(a->role, "output") && t->strides) {
        int64_t d = 1;
        for (int k = s->rank - 1; k >= 0; k--) {
            if (t->shape[k] > 1 && t->strides[k] != d)
                return rt_error(SN_ERR_INVALID, "output '%s': outputs are written densely; "
                                "dim %d has stride %lld, expected %lld", s->name, k,
                                (long long)t->strides[k], (long long)d);
            d *= t->shape[k];
        }
    }
    a->lo = (char *)t->data;
    a->hi = numel ? (char *)t->data + (span + 1) * dtype_bytes[s->dtype] : a->lo;
    return SN_OK;
}

/* Outputs may not overlap anything, except an output given exactly the
 * buffer of the input the compiler allows it to alias. */
static sn_status check_overlaps(const sn_graph *g, const Arg *ins, const Arg *outs)
{
    for (int o = 0; o < g->nout; o++) {
        const Arg *a = &outs[o];
        if (a->lo == a->hi)
            continue;
        for (int i = 0; i < g->nin; i++) {
            const Arg *b = &ins[i];
            if (b->lo == b->hi || a->hi <= b->lo || b->hi <= a->lo)
                continue;
            if (g->outs[o].alias == i && a->lo == b->lo && a->hi == b->hi)
                continue;
            return rt_error(SN_ERR_INVALID, "output '%s' overlaps input '%s'%s", a->sig->name,
                            b->sig->name, g->outs[o].alias == i
                                              ? " (they may be the very same buffer, not overlap)"
                                              : " (the compiler does not allow this pair to alias)");
        }
        for (int p = 0; p < o; p++)
            if (!(a->hi <= outs[p].lo || outs[p].hi <= a->lo) && outs[p].lo != outs[p].hi)
                return rt_error(SN_ERR_INVALID, "outputs '%s' and '%s' overlap", a->sig->name,
                                outs[p].sig->name);
    }
    return SN_OK;
}

static size_t temp_bytes(const sn_graph *g, const int64_t *syms, size_t *offsets)
{
    size_t total = 0;
    for (int t = 0; t < g->ntemp; t++) {
        int64_t n = 1;
        for (int k = 0; k < g->temps[t].rank; k++)
            n *= rt_dim_eval(&g->temps[t].dims[k], syms);
        if (offsets)
            offsets[t] = total;
        total += ((size_t)n * (size_t)dtype_bytes[g->temps[t].dtype] + 255) & ~(size_t)255;
    }
    return total;
}

static sn_status bind_all(const sn_graph *g, const sn_tensor *inputs, int nin,
                          const sn_tensor *outputs, int nout, Arg *ins, Arg *outs, int64_t *syms)
{
    if (g->nsym > MAX_SYMS)
        return rt_error(SN_ERR_INVALID, "graph %s has too many symbols", g->name);
    if (nin != g->nin || (outputs && nout != g->nout))
        return rt_error(SN_ERR_INVALID, "graph %s takes %d inputs and %d outputs, got %d and %d",
                        g->name, g->nin, g->nout, nin, nout);
    for (int i = 0; i < MAX_SYMS; i++)
        syms[i] = -1;
    for (int i = 0; i < g->nin; i++)
        ins[i] = (Arg){&inputs[i], &g->ins[i], "input", {0}, NULL, NULL};
    for (int i = 0; outputs && i < g->nout; i++)
        outs[i] = (Arg){&outputs[i], &g->outs[i], "output", {0}, NULL, NULL};
    for (int i = 0; i < g->nin; i++)
        if ((int)inputs[i].dtype == g->ins[i].dtype && inputs[i].rank == g->ins[i].rank)
            bind(&ins[i], syms);
    for (int i = 0; outputs && i < g->nout; i++)
        if ((int)outputs[i].dtype == g->outs[i].dtype && outputs[i].rank == g->outs[i].rank)
            bind(&outs[i], syms);
    sn_status s;
    for (int i = 0; i < g->nin; i++)
        if ((s = check_arg(g, &ins[i], syms)) != SN_OK)
            return s;
    for (int i = 0; outputs && i < g->nout; i++)
        if ((s = check_arg(g, &outs[i], syms)) != SN_OK)
            return s;
    for (int i = 0; i < g->nsym; i++)
        if (syms[i] < 0)
            return rt_error(SN_ERR_INVALID, "size symbol %s of graph %s is not bound by any tensor",
                            g->syms[i], g->name);
    return SN_OK;
}

sn_status sn_graph_workspace_size(const sn_graph *g, const sn_tensor *inputs, int ninputs,
                                  size_t *bytes)
{
    Arg ins[MAX_ARGS], outs[MAX_ARGS];
    int64_t syms[MAX_SYMS];
    if (g->nin > MAX_ARGS || g->nout > MAX_ARGS)
        return rt_error(SN_ERR_INVALID, "graph %s has too many tensors", g->name);
    sn_status s = bind_all(g, inputs, ninputs, NULL, 0, ins, outs, syms);
    if (s == SN_OK)
        *bytes = temp_bytes(g, syms, NULL);
    return s;
}

/* ------------------------------------------------------------- launch */

typedef union {
    void *p;
    int64_t i;
    float f;
} ArgVal;

static bool aligned(const RtKernel *k, void *const *ptrs, const Arg *args, int nin)
{
    for (int i = 0; i < k->nalign; i++) {
        const RtAlign *al = &k->align[i];
        if ((uintptr_t)ptrs[al->buf] % (uintptr_t)al->bytes)
            return false;
        if (al->buf < nin)
            for (int d = 0; d + 1 < args[al->buf].sig->rank; d++)
                if (args[al->buf].strides[d] % al->stride_multiple)
                    return false;
    }
    return true;
}

static int64_t grid_of(const RtKernel *k, const int64_t *syms)
{
    int64_t grid = 0;
    for (int s = 0; s < k->nseg; s++) {
        int64_t rows = 1;
        for (int d = 0; d < k->segs[s].nouter; d++)
            rows *= rt_dim_eval(&k->segs[s].outer[d], syms);
        grid += (rows + k->segs[s].rows_per_block - 1) / k->segs[s].rows_per_block;
    }
    return grid;
}

/* The kernel's few-rows variant when the device would otherwise run few
 * blocks per SM (RtKernel.few_rows), else the kernel. */
static const RtKernel *pick(const RtDevice *dev, const RtKernel *k, const int64_t *syms)
{
    if (!k->few_rows || dev->few_rows < 0)
        return k;
    if (dev->few_rows > 0 || grid_of(k, syms) <= (int64_t)k->few_rows_grid_per_sm * dev->sms)
        return k->few_rows;
    return k;
}

/* The device function for these arguments: the vector variant of the
 * picked kernel when its alignments hold; otherwise the kernel's scalar
 * variant (a few-rows kernel has none of its own), in *run the kernel
 * whose launch geometry goes with it. */
static void *function_for(const sn_graph *g, const RtDevice *dev, const RtKernel *k,
                          void *const *ptrs, const Arg *ins, const int64_t *syms,
                          const RtKernel **run)
{
    const RtKernel *p = pick(dev, k, syms);
    if (p != k && aligned(p, ptrs, ins, g->nin)) {
        *run = p;
        return p->fn;
    }
    *run = k;
    return aligned(k, ptrs, ins, g->nin) ? k->fn : k->fn_scalar;
}

/* pdl: may be launched with programmatic dependent launch (the kernel
 * must also start with the grid wait: RtKernel.grid_wait). */
static sn_status launch_kernel(const RtDevice *dev, const sn_graph *g, const RtKernel *many,
                               void *const *ptrs, const Arg *ins, const int64_t *syms, void *stream,
                               bool pdl)
{
    const RtKernel *k;
    void *fn = function_for(g, dev, many, ptrs, ins, syms, &k);
    ArgVal vals[MAX_ARGS];
    void *argp[MAX_ARGS];
    if (k->nparam > MAX_ARGS)
        return rt_error(SN_ERR_LAUNCH, "kernel %s has too many parameters", k->name);
    for (int i = 0; i < k->nparam; i++) {
        const RtParam *p = &k->params[i];
        switch (p->kind) {
        case SNB_PARAM_PTR: vals[i].p = ptrs[p->buf]; break;
        case SNB_PARAM_STRIDE: vals[i].i = ins[p->buf].strides[p->dim]; break;
        case SNB_PARAM_SYM: vals[i].i = syms[p->sym]; break;
        default: {
            const sn_tensor *t = ins[p->buf].t;
            if (t->dtype <= SN_F8E5M2FNUZ)
                vals[i].f = (float)t->scalar;
            else
                vals[i].i = (int64_t)t->scalar;
        }
        }
        argp[i] = &vals[i];
    }
    int64_t grid = grid_of(k, syms);
    rt_log_launch(dev, g, many, k, fn, ptrs, g->nin ? ins[0].t : NULL, grid);
    if (grid == 0)
        return SN_OK;
    if (grid > 0x7fffffff)
        return rt_error(SN_ERR_LAUNCH, "kernel %s would need %lld blocks", k->name,
                        (long long)grid);
    int rc = dev->launch(fn, (unsigned)grid, (unsigned)k->block, (unsigned)k->smem, stream, argp,
                         pdl && dev->pdl && k->grid_wait);
    if (rc != 0)
        return rt_error(SN_ERR_LAUNCH, "launching %s failed: %s", k->name, dev->describe(rc));
    return SN_OK;
}

sn_status sn_launch(sn_graph *g, const sn_tensor *inputs, int ninputs, const sn_tensor *outputs,
                    int noutputs, void *workspace, size_t workspace_size, void *stream)
{
    if (!g || !g->active)
        return rt_error(SN_ERR_INVALID, "no graph (or it was not loaded on a device)");
    if (g->nin > MAX_ARGS || g->nout > MAX_ARGS || g->nin + g->nout + g->ntemp > MAX_ARGS)
        return rt_error(SN_ERR_INVALID, "graph %s has too many tensors", g->name);
    Arg ins[MAX_ARGS], outs[MAX_ARGS];
    int64_t syms[MAX_SYMS];
    sn_status s = bind_all(g, inputs, ninputs, outputs, noutputs, ins, outs, syms);
    if (s == SN_OK)
        s = check_overlaps(g, ins, outs);
    if (s != SN_OK)
        return s;
    size_t offsets[MAX_ARGS];
    size_t need = temp_bytes(g, syms, offsets);
    if (need > workspace_size || (need && !workspace))
        return rt_error(SN_ERR_INVALID, "graph %s needs %zu bytes of workspace, got %zu",
                        g->name, need, workspace ? workspace_size : 0);
    void *ptrs[MAX_ARGS];
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
    const RtDevice *dev = rt_device();
    bool first = g->pdl < 0 ? dev->pdl_first : g->pdl > 0;
    for (int k = 0; k < g->active->nkernel; k++)
        if ((s = launch_kernel(dev, g, &g->active->kernels[k], ptrs, ins, syms, stream,
                               k > 0 || first)) != SN_OK)
            return s;
    return SN_OK;
}
