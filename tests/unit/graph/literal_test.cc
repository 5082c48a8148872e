// literal_to_string: Python's repr.
#include "graph/literal.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace pygraft {
namespace {

std::string repr(Literal lit) {
  return literal_to_string(lit);
}

TEST(Literal, Scalars) {
  EXPECT_EQ(repr(NoneLiteral{}), "None");
  EXPECT_EQ(repr(true), "True");
  EXPECT_EQ(repr(false), "False");
  EXPECT_EQ(repr(int64_t{3}), "3");
  EXPECT_EQ(repr(int64_t{-42}), "-42");
  EXPECT_EQ(repr(std::numeric_limits<int64_t>::min()), "-9223372036854775808");
  EXPECT_EQ(repr(DType::Float32), "float32");
}

TEST(Literal, FloatsReadLikePythonRepr) {
  EXPECT_EQ(repr(2.5), "2.5");
  EXPECT_EQ(repr(1.0), "1.0");
  EXPECT_EQ(repr(0.0), "0.0");
  EXPECT_EQ(repr(-0.0), "-0.0");
  EXPECT_EQ(repr(0.1), "0.1");
  EXPECT_EQ(repr(1e-05), "1e-05");
  EXPECT_EQ(repr(0.0001), "0.0001");
  EXPECT_EQ(repr(1.5e-7), "1.5e-07");
  EXPECT_EQ(repr(1e15), "1000000000000000.0");
  EXPECT_EQ(repr(1e16), "1e+16");
  EXPECT_EQ(repr(1.2345678901234568e+17), "1.2345678901234568e+17");
  EXPECT_EQ(repr(1e100), "1e+100");
  EXPECT_EQ(repr(123.456), "123.456");
  EXPECT_EQ(repr(-3.25), "-3.25");
  EXPECT_EQ(repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(repr(5e-324), "5e-324");
}

TEST(Literal, NonFiniteFloats) {
  EXPECT_EQ(repr(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(repr(-std::numeric_limits<double>::infinity()), "-inf");
  EXPECT_EQ(repr(std::nan("")), "nan");
}

TEST(Literal, StringsEscapeLikePython) {
  EXPECT_EQ(repr(std::string("text")), "'text'");
  EXPECT_EQ(repr(std::string("a\nb\t\\")), "'a\\nb\\t\\\\'");
  EXPECT_EQ(repr(std::string("it's")), "\"it's\"");
  EXPECT_EQ(repr(std::string("'\"")), "'\\'\"'");
  EXPECT_EQ(repr(std::string("\x01")), "'\\x01'");
  EXPECT_EQ(repr(std::string("h\xc3\xa9")), "'h\xc3\xa9'");
}

TEST(Literal, Tuples) {
  EXPECT_EQ(repr(LiteralTuple{}), "()");
  EXPECT_EQ(repr(LiteralTuple{Literal(int64_t{1})}), "(1,)");
  EXPECT_EQ(repr(LiteralTuple{Literal(int64_t{1}), Literal(int64_t{2})}), "(1, 2)");
  LiteralTuple nested{Literal(LiteralTuple{Literal(2.0), Literal(NoneLiteral{})}),
                      Literal(DType::Int64)};
  EXPECT_EQ(repr(nested), "((2.0, None), int64)");
}

}  // namespace
}  // namespace pygraft
