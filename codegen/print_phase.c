/* print_phase.c - a segment's body, printed from its plan (KSegment.plan):
 *   team = threadIdx.x / TPR, lane = threadIdx.x % TPR,
 *   row = block * ROWS_PER_BLOCK + team, live = row < rows;
 *   outer vars from row; per-row ops where the plan puts them;
 *   per phase: the prefetch loops, then a loop over the lane's runs (c)
 *   with each run's loads, an element loop (j) computing the phase's row
 *   ops and folding its reductions, the run's stores (a streamed phase,
 *   KPhase.stream: all of that inside a rolled loop over steps of
 *   `stream` runs, cs, run c = cs + u, the prefetch arrays indexed by u
 *   and declared in the step); then the team
 *   reduction (xor-butterfly within a wave, then across waves through
 *   shared memory, or lane 0's value broadcast);
 *   per-row outputs stored by lane 0.
 * Every lane runs every loop and shuffle (dead rows are masked, never
 * branched around), so shuffles and barriers are always uniform.  Loads
 * never depend on `live`: a dead team's outer indices are those of row 0
 * (o<k> = live ? ... : 0), which exists whenever the segment has a block,
 * and gather indices are clamped; only stores are masked. */
#include <stdio.h>
#include <string.h>

#include "cg_impl.h"

/* The vector type moving `bytes` bytes (4, 8 or 16). */
static const char *vector_type(int bytes)
{
    return bytes == 16 ? "uint4" : bytes == 8 ? "uint2" : bytes == 4 ? "unsigned" : NULL;
}

static const char *zero_of(DType t)
{
    return dt_is_float(t) ? "0.0f" : "0";
}

/* -------------------------------------------------------------- loops */

/* Index arithmetic inside a row is 32-bit when the row length is static
 * and fits; only offsets that involve outer indices, symbols or strides
 * are computed in 64 bits (print_ix widens row vars there). */
static const char *idx_type(const Cx *x)
{
    return x->n >= 0 && x->n < ((int64_t)1 << 30) ? "int" : "sn_i64";
}

/* The prefetch slot of the current run: pf<i>[c], or pf<i>[u] in a step. */
static const char *slot_ix(const Cx *x)
{
    return x->stream ? "u" : "c";
}

static void open_runs(Cx *x)
{
    const KSchedule *s = &x->seg->sched;
    if (x->stream) { /* the step's runs: c = cs + u */
        cg_line(x->o, "#pragma unroll");
        cg_line(x->o, "for (int u = 0; u < %d; u++) {", x->stream);
        x->o->indent++;
        cg_line(x->o, "const int c = cs + u;");
    } else if (s->chunks > 0) {
        cg_line(x->o, "#pragma unroll");
        cg_line(x->o, "for (int c = 0; c < %d; c++) {", s->chunks);
    } else {
        cg_line(x->o, "for (int c = 0;; c++) {");
    }
    if (!x->stream)
        x->o->indent++;
    if (idx_type(x)[0] == 'i')
        cg_line(x->o, "const int e0 = (c * %d + lane) * %d;", s->threads_per_row, s->vec);
    else
        cg_line(x->o, "const sn_i64 e0 = ((sn_i64)c * %d + lane) * %d;", s->threads_per_row,
                s->vec);
    if (s->chunks == 0)
        cg_line(x->o, "if (e0 >= n) break;");
}

/* "... = e / STRIDE % DIM;" of a var from a linear index over dims. */
static void put_unflatten(Out *o, const KProgram *p, const Dim *dims, int n, int k)
{
    Dim stride = dim_const(1);
    for (int i = k + 1; i < n; i++)
        dim_mul(stride, dims[i], &stride);
    if (!dim_is_const(stride, 1)) {
        cg_put(o, " / ");
        cg_print_dim(o, p, stride);
    }
    if (k > 0) {
        cg_put(o, " %% ");
        cg_print_dim(o, p, dims[k]);
    }
    cg_put(o, ";\n");
}

static void open_elems_step(Cx *x, int step)
{
    const KSegment *seg = x->seg;
    cg_line(x->o, "#pragma unroll");
    if (step == 1)
        cg_line(x->o, "for (int j = 0; j < %d; j++) {", seg->sched.vec);
    else
        cg_line(x->o, "for (int j = 0; j < %d; j += %d) {", seg->sched.vec, step);
    x->o->indent++;
    cg_line(x->o, "[[maybe_unused]] const %s e = e0 + j;", idx_type(x));
    cg_line(x->o, x->pl->exact ? "[[maybe_unused]] const bool ok = true;"
                               : "[[maybe_unused]] const bool ok = e < n;");
    for (int k = seg->nrow - 1; k >= 0; k--) {
        cg_indent(x->o);
        cg_put(x->o, "[[maybe_unused]] const %s r%d = e", idx_type(x), k);
        put_unflatten(x->o, x->p, seg->row, seg->nrow, k);
    }
}

