/* cli_ref.c - `sinter ref`: run one graph in the reference interpreter.
 *
 * Symbols are bound from --dim NAME=N and from the shapes of the .npy
 * inputs (they must agree).  Inputs not given are random, from a seeded
 * generator (the seed is printed): floats uniform in [-1, 1) rounded to the
 * parameter's dtype, integers used as gather indices uniform in the valid
 * range of every table they index, other integers in [-8, 8), bools 0/1.
 * Float inputs from .npy (f2, f4, f8) are rounded to the declared dtype once
 * (nearest even); integer parameters take integer or bool .npy data whose
 * values fit the dtype.  Every size is at least 1, from --dim or from an
 * array's shape alike.  Each output is summarized on stdout; with
 * --output-dir DIR (created if missing) it is also written to
 * DIR/out0.npy, out1.npy, ... in return order (replacing a file atomically):
 * float values widened exactly to f32, integers in their own dtype; with
 * --raw, narrow floats as their storage bits (uint16 for bf16/f16, uint8
 * for f8; f4e2m1 packed two per uint8, the last dim halved).  An f4e2m1
 * parameter also takes that packed uint8 form as input.  Without
 * --output-dir nothing is written.
 *
 * --world W (ref only) runs W simulated ranks of a communicator (graphs
 * with all_reduce; docs/cli.md): an --input array with one more dim than
 * its parameter, of size W in front, gives rank r its slice r; an array of
 * the parameter's own shape is given to every rank; random inputs are
 * drawn per parameter, rank 0's first.  Every output gets a leading dim of
 * W (rank r's value at index r), also with W = 1 given explicitly. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "exec.h"
#include "interp.h"
#include "kexec.h"
#include "npy.h"
#include "verbs.h"

#define MAX_ARGS CLI_MAX_ARGS
#define MAX_DIM (1ll << 40)
#define MAX_BENCH_ITERS 10000000

static const char *const usage_ref =
    "usage: sinter ref FILE [--graph G] [--dim NAME=N]... [--input NAME=FILE.npy]...\n"
    "                  [--output-dir D] [--seed S] [--raw] [--fused] [--world W]\n"
    "                  [--target T]...\n"
    "\n"
    "Run graph G of FILE in the reference interpreter (the oracle), or with\n"
    "--fused through the whole middle end: the fused kernels, run by the\n"
    "kernel-IR executor exactly as their schedule says.\n"
    "  --dim NAME=N          bind a size symbol (also bound from input shapes)\n"
    "  --input NAME=F.npy    read parameter NAME from F.npy (f2/f4/f8 data is\n"
    "                        rounded to the parameter's dtype); parameters not\n"
    "                        given are random, from --seed (default 0)\n"
    "  --seed S              the random inputs' seed, 0..2^64-1\n"
    "  --output-dir D        also write D/out0.npy, D/out1.npy, ... (D is created\n"
    "                        if missing); without it, outputs are only summarized\n"
    "  --raw                 write narrow floats as storage bits (uint16 for\n"
    "                        bf16/f16, uint8 for f8, f4e2m1 two per uint8 with\n"
    "                        the last dim halved) instead of widened f32\n"
    "  --fused               run the fused kernels (kernel-IR executor)\n"
    "  --world W             simulate W ranks (1..64) for all_reduce: an input\n"
    "                        array with a leading dim of W gives rank r slice r,\n"
    "                        one of the parameter's shape goes to every rank;\n"
    "                        outputs get a leading dim of W\n"
    "  --target T            compile as for target T (as sinter compile --target;\n"
    "                        repeatable; default cuda:sm_90 and hip:gfx950): `f8`\n"
    "                        is T's native e4m3 (f8e4m3fnuz on hip:gfx942), and\n"
    "                        --fused runs the first target's schedule\n"
    "Sizes (--dim values and array dims) are 1..2^40.\n";


/* NAME=VALUE into out[*n]; a NAME already given is a usage error (which
 * of two values was meant is not ours to guess). */
