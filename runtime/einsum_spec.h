// np.einsum's subscripts, read as NumPy 1.24's c_einsum reads them
// (numpy/core/src/multiarray/einsum.c.src, the optimize=False path): first
// the string against the operands' ranks (graph/einsum_subscripts.h), then
// the labels against their shapes (resolve_einsum_shapes). Every mistake raises
// NumPy's ValueError with NumPy's message, in NumPy's order.
//
// Requires: nothing. Guarantees: a resolved einsum names every label's size,
// each operand's dimensions as distinct labels (diagonals combined) and the
// output's labels; kernels_einsum.cc computes from that alone.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "graph/einsum_subscripts.h"
#include "runtime/shape.h"

namespace pygraft::rt {

// Labels: graph/einsum_subscripts.h's, with the runtime's rank limit.
inline constexpr int kBroadcastLabel = kEinsumBroadcastLabel;
inline constexpr int kLabelCount = kBroadcastLabel + kMaxRank;
using pygraft::EinsumLabels;

// graph/einsum_subscripts.h's parse; a mistake raises NumPy's ValueError.
EinsumLabels parse_einsum_subscripts(std::string_view subscripts, std::span<const int> ranks);

// One operand with its repeated labels combined into one diagonal dimension:
// `strides` (in elements, into the contiguous operand) add up the strides of
// the dimensions combined.
struct EinsumOperand {
  std::vector<int> labels;  // distinct
  std::vector<int64_t> sizes;
  std::vector<int64_t> strides;
};

struct EinsumShapes {
  std::vector<EinsumOperand> operands;
  std::vector<int> output;  // as EinsumLabels::output
  // The size of every label used: the operands' sizes for it, where a size
  // of 1 broadcasts against the others (NumPy's iterator allows it).
  std::array<int64_t, kLabelCount> sizes{};
  Shape output_shape;
};

// Checks the operands' shapes against the labels: diagonal dimensions must
// agree, and a label's sizes must agree or be 1 ("operands could not be
// broadcast together with remapped shapes ...").
EinsumShapes resolve_einsum_shapes(const EinsumLabels& labels, std::span<const Shape> shapes);

}  // namespace pygraft::rt
