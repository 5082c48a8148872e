// Merging the fused nodes that read a fused node's result into it.
//
// `y = np.tanh(x * 0.5 + 1.0) * x - 0.25` then `np.sum(y * y)` and
// `np.max(np.abs(y))` are three fused nodes after fuse-elementwise: the
// first writes y (4 MB for 1e6 float32) and the other two read it back. Made
// one node with several outputs (graph/fused_elementwise.h), the reductions
// take y's blocks while they are in the L1 cache, and y is never stored
// when nothing else reads it: one pass over x instead of three over memory.
//
// Requires: fuse-elementwise has run (see pipeline.cc).
// Guarantees: a fused_elementwise node R that reads a result of an earlier
//   fused_elementwise node P of the same region (not one of P's reductions)
//   joins P when every other operand of R is an operand of P or a constant
//   Python number, every node between them is a constant or can neither
//   raise nor have an effect, and the merged program fits the node's limits
//   (steps, inputs, outputs, segments). The merged node stands at P's place
//   with P's source range; R's steps keep R's range as a segment, so an
//   error in them still points at R's line; constants R reads that stood
//   between them move before it. Its outputs are P's results that something
//   besides R still reads, then R's. R's operands being P's or scalars, the
//   merged node takes the runtime's one-pass path exactly when P did (same
//   shapes, one float dtype); what it computes, and every error, are those
//   of the nodes it replaces (runtime/kernels_fused.cc).
#pragma once

#include "graph/ir.h"

namespace pygraft::transform {

void merge_fused_readers(Function& function);

}  // namespace pygraft::transform