static void open_elems(Cx *x)
{
    open_elems_step(x, 1);
}

static void close_block(Cx *x)
{
    x->o->indent--;
    cg_line(x->o, "}");
}

/* "{" or "if (e0 + V <= n) {": the run is whole in the row. */
static void open_whole_run(Cx *x)
{
    if (x->pl->exact)
        cg_line(x->o, "{");
    else
        cg_line(x->o, "if (e0 + %d <= n) {", x->seg->sched.vec);
    x->o->indent++;
}

/* ---------------------------------------------------------- loads */

static const char *window_type(const Cx *x, int i)
{
    const KOp *op = x->seg->ops.items[i];
    return vector_type(x->pl->op[i].width * dt_size(x->p->bufs[op->a.load.buf].dtype));
}

/* The phase's prefetch loops (KPhase.pf): declarations, then streamed
 * data, weights and gathered loads, each group a loop over the runs. */
static void emit_prefetch_group(Cx *x, const KPhase *ph, int group);

static void emit_prefetch(Cx *x, const KPhase *ph)
{
    const KSegment *seg = x->seg;
    for (int i = 0; i < seg->ops.len; i++)
        if (ph->pfload[i] == 2)
            cg_line(x->o, "%s pf%d[%d];", window_type(x, i), i,
                    x->stream ? x->stream : seg->sched.chunks);
    for (int group = 0; group < 3; group++)
        emit_prefetch_group(x, ph, group);
}

/* The loop over the runs loading a prefetch group's slots, if any. */
static void emit_prefetch_group(Cx *x, const KPhase *ph, int group)
{
    const KSegment *seg = x->seg;
    bool some = false;
    for (int i = 0; i < seg->ops.len; i++)
        some = some || (ph->pfload[i] && x->pl->op[i].group == group);
    if (!some)
        return;
    open_runs(x);
    cg_line(x->o, "[[maybe_unused]] const %s e = e0;", idx_type(x));
    cg_line(x->o, "[[maybe_unused]] const %s r0 = e;", idx_type(x));
    for (int i = 0; i < seg->ops.len; i++) {
        if (!ph->pfload[i] || x->pl->op[i].group != group)
            continue;
        int bi = ((const KOp *)seg->ops.items[i])->a.load.buf;
        cg_indent(x->o);
        if (!x->pl->exact)
            cg_put(x->o, "if (e0 + %d <= n) ", seg->sched.vec);
        cg_put(x->o, "pf%d[%s] = *(const %s *)(b%d + (", i, slot_ix(x), window_type(x, i), bi);
        cg_print_offset(x, bi, x->pl->op[i].win);
        cg_put(x->o, "));\n");
    }
    close_block(x);
}

/* Run load i through its window: from its prefetch slot (pf, 1-based) or
 * one vector load; element j takes window[off[j]]. */
static void emit_window_load(Cx *x, int i, int pf)
{
    const KOp *op = x->seg->ops.items[i];
    const KOpPlan *lp = &x->pl->op[i];
    int bi = op->a.load.buf;
    const KBuf *b = &x->p->bufs[bi];
    const char *vt = window_type(x, i), *sfx = cg_suffix(b->dtype);
    open_whole_run(x);
    if (pf) {
        cg_line(x->o, "const %s raw = pf%d[%s];", vt, pf - 1, slot_ix(x));
    } else {
        cg_line(x->o, "[[maybe_unused]] const %s e = e0;", idx_type(x));
        cg_line(x->o, "[[maybe_unused]] const %s r0 = e;", idx_type(x));
        cg_indent(x->o);
        cg_put(x->o, "const %s raw = *(const %s *)(b%d + (", vt, vt, bi);
        cg_print_offset(x, bi, lp->win);
        cg_put(x->o, "));\n");
    }
    cg_line(x->o, "const %s *el = (const %s *)&raw;", cg_ctype_of[b->dtype], cg_ctype_of[b->dtype]);
    for (int j = 0; j < x->seg->sched.vec; j++) {
        if (sfx)
            cg_line(x->o, "l%d[%d] = sn_from_%s(el[%d]);", i, j, sfx, lp->off[j]);
        else
            cg_line(x->o, "l%d[%d] = (%s)el[%d];", i, j, cg_vtype(op->dtype), lp->off[j]);
    }
    close_block(x);
}

/* Loads of the run, before the element loop (into l<id>[j]): through the
 * window in the vector variant (element loads for a run not whole in the
 * row), else element by element. */
