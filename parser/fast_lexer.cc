#include "parser/fast_lexer.h"

#include <array>

namespace pygraft::parser {

namespace {

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_name_char(char c) {
  return is_name_start(c) || is_digit(c);
}

// A string prefix (r, b, u, f, t and their pairs, any case) right before a quote.
bool is_string_prefix(std::string_view word) {
  if (word.empty() || word.size() > 2) return false;
  for (char c : word) {
    char lower = static_cast<char>(c | 0x20);
    if (lower != 'r' && lower != 'b' && lower != 'u' && lower != 'f' && lower != 't') return false;
  }
  return true;
}

// Longest first within each length.
constexpr std::array<std::string_view, 24> kLongOperators = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=",
    ">=",  "==",  "!=",  "+=",  "-=",  "*=", "/=", "%=", "&=", "|=", "^=", "@="};
constexpr std::string_view kShortOperators = "+-*/%@&|^~<>()[]{},:.;=";

}  // namespace

const Token& FastLexer::peek_slow(size_t ahead) {
  if (ahead >= TokenRing::kCapacity / 2) fail();
  while (pending_.size() <= ahead) produce();
  return pending_[ahead];
}

Token FastLexer::next() {
  peek();
  Token token = pending_.front();
  pending_.pop_front();
  return token;
}

void FastLexer::fail() {
  failed_ = true;
  pos_ = source_.size();
}

FastLexer::Mark FastLexer::mark_here() const {
  return {static_cast<uint32_t>(pos_), line_, static_cast<uint32_t>(pos_ - line_begin_ + 1)};
}

void FastLexer::push_at_mark(TokenKind kind) {
  Token token;
  token.kind = kind;
  token.begin = token.end = mark_.offset;
  token.line = token.end_line = mark_.line;
  token.column = token.end_column = mark_.column;
  append(token);
}

// Closes the blocks deeper than `width`: each DEDENT after the comment lines
// (in order) indented at least as deep as the block it closes.
void FastLexer::dedent_to(uint32_t width) {
  size_t next = 0;
  while (indents_.size() > 1 && width < indents_.back()) {
    for (; next < comments_.size() && comments_[next].width >= indents_.back(); ++next) {
      mark_ = comments_[next].end;
    }
    indents_.pop_back();
    push_at_mark(TokenKind::Dedent);
  }
  comments_.clear();
}

void FastLexer::push(TokenKind kind, size_t begin, size_t end) {
  Token token;
  token.kind = kind;
  token.begin = static_cast<uint32_t>(begin);
  token.end = static_cast<uint32_t>(end);
  token.line = line_;
  token.column = static_cast<uint32_t>(begin - line_begin_ + 1);
  token.end_line = line_;
  token.end_column = static_cast<uint32_t>(end - line_begin_ + 1);
  append(token);
  if (kind == TokenKind::Name || kind == TokenKind::Number || kind == TokenKind::Op) {
    mark_ = {token.end, token.end_line, token.end_column};
  }
}

// Called until it appended a token; at the end of the text: the last
// NEWLINE, the DEDENTs back to column 0, then End for ever.
void FastLexer::produce() {
  size_t before = pending_.size();
  while (pending_.size() == before) {
    if (finished_ || failed_) {
      push(TokenKind::End, source_.size(), source_.size());
      return;
    }
    if (pos_ >= source_.size()) {
      if (in_logical_line_) push_at_mark(TokenKind::Newline);
      in_logical_line_ = false;
      dedent_to(0);
      finished_ = true;
      continue;
    }
    if (at_line_start_ && brackets_ == 0) {
      start_line();
    } else {
      scan_token();
    }
  }
}

