/* device.c - the GPU driver behind one small table (RtDevice), opened with
 * dlopen: libcuda.so.1 (CUDA driver API) first, then libamdhip64 (HIP).
 * Also the device helpers of sinter.h (sn_dev_*), which tools and tests use
 * to move data; sn_launch itself only loads modules and launches.
 * The CUDA path uses the current context of the calling thread, or retains
 * device 0's primary context when there is none. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hip_abi.h"
#include "internal.h"

/* ---------------------------------------------------------------- CUDA */

typedef int CUresult;
typedef int CUdevice;
typedef void *CUcontext;
typedef unsigned long long CUdeviceptr;

/* cuLaunchKernelEx's configuration, laid out as in cuda.h (CUDA 12.0+). */
typedef struct {
    int id;                    /* CUlaunchAttributeID */
    char pad[4];
    union {
        char bytes[64];
        int programmatic_stream_serialization;
    } value;
} CUlaunchAttribute;
typedef struct {
    unsigned grid[3], block[3], smem;
    void *stream;
    CUlaunchAttribute *attrs;
    unsigned nattrs;
} CUlaunchConfig;
enum { CU_LAUNCH_ATTRIBUTE_PROGRAMMATIC_STREAM_SERIALIZATION = 6 };

static struct {
    void *h;
    CUresult (*Init)(unsigned);
    CUresult (*DeviceGet)(CUdevice *, int);
    CUresult (*CtxGetCurrent)(CUcontext *);
    CUresult (*CtxGetDevice)(CUdevice *);
    CUresult (*CtxSetCurrent)(CUcontext);
    CUresult (*PrimaryCtxRetain)(CUcontext *, CUdevice);
    CUresult (*DeviceGetAttribute)(int *, int, CUdevice);
    CUresult (*DriverGetVersion)(int *);
    CUresult (*ModuleLoadData)(void **, const void *);
    CUresult (*ModuleGetFunction)(void **, void *, const char *);
    CUresult (*LaunchKernel)(void *, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,
                             unsigned, void *, void **, void **);
    CUresult (*LaunchKernelEx)(const CUlaunchConfig *, void *, void **, void **); /* or NULL */
    CUresult (*GetErrorString)(CUresult, const char **);
    CUresult (*MemAlloc)(CUdeviceptr *, size_t);
    CUresult (*MemFree)(CUdeviceptr);
    CUresult (*MemcpyHtoD)(CUdeviceptr, const void *, size_t);
    CUresult (*MemcpyDtoH)(void *, CUdeviceptr, size_t);
    CUresult (*MemcpyDtoDAsync)(CUdeviceptr, CUdeviceptr, size_t, void *);
    CUresult (*MemsetD8)(CUdeviceptr, unsigned char, size_t);
    CUresult (*CtxSynchronize)(void);
    CUresult (*EventCreate)(void **, unsigned);
    CUresult (*EventRecord)(void *, void *);
    CUresult (*EventSynchronize)(void *);
    CUresult (*EventElapsedTime)(float *, void *, void *);
    CUresult (*EventDestroy)(void *);
    CUresult (*DeviceGetName)(char *, int, CUdevice);
} cu;

static const char *cu_describe(int code)
{
    const char *s = NULL;
    if (cu.GetErrorString)
        cu.GetErrorString(code, &s);
    return s ? s : "unknown CUDA error";
}

static int cu_module_load(const void *image, void **module)
{
    return cu.ModuleLoadData(module, image);
}

static int cu_function(void *module, const char *name, void **fn)
{
    return cu.ModuleGetFunction(fn, module, name);
}

/* pdl: launch with programmatic stream serialization, so that the grid may
 * be scheduled while the stream's previous kernel still runs, once that one
 * has executed griddepcontrol.launch_dependents (RtDevice.pdl says when the
 * caller may ask). */
static int cu_launch(void *fn, unsigned grid, unsigned block, unsigned smem, void *stream,
                     void **params, bool pdl)
{
    if (!pdl)
        return cu.LaunchKernel(fn, grid, 1, 1, block, 1, 1, smem, stream, params, NULL);
    CUlaunchAttribute attr = {.id = CU_LAUNCH_ATTRIBUTE_PROGRAMMATIC_STREAM_SERIALIZATION};
    attr.value.programmatic_stream_serialization = 1;
    CUlaunchConfig cfg = {{grid, 1, 1}, {block, 1, 1}, smem, stream, &attr, 1};
    return cu.LaunchKernelEx(&cfg, fn, params, NULL);
}

