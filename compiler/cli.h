/* cli.h - shared pieces of the `sinter` driver's verbs.  Exit codes: 0 ok,
 * 1 user error (bad source, bad input data), 2 usage error. */
#ifndef SINTER_CLI_H
#define SINTER_CLI_H

#include "front.h"

enum { EXIT_OK = 0, EXIT_USER = 1, EXIT_USAGE = 2 };

/* Compile path; on errors prints them and returns NULL. */
IrModule *cli_compile(const char *path, Arena *a);
/* The graph named `name`, or the only graph when name is NULL; prints an
 * error listing the graphs and returns NULL otherwise. */
IrGraph *cli_find_graph(const IrModule *m, const char *path, const char *name);
/* "--opt=value" or "--opt value": returns the value and advances *i, or
 * NULL if argv[*i] is not this option.  A missing value is a usage error
 * (prints and exits 2). */
const char *cli_opt(int argc, char **argv, int *i, const char *opt);
_Noreturn void cli_usage_error(const char *verb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

int cli_ref(int argc, char **argv);

#endif
