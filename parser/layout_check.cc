#include "parser/layout_check.h"

#include <array>
#include <vector>

namespace pygraft::parser {

namespace {

// Tab stops as CPython's tokenizer counts them: `column` with tabs to the
// next multiple of 8, `alt_column` with a tab as one column. Two lines are
// consistently indented only when both counts order them the same way.
constexpr uint32_t kTabSize = 8;

struct Indent {
  uint32_t column = 0;
  uint32_t alt_column = 0;
};

// The indentation of the line starting at `begin`; `end` receives the
// offset of its first character after the indentation.
Indent measure_indent(std::string_view source, size_t begin, size_t& end) {
  Indent indent;
  size_t i = begin;
  for (; i < source.size(); ++i) {
    char c = source[i];
    if (c == ' ') {
      ++indent.column;
      ++indent.alt_column;
    } else if (c == '\t') {
      indent.column = (indent.column / kTabSize + 1) * kTabSize;
      ++indent.alt_column;
    } else if (c == '\f') {
      indent = Indent{};  // a form feed resets the count, as in CPython
    } else {
      break;
    }
  }
  end = i;
  return indent;
}

bool is_newline(char c) {
  return c == '\n' || c == '\r';
}

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// How CPython names a block opener in "expected an indented block after
// ...", from the first words of its line; empty when the line does not open
// a compound statement.
std::string header_description(std::string_view first, std::string_view second) {
  if (first == "async") first = second;
  if (first == "def") return "function definition";
  if (first == "class") return "class definition";
  static constexpr std::array<std::string_view, 11> kStatements = {
      "if", "elif", "else", "while", "for", "try", "except", "finally", "with", "match", "case"};
  for (std::string_view keyword : kStatements) {
    if (first == keyword) return "'" + std::string(keyword) + "' statement";
  }
  return "";
}

// One pass over the source: strings, comments, brackets and line joins are
// followed just far enough to know where each logical line starts and ends.
class LayoutScanner {
 public:
  explicit LayoutScanner(std::string_view source) : source_(source) {}

  std::optional<LayoutProblem> run() {
    while (pos_ < source_.size() && !problem_) {
      if (!continues_line_) start_line();
      if (!problem_) scan_rest_of_line();
    }
    if (!problem_ && !block_header_.empty()) report_missing_block_at_end();
    return std::move(problem_);
  }

 private:
  // ---- positions ----
  uint32_t column_of(size_t offset) const {
    return static_cast<uint32_t>(offset - line_begin_ + 1);
  }
  SourceRange point(size_t offset) const {
    return SourceRange{line_, column_of(offset), line_, column_of(offset) + 1};
  }
  void report(DiagCode code, SourceRange range, std::string message) {
    problem_ = LayoutProblem{code, range, std::move(message)};
  }

  // ---- logical lines ----
  // At the start of a physical line that is not a continuation: blank and
  // comment-only lines are skipped, others are checked against the stack.
  void start_line() {
    size_t code = 0;
    Indent indent = measure_indent(source_, pos_, code);
    if (code == source_.size() || is_newline(source_[code]) || source_[code] == '#') {
      pos_ = code;  // a blank line: its indentation means nothing
      return;
    }
    check_indent(indent, code);
    pos_ = code;
    begin_logical_line(code);
  }

  void check_indent(Indent indent, size_t code) {
    const Indent top = stack_.back();
    if (indent.column > top.column) {
      if (stack_.size() >= static_cast<size_t>(kMaxIndentLevels)) {
        return report(DiagCode::NestingTooDeep, point(code),
                      "IndentationError: too many levels of indentation (CPython allows " +
                          std::to_string(kMaxIndentLevels - 1) +
                          " nested blocks); move the inner blocks into a function");
      }
      if (indent.alt_column <= top.alt_column) return report_tab_error(code);
      if (block_header_.empty() && !ended_with_colon_) {
        return report(DiagCode::IndentationError, point(code),
                      "IndentationError: unexpected indent; only the block after a line ending "
                      "with ':' is indented deeper than the line before it");
      }
      stack_.push_back(indent);
      block_header_.clear();
      return;
    }
    while (stack_.size() > 1 && indent.column < stack_.back().column) stack_.pop_back();
    if (indent.column != stack_.back().column) {
      return report(DiagCode::IndentationError, point(code),
                    "IndentationError: unindent does not match any outer indentation level; "
                    "line this statement up with the block it belongs to");
    }
    if (indent.alt_column != stack_.back().alt_column) return report_tab_error(code);
    if (!block_header_.empty()) report_missing_block(point(code));
  }

  void report_tab_error(size_t code) {
    report(DiagCode::TabError, SourceRange{line_, 1, line_, column_of(code)},
           "TabError: inconsistent use of tabs and spaces in indentation; indent with spaces "
           "only");
  }

  void report_missing_block(SourceRange range) {
    report(DiagCode::IndentationError, range,
           "IndentationError: expected an indented block after " + block_header_ + " on line " +
               std::to_string(block_header_line_) + "; indent its body, or write 'pass'");
  }

  // At the end of the file CPython reports the missing block just past the
  // last text of the file (comments included).
  void report_missing_block_at_end() {
    size_t end = source_.find_last_not_of(" \t\f\r\n");
    end = end == std::string_view::npos ? 0 : end + 1;
    line_ = 1;
    line_begin_ = 0;
    for (size_t i = 0; i < end; ++i) {
      bool lone_cr = source_[i] == '\r' && (i + 1 == source_.size() || source_[i + 1] != '\n');
      if (source_[i] == '\n' || lone_cr) {
        ++line_;
        line_begin_ = i + 1;
      }
    }
    report_missing_block(point(end));
  }

