// The header dict of a .npy file, e.g.
//   {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }
// parsed by a small strict parser instead of Python's literal_eval.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cli/result.h"
#include "graph/dtype.h"

namespace pygraft::cli {

struct NpyHeader {
  DType dtype = DType::Float64;
  bool fortran_order = false;
  std::vector<int64_t> shape;
};

// Parses the dict text (after the length field, padding and newline
// included). Fails on unknown or missing keys, duplicate keys, unsupported
// descr values, a shape that is not a tuple of non-negative ints, and any
// trailing text other than whitespace.
Result<NpyHeader> parse_npy_header(std::string_view text);

// The descr string NumPy uses for `dtype` ('<f8', '|b1', ...).
std::string_view npy_descr(DType dtype);

}  // namespace pygraft::cli
