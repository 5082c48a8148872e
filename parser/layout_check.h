// The layout check: CPython 3.11's tokenizer rules for indentation and
// bracket nesting, applied in one pass over the token stream before
// tree-sitter parses the file. Tree-sitter's scanner recovers from a bad
// indent silently and guesses a meaning; CPython refuses the file, so
// pygraft does too, with CPython's wording:
//   IndentationError: unexpected indent
//   IndentationError: unindent does not match any outer indentation level
//   IndentationError: expected an indented block after 'if' statement on line N
//   TabError: inconsistent use of tabs and spaces in indentation
// and CPython's own nesting limits (PG0005):
//   IndentationError: too many levels of indentation (100 levels)
//   SyntaxError: too many nested parentheses (200 open brackets)
//
// Requires: valid UTF-8 without NUL bytes (parser/source_check.h).
// Guarantees: finds the first problem in source order, as CPython reports
// the first one; the line is CPython's; the column is the first character of
// the offending line's code (column 1 for a TabError, whose culprit is the
// indentation itself).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "support/diagnostic.h"

namespace pygraft::parser {

// CPython's tokenizer limits (Parser/tokenizer.h MAXINDENT, MAXLEVEL).
inline constexpr int kMaxIndentLevels = 100;
inline constexpr int kMaxBracketLevels = 200;

struct LayoutProblem {
  DiagCode code;
  SourceRange range;
  std::string message;
};

std::optional<LayoutProblem> check_layout(std::string_view source);

}  // namespace pygraft::parser
