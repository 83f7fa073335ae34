#!/bin/sh
# check_library.sh LIBSINTER_SO PC_DIR SRCDIR - the installed library's
# contracts: the shared library exports only sn_* symbols, and sinter.pc
# gives flags that build a user of sinter.h against the shared and the
# static library without naming xxHash (header-only, internal).
so=$1 pcdir=$2 src=$3
fail() { echo "check_library: $*" >&2; exit 1; }
command -v nm >/dev/null || { echo "no nm: skipped"; exit 77; }
extra=$(nm -D --defined-only "$so" | awk 'NF == 3 && $3 !~ /^sn_/ { print $3 }')
[ -z "$extra" ] || fail "exported beyond the sn_* API: $extra"
nm -D --defined-only "$so" | grep -q ' sn_launch$' || fail "sn_launch is not exported"
command -v pkg-config >/dev/null || { echo "no pkg-config: skipped"; exit 77; }
export PKG_CONFIG_PATH="$pcdir"
dyn=$(pkg-config --cflags --libs sinter) || fail "pkg-config --cflags --libs sinter failed"
sta=$(pkg-config --static --cflags --libs sinter) || fail "pkg-config --static failed"
case "$dyn $sta" in *xxhash*) fail "sinter.pc names xxhash: $dyn / $sta" ;; esac
case "$sta" in *-ldl*) ;; *) fail "--static lacks -ldl: $sta" ;; esac
# Link a user against the built libraries with those flags (the -L/-I of
# the uninstalled prefix replaced by the build's own directories).
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
printf '#include <sinter.h>\nint main(void) { return sn_bundle_num_graphs(0); }\n' > "$tmp/u.c"
libdir=$(dirname "$so")
# a sanitizer build's library needs its user built the same way
san=
if nm -D "$so" | grep -q ' U __asan_init'; then san=-fsanitize=address,undefined; fi
libs=$(pkg-config --static --libs-only-l --libs-only-other sinter | sed 's/-lsinter//')
${CC:-cc} $san -I"$src/runtime" "$tmp/u.c" -o "$tmp/u_dyn" -L"$libdir" -lsinter \
    -Wl,-rpath,"$libdir" || fail "linking against libsinter.so failed"
"$tmp/u_dyn" || fail "the shared-library user did not run"
${CC:-cc} $san -I"$src/runtime" "$tmp/u.c" -o "$tmp/u_sta" "$libdir/libsinter.a" $libs \
    || fail "linking against libsinter.a with pkg-config --static's libs failed: $libs"
"$tmp/u_sta" || fail "the static-library user did not run"
echo "check_library: only sn_* exported; sinter.pc: $sta"
