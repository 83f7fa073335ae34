/* cli_dump.c - `sinter check` and `sinter dump`: the driver's pipeline
 * (driver.h) with a hook that prints the stage asked for. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "driver.h"
#include "verbs.h"

static const char *const usage_check =
    "usage: sinter check FILE...\n"
    "\n"
    "Parse and type-check each file. Prints every graph's first error\n"
    "(file:line:col) and exits 1 if there was any, else exits 0.\n";

static const char *const usage_dump =
    "usage: sinter dump FILE.sn --stage ast|ir|fused|kernels|cuda|hip [--graph G]\n"
    "                   [--json] [--dot] [--arch ARCH]\n"
    "       sinter dump BUNDLE.snb\n"
    "\n"
    "Print FILE after a stage of the compiler (default: ir):\n"
    "  ast      the syntax tree, as S-expressions\n"
    "  ir       the graph IR (typed, shaped SSA; layout ops as index maps)\n"
    "  fused    the graph IR after the graph passes (float arithmetic marked\n"
    "           f32 where a narrower type is only its storage), and the fusion\n"
    "           plan: kernels, segments, why each kernel is a new launch\n"
    "  kernels  the kernel IR: per kernel its domain, schedule, loads, ops, stores\n"
    "  cuda     CUDA source for NVRTC, with a header comment per kernel (--arch,\n"
    "           default sm_90)\n"
    "  hip      HIP source for hiprtc (--arch, default gfx942)\n"
    "A bundle (sinter compile) prints what it holds: graphs, tensors, kernels.\n"
    "  --graph G   only graph G (for ast: the graph or def G)\n"
    "  --json      (kernels) the kernel IR as JSON: a list of graphs unless --graph\n"
    "  --dot       (ir, fused, kernels) Graphviz; fused and kernels: one cluster\n"
    "              per kernel\n"
    "  --arch A    the target: sm_80 sm_86 sm_89 sm_90 sm_100 sm_120 (cuda),\n"
    "              gfx90a gfx942 gfx950 gfx1100 gfx1201 (hip)\n";

/* ---------------------------------------------------------------- check */

int cli_check(int argc, char **argv)
{
    int nfiles = 0, status = EXIT_OK;
    for (int i = 2; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            fputs(usage_check, stdout);
            return EXIT_OK;
        }
        if (argv[i][0] == '-' && argv[i][1])
            cli_usage_error("check", "unknown option '%s'", argv[i]);
    }
    for (int i = 2; i < argc; i++, nfiles++) {
        Arena *a = arena_new();
        Diag d;
        diag_init(&d);
        const char *path = argv[i];
        SnCompileOptions opt = {.paths = &path, .npath = 1};
        SnCompiled c;
        if (!cli_input_ok(path, CLI_MAX_SOURCE_BYTES) ||
            !sn_compile(&opt, SN_STAGE_IR, NULL, NULL, a, &c, &d))
            status = EXIT_USER;
        diag_print(&d, stderr);
        diag_free(&d);
        arena_free(a);
    }
    if (!nfiles)
        cli_usage_error("check", "no input files");
    return status;
}

/* ----------------------------------------------------------------- dump */

typedef enum { FMT_TEXT, FMT_JSON, FMT_DOT } Format;

typedef struct {
    SnStage stage;
    Format fmt;
    const CgTarget *target;  /* cuda and hip */
    const char *graph;       /* --graph (ast: an item's name) */
    const char *path;
    int printed;             /* graphs printed so far */
    bool no_item;            /* ast --graph G named nothing */
    bool json_list;          /* --json without --graph: a list of graphs */
} DumpCtx;

static void dump_ast(DumpCtx *x, const AstFile *ast)
{
    int found = 0;
    if (!x->graph)
        ast_print(ast, stdout);
    for (int i = 0; x->graph && i < ast->nitem; i++)
        if (strcmp(ast->items[i]->name, x->graph) == 0 && ++found)
            ast_print_item(ast->items[i], stdout);
    if (!x->graph || found)
        return;
    fprintf(stderr, "sinter: %s has no graph or def '%s'; its items:", x->path, x->graph);
    for (int i = 0; i < ast->nitem; i++)
        fprintf(stderr, " %s", ast->items[i]->name);
    fputc('\n', stderr);
    x->no_item = true;
}

/* A graph's IR as printed (ir_print_graph), one line per node id: the
 * labels of the Graphviz form and of the fused listing. */
static char **node_lines(const IrGraph *g, char **text)
{
    size_t len;
    FILE *f = open_memstream(text, &len);
    char **lines = calloc((size_t)g->nodes.len + 1, sizeof *lines);
    if (!f || !lines) {
        if (f)
            fclose(f);
        free(lines);
        return NULL;
    }
    ir_print_graph(g, f);
    fclose(f);
    for (char *p = *text; p && *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        int id;
        if (sscanf(p, "  %%%d:", &id) == 1 && id >= 0 && id < g->nodes.len)
            lines[id] = p + 2;
        p = nl ? nl + 1 : p + strlen(p);
    }
    return lines;
}