#define LOAD(sym, name)                                                                      \
    do {                                                                                     \
        *(void **)&cu.sym = dlsym(cu.h, name);                                               \
        if (!cu.sym) {                                                                       \
            snprintf(why, whylen, "libcuda.so.1 lacks %s", name);                            \
            return false;                                                                    \
        }                                                                                    \
    } while (0)

static bool cu_open(RtDevice *d, char *why, size_t whylen)
{
    cu.h = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!cu.h) {
        snprintf(why, whylen, "no CUDA driver (libcuda.so.1 not found)");
        return false;
    }
    LOAD(Init, "cuInit");
    LOAD(DeviceGet, "cuDeviceGet");
    LOAD(CtxGetCurrent, "cuCtxGetCurrent");
    LOAD(CtxGetDevice, "cuCtxGetDevice");
    LOAD(CtxSetCurrent, "cuCtxSetCurrent");
    LOAD(PrimaryCtxRetain, "cuDevicePrimaryCtxRetain");
    LOAD(DeviceGetAttribute, "cuDeviceGetAttribute");
    LOAD(DriverGetVersion, "cuDriverGetVersion");
    LOAD(ModuleLoadData, "cuModuleLoadData");
    LOAD(ModuleGetFunction, "cuModuleGetFunction");
    LOAD(LaunchKernel, "cuLaunchKernel");
    *(void **)&cu.LaunchKernelEx = dlsym(cu.h, "cuLaunchKernelEx"); /* driver 12.0+ */
    LOAD(GetErrorString, "cuGetErrorString");
    LOAD(MemAlloc, "cuMemAlloc_v2");
    LOAD(MemFree, "cuMemFree_v2");
    LOAD(MemcpyHtoD, "cuMemcpyHtoD_v2");
    LOAD(MemcpyDtoH, "cuMemcpyDtoH_v2");
    LOAD(MemcpyDtoDAsync, "cuMemcpyDtoDAsync_v2");
    LOAD(MemsetD8, "cuMemsetD8_v2");
    LOAD(CtxSynchronize, "cuCtxSynchronize");
    LOAD(EventCreate, "cuEventCreate");
    LOAD(EventRecord, "cuEventRecord");
    LOAD(EventSynchronize, "cuEventSynchronize");
    LOAD(EventElapsedTime, "cuEventElapsedTime_v2");
    LOAD(EventDestroy, "cuEventDestroy_v2");
    LOAD(DeviceGetName, "cuDeviceGetName");
    CUresult rc = cu.Init(0);
    if (rc != 0) {
        snprintf(why, whylen, "cuInit failed: %s (no GPU?)", cu_describe(rc));
        return false;
    }
    CUcontext ctx = NULL;
    CUdevice dev = 0;
    cu.CtxGetCurrent(&ctx);
    if (ctx) {
        cu.CtxGetDevice(&dev);
    } else if ((rc = cu.DeviceGet(&dev, 0)) != 0 || (rc = cu.PrimaryCtxRetain(&ctx, dev)) != 0 ||
               (rc = cu.CtxSetCurrent(ctx)) != 0) {
        snprintf(why, whylen, "no usable CUDA device: %s", cu_describe(rc));
        return false;
    }
    int major = 0, minor = 0, version = 0;
    cu.DeviceGetAttribute(&major, 75, dev); /* COMPUTE_CAPABILITY_MAJOR */
    cu.DeviceGetAttribute(&minor, 76, dev);
    cu.DriverGetVersion(&version);
    cu.DeviceGetAttribute(&d->sms, 16, dev); /* MULTIPROCESSOR_COUNT */
    d->dialect = SNB_CUDA;
    snprintf(d->arch, sizeof d->arch, "sm_%d%d", major, minor);
    snprintf(d->version, sizeof d->version, "cuda driver %d", version);
    d->module_load = cu_module_load;
    d->function = cu_function;
    d->launch = cu_launch;
    /* PDL needs sm_90 and cuLaunchKernelEx (driver 12.0); a launch with it
     * captured in a CUDA graph becomes a programmatic edge from driver 12.3,
     * so older drivers launch plainly */
    d->pdl = major >= 9 && cu.LaunchKernelEx && version >= 12030;
    d->describe = cu_describe;
    return true;
}
#undef LOAD

/* ----------------------------------------------------------------- HIP */

