/* library.c - sinter._sinter.Library: a bundle's graphs, their signatures
 * and sources, and calls.
 *
 * A call (Library.run) checks and launches:
 *   1. the inputs' count; the Python layer's context(first tensor, stream)
 *      gives the output allocator and the stream (the framework's current
 *      one unless the caller gave one);
 *   2. every input is imported without a copy (tensor.c) and all tensors
 *      must be on one device;
 *   3. the inputs are checked by the runtime (sn_graph_workspace_size runs
 *      sn_launch's checks on the inputs, with no device needed), which
 *      binds the size symbols;
 *   4. outputs not given are allocated through the allocator, then
 *      imported;
 *   5. CPU tensors run on the kernel-IR executor (cpu.c) after the output
 *      checks below; device tensors go to sn_launch (which checks the
 *      outputs itself) with a workspace from the allocator when the graph
 *      needs one.
 * Nothing is written before every check has passed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp.h"
#include "sinter_ext.h"

typedef struct {
    PyObject_HEAD
    Arena *arena;
    unsigned char *bytes;      /* the bundle */
    size_t size;
    sn_bundle *parsed;         /* described without a device */
    sn_bundle *device;         /* loaded on the GPU at the first device call */
    int ngraph;
    PxGraph *graphs;
    PyObject *origin;          /* the source path/name or bundle path */
} PxLibrary;

PyObject *px_library_new(unsigned char *bytes, size_t size, const PxCompiled *c, Arena *a,
                         PyObject *origin)
{
    PxLibrary *lib = PyObject_New(PxLibrary, &PxLibraryType);
    if (!lib) {
        free(bytes);
        arena_free(a);
        return NULL;
    }
    lib->arena = a;
    lib->bytes = bytes;
    lib->size = size;
    lib->parsed = lib->device = NULL;
    lib->graphs = NULL;
    lib->ngraph = 0;
    lib->origin = Py_NewRef(origin);
    if (px_describe(bytes, size, a, &lib->parsed, &lib->graphs, &lib->ngraph) < 0) {
        Py_DECREF(lib);
        return NULL;
    }
    for (int i = 0; c && i < lib->ngraph && i < c->ngraph; i++) {
        lib->graphs[i].prog = c->progs[i];
        lib->graphs[i].ref = c->refs[i];
    }
    return (PyObject *)lib;
}

static void lib_dealloc(PxLibrary *self)
{
    for (int i = 0; self->graphs && i < self->ngraph; i++)
        PyMem_Free(self->graphs[i].vkey);
    sn_bundle_free(self->parsed);
    sn_bundle_free(self->device);
    free(self->bytes);
    if (self->arena)
        arena_free(self->arena);
    Py_XDECREF(self->origin);
    PyObject_Free(self);
}

static PxGraph *graph_at(PxLibrary *self, int i)
{
    if (i < 0 || i >= self->ngraph) {
        PyErr_SetString(PyExc_IndexError, "no such graph");
        return NULL;
    }
    return &self->graphs[i];
}

/* ------------------------------------------------------------ queries */

static PyObject *lib_graph_names(PxLibrary *self, PyObject *unused)
{
    PyObject *t = PyTuple_New(self->ngraph);
    for (int i = 0; t && i < self->ngraph; i++)
        PyTuple_SET_ITEM(t, i, PyUnicode_FromString(self->graphs[i].name));
    return t;
}

/* A dim: an int, or (coef, (symbol names...)). */
static PyObject *dim_obj(const PxGraph *g, const PxDim *d)
{
    if (!d->nsym)
        return PyLong_FromLongLong(d->coef);
    PyObject *syms = PyTuple_New(d->nsym);
    for (int s = 0; syms && s < d->nsym; s++)
        PyTuple_SET_ITEM(syms, s, PyUnicode_FromString(g->syms[d->syms[s]]));
    return syms ? Py_BuildValue("(LN)", (long long)d->coef, syms) : NULL;
}

/* (name, dtype, dims, alias, written) per parameter */
static PyObject *params_obj(const PxGraph *g, const PxParam *ps, int n)
{
    PyObject *t = PyTuple_New(n);
    for (int i = 0; t && i < n; i++) {
        PyObject *dims = PyTuple_New(ps[i].rank);
        for (int k = 0; dims && k < ps[i].rank; k++)
            PyTuple_SET_ITEM(dims, k, dim_obj(g, &ps[i].dims[k]));
        PyTuple_SET_ITEM(t, i, Py_BuildValue("(ssNii)", ps[i].name, px_dtype_name(ps[i].dtype),
                                             dims, ps[i].alias, ps[i].written));
    }
    return t;
}

/* signature(i) -> (name, symbols, inputs, outputs, has_cpu_path) */
static PyObject *lib_signature(PxLibrary *self, PyObject *arg)
{
    PxGraph *g = graph_at(self, (int)PyLong_AsLong(arg));
    if (!g)
        return NULL;
    PyObject *syms = PyTuple_New(g->nsym);
    for (int s = 0; syms && s < g->nsym; s++)
        PyTuple_SET_ITEM(syms, s, PyUnicode_FromString(g->syms[s]));
    return Py_BuildValue("(sNNNO)", g->name, syms, params_obj(g, g->ins, g->nin),
                         params_obj(g, g->outs, g->nout), g->prog ? Py_True : Py_False);
}

/* source(i, hip) -> str, or None when the bundle has no such source */
static PyObject *lib_source(PxLibrary *self, PyObject *args)
{
    int i, hip;
    if (!PyArg_ParseTuple(args, "ip", &i, &hip))
        return NULL;
    PxGraph *g = graph_at(self, i);
    if (!g)
        return NULL;
    if (!g->source[hip])
        Py_RETURN_NONE;
    return PyUnicode_FromString(g->source[hip]);
}

