"""Tensor parallelism from Python without a GPU (docs/python.md, "Tensor
parallelism"): Graph.set_comm (what it accepts and refuses, kept until
changed, CPU tensors refused while a communicator is set), Graph.run_world
and reference_world (simulated ranks) bit for bit against `sinter ref
--world W [--fused]` on both tests/tp programs at worlds 1, 2, 4, 8, and
the torch side where PyTorch is installed: the custom op with a
communicator, torch.distributed process groups that are not NCCL (Gloo),
and a ProcessGroupNCCL-like backend object.  The GPU halves are
tests/tp/tp_torch.py (one process per GPU)."""
import os
import subprocess

import numpy as np
import pytest

import sinter
from conftest import BUILD, ROOT, FakeCuda

SINTER = os.environ.get("SINTER_EXE", os.path.join(BUILD, "compiler", "sinter"))
if not os.path.exists(SINTER):  # SINTER_BUILD_DIR of bench/pyext_for.sh: the main build's
    SINTER = os.path.join(ROOT, "build", "compiler", "sinter")
TP = os.path.join(ROOT, "tests", "tp")
PROGRAMS = ["tp_qk_norm", "allreduce_add_rms_norm_fp8"]
SHARED = {"residual", "w", "wq", "wk"}  # one array for every rank in the tests below


@pytest.fixture(scope="module", params=PROGRAMS)
def program(request):
    lib = sinter.compile(os.path.join(TP, request.param + ".sn"))
    return request.param, lib[request.param]


def rank_inputs(sig, world, T, seed):
    """Per-rank inputs: the shared parameters one array for all, the rest
    drawn per rank; also the float32 values of each for the .npy files."""
    rng = np.random.default_rng(seed)
    shared, ranks = {}, [[] for _ in range(world)]
    for p in sig.inputs:
        shape = tuple(T if d == "T" else d for d in p.shape)
        if p.is_scalar:
            for r in range(world):
                ranks[r].append(0.05)
        elif p.name in SHARED:
            shared[p.name] = sinter.Tensor.from_values(rng.uniform(-1, 1, shape), p.dtype)
            for r in range(world):
                ranks[r].append(shared[p.name])
        else:
            for r in range(world):
                ranks[r].append(sinter.Tensor.from_values(rng.uniform(-1, 1, shape), p.dtype))
    return ranks


def storage(t):
    return np.asarray(t.storage if isinstance(t, sinter.Tensor) else t)


def as_tuple(r):
    return r if type(r) is tuple else (r,)


@pytest.mark.parametrize("world", [1, 2, 4, 8])
@pytest.mark.parametrize("fused", [True, False])
def test_run_world_matches_command_line(program, world, fused, tmp_path):
    """run_world (fused) and reference_world equal `sinter ref --world W`
    with and without --fused bit for bit on the same inputs; and every rank
    holds the same h (the all-reduced residual stream) where the ranks
    share the residual."""
    name, g = program
    ranks = rank_inputs(g.signature, world, 3, seed=world)
    cmd = [SINTER, "ref", os.path.join(TP, name + ".sn"), "--world", str(world), "--raw",
           "--output-dir", str(tmp_path)] + (["--fused"] if fused else [])
    for k, p in enumerate(g.signature.inputs):
        f = tmp_path / f"in_{p.name}.npy"
        if p.is_scalar:
            np.save(f, np.float32(ranks[0][k]))
        elif p.name in SHARED:  # the parameter's own shape: given to every rank
            np.save(f, ranks[0][k].numpy())
        else:  # a leading world dim
            np.save(f, np.stack([ranks[r][k].numpy() for r in range(world)]))
        cmd += ["--input", f"{p.name}={f}"]
    subprocess.run(cmd, check=True, capture_output=True)
    got = (g.run_world if fused else g.reference_world)(ranks)
    assert len(got) == world
    for o in range(len(g.signature.outputs)):
        want = np.load(tmp_path / f"out{o}.npy")
        assert want.shape[0] == world
        for r in range(world):
            out = storage(as_tuple(got[r])[o])
            np.testing.assert_array_equal(out.view(want.dtype), want[r],
                                          err_msg=f"{name} rank {r} out{o}")
    if name == "allreduce_add_rms_norm_fp8":
        for r in range(1, world):
            np.testing.assert_array_equal(storage(got[r][1]), storage(got[0][1]))


