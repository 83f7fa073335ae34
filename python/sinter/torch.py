"""PyTorch integration: every graph of a library as a torch custom op.

    import sinter, sinter.torch
    lib = sinter.compile("examples/add_rms_norm_fp8.sn")
    ops = sinter.torch.register(lib)                    # namespace "sinter"
    q, h = torch.ops.sinter.add_rms_norm_fp8(x, residual, w, 0.05)

The ops return fresh outputs; an in-out input (``return v -> param`` in
the source) is declared mutated in the schema (``Tensor(a!)``) and updated
in place, so torch.compile orders it like any in-place op.  They come with
a fake implementation that computes the output shapes from the signature
(the size symbols bound from the input shapes, symbolic sizes included),
so ``torch.compile(fullgraph=True)`` keeps them in its graph without a
break, and CUDA-graph capture records their launches (the kernels are
loaded at the first call: make one before capturing).  They are defined
with ``torch.library.Library.define`` / ``impl`` (CUDA, and CPU where the
library has a CPU path) and ``torch.library.register_fake``.

PyTorch is imported when register() is called, not when sinter is.
"""

__all__ = ["register"]


def _schema(g):
    """'NAME(Tensor x, Tensor(a!) residual, float scale) -> (Tensor, Tensor)'
    for graph g: in-out inputs are mutated (an alias set each)."""
    args, written = [], 0
    for p in g.signature.inputs:
        kind = "Tensor" if not p.is_scalar else \
            "float" if p.dtype.startswith("f") or p.dtype == "bf16" else "int"
        if p.written:
            kind = f"Tensor({chr(ord('a') + written)}!)"
            written += 1
        args.append(f"{kind} {p.name}")
    n = len(g.signature.outputs)
    rets = "Tensor" if n == 1 else "(" + ", ".join(["Tensor"] * n) + ")"
    return f"{g.name}({', '.join(args)}) -> {rets}"


def _fake(g, torch_dtype):
    """The fake (meta) implementation: outputs of the right dtype and shape
    on the device of the first tensor input."""
    sig = g.signature
    dtypes = [torch_dtype(p.dtype) for p in sig.outputs]

    def fake(*args):
        shapes = [None if p.is_scalar else tuple(a.shape) for p, a in zip(sig.inputs, args)]
        first = next(a for p, a in zip(sig.inputs, args) if not p.is_scalar)
        outs = tuple(first.new_empty(s, dtype=d) for s, d in zip(sig.output_shapes(shapes), dtypes))
        return None if not outs else outs[0] if len(outs) == 1 else outs
    return fake


def _impl(g):
    if not g.signature.outputs:  # only in-out inputs: the op returns nothing
        def impl(*args):
            g(*args)
        return impl

    def impl(*args):
        return g(*args)
    return impl


class Ops:
    """What register() returns: ``ops.NAME`` is ``torch.ops.NAMESPACE.NAME``;
    it also keeps the torch.library.Library that owns the definitions."""

    def __init__(self, torch_lib, namespace, names):
        import torch
        self._torch_lib = torch_lib
        self.namespace = namespace
        for name in names:
            setattr(self, name, getattr(getattr(torch.ops, namespace), name))


# Every torch.library.Library register() made, for the life of the
# process, keyed by "namespace::graph".  A Library's ops are removed when it
# is collected, but torch.ops.<namespace> keeps listing their names, and
# Inductor's first import (the first torch.compile) walks every listed op:
# a removed one fails it ("'CustomDecompTable' object is not a mapping",
# PyTorch 2.11).  So registrations last, as torch.library.custom_op's do.
_registered = {}


def register(lib, namespace="sinter"):
    """Register every graph of ``lib`` (a sinter.Library) as the custom op
    ``torch.ops.<namespace>.<graph>``; returns an Ops object.  The ops stay
    registered (and ``lib`` alive) for the life of the process; a graph
    name already registered in ``namespace`` is a ValueError (use another
    namespace)."""
    import torch
    from . import _torch_dtype
    taken = [g.name for g in lib if f"{namespace}::{g.name}" in _registered]
    if taken:
        raise ValueError(f"torch.ops.{namespace} already has {', '.join(taken)} from an earlier "
                         f"sinter.torch.register; register this library in another namespace")
    tlib = torch.library.Library(namespace, "FRAGMENT")
    names = []
    for g in lib:
        tlib.define(_schema(g))
        _registered[f"{namespace}::{g.name}"] = tlib  # defined: its name is taken
        tlib.impl(g.name, _impl(g), "CUDA")
        if g.has_cpu_path:
            tlib.impl(g.name, _impl(g), "CPU")
        torch.library.register_fake(f"{namespace}::{g.name}",
                                    _fake(g, lambda d: _torch_dtype(torch, d)), lib=tlib)
        names.append(g.name)
    return Ops(tlib, namespace, names)
