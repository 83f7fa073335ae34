/* jit.c - NVRTC and hiprtc through dlopen; see jit.h.  Both libraries have
 * the same shape of C API (create, compile, log, code), so one table of
 * entry points per compiler drives one compile routine. */
#define _GNU_SOURCE /* dladdr, dl_iterate_phdr */
#include <dlfcn.h>
#include <limits.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jit.h"

typedef int (*create_fn)(void **prog, const char *src, const char *name, int nheaders,
                         const char *const *headers, const char *const *includes);
typedef int (*compile_fn)(void *prog, int nopts, const char *const *opts);
typedef int (*size_fn)(void *prog, size_t *size);
typedef int (*get_fn)(void *prog, char *dst);
typedef int (*destroy_fn)(void **prog);
typedef const char *(*errstr_fn)(int code);
typedef int (*version_fn)(int *major, int *minor);

typedef struct {
    const char *env;
    const char *libs[8];
    const char *names[8]; /* create compile logsize log codesize code destroy errstr */
    const char *version_name;
    void *handle;
    bool tried;
    char why[256];
    create_fn create;
    compile_fn compile;
    size_fn log_size, code_size;
    get_fn log, code;
    destroy_fn destroy;
    errstr_fn errstr;
    version_fn version;
} Lib;

static Lib libs[2] = {
    [RT_NVRTC] = {"SINTER_NVRTC",
                  {"libnvrtc.so", "libnvrtc.so.13", "libnvrtc.so.12",
                   "/usr/local/cuda/lib64/libnvrtc.so", NULL},
                  {"nvrtcCreateProgram", "nvrtcCompileProgram", "nvrtcGetProgramLogSize",
                   "nvrtcGetProgramLog", "nvrtcGetCUBINSize", "nvrtcGetCUBIN",
                   "nvrtcDestroyProgram", "nvrtcGetErrorString"},
                  "nvrtcVersion"},
    [RT_HIPRTC] = {"SINTER_HIPRTC",
                   {"libhiprtc.so", "libhiprtc.so.7", "libhiprtc.so.6", "libamdhip64.so",
                    "libamdhip64.so.7", "libamdhip64.so.6", "libamdhip64.so.5", NULL},
                   {"hiprtcCreateProgram", "hiprtcCompileProgram", "hiprtcGetProgramLogSize",
                    "hiprtcGetProgramLog", "hiprtcGetCodeSize", "hiprtcGetCode",
                    "hiprtcDestroyProgram", "hiprtcGetErrorString"},
                   "hiprtcVersion"},
};

static void *sym(Lib *l, const char *file, const char *name, bool *ok)
{
    void *p = dlsym(l->handle, name);
    if (!p && *ok) {
        snprintf(l->why, sizeof l->why, "%s lacks %s", file, name);
        *ok = false;
    }
    return p;
}

/* Resolve l's entry points in l->handle, opened from file. */
static bool resolve(Lib *l, const char *file)
{
    bool ok = true;
    l->create = (create_fn)sym(l, file, l->names[0], &ok);
    l->compile = (compile_fn)sym(l, file, l->names[1], &ok);
    l->log_size = (size_fn)sym(l, file, l->names[2], &ok);
    l->log = (get_fn)sym(l, file, l->names[3], &ok);
    l->code_size = (size_fn)sym(l, file, l->names[4], &ok);
    l->code = (get_fn)sym(l, file, l->names[5], &ok);
    l->destroy = (destroy_fn)sym(l, file, l->names[6], &ok);
    l->errstr = (errstr_fn)sym(l, file, l->names[7], &ok);
    l->version = (version_fn)dlsym(l->handle, l->version_name);
    if (!ok) {
        dlclose(l->handle);
        l->handle = NULL;
    }
    return ok;
}

/* $env if it opens, else the first of l->libs that opens and has every entry point
 * (ROCm 6+ keeps hiprtc out of libamdhip64). */
