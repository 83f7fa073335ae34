/* test_plan.c - the scheduler's and the planning pass's decisions
 * (passes/schedule.c, passes/plan.c; kernel.h's KSchedule and KPlan) on
 * small graphs compiled through the front end and pass_pipeline:
 *
 *  1. RMSNorm + per-token FP8: 16-byte runs (vec 8), three phases (the
 *     mean, then the amax, then the stores), x kept in registers, x
 *     prefetched by the first phase and the weight issued there too (held
 *     for the phase that reads it), a reciprocal for the per-row scale,
 *     the direct f8 encoding, the alignment needs and shared memory.
 *     The JSON dump carries the plan.
 *  2. A division by a loaded scalar or by a per-row sum (no bound on the
 *     divisor) is not rewritten.
 *  3. A row whose length is a symbol is looped: no windows, no prefetch,
 *     no alignment needs (one variant).
 *  4. MLA RoPE: pair loads share one window (one prefetch slot), cos/sin
 *     gathered by position are prefetched in a loop of their own.
 *  5. kexec applies the reciprocal rewrite bit-exactly the way the
 *     emitted code does (x * (1.0f / s), which differs from x / s in the
 *     last bit for some elements), and the CUDA source prints it.
 *  6. kir_verify rejects a plan that breaks its invariants.
 *  7. A wave-64 target (CDNA) gets 64-lane teams where a row takes more
 *     than 32 and at most 64 lanes (no shared memory), and kexec with that
 *     schedule matches the interpreter.
 *  8. Microscaling: a division by an f8e8m0 scale, or by products,
 *     quotients and bounds of powers of two that stay 2^k with
 *     -127 <= k <= 127, or by a row selection among such per-row scales
 *     (the same selection among their reciprocals), is a reciprocal
 *     multiply (exact: x * (1/2^k) is x / 2^k for every scale, checked
 *     exhaustively over the codes), a division whose quotient a cast to
 *     f8e8m0 or f4e2m1 rounds is correctly rounded (exact_div), an f4e2m1
 *     store is written whole bytes (a width; runs of 8 one 4-byte vector,
 *     aligned to 4 bytes, in the vector variant), f4e2m1
 *     loads take no vector window, and kir_verify rejects exact_div on
 *     what is not a division.
 *  9. Rows too long for registers are streamed (KPhase.stream): a softmax
 *     over 70,000 f32 (not persistent) walks each of its three phases in
 *     steps that divide the runs, keeps nothing, re-reads x in every
 *     phase (kexec counts 3 loads of each element per row) and matches
 *     the interpreter; a 256,000-wide pointwise row (persistent, but its
 *     runs' loads pass the register budget) is streamed too; a 4096-wide
 *     norm or pointwise row is not; the CUDA source has the rolled step
 *     loop; kir_verify rejects a step that does not divide the runs or a
 *     streamed segment with a kept value; kexec reports a plan that drops
 *     an operand from a phase instead of reading a stale value. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codegen.h"
#include "front.h"
#include "interp.h"
#include "kexec.h"
#include "passes.h"

static Arena *A;

/* The first message of d containing want, or NULL (want NULL: the first). */
static const char *diag_find(const Diag *d, const char *want)
{
    for (const DiagMsg *m = d->head; m; m = m->next)
        if (!want || strstr(m->text, want))
            return m->text;
    return NULL;
}

static int setup(void **state)
{
    (void)state;
    A = arena_new();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    arena_free(A);
    return 0;
}

/* The first graph of src through the whole pipeline, for target t. */
static KProgram *compile_for(const char *src, const CgTarget *t)
{
    Diag d;
    diag_init(&d);
    IrModule *m = front_compile(front_source(A, "test", src, strlen(src)), A, &d);
    if (d.nerrors)
        fail_msg("front end: %s", diag_find(&d, NULL));
    KTarget kt = t ? cg_target_facts(t) : ktarget_default();
    KProgram *p = pass_pipeline_for(m->graphs[0], &kt, &d, NULL);
    if (!p)
        fail_msg("pipeline: %s", diag_find(&d, NULL));
    diag_free(&d);
    return p;
}

static KProgram *compile(const char *src)
{
    return compile_for(src, NULL);
}

static const KSegment *seg0(const KProgram *p)
{
    return p->kernels[0]->segs[0];
}

static const KOp *op_of(const KSegment *s, int i)
{
    return s->ops.items[i];
}

/* The first op of kind k (and, for loads, of buffer `buf`; reductions of
 * kind `red` when >= 0). */
static int find_op(const KProgram *p, const KSegment *s, KOpKind k, const char *buf, int red)
{
    for (int i = 0; i < s->ops.len; i++) {
        const KOp *o = op_of(s, i);
        if (o->kind != k)
            continue;
        if (buf && strcmp(p->bufs[o->a.load.buf].name, buf) != 0)
            continue;
        if (red >= 0 && (int)o->a.reduce.kind != red)
            continue;
        return i;
    }
    fail_msg("no op of kind %d%s%s", k, buf ? " on " : "", buf ? buf : "");
    return -1;
}

static int find_div(const KSegment *s)
{
    for (int i = 0; i < s->ops.len; i++)
        if (op_of(s, i)->kind == KO_BINARY && op_of(s, i)->a.binary == BIN_DIV &&
            op_of(s, i)->row)
            return i;
    fail_msg("no row division");
    return -1;
}

static const KAlign *align_of(const KProgram *p, const Kernel *k, const char *buf)
{
    for (int i = 0; i < k->nalign; i++)
        if (strcmp(p->bufs[k->align[i].buf].name, buf) == 0)
            return &k->align[i];
    return NULL;
}

