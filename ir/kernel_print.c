/* kernel_print.c - the kernel IR printers; see kernel.h.
 *
 * Text form (`sinter dump --stage kernels`), stable: a buffer table, then
 * per kernel its segments, each with its domain `[outer | row]`, its
 * schedule and one line per op and store:
 *
 *   kir add_rms_norm: 3 buffers, 1 kernel
 *     buf0 input 0 x: bf16[T, 4096]
 *     buf2 output 0 out: bf16[T, 4096]
 *
 *   kernel 0 add_rms_norm_k0 (block 256)
 *     segment 0: domain [T | 4096]
 *     schedule: threads_per_row 256, vec 4, chunks 4, rows_per_block 1, persistent, why "..."
 *     k0 row bf16 = load buf0 x[v0, v1]   (node %0)
 *     k4 f32 = reduce.sum k3   (node %5)
 *     store buf2 out[v0, v1] <- k9
 *     store buf3 rstd[v0] <- k6   (per row)
 *     plan: 2 phases, runs cover the row exactly, shared memory 32 bytes
 *       phase 0: folds k4; computes k0 k1 k2 k3; prefetches pf0 pf1; from prefetch k0<-pf0 k1<-pf1
 *       phase 1: stores 0; computes k9; reads kept k3
 *       (a streamed phase ends "; in steps of 7 runs": KPhase.stream)
 *       k0: phase 0, run load (streamed), window 4 at x[v0, v1] offsets 0 1 2 3
 *       store 0: phase 1, vector 4
 *
 * "row" marks a per-element op; a per-row store is marked "(per row)".
 * After the ops and stores comes the segment's plan (kernel.h: KPlan):
 * its phases, then per op and per store what was decided; the kernel's
 * line is followed by its shared memory and the vector variant's
 * alignment needs (Kernel.align).  A program not yet planned prints none.
 * Index expressions print as ix_print does, without the parentheses of a
 * top-level sum.  The JSON form carries the same facts; the Graphviz form
 * all but the plan.  The
 * printers expect buffer and op references in range (what kir_verify
 * checks first); a missing index expression or operand prints as ? / k-1. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel_impl.h"

/* ---- shared printing helpers -------------------------------------------------------- */

static const char *const *symnames(const KProgram *p)
{
    return p->graph ? p->graph->syms : NULL;
}

/* An index expression as text; a top-level sum loses its parentheses.
 * A missing expression prints as "?" (dumps of broken programs). */
static const char *ix_str(const KProgram *p, const IxExpr *e, char *buf, int bufsize)
{
    if (!e) {
        snprintf(buf, (size_t)bufsize, "?");
        return buf;
    }
    ix_print(e, symnames(p), buf, bufsize);
    size_t len = strlen(buf);
    if (e->kind == IX_ADD && len >= 2 && buf[0] == '(' && buf[len - 1] == ')') {
        memmove(buf, buf + 1, len - 2);
        buf[len - 2] = 0;
    }
    return buf;
}

void kir_bprintf(char *buf, int size, int *pos, const char *fmt, ...)
{
    if (*pos >= size - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + *pos, (size_t)(size - *pos), fmt, ap);
    va_end(ap);
    if (n > 0)
        *pos = *pos + n < size - 1 ? *pos + n : size - 1;
}

/* "T, 4096" */
static void dims_text(const KProgram *p, int n, const Dim *dims, char *buf, int size, int *pos)
{
    for (int k = 0; k < n; k++) {
        char d[64];
        kir_bprintf(buf, size, pos, "%s%s", k ? ", " : "", dim_str(dims[k], symnames(p), d, sizeof d));
    }
}

/* "qkv[v0, v1*128 + v2]" for buffer b and rank(b) index expressions. */
static void access_text(const KProgram *p, int b, IxExpr *const *idx, char *buf, int size,
                        int *pos)
{
    const KBuf *kb = &p->bufs[b];
    kir_bprintf(buf, size, pos, "%s[", kb->name);
    for (int d = 0; d < kb->rank; d++) {
        char e[512];
        kir_bprintf(buf, size, pos, "%s%s", d ? ", " : "", ix_str(p, idx[d], e, sizeof e));
    }
    kir_bprintf(buf, size, pos, "]");
}