static struct {
    void *h;
    int (*Init)(unsigned);
    int (*GetDevice)(int *);
    int (*GetDeviceProperties)(void *, int);        /* ROCm 5's struct, or NULL */
    int (*GetDevicePropertiesR0600)(void *, int);   /* ROCm 6+'s, or NULL */
    int (*DeviceGetAttribute)(int *, int, int);
    int (*DriverGetVersion)(int *);
    int (*ModuleLoadData)(void **, const void *);
    int (*ModuleGetFunction)(void **, void *, const char *);
    int (*ModuleLaunchKernel)(void *, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,
                              unsigned, void *, void **, void **);
    const char *(*GetErrorString)(int);
    int (*Malloc)(void **, size_t);
    int (*Free)(void *);
    int (*Memcpy)(void *, const void *, size_t, int);
    int (*MemcpyAsync)(void *, const void *, size_t, int, void *);
    int (*DeviceSynchronize)(void);
    int (*EventCreate)(void **);
    int (*EventRecord)(void *, void *);
    int (*EventSynchronize)(void *);
    int (*EventElapsedTime)(float *, void *, void *);
    int (*EventDestroy)(void *);
} hip;

static const char *hip_describe(int code)
{
    return hip.GetErrorString ? hip.GetErrorString(code) : "unknown HIP error";
}

static int hip_module_load(const void *image, void **module)
{
    return hip.ModuleLoadData(module, image);
}

static int hip_function(void *module, const char *name, void **fn)
{
    return hip.ModuleGetFunction(fn, module, name);
}

static int hip_launch(void *fn, unsigned grid, unsigned block, unsigned smem, void *stream,
                      void **params, bool pdl)
{
    (void)pdl; /* HIP has no programmatic dependent launch */
    return hip.ModuleLaunchKernel(fn, grid, 1, 1, block, 1, 1, smem, stream, params, NULL);
}

/* The device's full arch name ("gfx90a:sramecc+:xnack-") from gcnArchName
 * at its offset in the struct of the call the library has (hip_abi.h);
 * "" if it cannot be read. */
static void hip_arch_name(char *name, size_t len, int dev)
{
    _Alignas(16) unsigned char props[RT_HIP_PROPS_BYTES] = {0};
    size_t off = RT_HIP_R0600_ARCH_OFFSET;
    int rc = -1;
    if (hip.GetDevicePropertiesR0600) {
        rc = hip.GetDevicePropertiesR0600(props, dev);
    } else if (hip.GetDeviceProperties) {
        rc = hip.GetDeviceProperties(props, dev);
        off = RT_HIP_R0000_ARCH_OFFSET;
    }
    props[off + RT_HIP_ARCH_NAME_BYTES - 1] = 0;
    snprintf(name, len, "%s", rc == 0 && !memcmp(props + off, "gfx", 3) ? (char *)props + off
                                                                          : "");
}

/* d->arch: $SINTER_HIP_ARCH, else the device's arch without its target
 * features; the full name goes into d->version (the cache key). */
static void hip_arch(RtDevice *d, int dev, int version)
{
    char name[RT_HIP_ARCH_NAME_BYTES];
    const char *env = getenv("SINTER_HIP_ARCH");
    hip_arch_name(name, sizeof name, dev);
    if (env && *env)
        snprintf(d->arch, sizeof d->arch, "%s", env);
    else if (name[0])
        snprintf(d->arch, sizeof d->arch, "%.*s", (int)strcspn(name, ":"), name);
    else {
        snprintf(d->arch, sizeof d->arch, "gfx942");
        rt_warn(RT_LOG_JIT, "cannot read the HIP device's arch; assuming gfx942 (set "
                "SINTER_HIP_ARCH)");
    }
    snprintf(d->version, sizeof d->version, "hip driver %d %.40s", version, name);
}

#define LOADH(sym, name)                                                                     \
    do {                                                                                     \
        *(void **)&hip.sym = dlsym(hip.h, name);                                             \
        if (!hip.sym) {                                                                      \
            snprintf(why, whylen, "libamdhip64 lacks %s", name);                             \
            return false;                                                                    \
        }                                                                                    \
    } while (0)

