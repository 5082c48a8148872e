// libFuzzer target: bytes -> what `pygraft check` runs (parse_module, then
// lower_module when the parse found no error). When lowering succeeds, the
// module must also survive serialize -> load_module and print in text form:
// a compiled graph that its own loader rejects is a bug. A clean parse must
// give the same AST through tree-sitter as through the fast parser
// (parser/fast_parser.h), which takes clean files.
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  pygraft::ParseResult parsed = pygraft::parse_module(source);
  if (has_error(parsed.diagnostics)) return 0;
  if (parsed.diagnostics.empty()) {
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
