/* npy.h - read and write NumPy .npy files (the driver's tensor I/O).
 *
 * Contract.  npy_read / npy_read_mem accept format versions 1.0, 2.0 and 3.0
 * holding a C-order array of one of the dtypes f2 f4 f8, i1 i2 i4 i8,
 * u1 u2 u4 u8, b1 with byte order '<' or '|' (and '>', which is byte-swapped
 * on load).  fortran_order True is accepted only when it lays the data out
 * exactly as C order would (at most one dimension > 1); otherwise it is an
 * error.  The header dict is parsed as the Python literal subset numpy
 * writes (keys in any order, ' or " quotes, any spacing, optional trailing
 * commas, `()`, `(5,)`, `(5)`, `(3L, 4L)`); rank is at most NPY_MAX_RANK.
 * The data must be exactly what the header describes: a short file is
 * "truncated", extra bytes after the data are an error too.  Sizes are
 * checked against the bytes actually present before anything is allocated,
 * so a lying header can never cause a large allocation.  On failure the
 * function returns false, leaves *out zeroed and writes a one-line message
 * (prefixed by the path for npy_read) into err; it never aborts.  On success
 * out->data is malloc'd (never NULL, even for 0 elements), native
 * little-endian, C order; release it with npy_free.  npy_write writes a
 * version 1.0 file byte-identical to numpy's np.save for the same array
 * (descr '<f4', '|u1', '|b1', ...; header padded with spaces and a '\n' so
 * the data starts at a multiple of 64 bytes).  Bool data is written as
 * given (it should be 0/1 bytes).  The host must be little-endian. */
#ifndef SINTER_NPY_H
#define SINTER_NPY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NPY_MAX_RANK 8

typedef enum { NPY_FLOAT, NPY_INT, NPY_UINT, NPY_BOOL } NpyKind;

typedef struct {
    NpyKind kind;
    int itemsize;          /* bytes: f2 f4 f8, i1 i2 i4 i8, u1 u2 u4 u8, b1 */
    int rank;              /* 0..NPY_MAX_RANK (a 0-d array is a scalar) */
    int64_t shape[NPY_MAX_RANK];
    int64_t numel;         /* product of shape (1 for rank 0) */
    void *data;            /* malloc'd, native little-endian, C order */
} NpyArray;

bool npy_read(const char *path, NpyArray *out, char *err, size_t errlen);
bool npy_read_mem(const void *bytes, size_t len, NpyArray *out, char *err,
                  size_t errlen);
/* Fails (with err set) on an invalid kind/itemsize pair, rank outside
 * 0..NPY_MAX_RANK, a negative or overflowing shape, or an I/O error; a
 * file is replaced atomically (files.h: a temporary beside it, fsync'd and
 * renamed), so a failed write leaves an existing file as it was.  data may
 * be NULL when numel is 0. */
bool npy_write(const char *path, NpyKind kind, int itemsize, int rank,
               const int64_t *shape, const void *data, char *err,
               size_t errlen);
void npy_free(NpyArray *a); /* frees data and zeroes *a; NULL-safe */

/* True if (kind, itemsize) is one of the supported dtypes. */
bool npy_valid_dtype(NpyKind kind, int itemsize);
/* Exact IEEE binary16 -> double (subnormals, +-0, +-inf, NaN). */
double npy_half_to_double(uint16_t h);
/* Element k (0 <= k < numel, flat C order) as a double: exact for float
 * kinds (f2 decoded exactly); integer kinds are converted (u8/i8 values
 * beyond 2^53 round). */
double npy_get_f64(const NpyArray *a, int64_t k);
/* Element k as an int64 for int/uint/bool kinds (bool gives 0 or 1; u8
 * values above INT64_MAX wrap to negative).  Float kinds truncate toward
 * zero, saturate to the int64 range, and give 0 for NaN. */
int64_t npy_get_i64(const NpyArray *a, int64_t k);

#endif
