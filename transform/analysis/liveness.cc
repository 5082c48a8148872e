#include "transform/analysis/liveness.h"

#include <algorithm>

namespace pygraft::transform {

namespace {

const NameSet kEmpty;

// Live before `element` given what is live after it.
NameSet transfer(const CfgElement& element, const NameSet& live_after) {
  Activity activity = part_activity(*element.stmt, element.part);
  NameSet live = live_after;
  for (const std::string& name : activity.writes) live.erase(name);
  live.insert(activity.reads.begin(), activity.reads.end());
  return live;
}

NameSet live_out_of(const Cfg& cfg, size_t block, const std::vector<NameSet>& live_in) {
  NameSet out;
  for (size_t succ : cfg.blocks()[block].successors) {
    out.insert(live_in[succ].begin(), live_in[succ].end());
  }
  return out;
}

// Fills `column` (one entry per point of the block) from the block's live-out.
void fill_block(const CfgBlock& block, NameSet live_out, std::vector<NameSet>& column) {
  column.assign(block.elements.size() + 1, NameSet{});
  column.back() = std::move(live_out);
  for (size_t i = block.elements.size(); i > 0; --i) {
    column[i - 1] = transfer(block.elements[i - 1], column[i]);
  }
}

}  // namespace

Liveness Liveness::compute(const ast::FunctionDef& function) {
  return compute(function.body);
}

Liveness Liveness::compute(const ast::Block& body) {
  Liveness result;
  result.cfg_ = Cfg::build(body);
  const Cfg& cfg = result.cfg_;
  size_t count = cfg.blocks().size();
  result.live_.resize(count);
  std::vector<NameSet> live_in(count);
  std::vector<size_t> order = cfg.reverse_post_order();
  std::reverse(order.begin(), order.end());  // backward problem: post-order
  bool changed = true;
  while (changed) {
    changed = false;
    for (size_t b : order) {
      fill_block(cfg.blocks()[b], live_out_of(cfg, b, live_in), result.live_[b]);
      if (result.live_[b].front() != live_in[b]) {
        live_in[b] = result.live_[b].front();
        changed = true;
      }
    }
  }
  return result;
}

const NameSet& Liveness::at(const CfgPoint* point) const {
  if (point == nullptr) return kEmpty;
  return live_[point->block][point->index];
}

const NameSet& Liveness::live_before(const ast::Stmt& stmt) const {
  return at(cfg_.before(stmt));
}

const NameSet& Liveness::live_after(const ast::Stmt& stmt) const {
  return at(cfg_.after(stmt));
}

const NameSet& Liveness::live_at_header(const ast::Stmt& loop) const {
  return at(cfg_.header(loop));
}

const NameSet& Liveness::live_at_entry() const {
  return live_[Cfg::kEntry].front();
}

NameSet loop_carried(const ast::Stmt& loop, const Liveness& liveness) {
  NameSet modified;
  if (const auto* w = std::get_if<ast::While>(&loop.kind)) modified = modified_names(w->body);
  if (const auto* f = std::get_if<ast::For>(&loop.kind)) {
    modified = modified_names(f->body);
    NameSet target = part_writes(loop, StmtPart::ForNext);
    modified.insert(target.begin(), target.end());
  }
  const NameSet& before = liveness.live_at_header(loop);
  const NameSet& after = liveness.live_after(loop);
  NameSet carried;
  for (const std::string& name : modified) {
    if (before.count(name) != 0 || after.count(name) != 0) carried.insert(name);
  }
  return carried;
}

NameSet cond_outputs(const ast::Stmt& if_stmt, const Liveness& liveness) {
  const auto* s = std::get_if<ast::If>(&if_stmt.kind);
  if (s == nullptr) return {};
  NameSet assigned = modified_names(s->body);
  NameSet in_orelse = modified_names(s->orelse);
  assigned.insert(in_orelse.begin(), in_orelse.end());
  const NameSet& after = liveness.live_after(if_stmt);
  NameSet outputs;
  for (const std::string& name : assigned) {
    if (after.count(name) != 0) outputs.insert(name);
  }
  return outputs;
}

}  // namespace pygraft::transform
