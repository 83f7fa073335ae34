/* fuzz_one.c - see fuzz_one.h.  The body every fuzz input goes through:
 * front_compile into a fresh arena and Diag; every graph that compiled must
 * pass ir_verify; the printers run into /dev/null; graphs whose params and
 * nodes hold few elements (every symbol bound to 2) run in ir_interp on
 * small inputs derived from the data. */
#include "fuzz_one.h"

#include <stdio.h>
#include <stdlib.h>

#include "front.h"
#include "interp.h"

#define SYMBOL_VALUE 2
#define MAX_INTERP_ELEMENTS 100000

static FILE *devnull(void)
{
    static FILE *f;
    if (!f) {
        f = fopen("/dev/null", "w");
        if (!f) {
            perror("/dev/null");
            abort();
        }
    }
    return f;
}

/* Total elements of every node (params included), or -1 if over the limit. */
static int64_t total_elements(const IrGraph *g, const int64_t *symvals)
{
    int64_t total = 0;
    for (int i = 0; i < g->nodes.len; i++) {
        int64_t n = ir_numel(g->nodes.items[i], symvals);
        if (n < 0 || n > MAX_INTERP_ELEMENTS - total)
            return -1;
        total += n;
    }
    return total;
}

/* A small pseudo-random stream seeded by the input bytes. */
static uint32_t next_rand(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static void fill_input(IrBuf *b, uint32_t *state)
{
    for (int64_t j = 0; j < b->numel; j++) {
        uint32_t r = next_rand(state);
        if (b->f)
            b->f[j] = dt_round_float((float)((int32_t)(r % 65) - 32) / 8.0f, b->dtype);
        else
            b->i[j] = (int64_t)(r % 2); /* valid for every integer dtype and bool, and a row of any table */
    }
}

static void run_interp(const IrGraph *g, uint32_t seed)
{
    int64_t symvals[64];
    if (g->nsym > (int)(sizeof symvals / sizeof symvals[0]))
        return;
    for (int k = 0; k < g->nsym; k++)
        symvals[k] = SYMBOL_VALUE;
    if (total_elements(g, symvals) < 0)
        return;
    IrBuf *in = calloc((size_t)g->nparam + 1, sizeof *in);
    IrBuf *out = calloc((size_t)g->nout + 1, sizeof *out);
    if (!in || !out)
        abort();
    bool ok = true;
    for (int p = 0; p < g->nparam && ok; p++) {
        const IrNode *n = g->params[p];
        int64_t shape[IR_MAX_RANK];
        for (int k = 0; k < n->rank; k++)
            shape[k] = dim_eval(n->shape[k], symvals);
        ok = ir_buf_alloc(&in[p], n->dtype, n->rank, shape);
        if (ok)
            fill_input(&in[p], &seed);
    }
    if (ok) {
        Diag d;
        diag_init(&d);
        if (ir_interp(g, symvals, in, out, &d))
            for (int k = 0; k < g->nout; k++)
                ir_buf_free(&out[k]);
        diag_print(&d, devnull());
        diag_free(&d);
    }
    for (int p = 0; p < g->nparam; p++)
        ir_buf_free(&in[p]);
    free(in);
    free(out);
}

int sn_fuzz_one(const uint8_t *data, size_t size)
{
    uint32_t seed = 2166136261u;
    for (size_t i = 0; i < size; i++)
        seed = (seed ^ data[i]) * 16777619u;
    Arena *a = arena_new();
    Diag d;
    diag_init(&d);
    SrcFile *f = front_source(a, "fuzz.sn", (const char *)data, size);
    IrModule *m = front_compile(f, a, &d);
    for (int i = 0; i < m->ngraph; i++) {
        const IrGraph *g = m->graphs[i];
        Diag vd;
        diag_init(&vd);
        if (!ir_verify(g, &vd)) {
            diag_print(&vd, stderr);
            fprintf(stderr, "fuzz: graph '%s' fails ir_verify\n", g->name);
            abort();
        }
        diag_free(&vd);
        ir_print_graph(g, devnull());
        run_interp(g, seed);
    }
    diag_print(&d, devnull());
    diag_free(&d);
    arena_free(a);
    return 0;
}
