#include "transform/ast_passes/inline_lambdas.h"

#include <functional>
#include <map>
#include <string>
#include <utility>

#include "transform/analysis/activity.h"
#include "transform/ast_passes/ast_clone.h"
#include "transform/ast_passes/ast_make.h"
#include "transform/ast_passes/ast_walk.h"

namespace pygraft::transform {

namespace {

// `[key(v) for v in iterable]` for a key function: a one-parameter lambda
// (its body with v for the parameter) or a function's name; null otherwise.
ast::ExprPtr keys_of(const ast::Expr& key, const ast::Expr& iterable, FreshNames& names) {
  const SourceRange range = key.range;
  const std::string v = names.next("key");
  ast::ExprPtr element;
  if (const auto* lambda = std::get_if<ast::Lambda>(&key.kind)) {
    if (lambda->params.size() != 1) return nullptr;
    ast::ExprPtr item = make_name(v, range);
    element = substitute_names(*lambda->body, [&](const std::string& name) -> const ast::Expr* {
      return name == lambda->params[0] ? item.get() : nullptr;
    });
  } else if (std::holds_alternative<ast::Name>(key.kind)) {
    element = make_node(ast::CallExpr{clone_expr(key), vector_of(make_name(v, range)), {}}, range);
  } else {
    return nullptr;
  }
  ast::ListComp comp;
  comp.element = std::move(element);
  comp.generators.push_back({make_name(v, range), clone_expr(iterable), {}});
  return make_node(std::move(comp), range);
}

class KeyFunctions {
 public:
  explicit KeyFunctions(FreshNames& names) : names_(names) {}

  void operator()(ast::ExprPtr& slot) {
    auto* call = std::get_if<ast::CallExpr>(&slot->kind);
    if (call == nullptr) return;
    if (map_or_filter(slot, *call)) return;
    ast::Keyword* key = nullptr;
    for (ast::Keyword& kw : call->keywords) {
      if (kw.name == "key" && kw.value) key = &kw;
    }
    if (key == nullptr) return;
    const ast::Expr* iterable = nullptr;
    std::string by;
    if (const auto* name = std::get_if<ast::Name>(&call->func->kind)) {
      if (call->args.size() != 1) return;
      if (name->id == "sorted") iterable = call->args[0].get();
      if (name->id == "max" || name->id == "min") {
        iterable = call->args[0].get();
        by = "$" + name->id + "_by";
      }
    } else if (const auto* attr = std::get_if<ast::AttributeExpr>(&call->func->kind)) {
      if (attr->attr == "sort" && call->args.empty()) iterable = attr->value.get();
    }
    if (iterable == nullptr) return;
    ast::ExprPtr keys = keys_of(*key->value, *iterable, names_);
    if (!keys) return;
    if (by.empty()) {
      key->value = std::move(keys);
      return;
    }
    if (call->keywords.size() != 1) return;  // max(xs, key=f, default=d): left for the lowering
    call->func = make_name(by, call->func->range);
    call->args.push_back(std::move(keys));
    call->keywords.clear();
  }

 private:
  // map(f, xs) -> [f(v) for v in xs]; filter(f, xs) -> [v for v in xs if f(v)]
  // (a list where Python gives an iterator: list(), sum(), for take either).
  bool map_or_filter(ast::ExprPtr& slot, ast::CallExpr& call) {
    const auto* name = std::get_if<ast::Name>(&call.func->kind);
    if (name == nullptr || (name->id != "map" && name->id != "filter") || call.args.size() != 2 ||
        !call.keywords.empty()) {
      return false;
    }
    ast::ExprPtr applied = keys_of(*call.args[0], *call.args[1], names_);
    if (!applied) return false;
    if (name->id == "filter") {
      auto& comp = std::get<ast::ListComp>(applied->kind);
      comp.generators[0].ifs.push_back(std::move(comp.element));
      comp.element = clone_expr(*comp.generators[0].target);
    }
    applied->range = slot->range;
    slot = std::move(applied);
    return true;
  }

