#!/usr/bin/env bash
# gpu_all.sh - every correctness check and issue 14/15/16's timings in one
# device call of under 10 minutes, logs in $OUT (default /tmp/gpu_all).
#
#   OUT=dir bench/gpu_all.sh            (from the repository root)
#
# Carry build/ (with build/py-VER from bench/pyext_for.sh for the machine's
# python3).  Two phases, so that no timing shares the GPU or the CPUs:
#
#  A. correctness, all at once, each bounded (done by about 300 s): every
#     example through tests/gpu/run_examples.sh in 12 shards (SHARD=I/12:
#     tests/gpu/checks.sh), the microscaling examples byte for byte, the
#     runtime's GPU test, the package's GPU tests on torch tensors
#     (custom ops, CUDA graphs, torch.compile, in place), the one-GPU
#     all_reduce checks, the split reductions' checks, and
#     compute-sanitizer memcheck of the graphs that write into their inputs
#     or scatter, stream long rows, split reductions or select top-k;
#  B. timings, one at a time: sinter's in-place and KV-cache-write fractions
#     of copy (bench/inplace.sh), the same chains beside PyTorch eager and
#     torch.compile (bench/inplace_torch.py), the host overhead per call
#     from Python (bench/overhead.py), the routing chains beside PyTorch
#     (tests/gpu/bench_selection.py), the split reduction's --bench, the
#     soft-capped vocabulary beside PyTorch, the quantization examples'
#     fractions of copy (`sinter run --bench`).
#
# stdout has one summary line or table per step; the full logs are in $OUT
# and, as one file (the device tool brings back only a few), in
# $OUT/logs.tgz.  To rerun part of it: PARTS (default all: examples
# mx-exact gpu-runtime python-gpu tp sanitize) and STEPS (default all:
# inplace overhead inplace-torch selection split mx-bench dynamic-fp8 softcap) name the phase A
# checks and phase B timings to run; A_SECONDS bounds phase A.
# SINTER_BASE=path/to/other/compiler/sinter: mx-bench also times that
# build's kernels, alternating with this one's (a before/after).
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/gpu_all}
mkdir -p "$OUT"
PY=${PY:-/opt/torch/.venv/bin/python}
[ -x "$PY" ] || PY=$(command -v python3)
export PATH=$(dirname "$PY"):$PATH:/usr/local/cuda/bin PYTHONUNBUFFERED=1
ver=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
export SINTER_BUILD_DIR=build/py-$ver PYTHONPATH=$PWD/build/py-$ver/python${PYTHONPATH:+:$PYTHONPATH}
S=$PWD/build/compiler/sinter
t0=$(date +%s)
el() { echo "[$(( $(date +%s) - t0 )) s]"; }
{ date -u; nvidia-smi --query-gpu=name,driver_version,clocks.max.sm,memory.total --format=csv,noheader
  python3 -V; python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)'
  nproc; } > "$OUT/device.txt" 2>&1
cat "$OUT/device.txt"

# ---- A: correctness, in parallel --------------------------------------------
# DEADLINE (s, default 570) bounds the whole script; phase A gets up to half.
DEADLINE=${DEADLINE:-570}
A=${A_SECONDS:-$(( DEADLINE / 2 < 280 ? DEADLINE / 2 : 280 ))}
PARTS=" ${PARTS:-examples mx-exact gpu-runtime python-gpu tp sanitize} "
STEPS=" ${STEPS:-inplace overhead inplace-torch selection split mx-bench dynamic-fp8 softcap} "
bg() { # bg NAME SECONDS CMD...: CMD in the background, bounded, log $OUT/NAME.log
    local name=$1 secs=$2
    shift 2
    case $PARTS in *" ${name%%-[0-9]*} "*) ;; *) return ;; esac
    ( timeout "$secs" "$@" > "$OUT/$name.log" 2>&1; echo "rc $?" > "$OUT/$name.rc" ) &
}
SHARDS=${SHARDS:-12}  # copies of run_examples.sh, each every SHARDS-th check (6 left two unfinished at 280 s on a 16-CPU host)
for i in $(seq 0 $((SHARDS - 1))); do
    bg examples-$i $A env SHARD=$i/$SHARDS tests/gpu/run_examples.sh "$S"
done
bg mx-exact $A tests/gpu/mx_examples_exact.sh "$S"
bg gpu-runtime $A build/tests/test_runtime_gpu .
bg python-gpu $A python3 -m pytest -q -s -rsf -p no:cacheprovider tests/python/test_torch_gpu.py \
    tests/python/test_torch_inplace_gpu.py tests/python/test_fast_path.py
bg tp $A env OUT="$OUT/tp" PY="$PY" tests/tp/gpu_tp.sh
sanitize() { # memcheck: the destination, streaming, split and selection graphs
    local ex T dims bad=0
    for ex in fused_add_rms_norm_inplace rope_inplace qk_norm_rope_inplace reshape_and_cache_fp8 \
              rope_fp8_append_paged mla_rope_fp8_append_paged logit_softcap \
              dynamic_fp8_per_tensor moe_fused_gate topk_softmax nvfp4_quant_swizzled; do
        [ -f examples/$ex.sn ] || continue
        for T in 1 64; do
            dims="--dim T=$T"
            for sym in NB NP; do
                grep -q "\b$sym\b" examples/$ex.sn && dims="$dims --dim $sym=$(( (T + 15) / 16 + 3 ))"
            done
            if compute-sanitizer --tool memcheck --error-exitcode 9 "$S" run examples/$ex.sn $dims \
                    --output-dir "$(mktemp -d)" > "$OUT/sanitize-$ex-$T.log" 2>&1; then
                echo "ok   memcheck $ex T=$T"
            else
                echo "FAIL memcheck $ex T=$T"; tail -20 "$OUT/sanitize-$ex-$T.log"; bad=1
            fi
        done
    done
    return $bad
}
export -f sanitize
export S OUT
bg sanitize $(( A - 10 )) bash -c sanitize
wait
echo "== A: correctness $(el)"
for i in $(seq 0 $((SHARDS - 1))); do
    [ -f "$OUT/examples-$i.rc" ] || continue
    echo "examples shard $i/$SHARDS: $(cat "$OUT/examples-$i.rc") $(tail -1 "$OUT/examples-$i.log")"
    grep -A6 "^FAIL" "$OUT/examples-$i.log" | head -24
