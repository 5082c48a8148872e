// The control-flow graph of one function body, over AST statements (as
// AutoGraph's pyct/cfg.py): basic blocks of statement parts with edges for
// if/elif/else, while and for (with else clauses), break, continue, return and
// loop back edges.
//
// Requires: a function body from the parser or any stage of
// transform/ast_passes; `break`/`continue` outside a loop are tolerated (they
// end the path, the parser reports them).
// Guarantees:
//  - block 0 is the entry (empty), block 1 the exit (empty); every `return`
//    and the end of the body flow into the exit;
//  - an if adds {if, Test} to the current block, then branches; a while's test
//    heads its own block (the back edges and `continue` go there); a for adds
//    {for, ForIter} to the current block, then an empty header block (back
//    edges, `continue`) and {for, ForNext} starts the body, so the target is
//    assigned only when the loop goes on; a loop's else clause runs from the header when the loop
//    ends, `break` skips it;
//  - code after return/break/continue lands in a block with no predecessors;
//  - a while loop whose test is a true constant (`while True:`, `while 1:`)
//    has no edge from its test to its else clause: only a break leaves it;
//  - every name the function reads or writes (and each parameter, first) has
//    a number (names()), and each element lists the names its part reads and
//    writes (reads(), writes()), so analyses never touch strings;
//  - every statement has a `before` point (where its first part runs) and an
//    `after` point (where control continues when it completes normally), so
//    analyses can answer per-statement queries.
// The graph holds pointers into the AST: rebuild it after any rewrite.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "parser/ast.h"
#include "transform/analysis/activity.h"
#include "transform/analysis/name_index.h"

namespace pygraft::transform {

struct CfgElement {
  const ast::Stmt* stmt = nullptr;
  StmtPart part = StmtPart::Whole;
  // What the part reads and writes: spans of Cfg's name numbers.
  uint32_t reads_begin = 0;
  uint32_t reads_end = 0;
  uint32_t writes_end = 0;  // the writes follow the reads
};

// A block's elements and edges, as views into the Cfg's flat arrays (one
// allocation per array for the whole function, not three per block).
struct CfgBlock {
  std::span<const CfgElement> elements;
  std::span<const size_t> successors;
  std::span<const size_t> predecessors;
};

// A position between elements: before element `index` of `block` (index ==
// size means the end of the block).
struct CfgPoint {
  size_t block = 0;
  size_t index = 0;
};

class Cfg {
 public:
  static constexpr size_t kEntry = 0;
  static constexpr size_t kExit = 1;

  // Parameters are numbered first, in order (names() ids 0..params-1).
  static Cfg build(const ast::FunctionDef& function);
  static Cfg build(const ast::Block& body);

  // Move-only: the blocks are views into the Cfg's own arrays.
  Cfg() = default;
  Cfg(Cfg&&) = default;
  Cfg& operator=(Cfg&&) = default;
  Cfg(const Cfg&) = delete;
  Cfg& operator=(const Cfg&) = delete;

  const std::vector<CfgBlock>& blocks() const { return blocks_; }
  const NameIndex& names() const { return names_; }
  std::span<const NameId> reads(const CfgElement& element) const {
    return {ids_.data() + element.reads_begin, ids_.data() + element.reads_end};
  }
  std::span<const NameId> writes(const CfgElement& element) const {
    return {ids_.data() + element.reads_end, ids_.data() + element.writes_end};
  }
  // Where the statement's first part runs. Null for a statement not in the body.
  const CfgPoint* before(const ast::Stmt& stmt) const;
  // Where control continues after the statement completes normally.
  const CfgPoint* after(const ast::Stmt& stmt) const;
  // A while/for loop's header: before its test / its per-iteration step, the
  // target of the back edges and of `continue`.
  const CfgPoint* header(const ast::Stmt& loop) const;
  // Blocks in reverse post-order from the entry (unreachable blocks last).
  const std::vector<size_t>& reverse_post_order() const { return rpo_; }

 private:
  friend class CfgBuilder;
  std::vector<CfgBlock> blocks_;
  std::vector<CfgElement> elements_;  // grouped by block
  std::vector<size_t> successors_;    // grouped by block
  std::vector<size_t> predecessors_;  // grouped by block
  NameIndex names_;
  std::vector<NameId> ids_;  // the elements' reads and writes, back to back
  // Each statement's points, sorted by address (no hashing, no node per entry).
  struct StmtPoints {
    const ast::Stmt* stmt;
    CfgPoint before;
    CfgPoint after;
    CfgPoint header;  // loops only
  };
  const StmtPoints* points_of(const ast::Stmt& stmt) const;
  std::vector<size_t> compute_reverse_post_order() const;
  std::vector<StmtPoints> points_;
  std::vector<size_t> rpo_;
};

}  // namespace pygraft::transform
