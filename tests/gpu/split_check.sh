#!/usr/bin/env bash
# split_check.sh [SINTER] - GPU check and timing of split reductions (issue
# 15; docs/ir.md, "Split reductions"):
#  1. examples/dynamic_fp8_per_tensor.sn at T in {1, 7, 64, 4096, 16384}
#     through `sinter run --check` (compile, JIT, launch both kernels,
#     compare with the reference interpreter);
#  2. every graph of tests/gpu/split_reductions.sn at T in {1, 7, 300,
#     4096} (static_whole has no T) through --check, and the exact ones
#     (whole_amax, whole_minmax, whole_int_sum: max, min and integer sums
#     equal the interpreter in any order) byte for byte against `sinter
#     ref --raw`;
#  3. `sinter run --bench` of the example at T in {1, 64, 4096, 16384}:
#     microseconds and the fraction of a device-to-device copy (bytes:
#     each input read once, each output written once, as bench/bench.py
#     counts them).  The graph reads x twice, so 0.6-0.7 of copy is the
#     ceiling at T=16384 (docs/performance.md).
# Exit 77 (skipped) without a GPU, 1 when a check fails.  meson test -C
# build gpu-split runs it; test_fusion (test_split_reductions) runs the
# same graphs through the kernel executor on the CPU.
set -u
S=${1:-build/compiler/sinter}
cd "$(dirname "$0")/../.."
if ! "$S" run examples/dynamic_fp8_per_tensor.sn --dim T=1 --output-dir /tmp/sinter-gpu-probe \
        2>&1 | grep -q "sinter: device"; then
    echo "no GPU: skipped"
    exit 77
fi
export SINTER_CACHE_DIR=$(mktemp -d)
pass=0 fail=0
check() { # NAME ARGS...: sinter run ARGS --check
    local name=$1 out
    shift
    out=$(mktemp -d)
    if "$S" run "$@" --check --output-dir "$out" > "$out/log" 2>&1; then
        pass=$((pass + 1))
        echo "ok   $name $(sed -nE 's/^check ([^:]*): max abs err [^,]*, max rel err ([^,]*),.*/\1 rel \2;/p' \
            "$out/log" | tr '\n' ' ')"
    else
        fail=$((fail + 1))
        echo "FAIL $name"
        sed 's/^/     /' "$out/log"
    fi
    rm -rf "$out"
}
exact() { # NAME ARGS...: sinter run ARGS --raw == sinter ref ARGS --raw, byte for byte
    local name=$1 gpu ref
    shift
    gpu=$(mktemp -d) ref=$(mktemp -d)
    if "$S" run "$@" --raw --output-dir "$gpu" > "$gpu/log" 2>&1 &&
       "$S" ref "$@" --raw --output-dir "$ref" > "$ref/log" 2>&1 &&
       (for f in "$ref"/*.npy; do cmp "$gpu/${f##*/}" "$f" || exit 1; done); then
        pass=$((pass + 1))
        echo "ok   $name bit-exact"
    else
        fail=$((fail + 1))
        echo "FAIL $name bit-exact"
        cat "$gpu/log" "$ref/log" | sed 's/^/     /'
    fi
    rm -rf "$gpu" "$ref"
}
for T in 1 7 64 4096 16384; do
    check "dynamic_fp8_per_tensor T=$T" examples/dynamic_fp8_per_tensor.sn --dim T=$T
done
F=tests/gpu/split_reductions.sn
for g in whole_amax whole_minmax whole_int_sum whole_sumsq rows_whole; do
    for T in 1 7 300 4096; do
        check "split_reductions.sn:$g T=$T" $F --graph $g --dim T=$T
        case $g in
        whole_amax | whole_minmax | whole_int_sum)
            exact "split_reductions.sn:$g T=$T" $F --graph $g --dim T=$T ;;
        esac
    done
done
check "split_reductions.sn:static_whole" $F --graph static_whole
for T in 1 64 4096 16384; do
    echo "bench dynamic_fp8_per_tensor T=$T: $("$S" run examples/dynamic_fp8_per_tensor.sn \
        --dim T=$T --bench 2>&1 | grep -h 'us (median' | sed 's/^[^:]*: //')"
done
rm -rf "$SINTER_CACHE_DIR"
echo "split reductions: $pass passed, $fail failed in $SECONDS s"
[ $fail -eq 0 ]
