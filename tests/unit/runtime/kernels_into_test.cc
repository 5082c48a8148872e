// runtime/kernels_into.h: the kernels' fast paths that write into a given
// tensor reuse its buffer only when nothing else holds it, never write over
// what another tensor shares, and give their kernels' values.
#include "runtime/kernels_into.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "kernel_test_util.h"

namespace pygraft::rt {
namespace {

using testing::make_tensor;

FusedPlan tanh_of_sum_plan() {
  FusedProgram p;
  p.steps[0] = {OpCode::Add, 2, {0, 1}};
  p.steps[1] = {OpCode::Tanh, 1, {2, 0}};
  p.size = 2;
  p.outputs[0] = 1;
  p.num_outputs = 1;
  return make_fused_plan(p, 2);
}

TEST(KernelsInto, AUniqueBufferOfTheShapeIsReused) {
  Tensor out = Tensor::empty(DType::Float32, Shape{3});
  const void* before = out.raw();
  reuse_or_allocate(out, DType::Float32, Shape{3});
  EXPECT_EQ(out.raw(), before);
  const Tensor other = out;  // shared: a new buffer
  reuse_or_allocate(out, DType::Float32, Shape{3});
  EXPECT_NE(out.raw(), other.raw());
  reuse_or_allocate(out, DType::Float64, Shape{3});  // another dtype
  EXPECT_EQ(out.dtype(), DType::Float64);
}

TEST(KernelsInto, AProductNeverWritesOverItsOperand) {
  Tensor a = make_tensor(DType::Float64, Shape{2}, {1.0, 2.0});
  const Tensor w = make_tensor(DType::Float64, Shape{2, 2}, {0.5, 0.25, -0.5, 1.0});
  EXPECT_FALSE(matmul_floats_into(a, w, false, a));
  Tensor out;
  ASSERT_TRUE(matmul_floats_into(a, w, false, out));
  EXPECT_EQ(out.shape(), Shape{2});
  EXPECT_DOUBLE_EQ(out.data<double>()[0], 1.0 * 0.5 + 2.0 * -0.5);
  EXPECT_DOUBLE_EQ(out.data<double>()[1], 1.0 * 0.25 + 2.0 * 1.0);
  ASSERT_TRUE(matmul_floats_into(a, w, true, out));  // a @ w.T
  EXPECT_DOUBLE_EQ(out.data<double>()[0], 1.0 * 0.5 + 2.0 * 0.25);
  const Tensor f32 = make_tensor(DType::Float32, Shape{2}, {1.0, 2.0});
  EXPECT_FALSE(matmul_floats_into(f32, w, false, out));  // dtypes differ
  const Tensor long_row = make_tensor(DType::Float64, Shape{3}, {1.0, 2.0, 3.0});
  EXPECT_FALSE(matmul_floats_into(long_row, w, false, out));  // inner dims differ
}

TEST(KernelsInto, AChainWritesInPlaceOnlyOverAnUnsharedOperand) {
  const FusedPlan plan = tanh_of_sum_plan();
  Tensor h = make_tensor(DType::Float64, Shape{2}, {0.5, -1.0});
  const Tensor x = make_tensor(DType::Float64, Shape{2}, {0.25, 0.25});
  const void* buffer = h.raw();
  std::vector<FusedOperand> ops{{&h, nullptr}, {&x, nullptr}};
  ASSERT_TRUE(fused_elementwise_into(plan, ops, h));  // h alone holds it: in place
  EXPECT_EQ(h.raw(), buffer);
  EXPECT_DOUBLE_EQ(h.data<double>()[0], std::tanh(0.75));
  const Tensor kept = h;  // shared now: the result goes elsewhere
  ASSERT_TRUE(fused_elementwise_into(plan, ops, h));
  EXPECT_NE(h.raw(), kept.raw());
  EXPECT_DOUBLE_EQ(kept.data<double>()[0], std::tanh(0.75));
  EXPECT_DOUBLE_EQ(h.data<double>()[0], std::tanh(std::tanh(0.75) + 0.25));
}

TEST(KernelsInto, AChainOutsideTheFastPathIsRefused) {
  const FusedPlan plan = tanh_of_sum_plan();
  const Tensor row = make_tensor(DType::Float64, Shape{2}, {0.5, -1.0});
  const Tensor matrix = make_tensor(DType::Float64, Shape{2, 2}, {1.0, 2.0, 3.0, 4.0});
  Tensor out;
  std::vector<FusedOperand> broadcast{{&row, nullptr}, {&matrix, nullptr}};
  EXPECT_FALSE(fused_elementwise_into(plan, broadcast, out));
  const Value two(int64_t{2});
  std::vector<FusedOperand> with_number{{&row, nullptr}, {nullptr, &two}};
  ASSERT_TRUE(fused_elementwise_into(plan, with_number, out));
  EXPECT_DOUBLE_EQ(out.data<double>()[1], std::tanh(1.0));
}

TEST(KernelsInto, ArgmaxTakesTheFirstMaximumOrNaN) {
  int64_t index = -1;
  ASSERT_TRUE(argmax_floats(make_tensor(DType::Float32, Shape{3}, {1.0, 3.0, 3.0}), index));
  EXPECT_EQ(index, 1);
  std::vector<double> long_row(100, 1.0);
  long_row[70] = 5.0;
  long_row[40] = std::nan("");
  ASSERT_TRUE(argmax_floats(make_tensor(DType::Float64, Shape{100}, long_row), index));
  EXPECT_EQ(index, 40);
  EXPECT_FALSE(argmax_floats(Tensor::empty(DType::Float64, Shape{0}), index));
  EXPECT_FALSE(argmax_floats(make_tensor(DType::Int64, Shape{2}, {1, 2}), index));
}

}  // namespace
}  // namespace pygraft::rt
