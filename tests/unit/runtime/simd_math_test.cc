// runtime/simd_math.h: vectorised exp/tanh within a few ulp of the C
// library, special values exactly as NumPy gives them, and the same bits for
// an element wherever it sits (vector body or padded tail); on every
// instruction set the CPU supports (for_each_simd_target).
#include "runtime/simd_math.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "runtime/simd_targets.h"

namespace pygraft::rt {
namespace {

template <class T>
int64_t ordered_bits(T v) {
  if constexpr (sizeof(T) == 4) {
    int32_t i;
    std::memcpy(&i, &v, 4);
    return i < 0 ? -int64_t{i & 0x7fffffff} : i;
  } else {
    int64_t i;
    std::memcpy(&i, &v, 8);
    return i < 0 ? -(i & 0x7fffffffffffffff) : i;
  }
}

template <class T>
int64_t ulp_distance(T a, T b) {
  return std::llabs(ordered_bits(a) - ordered_bits(b));
}

template <class T>
std::vector<T> sweep(T lo, T hi, int count) {
  std::vector<T> x;
  for (int i = 0; i < count; ++i) x.push_back(lo + (hi - lo) * static_cast<T>(i) / (count - 1));
  return x;
}

template <class T, class Simd, class Ref>
void expect_close(const std::vector<T>& x, Simd simd, Ref ref, int64_t max_ulp) {
  std::vector<T> y(x.size());
  simd(x.data(), y.data(), static_cast<int64_t>(x.size()));
  for (size_t i = 0; i < x.size(); ++i) {
    ASSERT_LE(ulp_distance(y[i], ref(x[i])), max_ulp)
        << "x=" << x[i] << " got " << y[i] << " want " << ref(x[i]) << " on " << simd_target_name();
  }
}

// for_each_simd_target really moves the kernels from one instruction set to
// the next (else the tests below would run the best one each time).
TEST(SimdMath, EachTargetRunsItsOwnCode) {
  std::vector<std::string> seen;
  for_each_simd_target([&](const std::string& target) {
    seen.push_back(simd_target_name());
    if (target != "none") {
      EXPECT_EQ(seen.back(), target);
    }
  });
  EXPECT_FALSE(seen.empty());
}

TEST(SimdMath, ExpIsWithinTwoUlpOfTheCLibrary) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    auto f32 = [](const float* in, float* out, int64_t n) { simd_exp(in, out, n); };
    auto f64 = [](const double* in, double* out, int64_t n) { simd_exp(in, out, n); };
    expect_close(
        sweep(-110.0f, 95.0f, 20011), f32, [](float v) { return std::exp(v); }, 2);
    expect_close(
        sweep(-760.0, 720.0, 20011), f64, [](double v) { return std::exp(v); }, 2);
  });
}

// float32 tanh is a rational function (runtime/simd_math.cc): every float
// was checked once at 5.5 ulp at worst with FMA and 6.5 without, near 7.5;
// 7 ulp is 4e-7 relative, far inside the SPEC's 1e-4 for float32. float64
// is Highway's Tanh.
TEST(SimdMath, TanhIsWithinSevenUlpOfTheCLibraryForFloat32AndFiveForFloat64) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    auto f32 = [](const float* in, float* out, int64_t n) { simd_tanh(in, out, n); };
    auto f64 = [](const double* in, double* out, int64_t n) { simd_tanh(in, out, n); };
    auto tanh32 = [](float v) { return std::tanh(v); };
    expect_close(sweep(-25.0f, 25.0f, 20011), f32, tanh32, 7);
    expect_close(sweep(6.5f, 9.5f, 30011), f32, tanh32, 7);  // where the error peaks
    expect_close(sweep(-1e-3f, 1e-3f, 2001), f32, tanh32, 7);
    expect_close(
        sweep(-25.0, 25.0, 20011), f64, [](double v) { return std::tanh(v); }, 5);
  });
}

