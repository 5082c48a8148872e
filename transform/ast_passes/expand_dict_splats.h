// `f(**d)` for a function f of the file: each parameter of f that the call
// does not bind by position or by name is bound from d, as CPython binds it:
//
//   def linear(x, w, b, scale=1.0): ...
//   linear(x, **c_fc)   ->   linear(x, w=c_fc["w"], b=c_fc["b"],
//                                   scale=c_fc.get("scale", 1.0))
//
// A required parameter missing from d is then a KeyError naming it (CPython:
// a TypeError); keys of d that name no parameter are not checked. d is read
// once per parameter (the subset's expressions have no side effects).
//
// Requires: the parser's AST (a "**" keyword holds d).
// Guarantees: no "**" keyword is left in a call of a function of the file;
// in any other call it is reported (PG0211) and dropped.
#pragma once

#include "parser/ast.h"
#include "support/diagnostic.h"

namespace pygraft::transform {

void expand_dict_splats(ast::Module& module, DiagnosticSink& diags);

}  // namespace pygraft::transform
