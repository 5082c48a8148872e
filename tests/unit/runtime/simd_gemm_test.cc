// runtime/simd_gemm.h: small products agree with a long double reference
// for every shape class (column tiles, single vectors, scalar columns,
// matrix @ vector, k = 0), propagate NaN and infinities, keep -0.0 sums as
// Eigen does, and give the same bits on every call; on every instruction
// set the CPU supports (for_each_simd_target).
#include "runtime/simd_gemm.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "runtime/simd_targets.h"

namespace pygraft::rt {
namespace {

template <class T>
std::vector<T> values(int64_t count, int seed) {
  std::vector<T> out(static_cast<size_t>(count));
  for (size_t i = 0; i < out.size(); ++i) {
    out[i] = static_cast<T>(static_cast<int>((i * 37 + static_cast<size_t>(seed) * 11) % 29) - 14) /
             T(7);
  }
  return out;
}

// Reference of c = a @ b (transposed_b: b is m x k) in long double.
template <class T>
std::vector<long double> reference(const std::vector<T>& a, const std::vector<T>& b, int64_t n,
                                   int64_t k, int64_t m, bool transposed_b) {
  std::vector<long double> c(static_cast<size_t>(n * m), 0.0L);
  for (int64_t i = 0; i < n; ++i) {
    for (int64_t j = 0; j < m; ++j) {
      long double sum = 0;
      for (int64_t p = 0; p < k; ++p) {
        const T bv =
            transposed_b ? b[static_cast<size_t>(j * k + p)] : b[static_cast<size_t>(p * m + j)];
        sum += static_cast<long double>(a[static_cast<size_t>(i * k + p)]) * bv;
      }
      c[static_cast<size_t>(i * m + j)] = sum;
    }
  }
  return c;
}

template <class T>
void expect_close_to_reference(int64_t n, int64_t k, int64_t m, bool transposed_b) {
  const std::vector<T> a = values<T>(n * k, 1), b = values<T>(k * m, 2);
  std::vector<T> c(static_cast<size_t>(n * m), T(99)), again = c;
  const bool done = transposed_b ? simd_gemm_bt(a.data(), b.data(), c.data(), n, k, m)
                                 : simd_gemm(a.data(), b.data(), c.data(), n, k, m);
  if (!done) return;  // not this kernel's shape (or no Highway): Eigen's
  (transposed_b ? simd_gemm_bt(a.data(), b.data(), again.data(), n, k, m)
                : simd_gemm(a.data(), b.data(), again.data(), n, k, m));
  const std::vector<long double> want = reference(a, b, n, k, m, transposed_b);
  const long double eps = std::numeric_limits<T>::epsilon();
  for (size_t i = 0; i < c.size(); ++i) {
    // Each term is at most 2 * 2 in magnitude: k terms, a few ulp each.
    EXPECT_NEAR(c[i], want[i], static_cast<double>(4 * eps * (static_cast<long double>(k) + 1)))
        << "n=" << n << " k=" << k << " m=" << m << " at " << i;
    EXPECT_EQ(std::signbit(c[i]), std::signbit(again[i]));
    EXPECT_TRUE(c[i] == again[i] || (std::isnan(c[i]) && std::isnan(again[i])));
  }
}

TEST(SimdGemm, EveryShapeClassMatchesTheReference) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    const int64_t sizes[] = {1, 2, 3, 7, 8, 15, 16, 17, 31, 32, 33, 64, 65, 100};
    for (int64_t n : {1, 2, 5}) {
      for (int64_t k : {0, 1, 3, 16, 33, 64}) {
        for (int64_t m : sizes) {
          expect_close_to_reference<float>(n, k, m, false);
          expect_close_to_reference<double>(n, k, m, false);
          expect_close_to_reference<float>(n, k, m, true);
          expect_close_to_reference<double>(n, k, m, true);
        }
      }
    }
  });
}

