/* print.c - the stable text form of the graph IR (`sinter dump --stage ir`).
 *
 * One line per node, in topological order:
 *   %5: bf16[T, 32, 128] = mul %3, %4
 *   %9: f32[T, 32, 1] = reduce.mean %8 axes=[2] keepdim
 *   %3: bf16[T, 4096] = view %0 (v0, v1 + 4096)
 * A view prints, for each dim of its input, the index expression over the
 * view's own indices v0, v1, ...  The format is documented in docs/ir.md and
 * is what the golden files under tests/golden/ hold, so it changes only on
 * purpose. */
#include <inttypes.h>
#include <string.h>

#include "ir.h"

static void print_const(const IrNode *n, FILE *out)
{
    if (!dt_is_float(n->dtype)) {
        fprintf(out, "const %" PRId64, n->a.cnst.i);
        return;
    }
    double v = n->a.cnst.f;
    if (v != v)
        fputs("const nan", out);
    else if (v > 1e308 || v < -1e308)
        fputs(v > 0 ? "const inf" : "const -inf", out);
    else
        fprintf(out, "const %.9g", v);
}

static void print_operands(const IrNode *n, FILE *out)
{
    for (int i = 0; i < n->nin; i++)
        fprintf(out, "%s%%%d", i ? ", " : " ", n->in[i]->id);
}

static void print_view(const IrGraph *g, const IrNode *n, FILE *out)
{
    fprintf(out, "%s %%%d (", ir_op_name(n->op), n->in[0]->id);
    for (int i = 0; i < n->in[0]->rank; i++) {
        char buf[512];
        ix_print(n->a.view.src[i], g->syms, buf, sizeof buf);
        fprintf(out, "%s%s", i ? ", " : "", buf);
    }
    fputc(')', out);
}

static void print_reduce(const IrNode *n, FILE *out)
{
    fprintf(out, "%s.%s %%%d axes=[", ir_op_name(n->op), ir_reduce_name(n->a.reduce.kind),
            n->in[0]->id);
    const char *sep = "";
    for (int i = 0; i < n->in[0]->rank; i++)
        if (n->a.reduce.axes >> i & 1) {
            fprintf(out, "%s%d", sep, i);
            sep = ", ";
        }
    fputc(']', out);
    if (n->a.reduce.keepdim)
        fputs(" keepdim", out);
}

/* Float arithmetic runs in f32 whatever the declared (storage) type: such
 * ops read "bf16[T, 1] = f32 reduce.mean ...". */
static bool f32_arith(const IrNode *n)
{
    bool arith = n->op == IR_UNARY || n->op == IR_BINARY || n->op == IR_REDUCE;
    return arith && dt_is_float(n->dtype) && n->dtype != DT_F32;
}

static void print_node(const IrGraph *g, const IrNode *n, FILE *out)
{
    char type[256];
    fprintf(out, "  %%%d: %s = %s", n->id, ir_type_str(g, n, type, sizeof type),
            f32_arith(n) ? "f32 " : "");
    switch (n->op) {
    case IR_INPUT: fprintf(out, "%s %s", ir_op_name(n->op), n->a.input.name); break;
    case IR_CONST: print_const(n, out); break;
    case IR_IOTA: fputs(ir_op_name(n->op), out); break;
    case IR_ALLREDUCE: fputs("all_reduce.sum", out); print_operands(n, out); break;
    case IR_UNARY: fputs(ir_unary_name(n->a.unary), out); print_operands(n, out); break;
    case IR_BINARY: fputs(ir_binary_name(n->a.binary), out); print_operands(n, out); break;
    case IR_WHERE: fputs(ir_op_name(n->op), out); print_operands(n, out); break;
    case IR_CAST: fprintf(out, "%s%s", n->a.cast.bitcast ? "bitcast" : ir_op_name(n->op),
                          n->a.cast.saturate ? ".sat" : "");
        print_operands(n, out); break;
    case IR_REDUCE: print_reduce(n, out); break;
    case IR_VIEW: print_view(g, n, out); break;
    case IR_CAT: case IR_GATHER: fputs(ir_op_name(n->op), out); print_operands(n, out);
        fprintf(out, " dim=%d", n->op == IR_CAT ? n->a.cat.dim : n->a.gather.dim); break;
    default: fputs("?", out);
    }
    fputc('\n', out);
}

void ir_print_graph(const IrGraph *g, FILE *out)
{
    fprintf(out, "graph %s(", g->name);
    for (int i = 0; i < g->nparam; i++) {
        char type[256];
        fprintf(out, "%s%%%d %s: %s", i ? ", " : "", g->params[i]->id,
                g->params[i]->a.input.name, ir_type_str(g, g->params[i], type, sizeof type));
    }
    fputs(") {\n", out);
    for (int i = 0; i < g->nodes.len; i++) {
        const IrNode *n = g->nodes.items[i];
        if (n->op != IR_INPUT)
            print_node(g, n, out);
    }
    fputs("  return", out);
    for (int i = 0; i < g->nout; i++) {
        fprintf(out, "%s%%%d", i ? ", " : " ", g->outs[i]->id);
        if (g->out_names && g->out_names[i])
            fprintf(out, " (%s)", g->out_names[i]);
        const IrDest *d = ir_output_dest(g, i);
        if (d) {
            const IrNode *p = g->params[d->param];
            fprintf(out, " -> %%%d %s[", p->id, p->a.input.name);
            for (int k = 0; k < p->rank; k++) {
                char buf[256];
                ix_print(d->map[k], g->syms, buf, sizeof buf);
                fprintf(out, "%s%s", k ? ", " : "", buf);
            }
            fputc(']', out);
            if (d->index) {
                char buf[64];
                fprintf(out, " scatter by %%%d (v0 < %s)", d->index->id,
                        dim_str(d->rows, g->syms, buf, sizeof buf));
            }
        }
    }
    fputs("\n}\n", out);
}

void ir_print_module(const IrModule *m, FILE *out)
{
    for (int i = 0; i < m->ngraph; i++) {
        if (i)
            fputc('\n', out);
        ir_print_graph(m->graphs[i], out);
    }
}
