// reshape, flatten, concatenate, stack, expand_dims, squeeze, copy, astype
// and the shape queries, against NumPy.
#include "index_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
using Doubles = std::vector<double>;

Value call2(KernelFn kernel, Value a, Value b) {
  return run_kernel(kernel, {std::move(a), std::move(b)});
}

TEST(Reshape, InfersMinusOne) {
  Value r = call2(kernel_reshape, iota(DType::Int64, {6}), tuple_of({i64(3), i64(-1)}));
  EXPECT_EQ(tensor_of(r).shape(), (Shape{3, 2}));
}

TEST(Reshape, SharesTheBuffer) {
  Tensor x = iota(DType::Int64, {6});
  Value r = call2(kernel_reshape, x, tuple_of({i64(2), i64(3)}));
  EXPECT_EQ(tensor_of(r).raw(), x.raw());
}

TEST(Reshape, SizeMismatchMessages) {
  EXPECT_EQ(error_of([] { call2(kernel_reshape, iota(DType::Int64, {6}), i64(4)); }),
            "cannot reshape array of size 6 into shape (4,)");
  EXPECT_EQ(error_of([] {
              call2(kernel_reshape, iota(DType::Int64, {6}), tuple_of({i64(4), i64(-1)}));
            }),
            "cannot reshape array of size 6 into shape (4,newaxis)");
}

TEST(Flatten, GivesOneDim) {
  Value r = run_kernel(kernel_flatten, {iota(DType::Int64, {2, 3})});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{6}));
}

TEST(Concatenate, AlongAxisOne) {
  Value r = call2(kernel_concatenate,
                  tuple_of({iota(DType::Int64, {2, 3}), iota(DType::Int64, {2, 1})}), i64(1));
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 4}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 1, 2, 0, 3, 4, 5, 1}));
}

TEST(Concatenate, PromotesDtypes) {
  Value r = call2(kernel_concatenate,
                  tuple_of({iota(DType::Int32, {2}), iota(DType::Float32, {1})}), i64(0));
  EXPECT_EQ(tensor_of(r).dtype(), DType::Float64);
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 1, 0}));
}

TEST(Concatenate, AxisNoneFlattens) {
  Value r = call2(kernel_concatenate,
                  tuple_of({iota(DType::Int64, {2, 2}), iota(DType::Int64, {3})}), Value());
  EXPECT_EQ(tensor_of(r).shape(), (Shape{7}));
}

TEST(Concatenate, DimensionMismatch) {
  EXPECT_EQ(
      error_of([] {
        call2(kernel_concatenate,
              tuple_of(
                  {Tensor::zeros(DType::Float64, {2, 2}), Tensor::zeros(DType::Float64, {2, 3})}),
              i64(0));
      }),
      "all the input array dimensions except for the concatenation axis must match exactly, but "
      "along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 3");
}

TEST(Concatenate, RankMismatch) {
  EXPECT_EQ(
      error_of([] {
        call2(kernel_concatenate,
              tuple_of({Tensor::zeros(DType::Float64, {2, 2}), Tensor::zeros(DType::Float64, {2})}),
              i64(0));
      }),
      "all the input arrays must have same number of dimensions, but the array at index 0 has 2 "
      "dimension(s) and the array at index 1 has 1 dimension(s)");
}

TEST(Concatenate, ZeroDimInputs) {
  EXPECT_EQ(error_of([] {
              call2(kernel_concatenate, tuple_of({Value(1.0), Value(2.0)}), i64(0));
            }),
            "zero-dimensional arrays cannot be concatenated");
}

TEST(Stack, NegativeAxis) {
  Value r = call2(kernel_stack, tuple_of({iota(DType::Int64, {3}), int_tensor({3}, {10, 11, 12})}),
                  i64(-1));
  EXPECT_EQ(tensor_of(r).shape(), (Shape{3, 2}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 10, 1, 11, 2, 12}));
}

TEST(Stack, PythonScalarsBecomeVector) {
  Value r = call2(kernel_stack, tuple_of({i64(1), i64(2)}), i64(0));
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2}));
  EXPECT_EQ(tensor_of(r).dtype(), DType::Int64);
}

