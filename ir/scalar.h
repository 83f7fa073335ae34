/* scalar.h - the language's scalar semantics on one element, shared by the
 * reference interpreter (interp.c) and the kernel-IR executor (kexec.c) so
 * that the two can never diverge.  Internal to ir/ (not a public API), but
 * codegen mirrors these definitions op for op.
 *
 * Value classes (ir.h, interp.h): float values are f32 whatever their
 * nominal dtype; integer and bool values are int64 (bools 0 or 1).
 *
 * Every function is `static inline` and forced inline: the interpreter's
 * loops call them with a constant op kind inside a per-kind loop, so the
 * switch folds away and the loops stay as tight as hand-written ones.
 * Passing an op kind a class does not define (e.g. UN_SIN on integers, or
 * an integer BIN_DIV) is a broken invariant: IR_ASSERT. */
#ifndef SINTER_SCALAR_H
#define SINTER_SCALAR_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

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

/* ---- unary ------------------------------------------------------------------- */

/* Float unary ops in f32 with these libm functions. */
SC_INLINE float sc_unary_f(IrUnary k, float a)
{
    switch (k) {
    case UN_NEG: return -a;
    case UN_ABS: return fabsf(a);
    case UN_EXP: return expf(a);
    case UN_EXP2: return exp2f(a);
    case UN_LOG: return logf(a);
    case UN_LOG2: return log2f(a);
    case UN_SQRT: return sqrtf(a);
    case UN_RSQRT: return 1.0f / sqrtf(a);
    case UN_SIN: return sinf(a);
    case UN_COS: return cosf(a);
    case UN_TANH: return tanhf(a);
    case UN_SIGMOID: return 1.0f / (1.0f + expf(-a));
    case UN_ERF: return erff(a);
    case UN_FLOOR: return floorf(a);
    case UN_CEIL: return ceilf(a);
    case UN_ROUND: return nearbyintf(a); /* default mode: half to even */
    default: IR_ASSERT(!"unary op not defined on floats");
    }
    return 0;
}

/* Integer and bool unary ops: neg and abs wrap (abs(INT64_MIN) stays),
 * not is logical. */
SC_INLINE int64_t sc_unary_i(IrUnary k, int64_t a)
{
    uint64_t u = (uint64_t)a;
    switch (k) {
    case UN_NEG: return (int64_t)(0u - u);
    case UN_ABS: return a < 0 ? (int64_t)(0u - u) : a;
    case UN_NOT: return a == 0;
    default: IR_ASSERT(!"unary op not defined on integers");
    }
    return 0;
}

/* ---- binary ------------------------------------------------------------------ */

/* Float arithmetic (float result) in f32. */
SC_INLINE float sc_binary_f(IrBinary k, float a, float b)
{
    switch (k) {
    case BIN_ADD: return a + b;
    case BIN_SUB: return a - b;
    case BIN_MUL: return a * b;
    case BIN_DIV: return a / b;
    case BIN_MAX: return sc_max_nan(a, b);
    case BIN_MIN: return sc_min_nan(a, b);
    case BIN_POW: return powf(a, b);
    default: IR_ASSERT(!"not a float arithmetic op");
    }
    return 0;
}

/* Comparisons of floats (IEEE: NaN compares unequal), bool result. */
SC_INLINE int64_t sc_compare_f(IrBinary k, float a, float b)
{
    switch (k) {
    case BIN_LT: return a < b;
    case BIN_LE: return a <= b;
    case BIN_GT: return a > b;
    case BIN_GE: return a >= b;
    case BIN_EQ: return a == b;
    case BIN_NE: return a != b;
    default: IR_ASSERT(!"not a float comparison");
    }
    return 0;
}

/* Integer/bool ops on int64: + - * wrap modulo 2^64 (through uint64, no
 * UB); comparisons and logic give 0/1. */
SC_INLINE int64_t sc_binary_i(IrBinary k, int64_t a, int64_t b)
{
    switch (k) {
    case BIN_ADD: return (int64_t)((uint64_t)a + (uint64_t)b);
    case BIN_SUB: return (int64_t)((uint64_t)a - (uint64_t)b);
    case BIN_MUL: return (int64_t)((uint64_t)a * (uint64_t)b);
    case BIN_MAX: return a < b ? b : a;
    case BIN_MIN: return b < a ? b : a;
    case BIN_LT: return a < b;
    case BIN_LE: return a <= b;
    case BIN_GT: return a > b;
    case BIN_GE: return a >= b;
    case BIN_EQ: return a == b;
    case BIN_NE: return a != b;
    case BIN_AND: return a != 0 && b != 0;
    case BIN_OR: return a != 0 || b != 0;
    default: IR_ASSERT(!"integer div/pow are not produced by the front end");
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

/* Identity of reduction k: 0 for sum/mean, -inf / +inf for max / min on
 * floats, INT64_MIN / INT64_MAX on integers. */
SC_INLINE float sc_red_identity_f(IrReduce k)
{
    return k == RED_MAX ? -INFINITY : k == RED_MIN ? INFINITY : 0.0f;
}
SC_INLINE int64_t sc_red_identity_i(IrReduce k)
{
    return k == RED_MAX ? INT64_MIN : k == RED_MIN ? INT64_MAX : 0;
}

/* The interpreter's float accumulator: f64 (sums are then rounded once;
 * max/min are exact in f64). */
SC_INLINE void sc_fold_f64(IrReduce k, double *s, float x)
{
    if (k == RED_SUM || k == RED_MEAN)
        *s += x;
    else if (k == RED_MAX ? SC_FOLD_MAX(*s, x) : SC_FOLD_MIN(*s, x))
        *s = x;
}

/* Kernel reductions in f32: combine(s, x) folds x into s (s is the
 * accumulator or the own lane's value, x the next element or the partner
 * lane's value).  Sum and mean add in f32. */
SC_INLINE float sc_red_combine_f(IrReduce k, float s, float x)
{
    if (k == RED_SUM || k == RED_MEAN)
        return s + x;
    return (k == RED_MAX ? SC_FOLD_MAX(s, x) : SC_FOLD_MIN(s, x)) ? x : s;
}

/* Integer reductions (interpreter and kernels): sums wrap modulo 2^64. */
SC_INLINE int64_t sc_red_combine_i(IrReduce k, int64_t s, int64_t x)
{
    if (k == RED_SUM || k == RED_MEAN)
        return (int64_t)((uint64_t)s + (uint64_t)x);
    return (k == RED_MAX ? x > s : x < s) ? x : s;
}

#endif
