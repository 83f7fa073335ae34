/* internal.h - the runtime's private structures and helpers. */
#ifndef SINTER_RT_INTERNAL_H
#define SINTER_RT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bundle_format.h"
#include "sinter.h"

typedef struct {
    int64_t coef;
    int nsym;
    int syms[SNB_MAX_DIM_SYMS];
} RtDim;

typedef struct {
    char *name;
    int dtype, rank, alias;
    RtDim dims[SNB_MAX_RANK];
    int nbound;                /* an integer input's index bounds (format 4) */
    RtDim bounds[SNB_MAX_BOUNDS];
    int written;               /* an input the graph writes (in-out; format 5) */
} RtTensor;

typedef struct {
    int kind, buf, dim, sym;
} RtParam;

typedef struct {
    int nouter, rows_per_block;
    RtDim outer[SNB_MAX_RANK];
} RtSeg;

typedef struct {
    int buf, bytes, stride_multiple;
} RtAlign;

typedef struct RtKernel {
    char *name, *scalar_name;
    int block, smem, nparam, nseg, nalign;
    RtParam *params;
    RtSeg *segs;
    RtAlign *align;
    void *fn, *fn_scalar;      /* device functions once loaded (NULL until then: the JIT
                                  loads them at the first launch, prepare.c; read and
                                  written atomically) */
    struct RtKernel *few_rows; /* launched instead when this kernel's grid is at most
                                  few_rows_grid_per_sm x the SM count; or NULL */
    int few_rows_grid_per_sm;
    bool grid_wait;            /* SNB_KERNEL_GRID_WAIT: may be launched with PDL */
} RtKernel;

typedef struct {
    char *arch, *compiler;
    const unsigned char *code;
    size_t size;
} RtBinary;

typedef struct {
    int dialect;
    char *arch, *source;
    int nkernel, nbinary;
    RtKernel *kernels;
    RtBinary *binaries;
} RtVariant;

/* A collective step (bundle_format.h's coll; format 7). */
typedef struct {
    int op;                    /* SNB_COLL_* */
    int buf;                   /* a temporary, numbered as the kernels' buffers */
    int after;                 /* the kernel it follows */
} RtColl;

/* A size symbol's definition (bundle_format.h's symdef). */
typedef struct {
    int op;                    /* SNB_SYM_*: SNB_SYM_FREE is bound from shapes */
    RtDim a;
    int64_t b;
} RtSymDef;

struct sn_graph {
    struct sn_bundle *bundle;
    char *name;
    int nsym, nin, nout, ntemp, nvariant;
    char **syms;
    RtSymDef *symdefs;         /* nsym entries, or NULL: every symbol free */
    RtTensor *ins, *outs, *temps;
    int ncoll;                 /* collective steps (format 7), sorted by `after` */
    RtColl *colls;
    void *comm;                /* sn_graph_set_comm: the NCCL/RCCL communicator, or NULL */
    RtVariant *variants;
    RtVariant *active;         /* the variant loaded on the device */
    void *module;
    int pdl;                   /* sn_graph_set_pdl for the first kernel: 1 with PDL,
                                  0 plain, -1 (default) RtDevice.pdl_first */
};

struct sn_bundle {
    unsigned char *bytes;      /* owned copy of the file */
    size_t size;
    uint32_t version;          /* the file's format version */
    int ngraph;
    struct sn_graph *graphs;
};

