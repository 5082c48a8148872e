// getitem with integer arrays and boolean masks (NumPy advanced indexing).
// Expected values from NumPy on x = np.arange(24).reshape(2, 3, 4).
#include "index_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
using Doubles = std::vector<double>;

Value x234() {
  return iota(DType::Int64, {2, 3, 4});
}
const int64_t kAll = slice_code(false, false, false);

TEST(IndexAdvanced, IntArrayWithNegatives) {
  Value r = getitem(iota(DType::Int64, {5}), {il::kValue}, {int_tensor({2}, {-1, 0})});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{4, 0}));
}

TEST(IndexAdvanced, IntArrayOnMiddleAxis) {
  // x[:, [2, 0]][..., 1]
  Value r = getitem(x234(), {kAll, il::kValue}, {int_tensor({2}, {2, 0})});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 2, 4}));
  Value c = getitem(r, {il::kEllipsis, il::kValue}, {i64(1)});
  EXPECT_EQ(values_of(tensor_of(c)), (Doubles{9, 1, 21, 13}));
}

TEST(IndexAdvanced, TwoDimIndexArrayReplacesAxis) {
  Value r = getitem(iota(DType::Int64, {5}), {il::kValue}, {int_tensor({2, 2}, {0, 1, 4, 3})});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 2}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 1, 4, 3}));
}

TEST(IndexAdvanced, IntAndArraySeparatedBySliceGoFirst) {
  // x[0, :, [1, 2]] has shape (2, 3) in NumPy.
  Value r = getitem(x234(), {il::kValue, kAll, il::kValue}, {i64(0), int_tensor({2}, {1, 2})});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 3}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{1, 5, 9, 2, 6, 10}));
}

TEST(IndexAdvanced, TwoArraysPairUp) {
  Value r =
      getitem(x234(), {il::kValue, il::kValue}, {int_tensor({2}, {1, 0}), int_tensor({2}, {2, 1})});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 4}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{20, 21, 22, 23, 4, 5, 6, 7}));
}

TEST(IndexAdvanced, ArraysBroadcastTogether) {
  Value r = getitem(x234(), {kAll, il::kValue, il::kValue},
                    {int_tensor({2, 1}, {0, 2}), int_tensor({2}, {1, 3})});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 2, 2}));
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{1, 3, 9, 11, 13, 15, 21, 23}));
}

TEST(IndexAdvanced, ArrayOutOfBounds) {
  EXPECT_EQ(
      error_of([] { getitem(iota(DType::Int64, {5}), {il::kValue}, {int_tensor({1}, {5})}); }),
      "index 5 is out of bounds for axis 0 with size 5");
}

TEST(IndexAdvanced, FloatArrayIsAnError) {
  EXPECT_EQ(error_of([] {
              getitem(iota(DType::Int64, {5}), {il::kValue},
                      {make_tensor(DType::Float64, {1}, {1})});
            }),
            "arrays used as indices must be of integer (or boolean) type");
}

TEST(IndexAdvanced, NestedTupleIsAnIntArray) {
  Value r =
      getitem(iota(DType::Int64, {5}), {il::kValue}, {tuple_of({tuple_of({i64(3), i64(1)})})});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{3, 1}));
}

TEST(IndexMask, TwoDimMaskFlattens) {
  Tensor x = iota(DType::Int64, {3, 4});
  Tensor mask = bool_tensor({3, 4}, {1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0});
  Value r = getitem(x, {il::kValue}, {mask});
  EXPECT_EQ(values_of(tensor_of(r)), (Doubles{0, 2, 4, 6, 8, 10}));
}

TEST(IndexMask, MaskOnSecondAxis) {
  Value r = getitem(x234(), {kAll, il::kValue}, {bool_tensor({3}, {1, 0, 1})});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{2, 2, 4}));
  EXPECT_EQ(values_of(tensor_of(r)),
            (Doubles{0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23}));
}

TEST(IndexMask, AllFalseGivesEmpty) {
  Value r = getitem(iota(DType::Int64, {3, 2}), {il::kValue}, {bool_tensor({3}, {0, 0, 0})});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{0, 2}));
}

TEST(IndexMask, ShapeMismatch) {
  EXPECT_EQ(error_of([] {
              getitem(iota(DType::Int64, {3}), {il::kValue}, {bool_tensor({2}, {1, 0})});
            }),
            "boolean index did not match indexed array along axis 0; size of axis is 3 but size of "
            "corresponding boolean axis is 2");
}

TEST(IndexMask, PythonTrueAddsAxis) {
  Value r = getitem(iota(DType::Int64, {3}), {il::kValue}, {Value(true)});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{1, 3}));
}

}  // namespace
}  // namespace pygraft::rt
