// Break lowering: after it, no `break` remains.
//
// Requires: loop-else lowering has run (no loop has an else clause).
// Guarantees: for each loop with an own `break` (not one of a nested loop),
//     break$N = False
//     while not break$N and test:      # for: For::extra_test `not break$N`
//         ... each `break` -> `break$N = True` ...
// with the rest of a block after a statement that may break guarded by
// `if not break$N:`. A loop directly preceded by `break$N = False` (reserved by
// loop-else lowering) uses that flag. Emits no continue, so it is independent
// of continue lowering; it runs first so that nothing separates a reserved
// flag from its loop.
#pragma once

#include "parser/ast.h"

namespace pygraft::transform {

void lower_break(ast::FunctionDef& function);

}  // namespace pygraft::transform
