// NumPy's Generator distributions on a PCG64 (numpy/random/src/distributions/
// distributions.c): the same draws from the bit stream, so the same numbers.
//
// Guarantees: each function consumes exactly the bit-generator outputs
// NumPy's function of the same name does for the same arguments.
#pragma once

#include <cstdint>

#include "runtime/random_pcg64.h"

namespace pygraft::rt::random {

// random_standard_normal: the 256-level ziggurat on 64-bit draws.
double standard_normal(Pcg64& bits);

// random_bounded_uint64_fill for one value: off + a uniform draw from
// [0, range] (inclusive), by Lemire's method on 32-bit draws when range fits
// in 32 bits, on 64-bit draws otherwise.
uint64_t bounded_uint64(Pcg64& bits, uint64_t off, uint64_t range);

}  // namespace pygraft::rt::random
