#!/usr/bin/env bash
# run_hip_cpu.sh SINTER FAKEDIR SRCROOT - the generated HIP sources run on
# the CPU with 64-lane waves, through the runtime's own HIP device, JIT and
# launch code: FAKEDIR holds fake_amdhip64.c's libamdhip64.so (the CPU as
# an AMD device, gfx950 unless said, one fiber per lane) and
# fake_hiprtc.c's libhiprtc.so (the host C++ compiler with hip_cpu.h as
# hiprtc).  Each run is `sinter run FILE --check`: compiled for the default
# targets (cuda:sm_90 + hip:gfx950, whose HIP source is scheduled for
# 64-lane waves) or for the one given with --target, loaded on the fake
# device, launched, and every output compared with the reference
# interpreter (`f8` resolved as for the targets compiled for) within its
# dtype's rounding step.
#
#  1. every example at T = 1, 7, 64 (few-rows and many-rows kernels both
#     run: the fake device has 4 CUs; counted from SINTER_LOG=launch), and
#     at T = 7 with SINTER_FEW_ROWS=always and =never; at T = 7 and 64
#     again with the prelude's hardware FP8 encoders on hip_cpu.h's model
#     of AMD's conversion instructions (SN_CPU_HIP_HW_FP8), which must
#     have written codes;
#  1c. the gfx942 (MI300) sources: every example compiled with --target
#     hip:gfx942 (`f8` is f8e4m3fnuz; hip:gfx942+ocp-fp8 for a graph that
#     stores OCP f8e4m3 by name, which gfx942 refuses otherwise) on a fake
#     gfx942 device, with the hardware FP8 encoders on the model of the
#     instructions that writes FNUZ codes on gfx942 (the fake hiprtc
#     defines __gfx942__ from the runtime's --offload-arch), at T = 7; the
#     examples and GPU test graphs whose gfx942 source differs from their
#     gfx950 source (those with FP8: the others are the same 64-lane
#     code, which part 1 runs) also at T = 64 and at T = 7 with
#     SINTER_FEW_ROWS=always and =never; FNUZ outputs and modelled codes
#     must have come;
#  1d. the 32-lane RDNA sources: every example and GPU test graph compiled
#     with --target hip:gfx1100 on a fake gfx1100 device (32-lane waves) at
#     T = 7, and a few examples at T = 64 and with SINTER_FEW_ROWS=always
#     and =never;
#  2. the GPU test graphs (tests/gpu/odd_rows.sn, int_ops.sn, mx_scales.sn,
#     selection.sn, split_reductions.sn) at T = 1 and 7;
#  3. the check can fail: with shuffles that exchange nothing (a broken
#     hip_cpu.h) qwen3_qk_norm's check fails, with an instruction model
#     that ignores its word select add_rms_norm_fp8's, and with the 64-lane kernels
#     run on 32-lane waves (SN_CPU_HIP_WAVE=32) layer_norm's does (some
#     examples' half sums of random squares stay within tolerance); on
#     gfx942, with a model that writes OCP codes there (as gfx950's
#     instruction does) add_rms_norm_fp8's FNUZ check fails; and the 32-lane
#     gfx1100 source of qwen3_qk_norm fails with shuffles that exchange
#     nothing;
#  4. a 32-lane device (gfx1100) refuses the bundle's 64-lane kernels with
#     the runtime's message;
#  5. the JIT cache key names the hiprtc library: a second run hits the
#     first one's entry, a copy of the library elsewhere misses it.
#
# Not covered: the instructions themselves (a model; tests/test_prelude_hip.c
# checks the encoders against adversarial ones); gfx90a and gfx1201 (the
# same 64- and 32-lane sources as gfx942/gfx950 and gfx1100, with FP8
# stored in software on gfx90a and by OCP instructions on gfx1201).
#
# Prints one line per run and "hip_cpu: N passed, N failed".  Exit 77
# (meson: SKIP) with the reason where it cannot run: a sanitizer build
# (the fibers confuse ASan), no C++ compiler, or a CUDA driver on the
# machine (the runtime takes CUDA first, so the fake would not be used).
set -u
if [ $# -ne 3 ]; then
    echo "usage: run_hip_cpu.sh SINTER FAKEDIR SRCROOT" >&2
    exit 2
fi
S=$(realpath "$1")
FAKE=$(realpath "$2")
cd "$3" || exit 2
if ldd "$S" 2>/dev/null | grep -q -E 'lib(a|ub)san'; then
    echo "hip_cpu: a sanitizer build (the lanes' fibers confuse ASan): skipped; the normal build runs it"
    exit 77
fi
if ! command -v "${SN_CPU_CXX:-c++}" > /dev/null; then
    echo "hip_cpu: no C++ compiler (${SN_CPU_CXX:-c++}; build.sh installs g++): skipped"
    exit 77
fi
if ldconfig -p 2>/dev/null | grep -q 'libcuda\.so\.1'; then
    echo "hip_cpu: a CUDA driver is installed (the runtime would take it first): skipped"
    exit 77
fi
export LD_LIBRARY_PATH=$FAKE${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export SINTER_HIPRTC=$FAKE/libhiprtc.so
export SINTER_CACHE_DIR=$(mktemp -d)
export SINTER_LOG=launch
unset SINTER_HIP_ARCH SINTER_FEW_ROWS SN_CPU_HIP_ARCH SN_CPU_HIP_WAVE SN_CPU_HIP_H \
    SN_CPU_HIP_HW_FP8 SN_CPU_HIP_VERBOSE
work=$(mktemp -d)
trap 'rm -rf "$SINTER_CACHE_DIR" "$work"' EXIT
pass=0 fail=0 few=0 many=0

# check LABEL EXPECT ARGS...: sinter run ARGS --check; EXPECT ok (it passes
# on the fake AMD device) or bad (the run fails: a check beyond tolerance).
# The run must have been on the device $SN_CPU_HIP_ARCH names (gfx950 unset).
check() {
    local label=$1 expect=$2
    shift 2
    local log=$work/log
    "$S" run "$@" --check > "$log" 2>&1
    local rc=$?
    local dev=0 arch=${SN_CPU_HIP_ARCH:-gfx950}
    grep -q "^sinter: device AMD ${arch%%:*} " "$log" && dev=1
    few=$((few + $(grep -c 'few-rows variant\|, few-rows' "$log")))
    many=$((many + $(grep -c 'not few-rows' "$log")))
    if [ $expect = ok ] && [ $rc -eq 0 ] && [ $dev = 1 ] && grep -q '^check' "$log"; then
        pass=$((pass + 1))
        echo "ok   $label: $(grep -h '^check' "$log" |
            sed 's/^check \(.*\): max abs err .*, max rel err \([^,]*\),.*/\1 rel \2/' |
            paste -s -d ';')"
    elif [ $expect = bad ] && [ $rc -ne 0 ] && [ $dev = 1 ] &&
         grep -q 'beyond tolerance' "$log" && ! grep -q ' 0 of [0-9]* elements beyond' <(
             grep -h '^check' "$log" | head -1); then
        pass=$((pass + 1))
        echo "ok   $label: the check fails as it must $(grep -h '^check' "$log" | head -1 |
            sed 's/.*(first at/(first at/')"
    else
        fail=$((fail + 1))
        echo "FAIL $label (expected $expect, exit $rc)"
        sed 's/^/     /' "$log" | tail -20
    fi
}

