/* collective.c - the collective library behind one small table (RtCollOps),
 * opened with dlopen like the GPU driver (device.c): NCCL (libnccl.so.2) on
 * CUDA, RCCL (librccl.so.1, NCCL's API) on HIP.  $SINTER_NCCL, when set
 * and not empty, names the one file to open instead (a wheel's copy, such
 * as PyTorch's nvidia/nccl/lib/libnccl.so.2; the same library the
 * caller's communicator comes from).
 *
 * What sn_launch uses: one in-place all-reduce (ncclAllReduce, ncclSum,
 * ncclFloat32) on the launch stream, per collective step of a graph
 * (bundle_format.h's coll), over the communicator sn_graph_set_comm gave.
 * ncclAllReduce is stream-ordered and capturable in CUDA graphs (NCCL
 * 2.9.6+), so a launch with collectives is too.  The sinter runtime never
 * creates, owns or destroys a communicator.
 *
 * Every NCCL 2.x and RCCL keep the entry point and the enum values used
 * here (ncclSum 0, ncclFloat32 7, ncclSuccess 0, ncclInProgress 7 since
 * 2.14, which added non-blocking communicators); the library's version
 * (ncclGetVersion: major*10000 + minor*100 + patch since 2.9) is recorded
 * for SINTER_LOG.  NCCL 2.28's device API (collectives issued inside a
 * kernel) is not used: every NCCL version takes this host-launched path
 * (docs/runtime.md, "Which path each NCCL takes"). */
#include <dlfcn.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

enum { NCCL_SUCCESS = 0, NCCL_IN_PROGRESS = 7, NCCL_SUM = 0, NCCL_FLOAT32 = 7 };

static struct {
    void *h;
    int (*AllReduce)(const void *, void *, size_t, int, int, void *, void *);
    const char *(*GetErrorString)(int);
    int (*GetVersion)(int *);
    int (*CommGetAsyncError)(void *, int *);
} nccl;

static RtCollOps ops;
static const RtCollOps *opened;
static char why_not[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int dialect_asked;

static const char *nccl_describe(int code)
{
    const char *s = nccl.GetErrorString ? nccl.GetErrorString(code) : NULL;
    return s ? s : "unknown NCCL error";
}

/* A non-blocking communicator (NCCL 2.14+: ncclConfig_t.blocking = 0, as
 * PyTorch makes with TORCH_NCCL_USE_COMM_NONBLOCKING=1) may answer
 * ncclInProgress: the call is enqueued once ncclCommGetAsyncError says the
 * communicator is no longer in progress (NCCL's documented protocol), and
 * its state is the call's result. */
static int nccl_all_reduce_sum(void *buf, size_t count, void *comm, void *stream)
{
    int rc = nccl.AllReduce(buf, buf, count, NCCL_FLOAT32, NCCL_SUM, comm, stream);
    while (rc == NCCL_IN_PROGRESS && nccl.CommGetAsyncError) {
        int state = NCCL_SUCCESS;
        int q = nccl.CommGetAsyncError(comm, &state);
        rc = q != NCCL_SUCCESS ? q : state;
        if (rc == NCCL_IN_PROGRESS)
            sched_yield();
    }
    return rc;
}

/* The first library of names[] that opens and has ncclAllReduce. */
static bool open_lib(const char *const *names, int n, char *tried, size_t len)
{
    int pos = 0;
    for (int i = 0; i < n; i++) {
        if (!names[i] || !names[i][0])
            continue;
        void *h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            const char *e = dlerror();
            pos += snprintf(tried + pos, pos < (int)len ? len - (size_t)pos : 0, "%s%s",
                            pos ? "; " : "", e ? e : names[i]);
            continue;
        }
        *(void **)&nccl.AllReduce = dlsym(h, "ncclAllReduce");
        *(void **)&nccl.GetErrorString = dlsym(h, "ncclGetErrorString");
        *(void **)&nccl.GetVersion = dlsym(h, "ncclGetVersion");
        *(void **)&nccl.CommGetAsyncError = dlsym(h, "ncclCommGetAsyncError");
        if (nccl.AllReduce) {
            nccl.h = h;
            return true;
        }
        pos += snprintf(tried + pos, pos < (int)len ? len - (size_t)pos : 0,
                        "%s%s has no ncclAllReduce", pos ? "; " : "", names[i]);
        dlclose(h);
    }
    return false;
}

static void open_collectives(void)
{
    bool hip = dialect_asked == SNB_HIP;
    const char *env = getenv("SINTER_NCCL");
    const char *names[2] = {hip ? "librccl.so.1" : "libnccl.so.2", hip ? "librccl.so" : "libnccl.so"};
    if (env && env[0])
        names[0] = env, names[1] = NULL;
    char tried[400] = "";
    if (!open_lib(names, 2, tried, sizeof tried)) {
        snprintf(why_not, sizeof why_not, "graph has all_reduce steps but %s could not be "
                 "opened (%s); install it or set SINTER_NCCL to its path",
                 hip ? "RCCL" : "NCCL", tried);
        return;
    }
    int v = 0;
    if (nccl.GetVersion)
        nccl.GetVersion(&v);
    snprintf(ops.name, sizeof ops.name, "%s %d.%d.%d", hip ? "RCCL" : "NCCL", v / 10000,
             v / 100 % 100, v % 100);
    ops.version = v;
    ops.all_reduce_sum = nccl_all_reduce_sum;
    ops.describe = nccl_describe;
    opened = &ops;
}

const RtCollOps *rt_collectives(const RtDevice *dev)
{
    if (dev->coll)
        return dev->coll;
    dialect_asked = dev->dialect; /* one device per process: the first caller's */
    pthread_once(&once, open_collectives);
    if (!opened)
        rt_error(SN_ERR_NO_DEVICE, "%s", why_not);
    return opened;
}