const char *kop_kind_name(KOpKind k)
{
    static const char *const names[] = {"load", "const", "unary", "binary", "where", "cast",
                                        "reduce", "index", "fold"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

const char *kbuf_kind_name(KBufKind k)
{
    return k == KB_INPUT ? "input" : k == KB_OUTPUT ? "output" : k == KB_TEMP ? "temp" : "?";
}

/* A constant's value as text ("nan", "inf", "-inf", "%.9g", or an integer). */
static void const_text(const KOp *o, char *buf, int size, int *pos)
{
    if (!dt_is_float(o->dtype)) {
        kir_bprintf(buf, size, pos, "%" PRId64, o->a.cnst.i);
        return;
    }
    double v = o->a.cnst.f;
    if (v != v)
        kir_bprintf(buf, size, pos, "nan");
    else if (v > 1e308 || v < -1e308)
        kir_bprintf(buf, size, pos, v > 0 ? "inf" : "-inf");
    else
        kir_bprintf(buf, size, pos, "%.9g", v);
}

/* The right-hand side of an op: "mul k3, k4", "load buf2 qkv[...]". */
static void op_rhs(const KProgram *p, const KOp *o, char *buf, int size)
{
    int pos = 0;
    buf[0] = 0;
    switch (o->kind) {
    case KO_LOAD:
        kir_bprintf(buf, size, &pos, "load buf%d ", o->a.load.buf);
        access_text(p, o->a.load.buf, o->a.load.idx, buf, size, &pos);
        return;
    case KO_CONST:
        kir_bprintf(buf, size, &pos, "const ");
        const_text(o, buf, size, &pos);
        return;
    case KO_INDEX: {
        char e[512];
        kir_bprintf(buf, size, &pos, "index %s", ix_str(p, o->a.index.expr, e, sizeof e));
        return;
    }
    case KO_UNARY: kir_bprintf(buf, size, &pos, "%s", ir_unary_name(o->a.unary)); break;
    case KO_BINARY: kir_bprintf(buf, size, &pos, "%s", ir_binary_name(o->a.binary)); break;
    case KO_WHERE: kir_bprintf(buf, size, &pos, "where"); break;
    case KO_CAST: kir_bprintf(buf, size, &pos, o->a.cast.bitcast ? "bitcast"
                                               : o->a.cast.saturate ? "cast.sat" : "cast"); break;
    case KO_REDUCE:
        kir_bprintf(buf, size, &pos, "reduce.%s", ir_reduce_name(o->a.reduce.kind));
        break;
    case KO_FOLD: { /* "fold.max of buf3 temp1[v0, q], q < 256" */
        const KBuf *kb = &p->bufs[o->a.fold.buf];
        kir_bprintf(buf, size, &pos, "fold.%s of buf%d %s[", ir_reduce_name(o->a.fold.kind),
                    o->a.fold.buf, kb->name);
        for (int d = 0; d + 1 < kb->rank; d++) {
            char e[512];
            kir_bprintf(buf, size, &pos, "%s, ", ix_str(p, o->a.fold.idx[d], e, sizeof e));
        }
        kir_bprintf(buf, size, &pos, "q], q < %d", o->a.fold.parts);
        if (o->a.fold.kind == RED_MEAN) {
            char d[64];
            kir_bprintf(buf, size, &pos, ", / %s", dim_str(o->a.fold.total, symnames(p), d, sizeof d));
        }
        return;
    }
    default: kir_bprintf(buf, size, &pos, "?"); return;
    }
    for (int i = 0; i < o->nin && i < 3; i++)
        kir_bprintf(buf, size, &pos, "%sk%d", i ? ", " : " ", o->in[i] ? o->in[i]->id : -1);
}

/* "store buf4 q_out[v0, v1, v2] <- k9" */
static void store_text(const KProgram *p, const KStore *st, char *buf, int size)
{
    int pos = 0;
    buf[0] = 0;
    kir_bprintf(buf, size, &pos, "store buf%d ", st->buf);
    access_text(p, st->buf, st->idx, buf, size, &pos);
    kir_bprintf(buf, size, &pos, " <- k%d", st->value->id);
    if (st->mask)
        kir_bprintf(buf, size, &pos, " if k%d", st->mask->id);
}

/* "[T, 32 | 128]" */
static void domain_text(const KProgram *p, const KSegment *s, char *buf, int size)
{
    int pos = 0;
    buf[0] = 0;
    kir_bprintf(buf, size, &pos, "[");
    dims_text(p, s->nouter, s->outer, buf, size, &pos);
    kir_bprintf(buf, size, &pos, "%s|%s", s->nouter ? " " : "", s->nrow ? " " : "");
    dims_text(p, s->nrow, s->row, buf, size, &pos);
    kir_bprintf(buf, size, &pos, "]");
}

#define LINE 4096

/* ---- text ------------------------------------------------------------------------- */

static void print_sched(FILE *out, const char *what, const KSchedule *sc)
{
    fprintf(out, "  %s: threads_per_row %d, vec %d, chunks %d, rows_per_block %d", what,
            sc->threads_per_row, sc->vec, sc->chunks, sc->rows_per_block);
    if (sc->persistent)
        fputs(", persistent", out);
    if (sc->prefetch_weights)
        fputs(", prefetch weights", out);
    if (sc->why)
        fprintf(out, ", why \"%s\"", sc->why);
    fputc('\n', out);
}

/* ---- the plan, as text ---- */

/* "label k1 k2" for the ops whose flag is want (nothing when none). */
static void print_op_set(FILE *out, const char *label, const char *flags, int n, int want)
{
    bool any = false;
    for (int i = 0; i < n; i++)
        if (flags[i] == want) {
            fprintf(out, "%s k%d", any ? "" : label, i);
            any = true;
        }
}

static void print_phase(FILE *out, const KSegment *s, const KPhase *ph, int i)
{
    int n = s->ops.len;
    fprintf(out, "    phase %d:", i);
    if (ph->empty) {
        fputs(" nothing\n", out);
        return;
    }
    for (int g = 0; g < ph->nred; g++)
        fprintf(out, "%s k%d", g ? "" : " folds", ph->red[g]);
    for (int j = 0, any = 0; j < s->stores.len; j++)
        if (ph->store[j])
            fprintf(out, "%s %d", any++ ? "" : (ph->nred ? "; stores" : " stores"), j);
    print_op_set(out, "; computes", ph->need, n, KN_COMPUTE);
    print_op_set(out, "; reads kept", ph->need, n, KN_KEPT);
    for (int j = 0, any = 0; j < n; j++)
        if (ph->pfload[j])
            fprintf(out, "%s pf%d%s", any++ ? "" : "; prefetches", j,
                    ph->pfload[j] == 2 ? "" : " (again)");
    for (int j = 0, any = 0; j < n; j++)
        if (ph->pf[j])
            fprintf(out, "%s k%d<-pf%d", any++ ? "" : "; from prefetch", j, ph->pf[j] - 1);
    if (ph->stream)
        fprintf(out, "; in steps of %d run%s", ph->stream, ph->stream == 1 ? "" : "s");
    fputc('\n', out);
}

/* "k3: kept from phase 0, run load (streamed), window 8 at x[v0, v1] offsets 0 1"
 * for an op with a decision beyond its phase. */
static void print_op_plan(FILE *out, const KProgram *p, const KSegment *s, int i)
{
    const KOpPlan *o = &s->plan->op[i];
    const KOp *op = op_at(s, i);
    char line[LINE];
    const char *sep = ":";
    if (!o->keep && !o->recip && !o->recip_src && !o->recip_sel && !o->run && !o->exact_div &&
        !o->from && !o->masked)
        return;
    fprintf(out, "    k%d", i);
    if (o->keep)
        fprintf(out, "%s kept from phase %d", sep, o->phase), sep = ",";
    if (o->from)
        fprintf(out, "%s the lane's register of k%d at run %d (no load)", sep, o->from - 1,
                o->from_chunk), sep = ",";
    if (o->recip)
        fprintf(out, "%s k%d * (1/k%d)", sep, op->in[0]->id, op->in[1]->id), sep = ",";
    if (o->recip_src)
        fprintf(out, "%s reciprocal once per row", sep), sep = ",";
    if (o->recip_sel)
        fprintf(out, "%s reciprocal selected", sep), sep = ",";
    if (o->exact_div)
        fprintf(out, "%s k%d / k%d correctly rounded", sep, op->in[0]->id, op->in[1]->id),
            sep = ",";
    if (o->masked)
        fprintf(out, "%s folds k%d where k%d %s%s", sep, op->in[0]->in[o->masked]->id,
                op->in[0]->in[0]->id, o->masked == 1 ? "holds" : "does not hold",
                o->masked_any ? ", the constant once per lane that left one out" : ""),
            sep = ",";
    if (o->run)
        fprintf(out, "%s run load (%s)", sep,
                o->group == 0 ? "streamed" : o->group == 1 ? "weight" : "gathered");
    if (o->width) {
        int pos = 0;
        access_text(p, op->a.load.buf, o->win, line, sizeof line, &pos);
        fprintf(out, ", window %d at %s offsets", o->width, line);
        for (int j = 0; j < s->sched.vec; j++)
            fprintf(out, " %d", o->off[j]);
    }
    fputc('\n', out);
}

static void print_plan(FILE *out, const KProgram *p, const KSegment *s, const char *what)
{
    const KPlan *pl = s->plan;
    if (!pl)
        return;
    fprintf(out, "  %s: %d phase%s%s, shared memory %d bytes\n", what, pl->nphase,
            pl->nphase == 1 ? "" : "s", pl->exact ? ", runs cover the row exactly" : "",
            pl->smem_bytes);
    for (int i = 0; i < pl->nphase; i++)
        print_phase(out, s, &pl->phases[i], i);
    for (int i = 0, any = 0; i < s->ops.len; i++) {
        const KOp *op = op_at(s, i);
        if (op->row || op->kind == KO_REDUCE)
            continue;
        fprintf(out, "%s k%d ", any++ ? "," : "    per-row ops:", i);
        if (pl->op[i].phase <= 0)
            fputs(pl->op[i].phase ? "never" : "first", out);
        else
            fprintf(out, "after phase %d", pl->op[i].phase - 1);
    }
    fputs(s->ops.len ? "\n" : "", out);
    for (int i = 0; i < s->ops.len; i++)
        print_op_plan(out, p, s, i);
    for (int i = 0; i < s->stores.len; i++) {
        const KStorePlan *sp = &pl->store[i];
        if (sp->phase < 0)
            fprintf(out, "    store %d: per row, by lane 0 after the last phase", i);
        else
            fprintf(out, "    store %d: phase %d", i, sp->phase);
        if (sp->width && dt_bits(p->bufs[store_at(s, i)->buf].dtype) < 8)
            fprintf(out, ", runs of %d packed two per byte%s", sp->width,
                    sp->packed_vector ? " (one vector in the vector variant)" : "");
        else if (sp->width)
            fprintf(out, ", vector %d", sp->width);
        fputs(sp->direct ? ", encodes the cast's input\n" : "\n", out);
    }
}

/* "  vector variant needs: x 16-byte aligned, strides a multiple of 8; ..." */
static void print_align(FILE *out, const KProgram *p, const Kernel *k, const char *what)
{
    if (!k->segs[0]->plan)
        return;
    fprintf(out, "  %s: shared memory %d bytes; vector variant needs", what, k->smem_bytes);
    if (!k->nalign)
        fputs(" nothing (one variant)", out);
    for (int i = 0; i < k->nalign; i++)
        fprintf(out, "%s %s %d-byte aligned, outer strides a multiple of %d", i ? ";" : "",
                p->bufs[k->align[i].buf].name, k->align[i].bytes, k->align[i].stride_multiple);
    fputc('\n', out);
}

/* ---- text ---- */

static void print_segment(FILE *out, const KProgram *p, const Kernel *k, int si)
{
    char line[LINE];
    const KSegment *s = k->segs[si];
    domain_text(p, s, line, sizeof line);
    fprintf(out, "  segment %d: domain %s\n", si, line);
    print_sched(out, "schedule", &s->sched);
    if (k->few_rows)
        print_sched(out, "few-rows schedule", &k->few_rows->segs[si]->sched);
    for (int i = 0; i < s->ops.len; i++) {
        const KOp *o = op_at(s, i);
        op_rhs(p, o, line, sizeof line);
        bool f32 = (o->kind == KO_UNARY || o->kind == KO_BINARY || o->kind == KO_REDUCE) &&
                   dt_is_float(o->dtype) && o->dtype != DT_F32; /* computed in f32 */
        fprintf(out, "  k%d %s%s = %s%s", o->id, o->row ? "row " : "", dt_name(o->dtype),
                f32 ? "f32 " : "", line);
        if (o->node >= 0)
            fprintf(out, "   (node %%%d)", o->node);
        fputc('\n', out);
    }
    for (int i = 0; i < s->stores.len; i++) {
        const KStore *st = store_at(s, i);
        store_text(p, st, line, sizeof line);
        fprintf(out, "  %s%s\n", line, st->row ? "" : "   (per row)");
    }
    print_plan(out, p, s, "plan");
    if (k->few_rows)
        print_plan(out, p, k->few_rows->segs[si], "few-rows plan");
}

void kir_print(const KProgram *p, FILE *out)
{
    char line[LINE];
    fprintf(out, "kir %s: %d buffer%s, %d kernel%s, %d-lane waves\n",
            p->graph ? p->graph->name : "?", p->nbuf, p->nbuf == 1 ? "" : "s", p->nkernel,
            p->nkernel == 1 ? "" : "s", p->target.wave);
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *kb = &p->bufs[b];
        int pos = 0;
        line[0] = 0;
        dims_text(p, kb->rank, kb->shape, line, sizeof line, &pos);
        fprintf(out, "  buf%d %s %d %s: %s[%s]%s\n", b, kbuf_kind_name(kb->kind), kb->index,
                kb->name, dt_name(kb->dtype), line, kb->written ? " (written)" : "");
    }
    for (int ki = 0; ki < p->nkernel; ki++) {
        const Kernel *k = p->kernels[ki];
        fprintf(out, "\nkernel %d %s (block %d%s)\n", ki, k->name, k->block,
                k->interleave ? ", segments interleaved" : "");
        if (k->few_rows)
            fprintf(out, "  few rows: %s (block %d) when the grid is at most %d blocks per SM\n",
                    k->few_rows->name, k->few_rows->block, k->few_rows_grid_per_sm);
        if (k->split == KSPLIT_PARTIALS)
            fprintf(out, "  split reduction, first phase: each row in %d parts, a partial each\n",
                    k->split_parts);
        else if (k->split == KSPLIT_EPILOGUE)
            fprintf(out, "  split reduction, epilogue: the %d parts in reverse order, each block "
                    "folding the partials\n", k->split_parts);
        print_align(out, p, k, "plan");
        if (k->few_rows)
            print_align(out, p, k->few_rows, "few-rows plan");
        for (int si = 0; si < k->nseg; si++)
            print_segment(out, p, k, si);
        for (int i = 0; i < p->ncoll; i++)
            if (p->colls[i].after == ki)
                fprintf(out, "\nall_reduce sum of buf%d %s in place over the ranks "
                        "(graph node %%%d)\n", p->colls[i].buf, p->bufs[p->colls[i].buf].name,
                        p->colls[i].node);
    }
}

/* ---- JSON ------------------------------------------------------------------------- */

/* A JSON string literal (NULL -> null). */
static void json_str(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\')
            fprintf(out, "\\%c", *c);
        else if (*c == '\n')
            fputs("\\n", out);
        else if (*c < 0x20)
            fprintf(out, "\\u%04x", *c);
        else
            fputc(*c, out);
    }
    fputc('"', out);
}

