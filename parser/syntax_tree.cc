#include "parser/syntax_tree.h"

namespace pygraft::parser {

ChildCursor::ChildCursor(TSNode parent) : cursor_(ts_tree_cursor_new(parent)) {}

ChildCursor::~ChildCursor() {
  ts_tree_cursor_delete(&cursor_);
}

bool ChildCursor::next() {
  if (done_) return false;
  bool moved = started_ ? ts_tree_cursor_goto_next_sibling(&cursor_)
                        : ts_tree_cursor_goto_first_child(&cursor_);
  started_ = true;
  done_ = !moved;
  return moved;
}

std::vector<TSNode> named_children(TSNode node) {
  std::vector<TSNode> out;
  for (ChildCursor c(node); c.next();) {
    TSNode child = c.node();
    if (ts_node_is_named(child) && !ts_node_is_extra(child)) out.push_back(child);
  }
  return out;
}

std::vector<TSNode> field_children(TSNode node, TSFieldId field) {
  std::vector<TSNode> out;
  for (ChildCursor c(node); c.next();) {
    if (c.field() == field && !ts_node_is_extra(c.node())) out.push_back(c.node());
  }
  return out;
}

bool has_token_child(TSNode node, TSSymbol symbol) {
  for (ChildCursor c(node); c.next();) {
    if (!ts_node_is_named(c.node()) && ts_node_symbol(c.node()) == symbol) return true;
  }
  return false;
}

SourceRange range_of(TSNode node) {
  return range_between(node, node);
}

SourceRange range_between(TSNode first, TSNode last) {
  TSPoint start = ts_node_start_point(first);
  TSPoint end = ts_node_end_point(last);
  return SourceRange{start.row + 1, start.column + 1, end.row + 1, end.column + 1};
}

std::string_view text_of(std::string_view source, TSNode node) {
  uint32_t start = ts_node_start_byte(node);
  uint32_t end = ts_node_end_byte(node);
  if (start > source.size() || end > source.size() || end < start) return {};
  return source.substr(start, end - start);
}

}  // namespace pygraft::parser
