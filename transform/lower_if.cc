// if / elif / else -> one cond node (elif is an if alone in the else block,
// so a chain becomes nested conds in the else regions).
//
// Both branches are lowered, each into its own region and from the same
// snapshot of the scope. The node's results are the names assigned in either
// branch that are live after the if (transform/analysis/liveness.h); a
// branch that does not assign one yields the incoming value, or an
// undef node when the name was unbound before the if (reading it later
// raises UnboundLocalError, as in Python). A condition that is a constant at
// compile time is folded: only the live branch is lowered, inline. A chain
// of more than kMaxChainNesting elifs is lowered in groups
// (lower_long_chains.cc).
#include "transform/function_lowerer.h"
#include "transform/nesting_limits.h"

namespace pygraft::transform {

namespace {

// Whether `stmt` starts an if/elif chain of more than kMaxChainNesting links
// (an elif is an If alone in the orelse block).
bool is_long_chain(const ast::Stmt& stmt) {
  const ast::Stmt* link = &stmt;
  for (size_t links = 1; links <= kMaxChainNesting; ++links) {
    const auto& orelse = std::get<ast::If>(link->kind).orelse;
    if (orelse.size() != 1 || !std::holds_alternative<ast::If>(orelse.front()->kind)) return false;
    link = orelse.front().get();
  }
  return true;
}

}  // namespace

FunctionLowerer::Flow FunctionLowerer::lower_if(const ast::Stmt& stmt, const ast::If& if_stmt) {
  if (is_long_chain(stmt)) return lower_long_if_chain(stmt);
  ValueId test = lower_expr(*if_stmt.test);
  if (std::optional<bool> truth = constant_truth(test)) {
    return lower_block(*truth ? if_stmt.body : if_stmt.orelse);
  }
  const NameSet live_outputs = cond_outputs(stmt, liveness_);
  const NameList outputs(live_outputs.begin(), live_outputs.end());

  const Environment before = env_;
  Region then_region = build_region({}, [&](const std::vector<ValueId>&) {
    return lower_branch(if_stmt.body, outputs, stmt.range);
  });
  env_ = before;
  Region else_region = build_region({}, [&](const std::vector<ValueId>&) {
    return lower_branch(if_stmt.orelse, outputs, stmt.range);
  });
  env_ = before;
  std::vector<ValueId> results =
      emit_cond(test, std::move(then_region), std::move(else_region), outputs, stmt.range);
  bind_all(outputs, results);
  return Flow::FallsThrough;
}

// Lowers one branch into the current region; yields the value of every
// output name at its end.
std::vector<ValueId> FunctionLowerer::lower_branch(const ast::Block& block, const NameList& outputs,
                                                   SourceRange range) {
  lower_block(block);
  return current_values(outputs, range);
}

}  // namespace pygraft::transform
