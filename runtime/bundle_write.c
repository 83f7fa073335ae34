/* bundle_write.c - the .snb writer (format: bundle_format.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "bundle_write.h"

typedef struct {
    unsigned char *p;
    size_t len, cap;
    bool oom;
    uint32_t version;          /* the format version being written */
} Bytes;

static void put_raw(Bytes *b, const void *data, size_t n)
{
    if (b->oom || n == 0)
        return;
    if (n > SIZE_MAX / 4 - b->len) {
        b->oom = true;
        return;
    }
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n)
            cap *= 2;
        unsigned char *q = realloc(b->p, cap);
        if (!q) {
            b->oom = true;
            return;
        }
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->len, data, n);
    b->len += n;
}

static void put_u(Bytes *b, uint64_t v, int bytes)
{
    unsigned char t[8];
    for (int i = 0; i < bytes; i++)
        t[i] = (unsigned char)(v >> (8 * i));
    put_raw(b, t, (size_t)bytes);
}

static void put_u32(Bytes *b, uint32_t v) { put_u(b, v, 4); }

static void put_str(Bytes *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    put_u32(b, (uint32_t)n);
    put_raw(b, s, n);
}

static void put_dim(Bytes *b, const RtDim *d)
{
    put_u(b, (uint64_t)d->coef, 8);
    put_u32(b, (uint32_t)d->nsym);
    for (int i = 0; i < SNB_MAX_DIM_SYMS; i++)
        put_u32(b, i < d->nsym ? (uint32_t)d->syms[i] : 0u);
}

static void put_tensors(Bytes *b, const RtTensor *t, int n)
{
    put_u32(b, (uint32_t)n);
    for (int i = 0; i < n; i++) {
        put_str(b, t[i].name);
        put_u32(b, (uint32_t)t[i].dtype);
        put_u32(b, (uint32_t)t[i].rank);
        for (int k = 0; k < t[i].rank; k++)
            put_dim(b, &t[i].dims[k]);
        put_u32(b, (uint32_t)t[i].alias);
        if (b->version >= 4) {
            put_u32(b, (uint32_t)t[i].nbound);
            for (int k = 0; k < t[i].nbound; k++)
                put_dim(b, &t[i].bounds[k]);
        }
        if (b->version >= 5)
            put_u32(b, t[i].written ? SNB_TENSOR_WRITTEN : 0u);
    }
}

static void put_kernel(Bytes *b, const RtKernel *k)
{
    put_str(b, k->name);
    put_str(b, k->scalar_name);
    put_u32(b, (uint32_t)k->block);
    put_u32(b, (uint32_t)k->smem);
    put_u32(b, (uint32_t)k->nparam);
    for (int i = 0; i < k->nparam; i++) {
        put_u32(b, (uint32_t)k->params[i].kind);
        put_u32(b, (uint32_t)k->params[i].buf);
        put_u32(b, (uint32_t)k->params[i].dim);
        put_u32(b, (uint32_t)k->params[i].sym);
    }
    put_u32(b, (uint32_t)k->nseg);
    for (int s = 0; s < k->nseg; s++) {
        put_u32(b, (uint32_t)k->segs[s].nouter);
        for (int d = 0; d < k->segs[s].nouter; d++)
            put_dim(b, &k->segs[s].outer[d]);
        put_u32(b, (uint32_t)k->segs[s].rows_per_block);
    }
    put_u32(b, (uint32_t)k->nalign);
    for (int i = 0; i < k->nalign; i++) {
        put_u32(b, (uint32_t)k->align[i].buf);
        put_u32(b, (uint32_t)k->align[i].bytes);
        put_u32(b, (uint32_t)k->align[i].stride_multiple);
    }
    if (b->version >= 3)
        put_u32(b, k->grid_wait ? SNB_KERNEL_GRID_WAIT : 0u);
    if (b->version < 2)
        return;
    put_u32(b, k->few_rows != NULL);
    if (k->few_rows) {
        put_u32(b, (uint32_t)k->few_rows_grid_per_sm);
        put_kernel(b, k->few_rows);
    }
}

static void put_variant(Bytes *b, const RtVariant *v)
{
    put_u32(b, (uint32_t)v->dialect);
    put_str(b, v->arch);
    put_str(b, v->source);
    put_u32(b, (uint32_t)v->nkernel);
    for (int k = 0; k < v->nkernel; k++)
        put_kernel(b, &v->kernels[k]);
    put_u32(b, (uint32_t)v->nbinary);
    for (int i = 0; i < v->nbinary; i++) {
        put_str(b, v->binaries[i].arch);
        put_str(b, v->binaries[i].compiler);
        put_u(b, v->binaries[i].size, 8);
        put_raw(b, v->binaries[i].code, v->binaries[i].size);
    }
}

