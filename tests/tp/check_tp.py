#!/usr/bin/env python3
"""check_tp.py - `sinter ref --world W` against NumPy for the all_reduce programs.

usage: check_tp.py SINTER [TP_DIR]

For tests/tp/tp_qk_norm.sn and allreduce_add_rms_norm_fp8.sn at worlds 1,
2, 4, 8 and T in {1, 3, 64}: per-rank inputs (random f32, rounded to the
parameter's dtype on load) written as .npy with a leading world dim (one
weight file shared by every rank, the parameter's own shape, for the
residual of the second program: the --world input forms of docs/cli.md),
`sinter ref --world W` and `--fused` run, and each rank's outputs (the
leading world dim of out0.npy, out1.npy) compared with an independent NumPy
implementation:

  * all_reduce: the sum over the ranks in rank order in f32 (x0 + x1 + ...),
    as docs/language.md defines it;
  * the rest op by op in f32 as the programs are written; sums and means
    in f64, rounded once (the interpreter's; the fused kernels add in f32,
    hence the tolerance);
  * rounding to bf16 and f8e4m3 (saturating) by our own round-to-nearest-
    even below.

Tolerance: bf16 within one bf16 step; f8 equal in >= 99% of elements and
the rest one step away.  And every rank's h (the all-reduced residual
stream) must be bit-identical across ranks.  Prints one line per case and
"N passed, M failed"; exits 1 on a failure, 77 without NumPy.
"""
import os
import subprocess
import sys
import tempfile

try:
    import numpy as np
except ImportError:
    print("NumPy missing: skipped")
    sys.exit(77)


def bf16(x):
    """Round f32 to the nearest bf16 (ties to even), kept as f32."""
    x = np.asarray(x, np.float32)
    u = x.view(np.uint32).astype(np.uint64)
    r = ((u + 0x7FFF + ((u >> 16) & 1)) >> 16) << 16
    out = r.astype(np.uint32).view(np.float32)
    return np.where(np.isnan(x), x, out).astype(np.float32)


def f8e4m3(x):
    """Saturating conversion to f8e4m3 (fn: max 448, no inf), as f32."""
    x = np.clip(np.asarray(x, np.float32), -448.0, 448.0).astype(np.float64)
    a = np.abs(x)
    e = np.floor(np.log2(np.where(a > 0, a, 1.0)))
    e = np.maximum(e, -6.0)
    step = np.exp2(e - 3.0)
    return (np.round(x / step) * step).astype(np.float32)


def step_of(v, dtype):
    mant, emin = (7, -126) if dtype == "bf16" else (3, -6)
    a = np.abs(v.astype(np.float64))
    e = np.floor(np.log2(np.where(a > 0, a, 1.0)))
    return np.exp2(np.maximum(e, emin) - mant)


def all_reduce(parts):
    s = parts[0].astype(np.float32)
    for p in parts[1:]:
        s = (s + p.astype(np.float32)).astype(np.float32)
    return s


def rsqrt(x):
    return (np.float32(1.0) / np.sqrt(x.astype(np.float32))).astype(np.float32)


def ref_qk(ins, world):
    q, k, wq, wk = (ins[n] for n in ("q", "k", "wq", "wk"))
    sq = all_reduce([(q[r].astype(np.float64) ** 2).sum(-1, keepdims=True).astype(np.float32)
                     for r in range(world)])
    sk = all_reduce([(k[r].astype(np.float64) ** 2).sum(-1, keepdims=True).astype(np.float32)
                     for r in range(world)])
    outq, outk = [], []
    for r in range(world):
        nq = bf16(q[r] * rsqrt(sq / np.float32(6144.0) + np.float32(1e-6)))
        nk = bf16(k[r] * rsqrt(sk / np.float32(1024.0) + np.float32(1e-6)))
        outq.append(bf16(nq * wq[r]))
        outk.append(bf16(nk * wk[r]))
    return [("bf16", np.stack(outq)), ("bf16", np.stack(outk))]


