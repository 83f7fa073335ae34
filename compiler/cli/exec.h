/* exec.h - what `ref` (cli_ref.c) and `run` (cli_run.c) share: their
 * options, and run's execution on the GPU. */
#ifndef SINTER_EXEC_H
#define SINTER_EXEC_H

#include "cli.h"
#include "driver.h"
#include "interp.h"

typedef struct {
    const char *name;
    const char *value;
} CliKV;

#define CLI_MAX_ARGS 64

typedef struct {
    const char *path, *graph, *outdir;
    uint64_t seed;
    bool raw, fused, run, check, bench;
    int bench_iters;
    int world;                 /* ref --world W: ranks simulated (0: not given, one) */
    int ntarget;               /* --target T...: the targets compiled for, which
                                  also resolve `f8` for the reference (0: the
                                  defaults, cli_default_targets) */
    CgTarget targets[SN_MAX_TARGETS];
    int ndim, ninput;
    CliKV inputs[CLI_MAX_ARGS];
    CliKV dims[CLI_MAX_ARGS];
    int64_t dimvals[CLI_MAX_ARGS];
    struct sn_graph *loaded;   /* run BUNDLE: the graph already on the device */
} RefArgs;

extern const char *const cli_usage_run;

/* `run BUNDLE.snb`: load the bundle on the GPU and describe graph r->graph
 * (or its only graph) as a graph of inputs and placeholder outputs, so the
 * input and output code of `ref` serves it; r->loaded is set.  NULL (and
 * a message) on failure. */
IrGraph *cli_bundle_signature(RefArgs *r, Arena *a);

/* `run`'s execution (cli_run.c) of graph c->graphs[0] (its reference IR):
 * on the GPU through the runtime, with --check and --bench; without a GPU,
 * says so and runs the compiled kernels in the kernel-IR executor.  c is
 * NULL for a bundle (r->loaded).  Outputs as ir_interp gives them. */
bool cli_run_graph(IrGraph *g, const SnCompiled *c, const RefArgs *r, const int64_t *symvals,
                   const IrBuf *ins, IrBuf *outs, Diag *d);

#endif
