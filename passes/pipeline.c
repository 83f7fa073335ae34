/* pipeline.c - the whole middle end as one list of steps.
 *
 *   decompose -> simplify -> cse -> fold_layout -> simplify -> cse -> dce
 *   -> fuse (fusion plan) -> kernelize (+ schedule) -> plan -> kernel IR
 *
 * The graph IR is verified after every graph pass and the kernel IR at the
 * end; a failed check is a compiler bug and aborts with the pass's name. */
#include <stdio.h>

#include "passes.h"

typedef struct {
    const char *name;
    bool (*run)(IrGraph *, Diag *);
} Step;

static const Step steps[] = {
    {"decompose", pass_decompose}, {"simplify", pass_simplify}, {"cse", pass_cse},
    {"fold_layout", pass_fold_layout}, {"simplify", pass_simplify}, {"cse", pass_cse},
    {"dce", pass_dce},
};

static void check(bool ok, Diag *vd, const char *after)
{
    if (ok)
        return;
    fprintf(stderr, "sinter: internal error: the IR is invalid after %s\n", after);
    diag_print(vd, stderr);
    IR_ASSERT(!"IR verification failed between passes");
}

KProgram *pass_pipeline_for(IrGraph *g, const KTarget *t, Diag *d, FusionPlan **plan_out)
{
    KTarget def = ktarget_default();
    Diag vd;
    diag_init(&vd);
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (!steps[i].run(g, d))
            return NULL;
        check(ir_verify(g, &vd), &vd, steps[i].name);
    }
    FusionPlan *plan = pass_fuse(g, d);
    if (!plan)
        return NULL;
    if (plan_out)
        *plan_out = plan;
    KProgram *p = pass_kernelize(plan, t ? t : &def, d);
    if (p) {
        check(kir_verify(p, &vd), &vd, "kernelize");
        pass_plan(p, g->arena);
        check(kir_verify(p, &vd), &vd, "plan");
        if (!pass_check_dests(p, d))
            p = NULL;
    }
    diag_free(&vd);
    return p;
}

KProgram *pass_pipeline(IrGraph *g, Diag *d, FusionPlan **plan_out)
{
    return pass_pipeline_for(g, NULL, d, plan_out);
}
