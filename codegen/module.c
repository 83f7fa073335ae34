/* module.c - cg_emit: every kernel's variants (codegen.h) as one
 * translation unit, with launch metadata; the kernel skeleton (signature,
 * shared memory, blocks dealt to segments) around each segment's body
 * (print_phase.c).  Launch geometry, alignment needs and shared memory are
 * the plan's (Kernel.align, smem_bytes; pass_plan).
 *
 * Each kernel function sits inside
 *     #if !defined(SN_ONLY) || defined(SN_ONLY_<name>)
 * so the runtime can compile the unit of one function alone (-DSN_ONLY
 * -DSN_ONLY_<name>: what a launch needs, docs/runtime.md) from the one
 * source, and the whole unit compiles as before without the macros.  The
 * device code of a function is the same either way (test_jit compares the
 * PTX). */
#include <string.h>

#include "bundle_format.h" /* snb_rows_mul, snb_grid_add: the grid formula */
#include "cg_impl.h"

/* ------------------------------------------------------------- dialect */

static const CgDialectText dialects[] = {
    [CG_CUDA] = {
        "#define SN_DEVICE __device__ __forceinline__\n"
        "__device__ __forceinline__ unsigned sn_f2u(float x) { return __float_as_uint(x); }\n"
        "__device__ __forceinline__ float sn_u2f(unsigned u) { return __uint_as_float(u); }\n",
        "__shfl_xor_sync", "0xffffffffu, ", "__shfl_sync",
    },
    [CG_HIP] = {
        /* no HIP headers: hiprtc declares its own builtins, and the
         * headers are not on its default path in every ROCm install */
        "#define SN_DEVICE __device__ __forceinline__\n"
        "__device__ __forceinline__ unsigned sn_f2u(float x) { return __float_as_uint(x); }\n"
        "__device__ __forceinline__ float sn_u2f(unsigned u) { return __uint_as_float(u); }\n",
        "__shfl_xor", "", "__shfl",
    },
};


const CgDialectText *cg_dialect_text(CgDialect d)
{
    return &dialects[d];
}

/* Buffers a kernel touches: 1 loaded, 2 stored (bits). */
static void buffer_use(const KProgram *p, const Kernel *k, char *use)
{
    memset(use, 0, (size_t)p->nbuf);
    for (int s = 0; s < k->nseg; s++) {
        const KSegment *seg = k->segs[s];
        for (int i = 0; i < seg->ops.len; i++) {
            const KOp *op = seg->ops.items[i];
            if (op->kind == KO_LOAD)
                use[op->a.load.buf] |= 1;
            else if (op->kind == KO_FOLD)
                use[op->a.fold.buf] |= 1;
        }
        for (int i = 0; i < seg->stores.len; i++)
            use[((const KStore *)seg->stores.items[i])->buf] |= 2;
    }
}

static void add_param(Arena *a, PtrVec *v, CgParamKind kind, int buf, int dim, int sym,
                      const char *name)
{
    CgParam *p = ARENA_NEW(a, CgParam);
    p->kind = kind;
    p->buf = buf;
    p->dim = dim;
    p->sym = sym;
    p->name = name;
    ptrvec_push(a, v, p);
}

/* The parameter list, in a fixed order: buffers (pointer, then strides of
 * an input, or the value of a scalar input), then every size symbol. */
static PtrVec kernel_params(Arena *a, const KProgram *p, const Kernel *k)
{
    PtrVec v = {0};
    char *use = arena_alloc(a, (size_t)p->nbuf + 1);
    buffer_use(p, k, use);
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *buf = &p->bufs[b];
        if (!use[b])
            continue;
        if (buf->kind == KB_INPUT && buf->rank == 0) {
            add_param(a, &v, CP_SCALAR, b, 0, 0, arena_printf(a, "b%d_v", b));
            continue;
        }
        add_param(a, &v, CP_PTR, b, 0, 0, arena_printf(a, "b%d", b));
        if (buf->kind == KB_INPUT)
            for (int d = 0; d + 1 < buf->rank; d++)
                add_param(a, &v, CP_STRIDE, b, d, 0, arena_printf(a, "b%d_s%d", b, d));
    }
    for (int s = 0; s < p->graph->nsym; s++)
        add_param(a, &v, CP_SYM, 0, 0, s, arena_printf(a, "sym_%s", cg_sym_ident(p, s, a)));
    return v;
}

