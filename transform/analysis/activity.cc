#include "transform/analysis/activity.h"

#include <type_traits>

namespace pygraft::transform {

namespace {

using ReadFn = std::function<void(const ast::Expr& name)>;

// The name a target writes through: x for x, x[i], x[i][j]; null otherwise.
const std::string* target_base(const ast::Expr& target) {
  const ast::Expr* base = &target;
  while (const auto* sub = std::get_if<ast::SubscriptExpr>(&base->kind)) base = sub->value.get();
  const auto* name = std::get_if<ast::Name>(&base->kind);
  return name == nullptr ? nullptr : &name->id;
}

void read_all(const std::vector<ast::ExprPtr>& list, const ReadFn& on_read) {
  for (const ast::ExprPtr& e : list) {
    if (e) for_each_name_read(*e, on_read);
  }
}

void read_optional(const ast::ExprPtr& expr, const ReadFn& on_read) {
  if (expr) for_each_name_read(*expr, on_read);
}

// Reads done by storing into `target`: the array and indices of a subscript
// target (the array is read because only part of it changes).
void target_reads(const ast::Expr& target, const ReadFn& on_read) {
  if (const auto* tuple = std::get_if<ast::TupleExpr>(&target.kind)) {
    for (const ast::ExprPtr& e : tuple->elements) target_reads(*e, on_read);
  } else if (const auto* list = std::get_if<ast::ListExpr>(&target.kind)) {
    for (const ast::ExprPtr& e : list->elements) target_reads(*e, on_read);
  } else if (!std::holds_alternative<ast::Name>(target.kind)) {
    for_each_name_read(target, on_read);
  }
}

using WriteFn = std::function<void(const std::string& name)>;

void target_writes(const ast::Expr& target, const WriteFn& on_write) {
  if (const auto* tuple = std::get_if<ast::TupleExpr>(&target.kind)) {
    for (const ast::ExprPtr& e : tuple->elements) target_writes(*e, on_write);
  } else if (const auto* list = std::get_if<ast::ListExpr>(&target.kind)) {
    for (const ast::ExprPtr& e : list->elements) target_writes(*e, on_write);
  } else if (const std::string* base = target_base(target)) {
    on_write(*base);
  }
}

void whole_reads(const ast::Stmt& stmt, const ReadFn& on_read) {
  std::visit(
      [&](const auto& s) {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, ast::ExprStmt>) {
          for_each_name_read(*s.value, on_read);
        } else if constexpr (std::is_same_v<T, ast::Assign>) {
          read_optional(s.value, on_read);
          for (const ast::ExprPtr& target : s.targets) target_reads(*target, on_read);
        } else if constexpr (std::is_same_v<T, ast::AnnAssign>) {
          read_optional(s.value, on_read);
          if (s.value) target_reads(*s.target, on_read);
        } else if constexpr (std::is_same_v<T, ast::AugAssign>) {
          for_each_name_read(*s.target, on_read);  // x op= v reads x first
          read_optional(s.value, on_read);
        } else if constexpr (std::is_same_v<T, ast::Return>) {
          read_optional(s.value, on_read);
        } else if constexpr (std::is_same_v<T, ast::Raise>) {
          read_optional(s.exception, on_read);
        } else if constexpr (std::is_same_v<T, ast::Assert>) {
          read_optional(s.test, on_read);
          read_optional(s.message, on_read);
        }
      },
      stmt.kind);
}

void whole_writes(const ast::Stmt& stmt, const WriteFn& on_write) {
  if (const auto* assign = std::get_if<ast::Assign>(&stmt.kind)) {
    for (const ast::ExprPtr& target : assign->targets) target_writes(*target, on_write);
  } else if (const auto* ann = std::get_if<ast::AnnAssign>(&stmt.kind)) {
    if (ann->value) target_writes(*ann->target, on_write);
  } else if (const auto* aug = std::get_if<ast::AugAssign>(&stmt.kind)) {
    target_writes(*aug->target, on_write);
  }
}

void block_writes(const ast::Block& block, const WriteFn& on_write);

void nested_writes(const ast::Stmt& stmt, const WriteFn& on_write) {
  if (const auto* s = std::get_if<ast::If>(&stmt.kind)) {
    block_writes(s->body, on_write);
    block_writes(s->orelse, on_write);
  } else if (const auto* w = std::get_if<ast::While>(&stmt.kind)) {
    block_writes(w->body, on_write);
    block_writes(w->orelse, on_write);
  } else if (const auto* f = std::get_if<ast::For>(&stmt.kind)) {
    target_writes(*f->target, on_write);
    block_writes(f->body, on_write);
    block_writes(f->orelse, on_write);
  } else {
    whole_writes(stmt, on_write);
  }
}

void block_writes(const ast::Block& block, const WriteFn& on_write) {
  for (const ast::StmtPtr& stmt : block) nested_writes(*stmt, on_write);
}

}  // namespace

