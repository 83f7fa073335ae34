#!/usr/bin/env python3
"""overhead.py - host time per call from Python (issue 16: <= 5 us).

Each row is the wall time of N back-to-back calls divided by N, after a
warm-up, median of 5 such rounds; the GPU is not waited on inside a round
(a T=1 call's kernel takes a few us of GPU time, so the host is the
bottleneck and the queue never fills).  Nothing is captured in a graph.

GPU rows (PyTorch with CUDA present), add + RMSNorm + static FP8 at T=1:
  sinter eager, outputs allocated       lib.add_rms_norm_fp8(x, r, w, 0.05)
  sinter eager, out= given              ..., out=[q, h]
  sinter, stream= current               ..., out=[q, h], stream=torch.cuda.current_stream()
                                        (the accessor path, as with no stream)
  sinter through DLPack                 ..., out=[q, h], stream=torch.cuda.Stream()
                                        (another stream: the general __dlpack__
                                        path, which orders it after the producers)
  sinter torch custom op                torch.ops.<ns>.add_rms_norm_fp8(...)
  empty Triton kernel                   a @triton.jit kernel with no body, one pointer
  torch.compile of the chain            torch.compile(bench.add_rms_fp8)(x, r, w, 0.05)
  plain torch op                        torch.add(x, r)
CPU rows (always): a tiny graph (8 columns, so the executor's own time is
small) on NumPy arrays with outputs given and allocated, and where PyTorch
is present on CPU torch tensors.  The CPU executor interprets the kernel,
so CPU rows are an upper bound on the call path's cost, not the GPU's.

    python3 bench/overhead.py [--n 20000] [--cpu-only] [--json FILE]

The package comes from bench/sinter_package.py's package_dir() ($SINTER_BUILD_DIR's, else
build/'s); SINTER_PACKAGE=DIR overrides it (an older build, to compare).
"""
import argparse
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

TINY = """graph tiny(x: bf16[T, 8], residual: bf16[T, 8], w: bf16[8], scale: f32[]) {
    h = to(x + residual, bf16)
    return to(h * w * scale, f32), h
}
"""


def per_call(fn, n, sync=None, rounds=5):
    """Median over rounds of (wall time of n calls) / n, in us."""
    for _ in range(max(100, n // 20)):
        fn()
    if sync:
        sync()
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        t1 = time.perf_counter()
        if sync:
            sync()
        times.append((t1 - t0) / n * 1e6)
    return statistics.median(times)


def import_sinter():
    pkg = os.environ.get("SINTER_PACKAGE")
    if pkg:
        sys.path.insert(0, pkg)
        import sinter
        return sinter
    sys.path.insert(0, HERE)
    from sinter_package import import_sinter as imp
    return imp()


def cpu_rows(sinter, n, rows):
    import numpy as np
    g = sinter.compile(TINY).tiny
    T = 1
    x = sinter.Tensor.from_values(np.ones((T, 8)), "bf16")
    r = sinter.Tensor.from_values(np.ones((T, 8)), "bf16")
    w = sinter.Tensor.from_values(np.ones(8), "bf16")
    o1 = np.empty((T, 8), np.float32)
    o2 = sinter.Tensor(np.empty((T, 8), np.uint16), "bf16")
    rows.append(("cpu numpy: tiny graph, out= given",
                 per_call(lambda: g(x, r, w, 0.5, out=(o1, o2)), n)))
    rows.append(("cpu numpy: tiny graph, outputs allocated",
                 per_call(lambda: g(x, r, w, 0.5), n)))
    try:
        import torch
    except ImportError:
        return
    tx, tr, tw = (torch.ones(s, dtype=torch.bfloat16) for s in ((T, 8), (T, 8), (8,)))
    t1, t2 = torch.empty(T, 8), torch.empty(T, 8, dtype=torch.bfloat16)
    rows.append(("cpu torch: tiny graph, out= given",
                 per_call(lambda: g(tx, tr, tw, 0.5, out=(t1, t2)), n)))
    rows.append(("cpu torch: tiny graph, outputs allocated",
                 per_call(lambda: g(tx, tr, tw, 0.5), n)))


def gpu_rows(sinter, n, rows):
    import torch
    if not torch.cuda.is_available():
        return
    sys.path.insert(0, HERE)
    import bench
    import sinter.torch
    lib = sinter.compile(os.path.join(ROOT, "examples", "add_rms_norm_fp8.sn"))
    g = lib.add_rms_norm_fp8
    ops = sinter.torch.register(lib, namespace="sinter_overhead")
    op = ops.add_rms_norm_fp8
    ins = [bench.rnd(1, 4096), bench.rnd(1, 4096), bench.rnd(4096), 0.05]
    outs = [torch.empty(1, 4096, dtype=bench.F8, device="cuda"),
            torch.empty(1, 4096, dtype=bench.BF16, device="cuda")]
    sync = torch.cuda.synchronize
    cur = torch.cuda.current_stream()
    rows.append(("gpu sinter eager, outputs allocated", per_call(lambda: g(*ins), n, sync)))
    rows.append(("gpu sinter eager, out= given", per_call(lambda: g(*ins, out=outs), n, sync)))
    side = torch.cuda.Stream()
    rows.append(("gpu sinter, stream= the current one, out= given",
                 per_call(lambda: g(*ins, out=outs, stream=cur), n, sync)))
    rows.append(("gpu sinter via __dlpack__ (stream= another), out= given",
                 per_call(lambda: g(*ins, out=outs, stream=side), n, sync)))
    rows.append(("gpu sinter torch custom op", per_call(lambda: op(*ins), n, sync)))
    try:
        import triton

        @triton.jit
        def empty(x_ptr):
            pass
        x = ins[0]
        rows.append(("gpu empty Triton kernel", per_call(lambda: empty[(1,)](x), n, sync)))
    except ImportError as e:
        print(f"(no Triton: {e})")
    compiled = torch.compile(bench.add_rms_fp8)
    rows.append(("gpu torch.compile of the chain", per_call(lambda: compiled(*ins), n, sync)))
    rows.append(("gpu plain torch op (torch.add)",
                 per_call(lambda: torch.add(ins[0], ins[1]), n, sync)))
    rows.append(("gpu plain torch op, out= (torch.add)",
                 per_call(lambda: torch.add(ins[0], ins[1], out=outs[1]), n, sync)))
    print(f"device {torch.cuda.get_device_name()}, torch {torch.__version__}")
    del ops


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20000, help="calls per round")
    ap.add_argument("--cpu-only", action="store_true")
    ap.add_argument("--json", default=None)
    a = ap.parse_args()
    sinter = import_sinter()
    print(f"package {os.path.dirname(os.path.dirname(sinter.__file__))}; "
          f"Python {sys.version.split()[0]}")
    rows = []
    cpu_rows(sinter, a.n, rows)
    if not a.cpu_only:
        try:
            gpu_rows(sinter, a.n, rows)
        except ImportError as e:
            print(f"(no GPU rows: {e})")
    for what, us in rows:
        print(f"{what:58s} {us:8.2f} us per call")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"rows": [{"what": w, "us": u} for w, u in rows]}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
