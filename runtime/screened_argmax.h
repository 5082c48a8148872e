// argmax(a @ b.T) without reading all of b each time: the index np.argmax
// gives on the product simd_gemm_bt computes, for a float32 vector a and a
// float32 matrix b that stays the same over many products (greedy decoding:
// `token = int(np.argmax(h @ emb.T))` every step).
//
// Screening, then exact: a copy of b with bfloat16 elements (half the
// bytes, made once) gives every row's dot product within a proven bound
// of the exact one; only the rows whose screened value can still be the
// largest are computed exactly, by the same kernel and in the same order
// as the full product, so the index is the one the full product gives
// (ties to the first row, as np.argmax). The bound, for rows of k terms:
//
//   |screened - exact| <= (2^-7 + 3 gamma_k) * ||a||_2 * ||b_r||_2   (x 1.25 here)
//
// (any change to the 16 bits below an element's bfloat16 truncation moves
// it by less than 2^-7 of itself; each
// float32 sum is within gamma_k = k u / (1 - k u), u = 2^-24, of its exact
// value; Cauchy-Schwarz bounds the sum of |a_i b_ri|), plus an absolute
// term for subnormals. Inputs with NaN, infinities or magnitudes near
// float32's limits are not screened.
//
// On a machine whose L2 cache delivers 32 bytes a cycle (Zen 4), a 256 KB
// embedding matrix takes 2.2 us to read each step, more than the rest of a
// decoding step; the screened copy halves that.
#pragma once

#include <cstdint>
#include <vector>

namespace pygraft::rt {

// The screened copy of one matrix, made by screened_argmax_bt at its first
// use. The caller keeps it for as long as the matrix's elements cannot
// change and calls reset() when they may have.
class ScreenedMatrix {
 public:
  void reset() { source_ = nullptr; }

 private:
  friend bool screened_argmax_bt(const float*, const float*, int64_t, int64_t, ScreenedMatrix&,
                                 int64_t&);
  bool prepare(const float* b, int64_t m, int64_t k);

  const float* source_ = nullptr;
  int64_t m_ = 0, k_ = 0;
  bool usable_ = false;
  float max_norm_ = 0;
  std::vector<uint32_t> packed_;
  std::vector<float> norms_;  // an upper bound of each row's 2-norm
};

// Sets index to argmax(a @ b.T) for a (k) and b (m x k), both float32 and
// contiguous, b the matrix `screen` holds (or will hold) a copy of. False,
// with index unset, when the screening cannot decide (non-finite or huge
// values, too many close rows, a k the kernels do not take, no Highway):
// the caller then computes the product.
bool screened_argmax_bt(const float* a, const float* b, int64_t m, int64_t k,
                        ScreenedMatrix& screen, int64_t& index);

}  // namespace pygraft::rt
