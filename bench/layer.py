#!/usr/bin/env python3
"""layer.py - what the engines run at decode: one decoder layer of
Llama-3-8B's shapes (hidden 4096, 32 query / 8 KV heads of 128,
intermediate 14336) with cuBLAS GEMMs and, between them, the chains
sinter fuses, timed per layer in one CUDA graph at T = 1, 8, 64 tokens.

The layer (attention itself left out, see below):

    a8, h   = add + RMSNorm + static FP8 (x, residual)       chain 1
    qkv     = FP8 GEMM  a8 [T, 4096] x Wqkv [6144, 4096]     torch._scaled_mm, per-tensor scales
    q, k    = QK RMSNorm (Qwen3) + NeoX RoPE by position     chain 2
    o       = bf16 GEMM q [T, 4096] x Wo [4096, 4096]        torch.matmul (cuBLAS)
    a8, h   = add + RMSNorm + static FP8 (o, h)              chain 1 again
    gu      = FP8 GEMM  a8 x Wgate_up [28672, 4096]          torch._scaled_mm
    a8, s   = SiLU-and-mul + group-128 FP8 (gu)              chain 3
    y       = FP8 GEMM  a8 [T, 14336] x Wdown [4096, 14336]  group scales: see --down

and the next layer takes (y, h).  Attention is out: o_proj reads the
rotated Q (K is computed and checked, V unused), since the attention
kernel is the same in every column and its time depends on the context
length, not on the chains.  Qwen3's QK norm is in (Llama has none) because
it is the chain issue 20 names; --qk split runs it as two sinter chains
(qwen3_qk_norm, then rope_inplace on its outputs) instead of one
(qk_norm_rope).

GEMMs.  The two norms produce static per-tensor FP8, so the QKV and
gate/up projections are FP8 GEMMs with per-tensor scales
(torch._scaled_mm).  The SiLU chain produces per-group-128 FP8 with its
scales column-major [112, T] (DeepGEMM's layout), so the down projection
is a block-scaled FP8 GEMM: --down blockwise calls torch._scaled_mm with
1x128 activation and 128x128 weight scales (cuBLAS, CUDA >= 12.9);
--down dequant multiplies the scales back in (PyTorch, three small
kernels) and runs a bf16 GEMM on a bf16 copy of the weight; --down auto
(the default) tries blockwise at each T against dequant and keeps it
where it runs and agrees (cuBLAS wants the token count a multiple of 4 for
those scales, so T=1 falls back).  Each row says which ran.  The GEMMs are
the same calls in every column; only the chains differ.

Columns (each a CUDA graph of --layers layers, each with its own weights,
so every GEMM reads its weights from DRAM, repeated --repeat times; a
timed run is one replay divided by the layers it ran; median of --iters
runs after warm-up, CUDA events: bench.py's method):
  eager        the chains in PyTorch eager (f32 math, rounded where stored)
  compile      each chain under torch.compile (Inductor's Triton kernels),
               the GEMMs eager between them
  sinter       sinter's chains through `import sinter` (examples/*.sn),
               every graph launched with PDL (sn_graph_set_pdl(g, 1)):
               the kernel before each chain is a cuBLAS GEMM
  sinter-nopdl the same graphs launched plainly (the runtime's default)
  flashinfer   FlashInfer's kernels where it has the chain (enable_pdl on
               where its API has it): FusedAddRMSNormQuant (the residual
               updated in place, FlashInfer's form), QKRMSNorm x2 then
               BatchQKApplyRotaryPosIdsCosSinCache in place (no PDL option);
               FlashInfer has no SiLU-mul + group FP8 kernel, so that chain
               is torch.compile's in this column
  gemms        the GEMMs alone, the chains replaced by their outputs from
               an earlier eager run: what the chains add is a column minus
               this one
  compile-layer  (not by default) torch.compile of the whole eager layer
               (Inductor may fuse across the GEMMs' neighbours)

Checks (every column, every T, before timing, outside the graph): each
chain's outputs against the eager chain on the same inputs (bench.agree:
the fraction of elements beyond one rounding step of the output dtype),
and the layer's y and h against the eager layer (relative L2 error; FP8
outputs one step apart move the GEMMs' results a little).

    python3 bench/layer.py [--tokens 1,8,64] [--columns eager,compile,sinter,...]
                           [--layers 4] [--repeat 2] [--iters 100] [--down auto]
                           [--qk fused|split] [--flashinfer SO|none] [--out DIR]
    python3 bench/layer.py --dry-run [--tokens 2]     # CPU: the chain math, no timing

--dry-run needs no GPU: the same layer on CPU tensors (sinter's chains on
its kernel-IR executor, GEMMs through torch._scaled_mm / dequant on the
CPU), one layer, checked as above, for the eager and sinter columns (add
compile with --columns: Inductor on the CPU, slow).  bench/gpu_layer.sh
runs the GPU benchmark with logs in $OUT.
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import bench  # noqa: E402  (agree, quant, time_graph, FlashInfer, rope_neox_f32)
from sinter_package import import_sinter  # noqa: E402

BF16, F32, F8 = torch.bfloat16, torch.float32, torch.float8_e4m3fn
HID, NQ, NKV, HD, INTER = 4096, 32, 8, 128, 14336
QKV = (NQ + 2 * NKV) * HD          # 6144
POSITIONS = 40960                  # qk_norm_rope's cos/sin cache rows
GROUPS = INTER // 128              # 112
ALL_COLUMNS = ["eager", "compile", "sinter", "sinter-nopdl", "flashinfer", "gemms",
               "compile-layer"]
DEFAULT_COLUMNS = "eager,compile,sinter,sinter-nopdl,flashinfer,gemms"


# ------------------------------------------------------------ eager chains
def rms32(x, w, eps):
    """RMSNorm in f32, unrounded (sinter's rms_norm, FlashInfer's form)."""
    xf = x.float()
    return xf * torch.rsqrt(xf.pow(2).mean(-1, keepdim=True) + eps) * w.float()


def add_rms_fp8(x, residual, w, scale):
    """(FP8(rms_norm(h) * w / scale), h), h = bf16(x + residual):
    examples/add_rms_norm_fp8.sn."""
    h = x + residual
    return bench.quant(rms32(h, w, 1e-5), scale), h


def qk_norm_rope(qkv, q_w, k_w, positions, cache):
    """examples/qk_norm_rope.sn: per-head RMSNorm of Q and K read out of
    the fused QKV, then NeoX RoPE by position, rounded once to bf16."""
    T = qkv.shape[0]
    cs = cache[positions]
    cos, sin = cs[:, :HD // 2].unsqueeze(1), cs[:, HD // 2:].unsqueeze(1)
    q = qkv[:, :NQ * HD].view(T, NQ, HD)
    k = qkv[:, NQ * HD:(NQ + NKV) * HD].view(T, NKV, HD)
    return (bench.rope_neox_f32(rms32(q, q_w, 1e-6), cos, sin).to(BF16),
            bench.rope_neox_f32(rms32(k, k_w, 1e-6), cos, sin).to(BF16))


def qk_norm_then_rope(qkv, q_w, k_w, positions, cache):
    """The same as two chains (examples/qwen3_qk_norm.sn, then
    examples/rope_inplace.sn; FlashInfer's QKRMSNorm then its RoPE): the
    norm's output is rounded to bf16 before the rotation."""
    T = qkv.shape[0]
    q = rms32(qkv[:, :NQ * HD].view(T, NQ, HD), q_w, 1e-6).to(BF16)
    k = rms32(qkv[:, NQ * HD:(NQ + NKV) * HD].view(T, NKV, HD), k_w, 1e-6).to(BF16)
    cs = cache[positions]
    cos, sin = cs[:, :HD // 2].unsqueeze(1), cs[:, HD // 2:].unsqueeze(1)
    return (bench.rope_neox_f32(q, cos, sin).to(BF16), bench.rope_neox_f32(k, cos, sin).to(BF16))


def silu_fp8_group(gate_up):
    """examples/silu_mul_fp8_group.sn: FP8 values [T, 14336] and the group
    scales [112, T], stored column-major for the GEMM (contiguous [112, T])."""
    q, s = bench.silu_fp8_group(gate_up)
    return q, s.contiguous()


class Chains:
    """A column's three chains: norm(x, residual, w, scale) -> (a8, h),
    qk(qkv, q_w, k_w, positions, cache) -> (q, k), act(gate_up) -> (a8, s)."""

    def __init__(self, name, norm, qk, act, note="", ref_qk=qk_norm_rope):
        self.name, self.norm, self.qk, self.act, self.note = name, norm, qk, act, note
        self.ref_qk = ref_qk  # the eager form its QK chain is checked against

    def set_pdl(self, on):
        pass


EAGER = Chains("eager", add_rms_fp8, qk_norm_rope, silu_fp8_group)


def compiled_chains():
    return Chains("compile", torch.compile(add_rms_fp8), torch.compile(qk_norm_rope),
                  torch.compile(silu_fp8_group))


class SinterChains(Chains):
    """sinter's graphs through the Python package, compiled in-process from
    examples/*.sn; qk 'fused' is qk_norm_rope (one kernel), 'split' is
    qwen3_qk_norm then rope_inplace on its outputs (two)."""

    def __init__(self, sinter, name, qk_form):
        ex = lambda n: sinter.compile(os.path.join(ROOT, "examples", n + ".sn"))[n]  # noqa: E731
        self.graphs = [ex("add_rms_norm_fp8"), ex("silu_mul_fp8_group")]
        norm, act = self.graphs
        if qk_form == "fused":
            g = ex("qk_norm_rope")
            self.graphs.append(g)
            qk = g
            note = "QK: qk_norm_rope (1 kernel)"
        else:
            gn, gr = ex("qwen3_qk_norm"), ex("rope_inplace")
            self.graphs += [gn, gr]

            def qk(qkv, q_w, k_w, positions, cache):
                q, k = gn(qkv, q_w, k_w)
                gr(q, k, positions, cache[:4096])  # writes q and k in place
                return q, k
            note = "QK: qwen3_qk_norm + rope_inplace (2 kernels)"
        super().__init__(name, norm, qk, act, note,
                         qk_norm_rope if qk_form == "fused" else qk_norm_then_rope)

    def set_pdl(self, on):
        for g in self.graphs:
            g.set_pdl(on)


class FlashInferChains(Chains):
    """FlashInfer's kernels through bench/flashinfer_wrap.cu (bench.FlashInfer
    loads it); the SiLU chain falls back to torch.compile's."""

    def __init__(self, fi, act):
        lib = fi.lib
        stream = lambda: torch.cuda.current_stream().cuda_stream  # noqa: E731

        def check(rc):
            if rc != 0:
                raise RuntimeError(f"FlashInfer launch failed: cudaError {rc}")

        def norm(x, residual, w, scale_t):
            T = x.shape[0]
            out = torch.empty(T, HID, dtype=F8, device=x.device)
            check(lib.fi_fused_add_rmsnorm_quant(x.data_ptr(), residual.data_ptr(), w.data_ptr(),
                                                 out.data_ptr(), scale_t.data_ptr(), T, HID, 1e-5,
                                                 1, stream()))
            return out, residual  # residual += x in place: it is h now

        def qk(qkv, q_w, k_w, positions, cache):
            T = qkv.shape[0]
            q = torch.empty(T, NQ, HD, dtype=BF16, device=qkv.device)
            k = torch.empty(T, NKV, HD, dtype=BF16, device=qkv.device)
            check(lib.fi_qk_rmsnorm(qkv.data_ptr(), qkv.stride(0), q_w.data_ptr(),
                                    k_w.data_ptr(), q.data_ptr(), k.data_ptr(), T, NQ, NKV, HD,
                                    1e-6, 0, 1, stream()))
            check(lib.fi_rope_inplace(q.data_ptr(), k.data_ptr(), cache.data_ptr(),
                                      positions.data_ptr(), T, NQ, NKV, HD, NQ * HD, HD,
                                      NKV * HD, HD, 0, stream()))
            return q, k
        super().__init__("flashinfer", norm, qk, act,
                         "FusedAddRMSNormQuant; QKRMSNorm x2 + BatchQKApplyRotaryPosIdsCosSinCache;"
                         " SiLU-mul + group FP8: torch.compile's (FlashInfer has no such kernel)",
                         qk_norm_then_rope)
        self.scale_as_tensor = True


class FixedChains(Chains):
    """The 'gemms' column: every chain replaced by the outputs an eager run
    gave (the same tensors every call), so only the GEMMs run."""

    def __init__(self, outs):
        it = {}

        def pick(kind):
            def f(*args):
                i = it.get(kind, 0)
                it[kind] = (i + 1) % len(outs[kind])
                return outs[kind][i]
            return f
        super().__init__("gemms", pick("norm"), pick("qk"), pick("act"))


# ------------------------------------------------------------------ GEMMs
class Params:
    """One layer's weights (random, std ~ 1/sqrt(K) after scaling, so the
    activations stay O(1) through any number of layers)."""

    def __init__(self, dev, gen, down_dequant):
        def fp8_weight(n, k):
            w = torch.randn(n, k, generator=gen, device=dev, dtype=F32).to(F8)
            return w, torch.tensor(1.0 / math.sqrt(k), device=dev, dtype=F32)

        def vec(n, around):
            return (around + 0.2 * torch.randn(n, generator=gen, device=dev, dtype=F32)).to(BF16)

        self.w_in, self.w_post = vec(HID, 1.0), vec(HID, 1.0)
        self.q_w, self.k_w = vec(HD, 1.0), vec(HD, 1.0)
        self.s_in, self.s_post = 0.05, 0.05                 # static FP8 scales (q * s ~ y)
        self.s_in_t = torch.tensor(self.s_in, device=dev, dtype=F32)
        self.s_post_t = torch.tensor(self.s_post, device=dev, dtype=F32)
        self.wqkv, self.sw_qkv = fp8_weight(QKV, HID)
        self.wo = (torch.randn(HID, NQ * HD, generator=gen, device=dev, dtype=F32)
                   / math.sqrt(NQ * HD)).to(BF16)
        self.wgu, self.sw_gu = fp8_weight(2 * INTER, HID)
        self.wd = torch.randn(HID, INTER, generator=gen, device=dev, dtype=F32).to(F8)
        # 128x128 block scales of the down projection: [4096/128, 14336/128]
        self.sd = ((0.5 + torch.rand(HID // 128, GROUPS, generator=gen, device=dev, dtype=F32))
                   / math.sqrt(INTER))
        self.wd_bf16 = None
        if down_dequant:
            self.wd_bf16 = (self.wd.float().view(HID // 128, 128, GROUPS, 128)
                            * self.sd[:, None, :, None]).view(HID, INTER).to(BF16)


def gemm_fp8(a8, sa, w8, sw):
    """a8 [T, K] FP8 x w8 [N, K] FP8, per-tensor scales -> bf16 [T, N]."""
    return torch._scaled_mm(a8, w8.t(), scale_a=sa, scale_b=sw, out_dtype=BF16)


def down_blockwise(a8, s, p):
    """1x128 activation scales (s [112, T] contiguous: s.t() is [T, 112]
    column-major) and 128x128 weight scales, on cuBLAS."""
    return torch._scaled_mm(a8, p.wd.t(), scale_a=s.t(), scale_b=p.sd.t(), out_dtype=BF16)


def down_dequant(a8, s, p):
    """The group scales multiplied back in, then a bf16 GEMM."""
    T = a8.shape[0]
    a = (a8.float().view(T, GROUPS, 128) * s.t().unsqueeze(-1)).view(T, INTER).to(BF16)
    return a @ p.wd_bf16.t()


def layer(ch, p, x, residual, positions, cache, down, check=None):
    """One decoder layer (module docstring); returns (y, h).  With check (a
    dict), each chain's outputs are compared with the eager chain's on the
    same inputs, the worst fraction per chain kept in check."""
    T = x.shape[0]
    norm, qk, act = ch.norm, ch.qk, ch.act
    if check is not None:
        norm, qk, act = (checked(ch.norm, add_rms_fp8, "add+RMSNorm+FP8", check),
                         checked(ch.qk, ch.ref_qk, "QK-norm+RoPE", check),
                         checked(ch.act, silu_fp8_group, "SiLU-mul+group FP8", check))
    fi = getattr(ch, "scale_as_tensor", False)
    a8, h = norm(x, residual, p.w_in, p.s_in_t if fi else p.s_in)
    qkv = gemm_fp8(a8, p.s_in_t, p.wqkv, p.sw_qkv)
    q, k = qk(qkv, p.q_w, p.k_w, positions, cache)
    o = q.reshape(T, NQ * HD) @ p.wo.t()  # attention left out: o_proj of the rotated Q
    a8, h = norm(o, h, p.w_post, p.s_post_t if fi else p.s_post)
    gu = gemm_fp8(a8, p.s_post_t, p.wgu, p.sw_gu)
    a8, s = act(gu)
    return down(a8, s, p), h


def checked(fn, ref, what, check):
    def run(*args):
        # the reference first, on copies: FlashInfer's norm updates its input
        want = ref(*[a.clone() if isinstance(a, torch.Tensor) else a
                     for a in _scalar_args(args)])
        got = fn(*args)
        bad = max(bench.agree(g, w) for g, w in zip(got, want))
        check[what] = max(check.get(what, 0.0), bad)
        return got
    return run


def _scalar_args(args):
    """The eager chain takes the scale as a number; FlashInfer's as a tensor."""
    return [a.item() if isinstance(a, torch.Tensor) and a.dim() == 0 else a for a in args]


def rel_err(got, want):
    g, w = got.float(), want.float()
    return ((g - w).norm() / w.norm().clamp(min=1e-30)).item()


# ----------------------------------------------------------------- timing
def capture_layers(ch, params, inputs, down, repeat):
    """One CUDA graph of len(params) * repeat chained layers (warm-up runs
    first, on a side stream, outside the capture)."""
    x0, r0 = inputs["x"].clone(), inputs["residual"].clone()  # FlashInfer updates r0

    def stack():
        x, r = x0, r0
        for _ in range(repeat):
            for p in params:
                x, r = layer(ch, p, x, r, inputs["positions"], inputs["cache"], down)
        return x, r
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        for _ in range(2):
            stack()
    torch.cuda.current_stream().wait_stream(s)
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        stack()
    return g


def count_kernels(fn):
    from torch.profiler import profile, ProfilerActivity
    fn()
    torch.cuda.synchronize()
    with profile(activities=[ProfilerActivity.CUDA]) as prof:
        fn()
        torch.cuda.synchronize()
    return sum(1 for e in prof.events() if e.device_type == torch.autograd.DeviceType.CUDA)


def make_inputs(T, dev, gen):
    half = HD // 2
    inv = 500000.0 ** (-torch.arange(half, device=dev, dtype=torch.float64) / half)  # Llama-3 theta
    ang = torch.arange(POSITIONS, device=dev, dtype=torch.float64)[:, None] * inv[None, :]
    cache = torch.cat([ang.cos(), ang.sin()], 1).to(F32)
    return {"x": torch.randn(T, HID, generator=gen, device=dev, dtype=F32).to(BF16),
            "residual": torch.randn(T, HID, generator=gen, device=dev, dtype=F32).to(BF16),
            "positions": torch.randint(0, 4096, (T,), generator=gen, device=dev),
            "cache": cache}


def pick_down(mode, a8, s, p, log):
    """The down projection's GEMM at this T (--down): blockwise where it runs
    and agrees with dequant (relative L2 < 1e-2), else dequant."""
    if mode == "dequant":
        return down_dequant, "dequant"
    try:
        got = down_blockwise(a8, s, p)
        if mode == "blockwise":
            return down_blockwise, "blockwise"
        err = rel_err(got, down_dequant(a8, s, p))
        if err < 1e-2:
            return down_blockwise, "blockwise"
        log(f"  down: blockwise _scaled_mm disagrees with dequant (rel {err:.3g}): dequant")
    except (RuntimeError, ValueError, TypeError) as e:
        if mode == "blockwise":
            raise
        log(f"  down: blockwise _scaled_mm not available here "
            f"({str(e).splitlines()[0][:120]}): dequant")
    return down_dequant, "dequant"


def build_columns(a, sinter, fi, log):
    cols = {}
    for c in a.columns:
        if c == "eager":
            cols[c] = EAGER
        elif c == "compile":
            cols[c] = compiled_chains()
        elif c in ("sinter", "sinter-nopdl"):
            ch = SinterChains(sinter, c, a.qk)
            ch.pdl = c == "sinter"
            cols[c] = ch
        elif c == "flashinfer":
            if fi is None or not hasattr(fi.lib, "fi_rope_inplace"):
                log("  flashinfer: no column (wrapper not built from this bench/flashinfer_wrap.cu:"
                    " bench/flashinfer_build.sh)")
                continue
            act = cols["compile"].act if "compile" in cols else torch.compile(silu_fp8_group)
            cols[c] = FlashInferChains(fi, act)
        elif c == "compile-layer":
            cols[c] = "compile-layer"
        elif c == "gemms":
            cols[c] = "gemms"
    return cols


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tokens", default=None, help="comma list (default 1,8,64; 2 for --dry-run)")
    ap.add_argument("--columns", default=None,
                    help=f"comma list of {','.join(ALL_COLUMNS)} (default {DEFAULT_COLUMNS}; "
                         "eager,sinter for --dry-run)")
    ap.add_argument("--layers", type=int, default=None,
                    help="layers per graph, each with its own weights (default 4; 1 dry-run)")
    ap.add_argument("--repeat", type=int, default=2, help="times the layers run per graph")
    ap.add_argument("--iters", type=int, default=100)
    ap.add_argument("--down", choices=["auto", "blockwise", "dequant"], default="auto")
    ap.add_argument("--qk", choices=["fused", "split"], default="fused")
    ap.add_argument("--flashinfer", default=os.path.join(HERE, ".flashinfer",
                                                         "libflashinfer_wrap.so"))
    ap.add_argument("--out", default=os.environ.get("OUT", "."))
    ap.add_argument("--dry-run", action="store_true",
                    help="CPU tensors, no timing: build the chains and check the layer's math")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    a.tokens = [int(t) for t in (a.tokens or ("2" if a.dry_run else "1,8,64")).split(",")]
    a.columns = (a.columns or ("eager,sinter" if a.dry_run else DEFAULT_COLUMNS)).split(",")
    bad = [c for c in a.columns if c not in ALL_COLUMNS]
    if bad or any(t < 1 for t in a.tokens):
        ap.error(f"unknown columns {bad}" if bad else "token counts must be >= 1")
    if a.dry_run and ("flashinfer" in a.columns or "compile-layer" in a.columns):
        ap.error("--dry-run runs on the CPU: no flashinfer or compile-layer column")
    a.layers = a.layers or (1 if a.dry_run else 4)
    if not a.dry_run and not torch.cuda.is_available():
        ap.error("no CUDA device: run with --dry-run for the CPU check")
    return run(a)


def run(a):
    dev = "cpu" if a.dry_run else "cuda"
    lines = []

    def log(s):
        print(s, flush=True)
        lines.append(s)

    sinter = import_sinter() if any(c.startswith("sinter") for c in a.columns) else None
    fi = None
    if "flashinfer" in a.columns:
        fi = bench.load_flashinfer(argparse.Namespace(sinter_only=False,
                                                      flashinfer=a.flashinfer))
    gen = torch.Generator(device=dev).manual_seed(a.seed)
    want_dequant = a.down != "blockwise"
    params = [Params(dev, gen, want_dequant) for _ in range(a.layers)]
    where = "CPU (dry run)" if a.dry_run else torch.cuda.get_device_name()
    log(f"layer.py: {where}, torch {torch.__version__}, {a.layers} layers x {a.repeat} per "
        f"graph, columns {','.join(a.columns)}, QK {a.qk}, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    cols = build_columns(a, sinter, fi, log)
    rows, failures = [], []
    for T in a.tokens:
        inputs = make_inputs(T, dev, gen)
        # the eager layer: the reference, the down GEMM's choice, the fixed outputs
        p0 = params[0]
        try:
            a8, _ = add_rms_fp8(inputs["x"], inputs["residual"], p0.w_in, p0.s_in)
            gu = gemm_fp8(a8, p0.s_in_t, p0.wgu, p0.sw_gu)
            down, down_name = pick_down(a.down, *silu_fp8_group(gu), p0, log)
            refs = {}  # the eager layer per QK form (fused: one rounding; split: two)
            for f in (qk_norm_rope, qk_norm_then_rope):
                refs[f] = layer(Chains("ref", add_rms_fp8, f, silu_fp8_group), params[0],
                                inputs["x"].clone(), inputs["residual"].clone(),
                                inputs["positions"], inputs["cache"], down)
        except Exception as e:  # e.g. a GEMM this PyTorch refuses at this T
            failures.append(f"T={T} eager reference: {type(e).__name__}: {e}")
            log(f"  T={T:3d} ERROR in the eager reference layer: {type(e).__name__}: {e}")
            continue
        row = {"T": T, "down": down_name}
        for name, ch in cols.items():
            if name == "gemms":
                ch = fixed_from_eager(params, inputs, down, a.repeat)
            if name == "compile-layer":
                ch = EAGER
            if hasattr(ch, "pdl") and not a.dry_run:
                ch.set_pdl(ch.pdl)
            # the check: layer 0 on fresh copies of the inputs (FlashInfer
            # updates the residual in place)
            check = {}
            if name != "gemms":
                try:
                    y, hh = layer(ch, params[0], inputs["x"].clone(),
                                  inputs["residual"].clone(), inputs["positions"],
                                  inputs["cache"], down, check)
                except Exception as e:
                    failures.append(f"T={T} {name}: {type(e).__name__}: {e}")
                    log(f"  T={T:3d} {name:13s} ERROR {type(e).__name__}: {e}")
                    continue
                ref = refs[getattr(ch, "ref_qk", qk_norm_rope)]
                check["layer y rel"] = rel_err(y, ref[0])
                check["layer h rel"] = rel_err(hh, ref[1])
                ok = all(v <= 1e-3 for k, v in check.items() if "rel" not in k) and \
                    check["layer y rel"] < 5e-2 and check["layer h rel"] < 5e-2
                if not ok:
                    failures.append(f"T={T} {name}: {check}")
                row[name + "_check"] = check
                log(f"  T={T:3d} {name:13s} check " + ", ".join(
                    f"{k} {v:.4f}" for k, v in check.items()) + ("" if ok else "  MISMATCH"))
            if a.dry_run:
                continue
            try:
                us = time_column(name, ch, params, inputs, down, a)
                if T == a.tokens[0] and name != "compile-layer":
                    x1, r1 = inputs["x"].clone(), inputs["residual"].clone()
                    row[name + "_kernels"] = count_kernels(lambda: layer(
                        ch, params[0], x1, r1, inputs["positions"], inputs["cache"], down))
            except Exception as e:  # one column's failure leaves the others' numbers
                failures.append(f"T={T} {name}: {type(e).__name__}: {e}")
                log(f"  T={T:3d} {name:13s} ERROR {type(e).__name__}: {e}")
                continue
            row[name + "_us"] = us
            log(f"  T={T:3d} {name:13s} {us:9.2f} us per layer"
                + (f"  ({row[name + '_kernels']} kernels)" if name + "_kernels" in row else ""))
        rows.append(row)
        if not a.dry_run:
            torch.cuda.empty_cache()
    if not a.dry_run:
        write_tables(a, rows, cols, lines)
    for f in failures:
        log("FAIL " + f)
    log(f"layer.py: {'dry run ' if a.dry_run else ''}{len(failures)} mismatches")
    return 1 if failures else 0


def time_column(name, ch, params, inputs, down, a):
    """us per layer of one column (a CUDA graph of layers x repeat layers)."""
    if name == "compile-layer":
        return time_compiled_layer(params, inputs, down, a)
    g = capture_layers(ch, params, inputs, down, a.repeat)
    return bench.time_graph(g, a.layers * a.repeat, a.iters)


def fixed_from_eager(params, inputs, down, repeat):
    """The chains' outputs of an eager run of the whole stack, replayed in
    order by the 'gemms' column."""
    outs = {"norm": [], "qk": [], "act": []}
    rec = Chains("rec",
                 lambda *a: outs["norm"].append(add_rms_fp8(*_scalar_args(a))) or outs["norm"][-1],
                 lambda *a: outs["qk"].append(qk_norm_rope(*a)) or outs["qk"][-1],
                 lambda *a: outs["act"].append(silu_fp8_group(*a)) or outs["act"][-1])
    x, r = inputs["x"], inputs["residual"]
    for p in params:
        x, r = layer(rec, p, x, r, inputs["positions"], inputs["cache"], down)
    return FixedChains(outs)


def time_compiled_layer(params, inputs, down, a):
    """torch.compile of the whole layer (eager chains inside), timed like
    the others."""
    fn = torch.compile(lambda p, x, r: layer(EAGER, p, x, r, inputs["positions"],
                                             inputs["cache"], down))

    def stack():
        x, r = inputs["x"].clone(), inputs["residual"].clone()
        for _ in range(a.repeat):
            for p in params:
                x, r = fn(p, x, r)
    s = torch.cuda.Stream()
    s.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(s):
        stack()
        stack()
    torch.cuda.current_stream().wait_stream(s)
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        stack()
    return bench.time_graph(g, a.layers * a.repeat, a.iters)


def write_tables(a, rows, cols, lines):
    os.makedirs(a.out, exist_ok=True)
    names = [n for n in cols]
    with open(os.path.join(a.out, "layer.json"), "w") as f:
        json.dump({"device": torch.cuda.get_device_name(), "torch": torch.__version__,
                   "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "layers": a.layers,
                   "repeat": a.repeat, "qk": a.qk, "columns": names, "rows": rows,
                   "notes": {n: getattr(c, "note", "") for n, c in cols.items()
                             if isinstance(c, Chains)}}, f, indent=1)
    with open(os.path.join(a.out, "layer.md"), "w") as f:
        f.write(f"{torch.cuda.get_device_name()}, torch {torch.__version__}, "
                f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; Llama-3-8B decoder "
                f"layer (attention left out), us per layer, {a.layers} layers x {a.repeat} "
                f"per CUDA graph, median of {a.iters}; QK form {a.qk}\n\n")
        f.write("| T | down GEMM | " + " | ".join(f"{n} us" for n in names)
                + " | chains: " + " | chains: ".join(n for n in names if n != "gemms")
                + " |\n")
        f.write("|---" * (2 + 2 * len(names) - ("gemms" in names)) + "|\n")
        for r in rows:
            base = r.get("gemms_us")
            cells = [f"{r[n + '_us']:.1f}" if n + "_us" in r else "-" for n in names]
            extra = [f"{r[n + '_us'] - base:.1f}" if base is not None and n + "_us" in r
                     else "-" for n in names if n != "gemms"]
            f.write(f"| {r['T']} | {r['down']} | " + " | ".join(cells) + " | "
                    + " | ".join(extra) + " |\n")
        f.write("\n'chains: X' is X's time per layer minus the GEMMs alone: what its chains "
                "(and the launch gaps around them) add.\n")
        k = [f"{n} {rows[0][n + '_kernels']}" for n in names if rows and n + "_kernels" in rows[0]]
        if k:
            f.write(f"\nKernels per layer (profiler, T={rows[0]['T']}): " + ", ".join(k) + "\n")
        for n, c in cols.items():
            if isinstance(c, Chains) and c.note:
                f.write(f"\n{n}: {c.note}")
        f.write("\n\nChecks (worst fraction of elements beyond one rounding step per chain; "
                "relative L2 error of the layer's y and h against the eager layer):\n\n")
        for r in rows:
            for n in names:
                if n + "_check" in r:
                    f.write(f"- T={r['T']} {n}: " + ", ".join(
                        f"{k} {v:.4f}" for k, v in r[n + "_check"].items()) + "\n")
    with open(os.path.join(a.out, "layer.log"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main())
