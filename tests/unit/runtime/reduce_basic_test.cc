// sum/prod/max/min/all/any/mean/var/std: dtypes, axes, keepdims, edge cases.
// Expected values checked with NumPy.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/unit/runtime/ufunc_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
const double kNaN = std::numeric_limits<double>::quiet_NaN();

Value none() {
  return Value();
}
Value axis(int64_t a) {
  return Value(a);
}
Value keep(bool k) {
  return Value(k);
}
Value axes(int64_t a, int64_t b) {
  return tuple_of({Value(a), Value(b)});
}

// [[1, 2, 3], [4, 5, 6]] as int32.
Tensor grid() {
  return i32({2, 3}, {1, 2, 3, 4, 5, 6});
}

Value sum(Value a, Value ax = none(), Value dtype = none(), Value keepdims = keep(false)) {
  return run_kernel(kernel_sum, {a, ax, dtype, keepdims});
}

TEST(ReduceSumTest, FullSumOfInt32IsInt64Scalar) {
  expect_tensor(sum(grid()), DType::Int64, {}, {21});
}

TEST(ReduceSumTest, AxisZero) {
  expect_tensor(sum(grid(), axis(0)), DType::Int64, {3}, {5, 7, 9});
}

TEST(ReduceSumTest, NegativeAxis) {
  expect_tensor(sum(grid(), axis(-1)), DType::Int64, {2}, {6, 15});
}

TEST(ReduceSumTest, TupleAxesWithKeepdims) {
  expect_tensor(sum(grid(), axes(0, 1), none(), keep(true)), DType::Int64, {1, 1}, {21});
}

TEST(ReduceSumTest, KeepdimsOnOneAxis) {
  expect_tensor(sum(grid(), axis(1), none(), keep(true)), DType::Int64, {2, 1}, {6, 15});
}

TEST(ReduceSumTest, MiddleAxisOf3d) {
  Tensor t = iota(DType::Float64, {2, 3, 2});
  expect_tensor(sum(t, axis(1)), DType::Float64, {2, 2}, {6, 9, 24, 27});
}

TEST(ReduceSumTest, OuterAxesOf3d) {
  Tensor t = iota(DType::Float64, {2, 3, 2});
  expect_tensor(sum(t, axes(0, 2)), DType::Float64, {3}, {14, 22, 30});
}

TEST(ReduceSumTest, Float32StaysFloat32) {
  expect_tensor(sum(f32({3}, {0.5, 1, 2})), DType::Float32, {}, {3.5});
}

TEST(ReduceSumTest, DtypeArgumentCastsTheInputFirst) {
  expect_tensor(sum(f64({2}, {1.5, 2}), none(), Value(DType::Int32)), DType::Int32, {}, {3});
  expect_tensor(sum(grid(), none(), Value(DType::Float32)), DType::Float32, {}, {21});
}

TEST(ReduceSumTest, BoolCountsTrues) {
  expect_tensor(sum(bools({3}, {1, 0, 1})), DType::Int64, {}, {2});
}

TEST(ReduceSumTest, PythonScalarInput) {
  expect_tensor(sum(Value(int64_t{3})), DType::Int64, {}, {3});
  expect_tensor(sum(Value(3.5)), DType::Float64, {}, {3.5});
}

TEST(ReduceSumTest, EmptyGivesZero) {
  expect_tensor(sum(f32({2, 0}, {}), axis(1)), DType::Float32, {2}, {0, 0});
  expect_tensor(sum(f64({0}, {})), DType::Float64, {}, {0});
}

TEST(ReduceSumTest, AxisOutOfRange) {
  EXPECT_EQ(error_of(kernel_sum, {grid(), axis(2), none(), keep(false)}),
            "axis 2 is out of bounds for array of dimension 2");
}

TEST(ReduceSumTest, LargeFloat32SumIsAccurate) {
  Tensor t = f32({100000}, std::vector<double>(100000, 0.1));
  expect_near_tensor(sum(t), DType::Float32, {10000.0}, 1e-2);
}

// NumPy sums float32 in float32: an intermediate beyond 3.4e38 is inf.
TEST(ReduceSumTest, Float32SumOverflowsAsNumPy) {
  expect_tensor(sum(f32({3}, {3e38, 3e38, -3e38})), DType::Float32, {},
                {std::numeric_limits<double>::infinity()});
  expect_tensor(sum(f32({3}, {3e38, 3e38, -3e38}), none(), Value(DType::Float64)), DType::Float64,
                {}, {3.0000000054977558e38});
}