static void json_dims(const KProgram *p, FILE *out, int n, const Dim *dims)
{
    fputc('[', out);
    for (int k = 0; k < n; k++) {
        char d[64];
        if (k)
            fputs(", ", out);
        json_str(out, dim_str(dims[k], symnames(p), d, sizeof d));
    }
    fputc(']', out);
}

static void json_index(const KProgram *p, FILE *out, int rank, IxExpr *const *idx)
{
    fputc('[', out);
    for (int d = 0; d < rank; d++) {
        char e[512];
        if (d)
            fputs(", ", out);
        json_str(out, ix_str(p, idx[d], e, sizeof e));
    }
    fputc(']', out);
}

static void json_op(const KProgram *p, FILE *out, const KOp *o)
{
    fprintf(out, "{\"id\": %d, \"kind\": ", o->id);
    json_str(out, kop_kind_name(o->kind));
    fputs(", \"dtype\": ", out);
    json_str(out, dt_name(o->dtype));
    fprintf(out, ", \"row\": %s, \"operands\": [", o->row ? "true" : "false");
    for (int i = 0; i < o->nin; i++)
        fprintf(out, "%s%d", i ? ", " : "", o->in[i]->id);
    fputc(']', out);
    if (o->node >= 0)
        fprintf(out, ", \"node\": %d", o->node);
    else
        fputs(", \"node\": null", out);
    switch (o->kind) {
    case KO_LOAD:
        fprintf(out, ", \"buf\": %d, \"buffer\": ", o->a.load.buf);
        json_str(out, p->bufs[o->a.load.buf].name);
        fputs(", \"index\": ", out);
        json_index(p, out, p->bufs[o->a.load.buf].rank, o->a.load.idx);
        break;
    case KO_CONST: {
        char v[64];
        int pos = 0;
        double f = o->a.cnst.f;
        fputs(", \"value\": ", out);
        if (!dt_is_float(o->dtype)) {
            fprintf(out, "%" PRId64, o->a.cnst.i);
        } else if (f == f && f <= 1e308 && f >= -1e308) {
            fprintf(out, "%.17g", f); /* exact */
        } else {
            const_text(o, v, sizeof v, &pos);
            json_str(out, v); /* nan / inf are not JSON numbers */
        }
        break;
    }
    case KO_UNARY: fputs(", \"op\": ", out); json_str(out, ir_unary_name(o->a.unary)); break;
    case KO_BINARY: fputs(", \"op\": ", out); json_str(out, ir_binary_name(o->a.binary)); break;
    case KO_CAST: fprintf(out, ", \"saturate\": %s%s", o->a.cast.saturate ? "true" : "false",
                          o->a.cast.bitcast ? ", \"bitcast\": true" : ""); break;
    case KO_INDEX: {
        char e[512];
        fputs(", \"expr\": ", out);
        json_str(out, ix_str(p, o->a.index.expr, e, sizeof e));
        break;
    }
    case KO_REDUCE:
        fputs(", \"op\": ", out);
        json_str(out, ir_reduce_name(o->a.reduce.kind));
        break;
    case KO_FOLD: {
        const KBuf *kb = &p->bufs[o->a.fold.buf];
        char d[64];
        fputs(", \"op\": ", out);
        json_str(out, ir_reduce_name(o->a.fold.kind));
        fprintf(out, ", \"buf\": %d, \"buffer\": ", o->a.fold.buf);
        json_str(out, kb->name);
        fprintf(out, ", \"parts\": %d, \"total\": ", o->a.fold.parts);
        json_str(out, dim_str(o->a.fold.total, symnames(p), d, sizeof d));
        fputs(", \"index\": ", out);
        json_index(p, out, kb->rank - 1, o->a.fold.idx);
        break;
    }
    default: break;
    }
    fputc('}', out);
}

