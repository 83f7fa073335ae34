#!/usr/bin/env bash
# pyext_for.sh - the Python package for another CPython than the build's:
#
#   bench/pyext_for.sh PYTHON [BUILD] [OUT]
#
# compiles python/*.c against PYTHON's headers and links the static
# libraries of an existing meson build (default build/) into
# OUT/sinter/_sinter<suffix> (default OUT: BUILD/py-<version>/python), beside the
# package's Python files: PYTHONPATH=OUT imports it (tests/python: SINTER_BUILD_DIR=BUILD/py-<version>).  For the GPU machine,
# whose python3 (3.12, with PyTorch) differs from Debian 12's 3.11: build
# here with a 3.12 of the same minor version, carry OUT.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$1
B=${2:-build}
ver=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
OUT=${3:-$B/py-$ver/python}
inc=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
suffix=$("$PY" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
mkdir -p "$OUT/sinter"
cp python/sinter/*.py "$OUT/sinter/"
libs="compiler/libsinter_driver.a compiler/libsinter_front.a compiler/libsinter_parser.a
      ir/libsinter_ir.a passes/libsinter_passes.a codegen/libsinter_codegen.a
      runtime/libsinter_bundle_write.a runtime/libsinter.a runtime/libsinter_jit.a"
cc -O2 -std=gnu11 -shared -fPIC -pthread -fvisibility=hidden -o "$OUT/sinter/_sinter$suffix" \
    python/*.c -Ipython -Iruntime -Icompiler -I"$B/compiler" -Iir -Ipasses -Icodegen -I"$inc" \
    -Wl,--start-group $(for l in $libs; do echo "$B/$l"; done) -Wl,--exclude-libs,ALL \
    -lm -ldl -Wl,--end-group
echo "$OUT"
