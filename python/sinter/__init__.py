"""sinter: fused kernels compiled from .sn graphs, called on DLPack tensors.

    import sinter
    lib = sinter.compile("examples/add_rms_norm_fp8.sn")
    q, h = lib.add_rms_norm_fp8(x, residual, w, 0.05)

Tensors are any objects with ``__dlpack__`` (PyTorch, CuPy, JAX, NumPy) or
``__cuda_array_interface__``, taken without a copy (strides included; the
innermost stride must be 1).  GPU tensors run the compiled kernels through
the runtime; CPU tensors run the same fused kernels in the kernel-IR
executor.  Errors raise :class:`sinter.Error`.  See docs/python.md.
"""
import functools
import os

from . import _sinter

__all__ = ["Error", "Tensor", "Library", "Graph", "Param", "Signature", "compile", "load",
           "DTYPES"]

Error = _sinter.Error
Error.__module__ = "sinter"
DTYPES = _sinter.dtypes

# numpy dtype names of each sinter dtype's storage; narrow floats that
# NumPy lacks are raw bits (sinter.Tensor)
_NUMPY_STORAGE = {"f32": "float32", "f16": "float16", "bf16": "uint16", "f8e4m3": "uint8",
                  "f8e4m3fnuz": "uint8", "f8e5m2": "uint8", "f8e5m2fnuz": "uint8",
                  "i8": "int8", "i32": "int32", "i64": "int64", "bool": "bool"}
_NUMPY_NATIVE = {"f32", "f16", "i8", "i32", "i64", "bool"}


class Tensor(tuple):
    """A tensor of a dtype its framework lacks: ``Tensor(storage, dtype)``
    reinterprets the raw bits of ``storage`` (a tensor of unsigned or
    signed integers of the same width: uint16 for bf16/f16, uint8 for the
    f8 types) as ``dtype``, without a copy.  NumPy inputs and outputs of
    bf16 and f8 dtypes use it."""

    def __new__(cls, storage, dtype):
        if dtype not in DTYPES:
            raise Error(f"not a sinter dtype: {dtype!r} (dtypes: {' '.join(DTYPES)})")
        return super().__new__(cls, (storage, dtype))

    storage = property(lambda self: self[0], doc="the tensor holding the bits")
    dtype = property(lambda self: self[1], doc="the sinter dtype, e.g. 'bf16'")
    shape = property(lambda self: tuple(self[0].shape))

    def __repr__(self):
        return f"sinter.Tensor({self.dtype}{list(self.shape)})"

    def numpy(self):
        """The values as a NumPy array: float32 for float dtypes (exact),
        int64 for the others (a CPU tensor)."""
        import numpy as np
        dt = np.float32 if self.dtype in ("f32", "f16", "bf16") or self.dtype.startswith("f8") \
            else np.int64
        raw = _sinter.convert(self, self.dtype, True)
        return np.frombuffer(raw, dtype=dt).reshape(self.shape)

    @classmethod
    def from_values(cls, values, dtype):
        """A NumPy-backed tensor of ``dtype`` from float values (any array
        with __dlpack__ holding float32), each rounded to ``dtype`` (nearest
        even, as PyTorch's ``.to()``)."""
        import numpy as np
        values = np.ascontiguousarray(values, dtype=np.float32)
        raw = _sinter.convert(values, dtype, False)
        storage = np.frombuffer(raw, dtype=_NUMPY_STORAGE[dtype]).reshape(values.shape).copy()
        return storage if dtype in _NUMPY_NATIVE else cls(storage, dtype)


class Param:
    """A graph input or output: its name, dtype, shape (ints and symbol
    expressions such as 'T' or '2*T'), and for an output the index of the
    input it may share its buffer with (or None)."""
    __slots__ = ("name", "dtype", "shape", "alias", "_dims")

    def __init__(self, name, dtype, dims, alias):
        self.name, self.dtype, self._dims = name, dtype, dims
        self.shape = tuple(d if isinstance(d, int) else
                           "*".join(([str(d[0])] if d[0] != 1 else []) + list(d[1]))
                           for d in dims)
        self.alias = alias if alias >= 0 else None

    @property
    def is_scalar(self):
        return not self._dims

    def __repr__(self):
        return f"{self.name}: {self.dtype}[{', '.join(map(str, self.shape))}]"


