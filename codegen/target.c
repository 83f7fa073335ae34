/* target.c - the architectures codegen knows, and the annotated source
 * printer (`sinter dump FILE --stage cuda|hip`). */
#include <string.h>

#include "codegen.h"

typedef struct {
    const char *arch;
    CgDialect dialect;
    int wave, max_smem, max_threads;
} Arch;

/* Static shared memory is limited to 48 KiB on NVIDIA (more needs dynamic
 * shared memory and an opt-in), 64 KiB of LDS on AMD. */
static const Arch archs[] = {
    {"sm_80", CG_CUDA, 32, 48 * 1024, 1024},  {"sm_86", CG_CUDA, 32, 48 * 1024, 1024},
    {"sm_89", CG_CUDA, 32, 48 * 1024, 1024},  {"sm_90", CG_CUDA, 32, 48 * 1024, 1024},
    {"sm_100", CG_CUDA, 32, 48 * 1024, 1024}, {"sm_120", CG_CUDA, 32, 48 * 1024, 1024},
    {"gfx90a", CG_HIP, 64, 64 * 1024, 1024},  {"gfx942", CG_HIP, 64, 64 * 1024, 1024},
    {"gfx950", CG_HIP, 64, 64 * 1024, 1024},  {"gfx1100", CG_HIP, 32, 64 * 1024, 1024},
    {"gfx1201", CG_HIP, 32, 64 * 1024, 1024},
};

const char *cg_known_archs(void)
{
    return "cuda:sm_80 sm_86 sm_89 sm_90 sm_100 sm_120, "
           "hip:gfx90a gfx942 gfx950 (wave64) gfx1100 gfx1201 (wave32)";
}

bool cg_target(const char *spec, CgTarget *t, Diag *d)
{
    const char *arch = spec;
    int want = -1;
    if (strncmp(spec, "cuda:", 5) == 0) {
        arch = spec + 5;
        want = CG_CUDA;
    } else if (strncmp(spec, "hip:", 4) == 0) {
        arch = spec + 4;
        want = CG_HIP;
    }
    for (size_t i = 0; i < sizeof archs / sizeof archs[0]; i++)
        if (strcmp(archs[i].arch, arch) == 0 && (want < 0 || want == (int)archs[i].dialect)) {
            t->dialect = archs[i].dialect;
            t->arch = archs[i].arch;
            t->wave = archs[i].wave;
            t->max_smem = archs[i].max_smem;
            t->max_threads = archs[i].max_threads;
            return true;
        }
    Span none = {0};
    diag_error(d, none, "unknown target '%s'; known: %s", spec, cg_known_archs());
    return false;
}

static void print_dim_list(FILE *out, const KProgram *p, const Dim *dims, int n)
{
    if (n == 0)
        fputs("1", out);
    for (int i = 0; i < n; i++) {
        char buf[64];
        fprintf(out, "%s%s", i ? "*" : "", dim_str(dims[i], p->graph->syms, buf, sizeof buf));
    }
}

static const char *param_kind(CgParamKind k)
{
    switch (k) {
    case CP_PTR: return "pointer";
    case CP_STRIDE: return "stride";
    case CP_SYM: return "size symbol";
    default: return "scalar by value";
    }
}

static void print_header(FILE *out, const KProgram *p, const CgKernel *k, const Kernel *kn,
                         const CgKernel *many)
{
    fprintf(out, "/* ---- kernel %s ----\n", k->name);
    if (many)
        fprintf(out, " * few-rows variant of %s: launched instead when %s's grid is at most "
                "%d blocks per SM\n", many->name, many->name, many->few_rows_grid_per_sm);
    for (int i = 0; i < k->nparam; i++) {
        const CgParam *prm = &k->params[i];
        char type[128] = "";
        if (prm->kind != CP_SYM) {
            const KBuf *b = &p->bufs[prm->buf];
            int pos = snprintf(type, sizeof type, " (%s %s[", b->name, dt_name(b->dtype));
            for (int d = 0; d < b->rank && pos < (int)sizeof type; d++) {
                char dim[64];
                pos += snprintf(type + pos, sizeof type - (size_t)pos, "%s%s", d ? ", " : "",
                                dim_str(b->shape[d], p->graph->syms, dim, sizeof dim));
            }
            snprintf(type + pos, sizeof type - (size_t)pos, "])");
        }
        fprintf(out, " *   %-10s %s", prm->name, param_kind(prm->kind));
        if (prm->kind == CP_STRIDE)
            fprintf(out, " of dim %d", prm->dim);
        fprintf(out, "%s\n", type);
    }
    fprintf(out, " * block %d, shared memory %d bytes, grid =", k->block, k->smem_bytes);
    for (int s = 0; s < k->nseg; s++) {
        fprintf(out, "%s ceil(", s ? " +" : "");
        print_dim_list(out, p, k->segs[s].outer, k->segs[s].nouter);
        fprintf(out, " / %d)", k->segs[s].rows_per_block);
    }
    fputc('\n', out);
    for (int s = 0; s < kn->nseg; s++) {
        const KSchedule *sc = &kn->segs[s]->sched;
        fprintf(out, " * segment %d: rows ", s);
        print_dim_list(out, p, kn->segs[s]->outer, kn->segs[s]->nouter);
        fputs(" x row ", out);
        print_dim_list(out, p, kn->segs[s]->row, kn->segs[s]->nrow);
        fprintf(out, "; %d lanes x %d runs x %d, %d rows/block%s\n", sc->threads_per_row,
                sc->chunks, sc->vec, sc->rows_per_block, sc->persistent ? ", row in registers" : "");
    }
    if (k->scalar_name) {
        fprintf(out, " * variants: %s needs", k->name);
        for (int i = 0; i < k->nalign; i++)
            fprintf(out, "%s %s 16-byte aligned%s", i ? "," : "", p->bufs[k->align[i].buf].name,
                    k->align[i].stride_multiple > 1 ? " with strides a multiple of the vector" : "");
        fprintf(out, "; otherwise %s runs\n", k->scalar_name);
    }
    fprintf(out, " * graph ops: %s\n */\n", k->ops);
}

void cg_print(const KProgram *p, const CgModule *m, const CgTarget *t, FILE *out)
{
    fprintf(out, "/* target %s:%s */\n", t->dialect == CG_CUDA ? "cuda" : "hip", t->arch);
    for (int i = 0; i < m->nkernel; i++) {
        const CgKernel *k = &m->kernels[i];
        print_header(out, p, k, p->kernels[i], NULL);
        if (k->few_rows)
            print_header(out, p, k->few_rows, p->kernels[i]->few_rows, k);
    }
    fputs(m->source, out);
}