static bool load(Lib *l)
{
    if (l->tried)
        return l->handle != NULL;
    l->tried = true;
    const char *env = getenv(l->env);
    if (env && *env && (l->handle = dlopen(env, RTLD_NOW | RTLD_LOCAL)))
        return resolve(l, env);
    for (int i = 0; l->libs[i]; i++)
        if ((l->handle = dlopen(l->libs[i], RTLD_NOW | RTLD_LOCAL)) && resolve(l, l->libs[i]))
            return true;
    if (!l->why[0])
        snprintf(l->why, sizeof l->why, "cannot load %s (tried $%s and %s...)",
                 l == &libs[RT_NVRTC] ? "NVRTC" : "hiprtc", l->env, l->libs[0]);
    return false;
}

bool rt_jit_probe(RtCompiler c, char *info, size_t infolen)
{
    Lib *l = &libs[c];
    if (!load(l)) {
        snprintf(info, infolen, "%s", l->why);
        return false;
    }
    int major = 0, minor = 0;
    if (l->version)
        l->version(&major, &minor);
    snprintf(info, infolen, "%s %d.%d", c == RT_NVRTC ? "nvrtc" : "hiprtc", major, minor);
    return true;
}

static char *fetch_log(Lib *l, void *prog)
{
    size_t n = 0;
    char *log = NULL;
    if (l->log_size(prog, &n) == 0 && n > 0 && (log = calloc(1, n + 1)))
        l->log(prog, log);
    return log ? log : calloc(1, 1);
}

/* ------------------------------------------------------ hiprtc's comgr */

typedef struct {
    char dir[PATH_MAX];        /* hiprtc's directory (resolved) */
    char path[PATH_MAX];       /* out: the comgr found */
    int found;                 /* comgrs loaded; 2: one in dir was taken */
} ComgrSearch;

/* The directory of path, resolved (symlinks followed), into dir. */
static bool resolved_dir(const char *path, char *dir)
{
    char *slash;
    if (!path || !realpath(path, dir) || !(slash = strrchr(dir, '/')))
        return false;
    *slash = 0;
    return true;
}

static int find_comgr(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    ComgrSearch *s = data;
    const char *base = strrchr(info->dlpi_name, '/');
    char dir[PATH_MAX];
    if (!base || strncmp(base + 1, "libamd_comgr.so", 15) != 0 || s->found == 2)
        return 0;
    bool same_dir = resolved_dir(info->dlpi_name, dir) && !strcmp(dir, s->dir);
    if (same_dir || !s->found)
        snprintf(s->path, sizeof s->path, "%s", info->dlpi_name);
    s->found = same_dir ? 2 : s->found + 1;
    return 0;
}

/* The comgr hiprtc compiles with, or NULL.  hiprtc loads comgr only when
 * a program is created (ROCm 5.2 and 6.x alike), so one empty program is
 * created first; then the loaded comgr is taken: the one in hiprtc's own
 * directory if several are loaded (another ROCm's may be, by another
 * library), never one opened by name, which can be another ROCm's. */
static const char *hiprtc_comgr(void)
{
    static ComgrSearch s;
    static bool done;
    Lib *l = &libs[RT_HIPRTC];
    if (done || !load(l))
        return s.found == 2 || s.found == 1 ? s.path : NULL;
    done = true;
    void *prog = NULL;
    if (l->create(&prog, "", "probe.hip", 0, NULL, NULL) == 0)
        l->destroy(&prog);
    Dl_info di;
    if (dladdr((const void *)l->create, &di))
        resolved_dir(di.dli_fname, s.dir);
    dl_iterate_phdr(find_comgr, &s);
    return s.found == 2 || s.found == 1 ? s.path : NULL;
}

/* Does the installed hiprtc know arch?  hiprtc compiles through comgr, and
 * ROCm 5.2's aborts the whole process (a bad free in comgr) when asked for
 * an arch its comgr lacks (gfx942, gfx1100): ask comgr's ISA list first.
 * Asked of every version, not only those known to abort: the answer is
 * exact for the comgr hiprtc uses (hiprtc_comgr), costs one empty program,
 * and spares knowing which later versions abort.  -1: cannot tell (no
 * comgr found); then the compile is tried. */