void for_each_name_read(const ast::Expr& expr, const ReadFn& on_read) {
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, ast::Name>) {
          on_read(expr);
        } else if constexpr (std::is_same_v<T, ast::TupleExpr> ||
                             std::is_same_v<T, ast::ListExpr>) {
          read_all(e.elements, on_read);
        } else if constexpr (std::is_same_v<T, ast::BinaryExpr>) {
          for_each_name_read(*e.lhs, on_read);
          for_each_name_read(*e.rhs, on_read);
        } else if constexpr (std::is_same_v<T, ast::UnaryExpr>) {
          for_each_name_read(*e.operand, on_read);
        } else if constexpr (std::is_same_v<T, ast::BoolOpExpr>) {
          read_all(e.values, on_read);
        } else if constexpr (std::is_same_v<T, ast::CompareExpr>) {
          for_each_name_read(*e.left, on_read);
          read_all(e.comparators, on_read);
        } else if constexpr (std::is_same_v<T, ast::IfExpr>) {
          for_each_name_read(*e.test, on_read);
          for_each_name_read(*e.body, on_read);
          for_each_name_read(*e.orelse, on_read);
        } else if constexpr (std::is_same_v<T, ast::CallExpr>) {
          for_each_name_read(*e.func, on_read);
          read_all(e.args, on_read);
          for (const ast::Keyword& keyword : e.keywords) read_optional(keyword.value, on_read);
        } else if constexpr (std::is_same_v<T, ast::AttributeExpr>) {
          for_each_name_read(*e.value, on_read);
        } else if constexpr (std::is_same_v<T, ast::SubscriptExpr>) {
          for_each_name_read(*e.value, on_read);
          read_all(e.indices, on_read);
        } else if constexpr (std::is_same_v<T, ast::SliceExpr>) {
          read_optional(e.lower, on_read);
          read_optional(e.upper, on_read);
          read_optional(e.step, on_read);
        }
      },
      expr.kind);
}

void for_each_read(const ast::Stmt& stmt, StmtPart part, const ReadFn& on_read) {
  switch (part) {
    case StmtPart::Whole:
      whole_reads(stmt, on_read);
      return;
    case StmtPart::Test:
      if (const auto* s = std::get_if<ast::If>(&stmt.kind)) for_each_name_read(*s->test, on_read);
      if (const auto* w = std::get_if<ast::While>(&stmt.kind))
        for_each_name_read(*w->test, on_read);
      return;
    case StmtPart::ForIter:
      if (const auto* f = std::get_if<ast::For>(&stmt.kind)) for_each_name_read(*f->iter, on_read);
      return;
    case StmtPart::ForNext:
      if (const auto* f = std::get_if<ast::For>(&stmt.kind)) {
        read_optional(f->extra_test, on_read);
        target_reads(*f->target, on_read);
      }
      return;
  }
}

NameSet expr_reads(const ast::Expr& expr) {
  NameSet out;
  for_each_name_read(expr,
                     [&](const ast::Expr& name) { out.insert(std::get<ast::Name>(name.kind).id); });
  return out;
}

void for_each_write(const ast::Stmt& stmt, StmtPart part, const WriteFn& on_write) {
  if (part == StmtPart::Whole) whole_writes(stmt, on_write);
  if (part == StmtPart::ForNext) {
    if (const auto* f = std::get_if<ast::For>(&stmt.kind)) target_writes(*f->target, on_write);
  }
}

NameSet part_writes(const ast::Stmt& stmt, StmtPart part) {
  NameSet out;
  for_each_write(stmt, part, [&out](const std::string& name) { out.insert(name); });
  return out;
}

Activity part_activity(const ast::Stmt& stmt, StmtPart part) {
  Activity activity;
  for_each_read(stmt, part, [&](const ast::Expr& name) {
    activity.reads.insert(std::get<ast::Name>(name.kind).id);
  });
  activity.writes = part_writes(stmt, part);
  return activity;
}

NameSet modified_names(const ast::Block& block) {
  NameSet out;
  block_writes(block, [&out](const std::string& name) { out.insert(name); });
  return out;
}

void for_each_modified_name(const ast::Block& block, const WriteFn& on_write) {
  block_writes(block, on_write);
}

std::string target_base_name(const ast::Expr& target) {
  const std::string* base = target_base(target);
  return base == nullptr ? "" : *base;
}

}  // namespace pygraft::transform
