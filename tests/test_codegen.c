/* test_codegen.c - issue 4's claims about codegen (codegen/codegen.h):
 *
 *  1. Every example (examples/NAME.sn), and the GPU tests' graphs
 *     (tests/gpu/odd_rows.sn: partial runs; special_f8.sn; mx_scales.sn:
 *     f8e8m0 scales, f4e2m1 two per byte; selection.sn: argmax, argmin,
 *     topk), compiles: its
 *     CUDA source with NVRTC
 *     for sm_80, sm_90, sm_100 and sm_120 (the last two as their families,
 *     sm_100f and sm_120f, with Blackwell's FP4/UE8M0 conversion
 *     instructions: runtime/jit.c), its HIP source with hiprtc for gfx90a,
 *     gfx942 and gfx1100 (runtime/jit.h).  A failure prints the compiler's
 *     log.  Where NVRTC or hiprtc cannot be loaded its tests are skipped;
 *     when neither can, the whole executable exits 77 (meson: SKIP) once
 *     the other tests have passed.  An arch the installed compiler does not
 *     know is skipped with the reason: Debian's ROCm 5.2 comgr lists no
 *     gfx942 or gfx1100 (and its hiprtc aborts the process if asked, so
 *     comgr's ISA list is read first).  Those targets are compiled for real
 *     by tests/check_hip_rocm.sh (ROCm 6.4 in a chroot, through the driver:
 *     f8 per target, 64-lane schedules, AMD's FP8 instructions).  Here `f8`
 *     is lowered for the target as the driver does.
 *  2. cg_target rejects an unknown arch with the list of known ones, and
 *     `sinter dump FILE --stage cuda --arch sm_7` exits 2 with that list
 *     (the sinter executable is argv[1]; without it that test is skipped).
 *  3. A kernel over the target's limits (threads or shared memory per
 *     block) is refused with the reason.
 *  4. The launch metadata is consistent with the kernel IR: the params are
 *     exactly the buffers the kernel loads or stores, strides only for
 *     inputs of rank >= 2 (one per outer dim), one CP_SYM per graph symbol;
 *     cg_grid is the sum over segments of ceil(rows / rows_per_block);
 *     vector variants list their alignments and name a `_scalar` fallback.
 *  5. The source keeps its structural promises: __launch_bounds__ on every
 *     kernel, no vendor half/bf16/fp8 types or headers (conversions are the
 *     prelude's own code), vector accesses only in vector variants (16-byte
 *     uint4 ones in add_rms_norm_fp8's, none in its _scalar variant), the
 *     dialect's shuffles (__shfl_xor_sync in CUDA, __shfl_xor( in HIP).
 *
 * Runs from the source root (meson's workdir).  SINTER_CODEGEN_ARCHS (a
 * space-separated list, e.g. "sm_90 gfx90a") limits the compile tests. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "codegen.h"
#include "front.h"
#include "jit.h"
#include "passes.h"

static const char *sinter_path; /* argv[1] */

/* ---- examples ----------------------------------------------------------------------- */

#define MAX_EXAMPLES 64
static char *examples[MAX_EXAMPLES]; /* names, sorted */
static int nexamples;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void find_examples(void)
{
    DIR *dir = opendir("examples");
    if (!dir) {
        fprintf(stderr, "test_codegen: cannot open examples/ (run from the source root)\n");
        exit(1);
    }
    struct dirent *e;
    while ((e = readdir(dir)) && nexamples < MAX_EXAMPLES) {
        size_t n = strlen(e->d_name);
        if (n > 3 && strcmp(e->d_name + n - 3, ".sn") == 0)
            examples[nexamples++] = strndup(e->d_name, n - 3);
    }
    closedir(dir);
    qsort(examples, (size_t)nexamples, sizeof examples[0], cmp_str);
}

/* All messages of d, one per line (static buffer). */
static const char *diag_text(const Diag *d)
{
    static char buf[8192];
    size_t pos = 0;
    buf[0] = 0;
    for (const DiagMsg *m = d->head; m && pos < sizeof buf - 1; m = m->next)
        pos += (size_t)snprintf(buf + pos, sizeof buf - pos, "%s\n", m->text);
    return buf;
}

/* One compiled graph: the kernel IR and the module for one target. */
typedef struct {
    Arena *arena;
    IrGraph *graph;
    KProgram *prog;
    CgTarget target;
    CgModule mod;
} Gen;

/* `name`: an example (examples/NAME.sn) or a path from the source root
 * without .sn (tests/gpu/odd_rows). */
static void source_path(char *buf, size_t len, const char *name)
{
    snprintf(buf, len, strchr(name, '/') ? "%s.sn" : "examples/%s.sn", name);
}

/* The number of graphs in example `name` (each has one; a file with more
 * is tested graph by graph). */
static int example_graphs(const char *name)
{
    char path[512];
    source_path(path, sizeof path, name);
    Arena *a = arena_new();
    Diag d;
    diag_init(&d);
    SrcFile *f = front_read_file(a, path, &d);
    IrModule *m = f ? front_compile(f, a, &d) : NULL;
    if (d.nerrors)
        fail_msg("%s: %s", path, diag_text(&d));
    int n = m->ngraph;
    diag_free(&d);
    arena_free(a);
    return n;
}

