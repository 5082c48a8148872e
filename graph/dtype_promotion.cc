#include "graph/dtype_promotion.h"

#include <algorithm>

namespace pygraft {

int dtype_kind(DType t) {
  if (t == DType::Bool) return 0;
  return is_integer(t) ? 1 : 2;
}

namespace {

int bits(DType t) {
  return static_cast<int>(dtype_size(t)) * 8;
}

DType signed_int_of_bits(int n) {
  switch (n) {
    case 8:
      return DType::Int8;
    case 16:
      return DType::Int16;
    case 32:
      return DType::Int32;
    default:
      return DType::Int64;
  }
}

DType unsigned_int_of_bits(int n) {
  switch (n) {
    case 8:
      return DType::UInt8;
    case 16:
      return DType::UInt16;
    case 32:
      return DType::UInt32;
    default:
      return DType::UInt64;
  }
}

DType float_of_bits(int n) {
  if (n <= 16) return DType::Float16;
  return n <= 32 ? DType::Float32 : DType::Float64;
}

DType promote_integers(DType a, DType b) {
  const bool ua = is_unsigned(a), ub = is_unsigned(b);
  if (ua == ub) {
    const int n = std::max(bits(a), bits(b));
    return ua ? unsigned_int_of_bits(n) : signed_int_of_bits(n);
  }
  // Mixed signedness: a signed type wider than the unsigned one, if any
  // (uint64 with a signed type has none: float64, as NumPy).
  const int u = ua ? bits(a) : bits(b);
  const int s = ua ? bits(b) : bits(a);
  if (s > u) return signed_int_of_bits(s);
  return u == 64 ? DType::Float64 : signed_int_of_bits(2 * u);
}

}  // namespace

DType smallest_float_holding(DType t) {
  if (is_float(t)) return t;
  if (t == DType::Bool) return DType::Float16;
  // A float whose mantissa holds every value: 8-bit ints in float16, 16-bit
  // in float32, wider in float64.
  return float_of_bits(2 * bits(t));
}

DType promote_types(DType a, DType b) {
  if (a == b) return a;
  if (a == DType::Bool) return b;
  if (b == DType::Bool) return a;
  if (is_integer(a) && is_integer(b)) return promote_integers(a, b);
  // A float with a float or an integer: the wider of the float and the
  // smallest float that holds the integer's values.
  const DType fa = smallest_float_holding(a), fb = smallest_float_holding(b);
  return float_of_bits(std::max(bits(fa), bits(fb)));
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

}  // namespace pygraft
