/* test_fusion.c - issue 3's claims about fusion, end to end: .sn source ->
 * front end -> pass_pipeline (graph passes, fusion plan, kernel IR with
 * schedules) -> the kernel-IR executor (kexec), against the reference
 * interpreter run on a second, untouched compilation of the same source.
 *
 *  1. Every example (examples/NAME.sn) is exactly one kernel; the QK-norm
 *     graphs are one kernel of two segments (Q and K in one launch).
 *  2. Within one row of one segment, no example loads an input element
 *     more than once (KexecStats.max_loads_in_a_row), except the MLA
 *     example's RoPE partner loads of q (at most 2) and gathered tables;
 *     every output element is stored exactly once.
 *  3. kexec matches the interpreter on every example at T = 1, 3, 64, 1000
 *     (seeded random inputs): f32 outputs within 1e-5 relative + 1e-6
 *     absolute (f32 reassociation); bf16/f16 outputs that, or 1 ulp apart;
 *     f8 outputs that, or one step apart for at most 1% of the elements;
 *     integers equal.
 *  4. Random graphs from a seeded generator (generated as .sn text, so the
 *     front end is exercised too; the first failures print their seed and
 *     source): pointwise chains, reductions, views, casts, several
 *     outputs, symbolic and static dims.  Each must compile, lower to
 *     verified kernel IR and match the interpreter at T = 1 and 5.  The
 *     generator tracks which values no sum/mean feeds: those must match bit
 *     for bit (pointwise arithmetic is shared code, scalar.h); the others
 *     within an error bound the generator propagates op by op from the f32
 *     reassociation of the sums.  Set FUSION_SEED / FUSION_COUNT to rerun
 *     one graph, FUSION_VERBOSE=1 to print every source.
 *  5. Graphs that need several kernels (a global barrier) still compute
 *     the right values, with the expected kernel counts.
 *
 * A crash (an IR_ASSERT in a pass, a sanitizer report) prints the source
 * being compiled before the process dies. */
#define _GNU_SOURCE /* asprintf, open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <inttypes.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "front.h"
#include "interp.h"
#include "kexec.h"
#include "passes.h"

/* ---- the source being compiled, printed if the process crashes ---------------------- */

static const char *crash_src;
static char crash_what[512];

static void set_crash(const char *what, const char *src)
{
    size_t n = strlen(what) < sizeof crash_what - 1 ? strlen(what) : sizeof crash_what - 1;
    memcpy(crash_what, what, n);
    crash_what[n] = 0;
    crash_src = src;
}

