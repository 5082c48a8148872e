#include "runtime/memory_budget.h"

#include <string>

#include "runtime/runtime_error.h"

namespace pygraft::rt {

namespace {
// Note: thread-local rather than global so independent runs on different
// threads each have their own budget.
thread_local std::shared_ptr<MemoryBudget> t_budget;
}  // namespace

void MemoryBudget::charge(int64_t bytes) {
  int64_t now = used_.fetch_add(bytes, std::memory_order_relaxed) + bytes;
  if (now > limit_) {
    used_.fetch_sub(bytes, std::memory_order_relaxed);
    throw RuntimeError(PyExc::LimitExceeded, "out of memory: allocating " + std::to_string(bytes) +
                                                 " bytes would exceed the limit of " +
                                                 std::to_string(limit_) +
                                                 " bytes (raise it with --max-memory)");
  }
}

const std::shared_ptr<MemoryBudget>& current_memory_budget() {
  return t_budget;
}

ScopedMemoryBudget::ScopedMemoryBudget(std::shared_ptr<MemoryBudget> budget)
    : previous_(std::move(t_budget)) {
  t_budget = std::move(budget);
}

ScopedMemoryBudget::~ScopedMemoryBudget() {
  t_budget = std::move(previous_);
}

}  // namespace pygraft::rt
