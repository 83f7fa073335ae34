/* test_dtype.c - unit tests for ir/dtype.c.
 *
 * Contract: checks every conversion of dtype.h against values written out by
 * hand (bit patterns of zeros, subnormals, normals, the overflow boundary,
 * infinities and NaNs for every float type, ties to even both ways, the fnuz
 * sign rules) and against an independent reference written here from the
 * format definitions alone (value of a code by ldexp; nearest-even encoding by
 * binary search over the codes).  Exhaustive over all 256 codes of each f8
 * type and all 65536 of bf16 and f16; dense f32 sweeps for correctness,
 * symmetry and monotonicity; f64 inputs constructed so that rounding through
 * f32 first would give a different answer.  Integer conversions, names,
 * sizes and little-endian storage are checked value by value. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <float.h>
#include <math.h>
#include <string.h>

#include "dtype.h"

/* ---- bit helpers ---- */

static uint32_t bits_of(float x)
{
    uint32_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

static float float_of(uint32_t b)
{
    float x;
    memcpy(&x, &b, sizeof x);
    return x;
}

/* ---- the reference: formats from their definitions ---- */

typedef struct {
    DType t;
    int mant_bits, exp_bits, bias;
    uint32_t max_code;       /* largest finite magnitude code */
    uint32_t overflow_code;  /* positive overflow / +inf result */
    uint32_t nan_code;       /* positive NaN result */
    bool overflow_signed, nan_signed, fnuz;
} RefFormat;

static const RefFormat REF[] = {
    {DT_BF16, 7, 8, 127, 0x7F7F, 0x7F80, 0x7FC0, true, false, false},
    {DT_F16, 10, 5, 15, 0x7BFF, 0x7C00, 0x7E00, true, true, false},
    {DT_F8E4M3, 3, 4, 7, 0x7E, 0x7F, 0x7F, true, true, false},
    {DT_F8E4M3FNUZ, 3, 4, 8, 0x7F, 0x80, 0x80, false, false, true},
    {DT_F8E5M2, 2, 5, 15, 0x7B, 0x7C, 0x7F, true, true, false},
    {DT_F8E5M2FNUZ, 2, 5, 16, 0x7F, 0x80, 0x80, false, false, true},
    /* no inf, no NaN: overflow, inf and NaN saturate to +-6 */
    {DT_F4E2M1, 1, 2, 1, 0x7, 0x7, 0x7, true, true, false},
};
enum { N_REF = sizeof REF / sizeof REF[0] };

static const DType F8_TYPES[] = {DT_F8E4M3, DT_F8E4M3FNUZ, DT_F8E5M2,
                                 DT_F8E5M2FNUZ};

static uint32_t sign_bit(const RefFormat *f)
{
    return 1u << (f->mant_bits + f->exp_bits);
}

static uint32_t code_count(const RefFormat *f)
{
    return sign_bit(f) << 1;
}

/* Magnitude of a magnitude code read as a plain binary float (no specials):
 * also gives the "virtual" value of max_code + 1, where overflow begins. */
static double ref_magnitude(const RefFormat *f, uint32_t magnitude_code)
{
    uint32_t e = magnitude_code >> f->mant_bits;
    uint32_t m = magnitude_code & ((1u << f->mant_bits) - 1);
    double significand = e ? m + ldexp(1, f->mant_bits) : m;
    int exponent = (e ? (int)e : 1) - f->bias - f->mant_bits;
    return ldexp(significand, exponent);
}

static bool ref_is_nan(const RefFormat *f, uint32_t code)
{
    uint32_t magnitude = code & (sign_bit(f) - 1);
    if (f->fnuz)
        return code == sign_bit(f);
    if (f->t == DT_F8E4M3)
        return magnitude == 0x7F;
    return magnitude > f->overflow_code; /* IEEE: exponent all ones, m != 0 */
}

static bool ref_is_inf(const RefFormat *f, uint32_t code)
{
    return !f->fnuz && f->t != DT_F8E4M3 && f->t != DT_F4E2M1 &&
           (code & (sign_bit(f) - 1)) == f->overflow_code;
}

static uint32_t ref_nan(const RefFormat *f, bool negative)
{
    return f->nan_code | (f->nan_signed && negative ? sign_bit(f) : 0);
}

static uint32_t ref_overflow(const RefFormat *f, bool negative)
{
    return f->overflow_code | (f->overflow_signed && negative ? sign_bit(f) : 0);
}

/* Nearest-even code of x (finite), found by searching the codes. */
static uint32_t ref_encode(const RefFormat *f, double x)
{
    bool negative = signbit(x);
    double a = fabs(x);
    uint32_t lo = 0, hi = f->max_code; /* largest code with value <= a */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo + 1) / 2;
        if (ref_magnitude(f, mid) <= a)
            lo = mid;
        else
            hi = mid - 1;
    }
    uint32_t c = lo;
    if (ref_magnitude(f, c) != a) {
        double below = a - ref_magnitude(f, c);
        double above = ref_magnitude(f, c + 1) - a;
        if (above < below || (above == below && (c & 1)))
            c++;
    }
    if (c > f->max_code)
        return ref_overflow(f, negative);
    if (c == 0 && f->fnuz)
        return 0;
    return c | (negative ? sign_bit(f) : 0);
}

static const RefFormat *ref_of(DType t)
{
    for (int i = 0; i < N_REF; i++)
        if (REF[i].t == t)
            return &REF[i];
    return NULL;
}

/* ---- the implementation, behind one interface per type ---- */

static uint32_t encode(DType t, float x)
{
    switch (t) {
    case DT_F32: return bits_of(x);
    case DT_BF16: return dt_f32_to_bf16(x);
    case DT_F16: return dt_f32_to_f16(x);
    default: return dt_f32_to_f8(x, t);
    }
}

static float decode(DType t, uint32_t code)
{
    switch (t) {
    case DT_F32: return float_of(code);
    case DT_BF16: return dt_bf16_to_f32((uint16_t)code);
    case DT_F16: return dt_f16_to_f32((uint16_t)code);
    default: return dt_f8_to_f32((uint8_t)code, t);
    }
}

/* Code of dt_round_double(x, t): the rounded value is exact in t. */
static uint32_t encode_via_double(DType t, double x)
{
    return encode(t, dt_round_double(x, t));
}

static void expect_code(DType t, const char *how, double x, uint32_t got,
                        uint32_t want)
{
    if (got != want)
        fail_msg("%s %s(%a = %.9g): got 0x%x, want 0x%x", dt_name(t), how, x,
                 x, got, want);
}

