// Small helpers over tree-sitter's C API: RAII owners for the parser, tree
// and cursor, node ranges and text, and a cursor walk over a node's children
// (tree-sitter's ts_node_child(i) is linear in i, so repeated children are
// always read with a cursor).
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <string_view>
#include <vector>

#include "support/source_range.h"

namespace pygraft::parser {

struct ParserDeleter {
  void operator()(TSParser* parser) const { ts_parser_delete(parser); }
};
struct TreeDeleter {
  void operator()(TSTree* tree) const { ts_tree_delete(tree); }
};
using ParserPtr = std::unique_ptr<TSParser, ParserDeleter>;
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

// Owns a tree-sitter cursor rooted at a node: goto_parent never leaves that
// node's subtree.
class TreeCursor {
 public:
  explicit TreeCursor(TSNode root) : cursor_(ts_tree_cursor_new(root)) {}
  ~TreeCursor() { ts_tree_cursor_delete(&cursor_); }
  TreeCursor(const TreeCursor&) = delete;
  TreeCursor& operator=(const TreeCursor&) = delete;
  TSTreeCursor* get() { return &cursor_; }

 private:
  TSTreeCursor cursor_;
};

// Walks the direct children of a node, in order:
//   for (ChildCursor c(node); c.next();) use(c.node(), c.field());
class ChildCursor {
 public:
  explicit ChildCursor(TSNode parent);
  ~ChildCursor();
  ChildCursor(const ChildCursor&) = delete;
  ChildCursor& operator=(const ChildCursor&) = delete;

  bool next();
  TSNode node() const { return ts_tree_cursor_current_node(&cursor_); }
  TSFieldId field() const { return ts_tree_cursor_current_field_id(&cursor_); }

 private:
  TSTreeCursor cursor_;
  bool started_ = false;
  bool done_ = false;
};

// The named children that carry meaning: comments and other extras skipped.
std::vector<TSNode> named_children(TSNode node);

// The meaningful children stored under one field (e.g. a subscript's items).
std::vector<TSNode> field_children(TSNode node, TSFieldId field);

// True when a direct child is the anonymous token `symbol` (e.g. ',').
bool has_token_child(TSNode node, TSSymbol symbol);

SourceRange range_of(TSNode node);
// From the start of `first` to the end of `last`.
SourceRange range_between(TSNode first, TSNode last);

std::string_view text_of(std::string_view source, TSNode node);

}  // namespace pygraft::parser
