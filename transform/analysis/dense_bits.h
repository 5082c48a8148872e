// A fixed-size set of small integers (the numbered names of one function,
// transform/analysis/name_index.h) stored as bits: union, intersection and
// difference cost one machine word per 64 names, and an empty set of 1 000
// names is 16 words, not a tree of strings.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pygraft::transform {

// Note: sets of up to 128 names (nearly every function) live inline, so the
// per-block facts of an analysis cost no allocation.
class DenseBits {
 public:
  DenseBits() = default;
  explicit DenseBits(size_t size) : size_(size), count_((size + 63) / 64) {
    if (count_ > kInline) heap_.assign(count_, 0);
  }

  size_t size() const { return size_; }
  bool test(size_t i) const { return (words()[i / 64] >> (i % 64)) & 1u; }
  void set(size_t i) { words()[i / 64] |= uint64_t{1} << (i % 64); }
  void reset(size_t i) { words()[i / 64] &= ~(uint64_t{1} << (i % 64)); }
  void set_all() {
    uint64_t* w = words();
    for (size_t k = 0; k < count_; ++k) w[k] = ~uint64_t{0};
    if (size_ % 64 != 0 && count_ > 0) w[count_ - 1] = (uint64_t{1} << (size_ % 64)) - 1;
  }
  void clear() {
    uint64_t* w = words();
    for (size_t k = 0; k < count_; ++k) w[k] = 0;
  }
  bool any() const {
    const uint64_t* w = words();
    for (size_t k = 0; k < count_; ++k) {
      if (w[k] != 0) return true;
    }
    return false;
  }

  DenseBits& operator|=(const DenseBits& other) {
    uint64_t* w = words();
    const uint64_t* o = other.words();
    for (size_t k = 0; k < count_; ++k) w[k] |= o[k];
    return *this;
  }
  DenseBits& operator&=(const DenseBits& other) {
    uint64_t* w = words();
    const uint64_t* o = other.words();
    for (size_t k = 0; k < count_; ++k) w[k] &= o[k];
    return *this;
  }
  // Removes every member of `other`.
  DenseBits& subtract(const DenseBits& other) {
    uint64_t* w = words();
    const uint64_t* o = other.words();
    for (size_t k = 0; k < count_; ++k) w[k] &= ~o[k];
    return *this;
  }
  bool operator==(const DenseBits& other) const {
    if (size_ != other.size_) return false;
    const uint64_t* w = words();
    const uint64_t* o = other.words();
    for (size_t k = 0; k < count_; ++k) {
      if (w[k] != o[k]) return false;
    }
    return true;
  }

  // Calls f(i) for each member, in increasing order.
  template <typename F>
  void for_each(F&& f) const {
    const uint64_t* w = words();
    for (size_t k = 0; k < count_; ++k) {
      for (uint64_t word = w[k]; word != 0; word &= word - 1) {
        f(k * 64 + static_cast<size_t>(std::countr_zero(word)));
      }
    }
  }

 private:
  static constexpr size_t kInline = 2;
  uint64_t* words() { return count_ > kInline ? heap_.data() : inline_.data(); }
  const uint64_t* words() const { return count_ > kInline ? heap_.data() : inline_.data(); }

  std::array<uint64_t, kInline> inline_{};
  std::vector<uint64_t> heap_;
  size_t size_ = 0;
  size_t count_ = 0;  // words in use
};

}  // namespace pygraft::transform