// Indentation at the start of a logical line: blank and comment-only lines
// do not count. The layout check has already refused inconsistent layouts.
void FastLexer::start_line() {
  size_t i = pos_;
  uint32_t width = 0;
  for (; i < source_.size() && (source_[i] == ' ' || source_[i] == '\t'); ++i) {
    width = source_[i] == '\t' ? width + 8 : width + 1;  // as tree-sitter's scanner counts
  }
  pos_ = i;
  line_width_ = width;
  if (i == source_.size()) return;
  char c = source_[i];
  at_line_start_ = false;
  if (c == '\n' || c == '#' || c == '\r') return;  // a blank or comment line
  in_logical_line_ = true;
  if (width > indents_.back()) {
    indents_.push_back(width);
    comments_.clear();
    push(TokenKind::Indent, i, i);
    return;
  }
  dedent_to(width);
  if (width != indents_.back()) fail();
}

void FastLexer::newline() {
  if (source_[pos_] == '\r') {
    if (pos_ + 1 >= source_.size() || source_[pos_ + 1] != '\n') return fail();  // a lone CR
    ++pos_;
  }
  ++pos_;
  if (brackets_ == 0 && in_logical_line_) {
    push_at_mark(TokenKind::Newline);
    in_logical_line_ = false;
  }
  ++line_;
  line_begin_ = pos_;
  at_line_start_ = true;
}

void FastLexer::scan_token() {
  char c = source_[pos_];
  if (c == ' ' || c == '\t') {
    ++pos_;
  } else if (c == '\n' || c == '\r') {
    newline();
  } else if (c == '#') {
    while (pos_ < source_.size() && source_[pos_] != '\n' && source_[pos_] != '\r') ++pos_;
    if (in_logical_line_) {
      mark_ = mark_here();  // a comment after code ends the line's text
    } else {
      comments_.push_back({line_width_, mark_here()});
    }
  } else if (c == '\\') {
    // An explicit line join: the next line continues this one.
    if (pos_ + 1 >= source_.size() || (source_[pos_ + 1] != '\n' && source_[pos_ + 1] != '\r')) {
      return fail();
    }
    ++pos_;
    bool code = in_logical_line_;
    int brackets = brackets_;
    brackets_ = 1;  // Note: no NEWLINE and no indentation for the joined line
    newline();
    brackets_ = brackets;
    in_logical_line_ = code;
    at_line_start_ = false;
  } else if (is_name_start(c)) {
    scan_name(pos_);
  } else if (is_digit(c) ||
             (c == '.' && pos_ + 1 < source_.size() && is_digit(source_[pos_ + 1]))) {
    scan_number(pos_);
  } else if (c == '"' || c == '\'') {
    if (!scan_string(pos_)) fail();
  } else {
    scan_operator(pos_);
  }
}

void FastLexer::scan_name(size_t start) {
  size_t i = start;
  while (i < source_.size() && is_name_char(source_[i])) ++i;
  if (i < source_.size() && (source_[i] == '"' || source_[i] == '\'') &&
      is_string_prefix(source_.substr(start, i - start))) {
    if (!scan_string(start)) fail();
    return;
  }
  if (i < source_.size() && static_cast<unsigned char>(source_[i]) >= 0x80) return fail();
  push(TokenKind::Name, start, i);
  pos_ = i;
}

