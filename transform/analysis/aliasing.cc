#include "transform/analysis/aliasing.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "transform/analysis/alias_calls.h"
#include "transform/analysis/alias_exprs.h"
#include "transform/analysis/alias_state.h"
#include "transform/analysis/liveness.h"
#include "transform/analysis/worklist.h"
#include "transform/ast_passes/rewrite_generator_draws.h"
#include "transform/ast_passes/rewrite_inplace_methods.h"

namespace pygraft::transform {

namespace {

struct ModuleFacts {
  NameSet numpy_aliases;
  NameSet math_aliases;
  // Module constants (numbers, bools, None, tuples of them): immutable, so a
  // name bound to one shares nothing.
  NameSet scalar_constants;
  FunctionTable functions;
  // Filled callers first: for each function called from another function,
  // its parameters that received a value not known to be a Python scalar.
  std::map<std::string, NameSet, std::less<>> array_params_of_called;
  // Filled callees first: the parameters each function may return.
  ReturnedParamsMap returned_params;
};

// Summarize: learn which parameters the function may return (each parameter
// starts out sharing the argument). Report: check the function with what its
// callers pass, and record what it passes to the functions it calls.
enum class WalkMode { Summarize, Report };

class AliasChecker {
 public:
  AliasChecker(const ast::FunctionDef& function, std::shared_ptr<const Cfg> cfg, ModuleFacts& facts,
               DiagnosticSink& diags, WalkMode mode)
      : function_(function),
        shared_cfg_(std::move(cfg)),
        cfg_(*shared_cfg_),
        facts_(facts),
        diags_(diags),
        mode_(mode) {}

  void run() {
    solve();
    effects_ = true;  // one more walk from the fixpoint, now with its effects
    const std::vector<CfgBlock>& blocks = cfg_.blocks();
    for (size_t b = 0; b < blocks.size(); ++b) {
      if (!in_[b].reached) continue;
      AliasState state = in_[b];
      for (size_t i = 0; i < blocks[b].elements.size(); ++i) {
        where_ = {b, i};
        transfer(blocks[b].elements[i], state);
      }
    }
  }

 private:
  // The number standing for the argument of parameter `i`: what the caller
  // passed (Report), or the argument a summary follows (Summarize).
  NameId argument(size_t i) const { return static_cast<NameId>(cfg_.names().size() + i); }
  bool is_argument(NameId id) const { return id >= cfg_.names().size(); }
  size_t id_count() const { return cfg_.names().size() + function_.params.size(); }
  // Every name the function reads or writes is numbered (the CFG did it).
  NameId id_of(const std::string& name) const { return *cfg_.names().find(name); }

  AliasState empty_state(bool reached) const {
    return AliasState{{}, DenseBits(id_count()), DenseBits(id_count()), reached};
  }
  AliasState entry_state() const;
  void solve();
  void transfer(const CfgElement& element, AliasState& state);

  AliasContext context(const AliasState& state) const {
    return {facts_.numpy_aliases, facts_.math_aliases,
            [this, &state](const std::string& name) {
              std::optional<NameId> id = cfg_.names().find(name);
              return id && state.scalars.test(*id);
            },
            &facts_.returned_params};
  }
  std::vector<NameId> sources_of(const ast::Expr& value, const AliasState& state) const {
    std::vector<NameId> ids;
    for (const std::string& name : alias_sources(value, context(state))) {
      if (std::optional<NameId> id = cfg_.names().find(name)) ids.push_back(*id);
    }
    return ids;
  }

