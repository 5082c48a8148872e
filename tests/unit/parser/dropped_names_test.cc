// The names the parser records for code it leaves out (ast::DroppedNames),
// which the transform uses to stay silent about follow-on problems.
#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

using Names = std::vector<std::string>;

Names names_of(const ast::DroppedNames& names) {
  return {names.begin(), names.end()};
}

// The dropped names of the first function of `source`.
Names function_dropped(std::string_view source) {
  ParseResult result = parse_module(source);
  if (result.module.functions.empty()) return {"<no function>"};
  return names_of(result.module.functions[0].names_in_dropped_code);
}

TEST(DroppedNamesTest, CleanFunctionHasNone) {
  ParseResult result =
      parse_module("import numpy as np\ndef f(x):\n    y = np.tanh(x)\n    return y\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  EXPECT_TRUE(result.module.names_in_dropped_code.empty());
  EXPECT_TRUE(result.module.functions[0].names_in_dropped_code.empty());
  EXPECT_FALSE(result.module.functions[0].signature_incomplete);
}

TEST(DroppedNamesTest, UnsupportedStatementRecordsWhatItBinds) {
  EXPECT_EQ(function_dropped("def f(x):\n    with open(p) as fh:\n        w = fh\n    return w\n"),
            (Names{"fh", "open", "p", "w"}));
}

TEST(DroppedNamesTest, TryBodyNamesAreRecorded) {
  Names names = function_dropped(
      "def f(x):\n    try:\n        s = 2.0\n    except ValueError:\n        s = 1.0\n    "
      "return s\n");
  EXPECT_EQ(names, (Names{"ValueError", "s"}));
}

TEST(DroppedNamesTest, NestedDefNameIsRecorded) {
  Names names = function_dropped("def f(x):\n    def inner(y):\n        return y\n    return x\n");
  EXPECT_EQ(names, (Names{"inner", "y"}));
}

TEST(DroppedNamesTest, AssignmentFromUnsupportedValueRecordsItsTargets) {
  // `act` keeps a placeholder value, so "act is not a function" would be a
  // follow-on of the set's own diagnostic.
  Names names = function_dropped("def f(x):\n    act = {1, 2}\n    return act(x)\n");
  EXPECT_EQ(names, (Names{"act"}));
}

TEST(DroppedNamesTest, SupportedAssignmentIsNotRecorded) {
  EXPECT_EQ(function_dropped("def f(x):\n    act = x + 1\n    d = {1, 2}\n    return act\n"),
            (Names{"d"}));
}

TEST(DroppedNamesTest, WalrusTargetIsRecorded) {
  Names names =
      function_dropped("def f(x):\n    if (n := 3) > x:\n        return n\n    return x\n");
  EXPECT_EQ(names, (Names{"n"}));
}

TEST(DroppedNamesTest, StarredTargetDropsTheStatement) {
  EXPECT_EQ(function_dropped("def f(x):\n    first, *rest = x\n    return first\n"),
            (Names{"first", "rest", "x"}));
}

TEST(DroppedNamesTest, SyntaxErrorBetweenHeaderAndBody) {
  // Error recovery puts `y = (x +` between the parameters and the body.
  ParseResult result = parse_module("def f(x):\n    y = (x +\n    return y\n");
  ASSERT_FALSE(result.diagnostics.empty());
  ASSERT_EQ(result.module.functions.size(), 1u);
  EXPECT_EQ(names_of(result.module.functions[0].names_in_dropped_code), (Names{"x", "y"}));
}

TEST(DroppedNamesTest, SyntaxErrorStatementInBody) {
  EXPECT_EQ(function_dropped("def f(x):\n    y = = x\n    return y\n"), (Names{"x", "y"}));
}

TEST(DroppedNamesTest, DroppedParametersMakeTheSignatureIncomplete) {
  for (const char* header : {"def f(x, *rest):", "def f(x, **options):", "def f(x, *, k):"}) {
    ParseResult result = parse_module(std::string(header) + "\n    return x\n");
    ASSERT_EQ(result.module.functions.size(), 1u) << header;
    const ast::FunctionDef& f = result.module.functions[0];
    EXPECT_TRUE(f.signature_incomplete) << header;
    EXPECT_EQ(f.params.size(), header == std::string("def f(x, *, k):") ? 2u : 1u) << header;
  }
}

TEST(DroppedNamesTest, PositionalOnlyMarkerKeepsTheSignatureComplete) {
  ParseResult result = parse_module("def f(x, /, y):\n    return x + y\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  EXPECT_FALSE(result.module.functions[0].signature_incomplete);
}

TEST(DroppedNamesTest, TopLevelDroppedCodeGoesToTheModule) {
  ParseResult result = parse_module(
      "import os\nimport numpy as np\nfrom math import sqrt\nclass Config:\n    size = 3\n"
      "def f(x):\n    return x\n");
  // Note: imports of any module are kept (the transform decides on them).
  EXPECT_EQ(names_of(result.module.names_in_dropped_code), (Names{"Config", "size"}));
  EXPECT_TRUE(result.module.functions[0].names_in_dropped_code.empty());
}

TEST(DroppedNamesTest, BrokenTopLevelDefIsRecorded) {
  ParseResult result = parse_module("def g(x) return x\n\ndef f(x):\n    return g(x)\n");
  EXPECT_TRUE(result.module.names_in_dropped_code.contains("g"));
}

TEST(DroppedNamesTest, DefSwallowedByABrokenHeaderIsRecordedModuleWide) {
  // The missing ':' makes error recovery pull `def stats` into f.
  ParseResult result = parse_module(
      "def f(x, b= lambda v: v\n    return x\n\n\ndef stats(x):\n    return x\n\n\n"
      "def g(x):\n    return stats(x)\n");
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_TRUE(result.module.names_in_dropped_code.contains("stats")) << messages(result);
}

}  // namespace
}  // namespace pygraft::parser_test
