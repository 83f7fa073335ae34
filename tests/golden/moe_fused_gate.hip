/* target hip:gfx942 */
/* ---- kernel moe_fused_gate_k0 ----
 *   b0         pointer (gating_output bf16[T, 256])
 *   b0_s0      stride of dim 0 (gating_output bf16[T, 256])
 *   b1         pointer (bias bf16[256])
 *   b2         pointer (out0 f32[T, 8])
 *   b3         pointer (ids i32[T, 8])
 *   sym_T      size symbol
 * block 128, shared memory 0 bytes, grid = ceil(T / 8)
 * segment 0: rows T x row 256; 16 lanes x 2 runs x 8, 8 rows/block, row in registers
 * variants: moe_fused_gate_k0 needs gating_output 16-byte aligned with strides a multiple of the vector, bias 16-byte aligned with strides a multiple of the vector; otherwise moe_fused_gate_k0_scalar runs
 * graph ops: %2 iota, %5 const, %6 floordiv, %9 const, %12 eq, %0 input, %14 cast, %15 sigmoid, %1 input, %16 cast, %18 add, %19 const, %20 where, %21 ne, %22 const, %23 const, %24 eq, %25 const, %26 cast, %27 cast, %28 cast, %29 lt, %30 bxor, %31 where, %32 where, %33 where, %34 const, %35 shl, %36 cast, %37 sub, %38 bor, %39 max, %41 eq, %42 where, %43 max, %44 lt, %45 const, %46 where, %47 max, %49 eq, %50 where, %51 max, %53 const, %54 eq, %56 where, %57 ne, %58 eq, %59 cast, %60 cast, %61 cast, %62 lt, %63 bxor, %64 where, %65 where, %66 where, %67 shl, %68 bor, %69 max, %71 eq, %72 where, %73 max, %74 lt, %75 where, %76 max, %78 eq, %79 where, %80 max, %82 const, %83 eq, %85 where, %86 ne, %87 eq, %88 cast, %89 cast, %90 cast, %91 lt, %92 bxor, %93 where, %94 where, %95 where, %96 shl, %97 bor, %98 max, %100 eq, %101 where, %102 max, %103 lt, %104 where, %105 max, %107 eq, %108 where, %109 max, %111 const, %112 eq, %114 where, %115 ne, %116 eq, %117 cast, %118 cast, %119 cast, %120 lt, %121 bxor, %122 where, %123 where, %124 where, %125 shl, %126 bor, %127 max, %129 eq, %130 where, %131 max, %132 lt, %133 where, %134 max, %136 eq, %137 where, %138 max, %140 const, %141 eq, %143 where, %144 ne, %145 eq, %146 cast, %147 cast, %148 cast, %149 lt, %150 bxor, %151 where, %152 where, %153 where, %154 shl, %155 bor, %156 max, %158 eq, %159 where, %160 max, %161 lt, %162 where, %163 max, %165 eq, %166 where, %167 max, %169 const, %170 eq, %172 where, %173 ne, %174 eq, %175 cast, %176 cast, %177 cast, %178 lt, %179 bxor, %180 where, %181 where, %182 where, %183 shl, %184 bor, %185 max, %187 eq, %188 where, %189 max, %190 lt, %191 where, %192 max, %194 eq, %195 where, %196 max, %198 const, %199 eq, %201 where, %202 ne, %203 eq, %204 cast, %205 cast, %206 cast, %207 lt, %208 bxor, %209 where, %210 where, %211 where, %212 shl, %213 bor, %214 max, %216 eq, %217 where, %218 max, %219 lt, %220 where, %221 max, %223 eq, %224 where, %225 max, %227 const, %228 eq, %230 where, %231 ne, %232 eq, %233 cast, %234 cast, %235 cast, %236 lt, %237 bxor, %238 where, %239 where, %240 where, %241 shl, %242 bor, %243 max, %245 eq, %246 where, %247 max, %248 lt, %249 where, %250 max, %252 eq, %253 where, %254 max, %8 mod, %10 eq, %255 add, %226 add, %256 cat, %197 add, %168 add, %139 add, %110 add, %81 add, %52 add, %258 where, %259 ne, %260 eq, %261 cast, %262 cast, %263 cast, %264 lt, %265 bxor, %266 where, %267 where, %268 where, %269 shl, %270 bor, %271 max, %279 lt, %280 where, %281 max, %287 lt, %288 where, %289 max, %295 lt, %296 where, %297 max, %4 const, %272 const, %273 band, %274 sub, %275 cast, %276 const, %277 floordiv, %304 eq, %282 band, %283 sub, %284 cast, %285 floordiv, %306 eq, %307 or, %290 band, %291 sub, %292 cast, %293 floordiv, %309 eq, %310 or, %298 band, %299 sub, %300 cast, %301 floordiv, %312 eq, %313 or, %314 where, %315 ne, %316 eq, %317 cast, %318 cast, %319 cast, %320 lt, %321 bxor, %322 where, %323 where, %324 where, %325 shl, %326 bor, %327 max, %332 lt, %333 where, %334 max, %339 lt, %340 where, %341 max, %346 lt, %347 where, %348 max, %353 lt, %354 where, %355 max, %360 lt, %361 where, %362 max, %367 lt, %368 where, %369 max, %374 lt, %375 where, %376 max, %328 band, %329 sub, %330 cast, %382 eq, %383 where, %384 max, %335 band, %336 sub, %337 cast, %386 eq, %387 where, %388 max, %342 band, %343 sub, %344 cast, %391 eq, %392 where, %393 max, %349 band, %350 sub, %351 cast, %396 eq, %397 where, %398 max, %356 band, %357 sub, %358 cast, %401 eq, %402 where, %403 max, %363 band, %364 sub, %365 cast, %406 eq, %407 where, %408 max, %370 band, %371 sub, %372 cast, %411 eq, %412 where, %413 max, %377 band, %378 sub, %379 cast, %416 eq, %417 where, %418 max, %389 add, %394 add, %399 add, %404 add, %409 add, %414 add, %419 add, %421 div, %422 const, %423 mul, %424 div, %425 mul, %426 div, %427 mul, %428 div, %429 mul, %430 div, %431 mul, %432 div, %433 mul, %434 div, %435 mul, %436 div, %437 mul
 */
/* ---- kernel moe_fused_gate_k0_few ----
 * few-rows variant of moe_fused_gate_k0: launched instead when moe_fused_gate_k0's grid is at most 1 blocks per SM
 *   b0         pointer (gating_output bf16[T, 256])
 *   b0_s0      stride of dim 0 (gating_output bf16[T, 256])
 *   b1         pointer (bias bf16[256])
 *   b2         pointer (out0 f32[T, 8])
 *   b3         pointer (ids i32[T, 8])
 *   sym_T      size symbol
 * block 64, shared memory 0 bytes, grid = ceil(T / 1)
 * segment 0: rows T x row 256; 64 lanes x 1 runs x 4, 1 rows/block, row in registers
 * graph ops: %2 iota, %5 const, %6 floordiv, %9 const, %12 eq, %0 input, %14 cast, %15 sigmoid, %1 input, %16 cast, %18 add, %19 const, %20 where, %21 ne, %22 const, %23 const, %24 eq, %25 const, %26 cast, %27 cast, %28 cast, %29 lt, %30 bxor, %31 where, %32 where, %33 where, %34 const, %35 shl, %36 cast, %37 sub, %38 bor, %39 max, %41 eq, %42 where, %43 max, %44 lt, %45 const, %46 where, %47 max, %49 eq, %50 where, %51 max, %53 const, %54 eq, %56 where, %57 ne, %58 eq, %59 cast, %60 cast, %61 cast, %62 lt, %63 bxor, %64 where, %65 where, %66 where, %67 shl, %68 bor, %69 max, %71 eq, %72 where, %73 max, %74 lt, %75 where, %76 max, %78 eq, %79 where, %80 max, %82 const, %83 eq, %85 where, %86 ne, %87 eq, %88 cast, %89 cast, %90 cast, %91 lt, %92 bxor, %93 where, %94 where, %95 where, %96 shl, %97 bor, %98 max, %100 eq, %101 where, %102 max, %103 lt, %104 where, %105 max, %107 eq, %108 where, %109 max, %111 const, %112 eq, %114 where, %115 ne, %116 eq, %117 cast, %118 cast, %119 cast, %120 lt, %121 bxor, %122 where, %123 where, %124 where, %125 shl, %126 bor, %127 max, %129 eq, %130 where, %131 max, %132 lt, %133 where, %134 max, %136 eq, %137 where, %138 max, %140 const, %141 eq, %143 where, %144 ne, %145 eq, %146 cast, %147 cast, %148 cast, %149 lt, %150 bxor, %151 where, %152 where, %153 where, %154 shl, %155 bor, %156 max, %158 eq, %159 where, %160 max, %161 lt, %162 where, %163 max, %165 eq, %166 where, %167 max, %169 const, %170 eq, %172 where, %173 ne, %174 eq, %175 cast, %176 cast, %177 cast, %178 lt, %179 bxor, %180 where, %181 where, %182 where, %183 shl, %184 bor, %185 max, %187 eq, %188 where, %189 max, %190 lt, %191 where, %192 max, %194 eq, %195 where, %196 max, %198 const, %199 eq, %201 where, %202 ne, %203 eq, %204 cast, %205 cast, %206 cast, %207 lt, %208 bxor, %209 where, %210 where, %211 where, %212 shl, %213 bor, %214 max, %216 eq, %217 where, %218 max, %219 lt, %220 where, %221 max, %223 eq, %224 where, %225 max, %227 const, %228 eq, %230 where, %231 ne, %232 eq, %233 cast, %234 cast, %235 cast, %236 lt, %237 bxor, %238 where, %239 where, %240 where, %241 shl, %242 bor, %243 max, %245 eq, %246 where, %247 max, %248 lt, %249 where, %250 max, %252 eq, %253 where, %254 max, %8 mod, %10 eq, %255 add, %226 add, %256 cat, %197 add, %168 add, %139 add, %110 add, %81 add, %52 add, %258 where, %259 ne, %260 eq, %261 cast, %262 cast, %263 cast, %264 lt, %265 bxor, %266 where, %267 where, %268 where, %269 shl, %270 bor, %271 max, %279 lt, %280 where, %281 max, %287 lt, %288 where, %289 max, %295 lt, %296 where, %297 max, %4 const, %272 const, %273 band, %274 sub, %275 cast, %276 const, %277 floordiv, %304 eq, %282 band, %283 sub, %284 cast, %285 floordiv, %306 eq, %307 or, %290 band, %291 sub, %292 cast, %293 floordiv, %309 eq, %310 or, %298 band, %299 sub, %300 cast, %301 floordiv, %312 eq, %313 or, %314 where, %315 ne, %316 eq, %317 cast, %318 cast, %319 cast, %320 lt, %321 bxor, %322 where, %323 where, %324 where, %325 shl, %326 bor, %327 max, %332 lt, %333 where, %334 max, %339 lt, %340 where, %341 max, %346 lt, %347 where, %348 max, %353 lt, %354 where, %355 max, %360 lt, %361 where, %362 max, %367 lt, %368 where, %369 max, %374 lt, %375 where, %376 max, %328 band, %329 sub, %330 cast, %382 eq, %383 where, %384 max, %335 band, %336 sub, %337 cast, %386 eq, %387 where, %388 max, %342 band, %343 sub, %344 cast, %391 eq, %392 where, %393 max, %349 band, %350 sub, %351 cast, %396 eq, %397 where, %398 max, %356 band, %357 sub, %358 cast, %401 eq, %402 where, %403 max, %363 band, %364 sub, %365 cast, %406 eq, %407 where, %408 max, %370 band, %371 sub, %372 cast, %411 eq, %412 where, %413 max, %377 band, %378 sub, %379 cast, %416 eq, %417 where, %418 max, %389 add, %394 add, %399 add, %404 add, %409 add, %414 add, %419 add, %421 div, %422 const, %423 mul, %424 div, %425 mul, %426 div, %427 mul, %428 div, %429 mul, %430 div, %431 mul, %432 div, %433 mul, %434 div, %435 mul, %436 div, %437 mul
 */
/* generated by sinter from graph moe_fused_gate; do not edit */
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
SN_DEVICE sn_u8 sn_to_e2m1(float x) { return (sn_u8)sn_encode(x, SN_E2M1); }
SN_DEVICE sn_u8 sn_to_e2m1_sat(float x) { return sn_to_e2m1(sn_clamp_sat(x, 6.0f)); }
SN_DEVICE float sn_from_e2m1(sn_u8 b) { return sn_decode(b & 0xfu, SN_E2M1); }
/* Element k of a packed f4e2m1 array p: nibble k % 2 of byte k / 2. */
#define SN_E2M1_AT(p, k) sn_from_e2m1((sn_u8)((p)[(k) >> 1] >> (((k) & 1) * 4)))

/* OCP E8M0: code e is 2^(e - 127), 0xff NaN.  Rounds up to a power of two
 * and drops the sign: |x| <= 2^-127 (zeros too) -> 0x00; a normal x takes
 * its exponent field plus one when its mantissa is not zero, a subnormal
 * above 2^-127 gives 2^-126; beyond 2^127, inf and NaN -> 0xff. */
