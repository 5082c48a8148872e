#include "transform/analysis/reaching_definitions.h"

namespace pygraft::transform {

namespace {

const NameSet kEmpty;

void add_writes(const CfgElement& element, NameSet& bound) {
  NameSet writes = part_writes(*element.stmt, element.part);
  bound.insert(writes.begin(), writes.end());
}

void fill_block(const CfgBlock& block, NameSet in, std::vector<NameSet>& column) {
  column.assign(block.elements.size() + 1, NameSet{});
  column.front() = std::move(in);
  for (size_t i = 0; i < block.elements.size(); ++i) {
    column[i + 1] = column[i];
    add_writes(block.elements[i], column[i + 1]);
  }
}

NameSet intersect(const NameSet& a, const NameSet& b) {
  NameSet out;
  for (const std::string& name : a) {
    if (b.count(name) != 0) out.insert(name);
  }
  return out;
}

// The state entering `block`: the entry state for the entry block, else the
// join over predecessors (`all_locals` when there are none: unreachable).
struct Inflow {
  NameSet definitely;
  NameSet maybe;
};

Inflow inflow(const Cfg& cfg, size_t block, const NameSet& entry, const NameSet& all_locals,
              const std::vector<std::vector<NameSet>>& definitely,
              const std::vector<std::vector<NameSet>>& maybe) {
  if (block == Cfg::kEntry) return {entry, entry};
  const std::vector<size_t>& preds = cfg.blocks()[block].predecessors;
  if (preds.empty()) return {all_locals, all_locals};
  Inflow in{all_locals, {}};
  for (size_t pred : preds) {
    in.definitely = intersect(in.definitely, definitely[pred].back());
    in.maybe.insert(maybe[pred].back().begin(), maybe[pred].back().end());
  }
  return in;
}

}  // namespace

ReachingDefinitions ReachingDefinitions::compute(const ast::FunctionDef& function) {
  NameSet params;
  for (const ast::Param& param : function.params) params.insert(param.name);
  return compute(function.body, params);
}

ReachingDefinitions ReachingDefinitions::compute(const ast::Block& body,
                                                 const NameSet& bound_at_entry) {
  ReachingDefinitions result;
  result.cfg_ = Cfg::build(body);
  result.locals_ = modified_names(body);
  result.locals_.insert(bound_at_entry.begin(), bound_at_entry.end());
  const std::vector<CfgBlock>& blocks = result.cfg_.blocks();
  // Optimistic start for "definitely" (everything bound), empty for "maybe".
  result.definitely_.resize(blocks.size());
  result.maybe_.resize(blocks.size());
  for (size_t b = 0; b < blocks.size(); ++b) {
    fill_block(blocks[b], result.locals_, result.definitely_[b]);
    fill_block(blocks[b], NameSet{}, result.maybe_[b]);
  }
  std::vector<size_t> order = result.cfg_.reverse_post_order();
  bool changed = true;
  while (changed) {
    changed = false;
    for (size_t b : order) {
      Inflow in =
          inflow(result.cfg_, b, bound_at_entry, result.locals_, result.definitely_, result.maybe_);
      if (in.definitely == result.definitely_[b].front() && in.maybe == result.maybe_[b].front()) {
        continue;
      }
      fill_block(blocks[b], std::move(in.definitely), result.definitely_[b]);
      fill_block(blocks[b], std::move(in.maybe), result.maybe_[b]);
      changed = true;
    }
  }
  return result;
}

const NameSet& ReachingDefinitions::definitely_at(const CfgPoint& point) const {
  return definitely_[point.block][point.index];
}

const NameSet& ReachingDefinitions::maybe_at(const CfgPoint& point) const {
  return maybe_[point.block][point.index];
}

const NameSet& ReachingDefinitions::definitely_bound_before(const ast::Stmt& stmt) const {
  const CfgPoint* point = cfg_.before(stmt);
  return point == nullptr ? kEmpty : definitely_at(*point);
}

const NameSet& ReachingDefinitions::maybe_bound_before(const ast::Stmt& stmt) const {
  const CfgPoint* point = cfg_.before(stmt);
  return point == nullptr ? kEmpty : maybe_at(*point);
}

const NameSet& ReachingDefinitions::definitely_bound_after(const ast::Stmt& stmt) const {
  const CfgPoint* point = cfg_.after(stmt);
  return point == nullptr ? kEmpty : definitely_at(*point);
}

const NameSet& ReachingDefinitions::maybe_bound_after(const ast::Stmt& stmt) const {
  const CfgPoint* point = cfg_.after(stmt);
  return point == nullptr ? kEmpty : maybe_at(*point);
}

}  // namespace pygraft::transform
