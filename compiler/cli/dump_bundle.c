/* dump_bundle.c - `sinter dump BUNDLE.snb`: what a bundle holds, through
 * the runtime's public introspection calls (sinter.h) only.  Everything is
 * printed straight to stdout: no fixed buffer a long dim list could
 * overrun. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "sinter.h"

static void print_dim(const sn_graph *g, const sn_dim *d)
{
    if (d->coef != 1 || !d->nsym)
        printf("%lld%s", (long long)d->coef, d->nsym ? "*" : "");
    for (int s = 0; s < d->nsym; s++)
        printf("%s%s", s ? "*" : "", sn_graph_symbol(g, d->syms[s]));
}

static void print_tensor(const char *role, const sn_graph *g, const sn_tensor_info *t,
                         const char *alias)
{
    printf("  %s %s: %s[", role, t->name, cli_dtype_name((int)t->dtype));
    for (int k = 0; k < t->rank; k++) {
        printf("%s", k ? ", " : "");
        print_dim(g, &t->dims[k]);
    }
    printf("]");
    if (t->written)
        printf(" (in-out: the graph writes it)");
    if (alias)
        printf(" (may alias input %s)", alias);
    for (int b = 0; b < t->nbounds; b++) {
        printf(b ? ", " : " (gather indices, each below ");
        print_dim(g, &t->bounds[b]);
    }
    printf("%s\n", t->nbounds ? ")" : "");
}

static void print_variant(const sn_graph *g, int v)
{
    sn_variant_info var;
    sn_graph_variant(g, v, &var);
    printf("  %s source (%zu bytes, generated for %s): %d kernel%s\n", var.dialect,
           strlen(var.source), var.arch, var.nkernels, var.nkernels == 1 ? "" : "s");
    for (int k = 0; k < var.nkernels; k++) {
        sn_kernel_info kn;
        sn_graph_kernel(g, v, k, &kn);
        printf("    %s%s%s: block %d, %d segment%s%s\n", kn.name, kn.scalar_name[0] ? " / " : "",
               kn.scalar_name, kn.block, kn.nsegments, kn.nsegments == 1 ? "" : "s",
               kn.grid_wait ? ", waits for the previous grid (PDL)" : "");
        if (kn.has_few_rows)
            printf("      few rows: %s, block %d, when the grid is at most %d blocks per SM\n",
                   kn.few_rows_name, kn.few_rows_block, kn.few_rows_grid_per_sm);
    }
    for (int i = 0; i < var.nbinaries; i++) {
        sn_binary_info bin;
        sn_graph_binary(g, v, i, &bin);
        printf("    binary for %s (%s): %zu bytes\n", bin.arch, bin.compiler, bin.bytes);
    }
}

static void print_graph(const sn_graph *g)
{
    sn_graph_info gi;
    sn_graph_describe(g, &gi);
    printf("graph %s\n", gi.name);
    sn_tensor_info t, in;
    for (int k = 0; k < gi.ninputs; k++) {
        sn_graph_tensor(g, 0, k, &t);
        print_tensor("input ", g, &t, NULL);
    }
    for (int k = 0; k < gi.noutputs; k++) {
        sn_graph_tensor(g, 1, k, &t);
        bool aliased = t.alias >= 0 && sn_graph_tensor(g, 0, t.alias, &in) == SN_OK;
        print_tensor("output", g, &t, aliased ? in.name : NULL);
    }
    int ncoll = sn_graph_num_collectives(g);
    if (ncoll)
        printf("  %d all_reduce step%s between kernels: a launch needs a communicator "
               "(sn_graph_set_comm)\n", ncoll, ncoll == 1 ? "" : "s");
    for (int v = 0; v < gi.nvariants; v++)
        print_variant(g, v);
}

int cli_dump_bundle(const char *path)
{
    sn_bundle *b;
    if (sn_bundle_read_file(path, &b) != SN_OK) {
        fprintf(stderr, "sinter: %s: %s\n", path, sn_last_error());
        return EXIT_USER;
    }
    sn_bundle_info info;
    sn_bundle_describe(b, &info);
    printf("bundle %s: format %u, %zu bytes, %d graph%s\n", path, info.format_version,
           info.bytes, info.ngraphs, info.ngraphs == 1 ? "" : "s");
    for (int i = 0; i < info.ngraphs; i++)
        print_graph(sn_bundle_graph(b, sn_bundle_graph_name(b, i)));
    sn_bundle_free(b);
    return EXIT_OK;
}
