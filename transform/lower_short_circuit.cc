// `and` / `or`, `a if c else b`, chained comparisons `a < b < c`, and
// `x in (a, b)` / `x not in (a, b)`: Python evaluates these lazily, so an
// operand that does not decide the outcome at compile time becomes a cond
// node whose regions evaluate the rest only on the path Python takes.
//
// Results keep Python's value: `x or y` is x when x is true, else y (not a
// bool); `a < b < c` is the first false comparison's result, else the last
// one's; `in` is a bool. Operands that are constants decide at compile time
// (left to right, stopping where Python stops), so constant expressions
// still fold to a constant.
#include "transform/function_lowerer.h"
#include "transform/nesting_limits.h"

namespace pygraft::transform {

ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::BoolOpExpr& boolop) {
  if (boolop.values.size() > kMaxChainNesting) return lower_long_bool_chain(expr, boolop);
  return lower_bool_chain(expr, boolop, 0, boolop.values.size());
}

// values[first] and values[first + 1] and ... (up to `last`): the first
// operand that decides the outcome is the result; the rest is lowered in the
// cond's region.
ValueId FunctionLowerer::lower_bool_chain(const ast::Expr& expr, const ast::BoolOpExpr& boolop,
                                          size_t first, size_t last) {
  const bool is_or = boolop.op == ast::BoolOp::Or;
  ValueId value = lower_expr(*boolop.values[first]);
  if (first + 1 == last) return value;
  std::optional<bool> truth = constant_truth(value);
  if (truth) return *truth == is_or ? value : lower_bool_chain(expr, boolop, first + 1, last);
  auto rest = [&] { return lower_bool_chain(expr, boolop, first + 1, last); };
  auto self = [&] { return value; };
  if (is_or) return emit_cond_value(value, self, rest, expr.range);
  return emit_cond_value(value, rest, self, expr.range);
}

// body if test else orelse: only the chosen branch is evaluated.
ValueId FunctionLowerer::lower_kind(const ast::Expr& expr, const ast::IfExpr& if_expr) {
  size_t links = 1;
  for (const ast::Expr* e = if_expr.orelse.get();
       links <= kMaxChainNesting && std::holds_alternative<ast::IfExpr>(e->kind);
       e = std::get<ast::IfExpr>(e->kind).orelse.get()) {
    ++links;
  }
  if (links > kMaxChainNesting) return lower_long_conditional(expr);
  ValueId test = lower_expr(*if_expr.test);
  if (std::optional<bool> truth = constant_truth(test)) {
    return lower_expr(*truth ? *if_expr.body : *if_expr.orelse);
  }
  return emit_cond_value(
      test, [&] { return lower_expr(*if_expr.body); }, [&] { return lower_expr(*if_expr.orelse); },
      expr.range);
}

// a < b < c is (a < b) and (b < c) with b evaluated once.
ValueId FunctionLowerer::lower_chained_compare(const ast::Expr& expr,
                                               const ast::CompareExpr& compare) {
  if (compare.ops.size() > kMaxChainNesting) return lower_long_compare(expr, compare);
  return lower_compare_chain(expr, compare, 0, lower_expr(*compare.left));
}

// The links from `link` on, `lhs` being the already evaluated left operand.
ValueId FunctionLowerer::lower_compare_chain(const ast::Expr& expr, const ast::CompareExpr& compare,
                                             size_t link, ValueId lhs) {
  ValueId rhs = lower_expr(*compare.comparators[link]);
  ValueId result = apply_compare(compare.ops[link], lhs, rhs, expr.range);
  if (link + 1 == compare.ops.size()) return result;
  std::optional<bool> truth = constant_truth(result);
  if (truth) return *truth ? lower_compare_chain(expr, compare, link + 1, rhs) : result;
  return emit_cond_value(
      result, [&] { return lower_compare_chain(expr, compare, link + 1, rhs); },
      [&] { return result; }, expr.range);
}

// x in (a, b) when not everything is constant (constants were folded by
// apply_compare): (x == a) or (x == b) ..., each comparison only when the
// ones before it were false, the result a bool. Against a container whose
// items are not known here (a list, a dict, a str, an array): a contains node.
ValueId FunctionLowerer::lower_membership(SourceRange range, ast::CompareOp op, ValueId lhs,
                                          ValueId rhs) {
  const bool negated = op == ast::CompareOp::NotIn;
  std::optional<std::vector<ValueId>> elements = known_elements(rhs, range);
  if (!elements) {
    ValueId found = builder_.emit(OpCode::Contains, {rhs, lhs}, range);
    return negated ? builder_.emit(OpCode::Not, {found}, range) : found;
  }
  if (elements->empty()) return builder_.constant(Literal(negated), range);
  if (elements->size() > kMaxChainNesting) {
    return lower_long_membership(range, negated, lhs, *elements);
  }
  return lower_membership_chain(range, negated, lhs, *elements, 0);
}

ValueId FunctionLowerer::lower_membership_chain(SourceRange range, bool negated, ValueId lhs,
                                                const std::vector<ValueId>& elements,
                                                size_t first) {
  ValueId equal = apply_compare(ast::CompareOp::Eq, lhs, elements[first], range);
  if (first + 1 == elements.size()) {
    return builder_.emit(negated ? OpCode::Not : OpCode::Truth, {equal}, range);
  }
  std::optional<bool> truth = constant_truth(equal);
  auto found = [&] { return builder_.constant(Literal(!negated), range); };
  auto rest = [&] { return lower_membership_chain(range, negated, lhs, elements, first + 1); };
  if (truth) return *truth ? found() : rest();
  return emit_cond_value(equal, found, rest, range);
}

}  // namespace pygraft::transform
