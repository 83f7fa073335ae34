/* cli_compile.c - `sinter compile`: .sn files to one .snb bundle through
 * the driver, and optionally a C file embedding it with a header declaring
 * its functions.  Every file is replaced atomically (files.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "driver.h"
#include "files.h"
#include "verbs.h"

static const char *const usage_compile =
    "usage: sinter compile FILE... -o OUT.snb [--target cuda:sm_90]... [--target hip:gfx942]...\n"
    "                      [--precompile] [--emit-c OUT.c [--name NAME]]\n"
    "\n"
    "Compile every graph of the files into one bundle: the fused kernels' CUDA\n"
    "and/or HIP source with launch metadata, JIT-compiled by the runtime at load.\n"
    "Graph names must be distinct across the files.\n"
    "  -o, --output OUT.snb  the bundle (replaced atomically)\n"
    "  --target T       a dialect and arch (default: cuda:sm_90 and hip:gfx950);\n"
    "                   one source per dialect serves every arch of it\n"
    "  --precompile     also build the binaries for each --target arch now\n"
    "                   (NVRTC/hiprtc need no GPU); the runtime uses them when\n"
    "                   the device's arch matches\n"
    "  --emit-c OUT.c   also write a C file holding the bundle as a byte array,\n"
    "                   NAME_load() and a typed launch function NAME_GRAPH per\n"
    "                   graph, and OUT.h declaring them\n"
    "  --name NAME      the C prefix (default: OUT's file name, as an identifier),\n"
    "                   so that several emitted bundles link into one program\n";


/* A graph's name for a C parameter: as written, unless C reserves it or it
 * starts with sn_ (the generated code's own names), then with a trailing
 * underscore.  Returns buf or n. */
static const char *c_name(const char *n, char *buf, size_t len)
{
    static const char *const reserved[] = {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double",
        "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long",
        "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct",
        "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "bool", "true",
        "false", "int64_t", "size_t", "NULL", NULL};
    bool clash = strncmp(n, "sn_", 3) == 0;
    for (int i = 0; !clash && reserved[i]; i++)
        clash = strcmp(n, reserved[i]) == 0;
    if (!clash)
        return n;
    snprintf(buf, len, "%s_", n);
    return buf;
}

/* Buffer i's C parameter name: c_name of its own, except that an output
 * named like a symbol, an input or an earlier output (`return x` of an
 * input x) gets "_outK", K its output index. */
static const char *buf_name(const KProgram *p, int i, char *buf, size_t len)
{
    const KBuf *b = &p->bufs[i];
    bool clash = false;
    for (int s = 0; b->kind == KB_OUTPUT && s < p->graph->nsym; s++)
        clash |= !strcmp(p->graph->syms[s], b->name);
    for (int j = 0; b->kind == KB_OUTPUT && j < i; j++)
        clash |= !strcmp(p->bufs[j].name, b->name);
    if (!clash)
        return c_name(b->name, buf, len);
    snprintf(buf, len, "%s_out%d", b->name, i - p->graph->nparam);
    return buf;
}

/* Whether the graph has temporaries (then it takes a workspace). */
static bool has_temps(const KProgram *p)
{
    bool temps = false;
    for (int i = 0; i < p->nbuf; i++)
        temps |= p->bufs[i].kind == KB_TEMP;
    return temps;
}

/* The typed launch function of one graph for --emit-c, "sn_status
 * PREFIX_GRAPH(...)" (the header's declaration, the C file's definition):
 * the bundle, the size symbols, each input (a pointer and its outer
 * strides, or a double for a rank-0 one) and output, a workspace for the
 * temporaries of a graph of several kernels (sn_graph_workspace_size says
 * how much), the stream.  The function's own names start with sn_ (see
 * c_name); a graph called bundle_load or bundle_bytes gets a trailing
 * underscore, as those are the file's own PREFIX_ names. */
