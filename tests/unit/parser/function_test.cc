// Function definitions: parameters, docstrings and the function-level
// constructs outside the subset.
#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

const ast::FunctionDef& only_function(const ParseResult& result) {
  EXPECT_EQ(result.module.functions.size(), 1u);
  return result.module.functions.at(0);
}

TEST(FunctionTest, ParameterKinds) {
  ParseResult result = parse_module("def f(a, b=1, c: int = None, d: float):\n    pass\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  const ast::FunctionDef& f = only_function(result);
  ASSERT_EQ(f.params.size(), 4u);
  EXPECT_EQ(f.params[0].name, "a");
  EXPECT_EQ(f.params[0].default_value, nullptr);
  EXPECT_EQ(f.params[0].annotation, nullptr);
  EXPECT_EQ(range_text(f.params[0].range), "1:7-1:8");
  EXPECT_EQ(dump_expr(*f.params[1].default_value), "(int 1 @1:12-1:13)\n");
  EXPECT_EQ(range_text(f.params[1].range), "1:10-1:13");
  EXPECT_EQ(dump_expr(*f.params[2].annotation), "(name int @1:18-1:21)\n");
  EXPECT_EQ(dump_expr(*f.params[2].default_value), "(None @1:24-1:28)\n");
  EXPECT_EQ(f.params[3].default_value, nullptr);
  EXPECT_EQ(dump_expr(*f.params[3].annotation), "(name float @1:33-1:38)\n");
}

TEST(FunctionTest, AttributeAndStringAnnotationsAreKept) {
  ParseResult result =
      parse_module("def f(x: np.ndarray, y: \"np.ndarray\") -> float:\n    pass\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  const ast::FunctionDef& f = only_function(result);
  ASSERT_EQ(f.params.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<ast::AttributeExpr>(f.params[0].annotation->kind));
  EXPECT_TRUE(std::holds_alternative<ast::StringLiteral>(f.params[1].annotation->kind));
}

TEST(FunctionTest, GenericAnnotationBecomesNameWithItsText) {
  ParseResult result = parse_module("def f(x: list[int]):\n    pass\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  EXPECT_EQ(dump_expr(*only_function(result).params[0].annotation),
            "(name list[int] @1:10-1:19)\n");
}

TEST(FunctionTest, PositionalOnlyMarkerIsAccepted) {
  ParseResult result = parse_module("def f(a, /, b):\n    pass\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  EXPECT_EQ(only_function(result).params.size(), 2u);
}

TEST(FunctionTest, VarArgsIsReported) {
  ParseResult result = parse_module("def f(a, *args):\n    pass\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0115@1:10"}));
  EXPECT_EQ(only_function(result).params.size(), 1u);
}

TEST(FunctionTest, TypedVarArgsIsReported) {
  EXPECT_EQ(codes_at("def f(*args: int):\n    pass\n"), (Codes{"PG0115@1:7"}));
}

TEST(FunctionTest, KwArgsIsReported) {
  EXPECT_EQ(codes_at("def f(a, **kwargs):\n    pass\n"), (Codes{"PG0116@1:10"}));
}

TEST(FunctionTest, KeywordOnlyMarkerIsReportedOnceAtTheStar) {
  ParseResult result = parse_module("def f(a, *, b, c=1):\n    pass\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0117@1:10"}));
  EXPECT_EQ(range_text(result.diagnostics[0].range), "1:10-1:11");
}

TEST(FunctionTest, AsyncDefIsReported) {
  ParseResult result = parse_module("async def f():\n    return 1\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0109@1:1"}));
  EXPECT_EQ(range_text(result.diagnostics[0].range), "1:1-1:6");
}

TEST(FunctionTest, NestedDefIsReported) {
  ParseResult result = parse_module("def f():\n    def g():\n        pass\n    return 1\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0112@2:5"}));
  EXPECT_NE(result.diagnostics[0].message.find("'g'"), std::string::npos);
  EXPECT_EQ(only_function(result).body.size(), 1u);  // the def is dropped
}

TEST(FunctionTest, NestedDecoratedDefIsReportedAsNestedDef) {
  EXPECT_EQ(codes_at("def f():\n    @d\n    def g():\n        pass\n"), (Codes{"PG0112@3:5"}));
}

TEST(FunctionTest, ClassInsideFunctionIsReported) {
  EXPECT_EQ(codes_at("def f():\n    class A:\n        pass\n"), (Codes{"PG0101@2:5"}));
}

TEST(FunctionTest, ImportInsideFunctionIsReported) {
  ParseResult result = parse_module("def f():\n    import numpy as np\n    from math import pi\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0113@2:5", "PG0113@3:5"}));
  EXPECT_NE(result.diagnostics[0].message.find("numpy"), std::string::npos);
}

TEST(FunctionTest, DocstringIsDropped) {
  ParseResult result = parse_module("def f(x):\n    \"\"\"Doc.\n\n    More.\"\"\"\n    return x\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  const ast::FunctionDef& f = only_function(result);
  ASSERT_EQ(f.body.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<ast::Return>(f.body[0]->kind));
}

TEST(FunctionTest, DocstringOnlyBodyIsEmpty) {
  ParseResult result = parse_module("def f():\n    'Doc.'\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  EXPECT_TRUE(only_function(result).body.empty());
}

TEST(FunctionTest, LaterStringStatementIsAnExpressionStatement) {
  ParseResult result = parse_module("def f():\n    x = 1\n    'not a docstring'\n");
  EXPECT_TRUE(result.diagnostics.empty()) << messages(result);
  ASSERT_EQ(result.module.functions[0].body.size(), 2u);
}

TEST(FunctionTest, OneLineBody) {
  EXPECT_EQ(body_dump("def f(x): return x\n"), "(return @1:11-1:19\n  (name x @1:18-1:19))\n");
}

}  // namespace
}  // namespace pygraft::parser_test
