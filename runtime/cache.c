/* cache.c - the on-disk cache of compiled kernels (cache.h), and loading a
 * graph's module (precompiled binary, else cache, else JIT).
 *
 * Directory: $SINTER_CACHE_DIR, else $XDG_CACHE_HOME/sinter, else
 * $HOME/.cache/sinter, else /tmp/sinter-cache-<uid>; created 0700.  It is
 * used only if it is owned by the effective user and not writable by group
 * or others (and, unless named by $SINTER_CACHE_DIR, not a symlink), else
 * caching is off (one warning per process), as it is when the directory
 * cannot be created or written.
 *
 * Entry "<arch>-<hash>.bin": "SNCACHE2" | u64 code bytes | u64 XXH64(code)
 * | XXH128(key, source) | code; the file name carries the same XXH128.  An
 * entry is read only if it is a regular file (opened O_NOFOLLOW|O_NONBLOCK:
 * a FIFO or a symlink is never followed or waited on) owned by the user and
 * not group/other-writable, and its size, checksum and key match; anything
 * else is a miss, logged with the reason, and the entry is replaced by
 * rename (an empty directory in its place is removed first).  Entries are
 * written to a unique temporary name and renamed into place.
 *
 * Compiles of one entry are serialised by flock on "<entry>.lock": the
 * first loader compiles, the others wait and then read its entry.  flock
 * is released when its holder exits, however it exits; a loader that
 * cannot take the lock within the timeout compiles anyway.  Lock files
 * stay (removing one would let a third loader lock a new file while the
 * second still holds the old).  A child forked (without exec) while a
 * thread holds an entry's lock would share the lock's open file and keep
 * it held after the parent's compile ends; the held locks are listed, and
 * a forked child closes its copies. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "cache.h"
#include "internal.h"
#include "jit.h"

#define CACHE_MAGIC "SNCACHE2"
#define HEADER 40

static long lock_timeout_ms = 180000;

void rt_cache_set_lock_timeout_ms(long ms)
{
    lock_timeout_ms = ms;
}

const char *rt_cache_dir(char *buf, size_t len)
{
    const char *env = getenv("SINTER_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    if (env && *env)
        snprintf(buf, len, "%s", env);
    else if (xdg && *xdg)
        snprintf(buf, len, "%s/sinter", xdg);
    else if (home && *home)
        snprintf(buf, len, "%s/.cache/sinter", home);
    else
        snprintf(buf, len, "/tmp/sinter-cache-%ld", (long)geteuid());
    return buf;
}

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Say once per process that the cache is off, and why. */
static void cache_off(const char *dir, const char *why)
{
    static int said;
    if (!__atomic_exchange_n(&said, 1, __ATOMIC_RELAXED))
        rt_warn(RT_LOG_CACHE, "not caching compiled kernels: %s %s", dir, why);
}

/* ----------------------------------------------------------- directory */

/* mkdir -p, new directories 0700; false if path cannot be made. */
static bool make_dirs(const char *path)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            if (mkdir(tmp, 0700) != 0 && errno != EEXIST)
                return false;
            *p = '/';
        }
    return mkdir(tmp, 0700) == 0 || errno == EEXIST;
}

/* Is st owned by us and not writable by group or others?  Else why. */
static bool trusted(const struct stat *st, char *why, size_t len)
{
    if (st->st_uid != geteuid())
        snprintf(why, len, "is owned by uid %ld, not by this user (uid %ld)", (long)st->st_uid,
                 (long)geteuid());
    else if (st->st_mode & 022)
        snprintf(why, len, "is writable by group or others (mode %03o; chmod go-w it)",
                 (unsigned)(st->st_mode & 0777));
    else
        return true;
    return false;
}

/* The cache directory, opened, or -1 with the reason in why.  A default
 * directory that is a symlink is refused (/tmp/sinter-cache-<uid> could be
 * planted to point into another directory of the user's);
 * $SINTER_CACHE_DIR is the user's own choice (named) and is followed. */
