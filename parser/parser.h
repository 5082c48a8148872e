// The front end: Python source text to the typed AST, with diagnostics for
// syntax errors and constructs outside the subset.
#pragma once

#include <string_view>

#include "parser/ast.h"
#include "support/diagnostic.h"

namespace pygraft {

struct ParseResult {
  ast::Module module;
  // Every problem found, in source order. The module holds what could be
  // converted; it is only meaningful for lowering when there is no error.
  std::vector<Diagnostic> diagnostics;
};

// Never throws on any input and never crashes: invalid UTF-8, NUL bytes,
// deep nesting and syntax errors all become diagnostics. A clean file is
// parsed by the fast parser (parser/fast_parser.h), any other by tree-sitter.
ParseResult parse_module(std::string_view source);

// Always through tree-sitter and the CST conversion: the reference the fast
// parser is tested against.
ParseResult parse_module_with_tree_sitter(std::string_view source);

}  // namespace pygraft
