/* log.c - SINTER_LOG: what the runtime does, one line each on stderr.
 *
 * SINTER_LOG=1 (or "all") turns on every category, SINTER_LOG=jit,cache
 * some of them; read once per process (pthread_once).  Lines start with
 * "sinter: [category] " and are written with one write(2) each, so lines
 * of threads and processes do not interleave.  Warnings (rt_warn) are
 * printed whatever SINTER_LOG says, except SINTER_LOG=0, which silences
 * the runtime completely. */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

static const char *const names[] = {"jit", "cache", "launch"};
#define NCAT (int)(sizeof names / sizeof names[0])

static int enabled;      /* bit 1 << category */
static bool silent;      /* SINTER_LOG=0 */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* One comma-separated word of SINTER_LOG. */
static void parse_word(const char *w, size_t n)
{
    if ((n == 1 && *w == '1') || (n == 3 && !strncmp(w, "all", 3))) {
        enabled = (1 << NCAT) - 1;
        return;
    }
    for (int c = 0; c < NCAT; c++)
        if (strlen(names[c]) == n && !strncmp(w, names[c], n)) {
            enabled |= 1 << c;
            return;
        }
    if (n)
        fprintf(stderr, "sinter: SINTER_LOG: unknown category '%.*s' (known: 1, all, jit, "
                "cache, launch)\n", (int)n, w);
}

static void parse(void)
{
    const char *e = getenv("SINTER_LOG");
    if (!e)
        return;
    silent = !strcmp(e, "0");
    for (const char *p = e; !silent && *p;) {
        size_t n = strcspn(p, ",");
        parse_word(p, n);
        p += n + (p[n] == ',');
    }
}

bool rt_log_on(RtLogCat cat)
{
    pthread_once(&once, parse);
    return enabled & (1 << cat);
}

static void emit(RtLogCat cat, const char *fmt, va_list ap)
{
    char line[1024];
    int n = snprintf(line, sizeof line, "sinter: [%s] ", names[cat]);
    vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
    size_t len = strlen(line);
    line[len++] = '\n';
    if (write(STDERR_FILENO, line, len) < 0) {
        /* nowhere left to say it */
    }
}

void rt_log(RtLogCat cat, const char *fmt, ...)
{
    if (!rt_log_on(cat))
        return;
    va_list ap;
    va_start(ap, fmt);
    emit(cat, fmt, ap);
    va_end(ap);
}

void rt_warn(RtLogCat cat, const char *fmt, ...)
{
    pthread_once(&once, parse);
    if (silent)
        return;
    va_list ap;
    va_start(ap, fmt);
    emit(cat, fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------- launches */

void rt_log_launch(const RtDevice *dev, const sn_graph *g, const RtKernel *many,
                   const RtKernel *run, const void *fn, const char *few_misaligned,
                   const char *misaligned, int64_t grid)
{
    if (!rt_log_on(RT_LOG_LAUNCH))
        return;
    char few[320] = "";
    int limit = many->few_rows_grid_per_sm * dev->sms;
    if (run != many) {
        rt_log(RT_LOG_LAUNCH, "%s: %s, grid %lld (few-rows variant: %s)", g->name, run->name,
               (long long)grid, dev->few_rows > 0 ? "SINTER_FEW_ROWS=always" : "grid is small");
        return;
    }
    if (many->few_rows && dev->few_rows < 0)
        snprintf(few, sizeof few, "; not few-rows: SINTER_FEW_ROWS=never");
    else if (many->few_rows && !dev->few_rows && grid > limit)
        snprintf(few, sizeof few, "; not few-rows: grid > %d", limit);
    else if (many->few_rows)
        snprintf(few, sizeof few, "; not few-rows: %s", few_misaligned);
    if (fn == many->fn && many->nalign)
        rt_log(RT_LOG_LAUNCH, "%s: %s, grid %lld (vector variant%s)", g->name, many->name,
               (long long)grid, few);
    else if (fn == many->fn)
        rt_log(RT_LOG_LAUNCH, "%s: %s, grid %lld%s", g->name, many->name, (long long)grid, few);
    else
        rt_log(RT_LOG_LAUNCH, "%s: %s, grid %lld (scalar fallback: %s%s)", g->name,
               many->scalar_name, (long long)grid, misaligned, few);
}