/* Whether the source is marked "# fp8: ocp" (it stores OCP FP8 by
 * definition: gfx942 compiles it only as gfx942+ocp-fp8). */
static bool ocp_marked(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[256];
    bool marked = false;
    while (f && !marked && fgets(line, sizeof line, f))
        marked = strncmp(line, "# fp8: ocp", 10) == 0;
    if (f)
        fclose(f);
    return marked;
}

/* Compile graph gi of example `name` to kernel IR; if spec, emit for it
 * (with `f8` meaning that target's native e4m3, as the driver does). */
static void gen(Gen *g, const char *name, int gi, const char *spec)
{
    char path[512], ocp[64];
    source_path(path, sizeof path, name);
    if (spec && strstr(spec, "gfx942") && !strstr(spec, "+ocp-fp8") && ocp_marked(path)) {
        snprintf(ocp, sizeof ocp, "%s+ocp-fp8", spec);
        spec = ocp;
    }
    memset(g, 0, sizeof *g);
    g->arena = arena_new();
    Diag d;
    diag_init(&d);
    DType f8 = DT_F8E4M3;
    char why[512];
    if (spec && !cg_target(spec, &g->target, &d))
        fail_msg("cg_target(%s): %s", spec, diag_text(&d));
    if (spec)
        assert_true(cg_targets_f8(&g->target, 1, &f8, why, sizeof why));
    SrcFile *f = front_read_file(g->arena, path, &d);
    IrModule *m = f ? front_lower_f8(front_parse(f, g->arena, &d), f8, NULL, g->arena, &d) : NULL;
    if (d.nerrors)
        fail_msg("%s: %s", path, diag_text(&d));
    assert_true(gi < m->ngraph);
    g->graph = m->graphs[gi];
    g->prog = pass_pipeline(g->graph, &d, NULL);
    if (!g->prog)
        fail_msg("%s: pass_pipeline failed: %s", path, diag_text(&d));
    if (spec) {
        if (!cg_emit(g->prog, &g->target, g->arena, &g->mod, &d))
            fail_msg("%s: cg_emit for %s failed: %s", path, spec, diag_text(&d));
        assert_non_null(g->mod.source);
    }
    diag_free(&d);
}

static void gen_free(Gen *g)
{
    arena_free(g->arena);
    memset(g, 0, sizeof *g);
}

/* ---- 1. every example compiles for every target ------------------------------------- */

static bool have_compiler[2];
static char compiler_info[2][256];

typedef struct {
    const char *example;
    RtCompiler compiler;
    const char *arch;
} CompileCase;

/* A compiler's log saying it does not know the arch (an NVRTC or hiprtc
 * older than codegen's list); nothing else may turn a failure into a skip. */
static bool unknown_arch_log(const char *log)
{
    static const char *const says[] = {
        "invalid value for --gpu-architecture", /* NVRTC */
        "nvalid offload arch", "unknown target CPU", "nsupported HIP gpu architecture",
    };
    for (size_t i = 0; i < sizeof says / sizeof says[0]; i++)
        if (strstr(log, says[i]))
            return true;
    return false;
}

static void test_compile(void **state)
{
    const CompileCase *c = *state;
    if (!have_compiler[c->compiler]) {
        print_message("        %s\n", compiler_info[c->compiler]);
        skip();
    }
    if (c->compiler == RT_HIPRTC && rt_jit_hip_knows_arch(c->arch) == 0) {
        print_message("        %s (its comgr) does not know %s\n", compiler_info[RT_HIPRTC],
                      c->arch);
        skip();
    }
    char spec[64];
    /* the GPU tests' graphs store OCP FP8 on purpose (special values,
     * MXFP8): on gfx942 (FNUZ) only when asked for (cg_check_outputs) */
    snprintf(spec, sizeof spec, "%s:%s%s", c->compiler == RT_NVRTC ? "cuda" : "hip", c->arch,
             strcmp(c->arch, "gfx942") == 0 && strncmp(c->example, "tests/gpu/", 10) == 0
                 ? "+ocp-fp8" : "");
    int ngraph = example_graphs(c->example);
    for (int gi = 0; gi < ngraph; gi++) {
        Gen g;
        gen(&g, c->example, gi, spec);
        char name[256];
        snprintf(name, sizeof name, "%s.%s", g.graph->name,
                 c->compiler == RT_NVRTC ? "cu" : "hip");
        size_t errlen = 1 << 20;
        char *err = malloc(errlen);
        RtJitOutput out;
        bool ok = rt_jit_compile(c->compiler, g.mod.source, name, c->arch, &out, err, errlen);
        if (!ok && unknown_arch_log(err)) {
            print_message("        %s cannot target %s:\n%s\n", compiler_info[c->compiler],
                          c->arch, err);
            rt_jit_free(&out);
            free(err);
            gen_free(&g);
            skip();
        }
        if (!ok) {
            print_error("%s\n--- source ---\n%s\n", err, g.mod.source);
            rt_jit_free(&out);
            free(err);
            gen_free(&g);
            fail_msg("%s: %s failed for %s (log above)", c->example,
                     c->compiler == RT_NVRTC ? "NVRTC" : "hiprtc", c->arch);
        }
        assert_non_null(out.binary);
        assert_true(out.size > 0);
        rt_jit_free(&out);
        free(err);
        gen_free(&g);
    }
}

