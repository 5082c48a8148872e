// print() formatting of values; every expected string is the output of
// CPython 3 + NumPy (str(x)) for the same value.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "kernel_test_util.h"
#include "runtime/format.h"

namespace pygraft::rt {
namespace {

using namespace testing;

std::string str_of(DType dtype, const Shape& shape, const std::vector<double>& values) {
  return format_value(make_tensor(dtype, shape, values));
}

TEST(FormatValue, PythonScalars) {
  EXPECT_EQ(format_value(Value(int64_t{-3})), "-3");
  EXPECT_EQ(format_value(Value(true)), "True");
  EXPECT_EQ(format_value(Value()), "None");
  EXPECT_EQ(format_value(Value::str("hi 'x'")), "hi 'x'");
}

TEST(FormatValue, PythonFloatRepr) {
  EXPECT_EQ(python_float_repr(0.1), "0.1");
  EXPECT_EQ(python_float_repr(1.0), "1.0");
  EXPECT_EQ(python_float_repr(1e-05), "1e-05");
  EXPECT_EQ(python_float_repr(1e16), "1e+16");
  EXPECT_EQ(python_float_repr(123456789.0), "123456789.0");
  EXPECT_EQ(python_float_repr(-0.0), "-0.0");
  EXPECT_EQ(python_float_repr(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(python_float_repr(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(python_float_repr(std::nan("")), "nan");
}

TEST(FormatValue, NumpyScalarsPrintLikePython) {
  EXPECT_EQ(format_value(Tensor::scalar(DType::Float64, 1.5)), "1.5");
  EXPECT_EQ(format_value(Tensor::scalar(DType::Float32, 0.1f)), "0.1");
  EXPECT_EQ(format_value(Tensor::scalar(DType::Float32, 1e20f)), "1e+20");
  EXPECT_EQ(format_value(Tensor::scalar(DType::Int32, 3)), "3");
  EXPECT_EQ(format_value(Tensor::scalar(DType::Bool, true)), "True");
}

TEST(FormatValue, TupleUsesReprOfItems) {
  Value t = tuple_of({Value(int64_t{1}), Value(2.5), Value::str("a"), Value()});
  EXPECT_EQ(format_value(t), "(1, 2.5, 'a', None)");
  EXPECT_EQ(format_value(tuple_of({Value(int64_t{1})})), "(1,)");
  EXPECT_EQ(format_value(tuple_of({Tensor::scalar(DType::Float64, 1.5), Value(false)})),
            "(np.float64(1.5), False)");
}

TEST(FormatValue, DTypeValue) {
  EXPECT_EQ(format_value(Value(DType::Float32)), "float32");
  EXPECT_EQ(repr_value(Value(DType::Int64)), "dtype('int64')");
}

TEST(FormatArray, FloatsWithoutFraction) {
  EXPECT_EQ(str_of(DType::Float64, {3}, {1, 2, 3}), "[1. 2. 3.]");
}

TEST(FormatArray, FloatsAlignOnThePoint) {
  EXPECT_EQ(str_of(DType::Float64, {3}, {1.0, 2.5, -3.25}), "[ 1.    2.5  -3.25]");
}

TEST(FormatArray, PrecisionEightDigits) {
  EXPECT_EQ(str_of(DType::Float64, {3}, {1.0 / 3, 2.0 / 3, 1.0}),
            "[0.33333333 0.66666667 1.        ]");
  EXPECT_EQ(str_of(DType::Float64, {2}, {0.1 + 0.2, 100.0}), "[  0.3 100. ]");
}

TEST(FormatArray, ExponentFormat) {
  EXPECT_EQ(str_of(DType::Float64, {2}, {1e-5, 1.0}), "[1.e-05 1.e+00]");
  EXPECT_EQ(str_of(DType::Float64, {2}, {1e8, 1.0}), "[1.e+08 1.e+00]");
  EXPECT_EQ(str_of(DType::Float64, {2}, {1e-10, 1.5e120}), "[1.0e-010 1.5e+120]");
}

TEST(FormatArray, NonFinite) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(str_of(DType::Float64, {3}, {std::nan(""), 1.5, -inf}), "[ nan  1.5 -inf]");
}

TEST(FormatArray, NegativeZero) {
  EXPECT_EQ(str_of(DType::Float64, {2}, {-0.0, 1.0}), "[-0.  1.]");
}

TEST(FormatArray, Float32UsesItsShortestDigits) {
  EXPECT_EQ(str_of(DType::Float32, {2}, {0.1, 0.2}), "[0.1 0.2]");
}

TEST(FormatArray, Float32ExponentPadsWithExactDigits) {
  EXPECT_EQ(
      str_of(DType::Float32, {3}, {-104.87965393066406, -124874.890625, 0.0010000000474974513}),
      "[-1.04879654e+02 -1.24874891e+05  1.00000005e-03]");
}

TEST(FormatArray, IntMatrix) {
  EXPECT_EQ(str_of(DType::Int64, {2, 2}, {1, 2, 3, 4}), "[[1 2]\n [3 4]]");
  EXPECT_EQ(str_of(DType::Int64, {2, 2}, {-1, 20, 3, -400}), "[[  -1   20]\n [   3 -400]]");
}

TEST(FormatArray, Bools) {
  EXPECT_EQ(str_of(DType::Bool, {2}, {1, 0}), "[ True False]");
}

TEST(FormatArray, ThreeDimensionsSeparateBlocks) {
  EXPECT_EQ(format_value(iota(DType::Int64, {2, 2, 2})), "[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]");
}

TEST(FormatArray, ZerosMatrix) {
  EXPECT_EQ(format_value(Tensor::zeros(DType::Float64, {2, 3})), "[[0. 0. 0.]\n [0. 0. 0.]]");
}

TEST(FormatArray, Empty) {
  EXPECT_EQ(format_value(Tensor::zeros(DType::Float64, {0})), "[]");
}

TEST(FormatArray, WrapsAtLineWidth) {
  EXPECT_EQ(format_value(iota(DType::Float64, {30})),
            "[ 0.  1.  2.  3.  4.  5.  6.  7.  8.  9. 10. 11. 12. 13. 14. 15. 16. 17.\n"
            " 18. 19. 20. 21. 22. 23. 24. 25. 26. 27. 28. 29.]");
  EXPECT_EQ(format_value(iota(DType::Int64, {40})),
            "[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23\n"
            " 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39]");
}

TEST(FormatArray, SummarisesLargeArrays) {
  EXPECT_EQ(format_value(iota(DType::Int64, {2000})), "[   0    1    2 ... 1997 1998 1999]");
}

TEST(FormatArray, SummarisesLargeMatrices) {
  EXPECT_EQ(format_value(iota(DType::Int64, {40, 50})),
            "[[   0    1    2 ...   47   48   49]\n [  50   51   52 ...   97   98   99]\n"
            " [ 100  101  102 ...  147  148  149]\n ...\n"
            " [1850 1851 1852 ... 1897 1898 1899]\n [1900 1901 1902 ... 1947 1948 1949]\n"
            " [1950 1951 1952 ... 1997 1998 1999]]");
}

TEST(FormatArray, Repr) {
  EXPECT_EQ(repr_value(make_tensor(DType::Int32, {2}, {1, 2})), "array([1, 2], dtype=int32)");
  EXPECT_EQ(repr_value(make_tensor(DType::Float64, {2, 2}, {1.5, 2, 3, 4})),
            "array([[1.5, 2. ],\n       [3. , 4. ]])");
  EXPECT_EQ(repr_value(Tensor::zeros(DType::Float64, {0})), "array([], dtype=float64)");
  EXPECT_EQ(repr_value(iota(DType::Float64, {30})),
            "array([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12.,\n"
            "       13., 14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25.,\n"
            "       26., 27., 28., 29.])");
}

TEST(KernelPrint, SeparatorAndEnd) {
  std::string printed;
  run_kernel(kernel_print, {Value(int64_t{1}), Value(0.5), make_tensor(DType::Int64, {2}, {1, 2})},
             {}, &printed);
  EXPECT_EQ(printed, "1 0.5 [1 2]\n");
  run_kernel(
      kernel_print, {Value(int64_t{1}), Value(int64_t{2})},
      {Attribute{"sep", Literal(std::string(", "))}, Attribute{"end", Literal(std::string("!"))}},
      &printed);
  EXPECT_EQ(printed, "1, 2!");
}

TEST(KernelAssert, PassesOnTruth) {
  run_kernel(kernel_assert, {Value(true)});
}

TEST(KernelAssert, FailsWithMessage) {
  try {
    run_kernel(kernel_assert, {Value(int64_t{0})},
               {Attribute{"message", Literal(std::string("x > 0"))}});
    FAIL();
  } catch (const RuntimeError& e) {
    EXPECT_STREQ(e.what(), "x > 0");
    EXPECT_EQ(e.kind(), PyExc::AssertionError);
  }
}

TEST(KernelAssert, FailsWithoutMessage) {
  EXPECT_THROW(run_kernel(kernel_assert, {Value(false)}), RuntimeError);
}

TEST(KernelUndef, CarriesName) {
  Value v = run_kernel(kernel_undef, {}, {Attribute{"name", Literal(std::string("h"))}});
  ASSERT_TRUE(v.is<UndefValue>());
  EXPECT_EQ(*v.as<UndefValue>().name, "h");
}

}  // namespace
}  // namespace pygraft::rt
