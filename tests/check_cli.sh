#!/bin/sh
# check_cli.sh SINTER SRCROOT - command-line contracts of sinter that no
# unit test reaches: exit codes and messages of repeated or unknown names.
#   - a --dim or --input NAME given twice is a usage error (exit 2);
#   - `dump --stage ast --graph G` prints only G; an unknown G is exit 1;
#   - `dump BUNDLE` lists a kernel's few-rows variant and when it runs, and
#     marks the kernels that may be launched with PDL;
#   - `compile --emit-c` writes C that compiles whatever the graph's names
#     (a C keyword, the generated code's own sn_ names, an input called b,
#     an input returned as an output, a graph called bundle_load)
#     and takes a workspace for a graph of two kernels; two emitted bundles
#     (each OUT.c with its OUT.h) link into one program with libsinter;
#   - hardening (issue 19): numbers are parsed strictly (exit 2), sizes are
#     at least 1 from --dim and .npy shapes alike, directories and other
#     non-files are refused as inputs, compile takes any number of files
#     and refuses one graph name in two files, a failed -o leaves the old
#     bundle, ref/run write no files without --output-dir, --version,
#     help VERB, run --help's options and environment, dump's --dot and
#     kernel boundaries;
#   - f4e2m1 .npy files: --raw writes the packed uint8 form (last dim
#     halved), an f4e2m1 parameter reads it back;
#   - run and ref --target T (repeatable, as compile's): an unknown target
#     is a usage error (exit 2) listing the known ones, as is --target with
#     a bundle; `f8` resolves for the targets given (f8e4m3fnuz for
#     hip:gfx942, OCP for hip:gfx942+ocp-fp8 and by default) in ref, ref
#     --fused and run's reference alike; targets that disagree on `f8` are
#     exit 1; without a GPU, run --target hip:gfx942 --check runs the
#     gfx942 kernels on the CPU against the FNUZ reference (tests/hip_cpu
#     runs them on a fake gfx942 device);
#   - ref --world W (all_reduce): 1..64 (else exit 2; run has no --world),
#     an input with a leading dim other than W is exit 1 naming it, an
#     input of the parameter's shape goes to every rank (an all_reduce of
#     it is W times it), outputs have a leading dim of W; dump shows the
#     all_reduce steps between kernels.
# Usage: check_cli.sh SINTER SRCROOT [LIBSINTER.a]
S=$1
LIB=${3:-}
case $LIB in /*|'') ;; *) LIB=$(pwd)/$LIB ;; esac
case $S in /*) ;; *) S=$(pwd)/$S ;; esac # meson passes it relative to the build dir
cd "$2" || exit 1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
expect() { # expect CODE PATTERN -- command...
    code=$1 pat=$2
    shift 3
    "$@" > "$T/out" 2>&1
    rc=$?
    if [ $rc -ne "$code" ] || ! grep -q -- "$pat" "$T/out"; then
        echo "FAIL: $* -> exit $rc (want $code), output:"
        sed 's/^/    /' "$T/out"
        fail=1
    fi
}
expect 2 "--dim T given twice" -- "$S" ref examples/layer_norm.sn --dim T=2 --dim T=3 --output-dir "$T"
expect 2 "--input x given twice" -- "$S" run examples/layer_norm.sn --input x=a.npy --input x=b.npy \
    --output-dir "$T"
printf 'graph a(x: f32[4]) {\n    return x\n}\ngraph b(x: f32[4]) {\n    return x + 1.0\n}\n' > "$T/two.sn"
expect 0 "(graph b " -- "$S" dump "$T/two.sn" --stage ast --graph b
if grep -q "(graph a " "$T/out"; then echo "FAIL: --stage ast --graph b printed graph a"; fail=1; fi
expect 1 "has no graph or def 'zz'; its items: a b" -- "$S" dump "$T/two.sn" --stage ast --graph zz
expect 0 "wrote" -- "$S" compile examples/add_rms_norm_fp8.sn -o "$T/a.snb"
expect 0 "format 7" -- "$S" dump "$T/a.snb"
expect 0 "few rows: add_rms_norm_fp8_k0_few, block 256, when the grid is at most 4 blocks per SM" \
    -- "$S" dump "$T/a.snb"
# CUDA kernels start with the grid wait (PDL); HIP kernels, which have no PDL, do not
expect 0 "add_rms_norm_fp8_k0 / add_rms_norm_fp8_k0_scalar: block 128, 1 segment, waits for the previous grid (PDL)" \
    -- "$S" dump "$T/a.snb"
if [ "$(grep -c 'waits for the previous grid' "$T/out")" != 1 ]; then
    echo "FAIL: want one kernel marked PDL (the CUDA one)"; sed 's/^/    /' "$T/out"; fail=1
fi
printf 'graph kw(int: f32[T, 4], sn_b: f32[4], b: f32[4]) {\n    return int + sn_b + b\n}\n' \
    > "$T/kw.sn"
printf 'graph bundle_load(x: f32[4], bundle_bytes: f32[4]) {\n    return x, bundle_bytes\n}\n' > "$T/own.sn"
for src in "$T/kw.sn" "$T/own.sn" tests/gpu/odd_rows.sn; do
    expect 0 "wrote" -- "$S" compile "$src" -o "$T/e.snb" --emit-c "$T/e.c"
    if ! ${CC:-cc} -fsyntax-only -Wall -Werror -I runtime "$T/e.c" > "$T/out" 2>&1; then
        echo "FAIL: --emit-c of $src does not compile:"; sed 's/^/    /' "$T/out" | head -20; fail=1
    fi
done
if ! grep -q "e_two_kernels(.*void \*sn_workspace, size_t sn_workspace_size, void \*sn_stream)" \
        "$T/e.c"; then
    echo "FAIL: --emit-c: a graph of two kernels takes no workspace"; fail=1
fi

# ---- numbers: strict, usage errors (exit 2) naming what is wrong
E=examples/layer_norm.sn
expect 2 "--bench-iters needs an integer in 1..10000000, got '-5'" -- "$S" run $E --dim T=2 --bench --bench-iters -5
expect 2 "--bench-iters applies to --bench" -- "$S" run $E --dim T=2 --bench-iters 200
expect 2 "--dim T needs an integer in 1..1099511627776, got ' 4'" -- "$S" ref $E --dim "T= 4"
expect 2 "--dim T needs an integer in 1..1099511627776, got '0'" -- "$S" ref $E --dim T=0
expect 2 "--dim T needs an integer in 1..1099511627776, got '4x'" -- "$S" ref $E --dim T=4x
expect 2 "--seed needs an integer in 0..18446744073709551615, got '1111111111111111111111111'" -- \
    "$S" ref $E --dim T=2 --seed 1111111111111111111111111
expect 2 "--seed needs an integer" -- "$S" ref $E --dim T=2 --seed -1
expect 2 "--seed needs an integer" -- "$S" ref $E --dim T=2 --seed 18446744073709551616
expect 0 "out0" -- "$S" ref $E --dim T=2 --seed 18446744073709551615

# ---- sizes: an empty .npy binds no symbol to 0, as --dim N=0 does not
printf 'graph z(x: f32[N, 8]) {\n    return x + 1.0\n}\n' > "$T/z.sn"
python3 - "$T/z0.npy" <<'PY'
import sys
h = b"{'descr': '<f4', 'fortran_order': False, 'shape': (0, 8), }"
h += b" " * (64 - (10 + len(h) + 1) % 64) + b"\n"
open(sys.argv[1], "wb").write(b"\x93NUMPY\x01\x00" + bytes([len(h) & 255, len(h) >> 8]) + h)
PY
expect 1 "z0.npy: parameter 'x' of graph z ($T/z.sn:1:9) is f32\[N, 8\] but dim 0 of the array is 0; sizes are 1..2^40" \
    -- "$S" ref "$T/z.sn" --input x="$T/z0.npy"
expect 1 "parameter 'x' of graph z ($T/z.sn:1:9) is too large to hold: f32\[N, 8\]" \
    -- "$S" ref "$T/z.sn" --dim N=1099511627776

# ---- inputs that are not files
mkdir "$T/dir.snb"
expect 1 "$T: is a directory" -- "$S" check "$T"
expect 1 "$T: is a directory" -- "$S" compile "$T" -o "$T/never.snb"
expect 1 "dir.snb: is a directory" -- "$S" dump "$T/dir.snb"
expect 1 "dir.snb: is a directory" -- "$S" run "$T/dir.snb"
expect 1 "$T: is a directory" -- "$S" ref "$T/z.sn" --input x="$T"
expect 1 "is not a regular file" -- "$S" check /dev/null

# ---- compile: any number of files, distinct graph names, -o replaced atomically
mkdir "$T/many"
i=0
while [ $i -lt 300 ]; do
    printf 'graph g%d(x: f32[4]) {\n    return x\n}\n' $i > "$T/many/f$i.sn"
    i=$((i + 1))
done
expect 0 "wrote $T/m.snb (.* bytes, 300 graphs)" -- "$S" compile "$T"/many/*.sn -o "$T/m.snb"
cp "$T/z.sn" "$T/z2.sn"
expect 1 "z2.sn:1:7: error: graph 'z' is defined twice: in $T/z.sn and in $T/z2.sn" -- \
    "$S" compile "$T/z.sn" "$T/z2.sn" -o "$T/never.snb"
grep -q "z.sn:1:7: note: the other 'z' is here" "$T/out" || { echo "FAIL: no note on the first z"; fail=1; }
[ -e "$T/never.snb" ] && { echo "FAIL: a failed compile wrote its output"; fail=1; }
cp "$T/a.snb" "$T/keep.snb"
printf 'graph bad(x: f32[4]) {\n    return y\n}\n' > "$T/bad.sn"
expect 1 "error" -- "$S" compile "$T/bad.sn" -o "$T/keep.snb"
cmp -s "$T/a.snb" "$T/keep.snb" || { echo "FAIL: a failed compile changed the old bundle"; fail=1; }
if [ -e /dev/full ]; then
    expect 1 "/dev/full: write failed" -- "$S" compile "$T/z.sn" -o /dev/full
fi
ls -a "$T" | grep -q '\.tmp' && { echo "FAIL: a temporary file was left behind"; ls -a "$T"; fail=1; }

# ---- ref and run leave no files unless asked
mkdir "$T/cwd"
(cd "$T/cwd" && "$S" ref "$OLDPWD/$E" --dim T=2 > "$T/out" 2>&1) || { echo "FAIL: ref"; fail=1; }
grep -q "out0: bf16\[T, 4096\] \[2, 4096\]: min" "$T/out" || { echo "FAIL: ref's summary"; cat "$T/out"; fail=1; }
[ -z "$(ls -A "$T/cwd")" ] || { echo "FAIL: ref without --output-dir wrote files"; fail=1; }
expect 0 "out0: bf16\[T, 4096\] -> $T/o/out0.npy" -- "$S" ref $E --dim T=2 --output-dir "$T/o"
[ -f "$T/o/out0.npy" ] || { echo "FAIL: --output-dir wrote no out0.npy"; fail=1; }

# ---- version, help
expect 0 "^sinter [0-9.]* (bundle format [0-9]*)" -- "$S" --version
"$S" run --help > "$T/h1" 2>&1
expect 0 "usage: sinter run" -- "$S" help run
cmp -s "$T/h1" "$T/out" || { echo "FAIL: help run differs from run --help"; fail=1; }
for w in --bench-iters --output-dir --target hip:gfx942 "needs a GPU" SINTER_CACHE_DIR SINTER_PDL \
         SINTER_FEW_ROWS \
         SINTER_JIT SINTER_JIT_THREADS \
         SINTER_NVRTC SINTER_HIPRTC SINTER_HIP_ARCH SINTER_LOG; do
    grep -q -- "$w" "$T/h1" || { echo "FAIL: run --help does not mention $w"; fail=1; }
done
expect 2 "no command 'nope'" -- "$S" help nope

# ---- dump: --dot for ir and fused, why a kernel is a new launch, f32 arithmetic
expect 0 "kernel 1: 1 segment; a new launch: different domain" -- \
    "$S" dump tests/gpu/odd_rows.sn --stage fused --graph two_kernels
expect 0 "%7: bf16\[T, 1\] = f32 reduce.mean %6" -- "$S" dump examples/add_rms_norm_fp8.sn --stage fused
grep -q "= f32 cast\|= f32 const\|%8: bf16\[T, 1\] = f32" "$T/out" && { echo "FAIL: a cast or const marked f32"; fail=1; }
expect 0 "k5 bf16 = f32 reduce.mean k4   (node %7)" -- "$S" dump examples/add_rms_norm_fp8.sn --stage kernels
grep -q "k3 row bf16 = cast k2" "$T/out" || { echo "FAIL: kernels: a cast marked f32"; fail=1; }
expect 0 "label=\"kernel 1: different domain\"" -- \
    "$S" dump tests/gpu/odd_rows.sn --stage fused --graph two_kernels --dot
expect 0 "^digraph \"layer_norm_4096\"" -- "$S" dump $E --stage ir --dot
expect 2 "--dot applies to --stage ir, fused and kernels" -- "$S" dump $E --stage ast --dot

# ---- two emitted bundles link into one program
"$S" compile examples/layer_norm.sn -o "$T/l.snb" --emit-c "$T/ln.c" > /dev/null 2>&1 &&
"$S" compile examples/add_rms_norm_fp8.sn -o "$T/r.snb" --emit-c "$T/rms.c" --name rms > /dev/null 2>&1 ||
    { echo "FAIL: --emit-c"; fail=1; }
grep -q "sn_status rms_bundle_load(sn_bundle \*\*out);" "$T/rms.h" || { echo "FAIL: rms.h"; fail=1; }
grep -q "sn_status ln_layer_norm_4096(" "$T/ln.h" || { echo "FAIL: ln.h"; fail=1; }
expect 2 "--name needs a C identifier, got '1x'" -- "$S" compile $E -o "$T/l.snb" --emit-c "$T/x.c" --name 1x
cat > "$T/main.c" <<'C'
#include "ln.h"
#include "rms.h"
int main(int argc, char **argv)
{
    (void)argv;
    sn_bundle *a = 0, *b = 0;
    void *volatile launch[] = {(void *)ln_layer_norm_4096, (void *)rms_add_rms_norm_fp8};
    if (argc > 5) /* never run: this only has to link */
        return ln_bundle_load(&a) + rms_bundle_load(&b);
    return launch[0] == launch[1];
}
C
if [ -n "$LIB" ]; then
    san= # a sanitized build's library needs the sanitizers' runtimes
    nm "$LIB" 2>/dev/null | grep -q __asan_ && san=-fsanitize=address,undefined
    if ! ${CC:-cc} -Wall -Werror $san -I runtime -I "$T" -o "$T/prog" "$T/main.c" "$T/ln.c" \
            "$T/rms.c" "$LIB" -ldl -lpthread > "$T/out" 2>&1; then
        echo "FAIL: two emitted bundles do not link into one program:"; sed 's/^/    /' "$T/out" | head; fail=1
    fi
