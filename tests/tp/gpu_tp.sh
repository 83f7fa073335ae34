#!/usr/bin/env bash
# gpu_tp.sh - the all_reduce (issue 18) checks that need GPUs, in one
# command, logs in $OUT (default /tmp/gpu_tp).  Run from anywhere after
# `ninja -C build` on the GPU machine:
#   - SINTER_NCCL: $SINTER_NCCL, else the libnccl.so.2 of PyTorch's wheel
#     in /opt/torch/.venv (nvidia/nccl/lib or torch/lib), else the system's;
#   - test_tp_gpu (one GPU, a one-rank communicator: both tests/tp programs
#     at T = 1, 7, 333 against the interpreter, a refused launch without a
#     communicator, a CUDA-graph capture replayed);
#   - sinter run --check of both programs (one rank) and --bench, with
#     SINTER_LOG=launch showing the all-reduce steps;
#   - with 2+ GPUs: tests/tp/tp_multi_gpu.py (one process per GPU,
#     NCCL_NVLS_ENABLE=0) against torch.distributed.all_reduce + PyTorch;
#   - the Python package (built for $PY by bench/pyext_for.sh into
#     build/py-VER, carried with build/): tests/tp/tp_torch.py on one GPU
#     (a one-rank process group) and, with 2+ GPUs, on every GPU (torchrun
#     beside $PY, else --nproc): set_comm(process group), the custom op,
#     CUDA-graph capture, torch.compile, against torch.distributed.
set -u
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/gpu_tp}
PY=${PY:-/opt/torch/.venv/bin/python}
mkdir -p "$OUT"
if [ -z "${SINTER_NCCL:-}" ]; then
    SINTER_NCCL=$("$PY" - <<'PYEOF' 2>/dev/null
import glob, os, site
for d in site.getsitepackages():
    for p in ("nvidia/nccl/lib/libnccl.so.2", "torch/lib/libnccl.so.2"):
        hits = glob.glob(os.path.join(d, p))
        if hits:
            print(os.path.realpath(hits[0])); raise SystemExit
PYEOF
)
fi
export SINTER_NCCL
echo "SINTER_NCCL=${SINTER_NCCL:-(system libnccl.so.2)}"
export NCCL_NVLS_ENABLE=0
build/tests/test_tp_gpu . > "$OUT/test_tp_gpu.log" 2>&1
echo "test_tp_gpu: rc $? (77: skipped)"; grep -E "^FAIL|one step off" "$OUT/test_tp_gpu.log" | head -8; tail -1 "$OUT/test_tp_gpu.log"
for p in tp_qk_norm allreduce_add_rms_norm_fp8; do
    SINTER_LOG=launch build/compiler/sinter run tests/tp/$p.sn --dim T=333 --check \
        > "$OUT/run-$p.log" 2>&1
    echo "sinter run $p --check: rc $?"; grep -E "all_reduce|max abs|error" "$OUT/run-$p.log" | head -4
    for T in 1 64 2048; do
        build/compiler/sinter run tests/tp/$p.sn --dim T=$T --bench 2>&1 | grep -E "us|error" \
            | sed "s/^/  $p T=$T: /" | tee -a "$OUT/bench.log"
    done
done
n=$(nvidia-smi -L 2>/dev/null | wc -l)
if [ "$n" -ge 2 ]; then
    timeout 900 "$PY" tests/tp/tp_multi_gpu.py --nproc "$n" > "$OUT/multi_gpu.log" 2>&1
    echo "tp_multi_gpu.py ($n GPUs): rc $?"; grep -E "FAIL|passed" "$OUT/multi_gpu.log" | tail -8
else
    echo "tp_multi_gpu.py: $n GPU(s), needs 2: skipped"
fi
ver=$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [ -d "build/py-$ver/python/sinter" ]; then
    export SINTER_BUILD_DIR=build/py-$ver
    timeout 600 "$PY" tests/tp/tp_torch.py > "$OUT/tp_torch-1.log" 2>&1
    echo "tp_torch.py (1 GPU): rc $?"; grep -E "^torch|FAIL|passed" "$OUT/tp_torch-1.log" | tail -6
    if [ "$n" -ge 2 ]; then
        run=("$(dirname "$PY")/torchrun" --nproc_per_node "$n")
        [ -x "${run[0]}" ] || run=("$PY")
        [ "${run[0]}" = "$PY" ] && args=(--nproc "$n") || args=()
        timeout 900 "${run[@]}" tests/tp/tp_torch.py "${args[@]}" > "$OUT/tp_torch-$n.log" 2>&1
        echo "tp_torch.py ($n GPUs): rc $?"; grep -E "^torch|FAIL|all ranks" "$OUT/tp_torch-$n.log" | tail -8
    fi
else
    echo "tp_torch.py: no build/py-$ver (bench/pyext_for.sh $PY): skipped"
fi
