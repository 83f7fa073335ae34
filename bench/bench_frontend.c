/* bench_frontend.c - wall-clock benchmark of the front end and the reference
 * interpreter, on the CPU.
 *
 *   bench_frontend [--examples DIR] [--runs N] [--lines N] [--tokens T]
 *                  [--write-large FILE]
 *
 * Measures, best (and median) of N runs:
 *   (a) parse + check + lower of every .sn file of DIR together (target < 20 ms);
 *   (b) the same for one generated file of about --lines lines (10000): many
 *       graphs, each a long chain of statements mixing arithmetic, layout ops
 *       (view, transpose, permute, slices, cat, unflatten), reductions, the
 *       standard library's functions and user `def`s (target < 200 ms);
 *       --write-large FILE writes that file for inspection;
 *   (c) the reference interpreter on RMSNorm, bf16[T, 4096] with T = 4096,
 *       in input elements per second (target >= 50 M/s).
 * Prints a table; exit status 1 only when something fails to compile or
 * run (a missed target is reported, not an error).  Build it optimized:
 * docs/performance.md says how. */
#include <dirent.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "front.h"
#include "passes.h"
#include "interp.h"

#ifndef SINTER_SOURCE_ROOT
#define SINTER_SOURCE_ROOT "."
#endif

#define MAX_RUNS 100

typedef struct {
    char *name;
    char *text;
    size_t len;
} Source;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static _Noreturn void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("bench_frontend: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sorts t[0..n) and returns the median; t[0] is then the best. */
static double sort_median(double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    return n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
}

/* ------------------------------------------------------------- sources */

static int cmp_source(const void *a, const void *b)
{
    return strcmp(((const Source *)a)->name, ((const Source *)b)->name);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open %s", path);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (!buf)
        die("out of memory");
    *len = n;
    return buf;
}

/* Every *.sn of dir, sorted by name; *count set. */
static Source *read_examples(const char *dir, int *count)
{
    DIR *d = opendir(dir);
    if (!d)
        die("cannot open examples directory %s", dir);
    Source *v = NULL;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 4 || strcmp(e->d_name + l - 3, ".sn") != 0)
            continue;
        v = realloc(v, sizeof *v * (size_t)(n + 1));
        if (!v)
            die("out of memory");
        size_t plen = strlen(dir) + l + 2;
        v[n].name = malloc(plen);
        snprintf(v[n].name, plen, "%s/%s", dir, e->d_name);
        v[n].text = read_file(v[n].name, &v[n].len);
        n++;
    }
    closedir(d);
    if (!n)
        die("no .sn files in %s", dir);
    qsort(v, (size_t)n, sizeof *v, cmp_source);
    *count = n;
    return v;
}

static int count_lines(const Source *s, int n)
{
    int lines = 0;
    for (int i = 0; i < n; i++)
        for (size_t k = 0; k < s[i].len; k++)
            lines += s[i].text[k] == '\n';
    return lines;
}

/* -------------------------------------------------- the generated file */

typedef struct {
    char *p;
    size_t len, cap;
    int lines;
} Buf;

static void put(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    while (b->len + (size_t)need + 1 > b->cap) {
        b->cap = b->cap ? b->cap * 2 : 1 << 16;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            die("out of memory");
    }
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)need + 1, fmt, ap);
    va_end(ap);
    for (int k = 0; k < need; k++)
        b->lines += b->p[b->len + k] == '\n';
    b->len += (size_t)need;
}

/* Statement right-hand sides, each a [T, 1024] value from [T, 1024]
 * operands %1 (the previous value) and %2 (an earlier one).  Weighted
 * towards the cheap arithmetic that dominates real chains. */
