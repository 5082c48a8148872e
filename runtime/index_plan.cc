// Building the StridedPlan of x[index] (see runtime/indexing.h).
//
// Basic items (ints, slices, None, Ellipsis) become affine axes. Integer
// arrays and boolean masks are advanced items; as in NumPy, once one is
// present the plain ints count as advanced too (0-d arrays). All advanced
// components broadcast together to one shape B whose offsets are tabulated;
// B goes where the advanced items stood when they are adjacent, else first.
#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/indexing.h"
#include "runtime/runtime_error.h"

namespace pygraft::rt {
namespace {

using Kind = IndexItem::Kind;

inline constexpr int64_t kMaxGatherElements = int64_t{1} << 32;

// Index values along one input axis; axis -1 contributes no offset (a 0-d mask).
struct Component {
  Tensor index;  // int64
  int axis = -1;
  bool in_bounds = false;  // coordinates of a mask: no check needed
};

int consumed_dims(const IndexItem& item) {
  switch (item.kind) {
    case Kind::Int:
    case Kind::Slice:
    case Kind::IntArray:
      return 1;
    case Kind::Mask:
      return item.array.rank();
    case Kind::NewAxis:
    case Kind::Ellipsis:
      return 0;
  }
  return 0;
}

Shape broadcast_components(const std::vector<Component>& components) {
  int rank = 0;
  for (const Component& c : components) rank = std::max(rank, c.index.rank());
  Shape out;
  for (int i = 0; i < rank; ++i) out.push_back(1);
  for (const Component& c : components) {
    const Shape& s = c.index.shape();
    for (int i = 0; i < s.rank(); ++i) {
      int64_t& d = out[rank - s.rank() + i];
      if (s[i] == d || s[i] == 1) continue;
      if (d != 1) {
        std::string msg =
            "shape mismatch: indexing arrays could not be broadcast together with shapes";
        for (const Component& k : components) msg += " " + compact_shape_string(k.index.shape());
        throw RuntimeError(PyExc::IndexError, msg);
      }
      d = s[i];
    }
  }
  return out;
}

class PlanBuilder {
 public:
  explicit PlanBuilder(const Shape& shape) : shape_(shape), strides_(contiguous_strides(shape)) {}
  StridedPlan build(std::span<const IndexItem> items);

 private:
  void add_axis(int64_t size, int64_t stride) {
    plan_.out_shape.push_back(size);
    plan_.axes.push_back({size, stride, {}});
  }
  void add_full_axes(int count) {
    for (int i = 0; i < count; ++i, ++axis_) add_axis(shape_[axis_], strides_[axis_]);
  }
  void add_basic(const IndexItem& item);
  void add_advanced(const IndexItem& item);
  void add_mask(const Tensor& mask);
  void accumulate(const Component& c, const Shape& group, std::vector<int64_t>& offsets) const;
  void insert_advanced_group();

  const Shape& shape_;
  std::array<int64_t, kMaxRank> strides_;
  StridedPlan plan_;
  int axis_ = 0;  // next input axis
  std::vector<Component> components_;
  size_t group_position_ = 0;
};

StridedPlan PlanBuilder::build(std::span<const IndexItem> items) {
  int consumed = 0, ellipses = 0;
  bool any_array = false;
  for (const IndexItem& item : items) {
    consumed += consumed_dims(item);
    ellipses += item.kind == Kind::Ellipsis;
    any_array |= item.kind == Kind::IntArray || item.kind == Kind::Mask;
  }
  if (ellipses > 1)
    throw RuntimeError(PyExc::IndexError, "an index can only have a single ellipsis ('...')");
  if (consumed > shape_.rank()) {
    throw RuntimeError(PyExc::IndexError, "too many indices for array: array is " +
                                              std::to_string(shape_.rank()) + "-dimensional, but " +
                                              std::to_string(consumed) + " were indexed");
  }
  auto advanced = [&](const IndexItem& item) {
    return any_array &&
           (item.kind == Kind::Int || item.kind == Kind::IntArray || item.kind == Kind::Mask);
  };
  size_t first = items.size(), last = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!advanced(items[i])) continue;
    first = std::min(first, i);
    last = i;
  }
  bool adjacent = true;
  for (size_t i = first; i <= last && i < items.size(); ++i) adjacent &= advanced(items[i]);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i == first) group_position_ = adjacent ? plan_.axes.size() : 0;
    if (items[i].kind == Kind::Ellipsis)
      add_full_axes(shape_.rank() - consumed);
    else if (advanced(items[i]))
      add_advanced(items[i]);
    else
      add_basic(items[i]);
  }
  add_full_axes(shape_.rank() - axis_);
  if (any_array) insert_advanced_group();
  finalize_plan(plan_);
  return std::move(plan_);
}

void PlanBuilder::add_basic(const IndexItem& item) {
  if (item.kind == Kind::NewAxis) {
    add_axis(1, 0);
  } else if (item.kind == Kind::Int) {
    plan_.base += normalize_index(item.value, axis_, shape_[axis_]) * strides_[axis_];
    ++axis_;
  } else {
    SliceRange range = slice_range(item, shape_[axis_]);
    if (range.length > 0) plan_.base += range.start * strides_[axis_];
    add_axis(range.length, range.step * strides_[axis_]);
    ++axis_;
  }
}

void PlanBuilder::add_advanced(const IndexItem& item) {
  if (item.kind == Kind::Mask) {
    add_mask(item.array);
  } else if (item.kind == Kind::Int) {
    components_.push_back({Tensor::scalar(DType::Int64, item.value), axis_++});
  } else {
    components_.push_back({item.array, axis_++});
  }
}