// Exact against tanh rounded once from double (glibc's tanhf is itself off
// by an ulp near 1e-4): +-1 from 9.010914 on, x itself for small x.
TEST(SimdMath, Float32TanhIsExactWhereItSaturatesAndNearZero) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    std::vector<float> x = {9.010914f, -9.010914f, 9.5f, -12.0f, 1e-4f, -3e-5f, 1e-30f, 1e-40f};
    std::vector<float> y(x.size());
    simd_tanh(x.data(), y.data(), static_cast<int64_t>(x.size()));
    for (size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(y[i], static_cast<float>(std::tanh(static_cast<double>(x[i])))) << x[i];
    }
  });
}

// Positive values spread over many binades: log's inputs.
template <class T>
std::vector<T> log_spaced(T lo_exp, T hi_exp, int count) {
  std::vector<T> x;
  for (T e : sweep(lo_exp, hi_exp, count)) x.push_back(std::pow(T(10), e));
  return x;
}

TEST(SimdMath, LogIsWithinFourUlpOfTheCLibrary) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    auto f32 = [](const float* in, float* out, int64_t n) { simd_log(in, out, n); };
    auto f64 = [](const double* in, double* out, int64_t n) { simd_log(in, out, n); };
    expect_close(
        log_spaced(-37.0f, 38.0f, 20011), f32, [](float v) { return std::log(v); }, 4);
    expect_close(
        log_spaced(-300.0, 300.0, 20011), f64, [](double v) { return std::log(v); }, 4);
    expect_close(
        sweep(0.5f, 2.0f, 20011), f32, [](float v) { return std::log(v); }, 4);
    expect_close(
        sweep(0.5, 2.0, 20011), f64, [](double v) { return std::log(v); }, 4);
  });
}

// sqrt is correctly rounded on every path: the C library's bits exactly,
// special values (negative, -0.0, inf, NaN, subnormal) included.
template <class T>
void check_sqrt_bits() {
  std::vector<T> x = log_spaced(T(-30), T(30), 5003);
  for (T v : {T(0), -T(0), T(-1), std::numeric_limits<T>::infinity(),
              std::numeric_limits<T>::denorm_min(), std::numeric_limits<T>::max()}) {
    x.push_back(v);
  }
  std::vector<T> y(x.size());
  simd_sqrt(x.data(), y.data(), static_cast<int64_t>(x.size()));
  for (size_t i = 0; i < x.size(); ++i) {
    const T want = std::sqrt(x[i]);
    if (std::isnan(want)) {
      EXPECT_TRUE(std::isnan(y[i])) << x[i];
    } else {
      EXPECT_EQ(ordered_bits(y[i]), ordered_bits(want)) << "sqrt(" << x[i] << ")";
    }
  }
}

TEST(SimdMath, SqrtIsTheCLibrarysBitForBit) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    check_sqrt_bits<float>();
    check_sqrt_bits<double>();
  });
}

// abs clears the sign bit and nothing else, NaN's payload included, on
// the vector lanes and the tail alike.
template <class T>
void check_abs_bits() {
  std::vector<T> x = log_spaced(T(-30), T(30), 1001);
  for (T v : {T(0), -T(0), -std::numeric_limits<T>::infinity(),
              -std::numeric_limits<T>::denorm_min(), -std::numeric_limits<T>::quiet_NaN()}) {
    x.push_back(v);
  }
  for (size_t i = 0; i < x.size(); i += 2) x[i] = -x[i];
  std::vector<T> y(x.size());
  simd_abs(x.data(), y.data(), static_cast<int64_t>(x.size()));
  for (size_t i = 0; i < x.size(); ++i) {
    const T want = std::abs(x[i]);
    EXPECT_EQ(std::memcmp(&y[i], &want, sizeof(T)), 0) << "abs(" << x[i] << ")";
  }
}

TEST(SimdMath, AbsIsTheCLibrarysBitForBit) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    check_abs_bits<float>();
    check_abs_bits<double>();
  });
}

