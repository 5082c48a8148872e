#include "runtime/promotion.h"

#include "runtime/runtime_error.h"
#include "runtime/value.h"

namespace pygraft::rt {

OperandType operand_type(const Value& v) {
  if (v.is<bool>()) return {DType::Bool, true};
  if (v.is<int64_t>()) return {DType::Int64, true};
  if (v.is<double>()) return {DType::Float64, true};
  if (v.is<Tensor>()) return {v.as<Tensor>().dtype(), false};
  if (v.is<TupleValue>()) return {to_tensor(v).dtype(), false};
  throw RuntimeError(PyExc::TypeError, "unsupported operand type: '" + type_name(v) + "'");
}

}  // namespace pygraft::rt
