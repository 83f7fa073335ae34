/* test_index.c - unit tests for ir/index.c: Dim monomials (construction,
 * product, exact division, evaluation with overflow, printing) and index
 * expressions (folding, evaluation, substitution, printing). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ir.h"

enum { SYM_T, SYM_B, SYM_H };
static const char *const symnames[] = {"T", "B", "H"};

static Dim dim_of(int64_t coef, int nsym, const int *syms)
{
    Dim d = dim_const(coef);
    for (int k = 0; k < nsym; k++) {
        Dim r;
        assert_true(dim_mul(d, dim_sym(syms[k]), &r));
        d = r;
    }
    return d;
}

static const char *dstr(Dim d)
{
    static char buf[64];
    return dim_str(d, symnames, buf, sizeof buf);
}

static const char *xstr(const IxExpr *e)
{
    static char buf[256];
    ix_print(e, symnames, buf, sizeof buf);
    return buf;
}

/* ---- Dim ------------------------------------------------------------------ */

static void test_dim_basics(void **state)
{
    (void)state;
    Dim c = dim_const(4096), t = dim_sym(SYM_T);
    assert_true(dim_is_const(c, 4096));
    assert_false(dim_is_const(c, 4095));
    assert_false(dim_is_const(t, 1));
    assert_true(dim_eq(t, dim_sym(SYM_T)));
    assert_false(dim_eq(t, dim_sym(SYM_B)));
    assert_false(dim_eq(t, dim_const(1)));
    assert_string_equal(dstr(c), "4096");
    assert_string_equal(dstr(t), "T");
    assert_string_equal(dstr(dim_const(1)), "1");
}

static void test_dim_mul_sorted(void **state)
{
    (void)state;
    Dim r, r2;
    /* symbols end up sorted whatever the order of multiplication */
    assert_true(dim_mul(dim_sym(SYM_H), dim_const(32), &r));
    assert_true(dim_mul(r, dim_sym(SYM_T), &r));
    assert_int_equal(r.coef, 32);
    assert_int_equal(r.nsym, 2);
    assert_int_equal(r.syms[0], SYM_T);
    assert_int_equal(r.syms[1], SYM_H);
    assert_string_equal(dstr(r), "32*T*H");
    assert_true(dim_mul(dim_sym(SYM_T), dim_sym(SYM_H), &r2));
    assert_true(dim_mul(r2, dim_const(32), &r2));
    assert_true(dim_eq(r, r2));
    /* repeated symbols */
    assert_true(dim_mul(dim_sym(SYM_T), dim_sym(SYM_T), &r));
    assert_string_equal(dstr(r), "T*T");
    assert_string_equal(dstr(dim_of(1, 2, (int[]){SYM_B, SYM_T})), "T*B");
}

static void test_dim_mul_overflow(void **state)
{
    (void)state;
    Dim r = dim_const(7);
    assert_false(dim_mul(dim_const(INT64_MAX / 2 + 1), dim_const(2), &r));
    assert_int_equal(r.coef, 7); /* untouched on failure */
    assert_true(dim_mul(dim_const(INT64_MAX / 2), dim_const(2), &r));
    assert_int_equal(r.coef, INT64_MAX - 1);
    /* too many symbols */
    Dim four = dim_of(1, 4, (int[]){0, 1, 2, 2});
    assert_int_equal(four.nsym, IR_MAX_DIM_SYMS);
    assert_false(dim_mul(four, dim_sym(0), &r));
    assert_true(dim_mul(four, dim_const(3), &r));
}

