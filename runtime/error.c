/* error.c - the per-thread last error (sn_last_error). */
#include <stdarg.h>
#include <stdio.h>

#include "internal.h"

static _Thread_local char last[4096];

sn_status rt_error(sn_status code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last, sizeof last, fmt, ap);
    va_end(ap);
    return code;
}

void rt_clear_error(void)
{
    last[0] = 0;
}

const char *sn_last_error(void)
{
    return last;
}
