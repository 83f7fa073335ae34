#!/usr/bin/env bash
# gpu_round.sh - one device call (under 10 minutes) of this session's
# checks, logs in $OUT: the runtime GPU test, every example through
# run_examples.sh, sinter's in-place benchmark, the in-place torch tests.
# Each step is bounded; the summary lines go to stdout.
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/gpu_round}
mkdir -p "$OUT"
{ date -u; nvidia-smi --query-gpu=name,driver_version --format=csv,noheader; } > "$OUT/device.txt" 2>&1
cat "$OUT/device.txt"
step() { # step NAME SECONDS CMD...: run CMD with a bound, log to $OUT/NAME.log
    local name=$1 secs=$2; shift 2
    timeout "$secs" "$@" > "$OUT/$name.log" 2>&1
    echo "$name: rc $?"
}
step gpu-runtime 110 build/tests/test_runtime_gpu .
grep -E "^FAIL|passed" "$OUT/gpu-runtime.log" | head -12
step gpu-examples 230 tests/gpu/run_examples.sh "$PWD/build/compiler/sinter"
grep -E "passed" "$OUT/gpu-examples.log"; grep -A4 "^FAIL" "$OUT/gpu-examples.log" | head -30
OUT=$OUT/inplace step inplace 80 bench/inplace.sh
cut -c1-200 "$OUT/inplace.log"
ver=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
SINTER_BUILD_DIR=build/py-$ver step python-gpu 150 python3 -m pytest -q -rs -p no:cacheprovider \
    tests/python/test_torch_inplace_gpu.py
tail -3 "$OUT/python-gpu.log"; grep -E "^(FAILED|ERROR)" "$OUT/python-gpu.log" | head