static void expect_same_float(DType t, const char *how, double x, float got,
                              float want)
{
    if (bits_of(got) != bits_of(want))
        fail_msg("%s %s(%a): got %a (0x%08x), want %a (0x%08x)", dt_name(t),
                 how, x, (double)got, bits_of(got), (double)want,
                 bits_of(want));
}

/* ---- special values, written out by hand ---- */

typedef struct {
    double x;
    uint32_t code;
    bool exact; /* x is representable: decoding code gives x back */
} Special;

static void check_specials(DType t, const Special *rows, int n)
{
    for (int i = 0; i < n; i++) {
        const Special *r = &rows[i];
        if (t != DT_F32) /* every x here is exact in f32 */
            expect_code(t, "f32 encode", r->x, encode(t, (float)r->x), r->code);
        expect_code(t, "round_double", r->x, encode_via_double(t, r->x),
                    r->code);
        if (r->exact)
            expect_same_float(t, "decode", r->x, decode(t, r->code),
                              (float)r->x);
        if (isnan(r->x))
            assert_true(isnan(decode(t, r->code)));
    }
}

#define CHECK_SPECIALS(t, rows) check_specials(t, rows, sizeof rows / sizeof rows[0])

/* The first value that overflows: the midpoint of max and max + ulp. */
static double boundary_below(double boundary)
{
    return nextafterf((float)boundary, 0.0f);
}

static double boundary_above(double boundary)
{
    return nextafterf((float)boundary, INFINITY);
}

static void test_specials_bf16(void **state)
{
    (void)state;
    double max = ldexp(255, 120), edge = ldexp(511, 119);
    const Special rows[] = {
        {0.0, 0x0000, true},           {-0.0, 0x8000, true},
        {ldexp(1, -133), 0x0001, true}, {ldexp(127, -133), 0x007F, true},
        {ldexp(1, -126), 0x0080, true}, {1.0, 0x3F80, true},
        {-1.0, 0xBF80, true},          {max, 0x7F7F, true},
        {-max, 0xFF7F, true},          {boundary_below(edge), 0x7F7F, false},
        {edge, 0x7F80, false},         {boundary_above(edge), 0x7F80, false},
        {-edge, 0xFF80, false},        {INFINITY, 0x7F80, true},
        {-INFINITY, 0xFF80, true},     {NAN, 0x7FC0, false},
        {-NAN, 0x7FC0, false}, /* c10: bf16 NaN drops the sign */
    };
    CHECK_SPECIALS(DT_BF16, rows);
}

static void test_specials_f16(void **state)
{
    (void)state;
    const Special rows[] = {
        {0.0, 0x0000, true},           {-0.0, 0x8000, true},
        {ldexp(1, -24), 0x0001, true}, {ldexp(1023, -24), 0x03FF, true},
        {ldexp(1, -14), 0x0400, true}, {1.0, 0x3C00, true},
        {-1.0, 0xBC00, true},          {65504, 0x7BFF, true},
        {-65504, 0xFBFF, true},        {boundary_below(65520), 0x7BFF, false},
        {65520, 0x7C00, false},        {boundary_above(65520), 0x7C00, false},
        {-65520, 0xFC00, false},       {INFINITY, 0x7C00, true},
        {-INFINITY, 0xFC00, true},     {NAN, 0x7E00, false},
        {-NAN, 0xFE00, false},
    };
    CHECK_SPECIALS(DT_F16, rows);
}

static void test_specials_f8e4m3(void **state)
{
    (void)state;
    /* 464 is the midpoint of 448 (mantissa 110, even) and 480: it rounds to
     * 448; only values above it become NaN. */
    const Special rows[] = {
        {0.0, 0x00, true},           {-0.0, 0x80, true},
        {ldexp(1, -9), 0x01, true},  {ldexp(7, -9), 0x07, true},
        {ldexp(1, -6), 0x08, true},  {1.0, 0x38, true},
        {-1.0, 0xB8, true},          {448, 0x7E, true},
        {-448, 0xFE, true},          {boundary_below(464), 0x7E, false},
        {464, 0x7E, false},          {boundary_above(464), 0x7F, false},
        {-boundary_above(464), 0xFF, false}, {480, 0x7F, false},
        {1e6, 0x7F, false},          {INFINITY, 0x7F, false},
        {-INFINITY, 0xFF, false},    {NAN, 0x7F, false},
        {-NAN, 0xFF, false},
    };
    CHECK_SPECIALS(DT_F8E4M3, rows);
}

static void test_specials_f8e4m3fnuz(void **state)
{
    (void)state;
    /* 248 is the midpoint of 240 (mantissa 111, odd) and 256: it rounds up
     * and overflows to the NaN. */
    const Special rows[] = {
        {0.0, 0x00, true},           {-0.0, 0x00, false},
        {ldexp(1, -10), 0x01, true}, {ldexp(7, -10), 0x07, true},
        {ldexp(1, -7), 0x08, true},  {1.0, 0x40, true},
        {-1.0, 0xC0, true},          {240, 0x7F, true},
        {-240, 0xFF, true},          {boundary_below(248), 0x7F, false},
        {248, 0x80, false},          {boundary_above(248), 0x80, false},
        {-248, 0x80, false},         {INFINITY, 0x80, false},
        {-INFINITY, 0x80, false},    {NAN, 0x80, false},
        {-NAN, 0x80, false},
    };
    CHECK_SPECIALS(DT_F8E4M3FNUZ, rows);
}

static void test_specials_f8e5m2(void **state)
{
    (void)state;
    const Special rows[] = {
        {0.0, 0x00, true},            {-0.0, 0x80, true},
        {ldexp(1, -16), 0x01, true},  {ldexp(3, -16), 0x03, true},
        {ldexp(1, -14), 0x04, true},  {1.0, 0x3C, true},
        {-1.0, 0xBC, true},           {57344, 0x7B, true},
        {-57344, 0xFB, true},         {boundary_below(61440), 0x7B, false},
        {61440, 0x7C, false},         {boundary_above(61440), 0x7C, false},
        {-61440, 0xFC, false},        {INFINITY, 0x7C, true},
        {-INFINITY, 0xFC, true},      {NAN, 0x7F, false},
        {-NAN, 0xFF, false},
    };
    CHECK_SPECIALS(DT_F8E5M2, rows);
}

static void test_specials_f8e5m2fnuz(void **state)
{
    (void)state;
    const Special rows[] = {
        {0.0, 0x00, true},            {-0.0, 0x00, false},
        {ldexp(1, -17), 0x01, true},  {ldexp(3, -17), 0x03, true},
        {ldexp(1, -15), 0x04, true},  {1.0, 0x40, true},
        {-1.0, 0xC0, true},           {57344, 0x7F, true},
        {-57344, 0xFF, true},         {boundary_below(61440), 0x7F, false},
        {61440, 0x80, false},         {boundary_above(61440), 0x80, false},
        {-61440, 0x80, false},        {INFINITY, 0x80, false},
        {-INFINITY, 0x80, false},     {NAN, 0x80, false},
        {-NAN, 0x80, false},
    };
    CHECK_SPECIALS(DT_F8E5M2FNUZ, rows);
}

