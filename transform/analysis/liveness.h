// Liveness: which local names may be read later, before being rebound, at
// each statement of a function body (as AutoGraph's
// pyct/static_analysis/liveness.py). Backward dataflow over the CFG, solved
// once per function with a worklist in post-order; the facts are bit sets
// over the CFG's numbered names, kept per block (live on entry and on exit),
// and a point inside a block is answered by walking back from its end.
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
// Cost: O(blocks x names / 64) per pass over the blocks, a few passes.
#pragma once

#include <memory>
#include <unordered_map>
#include <vector>

#include "parser/ast.h"
#include "transform/analysis/activity.h"
#include "transform/analysis/cfg.h"
#include "transform/analysis/dense_bits.h"

namespace pygraft::transform {

class Liveness {
 public:
  static Liveness compute(const ast::FunctionDef& function);
  static Liveness compute(const ast::Block& body);
  // On a CFG already built for `body` (shared with other analyses).
  static Liveness compute(std::shared_ptr<const Cfg> cfg, const ast::Block& body);

  const Cfg& cfg() const { return *cfg_; }
  const NameIndex& names() const { return cfg_->names(); }

  // Live at a point of the CFG.
  DenseBits live_at(const CfgPoint& point) const;
  // The names modified anywhere inside a compound statement (its blocks and
  // a for loop's target; see modified_names); empty for a simple statement.
  const DenseBits& modified_in(const ast::Stmt& stmt) const;
  // A loop's body only, with a for loop's target.
  const DenseBits& modified_in_body(const ast::Stmt& loop) const;

  // As name sets; empty for a statement that is not in the analysed body.
  NameSet live_before(const ast::Stmt& stmt) const;
  NameSet live_after(const ast::Stmt& stmt) const;
  // Live at a loop's header, each time an iteration may start (for a for
  // loop: before its extra_test and target assignment): live into the body.
  NameSet live_at_header(const ast::Stmt& loop) const;
  // Live at the start of the body: the parameters and names read before
  // being bound.
  NameSet live_at_entry() const;

  DenseBits live_after_bits(const ast::Stmt& stmt) const;
  DenseBits live_at_header_bits(const ast::Stmt& loop) const;

 private:
  void solve();
  void collect_modified(const ast::Block& block, DenseBits& into);
  void collect_modified(const ast::Stmt& stmt, DenseBits& into);

  std::shared_ptr<const Cfg> cfg_;
  std::vector<DenseBits> live_in_;   // per block: live where it starts
  std::vector<DenseBits> live_out_;  // per block: live where it ends
  std::unordered_map<const ast::Stmt*, DenseBits> modified_;
  std::unordered_map<const ast::Stmt*, DenseBits> modified_body_;
  DenseBits none_;
};

// Loop-carried values of a while/for statement: names modified in the body
// (and the for target) that are live at its header or live after it.
NameSet loop_carried(const ast::Stmt& loop, const Liveness& liveness);
// Outputs of an if statement: names assigned in either branch that are live
// after it.
NameSet cond_outputs(const ast::Stmt& if_stmt, const Liveness& liveness);

}  // namespace pygraft::transform