/* ---- 2. targets --------------------------------------------------------------------- */

static void test_target_known(void **state)
{
    (void)state;
    CgTarget t;
    Diag d;
    diag_init(&d);
    assert_true(cg_target("sm_90", &t, &d));
    assert_int_equal(t.dialect, CG_CUDA);
    assert_string_equal(t.arch, "sm_90");
    assert_int_equal(t.wave, 32);
    assert_true(cg_target("cuda:sm_100", &t, &d));
    assert_int_equal(t.dialect, CG_CUDA);
    assert_true(cg_target("hip:gfx942", &t, &d));
    assert_int_equal(t.dialect, CG_HIP);
    assert_int_equal(t.wave, 64);
    assert_true(cg_target("gfx90a", &t, &d));
    assert_int_equal(t.dialect, CG_HIP);
    assert_true(cg_target("gfx1100", &t, &d));
    assert_int_equal(t.wave, 32);
    assert_true(t.max_threads > 0 && t.max_smem > 0);
    assert_int_equal(d.nerrors, 0);
    diag_free(&d);
}

static void test_target_unknown(void **state)
{
    (void)state;
    static const char *const bad[] = {"sm_7", "sm_900", "gfx", "cuda:gfx942", "hip:sm_90", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CgTarget t;
        Diag d;
        diag_init(&d);
        assert_false(cg_target(bad[i], &t, &d));
        assert_int_equal(d.nerrors, 1);
        const char *msg = diag_text(&d);
        char quoted[64];
        snprintf(quoted, sizeof quoted, "'%s'", bad[i]);
        if (!strstr(msg, quoted) || !strstr(msg, cg_known_archs()))
            fail_msg("cg_target(\"%s\"): the message should name it and list %s; got: %s",
                     bad[i], cg_known_archs(), msg);
        diag_free(&d);
    }
    static const char *const known[] = {"sm_80", "sm_90", "sm_100", "gfx90a", "gfx942", "gfx1100"};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        assert_non_null(strstr(cg_known_archs(), known[i]));
}

/* Run a command; its exit status and the start of its output. */
static int run_cmd(const char *cmd, char *out, size_t outlen)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = fread(out, 1, outlen - 1, p);
    out[n] = 0;
    char rest[4096]; /* drain the rest, so the command never sees SIGPIPE */
    while (fread(rest, 1, sizeof rest, p) > 0)
        ;
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_cli_unknown_arch(void **state)
{
    (void)state;
    if (!sinter_path) {
        print_message("        no sinter executable given (argv[1])\n");
        skip();
    }
    char cmd[1024], out[8192];
    snprintf(cmd, sizeof cmd, "'%s' dump examples/add_rms_norm_fp8.sn --stage cuda --arch sm_7 2>&1",
             sinter_path);
    int rc = run_cmd(cmd, out, sizeof out);
    if (rc != 2 || !strstr(out, "sm_7") || !strstr(out, cg_known_archs()))
        fail_msg("%s: exit %d (want 2), output:\n%s", cmd, rc, out);
    snprintf(cmd, sizeof cmd, "'%s' dump examples/add_rms_norm_fp8.sn --stage hip --arch sm_90 2>&1",
             sinter_path);
    rc = run_cmd(cmd, out, sizeof out);
    if (rc != 2 || !strstr(out, cg_known_archs()))
        fail_msg("%s: exit %d (want 2), output:\n%s", cmd, rc, out);
    snprintf(cmd, sizeof cmd, "'%s' dump examples/add_rms_norm_fp8.sn --stage cuda --arch sm_100 2>&1",
             sinter_path);
    rc = run_cmd(cmd, out, sizeof out);
    if (rc != 0 || !strstr(out, "target cuda:sm_100"))
        fail_msg("%s: exit %d (want 0), output:\n%.2000s", cmd, rc, out);
}

/* ---- 3. limits ---------------------------------------------------------------------- */

static void test_limits(void **state)
{
    (void)state;
    Gen g;
    gen(&g, "add_rms_norm_fp8", 0, "sm_90");
    const CgKernel *k = &g.mod.kernels[0];
    assert_true(k->block > 32);
    assert_true(k->smem_bytes > 0); /* a team of several warps reduces through shared memory */

    /* too many threads per block */
    CgTarget t = g.target;
    t.max_threads = k->block / 2;
    CgModule m;
    Diag d;
    diag_init(&d);
    assert_false(cg_emit(g.prog, &t, g.arena, &m, &d));
    assert_int_equal(d.nerrors, 1);
    char want[128];
    snprintf(want, sizeof want, "needs %d threads", k->block);
    const char *msg = diag_text(&d);
    if (!strstr(msg, want) || !strstr(msg, g.prog->kernels[0]->name))
        fail_msg("threads over the limit: want \"%s\" and the kernel name, got: %s", want, msg);
    snprintf(want, sizeof want, "allows %d", t.max_threads);
    if (!strstr(msg, want))
        fail_msg("threads over the limit: want \"%s\", got: %s", want, msg);
    diag_free(&d);

    /* too much shared memory */
    t = g.target;
    t.max_smem = k->smem_bytes - 1;
    diag_init(&d);
    assert_false(cg_emit(g.prog, &t, g.arena, &m, &d));
    msg = diag_text(&d);
    snprintf(want, sizeof want, "%d bytes of shared memory", k->smem_bytes);
    if (!strstr(msg, want))
        fail_msg("shared memory over the limit: want \"%s\", got: %s", want, msg);
    diag_free(&d);

    /* exactly at the limits is fine */
    t = g.target;
    t.max_threads = k->block;
    t.max_smem = k->smem_bytes;
    diag_init(&d);
    assert_true(cg_emit(g.prog, &t, g.arena, &m, &d));
    diag_free(&d);
    gen_free(&g);
}

