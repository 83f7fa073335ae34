/* front.c - reading sources and the front end's entry points (front.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "front.h"
#include "lower.h"
#include "parse.h"

#define MAX_SOURCE_BYTES (64u << 20)

SrcFile *front_source(Arena *a, const char *name, const char *text, size_t len)
{
    SrcFile *f = ARENA_NEW(a, SrcFile);
    f->name = arena_strdup(a, name);
    f->text = arena_strndup(a, text, len); /* adds the NUL the lexer's sentinel needs */
    f->len = len;
    return f;
}

SrcFile *front_read_file(Arena *a, const char *path, Diag *d)
{
    Span none = {0};
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        diag_error(d, none, "cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *buf = arena_alloc(a, cap);
    for (;;) {
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (len < cap)
            break;
        if (cap >= MAX_SOURCE_BYTES) {
            fclose(fp);
            diag_error(d, none, "'%s' is larger than %u MiB", path, MAX_SOURCE_BYTES >> 20);
            return NULL;
        }
        char *bigger = arena_alloc(a, cap * 2);
        memcpy(bigger, buf, len);
        buf = bigger;
        cap *= 2;
    }
    bool failed = ferror(fp);
    fclose(fp);
    if (failed) {
        diag_error(d, none, "cannot read '%s'", path);
        return NULL;
    }
    return front_source(a, path, buf, len);
}

AstFile *front_parse(const SrcFile *f, Arena *a, Diag *d)
{
    return parse_file(f, a, d);
}

/* The standard library's AST, parsed from its built-in text into a. */
static const AstFile *stdlib_ast(Arena *a)
{
    SrcFile *sf = front_source(a, "<stdlib>", sinter_stdlib_sn, sinter_stdlib_sn_len);
    Diag sd;
    diag_init(&sd);
    AstFile *f = parse_file(sf, a, &sd);
    if (sd.nerrors) {
        diag_print(&sd, stderr);
        IR_ASSERT(!"the built-in standard library does not parse");
    }
    diag_free(&sd);
    return f;
}

IrModule *front_lower(const AstFile *file, Arena *a, Diag *d)
{
    return lower_module(file, stdlib_ast(a), a, d);
}

IrModule *front_lower_f8(const AstFile *file, DType f8, const char *f8_refused, Arena *a,
                         Diag *d)
{
    return lower_module_f8(file, stdlib_ast(a), f8, f8_refused, a, d);
}

IrModule *front_compile(const SrcFile *f, Arena *a, Diag *d)
{
    AstFile *ast = front_parse(f, a, d);
    return front_lower(ast, a, d);
}
