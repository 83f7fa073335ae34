"""The call path's fast paths on the CPU (docs/python.md, "Host overhead"):
NumPy arrays read through the buffer protocol, torch.Tensor read through
its accessors (exercised here with a stand-in class registered as
PyTorch's tensor type, since the CPU machines have no PyTorch; the real
one runs in test_torch_gpu.py), the Graph object called straight from C,
each against the general DLPack path on the same data, bit for bit."""
import pytest

np = pytest.importorskip("numpy")

import sinter  # noqa: E402
from sinter import _sinter  # noqa: E402

SRC = """graph two(x: bf16[T, 8], residual: bf16[T, 8], w: bf16[8], scale: f32[]) {
    h = to(x + residual, bf16)
    return to(h * w * scale, f32), h
}
graph one(x: f32[T, 4]) {
    return x * 2.0
}
"""


@pytest.fixture(scope="module")
def lib():
    return sinter.compile(SRC)


class DLPackOnly:
    """A NumPy array seen only through DLPack (no buffer protocol): the
    general path."""

    def __init__(self, a):
        self.a = a

    def __dlpack__(self, **kw):
        kw.pop("max_version", None)  # NumPy < 2.1 takes none
        return self.a.__dlpack__(**kw)

    def __dlpack_device__(self):
        return self.a.__dlpack_device__()


def bf16(a):
    return sinter.Tensor.from_values(np.asarray(a, np.float32), "bf16")


def inputs(T, seed=0):
    rng = np.random.default_rng(seed)
    return (bf16(rng.uniform(-1, 1, (T, 8))), bf16(rng.uniform(-1, 1, (T, 8))),
            bf16(rng.uniform(-1, 1, 8)), 0.5)


def test_buffer_path_equals_dlpack_path(lib):
    x, r, w, s = inputs(5)
    fast = lib.two(x, r, w, s)
    slow = (np.empty((5, 8), np.float32), sinter.Tensor(np.empty((5, 8), np.uint16), "bf16"))
    lib.two(*(sinter.Tensor(DLPackOnly(t.storage), t.dtype) for t in (x, r, w)), s,
            out=(DLPackOnly(slow[0]), sinter.Tensor(DLPackOnly(slow[1].storage), "bf16")))
    assert np.array_equal(fast[0], slow[0])
    assert np.array_equal(fast[1].storage, slow[1].storage)
    ref = lib.two.reference(x, r, w, s)
    assert np.array_equal(fast[1].storage, ref[1].storage)


def test_buffer_path_strided_and_out(lib):
    """A strided view (outer stride 16) through the buffer protocol, and
    outputs given."""
    big = np.random.default_rng(1).uniform(-1, 1, (6, 16)).astype(np.float32)
    view = big[:, 4:8]
    assert not view.flags.c_contiguous
    out = np.empty((6, 4), np.float32)
    assert lib.one(view, out=out) is out
    assert np.array_equal(out, view * 2)


def test_buffer_path_read_only(lib):
    """A read-only input is read (the buffer protocol exports it on every
    NumPy); a read-only output is refused and left as it was."""
    x = np.arange(8, dtype=np.float32).reshape(2, 4)
    x.flags.writeable = False
    assert np.array_equal(lib.one(x), x * 2)
    out = np.zeros((2, 4), np.float32)
    out.flags.writeable = False
    with pytest.raises(sinter.Error, match="read-only"):
        lib.one(x, out=out)
    assert not out.any()


def test_buffer_path_bad_dtypes(lib):
    with pytest.raises(sinter.Error, match="expected f32, got"):
        lib.one(np.zeros((2, 4), np.int32))
    with pytest.raises(sinter.Error, match="float64, not a sinter dtype"):
        lib.one(np.zeros((2, 4), np.float64))
    big_endian = np.zeros((2, 4), ">f4")  # the buffer path declines it: DLPack's error
    with pytest.raises((sinter.Error, BufferError, TypeError)):
        lib.one(big_endian)


