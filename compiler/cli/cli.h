/* cli.h - shared pieces of the `sinter` driver's verbs.  Exit codes: 0 ok,
 * 1 user error (bad source, bad input data), 2 usage error. */
#ifndef SINTER_CLI_H
#define SINTER_CLI_H

#include "front.h"
#include "interp.h"

enum { EXIT_OK = 0, EXIT_USER = 1, EXIT_USAGE = 2 };

/* Compile path; on errors prints them and returns NULL. */
IrModule *cli_compile_file(const char *path, Arena *a);
/* The graph named `name`, or the only graph when name is NULL; prints an
 * error listing the graphs and returns NULL otherwise. */
IrGraph *cli_find_graph(const IrModule *m, const char *path, const char *name);
/* "--opt=value" or "--opt value": returns the value and advances *i, or
 * NULL if argv[*i] is not this option.  A missing value is a usage error
 * (prints and exits 2). */
const char *cli_opt(int argc, char **argv, int *i, const char *opt);
_Noreturn void cli_usage_error(const char *verb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

const char *cli_dtype_name(int dtype);

/* The options `ref` and `run` share (cli_ref.c parses them). */
typedef struct {
    const char *name;
    const char *value;
} CliKV;

#define CLI_MAX_ARGS 64

typedef struct {
    const char *path, *graph, *outdir, *seed_text;
    uint64_t seed;
    bool raw, fused, run, check, bench;
    int bench_iters;
    int ndim, ninput;
    CliKV dims[CLI_MAX_ARGS], inputs[CLI_MAX_ARGS];
    struct sn_graph *loaded;   /* run BUNDLE: the graph already on the device */
} RefArgs;

extern const char *const cli_usage_run;

/* `run BUNDLE.snb`: load the bundle on the GPU and describe graph r->graph
 * (or its only graph) as a graph of inputs and placeholder outputs, so the
 * input and output code of `ref` serves it; r->loaded is set.  NULL (and
 * a message) on failure. */
IrGraph *cli_bundle_signature(RefArgs *r, Arena *a);

/* `run`'s execution (cli_run.c): on the GPU through the runtime, with
 * --check and --bench; without a GPU, says so and runs the kernel-IR
 * executor.  Outputs as ir_interp gives them. */
bool cli_run_graph(IrGraph *g, const RefArgs *r, const int64_t *symvals, const IrBuf *ins,
                   IrBuf *outs, Diag *d);

int cli_ref(int argc, char **argv);
int cli_compile(int argc, char **argv);
int cli_run(int argc, char **argv);
/* `sinter dump BUNDLE.snb`: what the bundle holds. */
int cli_dump_bundle(const char *path);

#endif
