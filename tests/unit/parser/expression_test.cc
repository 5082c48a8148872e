// Expression shapes and ranges (written as the value of `x = ...` at module
// level, so every expression starts at 1:5).
#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

TEST(ExpressionTest, Name) {
  EXPECT_EQ(expr_dump("abc"), "(name abc @1:5-1:8)\n");
}

TEST(ExpressionTest, Constants) {
  EXPECT_EQ(expr_dump("True"), "(True @1:5-1:9)\n");
  EXPECT_EQ(expr_dump("False"), "(False @1:5-1:10)\n");
  EXPECT_EQ(expr_dump("None"), "(None @1:5-1:9)\n");
}

TEST(ExpressionTest, Integers) {
  EXPECT_EQ(expr_dump("1_000"), "(int 1000 @1:5-1:10)\n");
  EXPECT_EQ(expr_dump("0xff"), "(int 255 @1:5-1:9)\n");
  EXPECT_EQ(expr_dump("0o17"), "(int 15 @1:5-1:9)\n");
  EXPECT_EQ(expr_dump("0b101"), "(int 5 @1:5-1:10)\n");
  EXPECT_EQ(expr_dump("9223372036854775807"), "(int 9223372036854775807 @1:5-1:24)\n");
}

TEST(ExpressionTest, MostNegativeIntegerIsOneLiteral) {
  EXPECT_EQ(expr_dump("-9223372036854775808"), "(int -9223372036854775808 @1:5-1:25)\n");
}

TEST(ExpressionTest, Floats) {
  EXPECT_EQ(expr_dump("1.5"), "(float 1.5 @1:5-1:8)\n");
  EXPECT_EQ(expr_dump("1."), "(float 1.0 @1:5-1:7)\n");
  EXPECT_EQ(expr_dump(".5"), "(float 0.5 @1:5-1:7)\n");
  EXPECT_EQ(expr_dump("1e3"), "(float 1000.0 @1:5-1:8)\n");
  EXPECT_EQ(expr_dump("2.5E-3"), "(float 0.0025 @1:5-1:11)\n");
  EXPECT_EQ(expr_dump("1_000.000_1"), "(float 1000.0001 @1:5-1:16)\n");
}

TEST(ExpressionTest, TupleForms) {
  EXPECT_EQ(expr_dump("(1, 2)"), "(tuple @1:5-1:11\n  (int 1 @1:6-1:7)\n  (int 2 @1:9-1:10))\n");
  EXPECT_EQ(expr_dump("(1,)"), "(tuple @1:5-1:9\n  (int 1 @1:6-1:7))\n");
  EXPECT_EQ(expr_dump("()"), "(tuple @1:5-1:7)\n");
}

TEST(ExpressionTest, ParenthesesAreTransparent) {
  EXPECT_EQ(expr_dump("((a))"), "(name a @1:7-1:8)\n");
}

TEST(ExpressionTest, List) {
  EXPECT_EQ(expr_dump("[1, a]"), "(list @1:5-1:11\n  (int 1 @1:6-1:7)\n  (name a @1:9-1:10))\n");
}

TEST(ExpressionTest, BinaryOperatorsWithPrecedence) {
  EXPECT_EQ(expr_dump("a + b * c"),
            "(binary + @1:5-1:14\n"
            "  (name a @1:5-1:6)\n"
            "  (binary * @1:9-1:14\n"
            "    (name b @1:9-1:10)\n"
            "    (name c @1:13-1:14)))\n");
}

TEST(ExpressionTest, EveryBinaryOperator) {
  const char* ops[] = {"+", "-", "*", "/", "//", "%", "**", "@", "&", "|", "^", "<<", ">>"};
  for (const char* op : ops) {
    std::string expected = std::string("(binary ") + op + " @1:5-";
    EXPECT_EQ(expr_dump(std::string("a ") + op + " b").substr(0, expected.size()), expected);
  }
}

TEST(ExpressionTest, UnaryOperators) {
  EXPECT_EQ(expr_dump("-a"), "(unary - @1:5-1:7\n  (name a @1:6-1:7))\n");
  EXPECT_EQ(expr_dump("+a"), "(unary + @1:5-1:7\n  (name a @1:6-1:7))\n");
  EXPECT_EQ(expr_dump("~a"), "(unary ~ @1:5-1:7\n  (name a @1:6-1:7))\n");
  EXPECT_EQ(expr_dump("not a"), "(unary not @1:5-1:10\n  (name a @1:9-1:10))\n");
}

TEST(ExpressionTest, SameBooleanOperatorIsFlattened) {
  EXPECT_EQ(expr_dump("a and b and c"),
            "(and @1:5-1:18\n  (name a @1:5-1:6)\n  (name b @1:11-1:12)\n  (name c @1:17-1:18))\n");
}

TEST(ExpressionTest, MixedBooleanOperatorsNest) {
  EXPECT_EQ(expr_dump("a or b and c or d"),
            "(or @1:5-1:22\n"
            "  (name a @1:5-1:6)\n"
            "  (and @1:10-1:17\n"
            "    (name b @1:10-1:11)\n"
            "    (name c @1:16-1:17))\n"
            "  (name d @1:21-1:22))\n");
}

TEST(ExpressionTest, ParenthesizedBooleanOperandIsNotFlattened) {
  EXPECT_EQ(expr_dump("(a and b) and c"),
            "(and @1:5-1:20\n"
            "  (and @1:6-1:13\n"
            "    (name a @1:6-1:7)\n"
            "    (name b @1:12-1:13))\n"
            "  (name c @1:19-1:20))\n");
}