static const char *rms_fp8 =
    "graph g(x: bf16[T, 4096], w: bf16[4096]) {\n"
    "    y = rms_norm(x, w, eps=1e-6)\n"
    "    q, s = quant_fp8_per_token(y)\n"
    "    return q, s\n"
    "}\n";

/* 1. */
static void test_rms_fp8_plan(void **state)
{
    (void)state;
    KProgram *p = compile(rms_fp8);
    const KSegment *s = seg0(p);
    const KPlan *pl = s->plan;
    assert_non_null(pl);
    assert_int_equal(s->sched.vec, 8);
    assert_true(pl->exact);
    assert_int_equal(pl->nphase, 3);
    int mean = find_op(p, s, KO_REDUCE, NULL, RED_MEAN), amax = find_op(p, s, KO_REDUCE, NULL,
                                                                           RED_MAX);
    assert_int_equal(pl->phases[0].nred, 1);
    assert_int_equal(pl->phases[0].red[0], mean);
    assert_int_equal(pl->phases[1].nred, 1);
    assert_int_equal(pl->phases[1].red[0], amax);
    assert_int_equal(pl->phases[2].nred, 0);
    assert_true(pl->phases[2].store[0]);
    assert_int_equal(pl->store[0].phase, 2);
    assert_int_equal(pl->store[1].phase, -1);      /* the scale, per row */
    assert_true(pl->store[0].direct);
    assert_int_equal(pl->store[0].width, 8);
    int x = find_op(p, s, KO_LOAD, "x", -1), w = find_op(p, s, KO_LOAD, "w", -1);
    const KOpPlan *xp = &pl->op[x], *wp = &pl->op[w];
    assert_true(xp->run && xp->keep);
    assert_int_equal(xp->width, 8);
    for (int j = 0; j < 8; j++)
        assert_int_equal(xp->off[j], j);
    assert_int_equal(xp->group, 0);
    assert_int_equal(pl->phases[0].pfload[x], 2);
    assert_int_equal(pl->phases[1].need[x], KN_KEPT);
    /* the weight: needed from phase 1, issued by phase 0 and held */
    assert_true(s->sched.prefetch_weights);
    assert_int_equal(wp->group, 1);
    assert_int_equal(pl->phases[0].need[w], KN_NONE);
    assert_int_equal(pl->phases[0].pfload[w], 2);
    assert_int_equal(pl->phases[1].need[w], KN_COMPUTE);
    assert_int_equal(pl->phases[1].pf[w], w + 1);
    assert_int_equal(pl->phases[1].pfload[w], 0);
    int div = find_div(s);
    assert_true(pl->op[div].recip);
    assert_true(pl->op[op_of(s, div)->in[1]->id].recip_src);
    /* alignment: x and w 16 bytes (strides of x a multiple of 8), q 8 */
    const Kernel *k = p->kernels[0];
    assert_int_equal(align_of(p, k, "x")->bytes, 16);
    assert_int_equal(align_of(p, k, "x")->stride_multiple, 8);
    assert_int_equal(align_of(p, k, "w")->bytes, 16);
    assert_int_equal(align_of(p, k, "q")->bytes, 8);
    assert_null(align_of(p, k, "s"));
    /* two reductions, 4 warps' values of 4 bytes each */
    assert_int_equal(s->sched.threads_per_row, 128);
    assert_int_equal(k->smem_bytes, 2 * 4 * 4);
}

/* 1b. The JSON dump carries the plan. */
static void test_json_plan(void **state)
{
    (void)state;
    KProgram *p = compile(rms_fp8);
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    kir_print_json(p, f);
    fclose(f);
    assert_non_null(strstr(text, "\"wave\": 32"));
    assert_non_null(strstr(text, "\"plan\": {\"exact\": true, \"smem_bytes\": 32"));
    assert_non_null(strstr(text, "\"few_rows_plan\": {"));
    assert_non_null(strstr(text, "\"recip\": true"));
    assert_non_null(strstr(text, "\"align\": [{\"buf\": 0, \"buffer\": \"x\", \"bytes\": 16"));
    free(text);
}

/* 2. */
static void test_no_recip_without_bounds(void **state)
{
    (void)state;
    KProgram *p = compile("graph g(x: f32[T, 256], s: f32[]) {\n    return x / s\n}\n");
    const KSegment *s = seg0(p);
    assert_false(s->plan->op[find_div(s)].recip);
    p = compile("graph g(x: f32[T, 256]) {\n"
                "    return x / sum(x, dim=-1, keepdim=true)\n}\n");
    s = seg0(p);
    int div = find_div(s);
    assert_false(s->plan->op[div].recip);
    assert_false(s->plan->op[op_of(s, div)->in[1]->id].recip_src);
}

/* 3. */
static void test_symbolic_row_looped(void **state)
{
    (void)state;
    KProgram *p = compile("graph g(x: f32[4, T]) {\n    return sum(x * x, dim=-1)\n}\n");
    const KSegment *s = seg0(p);
    assert_int_equal(s->sched.chunks, 0);
    assert_false(s->plan->exact);
    int x = find_op(p, s, KO_LOAD, "x", -1);
    assert_true(s->plan->op[x].run);
    assert_int_equal(s->plan->op[x].width, 0);
    for (int i = 0; i < s->plan->nphase; i++)
        assert_int_equal(s->plan->phases[i].pf[x], 0);
    assert_int_equal(p->kernels[0]->nalign, 0);
}

