/* scalar.h - the language's scalar semantics on one element, shared by the
 * reference interpreter (interp.c) and the kernel-IR executor (kexec.c) so
 * that the two can never diverge.  Internal to ir/ (not a public API), but
 * codegen mirrors these definitions op for op.
 *
 * Value classes (ir.h, interp.h): float values are f32 whatever their
 * nominal dtype; integer and bool values are int64 (bools 0 or 1).
 *
 * The per-op semantics are ops.h's columns f and i: every switch here is
 * generated from the table, so an op is defined in one place.  Every
 * function is `static inline` and forced inline: the interpreter's loops
 * call them with a constant op kind inside a per-kind loop, so the switch
 * folds away and the loops stay as tight as hand-written ones.  Passing an
 * op kind a class does not define (e.g. UN_SIN on integers, or an integer
 * BIN_DIV) is a broken invariant: IR_ASSERT. */
#ifndef SINTER_SCALAR_H
#define SINTER_SCALAR_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "ir.h"

#define SC_INLINE static inline __attribute__((always_inline))

/* ---- max / min ----------------------------------------------------------------- */

/* torch.maximum / torch.minimum on floats: NaN if either is NaN (the first
 * one's NaN when both are), else the larger (smaller), the first operand on
 * ties (-0 vs 0). */
SC_INLINE float sc_max_nan(float a, float b)
{
    return a != a ? a : b != b ? b : (a < b ? b : a);
}
SC_INLINE float sc_min_nan(float a, float b)
{
    return a != a ? a : b != b ? b : (b < a ? b : a);
}

/* ---- the helpers of ops.h's newer rows ------------------------------------------ */

/* x wrapped to integer type t (int64: itself). */
SC_INLINE int64_t sc_wrap(int64_t x, DType t)
{
    return t == DT_I64 ? x : dt_int_to_int(x, t);
}

/* a << b in type t: both wrapped to t first; a shift by b outside [0,
 * bits of t) gives 0.  The result is the 64-bit product a * 2^b (wrapping
 * modulo 2^64), which wraps to t at a cast or store. */
SC_INLINE int64_t sc_shl(int64_t a, int64_t b, DType t)
{
    a = sc_wrap(a, t);
    b = sc_wrap(b, t);
    return b < 0 || b >= dt_bits(t) ? 0 : (int64_t)((uint64_t)a << b);
}

/* a >> b in type t: both wrapped to t first, so the shift is arithmetic
 * for signed t and logical for unsigned t; a shift by b outside [0, bits)
 * shifts every bit out: 0, or -1 for a negative signed a. */
SC_INLINE int64_t sc_shr(int64_t a, int64_t b, DType t)
{
    a = sc_wrap(a, t);
    b = sc_wrap(b, t);
    if (b < 0 || b >= dt_bits(t))
        b = 63;
    return a < 0 ? ~(~a >> b) : a >> b;
}

/* Floor division in type t (Python's //): both wrapped to t first; the
 * quotient rounds toward -inf.  a // 0 is 0; INT64_MIN // -1 wraps to
 * INT64_MIN. */
SC_INLINE int64_t sc_floordiv(int64_t a, int64_t b, DType t)
{
    a = sc_wrap(a, t);
    b = sc_wrap(b, t);
    if (b == 0)
        return 0;
    if (b == -1)
        return (int64_t)(0u - (uint64_t)a);
    int64_t q = a / b;
    return a % b != 0 && (a < 0) != (b < 0) ? q - 1 : q;
}

/* Floor modulo in type t (Python's %): the sign of b; a % 0 is a, so that
 * a == (a // b) * b + a % b always holds. */
SC_INLINE int64_t sc_mod(int64_t a, int64_t b, DType t)
{
    a = sc_wrap(a, t);
    b = sc_wrap(b, t);
    if (b == 0)
        return a;
    if (b == -1)
        return 0;
    int64_t r = a % b;
    return r != 0 && (r < 0) != (b < 0) ? r + b : r;
}

/* 1 when the sign bit of a is set (-0.0 and NaNs with the sign bit too). */
SC_INLINE float sc_signbit(float a)
{
    return signbit(a) ? 1.0f : 0.0f;
}

/* floor(log2 |a|) exactly, subnormals included, as a float: 0 gives
 * -2^31 and inf and NaN 2^31 (which an i32 cast saturates to INT32_MIN and
 * INT32_MAX). */
SC_INLINE float sc_exponent(float a)
{
    uint32_t u;
    memcpy(&u, &a, sizeof u);
    u &= 0x7fffffffu;
    if (u == 0)
        return -2147483648.0f;
    if (u >= 0x7f800000u)
        return 2147483648.0f;
    int e = (int)(u >> 23);
    if (e == 0) /* subnormal: m * 2^-149 */
        return (float)(31 - __builtin_clz(u) - 149);
    return (float)(e - 127);
}

