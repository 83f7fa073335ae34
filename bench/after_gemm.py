#!/usr/bin/env python3
"""after_gemm.py - what programmatic dependent launch buys a sinter graph
that follows a GEMM, as in a model, rather than another sinter call.

For add + RMSNorm + FP8 at small T: one CUDA graph of K iterations of
    y = x_i @ W (cuBLAS, bf16, [T, 4096] x [4096, 4096]);  norm(y, residual_i, w, scale)
with the norm done by sinter (PDL on, PDL off) or by torch.compile, and
the GEMM alone for reference; x_i and residual_i rotate through sets
larger than the L2 (W stays one matrix, as a layer's weight would be
re-read by every token).  Prints us per iteration, median of 100 replays.

    python3 bench/after_gemm.py [--tokens 1,64] [--before gemm|add] [--lib ...] [--sinter ...]

--before add puts a plain elementwise kernel (y = x_i + 1, PyTorch's own,
launched without PDL) in the GEMM's place.
"""
import argparse
import math
import os
import statistics
import sys
import tempfile

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the chains, the package's loader, capture and timing)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sinter", default="build/compiler/sinter")
    ap.add_argument("--lib", default=None, help="BUILD/runtime/libsinter.so: BUILD's package")
    ap.add_argument("--tokens", default="1,64")
    ap.add_argument("--iters", type=int, default=100)
    ap.add_argument("--before", choices=["gemm", "add"], default="gemm")
    a = ap.parse_args()
    torch.manual_seed(0)
    cache = tempfile.mkdtemp(prefix="sinter-gemm-cache-")
    os.environ["SINTER_CACHE_DIR"] = cache
    sn = bench.Sinter(a.lib, a.sinter)
    g, _, _ = sn.load("examples/add_rms_norm_fp8.sn", "add_rms_norm_fp8", tempfile.mkdtemp())
    compiled = torch.compile(bench.add_rms_fp8)
    W = bench.rnd(4096, 4096)
    l2 = torch.cuda.get_device_properties(0).L2_cache_size
    print(f"device {torch.cuda.get_device_name()}; "
          + ("GEMM [T, 4096] x [4096, 4096] bf16" if a.before == "gemm" else "y = x + 1 (bf16)")
          + ", then add + RMSNorm + static FP8 (GEMM below: the kernel before the norm)")
    for T in [int(t) for t in a.tokens.split(",")]:
        per = T * 4096 * 2 * 2
        nsets = max(2, min(4096, math.ceil(4 * l2 / per)))
        calls = min(nsets, 256)
        xs = [bench.rnd(T, 4096) for _ in range(nsets)]
        rs = [bench.rnd(T, 4096) for _ in range(nsets)]
        w = bench.rnd(4096)
        ys = torch.empty(T, 4096, dtype=bench.BF16, device="cuda")
        q = torch.empty(T, 4096, dtype=bench.F8, device="cuda")
        h = torch.empty(T, 4096, dtype=bench.BF16, device="cuda")
        launchers = [sn.launcher(g, [ys, rs[i], w, 0.05], [q, h]) for i in range(nsets)]

        def gemm(i):
            if a.before == "gemm":
                torch.mm(xs[i], W, out=ys)
            else:
                torch.add(xs[i], 1.0, out=ys)

        def with_sinter(i):
            gemm(i)
            launchers[i]()

        def with_compile(i):
            gemm(i)
            compiled(ys, rs[i], w, 0.05)

        def graphs(fn):
            return bench.capture_rotating(fn, nsets, calls)

        res = {}
        res["gemm"] = bench.time_graph(graphs(gemm), calls, a.iters)
        g.set_pdl(True)
        res["sinter"] = bench.time_graph(graphs(with_sinter), calls, a.iters)
        g.set_pdl(False)
        res["sinter_nopdl"] = bench.time_graph(graphs(with_sinter), calls, a.iters)
        res["compile"] = bench.time_graph(graphs(with_compile), calls, a.iters)
        print(f"T={T:5d} sets {nsets:5d}  GEMM alone {res['gemm']:7.2f} us   GEMM + norm: "
              f"sinter {res['sinter']:7.2f} (norm {res['sinter'] - res['gemm']:5.2f})   "
              f"sinter no-PDL {res['sinter_nopdl']:7.2f} "
              f"(norm {res['sinter_nopdl'] - res['gemm']:5.2f})   "
              f"torch.compile {res['compile']:7.2f} (norm {res['compile'] - res['gemm']:5.2f})",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
