/* test_runtime.c - the runtime on a real GPU, against the reference
 * interpreter.  Exit 77 (meson: skipped) when no GPU is found.
 *   - strided inputs (Q/K read from a QKV buffer with padded rows);
 *   - unaligned inputs (the scalar variant runs) give the same results;
 *   - in place: an output given its alias input's buffer;
 *   - special values: FP8 stores bit-exact, NaN through max/min;
 *   - refused launches: wrong dtype, shape, inner stride, overlap, each an
 *     error naming the argument, nothing launched;
 *   - a launch captured in a CUDA graph, replayed with new input data;
 *   - a graph's first launch inside a (global-mode) capture: its kernel
 *     compiled and loaded during the capture (the lazy JIT), replayed;
 *   - after sn_bundle_prepare (scalar fallbacks left out), a misaligned
 *     launch inside a capture: its fallback loaded during the capture, or
 *     refused with an error that says to call sn_bundle_prepare_all; after
 *     sn_bundle_prepare_all, captured and replayed;
 *   - chains of launches, each reading what the previous one wrote, back to
 *     back on a stream and captured in a graph: with programmatic dependent
 *     launch (the default on sm_90+) and without;
 *   - two processes loading and preparing one bundle into an empty cache
 *     at once: one entry per kernel function.
 * Every comparison is within the output dtype's rounding step. */
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "driver.h"
#include "front.h"
#include "internal.h"
#include "interp.h"
#include "sinter.h"

#include "gpu_test.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Compiled for CUDA and for HIP gfx950 (OCP FP8 like sm_90: `f8` has one
 * meaning). */
static bool compile(const char *path, Compiled *c, Arena *a)
{
    static const char *const targets[] = {"cuda:sm_90", "hip:gfx950"};
    return gpu_compile(path, targets, 2, c, a);
}

static uint64_t rng = 12345;
static float frand(void)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (float)((double)(rng >> 11) * 0x1p-53 * 2 - 1);
}

/* The same generator for ir_fill_scatter_index. */
static uint64_t next_rng(uint64_t *state)
{
    *state = *state * 6364136223846793005ull + 1442695040888963407ull;
    return *state >> 11;
}

static void random_buf(IrBuf *b, DType t, int rank, const int64_t *shape)
{
    ir_buf_alloc(b, t, rank, shape);
    for (int64_t k = 0; k < b->numel; k++)
        b->f[k] = dt_round_float(frand(), t);
}

/* Device copy of a value buffer, rows spaced `row_stride` elements apart
 * (0: dense), at `offset` elements into the allocation. */
static void *upload(const IrBuf *b, int64_t row_stride, int64_t offset, void **base)
{
    int sz = dt_size(b->dtype);
    int64_t cols = b->rank ? b->shape[b->rank - 1] : 1, rows = b->numel / (cols ? cols : 1);
    int64_t stride = row_stride ? row_stride : cols;
    size_t bytes = (size_t)(rows * stride + offset + 8) * (size_t)sz;
    unsigned char *host = calloc(1, bytes);
    for (int64_t r = 0; r < rows; r++)
        for (int64_t c = 0; c < cols; c++)
            dt_store_float(b->f[r * cols + c], b->dtype, host + (offset + r * stride + c) * sz);
    sn_dev_alloc(base, bytes);
    sn_dev_upload(*base, host, bytes);
    free(host);
    return (unsigned char *)*base + offset * sz;
}

static bool same(const IrBuf *want, const void *dev, const char *what)
{
    int sz = dt_size(want->dtype);
    unsigned char *host = malloc((size_t)want->numel * (size_t)sz + 1);
    sn_dev_download(host, dev, (size_t)want->numel * (size_t)sz);
    double rtol = want->dtype == DT_BF16 ? 1.0 / 128 : want->dtype == DT_F32 ? 1e-4 : 1.0 / 8;
    int64_t bad = 0;
    for (int64_t k = 0; k < want->numel; k++) {
        float got = dt_load_float(host + k * sz, want->dtype), w = want->f[k];
        if (!(got == w || fabsf(got - w) <= 1e-6f + (float)rtol * fabsf(w)) &&
            !(got != got && w != w))
            bad++;
    }
    free(host);
    CHECK(bad == 0, "%s: %lld of %lld elements differ", what, (long long)bad,
          (long long)want->numel);
    return bad == 0;
}

/* ------------------------------------------------------- QK norm cases */