static void dot_label(const char *s, FILE *out)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void dot_node(const IrGraph *g, const IrNode *n, char **lines, const char *indent,
                     FILE *out)
{
    char type[256], label[512];
    if (n->op == IR_INPUT)
        snprintf(label, sizeof label, "%%%d input %s: %s", n->id, n->a.input.name,
                 ir_type_str(g, n, type, sizeof type));
    fprintf(out, "%sn%d [label=", indent, n->id);
    dot_label(n->op == IR_INPUT ? label : lines[n->id] ? lines[n->id] : "?", out);
    fputs(n->op == IR_INPUT ? ", shape=cylinder];\n" : "];\n", out);
}

/* The kernel of the plan that first computes each node (-1: none).  A node
 * recomputed by a later kernel is drawn in the first one only. */
static int *node_kernels(const IrGraph *g, const FusionPlan *plan)
{
    size_t pushes = 1; /* at most: each edge once from its visited user, each root */
    for (int i = 0; i < g->nodes.len; i++)
        pushes += (size_t)((IrNode *)g->nodes.items[i])->nin + 1;
    int *owner = malloc(sizeof(int) * (size_t)(g->nodes.len + 1));
    IrNode **stack = malloc(sizeof(IrNode *) * pushes);
    for (int i = 0; owner && i < g->nodes.len; i++)
        owner[i] = -1;
    for (int k = 0; owner && stack && k < plan->kernels.len; k++) {
        const FKernel *kn = plan->kernels.items[k];
        for (int s = 0; s < kn->segs.len; s++) {
            const FSegment *seg = kn->segs.items[s];
            for (int j = 0; j < seg->stores.len; j++) {
                int top = 0;
                stack[top++] = ((const FStore *)seg->stores.items[j])->root;
                while (top) {
                    IrNode *n = stack[--top];
                    if (owner[n->id] >= 0 || n->op == IR_INPUT)
                        continue;
                    owner[n->id] = k;
                    for (int i = 0; i < n->nin; i++)
                        stack[top++] = n->in[i];
                }
            }
        }
    }
    free(stack);
    return owner;
}

static void dump_dot(const IrGraph *g, const FusionPlan *plan, FILE *out)
{
    char *text = NULL;
    char **lines = node_lines(g, &text);
    int *owner = plan ? node_kernels(g, plan) : NULL;
    fprintf(out, "digraph \"%s\" {\n  node [shape=box, fontname=\"monospace\"];\n", g->name);
    for (int k = -1; k < (plan ? plan->kernels.len : 0); k++) {
        const FKernel *kn = k >= 0 ? plan->kernels.items[k] : NULL;
        if (kn) {
            fprintf(out, "  subgraph cluster_k%d {\n    label=", k);
            char label[512];
            snprintf(label, sizeof label, "kernel %d%s%s", k, kn->why ? ": " : "",
                     kn->why ? kn->why : "");
            dot_label(label, out);
            fputs(";\n", out);
        }
        for (int i = 0; lines && i < g->nodes.len; i++)
            if ((owner ? owner[i] : -1) == k)
                dot_node(g, g->nodes.items[i], lines, kn ? "    " : "  ", out);
        if (kn)
            fputs("  }\n", out);
    }
    for (int i = 0; i < g->nodes.len; i++) {
        const IrNode *n = g->nodes.items[i];
        for (int j = 0; j < n->nin; j++)
            fprintf(out, "  n%d -> n%d;\n", n->in[j]->id, n->id);
    }
    for (int o = 0; o < g->nout; o++)
        fprintf(out, "  out%d [shape=ellipse, label=\"out%d%s%s\"];\n  n%d -> out%d;\n", o, o,
                g->out_names[o] ? " " : "", g->out_names[o] ? g->out_names[o] : "",
                g->outs[o]->id, o);
    fputs("}\n", out);
    free(owner);
    free(lines);
    free(text);
}

