#!/usr/bin/env python3
"""load_times.py - cold and warm bundle loads of every example, each from an
empty kernel cache, in a process with or without PyTorch.

    python3 bench/load_times.py [--torch none|import|compile]

cold = first sn_bundle_load_file of the example's bundle + sn_bundle_prepare
(NVRTC compile of every kernel function's unit, in parallel threads, +
module loads); warm = the second (cache hits + module loads).  A plain load
compiles nothing now: each function is compiled at its first launch
(docs/runtime.md).  --torch import loads PyTorch and initialises CUDA first;
--torch compile also runs one torch.compile'd function (whose compile
workers then live in the process), as bench.py's process does.
"""
import argparse
import ctypes
import glob
import os
import subprocess
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sinter", default="build/compiler/sinter")
    ap.add_argument("--lib", default="build/runtime/libsinter.so")
    ap.add_argument("--torch", choices=["none", "import", "compile"], default="none")
    a = ap.parse_args()
    if a.torch != "none":
        import torch
        torch.zeros(1, device="cuda")
        if a.torch == "compile":
            f = torch.compile(lambda x: (x * 2).sum())
            f(torch.ones(16, device="cuda"))
            torch.cuda.synchronize()
    lib = ctypes.CDLL(a.lib)
    lib.sn_last_error.restype = ctypes.c_char_p
    lib.sn_bundle_free.argtypes = [ctypes.c_void_p]
    lib.sn_bundle_prepare.argtypes = [ctypes.c_void_p]
    setenv = ctypes.CDLL(None).setenv
    out = tempfile.mkdtemp(prefix="sinter-load-")
    print(f"process: {a.torch}")
    for src in sorted(glob.glob("examples/*.sn")):
        snb = os.path.join(out, os.path.basename(src) + ".snb")
        subprocess.run([a.sinter, "compile", src, "-o", snb, "--target", "cuda:sm_90"],
                       check=True)
        cache = tempfile.mkdtemp(prefix="sinter-load-cache-")
        os.environ["SINTER_CACHE_DIR"] = cache
        setenv(b"SINTER_CACHE_DIR", cache.encode(), 1)
        times = []
        for _ in range(2):
            b = ctypes.c_void_p()
            t0 = time.perf_counter()
            if (lib.sn_bundle_load_file(snb.encode(), ctypes.byref(b)) != 0
                    or lib.sn_bundle_prepare(b) != 0):
                raise RuntimeError(lib.sn_last_error().decode())
            times.append((time.perf_counter() - t0) * 1e3)
            lib.sn_bundle_free(b)
        print(f"{os.path.basename(src):28s} cold {times[0]:8.1f} ms  warm {times[1]:6.2f} ms",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
