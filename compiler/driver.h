/* driver.h - the one compile pipeline every `sinter` verb runs:
 *
 *   read -> parse -> lower -> graph passes, fusion, kernel IR (pass_pipeline)
 *   -> alias analysis -> codegen per dialect -> [precompile] -> bundle
 *
 * sn_compile stops after a given stage and calls a hook after each stage
 * (`sinter dump --stage X` is the hook at X).  Nothing here prints or exits:
 * user errors go to the Diag, the hook's output is the hook's business. */
#ifndef SINTER_DRIVER_H
#define SINTER_DRIVER_H

#include "ast.h"
#include "bundle.h"
#include "passes.h"

typedef enum {
    SN_STAGE_AST,      /* per file: the syntax tree */
    SN_STAGE_IR,       /* per graph: the graph IR as lowered */
    SN_STAGE_FUSED,    /* per graph: the IR after the graph passes, the plan */
    SN_STAGE_KERNELS,  /* per graph: the kernel IR, aliasing */
    SN_STAGE_CODE,     /* per graph: one CUDA/HIP module per dialect of the targets */
    SN_STAGE_BUNDLE    /* once: the bundle's bytes */
} SnStage;

#define SN_MAX_TARGETS 16

typedef struct {
    const char *const *paths;  /* .sn files */
    const char *const *texts;  /* NULL, or per path: the file's text already in memory
                                  (compiled under the path's name; NULL: read the file) */
    int npath;
    const char *graph;         /* compile only this graph (NULL: every graph) */
    bool one_graph;            /* exactly one graph is selected, else an error */
    bool keep_reference;       /* also lower each graph a second time, untouched by
                                  the passes, for the reference interpreter */
    const CgTarget *targets;   /* SN_STAGE_CODE: one source per dialect; with
                                  precompile, a binary per target arch */
    int ntarget;
    bool precompile;
} SnCompileOptions;

typedef struct {
    IrGraph *graph;            /* lowered; rewritten by the passes from SN_STAGE_FUSED */
    IrGraph *reference;        /* keep_reference: as lowered, never rewritten */
    const char *path;          /* the file it came from */
    FusionPlan *plan;          /* SN_STAGE_FUSED on */
    KProgram *prog;            /* SN_STAGE_KERNELS on */
    BundleGraph bundle;        /* alias (KERNELS on), variants (CODE on) */
} SnGraphResult;

typedef struct {
    const SrcFile *file;       /* the file of the current SN_STAGE_AST hook call */
    const AstFile *ast;        /* likewise */
    int ngraph, cap;           /* cap: the driver's, graphs' allocated length */
    SnGraphResult *graphs;     /* every selected graph of every file, in order */
    unsigned char *bytes;      /* SN_STAGE_BUNDLE: malloc'd; sn_compiled_free */
    size_t len;
} SnCompiled;

/* Called after each stage up to stop_after: for SN_STAGE_AST once per file
 * (graph -1), for SN_STAGE_BUNDLE once (graph -1), else once per selected
 * graph.  Returning false stops the compile (sn_compile returns false; the
 * hook has said why). */
typedef bool (*SnDumpHook)(void *ctx, SnStage stage, const SnCompiled *c, int graph);

/* Compile opt->paths through stop_after into *out; everything but out->bytes
 * lives in arena a.  False with errors in d (or a hook's refusal). */
bool sn_compile(const SnCompileOptions *opt, SnStage stop_after, SnDumpHook hook, void *ctx,
                Arena *a, SnCompiled *out, Diag *d);
void sn_compiled_free(SnCompiled *c);

#endif
