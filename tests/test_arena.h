/* test_arena.h - the fixture the IR unit tests share: one arena per test
 * (AR, made by setup and freed by teardown, for cmocka's
 * cmocka_unit_test_setup_teardown) and shorthands for builder arguments.
 * Include it once, in a test's .c file, after <cmocka.h>. */
#ifndef SINTER_TEST_ARENA_H
#define SINTER_TEST_ARENA_H

#include "arena.h"
#include "ir.h"

static Arena *AR;
static const Span NOSPAN;

static int setup(void **state)
{
    (void)state;
    AR = arena_new();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    arena_free(AR);
    AR = NULL;
    return 0;
}

#define C(c) dim_const(c)
#define DIMS(...) ((const Dim[]){__VA_ARGS__})

#endif
