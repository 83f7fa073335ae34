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
    KProgram *p = NULL;
    for (int split = 0; split < 2 && !p; split++) {
        FusionPlan *plan = pass_fuse_opt(g, d, split);
        if (!plan)
            break;
        if (plan_out)
            *plan_out = plan;
        p = pass_kernelize(plan, t ? t : &def, d);
        if (!p)
            break;
        check(kir_verify(p, &vd), &vd, "kernelize");
        pass_plan(p, g->arena);
        check(kir_verify(p, &vd), &vd, "plan");
        /* a cat kept whole into a parameter it reads that the plan cannot
         * keep functional: plan again with the halves split (legal where
         * the whole form is not, in more kernels) */
        Diag first;
        diag_init(&first);
        bool ok = pass_check_dests(p, plan->whole_dest_cat && !split ? &first : d);
        diag_free(&first);
        if (!ok) {
            p = NULL;
            if (!plan->whole_dest_cat || split)
                break;
        }
    }
    diag_free(&vd);
    return p;
}

KProgram *pass_pipeline(IrGraph *g, Diag *d, FusionPlan **plan_out)
{
    return pass_pipeline_for(g, NULL, d, plan_out);
}
