/* main.c - the `sinter` command line: the only place that prints or exits.
 *
 *   sinter check FILE...                      parse and type-check
 *   sinter dump FILE --stage ast|ir [--graph G]
 *   sinter ref FILE --graph G --dim T=N ...   run the reference interpreter
 *
 * Exit status: 0 success, 1 an error in the user's input, 2 a usage error. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "codegen.h"
#include "passes.h"

static const char *const usage_main =
    "usage: sinter <command> [options]\n"
    "\n"
    "commands:\n"
    "  check FILE...                      parse and type-check .sn files\n"
    "  dump FILE --stage ast|ir|fused|kernels|cuda|hip [--graph G] [--json|--dot]\n"
    "           [--arch ARCH]\n"
    "                                     print a stage of the compilation\n"
    "  ref FILE [--graph G] [--dim T=N]... [--input NAME=FILE.npy]...\n"
    "           [--output-dir D] [--seed S] [--raw] [--fused]\n"
    "                                     run a graph in the reference interpreter\n"
    "  compile FILE... -o OUT.snb [--target T]... [--precompile] [--emit-c OUT.c]\n"
    "                                     build a bundle for the runtime\n"
    "  run FILE [--graph G] [--dim T=N]... [--input ...] [--check] [--bench]\n"
    "                                     run a graph on the GPU\n"
    "  dump OUT.snb                       list what a bundle holds\n"
    "\n"
    "'sinter <command> --help' describes a command.\n";

static const char *const usage_check =
    "usage: sinter check FILE...\n"
    "\n"
    "Parse and type-check each file. Prints every graph's first error\n"
    "(file:line:col) and exits 1 if there was any, else exits 0.\n";

static const char *const usage_dump =
    "usage: sinter dump FILE --stage ast|ir|fused|kernels|cuda|hip [--graph G]\n"
    "                   [--json] [--dot] [--arch ARCH]\n"
    "\n"
    "Print FILE after a stage of the compiler:\n"
    "  ast      the syntax tree, as S-expressions\n"
    "  ir       the graph IR (typed, shaped SSA; layout ops as index maps)\n"
    "  fused    the graph IR after the graph passes, and the fusion plan\n"
    "  kernels  the kernel IR: per kernel its domain, schedule, loads, ops, stores\n"
    "  cuda     CUDA source for NVRTC, with a header comment per kernel (--arch,\n"
    "           default sm_90)\n"
    "  hip      HIP source for hiprtc (--arch, default gfx942)\n"
    "--graph G limits the output to graph G.\n"
    "--json (kernels) prints the kernel IR as JSON; --dot (kernels) as Graphviz,\n"
    "one cluster per kernel.\n"
    "--arch picks the target: sm_80 sm_86 sm_89 sm_90 sm_100 sm_120 (cuda),\n"
    "gfx90a gfx942 gfx950 gfx1100 gfx1201 (hip).\n";

_Noreturn void cli_usage_error(const char *verb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "sinter%s%s: ", verb ? " " : "", verb ? verb : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n(see 'sinter %s%s--help')\n", verb ? verb : "", verb ? " " : "");
    exit(EXIT_USAGE);
}

const char *cli_dtype_name(int dtype)
{
    return dtype >= 0 && dtype < DT_COUNT ? dt_name((DType)dtype) : "?";
}

const char *cli_opt(int argc, char **argv, int *i, const char *opt)
{
    size_t n = strlen(opt);
    if (strncmp(argv[*i], opt, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] != 0)
        return NULL;
    if (*i + 1 >= argc)
        cli_usage_error(NULL, "option %s needs a value", opt);
    return argv[++*i];
}

IrModule *cli_compile_file(const char *path, Arena *a)
{
    Diag d;
    diag_init(&d);
    SrcFile *f = front_read_file(a, path, &d);
    IrModule *m = f ? front_compile(f, a, &d) : NULL;
    if (d.nerrors) {
        diag_print(&d, stderr);
        m = NULL;
    }
    diag_free(&d);
    return m;
}

IrGraph *cli_find_graph(const IrModule *m, const char *path, const char *name)
{
    if (!name && m->ngraph == 1)
        return m->graphs[0];
    for (int i = 0; name && i < m->ngraph; i++)
        if (strcmp(m->graphs[i]->name, name) == 0)
            return m->graphs[i];
    if (name)
        fprintf(stderr, "sinter: %s has no graph '%s'; its graphs:", path, name);
    else
        fprintf(stderr, "sinter: %s has %d graphs; choose one with --graph:", path, m->ngraph);
    for (int i = 0; i < m->ngraph; i++)
        fprintf(stderr, " %s", m->graphs[i]->name);
    fputc('\n', stderr);
    return NULL;
}

static bool is_help(const char *s)
{
    return strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0;
}

static int cmd_check(int argc, char **argv)
{
    int nfiles = 0, status = EXIT_OK;
    for (int i = 2; i < argc; i++) {
        if (is_help(argv[i])) {
            fputs(usage_check, stdout);
            return EXIT_OK;
        }
        if (argv[i][0] == '-' && argv[i][1])
            cli_usage_error("check", "unknown option '%s'", argv[i]);
    }
    for (int i = 2; i < argc; i++) {
        Arena *a = arena_new();
        if (!cli_compile_file(argv[i], a))
            status = EXIT_USER;
        arena_free(a);
        nfiles++;
    }
    if (!nfiles)
        cli_usage_error("check", "no input files");
    return status;
}

typedef enum { FMT_TEXT, FMT_JSON, FMT_DOT } Format;

/* Print graph g after `stage` (ir, fused, kernels, cuda or hip). */
static bool dump_graph(IrGraph *g, const char *stage, Format fmt, const CgTarget *t, Diag *d)
{
    if (strcmp(stage, "ir") == 0) {
        ir_print_graph(g, stdout);
        return true;
    }
    FusionPlan *plan = NULL;
    KTarget kt = t ? cg_target_facts(t) : ktarget_default();
    KProgram *p = pass_pipeline_for(g, &kt, d, &plan);
    if (!p)
        return false;
    if (strcmp(stage, "fused") == 0) {
        ir_print_graph(g, stdout);
        fuse_print(plan, stdout);
    } else if (t) {
        CgModule m;
        if (!cg_emit(p, t, g->arena, &m, d))
            return false;
        cg_print(p, &m, t, stdout);
    } else if (fmt == FMT_JSON) {
        kir_print_json(p, stdout);
    } else if (fmt == FMT_DOT) {
        kir_print_dot(p, stdout);
    } else {
        kir_print(p, stdout);
    }
    return true;
}

