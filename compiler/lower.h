/* lower.h - lowering checked ASTs to graph IR (lower.c), for front.c. */
#ifndef SINTER_LOWER_H
#define SINTER_LOWER_H

#include "ast.h"
#include "ir.h"

/* Lower every graph of `file`, with the standard library's AST `stdlib`
 * (already parsed, without errors) for the functions it calls.  Errors go
 * to d; graphs with one are left out.  Always returns a module. */
IrModule *lower_module(const AstFile *file, const AstFile *stdlib, Arena *a, Diag *d);
/* The same, with the dtype name `f8` (the targets' native e4m3) meaning
 * f8: lower_module's is DT_F8E4M3.  With f8_refused set (the targets
 * disagree on it), a use of `f8` is that error, located at the use. */
IrModule *lower_module_f8(const AstFile *file, const AstFile *stdlib, DType f8,
                          const char *f8_refused, Arena *a, Diag *d);

#endif
