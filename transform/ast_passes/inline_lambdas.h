// Lambdas where they can be inlined, as CPython would call them:
//
//  - a key function of sorted(), max(), min() and list.sort() — a lambda of
//    one parameter or the name of a function — becomes the list of the keys,
//    computed by a comprehension over the same iterable (evaluated a second
//    time: the subset's expressions have no side effects):
//      sorted(xs, key=lambda p: p[1])  ->  sorted(xs, key=[p[1] for p in xs])
//      max(xs, key=f)                  ->  $max_by(xs, [f(v) for v in xs])
//  - map(f, xs) and filter(f, xs), f a one-parameter lambda or a function's
//    name, become the comprehensions [f(v) for v in xs] and
//    [v for v in xs if f(v)] (lists, where Python gives iterators);
//  - a lambda bound to a local name once (`act = lambda v: v * 2`) and only
//    called: each call `act(a)` becomes the body with the arguments in place
//    of the parameters; the assignment goes. The body reads the enclosing
//    names at the call, as a Python closure does.
//
// Requires: the parser's AST. Runs before hoist_comprehensions.h, which
// turns the comprehensions made here into loops.
// Guarantees: every lambda handled above is gone; other lambdas are left for
// the lowering to report (PG0201).
#pragma once

#include "parser/ast.h"

namespace pygraft::transform {

void inline_lambdas(ast::FunctionDef& function);

}  // namespace pygraft::transform