static void test_specials_f32_from_double(void **state)
{
    (void)state;
    double edge = (double)FLT_MAX + ldexp(1, 103); /* max + half an ulp */
    const Special rows[] = {
        {0.0, 0x00000000, true},
        {-0.0, 0x80000000, true},
        {ldexp(1, -149), 0x00000001, true},
        {ldexp(0x7FFFFF, -149), 0x007FFFFF, true},
        {ldexp(1, -126), 0x00800000, true},
        {1.0, 0x3F800000, true},
        {FLT_MAX, 0x7F7FFFFF, true},
        {-FLT_MAX, 0xFF7FFFFF, true},
        {nextafter(edge, 0), 0x7F7FFFFF, false},
        {edge, 0x7F800000, false},
        {nextafter(edge, INFINITY), 0x7F800000, false},
        {-edge, 0xFF800000, false},
        {INFINITY, 0x7F800000, true},
        {-INFINITY, 0xFF800000, true},
        {ldexp(1, -150), 0x00000000, false}, /* tie with 0: to even */
        {ldexp(3, -150), 0x00000002, false}, /* tie: 1 -> 2 (even) */
        {NAN, 0x7FC00000, false},
        {-NAN, 0xFFC00000, false},
    };
    CHECK_SPECIALS(DT_F32, rows);
}

/* dt_round_float is decode(encode(x)); for f32 it is the identity. */
static void test_round_float(void **state)
{
    (void)state;
    float payload_nan = float_of(0x7FA12345);
    assert_int_equal(bits_of(dt_round_float(payload_nan, DT_F32)), 0x7FA12345);
    assert_int_equal(bits_of(dt_round_float(1.1f, DT_F32)), bits_of(1.1f));
    assert_true(dt_round_float(1.3f, DT_BF16) == 1.296875f);
    assert_true(dt_round_float(1.3f, DT_F16) == 1.2998046875f);
    assert_true(dt_round_float(1.3f, DT_F8E4M3) == 1.25f);
    assert_true(dt_round_float(1.3f, DT_F8E5M2) == 1.25f);
    assert_true(isnan(dt_round_float(500.0f, DT_F8E4M3)));
    assert_true(isinf(dt_round_float(70000.0f, DT_F8E5M2)));
    assert_true(isnan(dt_round_float(70000.0f, DT_F8E5M2FNUZ)));
    float tiny_neg = -1e-10f;
    assert_true(signbit(dt_round_float(tiny_neg, DT_F8E4M3)));
    assert_false(signbit(dt_round_float(tiny_neg, DT_F8E4M3FNUZ)));
    assert_false(signbit(dt_round_float(tiny_neg, DT_F8E5M2FNUZ)));
    assert_true(dt_round_float(tiny_neg, DT_BF16) < 0); /* bf16 has f32's range */
    /* NaN decodes: e4m3 keeps the sign, fnuz's only NaN has none */
    assert_true(signbit(dt_f8_to_f32(0xFF, DT_F8E4M3)));
    assert_false(signbit(dt_f8_to_f32(0x80, DT_F8E4M3FNUZ)));
    assert_true(isnan(dt_f8_to_f32(0x80, DT_F8E5M2FNUZ)));
    assert_true(dt_f8_to_f32(0x80, DT_F8E4M3) == 0.0f);
    assert_true(signbit(dt_f8_to_f32(0x80, DT_F8E4M3)));
}

/* ---- ties to even, by hand and at every midpoint ---- */

typedef struct {
    double x;
    uint32_t code;
} Tie;

static void check_ties(DType t, const Tie *rows, int n)
{
    for (int i = 0; i < n; i++) {
        expect_code(t, "f32 encode", rows[i].x, encode(t, (float)rows[i].x),
                    rows[i].code);
        expect_code(t, "round_double", rows[i].x,
                    encode_via_double(t, rows[i].x), rows[i].code);
    }
}

#define CHECK_TIES(t, rows) check_ties(t, rows, sizeof rows / sizeof rows[0])

static void test_ties_by_hand(void **state)
{
    (void)state;
    /* 1 + half an ulp: tie between 1 (even) and 1 + ulp -> down;
     * 1 + 1.5 ulp: tie between 1 + ulp and 1 + 2 ulp (even) -> up. */
    const Tie bf16[] = {{1 + ldexp(1, -8), 0x3F80}, {1 + ldexp(3, -8), 0x3F82},
                        {-1 - ldexp(1, -8), 0xBF80}, {-1 - ldexp(3, -8), 0xBF82},
                        {ldexp(1, -134), 0x0000}, {ldexp(3, -134), 0x0002}};
    const Tie f16[] = {{1 + ldexp(1, -11), 0x3C00}, {1 + ldexp(3, -11), 0x3C02},
                       {ldexp(1, -25), 0x0000}, {ldexp(3, -25), 0x0002},
                       {-ldexp(3, -25), 0x8002}};
    const Tie e4m3[] = {{1.0625, 0x38}, {1.1875, 0x3A}, {-1.0625, 0xB8},
                        {ldexp(1, -10), 0x00}, {ldexp(3, -10), 0x02},
                        {ldexp(5, -10), 0x02}, {-ldexp(3, -10), 0x82}};
    const Tie e4m3fnuz[] = {{1.0625, 0x40}, {1.1875, 0x42}, {-1.1875, 0xC2},
                            {ldexp(1, -11), 0x00}, {-ldexp(1, -11), 0x00},
                            {ldexp(3, -11), 0x02}};
    const Tie e5m2[] = {{1.125, 0x3C}, {1.375, 0x3E}, {-1.375, 0xBE},
                        {ldexp(1, -17), 0x00}, {ldexp(3, -17), 0x02}};
    const Tie e5m2fnuz[] = {{1.125, 0x40}, {1.375, 0x42}, {-1.125, 0xC0},
                            {ldexp(1, -18), 0x00}, {-ldexp(1, -18), 0x00},
                            {ldexp(3, -18), 0x02}};
    CHECK_TIES(DT_BF16, bf16);
    CHECK_TIES(DT_F16, f16);
    CHECK_TIES(DT_F8E4M3, e4m3);
    CHECK_TIES(DT_F8E4M3FNUZ, e4m3fnuz);
    CHECK_TIES(DT_F8E5M2, e5m2);
    CHECK_TIES(DT_F8E5M2FNUZ, e5m2fnuz);
}

