// Reaching definitions, as binding facts: which local names are definitely
// bound (on every path) and maybe bound (on some path) at each statement of a
// function body (as AutoGraph's pyct/static_analysis/reaching_definitions.py,
// reduced to what pygraft needs: the maybe-unbound warning PG0501).
// Forward dataflow over the CFG, solved once per function with a worklist in
// reverse post-order: intersection at joins for "definitely", union for
// "maybe". Facts are bit sets over the CFG's numbered names, kept per block
// (on entry and on exit); a point inside a block is answered by walking from
// its start.
//
// Requires: a function body (any stage of transform/ast_passes).
// Guarantees: a pure side table keyed by statement address, valid only until
// the AST is rewritten; recompute before use (STYLE rule 3). Parameters are
// bound at entry. Only local names (parameters and names written somewhere in
// the body) appear. Unreachable code sees every local name as bound, so it
// never produces warnings; after `while True:` only the breaks reach the
// code that follows (transform/analysis/cfg.h).
#pragma once

#include <memory>
#include <vector>

#include "parser/ast.h"
#include "transform/analysis/activity.h"
#include "transform/analysis/cfg.h"
#include "transform/analysis/dense_bits.h"

namespace pygraft::transform {

struct BindingFacts {
  DenseBits definitely;
  DenseBits maybe;
  bool operator==(const BindingFacts&) const = default;
};

class ReachingDefinitions {
 public:
  static ReachingDefinitions compute(const ast::FunctionDef& function);
  // On a CFG already built for `function` (shared with other analyses).
  static ReachingDefinitions compute(std::shared_ptr<const Cfg> cfg,
                                     const ast::FunctionDef& function);

  const Cfg& cfg() const { return *cfg_; }
  // Every local name: the parameters and the names written in the body.
  const DenseBits& locals() const { return locals_; }
  // The facts where a block starts, and the effect of one element.
  const BindingFacts& at_block_start(size_t block) const { return in_[block]; }
  void apply(const CfgElement& element, BindingFacts& facts) const;
  BindingFacts at(const CfgPoint& point) const;

  // As name sets, where the statement starts (a while loop: at its test,
  // back edges included; a for loop: before its iterable) and where control
  // continues after it completes normally. Empty for unknown statements.
  NameSet definitely_bound_before(const ast::Stmt& stmt) const;
  NameSet maybe_bound_before(const ast::Stmt& stmt) const;
  NameSet definitely_bound_after(const ast::Stmt& stmt) const;
  NameSet maybe_bound_after(const ast::Stmt& stmt) const;

 private:
  void solve(const DenseBits& params);
  BindingFacts inflow(size_t block, const DenseBits& params) const;
  NameSet names_of(const CfgPoint* point, bool definitely) const;

  std::shared_ptr<const Cfg> cfg_;
  DenseBits locals_;
  std::vector<BindingFacts> in_;   // per block
  std::vector<BindingFacts> out_;  // per block
};

}  // namespace pygraft::transform
