// Compile-time evaluation of Python operators on constants, with CPython's
// semantics for None, bool, int, float and tuples. Used by the module
// constant evaluator and by the lowering to fold operators whose operands are
// all known. Every function returns nullopt when CPython would raise (division
// by zero, 10.0 ** 400, unsupported operand types): the operator is then left
// to the runtime, which raises where the program actually runs it. Never a
// value where CPython raises.
//
// Python ints are 64-bit (SPEC §3): an int result outside int64 is also
// nullopt, and `overflow` (when given) receives a message naming the
// operation and its exact result, for the compile-time diagnostic PG0407.
#pragma once

#include <optional>
#include <string>

#include "graph/literal.h"
#include "parser/ast.h"

namespace pygraft::transform {

std::optional<Literal> fold_binary(ast::BinaryOp op, const Literal& lhs, const Literal& rhs,
                                   std::string* overflow = nullptr);
std::optional<Literal> fold_unary(ast::UnaryOp op, const Literal& operand,
                                  std::string* overflow = nullptr);
// Eq..GtE, Is/IsNot (only for None and bools), In/NotIn (tuple on the right).
std::optional<Literal> fold_compare(ast::CompareOp op, const Literal& lhs, const Literal& rhs);
// Python's bool(x); nullopt for values without a fixed truth value.
std::optional<bool> fold_truth(const Literal& value);

}  // namespace pygraft::transform
