/* cli_run.c - `sinter run`: a graph on the GPU through the runtime, with
 * the conventions of `sinter ref` for inputs and outputs.
 *   --check  compares every output with the reference interpreter and
 *            prints the errors; fails (exit 1) when an element is off by
 *            more than the output dtype's rounding step (see tolerance()).
 *   --bench  times the launch with device events: the median of at least
 *            100 launches after warm-up, inputs and outputs rotated through
 *            more memory than the L2 holds; prints microseconds, GB/s
 *            (each input read once, each output written once) and that as
 *            a fraction of a device-to-device copy measured in the run.
 * With no GPU it says so and runs the fused kernels in the kernel-IR
 * executor instead.
 * A graph with all_reduce steps runs as one rank: run makes a one-rank
 * NCCL (RCCL) communicator (ncclCommInitRank, nranks 1) from the library
 * the runtime uses ($SINTER_NCCL, else libnccl.so.2 / librccl.so.1), so
 * each all_reduce is its operand (docs/cli.md). */
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "exec.h"
#include "kexec.h"
#include "sinter.h"

const char *const cli_usage_run =
    "usage: sinter run FILE.sn|BUNDLE.snb [--graph G] [--dim NAME=N]...\n"
    "                  [--input NAME=FILE.npy]... [--output-dir D] [--seed S] [--raw]\n"
    "                  [--check] [--bench [--bench-iters N]] [--target T]...\n"
    "\n"
    "Run graph G of FILE on the GPU: compile it (as sinter compile does, by\n"
    "default for cuda:sm_90 and hip:gfx950 sources), load it through the runtime\n"
    "(JIT with the on-disk cache), launch, and summarize the outputs as\n"
    "`sinter ref` does.\n"
    "Without a GPU it says so and runs the compiled kernels on the CPU (the\n"
    "kernel-IR executor).  A bundle (sinter compile) runs as it is.\n"
    "  --dim, --input, --seed, --raw   as for `sinter ref` (see sinter ref --help)\n"
    "  --output-dir D   also write D/out0.npy, D/out1.npy, ... (D is created if\n"
    "                   missing); without it nothing is written\n"
    "  --check          compare every output with the reference interpreter\n"
    "                   (needs the .sn source); exit 1 when an element is off by\n"
    "                   more than its dtype's rounding step\n"
    "  --bench          time the launch (needs a GPU): the median of at least 100\n"
    "                   launches, inputs rotated through more memory than the L2\n"
    "                   holds, compared with a device-to-device copy\n"
    "  --bench-iters N  launches timed by --bench (default and minimum 100)\n"
    "  --target T       compile for target T instead of the defaults (as sinter\n"
    "                   compile --target: cuda:sm_90, hip:gfx942, hip:gfx1100, ...;\n"
    "                   repeatable); `f8` is then T's native e4m3 (f8e4m3fnuz on\n"
    "                   hip:gfx942) in the kernels and in --check's reference alike.\n"
    "                   Loading fails on a device none of the sources serve (no\n"
    "                   source of its dialect; only 64-lane kernels on a 32-lane\n"
    "                   AMD GPU).  Not for a bundle\n"
    "\n"
    "Environment (read by the runtime):\n"
    "  SINTER_CACHE_DIR   where JIT binaries are cached (default\n"
    "                     $XDG_CACHE_HOME/sinter or ~/.cache/sinter)\n"
    "  SINTER_NVRTC, SINTER_HIPRTC   the NVRTC / hiprtc library to dlopen\n"
    "  SINTER_HIP_ARCH    the AMD arch to compile for, instead of the device's\n"
    "  SINTER_PDL         0: no programmatic dependent launch; 1: PDL for a\n"
    "                     graph's first kernel too (default: between its kernels)\n"
    "  SINTER_FEW_ROWS    always or never: force or forbid the few-rows kernels\n"
    "  SINTER_JIT         eager: compile the kernels at load, eager-all: with their\n"
    "                     scalar fallbacks, background: in threads after the load\n"
    "                     (default lazy: each at its first launch);\n"
    "                     SINTER_JIT_THREADS caps threads\n"
    "  SINTER_LOG         1, or a list of jit,cache,launch: log what the runtime\n"
    "                     does to stderr\n";

