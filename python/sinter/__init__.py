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
                  "i8": "int8", "i32": "int32", "i64": "int64", "bool": "bool",
                  "u8": "uint8", "u16": "uint16", "u32": "uint32", "i16": "int16",
                  "f8e8m0": "uint8", "f4e2m1": "uint8"}
_NUMPY_NATIVE = {"f32", "f16", "i8", "i32", "i64", "bool", "u8", "u16", "u32", "i16"}


def _storage_shape(shape, dtype):
    """The shape of the storage of a tensor of ``dtype`` and (logical)
    ``shape``: f4e2m1 is stored two codes per byte, element 2i in the low
    nibble, so its storage is uint8 with the last dim halved (as `sinter ref
    --raw` writes it and as PyTorch's float4_e2m1fn_x2 holds it)."""
    shape = tuple(shape)
    return shape[:-1] + (shape[-1] // 2,) if dtype == "f4e2m1" else shape


class Tensor(tuple):
    """A tensor of a dtype its framework lacks: ``Tensor(storage, dtype)``
    reinterprets the raw bits of ``storage`` (a tensor of unsigned or
    signed integers of the same width: uint16 for bf16/f16, uint8 for the
    f8 types) as ``dtype``, without a copy.  NumPy inputs and outputs of
    bf16, f8 and f4e2m1 dtypes use it.  f4e2m1's storage is bytes of two
    codes (element 2i in the low nibble, 2i + 1 in the high one): a uint8
    tensor whose last dim is half the logical one, contiguous; ``shape`` is
    the logical shape, ``storage.shape`` the bytes'."""

    def __new__(cls, storage, dtype):
        if dtype not in DTYPES:
            raise Error(f"not a sinter dtype: {dtype!r} (dtypes: {' '.join(DTYPES)})")
        return super().__new__(cls, (storage, dtype))

    storage = property(lambda self: self[0], doc="the tensor holding the bits")
    dtype = property(lambda self: self[1], doc="the sinter dtype, e.g. 'bf16'")
    @property
    def shape(self):
        """The logical shape (for f4e2m1: the storage's with the last dim
        doubled)."""
        shape = tuple(self[0].shape)
        return shape[:-1] + (shape[-1] * 2,) if self[1] == "f4e2m1" and shape else shape

    def __repr__(self):
        return f"sinter.Tensor({self.dtype}{list(self.shape)})"

    def numpy(self):
        """The values as a NumPy array: float32 for float dtypes (exact),
        int64 for the others (a CPU tensor)."""
        import numpy as np
        dt = np.float32 if self.dtype in ("f32", "f16", "bf16", "f4e2m1") or \
            self.dtype.startswith("f8") else np.int64
        raw = _sinter.convert(self, self.dtype, True)
        return np.frombuffer(raw, dtype=dt).reshape(self.shape)

    @classmethod
    def from_values(cls, values, dtype):
        """A NumPy-backed tensor of ``dtype`` from float values (any array
        with __dlpack__ holding float32), each rounded to ``dtype`` (nearest
        even, as PyTorch's ``.to()``)."""
        import numpy as np
        values = np.ascontiguousarray(values, dtype=np.float32)
        if dtype == "f4e2m1" and (values.ndim == 0 or values.shape[-1] % 2):
            raise Error(f"f4e2m1 needs an even last dim (two codes per byte), got shape "
                        f"{values.shape}")
        raw = _sinter.convert(values, dtype, False)
        storage = np.frombuffer(raw, dtype=_NUMPY_STORAGE[dtype]) \
            .reshape(_storage_shape(values.shape, dtype)).copy()
        return storage if dtype in _NUMPY_NATIVE else cls(storage, dtype)


class Param:
    """A graph input or output: its name, dtype, shape (ints and symbol
    expressions such as 'T' or '2*T'), and for an output the index of the
    input it may share its buffer with (or None); ``written`` is True for an
    input the graph updates in place (an in-out parameter)."""
    __slots__ = ("name", "dtype", "shape", "alias", "written", "_dims")

    def __init__(self, name, dtype, dims, alias, written=0):
        self.name, self.dtype, self._dims = name, dtype, dims
        self.written = bool(written)
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


class Graph(_sinter.Graph):
    """One compiled graph; call it like a function:
    ``graph(*inputs, out=None, stream=None)``.  Returns the output (one) or
    a tuple of outputs; outputs not given in ``out`` are allocated like the
    inputs (by their framework, on their device).  The call goes straight
    into the extension (no Python frame): see docs/python.md, "Host
    overhead"."""

    def __new__(cls, lib, index):
        return super().__new__(cls, lib._core, index)

    def __init__(self, lib, index):
        sig = lib._core.signature(index)
        self.name = sig[0]
        self.signature = Signature(*sig[:4])
        self.has_cpu_path = sig[4]
        self.library = lib
        self._single = len(self.signature.outputs) == 1

    def reference(self, *args, out=None):
        """The same call through the reference interpreter (unfused; CPU
        tensors of a library from sinter.compile): the oracle for tests."""
        outs = self._core.run(self._index, args, out, None, _context, True)
        return outs[0] if self._single else outs

    @property
    def num_collectives(self):
        """The graph's all_reduce steps (0: it needs no communicator)."""
        return self._core.num_collectives(self._index)

    @property
    def comm(self):
        """What set_comm was given last (None: no communicator)."""
        return self.__dict__.get("_comm")

    def set_comm(self, comm):
        """The communicator this graph's ``all_reduce`` sums over, for calls
        on GPU tensors (the runtime's sn_graph_set_comm; docs/python.md,
        "Tensor parallelism"): a ``torch.distributed`` process group of the
        NCCL backend (its communicator on the current CUDA device, created
        first by a one-element all_reduce on the group if PyTorch has not
        made it yet: every rank must then call set_comm together), an
        ``ncclComm_t`` as an int, or None to clear it.  It stays the
        graph's until changed: every call, eager or through the torch
        custom op, uses it.  Works without a GPU (given to the device
        when the library is loaded).  CPU tensors of a graph with
        all_reduce run one rank without a communicator, or a simulated
        world with run_world()."""
        ptr = _comm_pointer(comm)
        self._core.set_comm(self._index, ptr)
        self._comm = comm  # keeps a process group alive while its communicator is used

    def run_world(self, inputs, out=None):
        """The graph run by ``len(inputs)`` simulated ranks at once, on CPU
        tensors: ``inputs[r]`` is rank r's inputs (a sequence in the
        signature's order), ``out`` None or one entry per rank (as a call's
        ``out=``).  ``all_reduce`` sums over the ranks in rank order in f32
        (docs/language.md, "Collectives"); everything else runs per rank,
        through the same fused kernels as a call (the kernel-IR executor),
        what `sinter ref --world N --fused` computes.  Returns a list with
        each rank's output (one) or tuple of outputs.  Every rank must have
        the same sizes.  1 to 64 ranks."""
        return self._core.run_world(self._index, inputs, out, _context, False)

    def reference_world(self, inputs, out=None):
        """run_world through the reference interpreter (unfused): what
        `sinter ref --world N` computes."""
        return self._core.run_world(self._index, inputs, out, _context, True)

    def set_pdl(self, on=True):
        """Programmatic dependent launch for this graph's first kernel
        (sm_90+; the runtime's sn_graph_set_pdl): on when the kernel
        launched before it on the stream is a sinter graph or another
        kernel that allows it.  Loads the library onto the GPU."""
        self._core.set_pdl(self._index, bool(on))

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

    def set_comm(self, comm):
        """Graph.set_comm for every graph of the library."""
        for g in self:
            g.set_comm(comm)

    def load_device(self):
        """Load the kernels onto the GPU now (JIT through NVRTC/hiprtc with
        the on-disk cache) instead of at the first call on GPU tensors."""
        self._core.load_device()

    def __repr__(self):
        return f"<sinter library {self._core.origin}: {', '.join(self.graphs)}>"


def _comm_pointer(comm):
    """The ncclComm_t (an int) of a communicator given to set_comm, or None."""
    if comm is None:
        return None
    if isinstance(comm, bool):
        raise Error("a communicator is a torch.distributed ProcessGroup (NCCL), an "
                    "ncclComm_t as an int, or None; got a bool")
    if isinstance(comm, int):
        if comm < 0:
            raise Error(f"a communicator is a pointer value (0 < comm < 2**64), got {comm}")
        return comm  # the extension checks the rest of the range
    backend = comm
    if hasattr(comm, "_get_backend") and not hasattr(comm, "_comm_ptr"):
        import torch  # a torch.distributed ProcessGroup: its CUDA backend
        if not torch.cuda.is_available():
            raise Error("a torch.distributed process group's NCCL communicator lives on a "
                        "CUDA device, and PyTorch sees none; CPU tensors run a simulated "
                        "world: Graph.run_world")
        device = torch.device("cuda", torch.cuda.current_device())
        try:
            backend = comm._get_backend(device)
        except Exception as e:  # noqa: BLE001 - a group with no CUDA backend
            raise Error(f"process group has no backend for {device}: {e}; sinter's "
                        "all_reduce needs an NCCL (RCCL) process group") from None
    get = getattr(backend, "_comm_ptr", None)
    if get is None:
        name = type(backend).__name__
        raise Error(f"a communicator is a torch.distributed ProcessGroup of the NCCL "
                    f"backend, an ncclComm_t as an int, or None; got {name}"
                    + (" (sinter's all_reduce runs through NCCL/RCCL, not Gloo: CPU tensors "
                       "run a simulated world with Graph.run_world)" if "Gloo" in name else ""))
    ptr = int(get())
    if ptr == 0 and backend is not comm:
        # PyTorch creates a group's communicator at its first collective on
        # a device (unless init_process_group got device_id=): make one
        import torch
        import torch.distributed as dist
        t = torch.zeros(1, device=torch.device("cuda", torch.cuda.current_device()))
        dist.all_reduce(t, group=comm)
        ptr = int(get())
    if ptr == 0:
        raise Error("the process group has no NCCL communicator on the current CUDA device "
                    "yet: pass device_id= to torch.distributed.init_process_group, or run a "
                    "collective on the group first")
    _use_loaded_nccl()
    return ptr


def _use_loaded_nccl():
    """A communicator from PyTorch belongs to the NCCL (RCCL) library
    PyTorch loaded: unless $SINTER_NCCL names one, point the runtime at
    that file (it opens its library at the first launch of a graph with
    collectives).  dlopen of the soname would find the same loaded copy;
    this also covers a copy whose soname differs."""
    if os.environ.get("SINTER_NCCL"):
        return
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                path = line.split()[-1]
                base = os.path.basename(path)
                if base.startswith(("libnccl.so", "librccl.so")):
                    os.environ["SINTER_NCCL"] = path
                    return
    except OSError:
        pass


def compile(path_or_source, target=None, precompile=False):
    """Compile a .sn file (a path) or .sn source text in-process.

    ``target``: None (CUDA sm_90 and HIP gfx950 source: one source per
    dialect serves every arch of it), a string such as "cuda:sm_90", or a
    list of them.

    ``precompile``: also compile every graph for each target's arch now,
    through NVRTC (CUDA) or hiprtc (HIP) on this machine (no GPU needed),
    as ``sinter compile --precompile`` does: the library, and the bundle
    ``Library.save`` writes, then load on a GPU of that arch with no JIT
    (a cold start is a module load, not a compile).  Takes a few hundred
    milliseconds per graph and arch; the GIL is released meanwhile."""
    src, name = path_or_source, "<string>"
    if isinstance(src, os.PathLike) or ("\n" not in src and
                                        (src.endswith(".sn") or os.path.exists(src))):
        name = os.fspath(src)
        with open(name, encoding="utf-8") as f:
            src = f.read()
    targets = [] if target is None else [target] if isinstance(target, str) else list(target)
    return Library(_sinter.compile(src, name, targets, bool(precompile)))


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
    storage = np.empty(_storage_shape(shape, dtype), dtype=_NUMPY_STORAGE[dtype])
    return storage if dtype in _NUMPY_NATIVE else Tensor(storage, dtype)


def _torch_dtype(torch, dtype):
    """The torch dtype of a sinter dtype; AttributeError where this PyTorch
    has none (f8e8m0 before 2.7; f4e2m1, which PyTorch packs two per
    element of float4_e2m1fn_x2, with the last dim halved: pass its bytes
    as a sinter.Tensor of uint8 storage instead)."""
    name = {"f32": "float32", "f16": "float16", "bf16": "bfloat16",
            "f8e4m3": "float8_e4m3fn", "f8e4m3fnuz": "float8_e4m3fnuz",
            "f8e5m2": "float8_e5m2", "f8e5m2fnuz": "float8_e5m2fnuz",
            "i8": "int8", "i32": "int32", "i64": "int64", "bool": "bool", "u8": "uint8",
            "u16": "uint16", "u32": "uint32", "i16": "int16",
            "f8e8m0": "float8_e8m0fnu"}.get(dtype)
    if name is None or not hasattr(torch, name):
        raise AttributeError(f"PyTorch has no dtype for sinter's {dtype}")
    return getattr(torch, name)


def _torch_context(t, stream):
    """PyTorch: its current stream, and __dlpack__(stream=-1) on it (see
    python/library.c: no event per tensor); a given stream that is the
    current one is the same, and the legacy default stream (handle 0) is
    DLPack's 1 on CUDA."""
    import torch
    _register_torch(torch)
    dev = t.device
    if stream is not None and not isinstance(stream, int):
        stream = stream.cuda_stream  # a torch.cuda.Stream
    dlstream = stream
    if dev.type == "cuda":
        current = torch.cuda.current_stream(dev).cuda_stream
        if stream is None or stream == current:
            stream, dlstream = current, -1
        elif stream == 0 and not torch.version.hip:
            dlstream = 1  # DLPack on CUDA: 0 is ambiguous (refused), 1 the legacy default

    def alloc(shape, dtype):
        return torch.empty(shape, dtype=_torch_dtype(torch, dtype), device=dev)
    return alloc, stream, dlstream


_torch_registered = None


def _register_torch(torch):
    """Lets the extension read torch.Tensor (exactly that type) through its
    accessors (data_ptr, shape, stride, dtype, get_device) instead of
    __dlpack__, allocate outputs with empty_strided (CPU, current GPU; else
    new_empty) and take the launch stream from
    torch._C._cuda_getCurrentRawStream (docs/python.md, "Host overhead")."""
    global _torch_registered
    if _torch_registered is torch:
        return
    _torch_registered = torch
    # DLPack type code << 8 | bits, as tensor.c reads them
    dl = {torch.float32: 2 << 8 | 32, torch.float16: 2 << 8 | 16, torch.bfloat16: 4 << 8 | 16,
          torch.int8: 0 << 8 | 8, torch.int16: 0 << 8 | 16, torch.int32: 0 << 8 | 32,
          torch.int64: 0 << 8 | 64, torch.uint8: 1 << 8 | 8, torch.bool: 6 << 8 | 8}
    f8 = {"float8_e4m3fn": 10, "float8_e4m3fnuz": 11, "float8_e5m2": 12, "float8_e5m2fnuz": 13}
    for name, code in f8.items():
        if hasattr(torch, name):
            dl[getattr(torch, name)] = code << 8 | 8
    for name in ("uint16", "uint32", "uint64"):
        if hasattr(torch, name):
            dl[getattr(torch, name)] = 1 << 8 | int(name[4:])
    by_sinter = []
    for d in DTYPES:
        try:
            by_sinter.append(_torch_dtype(torch, d))
        except AttributeError:
            by_sinter.append(None)
    raw = getattr(torch._C, "_cuda_getCurrentRawStream", None)
    hip = getattr(torch.version, "hip", None)
    try:  # what Inductor's generated code allocates with (much cheaper than torch.empty)
        from torch._C._dynamo.guards import _empty_strided_cpu as cpu, \
            _empty_strided_cuda as gpu
    except ImportError:
        cpu = gpu = None
    current = getattr(torch._C, "_cuda_getDevice", None)
    _sinter.set_torch(torch.Tensor, dl, tuple(by_sinter), raw, 10 if hip else 2,
                      (cpu, gpu, current if gpu else None))


def _cupy_context(t, stream):
    import cupy
    if stream is None:
        stream = cupy.cuda.get_current_stream().ptr
    elif not isinstance(stream, int):
        stream = stream.ptr  # a cupy.cuda.Stream

    def alloc(shape, dtype):
        if dtype not in _NUMPY_NATIVE:
            return Tensor(cupy.empty(_storage_shape(shape, dtype), dtype=_NUMPY_STORAGE[dtype]),
                          dtype)
        return cupy.empty(shape, dtype=_NUMPY_STORAGE[dtype])
    # DLPack on CUDA: stream 0 is ambiguous; 1 is the legacy default stream
    return alloc, stream, 1 if stream == 0 and not cupy.cuda.runtime.is_hip else stream


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
_sinter.set_context(_context)