/* Every midpoint between neighbouring finite codes (and between max and the
 * overflow point) rounds to the even code; one f32 ulp either side rounds to
 * the nearer one. */
static void check_all_midpoints(const RefFormat *f)
{
    for (uint32_t c = 0; c <= f->max_code; c++) {
        double mid = (ref_magnitude(f, c) + ref_magnitude(f, c + 1)) / 2;
        uint32_t even = (c & 1) ? c + 1 : c;
        uint32_t want_mid = even > f->max_code ? f->overflow_code : even;
        uint32_t want_above = c + 1 > f->max_code ? f->overflow_code : c + 1;
        expect_code(f->t, "midpoint", mid, encode(f->t, (float)mid), want_mid);
        expect_code(f->t, "midpoint-", mid,
                    encode(f->t, nextafterf((float)mid, 0)), c);
        expect_code(f->t, "midpoint+", mid,
                    encode(f->t, nextafterf((float)mid, INFINITY)), want_above);
        expect_code(f->t, "round_double midpoint", mid,
                    encode_via_double(f->t, mid), want_mid);
    }
}

static void test_ties_every_midpoint(void **state)
{
    (void)state;
    for (int i = 0; i < N_REF; i++)
        check_all_midpoints(&REF[i]);
}

/* Below half the smallest subnormal: zero, negative zero except for fnuz. */
static void test_underflow_to_zero(void **state)
{
    (void)state;
    for (int i = 0; i < N_REF; i++) {
        const RefFormat *f = &REF[i];
        double half_min = ref_magnitude(f, 1) / 2;
        float below = nextafterf((float)half_min, 0);
        uint32_t neg_zero = f->fnuz ? 0 : sign_bit(f);
        expect_code(f->t, "below half min", below, encode(f->t, below), 0);
        expect_code(f->t, "below half min", -below, encode(f->t, -below),
                    neg_zero);
        expect_code(f->t, "half min", half_min, encode(f->t, (float)half_min),
                    0);
        expect_code(f->t, "-half min", -half_min,
                    encode(f->t, -(float)half_min), neg_zero);
        expect_code(f->t, "above half min", half_min,
                    encode(f->t, nextafterf((float)half_min, 1)), 1);
        expect_code(f->t, "min f32 subnormal", -ldexp(1, -149),
                    encode(f->t, -float_of(1)), neg_zero);
        expect_code(f->t, "tiny double", -1e-300,
                    encode_via_double(f->t, -1e-300), neg_zero);
        expect_code(f->t, "f64 subnormal", -4.9e-324,
                    encode_via_double(f->t, -4.9e-324), neg_zero);
        expect_code(f->t, "huge double", 1e300, encode_via_double(f->t, 1e300),
                    f->overflow_code);
        expect_code(f->t, "huge double", -1e300,
                    encode_via_double(f->t, -1e300), ref_overflow(f, true));
    }
}

/* ---- exhaustive decode -> encode ---- */

static void check_round_trip(const RefFormat *f)
{
    for (uint32_t code = 0; code < code_count(f); code++) {
        float value = decode(f->t, code);
        bool negative = (code & sign_bit(f)) != 0;
        if (ref_is_nan(f, code)) {
            if (!isnan(value))
                fail_msg("%s 0x%x should decode to NaN", dt_name(f->t), code);
            expect_code(f->t, "NaN round trip", code, encode(f->t, value),
                        ref_nan(f, negative));
            continue;
        }
        double want = ref_is_inf(f, code) ? INFINITY
                      : ref_magnitude(f, code & (sign_bit(f) - 1));
        expect_same_float(f->t, "decode", code, value,
                          (float)(negative ? -want : want));
        expect_code(f->t, "round trip", code, encode(f->t, value), code);
        expect_code(f->t, "round trip (f64)", code,
                    encode_via_double(f->t, value), code);
    }
}

static void test_round_trip_f8(void **state)
{
    (void)state;
    for (int i = 0; i < 4; i++)
        check_round_trip(ref_of(F8_TYPES[i]));
}

static void test_round_trip_bf16(void **state)
{
    (void)state;
    check_round_trip(ref_of(DT_BF16));
    /* bf16 decodes by a shift: a NaN's payload and sign survive decoding */
    assert_int_equal(bits_of(dt_bf16_to_f32(0xFF81)), 0xFF810000);
}

static void test_round_trip_f16(void **state)
{
    (void)state;
    check_round_trip(ref_of(DT_F16));
    assert_int_equal(bits_of(dt_f16_to_f32(0xFC01)), 0xFFC00000);
}

/* ---- dense f32 sweeps ---- */

/* Every stride-th f32 from 0 to +inf, both signs: equal to the reference, and
 * encode(-x) is encode(x) with the sign (fnuz: except zero and NaN). */
static void check_sweep_against_reference(const RefFormat *f, uint32_t stride)
{
    for (uint64_t b = 0; b < 0x7F800000u; b += stride) {
        float x = float_of((uint32_t)b);
        uint32_t code = encode(f->t, x);
        expect_code(f->t, "sweep", x, code, ref_encode(f, x));
        expect_code(f->t, "sweep -", -x, encode(f->t, -x), ref_encode(f, -x));
    }
}

static void test_sweep_against_reference(void **state)
{
    (void)state;
    for (int i = 0; i < N_REF; i++)
        check_sweep_against_reference(&REF[i], 0x2001);
}

/* Rounded value as an ordered number: overflow NaN counts as +-inf. */
static double ordered_value(DType t, float x)
{
    float r = dt_round_float(x, t);
    if (isnan(r))
        return x > 0 ? INFINITY : -INFINITY;
    return r;
}

static void check_monotonic(DType t, double max)
{
    double previous = -INFINITY;
    for (int64_t i = -(1 << 18); i <= (1 << 18); i++) {
        float x = (float)(2.5 * max * (double)i / (1 << 18));
        double r = ordered_value(t, x);
        if (r < previous)
            fail_msg("%s not monotonic at %a: %g after %g", dt_name(t),
                     (double)x, r, previous);
        previous = r;
    }
}

static void check_monotonic_bits(DType t)
{
    double previous = 0;
    for (uint64_t b = 0; b <= 0x7F800000u; b += 0xFFF) {
        double r = ordered_value(t, float_of((uint32_t)b));
        if (r < previous)
            fail_msg("%s not monotonic at bits 0x%x", dt_name(t), (unsigned)b);
        previous = r;
    }
}

static void test_monotonic(void **state)
{
    (void)state;
    for (int i = 0; i < 4; i++) {
        check_monotonic(F8_TYPES[i], dt_max_finite(F8_TYPES[i]));
        check_monotonic_bits(F8_TYPES[i]);
    }
    check_monotonic(DT_F16, 65504);
    check_monotonic_bits(DT_F16);
    check_monotonic_bits(DT_BF16);
}