/* ---- 4. launch metadata ------------------------------------------------------------- */

static void check_metadata(const Gen *g, const char *example)
{
    const KProgram *p = g->prog;
    const CgModule *m = &g->mod;
    assert_int_equal(m->nkernel, p->nkernel);
    char *use = calloc((size_t)p->nbuf + 1, 1);
    for (int ki = 0; ki < p->nkernel; ki++) {
        const Kernel *kn = p->kernels[ki];
        const CgKernel *k = &m->kernels[ki];
        memset(use, 0, (size_t)p->nbuf);
        for (int s = 0; s < kn->nseg; s++) {
            const KSegment *seg = kn->segs[s];
            for (int i = 0; i < seg->ops.len; i++) {
                const KOp *op = seg->ops.items[i];
                if (op->kind == KO_LOAD)
                    use[op->a.load.buf] = 1;
                else if (op->kind == KO_FOLD)
                    use[op->a.fold.buf] = 1;
            }
            for (int i = 0; i < seg->stores.len; i++)
                use[((const KStore *)seg->stores.items[i])->buf] = 1;
        }
        assert_string_equal(k->name, kn->name);
        assert_int_equal(k->block, kn->block);
        /* every used buffer: one pointer (or a scalar by value), rank-1 strides
         * for an input; nothing for an unused one */
        for (int b = 0; b < p->nbuf; b++) {
            const KBuf *buf = &p->bufs[b];
            int ptr = 0, scalar = 0, strides = 0;
            for (int i = 0; i < k->nparam; i++) {
                const CgParam *prm = &k->params[i];
                if (prm->kind == CP_SYM || prm->buf != b)
                    continue;
                ptr += prm->kind == CP_PTR;
                scalar += prm->kind == CP_SCALAR;
                if (prm->kind == CP_STRIDE) {
                    if (buf->kind != KB_INPUT || buf->rank < 2 || prm->dim < 0 ||
                        prm->dim >= buf->rank - 1)
                        fail_msg("%s: %s has a stride param for dim %d of %s (rank %d, %s)",
                                 example, k->name, prm->dim, buf->name, buf->rank,
                                 buf->kind == KB_INPUT ? "input" : "not an input");
                    strides++;
                }
            }
            if (!use[b]) {
                if (ptr + scalar + strides)
                    fail_msg("%s: %s has params for %s, which it never touches", example,
                             k->name, buf->name);
                continue;
            }
            bool by_value = buf->kind == KB_INPUT && buf->rank == 0;
            if (ptr != !by_value || scalar != by_value)
                fail_msg("%s: %s: buffer %s has %d pointer and %d scalar params", example,
                         k->name, buf->name, ptr, scalar);
            int want = buf->kind == KB_INPUT && buf->rank >= 2 ? buf->rank - 1 : 0;
            if (strides != want)
                fail_msg("%s: %s: buffer %s (rank %d) has %d stride params, want %d", example,
                         k->name, buf->name, buf->rank, strides, want);
        }
        /* one CP_SYM per graph symbol */
        for (int s = 0; s < p->graph->nsym; s++) {
            int n = 0;
            for (int i = 0; i < k->nparam; i++)
                n += k->params[i].kind == CP_SYM && k->params[i].sym == s;
            if (n != 1)
                fail_msg("%s: %s has %d params for symbol %s", example, k->name, n,
                         p->graph->syms[s]);
        }
        int nsym = 0;
        for (int i = 0; i < k->nparam; i++) {
            nsym += k->params[i].kind == CP_SYM;
            assert_non_null(k->params[i].name);
            if (!strstr(m->source, k->params[i].name))
                fail_msg("%s: param %s is not in the source", example, k->params[i].name);
        }
        assert_int_equal(nsym, p->graph->nsym);
        /* grid = sum over the kernel IR's segments of ceil(rows / rows_per_block) */
        assert_int_equal(k->nseg, kn->nseg);
        static const int64_t tvals[] = {1, 2, 3, 7, 64, 1000, 4097, 65536};
        for (size_t ti = 0; ti < sizeof tvals / sizeof tvals[0]; ti++) {
            int64_t sym[64];
            for (int s = 0; s < p->graph->nsym && s < 64; s++)
                sym[s] = tvals[ti];
            int64_t want = 0;
            for (int s = 0; s < kn->nseg; s++) {
                int64_t rows = kseg_rows(kn->segs[s], sym);
                int rpb = kn->segs[s]->sched.rows_per_block;
                assert_true(rpb >= 1);
                want += (rows + rpb - 1) / rpb;
            }
            int64_t got = cg_grid(k, sym);
            if (got != want)
                fail_msg("%s: %s: cg_grid at %s = %lld is %lld, want %lld", example, k->name,
                         p->graph->nsym ? p->graph->syms[0] : "-", (long long)tvals[ti],
                         (long long)got, (long long)want);
        }
        /* variants */
        if (k->scalar_name) {
            char want[512];
            snprintf(want, sizeof want, "%s_scalar", k->name);
            assert_string_equal(k->scalar_name, want);
            assert_true(k->nalign > 0);
            assert_non_null(k->align);
            for (int i = 0; i < k->nalign; i++) {
                const CgAlign *al = &k->align[i];
                assert_true(al->buf >= 0 && al->buf < p->nbuf);
                if (!use[al->buf])
                    fail_msg("%s: %s asks alignment of unused %s", example, k->name,
                             p->bufs[al->buf].name);
                if (al->bytes != 4 && al->bytes != 8 && al->bytes != 16)
                    fail_msg("%s: %s asks %d-byte alignment of %s", example, k->name, al->bytes,
                             p->bufs[al->buf].name);
                assert_true(al->stride_multiple >= 1);
                for (int j = 0; j < i; j++)
                    assert_int_not_equal(k->align[j].buf, al->buf);
            }
            char def[600];
            snprintf(def, sizeof def, " %s(", k->scalar_name);
            if (!strstr(m->source, def))
                fail_msg("%s: the fallback %s is not defined", example, k->scalar_name);
        } else {
            assert_int_equal(k->nalign, 0);
        }
        char def[600];
        snprintf(def, sizeof def, " %s(", k->name);
        if (!strstr(m->source, def))
            fail_msg("%s: kernel %s is not defined", example, k->name);
    }
    free(use);
}