static void split_kv(const char *s, const char *what, CliKV *out, int *n, bool run)
{
    const char *eq = strchr(s, '=');
    const char *cmd = run ? "run" : "ref";
    if (!eq || eq == s || !eq[1])
        cli_usage_error(cmd, "%s needs NAME=VALUE, got '%s'", what, s);
    for (int k = 0; k < *n; k++)
        if (strlen(out[k].name) == (size_t)(eq - s) && !strncmp(out[k].name, s, (size_t)(eq - s)))
            cli_usage_error(cmd, "%s %s given twice", what, out[k].name);
    out[*n].name = strndup(s, (size_t)(eq - s));
    out[*n].value = eq + 1;
    ++*n;
}

static bool flag(const char *arg, RefArgs *r, bool run)
{
    bool *set = !strcmp(arg, "--raw") ? &r->raw
              : !strcmp(arg, "--fused") && !run ? &r->fused
              : !strcmp(arg, "--check") && run ? &r->check
              : !strcmp(arg, "--bench") && run ? &r->bench : NULL;
    if (set)
        *set = true;
    return set != NULL;
}

static void parse_args(int argc, char **argv, RefArgs *r, bool run)
{
    const char *v, *verb = run ? "run" : "ref";
    r->run = run;
    for (int i = 2; i < argc; i++) {
        if (cli_is_help(argv[i])) {
            fputs(run ? cli_usage_run : usage_ref, stdout);
            exit(EXIT_OK);
        }
        if (flag(argv[i], r, run)) {
            continue;
        } else if (run && (v = cli_opt(argc, argv, &i, "--bench-iters"))) {
            r->bench_iters = (int)cli_int(verb, "--bench-iters", v, 1, MAX_BENCH_ITERS);
        } else if ((v = cli_opt(argc, argv, &i, "--graph"))) {
            r->graph = v;
        } else if ((v = cli_opt(argc, argv, &i, "--target"))) {
            if (r->ntarget == SN_MAX_TARGETS)
                cli_usage_error(verb, "more than %d --target", SN_MAX_TARGETS);
            cli_target(verb, v, &r->targets[r->ntarget++]);
        } else if ((v = cli_opt(argc, argv, &i, "--dim"))) {
            if (r->ndim == MAX_ARGS)
                cli_usage_error(verb, "too many --dim");
            split_kv(v, "--dim", r->dims, &r->ndim, run);
            char what[256];
            snprintf(what, sizeof what, "--dim %s", r->dims[r->ndim - 1].name);
            r->dimvals[r->ndim - 1] = cli_int(verb, what, r->dims[r->ndim - 1].value, 1, MAX_DIM);
        } else if ((v = cli_opt(argc, argv, &i, "--input"))) {
            if (r->ninput == MAX_ARGS)
                cli_usage_error(verb, "too many --input");
            split_kv(v, "--input", r->inputs, &r->ninput, run);
        } else if ((v = cli_opt(argc, argv, &i, "--output-dir"))) {
            r->outdir = v;
        } else if (!run && (v = cli_opt(argc, argv, &i, "--world"))) {
            r->world = (int)cli_int(verb, "--world", v, 1, IR_MAX_WORLD);
        } else if ((v = cli_opt(argc, argv, &i, "--seed"))) {
            r->seed = cli_u64(verb, "--seed", v);
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_usage_error(verb, "unknown option '%s'", argv[i]);
        } else if (r->path) {
            cli_usage_error(verb, "one file at a time");
        } else {
            r->path = argv[i];
        }
    }
    if (!r->path)
        cli_usage_error(verb, "no input file");
    if (r->bench_iters && !r->bench)
        cli_usage_error(verb, "--bench-iters applies to --bench");
    if (r->ntarget && cli_has_suffix(r->path, ".snb"))
        cli_usage_error(verb, "--target applies to a .sn source; a bundle runs for the targets "
                              "it was compiled for");
}

/* ------------------------------------------------------------- symbols */

static int find_param(const IrGraph *g, const char *name)
{
    for (int i = 0; i < g->nparam; i++)
        if (strcmp(g->params[i]->a.input.name, name) == 0)
            return i;
    return -1;
}

