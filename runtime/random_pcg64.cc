#include "runtime/random_pcg64.h"

namespace pygraft::rt::random {

namespace {

using uint128 = unsigned __int128;

// PCG's default 128-bit LCG multiplier.
constexpr uint128 kMultiplier =
    (static_cast<uint128>(0x2360ED051FC65DA4ULL) << 64) | 0x4385DF649FCCF645ULL;

uint128 join(uint64_t high, uint64_t low) {
  return (static_cast<uint128>(high) << 64) | low;
}

}  // namespace

void Pcg64::step() {
  const uint128 next = join(state_high, state_low) * kMultiplier + join(inc_high, inc_low);
  state_high = static_cast<uint64_t>(next >> 64);
  state_low = static_cast<uint64_t>(next);
}

Pcg64 Pcg64::from_seed_words(const std::array<uint64_t, 4>& words) {
  Pcg64 rng;
  // pcg_setseq_128_srandom: state 0, inc = (seq << 1) | 1, step, add the
  // initial state, step.
  const uint128 inc = (join(words[2], words[3]) << 1) | 1U;
  rng.inc_high = static_cast<uint64_t>(inc >> 64);
  rng.inc_low = static_cast<uint64_t>(inc);
  rng.state_high = 0;
  rng.state_low = 0;
  rng.step();
  const uint128 state = join(rng.state_high, rng.state_low) + join(words[0], words[1]);
  rng.state_high = static_cast<uint64_t>(state >> 64);
  rng.state_low = static_cast<uint64_t>(state);
  rng.step();
  return rng;
}

uint64_t Pcg64::next_uint64() {
  step();
  // XSL RR: the two halves xor-ed, rotated right by the top 6 bits.
  const uint64_t folded = state_high ^ state_low;
  const unsigned rotation = static_cast<unsigned>(state_high >> 58);
  return (folded >> rotation) | (folded << ((64U - rotation) & 63U));
}

uint32_t Pcg64::next_uint32() {
  if (has_uint32) {
    has_uint32 = false;
    return uinteger;
  }
  const uint64_t next = next_uint64();
  has_uint32 = true;
  uinteger = static_cast<uint32_t>(next >> 32);
  return static_cast<uint32_t>(next);
}

double Pcg64::next_double() {
  return static_cast<double>(next_uint64() >> 11) * (1.0 / 9007199254740992.0);
}

}  // namespace pygraft::rt::random
