// NumPy broadcasting, planned once per kernel call.
//
// A BroadcastPlan walks a full-shape operand (operand 0, usually the output)
// together with up to kMaxOperands - 1 others that broadcast against it. Size-1
// and broadcast dimensions get stride 0, and adjacent dimensions that are
// contiguous in every operand are merged, so same-shape operands become one
// flat run and a scalar operand a run with stride 0. Kernels then loop over
// runs of the innermost dimension, whose stride per operand is 0 or 1; the
// outer position advances with a counter, never by index division.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "runtime/shape.h"

namespace pygraft::rt {

inline constexpr int kMaxOperands = 4;

// The shape all of `shapes` broadcast to. Throws RuntimeError with NumPy's
// message "operands could not be broadcast together with shapes (2,3) (4,) ".
Shape broadcast_shapes(std::span<const Shape> shapes);

// NumPy's compact shape spelling used in broadcast errors: "(2,3)", "(4,)".
std::string compact_shape(const Shape& shape);

class BroadcastPlan {
 public:
  // shapes[0] is the full shape; every other shape must broadcast to it.
  explicit BroadcastPlan(std::span<const Shape> shapes);

  int64_t numel() const { return numel_; }
  // Stride (0 or 1) of operand k along the innermost run.
  int64_t inner_stride(int k) const { return rank_ == 0 ? 0 : strides_[k][rank_ - 1]; }

  // Calls run(offsets, n) for every innermost run: offsets[k] is operand k's
  // element offset at the start of the run and n its length.
  template <class F>
  void for_each_run(F&& run) const;

  // Length of the innermost run, and whether there is an axis outside it.
  int64_t inner_length() const { return rank_ == 0 ? 1 : dims_[rank_ - 1]; }
  bool has_outer_axis() const { return rank_ >= 2; }

  // The merged axes, innermost last, and operand k's stride along each (in
  // elements): for kernels that walk them themselves.
  int rank() const { return rank_; }
  int64_t dim(int axis) const { return dims_[axis]; }
  int64_t stride(int k, int axis) const { return strides_[k][axis]; }

  // for_each_run with the two innermost axes in one call, for short runs
  // whose per-call walk costs more than the run: run(offsets, n, count,
  // steps) covers `count` runs of n elements, the j-th of operand k at
  // offsets[k] + j * steps[k]. Requires has_outer_axis().
  template <class F>
  void for_each_run_pair(F&& run) const;

 private:
  int num_operands_ = 0;
  int rank_ = 0;  // after merging; 0 only for a single element
  int64_t numel_ = 0;
  // Note: only [0, rank_) and the first num_operands_ rows are ever written
  // or read; leaving the rest uninitialised saves clearing ~600 bytes a call.
  std::array<int64_t, kMaxRank> dims_;
  std::array<std::array<int64_t, kMaxRank>, kMaxOperands> strides_;
};

template <class F>
void BroadcastPlan::for_each_run(F&& run) const {
  std::array<int64_t, kMaxOperands> offsets{};
  if (numel_ == 0) return;
  if (rank_ <= 1) {
    run(offsets.data(), rank_ == 0 ? int64_t{1} : dims_[0]);
    return;
  }
  const int64_t inner = dims_[rank_ - 1];
  const int64_t outer = numel_ / inner;
  std::array<int64_t, kMaxRank> index{};
  for (int64_t o = 0; o < outer; ++o) {
    run(offsets.data(), inner);
    for (int d = rank_ - 2; d >= 0; --d) {
      for (int k = 0; k < num_operands_; ++k) offsets[k] += strides_[k][d];
      if (++index[d] < dims_[d]) break;
      for (int k = 0; k < num_operands_; ++k) offsets[k] -= strides_[k][d] * dims_[d];
      index[d] = 0;
    }
  }
}

template <class F>
void BroadcastPlan::for_each_run_pair(F&& run) const {
  std::array<int64_t, kMaxOperands> offsets{};
  std::array<int64_t, kMaxOperands> steps{};
  if (numel_ == 0) return;
  const int64_t inner = dims_[rank_ - 1];
  const int64_t count = dims_[rank_ - 2];
  for (int k = 0; k < num_operands_; ++k) steps[k] = strides_[k][rank_ - 2];
  const int64_t outer = numel_ / (inner * count);
  std::array<int64_t, kMaxRank> index{};
  for (int64_t o = 0; o < outer; ++o) {
    run(offsets.data(), inner, count, steps.data());
    for (int d = rank_ - 3; d >= 0; --d) {
      for (int k = 0; k < num_operands_; ++k) offsets[k] += strides_[k][d];
      if (++index[d] < dims_[d]) break;
      for (int k = 0; k < num_operands_; ++k) offsets[k] -= strides_[k][d] * dims_[d];
      index[d] = 0;
    }
  }
}

}  // namespace pygraft::rt
