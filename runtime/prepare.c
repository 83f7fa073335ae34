/* prepare.c - a graph's kernel functions compiled and loaded by the JIT:
 * each at the first launch that runs it (lazy, the default), or every
 * function of a bundle at once, compiled in parallel threads
 * (sn_bundle_prepare, sn_graph_prepare, SINTER_JIT=eager).
 *
 * A prepare leaves out the scalar fallbacks (a kernel's scalar variant,
 * run only when an argument breaks the vector variant's alignment; 40% of
 * a bundle's compile time): the first launch that needs one compiles it,
 * as a lazy launch does.  sn_bundle_prepare_all / sn_graph_prepare_all
 * and SINTER_JIT=eager-all compile them too, so that no later launch
 * compiles (and loads a module: a CUDA graph capture may need that).
 *
 * A function's unit is its variant's source compiled with -DSN_ONLY
 * -DSN_ONLY_<name>: codegen/module.c puts each kernel function under that
 * guard, so the unit holds that function alone, with the same device code
 * as in the whole source.  A source without the guards (bundles written
 * before 2026-12-07) is one unit holding every function, compiled once per
 * graph.  Units go through the on-disk cache (cache.c) like whole sources;
 * the guard's macros are part of their key.
 *
 * Threads: cache hits are read, and every module is loaded, by the calling
 * thread (it holds the device's context); only the misses are compiled in
 * worker threads (NVRTC compiles programs in parallel; jit.c runs hiprtc's
 * one at a time), at most SINTER_JIT_THREADS of them (default: the CPUs
 * the process may run on, at most 16).  One process-wide mutex serialises preparing, so a
 * function is compiled once however many threads launch it first. */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "internal.h"
#include "jit.h"

#define GUARD "#if !defined(SN_ONLY) || defined(SN_ONLY_"
#define MAX_THREADS 64

static pthread_mutex_t prepare_lock = PTHREAD_MUTEX_INITIALIZER;

/* ------------------------------------------------------------ settings */

static pthread_once_t settings_once = PTHREAD_ONCE_INIT;
static int mode;               /* RT_JIT_LAZY, RT_JIT_EAGER or RT_JIT_EAGER_ALL */
static int nthreads;

int rt_jit_mode_parse(const char *value)
{
    if (!value || !*value || !strcmp(value, "lazy"))
        return RT_JIT_LAZY;
    if (!strcmp(value, "eager"))
        return RT_JIT_EAGER;
    if (!strcmp(value, "eager-all"))
        return RT_JIT_EAGER_ALL;
    if (!strcmp(value, "background"))
        return RT_JIT_BACKGROUND;
    return -1;
}

int rt_jit_threads_parse(const char *value, long ncpu)
{
    char *end;
    long n = value && *value ? strtol(value, &end, 10) : 0;
    if (value && *value && (*end || n < 1))
        return -1;
    if (n == 0)
        n = ncpu < 1 ? 1 : ncpu > 16 ? 16 : ncpu;
    return n > MAX_THREADS ? MAX_THREADS : (int)n;
}

static void read_settings(void)
{
    const char *env = getenv("SINTER_JIT"), *threads = getenv("SINTER_JIT_THREADS");
    int m = rt_jit_mode_parse(env);
    if (m < 0)
        rt_warn(RT_LOG_JIT, "SINTER_JIT=%s is none of lazy, eager, eager-all, background; "
                "compiling lazily", env);
    mode = m < 0 ? RT_JIT_LAZY : m;
    cpu_set_t set; /* the CPUs this process may run on (a container's share) */
    long ncpu = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set)
                                                            : sysconf(_SC_NPROCESSORS_ONLN);
    nthreads = rt_jit_threads_parse(threads, ncpu);
    if (nthreads < 0) {
        rt_warn(RT_LOG_JIT, "SINTER_JIT_THREADS=%s is not a positive number; using the default",
                threads);
        nthreads = rt_jit_threads_parse(NULL, ncpu);
    }
}

int rt_jit_mode(void)
{
    pthread_once(&settings_once, read_settings);
    return mode;
}

static int max_threads(void)
{
    pthread_once(&settings_once, read_settings);
    return nthreads;
}

/* ---------------------------------------------------------------- units */

