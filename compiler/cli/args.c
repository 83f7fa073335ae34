/* args.c - the verbs' shared helpers (cli.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "files.h"

_Noreturn void cli_usage_error(const char *verb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "sinter%s%s: ", verb ? " " : "", verb ? verb : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n(see 'sinter %s%s--help')\n", verb ? verb : "", verb ? " " : "");
    exit(EXIT_USAGE);
}

bool cli_is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

const char *cli_opt(int argc, char **argv, int *i, const char *opt)
{
    size_t n = strlen(opt);
    if (strncmp(argv[*i], opt, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] != 0)
        return NULL;
    if (*i + 1 >= argc)
        cli_usage_error(NULL, "option %s needs a value", opt);
    return argv[++*i];
}

/* strtoll/strtoull insist on nothing: digits only, all of them, in range. */
static bool all_digits(const char *s, bool sign)
{
    if (sign && *s == '-')
        s++;
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

int64_t cli_int(const char *verb, const char *what, const char *text, int64_t min, int64_t max)
{
    errno = 0;
    long long v = all_digits(text, min < 0) ? strtoll(text, NULL, 10) : 0;
    if (!all_digits(text, min < 0) || errno == ERANGE || v < min || v > max)
        cli_usage_error(verb, "%s needs an integer in %lld..%lld, got '%s'", what,
                        (long long)min, (long long)max, text);
    return v;
}

uint64_t cli_u64(const char *verb, const char *what, const char *text)
{
    errno = 0;
    unsigned long long v = all_digits(text, false) ? strtoull(text, NULL, 10) : 0;
    if (!all_digits(text, false) || errno == ERANGE)
        cli_usage_error(verb, "%s needs an integer in 0..%llu, got '%s'", what,
                        (unsigned long long)UINT64_MAX, text);
    return v;
}

bool cli_input_ok(const char *path, uint64_t max)
{
    char err[4200];
    if (file_check_input(path, max, NULL, err, sizeof err))
        return true;
    fprintf(stderr, "sinter: %s\n", err);
    return false;
}

void cli_target(const char *verb, const char *spec, CgTarget *t)
{
    Diag d;
    diag_init(&d);
    bool ok = cg_target(spec, t, &d);
    const char *msg = d.head ? d.head->text : "bad target";
    if (!ok)
        cli_usage_error(verb, "--target %s: %s", spec, msg);
    diag_free(&d);
}

int cli_default_targets(CgTarget t[2])
{
    cli_target(NULL, "cuda:sm_90", &t[0]);
    cli_target(NULL, "hip:gfx950", &t[1]); /* OCP FP8 like sm_90: `f8` has one meaning */
    return 2;
}

bool cli_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcmp(s + n - k, suffix) == 0;
}

const char *cli_dtype_name(int dtype)
{
    return dtype >= 0 && dtype < DT_COUNT ? dt_name((DType)dtype) : "?";
}
