#include "transform/ast_passes/expand_dict_splats.h"

#include <map>
#include <string>
#include <utility>

#include "transform/ast_passes/ast_clone.h"
#include "transform/ast_passes/ast_make.h"
#include "transform/ast_passes/ast_walk.h"

namespace pygraft::transform {

namespace {

using Functions = std::map<std::string, const ast::FunctionDef*, std::less<>>;

class Expander {
 public:
  Expander(const Functions& functions, DiagnosticSink& diags)
      : functions_(functions), diags_(diags) {}

  // f(**d) in `call`: the parameters it leaves unbound, bound from d.
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

 private:
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
  for (ast::FunctionDef& function : module.functions) {
    walk_expressions(function.body, [&](ast::ExprPtr& slot) {
      if (auto* call = std::get_if<ast::CallExpr>(&slot->kind)) expander.expand(*call);
    });
  }
}

}  // namespace pygraft::transform
