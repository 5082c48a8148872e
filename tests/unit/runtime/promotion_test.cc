// NEP 50 promotion tables, checked against NumPy (np._set_promotion_state('weak')).
#include "runtime/promotion.h"

#include <gtest/gtest.h>

#include <string>

namespace pygraft::rt {
namespace {

constexpr DType kAll[] = {DType::Bool, DType::Int32, DType::Int64, DType::Float32, DType::Float64};
constexpr DType kEvery[] = {DType::Bool,    DType::Int32,  DType::Int64,  DType::Float32,
                            DType::Float64, DType::UInt8,  DType::Int8,   DType::Int16,
                            DType::UInt16,  DType::UInt32, DType::UInt64, DType::Float16};

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

// Every pair of the twelve dtypes, narrow ones included. Produced with
// /usr/bin/python3: np.promote_types(a, b).name over kEvery in this order.
TEST(PromotionTest, NarrowDtypePairsMatchNumpy) {
  const char* expected[12][12] = {
      {"bool", "int32", "int64", "float32", "float64", "uint8", "int8", "int16", "uint16", "uint32",
       "uint64", "float16"},
      {"int32", "int32", "int64", "float64", "float64", "int32", "int32", "int32", "int32", "int64",
       "float64", "float64"},
      {"int64", "int64", "int64", "float64", "float64", "int64", "int64", "int64", "int64", "int64",
       "float64", "float64"},
      {"float32", "float64", "float64", "float32", "float64", "float32", "float32", "float32",
       "float32", "float64", "float64", "float32"},
      {"float64", "float64", "float64", "float64", "float64", "float64", "float64", "float64",
       "float64", "float64", "float64", "float64"},
      {"uint8", "int32", "int64", "float32", "float64", "uint8", "int16", "int16", "uint16",
       "uint32", "uint64", "float16"},
      {"int8", "int32", "int64", "float32", "float64", "int16", "int8", "int16", "int32", "int64",
       "float64", "float16"},
      {"int16", "int32", "int64", "float32", "float64", "int16", "int16", "int16", "int32", "int64",
       "float64", "float32"},
      {"uint16", "int32", "int64", "float32", "float64", "uint16", "int32", "int32", "uint16",
       "uint32", "uint64", "float32"},
      {"uint32", "int64", "int64", "float64", "float64", "uint32", "int64", "int64", "uint32",
       "uint32", "uint64", "float64"},
      {"uint64", "float64", "float64", "float64", "float64", "uint64", "float64", "float64",
       "uint64", "uint64", "uint64", "float64"},
      {"float16", "float64", "float64", "float32", "float64", "float16", "float16", "float32",
       "float32", "float64", "float64", "float16"},
  };
  for (int i = 0; i < 12; ++i) {
    for (int j = 0; j < 12; ++j) {
      EXPECT_EQ(strong(kEvery[i], kEvery[j]), expected[i][j])
          << dtype_name(kEvery[i]) << " with " << dtype_name(kEvery[j]);
    }
  }
}

// An array of each dtype with a Python bool, int and float (NEP 50: weak).
// Produced with (np.zeros(1, a) + v).dtype.name under np._set_promotion_state('weak').
TEST(PromotionTest, NarrowDtypesWithWeakScalars) {
  const char* expected[12][3] = {
      {"bool", "int64", "float64"},      {"int32", "int32", "float64"},
      {"int64", "int64", "float64"},     {"float32", "float32", "float32"},
      {"float64", "float64", "float64"}, {"uint8", "uint8", "float64"},
      {"int8", "int8", "float64"},       {"int16", "int16", "float64"},
      {"uint16", "uint16", "float64"},   {"uint32", "uint32", "float64"},
      {"uint64", "uint64", "float64"},   {"float16", "float16", "float16"},
  };
  const DType weak[] = {DType::Bool, DType::Int64, DType::Float64};
  for (int i = 0; i < 12; ++i) {
    for (int j = 0; j < 3; ++j) {
      EXPECT_EQ(with_weak(kEvery[i], weak[j]), expected[i][j]) << dtype_name(kEvery[i]) << " " << j;
    }
  }
}

// The float NumPy's float-only ufuncs give: np.sqrt(np.zeros(1, a)).dtype.name.
TEST(PromotionTest, SmallestFloatHoldingMatchesNumpysFloatLoops) {
  const char* expected[12] = {"float16", "float64", "float64", "float32", "float64", "float16",
                              "float16", "float32", "float32", "float64", "float64", "float16"};
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(dtype_name(smallest_float_holding(kEvery[i])), expected[i]) << dtype_name(kEvery[i]);
  }
}

}  // namespace
}  // namespace pygraft::rt
