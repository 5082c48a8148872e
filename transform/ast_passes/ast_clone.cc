#include "transform/ast_passes/ast_clone.h"

#include <type_traits>
#include <utility>

namespace pygraft::transform {

namespace {

using Replace = std::function<const ast::Expr*(const std::string&)>;

class Cloner {
 public:
  explicit Cloner(const Replace* replace) : replace_(replace) {}

  ast::ExprPtr expr(const ast::Expr& e) {
    if (replace_ != nullptr) {
      if (const auto* name = std::get_if<ast::Name>(&e.kind)) {
        if (const ast::Expr* with = (*replace_)(name->id)) return Cloner(nullptr).expr(*with);
      }
    }
    return std::make_unique<ast::Expr>(ast::Expr{
        std::visit([this](const auto& k) { return ast::Expr::Kind(copy(k)); }, e.kind), e.range});
  }

 private:
  ast::ExprPtr optional(const ast::ExprPtr& e) { return e ? expr(*e) : nullptr; }
  std::vector<ast::ExprPtr> all(const std::vector<ast::ExprPtr>& list) {
    std::vector<ast::ExprPtr> out;
    out.reserve(list.size());
    for (const ast::ExprPtr& e : list) out.push_back(optional(e));
    return out;
  }
  std::vector<ast::ComprehensionFor> clauses(const std::vector<ast::ComprehensionFor>& list) {
    std::vector<ast::ComprehensionFor> out;
    for (const ast::ComprehensionFor& c : list) {
      out.push_back({optional(c.target), optional(c.iter), all(c.ifs)});
    }
    return out;
  }

  template <class T>
  requires std::is_copy_constructible_v<T> T copy(const T& k) {
    return k;  // leaves: names, literals
  }
  ast::TupleExpr copy(const ast::TupleExpr& k) { return {all(k.elements)}; }
  ast::ListExpr copy(const ast::ListExpr& k) { return {all(k.elements)}; }
  ast::BinaryExpr copy(const ast::BinaryExpr& k) { return {k.op, expr(*k.lhs), expr(*k.rhs)}; }
  ast::UnaryExpr copy(const ast::UnaryExpr& k) { return {k.op, expr(*k.operand)}; }
  ast::BoolOpExpr copy(const ast::BoolOpExpr& k) { return {k.op, all(k.values)}; }
  ast::CompareExpr copy(const ast::CompareExpr& k) {
    return {expr(*k.left), k.ops, all(k.comparators)};
  }
  ast::IfExpr copy(const ast::IfExpr& k) { return {expr(*k.test), expr(*k.body), expr(*k.orelse)}; }
  ast::CallExpr copy(const ast::CallExpr& k) {
    ast::CallExpr out{expr(*k.func), all(k.args), {}, k.starred_arg};
    for (const ast::Keyword& kw : k.keywords) {
      out.keywords.push_back({kw.name, optional(kw.value), kw.range});
    }
    return out;
  }
  ast::AttributeExpr copy(const ast::AttributeExpr& k) {
    return {expr(*k.value), k.attr, k.attr_range};
  }
  ast::SubscriptExpr copy(const ast::SubscriptExpr& k) {
    return {expr(*k.value), all(k.indices), k.is_tuple_index};
  }
  ast::SliceExpr copy(const ast::SliceExpr& k) {
    return {optional(k.lower), optional(k.upper), optional(k.step)};
  }
  ast::ListComp copy(const ast::ListComp& k) {
    return {expr(*k.element), clauses(k.generators), k.generator};
  }
  ast::DictComp copy(const ast::DictComp& k) {
    return {expr(*k.key), expr(*k.value), clauses(k.generators)};
  }
  ast::DictExpr copy(const ast::DictExpr& k) { return {all(k.keys), all(k.values)}; }
  ast::Lambda copy(const ast::Lambda& k) { return {k.params, expr(*k.body)}; }

  const Replace* replace_;
};

}  // namespace

ast::ExprPtr clone_expr(const ast::Expr& expr) {
  return Cloner(nullptr).expr(expr);
}

ast::ExprPtr substitute_names(const ast::Expr& expr, const Replace& replace) {
  return Cloner(&replace).expr(expr);
}

}  // namespace pygraft::transform