// Python's number tokens: 0x / 0o / 0b digits; decimal digits with an
// optional fraction and exponent (and a trailing j, which the literal
// decoder refuses); underscores between digits. Its value is read by
// parser/literals.h. A letter or digit right after the token is refused.
void FastLexer::scan_number(size_t start) {
  size_t i = start;
  auto run = [&](bool hex) {
    while (i < source_.size() &&
           (is_digit(source_[i]) || source_[i] == '_' ||
            (hex && std::string_view("abcdefABCDEF").find(source_[i]) != std::string_view::npos))) {
      ++i;
    }
  };
  char marker = i + 1 < source_.size() ? static_cast<char>(source_[i + 1] | 0x20) : '\0';
  if (source_[i] == '0' && (marker == 'x' || marker == 'o' || marker == 'b')) {
    i += 2;
    run(marker == 'x');
  } else {
    run(false);
    if (i < source_.size() && source_[i] == '.') {
      ++i;
      run(false);
    }
    if (i < source_.size() && (source_[i] | 0x20) == 'e') {
      size_t exponent = i + 1;
      if (exponent < source_.size() && (source_[exponent] == '+' || source_[exponent] == '-')) {
        ++exponent;
      }
      if (exponent < source_.size() && is_digit(source_[exponent])) {
        i = exponent;
        run(false);
      }
    }
    if (i < source_.size() && (source_[i] | 0x20) == 'j') ++i;
  }
  if (i < source_.size() && (is_name_char(source_[i]) || source_[i] == '.')) {
    // `1.real`, `1if`: rare spellings the tokenizers may split differently.
    if (!(source_[i] == '.' && i + 1 < source_.size() && is_name_start(source_[i + 1]))) {
      return fail();
    }
  }
  push(TokenKind::Number, start, i);
  pos_ = i;
}

// From the prefix to the closing quote; a string runs over lines only when
// triple-quoted (or its newline is escaped). False for an unterminated one.
bool FastLexer::scan_string(size_t start) {
  size_t i = start;
  while (source_[i] != '"' && source_[i] != '\'') ++i;
  const char quote = source_[i];
  const bool triple = i + 2 < source_.size() && source_[i + 1] == quote && source_[i + 2] == quote;
  i += triple ? 3 : 1;
  const uint32_t first_line = line_;
  const size_t first_line_begin = line_begin_;
  uint32_t lines = 0;
  size_t last_line_begin = line_begin_;
  for (;;) {
    if (i >= source_.size()) return false;
    char c = source_[i];
    if (c == '\\') {
      if (i + 1 >= source_.size()) return false;
      if (source_[i + 1] == '\r') return false;  // keep CRLF out of the fast path
      if (source_[i + 1] == '\n') {
        ++lines;
        last_line_begin = i + 2;
      }
      i += 2;
    } else if (c == '\r') {
      return false;
    } else if (c == '\n') {
      if (!triple) return false;
      ++lines;
      last_line_begin = ++i;
    } else if (c == quote && (!triple || (i + 2 < source_.size() && source_[i + 1] == quote &&
                                          source_[i + 2] == quote))) {
      i += triple ? 3 : 1;
      break;
    } else {
      ++i;
    }
  }
  Token token;
  token.kind = TokenKind::String;
  token.begin = static_cast<uint32_t>(start);
  token.end = static_cast<uint32_t>(i);
  token.line = first_line;
  token.column = static_cast<uint32_t>(start - first_line_begin + 1);
  token.end_line = first_line + lines;
  token.end_column = static_cast<uint32_t>(i - last_line_begin + 1);
  append(token);
  mark_ = {token.end, token.end_line, token.end_column};
  line_ += lines;
  line_begin_ = last_line_begin;
  pos_ = i;
  return true;
}

void FastLexer::scan_operator(size_t start) {
  char c = source_[start];
  size_t length = 0;
  if (kShortOperators.find(c) != std::string_view::npos || c == '!') {
    // The longest operator starting here: 3, 2 or 1 characters.
    std::string_view rest = source_.substr(start, 3);
    bool may_be_long =
        rest.size() >= 2 && std::string_view("=*/<>.:").find(rest[1]) != std::string_view::npos;
    for (std::string_view op : kLongOperators) {
      if (!may_be_long) break;
      if (op.size() <= rest.size() && rest.substr(0, op.size()) == op) {
        length = op.size();
        break;
      }
    }
    if (length == 0 && c != '!') length = 1;
  }
  if (length == 0) return fail();
  if (c == '(' || c == '[' || c == '{') ++brackets_;
  if ((c == ')' || c == ']' || c == '}') && brackets_ > 0) --brackets_;
  push(TokenKind::Op, start, start + length);
  pos_ = start + length;
}

}  // namespace pygraft::parser
