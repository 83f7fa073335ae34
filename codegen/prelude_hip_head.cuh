/* prelude_hip_head.cuh - HIP only, before prelude.cuh: on an AMD GPU with
 * FP8 conversion instructions, the prelude's portable FP8 encoders are
 * renamed sn_sw_* (its own helpers, sn_round_* included, then use those),
 * and prelude_hip.cuh, after the prelude, defines the stored-cast
 * encoders codegen calls with the instructions.  The CUDA source is the
 * prelude alone.
 *   gfx942 (MI300): v_cvt_pk_fp8_f32 / v_cvt_pk_bf8_f32 write FNUZ codes
 *     (f8e4m3fnuz, f8e5m2fnuz);
 *   gfx950 (MI350, MI355), gfx12 (RDNA4): the same instructions write OCP
 *     codes (f8e4m3, f8e5m2).
 * SN_AMD_CVT_PK_FP8 / _BF8 (old, word_sel: the clang builtins' operands)
 * may be defined first (tests/test_prelude_hip.c models the instruction on
 * the CPU). */
#if defined(__gfx942__)
#define SN_AMD_FNUZ_HW 1
#endif
#if defined(__gfx950__) || defined(__gfx1200__) || defined(__gfx1201__)
#define SN_AMD_OCP_HW 1
#endif
#if defined(SN_AMD_FNUZ_HW) || defined(SN_AMD_OCP_HW)
#ifndef SN_AMD_CVT_PK_FP8
#define SN_AMD_CVT_PK_FP8(a, b, old, hi) __builtin_amdgcn_cvt_pk_fp8_f32(a, b, old, hi)
#define SN_AMD_CVT_PK_BF8(a, b, old, hi) __builtin_amdgcn_cvt_pk_bf8_f32(a, b, old, hi)
#endif
#endif
#if defined(SN_AMD_FNUZ_HW)
#define sn_to_e4m3fnuz sn_sw_to_e4m3fnuz
#define sn_to_e4m3fnuz_sat sn_sw_to_e4m3fnuz_sat
#define sn_to4_e4m3fnuz sn_sw_to4_e4m3fnuz
#define sn_to4_e4m3fnuz_sat sn_sw_to4_e4m3fnuz_sat
#define sn_to_e5m2fnuz sn_sw_to_e5m2fnuz
#define sn_to_e5m2fnuz_sat sn_sw_to_e5m2fnuz_sat
#define sn_to4_e5m2fnuz sn_sw_to4_e5m2fnuz
#define sn_to4_e5m2fnuz_sat sn_sw_to4_e5m2fnuz_sat
#endif
#if defined(SN_AMD_OCP_HW)
#define sn_to_e4m3 sn_sw_to_e4m3
#define sn_to_e4m3_sat sn_sw_to_e4m3_sat
#define sn_to4_e4m3 sn_sw_to4_e4m3
#define sn_to4_e4m3_sat sn_sw_to4_e4m3_sat
#define sn_to_e5m2 sn_sw_to_e5m2
#define sn_to_e5m2_sat sn_sw_to_e5m2_sat
#define sn_to4_e5m2 sn_sw_to4_e5m2
#define sn_to4_e5m2_sat sn_sw_to4_e5m2_sat
#endif
