#include "cli/json_args.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace pygraft::cli {
namespace {

using rt::Tensor;
using rt::Value;

Value parse_ok(std::string_view text) {
  Result<Value> result = parse_json_arg(text);
  EXPECT_TRUE(result.ok()) << text << ": " << (result.ok() ? "" : result.error());
  return result.ok() ? result.value() : Value();
}

std::string parse_error(std::string_view text) {
  Result<Value> result = parse_json_arg(text);
  EXPECT_FALSE(result.ok()) << text;
  return result.ok() ? "" : result.error();
}

std::vector<int64_t> dims(const Tensor& t) {
  return {t.shape().begin(), t.shape().end()};
}

TEST(JsonArgsTest, IntegerIsPythonInt) {
  Value v = parse_ok("5");
  ASSERT_TRUE(v.is<int64_t>());
  EXPECT_EQ(v.as<int64_t>(), 5);
}

TEST(JsonArgsTest, NegativeIntegerIsPythonInt) {
  Value v = parse_ok("-3");
  ASSERT_TRUE(v.is<int64_t>());
  EXPECT_EQ(v.as<int64_t>(), -3);
}

TEST(JsonArgsTest, Int64ExtremesAreAccepted) {
  EXPECT_EQ(parse_ok("9223372036854775807").as<int64_t>(), INT64_MAX);
  EXPECT_EQ(parse_ok("-9223372036854775808").as<int64_t>(), INT64_MIN);
}

TEST(JsonArgsTest, IntegerBeyondInt64IsRejected) {
  EXPECT_NE(parse_error("9223372036854775808").find("does not fit in int64"), std::string::npos);
  EXPECT_NE(parse_error("-99999999999999999999").find("does not fit in int64"), std::string::npos);
  EXPECT_NE(parse_error("[1, 99999999999999999999]").find("int64"), std::string::npos);
}

TEST(JsonArgsTest, FloatIsPythonFloat) {
  Value v = parse_ok("-2.5");
  ASSERT_TRUE(v.is<double>());
  EXPECT_EQ(v.as<double>(), -2.5);
  EXPECT_TRUE(parse_ok("1e3").is<double>());
}

TEST(JsonArgsTest, BoolsAndNull) {
  EXPECT_TRUE(parse_ok("true").as<bool>());
  EXPECT_FALSE(parse_ok("false").as<bool>());
  EXPECT_TRUE(parse_ok("null").is_none());
}

TEST(JsonArgsTest, IntListIsInt64Array) {
  Tensor t = parse_ok("[[1, 2], [3, -4]]").as<Tensor>();
  EXPECT_EQ(t.dtype(), DType::Int64);
  EXPECT_EQ(dims(t), (std::vector<int64_t>{2, 2}));
  EXPECT_EQ(t.data<int64_t>()[3], -4);
}

TEST(JsonArgsTest, AnyFloatMakesFloat64) {
  Tensor t = parse_ok("[1, 2.5, true]").as<Tensor>();
  EXPECT_EQ(t.dtype(), DType::Float64);
  EXPECT_EQ(t.data<double>()[0], 1.0);
  EXPECT_EQ(t.data<double>()[1], 2.5);
  EXPECT_EQ(t.data<double>()[2], 1.0);
}

TEST(JsonArgsTest, AllBoolsMakeBool) {
  Tensor t = parse_ok("[true, false]").as<Tensor>();
  EXPECT_EQ(t.dtype(), DType::Bool);
  EXPECT_FALSE(t.data<bool>()[1]);
}

TEST(JsonArgsTest, BoolsWithIntsMakeInt64) {
  Tensor t = parse_ok("[true, 2]").as<Tensor>();
  EXPECT_EQ(t.dtype(), DType::Int64);
  EXPECT_EQ(t.data<int64_t>()[0], 1);
}

TEST(JsonArgsTest, EmptyListIsFloat64OfShapeZero) {
  Tensor t = parse_ok("[]").as<Tensor>();
  EXPECT_EQ(t.dtype(), DType::Float64);
  EXPECT_EQ(dims(t), (std::vector<int64_t>{0}));
}

TEST(JsonArgsTest, ListOfEmptyListsKeepsBothDims) {
  Tensor t = parse_ok("[[], []]").as<Tensor>();
  EXPECT_EQ(t.dtype(), DType::Float64);
  EXPECT_EQ(dims(t), (std::vector<int64_t>{2, 0}));
}

TEST(JsonArgsTest, RaggedListIsInhomogeneous) {
  EXPECT_NE(parse_error("[[1, 2], [3]]").find("inhomogeneous shape"), std::string::npos);
  EXPECT_NE(parse_error("[1, [2]]").find("inhomogeneous shape"), std::string::npos);
  EXPECT_NE(parse_error("[[1], 2]").find("inhomogeneous shape"), std::string::npos);
}

TEST(JsonArgsTest, NestingDeeperThanLimitIsRejectedBeforeParsing) {
  std::string deep(100000, '[');
  EXPECT_NE(parse_error(deep).find("nesting deeper than"), std::string::npos);
}

TEST(JsonArgsTest, NestingAtTheLimitParses) {
  std::string text = std::string(16, '[') + "1" + std::string(16, ']');
  EXPECT_EQ(parse_ok(text).as<Tensor>().rank(), 16);
}

TEST(JsonArgsTest, MoreDimensionsThanArraysHoldIsRejected) {
  std::string text = std::string(20, '[') + "1" + std::string(20, ']');
  EXPECT_NE(parse_error(text).find("dimensions"), std::string::npos);
}

TEST(JsonArgsTest, InvalidJsonIsRejectedWithHint) {
  std::string error = parse_error("[1, 2");
  EXPECT_NE(error.find("invalid JSON"), std::string::npos);
  EXPECT_NE(error.find("@path.npy"), std::string::npos);
  parse_error("abc");
  parse_error("");
  parse_error("1 2");
}

TEST(JsonArgsTest, AStringIsAPythonStr) {
  Result<Value> result = parse_arg("\"train\"");
  ASSERT_TRUE(result.ok()) << result.error();
  ASSERT_TRUE(result.value().is<rt::StrValue>());
  EXPECT_EQ(*result.value().as<rt::StrValue>().text, "train");
}

TEST(JsonArgsTest, NullOrStringElementsAreRejected) {
  EXPECT_NE(parse_error("[\"x\", \"y\"]").find("string"), std::string::npos);
  EXPECT_NE(parse_error("[{\"a\": 1}]").find("objects"), std::string::npos);
  EXPECT_NE(parse_error("[1, null]").find("null"), std::string::npos);
  EXPECT_NE(parse_error("{\"a\": [1, null]}").find("null"), std::string::npos);
}

// An object is a dict with str keys, in the order written; values convert
// as top-level arguments do (a list is an array).
TEST(JsonArgsTest, ObjectIsADictInOrder) {
  Value d = parse_ok("{\"lr\": 0.1, \"a\": [1, 2], \"mode\": \"train\", \"inner\": {}}");
  ASSERT_TRUE(d.is_dict());
  const rt::DictEntries& entries = d.entries();
  ASSERT_EQ(entries.keys.size(), 4u);
  EXPECT_EQ(*entries.keys[0].as<rt::StrValue>().text, "lr");
  EXPECT_EQ(*entries.keys[1].as<rt::StrValue>().text, "a");
  EXPECT_DOUBLE_EQ(entries.values[0].as<double>(), 0.1);
  EXPECT_EQ(dims(entries.values[1].as<Tensor>()), (std::vector<int64_t>{2}));
  EXPECT_TRUE(entries.values[3].is_dict());
}

TEST(JsonArgsTest, AtWithoutPathIsRejected) {
  Result<Value> result = parse_arg("@");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().find(".npy"), std::string::npos);
}

TEST(JsonArgsTest, AtMissingFileNamesThePath) {
  Result<Value> result = parse_arg("@/nonexistent/x.npy");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().find("/nonexistent/x.npy"), std::string::npos);
}

TEST(JsonArgsTest, RandomTextNeverCrashes) {
  constexpr std::string_view kAlphabet = "[]{},:-+.0123456789eEtruefalsn\" \\";
  std::mt19937 random(99);
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    for (size_t k = 0; k < random() % 24; ++k) text += kAlphabet[random() % kAlphabet.size()];
    (void)parse_json_arg(text);  // must fail or succeed cleanly under the sanitizers
  }
}

}  // namespace
}  // namespace pygraft::cli
