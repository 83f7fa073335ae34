/* tensor.c - tensors in, without a copy: DLPack capsules ("dltensor",
 * DLPack 0.x's DLManagedTensor, and "dltensor_versioned", 1.x's
 * DLManagedTensorVersioned), the CUDA array interface, sinter.Tensor
 * (a (storage, dtype) tuple reinterpreting raw storage bits as a narrow
 * float), and Python numbers for rank-0 inputs.
 *
 * A capsule is not consumed: it is held until px_arg_release and then
 * dropped, so the producer's capsule destructor frees the tensor (the
 * DLPack protocol's path for a capsule that was never renamed). */
#include <string.h>

#include <dlpack/dlpack.h>

#include "sinter_ext.h"

PyObject *px_fallback;

/* DLPack 1.x (dlpack.h 1.0+), defined here because Debian ships 0.6:
 * the versioned managed tensor puts the version and flags before the
 * DLTensor.  Only major version 1 is read. */
typedef struct {
    uint32_t major, minor;
} PxDLPackVersion;

typedef struct PxDLManagedTensorVersioned {
    PxDLPackVersion version;
    void *manager_ctx;
    void (*deleter)(struct PxDLManagedTensorVersioned *self);
    uint64_t flags;
    DLTensor dl_tensor;
} PxDLManagedTensorVersioned;

#define PX_DLPACK_READ_ONLY 1u
/* DLPack 1.1 type codes beyond 0.6's */
enum { PX_DL_BOOL = 6, PX_DL_F8E4M3FN = 10, PX_DL_F8E4M3FNUZ = 11, PX_DL_F8E5M2 = 12,
       PX_DL_F8E5M2FNUZ = 13 };

static int arg_error(const PxParam *p, const char *role, const char *fmt, PyObject *o)
{
    char msg[512];
    snprintf(msg, sizeof msg, "%s '%s': %s", role, p->name, fmt);
    PyErr_Format(px_error, msg, o);
    return -1;
}

/* The sinter dtype of a DLPack dtype, or -1. */
static int dl_dtype(DLDataType t)
{
    if (t.lanes != 1)
        return -1;
    switch (t.code) {
    case kDLFloat: return t.bits == 32 ? SN_F32 : t.bits == 16 ? SN_F16 : -1;
    case kDLBfloat: return t.bits == 16 ? SN_BF16 : -1;
    case kDLInt:
        return t.bits == 8 ? SN_I8 : t.bits == 16 ? SN_I16 : t.bits == 32 ? SN_I32
             : t.bits == 64 ? SN_I64 : -1;
    case kDLUInt: return t.bits == 8 ? SN_U8 : t.bits == 16 ? SN_U16 : t.bits == 32 ? SN_U32 : -1;
    case PX_DL_BOOL: return t.bits == 8 ? SN_BOOL : -1;
    case PX_DL_F8E4M3FN: return t.bits == 8 ? SN_F8E4M3 : -1;
    case PX_DL_F8E4M3FNUZ: return t.bits == 8 ? SN_F8E4M3FNUZ : -1;
    case PX_DL_F8E5M2: return t.bits == 8 ? SN_F8E5M2 : -1;
    case PX_DL_F8E5M2FNUZ: return t.bits == 8 ? SN_F8E5M2FNUZ : -1;
    default: return -1;
    }
}

static const char *dl_name(DLDataType t, char *buf, size_t len)
{
    static const char *const codes[] = {"int", "uint", "float", "handle", "bfloat", "complex",
                                        "bool"};
    if (t.code < sizeof codes / sizeof codes[0])
        snprintf(buf, len, "%s%u%s", codes[t.code], t.bits, t.lanes != 1 ? "xN" : "");
    else
        snprintf(buf, len, "DLPack type code %u (%u bits)", t.code, t.bits);
    return buf;
}

