/* schedule.c - the scheduler's cost model: how a segment's rows map onto
 * threads.  Every choice codegen and the executor follow is made here.
 *
 * Requires: a lowered KSegment.  Produces: its KSchedule and the block size
 * it wants.  The model, for memory-bound row programs:
 *   - vec: 16-byte runs of the widest element the row loads or stores
 *     (8 bf16, 4 f32), shrunk until it divides a static row length;
 *   - a static row of n elements is cut into n/vec runs; a lane takes
 *     RUNS_PER_LANE runs (several 16-byte loads in flight per thread: the
 *     measured difference between 0.60 and 0.87 of copy bandwidth in
 *     ../shared/design/PERFORMANCE.md), so threads_per_row = runs /
 *     RUNS_PER_LANE rounded down to a power of two (1..1024);
 *   - the row stays in registers (persistent) when the row values kept
 *     across reductions fit REG_BUDGET f32 registers per lane; otherwise
 *     lanes get fewer runs, and past 1024 lanes the row is looped over and
 *     re-read per reduction phase (persistent = false);
 *   - a symbolic row length (a reduction over T) is looped: 256 lanes;
 *   - blocks have 128 threads (rows_per_block = 128 / threads_per_row),
 *     more when one row takes more lanes: small blocks let more rows, each
 *     between its load and store phases, overlap on one SM. */
#include <stdio.h>

#include "passes.h"

#define RUNS_PER_LANE 4
#define REG_BUDGET 64
#define BLOCK 128
#define MAX_LANES 1024

static int pow2_floor(int64_t x)
{
    int p = 1;
    while ((int64_t)p * 2 <= x && p < MAX_LANES)
        p *= 2;
    return p;
}

/* Widest element (bytes) among the row-level loads and stores. */
static int widest_element(const KSegment *seg, const KProgram *prog)
{
    int w = 1;
    for (int i = 0; i < seg->ops.len; i++) {
        const KOp *op = seg->ops.items[i];
        if (op->kind == KO_LOAD && op->row && dt_size(prog->bufs[op->a.load.buf].dtype) > w)
            w = dt_size(prog->bufs[op->a.load.buf].dtype);
    }
    for (int i = 0; i < seg->stores.len; i++) {
        const KStore *st = seg->stores.items[i];
        if (st->row && dt_size(prog->bufs[st->buf].dtype) > w)
            w = dt_size(prog->bufs[st->buf].dtype);
    }
    return w;
}

static bool ix_has_outer(const IxExpr *e, int nouter)
{
    switch (e->kind) {
    case IX_VAR: return e->c < nouter;
    case IX_VAL: return true;
    case IX_CONST: case IX_DIM: return false;
    default: return ix_has_outer(e->a, nouter) || ix_has_outer(e->b, nouter);
    }
}

/* Row values a lane keeps per element across reductions: the row-level
 * loads of per-row data (what a persistent schedule must not read twice;
 * weights broadcast over rows are re-read from cache, codegen does not
 * keep them). */
static int live_row_values(const KSegment *seg, const KProgram *prog)
{
    int live = 0, reductions = 0;
    for (int i = 0; i < seg->ops.len; i++) {
        const KOp *op = seg->ops.items[i];
        reductions += op->kind == KO_REDUCE;
        if (op->kind != KO_LOAD || !op->row)
            continue;
        for (int k = 0; k < prog->bufs[op->a.load.buf].rank; k++)
            if (ix_has_outer(op->a.load.idx[k], seg->nouter)) {
                live++;
                break;
            }
    }
    return reductions ? (live ? live : 1) : 0;
}

KSchedule sched_choose(const KSegment *seg, const KProgram *prog, int *block)
{
    KSchedule s = {.threads_per_row = 1, .vec = 1, .chunks = 1, .rows_per_block = 1};
    int64_t n = kseg_static_row_len(seg);
    int elem = widest_element(seg, prog);
    int vec = 16 / elem;
    if (n < 0) {
        s.threads_per_row = BLOCK;
        s.vec = vec > 4 ? 4 : vec;
        s.chunks = 0;
        s.persistent = false;
        s.why = "row length known only at launch: looped, 128 lanes";
    } else {
        while (vec > 1 && n % vec)
            vec /= 2;
        int64_t runs = (n + vec - 1) / vec;
        int lanes = pow2_floor(runs / RUNS_PER_LANE > 0 ? runs / RUNS_PER_LANE : 1);
        int live = live_row_values(seg, prog);
        int64_t chunks = (runs + lanes - 1) / lanes;
        while (live && lanes < MAX_LANES && chunks * vec * live > REG_BUDGET) {
            lanes *= 2;
            chunks = (runs + lanes - 1) / lanes;
        }
        s.threads_per_row = lanes;
        s.vec = vec;
        s.chunks = (int)chunks;
        s.persistent = !live || chunks * vec * live <= REG_BUDGET;
        s.why = s.persistent ? "static row kept in registers" : "static row too long for registers: re-read per reduction";
    }
    *block = s.threads_per_row > BLOCK ? s.threads_per_row : BLOCK;
    s.rows_per_block = *block / s.threads_per_row;
    return s;
}