/* error.c: set the calling thread's last error; returns code. */
sn_status rt_error(sn_status code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rt_clear_error(void);

/* describe.c: a whole file, malloc'd into *bytes. */
sn_status rt_read_file(const char *path, unsigned char **bytes, size_t *size);

/* bundle.c: parse bytes (taken over: freed by rt_bundle_free). */
sn_status rt_bundle_parse(unsigned char *bytes, size_t size, sn_bundle **out);
void rt_bundle_free(sn_bundle *b);
int64_t rt_dim_eval(const RtDim *d, const int64_t *symvals);
/* Fills the derived symbols' values from the others (-1 where unbound or
 * overflowing), in symbol order. */
void rt_derive_syms(const sn_graph *g, int64_t *syms);

/* A stand-in for NVRTC/hiprtc (RtDevice.jit: tests, the benchmark). */
typedef struct RtJitHook {
    const char *identity;      /* in cache keys, for rt_jit_identity's text */
    /* compile source with the options opts (a function's unit: "-DSN_ONLY",
     * "-DSN_ONLY_<name>"; none: the whole source); may be called from
     * several threads at once */
    bool (*compile)(void *ctx, const char *source, const char *name, const char *const *opts,
                    int nopts, void **code, size_t *size, char *err, size_t errlen);
    void *ctx;
} RtJitHook;

/* collective.c: the collective library (NCCL, RCCL) behind a table. */
typedef struct RtCollOps {
    char name[64];             /* "NCCL 2.27.3" (SINTER_LOG) */
    int version;               /* ncclGetVersion's number, 0 if unknown */
    /* count f32 values at device address buf summed in place over comm's
     * ranks, on stream: 0, or a code for describe */
    int (*all_reduce_sum)(void *buf, size_t count, void *comm, void *stream);
    const char *(*describe)(int code);
} RtCollOps;

/* device.c: the driver behind a small table of calls. */
typedef struct {
    int dialect;               /* SNB_CUDA or SNB_HIP */
    char arch[32];             /* "sm_90", "gfx942" */
    char version[64];          /* driver version, part of the cache key */
    int sms;                   /* multiprocessors (CUs): picks few-rows kernels */
    int few_rows;              /* SINTER_FEW_ROWS: -1 never, 1 always, 0 by grid size */
    bool pdl;                  /* launch may ask for programmatic dependent launch
                                  (CUDA sm_90+, driver 12.3+; SINTER_PDL=0: never) */
    bool pdl_first;            /* SINTER_PDL=1: a graph's first kernel with PDL too,
                                  unless sn_graph_set_pdl said otherwise */
    int (*module_load)(const void *image, void **module);
    int (*function)(void *module, const char *name, void **fn);
    int (*launch)(void *fn, unsigned grid, unsigned block, unsigned smem, void *stream,
                  void **params, bool pdl);
    const char *(*describe)(int code);
    const RtJitHook *jit;      /* NULL: NVRTC or hiprtc by the dialect */
    const RtCollOps *coll;     /* NULL: NCCL or RCCL by the dialect (collective.c) */
} RtDevice;

/* The collective library for dev's dialect (dev->coll when set), opened
 * once; NULL with the reason as the last error (SN_ERR_NO_DEVICE). */
const RtCollOps *rt_collectives(const RtDevice *dev);

/* The device of the calling process (initialised once), or NULL with the
 * reason as the last error. */
const RtDevice *rt_device(void);

/* api.c: the wave size of an arch ("gfx942": 64, "gfx1100" and "sm_90": 32). */
int rt_arch_wave(const char *arch);
/* api.c: load graph g's variant for dev from image (NULL: a binary of the
 * bundle's for dev's arch, else nothing yet: the JIT loads each function
 * at its first launch, prepare.c) and resolve its kernels;
 * sn_bundle_load_* with the process's device. */
sn_status rt_graph_load(sn_graph *g, const RtDevice *dev, const void *image);
/* Every graph of b with rt_graph_load(image NULL), then by mode (an
 * RtJitMode: RT_JIT_EAGER, RT_JIT_EAGER_ALL) rt_bundle_prepare, with the
 * scalar fallbacks for RT_JIT_EAGER_ALL, or (RT_JIT_BACKGROUND)
 * rt_background; rt_bundle_prepare: rt_prepare of every loaded graph. */
sn_status rt_bundle_load_graphs(sn_bundle *b, const RtDevice *dev, int mode);
sn_status rt_bundle_prepare(sn_bundle *b, const RtDevice *dev, bool fallbacks);
/* sn_launch on dev: the device table is the seam tests and the fuzzer use
 * to run every check and the parameter building without a GPU. */
sn_status rt_launch(const RtDevice *dev, sn_graph *g, const sn_tensor *inputs, int ninputs,
                    const sn_tensor *outputs, int noutputs, void *workspace,
                    size_t workspace_size, void *stream);
/* A kernel's grid in blocks (bundle_format.h's formula), -1 on overflow. */
int64_t rt_grid(const RtKernel *k, const int64_t *syms);
/* The workspace's base alignment (bytes), as device allocations have. */
#define RT_WORKSPACE_ALIGN 256

/* cache.c: the binary for (source, arch, compiler), from the cache or
 * compiled now and stored; malloc'd into *code.  name (a graph's) is for
 * logs and compiler messages. */
sn_status rt_cache_binary(const char *name, const char *source, int dialect, const char *arch,
                          const char *driver_version, void **code, size_t *size);
const char *rt_cache_dir(char *buf, size_t len);
/* Load variant v of graph g as a module: its precompiled binary for the
 * device's arch, or (none, or the driver refuses it) the cache/JIT. */
sn_status rt_load_module(const sn_graph *g, const RtVariant *v, const RtDevice *dev,
                         void **module);

/* cache.c: the bundle's binary for dev's arch loaded as v's module: SN_OK,
 * or SN_ERR_NOT_FOUND when there is none or the driver refuses it. */
sn_status rt_load_bundle_binary(const sn_graph *g, const RtVariant *v, const RtDevice *dev,
                                void **module);

/* prepare.c: the JIT of kernel functions (compile, cache, load).
 * rt_prepare: every function of the graphs gs not loaded yet but the
 * scalar fallbacks (those too if fallbacks), cache misses compiled in
 * parallel threads; rt_prepare_function: the function `name` of g (a
 * fallback or not) into *slot (its RtKernel.fn or fn_scalar), unless
 * another thread did meanwhile; *fn its value.  Modules are loaded by the
 * calling thread. */
sn_status rt_prepare(sn_graph *const *gs, int ng, const RtDevice *dev, bool fallbacks);
sn_status rt_prepare_function(sn_graph *g, const RtDevice *dev, void **slot, const char *name,
                              void **fn);
/* SINTER_JIT: lazy (default), eager (every load prepares, fallbacks
 * left out), eager-all (every load and sn_*_prepare prepare the fallbacks
 * too), background (lazy, and rt_background after every load). */
typedef enum { RT_JIT_LAZY, RT_JIT_EAGER, RT_JIT_EAGER_ALL, RT_JIT_BACKGROUND } RtJitMode;
/* SINTER_JIT's mode (read once). */
int rt_jit_mode(void);
/* Queue the units a first launch of the graphs gs[0..ng) runs (each
 * kernel's many-rows vector and few-rows functions not loaded yet) for
 * background threads that compile them into the on-disk cache (nothing
 * loaded, no bundle touched: the bundle may be freed meanwhile); nothing
 * when the cache cannot be used.  rt_jit_background_wait: until every
 * queued unit is compiled. */
void rt_background(sn_graph *gs, int ng, const RtDevice *dev);
void rt_jit_background_wait(void);
/* SINTER_JIT's value: an RtJitMode (RT_JIT_LAZY also for unset or empty),
 * -1 for anything else; SINTER_JIT_THREADS's: the number (1-64), or for
 * unset or empty ncpu (the CPUs the process may run on) within 1-16, -1
 * if not a positive number. */
int rt_jit_mode_parse(const char *value);
int rt_jit_threads_parse(const char *value, long ncpu);

/* log.c: SINTER_LOG (docs/runtime.md).  rt_log prints when its category
 * is on; rt_warn unless SINTER_LOG=0. */
typedef enum { RT_LOG_JIT, RT_LOG_CACHE, RT_LOG_LAUNCH } RtLogCat;
bool rt_log_on(RtLogCat cat);
void rt_log(RtLogCat cat, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rt_warn(RtLogCat cat, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Which variant of kernel many a launch runs (run, fn) and why. */
/* Why k's vector variant cannot run for these inputs (api.c's first
 * broken alignment need, as SINTER_LOG's launch line says it). */
void rt_misaligned_text(const sn_graph *g, const RtKernel *k, void *const *ptrs,
                        const sn_tensor *inputs, char *why, size_t len);
/* few_misaligned / misaligned: why the few-rows / many-rows vector
 * variant cannot run (api.c's first broken alignment need). */
void rt_log_launch(const RtDevice *dev, const sn_graph *g, const RtKernel *many,
                   const RtKernel *run, const void *fn, const char *few_misaligned,
                   const char *misaligned, int64_t grid);

#endif
