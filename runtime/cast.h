// Converting tensors between dtypes, with NumPy's casting rules.
#pragma once

#include <limits>
#include <type_traits>

#include "graph/dtype.h"
#include "runtime/tensor.h"
#include "runtime/value.h"

namespace pygraft::rt {

// Elementwise conversion as x.astype(dtype) does (C++ conversion; float to
// int truncates toward zero, NaN/inf to int give an unspecified value as in
// NumPy, never undefined behaviour). Returns `t` itself when already `dtype`.
Tensor cast(const Tensor& t, DType dtype);

// NumPy's 'same_kind' rule: safe casts, or casts within a kind
// (float64 -> float32), never to a lower kind (float -> int, int -> bool).
bool can_cast_same_kind(DType from, DType to);

// NumPy's conversion of one scalar (a Python number, or a NumPy scalar: a
// 0-d tensor) to an element of `dtype`, as np.array([v], dtype=...) and
// x[i] = v do it, where a whole-array cast would not check: NaN to an
// integer dtype is "ValueError: cannot convert float NaN to integer", an
// infinity or a float outside int64 an OverflowError, a Python int outside
// int32 for int32 "OverflowError: Python integer ... out of bounds for int32".
// Throws RuntimeError; anything else passes.
void check_scalar_fits(const Value& v, DType dtype);

// check_scalar_fits for every scalar np.array(v, dtype=...) converts one by
// one: v itself when it is a Python number, and the scalars of a (nested)
// list; arrays, and a NumPy scalar given alone, are cast without checks.
void check_array_scalars(const Value& v, DType dtype);

// Converts one element without undefined behaviour (float -> int saturates,
// NaN becomes the minimum value, as x86 does for NumPy).
template <class To, class From>
To convert_element(From v) {
  if constexpr (std::is_same_v<To, bool>) {
    return v != From{};
  } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
    constexpr double lo = static_cast<double>(std::numeric_limits<To>::min());
    constexpr double hi = static_cast<double>(std::numeric_limits<To>::max());
    if (!(v >= lo) || v >= hi) return std::numeric_limits<To>::min();
    return static_cast<To>(v);
  } else {
    return static_cast<To>(v);
  }
}

}  // namespace pygraft::rt
