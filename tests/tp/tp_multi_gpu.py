#!/usr/bin/env python3
"""tp_multi_gpu.py - the all_reduce programs on 2+ GPUs, one process per GPU,
through NCCL, against torch.distributed.all_reduce + the PyTorch chain and
against `sinter ref --world N` (the simulated world).

usage (from the repository root, after `ninja -C build`):
    NCCL_NVLS_ENABLE=0 /opt/torch/.venv/bin/python tests/tp/tp_multi_gpu.py \\
        [--nproc N] [--sinter build/compiler/sinter] [--lib build/runtime/libsinter.so]

N defaults to every visible GPU (at least 2, else it exits 77: skipped).
Each process: torch.distributed (NCCL backend) for the reference and to
hand out an NCCL unique id; its own NCCL communicator for sinter, made with
ncclCommInitRank from the libnccl.so.2 that PyTorch loaded (so SINTER_NCCL
points the runtime at the same file); then per program and T in {1, 7,
333}: random per-rank inputs, sinter's launch (sn_graph_set_comm, sn_launch
on the current stream) and the PyTorch chain (dist.all_reduce of f32 partial
sums); bf16 outputs within one bf16 step, f8 within one step for at most
1% of the elements; h (the all-reduced residual stream) equal on every rank
when every rank has the same residual.  Rank 0 also gathers every rank's
inputs and outputs and checks them against `sinter ref --world N`
(the same tolerance: NCCL's summation order is its own, docs/language.md).
And one launch captured in a CUDA graph (torch.cuda.graph), replayed.
Prints one line per check, "N passed, M failed"; exit 1 on a failure.
"""
import argparse
import ctypes
import glob
import os
import subprocess
import sys
import tempfile

os.environ.setdefault("NCCL_NVLS_ENABLE", "0")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.distributed as dist  # noqa: E402
import torch.multiprocessing as mp  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAMS = ["tp_qk_norm", "allreduce_add_rms_norm_fp8"]
DTYPES = {"bf16": (torch.bfloat16, 2), "f32": (torch.float32, 0), "f8e4m3": (torch.float8_e4m3fn, 3)}
SN = {torch.float32: 0, torch.bfloat16: 2, torch.float8_e4m3fn: 3}  # sinter.h's sn_dtype


class NcclUniqueId(ctypes.Structure):  # passed by value to ncclCommInitRank
    _fields_ = [("internal", ctypes.c_char * 128)]


class SnTensor(ctypes.Structure):
    _fields_ = [("data", ctypes.c_void_p), ("dtype", ctypes.c_int), ("rank", ctypes.c_int),
                ("shape", ctypes.POINTER(ctypes.c_int64)), ("strides", ctypes.POINTER(ctypes.c_int64)),
                ("scalar", ctypes.c_double)]


def find_nccl():
    if os.environ.get("SINTER_NCCL"):
        return os.environ["SINTER_NCCL"]
    with open("/proc/self/maps") as f:  # the one PyTorch loaded
        for line in f:
            if "libnccl.so" in line:
                return line.split()[-1]
    base = os.path.dirname(torch.__file__)
    for pat in ("../nvidia/nccl/lib/libnccl.so.2", "lib/libnccl.so.2"):
        hits = glob.glob(os.path.join(base, pat))
        if hits:
            return os.path.realpath(hits[0])
    return "libnccl.so.2"


def tensor(t, keep):
    shape = (ctypes.c_int64 * max(t.dim(), 1))(*t.shape)
    keep.append(shape)
    return SnTensor(t.data_ptr(), SN[t.dtype], t.dim(), shape, None, 0.0)


def reference(prog, ins):
    """The PyTorch chain with torch.distributed.all_reduce (f32 partial sums)."""
    if prog == "tp_qk_norm":
        q, k, wq, wk = ins
        out = []
        for x, w, n in ((q, wq, 6144.0), (k, wk, 1024.0)):
            xf = x.float()
            s = (xf * xf).sum(-1, keepdim=True)
            dist.all_reduce(s)
            out.append(((xf * torch.rsqrt(s / n + 1e-6)).to(torch.bfloat16) * w).to(torch.bfloat16))
        return out
    x, residual, w, scale = ins
    s = x.float()
    dist.all_reduce(s)
    h = (s + residual.float()).to(torch.bfloat16)
    hf = h.float()
    y = hf * torch.rsqrt((hf * hf).mean(-1, keepdim=True) + 1e-5) * w.float()
    q = (y / scale).clamp(-448.0, 448.0).to(torch.float8_e4m3fn)
    return [q, h]


