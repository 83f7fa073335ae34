/* sinter.h - the sinter runtime: load a compiled bundle of fused kernels,
 * JIT-compile them for the GPU at hand (NVRTC or hiprtc, with an on-disk
 * cache), and launch them on your stream.
 *
 * Usage:
 *
 *     #include <sinter.h>
 *
 *     sn_bundle *b;
 *     if (sn_bundle_load_file("model.snb", &b) != SN_OK)
 *         fprintf(stderr, "%s\n", sn_last_error());
 *     sn_graph *g = sn_bundle_graph(b, "add_rms_norm_fp8");
 *
 *     int64_t xs[2] = {T, 4096}, ws[1] = {4096};
 *     sn_tensor in[4] = {
 *         {x_dev, SN_BF16, 2, xs, NULL},          // NULL strides: dense
 *         {res_dev, SN_BF16, 2, xs, NULL},
 *         {w_dev, SN_BF16, 1, ws, NULL},
 *         {NULL, SN_F32, 0, NULL, NULL, .scalar = 0.5},  // f32[]: by value
 *     };
 *     sn_tensor out[2] = {{q_dev, SN_F8E4M3, 2, xs, NULL}, {h_dev, SN_BF16, 2, xs, NULL}};
 *     if (sn_launch(g, in, 4, out, 2, NULL, 0, stream) != SN_OK)
 *         fprintf(stderr, "%s\n", sn_last_error());
 *     ...
 *     sn_bundle_free(b);
 *
 * Every call returns SN_OK or an error code; sn_last_error() (per thread)
 * says what and where: "input 'x': expected bf16, got f32".  Nothing here
 * aborts or exits; it prints only what $SINTER_LOG asks for (one line per
 * event on stderr: SINTER_LOG=1, or a list of jit,cache,launch) and one
 * warning per process when the kernel cache cannot be used
 * (SINTER_LOG=0 silences it).  sn_launch checks every dtype, shape, stride,
 * symbol binding, alignment and overlap against the graph before launching
 * anything; once its kernels are compiled (sn_bundle_prepare, below) it
 * never allocates and never synchronises, so it can be captured in a CUDA
 * graph.  Tensors are device pointers; strides are in elements,
 * the innermost stride must be 1 (outer strides may be anything: a view of
 * a fused QKV buffer is passed as is).  Outputs are written densely.
 *
 * The library loads libcuda + libnvrtc or libamdhip64 (+ libhiprtc) with
 * dlopen at the first load; a machine with neither gets SN_ERR_NO_DEVICE.
 * Kernels are compiled at their first launch unless prepared (below).
 * Compiled kernels are cached in $SINTER_CACHE_DIR, else
 * $XDG_CACHE_HOME/sinter, else ~/.cache/sinter, else
 * /tmp/sinter-cache-<uid>; a directory or entry not owned by the user or
 * writable by others is not used (docs/runtime.md).
 *
 * A kernel may come in a many-rows and a few-rows form (docs/runtime.md):
 * sn_launch picks by the grid the sizes give against the device's SM
 * count; $SINTER_FEW_ROWS=always|never, read at the first load, forces
 * one.
 *
 * Programmatic dependent launch (PDL; CUDA compute capability 9.0+, driver
 * 12.3+): a kernel launched with it may have its blocks scheduled while
 * the stream's previous kernel still runs, once that kernel allows it;
 * sinter's kernels allow it at their start and wait for their predecessor
 * before touching memory, so stream order is kept.  It hides the launch
 * gap (0.3-1 us) behind a predecessor that allows it early, and costs
 * about 0.5 us behind one that does not.  So the kernels of a graph after
 * its first are always launched with PDL; the first, whose predecessor is
 * the caller's, only after sn_graph_set_pdl(g, 1) (or $SINTER_PDL=1 for
 * every graph): do that when the kernel before is a sinter graph or
 * another PDL-aware kernel.  $SINTER_PDL=0 turns PDL off everywhere. */
