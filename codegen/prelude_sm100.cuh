/* prelude_sm100.cuh - Blackwell's MX conversion instructions.
 *
 * cg_emit appends this after prelude.cuh to CUDA sources emitted for sm_100
 * and later (sm_100, sm_120) that convert to f4e2m1 or f8e8m0; codegen then
 * prints these names instead of prelude.cuh's (cg_mx_hw).  Every function
 * returns exactly what prelude.cuh's namesake returns (ir/dtype.c's rules):
 *
 *   sn_to2_e2m1_hw(lo, hi)   byte of two e2m1 codes, lo in the low nibble:
 *                            sn_to_e2m1(lo) | sn_to_e2m1(hi) << 4
 *   sn_to_e8m0_hw(x), sn_to_e8m0_sat_hw(x), sn_to4_e8m0_hw(a, b, c, d),
 *   sn_to4_e8m0_sat_hw(...), sn_round_e8m0_hw(x), sn_round_e2m1_hw(x)
 *
 * The instructions exist only for family- or architecture-specific
 * targets (PTX ISA 8.6+: sm_100f/sm_100a, sm_103f, sm_110f, sm_120f,
 * sm_121f and their `a` forms; not plain sm_100 or sm_120), which is when
 * the compiler defines __CUDA_ARCH_FAMILY_SPECIFIC__ (the condition of
 * CUDA 13's cuda_fp8.h); the runtime compiles for sm_<cc>f (runtime/jit.c).
 * Elsewhere (a plain sm_100 compile, or the same source on sm_90 in a bundle
 * of both) each falls back to prelude.cuh's integer code.
 *
 *   cvt.rn.satfinite.e2m1x2.f32 d, a, b   a -> high nibble, b -> low; round
 *       to nearest even, overflow and +-inf saturate to +-6 like ir/dtype.c;
 *       the one difference is NaN: the instruction gives +6 whatever the
 *       sign (sinter: 6 with the NaN's sign), so a pair holding a NaN takes
 *       the software path.
 *   cvt.rp.ue8m0x2.f32 d, a, b             a -> high byte, b -> low: |x|
 *       rounded up to a power of two (the sign is ignored), |x| <= 2^-127
 *       (zeros) -> 0x00, 2^-127 < |x| < 2^-126 -> 0x01, beyond 2^127, inf
 *       and NaN -> 0xff: sn_to_e8m0 exactly.  With .satfinite, finite
 *       overflow and inf give 0xfe, NaN 0xff: sn_to_e8m0_sat (which clamps
 *       to 2^127 first) exactly.
 * sinter's floor rounding, `to(x, f8e8m0, floor=true)`, is pow2_floor (an
 * exact power of two) then this same rounding up, which is exact there;
 * cvt.rz.ue8m0x2 would fuse the two but the kernel IR keeps them apart.
 *
 * tests/test_prelude.c defines SN_HW_MX_MODEL and models of the three
 * sn_hw_* instructions (from the semantics above) to check the wrappers on
 * the CPU.  The models were compared once with the host paths of CUDA
 * 13's cuda_fp4.hpp and cuda_fp8.hpp (NVIDIA's emulation of these
 * instructions) on every 7th f32 bit pattern, no difference; no Blackwell
 * GPU has run them here (tests/gpu/mx_examples_exact.sh on one would). */
#if defined(SN_HW_MX_MODEL) ||                                                  \
    (defined(__CUDA_ARCH_FAMILY_SPECIFIC__) && __CUDA_ARCH_FAMILY_SPECIFIC__ >= 1000 && \
     __CUDA_ARCH_FAMILY_SPECIFIC__ < 1300)
#define SN_HW_MX 1
#if !defined(SN_HW_MX_MODEL)
SN_DEVICE sn_u8 sn_hw_e2m1x2(float lo, float hi)
{
    unsigned short r;
    asm("{ .reg .b8 t;\n\tcvt.rn.satfinite.e2m1x2.f32 t, %1, %2;\n\tmov.b16 %0, {t, 0}; }"
        : "=h"(r) : "f"(hi), "f"(lo));
    return (sn_u8)r;
}
SN_DEVICE sn_u16 sn_hw_e8m0x2(float lo, float hi)
{
    unsigned short r;
    asm("cvt.rp.ue8m0x2.f32 %0, %1, %2;" : "=h"(r) : "f"(hi), "f"(lo));
    return r;
}
SN_DEVICE sn_u16 sn_hw_e8m0x2_sat(float lo, float hi)
{
    unsigned short r;
    asm("cvt.rp.satfinite.ue8m0x2.f32 %0, %1, %2;" : "=h"(r) : "f"(hi), "f"(lo));
    return r;
}
#endif
SN_DEVICE sn_u8 sn_to2_e2m1_hw(float lo, float hi)
{
    if ((lo != lo) | (hi != hi))
        return (sn_u8)(sn_to_e2m1(lo) | (sn_to_e2m1(hi) << 4));
    return sn_hw_e2m1x2(lo, hi);
}
SN_DEVICE sn_u8 sn_to_e8m0_hw(float x) { return (sn_u8)sn_hw_e8m0x2(x, 0.0f); }
SN_DEVICE sn_u8 sn_to_e8m0_sat_hw(float x) { return (sn_u8)sn_hw_e8m0x2_sat(x, 0.0f); }
SN_DEVICE sn_u32 sn_to4_e8m0_hw(float a, float b, float c, float d)
{
    return (sn_u32)sn_hw_e8m0x2(a, b) | ((sn_u32)sn_hw_e8m0x2(c, d) << 16);
}
SN_DEVICE sn_u32 sn_to4_e8m0_sat_hw(float a, float b, float c, float d)
{
    return (sn_u32)sn_hw_e8m0x2_sat(a, b) | ((sn_u32)sn_hw_e8m0x2_sat(c, d) << 16);
}
#else
SN_DEVICE sn_u8 sn_to2_e2m1_hw(float lo, float hi)
{
    return (sn_u8)(sn_to_e2m1(lo) | (sn_to_e2m1(hi) << 4));
}
SN_DEVICE sn_u8 sn_to_e8m0_hw(float x) { return sn_to_e8m0(x); }
SN_DEVICE sn_u8 sn_to_e8m0_sat_hw(float x) { return sn_to_e8m0_sat(x); }
SN_DEVICE sn_u32 sn_to4_e8m0_hw(float a, float b, float c, float d) { return sn_to4_e8m0(a, b, c, d); }
SN_DEVICE sn_u32 sn_to4_e8m0_sat_hw(float a, float b, float c, float d) { return sn_to4_e8m0_sat(a, b, c, d); }
#endif
/* e2m1's saturating form equals the plain one (both give +-6 beyond 6, and
 * the clamp keeps a NaN). */
SN_DEVICE sn_u8 sn_to2_e2m1_sat_hw(float lo, float hi) { return sn_to2_e2m1_hw(lo, hi); }
SN_DEVICE float sn_round_e8m0_hw(float x) { return sn_from_e8m0(sn_to_e8m0_hw(x)); }
SN_DEVICE float sn_round_e2m1_hw(float x) { return sn_from_e2m1(sn_to2_e2m1_hw(x, 0.0f)); }
