/* builtins.h - function calls (builtins.c): the table of defs and
 * built-ins, for lower.c. */
#ifndef SINTER_BUILTINS_H
#define SINTER_BUILTINS_H

#include "lower_impl.h"

/* Check the standard library's and the file's defs and index them by name;
 * false if one of the file's was malformed (reported). */
bool lw_collect_defs(Lower *L, const AstFile *file);
const AstItem *lw_find_def(Lower *L, const char *name);
bool lw_def_is_stdlib(Lower *L, const AstItem *it);
bool lw_is_builtin(const char *name);
/* Lower a call of `name` (a def or a built-in). */
Value lw_call(Lower *L, const char *name, Span name_span, const AstArgs *args);
/* The callable name closest to `name` (edit distance), or NULL. */
const char *lw_nearest_function(Lower *L, const char *name);

#endif