static void test_metadata(void **state)
{
    (void)state;
    static const char *const specs[] = {"sm_90", "gfx942", "gfx1100"};
    for (int e = 0; e < nexamples; e++)
        for (size_t si = 0; si < sizeof specs / sizeof specs[0]; si++) {
            int ngraph = example_graphs(examples[e]);
            for (int gi = 0; gi < ngraph; gi++) {
                Gen g;
                gen(&g, examples[e], gi, specs[si]);
                check_metadata(&g, examples[e]);
                gen_free(&g);
            }
        }
}

/* The vector variant's own claims: add_rms_norm_fp8 (bf16 rows of 4096)
 * vectorizes its inputs and the h output, and strides of the inputs must
 * be multiples of 8 elements. */
static void test_metadata_add_rms_norm(void **state)
{
    (void)state;
    Gen g;
    gen(&g, "add_rms_norm_fp8", 0, "sm_90");
    assert_int_equal(g.mod.nkernel, 1);
    const CgKernel *k = &g.mod.kernels[0];
    assert_non_null(k->scalar_name);
    bool x = false, h = false;
    for (int i = 0; i < k->nalign; i++) {
        const KBuf *b = &g.prog->bufs[k->align[i].buf];
        if (strcmp(b->name, "x") == 0) {
            x = true;
            assert_int_equal(k->align[i].stride_multiple, 8);
        }
        if (b->kind == KB_OUTPUT && strcmp(b->name, "h") == 0)
            h = true;
    }
    assert_true(x);
    assert_true(h);
    /* T = 5: one row per block */
    int64_t sym[1] = {5};
    assert_int_equal(g.graph->nsym, 1);
    assert_int_equal(cg_grid(k, sym), 5 / k->segs[0].rows_per_block +
                                           (5 % k->segs[0].rows_per_block != 0));
    gen_free(&g);
}

/* ---- 5. structure of the source ----------------------------------------------------- */

static int count(const char *s, const char *what)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
        n++;
    return n;
}

/* The text of kernel `name`'s definition: from its signature to the next
 * kernel's (or the end); NULL if it is not there. */
static char *kernel_text(const char *src, const char *name)
{
    char sig[512];
    snprintf(sig, sizeof sig, " %s(", name);
    const char *p = strstr(src, sig);
    if (!p)
        return NULL;
    const char *end = strstr(p + 1, "extern \"C\" __global__");
    return strndup(p, end ? (size_t)(end - p) : strlen(p));
}

/* Does kernel text move several elements at once (4, 8 or 16 bytes)? */
static bool has_vector_access(const char *text)
{
    return strstr(text, "uint4") || strstr(text, "uint2") || strstr(text, "(const unsigned *)") ||
           strstr(text, "(unsigned *)");
}

static bool has_team_reduce(const KProgram *p)
{
    for (int ki = 0; ki < p->nkernel; ki++)
        for (int s = 0; s < p->kernels[ki]->nseg; s++) {
            const KSegment *seg = p->kernels[ki]->segs[s];
            for (int i = 0; i < seg->ops.len; i++)
                if (((const KOp *)seg->ops.items[i])->kind == KO_REDUCE &&
                    seg->sched.threads_per_row > 1)
                    return true;
        }
    return false;
}

