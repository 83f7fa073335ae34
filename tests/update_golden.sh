#!/bin/sh
# update_golden.sh [SINTER] - regenerate tests/golden/<example>.ast and .ir
# from `sinter dump examples/<example>.sn --stage ast|ir` for every example,
# and remove golden files of examples that are gone.  SINTER defaults to
# build/compiler/sinter.  Review the diff of tests/golden/ before committing:
# it is the change's effect on the front end's output.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
sinter=${1:-$root/build/compiler/sinter}
case $sinter in /*) ;; *) sinter=$(pwd)/$sinter ;; esac
stages="ast ir"   # keep in step with the golden-* tests in tests/meson.build
cd "$root"
mkdir -p tests/golden
for src in examples/*.sn; do
    name=$(basename "$src" .sn)
    for stage in $stages; do
        "$sinter" dump "$src" --stage "$stage" >"tests/golden/$name.$stage.new"
        mv "tests/golden/$name.$stage.new" "tests/golden/$name.$stage"
    done
done
for stage in $stages; do
    for gold in tests/golden/*."$stage"; do
        [ -f "$gold" ] || continue
        name=$(basename "$gold" ."$stage")
        [ -f "examples/$name.sn" ] || { rm "$gold"; echo "removed $gold"; }
    done
done
echo "updated tests/golden/ for stages: $stages"