static bool dump_graph(DumpCtx *x, SnStage stage, const SnGraphResult *r)
{
    if (x->json_list && !x->printed)
        fputs("[\n", stdout);
    if (x->fmt == FMT_JSON && x->printed)
        fputs(",\n", stdout);
    else if (x->printed && x->fmt == FMT_TEXT)
        fputc('\n', stdout);
    x->printed++;
    bool dot = x->fmt == FMT_DOT;
    switch (stage) {
    case SN_STAGE_IR:
        dot ? dump_dot(r->graph, NULL, stdout) : ir_print_graph(r->graph, stdout);
        break;
    case SN_STAGE_FUSED:
        if (dot)
            dump_dot(r->graph, r->plan, stdout);
        else
            ir_print_graph(r->graph, stdout);
        if (!dot)
            fuse_print(r->plan, stdout);
        break;
    case SN_STAGE_KERNELS:
        if (x->fmt == FMT_JSON)
            kir_print_json(r->prog, stdout);
        else if (dot)
            kir_print_dot(r->prog, stdout);
        else
            kir_print(r->prog, stdout);
        break;
    default:
        cg_print(r->prog, &r->bundle.variants[0].module, x->target, stdout);
    }
    return true;
}

static bool dump_hook(void *ctx, SnStage stage, const SnCompiled *c, int graph)
{
    DumpCtx *x = ctx;
    if (stage != x->stage)
        return true;
    if (stage == SN_STAGE_AST) {
        dump_ast(x, c->ast);
        return !x->no_item;
    }
    return dump_graph(x, stage, &c->graphs[graph]);
}

static SnStage parse_stage(const char *s)
{
    static const char *const names[] = {"ast", "ir", "fused", "kernels", "cuda", "hip"};
    for (int i = 0; i < 6; i++)
        if (strcmp(s, names[i]) == 0)
            return i < 4 ? (SnStage)i : SN_STAGE_CODE;
    cli_usage_error("dump", "unknown stage '%s' (stages: ast, ir, fused, kernels, cuda, hip)", s);
}

/* The option checks of a .sn dump; the target of cuda and hip into *t. */
static void dump_options(DumpCtx *x, const char *stage, const char *arch, CgTarget *t)
{
    x->stage = parse_stage(stage);
    if (x->stage == SN_STAGE_CODE) {
        char spec[64];
        snprintf(spec, sizeof spec, "%s:%s", stage,
                 arch ? arch : stage[0] == 'c' ? "sm_90" : "gfx942");
        cli_target("dump", spec, t);
        x->target = t;
    } else if (arch) {
        cli_usage_error("dump", "--arch applies to --stage cuda and hip");
    }
    if (x->fmt == FMT_JSON && x->stage != SN_STAGE_KERNELS)
        cli_usage_error("dump", "--json applies to --stage kernels");
    if (x->fmt == FMT_DOT && (x->stage == SN_STAGE_AST || x->stage == SN_STAGE_CODE))
        cli_usage_error("dump", "--dot applies to --stage ir, fused and kernels");
}

static int dump_source(DumpCtx *x)
{
    Arena *a = arena_new();
    Diag d;
    diag_init(&d);
    SnCompileOptions opt = {.paths = &x->path, .npath = 1, .graph = x->graph,
                            .targets = x->target, .ntarget = x->target ? 1 : 0};
    if (x->stage == SN_STAGE_AST)
        opt.graph = NULL; /* the hook picks the item */
    x->json_list = x->fmt == FMT_JSON && !x->graph;
    SnCompiled c;
    bool ok = cli_input_ok(x->path, CLI_MAX_SOURCE_BYTES) &&
              sn_compile(&opt, x->stage, dump_hook, x, a, &c, &d);
    if (x->json_list && (ok || x->printed))
        fputs(x->printed ? "]\n" : "[\n]\n", stdout);
    diag_print(&d, stderr);
    diag_free(&d);
    arena_free(a);
    return ok ? EXIT_OK : EXIT_USER;
}

int cli_dump(int argc, char **argv)
{
    const char *stage = NULL, *arch = NULL, *v;
    DumpCtx x = {0};
    for (int i = 2; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            fputs(usage_dump, stdout);
            return EXIT_OK;
        }
        if ((v = cli_opt(argc, argv, &i, "--stage")))
            stage = v;
        else if ((v = cli_opt(argc, argv, &i, "--graph")))
            x.graph = v;
        else if ((v = cli_opt(argc, argv, &i, "--arch")))
            arch = v;
        else if (strcmp(argv[i], "--json") == 0)
            x.fmt = FMT_JSON;
        else if (strcmp(argv[i], "--dot") == 0)
            x.fmt = FMT_DOT;
        else if (argv[i][0] == '-' && argv[i][1])
            cli_usage_error("dump", "unknown option '%s'", argv[i]);
        else if (x.path)
            cli_usage_error("dump", "one file at a time");
        else
            x.path = argv[i];
    }
    if (!x.path)
        cli_usage_error("dump", "no input file");
    if (cli_has_suffix(x.path, ".snb") && !stage)
        return cli_input_ok(x.path, CLI_MAX_BUNDLE_BYTES) ? cli_dump_bundle(x.path) : EXIT_USER;
    CgTarget t;
    dump_options(&x, stage ? stage : "ir", arch, &t);
    return dump_source(&x);
}
