/* hip_cpu.h - what hiprtc declares for a generated HIP source, for g++ on
 * the host: the fake hiprtc (fake_hiprtc.c) compiles each source with
 * `-include hip_cpu.h` into a shared object that the fake HIP runtime
 * (fake_amdhip64.c) runs one lane per fiber, in waves of 64 lanes (32 on
 * RDNA archs).  Not a HIP implementation: only what sinter's generated
 * sources use (the kernel qualifiers, threadIdx/blockIdx/blockDim/gridDim
 * in x, __shared__, uint2/uint4, __syncthreads, __shfl/__shfl_xor/__shfl_up/
 * __shfl_down with a width, the bit casts and the float math), checked by
 * compiling every example's source with it (tests/hip_cpu/run_hip_cpu.sh).
 *
 * The shuffles compute the source lane exactly as ROCm 6.4's hiprtc
 * builtins do (amd_warp_functions.h: the lane index, then
 * __builtin_amdgcn_ds_bpermute, which takes the lane modulo the wave);
 * the exchange itself is SnCpuEnv.permute: every live lane of the wave
 * must reach it (a lane at another barrier is a divergence the runtime
 * reports), and a lane that already returned gives an all-ones poison.
 *
 * Not modelled: AMD's FP8 conversion instructions (no __gfx9xx__ macro is
 * defined, so the prelude's software encoders run), reduced-precision
 * math (expf, sqrtf are glibc's), memory ordering between lanes other
 * than at __syncthreads (fibers run one at a time). */
#ifndef SN_HIP_CPU_H
#define SN_HIP_CPU_H

#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>

struct SnCpuDim3 {
    unsigned x, y, z;
};

/* Set by the fake runtime before each fiber resumes (threadIdx) and each
 * block (blockIdx); one per loaded module, bound by sn_cpu_bind. */
struct SnCpuEnv {
    SnCpuDim3 threadIdx, blockIdx, blockDim, gridDim;
    int wave;                                     /* 64 (CDNA) or 32 (RDNA) */
    void (*sync)(void);                           /* __syncthreads */
    /* the wave's exchange: every live lane gives bits, receives the bits
     * of lane (index mod wave) of its own wave */
    unsigned long long (*permute)(unsigned long long bits, int index);
};

static SnCpuEnv *sn_cpu_env;

extern "C" __attribute__((visibility("default"))) void sn_cpu_bind(SnCpuEnv *env)
{
    sn_cpu_env = env;
}

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline __attribute__((always_inline))
#define __launch_bounds__(...)
#define __shared__ static
#define threadIdx (sn_cpu_env->threadIdx)
#define blockIdx (sn_cpu_env->blockIdx)
#define blockDim (sn_cpu_env->blockDim)
#define gridDim (sn_cpu_env->gridDim)
#define warpSize (sn_cpu_env->wave)

/* HIP's vector types the sources load and store whole (their size and
 * alignment; members x, y, z, w) */
struct alignas(8) uint2 {
    unsigned x, y;
};
struct alignas(16) uint4 {
    unsigned x, y, z, w;
};

static inline void __syncthreads(void) { sn_cpu_env->sync(); }

static inline int __lane_id(void) { return (int)(threadIdx.x % (unsigned)warpSize); }

template <class T> static inline T sn_cpu_permute(T v, int index)
{
    static_assert(sizeof(T) <= 8 && std::is_trivially_copyable<T>::value, "shuffled type");
    unsigned long long bits = 0;
    std::memcpy(&bits, &v, sizeof v);
    bits = sn_cpu_env->permute(bits, index);
    T r;
    std::memcpy(&r, &bits, sizeof r);
    return r;
}

/* ROCm 6.4's lane arithmetic, operand for operand. */
template <class T> static inline T __shfl(T var, int src_lane, int width = warpSize)
{
    int self = __lane_id();
    int index = (src_lane & (width - 1)) + (self & ~(width - 1));
    return sn_cpu_permute(var, index);
}

template <class T> static inline T __shfl_xor(T var, int lane_mask, int width = warpSize)
{
    int self = __lane_id();
    int index = self ^ lane_mask;
    index = index >= ((self + width) & ~(width - 1)) ? self : index;
    return sn_cpu_permute(var, index);
}

template <class T> static inline T __shfl_up(T var, unsigned lane_delta, int width = warpSize)
{
    int self = __lane_id();
    int index = self - (int)lane_delta;
    index = (index < (self & ~(width - 1))) ? self : index;
    return sn_cpu_permute(var, index);
}

template <class T> static inline T __shfl_down(T var, unsigned lane_delta, int width = warpSize)
{
    int self = __lane_id();
    int index = self + (int)lane_delta;
    index = (int)((self & (width - 1)) + lane_delta) >= width ? self : index;
    return sn_cpu_permute(var, index);
}

static inline unsigned __float_as_uint(float x)
{
    unsigned u;
    std::memcpy(&u, &x, 4);
    return u;
}
static inline float __uint_as_float(unsigned u)
{
    float x;
    std::memcpy(&x, &u, 4);
    return x;
}
static inline int __float_as_int(float x) { return (int)__float_as_uint(x); }
static inline float __int_as_float(int i) { return __uint_as_float((unsigned)i); }
static inline float rsqrtf(float x) { return 1.0f / std::sqrt(x); }

/* A kernel's entry for the fake runtime: its parameters from the
 * kernelParams array of hipModuleLaunchKernel, each pointing at one
 * argument of the parameter's type. */
template <class... A, std::size_t... I>
static inline void sn_cpu_call_(void (*f)(A...), void **p, std::index_sequence<I...>)
{
    f(*static_cast<typename std::remove_cv<A>::type *>(p[I])...);
}
template <class... A> static inline void sn_cpu_call(void (*f)(A...), void **p)
{
    sn_cpu_call_(f, p, std::index_sequence_for<A...>{});
}

#endif
