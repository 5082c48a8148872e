#include "transform/analysis/cfg.h"

#include <algorithm>
#include <optional>

namespace pygraft::transform {

namespace {

// `while True:`, `while 1:`: CPython's compiler knows these never end by
// their test.
bool is_constant_true(const ast::Expr& test) {
  if (const auto* b = std::get_if<ast::BoolLiteral>(&test.kind)) return b->value;
  if (const auto* i = std::get_if<ast::IntLiteral>(&test.kind)) return i->value != 0;
  if (const auto* f = std::get_if<ast::FloatLiteral>(&test.kind)) return f->value != 0.0;
  return false;
}

}  // namespace

// Builds the graph one statement at a time, keeping the block control is in.
class CfgBuilder {
 public:
  Cfg take_from(const ast::Block& body, const std::vector<ast::Param>& params) {
    for (const ast::Param& param : params) cfg_.names_.add(param.name);
    new_block();  // entry
    new_block();  // exit
    current_ = new_block();
    connect(Cfg::kEntry, current_);
    visit_block(body);
    connect(current_, Cfg::kExit);
    std::sort(cfg_.points_.begin(), cfg_.points_.end(),
              [](const Cfg::StmtPoints& a, const Cfg::StmtPoints& b) { return a.stmt < b.stmt; });
    finish();
    cfg_.rpo_ = cfg_.compute_reverse_post_order();
    return std::move(cfg_);
  }

 private:
  struct LoopTargets {
    size_t continue_to;
    size_t break_to;
  };

  size_t new_block() {
    sizes_.push_back(0);
    return sizes_.size() - 1;
  }
  void connect(size_t from, size_t to) { edges_.emplace_back(from, to); }
  CfgPoint here() const { return {current_, sizes_[current_]}; }

  // Groups the elements and edges recorded in visiting order by block
  // (stable: each block keeps its order) and points the blocks at them.
  void finish() {
    const size_t count = sizes_.size();
    std::vector<size_t> element_start(count + 1, 0);
    std::vector<size_t> succ_start(count + 1, 0);
    std::vector<size_t> pred_start(count + 1, 0);
    for (size_t b = 0; b < count; ++b) element_start[b + 1] = element_start[b] + sizes_[b];
    for (const auto& [from, to] : edges_) {
      ++succ_start[from + 1];
      ++pred_start[to + 1];
    }
    for (size_t b = 0; b < count; ++b) {
      succ_start[b + 1] += succ_start[b];
      pred_start[b + 1] += pred_start[b];
    }
    cfg_.elements_.resize(raw_elements_.size());
    cfg_.successors_.resize(edges_.size());
    cfg_.predecessors_.resize(edges_.size());
    std::vector<size_t> next_element(element_start.begin(), element_start.end() - 1);
    std::vector<size_t> next_succ(succ_start.begin(), succ_start.end() - 1);
    std::vector<size_t> next_pred(pred_start.begin(), pred_start.end() - 1);
    for (const auto& [block, element] : raw_elements_)
      cfg_.elements_[next_element[block]++] = element;
    for (const auto& [from, to] : edges_) {
      cfg_.successors_[next_succ[from]++] = to;
      cfg_.predecessors_[next_pred[to]++] = from;
    }
    cfg_.blocks_.resize(count);
    for (size_t b = 0; b < count; ++b) {
      cfg_.blocks_[b].elements = {cfg_.elements_.data() + element_start[b], sizes_[b]};
      cfg_.blocks_[b].successors = {cfg_.successors_.data() + succ_start[b],
                                    succ_start[b + 1] - succ_start[b]};
      cfg_.blocks_[b].predecessors = {cfg_.predecessors_.data() + pred_start[b],
                                      pred_start[b + 1] - pred_start[b]};
    }
  }
  void add(const ast::Stmt& stmt, StmtPart part) {
    CfgElement element{&stmt, part};
    element.reads_begin = static_cast<uint32_t>(cfg_.ids_.size());
    for_each_read(stmt, part, [this](const ast::Expr& name) {
      cfg_.ids_.push_back(cfg_.names_.add(std::get<ast::Name>(name.kind).id));
    });
    element.reads_end = static_cast<uint32_t>(cfg_.ids_.size());
    for_each_write(stmt, part,
                   [this](const std::string& name) { cfg_.ids_.push_back(cfg_.names_.add(name)); });
    element.writes_end = static_cast<uint32_t>(cfg_.ids_.size());
    raw_elements_.emplace_back(current_, element);
    ++sizes_[current_];
  }
  // Control leaves the current block for `to`; what follows is unreachable.
  void jump(size_t to) {
    connect(current_, to);
    current_ = new_block();
  }

  void visit_block(const ast::Block& block) {
    for (const ast::StmtPtr& stmt : block) visit(*stmt);
  }

  // The statement's points, filled in as its parts are visited.
  Cfg::StmtPoints& points(size_t slot) { return cfg_.points_[slot]; }

  void visit(const ast::Stmt& stmt) {
    size_t slot = cfg_.points_.size();
    cfg_.points_.push_back({&stmt, here(), {}, {}});
    if (const auto* s = std::get_if<ast::If>(&stmt.kind)) {
      visit_if(stmt, *s);
    } else if (const auto* w = std::get_if<ast::While>(&stmt.kind)) {
      visit_while(stmt, *w, slot);
    } else if (const auto* f = std::get_if<ast::For>(&stmt.kind)) {
      visit_for(stmt, *f, slot);
    } else {
      visit_simple(stmt, slot);
      return;  // the after point was set by visit_simple
    }
    points(slot).after = here();
  }

