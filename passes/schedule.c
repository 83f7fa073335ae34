/* schedule.c - the scheduler's cost model: how a segment's rows map onto
 * threads.  Every choice codegen and the executor follow is made here.
 *
 * Requires: a lowered KSegment of a KProgram whose target (KTarget: wave,
 * register budget) is set.  Produces: its KSchedule and the block size it
 * wants.  "Wave" below is the target's (32 lanes on NVIDIA and RDNA, 64 on
 * CDNA): a team within one wave reduces by shuffles alone, a wider one
 * also through shared memory.  The model, for memory-bound row programs:
 *   - vec: 16-byte runs of the widest access of the row (8 bf16, 4 f32;
 *     an access at half the row's rate, like RoPE's cos/sin by pair, counts
 *     half), shrunk until it divides a static row length;
 *   - a static row of n elements is cut into n/vec runs; a lane takes
 *     RUNS_PER_LANE_SHORT (2) runs when the row's team then fits in a wave,
 *     else RUNS_PER_LANE (4), so threads_per_row = runs / that, rounded
 *     down to a power of two (1..1024).  Several 16-byte loads in flight
 *     per thread (codegen issues all of a phase's loads of streamed data
 *     before its arithmetic) were measured as the difference between 0.60
 *     and 0.87 of copy bandwidth (H200, memory-bound row kernels).  Short
 *     rows take 2: twice the threads and half the registers per row
 *     (H200, T=16384: MLA RoPE 0.64 -> 0.88, SiLU-mul 0.99 -> 1.05 of
 *     copy; 1 run gave 0.84 and 1.02); long rows take 4: a team of more
 *     waves pays more in block barriers (per-token FP8 0.85 -> 0.76,
 *     LayerNorm 0.85 -> 0.81 with 2);
 *   - the row stays in registers (persistent) when the row values kept
 *     across reductions fit the target's reg_budget (64) f32 registers per lane; otherwise
 *     lanes get fewer runs, and past 1024 lanes the row is looped over and
 *     re-read per reduction phase (persistent = false; the plan streams
 *     each phase in steps of a few runs: passes/plan.c, plan_stream);
 *   - weights (row loads broadcast over rows) are loaded ahead for all
 *     runs, with the segment's first phase like streamed data and held for
 *     every phase, while they take at most WEIGHT_REGS registers (4 per
 *     16-byte run): a cold weight then costs no round trip of its own (small T: QK norms at
 *     T=1 2.35 -> 1.92 us, per-token FP8 at T=64 3.73 -> 3.31 us on the
 *     H200, with no change at T=16384), while LayerNorm's two weights (32
 *     registers) are loaded run by run from cache (79 -> 56 registers,
 *     0.85 -> 0.89 of copy at T=16384);
 *   - a row with a reduction that fits RUNS_PER_LANE runs (an MX block of
 *     32 bf16: 4 runs) is one lane's, whole: the team of two that
 *     RUNS_PER_LANE_SHORT gives would shuffle for every reduction and
 *     compute the row's scale epilogue twice (e8m0 scale, its reciprocal,
 *     the index arithmetic), which for these instruction-bound kernels is
 *     a third of their work per element (sm_90 SASS, bench/sass_count.sh:
 *     mxfp8_quant 24.5 -> 17.8 instructions per element, mxfp4_quant
 *     30.0 -> 25.5; 64 bytes in flight per thread instead of 32, at 53
 *     registers instead of 35: about as many bytes in flight per SM);
 *     not measured on a GPU when it was made (2026-12-08);
 *   - a row with group indices (`arange(n) // g`) takes up to
 *     RUNS_PER_LANE runs per lane when that makes each run lie in one group
 *     known at compile time (group_schedule), so the plan can fold masked
 *     per-group reductions run by run (KOpPlan.masked; DeepGEMM's UE8M0
 *     group scales: 16 lanes of 4 runs over a 512-wide row, 55 -> 27.5
 *     sm_90 SASS instructions per element; not measured on a GPU yet);
 *   - a symbolic row length (a reduction over T) is looped: 128 lanes;
 *   - blocks have 128 threads (rows_per_block = 128 / threads_per_row),
 *     more when one row takes more lanes: small blocks let more rows, each
 *     between its load and store phases, overlap on one SM.
 *
 * Few rows.  The schedule above is for many rows: with T = 1..256 tokens
 * a 4096-wide row's 128 lanes each walk 32 elements one after another
 * while most SMs idle, and the kernel is latency, not bandwidth (H200:
 * add+RMSNorm+FP8 at T=64 4.17 us with 128 lanes, 3.84 with 256, 3.53
 * with 512; T=1024 11.4 us with 128, 12.2 with 512).  So a kernel whose
 * team spans several waves also gets a few-rows schedule
 * (sched_choose_few_rows: RUNS_PER_LANE_FEW runs per lane, twice the
 * lanes, every weight loaded ahead; with weights ahead, 2 runs beat 1 at
 * every T: add+RMSNorm at T=512 6.77 vs 7.60 us, LayerNorm 5.26 vs 7.23),
 * emitted as a second kernel (Kernel.few_rows); the
 * runtime launches it when the many-rows grid is at most
 * FEW_ROWS_GRID_PER_SM blocks per SM of the device.  A kernel of short
 * rows (the team fits a wave) gets one too: blocks of one wave, so its
 * few rows spread over more SMs, launched up to one many-rows block per
 * SM, FEW_ROWS_GRID_PER_SM_SHORT (H200, T=1: Qwen3 QK 1.48 -> 1.34 us,
 * SiLU-mul 2.06 -> 1.88; at T=64, 448 blocks, SiLU-mul went 3.65 ->
 * 4.23 us with them, MLA 3.58 -> 5.44 at 768).  Their runs are shorter
 * too, so a lone row has more threads and each a shorter chain of
 * arithmetic: at most FEW_VEC_REDUCE elements where a reduction follows
 * (more lanes deepen its shuffle tree), FEW_VEC_POINTWISE otherwise (H200,
 * T=1, runs of 8 / 4 / 2: MLA RoPE 1.59 / 1.53 / 1.50 us, Qwen3 QK 1.28 /
 * 1.23 / 1.25, SiLU-mul 1.63 / 1.60 / 1.65). */
