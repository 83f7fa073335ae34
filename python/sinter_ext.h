/* sinter_ext.h - the CPython extension `sinter._sinter` (docs/python.md).
 *
 * module.c   the module: compile(), load(), the dtype table, sinter.Error
 * library.c  the Library type: signatures, sources, calls (checks, output
 *            allocation through the Python layer's callback, dispatch to
 *            the GPU runtime or the CPU executor)
 * tensor.c   tensors in: DLPack capsules (0.x and 1.x), the CUDA array
 *            interface, sinter.Tensor reinterpretations, Python numbers
 * cpu.c      CPU tensors through the kernel-IR executor (or the reference
 *            interpreter for tests)
 * compat.c   the two calls into compiler and runtime internals that the
 *            public driver and introspection APIs will replace
 *
 * Errors are Python exceptions; every px_ function that can fail returns
 * -1 (or NULL) with the exception set, else 0. */
#ifndef SINTER_EXT_H
#define SINTER_EXT_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdbool.h>
#include <stdint.h>

#include "kernel.h"
#include "sinter.h"

#define PX_MAX_RANK 8
#define PX_MAX_SYMS 64
#define PX_MAX_ARGS 256

/* ---- a graph's signature (compat.c fills it from a bundle) ---- */
typedef struct {
    int64_t coef;
    int nsym;
    int syms[4];
} PxDim;

typedef struct {
    const char *name;
    int dtype, rank;
    int alias;                 /* outputs: the input it may share, else -1 */
    int written;               /* inputs: the graph writes it (in-out), else 0 */
    PxDim dims[PX_MAX_RANK];
} PxParam;

typedef struct {
    const char *name;
    int nsym, nin, nout;
    const char **syms;
    PxParam *ins, *outs;
    const char *source[2];     /* CUDA, HIP source; NULL when the bundle has none */
    sn_graph *sig;             /* the graph parsed without a device: argument checks */
    sn_graph *dev;             /* on the device once loaded, else NULL */
    const KProgram *prog;      /* the fused kernels for CPU tensors, or NULL */
    const IrGraph *ref;        /* the unfused graph (reference interpreter), or NULL */
    /* Graph.set_comm's communicator (an ncclComm_t), NULL when none: given
     * to the device graph now or when the library is loaded (library.c) */
    void *comm;
    /* the last device call's inputs (dtype, rank, shape and strides each)
     * that passed sn_graph_workspace_size, and the workspace it gave
     * (library.c: check_inputs); vkey PyMem-allocated, NULL before */
    int64_t *vkey;
    int nvkey;
    size_t vworkspace;
} PxGraph;

#define PX_VKEY 512

/* ---- compat.c ---- */
/* Compile .sn text into bundle bytes (malloc'd) for the given targets;
 * progs[i] / refs[i]: graph i's kernel IR and unfused graph, in the arena.
 * -1 with sinter.Error (the compiler's diagnostics) on failure. */
typedef struct {
    unsigned char *bytes;
    size_t size;
    int ngraph;
    const KProgram **progs;
    const IrGraph **refs;
} PxCompiled;
/* precompile: also a binary of each graph per target arch (NVRTC/hiprtc,
 * `sinter compile --precompile`), compiled with the GIL released. */
int px_compile(const char *name, const char *text, size_t len, const char *const *targets,
               int ntarget, bool precompile, Arena *a, PxCompiled *out);
/* Parse bundle bytes without a device and describe every graph into
 * *graphs (arena); *parsed owns the parse (free with sn_bundle_free). */
int px_describe(const unsigned char *bytes, size_t size, Arena *a, sn_bundle **parsed,
                PxGraph **graphs, int *ngraph);

/* ---- module.c ---- */
extern PyObject *px_error;     /* sinter.Error */
PyObject *px_raise(const char *fmt, ...);   /* sets sinter.Error, returns NULL */
const char *px_dtype_name(int dtype);
int px_dtype_size(int dtype);
/* Bytes of n elements (f4e2m1: two per byte, rounded up). */
int64_t px_dtype_bytes(int dtype, int64_t n);
int px_dtype_parse(PyObject *name);         /* -1 with ValueError */

/* ---- tensor.c ---- */
enum { PX_CPU = 1, PX_CUDA = 2, PX_ROCM = 10 };

