#include "transform/analysis/aliasing.h"

#include <map>
#include <utility>

#include "transform/analysis/alias_exprs.h"
#include "transform/analysis/liveness.h"

namespace pygraft::transform {

namespace {

// Note: the caller's array is a pseudo-name no user name can clash with; it
// is always live (the caller may read it after the call).
constexpr std::string_view kCallerPrefix = "caller$";
// In the summary walk, each parameter starts out sharing with this pseudo-name
// of the argument; a returned value still sharing with it returns the argument.
constexpr std::string_view kArgumentPrefix = "argument$";

struct AliasState {
  std::set<std::pair<std::string, std::string>> pairs;  // first < second
  NameSet scalars;                                      // certainly Python scalars
  bool operator==(const AliasState&) const = default;
};

AliasState merge(const AliasState& a, const AliasState& b) {
  AliasState out{a.pairs, {}};
  out.pairs.insert(b.pairs.begin(), b.pairs.end());
  for (const std::string& name : a.scalars) {
    if (b.scalars.count(name) != 0) out.scalars.insert(name);
  }
  return out;
}

struct ModuleFacts {
  const ast::Module* module = nullptr;
  NameSet numpy_aliases;
  NameSet math_aliases;
  NameSet functions;
  // Filled by the first (silent) walk: functions called from another
  // function, and their parameters that received a value not known to be a
  // Python scalar at some call site.
  std::map<std::string, NameSet> array_params_of_called;
  // Filled by the summary walks: the parameters each function may return.
  ReturnedParamsMap returned_params;
};

// What a walk does: learn which parameters a function returns, learn what
// callers pass, or report.
enum class WalkMode { Summarize, Collect, Report };

// Calls `on_call` for every call in `expr`.
void for_each_call(const ast::Expr& expr,
                   const std::function<void(const ast::CallExpr&)>& on_call) {
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, ast::CallExpr>) {
          on_call(e);
          for_each_call(*e.func, on_call);
          for (const ast::ExprPtr& arg : e.args) for_each_call(*arg, on_call);
          for (const ast::Keyword& k : e.keywords) for_each_call(*k.value, on_call);
        } else if constexpr (std::is_same_v<T, ast::BinaryExpr>) {
          for_each_call(*e.lhs, on_call);
          for_each_call(*e.rhs, on_call);
        } else if constexpr (std::is_same_v<T, ast::UnaryExpr>) {
          for_each_call(*e.operand, on_call);
        } else if constexpr (std::is_same_v<T, ast::TupleExpr> ||
                             std::is_same_v<T, ast::ListExpr>) {
          for (const ast::ExprPtr& x : e.elements) for_each_call(*x, on_call);
        } else if constexpr (std::is_same_v<T, ast::BoolOpExpr>) {
          for (const ast::ExprPtr& x : e.values) for_each_call(*x, on_call);
        } else if constexpr (std::is_same_v<T, ast::CompareExpr>) {
          for_each_call(*e.left, on_call);
          for (const ast::ExprPtr& x : e.comparators) for_each_call(*x, on_call);
        } else if constexpr (std::is_same_v<T, ast::IfExpr>) {
          for (const ast::Expr* x : {e.test.get(), e.body.get(), e.orelse.get()})
            for_each_call(*x, on_call);
        } else if constexpr (std::is_same_v<T, ast::AttributeExpr>) {
          for_each_call(*e.value, on_call);
        } else if constexpr (std::is_same_v<T, ast::SubscriptExpr>) {
          for_each_call(*e.value, on_call);
          for (const ast::ExprPtr& x : e.indices) for_each_call(*x, on_call);
        }
      },
      expr.kind);
}

class AliasChecker {
 public:
  AliasChecker(const ast::FunctionDef& function, ModuleFacts& facts, DiagnosticSink& diags,
               WalkMode mode)
      : function_(function),
        facts_(facts),
        diags_(diags),
        liveness_(Liveness::compute(function)),
        report_(mode == WalkMode::Report),
        collect_(mode == WalkMode::Collect),
        summarize_(mode == WalkMode::Summarize) {}

  void run() {
    AliasState state = entry_state();
    walk_block(function_.body, state);
  }

 private:
  AliasState entry_state() const {
    AliasState state;
    if (summarize_) {
      for (const ast::Param& param : function_.params) {
        state.pairs.insert(std::minmax(std::string(kArgumentPrefix) + param.name, param.name));
      }
      return state;
    }
    auto called = facts_.array_params_of_called.find(function_.name);
    for (const ast::Param& param : function_.params) {
      if (called == facts_.array_params_of_called.end()) continue;
      if (called->second.count(param.name) == 0) {
        state.scalars.insert(param.name);  // every caller passes a Python scalar
      } else {
        state.pairs.insert({std::string(kCallerPrefix) + param.name, param.name});
      }
    }
    return state;
  }

