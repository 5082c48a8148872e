// The leaves of NumPy's pairwise summation (runtime/reduce_fold.h) summed
// several at a time with runtime CPU dispatch (Google Highway, as
// runtime/simd_math.h). One leaf's eight accumulators are a chain of
// dependent additions: summed alone, a leaf waits on the adder's latency;
// four leaves side by side keep it busy. The fused chain's
// `np.sum(y * y)` over 1e6 float32 spent 15 % of its time there.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pygraft::rt {

// sums[j * stride] = pairwise_sum(leaf j) for the `count` leaves laid end to
// end from x (leaf j has leaves[j] elements), of the squares x * x (each
// rounded, as the stored squares NumPy sums) when `squares`. The same
// value as pairwise_sum on each leaf, on every instruction set, bit for bit
// (a NaN for a NaN: which NaN a sum of NaNs carries is the compiler's
// choice of operand order, here as in NumPy). Fast for leaves of the
// pairwise tree (8 to 128 elements); any length is summed right.
void simd_leaf_sums(const float* x, const int64_t* leaves, size_t count, bool squares, float* sums,
                    size_t stride);
void simd_leaf_sums(const double* x, const int64_t* leaves, size_t count, bool squares,
                    double* sums, size_t stride);

}  // namespace pygraft::rt
