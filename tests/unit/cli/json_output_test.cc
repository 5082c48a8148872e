#include "cli/json_output.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

namespace pygraft::cli {
namespace {

using rt::Tensor;
using rt::Value;

TEST(JsonOutputTest, DoublesRoundTripWithShortestText) {
  EXPECT_EQ(format_double(0.1), "0.1");
  EXPECT_EQ(format_double(-2.5), "-2.5");
  for (double v : {0.1 + 0.2, 1.0 / 3.0, 1e-310, 1.7976931348623157e308}) {
    EXPECT_EQ(std::strtod(format_double(v).c_str(), nullptr), v) << format_double(v);
  }
}

TEST(JsonOutputTest, IntegralDoublesKeepAFloatSpelling) {
  EXPECT_EQ(format_double(1.0), "1.0");
  EXPECT_EQ(format_double(-0.0), "-0.0");
  EXPECT_EQ(format_double(1e300), "1e+300");
}

TEST(JsonOutputTest, Float32UsesShortestFloat32Text) {
  EXPECT_EQ(format_float(0.1f), "0.1");
  EXPECT_EQ(std::stof(format_float(1.0f / 3.0f)), 1.0f / 3.0f);
}

TEST(JsonOutputTest, NanAndInfinitiesAreStrings) {
  EXPECT_EQ(format_double(std::numeric_limits<double>::quiet_NaN()), "\"nan\"");
  EXPECT_EQ(format_double(std::numeric_limits<double>::infinity()), "\"inf\"");
  EXPECT_EQ(format_float(-std::numeric_limits<float>::infinity()), "\"-inf\"");
}

TEST(JsonOutputTest, PythonScalarsAreZeroDimensional) {
  EXPECT_EQ(format_out(Value(2.5)), R"({"dtype": "float64", "shape": [], "data": 2.5})");
  EXPECT_EQ(format_out(Value(int64_t{-3})), R"({"dtype": "int64", "shape": [], "data": -3})");
  EXPECT_EQ(format_out(Value(true)), R"({"dtype": "bool", "shape": [], "data": true})");
}

TEST(JsonOutputTest, NoneIsNull) {
  EXPECT_EQ(format_out(Value()), "null");
}

TEST(JsonOutputTest, TensorDataIsNestedLists) {
  Tensor t = Tensor::empty(DType::Int32, {2, 3});
  for (int i = 0; i < 6; ++i) t.data<int32_t>()[i] = i;
  EXPECT_EQ(format_out(Value(t)),
            R"({"dtype": "int32", "shape": [2, 3], "data": [[0, 1, 2], [3, 4, 5]]})");
}

TEST(JsonOutputTest, ZeroDimensionalTensorDataIsAScalar) {
  EXPECT_EQ(format_out(Value(Tensor::scalar(DType::Float32, 0.5f))),
            R"({"dtype": "float32", "shape": [], "data": 0.5})");
}

TEST(JsonOutputTest, EmptyDimensionsPrintEmptyLists) {
  EXPECT_EQ(format_out(Value(Tensor::empty(DType::Float64, {2, 0}))),
            R"({"dtype": "float64", "shape": [2, 0], "data": [[], []]})");
  EXPECT_EQ(format_out(Value(Tensor::empty(DType::Bool, {0}))),
            R"({"dtype": "bool", "shape": [0], "data": []})");
}

TEST(JsonOutputTest, NanInsideTensorIsString) {
  Tensor t = Tensor::empty(DType::Float64, {2});
  t.data<double>()[0] = std::nan("");
  t.data<double>()[1] = -INFINITY;
  EXPECT_EQ(format_out(Value(t)), R"({"dtype": "float64", "shape": [2], "data": ["nan", "-inf"]})");
}

TEST(JsonOutputTest, SingleValueGivesOneOutput) {
  EXPECT_EQ(format_run_document(Value(int64_t{1}), std::nullopt),
            "{\"outputs\": [{\"dtype\": \"int64\", \"shape\": [], \"data\": 1}]}\n");
}

TEST(JsonOutputTest, NoneResultGivesNullOutput) {
  EXPECT_EQ(format_run_document(Value(), std::nullopt), "{\"outputs\": [null]}\n");
}

TEST(JsonOutputTest, TupleGivesOneOutputPerItemWithNulls) {
  Value result = Value::tuple({Value(1.5), Value()});
  nlohmann::json doc = nlohmann::json::parse(format_run_document(result, std::nullopt));
  ASSERT_EQ(doc["outputs"].size(), 2u);
  EXPECT_EQ(doc["outputs"][0]["data"], 1.5);
  EXPECT_TRUE(doc["outputs"][1].is_null());
}

TEST(JsonOutputTest, NestedTupleIsAListOfOuts) {
  Value result = Value::tuple({Value(true), Value::tuple({Value(int64_t{2}), Value()})});
  nlohmann::json doc = nlohmann::json::parse(format_run_document(result, std::nullopt));
  ASSERT_TRUE(doc["outputs"][1].is_array());
  EXPECT_EQ(doc["outputs"][1][0]["dtype"], "int64");
  EXPECT_TRUE(doc["outputs"][1][1].is_null());
}

TEST(JsonOutputTest, EmptyTupleGivesNoOutputs) {
  EXPECT_EQ(format_run_document(Value::tuple({}), std::nullopt), "{\"outputs\": []}\n");
}

TEST(JsonOutputTest, StringsAndDtypesHaveTheirOwnKinds) {
  EXPECT_EQ(format_out(Value::str("a\"b")), R"({"dtype": "str", "shape": [], "data": "a\"b"})");
  EXPECT_EQ(format_out(Value(DType::Float32)),
            R"({"dtype": "dtype", "shape": [], "data": "float32"})");
}

TEST(JsonOutputTest, TimingIsAddedWhenGiven) {
  Timing timing = summarize_timing({30, 10, 20, 40});
  nlohmann::json doc = nlohmann::json::parse(format_run_document(Value(), timing));
  EXPECT_EQ(doc["timing"]["runs"], 4);
  EXPECT_EQ(doc["timing"]["min_ns"], 10);
  EXPECT_EQ(doc["timing"]["median_ns"], 25);
  EXPECT_EQ(doc["timing"]["max_ns"], 40);
}

TEST(JsonOutputTest, MedianOfOddCountIsTheMiddle) {
  EXPECT_EQ(summarize_timing({5, 1, 9}).median_ns, 5);
}

}  // namespace
}  // namespace pygraft::cli
