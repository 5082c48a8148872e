#include "transform/ast_passes/rewrite_generator_draws.h"

#include <array>
#include <string>
#include <utility>

#include "transform/ast_passes/ast_make.h"
#include "transform/ast_passes/ast_walk.h"

namespace pygraft::transform {

namespace {

constexpr std::array<std::string_view, 6> kDrawMethods = {"random",  "standard_normal", "normal",
                                                          "uniform", "integers",        "choice"};

// Calls fn(slot, conditional) for each direct sub-expression of `e`;
// `conditional`: evaluated only on some paths (the right of and/or, a
// branch of x if c else y, a later link of a comparison chain).
template <class Fn>
void for_each_operand(ast::Expr& e, Fn&& fn) {
  if (auto* bool_op = std::get_if<ast::BoolOpExpr>(&e.kind)) {
    for (size_t i = 0; i < bool_op->values.size(); ++i) fn(bool_op->values[i], i > 0);
  } else if (auto* compare = std::get_if<ast::CompareExpr>(&e.kind)) {
    fn(compare->left, false);
    for (size_t i = 0; i < compare->comparators.size(); ++i) fn(compare->comparators[i], i > 0);
  } else if (auto* if_expr = std::get_if<ast::IfExpr>(&e.kind)) {
    fn(if_expr->test, false);
    fn(if_expr->body, true);
    fn(if_expr->orelse, true);
  } else {
    for_each_child_slot(e, [&](ast::ExprPtr& child) { fn(child, false); });
  }
}

class DrawRewriter {
 public:
  DrawRewriter(const ast::FunctionDef& function, DiagnosticSink& diags)
      : function_(function), names_(function), diags_(diags) {}

  void block(ast::Block& body) {
    ast::Block out;
    out.reserve(body.size());
    for (ast::StmtPtr& stmt : body) statement(std::move(stmt), out);
    body = std::move(out);
  }

 private:
  // Hoists the draws of `stmt` into `out`, then appends `stmt` (unless it
  // was a bare draw, now done).
  void statement(ast::StmtPtr stmt, ast::Block& out) {
    if (auto* e = std::get_if<ast::ExprStmt>(&stmt->kind)) {
      expression(e->value, out);
      if (is_fresh_name(*e->value)) return;
    } else if (auto* a = std::get_if<ast::Assign>(&stmt->kind)) {
      expression(a->value, out);
      for (ast::ExprPtr& target : a->targets) target_indices(*target, out);
    } else if (auto* ann = std::get_if<ast::AnnAssign>(&stmt->kind)) {
      if (ann->value) expression(ann->value, out);
    } else if (auto* aug = std::get_if<ast::AugAssign>(&stmt->kind)) {
      target_indices(*aug->target, out);
      expression(aug->value, out);
    } else if (auto* r = std::get_if<ast::Return>(&stmt->kind)) {
      if (r->value) expression(r->value, out);
    } else if (auto* raise = std::get_if<ast::Raise>(&stmt->kind)) {
      if (raise->exception) expression(raise->exception, out);
    } else if (auto* assert_stmt = std::get_if<ast::Assert>(&stmt->kind)) {
      expression(assert_stmt->test, out);
      if (assert_stmt->message) report_inside(*assert_stmt->message, "an assert message");
    } else if (auto* s = std::get_if<ast::If>(&stmt->kind)) {
      expression(s->test, out);
      block(s->body);
      block(s->orelse);
    } else if (auto* f = std::get_if<ast::For>(&stmt->kind)) {
      expression(f->iter, out);
      block(f->body);
      block(f->orelse);
    } else if (auto* w = std::get_if<ast::While>(&stmt->kind)) {
      report_inside(*w->test, "a while condition (evaluated again each iteration)");
      block(w->body);
      block(w->orelse);
    }
    out.push_back(std::move(stmt));
  }

  // x[rng.integers(3)] = v: the subscript's indices are evaluated too.
  void target_indices(ast::Expr& target, ast::Block& out) {
    if (auto* sub = std::get_if<ast::SubscriptExpr>(&target.kind)) {
      for (ast::ExprPtr& index : sub->indices) expression(index, out);
      target_indices(*sub->value, out);
    } else if (auto* tuple = std::get_if<ast::TupleExpr>(&target.kind)) {
      for (ast::ExprPtr& element : tuple->elements) target_indices(*element, out);
    }
  }

