/* test_prelude.c - the device prelude's conversions (and prelude_int.cuh's
 * integer ops, bitcasts and float bit functions, against ir/scalar.h),
 * compiled as C, equal ir/dtype.c bit for bit: every code of every narrow type decodes to the
 * same f32, and f32 values across every exponent, every rounding boundary
 * and the special values encode to the same code.  Since codegen emits the
 * same text for the GPU, this is what makes GPU stores bit-identical to
 * the compiler's host conversions. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "dtype.h"

#define SN_DEVICE static inline
static inline unsigned sn_f2u(float x) { unsigned u; memcpy(&u, &x, 4); return u; }
static inline float sn_u2f(unsigned u) { float x; memcpy(&x, &u, 4); return x; }
#include "../codegen/prelude.cuh"
#include "../codegen/prelude_int.cuh"
#include "scalar.h"

/* Models of Blackwell's conversion instructions, written from their PTX
 * semantics (not from ir/dtype.c), so that prelude_sm100.cuh's wrappers
 * are checked against the host rules on the CPU.
 * cvt.rn.satfinite.e2m1x2.f32: nearest, ties to the even code, |x| >= 6 and
 * inf give +-6 with x's sign, NaN gives +6. */
static unsigned model_e2m1(float x)
{
    static const double v[8] = {0, 0.5, 1, 1.5, 2, 3, 4, 6};
    if (x != x)
        return 7u;
    unsigned s = signbit(x) ? 8u : 0u;
    double a = fabs((double)x);
    if (a >= 6)
        return s | 7u;
    unsigned k = 0;
    while (v[k + 1] <= a)
        k++;
    double d0 = a - v[k], d1 = v[k + 1] - a;
    return s | (d0 < d1 ? k : d1 < d0 ? k + 1 : (k % 2 == 0 ? k : k + 1));
}
/* cvt.rp{.satfinite}.ue8m0x2.f32: |x| rounded up to 2^k, k in [-127, 127]
 * (code k + 127); beyond 2^127 and inf: 0xff (.satfinite: 0xfe); NaN 0xff. */
static unsigned model_e8m0(float x, bool sat)
{
    if (x != x)
        return 0xffu;
    double a = fabs((double)x);
    if (a == INFINITY)
        return sat ? 0xfeu : 0xffu;
    if (a == 0)
        return 0;
    int e;
    double m = frexp(a, &e); /* a = m * 2^e, m in [0.5, 1) */
    int k = m == 0.5 ? e - 1 : e;
    if (k < -127)
        k = -127;
    if (k > 127)
        return sat ? 0xfeu : 0xffu;
    return (unsigned)(k + 127);
}
static sn_u8 sn_hw_e2m1x2(float lo, float hi) { return (sn_u8)(model_e2m1(lo) | model_e2m1(hi) << 4); }
static sn_u16 sn_hw_e8m0x2(float lo, float hi) { return (sn_u16)(model_e8m0(lo, false) | model_e8m0(hi, false) << 8); }
static sn_u16 sn_hw_e8m0x2_sat(float lo, float hi) { return (sn_u16)(model_e8m0(lo, true) | model_e8m0(hi, true) << 8); }
#define SN_HW_MX_MODEL 1
#include "../codegen/prelude_sm100.cuh"

static unsigned bits(float x) { return sn_f2u(x); }

typedef struct {
    DType t;
    unsigned (*enc)(float);
    float (*dec)(unsigned);
    int codes;
} Conv;

static unsigned enc_bf16(float x) { return sn_to_bf16(x); }
static float dec_bf16(unsigned c) { return sn_from_bf16((sn_u16)c); }
static unsigned enc_f16(float x) { return sn_to_f16(x); }
static float dec_f16(unsigned c) { return sn_from_f16((sn_u16)c); }
static unsigned enc_e4m3(float x) { return sn_to_e4m3(x); }
static float dec_e4m3(unsigned c) { return sn_from_e4m3((sn_u8)c); }
static unsigned enc_e4m3fnuz(float x) { return sn_to_e4m3fnuz(x); }
static float dec_e4m3fnuz(unsigned c) { return sn_from_e4m3fnuz((sn_u8)c); }
static unsigned enc_e5m2(float x) { return sn_to_e5m2(x); }
static float dec_e5m2(unsigned c) { return sn_from_e5m2((sn_u8)c); }
static unsigned enc_e5m2fnuz(float x) { return sn_to_e5m2fnuz(x); }
static float dec_e5m2fnuz(unsigned c) { return sn_from_e5m2fnuz((sn_u8)c); }

