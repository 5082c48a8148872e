// What bounds one call besides memory (RunOptions' max_call_depth,
// max_loop_iterations and timeout), and the check every loop iteration makes,
// shared by the executor and its typed scalar loops (runtime/scalar_loop.h).
#pragma once

#include <cstdint>

namespace pygraft::rt {

struct ExecutionLimits {
  int max_call_depth = 256;
  int64_t max_loop_iterations = 0;  // 0: none
  int64_t deadline_ns = 0;          // on coarse_monotonic_ns()'s clock; 0: none
  double timeout_seconds = 0;       // for the message
};

// A monotonic clock in nanoseconds that is cheap enough to read at every loop
// iteration (a few ns; its resolution is a few ms, plenty for a timeout).
int64_t coarse_monotonic_ns();

// Counts one loop iteration of the call in `iterations`; throws
// RuntimeError(LimitExceeded) past the iteration limit or the deadline.
inline void count_loop_iteration(int64_t& iterations, const ExecutionLimits& limits);

[[noreturn]] void throw_iteration_limit(const ExecutionLimits& limits);
[[noreturn]] void throw_timeout(const ExecutionLimits& limits);

// count_loop_iteration for a hot loop: the count lives in a local (a
// register) and meets the limits only at check points, the iteration limit
// exactly and the deadline every kDeadlineStride iterations.
class IterationCounter {
 public:
  static constexpr int64_t kDeadlineStride = 1024;

  IterationCounter(int64_t count, const ExecutionLimits& limits)
      : count_(count), next_check_(next_check(count, limits)) {}

  // Throws RuntimeError(LimitExceeded) past a limit.
  void tick(const ExecutionLimits& limits) {
    if (++count_ >= next_check_) next_check_ = check(count_, limits);
  }
  int64_t count() const { return count_; }

 private:
  static int64_t next_check(int64_t count, const ExecutionLimits& limits);
  // Throws past a limit; else the next check point.
  [[gnu::noinline]] static int64_t check(int64_t count, const ExecutionLimits& limits);

  int64_t count_;
  int64_t next_check_;
};

inline void count_loop_iteration(int64_t& iterations, const ExecutionLimits& limits) {
  ++iterations;
  if (limits.max_loop_iterations > 0 && iterations > limits.max_loop_iterations) {
    throw_iteration_limit(limits);
  }
  if (limits.deadline_ns != 0 && coarse_monotonic_ns() > limits.deadline_ns) throw_timeout(limits);
}

}  // namespace pygraft::rt
