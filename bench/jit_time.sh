#!/bin/sh
# jit_time.sh [BUILD] [RUNS] [bundle] - cold start of the JIT with NVRTC alone
# (no GPU needed): docs/performance.md, "Cold start".  With `bundle`, only
# step 3 (the 20-graph bundle).
#
#  1. `sinter compile EXAMPLE --precompile --target cuda:sm_90` per example:
#     the whole process (front end, passes, one NVRTC compile of the whole
#     source), as issue 20 measured it;
#  2. build/bench/jit_time on every example's bundle (one graph each): per
#     graph the whole source's compile, each kernel function's unit, a lazy
#     first launch, an eager prepare; then all seven together;
#  3. jit_time on a bundle of 20 graphs (the examples renamed _v1, _v2,
#     _v3, the first 20: a model's worth of distinct sources).
# SINTER_JIT_THREADS (default: the CPUs, at most 16) caps the threads.
set -eu
# NVRTC on a machine with the NVIDIA driver caches what it compiles in the
# driver's compute cache (~/.nv/ComputeCache), across processes: measured
# with it, a later phase or run finds the units compiled (docs/performance.md,
# "Cold start").  Off here, so that every compile is cold.
export CUDA_CACHE_DISABLE=1
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
runs=${2:-3}
only=${3:-all}
sinter=$build/compiler/sinter
bench=$build/bench/jit_time
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$only" != bundle ]; then
echo "== 1. sinter compile --precompile --target cuda:sm_90 (whole process, ms)"
for src in examples/*.sn; do
    name=$(basename "$src" .sn)
    start=$(date +%s%N)
    "$sinter" compile "$src" --precompile --target cuda:sm_90 -o "$tmp/pre.snb" 2>/dev/null
    end=$(date +%s%N)
    printf '%-28s %6d\n' "$name" $(((end - start) / 1000000))
done

echo "== 2. the runtime's JIT per example (jit_time, ms)"
for src in examples/*.sn; do
    name=$(basename "$src" .sn)
    "$sinter" compile "$src" --target cuda:sm_90 -o "$tmp/ex_$name.snb" 2>/dev/null
done
"$bench" --runs "$runs" "$tmp"/ex_*.snb
fi

echo "== 3. a bundle of 20 graphs (jit_time, ms)"
n=0
for v in 1 2 3; do
    for src in examples/*.sn; do
        [ $n -lt 20 ] || break
        name=$(basename "$src" .sn)
        sed "s/^graph \([A-Za-z0-9_]*\)(/graph \1_v$v(/" "$src" >"$tmp/g_${v}_$name.sn"
        n=$((n + 1))
    done
done
"$sinter" compile "$tmp"/g_*.sn --target cuda:sm_90 -o "$tmp/bundle20.snb" 2>/dev/null
"$bench" --runs "$runs" "$tmp/bundle20.snb" | sed -n '/^CPU ms summed/,$p'
