// Folding a tensor into per-result accumulators along the reduced axes
// (runtime/reduce_plan.h walks the runs), and NumPy's pairwise summation,
// which the sum-based reductions share (kernels_reduce.cc, kernels_stats.cc).
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "runtime/pyscalar.h"
#include "runtime/reduce_plan.h"
#include "runtime/simd_math.h"

namespace pygraft::rt {

// NumPy's pairwise summation (loops_utils.h: blocks of 128 summed with eight
// accumulators, halves summed recursively) in T itself: float32 sums in
// float32 as NumPy's do, so they overflow to inf where NumPy's do, with
// rounding errors of O(log n) ulps. `term` maps each element first (in T:
// the sum of squares is that of the stored squares, bit for bit).
struct Identity {
  template <class T>
  T operator()(T x) const {
    return x;
  }
};
struct Square {
  template <class T>
  T operator()(T x) const {
    return x * x;
  }
};

template <class T, class Term = Identity>
T pairwise_sum_blocks(const T* x, int64_t n, Term term = {});

// Note: short sums (k-means' rows of 2 coordinates) inline at the caller.
template <class T, class Term = Identity>
inline T pairwise_sum(const T* x, int64_t n, Term term = {}) {
  if (n < 8) {
    T sum = 0;
    for (int64_t i = 0; i < n; ++i) sum += term(x[i]);
    return sum;
  }
  return pairwise_sum_blocks(x, n, term);
}

// pairwise_sum for n >= 8.
template <class T, class Term>
T pairwise_sum_blocks(const T* x, int64_t n, Term term) {
  if (n <= 128) {
    T r[8];
    for (int j = 0; j < 8; ++j) r[j] = term(x[j]);
    int64_t i = 8;
    for (; i < n - n % 8; i += 8) {
      for (int j = 0; j < 8; ++j) r[j] += term(x[i + j]);
    }
    T sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) sum += term(x[i]);
    return sum;
  }
  int64_t half = n / 2;
  half -= half % 8;
  return pairwise_sum(x, half, term) + pairwise_sum(x + half, n - half, term);
}

// The lengths of the leaves of pairwise_sum's tree over n elements, in
// order, appended to `lengths`: each at most 128 elements, at least 64
// unless n itself is less.
inline void pairwise_leaves(int64_t n, std::vector<int64_t>& lengths) {
  if (n <= 128) {
    lengths.push_back(n);
    return;
  }
  int64_t half = n / 2;
  half -= half % 8;
  pairwise_leaves(half, lengths);
  pairwise_leaves(n - half, lengths);
}

// acc + x for the sum reductions: bool is logical or, integers wrap, floats
// of the accumulator's own type sum pairwise along contiguous runs.
struct SumStep {
  template <class A, class T>
  A operator()(A acc, T x) const {
    if constexpr (std::is_same_v<A, bool>)
      return acc || x;
    else if constexpr (std::is_integral_v<A>)
      return static_cast<A>(uint64_t(acc) + uint64_t(x));
    else
      return acc + static_cast<A>(x);
  }
  template <class A, class T>
  A run(A acc, const T* x, int64_t n) const {
    if constexpr (std::is_floating_point_v<A> && std::is_same_v<A, T>) {
      return acc + pairwise_sum(x, n);
    } else {
      for (int64_t i = 0; i < n; ++i) acc = (*this)(acc, x[i]);
      return acc;
    }
  }
};

template <class T>
using ConstArrayMap = Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>;