static bool bind_dims(const IrGraph *g, const RefArgs *r, int64_t *symvals)
{
    for (int s = 0; s < g->nsym; s++)
        symvals[s] = -1;
    for (int k = 0; k < r->ndim; k++) {
        int s = 0;
        while (s < g->nsym && strcmp(g->syms[s], r->dims[k].name) != 0)
            s++;
        if (s == g->nsym) {
            fprintf(stderr, "sinter: graph %s has no size symbol '%s'", g->name, r->dims[k].name);
            fprintf(stderr, g->nsym ? " (symbols:" : " (it has none)");
            for (int t = 0; t < g->nsym; t++)
                fprintf(stderr, " %s", g->syms[t]);
            fprintf(stderr, "%s\n", g->nsym ? ")" : "");
            return false;
        }
        if (ir_sym_is_derived(g, s)) {
            fprintf(stderr, "sinter: size symbol '%s' of graph %s is computed from the others; "
                    "pass theirs\n", g->syms[s], g->name);
            return false;
        }
        symvals[s] = r->dimvals[k];
    }
    ir_graph_derive_syms(g, symvals);
    return true;
}

/* "parameter 'x' of graph g (file.sn:3:12)": where p is declared. */
static const char *param_where(const IrGraph *g, const IrNode *p, char *buf, size_t len)
{
    int n = snprintf(buf, len, "parameter '%s' of graph %s", p->a.input.name, g->name);
    if (p->span.file && n > 0 && (size_t)n < len)
        snprintf(buf + n, len - (size_t)n, " (%s:%d:%d)", p->span.file->name, p->span.line,
                 p->span.col);
    return buf;
}

/* Bind symbols of param p from an array's shape; false (printed) on a
 * rank or size mismatch or an empty dim. */
static bool bind_from_shape(const IrGraph *g, const IrNode *p, const NpyArray *a,
                            const char *file, int64_t *symvals)
{
    char type[256], where[512];
    ir_type_str(g, p, type, sizeof type);
    param_where(g, p, where, sizeof where);
    if (a->rank != p->rank) {
        fprintf(stderr, "sinter: %s: %s is %s (rank %d) but the array has rank %d\n", file,
                where, type, p->rank, a->rank);
        return false;
    }
    for (int d = 0; d < p->rank; d++) {
        Dim dim = p->shape[d];
        if (a->shape[d] < 1 || a->shape[d] > MAX_DIM) {
            fprintf(stderr, "sinter: %s: %s is %s but dim %d of the array is %" PRId64
                    "; sizes are 1..2^40\n", file, where, type, d, a->shape[d]);
            return false;
        }
        if (dim.nsym == 1 && symvals[dim.syms[0]] < 0 && a->shape[d] % dim.coef == 0 &&
            !ir_sym_is_derived(g, dim.syms[0]))
            symvals[dim.syms[0]] = a->shape[d] / dim.coef;
        ir_graph_derive_syms(g, symvals); /* a derived size once its symbols are bound */
        int64_t want = dim_eval(dim, symvals);
        if (want != a->shape[d]) {
            fprintf(stderr, "sinter: %s: %s is %s but dim %d of the array is %" PRId64 "%s\n",
                    file, where, type, d, a->shape[d], want < 0 ? " (symbol not bound)" : "");
            return false;
        }
    }
    return true;
}

/* ------------------------------------------------------------- inputs */

static uint64_t next_random(uint64_t *state) /* splitmix64 */
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* The exclusive upper bound for random values of integer param p: the
 * smallest size of a dim that p indexes through gathers (views between
 * allowed), or 0 if p indexes nothing. */
/* The smallest table p indexes through gathers (0: none), so that random
 * indices stay in range. */
static int64_t gather_bound(const IrGraph *g, const IrNode *p, const int64_t *symvals)
{
    Dim sizes[256]; /* distinct table sizes; past 256 the bound covers these only */
    int n = ir_index_bounds(g, p, sizes, 256);
    int64_t bound = 0;
    for (int i = 0; i < n && i < 256; i++) {
        int64_t size = dim_eval(sizes[i], symvals);
        if (bound == 0 || size < bound)
            bound = size;
    }
    return bound;
}

