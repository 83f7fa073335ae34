/* fake_amdhip64.c - a libamdhip64.so whose device is the CPU: the HIP
 * calls the runtime makes (runtime/device.c), with kernels from
 * fake_hiprtc.c (host shared objects) run one lane per fiber, in waves of
 * 64 lanes (gfx9 archs) or 32 (gfx10 and later), one block at a time.
 * For running the generated HIP sources through the runtime's own device
 * and launch code on a machine with no AMD GPU (run_hip_cpu.sh puts this
 * directory on LD_LIBRARY_PATH).
 *
 * A block's lanes are ucontext fibers on the launching thread; a fiber
 * runs until it waits at __syncthreads (every lane of the block that has
 * not returned) or at a shuffle (every such lane of its wave), and the
 * scheduler resumes the lanes a completed barrier releases.  Lanes that
 * wait at different barriers are a divergence: the launch fails with the
 * lanes' positions on stderr (hipErrorLaunchFailure).  A shuffle that
 * reads a lane that returned, or one past the block, gets all ones (a NaN
 * for float), so a kernel that uses such a value gives wrong results.
 * Memory from hipMalloc is filled with 0xa5 bytes (a GPU's is not zero).
 *
 * Environment: $SN_CPU_HIP_ARCH the device's gcnArchName (default
 * "gfx950:sramecc+:xnack-"), $SN_CPU_HIP_CUS its compute units (default
 * 4), $SN_CPU_HIP_WAVE a wave size other than the arch's (a test that the
 * kernels depend on it), $SN_CPU_HIP_VERBOSE: report shuffles that read a
 * lane that had returned, and the FP8 codes each launch took from the
 * modelled conversion instructions (hip_cpu.h, SN_CPU_HW_FP8).  Not thread-safe beyond one launch at a time (a mutex). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <elf.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#include "hip_abi.h"

#define EXPORT __attribute__((visibility("default")))
/* the API's own prototypes are in ROCm's headers, which this file does
 * not include (it is the library, not a user of it) */
#pragma GCC diagnostic ignored "-Wmissing-prototypes"

enum { OK = 0, INVALID_VALUE = 1, OUT_OF_MEMORY = 2, INVALID_IMAGE = 200,
       NOT_FOUND = 500, LAUNCH_FAILURE = 719 };

#define MAX_LANES 1024
#define STACK_BYTES (512u << 10)

/* hip_cpu.h's SnCpuEnv, field for field */
typedef struct {
    unsigned x, y, z;
} Dim3;
typedef struct {
    Dim3 threadIdx, blockIdx, blockDim, gridDim;
    int wave;
    void (*sync)(void);
    unsigned long long (*permute)(unsigned long long bits, int index);
    unsigned long long hw_fp8;
} SnCpuEnv;

enum { READY, WAIT_BLOCK, WAIT_WAVE, DONE };

typedef struct {
    ucontext_t ctx;
    void *stack;
    int state;
} Lane;

static struct {
    SnCpuEnv env;
    Lane lanes[MAX_LANES];
    unsigned long long slot[MAX_LANES];
    unsigned n, cur;                      /* lanes in the block, the running one */
    unsigned live, block_arrived;
    unsigned wave_live[MAX_LANES], wave_arrived[MAX_LANES];
    ucontext_t sched;
    void (*entry)(void **);
    void **params;
    long poisoned;                        /* shuffles that read no live lane */
} ex;

static pthread_mutex_t launch_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *arch_name(void)
{
    const char *a = getenv("SN_CPU_HIP_ARCH");
    return a && *a ? a : "gfx950:sramecc+:xnack-";
}

/* gfx9 (CDNA, GCN): 64-lane waves; gfx10 and later (RDNA): 32.
 * $SN_CPU_HIP_WAVE (32 or 64) runs the lanes in other waves than the arch
 * has, which the runtime does not know (run_hip_cpu.sh: the check fails). */
static int arch_wave(void)
{
    const char *w = getenv("SN_CPU_HIP_WAVE");
    if (w && (!strcmp(w, "32") || !strcmp(w, "64")))
        return atoi(w);
    return !strncmp(arch_name(), "gfx9", 4) ? 64 : 32;
}

