// A fixed-size set of small integers (the numbered names of one function,
// transform/analysis/name_index.h) stored as bits: union, intersection and
// difference cost one machine word per 64 names, and an empty set of 1 000
// names is 16 words, not a tree of strings.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace pygraft::transform {

class DenseBits {
 public:
  DenseBits() = default;
  explicit DenseBits(size_t size) : words_((size + 63) / 64, 0), size_(size) {}

  size_t size() const { return size_; }
  bool test(size_t i) const { return (words_[i / 64] >> (i % 64)) & 1u; }
  void set(size_t i) { words_[i / 64] |= uint64_t{1} << (i % 64); }
  void reset(size_t i) { words_[i / 64] &= ~(uint64_t{1} << (i % 64)); }
  void set_all() {
    for (uint64_t& word : words_) word = ~uint64_t{0};
    if (size_ % 64 != 0 && !words_.empty()) words_.back() = (uint64_t{1} << (size_ % 64)) - 1;
  }
  void clear() {
    for (uint64_t& word : words_) word = 0;
  }
  bool any() const {
    for (uint64_t word : words_) {
      if (word != 0) return true;
    }
    return false;
  }

  DenseBits& operator|=(const DenseBits& other) {
    for (size_t w = 0; w < words_.size(); ++w) words_[w] |= other.words_[w];
    return *this;
  }
  DenseBits& operator&=(const DenseBits& other) {
    for (size_t w = 0; w < words_.size(); ++w) words_[w] &= other.words_[w];
    return *this;
  }
  // Removes every member of `other`.
  DenseBits& subtract(const DenseBits& other) {
    for (size_t w = 0; w < words_.size(); ++w) words_[w] &= ~other.words_[w];
    return *this;
  }
  bool operator==(const DenseBits&) const = default;

  // Calls f(i) for each member, in increasing order.
  template <typename F>
  void for_each(F&& f) const {
    for (size_t w = 0; w < words_.size(); ++w) {
      for (uint64_t word = words_[w]; word != 0; word &= word - 1) {
        f(w * 64 + static_cast<size_t>(std::countr_zero(word)));
      }
    }
  }

 private:
  std::vector<uint64_t> words_;
  size_t size_ = 0;
};

}  // namespace pygraft::transform