/* 4. */
static void test_rope_windows(void **state)
{
    (void)state;
    Diag d;
    diag_init(&d);
    SrcFile *f = front_read_file(A, "examples/mla_rope_fp8.sn", &d);
    IrModule *m = f ? front_compile(f, A, &d) : NULL;
    assert_int_equal(d.nerrors, 0);
    KProgram *p = pass_pipeline(m->graphs[0], &d, NULL);
    assert_non_null(p);
    const KSegment *s = p->kernels[0]->segs[1]; /* the rotary part */
    const KPlan *pl = s->plan;
    int lo = -1, hi = -1, cs = find_op(p, s, KO_LOAD, "cos_sin_cache", -1);
    for (int i = 0; i < s->ops.len; i++) /* the pair's two loads of q */
        if (op_of(s, i)->kind == KO_LOAD && strcmp(p->bufs[op_of(s, i)->a.load.buf].name, "q") == 0)
            *(lo < 0 ? &lo : &hi) = i;
    assert_int_equal(s->sched.vec, 8);
    assert_int_equal(pl->op[lo].width, 8);
    assert_int_equal(pl->op[hi].width, 8);
    assert_int_equal(pl->op[lo].off[0], 1); /* v2/2*2 + 129: odd elements */
    assert_int_equal(pl->op[hi].off[1], 0);
    assert_int_equal(pl->phases[0].pf[hi], lo + 1); /* one load serves both */
    assert_int_equal(pl->phases[0].pfload[hi], 0);
    assert_int_equal(pl->op[cs].group, 2);
    assert_int_equal(pl->op[cs].width, 4);
    diag_free(&d);
}

/* 5. */
static void test_kexec_follows_recip(void **state)
{
    (void)state;
    KProgram *p = compile("graph g(x: f32[8, 256]) {\n"
                          "    s = max(amax(abs(x), dim=-1, keepdim=true), 1e-4) / 448.0\n"
                          "    return x / s\n}\n");
    const KSegment *sg = seg0(p);
    assert_true(sg->plan->op[find_div(sg)].recip);
    IrBuf in, out = {0};
    int64_t shape[2] = {8, 256};
    assert_true(ir_buf_alloc(&in, DT_F32, 2, shape));
    uint32_t r = 12345;
    for (int64_t i = 0; i < in.numel; i++) {
        r = r * 1103515245u + 12345u;
        in.f[i] = ((float)(r >> 8) / 16777216.0f - 0.5f) * 7.3f;
    }
    Diag d;
    diag_init(&d);
    assert_true(kexec_run(p, NULL, &in, &out, NULL, &d));
    int differ = 0;
    for (int row = 0; row < 8; row++) {
        float m = 0;
        for (int e = 0; e < 256; e++)
            m = fmaxf(m, fabsf(in.f[row * 256 + e]));
        volatile float s = fmaxf(m, 1e-4f) / 448.0f, rs = 1.0f / s;
        for (int e = 0; e < 256; e++) {
            float xv = in.f[row * 256 + e], want = xv * rs;
            assert_memory_equal(&out.f[row * 256 + e], &want, sizeof want);
            differ += want != xv / s;
        }
    }
    assert_true(differ > 0); /* the rewrite is visible: not the quotient everywhere */
    CgTarget t;
    CgModule mod;
    assert_true(cg_target("sm_90", &t, &d));
    assert_true(cg_emit(p, &t, A, &mod, &d));
    assert_non_null(strstr(mod.source, " = 1.0f / k"));
    assert_non_null(strstr(mod.source, " * rk"));
    ir_buf_free(&in);
    ir_buf_free(&out);
    diag_free(&d);
}

/* kir_verify's answer on p, with its message containing `want`. */
static void expect_verify(const KProgram *p, bool ok, const char *want)
{
    Diag d;
    diag_init(&d);
    assert_int_equal(kir_verify(p, &d), ok);
    if (want && !diag_find(&d, want))
        fail_msg("expected '%s' in: %s", want, diag_find(&d, NULL));
    diag_free(&d);
}

/* 6. */
static void test_verify_plan(void **state)
{
    (void)state;
    KProgram *p = compile(rms_fp8);
    KSegment *s = p->kernels[0]->segs[0];
    KPlan *pl = s->plan;
    int x = find_op(p, s, KO_LOAD, "x", -1), w = find_op(p, s, KO_LOAD, "w", -1);
    expect_verify(p, true, NULL);
    pl->op[x].recip = true;
    expect_verify(p, false, "reciprocal");
    pl->op[x].recip = false;
    pl->phases[1].need[w] = KN_KEPT;
    expect_verify(p, false, "needs it");
    pl->phases[1].need[w] = KN_COMPUTE;
    pl->op[x].off[3] = 9;
    expect_verify(p, false, "window offset");
    pl->op[x].off[3] = 3;
    pl->phases[2].store[0] = 0;
    expect_verify(p, false, "issued by 0 phases");
    pl->phases[2].store[0] = 1;
    p->kernels[0]->smem_bytes++;
    expect_verify(p, false, "shared memory");
    p->kernels[0]->smem_bytes--;
    expect_verify(p, true, NULL);
}

/* The documented team reduction (kexec.h) of one row of n f32 values:
 * lanes fold their runs, then an xor-butterfly over `wave`-lane groups,
 * then over the groups' lane-0 values. */