/* The dtype of a tensor whose DLPack dtype is t, reinterpreted as `as`
 * (-1: not reinterpreted): raw storage of the same width (int or uint
 * codes) or the dtype itself. */
static int pick_dtype(DLDataType t, int as, const PxParam *p, const char *role)
{
    int dt = dl_dtype(t);
    char name[64];
    if (as < 0 && dt >= 0)
        return dt;
    if (as >= 0 && (dt == as || ((t.code == kDLUInt || t.code == kDLInt) && t.lanes == 1 &&
                                 t.bits == 8 * px_dtype_size(as))))
        return as;
    PyObject *s = PyUnicode_FromString(dl_name(t, name, sizeof name));
    if (as >= 0)
        arg_error(p, role, "sinter.Tensor storage of %U cannot hold this dtype", s);
    else
        arg_error(p, role, "got %U, not a sinter dtype (raw storage bits of a narrow float: "
                  "wrap them as sinter.Tensor(storage, dtype))", s);
    Py_XDECREF(s);
    return -1;
}

static int from_dltensor(const DLTensor *d, int as, const PxParam *p, const char *role,
                         PxArg *a)
{
    if (d->ndim < 0 || d->ndim > PX_MAX_RANK)
        return px_raise("%s '%s': rank %d is more than sinter's %d", role, p->name, d->ndim,
                        PX_MAX_RANK), -1;
    int dt = pick_dtype(d->dtype, as, p, role);
    if (dt < 0)
        return -1;
    a->t.dtype = (sn_dtype)dt;
    a->t.rank = d->ndim;
    a->t.data = (char *)d->data + d->byte_offset;
    /* pinned host memory (PyTorch's pinned CPU tensors) is host memory */
    a->device = d->device.device_type == kDLCUDAHost ? PX_CPU : (int)d->device.device_type;
    a->device_id = d->device.device_type == kDLCUDAHost ? 0 : d->device.device_id;
    int64_t dense = 1;
    for (int k = d->ndim - 1; k >= 0; k--) {
        a->shape[k] = d->shape[k];
        a->strides[k] = d->strides ? d->strides[k] : dense;
        dense *= d->shape[k];
    }
    a->t.shape = a->shape;
    a->t.strides = a->strides;
    if (dt == SN_F4E2M1) { /* bytes of two codes: the last dim halved (docs/python.md) */
        if (d->ndim == 0 || (a->shape[d->ndim - 1] > 1 && a->strides[d->ndim - 1] != 1))
            return px_raise("%s '%s': f4e2m1 storage is bytes of two codes, its last dim "
                            "contiguous (stride 1) and halved", role, p->name), -1;
        a->shape[d->ndim - 1] *= 2;
        a->strides[d->ndim - 1] = 1;
        for (int k = 0; k < d->ndim - 1; k++)
            a->strides[k] *= 2;
    }
    return 0;
}

/* Types whose __dlpack__ takes no max_version (NumPy < 2.1): asked
 * without it from then on, sparing an exception per tensor. */
static PyObject *unversioned;
static PyObject *s_dlpack, *s_dlpack_device, *kw_stream, *kw_stream_version, *version_1_1;

/* Interned names and argument tuples, made once. */
static int names_ready(void)
{
    if (version_1_1)
        return 0;
    if (!(s_dlpack = PyUnicode_InternFromString("__dlpack__")) ||
        !(s_dlpack_device = PyUnicode_InternFromString("__dlpack_device__")) ||
        !(kw_stream = Py_BuildValue("(s)", "stream")) ||
        !(kw_stream_version = Py_BuildValue("(ss)", "stream", "max_version")) ||
        !(unversioned = PySet_New(NULL)) || !(version_1_1 = Py_BuildValue("(ii)", 1, 1)))
        return -1;
    return 0;
}

/* __dlpack__(stream=..., max_version=(1, 1)), or without max_version for
 * a producer that predates it. */
