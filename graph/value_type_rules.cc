#include "graph/value_type_rules.h"

#include <algorithm>

namespace pygraft {
namespace {

using Operands = std::span<const ValueType>;

// ---- element kinds of elementwise results ----

// The element kinds an operand brings to a NumPy elementwise op: arrays their
// elements, Python numbers their own kind (weak under NEP 50: they never
// widen an array beyond their kind), tuples anything.
uint8_t contributed_elements(const ValueType& t) {
  uint8_t e = 0;
  if (t.may_be(kinds::Array)) e |= t.elements;
  if (t.may_be(kinds::Bool)) e |= elements::Bool;
  if (t.may_be(kinds::Int)) e |= elements::Int;
  if (t.may_be(kinds::Float)) e |= elements::Float;
  if (t.may_be(kinds::Tuple)) e |= elements::Any;
  return e;
}

// Highest kind of the pair: bool < int < float. Over sets: every pair.
uint8_t promoted(uint8_t a, uint8_t b) {
  uint8_t out = 0;
  for (uint8_t x : {elements::Bool, elements::Int, elements::Float}) {
    for (uint8_t y : {elements::Bool, elements::Int, elements::Float}) {
      if ((a & x) && (b & y)) out |= std::max(x, y);
    }
  }
  return out;
}

int broadcast_rank(const ValueType& a, const ValueType& b) {
  auto rank_of = [](const ValueType& t) -> int {
    if (t.only(kinds::Number)) return 0;
    if (t.only(kinds::Array | kinds::Number) && t.rank != kUnknownRank) {
      return t.only(kinds::Array) || t.rank == 0 ? t.rank : kUnknownRank;
    }
    return kUnknownRank;
  };
  int ra = rank_of(a), rb = rank_of(b);
  return ra == kUnknownRank || rb == kUnknownRank ? kUnknownRank : std::max(ra, rb);
}

// ---- operators ----

bool is_bitwise(OpCode op) {
  return op == OpCode::BitAnd || op == OpCode::BitOr || op == OpCode::BitXor;
}

// `a op b` for two Python numbers, by CPython's rules.
uint16_t python_arith_kinds(OpCode op, uint16_t a, uint16_t b) {
  const bool any_float = ((a | b) & kinds::Float) != 0;
  const bool any_int_like = (a & (kinds::Bool | kinds::Int)) && (b & (kinds::Bool | kinds::Int));
  uint16_t out = 0;
  if (op == OpCode::TrueDiv) return kinds::Float;
  if (is_bitwise(op)) {
    if ((a & kinds::Bool) && (b & kinds::Bool)) out |= kinds::Bool;
    return out | kinds::Int;
  }
  if (op == OpCode::LShift || op == OpCode::RShift) return kinds::Int;
  if (any_float) out |= kinds::Float;
  if (any_int_like) out |= kinds::Int;
  // Note: 2 ** -1 is a float and (-8.0) ** 0.5 a complex number: unknown.
  if (op == OpCode::Pow) return kinds::Any;
  return out;
}

uint8_t numpy_arith_elements(OpCode op, const ValueType& a, const ValueType& b) {
  uint8_t e = promoted(contributed_elements(a), contributed_elements(b));
  if (op == OpCode::TrueDiv) return elements::Float;
  const bool keeps_bool = op == OpCode::Add || op == OpCode::Mul || is_bitwise(op);
  if (!keeps_bool && (e & elements::Bool)) e |= elements::Int;
  return e;
}

ValueType binary_arith(OpCode op, const ValueType& a, const ValueType& b) {
  ValueType out;
  if (a.may_be(kinds::Number) && b.may_be(kinds::Number)) {
    out.kinds |= python_arith_kinds(op, a.kinds & kinds::Number, b.kinds & kinds::Number);
  }
  if (a.may_be(kinds::Array) || b.may_be(kinds::Array) ||
      (a.may_be(kinds::Tuple) && b.may_be(kinds::Tuple))) {
    out = out.join(ValueType::array(numpy_arith_elements(op, a, b), broadcast_rank(a, b)));
  }
  // str + str, str * n, fmt % args.
  if ((op == OpCode::Add || op == OpCode::Mul) && (a.may_be(kinds::Str) || b.may_be(kinds::Str))) {
    out.kinds |= kinds::Str;
  }
  if (op == OpCode::Mod && a.may_be(kinds::Str)) out.kinds |= kinds::Str;
  const bool sequence_op = op == OpCode::Add || op == OpCode::Mul;
  if (sequence_op && (a.may_be(kinds::Tuple) || b.may_be(kinds::Tuple))) {
    out.kinds |= kinds::Tuple;
  }
  // Note: NumPy functions on Python numbers give NumPy scalars (0-d arrays).
  if (a.may_be(kinds::Number) && b.may_be(kinds::Number)) {
    out = out.join(ValueType::array(numpy_arith_elements(op, a, b), 0));
  }
  return out;
}

ValueType comparison(const ValueType& a, const ValueType& b) {
  ValueType out = ValueType::of_kinds(kinds::Bool);
  if (a.may_be(kinds::Array | kinds::Tuple) || b.may_be(kinds::Array | kinds::Tuple) ||
      (a.may_be(kinds::Number) && b.may_be(kinds::Number))) {
    out = out.join(ValueType::array(elements::Bool, broadcast_rank(a, b)));
  }
  return out;
}

// -x, +x, abs(x), x ** 2 ...: numbers stay numbers (bool becomes int), arrays
// keep their elements (0-d for NumPy functions on numbers).
ValueType unary_same_kind(const ValueType& x) {
  ValueType out;
  if (x.may_be(kinds::Number)) {
    out.kinds |=
        (x.kinds & kinds::Float) | ((x.kinds & (kinds::Bool | kinds::Int)) ? kinds::Int : 0);
    out = out.join(ValueType::array(contributed_elements(x) | elements::Int, 0));
  }
  if (x.may_be(kinds::Array | kinds::Tuple)) {
    out = out.join(ValueType::array(contributed_elements(x) | elements::Int,
                                    x.only(kinds::Array) ? x.rank : kUnknownRank));
  }
  return out;
}

// exp, log, sqrt, tanh ...: Python floats for math.*, float arrays for np.*.
ValueType unary_float(const ValueType& x) {
  ValueType out;
  if (x.may_be(kinds::Number))
    out = ValueType::of_kinds(kinds::Float).join(ValueType::array(elements::Float, 0));
  if (x.may_be(kinds::Array | kinds::Tuple)) {
    out = out.join(ValueType::array(elements::Float, x.only(kinds::Array) ? x.rank : kUnknownRank));
  }
  return out;
}

// isnan, isinf, isfinite: Python bools for math.*, bool arrays for np.*.
ValueType unary_predicate(const ValueType& x) {
  ValueType out = ValueType::of_kinds(kinds::Bool);
  return out.join(ValueType::array(elements::Bool, x.only(kinds::Array) ? x.rank : kUnknownRank));
}

// ---- conversions and Python values ----

ValueType as_array(const ValueType& x, const ValueType& dtype) {
  const bool default_dtype = dtype.constant && dtype.constant->is_none();
  const uint8_t e = default_dtype ? contributed_elements(x) : elements::Any;
  int rank = kUnknownRank;
  if (x.only(kinds::Number)) rank = 0;
  if (x.only(kinds::Array)) rank = x.rank;
  return ValueType::array(e == 0 ? elements::Any : e, rank);
}

ValueType shape_of(const ValueType& x) {
  ValueType out = ValueType::of_kinds(kinds::Tuple);
  if (x.only(kinds::Array)) out.tuple_size = x.rank;
  return out;
}

// A value written back by x op= v: arrays of known rank > 0 keep their type
// (the result is cast back into them); NumPy scalars (0-d) and everything
// else rebind to the result.
ValueType inplace_result(const ValueType& target, const ValueType& result) {
  ValueType out;
  if (target.may_be(kinds::Array)) out = ValueType::array(target.elements, target.rank);
  if (!target.only(kinds::Array) || target.rank <= 0) out = out.join(result);
  return out;
}

// A ufunc's first operand (kernel_ufunc_operand): tuples become arrays, and
// Python numbers become 0-d arrays unless another operand may be an array.
ValueType ufunc_operand(Operands in) {
  const ValueType& x = in[0];
  bool others_may_be_arrays = false;
  for (size_t i = 1; i < in.size(); ++i) others_may_be_arrays |= in[i].may_be(kinds::Array);
  ValueType out = x;
  uint16_t converted = kinds::Tuple;
  if (!others_may_be_arrays) converted |= kinds::Number;
  if (x.may_be(converted)) {
    out.kinds &= static_cast<uint16_t>(~converted);
    out.tuple_size = kUnknownSize;
    out.constant.reset();
    const uint8_t e = x.may_be(kinds::Tuple) ? elements::Any : contributed_elements(x);
    out = out.join(ValueType::array(e, x.only(kinds::Number) ? 0 : kUnknownRank));
  }
  return out;
}

// x.NAME's receiver: only arrays get through (others raise AttributeError).
ValueType array_receiver(const ValueType& x) {
  if (!x.may_be(kinds::Array)) return {};
  return ValueType::array(x.elements, x.rank);
}

}  // namespace

ValueType literal_type(const Literal& literal) {
  struct Kind {
    uint16_t operator()(NoneLiteral) const { return kinds::None; }
    uint16_t operator()(bool) const { return kinds::Bool; }
    uint16_t operator()(int64_t) const { return kinds::Int; }
    uint16_t operator()(double) const { return kinds::Float; }
    uint16_t operator()(const std::string&) const { return kinds::Str; }
    uint16_t operator()(DType) const { return kinds::DType; }
    uint16_t operator()(const LiteralTuple&) const { return kinds::Tuple; }
  };
  ValueType out = ValueType::of_kinds(std::visit(Kind{}, literal.storage()));
  if (literal.is<LiteralTuple>()) {
    out.tuple_size = static_cast<int32_t>(literal.as<LiteralTuple>().size());
  } else {
    out.constant = literal;
  }
  return out;
}

ValueType result_type(const Node& node, Operands in) {
  const OpCode op = node.op;
  if (is_binary_arithmetic(op) && in.size() == 2) return binary_arith(op, in[0], in[1]);
  if (is_comparison(op) && in.size() == 2) return comparison(in[0], in[1]);
  if (is_float_unary_ufunc(op) && in.size() == 1) return unary_float(in[0]);
  switch (op) {
    case OpCode::Const:
      if (const Literal* value = node.attr("value")) return literal_type(*value);
      return ValueType::any();
    case OpCode::Undef:
      return ValueType::of_kinds(kinds::Unbound);
    case OpCode::MakeTuple: {
      ValueType out = ValueType::of_kinds(kinds::Tuple);
      out.tuple_size = static_cast<int32_t>(in.size());
      return out;
    }
    case OpCode::Truth:
    case OpCode::Not:
    case OpCode::IsNone:
      return ValueType::of_kinds(kinds::Bool);
    case OpCode::Len:
    case OpCode::RangeArg:
    case OpCode::RangeStep:
    case OpCode::ToInt:
    case OpCode::Ndim:
    case OpCode::Size:
      return ValueType::of_kinds(kinds::Int);
    case OpCode::ToFloat:
      return ValueType::of_kinds(kinds::Float);
    case OpCode::Str:
    case OpCode::StrFormat:
      return ValueType::of_kinds(kinds::Str);
    case OpCode::DTypeOf:
      return ValueType::of_kinds(kinds::DType);
    case OpCode::Shape:
      return in.empty() ? ValueType::any() : shape_of(in[0]);
    case OpCode::AsArray:
      return in.size() == 2 ? as_array(in[0], in[1]) : ValueType::array(elements::Any);
    case OpCode::InPlaceResult:
      return in.size() == 2 ? inplace_result(in[0], in[1]) : ValueType::any();
    case OpCode::UfuncOperand:
      return in.empty() ? ValueType::any() : ufunc_operand(in);
    case OpCode::ArrayReceiver: {
      // Note: lists and dicts pass as copy()'s receiver (kernel_array_receiver).
      const Literal* name = node.attr("name");
      if (name != nullptr && name->is<std::string>() && name->as<std::string>() == "copy") {
        return ValueType::any();
      }
      return in.size() == 1 ? array_receiver(in[0]) : ValueType::any();
    }
    case OpCode::Neg:
    case OpCode::Pos:
    case OpCode::Abs:
    case OpCode::Square:
      return in.size() == 1 ? unary_same_kind(in[0]) : ValueType::any();
    case OpCode::IsNan:
    case OpCode::IsInf:
    case OpCode::IsFinite:
      return in.size() == 1 ? unary_predicate(in[0]) : ValueType::any();
    case OpCode::Einsum:
      // An array (a 0-d one for a full contraction) of the operands'
      // promoted dtype, its rank set by the subscripts, read at run time.
      return ValueType::array(elements::Any);
    default:
      return ValueType::any();
  }
}

}  // namespace pygraft
