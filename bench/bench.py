#!/usr/bin/env python3
"""bench.py - sinter against PyTorch eager, torch.compile and FlashInfer, one run, one GPU.

For every example at T in {1, 64, 2048, 16384}: the device-to-device copy
bandwidth, then each chain three ways (sinter through its Python package,
the same chain in PyTorch eager, the same under torch.compile), timed with
CUDA events over CUDA-graph replays: one graph holds K back-to-back calls
of the chain, each on its own set of inputs (the sets' inputs together at
least 4x the L2 at every T, so every call reads its inputs from DRAM, as
after other layers' work; K >= 8; eager, at 11-20 kernels a call, gets
graphs of at most 256 calls over consecutive sets, replayed in turn, so
its calls read from DRAM too), and a timed run is one replay divided by
K, so
host launch overhead and the graph's own launch latency are out of all
three and small-T numbers are GPU time per call; median of >= 100 runs
after warm-up.  sinter is timed twice: with programmatic dependent launch
(sn_graph_set_pdl(g, 1), sm_90+: each call follows a sinter call, which
lets the next one's blocks be scheduled at its start) and as launched by
default, plainly, as torch.compile's kernels are; where this Inductor has
the option (triton.enable_pdl), torch.compile is timed with PDL too.  sinter's outputs are checked against PyTorch's.  The
bundle of each example is loaded twice from an empty kernel cache: the
first load is the cold one (compile + NVRTC + module loads: SINTER_JIT=eager,
every kernel function), the second the warm one (cache hits + module
loads).  Where FlashInfer has the chain
(QK RMSNorm for Qwen3 and Gemma, add + RMSNorm + static FP8, MLA RoPE + FP8 in
both forms)
and its wrapper is built (bench/flashinfer_fetch.sh, bench/flashinfer_build.sh),
a FlashInfer column is timed the same way, its outputs checked too.
Prints one table and writes it as markdown and JSON.

    python3 bench/bench.py [--sinter build/compiler/sinter] [--lib BUILD/runtime/libsinter.so]
                           [--out DIR] [--tokens 1,64,2048,16384] [--iters 100]
                           [--examples DIR] [--sinter-only] [--flashinfer SO|none]

--sinter-only times sinter alone; with --examples, --sinter and --lib
naming another checkout's build it compares two builds of sinter on one
machine (bench/ab.sh runs that comparison).
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sinter_package import import_sinter  # noqa: E402

BF16, F32, F8 = torch.bfloat16, torch.float32, torch.float8_e4m3fn
SN = {F32: 0, torch.float16: 1, BF16: 2, F8: 3, torch.int64: 9, torch.int32: 8}
MAX_SETS = 16384   # input sets (and calls per graph) at the smallest T
EAGER_CALLS = 256  # eager's calls per graph: a graph of 16384 x 20 kernels is too slow


class Sinter:
    """sinter through its Python package: bundles compiled by the command
    line (`exe`, so bench/ab.sh compares two checkouts' compilers too),
    loaded and launched by the package of the same build (`lib` names that
    build's runtime/libsinter.so, or None: package_dir's default)."""

    def __init__(self, lib, exe):
        self.sinter = import_sinter(lib)
        self.exe = exe

    def load(self, src, graph, out_dir):
        """(the graph, cold load ms, warm load ms): the bundle loaded onto
        the GPU twice, from an empty cache then from the cache."""
        snb = os.path.join(out_dir, os.path.basename(src) + ".snb")
        subprocess.run([self.exe, "compile", src, "-o", snb, "--target", "cuda:sm_90"],
                       check=True, capture_output=True)
        times = []
        for _ in range(2):  # cold (empty cache), then warm
            lib = self.sinter.load(snb)  # read and described on the host: not timed
            t0 = time.perf_counter()
            lib.load_device()  # sn_bundle_load_memory: JIT or cache hit, module load
            times.append((time.perf_counter() - t0) * 1e3)
        return lib[graph], times[0], times[1]

    @staticmethod
    def launcher(g, ins, outs):
        """A call of g on these tensors (outputs given), on PyTorch's current
        stream (the package reads it per call, so it follows
        torch.cuda.stream() and graph capture)."""
        outs = list(outs)

        def run():
            g(*ins, out=outs)
        return run


# ---------------------------------------------------------------- chains
def rms(x, w, eps):
    xf = x.float()
    return (xf * torch.rsqrt(xf.pow(2).mean(-1, keepdim=True) + eps) * w.float()).to(x.dtype)


def qwen3(qkv, q_w, k_w):
    T = qkv.shape[0]
    q, k, _ = qkv.split([4096, 1024, 1024], dim=-1)
    return rms(q.view(T, 32, 128), q_w, 1e-6), rms(k.view(T, 8, 128), k_w, 1e-6)


def gemma(qkv, q_w, k_w):
    T = qkv.shape[0]
    q = qkv[:, 0:4096].view(T, 32, 128)
    k = qkv[:, 4096:5120].view(T, 8, 128)
    return rms(q, q_w + 1.0, 1e-6), rms(k, k_w + 1.0, 1e-6)


def quant(y, scale):
    return (y.float() / scale).clamp(-448.0, 448.0).to(F8)


def add_rms_fp8(x, residual, w, scale):
    h = x + residual
    return quant(rms(h, w, 1e-5), scale), h


def rms_fp8_token(x, w):
    y = rms(x, w, 1e-6).float()
    s = y.abs().amax(-1, keepdim=True).clamp(min=1e-10) / 448.0
    return (y / s).clamp(-448.0, 448.0).to(F8), s


def mla(q, positions, cache, scale):
    q_nope, q_pe = q.split([128, 64], dim=-1)
    cs = cache[positions]
    cos, sin = cs[:, :32].unsqueeze(1), cs[:, 32:].unsqueeze(1)
    x1, x2 = q_pe[..., 0::2].float(), q_pe[..., 1::2].float()
    rot = torch.stack([x1 * cos - x2 * sin, x2 * cos + x1 * sin], -1).flatten(-2)
    return quant(torch.cat([q_nope.float(), rot], -1), scale)  # unrounded, as sinter's library


def rope_neox_f32(x, cos, sin):
    """NeoX halves in f32 (the cos/sin cache is f32): x[i] pairs with x[i + d/2]."""
    x1, x2 = x.float().chunk(2, dim=-1)
    return torch.cat([x1 * cos - x2 * sin, x2 * cos + x1 * sin], -1)


def mla_qk(q_pe, k_pe, q_nope, k_nope, positions, cache, q_scale, kv_scale):
    """FlashInfer's RopeQuantize for MLA: Q's 128 heads and the shared k_pe."""
    cs = cache[positions]
    cos, sin = cs[:, :32].unsqueeze(1), cs[:, 32:].unsqueeze(1)
    return (quant(rope_neox_f32(q_pe, cos, sin), q_scale),
            quant(rope_neox_f32(k_pe, cos, sin), kv_scale),
            quant(q_nope, q_scale), quant(k_nope, kv_scale))


def silu_fp8_group(gate_up):
    T = gate_up.shape[0]
    a, b = gate_up.chunk(2, dim=-1)
    g = (F.silu(a.float()) * b.float()).view(T, 112, 128)
    s = g.abs().amax(-1, keepdim=True).clamp(min=1e-10) / 448.0
    q = (g / s).clamp(-448.0, 448.0).to(F8).view(T, 14336)
    return q, s.squeeze(-1).t()


def layer_norm(x, w, b):
    return F.layer_norm(x, (4096,), w, b, 1e-5)


def rnd(*shape, dtype=BF16):
    return (torch.rand(*shape, device="cuda", dtype=F32) * 2 - 1).to(dtype)


# name, file, graph, inputs(T) -> list, torch fn, output specs(T) -> [(shape, dtype)]
CHAINS = [
    ("Qwen3 QK RMSNorm (strided QKV)", "qwen3_qk_norm", "qwen3_qk_norm",
     lambda T: [rnd(T, 6144), rnd(128), rnd(128)], qwen3,
     lambda T: [((T, 32, 128), BF16), ((T, 8, 128), BF16)]),
    ("Gemma QK RMSNorm (w+1)", "gemma_qk_norm", "gemma_qk_norm",
     lambda T: [rnd(T, 6144), rnd(128), rnd(128)], gemma,
     lambda T: [((T, 32, 128), BF16), ((T, 8, 128), BF16)]),
    ("add + RMSNorm + static FP8", "add_rms_norm_fp8", "add_rms_norm_fp8",
     lambda T: [rnd(T, 4096), rnd(T, 4096), rnd(4096), 0.05], add_rms_fp8,
     lambda T: [((T, 4096), F8), ((T, 4096), BF16)]),
    ("RMSNorm + per-token FP8", "rms_norm_fp8_per_token", "rms_norm_fp8_per_token",
     lambda T: [rnd(T, 4096), rnd(4096)], rms_fp8_token,
     lambda T: [((T, 4096), F8), ((T, 1), F32)]),
    ("MLA RoPE + concat + FP8", "mla_rope_fp8", "mla_rope_fp8",
     lambda T: [rnd(T, 128, 192), torch.randint(0, 4096, (T,), device="cuda"),
                rnd(4096, 64, dtype=F32), 0.05], mla,
     lambda T: [((T, 128, 192), F8)]),
    ("MLA RoPE Q+K (shared k_pe) + FP8", "mla_rope_qk_fp8", "mla_rope_qk_fp8",
     lambda T: [rnd(T, 128, 64), rnd(T, 1, 64), rnd(T, 128, 512), rnd(T, 1, 512),
                torch.randint(0, 4096, (T,), device="cuda"), rnd(4096, 64, dtype=F32),
                0.05, 0.05], mla_qk,
     lambda T: [((T, 128, 64), F8), ((T, 1, 64), F8), ((T, 128, 512), F8),
                ((T, 1, 512), F8)]),
    ("SiLU-mul + group-128 FP8", "silu_mul_fp8_group", "silu_mul_fp8_group",
     lambda T: [rnd(T, 28672)], silu_fp8_group,
     lambda T: [((T, 14336), F8), ((112, T), F32)]),
    ("LayerNorm", "layer_norm", "layer_norm_4096",
     lambda T: [rnd(T, 4096), rnd(4096), rnd(4096)], layer_norm,
     lambda T: [((T, 4096), BF16)]),
]


# ------------------------------------------------------------- FlashInfer
class FlashInfer:
    """FlashInfer's hand-written kernels for the chains it has, through
    bench/flashinfer_wrap.cu (bench/flashinfer_fetch.sh, then
    bench/flashinfer_build.sh, build bench/.flashinfer/libflashinfer_wrap.so),
    loaded with ctypes.  Each is launched with enable_pdl on, FlashInfer's own
    default on sm_90+.  launcher(example, ins, outs) -> a call, or None where
    FlashInfer has no such chain; run(example, ins) -> the outputs of one
    call on fresh buffers (the check)."""

    def __init__(self, path):
        import ctypes
        self.c = ctypes
        self.lib = ctypes.CDLL(path)
        p, u32, u64, f, i = (ctypes.c_void_p, ctypes.c_uint32, ctypes.c_uint64, ctypes.c_float,
                             ctypes.c_int)
        self.lib.fi_qk_rmsnorm.argtypes = [p, u32, p, p, p, p, u32, u32, u32, u32, f, i, i, p]
        self.lib.fi_fused_add_rmsnorm_quant.argtypes = [p, p, p, p, p, u32, u32, f, i, p]
        self.lib.fi_mla_rope_quantize.argtypes = [p, u64, u64, p, p, p, u32, u32, u32, u32, f,
                                                  i, p]
        # newer entry points: absent from a wrapper built before them
        if hasattr(self.lib, "fi_rope_quantize_qk"):
            self.lib.fi_rope_quantize_qk.argtypes = [p] * 10 + [u32] * 5 + [f, f, i, i, p]
        if hasattr(self.lib, "fi_rope_inplace"):
            self.lib.fi_rope_inplace.argtypes = [p, p, p, p, u32, u32, u32, u32, u64, u64, u64,
                                                 u64, i, p]
        self.keep = []

    CHAINS = {"qwen3_qk_norm": "QKRMSNorm x2", "gemma_qk_norm": "QKRMSNorm kernel x2, w+1",
              "add_rms_norm_fp8": "FusedAddRMSNormQuant", "mla_rope_fp8": "RopeQuantize",
              "mla_rope_qk_fp8": "RopeQuantize (Q and K)"}

    NEEDS = {"mla_rope_qk_fp8": "fi_rope_quantize_qk"}

    def has(self, ex):
        """Whether this wrapper has the chain (an old build may lack one)."""
        return ex in self.CHAINS and hasattr(self.lib, self.NEEDS.get(ex, "fi_qk_rmsnorm"))

    def _check(self, rc):
        if rc != 0:
            raise RuntimeError(f"FlashInfer launch failed: cudaError {rc}")

    def launcher(self, ex, ins, outs):
        if ex not in self.CHAINS:
            return None
        lib = self.lib
        stream = lambda: torch.cuda.current_stream().cuda_stream  # noqa: E731
        if ex in ("qwen3_qk_norm", "gemma_qk_norm"):
            qkv, q_w, k_w = ins
            q, k = outs
            T, gemma = qkv.shape[0], int(ex == "gemma_qk_norm")
            return lambda: self._check(lib.fi_qk_rmsnorm(
                qkv.data_ptr(), qkv.stride(0), q_w.data_ptr(), k_w.data_ptr(), q.data_ptr(),
                k.data_ptr(), T, 32, 8, 128, 1e-6, gemma, 1, stream()))
        if ex == "add_rms_norm_fp8":
            x, residual, w, scale = ins
            q = outs[0]
            dscale = torch.tensor([scale], dtype=F32, device="cuda")
            self.keep.append(dscale)
            # the residual is updated in place (it becomes h): FlashInfer's form
            return lambda: self._check(lib.fi_fused_add_rmsnorm_quant(
                x.data_ptr(), residual.data_ptr(), w.data_ptr(), q.data_ptr(),
                dscale.data_ptr(), x.shape[0], 4096, 1e-5, 1, stream()))
        if ex == "mla_rope_fp8":
            qin, pos, cache, scale = ins
            out = outs[0]
            return lambda: self._check(lib.fi_mla_rope_quantize(
                qin.data_ptr(), qin.stride(0), qin.stride(1), cache.data_ptr(), pos.data_ptr(),
                out.data_ptr(), qin.shape[0], 128, 128, 64, 1.0 / scale, 1, stream()))
        if ex == "mla_rope_qk_fp8":
            q_pe, k_pe, q_nope, k_nope, pos, cache, q_scale, kv_scale = ins
            o = [t.data_ptr() for t in outs]
            return lambda: self._check(lib.fi_rope_quantize_qk(
                q_pe.data_ptr(), k_pe.data_ptr(), q_nope.data_ptr(), k_nope.data_ptr(), *o,
                cache.data_ptr(), pos.data_ptr(), q_pe.shape[0], 128, 1, 64, 512,
                1.0 / q_scale, 1.0 / kv_scale, 0, 1, stream()))
        return None

    def run(self, ex, ins, out_spec):
        """One call on fresh outputs (and a copy of an input it updates in
        place): the outputs in the order of the chain's PyTorch reference."""
        outs = [torch.empty(s, dtype=d, device="cuda") for s, d in out_spec]
        if ex == "add_rms_norm_fp8":
            ins = [ins[0], ins[1].clone(), ins[2], ins[3]]
            self.launcher(ex, ins, outs)()
            return (outs[0], ins[1])
        self.launcher(ex, ins, outs)()
        return tuple(outs)


def load_flashinfer(a):
    """FlashInfer, or None (with a note) where the wrapper is not built or
    the run is sinter-only."""
    if a.sinter_only or a.flashinfer == "none":
        return None
    if not os.path.exists(a.flashinfer):
        print(f"no FlashInfer column: {a.flashinfer} is missing (bench/flashinfer_fetch.sh, "
              "then bench/flashinfer_build.sh)")
        return None
    return FlashInfer(a.flashinfer)


def compile_with_pdl(fn):
    """torch.compile with Inductor's programmatic dependent launch, or None
    where this PyTorch has no such option.  A wrapper of its own, so that
    Dynamo's cache for fn keeps the default build."""
    if not hasattr(torch._inductor.config.triton, "enable_pdl"):
        return None

    def wrapped(*args):
        return fn(*args)
    return torch.compile(wrapped, options={"triton.enable_pdl": True})


def nbytes(ts):
    return sum(t.numel() * t.element_size() for t in ts if isinstance(t, torch.Tensor))


def time_graph(graph, calls, iters):
    """Median time of one call: one replay of `graph` (which holds `calls`
    back-to-back calls) divided by `calls`, in us.  `graph` may be a list
    of graphs of `calls` calls each, replayed in turn (run i replays graph
    i mod len)."""
    graphs = graph if isinstance(graph, list) else [graph]
    for _ in range(3):
        for g in graphs:
            g.replay()
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    times = []
    for i in range(iters):
        start.record()
        graphs[i % len(graphs)].replay()
        end.record()
        end.synchronize()
        times.append(start.elapsed_time(end) * 1e3 / calls)
    return statistics.median(times)


def capture(fn, nsets, calls):
    """One CUDA graph of `calls` calls fn(i % nsets), i = 0 .. calls-1."""
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        for i in range(min(2, nsets)):
            fn(i)  # warm-up (and compile) outside capture
    torch.cuda.current_stream().wait_stream(s)
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        for i in range(calls):
            fn(i % nsets)
    return g


def capture_rotating(fn, nsets, calls):
    """Graphs of `calls` calls each over consecutive sets, together covering
    all `nsets`: graph j calls fn((j * calls + i) % nsets), i = 0 .. calls-1
    (one graph when nsets <= calls).  time_graph replays them in turn."""
    return [capture(lambda i, b=b: fn((b + i) % nsets), nsets, calls)
            for b in range(0, nsets, calls)]


def record_outputs(r, ptrs):
    """Adds the tuple of r's output addresses to ptrs (r dropped after)."""
    r = r if isinstance(r, tuple) else (r,)
    ptrs.add(tuple(t.data_ptr() for t in r))


def count_kernels(fn, args):
    from torch.profiler import profile, ProfilerActivity
    fn(args)
    torch.cuda.synchronize()
    with profile(activities=[ProfilerActivity.CUDA]) as prof:
        fn(args)
        torch.cuda.synchronize()
    return sum(1 for e in prof.events() if e.device_type == torch.autograd.DeviceType.CUDA)


def copy_bandwidth():
    a = torch.empty(256 << 20, dtype=torch.uint8, device="cuda").fill_(1)
    b = torch.empty_like(a)
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    times = []
    for i in range(23):
        start.record()
        b.copy_(a)
        end.record()
        end.synchronize()
        if i >= 3:
            times.append(start.elapsed_time(end) * 1e-3)
    return 2 * a.numel() / statistics.median(times)


def agree(got, want):
    """Fraction of elements beyond one rounding step of the output dtype."""
    g, w = got.float(), want.float().reshape(got.shape)
    rtol = {BF16: 1 / 64, F8: 0.25, F32: 1e-3}[got.dtype]
    bad = ((g - w).abs() > 1e-3 + rtol * w.abs()) & ~(g.isnan() & w.isnan())
    return bad.float().mean().item()


def time_torch(a, res, fn, compiled, compiled_pdl, sets, nsets, calls, ecalls):
    """The PyTorch columns of one row: eager, torch.compile, torch.compile+PDL."""
    res["eager_us"] = time_graph(
        capture_rotating(lambda i: fn(*sets[i][0]), nsets, ecalls), ecalls, a.iters)
    ptrs = set()
    res["compile_us"] = time_graph(
        capture(lambda i: record_outputs(compiled(*sets[i][0]), ptrs), nsets, calls),
        calls, a.iters)
    res["compile_output_addresses"] = len(ptrs)
    if compiled_pdl is not None:
        res["compile_pdl_us"] = time_graph(
            capture(lambda i: compiled_pdl(*sets[i][0]), nsets, calls), calls, a.iters)


def col(res, key, fmt="9.2f"):
    """A column of the printed line, '-' where the run did not time it."""
    return format(res[key], fmt) if key in res else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sinter", default="build/compiler/sinter")
    ap.add_argument("--lib", default=None,
                    help="BUILD/runtime/libsinter.so: use BUILD's Python package (default: "
                         "$SINTER_BUILD_DIR's, else build/'s; see package_dir)")
    ap.add_argument("--out", default=os.environ.get("OUT", "."))
    ap.add_argument("--tokens", default="1,64,2048,16384")
    ap.add_argument("--iters", type=int, default=100)
    ap.add_argument("--only", default="",
                    help="comma-separated substrings of example file names")
    ap.add_argument("--examples", default="examples",
                    help="the folder of the .sn files (another checkout's, for a before/after run)")
    ap.add_argument("--sinter-only", action="store_true",
                    help="time sinter alone (no eager or torch.compile columns): for comparing "
                         "two builds of sinter in one process on one machine")
    ap.add_argument("--flashinfer", default=os.path.join(os.path.dirname(os.path.abspath(
                        __file__)), ".flashinfer", "libflashinfer_wrap.so"),
                    help="FlashInfer's kernels (bench/flashinfer_build.sh's .so) for the chains "
                         "it has, or 'none'")
    ap.add_argument("--outputs", choices=["shared", "rotated"], default="shared",
                    help="sinter's outputs: one set for every call (as the PyTorch calls get "
                         "from the caching allocator), or one per input set")
    a = ap.parse_args()
    # a load compiles every kernel function now, as loads did before
    # 2026-12-07 (the runtime's default compiles each at its first launch),
    # so the cold/warm columns keep measuring the whole JIT
    os.environ.setdefault("SINTER_JIT", "eager")
    torch.manual_seed(0)
    import tempfile
    cache = tempfile.mkdtemp(prefix="sinter-bench-cache-")
    os.environ["SINTER_CACHE_DIR"] = cache
    # os.environ also sets the C environment the runtime reads (putenv): a
    # run whose shell exported SINTER_CACHE_DIR measured cache hits as
    # "cold" loads before this line existed (2026-11-22)
    sn = Sinter(a.lib, a.sinter)
    fi = load_flashinfer(a)
    copy = copy_bandwidth()
    rotate = 4 * torch.cuda.get_device_properties(0).L2_cache_size
    print(f"device {torch.cuda.get_device_name()}; device-to-device copy {copy / 1e9:.1f} GB/s")
    rows = []
    for name, ex, graph, make_in, fn, out_spec in CHAINS:
        if a.only and not any(o and o in ex for o in a.only.split(",")):
            continue
        g, cold_ms, warm_ms = sn.load(f"{a.examples}/{ex}.sn", graph, a.out)
        compiled = None if a.sinter_only else torch.compile(fn)
        compiled_pdl = None if a.sinter_only else compile_with_pdl(fn)
        for T in [int(t) for t in a.tokens.split(",")]:
            ins0 = make_in(T)
            outs0 = [torch.empty(s, dtype=d, device="cuda") for s, d in out_spec(T)]
            moved = nbytes(ins0) + nbytes(outs0)
            nsets = max(2, min(MAX_SETS, math.ceil(rotate / max(nbytes(ins0), 1))))
            calls = max(8, nsets)
            ecalls = min(calls, EAGER_CALLS)  # eager: graphs of ecalls calls over sets
            sets = [(make_in(T), [torch.empty(s, dtype=d, device="cuda") for s, d in out_spec(T)])
                    for _ in range(nsets)]
            # inputs rotate through the sets; outputs: the PyTorch calls
            # allocate theirs, and within a captured graph the caching
            # allocator hands every call the same blocks (counted below),
            # so by default every sinter call writes set 0's outputs too
            launchers = [sn.launcher(g, ins, sets[0][1] if a.outputs == "shared" else outs)
                         for ins, outs in sets]
            res = {"chain": name, "T": T, "bytes": moved}
            g.set_pdl(True)
            res["sinter_us"] = time_graph(capture(lambda i: launchers[i](), nsets, calls),
                                          calls, a.iters)
            g.set_pdl(False)
            res["sinter_nopdl_us"] = time_graph(capture(lambda i: launchers[i](), nsets, calls),
                                                calls, a.iters)
            res["sets"], res["input_bytes_rotated"] = nsets, nsets * nbytes(ins0)
            if not a.sinter_only:
                time_torch(a, res, fn, compiled, compiled_pdl, sets, nsets, calls, ecalls)
            fil = [fi.launcher(ex, i, sets[0][1]) for i, _ in sets] \
                if fi and fi.has(ex) else None
            if fil:
                res["flashinfer_us"] = time_graph(capture(lambda i: fil[i](), nsets, calls),
                                                  calls, a.iters)
            ins, outs = sets[0]
            launchers[0]()
            want = fn(*ins)
            want = want if isinstance(want, tuple) else (want,)
            res["mismatch"] = max(agree(o, w) for o, w in zip(outs, want))
            if fil:
                fresh = make_in(T)  # the timed calls updated some sets' inputs in place
                got = fi.run(ex, fresh, out_spec(T))
                want_fi = fn(*fresh)
                want_fi = want_fi if isinstance(want_fi, tuple) else (want_fi,)
                res["flashinfer_mismatch"] = max(agree(o, w) for o, w in zip(got, want_fi))
                res["flashinfer_kernels"] = FlashInfer.CHAINS[ex]
            if T == 64 and not a.sinter_only:
                res["eager_kernels"] = count_kernels(lambda s: fn(*s[0]), sets[0])
                res["compile_kernels"] = count_kernels(lambda s: compiled(*s[0]), sets[0])
                res["sinter_kernels"] = count_kernels(lambda s: launchers[0](), sets[0])
            res["cold_load_ms"], res["warm_load_ms"] = cold_ms, warm_ms
            for k in ("sinter", "sinter_nopdl", "eager", "compile", "compile_pdl", "flashinfer"):
                if k + "_us" in res:
                    res[k + "_frac"] = moved / (res[k + "_us"] * 1e-6) / copy
            rows.append(res)
            print(f"{name:34s} T={T:6d} sinter {res['sinter_us']:9.2f} us ({res['sinter_frac']:.2f})"
                  f"  no-PDL {res['sinter_nopdl_us']:9.2f}"
                  f"  eager {col(res, 'eager_us')} ({col(res, 'eager_frac', '.2f')})"
                  f"  compile {col(res, 'compile_us')} ({col(res, 'compile_frac', '.2f')})"
                  f"  compile+PDL {col(res, 'compile_pdl_us')}"
                  + (f"  flashinfer {res['flashinfer_us']:9.2f} "
                     f"(mismatch {res['flashinfer_mismatch']:.4f})" if "flashinfer_us" in res
                     else "") +
                  f"  mismatch {res['mismatch']:.4f}  sets {nsets}"
                  f"  (torch.compile output sets: {res.get('compile_output_addresses', '-')})",
                  flush=True)
            del sets, launchers, fil
            if fi:
                fi.keep.clear()
            torch.cuda.empty_cache()
            write_tables(a, rows, copy)
    write_tables(a, rows, copy)
    big = [r for r in rows if r["T"] == max(int(t) for t in a.tokens.split(","))]
    if big and not a.sinter_only:
        gm = math.exp(sum(math.log(r["compile_us"] / r["sinter_us"]) for r in big) / len(big))
        print(f"geometric-mean speedup over torch.compile at T={big[0]['T']}: {gm:.2f}")


def write_tables(a, rows, copy):
    """bench.json and bench.md in a.out (rewritten after every row, so an
    interrupted run keeps what it measured)."""
    with open(os.path.join(a.out, "bench.json"), "w") as f:
        json.dump({"device": torch.cuda.get_device_name(), "copy_GBs": copy / 1e9,
                   "date": time.strftime("%Y-%m-%d"), "rows": rows}, f, indent=1)
    if a.sinter_only:
        write_sinter_table(a, rows, copy)
        return
    with open(os.path.join(a.out, "bench.md"), "w") as f:
        f.write(f"{torch.cuda.get_device_name()}, copy {copy / 1e9:.0f} GB/s, "
                "sinter's ratios from its PDL column, "
                f"{time.strftime('%Y-%m-%d')}; inputs rotated through 4x the L2 "
                f"({torch.cuda.get_device_properties(0).L2_cache_size >> 20} MiB)\n\n")
        f.write("| chain | T | sinter PDL us | sinter no-PDL us | eager us | compile us"
                " | compile+PDL us | FlashInfer us | sinter / copy | compile / copy"
                " | eager / copy | x eager | x compile | kernels eager/compile/sinter"
                " | cold load ms | warm load ms |\n")
        f.write("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
        first = {}
        for r in rows:
            first.setdefault(r["chain"], r)
        for r in rows:
            k = f"{r.get('eager_kernels', '')}/{r.get('compile_kernels', '')}/" \
                f"{r.get('sinter_kernels', '')}" \
                if "eager_kernels" in r else ""
            cp = f"{r['compile_pdl_us']:.1f}" if "compile_pdl_us" in r else "-"
            fi = f"{r['flashinfer_us']:.1f}" if "flashinfer_us" in r else "-"
            f.write(f"| {r['chain']} | {r['T']} | {r['sinter_us']:.1f} | "
                    f"{r['sinter_nopdl_us']:.1f} | {r['eager_us']:.1f} | "
                    f"{r['compile_us']:.1f} | {cp} | {fi} | {r['sinter_frac']:.2f} | "
                    f"{r['compile_frac']:.2f} | "
                    f"{r['eager_frac']:.2f} | {r['eager_us'] / r['sinter_us']:.1f} | "
                    f"{r['compile_us'] / r['sinter_us']:.2f} | {k} | "
                    + (f"{r['cold_load_ms']:.0f} | {r['warm_load_ms']:.2f} |\n"
                       if r is first[r['chain']] else " | |\n"))
        big = [r for r in rows if r["T"] == max(int(t) for t in a.tokens.split(","))]
        if big:
            gm = math.exp(sum(math.log(r["compile_us"] / r["sinter_us"]) for r in big) / len(big))
            f.write(f"\nGeometric-mean speedup over torch.compile at T={big[0]['T']} "
                    f"({len(big)} chains): {gm:.2f}\n")
        fis = [r for r in rows if "flashinfer_us" in r]
        if fis:
            f.write("\nFlashInfer: its hand-written kernels where it has the chain (enable_pdl "
                    "on), through bench/flashinfer_wrap.cu; outputs checked against PyTorch "
                    "(fraction of elements beyond one rounding step): "
                    + "; ".join(f"{r['chain']} T={r['T']} {r['flashinfer_kernels']} "
                                f"{r['flashinfer_mismatch']:.4f}" for r in fis) + "\n")


def write_sinter_table(a, rows, copy):
    """bench.md of a --sinter-only run: sinter's columns alone."""
    with open(os.path.join(a.out, "bench.md"), "w") as f:
        f.write(f"{torch.cuda.get_device_name()}, copy {copy / 1e9:.0f} GB/s, "
                f"{time.strftime('%Y-%m-%d')}, sinter alone ({a.sinter})\n\n"
                "| chain | T | sinter PDL us | sinter no-PDL us | sinter / copy |\n"
                "|---|---|---|---|---|\n")
        for r in rows:
            f.write(f"| {r['chain']} | {r['T']} | {r['sinter_us']:.2f} | "
                    f"{r['sinter_nopdl_us']:.2f} | {r['sinter_frac']:.3f} |\n")


if __name__ == "__main__":
    sys.exit(main())