#ifndef SINTER_RUNTIME_H
#define SINTER_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library exports exactly the declarations marked SN_API. */
#if defined(__GNUC__) || defined(__clang__)
#define SN_API __attribute__((visibility("default")))
#else
#define SN_API
#endif

typedef enum {
    SN_OK = 0,
    SN_ERR_INVALID = 1,     /* a bad argument: dtype, shape, stride, alignment, overlap */
    SN_ERR_BUNDLE = 2,      /* unreadable, corrupt, truncated or newer bundle */
    SN_ERR_NO_DEVICE = 3,   /* no driver, no GPU, or no NVRTC/hiprtc */
    SN_ERR_COMPILE = 4,     /* NVRTC/hiprtc rejected a kernel (log in the message) */
    SN_ERR_LAUNCH = 5,      /* the driver refused a launch */
    SN_ERR_NOT_FOUND = 6,   /* no graph of that name */
    SN_ERR_IO = 7,
} sn_status;

/* Element types, in the compiler's order. */
typedef enum {
    SN_F32, SN_F16, SN_BF16, SN_F8E4M3, SN_F8E4M3FNUZ, SN_F8E5M2, SN_F8E5M2FNUZ,
    SN_I8, SN_I32, SN_I64, SN_BOOL,
    SN_U8, SN_U16, SN_U32, SN_I16,
    SN_F8E8M0,  /* OCP E8M0 scale: 2^(e-127), 0xFF NaN, unsigned */
    SN_F4E2M1   /* OCP FP4, two per byte (element 2i in the low nibble) */
} sn_dtype;

typedef struct {
    void *data;              /* device pointer (unused for a rank-0 scalar input) */
    sn_dtype dtype;
    int rank;
    const int64_t *shape;    /* rank entries */
    const int64_t *strides;  /* rank entries, in elements; NULL for dense */
    double scalar;           /* a rank-0 (dtype[]) input's value, passed by value */
} sn_tensor;

typedef struct sn_bundle sn_bundle;
typedef struct sn_graph sn_graph;

SN_API sn_status sn_bundle_load_file(const char *path, sn_bundle **out);
/* The bytes are copied; the caller may free them after the call. */
SN_API sn_status sn_bundle_load_memory(const void *bytes, size_t size, sn_bundle **out);
SN_API void sn_bundle_free(sn_bundle *b);

SN_API int sn_bundle_num_graphs(const sn_bundle *b);
SN_API const char *sn_bundle_graph_name(const sn_bundle *b, int i);
/* NULL (and SN_ERR_NOT_FOUND as the last error) when there is no such graph. */
SN_API sn_graph *sn_bundle_graph(sn_bundle *b, const char *name);

/* The signature: names, dtypes, ranks; a dim is a constant (> 0) or a
 * symbol (returned as -1 - symbol index; sn_graph_symbol names it). */
SN_API int sn_graph_num_inputs(const sn_graph *g);
SN_API int sn_graph_num_outputs(const sn_graph *g);
SN_API int sn_graph_num_symbols(const sn_graph *g);
SN_API const char *sn_graph_symbol(const sn_graph *g, int i);
SN_API sn_status sn_graph_input(const sn_graph *g, int i, const char **name, sn_dtype *dtype,
                         int *rank, int64_t *dims /* 8 entries */);
SN_API sn_status sn_graph_output(const sn_graph *g, int i, const char **name, sn_dtype *dtype,
                          int *rank, int64_t *dims);
/* 1 when the graph writes input i (an in-out parameter, `return v ->
 * param` in the source: the launch updates that buffer in place), else 0
 * (also for an i out of range). */
SN_API int sn_graph_input_written(const sn_graph *g, int i);
/* Output i may be given the same buffer as input j (the compiler proved
 * every element is read and written by one thread): returns j, or -1. */
SN_API int sn_graph_output_alias(const sn_graph *g, int i);
/* Bytes of device workspace a launch with these inputs needs (0 for a
 * single-kernel graph); pass at least that much to sn_launch. */
SN_API sn_status sn_graph_workspace_size(const sn_graph *g, const sn_tensor *inputs, int ninputs,
                                  size_t *bytes);