static void emit_signature(FILE *f, const KProgram *p, const char *prefix)
{
    const IrGraph *g = p->graph;
    char nb[256];
    bool own = !strcmp(g->name, "bundle_load") || !strcmp(g->name, "bundle_bytes");
    fprintf(f, "sn_status %s_%s%s(sn_bundle *sn_b", prefix, g->name, own ? "_" : "");
    for (int s = 0; s < g->nsym; s++)
        fprintf(f, ", int64_t %s", c_name(g->syms[s], nb, sizeof nb));
    for (int i = 0; i < p->nbuf; i++) {
        const KBuf *b = &p->bufs[i];
        const char *n = buf_name(p, i, nb, sizeof nb);
        if (b->kind == KB_TEMP)
            continue;
        if (b->kind == KB_INPUT && b->rank == 0)
            fprintf(f, ", double %s", n);
        else
            fprintf(f, ", %svoid *%s", b->kind == KB_INPUT ? "const " : "", n);
        for (int d = 0; b->kind == KB_INPUT && d + 1 < b->rank; d++)
            fprintf(f, ", int64_t %s_stride%d", b->name, d);
    }
    if (has_temps(p))
        fprintf(f, ", void *sn_workspace, size_t sn_workspace_size");
    fprintf(f, ", void *sn_stream)");
}

static void emit_c_graph(FILE *f, const KProgram *p, const char *prefix)
{
    const IrGraph *g = p->graph;
    bool temps = has_temps(p);
    char nb[256];
    fputc('\n', f);
    emit_signature(f, p, prefix);
    fprintf(f, "\n{\n    sn_graph *sn_g = sn_bundle_graph(sn_b, \"%s\");\n    if (!sn_g)\n"
               "        return SN_ERR_NOT_FOUND;\n", g->name);
    int nin = g->nparam, nout = g->nout;
    for (int i = 0; i < nin + nout; i++) {
        const KBuf *b = &p->bufs[i];
        fprintf(f, "    int64_t sn_shape%d[%d] = {", i, b->rank ? b->rank : 1);
        for (int d = 0; d < b->rank; d++) {
            fprintf(f, "%s%lld", d ? ", " : "", (long long)b->shape[d].coef);
            for (int s = 0; s < b->shape[d].nsym; s++)
                fprintf(f, " * %s", c_name(g->syms[b->shape[d].syms[s]], nb, sizeof nb));
        }
        fprintf(f, "%s};\n", b->rank ? "" : "0");
        if (b->kind == KB_INPUT && b->rank > 1) {
            fprintf(f, "    int64_t sn_strides%d[%d] = {", i, b->rank);
            for (int d = 0; d + 1 < b->rank; d++)
                fprintf(f, "%s_stride%d, ", b->name, d);
            fprintf(f, "1};\n");
        }
    }
    fprintf(f, "    sn_tensor sn_in[%d] = {\n", nin ? nin : 1);
    for (int i = 0; i < nin; i++) {
        const KBuf *b = &p->bufs[i];
        const char *n = c_name(b->name, nb, sizeof nb);
        if (b->rank == 0)
            fprintf(f, "        {NULL, (sn_dtype)%d, 0, sn_shape%d, NULL, %s},\n", b->dtype, i,
                    n);
        else if (b->rank > 1)
            fprintf(f, "        {(void *)%s, (sn_dtype)%d, %d, sn_shape%d, sn_strides%d, 0},\n",
                    n, b->dtype, b->rank, i, i);
        else
            fprintf(f, "        {(void *)%s, (sn_dtype)%d, %d, sn_shape%d, NULL, 0},\n", n,
                    b->dtype, b->rank, i);
    }
    fprintf(f, "    };\n    sn_tensor sn_out[%d] = {\n", nout ? nout : 1);
    for (int i = nin; i < nin + nout; i++) {
        const KBuf *b = &p->bufs[i];
        fprintf(f, "        {%s, (sn_dtype)%d, %d, sn_shape%d, NULL, 0},\n",
                buf_name(p, i, nb, sizeof nb), b->dtype, b->rank, i);
    }
    fprintf(f, "    };\n    return sn_launch(sn_g, sn_in, %d, sn_out, %d, %s, sn_stream);\n}\n",
            nin, nout, temps ? "sn_workspace, sn_workspace_size" : "NULL, 0");
}

