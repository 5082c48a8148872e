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

inline void count_loop_iteration(int64_t& iterations, const ExecutionLimits& limits) {
  ++iterations;
  if (limits.max_loop_iterations > 0 && iterations > limits.max_loop_iterations) {
    throw_iteration_limit(limits);
  }
  if (limits.deadline_ns != 0 && coarse_monotonic_ns() > limits.deadline_ns) throw_timeout(limits);
}

}  // namespace pygraft::rt