  void assign(AliasState& state, const ast::Expr& target, const ast::Expr& value,
              const ast::Stmt& stmt, const std::vector<NameId>& also_shared);
  void aug_assign(AliasState& state, const ast::Stmt& stmt, const ast::AugAssign& aug);
  void walk_simple(const ast::Stmt& stmt, AliasState& state);
  void bind_for_target(AliasState& state, const ast::For& loop);
  void bind_element(AliasState& state, const ast::Expr& target, const ast::Expr& iterable);
  void record_calls(const ast::Expr& expr, const AliasState& state);
  void record_returned(const ast::Expr& value, const AliasState& state);
  // `container_level`: the change of a certain list or dict itself (append,
  // d[k] = v), which names bound to its items do not see.
  void mutate(const AliasState& state, NameId name, const ast::Stmt& stmt,
              bool container_level = false);
  // Draws from an np.random.Generator (rng.random(...)): each advances the
  // generator in place, which every name bound to it sees.
  void draws_in(const ast::Expr& expr, const AliasState& state);
  void report_shared_draw(NameId drawn, NameId other, const ast::Stmt& stmt);
  void inplace_method(AliasState& state, const ast::CallExpr& call, const ast::Stmt& stmt);
  void store_into(AliasState& state, NameId holder, const ast::Expr& value);
  void held_by(const AliasState& state, const ast::Expr& value, bool as_items,
               std::vector<NameId>& out) const;
  bool is_container_name(const ast::Expr& expr, const AliasState& state) const {
    const auto* name = std::get_if<ast::Name>(&expr.kind);
    if (name == nullptr) return false;
    std::optional<NameId> id = cfg_.names().find(name->id);
    return id && state.containers.test(*id);
  }
  bool is_container_value(const ast::Expr& value, const AliasState& state) const;
  // A display or a call that builds a new list or dict.
  static bool is_new_container(const ast::Expr& value) {
    return std::holds_alternative<ast::ListExpr>(value.kind) ||
           std::holds_alternative<ast::DictExpr>(value.kind) ||
           std::holds_alternative<ast::CallExpr>(value.kind);
  }

