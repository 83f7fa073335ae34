/* cg_impl.h - private interface between codegen's files:
 *   print_expr.c    output buffer, C types, index expressions, op expressions
 *   print_phase.c   a segment's body: loops, loads, phases, reductions, stores
 *   module.c        kernel skeletons, parameters, cg_emit / cg_grid
 * Everything printed follows the kernel IR's plan (KSegment.plan). */
#ifndef SINTER_CG_IMPL_H
#define SINTER_CG_IMPL_H

#include "codegen.h"

typedef struct {
    Arena *arena;
    char *buf;
    size_t len, cap;
    int indent;
} Out;

/* Appends printf output to o. */
void cg_put(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* One line at o's indent, newline added. */
void cg_line(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* o's indent, as spaces. */
void cg_indent(Out *o);

/* What one segment of one kernel variant prints from. */
typedef struct {
    Out *o;
    const KProgram *p;
    const CgTarget *t;
    const Kernel *k;
    const KSegment *seg;
    const KPlan *pl;           /* seg->plan */
    int segno;
    bool vector;               /* this variant prints the plan's vector accesses */
    int64_t n;                 /* static row length or -1 */
    int stream;                /* the phase being printed: runs per step (KPhase.stream),
                                  0 when it is not streamed */
} Cx;

/* The C type of a buffer element, the storage suffix of a narrow float
 * ("bf16", "e4m3", ...; NULL for others), the value type of a dtype
 * ("float" or "sn_i64"), the integer width of an integer dtype. */
extern const char *const cg_ctype_of[DT_COUNT];
const char *cg_suffix(DType t);
/* Print an ops.h codegen template (one %s per operand) with its operands. */
void cg_template(Out *o, const char *tmpl, const char *const *args);
const char *cg_vtype(DType t);
int cg_int_bits(DType t);
bool cg_uses_int_prelude(const KProgram *p);
/* Does t convert to f4e2m1 and f8e8m0 through prelude_sm100.cuh's hardware
 * instructions (CUDA sm_100 and later)?  Then codegen prints the "_hw"
 * names for t (cg_mx_sfx: "_hw" for those two dtypes, else "") and cg_emit
 * appends the fragment when the program uses them (cg_uses_mx). */
bool cg_mx_hw(const CgTarget *t);
const char *cg_mx_sfx(const CgTarget *t, DType d);
bool cg_uses_mx(const KProgram *p);
const char *cg_sym_ident(const KProgram *p, int s, Arena *a);

void cg_print_dim(Out *o, const KProgram *p, Dim d);
/* Flat element offset of idx in buffer bi (gathered indices clamped). */
void cg_print_offset(Cx *x, int bi, IxExpr *const *idx);
/* A load's value expression (element load, or a scalar by value). */
void cg_load_expr(Cx *x, const KOp *op);
/* "const float k5 = <expr>;" for a non-reduce op. */
void cg_emit_op(Cx *x, const KOp *op);

/* The segment's body inside its `if (blk < nblk)` (print_phase.c). */
void cg_emit_segment(Cx *x);
/* The dialect's shuffle names: xor, its mask argument, lane broadcast;
 * and its header text. */
typedef struct {
    const char *header;        /* before the prelude */
    const char *shfl_xor;      /* "name(" ... "value, offset, 32)" */
    const char *shfl_xor_mask; /* a leading mask argument, or "" */
    const char *shfl_idx;      /* lane broadcast: name(mask? value, lane, width) */
} CgDialectText;
const CgDialectText *cg_dialect_text(CgDialect d);

#endif
