/* ir.h - the graph IR: a typed, shaped DAG of tensor ops in SSA form.
 *
 * Values.  Every node is one value with a dtype and a shape of Dims.  A Dim
 * is a monomial: coef * sym[0] * sym[1] * ... (symbols are the graph's
 * launch-time sizes such as T).  A rank-0 shape is a scalar.
 *
 * Arithmetic semantics (the language's, see docs/language.md): float values
 * are computed in f32 whatever their dtype; a node's dtype is the type the
 * value would be stored as.  Values are rounded only by IR_CAST and when a
 * graph output is stored.  Integer values are computed in 64 bits and wrap
 * to their dtype only at IR_CAST and output stores; bool values are 0 or 1.
 *
 * Shapes.  Pointwise nodes (UNARY, BINARY, WHERE, CAST) have every operand
 * of exactly the node's shape: broadcasting is made explicit by IR_VIEW
 * nodes whose map ignores the broadcast dims.  Constants are IR_CONST nodes
 * of any shape (every element equal).
 *
 * Layout never copies.  IR_VIEW maps each index of its output to an index of
 * its single input through affine expressions with floor-div and mod
 * (IxExpr); reshape, permute, transpose, slice, split, expand, squeeze,
 * unsqueeze and indexing all become IR_VIEW.  IR_CAT and IR_GATHER are
 * index maps with a choice of source.  Later passes fold these maps into
 * the loads and stores of kernels.
 *
 * Nodes are kept in a topological order (operands before users).  Node ids
 * are dense indices into IrGraph.nodes and are what the printer shows (%id). */
#ifndef SINTER_IR_H
#define SINTER_IR_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"
#include "dtype.h"
#include "ops.h"

#define IR_MAX_RANK 8
#define IR_MAX_DIM_SYMS 4

/* coef * prod(syms[0..nsym)).  syms sorted ascending; coef >= 1 for a valid
 * size.  A Dim with nsym == 0 is the constant coef. */
typedef struct {
    int64_t coef;
    uint8_t nsym;
    uint16_t syms[IR_MAX_DIM_SYMS];
} Dim;

Dim dim_const(int64_t c);
Dim dim_sym(int sym);
bool dim_eq(Dim a, Dim b);
bool dim_is_const(Dim a, int64_t c);           /* a == constant c */
bool dim_mul(Dim a, Dim b, Dim *out);          /* false on overflow / too many symbols */
/* a / b when b divides a exactly (coefficient divisible, symbols a superset). */
bool dim_div(Dim a, Dim b, Dim *out);
/* Value for the given symbol bindings; -1 on overflow. */
int64_t dim_eval(Dim a, const int64_t *symvals);
/* "T", "4096", "32*T"; writes into buf, returns buf. */
const char *dim_str(Dim a, const char *const *symnames, char *buf, int bufsize);

/* Index expressions over the output indices (vars) of a view. All values are
 * non-negative at run time, so DIV is floor division.  MUL and DIV/MOD take
 * a non-negative constant or symbol-monomial right operand (b). */
typedef enum { IX_CONST, IX_VAR, IX_DIM, IX_ADD, IX_MUL, IX_DIV, IX_MOD,
               IX_VAL /* kernel IR only: the integer value of kernel op c (a gather index) */
} IxKind;
typedef struct IxExpr {
    IxKind kind;
    int64_t c;              /* IX_CONST: value; IX_VAR: output dim index */
    Dim dim;                /* IX_DIM: a size (constant or symbolic) */
    struct IxExpr *a, *b;   /* operands of ADD/MUL/DIV/MOD */
} IxExpr;