static void print_params(Out *o, const KProgram *p, const Kernel *k, const PtrVec *params)
{
    char *use = arena_alloc(o->arena, (size_t)p->nbuf + 1);
    buffer_use(p, k, use);
    for (int i = 0; i < params->len; i++) {
        const CgParam *prm = params->items[i];
        const KBuf *b = &p->bufs[prm->buf];
        cg_put(o, i ? ",\n    " : "\n    ");
        switch (prm->kind) {
        case CP_SCALAR: cg_put(o, "const %s %s", cg_vtype(b->dtype), prm->name); break;
        case CP_PTR:
            cg_put(o, "%s%s *__restrict__ %s", use[prm->buf] & 2 ? "" : "const ", cg_ctype_of[b->dtype],
                prm->name);
            break;
        default: cg_put(o, "const sn_i64 %s", prm->name); break;
        }
    }
}

/* Each reduction's wave values of a team that spans several waves (the
 * plan's smem_bytes). */
static void declare_shared(Out *o, const KProgram *p, const Kernel *k)
{
    int wave = p->target.wave;
    for (int s = 0; s < k->nseg; s++) {
        const KSegment *seg = k->segs[s];
        if (seg->sched.threads_per_row <= wave)
            continue;
        for (int i = 0; i < seg->ops.len; i++) {
            const KOp *op = seg->ops.items[i];
            if (op->kind == KO_REDUCE)
                cg_line(o, "__shared__ %s red%d_%d[%d][%d];", cg_vtype(op->dtype), s, op->id,
                        seg->sched.rows_per_block, seg->sched.threads_per_row / wave);
        }
    }
}

static void print_rows(Out *o, const KProgram *p, const KSegment *seg)
{
    Dim rows = dim_const(1);
    for (int k = 0; k < seg->nouter; k++)
        dim_mul(rows, seg->outer[k], &rows);
    cg_print_dim(o, p, rows);
}

/* Blocks 0, 1, 0, 1, ... while both segments have some (Kernel.interleave):
 * seg and blk within it. */
static void emit_interleave(Out *o, const KProgram *p, const Kernel *k)
{
    for (int s = 0; s < 2; s++) {
        cg_indent(o);
        cg_put(o, "const sn_i64 nblk%d = (", s);
        print_rows(o, p, k->segs[s]);
        cg_put(o, " + %d) / %d;\n", k->segs[s]->sched.rows_per_block - 1,
               k->segs[s]->sched.rows_per_block);
    }
    cg_line(o, "const sn_i64 both = nblk0 < nblk1 ? nblk0 : nblk1;");
    cg_line(o, "const int seg = blk < 2 * both ? (int)(blk & 1) : nblk0 > nblk1 ? 0 : 1;");
    cg_line(o, "blk = blk < 2 * both ? blk >> 1 : blk - both;");
}

/* Segment x->segno's block: its rows, whether this block is its, its body. */
static void emit_segment_block(Cx *x, bool il)
{
    Out *o = x->o;
    const KSegment *seg = x->seg;
    cg_line(o, "{ /* segment %d */", x->segno);
    o->indent++;
    cg_indent(o);
    cg_put(o, "const sn_i64 rows = ");
    print_rows(o, x->p, seg);
    cg_put(o, ";\n");
    if (il) {
        cg_line(o, "if (seg == %d) {", x->segno);
    } else {
        cg_line(o, "const sn_i64 nblk = (rows + %d) / %d;", seg->sched.rows_per_block - 1,
                seg->sched.rows_per_block);
        cg_line(o, "if (blk < nblk) {");
    }
    o->indent++;
    cg_emit_segment(x);
    cg_line(o, "return;");
    o->indent--;
    cg_line(o, "}");
    if (!il)
        cg_line(o, "blk -= nblk;");
    o->indent--;
    cg_line(o, "}");
}

static void emit_kernel(Out *o, const KProgram *p, const CgTarget *t, const Kernel *k,
                        const char *name, bool vector, const PtrVec *params)
{
    cg_put(o, "#if !defined(SN_ONLY) || defined(SN_ONLY_%s)\n", name);
    cg_put(o, "extern \"C\" __global__ void __launch_bounds__(%d) %s(", k->block, name);
    print_params(o, p, k, params);
    cg_put(o, ")\n{\n");
    o->indent = 1;
    if (t->dialect == CG_CUDA)
        cg_line(o, "SN_GRID_ENTRY();");
    cg_line(o, "sn_i64 blk = blockIdx.x;");
    declare_shared(o, p, k);
    bool il = k->interleave && k->nseg == 2;
    if (il)
        emit_interleave(o, p, k);
    for (int s = 0; s < k->nseg; s++) {
        Cx x = {.o = o, .p = p, .t = t, .k = k, .seg = k->segs[s], .segno = s, .vector = vector};
        emit_segment_block(&x, il);
    }
    o->indent = 0;
    cg_put(o, "}\n#endif\n\n");
}