static unsigned enc_e8m0(float x) { return sn_to_e8m0(x); }
static float dec_e8m0(unsigned c) { return sn_from_e8m0((sn_u8)c); }
static unsigned enc_e2m1(float x) { return sn_to_e2m1(x); }
static float dec_e2m1(unsigned c) { return sn_from_e2m1((sn_u8)c); }

static const Conv convs[] = {
    {DT_F8E8M0, enc_e8m0, dec_e8m0, 256}, {DT_F4E2M1, enc_e2m1, dec_e2m1, 16},
    {DT_BF16, enc_bf16, dec_bf16, 65536}, {DT_F16, enc_f16, dec_f16, 65536},
    {DT_F8E4M3, enc_e4m3, dec_e4m3, 256}, {DT_F8E4M3FNUZ, enc_e4m3fnuz, dec_e4m3fnuz, 256},
    {DT_F8E5M2, enc_e5m2, dec_e5m2, 256}, {DT_F8E5M2FNUZ, enc_e5m2fnuz, dec_e5m2fnuz, 256},
};

static unsigned host_encode(float x, DType t)
{
    if (t == DT_BF16)
        return dt_f32_to_bf16(x);
    if (t == DT_F16)
        return dt_f32_to_f16(x);
    return dt_f32_to_f8(x, t);
}

/* Every code decodes to the same f32 bits. */
static void test_decode_all_codes(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof convs / sizeof convs[0]; i++) {
        const Conv *c = &convs[i];
        for (int code = 0; code < c->codes; code++) {
            unsigned char b[2] = {(unsigned char)code, (unsigned char)(code >> 8)};
            float want = c->t == DT_F4E2M1 ? dt_f8_to_f32(b[0], c->t) : dt_load_float(b, c->t);
            float got = c->dec((unsigned)code);
            if (bits(want) != bits(got))
                fail_msg("%s code 0x%x: host %08x device %08x", dt_name(c->t), code,
                         bits(want), bits(got));
        }
    }
}

/* Encoding: every f32 exponent with several mantissas, every midpoint and
 * neighbour of every code, and the special values. */
static void check_encode(const Conv *c, float x)
{
    unsigned want = host_encode(x, c->t), got = c->enc(x);
    if (want != got)
        fail_msg("%s encode %a (%08x): host 0x%x device 0x%x", dt_name(c->t), (double)x,
                 bits(x), want, got);
}

static void test_encode(void **state)
{
    (void)state;
    static const float specials[] = {0.0f, -0.0f, INFINITY, -INFINITY, NAN, -NAN, 1.0f, -1.0f,
                                     448.0f, 464.0f, 465.0f, 480.0f, 240.0f, 248.0f, 57344.0f,
                                     61440.0f, 65504.0f, 65520.0f, 1e-30f, -1e-30f, 1e-45f,
                                     0x1p127f, 0x1.000002p127f, -0x1p127f, 0x1p-127f, 0x1.8p-127f,
                                     0x1p-126f, 0.25f, 0.75f, 5.0f, 7.0f, -7.0f, 6.0f, 3.5f};
    for (size_t i = 0; i < sizeof convs / sizeof convs[0]; i++) {
        const Conv *c = &convs[i];
        for (size_t k = 0; k < sizeof specials / sizeof specials[0]; k++)
            check_encode(c, specials[k]);
        for (unsigned e = 0; e < 256; e++)
            for (unsigned m = 0; m < 64; m++) {
                unsigned mant = (m * 0x20C49Bu) & 0x7fffffu;
                check_encode(c, sn_u2f(e << 23 | mant));
                check_encode(c, sn_u2f(0x80000000u | e << 23 | mant));
            }
        for (int code = 0; code + 1 < c->codes; code++) { /* midpoints and neighbours */
            float a = c->dec((unsigned)code), b = c->dec((unsigned)code + 1);
            if (a != a || b != b || isinf(a) || isinf(b))
                continue;
            float mid = (float)(((double)a + (double)b) / 2);
            check_encode(c, mid);
            check_encode(c, nextafterf(mid, INFINITY));
            check_encode(c, nextafterf(mid, -INFINITY));
            check_encode(c, a);
        }
    }
}