# Sizes of an example's other symbols at T (as tests/gpu/run_examples.sh).
extra_dims() {
    for sym in NB NP; do
        if grep -q "\b$sym\b" "$1"; then printf -- "--dim %s=%d " $sym $(( ($2 + 15) / 16 + 3 )); fi
    done
}

start=$SECONDS
for ex in examples/*.sn; do
    for T in 1 7 64; do
        check "$(basename "$ex") T=$T" ok "$ex" --dim T=$T $(extra_dims "$ex" $T)
    done
    for rows in always never; do
        SINTER_FEW_ROWS=$rows check "$(basename "$ex") T=7 few-rows $rows" ok "$ex" --dim T=7 \
            $(extra_dims "$ex" 7)
    done
done
# The GPU test graphs, FILE:GRAPH, and their sizes other than T (split
# reductions: a partials kernel, then the epilogue folding them per wave).
gpu_graphs="$(printf 'odd_rows:%s ' rms_norm_1000 softmax_77 layer_norm_3000 layer_norm_100 \
    mean_and_amax_3000 two_kernels) $(printf 'int_ops:%s ' bits bitcasts floatbits across iota \
    sizes) $(printf 'mx_scales:%s ' mxfp4 mxfp4_floor mxfp8 dequant_mxfp4 special_mx \
    scatter_mxfp4 inplace_mxfp4) $(printf 'selection:%s ' sel_rows sel_mid sel_512 sel_3000 sel_bf16 sel_f8 sel_groups) \
    $(printf 'split_reductions:%s ' whole_amax whole_minmax whole_int_sum whole_sumsq rows_whole)"
graph_dims() {
    [ $1 = scatter_mxfp4 ] && printf -- "--dim N=64"
}
for fg in $gpu_graphs; do
    f=${fg%%:*} g=${fg#*:}
    for T in 1 7; do
        check "$f.sn:$g T=$T" ok tests/gpu/$f.sn --graph $g --dim T=$T $(graph_dims $g)
    done
done
# a split reduction of a constant size (no T)
check "split_reductions.sn:static_whole" ok tests/gpu/split_reductions.sn --graph static_whole
# 1b. the prelude's hardware FP8 encoders, on hip_cpu.h's model of AMD's
# conversion instructions (a cache of their own: the compiler's options
# are the same)
hw=0 hw_examples=""
for ex in examples/*.sn; do
    for T in 7 64; do
        SINTER_CACHE_DIR=$work/cache_hw SN_CPU_HIP_HW_FP8=1 SN_CPU_HIP_VERBOSE=1 \
            check "$(basename "$ex") T=$T FP8 instructions modelled" ok "$ex" --dim T=$T \
            $(extra_dims "$ex" $T)
        n=$(grep -h 'FP8 codes from the modelled' "$work/log" | awk '{s += $4} END {print s + 0}')
        hw=$((hw + n))
        [ $n -gt 0 ] && [ $T = 7 ] && hw_examples="$hw_examples $(basename "$ex" .sn)"
    done
done
if [ $hw -gt 0 ]; then
    pass=$((pass + 1))
    echo "ok   $hw FP8 codes came from the modelled instructions, in:$hw_examples"
else
    fail=$((fail + 1))
    echo "FAIL no FP8 code came from the modelled instructions"
fi

# 1c. the gfx942 (MI300) sources, FNUZ FP8 by the modelled instructions
# (arch as ROCm reports an MI300X; a cache of their own)
gfx942() {
    SINTER_CACHE_DIR=$work/cache_942 SN_CPU_HIP_ARCH=gfx942:sramecc+:xnack- SN_CPU_HIP_HW_FP8=1 \
        SN_CPU_HIP_VERBOSE=1 "$@"
}
# target_942 FILE [--graph G]: hip:gfx942, or hip:gfx942+ocp-fp8 for a
# graph that stores OCP FP8 by name (gfx942 refuses it otherwise); fails
# (printed) when the graph does not compile for gfx942 at all.
target_942() {
    if "$S" dump "$@" --stage hip --arch gfx942 > "$work/log" 2>&1; then
        echo hip:gfx942
    elif grep -q 'which gfx942 (MI300) does not read' "$work/log"; then
        echo hip:gfx942+ocp-fp8
    else
        echo "FAIL $* does not compile for hip:gfx942" >&2
        sed 's/^/     /' "$work/log" | tail -5 >&2
        return 1
    fi
}
# differs_950 TARGET FILE [--graph G]: is the HIP source for TARGET other
# than the one for gfx950 (beyond its first line, which names the target)?
differs_950() {
    local t=${1#hip:}
    shift
    ! cmp -s <("$S" dump "$@" --stage hip --arch $t 2>&1 | tail -n +2) \
             <("$S" dump "$@" --stage hip --arch gfx950 2>&1 | tail -n +2)
}
# run_942 LABEL TARGET ARGS...: check ARGS on gfx942 at T = 7, and where
# the source differs from gfx950's also at T = 64 and with the few-rows
# kernels forced and forbidden
hw942=0 fnuz="" ocp942="" own942="" start942=$SECONDS
run_942() {
    local label=$1 t=$2
    shift 2
    local Ts=7 T rows
    if differs_950 $t "$@"; then
        Ts="7 64"
        own942="$own942 $label"
    fi
    [ $t = hip:gfx942 ] || ocp942="$ocp942 $label"
    for T in $Ts; do
        gfx942 check "$label T=$T $t" ok "$@" --dim T=$T $(extra_dims "$1" $T) --target $t
        hw942=$((hw942 + $(grep -h 'FP8 codes from the modelled' "$work/log" |
                           awk '{s += $4} END {print s + 0}')))
        [ $T = 7 ] && grep -q '^out[0-9].*: f8e[45]m[23]fnuz\[' "$work/log" &&
            fnuz="$fnuz $label"
    done
    [ "$Ts" = 7 ] && return
    for rows in always never; do
        SINTER_FEW_ROWS=$rows gfx942 check "$label T=7 $t few-rows $rows" ok "$@" --dim T=7 \
            $(extra_dims "$1" 7) --target $t
    done
}
for ex in examples/*.sn; do
    t=$(target_942 "$ex") || { fail=$((fail + 1)); continue; }
    run_942 "$(basename "$ex")" $t "$ex"
done
for fg in $gpu_graphs; do
    f=${fg%%:*} g=${fg#*:}
    t=$(target_942 tests/gpu/$f.sn --graph $g) || { fail=$((fail + 1)); continue; }
    run_942 "$f.sn:$g" $t tests/gpu/$f.sn --graph $g $(graph_dims $g)
done
gfx942 check "split_reductions.sn:static_whole hip:gfx942" ok tests/gpu/split_reductions.sn \
    --graph static_whole --target hip:gfx942
if [ $hw942 -gt 0 ] && [ -n "$fnuz" ]; then
    pass=$((pass + 1))
    echo "ok   gfx942: $hw942 FNUZ codes came from the modelled instructions; FNUZ outputs" \
         "in:$fnuz; OCP FP8 by name (+ocp-fp8) in:$ocp942; sources other than gfx950's" \
         "(also run at T=64, few-rows forced and forbidden):$own942"
else
    fail=$((fail + 1))
    echo "FAIL gfx942: $hw942 codes from the modelled instructions, FNUZ outputs in '$fnuz'"
fi

echo "hip_cpu: the gfx942 sources took $((SECONDS - start942)) s"

# 1d. the 32-lane RDNA sources on a gfx1100 device (32-lane waves)
start1100=$SECONDS
gfx1100() {
    SINTER_CACHE_DIR=$work/cache_1100 SN_CPU_HIP_ARCH=gfx1100 "$@"
}
for ex in examples/*.sn; do
    gfx1100 check "$(basename "$ex") T=7 hip:gfx1100" ok "$ex" --dim T=7 $(extra_dims "$ex" 7) \
        --target hip:gfx1100
done
for fg in $gpu_graphs; do
    f=${fg%%:*} g=${fg#*:}
    gfx1100 check "$f.sn:$g T=7 hip:gfx1100" ok tests/gpu/$f.sn --graph $g --dim T=7 \
        $(graph_dims $g) --target hip:gfx1100
done
gfx1100 check "split_reductions.sn:static_whole hip:gfx1100" ok tests/gpu/split_reductions.sn \
    --graph static_whole --target hip:gfx1100
for name in layer_norm qwen3_qk_norm topk_softmax moe_fused_gate add_rms_norm_fp8 mxfp4_quant; do
    gfx1100 check "$name.sn T=64 hip:gfx1100" ok examples/$name.sn --dim T=64 --target hip:gfx1100
    for rows in always never; do
        SINTER_FEW_ROWS=$rows gfx1100 check "$name.sn T=7 hip:gfx1100 few-rows $rows" ok \
            examples/$name.sn --dim T=7 --target hip:gfx1100
    done
done
echo "hip_cpu: the gfx1100 sources took $((SECONDS - start1100)) s"

if [ $few -gt 0 ] && [ $many -gt 0 ]; then
    pass=$((pass + 1))
    echo "ok   both kernel variants ran: $few few-rows launches, $many many-rows launches"
else
    fail=$((fail + 1))
    echo "FAIL few-rows launches $few, many-rows launches $many: one variant never ran"
fi

# 3. the check can fail
# mutant NAME WHAT SED: $work/NAME.h, hip_cpu.h edited by SED; a FAIL (and
# status 1) when SED changed nothing (hip_cpu.h's text moved on)
mutant() {
    sed "$3" "$(dirname "$0")/hip_cpu.h" > "$work/$1.h"
    if cmp -s "$(dirname "$0")/hip_cpu.h" "$work/$1.h"; then
        fail=$((fail + 1))
        echo "FAIL could not break hip_cpu.h's $2 (its text changed?)"
        return 1
    fi
}
if mutant no_exchange exchange 's/bits = sn_cpu_env->permute(bits, index);/(void)index;/'; then
    SINTER_CACHE_DIR=$work/cache1 SN_CPU_HIP_H=$work/no_exchange.h \
        check "qwen3_qk_norm.sn T=7 with shuffles that exchange nothing" bad \
        examples/qwen3_qk_norm.sn --dim T=7
    # the 32-lane source depends on its shuffles too
    SINTER_CACHE_DIR=$work/cache7 SN_CPU_HIP_H=$work/no_exchange.h SN_CPU_HIP_ARCH=gfx1100 \
        check "qwen3_qk_norm.sn T=7 hip:gfx1100 with shuffles that exchange nothing" bad \
        examples/qwen3_qk_norm.sn --dim T=7 --target hip:gfx1100
fi
if mutant no_hi "instruction model" \
        's/w = hi ? (w \& 0xffffu) | pair << 16 : (w \& 0xffff0000u) | pair;/w = (w \& 0xffff0000u) | pair;/'; then
    SINTER_CACHE_DIR=$work/cache3 SN_CPU_HIP_H=$work/no_hi.h SN_CPU_HIP_HW_FP8=1 \
        check "add_rms_norm_fp8.sn T=7, an instruction that ignores its word select" bad \
        examples/add_rms_norm_fp8.sn --dim T=7
fi
SINTER_CACHE_DIR=$work/cache2 SN_CPU_HIP_WAVE=32 \
    check "layer_norm.sn T=7, 64-lane kernels on 32-lane waves" bad \
    examples/layer_norm.sn --dim T=7
# gfx942 with the instruction model of gfx950 (OCP codes): the FNUZ
# outputs' check fails
if mutant ocp_942 "gfx942 model" 's|^#if defined(__gfx942__)$|#if 0 /* OCP codes on gfx942 */|'; then
    SINTER_CACHE_DIR=$work/cache6 SN_CPU_HIP_H=$work/ocp_942.h SN_CPU_HIP_HW_FP8=1 \
        SN_CPU_HIP_ARCH=gfx942:sramecc+:xnack- \
        check "add_rms_norm_fp8.sn T=7 hip:gfx942, a model that writes OCP codes there" bad \
        examples/add_rms_norm_fp8.sn --dim T=7 --target hip:gfx942
