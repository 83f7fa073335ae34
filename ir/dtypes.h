/* dtypes.h - the one table of storage dtypes.
 *
 * Self-contained: it defines only macros and includes nothing, so the
 * runtime (runtime/api.c) can take its dtype facts from it without the
 * other ir/ headers.  Use it X-macro style: define a macro X taking the
 * columns below, expand SN_DTYPES(X), undefine X.  Expanding a column is
 * the only thing that needs that column's identifiers (the `fmt` column
 * names FloatFormats private to ir/dtype.c; leave it unused elsewhere).
 *
 * The row order is the DType enum (ir/dtype.h) and the public sn_dtype
 * (runtime/sinter.h): the `sn` column repeats each row's position; a
 * static assertion in ir/dtype.c checks it against DType, and one per row
 * in the runtime should check it against sn_dtype (docs/adding-an-op.md).  A new dtype is a new row at the
 * end (never in the middle: bundles store these numbers).
 *
 * Columns:
 *   ID        DT_<ID> in the compiler, SN_<ID> in sinter.h
 *   name      the spelling in .sn programs, dumps, bundles and .npy errors
 *   bits      storage size in bits.  Sub-byte types (f4e2m1) pack: element
 *             2i in the low nibble of byte i, 2i+1 in the high one; ctype
 *             and dev_ctype are then the type of the byte holding two
 *   cls       SN_DTC_FLOAT, SN_DTC_INT or SN_DTC_BOOL: floats compute in f32,
 *             integers in int64 wrapping at casts and stores, bools are 0/1
 *   sgn       1 when the type has negative values (integers: two's complement;
 *             0: unsigned)
 *   maxf      largest finite value as a double (ints: the maximum, i64 2^63
 *             as the nearest double; bool 1), exact
 *   sn        the public sn_dtype value (= the row's position)
 *   ctype     host C storage type (a type name; needs <stdint.h>)
 *   dev_ctype device storage type codegen declares buffers with
 *   suffix    codegen's conversion suffix: sn_from_<suffix>, sn_to_<suffix>,
 *             sn_round_<suffix> in codegen/prelude.cuh; NULL when the value
 *             is stored as is (f32, integers, bool)
 *   fmt       the FloatFormat of a float type in ir/dtype.c (NULL else) */
#ifndef SINTER_DTYPES_H
#define SINTER_DTYPES_H

#define SN_DTC_FLOAT 0
#define SN_DTC_INT 1
#define SN_DTC_BOOL 2

/*  X(ID,        name,         bits, cls,          sgn, maxf,            sn, ctype,    dev_ctype,     suffix,     fmt) */
#define SN_DTYPES(X)                                                                                                   \
    X(F32,        "f32",        32, SN_DTC_FLOAT, 1, 0x1.fffffep127, 0,  float,    "float",       NULL,       &FMT_F32) \
    X(F16,        "f16",        16, SN_DTC_FLOAT, 1, 65504.0,        1,  uint16_t, "sn_u16",      "f16",      &FMT_F16) \
    X(BF16,       "bf16",       16, SN_DTC_FLOAT, 1, 0x1.fep127,     2,  uint16_t, "sn_u16",      "bf16",     &FMT_BF16) \
    X(F8E4M3,     "f8e4m3",     8,  SN_DTC_FLOAT, 1, 448.0,          3,  uint8_t,  "sn_u8",       "e4m3",     &FMT_E4M3) \
    X(F8E4M3FNUZ, "f8e4m3fnuz", 8,  SN_DTC_FLOAT, 1, 240.0,          4,  uint8_t,  "sn_u8",       "e4m3fnuz", &FMT_E4M3FNUZ) \
    X(F8E5M2,     "f8e5m2",     8,  SN_DTC_FLOAT, 1, 57344.0,        5,  uint8_t,  "sn_u8",       "e5m2",     &FMT_E5M2) \
    X(F8E5M2FNUZ, "f8e5m2fnuz", 8,  SN_DTC_FLOAT, 1, 57344.0,        6,  uint8_t,  "sn_u8",       "e5m2fnuz", &FMT_E5M2FNUZ) \
    X(I8,         "i8",         8,  SN_DTC_INT,   1, 127.0,          7,  int8_t,   "signed char", NULL,       NULL)     \
    X(I32,        "i32",        32, SN_DTC_INT,   1, 2147483647.0,   8,  int32_t,  "int",         NULL,       NULL)     \
    X(I64,        "i64",        64, SN_DTC_INT,   1, 0x1p63,         9,  int64_t,  "sn_i64",      NULL,       NULL)     \
    X(BOOL,       "bool",       8,  SN_DTC_BOOL,  0, 1.0,            10, uint8_t,  "sn_u8",       NULL,       NULL)     \
    X(U8,         "u8",         8,  SN_DTC_INT,   0, 255.0,          11, uint8_t,  "sn_u8",       NULL,       NULL)     \
    X(U16,        "u16",        16, SN_DTC_INT,   0, 65535.0,        12, uint16_t, "sn_u16",      NULL,       NULL)     \
    X(U32,        "u32",        32, SN_DTC_INT,   0, 4294967295.0,   13, uint32_t, "sn_u32",      NULL,       NULL)     \
    X(I16,        "i16",        16, SN_DTC_INT,   1, 32767.0,        14, int16_t,  "short",       NULL,       NULL)     \
    X(F8E8M0,     "f8e8m0",     8,  SN_DTC_FLOAT, 0, 0x1p127,        15, uint8_t,  "sn_u8",       "e8m0",     &FMT_E8M0) \
    X(F4E2M1,     "f4e2m1",     4,  SN_DTC_FLOAT, 1, 6.0,            16, uint8_t,  "sn_u8",       "e2m1",     &FMT_E2M1)

#endif