fi

# f4e2m1 in .npy files: --raw writes the packed bytes as uint8 with the last
# dim halved, and an f4e2m1 parameter reads that form back; the values
# round-trip to the widened f32 file byte for byte
printf 'graph q(x: f32[T, 6]) {\n    return to(x * 8.0, f4e2m1), to(x, f8e8m0)\n}\n' > "$T/q.sn"
printf 'graph d(q: f4e2m1[T, 6]) {\n    return to(q, f32)\n}\n' > "$T/d.sn"
expect 0 "out0: f4e2m1\[T, 6\] -> $T/raw/out0.npy" -- "$S" ref "$T/q.sn" --dim T=3 --raw --output-dir "$T/raw"
if ! head -c 128 "$T/raw/out0.npy" | grep -q "'descr': '|u1', 'fortran_order': False, 'shape': (3, 3), }"; then
    echo "FAIL: --raw f4e2m1 is not |u1 of shape (3, 3):"; head -c 128 "$T/raw/out0.npy"; echo; fail=1
fi
if ! head -c 128 "$T/raw/out1.npy" | grep -q "'descr': '|u1', 'fortran_order': False, 'shape': (3, 6), }"; then
    echo "FAIL: --raw f8e8m0 is not |u1 of shape (3, 6)"; fail=1