template <class T>
void check_special_values() {
  const T inf = std::numeric_limits<T>::infinity();
  const T nan = std::numeric_limits<T>::quiet_NaN();
  const T big = sizeof(T) == 4 ? T(100) : T(800);     // exp overflows
  const T tiny = sizeof(T) == 4 ? T(-100) : T(-740);  // exp is subnormal
  std::vector<T> x = {nan, inf, -inf, T(0), -T(0), big, -big * 20, tiny};
  x.push_back(std::numeric_limits<T>::denorm_min());  // log of a subnormal
  x.push_back(-std::numeric_limits<T>::denorm_min());
  std::vector<T> e(x.size()), t(x.size()), l(x.size());
  simd_exp(x.data(), e.data(), static_cast<int64_t>(x.size()));
  simd_tanh(x.data(), t.data(), static_cast<int64_t>(x.size()));
  simd_log(x.data(), l.data(), static_cast<int64_t>(x.size()));
  for (size_t i = 0; i < x.size(); ++i) {
    const T want_e = std::exp(x[i]), want_t = std::tanh(x[i]), want_l = std::log(x[i]);
    if (std::isnan(want_l)) {
      EXPECT_TRUE(std::isnan(l[i])) << x[i];
    } else if (!(x[i] > 0 && std::isfinite(x[i]) && x[i] >= std::numeric_limits<T>::min())) {
      EXPECT_EQ(l[i], want_l) << "log(" << x[i] << ")";  // outside the polynomial's range
    }
    if (std::isnan(want_e)) {
      EXPECT_TRUE(std::isnan(e[i])) << x[i];
    } else {
      EXPECT_EQ(e[i], want_e) << "exp(" << x[i] << ")";
    }
    if (std::isnan(want_t)) {
      EXPECT_TRUE(std::isnan(t[i])) << x[i];
    } else {
      EXPECT_EQ(t[i], want_t) << "tanh(" << x[i] << ")";
      EXPECT_EQ(std::signbit(t[i]), std::signbit(want_t)) << "tanh(" << x[i] << ")";
    }
  }
}

TEST(SimdMath, SpecialValuesAreTheCLibrarys) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    check_special_values<float>();
    check_special_values<double>();
  });
}

// An element gives the same bits in a vector body, in a tail of any length
// and in place.
template <class T>
void check_position_independence() {
  std::vector<T> x = sweep(T(-3), T(3), 67);
  std::vector<T> whole(x.size());
  simd_tanh(x.data(), whole.data(), static_cast<int64_t>(x.size()));
  for (size_t n = 0; n <= x.size(); ++n) {
    std::vector<T> part(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(n));
    simd_tanh(part.data(), part.data(), static_cast<int64_t>(n));  // in place
    for (size_t i = 0; i < n; ++i) {
      ASSERT_EQ(ordered_bits(part[i]), ordered_bits(whole[i])) << "n=" << n << " i=" << i;
    }
  }
}

TEST(SimdMath, ResultsDoNotDependOnPositionOrLength) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    check_position_independence<float>();
    check_position_independence<double>();
  });
}

