// Chains longer than kMaxChainNesting links (transform/nesting_limits.h): an
// if/elif chain, `a if c else b if d else ...`, `and` / `or`, a chained
// comparison and `x in (a, b, ...)`. Lowered link by link they would nest one
// region per link, so a 2 000-branch elif chain would nest 2 000 deep.
// Instead the links form groups of kMaxChainNesting, each lowered nested as a
// short chain is; the first group runs in the current region, and each later
// one in the else region of a cond on whether the groups before it decided
// (a branch ran, a value decided the and/or, a comparison failed, the element
// was found), whose then region passes the values on unchanged. The graph
// nests kMaxChainNesting + 1 levels at most, whatever the chain's length, and
// Python's order of evaluation is kept: a link is evaluated only when every
// link before it left the outcome open.
#include <algorithm>

#include "transform/function_lowerer.h"
#include "transform/nesting_limits.h"

namespace pygraft::transform {

namespace {

std::vector<const ast::Stmt*> if_chain_links(const ast::Stmt& stmt) {
  std::vector<const ast::Stmt*> links{&stmt};
  for (;;) {
    const auto& orelse = std::get<ast::If>(links.back()->kind).orelse;
    if (orelse.size() != 1 || !std::holds_alternative<ast::If>(orelse.front()->kind)) break;
    links.push_back(orelse.front().get());
  }
  return links;
}

std::vector<const ast::Expr*> conditional_links(const ast::Expr& expr) {
  std::vector<const ast::Expr*> links{&expr};
  for (;;) {
    const ast::Expr* orelse = std::get<ast::IfExpr>(links.back()->kind).orelse.get();
    if (!std::holds_alternative<ast::IfExpr>(orelse->kind)) break;
    links.push_back(orelse);
  }
  return links;
}

size_t group_end(size_t first, size_t count) {
  return std::min(first + kMaxChainNesting, count);
}

}  // namespace

// A cond on `decided`: when true, its results are `passed` (values of the
// enclosing region); when false, `rest()` runs in the else region.
std::vector<ValueId> FunctionLowerer::after_undecided(
    ValueId decided, const std::vector<ValueId>& passed,
    const std::function<std::vector<ValueId>()>& rest, SourceRange range) {
  const Environment before = env_;
  Region then_region = build_region({}, [&](const std::vector<ValueId>&) { return passed; });
  env_ = before;
  Region else_region = build_region({}, [&](const std::vector<ValueId>&) { return rest(); });
  env_ = before;
  return emit_cond(decided, std::move(then_region), std::move(else_region), NameList(passed.size()),
                   range);
}

// ---- if / elif ----

FunctionLowerer::Flow FunctionLowerer::lower_long_if_chain(const ast::Stmt& stmt) {
  const std::vector<const ast::Stmt*> links = if_chain_links(stmt);
  const NameSet live_outputs = cond_outputs(stmt, liveness_);
  const NameList outputs(live_outputs.begin(), live_outputs.end());
  ValueId taken = builder_.constant(Literal(false), stmt.range);
  for (size_t first = 0; first < links.size(); first = group_end(first, links.size())) {
    const size_t last = group_end(first, links.size());
    std::optional<bool> decided = constant_truth(taken);
    if (decided && *decided) return Flow::FallsThrough;  // an earlier branch always runs
    auto group = [&] { return lower_if_group(links, first, last, outputs); };
    std::vector<ValueId> values;
    if (decided) {
      values = group();
    } else {
      std::vector<ValueId> passed = current_values(outputs, stmt.range);
      passed.push_back(taken);
      values = after_undecided(taken, passed, group, links[first]->range);
    }
    bind_all(outputs, values);
    taken = values.back();
  }
  const ast::Block& final_else = std::get<ast::If>(links.back()->kind).orelse;
  std::optional<bool> decided = constant_truth(taken);
  if (decided) return *decided ? Flow::FallsThrough : lower_block(final_else);
  std::vector<ValueId> values = after_undecided(
      taken, current_values(outputs, stmt.range),
      [&] { return lower_branch(final_else, outputs, stmt.range); }, links.back()->range);
  bind_all(outputs, values);
  return Flow::FallsThrough;
}

// Links [first, last) nested in the current region; yields each output's
// value and whether one of the branches ran.
std::vector<ValueId> FunctionLowerer::lower_if_group(const std::vector<const ast::Stmt*>& links,
                                                     size_t first, size_t last,
                                                     const NameList& outputs) {
  // Note: past the group's last link, the range of that link.
  const ast::Stmt& stmt = *links[first == last ? first - 1 : first];
  auto ran = [&](const ast::Block& body, bool value) {
    std::vector<ValueId> values = lower_branch(body, outputs, stmt.range);
    values.push_back(builder_.constant(Literal(value), stmt.range));
    return values;
  };
  if (first == last) return ran({}, false);
  const ast::If& link = std::get<ast::If>(stmt.kind);
  ValueId test = lower_expr(*link.test);
  if (std::optional<bool> truth = constant_truth(test)) {
    return *truth ? ran(link.body, true) : lower_if_group(links, first + 1, last, outputs);
  }
  const Environment before = env_;
  Region then_region =
      build_region({}, [&](const std::vector<ValueId>&) { return ran(link.body, true); });
  env_ = before;
  Region else_region = build_region({}, [&](const std::vector<ValueId>&) {
    return lower_if_group(links, first + 1, last, outputs);
  });
  env_ = before;
  NameList names = outputs;
  names.emplace_back();
  std::vector<ValueId> results =
      emit_cond(test, std::move(then_region), std::move(else_region), names, stmt.range);
  bind_all(outputs, results);
  return results;
}

// ---- b if c else ... ----

ValueId FunctionLowerer::lower_long_conditional(const ast::Expr& expr) {
  const std::vector<const ast::Expr*> links = conditional_links(expr);
  ValueId value = builder_.constant(Literal(), expr.range);  // no branch chosen yet
  ValueId taken = builder_.constant(Literal(false), expr.range);
  for (size_t first = 0; first < links.size(); first = group_end(first, links.size())) {
    const size_t last = group_end(first, links.size());
    std::optional<bool> decided = constant_truth(taken);
    if (decided && *decided) return value;
    auto group = [&] { return lower_conditional_group(links, first, last); };
    std::vector<ValueId> values =
        decided ? group() : after_undecided(taken, {value, taken}, group, links[first]->range);
    value = values[0];
    taken = values[1];
  }
  const ast::Expr& final_orelse = *std::get<ast::IfExpr>(links.back()->kind).orelse;
  std::optional<bool> decided = constant_truth(taken);
  if (decided) return *decided ? value : lower_expr(final_orelse);
  return after_undecided(
             taken, {value}, [&] { return std::vector<ValueId>{lower_expr(final_orelse)}; },
             links.back()->range)
      .front();
}

// Links [first, last) nested; yields the chosen branch's value (None when no
// test held) and whether a test held.
std::vector<ValueId> FunctionLowerer::lower_conditional_group(
    const std::vector<const ast::Expr*>& links, size_t first, size_t last) {
  const ast::Expr& expr = *links[first == last ? first - 1 : first];
  auto constant = [&](Literal literal) {
    return builder_.constant(std::move(literal), expr.range);
  };
  if (first == last) return {constant(Literal()), constant(Literal(false))};
  const ast::IfExpr& link = std::get<ast::IfExpr>(expr.kind);
  ValueId test = lower_expr(*link.test);
  auto chosen = [&] {
    return std::vector<ValueId>{lower_expr(*link.body), constant(Literal(true))};
  };
  if (std::optional<bool> truth = constant_truth(test)) {
    return *truth ? chosen() : lower_conditional_group(links, first + 1, last);
  }
  Region then_region = build_region({}, [&](const std::vector<ValueId>&) { return chosen(); });
  Region else_region = build_region({}, [&](const std::vector<ValueId>&) {
    return lower_conditional_group(links, first + 1, last);
  });
  return emit_cond(test, std::move(then_region), std::move(else_region), {"", ""}, expr.range);
}

// ---- and / or ----

// Each group after the first runs only while the value so far leaves the
// outcome open (true for `and`, false for `or`); else that value is the result.
ValueId FunctionLowerer::lower_long_bool_chain(const ast::Expr& expr,
                                               const ast::BoolOpExpr& boolop) {
  const bool is_or = boolop.op == ast::BoolOp::Or;
  const size_t count = boolop.values.size();
  ValueId value = lower_bool_chain(expr, boolop, 0, kMaxChainNesting);
  for (size_t first = kMaxChainNesting; first < count; first = group_end(first, count)) {
    const size_t last = group_end(first, count);
    auto rest = [&] { return lower_bool_chain(expr, boolop, first, last); };
    std::optional<bool> truth = constant_truth(value);
    if (truth) {
      if (*truth == is_or) return value;
      value = rest();
      continue;
    }
    auto self = [&] { return value; };
    value = is_or ? emit_cond_value(value, self, rest, expr.range)
                  : emit_cond_value(value, rest, self, expr.range);
  }
  return value;
}

// ---- a < b < c < ... ----

ValueId FunctionLowerer::lower_long_compare(const ast::Expr& expr,
                                            const ast::CompareExpr& compare) {
  const size_t count = compare.ops.size();
  std::vector<ValueId> state =
      lower_compare_group(expr, compare, 0, kMaxChainNesting, lower_expr(*compare.left));
  for (size_t first = kMaxChainNesting; first < count; first = group_end(first, count)) {
    const size_t last = group_end(first, count);
    const ValueId result = state[0];
    const ValueId rhs = state[1];
    auto group = [&] { return lower_compare_group(expr, compare, first, last, rhs); };
    std::optional<bool> truth = constant_truth(result);
    if (truth && !*truth) return result;
    if (truth) {
      state = group();
      continue;
    }
    // Note: a false comparison decides; the cond's then region is the
    // undecided case here, so the group runs in it.
    const Environment before = env_;
    Region then_region = build_region({}, [&](const std::vector<ValueId>&) { return group(); });
    env_ = before;
    Region else_region = build_region({}, [&](const std::vector<ValueId>&) {
      return std::vector<ValueId>{result, rhs};
    });
    env_ = before;
    state = emit_cond(result, std::move(then_region), std::move(else_region), {"", ""}, expr.range);
  }
  return state[0];
}

// Links [first, last) with `lhs` their left operand; yields the chain's value
// so far and the last right operand (the next group's left operand; any
// value when a comparison failed).
std::vector<ValueId> FunctionLowerer::lower_compare_group(const ast::Expr& expr,
                                                          const ast::CompareExpr& compare,
                                                          size_t first, size_t last, ValueId lhs) {
  ValueId rhs = lower_expr(*compare.comparators[first]);
  ValueId result = apply_compare(compare.ops[first], lhs, rhs, expr.range);
  if (first + 1 == last) return {result, rhs};
  std::optional<bool> truth = constant_truth(result);
  if (truth) {
    return *truth ? lower_compare_group(expr, compare, first + 1, last, rhs)
                  : std::vector<ValueId>{result, rhs};
  }
  Region then_region = build_region({}, [&](const std::vector<ValueId>&) {
    return lower_compare_group(expr, compare, first + 1, last, rhs);
  });
  Region else_region = build_region({}, [&](const std::vector<ValueId>&) {
    return std::vector<ValueId>{result, rhs};
  });
  return emit_cond(result, std::move(then_region), std::move(else_region), {"", ""}, expr.range);
}

// ---- x in (a, b, ...) ----

ValueId FunctionLowerer::lower_long_membership(SourceRange range, bool negated, ValueId lhs,
                                               const std::vector<ValueId>& elements) {
  ValueId found = lower_membership_group(range, lhs, elements, 0, kMaxChainNesting);
  for (size_t first = kMaxChainNesting; first < elements.size();
       first = group_end(first, elements.size())) {
    const size_t last = group_end(first, elements.size());
    auto group = [&] { return lower_membership_group(range, lhs, elements, first, last); };
    std::optional<bool> truth = constant_truth(found);
    if (truth && *truth) break;
    found = truth ? group()
                  : emit_cond_value(
                        found, [&] { return found; }, group, range);
  }
  return negated ? builder_.emit(OpCode::Not, {found}, range) : found;
}

// Whether lhs equals one of elements[first, last), as a bool; each
// comparison only when the ones before it were false.
ValueId FunctionLowerer::lower_membership_group(SourceRange range, ValueId lhs,
                                                const std::vector<ValueId>& elements, size_t first,
                                                size_t last) {
  ValueId equal = apply_compare(ast::CompareOp::Eq, lhs, elements[first], range);
  if (first + 1 == last) return builder_.emit(OpCode::Truth, {equal}, range);
  auto found = [&] { return builder_.constant(Literal(true), range); };
  auto rest = [&] { return lower_membership_group(range, lhs, elements, first + 1, last); };
  std::optional<bool> truth = constant_truth(equal);
  if (truth) return *truth ? found() : rest();
  return emit_cond_value(equal, found, rest, range);
}

}  // namespace pygraft::transform