/* a * 2^b for an integral b: exact (one rounding, to a subnormal, zero or
 * infinity only); b is clamped to [-512, 512], which changes no result,
 * and a NaN b counts as 0. */
SC_INLINE float sc_ldexp(float a, float b)
{
    int n = b != b ? 0 : b > 512.0f ? 512 : b < -512.0f ? -512 : (int)b;
    return ldexpf(a, n);
}

/* An op on a class it is not defined on (SC_NONE in ops.h): the verifier
 * rejects such nodes, so reaching it is a broken invariant. */
SC_INLINE int sc_none(void)
{
    IR_ASSERT(!"op not defined on this class of values (ops.h)");
    return 0;
}
#define SC_NONE sc_none()

/* ---- unary, binary: ops.h's f and i columns ---------------------------------- */

/* Float unary ops in f32 (ops.h, column f). */
SC_INLINE float sc_unary_f(IrUnary k, float a)
{
    switch (k) {
#define X(ID, name, sn, dom, flags, f, i, ...) case UN_##ID: return (f);
    IR_UNARY_OPS(X)
#undef X
    default: IR_ASSERT(!"bad unary op");
    }
    return 0;
}

/* Integer and bool unary ops on int64 (column i): neg and abs wrap
 * (abs(INT64_MIN) stays), not is logical. */
SC_INLINE int64_t sc_unary_i(IrUnary k, int64_t a)
{
    switch (k) {
#define X(ID, name, sn, dom, flags, f, i, ...) case UN_##ID: return (i);
    IR_UNARY_OPS(X)
#undef X
    default: IR_ASSERT(!"bad unary op");
    }
    return 0;
}

/* Float arithmetic (OPC_ARITH, float result) in f32. */
SC_INLINE float sc_binary_f(IrBinary k, float a, float b)
{
    switch (k) {
#define X(ID, name, sn, cls, dom, flags, f, i, ...) \
    case BIN_##ID: return cls == OPC_ARITH ? (float)(f) : (float)SC_NONE;
    IR_BINARY_OPS(X)
#undef X
    default: IR_ASSERT(!"bad binary op");
    }
    return 0;
}

/* Comparisons of floats (OPC_COMPARE; IEEE: NaN compares unequal), bool
 * result. */
SC_INLINE int64_t sc_compare_f(IrBinary k, float a, float b)
{
    switch (k) {
#define X(ID, name, sn, cls, dom, flags, f, i, ...) \
    case BIN_##ID: return cls == OPC_COMPARE ? (int64_t)(f) : (int64_t)SC_NONE;
    IR_BINARY_OPS(X)
#undef X
    default: IR_ASSERT(!"bad binary op");
    }
    return 0;
}

/* Integer/bool ops on int64 (column i): + - * wrap modulo 2^64 (through
 * uint64, no UB); comparisons and logic give 0/1; shifts, // and % wrap
 * their operands to t first.  t is the node's dtype: for arithmetic, the
 * operands' dtype in the graph IR (a kernel's temps hold integers as i64,
 * so kernels pass the op's own dtype, never its operands'). */
SC_INLINE int64_t sc_binary_i(IrBinary k, int64_t a, int64_t b, DType t)
{
    switch (k) {
#define X(ID, name, sn, cls, dom, flags, f, i, ...) case BIN_##ID: return (i);
    IR_BINARY_OPS(X)
#undef X
    default: IR_ASSERT(!"bad binary op");
    }
    return 0;
}

/* ---- casts and rounding ------------------------------------------------------- */

/* The value `to(x, t)` for a float type t (dt_round_float; f32: x). */
SC_INLINE float sc_round_float(float x, DType t)
{
    return t == DT_F32 ? x : dt_round_float(x, t);
}

/* The clamp bound of a saturating cast to float type t (hoist it out of
 * loops: dt_max_finite is not inline). */
SC_INLINE float sc_sat_bound(DType t)
{
    return (float)dt_max_finite(t);
}

/* Float -> float cast; saturating: clamp to [-m, m] (m = sc_sat_bound(t))
 * first, NaN stays NaN. */
SC_INLINE float sc_cast_ff(float x, DType t)
{
    return sc_round_float(x, t);
}
SC_INLINE float sc_cast_ff_sat(float x, DType t, float m)
{
    return sc_round_float(x > m ? m : x < -m ? -m : x, t);
}

/* Float -> integer or bool: bool is x != 0 (NaN gives 1), else truncate and
 * saturate, NaN -> 0 (dt_float_to_int). */
