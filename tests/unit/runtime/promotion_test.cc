// NEP 50 promotion tables, checked against NumPy (np._set_promotion_state('weak')).
#include "runtime/promotion.h"

#include <gtest/gtest.h>

#include <string>

namespace pygraft::rt {
namespace {

constexpr DType kAll[] = {DType::Bool, DType::Int32, DType::Int64, DType::Float32, DType::Float64};

std::string strong(DType a, DType b) {
  return std::string(dtype_name(result_type({a, false}, {b, false})));
}

std::string with_weak(DType strong_type, DType weak_type) {
  return std::string(dtype_name(result_type({strong_type, false}, {weak_type, true})));
}

TEST(PromotionTest, StrongPairsMatchNumpy) {
  const char* expected[5][5] = {
      {"bool", "int32", "int64", "float32", "float64"},
      {"int32", "int32", "int64", "float64", "float64"},
      {"int64", "int64", "int64", "float64", "float64"},
      {"float32", "float64", "float64", "float32", "float64"},
      {"float64", "float64", "float64", "float64", "float64"},
  };
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 5; ++j)
      EXPECT_EQ(strong(kAll[i], kAll[j]), expected[i][j]) << i << "," << j;
  }
}

TEST(PromotionTest, WeakScalarsAgainstEveryDtype) {
  // Columns: Python bool, int, float.
  const char* expected[5][3] = {
      {"bool", "int64", "float64"},      {"int32", "int32", "float64"},
      {"int64", "int64", "float64"},     {"float32", "float32", "float32"},
      {"float64", "float64", "float64"},
  };
  const DType weak[] = {DType::Bool, DType::Int64, DType::Float64};
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 3; ++j) {
      EXPECT_EQ(with_weak(kAll[i], weak[j]), expected[i][j]) << i << "," << j;
      // Promotion is symmetric in operand order.
      EXPECT_EQ(std::string(dtype_name(result_type({weak[j], true}, {kAll[i], false}))),
                expected[i][j]);
    }
  }
}

TEST(PromotionTest, TwoWeakScalarsTakeTheHigherKind) {
  EXPECT_EQ(result_type({DType::Int64, true}, {DType::Float64, true}), DType::Float64);
  EXPECT_EQ(result_type({DType::Bool, true}, {DType::Int64, true}), DType::Int64);
  EXPECT_EQ(result_type({DType::Bool, true}, {DType::Bool, true}), DType::Bool);
}

}  // namespace
}  // namespace pygraft::rt
