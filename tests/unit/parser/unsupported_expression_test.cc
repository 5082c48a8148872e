// Each expression outside the subset: its code, line and column, and the
// placeholder left in the tree.
#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

Codes codes_of_value(const std::string& expression) {
  return codes_at("def f(x):\n    y = " + expression + "\n");
}

TEST(UnsupportedExpressionTest, LambdaWithDefaultsOrStarArgs) {
  EXPECT_EQ(codes_of_value("lambda v=1: v"), (Codes{"PG0201@2:16"}));
  EXPECT_EQ(codes_of_value("lambda *v: v"), (Codes{"PG0201@2:16"}));
}

TEST(UnsupportedExpressionTest, LambdaComprehensionsAndDictsAreExpressions) {
  for (const char* supported :
       {"lambda v: v", "lambda: 0", "[v * 2 for v in x]", "[v for v in x if v if v > 1 for w in v]",
        "(v for v in x)", "sum(v for v in x)", "{v: v for v in x}", "{1: 2}", "{}"}) {
    EXPECT_EQ(codes_of_value(supported), Codes{}) << supported;
  }
}

TEST(UnsupportedExpressionTest, ComprehensionTree) {
  ParseResult result = parse_module("def f(x):\n    return [v * 2 for v in x if v]\n");
  ASSERT_EQ(result.module.functions.size(), 1u);
  EXPECT_EQ(dump_stmt(*result.module.functions[0].body[0]),
            "(return @2:5-2:35\n"
            "  (list_comp @2:12-2:35\n"
            "    (binary * @2:13-2:18\n"
            "      (name v @2:13-2:14)\n"
            "      (int 2 @2:17-2:18))\n"
            "    (for\n"
            "      (name v @2:23-2:24)\n"
            "      (name x @2:28-2:29)\n"
            "      (name v @2:33-2:34))))\n");
}

TEST(UnsupportedExpressionTest, SetComprehension) {
  EXPECT_EQ(codes_of_value("{v for v in x}"), (Codes{"PG0204@2:9"}));
}

TEST(UnsupportedExpressionTest, Set) {
  EXPECT_EQ(codes_of_value("{1, 2}"), (Codes{"PG0207@2:9"}));
}

TEST(UnsupportedExpressionTest, Walrus) {
  EXPECT_EQ(codes_of_value("(z := 1)"), (Codes{"PG0210@2:10"}));
}

// f(*x) parses (the call records which argument is starred): zip(*xs) as a
// for loop's iterable takes it, the lowering reports every other call. A
// second starred argument is reported here.
TEST(UnsupportedExpressionTest, OneStarredArgumentIsRecordedOnTheCall) {
  ParseResult result = parse_module("def f(x):\n    return zip(*x)\n");
  EXPECT_EQ(codes_at(result), Codes{});
  ASSERT_EQ(result.module.functions.size(), 1u);
  EXPECT_EQ(dump_stmt(*result.module.functions[0].body[0]),
            "(return @2:5-2:19\n"
            "  (call starred_arg=0 @2:12-2:19\n"
            "    (name zip @2:12-2:15)\n"
            "    (args\n"
            "      (name x @2:17-2:18))))\n");
  EXPECT_EQ(codes_of_value("f(a, *x, *y)"), (Codes{"PG0211@2:18"}));
}

// f(**d) parses (a "**" keyword); transform/ast_passes/expand_dict_splats.h
// expands it for functions of the file and reports it elsewhere.
TEST(UnsupportedExpressionTest, DoubleStarredArgumentIsAKeyword) {
  ParseResult result = parse_module("def f(x):\n    y = f(**x)\n");
  EXPECT_EQ(codes_at(result), Codes{});
  EXPECT_EQ(codes_of_value("{**x}"), (Codes{"PG0211@2:10"}));
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
  ParseResult result = parse_module("def f(x):\n    return x + {1, 2}\n");
  ASSERT_EQ(result.module.functions.size(), 1u);
  ASSERT_EQ(result.module.functions[0].body.size(), 1u);
  EXPECT_EQ(dump_stmt(*result.module.functions[0].body[0]),
            "(return @2:5-2:22\n"
            "  (binary + @2:12-2:22\n"
            "    (name x @2:12-2:13)\n"
            "    (None @2:16-2:22)))\n");
}

TEST(UnsupportedExpressionTest, SeveralInOneStatement) {
  EXPECT_EQ(codes_of_value("{v for v in x} + {1, 2} + (z := 0)"),
            (Codes{"PG0204@2:9", "PG0207@2:26", "PG0210@2:36"}));
}

}  // namespace
}  // namespace pygraft::parser_test
