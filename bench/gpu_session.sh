#!/usr/bin/env bash
# gpu_session.sh - everything one lease on a GPU machine checks and times,
# in one command, with the build carried from the development machine:
#
#   bench/gpu_session.sh [SMALL_REPEATS] [WHAT]
#
# WHAT is a comma list of steps (default: tests,small,full,ncu; also: after):
#   tests  the GPU tests (meson's gpu suite: test_runtime_gpu, run_examples.sh)
#   small  bench.py at T = 1 and 64, SMALL_REPEATS (default 3) processes:
#          torch.compile's small-T times vary between processes (its
#          autotuned configs), so one run is not a verdict
#   full   bench.py at its default T (the table of docs/performance.md)
#   after  bench/after_gemm.py: sinter's norm after a cuBLAS GEMM and after a
#          plain PyTorch kernel, with PDL on and off (what PDL does in a model)
#   ncu    Nsight Compute on sinter's and Triton's kernels at T = 1 and 64
#          for the chains nearest torch.compile there (profile_small.py),
#          and the configs Inductor's autotuning picked
# Logs and tables go to $OUT (default /tmp/gpu_session); the last lines
# printed are the small-T summary.
set -u
cd "$(dirname "$0")/.."
REP=${1:-3}
WHAT=${2:-tests,small,full,ncu}
OUT=${OUT:-/tmp/gpu_session}
mkdir -p "$OUT"
has() { case ",$WHAT," in *",$1,"*) return 0 ;; esac; return 1; }
{
    date -u
    nvidia-smi --query-gpu=name,driver_version,clocks.max.sm,memory.total --format=csv
} > "$OUT/device.txt" 2>&1
cat "$OUT/device.txt"
if has tests; then
    # the gpu suite's two tests, run directly (no meson reconfigure of the
    # carried build on this machine)
    build/tests/test_runtime_gpu . > "$OUT/gpu-runtime.log" 2>&1
    echo "test_runtime_gpu: rc $?"; grep -E "PASSED|FAILED" "$OUT/gpu-runtime.log" | tail -3
    tests/gpu/run_examples.sh "$PWD/build/compiler/sinter" > "$OUT/gpu-examples.log" 2>&1
    echo "run_examples.sh: rc $?"; grep -E "^FAIL|passed|failed" "$OUT/gpu-examples.log" | tail -5
fi
if has small; then
    for i in $(seq 1 "$REP"); do
        d=$(mktemp -d)
        python3 bench/bench.py --tokens 1,64 --out "$d" > "$OUT/small-$i.log" 2>&1
        echo "small run $i: rc $?"
    done
fi
if has full; then
    d=$(mktemp -d)
    python3 bench/bench.py --out "$d" > "$OUT/full.log" 2>&1
    echo "full run: rc $?"
    cp "$d/bench.md" "$OUT/bench.md" 2>/dev/null
    cp "$d/bench.json" "$OUT/bench.json" 2>/dev/null
fi
if has after; then
    for before in gemm add; do
        python3 bench/after_gemm.py --before $before --tokens 1,16,64,128 \
            > "$OUT/after-$before.log" 2>&1
        echo "after_gemm --before $before: rc $?"; grep "^T=" "$OUT/after-$before.log"
    done
fi
if has ncu; then
    M=gpu__time_duration.sum,launch__block_size,launch__grid_size,launch__registers_per_thread
    M=$M,smsp__inst_executed.sum,dram__bytes.sum
    ncu --profile-from-start off --metrics "$M" python3 bench/profile_small.py \
        --only add_rms_norm_fp8,layer_norm,rms_norm_fp8_per_token,mla_rope_fp8 --tokens 1,64 \
        > "$OUT/ncu-small.txt" 2>&1
    echo "ncu: rc $?"
    find /tmp/torchinductor_* -name "*.best_config" -exec sh -c 'echo "== $1"; cat "$1"; echo' _ {} \; \
        > "$OUT/inductor-best-configs.txt" 2>/dev/null
fi
# the small-T summary: sinter / torch.compile per chain and run
if has small; then
    for f in "$OUT"/small-*.log; do
        echo "== $f"
        grep -E "T= +[0-9]+ sinter" "$f" | sed -E 's/ +eager +[0-9.]+ \([0-9.]+\)//; s/ +mismatch.*//'
    done
fi
