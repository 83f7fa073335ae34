/* dtype.c - the storage dtypes and their exact host conversions (see dtype.h).
 *
 * Contract: every float conversion is one exact round-to-nearest-even from
 * the source value (f32 or f64) to the target format, done in integer
 * arithmetic on the bit patterns (no dependence on the FPU rounding mode,
 * FTZ or DAZ), with the special values of dtype.h: per format a NaN code, an
 * overflow code (inf or NaN) and whether it has a negative zero.  Decoding a
 * narrow code to f32 is exact.  All formats are described by one table, and
 * one unpack/pack pair converts between any two of them, so f32 -> f8, f8 ->
 * f32 and f64 -> anything are the same few lines of code.  Integer
 * conversions truncate and saturate (float -> int) or wrap (int -> int). */
#include "dtype.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

/* A binary floating-point format: 1 sign bit, exp_bits, mant_bits.  Codes
 * are ordered by magnitude, so the largest finite magnitude code bounds them:
 * a magnitude above max_finite is inf (if has_inf and it is max_finite + 1)
 * or NaN. */
typedef struct {
    int mant_bits;
    int exp_bits;
    int bias;
    uint64_t max_finite;   /* magnitude code of the largest finite value */
    uint64_t overflow;     /* code for inf and for values rounding past max */
    bool overflow_signed;  /* overflow code takes the input's sign */
    uint64_t nan;          /* code a NaN input converts to */
    bool nan_signed;       /* NaN code takes the input's sign */
    bool has_inf;          /* magnitude max_finite + 1 is infinity */
    bool unsigned_zero;    /* fnuz: no -0; the code "-0" is the NaN */
} FloatFormat;

/* Fields: mant_bits, exp_bits, bias, max_finite, overflow, overflow_signed,
 * nan, nan_signed, has_inf, unsigned_zero. */
static const FloatFormat FMT_F64 = {52, 11, 1023, 0x7FEFFFFFFFFFFFFFull,
                                    0x7FF0000000000000ull, true,
                                    0x7FF8000000000000ull, true, true, false};
static const FloatFormat FMT_F32 = {23, 8, 127, 0x7F7FFFFF, 0x7F800000, true,
                                    0x7FC00000, true, true, false};
static const FloatFormat FMT_F16 = {10, 5, 15, 0x7BFF, 0x7C00, true,
                                    0x7E00, true, true, false};
/* c10's round_to_nearest_even returns 0x7FC0 for every NaN (sign dropped). */
static const FloatFormat FMT_BF16 = {7, 8, 127, 0x7F7F, 0x7F80, true,
                                     0x7FC0, false, true, false};
static const FloatFormat FMT_E4M3 = {3, 4, 7, 0x7E, 0x7F, true,
                                     0x7F, true, false, false};
static const FloatFormat FMT_E4M3FNUZ = {3, 4, 8, 0x7F, 0x80, false,
                                         0x80, false, false, true};
static const FloatFormat FMT_E5M2 = {2, 5, 15, 0x7B, 0x7C, true,
                                     0x7F, true, true, false};
static const FloatFormat FMT_E5M2FNUZ = {2, 5, 16, 0x7F, 0x80, false,
                                         0x80, false, false, true};

/* OCP FP4 E2M1: bias 1, magnitudes 0 0.5 1 1.5 2 3 4 6 (codes 0-7), -0.  It
 * has neither infinity nor NaN, so overflow, infinities and NaN all give
 * the largest finite code, 6, with the input's sign (a NaN's sign bit). */
static const FloatFormat FMT_E2M1 = {1, 2, 1, 0x7, 0x7, true,
                                     0x7, true, false, false};
/* OCP E8M0: no sign and no mantissa: code e is 2^(e - 127), 0xFF is NaN.
 * Not a format the generic pack/unpack handle (it rounds upward and has no
 * zero): encode_e8m0 and unpack_e8m0 below; the fields are for dt_bits and
 * documentation only. */
static const FloatFormat FMT_E8M0 = {0, 8, 127, 0xFE, 0xFF, false,
                                     0xFF, false, false, true};

/* dtypes.h's rows as data. */
typedef struct {
    const char *name;
    int bits;
    int cls;                   /* SN_DTC_* */
    bool sgn;
    double max_finite;
    const FloatFormat *format; /* float types only */
} DTypeInfo;

