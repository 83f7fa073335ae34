#!/usr/bin/env bash
# flashinfer_build.sh - compiles bench/flashinfer_wrap.cu against the
# FlashInfer headers that bench/flashinfer_fetch.sh put in
# bench/.flashinfer/include, into bench/.flashinfer/libflashinfer_wrap.so
# (what bench.py's FlashInfer column loads).  Run on the GPU machine (or
# anywhere with nvcc: no GPU is needed to compile).
#
#   bench/flashinfer_build.sh [ARCH]        (default sm_90)
set -euo pipefail
cd "$(dirname "$0")"
ARCH=${1:-sm_90}
NVCC=${NVCC:-$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)}
[ -d .flashinfer/include/flashinfer ] || {
    echo "no FlashInfer headers: run bench/flashinfer_fetch.sh (needs network) first" >&2
    exit 1
}
"$NVCC" -O3 -std=c++17 -arch="$ARCH" -shared -Xcompiler -fPIC \
    -I.flashinfer/include -o .flashinfer/libflashinfer_wrap.so flashinfer_wrap.cu
echo "bench/.flashinfer/libflashinfer_wrap.so"
