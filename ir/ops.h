/* ops.h - the one table of ops: every fact about an op that is a plain
 * mapping (its name, arity, class, flags, what it computes on the host and
 * how codegen spells it) is one row here, in the style of QBE's ops.h.
 * Everything else reads the rows: ir.h generates IrOp, IrUnary, IrBinary
 * and IrReduce; graph.c the names; scalar.h the host semantics the
 * reference interpreter and the kernel executor share; verify.c the class
 * rules; cse.c and simplify.c the algebraic flags.  docs/adding-an-op.md
 * walks through adding a row.
 *
 * Use: define X with the table's columns, expand the table, undefine X.
 * Self-contained (macros only); includes the dtype table (dtypes.h).
 *
 * Semantics columns (f, i) are C expressions over the operands `a` (and
 * `b`; for reductions the accumulator `s` and the next value `x`):
 *   f  on float values: f32 in, f32 out (comparisons: 0/1)
 *   i  on integer and bool values: int64 in, int64 out, wrapping through
 *      uint64 (no undefined behaviour); bools are 0/1.  Binary rows may
 *      also read `t`, the node's DType (arithmetic: the operands' dtype): the ops that do not commute
 *      with wrapping (shifts, // and %) wrap their operands to t first
 * SC_NONE marks a class the op is not defined on (the verifier rejects
 * such nodes; evaluating one is a broken invariant).  scalar.h defines the
 * helpers the expressions call (sc_max_nan, ...).
 *
 * Codegen columns (cf, ci) are printf templates of the device expression,
 * one %s per operand in order, for float and integer/bool operands: the
 * spellings of codegen/emit.c and the functions of codegen/prelude.cuh.
 * A binary template's third %s, where it has one, is the operands' dtype
 * as "bits, signed" (the integer ops that read t).
 * NULL where the op is not defined on that class. */
#ifndef SINTER_OPS_H
#define SINTER_OPS_H

#include "dtypes.h"

/* Operand classes an op is defined on (dom column). */
#define OPD_F 1 /* float */
#define OPD_I 2 /* integer (i8 i16 i32 i64 u8 u16 u32) */
#define OPD_B 4 /* bool */

/* Flags the passes use.  "Equal" means bit-identical results, except that
 * an operation of two NaNs may return either NaN's payload. */
#define OPF_COMMUTATIVE 1 /* op(a, b) equals op(b, a): CSE merges both orders */
#define OPF_IDEMPOTENT 2  /* unary: op(op(a)) equals op(a) */
#define OPF_INVOLUTION 4  /* unary: op(op(a)) equals a */
#define OPF_MEAN 8        /* reduction: the sum divided by the count */
#define OPF_SELECT 16     /* reduction: the result is one of the values folded
                             (exact in any accumulator; an error over nothing) */

/* Binary op classes (cls column). */
#define OPC_ARITH 0   /* result of the operands' dtype */
#define OPC_COMPARE 1 /* operands of one class, bool result */
#define OPC_LOGIC 2   /* bool operands and result */

/* Graph IR op kinds (cls column of IR_OPS). */
#define OPK_LEAF 0      /* no operands */
#define OPK_POINTWISE 1 /* operands and result of one shape, element by element */
#define OPK_REDUCE 2
#define OPK_LAYOUT 3    /* moves elements, computes nothing */
#define OPK_COLLECTIVE 4 /* combines the value across the ranks of a communicator */

/* Graph IR op kinds: IR_<ID>.  arity: operand count, -1 for one or more.
 *  X(ID,     name,     arity, cls) */
#define IR_OPS(X)                             \
    X(INPUT,  "input",  0,     OPK_LEAF)      \
    X(CONST,  "const",  0,     OPK_LEAF)      \
    X(UNARY,  "unary",  1,     OPK_POINTWISE) \
    X(BINARY, "binary", 2,     OPK_POINTWISE) \
    X(WHERE,  "where",  3,     OPK_POINTWISE) \
    X(CAST,   "cast",   1,     OPK_POINTWISE) \
    X(REDUCE, "reduce", 1,     OPK_REDUCE)    \
    X(VIEW,   "view",   1,     OPK_LAYOUT)    \
    X(CAT,    "cat",    -1,    OPK_LAYOUT)    \
    X(GATHER, "gather", 2,     OPK_LAYOUT)    \
    X(IOTA,   "iota",   0,     OPK_LEAF)      \
    X(ALLREDUCE, "all_reduce", 1,  OPK_COLLECTIVE)