static void json_sched(FILE *out, const KSchedule *sc)
{
    fprintf(out,
            "{\"threads_per_row\": %d, \"vec\": %d, \"chunks\": %d, \"rows_per_block\": %d, "
            "\"persistent\": %s, \"prefetch_weights\": %s, \"why\": ",
            sc->threads_per_row, sc->vec, sc->chunks, sc->rows_per_block,
            sc->persistent ? "true" : "false", sc->prefetch_weights ? "true" : "false");
    json_str(out, sc->why);
    fputc('}', out);
}

/* "[1, 2]" */
static void json_ints(FILE *out, const int *v, int n)
{
    fputc('[', out);
    for (int i = 0; i < n; i++)
        fprintf(out, "%s%d", i ? ", " : "", v[i]);
    fputc(']', out);
}

static void json_phase(FILE *out, const KSegment *s, const KPhase *ph)
{
    int n = s->ops.len, *v = calloc((size_t)(n + s->stores.len + 1), sizeof *v), k = 0;
    fputs("{\"folds\": ", out);
    json_ints(out, ph->red, ph->nred);
    for (int i = 0; i < s->stores.len; i++)
        if (ph->store[i])
            v[k++] = i;
    fputs(", \"stores\": ", out);
    json_ints(out, v, k);
    fputs(", \"need\": ", out); /* per op: 0 none, 1 computes, 2 reads it kept */
    for (int i = 0; i < n; i++)
        v[i] = ph->need[i];
    json_ints(out, v, n);
    fputs(", \"prefetch_slot\": ", out); /* per op: 1 + slot op, 0 none */
    json_ints(out, ph->pf, n);
    fputs(", \"prefetch_load\": ", out); /* per op: 2 declares and loads, 1 loads */
    for (int i = 0; i < n; i++)
        v[i] = ph->pfload[i];
    json_ints(out, v, n);
    if (ph->stream) /* runs per step of a streamed phase; absent: not streamed */
        fprintf(out, ", \"stream\": %d", ph->stream);
    fputc('}', out);
    free(v);
}

