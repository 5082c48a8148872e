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

// Strings are values: anywhere an expression stands, in both parsers.
TEST(StringTest, StringsAreValuesEverywhere) {
  const char* source =
      "MODE = 'train'\n"
      "def f(x, mode='test'):\n"
      "    s = \"abc\"\n"
      "    t = ('a', 1)\n"
      "    if mode in ('a', 'b') or s == 'abc':\n"
      "        return '%d items' % x\n"
      "    return '{}'.format(x) + s\n";
  for (const ParseResult& result : {parse_module(source), parse_module_with_tree_sitter(source)}) {
    EXPECT_TRUE(result.diagnostics.empty()) << messages(result);
    EXPECT_EQ(dump_ast(result.module), dump_ast(parse_module_with_tree_sitter(source).module));
  }
}

// An f-string is the str.format call it means (also joined with plain
// literals, whose braces are doubled), wherever it stands.
TEST(StringTest, FStringIsAFormatCall) {
  ParseResult result = parse_module("X = f'a{{b}} {x!r:>8} {y:.2f}' '{c}'\n");
  ASSERT_TRUE(result.diagnostics.empty()) << messages(result);
  const auto& call = std::get<ast::CallExpr>(result.module.constants[0].value->kind);
  const auto& method = std::get<ast::AttributeExpr>(call.func->kind);
  EXPECT_EQ(method.attr, "format");
  EXPECT_EQ(std::get<ast::StringLiteral>(method.value->kind).value, "a{{b}} {!r:>8} {:.2f}{{c}}");
  ASSERT_EQ(call.args.size(), 2u);
  EXPECT_EQ(std::get<ast::Name>(call.args[0]->kind).id, "x");
  EXPECT_TRUE(codes_at("def f(x):\n    print(f'x={x}', F'plain', 'a' f'{x}')\n").empty());
}

TEST(StringTest, FStringFormsFormatCannotSayAndBytesAreReported) {
  EXPECT_EQ(codes_at("def f(x, w):\n    return f'{x:{w}}'\n"), (Codes{"PG0209@2:17"}));
  EXPECT_EQ(codes_at("def f(x):\n    return f'{x=}'\n"), (Codes{"PG0209@2:14"}));
  EXPECT_EQ(codes_at("def f(x):\n    return b'x'\n"), (Codes{"PG0208@2:12"}));
}

TEST(StringTest, BytesAreReported) {
  ParseResult result = parse_module("def f(x):\n    print(b'abc')\n");
  EXPECT_EQ(codes_at(result), (Codes{"PG0208@2:11"}));
  EXPECT_NE(result.diagnostics[0].message.find("bytes"), std::string::npos);
}

}  // namespace
}  // namespace pygraft::parser_test
