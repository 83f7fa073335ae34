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
