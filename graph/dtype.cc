// DType names and sizes (see graph/dtype.h).
#include "graph/dtype.h"

#include <array>

namespace pygraft {
namespace {

struct DTypeRow {
  DType type;
  std::string_view name;
  int64_t size;
};

// Indexed by the enumerator's value.
constexpr std::array<DTypeRow, kNumDTypes> kDTypes = {{
    {DType::Bool, "bool", 1},
    {DType::Int32, "int32", 4},
    {DType::Int64, "int64", 8},
    {DType::Float32, "float32", 4},
    {DType::Float64, "float64", 8},
    {DType::UInt8, "uint8", 1},
    {DType::Int8, "int8", 1},
    {DType::Int16, "int16", 2},
    {DType::UInt16, "uint16", 2},
    {DType::UInt32, "uint32", 4},
    {DType::UInt64, "uint64", 8},
    {DType::Float16, "float16", 2},
}};

const DTypeRow& row(DType t) {
  return kDTypes[static_cast<size_t>(t) % kNumDTypes];
}

}  // namespace

std::string_view dtype_name(DType t) {
  return row(t).name;
}

std::optional<DType> dtype_from_name(std::string_view name) {
  for (const DTypeRow& r : kDTypes) {
    if (r.name == name) return r.type;
  }
  return std::nullopt;
}

int64_t dtype_size(DType t) {
  return row(t).size;
}

}  // namespace pygraft