/* Does the vector variant vectorize anything?  Records what it needs. */
static const char *graph_ops(Arena *a, const KProgram *p, const Kernel *k)
{
    const IrGraph *g = p->graph;
    char *seen = arena_alloc(a, (size_t)g->nodes.len + 1);
    Out o = {.arena = a};
    cg_put(&o, "%s", "");
    for (int s = 0; s < k->nseg; s++) {
        const KSegment *seg = k->segs[s];
        for (int i = 0; i < seg->ops.len; i++) {
            const KOp *op = seg->ops.items[i];
            if (op->node < 0 || seen[op->node])
                continue;
            seen[op->node] = 1;
            const IrNode *n = g->nodes.items[op->node];
            const char *what = n->op == IR_UNARY ? ir_unary_name(n->a.unary)
                             : n->op == IR_BINARY ? ir_binary_name(n->a.binary)
                             : n->op == IR_REDUCE ? ir_reduce_name(n->a.reduce.kind)
                             : ir_op_name(n->op);
            cg_put(&o, "%s%%%d %s", o.len ? ", " : "", n->id, what);
        }
    }
    return o.buf ? o.buf : "";
}

/* The launch grid: per segment, its rows (outer dims) and rows_per_block. */
static void grid_segs(Arena *a, const Kernel *k, CgKernel *ck)
{
    ck->nseg = k->nseg;
    ck->segs = ARENA_ARRAY(a, CgGridSeg, k->nseg);
    for (int s = 0; s < k->nseg; s++) {
        ck->segs[s].nouter = k->segs[s]->nouter;
        memcpy(ck->segs[s].outer, k->segs[s]->outer, sizeof(Dim) * IR_MAX_RANK);
        ck->segs[s].rows_per_block = k->segs[s]->sched.rows_per_block;
    }
}

/* Every store into a buffer of two codes per byte (f4e2m1) must be one
 * the plan writes byte by byte (KStorePlan.width: a lane's runs hold both
 * elements of each byte); another lane writing the other nibble would
 * race.  False (reported) for any other: a per-row store, a store whose
 * runs do not start on a byte. */
static bool packed_stores_ok(const KProgram *p, const Kernel *k, Diag *d)
{
    for (const Kernel *v = k; v; v = v == k ? k->few_rows : NULL)
        for (int s = 0; s < v->nseg; s++) {
            const KSegment *seg = v->segs[s];
            for (int i = 0; i < seg->stores.len; i++) {
                const KStore *st = seg->stores.items[i];
                const KBuf *b = &p->bufs[st->buf];
                if (dt_bits(b->dtype) >= 8 || seg->plan->store[i].width)
                    continue;
                Span at = b->kind == KB_OUTPUT && b->index < p->graph->nout
                              ? p->graph->outs[b->index]->span : p->graph->span;
                diag_error(d, at,
                           "cannot generate the store of %s %s in kernel %s: %s packs two "
                           "elements per byte, and here one lane does not own both elements of "
                           "each byte (%s; vector runs of %d); give it an even last dim that "
                           "is a row of its own, stored whole", dt_name(b->dtype), b->name,
                           v->name, dt_name(b->dtype),
                           st->row ? "the runs do not start on a byte"
                                   : "one element per row, by one lane",
                           seg->sched.vec);
                return false;
            }
        }
    return true;
}

/* One kernel's variants (vector, scalar unless `vector_only`) and launch
 * metadata. */