static void random_input(const IrGraph *g, const IrNode *p, const int64_t *symvals,
                         uint64_t *state, IrBuf *b)
{
    int64_t rows = dt_is_int(p->dtype) ? ir_scatter_rows(g, p, symvals) : 0;
    if (rows > 0 && p->rank == 1) {
        ir_fill_scatter_index(b, rows, next_random, state);
        return;
    }
    int64_t bound = dt_is_int(p->dtype) ? gather_bound(g, p, symvals) : 0;
    for (int64_t k = 0; k < b->numel; k++) {
        uint64_t r = next_random(state);
        if (dt_is_float(p->dtype))
            b->f[k] = dt_round_float((float)((double)(r >> 11) * 0x1p-52 - 1.0), p->dtype);
        else if (p->dtype == DT_BOOL)
            b->i[k] = (int64_t)(r >> 63);
        else if (bound > 0)
            b->i[k] = (int64_t)(r % (uint64_t)bound);
        else
            b->i[k] = (int64_t)(r % 16) - (dt_is_unsigned(p->dtype) ? 0 : 8);
    }
}

static bool int_fits(int64_t v, DType t)
{
    switch (t) {
    case DT_BOOL: return v == 0 || v == 1;
    default: return dt_int_to_int(v, t) == v; /* in the type's range */
    }
}

static bool npy_input(const IrNode *p, const NpyArray *a, const char *file, IrBuf *b)
{
    bool want_float = dt_is_float(p->dtype);
    if (want_float != (a->kind == NPY_FLOAT)) {
        fprintf(stderr, "sinter: %s: parameter '%s' is %s but the array holds %s\n", file,
                p->a.input.name, dt_name(p->dtype), a->kind == NPY_FLOAT ? "floats" : "integers");
        return false;
    }
    for (int64_t k = 0; k < b->numel; k++) {
        if (want_float) {
            b->f[k] = dt_round_double(npy_get_f64(a, k), p->dtype);
            continue;
        }
        int64_t v = npy_get_i64(a, k);
        if ((a->kind == NPY_UINT && a->itemsize == 8 && v < 0) || !int_fits(v, p->dtype)) {
            fprintf(stderr, "sinter: %s: element %" PRId64 " does not fit %s\n", file, k,
                    dt_name(p->dtype));
            return false;
        }
        b->i[k] = v;
    }
    return true;
}

/* A buffer for param p at these sizes; false (printed, located) if it is
 * too large. */
static bool alloc_param(const IrGraph *g, const IrNode *p, const int64_t *symvals, IrBuf *b)
{
    int64_t shape[IR_MAX_RANK];
    for (int d = 0; d < p->rank; d++)
        shape[d] = dim_eval(p->shape[d], symvals);
    if (ir_buf_alloc(b, p->dtype, p->rank, shape))
        return true;
    char type[256], where[512];
    fprintf(stderr, "sinter: %s is too large to hold: %s\n", param_where(g, p, where, sizeof where),
            ir_type_str(g, p, type, sizeof type));
    for (int s = 0; s < g->nsym; s++)
        fprintf(stderr, "%s%s=%" PRId64, s ? ", " : "  with ", g->syms[s], symvals[s]);
    fputs(g->nsym ? "\n" : "", stderr);
    return false;
}

/* A uint8 array given for an f4e2m1 parameter holds the packed codes (the
 * --raw form: the last dim halved, element 2i in the low nibble): replaced
 * by the f32 array of their values, the last dim doubled. */
static bool unpack_packed_input(const IrGraph *g, const IrNode *p, NpyArray *a,
                                const char *file)
{
    if (dt_bits(p->dtype) >= 8 || a->kind != NPY_UINT || a->itemsize != 1 || a->rank == 0)
        return true;
    Dim last = p->shape[p->rank - 1]; /* an even constant (the front end's rule) */
    if (a->rank == p->rank && last.nsym == 0 && a->shape[a->rank - 1] * 2 != last.coef) {
        char type[256], where[512];
        ir_type_str(g, p, type, sizeof type);
        param_where(g, p, where, sizeof where);
        fprintf(stderr, "sinter: %s: %s is %s; as packed uint8 (two elements per byte) its "
                "last dim is %" PRId64 ", but the array's is %" PRId64 "\n", file, where, type,
                last.coef / 2, a->shape[a->rank - 1]);
        return false;
    }
    float *f = malloc((size_t)(a->numel ? a->numel : 1) * 2 * sizeof *f);
    if (!f) {
        fprintf(stderr, "sinter: out of memory\n");
        return false;
    }
    for (int64_t k = 0; k < a->numel * 2; k++)
        f[k] = dt_load_float_at(a->data, p->dtype, k);
    free(a->data);
    a->data = f;
    a->kind = NPY_FLOAT;
    a->itemsize = 4;
    a->numel *= 2;
    a->shape[a->rank - 1] *= 2;
    return true;
}

