// Syntax errors: every ERROR and MISSING node is reported (PG0001), in
// source order, and conversion goes on around them.
#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

TEST(SyntaxErrorTest, UnexpectedTokenIsNamed) {
  ParseResult result = parse_module("def f(x):\n    return x $ 1\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0001@2:14"}));
  EXPECT_EQ(result.diagnostics[0].message, "invalid syntax: unexpected '$'");
}

TEST(SyntaxErrorTest, NothingParsesAtAll) {
  ParseResult result = parse_module("x = )\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0001@1:1"}));
  EXPECT_TRUE(result.module.constants.empty());
}

TEST(SyntaxErrorTest, MissingTokenIsNamed) {
  ParseResult result = parse_module("def f(:\n    pass\n");
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_EQ(result.diagnostics[0].code(), "PG0001");
  EXPECT_EQ(result.diagnostics[0].message, "invalid syntax: expected ')' here");
}

TEST(SyntaxErrorTest, SeveralErrorsAllReportedInOrder) {
  ParseResult result = parse_module(
      "x = (1 +* 2)\n"
      "def f(x):\n"
      "    return x $ 1\n"
      "def g(y):\n"
      "    return y +* 2\n");
  Codes codes = codes_at(result);
  ASSERT_GE(codes.size(), 3u) << messages(result);
  for (const std::string& code : codes) EXPECT_EQ(code.substr(0, 6), "PG0001");
  EXPECT_EQ(result.diagnostics[0].range.line, 1u);
  EXPECT_EQ(result.diagnostics[1].range.line, 3u);
  EXPECT_EQ(result.diagnostics.back().range.line, 5u);
  for (size_t i = 1; i < result.diagnostics.size(); ++i) {
    EXPECT_FALSE(starts_before(result.diagnostics[i].range, result.diagnostics[i - 1].range));
  }
}

TEST(SyntaxErrorTest, UnsupportedConstructsElsewhereAreStillReported) {
  ParseResult result = parse_module(
      "def f(x):\n"
      "    return x $ 1\n"
      "class A:\n"
      "    pass\n"
      "def g(x):\n"
      "    return {1}\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0001@2:14", "PG0101@3:1", "PG0207@6:12"}));
  EXPECT_EQ(result.module.functions.size(), 2u);
}

TEST(SyntaxErrorTest, StatementWithAnErrorGivesNoOtherDiagnostic) {
  // The broken statement is not also reported as an unsupported assignment.
  EXPECT_EQ(codes_at("x = )\ny = 1\n"), (Codes{"PG0001@1:5"}));
}

// CPython's IndentationError, at the line that should have been indented.
TEST(SyntaxErrorTest, MissingIndentedBlock) {
  ParseResult result = parse_module("def f(x):\n    if x:\n    return 1\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0006@3:5"}));
  EXPECT_EQ(result.diagnostics[0].message,
            "IndentationError: expected an indented block after 'if' statement on line 2; indent "
            "its body, or write 'pass'");
}

TEST(SyntaxErrorTest, BodyOfABrokenDefIsNotReportedAsModuleLevel) {
  EXPECT_EQ(codes_at("def f(x:\n    pass\n"), (Codes{"PG0001@1:1"}));
}

TEST(SyntaxErrorTest, UnterminatedString) {
  ParseResult result = parse_module("x = 'abc\ny = 1\n");
  ASSERT_FALSE(result.diagnostics.empty());
  EXPECT_EQ(result.diagnostics[0].code(), "PG0001");
  EXPECT_EQ(result.diagnostics[0].range.line, 1u);
}

TEST(SyntaxErrorTest, OldInequalityOperator) {
  EXPECT_EQ(codes_at("x = a <> b\n"), (Codes{"PG0001@1:7"}));
}

TEST(SyntaxErrorTest, InvalidIntegerSuffix) {
  EXPECT_EQ(codes_at("x = 10L\n"), (Codes{"PG0001@1:5"}));
}

TEST(SyntaxErrorTest, MissingColonPointsAtTheEndOfTheHeader) {
  ParseResult result = parse_module("def f(x):\n    if x > 0  # positive\n        return x\n");
  ASSERT_EQ(codes_at(result), (Codes{"PG0001@2:13"})) << messages(result);
  EXPECT_EQ(result.diagnostics[0].message, "invalid syntax: expected ':' to end the 'if' header");
}

TEST(SyntaxErrorTest, ExpressionCutShortNamesTheLastToken) {
  ParseResult result = parse_module("def f(x):\n    y = (x +\n    return y\n");
  ASSERT_EQ(result.diagnostics.size(), 1u) << messages(result);
  EXPECT_EQ(result.diagnostics[0].message, "invalid syntax: expected more after '+'");
}

TEST(SyntaxErrorTest, UnparsableTextIsQuoted) {
  ParseResult result = parse_module("def f(x):\n    a b c = 1\n    return x\n");
  ASSERT_EQ(result.diagnostics.size(), 1u) << messages(result);
  EXPECT_EQ(result.diagnostics[0].message, "invalid syntax in 'a b'");
  result = parse_module("def f(x):\n    print(1) print(2)\n    return x\n");
  ASSERT_EQ(result.diagnostics.size(), 1u) << messages(result);
  EXPECT_EQ(result.diagnostics[0].message.find("expected more"), std::string::npos)
      << result.diagnostics[0].message;
}

}  // namespace
}  // namespace pygraft::parser_test
