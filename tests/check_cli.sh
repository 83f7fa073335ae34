#!/bin/sh
# check_cli.sh SINTER SRCROOT - command-line contracts of sinter that no
# unit test reaches: exit codes and messages of repeated or unknown names.
#   - a --dim or --input NAME given twice is a usage error (exit 2);
#   - `dump --stage ast --graph G` prints only G; an unknown G is exit 1;
#   - `dump BUNDLE` lists a kernel's few-rows variant and when it runs, and
#     marks the kernels that may be launched with PDL;
#   - `compile --emit-c` writes C that compiles whatever the graph's names
#     (a C keyword, the generated code's own sn_ names, an input called b)
#     and takes a workspace for a graph of two kernels.
S=$1
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
expect 0 "format 3" -- "$S" dump "$T/a.snb"
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
for src in "$T/kw.sn" tests/gpu/odd_rows.sn; do
    expect 0 "wrote" -- "$S" compile "$src" -o "$T/e.snb" --emit-c "$T/e.c"
    if ! ${CC:-cc} -fsyntax-only -Wall -Werror -I runtime "$T/e.c" > "$T/out" 2>&1; then
        echo "FAIL: --emit-c of $src does not compile:"; sed 's/^/    /' "$T/out" | head -20; fail=1
    fi
done
if ! grep -q "e_two_kernels(.*void \*sn_workspace, size_t sn_workspace_size, void \*sn_stream)" \
        "$T/e.c"; then
    echo "FAIL: --emit-c: a graph of two kernels takes no workspace"; fail=1
fi
[ $fail -eq 0 ] && echo "cli: ok"
exit $fail
