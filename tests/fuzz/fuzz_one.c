/* fuzz_one.c - see fuzz_one.h.  The body every fuzz input goes through:
 * front_compile into a fresh arena and Diag; every graph that compiled must
 * pass ir_verify; the printers run into /dev/null; graphs whose params and
 * nodes hold few elements (every symbol bound to 2) run in ir_interp on
 * small inputs derived from the data.  Graphs of at most MAX_PIPELINE_NODES
 * nodes, MAX_PIPELINE_LAYOUT layout ops and MAX_PIPELINE_CATS cats,
 * compiled a second time, go on through the whole pipeline: pass_pipeline,
 * kir_verify (must pass), cg_emit for CUDA sm_90 and HIP gfx942, and, when
 * small, the kernel-IR executor on the interpreter's inputs: where the
 * interpreter succeeds kexec must too, and where no float sum or mean feeds
 * the outputs (no reassociation) and the plan rewrites no division into a
 * multiply by the reciprocal, they must agree exactly. */
#include "fuzz_one.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "codegen.h"
#include "front.h"
#include "interp.h"
#include "kexec.h"
#include "passes.h"

#define SYMBOL_VALUE 2
#define MAX_INTERP_ELEMENTS 100000
/* The passes are not all linear in the graph's size: the fusion walk's
 * memo is a list, and a value read through layout ops at many different
 * indices is visited once per index (a chain of n shifts `x[1:] + x[:-1]`
 * takes O(n^4): 200 take 8 s; each cat read inline also lengthens the
 * index of what it reads).  Bigger graphs stop after the interpreter, so
 * that each input stays fast; a pointwise chain as deep as the front end
 * allows still goes through. */
#define MAX_PIPELINE_NODES 2048
#define MAX_PIPELINE_LAYOUT 64 /* views, cats and gathers */
#define MAX_PIPELINE_CATS 16

static FILE *devnull(void)
{
    static FILE *f;
    if (!f) {
        f = fopen("/dev/null", "w");
        if (!f) {
            perror("/dev/null");
            abort();
        }
    }
    return f;
}

_Noreturn static void finding(Diag *d, const IrGraph *g, const char *what)
{
    diag_print(d, stderr);
    fprintf(stderr, "fuzz: graph '%s': %s\n", g->name, what);
    abort();
}

/* Total elements of every node (params included), or -1 if over the limit. */
static int64_t total_elements(const IrGraph *g, const int64_t *symvals)
{
    int64_t total = 0;
    for (int i = 0; i < g->nodes.len; i++) {
        int64_t n = ir_numel(g->nodes.items[i], symvals);
        if (n < 0 || n > MAX_INTERP_ELEMENTS - total)
            return -1;
        total += n;
    }
    return total;
}

