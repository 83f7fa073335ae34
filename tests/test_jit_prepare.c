/* test_jit_prepare.c - which kernel functions an eager prepare compiles
 * (runtime/prepare.c), on the fake device with a stand-in compiler (no
 * GPU, no NVRTC):
 *   - SINTER_JIT=eager / sn_bundle_prepare compile every function but the
 *     scalar fallbacks; a misaligned launch then compiles its fallback
 *     alone (once, however many threads launch it first), and a fallback
 *     that fails to compile launches nothing and is tried again;
 *   - eager-all / sn_bundle_prepare_all compile the fallbacks too, after
 *     which no launch compiles or loads a module;
 *   - a driver that refuses a module load (as during a stream capture on
 *     drivers before CUDA 12.3) fails a lazy fallback's launch with an
 *     error that says what to call before capturing;
 *   - a bundle written before the unit guards compiles whole either way;
 *   - SINTER_JIT=background: after a lazy load, worker threads compile
 *     each vector and few-rows unit into the cache (and load nothing), so
 *     that first launches only read them; each unit is compiled once when
 *     launches race the workers; a bundle freed meanwhile, a compile
 *     error, an unusable cache, fork and exit are handled;
 *   - SINTER_JIT's values. */
#define _GNU_SOURCE
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "compiled_source.h"
#include "driver.h"
#include "fake_device.h"
#include "front.h"
#include "stand_in_jit.h"

static const char source[] =
    "graph add_rms(x: bf16[T, 64], residual: bf16[T, 64], w: bf16[64]) {\n"
    "    h = x + residual\n"
    "    return rms_norm(h, w, eps=1e-6), h\n"
    "}\n"
    "graph two_kernels(x: f32[T, 64]) {\n"
    "    r = sum(x, dim=-1, keepdim=true)\n"
    "    c = mean(x * r, dim=0, keepdim=true)\n"
    "    return x - c\n"
    "}\n";

static int setup(void **state)
{
    (void)state;
    return compile_source("prepare.sn", source, 2);
}

/* ------------------------------------------- the compiler and the driver */

/* The stand-in compiler: records each compile's function (from any
 * thread); its "code" is "UNIT -DSN_ONLY_<fn>" or "UNIT ALL"; it fails for
 * the function named fail_fn. */
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static char compiled[256][256];
static int ncompiled;
static const char *fail_fn;
static int delay_ms;           /* each compile takes this long */
static int started;            /* compiles begun (atomic) */
static int done_fd = -1;       /* >= 0: a byte written there per compile finished */

static bool stand_in(void *ctx, const char *src, const char *name, const char *const *opts,
                     int nopts, void **code, size_t *size, char *err, size_t errlen)
{
    (void)ctx;
    (void)src;
    __atomic_fetch_add(&started, 1, __ATOMIC_SEQ_CST);
    if (delay_ms) {
        struct timespec t = {delay_ms / 1000, (long)(delay_ms % 1000) * 1000000};
        nanosleep(&t, NULL);
    }
    if (done_fd >= 0 && write(done_fd, "x", 1) != 1)
        return false;
    pthread_mutex_lock(&log_lock);
    if (ncompiled < 256)
        snprintf(compiled[ncompiled++], sizeof compiled[0], "%s", nopts == 2 ? opts[1] + 10 : "ALL");
    pthread_mutex_unlock(&log_lock);
    if (fail_fn && !strcmp(name, fail_fn)) {
        snprintf(err, errlen, "error: %s does not compile", name);
        return false;
    }
    char text[512];
    snprintf(text, sizeof text, "UNIT %s", nopts == 2 ? opts[1] : "ALL");
    *size = strlen(text) + 1;
    *code = strdup(text);
    return true;
}

static const RtJitHook hook = {"stand-in compiler (test_jit_prepare)", stand_in, NULL};

