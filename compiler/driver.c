/* driver.c - the compile pipeline (driver.h), read top to bottom in
 * sn_compile and compile_graph. */
#define _GNU_SOURCE /* sched_getaffinity */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver.h"
#include "front.h"
#include "jit.h"

static const Span nowhere;

static bool stage_done(SnDumpHook hook, void *ctx, SnStage s, const SnCompiled *c, int graph)
{
    return !hook || hook(ctx, s, c, graph);
}

/* ------------------------------------------------- choosing the graphs */

static void list_graphs(char *buf, size_t len, const SnCompiled *c)
{
    size_t pos = 0;
    buf[0] = 0;
    for (int i = 0; i < c->ngraph && pos < len; i++)
        pos += (size_t)snprintf(buf + pos, len - pos, " %s", c->graphs[i].graph->name);
}

/* Keep the graph named opt->graph (if given) and check one_graph. */
static bool select_graphs(const SnCompileOptions *opt, SnCompiled *c, Diag *d)
{
    char names[1024];
    list_graphs(names, sizeof names, c);
    const char *path = opt->npath == 1 ? opt->paths[0] : "the input";
    if (opt->graph) {
        int keep = 0;
        for (int i = 0; i < c->ngraph; i++)
            if (!strcmp(c->graphs[i].graph->name, opt->graph))
                c->graphs[keep++] = c->graphs[i];
        if (!keep)
            diag_error(d, nowhere, "%s has no graph '%s'; its graphs:%s", path, opt->graph, names);
        c->ngraph = keep;
        return keep > 0;
    }
    if (opt->one_graph && c->ngraph != 1) {
        diag_error(d, nowhere, "%s has %d graphs; choose one with --graph:%s", path, c->ngraph,
                   names);
        return false;
    }
    return true;
}

/* Two graphs of one name (from different files: the front end refuses them
 * within a file) would make the bundle ambiguous. */
static bool distinct_names(const SnCompiled *c, Diag *d)
{
    for (int i = 0; i < c->ngraph; i++)
        for (int j = 0; j < i; j++) {
            const IrGraph *a = c->graphs[j].graph, *b = c->graphs[i].graph;
            if (strcmp(a->name, b->name) != 0)
                continue;
            diag_error(d, b->span, "graph '%s' is defined twice: in %s and in %s", b->name,
                       c->graphs[j].path, c->graphs[i].path);
            diag_note(d, a->span, "the other '%s' is here", a->name);
            return false;
        }
    return true;
}

/* ------------------------------------------------------- front end */

static void add_module(SnCompiled *c, const char *path, const IrModule *m, const IrModule *ref,
                       Arena *a)
{
    if (c->ngraph + m->ngraph > c->cap) { /* doubling: many files stay linear */
        c->cap = 2 * (c->ngraph + m->ngraph);
        SnGraphResult *all = ARENA_ARRAY(a, SnGraphResult, c->cap);
        if (c->ngraph)
            memcpy(all, c->graphs, sizeof *all * (size_t)c->ngraph);
        c->graphs = all;
    }
    for (int i = 0; i < m->ngraph; i++) {
        SnGraphResult *r = &c->graphs[c->ngraph + i];
        memset(r, 0, sizeof *r);
        r->graph = m->graphs[i];
        r->reference = ref ? ref->graphs[i] : NULL;
        r->path = path;
    }
    c->ngraph += m->ngraph;
}

/* Read, parse and lower one file; the AST hook sees it parsed. */
static bool front(const SnCompileOptions *opt, int i, SnStage stop, SnDumpHook hook,
                  void *ctx, Arena *a, SnCompiled *c, Diag *d)
{
    const char *path = opt->paths[i], *text = opt->texts ? opt->texts[i] : NULL;
    SrcFile *f = text ? front_source(a, path, text, strlen(text)) : front_read_file(a, path, d);
    if (!f)
        return false;
    AstFile *ast = front_parse(f, a, d);
    /* `f8`: the targets' native e4m3, or an error at each use where they
     * disagree (cg_targets_f8) */
    DType f8 = DT_F8E4M3;
    char f8_why[512];
    bool f8_ok = cg_targets_f8(opt->targets, opt->ntarget, &f8, f8_why, sizeof f8_why);
    const char *f8_refused = f8_ok ? NULL : arena_strdup(a, f8_why);
    c->file = f;
    c->ast = ast;
    if (stop == SN_STAGE_AST)
        return !d->nerrors && stage_done(hook, ctx, SN_STAGE_AST, c, -1);
    IrModule *m = front_lower_f8(ast, f8, f8_refused, a, d); /* every graph's first error */
    if (d->nerrors)
        return false;
    /* the reference from a second parse: lowering never shares nodes with it */
    IrModule *ref =
        opt->keep_reference ? front_lower_f8(front_parse(f, a, d), f8, f8_refused, a, d) : NULL;
    add_module(c, path, m, ref, a);
    return true;
}

