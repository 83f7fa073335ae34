/* front.h - the front end as one call: parse a .sn file, inline functions
 * (the file's own `def`s and the standard library's), check types and
 * shapes, and build one graph IR per `graph` item.
 *
 * Errors: every graph's first error is reported (syntax errors per item);
 * graphs with an error are left out of the module.  The caller tests
 * d->nerrors.  Nothing here prints or exits. */
#ifndef SINTER_FRONT_H
#define SINTER_FRONT_H

#include "ast.h"
#include "ir.h"

/* Read a whole file into the arena; NULL (and an error in d) on failure. */
SrcFile *front_read_file(Arena *a, const char *path, Diag *d);
/* A SrcFile over text held elsewhere (e.g. the fuzzer's input). */
SrcFile *front_source(Arena *a, const char *name, const char *text, size_t len);

AstFile *front_parse(const SrcFile *f, Arena *a, Diag *d);
/* Lower every graph of the file.  Always returns a module (maybe empty). */
IrModule *front_lower(const AstFile *file, Arena *a, Diag *d);
/* The same with the dtype name `f8` meaning f8 (front_lower: f8e4m3); with
 * f8_refused set, each graph using `f8` gets that error (the driver: the
 * targets disagree on their native FP8, cg_targets_f8). */
IrModule *front_lower_f8(const AstFile *file, DType f8, const char *f8_refused, Arena *a,
                         Diag *d);
/* Parse + lower. */
IrModule *front_compile(const SrcFile *f, Arena *a, Diag *d);

/* The standard library's source text (compiler/stdlib.sn, built in). */
extern const char sinter_stdlib_sn[];
extern const unsigned long sinter_stdlib_sn_len;

#endif
