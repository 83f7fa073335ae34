/* bundle.c - the .snb reader (format in bundle_format.h).  Every read is
 * bounds-checked; a bad file is an SN_ERR_BUNDLE naming what was wrong and
 * where, never a crash.  Strings and code point into the owned bytes. */
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "internal.h"

typedef struct {
    const unsigned char *p, *end, *start;
    bool bad;
    const char *what;
    uint32_t version;          /* the bundle's format version */
} Rd;

static bool need(Rd *r, size_t n, const char *what)
{
    if (r->bad)
        return false;
    if ((size_t)(r->end - r->p) < n) {
        r->bad = true;
        r->what = what;
        return false;
    }
    return true;
}

static uint64_t rd_u(Rd *r, int bytes, const char *what)
{
    if (!need(r, (size_t)bytes, what))
        return 0;
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += bytes;
    return v;
}

static uint32_t rd_u32(Rd *r, const char *what) { return (uint32_t)rd_u(r, 4, what); }

/* A count that must fit what is left (each item takes at least `unit`). */
static uint32_t rd_count(Rd *r, size_t unit, uint32_t max, const char *what)
{
    uint32_t n = rd_u32(r, what);
    if (!r->bad && (n > max || (size_t)(r->end - r->p) < (size_t)n * unit)) {
        r->bad = true;
        r->what = what;
        return 0;
    }
    return n;
}

/* A NUL-terminated copy of a str field. */
static char *rd_str(Rd *r, const char *what)
{
    uint32_t n = rd_u32(r, what);
    if (!need(r, n, what))
        return NULL;
    char *s = malloc((size_t)n + 1);
    if (!s) {
        r->bad = true;
        r->what = "out of memory";
        return NULL;
    }
    memcpy(s, r->p, n);
    s[n] = 0;
    r->p += n;
    return s;
}

static void rd_dim(Rd *r, RtDim *d, int nsym_graph)
{
    d->coef = (int64_t)rd_u(r, 8, "a dim");
    uint32_t n = rd_u32(r, "a dim");
    if (n > SNB_MAX_DIM_SYMS || d->coef < 0)
        r->bad = true, r->what = "a dim";
    d->nsym = (int)n;
    for (int i = 0; i < SNB_MAX_DIM_SYMS; i++) {
        uint32_t s = rd_u32(r, "a dim");
        d->syms[i] = (int)s;
        if (i < d->nsym && (int)s >= nsym_graph)
            r->bad = true, r->what = "a dim's symbol";
    }
}

static void rd_tensors(Rd *r, RtTensor **out, int *n, int nsym, const char *what)
{
    *n = (int)rd_count(r, 16, 4096, what);
    *out = calloc((size_t)*n + 1, sizeof(RtTensor));
    for (int i = 0; i < *n && !r->bad; i++) {
        RtTensor *t = &(*out)[i];
        t->name = rd_str(r, what);
        t->dtype = (int)rd_u32(r, what);
        t->rank = (int)rd_u32(r, what);
        if (t->dtype > SN_BOOL || t->rank > SNB_MAX_RANK) {
            r->bad = true;
            r->what = what;
            return;
        }
        for (int k = 0; k < t->rank; k++)
            rd_dim(r, &t->dims[k], nsym);
        t->alias = (int)(int32_t)rd_u32(r, what);
    }
}