// max/min: every length (the four-vector body, single vectors, the tail),
// NaN anywhere (in each of the four accumulators) gives the first NaN,
// infinities, and the values a scalar loop finds.
template <class T>
void check_extrema() {
  const T nan = std::numeric_limits<T>::quiet_NaN();
  const T inf = std::numeric_limits<T>::infinity();
  for (int64_t n = 1; n <= 200; ++n) {
    std::vector<T> x = sweep(T(-5), T(7), static_cast<int>(n) + 1);
    x.resize(static_cast<size_t>(n));
    for (size_t i = 0; i < x.size(); ++i) x[i] = x[(i * 7) % x.size()] * (i % 2 ? T(1) : T(-1));
    T want_max = x[0], want_min = x[0];
    for (T v : x) {
      want_max = v > want_max ? v : want_max;
      want_min = v < want_min ? v : want_min;
    }
    ASSERT_EQ(simd_reduce_max(x.data(), n), want_max) << "n=" << n;
    ASSERT_EQ(simd_reduce_min(x.data(), n), want_min) << "n=" << n;
    x[static_cast<size_t>(n - 1)] = inf;
    x[0] = -inf;
    ASSERT_EQ(simd_reduce_max(x.data(), n), n == 1 ? -inf : inf) << "n=" << n;
    ASSERT_EQ(simd_reduce_min(x.data(), n), -inf) << "n=" << n;
    for (int64_t at : {int64_t{0}, n / 3, n / 2, 2 * n / 3, n - 1, int64_t{33}, int64_t{50},
                       int64_t{71}, int64_t{90}}) {
      if (at >= n) continue;
      std::vector<T> y = x;
      y[static_cast<size_t>(at)] = nan;
      EXPECT_TRUE(std::isnan(simd_reduce_max(y.data(), n))) << "n=" << n << " at " << at;
      EXPECT_TRUE(std::isnan(simd_reduce_min(y.data(), n))) << "n=" << n << " at " << at;
    }
  }
}

TEST(SimdMath, MaxAndMinPropagateNaNAndMatchAScalarLoop) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    check_extrema<float>();
    check_extrema<double>();
  });
}

// max/min of |x| (fused `np.max(np.abs(u))`): every length, signed zeros,
// infinities, subnormals, and NaN anywhere (the first NaN's |x|, its
// payload kept), against a scalar loop over std::abs.
template <class T>
void check_extrema_of_abs() {
  using L = std::numeric_limits<T>;
  const T nan = L::quiet_NaN();
  const T other_nan = std::bit_cast<T>(
      std::bit_cast<std::conditional_t<sizeof(T) == 4, uint32_t, uint64_t>>(nan) | 1);
  for (int64_t n = 1; n <= 150; ++n) {
    std::vector<T> x = sweep(T(-5), T(7), static_cast<int>(n) + 1);
    x.resize(static_cast<size_t>(n));
    for (size_t i = 0; i < x.size(); ++i) x[i] = x[(i * 7) % x.size()] * (i % 2 ? T(1) : T(-1));
    if (n > 4) x[3] = -T(0), x[1] = L::denorm_min(), x[2] = -L::denorm_min();
    for (bool is_max : {true, false}) {
      auto want = [&](const std::vector<T>& v) {
        T best = std::abs(v[0]);
        for (T e : v) {
          if (e != e) return std::abs(e);
        }
        for (T e : v) best = is_max ? std::max(best, std::abs(e)) : std::min(best, std::abs(e));
        return best;
      };
      auto same = [](T a, T b) { return std::memcmp(&a, &b, sizeof(T)) == 0; };
      ASSERT_TRUE(same(simd_reduce_extremum_abs(x.data(), n, is_max), want(x)))
          << "n=" << n << " max=" << is_max;
      std::vector<T> y = x;
      y[static_cast<size_t>(n / 2)] = -L::infinity();
      ASSERT_TRUE(same(simd_reduce_extremum_abs(y.data(), n, is_max), want(y)))
          << "n=" << n << " max=" << is_max << " with -inf";
      for (int64_t at : {int64_t{0}, n / 3, n - 1, int64_t{17}, int64_t{64}}) {
        if (at >= n) continue;
        std::vector<T> z = x;
        z[static_cast<size_t>(at)] = -other_nan;
        if (at + 1 < n) z[static_cast<size_t>(at + 1)] = nan;
        ASSERT_TRUE(same(simd_reduce_extremum_abs(z.data(), n, is_max), want(z)))
            << "n=" << n << " max=" << is_max << " NaN at " << at;
      }
    }
  }
}