static PyObject *call_dlpack(PyObject *obj, PyObject *stream)
{
    PyObject *type = (PyObject *)Py_TYPE(obj);
    int old = PySet_Contains(unversioned, type);
    if (old < 0)
        return NULL;
    PyObject *argv[3] = {obj, stream, version_1_1};
    size_t nargs = 1 | PY_VECTORCALL_ARGUMENTS_OFFSET;
    PyObject *cap = PyObject_VectorcallMethod(s_dlpack, argv, nargs,
                                              old ? kw_stream : kw_stream_version);
    if (!cap && !old && PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyErr_Clear();
        if ((cap = PyObject_VectorcallMethod(s_dlpack, argv, nargs, kw_stream)) &&
            PySet_Add(unversioned, type) < 0)
            Py_CLEAR(cap);
    }
    return cap;
}

/* The stream argument of __dlpack__ for a tensor on `device`: None on
 * the CPU; else the launch stream, or the default stream's DLPack code
 * (CUDA 1, ROCm 0) when none was given. */
static PyObject *dlpack_stream(int device, PyObject *stream)
{
    if (device == PX_CPU || device == kDLCUDAHost)
        Py_RETURN_NONE;
    if (stream != Py_None)
        return Py_NewRef(stream);
    return PyLong_FromLong(device == PX_ROCM ? 0 : 1);
}

static int device_of(PyObject *obj, int *type)
{
    PyObject *dev = PyObject_CallMethodNoArgs(obj, s_dlpack_device);
    if (!dev)
        return -1;
    int ok = PyArg_ParseTuple(dev, "i|i", type, &(int){0});
    Py_DECREF(dev);
    return ok ? 0 : -1;
}

static int import_capsule(PyObject *cap, int as, const PxParam *p, const char *role, PxArg *a)
{
    a->keep = cap;
    if (PyCapsule_IsValid(cap, "dltensor_versioned")) {
        PxDLManagedTensorVersioned *m = PyCapsule_GetPointer(cap, "dltensor_versioned");
        if (m->version.major != 1)
            return px_raise("%s '%s': DLPack major version %u is not supported", role, p->name,
                            m->version.major), -1;
        a->readonly = (m->flags & PX_DLPACK_READ_ONLY) != 0;
        return from_dltensor(&m->dl_tensor, as, p, role, a);
    }
    if (PyCapsule_IsValid(cap, "dltensor"))
        return from_dltensor(&((DLManagedTensor *)PyCapsule_GetPointer(cap, "dltensor"))->dl_tensor,
                             as, p, role, a);
    return arg_error(p, role, "__dlpack__ returned %R, not a DLPack capsule", cap);
}

static int import_dlpack(PyObject *obj, int as, const PxParam *p, const char *role,
                         PyObject *stream, PxArg *a)
{
    int device;
    if (device_of(obj, &device) < 0)
        return -1;
    PyObject *s = dlpack_stream(device, stream);
    PyObject *cap = s ? call_dlpack(obj, s) : NULL;
    Py_XDECREF(s);
    if (!cap && as < 0 && px_fallback) {
        /* e.g. a float8 tensor of a framework that cannot export it */
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyObject *alt = PyObject_CallOneArg(px_fallback, obj);
        if (alt && alt != Py_None) {
            Py_XDECREF(type), Py_XDECREF(value), Py_XDECREF(tb);
            int rc = px_arg_import(alt, p, role, stream, a);
            Py_DECREF(alt);
            return rc;
        }
        Py_XDECREF(alt);
        PyErr_Restore(type, value, tb);
    }
    return cap ? import_capsule(cap, as, p, role, a) : -1;
}

/* __cuda_array_interface__ (version 2 or 3): typestr of a sinter dtype,
 * strides in bytes or None.  Its `stream` entry is not waited on. */