/* ---- f64 inputs: one rounding, not two ---- */

typedef struct {
    DType t;
    double x;
    uint32_t direct;   /* correct rounding of x */
    uint32_t via_f32;  /* what rounding through f32 first would give */
} DoubleRounding;

static void test_round_double_single_rounding(void **state)
{
    (void)state;
    const DoubleRounding rows[] = {
        /* x is just above a t-midpoint but within half an f32 ulp of it: f32
         * lands on the midpoint, whose tie then goes to even (down). */
        {DT_BF16, 1 + ldexp(1, -8) + ldexp(1, -30), 0x3F81, 0x3F80},
        /* just below a midpoint whose even side is up. */
        {DT_BF16, 1 + ldexp(3, -8) - ldexp(1, -30), 0x3F81, 0x3F82},
        {DT_F16, 1 + ldexp(1, -11) + ldexp(1, -40), 0x3C01, 0x3C00},
        {DT_F16, 1 + ldexp(3, -11) - ldexp(1, -40), 0x3C01, 0x3C02},
        {DT_F8E4M3, 1 + ldexp(1, -4) + ldexp(1, -40), 0x39, 0x38},
        {DT_F8E4M3, 464 - ldexp(1, -30), 0x7E, 0x7E},
        {DT_F8E4M3, 464 + ldexp(1, -30), 0x7F, 0x7E},
        {DT_F8E4M3FNUZ, 248 - ldexp(1, -30), 0x7F, 0x80},
        {DT_F8E5M2, 1 + ldexp(1, -3) + ldexp(1, -40), 0x3D, 0x3C},
        {DT_F8E5M2, 61440 - ldexp(1, -20), 0x7B, 0x7C},
        {DT_F8E5M2FNUZ, 1 + ldexp(3, -3) - ldexp(1, -40), 0x41, 0x42},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const DoubleRounding *r = &rows[i];
        expect_code(r->t, "round_double", r->x, encode_via_double(r->t, r->x),
                    r->direct);
        expect_code(r->t, "via f32", r->x, encode(r->t, (float)r->x),
                    r->via_f32);
    }
}

/* For f32 itself dt_round_double is the C cast (one IEEE rounding). */
static void test_round_double_f32_matches_cast(void **state)
{
    (void)state;
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 200000; i++) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        int exponent = 1023 - 160 + (int)((seed >> 11) % 300);
        uint64_t bits = (seed & 0x800FFFFFFFFFFFFFull) |
                        ((uint64_t)exponent << 52);
        if (i % 2) /* many near and exact f32 ties */
            bits &= ~0x0FFFFFFFull;
        double x;
        memcpy(&x, &bits, sizeof x);
        expect_same_float(DT_F32, "round_double", x, dt_round_double(x, DT_F32),
                          (float)x);
    }
    double tie_up = 1 + ldexp(1, -24) + ldexp(1, -50);
    assert_true(dt_round_double(tie_up, DT_F32) == 1 + 0x1p-23f);
    assert_true(isnan(dt_round_double(NAN, DT_F8E4M3)));
    assert_true(isinf(dt_round_double(-INFINITY, DT_F16)));
}

/* dt_round_double agrees with the reference over random doubles. */
static void test_round_double_against_reference(void **state)
{
    (void)state;
    uint64_t seed = 12345;
    for (int i = 0; i < 20000; i++) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        int exponent = 1023 - 30 + (int)((seed >> 11) % 50);
        uint64_t bits = (seed & 0x800FFFFFFFFFFFFFull) |
                        ((uint64_t)exponent << 52);
        double x;
        memcpy(&x, &bits, sizeof x);
        for (int k = 0; k < N_REF; k++)
            expect_code(REF[k].t, "round_double", x,
                        encode_via_double(REF[k].t, x), ref_encode(&REF[k], x));
    }
}

/* ---- integer conversions ---- */

typedef struct {
    float x;
    DType t;
    int64_t want;
} FloatToInt;

static void test_float_to_int(void **state)
{
    (void)state;
    const FloatToInt rows[] = {
        {2.9f, DT_I32, 2},
        {-2.9f, DT_I32, -2},
        {0.5f, DT_I32, 0},
        {-0.5f, DT_I32, 0},
        {3e9f, DT_I32, INT32_MAX},
        {-3e9f, DT_I32, INT32_MIN},
        {2147483648.0f, DT_I32, INT32_MAX},
        {-2147483648.0f, DT_I32, INT32_MIN},
        {2147483520.0f, DT_I32, 2147483520},
        {INFINITY, DT_I32, INT32_MAX},
        {-INFINITY, DT_I32, INT32_MIN},
        {NAN, DT_I32, 0},
        {-NAN, DT_I32, 0},
        {127.9f, DT_I8, 127},
        {128.0f, DT_I8, 127},
        {300.0f, DT_I8, 127},
        {-127.9f, DT_I8, -127},
        {-128.5f, DT_I8, -128},
        {-129.0f, DT_I8, -128},
        {NAN, DT_I8, 0},
        {9223372036854775808.0f, DT_I64, INT64_MAX},
        {9223371487098961920.0f, DT_I64, 9223371487098961920},
        {-9223372036854775808.0f, DT_I64, INT64_MIN},
        {-1e30f, DT_I64, INT64_MIN},
        {1e30f, DT_I64, INT64_MAX},
        {-7.99f, DT_I64, -7},
        {NAN, DT_I64, 0},
        {0.0f, DT_BOOL, 0},
        {-0.0f, DT_BOOL, 0},
        {0.1f, DT_BOOL, 1},
        {-3.0f, DT_BOOL, 1},
        {1e-45f, DT_BOOL, 1},
        {INFINITY, DT_BOOL, 1},
        {NAN, DT_BOOL, 1},
        /* unsigned: truncate, saturate to [0, 2^bits - 1], NaN -> 0 */
        {255.9f, DT_U8, 255},
        {256.0f, DT_U8, 255},
        {-0.5f, DT_U8, 0},
        {-1.0f, DT_U8, 0},
        {-INFINITY, DT_U8, 0},
        {NAN, DT_U8, 0},
        {65535.0f, DT_U16, 65535},
        {70000.0f, DT_U16, 65535},
        {4294967040.0f, DT_U32, 4294967040LL},
        {4294967296.0f, DT_U32, 4294967295LL},
        {3e9f, DT_U32, 3000000000LL},
        {INFINITY, DT_U32, 4294967295LL},
        {-3e9f, DT_U32, 0},
        {32767.5f, DT_I16, 32767},
        {-40000.0f, DT_I16, -32768},
        {-32768.9f, DT_I16, -32768},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int64_t got = dt_float_to_int(rows[i].x, rows[i].t);
        if (got != rows[i].want)
            fail_msg("dt_float_to_int(%a, %s) = %lld, want %lld",
                     (double)rows[i].x, dt_name(rows[i].t), (long long)got,
                     (long long)rows[i].want);
    }
}