/* ------------------------------------------------------ the back end */

/* Do p and q have the same buffers (the bundle's signature and workspace)? */
static bool same_buffers(const KProgram *p, const KProgram *q)
{
    if (p->nbuf != q->nbuf)
        return false;
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *x = &p->bufs[b], *y = &q->bufs[b];
        if (x->kind != y->kind || x->dtype != y->dtype || x->rank != y->rank)
            return false;
        for (int k = 0; k < x->rank; k++)
            if (!dim_eq(x->shape[k], y->shape[k]))
                return false;
    }
    return true;
}

/* The kernels for target t's wave: r->prog (scheduled for the first
 * target) when its wave is t's, else the same fusion plan kernelized,
 * planned and checked for in-place writes (pass_check_dests) for t (the
 * first target of that wave), made once and kept in *other; NULL with the
 * error in d when the check refuses it.  Outputs may alias inputs only
 * where both programs allow it. */
static const KProgram *prog_for_wave(SnGraphResult *r, const CgTarget *t, KProgram **other,
                                     Diag *d)
{
    if (r->prog->target.wave == t->wave)
        return r->prog;
    if (*other)
        return *other;
    KTarget kt = cg_target_facts(t);
    KProgram *p = pass_kernelize(r->plan, &kt, d);
    if (!p)
        return NULL;
    pass_plan(p, r->graph->arena);
    Diag vd;
    diag_init(&vd);
    bool ok = kir_verify(p, &vd);
    diag_print(&vd, stderr);
    diag_free(&vd);
    IR_ASSERT(ok && same_buffers(r->prog, p));
    /* the parameters written in place keep the first program's rules: a
     * few-rows variant of this wave's schedule that would read an element
     * another lane writes is dropped, as pass_pipeline_for drops the first
     * program's (tests/hip_cpu ran a 64-lane one that did) */
    if (!pass_check_dests(p, d))
        return NULL;
    for (int o = 0; o < r->graph->nout; o++)
        if (pass_alias(p, o) != r->bundle.alias[o])
            r->bundle.alias[o] = -1;
    return *other = p;
}

/* One source per dialect and wave size of the targets serves every arch of
 * it: CUDA's (32 lanes), HIP's for CDNA (64) and for RDNA (32), each
 * scheduled for its wave (the first target of it gives the facts). */
static bool emit_code(SnGraphResult *r, const CgTarget *targets, int ntarget, Arena *a, Diag *d)
{
    BundleGraph *bg = &r->bundle;
    KProgram *other = NULL;
    for (int t = 0; t < ntarget; t++) {
        bool have = false;
        for (int v = 0; v < bg->nvariant; v++)
            have |= bg->variants[v].target.dialect == targets[t].dialect &&
                    bg->variants[v].target.wave == targets[t].wave;
        if (have || bg->nvariant == BUNDLE_MAX_VARIANTS)
            continue;
        const KProgram *p = prog_for_wave(r, &targets[t], &other, d);
        BundleVariant *var = &bg->variants[bg->nvariant];
        var->target = targets[t];
        if (!p || !cg_emit(p, &targets[t], a, &var->module, d))
            return false;
        bg->nvariant++;
    }
    return true;
}

/* ---------------------------------------------------------- precompile */

/* One binary: a graph's variant compiled for one arch. */
typedef struct {
    BundleVariant *var;
    const char *graph, *arch;
    RtJitOutput out;
    bool ok;
    char err[8192];
} PreJob;

