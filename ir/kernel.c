/* kernel.c - kernel IR sizes, printers and verifier; see kernel.h.
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
 *
 * "row" marks a per-element op; a per-row store is marked "(per row)".
 * Index expressions print as ix_print does, without the parentheses of a
 * top-level sum.  JSON and Graphviz forms carry the same facts.  The
 * printers expect buffer and op references in range (what kir_verify
 * checks first); a missing index expression or operand prints as ? / k-1. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kernel.h"

#define MAX_NUMEL ((int64_t)1 << 40)

/* ---- sizes --------------------------------------------------------------------- */

/* Product of evaluated dims; -1 on overflow or a failed dim. */
static int64_t dims_product(int n, const Dim *dims, const int64_t *symvals)
{
    int64_t p = 1;
    for (int k = 0; k < n; k++) {
        int64_t v = dim_eval(dims[k], symvals);
        if (v < 0 || __builtin_mul_overflow(p, v, &p))
            return -1;
    }
    return p;
}

int64_t kseg_row_len(const KSegment *s, const int64_t *symvals)
{
    return dims_product(s->nrow, s->row, symvals);
}

int64_t kseg_rows(const KSegment *s, const int64_t *symvals)
{
    return dims_product(s->nouter, s->outer, symvals);
}

int64_t kseg_static_row_len(const KSegment *s)
{
    for (int k = 0; k < s->nrow; k++)
        if (s->row[k].nsym)
            return -1;
    return dims_product(s->nrow, s->row, NULL);
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

bool kop_load_per_row(const KProgram *p, const KSegment *s, const KOp *op)
{
    for (int k = 0; k < p->bufs[op->a.load.buf].rank; k++)
        if (ix_has_outer(op->a.load.idx[k], s->nouter))
            return true;
    return false;
}

/* ---- shared printing helpers -------------------------------------------------------- */

static const char *const *symnames(const KProgram *p)
{
    return p->graph ? p->graph->syms : NULL;
}

static const KSegment *seg_at(const Kernel *k, int i)
{
    return k->segs[i];
}

static const KOp *op_at(const KSegment *s, int i)
{
    return (const KOp *)s->ops.items[i];
}

static const KStore *store_at(const KSegment *s, int i)
{
    return (const KStore *)s->stores.items[i];
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

/* Appends printf output to buf[*pos..size), truncating safely. */
static void bprintf(char *buf, int size, int *pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void bprintf(char *buf, int size, int *pos, const char *fmt, ...)
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
        bprintf(buf, size, pos, "%s%s", k ? ", " : "", dim_str(dims[k], symnames(p), d, sizeof d));
    }
}

/* "qkv[v0, v1*128 + v2]" for buffer b and rank(b) index expressions. */
static void access_text(const KProgram *p, int b, IxExpr *const *idx, char *buf, int size,
                        int *pos)
{
    const KBuf *kb = &p->bufs[b];
    bprintf(buf, size, pos, "%s[", kb->name);
    for (int d = 0; d < kb->rank; d++) {
        char e[512];
        bprintf(buf, size, pos, "%s%s", d ? ", " : "", ix_str(p, idx[d], e, sizeof e));
    }
    bprintf(buf, size, pos, "]");
}

static const char *kind_name(KOpKind k)
{
    static const char *const names[] = {"load", "const", "unary", "binary", "where", "cast",
                                        "reduce", "index"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

static const char *buf_kind_name(KBufKind k)
{
    return k == KB_INPUT ? "input" : k == KB_OUTPUT ? "output" : k == KB_TEMP ? "temp" : "?";
}

/* A constant's value as text ("nan", "inf", "-inf", "%.9g", or an integer). */
static void const_text(const KOp *o, char *buf, int size, int *pos)
{
    if (!dt_is_float(o->dtype)) {
        bprintf(buf, size, pos, "%" PRId64, o->a.cnst.i);
        return;
    }
    double v = o->a.cnst.f;
    if (v != v)
        bprintf(buf, size, pos, "nan");
    else if (v > 1e308 || v < -1e308)
        bprintf(buf, size, pos, v > 0 ? "inf" : "-inf");
    else
        bprintf(buf, size, pos, "%.9g", v);
}

/* The right-hand side of an op: "mul k3, k4", "load buf2 qkv[...]". */
static void op_rhs(const KProgram *p, const KOp *o, char *buf, int size)
{
    int pos = 0;
    buf[0] = 0;
    switch (o->kind) {
    case KO_LOAD:
        bprintf(buf, size, &pos, "load buf%d ", o->a.load.buf);
        access_text(p, o->a.load.buf, o->a.load.idx, buf, size, &pos);
        return;
    case KO_CONST:
        bprintf(buf, size, &pos, "const ");
        const_text(o, buf, size, &pos);
        return;
    case KO_INDEX: {
        char e[512];
        bprintf(buf, size, &pos, "index %s", ix_str(p, o->a.index.expr, e, sizeof e));
        return;
    }
    case KO_UNARY: bprintf(buf, size, &pos, "%s", ir_unary_name(o->a.unary)); break;
    case KO_BINARY: bprintf(buf, size, &pos, "%s", ir_binary_name(o->a.binary)); break;
    case KO_WHERE: bprintf(buf, size, &pos, "where"); break;
    case KO_CAST: bprintf(buf, size, &pos, o->a.cast.saturate ? "cast.sat" : "cast"); break;
    case KO_REDUCE:
        bprintf(buf, size, &pos, "reduce.%s", ir_reduce_name(o->a.reduce.kind));
        break;
    default: bprintf(buf, size, &pos, "?"); return;
    }
    for (int i = 0; i < o->nin && i < 3; i++)
        bprintf(buf, size, &pos, "%sk%d", i ? ", " : " ", o->in[i] ? o->in[i]->id : -1);
}

/* "store buf4 q_out[v0, v1, v2] <- k9" */
static void store_text(const KProgram *p, const KStore *st, char *buf, int size)
{
    int pos = 0;
    buf[0] = 0;
    bprintf(buf, size, &pos, "store buf%d ", st->buf);
    access_text(p, st->buf, st->idx, buf, size, &pos);
    bprintf(buf, size, &pos, " <- k%d", st->value->id);
}

/* "[T, 32 | 128]" */
static void domain_text(const KProgram *p, const KSegment *s, char *buf, int size)
{
    int pos = 0;
    buf[0] = 0;
    bprintf(buf, size, &pos, "[");
    dims_text(p, s->nouter, s->outer, buf, size, &pos);
    bprintf(buf, size, &pos, "%s|%s", s->nouter ? " " : "", s->nrow ? " " : "");
    dims_text(p, s->nrow, s->row, buf, size, &pos);
    bprintf(buf, size, &pos, "]");
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

void kir_print(const KProgram *p, FILE *out)
{
    char line[LINE];
    fprintf(out, "kir %s: %d buffer%s, %d kernel%s\n", p->graph ? p->graph->name : "?", p->nbuf,
            p->nbuf == 1 ? "" : "s", p->nkernel, p->nkernel == 1 ? "" : "s");
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *kb = &p->bufs[b];
        int pos = 0;
        line[0] = 0;
        dims_text(p, kb->rank, kb->shape, line, sizeof line, &pos);
        fprintf(out, "  buf%d %s %d %s: %s[%s]\n", b, buf_kind_name(kb->kind), kb->index,
                kb->name, dt_name(kb->dtype), line);
    }
    for (int ki = 0; ki < p->nkernel; ki++) {
        const Kernel *k = p->kernels[ki];
        fprintf(out, "\nkernel %d %s (block %d%s)\n", ki, k->name, k->block,
                k->interleave ? ", segments interleaved" : "");
        if (k->few_rows)
            fprintf(out, "  few rows: %s (block %d) when the grid is at most %d blocks per SM\n",
                    k->few_rows->name, k->few_rows->block, k->few_rows_grid_per_sm);
        for (int si = 0; si < k->nseg; si++) {
            const KSegment *s = seg_at(k, si);
            const KSchedule *sc = &s->sched;
            domain_text(p, s, line, sizeof line);
            fprintf(out, "  segment %d: domain %s\n", si, line);
            print_sched(out, "schedule", sc);
            if (k->few_rows)
                print_sched(out, "few-rows schedule", &k->few_rows->segs[si]->sched);
            for (int i = 0; i < s->ops.len; i++) {
                const KOp *o = op_at(s, i);
                op_rhs(p, o, line, sizeof line);
                fprintf(out, "  k%d %s%s = %s", o->id, o->row ? "row " : "", dt_name(o->dtype),
                        line);
                if (o->node >= 0)
                    fprintf(out, "   (node %%%d)", o->node);
                fputc('\n', out);
            }
            for (int i = 0; i < s->stores.len; i++) {
                const KStore *st = store_at(s, i);
                store_text(p, st, line, sizeof line);
                fprintf(out, "  %s%s\n", line, st->row ? "" : "   (per row)");
            }
        }
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
    json_str(out, kind_name(o->kind));
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
    case KO_CAST: fprintf(out, ", \"saturate\": %s", o->a.cast.saturate ? "true" : "false"); break;
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

void kir_print_json(const KProgram *p, FILE *out)
{
    fputs("{\"graph\": ", out);
    json_str(out, p->graph ? p->graph->name : NULL);
    fputs(", \"symbols\": [", out);
    for (int k = 0; p->graph && k < p->graph->nsym; k++) {
        if (k)
            fputs(", ", out);
        json_str(out, p->graph->syms[k]);
    }
    fputs("],\n \"buffers\": [", out);
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *kb = &p->bufs[b];
        fprintf(out, "%s\n  {\"id\": %d, \"kind\": ", b ? "," : "", b);
        json_str(out, buf_kind_name(kb->kind));
        fprintf(out, ", \"index\": %d, \"name\": ", kb->index);
        json_str(out, kb->name);
        fputs(", \"dtype\": ", out);
        json_str(out, dt_name(kb->dtype));
        fputs(", \"shape\": ", out);
        json_dims(p, out, kb->rank, kb->shape);
        fputc('}', out);
    }
    fputs("],\n \"kernels\": [", out);
    for (int ki = 0; ki < p->nkernel; ki++) {
        const Kernel *k = p->kernels[ki];
        fprintf(out, "%s\n  {\"id\": %d, \"name\": ", ki ? "," : "", ki);
        json_str(out, k->name);
        fprintf(out, ", \"block\": %d, \"interleave\": %s, ", k->block,
                k->interleave ? "true" : "false");
        if (k->few_rows) {
            fputs("\"few_rows\": {\"name\": ", out);
            json_str(out, k->few_rows->name);
            fprintf(out, ", \"block\": %d, \"grid_per_sm\": %d}, ", k->few_rows->block,
                    k->few_rows_grid_per_sm);
        }
        fputs("\"segments\": [", out);
        for (int si = 0; si < k->nseg; si++) {
            const KSegment *s = seg_at(k, si);
            const KSchedule *sc = &s->sched;
            fprintf(out, "%s\n   {\"domain\": {\"outer\": ", si ? "," : "");
            json_dims(p, out, s->nouter, s->outer);
            fputs(", \"row\": ", out);
            json_dims(p, out, s->nrow, s->row);
            fputs("},\n    \"schedule\": ", out);
            json_sched(out, sc);
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
                fprintf(out, ", \"row\": %s, \"value\": %d, \"index\": ",
                        st->row ? "true" : "false", st->value->id);
                json_index(p, out, p->bufs[st->buf].rank, st->idx);
                fputc('}', out);
            }
            fputs("]}", out);
        }
        fputs("]}", out);
    }
    fputs("]}\n", out);
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
        snprintf(label, sizeof label, "buf%d %s %s", b, buf_kind_name(p->bufs[b].kind),
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
            const KSegment *s = seg_at(k, si);
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
    fputs("}\n", out);
}

/* ---- verifier ------------------------------------------------------------------------- */

typedef struct {
    const KProgram *p;
    Diag *d;
    bool ok;
    int ki, si;           /* where we are (-1: not in a kernel / segment) */
} Ck;

static Span op_span(const Ck *c, const KOp *o)
{
    const IrGraph *g = c->p->graph;
    if (g && o && o->node >= 0 && o->node < g->nodes.len)
        return ((const IrNode *)g->nodes.items[o->node])->span;
    return g ? g->span : (Span){0};
}

/* One error: "kernel IR verifier: kernel 'k' segment 1 op k4: what". */
static void fail(Ck *c, const KOp *o, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void fail(Ck *c, const KOp *o, const char *fmt, ...)
{
    char what[512], where[256];
    int pos = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    where[0] = 0;
    if (c->ki >= 0) {
        const Kernel *k = c->p->kernels[c->ki];
        bprintf(where, sizeof where, &pos, " kernel %d '%s'", c->ki,
                k && k->name ? k->name : "?");
    }
    if (c->si >= 0)
        bprintf(where, sizeof where, &pos, " segment %d", c->si);
    if (o)
        bprintf(where, sizeof where, &pos, " op k%d", o->id);
    c->ok = false;
    diag_error(c->d, op_span(c, o), "kernel IR verifier:%s: %s", where[0] ? where : " program",
               what);
}

static bool is_pow2(int64_t x)
{
    return x > 0 && (x & (x - 1)) == 0;
}

static bool dim_ok(const KProgram *p, Dim d)
{
    if (d.coef < 0 || d.nsym > IR_MAX_DIM_SYMS)
        return false;
    for (int i = 0; i < d.nsym; i++)
        if ((p->graph && d.syms[i] >= p->graph->nsym) || (i && d.syms[i] < d.syms[i - 1]))
            return false;
    return true;
}

static bool dims_ok(const KProgram *p, int n, const Dim *dims)
{
    for (int k = 0; k < n; k++)
        if (!dim_ok(p, dims[k]))
            return false;
    return true;
}

/* Facts about an index expression gathered while checking it. */
typedef struct {
    const KSegment *s;
    int nvars;        /* domain vars v0 .. v{nvars-1} */
    int op_limit;     /* IX_VAL may name ops [0, op_limit) */
    bool row;         /* uses a row var or the value of a row op */
    const char *err;  /* first problem found */
} IxCk;

static bool is_size(const IxExpr *e)
{
    return e && (e->kind == IX_CONST || e->kind == IX_DIM);
}

static void ix_check(const KProgram *p, IxCk *x, const IxExpr *e, int depth)
{
    if (x->err)
        return;
    if (!e || depth > 10000) {
        x->err = "missing (or too deep) index expression";
        return;
    }
    switch (e->kind) {
    case IX_CONST:
        if (e->c < 0)
            x->err = "negative constant in an index expression";
        return;
    case IX_VAR:
        if (e->c < 0 || e->c >= x->nvars)
            x->err = "index expression uses a variable outside the domain";
        else if (e->c >= x->s->nouter)
            x->row = true;
        return;
    case IX_DIM:
        if (!dim_ok(p, e->dim))
            x->err = "bad size (Dim) in an index expression";
        return;
    case IX_VAL: {
        if (e->c < 0 || e->c >= x->op_limit) {
            x->err = "IX_VAL names an op that is not defined earlier";
            return;
        }
        const KOp *o = op_at(x->s, (int)e->c);
        if (!o || (unsigned)o->dtype >= DT_COUNT || dt_is_float(o->dtype))
            x->err = "IX_VAL names a float op (gather indices are integers)";
        else if (o->row)
            x->row = true;
        return;
    }
    case IX_ADD: case IX_MUL: case IX_DIV: case IX_MOD:
        if (!e->a || !e->b) {
            x->err = "index expression with a missing operand";
            return;
        }
        if (e->kind != IX_ADD && !is_size(e->b)) {
            x->err = "right operand of * / % in an index expression is not a size";
            return;
        }
        if ((e->kind == IX_DIV || e->kind == IX_MOD) && e->b->kind == IX_CONST && e->b->c == 0) {
            x->err = "division by zero in an index expression";
            return;
        }
        ix_check(p, x, e->a, depth + 1);
        ix_check(p, x, e->b, depth + 1);
        return;
    }
    x->err = "bad index expression kind";
}

/* Checks rank index expressions; *row = some index varies along the row. */
static bool index_ok(Ck *c, const KSegment *s, const KOp *o, IxExpr *const *idx, int rank,
                     int op_limit, bool *row, const char *what)
{
    IxCk x = {.s = s, .nvars = s->nouter + s->nrow, .op_limit = op_limit};
    for (int d = 0; d < rank; d++)
        ix_check(c->p, &x, idx[d], 0);
    if (x.err) {
        fail(c, o, "%s: %s", what, x.err);
        return false;
    }
    *row = x.row;
    return true;
}

static bool buf_ok(const Ck *c, int b)
{
    return b >= 0 && b < c->p->nbuf;
}

static int kind_nin(KOpKind k)
{
    switch (k) {
    case KO_LOAD: case KO_CONST: case KO_INDEX: return 0;
    case KO_UNARY: case KO_CAST: case KO_REDUCE: return 1;
    case KO_BINARY: return 2;
    case KO_WHERE: return 3;
    }
    return -1;
}

/* The dtype rules of each op kind (as the graph verifier and scalar.h). */
static void check_types(Ck *c, const KOp *o)
{
    bool f = dt_is_float(o->dtype);
    switch (o->kind) {
    case KO_UNARY: {
        IrUnary k = o->a.unary;
        if ((unsigned)k >= UN_COUNT)
            fail(c, o, "bad unary kind");
        else if (f != dt_is_float(o->in[0]->dtype))
            fail(c, o, "unary changes float/integer class");
        else if (k == UN_NOT && (o->dtype != DT_BOOL || o->in[0]->dtype != DT_BOOL))
            fail(c, o, "not needs bool");
        else if (!f && k != UN_NOT && k != UN_NEG && k != UN_ABS)
            fail(c, o, "math function on integers");
        break;
    }
    case KO_BINARY: {
        IrBinary k = o->a.binary;
        DType x = o->in[0]->dtype, y = o->in[1]->dtype;
        if ((unsigned)k >= BIN_COUNT)
            fail(c, o, "bad binary kind");
        else if (dt_is_float(x) != dt_is_float(y))
            fail(c, o, "binary operands of different float/integer class");
        else if (k >= BIN_LT && k <= BIN_NE && o->dtype != DT_BOOL)
            fail(c, o, "comparison result is not bool");
        else if ((k == BIN_AND || k == BIN_OR) &&
                 (o->dtype != DT_BOOL || x != DT_BOOL || y != DT_BOOL))
            fail(c, o, "logical op on non-bool");
        else if (k < BIN_LT && f != dt_is_float(x))
            fail(c, o, "arithmetic changes float/integer class");
        else if (!f && (k == BIN_DIV || k == BIN_POW))
            fail(c, o, "integer div/pow");
        break;
    }
    case KO_WHERE:
        if (o->in[0]->dtype != DT_BOOL)
            fail(c, o, "where condition is not bool");
        else if (dt_is_float(o->in[1]->dtype) != f || dt_is_float(o->in[2]->dtype) != f)
            fail(c, o, "where branches of a different float/integer class");
        break;
    case KO_REDUCE:
        if ((unsigned)o->a.reduce.kind >= RED_COUNT)
            fail(c, o, "bad reduce kind");
        else if (f != dt_is_float(o->in[0]->dtype))
            fail(c, o, "reduce changes float/integer class");
        else if (o->a.reduce.kind == RED_MEAN && !f)
            fail(c, o, "mean of integers");
        break;
    case KO_LOAD:
        if (f != dt_is_float(c->p->bufs[o->a.load.buf].dtype))
            fail(c, o, "load of a different float/integer class than its buffer");
        break;
    case KO_INDEX:
        if (o->dtype != DT_I64)
            fail(c, o, "index op is not i64");
        break;
    default:
        break;
    }
}

/* Op i of segment s: id, kind, operands, types, row flag, load index. */
static void check_op(Ck *c, const KSegment *s, int i)
{
    const KOp *o = op_at(s, i);
    if (!o) {
        fail(c, NULL, "op %d is NULL", i);
        return;
    }
    if (o->id != i) {
        fail(c, o, "op id %d at position %d (ids must be dense)", o->id, i);
        return;
    }
    int nin = kind_nin(o->kind);
    if (nin < 0 || (unsigned)o->dtype >= DT_COUNT) {
        fail(c, o, "bad op kind or dtype");
        return;
    }
    if (o->nin != nin) {
        fail(c, o, "%s takes %d operands, has %d", kind_name(o->kind), nin, o->nin);
        return;
    }
    bool row = false;
    for (int j = 0; j < nin; j++) {
        const KOp *x = o->in[j];
        if (!x || x->id < 0 || x->id >= i || op_at(s, x->id) != x) {
            fail(c, o, "operand %d is not an earlier op of this segment", j);
            return;
        }
        row |= x->row;
    }
    if (o->node < -1 || (c->p->graph && o->node >= c->p->graph->nodes.len))
        fail(c, o, "graph node %d does not exist", o->node);
    if (o->kind == KO_LOAD) {
        if (!buf_ok(c, o->a.load.buf)) {
            fail(c, o, "load of buffer %d, which does not exist", o->a.load.buf);
            return;
        }
        bool irow;
        if (!index_ok(c, s, o, o->a.load.idx, c->p->bufs[o->a.load.buf].rank, i, &irow,
                      "load index"))
            return;
        row |= irow;
    }
    if (o->kind == KO_INDEX) {
        bool irow;
        if (!index_ok(c, s, o, &o->a.index.expr, 1, i, &irow, "index expression"))
            return;
        row |= irow;
    }
    check_types(c, o);
    if (o->kind == KO_REDUCE && o->row)
        fail(c, o, "a reduce's result is per row, but it is marked row");
    else if (o->kind != KO_REDUCE && o->row != row)
        fail(c, o, "marked %s, but %s", o->row ? "row" : "per-row",
             row ? "an operand or its index varies along the row"
                 : "no operand or index varies along the row");
}

static void check_store(Ck *c, const KSegment *s, int i)
{
    const KStore *st = store_at(s, i);
    if (!st) {
        fail(c, NULL, "store %d is NULL", i);
        return;
    }
    const KOp *v = st->value;
    if (!buf_ok(c, st->buf)) {
        fail(c, NULL, "store %d: buffer %d does not exist", i, st->buf);
        return;
    }
    const KBuf *b = &c->p->bufs[st->buf];
    if (!v || v->id < 0 || v->id >= s->ops.len || op_at(s, v->id) != v) {
        fail(c, NULL, "store %d (to '%s'): value is not an op of this segment", i, b->name);
        return;
    }
    if (b->kind == KB_INPUT)
        fail(c, v, "store %d writes input buffer '%s'", i, b->name);
    if (dt_is_float(v->dtype) != dt_is_float(b->dtype))
        fail(c, v, "store %d: value and buffer '%s' of different float/integer class", i,
             b->name);
    char what[64];
    snprintf(what, sizeof what, "store %d index", i);
    bool irow;
    if (!index_ok(c, s, v, st->idx, b->rank, s->ops.len, &irow, what))
        return;
    bool row = v->row || irow;
    if (st->row != row)
        fail(c, v, "store %d to '%s' marked %s, but %s", i, b->name,
             st->row ? "per element" : "per row",
             row ? "its value or index varies along the row"
                 : "neither its value nor its index varies along the row");
}

/* The segment's schedule: valid fields, its teams filling kernel k's
 * block, its runs covering a static row. */
static void check_schedule(Ck *c, const Kernel *k, const KSegment *s)
{
    const KSchedule *sc = &s->sched;
    if (!is_pow2(sc->threads_per_row) || sc->threads_per_row > 1024)
        fail(c, NULL, "threads_per_row %d is not a power of two in [1, 1024]",
             sc->threads_per_row);
    if (!is_pow2(sc->vec) || sc->vec > 1024)
        fail(c, NULL, "vec %d is not a power of two in [1, 1024]", sc->vec);
    if (!is_pow2(sc->rows_per_block))
        fail(c, NULL, "rows_per_block %d is not a power of two", sc->rows_per_block);
    if (sc->chunks < 0)
        fail(c, NULL, "chunks %d is negative", sc->chunks);
    if ((int64_t)sc->threads_per_row * sc->rows_per_block != k->block)
        fail(c, NULL, "threads_per_row %d * rows_per_block %d != kernel block %d",
             sc->threads_per_row, sc->rows_per_block, k->block);
    int64_t n = kseg_static_row_len(s);
    if (sc->chunks > 0 && n >= 0 && is_pow2(sc->threads_per_row) && is_pow2(sc->vec) &&
        (int64_t)sc->chunks * sc->threads_per_row * sc->vec < n)
        fail(c, NULL, "chunks %d * threads_per_row %d * vec %d do not cover the row (%" PRId64
             " elements)", sc->chunks, sc->threads_per_row, sc->vec, n);
}

static void check_segment(Ck *c, const Kernel *k, const KSegment *s)
{
    if (!s) {
        fail(c, NULL, "segment is NULL");
        return;
    }
    if (s->nouter < 0 || s->nrow < 0 || s->nouter + s->nrow > IR_MAX_RANK) {
        fail(c, NULL, "domain of %d outer + %d row dims (at most %d in all)", s->nouter, s->nrow,
             IR_MAX_RANK);
        return;
    }
    if (!dims_ok(c->p, s->nouter, s->outer) || !dims_ok(c->p, s->nrow, s->row))
        fail(c, NULL, "bad domain size (Dim)");
    check_schedule(c, k, s);
    if (s->ops.len < 0 || (s->ops.len && !s->ops.items) || s->stores.len < 0 ||
        (s->stores.len && !s->stores.items)) {
        fail(c, NULL, "bad op or store list");
        return;
    }
    for (int i = 0; i < s->ops.len; i++)
        check_op(c, s, i);
    if (!c->ok)
        return; /* stores refer to ops: only check them over sound ops */
    for (int i = 0; i < s->stores.len; i++)
        check_store(c, s, i);
}

static bool same_type(const KBuf *b, const IrNode *n)
{
    if (b->dtype != n->dtype || b->rank != n->rank)
        return false;
    for (int k = 0; k < b->rank; k++)
        if (!dim_eq(b->shape[k], n->shape[k]))
            return false;
    return true;
}

/* The buffer table: kinds in order (inputs, outputs, temps), valid types,
 * distinct indices per kind; with a graph, inputs and outputs match their
 * parameter / output and every graph output has its buffer. */
static void check_buffers(Ck *c)
{
    const KProgram *p = c->p;
    const IrGraph *g = p->graph;
    if (p->nbuf < 0 || (p->nbuf && !p->bufs)) {
        fail(c, NULL, "bad buffer table");
        return;
    }
    for (int b = 0; b < p->nbuf; b++) {
        const KBuf *kb = &p->bufs[b];
        if (!kb->name || (unsigned)kb->kind > KB_TEMP || (unsigned)kb->dtype >= DT_COUNT ||
            kb->rank < 0 || kb->rank > IR_MAX_RANK || !dims_ok(p, kb->rank, kb->shape) ||
            kb->index < 0) {
            fail(c, NULL, "buffer %d: bad name, kind, dtype, index or shape", b);
            continue;
        }
        if (b && kb->kind < p->bufs[b - 1].kind)
            fail(c, NULL, "buffer %d '%s': buffers must be inputs, then outputs, then temps", b,
                 kb->name);
        for (int o = 0; o < b; o++)
            if (p->bufs[o].kind == kb->kind && p->bufs[o].index == kb->index)
                fail(c, NULL, "buffers %d and %d are both %s %d", o, b, buf_kind_name(kb->kind),
                     kb->index);
        if (!g)
            continue;
        if (kb->kind == KB_INPUT &&
            (kb->index >= g->nparam || !same_type(kb, g->params[kb->index])))
            fail(c, NULL, "input buffer %d '%s' does not match graph parameter %d", b, kb->name,
                 kb->index);
        if (kb->kind == KB_OUTPUT && (kb->index >= g->nout || !same_type(kb, g->outs[kb->index])))
            fail(c, NULL, "output buffer %d '%s' does not match graph output %d", b, kb->name,
                 kb->index);
    }
    for (int o = 0; g && o < g->nout; o++) {
        bool found = false;
        for (int b = 0; b < p->nbuf && !found; b++)
            found = p->bufs[b].kind == KB_OUTPUT && p->bufs[b].index == o;
        if (!found)
            fail(c, NULL, "graph output %d has no output buffer", o);
    }
}

/* Kernel.few_rows: the same segments (ops and stores shared, so checked
 * once, with the kernel), its own valid schedules and block, no variant of
 * its own. */
static void check_few_rows(Ck *c, const Kernel *k)
{
    const Kernel *f = k->few_rows;
    c->si = -1;
    if (!f->name || f->nseg != k->nseg || !f->segs || f->few_rows) {
        fail(c, NULL, "few-rows variant: unnamed, not %d segments, or has a variant itself",
             k->nseg);
        return;
    }
    if (k->few_rows_grid_per_sm < 1)
        fail(c, NULL, "few_rows_grid_per_sm %d < 1", k->few_rows_grid_per_sm);
    if (!is_pow2(f->block) || f->block > 1024)
        fail(c, NULL, "few-rows block %d is not a power of two in [1, 1024]", f->block);
    for (int si = 0; si < k->nseg; si++) {
        const KSegment *a = k->segs[si], *b = f->segs[si];
        c->si = si;
        bool same = b && b->ops.items == a->ops.items && b->ops.len == a->ops.len &&
                    b->stores.items == a->stores.items && b->stores.len == a->stores.len &&
                    b->nouter == a->nouter && b->nrow == a->nrow;
        for (int d = 0; same && d < a->nouter; d++)
            same = dim_eq(a->outer[d], b->outer[d]);
        for (int d = 0; same && d < a->nrow; d++)
            same = dim_eq(a->row[d], b->row[d]);
        if (!same) {
            fail(c, NULL, "few-rows variant: segment is not the kernel's own");
            continue;
        }
        check_schedule(c, f, b);
    }
}

bool kir_verify(const KProgram *p, Diag *d)
{
    Ck c = {.p = p, .d = d, .ok = true, .ki = -1, .si = -1};
    check_buffers(&c);
    if (p->nkernel < 0 || (p->nkernel && !p->kernels)) {
        fail(&c, NULL, "bad kernel list");
        return false;
    }
    for (int ki = 0; ki < p->nkernel; ki++) {
        const Kernel *k = p->kernels[ki];
        c.ki = ki;
        c.si = -1;
        if (!k || !k->name || k->nseg < 1 || !k->segs) {
            fail(&c, NULL, "kernel is NULL, unnamed or has no segments");
            continue;
        }
        if (!is_pow2(k->block) || k->block > 1024)
            fail(&c, NULL, "block %d is not a power of two in [1, 1024]", k->block);
        for (int si = 0; si < k->nseg; si++) {
            c.si = si;
            check_segment(&c, k, k->segs[si]);
        }
        if (k->few_rows && c.ok) /* over sound segments only: it compares with them */
            check_few_rows(&c, k);
    }
    return c.ok;
}