  // Reads the first words of a logical line: do they open a compound statement?
  void begin_logical_line(size_t code) {
    size_t first_end = code;
    while (first_end < source_.size() && is_word_char(source_[first_end])) ++first_end;
    size_t second = first_end;
    while (second < source_.size() && (source_[second] == ' ' || source_[second] == '\t')) {
      ++second;
    }
    size_t second_end = second;
    while (second_end < source_.size() && is_word_char(source_[second_end])) ++second_end;
    line_header_ = header_description(source_.substr(code, first_end - code),
                                      source_.substr(second, second_end - second));
    logical_line_ = line_;
    last_significant_ = '\0';
    in_logical_line_ = true;
  }

  // A newline outside brackets, strings and backslash joins ends the line.
  void end_logical_line() {
    if (!in_logical_line_) return;  // a blank or comment-only line
    in_logical_line_ = false;
    ended_with_colon_ = last_significant_ == ':';
    if (ended_with_colon_ && !line_header_.empty()) {
      block_header_ = line_header_;
      block_header_line_ = logical_line_;
    }
  }

  // ---- tokens ----
  void scan_rest_of_line() {
    continues_line_ = false;
    if (quote_ != '\0' && !scan_string()) return;
    while (pos_ < source_.size() && !problem_) {
      char c = source_[pos_];
      if (is_newline(c)) return newline();
      if (c == '#') {
        while (pos_ < source_.size() && !is_newline(source_[pos_])) ++pos_;
      } else if (c == '\\' && pos_ + 1 < source_.size() && is_newline(source_[pos_ + 1])) {
        ++pos_;
        skip_newline();
        continues_line_ = true;  // an explicit line join
        return;
      } else if (c == '\'' || c == '"') {
        open_string(c);
        if (!scan_string()) return;
      } else {
        token(c);
        ++pos_;
      }
    }
  }

  void token(char c) {
    if (c == ' ' || c == '\t' || c == '\f') return;
    last_significant_ = c;
    if (c == '(' || c == '[' || c == '{') {
      if (brackets_ >= kMaxBracketLevels) {
        return report(DiagCode::NestingTooDeep, point(pos_),
                      "too many nested parentheses (CPython's limit is " +
                          std::to_string(kMaxBracketLevels) +
                          "); split the expression with intermediate variables");
      }
      ++brackets_;
    } else if ((c == ')' || c == ']' || c == '}') && brackets_ > 0) {
      --brackets_;
    }
  }

  void skip_newline() {
    if (source_[pos_] == '\r' && pos_ + 1 < source_.size() && source_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    line_begin_ = pos_;
  }

  void newline() {
    skip_newline();
    // Note: inside brackets the next line continues this one (implicit join).
    if (brackets_ > 0) {
      continues_line_ = true;
    } else {
      end_logical_line();
    }
  }

  void open_string(char quote) {
    last_significant_ = quote;
    triple_ = pos_ + 2 < source_.size() && source_[pos_ + 1] == quote && source_[pos_ + 2] == quote;
    quote_ = quote;
    pos_ += triple_ ? 3 : 1;
  }

  // Scans string content up to its closing quote (true) or to the end of the
  // physical line when the string goes on past it (false, the line is
  // continued). A single-quoted string left open at a newline ends there:
  // tree-sitter reports it.
  bool scan_string() {
    while (pos_ < source_.size()) {
      char c = source_[pos_];
      if (c == '\\' && pos_ + 1 < source_.size()) {
        ++pos_;
        if (is_newline(source_[pos_])) {
          skip_newline();
          continues_line_ = true;
          return false;
        }
        ++pos_;
      } else if (is_newline(c)) {
        if (!triple_) {
          quote_ = '\0';
          return true;  // unterminated: the newline is handled as code
        }
        skip_newline();
        continues_line_ = true;
        return false;
      } else if (c == quote_ &&
                 (!triple_ || (pos_ + 2 < source_.size() && source_[pos_ + 1] == quote_ &&
                               source_[pos_ + 2] == quote_))) {
        pos_ += triple_ ? 3 : 1;
        quote_ = '\0';
        return true;
      } else {
        ++pos_;
      }
    }
    return false;
  }

  std::string_view source_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  size_t line_begin_ = 0;
  std::optional<LayoutProblem> problem_;

  std::vector<Indent> stack_{Indent{}};
  int brackets_ = 0;
  bool continues_line_ = false;
  char quote_ = '\0';  // inside a string opened with this quote
  bool triple_ = false;

  // The logical line being scanned.
  bool in_logical_line_ = false;
  std::string line_header_;  // set when it starts like a compound statement
  uint32_t logical_line_ = 1;
  char last_significant_ = '\0';
  // The last logical line ended with ':'; when it opened a block,
  // block_header_ says which (until the block's first line is seen).
  bool ended_with_colon_ = false;
  std::string block_header_;
  uint32_t block_header_line_ = 0;
};

}  // namespace

std::optional<LayoutProblem> check_layout(std::string_view source) {
  return LayoutScanner(source).run();
}

}  // namespace pygraft::parser
