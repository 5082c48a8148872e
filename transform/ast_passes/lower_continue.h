// Continue lowering: after it, no `continue` remains.
//
// Requires: loop-else lowering has run (no loop has an else clause).
// Guarantees: for each loop with an own `continue`, its body becomes
//     continue$N = False
//     ... each `continue` -> `continue$N = True` ...
// with the rest of a block after a statement that may continue guarded by
// `if not continue$N:` (or moved into the other branch of an `if` whose one
// branch always continues, in which case the flag is not needed and not
// emitted). The loop's condition is unchanged.
#pragma once

#include "parser/ast.h"

namespace pygraft::transform {

void lower_continue(ast::FunctionDef& function);

}  // namespace pygraft::transform