static void test_qk_norm(Arena *a)
{
    Compiled c = {0};
    CHECK(compile("examples/qwen3_qk_norm.sn", &c, a), "compile qwen3_qk_norm");
    if (!c.gr)
        return;
    const int64_t T = 333;
    int64_t s_qkv[2] = {T, 6144}, s_w[1] = {128};
    IrBuf in[3], want[2];
    random_buf(&in[0], DT_BF16, 2, s_qkv);
    random_buf(&in[1], DT_BF16, 1, s_w);
    random_buf(&in[2], DT_BF16, 1, s_w);
    int64_t syms[1] = {T};
    Diag d;
    diag_init(&d);
    CHECK(ir_interp(c.g, syms, in, want, &d), "interpreter");
    diag_free(&d);
    void *wq, *wk, *q_out, *k_out;
    void *qw = upload(&in[1], 0, 0, &wq), *kw = upload(&in[2], 0, 0, &wk);
    sn_dev_alloc(&q_out, (size_t)T * 4096 * 2);
    sn_dev_alloc(&k_out, (size_t)T * 1024 * 2);
    int64_t oq[3] = {T, 32, 128}, ok[3] = {T, 8, 128};
    sn_tensor out[2] = {{q_out, SN_BF16, 3, oq, NULL, 0}, {k_out, SN_BF16, 3, ok, NULL, 0}};
    struct { const char *what; int64_t stride, offset; } cases[] = {
        {"dense", 0, 0}, {"strided rows (8192)", 8192, 0}, {"strided and unaligned", 6150, 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        void *base;
        void *qkv = upload(&in[0], cases[i].stride, cases[i].offset, &base);
        int64_t st[2] = {cases[i].stride ? cases[i].stride : 6144, 1};
        sn_tensor tin[3] = {{qkv, SN_BF16, 2, s_qkv, st, 0}, {qw, SN_BF16, 1, s_w, NULL, 0},
                            {kw, SN_BF16, 1, s_w, NULL, 0}};
        sn_dev_fill(q_out, 0, (size_t)T * 4096 * 2);
        sn_status s = sn_launch(c.gr, tin, 3, out, 2, NULL, 0, NULL);
        CHECK(s == SN_OK, "%s: launch: %s", cases[i].what, sn_last_error());
        sn_dev_synchronize();
        same(&want[0], q_out, cases[i].what);
        same(&want[1], k_out, cases[i].what);
        sn_dev_free(base);
    }
    /* host cost of a launch: enqueue many, then wait once */
    {
        void *base2;
        void *qkv2 = upload(&in[0], 0, 0, &base2);
        int64_t st[2] = {6144, 1};
        sn_tensor tin2[3] = {{qkv2, SN_BF16, 2, s_qkv, st, 0}, {qw, SN_BF16, 1, s_w, NULL, 0},
                             {kw, SN_BF16, 1, s_w, NULL, 0}};
        sn_dev_synchronize();
        const int reps = 2000;
        double t0 = now_ms();
        for (int i = 0; i < reps; i++)
            sn_launch(c.gr, tin2, 3, out, 2, NULL, 0, NULL);
        double per = (now_ms() - t0) * 1e3 / reps;
        sn_dev_synchronize();
        /* a measurement, not a check: timing belongs to benchmarks (it
         * read 59 us under compute-sanitizer, about 1-2 us without) */
        printf("host time per sn_launch (qwen3_qk_norm, all checks): %.2f us\n", per);
        sn_dev_free(base2);
    }
    /* refused launches */
    void *base;
    void *qkv = upload(&in[0], 0, 0, &base);
    sn_tensor tin[3] = {{qkv, SN_BF16, 2, s_qkv, NULL, 0}, {qw, SN_BF16, 1, s_w, NULL, 0},
                        {kw, SN_BF16, 1, s_w, NULL, 0}};
    tin[1].dtype = SN_F32;
    CHECK(sn_launch(c.gr, tin, 3, out, 2, NULL, 0, NULL) == SN_ERR_INVALID &&
          strstr(sn_last_error(), "q_w") && strstr(sn_last_error(), "f32"),
          "wrong dtype refused: %s", sn_last_error());
    tin[1].dtype = SN_BF16;
    int64_t bad_shape[2] = {T, 6000};
    tin[0].shape = bad_shape;
    CHECK(sn_launch(c.gr, tin, 3, out, 2, NULL, 0, NULL) == SN_ERR_INVALID &&
          strstr(sn_last_error(), "qkv"), "wrong shape refused: %s", sn_last_error());
    tin[0].shape = s_qkv;
    int64_t col_major[2] = {1, T};
    tin[0].strides = col_major;
    CHECK(sn_launch(c.gr, tin, 3, out, 2, NULL, 0, NULL) == SN_ERR_INVALID &&
          strstr(sn_last_error(), "innermost stride"), "inner stride refused: %s",
          sn_last_error());
    tin[0].strides = NULL;
    sn_tensor overlap[2] = {{qkv, SN_BF16, 3, oq, NULL, 0}, out[1]};
    CHECK(sn_launch(c.gr, tin, 3, overlap, 2, NULL, 0, NULL) == SN_ERR_INVALID &&
          strstr(sn_last_error(), "overlaps"), "overlap refused: %s", sn_last_error());
    sn_dev_free(base);
    sn_dev_free(wq);
    sn_dev_free(wk);
    sn_dev_free(q_out);
    sn_dev_free(k_out);
    compiled_free(&c);
}

/* ------------------------------------------------ cold and warm loads */

static void test_load_times(Arena *a)
{
    static const char *const ex[] = {"qwen3_qk_norm", "gemma_qk_norm", "add_rms_norm_fp8",
                                      "rms_norm_fp8_per_token", "mla_rope_fp8",
                                      "silu_mul_fp8_group", "layer_norm"};
    char dir[] = "/tmp/sinter-loadtime-XXXXXX";
    if (!mkdtemp(dir))
        return;
    setenv("SINTER_CACHE_DIR", dir, 1);
    for (size_t i = 0; i < sizeof ex / sizeof ex[0]; i++) {
        char path[256];
        snprintf(path, sizeof path, "examples/%s.sn", ex[i]);
        Compiled c = {0};
        double t0 = now_ms();
        /* loads once, then every kernel function compiled (prepare): cold */
        bool ok = compile(path, &c, a) && sn_bundle_prepare_all(c.b) == SN_OK;
        double cold = now_ms() - t0;
        sn_bundle *b;
        t0 = now_ms();
        ok = ok && sn_bundle_load_memory(c.bundle, c.len, &b) == SN_OK &&
             sn_bundle_prepare_all(b) == SN_OK; /* every function from the cache */
        double warm = now_ms() - t0;
        CHECK(ok, "load %s", ex[i]);
        CHECK(warm < 5.0, "warm load of %s under 5 ms (%.2f)", ex[i], warm);
        printf("load %-24s cold (compile + JIT + modules, all functions) %8.1f ms, warm %.2f ms\n",
               ex[i], cold, warm);
        if (ok)
            sn_bundle_free(b);
        compiled_free(&c);
    }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        printf("could not remove %s\n", dir);
    unsetenv("SINTER_CACHE_DIR");
}

/* add_rms_norm_fp8 compiled and loaded into c; the input its output h may
 * be written over, or -1 (a failed check) when it cannot be used. */
static int compile_add_rms_in_place(Arena *a, Compiled *c)
{
    CHECK(compile("examples/add_rms_norm_fp8.sn", c, a), "compile add_rms_norm_fp8");
    if (!c->gr)
        return -1;
    int alias = sn_graph_output_alias(c->gr, 1);
    CHECK(alias >= 0, "output h may alias an input");
    return alias;
}

/* add_rms_norm_fp8's host inputs (x, residual, w, scale) on the device, and
 * its arguments with h written over input `alias`; T rows. */
typedef struct {
    int64_t s[2], sw[1];
    void *base[3], *q;
    sn_tensor in[4], out[2];
} AddRmsArgs;

static void add_rms_upload(AddRmsArgs *a, const IrBuf *in, int64_t T, int alias)
{
    a->s[0] = T, a->s[1] = 4096, a->sw[0] = 4096;
    for (int i = 0; i < 3; i++)
        a->in[i] = (sn_tensor){upload(&in[i], 0, 0, &a->base[i]), SN_BF16, i < 2 ? 2 : 1,
                               i < 2 ? a->s : a->sw, NULL, 0};
    a->in[3] = (sn_tensor){NULL, SN_F32, 0, NULL, NULL, in[3].f[0]};
    sn_dev_alloc(&a->q, (size_t)T * 4096);
    a->out[0] = (sn_tensor){a->q, SN_F8E4M3, 2, a->s, NULL, 0};
    a->out[1] = (sn_tensor){a->in[alias].data, SN_BF16, 2, a->s, NULL, 0};
}

static void add_rms_free(AddRmsArgs *a)
{
    for (int i = 0; i < 3; i++)
        sn_dev_free(a->base[i]);
    sn_dev_free(a->q);
}

/* ------------------------------------------------------- in place */

static void test_in_place(Arena *a)
{
    Compiled c = {0};
    int alias = compile_add_rms_in_place(a, &c);
    if (alias < 0)
        return;
    const int64_t T = 77;
    int64_t s[2] = {T, 4096}, sw[1] = {4096};
    IrBuf in[4], want[2];
    random_buf(&in[0], DT_BF16, 2, s);
    random_buf(&in[1], DT_BF16, 2, s);
    random_buf(&in[2], DT_BF16, 1, sw);
    ir_buf_alloc(&in[3], DT_F32, 0, NULL);
    in[3].f[0] = 0.05f;
    int64_t syms[1] = {T};
    Diag d;
    diag_init(&d);
    ir_interp(c.g, syms, in, want, &d);
    diag_free(&d);
    AddRmsArgs args;
    add_rms_upload(&args, in, T, alias);
    sn_status st = sn_launch(c.gr, args.in, 4, args.out, 2, NULL, 0, NULL);
    CHECK(st == SN_OK, "in-place launch: %s", sn_last_error());
    sn_dev_synchronize();
    same(&want[0], args.q, "in place: quantized output");
    same(&want[1], args.in[alias].data, "in place: h written over its input");
    int other = alias == 0 ? 1 : 0;
    sn_tensor bad[2] = {args.out[0], {args.in[other].data, SN_BF16, 2, s, NULL, 0}};
    CHECK(sn_launch(c.gr, args.in, 4, bad, 2, NULL, 0, NULL) == SN_ERR_INVALID,
          "aliasing the other input refused: %s", sn_last_error());
    add_rms_free(&args);
    compiled_free(&c);
}

/* ------------------------------------------- special values, bit exact */

/* FP8 stores (one-value and four-value encoders, saturating or not, on
 * sm_89+ the hardware path with its fix-ups) and bf16 ones (a value
 * rounded at its store; a rounding read back as f32) equal the host
 * conversion bit for bit, NaN signs
 * included; max/min reductions propagate NaN.  Special
 * values sit at random places, so most four-value groups mix them with
 * ordinary values. */
static void special_values_at(Arena *a, int64_t T);

/* Both kernels of the graph: at T=512 the grid is small enough for the
 * few-rows one, at 4096 the many-rows one. */
static void test_special_values(Arena *a)
{
    special_values_at(a, 512);
    special_values_at(a, 4096);
}

static void special_values_at(Arena *a, int64_t T)
{
    Compiled c = {0};
    CHECK(compile("tests/gpu/special_f8.sn", &c, a), "compile special_f8");
    if (!c.gr)
        return;
    static const float special[] = {
        NAN, -NAN, INFINITY, -INFINITY, 0.0f, -0.0f, 448.0f, -448.0f, 464.0f, -464.0f,
        464.00003f, -464.00003f, 465.0f, 480.0f, -480.0f, 57344.0f, -57344.0f, 61439.996f,
        61440.0f, -61440.0f, 65536.0f, 1e30f, -1e30f, 1e-30f, 0x1p-9f, 0x1p-10f, 0x1.8p-10f,
        0x1p-16f, 0x1p-17f, 0x1.8p-17f, 3.4e38f, -3.4e38f};
    const int nspec = (int)(sizeof special / sizeof special[0]);
    int64_t s[2] = {T, 64};
    IrBuf in;
    ir_buf_alloc(&in, DT_F32, 2, s);
    for (int64_t k = 0; k < in.numel; k++) {
        float m = 1.0f + (frand() + 1.0f) / 2.0f; /* [1, 2) */
        int e = (int)((frand() + 1.0f) * 26.0f) - 30; /* 2^-30 .. 2^22 */
        in.f[k] = (frand() < 0 ? -1.0f : 1.0f) * ldexpf(m, e);
    }
    for (int64_t r = 0; r < T; r++) /* rows 0, 4, 8, ...: one special value each */
        if (r % 4 == 0)
            in.f[r * 64 + (int64_t)((frand() + 1.0f) * 31.99f)] = special[(r / 4) % nspec];
    for (int i = 0; i < nspec; i++) /* row T-1: all of them in a row */
        in.f[(T - 1) * 64 + i] = special[i];
    int64_t syms[1] = {T};
    IrBuf want[8];
    Diag d;
    diag_init(&d);
    CHECK(ir_interp(c.g, syms, &in, want, &d), "interpreter");
    diag_free(&d);
    void *bx;
    void *x = upload(&in, 0, 0, &bx);
    void *o[8];
    sn_tensor out[8];
    int64_t s1[1] = {T};
    static const sn_dtype ot[8] = {SN_F8E4M3, SN_F8E4M3, SN_F8E5M2, SN_F8E5M2,
                                   SN_F32,    SN_F32,    SN_BF16,   SN_F32};
    for (int i = 0; i < 8; i++) {
        sn_dev_alloc(&o[i], (size_t)T * 64 * 4);
        bool row = i == 4 || i == 5;
        out[i] = (sn_tensor){o[i], ot[i], row ? 1 : 2, row ? s1 : s, NULL, 0};
    }
    sn_tensor tin[1] = {{x, SN_F32, 2, s, NULL, 0}};
    sn_status st = sn_launch(c.gr, tin, 1, out, 8, NULL, 0, NULL);
    CHECK(st == SN_OK, "special values launch: %s", sn_last_error());
    sn_dev_synchronize();
    unsigned char *host = malloc((size_t)T * 64);
    for (int i = 0; i < 4; i++) {
        sn_dev_download(host, o[i], (size_t)T * 64);
        int64_t bad = 0, first = -1;
        for (int64_t k = 0; k < T * 64; k++)
            if (host[k] != dt_f32_to_f8(want[i].f[k], want[i].dtype) && bad++ == 0)
                first = k;
        CHECK(bad == 0, "f8 output %d: %lld codes differ from the host conversion (first: "
              "x = %a gives 0x%02x, want 0x%02x)", i, (long long)bad, (double)in.f[first > 0 ? first : 0],
              first >= 0 ? host[first] : 0,
              first >= 0 ? dt_f32_to_f8(want[i].f[first], want[i].dtype) : 0);
    }
    same(&want[4], o[4], "amax with NaN and infinities");
    same(&want[5], o[5], "amin with NaN and infinities");
    unsigned short *h16 = malloc((size_t)T * 64 * 2);
    sn_dev_download(h16, o[6], (size_t)T * 64 * 2);
    int64_t bad16 = 0, first16 = -1;
    for (int64_t k = 0; k < T * 64; k++)
        if (h16[k] != dt_f32_to_bf16(want[6].f[k]) && bad16++ == 0)
            first16 = k;
    CHECK(bad16 == 0, "bf16 output: %lld codes differ from the host conversion (first: x = %a "
          "gives 0x%04x, want 0x%04x)", (long long)bad16,
          (double)in.f[first16 > 0 ? first16 : 0], first16 >= 0 ? h16[first16] : 0,
          first16 >= 0 ? dt_f32_to_bf16(want[6].f[first16]) : 0);
    free(h16);
    unsigned *h32 = malloc((size_t)T * 64 * 4);
    sn_dev_download(h32, o[7], (size_t)T * 64 * 4);
    int64_t bad32 = 0;
    for (int64_t k = 0; k < T * 64; k++) {
        unsigned w;
        memcpy(&w, &want[7].f[k], 4);
        bad32 += h32[k] != w;
    }
    CHECK(bad32 == 0, "bf16 roundings read back as f32: %lld differ in their bits",
          (long long)bad32);
    free(h32);
    free(host);
    for (int i = 0; i < 8; i++)
        sn_dev_free(o[i]);
    sn_dev_free(bx);
    compiled_free(&c);
}

/* ------------------------------------------------- CUDA graph capture */

/* rms_norm_fp8_per_token at T = 64, as the capture tests launch it. */
typedef struct {
    Compiled c;
    int64_t s[2], sw[1], ss[2], syms[1];
    IrBuf in[2];
    void *bx, *bw, *q, *sc;
    sn_tensor tin[2], out[2];
} PerToken;

/* p compiled, random inputs on the host (in) and the device, room for the
 * outputs q and scales; false when it does not compile (a failed check). */
static bool per_token(Arena *a, PerToken *p)
{
    const int64_t T = 64;
    memset(p, 0, sizeof *p);
    CHECK(compile("examples/rms_norm_fp8_per_token.sn", &p->c, a), "compile per-token");
    if (!p->c.gr)
        return false;
    memcpy(p->s, (int64_t[]){T, 4096}, sizeof p->s);
    p->sw[0] = 4096;
    memcpy(p->ss, (int64_t[]){T, 1}, sizeof p->ss);
    p->syms[0] = T;
    random_buf(&p->in[0], DT_BF16, 2, p->s);
    random_buf(&p->in[1], DT_BF16, 1, p->sw);
    void *x = upload(&p->in[0], 0, 0, &p->bx), *w = upload(&p->in[1], 0, 0, &p->bw);
    sn_dev_alloc(&p->q, (size_t)T * 4096);
    sn_dev_alloc(&p->sc, (size_t)T * 4);
    p->tin[0] = (sn_tensor){x, SN_BF16, 2, p->s, NULL, 0};
    p->tin[1] = (sn_tensor){w, SN_BF16, 1, p->sw, NULL, 0};
    p->out[0] = (sn_tensor){p->q, SN_F8E4M3, 2, p->s, NULL, 0};
    p->out[1] = (sn_tensor){p->sc, SN_F32, 2, p->ss, NULL, 0};
    return true;
}

/* The interpreter on p's host inputs against the device's outputs. */
static void per_token_same(PerToken *p, const char *what)
{
    IrBuf want[2];
    char w[128];
    Diag d;
    diag_init(&d);
    ir_interp(p->c.g, p->syms, p->in, want, &d);
    diag_free(&d);
    snprintf(w, sizeof w, "%s: q", what);
    same(&want[0], p->q, w);
    snprintf(w, sizeof w, "%s: scales", what);
    same(&want[1], p->sc, w);
    ir_buf_free(&want[0]);
    ir_buf_free(&want[1]);
}

static void per_token_free(PerToken *p)
{
    ir_buf_free(&p->in[0]);
    ir_buf_free(&p->in[1]);
    sn_dev_free(p->bx);
    sn_dev_free(p->bw);
    sn_dev_free(p->q);
    sn_dev_free(p->sc);
    compiled_free(&p->c);
}

static void test_graph_capture(Arena *a)
{
    CudaCalls cu;
    PerToken p;
    if (!cuda_calls(&cu, "graph capture") || !per_token(a, &p))
        return;
    void *stream, *graph, *exec;
    cu.stream_create(&stream, 1);
    sn_launch(p.c.gr, p.tin, 2, p.out, 2, NULL, 0, stream); /* load everything before capture */
    cu.ssync(stream);
    int rc = cu.begin(stream, 2 /* relaxed */);
    sn_status st = sn_launch(p.c.gr, p.tin, 2, p.out, 2, NULL, 0, stream);
    int rc2 = cu.end(stream, &graph);
    CHECK(rc == 0 && st == SN_OK && rc2 == 0, "capture (rc %d, launch %s, end %d)", rc,
          sn_last_error(), rc2);
    CHECK(cu.inst(&exec, graph, 0) == 0, "instantiate the graph");
    for (int round = 0; round < 2; round++) { /* replay with new data each time */
        for (int64_t k = 0; k < p.in[0].numel; k++)
            p.in[0].f[k] = dt_round_float(frand() * (float)(round + 1), DT_BF16);
        void *nb;
        void *nx = upload(&p.in[0], 0, 0, &nb);
        sn_dev_copy(p.tin[0].data, nx, (size_t)p.in[0].numel * 2, NULL);
        sn_dev_synchronize();
        sn_dev_free(nb);
        CHECK(cu.glaunch(exec, stream) == 0 && cu.ssync(stream) == 0, "graph replay");
        per_token_same(&p, "graph replay");
    }
    per_token_free(&p);
}

/* ------------------------------- in-place and scatter graphs, captured */

/* Fresh inputs for c's graph at syms: floats random (scales 0.05), an
 * integer vector distinct rows of the scatter it indexes, with every fifth
 * -1 and every seventh past the end (skipped rows), or small gather indices. */
static void in_place_inputs(const IrGraph *g, const int64_t *syms, IrBuf *in)
{
    for (int i = 0; i < g->nparam; i++) {
        const IrNode *p = g->params[i];
        int64_t shape[IR_MAX_RANK];
        for (int k = 0; k < p->rank; k++)
            shape[k] = dim_eval(p->shape[k], syms);
        ir_buf_alloc(&in[i], p->dtype, p->rank, shape);
        if (dt_is_float(p->dtype)) {
            for (int64_t k = 0; k < in[i].numel; k++)
                in[i].f[k] = p->rank ? dt_round_float(frand(), p->dtype) : 0.05f;
            continue;
        }
        int64_t rows = ir_scatter_rows(g, p, syms);
        if (!rows) { /* a gather index (positions): small valid rows */
            for (int64_t k = 0; k < in[i].numel; k++)
                in[i].i[k] = k * 7 % 16;
            continue;
        }
        ir_fill_scatter_index(&in[i], rows, next_rng, &rng);
    }
}

/* Values of b into device buffer dev (storage form: floats encoded,
 * integers as their dtype's bytes). */
static void put_values(const IrBuf *b, void *dev)
{
    int sz = dt_size(b->dtype);
    unsigned char *host = calloc((size_t)(b->numel ? b->numel : 1), (size_t)sz);
    for (int64_t k = 0; k < b->numel; k++) {
        if (dt_is_float(b->dtype))
            dt_store_float(b->f[k], b->dtype, host + k * sz);
        else if (sz == 8)
            memcpy(host + k * sz, &b->i[k], 8);
        else {
            int32_t v = (int32_t)b->i[k];
            memcpy(host + k * sz, &v, (size_t)sz);
        }
    }
    sn_dev_upload(dev, host, (size_t)b->numel * (size_t)sz);
    free(host);
}

/* An in-place graph (a residual updated in place, a KV cache scattered
 * into) captured in a CUDA graph and replayed with new data, slots
 * included: the parameters it writes against the interpreter each time. */
static void capture_in_place(Arena *a, const CudaCalls *cu, const char *path, int64_t T)
{
    Compiled c = {0};
    CHECK(compile(path, &c, a), "compile %s", path);
    if (!c.gr)
        return;
    const IrGraph *g = c.g;
    int64_t syms[4] = {T, (T + 15) / 16 + 3, 1, 1}, shapes[16][IR_MAX_RANK];
    IrBuf in[16], want[16];
    void *dev[16] = {0};
    sn_tensor tin[16];
    CHECK(g->nparam <= 16 && g->nout <= 16, "%s: parameters fit the test", path);
    in_place_inputs(g, syms, in);
    for (int i = 0; i < g->nparam; i++) {
        memcpy(shapes[i], in[i].shape, sizeof shapes[i]);
        size_t bytes = (size_t)in[i].numel * (size_t)dt_size(in[i].dtype);
        if (in[i].rank)
            sn_dev_alloc(&dev[i], bytes + 256);
        tin[i] = (sn_tensor){dev[i], (sn_dtype)in[i].dtype, in[i].rank, shapes[i], NULL,
                             in[i].rank ? 0 : in[i].f[0]};
    }
    void *stream, *graph, *exec;
    cu->stream_create(&stream, 1);
    sn_launch(c.gr, tin, g->nparam, NULL, 0, NULL, 0, stream); /* load before capture */
    cu->ssync(stream);
    int rc = cu->begin(stream, 2 /* relaxed */);
    sn_status st = sn_launch(c.gr, tin, g->nparam, NULL, 0, NULL, 0, stream);
    int rc2 = cu->end(stream, &graph);
    CHECK(rc == 0 && st == SN_OK && rc2 == 0, "%s: capture (rc %d, launch %s, end %d)", path, rc,
          sn_last_error(), rc2);
    CHECK(cu->inst(&exec, graph, 0) == 0, "%s: instantiate the graph", path);
    for (int round = 0; round < 2; round++) { /* new data, new slots, each replay */
        if (round)
            for (int i = 0; i < g->nparam; i++)
                ir_buf_free(&in[i]);
        if (round)
            in_place_inputs(g, syms, in);
        for (int i = 0; i < g->nparam; i++)
            if (in[i].rank)
                put_values(&in[i], dev[i]);
        sn_dev_synchronize();
        Diag d;
        diag_init(&d);
        CHECK(ir_interp(g, syms, in, want, &d), "%s: interpreter", path);
        diag_free(&d);
        CHECK(cu->glaunch(exec, stream) == 0 && cu->ssync(stream) == 0, "%s: replay", path);
        for (int o = 0; o < g->nout; o++) {
            char what[256];
            snprintf(what, sizeof what, "%s T=%lld replay %d: %s", path, (long long)T, round,
                     ir_output_dest(g, o) ? g->params[ir_output_dest(g, o)->param]->a.input.name
                                          : "a new output");
            if (ir_output_dest(g, o))
                same(&want[o], dev[ir_output_dest(g, o)->param], what);
            ir_buf_free(&want[o]);
        }
    }
    for (int i = 0; i < g->nparam; i++) {
        ir_buf_free(&in[i]);
        sn_dev_free(dev[i]);
    }
    compiled_free(&c);
}

static void test_capture_in_place(Arena *a)
{
    CudaCalls cu;
    if (!cuda_calls(&cu, "in-place graph capture"))
        return;
    for (int64_t T = 1; T <= 4096; T *= 64) {
        capture_in_place(a, &cu, "examples/fused_add_rms_norm_inplace.sn", T);
        capture_in_place(a, &cu, "examples/reshape_and_cache_fp8.sn", T);
        capture_in_place(a, &cu, "examples/rope_inplace.sn", T);
    }
}

/* A graph's first launch inside a capture (global mode, as PyTorch
 * captures): the lazy JIT compiles and loads the function during the
 * capture (a driver may refuse module loads then: this checks it), and the
 * replayed graph computes what the interpreter does.  Then
 * sn_bundle_prepare loads the rest. */
static void test_lazy_capture(Arena *a)
{
    CudaCalls cu;
    if (!cuda_calls(&cu, "lazy capture"))
        return;
    char dir[] = "/tmp/sinter-lazycap-XXXXXX";
    if (!mkdtemp(dir))
        return;
    setenv("SINTER_CACHE_DIR", dir, 1); /* empty: the launch compiles */
    PerToken p;
    if (!per_token(a, &p))
        return;
    void *stream, *graph = NULL, *exec = NULL;
    cu.stream_create(&stream, 1);
    double t0 = now_ms();
    int rc = cu.begin(stream, 0 /* global */);
    sn_status st = sn_launch(p.c.gr, p.tin, 2, p.out, 2, NULL, 0, stream);
    int rc2 = cu.end(stream, &graph);
    double ms = now_ms() - t0;
    CHECK(rc == 0 && st == SN_OK && rc2 == 0, "first launch compiled during a capture (rc %d, "
          "launch %s, end %d)", rc, sn_last_error(), rc2);
    printf("lazy capture: first launch with its compile inside the capture %.1f ms\n", ms);
    if (rc2 == 0 && graph) {
        CHECK(cu.inst(&exec, graph, 0) == 0, "instantiate the lazily captured graph");
        CHECK(exec && cu.glaunch(exec, stream) == 0 && cu.ssync(stream) == 0, "replay");
        per_token_same(&p, "lazy capture");
    }
    t0 = now_ms();
    CHECK(sn_bundle_prepare(p.c.b) == SN_OK, "prepare the rest: %s", sn_last_error());
    printf("lazy capture: sn_bundle_prepare of the other functions %.1f ms\n", now_ms() - t0);
    per_token_free(&p);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        printf("could not remove %s\n", dir);
}

/* One launch of p with its x input one element off its alignment (the
 * scalar fallback runs) inside a global-mode capture, then replayed.  SN_OK
 * and the replay checked; else the launch's status (the capture ended). */
static sn_status misaligned_capture(const CudaCalls *cu, PerToken *p, const char *what)
{
    void *base, *stream, *graph = NULL, *exec = NULL;
    sn_tensor tin[2] = {p->tin[0], p->tin[1]};
    tin[0].data = upload(&p->in[0], 0, 1, &base);
    cu->stream_create(&stream, 1);
    int rc = cu->begin(stream, 0 /* global */);
    sn_status st = sn_launch(p->c.gr, tin, 2, p->out, 2, NULL, 0, stream);
    int rc2 = cu->end(stream, &graph);
    if (st == SN_OK) {
        CHECK(rc == 0 && rc2 == 0 && graph, "%s: capture (rc %d, end %d)", what, rc, rc2);
        if (rc2 == 0 && graph) {
            CHECK(cu->inst(&exec, graph, 0) == 0, "%s: instantiate", what);
            CHECK(exec && cu->glaunch(exec, stream) == 0 && cu->ssync(stream) == 0, "%s: replay",
                  what);
            per_token_same(p, what);
        }
    }
    sn_dev_free(base);
    return st;
}

/* After sn_bundle_prepare, which leaves the scalar fallbacks to the
 * launch that needs one, a misaligned launch inside a capture compiles its
 * fallback and loads its module during the capture: a driver may refuse
 * that, and then the error must say to call sn_bundle_prepare_all (which
 * this checks, printing which happened).  After sn_bundle_prepare_all
 * (a new bundle: nothing loaded yet) the same capture always works. */
static void test_fallback_capture(Arena *a)
{
    CudaCalls cu;
    if (!cuda_calls(&cu, "fallback capture"))
        return;
    char dir[] = "/tmp/sinter-fbcap-XXXXXX";
    if (!mkdtemp(dir))
        return;
    setenv("SINTER_CACHE_DIR", dir, 1);
    PerToken p;
    if (!per_token(a, &p))
        return;
    CHECK(sn_bundle_prepare(p.c.b) == SN_OK, "prepare: %s", sn_last_error());
    sn_status st = misaligned_capture(&cu, &p, "fallback loaded during a capture");
    CHECK(st == SN_OK || strstr(sn_last_error(), "sn_bundle_prepare_all"),
          "a refused fallback's error says to call sn_bundle_prepare_all: %s", sn_last_error());
    printf("fallback capture: a misaligned launch after sn_bundle_prepare inside a capture: %s\n",
           st == SN_OK ? "its fallback compiled and loaded during the capture" : sn_last_error());
    per_token_free(&p);
    PerToken q;
    if (!per_token(a, &q))
        return;
    CHECK(sn_bundle_prepare_all(q.c.b) == SN_OK, "prepare_all: %s", sn_last_error());
    st = misaligned_capture(&cu, &q, "fallback prepared before the capture");
    CHECK(st == SN_OK, "a misaligned launch in a capture after sn_bundle_prepare_all: %s",
          sn_last_error());
    per_token_free(&q);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        printf("could not remove %s\n", dir);
}

/* ------------------------------------ chains of dependent launches */

/* `n` in-place launches of add_rms_norm_fp8 (c) on a stream, or captured
 * into one graph and replayed once: each reads h = x + residual that the
 * previous launch wrote over x.  Under PDL a launch's blocks may start
 * while the previous grid runs; if any read or write came before the grid
 * wait, x would be read stale or h written out of order.  in: the inputs;
 * want: the interpreter's outputs after n steps. */
static void pdl_chain(const CudaCalls *cu, Compiled *c, const IrBuf *in, const IrBuf *want,
                      int64_t T, int n, bool pdl, bool graph)
{
    sn_graph_set_pdl(c->gr, pdl);
    int alias = sn_graph_output_alias(c->gr, 1);
    void *stream, *g, *exec;
    AddRmsArgs args;
    add_rms_upload(&args, in, T, alias);
    cu->stream_create(&stream, 1);
    sn_status st = SN_OK;
    int rc = 0;
    if (graph)
        rc = cu->begin(stream, 2 /* relaxed */);
    for (int i = 0; i < n && st == SN_OK; i++)
        st = sn_launch(c->gr, args.in, 4, args.out, 2, NULL, 0, stream);
    if (graph) {
        rc |= cu->end(stream, &g);
        rc |= cu->inst(&exec, g, 0);
        rc |= cu->glaunch(exec, stream);
    }
    rc |= cu->ssync(stream);
    char what[128];
    snprintf(what, sizeof what, "chain of %d (T=%lld, PDL %s, %s)", n, (long long)T,
             pdl ? "on" : "off", graph ? "graph" : "stream");
    CHECK(st == SN_OK && rc == 0, "%s: %s, driver %d", what, sn_last_error(), rc);
    size_t len = strlen(what);
    snprintf(what + len, sizeof what - len, ": h");
    same(&want[1], args.in[alias].data, what);
    snprintf(what + len, sizeof what - len, ": quantized");
    same(&want[0], args.q, what);
    add_rms_free(&args);
}

/* T=1 and T=8: the few-rows kernel, one block per row, where the launch
 * latency PDL hides is most of a launch's time; T=2048: the many-rows one.
 * Each with PDL and without, on a stream and in a graph. */
static void test_launch_chains(Arena *a)
{
    CudaCalls cu;
    if (!cuda_calls(&cu, "launch chains"))
        return;
    Compiled c = {0};
    int alias = compile_add_rms_in_place(a, &c);
    if (alias < 0)
        return;
    /* the PDL cases below test PDL only where the runtime uses it: on
     * sm_90+ (with a 12.3+ driver, as every machine here has) it must */
    const RtDevice *dev = rt_device();
    int major = dev && !strncmp(dev->arch, "sm_", 3) ? atoi(dev->arch + 3) / 10 : 0;
    if (major >= 9 && !getenv("SINTER_PDL"))
        CHECK(dev->pdl, "PDL available on %s (%s)", dev->arch, dev->version);
    printf("launch chains on %s (%s): PDL %s\n", dev ? dev->arch : "?",
           dev ? dev->version : "?", dev && dev->pdl ? "available" : "not available");
    static const struct { int64_t T; int n; } cases[] = {{1, 64}, {8, 64}, {2048, 8}};
    for (int t = 0; t < 3; t++) {
        int64_t T = cases[t].T, s[2] = {T, 4096}, sw[1] = {4096}, syms[1] = {T};
        int n = cases[t].n;
        IrBuf in[4], step[4], want[2];
        random_buf(&in[0], DT_BF16, 2, s);
        random_buf(&in[1], DT_BF16, 2, s);
        for (int64_t k = 0; k < in[1].numel; k++) /* small steps: values stay in range */
            in[1].f[k] = dt_round_float(in[1].f[k] / 16, DT_BF16);
        random_buf(&in[2], DT_BF16, 1, sw);
        ir_buf_alloc(&in[3], DT_F32, 0, NULL);
        in[3].f[0] = 0.05f;
        memcpy(step, in, sizeof step);
        Diag d;
        diag_init(&d);
        for (int i = 0; i < n; i++) { /* x <- h, as the launches do in place */
            ir_interp(c.g, syms, step, want, &d);
            if (i > 0) /* step 0's x is in[alias], freed below */
                ir_buf_free(&step[alias]);
            step[alias] = want[1];
            if (i + 1 < n)
                ir_buf_free(&want[0]);
        }
        CHECK(d.nerrors == 0, "interpreter");
        diag_free(&d);
        want[1] = step[alias];
        for (int pdl = 1; pdl >= 0; pdl--)
            for (int graph = 0; graph < 2; graph++)
                pdl_chain(&cu, &c, in, want, T, n, pdl, graph);
        for (int i = 0; i < 4; i++)
            ir_buf_free(&in[i]);
        ir_buf_free(&want[0]);
        ir_buf_free(&want[1]);
    }
    sn_graph_set_pdl(c.gr, 1);
    compiled_free(&c);
}

/* ------------------------------------------ two processes, one cache */


static const char *self_path;

/* Child mode: load a bundle file in a fresh process (CUDA does not survive
 * fork, so the children exec this program again). */
static int load_child(const char *path)
{
    sn_bundle *b;
    sn_status s = sn_bundle_load_file(path, &b);
    if (s == SN_OK) /* a load compiles nothing: every function now */
        s = sn_bundle_prepare_all(b);
    if (s != SN_OK)
        fprintf(stderr, "child: %s\n", sn_last_error());
    sn_bundle_free(b);
    return s == SN_OK ? 0 : 1;
}

static void test_concurrent_cache(Arena *a)
{
    Compiled c = {0};
    CHECK(compile("examples/layer_norm.sn", &c, a), "compile layer_norm");
    if (!c.gr)
        return;
    char dir[] = "/tmp/sinter-cache-XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "temp dir");
    setenv("SINTER_CACHE_DIR", dir, 1);
    char path[512];
    snprintf(path, sizeof path, "%s.snb", dir);
    FILE *bf = fopen(path, "wb");
    CHECK(bf && fwrite(c.bundle, 1, c.len, bf) == c.len && fclose(bf) == 0, "write bundle");
    fflush(stdout);
    pid_t kids[2];
    for (int i = 0; i < 2; i++)
        if ((kids[i] = fork()) == 0) {
            execl(self_path, self_path, "--load", path, (char *)NULL);
            _exit(2);
        }
    for (int i = 0; i < 2; i++) {
        int st = 0;
        waitpid(kids[i], &st, 0);
        CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "process %d loaded the bundle", i);
    }
    char cmd[256];
    snprintf(cmd, sizeof cmd, "ls %s | grep -c '\\.bin$'", dir);
    FILE *p = popen(cmd, "r");
    int entries = 0;
    if (p && fscanf(p, "%d", &entries) != 1)
        entries = -1;
    if (p)
        pclose(p);
    int functions = 0; /* one entry per kernel function */
    for (int k = 0; k < c.gr->active->nkernel; k++)
        for (const RtKernel *kn = &c.gr->active->kernels[k]; kn; kn = kn->few_rows)
            functions += 1 + (kn->scalar_name[0] != 0);
    CHECK(entries == functions, "one cache entry per function (%d), no temporaries left (%d)",
          functions, entries);
    double t0 = now_ms();
    sn_bundle *b;
    CHECK(sn_bundle_load_memory(c.bundle, c.len, &b) == SN_OK && sn_bundle_prepare(b) == SN_OK,
          "warm load: %s", sn_last_error());
    double warm = now_ms() - t0;
    printf("warm load of layer_norm from the cache: %.2f ms\n", warm);
    sn_bundle_free(b);
    unlink(path);
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        printf("could not remove %s\n", dir);
    compiled_free(&c);
}

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[1], "--load") == 0)
        return load_child(argv[2]);
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    self[n > 0 ? n : 0] = 0;
    self_path = self;
    char arch[64], name[256];
    int rc = gpu_start(argc, argv, arch, sizeof arch, name, sizeof name);
    if (rc)
        return rc;
    printf("device %s (%s)\n", name, arch);
    Arena *a = arena_new();
    test_qk_norm(a);
    test_load_times(a);
    test_in_place(a);
    test_special_values(a);
    test_graph_capture(a);
    test_capture_in_place(a);
    test_lazy_capture(a);
    test_fallback_capture(a);
    test_launch_chains(a);
    test_concurrent_cache(a);
    arena_free(a);
    printf("gpu-runtime: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