typedef struct {
    sn_graph *g;
    const char *fn;            /* the function, or NULL: the whole source */
    char *define;              /* "-DSN_ONLY_<fn>" (malloc'd), or NULL */
    char *key;                 /* the cache key (malloc'd) */
    void *code;                /* malloc'd by the cache or the compiler */
    size_t size;
    sn_status status;
    char *err;                 /* malloc'd: why the compile failed */
    bool fallback;             /* a kernel's scalar fallback */
} Unit;

typedef struct {
    Unit *units;
    int n, next;               /* next: the next unit a worker takes (atomic) */
    const RtDevice *dev;
} Work;

static bool has_units(const RtVariant *v)
{
    return strstr(v->source, GUARD) != NULL;
}

/* The slots (RtKernel.fn, fn_scalar) whose function is name; NULL name:
 * every slot.  Calls f for each with the function's name and whether it
 * is a scalar fallback (a kernel without one has its vector function in
 * both slots). */
static void each_slot(const RtVariant *v, const char *name,
                      void (*f)(void **slot, const char *fn, bool fallback, void *ctx), void *ctx)
{
    for (int k = 0; k < v->nkernel; k++)
        for (RtKernel *kn = &v->kernels[k]; kn; kn = kn->few_rows) {
            bool fallback = kn->scalar_name[0] != 0;
            const char *scalar = fallback ? kn->scalar_name : kn->name;
            if (!name || !strcmp(kn->name, name))
                f(&kn->fn, kn->name, false, ctx);
            if (!name || !strcmp(scalar, name))
                f(&kn->fn_scalar, scalar, fallback, ctx);
        }
}

typedef struct {
    const RtDevice *dev;
    void *module, *fn;         /* fn: a unit's function, resolved once */
    int rc;
    const char *missing;
} Resolve;

static void resolve_slot(void **slot, const char *fn, bool fallback, void *ctx)
{
    (void)fallback;
    Resolve *r = ctx;
    void *p = r->fn;
    if (r->rc)
        return;
    if (!p && (r->rc = r->dev->function(r->module, fn, &p)) != 0) {
        r->missing = fn;
        return;
    }
    __atomic_store_n(slot, p, __ATOMIC_RELEASE);
}

typedef struct {
    Unit *units;
    int n, cap;
    sn_graph *g;
    int first;                 /* g's first unit */
    bool fallbacks;            /* the scalar fallbacks too */
    int left;                  /* fallbacks not loaded and left out */
    bool oom;
} Collect;

static void add_unit(Collect *c, const char *fn, bool fallback)
{
    for (int i = c->first; i < c->n; i++) /* a function without a scalar variant has two slots */
        if (c->units[i].fn && fn && !strcmp(c->units[i].fn, fn))
            return;
    if (c->n == c->cap) {
        int cap = c->cap ? 2 * c->cap : 16;
        Unit *u = realloc(c->units, sizeof *u * (size_t)cap);
        if (!u) {
            c->oom = true;
            return;
        }
        c->units = u;
        c->cap = cap;
    }
    c->units[c->n++] = (Unit){.g = c->g, .fn = fn, .fallback = fallback};
}

static void collect_slot(void **slot, const char *fn, bool fallback, void *ctx)
{
    Collect *c = ctx;
    if (__atomic_load_n(slot, __ATOMIC_ACQUIRE))
        return;
    if (fallback && !c->fallbacks)
        c->left++;
    else
        add_unit(c, fn, fallback);
}

/* The units that hold g's functions not loaded yet (only: just that one,
 * a fallback or not; else the fallbacks only if c->fallbacks). */
static void collect(Collect *c, sn_graph *g, const char *only)
{
    const RtVariant *v = g->active;
    int before = c->first = c->n, left = c->left;
    c->g = g;
    if (g->module || !v)
        return;
    each_slot(v, only, collect_slot, c);
    if (!has_units(v) && (c->n > before || c->left > left)) { /* one unit: the whole source */
        c->n = before;
        c->left = left;
        add_unit(c, NULL, false);
    }
}

/* ------------------------------------------------------------ compiling */

typedef struct {
    const RtDevice *dev;
    const Unit *u;
} UnitJit;

/* Compile source for (dialect, arch) with jit (NULL: NVRTC or hiprtc),
 * define: a unit's "-DSN_ONLY_<fn>" (NULL: the whole source). */
