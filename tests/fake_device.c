/* fake_device.c - the fake device of fake_device.h. */
#include <string.h>

#include "fake_device.h"

FakeLog fake_log;

static int fake_module_load(const void *image, void **module)
{
    *module = (void *)image;
    return 0;
}

static int fake_function(void *module, const char *name, void **fn)
{
    (void)module;
    *fn = (void *)name;
    return 0;
}

/* Records the launch; fn is the kernel's name (fake_function). */
static int fake_launch(void *fn, unsigned grid, unsigned block, unsigned smem, void *stream,
                       void **params, bool pdl)
{
    (void)stream;
    (void)params;
    fake_log.launches++;
    fake_log.grid = grid;
    fake_log.block = block;
    fake_log.smem = smem;
    fake_log.pdl = pdl;
    fake_log.kernel = fn;
    size_t n = strlen(fake_log.trace);
    if (n + 1 < sizeof fake_log.trace)
        fake_log.trace[n] = pdl ? 'P' : 'K';
    return 0;
}

bool fake_coll_fail;

static int fake_all_reduce(void *buf, size_t count, void *comm, void *stream)
{
    (void)stream;
    if (fake_coll_fail) {
        fake_coll_fail = false;
        return 3;
    }
    fake_log.colls++;
    fake_log.coll_buf = buf;
    fake_log.coll_count = count;
    fake_log.comm = comm;
    size_t n = strlen(fake_log.trace);
    if (n + 1 < sizeof fake_log.trace)
        fake_log.trace[n] = 'A';
    return 0;
}

static const char *fake_coll_describe(int code)
{
    (void)code;
    return "fake NCCL error";
}

static const RtCollOps fake_coll = {.name = "fake NCCL", .version = 22703,
                                    .all_reduce_sum = fake_all_reduce,
                                    .describe = fake_coll_describe};

static const char *fake_describe(int code)
{
    (void)code;
    return "fake driver error";
}

static const RtDevice fake = {
    .dialect = SNB_CUDA, .arch = "sm_90", .version = "fake", .sms = 132, .few_rows = 0,
    .pdl = true, .pdl_first = false, .module_load = fake_module_load, .function = fake_function,
    .launch = fake_launch, .describe = fake_describe,
};

const RtDevice *fake_device(void) { return &fake; }

const RtDevice *fake_device_coll(void)
{
    static RtDevice with;
    with = fake;
    with.coll = &fake_coll;
    return &with;
}

void fake_reset(void) { memset(&fake_log, 0, sizeof fake_log); }

sn_status fake_load(sn_bundle *b)
{
    for (int i = 0; i < sn_bundle_num_graphs(b); i++) {
        sn_status s = rt_graph_load(&b->graphs[i], &fake, "fake image");
        if (s != SN_OK)
            return s;
    }
    return SN_OK;
}

static void fake_tensor(const RtTensor *sig, const int64_t *symvals, int64_t *shape, int slot,
                        sn_tensor *t)
{
    for (int k = 0; k < sig->rank; k++)
        shape[k] = rt_dim_eval(&sig->dims[k], symvals);
    *t = (sn_tensor){(void *)((uintptr_t)(slot + 1) << 48), (sn_dtype)sig->dtype, sig->rank,
                     shape, NULL, 0.5};
}

void fake_args(const sn_graph *g, const int64_t *symvals, FakeArgs *a)
{
    for (int i = 0; i < g->nin; i++)
        fake_tensor(&g->ins[i], symvals, a->shape[0][i], i, &a->in[i]);
    for (int i = 0; i < g->nout; i++)
        fake_tensor(&g->outs[i], symvals, a->shape[1][i], g->nin + i, &a->out[i]);
}

void *fake_workspace(void) { return (void *)((uintptr_t)(SNB_MAX_BUFFERS + 1) << 48); }