// NumPy's pairwise blocks: 0.1f summed 1e6 times in float32 stays within a
// few ulps of 100000 (sequential float32 addition ends near 100958).
TEST(ReduceSumTest, Float32SumIsPairwise) {
  Tensor t = f32({1000000}, std::vector<double>(1000000, 0.1));
  expect_near_tensor(sum(t), DType::Float32, {100000.0}, 2.0);
}

// Axis 0 or -1 on a 0-d array: the ufunc reductions reduce nothing.
TEST(ReduceSumTest, ScalarAxisOfZeroDimArrayReducesNothing) {
  expect_tensor(sum(f64({}, {2.5}), axis(0)), DType::Float64, {}, {2.5});
  expect_tensor(sum(i64({}, {3}), axis(-1), none(), keep(true)), DType::Int64, {}, {3});
  expect_tensor(run_kernel(kernel_max, {f64({}, {2.5}), axis(-1), keep(false)}), DType::Float64, {},
                {2.5});
  EXPECT_EQ(error_of(kernel_sum, {f64({}, {2.5}), axis(1), none(), keep(false)}),
            "axis 1 is out of bounds for array of dimension 0");
  EXPECT_EQ(error_of(kernel_sum, {f64({}, {2.5}), tuple_of({axis(0)}), none(), keep(false)}),
            "axis 0 is out of bounds for array of dimension 0");
}

TEST(ReduceProdTest, AlongAxisWithKeepdims) {
  Value r = run_kernel(kernel_prod, {grid(), axis(-1), none(), keep(true)});
  expect_tensor(r, DType::Int64, {2, 1}, {6, 120});
}

TEST(ReduceProdTest, EmptyIsOne) {
  expect_tensor(run_kernel(kernel_prod, {f64({0}, {}), none(), none(), keep(false)}),
                DType::Float64, {}, {1});
}

TEST(ReduceMaxTest, KeepsDtype) {
  expect_tensor(run_kernel(kernel_max, {grid(), axis(0), keep(false)}), DType::Int32, {3},
                {4, 5, 6});
  expect_tensor(run_kernel(kernel_min, {grid(), none(), keep(false)}), DType::Int32, {}, {1});
}

TEST(ReduceMaxTest, PropagatesNan) {
  expect_tensor(run_kernel(kernel_max, {f64({3}, {1, kNaN, 3}), none(), keep(false)}),
                DType::Float64, {}, {kNaN});
  expect_tensor(run_kernel(kernel_min, {f64({3}, {kNaN, 1, 3}), none(), keep(false)}),
                DType::Float64, {}, {kNaN});
}

TEST(ReduceMaxTest, NegativeValues) {
  expect_tensor(run_kernel(kernel_max, {f64({2}, {-5, -3}), none(), keep(false)}), DType::Float64,
                {}, {-3});
}

TEST(ReduceMaxTest, EmptyIsAnError) {
  EXPECT_EQ(error_of(kernel_max, {f64({0}, {}), none(), keep(false)}),
            "zero-size array to reduction operation maximum which has no identity");
  EXPECT_EQ(error_of(kernel_min, {f64({0, 3}, {}), axis(0), keep(false)}),
            "zero-size array to reduction operation minimum which has no identity");
}

TEST(ReduceMaxTest, EmptyResultWithNonEmptyAxisIsFine) {
  expect_tensor(run_kernel(kernel_max, {f64({0, 3}, {}), axis(1), keep(false)}), DType::Float64,
                {0}, {});
}

TEST(ReduceAllAnyTest, FullAndPerAxis) {
  Tensor t = f64({2, 2}, {1, 0, kNaN, 2});
  expect_tensor(run_kernel(kernel_all, {t, none(), keep(false)}), DType::Bool, {}, {0});
  expect_tensor(run_kernel(kernel_all, {t, axis(0), keep(false)}), DType::Bool, {2}, {1, 0});
  expect_tensor(run_kernel(kernel_any, {t, axis(1), keep(true)}), DType::Bool, {2, 1}, {1, 1});
}

TEST(ReduceAllAnyTest, EmptyIdentities) {
  expect_tensor(run_kernel(kernel_all, {f64({0}, {}), none(), keep(false)}), DType::Bool, {}, {1});
  expect_tensor(run_kernel(kernel_any, {f64({0}, {}), none(), keep(false)}), DType::Bool, {}, {0});
}

}  // namespace
}  // namespace pygraft::rt