static const char *describe(int code)
{
    return code == UNIT_REFUSED ? "operation not permitted when stream is capturing" : "driver error";
}

static RtDevice dev;

static int test_setup(void **state)
{
    (void)state;
    if (cache_dir_make("/tmp/sinter-test-prepare-XXXXXX") != 0)
        return -1;
    dev = *fake_device();
    dev.module_load = unit_module_load;
    dev.function = unit_function;
    dev.describe = describe;
    dev.jit = &hook;
    ncompiled = 0;
    fail_fn = NULL;
    unit_refuse = false;
    delay_ms = 0;
    started = 0;
    done_fd = -1;
    fake_reset();
    return 0;
}

static int test_teardown(void **state)
{
    (void)state;
    rt_jit_background_wait(); /* no worker outlives its test */
    unit_free_modules();
    return cache_dir_remove();
}

/* ---------------------------------------------------------- helpers */

static sn_bundle *load(int mode, sn_status want)
{
    unsigned char *copy = malloc(len);
    memcpy(copy, bytes, len);
    sn_bundle *b;
    assert_int_equal(rt_bundle_parse(copy, len, &b), SN_OK);
    assert_int_equal(rt_bundle_load_graphs(b, &dev, mode), want);
    return b;
}

/* Was fn compiled (its unit) since the test began?  How many times? */
static int times_compiled(const char *fn)
{
    int n = 0;
    for (int i = 0; i < ncompiled; i++)
        n += !strcmp(compiled[i], fn);
    return n;
}

typedef struct {
    int all, fallbacks;        /* kernel functions; of them scalar fallbacks */
} Count;

static Count count(const sn_bundle *b)
{
    Count c = {0, 0};
    for (int i = 0; i < b->ngraph; i++) {
        const RtVariant *v = b->graphs[i].active;
        for (int k = 0; k < v->nkernel; k++)
            for (const RtKernel *kn = &v->kernels[k]; kn; kn = kn->few_rows) {
                c.all += 1 + (kn->scalar_name[0] != 0);
                c.fallbacks += kn->scalar_name[0] != 0;
            }
    }
    return c;
}

/* Every vector and few-rows function of b loaded and compiled once; each
 * scalar fallback loaded (and compiled once) iff fallbacks. */
static void check_prepared(const sn_bundle *b, bool fallbacks)
{
    for (int i = 0; i < b->ngraph; i++) {
        const RtVariant *v = b->graphs[i].active;
        for (int k = 0; k < v->nkernel; k++)
            for (const RtKernel *kn = &v->kernels[k]; kn; kn = kn->few_rows) {
                assert_non_null(kn->fn);
                assert_int_equal(times_compiled(kn->name), 1);
                if (!kn->scalar_name[0]) { /* no fallback: the vector function in both slots */
                    assert_ptr_equal(kn->fn_scalar, kn->fn);
                    continue;
                }
                assert_int_equal(times_compiled(kn->scalar_name), fallbacks);
                if (fallbacks)
                    assert_non_null(kn->fn_scalar);
                else
                    assert_null(kn->fn_scalar);
            }
    }
}

/* Launch g at T rows, its first input `misalign` bytes off its alignment. */
static sn_status launch(sn_graph *g, int64_t T, int misalign)
{
    FakeArgs a;
    int64_t syms[1] = {T};
    fake_args(g, syms, &a);
    a.in[0].data = (char *)a.in[0].data + misalign;
    size_t need = 0;
    assert_int_equal(sn_graph_workspace_size(g, a.in, g->nin, &need), SN_OK);
    return rt_launch(&dev, g, a.in, g->nin, a.out, g->nout, need ? fake_workspace() : NULL, need,
                     NULL);
}

static void expect_error(sn_status got, sn_status want, const char *why)
{
    assert_int_equal(got, want);
    if (!strstr(sn_last_error(), why))
        fail_msg("expected '%s' in: %s", why, sn_last_error());
}