IxExpr *ix_const(Arena *ar, int64_t c);
IxExpr *ix_var(Arena *ar, int v);
IxExpr *ix_dim(Arena *ar, Dim d);      /* folds to IX_CONST when constant */
IxExpr *ix_add(Arena *ar, IxExpr *a, IxExpr *b);  /* fold constants, x+0 */
IxExpr *ix_mul(Arena *ar, IxExpr *a, IxExpr *b);  /* fold x*1, x*0, consts */
IxExpr *ix_div(Arena *ar, IxExpr *a, IxExpr *b);  /* fold x/1 */
IxExpr *ix_mod(Arena *ar, IxExpr *a, IxExpr *b);  /* fold x%1 -> 0 */
/* -1 on overflow, a negative value or a zero divisor. */
int64_t ix_eval(const IxExpr *e, const int64_t *vars, const int64_t *symvals);
/* The same with IX_VAL leaves read from vals[c] (kernel IR executor). */
int64_t ix_eval_vals(const IxExpr *e, const int64_t *vars, const int64_t *symvals,
                     const int64_t *vals);
/* Substitute vars: result var i is replaced by subst[i]. */
IxExpr *ix_subst(Arena *ar, const IxExpr *e, IxExpr *const *subst);
/* Writes a C-like expression ("(v1*128 + v2)") using v<N> for vars. */
void ix_print(const IxExpr *e, const char *const *symnames, char *buf, int bufsize);

/* The one generic walk over an index expression (iterative: no depth
 * limit).  ix_walk calls fn on every node in pre-order (left operand
 * before right; a shared subtree once per reference) until fn says stop;
 * IX_SKIP leaves out the node's operands.  Returns IX_STOP when fn
 * stopped it, else IX_GO. */
typedef enum { IX_GO, IX_SKIP, IX_STOP } IxStep;
typedef IxStep (*IxVisit)(const IxExpr *e, void *ctx);
IxStep ix_walk(const IxExpr *e, IxVisit fn, void *ctx);
/* A hash of e's structure: structurally equal expressions (ix_equal) hash
 * alike (iterative, any depth). */
uint64_t ix_hash(const IxExpr *e);
/* Whether pred holds for some node of e (pre-order, stops at the first). */
typedef bool (*IxPred)(const IxExpr *e, void *ctx);
bool ix_any(const IxExpr *e, IxPred pred, void *ctx);
/* Whether e has a node of this kind (IX_VAR: depends on an index). */
bool ix_has_kind(const IxExpr *e, IxKind kind);

/* Op kinds, generated from ops.h's IR_OPS (names, arity, class there):
 *   IR_INPUT   graph parameter; a.input
 *   IR_CONST   every element a.cnst
 *   IR_UNARY   a.unary
 *   IR_BINARY  a.binary
 *   IR_WHERE   in[0] bool cond, in[1] if true, in[2] if false
 *   IR_CAST    convert in[0] to dtype (rounds, see dtype.h); a.cast.saturate
 *              clamps first; a.cast.bitcast reinterprets the bits instead
 *              clamps to +-dt_max_finite first (NaN stays NaN)
 *   IR_REDUCE  a.reduce over in[0]
 *   IR_VIEW    a.view: out[idx] = in[0][map(idx)]
 *   IR_CAT     a.cat: concatenation of in[0..nin) along a.cat.dim
 *   IR_GATHER  a.gather: in[0] table, in[1] integer index tensor
 *   IR_IOTA    rank 1, integer dtype: element j is j (a 64-bit value like
 *              every integer, wrapped to the dtype at casts and stores)
 *   IR_ALLREDUCE  in[0] summed over the ranks of the communicator the graph
 *              is launched with (f32 in and out, same shape): element-wise
 *              s = x_0, then s = s + x_r for r = 1 .. world-1 in f32, each
 *              x_r rank r's value of in[0] (docs/language.md, "Collectives";
 *              NCCL may add in another order, which tests tolerate) */
#define IR_X_ENUM(ID, ...) IR_##ID,
typedef enum { IR_OPS(IR_X_ENUM) IR_OP_COUNT } IrOp;
#undef IR_X_ENUM

/* The elementwise and reduction op kinds, one per row of ops.h (which
 * states each one's classes, flags and semantics). */
