#include "parser/syntax_errors.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "parser/convert.h"
#include "parser/syntax_tree.h"

namespace pygraft::parser {

namespace {

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
// When the line where `error` starts is a compound statement header without
// its ':' (`if x > 0` then a new line), the keyword and the column (1-based)
// just after the header; else an empty keyword.
struct MissingColon {
  std::string_view keyword;
  uint32_t column = 0;
};

// Whether `code` has a ':' outside brackets: a header that has its colon,
// maybe followed by a one-line body (`for i in r: a  b` is another error).
bool has_top_level_colon(std::string_view code) {
  int depth = 0;
  for (char c : code) {
    if (c == '(' || c == '[' || c == '{') ++depth;
    if ((c == ')' || c == ']' || c == '}') && depth > 0) --depth;
    if (c == ':' && depth == 0) return true;
  }
  return false;
}

MissingColon header_missing_colon(std::string_view source, TSNode error) {
  size_t start = std::min<size_t>(ts_node_start_byte(error), source.size());
  size_t line_begin = start == 0 ? std::string_view::npos : source.rfind('\n', start - 1);
  line_begin = line_begin == std::string_view::npos ? 0 : line_begin + 1;
  size_t line_end = std::min(source.find('\n', start), source.size());
  std::string_view line = source.substr(line_begin, line_end - line_begin);
  // Note: a '#' inside a string would fool this; then no special message.
  std::string_view code = line.substr(0, line.find('#'));
  size_t last = code.find_last_not_of(" \t\r\f");
  size_t first = code.find_first_not_of(" \t\f");
  if (last == std::string_view::npos || code[last] == ':' || has_top_level_colon(code)) return {};
  std::string_view head = code.substr(first, last + 1 - first);
  static const std::string_view kKeywords[] = {"if",  "elif", "else", "while",  "for",
                                               "def", "with", "try",  "except", "finally"};
  for (std::string_view keyword : kKeywords) {
    if (head.substr(0, keyword.size()) != keyword) continue;
    char next = head.size() > keyword.size() ? head[keyword.size()] : ' ';
    if (next == ' ' || next == '(' || next == '\t') {
      return {keyword, static_cast<uint32_t>(last + 2)};
    }
  }
  return {};
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// When `token` (a name, number or closing bracket) is followed on its line,
// after blanks, by a word that is not a keyword (`y = x  print(x)`), the
// range of that word: CPython's "invalid syntax" points there.
std::optional<SourceRange> juxtaposed_word(std::string_view source, TSNode token) {
  std::string_view text = text_of(source, token);
  if (text.empty() || !(is_word_char(text.back()) || text.back() == ')' || text.back() == ']')) {
    return std::nullopt;
  }
  size_t at = std::min<size_t>(ts_node_end_byte(token), source.size());
  size_t begin = source.find_first_not_of(" \t\f", at);
  if (begin == at || begin == std::string_view::npos || !is_word_char(source[begin])) {
    return std::nullopt;
  }
  size_t end = begin;
  while (end < source.size() && is_word_char(source[end])) ++end;
  static const std::string_view kKeywords[] = {"and",  "as",     "else", "for",   "in",    "is",
                                               "not",  "or",     "if",   "async", "await", "lambda",
                                               "from", "import", "with", "return"};
  std::string_view word = source.substr(begin, end - begin);
  for (std::string_view keyword : kKeywords) {
    if (word == keyword) return std::nullopt;
  }
  TSPoint point = ts_node_end_point(token);
  auto column = static_cast<uint32_t>(point.column + 1 + (begin - at));
  uint32_t line = point.row + 1;
  return SourceRange{line, column, line, static_cast<uint32_t>(column + (end - begin))};
}

// The text of `range`, which lies on the line where `token` ends.
std::string_view text_at(std::string_view source, TSNode token, const SourceRange& range) {
  size_t at = ts_node_end_byte(token) + (range.column - 1 - ts_node_end_point(token).column);
  return source.substr(at, range.end_column - range.column);
}

void report_error_node(std::string_view source, TSNode error, DiagnosticSink& sink) {
  if (MissingColon missing = header_missing_colon(source, error); !missing.keyword.empty()) {
    uint32_t line = ts_node_start_point(error).row + 1;
    sink.report(
        DiagCode::SyntaxError, SourceRange{line, missing.column, line, missing.column + 1},
        "invalid syntax: expected ':' to end the '" + std::string(missing.keyword) + "' header");
    return;
  }
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
    whole.remove_prefix(std::min(whole.find_first_not_of(" \t\r\n\f"), whole.size()));
    std::string_view last_text = ts_node_is_null(last) ? "" : text_of(source, last);
    bool closes = last_text == ")" || last_text == "]" || last_text == "}";
    if (!ts_node_is_null(last) && !ts_node_is_named(last) && !closes) {
      sink.report(DiagCode::SyntaxError, range_of(error),
                  "invalid syntax: expected more after " + quote(last_text));
    } else if (!whole.empty()) {
      sink.report(DiagCode::SyntaxError, range_of(error), "invalid syntax in " + quote(whole));
    } else {
      sink.report(DiagCode::SyntaxError, range_of(error),
                  "invalid syntax: the statement is incomplete; check the brackets and colons on "
                  "this line and the line above");
    }
    return;
  }
  if (std::optional<SourceRange> next = juxtaposed_word(source, token)) {
    sink.report(DiagCode::SyntaxError, *next,
                "invalid syntax: " + quote(text_at(source, token, *next)) + " follows " +
                    quote(text) +
                    " with no operator between them; put two statements on separate lines or "
                    "separate them with ';'");
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
  return "invalid syntax: expected '" + std::string(type) + "' here";
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
