#include "transform/compiled_items.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "transform/analysis/activity.h"
#include "transform/analysis/alias_calls.h"
#include "transform/ast_passes/resolve_imports.h"
#include "transform/scope.h"

namespace pygraft::transform {

namespace {

using Names = std::set<std::string, std::less<>>;

void for_each_block_expr(const ast::Block& block, const std::function<void(const ast::Expr&)>& f);

// Every expression a statement holds (targets included), and its blocks'.
void for_each_statement_expr(const ast::Stmt& stmt,
                             const std::function<void(const ast::Expr&)>& f) {
  auto optional = [&](const ast::ExprPtr& expr) {
    if (expr) f(*expr);
  };
  std::visit(
      [&](const auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::ExprStmt>) {
          optional(node.value);
        } else if constexpr (std::is_same_v<T, ast::Assign>) {
          optional(node.value);
          for (const ast::ExprPtr& target : node.targets) optional(target);
        } else if constexpr (std::is_same_v<T, ast::AnnAssign>) {
          optional(node.value);
          optional(node.target);
        } else if constexpr (std::is_same_v<T, ast::AugAssign>) {
          optional(node.target);
          optional(node.value);
        } else if constexpr (std::is_same_v<T, ast::If> || std::is_same_v<T, ast::While>) {
          optional(node.test);
          for_each_block_expr(node.body, f);
          for_each_block_expr(node.orelse, f);
        } else if constexpr (std::is_same_v<T, ast::For>) {
          optional(node.target);
          optional(node.iter);
          for_each_block_expr(node.body, f);
          for_each_block_expr(node.orelse, f);
        } else if constexpr (std::is_same_v<T, ast::Return>) {
          optional(node.value);
        } else if constexpr (std::is_same_v<T, ast::Raise>) {
          optional(node.exception);
        } else if constexpr (std::is_same_v<T, ast::Assert>) {
          optional(node.test);
          optional(node.message);
        }
      },
      stmt.kind);
}

void for_each_block_expr(const ast::Block& block, const std::function<void(const ast::Expr&)>& f) {
  for (const ast::StmtPtr& stmt : block) for_each_statement_expr(*stmt, f);
}

void add_reads(const ast::Expr& expr, const Names& locals, Names& out) {
  for_each_name_read(expr, [&](const ast::Expr& name) {
    const std::string& id = std::get<ast::Name>(name.kind).id;
    if (!locals.contains(id)) out.insert(id);
  });
}

// The module-level names a function reads: in its body (its locals aside)
// and its parameters' defaults. Annotations are not evaluated by a graph.
Names function_reads(const ast::FunctionDef& def) {
  Names reads;
  const Names locals = collect_local_names(def);
  for (const ast::Param& param : def.params) {
    if (param.default_value) add_reads(*param.default_value, {}, reads);
  }
  for_each_block_expr(def.body, [&](const ast::Expr& expr) { add_reads(expr, locals, reads); });
  return reads;
}

// The module-level names the entries use, transitively through the
// functions they call and the constants they read.
Names names_used(const ast::Module& module, const std::vector<std::string>& roots) {
  std::multimap<std::string, const ast::FunctionDef*, std::less<>> functions;
  for (const ast::FunctionDef& def : module.functions) functions.emplace(def.name, &def);
  std::multimap<std::string, const ast::ConstantDef*, std::less<>> constants;
  for (const ast::ConstantDef& constant : module.constants) {
    constants.emplace(constant.name, &constant);
  }
  Names used(roots.begin(), roots.end());
  std::vector<std::string> work(roots.begin(), roots.end());
  while (!work.empty()) {
    const std::string name = std::move(work.back());
    work.pop_back();
    Names reads;
    for (auto [it, end] = functions.equal_range(name); it != end; ++it) {
      reads.merge(function_reads(*it->second));
    }
    for (auto [it, end] = constants.equal_range(name); it != end; ++it) {
      if (it->second->value) add_reads(*it->second->value, {}, reads);
    }
    for (const std::string& read : reads) {
      if (used.insert(read).second) work.push_back(read);
    }
  }
  return used;
}

bool holds_call(const ast::Expr& expr) {
  bool found = false;
  for_each_call(expr, [&](const ast::CallExpr&) { found = true; });
  return found;
}

void note_unused_imports(const ast::Module& module, const Names& used,
                         std::vector<LeftOutItem>& out) {
  for (const ast::Import& import : module.imports) {
    if (is_supported_import(import) || used.contains(import.alias) || !import.range.valid())
      continue;
    const std::string what = import.name.empty()
                                 ? "module '" + import.module + "'"
                                 : "'" + import.name + "' from module '" + import.module + "'";
    out.push_back(LeftOutItem{import.range, import.range,
                              "the import of " + what +
                                  " is left out; no compiled function uses '" + import.alias +
                                  "'"});
  }
}

}  // namespace

std::vector<LeftOutItem> leave_out_unused(ast::Module& module,
                                          const std::vector<std::string>& entries) {
  std::vector<LeftOutItem> out;
  if (entries.empty()) {
    std::vector<std::string> all;
    for (const ast::FunctionDef& def : module.functions) all.push_back(def.name);
    note_unused_imports(module, names_used(module, all), out);
    return out;
  }
  for (const std::string& entry : entries) {
    auto is_entry = [&](const ast::FunctionDef& def) { return def.name == entry; };
    if (std::none_of(module.functions.begin(), module.functions.end(), is_entry)) return out;
  }
  const Names used = names_used(module, entries);
  const std::string because = "; the --entry functions do not use it";
  std::erase_if(module.functions, [&](const ast::FunctionDef& def) {
    if (used.contains(def.name)) return false;
    // Note: the decorators go with it (their PG0111 is then not an error).
    out.push_back(LeftOutItem{def.decorators.value_or(def.range), def.name_range,
                              "function '" + def.name + "' is not compiled" + because});
    return true;
  });
  std::erase_if(module.constants, [&](const ast::ConstantDef& constant) {
    if (used.contains(constant.name)) return false;
    // Note: a number or a tuple of them is no code; only module-level
    // computations (np.zeros(3), load(...)) get a note.
    if (constant.value && holds_call(*constant.value)) {
      out.push_back(LeftOutItem{constant.range, constant.range,
                                "module-level name '" + constant.name + "' is left out" + because});
    }
    return true;
  });
  for (const ast::LeftOutItem& item : module.left_out) {
    auto is_used = [&](const std::string& name) { return used.contains(name); };
    if (std::any_of(item.binds.begin(), item.binds.end(), is_used)) continue;
    out.push_back(LeftOutItem{item.range, item.head, item.what + " is left out" + because});
  }
  note_unused_imports(module, used, out);
  std::sort(out.begin(), out.end(), [](const LeftOutItem& a, const LeftOutItem& b) {
    return starts_before(a.range, b.range);
  });
  return out;
}

}  // namespace pygraft::transform
