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
bool dt_is_f8(DType t);
bool dt_is_int(DType t);                 /* i8 i16 i32 i64 u8 u16 u32 (not bool) */
bool dt_is_unsigned(DType t);            /* u8 u16 u32 */
/* Largest finite value of a float type (448 for f8e4m3, FLT_MAX for f32);
 * for i8/i32/i64 the type's maximum as a double (i64: 2^63), bool: 1. */
double dt_max_finite(DType t);

/* f32 -> storage bits, round to nearest even, special values as above. */
uint16_t dt_f32_to_bf16(float x);
uint16_t dt_f32_to_f16(float x);
uint8_t dt_f32_to_f8(float x, DType t); /* t is one of the four f8 types */
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

/* Storage bits of a float value already exact in type t (any float type):
 * writes dt_size(t) bytes, little-endian. */
void dt_store_float(float x, DType t, void *dst);
float dt_load_float(const void *src, DType t);

#endif
