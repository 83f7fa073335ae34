#!/usr/bin/env python3
"""check_spills.py - the generated CUDA of some examples compiles for sm_90
without a stack frame or spill stores.

usage: check_spills.py SINTER EXAMPLE.sn...

For each example: `sinter dump EXAMPLE --stage cuda --arch sm_90`, then a
compile to an sm_90 cubin with ptxas's report (-v), by nvcc (-Xptxas -v) if
one is found ($NVCC, nvcc on PATH, /usr/local/cuda/bin/nvcc), else by NVRTC
(libnvrtc loaded with ctypes, --ptxas-options=-v; its log carries the same
report).  Every kernel function the report names must have 0 bytes of stack
frame, spill stores and spill loads; a report naming no function fails.
Prints one line per function (registers, stack, spills) and "N passed, M
failed"; exits 1 on a failure, 77 (meson: skip) with the reason when
neither compiler can be used.  A row program whose row does not fit the
registers must stream it (passes/plan.c, plan_stream): the 256,000-wide
examples/logit_softcap.sn held 63 runs' loads per phase before and spilled
4.3 KB per thread.  Standard library only.
"""
import ctypes
import ctypes.util
import os
import re
import shutil
import subprocess
import sys
import tempfile

ARCH = "sm_90"
SKIP = 77


def find_nvcc():
    for cand in (os.environ.get("NVCC"), shutil.which("nvcc"), "/usr/local/cuda/bin/nvcc"):
        if cand and os.path.isfile(cand) and os.access(cand, os.X_OK):
            return cand
    return None


def load_nvrtc():
    names = [ctypes.util.find_library("nvrtc")]
    for d in ("/usr/local/cuda/lib64", "/usr/local/cuda/targets/x86_64-linux/lib"):
        names += [os.path.join(d, "libnvrtc.so" + v) for v in ("", ".13", ".12")]
    names += ["libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so"]
    for n in names:
        if not n:
            continue
        try:
            return ctypes.CDLL(n)
        except OSError:
            continue
    return None


def report_nvcc(nvcc, src, work):
    cu = os.path.join(work, "k.cu")
    with open(cu, "w") as f:
        f.write(src)
    r = subprocess.run([nvcc, "-arch=" + ARCH, "-cubin", "-Xptxas", "-v", "-o",
                        os.path.join(work, "k.cubin"), cu], capture_output=True, text=True)
    if r.returncode:
        return None, "nvcc failed:\n" + r.stdout + r.stderr
    return r.stdout + r.stderr, None


def report_nvrtc(lib, src):
    prog = ctypes.c_void_p()
    if lib.nvrtcCreateProgram(ctypes.byref(prog), src.encode(), b"k.cu", 0, None, None):
        return None, "nvrtcCreateProgram failed"
    opts = [b"--gpu-architecture=" + ARCH.encode(), b"--ptxas-options=-v"]
    arr = (ctypes.c_char_p * len(opts))(*opts)
    rc = lib.nvrtcCompileProgram(prog, len(opts), arr)
    size = ctypes.c_size_t()
    lib.nvrtcGetProgramLogSize(prog, ctypes.byref(size))
    buf = ctypes.create_string_buffer(size.value + 1)
    lib.nvrtcGetProgramLog(prog, buf)
    lib.nvrtcDestroyProgram(ctypes.byref(prog))
    log = buf.value.decode(errors="replace")
    if rc:
        return None, "NVRTC failed (%d):\n%s" % (rc, log)
    return log, None


def parse(report):
    """{function: (registers, stack, spill stores, spill loads)} from
    ptxas's -v report."""
    funcs, cur = {}, None
    for line in report.splitlines():
        m = re.search(r"Compiling entry function '([^']+)'", line)
        if m:
            cur = m.group(1)
            funcs[cur] = [None, None, None, None]
            continue
        if cur is None:
            continue
        m = re.search(r"(\d+) bytes stack frame, (\d+) bytes spill stores, (\d+) bytes spill loads",
                      line)
        if m:
            funcs[cur][1:4] = [int(g) for g in m.groups()]
        m = re.search(r"Used (\d+) registers", line)
        if m:
            funcs[cur][0] = int(m.group(1))
    return funcs


def main(argv):
    if len(argv) < 3:
        print("usage: check_spills.py SINTER EXAMPLE.sn...", file=sys.stderr)
        return 2
    sinter, examples = argv[1], argv[2:]
    nvcc = find_nvcc()
    nvrtc = None if nvcc else load_nvrtc()
    if not nvcc and not nvrtc:
        print("SKIP: neither nvcc ($NVCC, PATH, /usr/local/cuda/bin/nvcc) nor libnvrtc is "
              "available to report ptxas's register use")
        return SKIP
    print("# compiler: %s" % (nvcc or "NVRTC (--ptxas-options=-v)"))
    npass = nfail = 0
    with tempfile.TemporaryDirectory(prefix="sinter-spills-") as work:
        for ex in examples:
            name = os.path.splitext(os.path.basename(ex))[0]
            r = subprocess.run([sinter, "dump", ex, "--stage", "cuda", "--arch", ARCH],
                               capture_output=True, text=True)
            if r.returncode:
                print("FAIL %s: sinter dump failed:\n%s" % (name, r.stderr))
                nfail += 1
                continue
            report, err = report_nvcc(nvcc, r.stdout, work) if nvcc else report_nvrtc(nvrtc,
                                                                                      r.stdout)
            funcs = parse(report) if report else {}
            if err or not funcs:
                print("FAIL %s: %s" % (name, err or "ptxas reported no function:\n" + report))
                nfail += 1
                continue
            for fn, (regs, stack, st, ld) in sorted(funcs.items()):
                ok = stack == 0 and st == 0 and ld == 0
                print("%s %s %-32s %s registers, %s bytes stack frame, %s bytes spill stores, "
                      "%s bytes spill loads" % ("PASS" if ok else "FAIL", ARCH, fn, regs, stack,
                                                st, ld))
                npass += ok
                nfail += not ok
    print("%d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