static float team_sum(const float *v, int n, const KSchedule *sc, int wave)
{
    float lane[1024], tmp[1024];
    int tpr = sc->threads_per_row, w = tpr < wave ? tpr : wave, nw = tpr / w;
    for (int l = 0; l < tpr; l++) {
        lane[l] = 0;
        for (int c = 0; c < sc->chunks; c++)
            for (int j = 0; j < sc->vec; j++) {
                int e = (c * tpr + l) * sc->vec + j;
                if (e < n)
                    lane[l] += v[e];
            }
    }
    for (int q = 0; q < nw; q++)
        for (int off = w / 2; off >= 1; off /= 2) {
            for (int l = 0; l < w; l++)
                tmp[l] = lane[q * w + l] + lane[q * w + (l ^ off)];
            memcpy(lane + q * w, tmp, sizeof(float) * (size_t)w);
        }
    for (int q = 0; q < nw; q++)
        lane[q] = lane[q * w];
    for (int off = nw / 2; off >= 1; off /= 2) {
        for (int l = 0; l < nw; l++)
            tmp[l] = lane[l] + lane[l ^ off];
        memcpy(lane, tmp, sizeof(float) * (size_t)nw);
    }
    return lane[0];
}

/* 7. */
/* 8. */
static void test_microscaling(void **state)
{
    (void)state;
    KProgram *p = compile("graph g(x: bf16[T, 64]) {\n"
                          "    xb = view(x, [T, 2, 32])\n"
                          "    s = to(amax(abs(xb), dim=-1, keepdim=true) / 6.0, f8e8m0)\n"
                          "    return view(to(xb / s, f4e2m1), [T, 64]), view(s, [T, 2])\n}\n");
    const KSegment *s = seg0(p);
    int div = find_div(s);
    assert_true(s->plan->op[div].recip); /* x / s: s a cast to f8e8m0 */
    assert_false(s->plan->op[div].exact_div);
    int sdiv = op_of(s, div)->in[1]->in[0]->id; /* amax / 6.0 */
    assert_int_equal(op_of(s, sdiv)->kind, KO_BINARY);
    assert_true(s->plan->op[sdiv].exact_div);
    assert_false(s->plan->op[sdiv].recip);
    int q = -1;
    for (int i = 0; i < s->stores.len; i++)
        if (p->bufs[((const KStore *)s->stores.items[i])->buf].dtype == DT_F4E2M1)
            q = i;
    assert_true(q >= 0);
    assert_int_equal(s->plan->store[q].width, s->sched.vec);
    assert_true(s->plan->store[q].direct);
    assert_int_equal(s->sched.vec, 8);
    assert_true(s->plan->store[q].packed_vector); /* 8 codes: one 4-byte store */
    const KAlign *al = align_of(p, p->kernels[0], "out0");
    assert_non_null(al);
    assert_int_equal(al->bytes, 4);
    expect_verify(p, true, NULL);
    KPlan *pl = s->plan;
    int x = find_op(p, s, KO_LOAD, "x", -1);
    pl->op[x].exact_div = true;
    expect_verify(p, false, "exact division");
    pl->op[x].exact_div = false;
    pl->store[q].width = 0;
    expect_verify(p, false, "packed vector");
    pl->store[q].width = s->sched.vec;

    /* f4e2m1 loads: element loads, no window */
    p = compile("graph d(q: f4e2m1[T, 64], w: f32[64]) {\n    return to(q, f32) * w\n}\n");
    s = seg0(p);
    int ql = find_op(p, s, KO_LOAD, "q", -1);
    assert_int_equal(s->plan->op[ql].width, 0);
    assert_null(align_of(p, p->kernels[0], "q"));

    /* a scale that products, quotients and bounds of powers of two keep a
     * power of two 2^k, -127 <= k <= 127 (aiter's MXFP4 scale: an e8m0
     * value / 4, at least 2^-127) is one too; a factor that is no power
     * of two, or a bound that lets k leave the range, is not */
    static const struct { const char *scale; bool recip; } pow2[] = {
        {"max(to(a, f8e8m0, floor=true) / 4.0, 5.877471754111438e-39)", true},
        {"max(to(a, f8e8m0) * 0.5, 1.1754943508222875e-38)", true},
        {"min(max(to(a, f8e8m0), 7.888609052210118e-31) * 0.5, 1.2676506002282294e30)", true},
        {"min(to(a, f8e8m0) * 2.0, 1.7014118346046923e38)", false}, /* 2^128 overflows first */
        {"max(to(a, f8e8m0) / 4.0, 1.4693679385278594e-39)", false}, /* 2^-129 */
        {"max(to(a, f8e8m0) * 3.0, 1.1754943508222875e-38)", false},
        {"to(a, f8e8m0) * 2.0", false}, /* up to 2^128 */
    };
    for (size_t i = 0; i < sizeof pow2 / sizeof pow2[0]; i++) {
        char src[512];
        snprintf(src, sizeof src,
                 "graph g(x: bf16[T, 64]) {\n"
                 "    xb = view(x, [T, 2, 32])\n"
                 "    a = to(amax(abs(xb), dim=-1, keepdim=true), f32)\n"
                 "    s = %s\n"
                 "    return view(to(xb / s, f4e2m1), [T, 64])\n}\n",
                 pow2[i].scale);
        p = compile(src);
        s = seg0(p);
        div = find_div(s);
        if (s->plan->op[div].recip != pow2[i].recip)
            fail_msg("x / (%s): recip %d, want %d", pow2[i].scale, s->plan->op[div].recip,
                     pow2[i].recip);
        assert_true(s->plan->op[div].recip || s->plan->op[div].exact_div);
    }

    /* a hostile chain whose every op reads the one before twice: the
     * value analyses look VALUE_DEPTH ops deep, not 2^40 (this hung):
     * no rewrite, the quotient divided exactly */
    {
        char deep[4096];
        int n = snprintf(deep, sizeof deep,
                         "graph h(x: bf16[T, 64]) {\n    xb = view(x, [T, 2, 32])\n"
                         "    s0 = to(amax(abs(xb), dim=-1, keepdim=true), f8e8m0)\n");
        for (int i = 1; i <= 40; i++)
            n += snprintf(deep + n, sizeof deep - (size_t)n, "    s%d = max(s%d, s%d / 2.0)\n", i,
                          i - 1, i - 1);
        snprintf(deep + n, sizeof deep - (size_t)n,
                 "    return view(to(xb / s40, f4e2m1), [T, 64])\n}\n");
        p = compile(deep);
        s = seg0(p);
        div = find_div(s);
        assert_false(s->plan->op[div].recip);
        assert_true(s->plan->op[div].exact_div);
    }

    /* a division by a selection among per-row e8m0 scales (DeepGEMM's
     * packed UE8M0 group scales: four groups of 128 in a 512-wide row) is
     * a multiply by the same selection among their reciprocals */
    p = compile("graph u(x: bf16[T, 1024]) {\n"
                "    q, s = quant_fp8_per_group_ue8m0_packed(x, 128)\n"
                "    return q, s\n}\n");
    s = seg0(p);
    div = find_div(s);
    const KOp *d = op_of(s, div);
    assert_true(s->plan->op[div].recip);
    assert_int_equal(d->in[1]->kind, KO_WHERE);
    assert_true(d->in[1]->row);
    int nsel = 0, nsrc = 0;
    for (int i = 0; i < s->ops.len; i++) {
        nsel += s->plan->op[i].recip_sel;
        nsrc += s->plan->op[i].recip_src;
    }
    assert_int_equal(nsel, 3); /* where(g0, s0, where(g1, s1, where(g2, s2, s3))) */
    assert_int_equal(nsrc, 4);
    expect_verify(p, true, NULL);
    s->plan->op[d->in[1]->id].recip_sel = false;
    expect_verify(p, false, "reciprocal rewrite");
    s->plan->op[d->in[1]->id].recip_sel = true;
    s->plan->op[find_op(p, s, KO_LOAD, "x", -1)].recip_sel = true;
    expect_verify(p, false, "reciprocal selection");

    /* the rewrite is exact for every scale: 1/2^k is exact in f32 */
    static const float xs[] = {1.0f, 1.5f, 3.0f, 0.1f, 6.0f, 448.0f, 0x1.fffffep127f,
                               0x1p-149f, 0x1.8p-140f, 0x1.234566p-120f, -2.5f, 0.0f};
    for (int c = 0; c < 255; c++) {
        float sc = dt_f8_to_f32((uint8_t)c, DT_F8E8M0), r = 1.0f / sc;
        for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
            volatile float a = xs[i] * r, b = xs[i] / sc;
            if (memcmp((const void *)&a, (const void *)&b, 4) != 0)
                fail_msg("%a / 2^%d: %a by the reciprocal, %a divided", (double)xs[i], c - 127,
                         (double)a, (double)b);
        }
    }
}

