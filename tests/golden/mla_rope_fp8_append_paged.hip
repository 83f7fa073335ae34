/* target hip:gfx942 */
/* ---- kernel mla_rope_fp8_append_paged_k0 ----
 *   b0         pointer (q_rope bf16[T, 128, 64])
 *   b0_s0      stride of dim 0 (q_rope bf16[T, 128, 64])
 *   b0_s1      stride of dim 1 (q_rope bf16[T, 128, 64])
 *   b1         pointer (q_nope bf16[T, 128, 512])
 *   b1_s0      stride of dim 0 (q_nope bf16[T, 128, 512])
 *   b1_s1      stride of dim 1 (q_nope bf16[T, 128, 512])
 *   b2         pointer (k_rope bf16[T, 64])
 *   b2_s0      stride of dim 0 (k_rope bf16[T, 64])
 *   b3         pointer (k_nope bf16[T, 512])
 *   b3_s0      stride of dim 0 (k_nope bf16[T, 512])
 *   b4         pointer (positions i64[T])
 *   b5         pointer (cos_sin_cache f32[4096, 64])
 *   b5_s0      stride of dim 0 (cos_sin_cache f32[4096, 64])
 *   b6         pointer (slots i64[T])
 *   b7         pointer (ckv_cache f8e4m3fnuz[NP, 64, 512])
 *   b7_s0      stride of dim 0 (ckv_cache f8e4m3fnuz[NP, 64, 512])
 *   b7_s1      stride of dim 1 (ckv_cache f8e4m3fnuz[NP, 64, 512])
 *   b8         pointer (kpe_cache f8e4m3fnuz[NP, 64, 64])
 *   b8_s0      stride of dim 0 (kpe_cache f8e4m3fnuz[NP, 64, 64])
 *   b8_s1      stride of dim 1 (kpe_cache f8e4m3fnuz[NP, 64, 64])
 *   b9_v       scalar by value (q_scale f32[])
 *   b10_v      scalar by value (kv_scale f32[])
 *   b11        pointer (out0 f8e4m3fnuz[T, 128, 64])
 *   b12        pointer (out1 f8e4m3fnuz[T, 128, 512])
 *   sym_T      size symbol
 *   sym_NP     size symbol
 * block 128, shared memory 0 bytes, grid = ceil(T*128 / 32) + ceil(T*128 / 4) + ceil(T / 4) + ceil(T / 32)
 * segment 0: rows T*128 x row 64; 4 lanes x 2 runs x 8, 32 rows/block, row in registers
 * segment 1: rows T*128 x row 512; 32 lanes x 2 runs x 8, 4 rows/block, row in registers
 * segment 2: rows T x row 512; 32 lanes x 2 runs x 8, 4 rows/block, row in registers
 * segment 3: rows T x row 64; 4 lanes x 2 runs x 8, 32 rows/block, row in registers
 * variants: mla_rope_fp8_append_paged_k0 needs q_rope 16-byte aligned with strides a multiple of the vector, cos_sin_cache 16-byte aligned with strides a multiple of the vector, out0 16-byte aligned, q_nope 16-byte aligned with strides a multiple of the vector, out1 16-byte aligned, k_nope 16-byte aligned with strides a multiple of the vector, ckv_cache 16-byte aligned with strides a multiple of the vector, k_rope 16-byte aligned with strides a multiple of the vector, kpe_cache 16-byte aligned with strides a multiple of the vector; otherwise mla_rope_fp8_append_paged_k0_scalar runs
 * graph ops: %0 input, %4 input, %5 input, %20 mul, %21 mul, %22 add, %14 mul, %17 mul, %18 sub, %24 cat, %9 input, %27 div, %28 cast, %1 input, %30 div, %31 cast, %3 input, %10 input, %33 div, %34 cast, %6 input, %2 input, %43 mul, %44 mul, %45 add, %37 mul, %40 mul, %41 sub, %47 cat, %50 div, %51 cast
 */
/* ---- kernel mla_rope_fp8_append_paged_k0_few ----
 * few-rows variant of mla_rope_fp8_append_paged_k0: launched instead when mla_rope_fp8_append_paged_k0's grid is at most 1 blocks per SM
 *   b0         pointer (q_rope bf16[T, 128, 64])
 *   b0_s0      stride of dim 0 (q_rope bf16[T, 128, 64])
 *   b0_s1      stride of dim 1 (q_rope bf16[T, 128, 64])
 *   b1         pointer (q_nope bf16[T, 128, 512])
 *   b1_s0      stride of dim 0 (q_nope bf16[T, 128, 512])
 *   b1_s1      stride of dim 1 (q_nope bf16[T, 128, 512])
 *   b2         pointer (k_rope bf16[T, 64])
 *   b2_s0      stride of dim 0 (k_rope bf16[T, 64])
 *   b3         pointer (k_nope bf16[T, 512])
 *   b3_s0      stride of dim 0 (k_nope bf16[T, 512])
 *   b4         pointer (positions i64[T])
 *   b5         pointer (cos_sin_cache f32[4096, 64])
 *   b5_s0      stride of dim 0 (cos_sin_cache f32[4096, 64])
 *   b6         pointer (slots i64[T])
 *   b7         pointer (ckv_cache f8e4m3fnuz[NP, 64, 512])
 *   b7_s0      stride of dim 0 (ckv_cache f8e4m3fnuz[NP, 64, 512])
 *   b7_s1      stride of dim 1 (ckv_cache f8e4m3fnuz[NP, 64, 512])
 *   b8         pointer (kpe_cache f8e4m3fnuz[NP, 64, 64])
 *   b8_s0      stride of dim 0 (kpe_cache f8e4m3fnuz[NP, 64, 64])
 *   b8_s1      stride of dim 1 (kpe_cache f8e4m3fnuz[NP, 64, 64])
 *   b9_v       scalar by value (q_scale f32[])
 *   b10_v      scalar by value (kv_scale f32[])
 *   b11        pointer (out0 f8e4m3fnuz[T, 128, 64])
 *   b12        pointer (out1 f8e4m3fnuz[T, 128, 512])
 *   sym_T      size symbol
 *   sym_NP     size symbol
 * block 64, shared memory 0 bytes, grid = ceil(T*128 / 2) + ceil(T*128 / 1) + ceil(T / 1) + ceil(T / 2)
 * segment 0: rows T*128 x row 64; 32 lanes x 1 runs x 2, 2 rows/block, row in registers
 * segment 1: rows T*128 x row 512; 64 lanes x 4 runs x 2, 1 rows/block, row in registers
 * segment 2: rows T x row 512; 64 lanes x 4 runs x 2, 1 rows/block, row in registers
 * segment 3: rows T x row 64; 32 lanes x 1 runs x 2, 2 rows/block, row in registers
 * graph ops: %0 input, %4 input, %5 input, %20 mul, %21 mul, %22 add, %14 mul, %17 mul, %18 sub, %24 cat, %9 input, %27 div, %28 cast, %1 input, %30 div, %31 cast, %3 input, %10 input, %33 div, %34 cast, %6 input, %2 input, %43 mul, %44 mul, %45 add, %37 mul, %40 mul, %41 sub, %47 cat, %50 div, %51 cast
 */
/* generated by sinter from graph mla_rope_fp8_append_paged; do not edit */
#define SN_DEVICE __device__ __forceinline__
__device__ __forceinline__ unsigned sn_f2u(float x) { return __float_as_uint(x); }
__device__ __forceinline__ float sn_u2f(unsigned u) { return __uint_as_float(u); }
/* prelude_hip_head.cuh - HIP only, before prelude.cuh: on an AMD GPU with
 * FP8 conversion instructions, the prelude's portable FP8 encoders are
 * renamed sn_sw_* (its own helpers, sn_round_* included, then use those),
 * and prelude_hip.cuh, after the prelude, defines the stored-cast
 * encoders codegen calls with the instructions.  The CUDA source is the
 * prelude alone.
 *   gfx942 (MI300): v_cvt_pk_fp8_f32 / v_cvt_pk_bf8_f32 write FNUZ codes
 *     (f8e4m3fnuz, f8e5m2fnuz);
 *   gfx950 (MI350, MI355), gfx12 (RDNA4): the same instructions write OCP
 *     codes (f8e4m3, f8e5m2).
 * SN_AMD_CVT_PK_FP8 / _BF8 (old, word_sel: the clang builtins' operands)
 * may be defined first (tests/test_prelude_hip.c models the instruction on
 * the CPU). */
#if defined(__gfx942__)
#define SN_AMD_FNUZ_HW 1
#endif
#if defined(__gfx950__) || defined(__gfx1200__) || defined(__gfx1201__)
#define SN_AMD_OCP_HW 1
#endif
#if defined(SN_AMD_FNUZ_HW) || defined(SN_AMD_OCP_HW)
#ifndef SN_AMD_CVT_PK_FP8
#define SN_AMD_CVT_PK_FP8(a, b, old, hi) __builtin_amdgcn_cvt_pk_fp8_f32(a, b, old, hi)
#define SN_AMD_CVT_PK_BF8(a, b, old, hi) __builtin_amdgcn_cvt_pk_bf8_f32(a, b, old, hi)
#endif
#endif
#if defined(SN_AMD_FNUZ_HW)
#define sn_to_e4m3fnuz sn_sw_to_e4m3fnuz
#define sn_to_e4m3fnuz_sat sn_sw_to_e4m3fnuz_sat
#define sn_to4_e4m3fnuz sn_sw_to4_e4m3fnuz
#define sn_to4_e4m3fnuz_sat sn_sw_to4_e4m3fnuz_sat
#define sn_to_e5m2fnuz sn_sw_to_e5m2fnuz
#define sn_to_e5m2fnuz_sat sn_sw_to_e5m2fnuz_sat
#define sn_to4_e5m2fnuz sn_sw_to4_e5m2fnuz
#define sn_to4_e5m2fnuz_sat sn_sw_to4_e5m2fnuz_sat
#endif
#if defined(SN_AMD_OCP_HW)
#define sn_to_e4m3 sn_sw_to_e4m3
#define sn_to_e4m3_sat sn_sw_to_e4m3_sat
#define sn_to4_e4m3 sn_sw_to4_e4m3
#define sn_to4_e4m3_sat sn_sw_to4_e4m3_sat
#define sn_to_e5m2 sn_sw_to_e5m2
#define sn_to_e5m2_sat sn_sw_to_e5m2_sat
#define sn_to4_e5m2 sn_sw_to4_e5m2
#define sn_to4_e5m2_sat sn_sw_to4_e5m2_sat
#endif
/* prelude.cuh - device helpers every generated kernel starts with.
 *
 * The same text compiles as CUDA C++ (NVRTC), HIP C++ (hiprtc) and plain C
 * (tests/test_prelude.c includes it to check every conversion bit for bit
 * against ir/dtype.c on the CPU).  The including code defines SN_DEVICE,
 * sn_f2u(float) -> unsigned and sn_u2f(unsigned) -> float first.
 *
 * Conversions are integer code, not hardware cvt instructions: they must
 * equal the compiler's host conversions exactly (NaN codes, overflow to NaN
 * for the e4m3 types, no negative zero for the fnuz types), and ROCm 5.2
 * has no FP8 header at all.  Math mirrors ir/scalar.h op for op. */