static void rd_kernel(Rd *r, RtKernel *k, int nbuf, int nsym, bool nested)
{
    k->name = rd_str(r, "a kernel name");
    k->scalar_name = rd_str(r, "a kernel name");
    k->block = (int)rd_u32(r, "a kernel");
    k->smem = (int)rd_u32(r, "a kernel");
    k->nparam = (int)rd_count(r, 16, 1024, "kernel parameters");
    k->params = calloc((size_t)k->nparam + 1, sizeof(RtParam));
    for (int i = 0; i < k->nparam && !r->bad; i++) {
        RtParam *p = &k->params[i];
        p->kind = (int)rd_u32(r, "a parameter");
        p->buf = (int)rd_u32(r, "a parameter");
        p->dim = (int)rd_u32(r, "a parameter");
        p->sym = (int)rd_u32(r, "a parameter");
        if (p->kind > SNB_PARAM_SCALAR || (p->kind != SNB_PARAM_SYM && p->buf >= nbuf) ||
            (p->kind == SNB_PARAM_SYM && p->sym >= nsym) || p->dim >= SNB_MAX_RANK)
            r->bad = true, r->what = "a parameter";
    }
    k->nseg = (int)rd_count(r, 8, 64, "kernel segments");
    k->segs = calloc((size_t)k->nseg + 1, sizeof(RtSeg));
    for (int i = 0; i < k->nseg && !r->bad; i++) {
        RtSeg *s = &k->segs[i];
        s->nouter = (int)rd_u32(r, "a segment");
        if (s->nouter > SNB_MAX_RANK) {
            r->bad = true, r->what = "a segment";
            return;
        }
        for (int d = 0; d < s->nouter; d++)
            rd_dim(r, &s->outer[d], nsym);
        s->rows_per_block = (int)rd_u32(r, "a segment");
        if (s->rows_per_block < 1)
            r->bad = true, r->what = "a segment";
    }
    k->nalign = (int)rd_count(r, 12, 1024, "alignments");
    k->align = calloc((size_t)k->nalign + 1, sizeof(RtAlign));
    for (int i = 0; i < k->nalign && !r->bad; i++) {
        k->align[i].buf = (int)rd_u32(r, "an alignment");
        k->align[i].bytes = (int)rd_u32(r, "an alignment");
        k->align[i].stride_multiple = (int)rd_u32(r, "an alignment");
        if (k->align[i].buf >= nbuf || k->align[i].bytes < 1 || k->align[i].stride_multiple < 1)
            r->bad = true, r->what = "an alignment";
    }
    if (k->block < 1 || k->block > 1024)
        r->bad = true, r->what = "a kernel's block size";
    if (r->version >= 3) {
        uint32_t flags = rd_u32(r, "a kernel's flags");
        if (flags & ~(uint32_t)SNB_KERNEL_GRID_WAIT)
            r->bad = true, r->what = "a kernel's flags";
        k->grid_wait = flags & SNB_KERNEL_GRID_WAIT;
    }
    if (r->version < 2 || r->bad)
        return;
    uint32_t few = rd_u32(r, "a kernel's few-rows variant");
    if (few > 1 || (few && nested)) {
        r->bad = true, r->what = "a kernel's few-rows variant";
        return;
    }
    if (!few)
        return;
    k->few_rows_grid_per_sm = (int)rd_u32(r, "a kernel's few-rows variant");
    if (k->few_rows_grid_per_sm < 1 || k->few_rows_grid_per_sm > 1 << 20) {
        r->bad = true, r->what = "a kernel's few-rows variant";
        return;
    }
    k->few_rows = calloc(1, sizeof(RtKernel));
    if (!k->few_rows) {
        r->bad = true, r->what = "out of memory";
        return;
    }
    rd_kernel(r, k->few_rows, nbuf, nsym, true);
}

static void rd_variant(Rd *r, RtVariant *v, int nbuf, int nsym)
{
    v->dialect = (int)rd_u32(r, "a variant");
    v->arch = rd_str(r, "a variant");
    v->source = rd_str(r, "the source");
    v->nkernel = (int)rd_count(r, 24, 1024, "kernels");
    v->kernels = calloc((size_t)v->nkernel + 1, sizeof(RtKernel));
    for (int i = 0; i < v->nkernel && !r->bad; i++)
        rd_kernel(r, &v->kernels[i], nbuf, nsym, false);
    v->nbinary = (int)rd_count(r, 16, 256, "binaries");
    v->binaries = calloc((size_t)v->nbinary + 1, sizeof(RtBinary));
    for (int i = 0; i < v->nbinary && !r->bad; i++) {
        RtBinary *b = &v->binaries[i];
        b->arch = rd_str(r, "a binary");
        b->compiler = rd_str(r, "a binary");
        uint64_t n = rd_u(r, 8, "a binary");
        if (!need(r, n, "a binary's code"))
            return;
        b->code = r->p;
        b->size = (size_t)n;
        r->p += n;
    }
    if (v->dialect > SNB_HIP)
        r->bad = true, r->what = "a variant's dialect";
}

static void rd_graph(Rd *r, sn_graph *g)
{
    g->name = rd_str(r, "a graph name");
    g->nsym = (int)rd_count(r, 4, 64, "symbols");
    g->syms = calloc((size_t)g->nsym + 1, sizeof(char *));
    for (int i = 0; i < g->nsym && !r->bad; i++)
        g->syms[i] = rd_str(r, "a symbol");
    rd_tensors(r, &g->ins, &g->nin, g->nsym, "inputs");
    rd_tensors(r, &g->outs, &g->nout, g->nsym, "outputs");
    rd_tensors(r, &g->temps, &g->ntemp, g->nsym, "temporaries");
    for (int i = 0; i < g->nout && !r->bad; i++)
        if (g->outs[i].alias < -1 || g->outs[i].alias >= g->nin)
            r->bad = true, r->what = "an output's alias";
    int nbuf = g->nin + g->nout + g->ntemp;
    g->nvariant = (int)rd_count(r, 16, 16, "variants");
    g->variants = calloc((size_t)g->nvariant + 1, sizeof(RtVariant));
    for (int i = 0; i < g->nvariant && !r->bad; i++)
        rd_variant(r, &g->variants[i], nbuf, g->nsym);
}

