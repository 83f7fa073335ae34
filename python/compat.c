/* compat.c - the extension's calls into the compiler (the driver,
 * sn_compile) and the runtime's bundle reader, each kept to one function. */
#include <stdlib.h>
#include <string.h>

#include "driver.h"
#include "sinter.h"
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
    static const char *const defaults[] = {"cuda:sm_90", "hip:gfx950"}; /* one FP8 format */
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
               int ntarget, bool precompile, Arena *a, PxCompiled *out)
{
    CgTarget ts[PX_MAX_TARGETS];
    int nt = 0;
    Diag d;
    diag_init(&d);
    memset(out, 0, sizeof *out);
    if (parse_targets(targets, ntarget, ts, &nt, &d) < 0) {
        diag_free(&d);
        return -1;
    }
    const char *texts[1] = {arena_strndup(a, text, len)};
    SnCompileOptions opt = {.paths = &name, .texts = texts, .npath = 1, .keep_reference = true,
                            .targets = ts, .ntarget = nt, .precompile = precompile};
    SnCompiled c;
    bool ok;
    Py_BEGIN_ALLOW_THREADS /* pure C; a precompile runs NVRTC for seconds */
    ok = sn_compile(&opt, SN_STAGE_BUNDLE, NULL, NULL, a, &c, &d);
    Py_END_ALLOW_THREADS
    int rc = ok ? 0 : raise_diag(&d);
    if (!rc && !c.ngraph)
        rc = -1, px_raise("%s: no graph to compile", name);
    diag_free(&d);
    if (rc < 0) {
        sn_compiled_free(&c);
        return -1;
    }
    out->bytes = c.bytes, out->size = c.len; /* malloc'd: the caller's now */
    out->ngraph = c.ngraph;
    out->progs = ARENA_ARRAY(a, const KProgram *, c.ngraph);
    out->refs = ARENA_ARRAY(a, const IrGraph *, c.ngraph);
    for (int i = 0; i < c.ngraph; i++) {
        out->progs[i] = c.graphs[i].prog;
        out->refs[i] = c.graphs[i].reference;
    }
    return 0;
}

/* Parameter i of kind (0 inputs, 1 outputs) of g, from the public
 * introspection calls. */
static void describe_param(const sn_graph *g, int kind, int i, PxParam *out)
{
    sn_tensor_info t;
    sn_graph_tensor(g, kind, i, &t); /* i is in range: no error */
    *out = (PxParam){.name = t.name, .dtype = (int)t.dtype, .rank = t.rank, .alias = t.alias,
                    .written = t.written};
    for (int k = 0; k < t.rank; k++) {
        out->dims[k].coef = t.dims[k].coef;
        out->dims[k].nsym = t.dims[k].nsym;
        for (int s = 0; s < t.dims[k].nsym; s++)
            out->dims[k].syms[s] = t.dims[k].syms[s];
    }
}

static void describe_graph(sn_graph *g, Arena *a, PxGraph *out)
{
    sn_graph_info info;
    sn_graph_describe(g, &info);
    *out = (PxGraph){.name = info.name, .nsym = info.nsymbols, .nin = info.ninputs,
                     .nout = info.noutputs, .sig = g};
    out->syms = ARENA_ARRAY(a, const char *, info.nsymbols + 1);
    for (int s = 0; s < info.nsymbols; s++)
        out->syms[s] = sn_graph_symbol(g, s);
    out->ins = ARENA_ARRAY(a, PxParam, info.ninputs + 1);
    out->outs = ARENA_ARRAY(a, PxParam, info.noutputs + 1);
    for (int i = 0; i < info.ninputs; i++)
        describe_param(g, 0, i, &out->ins[i]);
    for (int i = 0; i < info.noutputs; i++)
        describe_param(g, 1, i, &out->outs[i]);
    for (int v = 0; v < info.nvariants; v++) {
        sn_variant_info var;
        sn_graph_variant(g, v, &var);
        out->source[strcmp(var.dialect, "HIP") == 0] = var.source;
    }
}

int px_describe(const unsigned char *bytes, size_t size, Arena *a, sn_bundle **parsed,
                PxGraph **graphs, int *ngraph)
{
    sn_bundle *b;
    if (sn_bundle_read_memory(bytes, size, &b) != SN_OK) {
        px_raise("%s", sn_last_error());
        return -1;
    }
    int n = sn_bundle_num_graphs(b);
    PxGraph *gs = ARENA_ARRAY(a, PxGraph, n + 1);
    for (int i = 0; i < n; i++)
        describe_graph(sn_bundle_graph(b, sn_bundle_graph_name(b, i)), a, &gs[i]);
    *parsed = b;
    *graphs = gs;
    *ngraph = n;
    return 0;
}