static void test_source_structure(void **state)
{
    (void)state;
    static const char *const specs[] = {"sm_90", "gfx942"};
    static const char *const vendor_types[] = {
        "__half", "__nv_bfloat16", "__nv_fp8", "cuda_fp8", "cuda_fp16", "cuda_bf16",
        "hip_fp16", "hip_bf16", "hip_bfloat16", "__hip_fp8", "__hip_bfloat16", "half2",
        "#include <cuda",
    };
    for (int e = 0; e < nexamples; e++)
        for (size_t si = 0; si < sizeof specs / sizeof specs[0]; si++) {
            Gen g;
            gen(&g, examples[e], 0, specs[si]);
            const char *src = g.mod.source;
            bool cuda = g.target.dialect == CG_CUDA;
            int nfun = 0;
            for (int k = 0; k < g.mod.nkernel; k++)
                for (const CgKernel *ck = &g.mod.kernels[k]; ck; ck = ck->few_rows)
                    nfun += 1 + (ck->scalar_name != NULL);
            if (count(src, "extern \"C\" __global__ void __launch_bounds__(") != nfun ||
                count(src, "__global__") != nfun)
                fail_msg("%s (%s): want __launch_bounds__ on each of %d kernels", examples[e],
                         specs[si], nfun);
            for (int k = 0; k < g.mod.nkernel; k++)
                for (const CgKernel *ck = &g.mod.kernels[k]; ck; ck = ck->few_rows) {
                    char lb[64];
                    snprintf(lb, sizeof lb, "__launch_bounds__(%d)", ck->block);
                    assert_non_null(strstr(src, lb));
                }
            for (size_t v = 0; v < sizeof vendor_types / sizeof vendor_types[0]; v++)
                if (strstr(src, vendor_types[v]))
                    fail_msg("%s (%s): the source uses %s", examples[e], specs[si],
                             vendor_types[v]);
            if (cuda) {
                assert_null(strstr(src, "__shfl_xor("));
                assert_null(strstr(src, "hip_runtime"));
                if (has_team_reduce(g.prog) && !strstr(src, "__shfl_xor_sync(0xffffffffu, "))
                    fail_msg("%s (%s): no __shfl_xor_sync", examples[e], specs[si]);
            } else {
                assert_null(strstr(src, "_sync("));
                assert_null(strstr(src, "#include")); /* hiprtc: no HIP headers */
                if (has_team_reduce(g.prog) && !strstr(src, "__shfl_xor("))
                    fail_msg("%s (%s): no __shfl_xor(", examples[e], specs[si]);
            }
            /* vector accesses only in vector variants */
            for (int k = 0; k < g.mod.nkernel; k++)
            for (const CgKernel *ck = &g.mod.kernels[k]; ck; ck = ck->few_rows) {
                /* a few-rows kernel is vector-only: misaligned arguments
                 * run its many-rows kernel's scalar variant */
                bool few = ck != &g.mod.kernels[k];
                if (few && ck->nalign)
                    assert_null(ck->scalar_name);
                char *vec = kernel_text(src, ck->name);
                assert_non_null(vec);
                if (ck->scalar_name) {
                    char *sc = kernel_text(src, ck->scalar_name);
                    assert_non_null(sc);
                    if (!has_vector_access(vec))
                        fail_msg("%s: %s has no vector access", examples[e], ck->name);
                    if (has_vector_access(sc))
                        fail_msg("%s: %s has a vector access", examples[e], ck->scalar_name);
                    free(sc);
                } else if (has_vector_access(vec) && !(few && g.mod.kernels[k].scalar_name)) {
                    fail_msg("%s: %s has one variant but a vector access", examples[e],
                             ck->name);
                }
                free(vec);
            }
            gen_free(&g);
        }
}

static void test_add_rms_norm_vectors(void **state)
{
    (void)state;
    static const char *const specs[] = {"sm_90", "gfx90a"};
    for (size_t si = 0; si < 2; si++) {
        Gen g;
        gen(&g, "add_rms_norm_fp8", 0, specs[si]);
        const CgKernel *k = &g.mod.kernels[0];
        assert_non_null(k->scalar_name);
        char *vec = kernel_text(g.mod.source, k->name);
        char *sc = kernel_text(g.mod.source, k->scalar_name);
        assert_non_null(vec);
        assert_non_null(sc);
        /* vector loads of x, residual and w (the schedule's
         * prefetch_weights) issued for all runs of a phase before its
         * arithmetic, and a vector store of h */
        assert_int_equal(k->nseg, 1);
        assert_null(strstr(vec, "seg == "));
        assert_true(count(vec, "] = *(const uint4 *)(b") >= 3);
        assert_true(count(vec, "const uint4 raw = pf") >= 3);
        assert_null(strstr(vec, "const uint4 raw = *(const uint4 *)(b"));
        assert_true(count(vec, "*(uint4 *)(") >= 1);
        assert_null(strstr(sc, "uint4"));
        /* the row is covered exactly: no per-element bounds checks */
        assert_null(strstr(vec, "e < n"));
        assert_null(strstr(sc, "e < n"));
        /* fp8 stores go through the prelude's conversions, four at a time
         * in the vector variant */
        assert_non_null(strstr(vec, "sn_to4_e4m3"));
        assert_non_null(strstr(sc, "sn_to_e4m3"));
        assert_non_null(strstr(sc, "sn_from_bf16("));
        /* the weight is read only after the reduction, but its loads are
         * issued before the reduction's barrier, with x's and residual's */
        const char *bar = strstr(vec, "__syncthreads()");
        assert_non_null(bar);
        assert_int_equal(count(vec, "] = *(const uint4 *)(b"), 3);
        const char *last = vec;
        for (const char *q = vec; (q = strstr(q, "] = *(const uint4 *)(b")); q++)
            last = q;
        assert_true(last < bar);
        /* a few-rows variant: twice the lanes, two runs each, its own block */
        const CgKernel *few = k->few_rows;
        assert_non_null(few);
        assert_int_equal(k->few_rows_grid_per_sm, 4);
        assert_int_equal(few->block, 2 * k->block);
        assert_int_equal(few->segs[0].rows_per_block, 1);
        assert_null(few->few_rows);
        assert_int_equal(few->nparam, k->nparam);
        char *fv = kernel_text(g.mod.source, few->name);
        assert_non_null(fv);
        assert_non_null(strstr(fv, "for (int c = 0; c < 2; c++)"));
        free(fv);
        free(vec);
        free(sc);
        gen_free(&g);
    }
}