TEST(ExpressionTest, ComparisonChain) {
  EXPECT_EQ(expr_dump("a < b <= c"),
            "(compare '<' '<=' @1:5-1:15\n"
            "  (name a @1:5-1:6)\n"
            "  (name b @1:9-1:10)\n"
            "  (name c @1:14-1:15))\n");
}

TEST(ExpressionTest, ComparisonOperators) {
  EXPECT_EQ(expr_dump("a is not None").substr(0, 18), "(compare 'is not' ");
  EXPECT_EQ(expr_dump("a is None").substr(0, 14), "(compare 'is' ");
  EXPECT_EQ(expr_dump("a not in b").substr(0, 18), "(compare 'not in' ");
  EXPECT_EQ(expr_dump("a in b").substr(0, 14), "(compare 'in' ");
  EXPECT_EQ(expr_dump("a == b != c > d >= e").substr(0, 34), "(compare '==' '!=' '>' '>=' @1:5-1");
}

TEST(ExpressionTest, ConditionalExpression) {
  EXPECT_EQ(
      expr_dump("a if c else b"),
      "(ifexp @1:5-1:18\n  (name c @1:10-1:11)\n  (name a @1:5-1:6)\n  (name b @1:17-1:18))\n");
}

TEST(ExpressionTest, CallWithKeywords) {
  EXPECT_EQ(expr_dump("np.sum(a, axis=0)"),
            "(call @1:5-1:22\n"
            "  (attr sum @1:5-1:11 attr@1:8-1:11\n"
            "    (name np @1:5-1:7))\n"
            "  (args\n"
            "    (name a @1:12-1:13))\n"
            "  (keyword axis @1:15-1:21\n"
            "    (int 0 @1:20-1:21)))\n");
}

TEST(ExpressionTest, StringArgumentsOfCalls) {
  EXPECT_EQ(expr_dump("a.astype('float32')"),
            "(call @1:5-1:24\n"
            "  (attr astype @1:5-1:13 attr@1:7-1:13\n"
            "    (name a @1:5-1:6))\n"
            "  (args\n"
            "    (str \"float32\" @1:14-1:23)))\n");
  EXPECT_EQ(expr_dump("np.zeros(3, dtype=\"int64\")").find("(str \"int64\" @1:23-1:30)") !=
                std::string::npos,
            true);
}

TEST(ExpressionTest, SubscriptForms) {
  EXPECT_EQ(expr_dump("a[i]"),
            "(subscript @1:5-1:9\n  (name a @1:5-1:6)\n  (indices\n    (name i @1:7-1:8)))\n");
  EXPECT_EQ(expr_dump("a[i, j]").substr(0, 27), "(subscript tuple @1:5-1:12\n");
  EXPECT_EQ(expr_dump("a[(i, j)]"),
            "(subscript tuple @1:5-1:14\n"
            "  (name a @1:5-1:6)\n"
            "  (indices\n"
            "    (name i @1:8-1:9)\n"
            "    (name j @1:11-1:12)))\n");
  EXPECT_EQ(expr_dump("a[i,]").substr(0, 26), "(subscript tuple @1:5-1:10");
}

TEST(ExpressionTest, SlicesWithOptionalParts) {
  EXPECT_EQ(expr_dump("a[::2, None, ..., 1:]"),
            "(subscript tuple @1:5-1:26\n"
            "  (name a @1:5-1:6)\n"
            "  (indices\n"
            "    (slice @1:7-1:10\n"
            "      _\n"
            "      _\n"
            "      (int 2 @1:9-1:10))\n"
            "    (None @1:12-1:16)\n"
            "    (... @1:18-1:21)\n"
            "    (slice @1:23-1:25\n"
            "      (int 1 @1:23-1:24)\n"
            "      _\n"
            "      _)))\n");
  EXPECT_EQ(expr_dump("a[:]"),
            "(subscript @1:5-1:9\n  (name a @1:5-1:6)\n  (indices\n    (slice @1:7-1:8\n"
            "      _\n      _\n      _)))\n");
}

TEST(ExpressionTest, AttributeKeepsAttrRange) {
  EXPECT_EQ(expr_dump("x.T"), "(attr T @1:5-1:8 attr@1:7-1:8\n  (name x @1:5-1:6))\n");
}

TEST(ExpressionTest, MultiLineExpressionRange) {
  ParseResult result = parse_module("x = f(1,\n      2)\n");
  ASSERT_TRUE(result.diagnostics.empty());
  EXPECT_EQ(range_text(result.module.constants[0].value->range), "1:5-2:9");
}

}  // namespace
}  // namespace pygraft::parser_test

namespace pygraft::parser_test {
namespace {

// Python ranks & above ^; tree-sitter-python the other way round, so the
// conversion rebuilds chains mixing them (the fast parser gets it right by
// itself; both must agree).
TEST(ExpressionTest, AndBindsTighterThanXorThroughTreeSitter) {
  ParseResult result = parse_module_with_tree_sitter("x = a ^ b & c\ny = a & b ^ c\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  EXPECT_EQ(
      dump_expr(*result.module.constants[0].value),
      "(binary ^ @1:5-1:14\n  (name a @1:5-1:6)\n  (binary & @1:9-1:14\n    (name b @1:9-1:10)\n"
      "    (name c @1:13-1:14)))\n");
  EXPECT_EQ(
      dump_expr(*result.module.constants[1].value),
      "(binary ^ @2:5-2:14\n  (binary & @2:5-2:10\n    (name a @2:5-2:6)\n    (name b @2:9-2:10))\n"
      "  (name c @2:13-2:14))\n");
  EXPECT_EQ(dump_ast(parse_module("x = a ^ b & c\ny = a & b ^ c\n").module),
            dump_ast(result.module));
}

}  // namespace
}  // namespace pygraft::parser_test