#include <stdio.h>

#include "passes.h"

#define RUNS_PER_LANE 4
#define RUNS_PER_LANE_SHORT 2
#define RUNS_PER_LANE_FEW 2
#define FEW_ROWS_GRID_PER_SM 4
#define FEW_ROWS_GRID_PER_SM_SHORT 1
#define FEW_VEC_REDUCE 4
#define FEW_VEC_POINTWISE 2
#define WEIGHT_REGS 16
#define BLOCK 128
#define MAX_LANES 1024

static int pow2_floor(int64_t x)
{
    int p = 1;
    while ((int64_t)p * 2 <= x && p < MAX_LANES)
        p *= 2;
    return p;
}

/* How fast an index moves with the row element: d(index)/d(e) as num/den
 * (a run of vec elements touches about vec * num / den elements).  False
 * when the index is not an affine-like expression of the row var (a
 * symbolic stride times the row var, say). */
typedef struct {
    int64_t num, den;
} Rate;

static int64_t gcd64(int64_t a, int64_t b)
{
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a < 0 ? -a : a;
}

static Rate rate_norm(int64_t num, int64_t den)
{
    int64_t g = gcd64(num, den);
    return g ? (Rate){num / g, den / g} : (Rate){0, 1};
}

static bool ix_rate(const IxExpr *e, int rowvar, Rate *r)
{
    Rate a, b;
    switch (e->kind) {
    case IX_CONST: case IX_DIM: case IX_VAL:
        *r = (Rate){0, 1};
        return true;
    case IX_VAR:
        *r = (Rate){e->c == rowvar, 1};
        return e->c <= rowvar;
    case IX_ADD:
        if (!ix_rate(e->a, rowvar, &a) || !ix_rate(e->b, rowvar, &b))
            return false;
        *r = rate_norm(a.num * b.den + b.num * a.den, a.den * b.den);
        return true;
    case IX_MUL:
        if (!ix_rate(e->a, rowvar, &a) || !ix_rate(e->b, rowvar, &b))
            return false;
        if (b.num == 0 && e->b->kind == IX_CONST && e->b->c > 0 && e->b->c < (1 << 20)) {
            *r = rate_norm(a.num * e->b->c, a.den);
            return true;
        }
        *r = (Rate){0, 1};
        return a.num == 0 && b.num == 0;
    case IX_DIV: case IX_MOD:
        if (!ix_rate(e->a, rowvar, &a) || e->b->kind != IX_CONST || e->b->c <= 0 ||
            e->b->c >= (1 << 20))
            return false;
        *r = e->kind == IX_DIV ? rate_norm(a.num, a.den * e->b->c) : a;
        return true;
    }
    return false;
}

/* Bytes one row element of this access moves, times den (as num/den of
 * a byte): the element size when the row var reaches a dim other than the
 * last or the index is not analyzable (element accesses). */