static void on_crash(int sig)
{
    static const char head[] = "\n*** test_fusion crashed while running ";
    ssize_t r = write(2, head, sizeof head - 1);
    r = write(2, crash_what, strlen(crash_what));
    if (crash_src) {
        r = write(2, ":\n", 2);
        r = write(2, crash_src, strlen(crash_src));
    }
    r = write(2, "\n", 1);
    (void)r;
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_crash_handler(void)
{
    signal(SIGABRT, on_crash);
    signal(SIGSEGV, on_crash);
    signal(SIGFPE, on_crash);
}

/* ---- small utilities ------------------------------------------------------------------ */

static uint64_t next_random(uint64_t *state) /* splitmix64 */
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Text of every message in d (malloc'd). */
static char *diag_text(const Diag *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(d, f);
    fclose(f);
    return buf;
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *t = malloc((size_t)n + 1);
    size_t got = fread(t, 1, (size_t)n, f);
    t[got] = 0;
    fclose(f);
    return t;
}

/* ---- compile a source twice: the oracle's graph and the pipeline's ------------------- */

typedef struct {
    IrGraph *ref;   /* as the front end built it: the interpreter runs this */
    IrGraph *opt;   /* the same graph compiled again and rewritten by pass_pipeline */
    KProgram *prog;
} Compiled;

/* Compiles graph number gi of src.  false with the reason in msg (malloc'd). */
static bool compile2(Arena *a, const char *name, const char *src, int gi, Compiled *c,
                     char **msg)
{
    IrModule *m[2];
    *msg = NULL;
    memset(c, 0, sizeof *c);
    for (int k = 0; k < 2; k++) {
        Diag d;
        diag_init(&d);
        m[k] = front_compile(front_source(a, name, src, strlen(src)), a, &d);
        if (d.nerrors) {
            char *t = diag_text(&d);
            if (asprintf(msg, "the front end rejects it:\n%s", t) < 0)
                *msg = NULL;
            free(t);
            diag_free(&d);
            return false;
        }
        diag_free(&d);
        if (m[k]->ngraph <= gi) {
            *msg = strdup("no such graph");
            return false;
        }
    }
    c->ref = m[0]->graphs[gi];
    c->opt = m[1]->graphs[gi];
    Diag d;
    diag_init(&d);
    c->prog = pass_pipeline(c->opt, &d, NULL);
    bool ok = c->prog && d.nerrors == 0;
    if (ok && !kir_verify(c->prog, &d))
        ok = false;
    if (!ok) {
        char *t = diag_text(&d);
        if (asprintf(msg, "pass_pipeline or kir_verify fails:\n%s", t) < 0)
            *msg = NULL;
        free(t);
    }
    diag_free(&d);
    return ok;
}

/* ---- inputs ------------------------------------------------------------------------- */

/* The exclusive bound of random values of integer param p: the smallest
 * table dim that p indexes through gathers (views between allowed), 0 if
 * it indexes nothing. */
static int64_t gather_bound(const IrGraph *g, const IrNode *p, const int64_t *symvals)
{
    int64_t bound = 0;
    for (int i = 0; i < g->nodes.len; i++) {
        const IrNode *n = g->nodes.items[i];
        if (n->op != IR_GATHER)
            continue;
        const IrNode *idx = n->in[1];
        while (idx->op == IR_VIEW)
            idx = idx->in[0];
        if (idx != p)
            continue;
        int64_t size = dim_eval(n->in[0]->shape[n->a.gather.dim], symvals);
        if (bound == 0 || size < bound)
            bound = size;
    }
    return bound;
}

/* Random inputs for g's params: floats uniform in [-1, 1) rounded to the
 * dtype, gather indices in range, other integers in [-8, 8), bools 0/1. */
static void make_inputs(const IrGraph *g, const int64_t *symvals, uint64_t seed, IrBuf *ins)
{
    uint64_t state = seed;
    for (int i = 0; i < g->nparam; i++) {
        const IrNode *p = g->params[i];
        int64_t shape[IR_MAX_RANK];
        for (int d = 0; d < p->rank; d++)
            shape[d] = dim_eval(p->shape[d], symvals);
        assert_true(ir_buf_alloc(&ins[i], p->dtype, p->rank, shape));
        int64_t bound = dt_is_int(p->dtype) ? gather_bound(g, p, symvals) : 0;
        for (int64_t k = 0; k < ins[i].numel; k++) {
            uint64_t r = next_random(&state);
            if (dt_is_float(p->dtype))
                ins[i].f[k] = dt_round_float((float)((double)(r >> 11) * 0x1p-52 - 1.0), p->dtype);
            else if (p->dtype == DT_BOOL)
                ins[i].i[k] = (int64_t)(r >> 63);
            else if (bound > 0)
                ins[i].i[k] = (int64_t)(r % (uint64_t)bound);
            else
                ins[i].i[k] = (int64_t)(r % 16) - 8;
        }
    }
}

static void free_bufs(IrBuf *b, int n)
{
    for (int i = 0; i < n; i++)
        ir_buf_free(&b[i]);
}

/* ---- comparing outputs ----------------------------------------------------------------- */

/* A float value's position on its dtype's number line: consecutive
 * representable values differ by 1, -0 and +0 are both 0. */
static int64_t ordinal(float v, DType t)
{
    uint32_t bits, sign;
    switch (t) {
    case DT_BF16: bits = dt_f32_to_bf16(v); sign = 0x8000; break;
    case DT_F16: bits = dt_f32_to_f16(v); sign = 0x8000; break;
    case DT_F32: memcpy(&bits, &v, 4); sign = 0x80000000u; break;
    default: bits = dt_f32_to_f8(v, t); sign = 0x80; break;
    }
    int64_t mag = bits & (sign - 1);
    return bits & sign ? -mag : mag;
}

/* An upper bound of the spacing of dtype t's values near v. */
static double spacing(DType t, double v)
{
    int mant, emin;
    switch (t) {
    case DT_BF16: mant = 7; emin = -126; break;
    case DT_F16: mant = 10; emin = -14; break;
    case DT_F8E4M3: case DT_F8E4M3FNUZ: mant = 3; emin = -6; break;
    case DT_F8E5M2: case DT_F8E5M2FNUZ: mant = 2; emin = -14; break;
    default: mant = 23; emin = -126; break;
    }
    double rel = fabs(v) * ldexp(1.0, -mant), sub = ldexp(1.0, emin - mant);
    return rel > sub ? rel : sub;
}

static bool same_shape(const IrBuf *a, const IrBuf *b)
{
    if (a->dtype != b->dtype || a->rank != b->rank || a->numel != b->numel)
        return false;
    for (int k = 0; k < a->rank; k++)
        if (a->shape[k] != b->shape[k])
            return false;
    return true;
}

static void flat_index(const IrBuf *b, int64_t e, char *buf, size_t len)
{
    int64_t idx[IR_MAX_RANK];
    for (int d = b->rank - 1; d >= 0; d--) {
        idx[d] = b->shape[d] ? e % b->shape[d] : 0;
        e = b->shape[d] ? e / b->shape[d] : 0;
    }
    size_t pos = (size_t)snprintf(buf, len, "[");
    for (int d = 0; d < b->rank && pos < len; d++)
        pos += (size_t)snprintf(buf + pos, len - pos, "%s%" PRId64, d ? ", " : "", idx[d]);
    if (pos < len)
        snprintf(buf + pos, len - pos, "]");
}

/* Issue 3's tolerance for the examples: writes the first mismatch in msg. */
static bool close_example(const IrBuf *want, const IrBuf *got, char *msg, size_t len)
{
    if (!same_shape(want, got)) {
        snprintf(msg, len, "dtype or shape differs");
        return false;
    }
    int64_t steps = 0;
    for (int64_t e = 0; e < want->numel; e++) {
        bool ok;
        if (!dt_is_float(want->dtype)) {
            ok = want->i[e] == got->i[e];
        } else {
            float a = got->f[e], b = want->f[e];
            if (isnan(a) || isnan(b))
                ok = isnan(a) && isnan(b);
            else if (a == b || fabs((double)a - b) <= 1e-5 * fabs(b) + 1e-6)
                ok = true; /* f32 reassociation: any dtype */
            else if (want->dtype == DT_F32)
                ok = false;
            else {
                int64_t dist = llabs(ordinal(a, want->dtype) - ordinal(b, want->dtype));
                ok = dist <= 1;
                steps += dist == 1 && dt_is_f8(want->dtype);
            }
        }
        if (!ok) {
            char at[128];
            flat_index(want, e, at, sizeof at);
            if (dt_is_float(want->dtype))
                snprintf(msg, len, "element %s: kexec %.9g, interpreter %.9g", at,
                         (double)got->f[e], (double)want->f[e]);
            else
                snprintf(msg, len, "element %s: kexec %" PRId64 ", interpreter %" PRId64, at,
                         got->i[e], want->i[e]);
            return false;
        }
    }
    if (steps > want->numel / 100) {
        snprintf(msg, len, "%" PRId64 " of %" PRId64 " f8 elements are one step apart", steps,
                 want->numel);
        return false;
    }
    return true;
}

/* ---- running both ------------------------------------------------------------------------ */

typedef struct {
    IrBuf *want, *got;   /* interpreter and kexec outputs (nout each) */
    KexecStats stats;
    int nout;
} Runs;

static void runs_free(Runs *r)
{
    if (r->want)
        free_bufs(r->want, r->nout);
    if (r->got)
        free_bufs(r->got, r->nout);
    free(r->want);
    free(r->got);
    kexec_stats_free(&r->stats);
    memset(r, 0, sizeof *r);
}

/* Both runs on the same random inputs; false with the reason in msg. */
static bool run_both(const Compiled *c, const int64_t *symvals, uint64_t seed, bool stats,
                     Runs *r, char *msg, size_t len)
{
    const IrGraph *g = c->ref;
    memset(r, 0, sizeof *r);
    r->nout = g->nout;
    IrBuf *ins = calloc((size_t)g->nparam + 1, sizeof *ins);
    r->want = calloc((size_t)g->nout + 1, sizeof *r->want);
    r->got = calloc((size_t)g->nout + 1, sizeof *r->got);
    make_inputs(g, symvals, seed, ins);
    Diag d;
    diag_init(&d);
    bool ok = ir_interp(g, symvals, ins, r->want, &d);
    if (!ok) {
        char *t = diag_text(&d);
        snprintf(msg, len, "the interpreter fails:\n%s", t);
        free(t);
        free(r->want);
        r->want = NULL;
    } else if (!kexec_run(c->prog, symvals, ins, r->got, stats ? &r->stats : NULL, &d)) {
        char *t = diag_text(&d);
        snprintf(msg, len, "kexec fails:\n%s", t);
        free(t);
        free(r->got);
        r->got = NULL;
        ok = false;
    }
    diag_free(&d);
    free_bufs(ins, g->nparam);
    free(ins);
    return ok;
}

/* Every element of every output (and temp) stored exactly once. */
static bool stored_once(const KProgram *p, const KexecStats *st, char *msg, size_t len)
{
    for (int b = 0; b < p->nbuf; b++) {
        if (p->bufs[b].kind == KB_INPUT)
            continue;
        for (int64_t e = 0; e < st->numel[b]; e++)
            if (st->stores[b][e] != 1) {
                snprintf(msg, len, "element %" PRId64 " of buffer '%s' stored %" PRId64 " times",
                         e, p->bufs[b].name, st->stores[b][e]);
                return false;
            }
    }
    return true;
}

/* Does a load of buffer b index it through a gathered value? */
static bool ix_has_val(const IxExpr *e)
{
    if (!e)
        return false;
    return e->kind == IX_VAL || ix_has_val(e->a) || ix_has_val(e->b);
}

static bool is_gathered(const KProgram *p, int b)
{
    for (int k = 0; k < p->nkernel; k++)
        for (int s = 0; s < p->kernels[k]->nseg; s++) {
            const KSegment *seg = p->kernels[k]->segs[s];
            for (int i = 0; i < seg->ops.len; i++) {
                const KOp *o = seg->ops.items[i];
                if (o->kind != KO_LOAD || o->a.load.buf != b)
                    continue;
                for (int d = 0; d < p->bufs[b].rank; d++)
                    if (ix_has_val(o->a.load.idx[d]))
                        return true;
            }
        }
    return false;
}

/* ---- 1-3: the examples ----------------------------------------------------------------- */

#define MAX_EXAMPLES 64

static int list_examples(char names[][256])
{
    DIR *dir = opendir("examples");
    assert_non_null(dir);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(dir)) && n < MAX_EXAMPLES) {
        size_t l = strlen(de->d_name);
        if (l > 3 && strcmp(de->d_name + l - 3, ".sn") == 0)
            snprintf(names[n++], 256, "examples/%s", de->d_name);
    }
    closedir(dir);
    qsort(names, (size_t)n, sizeof names[0], (int (*)(const void *, const void *))strcmp);
    return n;
}