static void test_dim_div(void **state)
{
    (void)state;
    Dim r;
    Dim t32 = dim_of(32, 1, (int[]){SYM_T});
    Dim tb64 = dim_of(64, 2, (int[]){SYM_T, SYM_B});
    assert_true(dim_div(dim_const(4096), dim_const(128), &r));
    assert_true(dim_is_const(r, 32));
    assert_false(dim_div(dim_const(4096), dim_const(3), &r));
    assert_false(dim_div(dim_const(4096), dim_const(0), &r));
    assert_true(dim_div(t32, dim_const(8), &r));
    assert_string_equal(dstr(r), "4*T");
    assert_true(dim_div(t32, dim_sym(SYM_T), &r));
    assert_true(dim_is_const(r, 32));
    assert_true(dim_div(tb64, t32, &r));
    assert_string_equal(dstr(r), "2*B");
    assert_true(dim_div(tb64, tb64, &r));
    assert_true(dim_is_const(r, 1));
    assert_false(dim_div(t32, dim_sym(SYM_B), &r));      /* B missing */
    assert_false(dim_div(dim_const(32), dim_sym(SYM_T), &r));
    assert_false(dim_div(tb64, dim_const(128), &r));     /* 64 % 128 */
    /* multiplicity counts: T*T / T = T, T / (T*T) fails */
    Dim tt = dim_of(1, 2, (int[]){SYM_T, SYM_T});
    assert_true(dim_div(tt, dim_sym(SYM_T), &r));
    assert_true(dim_eq(r, dim_sym(SYM_T)));
    assert_false(dim_div(dim_sym(SYM_T), tt, &r));
    /* H*T*B / (T*H) = B */
    Dim thb = dim_of(1, 3, (int[]){SYM_H, SYM_T, SYM_B});
    assert_true(dim_div(thb, dim_of(1, 2, (int[]){SYM_T, SYM_H}), &r));
    assert_true(dim_eq(r, dim_sym(SYM_B)));
}

static void test_dim_eval(void **state)
{
    (void)state;
    int64_t sv[3] = {2048, 3, 5};
    assert_int_equal(dim_eval(dim_const(4096), sv), 4096);
    assert_int_equal(dim_eval(dim_of(32, 2, (int[]){SYM_T, SYM_H}), sv), 32 * 2048 * 5);
    int64_t big[3] = {INT64_MAX / 2 + 1, 1, 1};
    assert_int_equal(dim_eval(dim_of(2, 1, (int[]){SYM_T}), big), -1);
    assert_int_equal(dim_eval(dim_of(1, 1, (int[]){SYM_T}), big), INT64_MAX / 2 + 1);
    int64_t neg[3] = {-1, 1, 1};
    assert_int_equal(dim_eval(dim_sym(SYM_T), neg), -1);
}

static void test_dim_str(void **state)
{
    (void)state;
    char buf[8];
    assert_string_equal(dim_str(dim_of(32, 1, (int[]){SYM_T}), symnames, buf, sizeof buf), "32*T");
    /* truncation is safe and terminated */
    dim_str(dim_of(123456, 2, (int[]){SYM_T, SYM_B}), symnames, buf, sizeof buf);
    assert_int_equal(strlen(buf), sizeof buf - 1);
    assert_string_equal(buf, "123456*");
    /* no names: s<k> */
    assert_string_equal(dim_str(dim_of(2, 1, (int[]){1}), NULL, buf, sizeof buf), "2*s1");
}

/* ---- IxExpr folding ---------------------------------------------------------- */

