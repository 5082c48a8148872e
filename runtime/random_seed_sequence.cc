#include "runtime/random_seed_sequence.h"

#include <cstddef>
#include <vector>

namespace pygraft::rt::random {

namespace {

constexpr int kPoolSize = 4;
constexpr uint32_t kInitA = 0x43b0d7e5;
constexpr uint32_t kMultA = 0x931e8875;
constexpr uint32_t kInitB = 0x8b51f9dd;
constexpr uint32_t kMultB = 0x58f38ded;
constexpr uint32_t kMixMultL = 0xca01f9dd;
constexpr uint32_t kMixMultR = 0x4973f715;
constexpr int kXShift = 16;

// The seed as little-endian 32-bit words; 0 is one word.
std::vector<uint32_t> entropy_words(uint64_t seed) {
  std::vector<uint32_t> words;
  do {
    words.push_back(static_cast<uint32_t>(seed));
    seed >>= 32;
  } while (seed != 0);
  return words;
}

// One value through the running hash constant (which advances).
uint32_t hashmix(uint32_t value, uint32_t& hash_const) {
  value ^= hash_const;
  hash_const *= kMultA;
  value *= hash_const;
  value ^= value >> kXShift;
  return value;
}

uint32_t mix(uint32_t x, uint32_t y) {
  uint32_t result = kMixMultL * x - kMixMultR * y;
  result ^= result >> kXShift;
  return result;
}

std::array<uint32_t, kPoolSize> mix_entropy(const std::vector<uint32_t>& entropy) {
  std::array<uint32_t, kPoolSize> pool{};
  uint32_t hash_const = kInitA;
  for (std::size_t i = 0; i < pool.size(); ++i) {
    pool[i] = hashmix(i < entropy.size() ? entropy[i] : 0U, hash_const);
  }
  for (std::size_t src = 0; src < pool.size(); ++src) {
    for (std::size_t dst = 0; dst < pool.size(); ++dst) {
      if (src != dst) pool[dst] = mix(pool[dst], hashmix(pool[src], hash_const));
    }
  }
  for (std::size_t src = pool.size(); src < entropy.size(); ++src) {
    for (std::size_t dst = 0; dst < pool.size(); ++dst) {
      pool[dst] = mix(pool[dst], hashmix(entropy[src], hash_const));
    }
  }
  return pool;
}

}  // namespace

std::array<uint64_t, 4> pcg64_seed_words(uint64_t seed) {
  const std::array<uint32_t, kPoolSize> pool = mix_entropy(entropy_words(seed));
  std::array<uint32_t, 8> state{};
  uint32_t hash_const = kInitB;
  for (std::size_t i = 0; i < state.size(); ++i) {
    uint32_t value = pool[i % pool.size()];
    value ^= hash_const;
    hash_const *= kMultB;
    value *= hash_const;
    value ^= value >> kXShift;
    state[i] = value;
  }
  std::array<uint64_t, 4> words{};
  for (std::size_t i = 0; i < words.size(); ++i) {
    words[i] =
        static_cast<uint64_t>(state[2 * i]) | (static_cast<uint64_t>(state[2 * i + 1]) << 32);
  }
  return words;
}

}  // namespace pygraft::rt::random
