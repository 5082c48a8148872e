// Loop-else lowering: after it, no while/for has an else clause.
//
// Requires: return lowering has run (a return inside a loop already stops it
// and guards its else clause, so "the loop ended" means "ended without break").
// Guarantees: `LOOP else: E` becomes
//     LOOP; E                                  when the loop has no own break;
//     break$N = False; LOOP; if not break$N: E  otherwise.
// Note: `break$N = False` directly before a loop reserves that loop's break
// flag: break lowering (which must run next) sets it at each `break` instead
// of creating a new flag. Until then the flag is never set. Inner loops are
// lowered first, so a break in an inner loop's else clause (which belongs to
// the outer loop) is seen by the outer loop.
#pragma once

#include "parser/ast.h"

namespace pygraft::transform {

void lower_loop_else(ast::FunctionDef& function);

}  // namespace pygraft::transform
