/* passes.h - the graph passes, the fusion planner, the scheduler and the
 * lowering of fused groups to kernel IR.  One file per pass; each says what
 * it requires, keeps and breaks.  pipeline.c calls them in order and
 * verifies the IR between stages.
 *
 * Graph passes rewrite an IrGraph in place (through ir_replace_uses and
 * ir_compact) and return false only on a user-facing error reported in d. */
#ifndef SINTER_PASSES_H
#define SINTER_PASSES_H

#include "ir.h"
#include "kernel.h"

bool pass_decompose(IrGraph *g, Diag *d);
bool pass_simplify(IrGraph *g, Diag *d);
bool pass_cse(IrGraph *g, Diag *d);
bool pass_dce(IrGraph *g, Diag *d);
bool pass_fold_layout(IrGraph *g, Diag *d);

/* ---- fusion plan (fuse.c): which graph values each kernel computes ---- */

typedef enum {
    FS_OUTPUT,  /* writes graph output `out` */
    FS_REDUCE,  /* computes reduction `root` (kept in registers; spilled to a
                   temp when a later kernel reads it) */
    FS_COLLECTIVE /* writes the operand of all_reduce `root` (its rank's term)
                     to the root's temp, which the collective after the
                     kernel sums in place; later kernels read the temp */
} FStoreKind;

typedef struct {
    FStoreKind kind;
    IrNode *root;              /* the value computed, after peeling invertible views and cats */
    int out;                   /* FS_OUTPUT: output index */
    int temp;                  /* spilled FS_REDUCE, FS_COLLECTIVE: temp number, else -1 */
    bool row;                  /* one value per row (root has the reduced shape) */
    IxExpr *bind[IR_MAX_RANK]; /* root's index vars over the domain's axis vars */
    /* the written buffer's index as expressions over root's index vars */
    int dst_rank;
    IxExpr *dst[IR_MAX_RANK];
    /* FS_OUTPUT written into a parameter (`v -> dest`): the parameter (else
     * -1).  A scatter reads `index` at index_at (over root's vars); dst
     * then holds the leaf FUSE_SCATTER_ROW for the row it names, and the
     * store is skipped unless 0 <= row < rows. */
    int dest;
    const IrNode *index;
    IxExpr *index_at[IR_MAX_RANK];
    Dim rows;
} FStore;

/* The IX_VAL leaf (c = FUSE_SCATTER_ROW) standing for a scatter's row in
 * FStore.dst, until kernelize puts the index value there. */
#define FUSE_SCATTER_ROW (-2)

typedef struct {
    int rank;                  /* the domain: a shape with a set of row axes */
    Dim shape[IR_MAX_RANK];
    uint32_t row_axes;
    PtrVec stores;             /* FStore* */
} FSegment;

typedef struct {
    PtrVec segs;               /* FSegment* */
    const char *why;           /* why this is a new launch (NULL for the first) */
} FKernel;

typedef struct {
    const IrGraph *graph;
    PtrVec kernels;            /* FKernel*, launch order */
    int ntemp;
    IrNode **temp_node;        /* node materialized in each temp */
    /* Collectives, in graph order: all_reduce node coll_node[i] sums its
     * temp over the ranks after kernel coll_after[i] (the kernel storing
     * its operand) and before the next one. */
    int ncoll;
    IrNode **coll_node;
    int *coll_after;
    bool whole_dest_cat;       /* a cat is stored whole into a parameter it reads */
} FusionPlan;

FusionPlan *pass_fuse(IrGraph *g, Diag *d);
/* split_dest_cats: split every cat stored into a parameter the value
 * reads (the fallback when keeping one whole fails passes/dest.c). */
FusionPlan *pass_fuse_opt(IrGraph *g, Diag *d, bool split_dest_cats);
void fuse_print(const FusionPlan *p, FILE *out);
/* A cat part's index, safe to evaluate for any index of the cat (fuse.c). */
IxExpr *fuse_cat_part_index(Arena *a, const IrNode *cat, int k, IxExpr *i);

/* ---- scheduling and lowering ---- */

/* The cost model: a schedule for a segment (schedule.c). */
KSchedule sched_choose(const KSegment *seg, const KProgram *prog, int *block);
/* The few-rows schedule of a segment whose many-rows schedule is `many`
 * (schedule.c): false (and *out = *many) when `many` serves few rows as
 * well.  *block: the threads per block it wants. */
bool sched_choose_few_rows(const KSegment *seg, const KProgram *prog, const KSchedule *many,
                           KSchedule *out, int *block);
/* Kernel.few_rows_grid_per_sm of the many-rows kernel `many` (wave: the
 * target's). */
int sched_few_rows_grid_per_sm(const Kernel *many, int wave);
/* How a kernel's blocks are dealt to its segments (Kernel.interleave). */
bool sched_interleave(const Kernel *k);
/* Fused plan -> kernel IR with schedules for target t (kernelize.c). */
KProgram *pass_kernelize(const FusionPlan *plan, const KTarget *t, Diag *d);

/* The plan of every segment and kernel (plan.c): KSegment.plan,
 * Kernel.align / nalign / smem_bytes, allocated in a. */
void pass_plan(KProgram *p, Arena *a);

/* Whether the schedule keeps the functional semantics of outputs written
 * into parameters (dest.c); false with a located error otherwise. */
bool pass_check_dests(KProgram *p, Diag *d);

/* The input output `out` may share its buffer with (in place), or -1
 * (alias.c). */
int pass_alias(const KProgram *p, int out);

/* ---- the whole pipeline (pipeline.c) ---- */

/* Run every graph pass, plan, schedule and lower g for target t (NULL:
 * ktarget_default()).  g is rewritten. */
KProgram *pass_pipeline_for(IrGraph *g, const KTarget *t, Diag *d, FusionPlan **plan_out);
/* pass_pipeline_for the default target (NVIDIA: wave 32). */
KProgram *pass_pipeline(IrGraph *g, Diag *d, FusionPlan **plan_out);

#endif