/* ------------------------------------------------------------ tests */

static void test_eager_leaves_out_fallbacks(void **state)
{
    (void)state;
    sn_bundle *b = load(RT_JIT_EAGER, SN_OK);
    Count c = count(b);
    assert_true(c.fallbacks >= 1 && c.all > c.fallbacks); /* add_rms has one */
    assert_int_equal(ncompiled, c.all - c.fallbacks);
    check_prepared(b, false);
    /* aligned launches, many rows and few: nothing more compiled */
    sn_graph *g = sn_bundle_graph(b, "add_rms");
    assert_int_equal(launch(g, 100000, 0), SN_OK);
    assert_int_equal(launch(g, 1, 0), SN_OK);
    assert_int_equal(launch(sn_bundle_graph(b, "two_kernels"), 100, 0), SN_OK);
    assert_int_equal(ncompiled, c.all - c.fallbacks);
    /* preparing again (sn_bundle_prepare) compiles nothing either */
    assert_int_equal(rt_bundle_prepare(b, &dev, false), SN_OK);
    assert_int_equal(ncompiled, c.all - c.fallbacks);
    /* sn_bundle_prepare_all's: exactly the fallbacks */
    assert_int_equal(rt_bundle_prepare(b, &dev, true), SN_OK);
    assert_int_equal(ncompiled, c.all);
    check_prepared(b, true);
    sn_bundle_free(b);
}

static void test_lazy_fallback_after_eager(void **state)
{
    (void)state;
    sn_bundle *b = load(RT_JIT_EAGER, SN_OK);
    int before = ncompiled, modules_before = unit_nmodule;
    sn_graph *g = sn_bundle_graph(b, "add_rms");
    RtKernel *k = &g->active->kernels[0];
    assert_true(k->scalar_name[0] != 0);
    assert_null(k->fn_scalar);
    /* misaligned: the fallback alone, compiled and loaded now */
    assert_int_equal(launch(g, 100000, 2), SN_OK);
    assert_int_equal(ncompiled, before + 1);
    assert_int_equal(times_compiled(k->scalar_name), 1);
    assert_int_equal(unit_nmodule, modules_before + 1);
    assert_string_equal(fake_log.kernel, k->scalar_name);
    assert_non_null(k->fn_scalar);
    /* a few-rows grid, misaligned: the same fallback (a few-rows kernel has
     * none of its own), nothing compiled */
    assert_int_equal(launch(g, 1, 2), SN_OK);
    assert_string_equal(fake_log.kernel, k->scalar_name);
    assert_int_equal(ncompiled, before + 1);
    assert_int_equal(fake_log.launches, 2);
    sn_bundle_free(b);
    /* a later process (the same cache): its eager load compiles nothing,
     * and its fallback comes from the cache */
    ncompiled = 0;
    b = load(RT_JIT_EAGER, SN_OK);
    g = sn_bundle_graph(b, "add_rms");
    assert_int_equal(launch(g, 100000, 2), SN_OK);
    assert_int_equal(ncompiled, 0);
    assert_non_null(g->active->kernels[0].fn_scalar);
    sn_bundle_free(b);
}

static void test_eager_all(void **state)
{
    (void)state;
    sn_bundle *b = load(RT_JIT_EAGER_ALL, SN_OK);
    Count c = count(b);
    assert_int_equal(ncompiled, c.all);
    check_prepared(b, true);
    /* no launch compiles or loads anything now, misaligned or not, even
     * where the driver would refuse a module (a capture) */
    unit_refuse = true;
    int modules_before = unit_nmodule;
    for (int mis = 0; mis <= 1; mis++) { /* by an element: bf16 2 bytes, f32 4 */
        assert_int_equal(launch(sn_bundle_graph(b, "add_rms"), 100000, 2 * mis), SN_OK);
        assert_int_equal(launch(sn_bundle_graph(b, "add_rms"), 1, 2 * mis), SN_OK);
        assert_int_equal(launch(sn_bundle_graph(b, "two_kernels"), 100, 4 * mis), SN_OK);
    }
    assert_int_equal(fake_log.launches, 2 + 2 + 2 * 2);
    assert_int_equal(ncompiled, c.all);
    assert_int_equal(unit_nmodule, modules_before);
    sn_bundle_free(b);
}