static bool hip_open(RtDevice *d, char *why, size_t whylen)
{
    static const char *const names[] = {"libamdhip64.so", "libamdhip64.so.7", "libamdhip64.so.6",
                                        "libamdhip64.so.5", NULL};
    for (int i = 0; !hip.h && names[i]; i++)
        hip.h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!hip.h) {
        snprintf(why, whylen, "no HIP runtime (libamdhip64 not found)");
        return false;
    }
    LOADH(Init, "hipInit");
    LOADH(GetDevice, "hipGetDevice");
    *(void **)&hip.GetDevicePropertiesR0600 = dlsym(hip.h, "hipGetDevicePropertiesR0600");
    *(void **)&hip.GetDeviceProperties = dlsym(hip.h, "hipGetDeviceProperties");
    LOADH(DriverGetVersion, "hipDriverGetVersion");
    LOADH(DeviceGetAttribute, "hipDeviceGetAttribute");
    LOADH(ModuleLoadData, "hipModuleLoadData");
    LOADH(ModuleGetFunction, "hipModuleGetFunction");
    LOADH(ModuleLaunchKernel, "hipModuleLaunchKernel");
    LOADH(GetErrorString, "hipGetErrorString");
    LOADH(Malloc, "hipMalloc");
    LOADH(Free, "hipFree");
    LOADH(Memcpy, "hipMemcpy");
    LOADH(MemcpyAsync, "hipMemcpyAsync");
    LOADH(DeviceSynchronize, "hipDeviceSynchronize");
    LOADH(EventCreate, "hipEventCreate");
    LOADH(EventRecord, "hipEventRecord");
    LOADH(EventSynchronize, "hipEventSynchronize");
    LOADH(EventElapsedTime, "hipEventElapsedTime");
    LOADH(EventDestroy, "hipEventDestroy");
    int dev = 0, version = 0, rc = hip.Init(0);
    if (rc != 0 || (rc = hip.GetDevice(&dev)) != 0) {
        snprintf(why, whylen, "no usable HIP device: %s", hip_describe(rc));
        return false;
    }
    hip.DriverGetVersion(&version);
    hip.DeviceGetAttribute(&d->sms, RT_HIP_ATTR_MULTIPROCESSOR_COUNT, dev);
    d->dialect = SNB_HIP;
    hip_arch(d, dev, version);
    d->module_load = hip_module_load;
    d->function = hip_function;
    d->launch = hip_launch;
    d->describe = hip_describe;
    return true;
}
#undef LOADH

/* ------------------------------------------------------------- choice */

