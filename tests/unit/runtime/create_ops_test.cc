// Creation kernels against NumPy: array, zeros/ones/full (+ _like), eye,
// arange, linspace, and huge or negative sizes.
#include "index_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
using Doubles = std::vector<double>;

TEST(Array, NestedTuplesFollowNumpyRules) {
  Value r =
      run_kernel(kernel_array,
                 {tuple_of({tuple_of({i64(1), Value(2.5)}), tuple_of({i64(3), i64(4)})}), Value()});
  EXPECT_EQ(tensor_of(r).dtype(), DType::Float64);
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 2}));
}

TEST(Array, CopiesAnArrayAndCasts) {
  Tensor x = iota(DType::Int64, {3});
  Value copy = run_kernel(kernel_array, {x, Value()});
  EXPECT_NE(tensor_of(copy).raw(), x.raw());
  Value cast = run_kernel(kernel_array, {x, Value(DType::Float32)});
  EXPECT_EQ(tensor_of(cast).dtype(), DType::Float32);
}

TEST(Zeros, DefaultFloat64) {
  Value r = run_kernel(kernel_zeros, {tuple_of({i64(2), i64(3)}), Value()});
  EXPECT_EQ(tensor_of(r).dtype(), DType::Float64);
  EXPECT_EQ(values_of(tensor_of(r)), Doubles(6, 0.0));
}

TEST(Ones, IntDtype) {
  Value r = run_kernel(kernel_ones, {i64(3), Value(DType::Int32)});
  EXPECT_EQ(tensor_of(r).dtype(), DType::Int32);
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{1, 1, 1}));
}

TEST(Full, DtypeFromFillValue) {
  EXPECT_EQ(tensor_of(run_kernel(kernel_full, {i64(2), i64(3), Value()})).dtype(), DType::Int64);
  EXPECT_EQ(tensor_of(run_kernel(kernel_full, {i64(2), Value(3.0), Value()})).dtype(),
            DType::Float64);
  EXPECT_EQ(tensor_of(run_kernel(kernel_full, {i64(2), Value(true), Value()})).dtype(),
            DType::Bool);
  EXPECT_EQ(
      tensor_of(run_kernel(kernel_full, {i64(2), Tensor::scalar(DType::Float32, 1.0f), Value()}))
          .dtype(),
      DType::Float32);
}

TEST(Full, ArrayFillBroadcasts) {
  Value r = run_kernel(kernel_full, {tuple_of({i64(2), i64(2)}), int_tensor({2}, {1, 2}), Value()});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{1, 2, 1, 2}));
}

TEST(FullLike, CastsToTheArrayDtype) {
  Value r = run_kernel(kernel_full_like, {iota(DType::Int64, {2}), Value(2.7), Value()});
  EXPECT_EQ(tensor_of(r).dtype(), DType::Int64);
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{2, 2}));
}

TEST(ZerosLikeOnesLike, KeepShapeAndDtype) {
  Value z = run_kernel(kernel_zeros_like, {iota(DType::Float32, {2, 2}), Value()});
  EXPECT_EQ(tensor_of(z).dtype(), DType::Float32);
  Value o = run_kernel(kernel_ones_like, {iota(DType::Float32, {2, 2}), Value(DType::Bool)});
  EXPECT_EQ(tensor_of(o).dtype(), DType::Bool);
  EXPECT_EQ(values_of(tensor_of(o)), (Doubles{1, 1, 1, 1}));
}

TEST(Eye, RectangularWithOffset) {
  Value r = run_kernel(kernel_eye, {i64(3), i64(4), i64(1), Value()});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}));
  Value low = run_kernel(kernel_eye, {i64(3), Value(), i64(-2), Value()});
  EXPECT_EQ(values_of(tensor_of(low)), (Doubles{0, 0, 0, 0, 0, 0, 1, 0, 0}));
}