  const ast::FunctionDef& function_;
  // Computed on first need: only a mutation of a shared array asks.
  const Liveness& liveness() {
    if (!liveness_) liveness_ = Liveness::compute(shared_cfg_, function_.body);
    return *liveness_;
  }
  std::shared_ptr<const Cfg> shared_cfg_;
  std::optional<Liveness> liveness_;
  const Cfg& cfg_;
  ModuleFacts& facts_;
  DiagnosticSink& diags_;
  WalkMode mode_;
  std::vector<AliasState> in_;  // per block, at the fixpoint
  bool effects_ = false;        // record and report (the walk after the fixpoint)
  CfgPoint where_;              // the element being walked, when effects_
};

AliasState AliasChecker::entry_state() const {
  AliasState state = empty_state(true);
  // Note: a local that shadows a constant is unbound at entry; its first
  // binding replaces this fact.
  // Note: over the function's names, not the module's constants (a large
  // file has thousands of constants and thousands of functions).
  for (NameId id = 0; id < cfg_.names().size(); ++id) {
    if (facts_.scalar_constants.count(cfg_.names().name(id)) != 0) state.scalars.set(id);
  }
  auto called = facts_.array_params_of_called.find(function_.name);
  for (size_t i = 0; i < function_.params.size(); ++i) {
    NameId param = id_of(function_.params[i].name);
    if (mode_ == WalkMode::Summarize) {
      state.pairs.push_back(std::minmax(param, argument(i)));
    } else if (called != facts_.array_params_of_called.end()) {
      if (called->second.count(function_.params[i].name) == 0) {
        state.scalars.set(param);  // every caller passes a Python scalar
      } else {
        state.pairs.push_back(std::minmax(param, argument(i)));
      }
    }
  }
  std::sort(state.pairs.begin(), state.pairs.end());
  state.pairs.erase(std::unique(state.pairs.begin(), state.pairs.end()), state.pairs.end());
  return state;
}

void AliasChecker::solve() {
  const std::vector<CfgBlock>& blocks = cfg_.blocks();
  in_.assign(blocks.size(), empty_state(false));
  std::vector<AliasState> out(blocks.size(), in_.front());
  BlockWorklist work(cfg_.reverse_post_order());
  for (size_t b = 0; work.pop(b);) {
    AliasState state = b == Cfg::kEntry ? entry_state() : empty_state(false);
    for (size_t pred : blocks[b].predecessors) join_into(state, out[pred]);
    if (!state.reached) continue;
    in_[b] = state;
    for (const CfgElement& element : blocks[b].elements) transfer(element, state);
    if (state == out[b]) continue;
    out[b] = std::move(state);
    for (size_t succ : blocks[b].successors) work.push(succ);
  }
}

void AliasChecker::transfer(const CfgElement& element, AliasState& state) {
  const ast::Stmt& stmt = *element.stmt;
  switch (element.part) {
    case StmtPart::Whole:
      return walk_simple(stmt, state);
    case StmtPart::Test:
      if (const auto* s = std::get_if<ast::If>(&stmt.kind)) record_calls(*s->test, state);
      if (const auto* w = std::get_if<ast::While>(&stmt.kind)) record_calls(*w->test, state);
      return;
    case StmtPart::ForIter:
      return record_calls(*std::get<ast::For>(stmt.kind).iter, state);
    case StmtPart::ForNext:
      return bind_for_target(state, std::get<ast::For>(stmt.kind));
  }
}

// Binds `target` to `value`; `also_shared` are names bound to the same
// object by an earlier target of a chained assignment (a = b = np.zeros(3)).
void AliasChecker::assign(AliasState& state, const ast::Expr& target, const ast::Expr& value,
                          const ast::Stmt& stmt, const std::vector<NameId>& also_shared) {
  if (const auto* name = std::get_if<ast::Name>(&target.kind)) {
    bool scalar = is_scalar_expr(value, context(state));
    std::vector<NameId> sources = scalar ? std::vector<NameId>{} : sources_of(value, state);
    if (!scalar) sources.insert(sources.end(), also_shared.begin(), also_shared.end());
    const bool container = is_container_value(value, state);
    const NameId id = id_of(name->id);
    if (container && !scalar && is_new_container(value)) {
      // A new list or dict shares the items it holds, not the object another
      // container is: list(xs), sorted(xs), [a, b], {"k": v}.
      std::vector<NameId> items;
      if (const auto* call = std::get_if<ast::CallExpr>(&value.kind)) {
        for (const ast::ExprPtr& arg : call->args) held_by(state, *arg, /*as_items=*/true, items);
      } else {
        held_by(state, value, /*as_items=*/false, items);
      }
      rebind(state, id, {}, false);
      add_sharing(state, id, items);
    } else {
      rebind(state, id, sources, scalar);
    }
    if (container) state.containers.set(id);
  } else if (const auto* sub = std::get_if<ast::SubscriptExpr>(&target.kind)) {
    std::string base = target_base_name(target);
    if (base.empty()) return;
    // d[k] = v on a certain dict or list, or with a str key (an array has
    // none): that object now holds v (Python stores v itself); an array's
    // x[i] = v copies v's elements instead.
    const bool str_key = sub->indices.size() == 1 &&
                         std::holds_alternative<ast::StringLiteral>(sub->indices[0]->kind);
    if (is_container_name(*sub->value, state) ||
        (str_key && std::holds_alternative<ast::Name>(sub->value->kind))) {
      mutate(state, id_of(base), stmt, /*container_level=*/true);
      if (!is_scalar_expr(value, context(state))) store_into(state, id_of(base), value);
    } else {
      mutate(state, id_of(base), stmt);
    }
  } else if (const auto* tuple = std::get_if<ast::TupleExpr>(&target.kind)) {
    const auto* values = std::get_if<ast::TupleExpr>(&value.kind);
    bool pairwise = values != nullptr && values->elements.size() == tuple->elements.size();
    // Note: all right-hand sides are read before any target is bound
    // (a, b = b, a), so bind from a snapshot.
    const AliasState before = state;
    for (size_t i = 0; i < tuple->elements.size(); ++i) {
      AliasState scratch = before;
      const ast::Expr& element = *tuple->elements[i];
      assign(scratch, element, pairwise ? *values->elements[i] : value, stmt, {});
      if (const auto* bound = std::get_if<ast::Name>(&element.kind)) {
        NameId id = id_of(bound->id);
        rebind(state, id, partners(scratch, id), scratch.scalars.test(id));
      }
    }
  }
}

// `x op= v`: on a Python scalar x a rebinding to a fresh value (Python
// scalars are immutable); otherwise an in-place change of x's array, which
// keeps what x shares (a NumPy scalar would be rebound, but which one x holds
// is not known here).
void AliasChecker::aug_assign(AliasState& state, const ast::Stmt& stmt, const ast::AugAssign& aug) {
  record_calls(*aug.value, state);
  std::string base_name = target_base_name(*aug.target);
  if (base_name.empty()) return;
  NameId base = id_of(base_name);
  bool name_target = std::holds_alternative<ast::Name>(aug.target->kind);
  if (!name_target || !state.scalars.test(base)) {
    mutate(state, base, stmt);
    return;
  }
  rebind(state, base, {}, is_scalar_expr(*aug.value, context(state)));
}

void AliasChecker::walk_simple(const ast::Stmt& stmt, AliasState& state) {
  if (const auto* a = std::get_if<ast::Assign>(&stmt.kind)) {
    record_calls(*a->value, state);
    // v = xs.pop(), v = d.setdefault(k, w): the receiver changes first.
    if (const auto* call = std::get_if<ast::CallExpr>(&a->value->kind)) {
      inplace_method(state, *call, stmt);
    }
    std::vector<NameId> earlier;
    for (const ast::ExprPtr& target : a->targets) {
      assign(state, *target, *a->value, stmt, earlier);
      if (const auto* name = std::get_if<ast::Name>(&target->kind)) {
        earlier.push_back(id_of(name->id));
      }
    }
  } else if (const auto* ann = std::get_if<ast::AnnAssign>(&stmt.kind)) {
    if (ann->value) {
      record_calls(*ann->value, state);
      assign(state, *ann->target, *ann->value, stmt, {});
    }
  } else if (const auto* aug = std::get_if<ast::AugAssign>(&stmt.kind)) {
    aug_assign(state, stmt, *aug);
  } else if (const auto* e = std::get_if<ast::ExprStmt>(&stmt.kind)) {
    record_calls(*e->value, state);
    if (const auto* call = std::get_if<ast::CallExpr>(&e->value->kind)) {
      inplace_method(state, *call, stmt);
    }
  } else if (const auto* r = std::get_if<ast::Return>(&stmt.kind)) {
    if (r->value) record_calls(*r->value, state);
    if (r->value) record_returned(*r->value, state);
  } else if (const auto* assert_stmt = std::get_if<ast::Assert>(&stmt.kind)) {
    record_calls(*assert_stmt->test, state);
  } else if (const auto* raise = std::get_if<ast::Raise>(&stmt.kind)) {
    record_calls(*raise->exception, state);
  }
}

void AliasChecker::bind_element(AliasState& state, const ast::Expr& target,
                                const ast::Expr& iterable) {
  if (const auto* name = std::get_if<ast::Name>(&target.kind)) {
    rebind(state, id_of(name->id), sources_of(iterable, state), false);  // a row is a view
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
      rebind(state, id_of(name->id), {}, true);
    }
    return;
  }
  if (func != nullptr && func->id == "enumerate" && tuple != nullptr &&
      tuple->elements.size() == 2 && !call->args.empty()) {
    if (const auto* index = std::get_if<ast::Name>(&tuple->elements[0]->kind)) {
      rebind(state, id_of(index->id), {}, true);
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

// Report walk: which parameters of the functions called here receive a
// value that may be an array.
void AliasChecker::record_calls(const ast::Expr& expr, const AliasState& state) {
  if (!effects_ || mode_ != WalkMode::Report) return;
  for_each_call(expr, [&](const ast::CallExpr& call) {
    const auto* callee = std::get_if<ast::Name>(&call.func->kind);
    if (callee == nullptr || callee->id == function_.name) return;
    auto it = facts_.functions.find(callee->id);
    if (it == facts_.functions.end()) return;
    const ast::FunctionDef& def = *it->second;
    NameSet& array_params = facts_.array_params_of_called[callee->id];
    AliasContext ctx = context(state);
    for (size_t i = 0; i < call.args.size() && i < def.params.size(); ++i) {
      if (!is_scalar_expr(*call.args[i], ctx)) array_params.insert(def.params[i].name);
    }
    for (const ast::Keyword& k : call.keywords) {
      if (!is_scalar_expr(*k.value, ctx)) array_params.insert(k.name);
    }
  });
  draws_in(expr, state);
}

void AliasChecker::draws_in(const ast::Expr& expr, const AliasState& state) {
  const ast::Stmt& stmt = *cfg_.blocks()[where_.block].elements[where_.index].stmt;
  for_each_call(expr, [&](const ast::CallExpr& call) {
    const auto* attr = std::get_if<ast::AttributeExpr>(&call.func->kind);
    if (attr == nullptr || !is_generator_draw(attr->attr)) return;
    const auto* name = std::get_if<ast::Name>(&attr->value->kind);
    if (name == nullptr) return;
    std::optional<NameId> id = cfg_.names().find(name->id);
    if (!id) return;
    std::vector<NameId> shared = partners(state, *id);
    if (shared.empty()) return;
    std::sort(shared.begin(), shared.end());
    const DenseBits live = liveness().live_at({where_.block, where_.index + 1});
    for (NameId other : shared) {
      if (is_argument(other) || live.test(other)) return report_shared_draw(*id, other, stmt);
    }
  });
}

void AliasChecker::report_shared_draw(NameId drawn, NameId other, const ast::Stmt& stmt) {
  const std::string& name = cfg_.names().name(drawn);
  if (is_argument(other)) {
    const std::string& param = function_.params[other - cfg_.names().size()].name;
    diags_.report(DiagCode::AliasedMutation, stmt.range,
                  "drawing from '" + name + "' advances the generator the caller passed as '" +
                      param + "' of '" + function_.name +
                      "', which another function of this file calls: pygraft's generators are "
                      "values, so the caller's would not advance; draw in the caller, or pass a "
                      "seed and create the generator here");
    return;
  }
  const std::string& other_name = cfg_.names().name(other);
  diags_.report(DiagCode::AliasedMutation, stmt.range,
                "drawing from '" + name + "' also advances '" + other_name +
                    "' in Python (they are one generator), and '" + other_name +
                    "' is used afterwards; draw from one name only");
}

// Summary walk: a returned value that shares an argument returns it.
void AliasChecker::record_returned(const ast::Expr& value, const AliasState& state) {
  if (!effects_ || mode_ != WalkMode::Summarize) return;
  auto summary = facts_.returned_params.find(function_.name);
  if (summary == facts_.returned_params.end() || summary->second.def != &function_) return;
  std::vector<NameId> shared = sources_of(value, state);
  for (NameId source : std::vector<NameId>(shared)) {
    std::vector<NameId> more = partners(state, source);
    shared.insert(shared.end(), more.begin(), more.end());
  }
  for (size_t i = 0; i < function_.params.size(); ++i) {
    if (std::find(shared.begin(), shared.end(), argument(i)) != shared.end()) {
      summary->second.returned[i] = true;
    }
  }
}

// The in-place methods of lists, dicts and arrays (xs.append(v), x.sort(),
// d.setdefault(k, w), v = xs.pop()): an in-place change of the receiver;
// those that store a value make the receiver hold it.
void AliasChecker::inplace_method(AliasState& state, const ast::CallExpr& call,
                                  const ast::Stmt& stmt) {
  for (const ast::Keyword& keyword : call.keywords) {
    if (keyword.name != "out" || !keyword.value) continue;
    // np.f(..., out=x) writes into x's array.
    std::string written = target_base_name(*keyword.value);
    if (!written.empty()) mutate(state, id_of(written), stmt);
  }
  const auto* attr = std::get_if<ast::AttributeExpr>(&call.func->kind);
  if (attr == nullptr || !is_inplace_method(attr->attr)) return;
  std::string base = target_base_name(*attr->value);
  if (base.empty()) return;
  const NameId id = id_of(base);
  // Only lists and dicts have these methods (sort and fill are arrays' too).
  const bool container_only = attr->attr != "sort" && attr->attr != "fill";
  const bool on_name = std::holds_alternative<ast::Name>(attr->value->kind);
  mutate(state, id, stmt, on_name && (container_only || is_container_name(*attr->value, state)));
  const ast::Expr* stored = nullptr;
  if (attr->attr == "append" || attr->attr == "extend" || attr->attr == "update") {
    if (!call.args.empty()) stored = call.args[0].get();
  } else if (attr->attr == "insert" || attr->attr == "setdefault") {
    if (call.args.size() > 1) stored = call.args[1].get();
  }
  if (stored != nullptr && !is_scalar_expr(*stored, context(state))) store_into(state, id, *stored);
}

// The container `holder` now holds `value`: it shares with what the value
// may be and with what that shares, except other containers reached only
// through it (a list holding an item of another list is not that list).
void AliasChecker::store_into(AliasState& state, NameId holder, const ast::Expr& value) {
  std::vector<NameId> shared;
  held_by(state, value, /*as_items=*/false, shared);
  add_sharing(state, holder, shared);
}

// What a container holding `value` shares (into `out`): a name's object
// itself (a list may hold another list); for anything else, and for the
// items of `value` (`as_items`: list(xs) holds xs's items, not xs), only
// what is not a container (d[k] is an item of d, not d).
void AliasChecker::held_by(const AliasState& state, const ast::Expr& value, bool as_items,
                           std::vector<NameId>& out) const {
  const std::vector<ast::ExprPtr>* elements = nullptr;
  if (const auto* list = std::get_if<ast::ListExpr>(&value.kind)) elements = &list->elements;
  if (const auto* tuple = std::get_if<ast::TupleExpr>(&value.kind)) elements = &tuple->elements;
  if (const auto* dict = std::get_if<ast::DictExpr>(&value.kind)) elements = &dict->values;
  if (elements != nullptr && !as_items) {
    for (const ast::ExprPtr& element : *elements) held_by(state, *element, false, out);
    return;
  }
  const bool whole_object = !as_items && std::holds_alternative<ast::Name>(value.kind);
  for (NameId source : sources_of(value, state)) {
    if (whole_object || !state.containers.test(source)) out.push_back(source);
    for (NameId other : partners(state, source)) {
      if (!state.containers.test(other)) out.push_back(other);
    }
  }
}

bool AliasChecker::is_container_value(const ast::Expr& value, const AliasState& state) const {
  if (std::holds_alternative<ast::ListExpr>(value.kind) ||
      std::holds_alternative<ast::DictExpr>(value.kind)) {
    return true;
  }
  if (const auto* call = std::get_if<ast::CallExpr>(&value.kind)) {
    const auto* func = std::get_if<ast::Name>(&call->func->kind);
    return func != nullptr && facts_.functions.count(func->id) == 0 &&
           (func->id == "list" || func->id == "sorted" || func->id == "dict");
  }
  if (const auto* cond = std::get_if<ast::IfExpr>(&value.kind)) {
    return is_container_value(*cond->body, state) && is_container_value(*cond->orelse, state);
  }
  return is_container_name(value, state);
}

void AliasChecker::mutate(const AliasState& state, NameId name, const ast::Stmt& stmt,
                          bool container_level) {
  if (!effects_ || mode_ != WalkMode::Report) return;
  std::vector<NameId> shared = partners(state, name);
  if (container_level) {
    // Only a name bound to the same list or dict sees it change.
    std::erase_if(
        shared, [&](NameId other) { return !is_argument(other) && !state.containers.test(other); });
  }
  if (shared.empty()) return;
  std::sort(shared.begin(), shared.end());
  const std::string& changed = cfg_.names().name(name);
  DenseBits live = liveness().live_at({where_.block, where_.index + 1});
  for (NameId other : shared) {
    if (is_argument(other)) {
      // Note: the caller may read its array after the call: always live.
      const std::string& param = function_.params[other - cfg_.names().size()].name;
      diags_.report(DiagCode::AliasedMutation, stmt.range,
                    "in-place change of '" + changed +
                        "' also changes the array the caller passed as parameter '" + param +
                        "' of '" + function_.name + "', which another function of this file calls");
      return;
    }
    if (!live.test(other)) continue;
    const std::string& other_name = cfg_.names().name(other);
    diags_.report(DiagCode::AliasedMutation, stmt.range,
                  "in-place change of '" + changed + "' also changes '" + other_name +
                      "' in Python (they share one array, or one is a view of the other), and '" +
                      other_name + "' is used afterwards");
    return;
  }
}

ModuleFacts module_facts(const ast::Module& module) {
  ModuleFacts facts;
  for (const ast::Import& import : module.imports) {
    if (!import.name.empty()) continue;  // resolved (transform/ast_passes/resolve_imports.h)
    if (import.module == "numpy") facts.numpy_aliases.insert(import.alias);
    if (import.module == "math") facts.math_aliases.insert(import.alias);
  }
  AliasContext constants{
      facts.numpy_aliases, facts.math_aliases,
      [&facts](const std::string& name) { return facts.scalar_constants.count(name) != 0; },
      nullptr};
  for (const ast::ConstantDef& constant : module.constants) {
    if (constant.value && is_scalar_expr(*constant.value, constants)) {
      facts.scalar_constants.insert(constant.name);
    } else {
      facts.scalar_constants.erase(constant.name);  // rebound to something else
    }
  }
  for (const ast::FunctionDef& function : module.functions) {
    if (facts.functions.emplace(function.name, &function).second) {
      facts.returned_params[function.name] =
          ReturnedParams{&function, std::vector<bool>(function.params.size(), false)};
    }
  }
  return facts;
}

}  // namespace

void check_aliasing(const ast::Module& module, DiagnosticSink& diags) {
  std::vector<std::shared_ptr<const Cfg>> cfgs;
  cfgs.reserve(module.functions.size());
  for (const ast::FunctionDef& function : module.functions) {
    cfgs.push_back(std::make_shared<const Cfg>(Cfg::build(function)));
  }
  check_aliasing(module, cfgs, diags);
}

void check_aliasing(const ast::Module& module, const std::vector<std::shared_ptr<const Cfg>>& cfgs,
                    DiagnosticSink& diags) {
  ModuleFacts facts = module_facts(module);
  // What each function returns is known once its callees are summarized;
  // what a function receives, once all its callers are checked.
  CallOrder calls = call_order(module, facts.functions);
  const std::vector<size_t>& order = calls.callees_first;
  for (size_t i : order) {
    // Note: only callers read a summary.
    if (!calls.called[i] || module.functions[i].params.empty()) continue;
    AliasChecker(module.functions[i], cfgs[i], facts, diags, WalkMode::Summarize).run();
  }
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    AliasChecker(module.functions[*it], cfgs[*it], facts, diags, WalkMode::Report).run();
  }
}

}  // namespace pygraft::transform