  // Hoists every draw of `slot` evaluated unconditionally, operands first.
  void expression(ast::ExprPtr& slot, ast::Block& out) {
    for_each_operand(*slot, [&](ast::ExprPtr& child, bool conditional) {
      if (conditional) {
        report_inside(*child,
                      "a part of an expression that is evaluated only on some paths (the right "
                      "of and/or, a branch of x if c else y, a later link of a comparison chain)");
      } else {
        expression(child, out);
      }
    });
    const ast::Expr* receiver = draw_receiver(*slot);
    if (receiver == nullptr) return;
    if (const auto* name = std::get_if<ast::Name>(&receiver->kind)) {
      if (is_local(name->id)) hoist(slot, name->id, out);
    } else if (std::holds_alternative<ast::CallExpr>(receiver->kind)) {
      discard_generator(slot);
    } else if (!is_module_path(*receiver)) {
      diags_.report(DiagCode::UnsupportedExpression, slot->range,
                    "a draw from a generator held in a list, tuple, dict or attribute is not "
                    "supported (the generator there would not advance); keep the generator in "
                    "a variable");
      mark_reported(*slot);
    }
  }

  // np.random.rand: attributes down to a name that is not a local (a
  // module), which the lowering reports.
  bool is_module_path(const ast::Expr& e) const {
    if (const auto* attr = std::get_if<ast::AttributeExpr>(&e.kind)) {
      return is_module_path(*attr->value);
    }
    const auto* name = std::get_if<ast::Name>(&e.kind);
    return name != nullptr && !is_local(name->id);
  }

  // A draw on a generator (not a module's function such as np.random.random).
  bool is_generator_draw_call(const ast::Expr& e) const {
    const ast::Expr* receiver = draw_receiver(e);
    return receiver != nullptr && !is_module_path(*receiver);
  }

  bool contains_draw(ast::Expr& e) const {
    if (is_generator_draw_call(e)) return true;
    bool found = false;
    for_each_child_slot(e, [&](ast::ExprPtr& child) { found = found || contains_draw(*child); });
    return found;
  }

  // The draws of a reported expression: the lowering leaves them without a
  // second message.
  void mark_reported(ast::Expr& e) const {
    if (is_generator_draw_call(e)) {
      auto& attr = std::get<ast::AttributeExpr>(std::get<ast::CallExpr>(e.kind).func->kind);
      attr.attr = std::string(kReportedDraw);
    }
    for_each_child_slot(e, [this](ast::ExprPtr& child) { mark_reported(*child); });
  }

  // R.m(args) -> fresh name; `R, draw$N = R.$m(args)` into `out`.
  void hoist(ast::ExprPtr& slot, const std::string& receiver, ast::Block& out) {
    const SourceRange range = slot->range;
    const std::string drawn = names_.next("draw");
    rename_method(*slot);
    ast::ExprPtr targets = make_node(
        ast::TupleExpr{vector_of(make_name(receiver, range), make_name(drawn, range))}, range);
    out.push_back(
        make_statement(ast::Assign{vector_of(std::move(targets)), std::move(slot)}, range));
    slot = make_name(drawn, range);
    fresh_.push_back(drawn);
  }

  // default_rng(0).random(3): a generator no name keeps; only the draws matter.
  void discard_generator(ast::ExprPtr& slot) {
    const SourceRange range = slot->range;
    rename_method(*slot);
    ast::ExprPtr one = make_node(ast::IntLiteral{1}, range);
    slot = make_node(ast::SubscriptExpr{std::move(slot), vector_of(std::move(one)), false}, range);
  }

  static void rename_method(ast::Expr& call) {
    auto& attr = std::get<ast::AttributeExpr>(std::get<ast::CallExpr>(call.kind).func->kind);
    attr.attr = "$" + attr.attr;
  }

  bool is_local(const std::string& name) const {
    if (function_.locals_as_written.count(name) != 0) return true;
    for (const ast::Param& param : function_.params) {
      if (param.name == name) return true;
    }
    return false;
  }

  bool is_fresh_name(const ast::Expr& e) const {
    const auto* name = std::get_if<ast::Name>(&e.kind);
    return name != nullptr && !fresh_.empty() && fresh_.back() == name->id;
  }

  void report_inside(ast::Expr& e, const char* where) {
    if (!contains_draw(e)) return;
    diags_.report(DiagCode::UnsupportedExpression, e.range,
                  std::string("a draw from a generator in ") + where +
                      " is not supported; draw into a variable on a line of its own first");
    mark_reported(e);
  }

  const ast::FunctionDef& function_;
  FreshNames names_;
  DiagnosticSink& diags_;
  std::vector<std::string> fresh_;
};

}  // namespace

bool is_generator_draw(std::string_view method) {
  for (std::string_view draw : kDrawMethods) {
    if (draw == method) return true;
  }
  return false;
}

const ast::Expr* draw_receiver(const ast::Expr& expr) {
  const auto* call = std::get_if<ast::CallExpr>(&expr.kind);
  if (call == nullptr) return nullptr;
  const auto* attr = std::get_if<ast::AttributeExpr>(&call->func->kind);
  if (attr == nullptr || !is_generator_draw(attr->attr)) return nullptr;
  return attr->value.get();
}

void rewrite_generator_draws(ast::FunctionDef& function, DiagnosticSink& diags) {
  DrawRewriter(function, diags).block(function.body);
}

}  // namespace pygraft::transform
