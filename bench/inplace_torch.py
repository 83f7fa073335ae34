#!/usr/bin/env python3
"""inplace_torch.py - issue 14's chains beside PyTorch (GPU): fused add +
RMSNorm in place and the FP8 KV-cache write by slot mapping, each timed as
sinter's custom op, PyTorch eager (the ops, then copy_ / index_copy_ into
the buffers) and torch.compile of the same eager function, at T = 1, 64,
16384.  Every column runs the same way: `calls` calls over rotating input
sets (more bytes than the L2) captured in one CUDA graph, replayed, median
over `iters` replays, per call.  Also prints each chain's bytes moved and
sinter's fraction of the device copy bandwidth.  Outputs are checked
against eager in the same run.  Usage: python3 bench/inplace_torch.py
[--iters N] [--out FILE.json]"""
import argparse
import json
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                "tests", "python"))
import sinter  # noqa: E402
import sinter.torch  # noqa: E402
from gpu_timing import copy_bw, rotating, time_calls  # noqa: E402
from test_torch_inplace_gpu import CASES, clone, agree, quant  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def nbytes(t):
    return t.numel() * t.element_size() if isinstance(t, torch.Tensor) else 0


def moved(name, ins, T):
    """Bytes a chain must move: inputs read + values written (a cache:
    its rows written, not its size)."""
    if name == "fused_add_rms_norm_inplace":
        return 2 * (nbytes(ins[0]) + nbytes(ins[1])) + nbytes(ins[2])
    key, value = ins[0], ins[1]
    return nbytes(key) + nbytes(value) + 2 * T * 8 * 128 + nbytes(ins[4])


def ref_reshape_and_cache_all_rows(key, value, kc, vc, slots, ks, vs):
    """The KV-cache write for slots that are all in range (this benchmark's
    permutation): index_copy_ with no boolean mask, whose data-dependent
    size (a host sync) cannot be captured in a CUDA graph; the test's
    reference skips out-of-range slots that way."""
    for cache, x, s in ((kc, key, ks), (vc, value, vs)):
        flat = cache.view((-1,) + cache.shape[2:])
        flat.view(torch.uint8).index_copy_(0, slots, quant(x, s).view(torch.uint8))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iters", type=int, default=30)
    ap.add_argument("--out")
    a = ap.parse_args()
    bw = copy_bw()
    rows = []
    print(f"device {torch.cuda.get_device_name()}, copy {bw / 1e9:.0f} GB/s")
    for name in ("fused_add_rms_norm_inplace", "reshape_and_cache_fp8"):
        lib = sinter.compile(os.path.join(ROOT, "examples", name + ".sn"))
        op = getattr(sinter.torch.register(lib, namespace="sinter_bench"), name)
        make, ref = CASES[name]
        if name == "reshape_and_cache_fp8":
            ref = ref_reshape_and_cache_all_rows
        compiled = torch.compile(ref)
        for T in (1, 64, 16384):
            one = make(T, torch.Generator().manual_seed(T))
            if name == "reshape_and_cache_fp8":  # every token written: a permutation
                one[4] = torch.randperm(one[2].shape[0] * 16, device="cuda")[:T]
            per = sum(nbytes(x) for x in one)
            sets, calls = rotating(lambda: clone(one), per)
            # correctness in this run: op vs eager on clones
            x, y = clone(one), clone(one)
            op(*x)
            ref(*y)
            bad = max(agree(p, q) for p, q in zip(x, y) if isinstance(p, torch.Tensor)
                      and p.is_floating_point())
            r = {"chain": name, "T": T, "bytes": moved(name, one, T), "mismatch": bad}
            r["sinter_us"] = time_calls(op, sets, calls, a.iters)
            r["eager_us"] = time_calls(ref, sets, calls, a.iters)
            r["compile_us"] = time_calls(compiled, sets, calls, a.iters)
            r["of_copy"] = r["bytes"] / (r["sinter_us"] * 1e-6) / bw
            rows.append(r)
            print(f"{name:28s} T={T:6d} sinter {r['sinter_us']:8.2f} us "
                  f"({r['of_copy']:.3f} of copy)  eager {r['eager_us']:8.2f}  "
                  f"compile {r['compile_us']:8.2f}  mismatch {bad:.2e}", flush=True)
    if a.out:
        json.dump({"copy_bw": bw, "rows": rows}, open(a.out, "w"), indent=1)


if __name__ == "__main__":
    main()