typedef struct {
    const char *prefix, *header;   /* header: the .h's file name, for #include */
    const SnCompiled *c;
} Emit;

static bool write_header(FILE *f, void *ctx)
{
    const Emit *e = ctx;
    fprintf(f, "/* generated by sinter compile --emit-c; do not edit.  Link with libsinter\n"
               " * (pkg-config sinter) and the generated C file. */\n"
               "#ifndef SINTER_EMITTED_%s_H\n#define SINTER_EMITTED_%s_H\n\n"
               "#include <stddef.h>\n#include <stdint.h>\n#include <sinter.h>\n\n"
               "/* Load the embedded bundle onto the current device. */\n"
               "sn_status %s_bundle_load(sn_bundle **out);\n", e->prefix, e->prefix, e->prefix);
    for (int i = 0; i < e->c->ngraph; i++) {
        const KProgram *p = e->c->graphs[i].prog;
        fprintf(f, "\n/* Launch graph %s (check sn_last_error() on failure)%s. */\n",
                p->graph->name, has_temps(p) ? "; sn_workspace: device memory of at least "
                                               "sn_graph_workspace_size bytes for these sizes"
                                             : "");
        emit_signature(f, p, e->prefix);
        fputs(";\n", f);
    }
    fputs("\n#endif\n", f);
    return !ferror(f);
}

static bool write_c(FILE *f, void *ctx)
{
    const Emit *e = ctx;
    fprintf(f, "/* generated by sinter compile --emit-c; do not edit.\n"
               " * Link with libsinter (pkg-config sinter). */\n"
               "#include \"%s\"\n\n"
               "static const unsigned char %s_bundle_bytes[%zu] = {", e->header, e->prefix,
            e->c->len);
    for (size_t i = 0; i < e->c->len; i++)
        fprintf(f, "%s%u,", i % 20 ? "" : "\n    ", e->c->bytes[i]);
    fprintf(f, "\n};\n\nsn_status %s_bundle_load(sn_bundle **out)\n{\n"
               "    return sn_bundle_load_memory(%s_bundle_bytes, sizeof %s_bundle_bytes, out);\n"
               "}\n", e->prefix, e->prefix, e->prefix);
    for (int i = 0; i < e->c->ngraph; i++)
        emit_c_graph(f, e->c->graphs[i].prog, e->prefix);
    return !ferror(f);
}

static bool write_bytes(FILE *f, void *ctx)
{
    const SnCompiled *c = ctx;
    return fwrite(c->bytes, 1, c->len, f) == c->len;
}

/* OUT.c -> OUT.h (OUT -> OUT.h without the .c); malloc'd. */
static char *header_path(const char *c_path)
{
    size_t n = strlen(c_path);
    if (cli_has_suffix(c_path, ".c"))
        n -= 2;
    char *h = malloc(n + 3);
    if (h)
        snprintf(h, n + 3, "%.*s.h", (int)n, c_path);
    return h;
}

/* The C prefix from a file name: its stem, other characters as '_'. */
static char *default_prefix(const char *path)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t n = strcspn(base, ".");
    char *p = malloc(n + 2), *q = p;
    if (!p)
        return NULL;
    if (n == 0 || (base[0] >= '0' && base[0] <= '9'))
        *q++ = '_';
    for (size_t i = 0; i < n; i++) {
        char ch = base[i];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
        *q++ = ok ? ch : '_';
    }
    *q = 0;
    return p;
}

