/* kernel.h - the kernel IR: what one fused group computes, and how.
 *
 * A KProgram is the whole graph as an ordered list of kernels (launches)
 * over a table of buffers: the graph's inputs, its outputs, and temporaries
 * for values one kernel hands to a later one (only across a global barrier).
 *
 * A kernel has one or more segments (horizontal fusion: independent work
 * over different domains in one launch; blocks are dealt to segments in
 * order, or alternating: Kernel.interleave).  A segment is a "row
 * program": its domain is outer dims x row dims.  Domain variables are
 * numbered outer first (v0 .. v{nouter-1}), then row dims; the row dims
 * are walked through one linear row index e in [0, n), n = product of the
 * row dims, v{nouter+k} = e / prod(row[k+1..]) % row[k].  Ops are in SSA,
 * topological, each either per element of the row (row = true) or once
 * per row (row = false: depends on outer vars only).
 * A KO_REDUCE folds a row value over the whole row into a per-row value.
 * Arithmetic follows the graph IR: floats in f32, integers in 64 bits;
 * values are rounded only by KO_CAST and by stores (to the buffer's dtype).
 *
 * Loads and stores address buffers through index expressions over the
 * domain variables (IX_VAL leaves name another op's integer value: gathers).
 * Every layout op of the graph has been folded into these expressions.
 *
 * The schedule (KSchedule) is part of the IR: codegen and the CPU executor
 * (kexec.h) follow it exactly.  Each row is processed by a team of
 * `threads_per_row` threads; lane l of a team owns the row elements
 * e = (c * threads_per_row + l) * vec + j for c in [0, chunks), j in
 * [0, vec) (elements >= n are skipped).  A reduction combines each lane's
 * elements in that order, then combines lanes by xor-butterfly within each
 * wave of W = KProgram.target.wave lanes (offsets min(tpr,W)/2 .. 1: 16 ..
 * 1 on NVIDIA, 32 .. 1 on CDNA), then, when the team spans several waves,
 * combines the wave results by xor-butterfly over wave index (offsets
 * nwaves/2 .. 1) through shared memory.  `rows_per_block` teams share a
 * block. */
#ifndef SINTER_KERNEL_H
#define SINTER_KERNEL_H

#include "ir.h"

typedef enum { KB_INPUT, KB_OUTPUT, KB_TEMP } KBufKind;

/* Buffers are the graph's parameters (in order), its new outputs (in
 * order; an output written into a parameter has no buffer of its own: it
 * stores into the parameter's, which is then `written`), then temps. */
typedef struct {
    KBufKind kind;
    int index;                 /* graph param index, output index, or temp number */
    bool written;              /* KB_INPUT: an in-out parameter (some store writes it) */
    const char *name;
    DType dtype;
    int rank;
    Dim shape[IR_MAX_RANK];
} KBuf;

typedef enum {
    KO_LOAD, KO_CONST, KO_UNARY, KO_BINARY, KO_WHERE, KO_CAST, KO_REDUCE,
    KO_INDEX, /* the integer value of an index expression over the domain vars
                 (i64): how a `cat` read inside an expression picks its part */
    KO_FOLD   /* per row: the second phase of a split reduction (Kernel.split), the
                 fold of `parts` partials an earlier kernel stored (below) */
} KOpKind;

typedef struct KOp {
    int id;                    /* dense within its segment */
    KOpKind kind;
    DType dtype;               /* nominal dtype, as in the graph IR */
    bool row;                  /* varies along the row */
    int nin;
    struct KOp *in[3];
    int node;                  /* graph node it computes (for dumps), -1 if none */
    union {
        struct { int buf; IxExpr *idx[IR_MAX_RANK]; } load;
        struct { double f; int64_t i; } cnst;
        IrUnary unary;
        IrBinary binary;
        /* bitcast: IrNode's; from: the graph operand's dtype (a temp
         * holds it as f32 or i64: the bits come from this dtype) */
        struct { bool saturate; bool bitcast; DType from; } cast;
        struct { IrReduce kind; } reduce; /* over the segment's whole row */
        struct { IxExpr *expr; } index;
        /* KO_FOLD: reduction `kind` over buf[idx[0], .., idx[r-2], q] for q
         * in [0, parts) (r = the buffer's rank, its last dim `parts`; idx
         * over the outer vars), in a fixed order every block repeats alike:
         * lane l of each wave of W = KProgram.target.wave lanes folds q = l,
         * l + W, l + 2W, ... from the identity, then xor-butterfly offsets
         * W/2 .. 1, then every lane takes lane 0's value.  The partials of
         * a mean are sums: the fold divides by `total` (the whole row's
         * length).  Its segment's teams span whole waves (kir_verify). */
        struct { IrReduce kind; int buf; int parts; IxExpr *idx[IR_MAX_RANK]; Dim total; } fold;
    } a;
} KOp;

