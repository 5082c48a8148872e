// Operators on two Python scalars follow CPython, not NumPy.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "runtime/pyscalar.h"
#include "tests/unit/runtime/ufunc_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;

Value py(int64_t v) {
  return Value(v);
}
Value py(double v) {
  return Value(v);
}

TEST(PyScalarTest, IntPlusIntIsInt) {
  Value r = run_kernel(kernel_add, {py(int64_t{2}), py(int64_t{3})});
  ASSERT_TRUE(r.is<int64_t>());
  EXPECT_EQ(r.as<int64_t>(), 5);
}

TEST(PyScalarTest, BoolPlusBoolIsInt) {
  Value r = run_kernel(kernel_add, {Value(true), Value(true)});
  ASSERT_TRUE(r.is<int64_t>());
  EXPECT_EQ(r.as<int64_t>(), 2);
}

TEST(PyScalarTest, IntDividedByIntIsFloat) {
  Value r = run_kernel(kernel_true_divide, {py(int64_t{7}), py(int64_t{2})});
  ASSERT_TRUE(r.is<double>());
  EXPECT_EQ(r.as<double>(), 3.5);
}

TEST(PyScalarTest, FloorDivisionOfNegativesFloors) {
  EXPECT_EQ(run_kernel(kernel_floor_divide, {py(int64_t{7}), py(int64_t{-2})}).as<int64_t>(), -4);
  EXPECT_EQ(run_kernel(kernel_floor_divide, {py(int64_t{-7}), py(int64_t{2})}).as<int64_t>(), -4);
}

TEST(PyScalarTest, ModuloTakesTheDivisorsSign) {
  EXPECT_EQ(run_kernel(kernel_remainder, {py(int64_t{-7}), py(int64_t{3})}).as<int64_t>(), 2);
  EXPECT_EQ(run_kernel(kernel_remainder, {py(int64_t{7}), py(int64_t{-3})}).as<int64_t>(), -2);
}

TEST(PyScalarTest, FloatModuloAndFloorDivision) {
  EXPECT_EQ(run_kernel(kernel_remainder, {py(-7.5), py(2.0)}).as<double>(), 0.5);
  EXPECT_EQ(run_kernel(kernel_floor_divide, {py(-7.5), py(2.0)}).as<double>(), -4.0);
  EXPECT_EQ(run_kernel(kernel_remainder, {py(7.0), py(-2.0)}).as<double>(), -1.0);
}

TEST(PyScalarTest, IntDivisionByZeroRaises) {
  EXPECT_EQ(error_of(kernel_true_divide, {py(int64_t{1}), py(int64_t{0})}), "division by zero");
  EXPECT_EQ(error_of(kernel_floor_divide, {py(int64_t{1}), py(int64_t{0})}),
            "integer division or modulo by zero");
  EXPECT_EQ(exception_of(kernel_remainder, {py(int64_t{1}), py(int64_t{0})}),
            "ZeroDivisionError: integer modulo by zero");
}

TEST(PyScalarTest, FloatDivisionByZeroRaises) {
  EXPECT_EQ(error_of(kernel_true_divide, {py(1.0), py(0.0)}), "float division by zero");
  EXPECT_EQ(error_of(kernel_floor_divide, {py(1.0), py(int64_t{0})}),
            "float floor division by zero");
  EXPECT_EQ(error_of(kernel_remainder, {py(1.0), py(0.0)}), "float modulo");
}

TEST(PyScalarTest, IntToNegativePowerIsFloat) {
  Value r = run_kernel(kernel_power, {py(int64_t{2}), py(int64_t{-1})});
  ASSERT_TRUE(r.is<double>());
  EXPECT_EQ(r.as<double>(), 0.5);
}

TEST(PyScalarTest, ZeroToNegativePowerRaises) {
  EXPECT_EQ(error_of(kernel_power, {py(int64_t{0}), py(int64_t{-1})}),
            "0.0 cannot be raised to a negative power");
}

TEST(PyScalarTest, IntPowerIsExact) {
  EXPECT_EQ(run_kernel(kernel_power, {py(int64_t{3}), py(int64_t{39})}).as<int64_t>(),
            4052555153018976267);
}

// SPEC §3: Python ints are 64-bit; leaving int64 is an OverflowError.
TEST(PyScalarTest, IntOverflowRaises) {
  EXPECT_EQ(exception_of(kernel_multiply, {py(int64_t{1} << 62), py(int64_t{4})}),
            "OverflowError: integer overflow: 4611686018427387904 * 4 does not fit in 64 bits "
            "(pygraft's ints are int64)");
  const int64_t max = INT64_MAX, min = INT64_MIN;
  auto kind = [](KernelFn k, std::vector<Value> in) {
    std::string e = exception_of(k, std::move(in));
    return e.substr(0, e.find(':'));
  };
  EXPECT_EQ(kind(kernel_power, {py(int64_t{10}), py(int64_t{19})}), "OverflowError");
  EXPECT_EQ(kind(kernel_add, {py(max), py(int64_t{1})}), "OverflowError");
  EXPECT_EQ(kind(kernel_add, {py(max), Value(true)}), "OverflowError");
  EXPECT_EQ(kind(kernel_subtract, {py(min), py(int64_t{1})}), "OverflowError");
  EXPECT_EQ(kind(kernel_negative, {py(min)}), "OverflowError");
  EXPECT_EQ(kind(kernel_absolute, {py(min)}), "OverflowError");
  EXPECT_EQ(kind(kernel_floor_divide, {py(min), py(int64_t{-1})}), "OverflowError");
  EXPECT_EQ(kind(kernel_left_shift, {py(int64_t{1}), py(int64_t{63})}), "OverflowError");
  EXPECT_EQ(kind(kernel_left_shift, {py(int64_t{-3}), py(int64_t{62})}), "OverflowError");
  // The edges themselves fit.
  EXPECT_EQ(run_kernel(kernel_remainder, {py(min), py(int64_t{-1})}).as<int64_t>(), 0);
  EXPECT_EQ(run_kernel(kernel_left_shift, {py(int64_t{-1}), py(int64_t{63})}).as<int64_t>(), min);
  EXPECT_EQ(run_kernel(kernel_power, {py(int64_t{-2}), py(int64_t{63})}).as<int64_t>(), min);
}

