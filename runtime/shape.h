// Tensor shapes with inline storage: no heap allocation per tensor.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>

namespace pygraft::rt {

// NumPy allows 64 dimensions; models use a handful. Ranks above this are a
// runtime error, never an overflow.
inline constexpr int kMaxRank = 16;

class Shape {
 public:
  Shape() {
    for (int i = 0; i < kCopiedAlways; ++i) dims_[i] = 0;
  }
  Shape(std::initializer_list<int64_t> dims) : Shape() {
    for (int64_t d : dims) push_back(d);
  }
  explicit Shape(std::span<const int64_t> dims) : Shape() {
    for (int64_t d : dims) push_back(d);
  }
  // Note: copies only the dims in use. Tensors carry a Shape and are copied
  // at every op, and a whole kMaxRank array is ~3x the bytes of a 2-D shape.
  Shape(const Shape& other) noexcept : rank_(other.rank_) { copy_dims(other); }
  Shape& operator=(const Shape& other) noexcept {
    rank_ = other.rank_;
    copy_dims(other);
    return *this;
  }

  int rank() const { return rank_; }
  int64_t operator[](int axis) const { return dims_[axis]; }
  int64_t& operator[](int axis) { return dims_[axis]; }
  const int64_t* begin() const { return dims_.data(); }
  const int64_t* end() const { return dims_.data() + rank_; }
  std::span<const int64_t> dims() const { return {dims_.data(), static_cast<size_t>(rank_)}; }

  // Throws RuntimeError beyond kMaxRank.
  void push_back(int64_t dim) {
    if (rank_ >= kMaxRank) throw_too_many_dimensions();
    dims_[rank_++] = dim;
  }
  void insert(int axis, int64_t dim);
  void erase(int axis);

  // Product of the dims (1 for rank 0). Throws RuntimeError on overflow.
  int64_t numel() const;

  friend bool operator==(const Shape& a, const Shape& b) {
    if (a.rank_ != b.rank_) return false;
    for (int i = 0; i < a.rank_; ++i) {
      if (a.dims_[i] != b.dims_[i]) return false;
    }
    return true;
  }

  // "(2, 3)" as NumPy prints shapes; "()" for rank 0; "(5,)" for rank 1.
  std::string to_string() const;

 private:
  [[noreturn]] static void throw_too_many_dimensions();
  // Note: the first kCopiedAlways dims are always initialised and copied as
  // a block (no call to memcpy for the usual ranks); beyond them only
  // [0, rank_) is ever written before it is read.
  static constexpr int kCopiedAlways = 4;
  void copy_dims(const Shape& other) {
    for (int i = 0; i < kCopiedAlways; ++i) dims_[i] = other.dims_[i];
    for (int i = kCopiedAlways; i < rank_; ++i) dims_[i] = other.dims_[i];
  }

  std::array<int64_t, kMaxRank> dims_;
  int rank_ = 0;
};

// Row-major strides in elements.
std::array<int64_t, kMaxRank> contiguous_strides(const Shape& shape);

// Python-style axis normalisation: -1 is the last axis. Throws RuntimeError
// with NumPy's message ("axis 2 is out of bounds for array of dimension 2").
int normalize_axis(int64_t axis, int rank);

}  // namespace pygraft::rt
