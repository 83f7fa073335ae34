/* jit.h - compile generated source to a device binary through NVRTC or
 * hiprtc, opened with dlopen at first use (so one build serves CUDA, HIP or
 * neither).  Internal to the runtime; also used by the compiler's tests and
 * `sinter compile --precompile`.
 *
 * NVRTC: libnvrtc.so[.13|.12] (or $SINTER_NVRTC), target "sm_90" -> CUBIN.
 * hiprtc: libhiprtc.so[.7|.6] or libamdhip64.so[.7|.6|.5] (ROCm 5.2 keeps
 * hiprtc inside libamdhip64; or $SINTER_HIPRTC), the first that has every
 * entry point; target "gfx942" -> code object.
 * Errors are returned as text, never printed; nothing aborts. */
#ifndef SINTER_JIT_H
#define SINTER_JIT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum { RT_NVRTC, RT_HIPRTC } RtCompiler;

typedef struct {
    void *binary;          /* malloc'd CUBIN / code object */
    size_t size;
    char *log;             /* malloc'd compiler log (may be empty), always set on return */
} RtJitOutput;

/* Is the compiler library loadable?  Writes its version ("nvrtc 13.0") or
 * the reason it is not into info. */
bool rt_jit_probe(RtCompiler c, char *info, size_t infolen);
/* Everything that decides what rt_jit_compile(c, ..., arch) produces
 * besides the source, as text for a cache key: the probe's version, the
 * library file (resolved path, size, mtime: the version lacks the patch
 * level, and hiprtc says "9.0" from ROCm 5.2 to 6.4), for hiprtc also its
 * comgr's file, and the option string.  False (the reason in buf) if the
 * compiler cannot be loaded or buf is too short. */
bool rt_jit_identity(RtCompiler c, const char *arch, char *buf, size_t len);
/* Compile `source` for `arch`.  On failure err holds the reason and the
 * compiler's log.  Safe to call from several threads at once once
 * rt_jit_identity (or rt_jit_probe) has returned in one: NVRTC compiles in
 * parallel, hiprtc one program at a time. */
bool rt_jit_compile(RtCompiler c, const char *source, const char *name, const char *arch,
                    RtJitOutput *out, char *err, size_t errlen);
/* The same with nextra more options after the arch's (-D macros: a unit of
 * one kernel function, "-DSN_ONLY", "-DSN_ONLY_<name>"); at most
 * RT_JIT_MAX_OPTS - 3 of them. */
#define RT_JIT_MAX_OPTS 8
bool rt_jit_compile_with(RtCompiler c, const char *source, const char *name, const char *arch,
                         const char *const *extra, int nextra, RtJitOutput *out, char *err,
                         size_t errlen);
void rt_jit_free(RtJitOutput *out);
/* Does the comgr that hiprtc loads know arch?  1 yes, 0 no, -1 cannot
 * tell.  ROCm 5.2's comgr aborts the process on an arch it lacks, so
 * rt_jit_compile asks first and refuses with an error instead. */
int rt_jit_hip_knows_arch(const char *arch);

#endif
