#!/usr/bin/env python3
"""tp_torch.py - the all_reduce programs through the Python package on GPUs,
one process per GPU, with a torch.distributed NCCL process group handed to
sinter (Graph.set_comm; docs/python.md, "Tensor parallelism").

usage (from the repository root; the package from `ninja -C build`, or for
another Python from bench/pyext_for.sh, e.g. build/py-3.12):
    one GPU (a one-rank NCCL communicator):
        SINTER_BUILD_DIR=build/py-3.12 NCCL_NVLS_ENABLE=0 \\
            /opt/torch/.venv/bin/python tests/tp/tp_torch.py
    N GPUs, torchrun:
        SINTER_BUILD_DIR=build/py-3.12 NCCL_NVLS_ENABLE=0 \\
            /opt/torch/.venv/bin/torchrun --nproc_per_node N tests/tp/tp_torch.py
    or without torchrun: tests/tp/tp_torch.py --nproc N (torch.multiprocessing)

Per rank, for tests/tp/tp_qk_norm.sn and allreduce_add_rms_norm_fp8.sn at
T in {1, 7, 64, 333, 2048}, random per-rank inputs (one residual for all
ranks), against torch.distributed.all_reduce + the PyTorch chain (bf16
within one bf16 step, f8 within one step for at most 1% of the elements):
  * eager calls with the process group's communicator (set_comm(group),
    the group made with device_id=, so PyTorch created it eagerly);
  * the torch custom op (sinter.torch.register), which uses the graph's
    communicator;
  * h (the all-reduced residual stream) bit-identical on every rank;
  * at T <= 64, rank 0 gathers every rank's inputs and outputs and checks
    them against Graph.run_world on the CPU (the simulated world: the same fused kernels
    in the kernel-IR executor; NCCL's summation order is its own, so the
    same tolerance; how many elements differ at all is printed);
  * the op captured in a CUDA graph (torch.cuda.graph) and replayed on new
    inputs; torch.compile(fullgraph=True) of a function calling the op;
  * a second library on a group made without device_id (PyTorch creates
    its communicator lazily: set_comm runs a one-element all_reduce on it
    first) and a third, loaded onto the GPU first, given the communicator
    as a raw int (ProcessGroupNCCL._comm_ptr());
  * a graph without a communicator is refused with sinter.Error.
Prints one line per check and "rank R: N passed, M failed"; exits 1 when
any rank failed.  NCCL_NVLS_ENABLE=0 is set when not given (NVLink SHARP
reduces in the switch, in its own order and precision).
"""
import argparse
import os
import socket
import sys

os.environ.setdefault("NCCL_NVLS_ENABLE", "0")

import torch  # noqa: E402
import torch.distributed as dist  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("SINTER_BUILD_DIR", os.path.join(ROOT, "build"))
sys.path.insert(0, os.path.join(BUILD, "python"))
import sinter  # noqa: E402
import sinter.torch  # noqa: E402

PROGRAMS = ["tp_qk_norm", "allreduce_add_rms_norm_fp8"]
TOKENS = (1, 7, 64, 333, 2048)
DEVICE = "cuda"  # "cpu" with --cpu-dry-run


def reference(prog, ins, group):
    """The PyTorch chain with torch.distributed.all_reduce (f32 partial sums)."""
    if prog == "tp_qk_norm":
        q, k, wq, wk = ins
        out = []
        for x, w, n in ((q, wq, 6144.0), (k, wk, 1024.0)):
            xf = x.float()
            s = (xf * xf).sum(-1, keepdim=True)
            dist.all_reduce(s, group=group)
            out.append(((xf * torch.rsqrt(s / n + 1e-6)).to(torch.bfloat16) * w).to(torch.bfloat16))
        return out
    x, residual, w, scale = ins
    s = x.float()
    dist.all_reduce(s, group=group)
    h = (s + residual.float()).to(torch.bfloat16)
    hf = h.float()
    y = hf * torch.rsqrt((hf * hf).mean(-1, keepdim=True) + 1e-5) * w.float()
    q = (y / scale).clamp(-448.0, 448.0).to(torch.float8_e4m3fn)
    return [q, h]


def inputs(prog, T, rank, seed):
    gen = torch.Generator(device=DEVICE).manual_seed(seed * 1000 + rank)

    def r(*shape, g=gen):
        return (torch.rand(*shape, generator=g, device=DEVICE) * 2 - 1).to(torch.bfloat16)
    if prog == "tp_qk_norm":
        return [r(T, 1536), r(T, 256), r(1536), r(256)]
    shared = torch.Generator(device=DEVICE).manual_seed(seed)  # one residual for all ranks
    return [r(T, 4096), r(T, 4096, g=shared), r(4096), 0.05]


