/* main.c - the `sinter` command line: picks the verb (verbs.h), answers
 * --help, help VERB and --version.  Only main.c and the verbs print or
 * exit; the compiler's libraries report into a Diag.
 *
 * Exit status: 0 success, 1 an error in the user's input, 2 a usage error. */
#include <stdio.h>
#include <string.h>

#include "bundle_format.h"
#include "verbs.h"

#ifndef SINTER_VERSION
#define SINTER_VERSION "unknown"
#endif

static const char *const usage_main =
    "usage: sinter <command> [options]\n"
    "\n"
    "commands:\n"
    "  check FILE...                      parse and type-check .sn files\n"
    "  dump FILE --stage ast|ir|fused|kernels|cuda|hip [--graph G] [--json|--dot]\n"
    "           [--arch ARCH]\n"
    "                                     print a stage of the compilation\n"
    "  dump OUT.snb                       list what a bundle holds\n"
    "  ref FILE [--graph G] [--dim T=N]... [--input NAME=FILE.npy]...\n"
    "           [--output-dir D] [--seed S] [--raw] [--fused]\n"
    "                                     run a graph in the reference interpreter\n"
    "  compile FILE... -o OUT.snb [--target T]... [--precompile]\n"
    "           [--emit-c OUT.c [--name NAME]]\n"
    "                                     build a bundle for the runtime\n"
    "  run FILE|OUT.snb [--graph G] [--dim T=N]... [--input ...] [--check]\n"
    "           [--bench [--bench-iters N]] [--output-dir D]\n"
    "                                     run a graph on the GPU (CPU without one)\n"
    "  help COMMAND                       describe a command (as COMMAND --help)\n"
    "  --version                          the version and bundle format\n"
    "\n"
    "'sinter <command> --help' describes a command.\n";

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
} Verb;

static const Verb verbs[] = {
    {"check", cli_check}, {"dump", cli_dump}, {"ref", cli_ref},
    {"compile", cli_compile}, {"run", cli_run},
};

static const Verb *find_verb(const char *name)
{
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        if (strcmp(verbs[i].name, name) == 0)
            return &verbs[i];
    return NULL;
}

/* `sinter help VERB` is `sinter VERB --help`. */
static int help(int argc, char **argv)
{
    if (argc < 3) {
        fputs(usage_main, stdout);
        return 0;
    }
    const Verb *v = find_verb(argv[2]);
    if (!v) {
        fprintf(stderr, "sinter: no command '%s'\n\n%s", argv[2], usage_main);
        return 2;
    }
    char *args[] = {argv[0], argv[2], "--help", NULL};
    return v->run(3, args);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_main, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0)
        return help(argc, argv);
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("sinter %s (bundle format %u)\n", SINTER_VERSION, SNB_VERSION);
        return 0;
    }
    const Verb *v = find_verb(cmd);
    if (v)
        return v->run(argc, argv);
    fprintf(stderr, "sinter: unknown command '%s'\n\n%s", cmd, usage_main);
    return 2;
}
