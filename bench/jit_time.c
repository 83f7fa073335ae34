/* jit_time.c - cold and warm JIT of bundles with NVRTC alone (no GPU): the
 * runtime's own load path (runtime/prepare.c, the cache, NVRTC) on a
 * device table whose driver calls do nothing, so what is timed is what
 * sinter does before the driver's cuModuleLoadData.
 *
 *     jit_time [--runs R] BUNDLE.snb...       (bench/jit_time.sh runs it)
 *
 * Per graph (CUDA source, sm_90; best of R runs, wall ms and the
 * compiling thread's CPU ms):
 *   whole     the whole source in one NVRTC program: what a cold load
 *             compiled per graph before units (and what --precompile does)
 *   first     the lazy cold cost of a graph's first launch at large T: the
 *             unit (-DSN_ONLY -DSN_ONLY_<fn>) of each kernel's many-rows
 *             vector function
 *   decode    the same at decode (a grid of few rows): each kernel's
 *             few-rows unit where it has one, else its vector unit (CPU ms,
 *             from the units timed for `units`)
 *   eager     every unit of the graph through rt_prepare (the scalar
 *             fallbacks too, as sn_graph_prepare_all), empty cache (wall)
 *   units     the sum of every unit's CPU ms, then each unit's
 * Then the CPU sums over all graphs of first, decode, every unit and every
 * unit but the scalar fallbacks (what an eager load without them would
 * compile), and for all graphs of all bundles together, each from an empty
 * cache:
 *   old       sum of the graphs' whole compiles, one after the other
 *   eager     rt_bundle_load_graphs(RT_JIT_EAGER): every unit but the
 *             scalar fallbacks, in parallel threads (SINTER_JIT=eager,
 *             sn_bundle_prepare)
 *   eager-all the same with the fallbacks (SINTER_JIT=eager-all,
 *             sn_bundle_prepare_all)
 *   lazy      the load (compiles nothing) + each graph's first launch
 *   background SINTER_JIT=background: the load, its workers compiling each
 *             vector and few-rows unit into the cache until done, then
 *             each graph's first launch; and the first launches right
 *             after the load, racing the workers
 *   warm      each again with the cache filled (a later process)
 * with the process's CPU time (every thread) beside each, which is what
 * more cores would divide; wall and CPU are each the best of the runs. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "jit.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* CPU time of the process (every thread) or of the calling thread. */
