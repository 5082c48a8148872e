#include "transform/ast_passes/ast_make.h"

namespace pygraft::transform {

namespace {

ast::ExprPtr make_expr(ast::Expr::Kind kind, const SourceRange& range) {
  return std::make_unique<ast::Expr>(ast::Expr{std::move(kind), range});
}

ast::StmtPtr make_stmt(ast::Stmt::Kind kind, const SourceRange& range) {
  return std::make_unique<ast::Stmt>(ast::Stmt{std::move(kind), range});
}

void append_and_operand(ast::ExprPtr operand, std::vector<ast::ExprPtr>& values) {
  if (auto* inner = std::get_if<ast::BoolOpExpr>(&operand->kind)) {
    if (inner->op == ast::BoolOp::And) {
      for (ast::ExprPtr& value : inner->values) values.push_back(std::move(value));
      return;
    }
  }
  values.push_back(std::move(operand));
}

}  // namespace

ast::ExprPtr make_node(ast::Expr::Kind kind, const SourceRange& range) {
  return make_expr(std::move(kind), range);
}

ast::StmtPtr make_statement(ast::Stmt::Kind kind, const SourceRange& range) {
  return make_stmt(std::move(kind), range);
}

ast::ExprPtr make_name(std::string id, const SourceRange& range) {
  return make_expr(ast::Name{std::move(id)}, range);
}

ast::ExprPtr make_bool(bool value, const SourceRange& range) {
  return make_expr(ast::BoolLiteral{value}, range);
}

ast::ExprPtr make_none(const SourceRange& range) {
  return make_expr(ast::NoneLiteral{}, range);
}

ast::ExprPtr make_not(ast::ExprPtr operand, const SourceRange& range) {
  return make_expr(ast::UnaryExpr{ast::UnaryOp::Not, std::move(operand)}, range);
}

ast::ExprPtr make_and(ast::ExprPtr lhs, ast::ExprPtr rhs, const SourceRange& range) {
  ast::BoolOpExpr result{ast::BoolOp::And, {}};
  append_and_operand(std::move(lhs), result.values);
  append_and_operand(std::move(rhs), result.values);
  return make_expr(std::move(result), range);
}

ast::StmtPtr make_assign(std::string name, ast::ExprPtr value, const SourceRange& range) {
  ast::Assign assign;
  assign.targets.push_back(make_name(std::move(name), range));
  assign.value = std::move(value);
  return make_stmt(std::move(assign), range);
}

ast::StmtPtr make_if(ast::ExprPtr test, ast::Block body, const SourceRange& range) {
  return make_stmt(ast::If{std::move(test), std::move(body), {}}, range);
}

ast::StmtPtr make_return(ast::ExprPtr value, const SourceRange& range) {
  return make_stmt(ast::Return{std::move(value)}, range);
}

ast::StmtPtr make_guard(const std::string& flag, ast::Block block) {
  SourceRange range = block.front()->range;
  range.end_line = block.back()->range.end_line;
  range.end_column = block.back()->range.end_column;
  ast::ExprPtr test = make_not(make_name(flag, range), range);
  return make_if(std::move(test), std::move(block), range);
}

bool is_synthesized_name(std::string_view name) {
  return name.find('$') != std::string_view::npos;
}

bool is_flag_assign(const ast::Stmt& stmt, std::string_view flag, bool value) {
  const auto* assign = std::get_if<ast::Assign>(&stmt.kind);
  if (assign == nullptr || assign->targets.size() != 1) return false;
  const auto* name = std::get_if<ast::Name>(&assign->targets.front()->kind);
  const auto* literal = std::get_if<ast::BoolLiteral>(&assign->value->kind);
  return name != nullptr && literal != nullptr && name->id == flag && literal->value == value;
}

// Note: only synthesized names can clash with a candidate; the user's many
// names are not kept.
FreshNames::FreshNames(const ast::FunctionDef& function) {
  for_each_modified_name(function.body, [this](const std::string& name) {
    if (is_synthesized_name(name)) used_.insert(name);
  });
}

std::string FreshNames::next(std::string_view prefix) {
  for (int n = 1;; ++n) {
    std::string candidate = std::string(prefix) + "$" + std::to_string(n);
    if (used_.insert(candidate).second) return candidate;
  }
}

}  // namespace pygraft::transform