static void json_op_plan(FILE *out, const KProgram *p, const KSegment *s, int i)
{
    const KOpPlan *o = &s->plan->op[i];
    int off[16];
    for (int j = 0; j < 16; j++)
        off[j] = o->off[j];
    fprintf(out, "{\"phase\": %d, \"keep\": %s, \"recip\": %s, \"recip_src\": %s, "
            "\"run\": %s, \"group\": %d, \"width\": %d", o->phase, o->keep ? "true" : "false",
            o->recip ? "true" : "false", o->recip_src ? "true" : "false",
            o->run ? "true" : "false", o->group, o->width);
    if (o->exact_div)
        fputs(", \"exact_div\": true", out);
    if (o->recip_sel)
        fputs(", \"recip_sel\": true", out);
    if (o->masked)
        fprintf(out, ", \"masked\": %d, \"masked_any\": %s", o->masked,
                o->masked_any ? "true" : "false");
    if (o->width) {
        fputs(", \"window\": ", out);
        json_index(p, out, p->bufs[op_at(s, i)->a.load.buf].rank, o->win);
        fputs(", \"offsets\": ", out);
        json_ints(out, off, s->sched.vec < 16 ? s->sched.vec : 16);
    }
    fputc('}', out);
}

static void json_plan(FILE *out, const KProgram *p, const KSegment *s)
{
    const KPlan *pl = s->plan;
    fprintf(out, "{\"exact\": %s, \"smem_bytes\": %d, \"phases\": [",
            pl->exact ? "true" : "false", pl->smem_bytes);
    for (int i = 0; i < pl->nphase; i++) {
        fputs(i ? ", " : "", out);
        json_phase(out, s, &pl->phases[i]);
    }
    fputs("], \"ops\": [", out);
    for (int i = 0; i < s->ops.len; i++) {
        fputs(i ? ",\n      " : "\n      ", out);
        json_op_plan(out, p, s, i);
    }
    fputs("], \"stores\": [", out);
    for (int i = 0; i < s->stores.len; i++)
        fprintf(out, "%s{\"phase\": %d, \"width\": %d, \"direct\": %s%s}", i ? ", " : "",
                pl->store[i].phase, pl->store[i].width, pl->store[i].direct ? "true" : "false",
                pl->store[i].packed_vector ? ", \"packed_vector\": true" : "");
    fputs("]}", out);
}

