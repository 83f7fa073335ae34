/* test_prelude_hip.c - the HIP FP8 encoders (codegen/prelude_hip.cuh),
 * compiled as C around the prelude as codegen emits them, equal the host
 * conversions (ir/dtype.c) bit for bit, whatever the instruction does
 * outside the contract prelude_hip.cuh states.
 *
 * The instruction (v_cvt_pk_fp8_f32 / v_cvt_pk_bf8_f32) is modelled: on a
 * finite value within the format's finite range it writes the correctly
 * rounded code (the host's); elsewhere each model writes something else:
 * NaN -> 0x7f or 0x00, beyond the range -> 0x80 or the largest code, and
 * a zero magnitude with or without the sign.  Every encoder (one value,
 * four packed, plain and saturating) must still equal the host on every
 * f32 exponent, the midpoints and neighbours of every code, the special
 * values, and mixed groups of four.  Built twice: SN_TEST_OCP 0 as gfx942
 * (FNUZ codes), 1 as gfx950 (OCP codes). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "dtype.h"

#define SN_DEVICE static inline
static inline unsigned sn_f2u(float x) { unsigned u; memcpy(&u, &x, 4); return u; }
static inline float sn_u2f(unsigned u) { float x; memcpy(&x, &u, 4); return x; }

#if SN_TEST_OCP
#define __gfx950__ 1
static const DType T4 = DT_F8E4M3, T5 = DT_F8E5M2;
#else
#define __gfx942__ 1
static const DType T4 = DT_F8E4M3FNUZ, T5 = DT_F8E5M2FNUZ;
#endif

static int model; /* which behaviour outside the contract */
static long outside; /* model calls outside the contract (the test is not vacuous) */

/* One code of the modelled instruction for format t. */
static unsigned model_code(float x, DType t)
{
    double lim = dt_max_finite(t);
    unsigned sign = (sn_f2u(x) >> 24) & 0x80u;
    if (x != x) {
        outside++;
        return model ? 0x00u : 0x7fu;
    }
    if (!(fabs((double)x) <= lim)) {
        outside++;
        return model ? 0x80u : (0x7eu | sign);
    }
    unsigned code = dt_f32_to_f8(x, t);
    if ((code & 0x7fu) == 0) { /* zero: with or without the sign */
        outside += sign != 0;
        return model ? sign : 0u;
    }
    return code;
}

static int model_pk(DType t, float a, float b, int old, bool hi)
{
    unsigned pair = model_code(a, t) | model_code(b, t) << 8, o = (unsigned)old;
    return (int)(hi ? (o & 0xffffu) | pair << 16 : (o & 0xffff0000u) | pair);
}
#define SN_AMD_CVT_PK_FP8(a, b, old, hi) model_pk(T4, a, b, old, hi)
#define SN_AMD_CVT_PK_BF8(a, b, old, hi) model_pk(T5, a, b, old, hi)

/* as module.c emits them for HIP */
#include "../codegen/prelude_hip_head.cuh"
#include "../codegen/prelude.cuh"
#include "../codegen/prelude_hip.cuh"

#if SN_TEST_OCP
#define ENC4(x) sn_to_e4m3(x)
#define ENC4S(x) sn_to_e4m3_sat(x)
#define PACK4(a, b, c, d) sn_to4_e4m3(a, b, c, d)
#define PACK4S(a, b, c, d) sn_to4_e4m3_sat(a, b, c, d)
#define ENC5(x) sn_to_e5m2(x)
#define ENC5S(x) sn_to_e5m2_sat(x)
#define PACK5(a, b, c, d) sn_to4_e5m2(a, b, c, d)
#define PACK5S(a, b, c, d) sn_to4_e5m2_sat(a, b, c, d)
#else
#define ENC4(x) sn_to_e4m3fnuz(x)
#define ENC4S(x) sn_to_e4m3fnuz_sat(x)
#define PACK4(a, b, c, d) sn_to4_e4m3fnuz(a, b, c, d)
#define PACK4S(a, b, c, d) sn_to4_e4m3fnuz_sat(a, b, c, d)
#define ENC5(x) sn_to_e5m2fnuz(x)
#define ENC5S(x) sn_to_e5m2fnuz_sat(x)
#define PACK5(a, b, c, d) sn_to4_e5m2fnuz(a, b, c, d)
#define PACK5S(a, b, c, d) sn_to4_e5m2fnuz_sat(a, b, c, d)
#endif

/* The host's conversions: plain, and saturating (clamp to the finite range
 * first; NaN stays NaN). */
static unsigned host(float x, DType t, bool sat)
{
    float m = (float)dt_max_finite(t);
    if (sat && x == x)
        x = x > m ? m : x < -m ? -m : x;
    return dt_f32_to_f8(x, t);
}

static unsigned one(float x, DType t, bool sat)
{
    if (t == T4)
        return sat ? ENC4S(x) : ENC4(x);
    return sat ? ENC5S(x) : ENC5(x);
}

