// Unary math ufuncs: values, NumPy 2 dtypes, domain edges.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "tests/unit/runtime/ufunc_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(MathTest, ExpOfFloat64) {
  expect_near_tensor(run_kernel(kernel_exp, {f64({3}, {0, 1, -1})}), DType::Float64,
                     {1, std::exp(1.0), std::exp(-1.0)}, 1e-15);
}

TEST(MathTest, ExpOfFloat32StaysFloat32) {
  expect_near_tensor(run_kernel(kernel_exp, {f32({2}, {0, 1})}), DType::Float32, {1, std::exp(1.0)},
                     1e-6);
}

TEST(MathTest, ExpOfIntsIsFloat64) {
  expect_near_tensor(run_kernel(kernel_exp, {i32({1}, {2})}), DType::Float64, {std::exp(2.0)},
                     1e-12);
}

// Python floats reach the float functions only from math.NAME (after
// float()): a Python float with the math module's errors.
TEST(MathTest, PythonFloatFollowsTheMathModule) {
  Value r = run_kernel(kernel_sqrt, {Value(4.0)});
  ASSERT_TRUE(r.is<double>());
  EXPECT_EQ(r.as<double>(), 2.0);
  EXPECT_EQ(exception_of(kernel_sqrt, {Value(-1.0)}), "ValueError: math domain error");
  EXPECT_EQ(exception_of(kernel_log, {Value(0.0)}), "ValueError: math domain error");
  EXPECT_EQ(exception_of(kernel_log1p, {Value(-1.0)}), "ValueError: math domain error");
  EXPECT_EQ(exception_of(kernel_arcsin, {Value(1.5)}), "ValueError: math domain error");
  EXPECT_EQ(exception_of(kernel_sin, {Value(kInf)}), "ValueError: math domain error");
  EXPECT_EQ(exception_of(kernel_exp, {Value(1000.0)}), "OverflowError: math range error");
  EXPECT_EQ(exception_of(kernel_cosh, {Value(-1000.0)}), "OverflowError: math range error");
}

TEST(MathTest, PythonFloatSpecialValuesPassThrough) {
  EXPECT_EQ(run_kernel(kernel_exp, {Value(kInf)}).as<double>(), kInf);
  EXPECT_EQ(run_kernel(kernel_exp, {Value(-kInf)}).as<double>(), 0.0);
  EXPECT_EQ(run_kernel(kernel_log, {Value(kInf)}).as<double>(), kInf);
  EXPECT_TRUE(std::isnan(run_kernel(kernel_sqrt, {Value(kNaN)}).as<double>()));
  EXPECT_EQ(run_kernel(kernel_tanh, {Value(kInf)}).as<double>(), 1.0);
}

TEST(MathTest, MathPow) {
  EXPECT_EQ(run_kernel(kernel_math_pow, {Value(2.0), Value(-1.0)}).as<double>(), 0.5);
  EXPECT_EQ(exception_of(kernel_math_pow, {Value(0.0), Value(-1.0)}),
            "ValueError: math domain error");
  EXPECT_EQ(exception_of(kernel_math_pow, {Value(-8.0), Value(1.0 / 3)}),
            "ValueError: math domain error");
  EXPECT_EQ(exception_of(kernel_math_pow, {Value(10.0), Value(400.0)}),
            "OverflowError: math range error");
  EXPECT_EQ(run_kernel(kernel_math_pow, {Value(0.0), Value(-kInf)}).as<double>(), kInf);
  EXPECT_EQ(run_kernel(kernel_math_pow, {Value(kNaN), Value(0.0)}).as<double>(), 1.0);
}

TEST(MathTest, LogDomainEdges) {
  expect_tensor(run_kernel(kernel_log, {f64({3}, {-1, 0, 1})}), DType::Float64, {3},
                {kNaN, -kInf, 0});
}