  FreshNames& names_;
};

// Locals bound to a lambda by exactly one assignment and otherwise only
// called: the lambda, by name.
std::map<std::string, const ast::Lambda*> callable_lambdas(ast::FunctionDef& function) {
  std::map<std::string, const ast::Lambda*> found;
  std::map<std::string, int> writes;
  for_each_modified_name(function.body, [&](const std::string& name) { ++writes[name]; });
  for (const ast::Param& param : function.params) ++writes[param.name];
  std::function<void(ast::Block&)> scan = [&](ast::Block& block) {
    for (ast::StmtPtr& stmt : block) {
      if (auto* a = std::get_if<ast::Assign>(&stmt->kind)) {
        const auto* lambda = a->value ? std::get_if<ast::Lambda>(&a->value->kind) : nullptr;
        const auto* name =
            a->targets.size() == 1 ? std::get_if<ast::Name>(&a->targets[0]->kind) : nullptr;
        if (lambda != nullptr && name != nullptr && writes[name->id] == 1) {
          found[name->id] = lambda;
        }
      } else if (auto* s = std::get_if<ast::If>(&stmt->kind)) {
        scan(s->body);
        scan(s->orelse);
      } else if (auto* w = std::get_if<ast::While>(&stmt->kind)) {
        scan(w->body);
        scan(w->orelse);
      } else if (auto* f = std::get_if<ast::For>(&stmt->kind)) {
        scan(f->body);
        scan(f->orelse);
      }
    }
  };
  scan(function.body);
  return found;
}

class LambdaCalls {
 public:
  explicit LambdaCalls(const std::map<std::string, const ast::Lambda*>& lambdas)
      : lambdas_(lambdas) {}

  void operator()(ast::ExprPtr& slot) {
    auto* call = std::get_if<ast::CallExpr>(&slot->kind);
    const auto* name = call ? std::get_if<ast::Name>(&call->func->kind) : nullptr;
    if (name == nullptr || !call->keywords.empty()) return;
    auto it = lambdas_.find(name->id);
    if (it == lambdas_.end() || it->second->params.size() != call->args.size()) return;
    const ast::Lambda& lambda = *it->second;
    std::map<std::string, const ast::Expr*> args;
    for (size_t i = 0; i < lambda.params.size(); ++i) args[lambda.params[i]] = call->args[i].get();
    ast::ExprPtr inlined =
        substitute_names(*lambda.body, [&](const std::string& param) -> const ast::Expr* {
          auto arg = args.find(param);
          return arg == args.end() ? nullptr : arg->second;
        });
    inlined->range = slot->range;
    slot = std::move(inlined);
  }

 private:
  const std::map<std::string, const ast::Lambda*>& lambdas_;
};

// Drops `name = lambda ...` for the inlined names once no call is left.
void drop_definitions(ast::Block& block, const std::map<std::string, const ast::Lambda*>& inlined) {
  for (ast::StmtPtr& stmt : block) {
    if (auto* a = std::get_if<ast::Assign>(&stmt->kind)) {
      const auto* name = std::get_if<ast::Name>(&a->targets[0]->kind);
      if (name != nullptr && inlined.count(name->id) != 0 && a->value &&
          std::holds_alternative<ast::Lambda>(a->value->kind)) {
        stmt->kind = ast::Pass{};
      }
    } else if (auto* s = std::get_if<ast::If>(&stmt->kind)) {
      drop_definitions(s->body, inlined);
      drop_definitions(s->orelse, inlined);
    } else if (auto* w = std::get_if<ast::While>(&stmt->kind)) {
      drop_definitions(w->body, inlined);
      drop_definitions(w->orelse, inlined);
    } else if (auto* f = std::get_if<ast::For>(&stmt->kind)) {
      drop_definitions(f->body, inlined);
      drop_definitions(f->orelse, inlined);
    }
  }
}

// The names read anywhere (a lambda's own definition reads nothing).
NameSet names_read(ast::Block& block) {
  NameSet read;
  walk_expressions(block, [&](ast::ExprPtr& slot) {
    if (const auto* n = std::get_if<ast::Name>(&slot->kind)) read.insert(n->id);
  });
  return read;
}

}  // namespace

void inline_lambdas(ast::FunctionDef& function) {
  FreshNames names(function);
  KeyFunctions keys(names);
  walk_expressions(function.body, [&](ast::ExprPtr& slot) { keys(slot); });
  std::map<std::string, const ast::Lambda*> lambdas = callable_lambdas(function);
  if (lambdas.empty()) return;
  LambdaCalls calls(lambdas);
  walk_expressions(function.body, [&](ast::ExprPtr& slot) { calls(slot); });
  // Note: a lambda still read (passed on, not called) stays, for the
  // lowering to report.
  const NameSet read = names_read(function.body);
  std::erase_if(lambdas, [&](const auto& entry) { return read.count(entry.first) != 0; });
  drop_definitions(function.body, lambdas);
}

}  // namespace pygraft::transform