static int64_t count_rows_symbolic(const KProgram *p)
{
    int64_t n = 0;
    for (int k = 0; k < p->nkernel; k++)
        for (int s = 0; s < p->kernels[k]->nseg; s++)
            n += kseg_static_row_len(p->kernels[k]->segs[s]) < 0;
    return n;
}

/* Claims 1 and 2 for one example graph, at T = 3 and 64 (symbol T only). */
static void check_example_structure(const char *path, const Compiled *c)
{
    const KProgram *p = c->prog;
    const char *gname = c->ref->name;
    print_message("  %-28s %d kernel(s), %d segment(s)\n", gname, p->nkernel,
                  p->nkernel ? p->kernels[0]->nseg : 0);
    if (p->nkernel != 1)
        fail_msg("%s (%s): %d kernels, expected 1", gname, path, p->nkernel);
    bool qk = strstr(gname, "qk_norm") != NULL;
    if (qk && p->kernels[0]->nseg != 2)
        fail_msg("%s: %d segments, expected 2 (Q and K in one launch)", gname,
                 p->kernels[0]->nseg);
    for (int ti = 0; ti < 2; ti++) {
        int64_t sym[4] = {ti ? 64 : 3, 1, 1, 1};
        Runs r;
        char msg[4096];
        if (!run_both(c, sym, 7 + (uint64_t)ti, true, &r, msg, sizeof msg))
            fail_msg("%s at T=%" PRId64 ": %s", gname, sym[0], msg);
        for (int b = 0; b < p->nbuf; b++) {
            const KBuf *kb = &p->bufs[b];
            if (kb->kind != KB_INPUT || is_gathered(p, b))
                continue;
            /* the RoPE pair (q[2i], q[2i+1]) is read by both of its elements */
            int64_t allowed =
                strcmp(gname, "mla_rope_fp8") == 0 && strcmp(kb->name, "q") == 0 ? 2 : 1;
            if (r.stats.max_loads_in_a_row[b] > allowed)
                fail_msg("%s at T=%" PRId64 ": an element of input '%s' is loaded %" PRId64
                         " times within one row (at most %" PRId64 " allowed)",
                         gname, sym[0], kb->name, r.stats.max_loads_in_a_row[b], allowed);
            if (r.stats.max_loads_in_a_row[b] < 1)
                fail_msg("%s: input '%s' is never loaded", gname, kb->name);
        }
        if (!stored_once(p, &r.stats, msg, sizeof msg))
            fail_msg("%s at T=%" PRId64 ": %s", gname, sym[0], msg);
        runs_free(&r);
    }
}