#define IR_X_ENUM(ID, ...) UN_##ID,
typedef enum { IR_UNARY_OPS(IR_X_ENUM) UN_COUNT } IrUnary;
#undef IR_X_ENUM
#define IR_X_ENUM(ID, ...) BIN_##ID,
typedef enum { IR_BINARY_OPS(IR_X_ENUM) BIN_COUNT } IrBinary;
#undef IR_X_ENUM
#define IR_X_ENUM(ID, ...) RED_##ID,
typedef enum { IR_REDUCE_OPS(IR_X_ENUM) RED_COUNT } IrReduce;
#undef IR_X_ENUM
/* RED_MAX/RED_MIN propagate NaN.  Float sums accumulate in f64 in the
 * reference interpreter; kernels may reassociate in f32. */

typedef struct IrNode {
    int id;
    IrOp op;
    DType dtype;
    int rank;
    Dim shape[IR_MAX_RANK];
    int nin;
    struct IrNode **in;
    Span span; /* source of the expression that made it */
    union {
        struct { int index; const char *name; } input;
        struct { double f; int64_t i; } cnst; /* f for float dtypes, i otherwise */
        IrUnary unary;
        IrBinary binary;
        struct { IrReduce kind; uint32_t axes; bool keepdim; } reduce; /* axes: bit per input dim */
        struct {
            IxExpr *src[IR_MAX_RANK]; /* one per input dim, over this node's indices */
            /* The inverse map when the view is a bijection (reshape, permute,
             * squeeze/unsqueeze of size-1 dims): one per dim of this node,
             * over the input's indices; `invertible` is false otherwise
             * (slice, select, expand). */
            IxExpr *inv[IR_MAX_RANK];
            bool invertible;
        } view;
        struct { int dim; } cat;
        /* saturate: clamp to the target's finite range before rounding;
         * bitcast: reinterpret the storage bits of in[0]'s value in its
         * dtype (rounded to it, as a store does) as this node's dtype, of
         * the same width (dt_bits); neither is bool (never with saturate) */
        struct { bool saturate; bool bitcast; } cast;
        struct { int dim; } gather; /* out = table.shape[:dim] + idx.shape + table.shape[dim+1:] */
    } a;
} IrNode;

/* A derived size symbol: a size computed from earlier symbols at launch,
 * op(a, b) with a a Dim over symbols of smaller ids and b >= 1 a constant
 * (`f32[56, align(T, 4)]`).  Shapes bind free symbols only; a derived
 * one's value is computed (ir_graph_derive_syms) and a dim using it is
 * checked against the tensor.  Its name is its text: "align(T, 4)". */
typedef enum { SYM_FREE, SYM_FLOORDIV, SYM_MOD, SYM_CDIV, SYM_ALIGN } IrSymOp;
typedef struct {
    IrSymOp op;
    Dim a;
    int64_t b;
} IrSymDef;

/* Where a returned value goes when it is written into a parameter (`return
 * v -> dest`, docs/language.md) instead of a new output.  The value's
 * element i goes to param[map(u)], where u are the destination view's
 * indices: without a scatter (index NULL) u = i; with one, index is an
 * integer tensor of rank r = index->rank, u0 = index[i0 .. i{r-1}] and
 * u{j} = i{r-1+j} for j >= 1, and the element is written only when
 * 0 <= u0 < rows (other rows are skipped).  map has one expression per
 * dim of the parameter, over the u vars; it is injective (the front end
 * accepts only views that are).  The graph's output value is the whole
 * parameter after the writes (reads see the parameter as at launch). */
typedef struct {
    int param;                 /* index into IrGraph.params */
    IxExpr *map[IR_MAX_RANK];
    IrNode *index;             /* scatter index, or NULL */
    Dim rows;                  /* scatter: the destination view's dim 0 */
    Span span;                 /* the destination expression */
} IrDest;

