/* codegen.h - kernel IR -> CUDA or HIP source, plus launch metadata.
 *
 * Codegen is a printer: every decision (fusion, schedule, vector width,
 * reduction order, phases, load windows, prefetch, reciprocals, alignment
 * needs, shared memory) was made before it and is read from the kernel IR
 * and its plan (KSegment.plan, Kernel.align: pass_plan), which it requires.  One
 * C-like printer serves both dialects through a small table (shuffles,
 * headers, wave size); the device prelude (prelude.cuh) is shared text.
 *
 * Each kernel is emitted in up to two variants:
 *   NAME         the plan's vector loads (windows, prefetch) and vector
 *                stores (4, 8 or 16 bytes); requires the alignments in
 *                CgKernel.align (Kernel.align: base pointers aligned,
 *                outer strides multiples of the vector width);
 *   NAME_scalar  the same computation with element loads/stores: runs
 *                whenever an alignment check fails.
 * Both compute bit-identical results.  A kernel with a few-rows schedule
 * (Kernel.few_rows) is emitted once more, as NAME_few, with its own block
 * and grid (CgKernel.few_rows): a vector variant only (its scalar_name is
 * NULL even where it has alignment needs), since misaligned arguments run
 * NAME_scalar whatever the row count. */
#ifndef SINTER_CODEGEN_H
#define SINTER_CODEGEN_H

#include <stdio.h>

#include "kernel.h"

typedef enum { CG_CUDA, CG_HIP } CgDialect;

/* The FP8 format a GPU's hardware reads and writes (its conversions and
 * matrix units): OCP (f8e4m3 = E4M3FN, f8e5m2) on NVIDIA, gfx950 (MI350,
 * MI355) and gfx1201 (RDNA4); FNUZ (f8e4m3fnuz, f8e5m2fnuz) on gfx942
 * (MI300); none on gfx90a (MI200) and gfx1100 (RDNA3).  NVIDIA GPUs
 * before sm_89 have no FP8 units either, but FP8 there is OCP's alone. */
typedef enum { CG_FP8_NONE, CG_FP8_OCP, CG_FP8_FNUZ } CgFp8;

typedef struct {
    CgDialect dialect;
    const char *arch;      /* "sm_90", "gfx942", ... */
    int wave;              /* 32 or 64 */
    int max_smem;          /* bytes per block */
    int max_threads;       /* per block */
    CgFp8 fp8;             /* the FP8 its hardware reads */
    bool ocp_fp8;          /* "+ocp-fp8" on an FNUZ target: OCP FP8 outputs
                              asked for (cg_check_outputs), `f8` is OCP */
} CgTarget;

/* Parse "sm_90", "cuda:sm_90", "hip:gfx942", "gfx90a", and on an FNUZ
 * target "hip:gfx942+ocp-fp8"; false (with the known list in d) on an
 * unknown arch. */
bool cg_target(const char *spec, CgTarget *t, Diag *d);
/* What the dtype name `f8` (the native e4m3) means for targets t[0..n):
 * the e4m3 of the formats their hardware reads (f8e4m3fnuz on gfx942
 * without +ocp-fp8, else f8e4m3; targets without FP8 units impose none;
 * f8e4m3 when none does).  False, with the message in why, when two
 * targets read different formats: one bundle has one signature, so such
 * a bundle cannot give `f8` one meaning. */
bool cg_targets_f8(const CgTarget *t, int n, DType *f8, char *why, size_t len);
/* The outputs of g are formats t reads: an OCP FP8 output (f8e4m3,
 * f8e5m2) on an FNUZ target is refused, located at the output's value,
 * unless t->ocp_fp8.  cg_emit checks it. */
bool cg_check_outputs(const IrGraph *g, const CgTarget *t, Diag *d);
/* "sm_80 sm_86 ... gfx90a gfx942 gfx1100" */
const char *cg_known_archs(void);

