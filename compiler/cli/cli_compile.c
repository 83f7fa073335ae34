/* cli_compile.c - `sinter compile`: .sn files to one .snb bundle (and
 * optionally a C file embedding it), and `sinter dump BUNDLE`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundle.h"
#include "cli.h"
#include "internal.h"

static const char *const usage_compile =
    "usage: sinter compile FILE... -o OUT.snb [--target cuda:sm_90]... [--target hip:gfx942]...\n"
    "                      [--precompile] [--emit-c OUT.c]\n"
    "\n"
    "Compile every graph of the files into one bundle: the fused kernels' CUDA\n"
    "and/or HIP source with launch metadata, JIT-compiled by the runtime at load.\n"
    "  --target T       a dialect and arch (default: cuda:sm_90 and hip:gfx942);\n"
    "                   one source per dialect serves every arch of it\n"
    "  --precompile     also build the binaries for each --target arch now\n"
    "                   (NVRTC/hiprtc need no GPU); the runtime uses them when\n"
    "                   the device's arch matches\n"
    "  --emit-c OUT.c   also write a C file holding the bundle as a byte array\n"
    "                   and a typed launch function per graph\n";

#define MAX_TARGETS 16

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

/* The typed launch function of one graph for --emit-c: the bundle, the
 * size symbols, each input (a pointer and its outer strides, or a double
 * for a rank-0 one) and output, a workspace for the temporaries of a graph
 * of several kernels (sn_graph_workspace_size says how much), the stream.
 * The function's own names start with sn_ (see c_name). */
static void emit_c_graph(FILE *f, const KProgram *p, const char *prefix)
{
    const IrGraph *g = p->graph;
    bool temps = false;
    char nb[256];
    for (int i = 0; i < p->nbuf; i++)
        temps |= p->bufs[i].kind == KB_TEMP;
    fprintf(f, "\n/* %s: launch graph %s (check sn_last_error() on failure)%s. */\n", prefix,
            g->name, temps ? "; sn_workspace: device memory of at least "
                             "sn_graph_workspace_size bytes for these sizes" : "");
    for (int pass = 0; pass < 2; pass++) { /* the prototype, then the definition */
        fprintf(f, "sn_status %s_%s(sn_bundle *sn_b", prefix, g->name);
        for (int s = 0; s < g->nsym; s++)
            fprintf(f, ", int64_t %s", c_name(g->syms[s], nb, sizeof nb));
        for (int i = 0; i < p->nbuf; i++) {
            const KBuf *b = &p->bufs[i];
            const char *n = c_name(b->name, nb, sizeof nb);
            if (b->kind == KB_TEMP)
                continue;
            if (b->kind == KB_INPUT && b->rank == 0)
                fprintf(f, ", double %s", n);
            else
                fprintf(f, ", %svoid *%s", b->kind == KB_INPUT ? "const " : "", n);
            for (int d = 0; b->kind == KB_INPUT && d + 1 < b->rank; d++)
                fprintf(f, ", int64_t %s_stride%d", b->name, d);
        }
        if (temps)
            fprintf(f, ", void *sn_workspace, size_t sn_workspace_size");
        fprintf(f, pass ? ", void *sn_stream)\n{\n" : ", void *sn_stream);\n");
    }
    fprintf(f, "    sn_graph *sn_g = sn_bundle_graph(sn_b, \"%s\");\n    if (!sn_g)\n"
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
                c_name(b->name, nb, sizeof nb), b->dtype, b->rank, i);
    }
    fprintf(f, "    };\n    return sn_launch(sn_g, sn_in, %d, sn_out, %d, %s, sn_stream);\n}\n",
            nin, nout, temps ? "sn_workspace, sn_workspace_size" : "NULL, 0");
}

static bool emit_c(const char *path, const unsigned char *bytes, size_t len,
                   const BundleGraph *graphs, int n)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    fprintf(f, "/* generated by sinter compile --emit-c; do not edit.\n"
               " * Link with libsinter (pkg-config sinter). */\n"
               "#include <stdint.h>\n#include <stddef.h>\n#include <sinter.h>\n\n"
               "static const unsigned char sinter_bundle_bytes[%zu] = {", len);
    for (size_t i = 0; i < len; i++)
        fprintf(f, "%s%u,", i % 20 ? "" : "\n    ", bytes[i]);
    fprintf(f, "\n};\n\n/* Load the embedded bundle onto the current device. */\n"
               "sn_status sinter_bundle_load(sn_bundle **out);\n"
               "sn_status sinter_bundle_load(sn_bundle **out)\n{\n"
               "    return sn_bundle_load_memory(sinter_bundle_bytes, sizeof sinter_bundle_bytes,"
               " out);\n}\n");
    for (int i = 0; i < n; i++)
        emit_c_graph(f, graphs[i].prog, "sinter");
    return fclose(f) == 0;
}