TEST(SimdGemm, RowVectorTimesWeightMatrixAndMatrixTimesVectorRun) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    // The RNN's products: (1 x 64) @ (64 x 256) and (256 x 64) @ (64 x 1).
    expect_close_to_reference<float>(1, 64, 256, false);
    expect_close_to_reference<float>(256, 64, 1, false);
    // Tiles of 16 vectors (AVX-512), then 8, then 1-7 split: every mix.
    for (int64_t m : {128, 256, 264, 400, 409}) {
      expect_close_to_reference<float>(1, 33, m, false);
      expect_close_to_reference<double>(1, 33, m, true);
    }
  });
}

TEST(SimdGemm, NaNAndInfinitiesPropagate) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    for (int64_t m : {1, 40}) {
      std::vector<double> a = values<double>(2 * 20, 5), b = values<double>(20 * m, 6);
      a[3] = std::numeric_limits<double>::quiet_NaN();                          // row 0
      a[20 + 4] = std::numeric_limits<double>::infinity();                      // row 1
      for (int64_t j = 0; j < m; ++j) b[static_cast<size_t>(4 * m + j)] = 1.0;  // inf * 1
      std::vector<double> c(static_cast<size_t>(2 * m));
      if (!simd_gemm(a.data(), b.data(), c.data(), 2, 20, m)) continue;
      for (int64_t j = 0; j < m; ++j) {
        EXPECT_TRUE(std::isnan(c[static_cast<size_t>(j)])) << m;
        EXPECT_EQ(c[static_cast<size_t>(m + j)], std::numeric_limits<double>::infinity()) << m;
      }
    }
  });
}

TEST(SimdGemm, SumsOfNegativeZerosStayNegative) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    for (int64_t m : {1, 3, 40}) {
      std::vector<float> a(4, -0.0f), b(static_cast<size_t>(4 * m), 1.0f),
          c(static_cast<size_t>(m));
      if (!simd_gemm(a.data(), b.data(), c.data(), 1, 4, m)) continue;
      for (float v : c) EXPECT_TRUE(v == 0.0f && std::signbit(v)) << m;
      b.assign(b.size(), -1.0f);  // -0 * -1 = +0: the sum is +0
      simd_gemm(a.data(), b.data(), c.data(), 1, 4, m);
      for (float v : c) EXPECT_TRUE(v == 0.0f && !std::signbit(v)) << m;
    }
  });
}

// ZeroSums::Positive gives Kept's result plus 0.0, bit for bit: only a sum of
// -0.0 products changes (to +0.0).
template <class T>
void expect_positive_zeros_are_kept_plus_zero(int64_t n, int64_t k, int64_t m, bool transposed_b) {
  std::vector<T> a = values<T>(n * k, 3), b = values<T>(k * m, 4);
  for (size_t i = 0; i < a.size(); i += 3) a[i] = -T(0);  // some -0.0 products, some all -0.0 sums
  if (!b.empty()) b[0] = -T(0);
  std::vector<T> kept(static_cast<size_t>(n * m)), positive = kept;
  auto run = [&](std::vector<T>& c, ZeroSums zeros) {
    return transposed_b ? simd_gemm_bt(a.data(), b.data(), c.data(), n, k, m, zeros)
                        : simd_gemm(a.data(), b.data(), c.data(), n, k, m, zeros);
  };
  if (!run(kept, ZeroSums::Kept)) return;
  run(positive, ZeroSums::Positive);
  for (size_t i = 0; i < kept.size(); ++i) {
    const T want = kept[i] + T(0);
    EXPECT_TRUE((std::isnan(want) && std::isnan(positive[i])) ||
                (want == positive[i] && std::signbit(want) == std::signbit(positive[i])))
        << "n=" << n << " k=" << k << " m=" << m << " at " << i;
  }
}

TEST(SimdGemm, PositiveZeroSumsAreKeptSumsPlusZero) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    for (int64_t n : {1, 3}) {
      for (int64_t k : {0, 1, 4, 33}) {
        for (int64_t m : {1, 5, 16, 40, 130}) {
          for (bool transposed_b : {false, true}) {
            expect_positive_zeros_are_kept_plus_zero<float>(n, k, m, transposed_b);
            expect_positive_zeros_are_kept_plus_zero<double>(n, k, m, transposed_b);
          }
        }
      }
    }
  });
}

}  // namespace
}  // namespace pygraft::rt
