#include "runtime/broadcast.h"

#include <algorithm>

#include "runtime/runtime_error.h"

namespace pygraft::rt {

std::string compact_shape(const Shape& shape) {
  std::string s = "(";
  for (int i = 0; i < shape.rank(); ++i) {
    if (i > 0) s += ",";
    s += std::to_string(shape[i]);
  }
  if (shape.rank() == 1) s += ",";
  return s + ")";
}

namespace {

[[noreturn]] void throw_mismatch(std::span<const Shape> shapes) {
  std::string msg = "operands could not be broadcast together with shapes ";
  for (const Shape& s : shapes) msg += compact_shape(s) + " ";
  throw RuntimeError(PyExc::ValueError, msg);
}

}  // namespace

Shape broadcast_shapes(std::span<const Shape> shapes) {
  int rank = 0;
  for (const Shape& s : shapes) rank = std::max(rank, s.rank());
  Shape out;
  for (int i = 0; i < rank; ++i) out.push_back(1);
  for (const Shape& s : shapes) {
    for (int i = 0; i < s.rank(); ++i) {
      int64_t& d = out[rank - s.rank() + i];
      if (s[i] == d || s[i] == 1) continue;
      if (d != 1) throw_mismatch(shapes);
      d = s[i];
    }
  }
  return out;
}

BroadcastPlan::BroadcastPlan(std::span<const Shape> shapes)
    : num_operands_(static_cast<int>(shapes.size())), numel_(shapes[0].numel()) {
  const Shape& full = shapes[0];
  // Right-aligned strides of each operand; size-1 and missing axes get 0.
  std::array<std::array<int64_t, kMaxRank>, kMaxOperands> raw;
  for (int k = 0; k < num_operands_; ++k) {
    const Shape& s = shapes[k];
    const int lead = full.rank() - s.rank();
    int64_t stride = 1;
    for (int i = s.rank() - 1; i >= 0; --i) {
      raw[k][lead + i] = s[i] == 1 ? 0 : stride;
      stride *= s[i];
    }
    for (int i = 0; i < lead; ++i) raw[k][i] = 0;
  }
  // Drop size-1 axes, then merge an axis into the previous one when every
  // operand steps through both as one contiguous (or broadcast) block.
  for (int i = 0; i < full.rank(); ++i) {
    if (full[i] == 1) continue;
    bool merge = rank_ > 0;
    for (int k = 0; merge && k < num_operands_; ++k) {
      merge = strides_[k][rank_ - 1] == raw[k][i] * full[i];
    }
    if (merge) {
      dims_[rank_ - 1] *= full[i];
      for (int k = 0; k < num_operands_; ++k) strides_[k][rank_ - 1] = raw[k][i];
      continue;
    }
    dims_[rank_] = full[i];
    for (int k = 0; k < num_operands_; ++k) strides_[k][rank_] = raw[k][i];
    ++rank_;
  }
}

}  // namespace pygraft::rt
