// String literals: where they are valid, what they decode to, and f-strings
// and bytes.
#include "parser_test_util.h"

namespace pygraft::parser_test {
namespace {

// The decoded value of the single string argument of `print(...)`.
std::string printed(const std::string& literal) {
  ParseResult result = parse_module("def f():\n    print(" + literal + ")\n");
  EXPECT_TRUE(result.diagnostics.empty()) << messages(result);
  if (result.module.functions.empty() || result.module.functions[0].body.empty()) return "?";
  const auto& stmt = std::get<ast::ExprStmt>(result.module.functions[0].body[0]->kind);
  const auto& call = std::get<ast::CallExpr>(stmt.value->kind);
  if (call.args.size() != 1) return "?";
  const auto* string = std::get_if<ast::StringLiteral>(&call.args[0]->kind);
  return string != nullptr ? string->value : "?";
}

TEST(StringTest, QuoteStyles) {
  EXPECT_EQ(printed("'a'"), "a");
  EXPECT_EQ(printed("\"b\""), "b");
  EXPECT_EQ(printed("'''c\nd'''"), "c\nd");
  EXPECT_EQ(printed("\"\"\"e\"\"\""), "e");
}

TEST(StringTest, AdjacentStringsConcatenate) {
  EXPECT_EQ(printed("'ab' \"cd\""), "abcd");
  EXPECT_EQ(printed("('ab'\n          'cd')"), "abcd");
}

TEST(StringTest, EscapeSequences) {
  EXPECT_EQ(printed("'a\\nb\\tc\\\\d\\'e\\\"'"), "a\nb\tc\\d'e\"");
  EXPECT_EQ(printed("'\\x41\\101\\u00e9\\U0001F600'"), "AA\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ(printed("'\\q'"), "\\q");  // unknown escapes stay as written
}

TEST(StringTest, RawStringKeepsBackslashes) {
  EXPECT_EQ(printed("r'a\\nb'"), "a\\nb");
  EXPECT_EQ(printed("R\"\\d+\""), "\\d+");
}

TEST(StringTest, UnicodePrefixIsPlain) {
  EXPECT_EQ(printed("u'x'"), "x");
}

TEST(StringTest, NonAsciiContent) {
  EXPECT_EQ(printed("'h\xc3\xa9llo'"), "h\xc3\xa9llo");
}

TEST(StringTest, KeywordArgumentAndAssertMessageAreValid) {
  EXPECT_TRUE(
      codes_at("def f(x):\n    y = x.astype(dtype='float32')\n    assert x, 'm'\n").empty());
}

TEST(StringTest, StringOutsideAllowedPositionsIsReported) {
  ParseResult result = parse_module(
      "def f(x):\n"
      "    s = \"abc\"\n"
      "    return 'done'\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0208@2:9", "PG0208@3:12"}));
  EXPECT_NE(result.diagnostics[0].message.find("print()"), std::string::npos);
}

// Operands of + and % and method receivers are kept: the lowering reports the
// whole string-building expression once ("loss: " + str(loss)).
TEST(StringTest, StringOperandsOfPlusAndPercentAndReceiversAreKept) {
  EXPECT_EQ(codes_at("def f(x):\n"
                     "    y = x + 'a'\n"
                     "    z = '%d' % x\n"
                     "    return '{}'.format(x)\n"),
            Codes{});
  EXPECT_EQ(codes_at("def f(x):\n    return x - 'a'\n"), (Codes{"PG0208@2:16"}));
  EXPECT_EQ(codes_at("def f(x):\n    return x % 'a'\n"), (Codes{"PG0208@2:16"}));
}

TEST(StringTest, StringInsideTupleArgumentIsReported) {
  EXPECT_EQ(codes_at("def f():\n    print(('a', 1))\n"), (Codes{"PG0208@2:12"}));
}

TEST(StringTest, FStringIsReportedEvenAsPrintArgument) {
  EXPECT_EQ(codes_at("def f(x):\n    print(f'x={x}')\n"), (Codes{"PG0209@2:11"}));
  EXPECT_EQ(codes_at("def f(x):\n    print(F'plain')\n"), (Codes{"PG0209@2:11"}));
  EXPECT_EQ(codes_at("def f(x):\n    print('a' f'{x}')\n"), (Codes{"PG0209@2:11"}));
}

TEST(StringTest, BytesAreReported) {
  ParseResult result = parse_module("def f(x):\n    print(b'abc')\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0208@2:11"}));
  EXPECT_NE(result.diagnostics[0].message.find("bytes"), std::string::npos);
}

}  // namespace
}  // namespace pygraft::parser_test
