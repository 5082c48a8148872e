#include "runtime/execution_limits.h"

#include <chrono>
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
