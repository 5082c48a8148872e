// Names in code the converter leaves out (see ast::DroppedNames): every
// identifier of the dropped subtree, found by an iterative walk so that a
// 10 000-deep subtree costs no stack.
#include "parser/convert.h"

namespace pygraft::parser {

namespace {

// Moves the cursor to the next node in preorder that is not below the
// starting node, skipping the current node's children when `skip_children`;
// false when the subtree is exhausted.
bool advance(TSTreeCursor* cursor, bool skip_children = false) {
  if (!skip_children && ts_tree_cursor_goto_first_child(cursor)) return true;
  while (true) {
    if (ts_tree_cursor_goto_next_sibling(cursor)) return true;
    if (!ts_tree_cursor_goto_parent(cursor)) return false;
  }
}

}  // namespace

void note_dropped(Context& ctx, TSNode node) {
  if (ctx.dropped_names == nullptr || ts_node_is_null(node)) return;
  TreeCursor cursor(node);
  bool defines = false;  // the previous token was `def` or `class`
  do {
    TSNode current = ts_tree_cursor_current_node(cursor.get());
    // Note: inside ERROR nodes keywords may come out as identifiers.
    std::string_view text = ctx.text(current);
    if (ctx.is(current, ctx.sym().identifier) && (text == "def" || text == "class")) {
      defines = true;
    } else if (ctx.is(current, ctx.sym().identifier)) {
      ctx.dropped_names->emplace(text);
      // Note: a def swallowed by a broken function (error recovery) defines
      // a name every function can call.
      if (defines && ctx.module_dropped_names != nullptr) {
        ctx.module_dropped_names->emplace(text);
      }
      defines = false;
    } else if (!ts_node_is_named(current)) {
      std::string_view token = ts_node_type(current);
      defines = token == "def" || token == "class";
    }
  } while (advance(cursor.get()));
}

void note_error_subtrees(Context& ctx, TSNode node) {
  if (ctx.dropped_names == nullptr || ts_node_is_null(node) || !ts_node_has_error(node)) return;
  TreeCursor cursor(node);
  bool skip = false;
  do {
    TSNode current = ts_tree_cursor_current_node(cursor.get());
    skip = ts_node_is_error(current);
    if (skip) note_dropped(ctx, current);
  } while (advance(cursor.get(), skip));
}

ast::ExprPtr make_placeholder(Context& ctx, TSNode node) {
  ++ctx.placeholders;
  note_dropped(ctx, node);
  return make_none(ts_node_is_null(node) ? SourceRange{} : range_of(node));
}

DroppedNamesScope::DroppedNamesScope(Context& ctx, ast::DroppedNames& names)
    : ctx_(ctx), outer_(ctx.dropped_names) {
  ctx_.dropped_names = &names;
}

DroppedNamesScope::~DroppedNamesScope() {
  ctx_.dropped_names = outer_;
}

}  // namespace pygraft::parser