/* ", smem_bytes, align" of a planned kernel (nothing before planning). */
static void json_kernel_plan(FILE *out, const KProgram *p, const Kernel *k)
{
    if (!k->segs[0]->plan)
        return;
    fprintf(out, ", \"smem_bytes\": %d, \"align\": [", k->smem_bytes);
    for (int i = 0; i < k->nalign; i++) {
        fprintf(out, "%s{\"buf\": %d, \"buffer\": ", i ? ", " : "", k->align[i].buf);
        json_str(out, p->bufs[k->align[i].buf].name);
        fprintf(out, ", \"bytes\": %d, \"stride_multiple\": %d}", k->align[i].bytes,
                k->align[i].stride_multiple);
    }
    fputc(']', out);
}

static void json_segment(FILE *out, const KProgram *p, const Kernel *k, int si)
{
    const KSegment *s = k->segs[si];
    fprintf(out, "%s\n   {\"domain\": {\"outer\": ", si ? "," : "");
    json_dims(p, out, s->nouter, s->outer);
    fputs(", \"row\": ", out);
    json_dims(p, out, s->nrow, s->row);
    fputs("},\n    \"schedule\": ", out);
    json_sched(out, &s->sched);
    if (k->few_rows) {
        fputs(",\n    \"few_rows_schedule\": ", out);
        json_sched(out, &k->few_rows->segs[si]->sched);
    }
    fputs(",\n    \"ops\": [", out);
    for (int i = 0; i < s->ops.len; i++) {
        fputs(i ? ",\n     " : "\n     ", out);
        json_op(p, out, op_at(s, i));
    }
    fputs("],\n    \"stores\": [", out);
    for (int i = 0; i < s->stores.len; i++) {
        const KStore *st = store_at(s, i);
        fprintf(out, "%s{\"buf\": %d, \"buffer\": ", i ? ",\n     " : "\n     ", st->buf);
        json_str(out, p->bufs[st->buf].name);
        fprintf(out, ", \"row\": %s, \"value\": %d, ", st->row ? "true" : "false",
                st->value->id);
        if (st->mask)
            fprintf(out, "\"mask\": %d, ", st->mask->id);
        fputs("\"index\": ", out);
        json_index(p, out, p->bufs[st->buf].rank, st->idx);
        fputc('}', out);
    }
    fputc(']', out);
    if (s->plan) {
        fputs(",\n    \"plan\": ", out);
        json_plan(out, p, s);
    }
    if (k->few_rows && k->few_rows->segs[si]->plan) {
        fputs(",\n    \"few_rows_plan\": ", out);
        json_plan(out, p, k->few_rows->segs[si]);
    }
    fputc('}', out);
}

