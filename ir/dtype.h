/* dtype.h - storage dtypes and the exact host conversions.
 *
 * The conversions define the language's rounding: f32 -> narrow type rounds
 * to nearest, ties to even, exactly as PyTorch's `.to()` on the CPU does
 * (c10's scalar conversions).  "Overflow" below means the magnitude rounded
 * to nearest even (with unbounded exponent) exceeds the type's max.
 *   f8e4m3      OCP E4M3FN: bias 7, max 448, no infinity, NaN = S.1111.111,
 *               has -0.  Overflow, inf and NaN -> NaN (0x7F with the sign of
 *               the input).  464, the midpoint of 448 and 480, rounds to 448.
 *   f8e4m3fnuz  bias 8, max 240, no infinity, no -0 (-0 and values rounding
 *               to -0 give 0x00), the only NaN is 0x80; overflow/inf/NaN ->
 *               0x80.  248 (midpoint of 240 and 256) ties up: NaN.
 *   f8e5m2      OCP E5M2: bias 15, max 57344, IEEE-like: overflow and inf ->
 *               inf (0x7C|sign), NaN -> 0x7F|sign (quiet); 61440 -> inf.
 *   f8e5m2fnuz  bias 16, max 57344, no infinity, no -0, NaN = 0x80;
 *               overflow/inf/NaN -> 0x80; 61440 -> 0x80.
 *   f16         IEEE binary16: overflow and inf -> inf|sign (65520 -> inf),
 *               NaN -> 0x7E00|sign.
 *   bf16        overflow and inf -> inf|sign, NaN -> 0x7FC0 for every NaN:
 *               c10 drops the NaN's sign.
 *   f8e8m0      OCP E8M0 (the MX block scale): code e (0-254) is 2^(e-127),
 *               0xFF is NaN; no sign, no zero, no infinity.  Unlike the
 *               others it rounds UPWARD to a power of two (as NVIDIA's
 *               cvt.rp.ue8m0 and DeepGEMM's UE8M0 scales do: a scale never
 *               shrinks below the value it scales by), and takes |x|: the
 *               sign is dropped (as c10's conversion does).  +-0 and
 *               magnitudes up to 2^-127 (f32 subnormals included) give 0x00
 *               (2^-127); above 2^127 (overflow), inf and NaN give 0xFF.
 *               The floor form is dt_pow2_floor first (to(x, f8e8m0,
 *               floor=true)): powers of two convert exactly.
 *   f4e2m1      OCP FP4 E2M1: bias 1, values +-{0 0.5 1 1.5 2 3 4 6}, has -0,
 *               no infinity, no NaN.  Round to nearest even; overflow (from
 *               7, the midpoint of 6 and 8, which ties to 8), +-inf and NaN
 *               saturate to +-6 (0x7|sign; a NaN's sign bit): there is no
 *               code that could carry them.  Two codes per byte, element 2i
 *               in the low nibble (dt_store_float_at).
 * Subnormals of every type are produced and read exactly.  Decoding to f32
 * is exact; a NaN code decodes to the quiet NaN 0x7FC00000 with the code's
 * sign (fnuz: positive), except bf16, which decodes by a 16-bit shift and so
 * keeps a NaN's sign and payload (as c10 does).
 * Integer conversion from float truncates toward zero and saturates to the
 * type's range (unsigned types: [0, 2^bits - 1]; -0.5 gives 0); NaN converts to 0 (PyTorch leaves out-of-range casts
 * undefined; this is PTX cvt.rzi's rule).  Float -> bool is (x != 0), so NaN
 * gives 1.  Integer -> bool is (x != 0). */
#ifndef SINTER_DTYPE_H
#define SINTER_DTYPE_H

#include <stdbool.h>
#include <stdint.h>

#include "dtypes.h"

/* The storage dtypes, one per row of dtypes.h (the order is the public
 * sn_dtype's). */
#define DT_X_ENUM(ID, ...) DT_##ID,
typedef enum { SN_DTYPES(DT_X_ENUM) DT_COUNT } DType;
#undef DT_X_ENUM

const char *dt_name(DType t);            /* "bf16" */
bool dt_parse(const char *name, DType *out); /* false if not a dtype name */
int dt_bits(DType t);                    /* storage bits per element */
int dt_size(DType t);                    /* bytes per element, rounded up */
bool dt_is_float(DType t);
bool dt_is_f8(DType t);                  /* an 8-bit float type, f8e8m0 too */
bool dt_is_int(DType t);                 /* i8 i16 i32 i64 u8 u16 u32 (not bool) */
bool dt_is_unsigned(DType t);            /* u8 u16 u32 */
/* Largest finite value of a float type (448 for f8e4m3, FLT_MAX for f32);
 * for i8/i32/i64 the type's maximum as a double (i64: 2^63), bool: 1. */
double dt_max_finite(DType t);

/* f32 -> storage bits, round to nearest even, special values as above. */
uint16_t dt_f32_to_bf16(float x);
uint16_t dt_f32_to_f16(float x);
/* t is an 8-bit float type or f4e2m1 (the code in the low 4 bits). */
uint8_t dt_f32_to_f8(float x, DType t);
/* storage bits -> f32, exact. */
float dt_bf16_to_f32(uint16_t b);
float dt_f16_to_f32(uint16_t b);
float dt_f8_to_f32(uint8_t b, DType t);

/* The value `to(x, t)` gives for a float type t, as an f32 (exact). */
float dt_round_float(float x, DType t);
/* The same from an f64 with a single rounding (no f64->f32->t double
 * rounding; t may be f32): used for inputs read from f64 .npy files.  Note
 * PyTorch's f64 -> bf16/f16/f8 goes through f32 (c10's constructors take a
 * float), so it can differ from this by one ulp at f32-rounded ties. */
float dt_round_double(double x, DType t);
/* float -> integer type t (truncate, saturate, NaN -> 0); bool: x != 0. */
int64_t dt_float_to_int(float x, DType t);
/* integer value -> integer type t: wraps modulo 2^bits like a C cast
 * (PyTorch's integer `.to()`): signed types to [-2^(bits-1), 2^(bits-1)),
 * unsigned ones to [0, 2^bits); bool: x != 0. */
int64_t dt_int_to_int(int64_t x, DType t);

/* The storage code of x in float type t (rounded to t first, with t's
 * NaN and overflow codes), and the value of a code of type t (only its
 * low dt_bits(t) bits are read): bitcasts. */
uint64_t dt_float_bits(float x, DType t);
float dt_float_from_bits(uint64_t code, DType t);

/* 2^floor(log2 |x|) with x's sign, exact (subnormals included); +-0, +-inf
 * and NaN unchanged.  The IR's pow2_floor: to(x, f8e8m0, floor=true) is
 * to(pow2_floor(x), f8e8m0), OCP's floor rounding of a scale. */
float dt_pow2_floor(float x);

/* Storage bits of a float value already exact in type t (a float type of
 * at least 8 bits): writes dt_size(t) bytes, little-endian. */
void dt_store_float(float x, DType t, void *dst);
float dt_load_float(const void *src, DType t);
/* Bytes numel elements of t occupy (sub-byte types: packed, rounded up). */
int64_t dt_bytes(DType t, int64_t numel);
/* Element k of a dense array of t at base, any float type: for f4e2m1 the
 * nibble k % 2 of byte k / 2 (the other nibble is kept). */
void dt_store_float_at(float x, DType t, void *base, int64_t k);
float dt_load_float_at(const void *base, DType t, int64_t k);

#endif
