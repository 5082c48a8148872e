// `pygraft compile A.py B.py ... -j N`: several inputs, each to its own
// output, the same bytes whatever the order or parallelism, diagnostics in
// input order, exit codes per SPEC §1.
#include <fstream>
#include <sstream>

#include "cli_fixture.h"

namespace pygraft::cli {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

class CompileManyTest : public CliTest {
 protected:
  // Eight models of different sizes, so threads finish out of order.
  std::vector<std::string> write_models() {
    std::vector<std::string> paths;
    for (int i = 0; i < 8; ++i) {
      std::string body = "def f(x):\n    y = x\n";
      for (int j = 0; j < i * 20; ++j) body += "    y = y * 2 + " + std::to_string(j) + "\n";
      body += "    return y\n";
      paths.push_back(write("m" + std::to_string(i) + ".py", body));
    }
    return paths;
  }

  std::vector<std::string> compile_with(std::vector<std::string> sources, const std::string& jobs) {
    std::vector<std::string> args = {"compile", "-j", jobs};
    args.insert(args.end(), sources.begin(), sources.end());
    EXPECT_EQ(run(args).exit_code, kExitOk);
    std::vector<std::string> bytes;
    for (const std::string& source : write_models())
      bytes.push_back(slurp(default_graph_path(source)));
    return bytes;
  }
};

TEST_F(CompileManyTest, OutputIsTheSameForAnyParallelismOrOrder) {
  std::vector<std::string> sources = write_models();
  std::vector<std::string> sequential = compile_with(sources, "1");
  std::vector<std::string> reversed(sources.rbegin(), sources.rend());
  EXPECT_EQ(compile_with(reversed, "4"), sequential);
  EXPECT_EQ(compile_with(sources, "3"), sequential);
  for (size_t i = 0; i < sources.size(); ++i) {
    CliRun single = run({"compile", sources[i], "-o", path("single.pgraph")});
    ASSERT_EQ(single.exit_code, kExitOk);
    EXPECT_EQ(slurp(path("single.pgraph")), sequential[i]) << sources[i];
  }
}

TEST_F(CompileManyTest, DiagnosticsComeInInputOrderAndErrorsExit1) {
  std::string good = write("good.py", "def f(x):\n    return x\n");
  std::string bad_a = write("bad_a.py", "class A:\n    pass\n");
  std::string bad_b =
      write("bad_b.py", "def g(x):\n    try:\n        x = 1\n    finally:\n        x = 2\n");
  CliRun result = run({"compile", "-j", "4", bad_b, good, bad_a});
  EXPECT_EQ(result.exit_code, kExitSourceErrors);
  size_t b = result.err.find("bad_b.py:2:5");
  size_t a = result.err.find("bad_a.py:1:1");
  ASSERT_NE(b, std::string::npos) << result.err;
  ASSERT_NE(a, std::string::npos) << result.err;
  EXPECT_LT(b, a);
  EXPECT_TRUE(std::filesystem::exists(default_graph_path(good)));
  EXPECT_FALSE(std::filesystem::exists(default_graph_path(bad_a)));
}

TEST_F(CompileManyTest, JsonDiagnosticsAreOneDocument) {
  std::string bad_a = write("bad_a.py", "class A:\n    pass\n");
  std::string bad_b = write("bad_b.py", "class B:\n    pass\n");
  CliRun result = run({"compile", bad_a, bad_b, "--diagnostics", "json"});
  EXPECT_EQ(result.exit_code, kExitSourceErrors);
  EXPECT_EQ(result.out.find('[', 1), std::string::npos) << result.out;
  EXPECT_LT(result.out.find("bad_a.py"), result.out.find("bad_b.py"));
}

TEST_F(CompileManyTest, MissingInputExits2AndTheOthersAreStillWritten) {
  std::string good = write("good.py", "def f(x):\n    return x\n");
  std::string bad = write("bad.py", "class A:\n    pass\n");
  CliRun result = run({"compile", bad, path("missing.py"), good});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_NE(result.err.find("missing.py: No such file"), std::string::npos) << result.err;
  EXPECT_TRUE(std::filesystem::exists(default_graph_path(good)));
}

TEST_F(CompileManyTest, OutputFlagNeedsASingleInput) {
  std::string a = write("a.py", "def f(x):\n    return x\n");
  std::string b = write("b.py", "def g(x):\n    return x\n");
  CliRun result = run({"compile", a, b, "-o", path("out.pgraph")});
  EXPECT_EQ(result.exit_code, kExitUsage);
  EXPECT_FALSE(std::filesystem::exists(path("out.pgraph")));
  EXPECT_FALSE(std::filesystem::exists(default_graph_path(a)));
}

TEST_F(CompileManyTest, JobsMustBePositive) {
  std::string a = write("a.py", "def f(x):\n    return x\n");
  EXPECT_EQ(run({"compile", a, "-j", "0"}).exit_code, kExitUsage);
  EXPECT_EQ(run({"compile", a, "-j", "x"}).exit_code, kExitUsage);
}

}  // namespace
}  // namespace pygraft::cli
