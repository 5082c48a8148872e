// Highway compiles the code between HWY_BEFORE_NAMESPACE and
// HWY_AFTER_NAMESPACE once per target instruction set (foreach_target.h
// re-includes this file); HWY_DYNAMIC_DISPATCH picks the best one the CPU
// supports at the first call.
#include "runtime/simd_math.h"

#include <bit>
#include <cmath>
#include <limits>

#ifdef PYGRAFT_HAVE_HWY

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "runtime/simd_math.cc"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
// Note: the order matters; foreach_target.h must come before highway.h.
#include <hwy/contrib/math/math-inl.h>
#include <hwy/highway.h>

HWY_BEFORE_NAMESPACE();
namespace pygraft::rt {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// out[i] = f(in[i]) a vector at a time; fix(x, y) then checks each lane of
// a vector whose lanes are not all in_range and may replace y. The tail runs
// as one padded vector, so an element takes the same path wherever it sits.
template <class T, class VectorFn, class RangeFn, class FixFn>
HWY_INLINE void map_lanes(const T* HWY_RESTRICT in, T* out, int64_t n, VectorFn f, RangeFn in_range,
                          FixFn fix) {
  const hn::ScalableTag<T> d;
  const int64_t lanes = static_cast<int64_t>(hn::Lanes(d));
  constexpr size_t kMaxLanes = HWY_MAX_BYTES / sizeof(T);
  HWY_ALIGN T x_lanes[kMaxLanes];
  HWY_ALIGN T y_lanes[kMaxLanes];
  auto slow_vector = [&](const auto x, T* dst, int64_t count) {
    hn::Store(x, d, x_lanes);
    hn::Store(f(d, x), d, y_lanes);
    for (int64_t j = 0; j < count; ++j) dst[j] = fix(x_lanes[j], y_lanes[j]);
  };
  int64_t i = 0;
  for (; i + lanes <= n; i += lanes) {
    const auto x = hn::LoadU(d, in + i);
    if (HWY_LIKELY(hn::AllTrue(d, in_range(d, x)))) {
      hn::StoreU(f(d, x), d, out + i);
    } else {
      slow_vector(x, out + i, lanes);
    }
  }
  if (i < n) {
    for (int64_t j = 0; j < lanes; ++j) x_lanes[j] = i + j < n ? in[i + j] : T{0};
    slow_vector(hn::Load(d, x_lanes), out + i, n - i);
  }
}

// exp: Highway's polynomial is within 1 ulp where the result is a normal
// number; outside that (and for NaN) the C library answers.
template <class T>
void exp_lanes(const T* in, T* out, int64_t n) {
  constexpr T lo = sizeof(T) == 4 ? T(-87.0) : T(-708.0);
  constexpr T hi = sizeof(T) == 4 ? T(88.0) : T(709.0);
  map_lanes(
      in, out, n, [](auto d, auto x) { return hn::Exp(d, x); },
      [](auto d, auto x) { return hn::And(hn::Ge(x, hn::Set(d, lo)), hn::Le(x, hn::Set(d, hi))); },
      [](T x, T y) { return x >= lo && x <= hi ? y : std::exp(x); });
}

// float32 tanh as x * P(x^2) / Q(x^2), P of degree 5 and Q of degree 3 with
// P(0) = Q(0) = 1, fitted here (iterated reweighted least squares on the
// relative error) over |x| <= 8.7: 0.75 ulp from the approximation; with
// the float32 rounding of the evaluation 5.5 ulp at worst with FMA and 6.5
// without (every float checked; the worst near 7.5, where tanh is 1 - 3e-7). Three times faster
// than Highway's Tanh (an Expm1 and a division). Small x give x itself (P and Q round to 1); |x|
// >= 9.010914, where tanh rounds to float32's +-1, gives +-1.
template <class D>
HWY_INLINE hn::Vec<D> rational_tanh(D d, hn::Vec<D> x) {
  const auto limit = hn::Set(d, 8.7f);
  const auto clamped = hn::Min(hn::Max(x, hn::Neg(limit)), limit);
  const auto z = hn::Mul(clamped, clamped);
  auto p = hn::Set(d, 1.9869130646332778e-11f);
  p = hn::MulAdd(p, z, hn::Set(d, -1.341054911563333e-08f));
  p = hn::MulAdd(p, z, hn::Set(d, 9.477917046751827e-06f));
  p = hn::MulAdd(p, z, hn::Set(d, 0.0029438906349241734f));
  p = hn::MulAdd(p, z, hn::Set(d, 0.12940789759159088f));
  p = hn::MulAdd(p, z, hn::Set(d, 1.0f));
  auto q = hn::Set(d, 0.00023129260807763785f);
  q = hn::MulAdd(q, z, hn::Set(d, 0.023857977241277695f));
  q = hn::MulAdd(q, z, hn::Set(d, 0.4627409875392914f));
  q = hn::MulAdd(q, z, hn::Set(d, 1.0f));
  const auto r = hn::Div(hn::Mul(clamped, p), q);
  const auto saturated = hn::Ge(hn::Abs(x), hn::Set(d, 9.010914f));
  return hn::IfThenElse(saturated, hn::CopySign(hn::Set(d, 1.0f), x), r);
}

// tanh: every finite or infinite input; NaN goes to the C library. float32
// by the rational function above, float64 by Highway's Tanh (4 ulp).
template <class T>
void tanh_lanes(const T* in, T* out, int64_t n) {
  map_lanes(
      in, out, n,
      [](auto d, auto x) {
        if constexpr (sizeof(T) == 4) {
          return rational_tanh(d, x);
        } else {
          return hn::Tanh(d, x);
        }
      },
      [](auto, auto x) { return hn::Eq(x, x); },
      [](T x, T y) { return x == x ? y : std::tanh(x); });
}

// log: Highway's within 4 ulp for normal positive finite inputs; zero,
// negatives, subnormals, infinities and NaN go to the C library.
template <class T>
void log_lanes(const T* in, T* out, int64_t n) {
  constexpr T lo = std::numeric_limits<T>::min(), hi = std::numeric_limits<T>::max();
  map_lanes(
      in, out, n, [](auto d, auto x) { return hn::Log(d, x); },
      [](auto d, auto x) { return hn::And(hn::Ge(x, hn::Set(d, lo)), hn::Le(x, hn::Set(d, hi))); },
      [](T x, T y) { return x >= lo && x <= hi ? y : std::log(x); });
}

// out = f(in) lane by lane, then scalar_f on the tail: for functions whose
// vector form gives the scalar form's bits for every input.
template <class T, class VectorFn, class ScalarFn>
HWY_INLINE void map_exact_lanes(const T* in, T* out, int64_t n, VectorFn f, ScalarFn scalar_f) {
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  int64_t i = 0;
  for (; i + lanes <= n; i += lanes) hn::StoreU(f(hn::LoadU(d, in + i)), d, out + i);
  for (; i < n; ++i) out[i] = scalar_f(in[i]);
}

// abs clears the sign bit, as std::abs does (NaN's payload kept).
template <class T>
void abs_lanes(const T* in, T* out, int64_t n) {
  map_exact_lanes(
      in, out, n, [](auto x) { return hn::Abs(x); }, [](T x) { return std::abs(x); });
}

// sqrt: the vector square root is IEEE's correctly rounded one, as the C
// library's: the same bits for every input.
template <class T>
void sqrt_lanes(const T* in, T* out, int64_t n) {
  map_exact_lanes(
      in, out, n, [](auto x) { return hn::Sqrt(x); }, [](T x) { return std::sqrt(x); });
}

struct NoPost {
  template <class V>
  HWY_INLINE V operator()(V v) const {
    return v;
  }
};

// out[i] = post(op(a[i], b[i])); `post` maps a vector of any width.
template <class T, class Op, class Post = NoPost>
HWY_INLINE void binary_lanes(const T* HWY_RESTRICT a, bool a_array, const T* HWY_RESTRICT b,
                             bool b_array, T* out, int64_t n, Op base_op, Post post = {}) {
  const auto op = [&](auto x, auto y) { return post(base_op(x, y)); };
  const hn::ScalableTag<T> d;
  const int64_t lanes = static_cast<int64_t>(hn::Lanes(d));
  int64_t i = 0;
  if (a_array && b_array) {
    for (; i + lanes <= n; i += lanes) {
      hn::StoreU(op(hn::LoadU(d, a + i), hn::LoadU(d, b + i)), d, out + i);
    }
  } else if (a_array) {
    const auto y = hn::Set(d, *b);
    for (; i + lanes <= n; i += lanes) hn::StoreU(op(hn::LoadU(d, a + i), y), d, out + i);
  } else {
    const auto x = hn::Set(d, *a);
    for (; i + lanes <= n; i += lanes) hn::StoreU(op(x, hn::LoadU(d, b + i)), d, out + i);
  }
  // Note: the same IEEE operation on one lane gives the same bits.
  const hn::CappedTag<T, 1> d1;
  for (; i < n; ++i) {
    const auto x = hn::Set(d1, a_array ? a[i] : *a);
    const auto y = hn::Set(d1, b_array ? b[i] : *b);
    out[i] = hn::GetLane(op(x, y));
  }
}

template <class T, class Post = NoPost>
void binary_dispatch(uint8_t op, const T* a, bool a_array, const T* b, bool b_array, T* out,
                     int64_t n, Post post = {}) {
  switch (static_cast<SimdBinary>(op)) {
    case SimdBinary::Add:
      return binary_lanes(
          a, a_array, b, b_array, out, n, [](auto x, auto y) { return hn::Add(x, y); }, post);
    case SimdBinary::Sub:
      return binary_lanes(
          a, a_array, b, b_array, out, n, [](auto x, auto y) { return hn::Sub(x, y); }, post);
    case SimdBinary::Mul:
      return binary_lanes(
          a, a_array, b, b_array, out, n, [](auto x, auto y) { return hn::Mul(x, y); }, post);
    case SimdBinary::Div:
      return binary_lanes(
          a, a_array, b, b_array, out, n, [](auto x, auto y) { return hn::Div(x, y); }, post);
  }
}

// r * m + c with two roundings (no fused multiply-add): simd_binary_affine's
// epilogue, exact for m = 1 (r + c) and for c = -0.0 (r * m).
template <class T>
struct Affine {
  T m, c;
  template <class V>
  HWY_INLINE V operator()(V r) const {
    const hn::DFromV<V> d;
    return hn::Add(hn::Mul(r, hn::Set(d, m)), hn::Set(d, c));
  }
};

void BinaryAffineF32(uint8_t op, const float* a, bool a_array, const float* b, bool b_array,
                     float m, float c, float* out, int64_t n) {
  binary_dispatch(op, a, a_array, b, b_array, out, n, Affine<float>{m, c});
}
void BinaryAffineF64(uint8_t op, const double* a, bool a_array, const double* b, bool b_array,
                     double m, double c, double* out, int64_t n) {
  binary_dispatch(op, a, a_array, b, b_array, out, n, Affine<double>{m, c});
}

// One operand of binary_blocks within its current block: element k of the
// block as a vector (k a multiple of the lane count) or a single value.
template <class T>
class BlockReader {
 public:
  BlockReader(SimdBlockOperand<T> operand, int64_t run) : operand_(operand), run_(run) {}