static void test_fallback_refused_during_capture(void **state)
{
    (void)state;
    sn_bundle *b = load(RT_JIT_EAGER, SN_OK);
    sn_graph *g = sn_bundle_graph(b, "add_rms");
    const char *scalar = g->active->kernels[0].scalar_name;
    unit_refuse = true;
    /* aligned: everything is loaded, the launch goes */
    assert_int_equal(launch(g, 100000, 0), SN_OK);
    assert_int_equal(fake_log.launches, 1);
    /* misaligned: the fallback compiles but its module is refused; the
     * error names it and says what to call; nothing launched */
    expect_error(launch(g, 100000, 2), SN_ERR_COMPILE, "sn_bundle_prepare_all before capturing");
    assert_non_null(strstr(sn_last_error(), scalar));
    assert_non_null(strstr(sn_last_error(), "scalar fallback"));
    assert_non_null(strstr(sn_last_error(), "SINTER_JIT=eager-all"));
    assert_non_null(strstr(sn_last_error(), "when stream is capturing"));
    assert_int_equal(fake_log.launches, 1);
    assert_null(g->active->kernels[0].fn_scalar);
    /* once the driver loads modules again, the fallback is loaded from the
     * cache (its compile was stored) */
    unit_refuse = false;
    int before = ncompiled;
    assert_int_equal(launch(g, 100000, 2), SN_OK);
    assert_int_equal(ncompiled, before);
    assert_int_equal(fake_log.launches, 2);
    sn_bundle_free(b);
}

static void test_fallback_compile_error(void **state)
{
    (void)state;
    sn_bundle *b = load(RT_JIT_EAGER, SN_OK);
    sn_graph *g = sn_bundle_graph(b, "add_rms");
    char scalar[256];
    snprintf(scalar, sizeof scalar, "%s", g->active->kernels[0].scalar_name);
    fail_fn = scalar;
    expect_error(launch(g, 100000, 2), SN_ERR_COMPILE, "does not compile");
    assert_non_null(strstr(sn_last_error(), scalar));
    assert_int_equal(fake_log.launches, 0);
    /* the aligned launch does not need it */
    assert_int_equal(launch(g, 100000, 0), SN_OK);
    /* and it is tried again at the next launch that needs it */
    fail_fn = NULL;
    assert_int_equal(launch(g, 100000, 2), SN_OK);
    assert_int_equal(times_compiled(scalar), 2);
    assert_int_equal(fake_log.launches, 2);
    sn_bundle_free(b);
    /* an eager-all load whose fallback fails: the error names it, and every
     * other function is loaded */
    test_teardown(NULL);
    test_setup(NULL);
    fail_fn = scalar;
    b = load(RT_JIT_EAGER_ALL, SN_ERR_COMPILE);
    assert_non_null(strstr(sn_last_error(), scalar));
    g = sn_bundle_graph(b, "add_rms");
    assert_non_null(g->active->kernels[0].fn);
    assert_null(g->active->kernels[0].fn_scalar);
    fail_fn = NULL;
    sn_bundle_free(b);
}

typedef struct {
    sn_graph *g;
    sn_status s;
} Racer;

/* A misaligned launch at 100000 rows (no cmocka assertion: a thread). */
static void *race(void *arg)
{
    Racer *r = arg;
    FakeArgs a;
    int64_t syms[1] = {100000};
    fake_args(r->g, syms, &a);
    a.in[0].data = (char *)a.in[0].data + 2;
    r->s = rt_launch(&dev, r->g, a.in, r->g->nin, a.out, r->g->nout, NULL, 0, NULL);
    return NULL;
}

