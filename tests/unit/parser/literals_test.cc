// The literal decoders on their own (parser/literals.h).
#include "parser/literals.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace pygraft::parser {
namespace {

TEST(LiteralsTest, IntegerBases) {
  EXPECT_EQ(parse_int_literal("42", false).value, 42);
  EXPECT_EQ(parse_int_literal("0", false).value, 0);
  EXPECT_EQ(parse_int_literal("0XFF", false).value, 255);
  EXPECT_EQ(parse_int_literal("0O777", false).value, 511);
  EXPECT_EQ(parse_int_literal("0B1_0", false).value, 2);
  EXPECT_EQ(parse_int_literal("1_000_000", false).value, 1000000);
}

TEST(LiteralsTest, IntegerLimits) {
  EXPECT_EQ(parse_int_literal("9223372036854775807", false).value,
            std::numeric_limits<int64_t>::max());
  EXPECT_EQ(parse_int_literal("9223372036854775808", false).status, LiteralStatus::TooLarge);
  IntLiteralValue min = parse_int_literal("9223372036854775808", true);
  EXPECT_EQ(min.status, LiteralStatus::Ok);
  EXPECT_EQ(min.value, std::numeric_limits<int64_t>::min());
  EXPECT_EQ(parse_int_literal("9223372036854775809", true).status, LiteralStatus::TooLarge);
  EXPECT_EQ(parse_int_literal("0xFFFFFFFFFFFFFFFF", false).status, LiteralStatus::TooLarge);
  EXPECT_EQ(parse_int_literal(std::string(5000, '9'), false).status, LiteralStatus::TooLarge);
}

TEST(LiteralsTest, IntegerOddities) {
  EXPECT_EQ(parse_int_literal("3j", false).status, LiteralStatus::Imaginary);
  EXPECT_EQ(parse_int_literal("3L", false).status, LiteralStatus::Invalid);
  EXPECT_EQ(parse_int_literal("0x", false).status, LiteralStatus::Invalid);
}

TEST(LiteralsTest, Floats) {
  EXPECT_EQ(parse_float_literal("1.5").value, 1.5);
  EXPECT_EQ(parse_float_literal("1.").value, 1.0);
  EXPECT_EQ(parse_float_literal(".25").value, 0.25);
  EXPECT_EQ(parse_float_literal("1e3").value, 1000.0);
  EXPECT_EQ(parse_float_literal("1_0.5e-1_0").value, 10.5e-10);
  EXPECT_EQ(parse_float_literal("2.5j").status, LiteralStatus::Imaginary);
}

TEST(LiteralsTest, FloatOverflowAndUnderflowAsInPython) {
  EXPECT_TRUE(std::isinf(parse_float_literal("1e400").value));
  EXPECT_EQ(parse_float_literal("1e-400").value, 0.0);
}

TEST(LiteralsTest, StringPrefixes) {
  EXPECT_TRUE(parse_string_prefix("r'").raw);
  EXPECT_TRUE(parse_string_prefix("Rb\"").bytes);
  EXPECT_TRUE(parse_string_prefix("rf'''").formatted);
  EXPECT_FALSE(parse_string_prefix("u'").raw);
  EXPECT_FALSE(parse_string_prefix("\"").formatted);
}

TEST(LiteralsTest, StringEscapes) {
  EXPECT_EQ(decode_string_body("a\\\nb", false), "ab");  // line continuation
  EXPECT_EQ(decode_string_body("\\0", false), std::string(1, '\0'));
  EXPECT_EQ(decode_string_body("\\x4", false), "\\x4");  // too short: kept
  EXPECT_EQ(decode_string_body("\\N{DASH}", false), "\\N{DASH}");
  EXPECT_EQ(decode_string_body("a\r\nb", false), "a\nb");
  EXPECT_EQ(decode_string_body("a\\", false), "a\\");
}

}  // namespace
}  // namespace pygraft::parser