static PyObject *lib_bundle(PxLibrary *self, PyObject *unused)
{
    return PyBytes_FromStringAndSize((const char *)self->bytes, (Py_ssize_t)self->size);
}

/* Load the bundle onto the GPU (once); -1 with the runtime's message. */
static int load_device(PxLibrary *self)
{
    if (self->device)
        return 0;
    sn_bundle *b;
    sn_status s;
    Py_BEGIN_ALLOW_THREADS
    s = sn_bundle_load_memory(self->bytes, self->size, &b);
    Py_END_ALLOW_THREADS
    if (s != SN_OK)
        return px_raise("%s", sn_last_error()), -1;
    if (self->device) { /* another thread loaded it meanwhile */
        sn_bundle_free(b);
        return 0;
    }
    for (int i = 0; i < self->ngraph; i++) {
        PxGraph *g = &self->graphs[i];
        g->dev = sn_bundle_graph(b, g->name);
        if (g->comm && sn_graph_set_comm(g->dev, g->comm) != SN_OK) {
            sn_bundle_free(b);
            return px_raise("%s", sn_last_error()), -1;
        }
    }
    self->device = b;
    return 0;
}

static PyObject *lib_load_device(PxLibrary *self, PyObject *unused)
{
    if (load_device(self) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* --------------------------------------------------------------- calls */

/* The Python layer's context callback (set_context): (first tensor,
 * stream) -> (allocator or None, launch stream or None[, stream for
 * __dlpack__]). */
static PyObject *px_context;

enum { PX_STACK_ARGS = 16 }; /* PxArgs of a call on the C stack up to this many */

typedef struct {
    PxGraph *g;
    PxArg *ins, *outs;
    PyObject *outobjs;         /* tuple of the outputs, returned */
    PyObject *context;         /* the context callback */
    PyObject *stream_arg;      /* the caller's stream= (None: the framework's current one) */
    PyObject *first;           /* the first tensor given (borrowed), or NULL */
    int first_kind;            /* its px_kind */
    bool have_context;         /* the callback was called: */
    PyObject *alloc, *stream;  /* the allocator, the launch stream */
    PyObject *dlstream;        /* and the stream __dlpack__ is given */
    int device, device_id;     /* of the first tensor; 0 before one is seen */
    const char *firstname;     /* its name */
    int64_t syms[PX_MAX_SYMS];
} Call;

static const char *device_name(int device)
{
    return device == PX_CPU ? "cpu" : device == PX_CUDA ? "cuda" : device == PX_ROCM ? "rocm"
                                                                                     : "device";
}

/* "cuda:0", or "cuda" where the id is unknown (__cuda_array_interface__) */
static const char *device_text(const PxArg *a, char buf[32])
{
    if (a->device_id < 0)
        snprintf(buf, 32, "%s", device_name(a->device));
    else
        snprintf(buf, 32, "%s:%d", device_name(a->device), a->device_id);
    return buf;
}

/* Every tensor on the first tensor's device. */
static int same_device(Call *c, const PxArg *a, const char *role, const char *name)
{
    if (!a->device)
        return 0;
    if (!c->device) {
        c->device = a->device, c->device_id = a->device_id, c->firstname = name;
        return 0;
    }
    if (a->device == c->device &&
        (a->device_id == c->device_id || a->device_id < 0 || c->device_id < 0))
        return 0;
    char here[32], there[32];
    px_raise("%s '%s' is on %s but '%s' is on %s", role, name, device_text(a, here),
             c->firstname, device_text(&(PxArg){.device = c->device, .device_id = c->device_id},
                                       there));
    return -1;
}

/* The context callback, called at most once per call with the first
 * tensor given: before the inputs are imported where a tensor goes
 * through DLPack (the stream for __dlpack__) or the caller gave a stream,
 * else only when an allocator or a stream is needed that the fast paths
 * do not give (tensor.c: PyTorch's own, a NumPy allocation).  PyTorch's
 * __dlpack__ stream is -1 when the launch stream is its current one (no
 * cross-stream sync: a torch.cuda.ExternalStream of the current stream's
 * handle compares unequal to it, and each export would record and wait on
 * an event). */
static int ensure_context(Call *c)
{
    if (c->have_context)
        return 0;
    if (!c->context)
        return px_raise("sinter is not initialised (import the package `sinter`)"), -1;
    PyObject *r = PyObject_CallFunctionObjArgs(c->context, c->first ? c->first : Py_None,
                                               c->stream_arg, NULL);
    if (!r)
        return -1;
    PyObject *alloc, *stream, *dlstream = NULL;
    int ok = PyArg_ParseTuple(r, "OO|O", &alloc, &stream, &dlstream);
    if (ok) {
        c->alloc = Py_NewRef(alloc);
        c->stream = Py_NewRef(stream);
        c->dlstream = Py_NewRef(dlstream ? dlstream : stream);
        c->have_context = true;
    }
    Py_DECREF(r);
    return ok ? 0 : -1;
}

static PyObject *dlstream(const Call *c)
{
    return c->have_context ? c->dlstream : c->stream_arg;
}

static void bind_symbols(Call *c)
{
    for (int s = 0; s < PX_MAX_SYMS; s++)
        c->syms[s] = -1;
    for (int i = 0; i < c->g->nin; i++)
        for (int k = 0; k < c->g->ins[i].rank; k++) {
            const PxDim *d = &c->g->ins[i].dims[k];
            if (d->nsym == 1 && c->syms[d->syms[0]] < 0 &&
                !(c->g->ref && ir_sym_is_derived(c->g->ref, d->syms[0])))
                c->syms[d->syms[0]] = c->ins[i].shape[k] / d->coef;
        }
    if (c->g->ref) /* derived sizes (align(T, 4)) from the bound ones */
        ir_graph_derive_syms(c->g->ref, c->syms);
}

static int64_t dim_value(const Call *c, const PxDim *d)
{
    int64_t v = d->coef;
    for (int s = 0; s < d->nsym; s++)
        v *= c->syms[d->syms[s]];
    return v;
}

/* A new tensor like the first: PyTorch's new_empty for a torch.Tensor
 * read by the fast path, else the context's alloc(shape, dtype). */
static PyObject *allocate(Call *c, int rank, const int64_t *shape, int dtype, const char *what)
{
    bool torch = !c->have_context && c->first_kind == PX_KIND_TORCH;
    if (!torch && ensure_context(c) < 0)
        return NULL;
    if (!torch && (!c->alloc || c->alloc == Py_None))
        return px_raise("%s: no allocator for these tensors; pass out=", what);
    PyObject *t = PyTuple_New(rank);
    for (int k = 0; t && k < rank; k++)
        PyTuple_SET_ITEM(t, k, PyLong_FromLongLong(shape[k]));
    if (!t || PyErr_Occurred()) {
        Py_XDECREF(t);
        return NULL;
    }
    PyObject *r = torch ? px_torch_empty(c->first, t, dtype, c->device, c->device_id)
                        : PyObject_CallFunction(c->alloc, "Os", t, px_dtype_name(dtype));
    Py_DECREF(t);
    return r;
}

static int import_inputs(Call *c, PyObject *const *args)
{
    for (int i = 0; i < c->g->nin; i++) {
        const PxParam *p = &c->g->ins[i];
        if (px_arg_import(args[i], p, "input", dlstream(c), &c->ins[i]) < 0 ||
            same_device(c, &c->ins[i], "input", p->name) < 0)
            return -1;
        if (p->written && c->ins[i].readonly)
            return px_raise("input '%s' is updated in place by the graph (an in-out "
                            "parameter) but the tensor given is read-only", p->name), -1;
    }
    return 0;
}

static int outputs(Call *c)
{
    for (int o = 0; o < c->g->nout; o++) {
        const PxParam *p = &c->g->outs[o];
        PyObject *obj = PyTuple_GET_ITEM(c->outobjs, o);
        if (obj == Py_None) {
            int64_t shape[PX_MAX_RANK];
            for (int k = 0; k < p->rank; k++)
                shape[k] = dim_value(c, &p->dims[k]);
            if (!(obj = allocate(c, p->rank, shape, p->dtype, p->name)))
                return -1;
            PyTuple_SetItem(c->outobjs, o, obj);
        }
        if (px_arg_import(obj, p, "output", dlstream(c), &c->outs[o]) < 0 ||
            same_device(c, &c->outs[o], "output", p->name) < 0)
            return -1;
        if (c->outs[o].readonly)
            return px_raise("output '%s' is read-only", p->name), -1;
    }
    return 0;
}

/* sn_launch's output checks, for the CPU: dtype, shape, dense layout. */
static int check_output(const Call *c, int o)
{
    const PxParam *p = &c->g->outs[o];
    const PxArg *a = &c->outs[o];
    if ((int)a->t.dtype != p->dtype)
        return px_raise("output '%s': expected %s, got %s", p->name, px_dtype_name(p->dtype),
                        px_dtype_name((int)a->t.dtype)), -1;
    if (a->t.rank != p->rank)
        return px_raise("output '%s': expected rank %d, got rank %d", p->name, p->rank,
                        a->t.rank), -1;
    int64_t dense = 1;
    for (int k = p->rank - 1; k >= 0; k--) {
        if (a->shape[k] != dim_value(c, &p->dims[k]))
            return px_raise("output '%s': dim %d is %lld but the graph needs %lld", p->name, k,
                            (long long)a->shape[k], (long long)dim_value(c, &p->dims[k])), -1;
        if (a->shape[k] > 1 && a->strides[k] != dense)
            return px_raise("output '%s': outputs are written densely; dim %d has stride %lld, "
                            "expected %lld", p->name, k, (long long)a->strides[k],
                            (long long)dense), -1;
        dense *= a->shape[k];
    }
    return 0;
}

static void span(const PxArg *a, char **lo, char **hi)
{
    int64_t last = 0, n = 1;
    for (int k = 0; k < a->t.rank; k++) {
        n *= a->shape[k];
        last += a->shape[k] > 0 ? (a->shape[k] - 1) * a->strides[k] : 0;
    }
    *lo = *hi = a->t.data;
    if (n > 0 && a->t.data)
        *hi = (char *)a->t.data + px_dtype_bytes((int)a->t.dtype, last + 1);
}

/* sn_launch's overlap rule, for the CPU: an output overlaps nothing but
 * the very buffer of the input the compiler lets it alias. */
static int check_overlap(const Call *c, int o)
{
    char *lo, *hi, *l2, *h2;
    span(&c->outs[o], &lo, &hi);
    for (int i = 0; lo != hi && i < c->g->nin + o; i++) {
        const PxArg *b = i < c->g->nin ? &c->ins[i] : &c->outs[i - c->g->nin];
        span(b, &l2, &h2);
        if (l2 == h2 || hi <= l2 || h2 <= lo)
            continue;
        if (i < c->g->nin && c->g->outs[o].alias == i && lo == l2 && hi == h2)
            continue;
        return px_raise("output '%s' overlaps %s '%s'", c->g->outs[o].name,
                        i < c->g->nin ? "input" : "output",
                        i < c->g->nin ? c->g->ins[i].name : c->g->outs[i - c->g->nin].name), -1;
    }
    return 0;
}

/* sn_launch's rule for in-out inputs, for the CPU: one the graph writes
 * overlaps no other input. */
static int check_written_overlap(const Call *c)
{
    for (int i = 0; i < c->g->nin; i++) {
        char *lo, *hi, *l2, *h2;
        if (!c->g->ins[i].written)
            continue;
        span(&c->ins[i], &lo, &hi);
        for (int j = 0; lo != hi && j < c->g->nin; j++) {
            span(&c->ins[j], &l2, &h2);
            if (j != i && l2 != h2 && lo < h2 && l2 < hi)
                return px_raise("input '%s', which the graph writes, overlaps input '%s'",
                                c->g->ins[i].name, c->g->ins[j].name), -1;
        }
    }
    return 0;
}

/* A communicator (set_comm) is for GPU tensors: CPU tensors of a graph
 * with all_reduce run one rank (no communicator) or a simulated world
 * (run_world), never half of a real one. */
static int cpu_comm_check(const PxGraph *g)
{
    int n = sn_graph_num_collectives(g->sig);
    if (g->comm && n > 0)
        return px_raise("graph %s sums over ranks (%d all_reduce step%s) and has a "
                        "communicator (set_comm), which serves GPU tensors only; the tensors "
                        "are on the CPU: call set_comm(None) to run them as one rank, or "
                        "run_world() for a simulated world of several", g->name, n,
                        n == 1 ? "" : "s"), -1;
    return 0;
}

static int run_cpu(Call *c, bool interp)
{
    if (cpu_comm_check(c->g) < 0 || check_written_overlap(c) < 0)
        return -1;
    if (!(interp ? (const void *)c->g->ref : (const void *)c->g->prog))
        return px_raise("graph %s has no CPU path: it was loaded from a bundle, which holds "
                        "GPU code only (bundle compiled with no CPU path); run it on GPU "
                        "tensors, or compile the source with sinter.compile() for CPU tensors",
                        c->g->name), -1;
    for (int o = 0; o < c->g->nout; o++)
        if (check_output(c, o) < 0 || check_overlap(c, o) < 0)
            return -1;
    return px_run_cpu(c->g, c->ins, c->outs, c->syms, interp);
}

/* The launch stream as a pointer: the context's, or PyTorch's current
 * stream on the tensors' device where the fast path read them. */
static int launch_stream(Call *c, void **stream)
{
    PyObject *s = NULL;
    if (!c->have_context && c->first_kind == PX_KIND_TORCH &&
        (s = px_torch_stream(c->device_id < 0 ? 0 : c->device_id)) == NULL && PyErr_Occurred())
        return -1;
    if (!s) {
        if (ensure_context(c) < 0)
            return -1;
        s = Py_NewRef(c->stream);
    }
    *stream = s != Py_None ? PyLong_AsVoidPtr(s) : NULL;
    Py_DECREF(s);
    return PyErr_Occurred() ? -1 : 0;
}

static int run_device(PxLibrary *self, Call *c, size_t workspace)
{
    int ncoll = sn_graph_num_collectives(c->g->sig);
    if (ncoll > 0 && !c->g->comm) /* the runtime's refusal, in the package's words */
        return px_raise("graph %s sums over ranks (%d all_reduce step%s) but has no "
                        "communicator: call graph.set_comm(group) first, with a "
                        "torch.distributed NCCL process group or an ncclComm_t as an int",
                        c->g->name, ncoll, ncoll == 1 ? "" : "s"), -1;
    if (load_device(self) < 0)
        return -1;
    sn_tensor ins[PX_MAX_ARGS], outs[PX_MAX_ARGS];
    for (int i = 0; i < c->g->nin; i++)
        ins[i] = c->ins[i].t;
    for (int o = 0; o < c->g->nout; o++)
        outs[o] = c->outs[o].t;
    PxArg ws = {0};
    PxParam wp = {.name = "workspace", .dtype = SN_I8, .rank = 1};
    PyObject *wobj = NULL;
    int64_t wshape[1] = {(int64_t)workspace};
    if (workspace && (!(wobj = allocate(c, 1, wshape, SN_I8, "workspace")) ||
                      px_arg_import(wobj, &wp, "output", dlstream(c), &ws) < 0)) {
        px_arg_release(&ws);
        Py_XDECREF(wobj);
        return -1;
    }
    void *stream = NULL;
    sn_status s = launch_stream(c, &stream) < 0
                      ? SN_ERR_INVALID
                      : sn_launch(c->g->dev, ins, c->g->nin, outs, c->g->nout, ws.t.data,
                                  workspace, stream);
    px_arg_release(&ws);
    Py_XDECREF(wobj);
    if (PyErr_Occurred())
        return -1;
    return s == SN_OK ? 0 : (px_raise("%s", sn_last_error()), -1);
}

/* The inputs' dtypes, shapes and strides as a key (n entries into key,
 * at most PX_VKEY); false when they do not fit. */
static bool validation_key(const Call *c, int64_t *key, int *n)
{
    int k = 0;
    for (int i = 0; i < c->g->nin; i++) {
        const PxArg *a = &c->ins[i];
        if (k + 2 + 2 * a->t.rank > PX_VKEY)
            return false;
        key[k++] = a->t.dtype;
        key[k++] = a->t.rank;
        for (int d = 0; d < a->t.rank; d++) {
            key[k++] = a->shape[d];
            key[k++] = a->strides[d];
        }
    }
    *n = k;
    return true;
}

/* sn_graph_workspace_size: the runtime's checks of the inputs and the
 * workspace they need.  For device tensors the result is kept per graph
 * and reused while the inputs' dtypes, shapes and strides repeat, since
 * sn_launch checks everything again (the pointers included); CPU calls
 * check every time (the executor has no checks of its own). */
static int check_inputs(Call *c, size_t *workspace)
{
    sn_tensor ts[PX_MAX_ARGS];
    int64_t key[PX_VKEY];
    int n = 0;
    bool cache = c->device && c->device != PX_CPU && validation_key(c, key, &n);
    PxGraph *g = c->g;
    if (cache && g->vkey && g->nvkey == n && !memcmp(g->vkey, key, (size_t)n * sizeof *key)) {
        *workspace = g->vworkspace;
        return 0;
    }
    ts[0] = (sn_tensor){0}; /* a graph of no inputs passes an array all the same */
    for (int i = 0; i < g->nin; i++)
        ts[i] = c->ins[i].t;
    if (sn_graph_workspace_size(g->sig, ts, g->nin, workspace) != SN_OK)
        return px_raise("%s", sn_last_error()), -1;
    if (cache && (g->vkey || (g->vkey = PyMem_Malloc(PX_VKEY * sizeof *key)))) {
        memcpy(g->vkey, key, (size_t)n * sizeof *key);
        g->nvkey = n;
        g->vworkspace = *workspace;
    }
    return 0;
}

/* A CPU rank of run_world: the inputs imported and checked, the outputs
 * allocated and checked, nothing run. */
static int prepare_rank(Call *c, PyObject *const *args, bool interp)
{
    size_t workspace = 0;
    if (import_inputs(c, args) < 0 || check_inputs(c, &workspace) < 0)
        return -1;
    bind_symbols(c);
    if (!c->device)
        return px_raise("graph %s: no tensor among the arguments", c->g->name), -1;
    if (c->device != PX_CPU)
        return px_raise("graph %s: run_world runs CPU tensors (a simulated world in one "
                        "process); GPU tensors sum over a real communicator: set_comm, then "
                        "call the graph on each rank", c->g->name), -1;
    if (outputs(c) < 0 || check_written_overlap(c) < 0)
        return -1;
    for (int o = 0; o < c->g->nout; o++)
        if (check_output(c, o) < 0 || check_overlap(c, o) < 0)
            return -1;
    return 0;
}

static int call(PxLibrary *self, Call *c, PyObject *const *args, bool interp)
{
    size_t workspace = 0;
    if (import_inputs(c, args) < 0 || check_inputs(c, &workspace) < 0)
        return -1;
    bind_symbols(c);
    if (c->device == PX_CPU && !(interp ? (const void *)c->g->ref : (const void *)c->g->prog))
        return run_cpu(c, interp); /* the error before any allocation */
    if (outputs(c) < 0)
        return -1;
    if (!c->device)
        return px_raise("graph %s: no tensor among the arguments", c->g->name), -1;
    return c->device == PX_CPU ? run_cpu(c, interp) : run_device(self, c, workspace);
}

/* The outputs given: None, one tensor (one output), or a sequence. */
static PyObject *out_tuple(const PxGraph *g, PyObject *out)
{
    if (out == Py_None) {
        PyObject *t = PyTuple_New(g->nout);
        for (int o = 0; t && o < g->nout; o++)
            PyTuple_SET_ITEM(t, o, Py_NewRef(Py_None));
        return t;
    }
    if (g->nout == 1 && !PyList_Check(out) && !PyTuple_CheckExact(out))
        return PyTuple_Pack(1, out);
    PyObject *list = PySequence_List(out); /* a new tuple: allocated outputs go into it */
    PyObject *t = list ? PyList_AsTuple(list) : NULL;
    Py_XDECREF(list);
    if (t && PyTuple_GET_SIZE(t) != g->nout) {
        px_raise("graph %s has %d outputs, out= gives %zd", g->name, g->nout,
                 PyTuple_GET_SIZE(t));
        Py_CLEAR(t);
    }
    return t;
}

/* The first tensor given (an input, else an output), or NULL; whether
 * any tensor goes through DLPack (the context is needed first then). */
static PyObject *first_tensor(const Call *c, PyObject *const *args, bool *dlpack)
{
    PyObject *first = NULL;
    *dlpack = false;
    for (int i = 0; i < c->g->nin; i++)
        if (c->g->ins[i].rank) {
            first = first ? first : args[i];
            *dlpack |= px_kind(args[i]) == PX_KIND_DLPACK;
        }
    for (int o = 0; o < c->g->nout; o++) {
        PyObject *t = PyTuple_GET_ITEM(c->outobjs, o);
        if (t != Py_None) {
            first = first ? first : t;
            *dlpack |= px_kind(t) == PX_KIND_DLPACK;
        }
    }
    return first;
}

/* One call of graph i: the outputs (one, or a tuple when single is false
 * or the graph has several), or NULL with the exception set. */
static PyObject *run_graph(PxLibrary *self, int i, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *out, PyObject *stream, PyObject *context, bool interp,
                           bool single)
{
    Call c = {.g = graph_at(self, i), .context = context, .stream_arg = stream};
    if (!c.g)
        return NULL;
    if (nargs != c.g->nin || c.g->nin > PX_MAX_ARGS || c.g->nout > PX_MAX_ARGS)
        return px_raise("graph %s takes %d inputs, got %zd", c.g->name, c.g->nin, nargs);
    if (!(c.outobjs = out_tuple(c.g, out)))
        return NULL;
    PxArg stack[PX_STACK_ARGS];
    int nargs_all = c.g->nin + c.g->nout;
    PxArg *all = nargs_all <= PX_STACK_ARGS ? stack
                                            : PyMem_Calloc((size_t)nargs_all, sizeof(PxArg));
    if (all == stack)
        memset(stack, 0, (size_t)nargs_all * sizeof(PxArg));
    int rc = all ? 0 : (PyErr_NoMemory(), -1);
    if (all) {
        c.ins = all, c.outs = all + c.g->nin;
        bool dlpack;
        c.first = first_tensor(&c, args, &dlpack);
        c.first_kind = c.first ? px_kind(c.first) : PX_KIND_DLPACK;
        /* stream= PyTorch's current stream: what the accessor path
         * launches on anyway, with nothing to order (the DLPack path
         * would export each tensor with stream -1): taken as no stream */
        if (stream != Py_None && c.first_kind == PX_KIND_TORCH &&
            (rc = px_torch_is_current_stream(c.first, stream)) > 0)
            stream = c.stream_arg = Py_None, rc = 0;
        if (rc == 0 && stream != Py_None)
            for (int k = 0; k < nargs_all; k++)
                all[k].flags = PX_NO_FAST_TORCH; /* __dlpack__ orders the given stream */
        if (rc == 0 && (dlpack || stream != Py_None || !c.first))
            rc = ensure_context(&c);
        if (rc == 0)
            rc = call(self, &c, args, interp);
        for (int k = 0; k < nargs_all; k++)
            px_arg_release(&all[k]);
        if (all != stack)
            PyMem_Free(all);
    }
    Py_XDECREF(c.alloc);
    Py_XDECREF(c.stream);
    Py_XDECREF(c.dlstream);
    if (rc < 0)
        Py_CLEAR(c.outobjs);
    if (rc == 0 && single && c.g->nout == 1) {
        PyObject *o = Py_NewRef(PyTuple_GET_ITEM(c.outobjs, 0));
        Py_DECREF(c.outobjs);
        return o;
    }
    return c.outobjs;
}

/* run(i, args, out, stream, context, interp) -> tuple of the outputs */
static PyObject *lib_run(PxLibrary *self, PyObject *a)
{
    int i, interp;
    PyObject *args, *out, *stream, *context;
    if (!PyArg_ParseTuple(a, "iO!OOOp", &i, &PyTuple_Type, &args, &out, &stream, &context,
                          &interp))
        return NULL;
    return run_graph(self, i, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), out, stream,
                     context, interp, false);
}

/* run_world(i, ranks, outs, context, interp) -> list of each rank's
 * outputs (a tuple each): graph i run by len(ranks) simulated ranks at
 * once on CPU tensors, ranks[r] holding rank r's inputs and outs[r] its
 * outputs (None: all allocated).  Every rank is imported and checked
 * (the same sizes on every rank) before anything runs. */
static PyObject *lib_run_world(PxLibrary *self, PyObject *a)
{
    int i, interp;
    PyObject *ranks, *outs, *context;
    if (!PyArg_ParseTuple(a, "iOOOp", &i, &ranks, &outs, &context, &interp))
        return NULL;
    PxGraph *g = graph_at(self, i);
    if (!g)
        return NULL;
    PyObject *rl = PySequence_Fast(ranks, "run_world: the inputs are a sequence with one "
                                          "sequence of inputs per rank");
    if (!rl)
        return NULL;
    Py_ssize_t world = PySequence_Fast_GET_SIZE(rl);
    PyObject *ol = outs == Py_None ? NULL : PySequence_Fast(outs, "run_world: out= is a "
                                                                  "sequence, one per rank");
    if (outs != Py_None && !ol) {
        Py_DECREF(rl);
        return NULL;
    }
    int nall = g->nin + g->nout;
    Call *calls = NULL;
    PxArg *all = NULL;
    PyObject **fast = NULL, *result = NULL;
    int rc = -1;
    if (world < 1 || world > IR_MAX_WORLD) {
        px_raise("graph %s: a simulated world has 1 to %d ranks, got %zd", g->name,
                 IR_MAX_WORLD, world);
        goto done;
    }
    if (ol && PySequence_Fast_GET_SIZE(ol) != world) {
        px_raise("graph %s: out= gives %zd ranks' outputs for a world of %zd", g->name,
                 PySequence_Fast_GET_SIZE(ol), world);
        goto done;
    }
    if (g->nin > PX_MAX_ARGS || g->nout > PX_MAX_ARGS) {
        px_raise("graph %s has too many parameters for a call", g->name);
        goto done;
    }
    if (!(interp ? (const void *)g->ref : (const void *)g->prog)) {
        px_raise("graph %s has no CPU path: it was loaded from a bundle, which holds GPU code "
                 "only; compile the source with sinter.compile() for a simulated world",
                 g->name);
        goto done;
    }
    calls = PyMem_Calloc((size_t)world, sizeof *calls);
    all = PyMem_Calloc((size_t)world * (size_t)(nall ? nall : 1), sizeof *all);
    fast = PyMem_Calloc((size_t)world, sizeof *fast);
    if (!calls || !all || !fast) {
        PyErr_NoMemory();
        goto done;
    }
    rc = 0;
    for (Py_ssize_t r = 0; rc == 0 && r < world; r++) {
        Call *c = &calls[r];
        *c = (Call){.g = g, .context = context, .stream_arg = Py_None,
                    .ins = all + r * g->nin, .outs = all + world * g->nin + r * g->nout};
        rc = -1;
        if (!(fast[r] = PySequence_Fast(PySequence_Fast_ITEMS(rl)[r],
                                        "run_world: each rank's inputs are a sequence")))
            break;
        if (PySequence_Fast_GET_SIZE(fast[r]) != g->nin) {
            px_raise("graph %s takes %d inputs, rank %zd gives %zd", g->name, g->nin, r,
                     PySequence_Fast_GET_SIZE(fast[r]));
            break;
        }
        if (!(c->outobjs = out_tuple(g, ol ? PySequence_Fast_ITEMS(ol)[r] : Py_None)))
            break;
        PyObject *const *args = PySequence_Fast_ITEMS(fast[r]);
        bool dlpack;
        c->first = first_tensor(c, args, &dlpack);
        c->first_kind = c->first ? px_kind(c->first) : PX_KIND_DLPACK;
        if ((dlpack || !c->first) && ensure_context(c) < 0)
            break;
        if (prepare_rank(c, args, interp) < 0) {
            if (world > 1) { /* say which rank */
                PyObject *type, *value, *tb;
                PyErr_Fetch(&type, &value, &tb);
                PyObject *text = value ? PyObject_Str(value) : NULL;
                const char *msg = text ? PyUnicode_AsUTF8(text) : NULL;
                if (msg) {
                    px_raise("rank %zd: %s", r, msg);
                    Py_XDECREF(type);
                    Py_XDECREF(value);
                    Py_XDECREF(tb);
                } else {
                    PyErr_Clear();
                    PyErr_Restore(type, value, tb);
                }
                Py_XDECREF(text);
            }
            break;
        }
        for (int s = 0; r > 0 && s < PX_MAX_SYMS && s < g->nsym; s++)
            if (c->syms[s] != calls[0].syms[s]) {
                px_raise("graph %s: rank %zd has %s = %lld but rank 0 has %lld (every rank "
                         "runs the graph with the same sizes)", g->name, r, g->syms[s],
                         (long long)c->syms[s], (long long)calls[0].syms[s]);
                goto ranks_done;
            }
        rc = 0;
    }
ranks_done:
    if (rc == 0)
        rc = px_run_cpu_world(g, (int)world, all, all + world * g->nin, calls[0].syms, interp);
    if (rc == 0 && (result = PyList_New(world)))
        for (Py_ssize_t r = 0; r < world; r++) {
            PyObject *o = calls[r].outobjs;
            if (g->nout == 1)
            {
                o = Py_NewRef(PyTuple_GET_ITEM(o, 0));
                Py_CLEAR(calls[r].outobjs);
            }
            else
                calls[r].outobjs = NULL;
            PyList_SET_ITEM(result, r, o);
        }
done:
    for (Py_ssize_t k = 0; all && k < world * nall; k++) /* every rank's inputs, then outputs */
        px_arg_release(&all[k]);
    for (Py_ssize_t r = 0; calls && r < world; r++) {
        Py_XDECREF(calls[r].outobjs);
        Py_XDECREF(calls[r].alloc);
        Py_XDECREF(calls[r].stream);
        Py_XDECREF(calls[r].dlstream);
        if (fast)
            Py_XDECREF(fast[r]);
    }
    PyMem_Free(calls);
    PyMem_Free(all);
    PyMem_Free(fast);
    Py_DECREF(rl);
    Py_XDECREF(ol);
    return result;
}

/* set_comm(i, comm): the communicator (an ncclComm_t as an int, or None)
 * for graph i's collectives, given to the device graph now if the
 * library is loaded, else when it is; nothing is loaded here, so it works
 * without a GPU. */
static PyObject *lib_set_comm(PxLibrary *self, PyObject *a)
{
    int i;
    PyObject *comm;
    if (!PyArg_ParseTuple(a, "iO", &i, &comm))
        return NULL;
    PxGraph *g = graph_at(self, i);
    if (!g)
        return NULL;
    void *ptr = NULL;
    if (comm != Py_None) {
        if (!PyLong_Check(comm) || PyBool_Check(comm))
            return px_raise("a communicator is an ncclComm_t as an int, or None");
        ptr = PyLong_AsVoidPtr(comm);
        if (!ptr && PyErr_Occurred()) {
            PyErr_Clear();
            return px_raise("a communicator is a pointer value (0 < comm < 2**%d)",
                            (int)(8 * sizeof ptr));
        }
        if (!ptr)
            return px_raise("communicator 0 is the null pointer; None clears it");
    }
    if (g->dev && sn_graph_set_comm(g->dev, ptr) != SN_OK)
        return px_raise("%s", sn_last_error());
    g->comm = ptr;
    Py_RETURN_NONE;
}

/* comm(i): graph i's communicator as an int, or None */
static PyObject *lib_comm(PxLibrary *self, PyObject *arg)
{
    PxGraph *g = graph_at(self, (int)PyLong_AsLong(arg));
    if (!g)
        return NULL;
    if (!g->comm)
        Py_RETURN_NONE;
    return PyLong_FromVoidPtr(g->comm);
}

/* num_collectives(i): graph i's all_reduce steps (0: it needs no communicator) */
static PyObject *lib_num_collectives(PxLibrary *self, PyObject *arg)
{
    PxGraph *g = graph_at(self, (int)PyLong_AsLong(arg));
    return g ? PyLong_FromLong(sn_graph_num_collectives(g->sig)) : NULL;
}

/* set_pdl(i, on): sn_graph_set_pdl on graph i (loaded onto the GPU first) */
static PyObject *lib_set_pdl(PxLibrary *self, PyObject *a)
{
    int i, on;
    if (!PyArg_ParseTuple(a, "ip", &i, &on))
        return NULL;
    PxGraph *g = graph_at(self, i);
    if (!g || load_device(self) < 0)
        return NULL;
    if (sn_graph_set_pdl(g->dev, on) != SN_OK)
        return px_raise("%s", sn_last_error());
    Py_RETURN_NONE;
}

static PyMethodDef lib_methods[] = {
    {"graph_names", (PyCFunction)lib_graph_names, METH_NOARGS, "the graphs' names, in order"},
    {"signature", (PyCFunction)lib_signature, METH_O,
     "signature(i) -> (name, symbols, inputs, outputs, has_cpu_path)"},
    {"source", (PyCFunction)lib_source, METH_VARARGS, "source(i, hip) -> str or None"},
    {"bundle", (PyCFunction)lib_bundle, METH_NOARGS, "the bundle's bytes"},
    {"load_device", (PyCFunction)lib_load_device, METH_NOARGS,
     "load the bundle onto the GPU now (else at the first call on GPU tensors)"},
    {"run", (PyCFunction)lib_run, METH_VARARGS,
     "run(i, args, out, stream, context, interp) -> tuple of outputs"},
    {"run_world", (PyCFunction)lib_run_world, METH_VARARGS,
     "run_world(i, ranks, outs, context, interp) -> list of each rank's outputs"},
    {"set_comm", (PyCFunction)lib_set_comm, METH_VARARGS,
     "set_comm(i, comm): graph i's communicator (an int pointer, or None)"},
    {"comm", (PyCFunction)lib_comm, METH_O, "comm(i): graph i's communicator (int) or None"},
    {"num_collectives", (PyCFunction)lib_num_collectives, METH_O,
     "num_collectives(i): graph i's all_reduce steps"},
    {"set_pdl", (PyCFunction)lib_set_pdl, METH_VARARGS,
     "set_pdl(i, on): programmatic dependent launch for graph i's first kernel"},
    {NULL, NULL, 0, NULL},
};

static PyObject *lib_origin(PxLibrary *self, void *unused)
{
    return Py_NewRef(self->origin);
}

static PyGetSetDef lib_getset[] = {
    {"origin", (getter)lib_origin, NULL, "where the library came from", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PxLibraryType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "sinter._sinter.Library",
    .tp_basicsize = sizeof(PxLibrary),
    .tp_dealloc = (destructor)lib_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "compiled graphs (use sinter.compile / sinter.load)",
    .tp_methods = lib_methods,
    .tp_getset = lib_getset,
};

/* ------------------------------------------------------- Graph objects */

void px_set_context(PyObject *fn)
{
    Py_XSETREF(px_context, Py_NewRef(fn));
}

typedef struct {
    PyObject_HEAD
    PxLibrary *lib;
    int index;
    vectorcallfunc vectorcall;
} PxGraphObj;

static PyObject *px_graph_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                                     PyObject *kwnames);

static PyObject *graph_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PxLibrary *lib;
    int index;
    if (!PyArg_ParseTuple(args, "O!i", &PxLibraryType, &lib, &index) ||
        !graph_at(lib, index))
        return NULL;
    PxGraphObj *self = (PxGraphObj *)type->tp_alloc(type, 0);
    if (!self)
        return NULL;
    self->lib = (PxLibrary *)Py_NewRef(lib);
    self->index = index;
    self->vectorcall = px_graph_vectorcall;
    return (PyObject *)self;
}

