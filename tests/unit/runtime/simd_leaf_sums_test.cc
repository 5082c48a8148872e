// runtime/simd_leaf_sums.h: the leaves of NumPy's pairwise tree summed
// several at a time give, leaf by leaf, the bits pairwise_sum gives (the
// eight accumulators, their combination order, the tail one by one), for
// sums and sums of squares, leaves of every length from 0 to 200 side by
// side, NaN, infinities, signed zeros and subnormals included; on every
// instruction set the CPU supports.
#include "runtime/simd_leaf_sums.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "runtime/reduce_fold.h"
#include "runtime/simd_targets.h"

namespace pygraft::rt {
namespace {

template <class T>
auto bits_of(T x) {
  if constexpr (sizeof(T) == 4) {
    return std::bit_cast<uint32_t>(x);
  } else {
    return std::bit_cast<uint64_t>(x);
  }
}

// Leaves of the given lengths laid end to end over values drawn from `pool`
// (every tenth element one of the special values when `special`): each
// leaf's sum, at stride 3 (the fused kernel interleaves its outputs' sums),
// must be pairwise_sum's.
template <class T>
void check_leaves(const std::vector<int64_t>& leaves, bool special, std::mt19937& rng) {
  using L = std::numeric_limits<T>;
  const T specials[] = {L::quiet_NaN(), L::infinity(),   -L::infinity(),
                        -T(0),          L::denorm_min(), L::max()};
  const int64_t total = std::accumulate(leaves.begin(), leaves.end(), int64_t{0});
  std::vector<T> x(static_cast<size_t>(total));
  std::uniform_real_distribution<double> uniform(-3.0, 3.0);
  for (size_t i = 0; i < x.size(); ++i) {
    x[i] = special && i % 10 == 3 ? specials[rng() % std::size(specials)] : T(uniform(rng));
  }
  constexpr size_t kStride = 3;
  for (bool squares : {false, true}) {
    std::vector<T> sums(leaves.size() * kStride, T(42));
    simd_leaf_sums(x.data(), leaves.data(), leaves.size(), squares, sums.data(), kStride);
    const T* leaf = x.data();
    for (size_t j = 0; j < leaves.size(); leaf += leaves[j], ++j) {
      const T expected =
          squares ? pairwise_sum(leaf, leaves[j], Square{}) : pairwise_sum(leaf, leaves[j]);
      const T got = sums[j * kStride];
      // Note: a NaN only as a NaN: which of two NaNs a sum carries depends
      // on the compiler's operand order (in NumPy's build too).
      if (std::isnan(expected) && std::isnan(got)) continue;
      ASSERT_EQ(bits_of(got), bits_of(expected))
          << "leaf " << j << " of " << leaves.size() << " (length " << leaves[j]
          << ") squares=" << squares << ": " << got << " != " << expected;
      ASSERT_EQ(sums[j * kStride + 1], T(42)) << "wrote between the strided sums";
    }
  }
}

template <class T>
void check_all_lengths() {
  std::mt19937 rng(7);
  // The pairwise tree's own leaves (1e6 elements: 120s and 128s in runs of
  // one and three), then random lengths short and long side by side, so
  // groups of eight, four and one all meet leaves that end apart.
  std::vector<int64_t> tree;
  pairwise_leaves(1000003, tree);
  check_leaves<T>(tree, false, rng);
  for (int round = 0; round < 60; ++round) {
    std::vector<int64_t> leaves(rng() % 20);
    for (int64_t& n : leaves) n = round % 3 == 0 ? int64_t(rng() % 12) : int64_t(rng() % 201);
    check_leaves<T>(leaves, round % 2 == 1, rng);
  }
}

TEST(SimdLeafSums, EveryLeafHasPairwiseSumsBits) {
  for_each_simd_target([&](const std::string& target) {
    SCOPED_TRACE(target);
    check_all_lengths<float>();
    check_all_lengths<double>();
  });
}

}  // namespace
}  // namespace pygraft::rt
