/* jit.c - NVRTC and hiprtc through dlopen; see jit.h.  Both libraries have
 * the same shape of C API (create, compile, log, code), so one table of
 * entry points per compiler drives one compile routine. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    const char *libs[6];
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
                   {"libhiprtc.so", "libhiprtc.so.6", "libamdhip64.so", "libamdhip64.so.6",
                    "libamdhip64.so.5", NULL},
                   {"hiprtcCreateProgram", "hiprtcCompileProgram", "hiprtcGetProgramLogSize",
                    "hiprtcGetProgramLog", "hiprtcGetCodeSize", "hiprtcGetCode",
                    "hiprtcDestroyProgram", "hiprtcGetErrorString"},
                   "hiprtcVersion"},
};

static void *sym(Lib *l, const char *name, bool *ok)
{
    void *p = dlsym(l->handle, name);
    if (!p && *ok) {
        snprintf(l->why, sizeof l->why, "%s lacks %s", l->libs[0], name);
        *ok = false;
    }
    return p;
}

static bool load(Lib *l)
{
    if (l->tried)
        return l->handle != NULL;
    l->tried = true;
    const char *env = getenv(l->env);
    if (env && *env)
        l->handle = dlopen(env, RTLD_NOW | RTLD_LOCAL);
    for (int i = 0; !l->handle && l->libs[i]; i++)
        l->handle = dlopen(l->libs[i], RTLD_NOW | RTLD_LOCAL);
    if (!l->handle) {
        snprintf(l->why, sizeof l->why, "cannot load %s (tried $%s and %s...)",
                 l == &libs[RT_NVRTC] ? "NVRTC" : "hiprtc", l->env, l->libs[0]);
        return false;
    }
    bool ok = true;
    l->create = (create_fn)sym(l, l->names[0], &ok);
    l->compile = (compile_fn)sym(l, l->names[1], &ok);
    l->log_size = (size_fn)sym(l, l->names[2], &ok);
    l->log = (get_fn)sym(l, l->names[3], &ok);
    l->code_size = (size_fn)sym(l, l->names[4], &ok);
    l->code = (get_fn)sym(l, l->names[5], &ok);
    l->destroy = (destroy_fn)sym(l, l->names[6], &ok);
    l->errstr = (errstr_fn)sym(l, l->names[7], &ok);
    l->version = (version_fn)dlsym(l->handle, l->version_name);
    if (!ok) {
        dlclose(l->handle);
        l->handle = NULL;
    }
    return ok;
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

/* Does the installed hiprtc know arch?  hiprtc compiles through comgr, and
 * ROCm 5.2's aborts the whole process (a bad free in comgr) when asked for
 * an arch its comgr lacks (gfx942, gfx1100): ask comgr's ISA list first.
 * -1: cannot tell (no comgr found); then the compile is tried. */
int rt_jit_hip_knows_arch(const char *arch)
{
    static const char *const names[] = {"libamd_comgr.so.3", "libamd_comgr.so.2",
                                        "libamd_comgr.so"};
    void *h = NULL;
    for (size_t i = 0; !h && i < 3; i++) /* the one hiprtc loaded, if any */
        h = dlopen(names[i], RTLD_NOW | RTLD_NOLOAD);
    for (size_t i = 0; !h && i < 3; i++)
        h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return -1;
    int (*isa_count)(size_t *) = (int (*)(size_t *))dlsym(h, "amd_comgr_get_isa_count");
    int (*isa_name)(size_t, const char **) =
        (int (*)(size_t, const char **))dlsym(h, "amd_comgr_get_isa_name");
    size_t n = 0;
    if (!isa_count || !isa_name || isa_count(&n) != 0)
        return -1;
    char want[64];
    int len = snprintf(want, sizeof want, "amdgcn-amd-amdhsa--%s", arch);
    for (size_t i = 0; i < n; i++) {
        const char *name = NULL;
        if (isa_name(i, &name) == 0 && name && strncmp(name, want, (size_t)len) == 0 &&
            (name[len] == 0 || name[len] == ':'))
            return 1;
    }
    return 0;
}

bool rt_jit_compile(RtCompiler c, const char *source, const char *name, const char *arch,
                    RtJitOutput *out, char *err, size_t errlen)
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
    const char *opts[4];
    int nopts = 0;
    if (c == RT_NVRTC) {
        snprintf(archopt, sizeof archopt, "--gpu-architecture=%s", arch);
        opts[nopts++] = archopt;
        opts[nopts++] = "--std=c++17";
    } else {
        snprintf(archopt, sizeof archopt, "--offload-arch=%s", arch);
        opts[nopts++] = archopt;
    }
    void *prog = NULL;
    int rc = l->create(&prog, source, name, 0, NULL, NULL);
    if (rc != 0) {
        snprintf(err, errlen, "creating the program failed: %s", l->errstr(rc));
        out->log = calloc(1, 1);
        return false;
    }
    rc = l->compile(prog, nopts, opts);
    out->log = fetch_log(l, prog);
    if (rc != 0) {
        snprintf(err, errlen, "compiling %s for %s failed: %s\n%s", name, arch, l->errstr(rc),
                 out->log);
        l->destroy(&prog);
        return false;
    }
    size_t size = 0;
    if (l->code_size(prog, &size) != 0 || size == 0 || !(out->binary = malloc(size)) ||
        l->code(prog, out->binary) != 0) {
        snprintf(err, errlen, "no code was produced for %s (%s)", arch, name);
        free(out->binary);
        out->binary = NULL;
        l->destroy(&prog);
        return false;
    }
    out->size = size;
    l->destroy(&prog);
    return true;
}

void rt_jit_free(RtJitOutput *out)
{
    free(out->binary);
    free(out->log);
    memset(out, 0, sizeof *out);
}
