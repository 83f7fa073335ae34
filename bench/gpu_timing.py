"""gpu_timing.py - the timing method the small GPU benchmarks share
(bench/inplace_torch.py, bench/logit_softcap_torch.py): calls captured in
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
