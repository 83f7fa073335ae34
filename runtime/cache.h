/* cache.h - the on-disk cache of compiled code, with the compiler as a
 * callback (rt_cache_binary in internal.h plugs in NVRTC/hiprtc; tests plug
 * in a counter).  Internal to the runtime. */
#ifndef SINTER_RT_CACHE_H
#define SINTER_RT_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "sinter.h"

/* Compile into *code (malloc'd), or false with the reason in err. */
typedef bool (*RtCompileFn)(void *ctx, void **code, size_t *size, char *err, size_t errlen);

typedef struct {
    const char *name;          /* what is compiled (a graph), for logs and errors */
    const char *arch;          /* starts the entry's file name */
    const char *key;           /* everything besides the source that decides the code */
    const char *source;
    RtCompileFn compile;
    void *ctx;
} RtCacheQuery;

/* The cache directory the environment names now (rt_cache_dir) into dir,
 * *named whether $SINTER_CACHE_DIR named it; true if it can be used, else
 * false (and the once-per-process warning says why).  For work that runs
 * later in other threads, which must not read the environment. */
bool rt_cache_where(char *dir, size_t len, bool *named);

/* The code for q: the cache entry for (key, source) if there is a good
 * one, else compiled now (by one process at a time per entry, the others
 * waiting for it) and stored.  SN_ERR_COMPILE with the compiler's reason
 * if compiling fails; a cache that cannot be used is not an error. */
sn_status rt_cache_get(const RtCacheQuery *q, void **code, size_t *size);
/* The same in the cache directory dir (from rt_cache_where; named: by
 * $SINTER_CACHE_DIR, followed if a link), the environment not read. */
sn_status rt_cache_get_in(const RtCacheQuery *q, const char *dir, bool named, void **code,
                          size_t *size);

/* The cache entry for q if there is a good one (SN_OK), else
 * SN_ERR_NOT_FOUND: nothing compiled, locked or logged but a hit. */
sn_status rt_cache_peek(const RtCacheQuery *q, void **code, size_t *size);

/* How long a loader waits for another's compile of the same entry before
 * compiling itself (default 180 s); for tests. */
void rt_cache_set_lock_timeout_ms(long ms);

#endif
