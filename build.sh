#!/usr/bin/env bash
# build.sh - set up a Debian 12 machine, build sinter, and run it.
#
#   ./build.sh demo   install what is missing, build, and show the main job on
#                     an example: compile it to a bundle, its kernels and CUDA,
#                     and (where nvidia-smi works) a checked run on the GPU
#   ./build.sh test   install what is missing, build, and run every test:
#                     the normal build, then again under ASan+UBSan
#                     (the Python package's pytest suite, tests/python/,
#                     runs in the normal build as meson test 'python'; the
#                     sanitizer build leaves the extension out: CPython
#                     would need the ASan runtime preloaded)
#
# Needs root (or sudo) only when a package is missing, and to make the ROCm 6.4
# chroot once per machine (tests/rocm64_chroot.sh).
set -euo pipefail
cd "$(dirname "$0")"

# mmdebstrap: the Debian sid chroot with ROCm 6.4's hiprtc for the newer AMD
# targets (rocm64 below).
# hipcc and libamdhip64-dev: ROCm's hiprtc (inside libamdhip64.so.5), so that
# tests/test_codegen.c compiles every example's HIP source.  python3-dev,
# libdlpack-dev and python3-pytest: the Python package and its tests, for
# the Debian python3 that meson runs under (docs/python.md).  g++: meson test
# hip-cpu compiles the generated HIP sources for the host (tests/hip_cpu).
PACKAGES=(gcc g++ libc6-dev pkg-config meson ninja-build re2c lemon libcmocka-dev libxxhash-dev
          python3 python3-numpy hipcc libamdhip64-dev python3-dev libdlpack-dev python3-pytest
          mmdebstrap)

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

# rocm64: the Debian sid chroot with ROCm 6.4's hiprtc (gfx942, gfx950,
# gfx1100, gfx1201), made once per machine outside the tree
# (tests/rocm64_chroot.sh; /var/cache/sinter-rocm64), which meson test
# 'hip-rocm' compiles every example in.  Where deb.debian.org cannot be
# reached it is not made and those checks skip, saying so; any other
# failure to make it fails the test command.
ROCM64_NOTE=""
rocm64() {
    local rc=0
    tests/rocm64_chroot.sh ensure || rc=$?
    case $rc in
    0) ROCM64_NOTE="rocm64: chroot ready at $(tests/rocm64_chroot.sh path)" ;;
    3) ROCM64_NOTE="rocm64: no network to deb.debian.org: ROCm 6.4 checks skipped" ;;
    *) ROCM64_NOTE="rocm64: making the ROCm 6.4 chroot FAILED"; return 1 ;;
    esac
}

# show CMD...: print the command (as `sinter ...`), then run it.
show() {
    echo
    echo "\$ sinter ${*:2}"
    "$@"
}

# demo: the main job, shown on one example: .sn -> bundle, what the bundle
# holds, its kernels and CUDA source, and (with a GPU) a checked run.  Its
# files go to build/demo/.
demo() {
    local s=build/compiler/sinter ex=examples/add_rms_norm_fp8.sn out=build/demo
    mkdir -p "$out"
    show "$s" compile "$ex" -o "$out/add_rms_norm_fp8.snb"
    show "$s" dump "$out/add_rms_norm_fp8.snb"
    show "$s" dump "$ex" --stage kernels
    echo
    echo "\$ sinter dump $ex --stage cuda > $out/add_rms_norm_fp8.cu"
    "$s" dump "$ex" --stage cuda > "$out/add_rms_norm_fp8.cu"
    echo "(its kernel comment, then the start of the plainest variant of the kernel)"
    sed -n '2,16p' "$out/add_rms_norm_fp8.cu"
    # one process (no pipe into head: under pipefail, sed killed by SIGPIPE
    # when head stops reading would fail the demo)
    awk '/__global__.*_scalar\(/ { on = 1 } on && n++ < 40' "$out/add_rms_norm_fp8.cu"
    echo "    ..."
    if nvidia-smi > /dev/null 2>&1; then
        show "$s" run "$ex" --dim T=4096 --check
    else
        echo
        echo "(no GPU here: sinter run checks the compiled kernels on the CPU instead)"
        show "$s" run "$ex" --dim T=4 --check
    fi
    cat <<NEXT

What to try next (sinter is $s):
  sinter ref $ex --dim T=16 --output-dir $out/ref   # reference interpreter, .npy outputs
  sinter dump $ex --stage fused                      # the fusion plan: why each kernel
  sinter compile examples/*.sn -o $out/all.snb --emit-c $out/all.c   # embed in a C program
  sinter help run                                    # every option and SINTER_* variable
  docs/cli.md (the command line), docs/language.md (.sn), docs/runtime.md (embedding)
NEXT
}

cmd=${1:-}
case "$cmd" in
demo)
    install_missing
    configure build
    ninja -C build
    demo
    ;;
test)
    install_missing
    configure build -Dpython=enabled    # the pytest suite must not go missing quietly
    ninja -C build
    status=0
    rocm64 || status=1
    meson test -C build --print-errorlogs || status=1
    configure build-asan -Db_sanitize=address,undefined -Db_lundef=false \
        -Dc_args=-fno-sanitize-recover=all
    ninja -C build-asan
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        meson test -C build-asan --print-errorlogs || status=1
    echo "$ROCM64_NOTE"
    summary build build
    summary build-asan asan
    exit $status
    ;;
*)
    echo "usage: ./build.sh demo|test" >&2
    exit 2
    ;;
esac