typedef struct {
    int64_t x;
    DType t;
    int64_t want;
} IntToInt;

static void test_int_to_int(void **state)
{
    (void)state;
    const IntToInt rows[] = {
        {127, DT_I8, 127},
        {128, DT_I8, -128},
        {255, DT_I8, -1},
        {256, DT_I8, 0},
        {300, DT_I8, 44},
        {-129, DT_I8, 127},
        {-128, DT_I8, -128},
        {INT64_MIN, DT_I8, 0},
        {INT64_MAX, DT_I8, -1},
        {2147483648LL, DT_I32, INT32_MIN},
        {4294967301LL, DT_I32, 5},
        {-2147483649LL, DT_I32, INT32_MAX},
        {4294967295LL, DT_I32, -1},
        {-5, DT_I32, -5},
        {INT64_MIN, DT_I64, INT64_MIN},
        {INT64_MAX, DT_I64, INT64_MAX},
        {0, DT_BOOL, 0},
        {256, DT_BOOL, 1},
        {-1, DT_BOOL, 1},
        {INT64_MIN, DT_BOOL, 1},
        /* unsigned: the low bits */
        {255, DT_U8, 255},
        {256, DT_U8, 0},
        {-1, DT_U8, 255},
        {-256, DT_U8, 0},
        {INT64_MIN, DT_U8, 0},
        {65536 + 7, DT_U16, 7},
        {-1, DT_U16, 65535},
        {-1, DT_U32, 4294967295LL},
        {4294967296LL + 3, DT_U32, 3},
        {INT64_MAX, DT_U32, 4294967295LL},
        {32768, DT_I16, -32768},
        {-32769, DT_I16, 32767},
        {65535, DT_I16, -1},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int64_t got = dt_int_to_int(rows[i].x, rows[i].t);
        if (got != rows[i].want)
            fail_msg("dt_int_to_int(%lld, %s) = %lld, want %lld",
                     (long long)rows[i].x, dt_name(rows[i].t), (long long)got,
                     (long long)rows[i].want);
    }
}

/* ---- names, sizes, classes, limits ---- */

typedef struct {
    DType t;
    const char *name;
    int size;
    bool is_float, is_f8, is_int;
    double max_finite;
} DTypeRow;

static const DTypeRow DTYPES[] = {
    {DT_F32, "f32", 4, true, false, false, FLT_MAX},
    {DT_F16, "f16", 2, true, false, false, 65504},
    {DT_BF16, "bf16", 2, true, false, false, 0x1.FEp127},
    {DT_F8E4M3, "f8e4m3", 1, true, true, false, 448},
    {DT_F8E4M3FNUZ, "f8e4m3fnuz", 1, true, true, false, 240},
    {DT_F8E5M2, "f8e5m2", 1, true, true, false, 57344},
    {DT_F8E5M2FNUZ, "f8e5m2fnuz", 1, true, true, false, 57344},
    {DT_I8, "i8", 1, false, false, true, 127},
    {DT_I32, "i32", 4, false, false, true, 2147483647.0},
    {DT_I64, "i64", 8, false, false, true, 9223372036854775807.0},
    {DT_BOOL, "bool", 1, false, false, false, 1},
    {DT_U8, "u8", 1, false, false, true, 255},
    {DT_U16, "u16", 2, false, false, true, 65535},
    {DT_U32, "u32", 4, false, false, true, 4294967295.0},
    {DT_I16, "i16", 2, false, false, true, 32767},
    {DT_F8E8M0, "f8e8m0", 1, true, true, false, 0x1p127},
    {DT_F4E2M1, "f4e2m1", 1, true, false, false, 6},
};

static void test_names_and_properties(void **state)
{
    (void)state;
    assert_int_equal(sizeof DTYPES / sizeof DTYPES[0], DT_COUNT);
    for (int i = 0; i < DT_COUNT; i++) {
        const DTypeRow *r = &DTYPES[i];
        DType parsed = DT_COUNT;
        assert_string_equal(dt_name(r->t), r->name);
        assert_true(dt_parse(r->name, &parsed));
        assert_int_equal(parsed, r->t);
        assert_int_equal(dt_size(r->t), r->size);
        assert_int_equal(dt_is_float(r->t), r->is_float);
        assert_int_equal(dt_is_f8(r->t), r->is_f8);
        assert_int_equal(dt_is_int(r->t), r->is_int);
        assert_true(dt_max_finite(r->t) == r->max_finite);
    }
}

static void test_parse_rejects(void **state)
{
    (void)state;
    const char *bad[] = {"f64", "F32", "", "bf16 ", "float32", "f8e4m3fn",
                         "i4", "u64", "f8", "boolean"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        DType t;
        if (dt_parse(bad[i], &t))
            fail_msg("dt_parse accepted \"%s\"", bad[i]);
    }
}

/* ---- storage ---- */

typedef struct {
    DType t;
    float x;
    unsigned char bytes[4];
} Stored;

static void test_store_load(void **state)
{
    (void)state;
    const Stored rows[] = {
        {DT_F32, 1.0f, {0x00, 0x00, 0x80, 0x3F}},
        {DT_F32, -2.5f, {0x00, 0x00, 0x20, 0xC0}},
        {DT_BF16, 1.0f, {0x80, 0x3F}},
        {DT_BF16, -0.0f, {0x00, 0x80}},
        {DT_F16, 1.0f, {0x00, 0x3C}},
        {DT_F16, -2.0f, {0x00, 0xC0}},
        {DT_F16, 0x1p-24f, {0x01, 0x00}},
        {DT_F8E4M3, 1.0f, {0x38}},
        {DT_F8E4M3, -448.0f, {0xFE}},
        {DT_F8E4M3FNUZ, 1.0f, {0x40}},
        {DT_F8E5M2, -57344.0f, {0xFB}},
        {DT_F8E5M2FNUZ, 0x1p-17f, {0x01}},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const Stored *r = &rows[i];
        unsigned char buf[8];
        memset(buf, 0xAA, sizeof buf);
        dt_store_float(r->x, r->t, buf);
        assert_memory_equal(buf, r->bytes, (size_t)dt_size(r->t));
        for (int k = dt_size(r->t); k < 8; k++)
            assert_int_equal(buf[k], 0xAA); /* wrote dt_size bytes only */
        expect_same_float(r->t, "load", r->x, dt_load_float(buf, r->t), r->x);
    }
}