  AliasContext context(const AliasState& state) const {
    return {facts_.numpy_aliases, facts_.math_aliases,
            [&state](const std::string& name) { return state.scalars.count(name) != 0; },
            &facts_.returned_params};
  }

  static NameSet partners(const AliasState& state, const std::string& name) {
    NameSet out;
    for (const auto& [a, b] : state.pairs) {
      if (a == name) out.insert(b);
      if (b == name) out.insert(a);
    }
    return out;
  }

  // `name` now refers to what `sources` refer to (and whatever they share).
  static void bind(AliasState& state, const std::string& name, const NameSet& sources,
                   bool scalar) {
    NameSet shared = sources;
    for (const std::string& source : sources) {
      NameSet more = partners(state, source);
      shared.insert(more.begin(), more.end());
    }
    std::erase_if(state.pairs, [&](const auto& p) { return p.first == name || p.second == name; });
    for (const std::string& other : shared) {
      if (other != name) state.pairs.insert(std::minmax(name, other));
    }
    if (scalar) {
      state.scalars.insert(name);
    } else {
      state.scalars.erase(name);
    }
  }

  void record_calls(const ast::Expr& expr, const AliasState& state) {
    if (!collect_) return;
    for_each_call(expr, [&](const ast::CallExpr& call) {
      const auto* callee = std::get_if<ast::Name>(&call.func->kind);
      if (callee == nullptr || facts_.functions.count(callee->id) == 0) return;
      if (callee->id == function_.name) return;
      const ast::FunctionDef* def = find_function(callee->id);
      NameSet& array_params = facts_.array_params_of_called[callee->id];
      if (def == nullptr) return;
      AliasContext ctx = context(state);
      for (size_t i = 0; i < call.args.size() && i < def->params.size(); ++i) {
        if (!is_scalar_expr(*call.args[i], ctx)) array_params.insert(def->params[i].name);
      }
      for (const ast::Keyword& k : call.keywords) {
        if (!is_scalar_expr(*k.value, ctx)) array_params.insert(k.name);
      }
    });
  }

  const ast::FunctionDef* find_function(const std::string& name) const {
    for (const ast::FunctionDef& def : facts_.module->functions) {
      if (def.name == name) return &def;
    }
    return nullptr;
  }

  void mutate(const AliasState& state, const std::string& name, const ast::Stmt& stmt) {
    if (!report_) return;
    const NameSet& live = liveness_.live_after(stmt);
    for (const std::string& other : partners(state, name)) {
      if (other.rfind(kCallerPrefix, 0) == 0) {
        std::string param = other.substr(kCallerPrefix.size());
        diags_.report(DiagCode::AliasedMutation, stmt.range,
                      "in-place change of '" + name +
                          "' also changes the array the caller passed "
                          "as parameter '" +
                          param + "' of '" + function_.name +
                          "', which another function of this file calls");
        return;
      }
      if (live.count(other) != 0) {
        diags_.report(DiagCode::AliasedMutation, stmt.range,
                      "in-place change of '" + name + "' also changes '" + other +
                          "' in Python (they share one array, or one is a view of the other), "
                          "and '" +
                          other + "' is used afterwards");
        return;
      }
    }
  }

  void assign(AliasState& state, const ast::Expr& target, const ast::Expr& value,
              const ast::Stmt& stmt, const NameSet& also_shared);
  void walk_block(const ast::Block& block, AliasState& state) {
    for (const ast::StmtPtr& stmt : block) walk(*stmt, state);
  }
  void walk(const ast::Stmt& stmt, AliasState& state);
  void walk_simple(const ast::Stmt& stmt, AliasState& state);
  void record_returned(const ast::Expr& value, const AliasState& state);
  void walk_loop(const ast::Stmt& loop, const ast::Block& body, AliasState& state);
  void bind_for_target(AliasState& state, const ast::For& loop);
  void bind_element(AliasState& state, const ast::Expr& target, const ast::Expr& iterable);

  const ast::FunctionDef& function_;
  ModuleFacts& facts_;
  DiagnosticSink& diags_;
  Liveness liveness_;
  bool report_;
  bool collect_;    // the silent walk that records what callers pass
  bool summarize_;  // the silent walk that records what the function returns
};

