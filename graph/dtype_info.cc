#include "graph/dtype_info.h"

#include <cmath>
#include <limits>

namespace pygraft {

// np.finfo's fields for a float dtype (float16: 11 significant bits,
// exponents down to -14; float32: 24 and -126; float64: 53 and -1022).
double finfo_field(DType dtype, std::string_view field) {
  const int digits = dtype == DType::Float16 ? 11 : dtype == DType::Float32 ? 24 : 53;
  const int min_exponent = dtype == DType::Float16 ? -14 : dtype == DType::Float32 ? -126 : -1022;
  const double max = dtype == DType::Float16   ? 65504.0
                     : dtype == DType::Float32 ? std::numeric_limits<float>::max()
                                               : std::numeric_limits<double>::max();
  if (field == "eps") return std::ldexp(1.0, 1 - digits);
  if (field == "epsneg") return std::ldexp(1.0, -digits);
  if (field == "max") return max;
  if (field == "min") return -max;
  if (field == "tiny" || field == "smallest_normal") return std::ldexp(1.0, min_exponent);
  if (field == "resolution")
    return dtype == DType::Float16 ? 1e-3 : dtype == DType::Float32 ? 1e-6 : 1e-15;
  return 0;
}

std::optional<int64_t> iinfo_field(DType dtype, std::string_view field) {
  const int64_t bits = dtype_size(dtype) * 8;
  if (field == "min") return is_unsigned(dtype) ? int64_t{0} : -(int64_t{1} << (bits - 2)) * 2;
  if (dtype == DType::UInt64) return std::nullopt;
  const int value_bits = is_unsigned(dtype) ? static_cast<int>(bits) : static_cast<int>(bits) - 1;
  return static_cast<int64_t>((uint64_t{1} << (value_bits - 1)) * 2 - 1);
}

}  // namespace pygraft