int rt_jit_hip_knows_arch(const char *arch)
{
    const char *path = hiprtc_comgr();
    void *h = path ? dlopen(path, RTLD_NOW | RTLD_NOLOAD) : NULL;
    if (!h)
        return -1;
    int (*isa_count)(size_t *) = (int (*)(size_t *))dlsym(h, "amd_comgr_get_isa_count");
    int (*isa_name)(size_t, const char **) =
        (int (*)(size_t, const char **))dlsym(h, "amd_comgr_get_isa_name");
    size_t n = 0;
    int known = -1;
    if (isa_count && isa_name && isa_count(&n) == 0) {
        char want[64];
        int len = snprintf(want, sizeof want, "amdgcn-amd-amdhsa--%s", arch);
        known = 0;
        for (size_t i = 0; i < n && !known; i++) {
            const char *name = NULL;
            known = isa_name(i, &name) == 0 && name && strncmp(name, want, (size_t)len) == 0 &&
                    (name[len] == 0 || name[len] == ':');
        }
    }
    dlclose(h); /* drops the reference NOLOAD took */
    return known;
}

/* ------------------------------------------------------------- options */

/* Is the loaded NVRTC version major.minor or later? */
static bool nvrtc_at_least(int want_major, int want_minor)
{
    Lib *l = &libs[RT_NVRTC];
    int major = 0, minor = 0;
    return l->version && l->version(&major, &minor) == 0 &&
           (major > want_major || (major == want_major && minor >= want_minor));
}

/* NVRTC 12.4+ takes --minimal: it leaves out the texture, device-runtime
 * and driver-type declarations a generated kernel never uses, about 2.5 ms
 * of each compile's 18 ms fixed cost (NVRTC 13.0, 2026-12-07), and the
 * CUBIN is byte for byte the same (test_jit checks). */
static bool nvrtc_minimal(void)
{
    return nvrtc_at_least(12, 4);
}

/* NVRTC's name for arch: a plain sm_100 and later compiles for its family
 * (sm_100 -> sm_100f, NVRTC 12.9+), whose code runs on every GPU of the
 * family and has Blackwell's FP4/UE8M0 conversion instructions, which
 * codegen's prelude_sm100.cuh uses where __CUDA_ARCH_FAMILY_SPECIFIC__ says
 * so; a name with a suffix (sm_100a) is kept. */
static const char *nvrtc_arch(const char *arch, char *buf, size_t len)
{
    size_t n = strlen(arch);
    if (strncmp(arch, "sm_", 3) != 0 || n < 6 || n + 2 > len ||
        strspn(arch + 3, "0123456789") != n - 3 || atoi(arch + 3) < 100 ||
        !nvrtc_at_least(12, 9))
        return arch;
    snprintf(buf, len, "%sf", arch);
    return buf;
}

/* The options for compiling for arch, into opts (RT_JIT_MAX_OPTS - the
 * caller's extra ones, at most); archopt is their storage.  Returns their
 * number. */
static int options(RtCompiler c, const char *arch, char *archopt, size_t len,
                   const char **opts)
{
    int n = 0;
    if (c == RT_NVRTC) {
        char fam[32];
        snprintf(archopt, len, "--gpu-architecture=%s", nvrtc_arch(arch, fam, sizeof fam));
        opts[n++] = archopt;
        opts[n++] = "--std=c++17";
        if (nvrtc_minimal())
            opts[n++] = "--minimal";
    } else {
        snprintf(archopt, len, "--offload-arch=%s", arch);
        opts[n++] = archopt;
    }
    return n;
}