class Signature:
    """A graph's signature: ``inputs`` and ``outputs`` (lists of Param) and
    its size ``symbols``."""

    def __init__(self, name, symbols, inputs, outputs):
        self.name, self.symbols = name, list(symbols)
        self.inputs = [Param(*p) for p in inputs]
        self.outputs = [Param(*p) for p in outputs]

    def bind(self, shapes):
        """The symbols' values from the input shapes (one per input: a
        tuple, or None for a number): each symbol from the first dim that is
        that symbol times a constant.  Works on symbolic sizes too."""
        vals = {}
        for p, shape in zip(self.inputs, shapes):
            for d, n in zip(p._dims, shape or ()):
                if not isinstance(d, int) and len(d[1]) == 1 and d[1][0] not in vals:
                    vals[d[1][0]] = n // d[0]
        missing = [s for s in self.symbols if s not in vals]
        if missing:
            raise Error(f"graph {self.name}: size symbol {missing[0]} is not bound by any input")
        return vals

    def output_shapes(self, shapes):
        """Every output's shape for these input shapes (see bind)."""
        vals = self.bind(shapes)
        return [tuple(d if isinstance(d, int) else functools.reduce(
            lambda a, s: a * vals[s], d[1], d[0]) for d in p._dims) for p in self.outputs]

    def __repr__(self):
        return (f"graph {self.name}({', '.join(map(repr, self.inputs))}) -> "
                f"({', '.join(map(repr, self.outputs))})")


class Graph:
    """One compiled graph; call it like a function:
    ``graph(*inputs, out=None, stream=None)``.  Returns the output (one) or
    a tuple of outputs; outputs not given in ``out`` are allocated like the
    inputs (by their framework, on their device)."""

    def __init__(self, lib, index):
        sig = lib._core.signature(index)
        self.name = sig[0]
        self.signature = Signature(*sig[:4])
        self.has_cpu_path = sig[4]
        self.library = lib
        self._index = index
        self._run = lib._core.run
        self._single = len(self.signature.outputs) == 1

    def __call__(self, *args, out=None, stream=None):
        outs = self._run(self._index, args, out, stream, _context, False)
        return outs[0] if self._single else outs

    def reference(self, *args, out=None):
        """The same call through the reference interpreter (unfused; CPU
        tensors of a library from sinter.compile): the oracle for tests."""
        outs = self._run(self._index, args, out, None, _context, True)
        return outs[0] if self._single else outs

    def source(self, target="cuda"):
        """The generated CUDA ('cuda') or HIP ('hip') source of this graph."""
        return _source(self.library._core, self._index, target)

    def __repr__(self):
        return f"<sinter graph {self.signature!r}>"


def _source(core, index, target):
    if target not in ("cuda", "hip"):
        raise Error(f"source target is 'cuda' or 'hip', not {target!r}")
    text = core.source(index, target == "hip")
    if text is None:
        raise Error(f"no {target} source in this library (compile with target='{target}:...')")
    return text


class Library:
    """The graphs of one compilation or bundle: ``lib.NAME`` or
    ``lib["NAME"]`` is a :class:`Graph`."""

    def __init__(self, core):
        self._core = core
        self.graphs = {}
        for i, name in enumerate(core.graph_names()):
            self.graphs[name] = Graph(self, i)

    def __getattr__(self, name):
        graphs = self.__dict__.get("graphs", {})
        if name in graphs:
            return graphs[name]
        raise AttributeError(f"{self!r} has no graph {name!r}")

    def __getitem__(self, name):
        return self.graphs[name]

    def __iter__(self):
        return iter(self.graphs.values())

    def __dir__(self):
        return list(super().__dir__()) + list(self.graphs)

    def source(self, target="cuda"):
        """Every graph's generated source for 'cuda' or 'hip', one after
        another."""
        return "".join(f"// ---- graph {g.name}\n{_source(self._core, g._index, target)}"
                       for g in self)

    def bundle(self):
        """The bundle's bytes (what `sinter compile` writes to a .snb)."""
        return self._core.bundle()

    def save(self, path):
        with open(path, "wb") as f:
            f.write(self._core.bundle())

    def load_device(self):
        """Load the kernels onto the GPU now (JIT through NVRTC/hiprtc with
        the on-disk cache) instead of at the first call on GPU tensors."""
        self._core.load_device()

    def __repr__(self):
        return f"<sinter library {self._core.origin}: {', '.join(self.graphs)}>"