/* Masked reductions over groups of a row (KOpPlan.masked): the schedule
 * puts each run in one group, the plan folds each group's values into its
 * own accumulator only (a max's non-identity constant once per lane),
 * kexec follows it and codegen prints it. */
static void test_masked_groups(void **state)
{
    (void)state;
    /* DeepGEMM's packed UE8M0 scales: 4 masked amax over a 512-wide row */
    KProgram *p = compile("graph u(x: bf16[T, 1024]) {\n"
                          "    q, s = quant_fp8_per_group_ue8m0_packed(x, 128)\n"
                          "    return q, s\n}\n");
    const KSegment *s = seg0(p);
    assert_int_equal(s->sched.vec, 8);
    assert_int_equal(s->sched.threads_per_row, 16); /* 16 x 8 = 128: a run in one group */
    assert_true(s->sched.persistent);
    int nmax = 0;
    for (int i = 0; i < s->ops.len; i++) {
        const KOp *o = op_of(s, i);
        if (o->kind != KO_REDUCE)
            continue;
        nmax++;
        assert_int_equal(s->plan->op[i].masked, 1);
        assert_true(s->plan->op[i].masked_any); /* where(g, a, 0.0): 0 is not max's identity */
    }
    assert_int_equal(nmax, 4);
    expect_verify(p, true, NULL);
    int red = find_op(p, s, KO_REDUCE, NULL, RED_MAX);
    ((KSegment *)s)->plan->op[red].masked = 3;
    expect_verify(p, false, "masked fold");
    ((KSegment *)s)->plan->op[red].masked = 0;
    expect_verify(p, false, "masked fold's constant");

    /* identity constants need no flag; a mask that varies within a run and
     * a sum's non-zero constant stay selects */
    p = compile("graph g(x: f32[4, 512]) {\n"
                "    j = arange(512) // 128\n"
                "    a = amax(where(j == 2, x, 0.5), dim=-1, keepdim=true)\n"
                "    b = sum(where(j == 1, x, 0.0), dim=-1, keepdim=true)\n"
                "    c = amin(where(j != 3, 7.0, x), dim=-1, keepdim=true)\n"
                "    d = sum(where(j == 0, x, 1.0), dim=-1, keepdim=true)\n"
                "    e = amax(where(arange(512) % 2 == 0, x, 0.0), dim=-1, keepdim=true)\n"
                "    return cat([a, b, c, d, e], dim=-1)\n}\n");
    s = seg0(p);
    assert_int_equal(s->sched.threads_per_row * s->sched.vec, 128);
    int want[5][2] = {{1, 1}, {1, 0}, {2, 1}, {0, 0}, {0, 0}}, r = 0;
    for (int i = 0; i < s->ops.len && r < 5; i++) {
        if (op_of(s, i)->kind != KO_REDUCE)
            continue;
        if (s->plan->op[i].masked != want[r][0] || s->plan->op[i].masked_any != want[r][1])
            fail_msg("reduction %d: masked %d any %d, want %d %d", r, s->plan->op[i].masked,
                     s->plan->op[i].masked_any, want[r][0], want[r][1]);
        r++;
    }
    assert_int_equal(r, 5);

    /* kexec folds as planned: integers in f32, so every order sums exactly;
     * row 1 has a NaN in group 2 (max propagates it), row 2 all negative
     * (max is the 0.5 a lane folds once) */
    IrBuf in, out = {0};
    int64_t shape[2] = {4, 512};
    assert_true(ir_buf_alloc(&in, DT_F32, 2, shape));
    for (int64_t i = 0; i < in.numel; i++)
        in.f[i] = (float)((i * 37) % 101) - (i / 512 == 2 ? 200.0f : 50.0f);
    in.f[512 + 300] = NAN;
    Diag d;
    diag_init(&d);
    assert_true(kexec_run(p, NULL, &in, &out, NULL, &d));
    for (int row = 0; row < 4; row++) {
        const float *x = in.f + row * 512;
        float a = 0.5f, c = 7.0f, dd = 0, e = 0.0f;
        double b = 0;
        bool nan = false;
        for (int i = 0; i < 512; i++) {
            int j = i / 128;
            if (j == 2)
                nan |= x[i] != x[i], a = x[i] > a ? x[i] : a;
            if (j == 1)
                b += x[i];
            if (j == 3)
                c = x[i] < c ? x[i] : c;
            dd += j == 0 ? x[i] : 1.0f;
            if (i % 2 == 0)
                e = x[i] != x[i] || x[i] > e ? x[i] : e; /* NaN propagates */
        }
        const float *o = out.f + row * 5;
        if (nan)
            assert_true(o[0] != o[0]);
        else
            assert_true(o[0] == a);
        if (!(o[1] == (float)b && o[2] == c && o[3] == dd && (nan ? o[4] != o[4] : o[4] == e)))
            fail_msg("row %d: %g %g %g %g, want %g %g %g %g", row, (double)o[1], (double)o[2],
                     (double)o[3], (double)o[4], b, (double)c, (double)dd, (double)e);
    }
    assert_true(out.f[5] != out.f[5]);  /* row 1's NaN */
    assert_true(out.f[10] == 0.5f);     /* row 2: the constant */
    CgTarget t;
    CgModule mod;
    assert_true(cg_target("sm_90", &t, &d));
    assert_true(cg_emit(p, &t, A, &mod, &d));
    assert_non_null(strstr(mod.source, "} else any"));
    assert_non_null(strstr(mod.source, "bool any"));
    ir_buf_free(&in);
    ir_buf_free(&out);
    diag_free(&d);
}

