// An array compared with one value (`labels == j`, `x > 0.5`: the masks of
// ML code) with runtime CPU dispatch (Google Highway, as runtime/simd_math.h).
// The rest of the runtime is compiled for baseline x86-64, where SSE2 has no
// 64-bit integer compare, so such a mask over int64 labels was an element at
// a time.
#pragma once

#include <cstdint>

namespace pygraft::rt {

enum class CompareOp;  // runtime/pyscalar.h

// out[i] = a[i] OP s for i in [0, n), with IEEE's (and NumPy's) rules: a
// NaN compares unequal to everything, and false under < <= > >=. False,
// having done nothing, when Highway was not there at build time.
bool simd_compare_scalar(CompareOp op, const float* a, float s, bool* out, int64_t n);
bool simd_compare_scalar(CompareOp op, const double* a, double s, bool* out, int64_t n);
bool simd_compare_scalar(CompareOp op, const int32_t* a, int32_t s, bool* out, int64_t n);
bool simd_compare_scalar(CompareOp op, const int64_t* a, int64_t s, bool* out, int64_t n);

}  // namespace pygraft::rt
