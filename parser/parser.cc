// parse_module: checks the bytes (UTF-8, no NUL), runs tree-sitter under a
// time budget, reports every syntax error, then converts the tree to the
// typed AST. Diagnostics come back sorted by position.
#include "parser/parser.h"

#include <ctime>
#include <limits>
#include <new>

#include "parser/convert.h"
#include "parser/fast_parser.h"
#include "parser/grammar.h"
#include "parser/layout_check.h"
#include "parser/source_check.h"
#include "parser/syntax_errors.h"
#include "parser/syntax_tree.h"

namespace pygraft {

namespace {

using parser::ParserPtr;
using parser::TreePtr;

// Note: tree-sitter's error recovery can be slow on adversarial input; past
// this budget of processor time (not wall time, which a loaded machine
// stretches) the parse is cancelled and reported rather than left to hang.
// Parsing runs at several MB/s, so the budget is generous for honest files.
double parse_budget_seconds(size_t source_bytes) {
  return 20.0 + 4.0 * static_cast<double>(source_bytes) / 1e6;
}

struct ParseBudget {
  std::clock_t deadline;
};

bool parse_progress(TSParseState* state) {
  auto* budget = static_cast<ParseBudget*>(state->payload);
  return std::clock() > budget->deadline;  // true cancels the parse
}

const char* read_source(void* payload, uint32_t byte_index, TSPoint, uint32_t* bytes_read) {
  auto* source = static_cast<std::string_view*>(payload);
  if (byte_index >= source->size()) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = static_cast<uint32_t>(source->size() - byte_index);
  return source->data() + byte_index;
}

TreePtr run_tree_sitter(std::string_view source, DiagnosticSink& sink) {
  ParserPtr ts_parser(ts_parser_new());
  if (!ts_parser || !ts_parser_set_language(ts_parser.get(), parser::python_grammar().language)) {
    sink.report(DiagCode::SyntaxError, SourceRange{1, 1, 1, 1},
                "internal error: no Python grammar");
    return nullptr;
  }
  double seconds = parse_budget_seconds(source.size());
  ParseBudget budget{std::clock() + static_cast<std::clock_t>(seconds * CLOCKS_PER_SEC)};
  TSInput input{&source, read_source, TSInputEncodingUTF8, nullptr};
  TSParseOptions options{&budget, parse_progress};
  TreePtr tree(ts_parser_parse_with_options(ts_parser.get(), nullptr, input, options));
  if (!tree) {
    sink.report(DiagCode::SyntaxError, SourceRange{1, 1, 1, 1},
                "the file could not be parsed within " + std::to_string(static_cast<int>(seconds)) +
                    " seconds; simplify it");
  }
  return tree;
}

// Whether tree-sitter finds a syntax error in the code before a layout
// problem: CPython reports the first error of a file, and an earlier error
// is often the cause (an `if` header without its ':' makes the next line an
// unexpected indent).
bool has_error_before(std::string_view source, TSNode root, const parser::LayoutProblem& problem) {
  DiagnosticSink all;
  parser::report_syntax_errors(source, root, all);
  for (const Diagnostic& d : all.all()) {
    if (d.range.end_line < problem.range.line) return true;
  }
  return false;
}

void parse_with_tree_sitter(std::string_view source, DiagnosticSink& sink, ast::Module& module) {
  std::optional<parser::LayoutProblem> layout = parser::check_layout(source);
  TreePtr tree = run_tree_sitter(source, sink);
  if (layout && !(tree && has_error_before(source, ts_tree_root_node(tree.get()), *layout))) {
    // Note: no conversion: with a bad indent the tree holds tree-sitter's
    // guess of what the code means, and CPython refuses the file.
    sink.report(layout->code, layout->range, std::move(layout->message));
    return;
  }
  if (!tree) return;
  TSNode root = ts_tree_root_node(tree.get());
  parser::report_syntax_errors(source, root, sink);
  // Note: when nothing parses, the root is an ERROR node instead of a module.
  if (ts_node_symbol(root) != parser::python_grammar().sym.module) return;
  parser::Context ctx{source, parser::python_grammar(), sink, ts_node_has_error(root)};
  module = parser::convert_module(ctx, root);
}

// Note: a file the fast parser takes (clean, inside the subset: most files)
// never reaches tree-sitter; the AST is the same either way.
void parse_checked_source(std::string_view source, DiagnosticSink& sink, ast::Module& module) {
  if (!parser::check_layout(source)) {
    if (std::optional<ast::Module> fast = parser::parse_clean_module(source)) {
      module = std::move(*fast);
      return;
    }
  }
  parse_with_tree_sitter(source, sink, module);
}

}  // namespace

ParseResult parse_module_with_tree_sitter(std::string_view source) {
  ParseResult result;
  DiagnosticSink sink;
  try {
    if (parser::check_source(source, sink)) parse_with_tree_sitter(source, sink, result.module);
  } catch (const std::bad_alloc&) {
    result.module = ast::Module{};
    sink.report(DiagCode::SyntaxError, SourceRange{1, 1, 1, 1}, "out of memory while parsing");
  }
  result.diagnostics = sink.sorted();
  return result;
}

ParseResult parse_module(std::string_view source) {
  ParseResult result;
  DiagnosticSink sink;
  try {
    if (parser::check_source(source, sink)) parse_checked_source(source, sink, result.module);
  } catch (const std::bad_alloc&) {
    result.module = ast::Module{};
    sink.report(DiagCode::SyntaxError, SourceRange{1, 1, 1, 1}, "out of memory while parsing");
  }
  result.diagnostics = sink.sorted();
  return result;
}

}  // namespace pygraft