static void emit_run_loads(Cx *x, const KPhase *ph)
{
    const KSegment *seg = x->seg;
    for (int i = 0; i < seg->ops.len; i++) {
        const KOp *op = seg->ops.items[i];
        if (ph->need[i] != KN_COMPUTE || !x->pl->op[i].run)
            continue;
        cg_line(x->o, "%s l%d[%d];", cg_vtype(op->dtype), i, seg->sched.vec);
        bool vec = x->vector && x->pl->op[i].width;
        if (vec) {
            emit_window_load(x, i, ph->pf[i]);
            if (x->pl->exact) /* every run is whole */
                continue;
            cg_line(x->o, "else {");
            x->o->indent++;
        }
        open_elems(x);
        cg_indent(x->o);
        cg_put(x->o, "l%d[j] = ok ? ", i);
        cg_load_expr(x, op);
        cg_put(x->o, " : %s;\n", zero_of(op->dtype));
        close_block(x);
        if (vec)
            close_block(x);
    }
}

/* The phase's row ops of one element, in order (inside the j loop):
 * register reads, run loads, element loads, arithmetic; values a later
 * phase keeps are written to their registers. */
static void emit_elem_ops(Cx *x, const KPhase *ph, int phase)
{
    int v = x->seg->sched.vec;
    for (int i = 0; i < x->seg->ops.len; i++) {
        const KOp *op = x->seg->ops.items[i];
        const char *vt = cg_vtype(op->dtype);
        if (ph->need[i] == KN_KEPT && x->pl->op[i].from) { /* the lane's other run */
            cg_line(x->o, "const %s k%d = c%d[%d + j];", vt, i, x->pl->op[i].from - 1,
                    x->pl->op[i].from_chunk * v);
            continue;
        }
        if (ph->need[i] == KN_KEPT) {
            cg_line(x->o, "const %s k%d = c%d[c * %d + j];", vt, i, i, v);
            continue;
        }
        if (ph->need[i] != KN_COMPUTE)
            continue;
        if (x->pl->op[i].run) {
            cg_line(x->o, "const %s k%d = l%d[j];", vt, i, i);
        } else if (op->kind == KO_LOAD) { /* element-wise load: guard the address */
            cg_indent(x->o);
            cg_put(x->o, "const %s k%d = ok ? ", vt, i);
            cg_load_expr(x, op);
            cg_put(x->o, " : %s;\n", zero_of(op->dtype));
        } else {
            cg_emit_op(x, op);
        }
        if (x->pl->op[i].keep && x->pl->op[i].phase == phase)
            cg_line(x->o, "c%d[c * %d + j] = k%d;", i, v, i);
    }
}

/* ---------------------------------------------------------- reductions */

/* acc = acc (+) val, reduction kind's fold from ops.h on dtype dt. */
static void emit_combine_of(Cx *x, IrReduce kind, DType dt, const char *acc, const char *val)
{
    const IrOpInfo *info = ir_reduce_info(kind);
    const char *args[2] = {acc, val};
    cg_indent(x->o);
    cg_put(x->o, "%s = ", acc);
    cg_template(x->o, dt_is_float(dt) ? info->cf : info->ci, args);
    cg_put(x->o, ";\n");
}

/* acc = acc (+) val for reduction op red. */
static void emit_combine(Cx *x, const KOp *red, const char *acc, const char *val)
{
    emit_combine_of(x, red->a.reduce.kind, red->dtype, acc, val);
}

/* Whether reduction red is a max or min of integers that fit 32 bits
 * (i8 i16 i32 u8 u16 bool, held sign- or zero-extended in sn_i64) over a
 * row of static nonzero length: then its accumulator starts at the 32-bit
 * identity, and its butterfly shuffles 32 bits (one shuffle a step
 * instead of the two an sn_i64 takes: argmax's and topk's index and
 * value picks).  Every lane's accumulator then fits 32 bits, and a row
 * with an element ends at the same value as with the 64-bit identity (the
 * interpreter's, ops.h); only an empty row would differ, hence the static
 * nonzero length. */
static bool narrow_select(const Cx *x, const KOp *red)
{
    IrReduce k = red->a.reduce.kind;
    DType t = red->dtype;
    if (x->n <= 0 || (k != RED_MAX && k != RED_MIN))
        return false;
    return t == DT_BOOL || (dt_is_int(t) && dt_bits(t) < (dt_is_unsigned(t) ? 32 : 33));
}

/* The accumulator, at the reduction's identity (ops.h; narrow_select: the
 * 32-bit one). */
static void emit_identity(Cx *x, const KOp *red)
{
    const IrOpInfo *info = ir_reduce_info(red->a.reduce.kind);
    bool f = dt_is_float(red->dtype);
    const char *id = f ? info->cfid : info->ciid;
    if (narrow_select(x, red))
        id = red->a.reduce.kind == RED_MAX ? "(sn_i64)(-2147483647 - 1)" : "(sn_i64)2147483647";
    cg_line(x->o, "%s acc%d = %s;", f ? "float" : "sn_i64", red->id, id);
    if (x->pl->op[red->id].masked_any)
        cg_line(x->o, "bool any%d = false;", red->id);
}