/* ---------------------------------------------------------- the lanes */

static void wait_here(int state)
{
    Lane *l = &ex.lanes[ex.cur];
    l->state = state;
    swapcontext(&l->ctx, &ex.sched);
}

static void lane_sync(void)
{
    ex.block_arrived++;
    wait_here(WAIT_BLOCK);
}

static unsigned long long lane_permute(unsigned long long bits, int index)
{
    unsigned me = ex.cur, wave = (unsigned)ex.env.wave, w = me / wave;
    ex.slot[me] = bits;
    ex.wave_arrived[w]++;
    wait_here(WAIT_WAVE);
    /* every live lane of the wave has written its slot; none writes again
     * before all have read (the second barrier) */
    unsigned src = w * wave + ((unsigned)index & (wave - 1));
    unsigned long long r = ~0ull;
    if (src < ex.n && ex.lanes[src].state != DONE)
        r = ex.slot[src];
    else
        ex.poisoned++;
    ex.wave_arrived[w]++;
    wait_here(WAIT_WAVE);
    return r;
}

static void lane_main(void)
{
    ex.entry(ex.params);
    ex.lanes[ex.cur].state = DONE; /* uc_link: back to the scheduler */
}

/* Release the lanes waiting at a barrier that every live lane reached. */
static void release(unsigned lane)
{
    unsigned wave = (unsigned)ex.env.wave, w = lane / wave;
    if (ex.wave_arrived[w] && ex.wave_arrived[w] == ex.wave_live[w]) {
        ex.wave_arrived[w] = 0;
        for (unsigned i = w * wave; i < ex.n && i < (w + 1) * wave; i++)
            if (ex.lanes[i].state == WAIT_WAVE)
                ex.lanes[i].state = READY;
    }
    if (ex.block_arrived && ex.block_arrived == ex.live) {
        ex.block_arrived = 0;
        for (unsigned i = 0; i < ex.n; i++)
            if (ex.lanes[i].state == WAIT_BLOCK)
                ex.lanes[i].state = READY;
    }
}

static void report_stuck(const char *kernel, unsigned block)
{
    unsigned at[4] = {0};
    for (unsigned i = 0; i < ex.n; i++)
        at[ex.lanes[i].state]++;
    fprintf(stderr,
            "fake HIP: %s block %u: lanes diverged at barriers: %u at __syncthreads, %u at a "
            "shuffle, %u returned\n",
            kernel, block, at[WAIT_BLOCK], at[WAIT_WAVE], at[DONE]);
    for (unsigned w = 0; w * (unsigned)ex.env.wave < ex.n; w++)
        fprintf(stderr, "fake HIP:   wave %u: %u live, %u at its shuffle\n", w,
                ex.wave_live[w], ex.wave_arrived[w]);
}

/* Run one block; false on a divergence. */
static bool run_block(const char *kernel, unsigned block)
{
    unsigned wave = (unsigned)ex.env.wave;
    ex.live = ex.n;
    ex.block_arrived = 0;
    memset(ex.wave_live, 0, sizeof ex.wave_live);
    memset(ex.wave_arrived, 0, sizeof ex.wave_arrived);
    for (unsigned i = 0; i < ex.n; i++) {
        Lane *l = &ex.lanes[i];
        getcontext(&l->ctx);
        l->ctx.uc_stack.ss_sp = l->stack;
        l->ctx.uc_stack.ss_size = STACK_BYTES;
        l->ctx.uc_link = &ex.sched;
        makecontext(&l->ctx, lane_main, 0);
        l->state = READY;
        ex.wave_live[i / wave]++;
    }
    for (;;) {
        bool ran = false;
        for (unsigned i = 0; i < ex.n; i++) {
            if (ex.lanes[i].state != READY)
                continue;
            ran = true;
            ex.cur = i;
            ex.env.threadIdx.x = i;
            swapcontext(&ex.sched, &ex.lanes[i].ctx);
            if (ex.lanes[i].state == DONE) {
                ex.live--;
                ex.wave_live[i / wave]--;
            }
            release(i);
        }
        if (!ex.live)
            return true;
        if (!ran) {
            report_stuck(kernel, block);
            return false;
        }
    }
}

