/* test_frontend.c - cmocka tests for the front end (compiler/: lexer,
 * parser, lowering, built-ins, layout, standard library).
 *
 * Each test compiles source text held in memory (front_source +
 * front_compile) and asserts on the graph IR it builds (ops, dtypes, shapes
 * as ir_type_str prints them, view index maps as ix_print prints them,
 * outputs) or on the diagnostics (count, line:col, text).  Every graph built
 * is run through ir_verify.  Covers: the LANGUAGE.md example; every built-in
 * and standard-library function, with keyword arguments, defaults and
 * dtype=; NumPy broadcasting with constants, scalars and symbols; dtype
 * promotion (PyTorch's rules, weak literals, rank-0 tensors); every layout
 * op and indexing form; reshape with -1 and symbolic dims; def inlining,
 * tuples, shadowing; several graphs with an error each; the printed
 * diagnostic format; and regressions for front-end bugs found here. */
#define _GNU_SOURCE /* open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "front.h"

/* ---- harness -------------------------------------------------------------- */

static Arena *arena;
static Diag diag;
static IrModule *mod;

static int setup(void **state)
{
    (void)state;
    arena = arena_new();
    diag_init(&diag);
    mod = NULL;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    diag_free(&diag);
    arena_free(arena);
    return 0;
}

static void verify_ok(const IrGraph *g)
{
    Diag vd;
    diag_init(&vd);
    bool ok = ir_verify(g, &vd);
    if (!ok)
        diag_print(&vd, stderr);
    diag_free(&vd);
    assert_true(ok);
}

/* Compile src (diagnostics start afresh); every graph built must verify. */
static IrModule *compile(const char *src)
{
    diag_free(&diag);
    SrcFile *f = front_source(arena, "t.sn", src, strlen(src));
    mod = front_compile(f, arena, &diag);
    assert_non_null(mod);
    for (int i = 0; i < mod->ngraph; i++)
        verify_ok(mod->graphs[i]);
    return mod;
}

/* src must compile without errors into exactly one graph. */
static IrGraph *ok(const char *src)
{
    compile(src);
    if (diag.nerrors) {
        fprintf(stderr, "unexpected errors in:\n%s\n", src);
        diag_print(&diag, stderr);
    }
    assert_int_equal(diag.nerrors, 0);
    assert_int_equal(mod->ngraph, 1);
    return mod->graphs[0];
}

/* The i-th error message (notes skipped), or NULL. */
static const DiagMsg *nth_error(int i)
{
    for (const DiagMsg *m = diag.head; m; m = m->next)
        if (m->level == DIAG_ERROR && i-- == 0)
            return m;
    return NULL;
}

static void expect_msg(const DiagMsg *m, int line, int col, const char *text)
{
    assert_non_null(m);
    if (m->span.line != line || m->span.col != col || !strstr(m->text, text)) {
        fprintf(stderr, "expected %d:%d: ...%s...\n", line, col, text);
        diag_print(&diag, stderr);
    }
    assert_non_null(m->span.file);
    assert_int_equal(m->span.line, line);
    assert_int_equal(m->span.col, col);
    assert_non_null(strstr(m->text, text));
}

/* src must fail; its first error is at line:col and contains text. */
static void err(const char *src, int line, int col, const char *text)
{
    compile(src);
    if (!diag.nerrors)
        fprintf(stderr, "expected an error in:\n%s\n", src);
    assert_true(diag.nerrors >= 1);
    expect_msg(nth_error(0), line, col, text);
}

/* A one-graph source: params and a body of statements. */
static const char *graph_src(const char *params, const char *body)
{
    size_t n = strlen(params) + strlen(body) + 64;
    char *s = arena_alloc(arena, n);
    snprintf(s, n, "graph g(%s) {\n%s\n}\n", params, body);
    return s;
}

/* "graph g(params) {\n    return expr\n}": expr is on line 2 from column 12. */
static IrGraph *ret_ok(const char *params, const char *expr)
{
    char body[2048];
    snprintf(body, sizeof body, "    return %s", expr);
    return ok(graph_src(params, body));
}

static void ret_err(const char *params, const char *expr, int col, const char *text)
{
    char body[2048];
    snprintf(body, sizeof body, "    return %s", expr);
    err(graph_src(params, body), 2, col, text);
}

static const char *ty(const IrGraph *g, const IrNode *n)
{
    static char bufs[8][256];
    static int k;
    k = (k + 1) % 8;
    return ir_type_str(g, n, bufs[k], sizeof bufs[k]);
}

static const char *out_ty(const IrGraph *g, int i)
{
    assert_true(i < g->nout);
    return ty(g, g->outs[i]);
}

/* A view's map: the source index of each input dim, comma-separated. */
static const char *vmap(const IrGraph *g, const IrNode *n)
{
    static char buf[1024];
    assert_int_equal(n->op, IR_VIEW);
    buf[0] = 0;
    for (int i = 0; i < n->in[0]->rank; i++) {
        char e[256];
        ix_print(n->a.view.src[i], g->syms, e, sizeof e);
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? ", " : "", e);
    }
    return buf;
}

static int count_op(const IrGraph *g, IrOp op)
{
    int n = 0;
    for (int i = 0; i < g->nodes.len; i++)
        n += ((IrNode *)g->nodes.items[i])->op == op;
    return n;
}

static int count_unary(const IrGraph *g, IrUnary k)
{
    int n = 0;
    for (int i = 0; i < g->nodes.len; i++) {
        const IrNode *x = g->nodes.items[i];
        n += x->op == IR_UNARY && x->a.unary == k;
    }
    return n;
}

static int count_binary(const IrGraph *g, IrBinary k)
{
    int n = 0;
    for (int i = 0; i < g->nodes.len; i++) {
        const IrNode *x = g->nodes.items[i];
        n += x->op == IR_BINARY && x->a.binary == k;
    }
    return n;
}

static bool has_const(const IrGraph *g, double v)
{
    for (int i = 0; i < g->nodes.len; i++) {
        const IrNode *x = g->nodes.items[i];
        if (x->op == IR_CONST && (dt_is_float(x->dtype) ? x->a.cnst.f == v : x->a.cnst.i == v))
            return true;
    }
    return false;
}

static const char *printed(const IrGraph *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ir_print_graph(g, f);
    fclose(f);
    char *s = arena_strdup(arena, buf);
    free(buf);
    return s;
}

/* The outermost non-view node under n (views are index maps). */
static const IrNode *through_views(const IrNode *n)
{
    while (n->op == IR_VIEW)
        n = n->in[0];
    return n;
}

/* ---- the contract's own example ------------------------------------------- */

static const char language_md_example[] =
    "# Qwen3 attention prologue: per-head RMSNorm of Q and K, read straight\n"
    "# out of the fused QKV projection (no copy of the strided views).\n"
    "graph qwen3_qk_norm(qkv: bf16[T, 5120], q_w: bf16[128], k_w: bf16[128]) {\n"
    "    q, k, v = split(qkv, [4096, 512, 512], dim=-1)\n"
    "    q_out = rms_norm(view(q, [T, 32, 128]), q_w, eps=1e-6)\n"
    "    k_out = rms_norm(view(k, [T, 4, 128]), k_w, eps=1e-6)\n"
    "    return q_out, k_out\n"
    "}\n"
    "\n"
    "# User functions are inlined; the standard library is written this way too.\n"
    "def gemma_rms_norm(x, w, eps) {\n"
    "    return rms_norm(x, w + 1.0, eps)\n"
    "}\n"
    "\n"
    "graph add_rms_norm_fp8(x: bf16[T, 4096], residual: bf16[T, 4096],\n"
    "                       w: bf16[4096], scale: f32[]) {\n"
    "    h = to(x + residual, bf16)                 # explicit rounding, as eager does\n"
    "    y = rms_norm(h, w, eps=1e-5)\n"
    "    return quant_fp8(y, scale), h              # two outputs, one kernel\n"
    "}\n";

static void test_language_md_example(void **state)
{
    (void)state;
    compile(language_md_example);
    assert_int_equal(diag.nerrors, 0);
    assert_int_equal(mod->ngraph, 2);
    const IrGraph *g = mod->graphs[0];
    assert_string_equal(g->name, "qwen3_qk_norm");
    assert_int_equal(g->nparam, 3);
    assert_int_equal(g->nsym, 1);
    assert_string_equal(g->syms[0], "T");
    assert_int_equal(g->nout, 2);
    assert_string_equal(out_ty(g, 0), "bf16[T, 32, 128]");
    assert_string_equal(out_ty(g, 1), "bf16[T, 4, 128]");
    assert_string_equal(g->out_names[0], "q_out");
    assert_string_equal(g->out_names[1], "k_out");
    /* q and k are strided views of qkv, not copies */
    assert_int_equal(count_op(g, IR_CAST), 0);
    assert_string_equal(vmap(g, g->nodes.items[3]), "v0, v1");
    assert_string_equal(vmap(g, g->nodes.items[4]), "v0, (v1 + 4096)");
    assert_string_equal(vmap(g, g->nodes.items[5]), "v0, (v1 + 4608)");
    assert_int_equal(count_op(g, IR_REDUCE), 2);

    g = mod->graphs[1];
    assert_string_equal(g->name, "add_rms_norm_fp8");
    assert_int_equal(g->nparam, 4);
    assert_string_equal(ty(g, g->params[3]), "f32[]");
    assert_int_equal(g->nout, 2);
    assert_string_equal(out_ty(g, 0), "f8e4m3[T, 4096]");
    assert_string_equal(out_ty(g, 1), "bf16[T, 4096]");
    assert_null(g->out_names[0]);
    assert_string_equal(g->out_names[1], "h");
    assert_int_equal(g->outs[1]->op, IR_CAST); /* to(x + residual, bf16) rounds */
    assert_int_equal(g->outs[0]->op, IR_CAST);
    assert_true(has_const(g, 448.0));
    assert_true(has_const(g, -448.0));
}

/* ---- built-in functions ----------------------------------------------------- */

static void test_unary_builtins(void **state)
{
    (void)state;
    static const char *const names[] = {"abs", "exp", "exp2", "log", "log2", "sqrt", "rsqrt",
                                        "sin", "cos", "tanh", "sigmoid", "erf", "floor", "ceil",
                                        "round"};
    for (int i = 0; i < 15; i++) {
        IrUnary k = (IrUnary)(UN_ABS + i);
        char expr[64];
        assert_string_equal(ir_unary_name(k), names[i]);
        snprintf(expr, sizeof expr, "%s(x)", names[i]);
        IrGraph *g = ret_ok("x: bf16[T, 8]", expr);
        assert_int_equal(g->outs[0]->op, IR_UNARY);
        assert_int_equal(g->outs[0]->a.unary, k);
        assert_ptr_equal(g->outs[0]->in[0], g->params[0]);
        assert_string_equal(out_ty(g, 0), "bf16[T, 8]");
        /* keyword form */
        snprintf(expr, sizeof expr, "%s(x=x)", names[i]);
        g = ret_ok("x: bf16[T, 8]", expr);
        assert_int_equal(g->outs[0]->a.unary, k);
        /* integers: abs stays integral, rounding is the identity, math is f32 */
        snprintf(expr, sizeof expr, "%s(i)", names[i]);
        g = ret_ok("i: i32[8]", expr);
        if (k == UN_FLOOR || k == UN_CEIL || k == UN_ROUND) {
            assert_ptr_equal(g->outs[0], g->params[0]);
        } else if (k == UN_ABS) {
            assert_string_equal(out_ty(g, 0), "i32[8]");
        } else {
            assert_string_equal(out_ty(g, 0), "f32[8]");
            assert_int_equal(g->outs[0]->in[0]->op, IR_CAST);
        }
        snprintf(expr, sizeof expr, "%s(b)", names[i]);
        ret_err("b: bool[8]", expr, 12 + (int)strlen(names[i]) + 1, "of a bool tensor");
    }
    /* a literal operand becomes a rank-0 tensor */
    IrGraph *g = ret_ok("x: f32[4]", "exp(1.0)");
    assert_string_equal(out_ty(g, 0), "f32[]");
    ret_err("x: f32[4]", "exp()", 12, "missing argument 'x' in the call to 'exp'");
    ret_err("x: f32[4]", "exp(x, x)", 19, "too many arguments to 'exp' (it takes at most 1)");
    ret_err("x: f32[4]", "exp([x])", 16, "expected a tensor or a number, got a list");
}

static void test_max_min(void **state)
{
    (void)state;
    const char *p = "x: bf16[T, 8], y: bf16[T, 8]";
    IrGraph *g = ret_ok(p, "max(x, y), min(x, y), max(x, 0.0), min(0.5, x)");
    assert_int_equal(g->nout, 4);
    assert_int_equal(g->outs[0]->a.binary, BIN_MAX);
    assert_int_equal(g->outs[1]->a.binary, BIN_MIN);
    assert_int_equal(g->outs[2]->a.binary, BIN_MAX);
    assert_int_equal(g->outs[2]->in[1]->op, IR_CONST);
    assert_string_equal(out_ty(g, 3), "bf16[T, 8]");
    /* an integer second argument is a dim, as in torch.max(x, 1) */
    g = ret_ok(p, "max(x, 1), min(x, dim=0, keepdim=true), max(x), amax(x, -2), amin(x, [0, 1])");
    assert_int_equal(count_op(g, IR_REDUCE), 5);
    assert_int_equal(g->outs[0]->a.reduce.kind, RED_MAX);
    assert_string_equal(out_ty(g, 0), "bf16[T]");
    assert_int_equal(g->outs[1]->a.reduce.kind, RED_MIN);
    assert_string_equal(out_ty(g, 1), "bf16[1, 8]");
    assert_true(g->outs[1]->a.reduce.keepdim);
    assert_int_equal(g->outs[2]->a.reduce.axes, 2u); /* default: the last dim */
    assert_int_equal(g->outs[3]->a.reduce.axes, 1u);
    assert_string_equal(out_ty(g, 3), "bf16[8]");
    assert_int_equal(g->outs[4]->a.reduce.axes, 3u);
    assert_string_equal(out_ty(g, 4), "bf16[]");
    g = ret_ok(p, "max(x, other=y)");
    assert_int_equal(g->outs[0]->a.binary, BIN_MAX);
    ret_err(p, "max(x, y, dim=0)", 12, "'max' of two values takes no dim or keepdim");
    ret_err(p, "max(x, 1, dim=0)", 26, "dim of 'max' given twice");
    ret_err(p, "min(x, dim=5)", 23, "dim 5 is out of range for a tensor of rank 2 (expected -2..1)");
}

