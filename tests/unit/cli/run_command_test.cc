#include <nlohmann/json.hpp>

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
  EXPECT_TRUE(contains(r.err, "f, pair, positive")) << r.err;
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
