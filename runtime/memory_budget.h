// A cap on the bytes of tensor data alive at once while running a graph, so
// that a hostile or mistaken graph cannot exhaust the machine (`run
// --max-memory`). The interpreter installs a budget for the calling thread
// with ScopedMemoryBudget; every buffer allocated meanwhile is charged to it
// and credited back when freed, whichever thread frees it.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>

namespace pygraft::rt {

class MemoryBudget {
 public:
  explicit MemoryBudget(int64_t limit_bytes) : limit_(limit_bytes) {}
  // Throws RuntimeError when `bytes` more would exceed the limit.
  void charge(int64_t bytes);
  void credit(int64_t bytes) { used_.fetch_sub(bytes, std::memory_order_relaxed); }
  int64_t used() const { return used_.load(std::memory_order_relaxed); }
  int64_t limit() const { return limit_; }

 private:
  int64_t limit_;
  std::atomic<int64_t> used_{0};
};

// The budget of the calling thread, or nullptr (no limit beyond sanity checks).
const std::shared_ptr<MemoryBudget>& current_memory_budget();

class ScopedMemoryBudget {
 public:
  explicit ScopedMemoryBudget(std::shared_ptr<MemoryBudget> budget);
  ~ScopedMemoryBudget();
  ScopedMemoryBudget(const ScopedMemoryBudget&) = delete;
  ScopedMemoryBudget& operator=(const ScopedMemoryBudget&) = delete;

 private:
  std::shared_ptr<MemoryBudget> previous_;
};

}  // namespace pygraft::rt
