// Return lowering: after it, a function's only `return` is the last statement
// of its body.
//
// Requires: a parsed function (no pass has run yet).
// Guarantees: when the body has a `return` anywhere but as its last
// statement, the body becomes
//     return$flag = False          # only if some guard or loop reads it
//     return$value = None
//     ... each `return v` -> `return$flag = True; return$value = v` ...
//     return return$value
// with the rest of a block after a statement that may return guarded by
// `if not return$flag:` (or moved into the other branch of an `if` whose one
// branch always returns), loops that may return stopped through their
// condition (`while not return$flag and test`, For::extra_test), and their
// else clauses guarded (a return inside a loop skips the else clause). It
// emits no break or continue.
#pragma once

#include "parser/ast.h"

namespace pygraft::transform {

inline constexpr const char* kReturnFlag = "return$flag";
inline constexpr const char* kReturnValue = "return$value";

void lower_return(ast::FunctionDef& function);

}  // namespace pygraft::transform
