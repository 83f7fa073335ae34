"""bench/layer.py on the CPU (skipped without PyTorch): its --dry-run (the
Llama-3-8B layer with sinter's chains on the kernel-IR executor against the
eager PyTorch layer) passes, its checks catch a wrong chain, and its
argument errors are refused before anything runs."""
import os
import sys

import pytest

torch = pytest.importorskip("torch")

from conftest import ROOT  # noqa: E402

sys.path.insert(0, os.path.join(ROOT, "bench"))
import layer  # noqa: E402


def test_dry_run_passes(capsys):
    assert layer.main(["--dry-run", "--tokens", "1"]) == 0
    out = capsys.readouterr().out
    assert "T=  1 sinter" in out and "0 mismatches" in out


@pytest.fixture(scope="module")
def setup():
    gen = torch.Generator().manual_seed(1)
    p = layer.Params("cpu", gen, True)
    return p, layer.make_inputs(3, "cpu", gen)


def run_checked(ch, setup):
    p, x = setup
    check = {}
    layer.layer(ch, p, x["x"].clone(), x["residual"].clone(), x["positions"], x["cache"],
                layer.down_dequant, check)
    return check


def test_the_check_catches_a_wrong_chain(setup):
    """Eager against itself agrees; a QK chain that rounds where the fused
    one does not, and a SiLU chain with wrong scales, are caught."""
    assert max(run_checked(layer.EAGER, setup).values()) == 0.0
    rounded = layer.Chains("x", layer.add_rms_fp8, layer.qk_norm_then_rope,
                           layer.silu_fp8_group)
    assert run_checked(rounded, setup)["QK-norm+RoPE"] > 1e-3

    def bad_act(gu):
        q, s = layer.silu_fp8_group(gu)
        return q, s * 1.5
    wrong = layer.Chains("x", layer.add_rms_fp8, layer.qk_norm_rope, bad_act)
    assert run_checked(wrong, setup)["SiLU-mul+group FP8"] > 0.5


@pytest.mark.parametrize("args", [["--dry-run", "--columns", "flashinfer"],
                                  ["--dry-run", "--columns", "nosuch"],
                                  ["--dry-run", "--tokens", "0"]])
def test_bad_arguments(args):
    with pytest.raises(SystemExit) as e:
        layer.main(args)
    assert e.value.code == 2