typedef struct {
    sn_tensor t;               /* data, dtype, rank, shape, strides (elements) */
    int64_t shape[PX_MAX_RANK], strides[PX_MAX_RANK];
    int device, device_id;     /* 0 for a Python number */
    bool readonly;
    int flags;                 /* PX_NO_FAST_TORCH: kept by px_arg_import */
    PyObject *keep;            /* the capsule, released by px_arg_release */
    bool has_view;             /* view holds a buffer, released by px_arg_release */
    Py_buffer view;
} PxArg;

/* How px_arg_import reads an object: a torch.Tensor through its accessors
 * (registered by px_set_torch), an object with the buffer protocol (a
 * NumPy array: CPU), else DLPack or the CUDA array interface. */
enum { PX_KIND_DLPACK, PX_KIND_TORCH, PX_KIND_BUFFER };
enum { PX_NO_FAST_TORCH = 1 }; /* read torch tensors through __dlpack__ (an explicit stream) */
int px_kind(PyObject *obj);
/* Register PyTorch (type None: forget it): see tensor.c. */
int px_set_torch(PyObject *type, PyObject *dtypes, PyObject *by_sinter, PyObject *stream,
                 int device, PyObject *empty);
/* PyTorch's current raw stream of a device (an int), or NULL (no
 * exception) when none is registered. */
PyObject *px_torch_stream(int device_id);
/* Is stream (an int, or an object with `cuda_stream`: torch.cuda.Stream)
 * PyTorch's current raw stream on the GPU of first, a torch.Tensor (or a
 * sinter.Tensor over one)?  1 yes, 0 no or not knowable (a CPU tensor, no
 * stream getter registered, another kind of stream object), -1 with an
 * exception from the tensor or the getter. */
int px_torch_is_current_stream(PyObject *first, PyObject *stream);
/* A new dense torch tensor of shape (a tuple) and dtype on (device,
 * device_id), like `like`: PyTorch's empty_strided for the CPU or the
 * current GPU, else like.new_empty(shape, dtype=...). */
PyObject *px_torch_empty(PyObject *like, PyObject *shape, int dtype, int device, int device_id);

/* Import obj as parameter p ("input" / "output" role): a tensor for a
 * ranked parameter, a Python number for a rank-0 input.  For a device
 * tensor, stream (an int or None) is passed to __dlpack__. */
int px_arg_import(PyObject *obj, const PxParam *p, const char *role, PyObject *stream,
                  PxArg *a);
void px_arg_release(PxArg *a);
/* Called with a tensor whose __dlpack__ failed (set by the Python layer:
 * PyTorch's float8 tensors before DLPack 1.1): returns a sinter.Tensor
 * reinterpreting its storage, or None.  NULL when unset. */
extern PyObject *px_fallback;

/* ---- cpu.c ---- */
/* Run g on CPU tensors: the kernel-IR executor, or with interp the
 * reference interpreter; outputs are written only when the run succeeds. */
int px_run_cpu(const PxGraph *g, const PxArg *ins, const PxArg *outs, const int64_t *symvals,
               bool interp);
/* The same for `world` simulated ranks at once (all_reduce sums over
 * them, ir_interp_world / kexec_run_world): ins[r * g->nin + k] and
 * outs[r * g->nout + o] are rank r's; every rank has the same sizes. */
int px_run_cpu_world(const PxGraph *g, int world, const PxArg *ins, const PxArg *outs,
                     const int64_t *symvals, bool interp);
/* Storage of a's dtype -> dense values (f32 for float dtypes, else i64)
 * in dst; or, with to_values false, a's f32 values -> dense storage of
 * dtype, each value rounded to it. */
void px_convert(const PxArg *a, int dtype, bool to_values, char *dst);

/* ---- library.c ---- */
extern PyTypeObject PxLibraryType;
/* sinter._sinter.Graph(library, index): graph index of a Library, called
 * as graph(*inputs, out=None, stream=None) straight from C (the Python
 * layer's sinter.Graph subclasses it). */
extern PyTypeObject PxGraphType;
/* The Python layer's context callback (docs in library.c). */
void px_set_context(PyObject *fn);
PyObject *px_library_new(unsigned char *bytes, size_t size, const PxCompiled *c, Arena *a,
                         PyObject *origin);

#endif
