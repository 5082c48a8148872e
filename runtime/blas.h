// Matrix products through the system's BLAS (OpenBLAS) where it pays.
//
// pygraft's own products (Eigen, compiled for baseline x86-64) are fine for
// small matrices; for large ones an optimised BLAS, which picks AVX2/AVX-512
// kernels at run time, is several times faster, as NumPy's is. When pygraft
// is built without a CBLAS (cmake finds none) these functions always decline.
#pragma once

#include <cstdint>

namespace pygraft::rt {

// c (n x m) = a (n x k) * b (k x m), all row-major and contiguous, when BLAS
// is available and the product is big enough for it to pay; returns false
// (c untouched) otherwise. c is written from zero (BLAS beta = 0), so a sum
// of -0.0 products is +0.0 as in NumPy.
bool blas_gemm(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m);
bool blas_gemm(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m);

// c (n x m) = a (n x k) * b^T, b given as (m x k): the product with b read
// transposed in place. Same conditions and guarantees as blas_gemm.
bool blas_gemm_bt(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m);
bool blas_gemm_bt(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m);

}  // namespace pygraft::rt
