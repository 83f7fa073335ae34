/* test_prelude.c - the device prelude's conversions, compiled as C, equal
 * ir/dtype.c bit for bit: every code of every narrow type decodes to the
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_all_codes),
        cmocka_unit_test(test_encode),
        cmocka_unit_test(test_bits_of_rounded_bf16),
        cmocka_unit_test(test_int_helpers),
        cmocka_unit_test(test_e8m0_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