typedef unsigned int sn_u32;
typedef unsigned short sn_u16;
typedef unsigned char sn_u8;
typedef long long sn_i64;
typedef unsigned long long sn_u64;

/* A narrow float format: e exponent bits, m mantissa bits, bias; the
 * largest finite code (sign bit clear); the code for overflow (NaN or
 * infinity); the NaN code; whether it has infinity; whether it has -0. */
#define SN_FMT(e, m, bias, maxc, ovfc, nanc, inf, negz) e, m, bias, maxc, ovfc, nanc, inf, negz

/* f32 -> narrow code, round to nearest even. */
SN_DEVICE sn_u32 sn_encode(float x, int e, int m, int bias, sn_u32 maxc, sn_u32 ovfc,
                           sn_u32 nanc, int has_inf, int negz)
{
    sn_u32 u = sn_f2u(x);
    sn_u32 sign = u >> 31, a = u & 0x7fffffffu;
    sn_u32 sb = sign ? (sn_u32)1 << (e + m) : 0u;
    if (a > 0x7f800000u) /* NaN */
        return negz ? nanc | sb : nanc;
    if (a == 0x7f800000u) /* infinity */
        return has_inf ? ovfc | sb : negz ? nanc | sb : nanc;
    int exp = (int)(a >> 23) - 127;
    sn_u32 sig = (a & 0x7fffffu) | (a >> 23 ? 0x800000u : 0u);
    if (!(a >> 23))
        exp = -126;
    int te = exp + bias; /* target biased exponent if normal */
    int shift = 23 - m + (te < 1 ? 1 - te : 0);
    sn_u32 code;
    if (shift > 25) {
        code = 0;
    } else {
        sn_u32 q = sig >> shift, rem = sig & (((sn_u32)1 << shift) - 1u);
        sn_u32 half = (sn_u32)1 << (shift - 1);
        if (rem > half || (rem == half && (q & 1u)))
            q++;
        /* normal: q holds the implicit bit; (te << m) + q - (1 << m) carries */
        code = te < 1 ? q : ((sn_u32)te << m) + q - ((sn_u32)1 << m);
    }
    if (code > maxc)
        return negz ? ovfc | sb : ovfc;
    if (!negz && code == 0)
        return 0;
    return code | sb;
}

/* narrow code -> f32, exact. */
SN_DEVICE float sn_decode(sn_u32 c, int e, int m, int bias, sn_u32 maxc, sn_u32 ovfc,
                          sn_u32 nanc, int has_inf, int negz)
{
    sn_u32 sbit = (sn_u32)1 << (e + m);
    sn_u32 sign = (c & sbit) != 0, mag = c & (sbit - 1u);
    if (!negz && c == nanc) /* the fnuz NaN decodes as a positive NaN */
        return sn_u2f(0x7fc00000u);
    if (negz && mag > maxc) {
        if (has_inf && mag == ovfc)
            return sn_u2f(0x7f800000u | (sign << 31));
        return sn_u2f(0x7fc00000u | (sign << 31));
    }
    sn_u32 ex = mag >> m, mant = mag & (((sn_u32)1 << m) - 1u);
    float v;
    if (ex == 0) /* subnormal: mant * 2^(1 - bias - m), exact */
        v = (float)mant * sn_u2f((sn_u32)(127 + 1 - bias - m) << 23);
    else
        v = sn_u2f(((sn_u32)(ex - (sn_u32)bias + 127u) << 23) | (mant << (23 - m)));
    return sign ? -v : v;
}

#define SN_F16 SN_FMT(5, 10, 15, 0x7bffu, 0x7c00u, 0x7e00u, 1, 1)
#define SN_E4M3 SN_FMT(4, 3, 7, 0x7eu, 0x7fu, 0x7fu, 0, 1)
#define SN_E4M3FNUZ SN_FMT(4, 3, 8, 0x7fu, 0x80u, 0x80u, 0, 0)
#define SN_E5M2 SN_FMT(5, 2, 15, 0x7bu, 0x7cu, 0x7fu, 1, 1)
#define SN_E5M2FNUZ SN_FMT(5, 2, 16, 0x7fu, 0x80u, 0x80u, 0, 0)

/* bf16: round-to-nearest-even on the bit pattern; NaN -> 0x7fc0.  (The
 * hardware conversion, cvt.rn.bf16x2.f32 with NaN fixed up, made the QK
 * norms 4-6% slower at T=16384 on an H200, 2026-11-22: it stays out.) */
