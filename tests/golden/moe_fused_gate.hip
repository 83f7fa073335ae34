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
 * graph ops: %2 iota, %4 const, %5 floordiv, %8 const, %11 eq, %0 input, %13 cast, %14 sigmoid, %1 input, %15 cast, %17 add, %18 const, %19 where, %20 max, %22 eq, %23 ne, %24 ne, %25 and, %26 or, %27 const, %28 where, %29 min, %31 eq, %32 where, %33 max, %34 ne, %35 where, %36 max, %38 eq, %39 ne, %40 and, %41 or, %42 and, %43 where, %44 min, %46 eq, %47 where, %48 max, %50 const, %51 eq, %53 where, %54 max, %56 eq, %57 ne, %58 ne, %59 and, %60 or, %61 where, %62 min, %64 eq, %65 where, %66 max, %67 ne, %68 where, %69 max, %71 eq, %72 ne, %73 and, %74 or, %75 and, %76 where, %77 min, %79 eq, %80 where, %81 max, %83 const, %84 eq, %86 where, %87 max, %89 eq, %90 ne, %91 ne, %92 and, %93 or, %94 where, %95 min, %97 eq, %98 where, %99 max, %100 ne, %101 where, %102 max, %104 eq, %105 ne, %106 and, %107 or, %108 and, %109 where, %110 min, %112 eq, %113 where, %114 max, %116 const, %117 eq, %119 where, %120 max, %122 eq, %123 ne, %124 ne, %125 and, %126 or, %127 where, %128 min, %130 eq, %131 where, %132 max, %133 ne, %134 where, %135 max, %137 eq, %138 ne, %139 and, %140 or, %141 and, %142 where, %143 min, %145 eq, %146 where, %147 max, %149 const, %150 eq, %152 where, %153 max, %155 eq, %156 ne, %157 ne, %158 and, %159 or, %160 where, %161 min, %163 eq, %164 where, %165 max, %166 ne, %167 where, %168 max, %170 eq, %171 ne, %172 and, %173 or, %174 and, %175 where, %176 min, %178 eq, %179 where, %180 max, %182 const, %183 eq, %185 where, %186 max, %188 eq, %189 ne, %190 ne, %191 and, %192 or, %193 where, %194 min, %196 eq, %197 where, %198 max, %199 ne, %200 where, %201 max, %203 eq, %204 ne, %205 and, %206 or, %207 and, %208 where, %209 min, %211 eq, %212 where, %213 max, %215 const, %216 eq, %218 where, %219 max, %221 eq, %222 ne, %223 ne, %224 and, %225 or, %226 where, %227 min, %229 eq, %230 where, %231 max, %232 ne, %233 where, %234 max, %236 eq, %237 ne, %238 and, %239 or, %240 and, %241 where, %242 min, %244 eq, %245 where, %246 max, %248 const, %249 eq, %251 where, %252 max, %254 eq, %255 ne, %256 ne, %257 and, %258 or, %259 where, %260 min, %262 eq, %263 where, %264 max, %265 ne, %266 where, %267 max, %269 eq, %270 ne, %271 and, %272 or, %273 and, %274 where, %275 min, %277 eq, %278 where, %279 max, %7 mod, %9 eq, %280 add, %247 add, %281 cat, %214 add, %181 add, %148 add, %115 add, %82 add, %49 add, %283 where, %284 max, %286 eq, %287 ne, %288 ne, %289 and, %290 or, %291 where, %292 min, %296 ne, %297 where, %298 max, %300 eq, %301 ne, %302 and, %303 or, %304 and, %305 where, %306 min, %309 ne, %310 and, %311 where, %312 max, %314 eq, %315 ne, %316 and, %317 or, %318 and, %319 where, %320 min, %323 ne, %324 and, %325 where, %326 max, %328 eq, %329 ne, %330 and, %331 or, %332 and, %333 where, %334 min, %293 const, %294 floordiv, %338 eq, %307 floordiv, %340 eq, %341 or, %321 floordiv, %343 eq, %344 or, %335 floordiv, %346 eq, %347 or, %348 where, %349 max, %351 eq, %352 ne, %353 ne, %354 and, %355 or, %356 where, %357 min, %359 ne, %360 where, %361 max, %363 eq, %364 ne, %365 and, %366 or, %367 and, %368 where, %369 min, %371 ne, %372 and, %373 where, %374 max, %376 eq, %377 ne, %378 and, %379 or, %380 and, %381 where, %382 min, %384 ne, %385 and, %386 where, %387 max, %389 eq, %390 ne, %391 and, %392 or, %393 and, %394 where, %395 min, %397 ne, %398 and, %399 where, %400 max, %402 eq, %403 ne, %404 and, %405 or, %406 and, %407 where, %408 min, %410 ne, %411 and, %412 where, %413 max, %415 eq, %416 ne, %417 and, %418 or, %419 and, %420 where, %421 min, %423 ne, %424 and, %425 where, %426 max, %428 eq, %429 ne, %430 and, %431 or, %432 and, %433 where, %434 min, %436 ne, %437 and, %438 where, %439 max, %441 eq, %442 ne, %443 and, %444 or, %445 and, %446 where, %447 min, %450 eq, %451 where, %452 max, %454 eq, %455 where, %456 max, %459 eq, %460 where, %461 max, %464 eq, %465 where, %466 max, %469 eq, %470 where, %471 max, %474 eq, %475 where, %476 max, %479 eq, %480 where, %481 max, %484 eq, %485 where, %486 max, %457 add, %462 add, %467 add, %472 add, %477 add, %482 add, %487 add, %489 div, %490 const, %491 mul, %492 div, %493 mul, %494 div, %495 mul, %496 div, %497 mul, %498 div, %499 mul, %500 div, %501 mul, %502 div, %503 mul, %504 div, %505 mul
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
 * graph ops: %2 iota, %4 const, %5 floordiv, %8 const, %11 eq, %0 input, %13 cast, %14 sigmoid, %1 input, %15 cast, %17 add, %18 const, %19 where, %20 max, %22 eq, %23 ne, %24 ne, %25 and, %26 or, %27 const, %28 where, %29 min, %31 eq, %32 where, %33 max, %34 ne, %35 where, %36 max, %38 eq, %39 ne, %40 and, %41 or, %42 and, %43 where, %44 min, %46 eq, %47 where, %48 max, %50 const, %51 eq, %53 where, %54 max, %56 eq, %57 ne, %58 ne, %59 and, %60 or, %61 where, %62 min, %64 eq, %65 where, %66 max, %67 ne, %68 where, %69 max, %71 eq, %72 ne, %73 and, %74 or, %75 and, %76 where, %77 min, %79 eq, %80 where, %81 max, %83 const, %84 eq, %86 where, %87 max, %89 eq, %90 ne, %91 ne, %92 and, %93 or, %94 where, %95 min, %97 eq, %98 where, %99 max, %100 ne, %101 where, %102 max, %104 eq, %105 ne, %106 and, %107 or, %108 and, %109 where, %110 min, %112 eq, %113 where, %114 max, %116 const, %117 eq, %119 where, %120 max, %122 eq, %123 ne, %124 ne, %125 and, %126 or, %127 where, %128 min, %130 eq, %131 where, %132 max, %133 ne, %134 where, %135 max, %137 eq, %138 ne, %139 and, %140 or, %141 and, %142 where, %143 min, %145 eq, %146 where, %147 max, %149 const, %150 eq, %152 where, %153 max, %155 eq, %156 ne, %157 ne, %158 and, %159 or, %160 where, %161 min, %163 eq, %164 where, %165 max, %166 ne, %167 where, %168 max, %170 eq, %171 ne, %172 and, %173 or, %174 and, %175 where, %176 min, %178 eq, %179 where, %180 max, %182 const, %183 eq, %185 where, %186 max, %188 eq, %189 ne, %190 ne, %191 and, %192 or, %193 where, %194 min, %196 eq, %197 where, %198 max, %199 ne, %200 where, %201 max, %203 eq, %204 ne, %205 and, %206 or, %207 and, %208 where, %209 min, %211 eq, %212 where, %213 max, %215 const, %216 eq, %218 where, %219 max, %221 eq, %222 ne, %223 ne, %224 and, %225 or, %226 where, %227 min, %229 eq, %230 where, %231 max, %232 ne, %233 where, %234 max, %236 eq, %237 ne, %238 and, %239 or, %240 and, %241 where, %242 min, %244 eq, %245 where, %246 max, %248 const, %249 eq, %251 where, %252 max, %254 eq, %255 ne, %256 ne, %257 and, %258 or, %259 where, %260 min, %262 eq, %263 where, %264 max, %265 ne, %266 where, %267 max, %269 eq, %270 ne, %271 and, %272 or, %273 and, %274 where, %275 min, %277 eq, %278 where, %279 max, %7 mod, %9 eq, %280 add, %247 add, %281 cat, %214 add, %181 add, %148 add, %115 add, %82 add, %49 add, %283 where, %284 max, %286 eq, %287 ne, %288 ne, %289 and, %290 or, %291 where, %292 min, %296 ne, %297 where, %298 max, %300 eq, %301 ne, %302 and, %303 or, %304 and, %305 where, %306 min, %309 ne, %310 and, %311 where, %312 max, %314 eq, %315 ne, %316 and, %317 or, %318 and, %319 where, %320 min, %323 ne, %324 and, %325 where, %326 max, %328 eq, %329 ne, %330 and, %331 or, %332 and, %333 where, %334 min, %293 const, %294 floordiv, %338 eq, %307 floordiv, %340 eq, %341 or, %321 floordiv, %343 eq, %344 or, %335 floordiv, %346 eq, %347 or, %348 where, %349 max, %351 eq, %352 ne, %353 ne, %354 and, %355 or, %356 where, %357 min, %359 ne, %360 where, %361 max, %363 eq, %364 ne, %365 and, %366 or, %367 and, %368 where, %369 min, %371 ne, %372 and, %373 where, %374 max, %376 eq, %377 ne, %378 and, %379 or, %380 and, %381 where, %382 min, %384 ne, %385 and, %386 where, %387 max, %389 eq, %390 ne, %391 and, %392 or, %393 and, %394 where, %395 min, %397 ne, %398 and, %399 where, %400 max, %402 eq, %403 ne, %404 and, %405 or, %406 and, %407 where, %408 min, %410 ne, %411 and, %412 where, %413 max, %415 eq, %416 ne, %417 and, %418 or, %419 and, %420 where, %421 min, %423 ne, %424 and, %425 where, %426 max, %428 eq, %429 ne, %430 and, %431 or, %432 and, %433 where, %434 min, %436 ne, %437 and, %438 where, %439 max, %441 eq, %442 ne, %443 and, %444 or, %445 and, %446 where, %447 min, %450 eq, %451 where, %452 max, %454 eq, %455 where, %456 max, %459 eq, %460 where, %461 max, %464 eq, %465 where, %466 max, %469 eq, %470 where, %471 max, %474 eq, %475 where, %476 max, %479 eq, %480 where, %481 max, %484 eq, %485 where, %486 max, %457 add, %462 add, %467 add, %472 add, %477 add, %482 add, %487 add, %489 div, %490 const, %491 mul, %492 div, %493 mul, %494 div, %495 mul, %496 div, %497 mul, %498 div, %499 mul, %500 div, %501 mul, %502 div, %503 mul, %504 div, %505 mul
 */
