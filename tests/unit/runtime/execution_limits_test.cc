// runtime/execution_limits.h: IterationCounter, the typed loops' counter,
// stops at exactly the iteration count_loop_iteration stops at, and meets
// the deadline within its stride.
#include "runtime/execution_limits.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "runtime/runtime_error.h"

namespace pygraft::rt {
namespace {

// The iteration (1-based, counting from `start`) at which a limit throws,
// or 0 when none of the first `ticks` does.
template <class Tick>
int64_t throws_at(int64_t ticks, Tick tick) {
  for (int64_t k = 1; k <= ticks; ++k) {
    try {
      tick();
    } catch (const RuntimeError& e) {
      EXPECT_EQ(e.kind(), PyExc::LimitExceeded);
      return k;
    }
  }
  return 0;
}

TEST(IterationCounter, StopsWhereCountLoopIterationStops) {
  for (int64_t start : {0, 3, 7, 10}) {
    for (int64_t max : {0, 1, 5, 10}) {
      ExecutionLimits limits;
      limits.max_loop_iterations = max;
      int64_t plain = start;
      const int64_t expected = throws_at(20, [&] { count_loop_iteration(plain, limits); });
      IterationCounter counter(start, limits);
      EXPECT_EQ(throws_at(20, [&] { counter.tick(limits); }), expected)
          << "start " << start << " max " << max;
      EXPECT_EQ(counter.count(), plain);
    }
  }
}

TEST(IterationCounter, TheLargestLimitDoesNotOverflow) {
  ExecutionLimits limits;
  limits.max_loop_iterations = std::numeric_limits<int64_t>::max();
  IterationCounter counter(0, limits);
  EXPECT_EQ(throws_at(3000, [&] { counter.tick(limits); }), 0);
  EXPECT_EQ(counter.count(), 3000);
}

TEST(IterationCounter, APassedDeadlineStopsWithinOneStride) {
  ExecutionLimits limits;
  limits.deadline_ns = 1;  // long past
  IterationCounter counter(0, limits);
  const int64_t at =
      throws_at(10 * IterationCounter::kDeadlineStride, [&] { counter.tick(limits); });
  EXPECT_GT(at, 0);
  EXPECT_LE(at, IterationCounter::kDeadlineStride);
}

}  // namespace
}  // namespace pygraft::rt
