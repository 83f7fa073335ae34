#!/usr/bin/env bash
# gpu_py.sh - the Python package on a GPU machine, in one command, logs and
# tables in $OUT (default /tmp/gpu_py):
#
#   bench/gpu_py.sh [WHAT]
#
# WHAT is a comma list of steps (default tests,overhead,fibuild):
#   tests     tests/python with PyTorch on the GPU (test_torch_gpu.py, and
#             test_fast_path.py where NumPy is installed)
#   overhead  bench/overhead.py: host time per call at T=1 (sinter eager,
#             the DLPack path, the torch custom op, an empty Triton kernel,
#             torch.compile of the chain, a plain torch op)
#   fibuild   bench/flashinfer_build.sh: FlashInfer's wrapper with nvcc from
#             the headers carried in bench/.flashinfer/include
#   small     bench.py at T = 1, 64 (FlashInfer column included)
#   bench     bench.py at T = 1, 64, 2048, 16384 (the table of
#             docs/performance.md; about as long as a whole call allows:
#             run it alone)
# The package is the one bench/pyext_for.sh built for this python3 into
# build/py-VER (carried with build/); run from the repository root.
set -u
cd "$(dirname "$0")/.."
WHAT=${1:-tests,overhead,fibuild}
OUT=${OUT:-/tmp/gpu_py}
mkdir -p "$OUT"
has() { case ",$WHAT," in *",$1,"*) return 0 ;; esac; return 1; }
ver=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
export SINTER_BUILD_DIR=build/py-$ver PYTHONUNBUFFERED=1
{ date -u; nvidia-smi --query-gpu=name,driver_version --format=csv; python3 -V;
  python3 -c 'import torch; print("torch", torch.__version__)'; } > "$OUT/device.txt" 2>&1
cat "$OUT/device.txt"
if has tests; then
    files=tests/python/test_torch_gpu.py
    python3 -c 'import numpy' 2>/dev/null && files="$files tests/python/test_fast_path.py"
    timeout 400 python3 -m pytest -q -s -rs -p no:cacheprovider $files > "$OUT/python-gpu.log" 2>&1
    echo "pytest $files: rc $?"; grep -E "host overhead|passed|failed" "$OUT/python-gpu.log" | tail -4
fi
if has overhead; then
    timeout 300 python3 bench/overhead.py --json "$OUT/overhead.json" > "$OUT/overhead.log" 2>&1
    echo "overhead.py: rc $?"; cat "$OUT/overhead.log"
fi
if has fibuild; then
    bench/flashinfer_build.sh > "$OUT/flashinfer-build.log" 2>&1
    echo "flashinfer_build.sh: rc $?"; tail -3 "$OUT/flashinfer-build.log"
fi
for step in small bench; do
    has $step || continue
    tokens=1,64
    [ $step = bench ] && tokens=1,64,2048,16384
    d=$(mktemp -d)
    python3 bench/bench.py --tokens $tokens --out "$d" > "$OUT/bench-$step.log" 2>&1
    echo "bench.py ($step): rc $?"
    cp "$d/bench.md" "$OUT/bench-$step.md" 2>/dev/null
    cp "$d/bench.json" "$OUT/bench-$step.json" 2>/dev/null
    grep -E "T= +[0-9]+ sinter|FlashInfer|Error|error" "$OUT/bench-$step.log" | tail -40
done
