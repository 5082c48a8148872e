// Vectorised exp and tanh for float32 / float64 arrays, with runtime CPU
// dispatch: one binary uses AVX-512 or AVX2 where the CPU has them and SSE
// elsewhere (Google Highway's dynamic dispatch; Debian libhwy-dev). Without
// Highway at build time they are loops over the C library's functions.
//
// Accuracy: within 4 ulp of the correctly rounded result (Highway's
// contrib/math: exp 1 ulp, tanh 4 ulp), like NumPy's own SIMD loops, which
// also differ from glibc in the last bits. Elements outside the polynomial's
// range (NaN, infinities, overflow, subnormal results) are computed by the C
// library, so special values are exactly NumPy's.
//
// `out` may equal `in`. The same input gives the same bits on every run of a
// given CPU; CPUs of different vector widths may differ in the last ulp.
#pragma once

#include <cstdint>

namespace pygraft::rt {

void simd_exp(const float* in, float* out, int64_t n);
void simd_exp(const double* in, double* out, int64_t n);
void simd_tanh(const float* in, float* out, int64_t n);
void simd_tanh(const double* in, double* out, int64_t n);

// The instruction set the dispatch chose on this CPU ("AVX3", "AVX2",
// "SSE4", ...; "C library" without Highway): for benchmarks and --version.
const char* simd_target_name();

}  // namespace pygraft::rt