static const char *const templates[] = {
    "%1 + %2",
    "%1 * %2",
    "%1 * w + b",
    "(%1 + %2) * 0.5 - %1 * %2",
    "to(%1 + %2, bf16)",
    "silu(%1)",
    "rms_norm(%1, w, eps=1e-6)",
    "gelu_tanh(%1) - %2",
    "view(transpose(view(%1, [T, 8, 128]), 1, 2), [T, 1024])",
    "cat([%1[:, 512:1024], %2[:, 0:512]], dim=-1)",
    "view(softmax(view(%1, [T, 8, 128]), dim=-1), [T, 1024])",
    "where(%1 > 0.0, %1, %2 * 0.5)",
    "clamp(%1, -4.0, 4.0) / (1.0 + abs(%2))",
    "%1 - mean(%1, dim=-1, keepdim=true)",
    "gated(%1, w, 1e-5)",
    "view(rope_neox(view(%1, [T, 8, 128]), cos, sin), [T, 1024])",
    "layer_norm(%1, w, b, eps=1e-5)",
    "exp(%1 - amax(%1, dim=-1, keepdim=true)) + sqrt(abs(%2))",
    "heads_softmax(%1)",
    "to(%1 * scale, bf16)",
    "max(%1, %2) + min(%2, 1.0)",
    "gelu(%1) * sigmoid(%2)",
    "flatten(unflatten(%1, -1, [-1, 2]), -2, -1)",
    "%1 * rsqrt(sum(%1 * %1, dim=-1, keepdim=true) + 1e-6)",
    "tanh(%1) + erf(%2) * 0.25",
    "squeeze(unsqueeze(%1, 1), 1) + expand(unsqueeze(b, 0), [T, 1024])",
    "gemma_rms_norm(%1, w, eps=1e-6)",
    "silu_mul(cat([%1, %2], dim=-1))",
    "reshape(permute(view(%1, [T, 4, 2, 128]), [0, 2, 1, 3]), [T, 1024])",
    "residual_norm(%1, %2, w)",
    "%1 + %2 * w",
    "%1 - %2",
};
#define NTEMPLATES ((int)(sizeof templates / sizeof templates[0]))

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

/* One statement: `vN = template` with %1 -> v(n-1), %2 -> an earlier v. */
static void put_stmt(Buf *b, int n, uint32_t *seed)
{
    const char *t = templates[lcg(seed) % NTEMPLATES];
    int q = n - 2 - (int)(lcg(seed) % 6);
    put(b, "    v%d = ", n);
    for (; *t; t++) {
        if (t[0] == '%' && (t[1] == '1' || t[1] == '2')) {
            put(b, "v%d", t[1] == '1' ? n - 1 : (q < 0 ? 0 : q));
            t++;
        } else {
            put(b, "%c", *t);
        }
    }
    put(b, "\n");
}

/* A file of about `lines` lines: three user functions, then graphs of
 * 100-statement chains. */
static Source generate_large(int lines)
{
    Buf b = {0};
    uint32_t seed = 12345;
    put(&b, "# Generated by bench/bench_frontend.c: long chains of realistic ops.\n\n"
            "def gated(x, w, eps) {\n"
            "    h = rms_norm(x, w, eps)\n"
            "    return silu(h) * h\n"
            "}\n\n"
            "def heads_softmax(x) {\n"
            "    return view(softmax(view(x, [T, 8, 128]), dim=-1), [T, 1024])\n"
            "}\n\n"
            "def residual_norm(x, r, w) {\n"
            "    h = to(x + r, bf16)\n"
            "    return rms_norm(h, w, eps=1e-5) + h\n"
            "}\n");
    for (int g = 0; b.lines < lines - 8; g++) {
        put(&b, "\ngraph chain_%d(x: bf16[T, 1024], r: bf16[T, 1024], w: bf16[1024],\n"
                "        b: bf16[1024], cos: f32[T, 1, 64], sin: f32[T, 1, 64], scale: f32[]) {\n"
                "    v0 = to(x + r, bf16)\n",
            g);
        int n = 1;
        for (; n <= 100 && b.lines < lines - 5; n++)
            put_stmt(&b, n, &seed);
        put(&b, "    q, s = quant_fp8_per_token(v%d)\n"
                "    g, gs = quant_fp8_per_group(v%d, 128)\n"
                "    return q, s, g, transpose(gs, 0, 1), v%d\n"
                "}\n",
            n - 1, n - 2, n - 1);
    }
    return (Source){strdup("<generated>"), b.p, b.len};
}

/* ------------------------------------------------------------ measuring */

/* Parse + check + lower each source once; dies on any error.  Returns the
 * number of graphs and IR nodes through *graphs and *nodes. */
static void compile_all(const Source *s, int n, int *graphs, long *nodes)
{
    *graphs = 0;
    *nodes = 0;
    for (int i = 0; i < n; i++) {
        Arena *a = arena_new();
        Diag d;
        diag_init(&d);
        SrcFile *f = front_source(a, s[i].name, s[i].text, s[i].len);
        IrModule *m = front_compile(f, a, &d);
        if (d.nerrors) {
            diag_print(&d, stderr);
            die("%s does not compile", s[i].name);
        }
        *graphs += m->ngraph;
        for (int g = 0; g < m->ngraph; g++)
            *nodes += m->graphs[g]->nodes.len;
        diag_free(&d);
        arena_free(a);
    }
}