sn_status rt_bundle_parse(unsigned char *bytes, size_t size, sn_bundle **out)
{
    *out = NULL;
    sn_bundle *b = calloc(1, sizeof *b);
    if (!b) {
        free(bytes);
        return rt_error(SN_ERR_BUNDLE, "out of memory");
    }
    b->bytes = bytes;
    b->size = size;
    if (size < SNB_HEADER_BYTES || memcmp(bytes, SNB_MAGIC, 8) != 0) {
        rt_bundle_free(b);
        return rt_error(SN_ERR_BUNDLE, "not a sinter bundle (bad magic or shorter than %u bytes)",
                        SNB_HEADER_BYTES);
    }
    Rd h = {bytes + 8, bytes + SNB_HEADER_BYTES, bytes, false, NULL, 0};
    uint32_t version = rd_u32(&h, "header");
    rd_u32(&h, "header");
    uint64_t payload = rd_u(&h, 8, "header"), hash = rd_u(&h, 8, "header");
    if (version > SNB_VERSION) {
        rt_bundle_free(b);
        return rt_error(SN_ERR_BUNDLE, "bundle format version %u is newer than this runtime's %u;"
                        " rebuild it with this sinter or update the runtime", version, SNB_VERSION);
    }
    if (payload != size - SNB_HEADER_BYTES) {
        rt_bundle_free(b);
        return rt_error(SN_ERR_BUNDLE, "truncated bundle: the header says %llu payload bytes, "
                        "the file has %zu", (unsigned long long)payload, size - SNB_HEADER_BYTES);
    }
    if (XXH64(bytes + SNB_HEADER_BYTES, (size_t)payload, 0) != hash) {
        rt_bundle_free(b);
        return rt_error(SN_ERR_BUNDLE, "bundle checksum mismatch: the file is corrupt");
    }
    Rd r = {bytes + SNB_HEADER_BYTES, bytes + size, bytes, false, NULL, version};
    b->ngraph = (int)rd_count(&r, 8, 4096, "graphs");
    b->graphs = calloc((size_t)b->ngraph + 1, sizeof(sn_graph));
    for (int i = 0; i < b->ngraph && !r.bad; i++) {
        b->graphs[i].bundle = b;
        b->graphs[i].pdl = -1;
        rd_graph(&r, &b->graphs[i]);
    }
    if (r.bad || r.p != r.end) {
        size_t at = (size_t)(r.p - bytes);
        rt_bundle_free(b);
        return rt_error(SN_ERR_BUNDLE, "corrupt bundle: bad %s at byte %zu",
                        r.bad ? r.what : "trailing data", at);
    }
    *out = b;
    return SN_OK;
}

static void free_kernel(RtKernel *k)
{
    free(k->name);
    free(k->scalar_name);
    free(k->params);
    free(k->segs);
    free(k->align);
    if (k->few_rows)
        free_kernel(k->few_rows);
    free(k->few_rows);
}

static void free_variant(RtVariant *v)
{
    free(v->arch);
    free(v->source);
    for (int k = 0; k < v->nkernel; k++)
        free_kernel(&v->kernels[k]);
    free(v->kernels);
    for (int k = 0; k < v->nbinary; k++) {
        free(v->binaries[k].arch);
        free(v->binaries[k].compiler);
    }
    free(v->binaries);
}

void rt_bundle_free(sn_bundle *b)
{
    if (!b)
        return;
    for (int i = 0; i < b->ngraph; i++) {
        sn_graph *g = &b->graphs[i];
        free(g->name);
        for (int k = 0; k < g->nsym; k++)
            free(g->syms[k]);
        free(g->syms);
        RtTensor *lists[3] = {g->ins, g->outs, g->temps};
        int counts[3] = {g->nin, g->nout, g->ntemp};
        for (int l = 0; l < 3; l++) {
            for (int k = 0; k < counts[l]; k++)
                free(lists[l][k].name);
            free(lists[l]);
        }
        for (int k = 0; k < g->nvariant; k++)
            free_variant(&g->variants[k]);
        free(g->variants);
    }
    free(b->graphs);
    free(b->bytes);
    free(b);
}

int64_t rt_dim_eval(const RtDim *d, const int64_t *symvals)
{
    int64_t v = d->coef;
    for (int i = 0; i < d->nsym; i++) {
        int64_t s = symvals[d->syms[i]];
        if (s < 0 || (s && v > INT64_MAX / s))
            return -1;
        v *= s;
    }
    return v;
}
