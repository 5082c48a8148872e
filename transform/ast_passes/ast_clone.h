// Deep copies of AST expressions, for the passes that write one expression
// in two places (`d[k].append(v)` -> `d[k] = d[k].$append(v)`) or substitute
// arguments for a lambda's parameters. Source ranges are kept.
#pragma once

#include <functional>
#include <string>

#include "parser/ast.h"

namespace pygraft::transform {

ast::ExprPtr clone_expr(const ast::Expr& expr);

// A copy of `expr` in which every read of a name that `replace` maps to a
// non-null expression is that expression (copied); other names stay.
// Note: names bound inside `expr` (comprehension targets, lambda
// parameters) shadow; the callers only pass expressions without them.
ast::ExprPtr substitute_names(const ast::Expr& expr,
                              const std::function<const ast::Expr*(const std::string&)>& replace);

}  // namespace pygraft::transform
