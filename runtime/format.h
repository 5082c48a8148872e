// Printing values as Python's print() does: str() of Python scalars, tuples
// (whose items print with repr()), NumPy 2 scalars (our 0-d tensors) and
// arrays (NumPy's array2string with the default print options: precision 8,
// floatmode 'maxprec', linewidth 75, threshold 1000, edgeitems 3).
//
// Known gaps: arrays of more than kMaxRank dimensions cannot exist; legacy
// print modes and user print options are not modelled.
#pragma once

#include <string>

#include "runtime/tensor.h"
#include "runtime/value.h"

namespace pygraft::rt {

// str(v), what print(v) writes.
std::string format_value(const Value& v);

// repr(v), how a value prints inside a tuple: 'text', np.float64(1.5),
// array([1., 2.], dtype=float32).
std::string repr_value(const Value& v);

// Python's repr of a float: shortest round-trip digits, exponent notation
// outside 1e-4 <= |x| < 1e16 (0.1, 1e-05, 1e+16, inf, nan, -0.0).
std::string python_float_repr(double value);

// The same rules with float32's shortest digits (str(np.float32(0.1)) == "0.1").
std::string float32_repr(float value);

// str(array) and repr(array) for tensors of rank >= 1 (rank 0 prints as a
// NumPy scalar through format_value / repr_value).
std::string format_array(const Tensor& t);
std::string repr_array(const Tensor& t);

}  // namespace pygraft::rt
