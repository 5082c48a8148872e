// runtime/simd_leaf_sums.h over Highway (see runtime/simd_gemm.cc for how
// foreach_target.h compiles this file once per instruction set). Built with
// -ffp-contract=off: a square added to an accumulator must stay a rounded
// product and a rounded sum, never one fused multiply-add.
#include "runtime/simd_leaf_sums.h"

#include "runtime/reduce_fold.h"  // pairwise_sum: the reference, and no Highway

#ifdef PYGRAFT_HAVE_HWY

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "runtime/simd_leaf_sums.cc"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
// Note: the order matters; foreach_target.h must come before highway.h.
#include <hwy/highway.h>

#include <algorithm>
#include <limits>

HWY_BEFORE_NAMESPACE();
namespace pygraft::rt {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// The eight accumulators of NumPy's leaf loop (r[j] += x[i + j]) as
// vectors: one of 8 lanes, or several narrower ones.
template <class T>
using LeafTag = hn::CappedTag<T, 8>;

template <class T>
constexpr size_t kVectorsPerLeaf = 8 / hn::MaxLanes(LeafTag<T>());

template <bool kSquares, class V>
HWY_INLINE V term(V x) {
  if constexpr (kSquares) {
    return hn::Mul(x, x);
  } else {
    return x;
  }
}

// The eight accumulators of kGroup leaves, one vector each (kVectors == 1),
// combined as NumPy combines one leaf's, ((r0 + r1) + (r2 + r3)) + ((r4 +
// r5) + (r6 + r7)), in three vector additions for all four: each level adds
// the even lanes to the odd ones.
#if HWY_TARGET != HWY_SCALAR
template <class D, class V>
HWY_INLINE V combine_four(D d, const V* acc) {
  const auto pairs = [d](V lo, V hi) {
    return hn::Add(hn::ConcatEven(d, hi, lo), hn::ConcatOdd(d, hi, lo));
  };
  const V quads = pairs(pairs(acc[0], acc[1]), pairs(acc[2], acc[3]));
  return pairs(quads, quads);  // leaf g's sum in lane g
}
#endif

// kGroup leaves of at least 8 elements each, starting at starts[g] with
// lengths[g] elements: their sums in NumPy's order (the eight
// accumulators, combined, then the n % 8 last elements one by one). The
// leaves advance together as far as the shortest, then each on its own.
template <size_t kGroup, bool kSquares, class T>
HWY_INLINE void sum_group(const T* const* starts, const int64_t* lengths, T* sums, size_t stride) {
  const LeafTag<T> d;
  constexpr size_t kLanes = hn::MaxLanes(LeafTag<T>());
  constexpr size_t kVectors = kVectorsPerLeaf<T>;
  using V = hn::Vec<LeafTag<T>>;
  V acc[kGroup][kVectors];
  int64_t ends[kGroup];
  int64_t common = std::numeric_limits<int64_t>::max();
  for (size_t g = 0; g < kGroup; ++g) {
    ends[g] = lengths[g] - lengths[g] % 8;
    common = std::min(common, ends[g]);
    for (size_t v = 0; v < kVectors; ++v) {
      acc[g][v] = term<kSquares>(hn::LoadU(d, starts[g] + v * kLanes));
    }
  }
  for (int64_t i = 8; i < common; i += 8) {
    for (size_t g = 0; g < kGroup; ++g) {
      for (size_t v = 0; v < kVectors; ++v) {
        acc[g][v] = hn::Add(acc[g][v], term<kSquares>(hn::LoadU(d, starts[g] + i + v * kLanes)));
      }
    }
  }
  for (size_t g = 0; g < kGroup; ++g) {
    for (int64_t i = std::max<int64_t>(common, 8); i < ends[g]; i += 8) {
      for (size_t v = 0; v < kVectors; ++v) {
        acc[g][v] = hn::Add(acc[g][v], term<kSquares>(hn::LoadU(d, starts[g] + i + v * kLanes)));
      }
    }
  }
  HWY_ALIGN T r[kGroup * 8];
#if HWY_TARGET != HWY_SCALAR
  if constexpr (kGroup % 4 == 0 && kVectors == 1) {
    for (size_t g = 0; g < kGroup; g += 4) {
      const V single[4] = {acc[g][0], acc[g + 1][0], acc[g + 2][0], acc[g + 3][0]};
      hn::StoreU(combine_four(d, single), d, r + g);
    }
  } else
#endif
  {
    for (size_t g = 0; g < kGroup; ++g) {
      HWY_ALIGN T lanes[8];
      for (size_t v = 0; v < kVectors; ++v) hn::Store(acc[g][v], d, lanes + v * kLanes);
      r[g] = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) +
             ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    }
  }
  for (size_t g = 0; g < kGroup; ++g) {
    T sum = r[g];
    for (int64_t i = ends[g]; i < lengths[g]; ++i) {
      const T x = starts[g][i];
      sum += kSquares ? x * x : x;
    }
    sums[g * stride] = sum;
  }
}