static RtDevice device;
static const RtDevice *opened;
static char why_not[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* The environment's say in launches.  What picks a kernel's few-rows
 * variant: SINTER_FEW_ROWS=always or never forces one (to measure either),
 * anything else the grid-size rule.  SINTER_PDL: 0 turns programmatic
 * dependent launch off for the process, 1 makes it the default for a
 * graph's first kernel too (sinter.h). */
static void launch_policy(RtDevice *d)
{
    const char *e = getenv("SINTER_FEW_ROWS");
    d->few_rows = e && !strcmp(e, "always") ? 1 : e && !strcmp(e, "never") ? -1 : 0;
    e = getenv("SINTER_PDL");
    if (e && !strcmp(e, "0"))
        d->pdl = false;
    d->pdl_first = e && !strcmp(e, "1");
    if (d->sms < 1 || d->sms > 4096) /* an attribute the driver did not give */
        d->sms = 128;
}

static void open_device(void)
{
    char cuda_why[256] = "", hip_why[256] = "";
    if (cu_open(&device, cuda_why, sizeof cuda_why) ||
        hip_open(&device, hip_why, sizeof hip_why)) {
        launch_policy(&device);
        opened = &device;
        return;
    }
    snprintf(why_not, sizeof why_not, "no GPU: %s; %s", cuda_why, hip_why);
}

const RtDevice *rt_device(void)
{
    pthread_once(&once, open_device);
    if (!opened)
        rt_error(SN_ERR_NO_DEVICE, "%s", why_not);
    return opened;
}

/* ------------------------------------------------------ device helpers */

static sn_status dev_result(int rc, const char *what)
{
    if (rc == 0)
        return SN_OK;
    return rt_error(SN_ERR_LAUNCH, "%s failed: %s", what, opened->describe(rc));
}

#define NEED_DEVICE()                                                                        \
    do {                                                                                     \
        if (!rt_device())                                                                    \
            return SN_ERR_NO_DEVICE;                                                         \
    } while (0)

sn_status sn_dev_info(char *arch, size_t archlen, char *name, size_t namelen)
{
    NEED_DEVICE();
    snprintf(arch, archlen, "%s", device.arch);
    if (device.dialect == SNB_CUDA) {
        CUdevice dev = 0;
        cu.CtxGetDevice(&dev);
        if (cu.DeviceGetName(name, (int)namelen, dev) != 0)
            snprintf(name, namelen, "CUDA device");
    } else {
        snprintf(name, namelen, "AMD %s", device.arch);
    }
    return SN_OK;
}

sn_status sn_dev_alloc(void **ptr, size_t bytes)
{
    NEED_DEVICE();
    if (device.dialect == SNB_CUDA) {
        CUdeviceptr p = 0;
        sn_status s = dev_result(cu.MemAlloc(&p, bytes ? bytes : 1), "cuMemAlloc");
        *ptr = (void *)(uintptr_t)p;
        return s;
    }
    return dev_result(hip.Malloc(ptr, bytes ? bytes : 1), "hipMalloc");
}

sn_status sn_dev_free(void *ptr)
{
    NEED_DEVICE();
    if (!ptr)
        return SN_OK;
    if (device.dialect == SNB_CUDA)
        return dev_result(cu.MemFree((CUdeviceptr)(uintptr_t)ptr), "cuMemFree");
    return dev_result(hip.Free(ptr), "hipFree");
}

sn_status sn_dev_upload(void *dst, const void *src, size_t bytes)
{
    NEED_DEVICE();
    if (device.dialect == SNB_CUDA)
        return dev_result(cu.MemcpyHtoD((CUdeviceptr)(uintptr_t)dst, src, bytes), "cuMemcpyHtoD");
    return dev_result(hip.Memcpy(dst, src, bytes, 1), "hipMemcpy");
}

sn_status sn_dev_download(void *dst, const void *src, size_t bytes)
{
    NEED_DEVICE();
    if (device.dialect == SNB_CUDA)
        return dev_result(cu.MemcpyDtoH(dst, (CUdeviceptr)(uintptr_t)src, bytes), "cuMemcpyDtoH");
    return dev_result(hip.Memcpy(dst, src, bytes, 2), "hipMemcpy");
}

sn_status sn_dev_copy(void *dst, const void *src, size_t bytes, void *stream)
{
    NEED_DEVICE();
    if (device.dialect == SNB_CUDA)
        return dev_result(cu.MemcpyDtoDAsync((CUdeviceptr)(uintptr_t)dst,
                                             (CUdeviceptr)(uintptr_t)src, bytes, stream),
                          "cuMemcpyDtoD");
    return dev_result(hip.MemcpyAsync(dst, src, bytes, 3, stream), "hipMemcpyAsync");
}

sn_status sn_dev_fill(void *dst, unsigned char byte, size_t bytes)
{
    NEED_DEVICE();
    if (device.dialect == SNB_CUDA)
        return dev_result(cu.MemsetD8((CUdeviceptr)(uintptr_t)dst, byte, bytes), "cuMemsetD8");
    return rt_error(SN_ERR_INVALID, "sn_dev_fill is not implemented for HIP");
}

sn_status sn_dev_synchronize(void)
{
    NEED_DEVICE();
    if (device.dialect == SNB_CUDA)
        return dev_result(cu.CtxSynchronize(), "cuCtxSynchronize");
    return dev_result(hip.DeviceSynchronize(), "hipDeviceSynchronize");
}

sn_status sn_dev_event_create(void **event)
{
    NEED_DEVICE();
    if (device.dialect == SNB_CUDA)
        return dev_result(cu.EventCreate(event, 0), "cuEventCreate");
    return dev_result(hip.EventCreate(event), "hipEventCreate");
}

sn_status sn_dev_event_record(void *event, void *stream)
{
    NEED_DEVICE();
    if (device.dialect == SNB_CUDA)
        return dev_result(cu.EventRecord(event, stream), "cuEventRecord");
    return dev_result(hip.EventRecord(event, stream), "hipEventRecord");
}

sn_status sn_dev_event_elapsed_ms(void *start, void *end, float *ms)
{
    NEED_DEVICE();
    if (device.dialect == SNB_CUDA) {
        sn_status s = dev_result(cu.EventSynchronize(end), "cuEventSynchronize");
        return s ? s : dev_result(cu.EventElapsedTime(ms, start, end), "cuEventElapsedTime");
    }
    sn_status s = dev_result(hip.EventSynchronize(end), "hipEventSynchronize");
    return s ? s : dev_result(hip.EventElapsedTime(ms, start, end), "hipEventElapsedTime");
}

sn_status sn_dev_event_destroy(void *event)
{
    NEED_DEVICE();
    if (device.dialect == SNB_CUDA)
        return dev_result(cu.EventDestroy(event), "cuEventDestroy");
    return dev_result(hip.EventDestroy(event), "hipEventDestroy");
}
