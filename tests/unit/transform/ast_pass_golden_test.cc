// Golden tests of the AST passes: for each tests/golden/ast_passes/NAME.py,
// NAME.expected holds the diagnostics, dump_ast before the passes and after
// each pass (or "(unchanged)"), and the final AST printed as Python.
// Regenerate with PYGRAFT_UPDATE_GOLDEN=1.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis_test_util.h"
#include "parser/ast_dump.h"
#include "transform/ast_passes/ast_to_python.h"

namespace pygraft::analysis_test {
namespace {

namespace fs = std::filesystem;

fs::path golden_dir() {
  return fs::path(PYGRAFT_SOURCE_DIR) / "tests/golden/ast_passes";
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string run_golden(const std::string& source) {
  ParseResult parsed = parse_module(source);
  DiagnosticSink sink;
  sink.append(parsed.diagnostics);
  std::string out;
  std::string previous;
  transform::AstPassOptions options;
  options.after_pass = [&](std::string_view pass, const ast::Module& module) {
    std::string dump = dump_ast(module);
    out += "=== " + std::string(pass) + " ===\n";
    out += dump == previous ? "(unchanged)\n" : dump;
    previous = dump;
  };
  transform::run_ast_passes(parsed.module, options, sink);
  std::string diagnostics = "=== diagnostics ===\n";
  for (const Diagnostic& d : sink.sorted()) {
    diagnostics += std::to_string(d.range.line) + ":" + std::to_string(d.range.column) + " " +
                   std::string(d.code()) + " " + d.message + "\n";
  }
  return diagnostics + out + "=== python ===\n" + transform::ast_to_python(parsed.module);
}

TEST(AstPassGolden, EveryFileMatchesItsExpectedOutput) {
  bool update = std::getenv("PYGRAFT_UPDATE_GOLDEN") != nullptr;
  size_t count = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(golden_dir())) {
    if (entry.path().extension() != ".py") continue;
    ++count;
    std::string actual = run_golden(read_text(entry.path()));
    fs::path expected_path = fs::path(entry.path()).replace_extension(".expected");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    EXPECT_EQ(read_text(expected_path), actual)
        << entry.path() << " differs; regenerate with PYGRAFT_UPDATE_GOLDEN=1 and review";
  }
  EXPECT_GE(count, 5u);
}

}  // namespace
}  // namespace pygraft::analysis_test
