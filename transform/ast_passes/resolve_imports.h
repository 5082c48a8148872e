// Import resolution: names bound by `from numpy|math|builtins import NAME
// [as ALIAS]` become the spelling the rest of the transform knows.
//
// Requires: a module from parse_module.
// Guarantees: in every function body, parameter default and module
// constant (and of ALIAS of `import numpy.SUB as ALIAS`), a read of ALIAS
// not hidden by a local becomes `numpy.NAME` /
// `math.NAME` (an attribute of a plain import of the module, one added to
// module.imports when the file has none it can use) or the builtin NAME
// itself; so `from numpy import zeros` then `zeros(3)` is lowered, checked
// and reported exactly as `np.zeros(3)`. Imports of other modules are left
// as they are (the lowering reports a use of them).
#pragma once

#include "parser/ast.h"

namespace pygraft::transform {

void resolve_imports(ast::Module& module);

// Whether compiled code may use what `import` binds: numpy, math, their
// names and submodules (`import numpy.linalg as la` is `from numpy import
// linalg as la`), and builtins' names. Any other import is foreign: an
// error only where compiled code uses it.
bool is_supported_import(const ast::Import& import);

}  // namespace pygraft::transform
