/* target cuda:sm_90 */
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
 * graph ops: %2 iota, %5 const, %6 floordiv, %9 const, %12 eq, %0 input, %14 cast, %15 sigmoid, %1 input, %16 cast, %18 add, %19 ne, %20 const, %21 const, %22 eq, %23 const, %24 cast, %25 cast, %26 lt, %27 bxor, %28 where, %29 where, %30 where, %31 const, %32 shl, %33 const, %34 cast, %35 sub, %37 bor, %38 const, %39 where, %40 max, %50 lt, %51 and, %52 where, %53 max, %61 const, %62 eq, %64 where, %65 max, %73 lt, %74 and, %75 where, %76 max, %84 const, %85 eq, %87 where, %88 max, %96 lt, %97 and, %98 where, %99 max, %107 const, %108 eq, %110 where, %111 max, %119 lt, %120 and, %121 where, %122 max, %130 const, %131 eq, %133 where, %134 max, %142 lt, %143 and, %144 where, %145 max, %153 const, %154 eq, %156 where, %157 max, %165 lt, %166 and, %167 where, %168 max, %176 const, %177 eq, %179 where, %180 max, %188 lt, %189 and, %190 where, %191 max, %199 const, %200 eq, %202 where, %203 max, %211 lt, %212 and, %213 where, %214 max, %8 mod, %10 eq, %41 const, %204 shr, %43 const, %205 lt, %4 const, %206 bxor, %207 where, %208 cast, %209 cast, %215 shr, %216 lt, %217 bxor, %218 where, %219 cast, %220 cast, %221 add, %181 shr, %182 lt, %183 bxor, %184 where, %185 cast, %186 cast, %192 shr, %193 lt, %194 bxor, %195 where, %196 cast, %197 cast, %198 add, %222 cat, %158 shr, %159 lt, %160 bxor, %161 where, %162 cast, %163 cast, %169 shr, %170 lt, %171 bxor, %172 where, %173 cast, %174 cast, %175 add, %135 shr, %136 lt, %137 bxor, %138 where, %139 cast, %140 cast, %146 shr, %147 lt, %148 bxor, %149 where, %150 cast, %151 cast, %152 add, %112 shr, %113 lt, %114 bxor, %115 where, %116 cast, %117 cast, %123 shr, %124 lt, %125 bxor, %126 where, %127 cast, %128 cast, %129 add, %89 shr, %90 lt, %91 bxor, %92 where, %93 cast, %94 cast, %100 shr, %101 lt, %102 bxor, %103 where, %104 cast, %105 cast, %106 add, %66 shr, %67 lt, %68 bxor, %69 where, %70 cast, %71 cast, %77 shr, %78 lt, %79 bxor, %80 where, %81 cast, %82 cast, %83 add, %42 shr, %44 lt, %45 bxor, %46 where, %47 cast, %48 cast, %54 shr, %55 lt, %56 bxor, %57 where, %58 cast, %59 cast, %60 add, %224 const, %225 where, %226 ne, %227 eq, %228 cast, %229 cast, %230 cast, %231 lt, %232 bxor, %233 where, %234 where, %235 where, %236 shl, %237 cast, %238 sub, %239 bor, %240 max, %248 lt, %249 where, %250 max, %256 lt, %257 where, %258 max, %264 lt, %265 where, %266 max, %241 const, %242 band, %243 sub, %244 cast, %245 const, %246 floordiv, %273 eq, %251 band, %252 sub, %253 cast, %254 floordiv, %275 eq, %276 or, %259 band, %260 sub, %261 cast, %262 floordiv, %278 eq, %279 or, %267 band, %268 sub, %269 cast, %270 floordiv, %281 eq, %282 or, %283 where, %284 ne, %285 eq, %286 cast, %287 cast, %288 cast, %289 lt, %290 bxor, %291 where, %292 where, %293 where, %294 shl, %295 bor, %296 max, %301 lt, %302 where, %303 max, %308 lt, %309 where, %310 max, %315 lt, %316 where, %317 max, %322 lt, %323 where, %324 max, %329 lt, %330 where, %331 max, %336 lt, %337 where, %338 max, %343 lt, %344 where, %345 max, %297 band, %298 sub, %299 cast, %351 eq, %352 where, %353 max, %304 band, %305 sub, %306 cast, %355 eq, %356 where, %357 max, %311 band, %312 sub, %313 cast, %360 eq, %361 where, %362 max, %318 band, %319 sub, %320 cast, %365 eq, %366 where, %367 max, %325 band, %326 sub, %327 cast, %370 eq, %371 where, %372 max, %332 band, %333 sub, %334 cast, %375 eq, %376 where, %377 max, %339 band, %340 sub, %341 cast, %380 eq, %381 where, %382 max, %346 band, %347 sub, %348 cast, %385 eq, %386 where, %387 max, %358 add, %363 add, %368 add, %373 add, %378 add, %383 add, %388 add, %390 div, %391 const, %392 mul, %393 div, %394 mul, %395 div, %396 mul, %397 div, %398 mul, %399 div, %400 mul, %401 div, %402 mul, %403 div, %404 mul, %405 div, %406 mul
 */