static void test_ix_fold_add_mul(void **state)
{
    (void)state;
    Arena *ar = arena_new();
    IxExpr *v0 = ix_var(ar, 0), *v1 = ix_var(ar, 1);
    IxExpr *e;

    e = ix_add(ar, ix_const(ar, 3), ix_const(ar, 4));
    assert_int_equal(e->kind, IX_CONST);
    assert_int_equal(e->c, 7);
    assert_ptr_equal(ix_add(ar, v0, ix_const(ar, 0)), v0);
    assert_ptr_equal(ix_add(ar, ix_const(ar, 0), v0), v0);
    /* constants gather on the right */
    e = ix_add(ar, ix_add(ar, ix_const(ar, 2), v0), ix_const(ar, 5));
    assert_string_equal(xstr(e), "(v0 + 7)");
    /* no fold on overflow */
    e = ix_add(ar, ix_const(ar, INT64_MAX), ix_const(ar, 1));
    assert_int_equal(e->kind, IX_ADD);

    assert_ptr_equal(ix_mul(ar, v0, ix_const(ar, 1)), v0);
    e = ix_mul(ar, v0, ix_const(ar, 0));
    assert_true(e->kind == IX_CONST && e->c == 0);
    e = ix_mul(ar, ix_const(ar, 6), ix_const(ar, 7));
    assert_true(e->kind == IX_CONST && e->c == 42);
    /* constant left operand moves right; nested constant products merge */
    e = ix_mul(ar, ix_const(ar, 4), v1);
    assert_string_equal(xstr(e), "v1*4");
    e = ix_mul(ar, e, ix_const(ar, 8));
    assert_string_equal(xstr(e), "v1*32");
    /* symbolic: v0 * T * 2 -> v0*(2*T); T * 4 -> the Dim 4*T */
    e = ix_mul(ar, ix_mul(ar, v0, ix_dim(ar, dim_sym(SYM_T))), ix_const(ar, 2));
    assert_string_equal(xstr(e), "v0*(2*T)");
    e = ix_mul(ar, ix_dim(ar, dim_sym(SYM_T)), ix_const(ar, 4));
    assert_int_equal(e->kind, IX_DIM);
    assert_string_equal(dstr(e->dim), "4*T");
    /* ix_dim of a constant Dim is a constant */
    e = ix_dim(ar, dim_const(9));
    assert_true(e->kind == IX_CONST && e->c == 9);
    /* constant product overflow: kept as a product */
    e = ix_mul(ar, ix_const(ar, INT64_MAX), ix_const(ar, 2));
    assert_int_equal(e->kind, IX_MUL);
    arena_free(ar);
}

static void test_ix_fold_div_mod(void **state)
{
    (void)state;
    Arena *ar = arena_new();
    IxExpr *v0 = ix_var(ar, 0);
    IxExpr *c128 = ix_const(ar, 128), *c4 = ix_const(ar, 4), *c32 = ix_const(ar, 32);
    IxExpr *T = ix_dim(ar, dim_sym(SYM_T));
    IxExpr *e;

    assert_ptr_equal(ix_div(ar, v0, ix_const(ar, 1)), v0);
    e = ix_mod(ar, v0, ix_const(ar, 1));
    assert_true(e->kind == IX_CONST && e->c == 0);
    e = ix_div(ar, ix_const(ar, 17), c4);
    assert_true(e->kind == IX_CONST && e->c == 4);
    e = ix_mod(ar, ix_const(ar, 17), c4);
    assert_true(e->kind == IX_CONST && e->c == 1);
    e = ix_div(ar, ix_const(ar, 0), T);
    assert_true(e->kind == IX_CONST && e->c == 0);
    e = ix_mod(ar, ix_const(ar, 0), T);
    assert_true(e->kind == IX_CONST && e->c == 0);
    /* (a*c)/c -> a, (a*c)%c -> 0, and with symbols */
    assert_ptr_equal(ix_div(ar, ix_mul(ar, v0, c128), c128), v0);
    e = ix_mod(ar, ix_mul(ar, v0, c128), c128);
    assert_true(e->kind == IX_CONST && e->c == 0);
    assert_ptr_equal(ix_div(ar, ix_mul(ar, v0, T), T), v0);
    e = ix_mod(ar, ix_mul(ar, v0, T), T);
    assert_true(e->kind == IX_CONST && e->c == 0);
    /* (a*128)/32 -> a*4, (a*128)%32 -> 0 */
    assert_string_equal(xstr(ix_div(ar, ix_mul(ar, v0, c128), c32)), "v0*4");
    e = ix_mod(ar, ix_mul(ar, v0, c128), c32);
    assert_true(e->kind == IX_CONST && e->c == 0);
    /* (a*32)/128 -> a/4, (a*32)%128 -> (a%4)*32 */
    assert_string_equal(xstr(ix_div(ar, ix_mul(ar, v0, c32), c128)), "v0/4");
    assert_string_equal(xstr(ix_mod(ar, ix_mul(ar, v0, c32), c128)), "v0%4*32");
    /* nested divides */
    assert_string_equal(xstr(ix_div(ar, ix_div(ar, v0, c4), c32)), "v0/128");
    assert_string_equal(xstr(ix_div(ar, ix_div(ar, v0, T), c4)), "v0/(4*T)");
    /* (a%c)%c -> a%c ; (a%4)%32 stays */
    e = ix_mod(ar, v0, c4);
    assert_ptr_equal(ix_mod(ar, e, ix_const(ar, 4)), e);
    assert_string_equal(xstr(ix_mod(ar, e, c32)), "v0%4%32");
    /* Dim by Dim */
    Dim t64;
    assert_true(dim_mul(dim_sym(SYM_T), dim_const(64), &t64));
    e = ix_div(ar, ix_dim(ar, t64), c32);
    assert_int_equal(e->kind, IX_DIM);
    assert_string_equal(dstr(e->dim), "2*T");
    e = ix_mod(ar, ix_dim(ar, t64), T);
    assert_true(e->kind == IX_CONST && e->c == 0);
    /* no unsound folds: (a + 1)/4 and a/4*4 stay */
    assert_string_equal(xstr(ix_div(ar, ix_add(ar, v0, ix_const(ar, 1)), c4)), "(v0 + 1)/4");
    assert_string_equal(xstr(ix_mul(ar, ix_div(ar, v0, c4), c4)), "v0/4*4");
    arena_free(ar);
}

