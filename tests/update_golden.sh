#!/bin/sh
# update_golden.sh [SINTER] - regenerate tests/golden/<example>.ast, .ir,
# .kir, .cu, .hip and .cu100 from `sinter dump examples/<example>.sn` (the options
# per file are in tests/golden_stages.sh) for every example, and remove
# golden files of examples that are gone.  SINTER defaults to
# build/compiler/sinter.  Review the diff of tests/golden/ before committing:
# it is the change's effect on the compiler's output.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
sinter=${1:-$root/build/compiler/sinter}
case $sinter in /*) ;; *) sinter=$(pwd)/$sinter ;; esac
. "$root/tests/golden_stages.sh"
stages=$GOLDEN_STAGES
cd "$root"
mkdir -p tests/golden
for src in examples/*.sn; do
    name=$(basename "$src" .sn)
    for stage in $stages; do
        golden_has "$stage" "$name" || continue
        args=$(golden_args "$stage" "$src")
        # $args is word-split on purpose: "--stage cuda --arch sm_90"
        "$sinter" dump "$src" $args >"tests/golden/$name.$stage.new"
        mv "tests/golden/$name.$stage.new" "tests/golden/$name.$stage"
    done
done
for stage in $stages; do
    for gold in tests/golden/*."$stage"; do
        [ -f "$gold" ] || continue
        name=$(basename "$gold" ."$stage")
        { [ -f "examples/$name.sn" ] && golden_has "$stage" "$name"; } ||
            { rm "$gold"; echo "removed $gold"; }
    done
done
echo "updated tests/golden/ for stages: $stages"