SN_DEVICE sn_u8 sn_to_e8m0(float x)
{
    sn_u32 a = sn_f2u(x) & 0x7fffffffu;
    if (a >= 0x7f800000u)
        return (sn_u8)0xffu;
    if (a <= 0x00400000u)
        return (sn_u8)0x00u;
    sn_u32 ex = a >> 23;
    if (ex == 0)
        return (sn_u8)0x01u;
    sn_u32 e = ex + ((a & 0x7fffffu) != 0u);
    return (sn_u8)(e > 254u ? 0xffu : e);
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

/* prelude_int.cuh - the device helpers of the unsigned dtypes, the
 * integer bit ops, // and %, bitcasts and signbit/exponent/ldexp.
 *
 * Codegen appends it to prelude.cuh (whose types and helpers it uses) only
 * in modules that use one of these (cg_emit), so the code generated for
 * programs without them stays as it was.  Compiles as CUDA C++, HIP C++
 * and C like prelude.cuh (tests/test_prelude.c checks every function
 * against ir/scalar.h and ir/dtype.c).  Math mirrors ir/scalar.h. */

/* integer -> unsigned integer type of `bits` (< 64) bits: the low bits. */
SN_DEVICE sn_i64 sn_wrapu(sn_i64 x, int bits)
{
    return (sn_i64)((sn_u64)x & (((sn_u64)1 << bits) - 1u));
}
/* The integer ops of ir/scalar.h that wrap their operands to the op's
 * type first (bits, sgn: its width and signedness); same definitions. */
SN_DEVICE sn_i64 sn_iwrap(sn_i64 x, int bits, int sgn)
{
    return sgn ? sn_wrap(x, bits) : sn_wrapu(x, bits);
}
SN_DEVICE sn_i64 sn_ishl(sn_i64 a, sn_i64 b, int bits, int sgn)
{
    a = sn_iwrap(a, bits, sgn);
    b = sn_iwrap(b, bits, sgn);
    return b < 0 || b >= bits ? 0 : (sn_i64)((sn_u64)a << b);
}
SN_DEVICE sn_i64 sn_ishr(sn_i64 a, sn_i64 b, int bits, int sgn)
{
    a = sn_iwrap(a, bits, sgn);
    b = sn_iwrap(b, bits, sgn);
    if (b < 0 || b >= bits)
        b = 63;
    return a < 0 ? ~(~a >> b) : a >> b;
}
SN_DEVICE sn_i64 sn_ifloordiv(sn_i64 a, sn_i64 b, int bits, int sgn)
{
    a = sn_iwrap(a, bits, sgn);
    b = sn_iwrap(b, bits, sgn);
    if (b == 0)
        return 0;
    if (b == -1)
        return (sn_i64)(0u - (sn_u64)a);
    sn_i64 q = a / b;
    return a % b != 0 && (a < 0) != (b < 0) ? q - 1 : q;
}
SN_DEVICE sn_i64 sn_imod(sn_i64 a, sn_i64 b, int bits, int sgn)
{
    a = sn_iwrap(a, bits, sgn);
    b = sn_iwrap(b, bits, sgn);
    if (b == 0)
        return a;
    if (b == -1)
        return 0;
    sn_i64 r = a % b;
    return r != 0 && (r < 0) != (b < 0) ? r + b : r;
}
/* 1.0f when the sign bit is set (-0, negative NaN), else 0.0f. */
SN_DEVICE float sn_signbit(float a) { return (sn_f2u(a) >> 31) ? 1.0f : 0.0f; }
/* floor(log2 |a|) as a float; 0: -2^31, inf and NaN: 2^31 (scalar.h). */
SN_DEVICE float sn_exponent(float a)
{
    sn_u32 u = sn_f2u(a) & 0x7fffffffu;
    if (u == 0)
        return -2147483648.0f;
    if (u >= 0x7f800000u)
        return 2147483648.0f;
    int e = (int)(u >> 23);
    if (e == 0) { /* subnormal: u * 2^-149 */
        int top = 22;
        while (!(u >> top))
            top--;
        return (float)(top - 149);
    }
    return (float)(e - 127);
}
/* a * 2^b for an integral b, b clamped to [-512, 512], NaN b as 0. */
SN_DEVICE float sn_ldexp(float a, float b)
{
    int n = b != b ? 0 : b > 512.0f ? 512 : b < -512.0f ? -512 : (int)b;
    return ldexpf(a, n);
}

#if !defined(SN_ONLY) || defined(SN_ONLY_moe_fused_gate_k0)
extern "C" __global__ void __launch_bounds__(128) moe_fused_gate_k0(
    const sn_u16 *__restrict__ b0,
    const sn_i64 b0_s0,
    const sn_u16 *__restrict__ b1,
    float *__restrict__ b2,
    int *__restrict__ b3,
    const sn_i64 sym_T)
{
    sn_i64 blk = blockIdx.x;
    { /* segment 0 */
        const sn_i64 rows = ((sn_i64)1 * sym_T);
        const sn_i64 nblk = (rows + 7) / 8;
        if (blk < nblk) {
            const int lane = threadIdx.x % 16, team = threadIdx.x / 16;
            const sn_i64 row = blk * 8 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)256);
            const sn_i64 o0 = (live ? row : 0);
            float c7[16];
            float c10[16];
            float c12[16];
            sn_i64 c30[16];
            float c44[16];
            sn_i64 c56[16];
            float c69[16];
            sn_i64 c81[16];
            float c94[16];
            sn_i64 c106[16];
            float c119[16];
            sn_i64 c131[16];
            float c144[16];
            sn_i64 c156[16];
            float c169[16];
            sn_i64 c181[16];
            float c194[16];
            sn_i64 c206[16];
            sn_i64 c310[16];
            const sn_i64 k1 = (sn_i64)32ll;
            const sn_i64 k3 = (sn_i64)0ll;
            const float k11 = sn_u2f(0xff800000u);
            const sn_i64 k14 = (sn_i64)2147483647ll;
            const float k15 = 0.0f;
            const sn_i64 k17 = (sn_i64)0ll;
            const sn_i64 k26 = (sn_i64)32ll;
            const sn_i64 k36 = (sn_i64)-9223372036854775808ll;
            const sn_i64 k42 = (sn_i64)1ll;
            const sn_i64 k67 = (sn_i64)2ll;
            const sn_i64 k92 = (sn_i64)3ll;
            const sn_i64 k117 = (sn_i64)4ll;
            const sn_i64 k142 = (sn_i64)5ll;
            const sn_i64 k167 = (sn_i64)6ll;
            const sn_i64 k192 = (sn_i64)7ll;
            const sn_i64 k221 = (sn_i64)7ll;
            const sn_i64 k225 = (sn_i64)6ll;
            const sn_i64 k229 = (sn_i64)5ll;
            const sn_i64 k233 = (sn_i64)4ll;
            const sn_i64 k237 = (sn_i64)3ll;
            const sn_i64 k241 = (sn_i64)2ll;
            const sn_i64 k245 = (sn_i64)1ll;
            const sn_i64 k272 = (sn_i64)2147483647ll;
            const sn_i64 k273 = (sn_i64)4294967295ll;
            const sn_i64 k277 = (sn_i64)32ll;
            const float k389 = 2.5f;
            sn_i64 acc31 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc57 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc82 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc107 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc132 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc157 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc182 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc207 = (sn_i64)0x8000000000000000ull;
            uint4 pf5[2];
            uint4 pf8[2];
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf5[c] = *(const uint4 *)(b0 + (o0 * b0_s0 + (sn_i64)r0));
            }
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf8[c] = *(const uint4 *)(b1 + ((sn_i64)r0));
            }
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                float l5[8];
                {
                    const uint4 raw = pf5[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l5[0] = sn_from_bf16(el[0]);
                    l5[1] = sn_from_bf16(el[1]);
                    l5[2] = sn_from_bf16(el[2]);
                    l5[3] = sn_from_bf16(el[3]);
                    l5[4] = sn_from_bf16(el[4]);
                    l5[5] = sn_from_bf16(el[5]);
                    l5[6] = sn_from_bf16(el[6]);
                    l5[7] = sn_from_bf16(el[7]);
                }
                float l8[8];
                {
                    const uint4 raw = pf8[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l8[0] = sn_from_bf16(el[0]);
                    l8[1] = sn_from_bf16(el[1]);
                    l8[2] = sn_from_bf16(el[2]);
                    l8[3] = sn_from_bf16(el[3]);
                    l8[4] = sn_from_bf16(el[4]);
                    l8[5] = sn_from_bf16(el[5]);
                    l8[6] = sn_from_bf16(el[6]);
                    l8[7] = sn_from_bf16(el[7]);
                }
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k2 = sn_ifloordiv(k0, k1, 32, 1);
                    const sn_i64 k4 = (sn_i64)(k2 == k3);
                    const float k5 = l5[j];
                    const float k6 = (k5);
                    const float k7 = sn_sigmoid(k6);
                    c7[c * 8 + j] = k7;
                    const float k8 = l8[j];
                    const float k9 = (k8);
                    const float k10 = k7 + k9;
                    c10[c * 8 + j] = k10;
                    const float k12 = k4 != 0 ? k10 : k11;
                    c12[c * 8 + j] = k12;
                    const sn_i64 k13 = (sn_i64)(k12 != k12);
                    const sn_i64 k16 = (sn_i64)(k12 == k15);
                    const float k18 = (k12);
                    const sn_i64 k19 = sn_iwrap((sn_i64)sn_f2u(k18), 32, 1);
                    const sn_i64 k20 = sn_wrap(k19, 64);
                    const sn_i64 k21 = (sn_i64)(k20 < k17);
                    const sn_i64 k22 = (k20 ^ k14);
                    const sn_i64 k23 = k21 != 0 ? k22 : k20;
                    const sn_i64 k24 = k16 != 0 ? k17 : k23;
                    const sn_i64 k25 = k13 != 0 ? k14 : k24;
                    const sn_i64 k27 = sn_ishl(k25, k26, 64, 1);
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k30 = (k27 | k29);
                    c30[c * 8 + j] = k30;
                    const sn_i64 k43 = (sn_i64)(k2 == k42);
                    const float k44 = k43 != 0 ? k10 : k11;
                    c44[c * 8 + j] = k44;
                    const sn_i64 k45 = (sn_i64)(k44 != k44);
                    const sn_i64 k46 = (sn_i64)(k44 == k15);
                    const float k47 = (k44);
                    const sn_i64 k48 = sn_iwrap((sn_i64)sn_f2u(k47), 32, 1);
                    const sn_i64 k49 = sn_wrap(k48, 64);
                    const sn_i64 k50 = (sn_i64)(k49 < k17);
                    const sn_i64 k51 = (k49 ^ k14);
                    const sn_i64 k52 = k50 != 0 ? k51 : k49;
                    const sn_i64 k53 = k46 != 0 ? k17 : k52;
                    const sn_i64 k54 = k45 != 0 ? k14 : k53;
                    const sn_i64 k55 = sn_ishl(k54, k26, 64, 1);
                    const sn_i64 k56 = (k55 | k29);
                    c56[c * 8 + j] = k56;
                    const sn_i64 k68 = (sn_i64)(k2 == k67);
                    const float k69 = k68 != 0 ? k10 : k11;
                    c69[c * 8 + j] = k69;
                    const sn_i64 k70 = (sn_i64)(k69 != k69);
                    const sn_i64 k71 = (sn_i64)(k69 == k15);
                    const float k72 = (k69);
                    const sn_i64 k73 = sn_iwrap((sn_i64)sn_f2u(k72), 32, 1);
                    const sn_i64 k74 = sn_wrap(k73, 64);
                    const sn_i64 k75 = (sn_i64)(k74 < k17);
                    const sn_i64 k76 = (k74 ^ k14);
                    const sn_i64 k77 = k75 != 0 ? k76 : k74;
                    const sn_i64 k78 = k71 != 0 ? k17 : k77;
                    const sn_i64 k79 = k70 != 0 ? k14 : k78;
                    const sn_i64 k80 = sn_ishl(k79, k26, 64, 1);
                    const sn_i64 k81 = (k80 | k29);
                    c81[c * 8 + j] = k81;
                    const sn_i64 k93 = (sn_i64)(k2 == k92);
                    const float k94 = k93 != 0 ? k10 : k11;
                    c94[c * 8 + j] = k94;
                    const sn_i64 k95 = (sn_i64)(k94 != k94);
                    const sn_i64 k96 = (sn_i64)(k94 == k15);
                    const float k97 = (k94);
                    const sn_i64 k98 = sn_iwrap((sn_i64)sn_f2u(k97), 32, 1);
                    const sn_i64 k99 = sn_wrap(k98, 64);
                    const sn_i64 k100 = (sn_i64)(k99 < k17);
                    const sn_i64 k101 = (k99 ^ k14);
                    const sn_i64 k102 = k100 != 0 ? k101 : k99;
                    const sn_i64 k103 = k96 != 0 ? k17 : k102;
                    const sn_i64 k104 = k95 != 0 ? k14 : k103;
                    const sn_i64 k105 = sn_ishl(k104, k26, 64, 1);
                    const sn_i64 k106 = (k105 | k29);
                    c106[c * 8 + j] = k106;
                    const sn_i64 k118 = (sn_i64)(k2 == k117);
                    const float k119 = k118 != 0 ? k10 : k11;
                    c119[c * 8 + j] = k119;
                    const sn_i64 k120 = (sn_i64)(k119 != k119);
                    const sn_i64 k121 = (sn_i64)(k119 == k15);
                    const float k122 = (k119);
                    const sn_i64 k123 = sn_iwrap((sn_i64)sn_f2u(k122), 32, 1);
                    const sn_i64 k124 = sn_wrap(k123, 64);
                    const sn_i64 k125 = (sn_i64)(k124 < k17);
                    const sn_i64 k126 = (k124 ^ k14);
                    const sn_i64 k127 = k125 != 0 ? k126 : k124;
                    const sn_i64 k128 = k121 != 0 ? k17 : k127;
                    const sn_i64 k129 = k120 != 0 ? k14 : k128;
                    const sn_i64 k130 = sn_ishl(k129, k26, 64, 1);
                    const sn_i64 k131 = (k130 | k29);
                    c131[c * 8 + j] = k131;
                    const sn_i64 k143 = (sn_i64)(k2 == k142);
                    const float k144 = k143 != 0 ? k10 : k11;
                    c144[c * 8 + j] = k144;
                    const sn_i64 k145 = (sn_i64)(k144 != k144);
                    const sn_i64 k146 = (sn_i64)(k144 == k15);
                    const float k147 = (k144);
                    const sn_i64 k148 = sn_iwrap((sn_i64)sn_f2u(k147), 32, 1);
                    const sn_i64 k149 = sn_wrap(k148, 64);
                    const sn_i64 k150 = (sn_i64)(k149 < k17);
                    const sn_i64 k151 = (k149 ^ k14);
                    const sn_i64 k152 = k150 != 0 ? k151 : k149;
                    const sn_i64 k153 = k146 != 0 ? k17 : k152;
                    const sn_i64 k154 = k145 != 0 ? k14 : k153;
                    const sn_i64 k155 = sn_ishl(k154, k26, 64, 1);
                    const sn_i64 k156 = (k155 | k29);
                    c156[c * 8 + j] = k156;
                    const sn_i64 k168 = (sn_i64)(k2 == k167);
                    const float k169 = k168 != 0 ? k10 : k11;
                    c169[c * 8 + j] = k169;
                    const sn_i64 k170 = (sn_i64)(k169 != k169);
                    const sn_i64 k171 = (sn_i64)(k169 == k15);
                    const float k172 = (k169);
                    const sn_i64 k173 = sn_iwrap((sn_i64)sn_f2u(k172), 32, 1);
                    const sn_i64 k174 = sn_wrap(k173, 64);
                    const sn_i64 k175 = (sn_i64)(k174 < k17);
                    const sn_i64 k176 = (k174 ^ k14);
                    const sn_i64 k177 = k175 != 0 ? k176 : k174;
                    const sn_i64 k178 = k171 != 0 ? k17 : k177;
                    const sn_i64 k179 = k170 != 0 ? k14 : k178;
                    const sn_i64 k180 = sn_ishl(k179, k26, 64, 1);
                    const sn_i64 k181 = (k180 | k29);
                    c181[c * 8 + j] = k181;
                    const sn_i64 k193 = (sn_i64)(k2 == k192);
                    const float k194 = k193 != 0 ? k10 : k11;
                    c194[c * 8 + j] = k194;
                    const sn_i64 k195 = (sn_i64)(k194 != k194);
                    const sn_i64 k196 = (sn_i64)(k194 == k15);
                    const float k197 = (k194);
                    const sn_i64 k198 = sn_iwrap((sn_i64)sn_f2u(k197), 32, 1);
                    const sn_i64 k199 = sn_wrap(k198, 64);
                    const sn_i64 k200 = (sn_i64)(k199 < k17);
                    const sn_i64 k201 = (k199 ^ k14);
                    const sn_i64 k202 = k200 != 0 ? k201 : k199;
                    const sn_i64 k203 = k196 != 0 ? k17 : k202;
                    const sn_i64 k204 = k195 != 0 ? k14 : k203;
                    const sn_i64 k205 = sn_ishl(k204, k26, 64, 1);
                    const sn_i64 k206 = (k205 | k29);
                    c206[c * 8 + j] = k206;
                    acc31 = sn_ifold_max(acc31, k30);
                    acc57 = sn_ifold_max(acc57, k56);
                    acc82 = sn_ifold_max(acc82, k81);
                    acc107 = sn_ifold_max(acc107, k106);
                    acc132 = sn_ifold_max(acc132, k131);
                    acc157 = sn_ifold_max(acc157, k156);
                    acc182 = sn_ifold_max(acc182, k181);
                    acc207 = sn_ifold_max(acc207, k206);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc31, off, 64);
                acc31 = sn_ifold_max(acc31, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc57, off, 64);
                acc57 = sn_ifold_max(acc57, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc82, off, 64);
                acc82 = sn_ifold_max(acc82, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc107, off, 64);
                acc107 = sn_ifold_max(acc107, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc132, off, 64);
                acc132 = sn_ifold_max(acc132, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc157, off, 64);
                acc157 = sn_ifold_max(acc157, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc182, off, 64);
                acc182 = sn_ifold_max(acc182, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc207, off, 64);
                acc207 = sn_ifold_max(acc207, other);
            }
            acc31 = __shfl(acc31, 0, 16);
            acc57 = __shfl(acc57, 0, 16);
            acc82 = __shfl(acc82, 0, 16);
            acc107 = __shfl(acc107, 0, 16);
            acc132 = __shfl(acc132, 0, 16);
            acc157 = __shfl(acc157, 0, 16);
            acc182 = __shfl(acc182, 0, 16);
            acc207 = __shfl(acc207, 0, 16);
            const sn_i64 k31 = acc31;
            const sn_i64 k57 = acc57;
            const sn_i64 k82 = acc82;
            const sn_i64 k107 = acc107;
            const sn_i64 k132 = acc132;
            const sn_i64 k157 = acc157;
            const sn_i64 k182 = acc182;
            const sn_i64 k207 = acc207;
            float acc34 = sn_u2f(0xff800000u);
            sn_i64 acc38 = (sn_i64)0x8000000000000000ull;
            float acc60 = sn_u2f(0xff800000u);
            sn_i64 acc63 = (sn_i64)0x8000000000000000ull;
            float acc85 = sn_u2f(0xff800000u);
            sn_i64 acc88 = (sn_i64)0x8000000000000000ull;
            float acc110 = sn_u2f(0xff800000u);
            sn_i64 acc113 = (sn_i64)0x8000000000000000ull;
            float acc135 = sn_u2f(0xff800000u);
            sn_i64 acc138 = (sn_i64)0x8000000000000000ull;
            float acc160 = sn_u2f(0xff800000u);
            sn_i64 acc163 = (sn_i64)0x8000000000000000ull;
            float acc185 = sn_u2f(0xff800000u);
            sn_i64 acc188 = (sn_i64)0x8000000000000000ull;
            float acc210 = sn_u2f(0xff800000u);
            sn_i64 acc213 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const float k12 = c12[c * 8 + j];
                    const sn_i64 k30 = c30[c * 8 + j];
                    const sn_i64 k32 = (sn_i64)(k30 == k31);
                    const float k33 = k32 != 0 ? k12 : k11;
                    const sn_i64 k35 = (sn_i64)(k30 < k31);
                    const sn_i64 k37 = k35 != 0 ? k30 : k36;
                    const float k44 = c44[c * 8 + j];
                    const sn_i64 k56 = c56[c * 8 + j];
                    const sn_i64 k58 = (sn_i64)(k56 == k57);
                    const float k59 = k58 != 0 ? k44 : k11;
                    const sn_i64 k61 = (sn_i64)(k56 < k57);
                    const sn_i64 k62 = k61 != 0 ? k56 : k36;
                    const float k69 = c69[c * 8 + j];
                    const sn_i64 k81 = c81[c * 8 + j];
                    const sn_i64 k83 = (sn_i64)(k81 == k82);
                    const float k84 = k83 != 0 ? k69 : k11;
                    const sn_i64 k86 = (sn_i64)(k81 < k82);
                    const sn_i64 k87 = k86 != 0 ? k81 : k36;
                    const float k94 = c94[c * 8 + j];
                    const sn_i64 k106 = c106[c * 8 + j];
                    const sn_i64 k108 = (sn_i64)(k106 == k107);
                    const float k109 = k108 != 0 ? k94 : k11;
                    const sn_i64 k111 = (sn_i64)(k106 < k107);
                    const sn_i64 k112 = k111 != 0 ? k106 : k36;
                    const float k119 = c119[c * 8 + j];
                    const sn_i64 k131 = c131[c * 8 + j];
                    const sn_i64 k133 = (sn_i64)(k131 == k132);
                    const float k134 = k133 != 0 ? k119 : k11;
                    const sn_i64 k136 = (sn_i64)(k131 < k132);
                    const sn_i64 k137 = k136 != 0 ? k131 : k36;
                    const float k144 = c144[c * 8 + j];
                    const sn_i64 k156 = c156[c * 8 + j];
                    const sn_i64 k158 = (sn_i64)(k156 == k157);
                    const float k159 = k158 != 0 ? k144 : k11;
                    const sn_i64 k161 = (sn_i64)(k156 < k157);
                    const sn_i64 k162 = k161 != 0 ? k156 : k36;
                    const float k169 = c169[c * 8 + j];
                    const sn_i64 k181 = c181[c * 8 + j];
                    const sn_i64 k183 = (sn_i64)(k181 == k182);
                    const float k184 = k183 != 0 ? k169 : k11;
                    const sn_i64 k186 = (sn_i64)(k181 < k182);
                    const sn_i64 k187 = k186 != 0 ? k181 : k36;
                    const float k194 = c194[c * 8 + j];
                    const sn_i64 k206 = c206[c * 8 + j];
                    const sn_i64 k208 = (sn_i64)(k206 == k207);
                    const float k209 = k208 != 0 ? k194 : k11;
                    const sn_i64 k211 = (sn_i64)(k206 < k207);
                    const sn_i64 k212 = k211 != 0 ? k206 : k36;
                    acc34 = sn_fold_max(acc34, k33);
                    acc38 = sn_ifold_max(acc38, k37);
                    acc60 = sn_fold_max(acc60, k59);
                    acc63 = sn_ifold_max(acc63, k62);
                    acc85 = sn_fold_max(acc85, k84);
                    acc88 = sn_ifold_max(acc88, k87);
                    acc110 = sn_fold_max(acc110, k109);
                    acc113 = sn_ifold_max(acc113, k112);
                    acc135 = sn_fold_max(acc135, k134);
                    acc138 = sn_ifold_max(acc138, k137);
                    acc160 = sn_fold_max(acc160, k159);
                    acc163 = sn_ifold_max(acc163, k162);
                    acc185 = sn_fold_max(acc185, k184);
                    acc188 = sn_ifold_max(acc188, k187);
                    acc210 = sn_fold_max(acc210, k209);
                    acc213 = sn_ifold_max(acc213, k212);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc34, off, 64);
                acc34 = sn_fold_max(acc34, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc38, off, 64);
                acc38 = sn_ifold_max(acc38, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc60, off, 64);
                acc60 = sn_fold_max(acc60, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc63, off, 64);
                acc63 = sn_ifold_max(acc63, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc85, off, 64);
                acc85 = sn_fold_max(acc85, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc88, off, 64);
                acc88 = sn_ifold_max(acc88, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc110, off, 64);
                acc110 = sn_fold_max(acc110, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc113, off, 64);
                acc113 = sn_ifold_max(acc113, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc135, off, 64);
                acc135 = sn_fold_max(acc135, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc138, off, 64);
                acc138 = sn_ifold_max(acc138, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc160, off, 64);
                acc160 = sn_fold_max(acc160, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc163, off, 64);
                acc163 = sn_ifold_max(acc163, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc185, off, 64);
                acc185 = sn_fold_max(acc185, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc188, off, 64);
                acc188 = sn_ifold_max(acc188, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc210, off, 64);
                acc210 = sn_fold_max(acc210, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc213, off, 64);
                acc213 = sn_ifold_max(acc213, other);
            }
            acc34 = __shfl(acc34, 0, 16);
            acc38 = __shfl(acc38, 0, 16);
            acc60 = __shfl(acc60, 0, 16);
            acc63 = __shfl(acc63, 0, 16);
            acc85 = __shfl(acc85, 0, 16);
            acc88 = __shfl(acc88, 0, 16);
            acc110 = __shfl(acc110, 0, 16);
            acc113 = __shfl(acc113, 0, 16);
            acc135 = __shfl(acc135, 0, 16);
            acc138 = __shfl(acc138, 0, 16);
            acc160 = __shfl(acc160, 0, 16);
            acc163 = __shfl(acc163, 0, 16);
            acc185 = __shfl(acc185, 0, 16);
            acc188 = __shfl(acc188, 0, 16);
            acc210 = __shfl(acc210, 0, 16);
            acc213 = __shfl(acc213, 0, 16);
            const float k34 = acc34;
            const sn_i64 k38 = acc38;
            const float k60 = acc60;
            const sn_i64 k63 = acc63;
            const float k85 = acc85;
            const sn_i64 k88 = acc88;
            const float k110 = acc110;
            const sn_i64 k113 = acc113;
            const float k135 = acc135;
            const sn_i64 k138 = acc138;
            const float k160 = acc160;
            const sn_i64 k163 = acc163;
            const float k185 = acc185;
            const sn_i64 k188 = acc188;
            const float k210 = acc210;
            const sn_i64 k213 = acc213;
            float acc41 = sn_u2f(0xff800000u);
            float acc66 = sn_u2f(0xff800000u);
            float acc91 = sn_u2f(0xff800000u);
            float acc116 = sn_u2f(0xff800000u);
            float acc141 = sn_u2f(0xff800000u);
            float acc166 = sn_u2f(0xff800000u);
            float acc191 = sn_u2f(0xff800000u);
            float acc216 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const float k12 = c12[c * 8 + j];
                    const sn_i64 k30 = c30[c * 8 + j];
                    const sn_i64 k39 = (sn_i64)(k30 == k38);
                    const float k40 = k39 != 0 ? k12 : k11;
                    const float k44 = c44[c * 8 + j];
                    const sn_i64 k56 = c56[c * 8 + j];
                    const sn_i64 k64 = (sn_i64)(k56 == k63);
                    const float k65 = k64 != 0 ? k44 : k11;
                    const float k69 = c69[c * 8 + j];
                    const sn_i64 k81 = c81[c * 8 + j];
                    const sn_i64 k89 = (sn_i64)(k81 == k88);
                    const float k90 = k89 != 0 ? k69 : k11;
                    const float k94 = c94[c * 8 + j];
                    const sn_i64 k106 = c106[c * 8 + j];
                    const sn_i64 k114 = (sn_i64)(k106 == k113);
                    const float k115 = k114 != 0 ? k94 : k11;
                    const float k119 = c119[c * 8 + j];
                    const sn_i64 k131 = c131[c * 8 + j];
                    const sn_i64 k139 = (sn_i64)(k131 == k138);
                    const float k140 = k139 != 0 ? k119 : k11;
                    const float k144 = c144[c * 8 + j];
                    const sn_i64 k156 = c156[c * 8 + j];
                    const sn_i64 k164 = (sn_i64)(k156 == k163);
                    const float k165 = k164 != 0 ? k144 : k11;
                    const float k169 = c169[c * 8 + j];
                    const sn_i64 k181 = c181[c * 8 + j];
                    const sn_i64 k189 = (sn_i64)(k181 == k188);
                    const float k190 = k189 != 0 ? k169 : k11;
                    const float k194 = c194[c * 8 + j];
                    const sn_i64 k206 = c206[c * 8 + j];
                    const sn_i64 k214 = (sn_i64)(k206 == k213);
                    const float k215 = k214 != 0 ? k194 : k11;
                    acc41 = sn_fold_max(acc41, k40);
                    acc66 = sn_fold_max(acc66, k65);
                    acc91 = sn_fold_max(acc91, k90);
                    acc116 = sn_fold_max(acc116, k115);
                    acc141 = sn_fold_max(acc141, k140);
                    acc166 = sn_fold_max(acc166, k165);
                    acc191 = sn_fold_max(acc191, k190);
                    acc216 = sn_fold_max(acc216, k215);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc41, off, 64);
                acc41 = sn_fold_max(acc41, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc66, off, 64);
                acc66 = sn_fold_max(acc66, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc91, off, 64);
                acc91 = sn_fold_max(acc91, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc116, off, 64);
                acc116 = sn_fold_max(acc116, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc141, off, 64);
                acc141 = sn_fold_max(acc141, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc166, off, 64);
                acc166 = sn_fold_max(acc166, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc191, off, 64);
                acc191 = sn_fold_max(acc191, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc216, off, 64);
                acc216 = sn_fold_max(acc216, other);
            }
            acc41 = __shfl(acc41, 0, 16);
            acc66 = __shfl(acc66, 0, 16);
            acc91 = __shfl(acc91, 0, 16);
            acc116 = __shfl(acc116, 0, 16);
            acc141 = __shfl(acc141, 0, 16);
            acc166 = __shfl(acc166, 0, 16);
            acc191 = __shfl(acc191, 0, 16);
            acc216 = __shfl(acc216, 0, 16);
            const float k41 = acc41;
            const float k66 = acc66;
            const float k91 = acc91;
            const float k116 = acc116;
            const float k141 = acc141;
            const float k166 = acc166;
            const float k191 = acc191;
            const float k216 = acc216;
            const float k220 = k210 + k216;
            const float k222 = k185 + k191;
            const float k226 = k160 + k166;
            const float k230 = k135 + k141;
            const float k234 = k110 + k116;
            const float k238 = k85 + k91;
            const float k242 = k60 + k66;
            const float k246 = k34 + k41;
            sn_i64 acc262 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k217 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k218 = (sn_i64)(k217 == k3);
                    const sn_i64 k219 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k223 = (sn_i64)(k219 < k221);
                    const float k224 = k223 != 0 ? k222 : k220;
                    const sn_i64 k227 = (sn_i64)(k219 < k225);
                    const float k228 = k227 != 0 ? k226 : k224;
                    const sn_i64 k231 = (sn_i64)(k219 < k229);
                    const float k232 = k231 != 0 ? k230 : k228;
                    const sn_i64 k235 = (sn_i64)(k219 < k233);
                    const float k236 = k235 != 0 ? k234 : k232;
                    const sn_i64 k239 = (sn_i64)(k219 < k237);
                    const float k240 = k239 != 0 ? k238 : k236;
                    const sn_i64 k243 = (sn_i64)(k219 < k241);
                    const float k244 = k243 != 0 ? k242 : k240;
                    const sn_i64 k247 = (sn_i64)(k219 < k245);
                    const float k248 = k247 != 0 ? k246 : k244;
                    const float k249 = k218 != 0 ? k248 : k11;
                    const sn_i64 k250 = (sn_i64)(k249 != k249);
                    const sn_i64 k251 = (sn_i64)(k249 == k15);
                    const float k252 = (k249);
                    const sn_i64 k253 = sn_iwrap((sn_i64)sn_f2u(k252), 32, 1);
                    const sn_i64 k254 = sn_wrap(k253, 64);
                    const sn_i64 k255 = (sn_i64)(k254 < k17);
                    const sn_i64 k256 = (k254 ^ k14);
                    const sn_i64 k257 = k255 != 0 ? k256 : k254;
                    const sn_i64 k258 = k251 != 0 ? k17 : k257;
                    const sn_i64 k259 = k250 != 0 ? k14 : k258;
                    const sn_i64 k260 = sn_ishl(k259, k26, 64, 1);
                    const sn_i64 k261 = (k260 | k29);
                    acc262 = sn_ifold_max(acc262, k261);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc262, off, 64);
                acc262 = sn_ifold_max(acc262, other);
            }
            acc262 = __shfl(acc262, 0, 16);
            const sn_i64 k262 = acc262;
            const sn_i64 k274 = (k262 & k273);
            const sn_i64 k275 = sn_isub(k272, k274);
            const sn_i64 k276 = sn_wrap(k275, 32);
            const sn_i64 k278 = sn_ifloordiv(k276, k277, 32, 1);
            sn_i64 acc265 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k217 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k218 = (sn_i64)(k217 == k3);
                    const sn_i64 k219 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k223 = (sn_i64)(k219 < k221);
                    const float k224 = k223 != 0 ? k222 : k220;
                    const sn_i64 k227 = (sn_i64)(k219 < k225);
                    const float k228 = k227 != 0 ? k226 : k224;
                    const sn_i64 k231 = (sn_i64)(k219 < k229);
                    const float k232 = k231 != 0 ? k230 : k228;
                    const sn_i64 k235 = (sn_i64)(k219 < k233);
                    const float k236 = k235 != 0 ? k234 : k232;
                    const sn_i64 k239 = (sn_i64)(k219 < k237);
                    const float k240 = k239 != 0 ? k238 : k236;
                    const sn_i64 k243 = (sn_i64)(k219 < k241);
                    const float k244 = k243 != 0 ? k242 : k240;
                    const sn_i64 k247 = (sn_i64)(k219 < k245);
                    const float k248 = k247 != 0 ? k246 : k244;
                    const float k249 = k218 != 0 ? k248 : k11;
                    const sn_i64 k250 = (sn_i64)(k249 != k249);
                    const sn_i64 k251 = (sn_i64)(k249 == k15);
                    const float k252 = (k249);
                    const sn_i64 k253 = sn_iwrap((sn_i64)sn_f2u(k252), 32, 1);
                    const sn_i64 k254 = sn_wrap(k253, 64);
                    const sn_i64 k255 = (sn_i64)(k254 < k17);
                    const sn_i64 k256 = (k254 ^ k14);
                    const sn_i64 k257 = k255 != 0 ? k256 : k254;
                    const sn_i64 k258 = k251 != 0 ? k17 : k257;
                    const sn_i64 k259 = k250 != 0 ? k14 : k258;
                    const sn_i64 k260 = sn_ishl(k259, k26, 64, 1);
                    const sn_i64 k261 = (k260 | k29);
                    const sn_i64 k263 = (sn_i64)(k261 < k262);
                    const sn_i64 k264 = k263 != 0 ? k261 : k36;
                    acc265 = sn_ifold_max(acc265, k264);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc265, off, 64);
                acc265 = sn_ifold_max(acc265, other);
            }
            acc265 = __shfl(acc265, 0, 16);
            const sn_i64 k265 = acc265;
            const sn_i64 k280 = (k265 & k273);
            const sn_i64 k281 = sn_isub(k272, k280);
            const sn_i64 k282 = sn_wrap(k281, 32);
            const sn_i64 k283 = sn_ifloordiv(k282, k277, 32, 1);
            sn_i64 acc268 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k217 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k218 = (sn_i64)(k217 == k3);
                    const sn_i64 k219 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k223 = (sn_i64)(k219 < k221);
                    const float k224 = k223 != 0 ? k222 : k220;
                    const sn_i64 k227 = (sn_i64)(k219 < k225);
                    const float k228 = k227 != 0 ? k226 : k224;
                    const sn_i64 k231 = (sn_i64)(k219 < k229);
                    const float k232 = k231 != 0 ? k230 : k228;
                    const sn_i64 k235 = (sn_i64)(k219 < k233);
                    const float k236 = k235 != 0 ? k234 : k232;
                    const sn_i64 k239 = (sn_i64)(k219 < k237);
                    const float k240 = k239 != 0 ? k238 : k236;
                    const sn_i64 k243 = (sn_i64)(k219 < k241);
                    const float k244 = k243 != 0 ? k242 : k240;
                    const sn_i64 k247 = (sn_i64)(k219 < k245);
                    const float k248 = k247 != 0 ? k246 : k244;
                    const float k249 = k218 != 0 ? k248 : k11;
                    const sn_i64 k250 = (sn_i64)(k249 != k249);
                    const sn_i64 k251 = (sn_i64)(k249 == k15);
                    const float k252 = (k249);
                    const sn_i64 k253 = sn_iwrap((sn_i64)sn_f2u(k252), 32, 1);
                    const sn_i64 k254 = sn_wrap(k253, 64);
                    const sn_i64 k255 = (sn_i64)(k254 < k17);
                    const sn_i64 k256 = (k254 ^ k14);
                    const sn_i64 k257 = k255 != 0 ? k256 : k254;
                    const sn_i64 k258 = k251 != 0 ? k17 : k257;
                    const sn_i64 k259 = k250 != 0 ? k14 : k258;
                    const sn_i64 k260 = sn_ishl(k259, k26, 64, 1);
                    const sn_i64 k261 = (k260 | k29);
                    const sn_i64 k266 = (sn_i64)(k261 < k265);
                    const sn_i64 k267 = k266 != 0 ? k261 : k36;
                    acc268 = sn_ifold_max(acc268, k267);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc268, off, 64);
                acc268 = sn_ifold_max(acc268, other);
            }
            acc268 = __shfl(acc268, 0, 16);
            const sn_i64 k268 = acc268;
            const sn_i64 k286 = (k268 & k273);
            const sn_i64 k287 = sn_isub(k272, k286);
            const sn_i64 k288 = sn_wrap(k287, 32);
            const sn_i64 k289 = sn_ifloordiv(k288, k277, 32, 1);
            sn_i64 acc271 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k217 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k218 = (sn_i64)(k217 == k3);
                    const sn_i64 k219 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k223 = (sn_i64)(k219 < k221);
                    const float k224 = k223 != 0 ? k222 : k220;
                    const sn_i64 k227 = (sn_i64)(k219 < k225);
                    const float k228 = k227 != 0 ? k226 : k224;
                    const sn_i64 k231 = (sn_i64)(k219 < k229);
                    const float k232 = k231 != 0 ? k230 : k228;
                    const sn_i64 k235 = (sn_i64)(k219 < k233);
                    const float k236 = k235 != 0 ? k234 : k232;
                    const sn_i64 k239 = (sn_i64)(k219 < k237);
                    const float k240 = k239 != 0 ? k238 : k236;
                    const sn_i64 k243 = (sn_i64)(k219 < k241);
                    const float k244 = k243 != 0 ? k242 : k240;
                    const sn_i64 k247 = (sn_i64)(k219 < k245);
                    const float k248 = k247 != 0 ? k246 : k244;
                    const float k249 = k218 != 0 ? k248 : k11;
                    const sn_i64 k250 = (sn_i64)(k249 != k249);
                    const sn_i64 k251 = (sn_i64)(k249 == k15);
                    const float k252 = (k249);
                    const sn_i64 k253 = sn_iwrap((sn_i64)sn_f2u(k252), 32, 1);
                    const sn_i64 k254 = sn_wrap(k253, 64);
                    const sn_i64 k255 = (sn_i64)(k254 < k17);
                    const sn_i64 k256 = (k254 ^ k14);
                    const sn_i64 k257 = k255 != 0 ? k256 : k254;
                    const sn_i64 k258 = k251 != 0 ? k17 : k257;
                    const sn_i64 k259 = k250 != 0 ? k14 : k258;
                    const sn_i64 k260 = sn_ishl(k259, k26, 64, 1);
                    const sn_i64 k261 = (k260 | k29);
                    const sn_i64 k269 = (sn_i64)(k261 < k268);
                    const sn_i64 k270 = k269 != 0 ? k261 : k36;
                    acc271 = sn_ifold_max(acc271, k270);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc271, off, 64);
                acc271 = sn_ifold_max(acc271, other);
            }
            acc271 = __shfl(acc271, 0, 16);
            const sn_i64 k271 = acc271;
            const sn_i64 k292 = (k271 & k273);
            const sn_i64 k293 = sn_isub(k272, k292);
            const sn_i64 k294 = sn_wrap(k293, 32);
            const sn_i64 k295 = sn_ifloordiv(k294, k277, 32, 1);
            sn_i64 acc311 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k2 = sn_ifloordiv(k0, k1, 32, 1);
                    const float k10 = c10[c * 8 + j];
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k279 = (sn_i64)(k2 == k278);
                    const sn_i64 k284 = (sn_i64)(k2 == k283);
                    const sn_i64 k285 = (sn_i64)(k279 != 0 || k284 != 0);
                    const sn_i64 k290 = (sn_i64)(k2 == k289);
                    const sn_i64 k291 = (sn_i64)(k285 != 0 || k290 != 0);
                    const sn_i64 k296 = (sn_i64)(k2 == k295);
                    const sn_i64 k297 = (sn_i64)(k291 != 0 || k296 != 0);
                    const float k298 = k297 != 0 ? k10 : k11;
                    const sn_i64 k299 = (sn_i64)(k298 != k298);
                    const sn_i64 k300 = (sn_i64)(k298 == k15);
                    const float k301 = (k298);
                    const sn_i64 k302 = sn_iwrap((sn_i64)sn_f2u(k301), 32, 1);
                    const sn_i64 k303 = sn_wrap(k302, 64);
                    const sn_i64 k304 = (sn_i64)(k303 < k17);
                    const sn_i64 k305 = (k303 ^ k14);
                    const sn_i64 k306 = k304 != 0 ? k305 : k303;
                    const sn_i64 k307 = k300 != 0 ? k17 : k306;
                    const sn_i64 k308 = k299 != 0 ? k14 : k307;
                    const sn_i64 k309 = sn_ishl(k308, k26, 64, 1);
                    const sn_i64 k310 = (k309 | k29);
                    c310[c * 8 + j] = k310;
                    acc311 = sn_ifold_max(acc311, k310);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc311, off, 64);
                acc311 = sn_ifold_max(acc311, other);
            }
            acc311 = __shfl(acc311, 0, 16);
            const sn_i64 k311 = acc311;
            const sn_i64 k333 = (k311 & k273);
            const sn_i64 k334 = sn_isub(k272, k333);
            const sn_i64 k335 = sn_wrap(k334, 32);
            sn_i64 acc314 = (sn_i64)0x8000000000000000ull;
            float acc338 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k312 = (sn_i64)(k310 < k311);
                    const sn_i64 k313 = k312 != 0 ? k310 : k36;
                    const sn_i64 k336 = (sn_i64)(k0 == k335);
                    const float k337 = k336 != 0 ? k7 : k11;
                    acc314 = sn_ifold_max(acc314, k313);
                    acc338 = sn_fold_max(acc338, k337);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc314, off, 64);
                acc314 = sn_ifold_max(acc314, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc338, off, 64);
                acc338 = sn_fold_max(acc338, other);
            }
            acc314 = __shfl(acc314, 0, 16);
            acc338 = __shfl(acc338, 0, 16);
            const sn_i64 k314 = acc314;
            const float k338 = acc338;
            const sn_i64 k339 = (k314 & k273);
            const sn_i64 k340 = sn_isub(k272, k339);
            const sn_i64 k341 = sn_wrap(k340, 32);
            sn_i64 acc317 = (sn_i64)0x8000000000000000ull;
            float acc344 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k315 = (sn_i64)(k310 < k314);
                    const sn_i64 k316 = k315 != 0 ? k310 : k36;
                    const sn_i64 k342 = (sn_i64)(k0 == k341);
                    const float k343 = k342 != 0 ? k7 : k11;
                    acc317 = sn_ifold_max(acc317, k316);
                    acc344 = sn_fold_max(acc344, k343);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc317, off, 64);
                acc317 = sn_ifold_max(acc317, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc344, off, 64);
                acc344 = sn_fold_max(acc344, other);
            }
            acc317 = __shfl(acc317, 0, 16);
            acc344 = __shfl(acc344, 0, 16);
            const sn_i64 k317 = acc317;
            const float k344 = acc344;
            const sn_i64 k345 = (k317 & k273);
            const sn_i64 k346 = sn_isub(k272, k345);
            const sn_i64 k347 = sn_wrap(k346, 32);
            const float k381 = k338 + k344;
            sn_i64 acc320 = (sn_i64)0x8000000000000000ull;
            float acc350 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k318 = (sn_i64)(k310 < k317);
                    const sn_i64 k319 = k318 != 0 ? k310 : k36;
                    const sn_i64 k348 = (sn_i64)(k0 == k347);
                    const float k349 = k348 != 0 ? k7 : k11;
                    acc320 = sn_ifold_max(acc320, k319);
                    acc350 = sn_fold_max(acc350, k349);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc320, off, 64);
                acc320 = sn_ifold_max(acc320, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc350, off, 64);
                acc350 = sn_fold_max(acc350, other);
            }
            acc320 = __shfl(acc320, 0, 16);
            acc350 = __shfl(acc350, 0, 16);
            const sn_i64 k320 = acc320;
            const float k350 = acc350;
            const sn_i64 k351 = (k320 & k273);
            const sn_i64 k352 = sn_isub(k272, k351);
            const sn_i64 k353 = sn_wrap(k352, 32);
            const float k382 = k381 + k350;
            sn_i64 acc323 = (sn_i64)0x8000000000000000ull;
            float acc356 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k310 < k320);
                    const sn_i64 k322 = k321 != 0 ? k310 : k36;
                    const sn_i64 k354 = (sn_i64)(k0 == k353);
                    const float k355 = k354 != 0 ? k7 : k11;
                    acc323 = sn_ifold_max(acc323, k322);
                    acc356 = sn_fold_max(acc356, k355);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc323, off, 64);
                acc323 = sn_ifold_max(acc323, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc356, off, 64);
                acc356 = sn_fold_max(acc356, other);
            }
            acc323 = __shfl(acc323, 0, 16);
            acc356 = __shfl(acc356, 0, 16);
            const sn_i64 k323 = acc323;
            const float k356 = acc356;
            const sn_i64 k357 = (k323 & k273);
            const sn_i64 k358 = sn_isub(k272, k357);
            const sn_i64 k359 = sn_wrap(k358, 32);
            const float k383 = k382 + k356;
            sn_i64 acc326 = (sn_i64)0x8000000000000000ull;
            float acc362 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k324 = (sn_i64)(k310 < k323);
                    const sn_i64 k325 = k324 != 0 ? k310 : k36;
                    const sn_i64 k360 = (sn_i64)(k0 == k359);
                    const float k361 = k360 != 0 ? k7 : k11;
                    acc326 = sn_ifold_max(acc326, k325);
                    acc362 = sn_fold_max(acc362, k361);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc326, off, 64);
                acc326 = sn_ifold_max(acc326, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc362, off, 64);
                acc362 = sn_fold_max(acc362, other);
            }
            acc326 = __shfl(acc326, 0, 16);
            acc362 = __shfl(acc362, 0, 16);
            const sn_i64 k326 = acc326;
            const float k362 = acc362;
            const sn_i64 k363 = (k326 & k273);
            const sn_i64 k364 = sn_isub(k272, k363);
            const sn_i64 k365 = sn_wrap(k364, 32);
            const float k384 = k383 + k362;
            sn_i64 acc329 = (sn_i64)0x8000000000000000ull;
            float acc368 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k327 = (sn_i64)(k310 < k326);
                    const sn_i64 k328 = k327 != 0 ? k310 : k36;
                    const sn_i64 k366 = (sn_i64)(k0 == k365);
                    const float k367 = k366 != 0 ? k7 : k11;
                    acc329 = sn_ifold_max(acc329, k328);
                    acc368 = sn_fold_max(acc368, k367);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc329, off, 64);
                acc329 = sn_ifold_max(acc329, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc368, off, 64);
                acc368 = sn_fold_max(acc368, other);
            }
            acc329 = __shfl(acc329, 0, 16);
            acc368 = __shfl(acc368, 0, 16);
            const sn_i64 k329 = acc329;
            const float k368 = acc368;
            const sn_i64 k369 = (k329 & k273);
            const sn_i64 k370 = sn_isub(k272, k369);
            const sn_i64 k371 = sn_wrap(k370, 32);
            const float k385 = k384 + k368;
            sn_i64 acc332 = (sn_i64)0x8000000000000000ull;
            float acc374 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k330 = (sn_i64)(k310 < k329);
                    const sn_i64 k331 = k330 != 0 ? k310 : k36;
                    const sn_i64 k372 = (sn_i64)(k0 == k371);
                    const float k373 = k372 != 0 ? k7 : k11;
                    acc332 = sn_ifold_max(acc332, k331);
                    acc374 = sn_fold_max(acc374, k373);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc332, off, 64);
                acc332 = sn_ifold_max(acc332, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc374, off, 64);
                acc374 = sn_fold_max(acc374, other);
            }
            acc332 = __shfl(acc332, 0, 16);
            acc374 = __shfl(acc374, 0, 16);
            const sn_i64 k332 = acc332;
            const float k374 = acc374;
            const sn_i64 k375 = (k332 & k273);
            const sn_i64 k376 = sn_isub(k272, k375);
            const sn_i64 k377 = sn_wrap(k376, 32);
            const float k386 = k385 + k374;
            float acc380 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k378 = (sn_i64)(k0 == k377);
                    const float k379 = k378 != 0 ? k7 : k11;
                    acc380 = sn_fold_max(acc380, k379);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc380, off, 64);
                acc380 = sn_fold_max(acc380, other);
            }
            acc380 = __shfl(acc380, 0, 16);
            const float k380 = acc380;
            const float k387 = k386 + k380;
            const float k388 = sn_div(k338, k387);
            const float k390 = k388 * k389;
            const float k391 = sn_div(k344, k387);
            const float k392 = k391 * k389;
            const float k393 = sn_div(k350, k387);
            const float k394 = k393 * k389;
            const float k395 = sn_div(k356, k387);
            const float k396 = k395 * k389;
            const float k397 = sn_div(k362, k387);
            const float k398 = k397 * k389;
            const float k399 = sn_div(k368, k387);
            const float k400 = k399 * k389;
            const float k401 = sn_div(k374, k387);
            const float k402 = k401 * k389;
            const float k403 = sn_div(k380, k387);
            const float k404 = k403 * k389;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)0] = k390;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)1] = k392;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)2] = k394;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)3] = k396;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)4] = k398;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)5] = k400;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)6] = k402;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)7] = k404;
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)0] = (int)sn_wrap(k335, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)1] = (int)sn_wrap(k341, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)2] = (int)sn_wrap(k347, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)3] = (int)sn_wrap(k353, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)4] = (int)sn_wrap(k359, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)5] = (int)sn_wrap(k365, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)6] = (int)sn_wrap(k371, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)7] = (int)sn_wrap(k377, 32);
            return;
        }
        blk -= nblk;
    }
}
#endif

