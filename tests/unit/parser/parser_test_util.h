// Helpers shared by the parser tests: parse, summarise diagnostics as
// "PG0101@3:5" strings, and dump parts of the AST as text.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "parser/ast_dump.h"
#include "parser/parser.h"

namespace pygraft::parser_test {

using Codes = std::vector<std::string>;

// "PG0101@3:5" for each diagnostic, in the order reported.
inline std::vector<std::string> codes_at(const ParseResult& result) {
  std::vector<std::string> out;
  for (const Diagnostic& d : result.diagnostics) {
    out.push_back(std::string(d.code()) + "@" + std::to_string(d.range.line) + ":" +
                  std::to_string(d.range.column));
  }
  return out;
}

inline std::vector<std::string> codes_at(std::string_view source) {
  return codes_at(parse_module(source));
}

// "line:col-end_line:end_col"
inline std::string range_text(const SourceRange& r) {
  return std::to_string(r.line) + ":" + std::to_string(r.column) + "-" +
         std::to_string(r.end_line) + ":" + std::to_string(r.end_column);
}

// Every message, one per line, for failure output.
inline std::string messages(const ParseResult& result) {
  std::string out;
  for (const Diagnostic& d : result.diagnostics) {
    out += std::string(d.code()) + " " + range_text(d.range) + " " + d.message + "\n";
  }
  return out;
}

// The dump of the value of `x = <expression>` written at module level (the
// expression starts at 1:5).
inline std::string expr_dump(std::string_view expression) {
  ParseResult result = parse_module("x = " + std::string(expression) + "\n");
  EXPECT_TRUE(result.diagnostics.empty()) << messages(result);
  if (result.module.constants.size() != 1) return "<no constant>";
  return dump_expr(*result.module.constants[0].value);
}

// The dump of the statements of the first function in `source`.
inline std::string body_dump(std::string_view source) {
  ParseResult result = parse_module(source);
  EXPECT_TRUE(result.diagnostics.empty()) << messages(result);
  if (result.module.functions.empty()) return "<no function>";
  std::string out;
  for (const ast::StmtPtr& stmt : result.module.functions[0].body) out += dump_stmt(*stmt);
  return out;
}

}  // namespace pygraft::parser_test