#define BENCH_MIN_ITERS 100
#define ROTATE_BYTES (512u << 20)   /* more than any L2 (H100: 50 MB) */
#define COPY_BYTES (256u << 20)

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static size_t bytes_of(const IrNode *n, const int64_t *symvals)
{
    return (size_t)dt_bytes(n->dtype, ir_numel(n, symvals)); /* f4e2m1: packed */
}

/* Values -> storage bytes of the tensor's dtype (malloc'd). */
static void *to_storage(const IrBuf *b)
{
    int size = dt_size(b->dtype);
    unsigned char *p = malloc((size_t)(b->numel ? dt_bytes(b->dtype, b->numel) : 1));
    for (int64_t k = 0; p && k < b->numel; k++) {
        unsigned char *dst = p + k * size;
        if (dt_is_float(b->dtype)) {
            dt_store_float_at(b->f[k], b->dtype, p, k); /* f4e2m1: nibble k */
        } else {
            int64_t v = b->i[k];
            memcpy(dst, &v, (size_t)size); /* little-endian: the low bytes */
        }
    }
    return p;
}

static void from_storage(IrBuf *b, const unsigned char *p)
{
    int size = dt_size(b->dtype);
    for (int64_t k = 0; k < b->numel; k++) {
        const unsigned char *src = p + k * size;
        if (dt_is_float(b->dtype)) {
            b->f[k] = dt_load_float_at(p, b->dtype, k);
        } else if (b->dtype == DT_BOOL) {
            b->i[k] = *src != 0;
        } else {
            int64_t v = 0;
            memcpy(&v, src, (size_t)size);
            if (size < 8 && !dt_is_unsigned(b->dtype) && (v >> (8 * size - 1) & 1)) /* sign-extend */
                v |= -((int64_t)1 << (8 * size));
            b->i[k] = v;
        }
    }
}

/* ------------------------------------------------------------- check */

/* An element is right when within the output dtype's rounding step of the
 * reference: the kernels reassociate f32 reductions, so a value near a
 * rounding boundary may land on the neighbouring code. */
static void tolerance(DType t, double *rtol, double *atol)
{
    switch (t) {
    case DT_F32: *rtol = 1e-4; *atol = 1e-6; break;
    case DT_BF16: *rtol = 1.0 / 128; *atol = 1e-6; break;
    case DT_F16: *rtol = 1.0 / 1024; *atol = 1e-7; break;
    case DT_F8E4M3: case DT_F8E4M3FNUZ: *rtol = 1.0 / 8; *atol = 1.0 / 512; break;
    case DT_F8E5M2: case DT_F8E5M2FNUZ: *rtol = 1.0 / 4; *atol = 1.0 / 65536; break;
    case DT_F8E8M0: *rtol = 1.0; *atol = 0x1p-127; break; /* one code: a factor of 2 */
    case DT_F4E2M1: *rtol = 0.5; *atol = 0.5; break;      /* one code: 0.5 to 2 apart */
    default: *rtol = 0; *atol = 1; break; /* integers: one step (rounding) */
    }
}

