#include "transform/ast_passes/resolve_imports.h"

#include <map>
#include <optional>
#include <string>

#include "transform/scope.h"

namespace pygraft::transform {

namespace {

bool is_known_module(const std::string& module) {
  return module == "numpy" || module == "math";
}

// `numpy.linalg` of `import numpy.linalg as la`: "linalg".
std::optional<std::string> numpy_submodule(const ast::Import& import) {
  constexpr std::string_view kPrefix = "numpy.";
  if (!import.name.empty() || !import.module.starts_with(kPrefix)) return std::nullopt;
  std::string rest = import.module.substr(kPrefix.size());
  if (rest.empty() || rest.find('.') != std::string::npos) return std::nullopt;
  return rest;
}

// What a from-imported alias stands for.
struct ImportedName {
  std::string module;  // "numpy", "math" or "builtins"
  std::string name;
};

class Resolver {
 public:
  explicit Resolver(ast::Module& module) : module_(module) {
    for (const ast::Import& import : module.imports) {
      if (std::optional<std::string> submodule = numpy_submodule(import)) {
        names_[import.alias] = ImportedName{"numpy", *submodule};
      } else if (import.name.empty()) {
        if (is_known_module(import.module)) plain_aliases_[import.module].push_back(import.alias);
        names_.erase(import.alias);
      } else if (is_known_module(import.module) || import.module == "builtins") {
        names_[import.alias] = ImportedName{import.module, import.name};
      } else {
        names_.erase(import.alias);  // a later import of another module rebinds it
      }
    }
    for (const ast::ConstantDef& constant : module.constants) names_.erase(constant.name);
    for (const ast::FunctionDef& function : module.functions) names_.erase(function.name);
  }

  bool needed() const { return !names_.empty(); }

  void run() {
    for (ast::ConstantDef& constant : module_.constants) {
      if (constant.value) rewrite(*constant.value, {});
    }
    for (ast::FunctionDef& function : module_.functions) {
      const std::set<std::string, std::less<>> locals = collect_local_names(function);
      for (ast::Param& param : function.params) {
        if (param.default_value) rewrite(*param.default_value, {});
      }
      rewrite_block(function.body, locals);
    }
    for (const std::string& module : added_) {
      module_.imports.push_back(ast::Import{module, module, SourceRange{}, ""});
    }
  }

 private:
  using Locals = std::set<std::string, std::less<>>;

  // The alias of a plain import of `module` that `locals` does not hide;
  // the module's own name (imported here if needed) when none is left.
  std::optional<std::string> module_alias(const std::string& module, const Locals& locals) {
    for (const std::string& alias : plain_aliases_[module]) {
      if (!locals.contains(alias) && !names_.contains(alias)) return alias;
    }
    if (locals.contains(module) || names_.contains(module)) return std::nullopt;
    for (const ast::ConstantDef& constant : module_.constants) {
      if (constant.name == module) return std::nullopt;
    }
    if (!added_.contains(module)) {
      added_.insert(module);
      plain_aliases_[module].push_back(module);
    }
    return module;
  }

  void resolve_name(ast::Expr& expr, const Locals& locals) {
    const std::string id = std::get<ast::Name>(expr.kind).id;
    auto it = names_.find(id);
    if (it == names_.end() || locals.contains(id)) return;
    const ImportedName& target = it->second;
    if (target.module == "builtins") {
      if (!locals.contains(target.name)) expr.kind = ast::Name{target.name};
      return;
    }
    std::optional<std::string> alias = module_alias(target.module, locals);
    if (!alias) return;
    ast::ExprPtr base = std::make_unique<ast::Expr>(ast::Expr{ast::Name{*alias}, expr.range});
    expr.kind = ast::AttributeExpr{std::move(base), target.name, expr.range};
  }

