// In-place methods of lists, dicts and arrays as rebindings. pygraft gives
// lists, dicts and arrays value semantics, so a method that changes its
// receiver in place gives the new value, bound to the receiver:
//
//   xs.append(v)         ->  xs = xs.$append(v)
//   d[k].extend(ys)      ->  d[k] = d[k].$extend(ys)
//   x.sort(); x.fill(0)  ->  x = x.$sort(); x = x.$fill(0)
//   d.setdefault(k, v)   ->  d = d.$setdefault(k, v)
//   v = xs.pop()         ->  xs, v = xs.$pop()     (also `return xs.pop()`)
//   v = d.setdefault(k, w) -> d = d.$setdefault(k, w); v = d[k]
//   np.clip(x, 0, 1, out=x)  ->  x[...] = np.clip(x, 0, 1)   (any out=)
//
// (also extend, insert, reverse, update). `$`-methods are the lowering's
// own (transform/lower_container_methods.cc); the aliasing check has seen
// the code as written, where each of these is an in-place change.
//
// Requires: the aliasing check done (it reads the code as written).
// Guarantees: every in-place method call written as a statement on a name
// (or a subscript of one) is rewritten; calls elsewhere are left for the
// lowering, which reports them (PG0201-style message: they return None).
#pragma once

#include "parser/ast.h"

namespace pygraft::transform {

void rewrite_inplace_methods(ast::FunctionDef& function);

// True for the methods this pass rewrites ("append", "sort", ...).
bool is_inplace_method(std::string_view name);

}  // namespace pygraft::transform
