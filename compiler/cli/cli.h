/* cli.h - the helpers every verb of `sinter` shares (args.c): options,
 * strict numbers, usage errors, input files.  Verbs include this; main.c
 * includes verbs.h.  Exit codes: 0 ok, 1 user error (bad source, bad input
 * data), 2 usage error. */
#ifndef SINTER_CLI_H
#define SINTER_CLI_H

#include <stdbool.h>
#include <stdint.h>

#include "codegen.h"

enum { EXIT_OK = 0, EXIT_USER = 1, EXIT_USAGE = 2 };

/* Largest files the verbs read: sources, .npy inputs, bundles. */
#define CLI_MAX_SOURCE_BYTES (64ull << 20)
#define CLI_MAX_NPY_BYTES (16ull << 30)
#define CLI_MAX_BUNDLE_BYTES (1ull << 30)

/* "--opt=value" or "--opt value": returns the value and advances *i, or
 * NULL if argv[*i] is not this option.  A missing value is a usage error
 * (prints and exits 2). */
const char *cli_opt(int argc, char **argv, int *i, const char *opt);
bool cli_is_help(const char *arg);
_Noreturn void cli_usage_error(const char *verb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The decimal integer `text` in min..max, all of it (no spaces, no sign
 * unless min < 0); anything else is a usage error naming `what`. */
int64_t cli_int(const char *verb, const char *what, const char *text, int64_t min, int64_t max);
/* The same for an unsigned 64-bit value (a seed). */
uint64_t cli_u64(const char *verb, const char *what, const char *text);
/* A readable regular file of at most max bytes, else prints why. */
bool cli_input_ok(const char *path, uint64_t max);
/* --target SPEC into *t, or the usage error cg_target gives. */
void cli_target(const char *verb, const char *spec, CgTarget *t);
/* The targets of a verb given none: cuda:sm_90 and hip:gfx950 (both OCP FP8,
 * so `f8` has one meaning).  Returns 2. */
int cli_default_targets(CgTarget t[2]);
bool cli_has_suffix(const char *s, const char *suffix);

const char *cli_dtype_name(int dtype);

/* `sinter dump BUNDLE.snb`: what the bundle holds (dump_bundle.c). */
int cli_dump_bundle(const char *path);

#endif