fi
expect 0 "out0: f4e2m1" -- "$S" ref "$T/q.sn" --dim T=3 --output-dir "$T/wide"
expect 0 "out0: f32\[T, 6\]" -- "$S" ref "$T/d.sn" --input q="$T/raw/out0.npy" --output-dir "$T/back"
if ! cmp -s "$T/back/out0.npy" "$T/wide/out0.npy"; then
    echo "FAIL: the packed f4e2m1 input does not read back as the values written"; fail=1
fi
expect 1 "is f4e2m1\[T, 6\]; as packed uint8 (two elements per byte) its last dim is 3, but the array's is 6" -- \
    "$S" ref "$T/d.sn" --input q="$T/raw/out1.npy"

# A chain of 400 shifts (x = x[:, 1:] + x[:, :-1]) reads x at 400 indices:
# the fusion walk memoizes (node, index) in a hash set (a linear scan took
# 231 s here); a regression shows as this test's time-out, not a timing.
python3 - "$T/shift.sn" <<'PY'
import sys
n = 400
body = "".join("    y%d = y%d[:, 1:] + y%d[:, :-1]\n" % (i, i - 1, i - 1) for i in range(1, n + 1))
open(sys.argv[1], "w").write("graph s(x: f32[T, %d]) {\n    y0 = x\n%s    return y%d\n}\n" % (n + 8, body, n))
PY
expect 0 "kernel 0 s_k0" -- "$S" dump "$T/shift.sn" --stage kernels

