// Comparison ufuncs on tensors and Python-level comparisons of other values.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/unit/runtime/ufunc_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;

TEST(CompareTest, LessBroadcasts) {
  expect_tensor(run_kernel(kernel_less, {i64({2, 1}, {1, 5}), i64({3}, {0, 3, 6})}), DType::Bool,
                {2, 3}, {0, 1, 1, 0, 0, 1});
}

TEST(CompareTest, NanComparesUnequal) {
  double nan = std::nan("");
  expect_tensor(run_kernel(kernel_equal, {f64({2}, {nan, 1}), f64({2}, {nan, 1})}), DType::Bool,
                {2}, {0, 1});
  expect_tensor(run_kernel(kernel_not_equal, {f64({1}, {nan}), Value(1.0)}), DType::Bool, {1}, {1});
}

TEST(CompareTest, IntArrayAgainstPythonFloat) {
  expect_tensor(run_kernel(kernel_greater_equal, {i32({3}, {1, 2, 3}), Value(2.5)}), DType::Bool,
                {3}, {0, 0, 1});
}

TEST(CompareTest, Int32AgainstHugePythonIntWorks) {
  expect_tensor(run_kernel(kernel_less, {i32({2}, {1, -5}), Value(int64_t{3000000000})}),
                DType::Bool, {2}, {1, 1});
}

TEST(CompareTest, ZeroDimGivesZeroDimBool) {
  expect_tensor(
      run_kernel(kernel_less_equal, {Value(Tensor::scalar(DType::Float64, 1.0)), Value(1.0)}),
      DType::Bool, {}, {1});
}

TEST(CompareTest, NoneEqualsNone) {
  EXPECT_TRUE(run_kernel(kernel_equal, {Value(), Value()}).as<bool>());
  EXPECT_FALSE(run_kernel(kernel_equal, {Value(int64_t{3}), Value()}).as<bool>());
  EXPECT_TRUE(run_kernel(kernel_not_equal, {Value(int64_t{3}), Value()}).as<bool>());
}

TEST(CompareTest, ArrayEqualsNoneElementwise) {
  expect_tensor(run_kernel(kernel_equal, {f64({2}, {1, 2}), Value()}), DType::Bool, {2}, {0, 0});
}

TEST(CompareTest, TuplesCompareAsPython) {
  Value a = tuple_of({Value(int64_t{2}), Value(int64_t{3})});
  Value b = tuple_of({Value(int64_t{2}), Value(int64_t{3})});
  Value c = tuple_of({Value(int64_t{2}), Value(int64_t{4})});
  EXPECT_TRUE(run_kernel(kernel_equal, {a, b}).as<bool>());
  EXPECT_FALSE(run_kernel(kernel_equal, {a, c}).as<bool>());
  EXPECT_TRUE(run_kernel(kernel_less, {a, c}).as<bool>());
}

TEST(CompareTest, DtypesCompare) {
  EXPECT_TRUE(run_kernel(kernel_equal, {Value(DType::Float32), Value(DType::Float32)}).as<bool>());
  EXPECT_FALSE(run_kernel(kernel_equal, {Value(DType::Float32), Value(DType::Int32)}).as<bool>());
}

TEST(CompareTest, OrderingNoneIsAnError) {
  EXPECT_EQ(error_of(kernel_less, {Value(), Value(int64_t{1})}),
            "'<' not supported between instances of 'NoneType' and 'int'");
}

}  // namespace
}  // namespace pygraft::rt