TEST(SimdMath, ExtremaOfAbsAreTheScalarLoops) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    check_extrema_of_abs<float>();
    check_extrema_of_abs<double>();
  });
}

// simd_binary_blocks: every operand form (own block, repeated run, one value)
// against a scalar loop over the same layout, bit for bit, with special values.
template <class T>
T block_value(const SimdBlockOperand<T>& x, int64_t o, int64_t k, int64_t run) {
  const T* base = x.data + o * x.step;
  if (x.repeat == SimdRepeat::Block) return base[k];
  if (x.repeat == SimdRepeat::Run) return base[k % run];
  return *base;
}

template <class T>
void check_binary_blocks() {
  const T nan = std::numeric_limits<T>::quiet_NaN(), inf = std::numeric_limits<T>::infinity();
  // Note: room for 5 blocks of up to 4 x 9 elements from offsets 0 and 40.
  std::vector<T> pool = sweep(T(-4), T(4), 240);
  pool[5] = nan;
  pool[11] = inf;
  pool[17] = -T(0);
  pool[23] = T(0);
  const SimdRepeat forms[] = {SimdRepeat::Block, SimdRepeat::Run, SimdRepeat::Value};
  for (int64_t run : {int64_t{1}, int64_t{2}, int64_t{4}}) {
    if (16 % (run * static_cast<int64_t>(sizeof(T))) != 0) continue;
    for (int64_t count : {int64_t{1}, int64_t{3}, int64_t{8}, int64_t{9}}) {
      const int64_t blocks = 5, n = run * count;
      for (SimdRepeat fa : forms) {
        for (SimdRepeat fb : forms) {
          for (int op = 0; op <= static_cast<int>(SimdBinary::Div); ++op) {
            auto step_of = [&](SimdRepeat f) {
              return f == SimdRepeat::Block ? n : f == SimdRepeat::Run ? run : 1;
            };
            const SimdBlockOperand<T> a{pool.data(), step_of(fa), fa};
            const SimdBlockOperand<T> b{pool.data() + 40, step_of(fb), fb};
            std::vector<T> got(static_cast<size_t>(blocks * n));
            simd_binary_blocks(static_cast<SimdBinary>(op), a, b, got.data(), blocks, run, count);
            for (int64_t o = 0; o < blocks; ++o) {
              for (int64_t k = 0; k < n; ++k) {
                const T x = block_value(a, o, k, run), y = block_value(b, o, k, run);
                const T want = op == 0 ? x + y : op == 1 ? x - y : op == 2 ? x * y : x / y;
                ASSERT_EQ(ordered_bits(got[static_cast<size_t>(o * n + k)]), ordered_bits(want))
                    << "op " << op << " run " << run << " count " << count << " o " << o << " k "
                    << k;
              }
            }
          }
        }
      }
    }
  }
}

TEST(SimdMath, BinaryBlocksAreTheElementOperation) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    check_binary_blocks<float>();
    check_binary_blocks<double>();
  });
}

// simd_sum_short_rows: init + (((0 + x0) + x1) + ...) per row, bit for bit,
// for every row count around the vector length and lengths 2-4, with NaN,
// inf and signed zeros (0 + -0.0 is +0.0, as the scalar fold gives).
template <class T>
void check_sum_short_rows() {
  std::vector<T> pool = sweep(T(-3), T(3), 211);
  pool[3] = std::numeric_limits<T>::quiet_NaN();
  pool[8] = std::numeric_limits<T>::infinity();
  pool[0] = pool[1] = -T(0);
  for (int64_t length = 2; length <= 4; ++length) {
    for (int64_t rows = 0; rows <= 40; ++rows) {
      for (T init : {T(0), T(-0.0), T(1.5)}) {
        std::vector<T> got(static_cast<size_t>(rows) + 1, T(7));
        simd_sum_short_rows(pool.data(), rows, length, init, got.data());
        for (int64_t r = 0; r < rows; ++r) {
          T sum = 0;
          for (int64_t i = 0; i < length; ++i) sum += pool[static_cast<size_t>(r * length + i)];
          ASSERT_EQ(ordered_bits(got[static_cast<size_t>(r)]), ordered_bits(T(init + sum)))
              << "length " << length << " rows " << rows << " r " << r;
        }
        ASSERT_EQ(got[static_cast<size_t>(rows)], T(7)) << "wrote past the rows";
      }
    }
  }
}

