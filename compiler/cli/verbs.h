/* verbs.h - the verbs of `sinter`, each argv as main got it (argv[1] is
 * the verb); each returns the exit status.  main.c dispatches to these;
 * they share cli.h's helpers, never main.c. */
#ifndef SINTER_VERBS_H
#define SINTER_VERBS_H

int cli_check(int argc, char **argv);   /* cli_dump.c */
int cli_dump(int argc, char **argv);    /* cli_dump.c */
int cli_ref(int argc, char **argv);     /* cli_ref.c */
int cli_run(int argc, char **argv);     /* cli_ref.c, running through cli_run.c */
int cli_compile(int argc, char **argv); /* cli_compile.c */

#endif