static void test_pow_clamp_where_to(void **state)
{
    (void)state;
    const char *p = "x: bf16[T, 8], c: bool[T, 8], i: i32[8]";
    IrGraph *g = ret_ok(p, "pow(x, 2.0), pow(2.0, x), pow(x, exponent=x), pow(i, 2), pow(2, 3)");
    assert_int_equal(count_binary(g, BIN_POW), 5);
    assert_string_equal(out_ty(g, 0), "bf16[T, 8]");
    assert_int_equal(g->outs[1]->in[0]->op, IR_CONST);
    assert_string_equal(out_ty(g, 3), "f32[8]"); /* true power on integers */
    assert_string_equal(out_ty(g, 4), "f32[]");

    g = ret_ok(p, "clamp(x, 0.0, 6.0), clamp(x, min=-1.0, max=1.0), clamp(i, 0, 5)");
    assert_int_equal(g->outs[0]->a.binary, BIN_MIN);
    assert_int_equal(g->outs[0]->in[0]->a.binary, BIN_MAX);
    assert_string_equal(out_ty(g, 0), "bf16[T, 8]");
    assert_string_equal(out_ty(g, 2), "i32[8]");
    ret_err(p, "clamp(x, 0.0)", 12, "missing argument 'max' in the call to 'clamp'");

    g = ret_ok(p, "where(c, x, 0.0), where(x > 1.0, x, -x), where(condition=c, x=1.0, y=2), "
                  "where(c, i, 1.5), where(true, i, i)");
    assert_int_equal(count_op(g, IR_WHERE), 5);
    assert_string_equal(out_ty(g, 0), "bf16[T, 8]");
    assert_string_equal(out_ty(g, 2), "f32[T, 8]");
    assert_string_equal(out_ty(g, 3), "f32[T, 8]");
    assert_string_equal(out_ty(g, 4), "i32[8]");
    ret_err(p, "where(x, x, x)", 18, "the condition of 'where' must be bool, got bf16[T, 8]");
    ret_err(p, "where(1, x, x)", 18, "the condition of 'where' must be bool, got i64[]");

    g = ret_ok(p, "to(x, f8e4m3), to(x, dtype=f16), to(i, bool), to(c, f32), to(1.5, i32)");
    for (int k = 0; k < 5; k++)
        assert_int_equal(g->outs[k]->op, IR_CAST);
    assert_string_equal(out_ty(g, 0), "f8e4m3[T, 8]");
    assert_string_equal(out_ty(g, 1), "f16[T, 8]");
    assert_string_equal(out_ty(g, 2), "bool[8]");
    assert_string_equal(out_ty(g, 3), "f32[T, 8]");
    assert_string_equal(out_ty(g, 4), "i32[]");
    /* every storage dtype is accepted by to() and as a parameter type */
    static const char *const dts[] = {"f32", "f16", "bf16", "f8e4m3", "f8e4m3fnuz",
                                      "f8e5m2", "f8e5m2fnuz", "i8", "i32", "i64", "bool",
                                      "f8e8m0", "f4e2m1"};
    for (int k = 0; k < 13; k++) {
        char params[64], expr[64], want[64];
        snprintf(params, sizeof params, "x: %s[4]", dts[k]);
        snprintf(expr, sizeof expr, "to(x, %s)", dts[k]);
        snprintf(want, sizeof want, "%s[4]", dts[k]);
        g = ret_ok(params, expr);
        assert_string_equal(out_ty(g, 0), want);
    }
    ret_err(p, "to(x, 3)", 18, "expected a dtype (such as bf16), got an integer");
    ret_err(p, "to(x, bf17)", 18, "unknown name 'bf17'");
    /* the floor scale: a cast of pow2_floor; integers convert to f32 first */
    g = ret_ok(p, "to(x, f8e8m0, floor=true), to(i, f8e8m0, floor=true), to(x, f8e8m0, floor=false)");
    assert_string_equal(out_ty(g, 0), "f8e8m0[T, 8]");
    assert_int_equal(g->outs[0]->op, IR_CAST);
    assert_int_equal(g->outs[0]->in[0]->op, IR_UNARY);
    assert_int_equal(g->outs[0]->in[0]->a.unary, UN_POW2_FLOOR);
    assert_int_equal(g->outs[1]->in[0]->in[0]->op, IR_CAST);
    assert_int_equal(g->outs[1]->in[0]->in[0]->dtype, DT_F32);
    assert_int_equal(g->outs[2]->in[0]->op, IR_INPUT);
    assert_int_equal(count_op(g, IR_UNARY), 2);
    ret_err(p, "to(x, f8e4m3, floor=true)", 32, "floor=true rounds to f8e8m0 only, not f8e4m3");
}

static void test_reductions(void **state)
{
    (void)state;
    const char *p = "x: bf16[T, 8, 16], i: i32[8], b: bool[8]";
    IrGraph *g = ret_ok(p, "sum(x), mean(x, dim=1), amax(x, dim=[0, -1]), amin(x, 0, true), "
                           "sum(x, keepdim=true, dim=-2), mean(x, [0, 1, 2])");
    const char *want[] = {"bf16[T, 8]", "bf16[T, 16]", "bf16[8]", "bf16[1, 8, 16]",
                          "bf16[T, 1, 16]", "bf16[]"};
    IrReduce kinds[] = {RED_SUM, RED_MEAN, RED_MAX, RED_MIN, RED_SUM, RED_MEAN};
    for (int k = 0; k < 6; k++) {
        assert_int_equal(g->outs[k]->op, IR_REDUCE);
        assert_int_equal(g->outs[k]->a.reduce.kind, kinds[k]);
        assert_string_equal(out_ty(g, k), want[k]);
    }
    assert_int_equal(g->outs[2]->a.reduce.axes, 5u);
    g = ret_ok(p, "sum(i), sum(b), amax(i), amax(b)");
    assert_string_equal(out_ty(g, 0), "i64[]");
    assert_string_equal(out_ty(g, 1), "i64[]");
    assert_string_equal(out_ty(g, 2), "i32[]");
    assert_string_equal(out_ty(g, 3), "bool[]");
    ret_err(p, "mean(i)", 12, "'mean' of i32[8]; convert with to(x, f32) first");
    ret_err(p, "sum(x, dim=[0, 0])", 27, "dim 0 appears twice");
    ret_err(p, "sum(x, dim=[])", 23, "dim must be an integer or a non-empty list of integers");
    ret_err(p, "sum(x, dim=3)", 23, "dim 3 is out of range for a tensor of rank 3 (expected -3..2)");
    ret_err(p, "sum(x, dim=-4)", 23, "dim -4 is out of range");
    ret_err(p, "sum(x, keepdim=1)", 27, "expected true or false, got an integer");
    ret_err(p, "sum(1.0)", 16, "the operand of a reduction must be a tensor, not a number");
    ret_err("s: f32[]", "sum(s)", 12, "cannot reduce a rank-0 tensor");
}

/* ---- keyword arguments and argument binding --------------------------------- */

static void test_keyword_arguments(void **state)
{
    (void)state;
    const char *p = "x: bf16[T, 12]";
    IrGraph *g = ret_ok(p, "transpose(x, dim1=0, dim0=1), slice(x, dim=1, start=2, end=5), "
                           "view(x=x, shape=[T, 3, 4]), unsqueeze(x, dim=0), "
                           "squeeze(view(x, [T, 1, 12]), dim=1), flatten(x, start_dim=0, end_dim=1), "
                           "unflatten(x, dim=1, sizes=[3, 4]), expand(x, shape=[2, T, 12]), "
                           "permute(x, dims=[1, 0]), reshape(x, shape=[-1])");
    const char *want[] = {"bf16[12, T]",    "bf16[T, 3]",     "bf16[T, 3, 4]", "bf16[1, T, 12]",
                          "bf16[T, 12]",    "bf16[12*T]",     "bf16[T, 3, 4]", "bf16[2, T, 12]",
                          "bf16[12, T]",    "bf16[12*T]"};
    assert_int_equal(g->nout, 10);
    for (int k = 0; k < 10; k++)
        assert_string_equal(out_ty(g, k), want[k]);
    g = ret_ok(p, "split(x, sizes=[4, 8], dim=-1), chunk(x, chunks=3, dim=1), "
                  "cat(tensors=[x, x], dim=0), stack(tensors=[x], dim=-1)");
    assert_int_equal(g->nout, 7);
    assert_string_equal(out_ty(g, 5), "bf16[2*T, 12]");
    assert_string_equal(out_ty(g, 6), "bf16[T, 12, 1]");

    ret_err(p, "sum(x, axis=0)", 19, "'sum' has no parameter named 'axis'");
    ret_err(p, "sum(x, dim=0, dim=1)", 26, "argument 'dim' of 'sum' given twice");
    ret_err(p, "sum(x, x=x)", 19, "argument 'x' of 'sum' given twice");
    ret_err(p, "sum(dim=0, x)", 23, "positional argument after a keyword argument");
    ret_err(p, "transpose(x, 0)", 12, "missing argument 'dim1' in the call to 'transpose'");
    ret_err(p, "slice(x, 0, 1, 2, 3)", 30, "too many arguments to 'slice' (it takes at most 4)");
    ret_err(p, "rms_norm(x, x, 1e-6, eps=1e-5)", 33, "argument 'eps' of 'rms_norm' given twice");
    ret_err(p, "[x, y=x]", 16, "a list item cannot have a name");
}

/* ---- the standard library ---------------------------------------------------- */

static const char std_params[] =
    "x: bf16[T, 256], w: bf16[256], wf: f32[256], b: bf16[256], s: f32[], "
    "c: f32[T, 128], sn: f32[T, 128], xf: f32[T, 256]";

static void test_stdlib_norms(void **state)
{
    (void)state;
    IrGraph *g = ret_ok(std_params, "rms_norm(x, w), rms_norm(x, w, eps=1e-5), rms_norm(x, w, 1e-3)");
    for (int k = 0; k < 3; k++) {
        assert_string_equal(out_ty(g, k), "bf16[T, 256]");
        assert_int_equal(g->outs[k]->a.binary, BIN_MUL); /* same dtypes: no rounding */
    }
    assert_int_equal(count_unary(g, UN_RSQRT), 3);
    assert_int_equal(count_op(g, IR_REDUCE), 3);
    assert_true(has_const(g, (double)(float)1e-6));
    assert_true(has_const(g, (double)(float)1e-5));
    assert_true(has_const(g, (double)(float)1e-3));
    /* bf16 x with f32 w: computed in f32 and relabelled x's dtype, unrounded */
    g = ret_ok(std_params, "rms_norm(x, wf)");
    assert_string_equal(out_ty(g, 0), "bf16[T, 256]");
    assert_int_equal(g->outs[0]->op, IR_BINARY);
    assert_string_equal(ty(g, g->outs[0]->in[1]), "f32[T, 256]");
    assert_int_equal(count_op(g, IR_CAST), 0);
    /* HF's form rounds x * rsqrt(...) to x's dtype, then the product to its
     * promoted dtype (f32 for an f32 w: no cast) */
    g = ret_ok(std_params, "rms_norm_hf(x, w), rms_norm_hf(x, wf), gemma_rms_norm_hf(x, wf)");
    assert_string_equal(out_ty(g, 0), "bf16[T, 256]");
    assert_string_equal(out_ty(g, 1), "f32[T, 256]");
    assert_string_equal(out_ty(g, 2), "bf16[T, 256]");
    assert_int_equal(g->outs[0]->op, IR_CAST);
    assert_int_equal(g->outs[0]->in[0]->a.binary, BIN_MUL);
    assert_int_equal(g->outs[0]->in[0]->in[0]->op, IR_CAST);
    assert_int_equal(g->outs[1]->a.binary, BIN_MUL);
    assert_int_equal(g->outs[1]->in[0]->op, IR_CAST);
    assert_int_equal(g->outs[2]->op, IR_CAST);
    assert_string_equal(ty(g, g->outs[2]->in[0]), "f32[T, 256]");
    assert_int_equal(count_op(g, IR_CAST), 4);
    g = ret_ok(std_params, "rms_norm(xf, w)");
    assert_string_equal(out_ty(g, 0), "f32[T, 256]");

    g = ret_ok(std_params, "gemma_rms_norm(x, w), gemma_rms_norm(x, w, eps=1e-5)");
    assert_string_equal(out_ty(g, 0), "bf16[T, 256]");
    assert_int_equal(count_binary(g, BIN_ADD), 4); /* + eps and w + 1, twice */
    assert_true(has_const(g, 1.0));

    g = ret_ok(std_params, "layer_norm(x, w, b), layer_norm(x, w, b, eps=1e-6), "
                           "layer_norm(xf, w=w, b=b)");
    assert_string_equal(out_ty(g, 0), "bf16[T, 256]");
    assert_string_equal(out_ty(g, 2), "f32[T, 256]");
    assert_int_equal(count_op(g, IR_REDUCE), 6); /* mean and variance, three times */
    assert_true(has_const(g, (double)(float)1e-5));
    assert_true(has_const(g, (double)(float)1e-6));

    ret_err(std_params, "rms_norm(x)", 12, "missing argument 'w' in the call to 'rms_norm'");
    ret_err(std_params, "rms_norm(x, c)", 12,
            "shapes do not broadcast in '*': bf16[T, 256] vs f32[T, 128] (dim -1: 256 vs 128) "
            "(in standard library function 'rms_norm')");
    ret_err(std_params, "layer_norm(x, w, eps=1e-5)", 12,
            "missing argument 'b' in the call to 'layer_norm'");
}

