"""The package with PyTorch on a GPU (skipped without PyTorch or CUDA): every
example from torch tensors against its PyTorch reference (bench/bench.py's
CHAINS, imported), CPU torch tensors on the CPU executor, a strided QKV
view, the custom ops under torch.compile(fullgraph=True), CUDA-graph
capture and replay with new data, torch.library.opcheck, and the host
overhead of an eager call at T=1 (printed, not asserted; run pytest -s)."""
import os
import sys
import time

import pytest

torch = pytest.importorskip("torch")
if not torch.cuda.is_available():
    pytest.skip("no CUDA device", allow_module_level=True)

import sinter  # noqa: E402
import sinter.torch  # noqa: E402
from conftest import ROOT  # noqa: E402

sys.path.insert(0, os.path.join(ROOT, "bench"))
import bench  # noqa: E402  (CHAINS: the examples' PyTorch references)

NAMESPACE = "sinter_test"
CHAINS = {c[2]: c for c in bench.CHAINS}
MISMATCH = 1e-3  # fraction of elements beyond one rounding step (bench.agree)


@pytest.fixture(scope="module")
def libs():
    """graph name -> (Graph, its custom op)"""
    out = {}
    for name, (_, ex, graph, *_rest) in CHAINS.items():
        lib = sinter.compile(os.path.join(ROOT, "examples", ex + ".sn"))
        ops = sinter.torch.register(lib, namespace=NAMESPACE)
        out[name] = (lib[graph], getattr(ops, graph), ops)
    return out


def as_tuple(r):
    return r if isinstance(r, tuple) else (r,)


def check(got, want, what):
    for i, (g, w) in enumerate(zip(as_tuple(got), as_tuple(want))):
        bad = bench.agree(g, w)
        assert bad <= MISMATCH, f"{what}: output {i}: {bad:.2%} of elements differ"


@pytest.mark.parametrize("graph", list(CHAINS))
@pytest.mark.parametrize("T", [1, 64, 1000])
def test_eager_against_pytorch(libs, graph, T):
    g, op, _ = libs[graph]
    _, _, _, make_in, fn, out_spec = CHAINS[graph]
    ins = make_in(T)
    got = g(*ins)
    for o, (shape, dtype) in zip(as_tuple(got), out_spec(T)):
        assert o.device.type == "cuda" and o.dtype == dtype and tuple(o.shape) == shape
    check(got, fn(*ins), f"{graph} T={T}")
    check(op(*ins), fn(*ins), f"torch.ops {graph} T={T}")


@pytest.mark.parametrize("graph", list(CHAINS))
def test_cpu_tensors_on_the_executor(libs, graph):
    """The same call on CPU torch tensors (the kernel-IR executor) agrees
    with the GPU's."""
    g, _, _ = libs[graph]
    ins = CHAINS[graph][3](5)
    cpu = [a.cpu() if isinstance(a, torch.Tensor) else a for a in ins]
    for a, b in zip(as_tuple(g(*cpu)), as_tuple(g(*ins))):
        assert a.device.type == "cpu"
        assert bench.agree(a.cuda(), b) <= MISMATCH


def test_strided_qkv_split(libs):
    """Q and K read in place from a fused QKV buffer wider than 6144
    (outer stride 8192): no copy, same result as the dense tensor."""
    g, op, _ = libs["qwen3_qk_norm"]
    fn = CHAINS["qwen3_qk_norm"][4]
    big = bench.rnd(64, 8192)
    qkv = big[:, 1024:1024 + 6144]
    assert not qkv.is_contiguous()
    _, q_w, k_w = CHAINS["qwen3_qk_norm"][3](1)
    got = g(qkv, q_w, k_w)
    check(got, fn(qkv.contiguous(), q_w, k_w), "strided qkv")
    for a, b in zip(got, g(qkv.contiguous(), q_w, k_w)):
        assert torch.equal(a, b)
    check(op(qkv, q_w, k_w), fn(qkv, q_w, k_w), "strided qkv, custom op")


def test_explicit_stream(libs):
    """stream= a torch.cuda.Stream: the call runs there, after the current
    stream's work on the inputs (PyTorch's __dlpack__ orders it)."""
    g, _, _ = libs["layer_norm_4096"]
    x, w, b = CHAINS["layer_norm_4096"][3](64)
    s = torch.cuda.Stream()
    out = g(x, w, b, stream=s)
    torch.cuda.current_stream().wait_stream(s)
    check(out, CHAINS["layer_norm_4096"][4](x, w, b), "on a side stream")


