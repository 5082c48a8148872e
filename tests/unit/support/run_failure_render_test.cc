// The text, JSON and SARIF forms of `pygraft run` failures.
#include "support/run_failure_render.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace pygraft {
namespace {

using nlohmann::json;

constexpr std::string_view kSource =
    "import numpy as np\n"
    "\n"
    "def helper(x, i):\n"
    "    return x[i] + 1.0\n"
    "\n"
    "def main(x, i):\n"
    "    y = helper(x, i)\n"
    "    return y\n";

RunFailure index_error_in_helper() {
  RunFailure failure;
  failure.exception = "IndexError";
  failure.message = "index 3 is out of bounds for axis 0 with size 3";
  failure.stack = {{"helper", {4, 12, 4, 16}}, {"main", {7, 9, 7, 21}}};
  return failure;
}

TEST(RunFailureText, NamesTheExceptionAndQuotesTheFailingLine) {
  RunFailure failure = index_error_in_helper();
  failure.stack.resize(1);
  EXPECT_EQ(render_run_failure_text(failure, "model.py", kSource),
            "model.py:4:12: runtime error: IndexError: index 3 is out of bounds for axis 0 with "
            "size 3\n"
            "    return x[i] + 1.0\n"
            "           ^~~~\n");
}

TEST(RunFailureText, ListsEachCallerInnermostFirst) {
  std::string text = render_run_failure_text(index_error_in_helper(), "model.py", kSource);
  EXPECT_NE(text.find("           ^~~~\n"
                      "model.py:7:9: note: called from here\n"
                      "    y = helper(x, i)\n"
                      "        ^~~~~~~~~~~~\n"),
            std::string::npos)
      << text;
}

TEST(RunFailureText, WithoutTheSourceThereAreNoSnippets) {
  EXPECT_EQ(render_run_failure_text(index_error_in_helper(), "model.py", ""),
            "model.py:4:12: runtime error: IndexError: index 3 is out of bounds for axis 0 with "
            "size 3\n"
            "model.py:7:9: note: called from here\n");
}

TEST(RunFailureText, RepeatedCallsPrintOnceWithTheirCount) {
  RunFailure failure;
  failure.exception = "RecursionError";
  failure.message = "maximum recursion depth exceeded";
  failure.stack = {{"f", {2, 12, 2, 16}}};
  for (int i = 0; i < 5; ++i) failure.stack.push_back({"f", {2, 12, 2, 16}});
  failure.stack.push_back({"main", {5, 5, 5, 9}});
  EXPECT_EQ(render_run_failure_text(failure, "m.py", ""),
            "m.py:2:12: runtime error: RecursionError: maximum recursion depth exceeded\n"
            "m.py:2:12: note: called from here\n"
            "  [the call above repeated 4 more times]\n"
            "m.py:5:5: note: called from here\n");
}

TEST(RunFailureText, NoExceptionNameForALimit) {
  RunFailure failure;
  failure.code = DiagCode::RuntimeLimit;
  failure.message = "the call ran longer than 1 s (the limit set by --timeout)";
  failure.stack = {{"spin", {3, 5, 4, 15}}};
  std::string text = render_run_failure_text(failure, "spin.py", "");
  EXPECT_EQ(text,
            "spin.py:3:5: runtime error: the call ran longer than 1 s (the limit set by "
            "--timeout)\n");
}

TEST(RunFailureText, AnExceptionWithoutAMessageIsItsNameAlone) {
  RunFailure failure;
  failure.exception = "AssertionError";
  failure.stack = {{"f", {2, 5, 2, 17}}};
  EXPECT_EQ(render_run_failure_text(failure, "m.py", ""),
            "m.py:2:5: runtime error: AssertionError\n");
}

TEST(RunFailureText, ColourMarksTheLabels) {
  std::string text =
      render_run_failure_text(index_error_in_helper(), "model.py", kSource, {.color = true});
  EXPECT_NE(text.find("\033[31mruntime error:"), std::string::npos) << text;
  EXPECT_NE(text.find("\033[36mnote:"), std::string::npos) << text;
}

TEST(RunFailureJson, HasTheDiagnosticKeysThenExceptionAndCallStack) {
  nlohmann::ordered_json doc =
      nlohmann::ordered_json::parse(render_run_failure_json(index_error_in_helper(), "model.py"));
  ASSERT_TRUE(doc.is_array());
  ASSERT_EQ(doc.size(), 1u);
  std::vector<std::string> keys;
  for (auto it = doc[0].begin(); it != doc[0].end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"file", "line", "column", "end_line", "end_column",
                                      "severity", "code", "message", "exception", "call_stack"}));
  EXPECT_EQ(doc[0]["line"], 4);
  EXPECT_EQ(doc[0]["end_column"], 16);
  EXPECT_EQ(doc[0]["severity"], "error");
  EXPECT_EQ(doc[0]["code"], "PG0601");
  EXPECT_EQ(doc[0]["message"], "IndexError: index 3 is out of bounds for axis 0 with size 3");
  EXPECT_EQ(doc[0]["exception"], "IndexError");
  EXPECT_EQ(json(doc[0]["call_stack"]),
            json::parse(R"([{"function": "helper", "file": "model.py", "line": 4, "column": 12},
                            {"function": "main", "file": "model.py", "line": 7, "column": 9}])"));
}

TEST(RunFailureJson, NoExceptionIsNull) {
  RunFailure failure;
  failure.code = DiagCode::RunInputError;
  failure.message = "no function 'g' in the graph";
  json doc = json::parse(render_run_failure_json(failure, "m.pgraph"));
  EXPECT_TRUE(doc[0]["exception"].is_null());
  EXPECT_EQ(doc[0]["code"], "PG0603");
  EXPECT_EQ(doc[0]["line"], 0);
  EXPECT_EQ(doc[0]["call_stack"], json::array());
}

TEST(RunFailureSarif, OneResultWithTheStackAndTheException) {
  json log = json::parse(render_run_failure_sarif(index_error_in_helper(), "model.py", "1.0"));
  EXPECT_EQ(log["version"], "2.1.0");
  const json& result = log["runs"][0]["results"][0];
  EXPECT_EQ(result["ruleId"], "PG0601");
  EXPECT_EQ(log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"].get<size_t>()]["id"],
            "PG0601");
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"]["startLine"], 4);
  EXPECT_EQ(result["properties"]["exception"], "IndexError");
  const json& frames = result["stacks"][0]["frames"];
  ASSERT_EQ(frames.size(), 2u);
  EXPECT_EQ(frames[1]["location"]["logicalLocations"][0]["name"], "main");
  EXPECT_EQ(frames[1]["location"]["physicalLocation"]["region"]["startLine"], 7);
}

}  // namespace
}  // namespace pygraft