static void test_store_load_every_f8_code(void **state)
{
    (void)state;
    for (int i = 0; i < 4; i++) {
        const RefFormat *f = ref_of(F8_TYPES[i]);
        for (uint32_t code = 0; code < 256; code++) {
            unsigned char byte = (unsigned char)code, out = 0;
            float x = dt_load_float(&byte, f->t);
            dt_store_float(x, f->t, &out);
            uint32_t want = ref_is_nan(f, code)
                            ? ref_nan(f, (code & 0x80) != 0) : code;
            expect_code(f->t, "store(load)", code, out, want);
        }
    }
}

/* ---- f4e2m1 ---- */

static void test_specials_f4e2m1(void **state)
{
    (void)state;
    /* 0.25 ties to 0 (even), 0.75 to 1.0 (0x2, even), 2.5 to 2 (0x4), 3.5 to
     * 4 (0x6), 5 to 4 (0x6), 7 (midpoint of 6 and 8) ties to 8: overflow */
    const Special rows[] = {
        {0.0, 0x0, true},   {-0.0, 0x8, true},  {0.5, 0x1, true},
        {1.0, 0x2, true},   {1.5, 0x3, true},   {2.0, 0x4, true},
        {3.0, 0x5, true},   {4.0, 0x6, true},   {6.0, 0x7, true},
        {-0.5, 0x9, true},  {-6.0, 0xF, true},  {0.25, 0x0, false},
        {-0.25, 0x8, false}, {0.75, 0x2, false}, {1.25, 0x2, false},
        {1.75, 0x4, false}, {2.5, 0x4, false},  {3.5, 0x6, false},
        {5.0, 0x6, false},  {-5.0, 0xE, false}, {boundary_above(5.0), 0x7, false},
        {boundary_below(7.0), 0x7, false}, {7.0, 0x7, false}, {1e30, 0x7, false},
        {-7.0, 0xF, false}, {INFINITY, 0x7, false}, {-INFINITY, 0xF, false},
        {ldexp(1, -140), 0x0, false},
    };
    CHECK_SPECIALS(DT_F4E2M1, rows);
    /* NaN has no code: +-6 with the NaN's sign bit, both entry points */
    expect_code(DT_F4E2M1, "NaN", NAN, encode(DT_F4E2M1, NAN), 0x7);
    expect_code(DT_F4E2M1, "-NaN", -NAN, encode(DT_F4E2M1, -NAN), 0xF);
    expect_code(DT_F4E2M1, "NaN (f64)", NAN, encode_via_double(DT_F4E2M1, NAN), 0x7);
    /* 16 codes decode to the OCP table */
    static const float value[16] = {0, 0.5f, 1, 1.5f, 2, 3, 4, 6,
                                    -0.0f, -0.5f, -1, -1.5f, -2, -3, -4, -6};
    for (uint32_t c = 0; c < 16; c++)
        expect_same_float(DT_F4E2M1, "decode", c, dt_f8_to_f32((uint8_t)c, DT_F4E2M1), value[c]);
    assert_true(dt_round_float(NAN, DT_F4E2M1) == 6.0f);
    assert_true(dt_round_float(-INFINITY, DT_F4E2M1) == -6.0f);
}

/* Packed storage: element 2i in the low nibble, 2i+1 in the high one; a
 * store keeps the other nibble; dt_bytes rounds up. */
static void test_store_load_f4e2m1(void **state)
{
    (void)state;
    const float x[5] = {1.0f, -6.0f, 0.5f, 3.0f, -0.0f};
    unsigned char buf[4];
    memset(buf, 0xAA, sizeof buf);
    for (int k = 0; k < 5; k++)
        dt_store_float_at(x[k], DT_F4E2M1, buf, k);
    assert_int_equal(buf[0], 0xF2); /* 1.0 = 0x2 low, -6 = 0xF high */
    assert_int_equal(buf[1], 0x51); /* 0.5 = 0x1, 3 = 0x5 */
    assert_int_equal(buf[2], 0xA8); /* -0 = 0x8 low, high nibble kept */
    assert_int_equal(buf[3], 0xAA);
    for (int k = 0; k < 5; k++)
        expect_same_float(DT_F4E2M1, "load_at", k, dt_load_float_at(buf, DT_F4E2M1, k), x[k]);
    assert_int_equal(dt_bytes(DT_F4E2M1, 5), 3);
    assert_int_equal(dt_bytes(DT_F4E2M1, 4096), 2048);
    assert_int_equal(dt_bytes(DT_BF16, 5), 10);
    assert_int_equal(dt_bits(DT_F4E2M1), 4);
    /* byte types through the same entry points */
    dt_store_float_at(-2.5f, DT_F32, buf, 0);
    expect_same_float(DT_F32, "load_at", 0, dt_load_float_at(buf, DT_F32, 0), -2.5f);
    /* every byte: two codes, each a round trip */
    for (int b = 0; b < 256; b++) {
        unsigned char in = (unsigned char)b, out = 0;
        for (int k = 0; k < 2; k++)
            dt_store_float_at(dt_load_float_at(&in, DT_F4E2M1, k), DT_F4E2M1, &out, k);
        assert_int_equal(out, in);
    }
}

/* ---- f8e8m0 ---- */

/* The reference: the smallest 2^e >= |x| (up) or the largest 2^e <= |x|
 * (floor), e clamped below at -127; NaN, inf and e > 127 give 0xFF. */
static uint32_t ref_e8m0(double x, bool floor)
{
    if (isnan(x) || isinf(x))
        return 0xFF;
    double a = fabs(x);
    if (a <= ldexp(1, -127))
        return 0x00;
    int e = -127;
    if (floor) {
        while (e < 127 && ldexp(1, e + 1) <= a)
            e++;
        return (uint32_t)(e + 127);
    }
    while (ldexp(1, e) < a)
        if (++e > 127)
            return 0xFF;
    return (uint32_t)(e + 127);
}

static uint32_t e8m0_floor(float x)
{
    return dt_f32_to_f8(dt_pow2_floor(x), DT_F8E8M0);
}

