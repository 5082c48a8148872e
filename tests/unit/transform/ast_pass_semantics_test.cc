// Semantics of the exit lowering checked against CPython (STYLE rule 7): each
// tests/golden/ast_passes/NAME.py is rewritten by the AST passes and printed
// back as Python; tests/ast_passes/check_semantics.py runs the original and
// the rewrite on the CASES of the file's main guard and compares results and
// exceptions. Skipped when /usr/bin/python3 is missing.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis_test_util.h"
#include "transform/ast_passes/ast_to_python.h"

namespace pygraft::analysis_test {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(AstPassSemantics, RewrittenFunctionsMatchCPython) {
  const fs::path python = "/usr/bin/python3";
  if (!fs::exists(python)) GTEST_SKIP() << "no /usr/bin/python3";
  fs::path source_dir = fs::path(PYGRAFT_SOURCE_DIR);
  fs::path out_dir = fs::temp_directory_path() / "pygraft_ast_pass_semantics";
  fs::create_directories(out_dir);
  for (const fs::directory_entry& entry :
       fs::directory_iterator(source_dir / "tests/golden/ast_passes")) {
    if (entry.path().extension() != ".py") continue;
    ParseResult parsed = parse_module(read_text(entry.path()));
    DiagnosticSink sink;
    transform::run_ast_passes(parsed.module, {}, sink);
    fs::path rewritten = out_dir / entry.path().filename();
    std::ofstream(rewritten, std::ios::binary) << transform::ast_to_python(parsed.module);
    std::string command = python.string() + " " +
                          (source_dir / "tests/ast_passes/check_semantics.py").string() + " " +
                          entry.path().string() + " " + rewritten.string();
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  }
}

}  // namespace
}  // namespace pygraft::analysis_test
