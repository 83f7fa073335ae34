#!/usr/bin/env python3
"""check_examples.py - check the reference interpreter against NumPy.

usage: check_examples.py SINTER [EXAMPLES_DIR]

For every examples/*.sn at T in {1, 3, 64, 1000} (TS_OF names other sizes for an
example too large for T = 1000): write the inputs as .npy
(random float32 values with full f32 precision, so that rounding to bf16 on
load is exercised, plus a few special rows: zeros, large values that
saturate FP8, exact bf16 ties; valid gather indices for integer params),
run `sinter ref ... --output-dir` (and `--raw` for T <= 64), and compare
with an independent NumPy implementation of the same chain written from the
language reference (LANGUAGE.md, docs/language.md) and compiler/stdlib.sn:

  * arithmetic in f32, op by op, as written in the standard library (NumPy's
    f32 + - * / sqrt are IEEE, like C's); means accumulate in f64 and round
    once; max/min propagate NaN;
  * inputs are rounded once to their declared dtype (our own exact
    round-to-nearest-even below, not the interpreter's);
  * values are rounded only by `to`, by the library functions whose names
    say so (the *_hf forms) and when outputs are stored; a library result
    whose arithmetic was promoted (bf16 x with f32 w or cos) keeps its
    unrounded f32 value under x's dtype.

Tolerances (after rounding our result to the output dtype): bf16 outputs
within one bf16 step (a value next to a rounding boundary may round the
other way); f8 outputs equal in >= 99.5% of elements and the rest one f8
step away; f32 outputs (scales) relative 1e-5; f4e2m1 like the f8 types
(one code); f8e8m0 block scales and i32 (packed scale words) exactly.  The --raw output's bits must
equal our encoding of the widened output, exactly (checked at T <= 64 only:
the writer does not depend on T, and the T = 1000 runs dominate the time).

The microscaling examples' references transcribe the engines' kernels
(TRT-LLM's cvt_warp_fp16_to_mxfp8, aiter's _mxfp4_quant_op, vLLM's
cvt_warp_fp16_to_fp4 and per_token_group_quant_8bit, the 128x4 scale
offset) with our own f4e2m1 and e8m0 encoders, not the library's text.

A "library" case checks the standard library's rounding points bit for bit
on mixed dtypes (the HF forms, RoPE with an f32 cos/sin cache feeding FP8,
rms_norm with an f32 weight), with means summed in the interpreter's order.

A first case checks the conversions themselves on edge values (464 -> 448,
anything rounding past 448 -> NaN, subnormals, ties, inf/NaN) through a
small graph of `to(x, ...)`, and bf16 input rounding of random bit patterns.

Prints one line per case and "N passed, M failed"; exits 1 on any failure,
77 (skip) when NumPy is missing.  Standard library + NumPy only.
"""
import concurrent.futures
import glob
import os
import subprocess
import sys
import tempfile
import time

try:
    import numpy as np
except ImportError:
    print("SKIP: numpy is not importable")
    sys.exit(77)

F = np.float32
TS = (1, 3, 64, 1000)
RAW_MAX_T = 64
FP8_MAX = 448.0

# --------------------------------------------------------------- conversions


def bf16_bits(x):
    """f32 values -> bf16 codes (uint16), round to nearest even, exact.
    NaN -> 0x7FC0 (as c10 does), overflow -> +-inf."""
    x = np.asarray(x, F)
    u = x.view(np.uint32)
    r = ((u + np.uint32(0x7FFF) + ((u >> 16) & 1)) >> 16).astype(np.uint16)  # wraps only for NaN
    r[np.isnan(x)] = 0x7FC0
    return r


def bf16_value(bits):
    return (np.asarray(bits, np.uint16).astype(np.uint32) << 16).view(F)


def to_bf16(x):
    return bf16_value(bf16_bits(x))


def f8e4m3_bits(x):
    """f32 values -> OCP f8e4m3fn codes (uint8), round to nearest even,
    exact: subnormals in steps of 2^-9, 464 -> 448, anything that rounds
    past 448 (and +-inf, NaN) -> NaN 0x7F with the input's sign.

    Normal range (|x| >= 2^-6): round the f32 bits to 3 mantissa bits
    (ties to even) and rebias the exponent (127 -> 7).  Below: the value
    in units of 2^-9, rounded half to even (x * 512 is exact)."""
    x = np.asarray(x, F)
    u = x.view(np.uint32) & np.uint32(0x7FFFFFFF)
    top = (u + np.uint32(0x7FFFF) + ((u >> 20) & 1)) >> 20   # exponent:3 mantissa bits
    normal = top.astype(np.int64) - (120 << 3)
    with np.errstate(invalid="ignore", over="ignore"):
        sub = np.rint(np.abs(x) * F(512)).astype(np.int64)  # 0..8 where used
    code = np.where(u >= np.uint32(0x3C800000), normal, sub)   # 0x3C800000 = 2^-6
    code = np.where((u > np.uint32(0x7F800000 - 1)) | (code > 0x7E), 0x7F, code)
    return code.astype(np.uint8) | (np.signbit(x).astype(np.uint8) << 7)


def _f8_table():
    c = np.arange(256)
    mag, ex, mant = c & 0x7F, (c & 0x7F) >> 3, (c & 7).astype(np.float64)
    v = np.where(ex == 0, mant * 2.0 ** -9, np.ldexp(8 + mant, ex - 10))
    v = np.where(mag == 0x7F, np.nan, v)
    return np.where(c & 0x80, -v, v).astype(F)


F8_VALUES = _f8_table()


def f8e4m3_value(bits):
    return F8_VALUES[np.asarray(bits, np.uint8)]


def to_f8(x):
    return f8e4m3_value(f8e4m3_bits(x))


# f4e2m1: the values of codes 0..7; a magnitude rounds to nearest, ties to
# the even code, and everything from 5 up (inf, NaN too) saturates at 6.
F4_VALUES = np.array([0, 0.5, 1, 1.5, 2, 3, 4, 6, -0.0, -0.5, -1, -1.5, -2, -3, -4, -6], F)


def f4e2m1_bits(x):
    """f32 values -> f4e2m1 codes (uint8, 0..15), exact (ties to even).  The thresholds
    are the midpoints between neighbours; at a tie `>` keeps the lower
    (even) code, `>=` takes the upper (even) one."""
    x = np.asarray(x, F)
    a = np.abs(x)
    code = ((a > 0.25).astype(np.uint8) + (a >= 0.75) + (a > 1.25) + (a >= 1.75) +
            (a > 2.5) + (a >= 3.5) + (a > 5.0))
    code = np.where(np.isnan(x), 7, code).astype(np.uint8)
    return code | (np.signbit(x).astype(np.uint8) << 3)


def f4e2m1_value(bits):
    return F4_VALUES[np.asarray(bits, np.uint8)]


def pack_f4(codes):
    """Two codes per byte along the last dim, element 2i in the low nibble."""
    c = np.asarray(codes, np.uint8)
    return (c[..., 0::2] | (c[..., 1::2] << 4)).astype(np.uint8)


