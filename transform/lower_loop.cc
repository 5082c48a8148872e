// while -> a loop node, and the loop node itself (shared with for loops,
// transform/lower_for.cc).
//
// The loop-carried values are the locals modified in the body that are live
// into the loop or after it (transform/analysis/liveness.h); they are the
// arguments of both regions.
// The cond region evaluates the condition from them (the interpreter applies
// Python truth to what it yields); the body region yields their new values.
// A name unbound before the loop starts as an undef value, so reading it
// after a loop that ran zero times raises UnboundLocalError, as in Python.
//
// break / continue / return inside a loop are rewritten into flags by the
// AST passes (transform/ast_passes/) before this runs, so a loop's `else`
// block always runs after it ends.
#include "transform/function_lowerer.h"

namespace pygraft::transform {

namespace {

std::vector<ValueId> prefix(const std::vector<ValueId>& values, size_t count) {
  return {values.begin(), values.begin() + static_cast<std::ptrdiff_t>(count)};
}

// A cond region that always yields False and does nothing else.
bool never_true(const Region& cond, const IrBuilder& builder) {
  for (const Node& node : cond.nodes) {
    if (node.op != OpCode::Const) return false;
  }
  const Literal* literal = builder.constant_value(cond.yields.at(0));
  return literal != nullptr && literal->is<bool>() && !literal->as<bool>();
}

}  // namespace

void FunctionLowerer::emit_loop(const LoopSpec& spec, SourceRange range) {
  const size_t hidden = spec.hidden_names.size();
  NameList arg_names = spec.hidden_names;
  arg_names.insert(arg_names.end(), spec.carried.begin(), spec.carried.end());

  const Environment before = env_;
  // A carried local that may be unbound on entry may be unbound in every
  // iteration (and after the loop): its region arguments say so.
  std::vector<bool> unbound_on_entry;
  for (const std::string& name : spec.carried) {
    std::optional<ValueId> value = env_.lookup(name);
    unbound_on_entry.push_back(!value || builder_.maybe_unbound(*value));
  }
  auto bind_carried = [&](const std::vector<ValueId>& args) {
    for (size_t i = 0; i < spec.carried.size(); ++i) {
      if (unbound_on_entry[i]) builder_.mark_maybe_unbound(args[hidden + i]);
    }
    bind_all(spec.carried, args, hidden);
  };
  Region cond = build_region(arg_names, [&](const std::vector<ValueId>& args) {
    bind_carried(args);
    return std::vector<ValueId>{spec.condition(prefix(args, hidden))};
  });
  env_ = before;
  // `while False:` never runs its body: no loop at all.
  if (never_true(cond, builder_)) return;
  std::vector<ValueId> inputs = spec.hidden_init;
  for (ValueId value : current_values(spec.carried, range)) inputs.push_back(value);
  Region body = build_region(arg_names, [&](const std::vector<ValueId>& args) {
    bind_carried(args);
    std::vector<ValueId> yields = spec.body(prefix(args, hidden));
    for (ValueId value : current_values(spec.carried, range)) yields.push_back(value);
    return yields;
  });
  env_ = before;
  std::vector<Region> regions;
  regions.push_back(std::move(cond));
  regions.push_back(std::move(body));
  std::vector<ValueId> outputs = builder_.emit_structured(OpCode::Loop, std::move(inputs),
                                                          std::move(regions), arg_names, range);
  bind_all(spec.carried, outputs, hidden);
}

FunctionLowerer::Flow FunctionLowerer::lower_while(const ast::Stmt& stmt,
                                                   const ast::While& while_stmt) {
  const NameSet carried = loop_carried(stmt, liveness_);
  LoopSpec spec;
  spec.carried.assign(carried.begin(), carried.end());
  spec.condition = [&](const std::vector<ValueId>&) { return lower_expr(*while_stmt.test); };
  spec.body = [&](const std::vector<ValueId>&) {
    lower_block(while_stmt.body);
    return std::vector<ValueId>{};
  };
  emit_loop(spec, stmt.range);
  return lower_loop_else(while_stmt.orelse);
}

// Without break (rewritten away by the AST passes), the else block runs
// whenever the loop ends.
FunctionLowerer::Flow FunctionLowerer::lower_loop_else(const ast::Block& orelse) {
  return lower_block(orelse);
}

}  // namespace pygraft::transform