static void test_stdlib_activations(void **state)
{
    (void)state;
    IrGraph *g = ret_ok(std_params, "silu(x), gelu(x), gelu_tanh(x), silu_mul(x), gelu_mul(x)");
    assert_string_equal(out_ty(g, 0), "bf16[T, 256]");
    assert_string_equal(out_ty(g, 1), "bf16[T, 256]");
    assert_string_equal(out_ty(g, 2), "bf16[T, 256]");
    assert_string_equal(out_ty(g, 3), "bf16[T, 128]"); /* halves the last dim */
    assert_string_equal(out_ty(g, 4), "bf16[T, 128]");
    assert_int_equal(count_unary(g, UN_SIGMOID), 2);
    assert_int_equal(count_unary(g, UN_ERF), 2);
    assert_int_equal(count_unary(g, UN_TANH), 1);
    assert_true(has_const(g, (double)(float)0.7071067811865476));
    assert_true(has_const(g, (double)(float)0.044715));
    /* silu_mul: silu of the first half times the second half */
    const IrNode *mul = g->outs[3];
    assert_int_equal(mul->a.binary, BIN_MUL);
    assert_string_equal(vmap(g, mul->in[1]), "v0, (v1 + 128)");

    g = ret_ok(std_params, "softmax(x), softmax(x, dim=0), softmax(xf, 0)");
    assert_string_equal(out_ty(g, 0), "bf16[T, 256]");
    assert_int_equal(g->outs[0]->a.binary, BIN_DIV);
    assert_int_equal(count_unary(g, UN_EXP), 3);
    assert_int_equal(count_op(g, IR_REDUCE), 6);
    const IrNode *r = through_views(g->outs[1]->in[1]);
    assert_int_equal(r->op, IR_REDUCE);
    assert_int_equal(r->a.reduce.axes, 1u);
    /* an odd last dim: halves of 128 and 127 */
    ret_err("x: bf16[T, 255]", "silu_mul(x)", 12,
            "shapes do not broadcast in '*': bf16[T, 128] vs bf16[T, 127]");
}

static void test_stdlib_rope(void **state)
{
    (void)state;
    IrGraph *g = ret_ok(std_params, "rope_neox(x, c, sn), rope_gptj(x, c, sn)");
    assert_string_equal(out_ty(g, 0), "bf16[T, 256]");
    assert_string_equal(out_ty(g, 1), "bf16[T, 256]");
    /* f32 cos/sin promote; each rotated half is relabelled bf16, unrounded */
    assert_int_equal(g->outs[0]->op, IR_CAT);
    assert_int_equal(g->outs[0]->in[0]->op, IR_BINARY);
    assert_string_equal(ty(g, g->outs[0]->in[0]->in[0]), "f32[T, 128]");
    assert_int_equal(count_op(g, IR_CAST), 0);
    assert_int_equal(count_op(g, IR_CAT), 2);
    /* integer x: no relabel crosses classes, the f32 rotation stays f32 */
    g = ret_ok("n: i32[T, 256], c: f32[T, 128], sn: f32[T, 128]", "rope_neox(n, c, sn)");
    assert_string_equal(out_ty(g, 0), "f32[T, 256]");
    g = ret_ok(std_params, "rope_neox(x, c, sn), rope_gptj(x, c, sn)");
    /* gptj: interleaved pairs are picked by views of [T, 128, 2] */
    bool pair0 = false, pair1 = false;
    for (int i = 0; i < g->nodes.len; i++) {
        const IrNode *n = g->nodes.items[i];
        if (n->op == IR_VIEW && n->in[0]->rank == 3 && n->in[0]->shape[2].coef == 2) {
            pair0 |= strcmp(vmap(g, n), "v0, v1, 0") == 0;
            pair1 |= strcmp(vmap(g, n), "v0, v1, 1") == 0;
        }
    }
    assert_true(pair0 && pair1);
    /* cos/sin with one angle per pair broadcast over heads */
    g = ret_ok("q: bf16[T, 8, 64], c: f32[T, 1, 32], s: f32[T, 1, 32]",
               "rope_neox(q, c, s), rope_gptj(q, cos=c, sin=s)");
    assert_string_equal(out_ty(g, 0), "bf16[T, 8, 64]");
    assert_string_equal(out_ty(g, 1), "bf16[T, 8, 64]");
    ret_err(std_params, "rope_neox(x, xf, xf)", 12, "shapes do not broadcast in '*'");
}

static void test_stdlib_quant(void **state)
{
    (void)state;
    IrGraph *g = ret_ok(std_params, "quant_fp8(x, s), quant_fp8(x, s, dtype=f8e4m3fnuz), "
                                    "quant_fp8(x, scale=s, dtype=f8e5m2), quant_fp8(x, s, f8e5m2fnuz)");
    assert_string_equal(out_ty(g, 0), "f8e4m3[T, 256]");
    assert_string_equal(out_ty(g, 1), "f8e4m3fnuz[T, 256]");
    assert_string_equal(out_ty(g, 2), "f8e5m2[T, 256]");
    assert_string_equal(out_ty(g, 3), "f8e5m2fnuz[T, 256]");
    assert_true(has_const(g, 448.0));
    assert_true(has_const(g, 240.0));
    assert_true(has_const(g, 57344.0));
    assert_int_equal(count_binary(g, BIN_DIV), 4);

    g = ret_ok(std_params, "quant_fp8_per_token(x), quant_fp8_per_token(x, eps=1e-6, dtype=f8e4m3fnuz)");
    assert_int_equal(g->nout, 4);
    assert_string_equal(out_ty(g, 0), "f8e4m3[T, 256]");
    assert_string_equal(out_ty(g, 1), "f32[T, 1]");
    assert_string_equal(out_ty(g, 2), "f8e4m3fnuz[T, 256]");
    assert_string_equal(out_ty(g, 3), "f32[T, 1]");
    assert_true(has_const(g, (double)(float)1e-10));
    assert_true(has_const(g, (double)(float)1e-6));

    g = ret_ok(std_params, "quant_fp8_per_group(x), quant_fp8_per_group(x, 64, dtype=f8e5m2), "
                           "quant_fp8_per_group(x, group=32, eps=1e-4)");
    assert_int_equal(g->nout, 6);
    assert_string_equal(out_ty(g, 0), "f8e4m3[T, 256]");
    assert_string_equal(out_ty(g, 1), "f32[T, 2]");
    assert_string_equal(out_ty(g, 2), "f8e5m2[T, 256]");
    assert_string_equal(out_ty(g, 3), "f32[T, 4]");
    assert_string_equal(out_ty(g, 5), "f32[T, 8]");

    g = ret_ok(std_params, "quant_int8(x, s), quant_int8(x, s, dtype=i8), quant_int8_per_token(x), "
                           "quant_int8_per_token(x, eps=1e-6, dtype=i8)");
    assert_int_equal(g->nout, 6);
    assert_string_equal(out_ty(g, 0), "i8[T, 256]");
    assert_string_equal(out_ty(g, 1), "i8[T, 256]");
    assert_string_equal(out_ty(g, 2), "i8[T, 256]");
    assert_string_equal(out_ty(g, 3), "f32[T, 1]");
    assert_int_equal(count_unary(g, UN_ROUND), 4); /* half to even before the clamp */
    assert_true(has_const(g, 127.0) && has_const(g, -127.0));

    /* the dtype must belong to the function's family (no silent truncation) */
    ret_err(std_params, "quant_fp8(x, s, dtype=i8)", 12,
            "the quantized dtype must be an f8 type");
    ret_err(std_params, "quant_fp8_per_token(x, dtype=bf16)", 12,
            "the quantized dtype must be an f8 type (f8e4m3 f8e4m3fnuz f8e5m2 f8e5m2fnuz), got bf16 "
            "(in standard library function 'quant_fp8_per_token')");
    ret_err(std_params, "quant_int8(x, s, dtype=f8e4m3)", 12,
            "the quantized dtype must be i8, got f8e4m3");
    ret_err(std_params, "quant_fp8(x, s, dtype=3)", 12, "expected a dtype (such as bf16)");
    ret_err(std_params, "quant_fp8_per_group(x, 96)", 12,
            "unflatten: dim 1 of size 256 does not divide by 96");
}

static void test_internal_helpers_refused(void **state)
{
    (void)state;
    ret_err("x: f32[4]", "x * _fmax(f8e4m3)", 16, "'_fmax' is internal to the standard library");
    ret_err("x: f32[4]", "_retype(x, x)", 12, "'_retype' is internal to the standard library");
    ret_err("x: f32[4]", "x * _imax(i8)", 16, "'_imax' is internal to the standard library");
    /* a user def may use the prefix */
    IrGraph *g = ok("def _half(x) { return x * 0.5 }\n"
                    "graph g(x: f32[4]) {\n    return _half(x)\n}\n");
    assert_int_equal(g->outs[0]->a.binary, BIN_MUL);
}

/* ---- broadcasting -------------------------------------------------------------- */

static void test_broadcasting(void **state)
{
    (void)state;
    IrGraph *g = ret_ok("x: bf16[T, 4096], w: bf16[4096]", "x * w");
    assert_string_equal(out_ty(g, 0), "bf16[T, 4096]");
    assert_ptr_equal(g->outs[0]->in[0], g->params[0]);
    assert_string_equal(vmap(g, g->outs[0]->in[1]), "v1");

    g = ret_ok("a: f32[4, 1], b: f32[1, 3]", "a + b");
    assert_string_equal(out_ty(g, 0), "f32[4, 3]");
    assert_string_equal(vmap(g, g->outs[0]->in[0]), "v0, 0");
    assert_string_equal(vmap(g, g->outs[0]->in[1]), "0, v1");

    g = ret_ok("a: f32[T, 1], b: f32[B, 1, 8]", "a - b");
    assert_string_equal(out_ty(g, 0), "f32[B, T, 8]");
    assert_string_equal(vmap(g, g->outs[0]->in[0]), "v1, 0");
    assert_string_equal(vmap(g, g->outs[0]->in[1]), "v0, 0, v2");

    /* rank-0 tensors and literals broadcast to anything */
    g = ret_ok("x: bf16[T, 8], s: f32[]", "x * s, s * 2.0, x + 1");
    assert_string_equal(out_ty(g, 0), "bf16[T, 8]");
    assert_string_equal(vmap(g, g->outs[0]->in[1]), "");
    assert_string_equal(out_ty(g, 1), "f32[]");
    assert_int_equal(g->outs[2]->in[1]->op, IR_CONST);
    assert_string_equal(ty(g, g->outs[2]->in[1]), "bf16[T, 8]");

    /* symbols: equal symbols match, 1 broadcasts against a symbol */
    g = ret_ok("a: f32[T, 1, H], b: f32[1, 8, H]", "a * b");
    assert_string_equal(out_ty(g, 0), "f32[T, 8, H]");
    /* where broadcasts all three operands */
    g = ret_ok("c: bool[T, 1], a: f32[8], b: f32[]", "where(c, a, b)");
    assert_string_equal(out_ty(g, 0), "f32[T, 8]");

    ret_err("x: bf16[T, 4096], y: bf16[T, 512]", "x + y", 14,
            "shapes do not broadcast in '+': bf16[T, 4096] vs bf16[T, 512] (dim -1: 4096 vs 512)");
    ret_err("x: bf16[T, 8], y: bf16[B, 8]", "x * y", 14,
            "shapes do not broadcast in '*': bf16[T, 8] vs bf16[B, 8] (dim -2: T vs B)");
    ret_err("x: f32[T, 8], y: f32[8, T]", "x < y", 14, "f32[T, 8] vs f32[8, T] (dim -2: T vs 8)");
    ret_err("c: bool[3], a: f32[4], b: f32[4]", "where(c, a, b)", 12,
            "shapes do not broadcast in 'where': bool[3] vs f32[4]");
    ret_err("x: f32[4], y: f32[5]", "max(x, y)", 12, "shapes do not broadcast in 'max'");
}

/* ---- dtype promotion -------------------------------------------------------------- */

