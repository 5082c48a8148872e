// runtime/screened_argmax.h: whenever the screening answers, its index is
// np.argmax of the product simd_gemm_bt makes (the first of equal maxima),
// on every instruction set the CPU supports: random matrices of many
// shapes, exact ties between rows, rows a few ulps apart, all rows alike,
// tiny and subnormal values; NaN, infinities and huge values are refused;
// the screened copy follows the matrix it is given.
#include "runtime/screened_argmax.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "runtime/simd_gemm.h"
#include "runtime/simd_targets.h"

namespace pygraft::rt {
namespace {

// np.argmax of the full product: the first index of the largest value.
int64_t exact_argmax(const std::vector<float>& a, const std::vector<float>& b, int64_t m,
                     int64_t k) {
  std::vector<float> logits(static_cast<size_t>(m));
  EXPECT_TRUE(simd_gemm_bt(a.data(), b.data(), logits.data(), 1, k, m, ZeroSums::Positive));
  int64_t best = 0;
  for (int64_t r = 1; r < m; ++r) {
    if (logits[static_cast<size_t>(r)] > logits[static_cast<size_t>(best)]) best = r;
  }
  return best;
}

std::vector<float> normal(std::mt19937& rng, int64_t n, float scale) {
  std::normal_distribution<float> dist(0.0f, scale);
  std::vector<float> v(static_cast<size_t>(n));
  for (float& x : v) x = dist(rng);
  return v;
}

// Whether the target has the vectors screening needs (two lanes or more).
bool screens(const std::string& target) {
  return target != "none" && target != "EMU128" && target != "SCALAR";
}

// The screening's answer, when it gives one, is the exact argmax; returns
// whether it answered.
bool check(const std::vector<float>& a, const std::vector<float>& b, int64_t m, int64_t k,
           const std::string& what) {
  ScreenedMatrix screen;
  int64_t index = -1;
  if (!screened_argmax_bt(a.data(), b.data(), m, k, screen, index)) return false;
  EXPECT_EQ(index, exact_argmax(a, b, m, k)) << what;
  return true;
}

TEST(ScreenedArgmax, RandomMatricesGiveTheProductsArgmax) {
  for_each_simd_target([](const std::string& target) {
    std::mt19937 rng(7);
    int answered = 0, asked = 0;
    for (const int64_t k : {32, 64, 96, 128, 256}) {
      for (const int64_t m : {16, 17, 18, 19, 64, 1000, 1003}) {
        for (int trial = 0; trial < 6; ++trial) {
          const auto a = normal(rng, k, 0.5f);
          const auto b = normal(rng, m * k, 0.3f);
          ++asked;
          answered +=
              check(a, b, m, k, target + " m=" + std::to_string(m) + " k=" + std::to_string(k));
        }
      }
    }
    // Where the kernels take k (a multiple of twice the vector length),
    // random rows are far enough apart for the screening to decide.
    if (screens(target)) {
      EXPECT_GT(answered, asked / 2) << target;
    }
  });
}

TEST(ScreenedArgmax, EqualRowsGiveTheFirst) {
  for_each_simd_target([](const std::string& target) {
    std::mt19937 rng(11);
    const int64_t m = 1000, k = 64;
    for (int trial = 0; trial < 20; ++trial) {
      const auto a = normal(rng, k, 0.5f);
      auto b = normal(rng, m * k, 0.3f);
      const int64_t best = exact_argmax(a, b, m, k);
      // Copies of the best row before and after it, one in the same group
      // of four rows, one in the last rows (computed one by one).
      for (const int64_t at : {best / 2, best - best % 4, m - 1, int64_t{3}}) {
        if (at == best) continue;
        std::copy_n(b.begin() + best * k, k, b.begin() + at * k);
      }
      const bool answered = check(a, b, m, k, target + " copies");
      if (screens(target)) {
        EXPECT_TRUE(answered) << target;
      }
    }
  });
}

TEST(ScreenedArgmax, RowsAFewUlpsApart) {
  for_each_simd_target([](const std::string& target) {
    std::mt19937 rng(13);
    const int64_t m = 256, k = 64;
    for (int trial = 0; trial < 20; ++trial) {
      const auto a = normal(rng, k, 0.5f);
      auto b = normal(rng, m * k, 0.3f);
      const int64_t best = exact_argmax(a, b, m, k);
      // Rows that differ from the best in one element by one ulp either way.
      for (int64_t r = 0; r < m; r += 7) {
        if (r == best) continue;
        std::copy_n(b.begin() + best * k, k, b.begin() + r * k);
        float& x = b[static_cast<size_t>(r * k + trial % k)];
        x = std::nextafter(x, r % 2 == 0 ? 1.0f : -1.0f);
      }
      const bool answered = check(a, b, m, k, target + " ulps");
      if (screens(target)) {
        EXPECT_TRUE(answered) << target;
      }
    }
  });
}

// The bits below an element's bfloat16 truncation.
float with_low_bits(float x, uint32_t low) {
  return std::bit_cast<float>((std::bit_cast<uint32_t>(x) & 0xFFFF0000u) | low);
}

// A row whose exact product is larger than the best row's but whose
// screened one is smaller: every element that adds to the product gets
// its low 16 bits set (larger, the same truncation) and the first element
// loses one ulp below its truncation (a whole bfloat16 step less). Only
// the error bound keeps that row among the candidates.
TEST(ScreenedArgmax, RowsTheTruncationReordersAreFound) {
  for_each_simd_target([](const std::string& target) {
    std::mt19937 rng(31);
    const int64_t m = 400, k = 64;
    for (int trial = 0; trial < 20; ++trial) {
      const auto a = normal(rng, k, 0.5f);
      auto b = normal(rng, m * k, 0.3f);
      for (float& x : b) x = with_low_bits(x, 0);  // every row exact in bfloat16
      const int64_t best = exact_argmax(a, b, m, k);
      const int64_t other = (best + 1 + trial * 37) % m;
      float* row = b.data() + other * k;
      std::copy_n(b.begin() + best * k, k, row);
      int64_t first = -1;
      for (int64_t i = 0; i < k; ++i) {
        const float ai = a[static_cast<size_t>(i)];
        if (row[i] == 0.0f || (ai > 0) != (row[i] > 0)) continue;
        if (first < 0) {
          first = i;
          row[i] = std::nextafter(row[i], 0.0f);  // just below its truncation
        } else {
          row[i] = with_low_bits(row[i], 0xFFFFu);
        }
      }
      ASSERT_EQ(exact_argmax(a, b, m, k), other) << "the constructed row is the largest";
      const bool answered = check(a, b, m, k, target + " reordered");
      if (screens(target)) {
        EXPECT_TRUE(answered) << target;
      }
    }
  });
}

TEST(ScreenedArgmax, AllRowsAlikeAreRefusedOrRight) {
  std::mt19937 rng(17);
  const int64_t m = 512, k = 64;
  const auto a = normal(rng, k, 0.5f);
  const auto row = normal(rng, k, 0.3f);
  std::vector<float> b;
  for (int64_t r = 0; r < m; ++r) {
    for (int64_t i = 0; i < k; ++i)
      b.push_back(row[static_cast<size_t>(i)] * (1.0f + 1e-6f * (r % 5)));
  }
  check(a, b, m, k, "alike");  // too many candidates: refused; else right
}

TEST(ScreenedArgmax, TinyAndSubnormalValues) {
  std::mt19937 rng(19);
  const int64_t m = 300, k = 64;
  for (const float scale : {1e-20f, 1e-38f, 1e-42f}) {
    const auto a = normal(rng, k, 1.0f);
    const auto b = normal(rng, m * k, scale);
    check(a, b, m, k, "scale " + std::to_string(scale));
  }
  // Large but within the limits.
  const auto a = normal(rng, k, 1e6f);
  const auto b = normal(rng, m * k, 1e8f);
  check(a, b, m, k, "large");
}

TEST(ScreenedArgmax, NonFiniteAndHugeValuesAreRefused) {
  std::mt19937 rng(23);
  const int64_t m = 100, k = 64;
  auto a = normal(rng, k, 0.5f);
  auto b = normal(rng, m * k, 0.3f);
  ScreenedMatrix screen;
  int64_t index = -1;
  for (const float bad :
       {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(), 1e30f}) {
    auto with_bad = b;
    with_bad[500] = bad;
    screen.reset();
    EXPECT_FALSE(screened_argmax_bt(a.data(), with_bad.data(), m, k, screen, index)) << bad;
    auto a_bad = a;
    a_bad[3] = bad;
    screen.reset();
    if (bad != 1e30f) {
      EXPECT_FALSE(screened_argmax_bt(a_bad.data(), b.data(), m, k, screen, index)) << bad;
    }
  }
  // An odd k, and too few rows to be worth it.
  EXPECT_FALSE(screened_argmax_bt(a.data(), b.data(), 3, k, screen, index));
  EXPECT_FALSE(screened_argmax_bt(a.data(), b.data(), m / 2, 33, screen, index));
}

TEST(ScreenedArgmax, TheCopyFollowsTheMatrix) {
  std::mt19937 rng(29);
  const int64_t m = 200, k = 64;
  const auto a = normal(rng, k, 0.5f);
  auto b = normal(rng, m * k, 0.3f);
  auto c = normal(rng, m * k, 0.3f);
  ScreenedMatrix screen;
  int64_t index = -1;
  ASSERT_TRUE(screened_argmax_bt(a.data(), b.data(), m, k, screen, index));
  EXPECT_EQ(index, exact_argmax(a, b, m, k));
  ASSERT_TRUE(screened_argmax_bt(a.data(), c.data(), m, k, screen, index));  // another matrix
  EXPECT_EQ(index, exact_argmax(a, c, m, k));
  // The same matrix changed in place: the caller resets the copy.
  const int64_t before = exact_argmax(a, b, m, k);
  for (int64_t i = 0; i < k; ++i)
    b[static_cast<size_t>(((before + 1) % m) * k + i)] = 2.0f * a[static_cast<size_t>(i)];
  screen.reset();
  ASSERT_TRUE(screened_argmax_bt(a.data(), b.data(), m, k, screen, index));
  EXPECT_EQ(index, (before + 1) % m);
}

}  // namespace
}  // namespace pygraft::rt