#if !defined(SN_ONLY) || defined(SN_ONLY_moe_fused_gate_k0_scalar)
extern "C" __global__ void __launch_bounds__(128) moe_fused_gate_k0_scalar(
    const sn_u16 *__restrict__ b0,
    const sn_i64 b0_s0,
    const sn_u16 *__restrict__ b1,
    float *__restrict__ b2,
    int *__restrict__ b3,
    const sn_i64 sym_T)
{
    sn_i64 blk = blockIdx.x;
    { /* segment 0 */
        const sn_i64 rows = ((sn_i64)1 * sym_T);
        const sn_i64 nblk = (rows + 7) / 8;
        if (blk < nblk) {
            const int lane = threadIdx.x % 16, team = threadIdx.x / 16;
            const sn_i64 row = blk * 8 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)256);
            const sn_i64 o0 = (live ? row : 0);
            float c7[16];
            float c10[16];
            float c12[16];
            sn_i64 c30[16];
            float c44[16];
            sn_i64 c56[16];
            float c69[16];
            sn_i64 c81[16];
            float c94[16];
            sn_i64 c106[16];
            float c119[16];
            sn_i64 c131[16];
            float c144[16];
            sn_i64 c156[16];
            float c169[16];
            sn_i64 c181[16];
            float c194[16];
            sn_i64 c206[16];
            sn_i64 c310[16];
            const sn_i64 k1 = (sn_i64)32ll;
            const sn_i64 k3 = (sn_i64)0ll;
            const float k11 = sn_u2f(0xff800000u);
            const sn_i64 k14 = (sn_i64)2147483647ll;
            const float k15 = 0.0f;
            const sn_i64 k17 = (sn_i64)0ll;
            const sn_i64 k26 = (sn_i64)32ll;
            const sn_i64 k36 = (sn_i64)-9223372036854775808ll;
            const sn_i64 k42 = (sn_i64)1ll;
            const sn_i64 k67 = (sn_i64)2ll;
            const sn_i64 k92 = (sn_i64)3ll;
            const sn_i64 k117 = (sn_i64)4ll;
            const sn_i64 k142 = (sn_i64)5ll;
            const sn_i64 k167 = (sn_i64)6ll;
            const sn_i64 k192 = (sn_i64)7ll;
            const sn_i64 k221 = (sn_i64)7ll;
            const sn_i64 k225 = (sn_i64)6ll;
            const sn_i64 k229 = (sn_i64)5ll;
            const sn_i64 k233 = (sn_i64)4ll;
            const sn_i64 k237 = (sn_i64)3ll;
            const sn_i64 k241 = (sn_i64)2ll;
            const sn_i64 k245 = (sn_i64)1ll;
            const sn_i64 k272 = (sn_i64)2147483647ll;
            const sn_i64 k273 = (sn_i64)4294967295ll;
            const sn_i64 k277 = (sn_i64)32ll;
            const float k389 = 2.5f;
            sn_i64 acc31 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc57 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc82 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc107 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc132 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc157 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc182 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc207 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                float l5[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l5[j] = ok ? sn_from_bf16(b0[o0 * b0_s0 + (sn_i64)r0]) : 0.0f;
                }
                float l8[8];
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    l8[j] = ok ? sn_from_bf16(b1[(sn_i64)r0]) : 0.0f;
                }
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k2 = sn_ifloordiv(k0, k1, 32, 1);
                    const sn_i64 k4 = (sn_i64)(k2 == k3);
                    const float k5 = l5[j];
                    const float k6 = (k5);
                    const float k7 = sn_sigmoid(k6);
                    c7[c * 8 + j] = k7;
                    const float k8 = l8[j];
                    const float k9 = (k8);
                    const float k10 = k7 + k9;
                    c10[c * 8 + j] = k10;
                    const float k12 = k4 != 0 ? k10 : k11;
                    c12[c * 8 + j] = k12;
                    const sn_i64 k13 = (sn_i64)(k12 != k12);
                    const sn_i64 k16 = (sn_i64)(k12 == k15);
                    const float k18 = (k12);
                    const sn_i64 k19 = sn_iwrap((sn_i64)sn_f2u(k18), 32, 1);
                    const sn_i64 k20 = sn_wrap(k19, 64);
                    const sn_i64 k21 = (sn_i64)(k20 < k17);
                    const sn_i64 k22 = (k20 ^ k14);
                    const sn_i64 k23 = k21 != 0 ? k22 : k20;
                    const sn_i64 k24 = k16 != 0 ? k17 : k23;
                    const sn_i64 k25 = k13 != 0 ? k14 : k24;
                    const sn_i64 k27 = sn_ishl(k25, k26, 64, 1);
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k30 = (k27 | k29);
                    c30[c * 8 + j] = k30;
                    const sn_i64 k43 = (sn_i64)(k2 == k42);
                    const float k44 = k43 != 0 ? k10 : k11;
                    c44[c * 8 + j] = k44;
                    const sn_i64 k45 = (sn_i64)(k44 != k44);
                    const sn_i64 k46 = (sn_i64)(k44 == k15);
                    const float k47 = (k44);
                    const sn_i64 k48 = sn_iwrap((sn_i64)sn_f2u(k47), 32, 1);
                    const sn_i64 k49 = sn_wrap(k48, 64);
                    const sn_i64 k50 = (sn_i64)(k49 < k17);
                    const sn_i64 k51 = (k49 ^ k14);
                    const sn_i64 k52 = k50 != 0 ? k51 : k49;
                    const sn_i64 k53 = k46 != 0 ? k17 : k52;
                    const sn_i64 k54 = k45 != 0 ? k14 : k53;
                    const sn_i64 k55 = sn_ishl(k54, k26, 64, 1);
                    const sn_i64 k56 = (k55 | k29);
                    c56[c * 8 + j] = k56;
                    const sn_i64 k68 = (sn_i64)(k2 == k67);
                    const float k69 = k68 != 0 ? k10 : k11;
                    c69[c * 8 + j] = k69;
                    const sn_i64 k70 = (sn_i64)(k69 != k69);
                    const sn_i64 k71 = (sn_i64)(k69 == k15);
                    const float k72 = (k69);
                    const sn_i64 k73 = sn_iwrap((sn_i64)sn_f2u(k72), 32, 1);
                    const sn_i64 k74 = sn_wrap(k73, 64);
                    const sn_i64 k75 = (sn_i64)(k74 < k17);
                    const sn_i64 k76 = (k74 ^ k14);
                    const sn_i64 k77 = k75 != 0 ? k76 : k74;
                    const sn_i64 k78 = k71 != 0 ? k17 : k77;
                    const sn_i64 k79 = k70 != 0 ? k14 : k78;
                    const sn_i64 k80 = sn_ishl(k79, k26, 64, 1);
                    const sn_i64 k81 = (k80 | k29);
                    c81[c * 8 + j] = k81;
                    const sn_i64 k93 = (sn_i64)(k2 == k92);
                    const float k94 = k93 != 0 ? k10 : k11;
                    c94[c * 8 + j] = k94;
                    const sn_i64 k95 = (sn_i64)(k94 != k94);
                    const sn_i64 k96 = (sn_i64)(k94 == k15);
                    const float k97 = (k94);
                    const sn_i64 k98 = sn_iwrap((sn_i64)sn_f2u(k97), 32, 1);
                    const sn_i64 k99 = sn_wrap(k98, 64);
                    const sn_i64 k100 = (sn_i64)(k99 < k17);
                    const sn_i64 k101 = (k99 ^ k14);
                    const sn_i64 k102 = k100 != 0 ? k101 : k99;
                    const sn_i64 k103 = k96 != 0 ? k17 : k102;
                    const sn_i64 k104 = k95 != 0 ? k14 : k103;
                    const sn_i64 k105 = sn_ishl(k104, k26, 64, 1);
                    const sn_i64 k106 = (k105 | k29);
                    c106[c * 8 + j] = k106;
                    const sn_i64 k118 = (sn_i64)(k2 == k117);
                    const float k119 = k118 != 0 ? k10 : k11;
                    c119[c * 8 + j] = k119;
                    const sn_i64 k120 = (sn_i64)(k119 != k119);
                    const sn_i64 k121 = (sn_i64)(k119 == k15);
                    const float k122 = (k119);
                    const sn_i64 k123 = sn_iwrap((sn_i64)sn_f2u(k122), 32, 1);
                    const sn_i64 k124 = sn_wrap(k123, 64);
                    const sn_i64 k125 = (sn_i64)(k124 < k17);
                    const sn_i64 k126 = (k124 ^ k14);
                    const sn_i64 k127 = k125 != 0 ? k126 : k124;
                    const sn_i64 k128 = k121 != 0 ? k17 : k127;
                    const sn_i64 k129 = k120 != 0 ? k14 : k128;
                    const sn_i64 k130 = sn_ishl(k129, k26, 64, 1);
                    const sn_i64 k131 = (k130 | k29);
                    c131[c * 8 + j] = k131;
                    const sn_i64 k143 = (sn_i64)(k2 == k142);
                    const float k144 = k143 != 0 ? k10 : k11;
                    c144[c * 8 + j] = k144;
                    const sn_i64 k145 = (sn_i64)(k144 != k144);
                    const sn_i64 k146 = (sn_i64)(k144 == k15);
                    const float k147 = (k144);
                    const sn_i64 k148 = sn_iwrap((sn_i64)sn_f2u(k147), 32, 1);
                    const sn_i64 k149 = sn_wrap(k148, 64);
                    const sn_i64 k150 = (sn_i64)(k149 < k17);
                    const sn_i64 k151 = (k149 ^ k14);
                    const sn_i64 k152 = k150 != 0 ? k151 : k149;
                    const sn_i64 k153 = k146 != 0 ? k17 : k152;
                    const sn_i64 k154 = k145 != 0 ? k14 : k153;
                    const sn_i64 k155 = sn_ishl(k154, k26, 64, 1);
                    const sn_i64 k156 = (k155 | k29);
                    c156[c * 8 + j] = k156;
                    const sn_i64 k168 = (sn_i64)(k2 == k167);
                    const float k169 = k168 != 0 ? k10 : k11;
                    c169[c * 8 + j] = k169;
                    const sn_i64 k170 = (sn_i64)(k169 != k169);
                    const sn_i64 k171 = (sn_i64)(k169 == k15);
                    const float k172 = (k169);
                    const sn_i64 k173 = sn_iwrap((sn_i64)sn_f2u(k172), 32, 1);
                    const sn_i64 k174 = sn_wrap(k173, 64);
                    const sn_i64 k175 = (sn_i64)(k174 < k17);
                    const sn_i64 k176 = (k174 ^ k14);
                    const sn_i64 k177 = k175 != 0 ? k176 : k174;
                    const sn_i64 k178 = k171 != 0 ? k17 : k177;
                    const sn_i64 k179 = k170 != 0 ? k14 : k178;
                    const sn_i64 k180 = sn_ishl(k179, k26, 64, 1);
                    const sn_i64 k181 = (k180 | k29);
                    c181[c * 8 + j] = k181;
                    const sn_i64 k193 = (sn_i64)(k2 == k192);
                    const float k194 = k193 != 0 ? k10 : k11;
                    c194[c * 8 + j] = k194;
                    const sn_i64 k195 = (sn_i64)(k194 != k194);
                    const sn_i64 k196 = (sn_i64)(k194 == k15);
                    const float k197 = (k194);
                    const sn_i64 k198 = sn_iwrap((sn_i64)sn_f2u(k197), 32, 1);
                    const sn_i64 k199 = sn_wrap(k198, 64);
                    const sn_i64 k200 = (sn_i64)(k199 < k17);
                    const sn_i64 k201 = (k199 ^ k14);
                    const sn_i64 k202 = k200 != 0 ? k201 : k199;
                    const sn_i64 k203 = k196 != 0 ? k17 : k202;
                    const sn_i64 k204 = k195 != 0 ? k14 : k203;
                    const sn_i64 k205 = sn_ishl(k204, k26, 64, 1);
                    const sn_i64 k206 = (k205 | k29);
                    c206[c * 8 + j] = k206;
                    acc31 = sn_ifold_max(acc31, k30);
                    acc57 = sn_ifold_max(acc57, k56);
                    acc82 = sn_ifold_max(acc82, k81);
                    acc107 = sn_ifold_max(acc107, k106);
                    acc132 = sn_ifold_max(acc132, k131);
                    acc157 = sn_ifold_max(acc157, k156);
                    acc182 = sn_ifold_max(acc182, k181);
                    acc207 = sn_ifold_max(acc207, k206);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc31, off, 64);
                acc31 = sn_ifold_max(acc31, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc57, off, 64);
                acc57 = sn_ifold_max(acc57, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc82, off, 64);
                acc82 = sn_ifold_max(acc82, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc107, off, 64);
                acc107 = sn_ifold_max(acc107, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc132, off, 64);
                acc132 = sn_ifold_max(acc132, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc157, off, 64);
                acc157 = sn_ifold_max(acc157, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc182, off, 64);
                acc182 = sn_ifold_max(acc182, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc207, off, 64);
                acc207 = sn_ifold_max(acc207, other);
            }
            acc31 = __shfl(acc31, 0, 16);
            acc57 = __shfl(acc57, 0, 16);
            acc82 = __shfl(acc82, 0, 16);
            acc107 = __shfl(acc107, 0, 16);
            acc132 = __shfl(acc132, 0, 16);
            acc157 = __shfl(acc157, 0, 16);
            acc182 = __shfl(acc182, 0, 16);
            acc207 = __shfl(acc207, 0, 16);
            const sn_i64 k31 = acc31;
            const sn_i64 k57 = acc57;
            const sn_i64 k82 = acc82;
            const sn_i64 k107 = acc107;
            const sn_i64 k132 = acc132;
            const sn_i64 k157 = acc157;
            const sn_i64 k182 = acc182;
            const sn_i64 k207 = acc207;
            float acc34 = sn_u2f(0xff800000u);
            sn_i64 acc38 = (sn_i64)0x8000000000000000ull;
            float acc60 = sn_u2f(0xff800000u);
            sn_i64 acc63 = (sn_i64)0x8000000000000000ull;
            float acc85 = sn_u2f(0xff800000u);
            sn_i64 acc88 = (sn_i64)0x8000000000000000ull;
            float acc110 = sn_u2f(0xff800000u);
            sn_i64 acc113 = (sn_i64)0x8000000000000000ull;
            float acc135 = sn_u2f(0xff800000u);
            sn_i64 acc138 = (sn_i64)0x8000000000000000ull;
            float acc160 = sn_u2f(0xff800000u);
            sn_i64 acc163 = (sn_i64)0x8000000000000000ull;
            float acc185 = sn_u2f(0xff800000u);
            sn_i64 acc188 = (sn_i64)0x8000000000000000ull;
            float acc210 = sn_u2f(0xff800000u);
            sn_i64 acc213 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const float k12 = c12[c * 8 + j];
                    const sn_i64 k30 = c30[c * 8 + j];
                    const sn_i64 k32 = (sn_i64)(k30 == k31);
                    const float k33 = k32 != 0 ? k12 : k11;
                    const sn_i64 k35 = (sn_i64)(k30 < k31);
                    const sn_i64 k37 = k35 != 0 ? k30 : k36;
                    const float k44 = c44[c * 8 + j];
                    const sn_i64 k56 = c56[c * 8 + j];
                    const sn_i64 k58 = (sn_i64)(k56 == k57);
                    const float k59 = k58 != 0 ? k44 : k11;
                    const sn_i64 k61 = (sn_i64)(k56 < k57);
                    const sn_i64 k62 = k61 != 0 ? k56 : k36;
                    const float k69 = c69[c * 8 + j];
                    const sn_i64 k81 = c81[c * 8 + j];
                    const sn_i64 k83 = (sn_i64)(k81 == k82);
                    const float k84 = k83 != 0 ? k69 : k11;
                    const sn_i64 k86 = (sn_i64)(k81 < k82);
                    const sn_i64 k87 = k86 != 0 ? k81 : k36;
                    const float k94 = c94[c * 8 + j];
                    const sn_i64 k106 = c106[c * 8 + j];
                    const sn_i64 k108 = (sn_i64)(k106 == k107);
                    const float k109 = k108 != 0 ? k94 : k11;
                    const sn_i64 k111 = (sn_i64)(k106 < k107);
                    const sn_i64 k112 = k111 != 0 ? k106 : k36;
                    const float k119 = c119[c * 8 + j];
                    const sn_i64 k131 = c131[c * 8 + j];
                    const sn_i64 k133 = (sn_i64)(k131 == k132);
                    const float k134 = k133 != 0 ? k119 : k11;
                    const sn_i64 k136 = (sn_i64)(k131 < k132);
                    const sn_i64 k137 = k136 != 0 ? k131 : k36;
                    const float k144 = c144[c * 8 + j];
                    const sn_i64 k156 = c156[c * 8 + j];
                    const sn_i64 k158 = (sn_i64)(k156 == k157);
                    const float k159 = k158 != 0 ? k144 : k11;
                    const sn_i64 k161 = (sn_i64)(k156 < k157);
                    const sn_i64 k162 = k161 != 0 ? k156 : k36;
                    const float k169 = c169[c * 8 + j];
                    const sn_i64 k181 = c181[c * 8 + j];
                    const sn_i64 k183 = (sn_i64)(k181 == k182);
                    const float k184 = k183 != 0 ? k169 : k11;
                    const sn_i64 k186 = (sn_i64)(k181 < k182);
                    const sn_i64 k187 = k186 != 0 ? k181 : k36;
                    const float k194 = c194[c * 8 + j];
                    const sn_i64 k206 = c206[c * 8 + j];
                    const sn_i64 k208 = (sn_i64)(k206 == k207);
                    const float k209 = k208 != 0 ? k194 : k11;
                    const sn_i64 k211 = (sn_i64)(k206 < k207);
                    const sn_i64 k212 = k211 != 0 ? k206 : k36;
                    acc34 = sn_fold_max(acc34, k33);
                    acc38 = sn_ifold_max(acc38, k37);
                    acc60 = sn_fold_max(acc60, k59);
                    acc63 = sn_ifold_max(acc63, k62);
                    acc85 = sn_fold_max(acc85, k84);
                    acc88 = sn_ifold_max(acc88, k87);
                    acc110 = sn_fold_max(acc110, k109);
                    acc113 = sn_ifold_max(acc113, k112);
                    acc135 = sn_fold_max(acc135, k134);
                    acc138 = sn_ifold_max(acc138, k137);
                    acc160 = sn_fold_max(acc160, k159);
                    acc163 = sn_ifold_max(acc163, k162);
                    acc185 = sn_fold_max(acc185, k184);
                    acc188 = sn_ifold_max(acc188, k187);
                    acc210 = sn_fold_max(acc210, k209);
                    acc213 = sn_ifold_max(acc213, k212);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc34, off, 64);
                acc34 = sn_fold_max(acc34, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc38, off, 64);
                acc38 = sn_ifold_max(acc38, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc60, off, 64);
                acc60 = sn_fold_max(acc60, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc63, off, 64);
                acc63 = sn_ifold_max(acc63, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc85, off, 64);
                acc85 = sn_fold_max(acc85, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc88, off, 64);
                acc88 = sn_ifold_max(acc88, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc110, off, 64);
                acc110 = sn_fold_max(acc110, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc113, off, 64);
                acc113 = sn_ifold_max(acc113, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc135, off, 64);
                acc135 = sn_fold_max(acc135, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc138, off, 64);
                acc138 = sn_ifold_max(acc138, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc160, off, 64);
                acc160 = sn_fold_max(acc160, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc163, off, 64);
                acc163 = sn_ifold_max(acc163, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc185, off, 64);
                acc185 = sn_fold_max(acc185, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc188, off, 64);
                acc188 = sn_ifold_max(acc188, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc210, off, 64);
                acc210 = sn_fold_max(acc210, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc213, off, 64);
                acc213 = sn_ifold_max(acc213, other);
            }
            acc34 = __shfl(acc34, 0, 16);
            acc38 = __shfl(acc38, 0, 16);
            acc60 = __shfl(acc60, 0, 16);
            acc63 = __shfl(acc63, 0, 16);
            acc85 = __shfl(acc85, 0, 16);
            acc88 = __shfl(acc88, 0, 16);
            acc110 = __shfl(acc110, 0, 16);
            acc113 = __shfl(acc113, 0, 16);
            acc135 = __shfl(acc135, 0, 16);
            acc138 = __shfl(acc138, 0, 16);
            acc160 = __shfl(acc160, 0, 16);
            acc163 = __shfl(acc163, 0, 16);
            acc185 = __shfl(acc185, 0, 16);
            acc188 = __shfl(acc188, 0, 16);
            acc210 = __shfl(acc210, 0, 16);
            acc213 = __shfl(acc213, 0, 16);
            const float k34 = acc34;
            const sn_i64 k38 = acc38;
            const float k60 = acc60;
            const sn_i64 k63 = acc63;
            const float k85 = acc85;
            const sn_i64 k88 = acc88;
            const float k110 = acc110;
            const sn_i64 k113 = acc113;
            const float k135 = acc135;
            const sn_i64 k138 = acc138;
            const float k160 = acc160;
            const sn_i64 k163 = acc163;
            const float k185 = acc185;
            const sn_i64 k188 = acc188;
            const float k210 = acc210;
            const sn_i64 k213 = acc213;
            float acc41 = sn_u2f(0xff800000u);
            float acc66 = sn_u2f(0xff800000u);
            float acc91 = sn_u2f(0xff800000u);
            float acc116 = sn_u2f(0xff800000u);
            float acc141 = sn_u2f(0xff800000u);
            float acc166 = sn_u2f(0xff800000u);
            float acc191 = sn_u2f(0xff800000u);
            float acc216 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const float k12 = c12[c * 8 + j];
                    const sn_i64 k30 = c30[c * 8 + j];
                    const sn_i64 k39 = (sn_i64)(k30 == k38);
                    const float k40 = k39 != 0 ? k12 : k11;
                    const float k44 = c44[c * 8 + j];
                    const sn_i64 k56 = c56[c * 8 + j];
                    const sn_i64 k64 = (sn_i64)(k56 == k63);
                    const float k65 = k64 != 0 ? k44 : k11;
                    const float k69 = c69[c * 8 + j];
                    const sn_i64 k81 = c81[c * 8 + j];
                    const sn_i64 k89 = (sn_i64)(k81 == k88);
                    const float k90 = k89 != 0 ? k69 : k11;
                    const float k94 = c94[c * 8 + j];
                    const sn_i64 k106 = c106[c * 8 + j];
                    const sn_i64 k114 = (sn_i64)(k106 == k113);
                    const float k115 = k114 != 0 ? k94 : k11;
                    const float k119 = c119[c * 8 + j];
                    const sn_i64 k131 = c131[c * 8 + j];
                    const sn_i64 k139 = (sn_i64)(k131 == k138);
                    const float k140 = k139 != 0 ? k119 : k11;
                    const float k144 = c144[c * 8 + j];
                    const sn_i64 k156 = c156[c * 8 + j];
                    const sn_i64 k164 = (sn_i64)(k156 == k163);
                    const float k165 = k164 != 0 ? k144 : k11;
                    const float k169 = c169[c * 8 + j];
                    const sn_i64 k181 = c181[c * 8 + j];
                    const sn_i64 k189 = (sn_i64)(k181 == k188);
                    const float k190 = k189 != 0 ? k169 : k11;
                    const float k194 = c194[c * 8 + j];
                    const sn_i64 k206 = c206[c * 8 + j];
                    const sn_i64 k214 = (sn_i64)(k206 == k213);
                    const float k215 = k214 != 0 ? k194 : k11;
                    acc41 = sn_fold_max(acc41, k40);
                    acc66 = sn_fold_max(acc66, k65);
                    acc91 = sn_fold_max(acc91, k90);
                    acc116 = sn_fold_max(acc116, k115);
                    acc141 = sn_fold_max(acc141, k140);
                    acc166 = sn_fold_max(acc166, k165);
                    acc191 = sn_fold_max(acc191, k190);
                    acc216 = sn_fold_max(acc216, k215);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc41, off, 64);
                acc41 = sn_fold_max(acc41, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc66, off, 64);
                acc66 = sn_fold_max(acc66, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc91, off, 64);
                acc91 = sn_fold_max(acc91, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc116, off, 64);
                acc116 = sn_fold_max(acc116, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc141, off, 64);
                acc141 = sn_fold_max(acc141, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc166, off, 64);
                acc166 = sn_fold_max(acc166, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc191, off, 64);
                acc191 = sn_fold_max(acc191, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc216, off, 64);
                acc216 = sn_fold_max(acc216, other);
            }
            acc41 = __shfl(acc41, 0, 16);
            acc66 = __shfl(acc66, 0, 16);
            acc91 = __shfl(acc91, 0, 16);
            acc116 = __shfl(acc116, 0, 16);
            acc141 = __shfl(acc141, 0, 16);
            acc166 = __shfl(acc166, 0, 16);
            acc191 = __shfl(acc191, 0, 16);
            acc216 = __shfl(acc216, 0, 16);
            const float k41 = acc41;
            const float k66 = acc66;
            const float k91 = acc91;
            const float k116 = acc116;
            const float k141 = acc141;
            const float k166 = acc166;
            const float k191 = acc191;
            const float k216 = acc216;
            const float k220 = k210 + k216;
            const float k222 = k185 + k191;
            const float k226 = k160 + k166;
            const float k230 = k135 + k141;
            const float k234 = k110 + k116;
            const float k238 = k85 + k91;
            const float k242 = k60 + k66;
            const float k246 = k34 + k41;
            sn_i64 acc262 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k217 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k218 = (sn_i64)(k217 == k3);
                    const sn_i64 k219 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k223 = (sn_i64)(k219 < k221);
                    const float k224 = k223 != 0 ? k222 : k220;
                    const sn_i64 k227 = (sn_i64)(k219 < k225);
                    const float k228 = k227 != 0 ? k226 : k224;
                    const sn_i64 k231 = (sn_i64)(k219 < k229);
                    const float k232 = k231 != 0 ? k230 : k228;
                    const sn_i64 k235 = (sn_i64)(k219 < k233);
                    const float k236 = k235 != 0 ? k234 : k232;
                    const sn_i64 k239 = (sn_i64)(k219 < k237);
                    const float k240 = k239 != 0 ? k238 : k236;
                    const sn_i64 k243 = (sn_i64)(k219 < k241);
                    const float k244 = k243 != 0 ? k242 : k240;
                    const sn_i64 k247 = (sn_i64)(k219 < k245);
                    const float k248 = k247 != 0 ? k246 : k244;
                    const float k249 = k218 != 0 ? k248 : k11;
                    const sn_i64 k250 = (sn_i64)(k249 != k249);
                    const sn_i64 k251 = (sn_i64)(k249 == k15);
                    const float k252 = (k249);
                    const sn_i64 k253 = sn_iwrap((sn_i64)sn_f2u(k252), 32, 1);
                    const sn_i64 k254 = sn_wrap(k253, 64);
                    const sn_i64 k255 = (sn_i64)(k254 < k17);
                    const sn_i64 k256 = (k254 ^ k14);
                    const sn_i64 k257 = k255 != 0 ? k256 : k254;
                    const sn_i64 k258 = k251 != 0 ? k17 : k257;
                    const sn_i64 k259 = k250 != 0 ? k14 : k258;
                    const sn_i64 k260 = sn_ishl(k259, k26, 64, 1);
                    const sn_i64 k261 = (k260 | k29);
                    acc262 = sn_ifold_max(acc262, k261);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc262, off, 64);
                acc262 = sn_ifold_max(acc262, other);
            }
            acc262 = __shfl(acc262, 0, 16);
            const sn_i64 k262 = acc262;
            const sn_i64 k274 = (k262 & k273);
            const sn_i64 k275 = sn_isub(k272, k274);
            const sn_i64 k276 = sn_wrap(k275, 32);
            const sn_i64 k278 = sn_ifloordiv(k276, k277, 32, 1);
            sn_i64 acc265 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k217 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k218 = (sn_i64)(k217 == k3);
                    const sn_i64 k219 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k223 = (sn_i64)(k219 < k221);
                    const float k224 = k223 != 0 ? k222 : k220;
                    const sn_i64 k227 = (sn_i64)(k219 < k225);
                    const float k228 = k227 != 0 ? k226 : k224;
                    const sn_i64 k231 = (sn_i64)(k219 < k229);
                    const float k232 = k231 != 0 ? k230 : k228;
                    const sn_i64 k235 = (sn_i64)(k219 < k233);
                    const float k236 = k235 != 0 ? k234 : k232;
                    const sn_i64 k239 = (sn_i64)(k219 < k237);
                    const float k240 = k239 != 0 ? k238 : k236;
                    const sn_i64 k243 = (sn_i64)(k219 < k241);
                    const float k244 = k243 != 0 ? k242 : k240;
                    const sn_i64 k247 = (sn_i64)(k219 < k245);
                    const float k248 = k247 != 0 ? k246 : k244;
                    const float k249 = k218 != 0 ? k248 : k11;
                    const sn_i64 k250 = (sn_i64)(k249 != k249);
                    const sn_i64 k251 = (sn_i64)(k249 == k15);
                    const float k252 = (k249);
                    const sn_i64 k253 = sn_iwrap((sn_i64)sn_f2u(k252), 32, 1);
                    const sn_i64 k254 = sn_wrap(k253, 64);
                    const sn_i64 k255 = (sn_i64)(k254 < k17);
                    const sn_i64 k256 = (k254 ^ k14);
                    const sn_i64 k257 = k255 != 0 ? k256 : k254;
                    const sn_i64 k258 = k251 != 0 ? k17 : k257;
                    const sn_i64 k259 = k250 != 0 ? k14 : k258;
                    const sn_i64 k260 = sn_ishl(k259, k26, 64, 1);
                    const sn_i64 k261 = (k260 | k29);
                    const sn_i64 k263 = (sn_i64)(k261 < k262);
                    const sn_i64 k264 = k263 != 0 ? k261 : k36;
                    acc265 = sn_ifold_max(acc265, k264);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc265, off, 64);
                acc265 = sn_ifold_max(acc265, other);
            }
            acc265 = __shfl(acc265, 0, 16);
            const sn_i64 k265 = acc265;
            const sn_i64 k280 = (k265 & k273);
            const sn_i64 k281 = sn_isub(k272, k280);
            const sn_i64 k282 = sn_wrap(k281, 32);
            const sn_i64 k283 = sn_ifloordiv(k282, k277, 32, 1);
            sn_i64 acc268 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k217 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k218 = (sn_i64)(k217 == k3);
                    const sn_i64 k219 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k223 = (sn_i64)(k219 < k221);
                    const float k224 = k223 != 0 ? k222 : k220;
                    const sn_i64 k227 = (sn_i64)(k219 < k225);
                    const float k228 = k227 != 0 ? k226 : k224;
                    const sn_i64 k231 = (sn_i64)(k219 < k229);
                    const float k232 = k231 != 0 ? k230 : k228;
                    const sn_i64 k235 = (sn_i64)(k219 < k233);
                    const float k236 = k235 != 0 ? k234 : k232;
                    const sn_i64 k239 = (sn_i64)(k219 < k237);
                    const float k240 = k239 != 0 ? k238 : k236;
                    const sn_i64 k243 = (sn_i64)(k219 < k241);
                    const float k244 = k243 != 0 ? k242 : k240;
                    const sn_i64 k247 = (sn_i64)(k219 < k245);
                    const float k248 = k247 != 0 ? k246 : k244;
                    const float k249 = k218 != 0 ? k248 : k11;
                    const sn_i64 k250 = (sn_i64)(k249 != k249);
                    const sn_i64 k251 = (sn_i64)(k249 == k15);
                    const float k252 = (k249);
                    const sn_i64 k253 = sn_iwrap((sn_i64)sn_f2u(k252), 32, 1);
                    const sn_i64 k254 = sn_wrap(k253, 64);
                    const sn_i64 k255 = (sn_i64)(k254 < k17);
                    const sn_i64 k256 = (k254 ^ k14);
                    const sn_i64 k257 = k255 != 0 ? k256 : k254;
                    const sn_i64 k258 = k251 != 0 ? k17 : k257;
                    const sn_i64 k259 = k250 != 0 ? k14 : k258;
                    const sn_i64 k260 = sn_ishl(k259, k26, 64, 1);
                    const sn_i64 k261 = (k260 | k29);
                    const sn_i64 k266 = (sn_i64)(k261 < k265);
                    const sn_i64 k267 = k266 != 0 ? k261 : k36;
                    acc268 = sn_ifold_max(acc268, k267);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc268, off, 64);
                acc268 = sn_ifold_max(acc268, other);
            }
            acc268 = __shfl(acc268, 0, 16);
            const sn_i64 k268 = acc268;
            const sn_i64 k286 = (k268 & k273);
            const sn_i64 k287 = sn_isub(k272, k286);
            const sn_i64 k288 = sn_wrap(k287, 32);
            const sn_i64 k289 = sn_ifloordiv(k288, k277, 32, 1);
            sn_i64 acc271 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k217 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k218 = (sn_i64)(k217 == k3);
                    const sn_i64 k219 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k223 = (sn_i64)(k219 < k221);
                    const float k224 = k223 != 0 ? k222 : k220;
                    const sn_i64 k227 = (sn_i64)(k219 < k225);
                    const float k228 = k227 != 0 ? k226 : k224;
                    const sn_i64 k231 = (sn_i64)(k219 < k229);
                    const float k232 = k231 != 0 ? k230 : k228;
                    const sn_i64 k235 = (sn_i64)(k219 < k233);
                    const float k236 = k235 != 0 ? k234 : k232;
                    const sn_i64 k239 = (sn_i64)(k219 < k237);
                    const float k240 = k239 != 0 ? k238 : k236;
                    const sn_i64 k243 = (sn_i64)(k219 < k241);
                    const float k244 = k243 != 0 ? k242 : k240;
                    const sn_i64 k247 = (sn_i64)(k219 < k245);
                    const float k248 = k247 != 0 ? k246 : k244;
                    const float k249 = k218 != 0 ? k248 : k11;
                    const sn_i64 k250 = (sn_i64)(k249 != k249);
                    const sn_i64 k251 = (sn_i64)(k249 == k15);
                    const float k252 = (k249);
                    const sn_i64 k253 = sn_iwrap((sn_i64)sn_f2u(k252), 32, 1);
                    const sn_i64 k254 = sn_wrap(k253, 64);
                    const sn_i64 k255 = (sn_i64)(k254 < k17);
                    const sn_i64 k256 = (k254 ^ k14);
                    const sn_i64 k257 = k255 != 0 ? k256 : k254;
                    const sn_i64 k258 = k251 != 0 ? k17 : k257;
                    const sn_i64 k259 = k250 != 0 ? k14 : k258;
                    const sn_i64 k260 = sn_ishl(k259, k26, 64, 1);
                    const sn_i64 k261 = (k260 | k29);
                    const sn_i64 k269 = (sn_i64)(k261 < k268);
                    const sn_i64 k270 = k269 != 0 ? k261 : k36;
                    acc271 = sn_ifold_max(acc271, k270);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc271, off, 64);
                acc271 = sn_ifold_max(acc271, other);
            }
            acc271 = __shfl(acc271, 0, 16);
            const sn_i64 k271 = acc271;
            const sn_i64 k292 = (k271 & k273);
            const sn_i64 k293 = sn_isub(k272, k292);
            const sn_i64 k294 = sn_wrap(k293, 32);
            const sn_i64 k295 = sn_ifloordiv(k294, k277, 32, 1);
            sn_i64 acc311 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k2 = sn_ifloordiv(k0, k1, 32, 1);
                    const float k10 = c10[c * 8 + j];
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k279 = (sn_i64)(k2 == k278);
                    const sn_i64 k284 = (sn_i64)(k2 == k283);
                    const sn_i64 k285 = (sn_i64)(k279 != 0 || k284 != 0);
                    const sn_i64 k290 = (sn_i64)(k2 == k289);
                    const sn_i64 k291 = (sn_i64)(k285 != 0 || k290 != 0);
                    const sn_i64 k296 = (sn_i64)(k2 == k295);
                    const sn_i64 k297 = (sn_i64)(k291 != 0 || k296 != 0);
                    const float k298 = k297 != 0 ? k10 : k11;
                    const sn_i64 k299 = (sn_i64)(k298 != k298);
                    const sn_i64 k300 = (sn_i64)(k298 == k15);
                    const float k301 = (k298);
                    const sn_i64 k302 = sn_iwrap((sn_i64)sn_f2u(k301), 32, 1);
                    const sn_i64 k303 = sn_wrap(k302, 64);
                    const sn_i64 k304 = (sn_i64)(k303 < k17);
                    const sn_i64 k305 = (k303 ^ k14);
                    const sn_i64 k306 = k304 != 0 ? k305 : k303;
                    const sn_i64 k307 = k300 != 0 ? k17 : k306;
                    const sn_i64 k308 = k299 != 0 ? k14 : k307;
                    const sn_i64 k309 = sn_ishl(k308, k26, 64, 1);
                    const sn_i64 k310 = (k309 | k29);
                    c310[c * 8 + j] = k310;
                    acc311 = sn_ifold_max(acc311, k310);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc311, off, 64);
                acc311 = sn_ifold_max(acc311, other);
            }
            acc311 = __shfl(acc311, 0, 16);
            const sn_i64 k311 = acc311;
            const sn_i64 k333 = (k311 & k273);
            const sn_i64 k334 = sn_isub(k272, k333);
            const sn_i64 k335 = sn_wrap(k334, 32);
            sn_i64 acc314 = (sn_i64)0x8000000000000000ull;
            float acc338 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k312 = (sn_i64)(k310 < k311);
                    const sn_i64 k313 = k312 != 0 ? k310 : k36;
                    const sn_i64 k336 = (sn_i64)(k0 == k335);
                    const float k337 = k336 != 0 ? k7 : k11;
                    acc314 = sn_ifold_max(acc314, k313);
                    acc338 = sn_fold_max(acc338, k337);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc314, off, 64);
                acc314 = sn_ifold_max(acc314, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc338, off, 64);
                acc338 = sn_fold_max(acc338, other);
            }
            acc314 = __shfl(acc314, 0, 16);
            acc338 = __shfl(acc338, 0, 16);
            const sn_i64 k314 = acc314;
            const float k338 = acc338;
            const sn_i64 k339 = (k314 & k273);
            const sn_i64 k340 = sn_isub(k272, k339);
            const sn_i64 k341 = sn_wrap(k340, 32);
            sn_i64 acc317 = (sn_i64)0x8000000000000000ull;
            float acc344 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k315 = (sn_i64)(k310 < k314);
                    const sn_i64 k316 = k315 != 0 ? k310 : k36;
                    const sn_i64 k342 = (sn_i64)(k0 == k341);
                    const float k343 = k342 != 0 ? k7 : k11;
                    acc317 = sn_ifold_max(acc317, k316);
                    acc344 = sn_fold_max(acc344, k343);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc317, off, 64);
                acc317 = sn_ifold_max(acc317, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc344, off, 64);
                acc344 = sn_fold_max(acc344, other);
            }
            acc317 = __shfl(acc317, 0, 16);
            acc344 = __shfl(acc344, 0, 16);
            const sn_i64 k317 = acc317;
            const float k344 = acc344;
            const sn_i64 k345 = (k317 & k273);
            const sn_i64 k346 = sn_isub(k272, k345);
            const sn_i64 k347 = sn_wrap(k346, 32);
            const float k381 = k338 + k344;
            sn_i64 acc320 = (sn_i64)0x8000000000000000ull;
            float acc350 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k318 = (sn_i64)(k310 < k317);
                    const sn_i64 k319 = k318 != 0 ? k310 : k36;
                    const sn_i64 k348 = (sn_i64)(k0 == k347);
                    const float k349 = k348 != 0 ? k7 : k11;
                    acc320 = sn_ifold_max(acc320, k319);
                    acc350 = sn_fold_max(acc350, k349);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc320, off, 64);
                acc320 = sn_ifold_max(acc320, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc350, off, 64);
                acc350 = sn_fold_max(acc350, other);
            }
            acc320 = __shfl(acc320, 0, 16);
            acc350 = __shfl(acc350, 0, 16);
            const sn_i64 k320 = acc320;
            const float k350 = acc350;
            const sn_i64 k351 = (k320 & k273);
            const sn_i64 k352 = sn_isub(k272, k351);
            const sn_i64 k353 = sn_wrap(k352, 32);
            const float k382 = k381 + k350;
            sn_i64 acc323 = (sn_i64)0x8000000000000000ull;
            float acc356 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k310 < k320);
                    const sn_i64 k322 = k321 != 0 ? k310 : k36;
                    const sn_i64 k354 = (sn_i64)(k0 == k353);
                    const float k355 = k354 != 0 ? k7 : k11;
                    acc323 = sn_ifold_max(acc323, k322);
                    acc356 = sn_fold_max(acc356, k355);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc323, off, 64);
                acc323 = sn_ifold_max(acc323, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc356, off, 64);
                acc356 = sn_fold_max(acc356, other);
            }
            acc323 = __shfl(acc323, 0, 16);
            acc356 = __shfl(acc356, 0, 16);
            const sn_i64 k323 = acc323;
            const float k356 = acc356;
            const sn_i64 k357 = (k323 & k273);
            const sn_i64 k358 = sn_isub(k272, k357);
            const sn_i64 k359 = sn_wrap(k358, 32);
            const float k383 = k382 + k356;
            sn_i64 acc326 = (sn_i64)0x8000000000000000ull;
            float acc362 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k324 = (sn_i64)(k310 < k323);
                    const sn_i64 k325 = k324 != 0 ? k310 : k36;
                    const sn_i64 k360 = (sn_i64)(k0 == k359);
                    const float k361 = k360 != 0 ? k7 : k11;
                    acc326 = sn_ifold_max(acc326, k325);
                    acc362 = sn_fold_max(acc362, k361);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc326, off, 64);
                acc326 = sn_ifold_max(acc326, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc362, off, 64);
                acc362 = sn_fold_max(acc362, other);
            }
            acc326 = __shfl(acc326, 0, 16);
            acc362 = __shfl(acc362, 0, 16);
            const sn_i64 k326 = acc326;
            const float k362 = acc362;
            const sn_i64 k363 = (k326 & k273);
            const sn_i64 k364 = sn_isub(k272, k363);
            const sn_i64 k365 = sn_wrap(k364, 32);
            const float k384 = k383 + k362;
            sn_i64 acc329 = (sn_i64)0x8000000000000000ull;
            float acc368 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k327 = (sn_i64)(k310 < k326);
                    const sn_i64 k328 = k327 != 0 ? k310 : k36;
                    const sn_i64 k366 = (sn_i64)(k0 == k365);
                    const float k367 = k366 != 0 ? k7 : k11;
                    acc329 = sn_ifold_max(acc329, k328);
                    acc368 = sn_fold_max(acc368, k367);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc329, off, 64);
                acc329 = sn_ifold_max(acc329, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc368, off, 64);
                acc368 = sn_fold_max(acc368, other);
            }
            acc329 = __shfl(acc329, 0, 16);
            acc368 = __shfl(acc368, 0, 16);
            const sn_i64 k329 = acc329;
            const float k368 = acc368;
            const sn_i64 k369 = (k329 & k273);
            const sn_i64 k370 = sn_isub(k272, k369);
            const sn_i64 k371 = sn_wrap(k370, 32);
            const float k385 = k384 + k368;
            sn_i64 acc332 = (sn_i64)0x8000000000000000ull;
            float acc374 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k310 = c310[c * 8 + j];
                    const sn_i64 k330 = (sn_i64)(k310 < k329);
                    const sn_i64 k331 = k330 != 0 ? k310 : k36;
                    const sn_i64 k372 = (sn_i64)(k0 == k371);
                    const float k373 = k372 != 0 ? k7 : k11;
                    acc332 = sn_ifold_max(acc332, k331);
                    acc374 = sn_fold_max(acc374, k373);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc332, off, 64);
                acc332 = sn_ifold_max(acc332, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc374, off, 64);
                acc374 = sn_fold_max(acc374, other);
            }
            acc332 = __shfl(acc332, 0, 16);
            acc374 = __shfl(acc374, 0, 16);
            const sn_i64 k332 = acc332;
            const float k374 = acc374;
            const sn_i64 k375 = (k332 & k273);
            const sn_i64 k376 = sn_isub(k272, k375);
            const sn_i64 k377 = sn_wrap(k376, 32);
            const float k386 = k385 + k374;
            float acc380 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 8 + j];
                    const sn_i64 k378 = (sn_i64)(k0 == k377);
                    const float k379 = k378 != 0 ? k7 : k11;
                    acc380 = sn_fold_max(acc380, k379);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc380, off, 64);
                acc380 = sn_fold_max(acc380, other);
            }
            acc380 = __shfl(acc380, 0, 16);
            const float k380 = acc380;
            const float k387 = k386 + k380;
            const float k388 = sn_div(k338, k387);
            const float k390 = k388 * k389;
            const float k391 = sn_div(k344, k387);
            const float k392 = k391 * k389;
            const float k393 = sn_div(k350, k387);
            const float k394 = k393 * k389;
            const float k395 = sn_div(k356, k387);
            const float k396 = k395 * k389;
            const float k397 = sn_div(k362, k387);
            const float k398 = k397 * k389;
            const float k399 = sn_div(k368, k387);
            const float k400 = k399 * k389;
            const float k401 = sn_div(k374, k387);
            const float k402 = k401 * k389;
            const float k403 = sn_div(k380, k387);
            const float k404 = k403 * k389;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)0] = k390;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)1] = k392;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)2] = k394;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)3] = k396;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)4] = k398;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)5] = k400;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)6] = k402;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)7] = k404;
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)0] = (int)sn_wrap(k335, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)1] = (int)sn_wrap(k341, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)2] = (int)sn_wrap(k347, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)3] = (int)sn_wrap(k353, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)4] = (int)sn_wrap(k359, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)5] = (int)sn_wrap(k365, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)6] = (int)sn_wrap(k371, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)7] = (int)sn_wrap(k377, 32);
            return;
        }
        blk -= nblk;
    }
}
#endif

