#include "runtime/shape.h"

#include <string>

#include "runtime/runtime_error.h"

namespace pygraft::rt {

Shape::Shape(std::initializer_list<int64_t> dims) {
  for (int64_t d : dims) push_back(d);
}

Shape::Shape(std::span<const int64_t> dims) {
  for (int64_t d : dims) push_back(d);
}

void Shape::push_back(int64_t dim) {
  if (rank_ >= kMaxRank) {
    throw RuntimeError(PyExc::ValueError, "arrays of more than " + std::to_string(kMaxRank) +
                                              " dimensions are not supported");
  }
  dims_[rank_++] = dim;
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

bool operator==(const Shape& a, const Shape& b) {
  if (a.rank_ != b.rank_) return false;
  for (int i = 0; i < a.rank_; ++i) {
    if (a.dims_[i] != b.dims_[i]) return false;
  }
  return true;
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