static const KOp *red_at(const Cx *x, const KPhase *ph, int g)
{
    return x->seg->ops.items[ph->red[g]];
}

/* One reduction's butterfly over the waves' values in shared memory. */
static void emit_cross_wave(Cx *x, const KOp *red, int nw)
{
    int id = red->id;
    const char *vt = cg_vtype(red->dtype);
    cg_line(x->o, "{");
    x->o->indent++;
    cg_line(x->o, "%s p[%d];", vt, nw);
    cg_line(x->o, "#pragma unroll");
    cg_line(x->o, "for (int w = 0; w < %d; w++) p[w] = red%d_%d[team][w];", nw, x->segno, id);
    cg_line(x->o, "#pragma unroll");
    cg_line(x->o, "for (int off = %d; off >= 1; off /= 2) {", nw / 2);
    x->o->indent++;
    cg_line(x->o, "%s q[%d];", vt, nw);
    cg_line(x->o, "#pragma unroll");
    cg_line(x->o, "for (int w = 0; w < %d; w++) {", nw);
    x->o->indent++;
    cg_line(x->o, "q[w] = p[w];");
    emit_combine(x, red, "q[w]", "p[w ^ off]");
    close_block(x);
    cg_line(x->o, "#pragma unroll");
    cg_line(x->o, "for (int w = 0; w < %d; w++) p[w] = q[w];", nw);
    close_block(x);
    cg_line(x->o, "acc%d = p[0];", id);
    close_block(x);
}

/* The xor-butterfly of accumulator acc (reduction kind on dtype dt)
 * within a wave of w lanes; narrow: acc fits 32 bits (narrow_select), so
 * 32 bits are shuffled. */
static void emit_butterfly_of(Cx *x, IrReduce kind, DType dt, const char *acc, int w,
                              bool narrow)
{
    const CgDialectText *dl = cg_dialect_text(x->t->dialect);
    cg_line(x->o, "#pragma unroll");
    cg_line(x->o, "for (int off = %d; off >= 1; off /= 2) {", w / 2);
    x->o->indent++;
    if (narrow)
        cg_line(x->o, "const sn_i64 other = %s(%s(int)%s, off, %d);", dl->shfl_xor,
                dl->shfl_xor_mask, acc, x->p->target.wave);
    else
        cg_line(x->o, "const %s other = %s(%s%s, off, %d);", cg_vtype(dt), dl->shfl_xor,
                dl->shfl_xor_mask, acc, x->p->target.wave);
    emit_combine_of(x, kind, dt, acc, "other");
    close_block(x);
}

/* One reduction's butterfly within a wave of w lanes. */
static void emit_wave_butterfly(Cx *x, const KOp *red, int w)
{
    char acc[32];
    snprintf(acc, sizeof acc, "acc%d", red->id);
    emit_butterfly_of(x, red->a.reduce.kind, red->dtype, acc, w, narrow_select(x, red));
}

/* Each reduction's per-row value k<id> (a mean divides by n). */
static void emit_team_values(Cx *x, const KPhase *ph)
{
    for (int g = 0; g < ph->nred; g++) {
        const KOp *red = red_at(x, ph, g);
        int id = red->id;
        if (red->a.reduce.kind == RED_MEAN)
            cg_line(x->o, "const %s k%d = acc%d / (float)n;", cg_vtype(red->dtype), id, id);
        else
            cg_line(x->o, "const %s k%d = acc%d;", cg_vtype(red->dtype), id, id);
    }
}

/* The team reduction of a phase's reductions, in kexec.h's order: each
 * one's butterfly within the wave, then (teams of several waves) one
 * barrier for all of them and each one's butterfly over the waves' values
 * in shared memory; then each one's per-row value k<id>. */
static void emit_team_reduce(Cx *x, const KPhase *ph)
{
    const CgDialectText *dl = cg_dialect_text(x->t->dialect);
    int wave = x->p->target.wave, shift = wave == 64 ? 6 : 5;
    int tpr = x->seg->sched.threads_per_row, w = tpr < wave ? tpr : wave, nw = tpr / wave;
    for (int g = 0; g < ph->nred; g++) { /* a masked fold's constant, once per lane */
        const KOp *red = red_at(x, ph, g), *wh = red->in[0];
        const KOpPlan *lp = &x->pl->op[red->id];
        char acc[32], val[32];
        if (!lp->masked_any)
            continue;
        snprintf(acc, sizeof acc, "acc%d", red->id);
        snprintf(val, sizeof val, "k%d", wh->in[lp->masked == 1 ? 2 : 1]->id);
        cg_line(x->o, "if (any%d) {", red->id);
        x->o->indent++;
        emit_combine(x, red, acc, val);
        close_block(x);
    }
    for (int g = 0; g < ph->nred; g++)
        emit_wave_butterfly(x, red_at(x, ph, g), w);
    if (tpr > wave) {
        cg_line(x->o, "if ((lane & %d) == 0) {", wave - 1);
        x->o->indent++;
        for (int g = 0; g < ph->nred; g++)
            cg_line(x->o, "red%d_%d[team][lane >> %d] = acc%d;", x->segno, ph->red[g], shift,
                    ph->red[g]);
        close_block(x);
        /* one barrier for the phase; no second one: each reduction has its
         * own shared arrays and a block reduces each of its rows once */
        cg_line(x->o, "__syncthreads();");
        for (int g = 0; g < ph->nred; g++)
            emit_cross_wave(x, red_at(x, ph, g), nw);
    } else if (tpr > 1) {
        /* lanes can differ on ties of signed zeros: take lane 0's */
        for (int g = 0; g < ph->nred; g++)
            cg_line(x->o, "acc%d = %s(%sacc%d, 0, %d);", ph->red[g], dl->shfl_idx,
                    dl->shfl_xor_mask, ph->red[g], tpr);
    }
    emit_team_values(x, ph);
}