static int import_cai(PyObject *cai, int as, const PxParam *p, const char *role, PxArg *a)
{
    static const struct { const char *typestr; DLDataType dl; } types[] = {
        {"<f4", {kDLFloat, 32, 1}}, {"<f2", {kDLFloat, 16, 1}}, {"|i1", {kDLInt, 8, 1}},
        {"<i4", {kDLInt, 32, 1}}, {"<i8", {kDLInt, 64, 1}}, {"|b1", {PX_DL_BOOL, 8, 1}},
        {"|u1", {kDLUInt, 8, 1}}, {"<u2", {kDLUInt, 16, 1}}};
    PyObject *shape = PyDict_GetItemString(cai, "shape");
    PyObject *typestr = PyDict_GetItemString(cai, "typestr");
    PyObject *data = PyDict_GetItemString(cai, "data");
    PyObject *strides = PyDict_GetItemString(cai, "strides");
    const char *ts = typestr && PyUnicode_Check(typestr) ? PyUnicode_AsUTF8(typestr) : NULL;
    if (!shape || !ts || !data || !PyTuple_Check(shape) || !PyTuple_Check(data))
        return arg_error(p, role, "malformed __cuda_array_interface__: %R", cai);
    DLTensor d = {.device = {kDLCUDA, -1}, .ndim = (int32_t)PyTuple_GET_SIZE(shape)};
    int64_t sh[PX_MAX_RANK], st[PX_MAX_RANK];
    size_t k = 0;
    while (k < sizeof types / sizeof types[0] && strcmp(types[k].typestr, ts) != 0)
        k++;
    if (k == sizeof types / sizeof types[0])
        return arg_error(p, role, "__cuda_array_interface__ typestr %R is not a sinter dtype",
                         typestr);
    d.dtype = types[k].dl;
    if (d.ndim > PX_MAX_RANK)
        return px_raise("%s '%s': rank %d is more than sinter's %d", role, p->name, d.ndim,
                        PX_MAX_RANK), -1;
    d.data = PyLong_AsVoidPtr(PyTuple_GET_ITEM(data, 0));
    a->readonly = PyTuple_GET_SIZE(data) > 1 && PyObject_IsTrue(PyTuple_GET_ITEM(data, 1)) == 1;
    for (int i = 0; i < d.ndim; i++) {
        sh[i] = PyLong_AsLongLong(PyTuple_GET_ITEM(shape, i));
        if (strides && strides != Py_None)
            st[i] = PyLong_AsLongLong(PyTuple_GET_ITEM(strides, i)) / (d.dtype.bits / 8);
    }
    if (PyErr_Occurred())
        return -1;
    d.shape = sh;
    d.strides = strides && strides != Py_None ? st : NULL;
    return from_dltensor(&d, as, p, role, a);
}

/* ---- fast paths: PyTorch tensors read through their accessors, and
 * CPU arrays through the buffer protocol, instead of a DLPack capsule per
 * tensor (docs/python.md, "Host overhead").  Each falls back to the
 * DLPack path for anything it does not read exactly. */

/* The registered PyTorch: its exact tensor type (subclasses take the
 * DLPack path), {torch dtype: DLPack code << 8 | bits}, the sinter dtype's
 * torch dtype (a tuple), the DLPack device type of its GPU tensors. */
static PyTypeObject *torch_type;
static PyObject *torch_dtypes, *torch_by_sinter, *torch_stream;
/* empty_strided(size, stride, dtype) for CPU and for the current GPU
 * (torch._C._dynamo.guards': what Inductor's generated code allocates
 * with, about 6x cheaper than torch.empty), and the current GPU's index
 * (torch._C._cuda_getDevice); each NULL where absent */
static PyObject *torch_empty_cpu, *torch_empty_gpu, *torch_current;
static int torch_device = PX_CUDA;
static PyObject *s_data_ptr, *s_shape, *s_stride, *s_dtype, *s_get_device, *s_is_cpu,
    *s_is_cuda, *s_new_empty, *s_cuda_stream, *kw_dtype;