  void start_block(int64_t o) {
    const hn::ScalableTag<T> d;
    base_ = operand_.data + o * operand_.step;
    if (operand_.repeat == SimdRepeat::Value) {
      repeated_ = hn::Set(d, *base_);
    } else if (operand_.repeat == SimdRepeat::Run) {
      // The run repeated over 16 bytes, then over every 128-bit block.
      constexpr size_t kPerBlock = 16 / sizeof(T);
      HWY_ALIGN T tile[kPerBlock];
      for (size_t i = 0; i < kPerBlock; ++i) tile[i] = base_[static_cast<int64_t>(i) % run_];
      repeated_ = hn::LoadDup128(d, tile);
    }
  }
  auto vector(int64_t k) const {
    const hn::ScalableTag<T> d;
    return operand_.repeat == SimdRepeat::Block ? hn::LoadU(d, base_ + k) : repeated_;
  }
  T element(int64_t k) const {
    switch (operand_.repeat) {
      case SimdRepeat::Block:
        return base_[k];
      case SimdRepeat::Run:
        return base_[k % run_];
      case SimdRepeat::Value:
        break;
    }
    return *base_;
  }

 private:
  SimdBlockOperand<T> operand_;
  int64_t run_;
  const T* base_ = nullptr;
  decltype(hn::Zero(hn::ScalableTag<T>())) repeated_ = hn::Zero(hn::ScalableTag<T>());
};

template <class T, class Op>
HWY_INLINE void binary_blocks(SimdBlockOperand<T> a, SimdBlockOperand<T> b, T* out, int64_t blocks,
                              int64_t run, int64_t count, Op op) {
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  const int64_t n = run * count;
  // Note: a repeated run lines up with the lanes only when a vector is at
  // least 16 bytes (not on the scalar target).
  const bool vectors = lanes * static_cast<int64_t>(sizeof(T)) >= 16;
  BlockReader<T> ra(a, run), rb(b, run);
  const hn::CappedTag<T, 1> d1;
  for (int64_t o = 0; o < blocks; ++o) {
    ra.start_block(o);
    rb.start_block(o);
    T* po = out + o * n;
    int64_t k = 0;
    if (vectors) {
      for (; k + lanes <= n; k += lanes) hn::StoreU(op(ra.vector(k), rb.vector(k)), d, po + k);
    }
    // Note: the same IEEE operation on one lane gives the same bits.
    for (; k < n; ++k) {
      po[k] = hn::GetLane(op(hn::Set(d1, ra.element(k)), hn::Set(d1, rb.element(k))));
    }
  }
}

template <class T>
void binary_blocks_dispatch(uint8_t op, SimdBlockOperand<T> a, SimdBlockOperand<T> b, T* out,
                            int64_t blocks, int64_t run, int64_t count) {
  switch (static_cast<SimdBinary>(op)) {
    case SimdBinary::Add:
      return binary_blocks(a, b, out, blocks, run, count,
                           [](auto x, auto y) { return hn::Add(x, y); });
    case SimdBinary::Sub:
      return binary_blocks(a, b, out, blocks, run, count,
                           [](auto x, auto y) { return hn::Sub(x, y); });
    case SimdBinary::Mul:
      return binary_blocks(a, b, out, blocks, run, count,
                           [](auto x, auto y) { return hn::Mul(x, y); });
    case SimdBinary::Div:
      return binary_blocks(a, b, out, blocks, run, count,
                           [](auto x, auto y) { return hn::Div(x, y); });
  }
}

void BinaryBlocksF32(uint8_t op, SimdBlockOperand<float> a, SimdBlockOperand<float> b, float* out,
                     int64_t blocks, int64_t run, int64_t count) {
  binary_blocks_dispatch(op, a, b, out, blocks, run, count);
}
void BinaryBlocksF64(uint8_t op, SimdBlockOperand<double> a, SimdBlockOperand<double> b,
                     double* out, int64_t blocks, int64_t run, int64_t count) {
  binary_blocks_dispatch(op, a, b, out, blocks, run, count);
}

template <int kLength, class T>
HWY_INLINE void sum_short_rows(const T* HWY_RESTRICT x, int64_t rows, T init, T* HWY_RESTRICT out) {
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  const auto zero = hn::Zero(d), start = hn::Set(d, init);
  int64_t r = 0;
  for (; r + lanes <= rows; r += lanes) {
    decltype(hn::Zero(d)) c0, c1, c2, c3;
    const T* p = x + r * kLength;
    if constexpr (kLength == 2) hn::LoadInterleaved2(d, p, c0, c1);
    if constexpr (kLength == 3) hn::LoadInterleaved3(d, p, c0, c1, c2);
    if constexpr (kLength == 4) hn::LoadInterleaved4(d, p, c0, c1, c2, c3);
    auto sum = hn::Add(hn::Add(zero, c0), c1);
    if constexpr (kLength > 2) sum = hn::Add(sum, c2);
    if constexpr (kLength > 3) sum = hn::Add(sum, c3);
    hn::StoreU(hn::Add(start, sum), d, out + r);
  }
  for (; r < rows; ++r) {
    T sum = 0;
    for (int i = 0; i < kLength; ++i) sum += x[r * kLength + i];
    out[r] = init + sum;
  }
}

template <class T>
void sum_short_rows_dispatch(const T* x, int64_t rows, int64_t length, T init, T* out) {
  if (length == 2) return sum_short_rows<2>(x, rows, init, out);
  if (length == 3) return sum_short_rows<3>(x, rows, init, out);
  return sum_short_rows<4>(x, rows, init, out);
}

void SumShortRowsF32(const float* x, int64_t rows, int64_t length, float init, float* out) {
  sum_short_rows_dispatch(x, rows, length, init, out);
}
void SumShortRowsF64(const double* x, int64_t rows, int64_t length, double init, double* out) {
  sum_short_rows_dispatch(x, rows, length, init, out);
}

void BinaryF32(uint8_t op, const float* a, bool a_array, const float* b, bool b_array, float* out,
               int64_t n) {
  binary_dispatch(op, a, a_array, b, b_array, out, n);
}
void BinaryF64(uint8_t op, const double* a, bool a_array, const double* b, bool b_array,
               double* out, int64_t n) {
  binary_dispatch(op, a, a_array, b, b_array, out, n);
}

// max (is_max) or min of x[0..n) (of |x| with kAbs), n >= 1; NaN is
// tracked apart, since what a vector Max does with NaN differs between
// instruction sets.
template <class T, bool kAbs = false>
HWY_INLINE T extremum_lanes(const T* HWY_RESTRICT x, int64_t n, bool is_max) {
  const hn::ScalableTag<T> d;
  const auto load = [&](int64_t at) {
    const auto v = hn::LoadU(d, x + at);
    if constexpr (kAbs) {
      return hn::Abs(v);
    } else {
      return v;
    }
  };
  const auto element = [&](int64_t at) { return kAbs ? std::abs(x[at]) : x[at]; };
  const int64_t lanes = static_cast<int64_t>(hn::Lanes(d));
  int64_t i = 0;
  T result = element(0);
  bool any_nan = false;
  if (n >= lanes) {
    const auto best = [is_max](auto a, auto b) { return is_max ? hn::Max(a, b) : hn::Min(a, b); };
    // Four accumulators: one would wait on the latency of each max.
    auto acc0 = load(0), acc1 = acc0, acc2 = acc0, acc3 = acc0;
    // Note: x == x is false for NaN only (Ne is an ordered compare on AVX-512).
    auto numbers = hn::Eq(acc0, acc0);
    for (i = lanes; i + 4 * lanes <= n; i += 4 * lanes) {
      const auto v0 = load(i), v1 = load(i + lanes);
      const auto v2 = load(i + 2 * lanes), v3 = load(i + 3 * lanes);
      numbers = hn::And(numbers, hn::And(hn::And(hn::Eq(v0, v0), hn::Eq(v1, v1)),
                                         hn::And(hn::Eq(v2, v2), hn::Eq(v3, v3))));
      acc0 = best(acc0, v0);
      acc1 = best(acc1, v1);
      acc2 = best(acc2, v2);
      acc3 = best(acc3, v3);
    }
    for (; i + lanes <= n; i += lanes) {
      const auto v = load(i);
      numbers = hn::And(numbers, hn::Eq(v, v));
      acc0 = best(acc0, v);
    }
    const auto acc = best(best(acc0, acc1), best(acc2, acc3));
    any_nan = !hn::AllTrue(d, numbers);
    result = hn::GetLane(is_max ? hn::MaxOfLanes(d, acc) : hn::MinOfLanes(d, acc));
  } else {
    i = 1;
  }
  for (; i < n; ++i) {
    const T v = element(i);
    any_nan |= v != v;
    result = is_max ? (v > result ? v : result) : (v < result ? v : result);
  }
  if (any_nan || result != result) {
    for (int64_t j = 0; j < n; ++j) {
      if (x[j] != x[j]) return element(j);
    }
  }
  return result;
}

// max (is_max) or min of |x[0..n)|, n >= the lanes: on the bits. With the
// sign cleared, floats order as their bit patterns do as unsigned integers,
// NaN above infinity; integer max and min take one cycle and no NaN rule
// (a float max on NaN differs between instruction sets), and the last
// partial vector is the last full one, overlapping (max and min do not mind
// an element seen twice). A NaN anywhere: the first NaN's |x|, as
// extremum_lanes gives it.
template <class T>
HWY_INLINE T extremum_abs_bits(const T* HWY_RESTRICT x, int64_t n, bool is_max) {
  const hn::ScalableTag<T> d;
  const hn::RebindToUnsigned<decltype(d)> du;
  using U = hn::TFromD<decltype(du)>;
  constexpr U kMagnitude = static_cast<U>(~(U{1} << (sizeof(U) * 8 - 1)));
  constexpr U kInfinity = sizeof(T) == 4 ? U{0x7F800000u} : static_cast<U>(0x7FF0000000000000ull);
  const auto magnitude = hn::Set(du, kMagnitude);
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  const auto load = [&](int64_t at) {
    return hn::And(hn::BitCast(du, hn::LoadU(d, x + at)), magnitude);
  };
  auto hi0 = load(n - lanes), hi1 = hi0, hi2 = hi0, hi3 = hi0;
  auto lo0 = hi0, lo1 = hi0, lo2 = hi0, lo3 = hi0;
  int64_t i = 0;
  // Note: both folds run, so the loop has no branch on is_max; the min's
  // operations are free beside the loads.
  for (; i + 4 * lanes <= n; i += 4 * lanes) {
    const auto v0 = load(i), v1 = load(i + lanes), v2 = load(i + 2 * lanes),
               v3 = load(i + 3 * lanes);
    hi0 = hn::Max(hi0, v0), hi1 = hn::Max(hi1, v1), hi2 = hn::Max(hi2, v2), hi3 = hn::Max(hi3, v3);
    lo0 = hn::Min(lo0, v0), lo1 = hn::Min(lo1, v1), lo2 = hn::Min(lo2, v2), lo3 = hn::Min(lo3, v3);
  }
  for (; i + lanes <= n; i += lanes) {
    const auto v = load(i);
    hi0 = hn::Max(hi0, v);
    lo0 = hn::Min(lo0, v);
  }
  const U hi = hn::GetLane(hn::MaxOfLanes(du, hn::Max(hn::Max(hi0, hi1), hn::Max(hi2, hi3))));
  if (hi > kInfinity) {
    for (int64_t j = 0; j < n; ++j) {
      if (x[j] != x[j]) return std::abs(x[j]);
    }
  }
  const U lo = hn::GetLane(hn::MinOfLanes(du, hn::Min(hn::Min(lo0, lo1), hn::Min(lo2, lo3))));
  return std::bit_cast<T>(is_max ? hi : lo);
}

// The first i with x[i] == value (a number, not NaN), or n.
template <class T>
HWY_INLINE int64_t find_equal_lanes(const T* HWY_RESTRICT x, int64_t n, T value) {
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  const auto v = hn::Set(d, value);
  int64_t i = 0;
  for (; i + lanes <= n; i += lanes) {
    const intptr_t lane = hn::FindFirstTrue(d, hn::Eq(hn::LoadU(d, x + i), v));
    if (lane >= 0) return i + lane;
  }
  for (; i < n; ++i) {
    if (x[i] == value) return i;
  }
  return n;
}

// Index of the first largest (kIsMax) or smallest of x[0..n), the first NaN
// if there is one: the scalar rule arg_best_rows follows.
template <bool kIsMax, class T>
int64_t arg_best_scalar(const T* x, int64_t n) {
  int64_t best = 0;
  for (int64_t i = 0; i < n; ++i) {
    if (x[i] != x[i]) return i;
    if (kIsMax ? x[i] > x[best] : x[i] < x[best]) best = i;
  }
  return best;
}

// arg_best_scalar of each of `rows` rows of n elements, a row per vector when
// one holds it (n <= lanes): the extremum of the lanes, then the first lane
// equal to it, or the first NaN. Lanes past the row hold the next row's
// elements and are masked; the last rows, whose vector would reach past x,
// are scanned. False, having done nothing, when n exceeds the lanes.
template <bool kIsMax, class T>
HWY_INLINE bool arg_best_rows(const T* HWY_RESTRICT x, int64_t rows, int64_t n,
                              int64_t* HWY_RESTRICT out) {
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  if (n < 1 || n > lanes || lanes < 2) return false;
  const auto in_row = hn::FirstN(d, static_cast<size_t>(n));
  const auto pad =
      hn::Set(d, kIsMax ? -std::numeric_limits<T>::infinity() : std::numeric_limits<T>::infinity());
  int64_t r = 0;
  for (; r < rows && r * n + lanes <= rows * n; ++r) {
    const auto v = hn::IfThenElse(in_row, hn::LoadU(d, x + r * n), pad);
    const auto nan = hn::Not(hn::Eq(v, v));  // Note: not Ne, ordered on some targets
    if (HWY_UNLIKELY(!hn::AllFalse(d, nan))) {
      out[r] = hn::FindFirstTrue(d, nan);
      continue;
    }
    const auto best = kIsMax ? hn::MaxOfLanes(d, v) : hn::MinOfLanes(d, v);
    out[r] = hn::FindFirstTrue(d, hn::Eq(v, best));
  }
  for (; r < rows; ++r) out[r] = arg_best_scalar<kIsMax>(x + r * n, n);
  return true;
}

template <class T>
bool arg_best_rows_dispatch(const T* x, int64_t rows, int64_t n, bool is_max, int64_t* out) {
  return is_max ? arg_best_rows<true>(x, rows, n, out) : arg_best_rows<false>(x, rows, n, out);
}
bool ArgBestRowsF32(const float* x, int64_t rows, int64_t n, bool is_max, int64_t* out) {
  return arg_best_rows_dispatch(x, rows, n, is_max, out);
}
bool ArgBestRowsF64(const double* x, int64_t rows, int64_t n, bool is_max, int64_t* out) {
  return arg_best_rows_dispatch(x, rows, n, is_max, out);
}

int64_t FindEqualF32(const float* x, int64_t n, float value) {
  return find_equal_lanes(x, n, value);
}
int64_t FindEqualF64(const double* x, int64_t n, double value) {
  return find_equal_lanes(x, n, value);
}

template <class T>
T extremum_abs_dispatch(const T* x, int64_t n, bool is_max) {
  const hn::ScalableTag<T> d;
  if (n < static_cast<int64_t>(hn::Lanes(d))) return extremum_lanes<T, true>(x, n, is_max);
  return extremum_abs_bits(x, n, is_max);
}
float ExtremumAbsF32(const float* x, int64_t n, bool is_max) {
  return extremum_abs_dispatch(x, n, is_max);
}
double ExtremumAbsF64(const double* x, int64_t n, bool is_max) {
  return extremum_abs_dispatch(x, n, is_max);
}
float MaxF32(const float* x, int64_t n) {
  return extremum_lanes(x, n, true);
}
double MaxF64(const double* x, int64_t n) {
  return extremum_lanes(x, n, true);
}
float MinF32(const float* x, int64_t n) {
  return extremum_lanes(x, n, false);
}
double MinF64(const double* x, int64_t n) {
  return extremum_lanes(x, n, false);
}

void ExpF32(const float* in, float* out, int64_t n) {
  exp_lanes(in, out, n);
}
void ExpF64(const double* in, double* out, int64_t n) {
  exp_lanes(in, out, n);
}
void LogF32(const float* in, float* out, int64_t n) {
  log_lanes(in, out, n);
}
void LogF64(const double* in, double* out, int64_t n) {
  log_lanes(in, out, n);
}
void AbsF32(const float* in, float* out, int64_t n) {
  abs_lanes(in, out, n);
}
void AbsF64(const double* in, double* out, int64_t n) {
  abs_lanes(in, out, n);
}
void SqrtF32(const float* in, float* out, int64_t n) {
  sqrt_lanes(in, out, n);
}
void SqrtF64(const double* in, double* out, int64_t n) {
  sqrt_lanes(in, out, n);
}
void TanhF32(const float* in, float* out, int64_t n) {
  tanh_lanes(in, out, n);
}
void TanhF64(const double* in, double* out, int64_t n) {
  tanh_lanes(in, out, n);
}
const char* TargetName() {
  return hwy::TargetName(HWY_TARGET);
}

}  // namespace HWY_NAMESPACE
}  // namespace pygraft::rt
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pygraft::rt {

HWY_EXPORT(ExpF32);
HWY_EXPORT(ExpF64);
HWY_EXPORT(TanhF32);
HWY_EXPORT(TanhF64);
HWY_EXPORT(LogF32);
HWY_EXPORT(LogF64);
HWY_EXPORT(AbsF32);
HWY_EXPORT(AbsF64);
HWY_EXPORT(SqrtF32);
HWY_EXPORT(SqrtF64);
HWY_EXPORT(TargetName);
HWY_EXPORT(BinaryF32);
HWY_EXPORT(BinaryAffineF32);
HWY_EXPORT(BinaryAffineF64);
HWY_EXPORT(BinaryF64);
HWY_EXPORT(BinaryBlocksF32);
HWY_EXPORT(BinaryBlocksF64);
HWY_EXPORT(SumShortRowsF32);
HWY_EXPORT(SumShortRowsF64);
HWY_EXPORT(MaxF32);
HWY_EXPORT(ExtremumAbsF32);
HWY_EXPORT(ExtremumAbsF64);
HWY_EXPORT(FindEqualF32);
HWY_EXPORT(ArgBestRowsF32);
HWY_EXPORT(ArgBestRowsF64);
HWY_EXPORT(FindEqualF64);
HWY_EXPORT(MaxF64);
HWY_EXPORT(MinF32);
HWY_EXPORT(MinF64);

bool simd_arg_best_rows(const float* x, int64_t rows, int64_t n, bool is_max, int64_t* out) {
  return HWY_DYNAMIC_DISPATCH(ArgBestRowsF32)(x, rows, n, is_max, out);
}
bool simd_arg_best_rows(const double* x, int64_t rows, int64_t n, bool is_max, int64_t* out) {
  return HWY_DYNAMIC_DISPATCH(ArgBestRowsF64)(x, rows, n, is_max, out);
}
int64_t simd_find_equal(const float* x, int64_t n, float value) {
  return HWY_DYNAMIC_DISPATCH(FindEqualF32)(x, n, value);
}
int64_t simd_find_equal(const double* x, int64_t n, double value) {
  return HWY_DYNAMIC_DISPATCH(FindEqualF64)(x, n, value);
}
float simd_reduce_extremum_abs(const float* x, int64_t n, bool is_max) {
  return HWY_DYNAMIC_DISPATCH(ExtremumAbsF32)(x, n, is_max);
}
double simd_reduce_extremum_abs(const double* x, int64_t n, bool is_max) {
  return HWY_DYNAMIC_DISPATCH(ExtremumAbsF64)(x, n, is_max);
}
float simd_reduce_max(const float* x, int64_t n) {
  return HWY_DYNAMIC_DISPATCH(MaxF32)(x, n);
}
double simd_reduce_max(const double* x, int64_t n) {
  return HWY_DYNAMIC_DISPATCH(MaxF64)(x, n);
}
float simd_reduce_min(const float* x, int64_t n) {
  return HWY_DYNAMIC_DISPATCH(MinF32)(x, n);
}
double simd_reduce_min(const double* x, int64_t n) {
  return HWY_DYNAMIC_DISPATCH(MinF64)(x, n);
}

void simd_binary(SimdBinary op, const float* a, bool a_array, const float* b, bool b_array,
                 float* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(BinaryF32)(static_cast<uint8_t>(op), a, a_array, b, b_array, out, n);
}
void simd_binary_affine(SimdBinary op, const float* a, bool a_array, const float* b, bool b_array,
                        float m, float c, float* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(BinaryAffineF32)
  (static_cast<uint8_t>(op), a, a_array, b, b_array, m, c, out, n);
}
void simd_binary_affine(SimdBinary op, const double* a, bool a_array, const double* b, bool b_array,
                        double m, double c, double* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(BinaryAffineF64)
  (static_cast<uint8_t>(op), a, a_array, b, b_array, m, c, out, n);
}
void simd_binary(SimdBinary op, const double* a, bool a_array, const double* b, bool b_array,
                 double* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(BinaryF64)(static_cast<uint8_t>(op), a, a_array, b, b_array, out, n);
}

void simd_exp(const float* in, float* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(ExpF32)(in, out, n);
}
void simd_exp(const double* in, double* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(ExpF64)(in, out, n);
}
void simd_log(const float* in, float* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(LogF32)(in, out, n);
}
void simd_log(const double* in, double* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(LogF64)(in, out, n);
}
void simd_abs(const float* in, float* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(AbsF32)(in, out, n);
}
void simd_abs(const double* in, double* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(AbsF64)(in, out, n);
}
void simd_sqrt(const float* in, float* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(SqrtF32)(in, out, n);
}
void simd_sqrt(const double* in, double* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(SqrtF64)(in, out, n);
}
void simd_tanh(const float* in, float* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(TanhF32)(in, out, n);
}
void simd_tanh(const double* in, double* out, int64_t n) {
  HWY_DYNAMIC_DISPATCH(TanhF64)(in, out, n);
}
void simd_binary_blocks(SimdBinary op, SimdBlockOperand<float> a, SimdBlockOperand<float> b,
                        float* out, int64_t blocks, int64_t run, int64_t count) {
  HWY_DYNAMIC_DISPATCH(BinaryBlocksF32)(static_cast<uint8_t>(op), a, b, out, blocks, run, count);
}
void simd_binary_blocks(SimdBinary op, SimdBlockOperand<double> a, SimdBlockOperand<double> b,
                        double* out, int64_t blocks, int64_t run, int64_t count) {
  HWY_DYNAMIC_DISPATCH(BinaryBlocksF64)(static_cast<uint8_t>(op), a, b, out, blocks, run, count);
}
void simd_sum_short_rows(const float* x, int64_t rows, int64_t length, float init, float* out) {
  HWY_DYNAMIC_DISPATCH(SumShortRowsF32)(x, rows, length, init, out);
}
void simd_sum_short_rows(const double* x, int64_t rows, int64_t length, double init, double* out) {
  HWY_DYNAMIC_DISPATCH(SumShortRowsF64)(x, rows, length, init, out);
}
const char* simd_target_name() {
  return HWY_DYNAMIC_DISPATCH(TargetName)();
}

}  // namespace pygraft::rt
#endif  // HWY_ONCE