def e8m0_bits(x):
    """Exact powers of two 2^-127 .. 2^127 -> their f8e8m0 codes; anything
    else (NaN, non-powers) -> 0xFF, so that a wrong value cannot match."""
    x = np.asarray(x, np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        e = np.log2(x)
    ok = np.isfinite(e) & (e == np.floor(e)) & (e >= -127) & (e <= 127)
    return np.where(ok, np.where(ok, e, 0) + 127, 255).astype(np.uint8)


def e8m0_value(bits):
    b = np.asarray(bits, np.uint8).astype(np.float64)
    return np.where(b == 255, np.nan, np.exp2(b - 127)).astype(F)


def pow2_ceil(r):
    """The smallest power of two >= r > 0 as f32 (2^-127 for r <= 2^-127),
    NVIDIA's cvt.rp.satfinite.ue8m0 of a finite positive value below 2^127."""
    r = np.asarray(r, np.float64)
    m, e = np.frexp(r)                       # r = m * 2^e, m in [0.5, 1)
    p = np.where(m == 0.5, e - 1, e)
    p = np.where(r > 0, p, -127)
    return np.exp2(np.maximum(p, -127)).astype(F)


def f8e4m3_bits_slow(x):
    """The same rounding by another route (f64 arithmetic), for the self-test."""
    x = np.asarray(x, F)
    finite = np.isfinite(x)
    a = np.where(finite, np.abs(x), F(0)).astype(np.float64)
    _, e = np.frexp(a)                                   # a = m * 2^e, m in [0.5, 1)
    quantum = np.ldexp(1.0, np.maximum(e - 1, -6) - 3)   # 3 mantissa bits, subnormals 2^-9
    r = np.rint(a / quantum) * quantum
    m2, e2 = np.frexp(r)
    code = np.where(r >= 2.0 ** -6, (e2 - 1 + 7) * 8 + (m2 * 16 - 8), r * 512)
    code = np.where(finite & (r <= FP8_MAX), code, 0x7F).astype(np.uint8)
    return code | (np.signbit(x).astype(np.uint8) << 7)


def ordinal(bits, width):
    """Sign-magnitude codes -> integers ordered like the values (+0 = -0)."""
    b = np.asarray(bits).astype(np.int32)
    sign = 1 << (width - 1)
    return np.where(b & sign, -(b & (sign - 1)), b)


def selftest_conversions():
    """Known answers, so a wrong converter here cannot hide a wrong one in
    the interpreter."""
    cases = [(448.0, 0x7E), (464.0, 0x7E), (np.nextafter(F(464), F(500)), 0x7F),
             (480.0, 0x7F), (-464.0, 0xFE), (-465.0, 0xFF), (1e30, 0x7F),
             (np.inf, 0x7F), (-np.inf, 0xFF), (0.0, 0x00), (-0.0, 0x80),
             (2.0 ** -9, 0x01), (2.0 ** -10, 0x00), (3 * 2.0 ** -10, 0x02),
             (5 * 2.0 ** -10, 0x02), (2.0 ** -6, 0x08), (7 * 2.0 ** -9, 0x07),
             (15 * 2.0 ** -10, 0x08), (1.0, 0x38), (1.0625, 0x38), (1.1875, 0x3A),
             (240.0, 0x77), (-3.0, 0xC4), (0.1, 0x1D)]
    got = f8e4m3_bits(np.array([c[0] for c in cases], F))
    for (v, want), g in zip(cases, got):
        assert g == want, "f8e4m3(%r) = %#x, want %#x" % (v, g, want)
    rng = np.random.default_rng(3)
    r = np.concatenate([rng.integers(0, 2 ** 32, 200000, dtype=np.uint64).astype(np.uint32).view(F),
                        (rng.standard_normal(200000) * 10.0 ** rng.integers(-4, 3, 200000)).astype(F)])
    assert (f8e4m3_bits(r) == f8e4m3_bits_slow(r)).all(), "f8 converters disagree"
    back = f8e4m3_value(np.arange(256, dtype=np.uint8))
    codes = np.arange(256)
    ok = (codes & 0x7F) != 0x7F
    assert (f8e4m3_bits(back[ok]) == codes[ok]).all(), "f8 decode/encode round trip"
    fcases = [(0.25, 0x0), (0.2501, 0x1), (0.75, 0x2), (1.25, 0x2), (1.75, 0x4), (2.5, 0x4),
              (2.51, 0x5), (3.5, 0x6), (5.0, 0x6), (5.01, 0x7), (7.0, 0x7), (1e30, 0x7),
              (np.inf, 0x7), (-np.inf, 0xF), (-0.0, 0x8), (-1.5, 0xB), (np.nan, 0x7)]
    got = f4e2m1_bits(np.array([c[0] for c in fcases], F))
    for (v, want), g in zip(fcases, got):
        assert g == want, "f4e2m1(%r) = %#x, want %#x" % (v, g, want)
    assert (f4e2m1_bits(F4_VALUES) == np.arange(16)).all(), "f4 decode/encode round trip"
    assert (e8m0_bits(e8m0_value(np.arange(255))) == np.arange(255)).all(), "e8m0 round trip"
    assert (pow2_ceil(np.array([0.0, 1.0, 1.0000001, 2.0 ** -130, 3.0], F)) ==
            np.array([2.0 ** -127, 1.0, 2.0, 2.0 ** -127, 4.0], F)).all(), "pow2_ceil"
    bcases = [(1.0, 0x3F80), (1.00390625, 0x3F80), (1.01171875, 0x3F82),
              (np.float32(3.4e38), 0x7F80), (-np.inf, 0xFF80), (np.nan, 0x7FC0),
              (2.0 ** -133, 0x0001), (-0.0, 0x8000)]
    got = bf16_bits(np.array([c[0] for c in bcases], F))
    for (v, want), g in zip(bcases, got):
        assert g == want, "bf16(%r) = %#x, want %#x" % (v, g, want)


# ----------------------------------------------------- the language in NumPy


def mean_last(x):
    """mean(x, dim=-1, keepdim=true): f64 accumulation, rounded once."""
    return (x.astype(np.float64).sum(axis=-1, keepdims=True) / x.shape[-1]).astype(F)


def amax_last(x):
    return np.max(x, axis=-1, keepdims=True)  # propagates NaN


def mean_last_seq(x):
    """The same, summed in row-major order like the interpreter (cumsum is
    sequential), so that results can be compared bit for bit."""
    return (np.cumsum(x.astype(np.float64), axis=-1)[..., -1:] / x.shape[-1]).astype(F)


def rsqrt(x):
    return F(1) / np.sqrt(x)


def clamp(x, lo, hi):
    return np.minimum(np.maximum(x, F(lo)), F(hi))  # NaN-propagating


def sigmoid(x):
    with np.errstate(over="ignore"):
        return F(1) / (F(1) + np.exp(-x))


def rms_norm(x, w, eps, mean=mean_last):
    """FlashInfer's form: f32 throughout, rounded only where stored."""
    return x * rsqrt(mean(x * x) + F(eps)) * w


def rms_norm_hf(x, w, eps, w_bf16=True, mean=mean_last):
    """HF's LlamaRMSNorm (bf16 x): x * rsqrt(...) rounded to bf16 before the
    weight; the product rounded to its promoted dtype (bf16 for a bf16 w)."""
    n = to_bf16(x * rsqrt(mean(x * x) + F(eps)))
    return to_bf16(n * w) if w_bf16 else n * w


def gemma_rms_norm(x, w, eps, mean=mean_last):
    return x * rsqrt(mean(x * x) + F(eps)) * (w + F(1))


def gemma_rms_norm_hf(x, w, eps, mean=mean_last):
    """HF's Gemma3RMSNorm: the same f32 arithmetic, rounded to x's dtype."""
    return to_bf16(gemma_rms_norm(x, w, eps, mean))


def layer_norm(x, w, b, eps):
    mu = mean_last(x)
    d = x - mu
    var = mean_last(d * d)
    return d * rsqrt(var + F(eps)) * w + b


def silu_mul(x):
    n = x.shape[-1] // 2
    a, b = x[..., :n], x[..., n:]
    return a * sigmoid(a) * b


def quant_fp8(x, scale):
    return clamp(x / scale, -FP8_MAX, FP8_MAX)      # rounded to f8 as an output


def quant_fp8_per_token(x, eps=1e-10):
    s = np.maximum(amax_last(np.abs(x)), F(eps)) / F(FP8_MAX)
    return clamp(x / s, -FP8_MAX, FP8_MAX), s


def quant_fp8_per_group(x, group, eps=1e-10):
    g = x.reshape(x.shape[:-1] + (x.shape[-1] // group, group))
    s = np.maximum(amax_last(np.abs(g)), F(eps)) / F(FP8_MAX)
    q = clamp(g / s, -FP8_MAX, FP8_MAX)
    return q.reshape(x.shape), s[..., 0]


def rope_gptj(x, cos, sin):
    """Interleaved pairs; bf16 x times f32 cos promotes to f32, and the
    library only relabels the result bf16: nothing is rounded before it is
    stored or quantized."""
    x1, x2 = x[..., 0::2], x[..., 1::2]
    r = np.empty(x.shape, F)
    r[..., 0::2] = x1 * cos - x2 * sin
    r[..., 1::2] = x2 * cos + x1 * sin
    return r


def rope_neox(x, cos, sin):
    n = x.shape[-1] // 2
    x1, x2 = x[..., :n], x[..., n:]
    return np.concatenate([x1 * cos - x2 * sin, x2 * cos + x1 * sin], axis=-1)


def exp32(x):
    """expf as the interpreter computes it (glibc's expf is correctly rounded
    on these arguments): exp in f64, rounded once to f32."""
    with np.errstate(over="ignore"):
        return np.exp(np.asarray(x, np.float64)).astype(F)


def topk_ref(x, k):
    """topk over the last dim: largest first, ties to the lower index, NaN
    above everything (docs/language.md, "Selection"): a stable sort on the
    key (not NaN, -x)."""
    order = np.lexsort((-x, ~np.isnan(x)), axis=-1)[..., :k]  # last key is primary
    return np.take_along_axis(x, order, -1), order.astype(np.int32)


def seq_sum_last(v):
    """The k selected values added left to right in f32."""
    s = v[..., 0:1].astype(F)
    for j in range(1, v.shape[-1]):
        s = (s + v[..., j:j + 1]).astype(F)
    return s


def ref_topk_softmax(gating_output):
    x = gating_output.astype(F)
    e = exp32(x - x.max(axis=-1, keepdims=True))
    s = np.sum(e.astype(np.float64), axis=-1, keepdims=True).astype(F)
    p = e * (F(1) / s)
    w, ids = topk_ref(p, 8)
    t = x.shape[0]
    tei = (np.arange(8)[None, :] * t + np.arange(t)[:, None]).astype(np.int32)
    return [w / seq_sum_last(w), ids, tei]


def ref_logit_softcap(logits, temperature):
    """Gemma 2's soft-capping (cap 30) in f32, tanh correctly rounded (f64,
    rounded once), stored as bf16; the sampler's temperature division and
    softmax in f32 over the unrounded capped values."""
    x = logits.astype(F)
    t = np.tanh((x / F(30.0)).astype(np.float64)).astype(F)
    c = (t * F(30.0)).astype(F)
    z = (c / temperature.astype(F)[:, None]).astype(F)
    e = exp32(z - z.max(axis=-1, keepdims=True))
    s = np.sum(e.astype(np.float64), axis=-1, keepdims=True).astype(F)
    return [c, e / s]


def ref_moe_fused_gate(gating_output, bias):
    t = gating_output.shape[0]
    s = F(1) / (F(1) + exp32(-gating_output.astype(F)))
    b = s + bias.astype(F)
    top2, _ = topk_ref(b.reshape(t, 8, 32), 2)
    gs = top2[..., 0] + top2[..., 1]                        # [t, 8]
    _, groups = topk_ref(gs, 4)                             # ties to the lower group
    chosen = np.zeros((t, 8), bool)
    np.put_along_axis(chosen, groups.astype(np.int64), True, -1)
    masked = np.where(np.repeat(chosen, 32, axis=1), b, F(-np.inf))
    _, ids = topk_ref(masked, 8)
    w = np.take_along_axis(s, ids.astype(np.int64), -1)
    return [w / seq_sum_last(w) * F(2.5), ids]


def blocks(x, n):
    return x.reshape(x.shape[:-1] + (x.shape[-1] // n, n))


def quant_mxfp8(x):
    """TRT-LLM's cvt_warp_fp16_to_mxfp8: sf = e8m0 of amax * f32(1/448)
    rounded up; values e4m3(satfinite(x * 2^-e)) (x / sf is the same)."""
    g = blocks(x, 32)
    s = pow2_ceil(amax_last(np.abs(g)) * F(1.0 / 448.0))
    return clamp(g / s, -FP8_MAX, FP8_MAX).reshape(x.shape), s[..., 0]


def quant_mxfp4(x):
    """aiter's dynamic_mxfp4_quant, written after its Triton kernel: amax's
    f32 bits + 0x200000, masked by 0xFF800000; scale exponent
    clamp(floor(log2) - 2, -127, 127); values x * 2^-exponent."""
    g = blocks(x, 32)
    a = amax_last(np.abs(g)).astype(F)
    r = ((a.view(np.int32).astype(np.int64) + 0x200000) & 0xFF800000).astype(np.uint32).view(F)
    with np.errstate(divide="ignore"):
        e = np.clip(np.floor(np.log2(r.astype(np.float64))) - 2, -127, 127)
    q = g * np.exp2(-e).astype(F)            # exact: a power of two in f32 range
    return q.reshape(x.shape), np.exp2(e).astype(F)[..., 0]


def quant_nvfp4(x, gs):
    """vLLM's cvt_warp_fp16_to_fp4 with IEEE reciprocals: SF = fp8(satfinite(
    gs * (amax * f32(1/6)))); values x * (1 / (SF * (1 / gs))), 0 where SF is
    0."""
    g = blocks(x, 16)
    gs = F(gs)
    sf = to_f8(np.minimum(gs * (amax_last(np.abs(g)) * F(1.0 / 6.0)), F(448)))
    with np.errstate(divide="ignore"):
        inv = np.where(sf != 0, F(1) / (sf * (F(1) / gs)), F(0)).astype(F)
    return (g * inv).reshape(x.shape), sf[..., 0]


def swizzle_128x4(buf, sf):
    """buf (the old [Mt, Kt, 32, 4, 4] contents) with row m, column k of sf
    at [m / 128, k / 4, m % 32, (m / 32) % 4, k % 4] (TRT-LLM's
    cvt_quant_to_fp4_get_sf_out_offset)."""
    out = buf.copy()
    m = np.arange(sf.shape[0])[:, None]
    k = np.arange(sf.shape[1])[None, :]
    out[m // 128, k // 4, m % 32, (m // 32) % 4, k % 4] = sf
    return out


def ue8m0_group(x, group, eps=1e-10):
    """vLLM's per_token_group_quant_8bit with scale_ue8m0 (its register
    kernel's bit form): y = max(max(eps, amax) / 448, 1e-10); the exponent
    field plus one if the mantissa is not zero; values clamp(x / y)."""
    g = blocks(x, group)
    y = np.maximum(np.maximum(F(eps), amax_last(np.abs(g))) / F(FP8_MAX), F(1e-10)).astype(F)
    b = y.view(np.uint32)
    e = ((b >> 23) & 0xFF) + ((b & 0x7FFFFF) != 0)
    y = (e << 23).astype(np.uint32).view(F)
    return clamp(g / y, -FP8_MAX, FP8_MAX).reshape(x.shape), e[..., 0].astype(np.uint32)


def ref_nvfp4_quant_swizzled(x, global_scale, sf):
    q, s = quant_nvfp4(x, global_scale)
    return [q, swizzle_128x4(sf, s)]


def ref_silu_mul_nvfp4(gate_up, global_scale, sf):
    q, s = quant_nvfp4(to_bf16(silu_mul(gate_up)), global_scale)
    return [q, swizzle_128x4(sf, s)]


def ref_mxfp8_quant(x):
    return list(quant_mxfp8(x))


def ref_mxfp4_quant(x):
    return list(quant_mxfp4(x))


def ref_fp8_group_ue8m0_deepgemm(x, sf):
    q, e = ue8m0_group(x, 128)
    w = blocks(e, 4)
    words = (w[..., 0] | (w[..., 1] << 8) | (w[..., 2] << 16) | (w[..., 3] << 24))
    out = sf.copy()
    out[:, :x.shape[0]] = words.astype(np.uint32).view(np.int32).T
    return [q, out]


def ref_dynamic_fp8_per_tensor(x):
    """vLLM's dynamic_scaled_fp8_quant: s = amax / 448 over the tensor, then
    x * (1 / s), clamped."""
    s = (np.max(np.abs(x)) / F(FP8_MAX)).astype(F)
    return [clamp(x * (F(1) / s), -FP8_MAX, FP8_MAX), s]


def ref_add_rms_norm_fp8(x, residual, w, scale):
    h = to_bf16(x + residual)
    y = rms_norm(h, w, 1e-5)
    return [quant_fp8(y, scale), h]


def ref_gemma_qk_norm(qkv, q_w, k_w):
    t = qkv.shape[0]
    q = qkv[:, 0:4096].reshape(t, 32, 128)
    k = qkv[:, 4096:5120].reshape(t, 8, 128)
    return [gemma_rms_norm(q, q_w, 1e-6), gemma_rms_norm(k, k_w, 1e-6)]


def ref_layer_norm(x, w, b):
    return [layer_norm(x, w, b, 1e-5)]


def ref_mla_rope_fp8(q, positions, cos_sin_cache, scale):
    q_nope, q_pe = q[:, :, 0:128], q[:, :, 128:192]
    cs = cos_sin_cache[positions]
    cos, sin = cs[:, None, 0:32], cs[:, None, 32:64]
    q_rot = rope_gptj(q_pe, cos, sin)
    return [quant_fp8(np.concatenate([q_nope, q_rot], axis=-1), scale)]


def ref_mla_rope_qk_fp8(q_pe, k_pe, q_nope, k_nope, positions, cos_sin_cache, q_scale,
                        kv_scale):
    """FlashInfer's RopeQuantize (NeoX halves), Q's 128 heads and the one
    shared K head rotated by the same per-token angles."""
    cs = cos_sin_cache[positions]
    cos, sin = cs[:, None, 0:32], cs[:, None, 32:64]
    return [quant_fp8(rope_neox(q_pe, cos, sin), q_scale),
            quant_fp8(rope_neox(k_pe, cos, sin), kv_scale),
            quant_fp8(q_nope, q_scale), quant_fp8(k_nope, kv_scale)]


def ref_qwen3_qk_norm(qkv, q_w, k_w):
    t = qkv.shape[0]
    q = qkv[:, 0:4096].reshape(t, 32, 128)
    k = qkv[:, 4096:5120].reshape(t, 8, 128)
    return [rms_norm(q, q_w, 1e-6), rms_norm(k, k_w, 1e-6)]


def ref_rms_norm_fp8_per_token(x, w):
    q, s = quant_fp8_per_token(rms_norm(x, w, 1e-6))
    return [q, s]


def ref_silu_mul_fp8_group(gate_up):
    q, s = quant_fp8_per_group(silu_mul(gate_up), 128)
    return [q, np.ascontiguousarray(s.T)]


def ref_fused_add_rms_norm_inplace(inp, residual, w):
    r = to_bf16(inp + residual)
    return [rms_norm(r, w, 1e-6), r]                  # -> input, -> residual


def neox_cs(cos_sin_cache, positions):
    cs = cos_sin_cache[positions]
    return cs[:, None, 0:64], cs[:, None, 64:128]


def ref_rope_inplace(query, key, positions, cos_sin_cache):
    cos, sin = neox_cs(cos_sin_cache, positions)
    return [to_bf16(rope_neox(query, cos, sin)), to_bf16(rope_neox(key, cos, sin))]


def ref_qk_norm_rope_inplace(qkv, q_w, k_w, positions, cos_sin_cache):
    t = qkv.shape[0]
    cos, sin = neox_cs(cos_sin_cache, positions)
    q = qkv[:, 0:4096].reshape(t, 32, 128)
    k = qkv[:, 4096:5120].reshape(t, 8, 128)
    out = qkv.copy()
    out[:, 0:4096] = to_bf16(rope_neox(rms_norm(q, q_w, 1e-6), cos, sin)).reshape(t, 4096)
    out[:, 4096:5120] = to_bf16(rope_neox(rms_norm(k, k_w, 1e-6), cos, sin)).reshape(t, 1024)
    return [out]


def ref_qk_norm_rope(qkv, q_w, k_w, positions, cos_sin_cache):
    out = ref_qk_norm_rope_inplace(qkv, q_w, k_w, positions, cos_sin_cache)[0]
    t = qkv.shape[0]
    return [out[:, 0:4096].reshape(t, 32, 128), out[:, 4096:5120].reshape(t, 8, 128)]


def scatter(cache, rows, slots):
    """cache with row slots[t] of its [rows, ...] view replaced by rows[t]
    (slots out of range skipped)."""
    out = cache.copy()
    flat = out.reshape((-1,) + rows.shape[1:])
    for t, s in enumerate(slots):
        if 0 <= s < flat.shape[0]:
            flat[s] = rows[t]
    return out


def ref_reshape_and_cache_fp8(key, value, key_cache, value_cache, slot_mapping, k_scale,
                              v_scale):
    return [scatter(key_cache, quant_fp8(key, k_scale), slot_mapping),
            scatter(value_cache, quant_fp8(value, v_scale), slot_mapping)]


def ref_rope_fp8_append_paged(q, k, v, positions, cos_sin_cache, slots, k_cache, v_cache,
                              q_scale, k_scale, v_scale):
    cos, sin = neox_cs(cos_sin_cache, positions)
    return [quant_fp8(rope_neox(q, cos, sin), q_scale),
            scatter(k_cache, quant_fp8(rope_neox(k, cos, sin), k_scale), slots),
            scatter(v_cache, quant_fp8(v, v_scale), slots)]


def ref_mla_rope_fp8_append_paged(q_rope, q_nope, k_rope, k_nope, positions, cos_sin_cache,
                                  slots, ckv_cache, kpe_cache, q_scale, kv_scale):
    cs = cos_sin_cache[positions]
    cos, sin = cs[:, 0:32], cs[:, 32:64]
    return [quant_fp8(rope_gptj(q_rope, cos[:, None], sin[:, None]), q_scale),
            quant_fp8(q_nope, q_scale),
            scatter(ckv_cache, quant_fp8(k_nope, kv_scale), slots),
            scatter(kpe_cache, quant_fp8(rope_gptj(k_rope, cos, sin), kv_scale), slots)]


# ------------------------------------------------------------------- inputs
# Each example: its parameters (name, kind, shape with 'T'), the output
# dtypes in return order, and the NumPy reference.  Kinds: 'x' activations,
# 'w' weights around 1, 'wo' offsets around 0, 'scale' / 'scale_q' static FP8
# scales (for normalised / raw values), 'pos' gather indices into 4096 rows,
# 'cache' a cos/sin cache.

EXAMPLES = {
    "add_rms_norm_fp8": ([("x", "x", ("T", 4096)), ("residual", "x", ("T", 4096)),
                          ("w", "w", (4096,)), ("scale", "scale", ())],
                         ["f8e4m3", "bf16"], ref_add_rms_norm_fp8),
    "gemma_qk_norm": ([("qkv", "x", ("T", 6144)), ("q_w", "wo", (128,)),
                       ("k_w", "wo", (128,))], ["bf16", "bf16"], ref_gemma_qk_norm),
    "layer_norm": ([("x", "x", ("T", 4096)), ("w", "w", (4096,)), ("b", "wo", (4096,))],
                   ["bf16"], ref_layer_norm),
    "mla_rope_fp8": ([("q", "x", ("T", 128, 192)), ("positions", "pos", ("T",)),
                      ("cos_sin_cache", "cache", (4096, 64)), ("scale", "scale_q", ())],
                     ["f8e4m3"], ref_mla_rope_fp8),
    "mla_rope_qk_fp8": ([("q_pe", "x", ("T", 128, 64)), ("k_pe", "x", ("T", 1, 64)),
                         ("q_nope", "x", ("T", 128, 512)), ("k_nope", "x", ("T", 1, 512)),
                         ("positions", "pos", ("T",)), ("cos_sin_cache", "cache", (4096, 64)),
                         ("q_scale", "scale_q", ()), ("kv_scale", "scale_q", ())],
                        ["f8e4m3", "f8e4m3", "f8e4m3", "f8e4m3"], ref_mla_rope_qk_fp8),
    "qwen3_qk_norm": ([("qkv", "x", ("T", 6144)), ("q_w", "w", (128,)), ("k_w", "w", (128,))],
                      ["bf16", "bf16"], ref_qwen3_qk_norm),
    "rms_norm_fp8_per_token": ([("x", "x", ("T", 4096)), ("w", "w", (4096,))],
                               ["f8e4m3", "f32"], ref_rms_norm_fp8_per_token),
    "silu_mul_fp8_group": ([("gate_up", "x", ("T", 28672))], ["f8e4m3", "f32"],
                           ref_silu_mul_fp8_group),
    "qk_norm_rope": ([("qkv", "x", ("T", 6144)), ("q_w", "w", (128,)), ("k_w", "w", (128,)),
                      ("positions", "pos", ("T",)), ("cos_sin_cache", "cache", (40960, 128))],
                     ["bf16", "bf16"], ref_qk_norm_rope),
    # selection: integer outputs must be equal
    "topk_softmax": ([("gating_output", "x", ("T", 128))], ["f32", "i32", "i32"],
                     ref_topk_softmax),
    "moe_fused_gate": ([("gating_output", "x", ("T", 256)), ("bias", "wo", (256,))],
                       ["f32", "i32"], ref_moe_fused_gate),
    # outputs written into parameters: (file name, dtype): the updated parameter
    "fused_add_rms_norm_inplace": ([("input", "x", ("T", 4096)), ("residual", "x", ("T", 4096)),
                                    ("w", "w", (4096,))],
                                   [("input", "bf16"), ("residual", "bf16")],
                                   ref_fused_add_rms_norm_inplace),
    "rope_inplace": ([("query", "x", ("T", 32, 128)), ("key", "x", ("T", 8, 128)),
                      ("positions", "pos", ("T",)), ("cos_sin_cache", "cache", (4096, 128))],
                     [("query", "bf16"), ("key", "bf16")], ref_rope_inplace),
    "qk_norm_rope_inplace": ([("qkv", "x", ("T", 6144)), ("q_w", "w", (128,)),
                              ("k_w", "w", (128,)), ("positions", "pos", ("T",)),
                              ("cos_sin_cache", "cache", (40960, 128))],
                             [("qkv", "bf16")], ref_qk_norm_rope_inplace),
    "reshape_and_cache_fp8": ([("key", "x", ("T", 8, 128)), ("value", "x", ("T", 8, 128)),
                               ("key_cache", "f8", ("NB", 16, 8, 128)),
                               ("value_cache", "f8", ("NB", 16, 8, 128)),
                               ("slot_mapping", "slot", ("T",)), ("k_scale", "scale_q", ()),
                               ("v_scale", "scale_q", ())],
                              [("key_cache", "f8e4m3"), ("value_cache", "f8e4m3")],
                              ref_reshape_and_cache_fp8),
    "rope_fp8_append_paged": ([("q", "x", ("T", 32, 128)), ("k", "x", ("T", 8, 128)),
                               ("v", "x", ("T", 8, 128)), ("positions", "pos", ("T",)),
                               ("cos_sin_cache", "cache", (4096, 128)), ("slots", "slot", ("T",)),
                               ("k_cache", "f8", ("NP", 16, 8, 128)),
                               ("v_cache", "f8", ("NP", 16, 8, 128)), ("q_scale", "scale_q", ()),
                               ("k_scale", "scale_q", ()), ("v_scale", "scale_q", ())],
                              ["f8e4m3", ("k_cache", "f8e4m3"), ("v_cache", "f8e4m3")],
                              ref_rope_fp8_append_paged),
    "mla_rope_fp8_append_paged": ([("q_rope", "x", ("T", 128, 64)),
                                   ("q_nope", "x", ("T", 128, 512)), ("k_rope", "x", ("T", 64)),
                                   ("k_nope", "x", ("T", 512)), ("positions", "pos", ("T",)),
                                   ("cos_sin_cache", "cache", (4096, 64)),
                                   ("slots", "slot", ("T",)),
                                   ("ckv_cache", "f8", ("NP", 64, 512)),
                                   ("kpe_cache", "f8", ("NP", 64, 64)),
                                   ("q_scale", "scale_q", ()), ("kv_scale", "scale_q", ())],
                                  ["f8e4m3", "f8e4m3", ("ckv_cache", "f8e4m3"),
                                   ("kpe_cache", "f8e4m3")],
                                  ref_mla_rope_fp8_append_paged),
    # microscaling: f4e2m1 values, f8e8m0 / f8e4m3 block scales, swizzled or
    # packed scale buffers written in place (shapes with derived sizes)
    "nvfp4_quant_swizzled": ([("x", "x", ("T", 4096)), ("global_scale", "gs", ()),
                              ("sf", "f8", (lambda t: -(-t // 128), 64, 32, 4, 4))],
                             ["f4e2m1", ("sf", "f8e4m3")], ref_nvfp4_quant_swizzled),
    "silu_mul_nvfp4": ([("gate_up", "x", ("T", 28672)), ("global_scale", "gs", ()),
                        ("sf", "f8", (lambda t: -(-t // 128), 224, 32, 4, 4))],
                       ["f4e2m1", ("sf", "f8e4m3")], ref_silu_mul_nvfp4),
    "mxfp8_quant": ([("x", "x", ("T", 4096))], ["f8e4m3", "f8e8m0"], ref_mxfp8_quant),
    "mxfp4_quant": ([("x", "x", ("T", 7168))], ["f4e2m1", "f8e8m0"], ref_mxfp4_quant),
    "fp8_group_ue8m0_deepgemm": ([("x", "x", ("T", 7168)),
                                  ("sf", "i32", (14, lambda t: -(-t // 4) * 4))],
                                 ["f8e4m3", ("sf", "i32")], ref_fp8_group_ue8m0_deepgemm),
    "dynamic_fp8_per_tensor": ([("x", "x", ("T", 4096))], ["f8e4m3", "f32"],
                               ref_dynamic_fp8_per_tensor),
    # a row too long for registers (streamed): a 256,000-token vocabulary
    "logit_softcap": ([("logits", "x", ("T", 256000)), ("temperature", "temp", ("T",))],
                      ["bf16", "f32"], ref_logit_softcap),
}

# Examples run at other sizes than TS: [T, 256000] logits at T = 1000 are
# 256M elements (gigabytes in the interpreter and here).
TS_OF = {"logit_softcap": (1, 3, 64)}

# Size symbols other than T (cache blocks): 4 blocks of 16 rows.
SYMS = {"NB": 4, "NP": 4}

# Examples without sums: the interpreter must agree with NumPy on every element.
EXACT = {"mla_rope_fp8", "mla_rope_qk_fp8", "mla_rope_fp8_append_paged", "nvfp4_quant_swizzled",
         "mxfp8_quant", "mxfp4_quant",
         "fp8_group_ue8m0_deepgemm", "dynamic_fp8_per_tensor", "topk_softmax", "moe_fused_gate"}

# Declared dtype of every float parameter (what the interpreter rounds to).
PARAM_DTYPE = {"cos_sin_cache": "f32", "temperature": "f32", "scale": "f32", "global_scale": "f32", "sf": "f8e4m3", "q_scale": "f32", "k_scale": "f32",
               "v_scale": "f32", "key_cache": "f8e4m3",
               "value_cache": "f8e4m3", "k_cache": "f8e4m3", "v_cache": "f8e4m3",
               "kv_scale": "f32", "ckv_cache": "f8e4m3", "kpe_cache": "f8e4m3"}


def make_input(rng, kind, shape):
    if kind == "pos":
        p = rng.integers(0, 4096, size=shape, dtype=np.int64)
        if p.size >= 3:
            p[0], p[-1] = 0, 4095
        return p
    if kind == "scale":                      # for normalised y: |y| > 0.9 or 1.8 saturates
        return np.array(rng.choice([0.002, 0.004]), F)
    if kind == "scale_q":                    # for raw q: only the large rows saturate
        return np.array(rng.choice([0.01, 0.02]), F)
    if kind == "cache":                      # rows x (cos | sin)
        half = shape[1] // 2
        inv_freq = 10000.0 ** (-np.arange(half) / half)
        ang = np.arange(shape[0])[:, None] * inv_freq[None, :]
        return np.concatenate([np.cos(ang), np.sin(ang)], axis=1).astype(F)
    if kind == "slot":                       # distinct cache rows; -1 and past-the-end skip
        rows = SYMS["NB"] * 16
        p = np.full(shape, -1, np.int64)
        perm = rng.permutation(rows)
        n = min(shape[0], rows)
        p[:n] = perm[:n]
        p[3::5] = -1
        p[4::7] = 1 << 20                    # past the end of every example's cache
        return p
    if kind == "temp":                       # sampling temperatures, one per row
        return rng.uniform(0.5, 1.5, shape).astype(F)
    if kind == "gs":                         # NVFP4 global scale: 64 saturates large blocks
        return np.array(rng.choice([0.25, 64.0]), F)
    if kind == "i32":                        # a packed-scale buffer's old contents
        return rng.integers(-2 ** 31, 2 ** 31, size=shape, dtype=np.int64).astype(np.int32)
    if kind == "f8":                         # an FP8 cache's old contents
        return rng.uniform(-2, 2, shape).astype(F)
    if kind == "w":
        return (1.0 + 0.2 * rng.standard_normal(shape)).astype(F)
    if kind == "wo":
        return (0.2 * rng.standard_normal(shape)).astype(F)
    x = rng.standard_normal(shape, dtype=F)
    flat = x.reshape(-1)
    # Exact bf16 ties (low half 0x8000) in a few places, both parities.
    ties = rng.integers(0, flat.size, size=max(1, flat.size // 1000))
    flat.view(np.uint32)[ties] = (flat.view(np.uint32)[ties] & 0xFFFF0000) | 0x8000
    if shape[0] >= 3:
        x[1] = 0.0                                     # a zero row
        x[2] *= F(3000.0)                              # large: saturates FP8
    if shape[0] >= 64:
        x[5] = F(-1e4)                                 # constant row
        x[7] = F(2.0 ** -130) * rng.standard_normal(shape[1:]).astype(F)  # subnormals
    return x


def load_input(name, raw):
    """The value the interpreter should see: floats rounded to bf16 unless
    declared f32."""
    if raw.dtype.kind != "f":
        return raw
    if PARAM_DTYPE.get(name) == "f8e4m3":
        return f8e4m3_value(f8e4m3_bits(raw))
    return raw if PARAM_DTYPE.get(name) == "f32" else to_bf16(raw)


# --------------------------------------------------------------- comparing


def compare(dtype, ours, got, raw, exact=False):
    """Returns (ok, summary).  ours: our unrounded f32 result; got: the
    interpreter's widened output; raw: its --raw output, or None.  exact:
    every element must be equal (chains without sums, or sums taken in the
    interpreter's order)."""
    if got.shape != ours.shape:
        return False, "shape %s, expected %s" % (got.shape, ours.shape)
    if dtype == "f32":
        rtol = 0.0 if exact else 1e-5
        # below the normal range a value has absolute, not relative, precision
        # (softmax probabilities of e^-92: one subnormal step is 2e-5 of them)
        atol = 0.0 if exact else float(np.finfo(F).tiny)
        bad = int((~np.isclose(got, ours, rtol=rtol, atol=atol, equal_nan=True)).sum())
        raw_ok = raw is None or (raw.dtype == F and
                                 np.array_equal(raw.view(np.uint32), got.view(np.uint32)))
        msg = "f32 %d/%d within %g" % (got.size - bad, got.size, rtol)
        if raw is not None:
            msg += ", raw bits %s" % ("equal" if raw_ok else "differ")
        return bad == 0 and raw_ok, msg
    if dtype == "i32":
        want = ours.astype(np.int64).astype(np.uint32).view(np.int32)
        bad = int((got != want).sum()) if got.dtype == np.int32 else got.size
        raw_ok = raw is None or np.array_equal(raw, got)
        return bad == 0 and raw_ok, "i32 %d/%d equal%s" % (
            got.size - bad, got.size, "" if raw is None else ", raw %s" % (
                "equal" if raw_ok else "differs"))
    if dtype == "f8e8m0":                    # block scales: always exact
        mine, theirs = e8m0_bits(ours), e8m0_bits(got)
        bad = int((mine != theirs).sum()) + int((~np.isfinite(got)).sum())
        raw_ok = raw is None or (raw.dtype == np.uint8 and np.array_equal(raw, theirs))
        msg = "f8e8m0 %d/%d equal" % (got.size - bad, got.size)
        if bad:
            k = int(np.flatnonzero((mine != theirs).reshape(-1) | ~np.isfinite(got).reshape(-1))[0])
            msg += " (first at flat %d: got %r, numpy %r)" % (k, got.reshape(-1)[k],
                                                             ours.reshape(-1)[k])
        if raw is not None:
            msg += ", raw bits %s" % ("equal" if raw_ok else "differ")
        return bad == 0 and raw_ok, msg
    if dtype == "bf16":
        enc, dec, width, raw_dtype = bf16_bits, bf16_value, 16, np.uint16
    elif dtype == "f4e2m1":
        enc, dec, width, raw_dtype = f4e2m1_bits, f4e2m1_value, 4, np.uint8
    else:
        enc, dec, width, raw_dtype = f8e4m3_bits, f8e4m3_value, 8, np.uint8
    mine, theirs = enc(ours), enc(got)
    # got must be representable: its encoding decodes to the same value.
    repr_ok = np.array_equal(dec(theirs), got, equal_nan=True)
    nan_ours, nan_got = np.isnan(dec(mine)), np.isnan(got)
    step = np.abs(ordinal(mine, width) - ordinal(theirs, width))  # +0 and -0 are 0 apart
    equal = np.where(nan_ours | nan_got, nan_ours & nan_got, step == 0)
    near = equal | (~nan_ours & ~nan_got & (step <= 1))
    frac = equal.sum() / max(got.size, 1)
    packed = pack_f4(theirs) if dtype == "f4e2m1" else theirs
    raw_ok = raw is None or (raw.dtype == raw_dtype and raw.shape == packed.shape and
                             np.array_equal(raw, packed))
    ok = repr_ok and raw_ok and bool(near.all()) and (dtype == "bf16" or frac >= 0.995)
    ok = ok and (not exact or bool(equal.all()))
    msg = "%s %.4f%% equal, %d one step off, %d further" % (
        dtype, 100.0 * frac, int((near & ~equal).sum()), int((~near).sum()))
    if not repr_ok:
        msg += ", values not representable in %s" % dtype
    if raw is not None:
        msg += ", raw bits %s" % ("equal" if raw_ok else "differ")
    if not raw_ok and raw.shape == packed.shape and raw.dtype == raw_dtype:
        k = int(np.flatnonzero(raw.reshape(-1) != packed.reshape(-1))[0])
        msg += " (first at flat %d: raw %#x, widened encodes %#x)" % (
            k, raw.reshape(-1)[k], packed.reshape(-1)[k])
    if not near.all():
        k = int(np.flatnonzero(~near.reshape(-1))[0])
        msg += " (first at flat %d: got %r, numpy %r rounds to %r)" % (
            k, got.reshape(-1)[k], ours.reshape(-1)[k], dec(mine.reshape(-1)[k:k + 1])[0])
    return ok, msg


# -------------------------------------------------------------- running


def run_sinter(sinter, args, timeout=300):
    p = subprocess.run([sinter, "ref"] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout, universal_newlines=True)
    return p.returncode, p.stdout + p.stderr


def start_sinter(sinter, args):
    return subprocess.Popen([sinter, "ref"] + args, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, universal_newlines=True)


def finish(proc, timeout=300):
    out, _ = proc.communicate(timeout=timeout)
    return proc.returncode, out


def check_case(sinter, path, name, t, workdir):
    """One example at one T (with a --raw run too where t <= RAW_MAX_T)."""
    raw_t = t <= RAW_MAX_T
    params, out_dtypes, ref = EXAMPLES[name]
    rng = np.random.default_rng(1000 * t + sum(map(ord, name)))
    d = os.path.join(workdir, "%s_T%d" % (name, t))
    os.makedirs(d)
    raws, args = [], []
    for pname, kind, shape in params:
        shape = tuple(s(t) if callable(s) else t if s == "T" else SYMS.get(s, s) for s in shape)
        a = make_input(rng, kind, shape)
        f = os.path.join(d, pname + ".npy")
        np.save(f, a)
        raws.append((pname, a))
        args += ["--input", "%s=%s" % (pname, f)]
    base = [path, "--dim", "T=%d" % t] + args
    for sym, v in SYMS.items():
        if any(sym in shape for _, _, shape in params):
            base += ["--dim", "%s=%d" % (sym, v)]
    p1 = start_sinter(sinter, base + ["--output-dir", os.path.join(d, "out")])
    p2 = raw_t and start_sinter(sinter, base + ["--raw", "--output-dir", os.path.join(d, "raw")])
    with np.errstate(over="ignore", invalid="ignore"):
        ours = ref(*[load_input(n, a) for n, a in raws])
    (rc1, log1), (rc2, log2) = finish(p1), finish(p2) if p2 else (0, "")
    if rc1 or rc2:
        log = (log1 if rc1 else log2).strip().splitlines()
        return False, "sinter ref failed (%d/%d): %s" % (rc1, rc2, " | ".join(log[-3:]))
    msgs, ok = [], True
    # new outputs are out0, out1, ... in order; a parameter written is <name>.npy
    files, k = [], 0
    for o in out_dtypes:
        files.append(("%s.npy" % o[0], o[1]) if isinstance(o, tuple) else ("out%d.npy" % k, o))
        k += not isinstance(o, tuple)
    for (f, dt), o in zip(files, ours):
        got = np.load(os.path.join(d, "out", f))
        raw = np.load(os.path.join(d, "raw", f)) if p2 else None
        good, msg = compare(dt, np.asarray(o, np.int64 if dt == "i32" else F), got, raw,
                            name in EXACT)
        ok &= good
        msgs.append("%s %s" % (f[:-4], msg))
    extra = [f for f in os.listdir(os.path.join(d, "out")) if f not in [f for f, _ in files]]
    if extra:
        ok = False
        msgs.append("unexpected outputs %s" % extra)
    return ok, "; ".join(msgs)


LIB_SN = """graph lib(x: bf16[T, 256], w: bf16[256], wf: f32[256], c: f32[T, 128],
              s: f32[T, 128], scale: f32[]) {
    a = rms_norm_hf(x, w)
    b = rms_norm_hf(x, wf)
    g = gemma_rms_norm_hf(x, w)
    qg = quant_fp8(gemma_rms_norm_hf(x, w), scale)
    qa = quant_fp8(rms_norm_hf(x, w), scale)
    qf = quant_fp8(rms_norm(x, wf), scale)
    f = rms_norm(x, wf)
    qn = quant_fp8(rope_neox(x, c, s), scale)
    qj = quant_fp8(rope_gptj(x, c, s), scale)
    return a, b, g, qg, qa, qf, f, qn, qj, rope_neox(x, c, s)
}
"""
LIB_OUT = ["bf16", "f32", "bf16", "f8e4m3", "f8e4m3", "f8e4m3", "bf16", "f8e4m3", "f8e4m3",
           "bf16"]


def ref_lib(x, w, wf, c, s, scale):
    m = mean_last_seq
    return [rms_norm_hf(x, w, 1e-6, mean=m), rms_norm_hf(x, wf, 1e-6, w_bf16=False, mean=m),
            gemma_rms_norm_hf(x, w, 1e-6, mean=m),
            quant_fp8(gemma_rms_norm_hf(x, w, 1e-6, mean=m), scale),
            quant_fp8(rms_norm_hf(x, w, 1e-6, mean=m), scale),
            quant_fp8(rms_norm(x, wf, 1e-6, mean=m), scale), rms_norm(x, wf, 1e-6, mean=m),
            quant_fp8(rope_neox(x, c, s), scale), quant_fp8(rope_gptj(x, c, s), scale),
            rope_neox(x, c, s)]


def check_library(sinter, workdir, t=64):
    """The library's rounding points, bit for bit, on mixed dtypes; and the
    check's power: rounding where the library must not (RoPE to bf16 before
    FP8, rms_norm with an f32 weight) or not rounding where the HF forms must
    changes some FP8 codes of these inputs."""
    rng = np.random.default_rng(11)
    x = rng.standard_normal((t, 256), dtype=F)
    ang = rng.uniform(0.0, 100.0, (t, 128))
    ins = {"x": x, "w": (1.0 + 0.2 * rng.standard_normal(256)).astype(F),
           "wf": (1.0 + 0.2 * rng.standard_normal(256)).astype(F),
           "c": np.cos(ang).astype(F), "s": np.sin(ang).astype(F), "scale": np.array(0.01, F)}
    path = os.path.join(workdir, "lib.sn")
    with open(path, "w") as f:
        f.write(LIB_SN)
    args = [path, "--output-dir", os.path.join(workdir, "lib")]
    for k, v in ins.items():
        np.save(os.path.join(workdir, "lib_%s.npy" % k), v)
        args += ["--input", "%s=%s" % (k, os.path.join(workdir, "lib_%s.npy" % k))]
    rc, log = run_sinter(sinter, args)
    if rc:
        return False, "sinter ref failed: " + " | ".join(log.strip().splitlines()[-3:])
    vals = {k: (v if k in ("wf", "c", "s", "scale") else to_bf16(v)) for k, v in ins.items()}
    with np.errstate(over="ignore", invalid="ignore"):
        ours = ref_lib(**vals)
    got = [np.load(os.path.join(workdir, "lib", "out%d.npy" % i)) for i in range(len(LIB_OUT))]
    msgs, ok = [], True
    for i, (dt, o, g) in enumerate(zip(LIB_OUT, ours, got)):
        good, msg = compare(dt, np.asarray(o, F), g, None, exact=True)
        ok &= good
        if not good:
            msgs.append("out%d %s" % (i, msg))
    xb, wb, sc = vals["x"], vals["w"], vals["scale"]
    m = mean_last_seq
    wrong = {"RoPE rounded to bf16 before FP8":
             (7, quant_fp8(to_bf16(rope_neox(xb, vals["c"], vals["s"])), sc)),
             "rms_norm with f32 w rounded to bf16 before FP8":
             (5, quant_fp8(to_bf16(rms_norm(xb, vals["wf"], 1e-6, mean=m)), sc)),
             "rms_norm_hf without its roundings": (4, quant_fp8(rms_norm(xb, wb, 1e-6, mean=m), sc))}
    for label, (i, alt) in wrong.items():
        if np.array_equal(f8e4m3_bits(alt), f8e4m3_bits(got[i])):
            ok = False
            msgs.append("the check cannot tell '%s' apart on these inputs" % label)
    return ok, "; ".join(msgs) or "%d outputs bit for bit at T=%d" % (len(LIB_OUT), t)


CONV_SN = """graph conv(x: f32[N], y: bf16[N]) {
    return to(x, f8e4m3), to(x, bf16), y
}
"""


def check_conversions(sinter, workdir):
    """to(x, f8e4m3), to(x, bf16) on edge values and bf16 input rounding of
    random bit patterns, against our converters, bit for bit."""
    try:
        selftest_conversions()
    except AssertionError as e:
        return False, "NumPy converters' self-test: %s" % e
    rng = np.random.default_rng(7)
    edge = [0.0, -0.0, 448.0, 449.0, 463.99, 464.0, float(np.nextafter(F(464), F(1e3))),
            -464.0, -464.5, 480.0, 1e30, -1e30, np.inf, -np.inf, np.nan,
            2.0 ** -9, 2.0 ** -10, 3 * 2.0 ** -10, 5 * 2.0 ** -10, 2.0 ** -6, 2.0 ** -7,
            15 * 2.0 ** -10, 1e-30, 2.0 ** -149, 240.0, 0.1, 1.0625, 1.1875, -3.0]
    x = np.concatenate([np.array(edge, F), rng.standard_normal(5000).astype(F) * F(100),
                        rng.standard_normal(2000).astype(F) * F(0.01)])
    y = rng.integers(0, 2 ** 32, size=x.size, dtype=np.uint64).astype(np.uint32)
    y[::7] = (y[::7] & 0xFFFF0000) | 0x8000        # ties
    y = y.view(F)                                  # NaNs included: all become 0x7FC0
    path = os.path.join(workdir, "conv.sn")
    with open(path, "w") as f:
        f.write(CONV_SN)
    np.save(os.path.join(workdir, "cx.npy"), x)
    np.save(os.path.join(workdir, "cy.npy"), y)
    rc, log = run_sinter(sinter, [path, "--raw", "--output-dir", os.path.join(workdir, "conv"),
                                  "--input", "x=" + os.path.join(workdir, "cx.npy"),
                                  "--input", "y=" + os.path.join(workdir, "cy.npy")])
    if rc:
        return False, "sinter ref failed: " + " | ".join(log.strip().splitlines()[-3:])
    f8 = np.load(os.path.join(workdir, "conv", "out0.npy"))
    b16 = np.load(os.path.join(workdir, "conv", "out1.npy"))
    yin = np.load(os.path.join(workdir, "conv", "out2.npy"))
    msgs, ok = [], True
    for label, got, want in (("to f8e4m3", f8, f8e4m3_bits(x)), ("to bf16", b16, bf16_bits(x)),
                             ("bf16 input", yin, bf16_bits(y))):
        bad = np.flatnonzero(got != want)
        if bad.size or got.dtype != want.dtype:
            ok = False
            k = int(bad[0]) if bad.size else 0
            src = y if label == "bf16 input" else x
            msgs.append("%s: %d differ (first %r -> %#x, want %#x)" % (
                label, bad.size, src[k], got[k], want[k]))
        else:
            msgs.append("%s: %d exact" % (label, got.size))
    return ok, "; ".join(msgs)


def main(argv):
    if len(argv) < 2:
        print("usage: check_examples.py SINTER [EXAMPLES_DIR]", file=sys.stderr)
        return 2
    sinter = os.path.abspath(argv[1])
    here = os.path.dirname(os.path.abspath(__file__))
    exdir = argv[2] if len(argv) > 2 else os.path.join(here, "..", "examples")
    files = sorted(glob.glob(os.path.join(exdir, "*.sn")))
    names = [os.path.splitext(os.path.basename(f))[0] for f in files]
    unknown = [n for n in names if n not in EXAMPLES]
    start = time.time()
    results = []
    with tempfile.TemporaryDirectory(prefix="sinter-check-") as work:
        ok, msg = check_conversions(sinter, work)
        results.append(("conversions", ok, msg))
        ok, msg = check_library(sinter, work)
        results.append(("library rounding", ok, msg))
        cases = [(f, n, t) for f, n in zip(files, names) if n in EXAMPLES
                 for t in TS_OF.get(n, TS)]
        # Largest first, two at a time (each runs two sinter processes).
        cases.sort(key=lambda c: -c[2])
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            futs = {pool.submit(check_case, sinter, f, n, t, work): (n, t) for f, n, t in cases}
            done = {}
            for fut in concurrent.futures.as_completed(futs):
                try:
                    done[futs[fut]] = fut.result()
                except Exception as e:  # a crash in one case fails that case
                    done[futs[fut]] = (False, "%s: %s" % (type(e).__name__, e))
        for n in names:
            for t in TS_OF.get(n, TS):
                if (n, t) in done:
                    results.append(("%s T=%d" % (n, t),) + done[(n, t)])
    for n in unknown:
        results.append((n, False, "no NumPy reference for this example: add one to "
                        "tests/check_examples.py"))
    for label, ok, msg in results:
        print("%s %-30s %s" % ("PASS" if ok else "FAIL", label, msg))
    npass = sum(1 for r in results if r[1])
    print("(%.1f s)" % (time.time() - start))
    print("%d passed, %d failed" % (npass, len(results) - npass))
    return 0 if npass == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