int px_set_torch(PyObject *type, PyObject *dtypes, PyObject *by_sinter, PyObject *stream,
                 int device, PyObject *empty)
{
    if (names_ready() < 0)
        return -1;
    if (!s_data_ptr && (!(s_data_ptr = PyUnicode_InternFromString("data_ptr")) ||
                        !(s_shape = PyUnicode_InternFromString("shape")) ||
                        !(s_stride = PyUnicode_InternFromString("stride")) ||
                        !(s_dtype = PyUnicode_InternFromString("dtype")) ||
                        !(s_get_device = PyUnicode_InternFromString("get_device")) ||
                        !(s_is_cpu = PyUnicode_InternFromString("is_cpu")) ||
                        !(s_is_cuda = PyUnicode_InternFromString("is_cuda")) ||
                        !(s_new_empty = PyUnicode_InternFromString("new_empty")) ||
                        !(s_cuda_stream = PyUnicode_InternFromString("cuda_stream")) ||
                        !(kw_dtype = Py_BuildValue("(s)", "dtype"))))
        return -1;
    if (type != Py_None && (!PyType_Check(type) || !PyDict_Check(dtypes) ||
                            !PyTuple_Check(by_sinter) || PyTuple_GET_SIZE(by_sinter) < SN_BOOL + 1))
        return PyErr_SetString(PyExc_TypeError, "set_torch(type, dict, tuple, callable, int)"), -1;
    Py_CLEAR(torch_type);
    Py_CLEAR(torch_dtypes);
    Py_CLEAR(torch_by_sinter);
    Py_CLEAR(torch_stream);
    Py_CLEAR(torch_empty_cpu);
    Py_CLEAR(torch_empty_gpu);
    Py_CLEAR(torch_current);
    if (type == Py_None)
        return 0;
    if (empty && empty != Py_None) {
        PyObject *fns[3] = {NULL, NULL, NULL};
        if (!PyArg_ParseTuple(empty, "OOO", &fns[0], &fns[1], &fns[2]))
            return -1;
        torch_empty_cpu = fns[0] == Py_None ? NULL : Py_NewRef(fns[0]);
        torch_empty_gpu = fns[1] == Py_None ? NULL : Py_NewRef(fns[1]);
        torch_current = fns[2] == Py_None ? NULL : Py_NewRef(fns[2]);
    }
    torch_type = (PyTypeObject *)Py_NewRef(type);
    torch_dtypes = Py_NewRef(dtypes);
    torch_by_sinter = Py_NewRef(by_sinter);
    torch_stream = stream == Py_None ? NULL : Py_NewRef(stream);
    torch_device = device;
    return 0;
}

/* Is obj a sinter.Tensor(storage, dtype) (a tuple subclass of two)? */
static bool is_wrapped(PyObject *obj)
{
    return PyTuple_Check(obj) && !PyTuple_CheckExact(obj) && PyTuple_GET_SIZE(obj) == 2;
}

/* obj, or its storage when it is a sinter.Tensor (borrowed). */
static PyObject *storage_of(PyObject *obj)
{
    return is_wrapped(obj) ? PyTuple_GET_ITEM(obj, 0) : obj;
}

int px_kind(PyObject *obj)
{
    obj = storage_of(obj); /* a sinter.Tensor: its storage's */
    PyTypeObject *t = Py_TYPE(obj);
    if (torch_type && t == torch_type)
        return PX_KIND_TORCH;
    if (t->tp_as_buffer && t->tp_as_buffer->bf_getbuffer && !PyBytes_Check(obj) &&
        !PyByteArray_Check(obj) && !PyMemoryView_Check(obj) && !PyTuple_Check(obj))
        return PX_KIND_BUFFER;
    return PX_KIND_DLPACK;
}