// max/min keep the first NaN they meet. Float runs into one result use the
// vectorised simd_reduce_max/min (runtime/simd_math.h), ints Eigen's.
struct MaxStep {
  template <class T>
  T operator()(T acc, T x) const {
    return (acc >= x || isnan_element(acc)) ? acc : x;
  }
  template <class T>
  T run(T acc, const T* x, int64_t n) const {
    if constexpr (std::is_same_v<T, bool>) {
      for (int64_t i = 0; i < n && !acc; ++i) acc = x[i];
      return acc;
    } else {
      if (n == 0) return acc;
      if constexpr (std::is_floating_point_v<T>) return (*this)(acc, simd_reduce_max(x, n));
      return (*this)(acc, ConstArrayMap<T>(x, n).template maxCoeff<Eigen::PropagateNaN>());
    }
  }
};
struct MinStep {
  template <class T>
  T operator()(T acc, T x) const {
    return (acc <= x || isnan_element(acc)) ? acc : x;
  }
  template <class T>
  T run(T acc, const T* x, int64_t n) const {
    if constexpr (std::is_same_v<T, bool>) {
      for (int64_t i = 0; i < n && acc; ++i) acc = x[i];
      return acc;
    } else {
      if (n == 0) return acc;
      if constexpr (std::is_floating_point_v<T>) return (*this)(acc, simd_reduce_min(x, n));
      return (*this)(acc, ConstArrayMap<T>(x, n).template minCoeff<Eigen::PropagateNaN>());
    }
  }
};

template <class Step, class A, class T>
A fold_run(const Step& step, A acc, const T* x, int64_t n) {
  if constexpr (requires { step.run(acc, x, n); }) {
    return step.run(acc, x, n);
  } else {
    for (int64_t i = 0; i < n; ++i) acc = step(acc, x[i]);
    return acc;
  }
}

// Whether `kept` is `in` with only its last axis reduced (to 1).
inline bool reduces_only_last_axis(const Shape& in, const Shape& kept) {
  const int rank = in.rank();
  if (rank == 0 || kept.rank() != rank || kept[rank - 1] != 1 || in[rank - 1] <= 1) return false;
  for (int d = 0; d < rank - 1; ++d) {
    if (kept[d] != in[d]) return false;
  }
  return true;
}

// Folds every element of `in` (type T) into a new accumulator of type A
// with the kept shape, starting from `init`. Runs along a reduced innermost
// axis go through Step::run (pairwise for sums), others element by element,
// in the order NumPy's reduction loops visit them.
template <class A, class T, class Step>
Tensor fold(const ReduceSetup& s, const Tensor& in, A init, Step step) {
  Tensor acc = Tensor::empty(dtype_of<A>(), s.kept);
  A* a = acc.data<A>();
  const T* x = in.data<T>();
  if (reduces_only_last_axis(in.shape(), s.kept)) {
    // Note: rows folded directly (sum(d, axis=-1) over short rows spent more
    // in walking the runs than in adding).
    const int64_t n = in.shape()[in.rank() - 1];
    if constexpr (std::is_same_v<Step, SumStep> && std::is_floating_point_v<A> &&
                  std::is_same_v<A, T>) {
      if (n >= 2 && n <= 4) {  // a vector of rows at a time, the same sums
        simd_sum_short_rows(x, acc.numel(), n, init, a);
        return acc;
      }
    }
    auto fold_rows = [&](auto length) {
      for (int64_t row = 0, rows = acc.numel(); row < rows; ++row) {
        a[row] = fold_run(step, init, x + row * length, length);
      }
    };
    // Note: rows of 2 and 3 (coordinates of points) unroll at a constant length.
    if (n == 2) {
      fold_rows(std::integral_constant<int64_t, 2>{});
    } else if (n == 3) {
      fold_rows(std::integral_constant<int64_t, 3>{});
    } else {
      fold_rows(n);
    }
    return acc;
  }
  std::fill_n(a, acc.numel(), init);
  for_each_reduce_run(in.shape(), s.kept, [&](int64_t xo, int64_t ao, int64_t n, bool inner) {
    if (inner) {
      for (int64_t i = 0; i < n; ++i) a[ao + i] = step(a[ao + i], x[xo + i]);
    } else {
      a[ao] = fold_run(step, a[ao], x + xo, n);
    }
  });
  return acc;
}

}  // namespace pygraft::rt
