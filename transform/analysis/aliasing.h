// The aliasing check (SPEC §3, PG0401 aliased-mutation). pygraft gives arrays
// value semantics; CPython shares them. Code whose CPython result depends on
// two names sharing one array is diagnosed at the in-place change:
//  - Y bound to X (`Y = X`), to a subscript of X (a view, conservatively any
//    subscript), to a view-returning attribute, method or NumPy function of X
//    (`.T`, `.transpose`, `.reshape`, `.squeeze`, `.ravel`, `np.reshape`,
//    `np.transpose`, `np.expand_dims`, `np.squeeze`, `np.ravel`,
//    `np.asarray`), a for target over X (`for row in X`), a tuple holding X,
//    the result of a function of the file that may return its argument X
//    or a view of it (`def head(a): return a[:2]`, to a fixpoint over calls);
//  - then an in-place change of one of them (`X[i] = v`, `X[a:b] += v`,
//    `X += v` unless X is known to hold a Python scalar there) while the
//    other is live afterwards (liveness);
//  - or an in-place change of a parameter (or an alias of it) in a function
//    that another function of the file calls: the caller's array would change.
// Rebinding (`X = X + 1`, `X = X.copy()`) ends an alias. Alias pairs are
// merged (union) at the end of if/else, loops iterate to a fixpoint, and
// errors are reported once the fixpoint is reached.
//
// Requires: exits lowered (transform/ast_passes): it walks the structured
// form. Guarantees: only reports; never changes the AST.
#pragma once

#include "parser/ast.h"
#include "support/diagnostic.h"

namespace pygraft::transform {

void check_aliasing(const ast::Module& module, DiagnosticSink& diags);

}  // namespace pygraft::transform
