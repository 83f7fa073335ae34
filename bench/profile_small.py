#!/usr/bin/env python3
"""profile_small.py - sinter's kernel and torch.compile's, side by side in
Nsight Compute, for chosen chains and T (the small-T regime).

Each chain is loaded and compiled (both ways) and warmed up outside the
profiled range; then one sinter call and one torch.compile call run inside
cudaProfilerStart/Stop.  Run it under ncu with the profiler range on, e.g.

    ncu --profile-from-start off --metrics gpu__time_duration.sum,... \\
        python3 bench/profile_small.py --only add_rms_norm_fp8,layer_norm --tokens 64

ncu flushes the caches before each kernel (--cache-control all, its
default): both kernels start from DRAM, as in bench.py's rotated buffers.
"""
import argparse
import os
import sys
import tempfile

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the chains and the package's loader)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sinter", default="build/compiler/sinter")
    ap.add_argument("--lib", default=None, help="BUILD/runtime/libsinter.so: BUILD's package")
    ap.add_argument("--tokens", default="64")
    ap.add_argument("--only", default="", help="comma-separated example file names")
    ap.add_argument("--repeat", type=int, default=1, help="calls of each profiled")
    a = ap.parse_args()
    os.environ.setdefault("SINTER_CACHE_DIR", tempfile.mkdtemp(prefix="sinter-prof-cache-"))
    sn = bench.Sinter(a.lib, a.sinter)
    out = tempfile.mkdtemp(prefix="sinter-prof-")
    only = [s for s in a.only.split(",") if s]
    for name, ex, graph, make_in, fn, out_spec in bench.CHAINS:
        if only and ex not in only:
            continue
        g, _, _ = sn.load(f"examples/{ex}.sn", graph, out)
        compiled = torch.compile(fn)
        for T in [int(t) for t in a.tokens.split(",")]:
            ins = make_in(T)
            outs = [torch.empty(s, dtype=d, device="cuda") for s, d in out_spec(T)]
            run = sn.launcher(g, ins, outs)
            for _ in range(3):
                run()
                compiled(*ins)
            torch.cuda.synchronize()
            print(f"profiling {name} T={T}: sinter, then torch.compile", flush=True)
            torch.cuda.profiler.start()
            for _ in range(a.repeat):
                run()
                compiled(*ins)
            torch.cuda.synchronize()
            torch.cuda.profiler.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