/* A store of a value cast to bf16 writes its high half (sn_bits_bf16): the
 * same code as encoding the cast's input, saturating or not. */
static void check_bits_bf16(float x)
{
    unsigned want = sn_to_bf16(x), got = sn_bits_bf16(sn_round_bf16(x));
    unsigned want_sat = sn_to_bf16_sat(x), got_sat = sn_bits_bf16(sn_from_bf16(sn_to_bf16_sat(x)));
    if (want != got || want_sat != got_sat)
        fail_msg("bf16 bits of %a (%08x): 0x%x / 0x%x, want 0x%x / 0x%x", (double)x, bits(x), got,
                 got_sat, want, want_sat);
}

static void test_bits_of_rounded_bf16(void **state)
{
    (void)state;
    static const float specials[] = {0.0f, -0.0f, INFINITY, -INFINITY, NAN, -NAN, 3.4e38f,
                                     -3.4e38f, 1e-45f, -1e-45f};
    for (size_t k = 0; k < sizeof specials / sizeof specials[0]; k++)
        check_bits_bf16(specials[k]);
    check_bits_bf16(sn_u2f(0x7f800001u)); /* signalling NaN */
    check_bits_bf16(sn_u2f(0xffc12345u));
    for (unsigned e = 0; e < 256; e++)
        for (unsigned m = 0; m < 64; m++) {
            unsigned mant = (m * 0x20C49Bu) & 0x7fffffu;
            check_bits_bf16(sn_u2f(e << 23 | mant));
            check_bits_bf16(sn_u2f(0x80000000u | e << 23 | mant));
        }
}

/* The floor scale, the saturating and the four-code forms against the host. */
static void check_e8m0_forms(float x)
{
    float p = dt_pow2_floor(x), q = sn_pow2_floor(x);
    if (bits(p) != bits(q))
        fail_msg("pow2_floor %a (%08x): host %08x device %08x", (double)x, bits(x), bits(p), bits(q));
    float m = 0x1p127f, c = x > m ? m : x < -m ? -m : x;
    unsigned want_sat = dt_f32_to_f8(c, DT_F8E8M0);
    if (sn_to_e8m0_sat(x) != want_sat || sn_to4_e8m0_sat(x, 1, x, 2) != (want_sat | 0x7fu << 8 | want_sat << 16 | 0x80u << 24))
        fail_msg("e8m0 sat %a: device 0x%x host 0x%x", (double)x, sn_to_e8m0_sat(x), want_sat);
    unsigned w = dt_f32_to_f8(x, DT_F8E8M0);
    if (sn_to4_e8m0(0.5f, x, x, x) != (0x7eu | w << 8 | w << 16 | w << 24))
        fail_msg("e8m0 to4 %a", (double)x);
    if (bits(sn_round_e8m0(x)) != bits(dt_round_float(x, DT_F8E8M0)) ||
        bits(sn_round_e2m1(x)) != bits(dt_round_float(x, DT_F4E2M1)) ||
        sn_to_e2m1_sat(x) != dt_f32_to_f8(x, DT_F4E2M1))
        fail_msg("round e8m0/e2m1 %a", (double)x);
}

