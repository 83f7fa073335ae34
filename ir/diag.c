/* diag.c - see diag.h. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_init(Diag *d)
{
    memset(d, 0, sizeof *d);
}

void diag_free(Diag *d)
{
    for (DiagMsg *m = d->head, *n; m; m = n) {
        n = m->next;
        free(m->text);
        free(m);
    }
    diag_init(d);
}

static void add(Diag *d, DiagLevel level, Span s, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    DiagMsg *m = calloc(1, sizeof *m);
    char *text = malloc((size_t)n + 1);
    if (!m || !text) {
        fprintf(stderr, "sinter: out of memory\n");
        abort();
    }
    vsnprintf(text, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    m->level = level;
    m->span = s;
    m->text = text;
    if (d->tail)
        d->tail->next = m;
    else
        d->head = m;
    d->tail = m;
    if (level == DIAG_ERROR)
        d->nerrors++;
}

void diag_error(Diag *d, Span s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, DIAG_ERROR, s, fmt, ap);
    va_end(ap);
}

void diag_note(Diag *d, Span s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add(d, DIAG_NOTE, s, fmt, ap);
    va_end(ap);
}

/* Print the source line of s with non-printable bytes shown as '?', and a
 * caret (plus '~' for the rest of the span on that line). */
static void quote(FILE *out, Span s)
{
    const SrcFile *f = s.file;
    size_t i = 0;
    for (int line = 1; line < s.line && i < f->len; i++)
        if (f->text[i] == '\n')
            line++;
    size_t end = i;
    while (end < f->len && f->text[end] != '\n')
        end++;
    if (end > i && f->text[end - 1] == '\r') /* CRLF files */
        end--;
    if (end - i > 400) /* keep absurd lines readable */
        end = i + 400;
    fputs("    ", out);
    for (size_t k = i; k < end; k++) {
        unsigned char c = (unsigned char)f->text[k];
        fputc(c == '\t' ? ' ' : (c < 32 || c >= 127) ? '?' : c, out);
    }
    fputs("\n    ", out);
    for (int k = 1; k < s.col && k < 400; k++)
        fputc(' ', out);
    fputc('^', out);
    for (int k = 1; k < s.len && (size_t)(s.col + k) <= end - i + 1 && k < 80; k++)
        fputc('~', out);
    fputc('\n', out);
}

void diag_print(const Diag *d, FILE *out)
{
    for (const DiagMsg *m = d->head; m; m = m->next) {
        const char *lvl = m->level == DIAG_ERROR ? "error" : "note";
        if (m->span.file) {
            fprintf(out, "%s:%d:%d: %s: %s\n", m->span.file->name, m->span.line,
                    m->span.col, lvl, m->text);
            quote(out, m->span);
        } else {
            fprintf(out, "sinter: %s: %s\n", lvl, m->text);
        }
    }
}

Span span_join(Span a, Span b)
{
    if (!a.file || a.file != b.file || b.line != a.line || b.col < a.col)
        return a;
    a.len = b.col + b.len - a.col;
    return a;
}

_Noreturn void ir_die(const char *file, int line, const char *what)
{
    fprintf(stderr, "sinter: internal error at %s:%d: %s\n", file, line, what);
    abort();
}
