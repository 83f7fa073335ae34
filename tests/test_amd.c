/* test_amd.c - FP8 per target (issue 17), through the driver (sn_compile):
 *
 *  1. `f8` is the targets' native e4m3: f8e4m3 on NVIDIA, gfx950 and
 *     gfx1201, f8e4m3fnuz on gfx942, f8e4m3 on gfx942+ocp-fp8; targets
 *     without FP8 units (gfx90a, gfx1100) impose none; in graph parameters,
 *     in `to`, and as the standard library's quant_fp8* default.
 *  2. A bundle whose targets read different FP8 formats refuses `f8` with
 *     an error at its use (at the user's call for a library default) that
 *     names both targets; a graph of it that does not use `f8` compiles.
 *  3. A graph storing OCP FP8 (f8e4m3, f8e5m2) for gfx942 is refused,
 *     located at the stored value, naming the FNUZ format; it compiles
 *     with hip:gfx942+ocp-fp8, and for gfx950 and NVIDIA; reading OCP FP8
 *     inputs on gfx942 is allowed.
 *  4. cg_target: "+ocp-fp8" only on gfx942.
 *  5. Wave sizes: a bundle has one source per dialect and wave size, each
 *     scheduled for its wave (HIP for gfx942 and gfx1100: 64- and 32-lane
 *     teams), whatever the order of the targets; the CUDA source is the
 *     same as a CUDA-only bundle's; the runtime loads the variant of the
 *     device's wave, a 32-lane one on a 64-lane GPU when that is all there
 *     is, and refuses a 64-lane one on a 32-lane GPU (rt_graph_load on
 *     device tables without a GPU); a 64-lane row is one wave on CDNA (no
 *     shared memory) and few-rows kernels fill a wave (64 lanes on CDNA,
 *     32 on NVIDIA and RDNA); a wave's schedule made beside the
 *     first target's keeps the in-place rules (no few-rows kernel that
 *     reads what another lane writes). */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "codegen.h"
#include "driver.h"
#include "internal.h"

typedef struct {
    bool ok;
    char text[4096];      /* every message, "line:col: text\n" each */
    int line, col;        /* the first message's */
    DType out_dtype[4];   /* the first graph's outputs (ok only) */
    DType in_dtype[4];
} Result;

/* Compile `src` (file "t.sn") for the given targets through the bundle. */
static Result compile(const char *src, const char *const *specs, int n)
{
    Result r = {0};
    CgTarget t[8];
    Diag d;
    diag_init(&d);
    for (int i = 0; i < n; i++)
        assert_true(cg_target(specs[i], &t[i], &d));
    Arena *a = arena_new();
    const char *path = "t.sn", *texts[1] = {src};
    SnCompileOptions opt = {.paths = &path, .texts = texts, .npath = 1, .targets = t,
                            .ntarget = n};
    SnCompiled c;
    r.ok = sn_compile(&opt, SN_STAGE_BUNDLE, NULL, NULL, a, &c, &d);
    size_t pos = 0;
    for (const DiagMsg *m = d.head; m && pos < sizeof r.text - 1; m = m->next)
        pos += (size_t)snprintf(r.text + pos, sizeof r.text - pos, "%d:%d: %s\n", m->span.line,
                                m->span.col, m->text);
    if (d.head) {
        r.line = d.head->span.line;
        r.col = d.head->span.col;
    }
    if (r.ok && c.ngraph > 0) {
        const IrGraph *g = c.graphs[0].reference ? c.graphs[0].reference : c.graphs[0].graph;
        for (int i = 0; i < g->nout && i < 4; i++)
            r.out_dtype[i] = g->outs[i]->dtype;
        for (int i = 0; i < g->nparam && i < 4; i++)
            r.in_dtype[i] = g->params[i]->dtype;
    }
    if (r.ok)
        sn_compiled_free(&c);
    diag_free(&d);
    arena_free(a);
    return r;
}

