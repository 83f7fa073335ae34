#!/usr/bin/env python3
"""dynamic_fp8_torch.py - issue 15's dynamic per-tensor FP8 quantization
(examples/dynamic_fp8_per_tensor.sn: amax over the whole [T, 4096] bf16
tensor, scale = amax / 448, values x * (1 / scale) to f8e4m3) beside PyTorch
(GPU), timed as sinter's custom op, PyTorch eager (vLLM's order: the amax
over the tensor, then the conversion) and torch.compile of the same eager
function, at T = 1, 64, 4096, 16384.  Every column runs the same way:
`calls` calls over rotating input sets (more bytes than the L2) captured in
one CUDA graph, replayed, median over `iters` replays, per call.

Prints two fractions of the device copy bandwidth for sinter: by the bytes
issue 15 counts (x read once, the FP8 values written once: 2 + 1 bytes per
element) and by the bytes a quantization whose scale depends on every
element must move when x does not stay on chip (x read twice: 2 + 2 + 1),
and the largest difference from eager in FP8 steps (the scale must be
equal).  Usage (the package bench/pyext_for.sh built for this python3):
PYTHONPATH=build/py-3.12/python python3 bench/dynamic_fp8_torch.py
[--iters N] [--tokens 1,64,4096,16384] [--out FILE.json]"""
import torch

from gpu_timing import bench_args, example_op, rotating, time_calls, write_rows

H = 4096


def eager(x):
    """The example's arithmetic: amax / 448 rounded to bf16 (the .sn
    divides a bf16 amax), its reciprocal in f32, each product rounded to
    bf16 (bf16 tensor times a 0-dim f32 tensor), then clamped and
    converted."""
    s = (x.abs().amax() / 448.0).float()
    q = (x * (1.0 / s)).clamp(-448.0, 448.0).to(torch.float8_e4m3fn)
    return q, s


def steps(a, b):
    """The largest distance between two FP8 tensors in representable steps
    (their bytes read as sign-magnitude integers)."""
    def ordinal(t):
        u = t.view(torch.uint8).to(torch.int32)
        return torch.where(u >= 128, 128 - u, u)
    return int((ordinal(a) - ordinal(b)).abs().max())


def main():
    a, bw = bench_args("1,64,4096,16384")
    op = example_op("dynamic_fp8_per_tensor", "sinter_bench_dfp8")
    compiled = torch.compile(eager)
    rows = []
    for T in (int(t) for t in a.tokens.split(",")):
        gen = torch.Generator().manual_seed(T)
        x = torch.randn(T, H, generator=gen).to(torch.bfloat16).cuda()
        per = x.numel() * 2
        sets, calls = rotating(lambda: (x.clone(),), per)
        (gq, gs), (wq, ws) = op(x), eager(x)
        r = {"T": T, "scale_equal": bool(torch.equal(gs.float().reshape(()), ws.reshape(()))),
             "fp8_steps": steps(gq, wq),
             "sinter_us": time_calls(op, sets, calls, a.iters),
             "eager_us": time_calls(eager, sets, calls, a.iters),
             "compile_us": time_calls(compiled, sets, calls, a.iters)}
        once, twice = x.numel() * (2 + 1), x.numel() * (2 + 2 + 1)
        r["of_copy"] = once / (r["sinter_us"] * 1e-6) / bw
        r["of_copy_x_twice"] = twice / (r["sinter_us"] * 1e-6) / bw
        rows.append(r)
        print(f"dynamic_fp8_per_tensor T={T:5d} sinter {r['sinter_us']:8.2f} us "
              f"({r['of_copy']:.3f} of copy by 2+1 bytes, {r['of_copy_x_twice']:.3f} by 2+2+1)  "
              f"eager {r['eager_us']:8.2f}  compile {r['compile_us']:8.2f}  "
              f"scale equal {r['scale_equal']}, max {r['fp8_steps']} FP8 steps", flush=True)
    write_rows(a.out, bw, rows)


if __name__ == "__main__":
    main()
