// Prints an AST back as Python source, for documentation, debugging and the
// semantic tests of the AST passes (tests/ast_passes/check_semantics.py runs
// the original and the printed rewrite with CPython and compares results).
//
// Guarantees: the output is valid Python 3 meaning the same as the AST:
// every compound expression is parenthesised; synthesized names (`break$1`)
// print as `__pg_break_1`; a For with an extra_test prints as
// `for t in __pg_for(iter, lambda: extra_test):` with the helper defined at
// the top of the output (it checks the test before taking each element).
// Docstrings and the main guard are not in the AST, so not printed.
#pragma once

#include <string>

#include "parser/ast.h"

namespace pygraft::transform {

std::string ast_to_python(const ast::Module& module);
std::string expr_to_python(const ast::Expr& expr);

}  // namespace pygraft::transform
