#include "transform/ast_passes/rewrite_inplace_methods.h"

#include <array>
#include <string>
#include <utility>

#include "transform/ast_passes/ast_clone.h"
#include "transform/ast_passes/ast_make.h"

namespace pygraft::transform {

namespace {

constexpr std::array<std::string_view, 9> kInPlaceMethods = {
    "append", "extend", "insert", "reverse", "sort", "fill", "setdefault", "update", "pop"};

// The receiver when `call` is `R.m(...)` with m an in-place method and R a
// name or a subscript of one (what can be rebound); null otherwise.
const ast::AttributeExpr* inplace_call(const ast::Expr& expr, std::string_view only = {}) {
  const auto* call = std::get_if<ast::CallExpr>(&expr.kind);
  if (call == nullptr) return nullptr;
  const auto* attr = std::get_if<ast::AttributeExpr>(&call->func->kind);
  if (attr == nullptr || !is_inplace_method(attr->attr)) return nullptr;
  if (!only.empty() && attr->attr != only) return nullptr;
  const ast::Expr* base = attr->value.get();
  while (const auto* sub = std::get_if<ast::SubscriptExpr>(&base->kind)) base = sub->value.get();
  return std::holds_alternative<ast::Name>(base->kind) ? attr : nullptr;
}

// The `out=` argument of a call written as a statement, removed from the
// call, when it is a name or a subscript of one; null otherwise.
ast::ExprPtr take_out_argument(ast::Expr& expr) {
  auto* call = std::get_if<ast::CallExpr>(&expr.kind);
  if (call == nullptr) return nullptr;
  for (auto it = call->keywords.begin(); it != call->keywords.end(); ++it) {
    if (it->name != "out" || !it->value) continue;
    const ast::Expr* base = it->value.get();
    while (const auto* sub = std::get_if<ast::SubscriptExpr>(&base->kind)) base = sub->value.get();
    if (!std::holds_alternative<ast::Name>(base->kind)) return nullptr;
    ast::ExprPtr target = std::move(it->value);
    call->keywords.erase(it);
    return target;
  }
  return nullptr;
}

// R.m(args) -> R.$m(args), moving the arguments out of `call`.
ast::ExprPtr own_method_call(ast::Expr& call_expr) {
  auto& call = std::get<ast::CallExpr>(call_expr.kind);
  auto& attr = std::get<ast::AttributeExpr>(call.func->kind);
  attr.attr = "$" + attr.attr;
  return make_node(std::move(call), call_expr.range);
}

ast::StmtPtr rebind(ast::ExprPtr target, ast::ExprPtr value, const SourceRange& range) {
  return make_statement(ast::Assign{vector_of(std::move(target)), std::move(value)}, range);
}

class Rewriter {
 public:
  explicit Rewriter(FreshNames& names) : names_(names) {}

  void block(ast::Block& body) {
    ast::Block out;
    out.reserve(body.size());
    for (ast::StmtPtr& stmt : body) {
      nested(*stmt);
      statement(std::move(stmt), out);
    }
    body = std::move(out);
  }

 private:
  void nested(ast::Stmt& stmt) {
    if (auto* s = std::get_if<ast::If>(&stmt.kind)) {
      block(s->body);
      block(s->orelse);
    } else if (auto* w = std::get_if<ast::While>(&stmt.kind)) {
      block(w->body);
      block(w->orelse);
    } else if (auto* f = std::get_if<ast::For>(&stmt.kind)) {
      block(f->body);
      block(f->orelse);
    }
  }

  void statement(ast::StmtPtr stmt, ast::Block& out) {
    const SourceRange range = stmt->range;
    if (auto* e = std::get_if<ast::ExprStmt>(&stmt->kind)) {
      if (ast::ExprPtr target = take_out_argument(*e->value)) {
        // np.f(a, out=x)  ->  x[...] = np.f(a): cast into x's dtype and shape
        ast::ExprPtr all = make_node(ast::EllipsisLiteral{}, range);
        ast::ExprPtr element = make_node(
            ast::SubscriptExpr{std::move(target), vector_of(std::move(all)), false}, range);
        out.push_back(rebind(std::move(element), std::move(e->value), range));
        return;
      }
      if (const ast::AttributeExpr* attr = inplace_call(*e->value)) {
        ast::ExprPtr receiver = clone_expr(*attr->value);
        if (attr->attr == "pop") {
          ast::ExprPtr targets = make_node(
              ast::TupleExpr{vector_of(std::move(receiver), make_name(names_.next("pop"), range))},
              range);
          out.push_back(rebind(std::move(targets), own_method_call(*e->value), range));
          return;
        }
        out.push_back(rebind(std::move(receiver), own_method_call(*e->value), range));
        return;
      }
    }
    if (auto* r = std::get_if<ast::Return>(&stmt->kind); r != nullptr && r->value) {
      if (const ast::AttributeExpr* attr = inplace_call(*r->value, "pop")) {
        // return xs.pop() -> xs, pop$N = xs.$pop(); return pop$N
        const std::string popped = names_.next("pop");
        ast::ExprPtr targets = make_node(
            ast::TupleExpr{vector_of(clone_expr(*attr->value), make_name(popped, range))}, range);
        out.push_back(rebind(std::move(targets), own_method_call(*r->value), range));
        r->value = make_name(popped, range);
        out.push_back(std::move(stmt));
        return;
      }
    }
    if (auto* a = std::get_if<ast::Assign>(&stmt->kind)) {
      if (a->targets.size() == 1 && std::holds_alternative<ast::Name>(a->targets[0]->kind)) {
        if (const ast::AttributeExpr* attr = inplace_call(*a->value, "pop")) {
          ast::ExprPtr targets = make_node(
              ast::TupleExpr{vector_of(clone_expr(*attr->value), std::move(a->targets[0]))}, range);
          out.push_back(rebind(std::move(targets), own_method_call(*a->value), range));
          return;
        }
        if (const ast::AttributeExpr* attr = inplace_call(*a->value, "setdefault")) {
          if (setdefault_then_read(*a, *attr, range, out)) return;
        }
      }
    }
    out.push_back(std::move(stmt));
  }

  // v = d.setdefault(k, w) -> d = d.$setdefault(k, w); v = d[k], when k is
  // a name or a constant (read twice, it must give the same key).
  bool setdefault_then_read(ast::Assign& assign, const ast::AttributeExpr& attr,
                            const SourceRange& range, ast::Block& out) {
    const auto& call = std::get<ast::CallExpr>(assign.value->kind);
    if (call.args.empty() || !call.keywords.empty()) return false;
    const ast::Expr& key = *call.args[0];
    const bool stable_key = std::holds_alternative<ast::Name>(key.kind) ||
                            std::holds_alternative<ast::StringLiteral>(key.kind) ||
                            std::holds_alternative<ast::IntLiteral>(key.kind);
    if (!stable_key) return false;
    ast::SubscriptExpr read{clone_expr(*attr.value), vector_of(clone_expr(key)), false};
    ast::ExprPtr receiver = clone_expr(*attr.value);
    out.push_back(rebind(std::move(receiver), own_method_call(*assign.value), range));
    out.push_back(rebind(std::move(assign.targets[0]), make_node(std::move(read), range), range));
    return true;
  }

  FreshNames& names_;
};

}  // namespace

bool is_inplace_method(std::string_view name) {
  for (std::string_view method : kInPlaceMethods) {
    if (method == name) return true;
  }
  return false;
}

void rewrite_inplace_methods(ast::FunctionDef& function) {
  FreshNames names(function);
  Rewriter(names).block(function.body);
}

}  // namespace pygraft::transform
