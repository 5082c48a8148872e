// Hostile and unusual inputs: nothing may crash, hang or overflow the stack;
// each gives a sane diagnostic in bounded time.
#include <ctime>

#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

std::string repeat(std::string_view piece, size_t count) {
  std::string out;
  out.reserve(piece.size() * count);
  for (size_t i = 0; i < count; ++i) out += piece;
  return out;
}

double cpu_seconds_of(const std::string& source, ParseResult& result) {
  std::clock_t start = std::clock();
  result = parse_module(source);
  return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

TEST(RobustnessTest, TenThousandNestedParentheses) {
  ParseResult result = parse_module("x = " + repeat("(", 10000) + "1" + repeat(")", 10000) + "\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0005@1:205"}));
}

TEST(RobustnessTest, TenThousandNestedBrackets) {
  ParseResult result = parse_module("x = " + repeat("[", 10000) + repeat("]", 10000) + "\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0005@1:205"}));
}

// CPython's tokenizer stops at the 201st open bracket, closed or not.
TEST(RobustnessTest, TenThousandUnclosedBrackets) {
  ParseResult result = parse_module("x = " + repeat("[", 10000) + "\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0005@1:205"}));
  EXPECT_NE(result.diagnostics[0].message.find("too many nested parentheses"), std::string::npos);
}

TEST(RobustnessTest, TwoHundredUnclosedBracketsAreASyntaxError) {
  ParseResult result = parse_module("x = " + repeat("[", 200) + "\n");
  ASSERT_FALSE(result.diagnostics.empty());
  for (const Diagnostic& d : result.diagnostics) EXPECT_EQ(d.code(), "PG0001");
}

TEST(RobustnessTest, NestingJustUnderTheLimitIsFine) {
  ParseResult result = parse_module("x = " + repeat("(", 150) + "1" + repeat(")", 150) + "\n");
  EXPECT_TRUE(result.diagnostics.empty()) << messages(result);
}

// CPython's tokenizer refuses the 100th level of indentation (line 101),
// however wide each level is.
TEST(RobustnessTest, ThousandNestedIfBlocksIndentedByOne) {
  std::string source = "def f(x):\n";
  for (int i = 0; i < 1000; ++i) source += std::string(i + 1, ' ') + "if x:\n";
  source += std::string(1001, ' ') + "pass\n";
  ParseResult result = parse_module(source);
  EXPECT_EQ(codes_at(result), (Codes{"PG0005@101:101"})) << messages(result).substr(0, 500);
}

TEST(RobustnessTest, ThousandNestedIfBlocksIndentedByFour) {
  std::string source = "def f(x):\n";
  for (int i = 0; i < 1000; ++i) source += std::string(4 * i + 4, ' ') + "if x:\n";
  source += std::string(4004, ' ') + "pass\n";
  ParseResult result = parse_module(source);
  EXPECT_EQ(codes_at(result), (Codes{"PG0005@101:401"})) << messages(result);
}

TEST(RobustnessTest, NinetyNineLevelsOfIndentationAreFine) {
  std::string source = "def f(x):\n";
  for (int i = 0; i < 98; ++i) source += std::string(4 * i + 4, ' ') + "if x:\n";
  source += std::string(4 * 98 + 4, ' ') + "pass\n";
  ParseResult result = parse_module(source);
  EXPECT_TRUE(result.diagnostics.empty()) << messages(result);
}

TEST(RobustnessTest, DeepButValidNestingOfBlocks) {
  std::string source = "def f(x):\n";
  for (int i = 0; i < 60; ++i) source += std::string(4 * i + 4, ' ') + "if x:\n";
  source += std::string(244, ' ') + "pass\n";
  EXPECT_TRUE(parse_module(source).diagnostics.empty());
}

// Valid Python of any length converts: CPython's limits are on nesting, and
// an elif chain nests one level per elif (it compiles up to about 3 000).
TEST(RobustnessTest, LongElifChainConverts) {
  std::string source = "def f(x):\n    if x == 0:\n        pass\n";
  for (int i = 1; i < 2000; ++i)
    source += "    elif x == " + std::to_string(i) + ":\n        pass\n";
  ParseResult result = parse_module(source);
  EXPECT_TRUE(result.diagnostics.empty()) << messages(result).substr(0, 500);
}

TEST(RobustnessTest, OperatorChainUpToCPythonsDepthConverts) {
  ParseResult result = parse_module("x = " + repeat("1 + ", 2500) + "1\n");
  EXPECT_TRUE(result.diagnostics.empty()) << messages(result).substr(0, 500);
}

// CPython: "RecursionError: maximum recursion depth exceeded during
// compilation" past about 3 000 levels.
TEST(RobustnessTest, LongOperatorChainIsDepthLimited) {
  ParseResult result = parse_module("x = " + repeat("1 + ", 30000) + "1\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0005@1:5"}));
}

// Flat in the syntax tree, as in CPython's (which compiles 200 000 operands):
// no limit at all.
TEST(RobustnessTest, LongBooleanChainIsFlat) {
  ParseResult result = parse_module("x = a" + repeat(" and a", 20000) + "\n");
  EXPECT_TRUE(result.diagnostics.empty()) << messages(result).substr(0, 500);
  const auto& values = std::get<ast::BoolOpExpr>(result.module.constants[0].value->kind).values;
  EXPECT_EQ(values.size(), 20001u);
}

