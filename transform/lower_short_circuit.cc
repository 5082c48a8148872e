// ---------------------------------------------------------------------------
// NOT SUPPORTED YET (const-only): `and` / `or`, `a if c else b`, chained
// comparisons `a < b < c`, and `x in (..)` / `x not in (..)`.
//
// Python evaluates these lazily, which needs cond nodes (the control-flow
// issue replaces this file). Until then they are lowered exactly when every
// operand that decides the outcome is a compile-time constant, evaluating
// operands left to right and stopping where Python stops; otherwise they are
// reported as PG0214 "... is not supported yet".
// ---------------------------------------------------------------------------
#include "transform/fold.h"
#include "transform/function_lowerer.h"

namespace pygraft::transform {

ValueId FunctionLowerer::not_supported_yet(SourceRange range, std::string_view construct) {
  error(DiagCode::UnsupportedExpression, range,
        std::string(construct) + " with a value known only at run time is not supported yet");
  return poison(range);
}

// a and b and c: the first operand that decides the outcome is the result.
ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::BoolOpExpr& boolop) {
  const bool is_or = boolop.op == ast::BoolOp::Or;
  for (size_t i = 0; i < boolop.values.size(); ++i) {
    ValueId value = lower_expr(*boolop.values[i]);
    if (i + 1 == boolop.values.size()) return value;
    const Literal* literal = builder_.constant_value(value);
    std::optional<bool> truth = literal ? fold_truth(*literal) : std::nullopt;
    if (!truth) return not_supported_yet(expr.range, is_or ? "'or'" : "'and'");
    if (*truth == is_or) return value;
  }
  return poison(expr.range);  // unreachable: the parser gives at least two operands
}

// body if test else orelse: only the chosen branch is evaluated.
ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::IfExpr& if_expr) {
  ValueId test = lower_expr(*if_expr.test);
  const Literal* literal = builder_.constant_value(test);
  std::optional<bool> truth = literal ? fold_truth(*literal) : std::nullopt;
  if (!truth) return not_supported_yet(expr.range, "'a if condition else b'");
  return lower_expr(*truth ? *if_expr.body : *if_expr.orelse);
}

// a < b < c is (a < b) and (b < c) with b evaluated once.
ValueId FunctionLowerer::lower_chained_compare(const ast::Expr& expr,
                                               const ast::CompareExpr& compare) {
  ValueId lhs = lower_expr(*compare.left);
  for (size_t i = 0; i < compare.ops.size(); ++i) {
    ValueId rhs = lower_expr(*compare.comparators[i]);
    ValueId result = apply_compare(compare.ops[i], lhs, rhs, expr.range);
    if (i + 1 == compare.ops.size()) return result;
    const Literal* literal = builder_.constant_value(result);
    std::optional<bool> truth = literal ? fold_truth(*literal) : std::nullopt;
    if (!truth) return not_supported_yet(expr.range, "a chained comparison");
    if (!*truth) return result;
    lhs = rhs;
  }
  return poison(expr.range);  // unreachable: a chain has at least two operators
}

// x in (a, b) when not everything is constant (constants were folded by
// apply_compare): an or-chain of == that needs short-circuit evaluation.
ValueId FunctionLowerer::lower_membership(SourceRange range, ast::CompareOp op, ValueId,
                                          ValueId rhs) {
  const Literal* literal = builder_.constant_value(rhs);
  bool is_tuple = builder_.tuple_elements(rhs) != nullptr ||
                  (literal != nullptr && literal->is<LiteralTuple>());
  if (!is_tuple) {
    error(DiagCode::UnsupportedExpression, range,
          "'in' is only supported with a tuple on the right (x in (a, b))");
    return poison(range);
  }
  return not_supported_yet(range, op == ast::CompareOp::In ? "'in'" : "'not in'");
}

}  // namespace pygraft::transform
