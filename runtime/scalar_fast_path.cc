// runtime/scalar_fast_path.h: the ops whose kernels start with "two Python
// scalars: py_binary / py_compare" (kernels_arith.cc's arith_kernel,
// kernels_compare.cc's compare_values) and inplace_result, whose kernel
// passes the new value on when the target is not an array.
#include "runtime/scalar_fast_path.h"

#include <span>

namespace pygraft::rt {
namespace {

ScalarFastOp binary(BinaryOp op) {
  return {ScalarFastOp::Kind::Binary, static_cast<uint8_t>(op)};
}
ScalarFastOp compare(CompareOp op) {
  return {ScalarFastOp::Kind::Compare, static_cast<uint8_t>(op)};
}

// The double of a float64 0-d tensor or a Python number.
bool float64_operand(const Value& v, double& x) {
  if (v.is<Tensor>()) {
    const Tensor& t = v.as<Tensor>();
    if (t.rank() != 0 || t.dtype() != DType::Float64) return false;
    x = *t.data<double>();
    return true;
  }
  if (v.is<double>()) {
    x = v.as<double>();
  } else if (v.is<int64_t>()) {
    x = static_cast<double>(v.as<int64_t>());
  } else if (v.is<bool>()) {
    x = v.as<bool>() ? 1.0 : 0.0;
  } else {
    return false;
  }
  return true;
}

// A 0-d tensor of T that nothing else holds: its element may be overwritten.
template <class T>
bool is_reusable_scalar(const Value& v) {
  if (!v.is<Tensor>()) return false;
  const Tensor& t = v.as<Tensor>();
  // Note: a slot read at its last use keeps a moved-from tensor, with no buffer.
  return t.rank() == 0 && t.dtype() == dtype_of<T>() && t.raw() != nullptr && t.unique();
}

// Writes a 0-d result into `out`: into the tensor already there when it is
// reusable, else into an operand's at its last use (`moved`), else a new one.
template <class T>
void store_numpy_scalar(Value& out, T value, std::span<Value* const> moved) {
  if (!is_reusable_scalar<T>(out)) {
    for (Value* v : moved) {
      if (v != &out && is_reusable_scalar<T>(*v)) {
        out = std::move(*v);
        break;
      }
    }
  }
  if (is_reusable_scalar<T>(out)) {
    *out.as<Tensor>().data<T>() = value;
  } else {
    out = Value(Tensor::scalar(dtype_of<T>(), value));
  }
  for (Value* v : moved) {
    if (v != &out && !v->is_py_scalar()) *v = Value();
  }
}

}  // namespace

bool try_numpy_float_scalar_fast(ScalarFastOp op, Value& a, bool move_a, Value& b, bool move_b,
                                 Value& out) {
  // At least one NumPy scalar: two Python numbers are try_scalar_fast's.
  if (!a.is<Tensor>() && !b.is<Tensor>()) return false;
  double x = 0, y = 0;
  if (!float64_operand(a, x) || !float64_operand(b, y)) return false;
  Value* moved_storage[2];
  size_t num_moved = 0;
  if (move_a) moved_storage[num_moved++] = &a;
  if (move_b && &b != &a) moved_storage[num_moved++] = &b;
  const std::span<Value* const> moved(moved_storage, num_moved);
  if (op.kind == ScalarFastOp::Kind::Compare) {
    store_numpy_scalar<bool>(out, compare_values(static_cast<CompareOp>(op.code), x, y), moved);
    return true;
  }
  if (op.kind != ScalarFastOp::Kind::Binary) return false;
  double result = 0;
  switch (static_cast<BinaryOp>(op.code)) {
    case BinaryOp::Add:
      result = x + y;
      break;
    case BinaryOp::Sub:
      result = x - y;
      break;
    case BinaryOp::Mul:
      result = x * y;
      break;
    case BinaryOp::TrueDiv:
      result = x / y;
      break;
    default:
      return false;
  }
  store_numpy_scalar<double>(out, result, moved);
  return true;
}

ScalarFastOp scalar_fast_op(OpCode op) {
  switch (op) {
    case OpCode::Add:
      return binary(BinaryOp::Add);
    case OpCode::Sub:
      return binary(BinaryOp::Sub);
    case OpCode::Mul:
      return binary(BinaryOp::Mul);
    case OpCode::TrueDiv:
      return binary(BinaryOp::TrueDiv);
    case OpCode::FloorDiv:
      return binary(BinaryOp::FloorDiv);
    case OpCode::Mod:
      return binary(BinaryOp::Mod);
    case OpCode::Pow:
      return binary(BinaryOp::Pow);
    case OpCode::Eq:
      return compare(CompareOp::Eq);
    case OpCode::Ne:
      return compare(CompareOp::Ne);
    case OpCode::Lt:
      return compare(CompareOp::Lt);
    case OpCode::Le:
      return compare(CompareOp::Le);
    case OpCode::Gt:
      return compare(CompareOp::Gt);
    case OpCode::Ge:
      return compare(CompareOp::Ge);
    case OpCode::InPlaceResult:
      return {ScalarFastOp::Kind::Rebind, 0};
    default:
      return {};
  }
}

}  // namespace pygraft::rt
