#include "transform/ast_passes/lower_continue.h"

#include "transform/ast_passes/ast_make.h"
#include "transform/ast_passes/exit_rewrite.h"

namespace pygraft::transform {

namespace {

class ContinueLowering {
 public:
  explicit ContinueLowering(const ast::FunctionDef& function) : names_(function) {}

  void lower_block(ast::Block& block) {
    for (ast::StmtPtr& stmt : block) {
      if (auto* s = std::get_if<ast::If>(&stmt->kind)) {
        lower_block(s->body);
        lower_block(s->orelse);
      } else if (auto* w = std::get_if<ast::While>(&stmt->kind)) {
        lower_loop_body(*stmt, w->body);
      } else if (auto* f = std::get_if<ast::For>(&stmt->kind)) {
        lower_loop_body(*stmt, f->body);
      }
    }
  }

 private:
  void lower_loop_body(const ast::Stmt& loop, ast::Block& body) {
    lower_block(body);  // inner loops first: their continues are theirs
    if (!contains_exit(body, ExitKind::Continue)) return;
    std::string flag = names_.next("continue");
    ExitRewrite rewrite{ExitKind::Continue, flag, [&flag](ast::Stmt& exit, ast::Block& out) {
                          out.push_back(make_assign(flag, make_bool(true, exit.range), exit.range));
                        }};
    rewrite_exits(body, rewrite);
    if (!rewrite.flag_read) {
      remove_flag_assigns(body, flag);
      return;
    }
    body.insert(body.begin(), make_assign(flag, make_bool(false, loop.range), loop.range));
  }

  FreshNames names_;
};

}  // namespace

void lower_continue(ast::FunctionDef& function) {
  ContinueLowering(function).lower_block(function.body);
}

}  // namespace pygraft::transform
