/* bundle.c - the translation of compiled graphs (the driver's BundleGraph:
 * kernel IR, generated modules, binaries) into the runtime's form of a
 * bundle, which the runtime's writer writes (runtime/bundle_write.c, beside
 * the reader and the format); the compiling is the driver's (driver.c). */
#include <stdlib.h>
#include <string.h>

#include "bundle.h"
#include "bundle_write.h"
#include "codegen.h"

/* The compiler's enums and sizes are the format's by construction, not by
 * convention: each is written as the number it has here. */
_Static_assert((int)CP_PTR == (int)SNB_PARAM_PTR && (int)CP_STRIDE == (int)SNB_PARAM_STRIDE &&
                   (int)CP_SYM == (int)SNB_PARAM_SYM &&
                   (int)CP_SCALAR == (int)SNB_PARAM_SCALAR,
               "CgParamKind and SNB_PARAM_* differ");
_Static_assert((int)CG_CUDA == (int)SNB_CUDA && (int)CG_HIP == (int)SNB_HIP, "CgDialect and SNB_CUDA/HIP differ");
/* DType and sn_dtype: both are generated from ir/dtypes.h, whose `sn` column
 * ir/dtype.c and runtime/api.c check against each. */
_Static_assert(IR_MAX_RANK == SNB_MAX_RANK && IR_MAX_DIM_SYMS == SNB_MAX_DIM_SYMS,
               "IR and bundle dim sizes differ");

/* ------------------------------------------------ to the writer's input */

static RtDim rt_dim(Dim d)
{
    RtDim r = {d.coef, d.nsym, {0}};
    for (int i = 0; i < d.nsym; i++)
        r.syms[i] = d.syms[i];
    return r;
}

static RtTensor rt_tensor(const KBuf *b, int alias)
{
    RtTensor t = {.name = (char *)b->name, .dtype = (int)b->dtype, .rank = b->rank,
                  .alias = alias, .written = b->written};
    for (int k = 0; k < b->rank; k++)
        t.dims[k] = rt_dim(b->shape[k]);
    return t;
}

/* Input p's index bounds into t (ir_index_bounds).  Past SNB_MAX_BOUNDS,
 * nbound counts on and the writer's check refuses the graph. */
static void index_bounds(const IrGraph *g, const IrNode *p, RtTensor *t)
{
    Dim sizes[SNB_MAX_BOUNDS];
    t->nbound = ir_index_bounds(g, p, sizes, SNB_MAX_BOUNDS);
    for (int b = 0; b < t->nbound && b < SNB_MAX_BOUNDS; b++)
        t->bounds[b] = rt_dim(sizes[b]);
}

static void rt_kernel(Arena *a, const CgKernel *k, RtKernel *r)
{
    const char *scalar = k->scalar_name ? k->scalar_name : "";
    *r = (RtKernel){.name = (char *)k->name, .scalar_name = (char *)scalar,
                    .block = k->block, .smem = k->smem_bytes, .nparam = k->nparam,
                    .nseg = k->nseg, .nalign = k->nalign,
                    .few_rows_grid_per_sm = k->few_rows_grid_per_sm, .grid_wait = k->grid_wait};
    r->params = ARENA_ARRAY(a, RtParam, k->nparam + 1);
    for (int i = 0; i < k->nparam; i++)
        r->params[i] = (RtParam){(int)k->params[i].kind, k->params[i].buf, k->params[i].dim,
                                 k->params[i].sym};
    r->segs = ARENA_ARRAY(a, RtSeg, k->nseg + 1);
    for (int s = 0; s < k->nseg; s++) {
        r->segs[s] = (RtSeg){k->segs[s].nouter, k->segs[s].rows_per_block, {{0}}};
        for (int d = 0; d < k->segs[s].nouter; d++)
            r->segs[s].outer[d] = rt_dim(k->segs[s].outer[d]);
    }
    r->align = ARENA_ARRAY(a, RtAlign, k->nalign + 1);
    for (int i = 0; i < k->nalign; i++)
        r->align[i] = (RtAlign){k->align[i].buf, k->align[i].bytes, k->align[i].stride_multiple};
    if (k->few_rows) {
        r->few_rows = ARENA_ARRAY(a, RtKernel, 1);
        rt_kernel(a, k->few_rows, r->few_rows);
    }
}