# ---- ref --world: simulated ranks for all_reduce (docs/cli.md)
printf 'graph ar(x: f32[T, 4]) {\n    return all_reduce(x) * 1.0, x\n}\n' > "$T/ar.sn"
expect 2 "--world" -- "$S" ref "$T/ar.sn" --dim T=2 --world 0
expect 2 "--world" -- "$S" ref "$T/ar.sn" --dim T=2 --world 65
expect 2 "unknown option '--world'" -- "$S" run "$T/ar.sn" --dim T=2 --world 2
python3 - "$T" <<'PY'
import struct, sys
def npy(path, shape, vals):  # little-endian f4, C order
    hdr = "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }" % "".join(f"{d}," for d in shape)
    hdr += " " * (63 - len(hdr) % 64) + "\n"
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(hdr)) + hdr.encode())
        f.write(struct.pack("<%df" % len(vals), *vals))
npy(sys.argv[1] + "/w3.npy", (3, 2, 4), [float(i) for i in range(24)])
npy(sys.argv[1] + "/one.npy", (2, 4), [0.5] * 8)
PY
expect 1 "its first dim is the rank, but it is 3 and --world is 2" -- \
    "$S" ref "$T/ar.sn" --world 2 --input x="$T/w3.npy"
expect 0 "out0: f32\[T, 4\] \[3, 2, 4\]: min 24, max 45" -- "$S" ref "$T/ar.sn" --world 3 --input x="$T/w3.npy"
expect 0 "out0: f32\[T, 4\] \[3, 2, 4\]: min 24, max 45" -- \
    "$S" ref "$T/ar.sn" --world 3 --input x="$T/w3.npy" --fused