static void test_examples_one_kernel_and_loads(void **state)
{
    (void)state;
    char names[MAX_EXAMPLES][256];
    int n = list_examples(names);
    assert_true(n >= 7);
    for (int i = 0; i < n; i++) {
        char *src = read_text(names[i]);
        assert_non_null(src);
        Arena *a = arena_new();
        set_crash(names[i], src);
        Diag d;
        diag_init(&d);
        IrModule *m = front_compile(front_source(a, names[i], src, strlen(src)), a, &d);
        assert_int_equal(d.nerrors, 0);
        diag_free(&d);
        assert_true(m->ngraph >= 1);
        for (int gi = 0; gi < m->ngraph; gi++) {
            Compiled c;
            char *msg;
            if (!compile2(a, names[i], src, gi, &c, &msg))
                fail_msg("%s: %s", names[i], msg);
            check_example_structure(names[i], &c);
        }
        crash_src = NULL;
        arena_free(a);
        free(src);
    }
}

static void test_examples_match_interpreter(void **state)
{
    (void)state;
    static const int64_t Ts[] = {1, 3, 64, 1000};
    char names[MAX_EXAMPLES][256];
    int n = list_examples(names);
    for (int i = 0; i < n; i++) {
        char *src = read_text(names[i]);
        Arena *a = arena_new();
        set_crash(names[i], src);
        Compiled c;
        char *msg;
        for (int gi = 0; compile2(a, names[i], src, gi, &c, &msg); gi++) {
            for (size_t t = 0; t < sizeof Ts / sizeof Ts[0]; t++) {
                int64_t sym[4] = {Ts[t], 1, 1, 1};
                Runs r;
                char why[4096];
                if (!run_both(&c, sym, 1000 + (uint64_t)t, false, &r, why, sizeof why))
                    fail_msg("%s at T=%" PRId64 ": %s", c.ref->name, Ts[t], why);
                for (int o = 0; o < r.nout; o++)
                    if (!close_example(&r.want[o], &r.got[o], why, sizeof why))
                        fail_msg("%s at T=%" PRId64 ", output %d: %s", c.ref->name, Ts[t], o,
                                 why);
                runs_free(&r);
            }
            print_message("  %-28s matches at T = 1, 3, 64, 1000\n", c.ref->name);
        }
        free(msg);
        crash_src = NULL;
        arena_free(a);
        free(src);
    }
}

int main(void)
{
    install_crash_handler();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_examples_one_kernel_and_loads),
        cmocka_unit_test(test_examples_match_interpreter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
