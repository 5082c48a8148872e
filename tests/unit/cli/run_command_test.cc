#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/commands.h"
#include "cli/npy.h"
#include "tests/unit/cli/cli_fixture.h"

namespace pygraft::cli {
namespace {

using nlohmann::json;

constexpr const char* kModel = R"(import numpy as np

def f(x, y=2):
    return x * y + 1

def pair(a):
    return a, None

def positive(x):
    assert x > 0, "x must be positive"
    return x

def unbound(c):
    if c:
        y = 1
    return y

def inner(c):
    return unbound(c)

def outer(c):
    z = inner(c)
    return z

def nested(a):
    return a, (a, None)
)";

class RunCommandTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    CliRun r = run({"compile", write("m.py", kModel)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    graph_ = path("m.pgraph");
  }

  CliRun run_graph(std::vector<std::string> args) {
    args.insert(args.begin(), {"run", graph_});
    return run(args);
  }

  std::string graph_;
};

TEST_F(RunCommandTest, CallsTheEntryAndPrintsOneDocument) {
  CliRun r = run_graph({"--entry", "f", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "{\"outputs\": [{\"dtype\": \"int64\", \"shape\": [], \"data\": 7}]}\n");
}

TEST_F(RunCommandTest, NegativeNumbersAreArguments) {
  CliRun r = run_graph({"--entry", "f", "-3", "-2.5"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["outputs"][0]["data"], 8.5);
}

TEST_F(RunCommandTest, ListArgumentsStayWhole) {
  CliRun r = run_graph({"--entry", "f", "[[1,2],[3,4]]", "[1,0]"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["outputs"][0]["shape"], json::parse("[2, 2]"));
}

TEST_F(RunCommandTest, EmptyListArgumentIsFloat64Array) {
  CliRun r = run_graph({"--entry", "f", "[]"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json out = json::parse(r.out)["outputs"][0];
  EXPECT_EQ(out["dtype"], "float64");
  EXPECT_EQ(out["shape"], json::parse("[0]"));
}

TEST_F(RunCommandTest, DoubleDashEndsOptions) {
  CliRun r = run_graph({"--entry", "f", "--", "-2.5", "[1,2]"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["outputs"][0]["data"], json::parse("[-1.5, -4.0]"));
}

TEST_F(RunCommandTest, TupleResultGivesSeveralOutputsWithNull) {
  CliRun r = run_graph({"--entry", "pair", "1.5"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json doc = json::parse(r.out);
  ASSERT_EQ(doc["outputs"].size(), 2u);
  EXPECT_TRUE(doc["outputs"][1].is_null());
}

TEST_F(RunCommandTest, SeveralFunctionsNeedEntry) {
  CliRun r = run_graph({"3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "--entry")) << r.err;
  EXPECT_TRUE(contains(r.err, "f, pair, positive, unbound")) << r.err;
}

TEST_F(RunCommandTest, UnknownEntryExits2) {
  CliRun r = run_graph({"--entry", "g", "3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "'g'")) << r.err;
}

TEST_F(RunCommandTest, BadArgumentExits2) {
  CliRun r = run_graph({"--entry", "f", "[[1],[2,3]]"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "inhomogeneous shape")) << r.err;
}

TEST_F(RunCommandTest, TooManyArgumentsExits2) {
  CliRun r = run_graph({"--entry", "f", "1", "2", "3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "takes 2 positional arguments but 3 were given")) << r.err;
}

TEST_F(RunCommandTest, MissingArgumentExits2) {
  CliRun r = run_graph({"--entry", "f"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "'x'")) << r.err;
}

TEST_F(RunCommandTest, RuntimeErrorExits3WithSourceLocation) {
  CliRun r = run_graph({"--entry", "positive", "-1"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(contains(r.err, path("m.py") + ":10:")) << r.err;
  EXPECT_TRUE(contains(r.err, "runtime error: ")) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(RunCommandTest, RuntimeErrorQuotesTheFailingLineWithACaret) {
  CliRun r = run_graph({"--entry", "positive", "-1"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(contains(r.err, path("m.py") + ":10:5: runtime error: AssertionError: x must be "
                                             "positive\n"
                                             "    assert x > 0, \"x must be positive\"\n"
                                             "    ^~~~~~"))
      << r.err;
}

TEST_F(RunCommandTest, RuntimeErrorNamesThePythonException) {
  CliRun r = run_graph({"--entry", "unbound", "false"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(contains(r.err, path("m.py") +
                                  ":16:12: runtime error: UnboundLocalError: cannot access local "
                                  "variable 'y' where it is not associated with a value\n"))
      << r.err;
}

TEST_F(RunCommandTest, RuntimeErrorInAHelperListsTheCallsInnermostFirst) {
  CliRun r = run_graph({"--entry", "outer", "false"});
  EXPECT_EQ(r.exit_code, 3);
  const std::string file = path("m.py");
  size_t error = r.err.find(file + ":16:12: runtime error: UnboundLocalError");
  size_t inner = r.err.find(file + ":19:12: note: called from here\n    return unbound(c)\n");
  size_t outer = r.err.find(file + ":22:9: note: called from here\n    z = inner(c)\n");
  ASSERT_NE(error, std::string::npos) << r.err;
  ASSERT_NE(inner, std::string::npos) << r.err;
  ASSERT_NE(outer, std::string::npos) << r.err;
  EXPECT_LT(error, inner);
  EXPECT_LT(inner, outer);
}

// A graph file may name any path as its source: only a .py file is quoted.
TEST_F(CliTest, RuntimeErrorQuotesNoLinesOfAFileThatIsNotPython) {
  std::string source = write("notes.txt", "def f(x):\n    assert x > 0\n    return x\n");
  ASSERT_EQ(run({"compile", source, "-o", path("n.pgraph")}).exit_code, 0);
  CliRun r = run({"run", path("n.pgraph"), "0"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_TRUE(contains(r.err, source + ":2:5: runtime error: ")) << r.err;
  EXPECT_FALSE(contains(r.err, "assert x > 0")) << r.err;
}

TEST_F(RunCommandTest, RuntimeErrorAsJson) {
  CliRun r = run_graph({"--entry", "outer", "false", "--diagnostics", "json"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "");
  json doc = json::parse(r.out);
  ASSERT_EQ(doc.size(), 1u);
  EXPECT_EQ(doc[0]["file"], path("m.py"));
  EXPECT_EQ(doc[0]["line"], 16);
  EXPECT_EQ(doc[0]["column"], 12);
  EXPECT_EQ(doc[0]["code"], "PG0601");
  EXPECT_EQ(doc[0]["exception"], "UnboundLocalError");
  json stack = doc[0]["call_stack"];
  ASSERT_EQ(stack.size(), 3u);
  EXPECT_EQ(stack[0],
            json({{"function", "unbound"}, {"file", path("m.py")}, {"line", 16}, {"column", 12}}));
  EXPECT_EQ(stack[1]["function"], "inner");
  EXPECT_EQ(stack[1]["line"], 19);
  EXPECT_EQ(stack[2]["function"], "outer");
  EXPECT_EQ(stack[2]["line"], 22);
}

TEST_F(RunCommandTest, RuntimeErrorAsSarif) {
  CliRun r = run_graph({"--entry", "outer", "false", "--diagnostics", "sarif"});
  EXPECT_EQ(r.exit_code, 3);
  json result = json::parse(r.out)["runs"][0]["results"][0];
  EXPECT_EQ(result["ruleId"], "PG0601");
  EXPECT_EQ(result["stacks"][0]["frames"].size(), 3u);
}

TEST_F(RunCommandTest, UsageErrorAsJson) {
  CliRun r = run_graph({"--entry", "g", "--diagnostics", "json", "3"});
  EXPECT_EQ(r.exit_code, 2);
  json doc = json::parse(r.out);
  ASSERT_EQ(doc.size(), 1u);
  EXPECT_EQ(doc[0]["code"], "PG0603");
  EXPECT_TRUE(doc[0]["exception"].is_null());
  EXPECT_TRUE(contains(doc[0]["message"].get<std::string>(), "'g'"));
}

TEST_F(RunCommandTest, BadMaxMemoryAsJson) {
  CliRun r = run_graph({"--entry", "f", "--max-memory", "lots", "--diagnostics", "json", "2"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(json::parse(r.out)[0]["code"], "PG0603");
}

TEST_F(RunCommandTest, PythonSourceSaysCompileItFirst) {
  CliRun r = run({"run", path("m.py"), "--entry", "f", "3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "compile it first: pygraft compile " + path("m.py"))) << r.err;
}

TEST_F(RunCommandTest, OtherFormatVersionSaysSoInsteadOfCorrupt) {
  std::ifstream in(graph_, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  bytes[8] = 7;
  CliRun r = run({"run", write("v7.pgraph", bytes), "--entry", "f", "3"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err,
                       "version 7 (written by a newer pygraft) is not supported: this "
                       "pygraft reads version 1"))
      << r.err;
  EXPECT_FALSE(contains(r.err, "corrupt")) << r.err;
}

TEST_F(RunCommandTest, NpyArgumentIsRead) {
  rt::Tensor t = rt::Tensor::empty(DType::Float32, {2});
  t.data<float>()[0] = 0.5f;
  t.data<float>()[1] = 1.5f;
  write("x.npy", encode_npy(t));
  CliRun r = run_graph({"--entry", "f", "@" + path("x.npy")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json out = json::parse(r.out)["outputs"][0];
  EXPECT_EQ(out["dtype"], "float32");
  EXPECT_EQ(out["data"], json::parse("[2.0, 4.0]"));
}

TEST_F(RunCommandTest, RepeatAddsTiming) {
  CliRun r = run_graph({"--entry", "f", "--repeat", "3", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json timing = json::parse(r.out)["timing"];
  EXPECT_EQ(timing["runs"], 3);
  EXPECT_LE(timing["min_ns"].get<int64_t>(), timing["median_ns"].get<int64_t>());
  EXPECT_LE(timing["median_ns"].get<int64_t>(), timing["max_ns"].get<int64_t>());
}

TEST_F(RunCommandTest, NegativeRepeatExits2) {
  EXPECT_EQ(run_graph({"--entry", "f", "--repeat", "-1", "2"}).exit_code, 2);
}

TEST_F(RunCommandTest, OutWritesOneNpyPerOutputKeepingNumbering) {
  CliRun r = run_graph({"--entry", "pair", "2.5", "--out", path("res")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::filesystem::exists(path("res/0.npy")));
  EXPECT_FALSE(std::filesystem::exists(path("res/1.npy")));
}

TEST_F(RunCommandTest, OutNamesTheFilesInPlaceOfTheData) {
  CliRun r = run_graph({"--entry", "pair", "[1.5, 2.5]", "--out", path("res")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json doc = json::parse(r.out);
  EXPECT_EQ(
      doc["outputs"][0],
      json({{"dtype", "float64"}, {"shape", json::array({2})}, {"file", path("res") + "/0.npy"}}));
  EXPECT_TRUE(doc["outputs"][1].is_null());  // None: no file
}

TEST_F(RunCommandTest, OutWritesNestedTupleItemsAsDottedNumbers) {
  CliRun r = run_graph({"--entry", "nested", "3", "--out", path("res")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json doc = json::parse(r.out);
  EXPECT_EQ(doc["outputs"][0]["file"], path("res") + "/0.npy");
  EXPECT_EQ(doc["outputs"][1][0]["file"], path("res") + "/1.0.npy");
  EXPECT_TRUE(doc["outputs"][1][1].is_null());
  EXPECT_TRUE(std::filesystem::exists(path("res/1.0.npy")));
  EXPECT_FALSE(std::filesystem::exists(path("res/1.1.npy")));
}

TEST_F(RunCommandTest, OutRemovesStaleOutputsAndNothingElse) {
  std::filesystem::create_directories(path("res"));
  for (const char* name :
       {"0.npy", "1.npy", "7.npy", "2.3.npy", "notes.txt", "x1.npy", "1.npy.bak"})
    write(std::string("res/") + name, "old");
  CliRun r = run_graph({"--entry", "pair", "2.5", "--out", path("res")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> left;
  for (const auto& entry : std::filesystem::directory_iterator(path("res")))
    left.insert(entry.path().filename().string());
  EXPECT_EQ(left, (std::set<std::string>{"0.npy", "notes.txt", "x1.npy", "1.npy.bak"}));
  std::ifstream in(path("res/0.npy"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(bytes.starts_with("\x93NUMPY")) << "0.npy was not rewritten";
}

TEST_F(RunCommandTest, BadMaxMemoryExits2) {
  EXPECT_EQ(run_graph({"--entry", "f", "--max-memory", "lots", "2"}).exit_code, 2);
}

TEST_F(CliTest, RunMissingGraphExits2) {
  CliRun r = run({"run", path("none.pgraph")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "none.pgraph")) << r.err;
}

TEST_F(CliTest, RunCorruptGraphExits2NamingTheFile) {
  CliRun r = run({"run", write("bad.pgraph", "not a graph at all")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(contains(r.err, "bad.pgraph: ")) << r.err;
}

}  // namespace
}  // namespace pygraft::cli
