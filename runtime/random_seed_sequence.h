// NumPy's SeedSequence (numpy/random/bit_generator.pyx) for one
// non-negative integer seed and no spawn key: the seed's 32-bit words hashed
// into a pool of four words, from which generate_state draws the words a bit
// generator is seeded with.
//
// Guarantees: pcg64_seed_words(s) equals NumPy's
// SeedSequence(s).generate_state(4, np.uint64) for every s >= 0 below 2^63.
#pragma once

#include <array>
#include <cstdint>

namespace pygraft::rt::random {

// The four 64-bit words np.random.PCG64(seed) is seeded with.
std::array<uint64_t, 4> pcg64_seed_words(uint64_t seed);

}  // namespace pygraft::rt::random
