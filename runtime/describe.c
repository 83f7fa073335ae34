/* describe.c - bundles opened for inspection (sn_bundle_read_*) and the
 * introspection calls of sinter.h: what a tool such as `sinter dump` needs
 * to show a bundle without the runtime's private structures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

_Static_assert(SNB_MAX_DIM_SYMS == 4 && SNB_MAX_RANK == 8 && SNB_MAX_BOUNDS == 8,
               "sn_dim and sn_tensor_info sizes");

sn_status sn_bundle_read_memory(const void *bytes, size_t size, sn_bundle **out)
{
    rt_clear_error();
    if (!out || (!bytes && size))
        return rt_error(SN_ERR_INVALID, "sn_bundle_read_memory: NULL argument");
    *out = NULL;
    unsigned char *copy = malloc(size ? size : 1);
    if (!copy)
        return rt_error(SN_ERR_BUNDLE, "out of memory");
    memcpy(copy, bytes, size);
    return rt_bundle_parse(copy, size, out);
}

sn_status rt_read_file(const char *path, unsigned char **bytes, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return rt_error(SN_ERR_IO, "cannot open bundle '%s'", path);
    long n = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    rewind(f);
    unsigned char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
    bool ok = buf && fread(buf, 1, (size_t)n, f) == (size_t)n;
    fclose(f);
    if (!ok) {
        free(buf);
        return rt_error(SN_ERR_IO, "cannot read bundle '%s'", path);
    }
    *bytes = buf;
    *size = (size_t)n;
    return SN_OK;
}

sn_status sn_bundle_read_file(const char *path, sn_bundle **out)
{
    rt_clear_error();
    if (!out || !path)
        return rt_error(SN_ERR_INVALID, "sn_bundle_read_file: NULL argument");
    *out = NULL;
    unsigned char *bytes;
    size_t size;
    sn_status s = rt_read_file(path, &bytes, &size);
    return s == SN_OK ? rt_bundle_parse(bytes, size, out) : s;
}

sn_status sn_bundle_describe(const sn_bundle *b, sn_bundle_info *out)
{
    if (!b || !out)
        return rt_error(SN_ERR_INVALID, "sn_bundle_describe: NULL argument");
    *out = (sn_bundle_info){b->version, b->size, b->ngraph};
    return SN_OK;
}

sn_status sn_graph_describe(const sn_graph *g, sn_graph_info *out)
{
    if (!g || !out)
        return rt_error(SN_ERR_INVALID, "sn_graph_describe: NULL argument");
    *out = (sn_graph_info){g->name, g->nsym, g->nin, g->nout, g->ntemp, g->nvariant};
    return SN_OK;
}

static sn_status out_of_range(const char *what, const sn_graph *g, int i, int n)
{
    return rt_error(SN_ERR_INVALID, "%s %d of graph %s: it has %d", what, i, g ? g->name : "(NULL)",
                    n);
}

static sn_dim public_dim(const RtDim *d)
{
    sn_dim p = {d->coef, d->nsym, {0}};
    memcpy(p.syms, d->syms, sizeof p.syms);
    return p;
}

sn_status sn_graph_tensor(const sn_graph *g, int kind, int i, sn_tensor_info *out)
{
    if (!g || !out || kind < 0 || kind > 2)
        return rt_error(SN_ERR_INVALID, "sn_graph_tensor: NULL argument or kind not 0-2");
    const RtTensor *list[3] = {g->ins, g->outs, g->temps};
    int count[3] = {g->nin, g->nout, g->ntemp};
    if (i < 0 || i >= count[kind])
        return out_of_range(kind == 0 ? "input" : kind == 1 ? "output" : "temporary", g, i,
                            count[kind]);
    const RtTensor *t = &list[kind][i];
    *out = (sn_tensor_info){.name = t->name, .dtype = (sn_dtype)t->dtype, .rank = t->rank,
                            .alias = t->alias, .nbounds = t->nbound,
                            .written = t->written};
    for (int k = 0; k < t->rank; k++)
        out->dims[k] = public_dim(&t->dims[k]);
    for (int k = 0; k < t->nbound; k++)
        out->bounds[k] = public_dim(&t->bounds[k]);
    return SN_OK;
}

static const RtVariant *variant(const sn_graph *g, int v)
{
    if (!g || v < 0 || v >= g->nvariant) {
        out_of_range("variant", g, v, g ? g->nvariant : 0);
        return NULL;
    }
    return &g->variants[v];
}

sn_status sn_graph_variant(const sn_graph *g, int v, sn_variant_info *out)
{
    const RtVariant *var = variant(g, v);
    if (!var || !out)
        return SN_ERR_INVALID;
    *out = (sn_variant_info){var->dialect == SNB_CUDA ? "CUDA" : "HIP", var->arch, var->source,
                             var->nkernel, var->nbinary};
    return SN_OK;
}

sn_status sn_graph_kernel(const sn_graph *g, int v, int k, sn_kernel_info *out)
{
    const RtVariant *var = variant(g, v);
    if (!var || !out)
        return SN_ERR_INVALID;
    if (k < 0 || k >= var->nkernel)
        return out_of_range("kernel", g, k, var->nkernel);
    const RtKernel *kn = &var->kernels[k];
    const RtKernel *few = kn->few_rows;
    *out = (sn_kernel_info){kn->name, kn->scalar_name, kn->block, kn->smem, kn->nseg,
                            kn->nparam, kn->nalign, kn->grid_wait, few != NULL,
                            few ? few->name : "", few ? few->block : 0,
                            kn->few_rows_grid_per_sm};
    return SN_OK;
}

sn_status sn_graph_binary(const sn_graph *g, int v, int i, sn_binary_info *out)
{
    const RtVariant *var = variant(g, v);
    if (!var || !out)
        return SN_ERR_INVALID;
    if (i < 0 || i >= var->nbinary)
        return out_of_range("binary", g, i, var->nbinary);
    *out = (sn_binary_info){var->binaries[i].arch, var->binaries[i].compiler,
                            var->binaries[i].size};
    return SN_OK;
}
