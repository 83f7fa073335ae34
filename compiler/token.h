/* token.h - tokens shared by the lexer (lexer.re) and the parser (parser.y).
 * Token codes are Lemon's TK_* values from the generated parser.h. */
#ifndef SINTER_TOKEN_H
#define SINTER_TOKEN_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"

typedef struct {
    int kind;          /* TK_* */
    Span span;
    const char *text;  /* identifier text (arena), NULL otherwise */
    int64_t ival;      /* TK_INT */
    double fval;       /* TK_FLOAT (and TK_INT's value as a double) */
} Tok;

#endif