// Binds `target` to `value`; `also_shared` are names bound to the same
// object by an earlier target of a chained assignment (a = b = np.zeros(3)).
void AliasChecker::assign(AliasState& state, const ast::Expr& target, const ast::Expr& value,
                          const ast::Stmt& stmt, const NameSet& also_shared) {
  AliasContext ctx = context(state);
  if (const auto* name = std::get_if<ast::Name>(&target.kind)) {
    bool scalar = is_scalar_expr(value, ctx);
    NameSet sources = scalar ? NameSet{} : alias_sources(value, ctx);
    if (!scalar) sources.insert(also_shared.begin(), also_shared.end());
    bind(state, name->id, sources, scalar);
  } else if (std::holds_alternative<ast::SubscriptExpr>(target.kind)) {
    mutate(state, target_base_name(target), stmt);
  } else if (const auto* tuple = std::get_if<ast::TupleExpr>(&target.kind)) {
    const auto* values = std::get_if<ast::TupleExpr>(&value.kind);
    bool pairwise = values != nullptr && values->elements.size() == tuple->elements.size();
    // Note: all right-hand sides are read before any target is bound
    // (a, b = b, a), so bind from a snapshot.
    AliasState before = state;
    for (size_t i = 0; i < tuple->elements.size(); ++i) {
      AliasState scratch = before;
      assign(scratch, *tuple->elements[i], pairwise ? *values->elements[i] : value, stmt, {});
      std::string bound = target_base_name(*tuple->elements[i]);
      if (std::holds_alternative<ast::Name>(tuple->elements[i]->kind)) {
        NameSet sources = partners(scratch, bound);
        bind(state, bound, sources, scratch.scalars.count(bound) != 0);
      }
    }
  }
}

void AliasChecker::walk_simple(const ast::Stmt& stmt, AliasState& state) {
  if (const auto* a = std::get_if<ast::Assign>(&stmt.kind)) {
    record_calls(*a->value, state);
    NameSet earlier;
    for (const ast::ExprPtr& target : a->targets) {
      assign(state, *target, *a->value, stmt, earlier);
      if (const auto* name = std::get_if<ast::Name>(&target->kind)) earlier.insert(name->id);
    }
  } else if (const auto* ann = std::get_if<ast::AnnAssign>(&stmt.kind)) {
    if (ann->value) {
      record_calls(*ann->value, state);
      assign(state, *ann->target, *ann->value, stmt, {});
    }
  } else if (const auto* aug = std::get_if<ast::AugAssign>(&stmt.kind)) {
    record_calls(*aug->value, state);
    std::string base = target_base_name(*aug->target);
    const auto* name = std::get_if<ast::Name>(&aug->target->kind);
    bool scalar = name != nullptr && state.scalars.count(base) != 0;
    if (!scalar) mutate(state, base, stmt);
    if (name != nullptr && !(scalar && is_scalar_expr(*aug->value, context(state)))) {
      state.scalars.erase(base);
    }
  } else if (const auto* e = std::get_if<ast::ExprStmt>(&stmt.kind)) {
    record_calls(*e->value, state);
  } else if (const auto* r = std::get_if<ast::Return>(&stmt.kind)) {
    if (r->value) record_calls(*r->value, state);
    if (r->value && summarize_) record_returned(*r->value, state);
  }
}

void AliasChecker::record_returned(const ast::Expr& value, const AliasState& state) {
  ReturnedParams& summary = facts_.returned_params[function_.name];
  NameSet shared = alias_sources(value, context(state));
  for (const std::string& source : NameSet(shared)) {
    NameSet more = partners(state, source);
    shared.insert(more.begin(), more.end());
  }
  for (size_t i = 0; i < function_.params.size(); ++i) {
    if (shared.count(std::string(kArgumentPrefix) + function_.params[i].name) != 0) {
      summary.returned[i] = true;
    }
  }
}

void AliasChecker::walk(const ast::Stmt& stmt, AliasState& state) {
  if (const auto* s = std::get_if<ast::If>(&stmt.kind)) {
    record_calls(*s->test, state);
    AliasState orelse = state;
    walk_block(s->body, state);
    walk_block(s->orelse, orelse);
    state = merge(state, orelse);
  } else if (const auto* w = std::get_if<ast::While>(&stmt.kind)) {
    record_calls(*w->test, state);
    walk_loop(stmt, w->body, state);
    walk_block(w->orelse, state);
  } else if (const auto* f = std::get_if<ast::For>(&stmt.kind)) {
    record_calls(*f->iter, state);
    walk_loop(stmt, f->body, state);
    walk_block(f->orelse, state);
  } else {
    walk_simple(stmt, state);
  }
}

