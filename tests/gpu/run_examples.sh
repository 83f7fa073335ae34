#!/usr/bin/env bash
# GPU test: every example at T in {1, 7, 64, 4096, 16384} (logit_softcap's
# 256,000-wide rows at T in {1, 7, 64}), the graphs
# of tests/gpu/odd_rows.sn at T in {1, 7, 300} and of tests/gpu/mx_scales.sn
# at T in {1, 7, 300, 4096}, of tests/gpu/selection.sn at T in {1, 7, 300,
# 4096} (byte for byte), through
# `sinter run --check` (compile, JIT through a fresh cache, launch, compare
# with the reference interpreter).  Exit 77 (meson: skipped) without a GPU.
# RUN_TARGET=hip:gfx942 (an MI300X) compiles for that target alone, and
# SHARD=I/N runs a share of the checks (tests/gpu/checks.sh); ONLY (default
# "examples odd mx selection") names the groups of checks to run, and
# EXAMPLES (default examples/*.sn) the example files the first group takes.
set -u
S=${1:-build/compiler/sinter}
cd "$(dirname "$0")/../.."
. tests/gpu/checks.sh
gpu_or_skip examples/qwen3_qk_norm.sn
# Sizes of an example's other symbols at T: a paged cache (NB, NP blocks of
# 16 rows) with room for every token and 3 blocks more; the slots are
# random distinct rows with some negative and some past the end (skipped).
extra_dims() {
    for sym in NB NP; do
        if grep -q "\b$sym\b" "$1"; then printf -- "--dim %s=%d " $sym $(( ($2 + 15) / 16 + 3 )); fi
    done
}
ONLY=" ${ONLY:-examples odd mx selection} "
want() { case $ONLY in *" $1 "*) return 0 ;; esac; return 1; }
want examples && for ex in ${EXAMPLES:-examples/*.sn}; do
    Ts="1 7 64 4096 16384"
    # [T, 256000] logits: at T = 4096 the reference interpreter would hold
    # a dozen tensors of 1G elements
    case $(basename "$ex") in logit_softcap.sn) Ts="1 7 64" ;; esac
    for T in $Ts; do
        check_run "$(basename "$ex") T=$T" "$ex" --dim T=$T $(extra_dims "$ex" $T)
    done
done
# rows the lanes do not cover exactly (partial-run code paths), and a graph
# of two kernels (the second launched with PDL behind the first on sm_90+)
want odd && for g in rms_norm_1000 softmax_77 layer_norm_3000 layer_norm_100 mean_and_amax_3000 two_kernels; do
    for T in 1 7 300; do
        check_run "odd_rows.sn:$g T=$T" tests/gpu/odd_rows.sn --graph $g --dim T=$T
    done
done
# the integer dtypes and ops, bitcasts, signbit/exponent/ldexp (exact)
for g in bits bitcasts floatbits across iota sizes; do
    for T in 1 7 300; do
        check_run "int_ops.sn:$g T=$T" tests/gpu/int_ops.sn --graph $g --dim T=$T
    done
done
# the microscaling dtypes (f8e8m0 scales, f4e2m1 two per byte): within
# tolerance of the interpreter, and byte for byte in --raw form (the plan
# makes the divisions of MX quantization exact: exact_div, reciprocals of
# e8m0 scales)
mx_graphs="mxfp4 mxfp4_floor mxfp8 dequant_mxfp4 special_mx scatter_mxfp4 inplace_mxfp4"
mx_dims() { # the graph's sizes at T: scatter_mxfp4's cache has 4096 rows
    printf -- "--dim T=%d" $2
    [ $1 = scatter_mxfp4 ] && printf -- " --dim N=4096"
}
want mx && for g in $mx_graphs; do
    for T in 1 7 300 4096; do
        check_run "mx_scales.sn:$g T=$T" tests/gpu/mx_scales.sn --graph $g $(mx_dims $g $T)
    done
done
want mx && for g in $mx_graphs; do
    for T in 7 4096; do
        check_exact "mx_scales.sn:$g T=$T" '*.npy' tests/gpu/mx_scales.sn --graph $g \
            $(mx_dims $g $T)
    done
done
# argmax/argmin/topk of exact values: byte for byte equal to the interpreter
want selection && for g in sel_rows sel_mid sel_512 sel_3000 sel_bf16 sel_f8 sel_groups; do
    for T in 1 7 300 4096; do
        check_exact "selection.sn:$g T=$T" 'out*.npy' tests/gpu/selection.sn --graph $g --dim T=$T
    done
done
summary gpu