static bool compile_source(int dialect, const char *arch, const RtJitHook *jit,
                           const char *source, const char *name, const char *define, void **code,
                           size_t *size, char *err, size_t errlen)
{
    const char *opts[2] = {"-DSN_ONLY", define};
    int nopts = define ? 2 : 0;
    if (jit)
        return jit->compile(jit->ctx, source, name, opts, nopts, code, size, err, errlen);
    RtJitOutput out;
    bool ok = rt_jit_compile_with(dialect == SNB_CUDA ? RT_NVRTC : RT_HIPRTC, source, name, arch,
                                  opts, nopts, &out, err, errlen);
    *code = out.binary;
    *size = out.size;
    out.binary = NULL;
    rt_jit_free(&out);
    return ok;
}

static bool unit_compile(void *ctx, void **code, size_t *size, char *err, size_t errlen)
{
    const UnitJit *j = ctx;
    const Unit *u = j->u;
    return compile_source(j->dev->dialect, j->dev->arch, j->dev->jit, u->g->active->source,
                          u->fn ? u->fn : u->g->name, u->define, code, size, err, errlen);
}

/* What besides the source decides a unit's code (define: its
 * "-DSN_ONLY_<fn>", or NULL), malloc'd; NULL when out of memory. */
static char *unit_key(const RtDevice *dev, const char *ident, const char *define)
{
    char *key;
    if (asprintf(&key, "%d|%s|%s|%s%s%s", dev->dialect, dev->arch, dev->version, ident,
                 define ? " -DSN_ONLY " : "", define ? define : "") < 0)
        return NULL;
    return key;
}

/* The compiler's identity for dev (rt_jit_identity) into ident, or
 * SN_ERR_NO_DEVICE with the reason. */
static sn_status identity(const RtDevice *dev, char *ident, size_t len)
{
    if (dev->jit)
        snprintf(ident, len, "%s", dev->jit->identity);
    else if (!rt_jit_identity(dev->dialect == SNB_CUDA ? RT_NVRTC : RT_HIPRTC, dev->arch, ident,
                              len))
        return rt_error(SN_ERR_NO_DEVICE, "%s", ident);
    return SN_OK;
}

static RtCacheQuery query_of(const Unit *u, const RtDevice *dev, UnitJit *j)
{
    *j = (UnitJit){dev, u};
    return (RtCacheQuery){u->fn ? u->fn : u->g->name, dev->arch, u->key, u->g->active->source,
                          unit_compile, j};
}

/* Compile (or wait for another process's compile of) the unit u. */
static void compile_unit(Unit *u, const RtDevice *dev)
{
    UnitJit j;
    RtCacheQuery q = query_of(u, dev, &j);
    u->status = rt_cache_get(&q, &u->code, &u->size);
    if (u->status != SN_OK)
        u->err = strdup(sn_last_error());
}

static void *worker(void *arg)
{
    Work *w = arg;
    for (int i; (i = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED)) < w->n;)
        if (!w->units[i].code)
            compile_unit(&w->units[i], w->dev);
    return NULL;
}

/* Compile the units that have no code yet (cache misses), in up to
 * max_threads() threads, this one included; each worker writes only the
 * units it took. */
static void compile_all(Unit *units, int n, const RtDevice *dev)
{
    int misses = 0;
    for (int i = 0; i < n; i++)
        misses += !units[i].code;
    Work w = {units, n, 0, dev};
    int nt = max_threads() < misses ? max_threads() : misses;
    pthread_t th[MAX_THREADS];
    int started = 0;
    for (int t = 1; t < nt; t++)
        if (pthread_create(&th[started], NULL, worker, &w) == 0)
            started++;
    worker(&w);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
}

/* ------------------------------------------------------------- prepare */

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Load u's module and resolve its functions into their slots. */
static sn_status load_unit(Unit *u, const RtDevice *dev)
{
    void *module = NULL;
    int rc = dev->module_load(u->code, &module);
    if (rc != 0) {
        char advice[512] = "call sn_bundle_prepare before capturing";
        if (u->fallback)
            snprintf(advice, sizeof advice, "%s is a scalar fallback, run for misaligned "
                     "arguments, which sn_bundle_prepare leaves to the first launch that needs "
                     "it: call sn_bundle_prepare_all before capturing, or set "
                     "SINTER_JIT=eager-all", u->fn);
        return rt_error(SN_ERR_COMPILE, "loading the module of %s (graph %s) failed: %s "
                        "(if a stream is being captured: a driver may refuse to load modules "
                        "then; %s)", u->fn ? u->fn : "every kernel", u->g->name,
                        dev->describe(rc), advice);
    }
    Resolve r = {dev, module, NULL, 0, NULL};
    if (u->fn && (r.rc = dev->function(module, u->fn, &r.fn)) != 0)
        r.missing = u->fn;
    else
        each_slot(u->g->active, u->fn, resolve_slot, &r);
    if (r.rc)
        return rt_error(SN_ERR_COMPILE, "kernel %s of graph %s is missing: %s", r.missing,
                        u->g->name, dev->describe(r.rc));
    if (!u->fn)
        u->g->module = module;
    return SN_OK;
}

