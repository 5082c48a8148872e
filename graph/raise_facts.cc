#include "graph/raise_facts.h"

namespace pygraft {
namespace {

using Types = ValueTypes;

// Python's truth of the value cannot raise: not an array of more than one
// element (or of unknown rank), not unbound.
bool truth_is_safe(const ValueType& t) {
  constexpr uint16_t kPlain =
      kinds::None | kinds::Number | kinds::Tuple | kinds::Str | kinds::DType;
  if (t.only(kPlain)) return true;
  return t.only(kPlain | kinds::Array) && t.rank == 0;
}

bool is_nonzero_number(const ValueType& t, bool allow_minus_one) {
  const std::optional<Literal>& c = t.constant;
  if (!c) return false;
  if (c->is<double>()) return c->as<double>() != 0.0;
  if (c->is<bool>()) return c->as<bool>();
  if (c->is<int64_t>()) return c->as<int64_t>() != 0 && (allow_minus_one || c->as<int64_t>() != -1);
  return false;
}

// A Python number or a NumPy scalar (a 0-d array).
bool scalar(const ValueType& t) {
  return t.only(kinds::Number | kinds::Array) && (!t.may_be(kinds::Array) || t.rank == 0);
}

// Holds floats only: a Python float or an array of floats.
bool floats_only(const ValueType& t) {
  return (t.kinds & (kinds::Bool | kinds::Int)) == 0 &&
         (!t.may_be(kinds::Array) || (t.elements & ~elements::Float) == 0);
}

// A float array of any shape with a scalar: NumPy broadcasts a 0-d operand
// to anything and never raises for float arithmetic (only warns).
bool float_array_with_scalar(const ValueType& a, const ValueType& b) {
  return (a.only_arrays_of(elements::Float) && scalar(b)) ||
         (b.only_arrays_of(elements::Float) && scalar(a));
}

// a op b for + - *: float arithmetic between scalars (Python floats overflow
// to inf), Python bool with bool, or a float array with a scalar. Python
// ints are 64-bit in pygraft: int arithmetic may raise OverflowError.
bool additive_is_safe(const ValueType& a, const ValueType& b) {
  if (float_array_with_scalar(a, b)) return true;
  if (!scalar(a) || !scalar(b)) return false;
  return (floats_only(a) && b.only(kinds::Number | kinds::Array)) ||
         (floats_only(b) && a.only(kinds::Number | kinds::Array)) ||
         (a.only(kinds::Bool) && b.only(kinds::Bool));
}

// a / b, a // b, a % b: a float array with a scalar, or a scalar by a
// non-zero constant (and not -1 for //: INT64_MIN // -1 overflows).
bool division_is_safe(OpCode op, const ValueType& a, const ValueType& b) {
  if (float_array_with_scalar(a, b)) return true;
  return scalar(a) && is_nonzero_number(b, op != OpCode::FloorDiv);
}

bool comparison_is_safe(OpCode op, const ValueType& a, const ValueType& b) {
  if (scalar(a) && scalar(b)) return true;
  if (op != OpCode::Eq && op != OpCode::Ne) return false;
  constexpr uint16_t kScalar = kinds::None | kinds::Number | kinds::Str | kinds::DType;
  return a.only(kScalar) && b.only(kScalar);
}

bool unary_is_safe(OpCode op, const ValueType& x) {
  switch (op) {
    case OpCode::Neg:
    case OpCode::Pos:
    case OpCode::Abs:
      return x.only(kinds::Bool | kinds::Float) || x.only_arrays_of(elements::Float);
    case OpCode::Truth:
    case OpCode::Not:
      return truth_is_safe(x);
    case OpCode::ArrayReceiver:
    case OpCode::Shape:
    case OpCode::Ndim:
    case OpCode::Size:
    case OpCode::DTypeOf:
      return x.only(kinds::Array);
    case OpCode::Len:
      return x.only(kinds::Tuple) || (x.only(kinds::Array) && x.rank > 0);
    case OpCode::ToFloat:
      return x.only(kinds::Number);
    default:
      return false;
  }
}

bool binary_is_safe(OpCode op, const ValueType& a, const ValueType& b) {
  if (is_comparison(op)) return comparison_is_safe(op, a, b);
  switch (op) {
    case OpCode::Add:
    case OpCode::Sub:
    case OpCode::Mul:
      return additive_is_safe(a, b);
    case OpCode::TrueDiv:
    case OpCode::FloorDiv:
    case OpCode::Mod:
      return division_is_safe(op, a, b);
    case OpCode::AsArray:  // np.asarray(x) with the default dtype
      return (a.only(kinds::Number | kinds::Array)) && b.constant && b.constant->is_none();
    case OpCode::InPlaceResult:  // rebinding a name that holds no array
      return a.only(kinds::None | kinds::Number | kinds::Tuple | kinds::Str | kinds::DType);
    default:
      return false;
  }
}

bool proven_not_to_raise(const Node& node, const Types& types) {
  for (ValueId input : node.inputs) {
    if (types.of(input).may_be(kinds::Unbound)) return false;  // UnboundLocalError
  }
  if (node.inputs.size() == 1) return unary_is_safe(node.op, types.of(node.inputs[0]));
  if (node.inputs.size() == 2) {
    return binary_is_safe(node.op, types.of(node.inputs[0]), types.of(node.inputs[1]));
  }
  return false;
}

}  // namespace

bool may_raise(const Node& node, const ValueTypes& types) {
  switch (op_info(node.op).effects) {
    case OpEffects::Pure:
      return false;
    case OpEffects::Effect:
      return true;
    case OpEffects::Raises:
      return !proven_not_to_raise(node, types);
    case OpEffects::Regions:
      if (node.op != OpCode::Cond || node.inputs.empty()) return true;
      return !truth_is_safe(types.of(node.inputs[0]));
  }
  return true;
}

}  // namespace pygraft
