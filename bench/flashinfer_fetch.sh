#!/usr/bin/env bash
# flashinfer_fetch.sh - FlashInfer's headers for bench.py's FlashInfer column
# (a benchmark dependency, not sinter's): downloads the flashinfer-python
# wheel from PyPI (no dependencies) and extracts its include/ into
# bench/.flashinfer/include (ignored by git; carry it to a GPU machine
# without network).  bench/flashinfer_build.sh compiles the wrapper there.
#
#   bench/flashinfer_fetch.sh [VERSION]      (default 0.7.4, the one checked)
set -euo pipefail
cd "$(dirname "$0")"
VER=${1:-0.7.4}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --no-deps --only-binary=:all: -d "$tmp" "flashinfer-python==$VER" >&2
whl=$(ls "$tmp"/flashinfer_python-*.whl)
rm -rf .flashinfer
mkdir -p .flashinfer
python3 - "$whl" .flashinfer <<'PY'
import sys, zipfile
whl, dest = sys.argv[1], sys.argv[2]
prefix = "flashinfer/data/include/"
with zipfile.ZipFile(whl) as z:
    names = [n for n in z.namelist() if n.startswith(prefix) and not n.endswith("/")]
    for n in names:
        target = dest + "/include/" + n[len(prefix):]
        import os
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with z.open(n) as src, open(target, "wb") as out:
            out.write(src.read())
print(f"{len(names)} headers from {whl.rsplit('/', 1)[-1]}", file=sys.stderr)
PY
echo "$VER" > .flashinfer/VERSION
echo "bench/.flashinfer/include (flashinfer-python $VER)"
