#!/usr/bin/env bash
# rocm64_chroot.sh - a Debian sid chroot with ROCm 6.4's hiprtc, for the
# AMD checks (tests/check_hip_rocm.sh): Debian 12's ROCm 5.2 comgr knows
# no gfx942, gfx950, gfx1100 or gfx1201; sid's does, but needs sid's glibc,
# so it runs in a chroot.  Made once per machine, outside the source tree.
#
#   tests/rocm64_chroot.sh ensure   make it unless it is there and current
#   tests/rocm64_chroot.sh path     print where it is (or would be)
#
# Where: $SINTER_ROCM64_ROOT, default /var/cache/sinter-rocm64 (the archive:
# $SINTER_ROCM64_MIRROR, default deb.debian.org).  What: the
# 'essential' variant of mmdebstrap (no apt, no init) plus the packages in
# PACKAGES below and their dependencies (about 450 MB unpacked, 30 s with a
# fast mirror); a stamp file `.sinter-rocm64` holds the package list, and a
# chroot whose stamp differs is made again.  The chroot is made in a
# temporary directory beside it and renamed into place: never half made.
#
# `ensure` exits 0 when the chroot is ready, 3 (with a message) when
# deb.debian.org cannot be reached (the checks then skip), 1 when making it
# failed with the archive reachable (a real failure), 2 on bad usage.
# It needs root, or sudo (mmdebstrap's root mode), only to make the chroot.
#
# The archive's Release file is signed and checked against Debian's
# keyring as usual; only its Valid-Until date is not enforced, since a
# machine whose clock runs ahead of the archive (seen on these machines)
# would otherwise refuse every sid mirror.
set -euo pipefail

ROOT=${SINTER_ROCM64_ROOT:-/var/cache/sinter-rocm64}
MIRROR=${SINTER_ROCM64_MIRROR:-http://deb.debian.org/debian}
# libhiprtc6: hiprtc 6.4 (libhiprtc.so.6); libhiprtc-builtins6: the HIP
# headers it compiles with (not a dependency of libhiprtc6, loaded by it);
# libamd-comgr3: the code object manager hiprtc compiles through;
# llvm-21: llvm-objdump, to disassemble what hiprtc built.
PACKAGES=libhiprtc6,libhiprtc-builtins6,libamd-comgr3,llvm-21
STAMP="sid essential $PACKAGES"

usage() {
    echo "usage: tests/rocm64_chroot.sh ensure|path" >&2
    exit 2
}

ready() {
    [ -f "$ROOT/.sinter-rocm64" ] && [ "$(cat "$ROOT/.sinter-rocm64")" = "$STAMP" ]
}

reachable() {
    python3 - "$MIRROR/dists/sid/InRelease" <<'PY'
import sys, urllib.request
try:
    urllib.request.urlopen(urllib.request.Request(sys.argv[1], method="HEAD"), timeout=20)
except Exception as e:
    print("rocm64_chroot.sh: %s: %s" % (sys.argv[1], e), file=sys.stderr)
    sys.exit(1)
PY
}

ensure() {
    if ready; then
        return 0
    fi
    if ! reachable; then
        echo "rocm64_chroot.sh: no network to deb.debian.org: no ROCm 6.4 chroot at $ROOT;" \
             "the gfx942/gfx950/gfx1100/gfx1201 checks will be skipped" >&2
        return 3
    fi
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    if ! command -v mmdebstrap > /dev/null; then
        echo "rocm64_chroot.sh: installing mmdebstrap" >&2
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            mmdebstrap
    fi
    local tmp="$ROOT.tmp.$$"
    echo "rocm64_chroot.sh: making $ROOT (Debian sid + $PACKAGES), once per machine" >&2
    $sudo mkdir -p "$(dirname "$ROOT")"
    $sudo rm -rf "$tmp"
    local start=$SECONDS
    if ! $sudo mmdebstrap --quiet --variant=essential --include="$PACKAGES" \
            --aptopt='Acquire::Check-Valid-Until "false"' \
            sid "$tmp" "$MIRROR" >&2; then
        $sudo rm -rf "$tmp"
        echo "rocm64_chroot.sh: mmdebstrap failed (the archive was reachable)" >&2
        return 1
    fi
    echo "$STAMP" | $sudo tee "$tmp/.sinter-rocm64" > /dev/null
    $sudo rm -rf "$ROOT"
    $sudo mv "$tmp" "$ROOT"
    echo "rocm64_chroot.sh: made $ROOT in $((SECONDS - start)) s" \
         "($(du -sh "$ROOT" 2>/dev/null | cut -f1))" >&2
}

case ${1:-} in
ensure) ensure ;;
path) echo "$ROOT" ;;
*) usage ;;
esac
