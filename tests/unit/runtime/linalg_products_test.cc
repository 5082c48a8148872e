// matmul, dot, outer and transpose against NumPy results.
#include <cmath>

#include "index_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
using Doubles = std::vector<double>;

Value call2(KernelFn kernel, Value a, Value b) {
  return run_kernel(kernel, {std::move(a), std::move(b)});
}

TEST(MatMul, TwoByTwoDims) {
  Value r = call2(kernel_matmul, iota(DType::Int64, {2, 3}), iota(DType::Int64, {3, 4}));
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 4}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{20, 23, 26, 29, 56, 68, 80, 92}));
}

TEST(MatMul, FloatUsesSameValues) {
  Value r = call2(kernel_matmul, iota(DType::Float32, {2, 3}), iota(DType::Float32, {3, 4}));
  EXPECT_EQ(tensor_of(r).dtype(), DType::Float32);
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{20, 23, 26, 29, 56, 68, 80, 92}));
}

TEST(MatMul, VectorOperandsArePromotedAndRemoved) {
  Value left = call2(kernel_matmul, iota(DType::Float64, {3}), iota(DType::Float64, {3, 4}));
  EXPECT_EQ(tensor_of(left).shape(), (Shape{4}));
  EXPECT_EQ(values_of(tensor_of(left)), (Doubles{20, 23, 26, 29}));
  Value right = call2(kernel_matmul, iota(DType::Float64, {2, 3}), iota(DType::Float64, {3}));
  EXPECT_EQ(values_of(tensor_of(right)), (Doubles{5, 14}));
  Value inner = call2(kernel_matmul, iota(DType::Int64, {3}), iota(DType::Int64, {3}));
  EXPECT_EQ(tensor_of(inner).rank(), 0);
  EXPECT_EQ(tensor_of(inner).get_as_int(0), 5);
}

TEST(MatMul, BatchTimesMatrix) {
  Value r = call2(kernel_matmul, iota(DType::Float64, {2, 3, 4}), iota(DType::Float64, {4, 2}));
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 3, 2}));
  EXPECT_EQ(values_of(tensor_of(r)),
            (Doubles{28, 34, 76, 98, 124, 162, 172, 226, 220, 290, 268, 354}));
}

TEST(MatMul, BatchDimsBroadcast) {
  Value r = call2(kernel_matmul, iota(DType::Float64, {1, 2, 3}), iota(DType::Float64, {2, 3, 2}));
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 2, 2}));
}

TEST(MatMul, PromotesDtypes) {
  Value r = call2(kernel_matmul, iota(DType::Int32, {2, 2}), iota(DType::Float32, {2, 2}));
  EXPECT_EQ(tensor_of(r).dtype(), DType::Float64);
}

TEST(MatMul, BoolGivesBool) {
  Tensor b = bool_tensor({2, 2}, {1, 0, 0, 0});
  Value r = call2(kernel_matmul, b, b);
  EXPECT_EQ(tensor_of(r).dtype(), DType::Bool);
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{1, 0, 0, 0}));
}

TEST(MatMul, CoreDimensionMismatch) {
  EXPECT_EQ(error_of([] {
              call2(kernel_matmul, Tensor::zeros(DType::Float64, {2, 4}),
                    Tensor::zeros(DType::Float64, {3, 2}));
            }),
            "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
            "(n?,k),(k,m?)->(n?,m?) (size 3 is different from 4)");
}

TEST(MatMul, ScalarOperand) {
  EXPECT_EQ(error_of([] { call2(kernel_matmul, Tensor::zeros(DType::Float64, {3}), Value(2.0)); }),
            "matmul: Input operand 1 does not have enough dimensions (has 0, gufunc core with "
            "signature (n?,k),(k,m?)->(n?,m?) requires 1)");
}

TEST(Dot, NdTimesVector) {
  Value r = call2(kernel_dot, iota(DType::Int64, {2, 3, 4}), iota(DType::Int64, {4}));
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 3}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{14, 38, 62, 86, 110, 134}));
}

TEST(Dot, NdTimesNd) {
  Value r = call2(kernel_dot, iota(DType::Float64, {2, 3, 4}), iota(DType::Float64, {3, 4, 2}));
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 3, 3, 2}));
  Doubles v = values_of(tensor_of(r));
  EXPECT_EQ(Doubles(v.begin(), v.begin() + 10),
            (Doubles{28, 34, 76, 82, 124, 130, 76, 98, 252, 274}));
  double sum = 0;
  for (double d : v) sum += d;
  EXPECT_EQ(sum, 19404);
}

TEST(Dot, VectorTimesMatrix) {
  Value r = call2(kernel_dot, iota(DType::Int64, {3}), iota(DType::Int64, {3, 2}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{10, 13}));
}

// np.dot passes its operands through np.asarray: a Python int is a strong
// int64 array, so with float32 the result is float64.
TEST(Dot, ScalarScales) {
  Value r = call2(kernel_dot, Value(int64_t{2}), iota(DType::Float32, {3}));
  EXPECT_EQ(tensor_of(r).dtype(), DType::Float64);
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 2, 4}));
}

TEST(Outer, PythonScalarIsStrong) {
  Value r = call2(kernel_outer, Value(0.75), iota(DType::Float32, {2}));
  EXPECT_EQ(tensor_of(r).dtype(), DType::Float64);
  EXPECT_EQ(tensor_of(r).shape(), (Shape{1, 2}));
}

