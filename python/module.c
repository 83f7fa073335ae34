/* module.c - the module sinter._sinter: compile(), load(), the dtype
 * table, conversions between values and narrow storage, sinter.Error. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtype.h"
#include "sinter_ext.h"

PyObject *px_error;

PyObject *px_raise(const char *fmt, ...)
{
    char buf[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    size_t n = strlen(buf);
    while (n && buf[n - 1] == '\n') /* diagnostics end in a newline */
        buf[--n] = '\0';
    PyErr_SetString(px_error, buf);
    return NULL;
}

/* The runtime's dtype numbering is the compiler's (sinter.h). */
const char *px_dtype_name(int dtype)
{
    return dtype >= 0 && dtype < DT_COUNT ? dt_name((DType)dtype) : "?";
}

int px_dtype_size(int dtype)
{
    return dtype >= 0 && dtype < DT_COUNT ? dt_size((DType)dtype) : 0;
}

int64_t px_dtype_bytes(int dtype, int64_t n)
{
    return dtype >= 0 && dtype < DT_COUNT ? dt_bytes((DType)dtype, n) : 0;
}

int px_dtype_parse(PyObject *name)
{
    const char *s = PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : NULL;
    DType t;
    if (s && dt_parse(s, &t))
        return (int)t;
    if (!PyErr_Occurred())
        px_raise("not a sinter dtype: %R (dtypes: f32 f16 bf16 f8e4m3 f8e4m3fnuz f8e5m2 "
                 "f8e5m2fnuz i8 i32 i64 bool u8 u16 u32 i16)", name);
    return -1;
}

/* compile(text, name, targets, precompile=False) -> Library */
static PyObject *mod_compile(PyObject *self, PyObject *args)
{
    const char *text, *name;
    Py_ssize_t len;
    PyObject *targets;
    int precompile = 0;
    if (!PyArg_ParseTuple(args, "s#sO|p", &text, &len, &name, &targets, &precompile))
        return NULL;
    PyObject *seq = PySequence_Fast(targets, "targets must be a sequence of strings");
    if (!seq)
        return NULL;
    const char *specs[16];
    int n = (int)PySequence_Fast_GET_SIZE(seq);
    for (int i = 0; i < n && i < 16; i++)
        if (!(specs[i] = PyUnicode_AsUTF8(PySequence_Fast_GET_ITEM(seq, i)))) {
            Py_DECREF(seq);
            return NULL;
        }
    Arena *a = arena_new();
    PxCompiled c;
    PyObject *lib = NULL;
    if (px_compile(name, text, (size_t)len, specs, n, precompile, a, &c) == 0)
        lib = px_library_new(c.bytes, c.size, &c, a, PyTuple_GET_ITEM(args, 1));
    else
        arena_free(a);
    Py_DECREF(seq);
    return lib;
}

/* load(bytes, origin) -> Library */
static PyObject *mod_load(PyObject *self, PyObject *args)
{
    const char *bytes;
    Py_ssize_t len;
    PyObject *origin;
    if (!PyArg_ParseTuple(args, "y#U", &bytes, &len, &origin))
        return NULL;
    unsigned char *copy = malloc(len ? (size_t)len : 1);
    if (!copy)
        return PyErr_NoMemory();
    memcpy(copy, bytes, (size_t)len);
    return px_library_new(copy, (size_t)len, NULL, arena_new(), origin);
}

/* A dense CPU tensor's elements as values: f32 for float dtypes, i64 for
 * the others.  convert(storage, dtype, to_values) reads storage of dtype
 * (any layout) into dense values; with to_values false it reads dense f32
 * values and returns dtype storage, each value rounded to dtype. */