/* Unary ops: UN_<ID>.  name: as printed (and the .sn builtin unless sn
 * says otherwise); sn: the .sn spelling (an operator, or NULL when the
 * front end does not offer it directly).
 *  X(ID,      name,      sn,        dom,           flags,          f,                        i,                                       cf,               ci) */
#define IR_UNARY_OPS(X)                                                                                                                                                       \
    X(NEG,     "neg",     "-",       OPD_F | OPD_I, OPF_INVOLUTION, -a,                       (int64_t)(0u - (uint64_t)a),             "-(%s)",          "sn_ineg(%s)")       \
    X(NOT,     "not",     "!",       OPD_B,         OPF_INVOLUTION, SC_NONE,                  a == 0,                                  NULL,             "(sn_i64)(%s == 0)") \
    X(ABS,     "abs",     "abs",     OPD_F | OPD_I, OPF_IDEMPOTENT, fabsf(a),                 a < 0 ? (int64_t)(0u - (uint64_t)a) : a, "fabsf(%s)",      "sn_iabs(%s)")       \
    X(EXP,     "exp",     "exp",     OPD_F,         0,              expf(a),                  SC_NONE,                                 "expf(%s)",       NULL)                \
    X(EXP2,    "exp2",    "exp2",    OPD_F,         0,              exp2f(a),                 SC_NONE,                                 "exp2f(%s)",      NULL)                \
    X(LOG,     "log",     "log",     OPD_F,         0,              logf(a),                  SC_NONE,                                 "logf(%s)",       NULL)                \
    X(LOG2,    "log2",    "log2",    OPD_F,         0,              log2f(a),                 SC_NONE,                                 "log2f(%s)",      NULL)                \
    X(SQRT,    "sqrt",    "sqrt",    OPD_F,         0,              sqrtf(a),                 SC_NONE,                                 "sqrtf(%s)",      NULL)                \
    X(RSQRT,   "rsqrt",   "rsqrt",   OPD_F,         0,              1.0f / sqrtf(a),          SC_NONE,                                 "sn_rsqrt(%s)",   NULL)                \
    X(SIN,     "sin",     "sin",     OPD_F,         0,              sinf(a),                  SC_NONE,                                 "sinf(%s)",       NULL)                \
    X(COS,     "cos",     "cos",     OPD_F,         0,              cosf(a),                  SC_NONE,                                 "cosf(%s)",       NULL)                \
    X(TANH,    "tanh",    "tanh",    OPD_F,         0,              tanhf(a),                 SC_NONE,                                 "tanhf(%s)",      NULL)                \
    X(SIGMOID, "sigmoid", "sigmoid", OPD_F,         0,              1.0f / (1.0f + expf(-a)), SC_NONE,                                 "sn_sigmoid(%s)", NULL)                \
    X(ERF,     "erf",     "erf",     OPD_F,         0,              erff(a),                  SC_NONE,                                 "erff(%s)",       NULL)                \
    X(FLOOR,   "floor",   "floor",   OPD_F,         OPF_IDEMPOTENT, floorf(a),                SC_NONE,                                 "floorf(%s)",     NULL)                \
    X(CEIL,    "ceil",    "ceil",    OPD_F,         OPF_IDEMPOTENT, ceilf(a),                 SC_NONE,                                 "ceilf(%s)",      NULL)                \
    /* half to even, as torch.round (nearbyintf in the default rounding mode) */                                                                                              \
    X(ROUND,   "round",   "round",   OPD_F,         OPF_IDEMPOTENT, nearbyintf(a),            SC_NONE,                                 "rintf(%s)",      NULL)                \
    /* bitwise not; on bools the front end uses not */                                                                                                                        \
    X(BNOT,    "bnot",    "~",       OPD_I,         OPF_INVOLUTION, SC_NONE,                  ~a,                                      NULL,             "(~%s)")             \
    /* 1 when the sign bit is set (-0, negative NaN), else 0; the front end casts to bool */                                                                                  \
    X(SIGNBIT, "signbit", NULL,      OPD_F,         0,              sc_signbit(a),            SC_NONE,                                 "sn_signbit(%s)", NULL)                \
    /* floor(log2|a|) as a float (0: -2^31, inf and NaN: 2^31); the front end casts to i32 */                                                                                 \
    X(EXPONENT, "exponent", NULL,    OPD_F,         0,              sc_exponent(a),           SC_NONE,                                 "sn_exponent(%s)", NULL)                \
    /* 2^floor(log2|x|) with x's sign (dt_pow2_floor); no builtin of its own:  \
     * to(x, f8e8m0, floor=true) is a cast of it (OCP's floor scale) */                                                                                                        \
    X(POW2_FLOOR, "pow2_floor", NULL,    OPD_F,         OPF_IDEMPOTENT, dt_pow2_floor(a),         SC_NONE,                                 "sn_pow2_floor(%s)", NULL)