// Iterates the body to a fixpoint silently, then walks it once more from the
// fixpoint to report. The loop exits from its header: the fixpoint state.
void AliasChecker::walk_loop(const ast::Stmt& loop, const ast::Block& body, AliasState& state) {
  const auto* for_loop = std::get_if<ast::For>(&loop.kind);
  bool report = report_;
  report_ = false;
  AliasState header = state;
  for (int round = 0; round < 64; ++round) {
    AliasState iteration = header;
    if (for_loop != nullptr) bind_for_target(iteration, *for_loop);
    walk_block(body, iteration);
    AliasState next = merge(state, iteration);
    if (next == header) break;
    header = std::move(next);
  }
  report_ = report;
  AliasState iteration = header;
  if (for_loop != nullptr) bind_for_target(iteration, *for_loop);
  walk_block(body, iteration);
  state = merge(header, iteration);
}

void AliasChecker::bind_element(AliasState& state, const ast::Expr& target,
                                const ast::Expr& iterable) {
  NameSet sources = alias_sources(iterable, context(state));  // a row is a view
  if (const auto* name = std::get_if<ast::Name>(&target.kind)) {
    bind(state, name->id, sources, false);
  } else if (const auto* tuple = std::get_if<ast::TupleExpr>(&target.kind)) {
    for (const ast::ExprPtr& element : tuple->elements) bind_element(state, *element, iterable);
  }
}

void AliasChecker::bind_for_target(AliasState& state, const ast::For& loop) {
  const auto* call = std::get_if<ast::CallExpr>(&loop.iter->kind);
  const auto* func = call == nullptr ? nullptr : std::get_if<ast::Name>(&call->func->kind);
  const auto* tuple = std::get_if<ast::TupleExpr>(&loop.target->kind);
  if (func != nullptr && func->id == "range") {
    if (const auto* name = std::get_if<ast::Name>(&loop.target->kind)) {
      bind(state, name->id, {}, true);
    }
    return;
  }
  if (func != nullptr && func->id == "enumerate" && tuple != nullptr &&
      tuple->elements.size() == 2 && !call->args.empty()) {
    if (const auto* index = std::get_if<ast::Name>(&tuple->elements[0]->kind)) {
      bind(state, index->id, {}, true);
    }
    return bind_element(state, *tuple->elements[1], *call->args[0]);
  }
  if (func != nullptr && func->id == "zip" && tuple != nullptr &&
      tuple->elements.size() == call->args.size()) {
    for (size_t i = 0; i < call->args.size(); ++i) {
      bind_element(state, *tuple->elements[i], *call->args[i]);
    }
    return;
  }
  bind_element(state, *loop.target, *loop.iter);
}

ModuleFacts module_facts(const ast::Module& module) {
  ModuleFacts facts;
  facts.module = &module;
  for (const ast::Import& import : module.imports) {
    if (import.module == "numpy") facts.numpy_aliases.insert(import.alias);
    if (import.module == "math") facts.math_aliases.insert(import.alias);
  }
  for (const ast::FunctionDef& function : module.functions) facts.functions.insert(function.name);
  return facts;
}

}  // namespace

// Which parameters each function may return, to a fixpoint: `def f(a):
// return g(a)` returns `a` when g returns its parameter. Recursion is
// rejected elsewhere, so a round per function suffices.
void summarize_returns(const ast::Module& module, ModuleFacts& facts, DiagnosticSink& diags) {
  for (const ast::FunctionDef& function : module.functions) {
    facts.returned_params[function.name] =
        ReturnedParams{&function, std::vector<bool>(function.params.size(), false)};
  }
  for (size_t round = 0; round <= module.functions.size(); ++round) {
    ReturnedParamsMap before = facts.returned_params;
    for (const ast::FunctionDef& function : module.functions) {
      AliasChecker(function, facts, diags, WalkMode::Summarize).run();
    }
    bool same = true;
    for (const auto& [name, summary] : facts.returned_params) {
      same = same && before.at(name).returned == summary.returned;
    }
    if (same) break;
  }
}

void check_aliasing(const ast::Module& module, DiagnosticSink& diags) {
  ModuleFacts facts = module_facts(module);
  // First silent walks of every function to learn what each returns and what
  // callers pass, then the reporting walk with that knowledge.
  summarize_returns(module, facts, diags);
  for (const ast::FunctionDef& function : module.functions) {
    AliasChecker(function, facts, diags, WalkMode::Collect).run();
  }
  for (const ast::FunctionDef& function : module.functions) {
    AliasChecker(function, facts, diags, WalkMode::Report).run();
  }
}

}  // namespace pygraft::transform