/* Every graph pass, the fusion planner, scheduling and lowering to kernel
 * IR over every example (after their front end, which is not timed). */
static double time_passes(const Source *s, int n, int *kernels)
{
    Arena *a = arena_new();
    Diag d;
    diag_init(&d);
    IrModule *mods[64];
    for (int i = 0; i < n && i < 64; i++)
        mods[i] = front_compile(front_source(a, s[i].name, s[i].text, s[i].len), a, &d);
    double t0 = now_s();
    *kernels = 0;
    for (int i = 0; i < n && i < 64; i++)
        for (int g = 0; g < mods[i]->ngraph; g++) {
            KProgram *p = pass_pipeline(mods[i]->graphs[g], &d, NULL);
            if (!p)
                die("%s: the middle end failed", s[i].name);
            *kernels += p->nkernel;
        }
    double t = now_s() - t0;
    diag_free(&d);
    arena_free(a);
    return t;
}

/* Times compile_all over runs; t[] gets one time per run (seconds). */
static void time_compile(const Source *s, int n, int runs, double *t, int *graphs, long *nodes)
{
    compile_all(s, n, graphs, nodes); /* warm up (and check) */
    for (int r = 0; r < runs; r++) {
        double t0 = now_s();
        compile_all(s, n, graphs, nodes);
        t[r] = now_s() - t0;
    }
}

/* Where (b)'s time goes: t_parse[] gets parse-only times, t_verify[] the
 * time of ir_verify over every graph (which front_lower also runs once per
 * graph, so it is part of the check + lower time). */
static void time_breakdown(const Source *s, int runs, double *t_parse, double *t_verify)
{
    for (int r = 0; r < runs; r++) {
        Arena *a = arena_new();
        Diag d;
        diag_init(&d);
        SrcFile *f = front_source(a, s->name, s->text, s->len);
        double t0 = now_s();
        AstFile *ast = front_parse(f, a, &d);
        t_parse[r] = now_s() - t0;
        IrModule *m = front_lower(ast, a, &d);
        t0 = now_s();
        for (int g = 0; g < m->ngraph; g++)
            if (!ir_verify(m->graphs[g], &d))
                die("ir_verify failed on %s", m->graphs[g]->name);
        t_verify[r] = now_s() - t0;
        diag_free(&d);
        arena_free(a);
    }
}

static const char rms_norm_src[] =
    "graph rms_norm_4096(x: bf16[T, 4096], w: bf16[4096]) {\n"
    "    return rms_norm(x, w, eps=1e-6)\n"
    "}\n";

/* Runs the RMSNorm graph at T tokens; t[] gets one time per run. */
static void time_interp(int64_t tokens, int runs, double *t)
{
    Arena *a = arena_new();
    Diag d;
    diag_init(&d);
    IrModule *m = front_compile(front_source(a, "<rms_norm>", rms_norm_src,
                                             sizeof rms_norm_src - 1), a, &d);
    if (d.nerrors || m->ngraph != 1) {
        diag_print(&d, stderr);
        die("the RMSNorm graph does not compile");
    }
    IrGraph *g = m->graphs[0];
    int64_t symvals[1] = {tokens};
    int64_t xshape[2] = {tokens, 4096}, wshape[1] = {4096};
    IrBuf in[2], out[1];
    if (!ir_buf_alloc(&in[0], DT_BF16, 2, xshape) || !ir_buf_alloc(&in[1], DT_BF16, 1, wshape))
        die("out of memory");
    uint32_t seed = 1;
    for (int k = 0; k < 2; k++)
        for (int64_t j = 0; j < in[k].numel; j++)
            in[k].f[j] = dt_round_float((float)lcg(&seed) / (float)(1 << 24) * 2.0f - 1.0f,
                                        DT_BF16);
    for (int r = -1; r < runs; r++) { /* run -1 warms up */
        double t0 = now_s();
        if (!ir_interp(g, symvals, in, out, &d)) {
            diag_print(&d, stderr);
            die("the interpreter failed");
        }
        if (r >= 0)
            t[r] = now_s() - t0;
        ir_buf_free(&out[0]);
    }
    ir_buf_free(&in[0]);
    ir_buf_free(&in[1]);
    diag_free(&d);
    arena_free(a);
}

