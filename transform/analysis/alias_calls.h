// Calls between the functions of a file, for the aliasing check's
// interprocedural facts (transform/analysis/aliasing.h): every call inside an
// expression, every expression a CFG element evaluates, and an order of the
// functions with each callee before its callers.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "parser/ast.h"
#include "transform/analysis/activity.h"

namespace pygraft::transform {

// The first definition of each function name of the module.
using FunctionTable = std::map<std::string, const ast::FunctionDef*, std::less<>>;

// Calls `on_call` for every call in `expr` (outer calls first).
void for_each_call(const ast::Expr& expr, const std::function<void(const ast::CallExpr&)>& on_call);

// Calls `on_expr` for each expression the part of `stmt` evaluates (the
// targets of an assignment included).
void for_each_part_expr(const ast::Stmt& stmt, StmtPart part,
                        const std::function<void(const ast::Expr&)>& on_expr);

struct CallOrder {
  // Indices into module.functions, each function after every function of
  // the file it calls (recursion, reported elsewhere, is cut anywhere).
  std::vector<size_t> callees_first;
  // Per function: another function of the file calls it.
  std::vector<bool> called;
};

CallOrder call_order(const ast::Module& module, const FunctionTable& functions);

}  // namespace pygraft::transform
