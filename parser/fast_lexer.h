// The tokenizer of the fast parser (parser/fast_parser.h): Python's tokens
// for the subset, with INDENT / DEDENT / NEWLINE as CPython's tokenizer makes
// them, produced on demand (the parser looks a few tokens ahead).
//
// Requires: text that passed parser/source_check.h and parser/layout_check.h
// (UTF-8, no NUL, consistent indentation). Guarantees: every token knows its
// byte offsets and 1-based line and byte column, as tree-sitter counts them.
// Anything it is not sure about (a byte outside ASCII in code, a lone
// carriage return, a form feed, an unknown character, a number followed by a
// letter) makes it give up: failed() turns true and the parse falls back to
// tree-sitter.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "support/source_range.h"

namespace pygraft::parser {

enum class TokenKind : uint8_t { Name, Number, String, Op, Newline, Indent, Dedent, End };

// A DEDENT (and a NEWLINE) sits where tree-sitter's scanner puts it: after
// the comments that belong to the block being closed (a comment on the line
// of its last statement, then each following comment line indented at least
// as deep as the block), so that the parser can end a compound statement
// where tree-sitter does.
struct Token {
  TokenKind kind = TokenKind::End;
  uint32_t begin = 0;  // byte offsets into the source
  uint32_t end = 0;
  uint32_t line = 1;  // of the first byte
  uint32_t column = 1;
  uint32_t end_line = 1;  // just past the last byte
  uint32_t end_column = 1;
};

// The tokens read ahead: a ring of fixed size (the parser looks at most a
// few tokens ahead, plus the DEDENTs of one line, fewer than 100).
class TokenRing {
 public:
  static constexpr size_t kCapacity = 256;
  size_t size() const { return tail_ - head_; }
  Token& operator[](size_t i) { return slots_[(head_ + i) % kCapacity]; }
  Token& front() { return slots_[head_ % kCapacity]; }
  void pop_front() { ++head_; }
  // False when full.
  bool push_back(const Token& token) {
    if (size() == kCapacity) return false;
    slots_[tail_++ % kCapacity] = token;
    return true;
  }

 private:
  std::array<Token, kCapacity> slots_{};
  size_t head_ = 0;
  size_t tail_ = 0;
};

class FastLexer {
 public:
  explicit FastLexer(std::string_view source) : source_(source) {}

  // The token `ahead` tokens past the current one (0: the current one).
  const Token& peek(size_t ahead = 0) {
    if (ahead < pending_.size()) return pending_[ahead];
    return peek_slow(ahead);
  }
  Token next();
  std::string_view text(const Token& token) const {
    return source_.substr(token.begin, token.end - token.begin);
  }
  bool failed() const { return failed_; }
  size_t offset() const { return pos_; }
  std::string_view source() const { return source_; }

 private:
  const Token& peek_slow(size_t ahead);
  void produce();  // appends at least one token to pending_
  void append(const Token& token) {
    if (!pending_.push_back(token)) fail();
  }
  void start_line();
  void scan_token();
  void scan_name(size_t start);
  void scan_number(size_t start);
  bool scan_string(size_t start);
  void scan_operator(size_t start);
  void newline();
  void push(TokenKind kind, size_t begin, size_t end);
  void push_at_mark(TokenKind kind);
  void dedent_to(uint32_t width);
  void fail();

  // Where the text of the last logical line (or a comment trailing it) ends,
  // and the comment lines seen after it: their indentation and end.
  struct Mark {
    uint32_t offset = 0;
    uint32_t line = 1;
    uint32_t column = 1;
  };
  struct CommentLine {
    uint32_t width;
    Mark end;
  };
  Mark mark_here() const;

  std::string_view source_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  size_t line_begin_ = 0;
  int brackets_ = 0;
  bool at_line_start_ = true;
  bool in_logical_line_ = false;  // a NEWLINE is due at the end of the line
  bool finished_ = false;
  bool failed_ = false;
  std::vector<uint32_t> indents_{0};
  TokenRing pending_;
  Mark mark_;
  std::vector<CommentLine> comments_;
  uint32_t line_width_ = 0;  // indentation of the current line
};

}  // namespace pygraft::parser