/* ---- evaluation ----------------------------------------------------------------- */

static void test_ix_eval(void **state)
{
    (void)state;
    Arena *ar = arena_new();
    IxExpr *v0 = ix_var(ar, 0), *v1 = ix_var(ar, 1), *v2 = ix_var(ar, 2);
    IxExpr *T = ix_dim(ar, dim_sym(SYM_T));
    int64_t sv[3] = {10, 3, 7};
    /* (v0*T + v1)/4 % 5 + v2*128, checked against a naive loop */
    IxExpr *e = ix_add(ar,
                       ix_mod(ar, ix_div(ar, ix_add(ar, ix_mul(ar, v0, T), v1), ix_const(ar, 4)),
                              ix_const(ar, 5)),
                       ix_mul(ar, v2, ix_const(ar, 128)));
    for (int64_t a = 0; a < 6; a++)
        for (int64_t b = 0; b < 10; b++)
            for (int64_t c = 0; c < 3; c++) {
                int64_t vars[3] = {a, b, c};
                assert_int_equal(ix_eval(e, vars, sv), (a * 10 + b) / 4 % 5 + c * 128);
            }
    int64_t vars[3] = {1, 2, 3};
    Dim t3;
    assert_true(dim_mul(dim_sym(SYM_T), dim_sym(SYM_B), &t3));
    assert_int_equal(ix_eval(ix_dim(ar, t3), vars, sv), 30);
    /* overflow, negative values and zero divisors give -1 */
    int64_t huge[3] = {INT64_MAX / 2 + 1, 0, 0};
    assert_int_equal(ix_eval(ix_mul(ar, v0, ix_const(ar, 2)), huge, sv), -1);
    assert_int_equal(ix_eval(ix_add(ar, v0, v0), huge, sv), -1);
    assert_int_equal(ix_eval(ix_add(ar, v0, ix_const(ar, 1)), (int64_t[]){-5, 0, 0}, sv), -1);
    int64_t zero_t[3] = {0, 1, 1};
    assert_int_equal(ix_eval(ix_div(ar, v1, T), vars, zero_t), -1);
    assert_int_equal(ix_eval(ix_mod(ar, v1, T), vars, zero_t), -1);
    assert_int_equal(ix_eval(ix_mul(ar, v2, T), vars, (int64_t[]){INT64_MAX, 1, 1}), -1);
    arena_free(ar);
}

/* ---- substitution and printing ---------------------------------------------------- */

