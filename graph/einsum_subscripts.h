// np.einsum's subscripts, read against the operands' ranks as NumPy 1.24's
// c_einsum reads them (numpy/core/src/multiarray/einsum.c.src, the
// optimize=False path). Shared by the runtime (runtime/einsum_spec.h, which
// then checks the shapes) and the IR's static types (the result's rank).
//
// Requires: nothing. Guarantees: labels for every operand dimension and the
// output, or EinsumSubscriptError with NumPy's ValueError message, the
// first mistake in NumPy's order.
#pragma once

#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace pygraft {

// A label is a letter's ASCII code, or kEinsumBroadcastLabel + j for the
// j-th dimension that '...' stands for, counted from the left of the widest
// ellipsis (an operand whose '...' covers fewer dimensions takes the
// rightmost ones, as broadcasting aligns shapes from the right).
inline constexpr int kEinsumBroadcastLabel = 128;

struct EinsumLabels {
  // Per operand, one label per dimension; a label repeated within an
  // operand takes the diagonal.
  std::vector<std::vector<int>> operands;
  // One label per output dimension, all distinct. Without "->", the
  // broadcast dimensions and then the labels used exactly once, in ASCII
  // order (uppercase before lowercase).
  std::vector<int> output;
};

class EinsumSubscriptError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Parses `subscripts` for operands of these ranks. Spaces are ignored, as
// is anything after a NUL (NumPy reads a C string).
EinsumLabels parse_einsum_subscripts(std::string_view subscripts, std::span<const int> ranks);

}  // namespace pygraft
