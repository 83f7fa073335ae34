#!/usr/bin/env bash
# gpu_check.sh - the correctness half of a GPU lease, in one command, logs
# in $OUT (default /tmp/gpu_check): the GPU tests (test_runtime_gpu,
# run_examples.sh), the Python package on torch tensors (tests/python's GPU
# file, with the extension built for the machine's python3 by
# bench/pyext_for.sh into build/py-VER), a SINTER_LOG'd run, and
# compute-sanitizer's memcheck over the runtime test.  Timing is
# bench/ab.sh's and bench/gpu_session.sh's.
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/gpu_check}
mkdir -p "$OUT"
{ date -u; nvidia-smi --query-gpu=name,driver_version --format=csv; } > "$OUT/device.txt" 2>&1
cat "$OUT/device.txt"
build/tests/test_runtime_gpu . > "$OUT/gpu-runtime.log" 2>&1
echo "test_runtime_gpu: rc $?"; grep -E "PASSED|FAILED" "$OUT/gpu-runtime.log" | tail -3
tests/gpu/run_examples.sh "$PWD/build/compiler/sinter" > "$OUT/gpu-examples.log" 2>&1
echo "run_examples.sh: rc $?"; grep -E "^FAIL|passed|failed" "$OUT/gpu-examples.log" | tail -5
ver=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
SINTER_BUILD_DIR=build/py-$ver PYTHONUNBUFFERED=1 timeout 300 \
    python3 -m pytest -q -s -rs -p no:cacheprovider tests/python/test_torch_gpu.py \
    tests/python/test_torch_inplace_gpu.py \
    > "$OUT/python-gpu.log" 2>&1
echo "pytest test_torch_gpu.py: rc $?"; tail -4 "$OUT/python-gpu.log"
SINTER_LOG=1 build/compiler/sinter run examples/add_rms_norm_fp8.sn --dim T=64 --check \
    > "$OUT/sinter-log.txt" 2>&1
echo "SINTER_LOG run: rc $?"
timeout 240 compute-sanitizer --tool memcheck build/tests/test_runtime_gpu . \
    > "$OUT/memcheck.log" 2>&1
echo "memcheck: rc $?"; tail -3 "$OUT/memcheck.log"