static void test_e8m0_forms(void **state)
{
    (void)state;
    static const float specials[] = {0.0f, -0.0f, INFINITY, -INFINITY, NAN, -NAN, 3.4e38f,
                                     -3.4e38f, 1e-45f, -1e-45f, 0x1p-127f, 0x1.fffffcp-127f};
    for (size_t k = 0; k < sizeof specials / sizeof specials[0]; k++)
        check_e8m0_forms(specials[k]);
    for (unsigned e = 0; e < 256; e++)
        for (unsigned m = 0; m < 64; m++) {
            unsigned mant = (m * 0x20C49Bu) & 0x7fffffu;
            check_e8m0_forms(sn_u2f(e << 23 | mant));
            check_e8m0_forms(sn_u2f(0x80000000u | e << 23 | mant));
        }
    for (unsigned b = 1; b < 0x800000u; b <<= 1) /* every subnormal top bit */
        check_e8m0_forms(sn_u2f(b | (b - 1)));
    /* packed nibble reads */
    const sn_u8 bytes[2] = {0xF2, 0x51};
    const float want[4] = {1.0f, -6.0f, 0.5f, 3.0f};
    for (int k = 0; k < 4; k++)
        assert_true(SN_E2M1_AT(bytes, k) == want[k]);
}

/* prelude_sm100.cuh's wrappers over the modelled instructions equal the
 * host conversions (ir/dtype.c) bit for bit: x against its neighbours, and
 * the saturating and four-code forms. */
static void check_mx_hw(float x, float y)
{
    unsigned ex = dt_f32_to_f8(x, DT_F4E2M1), ey = dt_f32_to_f8(y, DT_F4E2M1);
    if (sn_to2_e2m1_hw(x, y) != (ex | ey << 4) || sn_to2_e2m1_sat_hw(y, x) != (ey | ex << 4))
        fail_msg("e2m1x2 %a %a: device 0x%x host 0x%x", (double)x, (double)y,
                 sn_to2_e2m1_hw(x, y), ex | ey << 4);
    if (bits(sn_round_e2m1_hw(x)) != bits(dt_round_float(x, DT_F4E2M1)))
        fail_msg("round e2m1 %a", (double)x);
    unsigned wx = dt_f32_to_f8(x, DT_F8E8M0), wy = dt_f32_to_f8(y, DT_F8E8M0);
    float m = 0x1p127f, cx = x > m ? m : x < -m ? -m : x, cy = y > m ? m : y < -m ? -m : y;
    unsigned sx = dt_f32_to_f8(cx, DT_F8E8M0), sy = dt_f32_to_f8(cy, DT_F8E8M0);
    if (sn_to_e8m0_hw(x) != wx || sn_to_e8m0_sat_hw(x) != sx)
        fail_msg("e8m0 %a: device 0x%x / sat 0x%x, host 0x%x / sat 0x%x", (double)x,
                 sn_to_e8m0_hw(x), sn_to_e8m0_sat_hw(x), wx, sx);
    if (sn_to4_e8m0_hw(x, y, y, x) != (wx | wy << 8 | wy << 16 | wx << 24) ||
        sn_to4_e8m0_sat_hw(y, x, x, y) != (sy | sx << 8 | sx << 16 | sy << 24))
        fail_msg("e8m0 x4 %a %a", (double)x, (double)y);
    if (bits(sn_round_e8m0_hw(x)) != bits(dt_round_float(x, DT_F8E8M0)))
        fail_msg("round e8m0 %a", (double)x);
}