static void test_concurrent_fallback_launch(void **state)
{
    (void)state;
    sn_bundle *b = load(RT_JIT_EAGER, SN_OK);
    sn_graph *g = sn_bundle_graph(b, "add_rms");
    int before = ncompiled;
    Racer r[8];
    pthread_t th[8];
    for (int i = 0; i < 8; i++) {
        r[i] = (Racer){g, SN_ERR_IO};
        assert_int_equal(pthread_create(&th[i], NULL, race, &r[i]), 0);
    }
    for (int i = 0; i < 8; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(r[i].s, SN_OK);
    }
    assert_int_equal(ncompiled, before + 1);
    sn_bundle_free(b);
}

/* A bundle written before the unit guards: eager compiles each graph
 * whole, which holds its fallbacks too. */
static void test_whole_source_eager(void **state)
{
    (void)state;
    unsigned char *copy = malloc(len);
    memcpy(copy, bytes, len);
    sn_bundle *b;
    assert_int_equal(rt_bundle_parse(copy, len, &b), SN_OK);
    for (int i = 0; i < b->ngraph; i++) /* unguard: "SN_ONLY" becomes "SN_0NLY" */
        for (char *p = b->graphs[i].variants[0].source; (p = strstr(p, "(SN_ONLY"));)
            p[4] = '0';
    assert_int_equal(rt_bundle_load_graphs(b, &dev, RT_JIT_EAGER), SN_OK);
    assert_int_equal(ncompiled, b->ngraph);
    assert_int_equal(times_compiled("ALL"), b->ngraph);
    sn_graph *g = sn_bundle_graph(b, "add_rms");
    assert_non_null(g->active->kernels[0].fn_scalar);
    assert_int_equal(launch(g, 100000, 2), SN_OK);
    assert_int_equal(ncompiled, b->ngraph);
    sn_bundle_free(b);
}

/* ------------------------------------------------------- background */

/* The units a first launch runs: every vector and few-rows function. */
static int first_launch_units(const sn_bundle *b)
{
    Count c = count(b);
    return c.all - c.fallbacks;
}

/* Every vector and few-rows function of b compiled `times` times; no
 * fallback compiled. */
static void check_compiled(const sn_bundle *b, int times)
{
    for (int i = 0; i < b->ngraph; i++) {
        const RtVariant *v = b->graphs[i].active;
        for (int k = 0; k < v->nkernel; k++)
            for (const RtKernel *kn = &v->kernels[k]; kn; kn = kn->few_rows) {
                assert_int_equal(times_compiled(kn->name), times);
                if (kn->scalar_name[0])
                    assert_int_equal(times_compiled(kn->scalar_name), 0);
            }
    }
}

/* Launch every graph of b aligned at many rows and at few: SN_OK. */
static void launch_all(sn_bundle *b)
{
    assert_int_equal(launch(sn_bundle_graph(b, "add_rms"), 100000, 0), SN_OK);
    assert_int_equal(launch(sn_bundle_graph(b, "add_rms"), 1, 0), SN_OK);
    assert_int_equal(launch(sn_bundle_graph(b, "two_kernels"), 100000, 0), SN_OK);
    assert_int_equal(launch(sn_bundle_graph(b, "two_kernels"), 100, 0), SN_OK);
}

static void test_background_warms_cache(void **state)
{
    (void)state;
    sn_bundle *b = load(RT_JIT_BACKGROUND, SN_OK);
    rt_jit_background_wait();
    assert_int_equal(ncompiled, first_launch_units(b));
    check_compiled(b, 1);
    /* nothing loaded: the workers only fill the cache */
    assert_int_equal(unit_nmodule, 0);
    assert_null(b->graphs[0].active->kernels[0].fn);
    /* the first launches read their units: nothing compiled */
    launch_all(b);
    assert_int_equal(ncompiled, first_launch_units(b));
    assert_true(unit_nmodule >= 4);
    /* a misaligned one compiles its fallback, as a lazy launch does */
    assert_int_equal(launch(sn_bundle_graph(b, "add_rms"), 100000, 2), SN_OK);
    assert_int_equal(ncompiled, first_launch_units(b) + 1);
    sn_bundle_free(b);
}

