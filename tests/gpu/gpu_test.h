/* gpu_test.h - what the GPU tests (test_runtime.c, test_tp_gpu.c) share:
 * the pass/fail counters and CHECK, a graph compiled to a loaded bundle,
 * and the CUDA driver calls of graph capture (dlopen'd: the tests build
 * without CUDA and skip without a GPU).  One test program includes it once. */
#ifndef SN_TESTS_GPU_TEST_H
#define SN_TESTS_GPU_TEST_H

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver.h"
#include "sinter.h"

static int passed, failed;

/* Counts a check; a failed one prints its file, line and message. */
#define CHECK(cond, ...)                                                                     \
    do {                                                                                     \
        if (cond) {                                                                          \
            passed++;                                                                        \
        } else {                                                                             \
            failed++;                                                                        \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                      \
            printf(__VA_ARGS__);                                                             \
            printf("\n");                                                                    \
        }                                                                                    \
    } while (0)

typedef struct {
    IrGraph *g;             /* the reference graph (for the interpreter) */
    unsigned char *bundle;  /* the bundle's bytes (malloc'd) */
    size_t len;
    sn_bundle *b;
    sn_graph *gr;
} Compiled;

/* The one graph of the file at path compiled for the targets (names as
 * `sinter compile --target` takes them, at most 4), its reference IR kept,
 * and its bundle loaded; false, with the reason printed, on failure. */
static inline bool gpu_compile(const char *path, const char *const *targets, int ntarget,
                               Compiled *c, Arena *a)
{
    Diag d;
    diag_init(&d);
    CgTarget t[4];
    if (ntarget > 4)
        ntarget = 4;
    for (int i = 0; i < ntarget; i++)
        cg_target(targets[i], &t[i], &d);
    SnCompileOptions opt = {.paths = &path, .npath = 1, .one_graph = true, .keep_reference = true,
                            .targets = t, .ntarget = ntarget};
    SnCompiled sc;
    bool ok = sn_compile(&opt, SN_STAGE_BUNDLE, NULL, NULL, a, &sc, &d);
    diag_print(&d, stderr);
    diag_free(&d);
    if (!ok)
        return false;
    c->bundle = sc.bytes;
    c->len = sc.len;
    c->g = sc.graphs[0].reference;
    if (sn_bundle_load_memory(c->bundle, c->len, &c->b) != SN_OK) {
        printf("load: %s\n", sn_last_error());
        return false;
    }
    c->gr = sn_bundle_graph(c->b, c->g->name);
    return c->gr != NULL;
}

static inline void compiled_free(Compiled *c)
{
    sn_bundle_free(c->b);
    free(c->bundle);
}

/* A test's start: to the source root argv[1] when given (1 when that
 * fails), then the device (its arch and name), or 77 (meson: skipped) with
 * "no GPU (why): skipped" printed; 0 when the test may run. */
static inline int gpu_start(int argc, char **argv, char *arch, size_t alen, char *name,
                            size_t nlen)
{
    if (argc > 1 && chdir(argv[1]) != 0)
        return 1;
    if (sn_dev_info(arch, alen, name, nlen) != SN_OK) {
        printf("no GPU (%s): skipped\n", sn_last_error());
        return 77;
    }
    return 0;
}

/* The driver calls the graph tests need (streams, capture, graphs); false,
 * with "skip <what>" printed, on a device that is not CUDA. */
typedef struct {
    int (*stream_create)(void **, unsigned);
    int (*begin)(void *, int);
    int (*end)(void *, void **);
    int (*inst)(void **, void *, unsigned long long);
    int (*glaunch)(void *, void *);
    int (*ssync)(void *);
} CudaCalls;

static inline bool cuda_calls(CudaCalls *cu, const char *what)
{
    void *cuda = dlopen("libcuda.so.1", RTLD_NOW);
    memset(cu, 0, sizeof *cu);
    if (cuda) {
        *(void **)&cu->stream_create = dlsym(cuda, "cuStreamCreate");
        *(void **)&cu->begin = dlsym(cuda, "cuStreamBeginCapture_v2");
        *(void **)&cu->end = dlsym(cuda, "cuStreamEndCapture");
        *(void **)&cu->inst = dlsym(cuda, "cuGraphInstantiateWithFlags");
        *(void **)&cu->glaunch = dlsym(cuda, "cuGraphLaunch");
        *(void **)&cu->ssync = dlsym(cuda, "cuStreamSynchronize");
    }
    if (cu->stream_create && cu->begin && cu->end && cu->inst && cu->glaunch && cu->ssync)
        return true;
    printf("skip %s: not a CUDA device\n", what);
    return false;
}

#endif