/* A small pseudo-random stream seeded by the input bytes. */
static uint32_t next_rand(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static void fill_input(IrBuf *b, uint32_t *state)
{
    for (int64_t j = 0; j < b->numel; j++) {
        uint32_t r = next_rand(state);
        if (b->f)
            b->f[j] = dt_round_float((float)((int32_t)(r % 65) - 32) / 8.0f, b->dtype);
        else
            b->i[j] = (int64_t)(r % 2); /* valid for every integer dtype and bool, and a row of any table */
    }
}

static void free_bufs(IrBuf *b, int n)
{
    for (int k = 0; k < n; k++)
        ir_buf_free(&b[k]);
    free(b);
}

/* g's inputs (every symbol SYMBOL_VALUE) from seed, or NULL when the graph
 * is too big to run. */
static IrBuf *make_inputs(const IrGraph *g, int64_t *symvals, uint32_t seed)
{
    if (g->nsym > 64)
        return NULL;
    for (int k = 0; k < g->nsym; k++)
        symvals[k] = SYMBOL_VALUE;
    if (total_elements(g, symvals) < 0)
        return NULL;
    IrBuf *in = calloc((size_t)g->nparam + 1, sizeof *in);
    if (!in)
        abort();
    for (int p = 0; p < g->nparam; p++) {
        const IrNode *n = g->params[p];
        int64_t shape[IR_MAX_RANK];
        for (int k = 0; k < n->rank; k++)
            shape[k] = dim_eval(n->shape[k], symvals);
        if (!ir_buf_alloc(&in[p], n->dtype, n->rank, shape)) {
            free_bufs(in, g->nparam);
            return NULL;
        }
        fill_input(&in[p], &seed);
    }
    return in;
}

static bool pipeline_sized(const IrGraph *g)
{
    int cats = 0, layout = 0;
    for (int i = 0; i < g->nodes.len; i++) {
        IrOp op = ((const IrNode *)g->nodes.items[i])->op;
        cats += op == IR_CAT;
        layout += op == IR_CAT || op == IR_VIEW || op == IR_GATHER;
    }
    return g->nodes.len <= MAX_PIPELINE_NODES && layout <= MAX_PIPELINE_LAYOUT &&
           cats <= MAX_PIPELINE_CATS;
}

/* Does a float sum or mean feed anything (kernels may reassociate it)? */
static bool has_float_sum(const IrGraph *g)
{
    for (int i = 0; i < g->nodes.len; i++) {
        const IrNode *n = g->nodes.items[i];
        if (n->op == IR_REDUCE && n->a.reduce.kind != RED_MAX && n->a.reduce.kind != RED_MIN &&
            dt_is_float(n->in[0]->dtype))
            return true;
    }
    return false;
}

/* Does the plan turn a division into a multiply by the reciprocal (which
 * kexec follows, as the kernels do: within 1.5 ulp of the quotient, so
 * not exact)?  Few-rows kernels share the ops, with plans of their own. */
static bool has_recip(const KProgram *p)
{
    for (int k = 0; k < p->nkernel; k++)
        for (const Kernel *kn = p->kernels[k]; kn; kn = kn->few_rows)
            for (int s = 0; s < kn->nseg; s++) {
                const KSegment *seg = kn->segs[s];
                for (int i = 0; seg->plan && i < seg->ops.len; i++)
                    if (seg->plan->op[i].recip)
                        return true;
            }
    return false;
}

static bool same_values(const IrBuf *a, const IrBuf *b)
{
    if (a->numel != b->numel || a->dtype != b->dtype)
        return false;
    for (int64_t j = 0; j < a->numel; j++) {
        if (a->f ? !(a->f[j] == b->f[j] || (isnan(a->f[j]) && isnan(b->f[j])))
                 : a->i[j] != b->i[j])
            return false;
    }
    return true;
}

/* kexec on the interpreter's inputs; checked against its outputs (ref). */
static void run_kexec(const KProgram *p, const IrGraph *g, const int64_t *symvals,
                      const IrBuf *in, const IrBuf *ref, bool exact)
{
    IrBuf *out = calloc((size_t)g->nout + 1, sizeof *out);
    if (!out)
        abort();
    Diag d;
    diag_init(&d);
    if (!kexec_run(p, symvals, in, out, NULL, &d))
        finding(&d, g, "the interpreter runs it, the kernel-IR executor fails");
    for (int k = 0; k < g->nout && exact; k++)
        if (!same_values(&ref[k], &out[k]))
            finding(&d, g, "the kernel-IR executor and the interpreter disagree");
    diag_free(&d);
    free_bufs(out, g->nout);
}

/* Passes, kernel IR, code for both targets; then kexec when ref is set. */
static void run_pipeline(IrGraph *opt, const IrGraph *g, Arena *a, const int64_t *symvals,
                         const IrBuf *in, const IrBuf *ref)
{
    /* +ocp-fp8: random graphs store OCP FP8 too (cg_check_outputs) */
    static const char *const targets[] = {"sm_90", "hip:gfx942+ocp-fp8"};
    Diag d;
    diag_init(&d);
    KProgram *p = pass_pipeline(opt, &d, NULL);
    if (p && d.nerrors == 0) {
        if (!kir_verify(p, &d))
            finding(&d, g, "the pipeline's kernel IR fails kir_verify");
        for (int t = 0; t < 2; t++) {
            CgTarget target;
            CgModule m;
            if (!cg_target(targets[t], &target, &d))
                finding(&d, g, "cg_target refuses a known target");
            cg_emit(p, &target, a, &m, &d); /* over a target's limits is an error */
        }
        if (ref)
            run_kexec(p, g, symvals, in, ref, !has_float_sum(g) && !has_recip(p));
    }
    diag_print(&d, devnull());
    diag_free(&d);
}

/* The interpreter, then (for a small graph with its second compilation
 * `opt`) the pipeline. */
static void run_graph(const IrGraph *g, IrGraph *opt, Arena *a, uint32_t seed)
{
    int64_t symvals[64];
    IrBuf *in = make_inputs(g, symvals, seed);
    IrBuf *out = NULL;
    if (in) {
        out = calloc((size_t)g->nout + 1, sizeof *out);
        if (!out)
            abort();
        Diag d;
        diag_init(&d);
        if (!ir_interp(g, symvals, in, out, &d)) {
            free(out);
            out = NULL;
        }
        diag_print(&d, devnull());
        diag_free(&d);
    }
    if (opt)
        run_pipeline(opt, g, a, symvals, in, out);
    if (out)
        free_bufs(out, g->nout);
    if (in)
        free_bufs(in, g->nparam);
}

static void verify_graph(const IrGraph *g)
{
    Diag vd;
    diag_init(&vd);
    if (!ir_verify(g, &vd))
        finding(&vd, g, "fails ir_verify");
    diag_free(&vd);
}

int sn_fuzz_one(const uint8_t *data, size_t size)
{
    uint32_t seed = 2166136261u;
    for (size_t i = 0; i < size; i++)
        seed = (seed ^ data[i]) * 16777619u;
    Arena *a = arena_new();
    Diag d;
    diag_init(&d);
    SrcFile *f = front_source(a, "fuzz.sn", (const char *)data, size);
    IrModule *m = front_compile(f, a, &d), *opt = NULL;
    for (int i = 0; i < m->ngraph && !opt; i++)
        if (pipeline_sized(m->graphs[i])) {
            Diag d2;
            diag_init(&d2);
            opt = front_compile(f, a, &d2); /* the passes rewrite their graph */
            diag_free(&d2);
        }
    for (int i = 0; i < m->ngraph; i++) {
        const IrGraph *g = m->graphs[i];
        verify_graph(g);
        ir_print_graph(g, devnull());
        bool small = opt && pipeline_sized(g);
        run_graph(g, small ? opt->graphs[i] : NULL, a, seed);
    }
    diag_print(&d, devnull());
    diag_free(&d);
    arena_free(a);
    return 0;
}