static int graph_traverse(PxGraphObj *self, visitproc visit, void *arg)
{
    Py_VISIT(self->lib); /* a heap subclass's type: subtype_traverse visits it */
    return 0;
}

static int graph_clear(PxGraphObj *self)
{
    Py_CLEAR(self->lib);
    return 0;
}

/* A heap subclass's instance comes here through subtype_dealloc, which
 * releases the reference to its type. */
static void graph_dealloc(PxGraphObj *self)
{
    PyObject_GC_UnTrack(self);
    graph_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* graph(*inputs, out=None, stream=None) */
static PyObject *px_graph_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                              PyObject *kwnames)
{
    PxGraphObj *self = (PxGraphObj *)callable;
    PyObject *out = Py_None, *stream = Py_None;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    for (Py_ssize_t k = 0; kwnames && k < PyTuple_GET_SIZE(kwnames); k++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, k), *value = args[nargs + k];
        if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "out") == 0)
            out = value;
        else if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "stream") == 0)
            stream = value;
        else
            return PyErr_Format(PyExc_TypeError, "graph %s() got an unexpected keyword "
                                "argument %R (its keywords: out, stream)",
                                self->lib->graphs[self->index].name, name);
    }
    return run_graph(self->lib, self->index, args, nargs, out, stream, px_context, false, true);
}

static PyObject *graph_get_library(PxGraphObj *self, void *unused)
{
    return Py_NewRef((PyObject *)self->lib);
}

static PyObject *graph_get_index(PxGraphObj *self, void *unused)
{
    return PyLong_FromLong(self->index);
}

static PyGetSetDef graph_getset[] = {
    {"_core", (getter)graph_get_library, NULL, "the _sinter.Library", NULL},
    {"_index", (getter)graph_get_index, NULL, "the graph's index in it", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PxGraphType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "sinter._sinter.Graph",
    .tp_basicsize = sizeof(PxGraphObj),
    .tp_dealloc = (destructor)graph_dealloc,
    .tp_vectorcall_offset = offsetof(PxGraphObj, vectorcall),
    .tp_call = PyVectorcall_Call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "graph(*inputs, out=None, stream=None): one graph of a Library",
    .tp_traverse = (traverseproc)graph_traverse,
    .tp_clear = (inquiry)graph_clear,
    .tp_new = graph_new,
    .tp_getset = graph_getset,
};