fi

# 4. a 32-lane device refuses 64-lane kernels
if SN_CPU_HIP_ARCH=gfx1100 "$S" run examples/qwen3_qk_norm.sn --dim T=7 > "$work/log" 2>&1; then
    fail=$((fail + 1))
    echo "FAIL gfx1100 ran 64-lane kernels"
elif grep -q 'scheduled for 64-lane waves.*gfx1100 has 32' "$work/log"; then
    pass=$((pass + 1))
    echo "ok   gfx1100 (32-lane waves) refuses the 64-lane kernels: $(grep -o 'scheduled for 64.*' "$work/log")"
else
    fail=$((fail + 1))
    echo "FAIL gfx1100: not the refusal expected"
    sed 's/^/     /' "$work/log"
fi
# 5. the JIT cache key names the hiprtc library (its path, size and
# mtime): the same library hits the entry it stored, a copy elsewhere (as
# another ROCm's would be) misses it
mkdir -p "$work/other" && cp "$FAKE/libhiprtc.so" "$work/other/libhiprtc.so"
cache_run() {
    SINTER_CACHE_DIR=$work/cache5 SINTER_LOG=cache SINTER_HIPRTC=$1 \
        "$S" run examples/qwen3_qk_norm.sn --dim T=7 2>&1 | grep -o 'qwen3_qk_norm_k0[_a-z]*: [a-z]*' | head -1
}
first=$(cache_run "$FAKE/libhiprtc.so")
again=$(cache_run "$FAKE/libhiprtc.so")
other=$(cache_run "$work/other/libhiprtc.so")
if [ "${first##* }" = miss ] && [ "${again##* }" = hit ] && [ "${other##* }" = miss ]; then
    pass=$((pass + 1))
    echo "ok   the cache key names the hiprtc library: $first, then $again; a copy elsewhere: $other"
else
    fail=$((fail + 1))
    echo "FAIL the cache key and the hiprtc library: '$first', '$again', another copy '$other'"
fi
echo "hip_cpu: $((SECONDS - start)) s"
echo "hip_cpu: $pass passed, $fail failed"
[ $fail -eq 0 ]