def test_all_reduce_sums_over_the_ranks(program):
    """Not the identity: with two ranks, each rank's outputs differ from
    what the rank computes alone (a world of one), and swapping the ranks'
    inputs swaps their outputs (the sum is the same on both)."""
    name, g = program
    ranks = rank_inputs(g.signature, 2, 4, seed=11)
    two = g.run_world(ranks)
    alone = [g(*ranks[r]) for r in range(2)]
    swapped = g.run_world([ranks[1], ranks[0]])
    for r in range(2):
        for o in range(len(g.signature.outputs)):
            a, b = storage(as_tuple(two[r])[o]), storage(as_tuple(alone[r])[o])
            assert not np.array_equal(a, b), f"{name} rank {r} out{o}: the sum was not taken"
            np.testing.assert_array_equal(storage(as_tuple(swapped[1 - r])[o]), a)


def test_world_of_one_is_a_call(program):
    name, g = program
    ranks = rank_inputs(g.signature, 1, 5, seed=3)
    got, want = g.run_world(ranks)[0], g(*ranks[0])
    for a, b in zip(as_tuple(got), as_tuple(want)):
        np.testing.assert_array_equal(storage(a), storage(b))


def test_run_world_outputs_given(program):
    name, g = program
    ranks = rank_inputs(g.signature, 2, 2, seed=5)
    want = g.run_world(ranks)
    outs = [[sinter.Tensor(np.zeros(storage(t).shape, storage(t).dtype), t.dtype)
             for t in as_tuple(want[r])] for r in range(2)]
    got = g.run_world(ranks, out=outs)
    for r in range(2):
        for a, b, c in zip(as_tuple(got[r]), outs[r], as_tuple(want[r])):
            assert a is b
            np.testing.assert_array_equal(storage(a), storage(c))


def test_run_world_refusals():
    g = sinter.compile(os.path.join(TP, "allreduce_add_rms_norm_fp8.sn")).allreduce_add_rms_norm_fp8
    ranks = rank_inputs(g.signature, 2, 3, seed=1)

    def refused(args, match, **kw):
        with pytest.raises(sinter.Error, match=match):
            g.run_world(args, **kw)

    refused([], "1 to 64 ranks, got 0")
    refused(ranks * 33, "1 to 64 ranks, got 66")
    refused([ranks[0], ranks[1][:3]], "takes 4 inputs, rank 1 gives 3")
    other = list(ranks[1])
    other[0] = sinter.Tensor.from_values(np.zeros((5, 4096)), "bf16")
    other[1] = sinter.Tensor.from_values(np.zeros((5, 4096)), "bf16")
    refused([ranks[0], other], "rank 1 has T = 5 but rank 0 has 3")
    other = list(ranks[1])
    other[0] = sinter.Tensor.from_values(np.zeros((3, 4096)), "f16")
    refused([ranks[0], other], "rank 1: input 'x': expected bf16, got f16")
    refused(ranks, "out= gives 1 ranks' outputs for a world of 2", out=[None])
    with pytest.raises(TypeError):
        g.run_world(5)


def test_loaded_bundle_has_no_simulated_world(tmp_path):
    lib = sinter.compile(os.path.join(TP, "tp_qk_norm.sn"))
    lib.save(tmp_path / "tp.snb")
    g = sinter.load(tmp_path / "tp.snb").tp_qk_norm
    with pytest.raises(sinter.Error, match="no CPU path"):
        g.run_world(rank_inputs(g.signature, 2, 1, seed=0))


def test_set_comm_values():
    lib = sinter.compile(os.path.join(TP, "tp_qk_norm.sn"))
    g = lib.tp_qk_norm
    assert g.num_collectives == 2 and g.comm is None and g._core.comm(g._index) is None
    g.set_comm(0x1234)
    assert g.comm == 0x1234 and g._core.comm(g._index) == 0x1234
    g.set_comm(None)
    assert g.comm is None and g._core.comm(g._index) is None
    for bad, match in [(0, "null pointer; None clears it"), (-1, "pointer value"),
                       (2**64, "pointer value"), (True, "got a bool"), ("comm", "got str"),
                       (1.5, "got float")]:
        with pytest.raises(sinter.Error, match=match):
            g.set_comm(bad)
        assert g.comm is None and g._core.comm(g._index) is None, bad
    lib.set_comm(77)  # every graph of the library
    assert all(x.comm == 77 for x in lib)
    plain = sinter.compile("graph g(x: f32[T, 8]) { return x * 2.0 }").g
    assert plain.num_collectives == 0


def test_cpu_tensors_with_a_communicator_are_refused(program):
    """A communicator serves GPU tensors; CPU tensors then raise (nothing
    written) until it is cleared, and run_world is unaffected."""
    name, g = program
    ranks = rank_inputs(g.signature, 2, 2, seed=9)
    want = g(*ranks[0])
    outs = tuple(sinter.Tensor(np.zeros_like(storage(t)), t.dtype) for t in as_tuple(want))
    g.set_comm(0x1000)
    try:
        with pytest.raises(sinter.Error, match="communicator \\(set_comm\\), which serves GPU"):
            g(*ranks[0], out=outs)
        assert all(not storage(t).any() for t in outs)
        assert len(g.run_world(ranks)) == 2
    finally:
        g.set_comm(None)
    for a, b in zip(as_tuple(g(*ranks[0])), as_tuple(want)):
        np.testing.assert_array_equal(storage(a), storage(b))


