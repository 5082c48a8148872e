// Matrix products for kernels other than matmul (np.einsum), on matmul's
// engines: BLAS for large float products, the vector kernels or Eigen for
// small ones, wrapping loops for ints and or-of-ands for bools
// (runtime/kernels_linalg.cc).
#pragma once

#include <cstdint>

#include "runtime/tensor.h"

namespace pygraft::rt {

// c (n x m) = a (n x k) * b (k x m), or a * b^T with b stored (m x k) when
// `transposed_b` (float dtypes only), for contiguous tensors of c's dtype,
// each matrix starting at the given element offset. A float sum of -0.0
// products may stay -0.0 (add +0.0 for NumPy's sums from zero).
void matrix_product(const Tensor& a, int64_t a_offset, const Tensor& b, int64_t b_offset, Tensor& c,
                    int64_t c_offset, int64_t n, int64_t k, int64_t m, bool transposed_b);

}  // namespace pygraft::rt