static void test_background_races_launches(void **state)
{
    (void)state;
    delay_ms = 20; /* the launches catch the workers compiling */
    sn_bundle *b = load(RT_JIT_BACKGROUND, SN_OK);
    launch_all(b);
    rt_jit_background_wait();
    check_compiled(b, 1); /* each once: the cache's entry lock */
    assert_int_equal(ncompiled, first_launch_units(b));
    sn_bundle_free(b);
}

static void test_background_bundle_freed(void **state)
{
    (void)state;
    delay_ms = 10;
    sn_bundle *b = load(RT_JIT_BACKGROUND, SN_OK);
    int want = first_launch_units(b);
    sn_bundle_free(b); /* the workers hold their own copies */
    rt_jit_background_wait();
    assert_int_equal(ncompiled, want);
    /* a later load finds every unit a first launch runs in the cache */
    b = load(RT_JIT_LAZY, SN_OK);
    launch_all(b);
    assert_int_equal(ncompiled, want);
    sn_bundle_free(b);
}

static void test_background_compile_error(void **state)
{
    (void)state;
    unsigned char *copy = malloc(len);
    memcpy(copy, bytes, len);
    sn_bundle *probe;
    assert_int_equal(rt_bundle_parse(copy, len, &probe), SN_OK);
    char vec[256];
    snprintf(vec, sizeof vec, "%s", probe->graphs[0].variants[0].kernels[0].name);
    sn_bundle_free(probe);
    fail_fn = vec;
    sn_bundle *b = load(RT_JIT_BACKGROUND, SN_OK); /* the load itself succeeds */
    rt_jit_background_wait();
    assert_int_equal(times_compiled(vec), 1);
    /* the launch that needs it compiles it again and says why it failed */
    expect_error(launch(sn_bundle_graph(b, "add_rms"), 100000, 0), SN_ERR_COMPILE,
                 "does not compile");
    assert_int_equal(times_compiled(vec), 2);
    fail_fn = NULL;
    assert_int_equal(launch(sn_bundle_graph(b, "add_rms"), 100000, 0), SN_OK);
    sn_bundle_free(b);
}

static void test_background_needs_the_cache(void **state)
{
    (void)state;
    char dir[128];
    snprintf(dir, sizeof dir, "%s/shared", cache_dir);
    assert_int_equal(mkdir(dir, 0700), 0);
    assert_int_equal(chmod(dir, 0777), 0); /* writable by others: not used */
    setenv("SINTER_CACHE_DIR", dir, 1);
    sn_bundle *b = load(RT_JIT_BACKGROUND, SN_OK);
    rt_jit_background_wait();
    assert_int_equal(ncompiled, 0); /* nowhere to keep it: nothing compiled */
    launch_all(b);
    assert_int_equal(ncompiled, first_launch_units(b));
    sn_bundle_free(b);
    setenv("SINTER_CACHE_DIR", cache_dir, 1);
}

/* A child forked while workers compile has none: waiting for them returns
 * at once, and it launches on its own (the entry lock a worker held at the
 * fork is not kept held by the child's copy of it: the child waits for the
 * parent's compile, or compiles and stores the unit itself). */