#if !defined(SN_ONLY) || defined(SN_ONLY_moe_fused_gate_k0_few)
extern "C" __global__ void __launch_bounds__(64) moe_fused_gate_k0_few(
    const sn_u16 *__restrict__ b0,
    const sn_i64 b0_s0,
    const sn_u16 *__restrict__ b1,
    float *__restrict__ b2,
    int *__restrict__ b3,
    const sn_i64 sym_T)
{
    sn_i64 blk = blockIdx.x;
    { /* segment 0 */
        const sn_i64 rows = ((sn_i64)1 * sym_T);
        const sn_i64 nblk = (rows + 0) / 1;
        if (blk < nblk) {
            const int lane = threadIdx.x % 64, team = threadIdx.x / 64;
            const sn_i64 row = blk * 1 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)256);
            const sn_i64 o0 = (live ? row : 0);
            float c7[4];
            float c10[4];
            float c12[4];
            sn_i64 c30[4];
            float c44[4];
            sn_i64 c56[4];
            float c69[4];
            sn_i64 c81[4];
            float c94[4];
            sn_i64 c106[4];
            float c119[4];
            sn_i64 c131[4];
            float c144[4];
            sn_i64 c156[4];
            float c169[4];
            sn_i64 c181[4];
            float c194[4];
            sn_i64 c206[4];
            sn_i64 c310[4];
            const sn_i64 k1 = (sn_i64)32ll;
            const sn_i64 k3 = (sn_i64)0ll;
            const float k11 = sn_u2f(0xff800000u);
            const sn_i64 k14 = (sn_i64)2147483647ll;
            const float k15 = 0.0f;
            const sn_i64 k17 = (sn_i64)0ll;
            const sn_i64 k26 = (sn_i64)32ll;
            const sn_i64 k36 = (sn_i64)-9223372036854775808ll;
            const sn_i64 k42 = (sn_i64)1ll;
            const sn_i64 k67 = (sn_i64)2ll;
            const sn_i64 k92 = (sn_i64)3ll;
            const sn_i64 k117 = (sn_i64)4ll;
            const sn_i64 k142 = (sn_i64)5ll;
            const sn_i64 k167 = (sn_i64)6ll;
            const sn_i64 k192 = (sn_i64)7ll;
            const sn_i64 k221 = (sn_i64)7ll;
            const sn_i64 k225 = (sn_i64)6ll;
            const sn_i64 k229 = (sn_i64)5ll;
            const sn_i64 k233 = (sn_i64)4ll;
            const sn_i64 k237 = (sn_i64)3ll;
            const sn_i64 k241 = (sn_i64)2ll;
            const sn_i64 k245 = (sn_i64)1ll;
            const sn_i64 k272 = (sn_i64)2147483647ll;
            const sn_i64 k273 = (sn_i64)4294967295ll;
            const sn_i64 k277 = (sn_i64)32ll;
            const float k389 = 2.5f;
            sn_i64 acc31 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc57 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc82 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc107 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc132 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc157 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc182 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc207 = (sn_i64)0x8000000000000000ull;
            uint2 pf5[1];
            uint2 pf8[1];
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf5[c] = *(const uint2 *)(b0 + (o0 * b0_s0 + (sn_i64)r0));
            }
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf8[c] = *(const uint2 *)(b1 + ((sn_i64)r0));
            }
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                float l5[4];
                {
                    const uint2 raw = pf5[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l5[0] = sn_from_bf16(el[0]);
                    l5[1] = sn_from_bf16(el[1]);
                    l5[2] = sn_from_bf16(el[2]);
                    l5[3] = sn_from_bf16(el[3]);
                }
                float l8[4];
                {
                    const uint2 raw = pf8[c];
                    const sn_u16 *el = (const sn_u16 *)&raw;
                    l8[0] = sn_from_bf16(el[0]);
                    l8[1] = sn_from_bf16(el[1]);
                    l8[2] = sn_from_bf16(el[2]);
                    l8[3] = sn_from_bf16(el[3]);
                }
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k2 = sn_ifloordiv(k0, k1, 32, 1);
                    const sn_i64 k4 = (sn_i64)(k2 == k3);
                    const float k5 = l5[j];
                    const float k6 = (k5);
                    const float k7 = sn_sigmoid(k6);
                    c7[c * 4 + j] = k7;
                    const float k8 = l8[j];
                    const float k9 = (k8);
                    const float k10 = k7 + k9;
                    c10[c * 4 + j] = k10;
                    const float k12 = k4 != 0 ? k10 : k11;
                    c12[c * 4 + j] = k12;
                    const sn_i64 k13 = (sn_i64)(k12 != k12);
                    const sn_i64 k16 = (sn_i64)(k12 == k15);
                    const float k18 = (k12);
                    const sn_i64 k19 = sn_iwrap((sn_i64)sn_f2u(k18), 32, 1);
                    const sn_i64 k20 = sn_wrap(k19, 64);
                    const sn_i64 k21 = (sn_i64)(k20 < k17);
                    const sn_i64 k22 = (k20 ^ k14);
                    const sn_i64 k23 = k21 != 0 ? k22 : k20;
                    const sn_i64 k24 = k16 != 0 ? k17 : k23;
                    const sn_i64 k25 = k13 != 0 ? k14 : k24;
                    const sn_i64 k27 = sn_ishl(k25, k26, 64, 1);
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k30 = (k27 | k29);
                    c30[c * 4 + j] = k30;
                    const sn_i64 k43 = (sn_i64)(k2 == k42);
                    const float k44 = k43 != 0 ? k10 : k11;
                    c44[c * 4 + j] = k44;
                    const sn_i64 k45 = (sn_i64)(k44 != k44);
                    const sn_i64 k46 = (sn_i64)(k44 == k15);
                    const float k47 = (k44);
                    const sn_i64 k48 = sn_iwrap((sn_i64)sn_f2u(k47), 32, 1);
                    const sn_i64 k49 = sn_wrap(k48, 64);
                    const sn_i64 k50 = (sn_i64)(k49 < k17);
                    const sn_i64 k51 = (k49 ^ k14);
                    const sn_i64 k52 = k50 != 0 ? k51 : k49;
                    const sn_i64 k53 = k46 != 0 ? k17 : k52;
                    const sn_i64 k54 = k45 != 0 ? k14 : k53;
                    const sn_i64 k55 = sn_ishl(k54, k26, 64, 1);
                    const sn_i64 k56 = (k55 | k29);
                    c56[c * 4 + j] = k56;
                    const sn_i64 k68 = (sn_i64)(k2 == k67);
                    const float k69 = k68 != 0 ? k10 : k11;
                    c69[c * 4 + j] = k69;
                    const sn_i64 k70 = (sn_i64)(k69 != k69);
                    const sn_i64 k71 = (sn_i64)(k69 == k15);
                    const float k72 = (k69);
                    const sn_i64 k73 = sn_iwrap((sn_i64)sn_f2u(k72), 32, 1);
                    const sn_i64 k74 = sn_wrap(k73, 64);
                    const sn_i64 k75 = (sn_i64)(k74 < k17);
                    const sn_i64 k76 = (k74 ^ k14);
                    const sn_i64 k77 = k75 != 0 ? k76 : k74;
                    const sn_i64 k78 = k71 != 0 ? k17 : k77;
                    const sn_i64 k79 = k70 != 0 ? k14 : k78;
                    const sn_i64 k80 = sn_ishl(k79, k26, 64, 1);
                    const sn_i64 k81 = (k80 | k29);
                    c81[c * 4 + j] = k81;
                    const sn_i64 k93 = (sn_i64)(k2 == k92);
                    const float k94 = k93 != 0 ? k10 : k11;
                    c94[c * 4 + j] = k94;
                    const sn_i64 k95 = (sn_i64)(k94 != k94);
                    const sn_i64 k96 = (sn_i64)(k94 == k15);
                    const float k97 = (k94);
                    const sn_i64 k98 = sn_iwrap((sn_i64)sn_f2u(k97), 32, 1);
                    const sn_i64 k99 = sn_wrap(k98, 64);
                    const sn_i64 k100 = (sn_i64)(k99 < k17);
                    const sn_i64 k101 = (k99 ^ k14);
                    const sn_i64 k102 = k100 != 0 ? k101 : k99;
                    const sn_i64 k103 = k96 != 0 ? k17 : k102;
                    const sn_i64 k104 = k95 != 0 ? k14 : k103;
                    const sn_i64 k105 = sn_ishl(k104, k26, 64, 1);
                    const sn_i64 k106 = (k105 | k29);
                    c106[c * 4 + j] = k106;
                    const sn_i64 k118 = (sn_i64)(k2 == k117);
                    const float k119 = k118 != 0 ? k10 : k11;
                    c119[c * 4 + j] = k119;
                    const sn_i64 k120 = (sn_i64)(k119 != k119);
                    const sn_i64 k121 = (sn_i64)(k119 == k15);
                    const float k122 = (k119);
                    const sn_i64 k123 = sn_iwrap((sn_i64)sn_f2u(k122), 32, 1);
                    const sn_i64 k124 = sn_wrap(k123, 64);
                    const sn_i64 k125 = (sn_i64)(k124 < k17);
                    const sn_i64 k126 = (k124 ^ k14);
                    const sn_i64 k127 = k125 != 0 ? k126 : k124;
                    const sn_i64 k128 = k121 != 0 ? k17 : k127;
                    const sn_i64 k129 = k120 != 0 ? k14 : k128;
                    const sn_i64 k130 = sn_ishl(k129, k26, 64, 1);
                    const sn_i64 k131 = (k130 | k29);
                    c131[c * 4 + j] = k131;
                    const sn_i64 k143 = (sn_i64)(k2 == k142);
                    const float k144 = k143 != 0 ? k10 : k11;
                    c144[c * 4 + j] = k144;
                    const sn_i64 k145 = (sn_i64)(k144 != k144);
                    const sn_i64 k146 = (sn_i64)(k144 == k15);
                    const float k147 = (k144);
                    const sn_i64 k148 = sn_iwrap((sn_i64)sn_f2u(k147), 32, 1);
                    const sn_i64 k149 = sn_wrap(k148, 64);
                    const sn_i64 k150 = (sn_i64)(k149 < k17);
                    const sn_i64 k151 = (k149 ^ k14);
                    const sn_i64 k152 = k150 != 0 ? k151 : k149;
                    const sn_i64 k153 = k146 != 0 ? k17 : k152;
                    const sn_i64 k154 = k145 != 0 ? k14 : k153;
                    const sn_i64 k155 = sn_ishl(k154, k26, 64, 1);
                    const sn_i64 k156 = (k155 | k29);
                    c156[c * 4 + j] = k156;
                    const sn_i64 k168 = (sn_i64)(k2 == k167);
                    const float k169 = k168 != 0 ? k10 : k11;
                    c169[c * 4 + j] = k169;
                    const sn_i64 k170 = (sn_i64)(k169 != k169);
                    const sn_i64 k171 = (sn_i64)(k169 == k15);
                    const float k172 = (k169);
                    const sn_i64 k173 = sn_iwrap((sn_i64)sn_f2u(k172), 32, 1);
                    const sn_i64 k174 = sn_wrap(k173, 64);
                    const sn_i64 k175 = (sn_i64)(k174 < k17);
                    const sn_i64 k176 = (k174 ^ k14);
                    const sn_i64 k177 = k175 != 0 ? k176 : k174;
                    const sn_i64 k178 = k171 != 0 ? k17 : k177;
                    const sn_i64 k179 = k170 != 0 ? k14 : k178;
                    const sn_i64 k180 = sn_ishl(k179, k26, 64, 1);
                    const sn_i64 k181 = (k180 | k29);
                    c181[c * 4 + j] = k181;
                    const sn_i64 k193 = (sn_i64)(k2 == k192);
                    const float k194 = k193 != 0 ? k10 : k11;
                    c194[c * 4 + j] = k194;
                    const sn_i64 k195 = (sn_i64)(k194 != k194);
                    const sn_i64 k196 = (sn_i64)(k194 == k15);
                    const float k197 = (k194);
                    const sn_i64 k198 = sn_iwrap((sn_i64)sn_f2u(k197), 32, 1);
                    const sn_i64 k199 = sn_wrap(k198, 64);
                    const sn_i64 k200 = (sn_i64)(k199 < k17);
                    const sn_i64 k201 = (k199 ^ k14);
                    const sn_i64 k202 = k200 != 0 ? k201 : k199;
                    const sn_i64 k203 = k196 != 0 ? k17 : k202;
                    const sn_i64 k204 = k195 != 0 ? k14 : k203;
                    const sn_i64 k205 = sn_ishl(k204, k26, 64, 1);
                    const sn_i64 k206 = (k205 | k29);
                    c206[c * 4 + j] = k206;
                    acc31 = sn_ifold_max(acc31, k30);
                    acc57 = sn_ifold_max(acc57, k56);
                    acc82 = sn_ifold_max(acc82, k81);
                    acc107 = sn_ifold_max(acc107, k106);
                    acc132 = sn_ifold_max(acc132, k131);
                    acc157 = sn_ifold_max(acc157, k156);
                    acc182 = sn_ifold_max(acc182, k181);
                    acc207 = sn_ifold_max(acc207, k206);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc31, off, 64);
                acc31 = sn_ifold_max(acc31, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc57, off, 64);
                acc57 = sn_ifold_max(acc57, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc82, off, 64);
                acc82 = sn_ifold_max(acc82, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc107, off, 64);
                acc107 = sn_ifold_max(acc107, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc132, off, 64);
                acc132 = sn_ifold_max(acc132, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc157, off, 64);
                acc157 = sn_ifold_max(acc157, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc182, off, 64);
                acc182 = sn_ifold_max(acc182, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc207, off, 64);
                acc207 = sn_ifold_max(acc207, other);
            }
            acc31 = __shfl(acc31, 0, 64);
            acc57 = __shfl(acc57, 0, 64);
            acc82 = __shfl(acc82, 0, 64);
            acc107 = __shfl(acc107, 0, 64);
            acc132 = __shfl(acc132, 0, 64);
            acc157 = __shfl(acc157, 0, 64);
            acc182 = __shfl(acc182, 0, 64);
            acc207 = __shfl(acc207, 0, 64);
            const sn_i64 k31 = acc31;
            const sn_i64 k57 = acc57;
            const sn_i64 k82 = acc82;
            const sn_i64 k107 = acc107;
            const sn_i64 k132 = acc132;
            const sn_i64 k157 = acc157;
            const sn_i64 k182 = acc182;
            const sn_i64 k207 = acc207;
            float acc34 = sn_u2f(0xff800000u);
            sn_i64 acc38 = (sn_i64)0x8000000000000000ull;
            float acc60 = sn_u2f(0xff800000u);
            sn_i64 acc63 = (sn_i64)0x8000000000000000ull;
            float acc85 = sn_u2f(0xff800000u);
            sn_i64 acc88 = (sn_i64)0x8000000000000000ull;
            float acc110 = sn_u2f(0xff800000u);
            sn_i64 acc113 = (sn_i64)0x8000000000000000ull;
            float acc135 = sn_u2f(0xff800000u);
            sn_i64 acc138 = (sn_i64)0x8000000000000000ull;
            float acc160 = sn_u2f(0xff800000u);
            sn_i64 acc163 = (sn_i64)0x8000000000000000ull;
            float acc185 = sn_u2f(0xff800000u);
            sn_i64 acc188 = (sn_i64)0x8000000000000000ull;
            float acc210 = sn_u2f(0xff800000u);
            sn_i64 acc213 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const float k12 = c12[c * 4 + j];
                    const sn_i64 k30 = c30[c * 4 + j];
                    const sn_i64 k32 = (sn_i64)(k30 == k31);
                    const float k33 = k32 != 0 ? k12 : k11;
                    const sn_i64 k35 = (sn_i64)(k30 < k31);
                    const sn_i64 k37 = k35 != 0 ? k30 : k36;
                    const float k44 = c44[c * 4 + j];
                    const sn_i64 k56 = c56[c * 4 + j];
                    const sn_i64 k58 = (sn_i64)(k56 == k57);
                    const float k59 = k58 != 0 ? k44 : k11;
                    const sn_i64 k61 = (sn_i64)(k56 < k57);
                    const sn_i64 k62 = k61 != 0 ? k56 : k36;
                    const float k69 = c69[c * 4 + j];
                    const sn_i64 k81 = c81[c * 4 + j];
                    const sn_i64 k83 = (sn_i64)(k81 == k82);
                    const float k84 = k83 != 0 ? k69 : k11;
                    const sn_i64 k86 = (sn_i64)(k81 < k82);
                    const sn_i64 k87 = k86 != 0 ? k81 : k36;
                    const float k94 = c94[c * 4 + j];
                    const sn_i64 k106 = c106[c * 4 + j];
                    const sn_i64 k108 = (sn_i64)(k106 == k107);
                    const float k109 = k108 != 0 ? k94 : k11;
                    const sn_i64 k111 = (sn_i64)(k106 < k107);
                    const sn_i64 k112 = k111 != 0 ? k106 : k36;
                    const float k119 = c119[c * 4 + j];
                    const sn_i64 k131 = c131[c * 4 + j];
                    const sn_i64 k133 = (sn_i64)(k131 == k132);
                    const float k134 = k133 != 0 ? k119 : k11;
                    const sn_i64 k136 = (sn_i64)(k131 < k132);
                    const sn_i64 k137 = k136 != 0 ? k131 : k36;
                    const float k144 = c144[c * 4 + j];
                    const sn_i64 k156 = c156[c * 4 + j];
                    const sn_i64 k158 = (sn_i64)(k156 == k157);
                    const float k159 = k158 != 0 ? k144 : k11;
                    const sn_i64 k161 = (sn_i64)(k156 < k157);
                    const sn_i64 k162 = k161 != 0 ? k156 : k36;
                    const float k169 = c169[c * 4 + j];
                    const sn_i64 k181 = c181[c * 4 + j];
                    const sn_i64 k183 = (sn_i64)(k181 == k182);
                    const float k184 = k183 != 0 ? k169 : k11;
                    const sn_i64 k186 = (sn_i64)(k181 < k182);
                    const sn_i64 k187 = k186 != 0 ? k181 : k36;
                    const float k194 = c194[c * 4 + j];
                    const sn_i64 k206 = c206[c * 4 + j];
                    const sn_i64 k208 = (sn_i64)(k206 == k207);
                    const float k209 = k208 != 0 ? k194 : k11;
                    const sn_i64 k211 = (sn_i64)(k206 < k207);
                    const sn_i64 k212 = k211 != 0 ? k206 : k36;
                    acc34 = sn_fold_max(acc34, k33);
                    acc38 = sn_ifold_max(acc38, k37);
                    acc60 = sn_fold_max(acc60, k59);
                    acc63 = sn_ifold_max(acc63, k62);
                    acc85 = sn_fold_max(acc85, k84);
                    acc88 = sn_ifold_max(acc88, k87);
                    acc110 = sn_fold_max(acc110, k109);
                    acc113 = sn_ifold_max(acc113, k112);
                    acc135 = sn_fold_max(acc135, k134);
                    acc138 = sn_ifold_max(acc138, k137);
                    acc160 = sn_fold_max(acc160, k159);
                    acc163 = sn_ifold_max(acc163, k162);
                    acc185 = sn_fold_max(acc185, k184);
                    acc188 = sn_ifold_max(acc188, k187);
                    acc210 = sn_fold_max(acc210, k209);
                    acc213 = sn_ifold_max(acc213, k212);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc34, off, 64);
                acc34 = sn_fold_max(acc34, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc38, off, 64);
                acc38 = sn_ifold_max(acc38, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc60, off, 64);
                acc60 = sn_fold_max(acc60, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc63, off, 64);
                acc63 = sn_ifold_max(acc63, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc85, off, 64);
                acc85 = sn_fold_max(acc85, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc88, off, 64);
                acc88 = sn_ifold_max(acc88, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc110, off, 64);
                acc110 = sn_fold_max(acc110, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc113, off, 64);
                acc113 = sn_ifold_max(acc113, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc135, off, 64);
                acc135 = sn_fold_max(acc135, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc138, off, 64);
                acc138 = sn_ifold_max(acc138, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc160, off, 64);
                acc160 = sn_fold_max(acc160, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc163, off, 64);
                acc163 = sn_ifold_max(acc163, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc185, off, 64);
                acc185 = sn_fold_max(acc185, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc188, off, 64);
                acc188 = sn_ifold_max(acc188, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc210, off, 64);
                acc210 = sn_fold_max(acc210, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc213, off, 64);
                acc213 = sn_ifold_max(acc213, other);
            }
            acc34 = __shfl(acc34, 0, 64);
            acc38 = __shfl(acc38, 0, 64);
            acc60 = __shfl(acc60, 0, 64);
            acc63 = __shfl(acc63, 0, 64);
            acc85 = __shfl(acc85, 0, 64);
            acc88 = __shfl(acc88, 0, 64);
            acc110 = __shfl(acc110, 0, 64);
            acc113 = __shfl(acc113, 0, 64);
            acc135 = __shfl(acc135, 0, 64);
            acc138 = __shfl(acc138, 0, 64);
            acc160 = __shfl(acc160, 0, 64);
            acc163 = __shfl(acc163, 0, 64);
            acc185 = __shfl(acc185, 0, 64);
            acc188 = __shfl(acc188, 0, 64);
            acc210 = __shfl(acc210, 0, 64);
            acc213 = __shfl(acc213, 0, 64);
            const float k34 = acc34;
            const sn_i64 k38 = acc38;
            const float k60 = acc60;
            const sn_i64 k63 = acc63;
            const float k85 = acc85;
            const sn_i64 k88 = acc88;
            const float k110 = acc110;
            const sn_i64 k113 = acc113;
            const float k135 = acc135;
            const sn_i64 k138 = acc138;
            const float k160 = acc160;
            const sn_i64 k163 = acc163;
            const float k185 = acc185;
            const sn_i64 k188 = acc188;
            const float k210 = acc210;
            const sn_i64 k213 = acc213;
            float acc41 = sn_u2f(0xff800000u);
            float acc66 = sn_u2f(0xff800000u);
            float acc91 = sn_u2f(0xff800000u);
            float acc116 = sn_u2f(0xff800000u);
            float acc141 = sn_u2f(0xff800000u);
            float acc166 = sn_u2f(0xff800000u);
            float acc191 = sn_u2f(0xff800000u);
            float acc216 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const float k12 = c12[c * 4 + j];
                    const sn_i64 k30 = c30[c * 4 + j];
                    const sn_i64 k39 = (sn_i64)(k30 == k38);
                    const float k40 = k39 != 0 ? k12 : k11;
                    const float k44 = c44[c * 4 + j];
                    const sn_i64 k56 = c56[c * 4 + j];
                    const sn_i64 k64 = (sn_i64)(k56 == k63);
                    const float k65 = k64 != 0 ? k44 : k11;
                    const float k69 = c69[c * 4 + j];
                    const sn_i64 k81 = c81[c * 4 + j];
                    const sn_i64 k89 = (sn_i64)(k81 == k88);
                    const float k90 = k89 != 0 ? k69 : k11;
                    const float k94 = c94[c * 4 + j];
                    const sn_i64 k106 = c106[c * 4 + j];
                    const sn_i64 k114 = (sn_i64)(k106 == k113);
                    const float k115 = k114 != 0 ? k94 : k11;
                    const float k119 = c119[c * 4 + j];
                    const sn_i64 k131 = c131[c * 4 + j];
                    const sn_i64 k139 = (sn_i64)(k131 == k138);
                    const float k140 = k139 != 0 ? k119 : k11;
                    const float k144 = c144[c * 4 + j];
                    const sn_i64 k156 = c156[c * 4 + j];
                    const sn_i64 k164 = (sn_i64)(k156 == k163);
                    const float k165 = k164 != 0 ? k144 : k11;
                    const float k169 = c169[c * 4 + j];
                    const sn_i64 k181 = c181[c * 4 + j];
                    const sn_i64 k189 = (sn_i64)(k181 == k188);
                    const float k190 = k189 != 0 ? k169 : k11;
                    const float k194 = c194[c * 4 + j];
                    const sn_i64 k206 = c206[c * 4 + j];
                    const sn_i64 k214 = (sn_i64)(k206 == k213);
                    const float k215 = k214 != 0 ? k194 : k11;
                    acc41 = sn_fold_max(acc41, k40);
                    acc66 = sn_fold_max(acc66, k65);
                    acc91 = sn_fold_max(acc91, k90);
                    acc116 = sn_fold_max(acc116, k115);
                    acc141 = sn_fold_max(acc141, k140);
                    acc166 = sn_fold_max(acc166, k165);
                    acc191 = sn_fold_max(acc191, k190);
                    acc216 = sn_fold_max(acc216, k215);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc41, off, 64);
                acc41 = sn_fold_max(acc41, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc66, off, 64);
                acc66 = sn_fold_max(acc66, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc91, off, 64);
                acc91 = sn_fold_max(acc91, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc116, off, 64);
                acc116 = sn_fold_max(acc116, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc141, off, 64);
                acc141 = sn_fold_max(acc141, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc166, off, 64);
                acc166 = sn_fold_max(acc166, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc191, off, 64);
                acc191 = sn_fold_max(acc191, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc216, off, 64);
                acc216 = sn_fold_max(acc216, other);
            }
            acc41 = __shfl(acc41, 0, 64);
            acc66 = __shfl(acc66, 0, 64);
            acc91 = __shfl(acc91, 0, 64);
            acc116 = __shfl(acc116, 0, 64);
            acc141 = __shfl(acc141, 0, 64);
            acc166 = __shfl(acc166, 0, 64);
            acc191 = __shfl(acc191, 0, 64);
            acc216 = __shfl(acc216, 0, 64);
            const float k41 = acc41;
            const float k66 = acc66;
            const float k91 = acc91;
            const float k116 = acc116;
            const float k141 = acc141;
            const float k166 = acc166;
            const float k191 = acc191;
            const float k216 = acc216;
            const float k220 = k210 + k216;
            const float k222 = k185 + k191;
            const float k226 = k160 + k166;
            const float k230 = k135 + k141;
            const float k234 = k110 + k116;
            const float k238 = k85 + k91;
            const float k242 = k60 + k66;
            const float k246 = k34 + k41;
            sn_i64 acc262 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k217 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k218 = (sn_i64)(k217 == k3);
                    const sn_i64 k219 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k223 = (sn_i64)(k219 < k221);
                    const float k224 = k223 != 0 ? k222 : k220;
                    const sn_i64 k227 = (sn_i64)(k219 < k225);
                    const float k228 = k227 != 0 ? k226 : k224;
                    const sn_i64 k231 = (sn_i64)(k219 < k229);
                    const float k232 = k231 != 0 ? k230 : k228;
                    const sn_i64 k235 = (sn_i64)(k219 < k233);
                    const float k236 = k235 != 0 ? k234 : k232;
                    const sn_i64 k239 = (sn_i64)(k219 < k237);
                    const float k240 = k239 != 0 ? k238 : k236;
                    const sn_i64 k243 = (sn_i64)(k219 < k241);
                    const float k244 = k243 != 0 ? k242 : k240;
                    const sn_i64 k247 = (sn_i64)(k219 < k245);
                    const float k248 = k247 != 0 ? k246 : k244;
                    const float k249 = k218 != 0 ? k248 : k11;
                    const sn_i64 k250 = (sn_i64)(k249 != k249);
                    const sn_i64 k251 = (sn_i64)(k249 == k15);
                    const float k252 = (k249);
                    const sn_i64 k253 = sn_iwrap((sn_i64)sn_f2u(k252), 32, 1);
                    const sn_i64 k254 = sn_wrap(k253, 64);
                    const sn_i64 k255 = (sn_i64)(k254 < k17);
                    const sn_i64 k256 = (k254 ^ k14);
                    const sn_i64 k257 = k255 != 0 ? k256 : k254;
                    const sn_i64 k258 = k251 != 0 ? k17 : k257;
                    const sn_i64 k259 = k250 != 0 ? k14 : k258;
                    const sn_i64 k260 = sn_ishl(k259, k26, 64, 1);
                    const sn_i64 k261 = (k260 | k29);
                    acc262 = sn_ifold_max(acc262, k261);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc262, off, 64);
                acc262 = sn_ifold_max(acc262, other);
            }
            acc262 = __shfl(acc262, 0, 64);
            const sn_i64 k262 = acc262;
            const sn_i64 k274 = (k262 & k273);
            const sn_i64 k275 = sn_isub(k272, k274);
            const sn_i64 k276 = sn_wrap(k275, 32);
            const sn_i64 k278 = sn_ifloordiv(k276, k277, 32, 1);
            sn_i64 acc265 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k217 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k218 = (sn_i64)(k217 == k3);
                    const sn_i64 k219 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k223 = (sn_i64)(k219 < k221);
                    const float k224 = k223 != 0 ? k222 : k220;
                    const sn_i64 k227 = (sn_i64)(k219 < k225);
                    const float k228 = k227 != 0 ? k226 : k224;
                    const sn_i64 k231 = (sn_i64)(k219 < k229);
                    const float k232 = k231 != 0 ? k230 : k228;
                    const sn_i64 k235 = (sn_i64)(k219 < k233);
                    const float k236 = k235 != 0 ? k234 : k232;
                    const sn_i64 k239 = (sn_i64)(k219 < k237);
                    const float k240 = k239 != 0 ? k238 : k236;
                    const sn_i64 k243 = (sn_i64)(k219 < k241);
                    const float k244 = k243 != 0 ? k242 : k240;
                    const sn_i64 k247 = (sn_i64)(k219 < k245);
                    const float k248 = k247 != 0 ? k246 : k244;
                    const float k249 = k218 != 0 ? k248 : k11;
                    const sn_i64 k250 = (sn_i64)(k249 != k249);
                    const sn_i64 k251 = (sn_i64)(k249 == k15);
                    const float k252 = (k249);
                    const sn_i64 k253 = sn_iwrap((sn_i64)sn_f2u(k252), 32, 1);
                    const sn_i64 k254 = sn_wrap(k253, 64);
                    const sn_i64 k255 = (sn_i64)(k254 < k17);
                    const sn_i64 k256 = (k254 ^ k14);
                    const sn_i64 k257 = k255 != 0 ? k256 : k254;
                    const sn_i64 k258 = k251 != 0 ? k17 : k257;
                    const sn_i64 k259 = k250 != 0 ? k14 : k258;
                    const sn_i64 k260 = sn_ishl(k259, k26, 64, 1);
                    const sn_i64 k261 = (k260 | k29);
                    const sn_i64 k263 = (sn_i64)(k261 < k262);
                    const sn_i64 k264 = k263 != 0 ? k261 : k36;
                    acc265 = sn_ifold_max(acc265, k264);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc265, off, 64);
                acc265 = sn_ifold_max(acc265, other);
            }
            acc265 = __shfl(acc265, 0, 64);
            const sn_i64 k265 = acc265;
            const sn_i64 k280 = (k265 & k273);
            const sn_i64 k281 = sn_isub(k272, k280);
            const sn_i64 k282 = sn_wrap(k281, 32);
            const sn_i64 k283 = sn_ifloordiv(k282, k277, 32, 1);
            sn_i64 acc268 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k217 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k218 = (sn_i64)(k217 == k3);
                    const sn_i64 k219 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k223 = (sn_i64)(k219 < k221);
                    const float k224 = k223 != 0 ? k222 : k220;
                    const sn_i64 k227 = (sn_i64)(k219 < k225);
                    const float k228 = k227 != 0 ? k226 : k224;
                    const sn_i64 k231 = (sn_i64)(k219 < k229);
                    const float k232 = k231 != 0 ? k230 : k228;
                    const sn_i64 k235 = (sn_i64)(k219 < k233);
                    const float k236 = k235 != 0 ? k234 : k232;
                    const sn_i64 k239 = (sn_i64)(k219 < k237);
                    const float k240 = k239 != 0 ? k238 : k236;
                    const sn_i64 k243 = (sn_i64)(k219 < k241);
                    const float k244 = k243 != 0 ? k242 : k240;
                    const sn_i64 k247 = (sn_i64)(k219 < k245);
                    const float k248 = k247 != 0 ? k246 : k244;
                    const float k249 = k218 != 0 ? k248 : k11;
                    const sn_i64 k250 = (sn_i64)(k249 != k249);
                    const sn_i64 k251 = (sn_i64)(k249 == k15);
                    const float k252 = (k249);
                    const sn_i64 k253 = sn_iwrap((sn_i64)sn_f2u(k252), 32, 1);
                    const sn_i64 k254 = sn_wrap(k253, 64);
                    const sn_i64 k255 = (sn_i64)(k254 < k17);
                    const sn_i64 k256 = (k254 ^ k14);
                    const sn_i64 k257 = k255 != 0 ? k256 : k254;
                    const sn_i64 k258 = k251 != 0 ? k17 : k257;
                    const sn_i64 k259 = k250 != 0 ? k14 : k258;
                    const sn_i64 k260 = sn_ishl(k259, k26, 64, 1);
                    const sn_i64 k261 = (k260 | k29);
                    const sn_i64 k266 = (sn_i64)(k261 < k265);
                    const sn_i64 k267 = k266 != 0 ? k261 : k36;
                    acc268 = sn_ifold_max(acc268, k267);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc268, off, 64);
                acc268 = sn_ifold_max(acc268, other);
            }
            acc268 = __shfl(acc268, 0, 64);
            const sn_i64 k268 = acc268;
            const sn_i64 k286 = (k268 & k273);
            const sn_i64 k287 = sn_isub(k272, k286);
            const sn_i64 k288 = sn_wrap(k287, 32);
            const sn_i64 k289 = sn_ifloordiv(k288, k277, 32, 1);
            sn_i64 acc271 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k217 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k218 = (sn_i64)(k217 == k3);
                    const sn_i64 k219 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k223 = (sn_i64)(k219 < k221);
                    const float k224 = k223 != 0 ? k222 : k220;
                    const sn_i64 k227 = (sn_i64)(k219 < k225);
                    const float k228 = k227 != 0 ? k226 : k224;
                    const sn_i64 k231 = (sn_i64)(k219 < k229);
                    const float k232 = k231 != 0 ? k230 : k228;
                    const sn_i64 k235 = (sn_i64)(k219 < k233);
                    const float k236 = k235 != 0 ? k234 : k232;
                    const sn_i64 k239 = (sn_i64)(k219 < k237);
                    const float k240 = k239 != 0 ? k238 : k236;
                    const sn_i64 k243 = (sn_i64)(k219 < k241);
                    const float k244 = k243 != 0 ? k242 : k240;
                    const sn_i64 k247 = (sn_i64)(k219 < k245);
                    const float k248 = k247 != 0 ? k246 : k244;
                    const float k249 = k218 != 0 ? k248 : k11;
                    const sn_i64 k250 = (sn_i64)(k249 != k249);
                    const sn_i64 k251 = (sn_i64)(k249 == k15);
                    const float k252 = (k249);
                    const sn_i64 k253 = sn_iwrap((sn_i64)sn_f2u(k252), 32, 1);
                    const sn_i64 k254 = sn_wrap(k253, 64);
                    const sn_i64 k255 = (sn_i64)(k254 < k17);
                    const sn_i64 k256 = (k254 ^ k14);
                    const sn_i64 k257 = k255 != 0 ? k256 : k254;
                    const sn_i64 k258 = k251 != 0 ? k17 : k257;
                    const sn_i64 k259 = k250 != 0 ? k14 : k258;
                    const sn_i64 k260 = sn_ishl(k259, k26, 64, 1);
                    const sn_i64 k261 = (k260 | k29);
                    const sn_i64 k269 = (sn_i64)(k261 < k268);
                    const sn_i64 k270 = k269 != 0 ? k261 : k36;
                    acc271 = sn_ifold_max(acc271, k270);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc271, off, 64);
                acc271 = sn_ifold_max(acc271, other);
            }
            acc271 = __shfl(acc271, 0, 64);
            const sn_i64 k271 = acc271;
            const sn_i64 k292 = (k271 & k273);
            const sn_i64 k293 = sn_isub(k272, k292);
            const sn_i64 k294 = sn_wrap(k293, 32);
            const sn_i64 k295 = sn_ifloordiv(k294, k277, 32, 1);
            sn_i64 acc311 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k2 = sn_ifloordiv(k0, k1, 32, 1);
                    const float k10 = c10[c * 4 + j];
                    const sn_i64 k28 = sn_wrap(k0, 64);
                    const sn_i64 k29 = sn_isub(k14, k28);
                    const sn_i64 k279 = (sn_i64)(k2 == k278);
                    const sn_i64 k284 = (sn_i64)(k2 == k283);
                    const sn_i64 k285 = (sn_i64)(k279 != 0 || k284 != 0);
                    const sn_i64 k290 = (sn_i64)(k2 == k289);
                    const sn_i64 k291 = (sn_i64)(k285 != 0 || k290 != 0);
                    const sn_i64 k296 = (sn_i64)(k2 == k295);
                    const sn_i64 k297 = (sn_i64)(k291 != 0 || k296 != 0);
                    const float k298 = k297 != 0 ? k10 : k11;
                    const sn_i64 k299 = (sn_i64)(k298 != k298);
                    const sn_i64 k300 = (sn_i64)(k298 == k15);
                    const float k301 = (k298);
                    const sn_i64 k302 = sn_iwrap((sn_i64)sn_f2u(k301), 32, 1);
                    const sn_i64 k303 = sn_wrap(k302, 64);
                    const sn_i64 k304 = (sn_i64)(k303 < k17);
                    const sn_i64 k305 = (k303 ^ k14);
                    const sn_i64 k306 = k304 != 0 ? k305 : k303;
                    const sn_i64 k307 = k300 != 0 ? k17 : k306;
                    const sn_i64 k308 = k299 != 0 ? k14 : k307;
                    const sn_i64 k309 = sn_ishl(k308, k26, 64, 1);
                    const sn_i64 k310 = (k309 | k29);
                    c310[c * 4 + j] = k310;
                    acc311 = sn_ifold_max(acc311, k310);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc311, off, 64);
                acc311 = sn_ifold_max(acc311, other);
            }
            acc311 = __shfl(acc311, 0, 64);
            const sn_i64 k311 = acc311;
            const sn_i64 k333 = (k311 & k273);
            const sn_i64 k334 = sn_isub(k272, k333);
            const sn_i64 k335 = sn_wrap(k334, 32);
            sn_i64 acc314 = (sn_i64)0x8000000000000000ull;
            float acc338 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k310 = c310[c * 4 + j];
                    const sn_i64 k312 = (sn_i64)(k310 < k311);
                    const sn_i64 k313 = k312 != 0 ? k310 : k36;
                    const sn_i64 k336 = (sn_i64)(k0 == k335);
                    const float k337 = k336 != 0 ? k7 : k11;
                    acc314 = sn_ifold_max(acc314, k313);
                    acc338 = sn_fold_max(acc338, k337);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc314, off, 64);
                acc314 = sn_ifold_max(acc314, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc338, off, 64);
                acc338 = sn_fold_max(acc338, other);
            }
            acc314 = __shfl(acc314, 0, 64);
            acc338 = __shfl(acc338, 0, 64);
            const sn_i64 k314 = acc314;
            const float k338 = acc338;
            const sn_i64 k339 = (k314 & k273);
            const sn_i64 k340 = sn_isub(k272, k339);
            const sn_i64 k341 = sn_wrap(k340, 32);
            sn_i64 acc317 = (sn_i64)0x8000000000000000ull;
            float acc344 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k310 = c310[c * 4 + j];
                    const sn_i64 k315 = (sn_i64)(k310 < k314);
                    const sn_i64 k316 = k315 != 0 ? k310 : k36;
                    const sn_i64 k342 = (sn_i64)(k0 == k341);
                    const float k343 = k342 != 0 ? k7 : k11;
                    acc317 = sn_ifold_max(acc317, k316);
                    acc344 = sn_fold_max(acc344, k343);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc317, off, 64);
                acc317 = sn_ifold_max(acc317, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc344, off, 64);
                acc344 = sn_fold_max(acc344, other);
            }
            acc317 = __shfl(acc317, 0, 64);
            acc344 = __shfl(acc344, 0, 64);
            const sn_i64 k317 = acc317;
            const float k344 = acc344;
            const sn_i64 k345 = (k317 & k273);
            const sn_i64 k346 = sn_isub(k272, k345);
            const sn_i64 k347 = sn_wrap(k346, 32);
            const float k381 = k338 + k344;
            sn_i64 acc320 = (sn_i64)0x8000000000000000ull;
            float acc350 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k310 = c310[c * 4 + j];
                    const sn_i64 k318 = (sn_i64)(k310 < k317);
                    const sn_i64 k319 = k318 != 0 ? k310 : k36;
                    const sn_i64 k348 = (sn_i64)(k0 == k347);
                    const float k349 = k348 != 0 ? k7 : k11;
                    acc320 = sn_ifold_max(acc320, k319);
                    acc350 = sn_fold_max(acc350, k349);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc320, off, 64);
                acc320 = sn_ifold_max(acc320, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc350, off, 64);
                acc350 = sn_fold_max(acc350, other);
            }
            acc320 = __shfl(acc320, 0, 64);
            acc350 = __shfl(acc350, 0, 64);
            const sn_i64 k320 = acc320;
            const float k350 = acc350;
            const sn_i64 k351 = (k320 & k273);
            const sn_i64 k352 = sn_isub(k272, k351);
            const sn_i64 k353 = sn_wrap(k352, 32);
            const float k382 = k381 + k350;
            sn_i64 acc323 = (sn_i64)0x8000000000000000ull;
            float acc356 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k310 = c310[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k310 < k320);
                    const sn_i64 k322 = k321 != 0 ? k310 : k36;
                    const sn_i64 k354 = (sn_i64)(k0 == k353);
                    const float k355 = k354 != 0 ? k7 : k11;
                    acc323 = sn_ifold_max(acc323, k322);
                    acc356 = sn_fold_max(acc356, k355);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc323, off, 64);
                acc323 = sn_ifold_max(acc323, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc356, off, 64);
                acc356 = sn_fold_max(acc356, other);
            }
            acc323 = __shfl(acc323, 0, 64);
            acc356 = __shfl(acc356, 0, 64);
            const sn_i64 k323 = acc323;
            const float k356 = acc356;
            const sn_i64 k357 = (k323 & k273);
            const sn_i64 k358 = sn_isub(k272, k357);
            const sn_i64 k359 = sn_wrap(k358, 32);
            const float k383 = k382 + k356;
            sn_i64 acc326 = (sn_i64)0x8000000000000000ull;
            float acc362 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k310 = c310[c * 4 + j];
                    const sn_i64 k324 = (sn_i64)(k310 < k323);
                    const sn_i64 k325 = k324 != 0 ? k310 : k36;
                    const sn_i64 k360 = (sn_i64)(k0 == k359);
                    const float k361 = k360 != 0 ? k7 : k11;
                    acc326 = sn_ifold_max(acc326, k325);
                    acc362 = sn_fold_max(acc362, k361);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc326, off, 64);
                acc326 = sn_ifold_max(acc326, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc362, off, 64);
                acc362 = sn_fold_max(acc362, other);
            }
            acc326 = __shfl(acc326, 0, 64);
            acc362 = __shfl(acc362, 0, 64);
            const sn_i64 k326 = acc326;
            const float k362 = acc362;
            const sn_i64 k363 = (k326 & k273);
            const sn_i64 k364 = sn_isub(k272, k363);
            const sn_i64 k365 = sn_wrap(k364, 32);
            const float k384 = k383 + k362;
            sn_i64 acc329 = (sn_i64)0x8000000000000000ull;
            float acc368 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k310 = c310[c * 4 + j];
                    const sn_i64 k327 = (sn_i64)(k310 < k326);
                    const sn_i64 k328 = k327 != 0 ? k310 : k36;
                    const sn_i64 k366 = (sn_i64)(k0 == k365);
                    const float k367 = k366 != 0 ? k7 : k11;
                    acc329 = sn_ifold_max(acc329, k328);
                    acc368 = sn_fold_max(acc368, k367);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc329, off, 64);
                acc329 = sn_ifold_max(acc329, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc368, off, 64);
                acc368 = sn_fold_max(acc368, other);
            }
            acc329 = __shfl(acc329, 0, 64);
            acc368 = __shfl(acc368, 0, 64);
            const sn_i64 k329 = acc329;
            const float k368 = acc368;
            const sn_i64 k369 = (k329 & k273);
            const sn_i64 k370 = sn_isub(k272, k369);
            const sn_i64 k371 = sn_wrap(k370, 32);
            const float k385 = k384 + k368;
            sn_i64 acc332 = (sn_i64)0x8000000000000000ull;
            float acc374 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k310 = c310[c * 4 + j];
                    const sn_i64 k330 = (sn_i64)(k310 < k329);
                    const sn_i64 k331 = k330 != 0 ? k310 : k36;
                    const sn_i64 k372 = (sn_i64)(k0 == k371);
                    const float k373 = k372 != 0 ? k7 : k11;
                    acc332 = sn_ifold_max(acc332, k331);
                    acc374 = sn_fold_max(acc374, k373);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc332, off, 64);
                acc332 = sn_ifold_max(acc332, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc374, off, 64);
                acc374 = sn_fold_max(acc374, other);
            }
            acc332 = __shfl(acc332, 0, 64);
            acc374 = __shfl(acc374, 0, 64);
            const sn_i64 k332 = acc332;
            const float k374 = acc374;
            const sn_i64 k375 = (k332 & k273);
            const sn_i64 k376 = sn_isub(k272, k375);
            const sn_i64 k377 = sn_wrap(k376, 32);
            const float k386 = k385 + k374;
            float acc380 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k378 = (sn_i64)(k0 == k377);
                    const float k379 = k378 != 0 ? k7 : k11;
                    acc380 = sn_fold_max(acc380, k379);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc380, off, 64);
                acc380 = sn_fold_max(acc380, other);
            }
            acc380 = __shfl(acc380, 0, 64);
            const float k380 = acc380;
            const float k387 = k386 + k380;
            const float k388 = sn_div(k338, k387);
            const float k390 = k388 * k389;
            const float k391 = sn_div(k344, k387);
            const float k392 = k391 * k389;
            const float k393 = sn_div(k350, k387);
            const float k394 = k393 * k389;
            const float k395 = sn_div(k356, k387);
            const float k396 = k395 * k389;
            const float k397 = sn_div(k362, k387);
            const float k398 = k397 * k389;
            const float k399 = sn_div(k368, k387);
            const float k400 = k399 * k389;
            const float k401 = sn_div(k374, k387);
            const float k402 = k401 * k389;
            const float k403 = sn_div(k380, k387);
            const float k404 = k403 * k389;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)0] = k390;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)1] = k392;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)2] = k394;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)3] = k396;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)4] = k398;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)5] = k400;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)6] = k402;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)7] = k404;
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)0] = (int)sn_wrap(k335, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)1] = (int)sn_wrap(k341, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)2] = (int)sn_wrap(k347, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)3] = (int)sn_wrap(k353, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)4] = (int)sn_wrap(k359, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)5] = (int)sn_wrap(k365, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)6] = (int)sn_wrap(k371, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)7] = (int)sn_wrap(k377, 32);
            return;
        }
        blk -= nblk;
    }
}
#endif

