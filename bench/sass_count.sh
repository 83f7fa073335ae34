#!/bin/sh
# sass_count.sh [BUILD] EXAMPLE.sn... - the static SASS of each generated
# kernel for sm_90, with no GPU: per kernel function (the many-rows vector
# variant and the few-rows one), its instructions, registers and the
# elements each lane takes (vec x chunks of its schedule), so a change to an
# instruction-bound kernel (FP4 encoding, masked group reductions) can be
# weighed before it reaches a GPU.  A proxy, not a timing: instructions on
# paths a launch skips (NaN branches, division slow paths) are counted too.
#
# Needs nvcc (CUDA 13) and cuobjdump + nvdisasm, which the CUDA toolkit on
# the dev machine lacks: they come from PyPI's nvidia-cuda-cuobjdump and
# nvidia-cuda-nvdisasm wheels, unpacked once into bench/.sass (ignored by
# git).  Each function is compiled as the runtime's JIT compiles it: the
# whole generated source with -DSN_ONLY -DSN_ONLY_<function>.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
case "${1:-}" in *.sn) ;; "") echo "usage: $0 [BUILD] EXAMPLE.sn..." >&2; exit 2 ;; *) build=$1; shift ;; esac
tools=$root/bench/.sass
if [ ! -x "$tools/nvidia/cu13/bin/cuobjdump" ] || [ ! -x "$tools/nvidia/cu13/bin/nvdisasm" ]; then
    mkdir -p "$tools"
    tmp=$(mktemp -d)
    python3 -m pip download --no-deps --only-binary=:all: -d "$tmp" \
        nvidia-cuda-cuobjdump nvidia-cuda-nvdisasm >&2
    for w in "$tmp"/*.whl; do python3 -m zipfile -e "$w" "$tools"; done
    chmod +x "$tools"/nvidia/cu13/bin/*
    rm -rf "$tmp"
fi
PATH=$tools/nvidia/cu13/bin:$PATH
nvcc=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-34s %6s %5s %6s %8s\n' function SASS regs elems SASS/elem
for src in "$@"; do
    "$build/compiler/sinter" dump "$src" --stage cuda >"$work/k.cu"
    "$build/compiler/sinter" dump "$src" --stage kernels >"$work/k.kir"
    for fn in $(sed -n 's/^extern "C" __global__ void __launch_bounds__([0-9]*) \([A-Za-z0-9_]*\)(.*/\1/p' "$work/k.cu"); do
        case $fn in *_scalar) continue ;; esac
        "$nvcc" -cubin -arch=sm_90 -std=c++17 -w -DSN_ONLY "-DSN_ONLY_$fn" -o "$work/k.cubin" "$work/k.cu"
        n=$(cuobjdump -sass "$work/k.cubin" | grep -cE '^[[:space:]]+/\*[0-9a-f]+\*/')
        regs=$(cuobjdump -res-usage "$work/k.cubin" | sed -n 's/.*REG:\([0-9]*\).*/\1/p' | head -1)
        # the schedule line of the kernel (few: its few-rows schedule)
        kname=${fn%_few}
        which="  schedule:"
        [ "$fn" = "$kname" ] || which="  few-rows schedule:"
        sched=$(sed -n "/^kernel [0-9]* $kname /,/^kernel /p" "$work/k.kir" | grep -m1 "^$which")
        vec=$(echo "$sched" | sed -n 's/.*vec \([0-9]*\).*/\1/p')
        chunks=$(echo "$sched" | sed -n 's/.*chunks \([0-9]*\).*/\1/p')
        elems=$((${vec:-0} * ${chunks:-0}))
        per=-
        [ "$elems" -gt 0 ] && per=$(awk "BEGIN { printf \"%.1f\", $n / $elems }")
        printf '%-34s %6d %5s %6d %8s\n' "$fn" "$n" "$regs" "$elems" "$per"
    done
done