void kir_print_json(const KProgram *p, FILE *out)
{
    fputs("{\"graph\": ", out);
    json_str(out, p->graph ? p->graph->name : NULL);
    fprintf(out, ", \"wave\": %d, \"symbols\": [", p->target.wave);
    for (int k = 0; p->graph && k < p->graph->nsym; k++) {
        if (k)
            fputs(", ", out);
        json_str(out, p->graph->syms[k]);
    }
    fputs("],\n \"buffers\": [", out);
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *kb = &p->bufs[b];
        fprintf(out, "%s\n  {\"id\": %d, \"kind\": ", b ? "," : "", b);
        json_str(out, kbuf_kind_name(kb->kind));
        fprintf(out, ", \"index\": %d, \"name\": ", kb->index);
        json_str(out, kb->name);
        fputs(", \"dtype\": ", out);
        json_str(out, dt_name(kb->dtype));
        fputs(", \"shape\": ", out);
        json_dims(p, out, kb->rank, kb->shape);
        if (kb->written)
            fputs(", \"written\": true", out);
        fputc('}', out);
    }
    fputs("],\n \"kernels\": [", out);
    for (int ki = 0; ki < p->nkernel; ki++) {
        const Kernel *k = p->kernels[ki];
        fprintf(out, "%s\n  {\"id\": %d, \"name\": ", ki ? "," : "", ki);
        json_str(out, k->name);
        fprintf(out, ", \"block\": %d, \"interleave\": %s", k->block,
                k->interleave ? "true" : "false");
        if (k->split)
            fprintf(out, ", \"split\": \"%s\", \"split_parts\": %d",
                    k->split == KSPLIT_PARTIALS ? "partials" : "epilogue", k->split_parts);
        json_kernel_plan(out, p, k);
        fputs(", ", out);
        if (k->few_rows) {
            fputs("\"few_rows\": {\"name\": ", out);
            json_str(out, k->few_rows->name);
            fprintf(out, ", \"block\": %d, \"grid_per_sm\": %d", k->few_rows->block,
                    k->few_rows_grid_per_sm);
            json_kernel_plan(out, p, k->few_rows);
            fputs("}, ", out);
        }
        fputs("\"segments\": [", out);
        for (int si = 0; si < k->nseg; si++)
            json_segment(out, p, k, si);
        fputs("]}", out);
    }
    fputc(']', out);
    if (p->ncoll) { /* only where there are some: other programs' JSON is unchanged */
        fputs(",\n \"collectives\": [", out);
        for (int i = 0; i < p->ncoll; i++)
            fprintf(out, "%s\n  {\"kind\": \"all_reduce_sum\", \"after_kernel\": %d, "
                    "\"buffer\": %d, \"node\": %d}", i ? "," : "", p->colls[i].after,
                    p->colls[i].buf, p->colls[i].node);
        fputc(']', out);
    }
    fputs("}\n", out);
}

