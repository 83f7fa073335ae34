/* bundle.h - building .snb bundles from compiled graphs (bundle.c; the
 * driver, driver.h, fills BundleGraph). */
#ifndef SINTER_BUNDLE_H
#define SINTER_BUNDLE_H

#include "codegen.h"

#define BUNDLE_MAX_VARIANTS 3 /* CUDA; HIP for 64-lane and for 32-lane waves */
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

/* Whether bg fits the bundle format's limits (the reader's own); an error
 * naming the graph and the limit in d if not. */
bool bundle_fits_format(const BundleGraph *bg, Arena *a, Diag *d);
/* The bundle's bytes (malloc'd; free them). */
bool bundle_encode(const BundleGraph *graphs, int n, unsigned char **out, size_t *len);

#endif