SN_DEVICE sn_u16 sn_to_bf16(float x)
{
    sn_u32 u = sn_f2u(x);
    if (x != x)
        return (sn_u16)0x7fc0u;
    return (sn_u16)((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
}
SN_DEVICE float sn_from_bf16(sn_u16 b) { return sn_u2f((sn_u32)b << 16); }
/* The code of a value that already is a bf16 (a rounding cast's result):
 * its high half, which equals sn_to_bf16 of it, NaN (0x7fc0) included. */
SN_DEVICE sn_u16 sn_bits_bf16(float x) { return (sn_u16)(sn_f2u(x) >> 16); }
/* Programmatic dependent launch (sm_90+): every generated kernel starts
 * with SN_GRID_ENTRY().  It waits until the grids this launch depends on
 * have completed and their writes are visible (griddepcontrol.wait), then
 * lets the next PDL launch of the stream start (launch_dependents): that
 * one's blocks are scheduled while this grid runs and wait likewise.  So
 * no global memory is touched before the predecessor is done, and the
 * runtime may launch any kernel with programmatic stream serialization.
 * Launched without it, both instructions do nothing. */
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
#define SN_GRID_ENTRY()                                                         \
    do {                                                                        \
        asm volatile("griddepcontrol.wait;" ::: "memory");                      \
        asm volatile("griddepcontrol.launch_dependents;" ::: "memory");         \
    } while (0)
#else
#define SN_GRID_ENTRY() do { } while (0)
#endif
/* Saturating: clamp to [-m, m] first; NaN stays NaN. */
SN_DEVICE float sn_clamp_sat(float x, float m) { return x > m ? m : x < -m ? -m : x; }

#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 890
/* Hopper/Ada: the hardware's round-to-nearest-even saturating conversions,
 * with the cases where they differ from the host rules fixed up exactly:
 * NaN keeps its sign (hardware: +NaN), and the non-saturating conversions
 * overflow to NaN (e4m3: above 464, the last value rounding to 448) or to
 * infinity (e5m2: from 61440, which ties away from 57344).  test_prelude
 * checks the software path; the GPU tests compare the two. */
#define SN_HW_F8 1
SN_DEVICE sn_u8 sn_hw_e4m3(float x)
{
    unsigned short r;
    asm("cvt.rn.satfinite.e4m3x2.f32 %0, %1, %2;" : "=h"(r) : "f"(0.0f), "f"(x));
    return (sn_u8)(r & 0xffu);
}
SN_DEVICE sn_u8 sn_hw_e5m2(float x)
{
    unsigned short r;
    asm("cvt.rn.satfinite.e5m2x2.f32 %0, %1, %2;" : "=h"(r) : "f"(0.0f), "f"(x));
    return (sn_u8)(r & 0xffu);
}
SN_DEVICE sn_u8 sn_f8_sign(float x) { return (sn_u8)((sn_f2u(x) >> 24) & 0x80u); }
SN_DEVICE sn_u8 sn_to_e4m3(float x)
{
    return fabsf(x) <= 464.0f ? sn_hw_e4m3(x) : (sn_u8)(0x7fu | sn_f8_sign(x));
}
SN_DEVICE sn_u8 sn_to_e4m3_sat(float x)
{
    return x == x ? sn_hw_e4m3(x) : (sn_u8)(0x7fu | sn_f8_sign(x));
}
SN_DEVICE sn_u8 sn_to_e5m2(float x)
{
    return fabsf(x) < 61440.0f ? sn_hw_e5m2(x)
         : (sn_u8)((x == x ? 0x7cu : 0x7fu) | sn_f8_sign(x));
}
SN_DEVICE sn_u8 sn_to_e5m2_sat(float x)
{
    return x == x ? sn_hw_e5m2(x) : (sn_u8)(0x7fu | sn_f8_sign(x));
}
#else
SN_DEVICE sn_u8 sn_to_e4m3(float x) { return (sn_u8)sn_encode(x, SN_E4M3); }
SN_DEVICE sn_u8 sn_to_e4m3_sat(float x) { return sn_to_e4m3(sn_clamp_sat(x, 448.0f)); }
SN_DEVICE sn_u8 sn_to_e5m2(float x) { return (sn_u8)sn_encode(x, SN_E5M2); }
SN_DEVICE sn_u8 sn_to_e5m2_sat(float x) { return sn_to_e5m2(sn_clamp_sat(x, 57344.0f)); }
#endif
SN_DEVICE sn_u16 sn_to_f16(float x) { return (sn_u16)sn_encode(x, SN_F16); }
SN_DEVICE float sn_from_f16(sn_u16 b) { return sn_decode(b, SN_F16); }
SN_DEVICE float sn_from_e4m3(sn_u8 b) { return sn_decode(b, SN_E4M3); }
SN_DEVICE sn_u8 sn_to_e4m3fnuz(float x) { return (sn_u8)sn_encode(x, SN_E4M3FNUZ); }
SN_DEVICE sn_u8 sn_to_e4m3fnuz_sat(float x) { return sn_to_e4m3fnuz(sn_clamp_sat(x, 240.0f)); }
SN_DEVICE float sn_from_e4m3fnuz(sn_u8 b) { return sn_decode(b, SN_E4M3FNUZ); }
SN_DEVICE float sn_from_e5m2(sn_u8 b) { return sn_decode(b, SN_E5M2); }
SN_DEVICE sn_u8 sn_to_e5m2fnuz(float x) { return (sn_u8)sn_encode(x, SN_E5M2FNUZ); }
SN_DEVICE sn_u8 sn_to_e5m2fnuz_sat(float x) { return sn_to_e5m2fnuz(sn_clamp_sat(x, 57344.0f)); }
SN_DEVICE sn_u16 sn_to_bf16_sat(float x) { return sn_to_bf16(sn_clamp_sat(x, 3.38953139e38f)); }
SN_DEVICE sn_u16 sn_to_f16_sat(float x) { return sn_to_f16(sn_clamp_sat(x, 65504.0f)); }
SN_DEVICE float sn_from_e5m2fnuz(sn_u8 b) { return sn_decode(b, SN_E5M2FNUZ); }

/* OCP FP4 E2M1 (a code in the low 4 bits; packing two per byte is the
 * store's): no inf, no NaN, so overflow, inf and NaN all give +-6. */
#define SN_E2M1 SN_FMT(2, 1, 1, 0x7u, 0x7u, 0x7u, 0, 1)
/* f32 -> e2m1, round to nearest even, in three ranges of the magnitude a
 * (NaN and infinity taken to 6 first: E2M1 has neither, so they give the
 * largest code with their sign, as sn_encode does).  The steps between
 * codes are 1/2 in [0, 2), 1 in [2, 4) and 2 in [4, 6]: adding C = 2^22,
 * 2^23 or 2^24 (whose ulp is that step) rounds a to a multiple of the step,
 * ties to even, and leaves the multiple in the sum's low bits, so the code
 * is bits(a + C) - bits(C) + 0, 2 or 4.  C is 2^22 times a's power of two,
 * at least 1: its bits are max(a's exponent field, 1.0's) + 22 << 23, and
 * the offset is twice that exponent over 1.0's (a maximum and integer
 * arithmetic instead of two compares and four selects).  All of it on the
 * full-rate ALU pipes (no conversion instruction), about ten instructions
 * where sn_encode takes 35: the MX FP4 quantizations are bound by the
 * conversion on sm_90, which has no FP4 instruction.  Equal to sn_encode
 * for every f32 (tests/test_prelude.c; all 2^32 checked, the last form
 * against the one before it on 2026-12-08). */
SN_DEVICE sn_u8 sn_to_e2m1(float x)
{
    sn_u32 u = sn_f2u(x);
    float a = sn_u2f(u & 0x7fffffffu);
    a = a <= 6.0f ? a : 6.0f;
    sn_u32 e = sn_f2u(a) & 0x7f800000u;
    e = e > 0x3f800000u ? e : 0x3f800000u;
    sn_u32 cb = e + (22u << 23);
    return (sn_u8)((sn_f2u(a + sn_u2f(cb)) - cb + ((e - 0x3f800000u) >> 22)) | (u >> 28 & 8u));
}
SN_DEVICE sn_u8 sn_to_e2m1_sat(float x) { return sn_to_e2m1(sn_clamp_sat(x, 6.0f)); }
SN_DEVICE float sn_from_e2m1(sn_u8 b) { return sn_decode(b & 0xfu, SN_E2M1); }
/* Element k of a packed f4e2m1 array p: nibble k % 2 of byte k / 2. */
#define SN_E2M1_AT(p, k) sn_from_e2m1((sn_u8)((p)[(k) >> 1] >> (((k) & 1) * 4)))

/* OCP E8M0: code e is 2^(e - 127), 0xff NaN.  Rounds up to a power of two
 * and drops the sign: |x| <= 2^-127 (zeros too) -> 0x00; a normal x takes
 * its exponent field plus one when its mantissa is not zero, a subnormal
 * above 2^-127 gives 2^-126; beyond 2^127, inf and NaN -> 0xff.  Without
 * branches: adding 2^23 - 1 to |x|'s bits carries into the exponent field
 * exactly when the mantissa is not zero (a subnormal's field becomes 1),
 * and the field saturates at 0xff (inf, NaN, beyond 2^127).  Equal to the
 * branching form on all 2^32 inputs (checked exhaustively, 2026-12-08). */
SN_DEVICE sn_u8 sn_to_e8m0(float x)
{
    sn_u32 a = sn_f2u(x) & 0x7fffffffu;
    sn_u32 e = (a + 0x7fffffu) >> 23;
    e = e < 255u ? e : 255u;
    return (sn_u8)(a <= 0x00400000u ? 0u : e);
}
SN_DEVICE sn_u8 sn_to_e8m0_sat(float x) { return sn_to_e8m0(sn_clamp_sat(x, 1.70141183e38f)); }
SN_DEVICE float sn_from_e8m0(sn_u8 b)
{
    return b == 0xffu ? sn_u2f(0x7fc00000u) : sn_u2f(b ? (sn_u32)b << 23 : 0x00400000u);
}
/* 2^floor(log2 |x|) with x's sign (dt_pow2_floor): clear a normal's
 * mantissa, keep a subnormal's top bit; +-0, inf, NaN unchanged. */
SN_DEVICE float sn_pow2_floor(float x)
{
    sn_u32 u = sn_f2u(x), ex = u & 0x7f800000u, m = u & 0x7fffffu;
    if (ex == 0x7f800000u || (ex == 0u && m == 0u))
        return x;
    if (ex)
        return sn_u2f(u & 0xff800000u);
    m |= m >> 1;
    m |= m >> 2;
    m |= m >> 4;
    m |= m >> 8;
    m |= m >> 16;
    return sn_u2f((u & 0x80000000u) | (m - (m >> 1)));
}

/* Four f8 codes in one little-endian word (a in the low byte): what a
 * vector store of f8 writes.  Each equals the one-value encoder; on sm_89+
 * the common case is two paired hardware conversions, and a group holding
 * a value the hardware rounds differently (NaN; beyond the finite range of
 * a non-saturating conversion) takes the one-value path. */
#define SN_PACK4(f, a, b, c, d)                                                 \
    ((sn_u32)f(a) | ((sn_u32)f(b) << 8) | ((sn_u32)f(c) << 16) | ((sn_u32)f(d) << 24))
#if defined(SN_HW_F8)
#define SN_HW_X4(name, ty)                                                      \
    SN_DEVICE sn_u32 name(float a, float b, float c, float d)                  \
    {                                                                           \
        unsigned short lo, hi;                                                  \
        asm("cvt.rn.satfinite." ty "x2.f32 %0, %1, %2;" : "=h"(lo) : "f"(b), "f"(a)); \
        asm("cvt.rn.satfinite." ty "x2.f32 %0, %1, %2;" : "=h"(hi) : "f"(d), "f"(c)); \
        return (sn_u32)lo | ((sn_u32)hi << 16);                                 \
    }
SN_HW_X4(sn_hw_e4m3x4, "e4m3")
SN_HW_X4(sn_hw_e5m2x4, "e5m2")
SN_DEVICE sn_u32 sn_to4_e4m3_sat(float a, float b, float c, float d)
{
    if ((a != a) | (b != b) | (c != c) | (d != d))
        return SN_PACK4(sn_to_e4m3_sat, a, b, c, d);
    return sn_hw_e4m3x4(a, b, c, d);
}
SN_DEVICE sn_u32 sn_to4_e4m3(float a, float b, float c, float d)
{
    if (!((fabsf(a) <= 464.0f) & (fabsf(b) <= 464.0f) & (fabsf(c) <= 464.0f) &
          (fabsf(d) <= 464.0f)))
        return SN_PACK4(sn_to_e4m3, a, b, c, d);
    return sn_hw_e4m3x4(a, b, c, d);
}
SN_DEVICE sn_u32 sn_to4_e5m2_sat(float a, float b, float c, float d)
{
    if ((a != a) | (b != b) | (c != c) | (d != d))
        return SN_PACK4(sn_to_e5m2_sat, a, b, c, d);
    return sn_hw_e5m2x4(a, b, c, d);
}
SN_DEVICE sn_u32 sn_to4_e5m2(float a, float b, float c, float d)
{
    if (!((fabsf(a) < 61440.0f) & (fabsf(b) < 61440.0f) & (fabsf(c) < 61440.0f) &
          (fabsf(d) < 61440.0f)))
        return SN_PACK4(sn_to_e5m2, a, b, c, d);
    return sn_hw_e5m2x4(a, b, c, d);
}
#else
SN_DEVICE sn_u32 sn_to4_e4m3_sat(float a, float b, float c, float d) { return SN_PACK4(sn_to_e4m3_sat, a, b, c, d); }
SN_DEVICE sn_u32 sn_to4_e4m3(float a, float b, float c, float d) { return SN_PACK4(sn_to_e4m3, a, b, c, d); }
SN_DEVICE sn_u32 sn_to4_e5m2_sat(float a, float b, float c, float d) { return SN_PACK4(sn_to_e5m2_sat, a, b, c, d); }
SN_DEVICE sn_u32 sn_to4_e5m2(float a, float b, float c, float d) { return SN_PACK4(sn_to_e5m2, a, b, c, d); }
#endif
SN_DEVICE sn_u32 sn_to4_e4m3fnuz(float a, float b, float c, float d) { return SN_PACK4(sn_to_e4m3fnuz, a, b, c, d); }
SN_DEVICE sn_u32 sn_to4_e4m3fnuz_sat(float a, float b, float c, float d) { return SN_PACK4(sn_to_e4m3fnuz_sat, a, b, c, d); }
SN_DEVICE sn_u32 sn_to4_e5m2fnuz(float a, float b, float c, float d) { return SN_PACK4(sn_to_e5m2fnuz, a, b, c, d); }
SN_DEVICE sn_u32 sn_to4_e5m2fnuz_sat(float a, float b, float c, float d) { return SN_PACK4(sn_to_e5m2fnuz_sat, a, b, c, d); }
SN_DEVICE sn_u32 sn_to4_e8m0(float a, float b, float c, float d) { return SN_PACK4(sn_to_e8m0, a, b, c, d); }
SN_DEVICE sn_u32 sn_to4_e8m0_sat(float a, float b, float c, float d) { return SN_PACK4(sn_to_e8m0_sat, a, b, c, d); }

/* The value `to(x, t)` of a float type: encode then decode. */
SN_DEVICE float sn_round_bf16(float x) { return sn_from_bf16(sn_to_bf16(x)); }
SN_DEVICE float sn_round_f16(float x) { return sn_from_f16(sn_to_f16(x)); }
SN_DEVICE float sn_round_e4m3(float x) { return sn_from_e4m3(sn_to_e4m3(x)); }
SN_DEVICE float sn_round_e4m3fnuz(float x) { return sn_from_e4m3fnuz(sn_to_e4m3fnuz(x)); }
SN_DEVICE float sn_round_e5m2(float x) { return sn_from_e5m2(sn_to_e5m2(x)); }
SN_DEVICE float sn_round_e5m2fnuz(float x) { return sn_from_e5m2fnuz(sn_to_e5m2fnuz(x)); }
SN_DEVICE float sn_round_e8m0(float x) { return sn_from_e8m0(sn_to_e8m0(x)); }
SN_DEVICE float sn_round_e2m1(float x) { return sn_from_e2m1(sn_to_e2m1(x)); }

/* float -> integer of [lo, hi]: truncate toward zero, saturate, NaN -> 0. */
SN_DEVICE sn_i64 sn_f2i(float x, double lo, double hi)
{
    if (x != x)
        return 0;
    double t = (double)x;
    if (t <= lo)
        return (sn_i64)lo;
    if (t >= hi)
        return hi >= 9.2e18 ? (sn_i64)0x7fffffffffffffffll : (sn_i64)hi;
    return (sn_i64)t;
}
/* integer -> integer type of `bits` bits: wraps like a C cast. */
SN_DEVICE sn_i64 sn_wrap(sn_i64 x, int bits)
{
    if (bits >= 64)
        return x;
    sn_u64 m = ((sn_u64)1 << bits) - 1u, u = (sn_u64)x & m;
    return (u >> (bits - 1)) ? (sn_i64)(u | ~m) : (sn_i64)u;
}

/* torch.maximum / torch.minimum: NaN wins, the first operand on ties. */
SN_DEVICE float sn_max(float a, float b) { return a != a ? a : b != b ? b : (a < b ? b : a); }
SN_DEVICE float sn_min(float a, float b) { return a != a ? a : b != b ? b : (b < a ? b : a); }
SN_DEVICE sn_i64 sn_imax(sn_i64 a, sn_i64 b) { return a < b ? b : a; }
SN_DEVICE sn_i64 sn_imin(sn_i64 a, sn_i64 b) { return b < a ? b : a; }
/* Reduction folds: take x when it is NaN or strictly beyond s. */
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 800
/* Ampere and later: one max.NaN/min.NaN instruction (NaN wins) instead of
 * two compares and a select per element.  It differs from the portable fold
 * only where no consumer can tell: the result of a tie between +0 and -0
 * may be either zero, and a NaN result is the canonical NaN. */
SN_DEVICE float sn_fold_max(float s, float x)
{
    float r;
    asm("max.NaN.f32 %0, %1, %2;" : "=f"(r) : "f"(s), "f"(x));
    return r;
}
SN_DEVICE float sn_fold_min(float s, float x)
{
    float r;
    asm("min.NaN.f32 %0, %1, %2;" : "=f"(r) : "f"(s), "f"(x));
    return r;
}
#else
SN_DEVICE float sn_fold_max(float s, float x) { return (x != x || x > s) ? x : s; }
SN_DEVICE float sn_fold_min(float s, float x) { return (x != x || x < s) ? x : s; }
#endif
SN_DEVICE sn_i64 sn_ifold_max(sn_i64 s, sn_i64 x) { return x > s ? x : s; }
SN_DEVICE sn_i64 sn_ifold_min(sn_i64 s, sn_i64 x) { return x < s ? x : s; }
/* Element-wise float division.  On NVIDIA GPUs: div.full.f32, at most 2
 * ulp from the correctly rounded quotient (what Triton's `/` compiles to);
 * the correctly rounded sequence costs several times more and made the
 * FP8 chains compute-bound.  Elsewhere (and in the C tests): a / b.  The
 * reference interpreter divides exactly; results agree within the
 * tolerance --check applies to transcendental functions. */
#if defined(__CUDA_ARCH__)
SN_DEVICE float sn_div(float a, float b)
{
    float r;
    asm("div.full.f32 %0, %1, %2;" : "=f"(r) : "f"(a), "f"(b));
    return r;
}
#else
SN_DEVICE float sn_div(float a, float b) { return a / b; }
#endif
/* sigmoid: on NVIDIA GPUs exp(-x) through the hardware exp2 approximation
 * (ex2.approx, about 2 ulp), a third of expf's instructions; the SiLU
 * chains are instruction-bound.  Large |x| saturates to 0 and 1 exactly. */
#if defined(__CUDA_ARCH__)
SN_DEVICE float sn_sigmoid(float x)
{
    float e;
    asm("ex2.approx.ftz.f32 %0, %1;" : "=f"(e) : "f"(x * -1.44269504088896341f));
    return sn_div(1.0f, 1.0f + e);
}
#else
SN_DEVICE float sn_sigmoid(float x) { return sn_div(1.0f, 1.0f + expf(-x)); }
#endif
SN_DEVICE float sn_rsqrt(float x) { return 1.0f / sqrtf(x); }
SN_DEVICE sn_i64 sn_iadd(sn_i64 a, sn_i64 b) { return (sn_i64)((sn_u64)a + (sn_u64)b); }
SN_DEVICE sn_i64 sn_isub(sn_i64 a, sn_i64 b) { return (sn_i64)((sn_u64)a - (sn_u64)b); }
SN_DEVICE sn_i64 sn_imul(sn_i64 a, sn_i64 b) { return (sn_i64)((sn_u64)a * (sn_u64)b); }
SN_DEVICE sn_i64 sn_ineg(sn_i64 a) { return (sn_i64)(0u - (sn_u64)a); }
SN_DEVICE sn_i64 sn_iabs(sn_i64 a) { return a < 0 ? sn_ineg(a) : a; }
/* A gather index clamped into [0, n): out-of-range indices read a valid
 * row instead of faulting (the reference interpreter reports them). */
SN_DEVICE sn_i64 sn_clampi(sn_i64 i, sn_i64 n) { return i < 0 ? 0 : i >= n ? n - 1 : i; }

/* prelude_hip.cuh - HIP only, after prelude.cuh (see prelude_hip_head.cuh):
 * the stored-cast FP8 encoders of a GPU with FP8 conversion instructions,
 * equal to the host conversions (ir/dtype.c) bit for bit.
 *
 * What is assumed of the instruction (v_cvt_pk_fp8_f32, v_cvt_pk_bf8_f32,
 * round to nearest even): for a finite x within the format's finite range
 * (|x| <= 240 for e4m3fnuz, 448 for e4m3, 57344 for the e5m2 types) it
 * writes the correctly rounded magnitude and, where that is not zero, x's
 * sign.  Nothing else: the instruction is never given NaN, infinity or a
 * value beyond the range (the portable encoder takes those: NaN codes,
 * overflow to NaN or infinity), and a zero magnitude gets the host's sign
 * rule here (none on FNUZ, whose 0x80 is NaN; x's sign on OCP), whatever
 * the instruction wrote.  A saturating conversion clamps first (NaN stays
 * NaN, infinity becomes the largest finite value), so after the clamp
 * every value but NaN takes the instruction.  tests/test_prelude_hip.c
 * checks this text on the CPU against the host conversions with models of
 * the instruction that differ from them everywhere outside that contract;
 * tests/check_hip_rocm.sh finds the instruction in the code hiprtc built. */
#if defined(SN_AMD_FNUZ_HW) || defined(SN_AMD_OCP_HW)
SN_DEVICE sn_u32 sn_amd_sign8(float x) { return (sn_f2u(x) >> 24) & 0x80u; }
SN_DEVICE sn_u32 sn_amd_signs4(float a, float b, float c, float d)
{
    return sn_amd_sign8(a) | sn_amd_sign8(b) << 8 | sn_amd_sign8(c) << 16 | sn_amd_sign8(d) << 24;
}
/* Four codes w from the instruction; signs: the inputs' sign bits (bit 7 of
 * each byte).  Each byte keeps its magnitude and, where that is not zero,
 * the instruction's sign; a zero takes x's sign on OCP (negz), none on FNUZ. */
SN_DEVICE sn_u32 sn_amd_fix4(sn_u32 w, sn_u32 signs, int negz)
{
    sn_u32 mag = w & 0x7f7f7f7fu;
    sn_u32 nz = (mag + 0x7f7f7f7fu) & 0x80808080u; /* bit 7 set: magnitude not zero */
    return mag | (w & nz) | (negz ? signs & ~nz : 0u);
}
#define SN_AMD_ENCODERS(fmt, PK, lim, negz)                                           \
    SN_DEVICE sn_u8 sn_to_##fmt(float x)                                              \
    {                                                                                 \
        if (!(fabsf(x) <= lim))                                                       \
            return sn_sw_to_##fmt(x);                                                 \
        return (sn_u8)sn_amd_fix4((sn_u32)PK(x, x, 0, false) & 0xffu, sn_amd_sign8(x), \
                                  negz);                                              \
    }                                                                                 \
    SN_DEVICE sn_u8 sn_to_##fmt##_sat(float x)                                        \
    {                                                                                 \
        return x == x ? sn_to_##fmt(sn_clamp_sat(x, lim)) : sn_sw_to_##fmt##_sat(x); \
    }                                                                                 \
    SN_DEVICE sn_u32 sn_to4_##fmt(float a, float b, float c, float d)                 \
    {                                                                                 \
        if (!((fabsf(a) <= lim) & (fabsf(b) <= lim) & (fabsf(c) <= lim) &             \
              (fabsf(d) <= lim)))                                                     \
            return SN_PACK4(sn_sw_to_##fmt, a, b, c, d);                              \
        sn_u32 w = (sn_u32)PK(a, b, 0, false);                                        \
        w = (sn_u32)PK(c, d, (int)w, true);                                           \
        return sn_amd_fix4(w, sn_amd_signs4(a, b, c, d), negz);                       \
    }                                                                                 \
    SN_DEVICE sn_u32 sn_to4_##fmt##_sat(float a, float b, float c, float d)           \
    {                                                                                 \
        if ((a != a) | (b != b) | (c != c) | (d != d))                                \
            return SN_PACK4(sn_sw_to_##fmt##_sat, a, b, c, d);                        \
        return sn_to4_##fmt(sn_clamp_sat(a, lim), sn_clamp_sat(b, lim),              \
                            sn_clamp_sat(c, lim), sn_clamp_sat(d, lim));              \
    }
#endif
#if defined(SN_AMD_FNUZ_HW)
#undef sn_to_e4m3fnuz
#undef sn_to_e4m3fnuz_sat
#undef sn_to4_e4m3fnuz
#undef sn_to4_e4m3fnuz_sat
#undef sn_to_e5m2fnuz
#undef sn_to_e5m2fnuz_sat
#undef sn_to4_e5m2fnuz
#undef sn_to4_e5m2fnuz_sat
SN_AMD_ENCODERS(e4m3fnuz, SN_AMD_CVT_PK_FP8, 240.0f, 0)
SN_AMD_ENCODERS(e5m2fnuz, SN_AMD_CVT_PK_BF8, 57344.0f, 0)
#endif
#if defined(SN_AMD_OCP_HW)
#undef sn_to_e4m3
#undef sn_to_e4m3_sat
#undef sn_to4_e4m3
#undef sn_to4_e4m3_sat
#undef sn_to_e5m2
#undef sn_to_e5m2_sat
#undef sn_to4_e5m2
#undef sn_to4_e5m2_sat
SN_AMD_ENCODERS(e4m3, SN_AMD_CVT_PK_FP8, 448.0f, 1)
SN_AMD_ENCODERS(e5m2, SN_AMD_CVT_PK_BF8, 57344.0f, 1)
#endif

#if !defined(SN_ONLY) || defined(SN_ONLY_mla_rope_fp8_append_paged_k0)
extern "C" __global__ void __launch_bounds__(128) mla_rope_fp8_append_paged_k0(
    const sn_u16 *__restrict__ b0,
    const sn_i64 b0_s0,
    const sn_i64 b0_s1,
    const sn_u16 *__restrict__ b1,
    const sn_i64 b1_s0,
    const sn_i64 b1_s1,
    const sn_u16 *__restrict__ b2,
    const sn_i64 b2_s0,
    const sn_u16 *__restrict__ b3,
    const sn_i64 b3_s0,
    const sn_i64 *__restrict__ b4,
    const float *__restrict__ b5,
    const sn_i64 b5_s0,
    const sn_i64 *__restrict__ b6,
    sn_u8 *__restrict__ b7,
    const sn_i64 b7_s0,
    const sn_i64 b7_s1,
    sn_u8 *__restrict__ b8,
    const sn_i64 b8_s0,
    const sn_i64 b8_s1,
    const float b9_v,
    const float b10_v,
    sn_u8 *__restrict__ b11,
    sn_u8 *__restrict__ b12,
    const sn_i64 sym_T,
    const sn_i64 sym_NP)
{
    sn_i64 blk = blockIdx.x;
    { /* segment 0 */
        const sn_i64 rows = ((sn_i64)128 * sym_T);
        const sn_i64 nblk = (rows + 31) / 32;
        if (blk < nblk) {
            const int lane = threadIdx.x % 4, team = threadIdx.x / 4;
            const sn_i64 row = blk * 32 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)64);
            const sn_i64 o1 = (live ? row : 0) % ((sn_i64)128);
            const sn_i64 o0 = (live ? row : 0) / ((sn_i64)128);
            const sn_i64 k2 = (sn_i64)(b4[o0]);
            const sn_i64 k9 = (sn_i64)1ll;
            const float k15 = b9_v;
            uint4 pf1[2];
            uint4 pf3[2];
            uint4 pf6[2];
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 4 + lane) * 8;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf1[c] = *(const uint4 *)(b0 + (o0 * b0_s0 + o1 * b0_s1 + (((sn_i64)r0 / (sn_i64)2) * (sn_i64)2)));
            }
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 4 + lane) * 8;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf3[c] = *(const uint4 *)(b5 + (sn_clampi(k2, ((sn_i64)4096)) * b5_s0 + ((sn_i64)r0 / (sn_i64)2)));
                pf6[c] = *(const uint4 *)(b5 + (sn_clampi(k2, ((sn_i64)4096)) * b5_s0 + (((sn_i64)r0 / (sn_i64)2) + (sn_i64)32)));
            }
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 4 + lane) * 8;
                float l1[8];
                {
                    const uint4 raw = pf1[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l1[0] = sn_from_bf16(el[1]);
                    l1[1] = sn_from_bf16(el[1]);
                    l1[2] = sn_from_bf16(el[3]);
                    l1[3] = sn_from_bf16(el[3]);
                    l1[4] = sn_from_bf16(el[5]);
                    l1[5] = sn_from_bf16(el[5]);
                    l1[6] = sn_from_bf16(el[7]);
                    l1[7] = sn_from_bf16(el[7]);
                }
                float l3[8];
                {
                    const uint4 raw = pf3[c];
                    const float *el = (const float *)&raw;
                    l3[0] = (float)el[0];
                    l3[1] = (float)el[0];
                    l3[2] = (float)el[1];
                    l3[3] = (float)el[1];
                    l3[4] = (float)el[2];
                    l3[5] = (float)el[2];
                    l3[6] = (float)el[3];
                    l3[7] = (float)el[3];
                }
                float l5[8];
                {
                    const uint4 raw = pf1[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l5[0] = sn_from_bf16(el[0]);
                    l5[1] = sn_from_bf16(el[0]);
                    l5[2] = sn_from_bf16(el[2]);
                    l5[3] = sn_from_bf16(el[2]);
                    l5[4] = sn_from_bf16(el[4]);
                    l5[5] = sn_from_bf16(el[4]);
                    l5[6] = sn_from_bf16(el[6]);
                    l5[7] = sn_from_bf16(el[6]);
                }
                float l6[8];
                {
                    const uint4 raw = pf6[c];
                    const float *el = (const float *)&raw;
                    l6[0] = (float)el[0];
                    l6[1] = (float)el[0];
                    l6[2] = (float)el[1];
                    l6[3] = (float)el[1];
                    l6[4] = (float)el[2];
                    l6[5] = (float)el[2];
                    l6[6] = (float)el[3];
                    l6[7] = (float)el[3];
                }
                float s0[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = ((sn_i64)r0 % (sn_i64)2);
                    const float k1 = l1[j];
                    const float k3 = l3[j];
                    const float k4 = k1 * k3;
                    const float k5 = l5[j];
                    const float k6 = l6[j];
                    const float k7 = k5 * k6;
                    const float k8 = k4 + k7;
                    const float k10 = k5 * k3;
                    const float k11 = k1 * k6;
                    const float k12 = k10 - k11;
                    const sn_i64 k13 = (sn_i64)(k0 < k9);
                    const float k14 = k13 != 0 ? k12 : k8;
                    const float k16 = sn_div(k14, k15);
                    s0[j] = k16;
                }
                if (live) {
                    [[maybe_unused]] const int e = e0;
                    [[maybe_unused]] const int r0 = e;
                    uint2 raw;
                    [[maybe_unused]] sn_u8 *el = (sn_u8 *)&raw;
                    sn_u32 *wd = (sn_u32 *)&raw;
                    #pragma unroll
                    for (int j = 0; j < 8; j += 4) wd[j / 4] = sn_to4_e4m3fnuz_sat(s0[j], s0[j + 1], s0[j + 2], s0[j + 3]);
                    *(uint2 *)(b11 + (o0 * ((sn_i64)8192) + o1 * ((sn_i64)64) + (sn_i64)r0)) = raw;
                }
            }
            return;
        }
        blk -= nblk;
    }
    { /* segment 1 */
        const sn_i64 rows = ((sn_i64)128 * sym_T);
        const sn_i64 nblk = (rows + 3) / 4;
        if (blk < nblk) {
            const int lane = threadIdx.x % 32, team = threadIdx.x / 32;
            const sn_i64 row = blk * 4 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)512);
            const sn_i64 o1 = (live ? row : 0) % ((sn_i64)128);
            const sn_i64 o0 = (live ? row : 0) / ((sn_i64)128);
            const float k1 = b9_v;
            uint4 pf0[2];
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 8;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf0[c] = *(const uint4 *)(b1 + (o0 * b1_s0 + o1 * b1_s1 + (sn_i64)r0));
            }
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 8;
                float l0[8];
                {
                    const uint4 raw = pf0[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l0[0] = sn_from_bf16(el[0]);
                    l0[1] = sn_from_bf16(el[1]);
                    l0[2] = sn_from_bf16(el[2]);
                    l0[3] = sn_from_bf16(el[3]);
                    l0[4] = sn_from_bf16(el[4]);
                    l0[5] = sn_from_bf16(el[5]);
                    l0[6] = sn_from_bf16(el[6]);
                    l0[7] = sn_from_bf16(el[7]);
                }
                float s0[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const float k0 = l0[j];
                    const float k2 = sn_div(k0, k1);
                    s0[j] = k2;
                }
                if (live) {
                    [[maybe_unused]] const int e = e0;
                    [[maybe_unused]] const int r0 = e;
                    uint2 raw;
                    [[maybe_unused]] sn_u8 *el = (sn_u8 *)&raw;
                    sn_u32 *wd = (sn_u32 *)&raw;
                    #pragma unroll
                    for (int j = 0; j < 8; j += 4) wd[j / 4] = sn_to4_e4m3fnuz_sat(s0[j], s0[j + 1], s0[j + 2], s0[j + 3]);
                    *(uint2 *)(b12 + (o0 * ((sn_i64)65536) + o1 * ((sn_i64)512) + (sn_i64)r0)) = raw;
                }
            }
            return;
        }
        blk -= nblk;
    }
    { /* segment 2 */
        const sn_i64 rows = ((sn_i64)1 * sym_T);
        const sn_i64 nblk = (rows + 3) / 4;
        if (blk < nblk) {
            const int lane = threadIdx.x % 32, team = threadIdx.x / 32;
            const sn_i64 row = blk * 4 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)512);
            const sn_i64 o0 = (live ? row : 0);
            const float k1 = b10_v;
            const sn_i64 k4 = (sn_i64)(b6[o0]);
            const sn_i64 k5 = ((sn_i64)64 * sym_NP);
            const sn_i64 k6 = (sn_i64)0ll;
            const sn_i64 k7 = (sn_i64)(k4 >= k6);
            const sn_i64 k8 = (sn_i64)(k4 < k5);
            const sn_i64 k9 = (sn_i64)(k7 != 0 && k8 != 0);
            uint4 pf0[2];
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 8;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf0[c] = *(const uint4 *)(b3 + (o0 * b3_s0 + (sn_i64)r0));
            }
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 8;
                float l0[8];
                {
                    const uint4 raw = pf0[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l0[0] = sn_from_bf16(el[0]);
                    l0[1] = sn_from_bf16(el[1]);
                    l0[2] = sn_from_bf16(el[2]);
                    l0[3] = sn_from_bf16(el[3]);
                    l0[4] = sn_from_bf16(el[4]);
                    l0[5] = sn_from_bf16(el[5]);
                    l0[6] = sn_from_bf16(el[6]);
                    l0[7] = sn_from_bf16(el[7]);
                }
                float s0[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const float k0 = l0[j];
                    const float k2 = sn_div(k0, k1);
                    s0[j] = k2;
                }
                if (live && k9) {
                    [[maybe_unused]] const int e = e0;
                    [[maybe_unused]] const int r0 = e;
                    uint2 raw;
                    [[maybe_unused]] sn_u8 *el = (sn_u8 *)&raw;
                    sn_u32 *wd = (sn_u32 *)&raw;
                    #pragma unroll
                    for (int j = 0; j < 8; j += 4) wd[j / 4] = sn_to4_e4m3fnuz_sat(s0[j], s0[j + 1], s0[j + 2], s0[j + 3]);
                    *(uint2 *)(b7 + (sn_clampi((k4 / (sn_i64)64), ((sn_i64)1 * sym_NP)) * b7_s0 + sn_clampi((k4 % (sn_i64)64), ((sn_i64)64)) * b7_s1 + (sn_i64)r0)) = raw;
                }
            }
            return;
        }
        blk -= nblk;
    }
    { /* segment 3 */
        const sn_i64 rows = ((sn_i64)1 * sym_T);
        const sn_i64 nblk = (rows + 31) / 32;
        if (blk < nblk) {
            const int lane = threadIdx.x % 4, team = threadIdx.x / 4;
            const sn_i64 row = blk * 32 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)64);
            const sn_i64 o0 = (live ? row : 0);
            const sn_i64 k2 = (sn_i64)(b4[o0]);
            const sn_i64 k9 = (sn_i64)1ll;
            const float k15 = b10_v;
            const sn_i64 k18 = (sn_i64)(b6[o0]);
            const sn_i64 k19 = ((sn_i64)64 * sym_NP);
            const sn_i64 k20 = (sn_i64)0ll;
            const sn_i64 k21 = (sn_i64)(k18 >= k20);
            const sn_i64 k22 = (sn_i64)(k18 < k19);
            const sn_i64 k23 = (sn_i64)(k21 != 0 && k22 != 0);
            uint4 pf1[2];
            uint4 pf3[2];
            uint4 pf6[2];
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 4 + lane) * 8;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf1[c] = *(const uint4 *)(b2 + (o0 * b2_s0 + (((sn_i64)r0 / (sn_i64)2) * (sn_i64)2)));
            }
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 4 + lane) * 8;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf3[c] = *(const uint4 *)(b5 + (sn_clampi(k2, ((sn_i64)4096)) * b5_s0 + ((sn_i64)r0 / (sn_i64)2)));
                pf6[c] = *(const uint4 *)(b5 + (sn_clampi(k2, ((sn_i64)4096)) * b5_s0 + (((sn_i64)r0 / (sn_i64)2) + (sn_i64)32)));
            }
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 4 + lane) * 8;
                float l1[8];
                {
                    const uint4 raw = pf1[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l1[0] = sn_from_bf16(el[1]);
                    l1[1] = sn_from_bf16(el[1]);
                    l1[2] = sn_from_bf16(el[3]);
                    l1[3] = sn_from_bf16(el[3]);
                    l1[4] = sn_from_bf16(el[5]);
                    l1[5] = sn_from_bf16(el[5]);
                    l1[6] = sn_from_bf16(el[7]);
                    l1[7] = sn_from_bf16(el[7]);
                }
                float l3[8];
                {
                    const uint4 raw = pf3[c];
                    const float *el = (const float *)&raw;
                    l3[0] = (float)el[0];
                    l3[1] = (float)el[0];
                    l3[2] = (float)el[1];
                    l3[3] = (float)el[1];
                    l3[4] = (float)el[2];
                    l3[5] = (float)el[2];
                    l3[6] = (float)el[3];
                    l3[7] = (float)el[3];
                }
                float l5[8];
                {
                    const uint4 raw = pf1[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l5[0] = sn_from_bf16(el[0]);
                    l5[1] = sn_from_bf16(el[0]);
                    l5[2] = sn_from_bf16(el[2]);
                    l5[3] = sn_from_bf16(el[2]);
                    l5[4] = sn_from_bf16(el[4]);
                    l5[5] = sn_from_bf16(el[4]);
                    l5[6] = sn_from_bf16(el[6]);
                    l5[7] = sn_from_bf16(el[6]);
                }
                float l6[8];
                {
                    const uint4 raw = pf6[c];
                    const float *el = (const float *)&raw;
                    l6[0] = (float)el[0];
                    l6[1] = (float)el[0];
                    l6[2] = (float)el[1];
                    l6[3] = (float)el[1];
                    l6[4] = (float)el[2];
                    l6[5] = (float)el[2];
                    l6[6] = (float)el[3];
                    l6[7] = (float)el[3];
                }
                float s0[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = ((sn_i64)r0 % (sn_i64)2);
                    const float k1 = l1[j];
                    const float k3 = l3[j];
                    const float k4 = k1 * k3;
                    const float k5 = l5[j];
                    const float k6 = l6[j];
                    const float k7 = k5 * k6;
                    const float k8 = k4 + k7;
                    const float k10 = k5 * k3;
                    const float k11 = k1 * k6;
                    const float k12 = k10 - k11;
                    const sn_i64 k13 = (sn_i64)(k0 < k9);
                    const float k14 = k13 != 0 ? k12 : k8;
                    const float k16 = sn_div(k14, k15);
                    s0[j] = k16;
                }
                if (live && k23) {
                    [[maybe_unused]] const int e = e0;
                    [[maybe_unused]] const int r0 = e;
                    uint2 raw;
                    [[maybe_unused]] sn_u8 *el = (sn_u8 *)&raw;
                    sn_u32 *wd = (sn_u32 *)&raw;
                    #pragma unroll
                    for (int j = 0; j < 8; j += 4) wd[j / 4] = sn_to4_e4m3fnuz_sat(s0[j], s0[j + 1], s0[j + 2], s0[j + 3]);
                    *(uint2 *)(b8 + (sn_clampi((k18 / (sn_i64)64), ((sn_i64)1 * sym_NP)) * b8_s0 + sn_clampi((k18 % (sn_i64)64), ((sn_i64)64)) * b8_s1 + (sn_i64)r0)) = raw;
                }
            }
            return;
        }
        blk -= nblk;
    }
}
#endif

