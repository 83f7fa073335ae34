#!/usr/bin/env bash
# gpu_all2.sh - the device call after bench/gpu_all.sh on the same warm
# machine (whatever device time is left): issue 20's chains against
# FlashInfer and torch.compile (bench/bench.py --only, T = 16384, 64 and 1),
# then Nsight Compute on those chains' kernels at T = 16384 (bench/profile.sh,
# bounded to 90 s: achieved bandwidth, stalls, registers), the 20-graph
# bundle's cold JIT on the host's CPUs (bench/jit_time.sh,
# NVRTC alone, twice, each bounded to 70 s) and the decoder layer at decode
# (bench/layer.py) if time remains.
# Logs in $OUT (default /tmp/gpu_all2).  Carry build/ (build/py-VER from
# bench/pyext_for.sh) and bench/.flashinfer (headers and the wrapper built
# here by bench/flashinfer_build.sh: nvcc needs no GPU).
#
#   OUT=dir DEADLINE=seconds [TOKENS=16384,64,1] [STEPS="bench profile jit layer"] bench/gpu_all2.sh
#
# TOKENS are bench.py's token counts; STEPS names the steps to run (default
# all), each only if the time left allows it.
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/gpu_all2}
DEADLINE=${DEADLINE:-300}
mkdir -p "$OUT"
PY=${PY:-/opt/torch/.venv/bin/python}
[ -x "$PY" ] || PY=$(command -v python3)
export PATH=$(dirname "$PY"):$PATH:/usr/local/cuda/bin PYTHONUNBUFFERED=1
ver=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
export SINTER_BUILD_DIR=build/py-$ver PYTHONPATH=$PWD/build/py-$ver/python${PYTHONPATH:+:$PYTHONPATH}
TOKENS=${TOKENS:-16384,64,1}
STEPS=" ${STEPS:-bench profile jit layer} "
want() { case $STEPS in *" $1 "*) return 0 ;; esac; return 1; }
t0=$(date +%s)
left() { echo $(( DEADLINE - ($(date +%s) - t0) )); }
{ date -u; nvidia-smi --query-gpu=name,driver_version,clocks.max.sm --format=csv,noheader; } \
    > "$OUT/device.txt" 2>&1
cat "$OUT/device.txt"
only=qwen3_qk_norm,gemma_qk_norm,add_rms_norm_fp8,rms_norm_fp8_per_token,mla_rope_fp8,mla_rope_qk_fp8
if want bench; then
    timeout $(( $(left) * 3 / 5 )) python3 bench/bench.py --tokens "$TOKENS" --iters 50 --only "$only" \
        --out "$OUT" > "$OUT/bench.log" 2>&1
    echo "bench.py: rc $? [$(( $(date +%s) - t0 )) s]"
    cat "$OUT/bench.md" 2>/dev/null || grep -E "T= *[0-9]+|FlashInfer|rror" "$OUT/bench.log" | tail -40
fi
if want profile && [ "$(left)" -gt 150 ]; then
    ONLY=$only timeout 90 bench/profile.sh "$PWD/build/compiler/sinter" 16384 "$OUT" > "$OUT/profile.log" 2>&1
    echo "profile.sh: rc $? [$(( $(date +%s) - t0 )) s]"
    grep -E "^==|dram__throughput|registers|long_scoreboard" "$OUT/profile.log" | head -40
fi
if want jit && [ "$(left)" -gt 150 ]; then
    # twice: on 2026-12-07 the first run's per-unit compiles summed to 10x
    # its loads of the same units (a cold page cache for this binary's
    # libnvrtc, or ncu left running by profile.sh's timeout?); a second
    # run tells which
    pkill -f "ncu " 2>/dev/null
    # the host's CPU time by kind over each run (/proc/stat: user, system,
    # idle, steal jiffies): steal, or other processes' user time, would
    # inflate the per-unit CPU times the run reports
    cpu() { awk '/^cpu /{print $2+$3, $4, $5, $9}' /proc/stat; }
    for run in 1 2; do
        before=$(cpu) busy=$(ps -eo pcpu,comm --sort=-pcpu | sed -n 2,4p | tr '\n' ' ')
        timeout 70 sh bench/jit_time.sh "$PWD/build" 1 bundle > "$OUT/jit_time-$run.log" 2>&1
        echo "jit_time.sh bundle, run $run: rc $? [$(( $(date +%s) - t0 )) s]"
        after=$(cpu)
        echo "  host jiffies over the run (user system idle steal): $(echo $before $after |
            awk '{print $5-$1, $6-$2, $7-$3, $8-$4}'); busiest before: $busy"
        tail -16 "$OUT/jit_time-$run.log"
    done
fi
if want layer && [ "$(left)" -gt 60 ]; then
    timeout $(( $(left) - 5 )) python3 bench/layer.py --tokens 1,64 --iters 50 --out "$OUT" \
        > "$OUT/layer-run.log" 2>&1
    echo "layer.py: rc $? [$(( $(date +%s) - t0 )) s]"
    cat "$OUT/layer.md" 2>/dev/null || tail -30 "$OUT/layer-run.log"
fi
