#include "transform/ast_passes/exit_rewrite.h"

#include "transform/ast_passes/ast_make.h"
#include "transform/nesting_limits.h"

namespace pygraft::transform {

namespace {

bool is_exit(const ast::Stmt& stmt, ExitKind kind) {
  switch (kind) {
    case ExitKind::Return:
      return std::holds_alternative<ast::Return>(stmt.kind);
    case ExitKind::Break:
      return std::holds_alternative<ast::Break>(stmt.kind);
    case ExitKind::Continue:
      return std::holds_alternative<ast::Continue>(stmt.kind);
  }
  return false;
}

// The blocks of a loop statement whose exits of `kind` are the caller's.
std::vector<ast::Block*> owned_loop_blocks(ast::Stmt& stmt, ExitKind kind) {
  ast::Block* body = nullptr;
  ast::Block* orelse = nullptr;
  if (auto* w = std::get_if<ast::While>(&stmt.kind)) {
    body = &w->body;
    orelse = &w->orelse;
  } else if (auto* f = std::get_if<ast::For>(&stmt.kind)) {
    body = &f->body;
    orelse = &f->orelse;
  } else {
    return {};
  }
  if (kind == ExitKind::Return) return {body, orelse};
  return {orelse};
}

// Exits along every path through the block (only if/else is followed).
bool always_exits(const ast::Block& block, ExitKind kind) {
  for (const ast::StmtPtr& stmt : block) {
    if (is_exit(*stmt, kind)) return true;
    const auto* s = std::get_if<ast::If>(&stmt->kind);
    if (s != nullptr && always_exits(s->body, kind) && always_exits(s->orelse, kind)) return true;
  }
  return false;
}

Exits join(Exits a, Exits b) {
  if (a == b) return a;
  return Exits::Maybe;
}

Exits rewrite_loop(ast::Stmt& loop, ExitRewrite& rewrite) {
  std::vector<ast::Block*> blocks = owned_loop_blocks(loop, rewrite.kind);
  if (blocks.empty()) return Exits::Never;  // not a loop
  if (rewrite.kind != ExitKind::Return) {
    return join(Exits::Never, rewrite_exits(*blocks[0], rewrite));  // the else clause
  }
  Exits body = rewrite_exits(*blocks[0], rewrite);
  Exits orelse = rewrite_exits(*blocks[1], rewrite);
  if (body == Exits::Never) return join(Exits::Never, orelse);
  add_stop_condition(loop, rewrite.flag);
  rewrite.flag_read = true;
  if (!blocks[1]->empty()) {
    ast::Block guarded = std::move(*blocks[1]);
    blocks[1]->clear();
    blocks[1]->push_back(make_guard(rewrite.flag, std::move(guarded)));
  }
  return Exits::Maybe;  // the loop may run zero times
}

Exits rewrite_exits(ast::Block& block, ExitRewrite& rewrite, size_t budget);

// `hoisted_into`: the branch that received the rest of the enclosing block
// (one more level of nesting made by the rewrite, so one less in its budget).
Exits rewrite_statement(ast::Stmt& stmt, ExitRewrite& rewrite, const ast::Block* hoisted_into,
                        size_t budget) {
  if (auto* s = std::get_if<ast::If>(&stmt.kind)) {
    auto budget_of = [&](const ast::Block& b) {
      return &b == hoisted_into ? budget - 1 : kMaxChainNesting;
    };
    Exits body = rewrite_exits(s->body, rewrite, budget_of(s->body));
    return join(body, rewrite_exits(s->orelse, rewrite, budget_of(s->orelse)));
  }
  return rewrite_loop(stmt, rewrite);
}

// When one branch of the `if` at block[i] always exits, moves the rest of the
// block into the other branch, so no guard (and no flag read) is needed.
// Returns the branch that received it, or null.
ast::Block* hoist_rest_into_branch(ast::Block& block, size_t i, ExitKind kind) {
  auto* s = std::get_if<ast::If>(&block[i]->kind);
  if (s == nullptr || i + 1 == block.size()) return nullptr;
  bool body_exits = always_exits(s->body, kind);
  bool orelse_exits = always_exits(s->orelse, kind);
  if (body_exits == orelse_exits) return nullptr;
  ast::Block& other = body_exits ? s->orelse : s->body;
  for (size_t j = i + 1; j < block.size(); ++j) other.push_back(std::move(block[j]));
  block.resize(i + 1);
  return &other;
}

// `budget`: how many more levels the rewrite may nest in this block (hoisting
// the rest into a branch, or guarding it). Past that, what follows each
// statement that may exit goes into a guard of its own, one after the other
// (transform/nesting_limits.h): a block of many early exits stays flat.
Exits rewrite_exits(ast::Block& block, ExitRewrite& rewrite, size_t budget) {
  ast::Block out;
  ast::Block segment;  // the statements of the open flat guard
  bool guarded = false;
  Exits result = Exits::Never;
  for (size_t i = 0; i < block.size(); ++i) {
    ast::Block& target = guarded ? segment : out;
    if (is_exit(*block[i], rewrite.kind)) {
      rewrite.replace(*block[i], target);
      result = guarded ? Exits::Maybe : Exits::Always;
      break;  // the rest of the block is unreachable
    }
    const bool nest = budget > 0 && !guarded;
    ast::Block* hoisted = nest ? hoist_rest_into_branch(block, i, rewrite.kind) : nullptr;
    Exits exits = rewrite_statement(*block[i], rewrite, hoisted, budget);
    target.push_back(std::move(block[i]));
    if (exits == Exits::Never) continue;
    result = guarded ? Exits::Maybe : exits;
    if (exits == Exits::Always || i + 1 == block.size()) break;
    rewrite.flag_read = true;
    if (nest) {
      ast::Block rest;
      for (size_t j = i + 1; j < block.size(); ++j) rest.push_back(std::move(block[j]));
      rewrite_exits(rest, rewrite, budget - 1);
      out.push_back(make_guard(rewrite.flag, std::move(rest)));
      break;
    }
    if (guarded) out.push_back(make_guard(rewrite.flag, std::move(segment)));
    segment.clear();
    guarded = true;
  }
  if (guarded && !segment.empty()) out.push_back(make_guard(rewrite.flag, std::move(segment)));
  block = std::move(out);
  return result;
}

}  // namespace

Exits rewrite_exits(ast::Block& block, ExitRewrite& rewrite) {
  return rewrite_exits(block, rewrite, kMaxChainNesting);
}

bool contains_exit(const ast::Block& block, ExitKind kind) {
  for (const ast::StmtPtr& stmt : block) {
    if (is_exit(*stmt, kind)) return true;
    if (const auto* s = std::get_if<ast::If>(&stmt->kind)) {
      if (contains_exit(s->body, kind) || contains_exit(s->orelse, kind)) return true;
    }
    for (ast::Block* owned : owned_loop_blocks(*stmt, kind)) {
      if (contains_exit(*owned, kind)) return true;
    }
  }
  return false;
}

void add_stop_condition(ast::Stmt& loop, const std::string& flag) {
  ast::ExprPtr not_flag = make_not(make_name(flag, loop.range), loop.range);
  if (auto* w = std::get_if<ast::While>(&loop.kind)) {
    SourceRange range = w->test->range;
    w->test = make_and(std::move(not_flag), std::move(w->test), range);
  } else if (auto* f = std::get_if<ast::For>(&loop.kind)) {
    f->extra_test = f->extra_test
                        ? make_and(std::move(f->extra_test), std::move(not_flag), loop.range)
                        : std::move(not_flag);
  }
}

void remove_flag_assigns(ast::Block& block, std::string_view flag) {
  ast::Block out;
  for (ast::StmtPtr& stmt : block) {
    if (is_flag_assign(*stmt, flag, true) || is_flag_assign(*stmt, flag, false)) continue;
    if (auto* s = std::get_if<ast::If>(&stmt->kind)) {
      remove_flag_assigns(s->body, flag);
      if (!s->orelse.empty()) remove_flag_assigns(s->orelse, flag);
    }
    for (ast::Block* owned : owned_loop_blocks(*stmt, ExitKind::Return)) {
      if (!owned->empty()) remove_flag_assigns(*owned, flag);
    }
    out.push_back(std::move(stmt));
  }
  if (out.empty() && !block.empty()) {
    out.push_back(std::make_unique<ast::Stmt>(ast::Stmt{ast::Pass{}, block.front()->range}));
  }
  block = std::move(out);
}

}  // namespace pygraft::transform