static bool emit_one(Out *o, const KProgram *p, const CgTarget *t, const Kernel *k, Arena *a,
                     CgKernel *ck, bool vector_only, Diag *d)
{
    Span none = {0};
    if (!packed_stores_ok(p, k, d))
        return false;
    ck->block = k->block;
    ck->smem_bytes = k->smem_bytes;
    ck->grid_wait = t->dialect == CG_CUDA;
    if (k->block > t->max_threads || ck->smem_bytes > t->max_smem) {
        diag_error(d, none,
                   "kernel %s needs %d threads and %d bytes of shared memory per block; "
                   "%s allows %d and %d", k->name, k->block, ck->smem_bytes, t->arch,
                   t->max_threads, t->max_smem);
        return false;
    }
    PtrVec params = kernel_params(a, p, k);
    ck->nparam = params.len;
    ck->params = ARENA_ARRAY(a, CgParam, params.len ? params.len : 1);
    for (int j = 0; j < params.len; j++)
        ck->params[j] = *(CgParam *)params.items[j];
    grid_segs(a, k, ck);
    ck->nalign = k->nalign;
    ck->align = k->align;
    ck->name = k->name;
    ck->scalar_name = ck->nalign && !vector_only ? arena_printf(a, "%s_scalar", k->name) : NULL;
    ck->ops = graph_ops(a, p, k);
    if (ck->nalign)
        emit_kernel(o, p, t, k, ck->name, true, &params);
    if (!ck->nalign || !vector_only)
        emit_kernel(o, p, t, k, ck->nalign ? ck->scalar_name : ck->name, false, &params);
    return true;
}

/* A program scheduled for 32-lane waves runs on 64-lane GPUs too, not the
 * reverse. */
static bool wave_fits(const KProgram *p, const CgTarget *t, Diag *d)
{
    if (p->target.wave <= t->wave)
        return true;
    diag_error(d, (Span){0}, "graph %s was scheduled for %d-lane waves; %s has %d",
               p->graph->name, p->target.wave, t->arch, t->wave);
    return false;
}

bool cg_emit(const KProgram *p, const CgTarget *t, Arena *a, CgModule *m, Diag *d)
{
    if (!wave_fits(p, t, d) || !cg_check_outputs(p->graph, t, d))
        return false;
    Out o = {.arena = a};
    cg_put(&o, "/* generated by sinter from graph %s; do not edit */\n", p->graph->name);
    cg_put(&o, "%s", dialects[t->dialect].header);
    if (t->dialect == CG_HIP)
        cg_put(&o, "%.*s", (int)sinter_prelude_hip_head_cuh_len, sinter_prelude_hip_head_cuh);
    cg_put(&o, "%.*s\n", (int)sinter_prelude_cuh_len, sinter_prelude_cuh);
    if (t->dialect == CG_HIP)
        cg_put(&o, "%.*s\n", (int)sinter_prelude_hip_cuh_len, sinter_prelude_hip_cuh);
    if (cg_uses_int_prelude(p))
        cg_put(&o, "%.*s\n", (int)sinter_prelude_int_cuh_len, sinter_prelude_int_cuh);
    if (cg_mx_hw(t) && cg_uses_mx(p))
        cg_put(&o, "%.*s\n", (int)sinter_prelude_sm100_cuh_len, sinter_prelude_sm100_cuh);
    m->nkernel = p->nkernel;
    m->kernels = ARENA_ARRAY(a, CgKernel, p->nkernel ? p->nkernel : 1);
    for (int i = 0; i < p->nkernel; i++) {
        const Kernel *k = p->kernels[i];
        CgKernel *ck = &m->kernels[i];
        if (!emit_one(&o, p, t, k, a, ck, false, d))
            return false;
        if (k->few_rows && k->few_rows->block <= t->max_threads &&
            k->few_rows->smem_bytes <= t->max_smem) {
            ck->few_rows = ARENA_NEW(a, CgKernel);
            /* no scalar variant: misaligned arguments take this kernel's
             * (the slow path either way; a quarter less to JIT-compile) */
            if (!emit_one(&o, p, t, k->few_rows, a, ck->few_rows, true, d))
                return false;
            ck->few_rows_grid_per_sm = k->few_rows_grid_per_sm;
        }
    }
    m->source = o.buf;
    return true;
}

KTarget cg_target_facts(const CgTarget *t)
{
    KTarget k = ktarget_default();
    k.wave = t->wave;
    k.max_smem = t->max_smem;
    k.max_threads = t->max_threads;
    return k;
}

/* The formula is the runtime's (bundle_format.h), so both agree. */
int64_t cg_grid(const CgKernel *k, const int64_t *symvals)
{
    int64_t total = 0;
    for (int s = 0; s < k->nseg; s++) {
        int64_t rows = 1;
        for (int i = 0; i < k->segs[s].nouter; i++)
            rows = snb_rows_mul(rows, dim_eval(k->segs[s].outer[i], symvals));
        total = snb_grid_add(total, rows, k->segs[s].rows_per_block);
    }
    return total;
}
