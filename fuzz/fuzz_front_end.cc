// libFuzzer target: bytes -> what `pygraft check` runs (parse_module, then
// lower_module when the parse found no error). When lowering succeeds, the
// module must also survive serialize -> load_module and print in text form:
// a compiled graph that its own loader rejects is a bug. A clean parse must
// give the same AST through tree-sitter as through the fast parser
// (parser/fast_parser.h), which takes clean files, except where
// tree-sitter-python is known to be wrong (dedents_inside_brackets).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "graph/graph_file.h"
#include "graph/printer.h"
#include "parser/ast_dump.h"
#include "parser/parser.h"
#include "support/diagnostic.h"
#include "transform/lower.h"

namespace {

bool has_error(const std::vector<pygraft::Diagnostic>& diagnostics) {
  for (const pygraft::Diagnostic& d : diagnostics) {
    if (d.severity == pygraft::Severity::Error) return true;
  }
  return false;
}

void check_round_trip(const pygraft::Module& module) {
  std::string bytes = pygraft::serialize_module(module);
  pygraft::LoadResult loaded = pygraft::load_module(bytes);
  if (!loaded.ok()) {
    std::fprintf(stderr, "compiled module does not load back: %s\n", loaded.error.c_str());
    std::abort();
  }
  (void)pygraft::print_module(*loaded.module);
}

// Whether a line that starts inside brackets is indented less than the
// line that opened them (`return f(a.` then `b)` at column 0). CPython and
// the fast parser join such lines; tree-sitter-python's scanner emits a
// dedent there and reports a syntax error, so the two cannot be compared.
// A rough scan: strings and comments skipped, brackets counted.
bool dedents_inside_brackets(std::string_view source) {
  int depth = 0;
  size_t opening_indent = 0, line_indent = 0;
  bool at_line_start = true;
  for (size_t i = 0; i < source.size(); ++i) {
    const char c = source[i];
    if (at_line_start) {
      size_t j = i;
      while (j < source.size() && (source[j] == ' ' || source[j] == '\t')) ++j;
      const bool blank = j == source.size() || source[j] == '\n' || source[j] == '#';
      if (!blank) {
        line_indent = j - i;
        if (depth > 0 && line_indent < opening_indent) return true;
      }
      at_line_start = false;
      i = j - 1;
      continue;
    }
    if (c == '\n') {
      at_line_start = true;
    } else if (c == '#') {
      while (i + 1 < source.size() && source[i + 1] != '\n') ++i;
    } else if (c == '"' || c == '\'') {
      const bool triple = i + 2 < source.size() && source[i + 1] == c && source[i + 2] == c;
      const size_t quote_length = triple ? 3 : 1;
      for (i += quote_length; i < source.size(); ++i) {
        if (source[i] == '\\') {
          ++i;
        } else if (source[i] == c && (!triple || (i + 2 < source.size() && source[i + 1] == c &&
                                                  source[i + 2] == c))) {
          i += quote_length - 1;
          break;
        } else if (source[i] == '\n') {
          if (!triple) break;  // an unterminated string ends at its line
        }
      }
    } else if (c == '(' || c == '[' || c == '{') {
      if (depth++ == 0) opening_indent = line_indent;
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  pygraft::ParseResult parsed = pygraft::parse_module(source);
  if (has_error(parsed.diagnostics)) return 0;
  if (parsed.diagnostics.empty() && !dedents_inside_brackets(source)) {
    pygraft::ParseResult reference = pygraft::parse_module_with_tree_sitter(source);
    if (!reference.diagnostics.empty() ||
        pygraft::dump_ast(reference.module) != pygraft::dump_ast(parsed.module)) {
      std::fprintf(stderr, "the fast parser and tree-sitter disagree on a clean file\n");
      std::abort();
    }
  }
  pygraft::DiagnosticSink sink;
  pygraft::LowerOptions options;
  pygraft::Module module = pygraft::lower_module(std::move(parsed.module), options, sink);
  if (sink.has_errors()) return 0;
  check_round_trip(module);
  return 0;
}
