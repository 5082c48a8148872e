// A span of user source text. Every AST node, IR node and diagnostic carries one
// so that every message a user sees points at their line.
#pragma once

#include <cstdint>

namespace pygraft {

// 1-based line and column; the end is exclusive (the column just past the last
// character), as clang and rustc print ranges. Columns count bytes of UTF-8.
struct SourceRange {
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t end_line = 0;
  uint32_t end_column = 0;

  bool valid() const { return line != 0; }
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// Orders ranges by start position, for reporting diagnostics in source order.
inline bool starts_before(const SourceRange& a, const SourceRange& b) {
  if (a.line != b.line) return a.line < b.line;
  return a.column < b.column;
}

}  // namespace pygraft
