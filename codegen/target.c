/* target.c - the architectures codegen knows, and the annotated source
 * printer (`sinter dump FILE --stage cuda|hip`). */
#include <stdio.h>
#include <string.h>

#include "codegen.h"

typedef struct {
    const char *arch;
    CgDialect dialect;
    int wave, max_smem, max_threads;
    CgFp8 fp8;
    const char *gpus; /* for messages */
} Arch;

/* Static shared memory is limited to 48 KiB on NVIDIA (more needs dynamic
 * shared memory and an opt-in), 64 KiB of LDS on AMD. */
static const Arch archs[] = {
    {"sm_80", CG_CUDA, 32, 48 * 1024, 1024, CG_FP8_OCP, "A100"},
    {"sm_86", CG_CUDA, 32, 48 * 1024, 1024, CG_FP8_OCP, "RTX 30"},
    {"sm_89", CG_CUDA, 32, 48 * 1024, 1024, CG_FP8_OCP, "L40, RTX 40"},
    {"sm_90", CG_CUDA, 32, 48 * 1024, 1024, CG_FP8_OCP, "H100, H200"},
    {"sm_100", CG_CUDA, 32, 48 * 1024, 1024, CG_FP8_OCP, "B200"},
    {"sm_120", CG_CUDA, 32, 48 * 1024, 1024, CG_FP8_OCP, "RTX 50"},
    {"gfx90a", CG_HIP, 64, 64 * 1024, 1024, CG_FP8_NONE, "MI200"},
    {"gfx942", CG_HIP, 64, 64 * 1024, 1024, CG_FP8_FNUZ, "MI300"},
    {"gfx950", CG_HIP, 64, 64 * 1024, 1024, CG_FP8_OCP, "MI350, MI355"},
    {"gfx1100", CG_HIP, 32, 64 * 1024, 1024, CG_FP8_NONE, "RDNA3"},
    {"gfx1201", CG_HIP, 32, 64 * 1024, 1024, CG_FP8_OCP, "RDNA4"},
};

#define OCP_SUFFIX "+ocp-fp8"

static const Arch *arch_of(const char *name)
{
    for (size_t i = 0; i < sizeof archs / sizeof archs[0]; i++)
        if (strcmp(archs[i].arch, name) == 0)
            return &archs[i];
    return NULL;
}

const char *cg_known_archs(void)
{
    return "cuda:sm_80 sm_86 sm_89 sm_90 sm_100 sm_120, "
           "hip:gfx90a gfx942 gfx950 (wave64) gfx1100 gfx1201 (wave32); "
           "hip:gfx942" OCP_SUFFIX " stores OCP FP8 on MI300";
}

bool cg_target(const char *spec, CgTarget *t, Diag *d)
{
    const char *arch = spec;
    int want = -1;
    Span none = {0};
    if (strncmp(spec, "cuda:", 5) == 0) {
        arch = spec + 5;
        want = CG_CUDA;
    } else if (strncmp(spec, "hip:", 4) == 0) {
        arch = spec + 4;
        want = CG_HIP;
    }
    char name[32];
    size_t n = strlen(arch), k = strlen(OCP_SUFFIX);
    bool ocp = n > k && strcmp(arch + n - k, OCP_SUFFIX) == 0;
    snprintf(name, sizeof name, "%.*s", (int)(ocp ? n - k : n), arch);
    const Arch *a = n - (ocp ? k : 0) < sizeof name ? arch_of(name) : NULL;
    if (!a || (want >= 0 && want != (int)a->dialect)) {
        diag_error(d, none, "unknown target '%s'; known: %s", spec, cg_known_archs());
        return false;
    }
    if (ocp && a->fp8 != CG_FP8_FNUZ) {
        diag_error(d, none, "target '%s': " OCP_SUFFIX " is for gfx942 (MI300), whose FP8 is "
                   "FNUZ; %s stores OCP FP8 as it is", spec, a->arch);
        return false;
    }
    *t = (CgTarget){a->dialect, a->arch, a->wave, a->max_smem, a->max_threads, a->fp8, ocp};
    return true;
}

static const char *gpus_of(const CgTarget *t)
{
    const Arch *a = arch_of(t->arch);
    return a ? a->gpus : "?";
}

/* The format t reads, as `f8` sees it: +ocp-fp8 makes an FNUZ target OCP. */
static CgFp8 f8_format(const CgTarget *t)
{
    return t->fp8 == CG_FP8_FNUZ && t->ocp_fp8 ? CG_FP8_OCP : t->fp8;
}

bool cg_targets_f8(const CgTarget *t, int n, DType *f8, char *why, size_t len)
{
    int first = -1;
    for (int i = 0; i < n; i++) {
        if (f8_format(&t[i]) == CG_FP8_NONE)
            continue;
        if (first < 0) {
            first = i;
        } else if (f8_format(&t[i]) != f8_format(&t[first])) {
            const CgTarget *o = f8_format(&t[i]) == CG_FP8_OCP ? &t[i] : &t[first];
            const CgTarget *z = o == &t[i] ? &t[first] : &t[i];
            snprintf(why, len, "'f8' (the target's native e4m3) has no one meaning here: "
                     "%s (%s) reads f8e4m3 (OCP), %s (%s) f8e4m3fnuz, and a bundle has one "
                     "signature; compile one bundle per FP8 format (--target %s:%s and "
                     "--target %s:%s apart), spell the dtype (f8e4m3 or f8e4m3fnuz), or "
                     "target hip:%s%s for OCP bytes there", o->arch, gpus_of(o), z->arch,
                     gpus_of(z), o->dialect == CG_CUDA ? "cuda" : "hip", o->arch,
                     z->dialect == CG_CUDA ? "cuda" : "hip", z->arch, z->arch, OCP_SUFFIX);
            return false;
        }
    }
    *f8 = first >= 0 && f8_format(&t[first]) == CG_FP8_FNUZ ? DT_F8E4M3FNUZ : DT_F8E4M3;
    return true;
}

bool cg_check_outputs(const IrGraph *g, const CgTarget *t, Diag *d)
{
    if (t->fp8 != CG_FP8_FNUZ || t->ocp_fp8)
        return true;
    for (int i = 0; i < g->nout; i++) {
        DType dt = g->outs[i]->dtype;
        if (dt != DT_F8E4M3 && dt != DT_F8E5M2)
            continue;
        const char *fnuz = dt == DT_F8E4M3 ? "f8e4m3fnuz" : "f8e5m2fnuz";
        char name[128] = "";
        if (g->out_names && g->out_names[i])
            snprintf(name, sizeof name, " ('%s')", g->out_names[i]);
        /* the value's own place in the user's text; one the standard
         * library computed (quant_fp8's cast) is the graph's */
        Span at = g->outs[i]->span;
        if (!at.file || !at.file->name || at.file->name[0] == '<')
            at = g->span;
        diag_error(d, at, "graph %s stores %s (OCP) in output %d%s, which %s (%s) does not read: "
                   "its FP8 is %s; store %s%s, or target hip:%s%s to store OCP bytes anyway",
                   g->name, dt_name(dt), i, name, t->arch, gpus_of(t), fnuz,
                   dt == DT_F8E4M3 ? "f8 (the target's native e4m3) or " : "", fnuz, t->arch,
                   OCP_SUFFIX);
        return false;
    }
    return true;
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