/* A small deterministic generator for test_masked_random: 0 .. n-1. */
static int rnd(uint64_t *r, int n)
{
    *r = *r * 6364136223846793005ull + 1442695040888963407ull;
    return (int)((*r >> 33) % (uint64_t)n);
}

/* Random masked group reductions (sum, mean, max, min over
 * where(arange(n) // g OP c, x, k) or where(..., k, x), k an identity or
 * not, a signed zero, an infinity): the kernel-IR executor, following the
 * plan's masked folds, against the reference interpreter, many-rows and
 * few-rows kernels.  Inputs are small integers (every sum exact in any
 * order) with a NaN in some rows; results equal as floats (a tie of +0
 * and -0 may keep either) or both NaN. */
static void test_masked_random(void **state)
{
    (void)state;
    static const char *const kinds[] = {"sum", "mean", "amax", "amin"};
    static const char *const ops[] = {"==", "!=", "<", ">="};
    static const char *const consts[] = {"0.0", "-0.0", "0.5", "-inf", "inf", "7.0"};
    static const int groups[] = {8, 16, 32, 64, 128};
    uint64_t r = 0x9e3779b97f4a7c15ull;
    int masked = 0, any = 0;
    for (int gi = 0; gi < 40; gi++) {
        int g = groups[rnd(&r, 5)], ng = 2 + rnd(&r, 7), n = g * ng, nred = 1 + rnd(&r, 3);
        char src[2048];
        int len = snprintf(src, sizeof src, "graph m(x: f32[3, %d]) {\n    j = arange(%d) // %d\n", n,
                           n, g);
        for (int k = 0; k < nred; k++) {
            const char *kind = kinds[rnd(&r, 4)], *op = ops[rnd(&r, 4)], *c = consts[rnd(&r, 6)];
            int grp = rnd(&r, ng);
            bool x_first = rnd(&r, 2);
            len += snprintf(src + len, sizeof src - (size_t)len,
                            "    r%d = %s(where(j %s %d, %s, %s), dim=-1, keepdim=true)\n", k,
                            kind, op, grp, x_first ? "x" : c, x_first ? c : "x");
        }
        len += snprintf(src + len, sizeof src - (size_t)len, "    return cat([");
        for (int k = 0; k < nred; k++)
            len += snprintf(src + len, sizeof src - (size_t)len, "%sr%d", k ? ", " : "", k);
        snprintf(src + len, sizeof src - (size_t)len, "], dim=-1)\n}\n");
        KProgram *p = compile(src);
        Diag d;
        diag_init(&d);
        IrModule *mod = front_compile(front_source(A, "ref", src, strlen(src)), A, &d);
        assert_int_equal(d.nerrors, 0);
        const KSegment *s = seg0(p);
        for (int i = 0; i < s->ops.len; i++) {
            masked += s->plan->op[i].masked != 0;
            any += s->plan->op[i].masked_any;
        }
        IrBuf in, want[1] = {{0}}, got[1] = {{0}};
        int64_t shape[2] = {3, n};
        assert_true(ir_buf_alloc(&in, DT_F32, 2, shape));
        for (int64_t i = 0; i < in.numel; i++)
            in.f[i] = (float)(rnd(&r, 17) - 8);
        if (rnd(&r, 2))
            in.f[n + rnd(&r, n)] = NAN; /* row 1 */
        assert_true(ir_interp(mod->graphs[0], NULL, &in, want, &d));
        for (int v = 0; v < 2; v++) {
            if (!kexec_run_variant(p, v ? KEXEC_FEW_ROWS : KEXEC_MANY_ROWS, NULL, &in, got, NULL,
                                   &d))
                fail_msg("kexec: %s\n%s", diag_find(&d, NULL), src);
            for (int64_t i = 0; i < want[0].numel; i++) {
                float a = want[0].f[i], b = got[0].f[i];
                if (!(a == b || (a != a && b != b)))
                    fail_msg("%s variant %d, output %lld: interpreter %g, kexec %g", src, v,
                             (long long)i, (double)a, (double)b);
            }
            ir_buf_free(&got[0]);
        }
        ir_buf_free(&in);
        ir_buf_free(&want[0]);
        diag_free(&d);
    }
    /* the feature was exercised, both with and without the constant */
    if (masked < 20 || any < 5)
        fail_msg("only %d masked folds, %d with their constant", masked, any);
}

