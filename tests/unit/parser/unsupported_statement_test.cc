// Each statement outside the subset: its code, line and column (the
// statement's keyword), and that conversion goes on after it.
#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

// Wraps `body` (already indented by four spaces) in `def f(x):`.
Codes codes_in_function(const std::string& body) {
  return codes_at("def f(x):\n" + body);
}

TEST(UnsupportedStatementTest, Try) {
  EXPECT_EQ(codes_in_function("    try:\n        pass\n    except ValueError:\n        pass\n"),
            (Codes{"PG0102@2:5"}));
}

TEST(UnsupportedStatementTest, TryRangeCoversTheKeyword) {
  ParseResult result =
      parse_module("def f():\n    try:\n        pass\n    finally:\n        pass\n");
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(range_text(result.diagnostics[0].range), "2:5-2:8");
  EXPECT_NE(result.diagnostics[0].message.find("'try'"), std::string::npos);
}

// `raise E(message)` is a statement of the subset; a bare raise (which
// re-raises what an except clause caught) and `raise ... from e` are not.
TEST(UnsupportedStatementTest, Raise) {
  EXPECT_EQ(codes_in_function("    raise ValueError('bad')\n"), Codes{});
  EXPECT_EQ(codes_in_function("    raise ValueError('bad') from None\n"), Codes{});
  EXPECT_EQ(codes_in_function("    raise\n"), (Codes{"PG0103@2:5"}));
  EXPECT_EQ(codes_in_function("    raise ValueError('bad') from x\n"), (Codes{"PG0103@2:34"}));
}

TEST(UnsupportedStatementTest, With) {
  EXPECT_EQ(codes_in_function("    with open(x) as f:\n        pass\n"), (Codes{"PG0104@2:5"}));
}

TEST(UnsupportedStatementTest, Global) {
  EXPECT_EQ(codes_in_function("    global y\n"), (Codes{"PG0105@2:5"}));
}

TEST(UnsupportedStatementTest, Nonlocal) {
  EXPECT_EQ(codes_in_function("    nonlocal y\n"), (Codes{"PG0106@2:5"}));
}

TEST(UnsupportedStatementTest, Del) {
  EXPECT_EQ(codes_in_function("    del x\n"), (Codes{"PG0107@2:5"}));
}

TEST(UnsupportedStatementTest, YieldStatement) {
  EXPECT_EQ(codes_in_function("    yield x\n"), (Codes{"PG0108@2:5"}));
}

TEST(UnsupportedStatementTest, YieldExpression) {
  EXPECT_EQ(codes_in_function("    y = yield x\n"), (Codes{"PG0108@2:9"}));
}

TEST(UnsupportedStatementTest, AsyncFor) {
  EXPECT_EQ(codes_at("def f(x):\n    async for i in x:\n        pass\n"), (Codes{"PG0109@2:5"}));
}

TEST(UnsupportedStatementTest, Match) {
  EXPECT_EQ(codes_in_function("    match x:\n        case 1:\n            pass\n"),
            (Codes{"PG0110@2:5"}));
}

TEST(UnsupportedStatementTest, MatchAsAFunctionNameIsACall) {
  EXPECT_TRUE(codes_in_function("    match(x)\n").empty());
}

TEST(UnsupportedStatementTest, ExecStatement) {
  EXPECT_EQ(codes_in_function("    exec 'x = 1'\n"), (Codes{"PG0121@2:5"}));
}

TEST(UnsupportedStatementTest, Python2PrintStatement) {
  EXPECT_EQ(codes_in_function("    print 'x'\n"), (Codes{"PG0121@2:5"}));
}

TEST(UnsupportedStatementTest, TypeAlias) {
  EXPECT_EQ(codes_in_function("    type T = int\n"), (Codes{"PG0121@2:5"}));
}

TEST(UnsupportedStatementTest, AttributeTarget) {
  ParseResult result = parse_module("def f(x):\n    x.y = 1\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0119@2:5"}));
  EXPECT_TRUE(result.module.functions[0].body.empty());  // the statement is dropped
}

TEST(UnsupportedStatementTest, AttributeAugmentedTarget) {
  EXPECT_EQ(codes_in_function("    x.y += 1\n"), (Codes{"PG0119@2:5"}));
}

TEST(UnsupportedStatementTest, StarredTarget) {
  EXPECT_EQ(codes_in_function("    a, *b = x\n"), (Codes{"PG0118@2:8"}));
}

TEST(UnsupportedStatementTest, StarredForTarget) {
  EXPECT_EQ(codes_in_function("    for a, *b in x:\n        pass\n"), (Codes{"PG0118@2:12"}));
}

TEST(UnsupportedStatementTest, TupleAugmentedTarget) {
  EXPECT_EQ(codes_in_function("    a, b += x\n"), (Codes{"PG0120@2:5"}));
}

TEST(UnsupportedStatementTest, AnnotatedTupleTarget) {
  EXPECT_EQ(codes_in_function("    (a, b): int = x\n"), (Codes{"PG0120@2:5"}));
}

TEST(UnsupportedStatementTest, EveryErrorInOneRun) {
  ParseResult result = parse_module(
      "def f(x):\n"
      "    try:\n"
      "        pass\n"
      "    except E:\n"
      "        pass\n"
      "    y = {i for i in x}\n"
      "    del y\n"
      "    return {1}\n"
      "\n"
      "class A:\n"
      "    pass\n"
      "\n"
      "def g(*a):\n"
      "    global z\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0102@2:5", "PG0204@6:9", "PG0107@7:5", "PG0207@8:12",
                                     "PG0101@10:1", "PG0115@13:7", "PG0105@14:5"}));
  ASSERT_EQ(result.module.functions.size(), 2u);
  EXPECT_EQ(result.module.functions[0].body.size(), 2u);  // y = None placeholder, return
}

}  // namespace
}  // namespace pygraft::parser_test
