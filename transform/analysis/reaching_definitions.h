// Reaching definitions, as binding facts: which local names are definitely
// bound (on every path) and maybe bound (on some path) at each statement of a
// function body (as AutoGraph's pyct/static_analysis/reaching_definitions.py,
// reduced to what pygraft needs: the maybe-unbound warning PG0501 and knowing
// whether a name is unbound on entry to a branch or loop).
// Forward iterative dataflow over the CFG to a fixpoint: intersection at joins
// for "definitely", union for "maybe".
//
// Requires: a function body (any stage of transform/ast_passes).
// Guarantees: a pure side table keyed by statement address, valid only until
// the AST is rewritten; recompute before use (STYLE rule 3). Parameters are
// bound at entry. Only local names (parameters and names written somewhere in
// the body) appear. Unreachable code sees every local name as bound, so it
// never produces warnings.
#pragma once

#include <vector>

#include "parser/ast.h"
#include "transform/analysis/activity.h"
#include "transform/analysis/cfg.h"

namespace pygraft::transform {

class ReachingDefinitions {
 public:
  static ReachingDefinitions compute(const ast::FunctionDef& function);
  static ReachingDefinitions compute(const ast::Block& body, const NameSet& bound_at_entry);

  // Where the statement starts (a while loop: at its test, back edges
  // included; a for loop: before its iterable). Empty for unknown statements.
  const NameSet& definitely_bound_before(const ast::Stmt& stmt) const;
  const NameSet& maybe_bound_before(const ast::Stmt& stmt) const;
  // Where control continues after the statement completes normally.
  const NameSet& definitely_bound_after(const ast::Stmt& stmt) const;
  const NameSet& maybe_bound_after(const ast::Stmt& stmt) const;
  // Per-element access, for checks that walk the CFG themselves.
  const Cfg& cfg() const { return cfg_; }
  const NameSet& definitely_at(const CfgPoint& point) const;
  const NameSet& maybe_at(const CfgPoint& point) const;
  // Every local name: the parameters and the names written in the body.
  const NameSet& locals() const { return locals_; }

 private:
  Cfg cfg_;
  NameSet locals_;
  std::vector<std::vector<NameSet>> definitely_;  // [block][point]
  std::vector<std::vector<NameSet>> maybe_;
};

}  // namespace pygraft::transform