static void test_mx_hw_wrappers(void **state)
{
    (void)state;
    static const float specials[] = {0.0f, -0.0f, INFINITY, -INFINITY, NAN, -NAN, 3.4e38f,
                                     -3.4e38f, 1e-45f, -1e-45f, 0x1p-127f, 0x1.fffffcp-127f,
                                     0x1p127f, 0x1.000002p127f, 0.25f, 0.75f, 1.25f, 1.75f,
                                     2.5f, 3.5f, 5.0f, 6.0f, 7.0f, -7.0f, 8.0f, -0.25f};
    size_t ns = sizeof specials / sizeof specials[0];
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < ns; j++)
            check_mx_hw(specials[i], specials[j]);
    /* every e2m1 midpoint and value and every power of two, with their
     * neighbours, both signs */
    for (size_t k = 0; k < ns; k++)
        for (int d = -2; d <= 2; d++) {
            float v = specials[k];
            for (int s = 0; s < 2; s++) {
                float w = sn_u2f(sn_f2u(v) + (unsigned)d);
                check_mx_hw(s ? -w : w, v);
            }
        }
    for (int e = -150; e <= 128; e++)
        for (int d = -2; d <= 2; d++) {
            float p = ldexpf(1.0f, e);
            float w = sn_u2f(sn_f2u(p) + (unsigned)d);
            check_mx_hw(w, -w);
        }
    /* a sweep over every exponent and sign, 4096 mantissas each */
    for (unsigned u = 0; u < 1u << 21; u++) {
        unsigned b = (u >> 12) << 23 | ((u & 0xfffu) * 0x7ffu & 0x7fffffu);
        check_mx_hw(sn_u2f(b), sn_u2f(b ^ 0x80000000u));
    }
}

static void test_int_helpers(void **state)
{
    (void)state;
    assert_int_equal(sn_f2i(NAN, -128, 127), dt_float_to_int(NAN, DT_I8));
    assert_int_equal(sn_f2i(300.5f, -128, 127), dt_float_to_int(300.5f, DT_I8));
    assert_int_equal(sn_f2i(-2.9f, -128, 127), dt_float_to_int(-2.9f, DT_I8));
    assert_int_equal(sn_f2i(3e9f, -2147483648.0, 2147483647.0), dt_float_to_int(3e9f, DT_I32));
    assert_int_equal(sn_f2i(1e30f, -9223372036854775808.0, 9223372036854775807.0),
                     dt_float_to_int(1e30f, DT_I64));
    assert_int_equal(sn_f2i(-1e30f, -9223372036854775808.0, 9223372036854775807.0),
                     dt_float_to_int(-1e30f, DT_I64));
    for (int64_t v = -70000; v < 70000; v += 997) {
        assert_int_equal(sn_wrap(v, 8), dt_int_to_int(v, DT_I8));
        assert_int_equal(sn_wrap(v * 100000, 32), dt_int_to_int(v * 100000, DT_I32));
    }
}

/* prelude_int.cuh's integer ops equal scalar.h's (the interpreter's) on
 * every integer dtype, over edge values of both operands. */
static void test_int_ops_match_host(void **state)
{
    (void)state;
    const DType types[] = {DT_I8, DT_I16, DT_I32, DT_I64, DT_U8, DT_U16, DT_U32};
    const int64_t vals[] = {0, 1, -1, 2, -2, 3, -3, 7, -7, 8, 15, 16, 31, 32, 33, 63, 64, 65,
                            127, 128, -128, -129, 255, 256, 32767, -32768, 65535, 65536,
                            2147483647LL, -2147483648LL, 4294967295LL, 4294967296LL,
                            (int64_t)1 << 40, INT64_MAX, INT64_MIN, INT64_MIN + 1};
    size_t nv = sizeof vals / sizeof vals[0];
    for (size_t ti = 0; ti < sizeof types / sizeof types[0]; ti++) {
        DType t = types[ti];
        int bits = dt_bits(t), sgn = !dt_is_unsigned(t);
        for (size_t i = 0; i < nv; i++) {
            int64_t a = vals[i];
            assert_int_equal(sn_iwrap(a, bits, sgn), sc_wrap(a, t));
            for (size_t j = 0; j < nv; j++) {
                int64_t b = vals[j];
                if (sn_ishl(a, b, bits, sgn) != sc_shl(a, b, t) ||
                    sn_ishr(a, b, bits, sgn) != sc_shr(a, b, t) ||
                    sn_ifloordiv(a, b, bits, sgn) != sc_floordiv(a, b, t) ||
                    sn_imod(a, b, bits, sgn) != sc_mod(a, b, t))
                    fail_msg("%s: %lld op %lld differs", dt_name(t), (long long)a, (long long)b);
            }
        }
    }
    /* float -> unsigned with the bounds codegen prints */
    const float fs[] = {-1.0f, -0.5f, 0.5f, 255.5f, 256.0f, 65535.9f, 1e10f, NAN, INFINITY};
    for (size_t i = 0; i < sizeof fs / sizeof fs[0]; i++) {
        assert_int_equal(sn_f2i(fs[i], 0.0, 255.0), dt_float_to_int(fs[i], DT_U8));
        assert_int_equal(sn_f2i(fs[i], 0.0, 65535.0), dt_float_to_int(fs[i], DT_U16));
        assert_int_equal(sn_f2i(fs[i], 0.0, 4294967295.0), dt_float_to_int(fs[i], DT_U32));
        assert_int_equal(sn_f2i(fs[i], -32768.0, 32767.0), dt_float_to_int(fs[i], DT_I16));
    }
}

