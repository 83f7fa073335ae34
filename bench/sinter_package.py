"""sinter_package.py - where the benchmarks find the `sinter` package (no
PyTorch needed to import this)."""
import os
import sys


def package_dir(lib=None):
    """The folder holding the `sinter` package for this Python: $SINTER_BUILD_DIR's,
    else the build of --lib (BUILD/runtime/libsinter.so, for bench/ab.sh's
    other checkout), else build/: BUILD/py-VER/python (bench/pyext_for.sh's,
    for a Python other than the build's), else BUILD/python (meson's)."""
    build = os.environ.get("SINTER_BUILD_DIR") if lib is None else \
        os.path.dirname(os.path.dirname(os.path.abspath(lib)))
    build = build or "build"
    ver = "%d.%d" % sys.version_info[:2]
    for d in (os.path.join(build, "py-" + ver, "python"), os.path.join(build, "python")):
        if os.path.isdir(os.path.join(d, "sinter")):
            return d
    raise SystemExit(f"no sinter package for Python {ver} under {build} "
                     f"(build it: bench/pyext_for.sh {sys.executable} {build})")


def import_sinter(lib=None):
    """The package of package_dir(lib), imported (once per process)."""
    d = package_dir(lib)
    if "sinter" not in sys.modules:
        sys.path.insert(0, d)
    import sinter
    return sinter