typedef struct {
    int buf;
    KOp *value;
    bool row;                  /* one store per element, else one per row */
    IxExpr *idx[IR_MAX_RANK];  /* over the domain variables */
    KOp *mask;                 /* bool op: the store happens only where it is true (a
                                  scatter's row in range), or NULL; per row unless
                                  the store is per element */
} KStore;

typedef struct {
    int threads_per_row;       /* power of two, 1..1024 */
    int vec;                   /* contiguous elements per run (power of two) */
    int chunks;                /* runs per lane; 0: enough to cover n, looped */
    int rows_per_block;        /* teams per block */
    bool persistent;           /* row values stay in registers across reductions */
    bool prefetch_weights;     /* codegen issues the loads of data broadcast over rows
                                  (weights) for all runs with the segment's first phase,
                                  like streamed data, and holds them for every phase */
    const char *why;           /* the cost model's reason, for dumps */
} KSchedule;

/* ---- the plan (passes/plan.c): every decision codegen prints ----
 *
 * Filled by pass_plan after scheduling (NULL before; codegen requires it,
 * kexec follows it where present).  Arrays are indexed by op id or store
 * index; few-rows segments have plans of their own.  Codegen's two variants
 * share it: the vector variant prints the vector decisions (load windows,
 * prefetch, vector stores); the scalar variant prints every row access as
 * element accesses and nothing else changes.
 *
 * Phases.  A phase is one pass over a lane's runs: it folds a group of
 * reductions (every one not yet folded whose input waits on no reduction
 * still to come; one team reduction, one barrier for all of them), issues
 * the row stores whose values wait on no reduction still to come (the
 * last phase, which folds none, takes the rest), and evaluates the row
 * ops those need (KPhase.need).  With a persistent schedule (chunks > 0),
 * a row value computed by an earlier phase that depends on per-row data
 * (a load with an outer index or a gather, or an op over such values;
 * not constants) is kept in registers (KOpPlan.keep) and read back
 * (KN_KEPT) instead of recomputed.  Per-row ops are emitted once, as soon
 * as their operands exist: before the first phase or after a phase's
 * team reduction (KOpPlan.phase). */
typedef enum { KN_NONE, KN_COMPUTE, KN_KEPT } KNeed;

typedef struct {
    int nred;
    int *red;                  /* op ids of the reductions folded, in op order */
    char *store;               /* per store: a row store this phase issues */
    char *need;                /* per op: KNeed */
    bool empty;                /* folds and stores nothing: nothing is emitted */
    /* Prefetch (vector variant, static schedules): before its runs, the
     * phase issues vector loads for all its runs into pf<op>[c] arrays, in
     * three loops: streamed per-row data, then weights, then gathered
     * loads (KOpPlan.group).  pf[i] = 1 + the op whose array holds op i's
     * window (ops with equal windows share one load), 0: none (loaded in
     * the run).  pfload[i]: 1 this phase loads pf<i>[c] (declared by an
     * earlier phase: a weight issued ahead), 2 it declares and loads it.
     * Weights issued ahead (KSchedule.prefetch_weights) are issued by the
     * first non-empty phase, whichever phase reads them, and held. */
    int *pf;
    char *pfload;
    /* Streaming (static schedules whose row the registers cannot hold: a
     * schedule that is not persistent, or a phase whose runs' loads would
     * take more than the register budget at once; never with kept values).
     * stream > 0: the phase walks the lane's `chunks` runs in steps of
     * `stream` runs (stream divides chunks): a rolled loop over the steps,
     * each step issuing its runs' prefetch loads (pf<op>[stream] arrays,
     * declared inside the step) and then computing, folding and storing
     * those runs.  Run c is still e0 = (c * threads_per_row + lane) * vec,
     * in increasing c, so reductions fold in the same order as unstreamed.
     * 0: all the runs in one unrolled loop (the prefetch arrays hold all
     * of them). */
    int stream;
} KPhase;

