#include "runtime/execution_limits.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <sstream>
#include <string>

#include "runtime/runtime_error.h"

namespace pygraft::rt {

int64_t coarse_monotonic_ns() {
#ifdef CLOCK_MONOTONIC_COARSE
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
  return int64_t{now.tv_sec} * 1'000'000'000 + now.tv_nsec;
#else
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
#endif
}

int64_t IterationCounter::next_check(int64_t count, const ExecutionLimits& limits) {
  int64_t next = INT64_MAX;
  if (limits.max_loop_iterations > 0 && limits.max_loop_iterations < INT64_MAX) {
    next = limits.max_loop_iterations + 1;
  }
  if (limits.deadline_ns != 0) next = std::min(next, count + kDeadlineStride);
  return std::max(next, count + 1);
}

int64_t IterationCounter::check(int64_t count, const ExecutionLimits& limits) {
  if (limits.max_loop_iterations > 0 && count > limits.max_loop_iterations) {
    throw_iteration_limit(limits);
  }
  if (limits.deadline_ns != 0 && coarse_monotonic_ns() > limits.deadline_ns) throw_timeout(limits);
  return next_check(count, limits);
}

void throw_iteration_limit(const ExecutionLimits& limits) {
  throw RuntimeError(PyExc::LimitExceeded,
                     "the call ran more than " + std::to_string(limits.max_loop_iterations) +
                         " loop iterations (the limit set by --max-iterations)");
}

void throw_timeout(const ExecutionLimits& limits) {
  std::ostringstream seconds;
  seconds << limits.timeout_seconds;
  throw RuntimeError(PyExc::LimitExceeded, "the call ran longer than " + seconds.str() +
                                               " s (the limit set by --timeout)");
}

}  // namespace pygraft::rt