/* Every function not loaded yet of the graphs gs, the scalar fallbacks
 * only if fallbacks (only: that function of gs[0] alone, a fallback or
 * not): cache hits read here, misses compiled in parallel, then every
 * module loaded here.  The first error is returned (every unit is still
 * tried: what compiled is loaded). */
static sn_status prepare(sn_graph *const *gs, int ng, const RtDevice *dev, const char *only,
                         bool fallbacks)
{
    Collect c = {.fallbacks = fallbacks || only};
    for (int i = 0; i < ng; i++)
        collect(&c, gs[i], only);
    if (c.oom) {
        free(c.units);
        return rt_error(SN_ERR_COMPILE, "out of memory preparing kernels");
    }
    if (c.n == 0) {
        free(c.units);
        return SN_OK;
    }
    char ident[8192];
    sn_status s = identity(dev, ident, sizeof ident);
    double start = now_ms();
    int hits = 0;
    for (int i = 0; i < c.n && s == SN_OK; i++) {
        Unit *u = &c.units[i];
        if (u->fn && asprintf(&u->define, "-DSN_ONLY_%s", u->fn) < 0)
            u->define = NULL;
        if ((u->fn && !u->define) || !(u->key = unit_key(dev, ident, u->define))) {
            s = rt_error(SN_ERR_COMPILE, "out of memory preparing kernels");
            break;
        }
        UnitJit j;
        RtCacheQuery q = query_of(u, dev, &j);
        hits += rt_cache_peek(&q, &u->code, &u->size) == SN_OK;
    }
    if (s == SN_OK)
        compile_all(c.units, c.n, dev);
    /* load what compiled; the first error is returned */
    char *msg = s != SN_OK ? strdup(sn_last_error()) : NULL;
    for (int i = 0; i < c.n; i++) {
        Unit *u = &c.units[i];
        sn_status us = SN_OK;
        if (u->status != SN_OK)
            us = rt_error(u->status, "%s", u->err ? u->err : "compiling failed");
        else if (u->code)
            us = load_unit(u, dev);
        if (us != SN_OK && s == SN_OK) {
            s = us;
            msg = strdup(sn_last_error());
        }
    }
    if (s != SN_OK)
        rt_error(s, "%s", msg ? msg : "out of memory");
    free(msg);
    if (c.n > 1 || !only)
        rt_log(RT_LOG_JIT, "prepared %d kernel function%s of %d graph%s in %.1f ms (%d from the "
               "cache, %d threads at most; %d scalar fallback%s left to the first launch that "
               "needs one)", c.n, c.n == 1 ? "" : "s", ng, ng == 1 ? "" : "s", now_ms() - start,
               hits, max_threads(), c.left, c.left == 1 ? "" : "s");
    for (int i = 0; i < c.n; i++) {
        free(c.units[i].define);
        free(c.units[i].key);
        free(c.units[i].code);
        free(c.units[i].err);
    }
    free(c.units);
    return s;
}

sn_status rt_prepare(sn_graph *const *gs, int ng, const RtDevice *dev, bool fallbacks)
{
    pthread_mutex_lock(&prepare_lock);
    sn_status s = prepare(gs, ng, dev, NULL, fallbacks);
    pthread_mutex_unlock(&prepare_lock);
    return s;
}

sn_status rt_prepare_function(sn_graph *g, const RtDevice *dev, void **slot, const char *name,
                              void **fn)
{
    pthread_mutex_lock(&prepare_lock);
    sn_status s = SN_OK;
    if (!(*fn = __atomic_load_n(slot, __ATOMIC_ACQUIRE))) { /* not loaded meanwhile */
        s = prepare(&g, 1, dev, name, true);
        *fn = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
        if (s == SN_OK && !*fn)
            s = rt_error(SN_ERR_COMPILE, "graph %s has no kernel %s", g->name, name);
    }
    pthread_mutex_unlock(&prepare_lock);
    return s;
}

