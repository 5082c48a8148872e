// Arithmetic ufuncs on tensors: dtypes (NEP 50), broadcasting, NumPy's
// integer and float edge cases. Expected values checked with NumPy.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/unit/runtime/ufunc_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(ArithTest, AddSameShape) {
  expect_tensor(run_kernel(kernel_add, {f64({3}, {1, 2, 3}), f64({3}, {10, 20, 30})}),
                DType::Float64, {3}, {11, 22, 33});
}

TEST(ArithTest, AddBroadcastsRowAndColumn) {
  expect_tensor(run_kernel(kernel_add, {i64({2, 1}, {0, 10}), i64({3}, {1, 2, 3})}), DType::Int64,
                {2, 3}, {1, 2, 3, 11, 12, 13});
}

TEST(ArithTest, AddBroadcasts3dWithOnes) {
  Value r = run_kernel(kernel_add, {i64({2, 1, 2}, {0, 1, 2, 3}), i64({1, 2, 1}, {10, 20})});
  expect_tensor(r, DType::Int64, {2, 2, 2}, {10, 11, 20, 21, 12, 13, 22, 23});
}

TEST(ArithTest, BroadcastMismatchIsAnError) {
  EXPECT_EQ(error_of(kernel_add, {f64({2, 3}, {1, 2, 3, 4, 5, 6}), f64({4}, {1, 2, 3, 4})}),
            "operands could not be broadcast together with shapes (2,3) (4,) ");
}

TEST(ArithTest, Float32TimesPythonFloatStaysFloat32) {
  expect_tensor(run_kernel(kernel_multiply, {f32({2}, {1.5, 2}), Value(2.0)}), DType::Float32, {2},
                {3, 4});
}

TEST(ArithTest, Int32PlusPythonIntStaysInt32) {
  expect_tensor(run_kernel(kernel_add, {i32({2}, {1, 2}), Value(int64_t{5})}), DType::Int32, {2},
                {6, 7});
}

TEST(ArithTest, Int32PlusInt64PromotesToInt64) {
  expect_tensor(run_kernel(kernel_add, {i32({1}, {1}), i64({1}, {2})}), DType::Int64, {1}, {3});
}

TEST(ArithTest, Int32PlusFloat32GivesFloat64) {
  expect_tensor(run_kernel(kernel_add, {i32({1}, {1}), f32({1}, {0.5})}), DType::Float64, {1},
                {1.5});
}

TEST(ArithTest, PythonIntOutOfInt32RangeRaises) {
  EXPECT_EQ(error_of(kernel_add, {i32({1}, {1}), Value(int64_t{3000000000})}),
            "Python integer 3000000000 out of bounds for int32");
}

TEST(ArithTest, BoolPlusBoolIsLogicalOr) {
  expect_tensor(run_kernel(kernel_add, {bools({3}, {1, 0, 0}), bools({3}, {1, 1, 0})}), DType::Bool,
                {3}, {1, 1, 0});
}

TEST(ArithTest, BoolPlusPythonIntGivesInt64) {
  expect_tensor(run_kernel(kernel_add, {bools({1}, {1}), Value(int64_t{1})}), DType::Int64, {1},
                {2});
}

TEST(ArithTest, BoolSubtractIsAnError) {
  EXPECT_NE(
      error_of(kernel_subtract, {bools({1}, {1}), bools({1}, {0})}).find("numpy boolean subtract"),
      std::string::npos);
}

TEST(ArithTest, IntegerAdditionWraps) {
  expect_tensor(run_kernel(kernel_add, {i32({1}, {2147483647}), i32({1}, {1})}), DType::Int32, {1},
                {-2147483648.0});
}

TEST(ArithTest, TrueDivideOfIntsIsFloat64) {
  expect_tensor(run_kernel(kernel_true_divide, {i32({2}, {1, 3}), i32({2}, {2, 2})}),
                DType::Float64, {2}, {0.5, 1.5});
}

TEST(ArithTest, TrueDivideFloat32ByPythonIntStaysFloat32) {
  expect_tensor(run_kernel(kernel_true_divide, {f32({1}, {1}), Value(int64_t{4})}), DType::Float32,
                {1}, {0.25});
}

TEST(ArithTest, FloatDivisionByZeroGivesInfAndNan) {
  expect_tensor(run_kernel(kernel_true_divide, {f64({3}, {1, -1, 0}), Value(0.0)}), DType::Float64,
                {3}, {kInf, -kInf, kNaN});
}

TEST(ArithTest, FloorDivideFloorsNegatives) {
  expect_tensor(
      run_kernel(kernel_floor_divide, {i64({4}, {7, -7, 7, -7}), i64({4}, {2, 2, -2, -2})}),
      DType::Int64, {4}, {3, -4, -4, 3});
}

TEST(ArithTest, IntegerFloorDivideByZeroGivesZero) {
  expect_tensor(run_kernel(kernel_floor_divide, {i64({2}, {5, -5}), Value(int64_t{0})}),
                DType::Int64, {2}, {0, 0});
}

TEST(ArithTest, IntegerRemainderByZeroGivesZero) {
  expect_tensor(run_kernel(kernel_remainder, {i64({2}, {5, -5}), Value(int64_t{0})}), DType::Int64,
                {2}, {0, 0});
}

