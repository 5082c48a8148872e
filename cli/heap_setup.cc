#include "cli/heap_setup.h"

#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace pygraft::cli {

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

}  // namespace

void prefer_huge_pages_for_the_heap() {
#if defined(__GLIBC__)
  if constexpr (kSanitized) return;
  if (std::getenv("PYGRAFT_NO_HUGE_PAGES") != nullptr) return;
  constexpr size_t kPad = size_t{512} << 20;
  constexpr uintptr_t kHugePage = uintptr_t{2} << 20;
  mallopt(M_TOP_PAD, static_cast<int>(kPad));
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(2 * kPad));
  // Note: a block above the free space at the top of the heap but below the
  // mmap threshold makes malloc grow the heap now, by the pad; the range up
  // to the new break is what gets the advice.
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kPad / 2));
  void* block = std::malloc(size_t{1} << 20);
  if (block == nullptr) return;
  auto* begin = static_cast<char*>(block);
  auto* end = static_cast<char*>(sbrk(0));
  auto* aligned = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(begin) + kHugePage - 1) &
                                          ~(kHugePage - 1));
  if (end > aligned && static_cast<size_t>(end - aligned) <= 2 * kPad) {
    madvise(aligned, static_cast<size_t>(end - aligned), MADV_HUGEPAGE);  // advice only
  }
  std::free(block);
#endif
}

}  // namespace pygraft::cli
