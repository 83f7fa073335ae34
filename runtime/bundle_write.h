/* bundle_write.h - the .snb writer, beside the reader (bundle.c) and the
 * format (bundle_format.h).  It writes the runtime's own in-memory form of
 * a bundle (internal.h: sn_graph with its tensors, variants and kernels),
 * so what the reader builds, the writer writes back byte for byte.  Built
 * into a static library the compiler links; not part of libsinter's API. */
#ifndef SINTER_BUNDLE_WRITE_H
#define SINTER_BUNDLE_WRITE_H

#include "internal.h"

/* Whether graph g keeps within the format's limits (bundle_format.h), the
 * ones the reader enforces; false with the first one it exceeds in err. */
bool rt_bundle_check_graph(const sn_graph *g, char *err, size_t errlen);

/* The bundle of graphs[0..n), current format version (malloc'd into *out;
 * free it).  False with the reason in err: a graph over a limit, or out
 * of memory. */
bool rt_bundle_write(const sn_graph *graphs, int n, unsigned char **out, size_t *len, char *err,
                     size_t errlen);

#endif