TEST(MathTest, LogFamily) {
  expect_near_tensor(run_kernel(kernel_log2, {f64({1}, {8})}), DType::Float64, {3}, 0);
  expect_near_tensor(run_kernel(kernel_log10, {f64({1}, {1000})}), DType::Float64, {3}, 0);
  expect_near_tensor(run_kernel(kernel_log1p, {f64({1}, {1e-20})}), DType::Float64, {1e-20}, 0);
  expect_near_tensor(run_kernel(kernel_expm1, {f64({1}, {1e-20})}), DType::Float64, {1e-20}, 0);
}

TEST(MathTest, Trigonometry) {
  expect_near_tensor(run_kernel(kernel_sin, {f64({2}, {0, M_PI / 2})}), DType::Float64, {0, 1},
                     1e-15);
  expect_near_tensor(run_kernel(kernel_cos, {f64({1}, {0})}), DType::Float64, {1}, 1e-15);
  expect_near_tensor(run_kernel(kernel_tan, {f64({1}, {M_PI / 4})}), DType::Float64, {1}, 1e-15);
  expect_near_tensor(run_kernel(kernel_arcsin, {f64({1}, {1})}), DType::Float64, {M_PI / 2}, 1e-15);
  expect_near_tensor(run_kernel(kernel_arccos, {f64({1}, {1})}), DType::Float64, {0}, 1e-15);
  expect_near_tensor(run_kernel(kernel_arctan, {f64({1}, {1})}), DType::Float64, {M_PI / 4}, 1e-15);
}

TEST(MathTest, Hyperbolic) {
  expect_near_tensor(run_kernel(kernel_tanh, {f64({3}, {0, 20, -1})}), DType::Float64,
                     {0, 1, std::tanh(-1.0)}, 1e-15);
  expect_near_tensor(run_kernel(kernel_sinh, {f64({1}, {1})}), DType::Float64, {std::sinh(1.0)},
                     1e-15);
  expect_near_tensor(run_kernel(kernel_cosh, {f64({1}, {1})}), DType::Float64, {std::cosh(1.0)},
                     1e-15);
}

TEST(MathTest, SqrtOfNegativeIsNan) {
  expect_tensor(run_kernel(kernel_sqrt, {f64({1}, {-1})}), DType::Float64, {1}, {kNaN});
}

TEST(MathTest, AbsKeepsPythonScalars) {
  Value r = run_kernel(kernel_absolute, {Value(int64_t{-3})});
  ASSERT_TRUE(r.is<int64_t>());
  EXPECT_EQ(r.as<int64_t>(), 3);
  EXPECT_EQ(run_kernel(kernel_absolute, {Value(-2.5)}).as<double>(), 2.5);
  EXPECT_EQ(run_kernel(kernel_absolute, {Value(true)}).as<int64_t>(), 1);
}

TEST(MathTest, AbsKeepsIntegerDtype) {
  expect_tensor(run_kernel(kernel_absolute, {i32({3}, {-3, 0, 2})}), DType::Int32, {3}, {3, 0, 2});
}

TEST(MathTest, SignOfIntsAndFloats) {
  expect_tensor(run_kernel(kernel_sign, {i64({3}, {-5, 0, 7})}), DType::Int64, {3}, {-1, 0, 1});
  expect_tensor(run_kernel(kernel_sign, {f64({3}, {-0.5, kNaN, 2})}), DType::Float64, {3},
                {-1, kNaN, 1});
}

TEST(MathTest, SignOfBoolIsAnError) {
  EXPECT_NE(error_of(kernel_sign, {bools({1}, {1})}).find("ufunc 'sign'"), std::string::npos);
}

TEST(MathTest, FloorCeilTruncOfFloats) {
  Tensor x = f64({4}, {-1.5, -0.5, 0.5, 1.5});
  expect_tensor(run_kernel(kernel_floor, {x}), DType::Float64, {4}, {-2, -1, 0, 1});
  expect_tensor(run_kernel(kernel_ceil, {x}), DType::Float64, {4}, {-1, -0.0, 1, 2});
  expect_tensor(run_kernel(kernel_trunc, {x}), DType::Float64, {4}, {-1, -0.0, 0, 1});
}

