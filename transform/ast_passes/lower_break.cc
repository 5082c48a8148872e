#include "transform/ast_passes/lower_break.h"

#include "transform/ast_passes/ast_make.h"
#include "transform/ast_passes/exit_rewrite.h"

namespace pygraft::transform {

namespace {

ast::Block* loop_body(ast::Stmt& stmt) {
  if (auto* w = std::get_if<ast::While>(&stmt.kind)) return &w->body;
  if (auto* f = std::get_if<ast::For>(&stmt.kind)) return &f->body;
  return nullptr;
}

// The flag reserved by loop-else lowering: `break$N = False` right before.
std::string reserved_flag(const ast::Block& block, size_t loop_index) {
  if (loop_index == 0) return "";
  const auto* assign = std::get_if<ast::Assign>(&block[loop_index - 1]->kind);
  if (assign == nullptr || assign->targets.size() != 1) return "";
  const auto* name = std::get_if<ast::Name>(&assign->targets.front()->kind);
  if (name == nullptr || name->id.rfind("break$", 0) != 0) return "";
  return is_flag_assign(*block[loop_index - 1], name->id, false) ? name->id : "";
}

class BreakLowering {
 public:
  explicit BreakLowering(const ast::FunctionDef& function) : names_(function) {}

  void lower_block(ast::Block& block) {
    for (size_t i = 0; i < block.size(); ++i) {
      ast::Stmt& stmt = *block[i];
      if (auto* s = std::get_if<ast::If>(&stmt.kind)) {
        lower_block(s->body);
        lower_block(s->orelse);
        continue;
      }
      ast::Block* body = loop_body(stmt);
      if (body == nullptr) continue;
      lower_block(*body);  // inner loops first: their breaks are theirs
      if (!contains_exit(*body, ExitKind::Break)) continue;
      std::string flag = reserved_flag(block, i);
      if (flag.empty()) {
        flag = names_.next("break");
        block.insert(block.begin() + static_cast<std::ptrdiff_t>(i),
                     make_assign(flag, make_bool(false, stmt.range), stmt.range));
        ++i;
      }
      lower_loop(stmt, *body, flag);
    }
  }

 private:
  static void lower_loop(ast::Stmt& loop, ast::Block& body, const std::string& flag) {
    ExitRewrite rewrite{ExitKind::Break, flag, [&flag](ast::Stmt& exit, ast::Block& out) {
                          out.push_back(make_assign(flag, make_bool(true, exit.range), exit.range));
                        }};
    rewrite_exits(body, rewrite);
    add_stop_condition(loop, flag);
  }

  FreshNames names_;
};

}  // namespace

void lower_break(ast::FunctionDef& function) {
  BreakLowering(function).lower_block(function.body);
}

}  // namespace pygraft::transform
