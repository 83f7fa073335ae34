#!/usr/bin/env python3
"""bench_selection.py - the two router examples (examples/topk_softmax.sn,
examples/moe_fused_gate.sn) on a GPU: sinter against the same chains in
PyTorch eager and under torch.compile, timed as bench/bench.py times its
chains (CUDA-graph replays of back-to-back calls over rotating input sets,
median of --iters runs; bench.py's helpers, imported), and checked against
PyTorch: the fraction of rows whose set of selected experts differs (ties of
bf16 logits make torch.topk's choice unspecified; sinter takes the lower
index) and the largest weight difference on the rows that agree.

    python3 tests/gpu/bench_selection.py [--sinter build/compiler/sinter]
                                         [--tokens 1,64,2048,16384] [--iters 100]
                                         [--only moe_fused_gate,topk_softmax]

Needs PyTorch with CUDA and the sinter package of build/ (bench/pyext_for.sh).
"""
import argparse
import math
import os
import sys
import tempfile

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench"))
import bench  # noqa: E402  (time_graph, capture, capture_rotating, Sinter, rnd, nbytes)

BF16, F32, I32 = torch.bfloat16, torch.float32, torch.int32


def topk_softmax(g):
    """vLLM's topk_softmax with renormalize=True (Qwen3-MoE: 128 experts, top 8)."""
    T = g.shape[0]
    p = torch.softmax(g.float(), dim=-1)
    w, ids = torch.topk(p, 8, dim=-1)
    tei = (torch.arange(8, device=g.device)[None, :] * T
           + torch.arange(T, device=g.device)[:, None]).to(I32)
    return w / w.sum(-1, keepdim=True), ids.to(I32), tei


def moe_fused_gate(g, bias):
    """SGLang's biased_grouped_topk (DeepSeek-V3: 256 experts, 8 groups, top 4
    groups, top 8 experts, scaling 2.5)."""
    T = g.shape[0]
    s = torch.sigmoid(g.float())
    b = s + bias.float()
    gs = b.view(T, 8, 32).topk(2, dim=-1)[0].sum(-1)
    gi = torch.topk(gs, 4, dim=-1)[1]
    mask = torch.zeros_like(gs).scatter_(1, gi, 1).bool()
    mask = mask.unsqueeze(-1).expand(T, 8, 32).reshape(T, 256)
    ids = torch.topk(b.masked_fill(~mask, float("-inf")), 8, dim=-1)[1]
    w = s.gather(1, ids)
    return w / w.sum(-1, keepdim=True) * 2.5, ids.to(I32)


CHAINS = [
    ("topk_softmax (vLLM, 128 experts, top 8)", "topk_softmax", topk_softmax,
     lambda T: [bench.rnd(T, 128) * 4], lambda T: [((T, 8), F32), ((T, 8), I32), ((T, 8), I32)]),
    ("moe_fused_gate (DeepSeek-V3 grouped)", "moe_fused_gate", moe_fused_gate,
     lambda T: [bench.rnd(T, 256) * 4, bench.rnd(256) * 0.1],
     lambda T: [((T, 8), F32), ((T, 8), I32)]),
]


def compare(got, want):
    """(fraction of rows whose expert sets differ, max |weight diff| elsewhere)."""
    gi, wi = got[1].long().sort(-1)[0], want[1].long().sort(-1)[0]
    same = (gi == wi).all(-1)
    gw = got[0].gather(1, got[1].long().argsort(-1))
    ww = want[0].gather(1, want[1].long().argsort(-1))
    diff = (gw - ww).abs()[same].max().item() if same.any() else 0.0
    return 1.0 - same.float().mean().item(), diff


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sinter", default="build/compiler/sinter")
    ap.add_argument("--tokens", default="1,64,2048,16384")
    ap.add_argument("--iters", type=int, default=100)
    ap.add_argument("--only", help="examples to time, in this order (default: every chain)")
    a = ap.parse_args()
    chains = CHAINS
    if a.only:
        by_ex = {c[1]: c for c in CHAINS}
        unknown = [e for e in a.only.split(",") if e not in by_ex]
        if unknown:
            ap.error(f"--only: no chain for {', '.join(unknown)} (known: {', '.join(by_ex)})")
        chains = [by_ex[e] for e in a.only.split(",")]
    torch.manual_seed(0)
    sn = bench.Sinter(None, a.sinter)
    out = tempfile.mkdtemp(prefix="sinter-sel-")
    rotate = 4 * torch.cuda.get_device_properties(0).L2_cache_size
    for name, ex, fn, make_in, out_spec in chains:
        g, _, _ = sn.load(f"examples/{ex}.sn", ex, out)
        compiled = torch.compile(fn)
        for T in [int(t) for t in a.tokens.split(",")]:
            ins0 = make_in(T)
            nsets = max(2, min(bench.MAX_SETS, math.ceil(rotate / max(bench.nbytes(ins0), 1))))
            calls = max(8, nsets)
            ecalls = min(calls, bench.EAGER_CALLS)
            sets = [(make_in(T), [torch.empty(s, dtype=d, device="cuda") for s, d in out_spec(T)])
                    for _ in range(nsets)]
            runs = [bench.Sinter.launcher(g, ins, sets[0][1]) for ins, _ in sets]
            g.set_pdl(True)
            t_sn = bench.time_graph(bench.capture(lambda i: runs[i](), nsets, calls), calls,
                                    a.iters)
            t_eager = bench.time_graph(bench.capture_rotating(lambda i: fn(*sets[i][0]), nsets,
                                                              ecalls), ecalls, a.iters)
            t_comp = bench.time_graph(bench.capture(lambda i: compiled(*sets[i][0]), nsets,
                                                    calls), calls, a.iters)
            runs[0]()
            torch.cuda.synchronize()
            rows_off, wdiff = compare(sets[0][1], fn(*sets[0][0]))
            tei_ok = ""
            if ex == "topk_softmax":
                tei_ok = "  token_expert_indices %s" % (
                    "equal" if torch.equal(sets[0][1][2], fn(*sets[0][0])[2]) else "DIFFER")
            print(f"{name:42s} T={T:6d} sinter {t_sn:8.2f} us  eager {t_eager:8.2f} us  "
                  f"compile {t_comp:8.2f} us  rows with other experts {rows_off:.4f}  "
                  f"max weight diff {wdiff:.2e}{tei_ok}", flush=True)
            del sets, runs
            torch.cuda.empty_cache()


if __name__ == "__main__":
    main()