static const DTypeInfo dtype_info[DT_COUNT] = {
#define X(ID, name, bits, cls, sgn, maxf, sn, ctype, dev_ctype, suffix, fmt) \
    [DT_##ID] = {name, bits, cls, sgn, maxf, fmt},
    SN_DTYPES(X)
#undef X
};

/* The enum and the public sn_dtype numbers are the rows' positions. */
#define X(ID, name, bits, cls, sgn, maxf, sn, ...) \
    _Static_assert(DT_##ID == sn, "dtypes.h: sn column is not the row's position");
SN_DTYPES(X)
#undef X

static bool dt_valid(DType t)
{
    return (unsigned)t < DT_COUNT;
}

static const FloatFormat *format_of(DType t)
{
    assert(dt_is_float(t));
    return dtype_info[t].format;
}

/* ---- dtype queries ---- */

const char *dt_name(DType t)
{
    return dt_valid(t) ? dtype_info[t].name : "?";
}

bool dt_parse(const char *name, DType *out)
{
    for (int t = 0; t < DT_COUNT; t++) {
        if (strcmp(name, dtype_info[t].name) == 0) {
            *out = (DType)t;
            return true;
        }
    }
    return false;
}

int dt_bits(DType t)
{
    return dt_valid(t) ? dtype_info[t].bits : 0;
}

int dt_size(DType t)
{
    return (dt_bits(t) + 7) / 8;
}

bool dt_is_float(DType t)
{
    return dt_valid(t) && dtype_info[t].cls == SN_DTC_FLOAT;
}

bool dt_is_f8(DType t)
{
    return dt_is_float(t) && dtype_info[t].bits == 8;
}

bool dt_is_int(DType t)
{
    return dt_valid(t) && dtype_info[t].cls == SN_DTC_INT;
}

bool dt_is_unsigned(DType t)
{
    return dt_is_int(t) && !dtype_info[t].sgn;
}

/* ---- the generic format converter ---- */

/* A value taken apart: (-1)^negative * significand * 2^exponent, unless it is
 * a NaN or an infinity. */
typedef struct {
    bool negative;
    bool is_nan;
    bool is_inf;
    uint64_t significand;
    int exponent;
} Unpacked;

static uint64_t sign_bit_of(const FloatFormat *f)
{
    return 1ull << (f->mant_bits + f->exp_bits);
}

static Unpacked unpack(uint64_t code, const FloatFormat *f)
{
    uint64_t sign_bit = sign_bit_of(f);
    uint64_t magnitude = code & (sign_bit - 1);
    uint64_t exp_field = magnitude >> f->mant_bits;
    uint64_t mantissa = magnitude & ((1ull << f->mant_bits) - 1);
    Unpacked u = {(code & sign_bit) != 0, false, false, 0, 0};

    if (f->unsigned_zero && code == sign_bit) {
        u.is_nan = true;   /* the fnuz NaN 0x80 has no sign */
        u.negative = false;
    } else if (magnitude > f->max_finite) {
        u.is_inf = f->has_inf && magnitude == f->max_finite + 1;
        u.is_nan = !u.is_inf;
    } else if (exp_field == 0) {
        u.significand = mantissa;
        u.exponent = 1 - f->bias - f->mant_bits;
    } else {
        u.significand = mantissa | (1ull << f->mant_bits);
        u.exponent = (int)exp_field - f->bias - f->mant_bits;
    }
    return u;
}

static int bit_length(uint64_t x)
{
    return x ? 64 - __builtin_clzll(x) : 0;
}

/* significand * 2^-shift rounded to the nearest integer, ties to even. */
static uint64_t shift_round_even(uint64_t significand, int shift)
{
    if (shift <= 0)
        return significand << -shift; /* widening: exact */
    if (shift >= 64)
        return 0; /* significand < 2^63 <= half of 2^shift */
    uint64_t kept = significand >> shift;
    uint64_t rest = significand & ((1ull << shift) - 1);
    uint64_t half = 1ull << (shift - 1);
    if (rest > half || (rest == half && (kept & 1)))
        kept++;
    return kept;
}

static uint64_t signed_code(uint64_t code, bool take_sign, bool negative,
                            const FloatFormat *f)
{
    return take_sign && negative ? code | sign_bit_of(f) : code;
}

/* The code of u in format f, rounded to nearest even, with f's specials. */
static uint64_t pack(Unpacked u, const FloatFormat *f)
{
    if (u.is_nan)
        return signed_code(f->nan, f->nan_signed, u.negative, f);
    if (u.is_inf)
        return signed_code(f->overflow, f->overflow_signed, u.negative, f);
    if (u.significand == 0)
        return signed_code(0, !f->unsigned_zero, u.negative, f);

    int min_exponent = 1 - f->bias; /* exponent of the smallest normal */
    int top = u.exponent + bit_length(u.significand) - 1;
    int scale = top > min_exponent ? top : min_exponent;
    uint64_t rounded = shift_round_even(u.significand,
                                        scale - f->mant_bits - u.exponent);
    /* rounded has mant_bits + 1 bits, or mant_bits + 2 after a carry, or is
     * subnormal when scale == min_exponent: adding it to the exponent field
     * below its implicit bit handles all three. */
    uint64_t magnitude =
        ((uint64_t)(scale + f->bias - 1) << f->mant_bits) + rounded;

    if (magnitude > f->max_finite)
        return signed_code(f->overflow, f->overflow_signed, u.negative, f);
    return signed_code(magnitude, !(magnitude == 0 && f->unsigned_zero),
                       u.negative, f);
}

/* The E8M0 code of u: the smallest power of two >= |u| (rounding upward;
 * the sign is dropped), at least 2^-127 (0x00: zeros and magnitudes up to
 * 2^-127); NaN, infinities and magnitudes above 2^127 give 0xFF (NaN). */
static uint64_t encode_e8m0(Unpacked u)
{
    if (u.is_nan || u.is_inf)
        return 0xFF;
    if (u.significand == 0)
        return 0x00;
    int top = u.exponent + bit_length(u.significand) - 1; /* floor(log2 |u|) */
    bool pow2 = (u.significand & (u.significand - 1)) == 0;
    int e = pow2 ? top : top + 1;                         /* ceil(log2 |u|) */
    if (e < -127)
        return 0x00;
    if (e > 127)
        return 0xFF;
    return (uint64_t)(e + 127);
}

static Unpacked unpack_e8m0(uint64_t code)
{
    Unpacked u = {false, code == 0xFF, false, 1, (int)code - 127};
    return u;
}

static uint64_t convert_code(uint64_t code, const FloatFormat *from,
                             const FloatFormat *to)
{
    Unpacked u = from == &FMT_E8M0 ? unpack_e8m0(code) : unpack(code, from);
    return to == &FMT_E8M0 ? encode_e8m0(u) : pack(u, to);
}

static uint32_t f32_bits(float x)
{
    uint32_t bits;
    memcpy(&bits, &x, sizeof bits);
    return bits;
}

static float f32_from_bits(uint32_t bits)
{
    float x;
    memcpy(&x, &bits, sizeof x);
    return x;
}

static uint64_t f64_bits(double x)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return bits;
}

static uint64_t encode_f32(float x, const FloatFormat *to)
{
    return convert_code(f32_bits(x), &FMT_F32, to);
}

static float decode_to_f32(uint64_t code, const FloatFormat *from)
{
    return f32_from_bits((uint32_t)convert_code(code, from, &FMT_F32));
}

/* ---- public float conversions ---- */

/* bf16 is the hot type (most activations): round-to-nearest-even on the
 * bit pattern (c10's algorithm), which carries into the exponent (overflow
 * gives inf) and keeps subnormals exact; every NaN becomes 0x7FC0.
 * test_dtype checks it against the generic encoder. */
uint16_t dt_f32_to_bf16(float x)
{
    uint32_t u;
    memcpy(&u, &x, sizeof u);
    if (x != x)
        return 0x7FC0;
    return (uint16_t)((u + 0x7FFFu + ((u >> 16) & 1u)) >> 16);
}

uint16_t dt_f32_to_f16(float x)
{
    return (uint16_t)encode_f32(x, &FMT_F16);
}

uint8_t dt_f32_to_f8(float x, DType t)
{
    assert(dt_is_f8(t) || t == DT_F4E2M1);
    return (uint8_t)encode_f32(x, format_of(t));
}

/* bf16 is the top half of an f32: the exact embedding, NaN payload kept. */
float dt_bf16_to_f32(uint16_t b)
{
    return f32_from_bits((uint32_t)b << 16);
}

float dt_f16_to_f32(uint16_t b)
{
    return decode_to_f32(b, &FMT_F16);
}

float dt_f8_to_f32(uint8_t b, DType t)
{
    assert(dt_is_f8(t) || t == DT_F4E2M1);
    return decode_to_f32(b, format_of(t));
}

static float decode_code(uint64_t code, DType t)
{
    if (t == DT_F32)
        return f32_from_bits((uint32_t)code);
    if (t == DT_BF16)
        return dt_bf16_to_f32((uint16_t)code);
    return decode_to_f32(code, format_of(t));
}

float dt_round_float(float x, DType t)
{
    if (t == DT_F32)
        return x;
    if (t == DT_BF16)
        return dt_bf16_to_f32(dt_f32_to_bf16(x));
    return decode_code(encode_f32(x, format_of(t)), t);
}

float dt_round_double(double x, DType t)
{
    return decode_code(convert_code(f64_bits(x), &FMT_F64, format_of(t)), t);
}

/* Exact on the bits: clear the mantissa of a normal number, keep the top
 * mantissa bit of a subnormal one. */
float dt_pow2_floor(float x)
{
    uint32_t u = f32_bits(x), ex = u & 0x7F800000u, mant = u & 0x007FFFFFu;
    if (ex == 0x7F800000u)
        return x; /* inf, NaN */
    if (ex)
        return f32_from_bits(u & 0xFF800000u);
    if (!mant)
        return x; /* +-0 */
    return f32_from_bits((u & 0x80000000u) | (1u << (bit_length(mant) - 1)));
}

double dt_max_finite(DType t)
{
    return dt_valid(t) ? dtype_info[t].max_finite : 0.0;
}

/* ---- integer conversions ---- */

static int int_bits(DType t)
{
    return dt_bits(t);
}

/* The range of integer type t (two's complement when signed). */
static int64_t int_max(DType t)
{
    int b = int_bits(t) - dtype_info[t].sgn;
    return b >= 63 ? INT64_MAX : (int64_t)((1ull << b) - 1);
}

static int64_t int_min(DType t)
{
    return dtype_info[t].sgn ? -int_max(t) - 1 : 0;
}

int64_t dt_float_to_int(float x, DType t)
{
    assert(dt_is_int(t) || t == DT_BOOL);
    if (t == DT_BOOL)
        return x != 0.0f;
    if (x != x)
        return 0;
    if (!dtype_info[t].sgn) { /* unsigned: [0, 2^bits) */
        if (x <= 0.0f)
            return 0; /* (-1, 0) truncates to 0; below saturates to 0 */
        if ((double)x >= (double)int_max(t) + 1.0)
            return int_max(t);
        return (int64_t)x;
    }
    double limit = (double)(1ull << (int_bits(t) - 1)); /* 2^(bits-1) */
    if (x >= limit)
        return int_max(t);
    if (x <= -limit)
        return int_min(t);
    return (int64_t)x; /* in range: C truncates toward zero */
}

int64_t dt_int_to_int(int64_t x, DType t)
{
    assert(dt_is_int(t) || t == DT_BOOL);
    if (t == DT_BOOL)
        return x != 0;
    if (t == DT_I64)
        return x;
    uint64_t modulus = 1ull << int_bits(t);
    uint64_t low = (uint64_t)x & (modulus - 1);
    if (!dtype_info[t].sgn)
        return (int64_t)low;
    /* low bits as two's complement, without an implementation-defined cast */
    return low >= modulus / 2 ? (int64_t)low - (int64_t)modulus
                              : (int64_t)low;
}

/* ---- storage ---- */

static uint64_t storage_code(float x, DType t)
{
    if (t == DT_F32)
        return f32_bits(x);
    return encode_f32(x, format_of(t));
}

uint64_t dt_float_bits(float x, DType t)
{
    assert(dt_is_float(t));
    return storage_code(x, t);
}

float dt_float_from_bits(uint64_t code, DType t)
{
    assert(dt_is_float(t));
    return decode_code(code & (dt_bits(t) >= 64 ? ~0ull : (1ull << dt_bits(t)) - 1), t);
}

void dt_store_float(float x, DType t, void *dst)
{
    assert(dt_bits(t) >= 8);
    uint64_t code = storage_code(x, t);
    unsigned char *bytes = dst;
    for (int i = 0; i < dt_size(t); i++)
        bytes[i] = (unsigned char)(code >> (8 * i));
}

float dt_load_float(const void *src, DType t)
{
    assert(dt_is_float(t) && dt_bits(t) >= 8);
    const unsigned char *bytes = src;
    uint64_t code = 0;
    for (int i = 0; i < dt_size(t); i++)
        code |= (uint64_t)bytes[i] << (8 * i);
    return decode_code(code, t);
}

int64_t dt_bytes(DType t, int64_t numel)
{
    return dt_bits(t) >= 8 ? numel * dt_size(t) : (numel * dt_bits(t) + 7) / 8;
}

void dt_store_float_at(float x, DType t, void *base, int64_t k)
{
    if (dt_bits(t) >= 8) {
        dt_store_float(x, t, (unsigned char *)base + k * dt_size(t));
        return;
    }
    unsigned char *byte = (unsigned char *)base + k / 2;
    unsigned code = (unsigned)storage_code(x, t) & 0xFu;
    *byte = (unsigned char)(k % 2 ? (*byte & 0x0Fu) | code << 4 : (*byte & 0xF0u) | code);
}

float dt_load_float_at(const void *base, DType t, int64_t k)
{
    if (dt_bits(t) >= 8)
        return dt_load_float((const unsigned char *)base + k * dt_size(t), t);
    unsigned byte = ((const unsigned char *)base)[k / 2];
    return decode_code(k % 2 ? byte >> 4 : byte & 0xFu, t);
}
