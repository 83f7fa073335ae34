"""The Python package on the CPU (no GPU, no PyTorch): NumPy arrays (read
through the buffer protocol; DLPack capsules in test_versioned_dlpack_capsule
and test_fast_path.py), run by the kernel-IR executor, against the reference interpreter
and against `sinter ref --fused` (the same executor behind the command
line's own .npy I/O); and bad input, which must raise sinter.Error and
write nothing."""
import glob
import os
import subprocess

import numpy as np
import pytest

import sinter
from conftest import BUILD, ROOT, FakeCuda

EXAMPLES = sorted(glob.glob(os.path.join(ROOT, "examples", "*.sn")))
SINTER = os.environ.get("SINTER_EXE", os.path.join(BUILD, "compiler", "sinter"))
NATIVE = {"f32": np.float32, "f16": np.float16, "i8": np.int8, "i32": np.int32,
          "i64": np.int64, "bool": np.bool_}


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: os.path.basename(p)[:-3])
def example(request):
    lib = sinter.compile(request.param)
    g = next(iter(lib))
    return request.param, g


class _Sizes(dict):
    """Symbol values for eval: T, any other free symbol (a cache's blocks) 3,
    and the size functions of derived symbols ("cdiv(T, 4)", "T // 2")."""
    def __missing__(self, name):
        return 3


