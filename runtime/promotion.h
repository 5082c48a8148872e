// NumPy 2 type promotion (NEP 50) of runtime values; the dtype rules
// themselves are graph/dtype_promotion.h's, shared with the IR's inference.
#pragma once

#include "graph/dtype_promotion.h"

namespace pygraft::rt {

class Value;

using pygraft::dtype_kind;
using pygraft::OperandType;
using pygraft::promote_types;
using pygraft::result_type;
using pygraft::smallest_float_holding;

OperandType operand_type(const Value& v);  // throws RuntimeError for non-numeric values

}  // namespace pygraft::rt