#if !defined(SN_ONLY) || defined(SN_ONLY_mla_rope_fp8_append_paged_k0_scalar)
extern "C" __global__ void __launch_bounds__(128) mla_rope_fp8_append_paged_k0_scalar(
    const sn_u16 *__restrict__ b0,
    const sn_i64 b0_s0,
    const sn_i64 b0_s1,
    const sn_u16 *__restrict__ b1,
    const sn_i64 b1_s0,
    const sn_i64 b1_s1,
    const sn_u16 *__restrict__ b2,
    const sn_i64 b2_s0,
    const sn_u16 *__restrict__ b3,
    const sn_i64 b3_s0,
    const sn_i64 *__restrict__ b4,
    const float *__restrict__ b5,
    const sn_i64 b5_s0,
    const sn_i64 *__restrict__ b6,
    sn_u8 *__restrict__ b7,
    const sn_i64 b7_s0,
    const sn_i64 b7_s1,
    sn_u8 *__restrict__ b8,
    const sn_i64 b8_s0,
    const sn_i64 b8_s1,
    const float b9_v,
    const float b10_v,
    sn_u8 *__restrict__ b11,
    sn_u8 *__restrict__ b12,
    const sn_i64 sym_T,
    const sn_i64 sym_NP)
{
    sn_i64 blk = blockIdx.x;
    { /* segment 0 */
        const sn_i64 rows = ((sn_i64)128 * sym_T);
        const sn_i64 nblk = (rows + 31) / 32;
        if (blk < nblk) {
            const int lane = threadIdx.x % 4, team = threadIdx.x / 4;
            const sn_i64 row = blk * 32 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)64);
            const sn_i64 o1 = (live ? row : 0) % ((sn_i64)128);
            const sn_i64 o0 = (live ? row : 0) / ((sn_i64)128);
            const sn_i64 k2 = (sn_i64)(b4[o0]);
            const sn_i64 k9 = (sn_i64)1ll;
            const float k15 = b9_v;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 4 + lane) * 8;
                float l1[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l1[j] = ok ? sn_from_bf16(b0[o0 * b0_s0 + o1 * b0_s1 + ((((sn_i64)r0 / (sn_i64)2) * (sn_i64)2) + (sn_i64)1)]) : 0.0f;
                }
                float l3[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l3[j] = ok ? (b5[sn_clampi(k2, ((sn_i64)4096)) * b5_s0 + ((sn_i64)r0 / (sn_i64)2)]) : 0.0f;
                }
                float l5[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l5[j] = ok ? sn_from_bf16(b0[o0 * b0_s0 + o1 * b0_s1 + (((sn_i64)r0 / (sn_i64)2) * (sn_i64)2)]) : 0.0f;
                }
                float l6[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l6[j] = ok ? (b5[sn_clampi(k2, ((sn_i64)4096)) * b5_s0 + (((sn_i64)r0 / (sn_i64)2) + (sn_i64)32)]) : 0.0f;
                }
                float s0[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = ((sn_i64)r0 % (sn_i64)2);
                    const float k1 = l1[j];
                    const float k3 = l3[j];
                    const float k4 = k1 * k3;
                    const float k5 = l5[j];
                    const float k6 = l6[j];
                    const float k7 = k5 * k6;
                    const float k8 = k4 + k7;
                    const float k10 = k5 * k3;
                    const float k11 = k1 * k6;
                    const float k12 = k10 - k11;
                    const sn_i64 k13 = (sn_i64)(k0 < k9);
                    const float k14 = k13 != 0 ? k12 : k8;
                    const float k16 = sn_div(k14, k15);
                    s0[j] = k16;
                }
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    if (live && ok) {
                        b11[o0 * ((sn_i64)8192) + o1 * ((sn_i64)64) + (sn_i64)r0] = sn_to_e4m3fnuz_sat(s0[j]);
                    }
                }
            }
            return;
        }
        blk -= nblk;
    }
    { /* segment 1 */
        const sn_i64 rows = ((sn_i64)128 * sym_T);
        const sn_i64 nblk = (rows + 3) / 4;
        if (blk < nblk) {
            const int lane = threadIdx.x % 32, team = threadIdx.x / 32;
            const sn_i64 row = blk * 4 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)512);
            const sn_i64 o1 = (live ? row : 0) % ((sn_i64)128);
            const sn_i64 o0 = (live ? row : 0) / ((sn_i64)128);
            const float k1 = b9_v;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 8;
                float l0[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l0[j] = ok ? sn_from_bf16(b1[o0 * b1_s0 + o1 * b1_s1 + (sn_i64)r0]) : 0.0f;
                }
                float s0[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const float k0 = l0[j];
                    const float k2 = sn_div(k0, k1);
                    s0[j] = k2;
                }
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    if (live && ok) {
                        b12[o0 * ((sn_i64)65536) + o1 * ((sn_i64)512) + (sn_i64)r0] = sn_to_e4m3fnuz_sat(s0[j]);
                    }
                }
            }
            return;
        }
        blk -= nblk;
    }
    { /* segment 2 */
        const sn_i64 rows = ((sn_i64)1 * sym_T);
        const sn_i64 nblk = (rows + 3) / 4;
        if (blk < nblk) {
            const int lane = threadIdx.x % 32, team = threadIdx.x / 32;
            const sn_i64 row = blk * 4 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)512);
            const sn_i64 o0 = (live ? row : 0);
            const float k1 = b10_v;
            const sn_i64 k4 = (sn_i64)(b6[o0]);
            const sn_i64 k5 = ((sn_i64)64 * sym_NP);
            const sn_i64 k6 = (sn_i64)0ll;
            const sn_i64 k7 = (sn_i64)(k4 >= k6);
            const sn_i64 k8 = (sn_i64)(k4 < k5);
            const sn_i64 k9 = (sn_i64)(k7 != 0 && k8 != 0);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 8;
                float l0[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l0[j] = ok ? sn_from_bf16(b3[o0 * b3_s0 + (sn_i64)r0]) : 0.0f;
                }
                float s0[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const float k0 = l0[j];
                    const float k2 = sn_div(k0, k1);
                    s0[j] = k2;
                }
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    if (live && ok && k9) {
                        b7[sn_clampi((k4 / (sn_i64)64), ((sn_i64)1 * sym_NP)) * b7_s0 + sn_clampi((k4 % (sn_i64)64), ((sn_i64)64)) * b7_s1 + (sn_i64)r0] = sn_to_e4m3fnuz_sat(s0[j]);
                    }
                }
            }
            return;
        }
        blk -= nblk;
    }
    { /* segment 3 */
        const sn_i64 rows = ((sn_i64)1 * sym_T);
        const sn_i64 nblk = (rows + 31) / 32;
        if (blk < nblk) {
            const int lane = threadIdx.x % 4, team = threadIdx.x / 4;
            const sn_i64 row = blk * 32 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)64);
            const sn_i64 o0 = (live ? row : 0);
            const sn_i64 k2 = (sn_i64)(b4[o0]);
            const sn_i64 k9 = (sn_i64)1ll;
            const float k15 = b10_v;
            const sn_i64 k18 = (sn_i64)(b6[o0]);
            const sn_i64 k19 = ((sn_i64)64 * sym_NP);
            const sn_i64 k20 = (sn_i64)0ll;
            const sn_i64 k21 = (sn_i64)(k18 >= k20);
            const sn_i64 k22 = (sn_i64)(k18 < k19);
            const sn_i64 k23 = (sn_i64)(k21 != 0 && k22 != 0);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 4 + lane) * 8;
                float l1[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l1[j] = ok ? sn_from_bf16(b2[o0 * b2_s0 + ((((sn_i64)r0 / (sn_i64)2) * (sn_i64)2) + (sn_i64)1)]) : 0.0f;
                }
                float l3[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l3[j] = ok ? (b5[sn_clampi(k2, ((sn_i64)4096)) * b5_s0 + ((sn_i64)r0 / (sn_i64)2)]) : 0.0f;
                }
                float l5[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l5[j] = ok ? sn_from_bf16(b2[o0 * b2_s0 + (((sn_i64)r0 / (sn_i64)2) * (sn_i64)2)]) : 0.0f;
                }
                float l6[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l6[j] = ok ? (b5[sn_clampi(k2, ((sn_i64)4096)) * b5_s0 + (((sn_i64)r0 / (sn_i64)2) + (sn_i64)32)]) : 0.0f;
                }
                float s0[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = ((sn_i64)r0 % (sn_i64)2);
                    const float k1 = l1[j];
                    const float k3 = l3[j];
                    const float k4 = k1 * k3;
                    const float k5 = l5[j];
                    const float k6 = l6[j];
                    const float k7 = k5 * k6;
                    const float k8 = k4 + k7;
                    const float k10 = k5 * k3;
                    const float k11 = k1 * k6;
                    const float k12 = k10 - k11;
                    const sn_i64 k13 = (sn_i64)(k0 < k9);
                    const float k14 = k13 != 0 ? k12 : k8;
                    const float k16 = sn_div(k14, k15);
                    s0[j] = k16;
                }
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    if (live && ok && k23) {
                        b8[sn_clampi((k18 / (sn_i64)64), ((sn_i64)1 * sym_NP)) * b8_s0 + sn_clampi((k18 % (sn_i64)64), ((sn_i64)64)) * b8_s1 + (sn_i64)r0] = sn_to_e4m3fnuz_sat(s0[j]);
                    }
                }
            }
            return;
        }
        blk -= nblk;
    }
}
#endif