TEST(SimdMath, SumsOfShortRowsAreTheScalarFold) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    check_sum_short_rows<float>();
    check_sum_short_rows<double>();
  });
}

// simd_find_equal: the first match at every position of every length
// (vector body and tail), equal zeros of either sign, and n when absent.
template <class T>
void check_find_equal() {
  for (int64_t n = 0; n <= 70; ++n) {
    std::vector<T> x = sweep(T(-5), T(5), static_cast<int>(n) + 2);
    x.resize(static_cast<size_t>(n));
    ASSERT_EQ(simd_find_equal(x.data(), n, T(99)), n) << "n=" << n;
    for (int64_t at = 0; at < n; ++at) {
      std::vector<T> y = x;
      y[static_cast<size_t>(at)] = T(99);
      if (at + 1 < n) y[static_cast<size_t>(n - 1)] = T(99);  // a later match too
      ASSERT_EQ(simd_find_equal(y.data(), n, T(99)), at) << "n=" << n << " at " << at;
      y[static_cast<size_t>(at)] = -T(0);
      int64_t first_zero = 0;
      while (y[static_cast<size_t>(first_zero)] != T(0)) ++first_zero;
      ASSERT_EQ(simd_find_equal(y.data(), n, T(0)), first_zero) << "n=" << n << " at " << at;
    }
  }
}

TEST(SimdMath, FindEqualGivesTheFirstMatch) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    check_find_equal<float>();
    check_find_equal<double>();
  });
}

// simd_arg_best_rows: NumPy's argmax/argmin per row (first extremum, first
// NaN, -0.0 == +0.0) for every row length a vector holds and row counts
// around the vector length, against a scalar scan.
template <class T>
int64_t first_best(const T* x, int64_t n, bool is_max) {
  int64_t best = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (std::isnan(x[i])) return i;
    if (is_max ? x[i] > x[best] : x[i] < x[best]) best = i;
  }
  return best;
}

template <class T>
void check_arg_best_rows() {
  const T nan = std::numeric_limits<T>::quiet_NaN(), inf = std::numeric_limits<T>::infinity();
  const T pool[] = {T(1), T(-2), T(0), -T(0), T(3), T(3), nan, inf, -inf, T(0.5), T(-2), T(7)};
  const size_t pool_size = std::size(pool);
  for (int64_t n = 1; n <= 17; ++n) {
    for (int64_t rows = 0; rows <= 19; ++rows) {
      std::vector<T> x(static_cast<size_t>(rows * n));
      for (size_t i = 0; i < x.size(); ++i)
        x[i] = pool[(i * 7 + static_cast<size_t>(n)) % pool_size];
      for (bool is_max : {false, true}) {
        std::vector<int64_t> got(static_cast<size_t>(rows) + 1, -7);
        if (!simd_arg_best_rows(x.data(), rows, n, is_max, got.data())) continue;
        for (int64_t r = 0; r < rows; ++r) {
          ASSERT_EQ(got[static_cast<size_t>(r)], first_best(x.data() + r * n, n, is_max))
              << "n=" << n << " rows=" << rows << " r=" << r << " max=" << is_max;
        }
        ASSERT_EQ(got[static_cast<size_t>(rows)], -7) << "wrote past the rows";
      }
    }
  }
}

TEST(SimdMath, ArgBestOfRowsIsNumPysRule) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    check_arg_best_rows<float>();
    check_arg_best_rows<double>();
  });
}

}  // namespace
}  // namespace pygraft::rt