typedef struct {
    PreJob *jobs;
    int njob, next;            /* next: the first job no thread has taken */
    pthread_mutex_t lock;
} PrePool;

static RtCompiler compiler_of(const BundleVariant *var)
{
    return var->target.dialect == CG_CUDA ? RT_NVRTC : RT_HIPRTC;
}

static void *pre_worker(void *arg)
{
    PrePool *pool = arg;
    for (;;) {
        pthread_mutex_lock(&pool->lock);
        int j = pool->next < pool->njob ? pool->next++ : -1;
        pthread_mutex_unlock(&pool->lock);
        if (j < 0)
            return NULL;
        PreJob *job = &pool->jobs[j];
        job->ok = rt_jit_compile(compiler_of(job->var), job->var->module.source, job->graph,
                                 job->arch, &job->out, job->err, sizeof job->err);
    }
}

/* Threads for n compiles: $SINTER_JIT_THREADS (as the runtime reads it),
 * else the CPUs this process may use, at most 16. */
static int pre_threads(int n)
{
    const char *env = getenv("SINTER_JIT_THREADS");
    char *end = NULL;
    long t = env && *env ? strtol(env, &end, 10) : 0;
    if (!env || !*env || *end || t < 1) {
        cpu_set_t set;
        t = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set)
                                                        : sysconf(_SC_NPROCESSORS_ONLN);
        t = t > 16 ? 16 : t;
    }
    return (int)(t > n ? n : t < 1 ? 1 : t);
}

/* A binary of every graph's variants for each target arch of the variant's
 * dialect and wave, compiled in parallel threads (NVRTC compiles programs
 * in parallel; jit.c serializes hiprtc where it must), attached in graph,
 * variant and target order, each the same bytes a serial compile gives;
 * the first failure in that order is the error.  A bundle of 20 graphs
 * took 20 NVRTC compiles one after the other. */
static bool precompile_all(SnCompiled *c, const CgTarget *targets, int ntarget, Arena *a,
                           Diag *d)
{
    int njob = 0;
    for (int i = 0; i < c->ngraph; i++) {
        BundleGraph *bg = &c->graphs[i].bundle;
        for (int v = 0; v < bg->nvariant; v++) {
            BundleVariant *var = &bg->variants[v];
            int n = 0;
            for (int t = 0; t < ntarget; t++)
                n += targets[t].dialect == var->target.dialect &&
                     targets[t].wave == var->target.wave;
            if (var->nbinary + n > BUNDLE_MAX_BINARIES) {
                diag_error(d, nowhere, "--precompile: more than %d archs of one dialect",
                           BUNDLE_MAX_BINARIES);
                return false;
            }
            char version[128];
            if (n && !rt_jit_probe(compiler_of(var), version, sizeof version)) {
                diag_error(d, nowhere, "--precompile: %s", version);
                return false;
            }
            njob += n;
        }
    }
    PrePool pool = {.jobs = calloc((size_t)njob + 1, sizeof(PreJob)), .njob = njob};
    if (!pool.jobs) {
        diag_error(d, nowhere, "--precompile: out of memory");
        return false;
    }
    int k = 0;
    for (int i = 0; i < c->ngraph; i++) {
        BundleGraph *bg = &c->graphs[i].bundle;
        for (int v = 0; v < bg->nvariant; v++)
            for (int t = 0; t < ntarget; t++)
                if (targets[t].dialect == bg->variants[v].target.dialect &&
                    targets[t].wave == bg->variants[v].target.wave)
                    pool.jobs[k++] = (PreJob){.var = &bg->variants[v],
                                              .graph = c->graphs[i].graph->name,
                                              .arch = targets[t].arch};
    }
    pthread_mutex_init(&pool.lock, NULL);
    pthread_t th[16];
    int nth = pre_threads(njob), started = 0;
    for (int t = 1; t < nth; t++) /* the calling thread is one of them */
        started += pthread_create(&th[started], NULL, pre_worker, &pool) == 0;
    pre_worker(&pool);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
    pthread_mutex_destroy(&pool.lock);
    bool ok = true;
    for (int j = 0; j < njob; j++) {
        PreJob *job = &pool.jobs[j];
        if (ok && !job->ok) {
            diag_error(d, nowhere, "--precompile of graph %s: %s", job->graph, job->err);
            ok = false;
        }
        if (ok) {
            char version[128];
            rt_jit_probe(compiler_of(job->var), version, sizeof version);
            BundleBinary *bin = &job->var->binaries[job->var->nbinary++];
            bin->arch = job->arch;
            bin->compiler = arena_strdup(a, version);
            void *code = arena_alloc(a, job->out.size ? job->out.size : 1);
            memcpy(code, job->out.binary, job->out.size);
            bin->code = code;
            bin->size = job->out.size;
        }
        rt_jit_free(&job->out);
    }
    free(pool.jobs);
    for (int i = 0; ok && i < c->ngraph; i++)
        ok = bundle_fits_format(&c->graphs[i].bundle, a, d);
    return ok;
}