TEST(RobustnessTest, LongComparisonChainIsFlat) {
  ParseResult result = parse_module("x = a" + repeat(" < a", 20000) + "\n");
  EXPECT_TRUE(result.diagnostics.empty()) << messages(result).substr(0, 500);
  const auto& compare = std::get<ast::CompareExpr>(result.module.constants[0].value->kind);
  EXPECT_EQ(compare.comparators.size(), 20000u);
}

TEST(RobustnessTest, TwentyNestedLoopsAreFineTheTwentyFirstIsNot) {
  auto loops = [](int depth) {
    std::string source = "def f(x):\n";
    for (int i = 0; i < depth; ++i) {
      source += std::string(4 * i + 4, ' ') + (i % 2 ? "while x:\n" : "for i in x:\n");
    }
    return source + std::string(4 * depth + 4, ' ') + "pass\n";
  };
  EXPECT_TRUE(parse_module(loops(20)).diagnostics.empty());
  ParseResult result = parse_module(loops(21));
  EXPECT_EQ(codes_at(result), (Codes{"PG0005@22:85"})) << messages(result);
  EXPECT_NE(result.diagnostics[0].message.find("too many statically nested blocks"),
            std::string::npos);
}

TEST(RobustnessTest, TenMegabytesOfSimpleFunctions) {
  std::string source;
  for (int i = 0; source.size() < 10'000'000; ++i) {
    source += "def f" + std::to_string(i) +
              "(a, b):\n    c = a + b * 2\n    if c > 3:\n        c = c - 1\n    return c\n\n";
  }
  ParseResult result;
  double seconds = cpu_seconds_of(source, result);
  EXPECT_TRUE(result.diagnostics.empty()) << messages(result).substr(0, 500);
  EXPECT_GT(result.module.functions.size(), 100000u);
  // Note: a few seconds in an optimised build; the sanitizer Debug build
  // runs tree-sitter unoptimised and instrumented, hence the wide margin.
  EXPECT_LT(seconds, 60.0);
}

TEST(RobustnessTest, HundredThousandCharacterLine) {
  ParseResult result = parse_module("x = (" + repeat("1, ", 33333) + "1)\n");
  EXPECT_TRUE(result.diagnostics.empty());
  ASSERT_EQ(result.module.constants.size(), 1u);
  const auto& tuple = std::get<ast::TupleExpr>(result.module.constants[0].value->kind);
  EXPECT_EQ(tuple.elements.size(), 33334u);
  EXPECT_EQ(tuple.elements.back()->range.column, 100005u);
}

TEST(RobustnessTest, CrlfLineEndings) {
  ParseResult result = parse_module("import numpy as np\r\n\r\ndef f(x):\r\n    return x\r\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  ASSERT_EQ(result.module.functions.size(), 1u);
  EXPECT_EQ(range_text(result.module.functions[0].body[0]->range), "4:5-4:13");
}

TEST(RobustnessTest, CrlfErrorPosition) {
  EXPECT_EQ(codes_at("def f(x):\r\n    return {1}\r\n"), (Codes{"PG0207@2:12"}));
}

TEST(RobustnessTest, TabIndentationAndByteColumns) {
  ParseResult result = parse_module("def f(x):\n\tif x:\n\t\treturn {1}\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0207@3:10"}));
}

TEST(RobustnessTest, EmptyAndWhitespaceOnlyFiles) {
  EXPECT_TRUE(parse_module("").diagnostics.empty());
  EXPECT_TRUE(parse_module("\n\n   \n# just a comment\n").diagnostics.empty());
}

TEST(RobustnessTest, Utf8ByteOrderMark) {
  EXPECT_TRUE(parse_module("\xef\xbb\xbfimport math\n").diagnostics.empty());
}

TEST(RobustnessTest, InvalidUtf8IsReportedAtItsPosition) {
  ParseResult result = parse_module("import math\nx = 'a\xff'\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0002@2:7"}));
  EXPECT_TRUE(result.module.imports.empty());  // not parsed further
}

TEST(RobustnessTest, InvalidUtf8Forms) {
  EXPECT_EQ(codes_at("\xc0\xaf"), (Codes{"PG0002@1:1"}));            // overlong
  EXPECT_EQ(codes_at("a\xed\xa0\x80"), (Codes{"PG0002@1:2"}));       // surrogate
  EXPECT_EQ(codes_at("ab\xf4\x90\x80\x80"), (Codes{"PG0002@1:3"}));  // past U+10FFFF
  EXPECT_EQ(codes_at("x\xe2\x82"), (Codes{"PG0002@1:2"}));           // truncated
  EXPECT_TRUE(codes_at("\xc3\xa9 = 1\n").size() <= 1u);              // valid UTF-8
}

TEST(RobustnessTest, NulByteIsReported) {
  ParseResult result = parse_module(std::string("x = 1\ny = \0\n", 12));
  EXPECT_EQ(codes_at(result), (Codes{"PG0003@2:5"}));
  EXPECT_TRUE(result.module.constants.empty());
}

TEST(RobustnessTest, ArbitraryBytesNeverCrash) {
  uint32_t state = 12345;
  const char alphabet[] = "()[]{}:=+-*/ \n\t\"'#\\,.abcdefx0123if def return for in while";
  for (int round = 0; round < 200; ++round) {
    std::string source;
    for (int i = 0; i < 300; ++i) {
      state = state * 1103515245u + 12345u;
      source += alphabet[(state >> 16) % (sizeof alphabet - 1)];
    }
    ParseResult result = parse_module(source);
    for (const Diagnostic& d : result.diagnostics) EXPECT_TRUE(d.range.valid()) << source;
  }
}

}  // namespace
}  // namespace pygraft::parser_test
