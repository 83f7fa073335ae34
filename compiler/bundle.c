/* bundle.c - writing .snb bundles (format: runtime/bundle_format.h) from
 * compiled graphs; the compiling is the driver's (driver.c). */
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "bundle.h"
#include "bundle_format.h"
#include "codegen.h"

/* ------------------------------------------------------------- bytes */

typedef struct {
    unsigned char *p;
    size_t len, cap;
    bool oom;
} Bytes;

static void put_raw(Bytes *b, const void *data, size_t n)
{
    if (b->oom)
        return;
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

static void put_dim(Bytes *b, Dim d)
{
    put_u(b, (uint64_t)d.coef, 8);
    put_u32(b, d.nsym);
    for (int i = 0; i < SNB_MAX_DIM_SYMS; i++)
        put_u32(b, i < d.nsym ? d.syms[i] : 0);
}

static void put_tensor(Bytes *b, const KBuf *t, int alias)
{
    put_str(b, t->name);
    put_u32(b, (uint32_t)t->dtype);
    put_u32(b, (uint32_t)t->rank);
    for (int k = 0; k < t->rank; k++)
        put_dim(b, t->shape[k]);
    put_u32(b, (uint32_t)alias);
}

/* ----------------------------------------------------------- records */

static void put_kernel(Bytes *b, const CgKernel *k)
{
    put_str(b, k->name);
    put_str(b, k->scalar_name ? k->scalar_name : "");
    put_u32(b, (uint32_t)k->block);
    put_u32(b, (uint32_t)k->smem_bytes);
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
            put_dim(b, k->segs[s].outer[d]);
        put_u32(b, (uint32_t)k->segs[s].rows_per_block);
    }
    put_u32(b, (uint32_t)k->nalign);
    for (int i = 0; i < k->nalign; i++) {
        put_u32(b, (uint32_t)k->align[i].buf);
        put_u32(b, (uint32_t)k->align[i].bytes);
        put_u32(b, (uint32_t)k->align[i].stride_multiple);
    }
    put_u32(b, k->grid_wait ? SNB_KERNEL_GRID_WAIT : 0u);
    put_u32(b, k->few_rows != NULL);
    if (k->few_rows) {
        put_u32(b, (uint32_t)k->few_rows_grid_per_sm);
        put_kernel(b, k->few_rows);
    }
}

static void put_graph(Bytes *b, const BundleGraph *bg)
{
    const KProgram *p = bg->prog;
    const IrGraph *g = p->graph;
    put_str(b, g->name);
    put_u32(b, (uint32_t)g->nsym);
    for (int i = 0; i < g->nsym; i++)
        put_str(b, g->syms[i]);
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < p->nbuf; i++)
        counts[p->bufs[i].kind]++;
    for (int kind = 0, at = 0; kind < 3; kind++) {
        put_u32(b, (uint32_t)counts[kind]);
        for (int i = 0; i < counts[kind]; i++, at++)
            put_tensor(b, &p->bufs[at], kind == KB_OUTPUT ? bg->alias[i] : -1);
    }
    put_u32(b, (uint32_t)bg->nvariant);
    for (int v = 0; v < bg->nvariant; v++) {
        const BundleVariant *var = &bg->variants[v];
        put_u32(b, var->target.dialect == CG_CUDA ? SNB_CUDA : SNB_HIP);
        put_str(b, var->target.arch);
        put_str(b, var->module.source);
        put_u32(b, (uint32_t)var->module.nkernel);
        for (int k = 0; k < var->module.nkernel; k++)
            put_kernel(b, &var->module.kernels[k]);
        put_u32(b, (uint32_t)var->nbinary);
        for (int i = 0; i < var->nbinary; i++) {
            put_str(b, var->binaries[i].arch);
            put_str(b, var->binaries[i].compiler);
            put_u(b, var->binaries[i].size, 8);
            put_raw(b, var->binaries[i].code, var->binaries[i].size);
        }
    }
}

bool bundle_encode(const BundleGraph *graphs, int n, unsigned char **out, size_t *len)
{
    Bytes pay = {0};
    put_u32(&pay, (uint32_t)n);
    for (int i = 0; i < n; i++)
        put_graph(&pay, &graphs[i]);
    Bytes all = {0};
    put_raw(&all, SNB_MAGIC, 8);
    put_u32(&all, SNB_VERSION);
    put_u32(&all, 0);
    put_u(&all, pay.len, 8);
    put_u(&all, XXH64(pay.p, pay.len, 0), 8);
    put_raw(&all, pay.p, pay.len);
    free(pay.p);
    if (all.oom || pay.oom) {
        free(all.p);
        return false;
    }
    *out = all.p;
    *len = all.len;
    return true;
}