/* ------------------------------------------------------------ per-row */

/* k<id> = a split reduction's partials folded (KO_FOLD) in kernel.h's
 * order: lane l of each wave folds q = l, l + W, ..., the wave butterflies,
 * every lane takes lane 0's value.  Every wave of the block computes it
 * alike (the schedule's teams are whole waves: kir_verify). */
static void emit_fold_partials(Cx *x, const KOp *op)
{
    const CgDialectText *dl = cg_dialect_text(x->t->dialect);
    const IrOpInfo *info = ir_reduce_info(op->a.fold.kind);
    int w = x->p->target.wave, bi = op->a.fold.buf, id = op->id;
    const KBuf *b = &x->p->bufs[bi];
    bool f = dt_is_float(op->dtype);
    const char *vt = cg_vtype(op->dtype);
    IxExpr *idx[IR_MAX_RANK], zero = {.kind = IX_CONST, .c = 0};
    memcpy(idx, op->a.fold.idx, sizeof(IxExpr *) * (size_t)(b->rank - 1));
    idx[b->rank - 1] = &zero;
    cg_line(x->o, "%s k%d;", vt, id);
    cg_line(x->o, "{");
    x->o->indent++;
    cg_line(x->o, "%s acc = %s;", vt, f ? info->cfid : info->ciid);
    cg_indent(x->o);
    cg_put(x->o, "const %s *part = b%d + ", cg_ctype_of[b->dtype], bi);
    cg_print_offset(x, bi, idx);
    cg_put(x->o, ";\n");
    cg_line(x->o, "for (int q = threadIdx.x & %d; q < %d; q += %d) {", w - 1, op->a.fold.parts, w);
    x->o->indent++;
    cg_line(x->o, "const %s v = part[q];", vt);
    emit_combine_of(x, op->a.fold.kind, op->dtype, "acc", "v");
    close_block(x);
    emit_butterfly_of(x, op->a.fold.kind, op->dtype, "acc", w, false);
    cg_line(x->o, "acc = %s(%sacc, 0, %d);", dl->shfl_idx, dl->shfl_xor_mask, w);
    if (op->a.fold.kind == RED_MEAN) {
        cg_indent(x->o);
        cg_put(x->o, "acc = acc / (float)(");
        cg_print_dim(x->o, x->p, op->a.fold.total);
        cg_put(x->o, ");\n");
    }
    cg_line(x->o, "k%d = acc;", id);
    close_block(x);
}

/* The per-row ops the plan puts at `stage` (before the first phase, or
 * after phase stage - 1), each followed by its reciprocal when a division
 * uses it. */
static void emit_per_row(Cx *x, int stage)
{
    for (int i = 0; i < x->seg->ops.len; i++) {
        const KOp *op = x->seg->ops.items[i];
        if (op->row || op->kind == KO_REDUCE || x->pl->op[i].phase != stage)
            continue;
        if (op->kind == KO_FOLD) {
            emit_fold_partials(x, op);
        } else if (op->kind == KO_LOAD) { /* a dead row reads row 0: never faults */
            cg_indent(x->o);
            cg_put(x->o, "const %s k%d = ", cg_vtype(op->dtype), i);
            cg_load_expr(x, op);
            cg_put(x->o, ";\n");
        } else {
            cg_emit_op(x, op);
        }
        if (x->pl->op[i].recip_src)
            cg_line(x->o, "const float rk%d = 1.0f / k%d;", i, i);
    }
}

/* ------------------------------------------------------------- stores */

static const KOp *stored_value(const Cx *x, int i)
{
    const KStore *st = x->seg->stores.items[i];
    return x->pl->store[i].direct ? st->value->in[0] : st->value;
}

/* "sn_to_e4m3_sat" etc.: the encoder store i uses.  A value cast to the
 * buffer's bf16 already is a bf16: its high half is the code
 * (sn_bits_bf16, one shift instead of the rounding). */
