/* bundle_write.h - the .snb writer, beside the reader (bundle.c) and the
 * format (bundle_format.h).  It writes the runtime's own in-memory form of
 * a bundle (internal.h: sn_graph with its tensors, variants and kernels),
 * so what the reader builds, the writer writes back byte for byte.  Built
 * into a static library the compiler links; not part of libsinter's API. */
#ifndef SINTER_BUNDLE_WRITE_H
#define SINTER_BUNDLE_WRITE_H

#include "internal.h"

/* Whether graph g keeps within the format's limits (bundle_format.h), the
 * ones the reader enforces, and holds nothing format `version` cannot
 * (flags before 3, few-rows variants before 2, index bounds before 4);
 * false with the first problem in err. */
bool rt_bundle_check_graph(const sn_graph *g, uint32_t version, char *err, size_t errlen);

/* The bundle of graphs[0..n) in format `version` (SNB_VERSION; older ones
 * for tests of the reader's compatibility), malloc'd into *out (free it).
 * False with the reason in err: a graph rt_bundle_check_graph refuses, or
 * out of memory. */
bool rt_bundle_write(const sn_graph *graphs, int n, uint32_t version, unsigned char **out,
                     size_t *len, char *err, size_t errlen);

#endif