static Rate access_bytes(const KSegment *seg, const KBuf *b, IxExpr *const *idx)
{
    int size = dt_size(b->dtype), rowvar = seg->nouter;
    Rate r;
    if (seg->nrow != 1 || b->rank == 0)
        return (Rate){size, 1};
    for (int k = 0; k + 1 < b->rank; k++)
        if (!ix_rate(idx[k], rowvar, &r) || r.num != 0)
            return (Rate){size, 1};
    if (!ix_rate(idx[b->rank - 1], rowvar, &r) || r.num < 0)
        return (Rate){size, 1};
    return rate_norm(r.num * size, r.den);
}

/* The widest vector run: the largest power of two (<= 16) for which every
 * row-level load and store moves at most 16 bytes per run.  An index at
 * half the row's rate (RoPE's cos/sin by pair, v/2) moves half the bytes,
 * so f32 cos/sin beside bf16 data still allow 8-element runs. */
static int widest_run(const KSegment *seg, const KProgram *prog)
{
    int vec = 16;
    for (int i = 0; i < seg->ops.len + seg->stores.len; i++) {
        Rate r;
        if (i < seg->ops.len) {
            const KOp *op = seg->ops.items[i];
            if (op->kind != KO_LOAD || !op->row)
                continue;
            r = access_bytes(seg, &prog->bufs[op->a.load.buf], op->a.load.idx);
        } else {
            const KStore *st = seg->stores.items[i - seg->ops.len];
            if (!st->row)
                continue;
            r = access_bytes(seg, &prog->bufs[st->buf], st->idx);
        }
        while (vec > 1 && r.num * vec > 16 * r.den)
            vec /= 2;
    }
    return vec;
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
        live += op->kind == KO_LOAD && op->row && kop_load_per_row(prog, seg, op);
    }
    return reductions ? (live ? live : 1) : 0;
}

/* Row-level loads of data broadcast over rows (no outer index): weights. */
static int broadcast_row_loads(const KSegment *seg, const KProgram *prog)
{
    int k = 0;
    for (int i = 0; i < seg->ops.len; i++) {
        const KOp *op = seg->ops.items[i];
        k += op->kind == KO_LOAD && op->row && !kop_load_per_row(prog, seg, op);
    }
    return k;
}

static bool has_reduction(const KSegment *seg)
{
    for (int i = 0; i < seg->ops.len; i++)
        if (((const KOp *)seg->ops.items[i])->kind == KO_REDUCE)
            return true;
    return false;
}

/* A static row of n elements in runs of vec, rpl runs per lane. */
static KSchedule static_schedule(const KSegment *seg, const KProgram *prog, int64_t n, int vec,
                                 int rpl)
{
    KSchedule s = {.threads_per_row = 1, .vec = vec, .chunks = 1, .rows_per_block = 1};
    int64_t runs = (n + vec - 1) / vec;
    int lanes = pow2_floor(runs / rpl > 0 ? runs / rpl : 1);
    int live = live_row_values(seg, prog);
    int64_t chunks = (runs + lanes - 1) / lanes;
    while (live && lanes < MAX_LANES && chunks * vec * live > prog->target.reg_budget) {
        lanes *= 2;
        chunks = (runs + lanes - 1) / lanes;
    }
    s.threads_per_row = lanes;
    s.chunks = (int)chunks;
    s.persistent = !live || chunks * vec * live <= prog->target.reg_budget;
    s.why = s.persistent ? "static row kept in registers" : "static row too long for registers: re-read per reduction";
    /* weights held for every run cost 4 registers per 16-byte run */
    int weights = broadcast_row_loads(seg, prog);
    s.prefetch_weights = weights && s.persistent && chunks * 4 * weights <= WEIGHT_REGS;
    return s;
}

/* The row's groups: the largest power of two p such that every group
 * size g of the segment's row ops `e // g` (kop_row_group) is a multiple
 * of p; 0 when there are none. */
static int64_t group_span(const KSegment *seg)
{
    int64_t span = 0;
    for (int i = 0; i < seg->ops.len; i++) {
        int64_t g = kop_row_group(seg, seg->ops.items[i]);
        if (!g)
            continue;
        int64_t p = g & -g; /* the largest power of two dividing g */
        span = span ? (p < span ? p : span) : p;
    }
    return span;
}

/* Grouped rows: a lane that takes up to RUNS_PER_LANE runs instead of
 * RUNS_PER_LANE_SHORT, when that makes threads_per_row * vec divide every
 * group size (group_span), has each run inside one group, and which group
 * is known where the kernel is compiled (run c of lane l starts at
 * (c * threads_per_row + l) * vec: group c * threads_per_row * vec / g).
 * A row of masked per-group reductions (`amax(where(e // 128 == 2, a,
 * 0.0))`, UE8M0 group scales packed four per word) then folds each run
 * into its own group's accumulator only, with no per-element select
 * (sm_90 SASS of fp8_group_ue8m0_deepgemm: the four groups' masks and
 * selects were 8 of the 33 instructions per element).  Kept only when the
 * row stays in registers. */
