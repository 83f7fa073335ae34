/* stand_in_jit.h - the stand-in JIT device pieces that tests/test_launch.c
 * and tests/test_jit_prepare.c share (each keeps its own stand-in
 * compiler, which records what its tests check): modules that are the
 * compiled unit's text ("UNIT -DSN_ONLY_<fn>" or "UNIT ALL", kept until
 * unit_free_modules), a function lookup that finds a function only in its
 * own unit or in the whole source, and a fresh SINTER_CACHE_DIR per test. */
#ifndef SINTER_TEST_STAND_IN_JIT_H
#define SINTER_TEST_STAND_IN_JIT_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNIT_MAX_MODULES 4096
static char *unit_modules[UNIT_MAX_MODULES];
static int unit_nmodule;
/* true: every module load fails with UNIT_REFUSED, as a driver that loads
 * no module during a stream capture */
static bool unit_refuse;
#define UNIT_REFUSED 900

static int unit_module_load(const void *image, void **module)
{
    if (unit_refuse)
        return UNIT_REFUSED;
    if (unit_nmodule == UNIT_MAX_MODULES)
        return 1;
    *module = unit_modules[unit_nmodule++] = strdup(image);
    return 0;
}

/* A unit holds its function alone; the whole source every function. */
static int unit_function(void *module, const char *name, void **fn)
{
    char want[512];
    snprintf(want, sizeof want, "UNIT -DSN_ONLY_%s", name);
    if (strcmp(module, "UNIT ALL") != 0 && strcmp(module, want) != 0)
        return 500;
    *fn = (void *)name;
    return 0;
}

static void unit_free_modules(void)
{
    for (int i = 0; i < unit_nmodule; i++)
        free(unit_modules[i]);
    unit_nmodule = 0;
}

/* The test's cache directory, made by cache_dir_make from a mkdtemp
 * template ("/tmp/...-XXXXXX") and set as SINTER_CACHE_DIR; 0 or -1. */
static char cache_dir[64];

static int cache_dir_make(const char *template)
{
    snprintf(cache_dir, sizeof cache_dir, "%s", template);
    if (!mkdtemp(cache_dir))
        return -1;
    setenv("SINTER_CACHE_DIR", cache_dir, 1);
    return 0;
}

/* Removes the test's cache directory: 0 or -1. */
static int cache_dir_remove(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cache_dir);
    return system(cmd) == 0 ? 0 : -1;
}

#endif
