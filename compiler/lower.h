/* lower.h - lowering checked ASTs to graph IR (lower.c), for front.c. */
#ifndef SINTER_LOWER_H
#define SINTER_LOWER_H

#include "ast.h"
#include "ir.h"

/* Lower every graph of `file`, with the standard library's AST `stdlib`
 * (already parsed, without errors) for the functions it calls.  Errors go
 * to d; graphs with one are left out.  Always returns a module. */
IrModule *lower_module(const AstFile *file, const AstFile *stdlib, Arena *a, Diag *d);

#endif
