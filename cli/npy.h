// NumPy's .npy format, for `run @path.npy` arguments and `run --out DIR`.
//
// Reading is strict: magic "\x93NUMPY", versions 1.0, 2.0 and 3.0, a header
// dict with exactly 'descr', 'fortran_order' and 'shape', descr one of
// '<f4' '<f8' '<i4' '<i8' '|b1', and a data section of exactly the size the
// shape needs. Any other input fails with a message; nothing is read out of
// bounds. Fortran-ordered data is transposed into pygraft's row-major layout.
// Writing produces version 1.0 files that NumPy reads with np.load.
#pragma once

#include <string>
#include <string_view>

#include "cli/result.h"
#include "runtime/tensor.h"

namespace pygraft::cli {

// Header lengths above this are rejected before anything is allocated.
inline constexpr size_t kMaxNpyHeaderBytes = size_t{1} << 20;

Result<rt::Tensor> parse_npy(std::string_view bytes);
std::string encode_npy(const rt::Tensor& tensor);

}  // namespace pygraft::cli
