// logical_*, maximum/minimum, where, clip and around.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/unit/runtime/ufunc_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(LogicalTest, NotAndOrXor) {
  Tensor a = f64({4}, {0, 0, 2, kNaN});
  Tensor b = i64({4}, {0, 1, 0, 1});
  expect_tensor(run_kernel(kernel_logical_not, {a}), DType::Bool, {4}, {1, 1, 0, 0});
  expect_tensor(run_kernel(kernel_logical_and, {a, b}), DType::Bool, {4}, {0, 0, 0, 1});
  expect_tensor(run_kernel(kernel_logical_or, {a, b}), DType::Bool, {4}, {0, 1, 1, 1});
  expect_tensor(run_kernel(kernel_logical_xor, {a, b}), DType::Bool, {4}, {0, 1, 1, 0});
}

TEST(LogicalTest, LogicalAndWithPythonScalar) {
  expect_tensor(run_kernel(kernel_logical_and, {bools({2}, {1, 0}), Value(true)}), DType::Bool, {2},
                {1, 0});
}

TEST(MaximumTest, PropagatesNan) {
  expect_tensor(run_kernel(kernel_maximum, {f64({2}, {1, kNaN}), f64({2}, {kNaN, 0})}),
                DType::Float64, {2}, {kNaN, kNaN});
  expect_tensor(run_kernel(kernel_minimum, {f64({2}, {1, kNaN}), f64({2}, {kNaN, 0})}),
                DType::Float64, {2}, {kNaN, kNaN});
}

TEST(MaximumTest, WeakPythonFloatPromotesIntArray) {
  expect_tensor(run_kernel(kernel_maximum, {i32({2}, {1, 3}), Value(2.5)}), DType::Float64, {2},
                {2.5, 3});
}

TEST(MaximumTest, MinimumBroadcasts) {
  expect_tensor(run_kernel(kernel_minimum, {i64({2, 1}, {1, 5}), i64({2}, {3, 4})}), DType::Int64,
                {2, 2}, {1, 1, 3, 4});
}

TEST(WhereTest, PicksByCondition) {
  expect_tensor(run_kernel(kernel_where, {bools({2}, {1, 0}), Value(int64_t{1}), Value(2.5)}),
                DType::Float64, {2}, {1, 2.5});
}

// np.where passes its arguments through np.asarray: a Python scalar is a
// strong int64 / float64 array there (np.where(c, int32_x, 2) is int64).
TEST(WhereTest, PythonScalarIsStrong) {
  expect_tensor(run_kernel(kernel_where, {bools({2}, {1, 0}), i32({1}, {7}), Value(int64_t{2})}),
                DType::Int64, {2}, {7, 2});
  expect_tensor(run_kernel(kernel_where, {bools({2}, {1, 0}), f32({1}, {7}), Value(0.5)}),
                DType::Float64, {2}, {7, 0.5});
}

TEST(WhereTest, NonBoolConditionUsesTruth) {
  expect_tensor(
      run_kernel(kernel_where, {f64({3}, {0, 0.5, kNaN}), f64({3}, {1, 2, 3}), Value(0.0)}),
      DType::Float64, {3}, {0, 2, 3});
}

TEST(WhereTest, BroadcastsAllThree) {
  Value r = run_kernel(kernel_where, {bools({2, 1}, {1, 0}), i64({3}, {1, 2, 3}), i64({}, {0})});
  expect_tensor(r, DType::Int64, {2, 3}, {1, 2, 3, 0, 0, 0});
}

TEST(WhereTest, AllPythonScalarsGiveZeroDim) {
  expect_tensor(run_kernel(kernel_where, {Value(true), Value(int64_t{1}), Value(int64_t{2})}),
                DType::Int64, {}, {1});
}

TEST(ClipTest, IntArrayWithIntBoundsKeepsDtype) {
  expect_tensor(
      run_kernel(kernel_clip, {i32({3}, {1, 5, 9}), Value(int64_t{2}), Value(int64_t{6})}),
      DType::Int32, {3}, {2, 5, 6});
}

TEST(ClipTest, MissingUpperBound) {
  expect_tensor(run_kernel(kernel_clip, {i32({3}, {1, 5, 9}), Value(2.5), Value()}), DType::Float64,
                {3}, {2.5, 5, 9});
}

TEST(ClipTest, MissingLowerBound) {
  expect_tensor(run_kernel(kernel_clip, {f32({2}, {-1, 5}), Value(), Value(1.0)}), DType::Float32,
                {2}, {-1, 1});
}

TEST(ClipTest, NanPassesThrough) {
  expect_tensor(run_kernel(kernel_clip, {f64({2}, {1, kNaN}), Value(int64_t{0}), Value(0.5)}),
                DType::Float64, {2}, {0.5, kNaN});
}

TEST(ClipTest, ArrayBoundsBroadcast) {
  expect_tensor(
      run_kernel(kernel_clip, {f64({2, 2}, {0, 5, 0, 5}), f64({2}, {1, 2}), f64({2, 1}, {3, 4})}),
      DType::Float64, {2, 2}, {1, 3, 1, 4});
}

TEST(AroundTest, HalfToEven) {
  expect_tensor(
      run_kernel(kernel_around, {f64({5}, {0.5, 1.5, 2.5, -0.5, 1234.5678}), Value(int64_t{0})}),
      DType::Float64, {5}, {0, 2, 2, -0.0, 1235});
}

TEST(AroundTest, PositiveDecimals) {
  expect_near_tensor(run_kernel(kernel_around, {f64({1}, {1.2345}), Value(int64_t{2})}),
                     DType::Float64, {1.23}, 1e-15);
}

TEST(AroundTest, NegativeDecimalsOnFloats) {
  expect_tensor(run_kernel(kernel_around, {f64({1}, {1234.5678}), Value(int64_t{-2})}),
                DType::Float64, {1}, {1200});
}

TEST(AroundTest, NegativeDecimalsOnIntsRoundHalfToEven) {
  expect_tensor(
      run_kernel(kernel_around, {i64({4}, {1234, 1250, 1350, -1250}), Value(int64_t{-2})}),
      DType::Int64, {4}, {1200, 1200, 1400, -1200});
}

TEST(AroundTest, IntsWithPositiveDecimalsUnchanged) {
  expect_tensor(run_kernel(kernel_around, {i32({2}, {7, -3}), Value(int64_t{1})}), DType::Int32,
                {2}, {7, -3});
}

TEST(AroundTest, Float32StaysFloat32) {
  expect_tensor(run_kernel(kernel_around, {f32({1}, {2.5}), Value(int64_t{0})}), DType::Float32,
                {1}, {2});
}

}  // namespace
}  // namespace pygraft::rt