typedef struct IrGraph {
    const char *name;
    Span span;
    int nsym;
    const char **syms;         /* symbol names, index = symbol id */
    IrSymDef *symdefs;         /* nsym entries, or NULL when every symbol is free */
    int nparam;
    IrNode **params;           /* IR_INPUT nodes in declaration order */
    PtrVec nodes;              /* IrNode*, topological; nodes.items[i]->id == i */
    int nout;
    IrNode **outs;             /* returned values in order (may repeat, may be inputs) */
    const char **out_names;    /* the returned expression's name if it was a plain variable, else NULL */
    IrDest **out_dest;         /* per output: where it is written (NULL: a new output); the
                                  array is NULL when no output has one */
    Arena *arena;
} IrGraph;

typedef struct IrModule {
    int ngraph;
    IrGraph **graphs;
    Arena *arena;
} IrModule;

/* ---- builder: each returns a new node appended to g (no folding). Callers
 * (the front end) have already checked types and shapes; the builder
 * asserts them. */
IrGraph *ir_graph_new(Arena *ar, const char *name, Span span);
int ir_graph_sym(IrGraph *g, const char *name); /* id, adding the symbol if new */
/* The id of the derived symbol op(a, b) (b >= 1, a over existing
 * symbols), adding it if new. */
int ir_graph_sym_derived(IrGraph *g, IrSymOp op, Dim a, int64_t b);
bool ir_sym_is_derived(const IrGraph *g, int sym);
/* op(a, b) for a >= 0, b >= 1 (-1 if a < 0). */
int64_t ir_sym_apply(IrSymOp op, int64_t a, int64_t b);
/* Fills symvals[s] of every derived symbol from the symbols it uses (-1
 * where one of them is unbound, negative or the value overflows). */
void ir_graph_derive_syms(const IrGraph *g, int64_t *symvals);
IrNode *ir_input(IrGraph *g, const char *name, DType t, int rank, const Dim *shape, Span s);
IrNode *ir_const_f(IrGraph *g, double v, DType t, int rank, const Dim *shape, Span s);
IrNode *ir_const_i(IrGraph *g, int64_t v, DType t, int rank, const Dim *shape, Span s);
IrNode *ir_unary(IrGraph *g, IrUnary k, DType t, IrNode *x, Span s);
IrNode *ir_binary(IrGraph *g, IrBinary k, DType t, IrNode *x, IrNode *y, Span s);
IrNode *ir_where(IrGraph *g, DType t, IrNode *c, IrNode *x, IrNode *y, Span s);
IrNode *ir_cast(IrGraph *g, DType t, IrNode *x, Span s);
IrNode *ir_bitcast(IrGraph *g, DType t, IrNode *x, Span s); /* a.cast.bitcast */
IrNode *ir_reduce(IrGraph *g, IrReduce k, DType t, IrNode *x, uint32_t axes, bool keepdim, Span s);
IrNode *ir_view(IrGraph *g, IrNode *x, int rank, const Dim *shape, IxExpr *const *src, Span s);
IrNode *ir_cat(IrGraph *g, int n, IrNode *const *parts, int dim, Span s);
IrNode *ir_gather(IrGraph *g, IrNode *table, IrNode *idx, int dim, Span s);
IrNode *ir_iota(IrGraph *g, DType t, Dim n, Span s);
/* all_reduce(x): x is f32 (the front end casts a narrower float first). */
IrNode *ir_all_reduce(IrGraph *g, IrNode *x, Span s);
/* A copy of pointwise node n (op, kind, dtype, attributes, span) over the
 * operands ops[0..n->nin), which have their new common shape. */
IrNode *ir_pointwise_like(IrGraph *g, const IrNode *n, IrNode *const *ops);
void ir_set_outputs(IrGraph *g, int n, IrNode *const *outs, const char *const *names);
/* Output o is written into a parameter (dest is copied into g's arena). */
void ir_set_output_dest(IrGraph *g, int o, const IrDest *dest);
/* Output o's destination, or NULL for a new output. */
const IrDest *ir_output_dest(const IrGraph *g, int o);
/* The rows of the scatter whose index is parameter p (an output's
 * destination), evaluated; 0 when p indexes no scatter. */