static void test_wave64(void **state)
{
    (void)state;
    static const char *src = "graph g(x: f32[4, 1024]) {\n    return sum(x, dim=-1)\n}\n";
    Diag d;
    diag_init(&d);
    CgTarget cdna, nv;
    assert_true(cg_target("hip:gfx942", &cdna, &d) && cg_target("sm_90", &nv, &d));
    KProgram *p64 = compile_for(src, &cdna), *p32 = compile_for(src, &nv);
    const KSchedule *s64 = &seg0(p64)->sched, *s32 = &seg0(p32)->sched;
    /* 64 lanes either way: one wave on CDNA (no shared memory), two on NVIDIA */
    assert_int_equal(p64->target.wave, 64);
    assert_int_equal(s64->threads_per_row, 64);
    assert_int_equal(p64->kernels[0]->smem_bytes, 0);
    assert_int_equal(s32->threads_per_row, 64);
    assert_int_equal(p32->kernels[0]->smem_bytes, 2 * 4 * s32->rows_per_block);
    IrBuf in, got = {0}, want = {0};
    int64_t shape[2] = {4, 1024};
    assert_true(ir_buf_alloc(&in, DT_F32, 2, shape));
    uint32_t r = 777;
    for (int64_t i = 0; i < in.numel; i++) {
        r = r * 1664525u + 1013904223u;
        in.f[i] = (float)(r >> 8) / 16777216.0f * 3.0f - 1.0f;
    }
    assert_true(kexec_run(p64, NULL, &in, &got, NULL, &d));
    assert_true(ir_interp(p64->graph, NULL, &in, &want, &d));
    for (int row = 0; row < 4; row++) {
        float t = team_sum(in.f + row * 1024, 1024, s64, 64);
        assert_memory_equal(&got.f[row], &t, sizeof t);
        float mag = 0; /* f32 reassociation: n * eps * sum |x| at most */
        for (int e = 0; e < 1024; e++)
            mag += fabsf(in.f[row * 1024 + e]);
        assert_true(fabsf(got.f[row] - want.f[row]) <= 1024 * 0x1p-24f * mag);
    }
    CgModule mod;
    assert_true(cg_emit(p64, &cdna, A, &mod, &d));
    assert_non_null(strstr(mod.source, "for (int off = 32; off >= 1; off /= 2)"));
    assert_non_null(strstr(mod.source, "__shfl_xor(acc"));
    assert_non_null(strstr(mod.source, ", off, 64);"));
    assert_null(strstr(mod.source, "__shared__"));
    CgTarget rdna;
    assert_true(cg_target("gfx1100", &rdna, &d));
    assert_false(cg_emit(p64, &rdna, A, &mod, &d)); /* wave 64 code on a wave-32 GPU */
    ir_buf_free(&in);
    ir_buf_free(&got);
    ir_buf_free(&want);
    diag_free(&d);
}

