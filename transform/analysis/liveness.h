// Liveness: which local names may be read later, before being rebound, at
// each statement of a function body (as AutoGraph's
// pyct/static_analysis/liveness.py). Backward iterative dataflow over the CFG
// to a fixpoint.
//
// Requires: a function body (any stage of transform/ast_passes).
// Guarantees: a pure side table keyed by statement address, valid only until
// the AST is rewritten; recompute it right before the pass that needs it
// (STYLE rule 3). Names include module names read by the body (`np`), which
// callers ignore. A subscript assignment `x[i] = v` keeps x live (it reads x).
//  - live_before(s): live where s starts. For a while loop that is its test,
//    so it includes what the body reads before writing (live into the loop);
//    for a for loop it is before the iterable is evaluated.
//  - live_after(s): live where control continues after s completes normally
//    (after a loop: after its else clause; empty after return).
#pragma once

#include <vector>

#include "parser/ast.h"
#include "transform/analysis/activity.h"
#include "transform/analysis/cfg.h"

namespace pygraft::transform {

class Liveness {
 public:
  static Liveness compute(const ast::FunctionDef& function);
  static Liveness compute(const ast::Block& body);

  // Empty for a statement that is not in the analysed body.
  const NameSet& live_before(const ast::Stmt& stmt) const;
  const NameSet& live_after(const ast::Stmt& stmt) const;
  // Live at a loop's header, each time an iteration may start (for a for
  // loop: before its extra_test and target assignment): live into the body.
  const NameSet& live_at_header(const ast::Stmt& loop) const;
  // Live at the start of the body: the parameters and names read before
  // being bound.
  const NameSet& live_at_entry() const;

 private:
  const NameSet& at(const CfgPoint* point) const;

  Cfg cfg_;
  // live_[b][i]: live before element i of block b (i == size: block end).
  std::vector<std::vector<NameSet>> live_;
};

// Loop-carried values of a while/for statement: names modified in the body
// (and the for target) that are live at its header or live after it.
NameSet loop_carried(const ast::Stmt& loop, const Liveness& liveness);
// Outputs of an if statement: names assigned in either branch that are live
// after it.
NameSet cond_outputs(const ast::Stmt& if_stmt, const Liveness& liveness);

}  // namespace pygraft::transform
