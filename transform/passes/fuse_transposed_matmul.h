// Fusion of a transpose into the matmul that consumes it.
//
// `h @ emb.T` and `q @ k.T` are everywhere in ML code. NumPy's `.T` is a
// view and its matmul hands BLAS a "transposed" flag; pygraft's transpose
// copies, so inside a loop the copy can cost more than the product (the
// greedy decoder of benchmarks/runtime spent 84 % of its time there).
//
// Requires: nothing beyond well-formed IR; runs before dce (which then
//   removes the None constant the transpose leaves unused).
// Guarantees: `t = transpose(b)` (no axes: `.T`, `np.transpose(b)`,
//   `b.transpose()`) whose only use is as the right operand of a `matmul` in
//   the same region is folded into it: the matmul becomes
//   `matmul_transposed_b(a, b)` and the transpose goes. The fused op computes
//   exactly `a @ b.T`: a 2-D float b is read transposed in place (BLAS/Eigen),
//   anything else runs transpose then matmul, with their results and errors.
//   A transpose with another use, or with axes, stays.
#pragma once

#include "graph/ir.h"

namespace pygraft::transform {

void fuse_transposed_matmul(Function& function);

}  // namespace pygraft::transform
