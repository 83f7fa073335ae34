#!/usr/bin/env bash
# gpu_round2.sh - the second device call of a session (under 10 minutes),
# logs in $OUT: the Python package's GPU tests and host overhead, the
# microscaling examples byte for byte, the routing examples beside PyTorch,
# the one-GPU all_reduce checks.  Each step is bounded; summaries on stdout.
# Carry build/ (with build/py-3.12 from bench/pyext_for.sh) and
# bench/.flashinfer (bench/flashinfer_fetch.sh).
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/gpu_round2}
mkdir -p "$OUT"
PY=${PY:-/opt/torch/.venv/bin/python}
[ -x "$PY" ] || PY=python3
export PATH=$(dirname "$PY"):$PATH
OUT=$OUT/py timeout 200 bench/gpu_py.sh tests,overhead,fibuild 2>&1 | tail -30
echo "== mx exact"
timeout 60 tests/gpu/mx_examples_exact.sh build/compiler/sinter > "$OUT/mx-exact.log" 2>&1
echo "mx_examples_exact: rc $?"; tail -5 "$OUT/mx-exact.log"
echo "== selection"
SINTER_BUILD_DIR=build/py-3.12 timeout 150 "$PY" tests/gpu/bench_selection.py \
    --tokens 1,64,16384 --iters 30 > "$OUT/selection.log" 2>&1
echo "bench_selection: rc $?"; tail -20 "$OUT/selection.log"
echo "== tp"
OUT=$OUT/tp timeout 120 tests/tp/gpu_tp.sh > "$OUT/tp.log" 2>&1
echo "gpu_tp: rc $?"; tail -15 "$OUT/tp.log"
