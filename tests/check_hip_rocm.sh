#!/usr/bin/env bash
# check_hip_rocm.sh SINTER SRCROOT SNB_BINARIES - the AMD targets, compiled
# for real through the runtime's JIT code (`sinter compile --precompile`):
#
#  1. every example and every GPU test graph (examples/*.sn, tests/gpu/*.sn)
#     for gfx90a with the machine's ROCm 5.2 hiprtc (Debian 12), and for
#     gfx942, gfx950, gfx1100 and gfx1201 with ROCm 6.4's hiprtc, in the
#     Debian sid chroot that tests/rocm64_chroot.sh makes (./build.sh test
#     makes it; $SINTER_ROCM64_ROOT, default /var/cache/sinter-rocm64).  The
#     sinter binary built here runs in the chroot as it is: it links only
#     libc and libm, and sid's glibc runs programs built for Debian 12's;
#  2. FP8 per target: the files storing OCP FP8 (tests/gpu/special_f8.sn,
#     tests/hip_fp8_ocp.sn) are refused for gfx942 with the error naming
#     the FNUZ format, and compile for hip:gfx942+ocp-fp8; every other file
#     compiles for gfx942 as it is;
#  3. the hardware FP8 conversions are used where the target has them:
#     llvm-objdump (from the chroot) of the code objects of tests/hip_fp8.sn
#     and the FP8 examples finds v_cvt_pk_fp8_f32 / v_cvt_pk_bf8_f32 for
#     gfx942 (FNUZ stores), gfx950 and gfx1201 (OCP stores), none for
#     gfx90a and gfx1100 (no FP8 units), and none where the stored format
#     is not the target's (OCP bytes on gfx942, FNUZ bytes on gfx950).
#
# Prints one line per check and "check_hip_rocm: N passed, N failed".  Exit
# 0 when all pass; 77 (meson: SKIP) with the reason when nothing could be
# checked: a sanitizer build (the chroot has no ASan runtime; the normal
# build runs this), or neither hiprtc available.  Parts that cannot run say
# so on their own line (e.g. no chroot: deb.debian.org was unreachable when
# ./build.sh test tried to make it).  Needs root for chroot, else
# `unshare -r` (an unprivileged user namespace).
set -u
if [ $# -ne 3 ]; then
    echo "usage: check_hip_rocm.sh SINTER SRCROOT SNB_BINARIES" >&2
    exit 2
fi
sinter=$(realpath "$1")
extract=$(realpath "$3")
cd "$2" || exit 2
ROOT=${SINTER_ROCM64_ROOT:-/var/cache/sinter-rocm64}

if ldd "$sinter" 2>/dev/null | grep -q -E 'lib(a|ub)san'; then
    echo "check_hip_rocm: a sanitizer build (the chroot has no ASan runtime): SKIP;" \
         "the normal build runs these checks"
    exit 77
fi

pass=0
fail=0
skipped=0
ok() { echo "ok   $*"; pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

work=$(mktemp -d) || exit 2
cleanup() { rm -rf "$work"; [ -n "${jail:-}" ] && rm -rf "$jail"; }
trap cleanup EXIT

graphs="examples/*.sn tests/gpu/*.sn tests/hip_fp8.sn tests/hip_fp8_ocp.sn"

# the files that store OCP FP8 on purpose (MXFP8 is OCP E4M3 by definition)
# (and the examples marked "# fp8: ocp")
ocp_files="tests/gpu/special_f8.sn tests/gpu/int_ops.sn tests/gpu/mx_scales.sn tests/hip_fp8_ocp.sn"
ocp_files="$ocp_files $(grep -l '^# fp8: ocp' examples/*.sn | tr '\n' ' ')"

# compile_all ARCH RUNNER DIR: each graph file for hip:ARCH, into DIR; on
# gfx942 the OCP files must be refused (the message names the FNUZ format)
# and compile with +ocp-fp8.  RUNNER runs sinter (host, or in the chroot).
compile_all() {
    local arch=$1 runner=$2 dir=$3
    for f in $graphs; do
        local name out log spec=hip:$arch
        name=$(basename "$f" .sn)
        out=$dir/$name.$arch.snb
        log=$work/$name.$arch.log
        if [ "$arch" = gfx942 ] && [[ " $ocp_files " == *" $f "* ]]; then
            if $runner compile "$dir/src/$f" --target "$spec" -o "$out" > "$log" 2>&1 ||
               ! grep -q "(OCP) in output .* does not read: its FP8 is f8e[45]m[23]fnuz" "$log"; then
                bad "$arch $f: OCP FP8 stores not refused"
                sed 's/^/    /' "$log" | head -20
                continue
            fi
            ok "$arch $f: OCP FP8 stores refused"
            spec=hip:$arch+ocp-fp8
        fi
        if $runner compile "$dir/src/$f" --target "$spec" --precompile -o "$out" \
                > "$log" 2>&1; then
            ok "hiprtc $spec $f"
        else
            bad "hiprtc $spec $f"
            sed 's/^/    /' "$log" | head -40
        fi
    done
}

# ---- ROCm 5.2 (this machine's Debian 12 hiprtc): gfx90a
host=$work/host
mkdir -p "$host/src"
cp -r --parents $graphs "$host/src/"
probe=$("$sinter" compile examples/layer_norm.sn --target hip:gfx90a --precompile \
        -o "$work/probe.snb" 2>&1)
if echo "$probe" | grep -q "cannot load hiprtc"; then
    echo "skip ROCm 5.2: $probe"
    skipped=1
else
    compile_all gfx90a "$sinter" "$host"
fi

# ---- ROCm 6.4 (Debian sid's hiprtc, in the chroot): gfx942 gfx950 gfx1100 gfx1201
in_root() {
    if [ "$(id -u)" -eq 0 ]; then
        chroot "$ROOT" "$@"
    else
        unshare -r chroot "$ROOT" "$@"
    fi
}
have_chroot=0
if [ ! -f "$ROOT/.sinter-rocm64" ]; then
    echo "skip ROCm 6.4: no chroot at $ROOT (tests/rocm64_chroot.sh ensure makes it;" \
         "./build.sh test runs that, and skips only where deb.debian.org is unreachable)"
    skipped=$((skipped + 1))
elif ! in_root /bin/true 2> "$work/chroot.log"; then
    echo "skip ROCm 6.4: cannot enter the chroot: $(cat "$work/chroot.log")"
    skipped=$((skipped + 1))
else
    have_chroot=1
    jail=$(mktemp -d "$ROOT/tmp/sinter-check.XXXXXX") || exit 2
    rel=${jail#"$ROOT"}
    mkdir -p "$jail/src"
    cp "$sinter" "$jail/sinter"
    cp -r --parents $graphs "$jail/src/"
    run_jail() { in_root "$rel/sinter" "$@"; }
    # sinter's paths are the chroot's; results land in the jail
    jail_runner() {
        local args=() a
        for a in "$@"; do args+=("${a//$jail/$rel}"); done
        run_jail "${args[@]}"
    }
    for arch in gfx942 gfx950 gfx1100 gfx1201; do
        compile_all "$arch" jail_runner "$jail"
    done
fi

# ---- the FP8 instructions, found by disassembly (llvm-objdump of the chroot)
# expect GRAPH ARCH INSTRUCTION yes|no: the code object of GRAPH (from
# tests/hip_fp8.sn) for ARCH holds INSTRUCTION, or does not.
expect() {
    local co=$jail/co/$1.0.$2.co n
    if [ ! -f "$co" ]; then
        bad "disassembly: no code object of $1 for $2"
        return
    fi
    n=$(in_root "$objdump" -d "$rel/co/$1.0.$2.co" | grep -c "$3")
    if { [ "$4" = yes ] && [ "$n" -gt 0 ]; } || { [ "$4" = no ] && [ "$n" -eq 0 ]; }; then
        ok "disassembly: $1 for $2: $n x $3"
    else
        bad "disassembly: $1 for $2: $n x $3, expected ${4/yes/some}"
    fi
}
objdump=$(cd "$ROOT/usr/bin" 2>/dev/null && ls llvm-objdump-* 2>/dev/null | sort -V | tail -1)
if [ "$have_chroot" -eq 1 ] && [ -n "$objdump" ]; then
    objdump=/usr/bin/$objdump
    mkdir -p "$jail/co"
    for b in "$jail"/hip_fp8*.snb "$host"/hip_fp8*.snb; do
        [ -f "$b" ] && "$extract" "$b" "$jail/co" > /dev/null
    done
    for arch in gfx942 gfx950 gfx1201; do
        expect hip_fp8 "$arch" v_cvt_pk_fp8_f32 yes
    done
    for arch in gfx90a gfx1100; do
        expect hip_fp8 "$arch" v_cvt_pk_fp8_f32 no
    done
    expect hip_e5m2fnuz gfx942 v_cvt_pk_bf8_f32 yes
    expect hip_e5m2 gfx950 v_cvt_pk_bf8_f32 yes
    expect hip_e5m2 gfx1201 v_cvt_pk_bf8_f32 yes
    expect hip_f8_ocp gfx950 v_cvt_pk_fp8_f32 yes
    # the other format's bytes never take the instruction
    expect hip_f8_ocp gfx942 v_cvt_pk_fp8_f32 no
    expect hip_e5m2 gfx942 v_cvt_pk_bf8_f32 no
    expect hip_e5m2fnuz gfx950 v_cvt_pk_bf8_f32 no
    expect hip_e5m2fnuz gfx1201 v_cvt_pk_bf8_f32 no
    # and every FP8 example takes it where f8 is the target's format
    for arch in gfx942 gfx950; do
        for f in add_rms_norm_fp8 rms_norm_fp8_per_token silu_mul_fp8_group; do
            "$extract" "$jail/$f.$arch.snb" "$jail/co" > /dev/null
            expect "$f" "$arch" v_cvt_pk_fp8_f32 yes
        done
    done
elif [ "$have_chroot" -eq 1 ]; then
    bad "disassembly: no llvm-objdump in $ROOT"
fi

if [ $((pass + fail)) -eq 0 ]; then
    echo "check_hip_rocm: nothing could be checked: SKIP"
    exit 77
fi
echo "check_hip_rocm: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