static int open_dir(const char *dir, bool named, char *why, size_t len)
{
    struct stat st;
    int nofollow = named ? 0 : O_NOFOLLOW;
    if (!make_dirs(dir)) {
        snprintf(why, len, "cannot be created: %s", strerror(errno));
        return -1;
    }
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | nofollow);
    if (fd < 0 && nofollow && lstat(dir, &st) == 0 && S_ISLNK(st.st_mode)) {
        snprintf(why, len, "is a symbolic link (name its target in SINTER_CACHE_DIR)");
    } else if (fd < 0 || fstat(fd, &st) != 0) {
        snprintf(why, len, "cannot be opened: %s", strerror(errno));
    } else if (trusted(&st, why, len)) {
        return fd;
    }
    if (fd >= 0)
        close(fd);
    return -1;
}

/* --------------------------------------------------------------- entries */

typedef enum {
    ENTRY_HIT, ENTRY_MISSING, ENTRY_NOT_REGULAR, ENTRY_UNTRUSTED, ENTRY_CORRUPT, ENTRY_MISMATCH,
    ENTRY_UNREADABLE
} Entry;

static void put64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static bool read_all(int fd, void *buf, size_t n)
{
    for (size_t got = 0; got < n;) {
        ssize_t r = read(fd, (char *)buf + got, n - got);
        if (r <= 0 && !(r < 0 && errno == EINTR))
            return false;
        got += r > 0 ? (size_t)r : 0;
    }
    return true;
}

static bool write_all(int fd, const void *buf, size_t n)
{
    for (size_t put = 0; put < n;) {
        ssize_t r = write(fd, (const char *)buf + put, n - put);
        if (r <= 0 && !(r < 0 && errno == EINTR))
            return false;
        put += r > 0 ? (size_t)r : 0;
    }
    return true;
}

/* The code of an open regular file of fsize bytes, if it is an entry for
 * key. */
static Entry read_checked(int fd, off_t fsize, const unsigned char *key, void **code,
                          size_t *size)
{
    unsigned char h[HEADER];
    if (fsize < HEADER || !read_all(fd, h, HEADER) || memcmp(h, CACHE_MAGIC, 8) != 0 ||
        get64(h + 8) != (uint64_t)(fsize - HEADER) || get64(h + 8) == 0)
        return ENTRY_CORRUPT;
    if (memcmp(h + 24, key, 16) != 0)
        return ENTRY_MISMATCH;
    size_t n = (size_t)get64(h + 8);
    void *buf = malloc(n);
    if (!buf || !read_all(fd, buf, n) || XXH64(buf, n, 0) != get64(h + 16)) {
        free(buf);
        return ENTRY_CORRUPT;
    }
    *code = buf;
    *size = n;
    return ENTRY_HIT;
}

static const char *const entry_reasons[] = {
    [ENTRY_HIT] = "hit", [ENTRY_MISSING] = "missing", [ENTRY_NOT_REGULAR] = "not a regular file",
    [ENTRY_UNTRUSTED] = "untrusted", [ENTRY_CORRUPT] = "corrupt (size or checksum)",
    [ENTRY_MISMATCH] = "key mismatch", [ENTRY_UNREADABLE] = "unreadable"};

/* The entry's code if it is a hit, else why not: the Entry, and for an
 * untrusted or unreadable one the details in why. */
static Entry read_entry(int dfd, const char *name, const unsigned char *key, void **code,
                        size_t *size, char *why, size_t len)
{
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    Entry e;
    snprintf(why, len, "%s", strerror(errno));
    if (fd < 0)
        return errno == ENOENT ? ENTRY_MISSING : errno == ELOOP ? ENTRY_NOT_REGULAR
                                                                : ENTRY_UNREADABLE;
    if (fstat(fd, &st) != 0)
        e = (snprintf(why, len, "%s", strerror(errno)), ENTRY_UNREADABLE);
    else if (!S_ISREG(st.st_mode))
        e = ENTRY_NOT_REGULAR;
    else if (!trusted(&st, why, len))
        e = ENTRY_UNTRUSTED;
    else
        e = read_checked(fd, st.st_size, key, code, size);
    close(fd);
    return e;
}

/* Store code as entry name, replacing whatever is there (a file of any
 * kind, or an empty directory).  0 if stored, else with the reason in why
 * 1 (nothing can be written: the cache is off) or 2 (this entry cannot be
 * replaced). */