typedef struct {
    int phase;                 /* row op: the first phase computing it (-1: none);
                                  KO_REDUCE: the phase folding it; other per-row ops:
                                  emitted after phase `phase - 1`'s team reduction
                                  (0: before the first phase) */
    bool keep;                 /* row value kept in registers from its phase on */
    /* A row load that equals kept load K (same buffer, row var e mapped to
     * e % H + from_chunk * H, H = threads_per_row * vec) is, in a later
     * phase than K's, read from K's register of the same lane (run
     * from_chunk, same j) instead of memory: from = 1 + K's id, else 0.
     * A NeoX rotation's partner half, which the lane itself loaded; read
     * as KN_KEPT, and it touches no memory (passes/dest.c relies on it). */
    int from;
    int from_chunk;
    bool recip;                /* float BIN_DIV by a per-row divisor computed as
                                  in[0] * r with r = 1.0f / in[1] once per row (IEEE
                                  division, then an f32 multiply: within 1 ulp + 1/2 of
                                  the quotient, not always equal to it); only where
                                  |divisor| is provably in [2^-126, 2^126], or is a
                                  power of two; or by a recip_sel row divisor, whose
                                  selected reciprocal r is exact */
    bool recip_src;            /* a per-row op some recip division divides by */
    bool recip_sel;            /* a row KO_WHERE selecting among per-row powers of two
                                  (recip_src) or other recip_sel wheres, which a recip
                                  division divides by: its reciprocal is the same
                                  selection among theirs (exact: 1/2^k is) */
    bool exact_div;            /* float BIN_DIV (not recip) whose quotient a cast to
                                  f8e8m0 or f4e2m1 rounds: computed correctly rounded
                                  (IEEE a / b, as the interpreter does), not with the
                                  GPU's approximate division, whose last-bit error would
                                  move a quotient equal to a power of two to the next
                                  one (e8m0 rounds up) or break an FP4 tie */
    /* A KO_REDUCE whose input is a KO_WHERE with a KO_CONST branch c (a
     * masked reduction: `amax(where(e // 128 == 2, a, 0.0))`): masked = 1
     * folds the where's in[1] only where its condition holds, 2 folds its
     * in[2] only where the condition does not hold; the other elements are
     * not folded.  c is the reduction's identity (sum and mean: a zero;
     * max: -inf; min: +inf), or the reduction is a max or min (idempotent)
     * and masked_any is set: a lane that left out an element folds c once
     * after its elements, before the team reduction.  The result is the
     * where's fold (a +0/-0 tie of max/min may keep the other zero, which
     * no consumer can tell).  The plan sets it only where the condition is
     * the same for a whole run (per-row values, the row index's group when
     * threads_per_row * vec divides the group size: passes/schedule.c), so
     * the compiler knows each run's folds and drops the others; a mask that
     * varies within a run stays a select.  0: the input is folded. */
    int8_t masked;
    bool masked_any;
    bool run;                  /* row load whose index reads no per-element value:
                                  loaded for a whole run before the element loop */
    /* Row loads with `run`, vector variant: the run e0 .. e0 + vec - 1
     * reads elements win + off[j] (j < vec) with one aligned vector load of
     * `width` elements (4, 8 or 16 bytes) at win; width 0: element loads. */
    int width;
    int group;                 /* prefetch loop: 0 streamed, 1 weight, 2 gathered */
    int8_t off[16];
    IxExpr *win[IR_MAX_RANK];  /* the window's first element, over the segment vars
                                  (the row var at e0) */
} KOpPlan;

typedef struct {
    int phase;                 /* row store: the phase issuing it; per row: -1 (after
                                  the last phase, by lane 0) */
    int width;                 /* row store, vector variant: vec when a whole live run is
                                  one vector store (4, 8 or 16 bytes), else 0; a sub-byte
                                  (f4e2m1) buffer: vec when the run is written byte by
                                  byte in both variants (codegen refuses width 0) */
    bool direct;               /* the value is a cast to the buffer's own f8 type:
                                  the store encodes the cast's input (one conversion) */
    bool packed_vector;        /* sub-byte buffer with a width: in the vector variant a
                                  whole live run is one store of width / 2 bytes (4 or
                                  8), its first element a multiple of width (the
                                  kernel's align list has the buffer) */
} KStorePlan;

typedef struct {
    bool exact;                /* static row, chunks > 0, the lanes' runs cover it
                                  exactly: every element index < n */
    int nphase;
    KPhase *phases;
    KOpPlan *op;               /* per op */
    KStorePlan *store;         /* per store */
    int smem_bytes;            /* shared memory of its team reductions: per KO_REDUCE,
                                  rows_per_block * (threads_per_row / wave) values
                                  (4 or 8 bytes) when a team spans several waves */
} KPlan;

/* What the vector variant requires of a buffer (kernel's align list, one
 * entry per buffer it accesses with vector loads or stores). */
typedef struct {
    int buf;
    int bytes;                 /* base pointer alignment */
    int stride_multiple;       /* every outer stride a multiple of this (elements) */
} KAlign;

typedef struct KSegment {
    int nouter, nrow;
    Dim outer[IR_MAX_RANK];
    Dim row[IR_MAX_RANK];
    PtrVec ops;                /* KOp* */
    PtrVec stores;             /* KStore* */
    KSchedule sched;
    KPlan *plan;               /* NULL until pass_plan */
} KSegment;