/* Rank r's part of an input array: the array itself, or with --world its
 * slice r when it has a leading world dim (stacked). */
static NpyArray rank_part(const NpyArray *a, bool stacked, int world, int r)
{
    NpyArray s = *a;
    if (!stacked)
        return s;
    s.rank--;
    memmove(s.shape, a->shape + 1, sizeof(int64_t) * (size_t)s.rank);
    s.numel = a->numel / world;
    s.data = (char *)a->data + (size_t)s.numel * (size_t)r * (size_t)a->itemsize;
    return s;
}

/* Does array a carry a leading dim of `world` ranks for parameter p (one
 * more dim than p)?  An array of that rank whose first dim is not the
 * world size is an error (printed). */
static bool stacked_input(const IrGraph *g, const IrNode *p, const NpyArray *a, int world,
                          const char *file, bool *ok)
{
    if (world < 1 || a->rank != p->rank + 1)
        return false;
    if (a->shape[0] != world) {
        char where[512];
        fprintf(stderr, "sinter: %s: %s: the array has one more dim than the parameter, so "
                "its first dim is the rank, but it is %" PRId64 " and --world is %d\n", file,
                param_where(g, p, where, sizeof where), a->shape[0], world);
        *ok = false;
        return false;
    }
    return true;
}

/* bufs: world x nparam buffers, rank-major (world 1 without --world). */
static bool load_inputs(const IrGraph *g, const RefArgs *r, int64_t *symvals, IrBuf *bufs)
{
    NpyArray arrays[MAX_ARGS];
    int which[MAX_ARGS];
    bool stacked[MAX_ARGS] = {0};
    int world = r->world ? r->world : 1;
    bool ok = true;
    for (int k = 0; k < r->ninput; k++) {
        char err[512];
        which[k] = find_param(g, r->inputs[k].name);
        memset(&arrays[k], 0, sizeof arrays[k]);
        if (which[k] < 0) {
            fprintf(stderr, "sinter: graph %s has no parameter '%s'\n", g->name, r->inputs[k].name);
            ok = false;
        } else if (!cli_input_ok(r->inputs[k].value, CLI_MAX_NPY_BYTES)) {
            ok = false;
        } else if (!npy_read(r->inputs[k].value, &arrays[k], err, sizeof err)) {
            fprintf(stderr, "sinter: %s\n", err);
            ok = false;
        } else if (!unpack_packed_input(g, g->params[which[k]], &arrays[k], r->inputs[k].value)) {
            ok = false;
        } else {
            stacked[k] = stacked_input(g, g->params[which[k]], &arrays[k], r->world,
                                       r->inputs[k].value, &ok);
            NpyArray part = rank_part(&arrays[k], stacked[k], world, 0);
            ok = ok && bind_from_shape(g, g->params[which[k]], &part, r->inputs[k].value,
                                       symvals);
        }
    }
    for (int s = 0; ok && s < g->nsym; s++)
        if (symvals[s] < 0 && !ir_sym_is_derived(g, s)) {
            fprintf(stderr, "sinter: size symbol '%s' of graph %s is not bound; pass --dim %s=N\n",
                    g->syms[s], g->name, g->syms[s]);
            ok = false;
        }
    for (int k = 0; ok && k < r->ninput; k++) { /* re-check shapes now all symbols are bound */
        NpyArray part = rank_part(&arrays[k], stacked[k], world, 0);
        ok = bind_from_shape(g, g->params[which[k]], &part, r->inputs[k].value, symvals);
    }
    for (int i = 0; ok && i < g->nparam * world; i++)
        ok = alloc_param(g, g->params[i % g->nparam], symvals, &bufs[i]);
    uint64_t state = r->seed;
    bool any_random = false;
    for (int i = 0; ok && i < g->nparam; i++) {
        int k = 0;
        while (k < r->ninput && which[k] != i)
            k++;
        if (k < r->ninput) {
            if (any_random)
                fputc('\n', stderr);
            any_random = false;
            for (int w = 0; ok && w < world; w++) {
                NpyArray part = rank_part(&arrays[k], stacked[k], world, w);
                ok = npy_input(g->params[i], &part, r->inputs[k].value,
                               &bufs[(size_t)w * (size_t)g->nparam + (size_t)i]);
            }
        } else {
            if (!any_random)
                fprintf(stderr, "sinter: random inputs (seed %" PRIu64 "):", r->seed);
            fprintf(stderr, " %s", g->params[i]->a.input.name);
            any_random = true;
            for (int w = 0; w < world; w++) /* rank 0's, then rank 1's, ... */
                random_input(g, g->params[i], symvals, &state,
                             &bufs[(size_t)w * (size_t)g->nparam + (size_t)i]);
            continue;
        }
    }
    if (any_random)
        fputc('\n', stderr);
    for (int k = 0; k < r->ninput; k++)
        npy_free(&arrays[k]);
    return ok;
}

