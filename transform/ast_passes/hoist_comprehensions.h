// Comprehensions as loops. `[e for v in xs if c]`, the generator
// expression `(e for ...)` (evaluated into a list: the subset has no lazy
// iterators) and `{k: w for ...}` are hoisted out of their statement into a
// loop that builds the value, as CPython runs them:
//
//   ys = [f(v) for v in xs if v > 0]    comp$1 = []
//                                       for v$1 in xs:
//                                           if v$1 > 0:
//                                               comp$1.append(f(v$1))
//                                       ys = comp$1
//
// The targets get fresh names (a comprehension's variables are its own in
// Python 3); the first iterable is evaluated in the enclosing scope, once.
// Several comprehensions of one statement are hoisted left to right, before
// the rest of the statement (the subset's expressions have no side effects
// besides raising and printing). Nested comprehensions become nested loops.
//
// Requires: the parser's AST; lambdas already inlined (inline_lambdas.h).
// Guarantees: no comprehension is left outside a place that is evaluated
// conditionally or repeatedly (the right of `and`/`or`, a branch of
// `a if c else b`, a while condition); those are reported (PG0202) and left.
#pragma once

#include "parser/ast.h"
#include "support/diagnostic.h"

namespace pygraft::transform {

void hoist_comprehensions(ast::FunctionDef& function, DiagnosticSink& diags);

}  // namespace pygraft::transform