static bool c_identifier(const char *s)
{
    if (!*s || (*s >= '0' && *s <= '9'))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static bool replace(const char *path, FileWriter w, void *ctx)
{
    char err[4400];
    if (file_replace(path, w, ctx, err, sizeof err))
        return true;
    fprintf(stderr, "sinter: %s\n", err);
    return false;
}

/* --emit-c: OUT.c and OUT.h. */
static bool emit_c(const char *path, const char *name, const SnCompiled *c)
{
    char *hpath = header_path(path), *prefix = name ? strdup(name) : default_prefix(path);
    const char *hbase = hpath && strrchr(hpath, '/') ? strrchr(hpath, '/') + 1 : hpath;
    Emit e = {prefix, hbase, c};
    bool ok = hpath && prefix && replace(hpath, write_header, &e) && replace(path, write_c, &e);
    free(hpath);
    free(prefix);
    return ok;
}

typedef struct {
    const char **files;
    int nfiles, ntarget;
    const char *out, *emit, *name;
    CgTarget targets[SN_MAX_TARGETS];
    bool pre;
} CompileArgs;

/* Every argument is kept: the files as many as given (argv outlives us). */
static void parse_args(int argc, char **argv, CompileArgs *ca)
{
    const char *v;
    ca->files = calloc((size_t)argc, sizeof *ca->files);
    if (!ca->files)
        cli_usage_error("compile", "out of memory");
    for (int i = 2; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            fputs(usage_compile, stdout);
            exit(EXIT_OK);
        }
        if ((v = cli_opt(argc, argv, &i, "-o")) || (v = cli_opt(argc, argv, &i, "--output"))) {
            ca->out = v;
        } else if ((v = cli_opt(argc, argv, &i, "--target"))) {
            if (ca->ntarget == SN_MAX_TARGETS)
                cli_usage_error("compile", "more than %d --target", SN_MAX_TARGETS);
            cli_target("compile", v, &ca->targets[ca->ntarget++]);
        } else if ((v = cli_opt(argc, argv, &i, "--emit-c"))) {
            ca->emit = v;
        } else if ((v = cli_opt(argc, argv, &i, "--name"))) {
            if (!c_identifier(v))
                cli_usage_error("compile", "--name needs a C identifier, got '%s'", v);
            ca->name = v;
        } else if (!strcmp(argv[i], "--precompile")) {
            ca->pre = true;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_usage_error("compile", "unknown option '%s'", argv[i]);
        } else {
            ca->files[ca->nfiles++] = argv[i];
        }
    }
    if (!ca->nfiles)
        cli_usage_error("compile", "no input files");
    if (!ca->out)
        cli_usage_error("compile", "no output: give -o OUT.snb");
    if (ca->name && !ca->emit)
        cli_usage_error("compile", "--name applies to --emit-c");
    if (!ca->ntarget)
        ca->ntarget = cli_default_targets(ca->targets);
}

/* A line per graph as the driver reaches its code. */
static bool progress(void *ctx, SnStage stage, const SnCompiled *c, int graph)
{
    const CompileArgs *ca = ctx;
    if (stage == SN_STAGE_KERNELS)
        fprintf(stderr, "sinter: compiling %s: graph %s%s\n", c->graphs[graph].path,
                c->graphs[graph].graph->name, ca->pre ? ", precompiling" : "");
    return true;
}

int cli_compile(int argc, char **argv)
{
    CompileArgs ca = {0};
    parse_args(argc, argv, &ca);
    bool ok = true;
    for (int f = 0; f < ca.nfiles; f++)
        ok &= cli_input_ok(ca.files[f], CLI_MAX_SOURCE_BYTES);
    Arena *a = arena_new();
    Diag d;
    diag_init(&d);
    SnCompileOptions opt = {.paths = ca.files, .npath = ca.nfiles, .targets = ca.targets,
                            .ntarget = ca.ntarget, .precompile = ca.pre};
    SnCompiled c = {0};
    ok = ok && sn_compile(&opt, SN_STAGE_BUNDLE, progress, &ca, a, &c, &d);
    diag_print(&d, stderr);
    diag_free(&d);
    ok = ok && replace(ca.out, write_bytes, &c) && (!ca.emit || emit_c(ca.emit, ca.name, &c));
    if (ok)
        fprintf(stderr, "sinter: wrote %s (%zu bytes, %d graph%s)%s%s\n", ca.out, c.len,
                c.ngraph, c.ngraph == 1 ? "" : "s", ca.emit ? " and " : "",
                ca.emit ? ca.emit : "");
    sn_compiled_free(&c);
    arena_free(a);
    free(ca.files);
    return ok ? EXIT_OK : EXIT_USER;
}