/* Binary ops: BIN_<ID>.  dom: the operands' classes (both operands have
 * one class); cls: OPC_*.  max/min propagate NaN (torch.maximum); the
 * float form returns the first operand on ties, so they are not
 * commutative (max(-0, 0) is -0, max(0, -0) is 0).  Integer div and pow
 * are not produced by the front end (true division yields float).
 *  X(ID,  name,  sn,    cls,         dom,                   flags,           f,                i,                                    cf,                   ci) */
#define IR_BINARY_OPS(X)                                                                                                                                                                    \
    X(ADD, "add", "+",   OPC_ARITH,   OPD_F | OPD_I,         OPF_COMMUTATIVE, a + b,            (int64_t)((uint64_t)a + (uint64_t)b), "%s + %s",            "sn_iadd(%s, %s)")              \
    X(SUB, "sub", "-",   OPC_ARITH,   OPD_F | OPD_I,         0,               a - b,            (int64_t)((uint64_t)a - (uint64_t)b), "%s - %s",            "sn_isub(%s, %s)")              \
    X(MUL, "mul", "*",   OPC_ARITH,   OPD_F | OPD_I,         OPF_COMMUTATIVE, a * b,            (int64_t)((uint64_t)a * (uint64_t)b), "%s * %s",            "sn_imul(%s, %s)")              \
    X(DIV, "div", "/",   OPC_ARITH,   OPD_F,                 0,               a / b,            SC_NONE,                              "sn_div(%s, %s)",     NULL)                           \
    X(MAX, "max", "max", OPC_ARITH,   OPD_F | OPD_I,         0,               sc_max_nan(a, b), a < b ? b : a,                        "sn_max(%s, %s)",     "sn_imax(%s, %s)")              \
    X(MIN, "min", "min", OPC_ARITH,   OPD_F | OPD_I,         0,               sc_min_nan(a, b), b < a ? b : a,                        "sn_min(%s, %s)",     "sn_imin(%s, %s)")              \
    X(POW, "pow", "pow", OPC_ARITH,   OPD_F,                 0,               powf(a, b),       SC_NONE,                              "powf(%s, %s)",       NULL)                           \
    X(LT,  "lt",  "<",   OPC_COMPARE, OPD_F | OPD_I,         0,               a < b,            a < b,                                "(sn_i64)(%s < %s)",  "(sn_i64)(%s < %s)")            \
    X(LE,  "le",  "<=",  OPC_COMPARE, OPD_F | OPD_I,         0,               a <= b,           a <= b,                               "(sn_i64)(%s <= %s)", "(sn_i64)(%s <= %s)")           \
    X(GT,  "gt",  ">",   OPC_COMPARE, OPD_F | OPD_I,         0,               a > b,            a > b,                                "(sn_i64)(%s > %s)",  "(sn_i64)(%s > %s)")            \
    X(GE,  "ge",  ">=",  OPC_COMPARE, OPD_F | OPD_I,         0,               a >= b,           a >= b,                               "(sn_i64)(%s >= %s)", "(sn_i64)(%s >= %s)")           \
    X(EQ,  "eq",  "==",  OPC_COMPARE, OPD_F | OPD_I | OPD_B, OPF_COMMUTATIVE, a == b,           a == b,                               "(sn_i64)(%s == %s)", "(sn_i64)(%s == %s)")           \
    X(NE,  "ne",  "!=",  OPC_COMPARE, OPD_F | OPD_I | OPD_B, OPF_COMMUTATIVE, a != b,           a != b,                               "(sn_i64)(%s != %s)", "(sn_i64)(%s != %s)")           \
    X(AND, "and", "&&",  OPC_LOGIC,   OPD_B,                 OPF_COMMUTATIVE, SC_NONE,          a != 0 && b != 0,                     NULL,                 "(sn_i64)(%s != 0 && %s != 0)") \
    X(OR,  "or",  "||",  OPC_LOGIC,   OPD_B,                 OPF_COMMUTATIVE, SC_NONE,          a != 0 || b != 0,                     NULL,                 "(sn_i64)(%s != 0 || %s != 0)") \
    X(BAND, "band", "&", OPC_ARITH,   OPD_I | OPD_B,         OPF_COMMUTATIVE, SC_NONE,          a & b,                                NULL,                 "(%s & %s)")                    \
    X(BOR, "bor", "|",   OPC_ARITH,   OPD_I | OPD_B,         OPF_COMMUTATIVE, SC_NONE,          a | b,                                NULL,                 "(%s | %s)")                    \
    X(BXOR, "bxor", "^", OPC_ARITH,   OPD_I | OPD_B,         OPF_COMMUTATIVE, SC_NONE,          a ^ b,                                NULL,                 "(%s ^ %s)")                    \
    X(SHL, "shl", "<<",  OPC_ARITH,   OPD_I,                 0,               SC_NONE,          sc_shl(a, b, t),                      NULL,                 "sn_ishl(%s, %s, %s)")          \
    X(SHR, "shr", ">>",  OPC_ARITH,   OPD_I,                 0,               SC_NONE,          sc_shr(a, b, t),                      NULL,                 "sn_ishr(%s, %s, %s)")          \
    X(FLOORDIV, "floordiv", "//", OPC_ARITH, OPD_I,          0,               SC_NONE,          sc_floordiv(a, b, t),                 NULL,                 "sn_ifloordiv(%s, %s, %s)")     \
    X(MOD, "mod", "%",   OPC_ARITH,   OPD_I,                 0,               SC_NONE,          sc_mod(a, b, t),                      NULL,                 "sn_imod(%s, %s, %s)")          \
    /* a * 2^b for an integral b (the front end converts the integer exponent to f32) */                                                                                            \
    X(LDEXP, "ldexp", "ldexp", OPC_ARITH, OPD_F,             0,               sc_ldexp(a, b),   SC_NONE,                              "sn_ldexp(%s, %s)",   NULL)

