// The fast path of the front end: a hand-written recursive-descent parser
// for files that lie entirely inside the subset and have no error, which
// builds the typed AST straight from the tokens (parser/fast_lexer.h).
// Tree-sitter and the CST conversion (parser/convert.h) cost about ten
// times as much; they remain the reference, and run for every file this
// parser declines.
//
// Requires: text that passed parser/source_check.h and parser/layout_check.h.
// Guarantees: returns the very AST the tree-sitter path builds for the same
// text (every node, name and source range: tests/unit/parser compare the two
// on every case file, sample and generated model), or nullopt as soon as
// anything would need a diagnostic or is not certain: a syntax error, a
// construct outside the subset, a string where only print() takes one,
// nesting deeper than kMaxFastNesting, ... The caller then parses with
// tree-sitter, which reports it.
#pragma once

#include <optional>
#include <string_view>

#include "parser/ast.h"

namespace pygraft::parser {

// Deeper than this (statements and expressions nested in each other) is
// left to the tree-sitter path, which applies CPython's limit.
inline constexpr int kMaxFastNesting = 1000;
// Loops nested deeper are CPython's error (parser/convert.h kMaxNestedLoops).
inline constexpr int kMaxFastLoops = 20;

std::optional<ast::Module> parse_clean_module(std::string_view source);

}  // namespace pygraft::parser
