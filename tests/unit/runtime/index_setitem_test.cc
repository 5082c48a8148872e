// setitem: broadcasting, casting, masks, integer arrays, and value
// semantics (in place only when the target is uniquely held).
#include <cmath>

#include "index_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
using Doubles = std::vector<double>;

const int64_t kAll = slice_code(false, false, false);

TEST(SetItem, ScalarIntoSlice) {
  Value r = setitem(Tensor::zeros(DType::Float64, {5}), Value(1.5),
                    {slice_code(true, false, false)}, {i64(3)});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 0, 0, 1.5, 1.5}));
}

TEST(SetItem, RowBroadcastsOverRows) {
  Value r = setitem(Tensor::zeros(DType::Float64, {2, 3}), int_tensor({3}, {1, 2, 3}), {kAll}, {});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{1, 2, 3, 1, 2, 3}));
}

TEST(SetItem, BroadcastMismatch) {
  EXPECT_EQ(error_of([] {
              setitem(Tensor::zeros(DType::Float64, {2, 3}), int_tensor({3}, {1, 2, 3}),
                      {kAll, il::kValue}, {i64(0)});
            }),
            "could not broadcast input array from shape (3,) into shape (2,)");
}

TEST(SetItem, FloatIntoIntTruncates) {
  Value r = setitem(Tensor::zeros(DType::Int64, {2, 3}), Value(2.7), {kAll, il::kValue}, {i64(1)});
  EXPECT_EQ(tensor_of(r).dtype(), DType::Int64);
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 2, 0, 0, 2, 0}));
}

TEST(SetItem, NanIntoIntIsAnError) {
  EXPECT_EQ(error_of([] {
              setitem(Tensor::zeros(DType::Int64, {2}), Value(std::nan("")), {il::kValue},
                      {i64(0)});
            }),
            "cannot convert float NaN to integer");
}

TEST(SetItem, MaskWithScalar) {
  Value r = setitem(iota(DType::Int64, {2, 3}), i64(0), {il::kValue},
                    {bool_tensor({2, 3}, {0, 0, 0, 1, 1, 1})});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 1, 2, 0, 0, 0}));
}

TEST(SetItem, MaskWithMatchingArray) {
  Value r = setitem(iota(DType::Float64, {5}), int_tensor({3}, {7, 8, 9}), {il::kValue},
                    {bool_tensor({5}, {0, 0, 1, 1, 1})});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 1, 7, 8, 9}));
}

TEST(SetItem, RepeatedIndicesLastWriteWins) {
  Value r = setitem(Tensor::zeros(DType::Float64, {5}), int_tensor({3}, {1, 2, 3}), {il::kValue},
                    {int_tensor({3}, {1, 1, 3})});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 2, 0, 3, 0}));
}

TEST(SetItem, WritesInPlaceWhenUnique) {
  Tensor x = iota(DType::Int64, {4});
  const void* buffer = x.raw();
  Value r = setitem(std::move(x), i64(9), {il::kValue}, {i64(0)});
  EXPECT_EQ(tensor_of(r).raw(), buffer);
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{9, 1, 2, 3}));
}

TEST(SetItem, CopiesWhenShared) {
  Tensor x = iota(DType::Int64, {4});
  Value r = setitem(x, i64(9), {il::kValue}, {i64(-1)});
  EXPECT_NE(tensor_of(r).raw(), x.raw());
  EXPECT_EQ(values_of(x), (Doubles{0, 1, 2, 3}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 1, 2, 9}));
}

TEST(SetItem, SelfAssignmentReadsTheOldValues) {
  // x[1:] = x[:-1] with x shared by both operands.
  Tensor x = iota(DType::Int64, {4});
  Value src = getitem(x, {slice_code(false, true, false)}, {i64(-1)});
  Value r = setitem(x, src, {slice_code(true, false, false)}, {i64(1)});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 0, 1, 2}));
}

TEST(SetItem, StridedTarget) {
  Value r = setitem(Tensor::zeros(DType::Int32, {3, 4}), int_tensor({2}, {5, 6}),
                    {slice_code(false, false, true), slice_code(true, false, true)},
                    {i64(2), i64(1), i64(2)});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 5, 0, 6, 0, 0, 0, 0, 0, 5, 0, 6}));
}

TEST(SetItem, PythonScalarTarget) {
  EXPECT_EQ(error_of([] { setitem(i64(3), i64(1), {il::kValue}, {i64(0)}); }),
            "'int' object does not support item assignment");
}

TEST(SetItem, TupleTarget) {
  EXPECT_EQ(error_of([] { setitem(tuple_of({i64(1)}), i64(1), {il::kValue}, {i64(0)}); }),
            "'tuple' object does not support item assignment");
}

}  // namespace
}  // namespace pygraft::rt
