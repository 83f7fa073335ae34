/* interp.h - the reference interpreter: the oracle every later stage is
 * checked against.
 *
 * Executes a graph node by node, unfused, on the CPU, with the language's
 * semantics: float values as f32 (each op's result rounded to f32 exactly as
 * C float arithmetic does; reductions accumulate in f64 then round once),
 * integers and bools as int64, rounding to narrow types only at IR_CAST and
 * when outputs are stored.
 *
 * Buffers hold values, not storage bits: a float tensor of any float dtype
 * is an array of f32 holding values exactly representable in its dtype (the
 * caller rounds inputs with dt_round_float); integer and bool tensors are
 * arrays of int64.  Element order is dense row-major in the value's shape. */
#ifndef SINTER_INTERP_H
#define SINTER_INTERP_H

#include "ir.h"

typedef struct {
    DType dtype;
    int rank;
    int64_t shape[IR_MAX_RANK];
    int64_t numel;
    float *f;   /* float dtypes */
    int64_t *i; /* integer and bool dtypes */
} IrBuf;

/* Allocate a zeroed buffer of the given type (malloc); false on overflow or
 * out of memory. */
bool ir_buf_alloc(IrBuf *b, DType t, int rank, const int64_t *shape);
void ir_buf_free(IrBuf *b);
/* dst = a new buffer (ir_buf_alloc) holding a copy of src; false on out of
 * memory (dst left empty). */
bool ir_buf_copy(IrBuf *dst, const IrBuf *src);
/* Fills integer buffer b as a scatter index into `rows` rows (random and
 * test inputs): distinct rows, a random permutation's prefix drawn with
 * next(state); every fifth element -1 and every seventh from the sixth
 * past the end (both skipped rows); -1 once the rows run out. */
void ir_fill_scatter_index(IrBuf *b, int64_t rows, uint64_t (*next)(uint64_t *),
                           uint64_t *state);

/* Run g.  symvals[k] is the value of symbol k (every free one bound by the
 * caller; derived symbols are computed from them, whatever symvals says).
 * inputs[k] matches params[k] in dtype and evaluated shape (checked: a
 * mismatch is reported as an error naming the parameter).  outputs must
 * have room for g->nout buffers; they are allocated here (free with
 * ir_buf_free) and hold values rounded to each output's dtype.  An output
 * written into a parameter (IrGraph.out_dest) holds that parameter's final
 * value instead: inputs[p] with the writes of every destination into p
 * applied, after every value was computed (functional semantics: reads see
 * the inputs as at launch); a scatter skips rows whose index is out of
 * range, and an element written twice (a repeated scatter row) is an
 * error.  inputs are never written.  Run-time
 * errors (gather index out of range, sizes too large) are reported in d and
 * return false with no outputs allocated. */
bool ir_interp(const IrGraph *g, const int64_t *symvals, const IrBuf *inputs,
               IrBuf *outputs, Diag *d);

/* The graph run by `world` ranks at once (a simulated communicator, for
 * graphs with all_reduce; ir_interp is world 1).  inputs[r * nparam + k]
 * is rank r's value of parameter k, outputs[r * nout + o] rank r's output
 * o; everything else is ir_interp's contract, per rank.  Every rank runs
 * the same graph with the same sizes; at an all_reduce node every rank
 * gets s = x_0 + x_1 + ... + x_{world-1}, added left to right in f32
 * (x_r: rank r's operand).  world is 1 .. IR_MAX_WORLD. */
#define IR_MAX_WORLD 64
bool ir_interp_world(const IrGraph *g, const int64_t *symvals, int world, const IrBuf *inputs,
                     IrBuf *outputs, Diag *d);

#endif
