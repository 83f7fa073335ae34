/* fake_hiprtc.c - a hiprtc whose "code object" is a host shared object:
 * the source (a generated HIP source, which includes nothing) compiled by
 * the host's C++ compiler with `-include hip_cpu.h`.  For running the
 * generated HIP on the CPU through the runtime's own JIT and launch code
 * (run_hip_cpu.sh points $SINTER_HIPRTC here); fake_amdhip64.c loads and
 * runs what it makes.
 *
 * hiprtcCompileProgram passes the options that start with -D to the
 * compiler and ignores the others: no __gfxNNN__ macro is defined, so the
 * prelude's software FP8 encoders run, unless $SN_CPU_HIP_HW_FP8 is set:
 * then --offload-arch=gfxNNN defines __gfxNNN__ and SN_CPU_HW_FP8, and
 * the prelude's hardware encoders run on hip_cpu.h's model of the
 * instructions.  After the source
 * it appends one entry per kernel function, `sn_cpu_entry_<name>(void
 * **params)`, for the kernels the unit keeps: with -DSN_ONLY only the one
 * named by -DSN_ONLY_<name>, else every `extern "C" __global__` function.
 *
 * Environment: $SN_CPU_CXX the compiler (default c++), $SN_CPU_HIP_H the
 * header (default the one beside this file in the source tree,
 * SN_CPU_HIP_H_DEFAULT), $TMPDIR for the compiler's files,
 * $SN_CPU_HIP_KEEP: keep each source compiled (its path on stderr). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))
/* the API's own prototypes are in ROCm's headers, which this file does
 * not include (it is the library, not a user of it) */
#pragma GCC diagnostic ignored "-Wmissing-prototypes"

enum { RTC_OK = 0, RTC_OUT_OF_MEMORY = 1, RTC_INVALID_INPUT = 3, RTC_INVALID_PROGRAM = 4,
       RTC_COMPILATION = 6, RTC_INTERNAL = 11 };

typedef struct {
    char *source;
    char *log;
    unsigned char *code;
    size_t code_size;
} Prog;

EXPORT int hiprtcVersion(int *major, int *minor)
{
    *major = 6;
    *minor = 4;
    return RTC_OK;
}

EXPORT const char *hiprtcGetErrorString(int code)
{
    switch (code) {
    case RTC_OK: return "HIPRTC_SUCCESS";
    case RTC_OUT_OF_MEMORY: return "HIPRTC_ERROR_OUT_OF_MEMORY";
    case RTC_INVALID_INPUT: return "HIPRTC_ERROR_INVALID_INPUT";
    case RTC_INVALID_PROGRAM: return "HIPRTC_ERROR_INVALID_PROGRAM";
    case RTC_COMPILATION: return "HIPRTC_ERROR_COMPILATION (fake hiprtc: the host compiler failed)";
    default: return "HIPRTC_ERROR_INTERNAL_ERROR";
    }
}

EXPORT int hiprtcCreateProgram(void **prog, const char *src, const char *name, int nheaders,
                               const char *const *headers, const char *const *include_names)
{
    (void)name;
    (void)headers;
    (void)include_names;
    if (!prog || !src || nheaders != 0)
        return RTC_INVALID_INPUT;
    Prog *p = calloc(1, sizeof *p);
    if (!p || !(p->source = strdup(src))) {
        free(p);
        return RTC_OUT_OF_MEMORY;
    }
    *prog = p;
    return RTC_OK;
}

EXPORT int hiprtcDestroyProgram(void **prog)
{
    if (!prog || !*prog)
        return RTC_INVALID_PROGRAM;
    Prog *p = *prog;
    free(p->source);
    free(p->log);
    free(p->code);
    free(p);
    *prog = NULL;
    return RTC_OK;
}

static bool read_all(const char *path, unsigned char **data, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *more = realloc(buf, cap *= 2);
            if (!more)
                free(buf);
            buf = more;
        }
    }
    fclose(f);
    if (!buf)
        return false;
    *data = buf;
    *size = n;
    return true;
}

/* Append to f one entry per kernel function of src that the unit keeps
 * (only, or every one when only is NULL). */
static void write_entries(FILE *f, const char *src, const char *only)
{
    static const char key[] = "extern \"C\" __global__ void";
    for (const char *s = strstr(src, key); s; s = strstr(s + 1, key)) {
        const char *p = s + sizeof key - 1;
        while (*p == ' ')
            p++;
        if (!strncmp(p, "__launch_bounds__(", 18)) {
            p = strchr(p, ')');
            if (!p)
                return;
            p++;
            while (*p == ' ')
                p++;
        }
        size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
        if (n == 0 || (only && (strlen(only) != n || strncmp(p, only, n))))
            continue;
        fprintf(f, "\nextern \"C\" __attribute__((visibility(\"default\"))) void "
                   "sn_cpu_entry_%.*s(void **p) { sn_cpu_call(%.*s, p); }\n",
                (int)n, p, (int)n, p);
    }
}

