# Sourced by the GPU scripts (run_examples.sh, mx_examples_exact.sh) after
# they cd to the repository root with S set to the sinter binary.  Each
# check prints "ok   LABEL ..." or "FAIL LABEL" with the logs indented, and
# counts itself in pass or fail.
#
# SHARD=I/N (default 0/1) runs only the checks whose number (counted from 0
# in script order) is I modulo N, so that N copies of a script with I = 0 ..
# N-1 run every check once between them, in parallel (bench/gpu_all.sh).
SHARD=${SHARD:-0/1}
n_check=0

# RUN_TARGET=T (e.g. hip:gfx942 on an MI300X, hip:gfx1100 on RDNA3) runs
# every check compiled for T alone (sinter run/ref --target T) instead of
# sinter's default targets (cuda:sm_90 and hip:gfx950); a file that stores
# OCP FP8 by name, which gfx942 refuses, runs as T+ocp-fp8.
RUN_TARGET=${RUN_TARGET:-}
declare -A target_of

# target_for FILE: sets tgt to the --target option for FILE (empty without
# RUN_TARGET); the choice is made once per file.
target_for() {
    tgt=()
    [ -n "$RUN_TARGET" ] || return 0
    local f=$1 log
    if [ -z "${target_of[$f]:-}" ]; then
        log=$(mktemp)
        target_of[$f]=$RUN_TARGET
        if ! "$S" compile "$f" -o "$log.snb" --target "$RUN_TARGET" > "$log" 2>&1 &&
                grep -q 'does not read' "$log"; then
            target_of[$f]=$RUN_TARGET+ocp-fp8
        fi
        rm -f "$log" "$log.snb"
    fi
    tgt=(--target "${target_of[$f]}")
}

# mine: whether this shard runs the next check (counts it either way).
mine() {
    local i=${SHARD%/*} n=${SHARD#*/}
    n_check=$((n_check + 1))
    [ $(( (n_check - 1) % n )) -eq "$i" ]
}

# Exit 77 (meson: skipped) unless `sinter run` of example $1 finds a device;
# then a fresh JIT cache for the run.
gpu_or_skip() {
    if ! "$S" run "$1" --dim T=1 --output-dir /tmp/sinter-gpu-probe 2>&1 \
            | grep -q "sinter: device"; then
        echo "no GPU: skipped"
        exit 77
    fi
    export SINTER_CACHE_DIR=$(mktemp -d)
    pass=0 fail=0
}

# check_run LABEL FILE ARGS...: `sinter run FILE ARGS --check` (within the
# dtypes' rounding of the interpreter); the ok line gives each output's
# largest relative difference.
check_run() {
    local label=$1 file=$2 out
    shift 2
    mine || return 0
    target_for "$file"
    out=$(mktemp -d)
    if "$S" run "$file" "${tgt[@]}" "$@" --check --output-dir "$out" > "$out/log" 2>&1; then
        pass=$((pass + 1))
        echo "ok   $label $(grep -h '^check' "$out/log" | awk '{printf "%s rel %s; ", $2, $10}')"
    else
        fail=$((fail + 1))
        echo "FAIL $label"
        sed 's/^/     /' "$out/log"
    fi
    rm -rf "$out"
}

# check_exact LABEL GLOB FILE ARGS...: `sinter run` and `sinter ref` of FILE
# with ARGS in --raw form write the same bytes to every file of the
# reference's output folder that GLOB matches (out*.npy: the outputs; *.npy:
# in-out files too); the ok line names the files compared.
check_exact() {
    local label=$1 glob=$2 file=$3 gpu ref
    shift 3
    mine || return 0
    target_for "$file"
    gpu=$(mktemp -d) ref=$(mktemp -d)
    if "$S" run "$file" "${tgt[@]}" "$@" --raw --output-dir "$gpu" > "$gpu/log" 2>&1 &&
       "$S" ref "$file" "${tgt[@]}" "$@" --raw --output-dir "$ref" > "$ref/log" 2>&1 &&
       (for f in "$ref"/$glob; do cmp "$gpu/${f##*/}" "$f" || exit 1; done); then
        pass=$((pass + 1))
        echo "ok   $label bit-exact ($(cd "$ref" && ls $glob | tr '\n' ' '))"
    else
        fail=$((fail + 1))
        echo "FAIL $label bit-exact"
        cat "$gpu/log" "$ref/log" | sed 's/^/     /'
    fi
    rm -rf "$gpu" "$ref"
}

# Removes the JIT cache, prints "NAME: P passed, F failed"; the status is
# the scripts' (0 when nothing failed).
summary() {
    rm -rf "$SINTER_CACHE_DIR"
    local s=""
    [ "$SHARD" = 0/1 ] || s=" (shard $SHARD)"
    echo "$1$s: $pass passed, $fail failed"
    [ $fail -eq 0 ]
}
