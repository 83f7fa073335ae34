"""Tests of the Python package against the meson build in-tree: the package
is imported from $SINTER_BUILD_DIR/python (default: build/python), where
`ninja -C build` puts the extension and copies of the Python modules, so no
`pip install` is needed."""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("SINTER_BUILD_DIR", os.path.join(ROOT, "build"))
sys.path.insert(0, os.path.join(BUILD, "python"))


class FakeCuda:
    """A NumPy array presented through __cuda_array_interface__, so that
    sinter takes it for a CUDA tensor (it never reaches a kernel here)."""

    def __init__(self, a):
        self.a = a
        self.__cuda_array_interface__ = {
            "shape": a.shape, "typestr": a.dtype.str, "data": (a.ctypes.data, False),
            "strides": a.strides, "version": 3}