// Leaves four at a time (the pairwise tree's are of one or two lengths
// close to 128); short leaves and the last few, one at a time.
// kGroup leaves from leaves[j] on, when there are kGroup of 8 to 128
// elements: their sums, x moved past them.
template <size_t kGroup, bool kSquares, class T>
HWY_INLINE bool try_group(const T*& x, const int64_t* leaves, size_t count, size_t& j, T* sums,
                          size_t stride) {
  if (j + kGroup > count) return false;
  const T* starts[kGroup];
  const T* at = x;
  for (size_t g = 0; g < kGroup; ++g) {
    if (leaves[j + g] < 8 || leaves[j + g] > 128) return false;
    starts[g] = at;
    at += leaves[j + g];
  }
  sum_group<kGroup, kSquares>(starts, leaves + j, sums + j * stride, stride);
  x = at;
  j += kGroup;
  return true;
}

// Leaves eight or four at a time (the pairwise tree's are of one or two
// lengths close to 128); short leaves and the last few one at a time; a
// longer "leaf" by pairwise_sum's own recursion.
template <bool kSquares, class T>
void leaf_sums(const T* x, const int64_t* leaves, size_t count, T* sums, size_t stride) {
  size_t j = 0;
  while (j < count) {
    if (try_group<8, kSquares>(x, leaves, count, j, sums, stride) ||
        try_group<4, kSquares>(x, leaves, count, j, sums, stride) ||
        try_group<1, kSquares>(x, leaves, count, j, sums, stride)) {
      continue;
    }
    sums[j * stride] = kSquares ? pairwise_sum(x, leaves[j], Square{}) : pairwise_sum(x, leaves[j]);
    x += leaves[j];
    ++j;
  }
}

void LeafSumsF32(const float* x, const int64_t* leaves, size_t count, bool squares, float* sums,
                 size_t stride) {
  if (squares) return leaf_sums<true>(x, leaves, count, sums, stride);
  leaf_sums<false>(x, leaves, count, sums, stride);
}
void LeafSumsF64(const double* x, const int64_t* leaves, size_t count, bool squares, double* sums,
                 size_t stride) {
  if (squares) return leaf_sums<true>(x, leaves, count, sums, stride);
  leaf_sums<false>(x, leaves, count, sums, stride);
}

}  // namespace HWY_NAMESPACE
}  // namespace pygraft::rt
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pygraft::rt {

HWY_EXPORT(LeafSumsF32);
HWY_EXPORT(LeafSumsF64);

void simd_leaf_sums(const float* x, const int64_t* leaves, size_t count, bool squares, float* sums,
                    size_t stride) {
  HWY_DYNAMIC_DISPATCH(LeafSumsF32)(x, leaves, count, squares, sums, stride);
}
void simd_leaf_sums(const double* x, const int64_t* leaves, size_t count, bool squares,
                    double* sums, size_t stride) {
  HWY_DYNAMIC_DISPATCH(LeafSumsF64)(x, leaves, count, squares, sums, stride);
}

}  // namespace pygraft::rt
#endif  // HWY_ONCE

#else  // !PYGRAFT_HAVE_HWY

namespace pygraft::rt {
namespace {

template <class T>
void leaf_sums(const T* x, const int64_t* leaves, size_t count, bool squares, T* sums,
               size_t stride) {
  for (size_t j = 0; j < count; ++j) {
    sums[j * stride] = squares ? pairwise_sum(x, leaves[j], Square{}) : pairwise_sum(x, leaves[j]);
    x += leaves[j];
  }
}

}  // namespace

void simd_leaf_sums(const float* x, const int64_t* leaves, size_t count, bool squares, float* sums,
                    size_t stride) {
  leaf_sums(x, leaves, count, squares, sums, stride);
}
void simd_leaf_sums(const double* x, const int64_t* leaves, size_t count, bool squares,
                    double* sums, size_t stride) {
  leaf_sums(x, leaves, count, squares, sums, stride);
}

}  // namespace pygraft::rt

#endif  // PYGRAFT_HAVE_HWY