def inputs(prog, T, rank, gen):
    def r(*shape):
        return (torch.rand(*shape, generator=gen, device="cuda") * 2 - 1).to(torch.bfloat16)
    if prog == "tp_qk_norm":
        return [r(T, 1536), r(T, 256), r(1536), r(256)]
    shared = torch.Generator(device="cuda").manual_seed(1234 + T)  # one residual for all ranks
    res = (torch.rand(T, 4096, generator=shared, device="cuda") * 2 - 1).to(torch.bfloat16)
    return [r(T, 4096), res, r(4096), torch.tensor(0.05, device="cuda")]


def close(want, got):
    """None, or why they differ (bf16: one step; f8: one step for <= 1%)."""
    w, g = want.float().cpu().numpy(), got.float().cpu().numpy()
    f8 = want.dtype == torch.float8_e4m3fn
    mant, emin = (3, -6) if f8 else (7, -126)
    a = np.abs(w.astype(np.float64))
    step = np.exp2(np.maximum(np.floor(np.log2(np.where(a > 0, a, 1.0))), emin) - mant)
    diff = np.abs(w.astype(np.float64) - g)
    if (diff > step * 1.0001).any():
        i = tuple(np.argwhere(diff > step * 1.0001)[0])
        return f"element {i}: sinter {g[i]}, want {w[i]}"
    if f8 and (diff > 0).mean() > 0.01:
        return f"{(diff > 0).mean() * 100:.2f}% one f8 step apart"
    return None


def worker(rank, world, args, port, results):
    torch.cuda.set_device(rank)
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    dist.init_process_group("nccl", rank=rank, world_size=world, device_id=torch.device("cuda", rank))
    dist.barrier()  # NCCL is loaded and initialised now
    nccl_path = find_nccl()
    os.environ["SINTER_NCCL"] = nccl_path
    nccl = ctypes.CDLL(nccl_path)
    uid = NcclUniqueId()
    if rank == 0:
        assert nccl.ncclGetUniqueId(ctypes.byref(uid)) == 0
    obj = [bytes(uid)]
    dist.broadcast_object_list(obj, src=0)
    uid = NcclUniqueId.from_buffer_copy(obj[0])
    comm = ctypes.c_void_p()
    nccl.ncclCommInitRank.argtypes = [ctypes.POINTER(ctypes.c_void_p), ctypes.c_int,
                                      NcclUniqueId, ctypes.c_int]
    rc = nccl.ncclCommInitRank(ctypes.byref(comm), world, uid, rank)
    assert rc == 0, f"ncclCommInitRank: {rc}"
    lib = ctypes.CDLL(args.lib)
    lib.sn_last_error.restype = ctypes.c_char_p
    lib.sn_bundle_graph.restype = ctypes.c_void_p
    lib.sn_bundle_graph.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.sn_graph_set_comm.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    lib.sn_graph_workspace_size.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int,
                                            ctypes.POINTER(ctypes.c_size_t)]
    lib.sn_launch.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p,
                              ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p]
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        print(f"[rank {rank}] {'ok  ' if ok is None else 'FAIL'} {what}{'' if ok is None else ': ' + ok}",
              flush=True)
        passed += ok is None
        failed += ok is not None

    for prog in PROGRAMS:
        b = ctypes.c_void_p()
        assert lib.sn_bundle_load_file(os.path.join(args.tmp, prog + ".snb").encode(),
                                       ctypes.byref(b)) == 0, lib.sn_last_error()
        g = lib.sn_bundle_graph(b, prog.encode())
        lib.sn_graph_set_comm(g, comm)
        for T in (1, 7, 333):
            gen = torch.Generator(device="cuda").manual_seed(rank * 1000 + T)
            ins = inputs(prog, T, rank, gen)
            want = reference(prog, [x.clone() for x in ins])
            outs = [torch.empty_like(w) for w in want]
            keep = []
            tin = (SnTensor * len(ins))(*[tensor(x, keep) for x in ins])
            if prog != "tp_qk_norm":
                tin[3] = SnTensor(None, 0, 0, None, None, 0.05)
            tout = (SnTensor * len(outs))(*[tensor(x, keep) for x in outs])
            need = ctypes.c_size_t()
            lib.sn_graph_workspace_size(g, tin, len(ins), ctypes.byref(need))
            ws = torch.empty(max(need.value, 256), dtype=torch.uint8, device="cuda")
            stream = torch.cuda.current_stream().cuda_stream
            s = lib.sn_launch(g, tin, len(ins), tout, len(outs), ws.data_ptr(), need.value, stream)
            torch.cuda.synchronize()
            check(None if s == 0 else lib.sn_last_error().decode(), f"{prog} T={T} launch")
            for i, (w, o) in enumerate(zip(want, outs)):
                check(close(w, o), f"{prog} T={T} out{i} vs torch.distributed + PyTorch")
            if prog != "tp_qk_norm":  # h is the same on every rank
                hs = [torch.empty_like(outs[1]) for _ in range(world)]
                dist.all_gather(hs, outs[1])
                check(None if all(torch.equal(hs[0], h) for h in hs) else "differs",
                      f"{prog} T={T} h equal on every rank")
            gathered = [None] * world if rank == 0 else None
            dist.gather_object(([x.float().cpu().numpy() for x in ins],
                                [o.float().cpu().numpy() for o in outs]), gathered, dst=0)
            if rank == 0:
                check(against_simulated(args, prog, T, world, gathered),
                      f"{prog} T={T} vs sinter ref --world {world}")
            if T == 333:  # captured in a CUDA graph, replayed on new data
                cg = torch.cuda.CUDAGraph()
                with torch.cuda.graph(cg):  # the capture stream is the current one inside
                    s = lib.sn_launch(g, tin, len(ins), tout, len(outs), ws.data_ptr(),
                                      need.value, torch.cuda.current_stream().cuda_stream)
                check(None if s == 0 else lib.sn_last_error().decode(), f"{prog} capture")
                fresh = inputs(prog, T, rank, gen)
                for x, y in zip(ins, fresh):
                    x.copy_(y)
                want = reference(prog, [x.clone() for x in ins])
                cg.replay()
                torch.cuda.synchronize()
                for i, (w, o) in enumerate(zip(want, outs)):
                    check(close(w, o), f"{prog} graph replay out{i}")
        lib.sn_bundle_free(b)
    nccl.ncclCommDestroy(comm)
    dist.destroy_process_group()
    results[rank] = (passed, failed)


