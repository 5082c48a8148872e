#include "transform/ast_passes/ast_walk.h"

#include <type_traits>

namespace pygraft::transform {

namespace {

void each(std::vector<ast::ExprPtr>& list, const ExprSlotFn& fn) {
  for (ast::ExprPtr& e : list)
    if (e) fn(e);
}

void optional(ast::ExprPtr& e, const ExprSlotFn& fn) {
  if (e) fn(e);
}

void clauses(std::vector<ast::ComprehensionFor>& generators, const ExprSlotFn& fn) {
  for (ast::ComprehensionFor& g : generators) {
    optional(g.target, fn);
    optional(g.iter, fn);
    each(g.ifs, fn);
  }
}

void post_order(ast::ExprPtr& slot, const ExprSlotFn& fn) {
  for_each_child_slot(*slot, [&](ast::ExprPtr& child) { post_order(child, fn); });
  fn(slot);
}

}  // namespace

void for_each_child_slot(ast::Expr& expr, const ExprSlotFn& fn) {
  std::visit(
      [&](auto& k) {
        using T = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<T, ast::TupleExpr> || std::is_same_v<T, ast::ListExpr>) {
          each(k.elements, fn);
        } else if constexpr (std::is_same_v<T, ast::BinaryExpr>) {
          optional(k.lhs, fn);
          optional(k.rhs, fn);
        } else if constexpr (std::is_same_v<T, ast::UnaryExpr>) {
          optional(k.operand, fn);
        } else if constexpr (std::is_same_v<T, ast::BoolOpExpr>) {
          each(k.values, fn);
        } else if constexpr (std::is_same_v<T, ast::CompareExpr>) {
          optional(k.left, fn);
          each(k.comparators, fn);
        } else if constexpr (std::is_same_v<T, ast::IfExpr>) {
          optional(k.test, fn);
          optional(k.body, fn);
          optional(k.orelse, fn);
        } else if constexpr (std::is_same_v<T, ast::CallExpr>) {
          optional(k.func, fn);
          each(k.args, fn);
          for (ast::Keyword& kw : k.keywords) optional(kw.value, fn);
        } else if constexpr (std::is_same_v<T, ast::AttributeExpr>) {
          optional(k.value, fn);
        } else if constexpr (std::is_same_v<T, ast::SubscriptExpr>) {
          optional(k.value, fn);
          each(k.indices, fn);
        } else if constexpr (std::is_same_v<T, ast::SliceExpr>) {
          optional(k.lower, fn);
          optional(k.upper, fn);
          optional(k.step, fn);
        } else if constexpr (std::is_same_v<T, ast::ListComp>) {
          optional(k.element, fn);
          clauses(k.generators, fn);
        } else if constexpr (std::is_same_v<T, ast::DictComp>) {
          optional(k.key, fn);
          optional(k.value, fn);
          clauses(k.generators, fn);
        } else if constexpr (std::is_same_v<T, ast::DictExpr>) {
          each(k.keys, fn);
          each(k.values, fn);
        } else if constexpr (std::is_same_v<T, ast::Lambda>) {
          optional(k.body, fn);
        }
      },
      expr.kind);
}

void walk_expressions(ast::Block& block, const ExprSlotFn& fn) {
  auto walk = [&](ast::ExprPtr& e) {
    if (e) post_order(e, fn);
  };
  for (ast::StmtPtr& stmt : block) {
    std::visit(
        [&](auto& s) {
          using T = std::decay_t<decltype(s)>;
          if constexpr (std::is_same_v<T, ast::ExprStmt> || std::is_same_v<T, ast::AugAssign> ||
                        std::is_same_v<T, ast::Return> || std::is_same_v<T, ast::Assign> ||
                        std::is_same_v<T, ast::AnnAssign>) {
            walk(s.value);
          } else if constexpr (std::is_same_v<T, ast::Raise>) {
            walk(s.exception);
          } else if constexpr (std::is_same_v<T, ast::Assert>) {
            walk(s.test);
            walk(s.message);
          } else if constexpr (std::is_same_v<T, ast::If> || std::is_same_v<T, ast::While>) {
            walk(s.test);
            walk_expressions(s.body, fn);
            walk_expressions(s.orelse, fn);
          } else if constexpr (std::is_same_v<T, ast::For>) {
            walk(s.iter);
            walk_expressions(s.body, fn);
            walk_expressions(s.orelse, fn);
          }
        },
        stmt->kind);
  }
}

}  // namespace pygraft::transform