PyObject *px_torch_stream(int device_id)
{
    if (!torch_stream)
        return NULL;
    PyObject *id = PyLong_FromLong(device_id);
    PyObject *r = id ? PyObject_CallOneArg(torch_stream, id) : NULL;
    Py_XDECREF(id);
    return r;
}

int px_torch_is_current_stream(PyObject *first, PyObject *stream)
{
    if (!torch_stream || !s_cuda_stream)
        return 0;
    first = storage_of(first);
    PyObject *h = PyLong_Check(stream) ? Py_NewRef(stream)
                                       : PyObject_GetAttr(stream, s_cuda_stream);
    if (!h || !PyLong_Check(h)) { /* not a stream we know: the DLPack path decides */
        Py_XDECREF(h);
        PyErr_Clear();
        return 0;
    }
    PyObject *dev = PyObject_CallMethodNoArgs(first, s_get_device);
    long id = dev ? PyLong_AsLong(dev) : -1;
    Py_XDECREF(dev);
    PyObject *cur = id >= 0 && !PyErr_Occurred() ? px_torch_stream((int)id) : NULL;
    int same = cur ? PyObject_RichCompareBool(h, cur, Py_EQ) : 0;
    Py_DECREF(h);
    Py_XDECREF(cur);
    return PyErr_Occurred() ? -1 : same;
}

/* The index of the current GPU, or -1 (no exception) where unknown. */
static long torch_current_device(void)
{
    PyObject *r = torch_current ? PyObject_CallNoArgs(torch_current) : NULL;
    long id = r ? PyLong_AsLong(r) : -1;
    Py_XDECREF(r);
    if (PyErr_Occurred())
        PyErr_Clear(), id = -1;
    return id;
}

PyObject *px_torch_empty(PyObject *like, PyObject *shape, int dtype, int device, int device_id)
{
    PyObject *dt = torch_by_sinter && dtype >= 0 && dtype < PyTuple_GET_SIZE(torch_by_sinter)
                       ? PyTuple_GET_ITEM(torch_by_sinter, dtype)
                       : NULL;
    if (!dt || dt == Py_None)
        return px_raise("no PyTorch dtype for %s", px_dtype_name(dtype));
    PyObject *empty = device == PX_CPU ? torch_empty_cpu
                      : device_id >= 0 && device_id == torch_current_device() ? torch_empty_gpu
                                                                                : NULL;
    if (empty) { /* empty_strided(shape, dense strides, dtype) */
        Py_ssize_t rank = PyTuple_GET_SIZE(shape);
        PyObject *strides = PyTuple_New(rank);
        int64_t dense = 1;
        for (Py_ssize_t k = rank - 1; strides && k >= 0; k--) {
            PyTuple_SET_ITEM(strides, k, PyLong_FromLongLong(dense));
            int64_t n = PyLong_AsLongLong(PyTuple_GET_ITEM(shape, k));
            dense *= n > 1 ? n : 1;
        }
        if (!strides || PyErr_Occurred()) {
            Py_XDECREF(strides);
            return NULL;
        }
        PyObject *argv[3] = {shape, strides, dt};
        PyObject *r = PyObject_Vectorcall(empty, argv, 3, NULL);
        Py_DECREF(strides);
        return r;
    }
    /* another device than the current one: like.new_empty, on like's */
    like = storage_of(like);
    PyObject *argv[3] = {like, shape, dt};
    return PyObject_VectorcallMethod(s_new_empty, argv, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                     kw_dtype);
}

/* A tuple of ints into v[0..n); false (no exception) when it is not one. */
static bool int_tuple(PyObject *t, int64_t *v, int max, int *n)
{
    if (!t || !PyTuple_Check(t) || PyTuple_GET_SIZE(t) > max)
        return false;
    *n = (int)PyTuple_GET_SIZE(t);
    for (int k = 0; k < *n; k++) {
        v[k] = PyLong_AsLongLong(PyTuple_GET_ITEM(t, k));
        if (v[k] == -1 && PyErr_Occurred())
            return PyErr_Clear(), false;
    }
    return true;
}

