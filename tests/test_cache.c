/* test_cache.c - the JIT cache's defences and SINTER_LOG, without a GPU
 * (the compiler is a counting callback, runtime/cache.h):
 *   - a FIFO, a directory or a symlink at an entry's path is a miss (no
 *     hang: alarm guards), replaced by a regular entry that then hits;
 *   - an entry writable by others or owned by another user is refused and
 *     replaced; a corrupt entry or one of another key is a miss;
 *   - a cache directory writable by others or owned by another user is
 *     not used (compiles every time, one warning); an unwritable one gives
 *     one warning per process, the code is still returned;
 *   - with HOME unset the cache is /tmp/sinter-cache-<uid>, made 0700; with
 *     HOME, $HOME/.cache/sinter, made 0700, not used if it is a symlink;
 *   - 8 processes loading one entry at once compile once; a lock held by
 *     a dead process does not block; a held lock times out, then compiles;
 *   - rt_cache_peek returns a good entry and nothing else, compiling,
 *     locking and storing nothing;
 *   - a bundle's binary that the driver refuses falls back to the JIT
 *     (hiprtc for gfx90a where it is installed, as here: a real compile);
 *   - SINTER_LOG's categories, and the launch line's reasons;
 *   - the HIP constants device.c uses, against the installed HIP header.
 * Ownership tests chown to uid 12345 and so need root; they skip else. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "cache.h"
#include "hip_abi.h"
#include "internal.h"
#include "jit.h"

static int *compiles;          /* shared with forked children */
static char dir[40];
static char exe[4096];

typedef struct {
    const char *code;
    int sleep_ms;
} Fake;

static bool fake_compile(void *ctx, void **code, size_t *size, char *err, size_t errlen)
{
    const Fake *f = ctx;
    (void)err;
    (void)errlen;
    __atomic_fetch_add(compiles, 1, __ATOMIC_SEQ_CST);
    if (f->sleep_ms) {
        struct timespec t = {f->sleep_ms / 1000, (f->sleep_ms % 1000) * 1000000L};
        nanosleep(&t, NULL);
    }
    *size = strlen(f->code);
    *code = malloc(*size);
    memcpy(*code, f->code, *size);
    return true;
}

/* Fetch (key, "source") through the fake compiler; true if the code came
 * back as compiled. */
static bool get(const char *key, const Fake *f)
{
    RtCacheQuery q = {"g", "sm_90", key, "source", fake_compile, (void *)f};
    void *code = NULL;
    size_t size = 0;
    bool ok = rt_cache_get(&q, &code, &size) == SN_OK && size == strlen(f->code) &&
              !memcmp(code, f->code, size);
    free(code);
    return ok;
}

static int fresh_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/sinter-test-cache-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    setenv("SINTER_CACHE_DIR", dir, 1);
    *compiles = 0;
    rt_cache_set_lock_timeout_ms(180000);
    return 0;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "chmod -R u+rwx %s; rm -rf %s", dir, dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* The path of the one entry in dir (the test stores one key). */
static void entry_path(char *path, size_t len)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    path[0] = 0;
    while (d && (e = readdir(d)))
        if (strlen(e->d_name) > 4 && !strcmp(e->d_name + strlen(e->d_name) - 4, ".bin"))
            snprintf(path, len, "%s/%s", dir, e->d_name);
    if (d)
        closedir(d);
    assert_true(path[0]);
}

/* Capture what the runtime writes on stderr between the two calls. */
static int saved_stderr = -1;
static char captured[8192];

static void capture_begin(void)
{
    char path[] = "/tmp/sinter-test-stderr-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    unlink(path);
    saved_stderr = dup(2);
    dup2(fd, 2);
    close(fd);
}

static const char *capture_end(void)
{
    ssize_t got = pread(2, captured, sizeof captured - 1, 0);
    captured[got > 0 ? got : 0] = 0;
    dup2(saved_stderr, 2);
    close(saved_stderr);
    fputs(captured, stderr);
    return captured;
}

