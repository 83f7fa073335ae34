/* prelude_int.cuh - the device helpers of the unsigned dtypes, the
 * integer bit ops, // and %, bitcasts and signbit/exponent/ldexp.
 *
 * Codegen appends it to prelude.cuh (whose types and helpers it uses) only
 * in modules that use one of these (cg_emit), so the code generated for
 * programs without them stays as it was.  Compiles as CUDA C++, HIP C++
 * and C like prelude.cuh (tests/test_prelude.c checks every function
 * against ir/scalar.h and ir/dtype.c).  Math mirrors ir/scalar.h. */

/* integer -> unsigned integer type of `bits` (< 64) bits: the low bits. */
SN_DEVICE sn_i64 sn_wrapu(sn_i64 x, int bits)
{
    return (sn_i64)((sn_u64)x & (((sn_u64)1 << bits) - 1u));
}
/* The integer ops of ir/scalar.h that wrap their operands to the op's
 * type first (bits, sgn: its width and signedness); same definitions. */
SN_DEVICE sn_i64 sn_iwrap(sn_i64 x, int bits, int sgn)
{
    return sgn ? sn_wrap(x, bits) : sn_wrapu(x, bits);
}
SN_DEVICE sn_i64 sn_ishl(sn_i64 a, sn_i64 b, int bits, int sgn)
{
    a = sn_iwrap(a, bits, sgn);
    b = sn_iwrap(b, bits, sgn);
    return b < 0 || b >= bits ? 0 : (sn_i64)((sn_u64)a << b);
}
SN_DEVICE sn_i64 sn_ishr(sn_i64 a, sn_i64 b, int bits, int sgn)
{
    a = sn_iwrap(a, bits, sgn);
    b = sn_iwrap(b, bits, sgn);
    if (b < 0 || b >= bits)
        b = 63;
    return a < 0 ? ~(~a >> b) : a >> b;
}
SN_DEVICE sn_i64 sn_ifloordiv(sn_i64 a, sn_i64 b, int bits, int sgn)
{
    a = sn_iwrap(a, bits, sgn);
    b = sn_iwrap(b, bits, sgn);
    if (b == 0)
        return 0;
    if (b == -1)
        return (sn_i64)(0u - (sn_u64)a);
    sn_i64 q = a / b;
    return a % b != 0 && (a < 0) != (b < 0) ? q - 1 : q;
}
SN_DEVICE sn_i64 sn_imod(sn_i64 a, sn_i64 b, int bits, int sgn)
{
    a = sn_iwrap(a, bits, sgn);
    b = sn_iwrap(b, bits, sgn);
    if (b == 0)
        return a;
    if (b == -1)
        return 0;
    sn_i64 r = a % b;
    return r != 0 && (r < 0) != (b < 0) ? r + b : r;
}
/* 1.0f when the sign bit is set (-0, negative NaN), else 0.0f. */
SN_DEVICE float sn_signbit(float a) { return (sn_f2u(a) >> 31) ? 1.0f : 0.0f; }
/* floor(log2 |a|) as a float; 0: -2^31, inf and NaN: 2^31 (scalar.h). */
SN_DEVICE float sn_exponent(float a)
{
    sn_u32 u = sn_f2u(a) & 0x7fffffffu;
    if (u == 0)
        return -2147483648.0f;
    if (u >= 0x7f800000u)
        return 2147483648.0f;
    int e = (int)(u >> 23);
    if (e == 0) { /* subnormal: u * 2^-149 */
        int top = 22;
        while (!(u >> top))
            top--;
        return (float)(top - 149);
    }
    return (float)(e - 127);
}
/* a * 2^b for an integral b, b clamped to [-512, 512], NaN b as 0. */
SN_DEVICE float sn_ldexp(float a, float b)
{
    int n = b != b ? 0 : b > 512.0f ? 512 : b < -512.0f ? -512 : (int)b;
    return ldexpf(a, n);
}