/* A torch.Tensor: data_ptr(), shape, stride(), dtype, get_device().  1 when
 * it read the tensor, 0 to take the DLPack path instead (a dtype not in
 * the table, a device neither CPU nor the GPU, a sparse tensor), -1 with
 * an error. */
static int import_torch(PyObject *obj, int as, const PxParam *p, const char *role, PxArg *a)
{
    PyObject *dt = PyObject_GetAttr(obj, s_dtype);
    PyObject *code = dt ? PyDict_GetItemWithError(torch_dtypes, dt) : NULL;
    Py_XDECREF(dt);
    if (!code)
        return PyErr_Occurred() ? -1 : 0;
    long c = PyLong_AsLong(code);
    PyObject *dev = PyObject_CallMethodNoArgs(obj, s_get_device);
    long id = dev ? PyLong_AsLong(dev) : -1;
    Py_XDECREF(dev);
    if (PyErr_Occurred())
        return -1;
    int device = torch_device;
    /* CUDA (ROCm in a HIP build), or CPU; another device (meta, MPS, XPU,
     * ...) takes the DLPack path, which names it */
    PyObject *is = PyObject_GetAttr(obj, id < 0 ? s_is_cpu : s_is_cuda);
    int yes = is ? PyObject_IsTrue(is) : -1;
    Py_XDECREF(is);
    if (yes <= 0)
        return yes < 0 ? -1 : 0;
    if (id < 0)
        device = PX_CPU, id = 0;
    int64_t shape[PX_MAX_RANK], strides[PX_MAX_RANK];
    int rank = 0, srank = -1;
    PyObject *sh = PyObject_GetAttr(obj, s_shape);
    PyObject *st = sh ? PyObject_CallMethodNoArgs(obj, s_stride) : NULL;
    bool ok = st && int_tuple(sh, shape, PX_MAX_RANK, &rank) &&
              int_tuple(st, strides, PX_MAX_RANK, &srank) && rank == srank;
    Py_XDECREF(sh);
    Py_XDECREF(st);
    if (!ok) { /* no strides (sparse), or a rank beyond sinter's */
        PyErr_Clear();
        return 0;
    }
    PyObject *ptr = PyObject_CallMethodNoArgs(obj, s_data_ptr);
    void *data = ptr ? PyLong_AsVoidPtr(ptr) : NULL;
    Py_XDECREF(ptr);
    if (PyErr_Occurred())
        return -1;
    DLTensor d = {.data = data, .device = {(DLDeviceType)device, (int32_t)id}, .ndim = rank,
                  .dtype = {(uint8_t)(c >> 8), (uint8_t)(c & 0xff), 1}, .shape = shape,
                  .strides = strides};
    return from_dltensor(&d, as, p, role, a) < 0 ? -1 : 1;
}

/* The DLPack dtype of a buffer's format and item size; false where there
 * is none (a foreign byte order, a struct). */
static bool buffer_dtype(const Py_buffer *v, DLDataType *t)
{
    const char *f = v->format ? v->format : "B";
    if (*f == '@' || *f == '=' || *f == '<')
        f++;
    if (!f[0] || f[1])
        return false;
    int bits = (int)v->itemsize * 8;
    *t = (DLDataType){kDLInt, (uint8_t)bits, 1};
    switch (*f) {
    case 'f': case 'd': case 'e': t->code = kDLFloat; break;
    case 'b': case 'h': case 'i': case 'l': case 'q': break;
    case 'B': case 'H': case 'I': case 'L': case 'Q': t->code = kDLUInt; break;
    case '?': t->code = PX_DL_BOOL; break;
    default: return false;
    }
    return true;
}

/* An object with the buffer protocol (a NumPy array on the CPU): 1 when
 * read (the view held until px_arg_release), 0 to take the DLPack path. */