def dim_size(d, T):
    """A Param dim (an int, or coefficient and symbol names) at this T."""
    if isinstance(d, int):
        return d
    env = _Sizes(T=T, cdiv=lambda a, b: -(-a // b), align=lambda a, b: -(-a // b) * b)
    n = d[0]
    for s in d[1]:
        n *= eval(s, {"__builtins__": {}}, env)
    return n


def make_inputs(sig, T, seed):
    """Random inputs: floats uniform in [-1, 1) rounded to the dtype,
    integers in [0, 8) (valid gather indices for the examples), f32[]
    scalars 0.05."""
    rng = np.random.default_rng(seed)
    args = []
    for p in sig.inputs:
        # other size symbols (a cache's blocks) are 3; derived ones computed
        shape = tuple(dim_size(d, T) for d in p._dims)
        if p.is_scalar:
            args.append(0.05)
        elif p.dtype in ("i8", "i32", "i64") and len(shape) == 1:
            # distinct: valid gather indices and scatter rows (slots) alike
            args.append(rng.permutation(max(8, shape[0]))[:shape[0]].astype(NATIVE[p.dtype]))
        elif p.dtype in ("i8", "i32", "i64"):
            args.append(rng.integers(0, 8, shape).astype(NATIVE[p.dtype]))
        else:
            args.append(sinter.Tensor.from_values(rng.uniform(-1, 1, shape), p.dtype))
    return args


def as_tuple(r):
    """A call's result as a tuple (a single output is returned bare; a
    sinter.Tensor is a tuple subclass, not a tuple of outputs)."""
    return r if type(r) is tuple else (r,)


def storage(t):
    return np.asarray(t.storage if isinstance(t, sinter.Tensor) else t)


def values(t):
    return t.numpy() if isinstance(t, sinter.Tensor) else np.asarray(t)


def ordinal(bits, dtype):
    """Float storage bits as integers in value order (sign-magnitude)."""
    width = 16 if dtype in ("bf16", "f16") else 8
    b = bits.view(np.uint16 if width == 16 else np.uint8).astype(np.int64)
    mag = b & ((1 << (width - 1)) - 1)
    return np.where(b >> (width - 1), -mag, mag)


def assert_close(got, want, dtype, what):
    """kexec against the interpreter, as tests/test_fusion.c allows: f32
    reassociation (1e-5 relative + 1e-6), or one step of a narrow dtype
    (for f8 at most 1% of the elements)."""
    g, w = values(got), values(want)
    assert g.shape == w.shape, what
    if dtype not in ("f32", "f16", "bf16") and not dtype.startswith("f8"):
        np.testing.assert_array_equal(g, w, err_msg=what)
        return
    g, w = g.astype(np.float64), w.astype(np.float64)
    ok = (np.isnan(g) & np.isnan(w)) | (g == w) | (np.abs(g - w) <= 1e-5 * np.abs(w) + 1e-6)
    if dtype != "f32":
        step = np.abs(ordinal(storage(got), dtype) - ordinal(storage(want), dtype))
        ok |= step <= 1
        if dtype.startswith("f8"):
            assert (step == 1).sum() <= g.size // 100, f"{what}: too many f8 steps"
    assert ok.all(), f"{what}: {np.argwhere(~ok)[:5]} differ: {g[~ok][:5]} vs {w[~ok][:5]}"


@pytest.mark.parametrize("T", [1, 5])
def test_example_matches_interpreter(example, T):
    path, g = example
    args = make_inputs(g.signature, T, seed=T)
    args2 = make_inputs(g.signature, T, seed=T)  # the same values: in-out inputs change
    got = g(*args)
    want = g.reference(*args2)
    got, want = as_tuple(got), as_tuple(want)
    assert len(got) == len(g.signature.outputs)
    for o, a, b in zip(g.signature.outputs, got, want):
        # the logical shape (f4e2m1's storage has the last dim halved)
        shape = a.shape if isinstance(a, sinter.Tensor) else storage(a).shape
        assert tuple(shape) == tuple(T if d == "T" else d for d in o.shape)
        assert_close(a, b, o.dtype, f"{g.name} output {o.name} at T={T}")
    for p, a, b in zip(g.signature.inputs, args, args2):
        if p.written:
            assert_close(a, b, p.dtype, f"{g.name} in-out input {p.name} at T={T}")


def test_example_matches_command_line(example, tmp_path):
    """Bit for bit what `sinter ref --fused --raw` writes for the same
    inputs: the extension's storage conversions against the CLI's .npy
    I/O, around the same executor."""
    path, g = example
    args = make_inputs(g.signature, 3, seed=7)
    cmd = [SINTER, "ref", path, "--fused", "--raw", "--output-dir", str(tmp_path)]
    for p, a in zip(g.signature.inputs, args):
        f = tmp_path / f"in_{p.name}.npy"
        np.save(f, np.array(a, np.float32) if p.is_scalar else values(a))
        cmd += ["--input", f"{p.name}={f}"]
    subprocess.run(cmd, check=True, capture_output=True)
    got = g(*args)
    got = as_tuple(got) if g.signature.outputs else ()
    for i, out in enumerate(got):
        want = np.load(tmp_path / f"out{i}.npy")
        np.testing.assert_array_equal(storage(out).view(want.dtype), want)
    for p, a in zip(g.signature.inputs, args):  # in-out inputs: <name>.npy
        if p.written:
            want = np.load(tmp_path / f"{p.name}.npy")
            np.testing.assert_array_equal(storage(a).view(want.dtype), want)


F4_GRAPHS = """
graph quant(x: f32[T, 8]) {
    return to(x, f4e2m1), x
}
graph dequant(q: f4e2m1[T, 8], s: f32[T, 1]) {
    return to(q, f32) * s
}
"""


def test_f4e2m1_numpy_outputs_are_packed_bytes():
    """An f4e2m1 output comes back as sinter.Tensor(uint8 storage, "f4e2m1"):
    two codes per byte, element 2i in the low nibble, the last dim halved
    (what `sinter ref --raw` writes); .shape is the logical shape and
    .numpy() the values.  The bytes go back in as an input."""
    lib = sinter.compile(F4_GRAPHS)
    x = np.array([[0.5, -6, 1.0, 3.0, 7.0, -0.25, 0.25, 0.75],
                  [np.nan, -np.inf, 1.25, 1.75, 2.5, 5.0, -1e-9, 4.0]], np.float32)
    q, same = lib.quant(x)
    assert isinstance(q, sinter.Tensor) and q.dtype == "f4e2m1"
    assert q.shape == (2, 8) and q.storage.shape == (2, 4) and q.storage.dtype == np.uint8
    # codes: 0.5 1, -6 0xF, 1 2, 3 5, 7 -> 6 7, -0.25 -> -0 8, 0.25 -> 0 (tie to even),
    # 0.75 -> 1 (tie to even) 2; NaN -> 6 7, -inf -> -6 0xF, 1.25 -> 1 2, 1.75 -> 2 4,
    # 2.5 -> 2 4, 5 -> 4 6 (tie to even), -1e-9 -> -0 8, 4 6
    want = np.array([[0xF1, 0x52, 0x87, 0x20], [0xF7, 0x42, 0x64, 0x68]], np.uint8)
    np.testing.assert_array_equal(q.storage, want)
    np.testing.assert_array_equal(q.numpy(), [[0.5, -6, 1, 3, 6, -0.0, 0, 1],
                                              [6, -6, 1, 2, 2, 4, -0.0, 4]])
    np.testing.assert_array_equal(np.signbit(q.numpy()[:, 5]), [True, False])
    ref = lib.quant.reference(x)[0]
    np.testing.assert_array_equal(ref.storage, want)
    # from_values packs the same way; the bytes are an input
    np.testing.assert_array_equal(sinter.Tensor.from_values(x, "f4e2m1").storage, want)
    s = np.array([[2.0], [0.5]], np.float32)
    np.testing.assert_array_equal(lib.dequant(q, s), q.numpy() * s)
    # out= takes the packed storage; a byte-per-element one is refused
    out = sinter.Tensor(np.zeros((2, 4), np.uint8), "f4e2m1")
    lib.quant(x, out=(out, np.empty((2, 8), np.float32)))
    np.testing.assert_array_equal(out.storage, want)
    with pytest.raises(sinter.Error, match="dim 1 is 16"):
        lib.quant(x, out=(sinter.Tensor(np.zeros((2, 8), np.uint8), "f4e2m1"),
                          np.empty((2, 8), np.float32)))
    with pytest.raises(sinter.Error, match="last dim"):
        lib.dequant(sinter.Tensor(np.zeros((2, 8), np.uint8)[:, ::2], "f4e2m1"), s)
    with pytest.raises(sinter.Error, match="even last dim"):
        sinter.Tensor.from_values(np.zeros((2, 3)), "f4e2m1")


def test_f4e2m1_matches_command_line_raw(tmp_path):
    """The package's f4e2m1 bytes are `sinter ref --fused --raw`'s .npy
    (uint8, last dim halved) for the MXFP4 example."""
    path = os.path.join(ROOT, "examples", "mxfp4_quant.sn")
    g = sinter.compile(path).mxfp4_quant
    x = make_inputs(g.signature, 3, seed=11)[0]
    f = tmp_path / "x.npy"
    np.save(f, x.numpy())
    subprocess.run([SINTER, "ref", path, "--fused", "--raw", "--output-dir", str(tmp_path),
                    "--input", f"x={f}"], check=True, capture_output=True)
    want = np.load(tmp_path / "out0.npy")
    q, _ = g(x)
    assert want.dtype == np.uint8 and want.shape == q.storage.shape == (3, 3584)
    np.testing.assert_array_equal(q.storage, want)


def test_strided_input_is_taken_as_is():
    """Qwen3's QKV as a column slice of a wider buffer (outer stride 8192):
    the same result as a dense copy."""
    g = sinter.compile(os.path.join(ROOT, "examples", "qwen3_qk_norm.sn")).qwen3_qk_norm
    rng = np.random.default_rng(1)
    wide = sinter.Tensor.from_values(rng.uniform(-1, 1, (4, 8192)), "bf16")
    view = sinter.Tensor(wide.storage[:, 1024:1024 + 6144], "bf16")
    dense = sinter.Tensor(np.ascontiguousarray(view.storage), "bf16")
    w = [sinter.Tensor.from_values(rng.uniform(-1, 1, 128), "bf16") for _ in range(2)]
    for a, b in zip(g(view, *w), g(dense, *w)):
        np.testing.assert_array_equal(a.storage, b.storage)


def test_outputs_given_and_in_place():
    """out= tensors are written; an output may be the very buffer of the
    input the compiler lets it alias (layer_norm: out0 may alias x)."""
    g = sinter.compile(os.path.join(ROOT, "examples", "layer_norm.sn")).layer_norm_4096
    assert g.signature.outputs[0].alias == 0
    x, w, b = make_inputs(g.signature, 2, seed=3)
    want = g(x, w, b)
    out = sinter.Tensor(np.zeros((2, 4096), np.uint16), "bf16")
    assert g(x, w, b, out=out) is out
    np.testing.assert_array_equal(out.storage, want.storage)
    x2 = sinter.Tensor(x.storage.copy(), "bf16")
    g(x2, w, b, out=x2)
    np.testing.assert_array_equal(x2.storage, want.storage)


def test_native_numpy_dtypes_and_source_text():
    """f32 / i64 NumPy arrays go through NumPy's own __dlpack__; a graph
    from source text; the signature's symbols; the generated sources."""
    lib = sinter.compile("graph scale(x: f32[T, 8], k: i64[T], s: f32[]) {\n"
                         "    return x * s, k + 1\n}\n", target="cuda:sm_90")
    g = lib.scale
    assert g.signature.symbols == ["T"]
    assert [p.shape for p in g.signature.outputs] == [("T", 8), ("T",)]
    assert g.signature.output_shapes([(3, 8), (3,), None]) == [(3, 8), (3,)]
    x = np.arange(24, dtype=np.float32).reshape(3, 8)
    y, k = g(x, np.arange(3, dtype=np.int64), 0.5)
    assert isinstance(y, np.ndarray) and y.dtype == np.float32
    np.testing.assert_array_equal(y, x * 0.5)
    np.testing.assert_array_equal(k, [1, 2, 3])
    mask = sinter.compile("graph mask(b: bool[4], y: f32[4]) {\n"
                          "    return where(b, y, 0.0), b\n}\n").mask
    y, b = mask(np.array([1, 0, 1, 0], bool), np.ones(4, np.float32))
    np.testing.assert_array_equal(y, [1, 0, 1, 0])
    np.testing.assert_array_equal(np.asarray(b).view(bool), [1, 0, 1, 0])
    assert "__global__" in lib.source("cuda") and "scale" in g.source("cuda")
    with pytest.raises(sinter.Error, match="no hip source"):
        lib.source("hip")


def test_unsigned_dtypes_and_integer_ops():
    """u8/u16/u32/i16 NumPy arrays in and out; the integer operators and
    bitcast against NumPy's own (floor division, logical shifts of
    unsigned values, wrapping at the store)."""
    g = sinter.compile("graph ints(a: u8[6], b: u16[6], c: u32[6], d: i16[6], x: f32[6]) {\n"
                       "    return (a << 2) | (a >> 3), b ^ ~b, c // 3 + c % 5, d // -3,"
                       " bitcast(x, u32) >> 23, arange(6, dtype=i16) * d\n}\n").ints
    a = np.array([0, 1, 7, 200, 255, 128], np.uint8)
    b = np.array([0, 1, 65535, 300, 7, 9], np.uint16)
    c = np.array([0, 1, 2**32 - 1, 12345678, 5, 3], np.uint32)
    d = np.array([-7, 7, -32768, 32767, 0, -1], np.int16)
    x = np.array([1.0, -2.0, 0.5, 3e38, -0.0, 1e-40], np.float32)
    outs = g(a, b, c, d, x)
    want = [(a << 2) | (a >> 3), b ^ ~b, c // 3 + c % 5, d // np.int16(-3),
            x.view(np.uint32) >> 23, np.arange(6, dtype=np.int16) * d]
    for got, w in zip(outs, want):
        assert np.asarray(got).dtype == w.dtype
        np.testing.assert_array_equal(np.asarray(got), w)


def test_compile_errors_are_located():
    with pytest.raises(sinter.Error, match=r"<string>:2:\d+: error"):
        sinter.compile("graph bad(x: f32[T]) {\n    return x + y\n}\n")
    with pytest.raises(FileNotFoundError):
        sinter.compile("examples/no_such_file.sn")
    with pytest.raises(sinter.Error, match="unknown|known"):
        sinter.compile(EXAMPLES[0], target="cuda:sm_1")
    assert issubclass(sinter.Error, RuntimeError) and issubclass(sinter.Error, ValueError)


# ---------------------------------------------------------------- bad input

@pytest.fixture(scope="module")
def rms():
    lib = sinter.compile(os.path.join(ROOT, "examples", "add_rms_norm_fp8.sn"))
    return lib.add_rms_norm_fp8


def fresh_outputs():
    """Outputs filled with a pattern, to see that nothing was written."""
    return [sinter.Tensor(np.full((2, 4096), 0x5a, np.uint8), "f8e4m3"),
            sinter.Tensor(np.full((2, 4096), 0x5a5a, np.uint16), "bf16")]


def bad_call(g, args, match):
    out = fresh_outputs()
    with pytest.raises(sinter.Error, match=match):
        g(*args, out=out)
    assert (out[0].storage == 0x5a).all() and (out[1].storage == 0x5a5a).all(), "written"


def good_args(g, T=2):
    return make_inputs(g.signature, T, seed=11)


def test_bad_dtype(rms):
    x, r, w, s = good_args(rms)
    bad_call(rms, [np.zeros((2, 4096), np.float32), r, w, s], "input 'x': expected bf16, got f32")
    bad_call(rms, [x.storage, r, w, s], "input 'x': expected bf16, got u16")
    bad_call(rms, [x.storage.astype(np.uint64), r, w, s], "uint64, not a sinter dtype")
    bad_call(rms, [x, r, np.zeros(4096, np.float64), s], "float64")


def test_bad_shape(rms):
    x, r, w, s = good_args(rms)
    r3 = sinter.Tensor(np.zeros((3, 4096), np.uint16), "bf16")
    bad_call(rms, [x, r3, w, s], "input 'residual': dim 0 is 3 but the graph needs 2")
    bad_call(rms, [x, r, sinter.Tensor(np.zeros((1, 4096), np.uint16), "bf16"), s],
             "input 'w': expected rank 1, got rank 2")
    bad_call(rms, [x, r, w], "takes 4 inputs, got 3")


def test_non_contiguous_last_dim(rms):
    x, r, w, s = good_args(rms)
    wide = sinter.Tensor(np.zeros((2, 8192), np.uint16)[:, ::2], "bf16")
    bad_call(rms, [wide, r, w, s], "innermost stride must be 1")


def test_foreign_objects(rms):
    x, r, w, s = good_args(rms)
    bad_call(rms, [[[0.0] * 4096] * 2, r, w, s], "expected a tensor")
    bad_call(rms, [x, r, w, np.zeros((), np.float32)], "'scale': a number")
    bad_call(rms, [x, r, w, "0.5"], "'scale': a number")
    with pytest.raises(sinter.Error, match="not a sinter dtype"):
        sinter.Tensor(x.storage, "bf17")


def test_bad_outputs(rms):
    x, r, w, s = good_args(rms)
    with pytest.raises(sinter.Error, match="output 'h': expected bf16, got f16"):
        rms(x, r, w, s, out=[None, np.zeros((2, 4096), np.float16)])
    with pytest.raises(sinter.Error, match="output 'h': dim 0 is 3"):
        rms(x, r, w, s, out=[None, sinter.Tensor(np.zeros((3, 4096), np.uint16), "bf16")])
    strided = sinter.Tensor(np.zeros((4, 4096), np.uint16)[::2], "bf16")
    with pytest.raises(sinter.Error, match="written densely"):
        rms(x, r, w, s, out=[None, strided])
    with pytest.raises(sinter.Error, match="output 'h' overlaps input 'residual'"):
        rms(x, r, w, s, out=[None, sinter.Tensor(r.storage[:, :4096], "bf16")])
    given = sinter.Tensor(np.zeros((2, 4096), np.uint16), "bf16")
    q, h = rms(x, r, w, s, out=(None, given))
    assert h is given and q.dtype == "f8e4m3"
    with pytest.raises(sinter.Error, match="2 outputs, out= gives 1"):
        rms(x, r, w, s, out=[None])


def test_mixed_devices_are_refused(rms):
    x, r, w, s = good_args(rms)
    bad_call(rms, [x, sinter.Tensor(FakeCuda(r.storage), "bf16"), w, s],
             "input 'residual' is on cuda")


def test_gpu_tensors_without_a_gpu(rms):
    """Device tensors reach the runtime, whose error (no driver or no GPU
    here; a GPU machine would run them) comes back as sinter.Error."""
    x, r, w, s = (FakeCuda(a.storage) if isinstance(a, sinter.Tensor) else a
                  for a in good_args(rms))
    args = [sinter.Tensor(x, "bf16"), sinter.Tensor(r, "bf16"), sinter.Tensor(w, "bf16"), s]
    with pytest.raises(sinter.Error, match="no allocator"):
        rms(*args)
    out = fresh_outputs()
    fake_out = [sinter.Tensor(FakeCuda(o.storage), o.dtype) for o in out]
    try:
        rms.library.load_device()
    except sinter.Error as e:
        with pytest.raises(sinter.Error, match=str(e)[:20]):
            rms(*args, out=fake_out)
        assert (out[0].storage == 0x5a).all() and (out[1].storage == 0x5a5a).all()
    else:
        pytest.skip("a GPU is present: tests/python/test_torch_gpu.py covers it")


def test_bundle_has_no_cpu_path(rms, tmp_path):
    path = tmp_path / "rms.snb"
    rms.library.save(path)
    lib = sinter.load(path)
    g = lib.add_rms_norm_fp8
    assert not g.has_cpu_path
    assert repr(g.signature) == repr(rms.signature)
    assert g.source("cuda") == rms.source("cuda")
    bad_call(g, good_args(g), "no CPU path")
    with pytest.raises(sinter.Error, match="not a sinter bundle"):
        (tmp_path / "junk.snb").write_bytes(b"junk")
        sinter.load(tmp_path / "junk.snb")


def test_precompile_puts_binaries_in_the_bundle(tmp_path):
    """precompile=True compiles each graph for the target's arch with NVRTC
    (no GPU): the bundle then holds the binary (`sinter dump` lists it, a
    CUBIN is an ELF file), so a load on that GPU needs no JIT; the library
    still runs on the CPU, as the plain one does."""
    src = os.path.join(ROOT, "examples", "mxfp8_quant.sn")
    plain = sinter.compile(src, target="cuda:sm_90")
    assert b"\x7fELF" not in plain.bundle()
    try:
        pre = sinter.compile(src, target="cuda:sm_90", precompile=True)
    except sinter.Error as e:
        if "--precompile:" in str(e):  # no NVRTC on this machine
            pytest.skip(str(e))
        raise
    assert b"\x7fELF" in pre.bundle() and len(pre.bundle()) > len(plain.bundle())
    path = tmp_path / "mx.snb"
    pre.save(path)
    dump = subprocess.run([SINTER, "dump", str(path)], capture_output=True, text=True,
                          check=True).stdout
    assert "binary for sm_90 (nvrtc" in dump
    assert sinter.load(path).mxfp8_quant.source("cuda") == plain.mxfp8_quant.source("cuda")
    x = np.random.default_rng(3).uniform(-4, 4, (2, 4096)).astype(np.float32)
    xb = sinter.Tensor(np.asarray(x.view(np.uint32) >> 16, dtype=np.uint16), "bf16")
    q0, s0 = plain.mxfp8_quant(xb)
    q1, s1 = pre.mxfp8_quant(xb)
    assert q0.storage.tobytes() == q1.storage.tobytes()
    assert s0.storage.tobytes() == s1.storage.tobytes()


def test_versioned_dlpack_capsule():
    """DLPack 1.x's "dltensor_versioned" capsules (NumPy >= 2.1, PyTorch):
    exercised with NumPy where it exports them."""
    g = sinter.compile("graph twice(x: f32[4]) {\n    return x * 2\n}\n").twice
    x = np.arange(4, dtype=np.float32)
    try:
        x.__dlpack__(max_version=(1, 0))
    except TypeError:
        pytest.skip("this NumPy exports DLPack 0.x capsules only")

    class Versioned:
        """x through DLPack only (a bare NumPy array takes the buffer
        protocol), recording the capsules it hands out."""
        names = []

        def __dlpack__(self, **kw):
            cap = x.__dlpack__(**kw)
            self.names.append(str(cap))
            return cap

        def __dlpack_device__(self):
            return x.__dlpack_device__()

    out = np.empty(4, np.float32)
    g(Versioned(), out=out)
    np.testing.assert_array_equal(out, x * 2)
    assert Versioned.names and "dltensor_versioned" in Versioned.names[0]