def compile(path_or_source, target=None):
    """Compile a .sn file (a path) or .sn source text in-process.

    ``target``: None (CUDA sm_90 and HIP gfx950 source: one source per
    dialect serves every arch of it), a string such as "cuda:sm_90", or a
    list of them."""
    src, name = path_or_source, "<string>"
    if isinstance(src, os.PathLike) or ("\n" not in src and
                                        (src.endswith(".sn") or os.path.exists(src))):
        name = os.fspath(src)
        with open(name, encoding="utf-8") as f:
            src = f.read()
    targets = [] if target is None else [target] if isinstance(target, str) else list(target)
    return Library(_sinter.compile(src, name, targets))


def load(path):
    """Load a bundle written by `sinter compile` (or Library.save).  Its
    graphs run on GPU tensors only: a bundle holds no kernel IR, so CPU
    tensors raise Error ("no CPU path")."""
    with open(path, "rb") as f:
        return Library(_sinter.load(f.read(), os.fspath(path)))


# ------------------------------------------------------------ frameworks
# _context(first tensor, stream) -> (allocator, stream): how the outputs
# of a call are allocated (like the inputs) and which stream it runs on.

def _numpy_alloc(shape, dtype):
    import numpy as np
    storage = np.empty(shape, dtype=_NUMPY_STORAGE[dtype])
    return storage if dtype in _NUMPY_NATIVE else Tensor(storage, dtype)


def _torch_dtype(torch, dtype):
    return {"f32": torch.float32, "f16": torch.float16, "bf16": torch.bfloat16,
            "f8e4m3": torch.float8_e4m3fn, "f8e4m3fnuz": torch.float8_e4m3fnuz,
            "f8e5m2": torch.float8_e5m2, "f8e5m2fnuz": torch.float8_e5m2fnuz,
            "i8": torch.int8, "i32": torch.int32, "i64": torch.int64,
            "bool": torch.bool}[dtype]


def _torch_context(t, stream):
    """PyTorch: its current stream, and __dlpack__(stream=-1) on it (see
    python/library.c: no event per tensor)."""
    import torch
    dev = t.device
    if stream is not None and not isinstance(stream, int):
        stream = stream.cuda_stream  # a torch.cuda.Stream
    dlstream = stream
    if dev.type == "cuda" and stream is None:
        stream, dlstream = torch.cuda.current_stream(dev).cuda_stream, -1

    def alloc(shape, dtype):
        return torch.empty(shape, dtype=_torch_dtype(torch, dtype), device=dev)
    return alloc, stream, dlstream


def _cupy_context(t, stream):
    import cupy
    if stream is None:
        stream = cupy.cuda.get_current_stream().ptr
    elif not isinstance(stream, int):
        stream = stream.ptr  # a cupy.cuda.Stream

    def alloc(shape, dtype):
        if dtype not in _NUMPY_NATIVE:
            return Tensor(cupy.empty(shape, dtype=_NUMPY_STORAGE[dtype]), dtype)
        return cupy.empty(shape, dtype=_NUMPY_STORAGE[dtype])
    return alloc, stream


def _context(t, stream):
    if type(t) is Tensor:
        t = t[0]
    top = type(t).__module__.partition(".")[0]
    if top == "torch":
        return _torch_context(t, stream)
    if top == "cupy":
        return _cupy_context(t, stream)
    if top == "numpy":
        return _numpy_alloc, stream
    return None, stream


def _fallback(t):
    """A tensor whose __dlpack__ failed goes as its bytes where that is
    exact: PyTorch's float8 tensors (PyTorch's DLPack export refused them
    before DLPack 1.1) and NumPy's bool arrays (NumPy < 1.25 refuses them)."""
    top = type(t).__module__.partition(".")[0]
    if top == "numpy" and t.dtype == "bool":
        return Tensor(t.view("uint8"), "bool")
    if top != "torch":
        return None
    import torch
    names = {torch.float8_e4m3fn: "f8e4m3", torch.float8_e4m3fnuz: "f8e4m3fnuz",
             torch.float8_e5m2: "f8e5m2", torch.float8_e5m2fnuz: "f8e5m2fnuz"}
    name = names.get(t.dtype)
    return Tensor(t.view(torch.uint8), name) if name else None


_sinter.set_fallback(_fallback)