static void put_graph(Bytes *b, const sn_graph *g)
{
    put_str(b, g->name);
    put_u32(b, (uint32_t)g->nsym);
    for (int i = 0; i < g->nsym; i++)
        put_str(b, g->syms[i]);
    for (int i = 0; b->version >= 6 && i < g->nsym; i++) {
        RtSymDef free_sym = {0}, *d = g->symdefs ? &g->symdefs[i] : &free_sym;
        put_u32(b, (uint32_t)d->op);
        put_dim(b, &d->a);
        put_u(b, (uint64_t)d->b, 8);
    }
    put_tensors(b, g->ins, g->nin);
    put_tensors(b, g->outs, g->nout);
    put_tensors(b, g->temps, g->ntemp);
    if (b->version >= 7) {
        put_u32(b, (uint32_t)g->ncoll);
        for (int i = 0; i < g->ncoll; i++) {
            put_u32(b, (uint32_t)g->colls[i].op);
            put_u32(b, (uint32_t)g->colls[i].buf);
            put_u32(b, (uint32_t)g->colls[i].after);
        }
    }
    put_u32(b, (uint32_t)g->nvariant);
    for (int v = 0; v < g->nvariant; v++)
        put_variant(b, &g->variants[v]);
}

/* ------------------------------------------------------------- limits */