/* 9. */
static void test_stream_long_rows(void **state)
{
    (void)state;
    KProgram *p = compile("graph g(x: f32[2, 70000]) {\n    return softmax(x)\n}\n");
    KSegment *s = p->kernels[0]->segs[0];
    KPlan *pl = s->plan;
    int x = find_op(p, s, KO_LOAD, "x", -1);
    assert_false(s->sched.persistent);
    assert_int_equal(s->sched.threads_per_row, 1024);
    assert_int_equal(s->sched.vec, 4);
    assert_int_equal(s->sched.chunks, 18); /* 17.09 runs of 4 per lane: not exact */
    assert_false(pl->exact);
    assert_int_equal(pl->nphase, 3);
    for (int ph = 0; ph < 3; ph++) {
        assert_int_equal(pl->phases[ph].stream, 3); /* 4 f32 registers per run: 3 <= 16 / 4 */
        assert_int_equal(pl->phases[ph].need[x], KN_COMPUTE); /* re-read, not kept */
    }
    for (int i = 0; i < s->ops.len; i++)
        assert_false(pl->op[i].keep);
    expect_verify(p, true, NULL);

    IrBuf in, got = {0}, want = {0};
    int64_t shape[2] = {2, 70000};
    assert_true(ir_buf_alloc(&in, DT_F32, 2, shape));
    uint32_t r = 4242;
    for (int64_t i = 0; i < in.numel; i++) {
        r = r * 1664525u + 1013904223u;
        in.f[i] = (float)(r >> 8) / 16777216.0f * 20.0f - 10.0f;
    }
    Diag d;
    diag_init(&d);
    KexecStats st;
    assert_true(kexec_run(p, NULL, &in, &got, &st, &d));
    assert_int_equal(st.max_loads_in_a_row[op_of(s, x)->a.load.buf], 3); /* one per phase */
    kexec_stats_free(&st);
    assert_true(ir_interp(p->graph, NULL, &in, &want, &d));
    for (int64_t i = 0; i < want.numel; i++)
        assert_true(fabsf(got.f[i] - want.f[i]) <= 1e-5f * fabsf(want.f[i]) + 1e-12f);

    CgTarget t;
    CgModule mod;
    assert_true(cg_target("sm_90", &t, &d));
    assert_true(cg_emit(p, &t, A, &mod, &d));
    assert_non_null(strstr(mod.source, "#pragma unroll 1\n"));
    assert_non_null(strstr(mod.source, "for (int cs = 0; cs < 18; cs += 3) {"));
    assert_non_null(strstr(mod.source, "uint4 pf0[3];"));
    assert_non_null(strstr(mod.source, "const int c = cs + u;"));
    assert_null(strstr(mod.source, "pf0[18]"));
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    kir_print(p, f);
    fclose(f);
    assert_non_null(strstr(text, "; in steps of 3 runs\n"));
    free(text);
    f = open_memstream(&text, &len);
    kir_print_json(p, f);
    fclose(f);
    assert_non_null(strstr(text, ", \"stream\": 3}"));
    free(text);

    /* kexec: a phase missing an operand of what it computes is an error */
    int cast = -1;
    for (int i = 0; i < s->ops.len; i++)
        if (pl->phases[1].need[i] == KN_COMPUTE && op_of(s, i)->kind == KO_BINARY &&
            op_of(s, i)->a.binary == BIN_SUB)
            cast = i;
    assert_true(cast >= 0);
    int operand = op_of(s, cast)->in[0]->id;
    pl->phases[1].need[operand] = KN_NONE;
    IrBuf bad = {0};
    assert_false(kexec_run(p, NULL, &in, &bad, NULL, &d));
    assert_non_null(diag_find(&d, "the plan computes it before its operand"));
    pl->phases[1].need[operand] = KN_COMPUTE;

    /* kir_verify: steps divide the runs; nothing kept in a streamed segment */
    pl->phases[0].stream = 4;
    expect_verify(p, false, "runs per step");
    pl->phases[0].stream = 3;
    pl->op[x].keep = true;
    pl->op[x].phase = 0;
    expect_verify(p, false, "kept across phases");
    pl->op[x].keep = false;
    expect_verify(p, true, NULL);
    ir_buf_free(&in);
    ir_buf_free(&got);
    ir_buf_free(&want);
    diag_free(&d);
}

static void test_stream_pointwise(void **state)
{
    (void)state;
    /* no reduction: persistent, but 32 runs of 8 bf16 (4 registers each)
     * per lane at once would pass the 64-register budget */
    KProgram *p = compile("graph g(x: bf16[T, 256000]) {\n    return x * 2.0\n}\n");
    const KSegment *s = seg0(p);
    assert_true(s->sched.persistent);
    assert_int_equal(s->sched.chunks, 32);
    assert_int_equal(s->plan->nphase, 1);
    assert_int_equal(s->plan->phases[0].stream, 4); /* 4 x 4 registers, 32 elements */
    /* rows that fit: not streamed */
    const char *fits[] = {rms_fp8, "graph g(x: bf16[T, 4096]) {\n    return x * 2.0\n}\n"};
    for (int k = 0; k < 2; k++) {
        const KSegment *f = seg0(compile(fits[k]));
        for (int ph = 0; ph < f->plan->nphase; ph++)
            assert_int_equal(f->plan->phases[ph].stream, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rms_fp8_plan),
        cmocka_unit_test(test_json_plan),
        cmocka_unit_test(test_no_recip_without_bounds),
        cmocka_unit_test(test_symbolic_row_looped),
        cmocka_unit_test(test_rope_windows),
        cmocka_unit_test(test_kexec_follows_recip),
        cmocka_unit_test(test_verify_plan),
        cmocka_unit_test(test_wave64),
        cmocka_unit_test(test_masked_groups),
        cmocka_unit_test(test_masked_random),
        cmocka_unit_test(test_microscaling),
        cmocka_unit_test(test_stream_long_rows),
        cmocka_unit_test(test_stream_pointwise),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
