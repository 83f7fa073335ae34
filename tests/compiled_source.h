/* compiled_source.h - the cmocka group fixture that tests/test_launch.c
 * and tests/test_jit_prepare.c share: their .sn source compiled once to a
 * bundle for cuda:sm_90 before the group, freed after it. */
#ifndef SINTER_TEST_COMPILED_SOURCE_H
#define SINTER_TEST_COMPILED_SOURCE_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "driver.h"
#include "front.h"

/* The bundle of the group's source (set by compile_source). */
static unsigned char *bytes;
static size_t len;

/* Compiles text (named name in diagnostics) into bytes/len; 0 when it
 * compiles to exactly ngraph graphs, else -1 with the diagnostics on
 * stderr. */
static int compile_source(const char *name, const char *text, int ngraph)
{
    Arena *a = arena_new();
    Diag d;
    diag_init(&d);
    CgTarget t;
    const char *texts[1] = {text};
    SnCompileOptions opt = {.paths = &name, .texts = texts, .npath = 1, .targets = &t,
                            .ntarget = 1};
    SnCompiled c;
    bool ok = cg_target("cuda:sm_90", &t, &d) &&
              sn_compile(&opt, SN_STAGE_BUNDLE, NULL, NULL, a, &c, &d) && c.ngraph == ngraph;
    bytes = c.bytes;
    len = c.len;
    diag_print(&d, stderr);
    diag_free(&d);
    arena_free(a);
    return ok ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    free(bytes);
    return 0;
}

#endif
