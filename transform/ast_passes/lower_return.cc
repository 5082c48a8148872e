#include "transform/ast_passes/lower_return.h"

#include "transform/ast_passes/ast_make.h"
#include "transform/ast_passes/exit_rewrite.h"

namespace pygraft::transform {

namespace {

size_t count_returns(const ast::Block& block);

size_t count_returns(const ast::Stmt& stmt) {
  if (std::holds_alternative<ast::Return>(stmt.kind)) return 1;
  if (const auto* s = std::get_if<ast::If>(&stmt.kind)) {
    return count_returns(s->body) + count_returns(s->orelse);
  }
  if (const auto* w = std::get_if<ast::While>(&stmt.kind)) {
    return count_returns(w->body) + count_returns(w->orelse);
  }
  if (const auto* f = std::get_if<ast::For>(&stmt.kind)) {
    return count_returns(f->body) + count_returns(f->orelse);
  }
  return 0;
}

size_t count_returns(const ast::Block& block) {
  size_t count = 0;
  for (const ast::StmtPtr& stmt : block) count += count_returns(*stmt);
  return count;
}

// A return somewhere other than as the last statement of the body.
bool has_early_return(const ast::Block& body) {
  size_t count = count_returns(body);
  if (count == 0) return false;
  bool ends_with_return = std::holds_alternative<ast::Return>(body.back()->kind);
  return count > 1 || !ends_with_return;
}

void replace_return(ast::Stmt& exit, ast::Block& out) {
  auto& ret = std::get<ast::Return>(exit.kind);
  ast::ExprPtr value = ret.value ? std::move(ret.value) : make_none(exit.range);
  out.push_back(make_assign(kReturnFlag, make_bool(true, exit.range), exit.range));
  out.push_back(make_assign(kReturnValue, std::move(value), exit.range));
}

}  // namespace

void lower_return(ast::FunctionDef& function) {
  ast::Block& body = function.body;
  if (!has_early_return(body)) return;
  SourceRange first = body.front()->range;
  SourceRange last = body.back()->range;
  ExitRewrite rewrite{ExitKind::Return, kReturnFlag, replace_return};
  rewrite_exits(body, rewrite);
  ast::Block lowered;
  if (rewrite.flag_read) {
    lowered.push_back(make_assign(kReturnFlag, make_bool(false, first), first));
  } else {
    remove_flag_assigns(body, kReturnFlag);
  }
  lowered.push_back(make_assign(kReturnValue, make_none(first), first));
  for (ast::StmtPtr& stmt : body) lowered.push_back(std::move(stmt));
  lowered.push_back(make_return(make_name(kReturnValue, last), last));
  body = std::move(lowered);
}

}  // namespace pygraft::transform