def test_gpu_tensors_without_a_communicator_are_refused(program):
    """Before anything is loaded or launched (so with or without a GPU),
    naming set_comm; nothing is written."""
    name, g = program
    ranks = rank_inputs(g.signature, 1, 2, seed=4)
    want = g(*ranks[0])
    outs = [np.zeros_like(storage(t)) for t in as_tuple(want)]
    args = [sinter.Tensor(FakeCuda(storage(a)), a.dtype) if isinstance(a, sinter.Tensor) else a
            for a in ranks[0]]
    fake_out = [sinter.Tensor(FakeCuda(o), t.dtype) for o, t in zip(outs, as_tuple(want))]
    with pytest.raises(sinter.Error, match=f"graph {name} sums over ranks .* but has no "
                                           "communicator: call graph.set_comm"):
        g(*args, out=fake_out)
    assert all(not o.any() for o in outs)


def test_graph_without_collectives_ignores_the_communicator():
    g = sinter.compile("graph g(x: f32[T, 8]) { return x * 2.0 }").g
    g.set_comm(0x1000)
    x = np.arange(16, dtype=np.float32).reshape(2, 8)
    np.testing.assert_array_equal(g(x), x * 2)


def test_backend_object_with_comm_ptr():
    """Anything with _comm_ptr() (PyTorch's ProcessGroupNCCL backend) gives
    its communicator; a 0 from a backend object itself is refused."""
    g = sinter.compile(os.path.join(TP, "tp_qk_norm.sn")).tp_qk_norm

    class Backend:
        def __init__(self, ptr):
            self.ptr = ptr

        def _comm_ptr(self):
            return self.ptr

    b = Backend(0xabc0)
    g.set_comm(b)
    assert g.comm is b and g._core.comm(g._index) == 0xabc0
    with pytest.raises(sinter.Error, match="no NCCL communicator on the current CUDA device"):
        g.set_comm(Backend(0))
    assert g.comm is b  # unchanged by the refusal
    with pytest.raises(sinter.Error, match="got object"):
        g.set_comm(object())


# ---------------------------------------------------------------- PyTorch

def torch_or_skip():
    return pytest.importorskip("torch")


def test_torch_custom_op_uses_the_graphs_communicator(tmp_path):
    """The op carries no communicator argument: it calls the graph, so it
    uses the graph's.  On CPU tensors: one rank without a communicator,
    refused with one."""
    torch = torch_or_skip()
    import sinter.torch as st
    lib = sinter.compile(os.path.join(TP, "tp_qk_norm.sn"))
    ops = st.register(lib, namespace="sinter_test_comm")
    g = lib.tp_qk_norm
    gen = torch.Generator().manual_seed(0)
    args = [(torch.rand(*s, generator=gen) * 2 - 1).to(torch.bfloat16)
            for s in [(3, 1536), (3, 256), (1536,), (256,)]]
    want = g(*args)
    got = ops.tp_qk_norm(*args)
    for a, b in zip(got, want):
        assert torch.equal(a, b)
    g.set_comm(0x1000)
    try:
        with pytest.raises(sinter.Error, match="serves GPU tensors only"):
            ops.tp_qk_norm(*args)
    finally:
        g.set_comm(None)
    # torch tensors through run_world too
    two = g.run_world([args, [a.flip(0) if a.dim() == 2 else a for a in args]])
    assert len(two) == 2 and two[0][0].shape == (3, 1536) and two[0][0].dtype == torch.bfloat16


def test_gloo_process_group_is_refused(tmp_path):
    torch = torch_or_skip()
    dist = pytest.importorskip("torch.distributed")
    if not dist.is_available() or not dist.is_gloo_available():
        pytest.skip("torch.distributed with Gloo is not available")
    g = sinter.compile(os.path.join(TP, "tp_qk_norm.sn")).tp_qk_norm
    store = dist.FileStore(str(tmp_path / "store"), 1)
    dist.init_process_group("gloo", store=store, rank=0, world_size=1)
    try:
        with pytest.raises(sinter.Error, match="NCCL"):
            g.set_comm(dist.group.WORLD)
        assert g.comm is None
        pg = dist.group.WORLD
        if not torch.cuda.is_available():
            with pytest.raises(sinter.Error, match="PyTorch sees none"):
                g.set_comm(pg)
    finally:
        dist.destroy_process_group()
