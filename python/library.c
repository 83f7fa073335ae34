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
    for (int i = 0; i < self->ngraph; i++)
        self->graphs[i].dev = sn_bundle_graph(b, self->graphs[i].name);
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

typedef struct {
    PxGraph *g;
    PxArg *ins, *outs;
    PyObject *outobjs;         /* tuple of the outputs, returned */
    PyObject *alloc, *stream;  /* from the context callback: the allocator, the launch stream */
    PyObject *dlstream;        /* and the stream __dlpack__ is given */
    int device, device_id;     /* of the first tensor; 0 before one is seen */
    const char *first;         /* its name */
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
        c->device = a->device, c->device_id = a->device_id, c->first = name;
        return 0;
    }
    if (a->device == c->device &&
        (a->device_id == c->device_id || a->device_id < 0 || c->device_id < 0))
        return 0;
    char here[32], there[32];
    px_raise("%s '%s' is on %s but '%s' is on %s", role, name, device_text(a, here),
             c->first, device_text(&(PxArg){.device = c->device, .device_id = c->device_id},
                                   there));
    return -1;
}

/* The context callback, called with the first tensor given (an input, or
 * else an output): (allocator or None, launch stream or None[, stream for
 * __dlpack__]).  The third defaults to the launch stream; PyTorch's gets
 * -1 when the launch stream is its current one (no cross-stream sync: a
 * torch.cuda.ExternalStream of the current stream's handle compares
 * unequal to it, and each export would record and wait on an event). */
static int get_context(Call *c, PyObject *args, PyObject *out, PyObject *stream,
                       PyObject *context)
{
    PyObject *first = NULL;
    for (int i = 0; i < c->g->nin && !first; i++)
        if (c->g->ins[i].rank)
            first = PyTuple_GET_ITEM(args, i);
    for (int o = 0; o < c->g->nout && !first; o++)
        if (PyTuple_GET_ITEM(out, o) != Py_None)
            first = PyTuple_GET_ITEM(out, o);
    PyObject *r = PyObject_CallFunctionObjArgs(context, first ? first : Py_None, stream, NULL);
    if (!r)
        return -1;
    c->dlstream = NULL;
    int ok = PyArg_ParseTuple(r, "OO|O", &c->alloc, &c->stream, &c->dlstream);
    if (!c->dlstream)
        c->dlstream = c->stream;
    Py_XINCREF(c->alloc);
    Py_XINCREF(c->stream);
    Py_XINCREF(c->dlstream);
    Py_DECREF(r);
    return ok ? 0 : -1;
}

static void bind_symbols(Call *c)
{
    for (int s = 0; s < PX_MAX_SYMS; s++)
        c->syms[s] = -1;
    for (int i = 0; i < c->g->nin; i++)
        for (int k = 0; k < c->g->ins[i].rank; k++) {
            const PxDim *d = &c->g->ins[i].dims[k];
            if (d->nsym == 1 && c->syms[d->syms[0]] < 0)
                c->syms[d->syms[0]] = c->ins[i].shape[k] / d->coef;
        }
}

static int64_t dim_value(const Call *c, const PxDim *d)
{
    int64_t v = d->coef;
    for (int s = 0; s < d->nsym; s++)
        v *= c->syms[d->syms[s]];
    return v;
}

/* A new tensor from the allocator: alloc(shape, dtype). */
static PyObject *allocate(Call *c, int rank, const int64_t *shape, int dtype, const char *what)
{
    if (!c->alloc || c->alloc == Py_None)
        return px_raise("%s: no allocator for these tensors; pass out=", what);
    PyObject *t = PyTuple_New(rank);
    for (int k = 0; t && k < rank; k++)
        PyTuple_SET_ITEM(t, k, PyLong_FromLongLong(shape[k]));
    PyObject *r = t ? PyObject_CallFunction(c->alloc, "Ns", t, px_dtype_name(dtype)) : NULL;
    return r;
}

static int import_inputs(Call *c, PyObject *args)
{
    for (int i = 0; i < c->g->nin; i++) {
        const PxParam *p = &c->g->ins[i];
        if (px_arg_import(PyTuple_GET_ITEM(args, i), p, "input", c->dlstream, &c->ins[i]) < 0 ||
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
        if (px_arg_import(obj, p, "output", c->dlstream, &c->outs[o]) < 0 ||
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
        *hi = (char *)a->t.data + (last + 1) * px_dtype_size((int)a->t.dtype);
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

static int run_cpu(Call *c, bool interp)
{
    if (check_written_overlap(c) < 0)
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

static int run_device(PxLibrary *self, Call *c, size_t workspace)
{
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
                      px_arg_import(wobj, &wp, "output", c->dlstream, &ws) < 0)) {
        Py_XDECREF(wobj);
        return -1;
    }
    void *stream = c->stream != Py_None ? PyLong_AsVoidPtr(c->stream) : NULL;
    sn_status s = PyErr_Occurred() ? SN_ERR_INVALID
                                   : sn_launch(c->g->dev, ins, c->g->nin, outs, c->g->nout,
                                               ws.t.data, workspace, stream);
    px_arg_release(&ws);
    Py_XDECREF(wobj);
    if (PyErr_Occurred())
        return -1;
    return s == SN_OK ? 0 : (px_raise("%s", sn_last_error()), -1);
}

static int call(PxLibrary *self, Call *c, PyObject *args, bool interp)
{
    size_t workspace = 0;
    if (import_inputs(c, args) < 0)
        return -1;
    sn_tensor ts[PX_MAX_ARGS];
    for (int i = 0; i < c->g->nin; i++)
        ts[i] = c->ins[i].t;
    if (sn_graph_workspace_size(c->g->sig, ts, c->g->nin, &workspace) != SN_OK)
        return px_raise("%s", sn_last_error()), -1;
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

/* run(i, args, out, stream, context, interp) -> tuple of the outputs */
static PyObject *lib_run(PxLibrary *self, PyObject *a)
{
    int i, interp;
    PyObject *args, *out, *stream, *context;
    if (!PyArg_ParseTuple(a, "iO!OOOp", &i, &PyTuple_Type, &args, &out, &stream, &context,
                          &interp))
        return NULL;
    Call c = {.g = graph_at(self, i)};
    if (!c.g)
        return NULL;
    if (PyTuple_GET_SIZE(args) != c.g->nin || c.g->nin > PX_MAX_ARGS || c.g->nout > PX_MAX_ARGS)
        return px_raise("graph %s takes %d inputs, got %zd", c.g->name, c.g->nin,
                        PyTuple_GET_SIZE(args));
    if (!(c.outobjs = out_tuple(c.g, out)))
        return NULL;
    c.ins = PyMem_Calloc((size_t)c.g->nin + 1, sizeof(PxArg));
    c.outs = PyMem_Calloc((size_t)c.g->nout + 1, sizeof(PxArg));
    int rc = !c.ins || !c.outs ? (PyErr_NoMemory(), -1)
                               : get_context(&c, args, c.outobjs, stream, context);
    if (rc == 0)
        rc = call(self, &c, args, interp);
    for (int k = 0; c.ins && k < c.g->nin; k++)
        px_arg_release(&c.ins[k]);
    for (int k = 0; c.outs && k < c.g->nout; k++)
        px_arg_release(&c.outs[k]);
    PyMem_Free(c.ins);
    PyMem_Free(c.outs);
    Py_XDECREF(c.alloc);
    Py_XDECREF(c.stream);
    Py_XDECREF(c.dlstream);
    if (rc < 0)
        Py_CLEAR(c.outobjs);
    return c.outobjs;
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