static bool over(char *err, size_t len, const sn_graph *g, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static bool over(char *err, size_t len, const sn_graph *g, const char *fmt, ...)
{
    int n = snprintf(err, len, "graph %s: ", g->name);
    va_list ap;
    va_start(ap, fmt);
    if (n >= 0 && (size_t)n < len)
        vsnprintf(err + n, len - (size_t)n, fmt, ap);
    va_end(ap);
    return false;
}

static bool name_ok(const char *s, size_t max) { return !s || strlen(s) <= max; }

static bool check_kernel(const sn_graph *g, const RtKernel *k, uint32_t version, char *err,
                         size_t len)
{
    if (!name_ok(k->name, SNB_MAX_NAME) || !name_ok(k->scalar_name, SNB_MAX_NAME))
        return over(err, len, g, "a kernel name is longer than %d bytes", SNB_MAX_NAME);
    if (k->nparam > SNB_MAX_PARAMS)
        return over(err, len, g, "kernel %s takes %d parameters; a bundle holds at most %d",
                    k->name, k->nparam, SNB_MAX_PARAMS);
    if (k->nseg > SNB_MAX_SEGS || k->nalign > SNB_MAX_ALIGNS)
        return over(err, len, g, "kernel %s has %d grid segments and %d alignments; a bundle "
                    "holds at most %d and %d", k->name, k->nseg, k->nalign, SNB_MAX_SEGS,
                    SNB_MAX_ALIGNS);
    if ((k->grid_wait && version < 3) || (k->few_rows && version < 2))
        return over(err, len, g, "kernel %s has %s, which format %u cannot hold", k->name,
                    k->few_rows && version < 2 ? "a few-rows variant" : "flags", version);
    if ((unsigned)k->smem > SNB_MAX_SMEM)
        return over(err, len, g, "kernel %s uses %d bytes of shared memory; a bundle holds "
                    "at most %u", k->name, k->smem, SNB_MAX_SMEM);
    return !k->few_rows || check_kernel(g, k->few_rows, version, err, len);
}

static bool check_variant(const sn_graph *g, const RtVariant *v, uint32_t version, char *err,
                          size_t len)
{
    if (v->source && strlen(v->source) > SNB_MAX_SOURCE)
        return over(err, len, g, "its source is over %u bytes", SNB_MAX_SOURCE);
    if (!name_ok(v->arch, SNB_MAX_NAME))
        return over(err, len, g, "an arch name is longer than %d bytes", SNB_MAX_NAME);
    if (v->nkernel > SNB_MAX_KERNELS || v->nbinary > SNB_MAX_BINARIES)
        return over(err, len, g, "%d kernels and %d binaries; a bundle holds at most %d and %d",
                    v->nkernel, v->nbinary, SNB_MAX_KERNELS, SNB_MAX_BINARIES);
    for (int k = 0; k < v->nkernel; k++)
        if (!check_kernel(g, &v->kernels[k], version, err, len))
            return false;
    for (int i = 0; i < v->nbinary; i++)
        if (!name_ok(v->binaries[i].arch, SNB_MAX_NAME) ||
            !name_ok(v->binaries[i].compiler, SNB_MAX_NAME))
            return over(err, len, g, "a binary's arch or compiler name is longer than %d bytes",
                        SNB_MAX_NAME);
    return true;
}

bool rt_bundle_check_graph(const sn_graph *g, uint32_t version, char *err, size_t len)
{
    if (!name_ok(g->name, SNB_MAX_NAME))
        return snprintf(err, len, "a graph name is longer than %d bytes", SNB_MAX_NAME), false;
    int nbuf = g->nin + g->nout + g->ntemp;
    if (nbuf > SNB_MAX_BUFFERS)
        return over(err, len, g, "%d inputs, %d outputs and %d temporaries make %d buffers; a "
                    "bundle holds at most %d per graph", g->nin, g->nout, g->ntemp, nbuf,
                    SNB_MAX_BUFFERS);
    if (g->nsym > SNB_MAX_SYMS)
        return over(err, len, g, "%d size symbols; a bundle holds at most %d", g->nsym,
                    SNB_MAX_SYMS);
    for (int i = 0; i < g->nsym; i++)
        if (!name_ok(g->syms[i], SNB_MAX_NAME))
            return over(err, len, g, "a symbol name is longer than %d bytes", SNB_MAX_NAME);
    for (int i = 0; g->symdefs && i < g->nsym; i++) {
        const RtSymDef *d = &g->symdefs[i];
        if (d->op != SNB_SYM_FREE && version < 6)
            return over(err, len, g, "derived size %s; format %u has none", g->syms[i], version);
        bool ok = d->op == SNB_SYM_FREE ? d->a.coef == 0 && d->a.nsym == 0 && d->b == 0
                                        : d->op <= SNB_SYM_ALIGN && d->b >= 1 && d->a.coef >= 0;
        for (int k = 0; ok && k < d->a.nsym; k++)
            ok = d->a.syms[k] >= 0 && d->a.syms[k] < i;
        if (!ok)
            return over(err, len, g, "a malformed definition of size symbol %s", g->syms[i]);
    }
    const RtTensor *lists[3] = {g->ins, g->outs, g->temps};
    int counts[3] = {g->nin, g->nout, g->ntemp};
    for (int l = 0; l < 3; l++)
        for (int i = 0; i < counts[l]; i++)
            if (!name_ok(lists[l][i].name, SNB_MAX_NAME))
                return over(err, len, g, "a tensor name is longer than %d bytes", SNB_MAX_NAME);
    for (int i = 0; i < g->nin; i++)
        if (g->ins[i].nbound > (version >= 4 ? SNB_MAX_BOUNDS : 0))
            return over(err, len, g, "input %s indexes %d differently sized dims; format %u "
                        "holds at most %d", g->ins[i].name, g->ins[i].nbound, version,
                        version >= 4 ? SNB_MAX_BOUNDS : 0);
    if (g->ncoll && version < 7)
        return over(err, len, g, "%d collective steps (all_reduce); format %u has none",
                    g->ncoll, version);
    if (g->ncoll > SNB_MAX_COLLS)
        return over(err, len, g, "%d collective steps; a bundle holds at most %d", g->ncoll,
                    SNB_MAX_COLLS);
    for (int i = 0; i < g->ncoll; i++) {
        const RtColl *c = &g->colls[i];
        int t = c->buf - g->nin - g->nout;
        bool ok = c->op == SNB_COLL_ALL_REDUCE_SUM && t >= 0 && t < g->ntemp &&
                  g->temps[t].dtype == SN_F32 && c->after >= 0 &&
                  (!i || c->after >= g->colls[i - 1].after);
        for (int v = 0; ok && v < g->nvariant; v++)
            ok = c->after < g->variants[v].nkernel;
        if (!ok)
            return over(err, len, g, "a malformed collective step %d", i);
    }
    if (g->nvariant > SNB_MAX_VARIANTS)
        return over(err, len, g, "%d variants; a bundle holds at most %d", g->nvariant,
                    SNB_MAX_VARIANTS);
    for (int v = 0; v < g->nvariant; v++)
        if (!check_variant(g, &g->variants[v], version, err, len))
            return false;
    return true;
}

bool rt_bundle_write(const sn_graph *graphs, int n, uint32_t version, unsigned char **out,
                     size_t *len, char *err, size_t errlen)
{
    if (version < 1 || version > SNB_VERSION)
        return snprintf(err, errlen, "no bundle format version %u", version), false;
    for (int i = 0; i < n; i++)
        if (!rt_bundle_check_graph(&graphs[i], version, err, errlen))
            return false;
    Bytes pay = {.version = version};
    put_u32(&pay, (uint32_t)n);
    for (int i = 0; i < n; i++)
        put_graph(&pay, &graphs[i]);
    Bytes all = {0};
    put_raw(&all, SNB_MAGIC, 8);
    put_u32(&all, version);
    put_u32(&all, 0);
    put_u(&all, pay.len, 8);
    put_u(&all, XXH64(pay.p, pay.len, 0), 8);
    put_raw(&all, pay.p, pay.len);
    free(pay.p);
    if (all.oom || pay.oom) {
        free(all.p);
        snprintf(err, errlen, "out of memory writing the bundle");
        return false;
    }
    *out = all.p;
    *len = all.len;
    return true;
}
