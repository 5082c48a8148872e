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
    return std::move(cfg_);
  }

 private:
  struct LoopTargets {
    size_t continue_to;
    size_t break_to;
  };

  size_t new_block() {
    cfg_.blocks_.emplace_back();
    return cfg_.blocks_.size() - 1;
  }
  void connect(size_t from, size_t to) {
    cfg_.blocks_[from].successors.push_back(to);
    cfg_.blocks_[to].predecessors.push_back(from);
  }
  CfgPoint here() const { return {current_, cfg_.blocks_[current_].elements.size()}; }
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
    cfg_.blocks_[current_].elements.push_back(element);
  }
  // Control leaves the current block for `to`; what follows is unreachable.
  void jump(size_t to) {
    connect(current_, to);
    current_ = new_block();
  }

  void visit_block(const ast::Block& block) {
    for (const ast::StmtPtr& stmt : block) visit(*stmt);
  }

  void visit(const ast::Stmt& stmt) {
    cfg_.before_[&stmt] = here();
    if (const auto* s = std::get_if<ast::If>(&stmt.kind)) {
      visit_if(stmt, *s);
    } else if (const auto* w = std::get_if<ast::While>(&stmt.kind)) {
      visit_while(stmt, *w);
    } else if (const auto* f = std::get_if<ast::For>(&stmt.kind)) {
      visit_for(stmt, *f);
    } else {
      visit_simple(stmt);
      return;  // after_ was set by visit_simple
    }
    cfg_.after_[&stmt] = here();
  }

  void visit_simple(const ast::Stmt& stmt) {
    add(stmt, StmtPart::Whole);
    cfg_.after_[&stmt] = here();
    if (std::holds_alternative<ast::Return>(stmt.kind)) {
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

  void visit_while(const ast::Stmt& stmt, const ast::While& w) {
    size_t header = new_block();
    connect(current_, header);
    current_ = header;
    cfg_.before_[&stmt] = here();
    cfg_.header_[&stmt] = here();
    add(stmt, StmtPart::Test);
    visit_loop(header, w.body, w.orelse, nullptr, is_constant_true(*w.test));
  }

  void visit_for(const ast::Stmt& stmt, const ast::For& f) {
    add(stmt, StmtPart::ForIter);
    size_t header = new_block();
    connect(current_, header);
    current_ = header;
    cfg_.header_[&stmt] = here();
    visit_loop(header, f.body, f.orelse, &stmt);
  }

  Cfg cfg_;
  size_t current_ = 0;
  std::vector<LoopTargets> loops_;
};

Cfg Cfg::build(const ast::FunctionDef& function) {
  return CfgBuilder().take_from(function.body, function.params);
}

Cfg Cfg::build(const ast::Block& body) {
  return CfgBuilder().take_from(body, {});
}

const CfgPoint* Cfg::before(const ast::Stmt& stmt) const {
  auto it = before_.find(&stmt);
  return it == before_.end() ? nullptr : &it->second;
}

const CfgPoint* Cfg::after(const ast::Stmt& stmt) const {
  auto it = after_.find(&stmt);
  return it == after_.end() ? nullptr : &it->second;
}

const CfgPoint* Cfg::header(const ast::Stmt& loop) const {
  auto it = header_.find(&loop);
  return it == header_.end() ? nullptr : &it->second;
}

std::vector<size_t> Cfg::reverse_post_order() const {
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
