/* test_tp_gpu.c - all_reduce graphs on one GPU through NCCL with a
 * one-rank communicator (ncclCommInitRank, nranks 1), against the
 * reference interpreter (world 1: the all_reduce is x itself).  Exit 77
 * (meson: skipped) without a GPU or without NCCL: the library is the
 * runtime's (libnccl.so.2, or $SINTER_NCCL: PyTorch's wheel has one, e.g.
 * SINTER_NCCL=/opt/torch/.venv/lib/python3.12/site-packages/nvidia/nccl/lib/libnccl.so.2).
 *   - tests/tp/tp_qk_norm.sn and allreduce_add_rms_norm_fp8.sn at T = 1,
 *     7, 333: the outputs within the dtype's rounding step;
 *   - without sn_graph_set_comm the launch is refused (SN_ERR_INVALID),
 *     nothing written;
 *   - a launch captured in a CUDA graph (NCCL's all-reduce is capturable),
 *     replayed with new input data.
 * Usage: test_tp_gpu [SOURCE_ROOT] */
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver.h"
#include "front.h"
#include "interp.h"
#include "sinter.h"

#include "gpu_test.h"

/* NCCL, as the caller of sn_graph_set_comm sees it. */
typedef struct { char internal[128]; } NcclUniqueId;
static struct {
    int (*GetUniqueId)(NcclUniqueId *);
    int (*CommInitRank)(void **, int, NcclUniqueId, int);
    int (*CommDestroy)(void *);
    int (*GetVersion)(int *);
    const char *(*GetErrorString)(int);
} nccl;

static bool open_nccl(void)
{
    const char *env = getenv("SINTER_NCCL");
    void *h = dlopen(env && env[0] ? env : "libnccl.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return false;
    *(void **)&nccl.GetUniqueId = dlsym(h, "ncclGetUniqueId");
    *(void **)&nccl.CommInitRank = dlsym(h, "ncclCommInitRank");
    *(void **)&nccl.CommDestroy = dlsym(h, "ncclCommDestroy");
    *(void **)&nccl.GetVersion = dlsym(h, "ncclGetVersion");
    *(void **)&nccl.GetErrorString = dlsym(h, "ncclGetErrorString");
    return nccl.GetUniqueId && nccl.CommInitRank && nccl.CommDestroy;
}

static bool compile(const char *path, Compiled *c, Arena *a)
{
    static const char *const targets[] = {"cuda:sm_90"};
    return gpu_compile(path, targets, 1, c, a);
}

static uint64_t rng = 777;
static float frand(void)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (float)((double)(rng >> 11) * 0x1p-53 * 2 - 1);
}

/* Every parameter at T rows: random floats (scalars 0.05), on the host
 * (in) and the device (dev, dense), with their sn_tensor. */
typedef struct {
    IrBuf in[8], want[8];
    int64_t shape[16][8];
    void *dev[16];
    sn_tensor tin[8], tout[8];
} Args;

static size_t bytes_of(const IrBuf *b) { return (size_t)(b->numel ? b->numel : 1) * (size_t)dt_size(b->dtype); }

static void upload(const IrBuf *b, void *dev)
{
    unsigned char *host = calloc(1, bytes_of(b));
    for (int64_t k = 0; k < b->numel; k++)
        dt_store_float(b->f[k], b->dtype, host + k * dt_size(b->dtype));
    sn_dev_upload(dev, host, bytes_of(b));
    free(host);
}