TEST(ArithTest, RemainderFollowsTheDivisorsSign) {
  expect_tensor(run_kernel(kernel_remainder, {i64({2}, {-7, 7}), i64({2}, {3, -3})}), DType::Int64,
                {2}, {2, -2});
}

TEST(ArithTest, FloatRemainderAndFloorDivide) {
  expect_tensor(run_kernel(kernel_remainder, {f64({1}, {7}), Value(-2.0)}), DType::Float64, {1},
                {-1});
  expect_tensor(run_kernel(kernel_floor_divide, {f64({1}, {-7.5}), Value(2.0)}), DType::Float64,
                {1}, {-4});
}

TEST(ArithTest, FloatFloorDivideByZero) {
  expect_tensor(run_kernel(kernel_floor_divide, {f64({2}, {1, -1}), Value(0.0)}), DType::Float64,
                {2}, {kInf, -kInf});
  expect_tensor(run_kernel(kernel_remainder, {f64({1}, {1}), Value(0.0)}), DType::Float64, {1},
                {kNaN});
}

TEST(ArithTest, IntegerPower) {
  expect_tensor(run_kernel(kernel_power, {i64({3}, {2, 3, -2}), Value(int64_t{3})}), DType::Int64,
                {3}, {8, 27, -8});
}

TEST(ArithTest, IntegerNegativePowerIsAnError) {
  EXPECT_EQ(error_of(kernel_power, {i64({2}, {1, 2}), Value(int64_t{-1})}),
            "Integers to negative integer powers are not allowed.");
}

TEST(ArithTest, IntegerToFloatPowerIsFloat64) {
  expect_tensor(run_kernel(kernel_power, {i64({1}, {4}), Value(0.5)}), DType::Float64, {1}, {2});
}

TEST(ArithTest, ZeroDimTensorsStayTensors) {
  Value r = run_kernel(kernel_multiply, {Value(Tensor::scalar(DType::Float32, 2.0f)), Value(2.0)});
  expect_tensor(r, DType::Float32, {}, {4});
}

TEST(ArithTest, EmptyOperands) {
  expect_tensor(run_kernel(kernel_add, {f64({0}, {}), Value(1.0)}), DType::Float64, {0}, {});
}

TEST(ArithTest, TupleOperandIsAnArray) {
  Value t = tuple_of({Value(int64_t{1}), Value(int64_t{2})});
  expect_tensor(run_kernel(kernel_add, {t, f64({2}, {0.5, 0.5})}), DType::Float64, {2}, {1.5, 2.5});
}

TEST(ArithTest, UniqueInputBufferIsReused) {
  Tensor a = f64({1000}, std::vector<double>(1000, 1.0));
  const void* data = a.raw();
  Value r = run_kernel(kernel_add, moved_inputs(std::move(a), 1.0));
  EXPECT_EQ(r.as<Tensor>().raw(), data);
  EXPECT_EQ(r.as<Tensor>().get_as_double(999), 2.0);
}

TEST(ArithTest, SharedInputBufferIsNotReused) {
  Tensor a = f64({4}, {1, 2, 3, 4});
  Value r = run_kernel(kernel_add, {Value(a), Value(1.0)});
  EXPECT_NE(r.as<Tensor>().raw(), a.raw());
  EXPECT_EQ(a.get_as_double(0), 1.0);
}

TEST(ArithTest, BroadcastOperandIsNotReusedAsOutput) {
  Tensor row = f64({3}, {1, 2, 3});
  const void* data = row.raw();
  Value r = run_kernel(kernel_add, {Value(std::move(row)), f64({2, 3}, {0, 0, 0, 1, 1, 1})});
  // The full-shape right operand may be reused, never the broadcast row.
  EXPECT_NE(r.as<Tensor>().raw(), data);
  expect_tensor(r, DType::Float64, {2, 3}, {1, 2, 3, 2, 3, 4});
}

TEST(ArithUnaryTest, NegativeWrapsIntegers) {
  expect_tensor(run_kernel(kernel_negative, {i32({2}, {5, -2147483648.0})}), DType::Int32, {2},
                {-5, -2147483648.0});
}

TEST(ArithUnaryTest, NegativeOfBoolIsAnError) {
  EXPECT_EQ(error_of(kernel_negative, {bools({1}, {1})}),
            "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator "
            "or the logical_not function instead.");
}

TEST(ArithUnaryTest, PositiveCopiesFloats) {
  expect_tensor(run_kernel(kernel_positive, {f32({2}, {1, -2})}), DType::Float32, {2}, {1, -2});
}

TEST(ArithUnaryTest, InvertBoolIsLogicalNot) {
  expect_tensor(run_kernel(kernel_invert, {bools({2}, {1, 0})}), DType::Bool, {2}, {0, 1});
}

TEST(ArithUnaryTest, InvertInt) {
  expect_tensor(run_kernel(kernel_invert, {i64({2}, {0, 5})}), DType::Int64, {2}, {-1, -6});
}

TEST(ArithUnaryTest, InvertFloatIsAnError) {
  EXPECT_NE(error_of(kernel_invert, {f64({1}, {1})}).find("ufunc 'invert' not supported"),
            std::string::npos);
}

}  // namespace
}  // namespace pygraft::rt
