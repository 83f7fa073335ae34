#!/usr/bin/env bash
# GPU test: every example at T in {1, 7, 64, 4096, 16384} (logit_softcap's
# 256,000-wide rows at T in {1, 7, 64}), the graphs
# of tests/gpu/odd_rows.sn at T in {1, 7, 300} and of tests/gpu/mx_scales.sn
# at T in {1, 7, 300, 4096}, of tests/gpu/selection.sn at T in {1, 7, 300,
# 4096} (byte for byte), through
# `sinter run --check` (compile, JIT through a fresh cache, launch, compare
# with the reference interpreter).  Exit 77 (meson: skipped) without a GPU.
set -u
S=${1:-build/compiler/sinter}
cd "$(dirname "$0")/../.."
if ! "$S" run examples/qwen3_qk_norm.sn --dim T=1 --output-dir /tmp/sinter-gpu-probe 2>&1 \
        | grep -q "sinter: device"; then
    echo "no GPU: skipped"
    exit 77
fi
export SINTER_CACHE_DIR=$(mktemp -d)
pass=0 fail=0
# Sizes of an example's other symbols at T: a paged cache (NB, NP blocks of
# 16 rows) with room for every token and 3 blocks more; the slots are
# random distinct rows with some negative and some past the end (skipped).
extra_dims() {
    for sym in NB NP; do
        if grep -q "\b$sym\b" "$1"; then printf -- "--dim %s=%d " $sym $(( ($2 + 15) / 16 + 3 )); fi
    done
}
for ex in examples/*.sn; do
    Ts="1 7 64 4096 16384"
    # [T, 256000] logits: at T = 4096 the reference interpreter would hold
    # a dozen tensors of 1G elements
    case $(basename "$ex") in logit_softcap.sn) Ts="1 7 64" ;; esac
    for T in $Ts; do
        out=$(mktemp -d)
        if "$S" run "$ex" --dim T=$T $(extra_dims "$ex" $T) --check --output-dir "$out" \
                > "$out/log" 2>&1; then
            pass=$((pass + 1))
            echo "ok   $(basename "$ex") T=$T $(grep -h '^check' "$out/log" | awk '{printf "%s rel %s; ", $2, $10}')"
        else
            fail=$((fail + 1))
            echo "FAIL $(basename "$ex") T=$T"
            sed 's/^/     /' "$out/log"
        fi
        rm -rf "$out"
    done
done
# rows the lanes do not cover exactly (partial-run code paths), and a graph
# of two kernels (the second launched with PDL behind the first on sm_90+)
for g in rms_norm_1000 softmax_77 layer_norm_3000 layer_norm_100 mean_and_amax_3000 two_kernels; do
    for T in 1 7 300; do
        out=$(mktemp -d)
        if "$S" run tests/gpu/odd_rows.sn --graph $g --dim T=$T --check --output-dir "$out" \
                > "$out/log" 2>&1; then
            pass=$((pass + 1))
            echo "ok   odd_rows.sn:$g T=$T $(grep -h '^check' "$out/log" | awk '{printf "%s rel %s; ", $2, $10}')"
        else
            fail=$((fail + 1))
            echo "FAIL odd_rows.sn:$g T=$T"
            sed 's/^/     /' "$out/log"
        fi
        rm -rf "$out"
    done
done
# the integer dtypes and ops, bitcasts, signbit/exponent/ldexp (exact)
for g in bits bitcasts floatbits across iota sizes; do
    for T in 1 7 300; do
        out=$(mktemp -d)
        if "$S" run tests/gpu/int_ops.sn --graph $g --dim T=$T --check --output-dir "$out" \
                > "$out/log" 2>&1; then
            pass=$((pass + 1))
            echo "ok   int_ops.sn:$g T=$T"
        else
            fail=$((fail + 1))
            echo "FAIL int_ops.sn:$g T=$T"
            sed 's/^/     /' "$out/log"
        fi
        rm -rf "$out"
    done
done
# the microscaling dtypes (f8e8m0 scales, f4e2m1 two per byte): within
# tolerance of the interpreter, and byte for byte in --raw form (the plan
# makes the divisions of MX quantization exact: exact_div, reciprocals of
# e8m0 scales)
mx_graphs="mxfp4 mxfp4_floor mxfp8 dequant_mxfp4 special_mx scatter_mxfp4 inplace_mxfp4"
for g in $mx_graphs; do
    for T in 1 7 300 4096; do
        out=$(mktemp -d)
        dims="--dim T=$T"
        [ $g = scatter_mxfp4 ] && dims="$dims --dim N=4096" # the cache's rows
        if "$S" run tests/gpu/mx_scales.sn --graph $g $dims --check --output-dir "$out" \
                > "$out/log" 2>&1; then
            pass=$((pass + 1))
            echo "ok   mx_scales.sn:$g T=$T"
        else
            fail=$((fail + 1))
            echo "FAIL mx_scales.sn:$g T=$T"
            sed 's/^/     /' "$out/log"
        fi
        rm -rf "$out"
    done
done
for g in $mx_graphs; do
    for T in 7 4096; do
        gpu=$(mktemp -d) ref=$(mktemp -d)
        dims="--dim T=$T"
        [ $g = scatter_mxfp4 ] && dims="$dims --dim N=4096"
        if "$S" run tests/gpu/mx_scales.sn --graph $g $dims --raw --output-dir "$gpu" \
                > "$gpu/log" 2>&1 &&
           "$S" ref tests/gpu/mx_scales.sn --graph $g $dims --raw --output-dir "$ref" \
                > "$ref/log" 2>&1 &&
           (for f in "$ref"/*.npy; do cmp "$gpu/${f##*/}" "$f" || exit 1; done); then
            pass=$((pass + 1))
            echo "ok   mx_scales.sn:$g T=$T bit-exact"
        else
            fail=$((fail + 1))
            echo "FAIL mx_scales.sn:$g T=$T bit-exact"
            cat "$gpu/log" "$ref/log" | sed 's/^/     /'
        fi
        rm -rf "$gpu" "$ref"
    done
done
# argmax/argmin/topk of exact values: byte for byte equal to the interpreter
for g in sel_rows sel_mid sel_512 sel_3000; do
    for T in 1 7 300 4096; do
        gpu=$(mktemp -d) ref=$(mktemp -d)
        if "$S" run tests/gpu/selection.sn --graph $g --dim T=$T --raw --output-dir "$gpu" \
                > "$gpu/log" 2>&1 &&
           "$S" ref tests/gpu/selection.sn --graph $g --dim T=$T --raw --output-dir "$ref" \
                > "$ref/log" 2>&1 &&
           (for f in "$ref"/out*.npy; do cmp "$gpu/${f##*/}" "$f" || exit 1; done); then
            pass=$((pass + 1))
            echo "ok   selection.sn:$g T=$T bit-exact"
        else
            fail=$((fail + 1))
            echo "FAIL selection.sn:$g T=$T bit-exact"
            cat "$gpu/log" "$ref/log" | sed 's/^/     /'
        fi
        rm -rf "$gpu" "$ref"
    done
done
rm -rf "$SINTER_CACHE_DIR"
echo "gpu: $pass passed, $fail failed"
[ $fail -eq 0 ]