@pytest.mark.parametrize("graph", list(CHAINS))
def test_fast_path_equals_dlpack_path(libs, graph):
    """torch.Tensor read through its accessors (no stream given, or the
    current stream given) and through __dlpack__ (another stream given)
    give the same bits; the fast path is on (PyTorch registered with the
    extension after the first call)."""
    g, _, _ = libs[graph]
    ins = CHAINS[graph][3](33)
    fast = as_tuple(g(*ins))
    assert sinter._torch_registered is torch
    current = as_tuple(g(*ins, stream=torch.cuda.current_stream()))
    side = torch.cuda.Stream()
    side.wait_stream(torch.cuda.current_stream())
    slow = as_tuple(g(*ins, stream=side))
    torch.cuda.current_stream().wait_stream(side)
    torch.cuda.synchronize()
    for a, b, c in zip(fast, slow, current):
        assert a.dtype == b.dtype == c.dtype and a.shape == b.shape == c.shape
        assert torch.equal(a.view(torch.uint8), b.view(torch.uint8))
        assert torch.equal(a.view(torch.uint8), c.view(torch.uint8))


def test_fast_path_outputs_given_and_parameter(libs):
    """out= on the fast path; an nn.Parameter (a subclass: the DLPack
    path) as the weight; the same result."""
    g, _, _ = libs["layer_norm_4096"]
    x, w, b = CHAINS["layer_norm_4096"][3](16)
    out = torch.empty(16, 4096, dtype=torch.bfloat16, device="cuda")
    assert g(x, w, b, out=out) is out
    pw = torch.nn.Parameter(w.clone(), requires_grad=False)
    assert torch.equal(g(x, pw, b), out)


def test_checks_after_repeated_shapes(libs):
    """The input checks reused for repeated dtypes, shapes and strides
    (python/library.c: check_inputs) still refuse another stride, dtype or
    shape after a good call, and the launch's own checks still run."""
    g, _, _ = libs["layer_norm_4096"]
    x, w, b = CHAINS["layer_norm_4096"][3](8)
    g(x, w, b)
    g(x, w, b)
    with pytest.raises(sinter.Error, match="innermost stride must be 1"):
        g(bench.rnd(8, 8192)[:, ::2], w, b)
    with pytest.raises(sinter.Error, match="expected bf16, got f32"):
        g(x, w.float(), b)
    with pytest.raises(sinter.Error, match="dim 0 is 2048 but"):
        g(x, w[:2048], b)
    # the same dtypes, shapes and strides as the good calls, but an output
    # over the weight: sn_launch's overlap check refuses it
    big = torch.empty(9 * 4096, dtype=torch.bfloat16, device="cuda")
    big[:4096].copy_(w)
    with pytest.raises(sinter.Error, match="overlaps input 'w'"):
        g(x, big[:4096], b, out=big[2048:2048 + 8 * 4096].view(8, 4096))
    out = torch.empty(8, 4096, dtype=torch.bfloat16, device="cuda")
    assert g(x, w, b, out=out) is out


def test_eager_call_captured_in_a_cuda_graph(libs):
    """graph(*ins, out=outs) called inside torch.cuda.graph (bench.py's
    launcher): replays run on the capture's stream with new data."""
    g, _, _ = libs["add_rms_norm_fp8"]
    _, _, _, make_in, fn, out_spec = CHAINS["add_rms_norm_fp8"]
    static = make_in(64)
    outs = [torch.empty(sh, dtype=d, device="cuda") for sh, d in out_spec(64)]
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        g(*static, out=outs)
    torch.cuda.current_stream().wait_stream(s)
    cg = torch.cuda.CUDAGraph()
    with torch.cuda.graph(cg):
        g(*static, out=outs)
    new = make_in(64)
    for a, b in zip(static, new):
        if isinstance(a, torch.Tensor):
            a.copy_(b)
    cg.replay()
    torch.cuda.synchronize()
    check(tuple(outs), fn(*static), "replayed eager call")


def test_bad_input_raises(libs):
    g, _, _ = libs["layer_norm_4096"]
    x, w, b = CHAINS["layer_norm_4096"][3](4)
    with pytest.raises(sinter.Error, match="expected bf16, got f32"):
        g(x.float(), w, b)
    with pytest.raises(sinter.Error, match="innermost stride must be 1"):
        g(bench.rnd(4, 8192)[:, ::2], w, b)
    with pytest.raises(sinter.Error, match="is on cpu"):
        g(x, w.cpu(), b)


