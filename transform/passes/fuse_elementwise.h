// Fusion of elementwise chains into one node.
//
// `np.tanh(x * 0.5 + 1.0) * x - 0.25` is five ops; run one by one they make
// five passes over memory and allocate up to five arrays, and in a loop over
// small arrays each op's dispatch costs more than its arithmetic. The pass
// turns such a chain into one fused_elementwise node (graph/fused_elementwise.h)
// that the runtime evaluates in one pass, in cache-sized blocks.
//
// Requires: nothing beyond well-formed IR; runs after dce (see pipeline.cc).
// Guarantees: a run of consecutive nodes of one region (constants between
//   them aside) on one source line, each an add, subtract, multiply,
//   true_divide, negative, absolute, exp, tanh or ufunc_operand with its
//   plain operands and no attributes whose result may be an array
//   (graph/value_types.h; a Python-scalar result stays, see
//   fuse_elementwise.cc), the last one possibly a sum, max or min whose
//   other operands are the constants None / False of NumPy's defaults
//   (those constants go too when nothing else reads them), each result read
//   only by later nodes of the run, is
//   replaced by one fused_elementwise node with the run's outside operands as
//   inputs and the last node's result as its own, at the last node's place
//   and source range. Runs of fewer than two arithmetic ops stay. The order
//   of evaluation is unchanged, and the fused node computes exactly what the
//   run did (results, dtypes and errors; runtime/kernels_fused.cc), so
//   nothing a user can observe changes except speed.
#pragma once

#include "graph/ir.h"

namespace pygraft::transform {

void fuse_elementwise(Function& function);

}  // namespace pygraft::transform
