// The aliasing check (SPEC §3, PG0401 aliased-mutation). pygraft gives arrays
// value semantics; CPython shares them. Code whose CPython result depends on
// two names sharing one array is diagnosed at the in-place change:
//  - Y bound to X (`Y = X`), to a subscript of X (a view, conservatively any
//    subscript), to a view-returning attribute, method or NumPy function of X
//    (`.T`, `.transpose`, `.reshape`, `.squeeze`, `.ravel`, `np.reshape`,
//    `np.transpose`, `np.expand_dims`, `np.squeeze`, `np.ravel`,
//    `np.asarray`), a for target over X (`for row in X`), a tuple holding X,
//    the result of a function of the file that may return its argument X
//    or a view of it (`def head(a): return a[:2]`);
//  - then an in-place change of one of them (`X[i] = v`, `X[a:b] += v`,
//    `X += v` unless X certainly holds a Python scalar there) while the
//    other is live afterwards (liveness);
//  - or an in-place change of a parameter (or an alias of it) in a function
//    that another function of the file calls: the caller's array would change.
// Rebinding (`X = X + 1`, `X = X.copy()`) ends an alias. Python scalars are
// immutable: `t += v` on a Python scalar t rebinds t to a fresh value, and a
// value Python creates fresh (a literal, arithmetic, a comparison, len(),
// int(), float() ...) shares nothing. `y = x[0]; y += 1.0` stays a
// diagnostic: y is a view of x when x has two or more dimensions.
//
// The facts flow forward over each function's CFG (transform/analysis/cfg.h)
// of the code as written, before the exit lowerings: a `return` or `break`
// ends its path, so nothing after it is a false path. Pairs meet by union and
// scalars by intersection where paths join; one worklist solve per function.
// Interprocedural facts follow the call graph: what each function may
// return, callees first; what callers pass, callers first (then each
// function is checked with what all its callers pass).
//
// Requires: the parser's AST (break / continue / return still in place).
// Guarantees: only reports; never changes the AST; every name in a message
// is one the user wrote.
#pragma once

#include <memory>
#include <vector>

#include "parser/ast.h"
#include "support/diagnostic.h"
#include "transform/analysis/cfg.h"

namespace pygraft::transform {

void check_aliasing(const ast::Module& module, DiagnosticSink& diags);
// With each function's CFG already built (one per module.functions).
void check_aliasing(const ast::Module& module, const std::vector<std::shared_ptr<const Cfg>>& cfgs,
                    DiagnosticSink& diags);

}  // namespace pygraft::transform