static const char *encoder(const Cx *x, int i, char *buf, size_t len)
{
    const KStore *st = x->seg->stores.items[i];
    DType t = x->p->bufs[st->buf].dtype;
    if (t == DT_BF16 && st->value->kind == KO_CAST && st->value->dtype == DT_BF16 &&
        !st->value->a.cast.bitcast) { /* a bitcast's NaN is encoded as stores do */
        snprintf(buf, len, "sn_bits_bf16");
        return buf;
    }
    bool sat = x->pl->store[i].direct && st->value->a.cast.saturate;
    snprintf(buf, len, "sn_to_%s%s%s", cg_suffix(t), sat ? "_sat" : "", cg_mx_sfx(x->t, t));
    return buf;
}

/* The stored form of the value expression val in buffer b, then ";\n":
 * through the encoder enc (f8, bf16, f16), as is (f32), or wrapped to the
 * integer type. */
static void put_encoded(Cx *x, const KBuf *b, const char *enc, const char *val)
{
    if (enc)
        cg_put(x->o, "%s(%s);\n", enc, val);
    else if (dt_is_float(b->dtype))
        cg_put(x->o, "%s;\n", val);
    else if (b->dtype == DT_BOOL)
        cg_put(x->o, "(sn_u8)(%s != 0);\n", val);
    else
        cg_put(x->o, "(%s)sn_wrap(%s, %d);\n", cg_ctype_of[b->dtype], val, cg_int_bits(b->dtype));
}

/* s<i>[] encoded into raw (el: its elements) through enc, or converted. */
static void emit_encode_run(Cx *x, int i, const char *enc, bool f8)
{
    const KStore *st = x->seg->stores.items[i];
    int v = x->seg->sched.vec;
    if (enc && f8 && v % 4 == 0) { /* 4 codes per word */
        cg_line(x->o, "sn_u32 *wd = (sn_u32 *)&raw;");
        cg_line(x->o, "#pragma unroll");
        cg_line(x->o, "for (int j = 0; j < %d; j += 4) wd[j / 4] = sn_to4%s(s%d[j], "
                "s%d[j + 1], s%d[j + 2], s%d[j + 3]);", v, enc + 5, i, i, i, i);
        return;
    }
    cg_line(x->o, "#pragma unroll");
    if (enc)
        cg_line(x->o, "for (int j = 0; j < %d; j++) el[j] = %s(s%d[j]);", v, enc, i);
    else
        cg_line(x->o, "for (int j = 0; j < %d; j++) el[j] = (%s)s%d[j];", v,
                cg_ctype_of[x->p->bufs[st->buf].dtype], i);
}

/* Opens the block of a vector store of a whole live run (the store's
 * per-row mask in its condition: kir_verify keeps a vector store's per
 * row): e and r0 at the run's start, `vt raw;` to fill. */
static void open_vector_run(Cx *x, const KStore *st, const char *vt)
{
    char m[32] = "";
    if (st->mask)
        snprintf(m, sizeof m, " && k%d", st->mask->id);
    if (x->pl->exact)
        cg_line(x->o, "if (live%s) {", m);
    else
        cg_line(x->o, "if (live%s && e0 + %d <= n) {", m, x->seg->sched.vec);
    x->o->indent++;
    cg_line(x->o, "[[maybe_unused]] const %s e = e0;", idx_type(x));
    if (x->seg->nrow == 1)
        cg_line(x->o, "[[maybe_unused]] const %s r0 = e;", idx_type(x));
    cg_line(x->o, "%s raw;", vt);
}

/* Store i's whole live run as one vector store. */
static void emit_vector_store(Cx *x, int i, const char *enc)
{
    const KSegment *seg = x->seg;
    const KStore *st = seg->stores.items[i];
    const KBuf *b = &x->p->bufs[st->buf];
    int v = seg->sched.vec;
    const char *vt = vector_type(dt_size(b->dtype) * v), *ct = cg_ctype_of[b->dtype];
    open_vector_run(x, st, vt);
    cg_line(x->o, "[[maybe_unused]] %s *el = (%s *)&raw;", ct, ct);
    emit_encode_run(x, i, enc, dt_is_f8(b->dtype));
    cg_indent(x->o);
    cg_put(x->o, "*(%s *)(b%d + (", vt, st->buf);
    cg_print_offset(x, st->buf, st->idx);
    cg_put(x->o, ")) = raw;\n");
    close_block(x);
}

/* Store i's run into a buffer of two codes per byte (f4e2m1): byte by
 * byte, elements j and j + 1 of the run in its low and high nibble.  The
 * plan gave the store a width only where that is sound (packed_store in
 * passes/plan.c: even runs from an even element, an even row), and
 * cg_check_packed refused the rest, so no two lanes share a byte. */
