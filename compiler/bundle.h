/* bundle.h - building .snb bundles from compiled graphs (bundle.c). */
#ifndef SINTER_BUNDLE_H
#define SINTER_BUNDLE_H

#include "codegen.h"

#define BUNDLE_MAX_VARIANTS 2
#define BUNDLE_MAX_BINARIES 8

typedef struct {
    const char *arch, *compiler;
    const void *code;
    size_t size;
} BundleBinary;

typedef struct {
    CgTarget target;           /* the arch the source was generated for */
    CgModule module;
    int nbinary;
    BundleBinary binaries[BUNDLE_MAX_BINARIES];
} BundleVariant;

typedef struct {
    const KProgram *prog;
    int *alias;                /* per output: the input it may share, or -1 */
    int nvariant;
    BundleVariant variants[BUNDLE_MAX_VARIANTS];
} BundleGraph;

/* Run the middle end on g (rewritten), generate a source per dialect of
 * the targets, analyse aliasing, and with precompile_now build a binary
 * for every target arch.  False with errors in d. */
bool bundle_add_graph(BundleGraph *bg, IrGraph *g, const CgTarget *targets, int ntarget,
                      bool precompile_now, Diag *d);
/* The bundle's bytes (malloc'd; free them). */
bool bundle_encode(const BundleGraph *graphs, int n, unsigned char **out, size_t *len);

#endif
