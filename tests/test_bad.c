/* test_bad.c - the bad-input corpus: every tests/bad/ *.sn file must fail to
 * compile, cleanly.
 *
 * Each file opens with one or more comment lines
 *     # expect: LINE:COL: text
 * one per error the file must produce (a file with several bad graphs has
 * one line per graph).  The test compiles the file as `sinter check` does
 * (front_read_file + front_compile), then, where the front end accepts
 * every graph, runs each through the passes as `sinter compile` does
 * (errors such as a destination the schedule cannot keep), and asserts:
 * there is at least one
 * error; the errors are exactly the expected ones (same count, each
 * expected location with its text); every message, notes included, is
 * located and prints as "FILE:LINE:COL: error|note: ..." with the quoted
 * line; every graph that was still built verifies.  Inputs too big to
 * commit (20,000-deep nesting, a 20,000-term chain) are generated into a
 * temporary file at run time, and so are the inputs that once took
 * quadratic or exponential time or memory (100,000 graphs, 40,000
 * parameters, calls doubling per level): each is compiled in a child
 * process whose completion and peak memory (getrusage) are asserted, with
 * generous bounds.  The test runs with the source root as its
 * working directory.  Set SINTER_SHOW_BAD=1 to print each file's messages. */
#define _GNU_SOURCE /* open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "front.h"
#include "passes.h"

#define BAD_DIR "tests/bad"
#define MAX_EXPECT 16

typedef struct {
    int line, col;
    char text[256];
} Expect;

/* The "# expect: L:C: text" lines at the top of the file. */
static int read_expects(const SrcFile *f, Expect *out)
{
    static const char tag[] = "# expect: ";
    int n = 0;
    const char *p = f->text, *end = f->text + f->len;
    while (p < end && *p == '#') {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        if ((size_t)(eol - p) > sizeof tag - 1 && strncmp(p, tag, sizeof tag - 1) == 0) {
            assert_true(n < MAX_EXPECT);
            int used = 0;
            assert_int_equal(sscanf(p + sizeof tag - 1, "%d:%d: %n", &out[n].line, &out[n].col,
                                    &used),
                             2);
            const char *text = p + sizeof tag - 1 + used;
            size_t len = (size_t)(eol - text);
            while (len && (text[len - 1] == '\r' || text[len - 1] == ' '))
                len--;
            assert_true(len > 0 && len < sizeof out[n].text);
            memcpy(out[n].text, text, len);
            out[n].text[len] = 0;
            n++;
        }
        p = eol + 1;
    }
    return n;
}

static bool has_error(const Diag *d, const Expect *e)
{
    for (const DiagMsg *m = d->head; m; m = m->next)
        if (m->level == DIAG_ERROR && m->span.line == e->line && m->span.col == e->col &&
            strstr(m->text, e->text))
            return true;
    return false;
}

/* Every message prints as "name:L:C: error|note: text", then the quoted line
 * and the caret line, both indented. */
static void check_printed(const Diag *d, const char *name)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    diag_print(d, f);
    fclose(f);
    if (getenv("SINTER_SHOW_BAD"))
        fputs(buf, stderr);
    int headers = 0, nmsg = 0;
    for (const DiagMsg *m = d->head; m; m = m->next)
        nmsg++;
    size_t nlen = strlen(name);
    for (char *line = buf; line && *line;) {
        char *eol = strchr(line, '\n');
        assert_non_null(eol);
        *eol = 0;
        if (strncmp(line, "    ", 4) != 0) {
            int l = 0, c = 0, used = 0;
            char level[8] = "";
            if (strncmp(line, name, nlen) != 0 ||
                sscanf(line + nlen, ":%d:%d: %7[a-z]: %n", &l, &c, level, &used) != 3 ||
                used == 0 || l < 1 || c < 1 ||
                (strcmp(level, "error") != 0 && strcmp(level, "note") != 0)) {
                fprintf(stderr, "badly located message: %s\n", line);
                fail();
            }
            headers++;
        }
        line = eol + 1;
    }
    assert_int_equal(headers, nmsg);
    free(buf);
}