/* " path size mtime" of the file holding addr (or of path). */
static size_t file_identity(const void *addr, const char *path, char *buf, size_t len)
{
    Dl_info di;
    char real[PATH_MAX];
    struct stat st;
    if (!path && dladdr(addr, &di))
        path = di.dli_fname;
    if (!path || !realpath(path, real) || stat(real, &st) != 0)
        return (size_t)snprintf(buf, len, " (unknown file)");
    return (size_t)snprintf(buf, len, " %s %lld %lld.%09ld", real, (long long)st.st_size,
                            (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

bool rt_jit_identity(RtCompiler c, const char *arch, char *buf, size_t len)
{
    Lib *l = &libs[c];
    if (!rt_jit_probe(c, buf, len))
        return false;
    size_t n = strlen(buf);
    n += file_identity((const void *)l->create, NULL, buf + n, n < len ? len - n : 0);
    if (c == RT_HIPRTC && n < len && hiprtc_comgr())
        n += file_identity(NULL, hiprtc_comgr(), buf + n, len - n);
    char archopt[64];
    const char *opts[RT_JIT_MAX_OPTS];
    int nopts = options(c, arch, archopt, sizeof archopt, opts);
    for (int i = 0; i < nopts && n < len; i++)
        n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? " " : " | ", opts[i]);
    return n < len;
}

/* hiprtc's thread safety is not documented for ROCm 5.2 (whose comgr
 * already aborts on unknown archs): its compiles run one at a time.
 * NVRTC compiles programs in parallel (each program on one thread). */
static pthread_mutex_t hiprtc_lock = PTHREAD_MUTEX_INITIALIZER;

bool rt_jit_compile(RtCompiler c, const char *source, const char *name, const char *arch,
                    RtJitOutput *out, char *err, size_t errlen)
{
    return rt_jit_compile_with(c, source, name, arch, NULL, 0, out, err, errlen);
}

bool rt_jit_compile_with(RtCompiler c, const char *source, const char *name, const char *arch,
                         const char *const *extra, int nextra, RtJitOutput *out, char *err,
                         size_t errlen)
{
    Lib *l = &libs[c];
    memset(out, 0, sizeof *out);
    if (!load(l)) {
        snprintf(err, errlen, "%s", l->why);
        out->log = calloc(1, 1);
        return false;
    }
    if (c == RT_HIPRTC && rt_jit_hip_knows_arch(arch) == 0) {
        snprintf(err, errlen, "this hiprtc (its comgr) does not know %s; use a newer ROCm or "
                 "another --target", arch);
        out->log = calloc(1, 1);
        return false;
    }
    char archopt[64];
    const char *opts[RT_JIT_MAX_OPTS];
    int nopts = options(c, arch, archopt, sizeof archopt, opts);
    if (nextra < 0 || nextra > RT_JIT_MAX_OPTS - nopts) {
        snprintf(err, errlen, "too many compiler options for %s (%d)", name, nextra);
        out->log = calloc(1, 1);
        return false;
    }
    for (int i = 0; i < nextra; i++)
        opts[nopts++] = extra[i];
    if (c == RT_HIPRTC)
        pthread_mutex_lock(&hiprtc_lock);
    void *prog = NULL;
    int rc = l->create(&prog, source, name, 0, NULL, NULL);
    if (rc != 0) {
        snprintf(err, errlen, "creating the program failed: %s", l->errstr(rc));
        out->log = calloc(1, 1);
        goto fail;
    }
    rc = l->compile(prog, nopts, opts);
    out->log = fetch_log(l, prog);
    if (rc != 0) {
        snprintf(err, errlen, "compiling %s for %s failed: %s\n%s", name, arch, l->errstr(rc),
                 out->log);
        goto fail;
    }
    size_t size = 0;
    if (l->code_size(prog, &size) != 0 || size == 0 || !(out->binary = malloc(size)) ||
        l->code(prog, out->binary) != 0) {
        snprintf(err, errlen, "no code was produced for %s (%s)", arch, name);
        free(out->binary);
        out->binary = NULL;
        goto fail;
    }
    out->size = size;
    l->destroy(&prog);
    if (c == RT_HIPRTC)
        pthread_mutex_unlock(&hiprtc_lock);
    return true;
fail:
    if (prog)
        l->destroy(&prog);
    if (c == RT_HIPRTC)
        pthread_mutex_unlock(&hiprtc_lock);
    return false;
}

void rt_jit_free(RtJitOutput *out)
{
    free(out->binary);
    free(out->log);
    memset(out, 0, sizeof *out);
}