  void rewrite(ast::Expr& expr, const Locals& locals) {
    if (std::holds_alternative<ast::Name>(expr.kind)) return resolve_name(expr, locals);
    std::visit(
        [&](auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, ast::TupleExpr> || std::is_same_v<T, ast::ListExpr>) {
            rewrite_all(node.elements, locals);
          } else if constexpr (std::is_same_v<T, ast::BinaryExpr>) {
            rewrite(*node.lhs, locals);
            rewrite(*node.rhs, locals);
          } else if constexpr (std::is_same_v<T, ast::UnaryExpr>) {
            rewrite(*node.operand, locals);
          } else if constexpr (std::is_same_v<T, ast::BoolOpExpr>) {
            rewrite_all(node.values, locals);
          } else if constexpr (std::is_same_v<T, ast::CompareExpr>) {
            rewrite(*node.left, locals);
            rewrite_all(node.comparators, locals);
          } else if constexpr (std::is_same_v<T, ast::IfExpr>) {
            rewrite(*node.test, locals);
            rewrite(*node.body, locals);
            rewrite(*node.orelse, locals);
          } else if constexpr (std::is_same_v<T, ast::CallExpr>) {
            rewrite(*node.func, locals);
            rewrite_all(node.args, locals);
            for (ast::Keyword& keyword : node.keywords) rewrite(*keyword.value, locals);
          } else if constexpr (std::is_same_v<T, ast::AttributeExpr>) {
            rewrite(*node.value, locals);
          } else if constexpr (std::is_same_v<T, ast::SubscriptExpr>) {
            rewrite(*node.value, locals);
            rewrite_all(node.indices, locals);
          } else if constexpr (std::is_same_v<T, ast::SliceExpr>) {
            rewrite_optional(node.lower, locals);
            rewrite_optional(node.upper, locals);
            rewrite_optional(node.step, locals);
          }
        },
        expr.kind);
  }

  void rewrite_all(std::vector<ast::ExprPtr>& exprs, const Locals& locals) {
    for (ast::ExprPtr& expr : exprs) rewrite_optional(expr, locals);
  }
  void rewrite_optional(ast::ExprPtr& expr, const Locals& locals) {
    if (expr) rewrite(*expr, locals);
  }

  void rewrite_block(ast::Block& block, const Locals& locals) {
    for (ast::StmtPtr& stmt : block) rewrite_statement(*stmt, locals);
  }

  // Targets are left alone: a name a function assigns is its local.
  void rewrite_statement(ast::Stmt& stmt, const Locals& locals) {
    std::visit(
        [&](auto& node) {
          using T = std::decay_t<decltype(node)>;
          if constexpr (std::is_same_v<T, ast::ExprStmt>) {
            rewrite(*node.value, locals);
          } else if constexpr (std::is_same_v<T, ast::Assign>) {
            rewrite(*node.value, locals);
            rewrite_all(node.targets, locals);
          } else if constexpr (std::is_same_v<T, ast::AnnAssign>) {
            rewrite_optional(node.value, locals);
            rewrite(*node.target, locals);
          } else if constexpr (std::is_same_v<T, ast::AugAssign>) {
            rewrite(*node.target, locals);
            rewrite(*node.value, locals);
          } else if constexpr (std::is_same_v<T, ast::If> || std::is_same_v<T, ast::While>) {
            rewrite(*node.test, locals);
            rewrite_block(node.body, locals);
            rewrite_block(node.orelse, locals);
          } else if constexpr (std::is_same_v<T, ast::For>) {
            rewrite(*node.target, locals);
            rewrite(*node.iter, locals);
            rewrite_block(node.body, locals);
            rewrite_block(node.orelse, locals);
          } else if constexpr (std::is_same_v<T, ast::Return>) {
            rewrite_optional(node.value, locals);
          } else if constexpr (std::is_same_v<T, ast::Raise>) {
            rewrite(*node.exception, locals);
          } else if constexpr (std::is_same_v<T, ast::Assert>) {
            rewrite(*node.test, locals);
            rewrite_optional(node.message, locals);
          }
        },
        stmt.kind);
  }

  ast::Module& module_;
  std::map<std::string, ImportedName, std::less<>> names_;  // by alias
  std::map<std::string, std::vector<std::string>> plain_aliases_;
  std::set<std::string> added_;
};

}  // namespace

bool is_supported_import(const ast::Import& import) {
  if (import.name.empty()) return is_known_module(import.module) || numpy_submodule(import);
  return is_known_module(import.module) || import.module == "builtins";
}

void resolve_imports(ast::Module& module) {
  Resolver resolver(module);
  if (resolver.needed()) resolver.run();
}

}  // namespace pygraft::transform
