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
    void *fn, *fn_scalar;      /* device functions once loaded */
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

struct sn_graph {
    struct sn_bundle *bundle;
    char *name;
    int nsym, nin, nout, ntemp, nvariant;
    char **syms;
    RtTensor *ins, *outs, *temps;
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
} RtDevice;

/* The device of the calling process (initialised once), or NULL with the
 * reason as the last error. */
const RtDevice *rt_device(void);

/* api.c: the wave size of an arch ("gfx942": 64, "gfx1100" and "sm_90": 32). */
int rt_arch_wave(const char *arch);
/* api.c: load graph g's variant for dev from image (NULL: a binary of the
 * bundle's for dev's arch, else the cache's or a fresh compile) and
 * resolve its kernels; sn_bundle_load_* with the process's device. */
sn_status rt_graph_load(sn_graph *g, const RtDevice *dev, const void *image);
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

/* log.c: SINTER_LOG (docs/runtime.md).  rt_log prints when its category
 * is on; rt_warn unless SINTER_LOG=0. */
typedef enum { RT_LOG_JIT, RT_LOG_CACHE, RT_LOG_LAUNCH } RtLogCat;
bool rt_log_on(RtLogCat cat);
void rt_log(RtLogCat cat, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rt_warn(RtLogCat cat, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Which variant of kernel many a launch runs (run, fn) and why. */
void rt_log_launch(const RtDevice *dev, const sn_graph *g, const RtKernel *many,
                   const RtKernel *run, const void *fn, void *const *ptrs,
                   const sn_tensor *inputs, int64_t grid);

#endif
