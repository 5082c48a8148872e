// Arithmetic and comparison on Python scalars (bool, int, float) with
// CPython's rules: int / int is a float, // and % floor toward -inf, division
// by zero raises, bool op bool is an int (bitwise ops keep bool). Python's
// ints are unbounded; ours are int64 and overflow raises "integer overflow"
// instead of wrapping. Also the floor-division helpers NumPy shares with Python.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "runtime/value.h"

namespace pygraft::rt {

enum class BinaryOp {
  Add,
  Sub,
  Mul,
  TrueDiv,
  FloorDiv,
  Mod,
  Pow,
  BitAnd,
  BitOr,
  BitXor,
  LShift,
  RShift
};
enum class UnaryOp { Neg, Pos, Invert };
enum class CompareOp { Eq, Ne, Lt, Le, Gt, Ge };

// The Python operator symbol ("+", "//", "<=") for messages.
const char* op_symbol(BinaryOp op);
const char* op_symbol(CompareOp op);

// Whether an element is NaN (never, for bool and integer types).
template <class T>
bool isnan_element(T v) {
  if constexpr (std::is_floating_point_v<T>)
    return std::isnan(v);
  else
    return false;
}

// `a op b` for one element type; shared by Python-scalar and array comparisons.
template <class T>
bool compare_values(CompareOp op, T a, T b) {
  switch (op) {
    case CompareOp::Eq:
      return a == b;
    case CompareOp::Ne:
      return a != b;
    case CompareOp::Lt:
      return a < b;
    case CompareOp::Le:
      return a <= b;
    case CompareOp::Gt:
      return a > b;
    case CompareOp::Ge:
      return a >= b;
  }
  return false;
}

// `a op b` for two Python scalars.
Value py_binary(BinaryOp op, const Value& a, const Value& b);
// `op a` for a Python scalar.
Value py_unary(UnaryOp op, const Value& a);
// `a op b` for two Python scalars, exact across int and float.
bool py_compare(CompareOp op, const Value& a, const Value& b);

// Python's float divmod: the quotient floored, the remainder with the sign of
// the divisor. NumPy's floor_divide / remainder on floats match it.
template <class T>
T float_mod(T a, T b) {
  if (b == 0) return std::fmod(a, b);  // NaN
  T mod = std::fmod(a, b);
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = std::copysign(T{0}, b);
  }
  return mod;
}

template <class T>
T float_floor_div(T a, T b) {
  if (b == 0) return a / b;  // inf or NaN, as NumPy
  T mod = std::fmod(a, b);
  T div = (a - mod) / b;
  if (mod != 0 && (b < 0) != (mod < 0)) div -= 1;
  if (div == 0) return std::copysign(T{0}, a / b);
  T floordiv = std::floor(div);
  if (div - floordiv > T{0.5}) floordiv += 1;
  return floordiv;
}

// A positive power-of-two divisor (`n // 2`, `i % 8`): a shift and a mask
// give the floored quotient and remainder (an arithmetic right shift rounds
// toward -inf, as floor division does) without a hardware division, which
// costs 10-40 cycles.
template <class T>
bool is_power_of_two_divisor(T b) {
  return b > 0 && (b & (b - 1)) == 0;
}

// Integer floor division and modulo with NumPy's conventions for a zero
// divisor (the result is 0) and no undefined behaviour for MIN // -1.

template <class T>
T int_floor_div(T a, T b) {
  if (is_power_of_two_divisor(b)) {
    return static_cast<T>(a >> std::countr_zero(static_cast<std::make_unsigned_t<T>>(b)));
  }
  if (b == 0) return 0;
  if (b == -1) return static_cast<T>(T{0} - static_cast<std::make_unsigned_t<T>>(a));
  T q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

template <class T>
T int_mod(T a, T b) {
  if (is_power_of_two_divisor(b)) return static_cast<T>(a & (b - 1));
  if (b == 0 || b == -1) return 0;
  T r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

}  // namespace pygraft::rt
