// runtime/scalar_fast_path.h: the ops whose kernels start with "two Python
// scalars: py_binary / py_compare" (kernels_arith.cc's arith_kernel,
// kernels_compare.cc's compare_values) and inplace_result, whose kernel
// passes the new value on when the target is not an array.
#include "runtime/scalar_fast_path.h"

namespace pygraft::rt {
namespace {

ScalarFastOp binary(BinaryOp op) {
  return {ScalarFastOp::Kind::Binary, static_cast<uint8_t>(op)};
}
ScalarFastOp compare(CompareOp op) {
  return {ScalarFastOp::Kind::Compare, static_cast<uint8_t>(op)};
}

}  // namespace

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
