#!/usr/bin/env bash
# build.sh - set up a Debian 12 machine, build sinter, and run it.
#
#   ./build.sh demo   install what is missing, build, and compile an example
#   ./build.sh test   install what is missing, build, and run every test:
#                     the normal build, then again under ASan+UBSan
#                     (the Python package's pytest suite, tests/python/,
#                     runs in the normal build as meson test 'python'; the
#                     sanitizer build leaves the extension out: CPython
#                     would need the ASan runtime preloaded)
#
# Needs root (or sudo) only when a package is missing.
set -euo pipefail
cd "$(dirname "$0")"

# hipcc and libamdhip64-dev: ROCm's hiprtc (inside libamdhip64.so.5), so that
# tests/test_codegen.c compiles every example's HIP source.  python3-dev,
# libdlpack-dev and python3-pytest: the Python package and its tests, for
# the Debian python3 that meson runs under (docs/python.md).
PACKAGES=(gcc libc6-dev pkg-config meson ninja-build re2c lemon libcmocka-dev libxxhash-dev
          python3 python3-numpy hipcc libamdhip64-dev python3-dev libdlpack-dev python3-pytest)

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "build.sh: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

# configure DIR [meson options...]: set up DIR once, reconfigure afterwards.
configure() {
    local dir=$1; shift
    if [ -f "$dir/build.ninja" ]; then
        meson configure "$dir" "$@" >/dev/null
    else
        meson setup "$dir" "$@"
    fi
}

# summary DIR LABEL: one closing line from meson's test log.
summary() {
    python3 - "$1/meson-logs/testlog.json" "$2" <<'PY'
import json, sys
counts = {"OK": 0, "FAIL": 0, "SKIP": 0}
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    key = "OK" if r in ("OK", "EXPECTEDFAIL") else "SKIP" if r == "SKIP" else "FAIL"
    counts[key] += 1
print("%s: %d passed, %d failed, %d skipped" % (sys.argv[2], counts["OK"], counts["FAIL"],
                                                counts["SKIP"]))
PY
}

cmd=${1:-}
case "$cmd" in
demo)
    install_missing
    configure build
    ninja -C build
    echo "\$ sinter dump examples/qwen3_qk_norm.sn --stage ir"
    build/compiler/sinter dump examples/qwen3_qk_norm.sn --stage ir
    ;;
test)
    install_missing
    configure build -Dpython=enabled    # the pytest suite must not go missing quietly
    ninja -C build
    status=0
    meson test -C build --print-errorlogs || status=1
    configure build-asan -Db_sanitize=address,undefined -Db_lundef=false \
        -Dc_args=-fno-sanitize-recover=all
    ninja -C build-asan
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        meson test -C build-asan --print-errorlogs || status=1
    summary build build
    summary build-asan asan
    exit $status
    ;;
*)
    echo "usage: ./build.sh demo|test" >&2
    exit 2
    ;;
esac