// NumPy int64 arrays keep wrapping silently, as NumPy's do.
TEST(PyScalarTest, Int64ArraysWrap) {
  Tensor x = Tensor::zeros(DType::Int64, {1});
  x.data<int64_t>()[0] = INT64_MAX;
  Value r = run_kernel(kernel_add, {x, py(int64_t{1})});
  EXPECT_EQ(r.as<Tensor>().data<int64_t>()[0], INT64_MIN);
}

TEST(PyScalarTest, BitwiseOnBoolsStaysBool) {
  Value r = run_kernel(kernel_bitwise_and, {Value(true), Value(false)});
  ASSERT_TRUE(r.is<bool>());
  EXPECT_FALSE(r.as<bool>());
}

TEST(PyScalarTest, ShiftsOnInts) {
  EXPECT_EQ(run_kernel(kernel_left_shift, {py(int64_t{3}), py(int64_t{4})}).as<int64_t>(), 48);
  EXPECT_EQ(run_kernel(kernel_right_shift, {py(int64_t{-9}), py(int64_t{1})}).as<int64_t>(), -5);
  EXPECT_EQ(error_of(kernel_left_shift, {py(int64_t{1}), py(int64_t{-1})}), "negative shift count");
}

TEST(PyScalarTest, BitwiseOnFloatRaises) {
  EXPECT_EQ(error_of(kernel_bitwise_or, {py(1.0), py(int64_t{1})}),
            "unsupported operand type(s) for |: 'float' and 'int'");
}

TEST(PyScalarTest, UnaryOperators) {
  EXPECT_EQ(run_kernel(kernel_negative, {Value(true)}).as<int64_t>(), -1);
  EXPECT_EQ(run_kernel(kernel_invert, {py(int64_t{5})}).as<int64_t>(), -6);
  EXPECT_EQ(run_kernel(kernel_positive, {py(2.5)}).as<double>(), 2.5);
  EXPECT_EQ(error_of(kernel_invert, {py(2.5)}), "bad operand type for unary ~: 'float'");
}

TEST(PyScalarTest, MixedIntFloatComparisonIsExact) {
  // 2**53 + 1 is not a double; Python still compares it exactly.
  Value big = py(int64_t{9007199254740993});
  EXPECT_FALSE(run_kernel(kernel_equal, {big, py(9007199254740992.0)}).as<bool>());
  EXPECT_TRUE(run_kernel(kernel_greater, {big, py(9007199254740992.0)}).as<bool>());
}

TEST(PyScalarTest, ComparisonGivesPythonBool) {
  Value r = run_kernel(kernel_less, {py(int64_t{1}), py(1.5)});
  ASSERT_TRUE(r.is<bool>());
  EXPECT_TRUE(r.as<bool>());
  EXPECT_FALSE(run_kernel(kernel_equal, {py(std::nan("")), py(std::nan(""))}).as<bool>());
}

// Power-of-two divisors take a shift and a mask instead of a division; both
// must give the floored quotient and remainder a division gives.
template <class T>
void expect_power_of_two_division_floors(T a, T b) {
  T q = static_cast<T>(a / b), r = static_cast<T>(a % b);
  if (r != 0 && ((r < 0) != (b < 0))) q = static_cast<T>(q - 1), r = static_cast<T>(r + b);
  EXPECT_EQ(int_floor_div(a, b), q) << +a << " // " << +b;
  EXPECT_EQ(int_mod(a, b), r) << +a << " % " << +b;
}

TEST(PyScalarTest, PowerOfTwoDivisorsFloorLikeDivision) {
  for (int64_t b : {int64_t{1}, int64_t{2}, int64_t{4}, int64_t{1024}, int64_t{1} << 62}) {
    for (int64_t a = -70; a <= 70; ++a) expect_power_of_two_division_floors(a, b);
    expect_power_of_two_division_floors(INT64_MIN, b);
    expect_power_of_two_division_floors(INT64_MAX, b);
  }
  for (int a = -128; a <= 127; ++a) {
    expect_power_of_two_division_floors(static_cast<int8_t>(a), int8_t{64});
    expect_power_of_two_division_floors(static_cast<int8_t>(a), int8_t{2});
  }
}

}  // namespace
}  // namespace pygraft::rt
