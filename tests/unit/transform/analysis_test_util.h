// Helpers for the tests of transform/analysis and transform/ast_passes:
// parse a small source, find statements by their line, compare name sets, and
// check diagnostics marked inline as `# expect: PG0401` on the offending line.
#pragma once

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parser/parser.h"
#include "transform/analysis/activity.h"
#include "transform/ast_passes/ast_pipeline.h"

namespace pygraft::analysis_test {

using transform::NameSet;

inline ast::Module parse_clean(std::string_view source) {
  ParseResult parsed = parse_module(source);
  for (const Diagnostic& d : parsed.diagnostics) {
    ADD_FAILURE() << "parse diagnostic " << d.code() << " at line " << d.range.line << ": "
                  << d.message;
  }
  return std::move(parsed.module);
}

inline const ast::Stmt* find_in_block(const ast::Block& block, uint32_t line);

// The first statement (at any depth) that starts on `line`.
inline const ast::Stmt* find_stmt(const ast::Stmt& stmt, uint32_t line) {
  if (stmt.range.line == line) return &stmt;
  if (const auto* s = std::get_if<ast::If>(&stmt.kind)) {
    if (const ast::Stmt* found = find_in_block(s->body, line)) return found;
    return find_in_block(s->orelse, line);
  }
  if (const auto* w = std::get_if<ast::While>(&stmt.kind)) {
    if (const ast::Stmt* found = find_in_block(w->body, line)) return found;
    return find_in_block(w->orelse, line);
  }
  if (const auto* f = std::get_if<ast::For>(&stmt.kind)) {
    if (const ast::Stmt* found = find_in_block(f->body, line)) return found;
    return find_in_block(f->orelse, line);
  }
  return nullptr;
}

inline const ast::Stmt* find_in_block(const ast::Block& block, uint32_t line) {
  for (const ast::StmtPtr& stmt : block) {
    if (const ast::Stmt* found = find_stmt(*stmt, line)) return found;
  }
  return nullptr;
}

inline const ast::Stmt& stmt_at(const ast::Module& module, uint32_t line) {
  for (const ast::FunctionDef& f : module.functions) {
    if (const ast::Stmt* found = find_in_block(f.body, line)) return *found;
  }
  ADD_FAILURE() << "no statement on line " << line;
  static const ast::Stmt kNone{ast::Pass{}, {}};
  return kNone;
}

inline NameSet names(std::initializer_list<const char*> list) {
  NameSet out;
  for (const char* name : list) out.insert(name);
  return out;
}

// Drops module names (np) that the analyses also report.
inline NameSet without(NameSet set, std::initializer_list<const char*> drop) {
  for (const char* name : drop) set.erase(name);
  return set;
}

// "PG0401@7" for each `# expect: PG0401` marker (several per line allowed).
inline std::multiset<std::string> expected_markers(std::string_view source) {
  std::multiset<std::string> out;
  uint32_t line = 1;
  size_t start = 0;
  while (start <= source.size()) {
    size_t end = source.find('\n', start);
    std::string_view text = source.substr(start, end == std::string_view::npos ? end : end - start);
    for (size_t at = text.find("expect: "); at != std::string_view::npos;
         at = text.find("expect: ", at + 1)) {
      out.insert(std::string(text.substr(at + 8, 6)) + "@" + std::to_string(line));
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
    ++line;
  }
  return out;
}

// Runs the AST passes (warnings, exit lowering, aliasing) and returns every
// diagnostic reported (parser's included) as "PG0401@7".
inline std::multiset<std::string> reported(std::string_view source) {
  ParseResult parsed = parse_module(source);
  DiagnosticSink sink;
  sink.append(parsed.diagnostics);
  transform::run_ast_passes(parsed.module, {}, sink);
  std::multiset<std::string> out;
  for (const Diagnostic& d : sink.sorted()) {
    out.insert(std::string(d.code()) + "@" + std::to_string(d.range.line));
  }
  return out;
}

inline void expect_markers(std::string_view source) {
  EXPECT_EQ(reported(source), expected_markers(source)) << source;
}

}  // namespace pygraft::analysis_test
