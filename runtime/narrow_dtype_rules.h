// How each op's result dtype follows from narrow-dtype operands (see
// runtime/narrow_dtypes.h). One case per op of graph/ops.def that accepts
// narrow arrays; every other op refuses them with a clear message.
#pragma once

#include <cstdint>
#include <optional>

#include "graph/dtype.h"
#include "graph/op_table.h"

namespace pygraft::rt {

enum class NarrowRule : uint8_t {
  Refuse,     // narrow arrays are not supported yet (TypeError saying what to write)
  Pass,       // the kernel handles every dtype itself (containers, astype, shape, dtype)
  Promote,    // NumPy's promotion of all numeric operands (arithmetic, where's values, clip)
  Values,     // as Promote over every operand but the first (np.where's condition)
  KeepFirst,  // the first operand's dtype (shape ops, indexing, sort, max, neg, abs)
  Store,      // the first operand's dtype, storing the others into it (x[i] = v, x.fill(v))
  Fixed,      // results whose dtype is the op's own (comparisons, argmax, len, float())
  FloatOf,  // float-only ufuncs: the smallest float that holds the inputs (sqrt(uint8) is float16)
  TrueDivide,  // float64 for integers, else the promoted float
  Accumulate,  // sum / prod / cumsum: int64 for narrow signed, uint64 for unsigned, float16 kept
  Average,     // mean / var / std / norm: float64 for integers, float16 kept
  Creation,    // the dtype argument (np.zeros(n, np.uint8)), else the first array's (zeros_like)
};

// Ops that only move elements of their first operand into the result
// (shape ops): it keeps that operand's dtype, and any bits are exact.
constexpr bool moves_elements(OpCode op) {
  switch (op) {
    case OpCode::Transpose:
    case OpCode::Reshape:
    case OpCode::Flatten:
    case OpCode::Repeat:
    case OpCode::Tile:
    case OpCode::Triu:
    case OpCode::Tril:
    case OpCode::Pad:
    case OpCode::Split:
    case OpCode::ArraySplit:
    case OpCode::ExpandDims:
    case OpCode::Squeeze:
    case OpCode::Copy:
      return true;
    default:
      return false;
  }
}

constexpr NarrowRule narrow_rule(OpCode op) {
  using R = NarrowRule;
  if (moves_elements(op)) return R::KeepFirst;
  if (is_float_unary_ufunc(op)) return R::FloatOf;
  switch (op) {
    case OpCode::MakeTuple:
    case OpCode::MakeList:
    case OpCode::MakeDict:
    case OpCode::ListAppend:
    case OpCode::ListExtend:
    case OpCode::ListInsert:
    case OpCode::ListReverse:
    case OpCode::ListPop:
    case OpCode::DictGet:
    case OpCode::DictSetDefault:
    case OpCode::DictUpdate:
    case OpCode::DictKeys:
    case OpCode::DictValues:
    case OpCode::DictItems:
    case OpCode::Reversed:
    case OpCode::ZipStar:
    case OpCode::IsNone:
    case OpCode::Raise:
    case OpCode::UfuncOperand:
    case OpCode::ArrayReceiver:
    case OpCode::InPlaceResult:
    case OpCode::AsType:
    case OpCode::Array:
    case OpCode::AsArray:
    case OpCode::Zeros:
    case OpCode::Empty:
    case OpCode::Shape:
    case OpCode::Ndim:
    case OpCode::Size:
    case OpCode::DTypeOf:
    case OpCode::TypeInfo:
    case OpCode::Len:
    case OpCode::Str:
    case OpCode::StrFormat:
    case OpCode::Print:
    case OpCode::FusedElementwise:  // its fast path takes float32/64 only, else the steps' kernels
    case OpCode::GetItem:           // moves elements of any dtype (gather, scatter, store_scalar)
    case OpCode::SetItem:
      return R::Pass;
    case OpCode::Add:
    case OpCode::Sub:
    case OpCode::Mul:
    case OpCode::FloorDiv:
    case OpCode::Mod:
    case OpCode::Pow:
    case OpCode::MatMul:
    case OpCode::MatMulTransposedB:
    case OpCode::BitAnd:
    case OpCode::BitOr:
    case OpCode::BitXor:
    case OpCode::LShift:
    case OpCode::RShift:
    case OpCode::Maximum:
    case OpCode::Minimum:
    case OpCode::Clip:
    case OpCode::Dot:
    case OpCode::Outer:
    case OpCode::Einsum:
    case OpCode::Concatenate:
    case OpCode::Stack:
    case OpCode::HStack:
    case OpCode::VStack:
      return R::Promote;
    case OpCode::Where:
      return R::Values;
    case OpCode::Neg:
    case OpCode::Pos:
    case OpCode::NpPositive:
    case OpCode::Invert:
    case OpCode::Abs:
    case OpCode::Sign:
    case OpCode::Square:
    case OpCode::Round:
    case OpCode::Max:
    case OpCode::Min:
    case OpCode::Diff:
    case OpCode::Sort:
      return R::KeepFirst;
    case OpCode::Fill:
      return R::Store;
    case OpCode::Eq:
    case OpCode::Ne:
    case OpCode::Lt:
    case OpCode::Le:
    case OpCode::Gt:
    case OpCode::Ge:
    case OpCode::IsNan:
    case OpCode::IsInf:
    case OpCode::IsFinite:
    case OpCode::LogicalNot:
    case OpCode::LogicalAnd:
    case OpCode::LogicalOr:
    case OpCode::LogicalXor:
    case OpCode::IsClose:
    case OpCode::AllClose:
    case OpCode::ArrayEqual:
    case OpCode::All:
    case OpCode::Any:
    case OpCode::ArgMax:
    case OpCode::ArgMin:
    case OpCode::ArgSort:
    case OpCode::Nonzero:
    case OpCode::FlatNonzero:
    case OpCode::ArgWhere:
    case OpCode::Truth:
    case OpCode::Not:
    case OpCode::ToFloat:
    case OpCode::ToInt:
    case OpCode::PyRound:
    case OpCode::MathPow:
    case OpCode::Assert:
    case OpCode::CheckBound:
    case OpCode::RangeArg:
    case OpCode::ToList:
      return R::Fixed;
    case OpCode::Arctan2:
    case OpCode::Floor:
    case OpCode::Ceil:
    case OpCode::Trunc:
      return R::FloatOf;
    case OpCode::TrueDiv:
      return R::TrueDivide;
    case OpCode::Sum:
    case OpCode::Prod:
    case OpCode::CumSum:
    case OpCode::CumProd:
      return R::Accumulate;
    case OpCode::Mean:
    case OpCode::Var:
    case OpCode::Std:
    case OpCode::Norm:
      return R::Average;
    case OpCode::Ones:
    case OpCode::Full:
    case OpCode::ZerosLike:
    case OpCode::OnesLike:
    case OpCode::FullLike:
    case OpCode::Eye:
    case OpCode::Arange:
    case OpCode::Linspace:
    case OpCode::Tri:
      return R::Creation;
    default:
      return R::Refuse;
  }
}

// The result dtype NumPy gives an op whose operands are all bool arrays,
// where its loops start at int8 (bool // bool is int8) or at float16
// (np.round of bools); nullopt where bool operands need nothing special.
constexpr std::optional<DType> all_bool_result(OpCode op) {
  switch (op) {
    case OpCode::FloorDiv:
    case OpCode::Mod:
    case OpCode::Pow:
    case OpCode::LShift:
    case OpCode::RShift:
    case OpCode::Square:
      return DType::Int8;
    case OpCode::Round:
      return DType::Float16;
    default:
      return std::nullopt;
  }
}

// Ops whose result bits are the same computed in int64 as in uint64
// (arithmetic modulo 2**64 and moves): uint64 values above int64 need no
// check for them. Every other op refuses such values rather than compare
// or divide them as negative numbers.
constexpr bool exact_modulo_2_64(OpCode op) {
  if (moves_elements(op)) return true;
  switch (op) {
    case OpCode::Add:
    case OpCode::Sub:
    case OpCode::Mul:
    case OpCode::BitAnd:
    case OpCode::BitOr:
    case OpCode::BitXor:
    case OpCode::LShift:
    case OpCode::Neg:
    case OpCode::Pos:
    case OpCode::NpPositive:
    case OpCode::Invert:
    case OpCode::Square:
    case OpCode::Sum:
    case OpCode::Prod:
    case OpCode::CumSum:
    case OpCode::CumProd:
    case OpCode::MatMul:
    case OpCode::Dot:
    case OpCode::Outer:
    case OpCode::Diff:
    case OpCode::Concatenate:
    case OpCode::Stack:
    case OpCode::HStack:
    case OpCode::VStack:
    case OpCode::Fill:
      return true;
    default:
      return false;
  }
}

// Ops whose list or tuple operands hold the arrays they combine.
constexpr bool scans_sequences(OpCode op) {
  return op == OpCode::Concatenate || op == OpCode::Stack || op == OpCode::HStack ||
         op == OpCode::VStack || op == OpCode::Einsum;
}

}  // namespace pygraft::rt