/* One graph from the graph IR on: each stage, then its hook. */
static bool compile_graph(const SnCompileOptions *opt, SnStage stop, SnDumpHook hook, void *ctx,
                          Arena *a, SnCompiled *c, int i, Diag *d)
{
    SnGraphResult *r = &c->graphs[i];
    if (!stage_done(hook, ctx, SN_STAGE_IR, c, i))
        return false;
    if (stop == SN_STAGE_IR)
        return true;
    /* scheduled for the first target's wave and limits; a target of another
     * wave size gets its own kernels from the same fusion plan (emit_code) */
    KTarget kt = opt->ntarget ? cg_target_facts(&opt->targets[0]) : ktarget_default();
    r->prog = pass_pipeline_for(r->graph, &kt, d, &r->plan); /* verified between passes */
    if (!r->prog || !stage_done(hook, ctx, SN_STAGE_FUSED, c, i))
        return false;
    if (stop == SN_STAGE_FUSED)
        return true;
    r->bundle.prog = r->prog;
    r->bundle.alias = ARENA_ARRAY(a, int, r->graph->nout + 1); /* per new output */
    for (int o = 0; o < r->graph->nout; o++)
        if (ir_new_output_index(r->graph, o) >= 0)
            r->bundle.alias[ir_new_output_index(r->graph, o)] = pass_alias(r->prog, o);
    if (!stage_done(hook, ctx, SN_STAGE_KERNELS, c, i))
        return false;
    if (stop == SN_STAGE_KERNELS)
        return true;
    if (!emit_code(r, opt->targets, opt->ntarget, a, d))
        return false;
    /* with precompile, the binaries come once every graph has its code
     * (precompile_all), and the format's limits are checked then */
    if (!opt->precompile && !bundle_fits_format(&r->bundle, a, d))
        return false;
    return stage_done(hook, ctx, SN_STAGE_CODE, c, i);
}

static bool encode(SnCompiled *c, Arena *a, Diag *d)
{
    BundleGraph *list = ARENA_ARRAY(a, BundleGraph, c->ngraph + 1);
    for (int i = 0; i < c->ngraph; i++)
        list[i] = c->graphs[i].bundle;
    if (bundle_encode(list, c->ngraph, &c->bytes, &c->len))
        return true;
    diag_error(d, nowhere, "out of memory encoding the bundle");
    return false;
}

/* ---------------------------------------------------------- pipeline */

bool sn_compile(const SnCompileOptions *opt, SnStage stop, SnDumpHook hook, void *ctx,
                Arena *a, SnCompiled *out, Diag *d)
{
    memset(out, 0, sizeof *out);
    for (int f = 0; f < opt->npath; f++)
        if (!front(opt, f, stop, hook, ctx, a, out, d))
            return false;
    if (stop == SN_STAGE_AST)
        return true;
    if (!distinct_names(out, d) || !select_graphs(opt, out, d))
        return false;
    for (int i = 0; i < out->ngraph; i++)
        if (!compile_graph(opt, stop, hook, ctx, a, out, i, d))
            return false;
    if (stop < SN_STAGE_BUNDLE)
        return true;
    if (opt->precompile && !precompile_all(out, opt->targets, opt->ntarget, a, d))
        return false;
    return encode(out, a, d) && stage_done(hook, ctx, SN_STAGE_BUNDLE, out, -1);
}

void sn_compiled_free(SnCompiled *c)
{
    free(c->bytes);
    c->bytes = NULL;
}