expect 0 "out0: f32\[T, 4\] \[4, 2, 4\]: min 2, max 2" -- "$S" ref "$T/ar.sn" --world 4 --input x="$T/one.npy"
expect 0 "all_reduce sum of buf" -- "$S" dump tests/tp/tp_qk_norm.sn --stage kernels
expect 0 "all_reduce %7: sum over the ranks" -- "$S" dump tests/tp/tp_qk_norm.sn --stage fused
expect 0 '"kind": "all_reduce_sum", "after_kernel": 0, "buffer": 7, "node": 22' -- \
    "$S" dump tests/tp/tp_qk_norm.sn --stage kernels --json
expect 0 'coll1 \[shape=doubleoctagon, label="all_reduce sum after kernel 0"\]' -- \
    "$S" dump tests/tp/tp_qk_norm.sn --stage kernels --dot
expect 0 "wrote" -- "$S" compile tests/tp/tp_qk_norm.sn -o "$T/tp.snb"
expect 0 "2 all_reduce steps between kernels: a launch needs a communicator" -- "$S" dump "$T/tp.snb"

# ---- run and ref --target: the targets compiled for, `f8` resolved for them
F8=examples/add_rms_norm_fp8.sn
expect 2 "sinter run: --target hip:gfx9: unknown target 'hip:gfx9'; known: cuda:sm_80" -- \
    "$S" run $F8 --dim T=2 --target hip:gfx9
