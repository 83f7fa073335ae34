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