static int count_lines(const char *text, const char *needle)
{
    int n = 0;
    for (const char *p = text; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

/* A miss for reason with the entry replaced, then a hit. */
static void assert_replaced(const Fake *f, const char *reason)
{
    char path[512];
    entry_path(path, sizeof path);
    int before = *compiles;
    capture_begin();
    alarm(10); /* a FIFO opened without O_NONBLOCK would hang here */
    bool ok = get("k", f);
    alarm(0);
    const char *log = capture_end();
    assert_true(ok);
    assert_int_equal(*compiles, before + 1);
    assert_non_null(strstr(log, reason));
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(st.st_uid, geteuid());
    assert_int_equal(st.st_mode & 022, 0);
    assert_true(get("k", f));
    assert_int_equal(*compiles, before + 1);
}

/* ------------------------------------------------------------------ tests */

static void test_hit_and_miss(void **state)
{
    (void)state;
    Fake f = {"code-a", 0};
    capture_begin();
    assert_true(get("k", &f));
    assert_true(get("k", &f));
    const char *log = capture_end();
    assert_int_equal(*compiles, 1);
    assert_non_null(strstr(log, "sinter: [cache] g: miss"));
    assert_non_null(strstr(log, ": missing"));
    assert_non_null(strstr(log, "sinter: [jit] compiled g for sm_90 in "));
    assert_non_null(strstr(log, "sinter: [cache] g: hit "));
    Fake other = {"code-b", 0};
    assert_true(get("k2", &other)); /* another key is another entry */
    assert_int_equal(*compiles, 2);
}

/* rt_cache_peek of (key, "source"): SN_OK with the code, else NOT_FOUND. */
static sn_status peek(const char *key, const Fake *f, char *code_out, size_t len)
{
    RtCacheQuery q = {"g", "sm_90", key, "source", fake_compile, (void *)f};
    void *code = NULL;
    size_t size = 0;
    sn_status s = rt_cache_peek(&q, &code, &size);
    if (s == SN_OK)
        snprintf(code_out, len, "%.*s", (int)size, (const char *)code);
    free(code);
    return s;
}

static void test_peek(void **state)
{
    (void)state;
    Fake f = {"code-a", 0};
    char code[64], path[512];
    assert_int_equal(peek("k", &f, code, sizeof code), SN_ERR_NOT_FOUND);
    DIR *d = opendir(dir);
    int files = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        files += e->d_name[0] != '.';
    closedir(d);
    assert_int_equal(files, 0); /* no entry, no lock file */
    assert_true(get("k", &f));
    assert_int_equal(peek("k", &f, code, sizeof code), SN_OK);
    assert_string_equal(code, "code-a");
    assert_int_equal(peek("k2", &f, code, sizeof code), SN_ERR_NOT_FOUND);
    entry_path(path, sizeof path);
    assert_int_equal(chmod(path, 0666), 0); /* writable by others: a miss */
    assert_int_equal(peek("k", &f, code, sizeof code), SN_ERR_NOT_FOUND);
    assert_int_equal(chmod(path, 0644), 0);
    assert_int_equal(peek("k", &f, code, sizeof code), SN_OK);
    int fd = open(path, O_WRONLY);
    assert_true(fd >= 0);
    assert_int_equal(pwrite(fd, "X", 1, 41), 1); /* corrupt: a miss */
    close(fd);
    assert_int_equal(peek("k", &f, code, sizeof code), SN_ERR_NOT_FOUND);
    assert_int_equal(*compiles, 1);
}

static void test_fifo_entry(void **state)
{
    (void)state;
    Fake f = {"code-a", 0};
    char path[512];
    assert_true(get("k", &f));
    entry_path(path, sizeof path);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(mkfifo(path, 0600), 0);
    assert_replaced(&f, "not a regular file");
}

static void test_directory_entry(void **state)
{
    (void)state;
    Fake f = {"code-a", 0};
    char path[512], inner[600];
    assert_true(get("k", &f));
    entry_path(path, sizeof path);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_replaced(&f, "not a regular file");
    /* a directory that cannot be removed: a miss each time, code returned */
    assert_int_equal(unlink(path), 0);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(inner, sizeof inner, "%s/x", path);
    assert_int_equal(mkdir(inner, 0700), 0);
    assert_true(get("k", &f));
    assert_true(get("k", &f));
    assert_int_equal(*compiles, 4);
}

static void test_symlink_entry(void **state)
{
    (void)state;
    Fake f = {"code-a", 0};
    char path[512], target[600];
    assert_true(get("k", &f));
    entry_path(path, sizeof path);
    snprintf(target, sizeof target, "%s.target", path);
    assert_int_equal(rename(path, target), 0);
    assert_int_equal(symlink(target, path), 0);
    assert_replaced(&f, "not a regular file");
}

static void test_permissive_entry(void **state)
{
    (void)state;
    Fake f = {"code-a", 0};
    char path[512];
    assert_true(get("k", &f));
    entry_path(path, sizeof path);
    assert_int_equal(chmod(path, 0666), 0);
    assert_replaced(&f, "writable by group or others");
}

static void test_foreign_entry(void **state)
{
    (void)state;
    if (geteuid() != 0)
        skip();
    Fake f = {"code-a", 0};
    char path[512];
    assert_true(get("k", &f));
    entry_path(path, sizeof path);
    assert_int_equal(chown(path, 12345, 12345), 0);
    assert_replaced(&f, "owned by uid 12345");
}

static void test_corrupt_and_mismatched_entry(void **state)
{
    (void)state;
    Fake f = {"code-a", 0}, g = {"code-b", 0};
    char path[512], other[512];
    assert_true(get("k", &f));
    entry_path(path, sizeof path);
    int fd = open(path, O_WRONLY);
    assert_true(fd >= 0);
    assert_int_equal(pwrite(fd, "X", 1, 41), 1); /* a byte of the code */
    close(fd);
    assert_replaced(&f, "corrupt");
    /* another key's entry under this key's name */
    assert_int_equal(unlink(path), 0);
    assert_true(get("k2", &g));
    entry_path(other, sizeof other);
    assert_int_equal(rename(other, path), 0);
    assert_replaced(&f, "key mismatch");
}

/* Run fn in a child with its stderr captured; its exit status. */
static int in_child(void (*fn)(void), char *out, size_t len)
{
    fflush(NULL);
    char path[] = "/tmp/sinter-test-child-XXXXXX";
    int fd = mkstemp(path);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd, 2);
        fn();
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    ssize_t n = pread(fd, out, len - 1, 0);
    out[n > 0 ? n : 0] = 0;
    close(fd);
    unlink(path);
    fprintf(stderr, "%s", out);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

static void two_gets(void)
{
    Fake f = {"code-a", 0};
    if (!get("k", &f) || !get("k", &f))
        _exit(1);
}

/* The directory is refused: every get compiles, one warning. */
static void assert_dir_refused(const char *why)
{
    char out[4096];
    assert_int_equal(in_child(two_gets, out, sizeof out), 0);
    assert_int_equal(*compiles, 2);
    assert_int_equal(count_lines(out, "sinter: [cache] not caching compiled kernels"), 1);
    assert_non_null(strstr(out, why));
}

static void test_permissive_dir(void **state)
{
    (void)state;
    assert_int_equal(chmod(dir, 0777), 0);
    assert_dir_refused("writable by group or others (mode 777");
}

static void test_foreign_dir(void **state)
{
    (void)state;
    if (geteuid() != 0)
        skip();
    assert_int_equal(chown(dir, 12345, 12345), 0);
    assert_dir_refused("is owned by uid 12345");
}

static void unwritable_gets(void)
{
    if (geteuid() == 0 && (setgid(12345) != 0 || setuid(12345) != 0))
        _exit(2);
    two_gets();
}

static void test_unwritable_dir(void **state)
{
    (void)state;
    char out[4096];
    if (geteuid() == 0)
        assert_int_equal(chown(dir, 12345, 12345), 0);
    assert_int_equal(chmod(dir, 0500), 0);
    assert_int_equal(in_child(unwritable_gets, out, sizeof out), 0);
    assert_int_equal(*compiles, 2);
    assert_int_equal(count_lines(out, "not caching compiled kernels"), 1);
    assert_non_null(strstr(out, "is not writable (Permission denied)"));
}

/* Run fn with HOME=home (NULL: unset) and no other cache variable. */
static void with_home(const char *home, void (*fn)(const char *))
{
    const char *old = getenv("HOME");
    char *saved = old ? strdup(old) : NULL;
    unsetenv("SINTER_CACHE_DIR");
    unsetenv("XDG_CACHE_HOME");
    if (home)
        setenv("HOME", home, 1);
    else
        unsetenv("HOME");
    fn(home);
    if (saved)
        setenv("HOME", saved, 1);
    free(saved);
}

static void no_home(const char *home)
{
    char got[4096], want[64];
    struct stat st;
    (void)home;
    snprintf(want, sizeof want, "/tmp/sinter-cache-%ld", (long)geteuid());
    assert_string_equal(rt_cache_dir(got, sizeof got), want);
    Fake f = {"code-a", 0};
    assert_true(get("default-dir-test", &f));
    assert_int_equal(stat(want, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_int_equal(st.st_uid, geteuid());
}

static void test_default_dir(void **state)
{
    (void)state;
    with_home(NULL, no_home);
}

/* $HOME/.cache/sinter, made 0700; refused once replaced by a symlink. */
static void home_cache(const char *home)
{
    char path[4096], out[4096];
    struct stat st;
    Fake f = {"code-a", 0};
    assert_true(get("k", &f));
    snprintf(path, sizeof path, "%s/.cache/sinter", home);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    snprintf(path, sizeof path, "rm -r %s/.cache/sinter && ln -s %s %s/.cache/sinter", home, dir,
             home);
    assert_int_equal(system(path), 0);
    *compiles = 0;
    assert_int_equal(in_child(two_gets, out, sizeof out), 0);
    assert_int_equal(*compiles, 2);
    assert_non_null(strstr(out, "sinter is a symbolic link"));
}

static void test_home_dir(void **state)
{
    (void)state;
    char home[64] = "/tmp/sinter-test-home-XXXXXX", cmd[128];
    assert_non_null(mkdtemp(home));
    with_home(home, home_cache);
    snprintf(cmd, sizeof cmd, "rm -rf %s", home);
    assert_int_equal(system(cmd), 0);
}

static void test_concurrent_loaders(void **state)
{
    (void)state;
    int go[2];
    assert_int_equal(pipe(go), 0);
    pid_t pids[8];
    fflush(NULL);
    for (int i = 0; i < 8; i++)
        if ((pids[i] = fork()) == 0) {
            char c;
            close(go[1]);
            if (read(go[0], &c, 1) != 0)
                _exit(3);
            Fake f = {"code-concurrent", 300};
            _exit(get("k", &f) ? 0 : 1);
        }
    close(go[0]);
    close(go[1]); /* all start now: read sees end of file */
    for (int i = 0; i < 8; i++) {
        int status = 0;
        assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
        assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    assert_int_equal(*compiles, 1);
}

/* Store f's entry, then remove it (its lock file stays); the lock's path
 * into lock. */
static void stored_then_removed(const Fake *f, char *lock, size_t len)
{
    char path[512];
    assert_true(get("k", f));
    entry_path(path, sizeof path);
    assert_int_equal(unlink(path), 0);
    snprintf(lock, len, "%s.lock", path);
}

static void test_lock_of_dead_holder(void **state)
{
    (void)state;
    Fake f = {"code-a", 0};
    char lock[600];
    stored_then_removed(&f, lock, sizeof lock);
    int ready[2];
    assert_int_equal(pipe(ready), 0);
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open(lock, O_RDWR);
        if (fd < 0 || flock(fd, LOCK_EX) != 0 || write(ready[1], "x", 1) != 1)
            _exit(1);
        pause();
    }
    char c;
    assert_int_equal(read(ready[0], &c, 1), 1);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    close(ready[0]);
    close(ready[1]);
    alarm(10);
    assert_true(get("k", &f));
    alarm(0);
    assert_int_equal(*compiles, 2);
}

static void test_lock_timeout(void **state)
{
    (void)state;
    Fake f = {"code-a", 0};
    char lock[600];
    stored_then_removed(&f, lock, sizeof lock);
    int fd = open(lock, O_RDWR);
    assert_true(fd >= 0);
    assert_int_equal(flock(fd, LOCK_EX), 0); /* another open file: contends */
    rt_cache_set_lock_timeout_ms(200);
    capture_begin();
    alarm(10);
    bool ok = get("k", &f);
    alarm(0);
    const char *log = capture_end();
    close(fd);
    assert_true(ok);
    assert_int_equal(*compiles, 2);
    assert_non_null(strstr(log, "compiling anyway"));
}

/* ------------------------------------------------------ precompiled */

static int loads;              /* module_load calls that accepted */

/* The fake driver refuses the bundle's bytes and takes a code object. */
static int fake_load(const void *image, void **module)
{
    *module = (void *)image;
    if (!memcmp(image, "PRECOMPILED", 11) || memcmp(image, "\x7f" "ELF", 4) != 0)
        return 200;
    loads++;
    return 0;
}

static const char *fake_describe(int code)
{
    return code == 200 ? "device kernel image is invalid" : "?";
}

static void test_precompiled_fallback(void **state)
{
    (void)state;
    char info[256];
    RtDevice dev = {.dialect = SNB_HIP, .arch = "gfx90a", .version = "test",
                    .module_load = fake_load, .describe = fake_describe};
    RtBinary bin = {"gfx90a", "hiprtc", (const unsigned char *)"PRECOMPILED", 11};
    RtVariant v = {.dialect = SNB_HIP, .arch = "gfx90a", .nbinary = 1, .binaries = &bin,
                   .source = "extern \"C\" __global__ void k(float *x) { x[threadIdx.x] = 1; }"};
    sn_graph g = {.name = "g"};
    void *module = NULL;
    capture_begin();
    sn_status s = rt_load_module(&g, &v, &dev, &module);
    const char *log = capture_end();
    assert_non_null(strstr(log, "sinter: [jit] g: the bundle's gfx90a binary does not load "
                                "(device kernel image is invalid); compiling"));
    if (!rt_jit_probe(RT_HIPRTC, info, sizeof info) || rt_jit_hip_knows_arch("gfx90a") != 1) {
        assert_int_not_equal(s, SN_OK); /* the JIT was tried: no hiprtc for gfx90a */
        print_message("        %s: no gfx90a compile\n", info);
        return;
    }
    assert_int_equal(s, SN_OK);
    assert_int_equal(loads, 1);
    assert_non_null(strstr(log, "sinter: [jit] compiled g for gfx90a in "));
    /* a binary the driver takes is used as is */
    bin.code = (const unsigned char *)"\x7f" "ELF-precompiled";
    capture_begin();
    s = rt_load_module(&g, &v, &dev, &module);
    log = capture_end();
    assert_int_equal(s, SN_OK);
    assert_ptr_equal(module, bin.code);
    assert_non_null(strstr(log, "sinter: [jit] g: using the bundle's gfx90a binary\n"));
    assert_null(strstr(log, "compiled"));
}

/* ------------------------------------------------------------------- log */

/* rt_log_on for SINTER_LOG=value, in a fresh process; what else it
 * printed (stderr) into err. */
static int categories(const char *value, char *err, size_t len)
{
    char cmd[4400], line[512];
    snprintf(cmd, sizeof cmd, "SINTER_LOG='%s' %s log-categories 2>&1", value, exe);
    FILE *p = popen(cmd, "r");
    int mask = -1;
    size_t n = 0;
    err[0] = 0;
    while (p && fgets(line, sizeof line, p))
        if (line[0] >= '0' && line[0] <= '9')
            mask = atoi(line);
        else
            n += (size_t)snprintf(err + n, n < len ? len - n : 0, "%s", line);
    if (p)
        pclose(p);
    return mask;
}

static void test_log_categories(void **state)
{
    (void)state;
    char err[512];
    assert_int_equal(categories("1", err, sizeof err), 7);
    assert_string_equal(err, "sinter: [cache] a warning\n");
    assert_int_equal(categories("all", err, sizeof err), 7);
    assert_int_equal(categories("jit,launch", err, sizeof err), 5);
    assert_int_equal(categories("cache", err, sizeof err), 2);
    assert_int_equal(categories("0", err, sizeof err), 0);
    assert_string_equal(err, ""); /* SINTER_LOG=0 silences warnings too */
    assert_int_equal(categories("jit,bogus", err, sizeof err), 1);
    assert_non_null(strstr(err, "unknown category 'bogus'"));
}

/* The launch line as sn_launch logs it: the reasons from api.c. */
static void log_launch(const RtDevice *dev, const sn_graph *g, const RtKernel *many,
                       const RtKernel *run, const void *fn, void *const *ptrs,
                       const sn_tensor *inputs, int64_t grid)
{
    char few[256] = "", why[256] = "";
    if (many->few_rows)
        rt_misaligned_text(g, many->few_rows, ptrs, inputs, few, sizeof few);
    rt_misaligned_text(g, many, ptrs, inputs, why, sizeof why);
    rt_log_launch(dev, g, many, run, fn, few, why, grid);
}

static void test_log_launch(void **state)
{
    (void)state;
    RtAlign al = {0, 16, 8};
    RtKernel few = {.name = "k_few", .scalar_name = "", .nalign = 1, .align = &al};
    RtKernel k = {.name = "k", .scalar_name = "k_scalar", .nalign = 1, .align = &al,
                  .fn = (void *)1, .fn_scalar = (void *)2, .few_rows = &few,
                  .few_rows_grid_per_sm = 4};
    RtTensor ins[1] = {{.name = "x", .dtype = SN_BF16, .rank = 2}}, outs[1] = {{.name = "y"}};
    sn_graph g = {.name = "g", .nin = 1, .nout = 1, .ins = ins, .outs = outs};
    RtDevice dev = {.sms = 10};
    int64_t shape[2] = {3, 64}, strides[2] = {63, 1};
    sn_tensor x = {NULL, SN_BF16, 2, shape, NULL, 0};
    void *ptrs[2] = {(void *)0x1004, (void *)0x2000};
    capture_begin();
    log_launch(&dev, &g, &k, &k, k.fn_scalar, ptrs, &x, 100);
    log_launch(&dev, &g, &k, &k, k.fn_scalar, ptrs, &x, 5);
    ptrs[0] = (void *)0x1000;
    x.strides = strides;
    log_launch(&dev, &g, &k, &k, k.fn_scalar, ptrs, &x, 100);
    x.strides = NULL;
    log_launch(&dev, &g, &k, &k, k.fn, ptrs, &x, 100);
    log_launch(&dev, &g, &k, &few, few.fn, ptrs, &x, 2);
    dev.few_rows = 1; /* SINTER_FEW_ROWS=always, but the few-rows kernel misaligned */
    ptrs[0] = (void *)0x1008;
    log_launch(&dev, &g, &k, &k, k.fn_scalar, ptrs, &x, 100);
    const char *log = capture_end();
    assert_non_null(strstr(log, "sinter: [launch] g: k_scalar, grid 100 (scalar fallback: input "
                                "'x' at 0x1004 is not 16-byte aligned; not few-rows: grid > 40)"));
    assert_non_null(strstr(log, "g: k_scalar, grid 5 (scalar fallback: input 'x' at 0x1004 is "
                                "not 16-byte aligned; not few-rows: input 'x' at 0x1004"));
    assert_non_null(strstr(log, "(scalar fallback: input 'x' has stride 63 in dim 0, not a "
                                "multiple of 8; not few-rows: grid > 40)"));
    assert_non_null(strstr(log, "g: k, grid 100 (vector variant; not few-rows: grid > 40)"));
    assert_non_null(strstr(log, "g: k_few, grid 2 (few-rows variant: grid is small)"));
    assert_non_null(strstr(log, "grid 100 (scalar fallback: input 'x' at 0x1008 is not 16-byte "
                                "aligned; not few-rows: input 'x' at 0x1008"));
}

/* ------------------------------------------------------------------- HIP */

#if defined(__has_include)
#if __has_include(<hip/hip_runtime_api.h>)
#define __HIP_PLATFORM_AMD__ 1
#include <hip/hip_runtime_api.h>
#define HAVE_HIP_HEADER 1
_Static_assert(hipDeviceAttributeMultiprocessorCount == RT_HIP_ATTR_MULTIPROCESSOR_COUNT,
               "hipDeviceAttributeMultiprocessorCount moved");
#if HIP_VERSION_MAJOR >= 6
_Static_assert(offsetof(hipDeviceProp_tR0600, gcnArchName) == RT_HIP_R0600_ARCH_OFFSET,
               "gcnArchName moved in hipDeviceProp_tR0600");
_Static_assert(sizeof(hipDeviceProp_tR0600) <= RT_HIP_PROPS_BYTES, "hipDeviceProp_t grew");
#else
_Static_assert(offsetof(hipDeviceProp_t, gcnArchName) == RT_HIP_R0000_ARCH_OFFSET,
               "gcnArchName moved in hipDeviceProp_t");
_Static_assert(sizeof(hipDeviceProp_t) <= RT_HIP_PROPS_BYTES, "hipDeviceProp_t grew");
#endif
#endif
#endif

static void test_hip_abi(void **state)
{
    (void)state;
#ifdef HAVE_HIP_HEADER
    print_message("        checked against HIP %d.%d's header (at compile time)\n",
                  HIP_VERSION_MAJOR, HIP_VERSION_MINOR);
#else
    print_message("        no HIP header installed\n");
    skip();
#endif
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "log-categories")) {
        printf("%d\n", rt_log_on(RT_LOG_JIT) | rt_log_on(RT_LOG_CACHE) << 1 |
                           rt_log_on(RT_LOG_LAUNCH) << 2);
        fflush(stdout);
        rt_warn(RT_LOG_CACHE, "a warning");
        return 0;
    }
    setenv("SINTER_LOG", "jit,cache,launch", 1);
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    exe[n > 0 ? n : 0] = 0;
    compiles = mmap(NULL, sizeof *compiles, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                    -1, 0);
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, fresh_dir, remove_dir)
        T(test_hit_and_miss),
        T(test_peek),
        T(test_fifo_entry),
        T(test_directory_entry),
        T(test_symlink_entry),
        T(test_permissive_entry),
        T(test_foreign_entry),
        T(test_corrupt_and_mismatched_entry),
        T(test_permissive_dir),
        T(test_foreign_dir),
        T(test_unwritable_dir),
        T(test_default_dir),
        T(test_home_dir),
        T(test_concurrent_loaders),
        T(test_lock_of_dead_holder),
        T(test_lock_timeout),
        T(test_precompiled_fallback),
        cmocka_unit_test(test_log_categories),
        cmocka_unit_test(test_log_launch),
        cmocka_unit_test(test_hip_abi),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