/* Programmatic dependent launch for the first kernel of this graph's
 * launches: 1 with PDL, 0 without (the default, unless $SINTER_PDL=1).
 * It takes effect only where the device supports it (above).
 * SN_ERR_INVALID for a NULL graph. */
SN_API sn_status sn_graph_set_pdl(sn_graph *g, int on);

/* ---- collectives (all_reduce; docs/runtime.md) ----
 * A graph using all_reduce launches, between its kernels, an in-place
 * ncclAllReduce (sum, f32) of a workspace temporary on the launch stream,
 * over the communicator given here: an ncclComm_t (RCCL's on HIP) the
 * caller created, holds and destroys; every rank launches the graph with
 * the same sizes, in the same order relative to its other collectives on
 * that communicator.  NCCL (libnccl.so.2, or $SINTER_NCCL) is opened with
 * dlopen at the first such launch.  NULL clears it; a launch of a graph
 * with collectives and no communicator is SN_ERR_INVALID before anything
 * runs, one without the library SN_ERR_NO_DEVICE.  The launch is
 * capturable in a CUDA graph as NCCL's calls are.
 * sn_graph_num_collectives: the graph's collective steps (0: it needs no
 * communicator). */
SN_API sn_status sn_graph_set_comm(sn_graph *g, void *comm);
SN_API int sn_graph_num_collectives(const sn_graph *g);

/* Launch every kernel of the graph on `stream` (CUstream / hipStream_t;
 * NULL: the default stream).  The workspace (sn_graph_workspace_size
 * bytes; NULL when that is 0) must be 256-byte aligned, as device
 * allocations are, and overlap no input or output.  Each data pointer
 * must be aligned to its element size.  SN_ERR_INVALID, before anything
 * is launched, for any argument that breaks the graph's contract. */
SN_API sn_status sn_launch(sn_graph *g, const sn_tensor *inputs, int ninputs, const sn_tensor *outputs,
                    int noutputs, void *workspace, size_t workspace_size, void *stream);

/* ---- when kernels are compiled (JIT) ----
 * A bundle without a precompiled binary for the device's arch is compiled
 * by NVRTC/hiprtc, one kernel function at a time: by default each at the
 * first sn_launch that runs it (a graph has up to three per kernel:
 * many-rows vector, scalar fallback, few-rows; a launch runs one), so a
 * load compiles nothing and a first launch only what it needs.  Compiled
 * code is cached on disk: later processes read it (well under 1 ms).
 * sn_bundle_prepare / sn_graph_prepare compile and load now every
 * function not loaded yet but the scalar fallbacks (the variant a launch
 * runs only when an argument is not aligned for the vector one; the first
 * such launch compiles it), cache misses in parallel threads
 * ($SINTER_JIT_THREADS, default: the CPUs, at most 16); $SINTER_JIT=eager
 * (read once, at the first load) makes every sn_bundle_load_* do that.
 * sn_bundle_prepare_all / sn_graph_prepare_all compile the scalar
 * fallbacks too, so that no later launch compiles; $SINTER_JIT=eager-all
 * makes every load and every sn_*_prepare do that.
 * Prepare before capturing a CUDA graph, with sn_bundle_prepare_all if a
 * captured launch may get misaligned arguments: a launch that compiles
 * during a capture also loads a module then, which a driver may refuse
 * (the error says so), and takes tens of milliseconds.  SN_ERR_COMPILE
 * with the compiler's log if a function fails; SN_ERR_INVALID for NULL or
 * a bundle opened with sn_bundle_read_*. */
SN_API sn_status sn_bundle_prepare(sn_bundle *b);
SN_API sn_status sn_graph_prepare(sn_graph *g);
SN_API sn_status sn_bundle_prepare_all(sn_bundle *b);
SN_API sn_status sn_graph_prepare_all(sn_graph *g);

/* ---- introspection (tools such as `sinter dump`; no device needed) ----
 * A bundle opened with sn_bundle_read_* is checked in full but loaded on
 * no device: describe it, not launch it (sn_launch refuses its graphs).
 * Strings stay valid until the bundle is freed. */
