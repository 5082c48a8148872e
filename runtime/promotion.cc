#include "runtime/promotion.h"

#include <algorithm>

#include "runtime/runtime_error.h"
#include "runtime/value.h"

namespace pygraft::rt {

int dtype_kind(DType t) {
  if (t == DType::Bool) return 0;
  return is_integer(t) ? 1 : 2;
}

DType promote_types(DType a, DType b) {
  // Within a kind the wider type wins; across kinds the higher kind wins,
  // except that int64 with float32 gives float64 (as NumPy: float32 cannot
  // hold every int64) and int32 with float32 also gives float64.
  int ka = dtype_kind(a), kb = dtype_kind(b);
  if (ka == kb) return std::max(a, b);
  DType hi = ka > kb ? a : b;
  DType lo = ka > kb ? b : a;
  if (hi == DType::Float32 && is_integer(lo)) return DType::Float64;
  return hi;
}

DType result_type(OperandType a, OperandType b) {
  if (a.weak && b.weak) return dtype_kind(a.dtype) >= dtype_kind(b.dtype) ? a.dtype : b.dtype;
  if (a.weak || b.weak) {
    const OperandType& strong = a.weak ? b : a;
    const OperandType& weak = a.weak ? a : b;
    // A weak scalar only decides the result when its kind is higher.
    if (dtype_kind(weak.dtype) <= dtype_kind(strong.dtype)) return strong.dtype;
    return weak.dtype;  // int64 for a Python int, float64 for a Python float
  }
  return promote_types(a.dtype, b.dtype);
}

OperandType operand_type(const Value& v) {
  if (v.is<bool>()) return {DType::Bool, true};
  if (v.is<int64_t>()) return {DType::Int64, true};
  if (v.is<double>()) return {DType::Float64, true};
  if (v.is<Tensor>()) return {v.as<Tensor>().dtype(), false};
  if (v.is<TupleValue>()) return {to_tensor(v).dtype(), false};
  throw RuntimeError(PyExc::TypeError, "unsupported operand type: '" + type_name(v) + "'");
}

}  // namespace pygraft::rt