TEST(Stack, ShapesMustMatch) {
  EXPECT_EQ(
      error_of([] {
        call2(kernel_stack, tuple_of({iota(DType::Int64, {3}), iota(DType::Int64, {2})}), i64(0));
      }),
      "all input arrays must have the same shape");
}

TEST(ExpandDims, IntAndTuple) {
  EXPECT_EQ(tensor_of(call2(kernel_expand_dims, iota(DType::Int64, {2, 3}), i64(-1))).shape(),
            (Shape{2, 3, 1}));
  EXPECT_EQ(
      tensor_of(call2(kernel_expand_dims, iota(DType::Int64, {2, 3}), tuple_of({i64(0), i64(2)})))
          .shape(),
      (Shape{1, 2, 1, 3}));
}

TEST(Squeeze, AllAndOne) {
  EXPECT_EQ(
      tensor_of(call2(kernel_squeeze, Tensor::zeros(DType::Float64, {1, 2, 1}), Value())).shape(),
      (Shape{2}));
  EXPECT_EQ(
      tensor_of(call2(kernel_squeeze, Tensor::zeros(DType::Float64, {1, 2, 1}), i64(-1))).shape(),
      (Shape{1, 2}));
}

TEST(Squeeze, NonUnitAxis) {
  EXPECT_EQ(error_of([] {
              call2(kernel_squeeze, Tensor::zeros(DType::Float64, {2, 1}), i64(0));
            }),
            "cannot select an axis to squeeze out which has size not equal to one");
}

TEST(Copy, HasItsOwnBuffer) {
  Tensor x = iota(DType::Int64, {3});
  Value r = run_kernel(kernel_copy, {x});
  EXPECT_NE(tensor_of(r).raw(), x.raw());
  EXPECT_EQ(values_of(tensor_of(r)), values_of(x));
}

TEST(AsType, FloatToIntTruncates) {
  Value r =
      call2(kernel_astype, make_tensor(DType::Float64, {2}, {1.7, -1.7}), Value(DType::Int32));
  EXPECT_EQ(tensor_of(r).dtype(), DType::Int32);
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{1, -1}));
}

TEST(Queries, ShapeNdimSizeDtype) {
  Tensor x = Tensor::zeros(DType::Float32, {2, 3});
  Value shape = run_kernel(kernel_shape, {x});
  ASSERT_EQ(shape.items().size(), 2u);
  EXPECT_EQ(shape.items()[1].as<int64_t>(), 3);
  EXPECT_EQ(run_kernel(kernel_ndim, {x}).as<int64_t>(), 2);
  EXPECT_EQ(run_kernel(kernel_size, {x}).as<int64_t>(), 6);
  EXPECT_EQ(run_kernel(kernel_dtype_of, {x}).as<DType>(), DType::Float32);
  EXPECT_EQ(run_kernel(kernel_ndim, {Value(2.0)}).as<int64_t>(), 0);
}

TEST(Len, TupleAndArray) {
  EXPECT_EQ(run_kernel(kernel_len, {tuple_of({i64(1), i64(2)})}).as<int64_t>(), 2);
  EXPECT_EQ(run_kernel(kernel_len, {Tensor::zeros(DType::Float64, {4, 2})}).as<int64_t>(), 4);
}

TEST(Len, Errors) {
  EXPECT_EQ(error_of([] { run_kernel(kernel_len, {Tensor::scalar(DType::Float64, 1.0)}); }),
            "len() of unsized object");
  EXPECT_EQ(error_of([] { run_kernel(kernel_len, {i64(3)}); }),
            "object of type 'int' has no len()");
}

TEST(MakeTuple, CollectsInputs) {
  Value r = run_kernel(kernel_make_tuple, {i64(1), Value()});
  ASSERT_EQ(r.items().size(), 2u);
  EXPECT_TRUE(r.items()[1].is_none());
}

}  // namespace
}  // namespace pygraft::rt