static bool check_output(const IrGraph *g, int o, const IrBuf *got, const IrBuf *want)
{
    double rtol, atol, max_abs = 0, max_rel = 0;
    tolerance(got->dtype, &rtol, &atol);
    int64_t bad = 0, first = -1;
    for (int64_t k = 0; k < got->numel; k++) {
        double a = dt_is_float(got->dtype) ? got->f[k] : (double)got->i[k];
        double b = dt_is_float(got->dtype) ? want->f[k] : (double)want->i[k];
        if (a != a || b != b) {
            if ((a != a) != (b != b) && bad++ == 0)
                first = k;
            continue;
        }
        double err = fabs(a - b);
        max_abs = err > max_abs ? err : max_abs;
        if (fabs(b) > 1e-30 && err / fabs(b) > max_rel)
            max_rel = err / fabs(b);
        if (err > atol + rtol * fabs(b) && bad++ == 0)
            first = k;
    }
    if (ir_output_dest(g, o)) /* the updated parameter */
        printf("check %s (in-out)", g->params[ir_output_dest(g, o)->param]->a.input.name);
    else
        printf("check out%d%s%s", ir_new_output_index(g, o), g->out_names[o] ? " " : "",
               g->out_names[o] ? g->out_names[o] : "");
    printf(": max abs err %.3g, max rel err %.3g, %lld of %lld elements beyond tolerance",
           max_abs, max_rel, (long long)bad, (long long)got->numel);
    if (bad)
        printf(" (first at %lld: got %g, want %g)", (long long)first,
               dt_is_float(got->dtype) ? got->f[first] : (double)got->i[first],
               dt_is_float(got->dtype) ? want->f[first] : (double)want->i[first]);
    printf("\n");
    return bad == 0;
}

/* -------------------------------------------------------- device side */

typedef struct {
    int n;                     /* tensors: inputs then outputs */
    void *base[128];           /* device allocation per tensor (rotation slots) */
    size_t size[128], slot[128];
    int sets;
    sn_tensor t[128];
    int64_t shapes[128][IR_MAX_RANK];
    void *ws;                  /* workspace of a multi-kernel graph (or NULL) */
    size_t ws_size;
} DevTensors;

/* The graph's launch tensors: its parameters (in-out ones included), then
 * its new outputs (those not written into a parameter), in order. */
static const IrNode *launch_tensor(const IrGraph *g, int i)
{
    if (i < g->nparam)
        return g->params[i];
    for (int o = 0; o < g->nout; o++)
        if (ir_new_output_index(g, o) == i - g->nparam)
            return g->outs[o];
    return NULL;
}

static bool alloc_tensors(const IrGraph *g, const int64_t *symvals, const IrBuf *ins,
                          DevTensors *dt, int sets)
{
    dt->n = g->nparam + ir_num_new_outputs(g);
    dt->sets = sets;
    for (int i = 0; i < dt->n; i++) {
        const IrNode *n = launch_tensor(g, i);
        sn_tensor *t = &dt->t[i];
        t->dtype = (sn_dtype)n->dtype;
        t->rank = n->rank;
        for (int k = 0; k < n->rank; k++)
            dt->shapes[i][k] = dim_eval(n->shape[k], symvals);
        t->shape = dt->shapes[i];
        if (i < g->nparam && n->rank == 0) {
            t->scalar = dt_is_float(n->dtype) ? ins[i].f[0] : (double)ins[i].i[0];
            continue;
        }
        dt->size[i] = bytes_of(n, symvals);
        dt->slot[i] = (dt->size[i] + 255) & ~(size_t)255;
        if (sn_dev_alloc(&dt->base[i], dt->slot[i] * (size_t)sets) != SN_OK)
            return false;
        t->data = dt->base[i];
        if (i < g->nparam) {
            void *host = to_storage(&ins[i]);
            for (int s = 0; s < sets; s++)
                if (sn_dev_upload((char *)dt->base[i] + dt->slot[i] * (size_t)s, host,
                                  dt->size[i]) != SN_OK) {
                    free(host);
                    return false;
                }
            free(host);
        }
    }
    return true;
}

/* The workspace the graph's temporaries need for these shapes (none for a
 * one-kernel graph); shared by every set, as launches are stream-ordered. */
static bool alloc_workspace(sn_graph *gr, DevTensors *dt, int nin)
{
    if (sn_graph_workspace_size(gr, dt->t, nin, &dt->ws_size) != SN_OK)
        return false;
    return dt->ws_size == 0 || sn_dev_alloc(&dt->ws, dt->ws_size) == SN_OK;
}

