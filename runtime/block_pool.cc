#include "runtime/block_pool.h"

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace pygraft::rt {
namespace {

constexpr size_t kAlignment = 64;
constexpr size_t kPage = 4096;
constexpr size_t kHugePage = size_t{2} << 20;

size_t rounded_size(size_t bytes) {
  if (bytes < kPooledMinBytes) return bytes;
  return (bytes + kPage - 1) / kPage * kPage;
}

// Note: only the 2 MB-aligned interior can become huge pages; advice is a
// hint, and a kernel without THP ignores it.
void advise_huge_pages(void* block, size_t size) {
#ifdef MADV_HUGEPAGE
  const auto begin = reinterpret_cast<uintptr_t>(block);
  const uintptr_t first = (begin + kHugePage - 1) / kHugePage * kHugePage;
  const uintptr_t last = (begin + size) / kHugePage * kHugePage;
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#else
  (void)block;
  (void)size;
#endif
}

struct Pool {
  struct Block {
    void* data;
    size_t size;
  };
  std::mutex mutex;
  std::vector<Block> idle;
  size_t idle_bytes = 0;

  void* take(size_t size) {
    std::lock_guard lock(mutex);
    // Note: the most recently freed block first; it is likeliest in cache.
    for (size_t i = idle.size(); i-- > 0;) {
      if (idle[i].size != size) continue;
      void* data = idle[i].data;
      idle.erase(idle.begin() + static_cast<std::ptrdiff_t>(i));
      idle_bytes -= size;
      return data;
    }
    return nullptr;
  }

  bool keep(void* data, size_t size) {
    std::lock_guard lock(mutex);
    if (idle.size() >= kPoolMaxBlocks || idle_bytes + size > kPoolMaxBytes) return false;
    if (idle.capacity() == 0) idle.reserve(kPoolMaxBlocks);
    idle.push_back(Block{data, size});
    idle_bytes += size;
    return true;
  }
};

Pool& pool() {
  static Pool* const instance = new Pool;  // Note: never destroyed, so usable during exit
  return *instance;
}

}  // namespace

void* acquire_block(size_t bytes) {
  const size_t size = rounded_size(bytes == 0 ? 1 : bytes);
  // Note: malloc's own alignment (16) serves small arrays: every kernel
  // loads unaligned, and aligned_alloc costs twice malloc's time.
  if (size < kPooledMinBytes) return std::malloc(size);
  if (void* reused = pool().take(size)) return reused;
  void* block = std::aligned_alloc(kAlignment, size);
  if (block != nullptr && size >= 2 * kHugePage) advise_huge_pages(block, size);
  return block;
}

void release_block(void* block, size_t bytes) {
  if (block == nullptr) return;
  const size_t size = rounded_size(bytes == 0 ? 1 : bytes);
  if (size >= kPooledMinBytes && pool().keep(block, size)) return;
  std::free(block);
}

}  // namespace pygraft::rt