static PyObject *mod_convert(PyObject *self, PyObject *args)
{
    PyObject *obj, *dname;
    int to_values;
    if (!PyArg_ParseTuple(args, "OOp", &obj, &dname, &to_values))
        return NULL;
    int dt = px_dtype_parse(dname);
    if (dt < 0)
        return NULL;
    PxParam p = {.name = "tensor", .dtype = to_values ? dt : DT_F32, .rank = -1};
    PxArg a;
    if (px_arg_import(obj, &p, "input", Py_None, &a) < 0)
        return NULL;
    PyObject *res = NULL;
    if (a.device != PX_CPU) {
        px_raise("convert: a CPU tensor is needed");
    } else if ((int)a.t.dtype != p.dtype) {
        px_raise("convert: expected %s storage, got %s", px_dtype_name(p.dtype),
                 px_dtype_name((int)a.t.dtype));
    } else {
        int64_t n = 1;
        for (int k = 0; k < a.t.rank; k++)
            n *= a.shape[k];
        int64_t bytes = to_values ? n * (dt_is_float((DType)dt) ? 4 : 8)
                                  : px_dtype_bytes(dt, n); /* f4e2m1: packed */
        res = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)bytes);
        if (res && bytes)
            memset(PyBytes_AS_STRING(res), 0, (size_t)bytes);
        if (res)
            px_convert(&a, dt, to_values, PyBytes_AS_STRING(res));
    }
    px_arg_release(&a);
    return res;
}

static PyObject *mod_set_fallback(PyObject *self, PyObject *fn)
{
    Py_XSETREF(px_fallback, Py_NewRef(fn));
    Py_RETURN_NONE;
}

static PyObject *mod_set_context(PyObject *self, PyObject *fn)
{
    px_set_context(fn);
    Py_RETURN_NONE;
}

/* set_torch(Tensor type, {dtype: DLPack code << 8 | bits}, (torch dtype
 * per sinter dtype), raw_stream(device) or None, DLPack device type[,
 * (empty_strided_cpu, empty_strided_gpu, current_device), each or None]),
 * or set_torch(None) */
static PyObject *mod_set_torch(PyObject *self, PyObject *args)
{
    PyObject *type, *dtypes = Py_None, *by_sinter = Py_None, *stream = Py_None, *empty = Py_None;
    int device = 2;
    if (!PyArg_ParseTuple(args, "O|OOOiO", &type, &dtypes, &by_sinter, &stream, &device,
                          &empty) ||
        px_set_torch(type, dtypes, by_sinter, stream, device, empty) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"set_context", mod_set_context, METH_O,
     "set_context(fn): fn(first tensor, stream) -> (allocator, stream[, dlpack stream])"},
    {"set_torch", mod_set_torch, METH_VARARGS,
     "set_torch(Tensor, dtypes, by_sinter, raw_stream, device) or set_torch(None): "
     "read these tensors through their accessors"},
    {"compile", mod_compile, METH_VARARGS,
     "compile(text, name, targets, precompile=False) -> Library"},
    {"load", mod_load, METH_VARARGS, "load(bundle_bytes, origin) -> Library"},
    {"convert", mod_convert, METH_VARARGS,
     "convert(tensor, dtype, to_values) -> bytes: storage <-> dense values"},
    {"set_fallback", mod_set_fallback, METH_O,
     "set_fallback(fn): fn(tensor) -> sinter.Tensor or None, for a failed __dlpack__"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_sinter",
    "sinter's compiler, runtime and CPU executor (use the package `sinter`)", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__sinter(void);
PyMODINIT_FUNC PyInit__sinter(void)
{
    PyObject *m = PyModule_Create(&module);
    if (!m || PyType_Ready(&PxLibraryType) < 0 || PyType_Ready(&PxGraphType) < 0)
        return NULL;
    PyObject *bases = PyTuple_Pack(2, PyExc_RuntimeError, PyExc_ValueError);
    px_error = bases ? PyErr_NewExceptionWithDoc(
                           "sinter.Error",
                           "A sinter error: the compiler's diagnostics or the runtime's message.",
                           bases, NULL)
                     : NULL;
    Py_XDECREF(bases);
    PyObject *names = PyTuple_New(DT_COUNT);
    for (int i = 0; names && i < DT_COUNT; i++)
        PyTuple_SET_ITEM(names, i, PyUnicode_FromString(dt_name((DType)i)));
    if (!px_error || !names || PyModule_AddObjectRef(m, "Error", px_error) < 0 ||
        PyModule_AddObject(m, "dtypes", names) < 0 ||
        PyModule_AddObjectRef(m, "Library", (PyObject *)&PxLibraryType) < 0 ||
        PyModule_AddObjectRef(m, "Graph", (PyObject *)&PxGraphType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