def test_graph_object(lib):
    g = lib.one
    assert isinstance(g, _sinter.Graph) and isinstance(g, sinter.Graph)
    assert g._core is lib._core and g._index == 1
    x = np.ones((3, 4), np.float32)
    assert isinstance(g(x), np.ndarray)          # one output: returned bare
    assert isinstance(lib.two(*inputs(2)), tuple)
    with pytest.raises(TypeError, match="unexpected keyword argument 'outs'"):
        g(x, outs=None)
    with pytest.raises(sinter.Error, match="takes 1 inputs, got 2"):
        g(x, x)
    with pytest.raises(sinter.Error, match="input 'x': expected a tensor"):
        lib.two(1.0, 2.0, 3.0, 0.5)


def test_validation_repeats(lib):
    """Calls with the same shapes, then another shape, then a bad one: each
    checked (the per-graph cache of checks is for device tensors only)."""
    for T in (3, 3, 7, 3):
        x = np.ones((T, 4), np.float32)
        assert lib.one(x).shape == (T, 4)
    with pytest.raises(sinter.Error, match="innermost stride must be 1"):
        lib.one(np.ones((3, 8), np.float32)[:, ::2])


# ---------------------------------------------------------------- torch-like

class FakeDtype:
    def __init__(self, name):
        self.name = name


F32, BF16, U16, F64 = (FakeDtype(n) for n in ("float32", "bfloat16", "uint16", "float64"))
NP = {F32: np.float32, BF16: np.uint16, U16: np.uint16, F64: np.float64}


