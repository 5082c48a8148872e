// Compile-time evaluation of Python operators on constants, with CPython's
// semantics for None, bool, int, float and tuples. Used by the module
// constant evaluator and by the lowering to fold operators whose operands are
// all known. Every function returns nullopt when CPython would raise (division
// by zero, unsupported operand types) or when the result does not fit an int64:
// the operator is then left to the runtime, which reports the error where the
// program actually runs it.
#pragma once

#include <optional>

#include "graph/literal.h"
#include "parser/ast.h"

namespace pygraft::transform {

std::optional<Literal> fold_binary(ast::BinaryOp op, const Literal& lhs, const Literal& rhs);
std::optional<Literal> fold_unary(ast::UnaryOp op, const Literal& operand);
// Eq..GtE, Is/IsNot (only for None and bools), In/NotIn (tuple on the right).
std::optional<Literal> fold_compare(ast::CompareOp op, const Literal& lhs, const Literal& rhs);
// Python's bool(x); nullopt for values without a fixed truth value.
std::optional<bool> fold_truth(const Literal& value);

}  // namespace pygraft::transform
