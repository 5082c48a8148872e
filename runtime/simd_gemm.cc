// Highway compiles the code between HWY_BEFORE_NAMESPACE and
// HWY_AFTER_NAMESPACE once per target instruction set (foreach_target.h
// re-includes this file); HWY_DYNAMIC_DISPATCH picks the best one the CPU
// supports at the first call.
#include "runtime/simd_gemm.h"

#include <cmath>
#include <vector>

#ifdef PYGRAFT_HAVE_HWY

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "runtime/simd_gemm.cc"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
// Note: the order matters; foreach_target.h must come before highway.h.
#include <hwy/highway.h>

HWY_BEFORE_NAMESPACE();
namespace pygraft::rt {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// acc + x * y rounded as the vector lanes' MulAdd rounds it on this target
// (once with FMA, twice without), so tail elements match vector ones.
template <class T>
HWY_INLINE T mul_add(T x, T y, T acc) {
#if HWY_NATIVE_FMA
  return std::fma(x, y, acc);
#else
  return x * y + acc;
#endif
}

// Sums start from -0.0, the additive identity that keeps a sum of -0.0
// products -0.0 as Eigen's products do (matmul then clears it, as NumPy's
// BLAS gives +0.0; np.dot of single elements keeps it).
template <class T>
constexpr T kSumSeed = T(-0.0);

// c[0..width) = sum over p of a[p] * b[p * m + 0..width), width a multiple
// of the vector length up to 4 vectors, the sum in p order.
template <int kVectors, class T>
HWY_INLINE void row_tile(const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                         int64_t k, int64_t m) {
  const hn::ScalableTag<T> d;
  const size_t lanes = hn::Lanes(d);
  const auto seed = hn::Set(d, kSumSeed<T>);
  auto c0 = seed, c1 = seed, c2 = seed, c3 = seed;
  for (int64_t p = 0; p < k; ++p) {
    const auto x = hn::Set(d, a[p]);
    const T* row = b + p * m;
    c0 = hn::MulAdd(x, hn::LoadU(d, row), c0);
    if constexpr (kVectors > 1) c1 = hn::MulAdd(x, hn::LoadU(d, row + lanes), c1);
    if constexpr (kVectors > 2) c2 = hn::MulAdd(x, hn::LoadU(d, row + 2 * lanes), c2);
    if constexpr (kVectors > 3) c3 = hn::MulAdd(x, hn::LoadU(d, row + 3 * lanes), c3);
  }
  hn::StoreU(c0, d, c);
  if constexpr (kVectors > 1) hn::StoreU(c1, d, c + lanes);
  if constexpr (kVectors > 2) hn::StoreU(c2, d, c + 2 * lanes);
  if constexpr (kVectors > 3) hn::StoreU(c3, d, c + 3 * lanes);
}

// One row of c = a_row @ b over the columns [0, full), full a multiple of
// the vector length: 4-vector tiles with the sums in registers across all
// of k, then single vectors.
template <class T>
HWY_INLINE void gemm_row(const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                         int64_t k, int64_t m, int64_t full) {
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  int64_t j = 0;
  for (; j + 4 * lanes <= full; j += 4 * lanes) row_tile<4>(a, b + j, c + j, k, m);
  for (; j < full; j += lanes) row_tile<1>(a, b + j, c + j, k, m);
}

// sum over p of x[p] * y[p]: two vector sums, added, reduced, then the tail.
template <class T>
HWY_INLINE T dot(const T* HWY_RESTRICT x, const T* HWY_RESTRICT y, int64_t k) {
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  auto s0 = hn::Set(d, kSumSeed<T>), s1 = s0;
  int64_t p = 0;
  for (; p + 2 * lanes <= k; p += 2 * lanes) {
    s0 = hn::MulAdd(hn::LoadU(d, x + p), hn::LoadU(d, y + p), s0);
    s1 = hn::MulAdd(hn::LoadU(d, x + p + lanes), hn::LoadU(d, y + p + lanes), s1);
  }
  for (; p + lanes <= k; p += lanes) s0 = hn::MulAdd(hn::LoadU(d, x + p), hn::LoadU(d, y + p), s0);
  T sum = hn::GetLane(hn::SumOfLanes(d, hn::Add(s0, s1)));
  for (; p < k; ++p) sum = mul_add(x[p], y[p], sum);
  return sum;
}

template <class T>
HWY_NOINLINE void Gemm(const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                       int64_t n, int64_t k, int64_t m) {
  if (m == 1) {  // matrix @ vector: b is one contiguous column
    for (int64_t i = 0; i < n; ++i) c[i] = dot(a + i * k, b, k);
    return;
  }
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  const int64_t full = m - m % lanes, rest = m - full;
  // The last columns, fewer than a vector, copied into zero-padded rows of
  // one vector: they take the vector path too, with the same rounding.
  std::vector<T> tail;
  if (rest > 0) {
    tail.assign(static_cast<size_t>(k * lanes), T(0));
    for (int64_t p = 0; p < k; ++p) {
      for (int64_t t = 0; t < rest; ++t)
        tail[static_cast<size_t>(p * lanes + t)] = b[p * m + full + t];
    }
  }
  HWY_ALIGN T tail_out[HWY_MAX_BYTES / sizeof(T)];
  for (int64_t i = 0; i < n; ++i) {
    gemm_row(a + i * k, b, c + i * m, k, m, full);
    if (rest > 0) {
      row_tile<1>(a + i * k, tail.data(), tail_out, k, lanes);
      for (int64_t t = 0; t < rest; ++t) c[i * m + full + t] = tail_out[t];
    }
  }
}

template <class T>
HWY_NOINLINE void GemmBt(const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                         int64_t n, int64_t k, int64_t m) {
  for (int64_t i = 0; i < n; ++i) {
    for (int64_t j = 0; j < m; ++j) c[i * m + j] = dot(a + i * k, b + j * k, k);
  }
}

void GemmF32(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m) {
  Gemm(a, b, c, n, k, m);
}
void GemmF64(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m) {
  Gemm(a, b, c, n, k, m);
}
void GemmBtF32(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m) {
  GemmBt(a, b, c, n, k, m);
}
void GemmBtF64(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m) {
  GemmBt(a, b, c, n, k, m);
}

}  // namespace HWY_NAMESPACE
}  // namespace pygraft::rt
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pygraft::rt {

HWY_EXPORT(GemmF32);
HWY_EXPORT(GemmF64);
HWY_EXPORT(GemmBtF32);
HWY_EXPORT(GemmBtF64);

bool simd_gemm(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m) {
  HWY_DYNAMIC_DISPATCH(GemmF32)(a, b, c, n, k, m);
  return true;
}
bool simd_gemm(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m) {
  HWY_DYNAMIC_DISPATCH(GemmF64)(a, b, c, n, k, m);
  return true;
}
bool simd_gemm_bt(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m) {
  HWY_DYNAMIC_DISPATCH(GemmBtF32)(a, b, c, n, k, m);
  return true;
}
bool simd_gemm_bt(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m) {
  HWY_DYNAMIC_DISPATCH(GemmBtF64)(a, b, c, n, k, m);
  return true;
}

}  // namespace pygraft::rt
#endif  // HWY_ONCE

#else  // !PYGRAFT_HAVE_HWY

namespace pygraft::rt {

bool simd_gemm(const float*, const float*, float*, int64_t, int64_t, int64_t) {
  return false;
}
bool simd_gemm(const double*, const double*, double*, int64_t, int64_t, int64_t) {
  return false;
}
bool simd_gemm_bt(const float*, const float*, float*, int64_t, int64_t, int64_t) {
  return false;
}
bool simd_gemm_bt(const double*, const double*, double*, int64_t, int64_t, int64_t) {
  return false;
}

}  // namespace pygraft::rt

#endif  // PYGRAFT_HAVE_HWY
