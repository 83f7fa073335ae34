#!/bin/sh
# check_golden.sh SINTER SRCROOT STAGE... - compare `sinter dump` of every
# examples/*.sn with tests/golden/<example>.<S>, for each stage S given
# (ast, ir, kir, cu, hip, cu100: the file extensions; tests/golden_stages.sh maps
# each to its dump options).  Prints one line per file and the unified diff
# of each mismatch; a missing golden file, or a golden file whose example is
# gone, fails too.  Exit status 0 when all match, 1 otherwise.
#
# After an intended change of the dumps: tests/update_golden.sh, then review
# the change to tests/golden/ in the diff before committing it.
set -u
if [ $# -lt 3 ]; then
    echo "usage: check_golden.sh SINTER SRCROOT STAGE..." >&2
    exit 2
fi
sinter=$1
case $sinter in /*) ;; *) sinter=$(pwd)/$sinter ;; esac
. "$(dirname "$0")/golden_stages.sh" || exit 2
cd "$2" || exit 2
shift 2
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT
pass=0
fail=0
for stage in "$@"; do
    if ! args=$(golden_args "$stage"); then
        echo "check_golden.sh: unknown stage '$stage' (stages: $GOLDEN_STAGES)" >&2
        exit 2
    fi
    for src in examples/*.sn; do
        name=$(basename "$src" .sn)
        golden_has "$stage" "$name" || continue
        gold=tests/golden/$name.$stage
        if [ ! -f "$gold" ]; then
            echo "FAIL $gold: missing (run tests/update_golden.sh)"
            fail=$((fail + 1))
            continue
        fi
        args=$(golden_args "$stage" "$src")
        # $args is word-split on purpose: "--stage cuda --arch sm_90"
        if ! "$sinter" dump "$src" $args >"$tmp" 2>&1; then
            echo "FAIL $gold: sinter dump $src $args failed:"
            cat "$tmp"
            fail=$((fail + 1))
        elif diff -u --label "$gold" --label "sinter dump $src $args" \
                "$gold" "$tmp"; then
            echo "ok   $gold"
            pass=$((pass + 1))
        else
            echo "FAIL $gold differs (above); if intended, run tests/update_golden.sh"
            fail=$((fail + 1))
        fi
    done
    for gold in tests/golden/*."$stage"; do
        [ -f "$gold" ] || continue
        name=$(basename "$gold" ."$stage")
        if [ ! -f "examples/$name.sn" ] || ! golden_has "$stage" "$name"; then
            echo "FAIL $gold: examples/$name.sn is gone (run tests/update_golden.sh)"
            fail=$((fail + 1))
        fi
    done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
