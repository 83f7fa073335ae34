/* compat.c - the extension's two calls into compiler and runtime
 * internals, each kept to one function so that it can be swapped for the
 * public API that replaces it. */
#include <stdlib.h>
#include <string.h>

#include "bundle.h"
#include "front.h"
#include "internal.h"
#include "sinter_ext.h"

#define PX_MAX_TARGETS 16

/* Every message of d as one string, raised as sinter.Error. */
static int raise_diag(const Diag *d)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    if (f) {
        diag_print(d, f);
        fclose(f);
    }
    px_raise("%s", text && len ? text : "failed with no message\n");
    free(text);
    return -1;
}

static int parse_targets(const char *const *specs, int n, CgTarget *out, int *nout, Diag *d)
{
    static const char *const defaults[] = {"cuda:sm_90", "hip:gfx942"};
    if (!n) {
        specs = defaults;
        n = 2;
    }
    if (n > PX_MAX_TARGETS) {
        px_raise("at most %d targets", PX_MAX_TARGETS);
        return -1;
    }
    for (int i = 0; i < n; i++)
        if (!cg_target(specs[i], &out[i], d))
            return raise_diag(d);
    *nout = n;
    return 0;
}

int px_compile(const char *name, const char *text, size_t len, const char *const *targets,
               int ntarget, Arena *a, PxCompiled *out)
{
    /* lead: switch to sn_compile / sn_bundle_describe when merged */
    CgTarget ts[PX_MAX_TARGETS];
    int nt = 0, rc = 0;
    Diag d;
    diag_init(&d);
    memset(out, 0, sizeof *out);
    if (parse_targets(targets, ntarget, ts, &nt, &d) < 0) {
        diag_free(&d);
        return -1;
    }
    char *copy = arena_strndup(a, text, len);
    IrModule *m = front_compile(front_source(a, name, copy, len), a, &d);
    /* a second, untouched compilation: the pipeline rewrites m's graphs */
    IrModule *ref = d.nerrors ? NULL : front_compile(front_source(a, name, copy, len), a, &d);
    BundleGraph *bgs = ARENA_ARRAY(a, BundleGraph, m->ngraph ? m->ngraph : 1);
    for (int i = 0; i < m->ngraph && !d.nerrors; i++)
        bundle_add_graph(&bgs[i], m->graphs[i], ts, nt, false, &d);
    if (d.nerrors)
        rc = raise_diag(&d);
    else if (!m->ngraph)
        rc = -1, px_raise("%s: no graph to compile", name);
    else if (!bundle_encode(bgs, m->ngraph, &out->bytes, &out->size))
        rc = -1, PyErr_NoMemory();
    diag_free(&d);
    if (rc < 0)
        return -1;
    out->ngraph = m->ngraph;
    out->progs = ARENA_ARRAY(a, const KProgram *, m->ngraph);
    out->refs = ARENA_ARRAY(a, const IrGraph *, m->ngraph);
    for (int i = 0; i < m->ngraph; i++) {
        out->progs[i] = bgs[i].prog;
        out->refs[i] = ref->graphs[i];
    }
    return 0;
}

static void describe_params(const RtTensor *ts, int n, PxParam *out)
{
    for (int i = 0; i < n; i++) {
        out[i].name = ts[i].name;
        out[i].dtype = ts[i].dtype;
        out[i].rank = ts[i].rank;
        out[i].alias = ts[i].alias;
        for (int k = 0; k < ts[i].rank; k++) {
            out[i].dims[k].coef = ts[i].dims[k].coef;
            out[i].dims[k].nsym = ts[i].dims[k].nsym;
            memcpy(out[i].dims[k].syms, ts[i].dims[k].syms, sizeof out[i].dims[k].syms);
        }
    }
}

int px_describe(const unsigned char *bytes, size_t size, Arena *a, sn_bundle **parsed,
                PxGraph **graphs, int *ngraph)
{
    /* lead: switch to sn_compile / sn_bundle_describe when merged */
    unsigned char *copy = malloc(size ? size : 1);
    if (!copy) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(copy, bytes, size);
    sn_bundle *b;
    if (rt_bundle_parse(copy, size, &b) != SN_OK) { /* takes copy over */
        px_raise("%s", sn_last_error());
        return -1;
    }
    PxGraph *gs = ARENA_ARRAY(a, PxGraph, b->ngraph ? b->ngraph : 1);
    for (int i = 0; i < b->ngraph; i++) {
        sn_graph *g = &b->graphs[i];
        gs[i] = (PxGraph){.name = g->name, .nsym = g->nsym, .nin = g->nin, .nout = g->nout,
                          .syms = (const char **)g->syms, .sig = g};
        gs[i].ins = ARENA_ARRAY(a, PxParam, g->nin ? g->nin : 1);
        gs[i].outs = ARENA_ARRAY(a, PxParam, g->nout ? g->nout : 1);
        describe_params(g->ins, g->nin, gs[i].ins);
        describe_params(g->outs, g->nout, gs[i].outs);
        for (int v = 0; v < g->nvariant; v++)
            gs[i].source[g->variants[v].dialect == SNB_HIP] = g->variants[v].source;
    }
    *parsed = b;
    *graphs = gs;
    *ngraph = b->ngraph;
    return 0;
}
