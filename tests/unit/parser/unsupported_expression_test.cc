// Each expression outside the subset: its code, line and column, and the
// placeholder left in the tree.
#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

Codes codes_of_value(const std::string& expression) {
  return codes_at("def f(x):\n    y = " + expression + "\n");
}

TEST(UnsupportedExpressionTest, Lambda) {
  EXPECT_EQ(codes_of_value("lambda v: v"), (Codes{"PG0201@2:9"}));
}

TEST(UnsupportedExpressionTest, ListComprehensionMessageNamesTheAlternative) {
  ParseResult result = parse_module("def f(x):\n    y = [v * 2 for v in x]\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0202@2:9"}));
  EXPECT_EQ(range_text(result.diagnostics[0].range), "2:9-2:27");
  EXPECT_NE(result.diagnostics[0].message.find("preallocated array"), std::string::npos);
}

TEST(UnsupportedExpressionTest, DictComprehension) {
  EXPECT_EQ(codes_of_value("{v: v for v in x}"), (Codes{"PG0203@2:9"}));
}

TEST(UnsupportedExpressionTest, SetComprehension) {
  EXPECT_EQ(codes_of_value("{v for v in x}"), (Codes{"PG0204@2:9"}));
}

TEST(UnsupportedExpressionTest, GeneratorExpression) {
  EXPECT_EQ(codes_of_value("(v for v in x)"), (Codes{"PG0205@2:9"}));
}

TEST(UnsupportedExpressionTest, GeneratorAsSoleCallArgument) {
  EXPECT_EQ(codes_of_value("sum(v for v in x)"), (Codes{"PG0205@2:12"}));
}

TEST(UnsupportedExpressionTest, Dict) {
  EXPECT_EQ(codes_of_value("{1: 2}"), (Codes{"PG0206@2:9"}));
}

TEST(UnsupportedExpressionTest, Set) {
  EXPECT_EQ(codes_of_value("{1, 2}"), (Codes{"PG0207@2:9"}));
}

TEST(UnsupportedExpressionTest, Walrus) {
  EXPECT_EQ(codes_of_value("(z := 1)"), (Codes{"PG0210@2:10"}));
}

TEST(UnsupportedExpressionTest, StarredArgument) {
  EXPECT_EQ(codes_of_value("f(*x)"), (Codes{"PG0211@2:11"}));
}

TEST(UnsupportedExpressionTest, DoubleStarredArgument) {
  EXPECT_EQ(codes_of_value("f(**x)"), (Codes{"PG0211@2:11"}));
}

TEST(UnsupportedExpressionTest, StarredInTuple) {
  EXPECT_EQ(codes_of_value("(1, *x)"), (Codes{"PG0211@2:13"}));
}

TEST(UnsupportedExpressionTest, Await) {
  EXPECT_EQ(codes_of_value("await x"), (Codes{"PG0212@2:9"}));
}

TEST(UnsupportedExpressionTest, Imaginary) {
  EXPECT_EQ(codes_of_value("1j"), (Codes{"PG0215@2:9"}));
  EXPECT_EQ(codes_of_value("1.5j"), (Codes{"PG0215@2:9"}));
}

TEST(UnsupportedExpressionTest, IntegerTooLarge) {
  ParseResult result = parse_module("def f(x):\n    y = 9223372036854775808\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0004@2:9"}));
  EXPECT_NE(result.diagnostics[0].message.find("9223372036854775808"), std::string::npos);
  EXPECT_EQ(codes_of_value("0x1_0000_0000_0000_0000"), (Codes{"PG0004@2:9"}));
}

TEST(UnsupportedExpressionTest, PlaceholderKeepsTheTreeWellFormed) {
  ParseResult result = parse_module("def f(x):\n    return x + {1: 2}\n");
  ASSERT_EQ(result.module.functions.size(), 1u);
  ASSERT_EQ(result.module.functions[0].body.size(), 1u);
  EXPECT_EQ(dump_stmt(*result.module.functions[0].body[0]),
            "(return @2:5-2:22\n"
            "  (binary + @2:12-2:22\n"
            "    (name x @2:12-2:13)\n"
            "    (None @2:16-2:22)))\n");
}

TEST(UnsupportedExpressionTest, SeveralInOneStatement) {
  EXPECT_EQ(codes_of_value("[v for v in x] + {1: 2} + (lambda: 0)"),
            (Codes{"PG0202@2:9", "PG0206@2:26", "PG0201@2:36"}));
}

}  // namespace
}  // namespace pygraft::parser_test