/* A kernel of two segments (Q and K norms) deals its blocks alternately:
 * both segments are selected by `seg`, computed once from both counts. */
static void test_qk_norm_interleaved(void **state)
{
    (void)state;
    Gen g;
    gen(&g, "qwen3_qk_norm", 0, "sm_90");
    const CgKernel *k = &g.mod.kernels[0];
    assert_int_equal(k->nseg, 2);
    char *vec = kernel_text(g.mod.source, k->name);
    assert_non_null(vec);
    assert_int_equal(count(vec, "const int seg = "), 1);
    assert_int_equal(count(vec, "if (seg == 0) {"), 1);
    assert_int_equal(count(vec, "if (seg == 1) {"), 1);
    assert_null(strstr(vec, "blk -= nblk;"));
    free(vec);
    gen_free(&g);
}

/* ---- f4e2m1: two codes per byte ------------------------------------------------------ */

/* Compiles graph text for sm_90; true when cg_emit accepts it, else the
 * diagnostics in *msg (malloc'd). */
static bool emit_text(const char *text, Gen *g, char **msg)
{
    memset(g, 0, sizeof *g);
    g->arena = arena_new();
    Diag d;
    diag_init(&d);
    SrcFile *f = front_source(g->arena, "packed.sn", text, strlen(text));
    IrModule *m = front_compile(f, g->arena, &d);
    if (d.nerrors)
        fail_msg("%s", diag_text(&d));
    g->prog = pass_pipeline(m->graphs[0], &d, NULL);
    assert_non_null(g->prog);
    assert_true(cg_target("sm_90", &g->target, &d));
    bool ok = cg_emit(g->prog, &g->target, g->arena, &g->mod, &d);
    *msg = NULL;
    if (!ok && d.head && asprintf(msg, "%d:%d: %s", d.head->span.line, d.head->span.col,
                                  d.head->text) < 0)
        *msg = NULL;
    assert_true(ok || *msg);
    diag_free(&d);
    return ok;
}

/* Stores write whole bytes (both nibbles from one lane's run), never a
 * vector of f4 codes; loads pick a nibble; a store whose bytes two lanes
 * would share is refused, located at the output. */
