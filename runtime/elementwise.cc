#include "runtime/elementwise.h"

#include <limits>
#include <string>

#include "runtime/cast.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {

OperandType operand_type_checked(const Value& v, const char* ufunc) {
  if (v.is_py_scalar() || v.is_tensor() || v.is<TupleValue>()) return operand_type(v);
  throw RuntimeError(PyExc::TypeError, std::string("ufunc '") + ufunc +
                                           "' not supported for the input types ('" + type_name(v) +
                                           "')");
}

void check_int_fits(int64_t value, DType dtype) {
  if (dtype != DType::Int32) return;
  if (value >= std::numeric_limits<int32_t>::min() &&
      value <= std::numeric_limits<int32_t>::max()) {
    return;
  }
  throw RuntimeError(PyExc::OverflowError,
                     "Python integer " + std::to_string(value) + " out of bounds for int32");
}

Tensor take_operand(Value& v, DType dtype, const char* ufunc) {
  if (v.is<bool>()) return Tensor::scalar(dtype, v.as<bool>());
  if (v.is<int64_t>()) {
    check_int_fits(v.as<int64_t>(), dtype);
    return Tensor::scalar(dtype, v.as<int64_t>());
  }
  if (v.is<double>()) return Tensor::scalar(dtype, v.as<double>());
  if (v.is<Tensor>()) {
    Tensor t = std::move(v.as<Tensor>());
    v = Value();
    return cast(t, dtype);
  }
  if (v.is<TupleValue>()) return cast(to_tensor(v), dtype);
  throw RuntimeError(PyExc::TypeError, std::string("ufunc '") + ufunc +
                                           "' not supported for the input types ('" + type_name(v) +
                                           "')");
}

Tensor result_buffer(std::span<Tensor* const> candidates, DType dtype, const Shape& shape) {
  for (Tensor* t : candidates) {
    if (t->unique() && t->dtype() == dtype && t->shape() == shape && t->raw() != nullptr) {
      return *t;
    }
  }
  return Tensor::empty(dtype, shape);
}

Tensor result_buffer(std::initializer_list<Tensor*> candidates, DType dtype, const Shape& shape) {
  return result_buffer(std::span<Tensor* const>(candidates.begin(), candidates.size()), dtype,
                       shape);
}

bool all_py_scalars(std::span<const Value> inputs) {
  for (const Value& v : inputs) {
    if (!v.is_py_scalar()) return false;
  }
  return true;
}

}  // namespace pygraft::rt