SC_INLINE int64_t sc_cast_fi(float x, DType t)
{
    return t == DT_BOOL ? x != 0.0f : dt_float_to_int(x, t);
}

/* Integer -> float: (float)x, then rounded to t. */
SC_INLINE float sc_cast_if(int64_t x, DType t)
{
    return sc_round_float((float)x, t);
}

/* Integer -> integer: wraps like a C cast; bool: x != 0 (dt_int_to_int). */
SC_INLINE int64_t sc_cast_ii(int64_t x, DType t)
{
    return dt_int_to_int(x, t);
}

/* bitcast from dtype `from` to t (same width, neither bool): the storage
 * bits of the value in `from` (a float rounded to it as a store does; an
 * integer wrapped to it) read as t (a float decoded; an integer
 * sign-extended when t is signed).  Float and integer values in and out:
 * the _f/_i suffixes name the classes of the operand and the result. */
SC_INLINE int64_t sc_bitcast_fi(float x, DType from, DType t)
{
    return dt_int_to_int((int64_t)dt_float_bits(x, from), t);
}
SC_INLINE float sc_bitcast_if(int64_t x, DType t)
{
    return dt_float_from_bits((uint64_t)x, t);
}
SC_INLINE float sc_bitcast_ff(float x, DType from, DType t)
{
    return dt_float_from_bits(dt_float_bits(x, from), t);
}
SC_INLINE int64_t sc_bitcast_ii(int64_t x, DType t)
{
    return sc_wrap(x, t);
}

/* A value as stored into a buffer / graph output of dtype t: floats rounded
 * to t, integers wrapped to t, bools x != 0. */
SC_INLINE float sc_store_f(float x, DType t)
{
    return sc_round_float(x, t);
}
SC_INLINE int64_t sc_store_i(int64_t x, DType t)
{
    return t == DT_I64 ? x : dt_int_to_int(x, t);
}

/* ---- reductions --------------------------------------------------------------- */

/* The max/min fold rule, the same everywhere: folding x into accumulator s
 * takes x when x is NaN or strictly beyond s.  So NaN sticks (nothing
 * compares beyond NaN; a later NaN replaces an earlier one) and on ties the
 * accumulator is kept (-0 vs 0: the earlier one). */
#define SC_FOLD_MAX(s, x) ((x) != (x) || (x) > (s))
#define SC_FOLD_MIN(s, x) ((x) != (x) || (x) < (s))

/* Identity of reduction k (ops.h, columns fid and iid): 0 for sum/mean,
 * -inf / +inf for max / min on floats, INT64_MIN / INT64_MAX on integers. */
SC_INLINE float sc_red_identity_f(IrReduce k)
{
    switch (k) {
#define X(ID, name, sn, dom, flags, fid, iid, ...) case RED_##ID: return (fid);
    IR_REDUCE_OPS(X)
#undef X
    default: IR_ASSERT(!"bad reduction");
    }
    return 0;
}
SC_INLINE int64_t sc_red_identity_i(IrReduce k)
{
    switch (k) {
#define X(ID, name, sn, dom, flags, fid, iid, ...) case RED_##ID: return (iid);
    IR_REDUCE_OPS(X)
#undef X
    default: IR_ASSERT(!"bad reduction");
    }
    return 0;
}

/* The interpreter's float accumulator: f64 (sums are then rounded once;
 * max/min are exact in f64).  Column f with s in f64. */
SC_INLINE void sc_fold_f64(IrReduce k, double *acc, float x)
{
    double s = *acc;
    switch (k) {
#define X(ID, name, sn, dom, flags, fid, iid, f, ...) case RED_##ID: *acc = (f); return;
    IR_REDUCE_OPS(X)
#undef X
    default: IR_ASSERT(!"bad reduction");
    }
    (void)s;
}

/* Kernel reductions in f32: combine(s, x) folds x into s (s is the
 * accumulator or the own lane's value, x the next element or the partner
 * lane's value).  Sum and mean add in f32. */
SC_INLINE float sc_red_combine_f(IrReduce k, float s, float x)
{
    switch (k) {
#define X(ID, name, sn, dom, flags, fid, iid, f, ...) case RED_##ID: return (f);
    IR_REDUCE_OPS(X)
#undef X
    default: IR_ASSERT(!"bad reduction");
    }
    return 0;
}

/* Integer reductions (interpreter and kernels, column i): sums wrap
 * modulo 2^64. */
SC_INLINE int64_t sc_red_combine_i(IrReduce k, int64_t s, int64_t x)
{
    switch (k) {
#define X(ID, name, sn, dom, flags, fid, iid, f, i, ...) case RED_##ID: return (i);
    IR_REDUCE_OPS(X)
#undef X
    default: IR_ASSERT(!"bad reduction");
    }
    return 0;
}

#endif