/* generated by sinter from graph moe_fused_gate; do not edit */
#define SN_DEVICE __device__ __forceinline__
__device__ __forceinline__ unsigned sn_f2u(float x) { return __float_as_uint(x); }
__device__ __forceinline__ float sn_u2f(unsigned u) { return __uint_as_float(u); }
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
            sn_i64 c16[16];
            float c40[16];
            sn_i64 c44[16];
            float c67[16];
            sn_i64 c71[16];
            float c94[16];
            sn_i64 c98[16];
            float c121[16];
            sn_i64 c125[16];
            float c148[16];
            sn_i64 c152[16];
            float c175[16];
            sn_i64 c179[16];
            float c202[16];
            sn_i64 c206[16];
            float c312[16];
            sn_i64 c316[16];
            const sn_i64 k1 = (sn_i64)32ll;
            const sn_i64 k3 = (sn_i64)0ll;
            const float k11 = sn_u2f(0xff800000u);
            const sn_i64 k19 = (sn_i64)2147483647ll;
            const sn_i64 k38 = (sn_i64)1ll;
            const sn_i64 k65 = (sn_i64)2ll;
            const sn_i64 k92 = (sn_i64)3ll;
            const sn_i64 k119 = (sn_i64)4ll;
            const sn_i64 k146 = (sn_i64)5ll;
            const sn_i64 k173 = (sn_i64)6ll;
            const sn_i64 k200 = (sn_i64)7ll;
            const sn_i64 k231 = (sn_i64)7ll;
            const sn_i64 k235 = (sn_i64)6ll;
            const sn_i64 k239 = (sn_i64)5ll;
            const sn_i64 k243 = (sn_i64)4ll;
            const sn_i64 k247 = (sn_i64)3ll;
            const sn_i64 k251 = (sn_i64)2ll;
            const sn_i64 k255 = (sn_i64)1ll;
            const sn_i64 k300 = (sn_i64)32ll;
            const float k429 = 2.5f;
            float acc13 = sn_u2f(0xff800000u);
            float acc41 = sn_u2f(0xff800000u);
            float acc68 = sn_u2f(0xff800000u);
            float acc95 = sn_u2f(0xff800000u);
            float acc122 = sn_u2f(0xff800000u);
            float acc149 = sn_u2f(0xff800000u);
            float acc176 = sn_u2f(0xff800000u);
            float acc203 = sn_u2f(0xff800000u);
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
                    const sn_i64 k39 = (sn_i64)(k2 == k38);
                    const float k40 = k39 != 0 ? k10 : k11;
                    c40[c * 8 + j] = k40;
                    const sn_i64 k66 = (sn_i64)(k2 == k65);
                    const float k67 = k66 != 0 ? k10 : k11;
                    c67[c * 8 + j] = k67;
                    const sn_i64 k93 = (sn_i64)(k2 == k92);
                    const float k94 = k93 != 0 ? k10 : k11;
                    c94[c * 8 + j] = k94;
                    const sn_i64 k120 = (sn_i64)(k2 == k119);
                    const float k121 = k120 != 0 ? k10 : k11;
                    c121[c * 8 + j] = k121;
                    const sn_i64 k147 = (sn_i64)(k2 == k146);
                    const float k148 = k147 != 0 ? k10 : k11;
                    c148[c * 8 + j] = k148;
                    const sn_i64 k174 = (sn_i64)(k2 == k173);
                    const float k175 = k174 != 0 ? k10 : k11;
                    c175[c * 8 + j] = k175;
                    const sn_i64 k201 = (sn_i64)(k2 == k200);
                    const float k202 = k201 != 0 ? k10 : k11;
                    c202[c * 8 + j] = k202;
                    acc13 = sn_fold_max(acc13, k12);
                    acc41 = sn_fold_max(acc41, k40);
                    acc68 = sn_fold_max(acc68, k67);
                    acc95 = sn_fold_max(acc95, k94);
                    acc122 = sn_fold_max(acc122, k121);
                    acc149 = sn_fold_max(acc149, k148);
                    acc176 = sn_fold_max(acc176, k175);
                    acc203 = sn_fold_max(acc203, k202);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc13, off, 64);
                acc13 = sn_fold_max(acc13, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc41, off, 64);
                acc41 = sn_fold_max(acc41, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc68, off, 64);
                acc68 = sn_fold_max(acc68, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc95, off, 64);
                acc95 = sn_fold_max(acc95, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc122, off, 64);
                acc122 = sn_fold_max(acc122, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc149, off, 64);
                acc149 = sn_fold_max(acc149, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc176, off, 64);
                acc176 = sn_fold_max(acc176, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc203, off, 64);
                acc203 = sn_fold_max(acc203, other);
            }
            acc13 = __shfl(acc13, 0, 16);
            acc41 = __shfl(acc41, 0, 16);
            acc68 = __shfl(acc68, 0, 16);
            acc95 = __shfl(acc95, 0, 16);
            acc122 = __shfl(acc122, 0, 16);
            acc149 = __shfl(acc149, 0, 16);
            acc176 = __shfl(acc176, 0, 16);
            acc203 = __shfl(acc203, 0, 16);
            const float k13 = acc13;
            const float k41 = acc41;
            const float k68 = acc68;
            const float k95 = acc95;
            const float k122 = acc122;
            const float k149 = acc149;
            const float k176 = acc176;
            const float k203 = acc203;
            const sn_i64 k15 = (sn_i64)(k13 != k13);
            const sn_i64 k43 = (sn_i64)(k41 != k41);
            const sn_i64 k70 = (sn_i64)(k68 != k68);
            const sn_i64 k97 = (sn_i64)(k95 != k95);
            const sn_i64 k124 = (sn_i64)(k122 != k122);
            const sn_i64 k151 = (sn_i64)(k149 != k149);
            const sn_i64 k178 = (sn_i64)(k176 != k176);
            const sn_i64 k205 = (sn_i64)(k203 != k203);
            sn_i64 acc21 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc48 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc75 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc102 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc129 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc156 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc183 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc210 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k12 = c12[c * 8 + j];
                    const sn_i64 k14 = (sn_i64)(k12 == k13);
                    const sn_i64 k16 = (sn_i64)(k12 != k12);
                    c16[c * 8 + j] = k16;
                    const sn_i64 k17 = (sn_i64)(k15 != 0 && k16 != 0);
                    const sn_i64 k18 = (sn_i64)(k14 != 0 || k17 != 0);
                    const sn_i64 k20 = k18 != 0 ? k0 : k19;
                    const float k40 = c40[c * 8 + j];
                    const sn_i64 k42 = (sn_i64)(k40 == k41);
                    const sn_i64 k44 = (sn_i64)(k40 != k40);
                    c44[c * 8 + j] = k44;
                    const sn_i64 k45 = (sn_i64)(k43 != 0 && k44 != 0);
                    const sn_i64 k46 = (sn_i64)(k42 != 0 || k45 != 0);
                    const sn_i64 k47 = k46 != 0 ? k0 : k19;
                    const float k67 = c67[c * 8 + j];
                    const sn_i64 k69 = (sn_i64)(k67 == k68);
                    const sn_i64 k71 = (sn_i64)(k67 != k67);
                    c71[c * 8 + j] = k71;
                    const sn_i64 k72 = (sn_i64)(k70 != 0 && k71 != 0);
                    const sn_i64 k73 = (sn_i64)(k69 != 0 || k72 != 0);
                    const sn_i64 k74 = k73 != 0 ? k0 : k19;
                    const float k94 = c94[c * 8 + j];
                    const sn_i64 k96 = (sn_i64)(k94 == k95);
                    const sn_i64 k98 = (sn_i64)(k94 != k94);
                    c98[c * 8 + j] = k98;
                    const sn_i64 k99 = (sn_i64)(k97 != 0 && k98 != 0);
                    const sn_i64 k100 = (sn_i64)(k96 != 0 || k99 != 0);
                    const sn_i64 k101 = k100 != 0 ? k0 : k19;
                    const float k121 = c121[c * 8 + j];
                    const sn_i64 k123 = (sn_i64)(k121 == k122);
                    const sn_i64 k125 = (sn_i64)(k121 != k121);
                    c125[c * 8 + j] = k125;
                    const sn_i64 k126 = (sn_i64)(k124 != 0 && k125 != 0);
                    const sn_i64 k127 = (sn_i64)(k123 != 0 || k126 != 0);
                    const sn_i64 k128 = k127 != 0 ? k0 : k19;
                    const float k148 = c148[c * 8 + j];
                    const sn_i64 k150 = (sn_i64)(k148 == k149);
                    const sn_i64 k152 = (sn_i64)(k148 != k148);
                    c152[c * 8 + j] = k152;
                    const sn_i64 k153 = (sn_i64)(k151 != 0 && k152 != 0);
                    const sn_i64 k154 = (sn_i64)(k150 != 0 || k153 != 0);
                    const sn_i64 k155 = k154 != 0 ? k0 : k19;
                    const float k175 = c175[c * 8 + j];
                    const sn_i64 k177 = (sn_i64)(k175 == k176);
                    const sn_i64 k179 = (sn_i64)(k175 != k175);
                    c179[c * 8 + j] = k179;
                    const sn_i64 k180 = (sn_i64)(k178 != 0 && k179 != 0);
                    const sn_i64 k181 = (sn_i64)(k177 != 0 || k180 != 0);
                    const sn_i64 k182 = k181 != 0 ? k0 : k19;
                    const float k202 = c202[c * 8 + j];
                    const sn_i64 k204 = (sn_i64)(k202 == k203);
                    const sn_i64 k206 = (sn_i64)(k202 != k202);
                    c206[c * 8 + j] = k206;
                    const sn_i64 k207 = (sn_i64)(k205 != 0 && k206 != 0);
                    const sn_i64 k208 = (sn_i64)(k204 != 0 || k207 != 0);
                    const sn_i64 k209 = k208 != 0 ? k0 : k19;
                    acc21 = sn_ifold_min(acc21, k20);
                    acc48 = sn_ifold_min(acc48, k47);
                    acc75 = sn_ifold_min(acc75, k74);
                    acc102 = sn_ifold_min(acc102, k101);
                    acc129 = sn_ifold_min(acc129, k128);
                    acc156 = sn_ifold_min(acc156, k155);
                    acc183 = sn_ifold_min(acc183, k182);
                    acc210 = sn_ifold_min(acc210, k209);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc21, off, 64);
                acc21 = sn_ifold_min(acc21, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc48, off, 64);
                acc48 = sn_ifold_min(acc48, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc75, off, 64);
                acc75 = sn_ifold_min(acc75, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc102, off, 64);
                acc102 = sn_ifold_min(acc102, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc129, off, 64);
                acc129 = sn_ifold_min(acc129, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc156, off, 64);
                acc156 = sn_ifold_min(acc156, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc183, off, 64);
                acc183 = sn_ifold_min(acc183, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc210, off, 64);
                acc210 = sn_ifold_min(acc210, other);
            }
            acc21 = __shfl(acc21, 0, 16);
            acc48 = __shfl(acc48, 0, 16);
            acc75 = __shfl(acc75, 0, 16);
            acc102 = __shfl(acc102, 0, 16);
            acc129 = __shfl(acc129, 0, 16);
            acc156 = __shfl(acc156, 0, 16);
            acc183 = __shfl(acc183, 0, 16);
            acc210 = __shfl(acc210, 0, 16);
            const sn_i64 k21 = acc21;
            const sn_i64 k48 = acc48;
            const sn_i64 k75 = acc75;
            const sn_i64 k102 = acc102;
            const sn_i64 k129 = acc129;
            const sn_i64 k156 = acc156;
            const sn_i64 k183 = acc183;
            const sn_i64 k210 = acc210;
            float acc24 = sn_u2f(0xff800000u);
            float acc27 = sn_u2f(0xff800000u);
            float acc51 = sn_u2f(0xff800000u);
            float acc54 = sn_u2f(0xff800000u);
            float acc78 = sn_u2f(0xff800000u);
            float acc81 = sn_u2f(0xff800000u);
            float acc105 = sn_u2f(0xff800000u);
            float acc108 = sn_u2f(0xff800000u);
            float acc132 = sn_u2f(0xff800000u);
            float acc135 = sn_u2f(0xff800000u);
            float acc159 = sn_u2f(0xff800000u);
            float acc162 = sn_u2f(0xff800000u);
            float acc186 = sn_u2f(0xff800000u);
            float acc189 = sn_u2f(0xff800000u);
            float acc213 = sn_u2f(0xff800000u);
            float acc216 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k12 = c12[c * 8 + j];
                    const sn_i64 k22 = (sn_i64)(k0 == k21);
                    const float k23 = k22 != 0 ? k12 : k11;
                    const sn_i64 k25 = (sn_i64)(k0 != k21);
                    const float k26 = k25 != 0 ? k12 : k11;
                    const float k40 = c40[c * 8 + j];
                    const sn_i64 k49 = (sn_i64)(k0 == k48);
                    const float k50 = k49 != 0 ? k40 : k11;
                    const sn_i64 k52 = (sn_i64)(k0 != k48);
                    const float k53 = k52 != 0 ? k40 : k11;
                    const float k67 = c67[c * 8 + j];
                    const sn_i64 k76 = (sn_i64)(k0 == k75);
                    const float k77 = k76 != 0 ? k67 : k11;
                    const sn_i64 k79 = (sn_i64)(k0 != k75);
                    const float k80 = k79 != 0 ? k67 : k11;
                    const float k94 = c94[c * 8 + j];
                    const sn_i64 k103 = (sn_i64)(k0 == k102);
                    const float k104 = k103 != 0 ? k94 : k11;
                    const sn_i64 k106 = (sn_i64)(k0 != k102);
                    const float k107 = k106 != 0 ? k94 : k11;
                    const float k121 = c121[c * 8 + j];
                    const sn_i64 k130 = (sn_i64)(k0 == k129);
                    const float k131 = k130 != 0 ? k121 : k11;
                    const sn_i64 k133 = (sn_i64)(k0 != k129);
                    const float k134 = k133 != 0 ? k121 : k11;
                    const float k148 = c148[c * 8 + j];
                    const sn_i64 k157 = (sn_i64)(k0 == k156);
                    const float k158 = k157 != 0 ? k148 : k11;
                    const sn_i64 k160 = (sn_i64)(k0 != k156);
                    const float k161 = k160 != 0 ? k148 : k11;
                    const float k175 = c175[c * 8 + j];
                    const sn_i64 k184 = (sn_i64)(k0 == k183);
                    const float k185 = k184 != 0 ? k175 : k11;
                    const sn_i64 k187 = (sn_i64)(k0 != k183);
                    const float k188 = k187 != 0 ? k175 : k11;
                    const float k202 = c202[c * 8 + j];
                    const sn_i64 k211 = (sn_i64)(k0 == k210);
                    const float k212 = k211 != 0 ? k202 : k11;
                    const sn_i64 k214 = (sn_i64)(k0 != k210);
                    const float k215 = k214 != 0 ? k202 : k11;
                    acc24 = sn_fold_max(acc24, k23);
                    acc27 = sn_fold_max(acc27, k26);
                    acc51 = sn_fold_max(acc51, k50);
                    acc54 = sn_fold_max(acc54, k53);
                    acc78 = sn_fold_max(acc78, k77);
                    acc81 = sn_fold_max(acc81, k80);
                    acc105 = sn_fold_max(acc105, k104);
                    acc108 = sn_fold_max(acc108, k107);
                    acc132 = sn_fold_max(acc132, k131);
                    acc135 = sn_fold_max(acc135, k134);
                    acc159 = sn_fold_max(acc159, k158);
                    acc162 = sn_fold_max(acc162, k161);
                    acc186 = sn_fold_max(acc186, k185);
                    acc189 = sn_fold_max(acc189, k188);
                    acc213 = sn_fold_max(acc213, k212);
                    acc216 = sn_fold_max(acc216, k215);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc24, off, 64);
                acc24 = sn_fold_max(acc24, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc27, off, 64);
                acc27 = sn_fold_max(acc27, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc51, off, 64);
                acc51 = sn_fold_max(acc51, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc54, off, 64);
                acc54 = sn_fold_max(acc54, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc78, off, 64);
                acc78 = sn_fold_max(acc78, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc81, off, 64);
                acc81 = sn_fold_max(acc81, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc105, off, 64);
                acc105 = sn_fold_max(acc105, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc108, off, 64);
                acc108 = sn_fold_max(acc108, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc132, off, 64);
                acc132 = sn_fold_max(acc132, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc135, off, 64);
                acc135 = sn_fold_max(acc135, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc159, off, 64);
                acc159 = sn_fold_max(acc159, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc162, off, 64);
                acc162 = sn_fold_max(acc162, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc186, off, 64);
                acc186 = sn_fold_max(acc186, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc189, off, 64);
                acc189 = sn_fold_max(acc189, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc213, off, 64);
                acc213 = sn_fold_max(acc213, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc216, off, 64);
                acc216 = sn_fold_max(acc216, other);
            }
            acc24 = __shfl(acc24, 0, 16);
            acc27 = __shfl(acc27, 0, 16);
            acc51 = __shfl(acc51, 0, 16);
            acc54 = __shfl(acc54, 0, 16);
            acc78 = __shfl(acc78, 0, 16);
            acc81 = __shfl(acc81, 0, 16);
            acc105 = __shfl(acc105, 0, 16);
            acc108 = __shfl(acc108, 0, 16);
            acc132 = __shfl(acc132, 0, 16);
            acc135 = __shfl(acc135, 0, 16);
            acc159 = __shfl(acc159, 0, 16);
            acc162 = __shfl(acc162, 0, 16);
            acc186 = __shfl(acc186, 0, 16);
            acc189 = __shfl(acc189, 0, 16);
            acc213 = __shfl(acc213, 0, 16);
            acc216 = __shfl(acc216, 0, 16);
            const float k24 = acc24;
            const float k27 = acc27;
            const float k51 = acc51;
            const float k54 = acc54;
            const float k78 = acc78;
            const float k81 = acc81;
            const float k105 = acc105;
            const float k108 = acc108;
            const float k132 = acc132;
            const float k135 = acc135;
            const float k159 = acc159;
            const float k162 = acc162;
            const float k186 = acc186;
            const float k189 = acc189;
            const float k213 = acc213;
            const float k216 = acc216;
            const sn_i64 k29 = (sn_i64)(k27 != k27);
            const sn_i64 k56 = (sn_i64)(k54 != k54);
            const sn_i64 k83 = (sn_i64)(k81 != k81);
            const sn_i64 k110 = (sn_i64)(k108 != k108);
            const sn_i64 k137 = (sn_i64)(k135 != k135);
            const sn_i64 k164 = (sn_i64)(k162 != k162);
            const sn_i64 k191 = (sn_i64)(k189 != k189);
            const sn_i64 k218 = (sn_i64)(k216 != k216);
            sn_i64 acc34 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc61 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc88 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc115 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc142 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc169 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc196 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc223 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k12 = c12[c * 8 + j];
                    const sn_i64 k16 = c16[c * 8 + j];
                    const sn_i64 k25 = (sn_i64)(k0 != k21);
                    const sn_i64 k28 = (sn_i64)(k12 == k27);
                    const sn_i64 k30 = (sn_i64)(k29 != 0 && k16 != 0);
                    const sn_i64 k31 = (sn_i64)(k28 != 0 || k30 != 0);
                    const sn_i64 k32 = (sn_i64)(k25 != 0 && k31 != 0);
                    const sn_i64 k33 = k32 != 0 ? k0 : k19;
                    const float k40 = c40[c * 8 + j];
                    const sn_i64 k44 = c44[c * 8 + j];
                    const sn_i64 k52 = (sn_i64)(k0 != k48);
                    const sn_i64 k55 = (sn_i64)(k40 == k54);
                    const sn_i64 k57 = (sn_i64)(k56 != 0 && k44 != 0);
                    const sn_i64 k58 = (sn_i64)(k55 != 0 || k57 != 0);
                    const sn_i64 k59 = (sn_i64)(k52 != 0 && k58 != 0);
                    const sn_i64 k60 = k59 != 0 ? k0 : k19;
                    const float k67 = c67[c * 8 + j];
                    const sn_i64 k71 = c71[c * 8 + j];
                    const sn_i64 k79 = (sn_i64)(k0 != k75);
                    const sn_i64 k82 = (sn_i64)(k67 == k81);
                    const sn_i64 k84 = (sn_i64)(k83 != 0 && k71 != 0);
                    const sn_i64 k85 = (sn_i64)(k82 != 0 || k84 != 0);
                    const sn_i64 k86 = (sn_i64)(k79 != 0 && k85 != 0);
                    const sn_i64 k87 = k86 != 0 ? k0 : k19;
                    const float k94 = c94[c * 8 + j];
                    const sn_i64 k98 = c98[c * 8 + j];
                    const sn_i64 k106 = (sn_i64)(k0 != k102);
                    const sn_i64 k109 = (sn_i64)(k94 == k108);
                    const sn_i64 k111 = (sn_i64)(k110 != 0 && k98 != 0);
                    const sn_i64 k112 = (sn_i64)(k109 != 0 || k111 != 0);
                    const sn_i64 k113 = (sn_i64)(k106 != 0 && k112 != 0);
                    const sn_i64 k114 = k113 != 0 ? k0 : k19;
                    const float k121 = c121[c * 8 + j];
                    const sn_i64 k125 = c125[c * 8 + j];
                    const sn_i64 k133 = (sn_i64)(k0 != k129);
                    const sn_i64 k136 = (sn_i64)(k121 == k135);
                    const sn_i64 k138 = (sn_i64)(k137 != 0 && k125 != 0);
                    const sn_i64 k139 = (sn_i64)(k136 != 0 || k138 != 0);
                    const sn_i64 k140 = (sn_i64)(k133 != 0 && k139 != 0);
                    const sn_i64 k141 = k140 != 0 ? k0 : k19;
                    const float k148 = c148[c * 8 + j];
                    const sn_i64 k152 = c152[c * 8 + j];
                    const sn_i64 k160 = (sn_i64)(k0 != k156);
                    const sn_i64 k163 = (sn_i64)(k148 == k162);
                    const sn_i64 k165 = (sn_i64)(k164 != 0 && k152 != 0);
                    const sn_i64 k166 = (sn_i64)(k163 != 0 || k165 != 0);
                    const sn_i64 k167 = (sn_i64)(k160 != 0 && k166 != 0);
                    const sn_i64 k168 = k167 != 0 ? k0 : k19;
                    const float k175 = c175[c * 8 + j];
                    const sn_i64 k179 = c179[c * 8 + j];
                    const sn_i64 k187 = (sn_i64)(k0 != k183);
                    const sn_i64 k190 = (sn_i64)(k175 == k189);
                    const sn_i64 k192 = (sn_i64)(k191 != 0 && k179 != 0);
                    const sn_i64 k193 = (sn_i64)(k190 != 0 || k192 != 0);
                    const sn_i64 k194 = (sn_i64)(k187 != 0 && k193 != 0);
                    const sn_i64 k195 = k194 != 0 ? k0 : k19;
                    const float k202 = c202[c * 8 + j];
                    const sn_i64 k206 = c206[c * 8 + j];
                    const sn_i64 k214 = (sn_i64)(k0 != k210);
                    const sn_i64 k217 = (sn_i64)(k202 == k216);
                    const sn_i64 k219 = (sn_i64)(k218 != 0 && k206 != 0);
                    const sn_i64 k220 = (sn_i64)(k217 != 0 || k219 != 0);
                    const sn_i64 k221 = (sn_i64)(k214 != 0 && k220 != 0);
                    const sn_i64 k222 = k221 != 0 ? k0 : k19;
                    acc34 = sn_ifold_min(acc34, k33);
                    acc61 = sn_ifold_min(acc61, k60);
                    acc88 = sn_ifold_min(acc88, k87);
                    acc115 = sn_ifold_min(acc115, k114);
                    acc142 = sn_ifold_min(acc142, k141);
                    acc169 = sn_ifold_min(acc169, k168);
                    acc196 = sn_ifold_min(acc196, k195);
                    acc223 = sn_ifold_min(acc223, k222);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc34, off, 64);
                acc34 = sn_ifold_min(acc34, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc61, off, 64);
                acc61 = sn_ifold_min(acc61, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc88, off, 64);
                acc88 = sn_ifold_min(acc88, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc115, off, 64);
                acc115 = sn_ifold_min(acc115, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc142, off, 64);
                acc142 = sn_ifold_min(acc142, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc169, off, 64);
                acc169 = sn_ifold_min(acc169, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc196, off, 64);
                acc196 = sn_ifold_min(acc196, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc223, off, 64);
                acc223 = sn_ifold_min(acc223, other);
            }
            acc34 = __shfl(acc34, 0, 16);
            acc61 = __shfl(acc61, 0, 16);
            acc88 = __shfl(acc88, 0, 16);
            acc115 = __shfl(acc115, 0, 16);
            acc142 = __shfl(acc142, 0, 16);
            acc169 = __shfl(acc169, 0, 16);
            acc196 = __shfl(acc196, 0, 16);
            acc223 = __shfl(acc223, 0, 16);
            const sn_i64 k34 = acc34;
            const sn_i64 k61 = acc61;
            const sn_i64 k88 = acc88;
            const sn_i64 k115 = acc115;
            const sn_i64 k142 = acc142;
            const sn_i64 k169 = acc169;
            const sn_i64 k196 = acc196;
            const sn_i64 k223 = acc223;
            float acc37 = sn_u2f(0xff800000u);
            float acc64 = sn_u2f(0xff800000u);
            float acc91 = sn_u2f(0xff800000u);
            float acc118 = sn_u2f(0xff800000u);
            float acc145 = sn_u2f(0xff800000u);
            float acc172 = sn_u2f(0xff800000u);
            float acc199 = sn_u2f(0xff800000u);
            float acc226 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k12 = c12[c * 8 + j];
                    const sn_i64 k35 = (sn_i64)(k0 == k34);
                    const float k36 = k35 != 0 ? k12 : k11;
                    const float k40 = c40[c * 8 + j];
                    const sn_i64 k62 = (sn_i64)(k0 == k61);
                    const float k63 = k62 != 0 ? k40 : k11;
                    const float k67 = c67[c * 8 + j];
                    const sn_i64 k89 = (sn_i64)(k0 == k88);
                    const float k90 = k89 != 0 ? k67 : k11;
                    const float k94 = c94[c * 8 + j];
                    const sn_i64 k116 = (sn_i64)(k0 == k115);
                    const float k117 = k116 != 0 ? k94 : k11;
                    const float k121 = c121[c * 8 + j];
                    const sn_i64 k143 = (sn_i64)(k0 == k142);
                    const float k144 = k143 != 0 ? k121 : k11;
                    const float k148 = c148[c * 8 + j];
                    const sn_i64 k170 = (sn_i64)(k0 == k169);
                    const float k171 = k170 != 0 ? k148 : k11;
                    const float k175 = c175[c * 8 + j];
                    const sn_i64 k197 = (sn_i64)(k0 == k196);
                    const float k198 = k197 != 0 ? k175 : k11;
                    const float k202 = c202[c * 8 + j];
                    const sn_i64 k224 = (sn_i64)(k0 == k223);
                    const float k225 = k224 != 0 ? k202 : k11;
                    acc37 = sn_fold_max(acc37, k36);
                    acc64 = sn_fold_max(acc64, k63);
                    acc91 = sn_fold_max(acc91, k90);
                    acc118 = sn_fold_max(acc118, k117);
                    acc145 = sn_fold_max(acc145, k144);
                    acc172 = sn_fold_max(acc172, k171);
                    acc199 = sn_fold_max(acc199, k198);
                    acc226 = sn_fold_max(acc226, k225);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc37, off, 64);
                acc37 = sn_fold_max(acc37, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc64, off, 64);
                acc64 = sn_fold_max(acc64, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc91, off, 64);
                acc91 = sn_fold_max(acc91, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc118, off, 64);
                acc118 = sn_fold_max(acc118, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc145, off, 64);
                acc145 = sn_fold_max(acc145, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc172, off, 64);
                acc172 = sn_fold_max(acc172, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc199, off, 64);
                acc199 = sn_fold_max(acc199, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc226, off, 64);
                acc226 = sn_fold_max(acc226, other);
            }
            acc37 = __shfl(acc37, 0, 16);
            acc64 = __shfl(acc64, 0, 16);
            acc91 = __shfl(acc91, 0, 16);
            acc118 = __shfl(acc118, 0, 16);
            acc145 = __shfl(acc145, 0, 16);
            acc172 = __shfl(acc172, 0, 16);
            acc199 = __shfl(acc199, 0, 16);
            acc226 = __shfl(acc226, 0, 16);
            const float k37 = acc37;
            const float k64 = acc64;
            const float k91 = acc91;
            const float k118 = acc118;
            const float k145 = acc145;
            const float k172 = acc172;
            const float k199 = acc199;
            const float k226 = acc226;
            const float k230 = k213 + k226;
            const float k232 = k186 + k199;
            const float k236 = k159 + k172;
            const float k240 = k132 + k145;
            const float k244 = k105 + k118;
            const float k248 = k78 + k91;
            const float k252 = k51 + k64;
            const float k256 = k24 + k37;
            float acc260 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    acc260 = sn_fold_max(acc260, k259);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc260, off, 64);
                acc260 = sn_fold_max(acc260, other);
            }
            acc260 = __shfl(acc260, 0, 16);
            const float k260 = acc260;
            const sn_i64 k262 = (sn_i64)(k260 != k260);
            sn_i64 acc267 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k261 = (sn_i64)(k259 == k260);
                    const sn_i64 k263 = (sn_i64)(k259 != k259);
                    const sn_i64 k264 = (sn_i64)(k262 != 0 && k263 != 0);
                    const sn_i64 k265 = (sn_i64)(k261 != 0 || k264 != 0);
                    const sn_i64 k266 = k265 != 0 ? k0 : k19;
                    acc267 = sn_ifold_min(acc267, k266);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc267, off, 64);
                acc267 = sn_ifold_min(acc267, other);
            }
            acc267 = __shfl(acc267, 0, 16);
            const sn_i64 k267 = acc267;
            const sn_i64 k301 = sn_ifloordiv(k267, k300, 32, 1);
            float acc270 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const float k269 = k268 != 0 ? k259 : k11;
                    acc270 = sn_fold_max(acc270, k269);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc270, off, 64);
                acc270 = sn_fold_max(acc270, other);
            }
            acc270 = __shfl(acc270, 0, 16);
            const float k270 = acc270;
            const sn_i64 k272 = (sn_i64)(k270 != k270);
            sn_i64 acc277 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k263 = (sn_i64)(k259 != k259);
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k271 = (sn_i64)(k259 == k270);
                    const sn_i64 k273 = (sn_i64)(k272 != 0 && k263 != 0);
                    const sn_i64 k274 = (sn_i64)(k271 != 0 || k273 != 0);
                    const sn_i64 k275 = (sn_i64)(k268 != 0 && k274 != 0);
                    const sn_i64 k276 = k275 != 0 ? k0 : k19;
                    acc277 = sn_ifold_min(acc277, k276);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc277, off, 64);
                acc277 = sn_ifold_min(acc277, other);
            }
            acc277 = __shfl(acc277, 0, 16);
            const sn_i64 k277 = acc277;
            const sn_i64 k303 = sn_ifloordiv(k277, k300, 32, 1);
            float acc281 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k278 = (sn_i64)(k0 != k277);
                    const sn_i64 k279 = (sn_i64)(k268 != 0 && k278 != 0);
                    const float k280 = k279 != 0 ? k259 : k11;
                    acc281 = sn_fold_max(acc281, k280);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc281, off, 64);
                acc281 = sn_fold_max(acc281, other);
            }
            acc281 = __shfl(acc281, 0, 16);
            const float k281 = acc281;
            const sn_i64 k283 = (sn_i64)(k281 != k281);
            sn_i64 acc288 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k263 = (sn_i64)(k259 != k259);
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k278 = (sn_i64)(k0 != k277);
                    const sn_i64 k279 = (sn_i64)(k268 != 0 && k278 != 0);
                    const sn_i64 k282 = (sn_i64)(k259 == k281);
                    const sn_i64 k284 = (sn_i64)(k283 != 0 && k263 != 0);
                    const sn_i64 k285 = (sn_i64)(k282 != 0 || k284 != 0);
                    const sn_i64 k286 = (sn_i64)(k279 != 0 && k285 != 0);
                    const sn_i64 k287 = k286 != 0 ? k0 : k19;
                    acc288 = sn_ifold_min(acc288, k287);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc288, off, 64);
                acc288 = sn_ifold_min(acc288, other);
            }
            acc288 = __shfl(acc288, 0, 16);
            const sn_i64 k288 = acc288;
            const sn_i64 k306 = sn_ifloordiv(k288, k300, 32, 1);
            float acc292 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k278 = (sn_i64)(k0 != k277);
                    const sn_i64 k279 = (sn_i64)(k268 != 0 && k278 != 0);
                    const sn_i64 k289 = (sn_i64)(k0 != k288);
                    const sn_i64 k290 = (sn_i64)(k279 != 0 && k289 != 0);
                    const float k291 = k290 != 0 ? k259 : k11;
                    acc292 = sn_fold_max(acc292, k291);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc292, off, 64);
                acc292 = sn_fold_max(acc292, other);
            }
            acc292 = __shfl(acc292, 0, 16);
            const float k292 = acc292;
            const sn_i64 k294 = (sn_i64)(k292 != k292);
            sn_i64 acc299 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k263 = (sn_i64)(k259 != k259);
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k278 = (sn_i64)(k0 != k277);
                    const sn_i64 k279 = (sn_i64)(k268 != 0 && k278 != 0);
                    const sn_i64 k289 = (sn_i64)(k0 != k288);
                    const sn_i64 k290 = (sn_i64)(k279 != 0 && k289 != 0);
                    const sn_i64 k293 = (sn_i64)(k259 == k292);
                    const sn_i64 k295 = (sn_i64)(k294 != 0 && k263 != 0);
                    const sn_i64 k296 = (sn_i64)(k293 != 0 || k295 != 0);
                    const sn_i64 k297 = (sn_i64)(k290 != 0 && k296 != 0);
                    const sn_i64 k298 = k297 != 0 ? k0 : k19;
                    acc299 = sn_ifold_min(acc299, k298);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc299, off, 64);
                acc299 = sn_ifold_min(acc299, other);
            }
            acc299 = __shfl(acc299, 0, 16);
            const sn_i64 k299 = acc299;
            const sn_i64 k309 = sn_ifloordiv(k299, k300, 32, 1);
            float acc313 = sn_u2f(0xff800000u);
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
                    const sn_i64 k302 = (sn_i64)(k2 == k301);
                    const sn_i64 k304 = (sn_i64)(k2 == k303);
                    const sn_i64 k305 = (sn_i64)(k302 != 0 || k304 != 0);
                    const sn_i64 k307 = (sn_i64)(k2 == k306);
                    const sn_i64 k308 = (sn_i64)(k305 != 0 || k307 != 0);
                    const sn_i64 k310 = (sn_i64)(k2 == k309);
                    const sn_i64 k311 = (sn_i64)(k308 != 0 || k310 != 0);
                    const float k312 = k311 != 0 ? k10 : k11;
                    c312[c * 8 + j] = k312;
                    acc313 = sn_fold_max(acc313, k312);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc313, off, 64);
                acc313 = sn_fold_max(acc313, other);
            }
            acc313 = __shfl(acc313, 0, 16);
            const float k313 = acc313;
            const sn_i64 k315 = (sn_i64)(k313 != k313);
            sn_i64 acc320 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k314 = (sn_i64)(k312 == k313);
                    const sn_i64 k316 = (sn_i64)(k312 != k312);
                    c316[c * 8 + j] = k316;
                    const sn_i64 k317 = (sn_i64)(k315 != 0 && k316 != 0);
                    const sn_i64 k318 = (sn_i64)(k314 != 0 || k317 != 0);
                    const sn_i64 k319 = k318 != 0 ? k0 : k19;
                    acc320 = sn_ifold_min(acc320, k319);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc320, off, 64);
                acc320 = sn_ifold_min(acc320, other);
            }
            acc320 = __shfl(acc320, 0, 16);
            const sn_i64 k320 = acc320;
            float acc323 = sn_u2f(0xff800000u);
            float acc399 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const float k322 = k321 != 0 ? k312 : k11;
                    const sn_i64 k397 = (sn_i64)(k0 == k320);
                    const float k398 = k397 != 0 ? k7 : k11;
                    acc323 = sn_fold_max(acc323, k322);
                    acc399 = sn_fold_max(acc399, k398);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc323, off, 64);
                acc323 = sn_fold_max(acc323, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc399, off, 64);
                acc399 = sn_fold_max(acc399, other);
            }
            acc323 = __shfl(acc323, 0, 16);
            acc399 = __shfl(acc399, 0, 16);
            const float k323 = acc323;
            const float k399 = acc399;
            const sn_i64 k325 = (sn_i64)(k323 != k323);
            sn_i64 acc330 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k324 = (sn_i64)(k312 == k323);
                    const sn_i64 k326 = (sn_i64)(k325 != 0 && k316 != 0);
                    const sn_i64 k327 = (sn_i64)(k324 != 0 || k326 != 0);
                    const sn_i64 k328 = (sn_i64)(k321 != 0 && k327 != 0);
                    const sn_i64 k329 = k328 != 0 ? k0 : k19;
                    acc330 = sn_ifold_min(acc330, k329);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc330, off, 64);
                acc330 = sn_ifold_min(acc330, other);
            }
            acc330 = __shfl(acc330, 0, 16);
            const sn_i64 k330 = acc330;
            float acc334 = sn_u2f(0xff800000u);
            float acc402 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const float k333 = k332 != 0 ? k312 : k11;
                    const sn_i64 k400 = (sn_i64)(k0 == k330);
                    const float k401 = k400 != 0 ? k7 : k11;
                    acc334 = sn_fold_max(acc334, k333);
                    acc402 = sn_fold_max(acc402, k401);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc334, off, 64);
                acc334 = sn_fold_max(acc334, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc402, off, 64);
                acc402 = sn_fold_max(acc402, other);
            }
            acc334 = __shfl(acc334, 0, 16);
            acc402 = __shfl(acc402, 0, 16);
            const float k334 = acc334;
            const float k402 = acc402;
            const sn_i64 k336 = (sn_i64)(k334 != k334);
            const float k421 = k399 + k402;
            sn_i64 acc341 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k335 = (sn_i64)(k312 == k334);
                    const sn_i64 k337 = (sn_i64)(k336 != 0 && k316 != 0);
                    const sn_i64 k338 = (sn_i64)(k335 != 0 || k337 != 0);
                    const sn_i64 k339 = (sn_i64)(k332 != 0 && k338 != 0);
                    const sn_i64 k340 = k339 != 0 ? k0 : k19;
                    acc341 = sn_ifold_min(acc341, k340);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc341, off, 64);
                acc341 = sn_ifold_min(acc341, other);
            }
            acc341 = __shfl(acc341, 0, 16);
            const sn_i64 k341 = acc341;
            float acc345 = sn_u2f(0xff800000u);
            float acc405 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const float k344 = k343 != 0 ? k312 : k11;
                    const sn_i64 k403 = (sn_i64)(k0 == k341);
                    const float k404 = k403 != 0 ? k7 : k11;
                    acc345 = sn_fold_max(acc345, k344);
                    acc405 = sn_fold_max(acc405, k404);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc345, off, 64);
                acc345 = sn_fold_max(acc345, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc405, off, 64);
                acc405 = sn_fold_max(acc405, other);
            }
            acc345 = __shfl(acc345, 0, 16);
            acc405 = __shfl(acc405, 0, 16);
            const float k345 = acc345;
            const float k405 = acc405;
            const sn_i64 k347 = (sn_i64)(k345 != k345);
            const float k422 = k421 + k405;
            sn_i64 acc352 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k346 = (sn_i64)(k312 == k345);
                    const sn_i64 k348 = (sn_i64)(k347 != 0 && k316 != 0);
                    const sn_i64 k349 = (sn_i64)(k346 != 0 || k348 != 0);
                    const sn_i64 k350 = (sn_i64)(k343 != 0 && k349 != 0);
                    const sn_i64 k351 = k350 != 0 ? k0 : k19;
                    acc352 = sn_ifold_min(acc352, k351);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc352, off, 64);
                acc352 = sn_ifold_min(acc352, other);
            }
            acc352 = __shfl(acc352, 0, 16);
            const sn_i64 k352 = acc352;
            float acc356 = sn_u2f(0xff800000u);
            float acc408 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const float k355 = k354 != 0 ? k312 : k11;
                    const sn_i64 k406 = (sn_i64)(k0 == k352);
                    const float k407 = k406 != 0 ? k7 : k11;
                    acc356 = sn_fold_max(acc356, k355);
                    acc408 = sn_fold_max(acc408, k407);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc356, off, 64);
                acc356 = sn_fold_max(acc356, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc408, off, 64);
                acc408 = sn_fold_max(acc408, other);
            }
            acc356 = __shfl(acc356, 0, 16);
            acc408 = __shfl(acc408, 0, 16);
            const float k356 = acc356;
            const float k408 = acc408;
            const sn_i64 k358 = (sn_i64)(k356 != k356);
            const float k423 = k422 + k408;
            sn_i64 acc363 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k357 = (sn_i64)(k312 == k356);
                    const sn_i64 k359 = (sn_i64)(k358 != 0 && k316 != 0);
                    const sn_i64 k360 = (sn_i64)(k357 != 0 || k359 != 0);
                    const sn_i64 k361 = (sn_i64)(k354 != 0 && k360 != 0);
                    const sn_i64 k362 = k361 != 0 ? k0 : k19;
                    acc363 = sn_ifold_min(acc363, k362);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc363, off, 64);
                acc363 = sn_ifold_min(acc363, other);
            }
            acc363 = __shfl(acc363, 0, 16);
            const sn_i64 k363 = acc363;
            float acc367 = sn_u2f(0xff800000u);
            float acc411 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const float k366 = k365 != 0 ? k312 : k11;
                    const sn_i64 k409 = (sn_i64)(k0 == k363);
                    const float k410 = k409 != 0 ? k7 : k11;
                    acc367 = sn_fold_max(acc367, k366);
                    acc411 = sn_fold_max(acc411, k410);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc367, off, 64);
                acc367 = sn_fold_max(acc367, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc411, off, 64);
                acc411 = sn_fold_max(acc411, other);
            }
            acc367 = __shfl(acc367, 0, 16);
            acc411 = __shfl(acc411, 0, 16);
            const float k367 = acc367;
            const float k411 = acc411;
            const sn_i64 k369 = (sn_i64)(k367 != k367);
            const float k424 = k423 + k411;
            sn_i64 acc374 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k368 = (sn_i64)(k312 == k367);
                    const sn_i64 k370 = (sn_i64)(k369 != 0 && k316 != 0);
                    const sn_i64 k371 = (sn_i64)(k368 != 0 || k370 != 0);
                    const sn_i64 k372 = (sn_i64)(k365 != 0 && k371 != 0);
                    const sn_i64 k373 = k372 != 0 ? k0 : k19;
                    acc374 = sn_ifold_min(acc374, k373);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc374, off, 64);
                acc374 = sn_ifold_min(acc374, other);
            }
            acc374 = __shfl(acc374, 0, 16);
            const sn_i64 k374 = acc374;
            float acc378 = sn_u2f(0xff800000u);
            float acc414 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k375 = (sn_i64)(k0 != k374);
                    const sn_i64 k376 = (sn_i64)(k365 != 0 && k375 != 0);
                    const float k377 = k376 != 0 ? k312 : k11;
                    const sn_i64 k412 = (sn_i64)(k0 == k374);
                    const float k413 = k412 != 0 ? k7 : k11;
                    acc378 = sn_fold_max(acc378, k377);
                    acc414 = sn_fold_max(acc414, k413);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc378, off, 64);
                acc378 = sn_fold_max(acc378, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc414, off, 64);
                acc414 = sn_fold_max(acc414, other);
            }
            acc378 = __shfl(acc378, 0, 16);
            acc414 = __shfl(acc414, 0, 16);
            const float k378 = acc378;
            const float k414 = acc414;
            const sn_i64 k380 = (sn_i64)(k378 != k378);
            const float k425 = k424 + k414;
            sn_i64 acc385 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k375 = (sn_i64)(k0 != k374);
                    const sn_i64 k376 = (sn_i64)(k365 != 0 && k375 != 0);
                    const sn_i64 k379 = (sn_i64)(k312 == k378);
                    const sn_i64 k381 = (sn_i64)(k380 != 0 && k316 != 0);
                    const sn_i64 k382 = (sn_i64)(k379 != 0 || k381 != 0);
                    const sn_i64 k383 = (sn_i64)(k376 != 0 && k382 != 0);
                    const sn_i64 k384 = k383 != 0 ? k0 : k19;
                    acc385 = sn_ifold_min(acc385, k384);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc385, off, 64);
                acc385 = sn_ifold_min(acc385, other);
            }
            acc385 = __shfl(acc385, 0, 16);
            const sn_i64 k385 = acc385;
            float acc389 = sn_u2f(0xff800000u);
            float acc417 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k375 = (sn_i64)(k0 != k374);
                    const sn_i64 k376 = (sn_i64)(k365 != 0 && k375 != 0);
                    const sn_i64 k386 = (sn_i64)(k0 != k385);
                    const sn_i64 k387 = (sn_i64)(k376 != 0 && k386 != 0);
                    const float k388 = k387 != 0 ? k312 : k11;
                    const sn_i64 k415 = (sn_i64)(k0 == k385);
                    const float k416 = k415 != 0 ? k7 : k11;
                    acc389 = sn_fold_max(acc389, k388);
                    acc417 = sn_fold_max(acc417, k416);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc389, off, 64);
                acc389 = sn_fold_max(acc389, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc417, off, 64);
                acc417 = sn_fold_max(acc417, other);
            }
            acc389 = __shfl(acc389, 0, 16);
            acc417 = __shfl(acc417, 0, 16);
            const float k389 = acc389;
            const float k417 = acc417;
            const sn_i64 k391 = (sn_i64)(k389 != k389);
            const float k426 = k425 + k417;
            sn_i64 acc396 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k375 = (sn_i64)(k0 != k374);
                    const sn_i64 k376 = (sn_i64)(k365 != 0 && k375 != 0);
                    const sn_i64 k386 = (sn_i64)(k0 != k385);
                    const sn_i64 k387 = (sn_i64)(k376 != 0 && k386 != 0);
                    const sn_i64 k390 = (sn_i64)(k312 == k389);
                    const sn_i64 k392 = (sn_i64)(k391 != 0 && k316 != 0);
                    const sn_i64 k393 = (sn_i64)(k390 != 0 || k392 != 0);
                    const sn_i64 k394 = (sn_i64)(k387 != 0 && k393 != 0);
                    const sn_i64 k395 = k394 != 0 ? k0 : k19;
                    acc396 = sn_ifold_min(acc396, k395);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc396, off, 64);
                acc396 = sn_ifold_min(acc396, other);
            }
            acc396 = __shfl(acc396, 0, 16);
            const sn_i64 k396 = acc396;
            float acc420 = sn_u2f(0xff800000u);
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
                    const sn_i64 k418 = (sn_i64)(k0 == k396);
                    const float k419 = k418 != 0 ? k7 : k11;
                    acc420 = sn_fold_max(acc420, k419);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc420, off, 64);
                acc420 = sn_fold_max(acc420, other);
            }
            acc420 = __shfl(acc420, 0, 16);
            const float k420 = acc420;
            const float k427 = k426 + k420;
            const float k428 = sn_div(k399, k427);
            const float k430 = k428 * k429;
            const float k431 = sn_div(k402, k427);
            const float k432 = k431 * k429;
            const float k433 = sn_div(k405, k427);
            const float k434 = k433 * k429;
            const float k435 = sn_div(k408, k427);
            const float k436 = k435 * k429;
            const float k437 = sn_div(k411, k427);
            const float k438 = k437 * k429;
            const float k439 = sn_div(k414, k427);
            const float k440 = k439 * k429;
            const float k441 = sn_div(k417, k427);
            const float k442 = k441 * k429;
            const float k443 = sn_div(k420, k427);
            const float k444 = k443 * k429;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)0] = k430;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)1] = k432;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)2] = k434;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)3] = k436;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)4] = k438;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)5] = k440;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)6] = k442;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)7] = k444;
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)0] = (int)sn_wrap(k320, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)1] = (int)sn_wrap(k330, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)2] = (int)sn_wrap(k341, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)3] = (int)sn_wrap(k352, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)4] = (int)sn_wrap(k363, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)5] = (int)sn_wrap(k374, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)6] = (int)sn_wrap(k385, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)7] = (int)sn_wrap(k396, 32);
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
            sn_i64 c16[16];
            float c40[16];
            sn_i64 c44[16];
            float c67[16];
            sn_i64 c71[16];
            float c94[16];
            sn_i64 c98[16];
            float c121[16];
            sn_i64 c125[16];
            float c148[16];
            sn_i64 c152[16];
            float c175[16];
            sn_i64 c179[16];
            float c202[16];
            sn_i64 c206[16];
            float c312[16];
            sn_i64 c316[16];
            const sn_i64 k1 = (sn_i64)32ll;
            const sn_i64 k3 = (sn_i64)0ll;
            const float k11 = sn_u2f(0xff800000u);
            const sn_i64 k19 = (sn_i64)2147483647ll;
            const sn_i64 k38 = (sn_i64)1ll;
            const sn_i64 k65 = (sn_i64)2ll;
            const sn_i64 k92 = (sn_i64)3ll;
            const sn_i64 k119 = (sn_i64)4ll;
            const sn_i64 k146 = (sn_i64)5ll;
            const sn_i64 k173 = (sn_i64)6ll;
            const sn_i64 k200 = (sn_i64)7ll;
            const sn_i64 k231 = (sn_i64)7ll;
            const sn_i64 k235 = (sn_i64)6ll;
            const sn_i64 k239 = (sn_i64)5ll;
            const sn_i64 k243 = (sn_i64)4ll;
            const sn_i64 k247 = (sn_i64)3ll;
            const sn_i64 k251 = (sn_i64)2ll;
            const sn_i64 k255 = (sn_i64)1ll;
            const sn_i64 k300 = (sn_i64)32ll;
            const float k429 = 2.5f;
            float acc13 = sn_u2f(0xff800000u);
            float acc41 = sn_u2f(0xff800000u);
            float acc68 = sn_u2f(0xff800000u);
            float acc95 = sn_u2f(0xff800000u);
            float acc122 = sn_u2f(0xff800000u);
            float acc149 = sn_u2f(0xff800000u);
            float acc176 = sn_u2f(0xff800000u);
            float acc203 = sn_u2f(0xff800000u);
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
                    const sn_i64 k39 = (sn_i64)(k2 == k38);
                    const float k40 = k39 != 0 ? k10 : k11;
                    c40[c * 8 + j] = k40;
                    const sn_i64 k66 = (sn_i64)(k2 == k65);
                    const float k67 = k66 != 0 ? k10 : k11;
                    c67[c * 8 + j] = k67;
                    const sn_i64 k93 = (sn_i64)(k2 == k92);
                    const float k94 = k93 != 0 ? k10 : k11;
                    c94[c * 8 + j] = k94;
                    const sn_i64 k120 = (sn_i64)(k2 == k119);
                    const float k121 = k120 != 0 ? k10 : k11;
                    c121[c * 8 + j] = k121;
                    const sn_i64 k147 = (sn_i64)(k2 == k146);
                    const float k148 = k147 != 0 ? k10 : k11;
                    c148[c * 8 + j] = k148;
                    const sn_i64 k174 = (sn_i64)(k2 == k173);
                    const float k175 = k174 != 0 ? k10 : k11;
                    c175[c * 8 + j] = k175;
                    const sn_i64 k201 = (sn_i64)(k2 == k200);
                    const float k202 = k201 != 0 ? k10 : k11;
                    c202[c * 8 + j] = k202;
                    acc13 = sn_fold_max(acc13, k12);
                    acc41 = sn_fold_max(acc41, k40);
                    acc68 = sn_fold_max(acc68, k67);
                    acc95 = sn_fold_max(acc95, k94);
                    acc122 = sn_fold_max(acc122, k121);
                    acc149 = sn_fold_max(acc149, k148);
                    acc176 = sn_fold_max(acc176, k175);
                    acc203 = sn_fold_max(acc203, k202);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc13, off, 64);
                acc13 = sn_fold_max(acc13, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc41, off, 64);
                acc41 = sn_fold_max(acc41, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc68, off, 64);
                acc68 = sn_fold_max(acc68, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc95, off, 64);
                acc95 = sn_fold_max(acc95, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc122, off, 64);
                acc122 = sn_fold_max(acc122, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc149, off, 64);
                acc149 = sn_fold_max(acc149, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc176, off, 64);
                acc176 = sn_fold_max(acc176, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc203, off, 64);
                acc203 = sn_fold_max(acc203, other);
            }
            acc13 = __shfl(acc13, 0, 16);
            acc41 = __shfl(acc41, 0, 16);
            acc68 = __shfl(acc68, 0, 16);
            acc95 = __shfl(acc95, 0, 16);
            acc122 = __shfl(acc122, 0, 16);
            acc149 = __shfl(acc149, 0, 16);
            acc176 = __shfl(acc176, 0, 16);
            acc203 = __shfl(acc203, 0, 16);
            const float k13 = acc13;
            const float k41 = acc41;
            const float k68 = acc68;
            const float k95 = acc95;
            const float k122 = acc122;
            const float k149 = acc149;
            const float k176 = acc176;
            const float k203 = acc203;
            const sn_i64 k15 = (sn_i64)(k13 != k13);
            const sn_i64 k43 = (sn_i64)(k41 != k41);
            const sn_i64 k70 = (sn_i64)(k68 != k68);
            const sn_i64 k97 = (sn_i64)(k95 != k95);
            const sn_i64 k124 = (sn_i64)(k122 != k122);
            const sn_i64 k151 = (sn_i64)(k149 != k149);
            const sn_i64 k178 = (sn_i64)(k176 != k176);
            const sn_i64 k205 = (sn_i64)(k203 != k203);
            sn_i64 acc21 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc48 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc75 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc102 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc129 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc156 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc183 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc210 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k12 = c12[c * 8 + j];
                    const sn_i64 k14 = (sn_i64)(k12 == k13);
                    const sn_i64 k16 = (sn_i64)(k12 != k12);
                    c16[c * 8 + j] = k16;
                    const sn_i64 k17 = (sn_i64)(k15 != 0 && k16 != 0);
                    const sn_i64 k18 = (sn_i64)(k14 != 0 || k17 != 0);
                    const sn_i64 k20 = k18 != 0 ? k0 : k19;
                    const float k40 = c40[c * 8 + j];
                    const sn_i64 k42 = (sn_i64)(k40 == k41);
                    const sn_i64 k44 = (sn_i64)(k40 != k40);
                    c44[c * 8 + j] = k44;
                    const sn_i64 k45 = (sn_i64)(k43 != 0 && k44 != 0);
                    const sn_i64 k46 = (sn_i64)(k42 != 0 || k45 != 0);
                    const sn_i64 k47 = k46 != 0 ? k0 : k19;
                    const float k67 = c67[c * 8 + j];
                    const sn_i64 k69 = (sn_i64)(k67 == k68);
                    const sn_i64 k71 = (sn_i64)(k67 != k67);
                    c71[c * 8 + j] = k71;
                    const sn_i64 k72 = (sn_i64)(k70 != 0 && k71 != 0);
                    const sn_i64 k73 = (sn_i64)(k69 != 0 || k72 != 0);
                    const sn_i64 k74 = k73 != 0 ? k0 : k19;
                    const float k94 = c94[c * 8 + j];
                    const sn_i64 k96 = (sn_i64)(k94 == k95);
                    const sn_i64 k98 = (sn_i64)(k94 != k94);
                    c98[c * 8 + j] = k98;
                    const sn_i64 k99 = (sn_i64)(k97 != 0 && k98 != 0);
                    const sn_i64 k100 = (sn_i64)(k96 != 0 || k99 != 0);
                    const sn_i64 k101 = k100 != 0 ? k0 : k19;
                    const float k121 = c121[c * 8 + j];
                    const sn_i64 k123 = (sn_i64)(k121 == k122);
                    const sn_i64 k125 = (sn_i64)(k121 != k121);
                    c125[c * 8 + j] = k125;
                    const sn_i64 k126 = (sn_i64)(k124 != 0 && k125 != 0);
                    const sn_i64 k127 = (sn_i64)(k123 != 0 || k126 != 0);
                    const sn_i64 k128 = k127 != 0 ? k0 : k19;
                    const float k148 = c148[c * 8 + j];
                    const sn_i64 k150 = (sn_i64)(k148 == k149);
                    const sn_i64 k152 = (sn_i64)(k148 != k148);
                    c152[c * 8 + j] = k152;
                    const sn_i64 k153 = (sn_i64)(k151 != 0 && k152 != 0);
                    const sn_i64 k154 = (sn_i64)(k150 != 0 || k153 != 0);
                    const sn_i64 k155 = k154 != 0 ? k0 : k19;
                    const float k175 = c175[c * 8 + j];
                    const sn_i64 k177 = (sn_i64)(k175 == k176);
                    const sn_i64 k179 = (sn_i64)(k175 != k175);
                    c179[c * 8 + j] = k179;
                    const sn_i64 k180 = (sn_i64)(k178 != 0 && k179 != 0);
                    const sn_i64 k181 = (sn_i64)(k177 != 0 || k180 != 0);
                    const sn_i64 k182 = k181 != 0 ? k0 : k19;
                    const float k202 = c202[c * 8 + j];
                    const sn_i64 k204 = (sn_i64)(k202 == k203);
                    const sn_i64 k206 = (sn_i64)(k202 != k202);
                    c206[c * 8 + j] = k206;
                    const sn_i64 k207 = (sn_i64)(k205 != 0 && k206 != 0);
                    const sn_i64 k208 = (sn_i64)(k204 != 0 || k207 != 0);
                    const sn_i64 k209 = k208 != 0 ? k0 : k19;
                    acc21 = sn_ifold_min(acc21, k20);
                    acc48 = sn_ifold_min(acc48, k47);
                    acc75 = sn_ifold_min(acc75, k74);
                    acc102 = sn_ifold_min(acc102, k101);
                    acc129 = sn_ifold_min(acc129, k128);
                    acc156 = sn_ifold_min(acc156, k155);
                    acc183 = sn_ifold_min(acc183, k182);
                    acc210 = sn_ifold_min(acc210, k209);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc21, off, 64);
                acc21 = sn_ifold_min(acc21, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc48, off, 64);
                acc48 = sn_ifold_min(acc48, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc75, off, 64);
                acc75 = sn_ifold_min(acc75, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc102, off, 64);
                acc102 = sn_ifold_min(acc102, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc129, off, 64);
                acc129 = sn_ifold_min(acc129, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc156, off, 64);
                acc156 = sn_ifold_min(acc156, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc183, off, 64);
                acc183 = sn_ifold_min(acc183, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc210, off, 64);
                acc210 = sn_ifold_min(acc210, other);
            }
            acc21 = __shfl(acc21, 0, 16);
            acc48 = __shfl(acc48, 0, 16);
            acc75 = __shfl(acc75, 0, 16);
            acc102 = __shfl(acc102, 0, 16);
            acc129 = __shfl(acc129, 0, 16);
            acc156 = __shfl(acc156, 0, 16);
            acc183 = __shfl(acc183, 0, 16);
            acc210 = __shfl(acc210, 0, 16);
            const sn_i64 k21 = acc21;
            const sn_i64 k48 = acc48;
            const sn_i64 k75 = acc75;
            const sn_i64 k102 = acc102;
            const sn_i64 k129 = acc129;
            const sn_i64 k156 = acc156;
            const sn_i64 k183 = acc183;
            const sn_i64 k210 = acc210;
            float acc24 = sn_u2f(0xff800000u);
            float acc27 = sn_u2f(0xff800000u);
            float acc51 = sn_u2f(0xff800000u);
            float acc54 = sn_u2f(0xff800000u);
            float acc78 = sn_u2f(0xff800000u);
            float acc81 = sn_u2f(0xff800000u);
            float acc105 = sn_u2f(0xff800000u);
            float acc108 = sn_u2f(0xff800000u);
            float acc132 = sn_u2f(0xff800000u);
            float acc135 = sn_u2f(0xff800000u);
            float acc159 = sn_u2f(0xff800000u);
            float acc162 = sn_u2f(0xff800000u);
            float acc186 = sn_u2f(0xff800000u);
            float acc189 = sn_u2f(0xff800000u);
            float acc213 = sn_u2f(0xff800000u);
            float acc216 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k12 = c12[c * 8 + j];
                    const sn_i64 k22 = (sn_i64)(k0 == k21);
                    const float k23 = k22 != 0 ? k12 : k11;
                    const sn_i64 k25 = (sn_i64)(k0 != k21);
                    const float k26 = k25 != 0 ? k12 : k11;
                    const float k40 = c40[c * 8 + j];
                    const sn_i64 k49 = (sn_i64)(k0 == k48);
                    const float k50 = k49 != 0 ? k40 : k11;
                    const sn_i64 k52 = (sn_i64)(k0 != k48);
                    const float k53 = k52 != 0 ? k40 : k11;
                    const float k67 = c67[c * 8 + j];
                    const sn_i64 k76 = (sn_i64)(k0 == k75);
                    const float k77 = k76 != 0 ? k67 : k11;
                    const sn_i64 k79 = (sn_i64)(k0 != k75);
                    const float k80 = k79 != 0 ? k67 : k11;
                    const float k94 = c94[c * 8 + j];
                    const sn_i64 k103 = (sn_i64)(k0 == k102);
                    const float k104 = k103 != 0 ? k94 : k11;
                    const sn_i64 k106 = (sn_i64)(k0 != k102);
                    const float k107 = k106 != 0 ? k94 : k11;
                    const float k121 = c121[c * 8 + j];
                    const sn_i64 k130 = (sn_i64)(k0 == k129);
                    const float k131 = k130 != 0 ? k121 : k11;
                    const sn_i64 k133 = (sn_i64)(k0 != k129);
                    const float k134 = k133 != 0 ? k121 : k11;
                    const float k148 = c148[c * 8 + j];
                    const sn_i64 k157 = (sn_i64)(k0 == k156);
                    const float k158 = k157 != 0 ? k148 : k11;
                    const sn_i64 k160 = (sn_i64)(k0 != k156);
                    const float k161 = k160 != 0 ? k148 : k11;
                    const float k175 = c175[c * 8 + j];
                    const sn_i64 k184 = (sn_i64)(k0 == k183);
                    const float k185 = k184 != 0 ? k175 : k11;
                    const sn_i64 k187 = (sn_i64)(k0 != k183);
                    const float k188 = k187 != 0 ? k175 : k11;
                    const float k202 = c202[c * 8 + j];
                    const sn_i64 k211 = (sn_i64)(k0 == k210);
                    const float k212 = k211 != 0 ? k202 : k11;
                    const sn_i64 k214 = (sn_i64)(k0 != k210);
                    const float k215 = k214 != 0 ? k202 : k11;
                    acc24 = sn_fold_max(acc24, k23);
                    acc27 = sn_fold_max(acc27, k26);
                    acc51 = sn_fold_max(acc51, k50);
                    acc54 = sn_fold_max(acc54, k53);
                    acc78 = sn_fold_max(acc78, k77);
                    acc81 = sn_fold_max(acc81, k80);
                    acc105 = sn_fold_max(acc105, k104);
                    acc108 = sn_fold_max(acc108, k107);
                    acc132 = sn_fold_max(acc132, k131);
                    acc135 = sn_fold_max(acc135, k134);
                    acc159 = sn_fold_max(acc159, k158);
                    acc162 = sn_fold_max(acc162, k161);
                    acc186 = sn_fold_max(acc186, k185);
                    acc189 = sn_fold_max(acc189, k188);
                    acc213 = sn_fold_max(acc213, k212);
                    acc216 = sn_fold_max(acc216, k215);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc24, off, 64);
                acc24 = sn_fold_max(acc24, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc27, off, 64);
                acc27 = sn_fold_max(acc27, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc51, off, 64);
                acc51 = sn_fold_max(acc51, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc54, off, 64);
                acc54 = sn_fold_max(acc54, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc78, off, 64);
                acc78 = sn_fold_max(acc78, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc81, off, 64);
                acc81 = sn_fold_max(acc81, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc105, off, 64);
                acc105 = sn_fold_max(acc105, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc108, off, 64);
                acc108 = sn_fold_max(acc108, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc132, off, 64);
                acc132 = sn_fold_max(acc132, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc135, off, 64);
                acc135 = sn_fold_max(acc135, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc159, off, 64);
                acc159 = sn_fold_max(acc159, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc162, off, 64);
                acc162 = sn_fold_max(acc162, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc186, off, 64);
                acc186 = sn_fold_max(acc186, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc189, off, 64);
                acc189 = sn_fold_max(acc189, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc213, off, 64);
                acc213 = sn_fold_max(acc213, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc216, off, 64);
                acc216 = sn_fold_max(acc216, other);
            }
            acc24 = __shfl(acc24, 0, 16);
            acc27 = __shfl(acc27, 0, 16);
            acc51 = __shfl(acc51, 0, 16);
            acc54 = __shfl(acc54, 0, 16);
            acc78 = __shfl(acc78, 0, 16);
            acc81 = __shfl(acc81, 0, 16);
            acc105 = __shfl(acc105, 0, 16);
            acc108 = __shfl(acc108, 0, 16);
            acc132 = __shfl(acc132, 0, 16);
            acc135 = __shfl(acc135, 0, 16);
            acc159 = __shfl(acc159, 0, 16);
            acc162 = __shfl(acc162, 0, 16);
            acc186 = __shfl(acc186, 0, 16);
            acc189 = __shfl(acc189, 0, 16);
            acc213 = __shfl(acc213, 0, 16);
            acc216 = __shfl(acc216, 0, 16);
            const float k24 = acc24;
            const float k27 = acc27;
            const float k51 = acc51;
            const float k54 = acc54;
            const float k78 = acc78;
            const float k81 = acc81;
            const float k105 = acc105;
            const float k108 = acc108;
            const float k132 = acc132;
            const float k135 = acc135;
            const float k159 = acc159;
            const float k162 = acc162;
            const float k186 = acc186;
            const float k189 = acc189;
            const float k213 = acc213;
            const float k216 = acc216;
            const sn_i64 k29 = (sn_i64)(k27 != k27);
            const sn_i64 k56 = (sn_i64)(k54 != k54);
            const sn_i64 k83 = (sn_i64)(k81 != k81);
            const sn_i64 k110 = (sn_i64)(k108 != k108);
            const sn_i64 k137 = (sn_i64)(k135 != k135);
            const sn_i64 k164 = (sn_i64)(k162 != k162);
            const sn_i64 k191 = (sn_i64)(k189 != k189);
            const sn_i64 k218 = (sn_i64)(k216 != k216);
            sn_i64 acc34 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc61 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc88 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc115 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc142 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc169 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc196 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc223 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k12 = c12[c * 8 + j];
                    const sn_i64 k16 = c16[c * 8 + j];
                    const sn_i64 k25 = (sn_i64)(k0 != k21);
                    const sn_i64 k28 = (sn_i64)(k12 == k27);
                    const sn_i64 k30 = (sn_i64)(k29 != 0 && k16 != 0);
                    const sn_i64 k31 = (sn_i64)(k28 != 0 || k30 != 0);
                    const sn_i64 k32 = (sn_i64)(k25 != 0 && k31 != 0);
                    const sn_i64 k33 = k32 != 0 ? k0 : k19;
                    const float k40 = c40[c * 8 + j];
                    const sn_i64 k44 = c44[c * 8 + j];
                    const sn_i64 k52 = (sn_i64)(k0 != k48);
                    const sn_i64 k55 = (sn_i64)(k40 == k54);
                    const sn_i64 k57 = (sn_i64)(k56 != 0 && k44 != 0);
                    const sn_i64 k58 = (sn_i64)(k55 != 0 || k57 != 0);
                    const sn_i64 k59 = (sn_i64)(k52 != 0 && k58 != 0);
                    const sn_i64 k60 = k59 != 0 ? k0 : k19;
                    const float k67 = c67[c * 8 + j];
                    const sn_i64 k71 = c71[c * 8 + j];
                    const sn_i64 k79 = (sn_i64)(k0 != k75);
                    const sn_i64 k82 = (sn_i64)(k67 == k81);
                    const sn_i64 k84 = (sn_i64)(k83 != 0 && k71 != 0);
                    const sn_i64 k85 = (sn_i64)(k82 != 0 || k84 != 0);
                    const sn_i64 k86 = (sn_i64)(k79 != 0 && k85 != 0);
                    const sn_i64 k87 = k86 != 0 ? k0 : k19;
                    const float k94 = c94[c * 8 + j];
                    const sn_i64 k98 = c98[c * 8 + j];
                    const sn_i64 k106 = (sn_i64)(k0 != k102);
                    const sn_i64 k109 = (sn_i64)(k94 == k108);
                    const sn_i64 k111 = (sn_i64)(k110 != 0 && k98 != 0);
                    const sn_i64 k112 = (sn_i64)(k109 != 0 || k111 != 0);
                    const sn_i64 k113 = (sn_i64)(k106 != 0 && k112 != 0);
                    const sn_i64 k114 = k113 != 0 ? k0 : k19;
                    const float k121 = c121[c * 8 + j];
                    const sn_i64 k125 = c125[c * 8 + j];
                    const sn_i64 k133 = (sn_i64)(k0 != k129);
                    const sn_i64 k136 = (sn_i64)(k121 == k135);
                    const sn_i64 k138 = (sn_i64)(k137 != 0 && k125 != 0);
                    const sn_i64 k139 = (sn_i64)(k136 != 0 || k138 != 0);
                    const sn_i64 k140 = (sn_i64)(k133 != 0 && k139 != 0);
                    const sn_i64 k141 = k140 != 0 ? k0 : k19;
                    const float k148 = c148[c * 8 + j];
                    const sn_i64 k152 = c152[c * 8 + j];
                    const sn_i64 k160 = (sn_i64)(k0 != k156);
                    const sn_i64 k163 = (sn_i64)(k148 == k162);
                    const sn_i64 k165 = (sn_i64)(k164 != 0 && k152 != 0);
                    const sn_i64 k166 = (sn_i64)(k163 != 0 || k165 != 0);
                    const sn_i64 k167 = (sn_i64)(k160 != 0 && k166 != 0);
                    const sn_i64 k168 = k167 != 0 ? k0 : k19;
                    const float k175 = c175[c * 8 + j];
                    const sn_i64 k179 = c179[c * 8 + j];
                    const sn_i64 k187 = (sn_i64)(k0 != k183);
                    const sn_i64 k190 = (sn_i64)(k175 == k189);
                    const sn_i64 k192 = (sn_i64)(k191 != 0 && k179 != 0);
                    const sn_i64 k193 = (sn_i64)(k190 != 0 || k192 != 0);
                    const sn_i64 k194 = (sn_i64)(k187 != 0 && k193 != 0);
                    const sn_i64 k195 = k194 != 0 ? k0 : k19;
                    const float k202 = c202[c * 8 + j];
                    const sn_i64 k206 = c206[c * 8 + j];
                    const sn_i64 k214 = (sn_i64)(k0 != k210);
                    const sn_i64 k217 = (sn_i64)(k202 == k216);
                    const sn_i64 k219 = (sn_i64)(k218 != 0 && k206 != 0);
                    const sn_i64 k220 = (sn_i64)(k217 != 0 || k219 != 0);
                    const sn_i64 k221 = (sn_i64)(k214 != 0 && k220 != 0);
                    const sn_i64 k222 = k221 != 0 ? k0 : k19;
                    acc34 = sn_ifold_min(acc34, k33);
                    acc61 = sn_ifold_min(acc61, k60);
                    acc88 = sn_ifold_min(acc88, k87);
                    acc115 = sn_ifold_min(acc115, k114);
                    acc142 = sn_ifold_min(acc142, k141);
                    acc169 = sn_ifold_min(acc169, k168);
                    acc196 = sn_ifold_min(acc196, k195);
                    acc223 = sn_ifold_min(acc223, k222);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc34, off, 64);
                acc34 = sn_ifold_min(acc34, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc61, off, 64);
                acc61 = sn_ifold_min(acc61, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc88, off, 64);
                acc88 = sn_ifold_min(acc88, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc115, off, 64);
                acc115 = sn_ifold_min(acc115, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc142, off, 64);
                acc142 = sn_ifold_min(acc142, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc169, off, 64);
                acc169 = sn_ifold_min(acc169, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc196, off, 64);
                acc196 = sn_ifold_min(acc196, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc223, off, 64);
                acc223 = sn_ifold_min(acc223, other);
            }
            acc34 = __shfl(acc34, 0, 16);
            acc61 = __shfl(acc61, 0, 16);
            acc88 = __shfl(acc88, 0, 16);
            acc115 = __shfl(acc115, 0, 16);
            acc142 = __shfl(acc142, 0, 16);
            acc169 = __shfl(acc169, 0, 16);
            acc196 = __shfl(acc196, 0, 16);
            acc223 = __shfl(acc223, 0, 16);
            const sn_i64 k34 = acc34;
            const sn_i64 k61 = acc61;
            const sn_i64 k88 = acc88;
            const sn_i64 k115 = acc115;
            const sn_i64 k142 = acc142;
            const sn_i64 k169 = acc169;
            const sn_i64 k196 = acc196;
            const sn_i64 k223 = acc223;
            float acc37 = sn_u2f(0xff800000u);
            float acc64 = sn_u2f(0xff800000u);
            float acc91 = sn_u2f(0xff800000u);
            float acc118 = sn_u2f(0xff800000u);
            float acc145 = sn_u2f(0xff800000u);
            float acc172 = sn_u2f(0xff800000u);
            float acc199 = sn_u2f(0xff800000u);
            float acc226 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k12 = c12[c * 8 + j];
                    const sn_i64 k35 = (sn_i64)(k0 == k34);
                    const float k36 = k35 != 0 ? k12 : k11;
                    const float k40 = c40[c * 8 + j];
                    const sn_i64 k62 = (sn_i64)(k0 == k61);
                    const float k63 = k62 != 0 ? k40 : k11;
                    const float k67 = c67[c * 8 + j];
                    const sn_i64 k89 = (sn_i64)(k0 == k88);
                    const float k90 = k89 != 0 ? k67 : k11;
                    const float k94 = c94[c * 8 + j];
                    const sn_i64 k116 = (sn_i64)(k0 == k115);
                    const float k117 = k116 != 0 ? k94 : k11;
                    const float k121 = c121[c * 8 + j];
                    const sn_i64 k143 = (sn_i64)(k0 == k142);
                    const float k144 = k143 != 0 ? k121 : k11;
                    const float k148 = c148[c * 8 + j];
                    const sn_i64 k170 = (sn_i64)(k0 == k169);
                    const float k171 = k170 != 0 ? k148 : k11;
                    const float k175 = c175[c * 8 + j];
                    const sn_i64 k197 = (sn_i64)(k0 == k196);
                    const float k198 = k197 != 0 ? k175 : k11;
                    const float k202 = c202[c * 8 + j];
                    const sn_i64 k224 = (sn_i64)(k0 == k223);
                    const float k225 = k224 != 0 ? k202 : k11;
                    acc37 = sn_fold_max(acc37, k36);
                    acc64 = sn_fold_max(acc64, k63);
                    acc91 = sn_fold_max(acc91, k90);
                    acc118 = sn_fold_max(acc118, k117);
                    acc145 = sn_fold_max(acc145, k144);
                    acc172 = sn_fold_max(acc172, k171);
                    acc199 = sn_fold_max(acc199, k198);
                    acc226 = sn_fold_max(acc226, k225);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc37, off, 64);
                acc37 = sn_fold_max(acc37, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc64, off, 64);
                acc64 = sn_fold_max(acc64, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc91, off, 64);
                acc91 = sn_fold_max(acc91, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc118, off, 64);
                acc118 = sn_fold_max(acc118, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc145, off, 64);
                acc145 = sn_fold_max(acc145, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc172, off, 64);
                acc172 = sn_fold_max(acc172, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc199, off, 64);
                acc199 = sn_fold_max(acc199, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc226, off, 64);
                acc226 = sn_fold_max(acc226, other);
            }
            acc37 = __shfl(acc37, 0, 16);
            acc64 = __shfl(acc64, 0, 16);
            acc91 = __shfl(acc91, 0, 16);
            acc118 = __shfl(acc118, 0, 16);
            acc145 = __shfl(acc145, 0, 16);
            acc172 = __shfl(acc172, 0, 16);
            acc199 = __shfl(acc199, 0, 16);
            acc226 = __shfl(acc226, 0, 16);
            const float k37 = acc37;
            const float k64 = acc64;
            const float k91 = acc91;
            const float k118 = acc118;
            const float k145 = acc145;
            const float k172 = acc172;
            const float k199 = acc199;
            const float k226 = acc226;
            const float k230 = k213 + k226;
            const float k232 = k186 + k199;
            const float k236 = k159 + k172;
            const float k240 = k132 + k145;
            const float k244 = k105 + k118;
            const float k248 = k78 + k91;
            const float k252 = k51 + k64;
            const float k256 = k24 + k37;
            float acc260 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    acc260 = sn_fold_max(acc260, k259);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc260, off, 64);
                acc260 = sn_fold_max(acc260, other);
            }
            acc260 = __shfl(acc260, 0, 16);
            const float k260 = acc260;
            const sn_i64 k262 = (sn_i64)(k260 != k260);
            sn_i64 acc267 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k261 = (sn_i64)(k259 == k260);
                    const sn_i64 k263 = (sn_i64)(k259 != k259);
                    const sn_i64 k264 = (sn_i64)(k262 != 0 && k263 != 0);
                    const sn_i64 k265 = (sn_i64)(k261 != 0 || k264 != 0);
                    const sn_i64 k266 = k265 != 0 ? k0 : k19;
                    acc267 = sn_ifold_min(acc267, k266);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc267, off, 64);
                acc267 = sn_ifold_min(acc267, other);
            }
            acc267 = __shfl(acc267, 0, 16);
            const sn_i64 k267 = acc267;
            const sn_i64 k301 = sn_ifloordiv(k267, k300, 32, 1);
            float acc270 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const float k269 = k268 != 0 ? k259 : k11;
                    acc270 = sn_fold_max(acc270, k269);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc270, off, 64);
                acc270 = sn_fold_max(acc270, other);
            }
            acc270 = __shfl(acc270, 0, 16);
            const float k270 = acc270;
            const sn_i64 k272 = (sn_i64)(k270 != k270);
            sn_i64 acc277 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k263 = (sn_i64)(k259 != k259);
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k271 = (sn_i64)(k259 == k270);
                    const sn_i64 k273 = (sn_i64)(k272 != 0 && k263 != 0);
                    const sn_i64 k274 = (sn_i64)(k271 != 0 || k273 != 0);
                    const sn_i64 k275 = (sn_i64)(k268 != 0 && k274 != 0);
                    const sn_i64 k276 = k275 != 0 ? k0 : k19;
                    acc277 = sn_ifold_min(acc277, k276);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc277, off, 64);
                acc277 = sn_ifold_min(acc277, other);
            }
            acc277 = __shfl(acc277, 0, 16);
            const sn_i64 k277 = acc277;
            const sn_i64 k303 = sn_ifloordiv(k277, k300, 32, 1);
            float acc281 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k278 = (sn_i64)(k0 != k277);
                    const sn_i64 k279 = (sn_i64)(k268 != 0 && k278 != 0);
                    const float k280 = k279 != 0 ? k259 : k11;
                    acc281 = sn_fold_max(acc281, k280);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc281, off, 64);
                acc281 = sn_fold_max(acc281, other);
            }
            acc281 = __shfl(acc281, 0, 16);
            const float k281 = acc281;
            const sn_i64 k283 = (sn_i64)(k281 != k281);
            sn_i64 acc288 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k263 = (sn_i64)(k259 != k259);
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k278 = (sn_i64)(k0 != k277);
                    const sn_i64 k279 = (sn_i64)(k268 != 0 && k278 != 0);
                    const sn_i64 k282 = (sn_i64)(k259 == k281);
                    const sn_i64 k284 = (sn_i64)(k283 != 0 && k263 != 0);
                    const sn_i64 k285 = (sn_i64)(k282 != 0 || k284 != 0);
                    const sn_i64 k286 = (sn_i64)(k279 != 0 && k285 != 0);
                    const sn_i64 k287 = k286 != 0 ? k0 : k19;
                    acc288 = sn_ifold_min(acc288, k287);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc288, off, 64);
                acc288 = sn_ifold_min(acc288, other);
            }
            acc288 = __shfl(acc288, 0, 16);
            const sn_i64 k288 = acc288;
            const sn_i64 k306 = sn_ifloordiv(k288, k300, 32, 1);
            float acc292 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k278 = (sn_i64)(k0 != k277);
                    const sn_i64 k279 = (sn_i64)(k268 != 0 && k278 != 0);
                    const sn_i64 k289 = (sn_i64)(k0 != k288);
                    const sn_i64 k290 = (sn_i64)(k279 != 0 && k289 != 0);
                    const float k291 = k290 != 0 ? k259 : k11;
                    acc292 = sn_fold_max(acc292, k291);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc292, off, 64);
                acc292 = sn_fold_max(acc292, other);
            }
            acc292 = __shfl(acc292, 0, 16);
            const float k292 = acc292;
            const sn_i64 k294 = (sn_i64)(k292 != k292);
            sn_i64 acc299 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k263 = (sn_i64)(k259 != k259);
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k278 = (sn_i64)(k0 != k277);
                    const sn_i64 k279 = (sn_i64)(k268 != 0 && k278 != 0);
                    const sn_i64 k289 = (sn_i64)(k0 != k288);
                    const sn_i64 k290 = (sn_i64)(k279 != 0 && k289 != 0);
                    const sn_i64 k293 = (sn_i64)(k259 == k292);
                    const sn_i64 k295 = (sn_i64)(k294 != 0 && k263 != 0);
                    const sn_i64 k296 = (sn_i64)(k293 != 0 || k295 != 0);
                    const sn_i64 k297 = (sn_i64)(k290 != 0 && k296 != 0);
                    const sn_i64 k298 = k297 != 0 ? k0 : k19;
                    acc299 = sn_ifold_min(acc299, k298);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc299, off, 64);
                acc299 = sn_ifold_min(acc299, other);
            }
            acc299 = __shfl(acc299, 0, 16);
            const sn_i64 k299 = acc299;
            const sn_i64 k309 = sn_ifloordiv(k299, k300, 32, 1);
            float acc313 = sn_u2f(0xff800000u);
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
                    const sn_i64 k302 = (sn_i64)(k2 == k301);
                    const sn_i64 k304 = (sn_i64)(k2 == k303);
                    const sn_i64 k305 = (sn_i64)(k302 != 0 || k304 != 0);
                    const sn_i64 k307 = (sn_i64)(k2 == k306);
                    const sn_i64 k308 = (sn_i64)(k305 != 0 || k307 != 0);
                    const sn_i64 k310 = (sn_i64)(k2 == k309);
                    const sn_i64 k311 = (sn_i64)(k308 != 0 || k310 != 0);
                    const float k312 = k311 != 0 ? k10 : k11;
                    c312[c * 8 + j] = k312;
                    acc313 = sn_fold_max(acc313, k312);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc313, off, 64);
                acc313 = sn_fold_max(acc313, other);
            }
            acc313 = __shfl(acc313, 0, 16);
            const float k313 = acc313;
            const sn_i64 k315 = (sn_i64)(k313 != k313);
            sn_i64 acc320 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k314 = (sn_i64)(k312 == k313);
                    const sn_i64 k316 = (sn_i64)(k312 != k312);
                    c316[c * 8 + j] = k316;
                    const sn_i64 k317 = (sn_i64)(k315 != 0 && k316 != 0);
                    const sn_i64 k318 = (sn_i64)(k314 != 0 || k317 != 0);
                    const sn_i64 k319 = k318 != 0 ? k0 : k19;
                    acc320 = sn_ifold_min(acc320, k319);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc320, off, 64);
                acc320 = sn_ifold_min(acc320, other);
            }
            acc320 = __shfl(acc320, 0, 16);
            const sn_i64 k320 = acc320;
            float acc323 = sn_u2f(0xff800000u);
            float acc399 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const float k322 = k321 != 0 ? k312 : k11;
                    const sn_i64 k397 = (sn_i64)(k0 == k320);
                    const float k398 = k397 != 0 ? k7 : k11;
                    acc323 = sn_fold_max(acc323, k322);
                    acc399 = sn_fold_max(acc399, k398);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc323, off, 64);
                acc323 = sn_fold_max(acc323, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc399, off, 64);
                acc399 = sn_fold_max(acc399, other);
            }
            acc323 = __shfl(acc323, 0, 16);
            acc399 = __shfl(acc399, 0, 16);
            const float k323 = acc323;
            const float k399 = acc399;
            const sn_i64 k325 = (sn_i64)(k323 != k323);
            sn_i64 acc330 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k324 = (sn_i64)(k312 == k323);
                    const sn_i64 k326 = (sn_i64)(k325 != 0 && k316 != 0);
                    const sn_i64 k327 = (sn_i64)(k324 != 0 || k326 != 0);
                    const sn_i64 k328 = (sn_i64)(k321 != 0 && k327 != 0);
                    const sn_i64 k329 = k328 != 0 ? k0 : k19;
                    acc330 = sn_ifold_min(acc330, k329);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc330, off, 64);
                acc330 = sn_ifold_min(acc330, other);
            }
            acc330 = __shfl(acc330, 0, 16);
            const sn_i64 k330 = acc330;
            float acc334 = sn_u2f(0xff800000u);
            float acc402 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const float k333 = k332 != 0 ? k312 : k11;
                    const sn_i64 k400 = (sn_i64)(k0 == k330);
                    const float k401 = k400 != 0 ? k7 : k11;
                    acc334 = sn_fold_max(acc334, k333);
                    acc402 = sn_fold_max(acc402, k401);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc334, off, 64);
                acc334 = sn_fold_max(acc334, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc402, off, 64);
                acc402 = sn_fold_max(acc402, other);
            }
            acc334 = __shfl(acc334, 0, 16);
            acc402 = __shfl(acc402, 0, 16);
            const float k334 = acc334;
            const float k402 = acc402;
            const sn_i64 k336 = (sn_i64)(k334 != k334);
            const float k421 = k399 + k402;
            sn_i64 acc341 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k335 = (sn_i64)(k312 == k334);
                    const sn_i64 k337 = (sn_i64)(k336 != 0 && k316 != 0);
                    const sn_i64 k338 = (sn_i64)(k335 != 0 || k337 != 0);
                    const sn_i64 k339 = (sn_i64)(k332 != 0 && k338 != 0);
                    const sn_i64 k340 = k339 != 0 ? k0 : k19;
                    acc341 = sn_ifold_min(acc341, k340);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc341, off, 64);
                acc341 = sn_ifold_min(acc341, other);
            }
            acc341 = __shfl(acc341, 0, 16);
            const sn_i64 k341 = acc341;
            float acc345 = sn_u2f(0xff800000u);
            float acc405 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const float k344 = k343 != 0 ? k312 : k11;
                    const sn_i64 k403 = (sn_i64)(k0 == k341);
                    const float k404 = k403 != 0 ? k7 : k11;
                    acc345 = sn_fold_max(acc345, k344);
                    acc405 = sn_fold_max(acc405, k404);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc345, off, 64);
                acc345 = sn_fold_max(acc345, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc405, off, 64);
                acc405 = sn_fold_max(acc405, other);
            }
            acc345 = __shfl(acc345, 0, 16);
            acc405 = __shfl(acc405, 0, 16);
            const float k345 = acc345;
            const float k405 = acc405;
            const sn_i64 k347 = (sn_i64)(k345 != k345);
            const float k422 = k421 + k405;
            sn_i64 acc352 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k346 = (sn_i64)(k312 == k345);
                    const sn_i64 k348 = (sn_i64)(k347 != 0 && k316 != 0);
                    const sn_i64 k349 = (sn_i64)(k346 != 0 || k348 != 0);
                    const sn_i64 k350 = (sn_i64)(k343 != 0 && k349 != 0);
                    const sn_i64 k351 = k350 != 0 ? k0 : k19;
                    acc352 = sn_ifold_min(acc352, k351);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc352, off, 64);
                acc352 = sn_ifold_min(acc352, other);
            }
            acc352 = __shfl(acc352, 0, 16);
            const sn_i64 k352 = acc352;
            float acc356 = sn_u2f(0xff800000u);
            float acc408 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const float k355 = k354 != 0 ? k312 : k11;
                    const sn_i64 k406 = (sn_i64)(k0 == k352);
                    const float k407 = k406 != 0 ? k7 : k11;
                    acc356 = sn_fold_max(acc356, k355);
                    acc408 = sn_fold_max(acc408, k407);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc356, off, 64);
                acc356 = sn_fold_max(acc356, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc408, off, 64);
                acc408 = sn_fold_max(acc408, other);
            }
            acc356 = __shfl(acc356, 0, 16);
            acc408 = __shfl(acc408, 0, 16);
            const float k356 = acc356;
            const float k408 = acc408;
            const sn_i64 k358 = (sn_i64)(k356 != k356);
            const float k423 = k422 + k408;
            sn_i64 acc363 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k357 = (sn_i64)(k312 == k356);
                    const sn_i64 k359 = (sn_i64)(k358 != 0 && k316 != 0);
                    const sn_i64 k360 = (sn_i64)(k357 != 0 || k359 != 0);
                    const sn_i64 k361 = (sn_i64)(k354 != 0 && k360 != 0);
                    const sn_i64 k362 = k361 != 0 ? k0 : k19;
                    acc363 = sn_ifold_min(acc363, k362);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc363, off, 64);
                acc363 = sn_ifold_min(acc363, other);
            }
            acc363 = __shfl(acc363, 0, 16);
            const sn_i64 k363 = acc363;
            float acc367 = sn_u2f(0xff800000u);
            float acc411 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const float k366 = k365 != 0 ? k312 : k11;
                    const sn_i64 k409 = (sn_i64)(k0 == k363);
                    const float k410 = k409 != 0 ? k7 : k11;
                    acc367 = sn_fold_max(acc367, k366);
                    acc411 = sn_fold_max(acc411, k410);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc367, off, 64);
                acc367 = sn_fold_max(acc367, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc411, off, 64);
                acc411 = sn_fold_max(acc411, other);
            }
            acc367 = __shfl(acc367, 0, 16);
            acc411 = __shfl(acc411, 0, 16);
            const float k367 = acc367;
            const float k411 = acc411;
            const sn_i64 k369 = (sn_i64)(k367 != k367);
            const float k424 = k423 + k411;
            sn_i64 acc374 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k368 = (sn_i64)(k312 == k367);
                    const sn_i64 k370 = (sn_i64)(k369 != 0 && k316 != 0);
                    const sn_i64 k371 = (sn_i64)(k368 != 0 || k370 != 0);
                    const sn_i64 k372 = (sn_i64)(k365 != 0 && k371 != 0);
                    const sn_i64 k373 = k372 != 0 ? k0 : k19;
                    acc374 = sn_ifold_min(acc374, k373);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc374, off, 64);
                acc374 = sn_ifold_min(acc374, other);
            }
            acc374 = __shfl(acc374, 0, 16);
            const sn_i64 k374 = acc374;
            float acc378 = sn_u2f(0xff800000u);
            float acc414 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k375 = (sn_i64)(k0 != k374);
                    const sn_i64 k376 = (sn_i64)(k365 != 0 && k375 != 0);
                    const float k377 = k376 != 0 ? k312 : k11;
                    const sn_i64 k412 = (sn_i64)(k0 == k374);
                    const float k413 = k412 != 0 ? k7 : k11;
                    acc378 = sn_fold_max(acc378, k377);
                    acc414 = sn_fold_max(acc414, k413);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc378, off, 64);
                acc378 = sn_fold_max(acc378, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc414, off, 64);
                acc414 = sn_fold_max(acc414, other);
            }
            acc378 = __shfl(acc378, 0, 16);
            acc414 = __shfl(acc414, 0, 16);
            const float k378 = acc378;
            const float k414 = acc414;
            const sn_i64 k380 = (sn_i64)(k378 != k378);
            const float k425 = k424 + k414;
            sn_i64 acc385 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k375 = (sn_i64)(k0 != k374);
                    const sn_i64 k376 = (sn_i64)(k365 != 0 && k375 != 0);
                    const sn_i64 k379 = (sn_i64)(k312 == k378);
                    const sn_i64 k381 = (sn_i64)(k380 != 0 && k316 != 0);
                    const sn_i64 k382 = (sn_i64)(k379 != 0 || k381 != 0);
                    const sn_i64 k383 = (sn_i64)(k376 != 0 && k382 != 0);
                    const sn_i64 k384 = k383 != 0 ? k0 : k19;
                    acc385 = sn_ifold_min(acc385, k384);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc385, off, 64);
                acc385 = sn_ifold_min(acc385, other);
            }
            acc385 = __shfl(acc385, 0, 16);
            const sn_i64 k385 = acc385;
            float acc389 = sn_u2f(0xff800000u);
            float acc417 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k375 = (sn_i64)(k0 != k374);
                    const sn_i64 k376 = (sn_i64)(k365 != 0 && k375 != 0);
                    const sn_i64 k386 = (sn_i64)(k0 != k385);
                    const sn_i64 k387 = (sn_i64)(k376 != 0 && k386 != 0);
                    const float k388 = k387 != 0 ? k312 : k11;
                    const sn_i64 k415 = (sn_i64)(k0 == k385);
                    const float k416 = k415 != 0 ? k7 : k11;
                    acc389 = sn_fold_max(acc389, k388);
                    acc417 = sn_fold_max(acc417, k416);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc389, off, 64);
                acc389 = sn_fold_max(acc389, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc417, off, 64);
                acc417 = sn_fold_max(acc417, other);
            }
            acc389 = __shfl(acc389, 0, 16);
            acc417 = __shfl(acc417, 0, 16);
            const float k389 = acc389;
            const float k417 = acc417;
            const sn_i64 k391 = (sn_i64)(k389 != k389);
            const float k426 = k425 + k417;
            sn_i64 acc396 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 8 + j];
                    const sn_i64 k316 = c316[c * 8 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k375 = (sn_i64)(k0 != k374);
                    const sn_i64 k376 = (sn_i64)(k365 != 0 && k375 != 0);
                    const sn_i64 k386 = (sn_i64)(k0 != k385);
                    const sn_i64 k387 = (sn_i64)(k376 != 0 && k386 != 0);
                    const sn_i64 k390 = (sn_i64)(k312 == k389);
                    const sn_i64 k392 = (sn_i64)(k391 != 0 && k316 != 0);
                    const sn_i64 k393 = (sn_i64)(k390 != 0 || k392 != 0);
                    const sn_i64 k394 = (sn_i64)(k387 != 0 && k393 != 0);
                    const sn_i64 k395 = k394 != 0 ? k0 : k19;
                    acc396 = sn_ifold_min(acc396, k395);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc396, off, 64);
                acc396 = sn_ifold_min(acc396, other);
            }
            acc396 = __shfl(acc396, 0, 16);
            const sn_i64 k396 = acc396;
            float acc420 = sn_u2f(0xff800000u);
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
                    const sn_i64 k418 = (sn_i64)(k0 == k396);
                    const float k419 = k418 != 0 ? k7 : k11;
                    acc420 = sn_fold_max(acc420, k419);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc420, off, 64);
                acc420 = sn_fold_max(acc420, other);
            }
            acc420 = __shfl(acc420, 0, 16);
            const float k420 = acc420;
            const float k427 = k426 + k420;
            const float k428 = sn_div(k399, k427);
            const float k430 = k428 * k429;
            const float k431 = sn_div(k402, k427);
            const float k432 = k431 * k429;
            const float k433 = sn_div(k405, k427);
            const float k434 = k433 * k429;
            const float k435 = sn_div(k408, k427);
            const float k436 = k435 * k429;
            const float k437 = sn_div(k411, k427);
            const float k438 = k437 * k429;
            const float k439 = sn_div(k414, k427);
            const float k440 = k439 * k429;
            const float k441 = sn_div(k417, k427);
            const float k442 = k441 * k429;
            const float k443 = sn_div(k420, k427);
            const float k444 = k443 * k429;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)0] = k430;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)1] = k432;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)2] = k434;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)3] = k436;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)4] = k438;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)5] = k440;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)6] = k442;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)7] = k444;
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)0] = (int)sn_wrap(k320, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)1] = (int)sn_wrap(k330, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)2] = (int)sn_wrap(k341, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)3] = (int)sn_wrap(k352, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)4] = (int)sn_wrap(k363, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)5] = (int)sn_wrap(k374, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)6] = (int)sn_wrap(k385, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)7] = (int)sn_wrap(k396, 32);
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
            sn_i64 c16[4];
            float c40[4];
            sn_i64 c44[4];
            float c67[4];
            sn_i64 c71[4];
            float c94[4];
            sn_i64 c98[4];
            float c121[4];
            sn_i64 c125[4];
            float c148[4];
            sn_i64 c152[4];
            float c175[4];
            sn_i64 c179[4];
            float c202[4];
            sn_i64 c206[4];
            float c312[4];
            sn_i64 c316[4];
            const sn_i64 k1 = (sn_i64)32ll;
            const sn_i64 k3 = (sn_i64)0ll;
            const float k11 = sn_u2f(0xff800000u);
            const sn_i64 k19 = (sn_i64)2147483647ll;
            const sn_i64 k38 = (sn_i64)1ll;
            const sn_i64 k65 = (sn_i64)2ll;
            const sn_i64 k92 = (sn_i64)3ll;
            const sn_i64 k119 = (sn_i64)4ll;
            const sn_i64 k146 = (sn_i64)5ll;
            const sn_i64 k173 = (sn_i64)6ll;
            const sn_i64 k200 = (sn_i64)7ll;
            const sn_i64 k231 = (sn_i64)7ll;
            const sn_i64 k235 = (sn_i64)6ll;
            const sn_i64 k239 = (sn_i64)5ll;
            const sn_i64 k243 = (sn_i64)4ll;
            const sn_i64 k247 = (sn_i64)3ll;
            const sn_i64 k251 = (sn_i64)2ll;
            const sn_i64 k255 = (sn_i64)1ll;
            const sn_i64 k300 = (sn_i64)32ll;
            const float k429 = 2.5f;
            float acc13 = sn_u2f(0xff800000u);
            float acc41 = sn_u2f(0xff800000u);
            float acc68 = sn_u2f(0xff800000u);
            float acc95 = sn_u2f(0xff800000u);
            float acc122 = sn_u2f(0xff800000u);
            float acc149 = sn_u2f(0xff800000u);
            float acc176 = sn_u2f(0xff800000u);
            float acc203 = sn_u2f(0xff800000u);
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
                    const sn_i64 k39 = (sn_i64)(k2 == k38);
                    const float k40 = k39 != 0 ? k10 : k11;
                    c40[c * 4 + j] = k40;
                    const sn_i64 k66 = (sn_i64)(k2 == k65);
                    const float k67 = k66 != 0 ? k10 : k11;
                    c67[c * 4 + j] = k67;
                    const sn_i64 k93 = (sn_i64)(k2 == k92);
                    const float k94 = k93 != 0 ? k10 : k11;
                    c94[c * 4 + j] = k94;
                    const sn_i64 k120 = (sn_i64)(k2 == k119);
                    const float k121 = k120 != 0 ? k10 : k11;
                    c121[c * 4 + j] = k121;
                    const sn_i64 k147 = (sn_i64)(k2 == k146);
                    const float k148 = k147 != 0 ? k10 : k11;
                    c148[c * 4 + j] = k148;
                    const sn_i64 k174 = (sn_i64)(k2 == k173);
                    const float k175 = k174 != 0 ? k10 : k11;
                    c175[c * 4 + j] = k175;
                    const sn_i64 k201 = (sn_i64)(k2 == k200);
                    const float k202 = k201 != 0 ? k10 : k11;
                    c202[c * 4 + j] = k202;
                    acc13 = sn_fold_max(acc13, k12);
                    acc41 = sn_fold_max(acc41, k40);
                    acc68 = sn_fold_max(acc68, k67);
                    acc95 = sn_fold_max(acc95, k94);
                    acc122 = sn_fold_max(acc122, k121);
                    acc149 = sn_fold_max(acc149, k148);
                    acc176 = sn_fold_max(acc176, k175);
                    acc203 = sn_fold_max(acc203, k202);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc13, off, 64);
                acc13 = sn_fold_max(acc13, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc41, off, 64);
                acc41 = sn_fold_max(acc41, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc68, off, 64);
                acc68 = sn_fold_max(acc68, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc95, off, 64);
                acc95 = sn_fold_max(acc95, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc122, off, 64);
                acc122 = sn_fold_max(acc122, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc149, off, 64);
                acc149 = sn_fold_max(acc149, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc176, off, 64);
                acc176 = sn_fold_max(acc176, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc203, off, 64);
                acc203 = sn_fold_max(acc203, other);
            }
            acc13 = __shfl(acc13, 0, 64);
            acc41 = __shfl(acc41, 0, 64);
            acc68 = __shfl(acc68, 0, 64);
            acc95 = __shfl(acc95, 0, 64);
            acc122 = __shfl(acc122, 0, 64);
            acc149 = __shfl(acc149, 0, 64);
            acc176 = __shfl(acc176, 0, 64);
            acc203 = __shfl(acc203, 0, 64);
            const float k13 = acc13;
            const float k41 = acc41;
            const float k68 = acc68;
            const float k95 = acc95;
            const float k122 = acc122;
            const float k149 = acc149;
            const float k176 = acc176;
            const float k203 = acc203;
            const sn_i64 k15 = (sn_i64)(k13 != k13);
            const sn_i64 k43 = (sn_i64)(k41 != k41);
            const sn_i64 k70 = (sn_i64)(k68 != k68);
            const sn_i64 k97 = (sn_i64)(k95 != k95);
            const sn_i64 k124 = (sn_i64)(k122 != k122);
            const sn_i64 k151 = (sn_i64)(k149 != k149);
            const sn_i64 k178 = (sn_i64)(k176 != k176);
            const sn_i64 k205 = (sn_i64)(k203 != k203);
            sn_i64 acc21 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc48 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc75 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc102 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc129 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc156 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc183 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc210 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k12 = c12[c * 4 + j];
                    const sn_i64 k14 = (sn_i64)(k12 == k13);
                    const sn_i64 k16 = (sn_i64)(k12 != k12);
                    c16[c * 4 + j] = k16;
                    const sn_i64 k17 = (sn_i64)(k15 != 0 && k16 != 0);
                    const sn_i64 k18 = (sn_i64)(k14 != 0 || k17 != 0);
                    const sn_i64 k20 = k18 != 0 ? k0 : k19;
                    const float k40 = c40[c * 4 + j];
                    const sn_i64 k42 = (sn_i64)(k40 == k41);
                    const sn_i64 k44 = (sn_i64)(k40 != k40);
                    c44[c * 4 + j] = k44;
                    const sn_i64 k45 = (sn_i64)(k43 != 0 && k44 != 0);
                    const sn_i64 k46 = (sn_i64)(k42 != 0 || k45 != 0);
                    const sn_i64 k47 = k46 != 0 ? k0 : k19;
                    const float k67 = c67[c * 4 + j];
                    const sn_i64 k69 = (sn_i64)(k67 == k68);
                    const sn_i64 k71 = (sn_i64)(k67 != k67);
                    c71[c * 4 + j] = k71;
                    const sn_i64 k72 = (sn_i64)(k70 != 0 && k71 != 0);
                    const sn_i64 k73 = (sn_i64)(k69 != 0 || k72 != 0);
                    const sn_i64 k74 = k73 != 0 ? k0 : k19;
                    const float k94 = c94[c * 4 + j];
                    const sn_i64 k96 = (sn_i64)(k94 == k95);
                    const sn_i64 k98 = (sn_i64)(k94 != k94);
                    c98[c * 4 + j] = k98;
                    const sn_i64 k99 = (sn_i64)(k97 != 0 && k98 != 0);
                    const sn_i64 k100 = (sn_i64)(k96 != 0 || k99 != 0);
                    const sn_i64 k101 = k100 != 0 ? k0 : k19;
                    const float k121 = c121[c * 4 + j];
                    const sn_i64 k123 = (sn_i64)(k121 == k122);
                    const sn_i64 k125 = (sn_i64)(k121 != k121);
                    c125[c * 4 + j] = k125;
                    const sn_i64 k126 = (sn_i64)(k124 != 0 && k125 != 0);
                    const sn_i64 k127 = (sn_i64)(k123 != 0 || k126 != 0);
                    const sn_i64 k128 = k127 != 0 ? k0 : k19;
                    const float k148 = c148[c * 4 + j];
                    const sn_i64 k150 = (sn_i64)(k148 == k149);
                    const sn_i64 k152 = (sn_i64)(k148 != k148);
                    c152[c * 4 + j] = k152;
                    const sn_i64 k153 = (sn_i64)(k151 != 0 && k152 != 0);
                    const sn_i64 k154 = (sn_i64)(k150 != 0 || k153 != 0);
                    const sn_i64 k155 = k154 != 0 ? k0 : k19;
                    const float k175 = c175[c * 4 + j];
                    const sn_i64 k177 = (sn_i64)(k175 == k176);
                    const sn_i64 k179 = (sn_i64)(k175 != k175);
                    c179[c * 4 + j] = k179;
                    const sn_i64 k180 = (sn_i64)(k178 != 0 && k179 != 0);
                    const sn_i64 k181 = (sn_i64)(k177 != 0 || k180 != 0);
                    const sn_i64 k182 = k181 != 0 ? k0 : k19;
                    const float k202 = c202[c * 4 + j];
                    const sn_i64 k204 = (sn_i64)(k202 == k203);
                    const sn_i64 k206 = (sn_i64)(k202 != k202);
                    c206[c * 4 + j] = k206;
                    const sn_i64 k207 = (sn_i64)(k205 != 0 && k206 != 0);
                    const sn_i64 k208 = (sn_i64)(k204 != 0 || k207 != 0);
                    const sn_i64 k209 = k208 != 0 ? k0 : k19;
                    acc21 = sn_ifold_min(acc21, k20);
                    acc48 = sn_ifold_min(acc48, k47);
                    acc75 = sn_ifold_min(acc75, k74);
                    acc102 = sn_ifold_min(acc102, k101);
                    acc129 = sn_ifold_min(acc129, k128);
                    acc156 = sn_ifold_min(acc156, k155);
                    acc183 = sn_ifold_min(acc183, k182);
                    acc210 = sn_ifold_min(acc210, k209);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc21, off, 64);
                acc21 = sn_ifold_min(acc21, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc48, off, 64);
                acc48 = sn_ifold_min(acc48, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc75, off, 64);
                acc75 = sn_ifold_min(acc75, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc102, off, 64);
                acc102 = sn_ifold_min(acc102, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc129, off, 64);
                acc129 = sn_ifold_min(acc129, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc156, off, 64);
                acc156 = sn_ifold_min(acc156, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc183, off, 64);
                acc183 = sn_ifold_min(acc183, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc210, off, 64);
                acc210 = sn_ifold_min(acc210, other);
            }
            acc21 = __shfl(acc21, 0, 64);
            acc48 = __shfl(acc48, 0, 64);
            acc75 = __shfl(acc75, 0, 64);
            acc102 = __shfl(acc102, 0, 64);
            acc129 = __shfl(acc129, 0, 64);
            acc156 = __shfl(acc156, 0, 64);
            acc183 = __shfl(acc183, 0, 64);
            acc210 = __shfl(acc210, 0, 64);
            const sn_i64 k21 = acc21;
            const sn_i64 k48 = acc48;
            const sn_i64 k75 = acc75;
            const sn_i64 k102 = acc102;
            const sn_i64 k129 = acc129;
            const sn_i64 k156 = acc156;
            const sn_i64 k183 = acc183;
            const sn_i64 k210 = acc210;
            float acc24 = sn_u2f(0xff800000u);
            float acc27 = sn_u2f(0xff800000u);
            float acc51 = sn_u2f(0xff800000u);
            float acc54 = sn_u2f(0xff800000u);
            float acc78 = sn_u2f(0xff800000u);
            float acc81 = sn_u2f(0xff800000u);
            float acc105 = sn_u2f(0xff800000u);
            float acc108 = sn_u2f(0xff800000u);
            float acc132 = sn_u2f(0xff800000u);
            float acc135 = sn_u2f(0xff800000u);
            float acc159 = sn_u2f(0xff800000u);
            float acc162 = sn_u2f(0xff800000u);
            float acc186 = sn_u2f(0xff800000u);
            float acc189 = sn_u2f(0xff800000u);
            float acc213 = sn_u2f(0xff800000u);
            float acc216 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k12 = c12[c * 4 + j];
                    const sn_i64 k22 = (sn_i64)(k0 == k21);
                    const float k23 = k22 != 0 ? k12 : k11;
                    const sn_i64 k25 = (sn_i64)(k0 != k21);
                    const float k26 = k25 != 0 ? k12 : k11;
                    const float k40 = c40[c * 4 + j];
                    const sn_i64 k49 = (sn_i64)(k0 == k48);
                    const float k50 = k49 != 0 ? k40 : k11;
                    const sn_i64 k52 = (sn_i64)(k0 != k48);
                    const float k53 = k52 != 0 ? k40 : k11;
                    const float k67 = c67[c * 4 + j];
                    const sn_i64 k76 = (sn_i64)(k0 == k75);
                    const float k77 = k76 != 0 ? k67 : k11;
                    const sn_i64 k79 = (sn_i64)(k0 != k75);
                    const float k80 = k79 != 0 ? k67 : k11;
                    const float k94 = c94[c * 4 + j];
                    const sn_i64 k103 = (sn_i64)(k0 == k102);
                    const float k104 = k103 != 0 ? k94 : k11;
                    const sn_i64 k106 = (sn_i64)(k0 != k102);
                    const float k107 = k106 != 0 ? k94 : k11;
                    const float k121 = c121[c * 4 + j];
                    const sn_i64 k130 = (sn_i64)(k0 == k129);
                    const float k131 = k130 != 0 ? k121 : k11;
                    const sn_i64 k133 = (sn_i64)(k0 != k129);
                    const float k134 = k133 != 0 ? k121 : k11;
                    const float k148 = c148[c * 4 + j];
                    const sn_i64 k157 = (sn_i64)(k0 == k156);
                    const float k158 = k157 != 0 ? k148 : k11;
                    const sn_i64 k160 = (sn_i64)(k0 != k156);
                    const float k161 = k160 != 0 ? k148 : k11;
                    const float k175 = c175[c * 4 + j];
                    const sn_i64 k184 = (sn_i64)(k0 == k183);
                    const float k185 = k184 != 0 ? k175 : k11;
                    const sn_i64 k187 = (sn_i64)(k0 != k183);
                    const float k188 = k187 != 0 ? k175 : k11;
                    const float k202 = c202[c * 4 + j];
                    const sn_i64 k211 = (sn_i64)(k0 == k210);
                    const float k212 = k211 != 0 ? k202 : k11;
                    const sn_i64 k214 = (sn_i64)(k0 != k210);
                    const float k215 = k214 != 0 ? k202 : k11;
                    acc24 = sn_fold_max(acc24, k23);
                    acc27 = sn_fold_max(acc27, k26);
                    acc51 = sn_fold_max(acc51, k50);
                    acc54 = sn_fold_max(acc54, k53);
                    acc78 = sn_fold_max(acc78, k77);
                    acc81 = sn_fold_max(acc81, k80);
                    acc105 = sn_fold_max(acc105, k104);
                    acc108 = sn_fold_max(acc108, k107);
                    acc132 = sn_fold_max(acc132, k131);
                    acc135 = sn_fold_max(acc135, k134);
                    acc159 = sn_fold_max(acc159, k158);
                    acc162 = sn_fold_max(acc162, k161);
                    acc186 = sn_fold_max(acc186, k185);
                    acc189 = sn_fold_max(acc189, k188);
                    acc213 = sn_fold_max(acc213, k212);
                    acc216 = sn_fold_max(acc216, k215);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc24, off, 64);
                acc24 = sn_fold_max(acc24, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc27, off, 64);
                acc27 = sn_fold_max(acc27, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc51, off, 64);
                acc51 = sn_fold_max(acc51, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc54, off, 64);
                acc54 = sn_fold_max(acc54, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc78, off, 64);
                acc78 = sn_fold_max(acc78, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc81, off, 64);
                acc81 = sn_fold_max(acc81, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc105, off, 64);
                acc105 = sn_fold_max(acc105, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc108, off, 64);
                acc108 = sn_fold_max(acc108, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc132, off, 64);
                acc132 = sn_fold_max(acc132, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc135, off, 64);
                acc135 = sn_fold_max(acc135, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc159, off, 64);
                acc159 = sn_fold_max(acc159, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc162, off, 64);
                acc162 = sn_fold_max(acc162, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc186, off, 64);
                acc186 = sn_fold_max(acc186, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc189, off, 64);
                acc189 = sn_fold_max(acc189, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc213, off, 64);
                acc213 = sn_fold_max(acc213, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc216, off, 64);
                acc216 = sn_fold_max(acc216, other);
            }
            acc24 = __shfl(acc24, 0, 64);
            acc27 = __shfl(acc27, 0, 64);
            acc51 = __shfl(acc51, 0, 64);
            acc54 = __shfl(acc54, 0, 64);
            acc78 = __shfl(acc78, 0, 64);
            acc81 = __shfl(acc81, 0, 64);
            acc105 = __shfl(acc105, 0, 64);
            acc108 = __shfl(acc108, 0, 64);
            acc132 = __shfl(acc132, 0, 64);
            acc135 = __shfl(acc135, 0, 64);
            acc159 = __shfl(acc159, 0, 64);
            acc162 = __shfl(acc162, 0, 64);
            acc186 = __shfl(acc186, 0, 64);
            acc189 = __shfl(acc189, 0, 64);
            acc213 = __shfl(acc213, 0, 64);
            acc216 = __shfl(acc216, 0, 64);
            const float k24 = acc24;
            const float k27 = acc27;
            const float k51 = acc51;
            const float k54 = acc54;
            const float k78 = acc78;
            const float k81 = acc81;
            const float k105 = acc105;
            const float k108 = acc108;
            const float k132 = acc132;
            const float k135 = acc135;
            const float k159 = acc159;
            const float k162 = acc162;
            const float k186 = acc186;
            const float k189 = acc189;
            const float k213 = acc213;
            const float k216 = acc216;
            const sn_i64 k29 = (sn_i64)(k27 != k27);
            const sn_i64 k56 = (sn_i64)(k54 != k54);
            const sn_i64 k83 = (sn_i64)(k81 != k81);
            const sn_i64 k110 = (sn_i64)(k108 != k108);
            const sn_i64 k137 = (sn_i64)(k135 != k135);
            const sn_i64 k164 = (sn_i64)(k162 != k162);
            const sn_i64 k191 = (sn_i64)(k189 != k189);
            const sn_i64 k218 = (sn_i64)(k216 != k216);
            sn_i64 acc34 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc61 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc88 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc115 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc142 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc169 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc196 = (sn_i64)0x7fffffffffffffffll;
            sn_i64 acc223 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k12 = c12[c * 4 + j];
                    const sn_i64 k16 = c16[c * 4 + j];
                    const sn_i64 k25 = (sn_i64)(k0 != k21);
                    const sn_i64 k28 = (sn_i64)(k12 == k27);
                    const sn_i64 k30 = (sn_i64)(k29 != 0 && k16 != 0);
                    const sn_i64 k31 = (sn_i64)(k28 != 0 || k30 != 0);
                    const sn_i64 k32 = (sn_i64)(k25 != 0 && k31 != 0);
                    const sn_i64 k33 = k32 != 0 ? k0 : k19;
                    const float k40 = c40[c * 4 + j];
                    const sn_i64 k44 = c44[c * 4 + j];
                    const sn_i64 k52 = (sn_i64)(k0 != k48);
                    const sn_i64 k55 = (sn_i64)(k40 == k54);
                    const sn_i64 k57 = (sn_i64)(k56 != 0 && k44 != 0);
                    const sn_i64 k58 = (sn_i64)(k55 != 0 || k57 != 0);
                    const sn_i64 k59 = (sn_i64)(k52 != 0 && k58 != 0);
                    const sn_i64 k60 = k59 != 0 ? k0 : k19;
                    const float k67 = c67[c * 4 + j];
                    const sn_i64 k71 = c71[c * 4 + j];
                    const sn_i64 k79 = (sn_i64)(k0 != k75);
                    const sn_i64 k82 = (sn_i64)(k67 == k81);
                    const sn_i64 k84 = (sn_i64)(k83 != 0 && k71 != 0);
                    const sn_i64 k85 = (sn_i64)(k82 != 0 || k84 != 0);
                    const sn_i64 k86 = (sn_i64)(k79 != 0 && k85 != 0);
                    const sn_i64 k87 = k86 != 0 ? k0 : k19;
                    const float k94 = c94[c * 4 + j];
                    const sn_i64 k98 = c98[c * 4 + j];
                    const sn_i64 k106 = (sn_i64)(k0 != k102);
                    const sn_i64 k109 = (sn_i64)(k94 == k108);
                    const sn_i64 k111 = (sn_i64)(k110 != 0 && k98 != 0);
                    const sn_i64 k112 = (sn_i64)(k109 != 0 || k111 != 0);
                    const sn_i64 k113 = (sn_i64)(k106 != 0 && k112 != 0);
                    const sn_i64 k114 = k113 != 0 ? k0 : k19;
                    const float k121 = c121[c * 4 + j];
                    const sn_i64 k125 = c125[c * 4 + j];
                    const sn_i64 k133 = (sn_i64)(k0 != k129);
                    const sn_i64 k136 = (sn_i64)(k121 == k135);
                    const sn_i64 k138 = (sn_i64)(k137 != 0 && k125 != 0);
                    const sn_i64 k139 = (sn_i64)(k136 != 0 || k138 != 0);
                    const sn_i64 k140 = (sn_i64)(k133 != 0 && k139 != 0);
                    const sn_i64 k141 = k140 != 0 ? k0 : k19;
                    const float k148 = c148[c * 4 + j];
                    const sn_i64 k152 = c152[c * 4 + j];
                    const sn_i64 k160 = (sn_i64)(k0 != k156);
                    const sn_i64 k163 = (sn_i64)(k148 == k162);
                    const sn_i64 k165 = (sn_i64)(k164 != 0 && k152 != 0);
                    const sn_i64 k166 = (sn_i64)(k163 != 0 || k165 != 0);
                    const sn_i64 k167 = (sn_i64)(k160 != 0 && k166 != 0);
                    const sn_i64 k168 = k167 != 0 ? k0 : k19;
                    const float k175 = c175[c * 4 + j];
                    const sn_i64 k179 = c179[c * 4 + j];
                    const sn_i64 k187 = (sn_i64)(k0 != k183);
                    const sn_i64 k190 = (sn_i64)(k175 == k189);
                    const sn_i64 k192 = (sn_i64)(k191 != 0 && k179 != 0);
                    const sn_i64 k193 = (sn_i64)(k190 != 0 || k192 != 0);
                    const sn_i64 k194 = (sn_i64)(k187 != 0 && k193 != 0);
                    const sn_i64 k195 = k194 != 0 ? k0 : k19;
                    const float k202 = c202[c * 4 + j];
                    const sn_i64 k206 = c206[c * 4 + j];
                    const sn_i64 k214 = (sn_i64)(k0 != k210);
                    const sn_i64 k217 = (sn_i64)(k202 == k216);
                    const sn_i64 k219 = (sn_i64)(k218 != 0 && k206 != 0);
                    const sn_i64 k220 = (sn_i64)(k217 != 0 || k219 != 0);
                    const sn_i64 k221 = (sn_i64)(k214 != 0 && k220 != 0);
                    const sn_i64 k222 = k221 != 0 ? k0 : k19;
                    acc34 = sn_ifold_min(acc34, k33);
                    acc61 = sn_ifold_min(acc61, k60);
                    acc88 = sn_ifold_min(acc88, k87);
                    acc115 = sn_ifold_min(acc115, k114);
                    acc142 = sn_ifold_min(acc142, k141);
                    acc169 = sn_ifold_min(acc169, k168);
                    acc196 = sn_ifold_min(acc196, k195);
                    acc223 = sn_ifold_min(acc223, k222);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc34, off, 64);
                acc34 = sn_ifold_min(acc34, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc61, off, 64);
                acc61 = sn_ifold_min(acc61, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc88, off, 64);
                acc88 = sn_ifold_min(acc88, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc115, off, 64);
                acc115 = sn_ifold_min(acc115, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc142, off, 64);
                acc142 = sn_ifold_min(acc142, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc169, off, 64);
                acc169 = sn_ifold_min(acc169, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc196, off, 64);
                acc196 = sn_ifold_min(acc196, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc223, off, 64);
                acc223 = sn_ifold_min(acc223, other);
            }
            acc34 = __shfl(acc34, 0, 64);
            acc61 = __shfl(acc61, 0, 64);
            acc88 = __shfl(acc88, 0, 64);
            acc115 = __shfl(acc115, 0, 64);
            acc142 = __shfl(acc142, 0, 64);
            acc169 = __shfl(acc169, 0, 64);
            acc196 = __shfl(acc196, 0, 64);
            acc223 = __shfl(acc223, 0, 64);
            const sn_i64 k34 = acc34;
            const sn_i64 k61 = acc61;
            const sn_i64 k88 = acc88;
            const sn_i64 k115 = acc115;
            const sn_i64 k142 = acc142;
            const sn_i64 k169 = acc169;
            const sn_i64 k196 = acc196;
            const sn_i64 k223 = acc223;
            float acc37 = sn_u2f(0xff800000u);
            float acc64 = sn_u2f(0xff800000u);
            float acc91 = sn_u2f(0xff800000u);
            float acc118 = sn_u2f(0xff800000u);
            float acc145 = sn_u2f(0xff800000u);
            float acc172 = sn_u2f(0xff800000u);
            float acc199 = sn_u2f(0xff800000u);
            float acc226 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k12 = c12[c * 4 + j];
                    const sn_i64 k35 = (sn_i64)(k0 == k34);
                    const float k36 = k35 != 0 ? k12 : k11;
                    const float k40 = c40[c * 4 + j];
                    const sn_i64 k62 = (sn_i64)(k0 == k61);
                    const float k63 = k62 != 0 ? k40 : k11;
                    const float k67 = c67[c * 4 + j];
                    const sn_i64 k89 = (sn_i64)(k0 == k88);
                    const float k90 = k89 != 0 ? k67 : k11;
                    const float k94 = c94[c * 4 + j];
                    const sn_i64 k116 = (sn_i64)(k0 == k115);
                    const float k117 = k116 != 0 ? k94 : k11;
                    const float k121 = c121[c * 4 + j];
                    const sn_i64 k143 = (sn_i64)(k0 == k142);
                    const float k144 = k143 != 0 ? k121 : k11;
                    const float k148 = c148[c * 4 + j];
                    const sn_i64 k170 = (sn_i64)(k0 == k169);
                    const float k171 = k170 != 0 ? k148 : k11;
                    const float k175 = c175[c * 4 + j];
                    const sn_i64 k197 = (sn_i64)(k0 == k196);
                    const float k198 = k197 != 0 ? k175 : k11;
                    const float k202 = c202[c * 4 + j];
                    const sn_i64 k224 = (sn_i64)(k0 == k223);
                    const float k225 = k224 != 0 ? k202 : k11;
                    acc37 = sn_fold_max(acc37, k36);
                    acc64 = sn_fold_max(acc64, k63);
                    acc91 = sn_fold_max(acc91, k90);
                    acc118 = sn_fold_max(acc118, k117);
                    acc145 = sn_fold_max(acc145, k144);
                    acc172 = sn_fold_max(acc172, k171);
                    acc199 = sn_fold_max(acc199, k198);
                    acc226 = sn_fold_max(acc226, k225);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc37, off, 64);
                acc37 = sn_fold_max(acc37, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc64, off, 64);
                acc64 = sn_fold_max(acc64, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc91, off, 64);
                acc91 = sn_fold_max(acc91, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc118, off, 64);
                acc118 = sn_fold_max(acc118, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc145, off, 64);
                acc145 = sn_fold_max(acc145, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc172, off, 64);
                acc172 = sn_fold_max(acc172, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc199, off, 64);
                acc199 = sn_fold_max(acc199, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc226, off, 64);
                acc226 = sn_fold_max(acc226, other);
            }
            acc37 = __shfl(acc37, 0, 64);
            acc64 = __shfl(acc64, 0, 64);
            acc91 = __shfl(acc91, 0, 64);
            acc118 = __shfl(acc118, 0, 64);
            acc145 = __shfl(acc145, 0, 64);
            acc172 = __shfl(acc172, 0, 64);
            acc199 = __shfl(acc199, 0, 64);
            acc226 = __shfl(acc226, 0, 64);
            const float k37 = acc37;
            const float k64 = acc64;
            const float k91 = acc91;
            const float k118 = acc118;
            const float k145 = acc145;
            const float k172 = acc172;
            const float k199 = acc199;
            const float k226 = acc226;
            const float k230 = k213 + k226;
            const float k232 = k186 + k199;
            const float k236 = k159 + k172;
            const float k240 = k132 + k145;
            const float k244 = k105 + k118;
            const float k248 = k78 + k91;
            const float k252 = k51 + k64;
            const float k256 = k24 + k37;
            float acc260 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    acc260 = sn_fold_max(acc260, k259);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc260, off, 64);
                acc260 = sn_fold_max(acc260, other);
            }
            acc260 = __shfl(acc260, 0, 64);
            const float k260 = acc260;
            const sn_i64 k262 = (sn_i64)(k260 != k260);
            sn_i64 acc267 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k261 = (sn_i64)(k259 == k260);
                    const sn_i64 k263 = (sn_i64)(k259 != k259);
                    const sn_i64 k264 = (sn_i64)(k262 != 0 && k263 != 0);
                    const sn_i64 k265 = (sn_i64)(k261 != 0 || k264 != 0);
                    const sn_i64 k266 = k265 != 0 ? k0 : k19;
                    acc267 = sn_ifold_min(acc267, k266);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc267, off, 64);
                acc267 = sn_ifold_min(acc267, other);
            }
            acc267 = __shfl(acc267, 0, 64);
            const sn_i64 k267 = acc267;
            const sn_i64 k301 = sn_ifloordiv(k267, k300, 32, 1);
            float acc270 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const float k269 = k268 != 0 ? k259 : k11;
                    acc270 = sn_fold_max(acc270, k269);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc270, off, 64);
                acc270 = sn_fold_max(acc270, other);
            }
            acc270 = __shfl(acc270, 0, 64);
            const float k270 = acc270;
            const sn_i64 k272 = (sn_i64)(k270 != k270);
            sn_i64 acc277 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k263 = (sn_i64)(k259 != k259);
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k271 = (sn_i64)(k259 == k270);
                    const sn_i64 k273 = (sn_i64)(k272 != 0 && k263 != 0);
                    const sn_i64 k274 = (sn_i64)(k271 != 0 || k273 != 0);
                    const sn_i64 k275 = (sn_i64)(k268 != 0 && k274 != 0);
                    const sn_i64 k276 = k275 != 0 ? k0 : k19;
                    acc277 = sn_ifold_min(acc277, k276);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc277, off, 64);
                acc277 = sn_ifold_min(acc277, other);
            }
            acc277 = __shfl(acc277, 0, 64);
            const sn_i64 k277 = acc277;
            const sn_i64 k303 = sn_ifloordiv(k277, k300, 32, 1);
            float acc281 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k278 = (sn_i64)(k0 != k277);
                    const sn_i64 k279 = (sn_i64)(k268 != 0 && k278 != 0);
                    const float k280 = k279 != 0 ? k259 : k11;
                    acc281 = sn_fold_max(acc281, k280);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc281, off, 64);
                acc281 = sn_fold_max(acc281, other);
            }
            acc281 = __shfl(acc281, 0, 64);
            const float k281 = acc281;
            const sn_i64 k283 = (sn_i64)(k281 != k281);
            sn_i64 acc288 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k263 = (sn_i64)(k259 != k259);
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k278 = (sn_i64)(k0 != k277);
                    const sn_i64 k279 = (sn_i64)(k268 != 0 && k278 != 0);
                    const sn_i64 k282 = (sn_i64)(k259 == k281);
                    const sn_i64 k284 = (sn_i64)(k283 != 0 && k263 != 0);
                    const sn_i64 k285 = (sn_i64)(k282 != 0 || k284 != 0);
                    const sn_i64 k286 = (sn_i64)(k279 != 0 && k285 != 0);
                    const sn_i64 k287 = k286 != 0 ? k0 : k19;
                    acc288 = sn_ifold_min(acc288, k287);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc288, off, 64);
                acc288 = sn_ifold_min(acc288, other);
            }
            acc288 = __shfl(acc288, 0, 64);
            const sn_i64 k288 = acc288;
            const sn_i64 k306 = sn_ifloordiv(k288, k300, 32, 1);
            float acc292 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k278 = (sn_i64)(k0 != k277);
                    const sn_i64 k279 = (sn_i64)(k268 != 0 && k278 != 0);
                    const sn_i64 k289 = (sn_i64)(k0 != k288);
                    const sn_i64 k290 = (sn_i64)(k279 != 0 && k289 != 0);
                    const float k291 = k290 != 0 ? k259 : k11;
                    acc292 = sn_fold_max(acc292, k291);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc292, off, 64);
                acc292 = sn_fold_max(acc292, other);
            }
            acc292 = __shfl(acc292, 0, 64);
            const float k292 = acc292;
            const sn_i64 k294 = (sn_i64)(k292 != k292);
            sn_i64 acc299 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k227 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k228 = (sn_i64)(k227 == k3);
                    const sn_i64 k229 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k233 = (sn_i64)(k229 < k231);
                    const float k234 = k233 != 0 ? k232 : k230;
                    const sn_i64 k237 = (sn_i64)(k229 < k235);
                    const float k238 = k237 != 0 ? k236 : k234;
                    const sn_i64 k241 = (sn_i64)(k229 < k239);
                    const float k242 = k241 != 0 ? k240 : k238;
                    const sn_i64 k245 = (sn_i64)(k229 < k243);
                    const float k246 = k245 != 0 ? k244 : k242;
                    const sn_i64 k249 = (sn_i64)(k229 < k247);
                    const float k250 = k249 != 0 ? k248 : k246;
                    const sn_i64 k253 = (sn_i64)(k229 < k251);
                    const float k254 = k253 != 0 ? k252 : k250;
                    const sn_i64 k257 = (sn_i64)(k229 < k255);
                    const float k258 = k257 != 0 ? k256 : k254;
                    const float k259 = k228 != 0 ? k258 : k11;
                    const sn_i64 k263 = (sn_i64)(k259 != k259);
                    const sn_i64 k268 = (sn_i64)(k0 != k267);
                    const sn_i64 k278 = (sn_i64)(k0 != k277);
                    const sn_i64 k279 = (sn_i64)(k268 != 0 && k278 != 0);
                    const sn_i64 k289 = (sn_i64)(k0 != k288);
                    const sn_i64 k290 = (sn_i64)(k279 != 0 && k289 != 0);
                    const sn_i64 k293 = (sn_i64)(k259 == k292);
                    const sn_i64 k295 = (sn_i64)(k294 != 0 && k263 != 0);
                    const sn_i64 k296 = (sn_i64)(k293 != 0 || k295 != 0);
                    const sn_i64 k297 = (sn_i64)(k290 != 0 && k296 != 0);
                    const sn_i64 k298 = k297 != 0 ? k0 : k19;
                    acc299 = sn_ifold_min(acc299, k298);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc299, off, 64);
                acc299 = sn_ifold_min(acc299, other);
            }
            acc299 = __shfl(acc299, 0, 64);
            const sn_i64 k299 = acc299;
            const sn_i64 k309 = sn_ifloordiv(k299, k300, 32, 1);
            float acc313 = sn_u2f(0xff800000u);
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
                    const sn_i64 k302 = (sn_i64)(k2 == k301);
                    const sn_i64 k304 = (sn_i64)(k2 == k303);
                    const sn_i64 k305 = (sn_i64)(k302 != 0 || k304 != 0);
                    const sn_i64 k307 = (sn_i64)(k2 == k306);
                    const sn_i64 k308 = (sn_i64)(k305 != 0 || k307 != 0);
                    const sn_i64 k310 = (sn_i64)(k2 == k309);
                    const sn_i64 k311 = (sn_i64)(k308 != 0 || k310 != 0);
                    const float k312 = k311 != 0 ? k10 : k11;
                    c312[c * 4 + j] = k312;
                    acc313 = sn_fold_max(acc313, k312);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc313, off, 64);
                acc313 = sn_fold_max(acc313, other);
            }
            acc313 = __shfl(acc313, 0, 64);
            const float k313 = acc313;
            const sn_i64 k315 = (sn_i64)(k313 != k313);
            sn_i64 acc320 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k314 = (sn_i64)(k312 == k313);
                    const sn_i64 k316 = (sn_i64)(k312 != k312);
                    c316[c * 4 + j] = k316;
                    const sn_i64 k317 = (sn_i64)(k315 != 0 && k316 != 0);
                    const sn_i64 k318 = (sn_i64)(k314 != 0 || k317 != 0);
                    const sn_i64 k319 = k318 != 0 ? k0 : k19;
                    acc320 = sn_ifold_min(acc320, k319);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc320, off, 64);
                acc320 = sn_ifold_min(acc320, other);
            }
            acc320 = __shfl(acc320, 0, 64);
            const sn_i64 k320 = acc320;
            float acc323 = sn_u2f(0xff800000u);
            float acc399 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const float k322 = k321 != 0 ? k312 : k11;
                    const sn_i64 k397 = (sn_i64)(k0 == k320);
                    const float k398 = k397 != 0 ? k7 : k11;
                    acc323 = sn_fold_max(acc323, k322);
                    acc399 = sn_fold_max(acc399, k398);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc323, off, 64);
                acc323 = sn_fold_max(acc323, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc399, off, 64);
                acc399 = sn_fold_max(acc399, other);
            }
            acc323 = __shfl(acc323, 0, 64);
            acc399 = __shfl(acc399, 0, 64);
            const float k323 = acc323;
            const float k399 = acc399;
            const sn_i64 k325 = (sn_i64)(k323 != k323);
            sn_i64 acc330 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k316 = c316[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k324 = (sn_i64)(k312 == k323);
                    const sn_i64 k326 = (sn_i64)(k325 != 0 && k316 != 0);
                    const sn_i64 k327 = (sn_i64)(k324 != 0 || k326 != 0);
                    const sn_i64 k328 = (sn_i64)(k321 != 0 && k327 != 0);
                    const sn_i64 k329 = k328 != 0 ? k0 : k19;
                    acc330 = sn_ifold_min(acc330, k329);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc330, off, 64);
                acc330 = sn_ifold_min(acc330, other);
            }
            acc330 = __shfl(acc330, 0, 64);
            const sn_i64 k330 = acc330;
            float acc334 = sn_u2f(0xff800000u);
            float acc402 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const float k333 = k332 != 0 ? k312 : k11;
                    const sn_i64 k400 = (sn_i64)(k0 == k330);
                    const float k401 = k400 != 0 ? k7 : k11;
                    acc334 = sn_fold_max(acc334, k333);
                    acc402 = sn_fold_max(acc402, k401);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc334, off, 64);
                acc334 = sn_fold_max(acc334, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc402, off, 64);
                acc402 = sn_fold_max(acc402, other);
            }
            acc334 = __shfl(acc334, 0, 64);
            acc402 = __shfl(acc402, 0, 64);
            const float k334 = acc334;
            const float k402 = acc402;
            const sn_i64 k336 = (sn_i64)(k334 != k334);
            const float k421 = k399 + k402;
            sn_i64 acc341 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k316 = c316[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k335 = (sn_i64)(k312 == k334);
                    const sn_i64 k337 = (sn_i64)(k336 != 0 && k316 != 0);
                    const sn_i64 k338 = (sn_i64)(k335 != 0 || k337 != 0);
                    const sn_i64 k339 = (sn_i64)(k332 != 0 && k338 != 0);
                    const sn_i64 k340 = k339 != 0 ? k0 : k19;
                    acc341 = sn_ifold_min(acc341, k340);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc341, off, 64);
                acc341 = sn_ifold_min(acc341, other);
            }
            acc341 = __shfl(acc341, 0, 64);
            const sn_i64 k341 = acc341;
            float acc345 = sn_u2f(0xff800000u);
            float acc405 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const float k344 = k343 != 0 ? k312 : k11;
                    const sn_i64 k403 = (sn_i64)(k0 == k341);
                    const float k404 = k403 != 0 ? k7 : k11;
                    acc345 = sn_fold_max(acc345, k344);
                    acc405 = sn_fold_max(acc405, k404);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc345, off, 64);
                acc345 = sn_fold_max(acc345, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc405, off, 64);
                acc405 = sn_fold_max(acc405, other);
            }
            acc345 = __shfl(acc345, 0, 64);
            acc405 = __shfl(acc405, 0, 64);
            const float k345 = acc345;
            const float k405 = acc405;
            const sn_i64 k347 = (sn_i64)(k345 != k345);
            const float k422 = k421 + k405;
            sn_i64 acc352 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k316 = c316[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k346 = (sn_i64)(k312 == k345);
                    const sn_i64 k348 = (sn_i64)(k347 != 0 && k316 != 0);
                    const sn_i64 k349 = (sn_i64)(k346 != 0 || k348 != 0);
                    const sn_i64 k350 = (sn_i64)(k343 != 0 && k349 != 0);
                    const sn_i64 k351 = k350 != 0 ? k0 : k19;
                    acc352 = sn_ifold_min(acc352, k351);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc352, off, 64);
                acc352 = sn_ifold_min(acc352, other);
            }
            acc352 = __shfl(acc352, 0, 64);
            const sn_i64 k352 = acc352;
            float acc356 = sn_u2f(0xff800000u);
            float acc408 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const float k355 = k354 != 0 ? k312 : k11;
                    const sn_i64 k406 = (sn_i64)(k0 == k352);
                    const float k407 = k406 != 0 ? k7 : k11;
                    acc356 = sn_fold_max(acc356, k355);
                    acc408 = sn_fold_max(acc408, k407);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc356, off, 64);
                acc356 = sn_fold_max(acc356, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc408, off, 64);
                acc408 = sn_fold_max(acc408, other);
            }
            acc356 = __shfl(acc356, 0, 64);
            acc408 = __shfl(acc408, 0, 64);
            const float k356 = acc356;
            const float k408 = acc408;
            const sn_i64 k358 = (sn_i64)(k356 != k356);
            const float k423 = k422 + k408;
            sn_i64 acc363 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k316 = c316[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k357 = (sn_i64)(k312 == k356);
                    const sn_i64 k359 = (sn_i64)(k358 != 0 && k316 != 0);
                    const sn_i64 k360 = (sn_i64)(k357 != 0 || k359 != 0);
                    const sn_i64 k361 = (sn_i64)(k354 != 0 && k360 != 0);
                    const sn_i64 k362 = k361 != 0 ? k0 : k19;
                    acc363 = sn_ifold_min(acc363, k362);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc363, off, 64);
                acc363 = sn_ifold_min(acc363, other);
            }
            acc363 = __shfl(acc363, 0, 64);
            const sn_i64 k363 = acc363;
            float acc367 = sn_u2f(0xff800000u);
            float acc411 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const float k366 = k365 != 0 ? k312 : k11;
                    const sn_i64 k409 = (sn_i64)(k0 == k363);
                    const float k410 = k409 != 0 ? k7 : k11;
                    acc367 = sn_fold_max(acc367, k366);
                    acc411 = sn_fold_max(acc411, k410);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc367, off, 64);
                acc367 = sn_fold_max(acc367, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc411, off, 64);
                acc411 = sn_fold_max(acc411, other);
            }
            acc367 = __shfl(acc367, 0, 64);
            acc411 = __shfl(acc411, 0, 64);
            const float k367 = acc367;
            const float k411 = acc411;
            const sn_i64 k369 = (sn_i64)(k367 != k367);
            const float k424 = k423 + k411;
            sn_i64 acc374 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k316 = c316[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k368 = (sn_i64)(k312 == k367);
                    const sn_i64 k370 = (sn_i64)(k369 != 0 && k316 != 0);
                    const sn_i64 k371 = (sn_i64)(k368 != 0 || k370 != 0);
                    const sn_i64 k372 = (sn_i64)(k365 != 0 && k371 != 0);
                    const sn_i64 k373 = k372 != 0 ? k0 : k19;
                    acc374 = sn_ifold_min(acc374, k373);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc374, off, 64);
                acc374 = sn_ifold_min(acc374, other);
            }
            acc374 = __shfl(acc374, 0, 64);
            const sn_i64 k374 = acc374;
            float acc378 = sn_u2f(0xff800000u);
            float acc414 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k375 = (sn_i64)(k0 != k374);
                    const sn_i64 k376 = (sn_i64)(k365 != 0 && k375 != 0);
                    const float k377 = k376 != 0 ? k312 : k11;
                    const sn_i64 k412 = (sn_i64)(k0 == k374);
                    const float k413 = k412 != 0 ? k7 : k11;
                    acc378 = sn_fold_max(acc378, k377);
                    acc414 = sn_fold_max(acc414, k413);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc378, off, 64);
                acc378 = sn_fold_max(acc378, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc414, off, 64);
                acc414 = sn_fold_max(acc414, other);
            }
            acc378 = __shfl(acc378, 0, 64);
            acc414 = __shfl(acc414, 0, 64);
            const float k378 = acc378;
            const float k414 = acc414;
            const sn_i64 k380 = (sn_i64)(k378 != k378);
            const float k425 = k424 + k414;
            sn_i64 acc385 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k316 = c316[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k375 = (sn_i64)(k0 != k374);
                    const sn_i64 k376 = (sn_i64)(k365 != 0 && k375 != 0);
                    const sn_i64 k379 = (sn_i64)(k312 == k378);
                    const sn_i64 k381 = (sn_i64)(k380 != 0 && k316 != 0);
                    const sn_i64 k382 = (sn_i64)(k379 != 0 || k381 != 0);
                    const sn_i64 k383 = (sn_i64)(k376 != 0 && k382 != 0);
                    const sn_i64 k384 = k383 != 0 ? k0 : k19;
                    acc385 = sn_ifold_min(acc385, k384);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc385, off, 64);
                acc385 = sn_ifold_min(acc385, other);
            }
            acc385 = __shfl(acc385, 0, 64);
            const sn_i64 k385 = acc385;
            float acc389 = sn_u2f(0xff800000u);
            float acc417 = sn_u2f(0xff800000u);
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
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k375 = (sn_i64)(k0 != k374);
                    const sn_i64 k376 = (sn_i64)(k365 != 0 && k375 != 0);
                    const sn_i64 k386 = (sn_i64)(k0 != k385);
                    const sn_i64 k387 = (sn_i64)(k376 != 0 && k386 != 0);
                    const float k388 = k387 != 0 ? k312 : k11;
                    const sn_i64 k415 = (sn_i64)(k0 == k385);
                    const float k416 = k415 != 0 ? k7 : k11;
                    acc389 = sn_fold_max(acc389, k388);
                    acc417 = sn_fold_max(acc417, k416);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc389, off, 64);
                acc389 = sn_fold_max(acc389, other);
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc417, off, 64);
                acc417 = sn_fold_max(acc417, other);
            }
            acc389 = __shfl(acc389, 0, 64);
            acc417 = __shfl(acc417, 0, 64);
            const float k389 = acc389;
            const float k417 = acc417;
            const sn_i64 k391 = (sn_i64)(k389 != k389);
            const float k426 = k425 + k417;
            sn_i64 acc396 = (sn_i64)0x7fffffffffffffffll;
            #pragma unroll
            for (int c = 0; c < 1; c++) {
                const int e0 = (c * 64 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k312 = c312[c * 4 + j];
                    const sn_i64 k316 = c316[c * 4 + j];
                    const sn_i64 k321 = (sn_i64)(k0 != k320);
                    const sn_i64 k331 = (sn_i64)(k0 != k330);
                    const sn_i64 k332 = (sn_i64)(k321 != 0 && k331 != 0);
                    const sn_i64 k342 = (sn_i64)(k0 != k341);
                    const sn_i64 k343 = (sn_i64)(k332 != 0 && k342 != 0);
                    const sn_i64 k353 = (sn_i64)(k0 != k352);
                    const sn_i64 k354 = (sn_i64)(k343 != 0 && k353 != 0);
                    const sn_i64 k364 = (sn_i64)(k0 != k363);
                    const sn_i64 k365 = (sn_i64)(k354 != 0 && k364 != 0);
                    const sn_i64 k375 = (sn_i64)(k0 != k374);
                    const sn_i64 k376 = (sn_i64)(k365 != 0 && k375 != 0);
                    const sn_i64 k386 = (sn_i64)(k0 != k385);
                    const sn_i64 k387 = (sn_i64)(k376 != 0 && k386 != 0);
                    const sn_i64 k390 = (sn_i64)(k312 == k389);
                    const sn_i64 k392 = (sn_i64)(k391 != 0 && k316 != 0);
                    const sn_i64 k393 = (sn_i64)(k390 != 0 || k392 != 0);
                    const sn_i64 k394 = (sn_i64)(k387 != 0 && k393 != 0);
                    const sn_i64 k395 = k394 != 0 ? k0 : k19;
                    acc396 = sn_ifold_min(acc396, k395);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor(acc396, off, 64);
                acc396 = sn_ifold_min(acc396, other);
            }
            acc396 = __shfl(acc396, 0, 64);
            const sn_i64 k396 = acc396;
            float acc420 = sn_u2f(0xff800000u);
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
                    const sn_i64 k418 = (sn_i64)(k0 == k396);
                    const float k419 = k418 != 0 ? k7 : k11;
                    acc420 = sn_fold_max(acc420, k419);
                }
            }
            #pragma unroll
            for (int off = 32; off >= 1; off /= 2) {
                const float other = __shfl_xor(acc420, off, 64);
                acc420 = sn_fold_max(acc420, other);
            }
            acc420 = __shfl(acc420, 0, 64);
            const float k420 = acc420;
            const float k427 = k426 + k420;
            const float k428 = sn_div(k399, k427);
            const float k430 = k428 * k429;
            const float k431 = sn_div(k402, k427);
            const float k432 = k431 * k429;
            const float k433 = sn_div(k405, k427);
            const float k434 = k433 * k429;
            const float k435 = sn_div(k408, k427);
            const float k436 = k435 * k429;
            const float k437 = sn_div(k411, k427);
            const float k438 = k437 * k429;
            const float k439 = sn_div(k414, k427);
            const float k440 = k439 * k429;
            const float k441 = sn_div(k417, k427);
            const float k442 = k441 * k429;
            const float k443 = sn_div(k420, k427);
            const float k444 = k443 * k429;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)0] = k430;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)1] = k432;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)2] = k434;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)3] = k436;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)4] = k438;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)5] = k440;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)6] = k442;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)7] = k444;
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)0] = (int)sn_wrap(k320, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)1] = (int)sn_wrap(k330, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)2] = (int)sn_wrap(k341, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)3] = (int)sn_wrap(k352, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)4] = (int)sn_wrap(k363, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)5] = (int)sn_wrap(k374, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)6] = (int)sn_wrap(k385, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)7] = (int)sn_wrap(k396, 32);
            return;
        }
        blk -= nblk;
    }
}
#endif

