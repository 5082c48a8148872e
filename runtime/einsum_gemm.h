// The matrix-product path of np.einsum (runtime/kernels_einsum.cc): a
// contraction of two operands whose labels each belong to both operands
// and the output (batch), one operand and the output (rows, columns), or
// both operands only (summed) is a batched matrix product once the axes are
// ordered [batch, rows, summed] and [batch, summed, columns] (or [batch,
// columns, summed], read transposed), which matmul's engines compute
// (runtime/matrix_product.h).
#pragma once

#include <optional>
#include <vector>

#include "runtime/einsum_spec.h"
#include "runtime/tensor.h"

namespace pygraft::rt {

// An operand in the result's dtype: contiguous data read through its
// labels' sizes and strides (a diagonal adds up strides).
struct EinsumTensor {
  Tensor data;
  EinsumOperand axes;
};

// a and b contracted to `out_labels` (in that order), both of the same
// dtype; nullopt when the pair is not a matrix product (a diagonal, a size-1
// dimension broadcast, a label summed within one operand) or too small a
// one to pay for the copies.
std::optional<Tensor> contract_by_gemm(const EinsumTensor& a, const EinsumTensor& b,
                                       const std::vector<int>& out_labels);

}  // namespace pygraft::rt