typedef enum { CP_PTR, CP_STRIDE, CP_SYM, CP_SCALAR } CgParamKind;

typedef struct {
    CgParamKind kind;
    int buf;               /* CP_PTR, CP_STRIDE, CP_SCALAR: buffer index */
    int dim;               /* CP_STRIDE: dimension (elements) */
    int sym;               /* CP_SYM: symbol index */
    const char *name;      /* the C parameter name */
} CgParam;

typedef struct {
    int nouter;
    Dim outer[IR_MAX_RANK];
    int rows_per_block;
} CgGridSeg;

/* What the vector variant needs of a buffer (the plan's, kernel.h). */
typedef KAlign CgAlign;

typedef struct CgKernel {
    const char *name;          /* the vector variant, or the only one */
    const char *scalar_name;   /* the fallback, or NULL when there is one variant */
    int nparam;
    CgParam *params;
    int block;                 /* threads per block */
    int smem_bytes;            /* static shared memory */
    int nseg;                  /* grid = sum over segments of ceil(rows / rows_per_block) */
    CgGridSeg *segs;
    int nalign;
    CgAlign *align;
    const char *ops;           /* the graph ops it contains, for comments */
    struct CgKernel *few_rows; /* Kernel.few_rows emitted (same parameters), or NULL:
                                  launched instead when this kernel's grid is at most
                                  few_rows_grid_per_sm x the device's SM count and its
                                  own alignments hold (else this kernel as usual) */
    int few_rows_grid_per_sm;
    bool grid_wait;            /* starts with SN_GRID_ENTRY (CUDA): touches no global
                                  memory before the grids it depends on are done, so
                                  it may be launched with programmatic dependent launch */
} CgKernel;

typedef struct {
    int nkernel;
    CgKernel *kernels;
    char *source;              /* the whole translation unit (arena) */
} CgModule;

/* What passes need of t (pass_pipeline_for): its wave, limits, and the
 * default register budget. */
KTarget cg_target_facts(const CgTarget *t);
/* Emit every kernel of p for target t.  False (reason in d) when the target
 * cannot run a kernel (block or shared memory over its limits) or p was
 * scheduled for a wider wave than t's.  A program scheduled for 32-lane
 * waves runs on 64-lane ones too (its shuffles stay within 32 lanes). */
bool cg_emit(const KProgram *p, const CgTarget *t, Arena *a, CgModule *out, Diag *d);
/* Grid size for symbol values (number of blocks), -1 on overflow. */
int64_t cg_grid(const CgKernel *k, const int64_t *symvals);
/* The source with a header comment per kernel: signature, launch geometry,
 * alignment variants, the graph ops it contains. */
void cg_print(const KProgram *p, const CgModule *m, const CgTarget *t, FILE *out);

/* The device prelude text (prelude.cuh, built in), and HIP's text before
 * and after it (prelude_hip_head.cuh, prelude_hip.cuh: AMD's FP8
 * conversion instructions where the GPU has them). */
extern const char sinter_prelude_cuh[];
extern const unsigned long sinter_prelude_cuh_len;
extern const char sinter_prelude_hip_head_cuh[];
extern const unsigned long sinter_prelude_hip_head_cuh_len;
extern const char sinter_prelude_hip_cuh[];
extern const unsigned long sinter_prelude_hip_cuh_len;
/* The helpers of the unsigned dtypes, bit ops, // and %, bitcasts, signbit,
 * exponent and ldexp (prelude_int.cuh): appended only where used. */
extern const char sinter_prelude_int_cuh[];
extern const unsigned long sinter_prelude_int_cuh_len;
/* Blackwell's f4e2m1 and f8e8m0 conversion instructions (prelude_sm100.cuh):
 * appended for CUDA targets sm_100 and later, only where used. */
extern const char sinter_prelude_sm100_cuh[];
extern const unsigned long sinter_prelude_sm100_cuh_len;

#endif