def ref_ar(ins, world):
    x, res, w = ins["x"], ins["residual"], ins["w"]
    ar = all_reduce([x[r] for r in range(world)])
    outq, outh = [], []
    for r in range(world):
        h = bf16(ar + res)
        ms = ((h.astype(np.float64) ** 2).mean(-1, keepdims=True)).astype(np.float32)
        y = h * rsqrt(ms + np.float32(1e-5)) * w[r]
        outq.append(f8e4m3(y / np.float32(0.05)))
        outh.append(h)
    return [("f8", np.stack(outq)), ("bf16", np.stack(outh))]


PROGRAMS = {
    "tp_qk_norm.sn": ({"q": (1536,), "k": (256,), "wq": None, "wk": None}, ref_qk),
    "allreduce_add_rms_norm_fp8.sn": ({"x": (4096,), "residual": "shared", "w": None,
                                       "scale": "scalar"}, ref_ar),
}
WIDTH = {"wq": 1536, "wk": 256, "w": 4096}


def make_inputs(rng, spec, world, T, d):
    """Writes the .npy files; returns the values as the program sees them
    (rounded to bf16; per rank with a leading world dim; shared ones once)."""
    vals, args = {}, []
    for name, kind in spec.items():
        path = os.path.join(d, name + ".npy")
        if kind == "scalar":
            np.save(path, np.float32(0.05))
        elif kind == "shared":  # the parameter's own shape: every rank's
            a = rng.uniform(-1, 1, (T, 4096)).astype(np.float32)
            np.save(path, a)
            vals[name] = bf16(a)
        elif kind is None:  # a weight: one per rank
            a = rng.uniform(-1, 1, (world, WIDTH[name])).astype(np.float32)
            np.save(path, a)
            vals[name] = bf16(a)
        else:
            a = rng.uniform(-1, 1, (world, T) + kind).astype(np.float32)
            np.save(path, a)
            vals[name] = bf16(a)
        args += ["--input", f"{name}={path}"]
    return vals, args


def compare(kind, want, got):
    if want.shape != got.shape:
        return f"shape {got.shape}, want {want.shape}"
    diff = np.abs(want.astype(np.float64) - got.astype(np.float64))
    step = step_of(want, "bf16" if kind == "bf16" else "f8")
    far = diff > step * 1.0001
    if far.any():
        i = np.argwhere(far)[0]
        return f"element {tuple(i)}: sinter {got[tuple(i)]!r}, numpy {want[tuple(i)]!r}"
    if kind == "f8" and (diff > 0).mean() > 0.01:
        return f"{(diff > 0).mean() * 100:.2f}% of f8 elements one step apart"
    return None


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    sinter = sys.argv[1]
    tpdir = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
    passed = failed = 0
    rng = np.random.default_rng(18)
    for prog, (spec, ref) in PROGRAMS.items():
        for world in (1, 2, 4, 8):
            for T in (1, 3, 64):
                with tempfile.TemporaryDirectory() as d:
                    vals, args = make_inputs(rng, spec, world, T, d)
                    wants = ref(vals, world)
                    for fused in (False, True):
                        out = os.path.join(d, "fused" if fused else "ref")
                        cmd = [sinter, "ref", os.path.join(tpdir, prog), "--world", str(world),
                               "--output-dir", out] + args + (["--fused"] if fused else [])
                        r = subprocess.run(cmd, capture_output=True, text=True)
                        name = f"{prog} world {world} T {T}{' --fused' if fused else ''}"
                        why = None if r.returncode == 0 else r.stderr.strip()
                        for i, (kind, want) in enumerate(wants):
                            if why:
                                break
                            got = np.load(os.path.join(out, f"out{i}.npy"))
                            why = compare(kind, want, got)
                            if why:
                                why = f"out{i}: {why}"
                        if not why and prog.startswith("allreduce"):
                            h = np.load(os.path.join(out, "out1.npy"))
                            if not all(np.array_equal(h[0], h[r]) for r in range(world)):
                                why = "h differs between ranks"
                        print(("ok   " if not why else "FAIL ") + name + (f": {why}" if why else ""))
                        passed += not why
                        failed += bool(why)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
