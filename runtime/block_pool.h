// Reuse of large tensor buffers.
//
// A loop over big arrays frees a result buffer and allocates one of the same
// size every iteration. From the C library each of those is a fresh mmap:
// every page faults in and is zeroed again (a 4 MB float32 array is ~1 000
// page faults, a fifth of an elementwise chain's time). The pool keeps a few
// freed blocks of at least kPooledMinBytes and hands one back for a request
// of the same rounded size, so a steady-state loop maps no new memory.
// Blocks of several MB are also advised onto transparent huge pages, as
// NumPy's allocator does.
//
// Thread-safe (one mutex, taken only for pooled sizes). The pool holds at
// most kPoolMaxBlocks blocks and kPoolMaxBytes bytes; idle blocks are not
// charged to any MemoryBudget, only live tensors are.
#pragma once

#include <cstddef>

namespace pygraft::rt {

inline constexpr size_t kPooledMinBytes = size_t{128} << 10;
inline constexpr size_t kPoolMaxBlocks = 16;
inline constexpr size_t kPoolMaxBytes = size_t{256} << 20;

// A block of at least `bytes` bytes, or nullptr when out of memory; aligned
// to 64 from kPooledMinBytes on, to malloc's 16 below (kernels load unaligned). Must be returned
// with release_block(p, bytes) with the same bytes.
void* acquire_block(size_t bytes);
void release_block(void* block, size_t bytes);

}  // namespace pygraft::rt
