#include "runtime/broadcast.h"

#include <gtest/gtest.h>

#include <vector>

#include "runtime/runtime_error.h"

namespace pygraft::rt {
namespace {

Shape broadcast2(const Shape& a, const Shape& b) {
  const Shape shapes[] = {a, b};
  return broadcast_shapes(shapes);
}

TEST(BroadcastTest, SameShapes) {
  EXPECT_EQ(broadcast2({2, 3}, {2, 3}), (Shape{2, 3}));
}

TEST(BroadcastTest, ScalarWithMatrix) {
  EXPECT_EQ(broadcast2({}, {2, 3}), (Shape{2, 3}));
}

TEST(BroadcastTest, RowAgainstMatrix) {
  EXPECT_EQ(broadcast2({2, 3}, {3}), (Shape{2, 3}));
}

TEST(BroadcastTest, OnesExpandOnBothSides) {
  EXPECT_EQ(broadcast2({4, 1, 3}, {1, 5, 1}), (Shape{4, 5, 3}));
}

TEST(BroadcastTest, ZeroSizeAxisBroadcastsWithOne) {
  EXPECT_EQ(broadcast2({0, 3}, {1, 3}), (Shape{0, 3}));
}

TEST(BroadcastTest, MismatchUsesNumpysMessage) {
  try {
    broadcast2({2, 3}, {4});
    FAIL() << "expected an error";
  } catch (const RuntimeError& e) {
    EXPECT_STREQ(e.what(), "operands could not be broadcast together with shapes (2,3) (4,) ");
  }
}

TEST(BroadcastTest, CompactShapeSpelling) {
  EXPECT_EQ(compact_shape(Shape{}), "()");
  EXPECT_EQ(compact_shape(Shape{5}), "(5,)");
  EXPECT_EQ(compact_shape(Shape{2, 3}), "(2,3)");
}

// Collects (offsets..., n) of every run of a plan.
std::vector<std::vector<int64_t>> runs_of(std::vector<Shape> shapes) {
  BroadcastPlan plan(shapes);
  std::vector<std::vector<int64_t>> runs;
  plan.for_each_run([&](const int64_t* off, int64_t n) {
    std::vector<int64_t> run(off, off + shapes.size());
    run.push_back(n);
    runs.push_back(run);
  });
  return runs;
}

TEST(BroadcastPlanTest, SameShapeIsOneFlatRun) {
  auto runs = runs_of({{2, 3, 4}, {2, 3, 4}});
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0], (std::vector<int64_t>{0, 0, 24}));
}

TEST(BroadcastPlanTest, ScalarOperandHasStrideZero) {
  BroadcastPlan plan(std::vector<Shape>{{2, 3}, {}});
  EXPECT_EQ(plan.inner_stride(0), 1);
  EXPECT_EQ(plan.inner_stride(1), 0);
  EXPECT_EQ(runs_of({{2, 3}, {}}).size(), 1u);
}

TEST(BroadcastPlanTest, RowBroadcastRestartsEachRow) {
  auto runs = runs_of({{2, 3}, {3}});
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0], (std::vector<int64_t>{0, 0, 3}));
  EXPECT_EQ(runs[1], (std::vector<int64_t>{3, 0, 3}));
}

TEST(BroadcastPlanTest, ColumnBroadcastAdvancesPerRow) {
  auto runs = runs_of({{2, 3}, {2, 1}});
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[1], (std::vector<int64_t>{3, 1, 3}));
}

TEST(BroadcastPlanTest, ThreeDimensionalWithOnes) {
  // out (2,2,2); a (2,1,2); b (1,2,1)
  auto runs = runs_of({{2, 2, 2}, {2, 1, 2}, {1, 2, 1}});
  ASSERT_EQ(runs.size(), 4u);
  EXPECT_EQ(runs[1], (std::vector<int64_t>{2, 0, 1, 2}));
  EXPECT_EQ(runs[2], (std::vector<int64_t>{4, 2, 0, 2}));
  EXPECT_EQ(runs[3], (std::vector<int64_t>{6, 2, 1, 2}));
}

TEST(BroadcastPlanTest, EmptyShapeHasNoRuns) {
  EXPECT_TRUE(runs_of({{0, 3}, {3}}).empty());
}

TEST(BroadcastPlanTest, ZeroDimensionalIsOneElement) {
  auto runs = runs_of({{}, {}});
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].back(), 1);
}

}  // namespace
}  // namespace pygraft::rt