def against_simulated(args, prog, T, world, gathered):
    """Every rank's outputs against `sinter ref --world` on the same inputs."""
    names = {"tp_qk_norm": ["q", "k", "wq", "wk"],
             "allreduce_add_rms_norm_fp8": ["x", "residual", "w", "scale"]}[prog]
    with tempfile.TemporaryDirectory() as d:
        cmd = [args.sinter, "ref", os.path.join(ROOT, "tests", "tp", prog + ".sn"),
               "--world", str(world), "--output-dir", d]
        for i, n in enumerate(names):
            path = os.path.join(d, n + ".npy")
            if n == "scale":
                np.save(path, np.float32(0.05))
            else:
                np.save(path, np.stack([gathered[r][0][i] for r in range(world)]))
            cmd += ["--input", f"{n}={path}"]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode:
            return r.stderr.strip()
        for o in range(2):
            sim = np.load(os.path.join(d, f"out{o}.npy"))
            for rk in range(world):
                dt = torch.float8_e4m3fn if (prog != "tp_qk_norm" and o == 0) else torch.bfloat16
                why = close(torch.from_numpy(sim[rk]).to(dt),
                            torch.from_numpy(gathered[rk][1][o]).to(dt))
                if why:
                    return f"rank {rk} out{o}: {why}"
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--nproc", type=int, default=torch.cuda.device_count())
    p.add_argument("--sinter", default=os.path.join(ROOT, "build", "compiler", "sinter"))
    p.add_argument("--lib", default=os.path.join(ROOT, "build", "runtime", "libsinter.so"))
    args = p.parse_args()
    if args.nproc < 2 or torch.cuda.device_count() < args.nproc:
        print(f"needs 2+ GPUs ({torch.cuda.device_count()} visible): skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        args.tmp = tmp
        for prog in PROGRAMS:
            subprocess.run([args.sinter, "compile", os.path.join(ROOT, "tests", "tp", prog + ".sn"),
                            "-o", os.path.join(tmp, prog + ".snb")], check=True)
        results = mp.Manager().dict()
        mp.spawn(worker, args=(args.nproc, args, 29500 + os.getpid() % 1000, results),
                 nprocs=args.nproc, join=True)
        passed = sum(v[0] for v in results.values())
        failed = sum(v[1] for v in results.values())
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
