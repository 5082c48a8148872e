#include "runtime/shape.h"

#include <string>

#include "runtime/runtime_error.h"

namespace pygraft::rt {

void Shape::throw_too_many_dimensions() {
  throw RuntimeError(PyExc::ValueError, "arrays of more than " + std::to_string(kMaxRank) +
                                            " dimensions are not supported");
}

void Shape::insert(int axis, int64_t dim) {
  push_back(0);
  for (int i = rank_ - 1; i > axis; --i) dims_[i] = dims_[i - 1];
  dims_[axis] = dim;
}

void Shape::erase(int axis) {
  for (int i = axis; i + 1 < rank_; ++i) dims_[i] = dims_[i + 1];
  --rank_;
}

int64_t Shape::numel() const {
  int64_t n = 1;
  for (int i = 0; i < rank_; ++i) {
    if (dims_[i] < 0) throw RuntimeError(PyExc::ValueError, "negative dimensions are not allowed");
    if (__builtin_mul_overflow(n, dims_[i], &n)) {
      throw RuntimeError(PyExc::ValueError,
                         "array is too big; the number of elements overflows int64");
    }
  }
  return n;
}

std::string Shape::to_string() const {
  std::string s = "(";
  for (int i = 0; i < rank_; ++i) {
    if (i > 0) s += ", ";
    s += std::to_string(dims_[i]);
  }
  if (rank_ == 1) s += ",";
  return s + ")";
}

std::array<int64_t, kMaxRank> contiguous_strides(const Shape& shape) {
  std::array<int64_t, kMaxRank> strides{};
  int64_t stride = 1;
  for (int i = shape.rank() - 1; i >= 0; --i) {
    strides[i] = stride;
    stride *= shape[i];
  }
  return strides;
}

int normalize_axis(int64_t axis, int rank) {
  if (axis < -rank || axis >= rank) {
    throw RuntimeError(PyExc::AxisError, "axis " + std::to_string(axis) +
                                             " is out of bounds for array of dimension " +
                                             std::to_string(rank));
  }
  return static_cast<int>(axis < 0 ? axis + rank : axis);
}

}  // namespace pygraft::rt