/* ------------------------------------------------------------ outputs */

/* One line per output on stdout: its type and shape, and without
 * --output-dir a summary of its values. */
static void describe_output(const IrGraph *g, int i, const IrBuf *b, const char *path)
{
    char type[256];
    const IrDest *dst = ir_output_dest(g, i);
    if (dst) /* the parameter's final value */
        printf("%s (in-out): %s", g->params[dst->param]->a.input.name,
               ir_type_str(g, g->params[dst->param], type, sizeof type));
    else
        printf("out%d%s%s: %s", ir_new_output_index(g, i), g->out_names[i] ? " " : "",
               g->out_names[i] ? g->out_names[i] : "", ir_type_str(g, g->outs[i], type, sizeof type));
    if (path) {
        printf(" -> %s\n", path);
        return;
    }
    printf(" [");
    for (int d = 0; d < b->rank; d++)
        printf("%s%" PRId64, d ? ", " : "", b->shape[d]);
    double lo = 0, hi = 0, sum = 0;
    for (int64_t k = 0; k < b->numel; k++) {
        double v = dt_is_float(b->dtype) ? b->f[k] : (double)b->i[k];
        lo = k == 0 || v < lo ? v : lo;
        hi = k == 0 || v > hi ? v : hi;
        sum += v;
    }
    printf("]: min %.6g, max %.6g, mean %.6g; first:", lo, hi, b->numel ? sum / (double)b->numel
                                                                        : 0.0);
    for (int64_t k = 0; k < b->numel && k < 4; k++)
        printf(" %.6g", dt_is_float(b->dtype) ? b->f[k] : (double)b->i[k]);
    printf("%s\n", b->numel > 4 ? " ..." : "");
}