static void rt_variant(Arena *a, const BundleVariant *v, RtVariant *r)
{
    *r = (RtVariant){(int)v->target.dialect, (char *)v->target.arch, v->module.source,
                     v->module.nkernel, v->nbinary, NULL, NULL};
    r->kernels = ARENA_ARRAY(a, RtKernel, v->module.nkernel + 1);
    for (int k = 0; k < v->module.nkernel; k++)
        rt_kernel(a, &v->module.kernels[k], &r->kernels[k]);
    r->binaries = ARENA_ARRAY(a, RtBinary, v->nbinary + 1);
    for (int i = 0; i < v->nbinary; i++)
        r->binaries[i] = (RtBinary){(char *)v->binaries[i].arch, (char *)v->binaries[i].compiler,
                                    v->binaries[i].code, v->binaries[i].size};
}

/* The writer's form of bg (pointing into bg and a). */
static void rt_graph(Arena *a, const BundleGraph *bg, sn_graph *r)
{
    const KProgram *p = bg->prog;
    const IrGraph *g = p->graph;
    *r = (sn_graph){.name = (char *)g->name, .nsym = g->nsym, .syms = (char **)g->syms,
                    .nvariant = bg->nvariant, .pdl = -1};
    _Static_assert(SYM_FLOORDIV == SNB_SYM_FLOORDIV && SYM_MOD == SNB_SYM_MOD &&
                   SYM_CDIV == SNB_SYM_CDIV && SYM_ALIGN == SNB_SYM_ALIGN,
                   "ir.h's IrSymOp and bundle_format.h's SNB_SYM_* differ");
    if (g->symdefs) {
        r->symdefs = ARENA_ARRAY(a, RtSymDef, g->nsym);
        for (int s = 0; s < g->nsym; s++)
            r->symdefs[s] = (RtSymDef){(int)g->symdefs[s].op, rt_dim(g->symdefs[s].a),
                                       g->symdefs[s].b};
    }
    RtTensor *lists[3];
    int *counts[3] = {&r->nin, &r->nout, &r->ntemp};
    for (int kind = 0; kind < 3; kind++)
        lists[kind] = ARENA_ARRAY(a, RtTensor, p->nbuf + 1);
    for (int i = 0; i < p->nbuf; i++) {
        int kind = p->bufs[i].kind, at = (*counts[kind])++;
        lists[kind][at] = rt_tensor(&p->bufs[i], kind == KB_OUTPUT ? bg->alias[at] : -1);
        if (kind == KB_INPUT)
            index_bounds(g, g->params[at], &lists[kind][at]);
    }
    _Static_assert((int)KC_ALL_REDUCE_SUM == (int)SNB_COLL_ALL_REDUCE_SUM,
                   "kernel.h's KCollKind and bundle_format.h's SNB_COLL_* differ");
    r->ncoll = p->ncoll;
    r->colls = ARENA_ARRAY(a, RtColl, p->ncoll + 1);
    for (int i = 0; i < p->ncoll; i++)
        r->colls[i] = (RtColl){(int)p->colls[i].kind, p->colls[i].buf, p->colls[i].after};
    r->ins = lists[KB_INPUT];
    r->outs = lists[KB_OUTPUT];
    r->temps = lists[KB_TEMP];
    r->variants = ARENA_ARRAY(a, RtVariant, bg->nvariant + 1);
    for (int v = 0; v < bg->nvariant; v++)
        rt_variant(a, &bg->variants[v], &r->variants[v]);
}

bool bundle_encode(const BundleGraph *graphs, int n, unsigned char **out, size_t *len)
{
    Arena *a = arena_new();
    sn_graph *list = ARENA_ARRAY(a, sn_graph, n + 1);
    for (int i = 0; i < n; i++)
        rt_graph(a, &graphs[i], &list[i]);
    char err[512];
    bool ok = rt_bundle_write(list, n, SNB_VERSION, out, len, err, sizeof err);
    arena_free(a);
    return ok;
}

/* Whether bg fits the bundle format's limits (the reader's); an error
 * naming the graph and the limit in d if not. */
bool bundle_fits_format(const BundleGraph *bg, Arena *a, Diag *d)
{
    sn_graph r;
    char err[512];
    rt_graph(a, bg, &r);
    if (rt_bundle_check_graph(&r, SNB_VERSION, err, sizeof err))
        return true;
    diag_error(d, bg->prog->graph->span, "%s", err);
    return false;
}