static int write_entry(int dfd, const char *name, const unsigned char *key, const void *code,
                        size_t size, char *why, size_t len)
{
    static unsigned counter;
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld.%u", name, (long)getpid(),
             __atomic_fetch_add(&counter, 1, __ATOMIC_RELAXED));
    int fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        snprintf(why, len, "is not writable (%s)", strerror(errno));
        return 1;
    }
    unsigned char h[HEADER];
    memcpy(h, CACHE_MAGIC, 8);
    put64(h + 8, size);
    put64(h + 16, XXH64(code, size, 0));
    memcpy(h + 24, key, 16);
    bool ok = write_all(fd, h, HEADER) && write_all(fd, code, size);
    ok = close(fd) == 0 && ok;
    if (ok && renameat(dfd, tmp, dfd, name) != 0)
        ok = (errno == EISDIR || errno == ENOTEMPTY || errno == EEXIST) &&
             unlinkat(dfd, name, AT_REMOVEDIR) == 0 && renameat(dfd, tmp, dfd, name) == 0;
    if (!ok) {
        snprintf(why, len, "cannot write %s: %s", name, strerror(errno));
        unlinkat(dfd, tmp, 0);
    }
    return ok ? 0 : 2;
}

/* ----------------------------------------------------------------- lock */

/* The entry locks this process holds (their fds), closed in a forked
 * child; one beyond the list's room is not closed there. */
static pthread_mutex_t held_lock = PTHREAD_MUTEX_INITIALIZER;
static int held[256];
static int nheld;
static pthread_once_t held_once = PTHREAD_ONCE_INIT;

static void held_fork_prepare(void)
{
    pthread_mutex_lock(&held_lock);
}

static void held_fork_parent(void)
{
    pthread_mutex_unlock(&held_lock);
}

static void held_fork_child(void)
{
    for (int i = 0; i < nheld; i++)
        close(held[i]);
    nheld = 0;
    pthread_mutex_unlock(&held_lock);
}

static void held_init(void)
{
    pthread_atfork(held_fork_prepare, held_fork_parent, held_fork_child);
}

/* fd, holding a lock, listed (before the lock is taken: a fork between
 * the two closes it in the child, which never held the lock). */
static void held_add(int fd)
{
    pthread_once(&held_once, held_init);
    pthread_mutex_lock(&held_lock);
    if (nheld < (int)(sizeof held / sizeof held[0]))
        held[nheld++] = fd;
    pthread_mutex_unlock(&held_lock);
}

/* Release the lock fd: unlisted and closed (under the list's lock, so a
 * fork never sees a closed fd listed: its number may be reused). */
static void unlock_entry(int fd)
{
    pthread_mutex_lock(&held_lock);
    for (int i = 0; i < nheld; i++)
        if (held[i] == fd) {
            held[i] = held[--nheld];
            break;
        }
    close(fd);
    pthread_mutex_unlock(&held_lock);
}

/* Hold "<entry>.lock" (flock), waiting at most lock_timeout_ms: the fd to
 * release with unlock_entry, or -1 (no lock: compile anyway). */
static int lock_entry(int dfd, const char *name, const char *what)
{
    char lk[512];
    struct stat st;
    snprintf(lk, sizeof lk, "%s.lock", name);
    int fd = openat(dfd, lk, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid()) {
        rt_log(RT_LOG_CACHE, "%s: cannot use the lock %s (%s); compiling unlocked", what, lk,
               fd < 0 ? strerror(errno) : "not a regular file of this user");
        if (fd >= 0)
            close(fd);
        return -1;
    }
    double start = now_ms(), waited = 0;
    held_add(fd);
    for (long pause_us = 1000; flock(fd, LOCK_EX | LOCK_NB) != 0; pause_us *= 2) {
        waited = now_ms() - start;
        if ((errno != EWOULDBLOCK && errno != EINTR) || waited >= (double)lock_timeout_ms) {
            rt_log(RT_LOG_CACHE, "%s: no lock %s after %.0f ms (%s); compiling anyway", what,
                   lk, waited, strerror(errno));
            unlock_entry(fd);
            return -1;
        }
        struct timespec t = {0, (pause_us > 50000 ? 50000 : pause_us) * 1000};
        nanosleep(&t, NULL);
    }
    if (waited > 0)
        rt_log(RT_LOG_CACHE, "%s: waited %.0f ms for another loader's compile", what, waited);
    return fd;
}