done
ran() { [ -f "$OUT/$1.rc" ]; }
ran mx-exact && { echo "mx-exact: $(cat "$OUT/mx-exact.rc") $(tail -1 "$OUT/mx-exact.log")"
    grep -A6 "^FAIL" "$OUT/mx-exact.log" | head -20; }
ran gpu-runtime && { echo "gpu-runtime: $(cat "$OUT/gpu-runtime.rc")"
    grep -E "^FAIL|passed" "$OUT/gpu-runtime.log" | head -12; }
ran python-gpu && { echo "python-gpu: $(cat "$OUT/python-gpu.rc")"
    grep -E "host overhead|passed|failed|^(FAILED|ERROR)" "$OUT/python-gpu.log" | tail -24; }
ran tp && { echo "tp: $(cat "$OUT/tp.rc")"; grep -E "rc|FAIL|passed|one step" "$OUT/tp.log" | head -16; }
ran sanitize && { echo "sanitize: $(cat "$OUT/sanitize.rc") $(grep -c '^ok' "$OUT/sanitize.log") ok"
    grep -A20 "^FAIL" "$OUT/sanitize.log" | head -40; }

# ---- B: timings, one at a time, in order of need, all by DEADLINE s ------------
step() { # step NAME SECONDS CMD...: CMD bounded (and by DEADLINE), log $OUT/NAME.log
    local name=$1 secs=$2 left
    shift 2
    case $STEPS in *" $name "*) ;; *) return ;; esac
    left=$(( DEADLINE - ($(date +%s) - t0) ))
    [ "$left" -lt "$secs" ] && secs=$left
    if [ "$secs" -lt 10 ]; then echo "== $name: skipped, past the deadline $(el)"; return; fi
    timeout "$secs" "$@" > "$OUT/$name.log" 2>&1
    echo "== $name: rc $? $(el)"
}
mkdir -p "$OUT/inplace"
step inplace 80 env OUT="$OUT/inplace" bench/inplace.sh "$S"
cut -c1-220 "$OUT/inplace.log"
step overhead 60 python3 bench/overhead.py --n 5000 --json "$OUT/overhead.json"
tail -20 "$OUT/overhead.log"
step inplace-torch 80 python3 bench/inplace_torch.py --out "$OUT/inplace-torch.json"
tail -20 "$OUT/inplace-torch.log"
# moe_fused_gate first: twice the 90 s bound ended before its rows
step selection 120 python3 tests/gpu/bench_selection.py --tokens 1,64,16384 --iters 30 \
    --only moe_fused_gate,topk_softmax
tail -16 "$OUT/selection.log"
if [ -x tests/gpu/split_check.sh ]; then
    step split 90 tests/gpu/split_check.sh "$S"
    grep -E "^FAIL|^bench|passed|failed" "$OUT/split.log" | head -30
fi
# issue 15's quantization examples alone at T=16384 (`sinter run --bench`:
# sinter's fraction of device copy bandwidth; target 0.85)
# mx-bench: each MX/UE8M0 example at T=16384; with SINTER_BASE (another
# build's compiler/sinter, e.g. of the commit before a change, carried
# beside this one) each example runs base then this build, twice, so the
# before/after ratio comes from one machine and minute.
mx_bench() {
    local ex r
    for ex in mxfp8_quant mxfp4_quant nvfp4_quant_swizzled silu_mul_nvfp4 fp8_group_ue8m0_deepgemm; do
        for r in 1 2; do
            if [ -n "${SINTER_BASE:-}" ]; then
                printf 'base %s: ' "$ex"
                "$SINTER_BASE" run examples/$ex.sn --dim T=16384 --bench --output-dir "$(mktemp -d)" 2>&1 | grep -E '^bench|rror'
                printf 'new  %s: ' "$ex"
            fi
            "$S" run examples/$ex.sn --dim T=16384 --bench --output-dir "$(mktemp -d)" 2>&1 | grep -E '^bench|rror'
            [ -n "${SINTER_BASE:-}" ] || break
        done
    done
}
export -f mx_bench
step mx-bench "$([ -n "${SINTER_BASE:-}" ] && echo 300 || echo 150)" bash -c mx_bench
cut -c1-220 "$OUT/mx-bench.log" 2>/dev/null
step dynamic-fp8 60 python3 bench/dynamic_fp8_torch.py --out "$OUT/dynamic-fp8.json"
tail -6 "$OUT/dynamic-fp8.log"
step softcap 50 python3 bench/logit_softcap_torch.py --tokens 1,64,256 --iters 20 --out "$OUT/softcap.json"
tail -10 "$OUT/softcap.log"
echo "== done $(el)"
tar czf "$OUT/../gpu_all-logs.tgz" -C "$OUT" . 2>/dev/null && mv "$OUT/../gpu_all-logs.tgz" "$OUT/logs.tgz"
