// Value renumbering.
//
// Requires: every used value is defined (a region argument or a node result).
// Guarantees: value ids are dense, 0 .. num_values-1, numbered in definition
//   order (the body's arguments first, then results and nested region
//   arguments in the order they appear); value_names follow their values.
#pragma once

#include "graph/ir.h"

namespace pygraft::transform {

void compact_values(Function& function);

}  // namespace pygraft::transform
