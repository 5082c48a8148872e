// Constant de-duplication.
//
// Requires: nothing beyond well-formed IR.
// Guarantees: within each region, no two const nodes hold the same literal
//   (compared bit for bit, so 0.0 and -0.0 stay apart and NaNs with the same
//   bits merge); the first one stays and the uses of the others (also in
//   nested regions) refer to it. Value ids are not renumbered.
#pragma once

#include "graph/ir.h"

namespace pygraft::transform {

void deduplicate_constants(Function& function);

}  // namespace pygraft::transform