static bool write_output(const IrGraph *g, int i, const IrBuf *b, const RefArgs *r)
{
    char path[4096], err[4400];
    if (!r->outdir) {
        describe_output(g, i, b, NULL);
        return true;
    }
    if (ir_output_dest(g, i)) /* the updated parameter, named after it */
        snprintf(path, sizeof path, "%s/%s.npy", r->outdir,
                 g->params[ir_output_dest(g, i)->param]->a.input.name);
    else /* numbered among the new outputs, as the bundle's */
        snprintf(path, sizeof path, "%s/out%d.npy", r->outdir, ir_new_output_index(g, i));
    DType t = b->dtype;
    void *data = NULL;
    NpyKind kind;
    int size;
    int64_t shape[IR_MAX_RANK];
    memcpy(shape, b->shape, sizeof shape);
    if (dt_is_float(t) && r->raw && t != DT_F32) {
        size = dt_size(t);
        kind = NPY_UINT;
        data = calloc((size_t)(b->numel ? dt_bytes(t, b->numel) : 1), 1);
        for (int64_t k = 0; data && k < b->numel; k++)
            dt_store_float_at(b->f[k], t, data, k);
        if (dt_bits(t) < 8) /* f4e2m1: the packed bytes, uint8 with the last dim halved */
            shape[b->rank - 1] /= 8 / dt_bits(t);
    } else if (dt_is_float(t)) {
        kind = NPY_FLOAT;
        size = 4;
        data = b->f;
    } else {
        kind = t == DT_BOOL ? NPY_BOOL : dt_is_unsigned(t) ? NPY_UINT : NPY_INT;
        size = dt_size(t);
        data = malloc((size_t)(b->numel ? b->numel : 1) * (size_t)size);
        for (int64_t k = 0; data && k < b->numel; k++) {
            int64_t v = b->i[k];
            char *dst = (char *)data + k * size;
            if (size == 1) { uint8_t x = (uint8_t)v; memcpy(dst, &x, 1); }
            else if (size == 2) { uint16_t x = (uint16_t)v; memcpy(dst, &x, 2); }
            else if (size == 4) { uint32_t x = (uint32_t)v; memcpy(dst, &x, 4); }
            else memcpy(dst, &v, 8);
        }
    }
    if (!data) {
        fprintf(stderr, "sinter: out of memory\n");
        return false;
    }
    bool ok = npy_write(path, kind, size, b->rank, shape, data, err, sizeof err);
    if (data != b->f)
        free(data);
    if (!ok) {
        fprintf(stderr, "sinter: %s\n", err);
        return false;
    }
    describe_output(g, i, b, path);
    return true;
}

/* The oracle, the fused kernels through the kernel-IR executor, or (run)
 * the GPU. */
static bool run_graph(IrGraph *g, const SnCompiled *c, const RefArgs *r, const int64_t *symvals,
                      const IrBuf *ins, IrBuf *outs, Diag *d)
{
    int world = r->world ? r->world : 1;
    if (r->run)
        return cli_run_graph(g, c, r, symvals, ins, outs, d);
    if (!r->fused)
        return ir_interp_world(g, symvals, world, ins, outs, d);
    return kexec_run_world(c->graphs[0].prog, KEXEC_MANY_ROWS, symvals, world, ins, outs, NULL,
                           d);
}

/* The graph to run: compiled by the driver as far as the verb needs
 * (ref: the IR; ref --fused: the kernels; run: the bundle, with the IR
 * kept for the reference), or (run BUNDLE) described from the bundle. */
static IrGraph *prepare(RefArgs *r, Arena *a, SnCompiled *c)
{
    memset(c, 0, sizeof *c);
    if (r->run && cli_has_suffix(r->path, ".snb"))
        return cli_input_ok(r->path, CLI_MAX_BUNDLE_BYTES) ? cli_bundle_signature(r, a) : NULL;
    CgTarget t[2]; /* the targets also resolve `f8`, for the reference too */
    SnCompileOptions opt = {.paths = (const char *const *)&r->path, .npath = 1,
                            .graph = r->graph, .one_graph = true, .keep_reference = r->run,
                            .targets = r->ntarget ? r->targets : t,
                            .ntarget = r->ntarget ? r->ntarget : cli_default_targets(t)};
    SnStage stop = r->run ? SN_STAGE_BUNDLE : r->fused ? SN_STAGE_KERNELS : SN_STAGE_IR;
    Diag d;
    diag_init(&d);
    bool ok = cli_input_ok(r->path, CLI_MAX_SOURCE_BYTES) && sn_compile(&opt, stop, NULL, NULL,
                                                                        a, c, &d);
    diag_print(&d, stderr);
    diag_free(&d);
    if (!ok)
        return NULL;
    return r->run ? c->graphs[0].reference : c->graphs[0].graph;
}

/* The output directory, made when missing. */
static bool output_dir(const char *dir)
{
    struct stat st;
    if (!dir || (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)))
        return true;
    if (mkdir(dir, 0777) == 0)
        return true;
    fprintf(stderr, "sinter: cannot create output directory '%s': %s\n", dir, strerror(errno));
    return false;
}

/* Is output i written into a parameter an earlier output also writes
 * (the parameter is shown and saved once)? */
static bool written_before(const IrGraph *g, int i)
{
    const IrDest *d = ir_output_dest(g, i);
    for (int k = 0; d && k < i; k++)
        if (ir_output_dest(g, k) && ir_output_dest(g, k)->param == d->param)
            return true;
    return false;
}