  void visit_simple(const ast::Stmt& stmt, size_t slot) {
    add(stmt, StmtPart::Whole);
    points(slot).after = here();
    if (std::holds_alternative<ast::Return>(stmt.kind) ||
        std::holds_alternative<ast::Raise>(stmt.kind)) {
      jump(Cfg::kExit);
    } else if (std::holds_alternative<ast::Break>(stmt.kind)) {
      if (loops_.empty()) return jump(Cfg::kExit);
      jump(loops_.back().break_to);
    } else if (std::holds_alternative<ast::Continue>(stmt.kind)) {
      if (loops_.empty()) return jump(Cfg::kExit);
      jump(loops_.back().continue_to);
    }
  }

  void visit_if(const ast::Stmt& stmt, const ast::If& s) {
    add(stmt, StmtPart::Test);
    size_t test = current_;
    size_t join = new_block();
    for (const ast::Block* branch : {&s.body, &s.orelse}) {
      current_ = new_block();
      connect(test, current_);
      visit_block(*branch);
      connect(current_, join);
    }
    current_ = join;
  }

  // The loop's body runs from `header`; its else clause runs when the header
  // exits normally; `break` goes past the else clause.
  // A for loop's step (`step`) starts the body: the target is assigned only
  // when the loop does not exit.
  // `endless`: the test never ends the loop, so the else clause and the code
  // after the loop are reached only through a break.
  void visit_loop(size_t header, const ast::Block& body, const ast::Block& orelse,
                  const ast::Stmt* step = nullptr, bool endless = false) {
    size_t join = new_block();
    current_ = new_block();
    connect(header, current_);
    if (step != nullptr) add(*step, StmtPart::ForNext);
    loops_.push_back({header, join});
    visit_block(body);
    loops_.pop_back();
    connect(current_, header);
    current_ = new_block();
    if (!endless) connect(header, current_);
    visit_block(orelse);
    connect(current_, join);
    current_ = join;
  }

  void visit_while(const ast::Stmt& stmt, const ast::While& w, size_t slot) {
    size_t header = new_block();
    connect(current_, header);
    current_ = header;
    points(slot).before = here();
    points(slot).header = here();
    add(stmt, StmtPart::Test);
    visit_loop(header, w.body, w.orelse, nullptr, is_constant_true(*w.test));
  }

  void visit_for(const ast::Stmt& stmt, const ast::For& f, size_t slot) {
    add(stmt, StmtPart::ForIter);
    size_t header = new_block();
    connect(current_, header);
    current_ = header;
    points(slot).header = here();
    visit_loop(header, f.body, f.orelse, &stmt);
  }

  Cfg cfg_;
  size_t current_ = 0;
  std::vector<LoopTargets> loops_;
  // While building: elements per block, and elements and edges in the order
  // they are found.
  std::vector<size_t> sizes_;
  std::vector<std::pair<size_t, CfgElement>> raw_elements_;
  std::vector<std::pair<size_t, size_t>> edges_;
};

Cfg Cfg::build(const ast::FunctionDef& function) {
  return CfgBuilder().take_from(function.body, function.params);
}

Cfg Cfg::build(const ast::Block& body) {
  return CfgBuilder().take_from(body, {});
}

const Cfg::StmtPoints* Cfg::points_of(const ast::Stmt& stmt) const {
  auto it = std::lower_bound(points_.begin(), points_.end(), &stmt,
                             [](const StmtPoints& p, const ast::Stmt* s) { return p.stmt < s; });
  return it == points_.end() || it->stmt != &stmt ? nullptr : &*it;
}

const CfgPoint* Cfg::before(const ast::Stmt& stmt) const {
  const StmtPoints* points = points_of(stmt);
  return points == nullptr ? nullptr : &points->before;
}

const CfgPoint* Cfg::after(const ast::Stmt& stmt) const {
  const StmtPoints* points = points_of(stmt);
  return points == nullptr ? nullptr : &points->after;
}

const CfgPoint* Cfg::header(const ast::Stmt& loop) const {
  const StmtPoints* points = points_of(loop);
  bool is_loop =
      std::holds_alternative<ast::While>(loop.kind) || std::holds_alternative<ast::For>(loop.kind);
  return points == nullptr || !is_loop ? nullptr : &points->header;
}

std::vector<size_t> Cfg::compute_reverse_post_order() const {
  std::vector<size_t> order;
  std::vector<bool> seen(blocks_.size(), false);
  // Iterative DFS: (block, next successor index).
  std::vector<std::pair<size_t, size_t>> stack{{kEntry, 0}};
  seen[kEntry] = true;
  while (!stack.empty()) {
    auto& [block, next] = stack.back();
    if (next < blocks_[block].successors.size()) {
      size_t succ = blocks_[block].successors[next++];
      if (!seen[succ]) {
        seen[succ] = true;
        stack.push_back({succ, 0});
      }
      continue;
    }
    order.push_back(block);
    stack.pop_back();
  }
  std::reverse(order.begin(), order.end());
  for (size_t b = 0; b < blocks_.size(); ++b) {
    if (!seen[b]) order.push_back(b);
  }
  return order;
}

}  // namespace pygraft::transform
