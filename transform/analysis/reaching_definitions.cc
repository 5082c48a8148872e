#include "transform/analysis/reaching_definitions.h"

#include "transform/analysis/worklist.h"

namespace pygraft::transform {

ReachingDefinitions ReachingDefinitions::compute(const ast::FunctionDef& function) {
  return compute(std::make_shared<const Cfg>(Cfg::build(function)), function);
}

ReachingDefinitions ReachingDefinitions::compute(std::shared_ptr<const Cfg> cfg,
                                                 const ast::FunctionDef& function) {
  ReachingDefinitions result;
  result.cfg_ = std::move(cfg);
  const NameIndex& names = result.cfg_->names();
  DenseBits params = names.empty_set();
  for (const ast::Param& param : function.params) params.set(*names.find(param.name));
  result.locals_ = params;
  for (const CfgBlock& block : result.cfg_->blocks()) {
    for (const CfgElement& element : block.elements) {
      for (NameId id : result.cfg_->writes(element)) result.locals_.set(id);
    }
  }
  result.solve(params);
  return result;
}

void ReachingDefinitions::apply(const CfgElement& element, BindingFacts& facts) const {
  for (NameId id : cfg_->writes(element)) {
    facts.definitely.set(id);
    facts.maybe.set(id);
  }
}

// The state entering `block`: the parameters for the entry block, else the
// join over predecessors (every local when there are none: unreachable).
BindingFacts ReachingDefinitions::inflow(size_t block, const DenseBits& params) const {
  if (block == Cfg::kEntry) return {params, params};
  std::span<const size_t> preds = cfg_->blocks()[block].predecessors;
  if (preds.empty()) return {locals_, locals_};
  BindingFacts in{locals_, cfg_->names().empty_set()};
  for (size_t pred : preds) {
    in.definitely &= out_[pred].definitely;
    in.maybe |= out_[pred].maybe;
  }
  return in;
}

// Optimistic start for "definitely" (everything bound), empty for "maybe".
void ReachingDefinitions::solve(const DenseBits& params) {
  const std::vector<CfgBlock>& blocks = cfg_->blocks();
  BindingFacts start{locals_, cfg_->names().empty_set()};
  in_.assign(blocks.size(), start);
  out_.assign(blocks.size(), start);
  for (size_t b = 0; b < blocks.size(); ++b) {
    for (const CfgElement& element : blocks[b].elements) apply(element, out_[b]);
  }
  BlockWorklist work(cfg_->reverse_post_order());
  for (size_t b = 0; work.pop(b);) {
    BindingFacts facts = inflow(b, params);
    in_[b] = facts;
    for (const CfgElement& element : blocks[b].elements) apply(element, facts);
    if (facts == out_[b]) continue;
    out_[b] = std::move(facts);
    for (size_t succ : blocks[b].successors) work.push(succ);
  }
}

BindingFacts ReachingDefinitions::at(const CfgPoint& point) const {
  BindingFacts facts = in_[point.block];
  std::span<const CfgElement> elements = cfg_->blocks()[point.block].elements;
  for (size_t i = 0; i < point.index; ++i) apply(elements[i], facts);
  return facts;
}

NameSet ReachingDefinitions::names_of(const CfgPoint* point, bool definitely) const {
  if (point == nullptr) return {};
  BindingFacts facts = at(*point);
  DenseBits bits = definitely ? facts.definitely : facts.maybe;
  bits &= locals_;
  return cfg_->names().to_names(bits);
}

NameSet ReachingDefinitions::definitely_bound_before(const ast::Stmt& stmt) const {
  return names_of(cfg_->before(stmt), true);
}

NameSet ReachingDefinitions::maybe_bound_before(const ast::Stmt& stmt) const {
  return names_of(cfg_->before(stmt), false);
}

NameSet ReachingDefinitions::definitely_bound_after(const ast::Stmt& stmt) const {
  return names_of(cfg_->after(stmt), true);
}

NameSet ReachingDefinitions::maybe_bound_after(const ast::Stmt& stmt) const {
  return names_of(cfg_->after(stmt), false);
}

}  // namespace pygraft::transform