int64_t ir_scatter_rows(const IrGraph *g, const IrNode *p, const int64_t *symvals);
/* Whether some output is written into parameter p (an in-out parameter). */
bool ir_param_written(const IrGraph *g, int p);
/* Outputs that are new (not written into a parameter), and output o's
 * position among them (-1 for one written into a parameter). */
int ir_num_new_outputs(const IrGraph *g);
int ir_new_output_index(const IrGraph *g, int o);

/* ---- rewriting, for passes: a pass builds replacement nodes with the
 * builder (they are appended), redirects uses, then compacts. */
/* Every operand and output n with n->id < nmap and map[n->id] != NULL is
 * replaced by map[n->id] (chains are followed). */
void ir_replace_uses(IrGraph *g, IrNode **map, int nmap);
/* Keep the parameters and the nodes the outputs reach, in a topological
 * order (operands first, otherwise stable), with dense ids again. */
void ir_compact(IrGraph *g);
/* One sweep of a local rewrite: rule(g, n) returns a node computing the
 * same value as n (built with the builder, or an existing one) or NULL.
 * Nodes are visited in order, each with its operands already redirected to
 * the replacements of earlier nodes; then every use is redirected and the
 * graph compacted.  Returns whether anything was replaced. */
typedef IrNode *(*IrRule)(IrGraph *g, IrNode *n);
bool ir_rewrite(IrGraph *g, IrRule rule);
/* The distinct sizes of the table dims that integer input p indexes
 * through gathers (views between allowed): p's values must lie in [0,
 * each).  The first max go to out; returns how many there are. */
int ir_index_bounds(const IrGraph *g, const IrNode *p, Dim *out, int max);
/* Same rank and the same dims (symbols included). */
bool ir_same_shape(const IrNode *a, const IrNode *b);
/* Structural equality of index expressions. */
bool ix_equal(const IxExpr *a, const IxExpr *b);

/* Number of elements for the given symbol bindings (-1 on overflow). */
int64_t ir_numel(const IrNode *n, const int64_t *symvals);
/* "bf16[T, 4096]" */
const char *ir_type_str(const IrGraph *g, const IrNode *n, char *buf, int bufsize);
/* One row of ops.h as data, for code that asks about an op kind at run
 * time (an out-of-range kind gets a row named "?" with nothing set). */
typedef struct {
    const char *name;  /* as printed */
    const char *sn;    /* the .sn spelling, or NULL */
    int arity;         /* IR_OPS: operand count, -1 for one or more; else 0 */
    int cls;           /* OPK_* (IR_OPS), OPC_* (binary); else 0 */
    unsigned dom;      /* OPD_*: operand classes it is defined on */
    unsigned flags;    /* OPF_* */
    const char *cf, *ci;     /* codegen templates (float, integer operands) */
    const char *cfid, *ciid; /* reductions: codegen's identity literals */
} IrOpInfo;
const IrOpInfo *ir_op_info(IrOp op);
const IrOpInfo *ir_unary_info(IrUnary k);
const IrOpInfo *ir_binary_info(IrBinary k);
const IrOpInfo *ir_reduce_info(IrReduce k);
/* The OPD_* class of values of dtype t. */
unsigned ir_dtype_dom(DType t);
const char *ir_op_name(IrOp op);
const char *ir_unary_name(IrUnary k);
const char *ir_binary_name(IrBinary k);
const char *ir_reduce_name(IrReduce k);

/* Stable text form, one node per line (see docs/ir.md). */
void ir_print_graph(const IrGraph *g, FILE *out);
void ir_print_module(const IrModule *m, FILE *out);
/* Checks every invariant above; reports each broken one as an error
 * (with the node id) and returns false.  Run between stages in tests. */
bool ir_verify(const IrGraph *g, Diag *d);

#endif
