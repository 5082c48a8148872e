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

// Screening for argmax(a @ b.T) (runtime/screened_argmax.h): b (m x k
// float32) with each element's mantissa cut to 7 bits (bfloat16, by
// truncation), packed two to a 32-bit word as the dot kernel reads them
// (word j of a row: element 2j in the low half, 2j + 1 in the high half, of
// each run of 2 * lanes elements), and each row's sum of squares (float32,
// multiply-adds). False, having done nothing, when k is not a multiple of
// twice the vector length or Highway is not there.
bool simd_screen_pack(const float* b, int64_t m, int64_t k, uint32_t* packed,
                      float* sums_of_squares);
// approx[r] = the dot product of a (k) with packed row r, in some order.
bool simd_screen_dots(const float* a, const uint32_t* packed, int64_t m, int64_t k, float* approx);
// The rows r (ascending) with approx[r] + norms[r] * scale >= threshold
// (one rounding), at most `capacity` of them into rows; returns how many
// there are (more than capacity: only the first capacity written).
int64_t simd_screen_candidates(const float* approx, const float* norms, int64_t m, float scale,
                               float threshold, int64_t* rows, int64_t capacity);

}  // namespace pygraft::rt