/* Reductions: RED_<ID>.  f and i fold the next value x into the
 * accumulator s (the reference interpreter folds floats in f64, kernels
 * in f32: f is written for either); fid/iid: the identity.  Max/min
 * propagate NaN and keep the earlier value on ties (SC_FOLD_MAX).
 *  X(ID,   name,   sn,     dom,                   flags,      fid,       iid,       f,                         i,                                    cf,                    ci,                     cfid,                  ciid) */
#define IR_REDUCE_OPS(X)                                                                                                                                                                                                                                     \
    X(SUM,  "sum",  "sum",  OPD_F | OPD_I | OPD_B, 0,          0.0f,      0,         s + x,                     (int64_t)((uint64_t)s + (uint64_t)x), "%s + %s",             "sn_iadd(%s, %s)",      "0.0f",                "0")                             \
    X(MEAN, "mean", "mean", OPD_F,                 OPF_MEAN,   0.0f,      0,         s + x,                     SC_NONE,                              "%s + %s",             NULL,                   "0.0f",                NULL)                            \
    X(MAX,  "max",  "amax", OPD_F | OPD_I | OPD_B, OPF_SELECT, -INFINITY, INT64_MIN, SC_FOLD_MAX(s, x) ? x : s, x > s ? x : s,                        "sn_fold_max(%s, %s)", "sn_ifold_max(%s, %s)", "sn_u2f(0xff800000u)", "(sn_i64)0x8000000000000000ull") \
    X(MIN,  "min",  "amin", OPD_F | OPD_I | OPD_B, OPF_SELECT, INFINITY,  INT64_MAX, SC_FOLD_MIN(s, x) ? x : s, x < s ? x : s,                        "sn_fold_min(%s, %s)", "sn_ifold_min(%s, %s)", "sn_u2f(0x7f800000u)", "(sn_i64)0x7fffffffffffffffll")

#endif