typedef struct Kernel {
    const char *name;
    int nseg;
    KSegment **segs;
    int block;                 /* threads per block, the same for every segment */
    bool interleave;           /* two segments: blocks alternate between them (0, 1, 0, 1,
                                  ...) until the smaller one's run out, then the larger's
                                  rest; otherwise each segment's blocks in turn */
    struct Kernel *few_rows;   /* the same work scheduled for few rows, or NULL: its
                                  segments share this kernel's ops and stores (only the
                                  schedules, block and name differ; its own few_rows is
                                  NULL); launched instead of this kernel when this kernel's
                                  grid is at most few_rows_grid_per_sm x the device's SM
                                  count.  Either computes the outputs (reductions may
                                  round differently: their orders follow the schedules) */
    int few_rows_grid_per_sm;
    /* A reduction over few long rows split over the whole GPU (kernelize.c):
     * KSPLIT_PARTIALS: the first phase, its segment's rows are the original
     * rows x split_parts contiguous parts, each reduced into a partial (a row
     * store into a temp); KSPLIT_EPILOGUE: the next kernel, the same parts
     * in reverse order (the first blocks read the tail, which the first phase
     * read last), each block re-folding the partials (KO_FOLD) and doing the
     * consumers' work of its part.  KSPLIT_NONE otherwise. */
    enum { KSPLIT_NONE, KSPLIT_PARTIALS, KSPLIT_EPILOGUE } split;
    int split_parts;
    /* filled by pass_plan: */
    int nalign;
    KAlign *align;             /* what the vector variant needs; none: one variant */
    int smem_bytes;            /* sum of its segments' KPlan.smem_bytes */
} Kernel;

/* What scheduling and planning know of the device (codegen's CgTarget
 * gives one: cg_target_facts; ktarget_default is NVIDIA's). */
typedef struct {
    int wave;                  /* lanes that shuffle together: 32 (NVIDIA, RDNA) or 64 (CDNA) */
    int max_smem;              /* static shared memory per block, bytes */
    int max_threads;           /* threads per block */
    int reg_budget;            /* f32 registers per lane for row values kept across
                                  reductions */
} KTarget;

KTarget ktarget_default(void);

/* A collective step between launches: after kernel `after` (which stores
 * rank's term into buf, an f32 temp) and before kernel after + 1, buf is
 * summed in place over the ranks of the communicator (IR_ALLREDUCE's
 * semantics: ir.h); no kernel up to `after` reads buf and none after it
 * writes it (kir_verify). */
typedef enum { KC_ALL_REDUCE_SUM } KCollKind;
typedef struct {
    KCollKind kind;
    int after;                 /* kernel index, 0 .. nkernel - 1 */
    int buf;                   /* a KB_TEMP of dtype f32 */
    int node;                  /* the graph's all_reduce node (for dumps) */
} KCollective;

typedef struct KProgram {
    const IrGraph *graph;
    KTarget target;            /* what its schedules and plans were made for */
    int nbuf;
    KBuf *bufs;                /* inputs (graph param order), outputs, temps */
    int nkernel;
    Kernel **kernels;          /* launch order */
    int ncoll;                 /* the steps are kernel 0, the collectives with after 0 */
    KCollective *colls;        /* (in order), kernel 1, ...: sorted by `after` */
} KProgram;

/* The buffer graph output o is stored into: its own, or the parameter's
 * it is written into. */
int kprog_out_buf(const KProgram *p, int o);

/* n (row length) and rows (product of outer dims) for symbol values. */
int64_t kseg_row_len(const KSegment *s, const int64_t *symvals);
int64_t kseg_rows(const KSegment *s, const int64_t *symvals);
/* Static row length, or -1 if it depends on a symbol. */
int64_t kseg_static_row_len(const KSegment *s);
/* Does load op of segment s read different data for different rows (an
 * outer variable or a gathered value in its index), unlike a weight
 * broadcast over the rows? */
bool kop_load_per_row(const KProgram *p, const KSegment *s, const KOp *op);
/* g when op is the segment's row index floor-divided by a constant g > 0
 * (a KO_INDEX of e // g, or a KO_BINARY floordiv of the row index's
 * KO_INDEX by a KO_CONST): a group of the row; 0 otherwise. */
int64_t kop_row_group(const KSegment *s, const KOp *op);

/* Text dump (`sinter dump --stage kernels`), JSON and Graphviz forms. */
void kir_print(const KProgram *p, FILE *out);
void kir_print_json(const KProgram *p, FILE *out);
void kir_print_dot(const KProgram *p, FILE *out);
/* Structural checks of everything stated above. */
bool kir_verify(const KProgram *p, Diag *d);

#endif