static KSchedule group_schedule(const KSegment *seg, const KProgram *prog, KSchedule s, int64_t n)
{
    int64_t span = group_span(seg), runs = (n + s.vec - 1) / s.vec;
    if (span < s.vec || span % s.vec || s.threads_per_row * s.vec <= span)
        return s;
    int64_t lanes = span / s.vec;
    if (lanes * RUNS_PER_LANE < runs || runs % lanes)
        return s;
    KSchedule g = static_schedule(seg, prog, n, s.vec, (int)(runs / lanes));
    if (!g.persistent || g.threads_per_row != lanes)
        return s;
    g.why = "static row kept in registers, each run within one group";
    return g;
}

static int static_vec(const KSegment *seg, const KProgram *prog, int64_t n)
{
    int vec = widest_run(seg, prog);
    while (vec > 1 && n % vec)
        vec /= 2;
    return vec;
}

static int block_of(KSchedule *s)
{
    int block = s->threads_per_row > BLOCK ? s->threads_per_row : BLOCK;
    s->rows_per_block = block / s->threads_per_row;
    return block;
}

KSchedule sched_choose(const KSegment *seg, const KProgram *prog, int *block)
{
    KSchedule s;
    int64_t n = kseg_static_row_len(seg);
    if (n < 0) {
        int vec = widest_run(seg, prog);
        s = (KSchedule){.threads_per_row = BLOCK, .vec = vec > 4 ? 4 : vec, .chunks = 0,
                        .rows_per_block = 1, .persistent = false,
                        .why = "row length known only at launch: looped, 128 lanes"};
    } else {
        int vec = static_vec(seg, prog, n);
        int64_t runs = (n + vec - 1) / vec;
        int rpl = runs / RUNS_PER_LANE_SHORT <= prog->target.wave ? RUNS_PER_LANE_SHORT
                                                                     : RUNS_PER_LANE;
        if (has_reduction(seg) && runs <= RUNS_PER_LANE)
            rpl = (int)runs; /* a short reduced row: one lane takes it whole */
        s = group_schedule(seg, prog, static_schedule(seg, prog, n, vec, rpl), n);
        if (s.threads_per_row == 1 && rpl == runs && runs > RUNS_PER_LANE_SHORT)
            s.why = "short row with a reduction, one lane each: no team reduction";
    }
    *block = block_of(&s);
    return s;
}

bool sched_choose_few_rows(const KSegment *seg, const KProgram *prog, const KSchedule *many,
                           KSchedule *out, int *block)
{
    int64_t n = kseg_static_row_len(seg);
    *out = *many;
    *block = many->threads_per_row * many->rows_per_block;
    if (n < 0 || !many->persistent)
        return false;
    KSchedule s;
    int wave = prog->target.wave;
    if (many->threads_per_row > wave) { /* long rows: more lanes per row */
        s = static_schedule(seg, prog, n, many->vec, RUNS_PER_LANE_FEW);
        if (s.threads_per_row <= many->threads_per_row || !s.persistent)
            return false;
        s.why = "few rows: 2 runs per lane, weights loaded ahead";
        *block = block_of(&s);
    } else { /* short rows: one wave per block, so more blocks */
        int rpl = 1, cap = has_reduction(seg) ? FEW_VEC_REDUCE : FEW_VEC_POINTWISE;
        int vec = many->vec < cap ? many->vec : cap;
        do /* the register budget may still want more lanes than a wave */
            s = static_schedule(seg, prog, n, vec, rpl++);
        while (s.threads_per_row > wave && rpl <= MAX_LANES);
        if (!s.persistent || s.threads_per_row > wave)
            return false;
        s.why = "few rows: short runs, one warp per block";
        *block = wave;
        s.rows_per_block = wave / s.threads_per_row;
    }
    *out = s;
    return true;
}

int sched_few_rows_grid_per_sm(const Kernel *many, int wave)
{
    for (int s = 0; s < many->nseg; s++)
        if (many->segs[s]->sched.threads_per_row > wave)
            return FEW_ROWS_GRID_PER_SM;
    return FEW_ROWS_GRID_PER_SM_SHORT;
}

/* Two segments in one launch (Q and K norms; MLA's rotary and non-rotary
 * parts) alternate their blocks: a segment whose rows wait on a gather
 * (cos/sin by position) then shares the SMs with one that streams,
 * instead of both running one after the other. */
bool sched_interleave(const Kernel *k)
{
    return k->nseg == 2;
}
