// Element types of tensors, shared by the IR (dtype literals) and the runtime.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pygraft {

// Order matters: it is the serialized code and the NumPy promotion order
// within a kind.
enum class DType : uint8_t { Bool = 0, Int32 = 1, Int64 = 2, Float32 = 3, Float64 = 4 };

inline constexpr int kNumDTypes = 5;

// "bool", "int32", "int64", "float32", "float64": the names run's JSON uses.
std::string_view dtype_name(DType t);
std::optional<DType> dtype_from_name(std::string_view name);
int64_t dtype_size(DType t);
inline bool is_float(DType t) {
  return t == DType::Float32 || t == DType::Float64;
}
inline bool is_integer(DType t) {
  return t == DType::Int32 || t == DType::Int64;
}

}  // namespace pygraft