static void test_packed_f4(void **state)
{
    (void)state;
    Gen g;
    gen(&g, "tests/gpu/mx_scales", 0, "sm_90");
    const char *src = g.mod.source;
    assert_non_null(strstr(src, ") >> 1] = (sn_u8)(sn_to_e2m1(s0[j]) | (sn_to_e2m1(s0[j + 1]) << 4));"));
    assert_non_null(strstr(src, "for (int j = 0; j < 8; j += 2) {")); /* scalar variant */
    assert_non_null(strstr(src, "for (int j = 0; j < 8; j += 2) el[j / 2] = (sn_u8)(sn_to_e2m1(s0[j]) | "
                                "(sn_to_e2m1(s0[j + 1]) << 4));"));
    assert_non_null(strstr(src, "*(unsigned *)(b1 + ((o0 * ((sn_i64)256) + ((o1 * (sn_i64)32) + "
                                "(sn_i64)r0)) >> 1)) = raw;")); /* vector variant: 4 bytes */
    assert_null(strstr(src, "sn_to4_e2m1"));
    assert_non_null(strstr(src, "sn_to_e8m0("));
    gen_free(&g);
    gen(&g, "tests/gpu/mx_scales", 3, "sm_90"); /* dequant_mxfp4 */
    assert_non_null(strstr(g.mod.source, "SN_E2M1_AT(b0, "));
    assert_non_null(strstr(g.mod.source, "sn_from_e8m0("));
    gen_free(&g);
    gen(&g, "tests/gpu/mx_scales", 1, "sm_90"); /* the floor scale */
    assert_non_null(strstr(g.mod.source, "sn_pow2_floor("));
    gen_free(&g);
    gen(&g, "tests/gpu/mx_scales", 5, "sm_90"); /* scatter_mxfp4: whole bytes, masked by row */
    assert_non_null(strstr(g.mod.source, "if (live && ok && k"));
    assert_non_null(strstr(g.mod.source, ") >> 1] = (sn_u8)(sn_to_e2m1(s0[j]) | "));
    gen_free(&g);

    static const struct { const char *text, *want; } bad[] = {
        {"graph g(x: f32[T, 8, 2]) {\n    return to(amax(x, dim=-1), f4e2m1)\n}\n",
         "2:12: cannot generate the store of f4e2m1 out0 in kernel g_k0: f4e2m1 "
         "packs two elements per byte, and here one lane does not own both elements of each byte "
         "(one element per row, by one lane"},
        {"graph k(x: f32[T, 6]) {\n    return view(to(view(x, [T, 2, 3]), f4e2m1), [T, 6])\n}\n",
         "(the runs do not start on a byte; vector runs of 1)"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *msg;
        if (emit_text(bad[i].text, &g, &msg))
            fail_msg("accepted: %s", bad[i].text);
        if (!strstr(msg, bad[i].want))
            fail_msg("want \"%s\", got: %s", bad[i].want, msg);
        free(msg);
        gen_free(&g);
    }
}

/* ---- main --------------------------------------------------------------------------- */

static bool arch_wanted(const char *arch)
{
    const char *only = getenv("SINTER_CODEGEN_ARCHS");
    if (!only || !*only)
        return true;
    size_t n = strlen(arch);
    for (const char *p = only; (p = strstr(p, arch)); p += n)
        if ((p == only || p[-1] == ' ') && (p[n] == 0 || p[n] == ' '))
            return true;
    return false;
}

int main(int argc, char **argv)
{
    sinter_path = argc > 1 ? argv[1] : NULL;
    find_examples();
    if (nexamples == 0) {
        fprintf(stderr, "test_codegen: no examples/*.sn\n");
        return 1;
    }
    for (int c = 0; c < 2; c++) {
        have_compiler[c] = rt_jit_probe((RtCompiler)c, compiler_info[c], sizeof compiler_info[c]);
        printf("# %s: %s\n", c == RT_NVRTC ? "NVRTC" : "hiprtc", compiler_info[c]);
    }

    const struct CMUnitTest fixed[] = {
        cmocka_unit_test(test_target_known),
        cmocka_unit_test(test_target_unknown),
        cmocka_unit_test(test_cli_unknown_arch),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_metadata),
        cmocka_unit_test(test_metadata_add_rms_norm),
        cmocka_unit_test(test_source_structure),
        cmocka_unit_test(test_add_rms_norm_vectors),
        cmocka_unit_test(test_qk_norm_interleaved),
        cmocka_unit_test(test_packed_f4),
    };
    int failed = cmocka_run_group_tests_name("codegen", fixed, NULL, NULL);

    static const struct {
        RtCompiler c;
        const char *arch;
    } targets[] = {
        {RT_NVRTC, "sm_80"}, {RT_NVRTC, "sm_90"}, {RT_NVRTC, "sm_100"}, {RT_NVRTC, "sm_120"},
        {RT_HIPRTC, "gfx90a"}, {RT_HIPRTC, "gfx942"}, {RT_HIPRTC, "gfx1100"},
    };
    /* the GPU tests' own graphs compile too: rows the lanes do not cover
     * exactly (partial-run paths), every FP8 store path, the integer ops,
     * bitcasts and float bit functions (prelude_int.cuh), the MX dtypes,
     * argmax/argmin/topk (integer team reductions, NaN and -inf) */
    static const char *const extra[] = {"tests/gpu/odd_rows", "tests/gpu/special_f8",
                                        "tests/gpu/int_ops", "tests/gpu/mx_scales",
                                        "tests/gpu/selection"};
    int nextra = (int)(sizeof extra / sizeof extra[0]);
    size_t ntarget = sizeof targets / sizeof targets[0];
    size_t nsrc = (size_t)(nexamples + nextra);
    struct CMUnitTest *tests = calloc(ntarget * nsrc, sizeof *tests);
    CompileCase *cases = calloc(ntarget * nsrc, sizeof *cases);
    size_t n = 0;
    for (size_t t = 0; t < ntarget; t++) {
        if (!arch_wanted(targets[t].arch))
            continue;
        for (int e = 0; e < nexamples + nextra; e++) {
            const char *src = e < nexamples ? examples[e] : extra[e - nexamples];
            cases[n] = (CompileCase){src, targets[t].c, targets[t].arch};
            char *name;
            if (asprintf(&name, "%s %s %s", targets[t].c == RT_NVRTC ? "nvrtc" : "hiprtc",
                         targets[t].arch, src) < 0)
                return 1;
            tests[n] = (struct CMUnitTest){.name = name, .test_func = test_compile,
                                           .initial_state = &cases[n]};
            n++;
        }
    }
    if (n)
        failed += _cmocka_run_group_tests("compile", tests, n, NULL, NULL);
    for (size_t i = 0; i < n; i++)
        free((char *)tests[i].name);
    free(tests);
    free(cases);
    for (int e = 0; e < nexamples; e++)
        free(examples[e]);
    if (failed)
        return 1;
    if (!have_compiler[RT_NVRTC] && !have_compiler[RT_HIPRTC]) {
        printf("# neither NVRTC nor hiprtc can be loaded: SKIP\n");
        return 77;
    }
    return 0;
}