class FakeTensor:
    """What the extension reads of a torch.Tensor: data_ptr(), shape,
    stride(), dtype, get_device(), is_cpu, new_empty(shape, dtype=); and
    __dlpack__ for the dtypes it does not know."""
    calls = 0

    def __init__(self, a, dtype):
        self.a, self.dtype = a, dtype

    def data_ptr(self):
        FakeTensor.calls += 1
        return self.a.__array_interface__["data"][0]

    @property
    def shape(self):
        return tuple(self.a.shape)

    def stride(self):
        return tuple(s // self.a.itemsize for s in self.a.strides)

    def get_device(self):
        return -1

    is_cpu = True
    is_cuda = False

    def new_empty(self, shape, dtype):
        return FakeTensor(np.empty(shape, NP[dtype]), dtype)

    def __dlpack__(self, **kw):
        kw.pop("max_version", None)
        return self.a.__dlpack__(**kw)

    def __dlpack_device__(self):
        return self.a.__dlpack_device__()


@pytest.fixture
def fake_torch():
    dl = {F32: 2 << 8 | 32, BF16: 4 << 8 | 16, U16: 1 << 8 | 16}
    by_sinter = tuple({"f32": F32, "bf16": BF16}.get(d) for d in sinter.DTYPES)
    _sinter.set_torch(FakeTensor, dl, by_sinter, None, 2)
    FakeTensor.calls = 0
    yield
    _sinter.set_torch(None)
    sinter._torch_registered = None  # a real PyTorch registers again at its next call


def test_torch_accessor_path(lib, fake_torch):
    x, r, w, s = inputs(4, seed=3)
    fx, fr, fw = (FakeTensor(t.storage, BF16) for t in (x, r, w))
    got = lib.two(fx, fr, fw, s)
    assert FakeTensor.calls >= 5  # read through data_ptr(), not DLPack
    assert all(isinstance(o, FakeTensor) for o in got)  # allocated by new_empty
    assert got[0].dtype is F32 and got[1].dtype is BF16
    want = lib.two(x, r, w, s)
    assert np.array_equal(got[0].a, want[0])
    assert np.array_equal(got[1].a, want[1].storage)


def test_torch_accessor_path_out_and_reinterpret(lib, fake_torch):
    """Outputs given; a uint16 tensor wrapped as sinter.Tensor(..., 'bf16')
    (raw storage) through the same accessors."""
    x, r, w, s = inputs(2, seed=4)
    o0 = FakeTensor(np.empty((2, 8), np.float32), F32)
    o1 = sinter.Tensor(FakeTensor(np.empty((2, 8), np.uint16), U16), "bf16")
    args = [sinter.Tensor(FakeTensor(t.storage, U16), "bf16") for t in (x, r, w)]
    got = lib.two(*args, s, out=[o0, o1])
    assert got[0] is o0 and got[1] is o1
    want = lib.two(x, r, w, s)
    assert np.array_equal(o0.a, want[0]) and np.array_equal(o1[0].a, want[1].storage)


def test_torch_accessor_path_allocates_like_a_wrapped_tensor(lib, fake_torch):
    """The first tensor a sinter.Tensor over a torch tensor: outputs come
    from its storage's new_empty."""
    x, r, w, s = inputs(3, seed=5)
    args = [sinter.Tensor(FakeTensor(t.storage, U16), "bf16") for t in (x, r, w)]
    got = lib.two(*args, s)
    assert all(isinstance(o, FakeTensor) for o in got)
    want = lib.two(x, r, w, s)
    assert np.array_equal(got[0].a, want[0]) and np.array_equal(got[1].a, want[1].storage)


def test_torch_accessor_path_other_devices_take_dlpack(lib, fake_torch):
    """A tensor on neither the CPU nor the GPU (get_device() >= 0 but not
    is_cuda, as MPS or XPU) is handed to DLPack, which names its device."""
    class OnXpu(FakeTensor):
        is_cuda = False

        def get_device(self):
            return 0

        def __dlpack_device__(self):
            return (14, 0)  # kDLOneAPI

        def __dlpack__(self, **kw):
            raise BufferError("an XPU tensor")
    t = OnXpu(np.ones((2, 4), np.float32), F32)
    assert type(t) is not FakeTensor  # a subclass: DLPack in any case
    _sinter.set_torch(OnXpu, {F32: 2 << 8 | 32}, tuple(None for _ in sinter.DTYPES), None, 2)
    with pytest.raises(BufferError, match="an XPU tensor"):
        lib.one(t)
    assert FakeTensor.calls == 0


def test_torch_accessor_path_falls_back_to_dlpack(lib, fake_torch):
    """A dtype missing from the table goes through __dlpack__ (and is
    refused there with DLPack's message)."""
    t = FakeTensor(np.ones((2, 4), np.float64), F64)
    with pytest.raises(sinter.Error, match="float64, not a sinter dtype"):
        lib.one(t)
    assert FakeTensor.calls == 0


def test_torch_accessor_path_errors(lib, fake_torch):
    x = FakeTensor(np.ones((2, 4), np.float32)[:, ::2].copy()[:, :1], F32)
    with pytest.raises(sinter.Error, match="dim 1 is 1 but the graph needs 4"):
        lib.one(x)
    y = FakeTensor(np.ones((2, 8), np.float32)[:, ::2], F32)
    with pytest.raises(sinter.Error, match="innermost stride must be 1"):
        lib.one(y)
    with pytest.raises(sinter.Error, match="output 'out0' is on cuda but 'x' is on cpu"):
        # a mix is refused as before: no mixed-device call
        lib.one(FakeTensor(np.ones((2, 4), np.float32), F32), out=OnGpu())


class OnCuda(FakeTensor):
    """A tensor the accessors say is on GPU 0 (its memory is the host's,
    so a call with it must be refused before any launch: the tests give
    it a shape the graph refuses)."""
    is_cpu, is_cuda = False, True

    def get_device(self):
        return 0

    def __dlpack__(self, **kw):
        FakeTensor.dlpacks.append(kw.get("stream"))
        raise BufferError("exported through DLPack")


class FakeStream:
    def __init__(self, handle):
        self.cuda_stream = handle


def test_torch_current_stream_given_takes_the_accessor_path(lib):
    """stream= PyTorch's current stream (an int or a Stream object) is what
    the accessor path launches on anyway: the tensors are read through
    their accessors, not exported through __dlpack__; another stream takes
    __dlpack__ (which orders it after the tensors' producers).  The input's
    shape is refused after it is read, so nothing is launched (the stream
    handles are not real), with a GPU or without."""
    dl = {F32: 2 << 8 | 32}
    by_sinter = tuple({"f32": F32}.get(d) for d in sinter.DTYPES)
    asked = []

    def current(dev):
        asked.append(dev)
        return 77
    _sinter.set_torch(OnCuda, dl, by_sinter, current, 2)
    try:
        for given in (77, FakeStream(77), 78, FakeStream(78)):
            FakeTensor.calls, FakeTensor.dlpacks = 0, []
            x = OnCuda(np.ones((2, 5), np.float32), F32)  # the graph takes [T, 4]
            with pytest.raises((sinter.Error, BufferError)) as e:
                lib.one(x, stream=given)
            handle = given if isinstance(given, int) else given.cuda_stream
            if handle == 77:   # read through data_ptr(), then refused
                assert FakeTensor.calls == 1 and FakeTensor.dlpacks == []
                assert isinstance(e.value, sinter.Error) and "dim 1 is 5" in str(e.value)
            else:              # exported through __dlpack__ (the generic context's stream)
                assert FakeTensor.calls == 0 and len(FakeTensor.dlpacks) == 1
                assert "exported through DLPack" in str(e.value)
        assert asked and set(asked) == {0}
    finally:
        _sinter.set_torch(None)
        sinter._torch_registered = None


class OnGpu:
    """A GPU tensor by the CUDA array interface (never dereferenced: the
    device check refuses the call first)."""
    __cuda_array_interface__ = {"shape": (2, 4), "typestr": "<f4", "data": (256, False),
                                "version": 3}


def test_set_torch_rejects_bad_arguments():
    with pytest.raises(TypeError):
        _sinter.set_torch(FakeTensor, [], (), None, 2)


# ------------------------------------------------- real PyTorch, CPU tensors
# (skipped where PyTorch is absent, as on CI; test_torch_gpu.py has the GPU)

@pytest.fixture
def torch_cpu():
    torch = pytest.importorskip("torch")
    yield torch
    sinter._torch_registered = None


def test_torch_cpu_fast_path_equals_dlpack_path(lib, torch_cpu):
    torch = torch_cpu
    gen = torch.Generator().manual_seed(0)
    x, r = (torch.rand(6, 8, generator=gen).to(torch.bfloat16) for _ in range(2))
    w = torch.rand(8, generator=gen).to(torch.bfloat16)
    first = lib.two(x, r, w, 0.5)              # registers PyTorch (DLPack path)
    assert sinter._torch_registered is torch
    fast = lib.two(x, r, w, 0.5)               # the accessor path
    slow = (torch.empty(6, 8), torch.empty(6, 8, dtype=torch.bfloat16))
    lib.two(*(DLPackOnly(t) for t in (x, r, w)), 0.5, out=slow)
    for a, b, c in zip(first, fast, slow):
        assert type(b) is torch.Tensor and b.device.type == "cpu" and b.is_contiguous()
        assert a.dtype == b.dtype == c.dtype
        assert torch.equal(a, b) and torch.equal(b, c)
    want = (x.float() + r.float()).to(torch.bfloat16)
    assert torch.equal(fast[1], want)


def test_torch_cpu_fast_path_views_out_and_errors(lib, torch_cpu):
    torch = torch_cpu
    lib.one(torch.ones(1, 4))                  # registers PyTorch
    big = torch.arange(48, dtype=torch.float32).view(6, 8)
    out = torch.empty(6, 4)
    assert lib.one(big[:, 2:6], out=out) is out
    assert torch.equal(out, big[:, 2:6] * 2)
    with pytest.raises(sinter.Error, match="innermost stride must be 1"):
        lib.one(big[:, ::2])
    with pytest.raises(sinter.Error, match="expected f32, got f16"):
        lib.one(big[:, :4].half())
    before = big.clone()
    with pytest.raises(sinter.Error, match="written densely"):
        lib.one(big[:, :4], out=big[:, 4:])    # not dense: refused, nothing written
    assert torch.equal(big, before)
    p = torch.nn.Parameter(torch.ones(2, 4), requires_grad=False)  # a subclass: DLPack
    assert torch.equal(lib.one(p), torch.full((2, 4), 2.0))
    g = torch.ones(2, 4, requires_grad=True)   # read as it is on the fast path
    assert torch.equal(lib.one(g), torch.full((2, 4), 2.0))


def test_torch_cpu_custom_op(lib, torch_cpu):
    torch = torch_cpu
    import sinter.torch
    ops = sinter.torch.register(lib, namespace="sinter_fast_path_test")
    x = torch.rand(3, 4)
    assert torch.equal(ops.one(x), x * 2)
    assert torch.equal(torch.ops.sinter_fast_path_test.one(x), x * 2)
