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
 * AMD's FP8 conversion instructions are modelled only on request (below;
 * otherwise no __gfxNNN__ macro is defined and the prelude's software
 * encoders run).  Not modelled: reduced-precision
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
    unsigned long long hw_fp8;                    /* codes the modelled instructions wrote */
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

/* AMD's FP8 conversion instructions, modelled (fake hiprtc with
 * $SN_CPU_HIP_HW_FP8: it defines SN_CPU_HW_FP8 and the arch's __gfxNNN__
 * macro, so the prelude's hardware encoders run).  v_cvt_pk_fp8_f32 /
 * v_cvt_pk_bf8_f32 (a, b, old, hi): old with its low (hi false) or high
 * 16 bits replaced by the codes of a (low byte) and b, FNUZ on gfx942,
 * OCP elsewhere.  Within the contract codegen/prelude_hip.cuh states (a
 * finite value within the format's range) the correctly rounded code,
 * computed here from the formats' definitions, not the prelude's
 * encoders; outside it the model writes wrong codes on purpose (0xff for
 * NaN or out of range, a zero with the input's sign, which on FNUZ is
 * NaN), so that an encoder handing it such a value fails the check.
 * SnCpuEnv.hw_fp8 counts the codes it wrote. */
#if defined(SN_CPU_HW_FP8)
static inline unsigned sn_cpu_fp8(float x, int mbits, int bias, float lim)
{
    sn_cpu_env->hw_fp8++;
    unsigned sign = std::signbit(x) ? 0x80u : 0u;
    double a = std::fabs((double)x);
    if (!(a <= lim))
        return 0xffu;
    if (a == 0)
        return sign;
    int e;
    std::frexp(a, &e);
    int E = e - 1 < 1 - bias ? 1 - bias : e - 1; /* subnormals: the least exponent */
    double r = std::nearbyint(std::ldexp(a, mbits - E)); /* to nearest, ties to even */
    if (r >= std::ldexp(1.0, mbits + 1)) {
        E++;
        r = std::ldexp(1.0, mbits);
    }
    unsigned m = (unsigned)r;
    unsigned code = m < (1u << mbits) ? m : (unsigned)(E + bias) << mbits | (m - (1u << mbits));
    return sign | code;
}
#if defined(__gfx942__)
#define SN_CPU_E4M3 3, 8, 240.0f
#define SN_CPU_E5M2 2, 16, 57344.0f
#else
#define SN_CPU_E4M3 3, 7, 448.0f
#define SN_CPU_E5M2 2, 15, 57344.0f
#endif
static inline int sn_cpu_cvt_pk(float a, float b, int old, bool hi, bool bf8)
{
    unsigned pair = bf8 ? sn_cpu_fp8(a, SN_CPU_E5M2) | sn_cpu_fp8(b, SN_CPU_E5M2) << 8
                        : sn_cpu_fp8(a, SN_CPU_E4M3) | sn_cpu_fp8(b, SN_CPU_E4M3) << 8;
    unsigned w = (unsigned)old;
    w = hi ? (w & 0xffffu) | pair << 16 : (w & 0xffff0000u) | pair;
    return (int)w;
}
#define SN_AMD_CVT_PK_FP8(a, b, old, hi) sn_cpu_cvt_pk(a, b, old, hi, false)
#define SN_AMD_CVT_PK_BF8(a, b, old, hi) sn_cpu_cvt_pk(a, b, old, hi, true)
#endif

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