/* ------------------------------------------------------------------ get */

static sn_status compile_now(const RtCacheQuery *q, void **code, size_t *size)
{
    char err[16384];
    double start = now_ms();
    if (!q->compile(q->ctx, code, size, err, sizeof err))
        return rt_error(SN_ERR_COMPILE, "%s: %s", q->name, err);
    rt_log(RT_LOG_JIT, "compiled %s for %s in %.0f ms (%zu bytes)", q->name, q->arch,
           now_ms() - start, *size);
    return SN_OK;
}

/* The entry's file name and key for q. */
static void entry_of(const RtCacheQuery *q, char *name, size_t len, unsigned char *key)
{
    XXH3_state_t st;
    XXH3_128bits_reset(&st);
    XXH3_128bits_update(&st, q->key, strlen(q->key) + 1);
    XXH3_128bits_update(&st, q->source, strlen(q->source));
    XXH128_canonical_t c;
    XXH128_canonicalFromHash(&c, XXH3_128bits_digest(&st));
    memcpy(key, c.digest, 16);
    size_t n = (size_t)snprintf(name, len, "%.64s-", q->arch);
    for (size_t i = 0; i < n; i++) /* an arch from the environment names no other path */
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-", name[i]))
            name[i] = '_';
    for (int i = 0; i < 16 && n + 2 < len; i++, n += 2)
        snprintf(name + n, len - n, "%02x", key[i]);
    snprintf(name + n, len - n, ".bin");
}

/* Compile q, store the result as entry name (the lock held, if any). */
static sn_status compile_and_store(const RtCacheQuery *q, int dfd, const char *dir,
                                   const char *name, const unsigned char *key, void **code,
                                   size_t *size)
{
    char why[512];
    sn_status s = compile_now(q, code, size);
    int w = s == SN_OK ? write_entry(dfd, name, key, *code, *size, why, sizeof why) : -1;
    if (w == 0)
        rt_log(RT_LOG_CACHE, "%s: stored %s/%s", q->name, dir, name);
    else if (w == 1)
        cache_off(dir, why);
    else if (w == 2)
        rt_log(RT_LOG_CACHE, "%s: not stored: %s", q->name, why);
    return s;
}

/* The environment's cache directory into buf; whether $SINTER_CACHE_DIR
 * named it into *named. */
static const char *env_dir(char *buf, size_t len, bool *named)
{
    const char *env = getenv("SINTER_CACHE_DIR");
    *named = env && *env;
    return rt_cache_dir(buf, len);
}

bool rt_cache_where(char *dir, size_t len, bool *named)
{
    char why[512];
    env_dir(dir, len, named);
    int fd = open_dir(dir, *named, why, sizeof why);
    if (fd < 0) {
        cache_off(dir, why);
        return false;
    }
    close(fd);
    return true;
}

sn_status rt_cache_get(const RtCacheQuery *q, void **code, size_t *size)
{
    char buf[4096];
    bool named;
    const char *dir = env_dir(buf, sizeof buf, &named);
    return rt_cache_get_in(q, dir, named, code, size);
}

sn_status rt_cache_get_in(const RtCacheQuery *q, const char *dir, bool named, void **code,
                          size_t *size)
{
    char name[256], why[512];
    unsigned char key[16];
    entry_of(q, name, sizeof name, key);
    int dfd = open_dir(dir, named, why, sizeof why);
    if (dfd < 0) {
        cache_off(dir, why);
        return compile_now(q, code, size);
    }
    Entry e = read_entry(dfd, name, key, code, size, why, sizeof why);
    if (e != ENTRY_HIT) {
        rt_log(RT_LOG_CACHE, "%s: miss %s/%s: %s%s%s", q->name, dir, name, entry_reasons[e],
               e == ENTRY_UNTRUSTED || e == ENTRY_UNREADABLE ? ": " : "",
               e == ENTRY_UNTRUSTED || e == ENTRY_UNREADABLE ? why : "");
        int lk = lock_entry(dfd, name, q->name);
        if (lk >= 0) /* the holder before us may have stored it */
            e = read_entry(dfd, name, key, code, size, why, sizeof why);
        sn_status s = e == ENTRY_HIT ? SN_OK
                                     : compile_and_store(q, dfd, dir, name, key, code, size);
        if (lk >= 0)
            unlock_entry(lk);
        close(dfd);
        return s;
    }
    rt_log(RT_LOG_CACHE, "%s: hit %s/%s", q->name, dir, name);
    close(dfd);
    return SN_OK;
}

