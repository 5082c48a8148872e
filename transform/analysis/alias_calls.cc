#include "transform/analysis/alias_calls.h"

#include <type_traits>

namespace pygraft::transform {

namespace {

using ExprFn = std::function<void(const ast::Expr&)>;

void each(const ast::ExprPtr& expr, const ExprFn& on_expr) {
  if (expr) on_expr(*expr);
}

void whole_exprs(const ast::Stmt& stmt, const ExprFn& on_expr) {
  std::visit(
      [&](const auto& s) {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, ast::ExprStmt>) {
          each(s.value, on_expr);
        } else if constexpr (std::is_same_v<T, ast::Assign>) {
          each(s.value, on_expr);
          for (const ast::ExprPtr& target : s.targets) each(target, on_expr);
        } else if constexpr (std::is_same_v<T, ast::AnnAssign>) {
          each(s.value, on_expr);
          each(s.target, on_expr);
        } else if constexpr (std::is_same_v<T, ast::AugAssign>) {
          each(s.target, on_expr);
          each(s.value, on_expr);
        } else if constexpr (std::is_same_v<T, ast::Return>) {
          each(s.value, on_expr);
        } else if constexpr (std::is_same_v<T, ast::Raise>) {
          each(s.exception, on_expr);
        } else if constexpr (std::is_same_v<T, ast::Assert>) {
          each(s.test, on_expr);
          each(s.message, on_expr);
        }
      },
      stmt.kind);
}

// The functions of the file that `function` calls.
std::vector<const ast::FunctionDef*> callees_of(const ast::FunctionDef& function,
                                                const FunctionTable& functions) {
  std::vector<const ast::FunctionDef*> out;
  auto on_call = [&](const ast::CallExpr& call) {
    const auto* name = std::get_if<ast::Name>(&call.func->kind);
    if (name == nullptr) return;
    auto it = functions.find(name->id);
    if (it != functions.end()) out.push_back(it->second);
  };
  std::vector<const ast::Block*> blocks{&function.body};
  while (!blocks.empty()) {
    const ast::Block* block = blocks.back();
    blocks.pop_back();
    for (const ast::StmtPtr& stmt : *block) {
      for (StmtPart part : {StmtPart::Whole, StmtPart::Test, StmtPart::ForIter}) {
        for_each_part_expr(*stmt, part, [&](const ast::Expr& e) { for_each_call(e, on_call); });
      }
      if (const auto* s = std::get_if<ast::If>(&stmt->kind)) {
        blocks.insert(blocks.end(), {&s->body, &s->orelse});
      } else if (const auto* w = std::get_if<ast::While>(&stmt->kind)) {
        blocks.insert(blocks.end(), {&w->body, &w->orelse});
      } else if (const auto* f = std::get_if<ast::For>(&stmt->kind)) {
        blocks.insert(blocks.end(), {&f->body, &f->orelse});
      }
    }
  }
  return out;
}

}  // namespace

void for_each_call(const ast::Expr& expr,
                   const std::function<void(const ast::CallExpr&)>& on_call) {
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, ast::CallExpr>) {
          on_call(e);
          for_each_call(*e.func, on_call);
          for (const ast::ExprPtr& arg : e.args) for_each_call(*arg, on_call);
          for (const ast::Keyword& k : e.keywords) for_each_call(*k.value, on_call);
        } else if constexpr (std::is_same_v<T, ast::BinaryExpr>) {
          for_each_call(*e.lhs, on_call);
          for_each_call(*e.rhs, on_call);
        } else if constexpr (std::is_same_v<T, ast::UnaryExpr>) {
          for_each_call(*e.operand, on_call);
        } else if constexpr (std::is_same_v<T, ast::TupleExpr> ||
                             std::is_same_v<T, ast::ListExpr>) {
          for (const ast::ExprPtr& x : e.elements) for_each_call(*x, on_call);
        } else if constexpr (std::is_same_v<T, ast::BoolOpExpr>) {
          for (const ast::ExprPtr& x : e.values) for_each_call(*x, on_call);
        } else if constexpr (std::is_same_v<T, ast::CompareExpr>) {
          for_each_call(*e.left, on_call);
          for (const ast::ExprPtr& x : e.comparators) for_each_call(*x, on_call);
        } else if constexpr (std::is_same_v<T, ast::IfExpr>) {
          for (const ast::Expr* x : {e.test.get(), e.body.get(), e.orelse.get()})
            for_each_call(*x, on_call);
        } else if constexpr (std::is_same_v<T, ast::AttributeExpr>) {
          for_each_call(*e.value, on_call);
        } else if constexpr (std::is_same_v<T, ast::SubscriptExpr>) {
          for_each_call(*e.value, on_call);
          for (const ast::ExprPtr& x : e.indices) for_each_call(*x, on_call);
        } else if constexpr (std::is_same_v<T, ast::SliceExpr>) {
          for (const ast::Expr* x : {e.lower.get(), e.upper.get(), e.step.get()})
            if (x != nullptr) for_each_call(*x, on_call);
        }
      },
      expr.kind);
}

void for_each_part_expr(const ast::Stmt& stmt, StmtPart part, const ExprFn& on_expr) {
  switch (part) {
    case StmtPart::Whole:
      return whole_exprs(stmt, on_expr);
    case StmtPart::Test:
      if (const auto* s = std::get_if<ast::If>(&stmt.kind)) on_expr(*s->test);
      if (const auto* w = std::get_if<ast::While>(&stmt.kind)) on_expr(*w->test);
      return;
    case StmtPart::ForIter:
      if (const auto* f = std::get_if<ast::For>(&stmt.kind)) on_expr(*f->iter);
      return;
    case StmtPart::ForNext:
      if (const auto* f = std::get_if<ast::For>(&stmt.kind)) {
        each(f->extra_test, on_expr);
        on_expr(*f->target);
      }
      return;
  }
}

CallOrder call_order(const ast::Module& module, const FunctionTable& functions) {
  std::map<const ast::FunctionDef*, size_t> index;
  for (size_t i = 0; i < module.functions.size(); ++i) index[&module.functions[i]] = i;
  std::vector<std::vector<size_t>> callees(module.functions.size());
  CallOrder result;
  result.called.assign(module.functions.size(), false);
  for (size_t i = 0; i < module.functions.size(); ++i) {
    for (const ast::FunctionDef* callee : callees_of(module.functions[i], functions)) {
      size_t c = index.at(callee);
      callees[i].push_back(c);
      if (c != i) result.called[c] = true;
    }
  }
  // Iterative depth-first search; a function is emitted after its callees.
  std::vector<size_t> order;
  std::vector<bool> seen(module.functions.size(), false);
  for (size_t root = 0; root < module.functions.size(); ++root) {
    if (seen[root]) continue;
    seen[root] = true;
    std::vector<std::pair<size_t, size_t>> stack{{root, 0}};
    while (!stack.empty()) {
      auto& [function, next] = stack.back();
      if (next < callees[function].size()) {
        size_t callee = callees[function][next++];
        if (!seen[callee]) {
          seen[callee] = true;
          stack.push_back({callee, 0});
        }
        continue;
      }
      order.push_back(function);
      stack.pop_back();
    }
  }
  result.callees_first = std::move(order);
  return result;
}

}  // namespace pygraft::transform
