#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "tests/unit/cli/cli_fixture.h"

namespace pygraft::cli {
namespace {

constexpr const char* kGood = "def f(x, y=2):\n    return x * y + 1\n";
constexpr const char* kBad =
    "def f(x):\n    try:\n        pass\n    except:\n        pass\n"
    "    return x\n";

TEST_F(CliTest, VersionPrintsNameAndVersion) {
  CliRun r = run({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "pygraft 0.1.0\n");
}

TEST_F(CliTest, HelpTeachesWithExamples) {
  CliRun r = run({"--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(contains(r.out, "Examples:")) << r.out;
  EXPECT_TRUE(contains(r.out, "compile"));
}

TEST_F(CliTest, SubcommandHelpHasItsOwnExamples) {
  CliRun r = run({"run", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_TRUE(contains(r.out, "@x.npy")) << r.out;
  EXPECT_TRUE(contains(r.out, "--repeat"));
}

TEST_F(CliTest, UnknownOptionExits2WithCli11Message) {
  CliRun r = run({"check", "m.py", "--bogus"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--bogus")) << r.err;
}

TEST_F(CliTest, MissingSubcommandExits2) {
  EXPECT_EQ(run({}).exit_code, 2);
}

TEST_F(CliTest, BadDiagnosticsFormatExits2) {
  EXPECT_EQ(run({"check", write("m.py", kGood), "--diagnostics", "xml"}).exit_code, 2);
}

TEST_F(CliTest, CheckMissingFileExits2) {
  CliRun r = run({"check", path("missing.py")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "missing.py")) << r.err;
}

TEST_F(CliTest, CheckDirectoryExits2) {
  CliRun r = run({"check", dir_.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "is a directory")) << r.err;
}

TEST_F(CliTest, CheckCleanFileExits0Silently) {
  CliRun r = run({"check", write("m.py", kGood)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST_F(CliTest, CheckErrorsExit1WithTextOnStderr) {
  std::string file = write("m.py", kBad);
  CliRun r = run({"check", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, file + ":2:5: error[PG0102]")) << r.err;
  EXPECT_TRUE(contains(r.err, "    try:\n    ^")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, CheckJsonGoesToStdout) {
  CliRun r = run({"check", write("m.py", kBad), "--diagnostics", "json"});
  EXPECT_EQ(r.exit_code, 1);
  nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_FALSE(doc.empty());
  EXPECT_EQ(doc[0]["code"], "PG0102");
}

TEST_F(CliTest, CheckJsonOfCleanFileIsEmptyArray) {
  CliRun r = run({"check", write("m.py", kGood), "--diagnostics", "json"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "[]\n");
}

TEST_F(CliTest, CheckSarifGoesToStdout) {
  CliRun r = run({"check", write("m.py", kBad), "--diagnostics", "sarif"});
  EXPECT_EQ(r.exit_code, 1);
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["version"], "2.1.0");
  EXPECT_EQ(doc["runs"][0]["results"][0]["ruleId"], "PG0102");
}

TEST_F(CliTest, CompileWritesDefaultGraphBesideSource) {
  CliRun r = run({"compile", write("model.py", kGood)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(path("model.pgraph")));
}

TEST_F(CliTest, CompileWithErrorsWritesNothing) {
  CliRun r = run({"compile", write("model.py", kBad)});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(path("model.pgraph")));
}

TEST_F(CliTest, FailedCompileRemovesTheGraphOfAnEarlierCompile) {
  std::string source = write("model.py", kGood);
  ASSERT_EQ(run({"compile", source}).exit_code, 0);
  ASSERT_TRUE(std::filesystem::exists(path("model.pgraph")));
  write("model.py", kBad);
  CliRun r = run({"compile", source});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(path("model.pgraph")));
  EXPECT_TRUE(contains(r.err, "pygraft: note: removed " + path("model.pgraph") +
                                  ", the graph of an earlier compile"))
      << r.err;
}

TEST_F(CliTest, FailedCompileKeepsAnOutputThatIsNotAGraphAndSaysSo) {
  std::string listing = write("listing.txt", "my notes");
  CliRun r = run({"compile", write("model.py", kBad), "-o", listing});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(std::filesystem::exists(listing));
  EXPECT_TRUE(contains(r.err, listing + " was kept: it is not a graph file")) << r.err;
}

TEST_F(CliTest, FailedCompileWithWerrorRemovesTheStaleGraphToo) {
  std::string source = write("model.py", kGood);
  ASSERT_EQ(run({"compile", source, "-o", path("out.pgraph")}).exit_code, 0);
  write("model.py", "def f(x):\n    if x:\n        y = 1\n    return y\n");
  EXPECT_EQ(run({"compile", source, "-o", path("out.pgraph"), "--Werror"}).exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(path("out.pgraph")));
}

TEST_F(CliTest, CheckNeverRemovesAGraph) {
  std::string source = write("model.py", kGood);
  ASSERT_EQ(run({"compile", source}).exit_code, 0);
  write("model.py", kBad);
  EXPECT_EQ(run({"check", source}).exit_code, 1);
  EXPECT_TRUE(std::filesystem::exists(path("model.pgraph")));
}

TEST_F(CliTest, CompileToStdoutWritesGraphBytes) {
  CliRun r = run({"compile", write("model.py", kGood), "-o", "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(r.out.empty());
  EXPECT_FALSE(std::filesystem::exists(path("model.pgraph")));
}

TEST_F(CliTest, CompileEmitTextPrintsListing) {
  CliRun r = run({"compile", write("model.py", kGood), "--emit", "text"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "func @f")) << r.out;
}

TEST_F(CliTest, CompileEmitDotPrintsGraphviz) {
  CliRun r = run({"compile", write("model.py", kGood), "--emit", "dot"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "digraph")) << r.out;
}

TEST_F(CliTest, CompileEmitOnnxNeedsTheArgumentTypes) {
  CliRun r = run({"compile", write("model.py", kGood), "--emit", "onnx"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "parameter 'x'")) << r.err;
  EXPECT_TRUE(contains(r.err, "--signature")) << r.err;
}

TEST_F(CliTest, CompileEmitOnnxWritesAModel) {
  const std::string out = path("model.onnx");
  CliRun r = run({"compile", write("model.py", kGood), "--emit", "onnx", "--signature",
                  "f(float32[N])", "-o", out});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(out));
}

TEST_F(CliTest, CompileUnknownEntryIsASourceError) {
  CliRun r = run({"compile", write("model.py", kGood), "--entry", "nope"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
}

TEST_F(CliTest, CompileIntoDirectoryExits2AndLeavesNoTempFile) {
  std::filesystem::create_directories(path("out"));
  CliRun r = run({"compile", write("model.py", kGood), "-o", path("out")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(std::filesystem::is_empty(path("out")));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir_), {}), 2);
}

TEST_F(CliTest, JsonDiagnosticsWithStdoutOutputIsAUsageError) {
  EXPECT_EQ(run({"compile", write("m.py", kGood), "-o", "-", "--diagnostics", "json"}).exit_code,
            2);
}

TEST(DefaultGraphPathTest, ReplacesPySuffix) {
  EXPECT_EQ(default_graph_path("dir/model.py"), "dir/model.pgraph");
  EXPECT_EQ(default_graph_path("model"), "model.pgraph");
  EXPECT_EQ(default_graph_path("a.b.py"), "a.b.pgraph");
}

TEST(ByteSizeTest, ParsesPlainAndSuffixedSizes) {
  EXPECT_EQ(parse_byte_size("1024"), 1024);
  EXPECT_EQ(parse_byte_size("0"), 0);
  EXPECT_EQ(parse_byte_size("512M"), int64_t{512} << 20);
  EXPECT_EQ(parse_byte_size("4GiB"), int64_t{4} << 30);
}

TEST(ByteSizeTest, RejectsMalformedSizes) {
  for (const char* text : {"", "-1", "1X", "G", "1.5G", "99999999999999999999", "9000000000T"}) {
    EXPECT_FALSE(parse_byte_size(text)) << text;
  }
}

}  // namespace
}  // namespace pygraft::cli
