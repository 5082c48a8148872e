// The transfer functions of the value-type analysis (graph/value_types.h):
// what an op's result may hold given what its operands may hold, by CPython's
// and NumPy's rules. Ops without a rule here give every kind (sound, not
// precise); add a rule where a client needs the precision.
#pragma once

#include <span>

#include "graph/value_types.h"

namespace pygraft {

// The type of the single result of a non-structural node. Every operand type
// is non-empty.
ValueType result_type(const Node& node, std::span<const ValueType> operands);

// The type a constant literal has.
ValueType literal_type(const Literal& literal);

}  // namespace pygraft
