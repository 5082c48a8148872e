// The layout of a subscript, stored in the "index" attribute of getitem and
// setitem nodes as a tuple of ints, one per index item. Dynamic parts (ints,
// arrays, slice bounds) are operands: getitem(x, parts...) and
// setitem(x, value, parts...), consumed left to right.
//
//   x[i, 1:n, None, ..., mask]  ->  index = (0, 16+3, 1, 2, 0), operands i, 1, n, mask
#pragma once

#include <cstdint>

namespace pygraft::index_layout {

// An int, an integer array, a boolean mask or a tuple of them: one operand.
inline constexpr int64_t kValue = 0;
// None / np.newaxis: no operand.
inline constexpr int64_t kNewAxis = 1;
// `...`: no operand.
inline constexpr int64_t kEllipsis = 2;
// A slice: kSlice + mask, where mask bit 0/1/2 says start/stop/step is
// present; one operand per present part, in that order.
inline constexpr int64_t kSlice = 16;
inline constexpr int64_t kSliceHasStart = 1;
inline constexpr int64_t kSliceHasStop = 2;
inline constexpr int64_t kSliceHasStep = 4;

inline bool is_slice(int64_t item) {
  return item >= kSlice && item < kSlice + 8;
}
inline int operand_count(int64_t item) {
  if (item == kValue) return 1;
  if (!is_slice(item)) return 0;
  int64_t mask = item - kSlice;
  return static_cast<int>((mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1));
}

}  // namespace pygraft::index_layout