/* ---- Graphviz ----------------------------------------------------------------------- */

/* A DOT string literal. */
static void dot_str(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        if (*s == '\n')
            fputs("\\n", out);
        else
            fputc(*s, out);
    }
    fputc('"', out);
}

/* Edges from the ops an index expression reads through IX_VAL. */
static void dot_val_edges(FILE *out, const IxExpr *e, int ki, int si, const char *to)
{
    if (!e)
        return;
    if (e->kind == IX_VAL)
        fprintf(out, "    k%d_s%d_o%d -> %s [style=dotted];\n", ki, si, (int)e->c, to);
    if (e->kind == IX_ADD || e->kind == IX_MUL || e->kind == IX_DIV || e->kind == IX_MOD) {
        dot_val_edges(out, e->a, ki, si, to);
        dot_val_edges(out, e->b, ki, si, to);
    }
}

void kir_print_dot(const KProgram *p, FILE *out)
{
    char line[LINE], label[LINE + 64], name[64];
    fputs("digraph kir {\n  node [shape=box, fontname=\"monospace\"];\n", out);
    for (int b = 0; b < p->nbuf; b++) {
        snprintf(label, sizeof label, "buf%d %s %s", b, kbuf_kind_name(p->bufs[b].kind),
                 p->bufs[b].name);
        fprintf(out, "  buf%d [shape=cylinder, label=", b);
        dot_str(out, label);
        fputs("];\n", out);
    }
    for (int ki = 0; ki < p->nkernel; ki++) {
        const Kernel *k = p->kernels[ki];
        fprintf(out, "  subgraph cluster_k%d {\n    label=", ki);
        snprintf(label, sizeof label, "kernel %d %s (block %d)", ki, k->name, k->block);
        dot_str(out, label);
        fputs(";\n", out);
        for (int si = 0; si < k->nseg; si++) {
            const KSegment *s = k->segs[si];
            domain_text(p, s, line, sizeof line);
            fprintf(out, "    subgraph cluster_k%d_s%d {\n    label=", ki, si);
            snprintf(label, sizeof label, "segment %d %s", si, line);
            dot_str(out, label);
            fputs(";\n", out);
            for (int i = 0; i < s->ops.len; i++) {
                const KOp *o = op_at(s, i);
                op_rhs(p, o, line, sizeof line);
                snprintf(label, sizeof label, "k%d %s%s\n%s", o->id, o->row ? "row " : "",
                         dt_name(o->dtype), line);
                fprintf(out, "    k%d_s%d_o%d [label=", ki, si, o->id);
                dot_str(out, label);
                fputs("];\n", out);
                snprintf(name, sizeof name, "k%d_s%d_o%d", ki, si, o->id);
                for (int j = 0; j < o->nin; j++)
                    fprintf(out, "    k%d_s%d_o%d -> %s;\n", ki, si, o->in[j]->id, name);
                if (o->kind == KO_LOAD) {
                    fprintf(out, "    buf%d -> %s [style=dashed];\n", o->a.load.buf, name);
                    for (int d = 0; d < p->bufs[o->a.load.buf].rank; d++)
                        dot_val_edges(out, o->a.load.idx[d], ki, si, name);
                }
                if (o->kind == KO_INDEX)
                    dot_val_edges(out, o->a.index.expr, ki, si, name);
                if (o->kind == KO_FOLD)
                    fprintf(out, "    buf%d -> %s [style=dashed];\n", o->a.fold.buf, name);
            }
            for (int i = 0; i < s->stores.len; i++) {
                const KStore *st = store_at(s, i);
                store_text(p, st, line, sizeof line);
                snprintf(name, sizeof name, "k%d_s%d_st%d", ki, si, i);
                fprintf(out, "    %s [shape=ellipse, label=", name);
                dot_str(out, line);
                fputs("];\n", out);
                fprintf(out, "    k%d_s%d_o%d -> %s;\n", ki, si, st->value->id, name);
                fprintf(out, "    %s -> buf%d [style=dashed];\n", name, st->buf);
                for (int d = 0; d < p->bufs[st->buf].rank; d++)
                    dot_val_edges(out, st->idx[d], ki, si, name);
            }
            fputs("    }\n", out);
        }
        fputs("  }\n", out);
    }
    for (int i = 0; i < p->ncoll; i++) /* a collective: its buffer summed in place */
        fprintf(out, "  coll%d [shape=doubleoctagon, label=\"all_reduce sum after kernel %d\"];\n"
                "  buf%d -> coll%d [dir=both, style=bold];\n", i, p->colls[i].after,
                p->colls[i].buf, i);
    fputs("}\n", out);
}