// BLAS sums products into a zeroed result: NumPy's matmul never gives -0.0.
TEST(Matmul, ProductsOfNegativeZeroSumToPositiveZero) {
  Tensor a = Tensor::zeros(DType::Float64, {1, 2});
  a.data<double>()[0] = -0.0;
  a.data<double>()[1] = -0.0;
  Tensor b = Tensor::zeros(DType::Float64, {2, 1});
  b.data<double>()[0] = 1.0;
  b.data<double>()[1] = 1.0;
  Value r = call2(kernel_matmul, a, b);
  EXPECT_FALSE(std::signbit(tensor_of(r).data<double>()[0]));
  Tensor c = Tensor::zeros(DType::Float64, {1, 1});
  c.data<double>()[0] = -0.0;
  Tensor d = Tensor::zeros(DType::Float64, {1, 1});
  d.data<double>()[0] = 1.0;
  EXPECT_FALSE(std::signbit(tensor_of(call2(kernel_matmul, c, d)).data<double>()[0]));
  // np.dot of two single elements multiplies directly and keeps the sign.
  EXPECT_TRUE(std::signbit(tensor_of(call2(kernel_dot, c, d)).data<double>()[0]));
  EXPECT_TRUE(std::signbit(tensor_of(call2(kernel_outer, c, d)).data<double>()[0]));
}

TEST(Matmul, PythonScalarsAreATypeError) {
  EXPECT_EQ(error_of([] { call2(kernel_matmul, Value(2.0), Value(3.0)); }),
            "unsupported operand type(s) for @: 'float' and 'float'");
}

TEST(Dot, NotAligned) {
  EXPECT_EQ(error_of([] {
              call2(kernel_dot, Tensor::zeros(DType::Float64, {2, 3}),
                    Tensor::zeros(DType::Float64, {4}));
            }),
            "shapes (2,3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)");
}

TEST(Outer, Ints) {
  Value r = call2(kernel_outer, int_tensor({2}, {1, 2}), int_tensor({3}, {3, 4, 5}));
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 3}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{3, 4, 5, 6, 8, 10}));
}

TEST(Transpose, DefaultReverses) {
  Value r = call2(kernel_transpose, iota(DType::Int64, {2, 3}), Value());
  EXPECT_EQ(tensor_of(r).shape(), (Shape{3, 2}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 3, 1, 4, 2, 5}));
}

TEST(Transpose, ExplicitAxes) {
  Value r =
      call2(kernel_transpose, iota(DType::Int64, {2, 3, 4}), tuple_of({i64(1), i64(0), i64(-1)}));
  EXPECT_EQ(tensor_of(r).shape(), (Shape{3, 2, 4}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0,  1,  2,  3,  12, 13, 14, 15, 4,  5,  6,  7,
                                              16, 17, 18, 19, 8,  9,  10, 11, 20, 21, 22, 23}));
}

TEST(Transpose, AxesErrors) {
  EXPECT_EQ(error_of([] {
              call2(kernel_transpose, iota(DType::Int64, {2, 3}), tuple_of({i64(0)}));
            }),
            "axes don't match array");
  EXPECT_EQ(error_of([] {
              call2(kernel_transpose, iota(DType::Int64, {2, 3}), tuple_of({i64(0), i64(0)}));
            }),
            "repeated axis in transpose");
}

}  // namespace
}  // namespace pygraft::rt

namespace pygraft::rt {
namespace {

// Small integers in [-6, 6]: every partial sum is exact in float32, so the
// product is exact whatever the summation order (BLAS's or Eigen's).
Tensor small_integers(DType dtype, int64_t rows, int64_t cols, int64_t seed) {
  std::vector<double> values(static_cast<size_t>(rows * cols));
  for (size_t i = 0; i < values.size(); ++i)
    values[i] = static_cast<double>((static_cast<int64_t>(i) * 7 + seed) % 13 - 6);
  return testing::make_tensor(dtype, Shape{rows, cols}, values);
}

std::vector<double> exact_product(const Tensor& a, const Tensor& b, int64_t n, int64_t k,
                                  int64_t m) {
  std::vector<double> out(static_cast<size_t>(n * m), 0.0);
  for (int64_t i = 0; i < n; ++i)
    for (int64_t p = 0; p < k; ++p)
      for (int64_t j = 0; j < m; ++j)
        out[static_cast<size_t>(i * m + j)] +=
            a.get_as_double(i * k + p) * b.get_as_double(p * m + j);
  return out;
}

// Products above runtime/blas.cc's threshold take BLAS when it is built in
// (gemm, and gemv for a row or a column); below it, Eigen. Both must give
// the product, in the operands' dtype.
TEST(MatMul, ProductsOfEverySizeAndShapeAreExact) {
  struct Case {
    int64_t n, k, m;
  };
  for (DType dtype : {DType::Float32, DType::Float64}) {
    for (Case c : {Case{4, 5, 6}, Case{40, 40, 40}, Case{33, 70, 25}, Case{1, 200, 300},
                   Case{300, 200, 1}, Case{1, 8, 8}}) {
      const Tensor a = small_integers(dtype, c.n, c.k, 1), b = small_integers(dtype, c.k, c.m, 5);
      Value r = testing::run_kernel(kernel_matmul, {Value(a), Value(b)});
      const Tensor& out = testing::tensor_of(r);
      EXPECT_EQ(out.dtype(), dtype);
      EXPECT_EQ(out.shape(), (Shape{c.n, c.m}));
      EXPECT_EQ(testing::values_of(out), exact_product(a, b, c.n, c.k, c.m))
          << c.n << "x" << c.k << " @ " << c.k << "x" << c.m;
    }
  }
}

}  // namespace
}  // namespace pygraft::rt