static void test_ix_subst(void **state)
{
    (void)state;
    Arena *ar = arena_new();
    IxExpr *v0 = ix_var(ar, 0), *v1 = ix_var(ar, 1);
    /* reshape [T,4096] -> [T,32,128] composed with its inverse folds back */
    IxExpr *flat = ix_add(ar, ix_mul(ar, v1, ix_const(ar, 128)), ix_var(ar, 2));
    IxExpr *inv[3] = {v0, ix_div(ar, v1, ix_const(ar, 128)), ix_mod(ar, v1, ix_const(ar, 128))};
    IxExpr *e = ix_subst(ar, flat, inv);
    assert_string_equal(xstr(e), "(v1/128*128 + v1%128)");
    /* permute: swap vars */
    IxExpr *sw[2] = {v1, v0};
    assert_string_equal(xstr(ix_subst(ar, flat, (IxExpr *[]){v0, v1, ix_const(ar, 0)})),
                        "v1*128");
    e = ix_add(ar, ix_mul(ar, v0, ix_const(ar, 4)), v1);
    assert_string_equal(xstr(ix_subst(ar, e, sw)), "(v1*4 + v0)");
    /* substituting constants folds completely */
    IxExpr *k[3] = {ix_const(ar, 3), ix_const(ar, 5), ix_const(ar, 7)};
    e = ix_subst(ar, flat, k);
    assert_true(e->kind == IX_CONST && e->c == 5 * 128 + 7);
    /* substitution result evaluates like evaluating with substituted values */
    IxExpr *g = ix_mod(ar, ix_div(ar, ix_add(ar, v0, ix_dim(ar, dim_sym(SYM_T))), ix_const(ar, 3)),
                       ix_const(ar, 4));
    IxExpr *s2[2] = {ix_add(ar, ix_mul(ar, v1, ix_const(ar, 2)), ix_const(ar, 1)), v0};
    IxExpr *gs = ix_subst(ar, g, s2);
    int64_t sv[1] = {5};
    for (int64_t a = 0; a < 4; a++)
        for (int64_t b = 0; b < 9; b++) {
            int64_t vars[2] = {a, b};
            int64_t inner[2] = {b * 2 + 1, a};
            assert_int_equal(ix_eval(gs, vars, sv), ix_eval(g, inner, sv));
        }
    arena_free(ar);
}

static void test_ix_print(void **state)
{
    (void)state;
    Arena *ar = arena_new();
    IxExpr *v1 = ix_var(ar, 1), *v2 = ix_var(ar, 2);
    IxExpr *e = ix_add(ar, ix_mul(ar, v1, ix_const(ar, 128)), v2);
    assert_string_equal(xstr(e), "(v1*128 + v2)");
    /* a sum inside a sum is flat; a sum under a product keeps its parens */
    IxExpr *s = ix_add(ar, e, ix_const(ar, 3));
    assert_string_equal(xstr(s), "(v1*128 + v2 + 3)");
    assert_string_equal(xstr(ix_mul(ar, s, ix_dim(ar, dim_sym(SYM_H)))), "(v1*128 + v2 + 3)*H");
    assert_string_equal(xstr(ix_mod(ar, ix_div(ar, v2, ix_dim(ar, dim_sym(SYM_B))), ix_const(ar, 7))),
                        "v2/B%7");
    char small[6];
    ix_print(e, symnames, small, sizeof small);
    assert_string_equal(small, "(v1*1");
    ix_print(ix_dim(ar, dim_sym(SYM_T)), NULL, small, sizeof small);
    assert_string_equal(small, "s0");
    arena_free(ar);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dim_basics),
        cmocka_unit_test(test_dim_mul_sorted),
        cmocka_unit_test(test_dim_mul_overflow),
        cmocka_unit_test(test_dim_div),
        cmocka_unit_test(test_dim_eval),
        cmocka_unit_test(test_dim_str),
        cmocka_unit_test(test_ix_fold_add_mul),
        cmocka_unit_test(test_ix_fold_div_mod),
        cmocka_unit_test(test_ix_eval),
        cmocka_unit_test(test_ix_subst),
        cmocka_unit_test(test_ix_print),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