/* Output i of every rank as one buffer with a leading dim of `world`
 * (--world); false (printed) when the rank would exceed the limit. */
static bool stack_ranks(const IrBuf *outs, int nout, int i, int world, IrBuf *st)
{
    const IrBuf *b0 = &outs[i];
    if (b0->rank + 1 > IR_MAX_RANK) {
        fprintf(stderr, "sinter: output %d has rank %d: with --world its rank %d is over the "
                "limit of %d\n", i, b0->rank, b0->rank + 1, IR_MAX_RANK);
        return false;
    }
    int64_t shape[IR_MAX_RANK];
    shape[0] = world;
    memcpy(shape + 1, b0->shape, sizeof(int64_t) * (size_t)b0->rank);
    if (!ir_buf_alloc(st, b0->dtype, b0->rank + 1, shape)) {
        fprintf(stderr, "sinter: out of memory\n");
        return false;
    }
    for (int w = 0; w < world; w++) {
        const IrBuf *b = &outs[(size_t)w * (size_t)nout + (size_t)i];
        if (!b->numel)
            continue;
        if (st->f)
            memcpy(st->f + (size_t)w * (size_t)b->numel, b->f, sizeof(float) * (size_t)b->numel);
        else
            memcpy(st->i + (size_t)w * (size_t)b->numel, b->i, sizeof(int64_t) * (size_t)b->numel);
    }
    return true;
}

static int execute(IrGraph *g, const SnCompiled *c, const RefArgs *r, const int64_t *symvals,
                   const IrBuf *ins)
{
    int world = r->world ? r->world : 1;
    size_t nout = (size_t)g->nout * (size_t)world;
    IrBuf *outs = calloc(nout + 1, sizeof(IrBuf));
    Diag d;
    diag_init(&d);
    int status = EXIT_USER;
    if (outs && run_graph(g, c, r, symvals, ins, outs, &d)) {
        status = EXIT_OK;
        for (int i = 0; i < g->nout && status == EXIT_OK; i++) {
            if (written_before(g, i))
                continue;
            if (!r->world) {
                if (!write_output(g, i, &outs[i], r))
                    status = EXIT_USER;
                continue;
            }
            IrBuf st = {0};
            if (!stack_ranks(outs, g->nout, i, world, &st) || !write_output(g, i, &st, r))
                status = EXIT_USER;
            ir_buf_free(&st);
        }
        for (size_t i = 0; i < nout; i++)
            ir_buf_free(&outs[i]);
    }
    diag_print(&d, stderr);
    diag_free(&d);
    free(outs);
    return status;
}

static int ref_or_run(int argc, char **argv, bool run)
{
    RefArgs r = {0};
    parse_args(argc, argv, &r, run);
    if (r.run && r.check && cli_has_suffix(r.path, ".snb"))
        cli_usage_error("run", "--check compares with the reference interpreter, which needs "
                               "the .sn source, not a bundle");
    Arena *a = arena_new();
    SnCompiled c;
    IrGraph *g = prepare(&r, a, &c);
    int64_t *symvals = g ? calloc((size_t)g->nsym + 1, sizeof(int64_t)) : NULL;
    int world = r.world ? r.world : 1;
    IrBuf *ins = g ? calloc((size_t)g->nparam * (size_t)world + 1, sizeof(IrBuf)) : NULL;
    int status = EXIT_USER;
    if (g && bind_dims(g, &r, symvals) && load_inputs(g, &r, symvals, ins) &&
        output_dir(r.outdir))
        status = execute(g, &c, &r, symvals, ins);
    for (int i = 0; g && i < g->nparam * world; i++)
        ir_buf_free(&ins[i]);
    for (int k = 0; k < r.ndim; k++)
        free((void *)r.dims[k].name);
    for (int k = 0; k < r.ninput; k++)
        free((void *)r.inputs[k].name);
    free(symvals);
    free(ins);
    sn_compiled_free(&c);
    arena_free(a);
    return status;
}

int cli_ref(int argc, char **argv)
{
    return ref_or_run(argc, argv, false);
}

int cli_run(int argc, char **argv)
{
    return ref_or_run(argc, argv, true);
}
