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

static const char *buffer_name(const sn_graph *g, int buf, const char **role)
{
    *role = buf < g->nin ? "input" : buf < g->nin + g->nout ? "output" : "temporary";
    if (buf < g->nin)
        return g->ins[buf].name;
    if (buf < g->nin + g->nout)
        return g->outs[buf - g->nin].name;
    return g->temps[buf - g->nin - g->nout].name;
}

/* Input t's stride of dim d (dense when the caller gave none). */
static int64_t stride_of(const sn_tensor *t, int d)
{
    int64_t s = 1;
    if (t->strides)
        return t->strides[d];
    for (int k = t->rank - 1; k > d; k--)
        s *= t->shape[k];
    return s;
}

/* Why k's vector variant cannot run: its first alignment that fails. */
static void misaligned(const sn_graph *g, const RtKernel *k, void *const *ptrs,
                       const sn_tensor *inputs, char *why, size_t len)
{
    snprintf(why, len, "alignment");
    for (int i = 0; i < k->nalign; i++) {
        const RtAlign *al = &k->align[i];
        const char *role, *name = buffer_name(g, al->buf, &role);
        if ((uintptr_t)ptrs[al->buf] % (uintptr_t)al->bytes) {
            snprintf(why, len, "%s '%s' at %p is not %d-byte aligned", role, name,
                     ptrs[al->buf], al->bytes);
            return;
        }
        for (int d = 0; al->buf < g->nin && d + 1 < inputs[al->buf].rank; d++)
            if (stride_of(&inputs[al->buf], d) % al->stride_multiple) {
                snprintf(why, len, "%s '%s' has stride %lld in dim %d, not a multiple of %d",
                         role, name, (long long)stride_of(&inputs[al->buf], d), d,
                         al->stride_multiple);
                return;
            }
    }
}

void rt_log_launch(const RtDevice *dev, const sn_graph *g, const RtKernel *many,
                   const RtKernel *run, const void *fn, void *const *ptrs,
                   const sn_tensor *inputs, int64_t grid)
{
    if (!rt_log_on(RT_LOG_LAUNCH))
        return;
    char why[256] = "", few[320] = "";
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
    else if (many->few_rows) {
        misaligned(g, many->few_rows, ptrs, inputs, why, sizeof why);
        snprintf(few, sizeof few, "; not few-rows: %s", why);
    }
    if (fn == many->fn && many->nalign)
        rt_log(RT_LOG_LAUNCH, "%s: %s, grid %lld (vector variant%s)", g->name, many->name,
               (long long)grid, few);
    else if (fn == many->fn)
        rt_log(RT_LOG_LAUNCH, "%s: %s, grid %lld%s", g->name, many->name, (long long)grid, few);
    else {
        misaligned(g, many, ptrs, inputs, why, sizeof why);
        rt_log(RT_LOG_LAUNCH, "%s: %s, grid %lld (scalar fallback: %s%s)", g->name,
               many->scalar_name, (long long)grid, why, few);
    }
}
