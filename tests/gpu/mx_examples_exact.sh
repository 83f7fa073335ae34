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
. tests/gpu/checks.sh
gpu_or_skip examples/mxfp8_quant.sn
for ex in mxfp8_quant mxfp4_quant fp8_group_ue8m0_deepgemm; do
    for T in 1 7 300 4096 16384; do
        check_exact "$ex T=$T" '*.npy' "examples/$ex.sn" --dim T=$T
    done
done
summary "gpu mx examples"
