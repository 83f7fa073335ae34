#!/usr/bin/env bash
# inplace.sh - issue 14's speed checks with `sinter run --bench` (GPU):
# fused add + RMSNorm in place against its out-of-place form, and the FP8
# KV-cache write by slot (bytes: K/V read + cache rows written + slots)
# against the same quantization into new outputs, at T = 1, 64, 16384;
# each line is sinter's own fraction of device copy bandwidth.  The slots
# are a random permutation of the cache rows (every token written).
# Usage: OUT=dir bench/inplace.sh [SINTER]
set -u
cd "$(dirname "$0")/.."
S=${1:-build/compiler/sinter}
OUT=${OUT:-/tmp/inplace}
mkdir -p "$OUT"
for T in 1 64 16384; do
    NB=$(( (T + 15) / 16 ))
    python3 - "$OUT/slots_$T.npy" "$T" "$NB" <<'PY'
import sys, numpy as np
T, NB = int(sys.argv[2]), int(sys.argv[3])
np.save(sys.argv[1], np.random.default_rng(T).permutation(NB * 16)[:T].astype(np.int64))
PY
    "$S" run examples/fused_add_rms_norm_inplace.sn --dim T=$T --bench 2>/dev/null | grep '^bench'
    "$S" run bench/inplace_ref.sn --graph fused_add_rms_norm_out --dim T=$T --bench 2>/dev/null \
        | grep '^bench'
    "$S" run examples/reshape_and_cache_fp8.sn --dim T=$T --dim NB=$NB \
        --input slot_mapping="$OUT/slots_$T.npy" --bench 2>/dev/null | grep '^bench'
    "$S" run bench/inplace_ref.sn --graph quant_kv_out --dim T=$T --bench 2>/dev/null \
        | grep '^bench'
done | tee "$OUT/inplace.txt"