#else  // !PYGRAFT_HAVE_HWY

namespace pygraft::rt {
namespace {
template <class T, class F>
void map_scalar(const T* in, T* out, int64_t n, F f) {
  for (int64_t i = 0; i < n; ++i) out[i] = f(in[i]);
}
}  // namespace

void simd_exp(const float* in, float* out, int64_t n) {
  map_scalar(in, out, n, [](float v) { return std::exp(v); });
}
void simd_exp(const double* in, double* out, int64_t n) {
  map_scalar(in, out, n, [](double v) { return std::exp(v); });
}
void simd_log(const float* in, float* out, int64_t n) {
  map_scalar(in, out, n, [](float v) { return std::log(v); });
}
void simd_log(const double* in, double* out, int64_t n) {
  map_scalar(in, out, n, [](double v) { return std::log(v); });
}
void simd_abs(const float* in, float* out, int64_t n) {
  map_scalar(in, out, n, [](float v) { return std::abs(v); });
}
void simd_abs(const double* in, double* out, int64_t n) {
  map_scalar(in, out, n, [](double v) { return std::abs(v); });
}
void simd_sqrt(const float* in, float* out, int64_t n) {
  map_scalar(in, out, n, [](float v) { return std::sqrt(v); });
}
void simd_sqrt(const double* in, double* out, int64_t n) {
  map_scalar(in, out, n, [](double v) { return std::sqrt(v); });
}
void simd_tanh(const float* in, float* out, int64_t n) {
  map_scalar(in, out, n, [](float v) { return std::tanh(v); });
}
void simd_tanh(const double* in, double* out, int64_t n) {
  map_scalar(in, out, n, [](double v) { return std::tanh(v); });
}
template <class T>
void binary_scalar(SimdBinary op, const T* a, bool a_array, const T* b, bool b_array, T* out,
                   int64_t n) {
  for (int64_t i = 0; i < n; ++i) {
    const T x = a_array ? a[i] : *a, y = b_array ? b[i] : *b;
    switch (op) {
      case SimdBinary::Add:
        out[i] = x + y;
        break;
      case SimdBinary::Sub:
        out[i] = x - y;
        break;
      case SimdBinary::Mul:
        out[i] = x * y;
        break;
      case SimdBinary::Div:
        out[i] = x / y;
        break;
    }
  }
}

void simd_binary(SimdBinary op, const float* a, bool a_array, const float* b, bool b_array,
                 float* out, int64_t n) {
  binary_scalar(op, a, a_array, b, b_array, out, n);
}
template <class T>
void binary_affine_scalar(SimdBinary op, const T* a, bool a_array, const T* b, bool b_array, T m,
                          T c, T* out, int64_t n) {
  binary_scalar(op, a, a_array, b, b_array, out, n);
  for (int64_t i = 0; i < n; ++i) {
    const T product = out[i] * m;  // Note: two statements, two roundings
    out[i] = product + c;
  }
}
void simd_binary_affine(SimdBinary op, const float* a, bool a_array, const float* b, bool b_array,
                        float m, float c, float* out, int64_t n) {
  binary_affine_scalar(op, a, a_array, b, b_array, m, c, out, n);
}
void simd_binary_affine(SimdBinary op, const double* a, bool a_array, const double* b, bool b_array,
                        double m, double c, double* out, int64_t n) {
  binary_affine_scalar(op, a, a_array, b, b_array, m, c, out, n);
}
void simd_binary(SimdBinary op, const double* a, bool a_array, const double* b, bool b_array,
                 double* out, int64_t n) {
  binary_scalar(op, a, a_array, b, b_array, out, n);
}

template <class T>
void sum_short_rows_scalar(const T* x, int64_t rows, int64_t length, T init, T* out) {
  for (int64_t r = 0; r < rows; ++r) {
    T sum = 0;
    for (int64_t i = 0; i < length; ++i) sum += x[r * length + i];
    out[r] = init + sum;
  }
}
void simd_sum_short_rows(const float* x, int64_t rows, int64_t length, float init, float* out) {
  sum_short_rows_scalar(x, rows, length, init, out);
}
void simd_sum_short_rows(const double* x, int64_t rows, int64_t length, double init, double* out) {
  sum_short_rows_scalar(x, rows, length, init, out);
}

template <class T>
T block_element(const SimdBlockOperand<T>& x, int64_t o, int64_t k, int64_t run) {
  const T* base = x.data + o * x.step;
  switch (x.repeat) {
    case SimdRepeat::Block:
      return base[k];
    case SimdRepeat::Run:
      return base[k % run];
    case SimdRepeat::Value:
      break;
  }
  return *base;
}

template <class T>
void binary_blocks_scalar(SimdBinary op, SimdBlockOperand<T> a, SimdBlockOperand<T> b, T* out,
                          int64_t blocks, int64_t run, int64_t count) {
  const int64_t n = run * count;
  for (int64_t o = 0; o < blocks; ++o) {
    for (int64_t k = 0; k < n; ++k) {
      const T x = block_element(a, o, k, run), y = block_element(b, o, k, run);
      binary_scalar(op, &x, false, &y, false, out + o * n + k, 1);
    }
  }
}

void simd_binary_blocks(SimdBinary op, SimdBlockOperand<float> a, SimdBlockOperand<float> b,
                        float* out, int64_t blocks, int64_t run, int64_t count) {
  binary_blocks_scalar(op, a, b, out, blocks, run, count);
}
void simd_binary_blocks(SimdBinary op, SimdBlockOperand<double> a, SimdBlockOperand<double> b,
                        double* out, int64_t blocks, int64_t run, int64_t count) {
  binary_blocks_scalar(op, a, b, out, blocks, run, count);
}

template <class T>
int64_t find_equal_scalar(const T* x, int64_t n, T value) {
  for (int64_t i = 0; i < n; ++i) {
    if (x[i] == value) return i;
  }
  return n;
}
bool simd_arg_best_rows(const float*, int64_t, int64_t, bool, int64_t*) {
  return false;
}
bool simd_arg_best_rows(const double*, int64_t, int64_t, bool, int64_t*) {
  return false;
}
int64_t simd_find_equal(const float* x, int64_t n, float value) {
  return find_equal_scalar(x, n, value);
}
int64_t simd_find_equal(const double* x, int64_t n, double value) {
  return find_equal_scalar(x, n, value);
}

template <class T>
T extremum_scalar(const T* x, int64_t n, bool is_max) {
  T result = x[0];
  for (int64_t i = 0; i < n; ++i) {
    if (x[i] != x[i]) return x[i];
    result = is_max ? (x[i] > result ? x[i] : result) : (x[i] < result ? x[i] : result);
  }
  return result;
}

template <class T>
T extremum_abs_scalar(const T* x, int64_t n, bool is_max) {
  T result = std::abs(x[0]);
  for (int64_t i = 0; i < n; ++i) {
    const T v = std::abs(x[i]);
    if (v != v) return v;
    result = is_max ? (v > result ? v : result) : (v < result ? v : result);
  }
  return result;
}

float simd_reduce_extremum_abs(const float* x, int64_t n, bool is_max) {
  return extremum_abs_scalar(x, n, is_max);
}
double simd_reduce_extremum_abs(const double* x, int64_t n, bool is_max) {
  return extremum_abs_scalar(x, n, is_max);
}
float simd_reduce_max(const float* x, int64_t n) {
  return extremum_scalar(x, n, true);
}
double simd_reduce_max(const double* x, int64_t n) {
  return extremum_scalar(x, n, true);
}
float simd_reduce_min(const float* x, int64_t n) {
  return extremum_scalar(x, n, false);
}
double simd_reduce_min(const double* x, int64_t n) {
  return extremum_scalar(x, n, false);
}

const char* simd_target_name() {
  return "C library";
}

}  // namespace pygraft::rt

#endif  // PYGRAFT_HAVE_HWY