SN_API sn_status sn_bundle_read_file(const char *path, sn_bundle **out);
SN_API sn_status sn_bundle_read_memory(const void *bytes, size_t size, sn_bundle **out);

/* A dim: coef times the product of nsym size symbols (indices into the
 * graph's symbols; nsym 0: the constant coef). */
typedef struct {
    int64_t coef;
    int nsym;
    int syms[4];
} sn_dim;

typedef struct {
    const char *name;
    sn_dtype dtype;
    int rank;
    sn_dim dims[8];
    int alias;               /* an output: the input it may share (-1: none) */
    int nbounds;             /* an integer input used as gather indices: its values */
    sn_dim bounds[8];        /* must be in [0, every bound) (the tables' sizes) */
    int written;             /* an input: 1 when the graph writes it (in-out) */
} sn_tensor_info;

typedef struct {
    unsigned format_version; /* of the file (older formats still load) */
    size_t bytes;
    int ngraphs;
} sn_bundle_info;

typedef struct {
    const char *name;
    int nsymbols, ninputs, noutputs, ntemporaries, nvariants;
} sn_graph_info;

typedef struct {
    const char *dialect;     /* "CUDA", "HIP" */
    const char *arch;        /* the arch the source was generated for */
    const char *source;
    int nkernels, nbinaries;
} sn_variant_info;

typedef struct {
    const char *name;
    const char *scalar_name; /* the fallback when alignments fail, or "" */
    int block, smem_bytes, nsegments, nparams, nalignments;
    int grid_wait;           /* 1: waits for the previous grid first (PDL) */
    int has_few_rows;        /* 1: few_rows_* describe its few-rows variant */
    const char *few_rows_name;
    int few_rows_block;
    int few_rows_grid_per_sm; /* launched instead at most this many blocks per SM */
} sn_kernel_info;

typedef struct {
    const char *arch, *compiler;
    size_t bytes;
} sn_binary_info;

/* Each is SN_ERR_INVALID (with a message) for a NULL argument or an index
 * out of range.  kind: 0 inputs, 1 outputs, 2 temporaries (workspace). */
SN_API sn_status sn_bundle_describe(const sn_bundle *b, sn_bundle_info *out);
SN_API sn_status sn_graph_describe(const sn_graph *g, sn_graph_info *out);
SN_API sn_status sn_graph_tensor(const sn_graph *g, int kind, int i, sn_tensor_info *out);
SN_API sn_status sn_graph_variant(const sn_graph *g, int v, sn_variant_info *out);
SN_API sn_status sn_graph_kernel(const sn_graph *g, int v, int k, sn_kernel_info *out);
SN_API sn_status sn_graph_binary(const sn_graph *g, int v, int i, sn_binary_info *out);

/* The last error of this thread, "" if none. */
SN_API const char *sn_last_error(void);

/* ---- device helpers (for tools and tests; a framework has its own) ----
 * They act on the device and context sn_launch uses. */
SN_API sn_status sn_dev_info(char *arch, size_t archlen, char *name, size_t namelen);
SN_API sn_status sn_dev_alloc(void **ptr, size_t bytes);
SN_API sn_status sn_dev_free(void *ptr);
SN_API sn_status sn_dev_upload(void *dst, const void *src, size_t bytes);
SN_API sn_status sn_dev_download(void *dst, const void *src, size_t bytes);
SN_API sn_status sn_dev_copy(void *dst, const void *src, size_t bytes, void *stream); /* async */
SN_API sn_status sn_dev_fill(void *dst, unsigned char byte, size_t bytes);
SN_API sn_status sn_dev_synchronize(void);
SN_API sn_status sn_dev_event_create(void **event);
SN_API sn_status sn_dev_event_record(void *event, void *stream);
/* Waits for `end`, then the time between the two events. */
SN_API sn_status sn_dev_event_elapsed_ms(void *start, void *end, float *ms);
SN_API sn_status sn_dev_event_destroy(void *event);

#ifdef __cplusplus
}
#endif
#endif
