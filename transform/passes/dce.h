// Dead-code elimination.
//
// Requires: a function whose values are each defined once (any IR from the
//   builder or a later pass).
// Guarantees: every remaining node either has an effect or has a result that
//   is used by a remaining node or a region yield. Effects are print,
//   assert, call (calls may print), undef in the function body (reading an
//   unbound name), and cond / loop nodes whose regions hold an effect; a
//   cond or loop without one is dropped when its results are unused, and a
//   cond's unused results are removed with their yields. Value ids are not
//   renumbered (see compact_values.h).
#pragma once

#include "graph/ir.h"

namespace pygraft::transform {

void eliminate_dead_code(Function& function);

}  // namespace pygraft::transform