sn_status rt_cache_peek(const RtCacheQuery *q, void **code, size_t *size)
{
    char buf[4096], name[256], why[512];
    unsigned char key[16];
    bool named;
    entry_of(q, name, sizeof name, key);
    const char *dir = env_dir(buf, sizeof buf, &named);
    int dfd = open_dir(dir, named, why, sizeof why);
    if (dfd < 0)
        return SN_ERR_NOT_FOUND; /* rt_cache_get says why */
    Entry e = read_entry(dfd, name, key, code, size, why, sizeof why);
    close(dfd);
    if (e != ENTRY_HIT)
        return SN_ERR_NOT_FOUND;
    rt_log(RT_LOG_CACHE, "%s: hit %s/%s", q->name, dir, name);
    return SN_OK;
}

/* ---------------------------------------------------------- the JIT */

typedef struct {
    RtCompiler compiler;
    const char *source, *arch;
} Jit;

static bool jit_compile(void *ctx, void **code, size_t *size, char *err, size_t errlen)
{
    const Jit *j = ctx;
    RtJitOutput out;
    bool ok = rt_jit_compile(j->compiler, j->source,
                             j->compiler == RT_NVRTC ? "sinter.cu" : "sinter.hip", j->arch, &out,
                             err, errlen);
    *code = out.binary;
    *size = out.size;
    out.binary = NULL;
    rt_jit_free(&out);
    return ok;
}

sn_status rt_cache_binary(const char *name, const char *source, int dialect, const char *arch,
                          const char *driver_version, void **code, size_t *size)
{
    Jit j = {dialect == SNB_CUDA ? RT_NVRTC : RT_HIPRTC, source, arch};
    char ident[8192], key[8400];
    if (!rt_jit_identity(j.compiler, arch, ident, sizeof ident))
        return rt_error(SN_ERR_NO_DEVICE, "%s", ident);
    snprintf(key, sizeof key, "%d|%s|%s|%s", dialect, arch, driver_version, ident);
    RtCacheQuery q = {name, arch, key, source, jit_compile, &j};
    return rt_cache_get(&q, code, size);
}

sn_status rt_load_bundle_binary(const sn_graph *g, const RtVariant *v, const RtDevice *dev,
                                void **module)
{
    for (int i = 0; i < v->nbinary; i++)
        if (strcmp(v->binaries[i].arch, dev->arch) == 0) {
            int rc = dev->module_load(v->binaries[i].code, module);
            if (rc == 0) {
                rt_log(RT_LOG_JIT, "%s: using the bundle's %s binary", g->name, dev->arch);
                return SN_OK;
            }
            rt_log(RT_LOG_JIT, "%s: the bundle's %s binary does not load (%s); compiling",
                   g->name, dev->arch, dev->describe(rc));
            break;
        }
    return SN_ERR_NOT_FOUND;
}

sn_status rt_load_module(const sn_graph *g, const RtVariant *v, const RtDevice *dev,
                         void **module)
{
    if (rt_load_bundle_binary(g, v, dev, module) == SN_OK)
        return SN_OK;
    void *code = NULL;
    size_t size = 0;
    sn_status s = rt_cache_binary(g->name, v->source, dev->dialect, dev->arch, dev->version,
                                  &code, &size);
    if (s != SN_OK)
        return s;
    int rc = dev->module_load(code, module);
    free(code);
    if (rc != 0)
        return rt_error(SN_ERR_COMPILE, "loading the module of graph %s failed: %s", g->name,
                        dev->describe(rc));
    return SN_OK;
}
