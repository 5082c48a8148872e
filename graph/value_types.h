// Value types: static facts about what each value of a function may hold at
// run time, as CPython + NumPy define it: the set of Python kinds (None, bool,
// int, float, array, tuple, str, dtype, or an unbound variable), and for
// arrays the element kinds (bool / int / float) and the rank when known.
// NumPy scalars count as 0-d arrays, as in the runtime.
//
// Requires: a verified Function.
// Guarantees: a sound over-approximation: a value never holds a kind its type
// leaves out. Parameters and call results are unknown (every kind). One
// worklist solve per function, over the whole body with its nested regions:
// each value's type only grows, so the solve is linear in the function's
// size times the (small) height of the lattice, whatever the loop nesting.
// A side table indexed by ValueId, valid until the function changes.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/ir.h"

namespace pygraft {

// Kinds of Python values, as bits of a set.
namespace kinds {
inline constexpr uint16_t None = 1 << 0;
inline constexpr uint16_t Bool = 1 << 1;   // Python bool
inline constexpr uint16_t Int = 1 << 2;    // Python int
inline constexpr uint16_t Float = 1 << 3;  // Python float
inline constexpr uint16_t Array = 1 << 4;  // ndarray or NumPy scalar
inline constexpr uint16_t Tuple = 1 << 5;
inline constexpr uint16_t Str = 1 << 6;
inline constexpr uint16_t DType = 1 << 7;
inline constexpr uint16_t Unbound = 1 << 8;  // a variable unbound on some path
inline constexpr uint16_t Number = Bool | Int | Float;
inline constexpr uint16_t Any = (1 << 9) - 1;
}  // namespace kinds

// Element kinds of arrays, as bits of a set.
namespace elements {
inline constexpr uint8_t Bool = 1 << 0;
inline constexpr uint8_t Int = 1 << 1;
inline constexpr uint8_t Float = 1 << 2;
inline constexpr uint8_t Any = Bool | Int | Float;
}  // namespace elements

inline constexpr int kUnknownRank = -1;
inline constexpr int kUnknownSize = -1;

struct ValueType {
  uint16_t kinds = 0;                 // empty: no value reaches here (yet)
  uint8_t elements = 0;               // of the array kind
  int8_t rank = kUnknownRank;         // of the array kind
  int32_t tuple_size = kUnknownSize;  // of the tuple kind
  // The value, when it is a known constant other than a tuple.
  std::optional<Literal> constant;

  static ValueType any();
  static ValueType of_kinds(uint16_t k);
  static ValueType array(uint8_t element_kinds, int rank = kUnknownRank);

  bool empty() const { return kinds == 0; }
  // Every kind the value may hold is in `k`.
  bool only(uint16_t k) const { return (kinds & ~k) == 0; }
  bool may_be(uint16_t k) const { return (kinds & k) != 0; }
  // Only arrays, whose elements are all of the kinds in `e`.
  bool only_arrays_of(uint8_t e) const { return only(kinds::Array) && (elements & ~e) == 0; }

  // The least type holding both.
  ValueType join(const ValueType& other) const;
  bool operator==(const ValueType& other) const;
};

class ValueTypes {
 public:
  static ValueTypes infer(const Function& function);

  const ValueType& of(ValueId value) const { return types_.at(value); }

 private:
  friend class ValueTypeSolver;
  std::vector<ValueType> types_;
};

}  // namespace pygraft