static void row(const char *what, const char *size, double best, double median,
                const char *target, bool met)
{
    char b[32], m[32];
    snprintf(b, sizeof b, "%.2f ms", best * 1e3);
    snprintf(m, sizeof m, "%.2f ms", median * 1e3);
    printf("%-34s %-32s %10s %10s  %-16s %s\n", what, size, b, m, target,
           !*target ? "" : met ? "ok" : "MISSED");
}

int main(int argc, char **argv)
{
    const char *exdir = SINTER_SOURCE_ROOT "/examples", *write_large = NULL;
    int runs = 10, lines = 10000;
    long tokens = 4096;
    for (int i = 1; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--examples") == 0 && v)
            exdir = argv[++i];
        else if (strcmp(argv[i], "--runs") == 0 && v)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "--lines") == 0 && v)
            lines = atoi(argv[++i]);
        else if (strcmp(argv[i], "--tokens") == 0 && v)
            tokens = atol(argv[++i]);
        else if (strcmp(argv[i], "--write-large") == 0 && v)
            write_large = argv[++i];
        else
            die("usage: bench_frontend [--examples DIR] [--runs N] [--lines N] [--tokens T] "
                "[--write-large FILE]");
    }
    if (runs < 1 || runs > MAX_RUNS || lines < 100 || tokens < 1)
        die("--runs must be 1..%d, --lines >= 100, --tokens >= 1", MAX_RUNS);

    int nex, graphs;
    long nodes;
    double t[MAX_RUNS], med;
    char size[64];
    Source *ex = read_examples(exdir, &nex);
    Source large = generate_large(lines);
    if (write_large) {
        FILE *f = fopen(write_large, "wb");
        if (!f || fwrite(large.text, 1, large.len, f) != large.len || fclose(f) != 0)
            die("cannot write %s", write_large);
    }

    printf("sinter front end and reference interpreter, wall clock, best and median of %d runs\n\n",
           runs);
    printf("%-34s %-32s %10s %10s  %-16s %s\n", "benchmark", "size", "best", "median", "target",
           "");

    time_compile(ex, nex, runs, t, &graphs, &nodes);
    med = sort_median(t, runs);
    snprintf(size, sizeof size, "%d files, %d lines, %ld nodes", nex, count_lines(ex, nex), nodes);
    row("(a) check + lower, all examples", size, t[0], med, "< 20 ms", t[0] < 20e-3);

    time_compile(&large, 1, runs, t, &graphs, &nodes);
    med = sort_median(t, runs);
    snprintf(size, sizeof size, "%d lines, %d graphs, %ld nodes", count_lines(&large, 1), graphs,
             nodes);
    row("(b) check + lower, generated file", size, t[0], med, "< 200 ms", t[0] < 200e-3);
    double t2[MAX_RUNS];
    time_breakdown(&large, runs, t, t2);
    med = sort_median(t, runs);
    row("    of which: parse", "", t[0], med, "", true);
    med = sort_median(t2, runs);
    row("    of which: ir_verify (in lower)", "", t2[0], med, "", true);

    int kernels = 0;
    for (int r = 0; r < runs; r++)
        t[r] = time_passes(ex, nex, &kernels);
    med = sort_median(t, runs);
    snprintf(size, sizeof size, "%d examples -> %d kernels", nex, kernels);
    row("(d) all passes, all examples", size, t[0], med, "< 20 ms", t[0] < 20e-3);

    int iruns = runs < 5 ? runs : 5; /* each run is ~0.3 s */
    time_interp(tokens, iruns, t);
    med = sort_median(t, iruns);
    double elems = (double)tokens * 4096;
    snprintf(size, sizeof size, "bf16[%ld, 4096]", tokens);
    row("(c) interpreter, RMSNorm", size, t[0], med, ">= 50 M elem/s", elems / t[0] >= 50e6);
    printf("%-34s %-32s %10.1f %10.1f  M elements/s (input elements)\n", "", "",
           elems / t[0] / 1e6, elems / med / 1e6);

    for (int i = 0; i < nex; i++) {
        free(ex[i].name);
        free(ex[i].text);
    }
    free(ex);
    free(large.name);
    free(large.text);
    return 0;
}
