// flashinfer_wrap.cu - a C ABI over FlashInfer's hand-written norm and RoPE
// kernels (its header-only templates, include/flashinfer/norm.cuh and
// pos_enc.cuh), for bench.py's FlashInfer column.  A benchmark dependency,
// not sinter's: bench/flashinfer_fetch.sh fetches the headers,
// bench/flashinfer_build.sh compiles this file with nvcc into
// bench/.flashinfer/libflashinfer_wrap.so, which bench.py loads with ctypes.
//
// Every function launches FlashInfer's kernels on `stream` (a cudaStream_t)
// and returns the cudaError_t of the launch (0: success); bf16 in, bf16 or
// FP8 e4m3 out; strides are in elements.  `pdl` is FlashInfer's enable_pdl
// (programmatic dependent launch).  Nothing here allocates or synchronises,
// so the calls can be captured in a CUDA graph.
#include <cuda_bf16.h>
#include <cuda_fp8.h>
#include <cuda_runtime.h>

#include <cstdint>
#include <cuda/std/version>

// FlashInfer >= 0.6 wraps cuda::fast_mod_div (CCCL 3.1); CUDA 13.0 ships
// CCCL 3.0, which lacks it.  Only the paged KV cache (page.cuh, pulled in
// by pos_enc.cuh) uses that divisor, and nothing here launches a paged
// kernel: with an older CCCL the divisor is a plain one, same interface.
#if CCCL_VERSION < 3001000
#define FLASHINFER_FASTDIV_CUH_
namespace flashinfer {
struct uint_fastdiv {
  __host__ __device__ uint_fastdiv() : d_(0) {}
  __host__ uint_fastdiv(uint32_t d) : d_(d) {}
  __host__ __device__ __forceinline__ operator unsigned int() const { return d_; }
  __host__ __device__ __forceinline__ void divmod(uint32_t n, uint32_t& q, uint32_t& r) const {
    q = d_ ? n / d_ : 0;
    r = n - q * d_;
  }

 private:
  uint32_t d_;
};
__host__ __device__ __forceinline__ uint32_t operator/(uint32_t n, const uint_fastdiv& d) {
  uint32_t q, r;
  d.divmod(n, q, r);
  return q;
}
__host__ __device__ __forceinline__ uint32_t operator%(uint32_t n, const uint_fastdiv& d) {
  uint32_t q, r;
  d.divmod(n, q, r);
  return r;
}
}  // namespace flashinfer
#endif

#include "flashinfer/norm.cuh"
#include "flashinfer/pos_enc.cuh"

using bf16 = __nv_bfloat16;
using fp8 = __nv_fp8_e4m3;

namespace {

// QKRMSNorm's kernel with a weight bias: 0 for RMSNorm (what FlashInfer's
// QKRMSNorm launches), 1 for Gemma's (1 + w).  Launched the way FlashInfer's
// host function sizes it: four warps a block, one (token, head) row per
// warp, at most the blocks the device keeps resident.
cudaError_t qk_norm(bf16* in, bf16* w, bf16* out, uint32_t tokens, uint32_t heads, uint32_t d,
                    uint32_t in_n, uint32_t in_h, uint32_t out_n, uint32_t out_h, float eps,
                    float weight_bias, bool pdl, cudaStream_t stream) {
  if (weight_bias == 0.f)
    return flashinfer::norm::QKRMSNorm<bf16>(in, w, out, tokens, heads, d, in_n, in_h, out_n,
                                             out_h, eps, pdl, stream);
  constexpr uint32_t warps = 4;
  if (d % 8 != 0) return cudaErrorInvalidValue;
  auto kernel = flashinfer::norm::QKRMSNormKernel<8, bf16>;
  int per_sm = 0, sms = 0, dev = 0;
  cudaError_t e = cudaOccupancyMaxActiveBlocksPerMultiprocessor(&per_sm, kernel, warps * 32, 0);
  if (e == cudaSuccess) e = cudaGetDevice(&dev);
  if (e == cudaSuccess) e = cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, dev);
  if (e != cudaSuccess) return e;
  uint32_t need = (tokens * heads + warps - 1) / warps;
  uint32_t most = (uint32_t)(per_sm * sms);
  cudaLaunchConfig_t config = {};
  cudaLaunchAttribute attr[1];
  attr[0].id = cudaLaunchAttributeProgrammaticStreamSerialization;
  attr[0].val.programmaticStreamSerializationAllowed = pdl;
  config.gridDim = dim3(need < most ? need : most);
  config.blockDim = dim3(32, warps);
  config.stream = stream;
  config.attrs = attr;
  config.numAttrs = 1;
  return cudaLaunchKernelEx(&config, kernel, in, w, out, d, tokens, heads, in_n, in_h, out_n,
                            out_h, weight_bias, eps);
}

}  // namespace

