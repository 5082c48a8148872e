#include "runtime/random_distributions.h"

#include <cmath>
#include <limits>

namespace pygraft::rt::random {

namespace {

#include "runtime/random_ziggurat_tables.inc"

// The ziggurat's base strip starts at r; beyond it lies the tail.
constexpr double kNormalR = 3.6541528853610087963519472518;
constexpr double kNormalInvR = 0.27366123732975827203338247596;

// A draw from the tail beyond r (Marsaglia's method), with the sign given.
double normal_tail(Pcg64& bits, bool negative) {
  for (;;) {
    // Note: log1p(-u) takes log(1 - u), never log(0), as NumPy does.
    const double x = -kNormalInvR * std::log1p(-bits.next_double());
    const double y = -std::log1p(-bits.next_double());
    if (y + y > x * x) return negative ? -(kNormalR + x) : kNormalR + x;
  }
}

uint32_t bounded_lemire_uint32(Pcg64& bits, uint32_t range) {
  const uint32_t range_excl = range + 1;
  uint64_t m = static_cast<uint64_t>(bits.next_uint32()) * range_excl;
  uint32_t leftover = static_cast<uint32_t>(m);
  if (leftover < range_excl) {
    const uint32_t threshold = (std::numeric_limits<uint32_t>::max() - range) % range_excl;
    while (leftover < threshold) {
      m = static_cast<uint64_t>(bits.next_uint32()) * range_excl;
      leftover = static_cast<uint32_t>(m);
    }
  }
  return static_cast<uint32_t>(m >> 32);
}

uint64_t bounded_lemire_uint64(Pcg64& bits, uint64_t range) {
  using uint128 = unsigned __int128;
  const uint64_t range_excl = range + 1;
  uint128 m = static_cast<uint128>(bits.next_uint64()) * range_excl;
  uint64_t leftover = static_cast<uint64_t>(m);
  if (leftover < range_excl) {
    const uint64_t threshold = (std::numeric_limits<uint64_t>::max() - range) % range_excl;
    while (leftover < threshold) {
      m = static_cast<uint128>(bits.next_uint64()) * range_excl;
      leftover = static_cast<uint64_t>(m);
    }
  }
  return static_cast<uint64_t>(m >> 64);
}

}  // namespace

double standard_normal(Pcg64& bits) {
  for (;;) {
    uint64_t r = bits.next_uint64();
    const int level = static_cast<int>(r & 0xff);
    r >>= 8;
    const bool negative = (r & 1) != 0;
    const uint64_t magnitude = (r >> 1) & 0x000fffffffffffffULL;
    double x = static_cast<double>(magnitude) * kZigguratW[level];
    if (negative) x = -x;
    if (magnitude < kZigguratK[level]) return x;  // inside the strip: nearly always
    if (level == 0) return normal_tail(bits, ((magnitude >> 8) & 1) != 0);
    const double below = kZigguratF[level];
    if ((kZigguratF[level - 1] - below) * bits.next_double() + below < std::exp(-0.5 * x * x)) {
      return x;
    }
  }
}

uint64_t bounded_uint64(Pcg64& bits, uint64_t off, uint64_t range) {
  if (range == 0) return off;
  if (range <= 0xFFFFFFFFULL) {
    if (range == 0xFFFFFFFFULL) return off + bits.next_uint32();
    return off + bounded_lemire_uint32(bits, static_cast<uint32_t>(range));
  }
  if (range == std::numeric_limits<uint64_t>::max()) return off + bits.next_uint64();
  return off + bounded_lemire_uint64(bits, range);
}

}  // namespace pygraft::rt::random
