// Reading kernel operands that are parameters rather than data: axes,
// shapes, dtypes, flags. Each throws RuntimeError in NumPy's words when the
// value has the wrong type.
#pragma once

#include <bitset>
#include <optional>

#include "runtime/shape.h"
#include "runtime/value.h"

namespace pygraft::rt {

// `dtype=`: None -> nullopt; a dtype value; float/int/bool python types are
// already lowered to dtypes by the compiler.
std::optional<DType> dtype_arg(const Value& v);

// A shape: an int or a tuple of ints (also a 1-d integer array). Negative
// dims are rejected unless allow_minus_one (reshape), where one -1 may appear.
Shape shape_arg(const Value& v, bool allow_minus_one = false);

// An int parameter (axis, k, num, ddof, decimals); bools are not accepted
// where NumPy rejects them.
int64_t int_arg(const Value& v, const char* name);
bool bool_arg(const Value& v, const char* name);

// `axis=` of a reduction: None -> every axis; an int or a tuple of ints,
// normalised against rank; repeated axes are an error ("duplicate value in 'axis'").
using AxisSet = std::bitset<kMaxRank>;
AxisSet axes_arg(const Value& axis, int rank);

}  // namespace pygraft::rt
