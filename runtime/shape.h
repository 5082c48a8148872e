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
  Shape() = default;
  Shape(std::initializer_list<int64_t> dims);
  explicit Shape(std::span<const int64_t> dims);

  int rank() const { return rank_; }
  int64_t operator[](int axis) const { return dims_[axis]; }
  int64_t& operator[](int axis) { return dims_[axis]; }
  const int64_t* begin() const { return dims_.data(); }
  const int64_t* end() const { return dims_.data() + rank_; }
  std::span<const int64_t> dims() const { return {dims_.data(), static_cast<size_t>(rank_)}; }

  // Throws RuntimeError beyond kMaxRank.
  void push_back(int64_t dim);
  void insert(int axis, int64_t dim);
  void erase(int axis);

  // Product of the dims (1 for rank 0). Throws RuntimeError on overflow.
  int64_t numel() const;

  friend bool operator==(const Shape& a, const Shape& b);

  // "(2, 3)" as NumPy prints shapes; "()" for rank 0; "(5,)" for rank 1.
  std::string to_string() const;

 private:
  std::array<int64_t, kMaxRank> dims_{};
  int rank_ = 0;
};

// Row-major strides in elements.
std::array<int64_t, kMaxRank> contiguous_strides(const Shape& shape);

// Python-style axis normalisation: -1 is the last axis. Throws RuntimeError
// with NumPy's message ("axis 2 is out of bounds for array of dimension 2").
int normalize_axis(int64_t axis, int rank);

}  // namespace pygraft::rt
