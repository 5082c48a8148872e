// A deterministic, indented S-expression text of the AST with every node's
// range (`@line:col-line:col`), for tests and debugging:
//   (module
//     (def f @1:1-2:13 name@1:5-1:6
//       (param x @1:7-1:8)
//       (body
//         (return @2:5-2:13
//           (name x @2:12-2:13)))))
#pragma once

#include <string>

#include "parser/ast.h"
#include "parser/ast_operators.h"

namespace pygraft {

std::string dump_ast(const ast::Module& module);
std::string dump_expr(const ast::Expr& expr);
std::string dump_stmt(const ast::Stmt& stmt);

// Names used by the dump, e.g. "+" for Add, "not in" for NotIn.

}  // namespace pygraft
