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

/* Where each line of one file starts, built on first use, so that quoting
 * many messages costs O(file + messages) rather than a scan per message. */
typedef struct {
    const SrcFile *file;
    size_t *start; /* start[k]: offset of line k + 1 */
    int nline;
} LineIndex;

static void index_lines(LineIndex *x, const SrcFile *f)
{
    int n = 1;
    for (size_t i = 0; i < f->len; i++)
        n += f->text[i] == '\n';
    free(x->start);
    x->start = malloc(sizeof(size_t) * (size_t)n);
    if (!x->start) {
        fprintf(stderr, "sinter: out of memory\n");
        abort();
    }
    x->file = f;
    x->nline = 0;
    x->start[x->nline++] = 0;
    for (size_t i = 0; i < f->len; i++)
        if (f->text[i] == '\n')
            x->start[x->nline++] = i + 1;
}

/* Print the source line of s with non-printable bytes shown as '?', and a
 * caret (plus '~' for the rest of the span on that line). */
static void quote(FILE *out, Span s, const LineIndex *x)
{
    const SrcFile *f = s.file;
    size_t i = s.line >= 1 && s.line <= x->nline ? x->start[s.line - 1] : f->len;
    size_t end = i;
    while (end < f->len && f->text[end] != '\n')
        end++;
    if (end > i && f->text[end - 1] == '\r') /* CRLF files */
        end--;
    if (end - i > 400) /* keep absurd lines readable */
        end = i + 400;
    char buf[1024]; /* one write: stderr is unbuffered */
    size_t n = 0;
    n += (size_t)snprintf(buf, sizeof buf, "    ");
    for (size_t k = i; k < end; k++) {
        unsigned char c = (unsigned char)f->text[k];
        buf[n++] = (char)(c == '\t' ? ' ' : (c < 32 || c >= 127) ? '?' : c);
    }
    n += (size_t)snprintf(buf + n, sizeof buf - n, "\n    ");
    for (int k = 1; k < s.col && k < 400; k++)
        buf[n++] = ' ';
    buf[n++] = '^';
    for (int k = 1; k < s.len && (size_t)(s.col + k) <= end - i + 1 && k < 80; k++)
        buf[n++] = '~';
    buf[n++] = '\n';
    fwrite(buf, 1, n, out);
}

void diag_print(const Diag *d, FILE *out)
{
    LineIndex x[4] = {{0}}; /* the files quoted, a few at a time */
    int next = 0;
    for (const DiagMsg *m = d->head; m; m = m->next) {
        const char *lvl = m->level == DIAG_ERROR ? "error" : "note";
        if (m->span.file) {
            fprintf(out, "%s:%d:%d: %s: %s\n", m->span.file->name, m->span.line,
                    m->span.col, lvl, m->text);
            int k = 0;
            while (k < 4 && x[k].file != m->span.file)
                k++;
            if (k == 4) {
                k = next++ % 4;
                index_lines(&x[k], m->span.file);
            }
            quote(out, m->span, &x[k]);
        } else {
            fprintf(out, "sinter: %s: %s\n", lvl, m->text);
        }
    }
    for (int k = 0; k < 4; k++)
        free(x[k].start);
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