static int import_buffer(PyObject *obj, int as, const PxParam *p, const char *role, PxArg *a)
{
    Py_buffer *v = &a->view;
    if (PyObject_GetBuffer(obj, v, PyBUF_RECORDS_RO) < 0) {
        PyErr_Clear();
        return 0;
    }
    DLTensor d = {.data = v->buf, .device = {kDLCPU, 0}, .ndim = v->ndim};
    int64_t shape[PX_MAX_RANK], strides[PX_MAX_RANK];
    bool ok = v->ndim <= PX_MAX_RANK && buffer_dtype(v, &d.dtype) && v->itemsize > 0;
    for (int k = 0; ok && k < v->ndim; k++) {
        shape[k] = v->shape[k];
        strides[k] = v->strides[k] / v->itemsize;
        ok = v->strides[k] % v->itemsize == 0;
    }
    if (!ok) {
        PyBuffer_Release(v);
        return 0;
    }
    a->has_view = true;
    a->readonly = v->readonly != 0;
    d.shape = shape;
    d.strides = strides;
    return from_dltensor(&d, as, p, role, a) < 0 ? -1 : 1;
}

static int import_number(PyObject *obj, const PxParam *p, PxArg *a)
{
    if (PyFloat_CheckExact(obj) || PyLong_CheckExact(obj)) { /* the common case, no lookup */
        a->t.scalar = PyFloat_AsDouble(obj);
        a->t.dtype = (sn_dtype)p->dtype;
        return PyErr_Occurred() ? -1 : 0;
    }
    if (PyObject_HasAttrString(obj, "__dlpack__") || !PyNumber_Check(obj))
        return arg_error(p, "input", "a number (rank 0, passed by value) is expected, got %R",
                         (PyObject *)Py_TYPE(obj));
    a->t.scalar = PyFloat_AsDouble(obj);
    a->t.dtype = (sn_dtype)p->dtype;
    return PyErr_Occurred() ? -1 : 0;
}

int px_arg_import(PyObject *obj, const PxParam *p, const char *role, PyObject *stream,
                  PxArg *a)
{
    int flags = a->flags;
    memset(a, 0, sizeof *a);
    a->flags = flags;
    if (p->rank == 0 && !strcmp(role, "input"))
        return import_number(obj, p, a);
    int as = -1;
    if (is_wrapped(obj)) {
        if ((as = px_dtype_parse(PyTuple_GET_ITEM(obj, 1))) < 0)
            return -1;
        obj = PyTuple_GET_ITEM(obj, 0); /* sinter.Tensor(storage, dtype) */
    }
    if (names_ready() < 0)
        return -1;
    int kind = px_kind(obj), rc = 0;
    if (kind == PX_KIND_TORCH && !(a->flags & PX_NO_FAST_TORCH))
        rc = import_torch(obj, as, p, role, a);
    else if (kind == PX_KIND_BUFFER)
        rc = import_buffer(obj, as, p, role, a);
    if (rc)
        return rc < 0 ? -1 : 0;
    memset(a, 0, sizeof *a); /* a fast path that declined left nothing to release */
    a->flags = flags;
    if (PyObject_HasAttr(obj, s_dlpack))
        return import_dlpack(obj, as, p, role, stream, a);
    PyObject *cai = PyObject_GetAttrString(obj, "__cuda_array_interface__");
    if (cai && PyDict_Check(cai)) {
        rc = import_cai(cai, as, p, role, a);
        Py_DECREF(cai);
        return rc;
    }
    Py_XDECREF(cai);
    PyErr_Clear();
    return arg_error(p, role, "expected a tensor (an object with __dlpack__ or "
                     "__cuda_array_interface__), got %R", (PyObject *)Py_TYPE(obj));
}

void px_arg_release(PxArg *a)
{
    Py_CLEAR(a->keep);
    if (a->has_view)
        PyBuffer_Release(&a->view);
    a->has_view = false;
}