static void use_set(DevTensors *dt, int s)
{
    for (int i = 0; i < dt->n; i++)
        if (dt->base[i])
            dt->t[i].data = (char *)dt->base[i] + dt->slot[i] * (size_t)s;
}

static void free_tensors(DevTensors *dt)
{
    for (int i = 0; i < dt->n; i++)
        sn_dev_free(dt->base[i]);
    sn_dev_free(dt->ws);
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

/* Median GPU time of `iters` calls of launch(set), in microseconds. */
static double time_launches(sn_graph *gr, DevTensors *dt, int nin, int nout, int iters)
{
    void *ev[2];
    sn_dev_event_create(&ev[0]);
    sn_dev_event_create(&ev[1]);
    float *ms = calloc((size_t)iters, sizeof(float));
    for (int w = 0; w < 10; w++) {
        use_set(dt, w % dt->sets);
        sn_launch(gr, dt->t, nin, dt->t + nin, nout, dt->ws, dt->ws_size, NULL);
    }
    for (int i = 0; i < iters; i++) {
        use_set(dt, i % dt->sets);
        sn_dev_event_record(ev[0], NULL);
        sn_launch(gr, dt->t, nin, dt->t + nin, nout, dt->ws, dt->ws_size, NULL);
        sn_dev_event_record(ev[1], NULL);
        sn_dev_event_elapsed_ms(ev[0], ev[1], &ms[i]);
    }
    qsort(ms, (size_t)iters, sizeof(float), cmp_float);
    double med = (double)ms[iters / 2] * 1e3;
    free(ms);
    sn_dev_event_destroy(ev[0]);
    sn_dev_event_destroy(ev[1]);
    return med;
}

/* Device-to-device copy bandwidth (bytes read + written per second). */
static double copy_bandwidth(void)
{
    void *a = NULL, *b = NULL, *ev[2];
    if (sn_dev_alloc(&a, COPY_BYTES) != SN_OK || sn_dev_alloc(&b, COPY_BYTES) != SN_OK)
        return 0;
    sn_dev_fill(a, 1, COPY_BYTES);
    sn_dev_event_create(&ev[0]);
    sn_dev_event_create(&ev[1]);
    float ms[21];
    for (int i = 0; i < 3; i++)
        sn_dev_copy(b, a, COPY_BYTES, NULL);
    for (int i = 0; i < 21; i++) {
        sn_dev_event_record(ev[0], NULL);
        sn_dev_copy(b, a, COPY_BYTES, NULL);
        sn_dev_event_record(ev[1], NULL);
        sn_dev_event_elapsed_ms(ev[0], ev[1], &ms[i]);
    }
    qsort(ms, 21, sizeof(float), cmp_float);
    sn_dev_event_destroy(ev[0]);
    sn_dev_event_destroy(ev[1]);
    sn_dev_free(a);
    sn_dev_free(b);
    return 2.0 * COPY_BYTES / (ms[10] * 1e-3);
}

/* Does some node of g read parameter p (not only a destination)? */
static bool param_read(const IrGraph *g, int p)
{
    for (int i = 0; i < g->nodes.len; i++) {
        const IrNode *n = g->nodes.items[i];
        for (int k = 0; k < n->nin; k++)
            if (n->in[k] == g->params[p])
                return true;
    }
    for (int o = 0; o < g->nout; o++)
        if (g->outs[o] == g->params[p] ||
            (ir_output_dest(g, o) && ir_output_dest(g, o)->index == g->params[p]))
            return true;
    return false;
}

static void bench(const IrGraph *g, sn_graph *gr, const int64_t *symvals, const IrBuf *ins,
                  int iters)
{
    /* bytes: every parameter the graph reads, whole, and every value it
     * stores (a scatter's rows, not its cache) */
    size_t moved = 0;
    for (int i = 0; i < g->nparam; i++)
        moved += g->params[i]->rank && param_read(g, i) ? bytes_of(g->params[i], symvals) : 0;
    for (int i = 0; i < g->nout; i++)
        moved += bytes_of(g->outs[i], symvals);
    int sets = (int)(ROTATE_BYTES / (moved ? moved : 1)) + 1;
    sets = sets < 2 ? 2 : sets > 4096 ? 4096 : sets;
    DevTensors dt = {0};
    if (!alloc_tensors(g, symvals, ins, &dt, sets) || !alloc_workspace(gr, &dt, g->nparam)) {
        fprintf(stderr, "sinter: bench: %s\n", sn_last_error());
        free_tensors(&dt);
        return;
    }
    double us = time_launches(gr, &dt, g->nparam, ir_num_new_outputs(g), iters);
    double copy = copy_bandwidth();
    double gbs = (double)moved / (us * 1e-6) / 1e9;
    printf("bench %s:", g->name);
    for (int s = 0; s < g->nsym; s++)
        printf(" %s=%lld", g->syms[s], (long long)symvals[s]);
    printf(": %.2f us (median of %d launches, %d rotating buffer sets), %.1f GB/s "
           "(%.3f MB moved), device copy %.1f GB/s, %.3f of copy\n",
           us, iters, sets, gbs, (double)moved / 1e6, copy / 1e9, copy > 0 ? gbs / (copy / 1e9)
                                                                              : 0.0);
    free_tensors(&dt);
}

/* ------------------------------------------------------------ the verb */

static bool cpu_fallback(const SnCompiled *c, const int64_t *symvals, const IrBuf *ins,
                         IrBuf *outs, Diag *d)
{
    fprintf(stderr, "sinter: %s; running the fused kernels on the CPU (kernel-IR executor)\n",
            sn_last_error());
    return kexec_run(c->graphs[0].prog, symvals, ins, outs, NULL, d);
}

/* The driver's bundle of the graph, on the device. */
static sn_graph *load(const SnCompiled *c, sn_bundle **bundle)
{
    double t0 = now_ms();
    if (sn_bundle_load_memory(c->bytes, c->len, bundle) != SN_OK) {
        fprintf(stderr, "sinter: loading on the GPU failed: %s\n", sn_last_error());
        return NULL;
    }
    const char *name = c->graphs[0].graph->name;
    fprintf(stderr, "sinter: loaded %s in %.1f ms (JIT through the on-disk cache)\n", name,
            now_ms() - t0);
    return sn_bundle_graph(*bundle, name);
}

IrGraph *cli_bundle_signature(RefArgs *r, Arena *a)
{
    sn_bundle *b;
    if (sn_bundle_load_file(r->path, &b) != SN_OK) {
        fprintf(stderr, "sinter: %s\n", sn_last_error());
        return NULL;
    }
    if (!r->graph && sn_bundle_num_graphs(b) != 1) {
        fprintf(stderr, "sinter: %s has %d graphs; choose one with --graph:", r->path,
                sn_bundle_num_graphs(b));
        for (int i = 0; i < sn_bundle_num_graphs(b); i++)
            fprintf(stderr, " %s", sn_bundle_graph_name(b, i));
        fputc('\n', stderr);
        return NULL;
    }
    const char *name = r->graph ? r->graph : sn_bundle_graph_name(b, 0);
    sn_graph *gr = sn_bundle_graph(b, name);
    if (!gr) {
        fprintf(stderr, "sinter: %s\n", sn_last_error());
        return NULL;
    }
    IrGraph *g = ir_graph_new(a, name, (Span){0});
    for (int s = 0; s < sn_graph_num_symbols(gr); s++)
        ir_graph_sym(g, sn_graph_symbol(gr, s));
    int nout = sn_graph_num_outputs(gr);
    IrNode **outs = ARENA_ARRAY(a, IrNode *, nout ? nout : 1);
    const char **names = ARENA_ARRAY(a, const char *, nout ? nout : 1);
    for (int i = 0; i < sn_graph_num_inputs(gr) + nout; i++) {
        const char *tname;
        sn_dtype t;
        int rank;
        int64_t dims[8];
        bool in = i < sn_graph_num_inputs(gr);
        if (in)
            sn_graph_input(gr, i, &tname, &t, &rank, dims);
        else
            sn_graph_output(gr, i - sn_graph_num_inputs(gr), &tname, &t, &rank, dims);
        Dim shape[IR_MAX_RANK];
        for (int k = 0; k < rank; k++)
            shape[k] = dims[k] < 0 ? dim_sym((int)(-1 - dims[k])) : dim_const(dims[k]);
        if (in) {
            IrNode *p = ir_input(g, tname, (DType)t, rank, shape, (Span){0});
            sn_tensor_info ti; /* index bounds (format 4): a dead gather from a table of
                                  each size, which is what bounds random indices */
            sn_graph_tensor(gr, 0, i, &ti);
            for (int k = 0; k < ti.nbounds; k++) {
                const sn_dim *bd = &ti.bounds[k];
                Dim size = {bd->coef, (uint8_t)bd->nsym, {(uint16_t)bd->syms[0],
                            (uint16_t)bd->syms[1], (uint16_t)bd->syms[2], (uint16_t)bd->syms[3]}};
                ir_gather(g, ir_const_f(g, 0, DT_F32, 1, &size, (Span){0}), p, 0, (Span){0});
            }
        } else { /* a placeholder carrying the output's type; never evaluated */
            int o = i - sn_graph_num_inputs(gr);
            outs[o] = dt_is_float((DType)t) ? ir_const_f(g, 0, (DType)t, rank, shape, (Span){0})
                                             : ir_const_i(g, 0, (DType)t, rank, shape, (Span){0});
            names[o] = tname;
        }
    }
    /* an in-out input is shown (and saved) updated: an output written into it */
    int nw = 0;
    for (int i = 0; i < sn_graph_num_inputs(gr); i++)
        nw += sn_graph_input_written(gr, i);
    IrNode **all = ARENA_ARRAY(a, IrNode *, nout + nw + 1);
    const char **all_names = ARENA_ARRAY(a, const char *, nout + nw + 1);
    memcpy(all, outs, sizeof *all * (size_t)nout);
    memcpy(all_names, names, sizeof *all_names * (size_t)nout);
    for (int i = 0, o = nout; i < sn_graph_num_inputs(gr); i++)
        if (sn_graph_input_written(gr, i)) {
            all[o] = g->params[i];
            all_names[o++] = g->params[i]->a.input.name;
        }
    ir_set_outputs(g, nout + nw, all, all_names);
    for (int i = 0, o = nout; i < sn_graph_num_inputs(gr); i++)
        if (sn_graph_input_written(gr, i)) {
            IrDest d = {.param = i};
            for (int k = 0; k < g->params[i]->rank; k++)
                d.map[k] = ix_var(a, k);
            ir_set_output_dest(g, o++, &d);
        }
    r->loaded = gr;
    return g;
}

/* A one-rank communicator for gr's all_reduce steps (none needed: true,
 * *comm NULL); false (printed) when NCCL cannot be opened or initialised.
 * *destroy is what frees it. */
static bool one_rank_comm(sn_graph *gr, const char *arch, void **comm, int (**destroy)(void *))
{
    typedef struct { char internal[128]; } UniqueId; /* ncclUniqueId */
    *comm = NULL;
    int n = sn_graph_num_collectives(gr);
    if (!n)
        return true;
    const char *env = getenv("SINTER_NCCL");
    const char *lib = env && env[0] ? env : strncmp(arch, "gfx", 3) ? "libnccl.so.2"
                                                                   : "librccl.so.1";
    void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
    int (*get_id)(UniqueId *) = NULL;
    int (*init)(void **, int, UniqueId, int) = NULL;
    if (h) {
        *(void **)&get_id = dlsym(h, "ncclGetUniqueId");
        *(void **)&init = dlsym(h, "ncclCommInitRank");
        *(void **)destroy = dlsym(h, "ncclCommDestroy");
    }
    if (!get_id || !init || !*destroy) {
        fprintf(stderr, "sinter: the graph has %d all_reduce step%s and %s could not be used "
                "(%s); set SINTER_NCCL to a libnccl.so.2\n", n, n == 1 ? "" : "s", lib,
                h ? "no ncclCommInitRank" : dlerror());
        return false;
    }
    UniqueId id;
    int rc = get_id(&id);
    if (rc == 0)
        rc = init(comm, 1, id, 0);
    if (rc != 0) {
        fprintf(stderr, "sinter: a one-rank communicator (ncclCommInitRank) failed: %d\n", rc);
        return false;
    }
    fprintf(stderr, "sinter: %d all_reduce step%s over one rank (%s)\n", n, n == 1 ? "" : "s",
            lib);
    sn_graph_set_comm(gr, *comm);
    return true;
}

bool cli_run_graph(IrGraph *g, const SnCompiled *c, const RefArgs *r, const int64_t *symvals,
                   const IrBuf *ins, IrBuf *outs, Diag *d)
{
    void *comm = NULL;
    int (*comm_destroy)(void *) = NULL;
    char arch[64], name[256];
    IrBuf *want = r->check ? calloc((size_t)g->nout + 1, sizeof(IrBuf)) : NULL;
    if (r->check && !ir_interp(g, symvals, ins, want, d)) {
        free(want);
        return false;
    }
    bool ok;
    sn_bundle *bundle = NULL;
    if (sn_dev_info(arch, sizeof arch, name, sizeof name) != SN_OK) {
        if (r->bench)
            fprintf(stderr, "sinter: --bench needs a GPU: %s\n", sn_last_error());
        ok = !r->bench && !r->loaded && cpu_fallback(c, symvals, ins, outs, d);
        if (r->loaded)
            fprintf(stderr, "sinter: %s; a bundle runs on a GPU only\n", sn_last_error());
    } else {
        fprintf(stderr, "sinter: device %s (%s)\n", name, arch);
        sn_graph *gr = r->loaded ? r->loaded : load(c, &bundle);
        DevTensors dt = {0};
        ok = gr && one_rank_comm(gr, arch, &comm, &comm_destroy) &&
             alloc_tensors(g, symvals, ins, &dt, 1) && alloc_workspace(gr, &dt, g->nparam) &&
             sn_launch(gr, dt.t, g->nparam, dt.t + g->nparam, ir_num_new_outputs(g), dt.ws,
                       dt.ws_size, NULL) == SN_OK &&
             sn_dev_synchronize() == SN_OK;
        for (int o = 0; ok && o < g->nout; o++) {
            /* a new output, or the parameter it was written into (updated) */
            const IrDest *dst = ir_output_dest(g, o);
            const IrNode *n = dst ? g->params[dst->param] : g->outs[o];
            int at = dst ? dst->param : g->nparam + ir_new_output_index(g, o);
            int64_t shape[IR_MAX_RANK];
            for (int k = 0; k < n->rank; k++)
                shape[k] = dim_eval(n->shape[k], symvals);
            size_t bytes = bytes_of(n, symvals);
            unsigned char *host = malloc(bytes ? bytes : 1);
            ok = host && ir_buf_alloc(&outs[o], n->dtype, n->rank, shape) &&
                 sn_dev_download(host, dt.t[at].data, bytes) == SN_OK;
            if (ok)
                from_storage(&outs[o], host);
            free(host);
        }
        if (!ok && gr)
            fprintf(stderr, "sinter: %s\n", sn_last_error());
        free_tensors(&dt);
        if (ok && r->bench)
            bench(g, gr, symvals, ins, r->bench_iters > BENCH_MIN_ITERS ? r->bench_iters
                                                                        : BENCH_MIN_ITERS);
    }
    for (int o = 0; ok && r->check && o < g->nout; o++)
        if (!check_output(g, o, &outs[o], &want[o]))
            ok = false;
    for (int o = 0; want && o < g->nout; o++)
        ir_buf_free(&want[o]);
    free(want);
    sn_bundle_free(bundle);
    if (comm)
        comm_destroy(comm);
    return ok;
}