/* ---------------------------------------------------------- background
 *
 * SINTER_JIT=background: after a lazy load, worker threads compile the
 * units a first launch runs (each kernel's many-rows vector function and
 * its few-rows function; not the scalar fallbacks) into the on-disk
 * cache, so that a first launch that comes later finds its unit there
 * and only reads and loads it.  The workers load no module (that stays
 * with the launching thread, which holds the device's context) and touch
 * no bundle: each job holds its own copy of the source (shared by a
 * graph's jobs), its key, and the cache directory resolved at the load,
 * so a bundle may be freed, or the environment changed, while they run.
 * A unit that a launch needs while a worker compiles it is waited for
 * through the cache's entry lock (compiled once); one still queued is
 * compiled by the launch and then found in the cache by the worker.
 * Workers: SINTER_JIT_THREADS - 1 (at least 1), detached; they end when
 * the queue is empty.  At exit the queue is dropped and exit waits for
 * the compiles under way (NVRTC must not be unloaded under them); a
 * forked child starts with an empty queue and no workers. */

typedef struct {
    char *text;
    int refs;                  /* jobs holding it (under bg_lock) */
} BgSource;

typedef struct BgJob {
    struct BgJob *next;
    BgSource *src;
    char *name;                /* the function (the graph, for a whole source) */
    char *define;              /* "-DSN_ONLY_<fn>", or NULL: the whole source */
    char *key;
    int dialect;
    char arch[32];
    const RtJitHook *jit;
    char dir[4096];            /* the cache directory */
    bool named;                /* named by $SINTER_CACHE_DIR */
} BgJob;

static pthread_mutex_t bg_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t bg_idle = PTHREAD_COND_INITIALIZER;
static BgJob *bg_head, **bg_tail = &bg_head;
static int bg_workers;         /* workers running */
static bool bg_exiting;        /* the process exits: no more jobs taken */
static pthread_once_t bg_once = PTHREAD_ONCE_INIT;

/* Free j (bg_lock held: its source's count). */
static void bg_free_locked(BgJob *j)
{
    if (j->src && --j->src->refs == 0) {
        free(j->src->text);
        free(j->src);
    }
    free(j->name);
    free(j->define);
    free(j->key);
    free(j);
}

static void bg_drop_queue_locked(void)
{
    for (BgJob *j = bg_head, *next; j; j = next) {
        next = j->next;
        bg_free_locked(j);
    }
    bg_head = NULL;
    bg_tail = &bg_head;
}

static bool bg_compile(void *ctx, void **code, size_t *size, char *err, size_t errlen)
{
    const BgJob *j = ctx;
    return compile_source(j->dialect, j->arch, j->jit, j->src->text, j->name, j->define, code,
                          size, err, errlen);
}

static void *bg_worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&bg_lock);
    for (BgJob *j; !bg_exiting && (j = bg_head);) {
        if (!(bg_head = j->next))
            bg_tail = &bg_head;
        pthread_mutex_unlock(&bg_lock);
        RtCacheQuery q = {j->name, j->arch, j->key, j->src->text, bg_compile, j};
        void *code = NULL;
        size_t size;
        if (rt_cache_get_in(&q, j->dir, j->named, &code, &size) == SN_OK)
            free(code);
        else /* the launch that needs it compiles it again and reports the error */
            rt_log(RT_LOG_JIT, "background: %s", sn_last_error());
        pthread_mutex_lock(&bg_lock);
        bg_free_locked(j);
    }
    if (--bg_workers == 0)
        pthread_cond_broadcast(&bg_idle);
    pthread_mutex_unlock(&bg_lock);
    return NULL;
}

static void bg_wait_locked(void)
{
    while (bg_workers > 0)
        pthread_cond_wait(&bg_idle, &bg_lock);
}

void rt_jit_background_wait(void)
{
    pthread_mutex_lock(&bg_lock);
    bg_wait_locked();
    pthread_mutex_unlock(&bg_lock);
}

/* At exit: the queue dropped, the compiles under way waited for. */
static void bg_at_exit(void)
{
    pthread_mutex_lock(&bg_lock);
    bg_exiting = true;
    bg_drop_queue_locked();
    bg_wait_locked();
    pthread_mutex_unlock(&bg_lock);
}

/* fork: the child has none of the workers; bg_lock is held across the
 * fork so the queue is consistent. */
static void bg_fork_prepare(void)
{
    pthread_mutex_lock(&bg_lock);
}