static void test_specials_f8e8m0(void **state)
{
    (void)state;
    /* rounding up: a value between powers of two takes the larger; the
     * sign is dropped; 0 and everything up to 2^-127 is 0x00 (2^-127) */
    const Special rows[] = {
        {1.0, 0x7F, true},            {2.0, 0x80, true},
        {0.5, 0x7E, true},            {ldexp(1, 127), 0xFE, true},
        {ldexp(1, -126), 0x01, true}, {ldexp(1, -127), 0x00, true},
        {1.5, 0x80, false},           {nextafterf(1.0f, 2.0f), 0x80, false},
        {nextafterf(1.0f, 0.0f), 0x7F, false}, {3.0, 0x81, false},
        {-1.0, 0x7F, false},          {-3.0, 0x81, false},
        {0.0, 0x00, false},           {-0.0, 0x00, false},
        {ldexp(1, -149), 0x00, false}, {ldexp(3, -128), 0x01, false},
        {ldexp(1, -140), 0x00, false}, {ldexp(1.5, -127), 0x01, false},
        {nextafterf(0x1p127f, INFINITY), 0xFF, false}, {FLT_MAX, 0xFF, false},
        {-FLT_MAX, 0xFF, false},      {INFINITY, 0xFF, false},
        {-INFINITY, 0xFF, false},     {NAN, 0xFF, false},
        {-NAN, 0xFF, false},
    };
    CHECK_SPECIALS(DT_F8E8M0, rows);
    /* f64 inputs round once: just above 2^127 overflows, 1e-300 is 0x00 */
    expect_code(DT_F8E8M0, "round_double", 0, encode_via_double(DT_F8E8M0, ldexp(1, 127) * (1 + 0x1p-50)), 0xFF);
    expect_code(DT_F8E8M0, "round_double", 0, encode_via_double(DT_F8E8M0, 1 + 0x1p-50), 0x80);
    expect_code(DT_F8E8M0, "round_double", 0, encode_via_double(DT_F8E8M0, 1e-300), 0x00);
    expect_code(DT_F8E8M0, "round_double", 0, encode_via_double(DT_F8E8M0, 1e300), 0xFF);
    /* floor: the largest 2^e <= |x|, never overflows, saturates at 2^-127 */
    const struct { float x; uint32_t code; } floors[] = {
        {1.0f, 0x7F}, {1.5f, 0x7F}, {nextafterf(2.0f, 0), 0x7F}, {2.0f, 0x80},
        {3.0f, 0x80}, {-3.0f, 0x80}, {0.0f, 0x00}, {-0.0f, 0x00},
        {0x1p-149f, 0x00}, {0x1p-127f, 0x00}, {0x1.8p-127f, 0x00}, {0x1p-126f, 0x01},
        {0x1.fffffep-126f, 0x01}, {FLT_MAX, 0xFE}, {0x1p127f, 0xFE},
        {INFINITY, 0xFF}, {-INFINITY, 0xFF}, {NAN, 0xFF},
    };
    for (size_t i = 0; i < sizeof floors / sizeof floors[0]; i++)
        expect_code(DT_F8E8M0, "floor", floors[i].x, e8m0_floor(floors[i].x), floors[i].code);
}

/* Every code decodes to 2^(e-127) (0xFF: NaN) and encodes back; f32 sweep
 * of both roundings against the reference. */
static void test_f8e8m0_exhaustive(void **state)
{
    (void)state;
    for (uint32_t c = 0; c < 256; c++) {
        float v = dt_f8_to_f32((uint8_t)c, DT_F8E8M0);
        unsigned char byte = (unsigned char)c, out = 0;
        if (c == 0xFF) {
            assert_int_equal(bits_of(v), 0x7FC00000);
        } else {
            expect_same_float(DT_F8E8M0, "decode", c, v, (float)ldexp(1, (int)c - 127));
            expect_code(DT_F8E8M0, "round trip", c, dt_f32_to_f8(v, DT_F8E8M0), c);
            expect_code(DT_F8E8M0, "floor round trip", c, e8m0_floor(v), c);
        }
        expect_same_float(DT_F8E8M0, "load", c, dt_load_float(&byte, DT_F8E8M0), v);
        dt_store_float(v, DT_F8E8M0, &out);
        assert_int_equal(out, c);
    }
    for (uint64_t b = 0; b <= 0x7FC00000u; b += 0x1001) {
        float x = float_of((uint32_t)b);
        for (int sg = 0; sg < 2; sg++, x = -x) {
            expect_code(DT_F8E8M0, "sweep up", x, dt_f32_to_f8(x, DT_F8E8M0), ref_e8m0(x, false));
            expect_code(DT_F8E8M0, "sweep floor", x, e8m0_floor(x), ref_e8m0(x, true));
            float r = dt_round_float(x, DT_F8E8M0), p = dt_pow2_floor(x);
            if (!isnan(x) && !isinf(x)) {
                if (!(isnan(r) || r >= fabsf(x)))
                    fail_msg("e8m0 up below |x| at %a", (double)x);
                if (!(fabsf(p) <= fabsf(x) && (x == 0 || fabsf(p) > (double)fabsf(x) / 2) &&
                      signbit(p) == signbit(x)))
                    fail_msg("pow2_floor(%a) = %a", (double)x, (double)p);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest special_values[] = {
        cmocka_unit_test(test_specials_bf16),
        cmocka_unit_test(test_specials_f16),
        cmocka_unit_test(test_specials_f8e4m3),
        cmocka_unit_test(test_specials_f8e4m3fnuz),
        cmocka_unit_test(test_specials_f8e5m2),
        cmocka_unit_test(test_specials_f8e5m2fnuz),
        cmocka_unit_test(test_specials_f32_from_double),
        cmocka_unit_test(test_round_float),
    };
    const struct CMUnitTest rounding[] = {
        cmocka_unit_test(test_ties_by_hand),
        cmocka_unit_test(test_ties_every_midpoint),
        cmocka_unit_test(test_underflow_to_zero),
        cmocka_unit_test(test_round_trip_f8),
        cmocka_unit_test(test_round_trip_bf16),
        cmocka_unit_test(test_round_trip_f16),
        cmocka_unit_test(test_sweep_against_reference),
        cmocka_unit_test(test_monotonic),
        cmocka_unit_test(test_round_double_single_rounding),
        cmocka_unit_test(test_round_double_f32_matches_cast),
        cmocka_unit_test(test_round_double_against_reference),
    };
    const struct CMUnitTest integers_names_storage[] = {
        cmocka_unit_test(test_float_to_int),
        cmocka_unit_test(test_int_to_int),
        cmocka_unit_test(test_names_and_properties),
        cmocka_unit_test(test_parse_rejects),
        cmocka_unit_test(test_store_load),
        cmocka_unit_test(test_store_load_every_f8_code),
        cmocka_unit_test(test_specials_f4e2m1),
        cmocka_unit_test(test_store_load_f4e2m1),
        cmocka_unit_test(test_specials_f8e8m0),
        cmocka_unit_test(test_f8e8m0_exhaustive),
    };
    int failed = 0;
    failed += cmocka_run_group_tests_name("dtype special values",
                                          special_values, NULL, NULL);
    failed += cmocka_run_group_tests_name("dtype rounding", rounding, NULL,
                                          NULL);
    failed += cmocka_run_group_tests_name("dtype integers, names, storage",
                                          integers_names_storage, NULL, NULL);
    return failed;
}
