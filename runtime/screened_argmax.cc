#include "runtime/screened_argmax.h"

#include <array>
#include <cmath>
#include <limits>

#include "runtime/simd_gemm.h"
#include "runtime/simd_math.h"

namespace pygraft::rt {
namespace {

constexpr double kUnitRoundoff = 0x1p-24;  // float32
constexpr int64_t kMaxCandidates = 64;     // more: the rows are too close to screen
constexpr int64_t kMinRows = 16;           // fewer: the full product costs little
// Beyond these the bounds' products could overflow float32.
constexpr double kMaxRowNorm = 1e18, kMaxBound = 1e36;

// gamma_n: the relative error bound of a float32 sum of n terms (Higham);
// n counts the roundings a term sees, with a few to spare for the folds.
double gamma(int64_t k) {
  const double n = static_cast<double>(k + 8) * kUnitRoundoff;
  return n / (1.0 - n);
}

// The float at or above x.
float round_up(double x) {
  float f = static_cast<float>(x);
  if (static_cast<double>(f) < x) f = std::nextafter(f, std::numeric_limits<float>::infinity());
  return f;
}

// The float at or below x.
float round_down(double x) {
  float f = static_cast<float>(x);
  if (static_cast<double>(f) > x) f = std::nextafter(f, -std::numeric_limits<float>::infinity());
  return f;
}

}  // namespace

bool ScreenedMatrix::prepare(const float* b, int64_t m, int64_t k) {
  source_ = b;
  m_ = m;
  k_ = k;
  usable_ = false;
  packed_.resize(static_cast<size_t>(m * (k / 2)));
  norms_.resize(static_cast<size_t>(m));
  if (!simd_screen_pack(b, m, k, packed_.data(), norms_.data())) return false;
  // norms_ holds float32 sums of squares (non-finite when b has a NaN, an
  // infinity or a huge element); each becomes an upper bound of the row's
  // 2-norm: the sum's rounding and underflow taken out, the square root's
  // rounding covered.
  // Note: two loops the compiler vectorises (this file is built with
  // -fno-math-errno). Each float operation of the second rounds by at most
  // 2^-24 of its result, which the factors' extra 2^-20 cover.
  float largest = 0;
  for (const float sum : norms_) largest = std::max(largest, sum);  // NaN: never taken
  bool finite = true;
  for (const float sum : norms_) finite &= sum <= largest;
  if (!finite || !(largest <= std::numeric_limits<float>::max())) return false;
  const auto grow_sum = static_cast<float>(1.0 / (1.0 - 2.0 * gamma(k)) + 0x1p-20);
  const auto underflow = static_cast<float>(static_cast<double>(k) * 0x1p-149 + 0x1p-120);
  constexpr float kGrowRoot = 1.0f + 0x1p-20f, kTiny = 0x1p-60f;
  for (float& norm : norms_) norm = std::sqrt(norm * grow_sum + underflow) * kGrowRoot + kTiny;
  max_norm_ = std::sqrt(largest * grow_sum + underflow) * kGrowRoot + kTiny;
  usable_ = max_norm_ <= kMaxRowNorm;
  return usable_;
}

bool screened_argmax_bt(const float* a, const float* b, int64_t m, int64_t k,
                        ScreenedMatrix& screen, int64_t& index) {
  if (m < kMinRows || k < 2) return false;
  if (screen.source_ != b || screen.m_ != m || screen.k_ != k) screen.prepare(b, m, k);
  if (!screen.usable_) return false;
  // In double, four sums side by side (a chain of k dependent additions
  // would wait on the adder), error far below the bounds' margins.
  std::array<double, 4> squares{}, magnitudes{};
  int64_t i = 0;
  for (; i + 4 <= k; i += 4) {
    for (size_t j = 0; j < 4; ++j) {
      const double x = a[i + static_cast<int64_t>(j)];
      squares[j] += x * x;
      magnitudes[j] += std::abs(x);
    }
  }
  for (; i < k; ++i) {
    squares[0] += static_cast<double>(a[i]) * a[i];
    magnitudes[0] += std::abs(static_cast<double>(a[i]));
  }
  const double norm2 = (squares[0] + squares[1]) + (squares[2] + squares[3]);
  const double norm1 = (magnitudes[0] + magnitudes[1]) + (magnitudes[2] + magnitudes[3]);
  if (!std::isfinite(norm2)) return false;
  const double a_norm = std::sqrt(norm2) * (1.0 + 1e-12);
  const double max_norm = screen.max_norm_;
  if (a_norm * max_norm > kMaxBound) return false;

  thread_local std::vector<float> approx;
  approx.resize(static_cast<size_t>(m));
  if (!simd_screen_dots(a, screen.packed_.data(), m, k, approx.data())) return false;
  const float best = simd_reduce_max(approx.data(), m);
  const int64_t best_row = simd_find_equal(approx.data(), m, best);
  if (best_row < 0) return false;

  // Row r's bound: scale * norms[r] + eta. Rows whose screened value plus
  // bound stays below the best row's screened value minus its bound cannot
  // have the largest exact value. `margin` covers the rounding of the
  // candidates' test (one multiply-add, or two roundings without FMA).
  const double scale = round_up(1.25 * (0x1p-7 + 3.0 * gamma(k)) * a_norm);
  const double eta = (norm1 + 1.0) * 0x1p-100;
  const double best_bound = scale * static_cast<double>(screen.norms_[best_row]) + eta;
  const double magnitude = 1.01 * a_norm * max_norm + scale * max_norm;
  const double margin = 0x1p-21 * magnitude + 2.0 * eta;
  const float threshold = round_down(static_cast<double>(best) - best_bound - eta - margin);
  std::array<int64_t, kMaxCandidates> rows;
  const int64_t count =
      simd_screen_candidates(approx.data(), screen.norms_.data(), m, static_cast<float>(scale),
                             threshold, rows.data(), kMaxCandidates);
  if (count < 1 || count > kMaxCandidates) return false;

  // The candidates exactly, each in the group of rows simd_gemm_bt computes
  // it with in the full product (four at a time, the last m % 4 alone), so
  // its value has the full product's bits.
  std::array<float, 4> values{};
  int64_t group = -1, chosen = -1;
  float chosen_value = 0;
  for (int64_t c = 0; c < count; ++c) {
    const int64_t r = rows[static_cast<size_t>(c)];
    const int64_t start = r - r % 4;
    if (start != group) {
      const int64_t rows_in_group = start + 4 <= m ? 4 : m - start;
      if (!simd_gemm_bt(a, b + start * k, values.data(), 1, k, rows_in_group, ZeroSums::Positive)) {
        return false;
      }
      group = start;
    }
    const float value = values[static_cast<size_t>(r - start)];
    if (chosen < 0 || value > chosen_value) {
      chosen = r;
      chosen_value = value;
    }
  }
  index = chosen;
  return true;
}

}  // namespace pygraft::rt