TEST(Arange, IntStop) {
  Value r = run_kernel(kernel_arange, {i64(4), Value(), Value(), Value()});
  EXPECT_EQ(tensor_of(r).dtype(), DType::Int64);
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 1, 2, 3}));
}

TEST(Arange, IntNegativeStartAndEmpty) {
  EXPECT_EQ(values_of(tensor_of(run_kernel(kernel_arange, {i64(-3), i64(3), i64(2), Value()}))),
            (Doubles{-3, -1, 1}));
  EXPECT_EQ(tensor_of(run_kernel(kernel_arange, {i64(10), i64(0), Value(), Value()})).numel(), 0);
}

TEST(Arange, FloatStepValuesMatchNumpy) {
  Value r = run_kernel(kernel_arange, {i64(0), i64(1), Value(0.1), Value()});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5,
                                              0.6000000000000001, 0.7000000000000001, 0.8, 0.9}));
}

TEST(Arange, NegativeFloatStep) {
  Value r = run_kernel(kernel_arange, {i64(5), i64(1), Value(-1.5), Value()});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{5.0, 3.5, 2.0}));
}

TEST(Arange, Float32Dtype) {
  Value r = run_kernel(kernel_arange, {i64(1), i64(2), Value(0.3), Value(DType::Float32)});
  EXPECT_EQ(values_of(tensor_of(r)),
            (Doubles{1.0, 1.2999999523162842, 1.5999999046325684, 1.8999998569488525}));
}

TEST(Arange, ZeroStep) {
  EXPECT_EQ(error_of([] {
              run_kernel(kernel_arange, {i64(0), i64(5), i64(0), Value()});
            }),
            "division by zero");
  EXPECT_EQ(error_of([] {
              run_kernel(kernel_arange, {i64(0), i64(5), Value(0.0), Value()});
            }),
            "float division by zero");
}

TEST(Arange, HugeLengthIsARuntimeError) {
  EXPECT_THROW(run_kernel(kernel_arange, {i64(0), Value(1e18), Value(), Value()}), RuntimeError);
}

TEST(Linspace, EndpointAndNot) {
  EXPECT_EQ(values_of(tensor_of(
                run_kernel(kernel_linspace, {i64(0), i64(1), i64(5), Value(true), Value()}))),
            (Doubles{0.0, 0.25, 0.5, 0.75, 1.0}));
  EXPECT_EQ(values_of(tensor_of(
                run_kernel(kernel_linspace, {i64(0), i64(1), i64(4), Value(false), Value()}))),
            (Doubles{0.0, 0.25, 0.5, 0.75}));
  EXPECT_EQ(values_of(tensor_of(
                run_kernel(kernel_linspace, {i64(2), i64(3), i64(1), Value(true), Value()}))),
            (Doubles{2.0}));
}

TEST(Linspace, IntDtypeFloors) {
  Value r =
      run_kernel(kernel_linspace, {i64(0), i64(10), i64(4), Value(true), Value(DType::Int64)});
  EXPECT_EQ(tensor_of(r).dtype(), DType::Int64);
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 3, 6, 10}));
}

TEST(Linspace, NegativeNum) {
  EXPECT_EQ(error_of([] {
              run_kernel(kernel_linspace, {i64(0), i64(1), i64(-1), Value(true), Value()});
            }),
            "Number of samples, -1, must be non-negative.");
}

TEST(Sizes, HugeShapeIsARuntimeError) {
  EXPECT_THROW(
      run_kernel(kernel_zeros, {tuple_of({i64(int64_t{1} << 40), i64(int64_t{1} << 40)}), Value()}),
      RuntimeError);
  EXPECT_THROW(run_kernel(kernel_ones, {i64(int64_t{1} << 50), Value()}), RuntimeError);
}

TEST(Sizes, NegativeDimension) {
  EXPECT_EQ(error_of([] {
              run_kernel(kernel_zeros, {i64(-1), Value()});
            }),
            "negative dimensions are not allowed");
}

}  // namespace
}  // namespace pygraft::rt