static void emit_packed_store(Cx *x, int i, const char *enc)
{
    const KStore *st = x->seg->stores.items[i];
    int v = x->seg->sched.vec;
    /* a byte's two codes: one paired conversion on sm_100+ (enc
     * "sn_to_e2m1..._hw" -> "sn_to2_e2m1..._hw(lo, hi)") */
    char pair[160];
    if (cg_mx_hw(x->t))
        snprintf(pair, sizeof pair, "sn_to2%s(s%d[j], s%d[j + 1])", enc + 5, i, i);
    else
        snprintf(pair, sizeof pair, "(sn_u8)(%s(s%d[j]) | (%s(s%d[j + 1]) << 4))", enc, i, enc,
                 i);
    bool vec = x->vector && x->pl->store[i].packed_vector;
    char m[32] = "";
    if (st->mask) /* a per-row mask (a scatter's row): the whole run or nothing */
        snprintf(m, sizeof m, " && k%d", st->mask->id);
    if (vec) { /* the whole live run: one store of v / 2 bytes */
        const char *vt = vector_type(v / 2);
        open_vector_run(x, st, vt);
        cg_line(x->o, "sn_u8 *el = (sn_u8 *)&raw;");
        cg_line(x->o, "#pragma unroll");
        cg_line(x->o, "for (int j = 0; j < %d; j += 2) el[j / 2] = %s;", v, pair);
        cg_indent(x->o);
        cg_put(x->o, "*(%s *)(b%d + ((", vt, st->buf);
        cg_print_offset(x, st->buf, st->idx);
        cg_put(x->o, ") >> 1)) = raw;\n");
        close_block(x);
        if (x->pl->exact)
            return;
        cg_line(x->o, "else {");
        x->o->indent++;
    }
    open_elems_step(x, 2);
    cg_line(x->o, "if (live && ok%s) {", m);
    x->o->indent++;
    cg_indent(x->o);
    cg_put(x->o, "b%d[(", st->buf);
    cg_print_offset(x, st->buf, st->idx);
    cg_put(x->o, ") >> 1] = %s;\n", pair);
    close_block(x);
    close_block(x);
    if (vec)
        close_block(x);
}

/* Store i's run (s<i>[]): a vector store when the plan says so and the
 * row is live and the whole run is in the row, else element by element. */
static void emit_run_store(Cx *x, int i)
{
    const KStore *st = x->seg->stores.items[i];
    const KBuf *b = &x->p->bufs[st->buf];
    char enc[64], val[32];
    const char *e = cg_suffix(b->dtype) ? encoder(x, i, enc, sizeof enc) : NULL;
    if (dt_bits(b->dtype) < 8) {
        emit_packed_store(x, i, e);
        return;
    }
    bool vec = x->vector && x->pl->store[i].width;
    if (vec) {
        emit_vector_store(x, i, e);
        if (x->pl->exact) /* every run is whole: a dead row stores nothing */
            return;
        cg_line(x->o, "else {");
        x->o->indent++;
    }
    open_elems(x);
    if (st->mask) /* per row: the dest check refuses a mask varying along the row */
        cg_line(x->o, "if (live && ok && k%d) {", st->mask->id);
    else
        cg_line(x->o, "if (live && ok) {");
    x->o->indent++;
    cg_indent(x->o);
    cg_put(x->o, "b%d[", st->buf);
    cg_print_offset(x, st->buf, st->idx);
    cg_put(x->o, "] = ");
    snprintf(val, sizeof val, "s%d[j]", i);
    put_encoded(x, b, e, val);
    close_block(x);
    close_block(x);
    if (vec)
        close_block(x);
}

static void emit_outer_stores(Cx *x)
{
    const KSegment *seg = x->seg;
    for (int i = 0; i < seg->stores.len; i++) {
        const KStore *st = seg->stores.items[i];
        if (st->row)
            continue;
        const KBuf *b = &x->p->bufs[st->buf];
        char enc[64], val[32];
        cg_indent(x->o);
        if (st->mask)
            cg_put(x->o, "if (live && lane == 0 && k%d) b%d[", st->mask->id, st->buf);
        else
            cg_put(x->o, "if (live && lane == 0) b%d[", st->buf);
        cg_print_offset(x, st->buf, st->idx);
        snprintf(val, sizeof val, "k%d", stored_value(x, i)->id);
        cg_put(x->o, "] = ");
        put_encoded(x, b, cg_suffix(b->dtype) ? encoder(x, i, enc, sizeof enc) : NULL, val);
    }
}

/* ------------------------------------------------------------- phases */

/* Element e folded into red's accumulator (a per-row input too: it is in
 * scope); dead rows fold masked zeros, nothing of theirs is stored.  A
 * masked reduction (KOpPlan.masked) folds the where's other branch where
 * the condition selects it, else notes that the lane left one out. */
