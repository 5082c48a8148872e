// PCG64 (O'Neill's PCG XSL RR 128/64), the bit generator behind NumPy's
// np.random.default_rng: a 128-bit linear congruential state and an odd
// increment, each output a xorshift-low then random rotation of the state.
// Also NumPy's 32-bit draws, which hand out the two halves of one 64-bit
// output in turn (the pending half is part of the state).
//
// Guarantees: bit for bit NumPy's numpy/random/src/pcg64 (pcg64_set_seed,
// pcg64_next64, pcg64_next32) for the same four seed words.
#pragma once

#include <array>
#include <cstdint>

namespace pygraft::rt::random {

// A plain copyable value: one generator's whole state. Note: the 128-bit
// numbers are kept as 64-bit halves so that the runtime's Value, which holds
// one, keeps 8-byte alignment.
struct Pcg64 {
  uint64_t state_high = 0, state_low = 0;
  uint64_t inc_high = 0, inc_low = 1;
  // The upper half of the last 64-bit output, not handed out yet.
  bool has_uint32 = false;
  uint32_t uinteger = 0;

  // NumPy's PCG64 seeding from SeedSequence's four words: state from words
  // 0-1, increment from words 2-3 (high word first).
  static Pcg64 from_seed_words(const std::array<uint64_t, 4>& words);

  uint64_t next_uint64();
  uint32_t next_uint32();
  // (next_uint64() >> 11) * 2^-53: a double in [0, 1).
  double next_double();

  bool operator==(const Pcg64&) const = default;

 private:
  void step();
};

}  // namespace pygraft::rt::random