static bool write_file(const char *path, const unsigned char *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fwrite(bytes, 1, len, f) == len;
    return fclose(f) == 0 && ok;
}

int cli_compile(int argc, char **argv)
{
    const char *files[256], *out = NULL, *emit = NULL, *v;
    int nfiles = 0, ntarget = 0;
    CgTarget targets[MAX_TARGETS];
    bool pre = false;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage_compile, stdout);
            return EXIT_OK;
        }
        if ((v = cli_opt(argc, argv, &i, "-o")) || (v = cli_opt(argc, argv, &i, "--output"))) {
            out = v;
        } else if ((v = cli_opt(argc, argv, &i, "--target"))) {
            Diag d;
            diag_init(&d);
            if (ntarget == MAX_TARGETS)
                cli_usage_error("compile", "too many --target");
            if (!cg_target(v, &targets[ntarget++], &d)) {
                diag_print(&d, stderr);
                diag_free(&d);
                return EXIT_USAGE;
            }
            diag_free(&d);
        } else if ((v = cli_opt(argc, argv, &i, "--emit-c"))) {
            emit = v;
        } else if (!strcmp(argv[i], "--precompile")) {
            pre = true;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_usage_error("compile", "unknown option '%s'", argv[i]);
        } else if (nfiles < 256) {
            files[nfiles++] = argv[i];
        }
    }
    if (!nfiles)
        cli_usage_error("compile", "no input files");
    if (!out)
        cli_usage_error("compile", "no output: give -o OUT.snb");
    if (!ntarget) {
        Diag d;
        diag_init(&d);
        cg_target("cuda:sm_90", &targets[ntarget++], &d);
        cg_target("hip:gfx942", &targets[ntarget++], &d);
        diag_free(&d);
    }
    Arena *a = arena_new();
    PtrVec graphs = {0};
    int status = EXIT_OK;
    for (int f = 0; f < nfiles && status == EXIT_OK; f++) {
        IrModule *m = cli_compile_file(files[f], a);
        if (!m) {
            status = EXIT_USER;
            break;
        }
        for (int i = 0; i < m->ngraph; i++) {
            fprintf(stderr, "sinter: compiling %s: graph %s (%d/%d)%s\n", files[f],
                    m->graphs[i]->name, i + 1, m->ngraph, pre ? ", precompiling" : "");
            BundleGraph *bg = ARENA_NEW(a, BundleGraph);
            Diag d;
            diag_init(&d);
            if (!bundle_add_graph(bg, m->graphs[i], targets, ntarget, pre, &d))
                status = EXIT_USER;
            diag_print(&d, stderr);
            diag_free(&d);
            ptrvec_push(a, &graphs, bg);
        }
    }
    unsigned char *bytes = NULL;
    size_t len = 0;
    BundleGraph *list = ARENA_ARRAY(a, BundleGraph, graphs.len ? graphs.len : 1);
    for (int i = 0; i < graphs.len; i++)
        list[i] = *(BundleGraph *)graphs.items[i];
    if (status == EXIT_OK && !bundle_encode(list, graphs.len, &bytes, &len)) {
        fprintf(stderr, "sinter: out of memory writing the bundle\n");
        status = EXIT_USER;
    }
    if (status == EXIT_OK && !write_file(out, bytes, len)) {
        fprintf(stderr, "sinter: cannot write '%s'\n", out);
        status = EXIT_USER;
    }
    if (status == EXIT_OK && emit && !emit_c(emit, bytes, len, list, graphs.len)) {
        fprintf(stderr, "sinter: cannot write '%s'\n", emit);
        status = EXIT_USER;
    }
    if (status == EXIT_OK)
        fprintf(stderr, "sinter: wrote %s (%zu bytes, %d graph%s)\n", out, len, graphs.len,
                graphs.len == 1 ? "" : "s");
    free(bytes);
    arena_free(a);
    return status;
}
