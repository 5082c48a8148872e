// Walks over the expression slots of an AST, for the passes that rewrite
// expressions in place (inline_lambdas.h, expand_dict_splats.h): each slot
// is an ast::ExprPtr the callback may replace.
#pragma once

#include <functional>

#include "parser/ast.h"

namespace pygraft::transform {

using ExprSlotFn = std::function<void(ast::ExprPtr& slot)>;

// fn(slot) for each direct sub-expression of `expr`, in source order
// (comprehension clauses and lambda bodies included).
void for_each_child_slot(ast::Expr& expr, const ExprSlotFn& fn);

// fn(slot) for every expression of the statements of `block` and of the
// blocks nested in them, each expression's children before it.
void walk_expressions(ast::Block& block, const ExprSlotFn& fn);

}  // namespace pygraft::transform
