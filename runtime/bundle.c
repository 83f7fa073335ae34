/* bundle.c - the .snb reader (format in bundle_format.h).  Every read is
 * bounds-checked; a bad file is an SN_ERR_BUNDLE naming what was wrong and
 * where, never a crash.  Strings and code point into the owned bytes. */
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "internal.h"
#include "../ir/dtypes.h" /* self-contained: the dtype count */

#define X(ID, ...) +1
enum { DTYPE_LAST = -1 SN_DTYPES(X) };
#undef X

typedef struct {
    const unsigned char *p, *end, *start;
    bool bad;
    const char *what;
    uint32_t version;          /* the bundle's format version */
} Rd;

static bool fail(Rd *r, const char *what)
{
    if (!r->bad)
        r->bad = true, r->what = what;
    return false;
}

static bool need(Rd *r, size_t n, const char *what)
{
    if (r->bad)
        return false;
    if ((size_t)(r->end - r->p) < n)
        return fail(r, what);
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

/* A u32 in [lo, hi] (as an int; hi <= INT_MAX), else bad and lo. */
static int rd_int(Rd *r, uint32_t lo, uint32_t hi, const char *what)
{
    uint32_t v = rd_u32(r, what);
    if (r->bad || v < lo || v > hi)
        return fail(r, what), (int)lo;
    return (int)v;
}

/* A count that must fit what is left (each item takes at least `unit`
 * bytes), so a count never asks for more memory than the file justifies. */
static int rd_count(Rd *r, size_t unit, uint32_t max, const char *what)
{
    uint32_t n = rd_u32(r, what);
    if (!r->bad && (n > max || (size_t)(r->end - r->p) / unit < (size_t)n))
        return fail(r, what), 0;
    return r->bad ? 0 : (int)n;
}

/* *n zeroed items, or NULL with *n = 0 (and bad) when out of memory. */
static void *rd_array(Rd *r, int *n, size_t size)
{
    void *p = calloc((size_t)*n + 1, size);
    if (!p) {
        *n = 0;
        fail(r, "out of memory");
    }
    return p;
}

/* A NUL-terminated copy of a str field of at most max bytes and no NUL. */
static char *rd_str(Rd *r, uint32_t max, const char *what)
{
    uint32_t n = rd_u32(r, what);
    if (!need(r, n, what) || n > max || memchr(r->p, 0, n))
        return fail(r, what), NULL;
    char *s = malloc((size_t)n + 1);
    if (!s)
        return fail(r, "out of memory"), NULL;
    memcpy(s, r->p, n);
    s[n] = 0;
    r->p += n;
    return s;
}

static void rd_dim(Rd *r, RtDim *d, int nsym_graph)
{
    uint64_t coef = rd_u(r, 8, "a dim");
    if (coef > (uint64_t)INT64_MAX)
        fail(r, "a dim's size");
    d->coef = (int64_t)coef;
    d->nsym = rd_int(r, 0, SNB_MAX_DIM_SYMS, "a dim's symbol count");
    for (int i = 0; i < SNB_MAX_DIM_SYMS; i++) {
        uint32_t s = rd_u32(r, "a dim");
        if (i < d->nsym ? s >= (uint32_t)nsym_graph : s != 0)
            fail(r, "a dim's symbol");
        d->syms[i] = r->bad ? 0 : (int)s;
    }
}

/* Index bounds: only where allowed (an input) and of an integer tensor. */
static void rd_bounds(Rd *r, RtTensor *t, int nsym, bool allowed)
{
    bool integer = (t->dtype >= SN_I8 && t->dtype <= SN_I64) ||
                   (t->dtype >= SN_U8 && t->dtype <= SN_I16);
    t->nbound = rd_int(r, 0, allowed && integer ? SNB_MAX_BOUNDS : 0, "a tensor's index bounds");
    for (int i = 0; i < t->nbound; i++)
        rd_dim(r, &t->bounds[i], nsym);
}

/* Tensors; an alias must be -1 or below alias_max (outputs: the input
 * count; inputs and temporaries: 0, so their alias field is -1); bounds:
 * whether they may have index bounds (inputs). */
static void rd_tensors(Rd *r, RtTensor **out, int *n, int nsym, int alias_max, bool bounds,
                       const char *what)
{
    *n = rd_count(r, 16, SNB_MAX_BUFFERS, what);
    *out = rd_array(r, n, sizeof(RtTensor));
    for (int i = 0; i < *n && !r->bad; i++) {
        RtTensor *t = &(*out)[i];
        t->name = rd_str(r, SNB_MAX_NAME, what);
        t->dtype = rd_int(r, 0, DTYPE_LAST, "a tensor's dtype");
        t->rank = rd_int(r, 0, SNB_MAX_RANK, "a tensor's rank");
        for (int k = 0; k < t->rank; k++)
            rd_dim(r, &t->dims[k], nsym);
        int32_t alias = (int32_t)rd_u32(r, what);
        if (alias < -1 || alias >= alias_max)
            fail(r, "an output's alias");
        t->alias = r->bad ? -1 : alias;
        if (r->version >= 4)
            rd_bounds(r, t, nsym, bounds);
        if (r->version >= 5) { /* flags: bit 0 written, inputs only */
            uint32_t flags = rd_u32(r, what);
            if (flags & ~(uint32_t)(bounds ? SNB_TENSOR_WRITTEN : 0))
                fail(r, "a tensor's flags");
            t->written = !r->bad && (flags & SNB_TENSOR_WRITTEN);
        }
    }
}

/* Buffer-relative fields of a parameter: a pointer names any buffer; a
 * stride a dim of an input; a scalar a rank-0 input; unused fields are 0. */
static bool param_ok(const RtParam *p, const sn_graph *g, int nbuf)
{
    switch (p->kind) {
    case SNB_PARAM_PTR: return p->buf < nbuf && p->dim == 0 && p->sym == 0;
    case SNB_PARAM_STRIDE:
        return p->buf < g->nin && p->dim < g->ins[p->buf].rank && p->sym == 0;
    case SNB_PARAM_SYM: return p->buf == 0 && p->dim == 0 && p->sym < g->nsym;
    default: return p->buf < g->nin && g->ins[p->buf].rank == 0 && p->dim == 0 && p->sym == 0;
    }
}

static void rd_params(Rd *r, RtKernel *k, const sn_graph *g, int nbuf)
{
    k->nparam = rd_count(r, 16, SNB_MAX_PARAMS, "kernel parameters");
    k->params = rd_array(r, &k->nparam, sizeof(RtParam));
    for (int i = 0; i < k->nparam && !r->bad; i++) {
        RtParam *p = &k->params[i];
        p->kind = rd_int(r, 0, SNB_PARAM_SCALAR, "a parameter's kind");
        p->buf = rd_int(r, 0, INT32_MAX, "a parameter's buffer");
        p->dim = rd_int(r, 0, INT32_MAX, "a parameter's dim");
        p->sym = rd_int(r, 0, INT32_MAX, "a parameter's symbol");
        if (!r->bad && !param_ok(p, g, nbuf))
            fail(r, "a parameter");
    }
}

static void rd_segs(Rd *r, RtKernel *k, int nsym)
{
    k->nseg = rd_count(r, 8, SNB_MAX_SEGS, "kernel segments");
    k->segs = rd_array(r, &k->nseg, sizeof(RtSeg));
    for (int i = 0; i < k->nseg && !r->bad; i++) {
        RtSeg *s = &k->segs[i];
        s->nouter = rd_int(r, 0, SNB_MAX_RANK, "a segment's rank");
        for (int d = 0; d < s->nouter; d++)
            rd_dim(r, &s->outer[d], nsym);
        s->rows_per_block = rd_int(r, 1, INT32_MAX, "a segment's rows per block");
    }
}

/* Alignments: a power-of-two byte alignment of a buffer's base (at most
 * SNB_MAX_ALIGN) and a stride multiple of an input's outer strides. */
static void rd_aligns(Rd *r, RtKernel *k, int nbuf)
{
    k->nalign = rd_count(r, 12, SNB_MAX_ALIGNS, "alignments");
    k->align = rd_array(r, &k->nalign, sizeof(RtAlign));
    for (int i = 0; i < k->nalign && !r->bad; i++) {
        RtAlign *al = &k->align[i];
        al->buf = rd_int(r, 0, INT32_MAX, "an alignment's buffer");
        al->bytes = rd_int(r, 1, SNB_MAX_ALIGN, "an alignment's bytes");
        al->stride_multiple = rd_int(r, 1, INT32_MAX, "an alignment's stride multiple");
        if (al->buf >= nbuf)
            fail(r, "an alignment's buffer");
        if (al->bytes & (al->bytes - 1))
            fail(r, "an alignment's bytes");
    }
}

static void rd_kernel(Rd *r, RtKernel *k, const sn_graph *g, bool nested)
{
    int nbuf = g->nin + g->nout + g->ntemp;
    k->name = rd_str(r, SNB_MAX_NAME, "a kernel name");
    k->scalar_name = rd_str(r, SNB_MAX_NAME, "a kernel name");
    if (k->name && !k->name[0])
        fail(r, "a kernel name");
    k->block = rd_int(r, 1, 1024, "a kernel's block size");
    k->smem = rd_int(r, 0, SNB_MAX_SMEM, "a kernel's shared memory");
    rd_params(r, k, g, nbuf);
    rd_segs(r, k, g->nsym);
    rd_aligns(r, k, nbuf);
    if (r->version >= 3) {
        uint32_t flags = rd_u32(r, "a kernel's flags");
        if (flags & ~(uint32_t)SNB_KERNEL_GRID_WAIT)
            fail(r, "a kernel's flags");
        k->grid_wait = flags & SNB_KERNEL_GRID_WAIT;
    }
    if (r->version < 2 || r->bad)
        return;
    if (!rd_int(r, 0, nested ? 0 : 1, "a kernel's few-rows variant"))
        return;
    k->few_rows_grid_per_sm = rd_int(r, 1, 1 << 20, "a kernel's few-rows variant");
    int one = 1;
    k->few_rows = r->bad ? NULL : rd_array(r, &one, sizeof(RtKernel));
    if (k->few_rows)
        rd_kernel(r, k->few_rows, g, true);
}

static void rd_binaries(Rd *r, RtVariant *v)
{
    v->nbinary = rd_count(r, 16, SNB_MAX_BINARIES, "binaries");
    v->binaries = rd_array(r, &v->nbinary, sizeof(RtBinary));
    for (int i = 0; i < v->nbinary && !r->bad; i++) {
        RtBinary *b = &v->binaries[i];
        b->arch = rd_str(r, SNB_MAX_NAME, "a binary's arch");
        b->compiler = rd_str(r, SNB_MAX_NAME, "a binary's compiler");
        uint64_t n = rd_u(r, 8, "a binary");
        if (!need(r, n, "a binary's code"))
            return;
        b->code = r->p;
        b->size = (size_t)n;
        r->p += n;
    }
}

static void rd_variant(Rd *r, RtVariant *v, const sn_graph *g)
{
    v->dialect = rd_int(r, SNB_CUDA, SNB_HIP, "a variant's dialect");
    v->arch = rd_str(r, SNB_MAX_NAME, "a variant's arch");
    v->source = rd_str(r, SNB_MAX_SOURCE, "the source");
    v->nkernel = rd_count(r, 24, SNB_MAX_KERNELS, "kernels");
    v->kernels = rd_array(r, &v->nkernel, sizeof(RtKernel));
    for (int i = 0; i < v->nkernel && !r->bad; i++)
        rd_kernel(r, &v->kernels[i], g, false);
    rd_binaries(r, v);
}

static void rd_graph(Rd *r, sn_graph *g)
{
    g->name = rd_str(r, SNB_MAX_NAME, "a graph name");
    g->nsym = rd_count(r, 4, SNB_MAX_SYMS, "symbols");
    g->syms = rd_array(r, &g->nsym, sizeof(char *));
    for (int i = 0; i < g->nsym && !r->bad; i++)
        g->syms[i] = rd_str(r, SNB_MAX_NAME, "a symbol");
    if (r->version >= 6 && g->nsym && !r->bad) {
        g->symdefs = rd_array(r, &g->nsym, sizeof(RtSymDef));
        for (int i = 0; i < g->nsym && !r->bad; i++) {
            RtSymDef *d = &g->symdefs[i];
            d->op = rd_int(r, SNB_SYM_FREE, SNB_SYM_ALIGN, "a symbol's definition");
            rd_dim(r, &d->a, i); /* only earlier symbols */
            uint64_t b = rd_u(r, 8, "a symbol's definition");
            if (d->op == SNB_SYM_FREE ? b != 0 || d->a.coef != 0 || d->a.nsym != 0
                                      : b < 1 || b > (uint64_t)INT64_MAX)
                fail(r, "a symbol's definition");
            d->b = (int64_t)b;
        }
    }
    rd_tensors(r, &g->ins, &g->nin, g->nsym, 0, true, "inputs");
    rd_tensors(r, &g->outs, &g->nout, g->nsym, g->nin, false, "outputs");
    rd_tensors(r, &g->temps, &g->ntemp, g->nsym, 0, false, "temporaries");
    if (!r->bad && g->nin + g->nout + g->ntemp > SNB_MAX_BUFFERS)
        fail(r, "buffer count");
    if (r->version >= 7 && !r->bad) {
        g->ncoll = rd_count(r, 12, SNB_MAX_COLLS, "collectives");
        g->colls = rd_array(r, &g->ncoll, sizeof(RtColl));
        for (int i = 0; i < g->ncoll && !r->bad; i++) {
            RtColl *c = &g->colls[i];
            c->op = rd_int(r, SNB_COLL_ALL_REDUCE_SUM, SNB_COLL_ALL_REDUCE_SUM, "a collective's op");
            c->buf = rd_int(r, 0, SNB_MAX_BUFFERS, "a collective's buffer");
            c->after = rd_int(r, 0, SNB_MAX_KERNELS - 1, "a collective's kernel");
            if (!r->bad && (c->buf < g->nin + g->nout || c->buf >= g->nin + g->nout + g->ntemp))
                fail(r, "a collective's buffer (not a temporary)");
            if (r->bad)
                break;
            if (g->temps[c->buf - g->nin - g->nout].dtype != SN_F32 ||
                (i && c->after < g->colls[i - 1].after))
                fail(r, "a collective (an f32 temporary, in kernel order)");
            for (int j = 0; j < i; j++)
                if (g->colls[j].buf == c->buf)
                    fail(r, "a collective's buffer (summed twice)");
        }
    }
    g->nvariant = rd_count(r, 16, SNB_MAX_VARIANTS, "variants");
    g->variants = rd_array(r, &g->nvariant, sizeof(RtVariant));
    for (int i = 0; i < g->nvariant && !r->bad; i++) {
        rd_variant(r, &g->variants[i], g);
        if (!r->bad && g->ncoll && g->colls[g->ncoll - 1].after >= g->variants[i].nkernel)
            fail(r, "a collective's kernel (past the variant's last)");
    }
}

/* The header: magic, a known version, flags 0, the payload size and its
 * checksum; SN_OK with the version in *version. */
static sn_status check_header(const unsigned char *bytes, size_t size, uint32_t *version)
{
    if (size < SNB_HEADER_BYTES || memcmp(bytes, SNB_MAGIC, 8) != 0)
        return rt_error(SN_ERR_BUNDLE, "not a sinter bundle (bad magic or shorter than %u bytes)",
                        SNB_HEADER_BYTES);
    Rd h = {bytes + 8, bytes + SNB_HEADER_BYTES, bytes, false, NULL, 0};
    *version = rd_u32(&h, "header");
    uint32_t flags = rd_u32(&h, "header");
    uint64_t payload = rd_u(&h, 8, "header"), hash = rd_u(&h, 8, "header");
    if (*version > SNB_VERSION)
        return rt_error(SN_ERR_BUNDLE, "bundle format version %u is newer than this runtime's %u;"
                        " rebuild it with this sinter or update the runtime", *version,
                        SNB_VERSION);
    if (*version == 0)
        return rt_error(SN_ERR_BUNDLE, "bundle format version 0 does not exist");
    if (flags != 0)
        return rt_error(SN_ERR_BUNDLE, "corrupt bundle: the header's reserved flags are %#x, "
                        "not 0", flags);
    if (payload != size - SNB_HEADER_BYTES)
        return rt_error(SN_ERR_BUNDLE, "truncated bundle: the header says %llu payload bytes, "
                        "the file has %zu", (unsigned long long)payload, size - SNB_HEADER_BYTES);
    if (XXH64(bytes + SNB_HEADER_BYTES, (size_t)payload, 0) != hash)
        return rt_error(SN_ERR_BUNDLE, "bundle checksum mismatch: the file is corrupt");
    return SN_OK;
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
    uint32_t version = 0;
    sn_status s = check_header(bytes, size, &version);
    if (s != SN_OK) {
        rt_bundle_free(b);
        return s;
    }
    Rd r = {bytes + SNB_HEADER_BYTES, bytes + size, bytes, false, NULL, version};
    b->version = version;
    b->ngraph = rd_count(&r, 8, INT32_MAX, "graphs");
    b->graphs = rd_array(&r, &b->ngraph, sizeof(sn_graph));
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
        free(g->symdefs);
        free(g->colls);
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
    for (int i = 0; i < d->nsym; i++)
        v = snb_rows_mul(v, symvals[d->syms[i]]);
    return v;
}