extern "C" {

// Q and K heads read in place from a fused QKV buffer [T, qkv_stride]: Q at
// column 0 (q_heads x d), K right after it (k_heads x d); outputs dense
// [T, q_heads, d] and [T, k_heads, d].  Two launches (FlashInfer's
// QKRMSNorm takes one head group).  gemma: weights used as (1 + w).
int fi_qk_rmsnorm(void* qkv, uint32_t qkv_stride, void* q_w, void* k_w, void* q_out, void* k_out,
                  uint32_t tokens, uint32_t q_heads, uint32_t k_heads, uint32_t d, float eps,
                  int gemma, int pdl, void* stream) {
  bf16* in = static_cast<bf16*>(qkv);
  cudaStream_t s = static_cast<cudaStream_t>(stream);
  float bias = gemma ? 1.f : 0.f;
  cudaError_t e = qk_norm(in, static_cast<bf16*>(q_w), static_cast<bf16*>(q_out), tokens,
                          q_heads, d, qkv_stride, d, q_heads * d, d, eps, bias, pdl, s);
  if (e != cudaSuccess) return e;
  return qk_norm(in + q_heads * d, static_cast<bf16*>(k_w), static_cast<bf16*>(k_out), tokens,
                 k_heads, d, qkv_stride, d, k_heads * d, d, eps, bias, pdl, s);
}

// residual += x (in place, the new residual stream h), out = FP8(rms_norm(h) * w / scale),
// scale a device f32 (FlashInfer's FusedAddRMSNormQuant: static per-tensor FP8).
int fi_fused_add_rmsnorm_quant(void* x, void* residual, void* w, void* out, void* scale,
                               uint32_t tokens, uint32_t d, float eps, int pdl, void* stream) {
  return flashinfer::norm::FusedAddRMSNormQuant<bf16, fp8>(
      static_cast<bf16*>(x), static_cast<bf16*>(residual), static_cast<bf16*>(w),
      static_cast<fp8*>(out), tokens, d, d, d, d, static_cast<float*>(scale), eps, pdl,
      static_cast<cudaStream_t>(stream));
}

// out = FP8(rms_norm(x) * w / scale) (RMSNormQuant; no bench chain has it alone).
int fi_rmsnorm_quant(void* x, void* w, void* out, void* scale, uint32_t tokens, uint32_t d,
                     float eps, int pdl, void* stream) {
  return flashinfer::norm::RMSNormQuant<bf16, fp8>(
      static_cast<bf16*>(x), static_cast<bf16*>(w), static_cast<fp8*>(out), tokens, d, d, d,
      static_cast<float*>(scale), eps, pdl, static_cast<cudaStream_t>(stream));
}

// out = rms_norm(x) * (1 + w) (GemmaRMSNorm).
int fi_gemma_rmsnorm(void* x, void* w, void* out, uint32_t tokens, uint32_t d, float eps, int pdl,
                     void* stream) {
  return flashinfer::norm::GemmaRMSNorm<bf16>(static_cast<bf16*>(x), static_cast<bf16*>(w),
                                              static_cast<bf16*>(out), tokens, d, d, d, eps, pdl,
                                              static_cast<cudaStream_t>(stream));
}

// residual += x; x = rms_norm(residual) * (1 + w), both in place (GemmaFusedAddRMSNorm).
int fi_gemma_fused_add_rmsnorm(void* x, void* residual, void* w, uint32_t tokens, uint32_t d,
                               float eps, int pdl, void* stream) {
  return flashinfer::norm::GemmaFusedAddRMSNorm<bf16>(
      static_cast<bf16*>(x), static_cast<bf16*>(residual), static_cast<bf16*>(w), tokens, d, d, d,
      eps, pdl, static_cast<cudaStream_t>(stream));
}

// MLA query RoPE + FP8 (RopeQuantize, query only: no K heads): q [T, heads,
// nope + rope] bf16 with strides (q_stride_n, q_stride_h), its last `rope`
// columns rotated (interleaved pairs, GPT-J style) by cos_sin [positions,
// rope] f32 (cos in the first half, sin in the second) at pos[T] (int64);
// out [T, heads, nope + rope] FP8, each value times quant_scale.
int fi_mla_rope_quantize(void* q, uint64_t q_stride_n, uint64_t q_stride_h, void* cos_sin,
                         void* pos, void* out, uint32_t tokens, uint32_t heads, uint32_t nope,
                         uint32_t rope, float quant_scale, int pdl, void* stream) {
  bf16* in = static_cast<bf16*>(q);
  fp8* o = static_cast<fp8*>(out);
  uint64_t on = (uint64_t)heads * (nope + rope), oh = nope + rope;
  return flashinfer::RopeQuantize<bf16, int64_t, fp8>(
      in + nope, nullptr, in, nullptr, o + nope, nullptr, o, nullptr,
      static_cast<float*>(cos_sin), static_cast<int64_t*>(pos), tokens, heads, 0, rope, nope,
      q_stride_n, q_stride_h, q_stride_n, q_stride_h, on, oh, on, oh, 0, 0, 0, 0, 0, 0, 0, 0,
      quant_scale, quant_scale, true, pdl, static_cast<cudaStream_t>(stream));
}

// MLA RoPE + FP8 with Q and K (RopeQuantize as mla_rope_quantize_fp8 calls
// it): q_rope [T, qo_heads, rope], k_rope [T, kv_heads, rope] (kv_heads 1:
// DeepSeek's k_pe shared by every query head), q_nope [T, qo_heads, nope],
// k_nope [T, kv_heads, nope], all dense bf16; the four outputs dense FP8 of
// the same shapes, Q's times quant_scale_q and K's times quant_scale_kv.
// NeoX halves unless `interleave`; cos_sin [positions, rope] f32 (cos in
// the first half, sin in the second) at pos[T] (int64).
int fi_rope_quantize_qk(void* q_rope, void* k_rope, void* q_nope, void* k_nope, void* q_rope_out,
                        void* k_rope_out, void* q_nope_out, void* k_nope_out, void* cos_sin,
                        void* pos, uint32_t tokens, uint32_t qo_heads, uint32_t kv_heads,
                        uint32_t rope, uint32_t nope, float quant_scale_q, float quant_scale_kv,
                        int interleave, int pdl, void* stream) {
  uint64_t qr = (uint64_t)qo_heads * rope, kr = (uint64_t)kv_heads * rope;
  uint64_t qn = (uint64_t)qo_heads * nope, kn = (uint64_t)kv_heads * nope;
  return flashinfer::RopeQuantize<bf16, int64_t, fp8>(
      static_cast<bf16*>(q_rope), static_cast<bf16*>(k_rope), static_cast<bf16*>(q_nope),
      static_cast<bf16*>(k_nope), static_cast<fp8*>(q_rope_out), static_cast<fp8*>(k_rope_out),
      static_cast<fp8*>(q_nope_out), static_cast<fp8*>(k_nope_out), static_cast<float*>(cos_sin),
      static_cast<int64_t*>(pos), tokens, qo_heads, kv_heads, rope, nope, qr, rope, qn, nope, qr,
      rope, qn, nope, kr, rope, kn, nope, kr, rope, kn, nope, quant_scale_q, quant_scale_kv,
      interleave != 0, pdl, static_cast<cudaStream_t>(stream));
}

// RoPE in place by position from a cos/sin cache (apply_rope_with_cos_sin_cache_inplace,
// BatchQKApplyRotaryPosIdsCosSinCache): q [T, qo_heads, head_dim] and k
// [T, kv_heads, head_dim] bf16 with strides (elements), the whole head
// rotated; NeoX halves unless `interleave`; cos_sin [positions, head_dim]
// f32 (cos then sin), pos[T] int64.  FlashInfer launches this one plainly
// (no PDL option).
int fi_rope_inplace(void* q, void* k, void* cos_sin, void* pos, uint32_t tokens, uint32_t qo_heads,
                    uint32_t kv_heads, uint32_t head_dim, uint64_t q_stride_n, uint64_t q_stride_h,
                    uint64_t k_stride_n, uint64_t k_stride_h, int interleave, void* stream) {
  bf16* qq = static_cast<bf16*>(q);
  bf16* kk = static_cast<bf16*>(k);
  return flashinfer::BatchQKApplyRotaryPosIdsCosSinCache<bf16, int64_t>(
      qq, kk, qq, kk, static_cast<float*>(cos_sin), static_cast<int64_t*>(pos), tokens, qo_heads,
      kv_heads, head_dim, head_dim, q_stride_n, q_stride_h, k_stride_n, k_stride_h, q_stride_n,
      q_stride_h, k_stride_n, k_stride_h, interleave != 0, static_cast<cudaStream_t>(stream));
}

}  // extern "C"
