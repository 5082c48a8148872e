// getitem with basic indices: ints, slices, None, Ellipsis, and on tuples.
// Expected values from NumPy on x = np.arange(24).reshape(2, 3, 4).
#include "index_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
using Doubles = std::vector<double>;

Value x234() {
  return iota(DType::Int64, {2, 3, 4});
}

TEST(IndexBasic, IntGivesRow) {
  Value r = getitem(iota(DType::Int64, {3, 4}), {il::kValue}, {i64(1)});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{4}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{4, 5, 6, 7}));
}

TEST(IndexBasic, NegativeIntsAndNegativeStep) {
  // x[-1, 1:, ::-2]
  Value r =
      getitem(x234(), {il::kValue, slice_code(true, false, false), slice_code(false, false, true)},
              {i64(-1), i64(1), i64(-2)});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 2}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{19, 17, 23, 21}));
}

TEST(IndexBasic, EllipsisThenInt) {
  Value r = getitem(x234(), {il::kEllipsis, il::kValue}, {i64(1)});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 3}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{1, 5, 9, 13, 17, 21}));
}

TEST(IndexBasic, NewAxisAddsDimension) {
  Value r = getitem(x234(), {slice_code(false, false, false), il::kNewAxis, il::kValue}, {i64(0)});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 1, 4}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 1, 2, 3, 12, 13, 14, 15}));
}

TEST(IndexBasic, ReversedNonContiguousColumn) {
  // x[1, ::-1, 3]
  Value r = getitem(x234(), {il::kValue, slice_code(false, false, true), il::kValue},
                    {i64(1), i64(-1), i64(3)});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{23, 19, 15}));
}

TEST(IndexBasic, NegativeStepWithBounds) {
  // x[0, 2:0:-1]
  Value r = getitem(x234(), {il::kValue, slice_code(true, true, true)},
                    {i64(0), i64(2), i64(0), i64(-1)});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 4}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{8, 9, 10, 11, 4, 5, 6, 7}));
}

TEST(IndexBasic, SliceClampsLikePython) {
  Tensor x = iota(DType::Int64, {10});
  EXPECT_EQ(
      values_of(tensor_of(getitem(x, {slice_code(true, true, true)}, {i64(7), i64(2), i64(-2)}))),
      (Doubles{7, 5, 3}));
  EXPECT_EQ(values_of(tensor_of(getitem(x, {slice_code(true, false, false)}, {i64(-3)}))),
            (Doubles{7, 8, 9}));
  EXPECT_EQ(values_of(tensor_of(getitem(x, {slice_code(false, true, true)}, {i64(100), i64(3)}))),
            (Doubles{0, 3, 6, 9}));
}

TEST(IndexBasic, NoneSlicePartsAreDefaults) {
  Tensor x = iota(DType::Int64, {5});
  Value r = getitem(x, {slice_code(true, true, true)}, {Value(), Value(), i64(-1)});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{4, 3, 2, 1, 0}));
}

TEST(IndexBasic, EmptySlice) {
  Value r = getitem(iota(DType::Int64, {3, 2}), {slice_code(true, true, false)}, {i64(2), i64(1)});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{0, 2}));
}

TEST(IndexBasic, ZeroStepIsAnError) {
  EXPECT_EQ(error_of([] {
              getitem(iota(DType::Int64, {3}), {slice_code(false, false, true)}, {i64(0)});
            }),
            "slice step cannot be zero");
}

TEST(IndexBasic, AllIntsGiveZeroDimTensor) {
  Value r = getitem(x234(), {il::kValue, il::kValue, il::kValue}, {i64(1), i64(2), i64(3)});
  ASSERT_TRUE(r.is_tensor());
  EXPECT_EQ(tensor_of(r).rank(), 0);
  EXPECT_EQ(tensor_of(r).get_as_int(0), 23);
}

TEST(IndexBasic, TupleOperandSpreads) {
  Value r = getitem(x234(), {il::kValue}, {tuple_of({i64(1), i64(2)})});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{20, 21, 22, 23}));
}

TEST(IndexBasic, ZeroDimIntTensorActsAsInt) {
  Value r = getitem(iota(DType::Int64, {4}), {il::kValue}, {Tensor::scalar(DType::Int32, 2)});
  EXPECT_EQ(tensor_of(r).rank(), 0);
  EXPECT_EQ(tensor_of(r).get_as_int(0), 2);
}

TEST(IndexBasic, OutOfBounds) {
  EXPECT_EQ(error_of([] { getitem(iota(DType::Int64, {3}), {il::kValue}, {i64(5)}); }),
            "index 5 is out of bounds for axis 0 with size 3");
  EXPECT_EQ(error_of([] {
              getitem(iota(DType::Int64, {2, 3}), {il::kValue, il::kValue}, {i64(0), i64(-4)});
            }),
            "index -4 is out of bounds for axis 1 with size 3");
}

TEST(IndexBasic, TooManyIndices) {
  EXPECT_EQ(error_of([] {
              getitem(iota(DType::Int64, {5}), {il::kValue, il::kValue}, {i64(1), i64(2)});
            }),
            "too many indices for array: array is 1-dimensional, but 2 were indexed");
}

TEST(IndexBasic, TwoEllipses) {
  EXPECT_EQ(error_of([] {
              getitem(iota(DType::Int64, {5}), {il::kEllipsis, il::kEllipsis}, {});
            }),
            "an index can only have a single ellipsis ('...')");
}

TEST(IndexBasic, FloatIndexIsAnError) {
  EXPECT_EQ(error_of([] { getitem(iota(DType::Int64, {5}), {il::kValue}, {Value(1.0)}); }),
            "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or "
            "boolean arrays are valid indices");
}

TEST(IndexBasic, PythonScalarIsNotSubscriptable) {
  EXPECT_EQ(error_of([] { getitem(i64(3), {il::kValue}, {i64(0)}); }),
            "'int' object is not subscriptable");
}

TEST(IndexTuple, IntAndNegativeInt) {
  Value t = tuple_of({i64(10), Value(2.5), Value(true)});
  EXPECT_EQ(getitem(t, {il::kValue}, {i64(0)}).as<int64_t>(), 10);
  EXPECT_EQ(getitem(t, {il::kValue}, {i64(-1)}).as<bool>(), true);
}

TEST(IndexTuple, OutOfRange) {
  EXPECT_EQ(error_of([] { getitem(tuple_of({i64(1)}), {il::kValue}, {i64(1)}); }),
            "tuple index out of range");
}

TEST(IndexTuple, SliceGivesTuple) {
  Value t = tuple_of({i64(0), i64(1), i64(2), i64(3)});
  Value r = getitem(t, {slice_code(false, false, true)}, {i64(-2)});
  ASSERT_TRUE(r.is<TupleValue>());
  ASSERT_EQ(r.items().size(), 2u);
  EXPECT_EQ(r.items()[0].as<int64_t>(), 3);
  EXPECT_EQ(r.items()[1].as<int64_t>(), 1);
}

}  // namespace
}  // namespace pygraft::rt
