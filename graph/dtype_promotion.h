// NumPy 2 type promotion (NEP 50), on dtypes alone: the rules the runtime's
// kernels and the IR-level type inference (graph/static_types.h) share.
// Python scalars are weak: they take the other operand's dtype when its kind
// (bool < int < float) is at least theirs.
#pragma once

#include "graph/dtype.h"

namespace pygraft {

// The type of one operand as promotion sees it.
struct OperandType {
  DType dtype;        // for weak operands: bool, int64 or float64 (their default)
  bool weak = false;  // a Python scalar
};

// np.promote_types for two strong dtypes.
DType promote_types(DType a, DType b);

// The smallest float dtype that holds every value of `t` (the dtype NumPy's
// float-only ufuncs such as np.sqrt give: float16 for uint8, float32 for
// int16, float64 for int32); `t` itself for floats.
DType smallest_float_holding(DType t);

// Result dtype of a binary arithmetic op on the two operands (np.result_type
// under NEP 50). Two weak operands give the default dtype of the higher kind.
DType result_type(OperandType a, OperandType b);

// Kind order: bool 0, integer 1, float 2.
int dtype_kind(DType t);

}  // namespace pygraft
