#include "transform/analysis/liveness.h"

#include <algorithm>

#include "transform/analysis/worklist.h"

namespace pygraft::transform {

namespace {

// Live before `element` given what is live after it (in place).
void transfer(const Cfg& cfg, const CfgElement& element, DenseBits& live) {
  for (NameId id : cfg.writes(element)) live.reset(id);
  for (NameId id : cfg.reads(element)) live.set(id);
}

void write_ids(const Cfg& cfg, const ast::Stmt& stmt, StmtPart part, DenseBits& into) {
  for_each_write(stmt, part, [&](const std::string& name) {
    if (std::optional<NameId> id = cfg.names().find(name)) into.set(*id);
  });
}

}  // namespace

Liveness Liveness::compute(const ast::FunctionDef& function) {
  return compute(std::make_shared<const Cfg>(Cfg::build(function)), function.body);
}

Liveness Liveness::compute(const ast::Block& body) {
  return compute(std::make_shared<const Cfg>(Cfg::build(body)), body);
}

Liveness Liveness::compute(std::shared_ptr<const Cfg> cfg, const ast::Block& body) {
  Liveness result;
  result.cfg_ = std::move(cfg);
  result.solve();
  result.none_ = result.names().empty_set();
  DenseBits everything = result.none_;
  result.collect_modified(body, everything);
  return result;
}

void Liveness::solve() {
  const std::vector<CfgBlock>& blocks = cfg_->blocks();
  live_in_.assign(blocks.size(), names().empty_set());
  live_out_.assign(blocks.size(), names().empty_set());
  std::vector<size_t> order = cfg_->reverse_post_order();
  std::reverse(order.begin(), order.end());  // backward problem: post-order
  BlockWorklist work(order);
  DenseBits live = names().empty_set();
  for (size_t b = 0; work.pop(b);) {
    live.clear();
    for (size_t succ : blocks[b].successors) live |= live_in_[succ];
    live_out_[b] = live;
    for (size_t i = blocks[b].elements.size(); i > 0; --i) {
      transfer(*cfg_, blocks[b].elements[i - 1], live);
    }
    if (live == live_in_[b]) continue;
    live_in_[b] = live;
    for (size_t pred : blocks[b].predecessors) work.push(pred);
  }
}

// Records, for each compound statement in `block`, the names modified inside
// it, and adds everything the block modifies to `into`.
void Liveness::collect_modified(const ast::Block& block, DenseBits& into) {
  for (const ast::StmtPtr& stmt : block) collect_modified(*stmt, into);
}

void Liveness::collect_modified(const ast::Stmt& stmt, DenseBits& into) {
  DenseBits all = names().empty_set();
  if (const auto* s = std::get_if<ast::If>(&stmt.kind)) {
    collect_modified(s->body, all);
    collect_modified(s->orelse, all);
  } else if (const auto* w = std::get_if<ast::While>(&stmt.kind)) {
    collect_modified(w->body, all);
    modified_body_[&stmt] = all;
    collect_modified(w->orelse, all);
  } else if (const auto* f = std::get_if<ast::For>(&stmt.kind)) {
    write_ids(*cfg_, stmt, StmtPart::ForNext, all);
    collect_modified(f->body, all);
    modified_body_[&stmt] = all;
    collect_modified(f->orelse, all);
  } else {
    write_ids(*cfg_, stmt, StmtPart::Whole, into);
    return;
  }
  into |= all;
  modified_[&stmt] = std::move(all);
}

DenseBits Liveness::live_at(const CfgPoint& point) const {
  const CfgBlock& block = cfg_->blocks()[point.block];
  if (point.index == 0) return live_in_[point.block];
  DenseBits live = live_out_[point.block];
  for (size_t i = block.elements.size(); i > point.index; --i) {
    transfer(*cfg_, block.elements[i - 1], live);
  }
  return live;
}

const DenseBits& Liveness::modified_in(const ast::Stmt& stmt) const {
  auto it = modified_.find(&stmt);
  return it == modified_.end() ? none_ : it->second;
}

const DenseBits& Liveness::modified_in_body(const ast::Stmt& loop) const {
  auto it = modified_body_.find(&loop);
  return it == modified_body_.end() ? none_ : it->second;
}

NameSet Liveness::live_before(const ast::Stmt& stmt) const {
  const CfgPoint* point = cfg_->before(stmt);
  return point == nullptr ? NameSet{} : names().to_names(live_at(*point));
}

NameSet Liveness::live_after(const ast::Stmt& stmt) const {
  return names().to_names(live_after_bits(stmt));
}

NameSet Liveness::live_at_header(const ast::Stmt& loop) const {
  return names().to_names(live_at_header_bits(loop));
}

NameSet Liveness::live_at_entry() const {
  return names().to_names(live_in_[Cfg::kEntry]);
}

DenseBits Liveness::live_after_bits(const ast::Stmt& stmt) const {
  const CfgPoint* point = cfg_->after(stmt);
  return point == nullptr ? names().empty_set() : live_at(*point);
}

DenseBits Liveness::live_at_header_bits(const ast::Stmt& loop) const {
  const CfgPoint* point = cfg_->header(loop);
  return point == nullptr ? names().empty_set() : live_at(*point);
}

NameSet loop_carried(const ast::Stmt& loop, const Liveness& liveness) {
  DenseBits live = liveness.live_at_header_bits(loop);
  live |= liveness.live_after_bits(loop);
  live &= liveness.modified_in_body(loop);
  return liveness.names().to_names(live);
}

NameSet cond_outputs(const ast::Stmt& if_stmt, const Liveness& liveness) {
  if (!std::holds_alternative<ast::If>(if_stmt.kind)) return {};
  DenseBits outputs = liveness.live_after_bits(if_stmt);
  outputs &= liveness.modified_in(if_stmt);
  return liveness.names().to_names(outputs);
}

}  // namespace pygraft::transform
