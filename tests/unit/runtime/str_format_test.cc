// String building (runtime/str_format.h) against CPython's own results
// (each expectation is what CPython 3.11 prints for the same expression).
#include "runtime/str_format.h"

#include <gtest/gtest.h>

#include "runtime/runtime_error.h"
#include "runtime/tensor.h"

namespace pygraft::rt {
namespace {

Value tuple(std::vector<Value> items) {
  return Value::tuple(std::move(items));
}

TEST(StrFormat, PercentFlagsWidthPrecision) {
  // '%5.2f|%-4s|%+05d|%#x|%.3s' % (3.14159, 'ab', 42, 255, 'abcdef')
  EXPECT_EQ(percent_format("%5.2f|%-4s|%+05d|%#x|%.3s",
                           tuple({Value(3.14159), Value::str("ab"), Value(int64_t{42}),
                                  Value(int64_t{255}), Value::str("abcdef")})),
            " 3.14|ab  |+0042|0xff|abc");
}

TEST(StrFormat, PercentConvertsFloatsForIntegersAndStrsNumpyScalars) {
  // '%d|%i|%s|%r' % (2.7, -3.9, np.float32(0.1), 'q')
  Tensor f32 = Tensor::zeros(DType::Float32, Shape{});
  f32.data<float>()[0] = 0.1f;
  EXPECT_EQ(
      percent_format("%d|%i|%s|%r", tuple({Value(2.7), Value(-3.9), Value(f32), Value::str("q")})),
      "2|-3|0.1|'q'");
  EXPECT_EQ(percent_format("%s", Value(int64_t{7})), "7");  // one argument, not a tuple
  EXPECT_EQ(percent_format("100%%", tuple({})), "100%");
}

TEST(StrFormat, PercentArgumentCountAndTypeErrorsArePythons) {
  auto error_of = [](const std::string& fmt, const Value& args) {
    try {
      percent_format(fmt, args);
    } catch (const RuntimeError& e) {
      return std::string(exception_name(e.kind())) + ": " + e.what();
    }
    return std::string("no error");
  };
  EXPECT_EQ(error_of("%d %d", tuple({Value(int64_t{1})})),
            "TypeError: not enough arguments for format string");
  EXPECT_EQ(error_of("%d", tuple({Value(int64_t{1}), Value(int64_t{2})})),
            "TypeError: not all arguments converted during string formatting");
  EXPECT_EQ(error_of("%d", Value::str("x")),
            "TypeError: %d format: a real number is required, not str");
  EXPECT_EQ(error_of("%f", Value::str("x")), "TypeError: must be real number, not str");
  EXPECT_EQ(error_of("%", tuple({})), "ValueError: incomplete format");
}

TEST(StrFormat, BraceSpecsAndConversions) {
  // '{:_^9}|{:=+8.2f}|{:#b}|{:,.2f}|{!r:>5}'.format('mid', 3.14159, 5, 1234567.891, 'a')
  std::vector<Value> args{Value::str("mid"), Value(3.14159), Value(int64_t{5}), Value(1234567.891),
                          Value::str("a")};
  EXPECT_EQ(brace_format("{:_^9}|{:=+8.2f}|{:#b}|{:,.2f}|{!r:>5}", args),
            "___mid___|+   3.14|0b101|1,234,567.89|  'a'");
  std::vector<Value> xy{Value::str("x"), Value::str("y")};
  EXPECT_EQ(brace_format("{0}{1}{0}|{{}}", xy), "xyx|{}");
  std::vector<Value> floats{Value(1e-5), Value(2.5), Value(1e16)};
  EXPECT_EQ(brace_format("{:g}|{:.3}|{}", floats), "1e-05|2.5|1e+16");
}

TEST(StrFormat, BraceErrorsArePythons) {
  std::vector<Value> one{Value(int64_t{1})};
  EXPECT_THROW(brace_format("{} {}", one), RuntimeError);   // IndexError
  EXPECT_THROW(brace_format("{0} {}", one), RuntimeError);  // manual then automatic
  EXPECT_THROW(brace_format("{name}", one), RuntimeError);  // named fields
  EXPECT_THROW(brace_format("{:d}", std::vector<Value>{Value(1.5)}), RuntimeError);
  EXPECT_THROW(brace_format("}", one), RuntimeError);
}

TEST(StrFormat, StringOperators) {
  EXPECT_EQ(*string_binary("+", Value::str("a"), Value::str("b"))->as<StrValue>().text, "ab");
  EXPECT_EQ(*string_binary("*", Value(int64_t{3}), Value::str("ab"))->as<StrValue>().text,
            "ababab");
  EXPECT_EQ(*string_binary("*", Value::str("ab"), Value(int64_t{-1}))->as<StrValue>().text, "");
  EXPECT_FALSE(string_binary("+", Value(int64_t{1}), Value(2.0)).has_value());
  EXPECT_THROW(string_binary("+", Value::str("a"), Value(int64_t{1})), RuntimeError);
  EXPECT_THROW(string_binary("-", Value::str("a"), Value::str("b")), RuntimeError);
}

}  // namespace
}  // namespace pygraft::rt