static void bg_fork_parent(void)
{
    pthread_mutex_unlock(&bg_lock);
}

static void bg_fork_child(void)
{
    bg_workers = 0;
    bg_drop_queue_locked(); /* the jobs under way in the parent's workers stay allocated */
    pthread_cond_init(&bg_idle, NULL);
    pthread_mutex_unlock(&bg_lock);
}

static void bg_init(void)
{
    atexit(bg_at_exit);
    pthread_atfork(bg_fork_prepare, bg_fork_parent, bg_fork_child);
}

/* A job for the unit fn of graph g (fn NULL: the whole source), onto the
 * list *tail; false when out of memory. */
static bool bg_add(BgJob ***tail, BgSource *src, const sn_graph *g, const char *fn,
                   const RtDevice *dev, const char *ident, const char *dir, bool named)
{
    BgJob *j = calloc(1, sizeof *j);
    if (!j)
        return false;
    j->src = src;
    src->refs++; /* not shared yet: no lock needed */
    j->name = strdup(fn ? fn : g->name);
    if (fn && asprintf(&j->define, "-DSN_ONLY_%s", fn) < 0)
        j->define = NULL;
    j->key = unit_key(dev, ident, j->define);
    j->dialect = dev->dialect;
    snprintf(j->arch, sizeof j->arch, "%s", dev->arch);
    j->jit = dev->jit;
    snprintf(j->dir, sizeof j->dir, "%s", dir);
    j->named = named;
    **tail = j;
    *tail = &j->next;
    return j->name && j->key && (!fn || j->define);
}

void rt_background(sn_graph *gs, int ng, const RtDevice *dev)
{
    char ident[8192], dir[4096];
    bool named;
    if (identity(dev, ident, sizeof ident) != SN_OK) {
        rt_log(RT_LOG_JIT, "background: nothing compiled: %s", sn_last_error());
        return;
    }
    if (!rt_cache_where(dir, sizeof dir, &named)) { /* nowhere to keep what it compiles */
        rt_log(RT_LOG_JIT, "background: nothing compiled: the cache cannot be used");
        return;
    }
    /* the units a prepare without fallbacks would compile: each kernel's
     * vector and few-rows functions not loaded yet (or a whole source) */
    Collect c = {0};
    for (int i = 0; i < ng; i++)
        collect(&c, &gs[i], NULL);
    BgJob *list = NULL, **tail = &list;
    BgSource *src = NULL;
    int n = 0;
    bool ok = !c.oom;
    for (int i = 0; i < c.n && ok; i++) {
        const Unit *u = &c.units[i];
        if (i == 0 || u->g != c.units[i - 1].g) { /* one copy of a graph's source for its jobs */
            if (!(src = calloc(1, sizeof *src)) || !(src->text = strdup(u->g->active->source))) {
                free(src);
                ok = false;
                break;
            }
        }
        ok = bg_add(&tail, src, u->g, u->fn, dev, ident, dir, named);
        if (!ok && src->refs == 0) { /* its first job was not made: no job frees it */
            free(src->text);
            free(src);
        }
        n++;
    }
    free(c.units);
    pthread_once(&bg_once, bg_init);
    pthread_mutex_lock(&bg_lock);
    if (!ok || bg_exiting) {
        for (BgJob *j = list, *next; j; j = next) {
            next = j->next;
            bg_free_locked(j);
        }
        pthread_mutex_unlock(&bg_lock);
        if (!ok)
            rt_log(RT_LOG_JIT, "background: nothing compiled: out of memory");
        return;
    }
    if (list) {
        *bg_tail = list;
        bg_tail = tail;
    }
    int want = max_threads() - 1 < 1 ? 1 : max_threads() - 1, started = 0;
    want = want < n ? want : n;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    for (pthread_t th; bg_workers < want; started++) {
        bg_workers++;
        if (pthread_create(&th, &attr, bg_worker, NULL) != 0) {
            bg_workers--;
            break;
        }
    }
    pthread_attr_destroy(&attr);
    if (n && bg_workers == 0) /* no thread could start: the launches compile */
        bg_drop_queue_locked();
    pthread_mutex_unlock(&bg_lock);
    rt_log(RT_LOG_JIT, "background: %d kernel function%s of %d graph%s queued (%d new worker%s)",
           n, n == 1 ? "" : "s", ng, ng == 1 ? "" : "s", started, started == 1 ? "" : "s");
}