// The high bit of each byte of w set where that byte is not zero (a bool
// read from a hostile .npy file may hold any byte; nonzero is true).
inline uint64_t nonzero_bytes(uint64_t w) {
  constexpr uint64_t kLow7 = 0x7f7f7f7f7f7f7f7fULL;
  return (((w & kLow7) + kLow7) | w) & ~kLow7;
}

// Note: byte j of a word is bit 8j up (countr_zero / 8 below).
static_assert(std::endian::native == std::endian::little);
inline uint64_t load_word(const bool* m) {
  uint64_t w;
  std::memcpy(&w, m, sizeof w);
  return w;
}

// How many of m[0..n) are true: eight at a time.
int64_t count_true(const bool* m, int64_t n) {
  int64_t count = 0, i = 0;
  // Note: the flags moved to bit 0 of each byte and summed by a multiply
  // into the top byte; std::popcount is a library call on baseline x86-64.
  constexpr uint64_t kByteOnes = 0x0101010101010101ULL;
  for (; i + 8 <= n; i += 8) {
    count += static_cast<int64_t>(((nonzero_bytes(load_word(m + i)) >> 7) * kByteOnes) >> 56);
  }
  for (; i < n; ++i) count += m[i] ? 1 : 0;
  return count;
}

// The positions of the true elements of m[0..n), in order, into out (room
// for count_true(m, n)): eight bytes at a time, skipping all-false words and
// visiting only set bytes, with no branch per element (a random mask, such
// as points[labels == j], would mispredict one in a few).
void write_true_positions(const bool* m, int64_t n, int64_t* out) {
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    for (uint64_t t = nonzero_bytes(load_word(m + i)); t != 0; t &= t - 1) {
      *out++ = i + (std::countr_zero(t) >> 3);
    }
  }
  for (; i < n; ++i) {
    if (m[i]) *out++ = i;
  }
}

void PlanBuilder::add_mask(const Tensor& mask) {
  const int k = mask.rank();
  for (int j = 0; j < k; ++j) {
    if (mask.shape()[j] != shape_[axis_ + j]) {
      throw RuntimeError(
          PyExc::IndexError,
          "boolean index did not match indexed array along axis " + std::to_string(axis_ + j) +
              "; size of axis is " + std::to_string(shape_[axis_ + j]) +
              " but size of corresponding boolean axis is " + std::to_string(mask.shape()[j]));
    }
  }
  const bool* m = mask.data<bool>();
  const int64_t count = count_true(m, mask.numel());
  if (k == 0) {
    components_.push_back({Tensor::zeros(DType::Int64, Shape{count}), -1});
    return;
  }
  if (k == 1) {
    Tensor coords = Tensor::empty(DType::Int64, Shape{count});
    write_true_positions(m, mask.numel(), coords.data<int64_t>());
    components_.push_back({coords, axis_++, true});
    return;
  }
  auto mask_strides = contiguous_strides(mask.shape());
  std::vector<int64_t> positions(static_cast<size_t>(count));
  write_true_positions(m, mask.numel(), positions.data());
  for (int j = 0; j < k; ++j) {
    Tensor coords = Tensor::empty(DType::Int64, Shape{count});
    int64_t* out = coords.data<int64_t>();
    for (int64_t c = 0; c < count; ++c) {
      out[c] = (positions[static_cast<size_t>(c)] / mask_strides[j]) % mask.shape()[j];
    }
    components_.push_back({coords, axis_ + j, true});
  }
  axis_ += k;
}

void PlanBuilder::accumulate(const Component& c, const Shape& group,
                             std::vector<int64_t>& offsets) const {
  if (c.axis < 0) return;
  const Shape& s = c.index.shape();
  const int lead = group.rank() - s.rank();
  auto own = contiguous_strides(s);
  std::array<int64_t, kMaxRank> step{};
  for (int i = 0; i < s.rank(); ++i) step[lead + i] = s[i] == 1 ? 0 : own[i];
  std::array<int64_t, kMaxRank> counter{};
  const int64_t* values = c.index.data<int64_t>();
  int64_t src = 0;
  const int64_t stride = strides_[c.axis];
  if (c.in_bounds && s.rank() == group.rank() && s.rank() == 1) {
    for (size_t i = 0; i < offsets.size(); ++i) offsets[i] += values[i] * stride;
    return;
  }
  for (int64_t& offset : offsets) {
    offset +=
        (c.in_bounds ? values[src] : normalize_index(values[src], c.axis, shape_[c.axis])) * stride;
    for (int d = group.rank() - 1; d >= 0; --d) {
      src += step[d];
      if (++counter[d] < group[d]) break;
      src -= step[d] * group[d];
      counter[d] = 0;
    }
  }
}

void PlanBuilder::insert_advanced_group() {
  Shape group = broadcast_components(components_);
  // Note: the table costs 8 bytes per element, as much as an int64 result.
  if (group.numel() > kMaxGatherElements) {
    throw RuntimeError(PyExc::ValueError,
                       "array of shape " + group.to_string() + " is too big to allocate");
  }
  std::vector<int64_t> offsets(static_cast<size_t>(group.numel()), 0);
  for (const Component& c : components_) accumulate(c, group, offsets);
  PlanAxis axis{group.numel(), 0, std::move(offsets)};
  plan_.axes.insert(plan_.axes.begin() + static_cast<std::ptrdiff_t>(group_position_),
                    std::move(axis));
  for (int i = group.rank() - 1; i >= 0; --i) {
    plan_.out_shape.insert(static_cast<int>(group_position_), group[i]);
  }
}

}  // namespace

StridedPlan index_plan(const Shape& shape, std::span<const IndexItem> items) {
  return PlanBuilder(shape).build(items);
}

}  // namespace pygraft::rt
