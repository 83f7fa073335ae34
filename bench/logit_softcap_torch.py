#!/usr/bin/env python3
"""logit_softcap_torch.py - issue 15's chain beside PyTorch (GPU): Gemma 2's
final logit soft-capping over a 256,000-token vocabulary, then the sampler's
temperature and f32 softmax (examples/logit_softcap.sn), timed as sinter's
custom op, PyTorch eager (the example's arithmetic as separate kernels: the
capping in f32 rounded to bf16 once, then the sampler's division and f32
softmax) and torch.compile of the same eager function, at T = 1, 7, 64,
256.  Every column runs the same way: `calls`
calls over rotating input sets (more bytes than the L2) captured in one CUDA
graph, replayed, median over `iters` replays, per call.  Prints the bytes
the chain must move (logits read once, capped and probs written once),
sinter's fraction of the device copy bandwidth, and the largest difference
of sinter's outputs from eager's in the same run.
Usage (the package bench/pyext_for.sh built for this python3):
PYTHONPATH=build/py-3.12/python python3 bench/logit_softcap_torch.py
[--iters N] [--tokens 1,7,64] [--out FILE.json]"""
import torch

from gpu_timing import bench_args, example_op, rotating, time_calls, write_rows

VOCAB = 256000
CAP = 30.0


def eager(logits, temperature):
    capped = (torch.tanh(logits.float() / CAP) * CAP).to(torch.bfloat16)
    z = capped.float() / temperature[:, None]
    return capped, torch.softmax(z, dim=-1)


def main():
    a, bw = bench_args("1,7,64,256")
    op = example_op("logit_softcap", "sinter_bench_ls")
    compiled = torch.compile(eager)
    rows = []
    for T in (int(t) for t in a.tokens.split(",")):
        gen = torch.Generator().manual_seed(T)
        logits = (8 * torch.randn(T, VOCAB, generator=gen)).to(torch.bfloat16).cuda()
        temp = (0.5 + torch.rand(T, generator=gen)).cuda()
        per = logits.numel() * 2 + temp.numel() * 4
        sets, calls = rotating(lambda: (logits.clone(), temp.clone()), per)
        got, want = op(logits, temp), eager(logits, temp)
        bad = max(float((g.float() - w.float()).abs().max()) for g, w in zip(got, want))
        moved = per + T * VOCAB * (2 + 4)
        r = {"T": T, "bytes": moved, "max_abs_diff": bad,
             "sinter_us": time_calls(op, sets, calls, a.iters),
             "eager_us": time_calls(eager, sets, calls, a.iters),
             "compile_us": time_calls(compiled, sets, calls, a.iters)}
        r["of_copy"] = moved / (r["sinter_us"] * 1e-6) / bw
        rows.append(r)
        print(f"logit_softcap T={T:5d} sinter {r['sinter_us']:9.2f} us "
              f"({r['of_copy']:.3f} of copy)  eager {r['eager_us']:9.2f}  "
              f"compile {r['compile_us']:9.2f}  max |diff| {bad:.2e}", flush=True)
    write_rows(a.out, bw, rows)


if __name__ == "__main__":
    main()