EXPORT int hiprtcCompileProgram(void *prog, int nopts, const char *const *opts)
{
    Prog *p = prog;
    if (!p)
        return RTC_INVALID_PROGRAM;
    free(p->log);
    p->log = NULL;
    const char *only = NULL;
    bool unit = false;
    for (int i = 0; i < nopts; i++) {
        if (!strcmp(opts[i], "-DSN_ONLY"))
            unit = true;
        else if (!strncmp(opts[i], "-DSN_ONLY_", 10))
            only = opts[i] + 10;
    }
    const char *tmp = getenv("TMPDIR");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/sn-hip-cpu-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        return RTC_INTERNAL;
    char src[4200], out[4200], log[4200];
    snprintf(src, sizeof src, "%s/k.cpp", dir);
    snprintf(out, sizeof out, "%s/k.so", dir);
    snprintf(log, sizeof log, "%s/log", dir);
    FILE *f = fopen(src, "w");
    if (!f)
        return RTC_INTERNAL;
    fputs(p->source, f);
    write_entries(f, p->source, unit ? only : NULL);
    fclose(f);

    const char *cxx = getenv("SN_CPU_CXX");
    const char *hdr = getenv("SN_CPU_HIP_H");
    const char *argv[64 + 16];
    int n = 0;
    argv[n++] = cxx && *cxx ? cxx : "c++";
    argv[n++] = "-std=c++17";
    argv[n++] = "-O1";
    argv[n++] = "-fPIC";
    argv[n++] = "-shared";
    argv[n++] = "-w";
    argv[n++] = "-fvisibility=hidden";
    argv[n++] = "-include";
    argv[n++] = hdr && *hdr ? hdr : SN_CPU_HIP_H_DEFAULT;
    char archdef[80];
    for (int i = 0; i < nopts && n < 60; i++) {
        if (!strncmp(opts[i], "-D", 2))
            argv[n++] = opts[i];
        else if (!strncmp(opts[i], "--offload-arch=", 15) && getenv("SN_CPU_HIP_HW_FP8")) {
            snprintf(archdef, sizeof archdef, "-D__%.*s__=1", (int)strcspn(opts[i] + 15, ":"),
                     opts[i] + 15);
            argv[n++] = archdef;
            argv[n++] = "-DSN_CPU_HW_FP8=1";
        }
    }
    argv[n++] = "-o";
    argv[n++] = out;
    argv[n++] = src;
    argv[n] = NULL;

    int rc = RTC_COMPILATION;
    pid_t pid = fork();
    if (pid == 0) {
        FILE *l = freopen(log, "w", stderr);
        (void)l;
        dup2(2, 1);
        execvp(argv[0], (char *const *)argv);
        fprintf(stderr, "fake hiprtc: cannot run %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status = 0;
    if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
        WEXITSTATUS(status) == 0 && read_all(out, &p->code, &p->code_size))
        rc = RTC_OK;
    size_t logsize = 0;
    unsigned char *text = NULL;
    if (read_all(log, &text, &logsize)) {
        p->log = realloc(text, logsize + 1);
        if (p->log)
            p->log[logsize] = 0;
        else
            free(text);
    }
    if (!getenv("SN_CPU_HIP_KEEP"))
        unlink(src);
    else
        fprintf(stderr, "fake hiprtc: kept %s\n", src);
    unlink(out);
    unlink(log);
    rmdir(dir); /* fails, leaving the source, under SN_CPU_HIP_KEEP */
    return pid < 0 ? RTC_INTERNAL : rc;
}

EXPORT int hiprtcGetProgramLogSize(void *prog, size_t *size)
{
    Prog *p = prog;
    *size = p && p->log ? strlen(p->log) + 1 : 1;
    return p ? RTC_OK : RTC_INVALID_PROGRAM;
}

EXPORT int hiprtcGetProgramLog(void *prog, char *log)
{
    Prog *p = prog;
    if (!p)
        return RTC_INVALID_PROGRAM;
    strcpy(log, p->log ? p->log : "");
    return RTC_OK;
}

EXPORT int hiprtcGetCodeSize(void *prog, size_t *size)
{
    Prog *p = prog;
    if (!p || !p->code)
        return RTC_INVALID_PROGRAM;
    *size = p->code_size;
    return RTC_OK;
}

EXPORT int hiprtcGetCode(void *prog, char *code)
{
    Prog *p = prog;
    if (!p || !p->code)
        return RTC_INVALID_PROGRAM;
    memcpy(code, p->code, p->code_size);
    return RTC_OK;
}
