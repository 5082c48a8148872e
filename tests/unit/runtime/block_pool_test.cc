// runtime/block_pool.h: a freed large block is handed back for the next
// request of the same size (so loops map no new memory), and the pool never
// keeps more than its caps.
#include "runtime/block_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace pygraft::rt {
namespace {

TEST(BlockPool, ALargeBlockIsReusedForTheSameSize) {
  const size_t bytes = size_t{4} << 20;
  void* first = acquire_block(bytes);
  ASSERT_NE(first, nullptr);
  std::memset(first, 1, bytes);
  release_block(first, bytes);
  void* second = acquire_block(bytes);
  EXPECT_EQ(second, first);
  release_block(second, bytes);
}

TEST(BlockPool, SizesRoundToPagesAndOtherSizesGetOtherBlocks) {
  const size_t bytes = size_t{1} << 20;
  void* a = acquire_block(bytes + 1);
  release_block(a, bytes + 1);
  void* b = acquire_block(bytes + 100);  // same 4 KiB page count
  EXPECT_EQ(b, a);
  void* c = acquire_block(bytes * 2);  // nothing idle of that size
  EXPECT_NE(c, a);
  release_block(b, bytes + 100);
  release_block(c, bytes * 2);
}

TEST(BlockPool, LargeBlocksAre64ByteAlignedAndSmallOnesUsable) {
  void* large = acquire_block(kPooledMinBytes);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(large) % 64, 0u);
  void* small = acquire_block(24);
  ASSERT_NE(small, nullptr);
  std::memset(small, 0, 24);
  release_block(small, 24);
  release_block(large, kPooledMinBytes);
  void* empty = acquire_block(0);
  EXPECT_NE(empty, nullptr);
  release_block(empty, 0);
}

// More blocks than the pool keeps: the pool keeps some, the rest go back to
// the C library, and every block is freed exactly once (the ASan suite fails
// this test on a leak or a double free).
TEST(BlockPool, BlocksBeyondTheCapGoBackToTheCLibrary) {
  const size_t bytes = size_t{256} << 10;
  std::vector<void*> blocks;
  for (size_t i = 0; i < kPoolMaxBlocks + 8; ++i) blocks.push_back(acquire_block(bytes));
  for (void* b : blocks) release_block(b, bytes);
  void* again = acquire_block(bytes);
  EXPECT_NE(std::find(blocks.begin(), blocks.end(), again), blocks.end());  // a kept one
  release_block(again, bytes);
}

}  // namespace
}  // namespace pygraft::rt