/* Compile one file; returns the diagnostics (caller frees). */
static void compile_file(const char *path, Arena *a, Diag *d, IrModule **mod, SrcFile **src)
{
    diag_init(d);
    *src = front_read_file(a, path, d);
    assert_non_null(*src);
    *mod = front_compile(*src, a, d);
    assert_non_null(*mod);
    /* a file the front end accepts goes through the passes, as `sinter
     * compile` does: schedules the compiler cannot prove (destinations) */
    int front_errors = d->nerrors;
    for (int i = 0; front_errors == 0 && i < (*mod)->ngraph; i++) {
        int before = d->nerrors;
        if (!pass_pipeline((*mod)->graphs[i], d, NULL) && d->nerrors == before)
            fail_msg("%s: graph %d failed without an error", path, i);
    }
    for (int i = 0; i < (*mod)->ngraph; i++) {
        Diag vd;
        diag_init(&vd);
        bool ok = ir_verify((*mod)->graphs[i], &vd);
        diag_free(&vd);
        assert_true(ok);
    }
    for (const DiagMsg *m = d->head; m; m = m->next) {
        assert_non_null(m->span.file);
        assert_true(m->span.line >= 1 && m->span.col >= 1 && m->span.len >= 1);
        assert_string_equal(m->span.file->name, path);
    }
    check_printed(d, path);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_corpus(void **state)
{
    (void)state;
    DIR *dir = opendir(BAD_DIR);
    assert_non_null(dir);
    char *names[512];
    int n = 0;
    for (struct dirent *e; (e = readdir(dir));) {
        size_t len = strlen(e->d_name);
        if (len > 3 && strcmp(e->d_name + len - 3, ".sn") == 0) {
            assert_true(n < 512);
            names[n++] = strdup(e->d_name);
        }
    }
    closedir(dir);
    qsort(names, (size_t)n, sizeof names[0], cmp_names);
    assert_true(n >= 40);
    int failures = 0;
    for (int i = 0; i < n; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", BAD_DIR, names[i]);
        Arena *a = arena_new();
        Diag d;
        IrModule *mod;
        SrcFile *src;
        if (getenv("SINTER_SHOW_BAD"))
            fprintf(stderr, "== %s\n", path);
        compile_file(path, a, &d, &mod, &src);
        Expect want[MAX_EXPECT];
        int nwant = read_expects(src, want);
        bool ok = nwant >= 1 && d.nerrors == nwant;
        for (int k = 0; k < nwant; k++)
            if (!has_error(&d, &want[k])) {
                fprintf(stderr, "%s: missing error %d:%d: %s\n", path, want[k].line, want[k].col,
                        want[k].text);
                ok = false;
            }
        if (!ok) {
            fprintf(stderr, "%s: %d expect lines, %d errors:\n", path, nwant, d.nerrors);
            diag_print(&d, stderr);
            failures++;
        }
        diag_free(&d);
        arena_free(a);
        free(names[i]);
    }
    assert_int_equal(failures, 0);
}

/* ---- generated inputs --------------------------------------------------------------- */

typedef void (*Writer)(FILE *f, int n);

static void write_parens(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fputc('(', f);
    fputc('a', f);
    for (int i = 0; i < n; i++)
        fputc(')', f);
}

static void write_minus(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fputc('-', f);
    fputc('a', f);
}

static void write_chain(FILE *f, int n)
{
    fputc('a', f);
    for (int i = 1; i < n; i++)
        fputs("+a", f);
}

static void write_brackets(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fputc('[', f);
    fputc('a', f);
    for (int i = 0; i < n; i++)
        fputc(']', f);
}

static void write_calls(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fputs("exp(", f);
    fputc('a', f);
    for (int i = 0; i < n; i++)
        fputc(')', f);
}

static void write_unclosed(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fputc('(', f);
    fputc('a', f);
}

/* A file of two graphs: the first returns the generated expression (and so
 * fails), the second is fine and must still be built. */
static void check_generated(Writer w, int n, const char *what)
{
    char path[] = "/tmp/sinter_bad_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("graph deep(a: f32[4]) {\n    return ", f);
    w(f, n);
    fputs("\n}\ngraph fine(a: f32[4]) {\n    return a\n}\n", f);
    fclose(f);
    Arena *a = arena_new();
    Diag d;
    IrModule *mod;
    SrcFile *src;
    compile_file(path, a, &d, &mod, &src);
    unlink(path);
    if (d.nerrors != 1 || !strstr(d.head->text, what)) {
        diag_print(&d, stderr);
        fail();
    }
    assert_int_equal(d.head->span.line, 2);
    assert_int_equal(mod->ngraph, 1);
    assert_string_equal(mod->graphs[0]->name, "fine");
    diag_free(&d);
    arena_free(a);
}

static void test_deep_parens(void **state)
{
    (void)state;
    check_generated(write_parens, 20000, "expression nested too deeply (more than 256 levels)");
}

static void test_deep_unary_minus(void **state)
{
    (void)state;
    check_generated(write_minus, 20000, "expression nested too deeply");
}

static void test_long_chain(void **state)
{
    (void)state;
    check_generated(write_chain, 20000, "expression nested too deeply");
}

static void test_deep_brackets_and_calls(void **state)
{
    (void)state;
    check_generated(write_brackets, 20000, "expression nested too deeply");
    check_generated(write_calls, 20000, "expression nested too deeply");
}

/* 20,000 '(' never closed: the rest of the file is inside them. */
static void test_deep_unclosed(void **state)
{
    (void)state;
    char path[] = "/tmp/sinter_bad_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("graph deep(a: f32[4]) {\n    return ", f);
    write_unclosed(f, 20000);
    fclose(f);
    Arena *a = arena_new();
    Diag d;
    IrModule *mod;
    SrcFile *src;
    compile_file(path, a, &d, &mod, &src);
    unlink(path);
    assert_int_equal(d.nerrors, 1);
    assert_int_equal(mod->ngraph, 0);
    diag_free(&d);
    arena_free(a);
}

/* ---- scale: linear time and bounded memory ------------------------------------------ */

/* Peak memory allowed to a child compiling one generated file: far above
 * what the linear front end needs (about 400 MB for 100,000 graphs and
 * defs, more under ASan), far below what the quadratic one took (6 GB for
 * 40,000 parameters). */
#define SCALE_MAX_RSS_KB (2L << 20)

static void write_bad_graphs(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fprintf(f, "graph g%d(x: f32[4]) { return x + y }\n", i);
}

static void write_defs_and_calls(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fprintf(f, "def d%d(x) { return x }\n", i);
    for (int i = 0; i < n; i++)
        fprintf(f, "graph g%d(x: f32[4]) { return d%d(x) + missing }\n", i, n - 1 - i);
}

static void write_params(FILE *f, int n)
{
    fputs("graph g(", f);
    for (int i = 0; i < n; i++)
        fprintf(f, "%sx%d: f32[4]", i ? ", " : "", i);
    fputs(") { return x0 }\n", f);
}

static void write_same_graphs(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fputs("graph g(x: f32[4]) { return x }\n", f);
}

/* n defs, each calling the one before twice: 2^n operations if inlined. */
static void write_doubling(FILE *f, int n)
{
    fputs("def f0(x) { return exp(x) }\n", f);
    for (int i = 1; i < n; i++)
        fprintf(f, "def f%d(x) { return f%d(x) + f%d(x) }\n", i, i - 1, i - 1);
    fprintf(f, "graph g(x: f32[4]) { return f%d(x) }\n", n - 1);
}

/* A flat chain of n statements, each using the one before. */
static void write_flat_chain(FILE *f, int n)
{
    fputs("graph g(x: f32[4]) {\n", f);
    for (int i = 0; i < n; i++)
        fputs("    x = exp(x)\n", f);
    fputs("    return x\n}\n", f);
}

/* Compile what w writes in a child process; it must end with exactly
 * `errors` errors, the first containing `what` (if not NULL), within
 * SCALE_MAX_RSS_KB. */
static void check_scale(Writer w, int n, int errors, const char *what)
{
    char path[] = "/tmp/sinter_scale_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    w(f, n);
    fclose(f);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        Arena *a = arena_new();
        Diag d;
        diag_init(&d);
        SrcFile *src = front_read_file(a, path, &d);
        if (src)
            front_compile(src, a, &d);
        FILE *null = fopen("/dev/null", "w");
        diag_print(&d, null ? null : stderr);
        bool ok = src && d.nerrors == errors && (!what || strstr(d.head->text, what));
        if (!ok)
            fprintf(stderr, "%s: %d errors, want %d; first: %s\n", path, d.nerrors, errors,
                    d.head ? d.head->text : "(none)");
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    struct rusage ru;
    assert_int_equal(wait4(pid, &status, 0, &ru), pid);
    unlink(path);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || ru.ru_maxrss > SCALE_MAX_RSS_KB) {
        fprintf(stderr, "scale case (n = %d): status %#x, peak %ld KB\n", n, status,
                ru.ru_maxrss);
        fail();
    }
}

static void test_scale(void **state)
{
    (void)state;
    check_scale(write_bad_graphs, 100000, 100000, "unknown name 'y'");
    check_scale(write_defs_and_calls, 100000, 100000, "unknown name 'missing'");
    check_scale(write_params, 40000, 1, "more than 256 parameters");
    check_scale(write_same_graphs, 100000, 99999, "duplicate graph 'g'");
    check_scale(write_doubling, 40, 1, "grows past 250000 operations");
    check_scale(write_flat_chain, 25000, 1, "more than 2000 operations in a row");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus),
        cmocka_unit_test(test_deep_parens),
        cmocka_unit_test(test_deep_unary_minus),
        cmocka_unit_test(test_long_chain),
        cmocka_unit_test(test_deep_brackets_and_calls),
        cmocka_unit_test(test_deep_unclosed),
        cmocka_unit_test(test_scale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
