/* dump_bundle.c - `sinter dump BUNDLE.snb`: what a bundle holds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bundle.h"
#include "cli.h"
#include "internal.h"

static void dims_text(const RtTensor *t, char *const *syms, char *buf, size_t len)
{
    size_t pos = (size_t)snprintf(buf, len, "%s[", cli_dtype_name(t->dtype));
    for (int k = 0; k < t->rank && pos < len; k++) {
        const RtDim *d = &t->dims[k];
        pos += (size_t)snprintf(buf + pos, len - pos, "%s", k ? ", " : "");
        if (d->coef != 1 || !d->nsym)
            pos += (size_t)snprintf(buf + pos, len - pos, "%lld%s", (long long)d->coef,
                                    d->nsym ? "*" : "");
        for (int s = 0; s < d->nsym && pos < len; s++)
            pos += (size_t)snprintf(buf + pos, len - pos, "%s%s", s ? "*" : "", syms[d->syms[s]]);
    }
    if (pos < len)
        snprintf(buf + pos, len - pos, "]");
}

int cli_dump_bundle(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "sinter: cannot open '%s'\n", path);
        return EXIT_USER;
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    unsigned char *buf = malloc(n > 0 ? (size_t)n : 1);
    bool ok = buf && fread(buf, 1, (size_t)n, f) == (size_t)n;
    fclose(f);
    sn_bundle *b = NULL;
    if (!ok || rt_bundle_parse(buf, (size_t)n, &b) != SN_OK) {
        if (!ok)
            free(buf);
        fprintf(stderr, "sinter: %s: %s\n", path, ok ? sn_last_error() : "cannot read");
        return EXIT_USER;
    }
    printf("bundle %s: format %u, %ld bytes, %d graph%s\n", path, SNB_VERSION, n, b->ngraph,
           b->ngraph == 1 ? "" : "s");
    for (int i = 0; i < b->ngraph; i++) {
        const sn_graph *g = &b->graphs[i];
        char t[256];
        printf("graph %s\n", g->name);
        for (int k = 0; k < g->nin; k++) {
            dims_text(&g->ins[k], g->syms, t, sizeof t);
            printf("  input  %s: %s\n", g->ins[k].name, t);
        }
        for (int k = 0; k < g->nout; k++) {
            dims_text(&g->outs[k], g->syms, t, sizeof t);
            if (g->outs[k].alias >= 0)
                printf("  output %s: %s (may alias input %s)\n", g->outs[k].name, t,
                       g->ins[g->outs[k].alias].name);
            else
                printf("  output %s: %s\n", g->outs[k].name, t);
        }
        for (int v = 0; v < g->nvariant; v++) {
            const RtVariant *var = &g->variants[v];
            printf("  %s source (%zu bytes, generated for %s): %d kernel%s\n",
                   var->dialect == SNB_CUDA ? "CUDA" : "HIP", strlen(var->source), var->arch,
                   var->nkernel, var->nkernel == 1 ? "" : "s");
            for (int k = 0; k < var->nkernel; k++) {
                const RtKernel *kn = &var->kernels[k];
                printf("    %s%s%s: block %d, %d segment%s%s\n", kn->name,
                       kn->scalar_name[0] ? " / " : "", kn->scalar_name, kn->block, kn->nseg,
                       kn->nseg == 1 ? "" : "s",
                       kn->grid_wait ? ", waits for the previous grid (PDL)" : "");
                if (kn->few_rows)
                    printf("      few rows: %s, block %d, when the grid is at most %d blocks "
                           "per SM\n", kn->few_rows->name, kn->few_rows->block,
                           kn->few_rows_grid_per_sm);
            }
            for (int k = 0; k < var->nbinary; k++)
                printf("    binary for %s (%s): %zu bytes\n", var->binaries[k].arch,
                       var->binaries[k].compiler, var->binaries[k].size);
        }
    }
    rt_bundle_free(b);
    return EXIT_OK;
}