/* ------------------------------------------------------------ modules */

typedef struct {
    void *dl;
} Module;

typedef struct {
    void (*entry)(void **);
    char name[128];
} Function;

/* The size of the ELF shared object at image: its section headers end it
 * (as ld writes it). */
static size_t elf_size(const void *image)
{
    const Elf64_Ehdr *h = image;
    if (memcmp(h->e_ident, ELFMAG, SELFMAG) || h->e_ident[EI_CLASS] != ELFCLASS64)
        return 0;
    return (size_t)h->e_shoff + (size_t)h->e_shnum * h->e_shentsize;
}

EXPORT int hipModuleLoadData(void **module, const void *image)
{
    size_t size = image ? elf_size(image) : 0;
    if (!size) {
        fprintf(stderr, "fake HIP: the image is not a host shared object (fake hiprtc's)\n");
        return INVALID_IMAGE;
    }
    /* the file stays open while the module is loaded: its /proc name is
     * unique among loaded objects (dlopen matches objects by name) */
    int fd = memfd_create("sn-hip-cpu", 0);
    if (fd < 0 || write(fd, image, size) != (ssize_t)size) {
        if (fd >= 0)
            close(fd);
        return OUT_OF_MEMORY;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    Module *m = calloc(1, sizeof *m);
    void (*bind)(SnCpuEnv *) = NULL;
    if (!m || !(m->dl = dlopen(path, RTLD_NOW | RTLD_LOCAL)) ||
        !(*(void **)&bind = dlsym(m->dl, "sn_cpu_bind"))) {
        fprintf(stderr, "fake HIP: cannot load the module: %s\n", m ? dlerror() : "no memory");
        free(m);
        close(fd);
        return INVALID_IMAGE;
    }
    bind(&ex.env);
    *module = m;
    return OK;
}

EXPORT int hipModuleGetFunction(void **fn, void *module, const char *name)
{
    Module *m = module;
    char sym[192];
    snprintf(sym, sizeof sym, "sn_cpu_entry_%s", name);
    Function *f = calloc(1, sizeof *f);
    if (!f)
        return OUT_OF_MEMORY;
    if (!m || !(*(void **)&f->entry = dlsym(m->dl, sym))) {
        free(f);
        return NOT_FOUND;
    }
    snprintf(f->name, sizeof f->name, "%s", name);
    *fn = f;
    return OK;
}

EXPORT int hipModuleLaunchKernel(void *fn, unsigned gx, unsigned gy, unsigned gz, unsigned bx,
                                 unsigned by, unsigned bz, unsigned smem, void *stream,
                                 void **params, void **extra)
{
    (void)smem;
    (void)stream;
    Function *f = fn;
    if (!f || gy != 1 || gz != 1 || by != 1 || bz != 1 || bx == 0 || bx > MAX_LANES || extra)
        return INVALID_VALUE;
    pthread_mutex_lock(&launch_lock);
    int rc = OK;
    for (unsigned i = 0; i < bx && rc == OK; i++)
        if (!ex.lanes[i].stack) {
            void *s = mmap(NULL, STACK_BYTES, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
            if (s == MAP_FAILED)
                rc = OUT_OF_MEMORY;
            else
                ex.lanes[i].stack = s;
        }
    ex.env.wave = arch_wave();
    ex.env.sync = lane_sync;
    ex.env.permute = lane_permute;
    ex.env.blockDim = (Dim3){bx, 1, 1};
    ex.env.gridDim = (Dim3){gx, 1, 1};
    ex.env.threadIdx = (Dim3){0, 0, 0};
    ex.entry = f->entry;
    ex.params = params;
    ex.n = bx;
    long poisoned = ex.poisoned;
    for (unsigned b = 0; b < gx && rc == OK; b++) {
        ex.env.blockIdx = (Dim3){b, 0, 0};
        if (!run_block(f->name, b))
            rc = LAUNCH_FAILURE;
    }
    if (ex.poisoned != poisoned && getenv("SN_CPU_HIP_VERBOSE"))
        fprintf(stderr, "fake HIP: %s: %ld shuffles read a lane that had returned\n", f->name,
                ex.poisoned - poisoned);
    if (ex.env.hw_fp8 && getenv("SN_CPU_HIP_VERBOSE"))
        fprintf(stderr, "fake HIP: %s: %llu FP8 codes from the modelled instructions\n",
                f->name, ex.env.hw_fp8);
    ex.env.hw_fp8 = 0;
    pthread_mutex_unlock(&launch_lock);
    return rc;
}

/* ------------------------------------------------------------- device */

EXPORT int hipInit(unsigned flags)
{
    return flags ? INVALID_VALUE : OK;
}

EXPORT int hipGetDevice(int *dev)
{
    *dev = 0;
    return OK;
}

EXPORT int hipDriverGetVersion(int *version)
{
    *version = 60443483; /* ROCm 6.4's style of number */
    return OK;
}

/* ROCm 6's hipDeviceProp_tR0600: only gcnArchName, at its offset. */
EXPORT int hipGetDevicePropertiesR0600(void *props, int dev)
{
    if (dev != 0)
        return INVALID_VALUE;
    snprintf((char *)props + RT_HIP_R0600_ARCH_OFFSET, RT_HIP_ARCH_NAME_BYTES, "%s",
             arch_name());
    return OK;
}

EXPORT int hipDeviceGetAttribute(int *value, int attr, int dev)
{
    if (dev != 0 || attr != RT_HIP_ATTR_MULTIPROCESSOR_COUNT)
        return INVALID_VALUE;
    const char *e = getenv("SN_CPU_HIP_CUS");
    *value = e && atoi(e) > 0 ? atoi(e) : 4;
    return OK;
}

EXPORT const char *hipGetErrorString(int code)
{
    switch (code) {
    case OK: return "hipSuccess";
    case INVALID_VALUE: return "hipErrorInvalidValue";
    case OUT_OF_MEMORY: return "hipErrorOutOfMemory";
    case INVALID_IMAGE: return "hipErrorInvalidImage";
    case NOT_FOUND: return "hipErrorNotFound";
    case LAUNCH_FAILURE: return "hipErrorLaunchFailure (fake HIP: lanes diverged at barriers)";
    default: return "unknown fake HIP error";
    }
}

/* ------------------------------------------------------------- memory */

EXPORT int hipMalloc(void **ptr, size_t bytes)
{
    if (posix_memalign(ptr, 256, bytes ? bytes : 1))
        return OUT_OF_MEMORY;
    memset(*ptr, 0xa5, bytes);
    return OK;
}

EXPORT int hipFree(void *ptr)
{
    free(ptr);
    return OK;
}

EXPORT int hipMemcpy(void *dst, const void *src, size_t bytes, int kind)
{
    (void)kind;
    memmove(dst, src, bytes);
    return OK;
}

EXPORT int hipMemcpyAsync(void *dst, const void *src, size_t bytes, int kind, void *stream)
{
    (void)stream;
    return hipMemcpy(dst, src, bytes, kind);
}

EXPORT int hipDeviceSynchronize(void) { return OK; }

EXPORT int hipEventCreate(void **event)
{
    return (*event = calloc(1, sizeof(struct timespec))) ? OK : OUT_OF_MEMORY;
}

EXPORT int hipEventRecord(void *event, void *stream)
{
    (void)stream;
    clock_gettime(CLOCK_MONOTONIC, event);
    return OK;
}

EXPORT int hipEventSynchronize(void *event)
{
    (void)event;
    return OK;
}

EXPORT int hipEventElapsedTime(float *ms, void *start, void *end)
{
    const struct timespec *a = start, *b = end;
    *ms = (float)((double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6);
    return OK;
}

EXPORT int hipEventDestroy(void *event)
{
    free(event);
    return OK;
}