static void emit_fold(Cx *x, const KOp *red)
{
    const KOpPlan *lp = &x->pl->op[red->id];
    const KOp *in = red->in[0];
    char acc[32], val[32];
    snprintf(acc, sizeof acc, "acc%d", red->id);
    snprintf(val, sizeof val, "k%d", (lp->masked ? in->in[lp->masked] : in)->id);
    if (!x->pl->exact) {
        cg_line(x->o, "if (ok) {");
        x->o->indent++;
    }
    if (lp->masked) {
        cg_line(x->o, "if (k%d %s 0) {", in->in[0]->id, lp->masked == 1 ? "!=" : "==");
        x->o->indent++;
    }
    emit_combine(x, red, acc, val);
    if (lp->masked) {
        x->o->indent--;
        if (lp->masked_any)
            cg_line(x->o, "} else any%d = true;", red->id);
        else
            cg_line(x->o, "}");
    }
    if (!x->pl->exact)
        close_block(x);
}

/* The element loop of a phase: its row ops, folds and run values. */
static void emit_phase_elems(Cx *x, const KPhase *ph, int phase)
{
    const KSegment *seg = x->seg;
    open_elems(x);
    emit_elem_ops(x, ph, phase);
    for (int g = 0; g < ph->nred; g++)
        emit_fold(x, red_at(x, ph, g));
    for (int i = 0; i < seg->stores.len; i++)
        if (ph->store[i])
            cg_line(x->o, "s%d[j] = k%d;", i, stored_value(x, i)->id);
    close_block(x);
}

/* One pass over the lane's runs: each run's loads first, the folds per
 * element, then the stores of the run; then the team reduction. */
static void emit_phase(Cx *x, int phase)
{
    const KSegment *seg = x->seg;
    const KPhase *ph = &x->pl->phases[phase];
    if (ph->empty)
        return;
    for (int g = 0; g < ph->nred; g++)
        emit_identity(x, red_at(x, ph, g));
    x->stream = ph->stream;
    if (x->stream) { /* rolled: one step's loads in registers at a time */
        cg_line(x->o, "#pragma unroll 1");
        cg_line(x->o, "for (int cs = 0; cs < %d; cs += %d) {", seg->sched.chunks, x->stream);
        x->o->indent++;
    }
    if (x->vector)
        emit_prefetch(x, ph);
    open_runs(x);
    emit_run_loads(x, ph);
    for (int i = 0; i < seg->stores.len; i++)
        if (ph->store[i])
            cg_line(x->o, "%s s%d[%d];", cg_vtype(stored_value(x, i)->dtype), i, seg->sched.vec);
    emit_phase_elems(x, ph, phase);
    for (int i = 0; i < seg->stores.len; i++)
        if (ph->store[i])
            emit_run_store(x, i);
    close_block(x);
    if (x->stream)
        close_block(x);
    x->stream = 0;
    if (ph->nred > 0)
        emit_team_reduce(x, ph);
}

/* "const sn_i64 n = <row length>;" */
static void emit_row_len(Cx *x)
{
    Dim nd = dim_const(1);
    for (int k = 0; k < x->seg->nrow; k++)
        dim_mul(nd, x->seg->row[k], &nd);
    cg_indent(x->o);
    cg_put(x->o, "const sn_i64 n = ");
    cg_print_dim(x->o, x->p, nd);
    cg_put(x->o, ";\n");
}

/* team, lane, row, live, n and the outer vars. */
static void emit_row_vars(Cx *x)
{
    const KSegment *seg = x->seg;
    const KSchedule *s = &seg->sched;
    Out *o = x->o;
    cg_line(o, "const int lane = threadIdx.x %% %d, team = threadIdx.x / %d;", s->threads_per_row,
            s->threads_per_row);
    cg_line(o, "const sn_i64 row = blk * %d + team;", s->rows_per_block);
    cg_line(o, "const bool live = row < rows;");
    emit_row_len(x);
    for (int k = seg->nouter - 1; k >= 0; k--) {
        cg_indent(o);
        cg_put(o, "const sn_i64 o%d = (live ? row : 0)", k);
        put_unflatten(o, x->p, seg->outer, seg->nouter, k);
    }
}

void cg_emit_segment(Cx *x)
{
    const KSegment *seg = x->seg;
    const KSchedule *s = &seg->sched;
    x->pl = seg->plan;
    x->n = kseg_static_row_len(seg);
    emit_row_vars(x);
    for (int i = 0; i < seg->ops.len; i++)
        if (x->pl->op[i].keep)
            cg_line(x->o, "%s c%d[%d];", cg_vtype(((const KOp *)seg->ops.items[i])->dtype), i,
                    s->chunks * s->vec);
    emit_per_row(x, 0);
    for (int p = 0; p < x->pl->nphase; p++) {
        emit_phase(x, p);
        emit_per_row(x, p + 1);
    }
    emit_outer_stores(x);
}