static void test_dtype_promotion(void **state)
{
    (void)state;
    const char *p = "x: bf16[4], y: f32[4], h: f16[4], i: i32[4], k: i8[4], l: i64[4], "
                    "b: bool[4], e: f8e4m3[4], m: f8e5m2[4], s: f32[], si: i64[], sh: f16[]";
    struct {
        const char *expr, *type;
    } cases[] = {
        {"x + y", "f32[4]"},       {"x + h", "f32[4]"},     {"h + h", "f16[4]"},
        {"x + x", "bf16[4]"},      {"i + y", "f32[4]"},     {"i + 1.5", "f32[4]"},
        {"i + 1", "i32[4]"},       {"x * 2", "bf16[4]"},    {"x * 2.5", "bf16[4]"},
        {"k + i", "i32[4]"},       {"k + l", "i64[4]"},     {"b + 1", "i64[4]"},
        {"b + 1.5", "f32[4]"},     {"b + i", "i32[4]"},     {"e + m", "f32[4]"},
        {"e + x", "bf16[4]"},      {"e * 2.0", "f8e4m3[4]"}, {"i / 2", "f32[4]"},
        {"x / 2", "bf16[4]"},      {"i < 2", "bool[4]"},    {"x == y", "bool[4]"},
        {"b == b", "bool[4]"},     {"b != true", "bool[4]"}, {"b && b", "bool[4]"},
        {"b || !b", "bool[4]"},    {"-i", "i32[4]"},        {"-x", "bf16[4]"},
        /* rank-0 tensors count only where their category is higher (PyTorch) */
        {"x * s", "bf16[4]"},      {"i * s", "f32[4]"},     {"i + sh", "f16[4]"},
        {"k + si", "i8[4]"},       {"s * sh", "f32[]"},     {"x + s + 1.0", "bf16[4]"},
        {"b + si", "i64[4]"},      {"x * exp(1.0)", "bf16[4]"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        IrGraph *g = ret_ok(p, cases[c].expr);
        if (strcmp(out_ty(g, 0), cases[c].type) != 0)
            fprintf(stderr, "%s: %s, expected %s\n", cases[c].expr, out_ty(g, 0), cases[c].type);
        assert_string_equal(out_ty(g, 0), cases[c].type);
    }
    /* integer to float is a real conversion; bf16 to f32 needs none */
    IrGraph *g = ret_ok(p, "i + y, x + y");
    assert_int_equal(g->outs[0]->in[0]->op, IR_CAST);
    assert_ptr_equal(g->outs[1]->in[0], g->params[0]);
    /* literals: weak, folded in double like Python */
    g = ret_ok(p, "x * (2 + 3), x * (7 / 2), x * (1 < 2), y * inf, y + nan, y * .5e1, y * 2.");
    assert_true(has_const(g, 5.0));
    assert_true(has_const(g, 3.5));
    assert_true(has_const(g, 1.0));
    assert_true(has_const(g, INFINITY));
    assert_true(has_const(g, 5.0));
    assert_string_equal(out_ty(g, 2), "bf16[4]");

    ret_err(p, "b + b", 14, "arithmetic '+' on bool tensors; convert with to(x, i32) first");
    ret_err(p, "b * 2.0 + (b - b)", 25, "arithmetic '-' on bool tensors");
    ret_err(p, "b < b", 14, "ordering comparison '<' on bool tensors");
    ret_err(p, "x && b", 14, "'&&' needs bool operands, got bf16");
    ret_err(p, "-b", 12, "unary '-' on a bool tensor; use '!'");
    ret_err(p, "!x", 12, "'!' needs a bool tensor, got bf16[4]");
    ret_err(p, "x * (true + 1)", 22, "arithmetic on bool values");
    ret_err(p, "x * (1 / 0)", 19, "division by zero in constant expression");
    ret_err(p, "x * (9223372036854775807 + 1)", 37, "integer overflow in constant expression");
    ret_err(p, "x * -(-9223372036854775807 - 1)", 16, "integer overflow in constant expression");
    ret_err(p, "x + bf16", 16, "operand of '+' must be a tensor or a number, not a dtype");
    ret_err(p, "x + [1]", 16, "operand of '+' must be a tensor or a number, not a list");
}

/* The unsigned dtypes, the integer operators and bitcast/signbit/exponent/
 * ldexp: result dtypes, the nodes made, constant folding (Python's floor
 * semantics) and the errors. */
static void test_integer_ops(void **state)
{
    (void)state;
    const char *p = "a: u8[4], w: u16[4], u: u32[4], h: i16[4], k: i8[4], i: i32[4], "
                    "l: i64[4], b: bool[4], x: f32[4], y: bf16[4], f: f16[4], e: f8e4m3[4]";
    struct {
        const char *expr, *type;
    } cases[] = {
        {"a + a", "u8[4]"},         {"a + k", "i16[4]"},   {"k + a", "i16[4]"},
        {"a + w", "u16[4]"},        {"w + h", "i32[4]"},   {"u + i", "i64[4]"},
        {"a + i", "i32[4]"},        {"u + l", "i64[4]"},   {"h + u", "i64[4]"},
        {"a + 1", "u8[4]"},         {"a * 2.0", "f32[4]"}, {"a & 7", "u8[4]"},
        {"a | k", "i16[4]"},        {"b & b", "bool[4]"},  {"b ^ b", "bool[4]"},
        {"~b", "bool[4]"},          {"~a", "u8[4]"},       {"a << 7", "u8[4]"},
        {"i >> a", "i32[4]"},       {"u // 3", "u32[4]"},  {"h % -3", "i16[4]"},
        {"b & 1", "i64[4]"},        {"to(x, u16)", "u16[4]"},
        {"bitcast(x, u32)", "u32[4]"}, {"bitcast(i, f32)", "f32[4]"},
        {"bitcast(y, i16)", "i16[4]"}, {"bitcast(w, f16)", "f16[4]"},
        {"bitcast(e, u8)", "u8[4]"},   {"bitcast(k, f8e5m2)", "f8e5m2[4]"},
        {"bitcast(f, bf16)", "bf16[4]"},
        {"signbit(x)", "bool[4]"},  {"signbit(i)", "bool[4]"}, {"exponent(y)", "i32[4]"},
        {"ldexp(x, i)", "f32[4]"},  {"ldexp(y, 3)", "bf16[4]"}, {"ldexp(y, a)", "bf16[4]"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        IrGraph *g = ret_ok(p, cases[c].expr);
        if (strcmp(out_ty(g, 0), cases[c].type) != 0)
            fprintf(stderr, "%s: %s, expected %s\n", cases[c].expr, out_ty(g, 0), cases[c].type);
        assert_string_equal(out_ty(g, 0), cases[c].type);
    }
    IrGraph *g = ret_ok(p, "a & a, a | a, a ^ a, ~a, a << 1, a >> 1, a // 2, a % 2, b & b, b | b, "
                           "b ^ b, ~b");
    const IrBinary want[] = {BIN_BAND, BIN_BOR, BIN_BXOR, 0, BIN_SHL, BIN_SHR, BIN_FLOORDIV,
                             BIN_MOD, BIN_AND, BIN_OR, BIN_NE};
    for (int o = 0; o < 11; o++)
        if (o != 3)
            assert_int_equal(g->outs[o]->a.binary, want[o]);
    assert_int_equal(g->outs[3]->a.unary, UN_BNOT);
    assert_int_equal(g->outs[11]->a.unary, UN_NOT);
    g = ret_ok(p, "bitcast(x, i32), signbit(x), exponent(x), ldexp(x, l)");
    assert_true(g->outs[0]->op == IR_CAST && g->outs[0]->a.cast.bitcast);
    assert_int_equal(g->outs[1]->in[0]->a.unary, UN_SIGNBIT);
    assert_int_equal(g->outs[2]->in[0]->a.unary, UN_EXPONENT);
    assert_int_equal(g->outs[3]->a.binary, BIN_LDEXP);
    /* literals fold like Python: floor division and modulo toward -inf */
    g = ret_ok(p, "l + (-7 // 2), l + (-7 % 2), l + (7 // -2), l + (7 % -2), l + (1 << 62), "
                  "l + (-9 >> 1), l + (6 & 3), l + (6 | 3), l + (6 ^ 3), l + ~5, l + (0xF0 >> 4)");
    const int64_t folded[] = {-4, 1, -4, -1, (int64_t)1 << 62, -5, 2, 7, 5, -6, 15};
    for (int o = 0; o < 11; o++)
        assert_int_equal(g->outs[o]->in[1]->a.cnst.i, folded[o]);
    assert_true(ret_ok(p, "b & (true ^ false)") != NULL);

    ret_err(p, "x & 1", 14, "'&' needs integer or bool operands, got f32");
    ret_err(p, "y | y", 14, "'|' needs integer or bool operands, got bf16");
    ret_err(p, "x // 2", 14, "'//' needs integer operands, got f32; for floats use floor(a / b)");
    ret_err(p, "b % b", 14, "'%' needs integer operands, got bool");
    ret_err(p, "x << 1", 14, "'<<' needs integer operands, got f32");
    ret_err(p, "a << 8", 17, "shift amount 8 is out of range for u8 (0..7)");
    ret_err(p, "i >> 32", 17, "shift amount 32 is out of range for i32 (0..31)");
    ret_err(p, "l << -1", 17, "shift amount -1 is out of range for i64 (0..63)");
    ret_err(p, "i // 0", 17, "integer division by zero");
    ret_err(p, "l + 7 % 0", 18, "integer division by zero in constant expression");
    ret_err(p, "l + (1 << 63)", 19, "integer overflow in constant expression");
    ret_err(p, "l + (1 << 64)", 19, "shift amount 64 is out of range for integer literals (0..63)");
    ret_err(p, "l + 7.0 // 2", 20, "'//' needs integer operands, not a number and an integer; "
                                    "for numbers use floor(a / b)");
    ret_err(p, "~x", 12, "'~' needs an integer or bool tensor, got f32[4]");
    ret_err(p, "bitcast(x, i16)", 12,
            "bitcast from f32 (32 bits) to i16 (16 bits): the widths differ");
    ret_err(p, "bitcast(b, u8)", 12,
            "bitcast of bool (bool to u8): bool has no bit pattern; use to(x, dtype)");
    ret_err(p, "bitcast(a, b)", 23, "expected a dtype (such as bf16), got a tensor");
    ret_err(p, "exponent(i)", 21, "'exponent' of i32[4]; convert with to(x, f32) first");
    ret_err(p, "ldexp(i, 2)", 18, "'ldexp' of i32[4]; convert with to(x, f32) first");
    ret_err(p, "ldexp(x, y)", 21, "the exponent of 'ldexp' must be an integer, got bf16[4]");
    ret_err(p, "signbit(b)", 20, "'signbit' of a bool tensor");

    /* arange: i32 by default, static or symbolic sizes */
    const char *q = "x: f32[T, 8]";
    g = ret_ok(q, "arange(8), arange(T, dtype=i64), arange(T * 4), x * to(arange(8), f32)");
    assert_string_equal(out_ty(g, 0), "i32[8]");
    assert_string_equal(out_ty(g, 1), "i64[T]");
    assert_string_equal(out_ty(g, 2), "i32[4*T]");
    assert_int_equal(g->outs[0]->op, IR_IOTA);
    assert_string_equal(out_ty(g, 3), "f32[T, 8]");
    ret_err(q, "arange(0)", 19, "size 0 out of range (1..2^40)");
    ret_err(q, "arange(2.5)", 19, "the size of 'arange' must be an integer or a size symbol, not a number");
    ret_err(q, "arange(4, dtype=f32)", 28, "the dtype of 'arange' must be an integer dtype, got f32");
}

/* Sizes in parameter shapes: *, //, %, cdiv and align of sizes.  Exact
 * ones fold; the others are derived symbols, computed from T at launch. */
static void test_derived_sizes(void **state)
{
    (void)state;
    IrGraph *g = ok("graph g(x: f32[56, align(T, 4)], y: f32[T // 2, cdiv(T, 8)], "
                    "z: f32[(T * 4) // 2, align(T * 8, 4), T % 3, 10 // 3, cdiv(10, 4)]) {\n"
                    "    return x, y, z, arange(align(T, 4) // 2)\n}\n");
    /* align(T, 4) is 4 * cdiv(T, 4); align(T, 4) // 2 folds to 2 * cdiv(T, 4) */
    assert_string_equal(ty(g, g->params[0]), "f32[56, 4*cdiv(T, 4)]");
    assert_string_equal(ty(g, g->params[1]), "f32[T // 2, cdiv(T, 8)]");
    assert_string_equal(ty(g, g->params[2]), "f32[2*T, 8*T, T % 3, 3, 3]");
    assert_string_equal(out_ty(g, 3), "i32[2*cdiv(T, 4)]");
    assert_int_equal(g->nsym, 5);
    assert_false(ir_sym_is_derived(g, 0));
    assert_true(ir_sym_is_derived(g, 1));
    assert_int_equal(g->symdefs[1].op, SYM_CDIV);
    assert_int_equal(g->symdefs[1].b, 4);
    int64_t sv[5] = {13, -1, -1, -1, -1};
    ir_graph_derive_syms(g, sv);
    assert_int_equal(sv[1], 4); /* cdiv(13, 4) */
    assert_int_equal(sv[2], 6); /* 13 // 2 */
    assert_int_equal(sv[3], 2); /* cdiv(13, 8) */
    assert_int_equal(sv[4], 1); /* 13 % 3 */
    assert_int_equal(dim_eval(g->params[0]->shape[1], sv), 16); /* align(13, 4) */
    assert_int_equal(ir_sym_apply(SYM_ALIGN, INT64_MAX, 4), -1);
    assert_int_equal(ir_sym_apply(SYM_CDIV, 0, 4), 0);
    /* the same expression is one symbol; sizes in bodies too */
    g = ok("graph g(x: f32[align(T, 4)], y: f32[align(T, 4)]) {\n"
           "    return x + y, view(x, [cdiv(T, 4), 4])\n}\n");
    assert_int_equal(g->nsym, 2);
    assert_string_equal(out_ty(g, 1), "f32[cdiv(T, 4), 4]");
    err("graph g(x: f32[T + 1]) {\n    return x\n}\n", 1, 18,
        "a parameter's size must be an integer, a size symbol, or *, //, %, cdiv(a, b) or "
        "align(a, b) of them");
    err("graph g(x: f32[T // U]) {\n    return x\n}\n", 1, 21,
        "the divisor of '//' must be an integer, not a symbolic size");
    err("graph g(x: f32[align(T, 0)]) {\n    return x\n}\n", 1, 25,
        "the divisor of 'align' must be at least 1, got 0");
    err("graph g(x: f32[(T * 4) % 2]) {\n    return x\n}\n", 1, 24,
        "dim size 0 out of range (1..2^40)");
    err("graph g(x: f32[T]) {\n    return x + cdiv(T, 2.0)\n}\n", 2, 24,
        "the divisor of 'cdiv' must be an integer, not a number");
}

/* ---- layout ops ---------------------------------------------------------------------- */

static void test_view_reshape(void **state)
{
    (void)state;
    const char *p = "x: bf16[T, 4096]";
    IrGraph *g = ret_ok(p, "view(x, [T, 32, 128]), reshape(x, [T, 32, -1]), view(x, [-1]), "
                           "view(x, [T*32, 128]), view(x, [32*T, -1]), reshape(x, [T, 4096])");
    assert_string_equal(out_ty(g, 0), "bf16[T, 32, 128]");
    assert_string_equal(vmap(g, g->outs[0]), "v0, (v1*128 + v2)");
    assert_string_equal(out_ty(g, 1), "bf16[T, 32, 128]");
    assert_string_equal(out_ty(g, 2), "bf16[4096*T]");
    assert_string_equal(vmap(g, g->outs[2]), "v0/4096, v0%4096");
    assert_string_equal(out_ty(g, 3), "bf16[32*T, 128]");
    assert_string_equal(out_ty(g, 4), "bf16[32*T, 128]");
    assert_ptr_equal(g->outs[5], g->params[0]); /* the identity reshape is no node */
    /* a symbolic view round-trips */
    g = ok(graph_src("x: bf16[T, 4096]", "    a = view(x, [T*32, 128])\n"
                                         "    return view(a, [T, -1])"));
    assert_string_equal(out_ty(g, 0), "bf16[T, 4096]");
    assert_string_equal(vmap(g, g->outs[0]), "(v0*4096 + v1)/128, (v0*4096 + v1)%128");
    /* symbols of several inputs */
    g = ret_ok("x: f32[B, T, 8]", "view(x, [B*T, 2, 4]), view(x, [T*B*8])");
    assert_string_equal(out_ty(g, 0), "f32[B*T, 2, 4]");
    assert_string_equal(out_ty(g, 1), "f32[8*B*T]");

    ret_err(p, "view(x, [T, 4095])", 12,
            "cannot view bf16[T, 4096] as [T, 4095]: 4096*T elements vs 4095*T");
    ret_err(p, "view(x, [-1, 3])", 12, "4096*T elements do not divide into rows of 3");
    ret_err(p, "view(x, [-1, -1])", 25, "only one size can be -1");
    ret_err(p, "view(x, [0, -1])", 21, "size 0 out of range (1..2^40)");
    ret_err(p, "view(x, [B, -1])", 21, "unknown name 'B'");
    ret_err(p, "view(x, [T, 2.0])", 24, "a size must be an integer or a size symbol, not a number");
    ret_err(p, "view(x, 4096)", 20, "a shape must be a list such as [T, 32, 128], not an integer");
    ret_err(p, "view(x, [1, 1, 1, 1, 1, 1, 1, 1, T, 4096])", 20, "rank 10 is over the limit of 8");
    ret_err(p, "view(x, [T * 2.5])", 23, "symbolic sizes can only be multiplied by sizes");
    ret_err(p, "view(x, [T + 1, 4096])", 23, "symbolic sizes can only be multiplied by sizes");
}

static void test_permute_transpose(void **state)
{
    (void)state;
    const char *p = "x: bf16[T, 8, 16]";
    IrGraph *g = ret_ok(p, "permute(x, [2, 0, 1]), transpose(x, 0, -1), permute(x, [-1, -2, -3]), "
                           "transpose(x, 1, 1)");
    assert_string_equal(out_ty(g, 0), "bf16[16, T, 8]");
    assert_string_equal(vmap(g, g->outs[0]), "v1, v2, v0");
    assert_string_equal(out_ty(g, 1), "bf16[16, 8, T]");
    assert_string_equal(vmap(g, g->outs[1]), "v2, v1, v0");
    assert_string_equal(out_ty(g, 2), "bf16[16, 8, T]");
    assert_string_equal(out_ty(g, 3), "bf16[T, 8, 16]");
    ret_err(p, "permute(x, [0, 1])", 23, "permute of bf16[T, 8, 16] needs a list of 3 dims");
    ret_err(p, "permute(x, [0, 1, 1])", 30, "dim 1 appears twice in the permutation");
    ret_err(p, "permute(x, [0, 1, 3])", 30, "dim 3 is out of range");
    ret_err(p, "transpose(x, 0, 3)", 28, "dim 3 is out of range for a tensor of rank 3");
}

static void test_slice_split_chunk(void **state)
{
    (void)state;
    const char *p = "x: bf16[T, 12]";
    IrGraph *g = ret_ok(p, "slice(x, 1, 2, 5), slice(x, -1, -4, 100), slice(x, 1, 0, -1)");
    assert_string_equal(out_ty(g, 0), "bf16[T, 3]");
    assert_string_equal(vmap(g, g->outs[0]), "v0, (v1 + 2)");
    assert_string_equal(out_ty(g, 1), "bf16[T, 4]");
    assert_string_equal(vmap(g, g->outs[1]), "v0, (v1 + 8)");
    assert_string_equal(out_ty(g, 2), "bf16[T, 11]");

    g = ok(graph_src(p, "    a, b, c = split(x, [2, 4, 6], dim=1)\n"
                        "    d = split(x, 5, -1)\n"
                        "    e, f = chunk(x, 2, dim=-1)\n"
                        "    g1, g2, g3 = chunk(view(x, [T, 2, 6]), 4, dim=2)\n"
                        "    return a, b, c, d[2], d[-2], f, g3, split(x, [12], 1)"));
    assert_int_equal(g->nout, 8);
    const char *want[] = {"bf16[T, 2]", "bf16[T, 4]", "bf16[T, 6]", "bf16[T, 2]",
                          "bf16[T, 5]", "bf16[T, 6]", "bf16[T, 2, 2]", "bf16[T, 12]"};
    for (int k = 0; k < 8; k++)
        assert_string_equal(out_ty(g, k), want[k]);
    assert_string_equal(vmap(g, g->outs[2]), "v0, (v1 + 6)");
    assert_string_equal(vmap(g, g->outs[3]), "v0, (v1 + 10)");
    assert_string_equal(vmap(g, g->outs[5]), "v0, (v1 + 6)");
    assert_ptr_equal(g->outs[7], g->params[0]); /* one piece: the tensor itself */
    assert_string_equal(g->out_names[0], "a");
    assert_null(g->out_names[3]);

    err(graph_src(p, "    a, b = split(x, [1000, 1000], dim=-1)\n    return a"), 2, 22,
        "split size 1000 out of range (1..12)");
    err(graph_src(p, "    a, b = split(x, [4, 4], dim=1)\n    return a"), 2, 21,
        "split sizes sum to 8 but dim 1 of bf16[T, 12] has size 12");
    ret_err(p, "split(x, [0, 12], 1)", 22, "split size 0 out of range (1..12)");
    ret_err(p, "split(x, 0, 1)", 21, "split size must be positive");
    ret_err(p, "split(x, [], 1)", 21, "split sizes must be an integer or a list of 1 to 1024");
    ret_err(p, "split(x, 4)", 12,
            "split along dim 0 of bf16[T, 12]: the size T is only known at launch");
    ret_err(p, "chunk(x, 0, 1)", 21, "chunks must be 1..1024");
    ret_err(p, "slice(x, 1, 5, 5)", 12, "empty slice [5:5] of a dim of size 12");
    ret_err(p, "slice(x, 2, 0, 1)", 21, "dim 2 is out of range for a tensor of rank 2");
    ret_err(p, "slice(x, 1, 0.5, 1)", 24, "start must be an integer, not a number");
    err(graph_src(p, "    a, b = split(x, [6, 6], dim=1)[0]\n    return a"), 2, 10,
        "cannot unpack a tensor into 2 names");
    err(graph_src(p, "    a, b = split(x, [4, 4, 4], dim=1)\n    return a"), 2, 10,
        "cannot unpack 3 values into 2 names");
    ret_err(p, "split(x, [6, 6], dim=1)[2]", 36, "index 2 out of range for 2 items");
    ret_err(p, "split(x, [6, 6], dim=1)[0:1]", 35, "a tuple of results takes one integer index");
}

static void test_expand_squeeze_flatten(void **state)
{
    (void)state;
    const char *p = "x: bf16[T, 1, 16]";
    IrGraph *g = ret_ok(p, "expand(x, [T, 4, 16]), expand(x, [2, -1, 3, -1]), squeeze(x), "
                           "squeeze(x, 1), squeeze(x, -1), unsqueeze(x, 0), unsqueeze(x, -1), "
                           "flatten(x), flatten(x, 1), flatten(x, 0, -2), unflatten(x, -1, [4, -1]), "
                           "unflatten(x, 0, [T, 1])");
    const char *want[] = {"bf16[T, 4, 16]", "bf16[2, T, 3, 16]", "bf16[T, 16]",
                          "bf16[T, 16]",    "bf16[T, 1, 16]",    "bf16[1, T, 1, 16]",
                          "bf16[T, 1, 16, 1]", "bf16[16*T]",     "bf16[T, 16]",
                          "bf16[T, 16]",    "bf16[T, 1, 4, 4]",  "bf16[T, 1, 1, 16]"};
    assert_int_equal(g->nout, 12);
    for (int k = 0; k < 12; k++)
        assert_string_equal(out_ty(g, k), want[k]);
    assert_string_equal(vmap(g, g->outs[0]), "v0, 0, v2");
    assert_string_equal(vmap(g, g->outs[1]), "v1, 0, v3");
    assert_string_equal(vmap(g, g->outs[2]), "v0, 0, v1");
    assert_ptr_equal(g->outs[4], g->params[0]); /* a dim not of size 1 stays, as in torch */
    assert_string_equal(vmap(g, g->outs[5]), "v1, v2, v3");
    assert_string_equal(vmap(g, g->outs[10]), "v0, v1, (v2*4 + v3)");

    ret_err(p, "expand(x, [T, 4, 8])", 29, "cannot expand bf16[T, 1, 16] to [T, 4, 8]: dim 2 has size 16, not 1");
    ret_err(p, "expand(x, [4, 16])", 22, "expand of bf16[T, 1, 16] to fewer dims [4, 16]");
    ret_err(p, "expand(x, [-1, T, 1, 16])", 23, "-1 is not allowed for a new leading dim");
    ret_err(p, "unsqueeze(x, 4)", 25, "dim 4 is out of range for a tensor of rank 4");
    ret_err("x: f32[1, 1, 1, 1, 1, 1, 1, 1]", "unsqueeze(x, 0)", 12, "unsqueeze would exceed rank 8");
    ret_err(p, "flatten(x, 2, 1)", 12, "flatten: start_dim 2 is after end_dim 1");
    ret_err(p, "unflatten(x, 2, [3, 5])", 28, "unflatten: sizes [3, 5] do not multiply to dim 2's size 16");
    ret_err(p, "unflatten(x, 2, [3, -1])", 28, "unflatten: dim 2 of size 16 does not divide by 3");
    ret_err(p, "unflatten(x, 2, [])", 28, "unflatten needs 1 to 6 sizes here");
}

static void test_cat_stack(void **state)
{
    (void)state;
    const char *p = "a: bf16[T, 4], b: bf16[T, 8], c: f32[T, 4], i: i32[T, 4], s: f32[]";
    IrGraph *g = ret_ok(p, "cat([a, b], dim=1), cat([a, b, a], -1), cat([a, c], 1), cat([a, a]), "
                           "cat([a]), stack([a, c]), stack([a, a, a], dim=-1), stack([s, s]), "
                           "cat([a, i], 1)");
    const char *want[] = {"bf16[T, 12]", "bf16[T, 16]", "f32[T, 8]",   "bf16[2*T, 4]", "bf16[T, 4]",
                          "f32[2, T, 4]", "bf16[T, 4, 3]", "f32[2]", "bf16[T, 8]"};
    for (int k = 0; k < 9; k++)
        assert_string_equal(out_ty(g, k), want[k]);
    assert_int_equal(g->outs[0]->op, IR_CAT);
    assert_int_equal(g->outs[0]->a.cat.dim, 1);
    assert_int_equal(g->outs[0]->nin, 2);
    assert_int_equal(g->outs[1]->nin, 3);
    assert_int_equal(g->outs[2]->in[0]->op, IR_CAST); /* parts promote to f32 */
    assert_ptr_equal(g->outs[4], g->params[0]);
    assert_int_equal(g->outs[6]->a.cat.dim, 2);
    assert_string_equal(vmap(g, g->outs[6]->in[0]), "v0, v1");
    assert_int_equal(g->outs[8]->in[1]->op, IR_CAST);

    ret_err(p, "cat([a, b], dim=0)", 12, "cat along dim 0 of bf16[T, 4] and bf16[T, 8]: dim 1 differs");
    ret_err(p, "cat([a, view(a, [T, 2, 2])], 1)", 12, "ranks differ");
    ret_err(p, "cat([], 0)", 16, "cat takes a non-empty list of tensors");
    ret_err(p, "cat(a, 0)", 16, "cat takes a non-empty list of tensors");
    ret_err(p, "cat([a, 1.0], 1)", 20, "each item must be a tensor, not a number");
    ret_err(p, "cat([s, s])", 12, "cannot cat rank-0 tensors; use stack");
    ret_err(p, "stack([a, b])", 12, "cat along dim 0 of bf16[1, T, 4] and bf16[1, T, 8]: dim 2 differs");
    ret_err(p, "stack([a, view(a, [T, 2, 2])])", 12, "stack of bf16[T, 4] and bf16[T, 2, 2]: ranks differ");
    ret_err(p, "stack([a, a], dim=3)", 30, "dim 3 is out of range for a tensor of rank 3");
    ret_err("a: f32[T, 4], b: f32[B, 4]", "cat([a, b])", 12,
            "cat along dim 0 of sizes T and B is not supported");
}

/* ---- indexing and gathers ------------------------------------------------------------ */

static void test_indexing(void **state)
{
    (void)state;
    const char *p = "x: bf16[T, 8, 16]";
    /* '::' is not in the grammar: a step is a syntax error */
    err(graph_src(p, "    return x[:, ::]"), 2, 18, "unexpected ':'; expected an expression, ',' or ']'");
    IrGraph *g = ret_ok(p, "x[:, 0], x[..., -1], x[:, 2:5, :-3], x[..., 1:], x[:, :, :], "
                           "x[:, -3:-1, 1], x[..., 0, :], x[:, 7], x[...], x[:, 1:100], x[:, -100:2]");
    const char *want2[] = {"bf16[T, 16]",    "bf16[T, 8]",  "bf16[T, 3, 13]", "bf16[T, 8, 15]",
                           "bf16[T, 8, 16]", "bf16[T, 2]",  "bf16[T, 16]",    "bf16[T, 16]",
                           "bf16[T, 8, 16]", "bf16[T, 7, 16]", "bf16[T, 2, 16]"};
    const char *maps[] = {"v0, 0, v1",       "v0, v1, 15",  "v0, (v1 + 2), v2", "v0, v1, (v2 + 1)",
                          "v0, v1, v2",      "v0, (v1 + 5), 1", "v0, 0, v1",     "v0, 7, v1",
                          "v0, v1, v2",      "v0, (v1 + 1), v2", "v0, v1, v2"};
    assert_int_equal(g->nout, 11);
    for (int k = 0; k < 11; k++) {
        assert_string_equal(out_ty(g, k), want2[k]);
        assert_string_equal(vmap(g, g->outs[k]), maps[k]);
    }
    /* constant expressions as bounds */
    g = ret_ok(p, "x[:, 2 * 2 : 8 - 1, -(1)]");
    assert_string_equal(out_ty(g, 0), "bf16[T, 3]");
    assert_string_equal(vmap(g, g->outs[0]), "v0, (v1 + 4), 15");

    ret_err(p, "x[0]", 14, "an integer index along dim 0 of bf16[T, 8, 16]: the size T is only known at launch");
    ret_err(p, "x[0:2]", 15, "a slice along dim 0 of bf16[T, 8, 16]: the size T is only known at launch");
    ret_err(p, "x[:, 8]", 17, "index 8 is out of range for dim 1 of size 8");
    ret_err(p, "x[:, -9]", 17, "index -9 is out of range for dim 1 of size 8");
    ret_err(p, "x[:, 0, 0, 0]", 13, "too many indices (4) for bf16[T, 8, 16]");
    ret_err(p, "x[..., 0, ...]", 22, "only one '...' is allowed");
    ret_err(p, "x[:, 5:5]", 18, "empty slice [5:5] of a dim of size 8");
    ret_err(p, "x[:, 1.5]", 17, "an index must be an integer, not a number");
    ret_err(p, "x[:, 0:x]", 19, "a slice end must be an integer, not a tensor");
    ret_err(p, "1.0[0]", 12, "an indexed value must be a tensor, not a number");
    ret_err(p, "x * (1:2)", 18, "unexpected ':'; expected");
}

static void test_gather(void **state)
{
    (void)state;
    const char *p = "x: bf16[V, 64], pos: i64[T], p2: i32[T, 2], f: f32[T], b: bool[T], cache: f32[M, 2, 32]";
    IrGraph *g = ret_ok(p, "x[pos], gather(x, pos), gather(x, p2, dim=0), gather(x, index=pos, dim=-2), "
                           "gather(cache, pos, dim=0), cache[p2]");
    const char *want[] = {"bf16[T, 64]", "bf16[T, 64]", "bf16[T, 2, 64]", "bf16[T, 64]",
                          "f32[T, 2, 32]", "f32[T, 2, 2, 32]"};
    for (int k = 0; k < 6; k++) {
        assert_int_equal(g->outs[k]->op, IR_GATHER);
        assert_string_equal(out_ty(g, k), want[k]);
    }
    assert_ptr_equal(g->outs[0]->in[0], g->params[0]);
    assert_ptr_equal(g->outs[0]->in[1], g->params[1]);
    g = ret_ok("x: bf16[8, 64], i: i32[T]", "gather(x, i, dim=1)");
    assert_string_equal(out_ty(g, 0), "bf16[8, T]");
    assert_int_equal(g->outs[0]->a.gather.dim, 1);
    /* the RoPE cos/sin cache picked by positions, then used pointwise */
    g = ret_ok("q: bf16[T, 8, 64], cos: f32[M, 32], sin: f32[M, 32], pos: i64[T]",
               "rope_neox(q, view(cos[pos], [T, 1, 32]), view(sin[pos], [T, 1, 32]))");
    assert_string_equal(out_ty(g, 0), "bf16[T, 8, 64]");
    assert_int_equal(count_op(g, IR_GATHER), 2);

    ret_err(p, "x[f]", 13, "an index tensor must have an integer dtype, got f32[T]");
    ret_err(p, "x[b]", 13, "an index tensor must have an integer dtype, got bool[T]");
    ret_err(p, "gather(x, f)", 12, "an index tensor must have an integer dtype, got f32[T]");
    ret_err(p, "x[pos, 0]", 14, "a tensor index must be the only subscript");
    ret_err(p, "gather(x, 1)", 22, "the index must be a tensor, not an integer");
    ret_err(p, "gather(x, pos, dim=2)", 31, "dim 2 is out of range for a tensor of rank 2");
    ret_err("s: f32[], i: i32[3]", "gather(s, i)", 12, "cannot index a rank-0 tensor");
    ret_err("x: f32[1, 1, 1, 1, 1, 1, 1, 8], i: i32[T, 2]", "x[i]", 13,
            "gather result would exceed rank 8");
}

/* ---- defs: inlining, defaults, tuples, shadowing ------------------------------------- */

static void test_def_inlining(void **state)
{
    (void)state;
    IrGraph *g = ok("def two(x, k=3) {\n"
                    "    return x * k, x + k\n"
                    "}\n"
                    "def scaled(x, s) { return x * s }\n"
                    "def nested(x) {\n"
                    "    a, b = two(x, k=2.5)\n"
                    "    return scaled(a + b, 0.5)\n"
                    "}\n"
                    "graph g(x: f32[4]) {\n"
                    "    a, b = two(x)\n"
                    "    c = nested(x)\n"
                    "    d = two(x)\n"
                    "    e, f = d\n"
                    "    return a, b, c, d, f\n"
                    "}\n");
    assert_int_equal(g->nout, 6); /* d, a tuple, flattens */
    assert_string_equal(g->out_names[0], "a");
    assert_string_equal(g->out_names[2], "c");
    assert_null(g->out_names[3]);
    assert_true(has_const(g, 3.0));
    assert_true(has_const(g, 2.5));
    assert_true(has_const(g, 0.5));
    assert_int_equal(g->outs[0]->a.binary, BIN_MUL);
    assert_int_equal(g->outs[1]->a.binary, BIN_ADD);
    assert_int_equal(g->outs[2]->a.binary, BIN_MUL);

    /* defaults see no caller variables; arguments may be any value */
    g = ok("def f(x, dt=bf16, n=[2, 2]) { return to(view(x, n), dt) }\n"
           "graph g(x: f32[4]) {\n"
           "    dt = f16\n"
           "    return f(x), f(x, f8e4m3), f(x, n=[4, 1])\n"
           "}\n");
    assert_string_equal(out_ty(g, 0), "bf16[2, 2]");
    assert_string_equal(out_ty(g, 1), "f8e4m3[2, 2]");
    assert_string_equal(out_ty(g, 2), "bf16[4, 1]");

    /* a def sees the graph's size symbols, a def may return a non-tensor */
    g = ok("def rows(x) { return view(x, [T, -1]) }\n"
           "def eps() { return 1e-3 }\n"
           "graph g(x: f32[T, 4, 8]) {\n    return rows(x) + eps()\n}\n");
    assert_string_equal(out_ty(g, 0), "f32[T, 32]");

    err("def f(x) { return x }\ngraph g(x: f32[4]) {\n    return f(x, x)\n}\n", 3, 17,
        "too many arguments to 'f' (it takes at most 1)");
    err("def f(x, y) { return x }\ngraph g(x: f32[4]) {\n    return f(x)\n}\n", 3, 12,
        "missing argument 'y' in the call to 'f'");
    err("def f(x) { return x }\ngraph g(x: f32[4]) {\n    return f(y=x)\n}\n", 3, 14,
        "'f' has no parameter named 'y'");
    err("def f(x) { y = x }\ngraph g(x: f32[4]) {\n    return f(x)\n}\n", 1, 5,
        "function 'f' has no return");
    err("def f(x) { return x\n y = x }\ngraph g(x: f32[4]) {\n    return f(x)\n}\n", 2, 2,
        "statement after 'return'");
    /* a keyword used as a name: one error, no cascade from the keyword */
    err("graph graph(x: f32[4]) {\n    return x\n}\n", 1, 7, "unexpected 'graph'");
    assert_int_equal(diag.nerrors, 1);
    /* a `def` that begins a line after a bad item starts the next item */
    err("graph g(x: f32[4]) {\n    return x +\n}\ndef def(x) { return x }\n", 2, 15,
        "unexpected newline");
    assert_int_equal(diag.nerrors, 2);
    err("def f(x) { return x, x }\ngraph g(x: f32[4]) {\n    return f(x) + 1\n}\n", 3, 12,
        "operand of '+' must be a tensor or a number, not a tuple of results");
    err("def f(x) { return y }\ngraph g(x: f32[4]) {\n    y = x\n    return f(x)\n}\n", 1, 19,
        "unknown name 'y'");
    err("def f(x, k=y) { return x }\ngraph g(x: f32[4]) {\n    y = 1\n    return f(x)\n}\n", 1,
        12, "unknown name 'y'");
    err("graph g(x: f32[4]) {\n    return exp\n}\n", 2, 12,
        "'exp' is a function; call it as exp(...)");
    err("graph g(x: f32[4]) {\n    return rms_norm\n}\n", 2, 12,
        "'rms_norm' is a function; call it as rms_norm(...)");
    err("graph g(x: f32[4]) {\n    return exp(x)(x)\n}\n", 2, 12, "only named functions can be called");
    err("graph g(x: f32[4]) {\n    return (x)(x)\n}\n", 2, 13, "'x' is a tensor, not a function");
    err("graph g(x: f32[4]) {\n    k = 2\n    return x * k(x)\n}\n", 3, 16,
        "'k' is an integer, not a function");
}

static void test_user_def_shadows_stdlib(void **state)
{
    (void)state;
    /* the user's rms_norm replaces the library's for the user's calls... */
    IrGraph *g = ok("def rms_norm(x, w) { return x * w }\n"
                    "graph g(x: f32[T, 8], w: f32[8]) {\n    return rms_norm(x, w)\n}\n");
    assert_int_equal(count_op(g, IR_REDUCE), 0);
    assert_int_equal(g->outs[0]->a.binary, BIN_MUL);
    /* ...but the library's own functions keep calling the library's (silu_mul
     * calls silu): a user def never changes what a library function means */
    g = ok("def silu(x) { return x * 2.0 }\n"
           "graph g(x: f32[T, 8]) {\n    return silu(x), silu_mul(x)\n}\n");
    assert_int_equal(count_unary(g, UN_SIGMOID), 1);
    assert_int_equal(g->outs[0]->a.binary, BIN_MUL);
    assert_int_equal(g->outs[0]->in[1]->op, IR_CONST);
    /* the LANGUAGE.md example redefines gemma_rms_norm in terms of rms_norm */
    g = ok("def gemma_rms_norm(x, w, eps) {\n    return rms_norm(x, w + 1.0, eps)\n}\n"
           "graph g(x: bf16[T, 8], w: bf16[8]) {\n    return gemma_rms_norm(x, w, 1e-6)\n}\n");
    assert_string_equal(out_ty(g, 0), "bf16[T, 8]");
    /* a built-in cannot be redefined; a def may not take types */
    err("def exp(x) { return x }\ngraph g(x: f32[4]) {\n    return x\n}\n", 1, 5,
        "'exp' is a built-in function and cannot be redefined");
    err("def f(x: f32[4]) { return x }\ngraph g(x: f32[4]) {\n    return f(x)\n}\n", 1, 7,
        "function parameters take no type");
}

static void test_recursion(void **state)
{
    (void)state;
    err("def f(x) { return f(x) }\ngraph g(x: f32[4]) {\n    return f(x)\n}\n", 1, 19,
        "recursive call to 'f' (functions are inlined, so recursion is not allowed)");
    err("def f(x) { return h(x) }\ndef h(x) { return f(x) }\n"
        "graph g(x: f32[4]) {\n    return f(x)\n}\n",
        2, 19, "recursive call to 'f'");
    /* the error has notes naming each call on the way */
    int notes = 0;
    for (const DiagMsg *m = diag.head; m; m = m->next)
        notes += m->level == DIAG_NOTE && strstr(m->text, "in the call to") != NULL;
    assert_int_equal(notes, 2);
    /* deep but finite inlining is bounded */
    char src[8192];
    int n = snprintf(src, sizeof src, "def f0(x) { return x }\n");
    for (int i = 1; i < 100; i++)
        n += snprintf(src + n, sizeof src - (size_t)n, "def f%d(x) { return f%d(x) }\n", i, i - 1);
    snprintf(src + n, sizeof src - (size_t)n, "graph g(x: f32[4]) {\n    return f99(x)\n}\n");
    compile(src);
    assert_int_equal(diag.nerrors, 1);
    assert_non_null(strstr(nth_error(0)->text, "functions nested more than 64 calls deep"));
    /* 60 levels are fine */
    n = snprintf(src, sizeof src, "def f0(x) { return x + 1.0 }\n");
    for (int i = 1; i < 60; i++)
        n += snprintf(src + n, sizeof src - (size_t)n, "def f%d(x) { return f%d(x) }\n", i, i - 1);
    snprintf(src + n, sizeof src - (size_t)n, "graph g(x: f32[4]) {\n    return f59(x)\n}\n");
    IrGraph *g = ok(src);
    assert_int_equal(g->outs[0]->a.binary, BIN_ADD);
}

/* ---- statements, graphs, names ---------------------------------------------------------- */

static void test_graph_forms(void **state)
{
    (void)state;
    /* ';' separates statements; trailing commas; params over several lines */
    IrGraph *g = ok("graph g(x: f32[4],\n        y: f32[4],) { a = x + y; b = a * 2.0; return b, a }\n");
    assert_int_equal(g->nout, 2);
    assert_string_equal(g->out_names[0], "b");
    /* reassignment, returning an input, returning the same value twice */
    g = ok(graph_src("x: f32[4]", "    y = x\n    y = y + 1.0\n    return x, y, y"));
    assert_ptr_equal(g->outs[0], g->params[0]);
    assert_ptr_equal(g->outs[1], g->outs[2]);
    /* scalar and one-element inputs; dims as symbols */
    g = ok(graph_src("s: f32[], one: f32[1], x: bf16[B, T, 64]", "    return x * s * one"));
    assert_string_equal(ty(g, g->params[0]), "f32[]");
    assert_string_equal(ty(g, g->params[1]), "f32[1]");
    assert_int_equal(g->nsym, 2);
    assert_string_equal(out_ty(g, 0), "f32[B, T, 64]"); /* f32[1] has a dim: it promotes */
    /* an empty file and a file of only defs are fine and build nothing */
    compile("");
    assert_int_equal(diag.nerrors, 0);
    assert_int_equal(mod->ngraph, 0);
    compile("# nothing\n\ndef f(x) { return x }\n");
    assert_int_equal(diag.nerrors, 0);
    assert_int_equal(mod->ngraph, 0);

    err("graph g(x: f32[4], x: f32[4]) {\n    return x\n}\n", 1, 20, "duplicate parameter 'x'");
    err("graph g(x: bf17[4]) {\n    return x\n}\n", 1, 12,
        "unknown dtype 'bf17'; expected one of f32 f16 bf16 f8e4m3 f8e4m3fnuz f8e5m2 f8e5m2fnuz i8 "
        "i32 i64 bool u8 u16 u32 i16");
    err("graph g(x) {\n    return x\n}\n", 1, 9,
        "graph parameter 'x' needs a type, as in x: bf16[T, 4096]");
    err("graph g(x: f32[4], k = 2) {\n    return x\n}\n", 1, 20,
        "graph parameters take no default value");
    err("graph g(x: f32[0]) {\n    return x\n}\n", 1, 16, "dim size 0 out of range (1..2^40)");
    err("graph g(x: f32[2199023255552]) {\n    return x\n}\n", 1, 16, "dim size 2199023255552 out of range");
    err("graph g(x: f32[bf16]) {\n    return x\n}\n", 1, 16, "'bf16' is a dtype, not a size symbol");
    err("graph g(x: f32[1, 1, 1, 1, 1, 1, 1, 1, 1]) {\n    return x\n}\n", 1, 40,
        "rank 9 is over the limit of 8");
    err("graph g(x: f32[4]) {\n    y = x\n}\n", 1, 7, "graph 'g' has no return");
    err("graph g(x: f32[4]) {\n    return 1\n}\n", 2, 12, "a graph returns tensors, not an integer");
    err("graph g(x: f32[4]) {\n    return x, 2.0\n}\n", 2, 15, "a graph returns tensors, not a number");
    err("graph g(x: f32[4]) {\n    return [x]\n}\n", 2, 12, "a graph returns tensors, not a list");
    err("graph g(x: f32[T]) {\n    return T\n}\n", 2, 12, "a graph returns tensors, not a symbolic size");
    err("graph g(x: f32[4]) {\n    return f32\n}\n", 2, 12, "a graph returns tensors, not a dtype");
    err("graph g(x: f32[4]) {\n    return true\n}\n", 2, 12, "a graph returns tensors, not a bool");
    err("graph g(x: f32[4]) {\n    return y\n}\n", 2, 12, "unknown name 'y'");
    err("graph g(x: f32[4]) {\n    return foo(x)\n}\n", 2, 12, "unknown function 'foo'");
    err("graph g(x: f32[4]) {\n    return x\n    return x\n}\n", 3, 5, "statement after 'return'");
    err("graph g(x: f32[4]) {\n    a, b = x\n    return a\n}\n", 2, 10,
        "cannot unpack a tensor into 2 names");
    err("graph g(x: f32[4]) {\n    return x\n}\ngraph g(x: f32[4]) {\n    return x\n}\n", 4, 7,
        "duplicate graph 'g' (first defined at line 1)");
    assert_int_equal(mod->ngraph, 1);
    err("def f(x) { return x }\ndef f(y) { return y }\ngraph g(x: f32[4]) {\n    return f(x)\n}\n",
        2, 5, "duplicate function 'f' (first defined at line 1)");
    err("def f(x, x) { return x }\ngraph g(x: f32[4]) {\n    return f(x, x)\n}\n", 1, 10,
        "duplicate parameter 'x'");
}

/* ---- the lexer and the parser ------------------------------------------------------------ */

static const char *ast_text(const char *src)
{
    diag_free(&diag);
    SrcFile *f = front_source(arena, "t.sn", src, strlen(src));
    AstFile *a = front_parse(f, arena, &diag);
    assert_int_equal(diag.nerrors, 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    ast_print(a, out);
    fclose(out);
    char *s = arena_strdup(arena, buf);
    free(buf);
    return s;
}

static void test_parser_precedence(void **state)
{
    (void)state;
    assert_string_equal(ast_text("graph g(a: f32[T, 4], b: f32[]) {\n"
                                 "  return a + b * 2 - -a / b, !(a < b) && a >= b || a != b\n}\n"),
                        "(graph g (params (a f32[T 4]) (b f32[]))\n"
                        "  (return (- (+ a (* b 2)) (/ (- a) b)) (|| (&& (! (< a b)) (>= a b)) (!= a b)))\n"
                        ")\n");
    assert_string_equal(ast_text("def f(x, k=-1.5e-3) {\n  p, q = g(x, dim=k)[0][1:, :2, ..., :]\n"
                                 "  return [p, q,]\n}\n"),
                        "(def f (params (x) (k = (- 0.0015)))\n"
                        "  (= (p q) (index (index (call g x dim=k) 0) (slice 1 _) (slice _ 2) ... "
                        "(slice _ _)))\n"
                        "  (return (list p q))\n"
                        ")\n");
    /* literals */
    assert_string_equal(ast_text("graph g(x: f32[4]) { return 1, 2.5, .5, 3., 1e3, 2E-2, inf, nan, "
                                 "true, false }"),
                        "(graph g (params (x f32[4]))\n"
                        "  (return 1 2.5 0.5 3 1000 0.02 inf nan true false)\n"
                        ")\n");
    ret_err("x: f32[4]", "x * 1e999", 16, "float literal '1e999' is out of range");
    ret_err("x: f32[4]", "x * 9223372036854775808", 16,
            "integer literal '9223372036854775808' is out of range (max 9223372036854775807)");
    /* C's order: * / // % above + -, above << >>, above comparisons, above
     * & then ^ then |, above && and || */
    assert_string_equal(ast_text("graph g(a: i32[4]) {\n"
                                 "  return a | a ^ a & a == a << 1 + a // 2 % 3, ~a & a, a || a && a\n}\n"),
                        "(graph g (params (a i32[4]))\n"
                        "  (return (| a (^ a (& a (== a (<< a (+ 1 (% (// a 2) 3))))))) "
                        "(& (~ a) a) (|| a (&& a a)))\n"
                        ")\n");
    assert_string_equal(ast_text("graph g(x: f32[4]) { return 0x1F, 0XfF }"),
                        "(graph g (params (x f32[4]))\n  (return 31 255)\n)\n");
    /* comparisons do not chain */
    ret_err("x: f32[4]", "x < x < x", 18, "comparisons do not chain; write a < b && b < c");
    ret_err("x: f32[4]", "x == x != x", 19, "comparisons do not chain");
}

static void test_syntax_errors(void **state)
{
    (void)state;
    ret_err("x: f32[4]", "x +* 2", 15, "unexpected '*'; expected an expression");
    ret_err("x: f32[4]", "x @ 2", 14, "unexpected character '@'");
    ret_err("x: f32[4]", "x[]", 14, "unexpected ']'; expected an expression");
    ret_err("x: f32[4]", "abs(x,, x)", 18, "unexpected ','; expected an expression or ')'");
    /* what was expected is listed before the parser's default reductions */
    ret_err("x: f32[4]", "abs(x, +)", 19, "unexpected '+'; expected an expression or ')'");
    ret_err("x: f32[4]", "rms_norm(x x)", 23,
            "unexpected identifier 'x'; expected an operator, ')', ',' or '='");
    ret_err("x: f32[4]", "x y", 14, "unexpected identifier 'y'; expected an operator, '->', newline, '}' or ','");
    err("graph g(x: f32[4]) {\n    x + 1\n    return x\n}\n", 2, 7, "unexpected '+'; expected ',' or '='");
    err("graph g(x: f32[4]) {\n    y = = x\n    return x\n}\n", 2, 9,
        "unexpected '='; expected an expression");
    err("graph g(x: f32[4] {\n    return x\n}\n", 1, 19, "unexpected '{'; expected ')'");
    err("graph (x: f32[4]) {\n    return x\n}\n", 1, 7, "unexpected '('; expected identifier");
    err("return x\n", 1, 1, "unexpected 'return'; expected newline, 'graph' or 'def'");
    err("graph g(x: f32[4 4]) {\n    return x\n}\n", 1, 18, "unexpected integer; expected an operator, ',' or ']'");
    err("graph g(x: f32[4]) {\n    return graph\n}\n", 2, 12, "unexpected 'graph'");
    err("graph g(x: f32[4]) {\n    def = x\n    return x\n}\n", 2, 5, "unexpected 'def'");
    err("graph g(x: f32[4]) {\n    true = x\n    return x\n}\n", 2, 5, "unexpected 'true'");
    /* a newline is reported at the end of the line it ends, not on the next */
    err("graph g(x: f32[4]) {\n    return x +\n}\n", 2, 15, "unexpected newline; expected an expression");
    err("graph g(x: f32[4]) {\n    return x + # comment\n}\n", 2, 25, "unexpected newline");
    err("graph g(x: f32[4]) {\n    y = x;; return -\n}\n", 2, 21, "unexpected newline");
    /* unterminated input */
    err("graph g(x: f32[4]) {\n    return x", 2, 13, "unexpected end of file; expected '}'");
    err("graph g(x: f32[4]) {\n    return (x\n", 3, 1, "unexpected end of file; expected ')'");
    err("graph g(x: f32[4]", 1, 18, "unexpected end of file; expected ')'");
    err("graph g(x: f32[4]) {\n    return x[0", 2, 15, "unexpected end of file; expected ']'");
    err("graph g(x: f32[4]) {\n    return abs(x\ngraph h(x: f32[4]) {\n    return x\n}\n", 3, 1,
        "unexpected 'graph'; expected ')'");
}

/* Every graph's first error, in one run; the good graphs are still built. */
static void test_several_graphs_errors(void **state)
{
    (void)state;
    compile("graph a(x: f32[4]) {\n"                  /* 1 */
            "    y = x + * 2\n"                       /* 2: syntax */
            "    return y +\n"                        /* 3: not reported (same graph) */
            "}\n"                                     /* 4 */
            "graph b(x: f32[4], y: f32[5]) {\n"       /* 5 */
            "    z = x + y\n"                         /* 6: shapes */
            "    return w\n"                          /* 7: not reported */
            "}\n"                                     /* 8 */
            "graph c(x: f32[4]) {\n"                  /* 9 */
            "    return x\n"                          /* 10: fine */
            "}\n"                                     /* 11 */
            "graph d(x: f32[4]) {\n"                  /* 12 */
            "    y = abs(x $ 1)\n"                    /* 13: bad character */
            "    return y ` `\n"                      /* 14: not reported */
            "}\n"                                     /* 15 */
            "graph e(x: f32[4]) {\n"                  /* 16 */
            "    y = abs(x\n"                         /* 17: unclosed '(' */
            "}\n"                                     /* 18 */
            "graph f(x: f32[4]) {\n"                  /* 19: after the unclosed '(' */
            "    y = x\n"                             /* 20 */
            "    return q\n"                          /* 21: unknown name */
            "}\n"                                     /* 22 */
            "graph h(x: f32[4]) {\n"                  /* 23 */
            "    return x\n"                          /* 24: missing '}' */
            "graph i(x: f32[4]) {\n"                  /* 25: reported, and i still checked */
            "    return i\n"                          /* 26: unknown name */
            "}\n"
            "def k(x) { return x }\n"
            "def k(x) { return x }\n"                 /* 29: duplicate def */
            "graph j(x: f32[4]) {\n"
            "    return sum(x, 5)\n"                  /* 31: graphs checked despite the def */
            "}\n");
    struct {
        int line, col;
        const char *text;
    } want[] = {
        {2, 13, "unexpected '*'"},
        {13, 15, "unexpected character '$'"},
        {18, 1, "unexpected '}'; expected an operator, ')', ',' or '='"},
        {25, 1, "unexpected 'graph'"},
        {29, 5, "duplicate function 'k'"},
        {6, 11, "shapes do not broadcast in '+': f32[4] vs f32[5]"},
        {21, 12, "unknown name 'q'"},
        {26, 12, "unknown name 'i'"},
        {31, 19, "dim 5 is out of range"},
    };
    int n = (int)(sizeof want / sizeof want[0]);
    if (diag.nerrors != n)
        diag_print(&diag, stderr);
    assert_int_equal(diag.nerrors, n);
    for (int k = 0; k < n; k++) {
        bool found = false;
        for (const DiagMsg *m = diag.head; m; m = m->next)
            found |= m->level == DIAG_ERROR && m->span.line == want[k].line &&
                     m->span.col == want[k].col && strstr(m->text, want[k].text);
        if (!found)
            fprintf(stderr, "missing %d:%d: %s\n", want[k].line, want[k].col, want[k].text);
        assert_true(found);
    }
    assert_int_equal(mod->ngraph, 1);
    assert_string_equal(mod->graphs[0]->name, "c");
}

/* Bad bytes: one error per item, even in a run of garbage. */
static void test_bad_bytes(void **state)
{
    (void)state;
    static const char src[] = "graph g(x: f32[4]) {\n    return x\xff\xfe\x01 + 1\n}\n"
                              "graph h(x: f32[4]) {\n    return \x7f\x00\x80\n}\n"
                              "graph k(x: f32[4]) {\n    return x\n}\n";
    diag_free(&diag);
    SrcFile *f = front_source(arena, "t.sn", src, sizeof src - 1);
    mod = front_compile(f, arena, &diag);
    assert_int_equal(diag.nerrors, 2);
    expect_msg(nth_error(0), 2, 13, "unexpected byte 0xff");
    expect_msg(nth_error(1), 5, 12, "unexpected byte 0x7f");
    assert_int_equal(mod->ngraph, 1);
    /* pseudo-random garbage never crashes and never floods */
    uint32_t seed = 12345;
    for (int round = 0; round < 50; round++) {
        char buf[600];
        for (size_t i = 0; i < sizeof buf; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (char)(seed >> 16);
        }
        if (round % 2) /* garbage inside an otherwise good graph */
            memcpy(buf, "graph g(x: f32[4]) {\n    return x + ", 36);
        diag_free(&diag);
        f = front_source(arena, "t.sn", buf, sizeof buf);
        mod = front_compile(f, arena, &diag);
        /* at most one error before the first item and one per item */
        int items = 0;
        for (size_t i = 0; i + 3 <= sizeof buf; i++)
            items += memcmp(buf + i, "def", 3) == 0 ||
                     (i + 5 <= sizeof buf && memcmp(buf + i, "graph", 5) == 0);
        assert_true(diag.nerrors >= 1);
        assert_true(diag.nerrors <= 1 + items);
        for (const DiagMsg *m = diag.head; m; m = m->next)
            assert_non_null(m->span.file);
    }
}

/* Nesting limits are errors, not stack overflows. */
static void test_deep_nesting(void **state)
{
    (void)state;
    enum { N = 20000 };
    static const char *const forms[][3] = {
        {"(", "a", ")"}, {"-", "a", ""}, {"!", "a", ""}, {"[", "a", "]"}, {"abs(", "a", ")"},
    };
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        size_t lo = strlen(forms[k][0]), hi = strlen(forms[k][2]);
        char *src = malloc(64 + N * (lo + hi + 1));
        int n = sprintf(src, "graph g(a: f32[4]) {\n    return ");
        for (int i = 0; i < N; i++)
            n += sprintf(src + n, "%s", forms[k][0]);
        n += sprintf(src + n, "a");
        for (int i = 0; i < N; i++)
            n += sprintf(src + n, "%s", forms[k][2]);
        sprintf(src + n, "\n}\ngraph ok(a: f32[4]) {\n    return a\n}\n");
        compile(src);
        free(src);
        assert_int_equal(diag.nerrors, 1);
        assert_non_null(strstr(nth_error(0)->text, "nested too deeply"));
        assert_int_equal(nth_error(0)->span.line, 2);
        assert_int_equal(mod->ngraph, 1); /* the next graph is still built */
    }
    /* a 20,000-term chain is as deep as its tree */
    char *src = malloc(64 + 2 * N);
    int n = sprintf(src, "graph g(a: f32[4]) {\n    return a");
    for (int i = 1; i < N; i++)
        n += sprintf(src + n, "+a");
    sprintf(src + n, "\n}\n");
    compile(src);
    free(src);
    assert_int_equal(diag.nerrors, 1);
    assert_non_null(strstr(nth_error(0)->text, "nested too deeply"));
    /* but 200 levels of anything are fine */
    src = malloc(8192);
    n = sprintf(src, "graph g(a: f32[4]) {\n    return ");
    for (int i = 0; i < 100; i++)
        n += sprintf(src + n, "abs(-");
    n += sprintf(src + n, "a");
    for (int i = 0; i < 100; i++)
        n += sprintf(src + n, ")");
    sprintf(src + n, "\n}\n");
    IrGraph *g = ok(src);
    free(src);
    assert_int_equal(count_unary(g, UN_ABS), 100);
    assert_int_equal(count_unary(g, UN_NEG), 100);
}

/* ---- diagnostics as printed ----------------------------------------------------------------- */

static const char *printed_diag(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(&diag, f);
    fclose(f);
    char *s = arena_strdup(arena, buf);
    free(buf);
    return s;
}

static void test_diag_print_format(void **state)
{
    (void)state;
    err("graph g(x: bf16[T, 4096], y: bf16[T, 512]) {\n    return x + y\n}\n", 2, 14, "shapes");
    assert_string_equal(printed_diag(),
                        "t.sn:2:14: error: shapes do not broadcast in '+': bf16[T, 4096] vs "
                        "bf16[T, 512] (dim -1: 4096 vs 512)\n"
                        "        return x + y\n"
                        "                 ^\n");
    /* a span longer than one byte gets '~'; tabs print as spaces; bytes as '?' */
    err("graph g(x: f32[4]) {\n\treturn foo(x) # \xc3\xa9\n}\n", 2, 9, "unknown function");
    assert_string_equal(printed_diag(), "t.sn:2:9: error: unknown function 'foo'\n"
                                        "     return foo(x) # ??\n"
                                        "            ^~~\n");
    /* notes follow their error, each located */
    err("def f(x) { return x + y }\ngraph g(x: f32[4]) {\n    return f(x)\n}\n", 1, 23,
        "unknown name 'y'");
    assert_string_equal(printed_diag(), "t.sn:1:23: error: unknown name 'y'\n"
                                        "    def f(x) { return x + y }\n"
                                        "                          ^\n"
                                        "t.sn:3:12: note: in the call to 'f' here\n"
                                        "        return f(x)\n"
                                        "               ^\n");
    /* errors inside the standard library are reported at the user's call */
    err("graph g(x: f32[T, 8], w: f32[4]) {\n    return rms_norm(x, w)\n}\n", 2, 12, "rms_norm");
    assert_string_equal(printed_diag(),
                        "t.sn:2:12: error: shapes do not broadcast in '*': f32[T, 8] vs f32[4] "
                        "(dim -1: 8 vs 4) (in standard library function 'rms_norm')\n"
                        "        return rms_norm(x, w)\n"
                        "               ^~~~~~~~\n");
    /* a location at the end of the file */
    err("graph g(x: f32[4]) {\n    return x", 2, 13, "end of file");
    assert_string_equal(printed_diag(),
                        "t.sn:2:13: error: unexpected end of file; expected '}'\n"
                        "        return x\n"
                        "                ^\n");
    /* every error of a run, each with its location */
    compile("graph a(x: f32[4]) {\n    return y\n}\ngraph b(x: f32[4]) {\n    return z\n}\n");
    assert_int_equal(diag.nerrors, 2);
    const char *s = printed_diag();
    assert_non_null(strstr(s, "t.sn:2:12: error: unknown name 'y'\n"));
    assert_non_null(strstr(s, "t.sn:5:12: error: unknown name 'z'\n"));
}

/* ---- regressions for front-end bugs ------------------------------------------------------------ */

/* split/chunk of a rank-0 tensor built a graph with no outputs (abort). */
static void test_rank0_layout_ops(void **state)
{
    (void)state;
    ret_err("s: f32[]", "split(s, 1)", 12, "cannot split a rank-0 tensor (f32[])");
    ret_err("s: f32[]", "chunk(s, 2)", 12, "cannot chunk a rank-0 tensor");
    ret_err("s: f32[]", "slice(s, 0, 0, 1)", 12, "cannot slice a rank-0 tensor");
    ret_err("s: f32[]", "unflatten(s, 0, [1])", 12, "cannot unflatten a rank-0 tensor");
    ret_err("s: f32[]", "s[0]", 13, "too many indices (1) for f32[]");
    IrGraph *g = ret_ok("s: f32[]", "transpose(s, 0, -1), squeeze(s, 0), unsqueeze(s, 0), s[...], "
                                    "flatten(s), expand(s, [3, 2]), view(s, [1, 1]), stack([s])");
    const char *want[] = {"f32[]", "f32[]", "f32[1]", "f32[]", "f32[1]", "f32[3, 2]", "f32[1, 1]",
                          "f32[1]"};
    for (int k = 0; k < 8; k++)
        assert_string_equal(out_ty(g, k), want[k]);
}

/* A syntax error inside brackets left the lexer's bracket depth up, so the
 * next graph's newlines were swallowed; an error at a `graph` keyword skipped
 * that whole graph. */
static void test_recovery_after_syntax_error(void **state)
{
    (void)state;
    compile("graph a(x: f32[4]) {\n    y = abs(x, @\n}\n"
            "graph b(x: f32[4]) {\n    y = x\n    return y\n}\n");
    assert_int_equal(diag.nerrors, 1);
    expect_msg(nth_error(0), 2, 16, "unexpected character '@'");
    assert_int_equal(mod->ngraph, 1);
    compile("graph a(x: f32[4]) {\n    return x\ngraph b(x: f32[4]) {\n    y = x\n    return q\n}\n");
    assert_int_equal(diag.nerrors, 2);
    expect_msg(nth_error(0), 3, 1, "unexpected 'graph'; expected '}'");
    expect_msg(nth_error(1), 5, 12, "unknown name 'q'");
    compile("graph a(x: f32[4]) {\n    return (x + [x\ndef f(x) {\n    y = x\n    return y\n}\n"
            "graph b(x: f32[4]) {\n    return f(x)\n}\n");
    assert_int_equal(diag.nerrors, 1);
    assert_int_equal(mod->ngraph, 1);
}

static void test_stdlib_defaults_have_no_caller_names(void **state)
{
    (void)state;
    /* a user variable named like a default's value does not leak in */
    IrGraph *g = ok(graph_src("x: bf16[T, 256], s: f32[]",
                              "    f8e4m3 = 1\n    eps = x\n    return quant_fp8(x, s), rms_norm(x, x)"));
    assert_string_equal(out_ty(g, 0), "f8e4m3[T, 256]");
    assert_string_equal(out_ty(g, 1), "bf16[T, 256]");
    /* graph symbols are invisible inside the library */
    g = ok(graph_src("x: bf16[m, 256], s: f32[]", "    return quant_fp8(x, s)"));
    assert_string_equal(out_ty(g, 0), "f8e4m3[m, 256]");
}

static void test_size_symbol_messages(void **state)
{
    (void)state;
    ret_err("x: f32[A, B, C, D, E]", "view(x, [A*B*C*D*E])", 28, "size product out of range");
    ret_err("x: f32[A, B, C, D, E]", "flatten(x)", 12, "size product out of range");
    err(graph_src("x: f32[1099511627776, 1099511627776]", "    return x"), 1, 9,
        "f32[1099511627776, 1099511627776] has more than 2^40 elements");
    ret_err("x: f32[1048576, 1048576]", "expand(unsqueeze(x, 0), [2, 1048576, 1048576])", 12,
            "f32[2, 1048576, 1048576] has more than 2^40 elements");
    ret_err("x: f32[T]", "x * T", 16, "operand of '*' must be a tensor or a number, not a symbolic size");
}

/* The IR text of a small graph, whole: the printer's stable form. */
static void test_printed_ir(void **state)
{
    (void)state;
    IrGraph *g = ok("graph add_norm(x: bf16[T, 64], r: bf16[T, 64], w: bf16[64]) {\n"
                    "    h = x + r\n"
                    "    return rms_norm(h, w, eps=1e-5), h\n"
                    "}\n");
    assert_string_equal(printed(g),
                        "graph add_norm(%0 x: bf16[T, 64], %1 r: bf16[T, 64], %2 w: bf16[64]) {\n"
                        "  %3: bf16[T, 64] = f32 add %0, %1\n"
                        "  %4: bf16[T, 64] = f32 mul %3, %3\n"
                        "  %5: bf16[T, 1] = f32 reduce.mean %4 axes=[1] keepdim\n"
                        "  %6: bf16[T, 1] = const 9.99999975e-06\n"
                        "  %7: bf16[T, 1] = f32 add %5, %6\n"
                        "  %8: bf16[T, 1] = f32 rsqrt %7\n"
                        "  %9: bf16[T, 64] = view %8 (v0, 0)\n"
                        "  %10: bf16[T, 64] = f32 mul %3, %9\n"
                        "  %11: bf16[T, 64] = view %2 (v1)\n"
                        "  %12: bf16[T, 64] = f32 mul %10, %11\n"
                        "  return %12, %3 (h)\n"
                        "}\n");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_language_md_example),
        T(test_unary_builtins),
        T(test_max_min),
        T(test_pow_clamp_where_to),
        T(test_reductions),
        T(test_keyword_arguments),
        T(test_stdlib_norms),
        T(test_stdlib_activations),
        T(test_stdlib_rope),
        T(test_stdlib_quant),
        T(test_internal_helpers_refused),
        T(test_broadcasting),
        T(test_dtype_promotion),
        T(test_integer_ops),
        T(test_derived_sizes),
        T(test_view_reshape),
        T(test_permute_transpose),
        T(test_slice_split_chunk),
        T(test_expand_squeeze_flatten),
        T(test_cat_stack),
        T(test_indexing),
        T(test_gather),
        T(test_def_inlining),
        T(test_user_def_shadows_stdlib),
        T(test_recursion),
        T(test_graph_forms),
        T(test_parser_precedence),
        T(test_syntax_errors),
        T(test_several_graphs_errors),
        T(test_bad_bytes),
        T(test_deep_nesting),
        T(test_diag_print_format),
        T(test_rank0_layout_ops),
        T(test_recovery_after_syntax_error),
        T(test_stdlib_defaults_have_no_caller_names),
        T(test_size_symbol_messages),
        T(test_printed_ir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
