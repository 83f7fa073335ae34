#!/usr/bin/env bash
# profile.sh - Nsight Compute on every example's kernel, on a GPU machine.
#
#   bench/profile.sh [SINTER] [T] [OUTDIR]
#
# For each examples/*.sn, runs `sinter run --dim T=...` under ncu (first
# launch of the graph's kernel) and prints one line per kernel: duration,
# DRAM and SM throughput, warp-instructions issued per output element and
# in total, registers, achieved occupancy, and the top warp stall reasons.
# Full ncu reports go to OUTDIR/<example>.ncu.txt when OUTDIR is given.
# ONLY=a,b (example names) limits it to those examples.
set -u
S=${1:-build/compiler/sinter}
T=${2:-16384}
OUTDIR=${3:-}
cd "$(dirname "$0")/.."
export SINTER_CACHE_DIR=$(mktemp -d)
M=gpu__time_duration.sum,dram__throughput.avg.pct_of_peak_sustained_elapsed
M=$M,sm__throughput.avg.pct_of_peak_sustained_elapsed,smsp__inst_executed.sum
M=$M,launch__registers_per_thread,sm__warps_active.avg.pct_of_peak_sustained_active
M=$M,smsp__average_warps_issue_stalled_long_scoreboard_per_issue_active.ratio
M=$M,smsp__average_warps_issue_stalled_barrier_per_issue_active.ratio
M=$M,smsp__average_warps_issue_stalled_lg_throttle_per_issue_active.ratio
M=$M,smsp__average_warps_issue_stalled_math_pipe_throttle_per_issue_active.ratio
M=$M,smsp__average_warps_issue_stalled_wait_per_issue_active.ratio
M=$M,smsp__average_warps_issue_stalled_short_scoreboard_per_issue_active.ratio
M=$M,smsp__average_warps_issue_stalled_not_selected_per_issue_active.ratio
M=$M,smsp__average_warps_issue_stalled_selected_per_issue_active.ratio
M=$M,smsp__average_warps_issue_stalled_mio_throttle_per_issue_active.ratio
M=$M,smsp__average_warps_issue_stalled_drain_per_issue_active.ratio
M=$M,smsp__issue_active.avg.pct_of_peak_sustained_active
for ex in examples/*.sn; do
    name=$(basename "$ex" .sn)
    case ",${ONLY:-$name}," in *",$name,"*) ;; *) continue ;; esac
    out=$(mktemp -d)
    log=${OUTDIR:+$OUTDIR/$name.ncu.txt}
    log=${log:-$out/ncu.txt}
    ncu --metrics "$M" -k regex:_k0 -c 1 "$S" run "$ex" --dim T="$T" --output-dir "$out" \
        > "$log" 2>&1
    echo "== $name T=$T"
    grep -E "^ +(gpu__|dram__|sm__|smsp__|launch__)" "$log" | awk '{printf "   %-90s %s %s\n", $1, $2, $3}'
    rm -rf "$out"
done
rm -rf "$SINTER_CACHE_DIR"
