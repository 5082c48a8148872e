#include "parser/syntax_errors.h"

#include <string>

#include "parser/convert.h"
#include "parser/syntax_tree.h"

namespace pygraft::parser {

namespace {

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

bool is_lone_token_error(TSNode error) {
  uint32_t children = ts_node_child_count(error);
  return children == 0 || (children == 1 && ts_node_child_count(ts_node_child(error, 0)) == 0);
}

// The last leaf of `node` that has text (comments and newlines skipped).
TSNode last_token(TSNode node) {
  TSNode current = node;
  while (ts_node_child_count(current) > 0) {
    TSNode chosen{};
    for (uint32_t i = ts_node_child_count(current); i-- > 0;) {
      TSNode child = ts_node_child(current, i);
      if (!ts_node_is_extra(child) && ts_node_end_byte(child) > ts_node_start_byte(child)) {
        chosen = child;
        break;
      }
    }
    if (ts_node_is_null(chosen)) return TSNode{};
    current = chosen;
  }
  return current;
}

// Note: tree-sitter wraps whatever it could not fit in one ERROR node, which
// may start well before the offending token. The token itself is named when
// it is the whole node or a one-token ERROR directly inside it.
void report_error_node(std::string_view source, TSNode error, DiagnosticSink& sink) {
  TSNode token = error;
  if (!is_lone_token_error(error)) {
    token = TSNode{};
    for (ChildCursor c(error); c.next();) {
      if (ts_node_is_error(c.node()) && is_lone_token_error(c.node())) {
        token = c.node();
        break;
      }
    }
  }
  std::string_view text = ts_node_is_null(token) ? std::string_view{} : text_of(source, token);
  if (text.empty() || text.front() == '\n' || text.front() == '\r') {
    // Code that stops after an operator or bracket (`return x +`) was cut
    // short; otherwise quote the start of what could not be parsed.
    TSNode last = last_token(error);
    std::string_view whole = text_of(source, error);
    if (!ts_node_is_null(last) && !ts_node_is_named(last)) {
      sink.report(DiagCode::SyntaxError, range_of(error),
                  "invalid syntax: expected more after " + quote(text_of(source, last)));
    } else if (!whole.empty()) {
      sink.report(DiagCode::SyntaxError, range_of(error), "invalid syntax in " + quote(whole));
    } else {
      sink.report(DiagCode::SyntaxError, range_of(error), "invalid syntax");
    }
    return;
  }
  sink.report(DiagCode::SyntaxError, range_of(token), "invalid syntax: unexpected " + quote(text));
}

std::string missing_message(TSNode missing) {
  std::string_view type = ts_node_type(missing);
  if (type == "_indent") return "expected an indented block";
  if (type == "_newline") return "expected a new line";
  if (type == "string_end") return "unterminated string literal";
  if (type == "identifier") return "expected a name";
  if (ts_node_is_named(missing)) {
    std::string words(type);
    for (char& c : words) c = c == '_' ? ' ' : c;
    return "expected " + words;
  }
  return "expected '" + std::string(type) + "'";
}

}  // namespace

void report_syntax_errors(std::string_view source, TSNode root, DiagnosticSink& sink) {
  if (!ts_node_has_error(root)) return;
  TreeCursor cursor(root);
  TSTreeCursor* c = cursor.get();
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(c);
    bool descend = false;
    if (ts_node_is_error(node)) {
      report_error_node(source, node, sink);
    } else if (ts_node_is_missing(node)) {
      sink.report(DiagCode::SyntaxError, range_of(node), missing_message(node));
    } else {
      descend = ts_node_has_error(node);
    }
    if (descend && ts_tree_cursor_goto_first_child(c)) continue;
    while (!ts_tree_cursor_goto_next_sibling(c)) {
      if (!ts_tree_cursor_goto_parent(c)) return;
    }
  }
}

}  // namespace pygraft::parser
