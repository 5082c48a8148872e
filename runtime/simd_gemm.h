// Small float matrix products with runtime CPU dispatch (Google Highway, as
// runtime/simd_math.h): the products below the size where BLAS pays, which
// the RNN and LSTM steps are made of (a row vector times a weight matrix).
// Eigen, built for baseline x86-64, would run them on SSE2; here one binary
// uses AVX-512 or AVX2 where the CPU has them.
//
// Every output element is one sum over k in a fixed order (a fused
// multiply-add per term where the CPU has FMA, as BLAS does), so a product
// gives the same bits on every run on a given CPU.
#pragma once

#include <cstdint>

namespace pygraft::rt {

// How a sum of only -0.0 products comes out: -0.0 (Kept, as Eigen's products
// and np.dot of single elements give it) or +0.0 (Positive, as NumPy's
// matmul gives it: its BLAS writes from zero). Other results are the same.
enum class ZeroSums : uint8_t { Kept, Positive };

// c (n x m) = a (n x k) @ b (k x m), row-major and contiguous, c distinct
// from a and b. False, having done nothing, when Highway was not there at
// build time: the caller then uses Eigen.
bool simd_gemm(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m,
               ZeroSums zeros = ZeroSums::Kept);
bool simd_gemm(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m,
               ZeroSums zeros = ZeroSums::Kept);

// c (n x m) = a (n x k) @ b^T with b (m x k): dot products of rows.
bool simd_gemm_bt(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m,
                  ZeroSums zeros = ZeroSums::Kept);
bool simd_gemm_bt(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m,
                  ZeroSums zeros = ZeroSums::Kept);

}  // namespace pygraft::rt