static void args_init(const IrGraph *g, int64_t T, Args *a, bool refill)
{
    int64_t syms[1] = {T};
    for (int p = 0; p < g->nparam; p++) {
        const IrNode *n = g->params[p];
        for (int k = 0; k < n->rank; k++)
            a->shape[p][k] = dim_eval(n->shape[k], syms);
        if (!refill) {
            ir_buf_alloc(&a->in[p], n->dtype, n->rank, a->shape[p]);
            sn_dev_alloc(&a->dev[p], bytes_of(&a->in[p]));
        }
        for (int64_t e = 0; e < a->in[p].numel; e++)
            a->in[p].f[e] = n->rank ? dt_round_float(frand(), n->dtype) : 0.05f;
        upload(&a->in[p], a->dev[p]);
        a->tin[p] = (sn_tensor){a->dev[p], (sn_dtype)n->dtype, n->rank, a->shape[p], NULL,
                                0.05};
    }
    for (int o = 0; o < g->nout && !refill; o++) {
        const IrNode *n = g->outs[o];
        int64_t *s = a->shape[8 + o];
        for (int k = 0; k < n->rank; k++)
            s[k] = dim_eval(n->shape[k], syms);
        IrBuf tmp;
        ir_buf_alloc(&tmp, n->dtype, n->rank, s);
        sn_dev_alloc(&a->dev[8 + o], bytes_of(&tmp));
        ir_buf_free(&tmp);
        a->tout[o] = (sn_tensor){a->dev[8 + o], (sn_dtype)n->dtype, n->rank, s, NULL, 0};
    }
}

static void args_free(const IrGraph *g, Args *a)
{
    for (int p = 0; p < g->nparam; p++) {
        ir_buf_free(&a->in[p]);
        sn_dev_free(a->dev[p]);
    }
    for (int o = 0; o < g->nout; o++)
        sn_dev_free(a->dev[8 + o]);
}

/* The device's output within its dtype's rounding step of the
 * interpreter's (f8: one step for at most 1% of the elements), except
 * that a few elements (1 in 10,000) may be two steps off: the programs
 * round twice (tp_qk_norm: to(qf * r, bf16) * wq), and where the f32
 * kernel and the f64 interpreter round the intermediate to neighbouring
 * bf16 values the product can land two steps apart (the CPU executor
 * shows it too: 2 of 9,216,000 elements at T=6000; an H100 replay of
 * 2026-12-07, 2 of 511,488). */
static void same(const IrBuf *want, const void *dev, const char *what)
{
    int sz = dt_size(want->dtype);
    unsigned char *host = malloc(bytes_of(want));
    sn_dev_download(host, dev, bytes_of(want));
    double rtol = want->dtype == DT_BF16 ? 1.0 / 128 : want->dtype == DT_F32 ? 1e-4 : 1.0 / 8;
    int64_t bad = 0, far = 0, step = 0, first = -1;
    float first_got = 0, first_want = 0;
    for (int64_t k = 0; k < want->numel; k++) {
        float got = dt_load_float(host + k * sz, want->dtype), w = want->f[k];
        if (got == w || (got != got && w != w))
            continue;
        float diff = fabsf(got - w), tol = 1e-6f + (float)rtol * fabsf(w);
        if (diff <= tol)
            step++;
        else {
            far += diff > 2 * tol;
            if (bad++ == 0) {
                first = k;
                first_got = got;
                first_want = w;
            }
        }
    }
    free(host);
    CHECK(far == 0 && bad <= want->numel / 10000 + 1 &&
              (want->dtype != DT_F8E4M3 || step <= want->numel / 100 + 1),
          "%s: %lld of %lld elements over a step (%lld over two), %lld by one step (first "
          "over at flat index %lld: %.9g, want %.9g)", what, (long long)bad,
          (long long)want->numel, (long long)far, (long long)step, (long long)first, first_got,
          first_want);
    if (far == 0 && (bad || step))
        printf("     %s: %lld of %lld elements one step off, %lld two\n", what, (long long)step,
               (long long)want->numel, (long long)bad);
}

static void interp(const Compiled *c, int64_t T, Args *a)
{
    int64_t syms[1] = {T};
    Diag d;
    diag_init(&d);
    CHECK(ir_interp(c->g, syms, a->in, a->want, &d), "interpreter");
    diag_free(&d);
}

