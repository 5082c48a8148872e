// Bounds-checked little-endian reads over untrusted bytes, for the graph
// file loader. Every read checks the remaining size first; a failed check
// throws FormatError, which load_module turns into its error message.
// Note: an exception keeps the loader's many checks from each needing an
// early-return path; it never escapes load_module.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pygraft {

struct FormatError {
  std::string message;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : bytes_(bytes) {}

  size_t offset() const { return pos_; }
  size_t remaining() const { return bytes_.size() - pos_; }
  bool at_end() const { return pos_ == bytes_.size(); }

  [[noreturn]] void fail(const std::string& what) const {
    throw FormatError{what + " (at byte offset " + std::to_string(pos_) + ")"};
  }

  std::string_view take(size_t n, std::string_view what) {
    if (n > remaining()) {
      fail("truncated " + std::string(what) + ": needs " + std::to_string(n) + " bytes, " +
           std::to_string(remaining()) + " left");
    }
    std::string_view out = bytes_.substr(pos_, n);
    pos_ += n;
    return out;
  }

  uint8_t u8(std::string_view what) { return static_cast<uint8_t>(take(1, what)[0]); }

  uint32_t u32(std::string_view what) {
    std::string_view b = take(4, what);
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(b[static_cast<size_t>(i)]);
    return v;
  }

  uint64_t u64(std::string_view what) {
    uint64_t low = u32(what);
    uint64_t high = u32(what);
    return low | (high << 32);
  }

  // A count of items each at least `min_item_bytes` long; rejected before
  // anything is allocated when they cannot fit in the remaining bytes.
  uint32_t count(size_t min_item_bytes, std::string_view what) {
    uint32_t n = u32(what);
    if (static_cast<uint64_t>(n) * min_item_bytes > remaining()) {
      fail("count of " + std::string(what) + " (" + std::to_string(n) + ") exceeds the remaining " +
           std::to_string(remaining()) + " bytes");
    }
    return n;
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

}  // namespace pygraft
