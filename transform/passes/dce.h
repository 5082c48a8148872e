// Dead-code elimination.
//
// Requires: a function whose values are each defined once (any IR from the
//   builder or a later pass).
// Guarantees: every remaining node either has an effect (print, assert,
//   call — calls may print —, undef, which raises UnboundLocalError when
//   executed, and nodes owning regions) or has a result that is used by a
//   remaining node or a region yield. Value ids are not renumbered (see
//   compact_values.h).
#pragma once

#include "graph/ir.h"

namespace pygraft::transform {

void eliminate_dead_code(Function& function);

}  // namespace pygraft::transform
