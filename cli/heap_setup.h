// Heap settings for the compiler's processes (`check`, `compile`).
#pragma once

namespace pygraft::cli {

// Asks for the heap the front end and the passes fill (millions of small
// AST and IR nodes) to be backed by transparent huge pages: the heap grows
// in 512 MB steps and the first range is advised MADV_HUGEPAGE. A first
// touch then maps 2 MB instead of 4 KB, which cuts the page faults of a
// 100 000-line check from about 8 900 to about 750 and its time by 40 % on
// a VM where a fault is expensive (docs/performance.md). Only address space
// is reserved: untouched pages cost no memory. A no-op where the kernel or
// the C library does not offer it (THP "never", not glibc), in sanitizer
// builds (their allocator is their own) and when the environment sets
// PYGRAFT_NO_HUGE_PAGES. Not for `run`, whose large arrays are better
// returned to the system when freed.
void prefer_huge_pages_for_the_heap();

}  // namespace pygraft::cli
