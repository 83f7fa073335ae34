#!/usr/bin/env bash
# gpu_min.sh - the shortest useful GPU check (under 5 minutes), logs in
# $OUT: the runtime GPU test (in-place and scatter graphs captured and
# replayed included), the destination examples through `sinter run
# --check` at T = 1, 7, 64, 4096 (random distinct slots, some skipped),
# and sinter's in-place benchmark.
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/gpu_min}
mkdir -p "$OUT"
{ date -u; nvidia-smi --query-gpu=name,driver_version --format=csv,noheader; } > "$OUT/device.txt" 2>&1
cat "$OUT/device.txt"
timeout 100 build/tests/test_runtime_gpu . > "$OUT/gpu-runtime.log" 2>&1
echo "test_runtime_gpu: rc $?"; grep -E "^FAIL|passed" "$OUT/gpu-runtime.log" | head -12
S=build/compiler/sinter
for ex in fused_add_rms_norm_inplace rope_inplace qk_norm_rope_inplace qk_norm_rope \
          reshape_and_cache_fp8 rope_fp8_append_paged mla_rope_fp8_append_paged; do
    for T in 1 7 64 4096; do
        dims="--dim T=$T"
        for sym in NB NP; do
            grep -q "\b$sym\b" examples/$ex.sn && dims="$dims --dim $sym=$(( (T + 15) / 16 + 3 ))"
        done
        if timeout 60 "$S" run examples/$ex.sn $dims --check > "$OUT/$ex-$T.log" 2>&1; then
            echo "ok   $ex T=$T $(grep -h '^check' "$OUT/$ex-$T.log" |
                sed -E 's/^check ([^:]*):.* ([0-9]+) of ([0-9]+) elements.*/\1 \2\/\3 off;/' | tr '\n' ' ')"
        else
            echo "FAIL $ex T=$T"; tail -5 "$OUT/$ex-$T.log"
        fi
    done
done
OUT=$OUT/inplace timeout 90 bench/inplace.sh > "$OUT/inplace.log" 2>&1
echo "inplace.sh: rc $?"; cut -c1-200 "$OUT/inplace.log"