#if !defined(SN_ONLY) || defined(SN_ONLY_mla_rope_fp8_append_paged_k0_few)
extern "C" __global__ void __launch_bounds__(64) mla_rope_fp8_append_paged_k0_few(
    const sn_u16 *__restrict__ b0,
    const sn_i64 b0_s0,
    const sn_i64 b0_s1,
    const sn_u16 *__restrict__ b1,
    const sn_i64 b1_s0,
    const sn_i64 b1_s1,
    const sn_u16 *__restrict__ b2,
    const sn_i64 b2_s0,
    const sn_u16 *__restrict__ b3,
    const sn_i64 b3_s0,
    const sn_i64 *__restrict__ b4,
    const float *__restrict__ b5,
    const sn_i64 b5_s0,
    const sn_i64 *__restrict__ b6,
    sn_u8 *__restrict__ b7,
    const sn_i64 b7_s0,
    const sn_i64 b7_s1,
    sn_u8 *__restrict__ b8,
    const sn_i64 b8_s0,
    const sn_i64 b8_s1,
    const float b9_v,
    const float b10_v,
    sn_u8 *__restrict__ b11,
    sn_u8 *__restrict__ b12,
    const sn_i64 sym_T,
    const sn_i64 sym_NP)
{
    sn_i64 blk = blockIdx.x;
    { /* segment 0 */
        const sn_i64 rows = ((sn_i64)128 * sym_T);
        const sn_i64 nblk = (rows + 1) / 2;
        if (blk < nblk) {
            const int lane = threadIdx.x % 32, team = threadIdx.x / 32;
            const sn_i64 row = blk * 2 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)64);
            const sn_i64 o1 = (live ? row : 0) % ((sn_i64)128);
            const sn_i64 o0 = (live ? row : 0) / ((sn_i64)128);
            const sn_i64 k2 = (sn_i64)(b4[o0]);
            const sn_i64 k9 = (sn_i64)1ll;
            const float k15 = b9_v;
            unsigned pf1[1];
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 32 + lane) * 2;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf1[c] = *(const unsigned *)(b0 + (o0 * b0_s0 + o1 * b0_s1 + (((sn_i64)r0 / (sn_i64)2) * (sn_i64)2)));
            }
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 32 + lane) * 2;
                float l1[2];
                {
                    const unsigned raw = pf1[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l1[0] = sn_from_bf16(el[1]);
                    l1[1] = sn_from_bf16(el[1]);
                }
                float l3[2];
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l3[j] = ok ? (b5[sn_clampi(k2, ((sn_i64)4096)) * b5_s0 + ((sn_i64)r0 / (sn_i64)2)]) : 0.0f;
                }
                float l5[2];
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l5[j] = ok ? sn_from_bf16(b0[o0 * b0_s0 + o1 * b0_s1 + (((sn_i64)r0 / (sn_i64)2) * (sn_i64)2)]) : 0.0f;
                }
                float l6[2];
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l6[j] = ok ? (b5[sn_clampi(k2, ((sn_i64)4096)) * b5_s0 + (((sn_i64)r0 / (sn_i64)2) + (sn_i64)32)]) : 0.0f;
                }
                float s0[2];
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = ((sn_i64)r0 % (sn_i64)2);
                    const float k1 = l1[j];
                    const float k3 = l3[j];
                    const float k4 = k1 * k3;
                    const float k5 = l5[j];
                    const float k6 = l6[j];
                    const float k7 = k5 * k6;
                    const float k8 = k4 + k7;
                    const float k10 = k5 * k3;
                    const float k11 = k1 * k6;
                    const float k12 = k10 - k11;
                    const sn_i64 k13 = (sn_i64)(k0 < k9);
                    const float k14 = k13 != 0 ? k12 : k8;
                    const float k16 = sn_div(k14, k15);
                    s0[j] = k16;
                }
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    if (live && ok) {
                        b11[o0 * ((sn_i64)8192) + o1 * ((sn_i64)64) + (sn_i64)r0] = sn_to_e4m3fnuz_sat(s0[j]);
                    }
                }
            }
            return;
        }
        blk -= nblk;
    }
    { /* segment 1 */
        const sn_i64 rows = ((sn_i64)128 * sym_T);
        const sn_i64 nblk = (rows + 0) / 1;
        if (blk < nblk) {
            const int lane = threadIdx.x % 64, team = threadIdx.x / 64;
            const sn_i64 row = blk * 1 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)512);
            const sn_i64 o1 = (live ? row : 0) % ((sn_i64)128);
            const sn_i64 o0 = (live ? row : 0) / ((sn_i64)128);
            const float k1 = b9_v;
            unsigned pf0[4];
            #pragma unroll
            for (int c = 0; c < 4; c++) {
                const int e0 = (c * 64 + lane) * 2;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf0[c] = *(const unsigned *)(b1 + (o0 * b1_s0 + o1 * b1_s1 + (sn_i64)r0));
            }
            #pragma unroll
            for (int c = 0; c < 4; c++) {
                const int e0 = (c * 64 + lane) * 2;
                float l0[2];
                {
                    const unsigned raw = pf0[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l0[0] = sn_from_bf16(el[0]);
                    l0[1] = sn_from_bf16(el[1]);
                }
                float s0[2];
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const float k0 = l0[j];
                    const float k2 = sn_div(k0, k1);
                    s0[j] = k2;
                }
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    if (live && ok) {
                        b12[o0 * ((sn_i64)65536) + o1 * ((sn_i64)512) + (sn_i64)r0] = sn_to_e4m3fnuz_sat(s0[j]);
                    }
                }
            }
            return;
        }
        blk -= nblk;
    }
    { /* segment 2 */
        const sn_i64 rows = ((sn_i64)1 * sym_T);
        const sn_i64 nblk = (rows + 0) / 1;
        if (blk < nblk) {
            const int lane = threadIdx.x % 64, team = threadIdx.x / 64;
            const sn_i64 row = blk * 1 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)512);
            const sn_i64 o0 = (live ? row : 0);
            const float k1 = b10_v;
            const sn_i64 k4 = (sn_i64)(b6[o0]);
            const sn_i64 k5 = ((sn_i64)64 * sym_NP);
            const sn_i64 k6 = (sn_i64)0ll;
            const sn_i64 k7 = (sn_i64)(k4 >= k6);
            const sn_i64 k8 = (sn_i64)(k4 < k5);
            const sn_i64 k9 = (sn_i64)(k7 != 0 && k8 != 0);
            unsigned pf0[4];
            #pragma unroll
            for (int c = 0; c < 4; c++) {
                const int e0 = (c * 64 + lane) * 2;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf0[c] = *(const unsigned *)(b3 + (o0 * b3_s0 + (sn_i64)r0));
            }
            #pragma unroll
            for (int c = 0; c < 4; c++) {
                const int e0 = (c * 64 + lane) * 2;
                float l0[2];
                {
                    const unsigned raw = pf0[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l0[0] = sn_from_bf16(el[0]);
                    l0[1] = sn_from_bf16(el[1]);
                }
                float s0[2];
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const float k0 = l0[j];
                    const float k2 = sn_div(k0, k1);
                    s0[j] = k2;
                }
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    if (live && ok && k9) {
                        b7[sn_clampi((k4 / (sn_i64)64), ((sn_i64)1 * sym_NP)) * b7_s0 + sn_clampi((k4 % (sn_i64)64), ((sn_i64)64)) * b7_s1 + (sn_i64)r0] = sn_to_e4m3fnuz_sat(s0[j]);
                    }
                }
            }
            return;
        }
        blk -= nblk;
    }
    { /* segment 3 */
        const sn_i64 rows = ((sn_i64)1 * sym_T);
        const sn_i64 nblk = (rows + 1) / 2;
        if (blk < nblk) {
            const int lane = threadIdx.x % 32, team = threadIdx.x / 32;
            const sn_i64 row = blk * 2 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)64);
            const sn_i64 o0 = (live ? row : 0);
            const sn_i64 k2 = (sn_i64)(b4[o0]);
            const sn_i64 k9 = (sn_i64)1ll;
            const float k15 = b10_v;
            const sn_i64 k18 = (sn_i64)(b6[o0]);
            const sn_i64 k19 = ((sn_i64)64 * sym_NP);
            const sn_i64 k20 = (sn_i64)0ll;
            const sn_i64 k21 = (sn_i64)(k18 >= k20);
            const sn_i64 k22 = (sn_i64)(k18 < k19);
            const sn_i64 k23 = (sn_i64)(k21 != 0 && k22 != 0);
            unsigned pf1[1];
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 32 + lane) * 2;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf1[c] = *(const unsigned *)(b2 + (o0 * b2_s0 + (((sn_i64)r0 / (sn_i64)2) * (sn_i64)2)));
            }
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 32 + lane) * 2;
                float l1[2];
                {
                    const unsigned raw = pf1[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l1[0] = sn_from_bf16(el[1]);
                    l1[1] = sn_from_bf16(el[1]);
                }
                float l3[2];
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l3[j] = ok ? (b5[sn_clampi(k2, ((sn_i64)4096)) * b5_s0 + ((sn_i64)r0 / (sn_i64)2)]) : 0.0f;
                }
                float l5[2];
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l5[j] = ok ? sn_from_bf16(b2[o0 * b2_s0 + (((sn_i64)r0 / (sn_i64)2) * (sn_i64)2)]) : 0.0f;
                }
                float l6[2];
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l6[j] = ok ? (b5[sn_clampi(k2, ((sn_i64)4096)) * b5_s0 + (((sn_i64)r0 / (sn_i64)2) + (sn_i64)32)]) : 0.0f;
                }
                float s0[2];
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = ((sn_i64)r0 % (sn_i64)2);
                    const float k1 = l1[j];
                    const float k3 = l3[j];
                    const float k4 = k1 * k3;
                    const float k5 = l5[j];
                    const float k6 = l6[j];
                    const float k7 = k5 * k6;
                    const float k8 = k4 + k7;
                    const float k10 = k5 * k3;
                    const float k11 = k1 * k6;
                    const float k12 = k10 - k11;
                    const sn_i64 k13 = (sn_i64)(k0 < k9);
                    const float k14 = k13 != 0 ? k12 : k8;
                    const float k16 = sn_div(k14, k15);
                    s0[j] = k16;
                }
                #pragma unroll
                for (int j = 0; j < 2; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    if (live && ok && k23) {
                        b8[sn_clampi((k18 / (sn_i64)64), ((sn_i64)1 * sym_NP)) * b8_s0 + sn_clampi((k18 % (sn_i64)64), ((sn_i64)64)) * b8_s1 + (sn_i64)r0] = sn_to_e4m3fnuz_sat(s0[j]);
                    }
                }
            }
            return;
        }
        blk -= nblk;
    }
}
#endif

