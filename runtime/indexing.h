// NumPy indexing as a precomputed copy plan, shared by getitem, setitem and
// the shape kernels that permute axes (transpose, dot's operand layout).
//
// An index (ints, slices, None, Ellipsis, integer arrays, boolean masks) is
// parsed into IndexItems, then turned into a StridedPlan: the element offset
// of every output element in the source, as a base offset plus, per output
// axis, either a stride (basic indexing) or a table of offsets (one axis per
// group of advanced indices, broadcast together as NumPy does). Size-1 axes
// are dropped and trailing contiguous axes merge into one run, so copies are
// memcpy of runs whenever the layout allows.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "graph/literal.h"
#include "runtime/shape.h"
#include "runtime/tensor.h"
#include "runtime/value.h"

namespace pygraft::rt {

struct IndexItem {
  enum class Kind { Int, Slice, NewAxis, Ellipsis, IntArray, Mask };
  Kind kind = Kind::Int;
  int64_t value = 0;                         // Int
  std::optional<int64_t> start, stop, step;  // Slice; nullopt = None
  Tensor array;                              // IntArray (int64 values) or Mask (bool)
};

// Parses the "index" attribute layout (graph/index_layout.h) and its operand
// values; a tuple operand spreads into several items. Throws RuntimeError
// with NumPy's message for values that are not valid indices.
std::vector<IndexItem> parse_index(const Literal& layout, std::span<const Value> parts);

// Python's slice.indices(length): the first index, the step and the count.
struct SliceRange {
  int64_t start = 0;
  int64_t step = 1;
  int64_t length = 0;
};
SliceRange slice_range(const IndexItem& item, int64_t length);

// `index` made non-negative; throws "index 5 is out of bounds for axis 0
// with size 3" outside [-size, size).
int64_t normalize_index(int64_t index, int axis, int64_t size);

// One output axis of a plan: affine (offset = i * stride) or a gather
// (offset = offsets[i]).
struct PlanAxis {
  int64_t size = 0;
  int64_t stride = 0;
  std::vector<int64_t> offsets;  // non-empty for a gather axis
};

struct StridedPlan {
  Shape out_shape;             // shape of the result, as the user sees it
  int64_t base = 0;            // element offset of the first element
  std::vector<PlanAxis> axes;  // copy loops, outer to inner
  int64_t run = 1;             // contiguous elements per innermost step, after merging
};

// Drops size-1 axes and merges contiguous trailing axes into plan.run.
void finalize_plan(StridedPlan& plan);

// The plan of x[items] for x of `shape`. Throws RuntimeError with NumPy's
// message on out-of-bounds indices, too many indices and mask mismatches.
StridedPlan index_plan(const Shape& shape, std::span<const IndexItem> items);

// The plan that reads `shape` with its axes in the order `perm`.
StridedPlan permute_plan(const Shape& shape, std::span<const int> perm);

// A new contiguous tensor holding src at the plan's offsets.
Tensor gather(const Tensor& src, const StridedPlan& plan);

// Writes `values` (dst's dtype, contiguous, plan.out_shape's numel, or a
// single element broadcast everywhere) to dst at the plan's offsets, in
// order: with repeated offsets the last write wins.
void scatter(Tensor& dst, const StridedPlan& plan, const Tensor& values);

// `t` broadcast to `shape` as a contiguous tensor (t itself when the shape
// already matches). Throws "could not broadcast input array from shape (3,)
// into shape (2,)" when it does not broadcast.
Tensor broadcast_to(const Tensor& t, const Shape& shape);

// NumPy's compact shape spelling used in its messages: "(2,3)", "(4,)".
std::string compact_shape_string(const Shape& shape);

}  // namespace pygraft::rt
