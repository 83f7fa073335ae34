#!/usr/bin/env bash
# gpu_layer.sh - bench/layer.py on the GPU machine in one call, bounded
# under 8 minutes, logs and tables in $OUT (default /tmp/gpu_layer):
#
#   bench/gpu_layer.sh [TOKENS]          (default 1,8,64)
#
#  1. FlashInfer's wrapper (bench/flashinfer_build.sh), only when the
#     carried bench/.flashinfer/libflashinfer_wrap.so was not built from this
#     bench/flashinfer_wrap.cu (its sha256 is kept beside it);
#  2. layer.py, every default column (eager, compile, sinter with and without
#     PDL, FlashInfer, the GEMMs alone), QK-norm + RoPE as one sinter chain:
#     $OUT/layer.md, layer.json, layer.log;
#  3. layer.py with QK-norm and RoPE as two sinter chains (sinter columns and
#     the GEMMs only): $OUT/split/.
# Run from the repository root with build/ (and build/py-VER from
# bench/pyext_for.sh for this python3) and bench/.flashinfer carried.
set -u
cd "$(dirname "$0")/.."
TOKENS=${1:-1,8,64}
OUT=${OUT:-/tmp/gpu_layer}
mkdir -p "$OUT/split"
ver=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
export SINTER_BUILD_DIR=build/py-$ver PYTHONUNBUFFERED=1
{ date -u; nvidia-smi --query-gpu=name,driver_version,clocks.max.sm --format=csv; python3 -V;
  python3 -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)'; } \
    > "$OUT/device.txt" 2>&1
cat "$OUT/device.txt"
so=bench/.flashinfer/libflashinfer_wrap.so
sha=$(sha256sum bench/flashinfer_wrap.cu | cut -d' ' -f1)
if [ -d bench/.flashinfer/include ] && [ "$(cat "$so.src-sha256" 2>/dev/null)" != "$sha" ]; then
    timeout 120 bench/flashinfer_build.sh > "$OUT/flashinfer-build.log" 2>&1 &&
        echo "$sha" > "$so.src-sha256"
    echo "flashinfer_build.sh: rc $?"; tail -3 "$OUT/flashinfer-build.log"
fi
timeout 300 python3 bench/layer.py --tokens "$TOKENS" --out "$OUT" > "$OUT/layer-run.log" 2>&1
echo "layer.py: rc $?"
cat "$OUT/layer.md" 2>/dev/null || tail -30 "$OUT/layer-run.log"
grep -E "MISMATCH|FAIL|Error|error" "$OUT/layer-run.log" | head -20
timeout 90 python3 bench/layer.py --tokens "$TOKENS" --qk split \
    --columns sinter,sinter-nopdl,gemms --out "$OUT/split" > "$OUT/split/layer-run.log" 2>&1
echo "layer.py --qk split: rc $?"
grep -E "us per layer|MISMATCH|FAIL|Error" "$OUT/split/layer-run.log" | tail -20
