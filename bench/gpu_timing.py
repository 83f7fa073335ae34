"""gpu_timing.py - the timing method the small GPU benchmarks share
(bench/inplace_torch.py, bench/logit_softcap_torch.py,
bench/dynamic_fp8_torch.py): calls captured in
one CUDA graph over rotating input sets, replays timed with CUDA events,
the median per call; and the device-to-device copy bandwidth the
fractions are taken of."""
import torch


def time_calls(fn, sets, calls, iters):
    """Median microseconds per call of fn(*sets[i % len(sets)]), i < calls,
    captured in one CUDA graph and replayed iters times (two calls run
    first, outside the capture, so that compiles and loads are done)."""
    for s in sets[:2]:
        fn(*s)
    torch.cuda.synchronize()
    g = torch.cuda.CUDAGraph()
    with torch.cuda.graph(g):
        for i in range(calls):
            fn(*sets[i % len(sets)])
    ts = []
    for _ in range(iters):
        a, b = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        a.record()
        g.replay()
        b.record()
        b.synchronize()
        ts.append(a.elapsed_time(b) * 1e3 / calls)
    ts.sort()
    return ts[len(ts) // 2]


def copy_bw():
    """Device-to-device copy bandwidth in bytes/s (read + write of 1 GiB)."""
    a = torch.empty(1 << 30, dtype=torch.uint8, device="cuda")
    b = torch.empty_like(a)
    for _ in range(3):
        b.copy_(a)
    e0, e1 = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    e0.record()
    for _ in range(10):
        b.copy_(a)
    e1.record()
    e1.synchronize()
    return 2 * a.numel() * 10 / (e0.elapsed_time(e1) * 1e-3)


L2 = 120 << 20  # more than an H100's or H200's L2: rotating sets beyond it come from DRAM


def rotating(copy, per):
    """Input sets for time_calls: copies of one set (copy() makes one; a
    set holds `per` bytes) until they pass L2, 2 to 64 of them, and the
    number of calls to capture (every set at least once, 20 at least)."""
    nsets = max(2, min(64, L2 // max(per, 1) + 1))
    return [copy() for _ in range(nsets)], max(nsets, 20)


def bench_args(tokens):
    """The PyTorch-beside benchmarks' command line (--iters, --tokens with
    this default, --out) and the device line they print first; returns
    (args, device copy bandwidth in bytes/s)."""
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("--iters", type=int, default=30)
    ap.add_argument("--tokens", default=tokens)
    ap.add_argument("--out")
    a = ap.parse_args()
    bw = copy_bw()
    print(f"device {torch.cuda.get_device_name()}, copy {bw / 1e9:.0f} GB/s")
    return a, bw


def example_op(name, namespace):
    """examples/<name>.sn compiled and registered as a torch custom op."""
    import os
    import sinter
    import sinter.torch
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    lib = sinter.compile(os.path.join(root, "examples", name + ".sn"))
    return getattr(sinter.torch.register(lib, namespace=namespace), name)


def write_rows(path, bw, rows):
    """The rows as JSON at path (nothing without one)."""
    if path:
        import json
        with open(path, "w") as f:
            json.dump({"copy_bw": bw, "rows": rows}, f, indent=1)
