// mean/var/std: dtypes, ddof, empty inputs.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/unit/runtime/ufunc_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
const double kInf = std::numeric_limits<double>::infinity();

Value none() {
  return Value();
}
Value keep(bool k) {
  return Value(k);
}
Tensor grid() {
  return i32({2, 3}, {1, 2, 3, 4, 5, 6});
}

Value mean(Value a, Value axis = none(), Value dtype = none(), Value keepdims = keep(false)) {
  return run_kernel(kernel_mean, {a, axis, dtype, keepdims});
}
Value var(Value a, Value axis = none(), int64_t ddof = 0) {
  return run_kernel(kernel_var, {a, axis, none(), Value(ddof), keep(false)});
}

TEST(ReduceMeanTest, IntsGiveFloat64) {
  expect_tensor(mean(grid()), DType::Float64, {}, {3.5});
}

TEST(ReduceMeanTest, Float32StaysFloat32) {
  expect_tensor(mean(f32({2}, {1, 2})), DType::Float32, {}, {1.5});
}

TEST(ReduceMeanTest, AlongAxisWithKeepdims) {
  expect_tensor(mean(grid(), Value(int64_t{0}), none(), keep(true)), DType::Float64, {1, 3},
                {2.5, 3.5, 4.5});
}

TEST(ReduceMeanTest, DtypeArgument) {
  expect_tensor(mean(i32({2}, {1, 2}), none(), Value(DType::Float32)), DType::Float32, {}, {1.5});
}

TEST(ReduceMeanTest, EmptyIsNan) {
  Value r = mean(f64({0}, {}));
  EXPECT_TRUE(std::isnan(r.as<Tensor>().get_as_double(0)));
}

TEST(ReduceMeanTest, PythonScalar) {
  expect_tensor(mean(Value(int64_t{3})), DType::Float64, {}, {3});
}

TEST(ReduceVarTest, PopulationVariance) {
  expect_near_tensor(var(grid()), DType::Float64, {35.0 / 12.0}, 1e-15);
}

TEST(ReduceVarTest, Ddof) {
  expect_near_tensor(var(grid(), none(), 1), DType::Float64, {3.5}, 1e-15);
}

TEST(ReduceVarTest, DdofBeyondCountIsInf) {
  expect_tensor(var(i64({3}, {1, 2, 3}), none(), 5), DType::Float64, {}, {kInf});
}

TEST(ReduceVarTest, AlongAxis) {
  expect_near_tensor(var(grid(), Value(int64_t{1})), DType::Float64, {2.0 / 3, 2.0 / 3}, 1e-15);
}

TEST(ReduceVarTest, Float32StaysFloat32) {
  expect_near_tensor(var(f32({3}, {1, 2, 4})), DType::Float32, {1.5555555}, 1e-6);
}

// NumPy computes float32 statistics in float32: (1e30 - mean)^2 overflows.
TEST(ReduceStdTest, Float32OverflowsToInfAsNumPy) {
  Tensor x = f32({3}, {0.1, 0.7, 1e30});
  Value v = var(x);
  Value s = run_kernel(kernel_std, {x, none(), none(), Value(int64_t{0}), keep(false)});
  ASSERT_TRUE(s.is_tensor());
  EXPECT_EQ(s.as<Tensor>().dtype(), DType::Float32);
  EXPECT_EQ(s.as<Tensor>().get_as_double(0), kInf);
  EXPECT_EQ(v.as<Tensor>().get_as_double(0), kInf);
  Value norm = run_kernel(kernel_norm, {x, none(), none(), keep(false)});
  EXPECT_EQ(norm.as<Tensor>().get_as_double(0), kInf);
  // dtype=float64 computes in float64.
  Value wide =
      run_kernel(kernel_var, {x, none(), Value(DType::Float64), Value(int64_t{0}), keep(false)});
  EXPECT_DOUBLE_EQ(wide.as<Tensor>().get_as_double(0), 2.2222222890998504e+59);  // NumPy
}

TEST(ReduceStdTest, StdIsExactlySqrtOfVar) {
  Tensor x = f32({7}, {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7});
  float v = var(x).as<Tensor>().data<float>()[0];
  Value s = run_kernel(kernel_std, {x, none(), none(), Value(int64_t{0}), keep(false)});
  EXPECT_EQ(s.as<Tensor>().data<float>()[0], std::sqrt(v));
}

// Axis 0 or -1 on a 0-d array: mean, var, std and norm refuse it.
TEST(ReduceStatsTest, ScalarAxisIsAnAxisError) {
  EXPECT_EQ(exception_of(kernel_mean, {f64({}, {2}), Value(int64_t{0}), none(), keep(false)}),
            "AxisError: axis 0 is out of bounds for array of dimension 0");
  EXPECT_EQ(exception_of(kernel_norm, {f64({}, {2}), none(), Value(int64_t{-1}), keep(false)}),
            "AxisError: axis -1 is out of bounds for array of dimension 0");
}

TEST(ReduceStdTest, WithDdof) {
  Value r =
      run_kernel(kernel_std, {f64({3}, {1, 2, 4}), none(), none(), Value(int64_t{1}), keep(false)});
  expect_near_tensor(r, DType::Float64, {1.5275252316519465}, 1e-15);
}

TEST(ReduceStdTest, KeepdimsOnAxis) {
  Value r =
      run_kernel(kernel_std, {grid(), Value(int64_t{0}), none(), Value(int64_t{0}), keep(true)});
  expect_near_tensor(r, DType::Float64, {1.5, 1.5, 1.5}, 1e-15);
  EXPECT_EQ(r.as<Tensor>().shape(), (Shape{1, 3}));
}

}  // namespace
}  // namespace pygraft::rt