static void test_program(const char *path, void *comm, Arena *ar)
{
    Compiled c = {0};
    CHECK(compile(path, &c, ar), "compile %s", path);
    if (!c.gr)
        return;
    CHECK(sn_graph_num_collectives(c.gr) > 0, "%s has collectives", path);
    const int64_t Ts[] = {1, 7, 333};
    for (int ti = 0; ti < 3; ti++) {
        int64_t T = Ts[ti];
        Args a;
        memset(&a, 0, sizeof a);
        args_init(c.g, T, &a, false);
        interp(&c, T, &a);
        size_t need = 0;
        sn_graph_workspace_size(c.gr, a.tin, c.g->nparam, &need);
        void *ws = NULL;
        sn_dev_alloc(&ws, need ? need : 256);
        sn_graph_set_comm(c.gr, NULL);
        sn_status s = sn_launch(c.gr, a.tin, c.g->nparam, a.tout, c.g->nout, ws, need, NULL);
        CHECK(s == SN_ERR_INVALID && strstr(sn_last_error(), "no communicator"),
              "%s: a launch without a communicator is refused (got %d: %s)", path, s,
              sn_last_error());
        sn_graph_set_comm(c.gr, comm);
        s = sn_launch(c.gr, a.tin, c.g->nparam, a.tout, c.g->nout, ws, need, NULL);
        CHECK(s == SN_OK, "%s T=%lld: launch: %s", path, (long long)T, sn_last_error());
        sn_dev_synchronize();
        for (int o = 0; o < c.g->nout; o++) {
            char what[256];
            snprintf(what, sizeof what, "%s T=%lld output %d", path, (long long)T, o);
            same(&a.want[o], a.dev[8 + o], what);
            ir_buf_free(&a.want[o]);
        }
        /* captured in a CUDA graph, replayed with new inputs */
        CudaCalls cu;
        if (ti == 2 && cuda_calls(&cu, "graph capture")) {
            void *stream, *graph, *exec;
            cu.stream_create(&stream, 1);
            int rc = cu.begin(stream, 2 /* relaxed */);
            sn_status st = sn_launch(c.gr, a.tin, c.g->nparam, a.tout, c.g->nout, ws, need,
                                     stream);
            int rc2 = cu.end(stream, &graph);
            CHECK(rc == 0 && st == SN_OK && rc2 == 0, "%s: capture (rc %d, launch %s, end %d)",
                  path, rc, sn_last_error(), rc2);
            CHECK(rc2 == 0 && cu.inst(&exec, graph, 0) == 0, "%s: instantiate", path);
            args_init(c.g, T, &a, true);
            sn_dev_synchronize();
            interp(&c, T, &a);
            CHECK(cu.glaunch(exec, stream) == 0 && cu.ssync(stream) == 0, "%s: replay", path);
            for (int o = 0; o < c.g->nout; o++) {
                char what[256];
                snprintf(what, sizeof what, "%s graph replay output %d", path, o);
                same(&a.want[o], a.dev[8 + o], what);
                ir_buf_free(&a.want[o]);
            }
        }
        sn_dev_free(ws);
        args_free(c.g, &a);
    }
    compiled_free(&c);
}

int main(int argc, char **argv)
{
    char arch[64], name[256];
    int rc = gpu_start(argc, argv, arch, sizeof arch, name, sizeof name);
    if (rc)
        return rc;
    if (!open_nccl()) {
        printf("no NCCL (libnccl.so.2, or set SINTER_NCCL to one): skipped\n");
        return 77;
    }
    int v = 0;
    if (nccl.GetVersion)
        nccl.GetVersion(&v);
    printf("device %s (%s), NCCL %d\n", name, arch, v);
    NcclUniqueId id;
    void *comm = NULL;
    rc = nccl.GetUniqueId(&id);
    if (rc == 0)
        rc = nccl.CommInitRank(&comm, 1, id, 0);
    CHECK(rc == 0, "ncclCommInitRank(nranks 1): %d (%s)", rc,
          nccl.GetErrorString ? nccl.GetErrorString(rc) : "?");
    if (rc == 0) {
        Arena *a = arena_new();
        test_program("tests/tp/tp_qk_norm.sn", comm, a);
        test_program("tests/tp/allreduce_add_rms_norm_fp8.sn", comm, a);
        arena_free(a);
        nccl.CommDestroy(comm);
    }
    printf("gpu-tp: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
