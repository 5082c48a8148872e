#include "transform/ast_passes/expand_dict_splats.h"

#include <map>
#include <string>
#include <utility>

#include "transform/ast_passes/ast_clone.h"
#include "transform/ast_passes/ast_make.h"

namespace pygraft::transform {

namespace {

using Functions = std::map<std::string, const ast::FunctionDef*, std::less<>>;

class Expander {
 public:
  Expander(const Functions& functions, DiagnosticSink& diags)
      : functions_(functions), diags_(diags) {}

  void expr(ast::Expr& e) {
    std::visit([this](auto& k) { children(k); }, e.kind);
    if (auto* call = std::get_if<ast::CallExpr>(&e.kind)) expand(*call);
  }

  void block(ast::Block& body) {
    for (ast::StmtPtr& stmt : body) {
      std::visit(
          [this](auto& s) {
            using T = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<T, ast::ExprStmt> || std::is_same_v<T, ast::Assign> ||
                          std::is_same_v<T, ast::AnnAssign> || std::is_same_v<T, ast::AugAssign> ||
                          std::is_same_v<T, ast::Return>) {
              if (s.value) expr(*s.value);
            } else if constexpr (std::is_same_v<T, ast::Raise>) {
              if (s.exception) expr(*s.exception);
            } else if constexpr (std::is_same_v<T, ast::Assert>) {
              if (s.test) expr(*s.test);
              if (s.message) expr(*s.message);
            } else if constexpr (std::is_same_v<T, ast::If> || std::is_same_v<T, ast::While>) {
              expr(*s.test);
              block(s.body);
              block(s.orelse);
            } else if constexpr (std::is_same_v<T, ast::For>) {
              expr(*s.iter);
              block(s.body);
              block(s.orelse);
            }
          },
          stmt->kind);
    }
  }

 private:
  void all(std::vector<ast::ExprPtr>& list) {
    for (ast::ExprPtr& e : list)
      if (e) expr(*e);
  }
  template <class T>
  void children(T& k) {
    if constexpr (requires { k.elements; }) all(k.elements);
    if constexpr (requires { k.lhs; }) {
      expr(*k.lhs);
      expr(*k.rhs);
    }
    if constexpr (requires { k.operand; }) expr(*k.operand);
    if constexpr (requires { k.values; } && !std::is_same_v<T, ast::DictExpr>) all(k.values);
    if constexpr (std::is_same_v<T, ast::CompareExpr>) {
      expr(*k.left);
      all(k.comparators);
    }
    if constexpr (std::is_same_v<T, ast::IfExpr>) {
      expr(*k.test);
      expr(*k.body);
      expr(*k.orelse);
    }
    if constexpr (std::is_same_v<T, ast::CallExpr>) {
      expr(*k.func);
      all(k.args);
      for (ast::Keyword& kw : k.keywords)
        if (kw.value) expr(*kw.value);
    }
    if constexpr (std::is_same_v<T, ast::AttributeExpr>) expr(*k.value);
    if constexpr (std::is_same_v<T, ast::SubscriptExpr>) {
      expr(*k.value);
      all(k.indices);
    }
    if constexpr (std::is_same_v<T, ast::DictExpr>) {
      all(k.keys);
      all(k.values);
    }
    if constexpr (std::is_same_v<T, ast::ListComp>) {
      expr(*k.element);
      clauses(k.generators);
    }
    if constexpr (std::is_same_v<T, ast::DictComp>) {
      expr(*k.key);
      expr(*k.value);
      clauses(k.generators);
    }
    if constexpr (std::is_same_v<T, ast::Lambda>) expr(*k.body);
  }
  void clauses(std::vector<ast::ComprehensionFor>& generators) {
    for (ast::ComprehensionFor& g : generators) {
      expr(*g.iter);
      all(g.ifs);
    }
  }

  void expand(ast::CallExpr& call) {
    auto splat = std::find_if(call.keywords.begin(), call.keywords.end(),
                              [](const ast::Keyword& kw) { return kw.name == "**"; });
    if (splat == call.keywords.end()) return;
    const auto* name = std::get_if<ast::Name>(&call.func->kind);
    auto callee = name == nullptr ? functions_.end() : functions_.find(name->id);
    if (callee == functions_.end()) {
      diags_.report(DiagCode::UnsupportedStarredExpr, splat->range,
                    "'**' unpacking is only supported in calls of functions of this file; pass "
                    "the arguments by name");
      call.keywords.erase(splat);
      return;
    }
    ast::Keyword dict = std::move(*splat);
    call.keywords.erase(splat);
    const std::vector<ast::Param>& params = callee->second->params;
    for (size_t i = call.args.size(); i < params.size(); ++i) {
      const ast::Param& param = params[i];
      bool named = std::any_of(call.keywords.begin(), call.keywords.end(),
                               [&](const ast::Keyword& kw) { return kw.name == param.name; });
      if (named) continue;
      call.keywords.push_back({param.name, item(*dict.value, param, dict.range), dict.range});
    }
  }

  // d["p"], or d.get("p", default) for a parameter with a default.
  static ast::ExprPtr item(const ast::Expr& dict, const ast::Param& param,
                           const SourceRange& range) {
    ast::ExprPtr key = make_node(ast::StringLiteral{param.name}, range);
    if (!param.default_value) {
      return make_node(ast::SubscriptExpr{clone_expr(dict), vector_of(std::move(key)), false},
                       range);
    }
    ast::ExprPtr get = make_node(ast::AttributeExpr{clone_expr(dict), "get", range}, range);
    return make_node(
        ast::CallExpr{
            std::move(get), vector_of(std::move(key), clone_expr(*param.default_value)), {}},
        range);
  }

  const Functions& functions_;
  DiagnosticSink& diags_;
};

}  // namespace

void expand_dict_splats(ast::Module& module, DiagnosticSink& diags) {
  Functions functions;
  for (const ast::FunctionDef& function : module.functions) {
    functions.emplace(function.name, &function);
  }
  Expander expander(functions, diags);
  for (ast::FunctionDef& function : module.functions) expander.block(function.body);
}

}  // namespace pygraft::transform
