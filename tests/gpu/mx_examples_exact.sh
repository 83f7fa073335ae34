#!/usr/bin/env bash
# GPU test: the microscaling examples whose arithmetic has no division or
# transcendental the GPU may round differently (amax, a multiply by a
# constant, divisions by power-of-two scales, the conversions) must equal
# the reference interpreter byte for byte in --raw form: q, the f8e8m0
# scales and the packed UE8M0 words (an in-out buffer, sf.npy).  The NVFP4,
# SiLU and per-tensor examples divide by non-powers of two (div.full.f32 on
# the GPU) and are checked within tolerance by run_examples.sh instead.
# Exit 77 (skipped) without a GPU.
set -u
S=${1:-build/compiler/sinter}
cd "$(dirname "$0")/../.."
if ! "$S" run examples/mxfp8_quant.sn --dim T=1 --output-dir /tmp/sinter-gpu-probe 2>&1 \
        | grep -q "sinter: device"; then
    echo "no GPU: skipped"
    exit 77
fi
export SINTER_CACHE_DIR=$(mktemp -d)
pass=0 fail=0
for ex in mxfp8_quant mxfp4_quant fp8_group_ue8m0_deepgemm; do
    for T in 1 7 300 4096 16384; do
        gpu=$(mktemp -d) ref=$(mktemp -d)
        if "$S" run "examples/$ex.sn" --dim T=$T --raw --output-dir "$gpu" > "$gpu/log" 2>&1 &&
           "$S" ref "examples/$ex.sn" --dim T=$T --raw --output-dir "$ref" > "$ref/log" 2>&1 &&
           (for f in "$ref"/*.npy; do cmp "$gpu/${f##*/}" "$f" || exit 1; done); then
            pass=$((pass + 1))
            echo "ok   $ex T=$T bit-exact ($(cd "$ref" && ls *.npy | tr '\n' ' '))"
        else
            fail=$((fail + 1))
            echo "FAIL $ex T=$T bit-exact"
            cat "$gpu/log" "$ref/log" | sed 's/^/     /'
        fi
        rm -rf "$gpu" "$ref"
    done
done
rm -rf "$SINTER_CACHE_DIR"
echo "gpu mx examples: $pass passed, $fail failed"
[ $fail -eq 0 ]