/* ---- kernel moe_fused_gate_k0_few ----
 * few-rows variant of moe_fused_gate_k0: launched instead when moe_fused_gate_k0's grid is at most 1 blocks per SM
 *   b0         pointer (gating_output bf16[T, 256])
 *   b0_s0      stride of dim 0 (gating_output bf16[T, 256])
 *   b1         pointer (bias bf16[256])
 *   b2         pointer (out0 f32[T, 8])
 *   b3         pointer (ids i32[T, 8])
 *   sym_T      size symbol
 * block 32, shared memory 0 bytes, grid = ceil(T / 1)
 * segment 0: rows T x row 256; 32 lanes x 2 runs x 4, 1 rows/block, row in registers
 * graph ops: %2 iota, %5 const, %6 floordiv, %9 const, %12 eq, %0 input, %14 cast, %15 sigmoid, %1 input, %16 cast, %18 add, %19 ne, %20 const, %21 const, %22 eq, %23 const, %24 cast, %25 cast, %26 lt, %27 bxor, %28 where, %29 where, %30 where, %31 const, %32 shl, %33 const, %34 cast, %35 sub, %37 bor, %38 const, %39 where, %40 max, %50 lt, %51 and, %52 where, %53 max, %61 const, %62 eq, %64 where, %65 max, %73 lt, %74 and, %75 where, %76 max, %84 const, %85 eq, %87 where, %88 max, %96 lt, %97 and, %98 where, %99 max, %107 const, %108 eq, %110 where, %111 max, %119 lt, %120 and, %121 where, %122 max, %130 const, %131 eq, %133 where, %134 max, %142 lt, %143 and, %144 where, %145 max, %153 const, %154 eq, %156 where, %157 max, %165 lt, %166 and, %167 where, %168 max, %176 const, %177 eq, %179 where, %180 max, %188 lt, %189 and, %190 where, %191 max, %199 const, %200 eq, %202 where, %203 max, %211 lt, %212 and, %213 where, %214 max, %8 mod, %10 eq, %41 const, %204 shr, %43 const, %205 lt, %4 const, %206 bxor, %207 where, %208 cast, %209 cast, %215 shr, %216 lt, %217 bxor, %218 where, %219 cast, %220 cast, %221 add, %181 shr, %182 lt, %183 bxor, %184 where, %185 cast, %186 cast, %192 shr, %193 lt, %194 bxor, %195 where, %196 cast, %197 cast, %198 add, %222 cat, %158 shr, %159 lt, %160 bxor, %161 where, %162 cast, %163 cast, %169 shr, %170 lt, %171 bxor, %172 where, %173 cast, %174 cast, %175 add, %135 shr, %136 lt, %137 bxor, %138 where, %139 cast, %140 cast, %146 shr, %147 lt, %148 bxor, %149 where, %150 cast, %151 cast, %152 add, %112 shr, %113 lt, %114 bxor, %115 where, %116 cast, %117 cast, %123 shr, %124 lt, %125 bxor, %126 where, %127 cast, %128 cast, %129 add, %89 shr, %90 lt, %91 bxor, %92 where, %93 cast, %94 cast, %100 shr, %101 lt, %102 bxor, %103 where, %104 cast, %105 cast, %106 add, %66 shr, %67 lt, %68 bxor, %69 where, %70 cast, %71 cast, %77 shr, %78 lt, %79 bxor, %80 where, %81 cast, %82 cast, %83 add, %42 shr, %44 lt, %45 bxor, %46 where, %47 cast, %48 cast, %54 shr, %55 lt, %56 bxor, %57 where, %58 cast, %59 cast, %60 add, %224 const, %225 where, %226 ne, %227 eq, %228 cast, %229 cast, %230 cast, %231 lt, %232 bxor, %233 where, %234 where, %235 where, %236 shl, %237 cast, %238 sub, %239 bor, %240 max, %248 lt, %249 where, %250 max, %256 lt, %257 where, %258 max, %264 lt, %265 where, %266 max, %241 const, %242 band, %243 sub, %244 cast, %245 const, %246 floordiv, %273 eq, %251 band, %252 sub, %253 cast, %254 floordiv, %275 eq, %276 or, %259 band, %260 sub, %261 cast, %262 floordiv, %278 eq, %279 or, %267 band, %268 sub, %269 cast, %270 floordiv, %281 eq, %282 or, %283 where, %284 ne, %285 eq, %286 cast, %287 cast, %288 cast, %289 lt, %290 bxor, %291 where, %292 where, %293 where, %294 shl, %295 bor, %296 max, %301 lt, %302 where, %303 max, %308 lt, %309 where, %310 max, %315 lt, %316 where, %317 max, %322 lt, %323 where, %324 max, %329 lt, %330 where, %331 max, %336 lt, %337 where, %338 max, %343 lt, %344 where, %345 max, %297 band, %298 sub, %299 cast, %351 eq, %352 where, %353 max, %304 band, %305 sub, %306 cast, %355 eq, %356 where, %357 max, %311 band, %312 sub, %313 cast, %360 eq, %361 where, %362 max, %318 band, %319 sub, %320 cast, %365 eq, %366 where, %367 max, %325 band, %326 sub, %327 cast, %370 eq, %371 where, %372 max, %332 band, %333 sub, %334 cast, %375 eq, %376 where, %377 max, %339 band, %340 sub, %341 cast, %380 eq, %381 where, %382 max, %346 band, %347 sub, %348 cast, %385 eq, %386 where, %387 max, %358 add, %363 add, %368 add, %373 add, %378 add, %383 add, %388 add, %390 div, %391 const, %392 mul, %393 div, %394 mul, %395 div, %396 mul, %397 div, %398 mul, %399 div, %400 mul, %401 div, %402 mul, %403 div, %404 mul, %405 div, %406 mul
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
    SN_GRID_ENTRY();
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
            sn_i64 c28[16];
            sn_i64 c286[16];
            const sn_i64 k1 = (sn_i64)32ll;
            const sn_i64 k3 = (sn_i64)0ll;
            const sn_i64 k12 = (sn_i64)2147483647ll;
            const float k13 = 0.0f;
            const sn_i64 k15 = (sn_i64)0ll;
            const sn_i64 k23 = (sn_i64)32ll;
            const sn_i64 k25 = (sn_i64)2147483647ll;
            const sn_i64 k29 = (sn_i64)-9223372036854775808ll;
            const sn_i64 k36 = (sn_i64)1ll;
            const sn_i64 k44 = (sn_i64)2ll;
            const sn_i64 k52 = (sn_i64)3ll;
            const sn_i64 k60 = (sn_i64)4ll;
            const sn_i64 k68 = (sn_i64)5ll;
            const sn_i64 k76 = (sn_i64)6ll;
            const sn_i64 k84 = (sn_i64)7ll;
            const sn_i64 k95 = (sn_i64)32ll;
            const sn_i64 k97 = (sn_i64)0ll;
            const sn_i64 k99 = (sn_i64)2147483647ll;
            const sn_i64 k111 = (sn_i64)7ll;
            const sn_i64 k127 = (sn_i64)6ll;
            const sn_i64 k143 = (sn_i64)5ll;
            const sn_i64 k159 = (sn_i64)4ll;
            const sn_i64 k175 = (sn_i64)3ll;
            const sn_i64 k191 = (sn_i64)2ll;
            const sn_i64 k207 = (sn_i64)1ll;
            const float k223 = sn_u2f(0xff800000u);
            const sn_i64 k249 = (sn_i64)4294967295ll;
            const sn_i64 k253 = (sn_i64)32ll;
            const float k365 = 2.5f;
            sn_i64 acc31 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc39 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc47 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc55 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc63 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc71 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc79 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc87 = (sn_i64)0x8000000000000000ull;
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
                    const sn_i64 k11 = (sn_i64)(k10 != k10);
                    const sn_i64 k14 = (sn_i64)(k10 == k13);
                    const sn_i64 k16 = sn_iwrap((sn_i64)sn_f2u(k10), 32, 1);
                    const sn_i64 k17 = sn_wrap(k16, 64);
                    const sn_i64 k18 = (sn_i64)(k17 < k15);
                    const sn_i64 k19 = (k17 ^ k12);
                    const sn_i64 k20 = k18 != 0 ? k19 : k17;
                    const sn_i64 k21 = k14 != 0 ? k15 : k20;
                    const sn_i64 k22 = k11 != 0 ? k12 : k21;
                    const sn_i64 k24 = sn_ishl(k22, k23, 64, 1);
                    const sn_i64 k26 = sn_wrap(k0, 64);
                    const sn_i64 k27 = sn_isub(k25, k26);
                    const sn_i64 k28 = (k24 | k27);
                    c28[c * 8 + j] = k28;
                    const sn_i64 k30 = k4 != 0 ? k28 : k29;
                    const sn_i64 k37 = (sn_i64)(k2 == k36);
                    const sn_i64 k38 = k37 != 0 ? k28 : k29;
                    const sn_i64 k45 = (sn_i64)(k2 == k44);
                    const sn_i64 k46 = k45 != 0 ? k28 : k29;
                    const sn_i64 k53 = (sn_i64)(k2 == k52);
                    const sn_i64 k54 = k53 != 0 ? k28 : k29;
                    const sn_i64 k61 = (sn_i64)(k2 == k60);
                    const sn_i64 k62 = k61 != 0 ? k28 : k29;
                    const sn_i64 k69 = (sn_i64)(k2 == k68);
                    const sn_i64 k70 = k69 != 0 ? k28 : k29;
                    const sn_i64 k77 = (sn_i64)(k2 == k76);
                    const sn_i64 k78 = k77 != 0 ? k28 : k29;
                    const sn_i64 k85 = (sn_i64)(k2 == k84);
                    const sn_i64 k86 = k85 != 0 ? k28 : k29;
                    acc31 = sn_ifold_max(acc31, k30);
                    acc39 = sn_ifold_max(acc39, k38);
                    acc47 = sn_ifold_max(acc47, k46);
                    acc55 = sn_ifold_max(acc55, k54);
                    acc63 = sn_ifold_max(acc63, k62);
                    acc71 = sn_ifold_max(acc71, k70);
                    acc79 = sn_ifold_max(acc79, k78);
                    acc87 = sn_ifold_max(acc87, k86);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc31, off, 32);
                acc31 = sn_ifold_max(acc31, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc39, off, 32);
                acc39 = sn_ifold_max(acc39, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc47, off, 32);
                acc47 = sn_ifold_max(acc47, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc55, off, 32);
                acc55 = sn_ifold_max(acc55, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc63, off, 32);
                acc63 = sn_ifold_max(acc63, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc71, off, 32);
                acc71 = sn_ifold_max(acc71, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc79, off, 32);
                acc79 = sn_ifold_max(acc79, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc87, off, 32);
                acc87 = sn_ifold_max(acc87, other);
            }
            acc31 = __shfl_sync(0xffffffffu, acc31, 0, 16);
            acc39 = __shfl_sync(0xffffffffu, acc39, 0, 16);
            acc47 = __shfl_sync(0xffffffffu, acc47, 0, 16);
            acc55 = __shfl_sync(0xffffffffu, acc55, 0, 16);
            acc63 = __shfl_sync(0xffffffffu, acc63, 0, 16);
            acc71 = __shfl_sync(0xffffffffu, acc71, 0, 16);
            acc79 = __shfl_sync(0xffffffffu, acc79, 0, 16);
            acc87 = __shfl_sync(0xffffffffu, acc87, 0, 16);
            const sn_i64 k31 = acc31;
            const sn_i64 k39 = acc39;
            const sn_i64 k47 = acc47;
            const sn_i64 k55 = acc55;
            const sn_i64 k63 = acc63;
            const sn_i64 k71 = acc71;
            const sn_i64 k79 = acc79;
            const sn_i64 k87 = acc87;
            const sn_i64 k96 = sn_ishr(k87, k95, 64, 1);
            const sn_i64 k98 = (sn_i64)(k96 < k97);
            const sn_i64 k100 = (k96 ^ k99);
            const sn_i64 k101 = k98 != 0 ? k100 : k96;
            const sn_i64 k102 = sn_wrap(k101, 32);
            const float k103 = sn_u2f((sn_u32)k102);
            const sn_i64 k112 = sn_ishr(k79, k95, 64, 1);
            const sn_i64 k113 = (sn_i64)(k112 < k97);
            const sn_i64 k114 = (k112 ^ k99);
            const sn_i64 k115 = k113 != 0 ? k114 : k112;
            const sn_i64 k116 = sn_wrap(k115, 32);
            const float k117 = sn_u2f((sn_u32)k116);
            const sn_i64 k128 = sn_ishr(k71, k95, 64, 1);
            const sn_i64 k129 = (sn_i64)(k128 < k97);
            const sn_i64 k130 = (k128 ^ k99);
            const sn_i64 k131 = k129 != 0 ? k130 : k128;
            const sn_i64 k132 = sn_wrap(k131, 32);
            const float k133 = sn_u2f((sn_u32)k132);
            const sn_i64 k144 = sn_ishr(k63, k95, 64, 1);
            const sn_i64 k145 = (sn_i64)(k144 < k97);
            const sn_i64 k146 = (k144 ^ k99);
            const sn_i64 k147 = k145 != 0 ? k146 : k144;
            const sn_i64 k148 = sn_wrap(k147, 32);
            const float k149 = sn_u2f((sn_u32)k148);
            const sn_i64 k160 = sn_ishr(k55, k95, 64, 1);
            const sn_i64 k161 = (sn_i64)(k160 < k97);
            const sn_i64 k162 = (k160 ^ k99);
            const sn_i64 k163 = k161 != 0 ? k162 : k160;
            const sn_i64 k164 = sn_wrap(k163, 32);
            const float k165 = sn_u2f((sn_u32)k164);
            const sn_i64 k176 = sn_ishr(k47, k95, 64, 1);
            const sn_i64 k177 = (sn_i64)(k176 < k97);
            const sn_i64 k178 = (k176 ^ k99);
            const sn_i64 k179 = k177 != 0 ? k178 : k176;
            const sn_i64 k180 = sn_wrap(k179, 32);
            const float k181 = sn_u2f((sn_u32)k180);
            const sn_i64 k192 = sn_ishr(k39, k95, 64, 1);
            const sn_i64 k193 = (sn_i64)(k192 < k97);
            const sn_i64 k194 = (k192 ^ k99);
            const sn_i64 k195 = k193 != 0 ? k194 : k192;
            const sn_i64 k196 = sn_wrap(k195, 32);
            const float k197 = sn_u2f((sn_u32)k196);
            const sn_i64 k208 = sn_ishr(k31, k95, 64, 1);
            const sn_i64 k209 = (sn_i64)(k208 < k97);
            const sn_i64 k210 = (k208 ^ k99);
            const sn_i64 k211 = k209 != 0 ? k210 : k208;
            const sn_i64 k212 = sn_wrap(k211, 32);
            const float k213 = sn_u2f((sn_u32)k212);
            sn_i64 acc35 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc43 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc51 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc59 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc67 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc75 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc83 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc91 = (sn_i64)0x8000000000000000ull;
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
                    const sn_i64 k4 = (sn_i64)(k2 == k3);
                    const sn_i64 k28 = c28[c * 8 + j];
                    const sn_i64 k32 = (sn_i64)(k28 < k31);
                    const sn_i64 k33 = (sn_i64)(k4 != 0 && k32 != 0);
                    const sn_i64 k34 = k33 != 0 ? k28 : k29;
                    const sn_i64 k37 = (sn_i64)(k2 == k36);
                    const sn_i64 k40 = (sn_i64)(k28 < k39);
                    const sn_i64 k41 = (sn_i64)(k37 != 0 && k40 != 0);
                    const sn_i64 k42 = k41 != 0 ? k28 : k29;
                    const sn_i64 k45 = (sn_i64)(k2 == k44);
                    const sn_i64 k48 = (sn_i64)(k28 < k47);
                    const sn_i64 k49 = (sn_i64)(k45 != 0 && k48 != 0);
                    const sn_i64 k50 = k49 != 0 ? k28 : k29;
                    const sn_i64 k53 = (sn_i64)(k2 == k52);
                    const sn_i64 k56 = (sn_i64)(k28 < k55);
                    const sn_i64 k57 = (sn_i64)(k53 != 0 && k56 != 0);
                    const sn_i64 k58 = k57 != 0 ? k28 : k29;
                    const sn_i64 k61 = (sn_i64)(k2 == k60);
                    const sn_i64 k64 = (sn_i64)(k28 < k63);
                    const sn_i64 k65 = (sn_i64)(k61 != 0 && k64 != 0);
                    const sn_i64 k66 = k65 != 0 ? k28 : k29;
                    const sn_i64 k69 = (sn_i64)(k2 == k68);
                    const sn_i64 k72 = (sn_i64)(k28 < k71);
                    const sn_i64 k73 = (sn_i64)(k69 != 0 && k72 != 0);
                    const sn_i64 k74 = k73 != 0 ? k28 : k29;
                    const sn_i64 k77 = (sn_i64)(k2 == k76);
                    const sn_i64 k80 = (sn_i64)(k28 < k79);
                    const sn_i64 k81 = (sn_i64)(k77 != 0 && k80 != 0);
                    const sn_i64 k82 = k81 != 0 ? k28 : k29;
                    const sn_i64 k85 = (sn_i64)(k2 == k84);
                    const sn_i64 k88 = (sn_i64)(k28 < k87);
                    const sn_i64 k89 = (sn_i64)(k85 != 0 && k88 != 0);
                    const sn_i64 k90 = k89 != 0 ? k28 : k29;
                    acc35 = sn_ifold_max(acc35, k34);
                    acc43 = sn_ifold_max(acc43, k42);
                    acc51 = sn_ifold_max(acc51, k50);
                    acc59 = sn_ifold_max(acc59, k58);
                    acc67 = sn_ifold_max(acc67, k66);
                    acc75 = sn_ifold_max(acc75, k74);
                    acc83 = sn_ifold_max(acc83, k82);
                    acc91 = sn_ifold_max(acc91, k90);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc35, off, 32);
                acc35 = sn_ifold_max(acc35, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc43, off, 32);
                acc43 = sn_ifold_max(acc43, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc51, off, 32);
                acc51 = sn_ifold_max(acc51, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc59, off, 32);
                acc59 = sn_ifold_max(acc59, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc67, off, 32);
                acc67 = sn_ifold_max(acc67, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc75, off, 32);
                acc75 = sn_ifold_max(acc75, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc83, off, 32);
                acc83 = sn_ifold_max(acc83, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc91, off, 32);
                acc91 = sn_ifold_max(acc91, other);
            }
            acc35 = __shfl_sync(0xffffffffu, acc35, 0, 16);
            acc43 = __shfl_sync(0xffffffffu, acc43, 0, 16);
            acc51 = __shfl_sync(0xffffffffu, acc51, 0, 16);
            acc59 = __shfl_sync(0xffffffffu, acc59, 0, 16);
            acc67 = __shfl_sync(0xffffffffu, acc67, 0, 16);
            acc75 = __shfl_sync(0xffffffffu, acc75, 0, 16);
            acc83 = __shfl_sync(0xffffffffu, acc83, 0, 16);
            acc91 = __shfl_sync(0xffffffffu, acc91, 0, 16);
            const sn_i64 k35 = acc35;
            const sn_i64 k43 = acc43;
            const sn_i64 k51 = acc51;
            const sn_i64 k59 = acc59;
            const sn_i64 k67 = acc67;
            const sn_i64 k75 = acc75;
            const sn_i64 k83 = acc83;
            const sn_i64 k91 = acc91;
            const sn_i64 k104 = sn_ishr(k91, k95, 64, 1);
            const sn_i64 k105 = (sn_i64)(k104 < k97);
            const sn_i64 k106 = (k104 ^ k99);
            const sn_i64 k107 = k105 != 0 ? k106 : k104;
            const sn_i64 k108 = sn_wrap(k107, 32);
            const float k109 = sn_u2f((sn_u32)k108);
            const float k110 = k103 + k109;
            const sn_i64 k118 = sn_ishr(k83, k95, 64, 1);
            const sn_i64 k119 = (sn_i64)(k118 < k97);
            const sn_i64 k120 = (k118 ^ k99);
            const sn_i64 k121 = k119 != 0 ? k120 : k118;
            const sn_i64 k122 = sn_wrap(k121, 32);
            const float k123 = sn_u2f((sn_u32)k122);
            const float k124 = k117 + k123;
            const sn_i64 k134 = sn_ishr(k75, k95, 64, 1);
            const sn_i64 k135 = (sn_i64)(k134 < k97);
            const sn_i64 k136 = (k134 ^ k99);
            const sn_i64 k137 = k135 != 0 ? k136 : k134;
            const sn_i64 k138 = sn_wrap(k137, 32);
            const float k139 = sn_u2f((sn_u32)k138);
            const float k140 = k133 + k139;
            const sn_i64 k150 = sn_ishr(k67, k95, 64, 1);
            const sn_i64 k151 = (sn_i64)(k150 < k97);
            const sn_i64 k152 = (k150 ^ k99);
            const sn_i64 k153 = k151 != 0 ? k152 : k150;
            const sn_i64 k154 = sn_wrap(k153, 32);
            const float k155 = sn_u2f((sn_u32)k154);
            const float k156 = k149 + k155;
            const sn_i64 k166 = sn_ishr(k59, k95, 64, 1);
            const sn_i64 k167 = (sn_i64)(k166 < k97);
            const sn_i64 k168 = (k166 ^ k99);
            const sn_i64 k169 = k167 != 0 ? k168 : k166;
            const sn_i64 k170 = sn_wrap(k169, 32);
            const float k171 = sn_u2f((sn_u32)k170);
            const float k172 = k165 + k171;
            const sn_i64 k182 = sn_ishr(k51, k95, 64, 1);
            const sn_i64 k183 = (sn_i64)(k182 < k97);
            const sn_i64 k184 = (k182 ^ k99);
            const sn_i64 k185 = k183 != 0 ? k184 : k182;
            const sn_i64 k186 = sn_wrap(k185, 32);
            const float k187 = sn_u2f((sn_u32)k186);
            const float k188 = k181 + k187;
            const sn_i64 k198 = sn_ishr(k43, k95, 64, 1);
            const sn_i64 k199 = (sn_i64)(k198 < k97);
            const sn_i64 k200 = (k198 ^ k99);
            const sn_i64 k201 = k199 != 0 ? k200 : k198;
            const sn_i64 k202 = sn_wrap(k201, 32);
            const float k203 = sn_u2f((sn_u32)k202);
            const float k204 = k197 + k203;
            const sn_i64 k214 = sn_ishr(k35, k95, 64, 1);
            const sn_i64 k215 = (sn_i64)(k214 < k97);
            const sn_i64 k216 = (k214 ^ k99);
            const sn_i64 k217 = k215 != 0 ? k216 : k214;
            const sn_i64 k218 = sn_wrap(k217, 32);
            const float k219 = sn_u2f((sn_u32)k218);
            const float k220 = k213 + k219;
            sn_i64 acc239 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k92 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k93 = (sn_i64)(k92 == k3);
                    const sn_i64 k94 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k125 = (sn_i64)(k94 < k111);
                    const float k126 = k125 != 0 ? k124 : k110;
                    const sn_i64 k141 = (sn_i64)(k94 < k127);
                    const float k142 = k141 != 0 ? k140 : k126;
                    const sn_i64 k157 = (sn_i64)(k94 < k143);
                    const float k158 = k157 != 0 ? k156 : k142;
                    const sn_i64 k173 = (sn_i64)(k94 < k159);
                    const float k174 = k173 != 0 ? k172 : k158;
                    const sn_i64 k189 = (sn_i64)(k94 < k175);
                    const float k190 = k189 != 0 ? k188 : k174;
                    const sn_i64 k205 = (sn_i64)(k94 < k191);
                    const float k206 = k205 != 0 ? k204 : k190;
                    const sn_i64 k221 = (sn_i64)(k94 < k207);
                    const float k222 = k221 != 0 ? k220 : k206;
                    const float k224 = k93 != 0 ? k222 : k223;
                    const sn_i64 k225 = (sn_i64)(k224 != k224);
                    const sn_i64 k226 = (sn_i64)(k224 == k13);
                    const float k227 = (k224);
                    const sn_i64 k228 = sn_iwrap((sn_i64)sn_f2u(k227), 32, 1);
                    const sn_i64 k229 = sn_wrap(k228, 64);
                    const sn_i64 k230 = (sn_i64)(k229 < k15);
                    const sn_i64 k231 = (k229 ^ k12);
                    const sn_i64 k232 = k230 != 0 ? k231 : k229;
                    const sn_i64 k233 = k226 != 0 ? k15 : k232;
                    const sn_i64 k234 = k225 != 0 ? k12 : k233;
                    const sn_i64 k235 = sn_ishl(k234, k23, 64, 1);
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k238 = (k235 | k237);
                    acc239 = sn_ifold_max(acc239, k238);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc239, off, 32);
                acc239 = sn_ifold_max(acc239, other);
            }
            acc239 = __shfl_sync(0xffffffffu, acc239, 0, 16);
            const sn_i64 k239 = acc239;
            const sn_i64 k250 = (k239 & k249);
            const sn_i64 k251 = sn_isub(k99, k250);
            const sn_i64 k252 = sn_wrap(k251, 32);
            const sn_i64 k254 = sn_ifloordiv(k252, k253, 32, 1);
            sn_i64 acc242 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k92 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k93 = (sn_i64)(k92 == k3);
                    const sn_i64 k94 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k125 = (sn_i64)(k94 < k111);
                    const float k126 = k125 != 0 ? k124 : k110;
                    const sn_i64 k141 = (sn_i64)(k94 < k127);
                    const float k142 = k141 != 0 ? k140 : k126;
                    const sn_i64 k157 = (sn_i64)(k94 < k143);
                    const float k158 = k157 != 0 ? k156 : k142;
                    const sn_i64 k173 = (sn_i64)(k94 < k159);
                    const float k174 = k173 != 0 ? k172 : k158;
                    const sn_i64 k189 = (sn_i64)(k94 < k175);
                    const float k190 = k189 != 0 ? k188 : k174;
                    const sn_i64 k205 = (sn_i64)(k94 < k191);
                    const float k206 = k205 != 0 ? k204 : k190;
                    const sn_i64 k221 = (sn_i64)(k94 < k207);
                    const float k222 = k221 != 0 ? k220 : k206;
                    const float k224 = k93 != 0 ? k222 : k223;
                    const sn_i64 k225 = (sn_i64)(k224 != k224);
                    const sn_i64 k226 = (sn_i64)(k224 == k13);
                    const float k227 = (k224);
                    const sn_i64 k228 = sn_iwrap((sn_i64)sn_f2u(k227), 32, 1);
                    const sn_i64 k229 = sn_wrap(k228, 64);
                    const sn_i64 k230 = (sn_i64)(k229 < k15);
                    const sn_i64 k231 = (k229 ^ k12);
                    const sn_i64 k232 = k230 != 0 ? k231 : k229;
                    const sn_i64 k233 = k226 != 0 ? k15 : k232;
                    const sn_i64 k234 = k225 != 0 ? k12 : k233;
                    const sn_i64 k235 = sn_ishl(k234, k23, 64, 1);
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k238 = (k235 | k237);
                    const sn_i64 k240 = (sn_i64)(k238 < k239);
                    const sn_i64 k241 = k240 != 0 ? k238 : k29;
                    acc242 = sn_ifold_max(acc242, k241);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc242, off, 32);
                acc242 = sn_ifold_max(acc242, other);
            }
            acc242 = __shfl_sync(0xffffffffu, acc242, 0, 16);
            const sn_i64 k242 = acc242;
            const sn_i64 k256 = (k242 & k249);
            const sn_i64 k257 = sn_isub(k99, k256);
            const sn_i64 k258 = sn_wrap(k257, 32);
            const sn_i64 k259 = sn_ifloordiv(k258, k253, 32, 1);
            sn_i64 acc245 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k92 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k93 = (sn_i64)(k92 == k3);
                    const sn_i64 k94 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k125 = (sn_i64)(k94 < k111);
                    const float k126 = k125 != 0 ? k124 : k110;
                    const sn_i64 k141 = (sn_i64)(k94 < k127);
                    const float k142 = k141 != 0 ? k140 : k126;
                    const sn_i64 k157 = (sn_i64)(k94 < k143);
                    const float k158 = k157 != 0 ? k156 : k142;
                    const sn_i64 k173 = (sn_i64)(k94 < k159);
                    const float k174 = k173 != 0 ? k172 : k158;
                    const sn_i64 k189 = (sn_i64)(k94 < k175);
                    const float k190 = k189 != 0 ? k188 : k174;
                    const sn_i64 k205 = (sn_i64)(k94 < k191);
                    const float k206 = k205 != 0 ? k204 : k190;
                    const sn_i64 k221 = (sn_i64)(k94 < k207);
                    const float k222 = k221 != 0 ? k220 : k206;
                    const float k224 = k93 != 0 ? k222 : k223;
                    const sn_i64 k225 = (sn_i64)(k224 != k224);
                    const sn_i64 k226 = (sn_i64)(k224 == k13);
                    const float k227 = (k224);
                    const sn_i64 k228 = sn_iwrap((sn_i64)sn_f2u(k227), 32, 1);
                    const sn_i64 k229 = sn_wrap(k228, 64);
                    const sn_i64 k230 = (sn_i64)(k229 < k15);
                    const sn_i64 k231 = (k229 ^ k12);
                    const sn_i64 k232 = k230 != 0 ? k231 : k229;
                    const sn_i64 k233 = k226 != 0 ? k15 : k232;
                    const sn_i64 k234 = k225 != 0 ? k12 : k233;
                    const sn_i64 k235 = sn_ishl(k234, k23, 64, 1);
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k238 = (k235 | k237);
                    const sn_i64 k243 = (sn_i64)(k238 < k242);
                    const sn_i64 k244 = k243 != 0 ? k238 : k29;
                    acc245 = sn_ifold_max(acc245, k244);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc245, off, 32);
                acc245 = sn_ifold_max(acc245, other);
            }
            acc245 = __shfl_sync(0xffffffffu, acc245, 0, 16);
            const sn_i64 k245 = acc245;
            const sn_i64 k262 = (k245 & k249);
            const sn_i64 k263 = sn_isub(k99, k262);
            const sn_i64 k264 = sn_wrap(k263, 32);
            const sn_i64 k265 = sn_ifloordiv(k264, k253, 32, 1);
            sn_i64 acc248 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k92 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k93 = (sn_i64)(k92 == k3);
                    const sn_i64 k94 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k125 = (sn_i64)(k94 < k111);
                    const float k126 = k125 != 0 ? k124 : k110;
                    const sn_i64 k141 = (sn_i64)(k94 < k127);
                    const float k142 = k141 != 0 ? k140 : k126;
                    const sn_i64 k157 = (sn_i64)(k94 < k143);
                    const float k158 = k157 != 0 ? k156 : k142;
                    const sn_i64 k173 = (sn_i64)(k94 < k159);
                    const float k174 = k173 != 0 ? k172 : k158;
                    const sn_i64 k189 = (sn_i64)(k94 < k175);
                    const float k190 = k189 != 0 ? k188 : k174;
                    const sn_i64 k205 = (sn_i64)(k94 < k191);
                    const float k206 = k205 != 0 ? k204 : k190;
                    const sn_i64 k221 = (sn_i64)(k94 < k207);
                    const float k222 = k221 != 0 ? k220 : k206;
                    const float k224 = k93 != 0 ? k222 : k223;
                    const sn_i64 k225 = (sn_i64)(k224 != k224);
                    const sn_i64 k226 = (sn_i64)(k224 == k13);
                    const float k227 = (k224);
                    const sn_i64 k228 = sn_iwrap((sn_i64)sn_f2u(k227), 32, 1);
                    const sn_i64 k229 = sn_wrap(k228, 64);
                    const sn_i64 k230 = (sn_i64)(k229 < k15);
                    const sn_i64 k231 = (k229 ^ k12);
                    const sn_i64 k232 = k230 != 0 ? k231 : k229;
                    const sn_i64 k233 = k226 != 0 ? k15 : k232;
                    const sn_i64 k234 = k225 != 0 ? k12 : k233;
                    const sn_i64 k235 = sn_ishl(k234, k23, 64, 1);
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k238 = (k235 | k237);
                    const sn_i64 k246 = (sn_i64)(k238 < k245);
                    const sn_i64 k247 = k246 != 0 ? k238 : k29;
                    acc248 = sn_ifold_max(acc248, k247);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc248, off, 32);
                acc248 = sn_ifold_max(acc248, other);
            }
            acc248 = __shfl_sync(0xffffffffu, acc248, 0, 16);
            const sn_i64 k248 = acc248;
            const sn_i64 k268 = (k248 & k249);
            const sn_i64 k269 = sn_isub(k99, k268);
            const sn_i64 k270 = sn_wrap(k269, 32);
            const sn_i64 k271 = sn_ifloordiv(k270, k253, 32, 1);
            sn_i64 acc287 = (sn_i64)0x8000000000000000ull;
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
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k255 = (sn_i64)(k2 == k254);
                    const sn_i64 k260 = (sn_i64)(k2 == k259);
                    const sn_i64 k261 = (sn_i64)(k255 != 0 || k260 != 0);
                    const sn_i64 k266 = (sn_i64)(k2 == k265);
                    const sn_i64 k267 = (sn_i64)(k261 != 0 || k266 != 0);
                    const sn_i64 k272 = (sn_i64)(k2 == k271);
                    const sn_i64 k273 = (sn_i64)(k267 != 0 || k272 != 0);
                    const float k274 = k273 != 0 ? k10 : k223;
                    const sn_i64 k275 = (sn_i64)(k274 != k274);
                    const sn_i64 k276 = (sn_i64)(k274 == k13);
                    const float k277 = (k274);
                    const sn_i64 k278 = sn_iwrap((sn_i64)sn_f2u(k277), 32, 1);
                    const sn_i64 k279 = sn_wrap(k278, 64);
                    const sn_i64 k280 = (sn_i64)(k279 < k15);
                    const sn_i64 k281 = (k279 ^ k12);
                    const sn_i64 k282 = k280 != 0 ? k281 : k279;
                    const sn_i64 k283 = k276 != 0 ? k15 : k282;
                    const sn_i64 k284 = k275 != 0 ? k12 : k283;
                    const sn_i64 k285 = sn_ishl(k284, k23, 64, 1);
                    const sn_i64 k286 = (k285 | k237);
                    c286[c * 8 + j] = k286;
                    acc287 = sn_ifold_max(acc287, k286);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc287, off, 32);
                acc287 = sn_ifold_max(acc287, other);
            }
            acc287 = __shfl_sync(0xffffffffu, acc287, 0, 16);
            const sn_i64 k287 = acc287;
            const sn_i64 k309 = (k287 & k249);
            const sn_i64 k310 = sn_isub(k99, k309);
            const sn_i64 k311 = sn_wrap(k310, 32);
            sn_i64 acc290 = (sn_i64)0x8000000000000000ull;
            float acc314 = sn_u2f(0xff800000u);
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k288 = (sn_i64)(k286 < k287);
                    const sn_i64 k289 = k288 != 0 ? k286 : k29;
                    const sn_i64 k312 = (sn_i64)(k0 == k311);
                    const float k313 = k312 != 0 ? k7 : k223;
                    acc290 = sn_ifold_max(acc290, k289);
                    acc314 = sn_fold_max(acc314, k313);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc290, off, 32);
                acc290 = sn_ifold_max(acc290, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc314, off, 32);
                acc314 = sn_fold_max(acc314, other);
            }
            acc290 = __shfl_sync(0xffffffffu, acc290, 0, 16);
            acc314 = __shfl_sync(0xffffffffu, acc314, 0, 16);
            const sn_i64 k290 = acc290;
            const float k314 = acc314;
            const sn_i64 k315 = (k290 & k249);
            const sn_i64 k316 = sn_isub(k99, k315);
            const sn_i64 k317 = sn_wrap(k316, 32);
            sn_i64 acc293 = (sn_i64)0x8000000000000000ull;
            float acc320 = sn_u2f(0xff800000u);
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k291 = (sn_i64)(k286 < k290);
                    const sn_i64 k292 = k291 != 0 ? k286 : k29;
                    const sn_i64 k318 = (sn_i64)(k0 == k317);
                    const float k319 = k318 != 0 ? k7 : k223;
                    acc293 = sn_ifold_max(acc293, k292);
                    acc320 = sn_fold_max(acc320, k319);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc293, off, 32);
                acc293 = sn_ifold_max(acc293, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc320, off, 32);
                acc320 = sn_fold_max(acc320, other);
            }
            acc293 = __shfl_sync(0xffffffffu, acc293, 0, 16);
            acc320 = __shfl_sync(0xffffffffu, acc320, 0, 16);
            const sn_i64 k293 = acc293;
            const float k320 = acc320;
            const sn_i64 k321 = (k293 & k249);
            const sn_i64 k322 = sn_isub(k99, k321);
            const sn_i64 k323 = sn_wrap(k322, 32);
            const float k357 = k314 + k320;
            sn_i64 acc296 = (sn_i64)0x8000000000000000ull;
            float acc326 = sn_u2f(0xff800000u);
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k294 = (sn_i64)(k286 < k293);
                    const sn_i64 k295 = k294 != 0 ? k286 : k29;
                    const sn_i64 k324 = (sn_i64)(k0 == k323);
                    const float k325 = k324 != 0 ? k7 : k223;
                    acc296 = sn_ifold_max(acc296, k295);
                    acc326 = sn_fold_max(acc326, k325);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc296, off, 32);
                acc296 = sn_ifold_max(acc296, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc326, off, 32);
                acc326 = sn_fold_max(acc326, other);
            }
            acc296 = __shfl_sync(0xffffffffu, acc296, 0, 16);
            acc326 = __shfl_sync(0xffffffffu, acc326, 0, 16);
            const sn_i64 k296 = acc296;
            const float k326 = acc326;
            const sn_i64 k327 = (k296 & k249);
            const sn_i64 k328 = sn_isub(k99, k327);
            const sn_i64 k329 = sn_wrap(k328, 32);
            const float k358 = k357 + k326;
            sn_i64 acc299 = (sn_i64)0x8000000000000000ull;
            float acc332 = sn_u2f(0xff800000u);
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k297 = (sn_i64)(k286 < k296);
                    const sn_i64 k298 = k297 != 0 ? k286 : k29;
                    const sn_i64 k330 = (sn_i64)(k0 == k329);
                    const float k331 = k330 != 0 ? k7 : k223;
                    acc299 = sn_ifold_max(acc299, k298);
                    acc332 = sn_fold_max(acc332, k331);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc299, off, 32);
                acc299 = sn_ifold_max(acc299, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc332, off, 32);
                acc332 = sn_fold_max(acc332, other);
            }
            acc299 = __shfl_sync(0xffffffffu, acc299, 0, 16);
            acc332 = __shfl_sync(0xffffffffu, acc332, 0, 16);
            const sn_i64 k299 = acc299;
            const float k332 = acc332;
            const sn_i64 k333 = (k299 & k249);
            const sn_i64 k334 = sn_isub(k99, k333);
            const sn_i64 k335 = sn_wrap(k334, 32);
            const float k359 = k358 + k332;
            sn_i64 acc302 = (sn_i64)0x8000000000000000ull;
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k300 = (sn_i64)(k286 < k299);
                    const sn_i64 k301 = k300 != 0 ? k286 : k29;
                    const sn_i64 k336 = (sn_i64)(k0 == k335);
                    const float k337 = k336 != 0 ? k7 : k223;
                    acc302 = sn_ifold_max(acc302, k301);
                    acc338 = sn_fold_max(acc338, k337);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc302, off, 32);
                acc302 = sn_ifold_max(acc302, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc338, off, 32);
                acc338 = sn_fold_max(acc338, other);
            }
            acc302 = __shfl_sync(0xffffffffu, acc302, 0, 16);
            acc338 = __shfl_sync(0xffffffffu, acc338, 0, 16);
            const sn_i64 k302 = acc302;
            const float k338 = acc338;
            const sn_i64 k339 = (k302 & k249);
            const sn_i64 k340 = sn_isub(k99, k339);
            const sn_i64 k341 = sn_wrap(k340, 32);
            const float k360 = k359 + k338;
            sn_i64 acc305 = (sn_i64)0x8000000000000000ull;
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k303 = (sn_i64)(k286 < k302);
                    const sn_i64 k304 = k303 != 0 ? k286 : k29;
                    const sn_i64 k342 = (sn_i64)(k0 == k341);
                    const float k343 = k342 != 0 ? k7 : k223;
                    acc305 = sn_ifold_max(acc305, k304);
                    acc344 = sn_fold_max(acc344, k343);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc305, off, 32);
                acc305 = sn_ifold_max(acc305, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc344, off, 32);
                acc344 = sn_fold_max(acc344, other);
            }
            acc305 = __shfl_sync(0xffffffffu, acc305, 0, 16);
            acc344 = __shfl_sync(0xffffffffu, acc344, 0, 16);
            const sn_i64 k305 = acc305;
            const float k344 = acc344;
            const sn_i64 k345 = (k305 & k249);
            const sn_i64 k346 = sn_isub(k99, k345);
            const sn_i64 k347 = sn_wrap(k346, 32);
            const float k361 = k360 + k344;
            sn_i64 acc308 = (sn_i64)0x8000000000000000ull;
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k306 = (sn_i64)(k286 < k305);
                    const sn_i64 k307 = k306 != 0 ? k286 : k29;
                    const sn_i64 k348 = (sn_i64)(k0 == k347);
                    const float k349 = k348 != 0 ? k7 : k223;
                    acc308 = sn_ifold_max(acc308, k307);
                    acc350 = sn_fold_max(acc350, k349);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc308, off, 32);
                acc308 = sn_ifold_max(acc308, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc350, off, 32);
                acc350 = sn_fold_max(acc350, other);
            }
            acc308 = __shfl_sync(0xffffffffu, acc308, 0, 16);
            acc350 = __shfl_sync(0xffffffffu, acc350, 0, 16);
            const sn_i64 k308 = acc308;
            const float k350 = acc350;
            const sn_i64 k351 = (k308 & k249);
            const sn_i64 k352 = sn_isub(k99, k351);
            const sn_i64 k353 = sn_wrap(k352, 32);
            const float k362 = k361 + k350;
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
                    const sn_i64 k354 = (sn_i64)(k0 == k353);
                    const float k355 = k354 != 0 ? k7 : k223;
                    acc356 = sn_fold_max(acc356, k355);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc356, off, 32);
                acc356 = sn_fold_max(acc356, other);
            }
            acc356 = __shfl_sync(0xffffffffu, acc356, 0, 16);
            const float k356 = acc356;
            const float k363 = k362 + k356;
            const float k364 = sn_div(k314, k363);
            const float k366 = k364 * k365;
            const float k367 = sn_div(k320, k363);
            const float k368 = k367 * k365;
            const float k369 = sn_div(k326, k363);
            const float k370 = k369 * k365;
            const float k371 = sn_div(k332, k363);
            const float k372 = k371 * k365;
            const float k373 = sn_div(k338, k363);
            const float k374 = k373 * k365;
            const float k375 = sn_div(k344, k363);
            const float k376 = k375 * k365;
            const float k377 = sn_div(k350, k363);
            const float k378 = k377 * k365;
            const float k379 = sn_div(k356, k363);
            const float k380 = k379 * k365;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)0] = k366;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)1] = k368;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)2] = k370;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)3] = k372;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)4] = k374;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)5] = k376;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)6] = k378;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)7] = k380;
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)0] = (int)sn_wrap(k311, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)1] = (int)sn_wrap(k317, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)2] = (int)sn_wrap(k323, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)3] = (int)sn_wrap(k329, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)4] = (int)sn_wrap(k335, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)5] = (int)sn_wrap(k341, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)6] = (int)sn_wrap(k347, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)7] = (int)sn_wrap(k353, 32);
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
    SN_GRID_ENTRY();
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
            sn_i64 c28[16];
            sn_i64 c286[16];
            const sn_i64 k1 = (sn_i64)32ll;
            const sn_i64 k3 = (sn_i64)0ll;
            const sn_i64 k12 = (sn_i64)2147483647ll;
            const float k13 = 0.0f;
            const sn_i64 k15 = (sn_i64)0ll;
            const sn_i64 k23 = (sn_i64)32ll;
            const sn_i64 k25 = (sn_i64)2147483647ll;
            const sn_i64 k29 = (sn_i64)-9223372036854775808ll;
            const sn_i64 k36 = (sn_i64)1ll;
            const sn_i64 k44 = (sn_i64)2ll;
            const sn_i64 k52 = (sn_i64)3ll;
            const sn_i64 k60 = (sn_i64)4ll;
            const sn_i64 k68 = (sn_i64)5ll;
            const sn_i64 k76 = (sn_i64)6ll;
            const sn_i64 k84 = (sn_i64)7ll;
            const sn_i64 k95 = (sn_i64)32ll;
            const sn_i64 k97 = (sn_i64)0ll;
            const sn_i64 k99 = (sn_i64)2147483647ll;
            const sn_i64 k111 = (sn_i64)7ll;
            const sn_i64 k127 = (sn_i64)6ll;
            const sn_i64 k143 = (sn_i64)5ll;
            const sn_i64 k159 = (sn_i64)4ll;
            const sn_i64 k175 = (sn_i64)3ll;
            const sn_i64 k191 = (sn_i64)2ll;
            const sn_i64 k207 = (sn_i64)1ll;
            const float k223 = sn_u2f(0xff800000u);
            const sn_i64 k249 = (sn_i64)4294967295ll;
            const sn_i64 k253 = (sn_i64)32ll;
            const float k365 = 2.5f;
            sn_i64 acc31 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc39 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc47 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc55 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc63 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc71 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc79 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc87 = (sn_i64)0x8000000000000000ull;
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
                    const sn_i64 k11 = (sn_i64)(k10 != k10);
                    const sn_i64 k14 = (sn_i64)(k10 == k13);
                    const sn_i64 k16 = sn_iwrap((sn_i64)sn_f2u(k10), 32, 1);
                    const sn_i64 k17 = sn_wrap(k16, 64);
                    const sn_i64 k18 = (sn_i64)(k17 < k15);
                    const sn_i64 k19 = (k17 ^ k12);
                    const sn_i64 k20 = k18 != 0 ? k19 : k17;
                    const sn_i64 k21 = k14 != 0 ? k15 : k20;
                    const sn_i64 k22 = k11 != 0 ? k12 : k21;
                    const sn_i64 k24 = sn_ishl(k22, k23, 64, 1);
                    const sn_i64 k26 = sn_wrap(k0, 64);
                    const sn_i64 k27 = sn_isub(k25, k26);
                    const sn_i64 k28 = (k24 | k27);
                    c28[c * 8 + j] = k28;
                    const sn_i64 k30 = k4 != 0 ? k28 : k29;
                    const sn_i64 k37 = (sn_i64)(k2 == k36);
                    const sn_i64 k38 = k37 != 0 ? k28 : k29;
                    const sn_i64 k45 = (sn_i64)(k2 == k44);
                    const sn_i64 k46 = k45 != 0 ? k28 : k29;
                    const sn_i64 k53 = (sn_i64)(k2 == k52);
                    const sn_i64 k54 = k53 != 0 ? k28 : k29;
                    const sn_i64 k61 = (sn_i64)(k2 == k60);
                    const sn_i64 k62 = k61 != 0 ? k28 : k29;
                    const sn_i64 k69 = (sn_i64)(k2 == k68);
                    const sn_i64 k70 = k69 != 0 ? k28 : k29;
                    const sn_i64 k77 = (sn_i64)(k2 == k76);
                    const sn_i64 k78 = k77 != 0 ? k28 : k29;
                    const sn_i64 k85 = (sn_i64)(k2 == k84);
                    const sn_i64 k86 = k85 != 0 ? k28 : k29;
                    acc31 = sn_ifold_max(acc31, k30);
                    acc39 = sn_ifold_max(acc39, k38);
                    acc47 = sn_ifold_max(acc47, k46);
                    acc55 = sn_ifold_max(acc55, k54);
                    acc63 = sn_ifold_max(acc63, k62);
                    acc71 = sn_ifold_max(acc71, k70);
                    acc79 = sn_ifold_max(acc79, k78);
                    acc87 = sn_ifold_max(acc87, k86);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc31, off, 32);
                acc31 = sn_ifold_max(acc31, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc39, off, 32);
                acc39 = sn_ifold_max(acc39, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc47, off, 32);
                acc47 = sn_ifold_max(acc47, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc55, off, 32);
                acc55 = sn_ifold_max(acc55, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc63, off, 32);
                acc63 = sn_ifold_max(acc63, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc71, off, 32);
                acc71 = sn_ifold_max(acc71, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc79, off, 32);
                acc79 = sn_ifold_max(acc79, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc87, off, 32);
                acc87 = sn_ifold_max(acc87, other);
            }
            acc31 = __shfl_sync(0xffffffffu, acc31, 0, 16);
            acc39 = __shfl_sync(0xffffffffu, acc39, 0, 16);
            acc47 = __shfl_sync(0xffffffffu, acc47, 0, 16);
            acc55 = __shfl_sync(0xffffffffu, acc55, 0, 16);
            acc63 = __shfl_sync(0xffffffffu, acc63, 0, 16);
            acc71 = __shfl_sync(0xffffffffu, acc71, 0, 16);
            acc79 = __shfl_sync(0xffffffffu, acc79, 0, 16);
            acc87 = __shfl_sync(0xffffffffu, acc87, 0, 16);
            const sn_i64 k31 = acc31;
            const sn_i64 k39 = acc39;
            const sn_i64 k47 = acc47;
            const sn_i64 k55 = acc55;
            const sn_i64 k63 = acc63;
            const sn_i64 k71 = acc71;
            const sn_i64 k79 = acc79;
            const sn_i64 k87 = acc87;
            const sn_i64 k96 = sn_ishr(k87, k95, 64, 1);
            const sn_i64 k98 = (sn_i64)(k96 < k97);
            const sn_i64 k100 = (k96 ^ k99);
            const sn_i64 k101 = k98 != 0 ? k100 : k96;
            const sn_i64 k102 = sn_wrap(k101, 32);
            const float k103 = sn_u2f((sn_u32)k102);
            const sn_i64 k112 = sn_ishr(k79, k95, 64, 1);
            const sn_i64 k113 = (sn_i64)(k112 < k97);
            const sn_i64 k114 = (k112 ^ k99);
            const sn_i64 k115 = k113 != 0 ? k114 : k112;
            const sn_i64 k116 = sn_wrap(k115, 32);
            const float k117 = sn_u2f((sn_u32)k116);
            const sn_i64 k128 = sn_ishr(k71, k95, 64, 1);
            const sn_i64 k129 = (sn_i64)(k128 < k97);
            const sn_i64 k130 = (k128 ^ k99);
            const sn_i64 k131 = k129 != 0 ? k130 : k128;
            const sn_i64 k132 = sn_wrap(k131, 32);
            const float k133 = sn_u2f((sn_u32)k132);
            const sn_i64 k144 = sn_ishr(k63, k95, 64, 1);
            const sn_i64 k145 = (sn_i64)(k144 < k97);
            const sn_i64 k146 = (k144 ^ k99);
            const sn_i64 k147 = k145 != 0 ? k146 : k144;
            const sn_i64 k148 = sn_wrap(k147, 32);
            const float k149 = sn_u2f((sn_u32)k148);
            const sn_i64 k160 = sn_ishr(k55, k95, 64, 1);
            const sn_i64 k161 = (sn_i64)(k160 < k97);
            const sn_i64 k162 = (k160 ^ k99);
            const sn_i64 k163 = k161 != 0 ? k162 : k160;
            const sn_i64 k164 = sn_wrap(k163, 32);
            const float k165 = sn_u2f((sn_u32)k164);
            const sn_i64 k176 = sn_ishr(k47, k95, 64, 1);
            const sn_i64 k177 = (sn_i64)(k176 < k97);
            const sn_i64 k178 = (k176 ^ k99);
            const sn_i64 k179 = k177 != 0 ? k178 : k176;
            const sn_i64 k180 = sn_wrap(k179, 32);
            const float k181 = sn_u2f((sn_u32)k180);
            const sn_i64 k192 = sn_ishr(k39, k95, 64, 1);
            const sn_i64 k193 = (sn_i64)(k192 < k97);
            const sn_i64 k194 = (k192 ^ k99);
            const sn_i64 k195 = k193 != 0 ? k194 : k192;
            const sn_i64 k196 = sn_wrap(k195, 32);
            const float k197 = sn_u2f((sn_u32)k196);
            const sn_i64 k208 = sn_ishr(k31, k95, 64, 1);
            const sn_i64 k209 = (sn_i64)(k208 < k97);
            const sn_i64 k210 = (k208 ^ k99);
            const sn_i64 k211 = k209 != 0 ? k210 : k208;
            const sn_i64 k212 = sn_wrap(k211, 32);
            const float k213 = sn_u2f((sn_u32)k212);
            sn_i64 acc35 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc43 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc51 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc59 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc67 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc75 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc83 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc91 = (sn_i64)0x8000000000000000ull;
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
                    const sn_i64 k4 = (sn_i64)(k2 == k3);
                    const sn_i64 k28 = c28[c * 8 + j];
                    const sn_i64 k32 = (sn_i64)(k28 < k31);
                    const sn_i64 k33 = (sn_i64)(k4 != 0 && k32 != 0);
                    const sn_i64 k34 = k33 != 0 ? k28 : k29;
                    const sn_i64 k37 = (sn_i64)(k2 == k36);
                    const sn_i64 k40 = (sn_i64)(k28 < k39);
                    const sn_i64 k41 = (sn_i64)(k37 != 0 && k40 != 0);
                    const sn_i64 k42 = k41 != 0 ? k28 : k29;
                    const sn_i64 k45 = (sn_i64)(k2 == k44);
                    const sn_i64 k48 = (sn_i64)(k28 < k47);
                    const sn_i64 k49 = (sn_i64)(k45 != 0 && k48 != 0);
                    const sn_i64 k50 = k49 != 0 ? k28 : k29;
                    const sn_i64 k53 = (sn_i64)(k2 == k52);
                    const sn_i64 k56 = (sn_i64)(k28 < k55);
                    const sn_i64 k57 = (sn_i64)(k53 != 0 && k56 != 0);
                    const sn_i64 k58 = k57 != 0 ? k28 : k29;
                    const sn_i64 k61 = (sn_i64)(k2 == k60);
                    const sn_i64 k64 = (sn_i64)(k28 < k63);
                    const sn_i64 k65 = (sn_i64)(k61 != 0 && k64 != 0);
                    const sn_i64 k66 = k65 != 0 ? k28 : k29;
                    const sn_i64 k69 = (sn_i64)(k2 == k68);
                    const sn_i64 k72 = (sn_i64)(k28 < k71);
                    const sn_i64 k73 = (sn_i64)(k69 != 0 && k72 != 0);
                    const sn_i64 k74 = k73 != 0 ? k28 : k29;
                    const sn_i64 k77 = (sn_i64)(k2 == k76);
                    const sn_i64 k80 = (sn_i64)(k28 < k79);
                    const sn_i64 k81 = (sn_i64)(k77 != 0 && k80 != 0);
                    const sn_i64 k82 = k81 != 0 ? k28 : k29;
                    const sn_i64 k85 = (sn_i64)(k2 == k84);
                    const sn_i64 k88 = (sn_i64)(k28 < k87);
                    const sn_i64 k89 = (sn_i64)(k85 != 0 && k88 != 0);
                    const sn_i64 k90 = k89 != 0 ? k28 : k29;
                    acc35 = sn_ifold_max(acc35, k34);
                    acc43 = sn_ifold_max(acc43, k42);
                    acc51 = sn_ifold_max(acc51, k50);
                    acc59 = sn_ifold_max(acc59, k58);
                    acc67 = sn_ifold_max(acc67, k66);
                    acc75 = sn_ifold_max(acc75, k74);
                    acc83 = sn_ifold_max(acc83, k82);
                    acc91 = sn_ifold_max(acc91, k90);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc35, off, 32);
                acc35 = sn_ifold_max(acc35, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc43, off, 32);
                acc43 = sn_ifold_max(acc43, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc51, off, 32);
                acc51 = sn_ifold_max(acc51, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc59, off, 32);
                acc59 = sn_ifold_max(acc59, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc67, off, 32);
                acc67 = sn_ifold_max(acc67, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc75, off, 32);
                acc75 = sn_ifold_max(acc75, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc83, off, 32);
                acc83 = sn_ifold_max(acc83, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc91, off, 32);
                acc91 = sn_ifold_max(acc91, other);
            }
            acc35 = __shfl_sync(0xffffffffu, acc35, 0, 16);
            acc43 = __shfl_sync(0xffffffffu, acc43, 0, 16);
            acc51 = __shfl_sync(0xffffffffu, acc51, 0, 16);
            acc59 = __shfl_sync(0xffffffffu, acc59, 0, 16);
            acc67 = __shfl_sync(0xffffffffu, acc67, 0, 16);
            acc75 = __shfl_sync(0xffffffffu, acc75, 0, 16);
            acc83 = __shfl_sync(0xffffffffu, acc83, 0, 16);
            acc91 = __shfl_sync(0xffffffffu, acc91, 0, 16);
            const sn_i64 k35 = acc35;
            const sn_i64 k43 = acc43;
            const sn_i64 k51 = acc51;
            const sn_i64 k59 = acc59;
            const sn_i64 k67 = acc67;
            const sn_i64 k75 = acc75;
            const sn_i64 k83 = acc83;
            const sn_i64 k91 = acc91;
            const sn_i64 k104 = sn_ishr(k91, k95, 64, 1);
            const sn_i64 k105 = (sn_i64)(k104 < k97);
            const sn_i64 k106 = (k104 ^ k99);
            const sn_i64 k107 = k105 != 0 ? k106 : k104;
            const sn_i64 k108 = sn_wrap(k107, 32);
            const float k109 = sn_u2f((sn_u32)k108);
            const float k110 = k103 + k109;
            const sn_i64 k118 = sn_ishr(k83, k95, 64, 1);
            const sn_i64 k119 = (sn_i64)(k118 < k97);
            const sn_i64 k120 = (k118 ^ k99);
            const sn_i64 k121 = k119 != 0 ? k120 : k118;
            const sn_i64 k122 = sn_wrap(k121, 32);
            const float k123 = sn_u2f((sn_u32)k122);
            const float k124 = k117 + k123;
            const sn_i64 k134 = sn_ishr(k75, k95, 64, 1);
            const sn_i64 k135 = (sn_i64)(k134 < k97);
            const sn_i64 k136 = (k134 ^ k99);
            const sn_i64 k137 = k135 != 0 ? k136 : k134;
            const sn_i64 k138 = sn_wrap(k137, 32);
            const float k139 = sn_u2f((sn_u32)k138);
            const float k140 = k133 + k139;
            const sn_i64 k150 = sn_ishr(k67, k95, 64, 1);
            const sn_i64 k151 = (sn_i64)(k150 < k97);
            const sn_i64 k152 = (k150 ^ k99);
            const sn_i64 k153 = k151 != 0 ? k152 : k150;
            const sn_i64 k154 = sn_wrap(k153, 32);
            const float k155 = sn_u2f((sn_u32)k154);
            const float k156 = k149 + k155;
            const sn_i64 k166 = sn_ishr(k59, k95, 64, 1);
            const sn_i64 k167 = (sn_i64)(k166 < k97);
            const sn_i64 k168 = (k166 ^ k99);
            const sn_i64 k169 = k167 != 0 ? k168 : k166;
            const sn_i64 k170 = sn_wrap(k169, 32);
            const float k171 = sn_u2f((sn_u32)k170);
            const float k172 = k165 + k171;
            const sn_i64 k182 = sn_ishr(k51, k95, 64, 1);
            const sn_i64 k183 = (sn_i64)(k182 < k97);
            const sn_i64 k184 = (k182 ^ k99);
            const sn_i64 k185 = k183 != 0 ? k184 : k182;
            const sn_i64 k186 = sn_wrap(k185, 32);
            const float k187 = sn_u2f((sn_u32)k186);
            const float k188 = k181 + k187;
            const sn_i64 k198 = sn_ishr(k43, k95, 64, 1);
            const sn_i64 k199 = (sn_i64)(k198 < k97);
            const sn_i64 k200 = (k198 ^ k99);
            const sn_i64 k201 = k199 != 0 ? k200 : k198;
            const sn_i64 k202 = sn_wrap(k201, 32);
            const float k203 = sn_u2f((sn_u32)k202);
            const float k204 = k197 + k203;
            const sn_i64 k214 = sn_ishr(k35, k95, 64, 1);
            const sn_i64 k215 = (sn_i64)(k214 < k97);
            const sn_i64 k216 = (k214 ^ k99);
            const sn_i64 k217 = k215 != 0 ? k216 : k214;
            const sn_i64 k218 = sn_wrap(k217, 32);
            const float k219 = sn_u2f((sn_u32)k218);
            const float k220 = k213 + k219;
            sn_i64 acc239 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k92 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k93 = (sn_i64)(k92 == k3);
                    const sn_i64 k94 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k125 = (sn_i64)(k94 < k111);
                    const float k126 = k125 != 0 ? k124 : k110;
                    const sn_i64 k141 = (sn_i64)(k94 < k127);
                    const float k142 = k141 != 0 ? k140 : k126;
                    const sn_i64 k157 = (sn_i64)(k94 < k143);
                    const float k158 = k157 != 0 ? k156 : k142;
                    const sn_i64 k173 = (sn_i64)(k94 < k159);
                    const float k174 = k173 != 0 ? k172 : k158;
                    const sn_i64 k189 = (sn_i64)(k94 < k175);
                    const float k190 = k189 != 0 ? k188 : k174;
                    const sn_i64 k205 = (sn_i64)(k94 < k191);
                    const float k206 = k205 != 0 ? k204 : k190;
                    const sn_i64 k221 = (sn_i64)(k94 < k207);
                    const float k222 = k221 != 0 ? k220 : k206;
                    const float k224 = k93 != 0 ? k222 : k223;
                    const sn_i64 k225 = (sn_i64)(k224 != k224);
                    const sn_i64 k226 = (sn_i64)(k224 == k13);
                    const float k227 = (k224);
                    const sn_i64 k228 = sn_iwrap((sn_i64)sn_f2u(k227), 32, 1);
                    const sn_i64 k229 = sn_wrap(k228, 64);
                    const sn_i64 k230 = (sn_i64)(k229 < k15);
                    const sn_i64 k231 = (k229 ^ k12);
                    const sn_i64 k232 = k230 != 0 ? k231 : k229;
                    const sn_i64 k233 = k226 != 0 ? k15 : k232;
                    const sn_i64 k234 = k225 != 0 ? k12 : k233;
                    const sn_i64 k235 = sn_ishl(k234, k23, 64, 1);
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k238 = (k235 | k237);
                    acc239 = sn_ifold_max(acc239, k238);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc239, off, 32);
                acc239 = sn_ifold_max(acc239, other);
            }
            acc239 = __shfl_sync(0xffffffffu, acc239, 0, 16);
            const sn_i64 k239 = acc239;
            const sn_i64 k250 = (k239 & k249);
            const sn_i64 k251 = sn_isub(k99, k250);
            const sn_i64 k252 = sn_wrap(k251, 32);
            const sn_i64 k254 = sn_ifloordiv(k252, k253, 32, 1);
            sn_i64 acc242 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k92 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k93 = (sn_i64)(k92 == k3);
                    const sn_i64 k94 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k125 = (sn_i64)(k94 < k111);
                    const float k126 = k125 != 0 ? k124 : k110;
                    const sn_i64 k141 = (sn_i64)(k94 < k127);
                    const float k142 = k141 != 0 ? k140 : k126;
                    const sn_i64 k157 = (sn_i64)(k94 < k143);
                    const float k158 = k157 != 0 ? k156 : k142;
                    const sn_i64 k173 = (sn_i64)(k94 < k159);
                    const float k174 = k173 != 0 ? k172 : k158;
                    const sn_i64 k189 = (sn_i64)(k94 < k175);
                    const float k190 = k189 != 0 ? k188 : k174;
                    const sn_i64 k205 = (sn_i64)(k94 < k191);
                    const float k206 = k205 != 0 ? k204 : k190;
                    const sn_i64 k221 = (sn_i64)(k94 < k207);
                    const float k222 = k221 != 0 ? k220 : k206;
                    const float k224 = k93 != 0 ? k222 : k223;
                    const sn_i64 k225 = (sn_i64)(k224 != k224);
                    const sn_i64 k226 = (sn_i64)(k224 == k13);
                    const float k227 = (k224);
                    const sn_i64 k228 = sn_iwrap((sn_i64)sn_f2u(k227), 32, 1);
                    const sn_i64 k229 = sn_wrap(k228, 64);
                    const sn_i64 k230 = (sn_i64)(k229 < k15);
                    const sn_i64 k231 = (k229 ^ k12);
                    const sn_i64 k232 = k230 != 0 ? k231 : k229;
                    const sn_i64 k233 = k226 != 0 ? k15 : k232;
                    const sn_i64 k234 = k225 != 0 ? k12 : k233;
                    const sn_i64 k235 = sn_ishl(k234, k23, 64, 1);
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k238 = (k235 | k237);
                    const sn_i64 k240 = (sn_i64)(k238 < k239);
                    const sn_i64 k241 = k240 != 0 ? k238 : k29;
                    acc242 = sn_ifold_max(acc242, k241);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc242, off, 32);
                acc242 = sn_ifold_max(acc242, other);
            }
            acc242 = __shfl_sync(0xffffffffu, acc242, 0, 16);
            const sn_i64 k242 = acc242;
            const sn_i64 k256 = (k242 & k249);
            const sn_i64 k257 = sn_isub(k99, k256);
            const sn_i64 k258 = sn_wrap(k257, 32);
            const sn_i64 k259 = sn_ifloordiv(k258, k253, 32, 1);
            sn_i64 acc245 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k92 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k93 = (sn_i64)(k92 == k3);
                    const sn_i64 k94 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k125 = (sn_i64)(k94 < k111);
                    const float k126 = k125 != 0 ? k124 : k110;
                    const sn_i64 k141 = (sn_i64)(k94 < k127);
                    const float k142 = k141 != 0 ? k140 : k126;
                    const sn_i64 k157 = (sn_i64)(k94 < k143);
                    const float k158 = k157 != 0 ? k156 : k142;
                    const sn_i64 k173 = (sn_i64)(k94 < k159);
                    const float k174 = k173 != 0 ? k172 : k158;
                    const sn_i64 k189 = (sn_i64)(k94 < k175);
                    const float k190 = k189 != 0 ? k188 : k174;
                    const sn_i64 k205 = (sn_i64)(k94 < k191);
                    const float k206 = k205 != 0 ? k204 : k190;
                    const sn_i64 k221 = (sn_i64)(k94 < k207);
                    const float k222 = k221 != 0 ? k220 : k206;
                    const float k224 = k93 != 0 ? k222 : k223;
                    const sn_i64 k225 = (sn_i64)(k224 != k224);
                    const sn_i64 k226 = (sn_i64)(k224 == k13);
                    const float k227 = (k224);
                    const sn_i64 k228 = sn_iwrap((sn_i64)sn_f2u(k227), 32, 1);
                    const sn_i64 k229 = sn_wrap(k228, 64);
                    const sn_i64 k230 = (sn_i64)(k229 < k15);
                    const sn_i64 k231 = (k229 ^ k12);
                    const sn_i64 k232 = k230 != 0 ? k231 : k229;
                    const sn_i64 k233 = k226 != 0 ? k15 : k232;
                    const sn_i64 k234 = k225 != 0 ? k12 : k233;
                    const sn_i64 k235 = sn_ishl(k234, k23, 64, 1);
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k238 = (k235 | k237);
                    const sn_i64 k243 = (sn_i64)(k238 < k242);
                    const sn_i64 k244 = k243 != 0 ? k238 : k29;
                    acc245 = sn_ifold_max(acc245, k244);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc245, off, 32);
                acc245 = sn_ifold_max(acc245, other);
            }
            acc245 = __shfl_sync(0xffffffffu, acc245, 0, 16);
            const sn_i64 k245 = acc245;
            const sn_i64 k262 = (k245 & k249);
            const sn_i64 k263 = sn_isub(k99, k262);
            const sn_i64 k264 = sn_wrap(k263, 32);
            const sn_i64 k265 = sn_ifloordiv(k264, k253, 32, 1);
            sn_i64 acc248 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 16 + lane) * 8;
                #pragma unroll
                for (int j = 0; j < 8; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k92 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k93 = (sn_i64)(k92 == k3);
                    const sn_i64 k94 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k125 = (sn_i64)(k94 < k111);
                    const float k126 = k125 != 0 ? k124 : k110;
                    const sn_i64 k141 = (sn_i64)(k94 < k127);
                    const float k142 = k141 != 0 ? k140 : k126;
                    const sn_i64 k157 = (sn_i64)(k94 < k143);
                    const float k158 = k157 != 0 ? k156 : k142;
                    const sn_i64 k173 = (sn_i64)(k94 < k159);
                    const float k174 = k173 != 0 ? k172 : k158;
                    const sn_i64 k189 = (sn_i64)(k94 < k175);
                    const float k190 = k189 != 0 ? k188 : k174;
                    const sn_i64 k205 = (sn_i64)(k94 < k191);
                    const float k206 = k205 != 0 ? k204 : k190;
                    const sn_i64 k221 = (sn_i64)(k94 < k207);
                    const float k222 = k221 != 0 ? k220 : k206;
                    const float k224 = k93 != 0 ? k222 : k223;
                    const sn_i64 k225 = (sn_i64)(k224 != k224);
                    const sn_i64 k226 = (sn_i64)(k224 == k13);
                    const float k227 = (k224);
                    const sn_i64 k228 = sn_iwrap((sn_i64)sn_f2u(k227), 32, 1);
                    const sn_i64 k229 = sn_wrap(k228, 64);
                    const sn_i64 k230 = (sn_i64)(k229 < k15);
                    const sn_i64 k231 = (k229 ^ k12);
                    const sn_i64 k232 = k230 != 0 ? k231 : k229;
                    const sn_i64 k233 = k226 != 0 ? k15 : k232;
                    const sn_i64 k234 = k225 != 0 ? k12 : k233;
                    const sn_i64 k235 = sn_ishl(k234, k23, 64, 1);
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k238 = (k235 | k237);
                    const sn_i64 k246 = (sn_i64)(k238 < k245);
                    const sn_i64 k247 = k246 != 0 ? k238 : k29;
                    acc248 = sn_ifold_max(acc248, k247);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc248, off, 32);
                acc248 = sn_ifold_max(acc248, other);
            }
            acc248 = __shfl_sync(0xffffffffu, acc248, 0, 16);
            const sn_i64 k248 = acc248;
            const sn_i64 k268 = (k248 & k249);
            const sn_i64 k269 = sn_isub(k99, k268);
            const sn_i64 k270 = sn_wrap(k269, 32);
            const sn_i64 k271 = sn_ifloordiv(k270, k253, 32, 1);
            sn_i64 acc287 = (sn_i64)0x8000000000000000ull;
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
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k255 = (sn_i64)(k2 == k254);
                    const sn_i64 k260 = (sn_i64)(k2 == k259);
                    const sn_i64 k261 = (sn_i64)(k255 != 0 || k260 != 0);
                    const sn_i64 k266 = (sn_i64)(k2 == k265);
                    const sn_i64 k267 = (sn_i64)(k261 != 0 || k266 != 0);
                    const sn_i64 k272 = (sn_i64)(k2 == k271);
                    const sn_i64 k273 = (sn_i64)(k267 != 0 || k272 != 0);
                    const float k274 = k273 != 0 ? k10 : k223;
                    const sn_i64 k275 = (sn_i64)(k274 != k274);
                    const sn_i64 k276 = (sn_i64)(k274 == k13);
                    const float k277 = (k274);
                    const sn_i64 k278 = sn_iwrap((sn_i64)sn_f2u(k277), 32, 1);
                    const sn_i64 k279 = sn_wrap(k278, 64);
                    const sn_i64 k280 = (sn_i64)(k279 < k15);
                    const sn_i64 k281 = (k279 ^ k12);
                    const sn_i64 k282 = k280 != 0 ? k281 : k279;
                    const sn_i64 k283 = k276 != 0 ? k15 : k282;
                    const sn_i64 k284 = k275 != 0 ? k12 : k283;
                    const sn_i64 k285 = sn_ishl(k284, k23, 64, 1);
                    const sn_i64 k286 = (k285 | k237);
                    c286[c * 8 + j] = k286;
                    acc287 = sn_ifold_max(acc287, k286);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc287, off, 32);
                acc287 = sn_ifold_max(acc287, other);
            }
            acc287 = __shfl_sync(0xffffffffu, acc287, 0, 16);
            const sn_i64 k287 = acc287;
            const sn_i64 k309 = (k287 & k249);
            const sn_i64 k310 = sn_isub(k99, k309);
            const sn_i64 k311 = sn_wrap(k310, 32);
            sn_i64 acc290 = (sn_i64)0x8000000000000000ull;
            float acc314 = sn_u2f(0xff800000u);
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k288 = (sn_i64)(k286 < k287);
                    const sn_i64 k289 = k288 != 0 ? k286 : k29;
                    const sn_i64 k312 = (sn_i64)(k0 == k311);
                    const float k313 = k312 != 0 ? k7 : k223;
                    acc290 = sn_ifold_max(acc290, k289);
                    acc314 = sn_fold_max(acc314, k313);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc290, off, 32);
                acc290 = sn_ifold_max(acc290, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc314, off, 32);
                acc314 = sn_fold_max(acc314, other);
            }
            acc290 = __shfl_sync(0xffffffffu, acc290, 0, 16);
            acc314 = __shfl_sync(0xffffffffu, acc314, 0, 16);
            const sn_i64 k290 = acc290;
            const float k314 = acc314;
            const sn_i64 k315 = (k290 & k249);
            const sn_i64 k316 = sn_isub(k99, k315);
            const sn_i64 k317 = sn_wrap(k316, 32);
            sn_i64 acc293 = (sn_i64)0x8000000000000000ull;
            float acc320 = sn_u2f(0xff800000u);
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k291 = (sn_i64)(k286 < k290);
                    const sn_i64 k292 = k291 != 0 ? k286 : k29;
                    const sn_i64 k318 = (sn_i64)(k0 == k317);
                    const float k319 = k318 != 0 ? k7 : k223;
                    acc293 = sn_ifold_max(acc293, k292);
                    acc320 = sn_fold_max(acc320, k319);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc293, off, 32);
                acc293 = sn_ifold_max(acc293, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc320, off, 32);
                acc320 = sn_fold_max(acc320, other);
            }
            acc293 = __shfl_sync(0xffffffffu, acc293, 0, 16);
            acc320 = __shfl_sync(0xffffffffu, acc320, 0, 16);
            const sn_i64 k293 = acc293;
            const float k320 = acc320;
            const sn_i64 k321 = (k293 & k249);
            const sn_i64 k322 = sn_isub(k99, k321);
            const sn_i64 k323 = sn_wrap(k322, 32);
            const float k357 = k314 + k320;
            sn_i64 acc296 = (sn_i64)0x8000000000000000ull;
            float acc326 = sn_u2f(0xff800000u);
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k294 = (sn_i64)(k286 < k293);
                    const sn_i64 k295 = k294 != 0 ? k286 : k29;
                    const sn_i64 k324 = (sn_i64)(k0 == k323);
                    const float k325 = k324 != 0 ? k7 : k223;
                    acc296 = sn_ifold_max(acc296, k295);
                    acc326 = sn_fold_max(acc326, k325);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc296, off, 32);
                acc296 = sn_ifold_max(acc296, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc326, off, 32);
                acc326 = sn_fold_max(acc326, other);
            }
            acc296 = __shfl_sync(0xffffffffu, acc296, 0, 16);
            acc326 = __shfl_sync(0xffffffffu, acc326, 0, 16);
            const sn_i64 k296 = acc296;
            const float k326 = acc326;
            const sn_i64 k327 = (k296 & k249);
            const sn_i64 k328 = sn_isub(k99, k327);
            const sn_i64 k329 = sn_wrap(k328, 32);
            const float k358 = k357 + k326;
            sn_i64 acc299 = (sn_i64)0x8000000000000000ull;
            float acc332 = sn_u2f(0xff800000u);
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k297 = (sn_i64)(k286 < k296);
                    const sn_i64 k298 = k297 != 0 ? k286 : k29;
                    const sn_i64 k330 = (sn_i64)(k0 == k329);
                    const float k331 = k330 != 0 ? k7 : k223;
                    acc299 = sn_ifold_max(acc299, k298);
                    acc332 = sn_fold_max(acc332, k331);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc299, off, 32);
                acc299 = sn_ifold_max(acc299, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc332, off, 32);
                acc332 = sn_fold_max(acc332, other);
            }
            acc299 = __shfl_sync(0xffffffffu, acc299, 0, 16);
            acc332 = __shfl_sync(0xffffffffu, acc332, 0, 16);
            const sn_i64 k299 = acc299;
            const float k332 = acc332;
            const sn_i64 k333 = (k299 & k249);
            const sn_i64 k334 = sn_isub(k99, k333);
            const sn_i64 k335 = sn_wrap(k334, 32);
            const float k359 = k358 + k332;
            sn_i64 acc302 = (sn_i64)0x8000000000000000ull;
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k300 = (sn_i64)(k286 < k299);
                    const sn_i64 k301 = k300 != 0 ? k286 : k29;
                    const sn_i64 k336 = (sn_i64)(k0 == k335);
                    const float k337 = k336 != 0 ? k7 : k223;
                    acc302 = sn_ifold_max(acc302, k301);
                    acc338 = sn_fold_max(acc338, k337);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc302, off, 32);
                acc302 = sn_ifold_max(acc302, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc338, off, 32);
                acc338 = sn_fold_max(acc338, other);
            }
            acc302 = __shfl_sync(0xffffffffu, acc302, 0, 16);
            acc338 = __shfl_sync(0xffffffffu, acc338, 0, 16);
            const sn_i64 k302 = acc302;
            const float k338 = acc338;
            const sn_i64 k339 = (k302 & k249);
            const sn_i64 k340 = sn_isub(k99, k339);
            const sn_i64 k341 = sn_wrap(k340, 32);
            const float k360 = k359 + k338;
            sn_i64 acc305 = (sn_i64)0x8000000000000000ull;
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k303 = (sn_i64)(k286 < k302);
                    const sn_i64 k304 = k303 != 0 ? k286 : k29;
                    const sn_i64 k342 = (sn_i64)(k0 == k341);
                    const float k343 = k342 != 0 ? k7 : k223;
                    acc305 = sn_ifold_max(acc305, k304);
                    acc344 = sn_fold_max(acc344, k343);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc305, off, 32);
                acc305 = sn_ifold_max(acc305, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc344, off, 32);
                acc344 = sn_fold_max(acc344, other);
            }
            acc305 = __shfl_sync(0xffffffffu, acc305, 0, 16);
            acc344 = __shfl_sync(0xffffffffu, acc344, 0, 16);
            const sn_i64 k305 = acc305;
            const float k344 = acc344;
            const sn_i64 k345 = (k305 & k249);
            const sn_i64 k346 = sn_isub(k99, k345);
            const sn_i64 k347 = sn_wrap(k346, 32);
            const float k361 = k360 + k344;
            sn_i64 acc308 = (sn_i64)0x8000000000000000ull;
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
                    const sn_i64 k286 = c286[c * 8 + j];
                    const sn_i64 k306 = (sn_i64)(k286 < k305);
                    const sn_i64 k307 = k306 != 0 ? k286 : k29;
                    const sn_i64 k348 = (sn_i64)(k0 == k347);
                    const float k349 = k348 != 0 ? k7 : k223;
                    acc308 = sn_ifold_max(acc308, k307);
                    acc350 = sn_fold_max(acc350, k349);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc308, off, 32);
                acc308 = sn_ifold_max(acc308, other);
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc350, off, 32);
                acc350 = sn_fold_max(acc350, other);
            }
            acc308 = __shfl_sync(0xffffffffu, acc308, 0, 16);
            acc350 = __shfl_sync(0xffffffffu, acc350, 0, 16);
            const sn_i64 k308 = acc308;
            const float k350 = acc350;
            const sn_i64 k351 = (k308 & k249);
            const sn_i64 k352 = sn_isub(k99, k351);
            const sn_i64 k353 = sn_wrap(k352, 32);
            const float k362 = k361 + k350;
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
                    const sn_i64 k354 = (sn_i64)(k0 == k353);
                    const float k355 = k354 != 0 ? k7 : k223;
                    acc356 = sn_fold_max(acc356, k355);
                }
            }
            #pragma unroll
            for (int off = 8; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc356, off, 32);
                acc356 = sn_fold_max(acc356, other);
            }
            acc356 = __shfl_sync(0xffffffffu, acc356, 0, 16);
            const float k356 = acc356;
            const float k363 = k362 + k356;
            const float k364 = sn_div(k314, k363);
            const float k366 = k364 * k365;
            const float k367 = sn_div(k320, k363);
            const float k368 = k367 * k365;
            const float k369 = sn_div(k326, k363);
            const float k370 = k369 * k365;
            const float k371 = sn_div(k332, k363);
            const float k372 = k371 * k365;
            const float k373 = sn_div(k338, k363);
            const float k374 = k373 * k365;
            const float k375 = sn_div(k344, k363);
            const float k376 = k375 * k365;
            const float k377 = sn_div(k350, k363);
            const float k378 = k377 * k365;
            const float k379 = sn_div(k356, k363);
            const float k380 = k379 * k365;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)0] = k366;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)1] = k368;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)2] = k370;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)3] = k372;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)4] = k374;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)5] = k376;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)6] = k378;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)7] = k380;
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)0] = (int)sn_wrap(k311, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)1] = (int)sn_wrap(k317, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)2] = (int)sn_wrap(k323, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)3] = (int)sn_wrap(k329, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)4] = (int)sn_wrap(k335, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)5] = (int)sn_wrap(k341, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)6] = (int)sn_wrap(k347, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)7] = (int)sn_wrap(k353, 32);
            return;
        }
        blk -= nblk;
    }
}
#endif

#if !defined(SN_ONLY) || defined(SN_ONLY_moe_fused_gate_k0_few)
extern "C" __global__ void __launch_bounds__(32) moe_fused_gate_k0_few(
    const sn_u16 *__restrict__ b0,
    const sn_i64 b0_s0,
    const sn_u16 *__restrict__ b1,
    float *__restrict__ b2,
    int *__restrict__ b3,
    const sn_i64 sym_T)
{
    SN_GRID_ENTRY();
    sn_i64 blk = blockIdx.x;
    { /* segment 0 */
        const sn_i64 rows = ((sn_i64)1 * sym_T);
        const sn_i64 nblk = (rows + 0) / 1;
        if (blk < nblk) {
            const int lane = threadIdx.x % 32, team = threadIdx.x / 32;
            const sn_i64 row = blk * 1 + team;
            const bool live = row < rows;
            const sn_i64 n = ((sn_i64)256);
            const sn_i64 o0 = (live ? row : 0);
            float c7[8];
            float c10[8];
            sn_i64 c28[8];
            sn_i64 c286[8];
            const sn_i64 k1 = (sn_i64)32ll;
            const sn_i64 k3 = (sn_i64)0ll;
            const sn_i64 k12 = (sn_i64)2147483647ll;
            const float k13 = 0.0f;
            const sn_i64 k15 = (sn_i64)0ll;
            const sn_i64 k23 = (sn_i64)32ll;
            const sn_i64 k25 = (sn_i64)2147483647ll;
            const sn_i64 k29 = (sn_i64)-9223372036854775808ll;
            const sn_i64 k36 = (sn_i64)1ll;
            const sn_i64 k44 = (sn_i64)2ll;
            const sn_i64 k52 = (sn_i64)3ll;
            const sn_i64 k60 = (sn_i64)4ll;
            const sn_i64 k68 = (sn_i64)5ll;
            const sn_i64 k76 = (sn_i64)6ll;
            const sn_i64 k84 = (sn_i64)7ll;
            const sn_i64 k95 = (sn_i64)32ll;
            const sn_i64 k97 = (sn_i64)0ll;
            const sn_i64 k99 = (sn_i64)2147483647ll;
            const sn_i64 k111 = (sn_i64)7ll;
            const sn_i64 k127 = (sn_i64)6ll;
            const sn_i64 k143 = (sn_i64)5ll;
            const sn_i64 k159 = (sn_i64)4ll;
            const sn_i64 k175 = (sn_i64)3ll;
            const sn_i64 k191 = (sn_i64)2ll;
            const sn_i64 k207 = (sn_i64)1ll;
            const float k223 = sn_u2f(0xff800000u);
            const sn_i64 k249 = (sn_i64)4294967295ll;
            const sn_i64 k253 = (sn_i64)32ll;
            const float k365 = 2.5f;
            sn_i64 acc31 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc39 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc47 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc55 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc63 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc71 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc79 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc87 = (sn_i64)0x8000000000000000ull;
            uint2 pf5[2];
            uint2 pf8[2];
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf5[c] = *(const uint2 *)(b0 + (o0 * b0_s0 + (sn_i64)r0));
            }
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                [[maybe_unused]] const int e = e0;
                [[maybe_unused]] const int r0 = e;
                pf8[c] = *(const uint2 *)(b1 + ((sn_i64)r0));
            }
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
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
                    const sn_i64 k11 = (sn_i64)(k10 != k10);
                    const sn_i64 k14 = (sn_i64)(k10 == k13);
                    const sn_i64 k16 = sn_iwrap((sn_i64)sn_f2u(k10), 32, 1);
                    const sn_i64 k17 = sn_wrap(k16, 64);
                    const sn_i64 k18 = (sn_i64)(k17 < k15);
                    const sn_i64 k19 = (k17 ^ k12);
                    const sn_i64 k20 = k18 != 0 ? k19 : k17;
                    const sn_i64 k21 = k14 != 0 ? k15 : k20;
                    const sn_i64 k22 = k11 != 0 ? k12 : k21;
                    const sn_i64 k24 = sn_ishl(k22, k23, 64, 1);
                    const sn_i64 k26 = sn_wrap(k0, 64);
                    const sn_i64 k27 = sn_isub(k25, k26);
                    const sn_i64 k28 = (k24 | k27);
                    c28[c * 4 + j] = k28;
                    const sn_i64 k30 = k4 != 0 ? k28 : k29;
                    const sn_i64 k37 = (sn_i64)(k2 == k36);
                    const sn_i64 k38 = k37 != 0 ? k28 : k29;
                    const sn_i64 k45 = (sn_i64)(k2 == k44);
                    const sn_i64 k46 = k45 != 0 ? k28 : k29;
                    const sn_i64 k53 = (sn_i64)(k2 == k52);
                    const sn_i64 k54 = k53 != 0 ? k28 : k29;
                    const sn_i64 k61 = (sn_i64)(k2 == k60);
                    const sn_i64 k62 = k61 != 0 ? k28 : k29;
                    const sn_i64 k69 = (sn_i64)(k2 == k68);
                    const sn_i64 k70 = k69 != 0 ? k28 : k29;
                    const sn_i64 k77 = (sn_i64)(k2 == k76);
                    const sn_i64 k78 = k77 != 0 ? k28 : k29;
                    const sn_i64 k85 = (sn_i64)(k2 == k84);
                    const sn_i64 k86 = k85 != 0 ? k28 : k29;
                    acc31 = sn_ifold_max(acc31, k30);
                    acc39 = sn_ifold_max(acc39, k38);
                    acc47 = sn_ifold_max(acc47, k46);
                    acc55 = sn_ifold_max(acc55, k54);
                    acc63 = sn_ifold_max(acc63, k62);
                    acc71 = sn_ifold_max(acc71, k70);
                    acc79 = sn_ifold_max(acc79, k78);
                    acc87 = sn_ifold_max(acc87, k86);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc31, off, 32);
                acc31 = sn_ifold_max(acc31, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc39, off, 32);
                acc39 = sn_ifold_max(acc39, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc47, off, 32);
                acc47 = sn_ifold_max(acc47, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc55, off, 32);
                acc55 = sn_ifold_max(acc55, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc63, off, 32);
                acc63 = sn_ifold_max(acc63, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc71, off, 32);
                acc71 = sn_ifold_max(acc71, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc79, off, 32);
                acc79 = sn_ifold_max(acc79, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc87, off, 32);
                acc87 = sn_ifold_max(acc87, other);
            }
            acc31 = __shfl_sync(0xffffffffu, acc31, 0, 32);
            acc39 = __shfl_sync(0xffffffffu, acc39, 0, 32);
            acc47 = __shfl_sync(0xffffffffu, acc47, 0, 32);
            acc55 = __shfl_sync(0xffffffffu, acc55, 0, 32);
            acc63 = __shfl_sync(0xffffffffu, acc63, 0, 32);
            acc71 = __shfl_sync(0xffffffffu, acc71, 0, 32);
            acc79 = __shfl_sync(0xffffffffu, acc79, 0, 32);
            acc87 = __shfl_sync(0xffffffffu, acc87, 0, 32);
            const sn_i64 k31 = acc31;
            const sn_i64 k39 = acc39;
            const sn_i64 k47 = acc47;
            const sn_i64 k55 = acc55;
            const sn_i64 k63 = acc63;
            const sn_i64 k71 = acc71;
            const sn_i64 k79 = acc79;
            const sn_i64 k87 = acc87;
            const sn_i64 k96 = sn_ishr(k87, k95, 64, 1);
            const sn_i64 k98 = (sn_i64)(k96 < k97);
            const sn_i64 k100 = (k96 ^ k99);
            const sn_i64 k101 = k98 != 0 ? k100 : k96;
            const sn_i64 k102 = sn_wrap(k101, 32);
            const float k103 = sn_u2f((sn_u32)k102);
            const sn_i64 k112 = sn_ishr(k79, k95, 64, 1);
            const sn_i64 k113 = (sn_i64)(k112 < k97);
            const sn_i64 k114 = (k112 ^ k99);
            const sn_i64 k115 = k113 != 0 ? k114 : k112;
            const sn_i64 k116 = sn_wrap(k115, 32);
            const float k117 = sn_u2f((sn_u32)k116);
            const sn_i64 k128 = sn_ishr(k71, k95, 64, 1);
            const sn_i64 k129 = (sn_i64)(k128 < k97);
            const sn_i64 k130 = (k128 ^ k99);
            const sn_i64 k131 = k129 != 0 ? k130 : k128;
            const sn_i64 k132 = sn_wrap(k131, 32);
            const float k133 = sn_u2f((sn_u32)k132);
            const sn_i64 k144 = sn_ishr(k63, k95, 64, 1);
            const sn_i64 k145 = (sn_i64)(k144 < k97);
            const sn_i64 k146 = (k144 ^ k99);
            const sn_i64 k147 = k145 != 0 ? k146 : k144;
            const sn_i64 k148 = sn_wrap(k147, 32);
            const float k149 = sn_u2f((sn_u32)k148);
            const sn_i64 k160 = sn_ishr(k55, k95, 64, 1);
            const sn_i64 k161 = (sn_i64)(k160 < k97);
            const sn_i64 k162 = (k160 ^ k99);
            const sn_i64 k163 = k161 != 0 ? k162 : k160;
            const sn_i64 k164 = sn_wrap(k163, 32);
            const float k165 = sn_u2f((sn_u32)k164);
            const sn_i64 k176 = sn_ishr(k47, k95, 64, 1);
            const sn_i64 k177 = (sn_i64)(k176 < k97);
            const sn_i64 k178 = (k176 ^ k99);
            const sn_i64 k179 = k177 != 0 ? k178 : k176;
            const sn_i64 k180 = sn_wrap(k179, 32);
            const float k181 = sn_u2f((sn_u32)k180);
            const sn_i64 k192 = sn_ishr(k39, k95, 64, 1);
            const sn_i64 k193 = (sn_i64)(k192 < k97);
            const sn_i64 k194 = (k192 ^ k99);
            const sn_i64 k195 = k193 != 0 ? k194 : k192;
            const sn_i64 k196 = sn_wrap(k195, 32);
            const float k197 = sn_u2f((sn_u32)k196);
            const sn_i64 k208 = sn_ishr(k31, k95, 64, 1);
            const sn_i64 k209 = (sn_i64)(k208 < k97);
            const sn_i64 k210 = (k208 ^ k99);
            const sn_i64 k211 = k209 != 0 ? k210 : k208;
            const sn_i64 k212 = sn_wrap(k211, 32);
            const float k213 = sn_u2f((sn_u32)k212);
            sn_i64 acc35 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc43 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc51 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc59 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc67 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc75 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc83 = (sn_i64)0x8000000000000000ull;
            sn_i64 acc91 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k2 = sn_ifloordiv(k0, k1, 32, 1);
                    const sn_i64 k4 = (sn_i64)(k2 == k3);
                    const sn_i64 k28 = c28[c * 4 + j];
                    const sn_i64 k32 = (sn_i64)(k28 < k31);
                    const sn_i64 k33 = (sn_i64)(k4 != 0 && k32 != 0);
                    const sn_i64 k34 = k33 != 0 ? k28 : k29;
                    const sn_i64 k37 = (sn_i64)(k2 == k36);
                    const sn_i64 k40 = (sn_i64)(k28 < k39);
                    const sn_i64 k41 = (sn_i64)(k37 != 0 && k40 != 0);
                    const sn_i64 k42 = k41 != 0 ? k28 : k29;
                    const sn_i64 k45 = (sn_i64)(k2 == k44);
                    const sn_i64 k48 = (sn_i64)(k28 < k47);
                    const sn_i64 k49 = (sn_i64)(k45 != 0 && k48 != 0);
                    const sn_i64 k50 = k49 != 0 ? k28 : k29;
                    const sn_i64 k53 = (sn_i64)(k2 == k52);
                    const sn_i64 k56 = (sn_i64)(k28 < k55);
                    const sn_i64 k57 = (sn_i64)(k53 != 0 && k56 != 0);
                    const sn_i64 k58 = k57 != 0 ? k28 : k29;
                    const sn_i64 k61 = (sn_i64)(k2 == k60);
                    const sn_i64 k64 = (sn_i64)(k28 < k63);
                    const sn_i64 k65 = (sn_i64)(k61 != 0 && k64 != 0);
                    const sn_i64 k66 = k65 != 0 ? k28 : k29;
                    const sn_i64 k69 = (sn_i64)(k2 == k68);
                    const sn_i64 k72 = (sn_i64)(k28 < k71);
                    const sn_i64 k73 = (sn_i64)(k69 != 0 && k72 != 0);
                    const sn_i64 k74 = k73 != 0 ? k28 : k29;
                    const sn_i64 k77 = (sn_i64)(k2 == k76);
                    const sn_i64 k80 = (sn_i64)(k28 < k79);
                    const sn_i64 k81 = (sn_i64)(k77 != 0 && k80 != 0);
                    const sn_i64 k82 = k81 != 0 ? k28 : k29;
                    const sn_i64 k85 = (sn_i64)(k2 == k84);
                    const sn_i64 k88 = (sn_i64)(k28 < k87);
                    const sn_i64 k89 = (sn_i64)(k85 != 0 && k88 != 0);
                    const sn_i64 k90 = k89 != 0 ? k28 : k29;
                    acc35 = sn_ifold_max(acc35, k34);
                    acc43 = sn_ifold_max(acc43, k42);
                    acc51 = sn_ifold_max(acc51, k50);
                    acc59 = sn_ifold_max(acc59, k58);
                    acc67 = sn_ifold_max(acc67, k66);
                    acc75 = sn_ifold_max(acc75, k74);
                    acc83 = sn_ifold_max(acc83, k82);
                    acc91 = sn_ifold_max(acc91, k90);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc35, off, 32);
                acc35 = sn_ifold_max(acc35, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc43, off, 32);
                acc43 = sn_ifold_max(acc43, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc51, off, 32);
                acc51 = sn_ifold_max(acc51, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc59, off, 32);
                acc59 = sn_ifold_max(acc59, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc67, off, 32);
                acc67 = sn_ifold_max(acc67, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc75, off, 32);
                acc75 = sn_ifold_max(acc75, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc83, off, 32);
                acc83 = sn_ifold_max(acc83, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc91, off, 32);
                acc91 = sn_ifold_max(acc91, other);
            }
            acc35 = __shfl_sync(0xffffffffu, acc35, 0, 32);
            acc43 = __shfl_sync(0xffffffffu, acc43, 0, 32);
            acc51 = __shfl_sync(0xffffffffu, acc51, 0, 32);
            acc59 = __shfl_sync(0xffffffffu, acc59, 0, 32);
            acc67 = __shfl_sync(0xffffffffu, acc67, 0, 32);
            acc75 = __shfl_sync(0xffffffffu, acc75, 0, 32);
            acc83 = __shfl_sync(0xffffffffu, acc83, 0, 32);
            acc91 = __shfl_sync(0xffffffffu, acc91, 0, 32);
            const sn_i64 k35 = acc35;
            const sn_i64 k43 = acc43;
            const sn_i64 k51 = acc51;
            const sn_i64 k59 = acc59;
            const sn_i64 k67 = acc67;
            const sn_i64 k75 = acc75;
            const sn_i64 k83 = acc83;
            const sn_i64 k91 = acc91;
            const sn_i64 k104 = sn_ishr(k91, k95, 64, 1);
            const sn_i64 k105 = (sn_i64)(k104 < k97);
            const sn_i64 k106 = (k104 ^ k99);
            const sn_i64 k107 = k105 != 0 ? k106 : k104;
            const sn_i64 k108 = sn_wrap(k107, 32);
            const float k109 = sn_u2f((sn_u32)k108);
            const float k110 = k103 + k109;
            const sn_i64 k118 = sn_ishr(k83, k95, 64, 1);
            const sn_i64 k119 = (sn_i64)(k118 < k97);
            const sn_i64 k120 = (k118 ^ k99);
            const sn_i64 k121 = k119 != 0 ? k120 : k118;
            const sn_i64 k122 = sn_wrap(k121, 32);
            const float k123 = sn_u2f((sn_u32)k122);
            const float k124 = k117 + k123;
            const sn_i64 k134 = sn_ishr(k75, k95, 64, 1);
            const sn_i64 k135 = (sn_i64)(k134 < k97);
            const sn_i64 k136 = (k134 ^ k99);
            const sn_i64 k137 = k135 != 0 ? k136 : k134;
            const sn_i64 k138 = sn_wrap(k137, 32);
            const float k139 = sn_u2f((sn_u32)k138);
            const float k140 = k133 + k139;
            const sn_i64 k150 = sn_ishr(k67, k95, 64, 1);
            const sn_i64 k151 = (sn_i64)(k150 < k97);
            const sn_i64 k152 = (k150 ^ k99);
            const sn_i64 k153 = k151 != 0 ? k152 : k150;
            const sn_i64 k154 = sn_wrap(k153, 32);
            const float k155 = sn_u2f((sn_u32)k154);
            const float k156 = k149 + k155;
            const sn_i64 k166 = sn_ishr(k59, k95, 64, 1);
            const sn_i64 k167 = (sn_i64)(k166 < k97);
            const sn_i64 k168 = (k166 ^ k99);
            const sn_i64 k169 = k167 != 0 ? k168 : k166;
            const sn_i64 k170 = sn_wrap(k169, 32);
            const float k171 = sn_u2f((sn_u32)k170);
            const float k172 = k165 + k171;
            const sn_i64 k182 = sn_ishr(k51, k95, 64, 1);
            const sn_i64 k183 = (sn_i64)(k182 < k97);
            const sn_i64 k184 = (k182 ^ k99);
            const sn_i64 k185 = k183 != 0 ? k184 : k182;
            const sn_i64 k186 = sn_wrap(k185, 32);
            const float k187 = sn_u2f((sn_u32)k186);
            const float k188 = k181 + k187;
            const sn_i64 k198 = sn_ishr(k43, k95, 64, 1);
            const sn_i64 k199 = (sn_i64)(k198 < k97);
            const sn_i64 k200 = (k198 ^ k99);
            const sn_i64 k201 = k199 != 0 ? k200 : k198;
            const sn_i64 k202 = sn_wrap(k201, 32);
            const float k203 = sn_u2f((sn_u32)k202);
            const float k204 = k197 + k203;
            const sn_i64 k214 = sn_ishr(k35, k95, 64, 1);
            const sn_i64 k215 = (sn_i64)(k214 < k97);
            const sn_i64 k216 = (k214 ^ k99);
            const sn_i64 k217 = k215 != 0 ? k216 : k214;
            const sn_i64 k218 = sn_wrap(k217, 32);
            const float k219 = sn_u2f((sn_u32)k218);
            const float k220 = k213 + k219;
            sn_i64 acc239 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k92 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k93 = (sn_i64)(k92 == k3);
                    const sn_i64 k94 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k125 = (sn_i64)(k94 < k111);
                    const float k126 = k125 != 0 ? k124 : k110;
                    const sn_i64 k141 = (sn_i64)(k94 < k127);
                    const float k142 = k141 != 0 ? k140 : k126;
                    const sn_i64 k157 = (sn_i64)(k94 < k143);
                    const float k158 = k157 != 0 ? k156 : k142;
                    const sn_i64 k173 = (sn_i64)(k94 < k159);
                    const float k174 = k173 != 0 ? k172 : k158;
                    const sn_i64 k189 = (sn_i64)(k94 < k175);
                    const float k190 = k189 != 0 ? k188 : k174;
                    const sn_i64 k205 = (sn_i64)(k94 < k191);
                    const float k206 = k205 != 0 ? k204 : k190;
                    const sn_i64 k221 = (sn_i64)(k94 < k207);
                    const float k222 = k221 != 0 ? k220 : k206;
                    const float k224 = k93 != 0 ? k222 : k223;
                    const sn_i64 k225 = (sn_i64)(k224 != k224);
                    const sn_i64 k226 = (sn_i64)(k224 == k13);
                    const float k227 = (k224);
                    const sn_i64 k228 = sn_iwrap((sn_i64)sn_f2u(k227), 32, 1);
                    const sn_i64 k229 = sn_wrap(k228, 64);
                    const sn_i64 k230 = (sn_i64)(k229 < k15);
                    const sn_i64 k231 = (k229 ^ k12);
                    const sn_i64 k232 = k230 != 0 ? k231 : k229;
                    const sn_i64 k233 = k226 != 0 ? k15 : k232;
                    const sn_i64 k234 = k225 != 0 ? k12 : k233;
                    const sn_i64 k235 = sn_ishl(k234, k23, 64, 1);
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k238 = (k235 | k237);
                    acc239 = sn_ifold_max(acc239, k238);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc239, off, 32);
                acc239 = sn_ifold_max(acc239, other);
            }
            acc239 = __shfl_sync(0xffffffffu, acc239, 0, 32);
            const sn_i64 k239 = acc239;
            const sn_i64 k250 = (k239 & k249);
            const sn_i64 k251 = sn_isub(k99, k250);
            const sn_i64 k252 = sn_wrap(k251, 32);
            const sn_i64 k254 = sn_ifloordiv(k252, k253, 32, 1);
            sn_i64 acc242 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k92 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k93 = (sn_i64)(k92 == k3);
                    const sn_i64 k94 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k125 = (sn_i64)(k94 < k111);
                    const float k126 = k125 != 0 ? k124 : k110;
                    const sn_i64 k141 = (sn_i64)(k94 < k127);
                    const float k142 = k141 != 0 ? k140 : k126;
                    const sn_i64 k157 = (sn_i64)(k94 < k143);
                    const float k158 = k157 != 0 ? k156 : k142;
                    const sn_i64 k173 = (sn_i64)(k94 < k159);
                    const float k174 = k173 != 0 ? k172 : k158;
                    const sn_i64 k189 = (sn_i64)(k94 < k175);
                    const float k190 = k189 != 0 ? k188 : k174;
                    const sn_i64 k205 = (sn_i64)(k94 < k191);
                    const float k206 = k205 != 0 ? k204 : k190;
                    const sn_i64 k221 = (sn_i64)(k94 < k207);
                    const float k222 = k221 != 0 ? k220 : k206;
                    const float k224 = k93 != 0 ? k222 : k223;
                    const sn_i64 k225 = (sn_i64)(k224 != k224);
                    const sn_i64 k226 = (sn_i64)(k224 == k13);
                    const float k227 = (k224);
                    const sn_i64 k228 = sn_iwrap((sn_i64)sn_f2u(k227), 32, 1);
                    const sn_i64 k229 = sn_wrap(k228, 64);
                    const sn_i64 k230 = (sn_i64)(k229 < k15);
                    const sn_i64 k231 = (k229 ^ k12);
                    const sn_i64 k232 = k230 != 0 ? k231 : k229;
                    const sn_i64 k233 = k226 != 0 ? k15 : k232;
                    const sn_i64 k234 = k225 != 0 ? k12 : k233;
                    const sn_i64 k235 = sn_ishl(k234, k23, 64, 1);
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k238 = (k235 | k237);
                    const sn_i64 k240 = (sn_i64)(k238 < k239);
                    const sn_i64 k241 = k240 != 0 ? k238 : k29;
                    acc242 = sn_ifold_max(acc242, k241);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc242, off, 32);
                acc242 = sn_ifold_max(acc242, other);
            }
            acc242 = __shfl_sync(0xffffffffu, acc242, 0, 32);
            const sn_i64 k242 = acc242;
            const sn_i64 k256 = (k242 & k249);
            const sn_i64 k257 = sn_isub(k99, k256);
            const sn_i64 k258 = sn_wrap(k257, 32);
            const sn_i64 k259 = sn_ifloordiv(k258, k253, 32, 1);
            sn_i64 acc245 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k92 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k93 = (sn_i64)(k92 == k3);
                    const sn_i64 k94 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k125 = (sn_i64)(k94 < k111);
                    const float k126 = k125 != 0 ? k124 : k110;
                    const sn_i64 k141 = (sn_i64)(k94 < k127);
                    const float k142 = k141 != 0 ? k140 : k126;
                    const sn_i64 k157 = (sn_i64)(k94 < k143);
                    const float k158 = k157 != 0 ? k156 : k142;
                    const sn_i64 k173 = (sn_i64)(k94 < k159);
                    const float k174 = k173 != 0 ? k172 : k158;
                    const sn_i64 k189 = (sn_i64)(k94 < k175);
                    const float k190 = k189 != 0 ? k188 : k174;
                    const sn_i64 k205 = (sn_i64)(k94 < k191);
                    const float k206 = k205 != 0 ? k204 : k190;
                    const sn_i64 k221 = (sn_i64)(k94 < k207);
                    const float k222 = k221 != 0 ? k220 : k206;
                    const float k224 = k93 != 0 ? k222 : k223;
                    const sn_i64 k225 = (sn_i64)(k224 != k224);
                    const sn_i64 k226 = (sn_i64)(k224 == k13);
                    const float k227 = (k224);
                    const sn_i64 k228 = sn_iwrap((sn_i64)sn_f2u(k227), 32, 1);
                    const sn_i64 k229 = sn_wrap(k228, 64);
                    const sn_i64 k230 = (sn_i64)(k229 < k15);
                    const sn_i64 k231 = (k229 ^ k12);
                    const sn_i64 k232 = k230 != 0 ? k231 : k229;
                    const sn_i64 k233 = k226 != 0 ? k15 : k232;
                    const sn_i64 k234 = k225 != 0 ? k12 : k233;
                    const sn_i64 k235 = sn_ishl(k234, k23, 64, 1);
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k238 = (k235 | k237);
                    const sn_i64 k243 = (sn_i64)(k238 < k242);
                    const sn_i64 k244 = k243 != 0 ? k238 : k29;
                    acc245 = sn_ifold_max(acc245, k244);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc245, off, 32);
                acc245 = sn_ifold_max(acc245, other);
            }
            acc245 = __shfl_sync(0xffffffffu, acc245, 0, 32);
            const sn_i64 k245 = acc245;
            const sn_i64 k262 = (k245 & k249);
            const sn_i64 k263 = sn_isub(k99, k262);
            const sn_i64 k264 = sn_wrap(k263, 32);
            const sn_i64 k265 = sn_ifloordiv(k264, k253, 32, 1);
            sn_i64 acc248 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k92 = sn_imod(k0, k1, 32, 1);
                    const sn_i64 k93 = (sn_i64)(k92 == k3);
                    const sn_i64 k94 = ((sn_i64)r0 / (sn_i64)32);
                    const sn_i64 k125 = (sn_i64)(k94 < k111);
                    const float k126 = k125 != 0 ? k124 : k110;
                    const sn_i64 k141 = (sn_i64)(k94 < k127);
                    const float k142 = k141 != 0 ? k140 : k126;
                    const sn_i64 k157 = (sn_i64)(k94 < k143);
                    const float k158 = k157 != 0 ? k156 : k142;
                    const sn_i64 k173 = (sn_i64)(k94 < k159);
                    const float k174 = k173 != 0 ? k172 : k158;
                    const sn_i64 k189 = (sn_i64)(k94 < k175);
                    const float k190 = k189 != 0 ? k188 : k174;
                    const sn_i64 k205 = (sn_i64)(k94 < k191);
                    const float k206 = k205 != 0 ? k204 : k190;
                    const sn_i64 k221 = (sn_i64)(k94 < k207);
                    const float k222 = k221 != 0 ? k220 : k206;
                    const float k224 = k93 != 0 ? k222 : k223;
                    const sn_i64 k225 = (sn_i64)(k224 != k224);
                    const sn_i64 k226 = (sn_i64)(k224 == k13);
                    const float k227 = (k224);
                    const sn_i64 k228 = sn_iwrap((sn_i64)sn_f2u(k227), 32, 1);
                    const sn_i64 k229 = sn_wrap(k228, 64);
                    const sn_i64 k230 = (sn_i64)(k229 < k15);
                    const sn_i64 k231 = (k229 ^ k12);
                    const sn_i64 k232 = k230 != 0 ? k231 : k229;
                    const sn_i64 k233 = k226 != 0 ? k15 : k232;
                    const sn_i64 k234 = k225 != 0 ? k12 : k233;
                    const sn_i64 k235 = sn_ishl(k234, k23, 64, 1);
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k238 = (k235 | k237);
                    const sn_i64 k246 = (sn_i64)(k238 < k245);
                    const sn_i64 k247 = k246 != 0 ? k238 : k29;
                    acc248 = sn_ifold_max(acc248, k247);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc248, off, 32);
                acc248 = sn_ifold_max(acc248, other);
            }
            acc248 = __shfl_sync(0xffffffffu, acc248, 0, 32);
            const sn_i64 k248 = acc248;
            const sn_i64 k268 = (k248 & k249);
            const sn_i64 k269 = sn_isub(k99, k268);
            const sn_i64 k270 = sn_wrap(k269, 32);
            const sn_i64 k271 = sn_ifloordiv(k270, k253, 32, 1);
            sn_i64 acc287 = (sn_i64)0x8000000000000000ull;
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const sn_i64 k2 = sn_ifloordiv(k0, k1, 32, 1);
                    const float k10 = c10[c * 4 + j];
                    const sn_i64 k236 = sn_wrap(k0, 64);
                    const sn_i64 k237 = sn_isub(k12, k236);
                    const sn_i64 k255 = (sn_i64)(k2 == k254);
                    const sn_i64 k260 = (sn_i64)(k2 == k259);
                    const sn_i64 k261 = (sn_i64)(k255 != 0 || k260 != 0);
                    const sn_i64 k266 = (sn_i64)(k2 == k265);
                    const sn_i64 k267 = (sn_i64)(k261 != 0 || k266 != 0);
                    const sn_i64 k272 = (sn_i64)(k2 == k271);
                    const sn_i64 k273 = (sn_i64)(k267 != 0 || k272 != 0);
                    const float k274 = k273 != 0 ? k10 : k223;
                    const sn_i64 k275 = (sn_i64)(k274 != k274);
                    const sn_i64 k276 = (sn_i64)(k274 == k13);
                    const float k277 = (k274);
                    const sn_i64 k278 = sn_iwrap((sn_i64)sn_f2u(k277), 32, 1);
                    const sn_i64 k279 = sn_wrap(k278, 64);
                    const sn_i64 k280 = (sn_i64)(k279 < k15);
                    const sn_i64 k281 = (k279 ^ k12);
                    const sn_i64 k282 = k280 != 0 ? k281 : k279;
                    const sn_i64 k283 = k276 != 0 ? k15 : k282;
                    const sn_i64 k284 = k275 != 0 ? k12 : k283;
                    const sn_i64 k285 = sn_ishl(k284, k23, 64, 1);
                    const sn_i64 k286 = (k285 | k237);
                    c286[c * 4 + j] = k286;
                    acc287 = sn_ifold_max(acc287, k286);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc287, off, 32);
                acc287 = sn_ifold_max(acc287, other);
            }
            acc287 = __shfl_sync(0xffffffffu, acc287, 0, 32);
            const sn_i64 k287 = acc287;
            const sn_i64 k309 = (k287 & k249);
            const sn_i64 k310 = sn_isub(k99, k309);
            const sn_i64 k311 = sn_wrap(k310, 32);
            sn_i64 acc290 = (sn_i64)0x8000000000000000ull;
            float acc314 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k286 = c286[c * 4 + j];
                    const sn_i64 k288 = (sn_i64)(k286 < k287);
                    const sn_i64 k289 = k288 != 0 ? k286 : k29;
                    const sn_i64 k312 = (sn_i64)(k0 == k311);
                    const float k313 = k312 != 0 ? k7 : k223;
                    acc290 = sn_ifold_max(acc290, k289);
                    acc314 = sn_fold_max(acc314, k313);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc290, off, 32);
                acc290 = sn_ifold_max(acc290, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc314, off, 32);
                acc314 = sn_fold_max(acc314, other);
            }
            acc290 = __shfl_sync(0xffffffffu, acc290, 0, 32);
            acc314 = __shfl_sync(0xffffffffu, acc314, 0, 32);
            const sn_i64 k290 = acc290;
            const float k314 = acc314;
            const sn_i64 k315 = (k290 & k249);
            const sn_i64 k316 = sn_isub(k99, k315);
            const sn_i64 k317 = sn_wrap(k316, 32);
            sn_i64 acc293 = (sn_i64)0x8000000000000000ull;
            float acc320 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k286 = c286[c * 4 + j];
                    const sn_i64 k291 = (sn_i64)(k286 < k290);
                    const sn_i64 k292 = k291 != 0 ? k286 : k29;
                    const sn_i64 k318 = (sn_i64)(k0 == k317);
                    const float k319 = k318 != 0 ? k7 : k223;
                    acc293 = sn_ifold_max(acc293, k292);
                    acc320 = sn_fold_max(acc320, k319);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc293, off, 32);
                acc293 = sn_ifold_max(acc293, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc320, off, 32);
                acc320 = sn_fold_max(acc320, other);
            }
            acc293 = __shfl_sync(0xffffffffu, acc293, 0, 32);
            acc320 = __shfl_sync(0xffffffffu, acc320, 0, 32);
            const sn_i64 k293 = acc293;
            const float k320 = acc320;
            const sn_i64 k321 = (k293 & k249);
            const sn_i64 k322 = sn_isub(k99, k321);
            const sn_i64 k323 = sn_wrap(k322, 32);
            const float k357 = k314 + k320;
            sn_i64 acc296 = (sn_i64)0x8000000000000000ull;
            float acc326 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k286 = c286[c * 4 + j];
                    const sn_i64 k294 = (sn_i64)(k286 < k293);
                    const sn_i64 k295 = k294 != 0 ? k286 : k29;
                    const sn_i64 k324 = (sn_i64)(k0 == k323);
                    const float k325 = k324 != 0 ? k7 : k223;
                    acc296 = sn_ifold_max(acc296, k295);
                    acc326 = sn_fold_max(acc326, k325);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc296, off, 32);
                acc296 = sn_ifold_max(acc296, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc326, off, 32);
                acc326 = sn_fold_max(acc326, other);
            }
            acc296 = __shfl_sync(0xffffffffu, acc296, 0, 32);
            acc326 = __shfl_sync(0xffffffffu, acc326, 0, 32);
            const sn_i64 k296 = acc296;
            const float k326 = acc326;
            const sn_i64 k327 = (k296 & k249);
            const sn_i64 k328 = sn_isub(k99, k327);
            const sn_i64 k329 = sn_wrap(k328, 32);
            const float k358 = k357 + k326;
            sn_i64 acc299 = (sn_i64)0x8000000000000000ull;
            float acc332 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k286 = c286[c * 4 + j];
                    const sn_i64 k297 = (sn_i64)(k286 < k296);
                    const sn_i64 k298 = k297 != 0 ? k286 : k29;
                    const sn_i64 k330 = (sn_i64)(k0 == k329);
                    const float k331 = k330 != 0 ? k7 : k223;
                    acc299 = sn_ifold_max(acc299, k298);
                    acc332 = sn_fold_max(acc332, k331);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc299, off, 32);
                acc299 = sn_ifold_max(acc299, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc332, off, 32);
                acc332 = sn_fold_max(acc332, other);
            }
            acc299 = __shfl_sync(0xffffffffu, acc299, 0, 32);
            acc332 = __shfl_sync(0xffffffffu, acc332, 0, 32);
            const sn_i64 k299 = acc299;
            const float k332 = acc332;
            const sn_i64 k333 = (k299 & k249);
            const sn_i64 k334 = sn_isub(k99, k333);
            const sn_i64 k335 = sn_wrap(k334, 32);
            const float k359 = k358 + k332;
            sn_i64 acc302 = (sn_i64)0x8000000000000000ull;
            float acc338 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k286 = c286[c * 4 + j];
                    const sn_i64 k300 = (sn_i64)(k286 < k299);
                    const sn_i64 k301 = k300 != 0 ? k286 : k29;
                    const sn_i64 k336 = (sn_i64)(k0 == k335);
                    const float k337 = k336 != 0 ? k7 : k223;
                    acc302 = sn_ifold_max(acc302, k301);
                    acc338 = sn_fold_max(acc338, k337);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc302, off, 32);
                acc302 = sn_ifold_max(acc302, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc338, off, 32);
                acc338 = sn_fold_max(acc338, other);
            }
            acc302 = __shfl_sync(0xffffffffu, acc302, 0, 32);
            acc338 = __shfl_sync(0xffffffffu, acc338, 0, 32);
            const sn_i64 k302 = acc302;
            const float k338 = acc338;
            const sn_i64 k339 = (k302 & k249);
            const sn_i64 k340 = sn_isub(k99, k339);
            const sn_i64 k341 = sn_wrap(k340, 32);
            const float k360 = k359 + k338;
            sn_i64 acc305 = (sn_i64)0x8000000000000000ull;
            float acc344 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k286 = c286[c * 4 + j];
                    const sn_i64 k303 = (sn_i64)(k286 < k302);
                    const sn_i64 k304 = k303 != 0 ? k286 : k29;
                    const sn_i64 k342 = (sn_i64)(k0 == k341);
                    const float k343 = k342 != 0 ? k7 : k223;
                    acc305 = sn_ifold_max(acc305, k304);
                    acc344 = sn_fold_max(acc344, k343);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc305, off, 32);
                acc305 = sn_ifold_max(acc305, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc344, off, 32);
                acc344 = sn_fold_max(acc344, other);
            }
            acc305 = __shfl_sync(0xffffffffu, acc305, 0, 32);
            acc344 = __shfl_sync(0xffffffffu, acc344, 0, 32);
            const sn_i64 k305 = acc305;
            const float k344 = acc344;
            const sn_i64 k345 = (k305 & k249);
            const sn_i64 k346 = sn_isub(k99, k345);
            const sn_i64 k347 = sn_wrap(k346, 32);
            const float k361 = k360 + k344;
            sn_i64 acc308 = (sn_i64)0x8000000000000000ull;
            float acc350 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k286 = c286[c * 4 + j];
                    const sn_i64 k306 = (sn_i64)(k286 < k305);
                    const sn_i64 k307 = k306 != 0 ? k286 : k29;
                    const sn_i64 k348 = (sn_i64)(k0 == k347);
                    const float k349 = k348 != 0 ? k7 : k223;
                    acc308 = sn_ifold_max(acc308, k307);
                    acc350 = sn_fold_max(acc350, k349);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const sn_i64 other = __shfl_xor_sync(0xffffffffu, acc308, off, 32);
                acc308 = sn_ifold_max(acc308, other);
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc350, off, 32);
                acc350 = sn_fold_max(acc350, other);
            }
            acc308 = __shfl_sync(0xffffffffu, acc308, 0, 32);
            acc350 = __shfl_sync(0xffffffffu, acc350, 0, 32);
            const sn_i64 k308 = acc308;
            const float k350 = acc350;
            const sn_i64 k351 = (k308 & k249);
            const sn_i64 k352 = sn_isub(k99, k351);
            const sn_i64 k353 = sn_wrap(k352, 32);
            const float k362 = k361 + k350;
            float acc356 = sn_u2f(0xff800000u);
            #pragma unroll
            for (int c = 0; c < 2; c++) {
                const int e0 = (c * 32 + lane) * 4;
                #pragma unroll
                for (int j = 0; j < 4; j++) {
                    [[maybe_unused]] const int e = e0 + j;
                    [[maybe_unused]] const bool ok = true;
                    [[maybe_unused]] const int r0 = e;
                    const sn_i64 k0 = (sn_i64)r0;
                    const float k7 = c7[c * 4 + j];
                    const sn_i64 k354 = (sn_i64)(k0 == k353);
                    const float k355 = k354 != 0 ? k7 : k223;
                    acc356 = sn_fold_max(acc356, k355);
                }
            }
            #pragma unroll
            for (int off = 16; off >= 1; off /= 2) {
                const float other = __shfl_xor_sync(0xffffffffu, acc356, off, 32);
                acc356 = sn_fold_max(acc356, other);
            }
            acc356 = __shfl_sync(0xffffffffu, acc356, 0, 32);
            const float k356 = acc356;
            const float k363 = k362 + k356;
            const float k364 = sn_div(k314, k363);
            const float k366 = k364 * k365;
            const float k367 = sn_div(k320, k363);
            const float k368 = k367 * k365;
            const float k369 = sn_div(k326, k363);
            const float k370 = k369 * k365;
            const float k371 = sn_div(k332, k363);
            const float k372 = k371 * k365;
            const float k373 = sn_div(k338, k363);
            const float k374 = k373 * k365;
            const float k375 = sn_div(k344, k363);
            const float k376 = k375 * k365;
            const float k377 = sn_div(k350, k363);
            const float k378 = k377 * k365;
            const float k379 = sn_div(k356, k363);
            const float k380 = k379 * k365;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)0] = k366;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)1] = k368;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)2] = k370;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)3] = k372;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)4] = k374;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)5] = k376;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)6] = k378;
            if (live && lane == 0) b2[o0 * ((sn_i64)8) + (sn_i64)7] = k380;
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)0] = (int)sn_wrap(k311, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)1] = (int)sn_wrap(k317, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)2] = (int)sn_wrap(k323, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)3] = (int)sn_wrap(k329, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)4] = (int)sn_wrap(k335, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)5] = (int)sn_wrap(k341, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)6] = (int)sn_wrap(k347, 32);
            if (live && lane == 0) b3[o0 * ((sn_i64)8) + (sn_i64)7] = (int)sn_wrap(k353, 32);
            return;
        }
        blk -= nblk;
    }
}
#endif