expect 2 "unknown target 'sm_90x'" -- "$S" run $F8 --dim T=2 --target=cuda:sm_90 --target sm_90x
expect 2 "sinter ref: --target cuda:gfx942: unknown target" -- "$S" ref $F8 --dim T=2 --target cuda:gfx942
expect 2 "+ocp-fp8 is for gfx942" -- "$S" ref $F8 --dim T=2 --target hip:gfx950+ocp-fp8
expect 2 "option --target needs a value" -- "$S" run $F8 --dim T=2 --target
expect 2 "--target applies to a .sn source" -- "$S" run "$T/a.snb" --target hip:gfx942
"$S" ref --help > "$T/h2" 2>&1
grep -q -- "--target T" "$T/h2" || { echo "FAIL: ref --help does not mention --target"; fail=1; }
expect 0 "out0: f8e4m3fnuz\[T, 4096\] \[2, 4096\]" -- "$S" ref $F8 --dim T=2 --target hip:gfx942
expect 0 "out0: f8e4m3fnuz\[T, 4096\] \[2, 4096\]" -- "$S" ref $F8 --dim T=2 --target hip:gfx942 --fused
expect 0 "out0: f8e4m3\[T, 4096\] \[2, 4096\]" -- "$S" ref $F8 --dim T=2 --target hip:gfx942+ocp-fp8
expect 0 "out0: f8e4m3\[T, 4096\] \[2, 4096\]" -- "$S" ref $F8 --dim T=2
expect 0 "out0: f8e4m3fnuz\[T, 4096\] \[2, 4096\]" -- \
    "$S" ref $F8 --dim T=2 --target hip:gfx942 --target hip:gfx90a
expect 1 "'f8' (the target's native e4m3) has no one meaning here" -- \
    "$S" run $F8 --dim T=2 --target cuda:sm_90 --target hip:gfx942
expect 1 "'f8' (the target's native e4m3) has no one meaning here" -- \
    "$S" ref $F8 --dim T=2 --target hip:gfx942 --target hip:gfx950
# a graph without f8 runs for any targets, on the CPU or on a GPU of either dialect
expect 0 "check out0: max abs err" -- "$S" run $E --dim T=3 --target hip:gfx942 \
    --target cuda:sm_90 --target hip:gfx1100 --check
"$S" run $F8 --dim T=2 --target hip:gfx942 --check > "$T/out" 2>&1
rc=$?
if grep -q "running the fused kernels on the CPU" "$T/out"; then
    [ $rc -eq 0 ] && grep -q "^out0: f8e4m3fnuz\[T, 4096\]" "$T/out" &&
        grep -q "^check out0: max abs err [0-9.e-]*, max rel err [0-9.e-]*, 0 of 8192 elements" \
            "$T/out" ||
        { echo "FAIL: run --target hip:gfx942 --check on the CPU (exit $rc)"; cat "$T/out"; fail=1; }
elif grep -q "^sinter: device " "$T/out"; then
    echo "cli: a GPU is here: run --target hip:gfx942 --check on the CPU not checked"
else
    echo "FAIL: run --target hip:gfx942 ran neither on the CPU nor on a device"; cat "$T/out"; fail=1
fi

# --precompile compiles the graphs' binaries in parallel threads
# ($SINTER_JIT_THREADS): the bundle is the same bytes with one thread or four
if "$S" compile $E $F8 --precompile --target cuda:sm_90 -o "$T/pre1.snb" \
        > "$T/pre.out" 2>&1 </dev/null && [ -s "$T/pre1.snb" ]; then
    SINTER_JIT_THREADS=1 "$S" compile $E $F8 --precompile --target cuda:sm_90 \
        -o "$T/pre2.snb" > /dev/null 2>&1 &&
        SINTER_JIT_THREADS=4 "$S" compile $E $F8 --precompile --target cuda:sm_90 \
            -o "$T/pre3.snb" > /dev/null 2>&1 &&
        cmp -s "$T/pre1.snb" "$T/pre2.snb" && cmp -s "$T/pre2.snb" "$T/pre3.snb" &&
        [ "$("$S" dump "$T/pre3.snb" | grep -c 'binary for sm_90')" -ge 2 ] ||
        { echo "FAIL: --precompile with 1 and 4 threads: different bundles"; fail=1; }
elif grep -q -- "--precompile: " "$T/pre.out"; then
    echo "cli: no NVRTC here: parallel --precompile not checked"
else
    echo "FAIL: --precompile"; cat "$T/pre.out"; fail=1
fi

[ $fail -eq 0 ] && echo "cli: ok"
exit $fail