/* signbit, exponent, ldexp and the bitcast pieces (encode, then wrap or
 * decode) equal scalar.h's over every exponent, subnormals, zeros, NaNs. */
static void test_float_bits_match_host(void **state)
{
    (void)state;
    for (uint64_t u = 0; u <= 0xffffffffu; u += 0x7fff1) {
        for (int k = 0; k < 4; k++) {
            uint32_t w = (uint32_t)u ^ (k == 1 ? 0x80000000u : 0) ^ (k == 2 ? 0x1u : 0);
            if (k == 3)
                w &= 0x807fffffu; /* zero and subnormals */
            float x = sn_u2f(w);
            assert_int_equal(sn_f2u(sn_signbit(x)), sn_f2u(sc_signbit(x)));
            assert_int_equal(sn_f2u(sn_exponent(x)), sn_f2u(sc_exponent(x)));
            for (int n = -300; n <= 300; n += 37) {
                float want = sc_ldexp(x, (float)n), got = sn_ldexp(x, (float)n);
                if (sn_f2u(want) != sn_f2u(got) && !(want != want && got != got))
                    fail_msg("ldexp(%a, %d): %a vs %a", (double)x, n, (double)got, (double)want);
            }
            assert_int_equal(sn_iwrap((sn_i64)sn_f2u(x), 32, 1), sc_bitcast_fi(x, DT_F32, DT_I32));
            assert_int_equal(sn_iwrap((sn_i64)sn_to_bf16(x), 16, 0),
                             sc_bitcast_fi(x, DT_BF16, DT_U16));
            assert_int_equal(sn_iwrap((sn_i64)sn_to_f16(x), 16, 1),
                             sc_bitcast_fi(x, DT_F16, DT_I16));
            assert_int_equal(sn_iwrap((sn_i64)sn_to_e4m3(x), 8, 1),
                             sc_bitcast_fi(x, DT_F8E4M3, DT_I8));
            assert_int_equal(sn_iwrap((sn_i64)sn_to_e5m2fnuz(x), 8, 0),
                             sc_bitcast_fi(x, DT_F8E5M2FNUZ, DT_U8));
        }
    }
    assert_true(sc_exponent(0x1p-149f) == -149.0f && sn_exponent(0x1p-149f) == -149.0f);
    assert_true(sn_exponent(-0.0f) == -2147483648.0f && sn_exponent(NAN) == 2147483648.0f);
    for (int c = 0; c < 65536; c++) {
        float want = sc_bitcast_if(c, DT_BF16), got = sn_from_bf16((sn_u16)c);
        assert_int_equal(sn_f2u(got), sn_f2u(want));
        want = sc_bitcast_if(c - 32768, DT_F16);
        got = sn_from_f16((sn_u16)(c - 32768));
        assert_int_equal(sn_f2u(got), sn_f2u(want));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_all_codes),
        cmocka_unit_test(test_encode),
        cmocka_unit_test(test_bits_of_rounded_bf16),
        cmocka_unit_test(test_int_helpers),
        cmocka_unit_test(test_int_ops_match_host),
        cmocka_unit_test(test_float_bits_match_host),
        cmocka_unit_test(test_e8m0_forms),
        cmocka_unit_test(test_mx_hw_wrappers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
