#include "transform/ast_passes/inline_lambdas.h"

#include <functional>
#include <map>
#include <string>
#include <utility>

#include "transform/analysis/activity.h"
#include "transform/ast_passes/ast_clone.h"
#include "transform/ast_passes/ast_make.h"

namespace pygraft::transform {

namespace {

// Visits every expression slot of a statement tree, children first.
template <class Fn>
void walk_expr(ast::ExprPtr& slot, Fn& fn);

template <class Fn>
void walk_children(ast::Expr& e, Fn& fn) {
  std::visit(
      [&](auto& k) {
        using T = std::decay_t<decltype(k)>;
        auto each = [&](std::vector<ast::ExprPtr>& list) {
          for (ast::ExprPtr& x : list)
            if (x) walk_expr(x, fn);
        };
        if constexpr (std::is_same_v<T, ast::TupleExpr> || std::is_same_v<T, ast::ListExpr>) {
          each(k.elements);
        } else if constexpr (std::is_same_v<T, ast::BinaryExpr>) {
          walk_expr(k.lhs, fn);
          walk_expr(k.rhs, fn);
        } else if constexpr (std::is_same_v<T, ast::UnaryExpr>) {
          walk_expr(k.operand, fn);
        } else if constexpr (std::is_same_v<T, ast::BoolOpExpr>) {
          each(k.values);
        } else if constexpr (std::is_same_v<T, ast::CompareExpr>) {
          walk_expr(k.left, fn);
          each(k.comparators);
        } else if constexpr (std::is_same_v<T, ast::IfExpr>) {
          walk_expr(k.test, fn);
          walk_expr(k.body, fn);
          walk_expr(k.orelse, fn);
        } else if constexpr (std::is_same_v<T, ast::CallExpr>) {
          walk_expr(k.func, fn);
          each(k.args);
          for (ast::Keyword& kw : k.keywords)
            if (kw.value) walk_expr(kw.value, fn);
        } else if constexpr (std::is_same_v<T, ast::AttributeExpr>) {
          walk_expr(k.value, fn);
        } else if constexpr (std::is_same_v<T, ast::SubscriptExpr>) {
          walk_expr(k.value, fn);
          each(k.indices);
        } else if constexpr (std::is_same_v<T, ast::SliceExpr>) {
          if (k.lower) walk_expr(k.lower, fn);
          if (k.upper) walk_expr(k.upper, fn);
          if (k.step) walk_expr(k.step, fn);
        } else if constexpr (std::is_same_v<T, ast::ListComp>) {
          walk_expr(k.element, fn);
          for (ast::ComprehensionFor& g : k.generators) {
            walk_expr(g.iter, fn);
            each(g.ifs);
          }
        } else if constexpr (std::is_same_v<T, ast::DictComp>) {
          walk_expr(k.key, fn);
          walk_expr(k.value, fn);
          for (ast::ComprehensionFor& g : k.generators) {
            walk_expr(g.iter, fn);
            each(g.ifs);
          }
        } else if constexpr (std::is_same_v<T, ast::DictExpr>) {
          each(k.keys);
          each(k.values);
        } else if constexpr (std::is_same_v<T, ast::Lambda>) {
          walk_expr(k.body, fn);
        }
      },
      e.kind);
}

template <class Fn>
void walk_expr(ast::ExprPtr& slot, Fn& fn) {
  walk_children(*slot, fn);
  fn(slot);
}

template <class Fn>
void walk_block(ast::Block& block, Fn& fn) {
  for (ast::StmtPtr& stmt : block) {
    std::visit(
        [&](auto& s) {
          using T = std::decay_t<decltype(s)>;
          if constexpr (std::is_same_v<T, ast::ExprStmt> || std::is_same_v<T, ast::AugAssign> ||
                        std::is_same_v<T, ast::Return>) {
            if (s.value) walk_expr(s.value, fn);
          } else if constexpr (std::is_same_v<T, ast::Assign>) {
            if (s.value) walk_expr(s.value, fn);
          } else if constexpr (std::is_same_v<T, ast::AnnAssign>) {
            if (s.value) walk_expr(s.value, fn);
          } else if constexpr (std::is_same_v<T, ast::Raise>) {
            if (s.exception) walk_expr(s.exception, fn);
          } else if constexpr (std::is_same_v<T, ast::Assert>) {
            if (s.test) walk_expr(s.test, fn);
            if (s.message) walk_expr(s.message, fn);
          } else if constexpr (std::is_same_v<T, ast::If>) {
            walk_expr(s.test, fn);
            walk_block(s.body, fn);
            walk_block(s.orelse, fn);
          } else if constexpr (std::is_same_v<T, ast::While>) {
            walk_expr(s.test, fn);
            walk_block(s.body, fn);
            walk_block(s.orelse, fn);
          } else if constexpr (std::is_same_v<T, ast::For>) {
            walk_expr(s.iter, fn);
            walk_block(s.body, fn);
            walk_block(s.orelse, fn);
          }
        },
        stmt->kind);
  }
}

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
  auto visit = [&](ast::ExprPtr& slot) {
    if (const auto* n = std::get_if<ast::Name>(&slot->kind)) read.insert(n->id);
  };
  walk_block(block, visit);
  return read;
}

}  // namespace

void inline_lambdas(ast::FunctionDef& function) {
  FreshNames names(function);
  KeyFunctions keys(names);
  walk_block(function.body, keys);
  std::map<std::string, const ast::Lambda*> lambdas = callable_lambdas(function);
  if (lambdas.empty()) return;
  LambdaCalls calls(lambdas);
  walk_block(function.body, calls);
  // Note: a lambda still read (passed on, not called) stays, for the
  // lowering to report.
  const NameSet read = names_read(function.body);
  std::erase_if(lambdas, [&](const auto& entry) { return read.count(entry.first) != 0; });
  drop_definitions(function.body, lambdas);
}

}  // namespace pygraft::transform