static int cmd_dump(int argc, char **argv)
{
    const char *path = NULL, *stage = NULL, *graph = NULL, *arch = NULL, *v;
    Format fmt = FMT_TEXT;
    for (int i = 2; i < argc; i++) {
        if (is_help(argv[i])) {
            fputs(usage_dump, stdout);
            return EXIT_OK;
        }
        if ((v = cli_opt(argc, argv, &i, "--stage")))
            stage = v;
        else if ((v = cli_opt(argc, argv, &i, "--graph")))
            graph = v;
        else if ((v = cli_opt(argc, argv, &i, "--arch")))
            arch = v;
        else if (strcmp(argv[i], "--json") == 0)
            fmt = FMT_JSON;
        else if (strcmp(argv[i], "--dot") == 0)
            fmt = FMT_DOT;
        else if (argv[i][0] == '-' && argv[i][1])
            cli_usage_error("dump", "unknown option '%s'", argv[i]);
        else if (path)
            cli_usage_error("dump", "one file at a time");
        else
            path = argv[i];
    }
    if (!path)
        cli_usage_error("dump", "no input file");
    size_t plen = strlen(path);
    if (plen > 4 && strcmp(path + plen - 4, ".snb") == 0 && !stage)
        return cli_dump_bundle(path);
    if (!stage)
        stage = "ir";
    static const char *const stages[] = {"ast", "ir", "fused", "kernels", "cuda", "hip"};
    bool known = false;
    for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++)
        known = known || strcmp(stage, stages[i]) == 0;
    if (!known)
        cli_usage_error("dump", "unknown stage '%s' (stages: ast, ir, fused, kernels, cuda, hip)",
                        stage);
    CgTarget target, *t = NULL;
    if (strcmp(stage, "cuda") == 0 || strcmp(stage, "hip") == 0) {
        char spec[64];
        snprintf(spec, sizeof spec, "%s:%s", stage, arch ? arch : stage[0] == 'c' ? "sm_90"
                                                                                 : "gfx942");
        Diag td;
        diag_init(&td);
        if (!cg_target(spec, &target, &td)) {
            diag_print(&td, stderr);
            diag_free(&td);
            return EXIT_USAGE;
        }
        diag_free(&td);
        t = &target;
    } else if (arch) {
        cli_usage_error("dump", "--arch applies to --stage cuda and hip");
    }
    if (fmt != FMT_TEXT && strcmp(stage, "kernels") != 0)
        cli_usage_error("dump", "--json and --dot apply to --stage kernels");
    Arena *a = arena_new();
    int status = EXIT_USER;
    Diag d;
    diag_init(&d);
    SrcFile *f = front_read_file(a, path, &d);
    AstFile *ast = f ? front_parse(f, a, &d) : NULL;
    if (ast && strcmp(stage, "ast") == 0 && !d.nerrors) {
        status = EXIT_OK;
        if (!graph) {
            ast_print(ast, stdout);
        } else { /* the graph or def of that name */
            int found = 0;
            for (int i = 0; i < ast->nitem; i++)
                if (strcmp(ast->items[i]->name, graph) == 0 && ++found)
                    ast_print_item(ast->items[i], stdout);
            if (!found) {
                fprintf(stderr, "sinter: %s has no graph or def '%s'; its items:", path, graph);
                for (int i = 0; i < ast->nitem; i++)
                    fprintf(stderr, " %s", ast->items[i]->name);
                fputc('\n', stderr);
                status = EXIT_USER;
            }
        }
    } else if (ast && !d.nerrors) {
        IrModule *m = front_lower(ast, a, &d);
        if (!d.nerrors) {
            status = EXIT_OK;
            bool json_list = fmt == FMT_JSON && !graph;
            if (json_list)
                fputs("[\n", stdout);
            for (int i = 0; i < m->ngraph && status == EXIT_OK; i++) {
                if (graph && strcmp(m->graphs[i]->name, graph) != 0)
                    continue;
                if (json_list && i)
                    fputs(",\n", stdout);
                else if (i && !graph && fmt == FMT_TEXT)
                    fputc('\n', stdout);
                if (!dump_graph(m->graphs[i], stage, fmt, t, &d))
                    status = EXIT_USER;
            }
            if (json_list)
                fputs("]\n", stdout);
            if (graph && !cli_find_graph(m, path, graph))
                status = EXIT_USER;
        }
    }
    diag_print(&d, stderr);
    diag_free(&d);
    arena_free(a);
    return status;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_main, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (is_help(cmd) || strcmp(cmd, "help") == 0) {
        fputs(usage_main, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc, argv);
    if (strcmp(cmd, "dump") == 0)
        return cmd_dump(argc, argv);
    if (strcmp(cmd, "ref") == 0)
        return cli_ref(argc, argv);
    if (strcmp(cmd, "compile") == 0)
        return cli_compile(argc, argv);
    if (strcmp(cmd, "run") == 0)
        return cli_run(argc, argv);
    fprintf(stderr, "sinter: unknown command '%s'\n\n%s", cmd, usage_main);
    return EXIT_USAGE;
}
