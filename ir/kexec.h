/* kexec.h - the kernel-IR executor: runs a KProgram on the CPU exactly as
 * its schedule says, so every fused kernel can be checked against the
 * reference interpreter (interp.h) without a GPU.
 *
 * Contract.
 *  - The program is checked with kir_verify first; a program that fails it
 *    is reported (the verifier's errors) and not run.
 *  - Buffers use the interpreter's IrBuf format: values, dense row-major,
 *    f32 for float dtypes, int64 for integer and bool dtypes.  inputs[k] is
 *    the value of graph parameter k: each KB_INPUT buffer b reads
 *    inputs[b.index], which must match b's dtype and evaluated shape
 *    (checked; a mismatch is an error naming the buffer); inputs are never
 *    written.  For each KB_OUTPUT buffer b, outputs[b.index] is allocated
 *    here (ir_buf_alloc; free with ir_buf_free) with b's dtype and evaluated
 *    shape, so outputs needs room for (largest output index + 1) buffers
 *    (graph->nout when the program has a graph).  KB_TEMP buffers are
 *    allocated and freed here.  On any error no output is left allocated.
 *  - Order.  Kernels run in launch order; within a kernel, segments in
 *    order; within a segment, rows in order (row index r -> outer vars
 *    v0..v{nouter-1} row-major over seg->outer); for each row, the ops in
 *    order: a per-row op once, a per-element op for every e in [0, n) (row
 *    vars from e as kernel.h says); then the stores in order (a per-element
 *    store for every e, a per-row store once).  A per-row operand of a
 *    per-element op (or of a reduce, or a store) reads as the row's value
 *    at every element.  Vars a value does not depend on read as -1 (so a
 *    misuse is an out-of-range index).
 *  - Values and arithmetic are the interpreter's (scalar.h): floats in f32,
 *    integers in int64; KO_CONST is (float)cnst.f or cnst.i; casts round
 *    (saturating ones clamp to +-dt_max_finite first, NaN stays NaN).
 *    A division the segment's plan rewrites (KOpPlan.recip) is computed as
 *    the generated code computes it: r = 1.0f / divisor once per row, then
 *    dividend * r in f32 (not always the quotient's rounding).
 *    KO_INDEX is ix_eval_vals of its expression at the element (or row); a
 *    negative result (overflow, a negative IX_VAL value) is an error.
 *  - KO_REDUCE follows the schedule (tpr = threads_per_row, vec, chunks;
 *    chunks 0 means ceil(n / (tpr * vec))):
 *      1. lane l starts from the identity (0; -inf/+inf; INT64_MIN/MAX) and
 *         folds its elements e = (c * tpr + l) * vec + j, c in [0, chunks),
 *         j in [0, vec), e < n, in (c, j) order;
 *      2. within each wave of w = min(tpr, W) lanes (W = p->target.wave:
 *         32 or 64), xor-butterfly: for
 *         off = w/2 .. 1, every lane l at once takes
 *         combine(own[l], own[l ^ off]);
 *      3. with nw = tpr / W > 1 waves, the waves' lane-0 values butterfly
 *         the same way over wave index (off = nw/2 .. 1);
 *      the row's result is lane 0's (wave 0's).  combine(s, x) is
 *      sc_red_combine_f / sc_red_combine_i (scalar.h): f32 addition for
 *      sums; for max/min x when x is NaN or strictly beyond s, else s (own
 *      value kept on ties).  RED_MEAN is that sum divided by (float)n in
 *      f32.  Max/min over an empty row is an error (as in the interpreter).
 *      A schedule whose chunks > 0 do not cover the row is an error.
 *  - KO_FOLD (a split reduction's epilogue) folds its row's `parts`
 *    partials in kernel.h's order: lane l of a wave of W folds q = l, l + W,
 *    ... from the identity, the W lanes butterfly as in 2., the result is
 *    lane 0's (a mean's: divided by (float)total in f32).  The partials
 *    must have been stored by an earlier kernel (as any load).
 *  - Loads evaluate their index expressions with ix_eval_vals (IX_VAL k<c>
 *    reads the integer value of op c at the same element, or the row's
 *    value for a per-row op) and check each index against the buffer's
 *    evaluated shape: an index out of range (or -1: overflow, a negative
 *    gather value) is an error naming the kernel, segment, op and buffer,
 *    and the run stops.  Stores check their indices the same way and write
 *    the value rounded to the buffer's dtype (sc_store_f / sc_store_i).
 *  - Hazards (errors, since the GPU result would be undefined): a load of a
 *    temp or output element that no earlier kernel stored, or that the same
 *    kernel stores (blocks of one launch are unordered); a store to an
 *    element the same kernel already stored.  After the last kernel, an
 *    output element never stored is an error.
 *  - Sizes: a buffer or domain size that overflows or exceeds 2^40 elements
 *    is an error.
 *  - Stats: when `stats` is non-NULL it is (re)initialised and counts every
 *    load and store per buffer element, whether or not the run succeeds;
 *    free it with kexec_stats_free.  It also records, per buffer, the most
 *    times one element was loaded within one row of one segment (by the
 *    row's per-element and per-row loads together): max_loads_in_a_row[b].
 *    An element each row loads once gives 1, even where every row loads it
 *    (a weight broadcast across rows). */
#ifndef SINTER_KEXEC_H
#define SINTER_KEXEC_H

#include "interp.h"
#include "kernel.h"

typedef struct {
    int nbuf;         /* p->nbuf */
    int64_t *numel;   /* numel[b]: elements of buffer b (0 if its size failed) */
    int64_t **loads;  /* loads[b][i]: times a load read element i of buffer b */
    int64_t **stores; /* stores[b][i]: times a store wrote element i of buffer b */
    int64_t *max_loads_in_a_row; /* [b]: most loads of one element of b in one row */
} KexecStats;

bool kexec_run(const KProgram *p, const int64_t *symvals, const IrBuf *inputs, IrBuf *outputs,
               KexecStats *stats, Diag *d);
/* Which schedule runs a kernel that has a few-rows variant (Kernel.few_rows):
 * kexec_run runs the many-rows one (the kernel itself). */
typedef enum { KEXEC_MANY_ROWS, KEXEC_FEW_ROWS } KexecVariant;
bool kexec_run_variant(const KProgram *p, KexecVariant v, const int64_t *symvals,
                       const IrBuf *inputs, IrBuf *outputs, KexecStats *stats, Diag *d);
/* The program run by `world` simulated ranks at once (graphs with
 * all_reduce; kexec_run_variant is world 1): inputs[r * nin + k] and
 * outputs[r * nout + o] are rank r's, nin and nout the graph's nparam and
 * nout.  The ranks run each kernel in turn (rank 0 first); after kernel k,
 * each collective with after == k sums its temp over the ranks: every
 * element must have been stored on every rank (else an error), and each
 * rank then holds t_0 + t_1 + ... + t_{world-1}, added left to right in
 * f32 (the interpreter's order: ir_interp_world).  stats count rank 0's
 * accesses only.  world is 1 .. IR_MAX_WORLD (interp.h). */
bool kexec_run_world(const KProgram *p, KexecVariant v, const int64_t *symvals, int world,
                     const IrBuf *inputs, IrBuf *outputs, KexecStats *stats, Diag *d);
/* Frees the counts (safe on a zeroed or already freed struct). */
void kexec_stats_free(KexecStats *s);

#endif