static double cpu_of(int who)
{
    struct rusage r;
    getrusage(who, &r);
    return (double)(r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e3 +
           (double)(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e3;
}

static double cpu_ms(void)
{
    return cpu_of(RUSAGE_SELF);
}

/* The driver: accepts every module; a function is its name. */
static int nop_module_load(const void *image, void **module)
{
    *module = (void *)image;
    return 0;
}

static int nop_function(void *module, const char *name, void **fn)
{
    (void)module;
    *fn = (void *)name;
    return 0;
}

static const char *nop_describe(int code)
{
    (void)code;
    return "?";
}

static const RtDevice dev = {
    .dialect = SNB_CUDA, .arch = "sm_90", .version = "jit_time", .sms = 132,
    .module_load = nop_module_load, .function = nop_function, .describe = nop_describe,
};

static sn_bundle *load_host(const char *path)
{
    unsigned char *buf;
    size_t n;
    sn_bundle *b;
    if (rt_read_file(path, &buf, &n) != SN_OK || rt_bundle_parse(buf, n, &b) != SN_OK) {
        fprintf(stderr, "jit_time: %s: %s\n", path, sn_last_error());
        exit(1);
    }
    return b;
}

/* One NVRTC compile of source (fn: its unit); wall ms, its CPU ms in *cpu. */
static double compile_ms(const char *source, const char *fn, double *cpu)
{
    char def[512], err[16384];
    snprintf(def, sizeof def, "-DSN_ONLY_%s", fn ? fn : "");
    const char *extra[2] = {"-DSN_ONLY", def};
    RtJitOutput out;
    double t = now_ms(), c = cpu_of(RUSAGE_THREAD);
    if (!rt_jit_compile_with(RT_NVRTC, source, "bench.cu", "sm_90", extra, fn ? 2 : 0, &out, err,
                             sizeof err)) {
        fprintf(stderr, "jit_time: %s\n", err);
        exit(1);
    }
    t = now_ms() - t;
    if (cpu)
        *cpu = cpu_of(RUSAGE_THREAD) - c;
    rt_jit_free(&out);
    return t;
}

/* The workers SINTER_JIT=background starts (prepare.c: SINTER_JIT_THREADS
 * - 1, at least 1; the threads default to the CPUs, at most 16). */
static int max_bg_workers(void)
{
    const char *v = getenv("SINTER_JIT_THREADS");
    long n = rt_jit_threads_parse(v, sysconf(_SC_NPROCESSORS_ONLN));
    if (n < 0)
        n = rt_jit_threads_parse(NULL, sysconf(_SC_NPROCESSORS_ONLN));
    return n > 1 ? (int)n - 1 : 1;
}

static char cache_root[64];
static int cache_n;

/* A new, empty cache directory. */
static void fresh_cache(void)
{
    char dir[128];
    snprintf(dir, sizeof dir, "%s/%d", cache_root, cache_n++);
    setenv("SINTER_CACHE_DIR", dir, 1);
}

static void unload(sn_bundle *b)
{
    for (int i = 0; i < b->ngraph; i++) {
        sn_graph *g = &b->graphs[i];
        g->module = NULL;
        g->active = NULL;
        for (int v = 0; v < g->nvariant; v++)
            for (int k = 0; k < g->variants[v].nkernel; k++)
                for (RtKernel *kn = &g->variants[v].kernels[k]; kn; kn = kn->few_rows)
                    kn->fn = kn->fn_scalar = NULL;
    }
}

static void check(sn_status s)
{
    if (s != SN_OK) {
        fprintf(stderr, "jit_time: %s\n", sn_last_error());
        exit(1);
    }
}

/* Each graph's first launch at large T: each kernel's vector function. */
static sn_status first_launches(sn_bundle *b)
{
    sn_status s = SN_OK;
    for (int i = 0; s == SN_OK && i < b->ngraph; i++) {
        sn_graph *g = &b->graphs[i];
        void *fn;
        for (int k = 0; s == SN_OK && k < g->active->nkernel; k++)
            s = rt_prepare_function(g, &dev, &g->active->kernels[k].fn,
                                    g->active->kernels[k].name, &fn);
    }
    return s;
}

/* Load b by mode (an RtJitMode; lazy: then each graph's first launch):
 * wall ms into *wall, CPU ms into *cpu. */
static void load(sn_bundle *b, int mode, double *wall, double *cpu)
{
    unload(b);
    double t = now_ms(), c = cpu_ms();
    sn_status s = rt_bundle_load_graphs(b, &dev, mode);
    if (s == SN_OK && mode == RT_JIT_LAZY)
        s = first_launches(b);
    *wall = now_ms() - t;
    *cpu = cpu_ms() - c;
    check(s);
}

/* SINTER_JIT=background on the bundles bs, from an empty cache: the load
 * (workers started) and the workers until done (wall, process CPU into
 * bg), then every first launch (into after); then again with the first
 * launches right after the load, racing the workers (their wall into
 * race[0], the process CPU until the workers are done into race[1]). */
static void background(sn_bundle **bs, int nb, double bg[2], double after[2], double race[2])
{
    fresh_cache();
    double t = now_ms(), c = cpu_ms();
    for (int bi = 0; bi < nb; bi++) {
        unload(bs[bi]);
        check(rt_bundle_load_graphs(bs[bi], &dev, RT_JIT_BACKGROUND));
    }
    rt_jit_background_wait();
    bg[0] = now_ms() - t;
    bg[1] = cpu_ms() - c;
    t = now_ms();
    c = cpu_ms();
    for (int bi = 0; bi < nb; bi++)
        check(first_launches(bs[bi]));
    after[0] = now_ms() - t;
    after[1] = cpu_ms() - c;
    fresh_cache();
    t = now_ms();
    c = cpu_ms();
    for (int bi = 0; bi < nb; bi++) {
        unload(bs[bi]);
        check(rt_bundle_load_graphs(bs[bi], &dev, RT_JIT_BACKGROUND));
    }
    for (int bi = 0; bi < nb; bi++)
        check(first_launches(bs[bi]));
    race[0] = now_ms() - t;
    rt_jit_background_wait();
    race[1] = cpu_ms() - c;
}

int main(int argc, char **argv)
{
    int runs = 3, first = 1;
    if (argc > 2 && !strcmp(argv[1], "--runs")) {
        runs = atoi(argv[2]);
        first = 3;
    }
    if (first >= argc || runs < 1) {
        fprintf(stderr, "usage: jit_time [--runs R] BUNDLE.snb...\n");
        return 2;
    }
    char info[256];
    if (!rt_jit_probe(RT_NVRTC, info, sizeof info)) {
        fprintf(stderr, "jit_time: %s\n", info);
        return 77;
    }
    snprintf(cache_root, sizeof cache_root, "/tmp/sinter-jit-time-XXXXXX");
    if (!mkdtemp(cache_root))
        return 1;
    compile_ms("extern \"C\" __global__ void k() {}", NULL, NULL); /* NVRTC's first-use cost */
    const char *threads = getenv("SINTER_JIT_THREADS");
    printf("%s, sm_90, best of %d; %ld CPUs online, SINTER_JIT_THREADS=%s\n", info, runs,
           sysconf(_SC_NPROCESSORS_ONLN), threads ? threads : "(default)");
    printf("wall ms (CPU ms of the compiling thread), best of the runs; the machine's load\n"
           "inflates wall time, CPU time less\n");
    printf("%-24s %13s %13s %6s %6s %6s  %s\n", "graph", "whole", "first", "decode", "eager",
           "units", "each unit (CPU ms; s: scalar fallback, f: few-rows)");
    int nb = argc - first;
    sn_bundle **bs = calloc((size_t)nb, sizeof *bs);
    double old_total = 0, sum_first = 0, sum_decode = 0, sum_units = 0, sum_noscalar = 0;
    int ngraph = 0;
    for (int bi = 0; bi < nb; bi++) {
        sn_bundle *b = bs[bi] = load_host(argv[first + bi]);
        for (int gi = 0; gi < b->ngraph; gi++) {
            sn_graph *g = &b->graphs[gi];
            const RtVariant *v = NULL;
            for (int i = 0; i < g->nvariant; i++)
                if (g->variants[i].dialect == SNB_CUDA)
                    v = &g->variants[i];
            if (!v)
                continue;
            /* one untimed compile of a real source first: NVRTC's code and
             * builtins paged in, so that the first graph's numbers are not
             * a cold page cache's (on 2026-12-07 a fresh GPU host's first
             * phase took 10x its later loads of the same units) */
            if (ngraph == 0)
                compile_ms(v->source, NULL, NULL);
            ngraph++;
            double whole = 1e30, eager = 1e30, unit[64], ucpu[64], wcpu = 1e30, sum = 0;
            const char *fns[64];
            bool first_fn[64] = {0}; /* a kernel's vector function: a first launch's */
            bool decode_fn[64] = {0}; /* the function a first launch at decode runs */
            char kind[64] = {0};      /* 's' scalar fallback, 'f' few-rows, 0 many-rows */
            int nfn = 0;
            for (int k = 0; k < v->nkernel; k++)
                for (const RtKernel *kn = &v->kernels[k]; kn; kn = kn->few_rows) {
                    if (nfn < 64) {
                        first_fn[nfn] = kn == &v->kernels[k];
                        decode_fn[nfn] = kn == &v->kernels[k] ? !kn->few_rows : true;
                        kind[nfn] = kn == &v->kernels[k] ? 0 : 'f';
                        fns[nfn++] = kn->name;
                    }
                    if (kn->scalar_name[0] && nfn < 64) {
                        kind[nfn] = 's';
                        fns[nfn++] = kn->scalar_name;
                    }
                }
            for (int f = 0; f < nfn; f++)
                unit[f] = ucpu[f] = 1e30;
            for (int r = 0; r < runs; r++) {
                double cpu, t = compile_ms(v->source, NULL, &cpu);
                whole = t < whole ? t : whole;
                wcpu = cpu < wcpu ? cpu : wcpu;
                for (int f = 0; f < nfn; f++) {
                    t = compile_ms(v->source, fns[f], &cpu);
                    unit[f] = t < unit[f] ? t : unit[f];
                    ucpu[f] = cpu < ucpu[f] ? cpu : ucpu[f];
                }
                fresh_cache();
                unload(b);
                t = now_ms();
                sn_status s = rt_graph_load(g, &dev, NULL);
                if (s == SN_OK)
                    s = rt_prepare(&g, 1, &dev, true);
                t = now_ms() - t;
                if (s != SN_OK) {
                    fprintf(stderr, "jit_time: %s\n", sn_last_error());
                    return 1;
                }
                eager = t < eager ? t : eager;
            }
            char each[512];
            size_t n = 0;
            double first_wall = 0, first_cpu = 0, decode_cpu = 0;
            each[0] = 0;
            for (int f = 0; f < nfn; f++) {
                first_wall += first_fn[f] ? unit[f] : 0;
                first_cpu += first_fn[f] ? ucpu[f] : 0;
                decode_cpu += decode_fn[f] ? ucpu[f] : 0;
                sum += ucpu[f];
                sum_noscalar += kind[f] == 's' ? 0 : ucpu[f];
                n += (size_t)snprintf(each + n, n < sizeof each ? sizeof each - n : 0,
                                      "%s%.0f%s", f ? " " : "", ucpu[f],
                                      kind[f] == 's' ? "s" : kind[f] == 'f' ? "f" : "");
            }
            printf("%-24.24s %5.0f (%5.0f) %5.0f (%5.0f) %6.0f %6.0f %6.0f  %s\n", g->name, whole,
                   wcpu, first_wall, first_cpu, decode_cpu, eager, sum, each);
            old_total += whole;
            sum_first += first_cpu;
            sum_decode += decode_cpu;
            sum_units += sum;
        }
    }
    /* cold m (0 eager, 1 eager-all, 2 lazy), then warm 3 + m */
    static const int modes[3] = {RT_JIT_EAGER, RT_JIT_EAGER_ALL, RT_JIT_LAZY};
    double w, c, best[6][2];
    for (int m = 0; m < 6; m++)
        best[m][0] = best[m][1] = 1e30;
    for (int r = 0; r < runs; r++) {
        for (int m = 0; m < 3; m++) {
            fresh_cache();
            for (int warm = 0; warm < 2; warm++) { /* warm: the same cache again */
                w = c = 0;
                for (int bi = 0; bi < nb; bi++) {
                    double w1, c1;
                    load(bs[bi], modes[m], &w1, &c1);
                    w += w1;
                    c += c1;
                }
                double *bm = best[3 * warm + m];
                bm[0] = w < bm[0] ? w : bm[0];
                bm[1] = c < bm[1] ? c : bm[1];
            }
        }
    }
    double bg[3][2] = {{1e30, 1e30}, {1e30, 1e30}, {1e30, 1e30}}; /* workers, after, race */
    for (int r = 0; r < runs; r++) {
        double got[3][2];
        background(bs, nb, got[0], got[1], got[2]);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 2; j++)
                bg[i][j] = got[i][j] < bg[i][j] ? got[i][j] : bg[i][j];
    }
    printf("\nCPU ms summed over the %d graphs: first launches %.0f, first launches at decode "
           "%.0f, every unit %.0f, every unit but the scalar fallbacks %.0f\n", ngraph, sum_first,
           sum_decode, sum_units, sum_noscalar);
    printf("\nall %d graphs, from an empty cache (wall ms, process CPU ms):\n", ngraph);
    printf("  old: whole sources one after the other      %8.0f\n", old_total);
    printf("  eager load, no scalar fallbacks (parallel)  %8.0f  cpu %8.0f\n", best[0][0],
           best[0][1]);
    printf("  eager-all load, every unit (parallel)       %8.0f  cpu %8.0f\n", best[1][0],
           best[1][1]);
    printf("  lazy load + each graph's first launch       %8.0f  cpu %8.0f\n", best[2][0],
           best[2][1]);
    printf("  background (SINTER_JIT=background, %d worker%s): load + workers until done %8.0f  "
           "cpu %8.0f\n", max_bg_workers(), max_bg_workers() == 1 ? "" : "s", bg[0][0],
           bg[0][1]);
    printf("    then each graph's first launch            %8.2f  cpu %8.2f\n", bg[1][0], bg[1][1]);
    printf("    first launches right after the load, racing the workers %8.0f  (cpu until the "
           "workers are done %.0f)\n", bg[2][0], bg[2][1]);
    printf("then warm (cache filled, as a later process):\n");
    printf("  eager load                                  %8.2f  (%.3f per graph)\n", best[3][0],
           best[3][0] / ngraph);
    printf("  eager-all load                              %8.2f  (%.3f per graph)\n", best[4][0],
           best[4][0] / ngraph);
    printf("  lazy load + each graph's first launch       %8.2f  (%.3f per graph)\n", best[5][0],
           best[5][0] / ngraph);
    for (int bi = 0; bi < nb; bi++)
        rt_bundle_free(bs[bi]);
    free(bs);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cache_root);
    return system(cmd) == 0 ? 0 : 1;
}