// NumPy's floor/ceil/trunc loops are float-only: ints give float64.
TEST(MathTest, FloorOfIntegersIsFloat64) {
  expect_tensor(run_kernel(kernel_floor, {i32({2}, {-3, 4})}), DType::Float64, {2}, {-3, 4});
  expect_tensor(run_kernel(kernel_ceil, {bools({2}, {1, 0})}), DType::Float64, {2}, {1, 0});
  expect_tensor(run_kernel(kernel_trunc, {f32({2}, {-2.5, 2.5})}), DType::Float32, {2}, {-2, 2});
}

// math.floor(x): a Python float floors to a float (int() follows); a Python
// int stays exact, as int.__floor__ does.
TEST(MathTest, FloorOfPythonScalars) {
  EXPECT_EQ(run_kernel(kernel_floor, {Value(2.5)}).as<double>(), 2.0);
  EXPECT_EQ(run_kernel(kernel_floor, {Value(int64_t{9007199254740993})}).as<int64_t>(),
            9007199254740993);
  EXPECT_EQ(run_kernel(kernel_ceil, {Value(true)}).as<int64_t>(), 1);
}

TEST(MathTest, SquareKeepsDtype) {
  expect_tensor(run_kernel(kernel_square, {i64({2}, {-3, 4})}), DType::Int64, {2}, {9, 16});
  expect_tensor(run_kernel(kernel_square, {f32({1}, {1.5})}), DType::Float32, {1}, {2.25});
  // NumPy squares bools in int8: an integer dtype.
  expect_tensor(run_kernel(kernel_square, {bools({2}, {1, 0})}), DType::Int64, {2}, {1, 0});
}

TEST(MathTest, BoolLoopsNumPyDoesNotHave) {
  EXPECT_EQ(exception_of(kernel_sign, {bools({1}, {1})}).substr(0, 30),
            "TypeError: ufunc 'sign' did no");
  EXPECT_EQ(exception_of(kernel_np_positive, {bools({1}, {1})}).substr(0, 34),
            "TypeError: ufunc 'positive' did no");
  expect_tensor(run_kernel(kernel_positive, {bools({1}, {1})}), DType::Bool, {1}, {1});  // +x
}

TEST(MathTest, FloatPredicates) {
  Tensor x = f64({4}, {1, kNaN, kInf, -kInf});
  expect_tensor(run_kernel(kernel_isnan, {x}), DType::Bool, {4}, {0, 1, 0, 0});
  expect_tensor(run_kernel(kernel_isinf, {x}), DType::Bool, {4}, {0, 0, 1, 1});
  expect_tensor(run_kernel(kernel_isfinite, {x}), DType::Bool, {4}, {1, 0, 0, 0});
}

TEST(MathTest, PredicatesOnInts) {
  expect_tensor(run_kernel(kernel_isnan, {i64({2}, {1, 2})}), DType::Bool, {2}, {0, 0});
  expect_tensor(run_kernel(kernel_isfinite, {Value(int64_t{3})}), DType::Bool, {}, {1});
}

TEST(MathTest, UniqueFloatInputIsReused) {
  Tensor x = f64({64}, std::vector<double>(64, 0.0));
  const void* data = x.raw();
  Value r = run_kernel(kernel_exp, moved_inputs(std::move(x)));
  EXPECT_EQ(r.as<Tensor>().raw(), data);
  EXPECT_EQ(r.as<Tensor>().get_as_double(63), 1.0);
}

TEST(MathTest, EmptyInput) {
  expect_tensor(run_kernel(kernel_log, {f32({0, 2}, {})}), DType::Float32, {0, 2}, {});
}

}  // namespace
}  // namespace pygraft::rt