@pytest.mark.parametrize("graph", list(CHAINS))
def test_torch_compile_fullgraph(libs, graph):
    """The op inside a compiled function, with PyTorch ops around it, no
    graph break (fullgraph=True raises on one), at two sizes (dynamic
    shapes reach the fake implementation as symbolic sizes)."""
    _, op, _ = libs[graph]
    _, _, _, make_in, fn, _ = CHAINS[graph]

    def f(*tensors, scalars):
        it = iter(t * 1 if t.is_floating_point() else t for t in tensors)
        return op(*[s if s is not None else next(it) for s in scalars])

    scalars = tuple(None if isinstance(a, torch.Tensor) else a for a in make_in(1))
    compiled = torch.compile(lambda *t: f(*t, scalars=scalars), fullgraph=True, dynamic=True)
    for T in (3, 17):  # one compiled graph, symbolic T
        ins = make_in(T)
        check(compiled(*[a for a in ins if isinstance(a, torch.Tensor)]), fn(*ins),
              f"compiled {graph} T={T}")


@pytest.mark.parametrize("graph", list(CHAINS))
def test_cuda_graph_capture_and_replay(libs, graph):
    _, op, _ = libs[graph]
    _, _, _, make_in, fn, _ = CHAINS[graph]
    static = make_in(64)
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        op(*static)  # loads the kernels outside capture
    torch.cuda.current_stream().wait_stream(s)
    cg = torch.cuda.CUDAGraph()
    with torch.cuda.graph(cg):
        outs = op(*static)
    for _ in range(2):
        new = make_in(64)
        for a, b in zip(static, new):
            if isinstance(a, torch.Tensor):
                a.copy_(b)
        cg.replay()
        torch.cuda.synchronize()
        check(outs, fn(*static), f"replayed {graph}")


@pytest.mark.parametrize("graph", list(CHAINS))
def test_opcheck(libs, graph):
    _, op, _ = libs[graph]
    ins = CHAINS[graph][3](8)
    torch.library.opcheck(op.default, tuple(ins))


def test_host_overhead(libs, capsys):
    """Time per eager call from Python at T=1 (host-bound), printed."""
    g, op, _ = libs["add_rms_norm_fp8"]
    ins = CHAINS["add_rms_norm_fp8"][3](1)
    outs = [torch.empty(s, dtype=d, device="cuda") for s, d in CHAINS["add_rms_norm_fp8"][5](1)]
    rows = []
    cur = torch.cuda.current_stream()
    side = torch.cuda.Stream()
    for what, call in [("graph(*ins)", lambda: g(*ins)),
                       ("graph(*ins, out=outs)", lambda: g(*ins, out=outs)),
                       ("graph(*ins, out=outs, stream=current) (accessor path)",
                        lambda: g(*ins, out=outs, stream=cur)),
                       ("graph(*ins, out=outs, stream=another) (DLPack path)",
                        lambda: g(*ins, out=outs, stream=side)),
                       ("torch.ops custom op", lambda: op(*ins))]:
        for _ in range(100):
            call()
        torch.cuda.synchronize()
        n = 2000
        t0 = time.perf_counter()
        for _ in range(n):
            call()
        t1 = time.perf_counter()
        torch.cuda.synchronize()
        rows.append(f"{what}: {(t1 - t0) / n * 1e6:.1f} us per call")
    with capsys.disabled():
        print("\nhost overhead, add_rms_norm_fp8 at T=1: " + "; ".join(rows))


def test_f4e2m1_out_as_uint8_bytes():
    """f4e2m1 on the GPU from torch: out= as sinter.Tensor over a torch.uint8
    buffer with the last dim halved (the NumPy outputs' layout,
    docs/python.md); MXFP4's bytes and scales equal the CPU executor's
    (divisions by powers of two: exact)."""
    import numpy as np
    g = sinter.compile(os.path.join(ROOT, "examples", "mxfp4_quant.sn")).mxfp4_quant
    x = torch.randn(7, 7168, device="cuda").to(torch.bfloat16)
    q = sinter.Tensor(torch.empty(7, 3584, dtype=torch.uint8, device="cuda"), "f4e2m1")
    s = sinter.Tensor(torch.empty(7, 224, dtype=torch.uint8, device="cuda"), "f8e8m0")
    g(x, out=(q, s))
    torch.cuda.synchronize()
    xc = sinter.Tensor(x.view(torch.int16).cpu().numpy().view(np.uint16), "bf16")
    qc, sc = g(xc)
    np.testing.assert_array_equal(q.storage.cpu().numpy(), qc.storage)
    np.testing.assert_array_equal(s.storage.cpu().numpy(), sc.storage)