static void test_background_fork(void **state)
{
    (void)state;
    delay_ms = 50;
    sn_bundle *b = load(RT_JIT_BACKGROUND, SN_OK);
    while (!__atomic_load_n(&started, __ATOMIC_SEQ_CST)) /* a worker is compiling */
        sched_yield();
    pid_t pid = fork();
    if (pid == 0) {
        alarm(20); /* a hang fails the test instead of stalling it */
        rt_jit_background_wait();
        delay_ms = 0;
        int ok = launch(sn_bundle_graph(b, "add_rms"), 100000, 0) == SN_OK;
        _exit(ok ? 0 : 1);
    }
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    rt_jit_background_wait();
    /* every unit in the cache (the child may have stored add_rms_k0) */
    int n = ncompiled;
    assert_true(n >= first_launch_units(b) - 1 && n <= first_launch_units(b));
    launch_all(b);
    assert_int_equal(ncompiled, n);
    sn_bundle_free(b);
}

/* A process that exits while workers compile: exit waits for the
 * compiles under way (the queue is dropped) and the process exits 0. */
static void test_background_exit(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        alarm(20);
        close(fds[0]);
        done_fd = fds[1];
        delay_ms = 300;
        sn_bundle *b = load(RT_JIT_BACKGROUND, SN_OK);
        sn_bundle_free(b);
        while (!__atomic_load_n(&started, __ATOMIC_SEQ_CST))
            sched_yield();
        exit(0);
    }
    close(fds[1]);
    int st = 0;
    assert_int_equal(waitpid(pid, &st, 0), pid);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    char buf[64];
    ssize_t n = read(fds[0], buf, sizeof buf);
    close(fds[0]);
    /* the compile under way finished before the process ended; the
     * queued ones were dropped (3 workers, more units than that) */
    assert_true(n >= 1);
    assert_true(n <= 3);
}

static void test_public_calls_refuse(void **state)
{
    (void)state;
    assert_int_equal(sn_bundle_prepare_all(NULL), SN_ERR_INVALID);
    assert_int_equal(sn_graph_prepare_all(NULL), SN_ERR_INVALID);
    sn_bundle *r;
    assert_int_equal(sn_bundle_read_memory(bytes, len, &r), SN_OK);
    expect_error(sn_bundle_prepare_all(r), SN_ERR_INVALID, "sn_bundle_read_");
    expect_error(sn_graph_prepare_all(sn_bundle_graph(r, "add_rms")), SN_ERR_INVALID,
                 "sn_bundle_read_");
    sn_bundle_free(r);
}

static void test_mode_values(void **state)
{
    (void)state;
    assert_int_equal(rt_jit_mode_parse(NULL), RT_JIT_LAZY);
    assert_int_equal(rt_jit_mode_parse("lazy"), RT_JIT_LAZY);
    assert_int_equal(rt_jit_mode_parse("eager"), RT_JIT_EAGER);
    assert_int_equal(rt_jit_mode_parse("eager-all"), RT_JIT_EAGER_ALL);
    assert_int_equal(rt_jit_mode_parse("background"), RT_JIT_BACKGROUND);
    assert_int_equal(rt_jit_mode_parse("eager_all"), -1);
    assert_int_equal(rt_jit_mode_parse("all"), -1);
}

int main(void)
{
    setenv("SINTER_JIT_THREADS", "4", 1); /* worker threads on any machine (read once) */
#define T(f) cmocka_unit_test_setup_teardown(f, test_setup, test_teardown)
    const struct CMUnitTest tests[] = {
        T(test_eager_leaves_out_fallbacks),
        T(test_lazy_fallback_after_eager),
        T(test_eager_all),
        T(test_fallback_refused_during_capture),
        T(test_fallback_compile_error),
        T(test_concurrent_fallback_launch),
        T(test_whole_source_eager),
        T(test_background_warms_cache),
        T(test_background_races_launches),
        T(test_background_bundle_freed),
        T(test_background_compile_error),
        T(test_background_needs_the_cache),
        T(test_background_fork),
        T(test_background_exit),
        cmocka_unit_test(test_public_calls_refuse),
        cmocka_unit_test(test_mode_values),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
