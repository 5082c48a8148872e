// The public compiler API (include/pygraft/compiler.h): results,
// diagnostics, rendering, determinism and concurrent compilations.
#include "pygraft/compiler.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace pygraft::api {
namespace {

constexpr const char* kModel = R"(import numpy as np


def scale_sum(x, k):
    if k > 0:
        y = x * k
    else:
        y = -x
    return np.sum(y)
)";

constexpr const char* kTwoErrors = R"(def f(x):
    try:
        y = x
    except ValueError:
        y = 0
    with open(x) as f:
        pass
)";

TEST(CompilerApi, CompilesAModuleToGraphBytes) {
  CompileResult result = compile(kModel, "model.py");
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(result.has_errors());
  EXPECT_FALSE(result.io_error);
  EXPECT_EQ(result.file, "model.py");
  EXPECT_FALSE(result.graph_bytes().empty());
  EXPECT_NE(result.emit(EmitFormat::Text).find("scale_sum"), std::string::npos);
  EXPECT_NE(result.emit(EmitFormat::Dot).find("digraph"), std::string::npos);
}

TEST(CompilerApi, SameSourceGivesSameBytes) {
  EXPECT_EQ(compile(kModel, "model.py").graph_bytes(), compile(kModel, "model.py").graph_bytes());
}

TEST(CompilerApi, ReportsEveryErrorWithItsPosition) {
  CompileResult result = compile(kTwoErrors, "bad.py");
  EXPECT_FALSE(result.ok());
  EXPECT_TRUE(result.graph_bytes().empty());
  ASSERT_EQ(result.diagnostics.size(), 2u);
  const Diagnostic& first = result.diagnostics[0];
  EXPECT_EQ(first.code, "PG0102");
  EXPECT_EQ(first.severity, Severity::Error);
  EXPECT_EQ(first.file, "bad.py");
  EXPECT_EQ(first.line, 2u);
  EXPECT_EQ(first.column, 5u);
  EXPECT_GE(first.end_line, first.line);
  EXPECT_EQ(result.diagnostics[1].code, "PG0104");
}

TEST(CompilerApi, RendersTextJsonAndSarif) {
  CompileResult result = compile(kTwoErrors, "bad.py");
  std::string text = render_text(result.diagnostics, result.source);
  EXPECT_EQ(text.rfind("bad.py:2:5: error[PG0102]: ", 0), 0u) << text;
  EXPECT_NE(text.find("    try:\n    ^~~"), std::string::npos) << text;
  std::string json = render_json(result.diagnostics);
  EXPECT_NE(json.find("\"code\": \"PG0104\""), std::string::npos) << json;
  std::string sarif = render_sarif(result.diagnostics, version());
  EXPECT_NE(sarif.find("\"version\": \"2.1.0\""), std::string::npos);
  EXPECT_NE(sarif.find("\"ruleId\": \"PG0102\""), std::string::npos);
}

TEST(CompilerApi, RendersDiagnosticsOfSeveralFilesAsOneDocument) {
  std::vector<Diagnostic> all = compile(kTwoErrors, "a.py").diagnostics;
  for (const Diagnostic& d : compile(kTwoErrors, "b.py").diagnostics) all.push_back(d);
  std::string json = render_json(all);
  EXPECT_EQ(json.front(), '[');
  EXPECT_EQ(json.find('[', 1), std::string::npos) << "one array: " << json;
  EXPECT_NE(json.find("\"file\": \"a.py\""), std::string::npos);
  EXPECT_NE(json.find("\"file\": \"b.py\""), std::string::npos);
  EXPECT_EQ(render_json({}), "[]\n");
}

TEST(CompilerApi, EntriesSelectFunctions) {
  std::string source = std::string(kModel) + "\n\ndef other(a):\n    return a + 1\n";
  CompileResult all = compile(source, "m.py");
  CompileResult one = compile(source, "m.py", {.entries = {"other"}});
  ASSERT_TRUE(one.ok());
  EXPECT_NE(all.emit(EmitFormat::Text).find("scale_sum"), std::string::npos);
  EXPECT_EQ(one.emit(EmitFormat::Text).find("scale_sum"), std::string::npos);
}

TEST(CompilerApi, MissingFileIsAnIoError) {
  CompileResult result = compile_file("/nonexistent/model.py");
  ASSERT_TRUE(result.io_error);
  EXPECT_NE(result.io_error->find("No such file"), std::string::npos);
  EXPECT_FALSE(result.ok());
}

// Independent compilations share no state: several threads compiling
// different sources give exactly the sequential results.
TEST(CompilerApi, ConcurrentCompilationsMatchSequentialOnes) {
  std::vector<std::string> sources;
  for (int i = 0; i < 8; ++i) {
    sources.push_back("import numpy as np\n\ndef f" + std::to_string(i) + "(x):\n    y = x * " +
                      std::to_string(i) +
                      "\n    for j in range(3):\n        y = y + j\n    return y\n");
  }
  sources.push_back(kTwoErrors);
  std::vector<std::string> sequential;
  for (const std::string& s : sources) {
    CompileResult r = compile(s, "m.py");
    sequential.push_back(r.graph_bytes() + render_json(r.diagnostics));
  }
  std::vector<std::string> concurrent(sources.size() * 4);
  std::vector<std::jthread> threads;
  for (size_t t = 0; t < concurrent.size(); ++t) {
    threads.emplace_back([&, t] {
      CompileResult r = compile(sources[t % sources.size()], "m.py");
      concurrent[t] = r.graph_bytes() + render_json(r.diagnostics);
    });
  }
  threads.clear();
  for (size_t t = 0; t < concurrent.size(); ++t) {
    EXPECT_EQ(concurrent[t], sequential[t % sources.size()]) << "compilation " << t;
  }
}

}  // namespace
}  // namespace pygraft::api