#define TARGETS(...) (const char *const[]){__VA_ARGS__}, \
    (int)(sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

static const char *const to_f8 = "graph g(x: f32[T, 64]) {\n    return to(x, f8)\n}\n";

/* ---- 1 ---------------------------------------------------------------------------- */

static void test_f8_native(void **state)
{
    (void)state;
    static const struct {
        const char *spec;
        DType want;
    } cases[] = {
        {"cuda:sm_90", DT_F8E4M3},   {"cuda:sm_80", DT_F8E4M3},
        {"hip:gfx950", DT_F8E4M3},   {"hip:gfx1201", DT_F8E4M3},
        {"hip:gfx942", DT_F8E4M3FNUZ}, {"hip:gfx942+ocp-fp8", DT_F8E4M3},
        {"hip:gfx90a", DT_F8E4M3},   {"hip:gfx1100", DT_F8E4M3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Result r = compile(to_f8, &cases[i].spec, 1);
        if (!r.ok)
            fail_msg("%s: %s", cases[i].spec, r.text);
        if (r.out_dtype[0] != cases[i].want)
            fail_msg("%s: f8 is %s", cases[i].spec, dt_name(r.out_dtype[0]));
    }
    /* no FP8 units impose nothing: gfx90a beside gfx942 is FNUZ */
    Result r = compile(to_f8, TARGETS("hip:gfx90a", "hip:gfx942"));
    assert_true(r.ok);
    assert_int_equal(r.out_dtype[0], DT_F8E4M3FNUZ);
    r = compile(to_f8, TARGETS("hip:gfx1100", "cuda:sm_90", "hip:gfx950"));
    assert_true(r.ok);
    assert_int_equal(r.out_dtype[0], DT_F8E4M3);
    /* no target at all (the front end's default): f8e4m3 */
    r = compile(to_f8, NULL, 0);
    assert_true(r.ok);
    assert_int_equal(r.out_dtype[0], DT_F8E4M3);
}

static void test_f8_param_and_default(void **state)
{
    (void)state;
    Result r = compile("graph g(x: f8[T, 64]) {\n    return to(x, f32) * 2.0\n}\n",
                       TARGETS("hip:gfx942"));
    assert_true(r.ok);
    assert_int_equal(r.in_dtype[0], DT_F8E4M3FNUZ);
    /* quant_fp8's default dtype, and its clamp: 240 on gfx942 */
    const char *q = "graph g(x: f32[T, 64], s: f32[]) {\n    return quant_fp8(x, s)\n}\n";
    r = compile(q, TARGETS("hip:gfx942"));
    assert_true(r.ok);
    assert_int_equal(r.out_dtype[0], DT_F8E4M3FNUZ);
    r = compile(q, TARGETS("cuda:sm_90"));
    assert_true(r.ok);
    assert_int_equal(r.out_dtype[0], DT_F8E4M3);
    /* a variable named f8 is a variable, as for any dtype name */
    r = compile("graph g(x: f32[T, 64]) {\n    f8 = x * 2.0\n    return f8\n}\n",
                TARGETS("hip:gfx942"));
    assert_true(r.ok);
    assert_int_equal(r.out_dtype[0], DT_F32);
    /* f8 is a dtype, not a size symbol */
    r = compile("graph g(x: f32[f8, 64]) {\n    return x\n}\n", TARGETS("cuda:sm_90"));
    assert_false(r.ok);
    assert_non_null(strstr(r.text, "'f8' is a dtype, not a size symbol"));
}

/* ---- 2 ---------------------------------------------------------------------------- */

static void test_f8_mixed_refused(void **state)
{
    (void)state;
    Result r = compile(to_f8, TARGETS("cuda:sm_90", "hip:gfx942"));
    assert_false(r.ok);
    assert_int_equal(r.line, 2);
    assert_int_equal(r.col, 18); /* the `f8` of to(x, f8) */
    assert_non_null(strstr(r.text, "sm_90"));
    assert_non_null(strstr(r.text, "gfx942"));
    assert_non_null(strstr(r.text, "f8e4m3fnuz"));
    assert_non_null(strstr(r.text, "hip:gfx942+ocp-fp8"));
    /* a library default: at the user's call */
    r = compile("graph g(x: f32[T, 64], s: f32[]) {\n    y = x * 2.0\n    return quant_fp8(y, s)\n}\n",
                TARGETS("hip:gfx942", "hip:gfx950"));
    assert_false(r.ok);
    assert_int_equal(r.line, 3);
    assert_int_equal(r.col, 12);
    /* the same bundle compiles graphs that do not use f8, explicit FNUZ too */
    r = compile("graph g(x: bf16[T, 64]) {\n    return to(x * 2.0, f8e4m3fnuz)\n}\n",
                TARGETS("cuda:sm_90", "hip:gfx942"));
    if (!r.ok)
        fail_msg("%s", r.text);
    /* and with the opt-in, f8 is OCP everywhere */
    r = compile(to_f8, TARGETS("cuda:sm_90", "hip:gfx942+ocp-fp8"));
    assert_true(r.ok);
    assert_int_equal(r.out_dtype[0], DT_F8E4M3);
}

/* ---- 3 ---------------------------------------------------------------------------- */

static void test_ocp_store_on_gfx942(void **state)
{
    (void)state;
    const char *e4 = "graph g(x: f32[T, 64]) {\n    y = x * 2.0\n    return to(y, f8e4m3), y\n}\n";
    Result r = compile(e4, TARGETS("hip:gfx942"));
    assert_false(r.ok);
    assert_int_equal(r.line, 3);
    assert_int_equal(r.col, 12); /* to(y, f8e4m3) */
    assert_non_null(strstr(r.text, "stores f8e4m3 (OCP) in output 0"));
    assert_non_null(strstr(r.text, "f8e4m3fnuz"));
    assert_non_null(strstr(r.text, "hip:gfx942+ocp-fp8"));
    r = compile(e4, TARGETS("hip:gfx942+ocp-fp8"));
    assert_true(r.ok);
    r = compile(e4, TARGETS("hip:gfx950"));
    assert_true(r.ok);
    r = compile(e4, TARGETS("cuda:sm_90"));
    assert_true(r.ok);
    /* e5m2: names its FNUZ twin */
    r = compile("graph g(x: f32[T, 64]) {\n    return x, to(x, f8e5m2)\n}\n",
                TARGETS("cuda:sm_90", "hip:gfx942"));
    assert_false(r.ok);
    assert_non_null(strstr(r.text, "stores f8e5m2 (OCP) in output 1"));
    assert_non_null(strstr(r.text, "f8e5m2fnuz"));
    /* an output computed by the library: at the graph's name */
    r = compile("graph g(x: f32[T, 64], s: f32[]) {\n    return quant_fp8(x, s, dtype=f8e4m3)\n}\n",
                TARGETS("hip:gfx942"));
    assert_false(r.ok);
    assert_int_equal(r.line, 1);
    /* reading OCP FP8 is fine */
    r = compile("graph g(x: f8e4m3[T, 64]) {\n    return to(x, f32)\n}\n", TARGETS("hip:gfx942"));
    assert_true(r.ok);
}

/* ---- 4 ---------------------------------------------------------------------------- */

static void test_target_suffix(void **state)
{
    (void)state;
    CgTarget t;
    Diag d;
    diag_init(&d);
    assert_true(cg_target("hip:gfx942+ocp-fp8", &t, &d));
    assert_string_equal(t.arch, "gfx942");
    assert_true(t.ocp_fp8);
    assert_int_equal(t.fp8, CG_FP8_FNUZ);
    assert_true(cg_target("gfx942", &t, &d));
    assert_false(t.ocp_fp8);
    assert_int_equal(d.nerrors, 0);
    assert_false(cg_target("hip:gfx950+ocp-fp8", &t, &d));
    assert_non_null(strstr(d.head->text, "is for gfx942"));
    assert_false(cg_target("cuda:sm_90+ocp-fp8", &t, &d));
    assert_false(cg_target("hip:gfx942+ocp", &t, &d));
    assert_false(cg_target("+ocp-fp8", &t, &d));
    assert_false(cg_target("hip:gfx942+ocp-fp8+ocp-fp8", &t, &d));
    diag_free(&d);
    static const struct {
        const char *spec;
        CgFp8 fp8;
    } formats[] = {{"sm_90", CG_FP8_OCP}, {"gfx90a", CG_FP8_NONE}, {"gfx942", CG_FP8_FNUZ},
                   {"gfx950", CG_FP8_OCP}, {"gfx1100", CG_FP8_NONE}, {"gfx1201", CG_FP8_OCP}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        diag_init(&d);
        assert_true(cg_target(formats[i].spec, &t, &d));
        assert_int_equal(t.fp8, formats[i].fp8);
        diag_free(&d);
    }
}

/* ---- 5 ---------------------------------------------------------------------------- */

/* The bundle of `src` for the targets (malloc'd bytes), parsed. */
static sn_bundle *bundle_for(const char *src, const char *const *specs, int n)
{
    CgTarget t[8];
    Diag d;
    diag_init(&d);
    for (int i = 0; i < n; i++)
        assert_true(cg_target(specs[i], &t[i], &d));
    Arena *a = arena_new();
    const char *path = "t.sn", *texts[1] = {src};
    SnCompileOptions opt = {.paths = &path, .texts = texts, .npath = 1, .targets = t,
                            .ntarget = n};
    SnCompiled c;
    if (!sn_compile(&opt, SN_STAGE_BUNDLE, NULL, NULL, a, &c, &d)) {
        diag_print(&d, stderr);
        fail_msg("compile failed");
    }
    sn_bundle *b = NULL;
    assert_int_equal(rt_bundle_parse(c.bytes, c.len, &b), SN_OK); /* takes the bytes */
    diag_free(&d);
    arena_free(a);
    return b;
}

static const RtVariant *variant_of(const sn_graph *g, const char *arch)
{
    for (int i = 0; i < g->nvariant; i++)
        if (strcmp(g->variants[i].arch, arch) == 0)
            return &g->variants[i];
    return NULL;
}

static int no_load(const void *image, void **module)
{
    *module = (void *)image;
    return 0;
}
static int no_function(void *module, const char *name, void **fn)
{
    (void)module;
    *fn = (void *)name;
    return 0;
}
static const char *no_describe(int code)
{
    (void)code;
    return "no driver";
}

/* Load g on a HIP device of arch: the arch of the variant taken, or NULL
 * (refused; the message in why). */
static const char *load_on(sn_graph *g, const char *arch, const char **why)
{
    RtDevice dev = {.dialect = SNB_HIP, .version = "none", .sms = 304,
                    .module_load = no_load, .function = no_function, .describe = no_describe};
    snprintf(dev.arch, sizeof dev.arch, "%s", arch);
    g->active = NULL;
    sn_status s = rt_graph_load(g, &dev, "image");
    *why = sn_last_error();
    return s == SN_OK ? g->active->arch : NULL;
}

static const char *const norm =
    "graph g(x: f32[T, 4096], w: f32[4096]) {\n    return rms_norm(x, w)\n}\n";

static void test_wave_variants(void **state)
{
    (void)state;
    sn_bundle *b = bundle_for(norm, TARGETS("hip:gfx942", "hip:gfx1100", "cuda:sm_90",
                                            "hip:gfx950", "hip:gfx90a"));
    sn_graph *g = &b->graphs[0];
    assert_int_equal(g->nvariant, 3); /* HIP wave 64, HIP wave 32, CUDA */
    const RtVariant *cdna = variant_of(g, "gfx942"), *rdna = variant_of(g, "gfx1100"),
                    *cuda = variant_of(g, "sm_90");
    assert_non_null(cdna);
    assert_non_null(rdna);
    assert_non_null(cuda);
    /* a 4096 row: 128 lanes, two 64-lane waves or four 32-lane ones */
    assert_non_null(strstr(cdna->source, "for (int off = 32; off >= 1; off /= 2)"));
    assert_null(strstr(rdna->source, "for (int off = 32; off >= 1; off /= 2)"));
    assert_non_null(strstr(rdna->source, "for (int off = 16; off >= 1; off /= 2)"));
    /* binaries would go to their wave's variant: gfx950 and gfx90a run gfx942's */
    const char *why;
    assert_string_equal(load_on(g, "gfx942", &why), "gfx942");
    assert_string_equal(load_on(g, "gfx950", &why), "gfx942");
    assert_string_equal(load_on(g, "gfx90a", &why), "gfx942");
    assert_string_equal(load_on(g, "gfx1100", &why), "gfx1100");
    assert_string_equal(load_on(g, "gfx1201", &why), "gfx1100");
    /* the CUDA source does not depend on the HIP targets or their order */
    sn_bundle *c = bundle_for(norm, TARGETS("cuda:sm_90"));
    assert_string_equal(c->graphs[0].variants[0].source, cuda->source);
    rt_bundle_free(c);
    rt_bundle_free(b);

    /* only wave-32 HIP kernels: they run on a 64-lane GPU too */
    b = bundle_for(norm, TARGETS("cuda:sm_90", "hip:gfx1100"));
    assert_int_equal(b->graphs[0].nvariant, 2);
    assert_string_equal(load_on(&b->graphs[0], "gfx942", &why), "gfx1100");
    rt_bundle_free(b);
    /* only wave-64 HIP kernels: refused on a 32-lane GPU, saying why */
    b = bundle_for(norm, TARGETS("hip:gfx942"));
    assert_null(load_on(&b->graphs[0], "gfx1100", &why));
    assert_non_null(strstr(why, "64-lane waves (generated for gfx942)"));
    assert_non_null(strstr(why, "--target hip:gfx1100"));
    rt_bundle_free(b);
    assert_int_equal(rt_arch_wave("gfx90a"), 64);
    assert_int_equal(rt_arch_wave("gfx942"), 64);
    assert_int_equal(rt_arch_wave("gfx1100"), 32);
    assert_int_equal(rt_arch_wave("sm_90"), 32);
}

/* Issue 17's wave-64 schedules at the bundle: a row of 64 lanes is one
 * team of one wave on CDNA (no shared memory, no barrier) and two warps on
 * NVIDIA (a shared-memory round trip); the few-rows kernel of short rows
 * (128 bf16) fills a whole wave: 64 lanes on CDNA, twice the rows of a
 * 32-lane block on NVIDIA and RDNA. */
static void test_wave64_teams_and_few_rows(void **state)
{
    (void)state;
    static const char *const sum =
        "graph g(x: f32[T, 1024]) {\n    return sum(x, dim=-1)\n}\n";
    sn_bundle *b = bundle_for(sum, TARGETS("cuda:sm_90", "hip:gfx942"));
    const RtVariant *cdna = variant_of(&b->graphs[0], "gfx942"),
                    *cuda = variant_of(&b->graphs[0], "sm_90");
    assert_non_null(cdna);
    assert_non_null(cuda);
    assert_int_equal(cdna->kernels[0].smem, 0);
    assert_true(cuda->kernels[0].smem > 0);
    assert_null(strstr(cdna->source, "__syncthreads"));
    assert_null(strstr(cdna->source, "__shared__"));
    assert_non_null(strstr(cuda->source, "__syncthreads"));
    rt_bundle_free(b);

    static const char *const short_rows =
        "graph g(x: bf16[T, 32, 128], w: bf16[128]) {\n"
        "    return to(rms_norm(x, w), bf16)\n}\n";
    b = bundle_for(short_rows, TARGETS("cuda:sm_90", "hip:gfx942", "hip:gfx1100"));
    static const struct { const char *arch; int wave; } want[] = {
        {"gfx942", 64}, {"sm_90", 32}, {"gfx1100", 32}};
    int rows[3];
    for (int i = 0; i < 3; i++) {
        const RtVariant *v = variant_of(&b->graphs[0], want[i].arch);
        assert_non_null(v);
        const RtKernel *few = v->kernels[0].few_rows;
        assert_non_null(few);
        assert_int_equal(few->block, want[i].wave);
        rows[i] = few->segs[0].rows_per_block;
    }
    /* the same team per row: a 64-lane wave holds twice the rows */
    assert_true(rows[1] >= 1);
    assert_int_equal(rows[0], 2 * rows[1]);
    assert_int_equal(rows[2], rows[1]);
    rt_bundle_free(b);
}

/* sgl-kernel's in-place QK norm + NeoX RoPE (examples/qk_norm_rope_inplace.sn):
 * a lane's rotation reads its partner half, which another lane writes
 * unless the plan pairs both halves in one lane */
static const char *const qk_norm_rope_inplace =
    "graph g(qkv: bf16[T, 6144], q_w: bf16[128], k_w: bf16[128],\n"
    "        positions: i64[T], cos_sin_cache: f32[40960, 128]) {\n"
    "    q = view(qkv[:, 0:4096], [T, 32, 128])\n"
    "    k = view(qkv[:, 4096:5120], [T, 8, 128])\n"
    "    cs = cos_sin_cache[positions]\n"
    "    cos = unsqueeze(cs[:, 0:64], 1)\n"
    "    sin = unsqueeze(cs[:, 64:128], 1)\n"
    "    q_out = to(rope_neox(rms_norm(q, q_w, eps=1e-6), cos, sin), bf16)\n"
    "    k_out = to(rope_neox(rms_norm(k, k_w, eps=1e-6), cos, sin), bf16)\n"
    "    return q_out -> view(qkv[:, 0:4096], [T, 32, 128]),\n"
    "           k_out -> view(qkv[:, 4096:5120], [T, 8, 128])\n"
    "}\n";

/* A wave's kernels made beside the first target's (driver.c prog_for_wave)
 * keep the in-place rules (pass_check_dests): the 64-lane HIP schedule of
 * a CUDA-first bundle has no few-rows kernel whose lanes read partner
 * halves other lanes write, like a HIP-only bundle's, whose pipeline
 * drops it.  tests/hip_cpu found one: run lane by lane on the CPU it read
 * elements already rotated. */
static void test_wave_variant_in_place(void **state)
{
    (void)state;
    sn_bundle *mixed = bundle_for(qk_norm_rope_inplace, TARGETS("cuda:sm_90", "hip:gfx950"));
    sn_bundle *hip = bundle_for(qk_norm_rope_inplace, TARGETS("hip:gfx950"));
    const RtVariant *m = variant_of(&mixed->graphs[0], "gfx950"),
                    *h = variant_of(&hip->graphs[0], "gfx950");
    assert_non_null(m);
    assert_non_null(h);
    assert_int_equal(m->nkernel, h->nkernel);
    for (int k = 0; k < m->nkernel; k++) {
        assert_null(h->kernels[k].few_rows);
        assert_null(m->kernels[k].few_rows);
    }
    assert_null(strstr(m->source, "_few("));
    rt_bundle_free(mixed);
    rt_bundle_free(hip);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_f8_native),
        cmocka_unit_test(test_f8_param_and_default),
        cmocka_unit_test(test_f8_mixed_refused),
        cmocka_unit_test(test_ocp_store_on_gfx942),
        cmocka_unit_test(test_target_suffix),
        cmocka_unit_test(test_wave_variants),
        cmocka_unit_test(test_wave64_teams_and_few_rows),
        cmocka_unit_test(test_wave_variant_in_place),
    };
    return cmocka_run_group_tests_name("amd", tests, NULL, NULL);
}