def close(want, got):
    """None, or why they differ (bf16: one step, two for at most 1 element
    in 10,000; f8: one step for <= 1%).  Two steps: the programs round
    twice (tp_qk_norm: to(qf * r, bf16) * wq), and where sinter and
    PyTorch round the intermediate to neighbouring bf16 values the product
    can land two steps apart (test_tp_gpu.c's same())."""
    if want.shape != got.shape or want.dtype != got.dtype:
        return f"{got.dtype}{list(got.shape)}, want {want.dtype}{list(want.shape)}"
    w, g = want.float().cpu().double(), got.float().cpu().double()
    f8 = want.dtype == torch.float8_e4m3fn
    mant, emin = (3, -6) if f8 else (7, -126)
    a = w.abs()
    e = torch.floor(torch.log2(torch.where(a > 0, a, torch.ones_like(a)))).clamp(min=emin)
    step = torch.exp2(e - mant)
    diff = (w - g).abs()
    over = diff > step * 1.0001
    rare_two = (not f8 and not (diff > step * 2.0001).any()
                and over.sum().item() <= over.numel() // 10000 + 1)
    if over.any() and not rare_two:
        i = tuple(over.nonzero()[0].tolist())
        return f"element {i}: sinter {g[i].item()}, want {w[i].item()}"
    if f8 and (diff > 0).double().mean() > 0.01:
        return f"{(diff > 0).double().mean().item() * 100:.2f}% one f8 step apart"
    return None


def as_list(r):
    return list(r) if isinstance(r, (tuple, list)) else [r]


def worker(rank, world, local, args):
    dry = args.cpu_dry_run
    if dry:  # the script's own logic on the CPU: Gloo, one rank, no communicator
        dev = torch.device("cpu")
        dist.init_process_group("gloo", rank=rank, world_size=world)
    else:
        torch.cuda.set_device(local)
        dev = torch.device("cuda", local)
        dist.init_process_group("nccl", rank=rank, world_size=world, device_id=dev)
        if rank == 0:
            print(f"torch {torch.__version__}, NCCL {'.'.join(map(str, torch.cuda.nccl.version()))}"
                  f" (PyTorch's), {torch.cuda.get_device_name(dev)}, world {world}; "
                  f"NCCL_NVLS_ENABLE={os.environ.get('NCCL_NVLS_ENABLE')}", flush=True)
    passed = failed = 0

    def check(why, what):
        nonlocal passed, failed
        print(f"[rank {rank}] {'ok  ' if why is None else 'FAIL'} {what}"
              f"{'' if why is None else ': ' + why}", flush=True)
        passed += why is None
        failed += why is not None

    libs = {p: sinter.compile(os.path.join(ROOT, "tests", "tp", p + ".sn")) for p in PROGRAMS}
    ops = {p: sinter.torch.register(libs[p], namespace=f"sinter_tp_{p}") for p in PROGRAMS}
    for prog in PROGRAMS:
        g, op = libs[prog][prog], getattr(ops[prog], prog)
        # no communicator: refused on GPU tensors, nothing launched
        try:
            if dry:
                raise sinter.Error("communicator (dry run)")
            g(*inputs(prog, 3, rank, 1))
            check("launched without a communicator", f"{prog} refused without set_comm")
        except sinter.Error as e:
            check(None if "set_comm" in str(e) or "communicator" in str(e) else str(e),
                  f"{prog} refused without set_comm")
        if not dry:
            g.set_comm(dist.group.WORLD)
            if rank == 0:
                print(f"SINTER_NCCL={os.environ.get('SINTER_NCCL')}", flush=True)
        for T in (1, 7, 64) if dry else TOKENS:
            ins = inputs(prog, T, rank, T)
            want = reference(prog, [x.clone() if torch.is_tensor(x) else x for x in ins], None)
            got = as_list(g(*ins))
            for i, (w, o) in enumerate(zip(want, got)):
                check(close(w, o), f"{prog} T={T} eager out{i} vs torch.distributed + PyTorch")
            for i, (w, o) in enumerate(zip(want, as_list(op(*ins)))):
                check(close(w, o), f"{prog} T={T} custom op out{i}")
            if prog != "tp_qk_norm":  # h is the same on every rank
                hs = [torch.empty_like(got[1]) for _ in range(world)]
                dist.all_gather(hs, got[1])
                check(None if all(torch.equal(hs[0], h) for h in hs) else "differs",
                      f"{prog} T={T} h equal on every rank")
            if T <= 64:  # the CPU executor interprets every element
                simulated(prog, g, T, ins, got, rank, world, check)
        if not args.no_compile:  # torch.compile keeps the op (no graph break)
            fn = torch.compile(lambda *a: op(*a), fullgraph=True, dynamic=True)
            for T in (7, 64):
                ins = inputs(prog, T, rank, 7 + T)
                want = reference(prog, ins, None)
                for i, (w, o) in enumerate(zip(want, as_list(fn(*ins)))):
                    check(close(w, o), f"{prog} torch.compile T={T} out{i}")

        if dry:
            continue
        torch.cuda.synchronize()

        # CUDA graph: the custom op captured, replayed on new inputs
        T = 64
        ins = inputs(prog, T, rank, 5)
        op(*ins)  # loads the kernels before the capture
        torch.cuda.synchronize()
        cg = torch.cuda.CUDAGraph()
        with torch.cuda.graph(cg):
            outs = as_list(op(*ins))
        fresh = inputs(prog, T, rank, 6)
        for x, y in zip(ins, fresh):
            if torch.is_tensor(x):
                x.copy_(y)
        cg.replay()
        torch.cuda.synchronize()
        want = reference(prog, fresh, None)
        for i, (w, o) in enumerate(zip(want, outs)):
            check(close(w, o), f"{prog} CUDA graph replay out{i}")

    if dry:
        return finish(rank, dev, passed, failed)
    # a group PyTorch made lazily (no device_id): set_comm creates its communicator
    group = dist.new_group(list(range(world)))
    backend = group._get_backend(torch.device("cuda", local))
    print(f"[rank {rank}] new_group's communicator before set_comm: {backend._comm_ptr():#x}",
          flush=True)
    lazy = sinter.compile(os.path.join(ROOT, "tests", "tp", "tp_qk_norm.sn")).tp_qk_norm
    lazy.set_comm(group)
    raw = sinter.compile(os.path.join(ROOT, "tests", "tp", "tp_qk_norm.sn")).tp_qk_norm
    raw.library.load_device()  # loaded first: set_comm then goes to the loaded graph
    raw.set_comm(backend._comm_ptr())
    check(None if backend._comm_ptr() != 0 and raw.comm == backend._comm_ptr() else "no pointer",
          "set_comm(lazy group) created its communicator")
    for what, gg in (("lazy group", lazy), ("raw int", raw)):
        ins = inputs("tp_qk_norm", 333, rank, 9)
        want = reference("tp_qk_norm", ins, group)
        for i, (w, o) in enumerate(zip(want, as_list(gg(*ins)))):
            check(close(w, o), f"tp_qk_norm {what} out{i}")

    torch.cuda.synchronize()
    return finish(rank, dev, passed, failed)


def finish(rank, dev, passed, failed):
    counts = torch.tensor([passed, failed], device=dev)
    dist.all_reduce(counts)
    print(f"[rank {rank}] {passed} passed, {failed} failed"
          + (f"; all ranks: {counts[0].item()} passed, {counts[1].item()} failed"
             if rank == 0 else ""), flush=True)
    dist.destroy_process_group()
    return int(counts[1].item())


def simulated(prog, g, T, ins, got, rank, world, check):
    """Rank 0: every rank's outputs against Graph.run_world on the CPU."""
    def pack(x):  # as bytes: PyTorch cannot unpickle float8 tensors
        return (x.cpu().contiguous().view(torch.uint8), x.dtype) if torch.is_tensor(x) else x

    def unpack(x):
        return x[0].view(x[1]) if isinstance(x, tuple) else x
    mine = ([pack(x) for x in ins], [pack(o) for o in got])
    everyone = [None] * world if rank == 0 else None
    dist.gather_object(mine, everyone, dst=0)
    if rank != 0:
        return
    everyone = [([unpack(x) for x in i], [unpack(o) for o in o]) for i, o in everyone]
    sim = g.run_world([everyone[r][0] for r in range(world)])
    for r in range(world):
        for o, (s, x) in enumerate(zip(as_list(sim[r]), everyone[r][1])):
            why = close(s, x)
            ndiff = (s.view(torch.uint8) != x.view(torch.uint8)).sum().item() if s.shape == x.shape \
                else -1
            check(why, f"{prog} T={T} rank {r} out{o} vs run_world({world}) "
                       f"({ndiff} bytes of {s.numel() * s.element_size()} differ)")


def spawned(local, world, port, args):
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    if worker(local, world, local, args):
        sys.exit(1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--nproc", type=int, default=1,
                   help="processes (GPUs) to spawn when not run by torchrun (default 1)")
    p.add_argument("--no-compile", action="store_true", help="skip the torch.compile check")
    p.add_argument("--cpu-dry-run", action="store_true",
                   help="the script's logic on CPU tensors (Gloo, one rank, no communicator, "
                        "no CUDA graph): a check of the script itself, not of NCCL")
    args = p.parse_args()
    global DEVICE
    if args.cpu_dry_run:
        DEVICE = "cpu"
        if args.nproc != 1 or "RANK" in os.environ:
            print("--cpu-dry-run runs one rank")
            return 2
    elif not torch.cuda.is_available():
        print("no CUDA device: skipped")
        return 77
    if "RANK" in os.environ:  # torchrun
        return 1 if worker(int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"]),
                           int(os.environ.get("LOCAL_RANK", 0)), args) else 0
    if not args.cpu_dry_run and torch.cuda.device_count() < args.nproc:
        print(f"--nproc {args.nproc} but {torch.cuda.device_count()} GPU(s) visible: skipped")
        return 77
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    if args.nproc == 1:
        os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
        return 1 if worker(0, 1, 0, args) else 0
    import torch.multiprocessing as mp
    try:
        mp.spawn(spawned, args=(args.nproc, port, args), nprocs=args.nproc, join=True)
    except mp.ProcessRaisedException as e:
        print(e)
        return 1
    except mp.ProcessExitedException as e:
        print(e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
