/* diag.h - source locations and user-facing diagnostics.
 *
 * Every token, AST node and IR node carries a Span.  User errors are
 * collected in a Diag (never printed or exited on by the library); the
 * driver prints them with diag_print, which quotes the source line and puts
 * a caret under the span:
 *
 *   examples/x.sn:3:17: error: shape mismatch in '+': bf16[T, 4096] vs bf16[T, 512]
 *       h = x + residual
 *               ^
 *
 * Broken invariants are not diagnostics: they are assertions (IR_ASSERT). */
#ifndef SINTER_DIAG_H
#define SINTER_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    const char *name; /* as given on the command line, or "<stdlib>" */
    const char *text; /* whole file, NUL-terminated (NULs inside are kept as bytes) */
    size_t len;
} SrcFile;

typedef struct {
    const SrcFile *file; /* NULL for "no location" */
    int line, col;       /* 1-based; col counts bytes */
    int len;             /* bytes underlined, >= 1 when located */
} Span;

typedef enum { DIAG_ERROR, DIAG_NOTE } DiagLevel;

typedef struct DiagMsg {
    DiagLevel level;
    Span span;
    char *text;
    struct DiagMsg *next;
} DiagMsg;

typedef struct {
    DiagMsg *head, *tail;
    int nerrors;
} Diag;

void diag_init(Diag *d);
void diag_free(Diag *d);
/* Record an error (or a note attached to the previous error). */
void diag_error(Diag *d, Span s, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void diag_note(Diag *d, Span s, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Print every message in order: location, level, text, quoted line, caret. */
void diag_print(const Diag *d, FILE *out);
/* Span covering a through b (same file; b after a). */
Span span_join(Span a, Span b);

/* Invariant check that survives NDEBUG: prints file:line and aborts. */
#define IR_ASSERT(c)                                                         \
    do {                                                                     \
        if (!(c))                                                            \
            ir_die(__FILE__, __LINE__, #c);                                  \
    } while (0)
_Noreturn void ir_die(const char *file, int line, const char *what);

#endif
