// runtime/simd_compare.h: every comparison, element type and length (vector
// body and tail) gives what a scalar loop gives, NaN, signed zeros,
// infinities and integer extremes included; on every instruction set the CPU
// supports (for_each_simd_target).
#include "runtime/simd_compare.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "runtime/pyscalar.h"
#include "runtime/simd_targets.h"

namespace pygraft::rt {
namespace {

template <class T>
bool reference(CompareOp op, T x, T s) {
  switch (op) {
    case CompareOp::Eq:
      return x == s;
    case CompareOp::Ne:
      return x != s;
    case CompareOp::Lt:
      return x < s;
    case CompareOp::Le:
      return x <= s;
    case CompareOp::Gt:
      return x > s;
    case CompareOp::Ge:
      break;
  }
  return x >= s;
}

// The values compared: small numbers around the scalars, and each type's
// special values.
template <class T>
std::vector<T> values() {
  using L = std::numeric_limits<T>;
  std::vector<T> v = {T(0), T(1), T(-1), T(2), T(3), L::max(), L::lowest()};
  if constexpr (std::is_floating_point_v<T>) {
    v.insert(v.end(), {-T(0), L::quiet_NaN(), L::infinity(), -L::infinity(), T(0.5), L::min(),
                       L::denorm_min()});
  }
  return v;
}

template <class T>
void check_every_comparison() {
  const std::vector<T> pool = values<T>();
  for (int op = 0; op <= static_cast<int>(CompareOp::Ge); ++op) {
    const auto cmp = static_cast<CompareOp>(op);
    for (T s : pool) {
      for (int64_t n = 0; n <= 70; n += (n < 20 ? 1 : 7)) {
        std::vector<T> a(static_cast<size_t>(n));
        for (size_t i = 0; i < a.size(); ++i)
          a[i] = pool[(i * 5 + static_cast<size_t>(n)) % pool.size()];
        // Note: 0x7f marks bytes the kernel must overwrite with 0 or 1.
        std::vector<unsigned char> raw(a.size() + 1, 0x7f);
        bool* out = reinterpret_cast<bool*>(raw.data());
        if (!simd_compare_scalar(cmp, a.data(), s, out, n)) return;  // no Highway
        for (size_t i = 0; i < a.size(); ++i) {
          ASSERT_EQ(raw[i], reference(cmp, a[i], s) ? 1 : 0)
              << "op " << op << " x=" << a[i] << " s=" << s << " n=" << n << " i=" << i;
        }
        ASSERT_EQ(raw[a.size()], 0x7f) << "wrote past n=" << n;
      }
    }
  }
}

TEST(SimdCompare, EveryOpTypeAndLengthIsTheScalarComparison) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    check_every_comparison<float>();
    check_every_comparison<double>();
    check_every_comparison<int32_t>();
    check_every_comparison<int64_t>();
  });
}

}  // namespace
}  // namespace pygraft::rt