static unsigned four(const float *v, DType t, bool sat)
{
    if (t == T4)
        return sat ? PACK4S(v[0], v[1], v[2], v[3]) : PACK4(v[0], v[1], v[2], v[3]);
    return sat ? PACK5S(v[0], v[1], v[2], v[3]) : PACK5(v[0], v[1], v[2], v[3]);
}

#define MAXV 40000
static float values[MAXV];
static int nvalues;

static void add(float x)
{
    if (nvalues < MAXV)
        values[nvalues++] = x;
}

/* Every f32 exponent with several mantissas, both signs; every code's
 * midpoints and neighbours in both formats; the special values. */
static void make_values(void)
{
    static const float specials[] = {0.0f, -0.0f, INFINITY, -INFINITY, NAN, -NAN, 1.0f, -1.0f,
                                     448.0f, 464.0f, 465.0f, 480.0f, 240.0f, 244.0f, 248.0f,
                                     -248.0f, 57344.0f, 61440.0f, -61440.0f, 65504.0f, 1e-30f,
                                     -1e-30f, 1e-45f, -1e-45f, 1e-3f, -1e-3f, 9.7e-4f, -4.8e-4f};
    for (size_t k = 0; k < sizeof specials / sizeof specials[0]; k++)
        add(specials[k]);
    add(sn_u2f(0x7f800001u));
    add(sn_u2f(0xffc12345u));
    for (unsigned e = 0; e < 256; e++)
        for (unsigned m = 0; m < 32; m++) {
            unsigned mant = (m * 0x20C49Bu) & 0x7fffffu;
            add(sn_u2f(e << 23 | mant));
            add(sn_u2f(0x80000000u | e << 23 | mant));
        }
    const DType ts[2] = {T4, T5};
    for (int i = 0; i < 2; i++)
        for (unsigned code = 0; code + 1 < 256; code++) {
            unsigned char b0 = (unsigned char)code, b1 = (unsigned char)(code + 1);
            float a = dt_load_float(&b0, ts[i]), b = dt_load_float(&b1, ts[i]);
            if (a != a || b != b || isinf(a) || isinf(b))
                continue;
            float mid = (float)(((double)a + (double)b) / 2);
            add(mid);
            add(nextafterf(mid, INFINITY));
            add(nextafterf(mid, -INFINITY));
            add(a);
        }
}

static void check_all(DType t)
{
    for (int s = 0; s < 2; s++)
        for (int i = 0; i < nvalues; i++) {
            float x = values[i];
            unsigned want = host(x, t, s), got = one(x, t, s);
            if (want != got)
                fail_msg("model %d %s%s of %a (%08x): host 0x%02x, HIP 0x%02x", model,
                         dt_name(t), s ? " sat" : "", (double)x, sn_f2u(x), want, got);
        }
    /* groups of four: consecutive values (mixing special, in-range and
     * zero-rounding ones), and each value beside three in-range ones */
    for (int s = 0; s < 2; s++)
        for (int i = 0; i + 4 <= nvalues + 3; i++) {
            float v[4];
            for (int k = 0; k < 4; k++)
                v[k] = i + k < nvalues ? values[i + k] : 1.5f * (float)k;
            if (i >= nvalues - 3)
                v[0] = values[i % nvalues];
            float w[4] = {0.25f, values[i % nvalues], -3.0f, 0.5f};
            const float *groups[2] = {v, w};
            for (int gi = 0; gi < 2; gi++) {
                const float *g = groups[gi];
                unsigned want = host(g[0], t, s) | host(g[1], t, s) << 8 |
                                host(g[2], t, s) << 16 | host(g[3], t, s) << 24;
                unsigned got = four(g, t, s);
                if (want != got)
                    fail_msg("model %d %s%s of %a %a %a %a: host 0x%08x, HIP 0x%08x", model,
                             dt_name(t), s ? " sat" : "", (double)g[0], (double)g[1],
                             (double)g[2], (double)g[3], want, got);
            }
        }
}

static void test_e4m3(void **state)
{
    (void)state;
    for (model = 0; model < 2; model++)
        check_all(T4);
}

static void test_e5m2(void **state)
{
    (void)state;
    for (model = 0; model < 2; model++)
        check_all(T5);
}

/* The encoders took the modelled instruction, and the models were asked
 * outside the contract (so the fix-ups were exercised, not skipped). */
static void test_not_vacuous(void **state)
{
    (void)state;
    outside = 0;
    model = 1;
    assert_int_equal(ENC4(1.0f), host(1.0f, T4, false));
    assert_int_equal(ENC4S(-1e-30f), host(-1e-30f, T4, true));
    assert_true(outside > 0);
    /* and the models do differ from the host there */
    assert_int_not_equal(model_code(NAN, T4), host(NAN, T4, false));
    model = 0;
    assert_int_not_equal(model_code(1e9f, T4), host(1e9f, T4, false));
}

int main(void)
{
    make_values();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_e4m3),
        cmocka_unit_test(test_e5m2),
        cmocka_unit_test(test_not_vacuous),
    };
    return cmocka_run_group_tests_name(SN_TEST_OCP ? "prelude_hip gfx950 (OCP)"
                                                   : "prelude_hip gfx942 (FNUZ)",
                                       tests, NULL, NULL);
}
