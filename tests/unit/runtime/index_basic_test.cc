// getitem with basic indices: ints, slices, None, Ellipsis. Expected values
// from NumPy (np.arange(n).reshape(...)[index]).
#include <gtest/gtest.h>

#include "kernel_test_util.h"

namespace pygraft::rt {
namespace {

using namespace testing;
namespace il = index_layout;

Value getitem(Tensor x, std::vector<int64_t> codes, std::vector<Value> parts) {
  std::vector<Value> inputs{Value(std::move(x))};
  for (Value& p : parts) inputs.push_back(std::move(p));
  return run_kernel(kernel_getitem, std::move(inputs), {index_attr(std::move(codes))});
}

TEST(IndexBasic, IntGivesRow) {
  Value r = getitem(iota(DType::Int64, {3, 4}), {il::kValue}, {int64_t{1}});
  EXPECT_EQ(tensor_of(r).shape(), (Shape{4}));
  EXPECT_EQ(values_of(tensor_of(r)), (std::vector<double>{4, 5, 6, 7}));
}

}  // namespace
}  // namespace pygraft::rt
