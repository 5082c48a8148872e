#include "transform/ast_passes/lower_loop_else.h"

#include "transform/ast_passes/ast_make.h"
#include "transform/ast_passes/exit_rewrite.h"

namespace pygraft::transform {

namespace {

class LoopElseLowering {
 public:
  explicit LoopElseLowering(const ast::FunctionDef& function) : names_(function) {}

  void lower_block(ast::Block& block) {
    ast::Block out;
    for (ast::StmtPtr& stmt : block) lower_statement(std::move(stmt), out);
    block = std::move(out);
  }

 private:
  // Appends the lowered statement (and what replaces its else clause) to out.
  void lower_statement(ast::StmtPtr stmt, ast::Block& out) {
    ast::Block* body = nullptr;
    ast::Block* orelse = nullptr;
    if (auto* s = std::get_if<ast::If>(&stmt->kind)) {
      lower_block(s->body);
      lower_block(s->orelse);
    } else if (auto* w = std::get_if<ast::While>(&stmt->kind)) {
      body = &w->body;
      orelse = &w->orelse;
    } else if (auto* f = std::get_if<ast::For>(&stmt->kind)) {
      body = &f->body;
      orelse = &f->orelse;
    }
    if (body == nullptr || orelse->empty()) {
      if (body != nullptr) lower_block(*body);
      out.push_back(std::move(stmt));
      return;
    }
    lower_block(*body);
    lower_block(*orelse);
    ast::Block clause = std::move(*orelse);
    orelse->clear();
    if (!contains_exit(*body, ExitKind::Break)) {
      out.push_back(std::move(stmt));
      for (ast::StmtPtr& s : clause) out.push_back(std::move(s));
      return;
    }
    std::string flag = names_.next("break");
    out.push_back(make_assign(flag, make_bool(false, stmt->range), stmt->range));
    out.push_back(std::move(stmt));
    out.push_back(make_guard(flag, std::move(clause)));
  }

  FreshNames names_;
};

}  // namespace

void lower_loop_else(ast::FunctionDef& function) {
  LoopElseLowering(function).lower_block(function.body);
}

}  // namespace pygraft::transform
