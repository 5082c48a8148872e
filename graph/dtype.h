// Element types of tensors, shared by the IR (dtype literals) and the runtime.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace pygraft {

// The value is the serialized code (graph files, never renumber). The first
// five are the compute dtypes every kernel runs on; the narrow ones after
// them are stored as NumPy stores them and computed widened
// (runtime/narrow_dtypes.h), with NumPy's result dtypes.
enum class DType : uint8_t {
  Bool = 0,
  Int32 = 1,
  Int64 = 2,
  Float32 = 3,
  Float64 = 4,
  UInt8 = 5,
  Int8 = 6,
  Int16 = 7,
  UInt16 = 8,
  UInt32 = 9,
  UInt64 = 10,
  Float16 = 11,
};

inline constexpr int kNumDTypes = 12;
inline constexpr int kNumComputeDTypes = 5;

// "bool", "int32", "uint8", "float16", ...: NumPy's names, which run's JSON uses.
std::string_view dtype_name(DType t);
std::optional<DType> dtype_from_name(std::string_view name);
int64_t dtype_size(DType t);
inline bool is_float(DType t) {
  return t == DType::Float32 || t == DType::Float64 || t == DType::Float16;
}
inline bool is_integer(DType t) {
  return t != DType::Bool && !is_float(t);
}
inline bool is_unsigned(DType t) {
  return t == DType::UInt8 || t == DType::UInt16 || t == DType::UInt32 || t == DType::UInt64;
}
// A dtype kernels do not compute in: int8/16, uint8/16/32/64, float16.
inline bool is_narrow(DType t) {
  return static_cast<int>(t) >= kNumComputeDTypes;
}

}  // namespace pygraft
