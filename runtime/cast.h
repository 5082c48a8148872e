// Converting tensors between dtypes, with NumPy's casting rules.
#pragma once

#include <limits>
#include <type_traits>

#include "graph/dtype.h"
#include "runtime/convert_element.h"
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

// A Python int stored into (or combined with an array of) an integer dtype:
// NumPy 2's "OverflowError: Python integer 300 out of bounds for uint8" when
// it does not fit.
void check_int_fits(int64_t i, DType dtype);

// check_scalar_fits for every scalar np.array(v, dtype=...) converts one by
// one: v itself when it is a Python number, and the scalars of a (nested)
// list; arrays, and a NumPy scalar given alone, are cast without checks.
void check_array_scalars(const Value& v, DType dtype);

}  // namespace pygraft::rt
