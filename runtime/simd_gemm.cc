// Highway compiles the code between HWY_BEFORE_NAMESPACE and
// HWY_AFTER_NAMESPACE once per target instruction set (foreach_target.h
// re-includes this file); HWY_DYNAMIC_DISPATCH picks the best one the CPU
// supports at the first call.
#include "runtime/simd_gemm.h"

#include <cmath>
#include <vector>

#ifdef PYGRAFT_HAVE_HWY

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "runtime/simd_gemm.cc"
#include <hwy/cache_control.h>
#include <hwy/foreach_target.h>  // IWYU pragma: keep
// Note: the order matters; foreach_target.h must come before highway.h.
#include <hwy/highway.h>

HWY_BEFORE_NAMESPACE();
namespace pygraft::rt {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// acc + x * y rounded as the vector lanes' MulAdd rounds it on this target
// (once with FMA, twice without), so tail elements match vector ones.
template <class T>
HWY_INLINE T mul_add(T x, T y, T acc) {
#if HWY_NATIVE_FMA
  return std::fma(x, y, acc);
#else
  return x * y + acc;
#endif
}

// Sums start from `seed` (seed_of below).

// c[0..width) = sum over p of a[p] * b[p * m + 0..width), width kVectors
// vectors, each sum in p order: one chain of multiply-adds per vector.
template <int kVectors, class T>
HWY_INLINE void row_tile(const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                         int64_t k, int64_t m, T seed) {
  const hn::ScalableTag<T> d;
  const size_t lanes = hn::Lanes(d);
  decltype(hn::Zero(d)) acc[kVectors];
  HWY_UNROLL(16)
  for (int v = 0; v < kVectors; ++v) acc[v] = hn::Set(d, seed);
  for (int64_t p = 0; p < k; ++p) {
    const auto x = hn::Set(d, a[p]);
    const T* row = b + p * m;
    HWY_UNROLL(16)
    for (int v = 0; v < kVectors; ++v)
      acc[v] = hn::MulAdd(x, hn::LoadU(d, row + v * lanes), acc[v]);
  }
  HWY_UNROLL(16)
  for (int v = 0; v < kVectors; ++v) hn::StoreU(acc[v], d, c + v * lanes);
}

// As row_tile, for few vectors: each sum split into kStreams partial sums
// (term p goes to stream p mod kStreams, the last k mod kStreams to stream 0), added pairwise at
// the end. A narrow tile in p order is a chain of k dependent multiply-adds that waits on the FMA
// latency (the RNN's 32-wide step: 2 chains of 32); split, the chains run side by side. Same terms,
// another (fixed) order of the sum.
template <int kVectors, int kStreams, class T>
HWY_INLINE void row_tile_split(const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                               int64_t k, int64_t m, T seed) {
  static_assert(kStreams == 2 || kStreams == 4);
  const hn::ScalableTag<T> d;
  const size_t lanes = hn::Lanes(d);
  decltype(hn::Zero(d)) acc[kStreams][kVectors];
  HWY_UNROLL(16)
  for (int s = 0; s < kStreams; ++s) {
    HWY_UNROLL(16)
    for (int v = 0; v < kVectors; ++v) acc[s][v] = hn::Set(d, seed);
  }
  int64_t p = 0;
  for (; p + kStreams <= k; p += kStreams) {
    HWY_UNROLL(16)
    for (int s = 0; s < kStreams; ++s) {
      const auto x = hn::Set(d, a[p + s]);
      const T* row = b + (p + s) * m;
      HWY_UNROLL(16)
      for (int v = 0; v < kVectors; ++v) {
        acc[s][v] = hn::MulAdd(x, hn::LoadU(d, row + v * lanes), acc[s][v]);
      }
    }
  }
  // Note: the last k mod kStreams terms go to stream 0; a stream chosen per
  // term would index acc at run time and keep it in memory, not registers.
  for (; p < k; ++p) {
    const auto x = hn::Set(d, a[p]);
    HWY_UNROLL(16)
    for (int v = 0; v < kVectors; ++v) {
      acc[0][v] = hn::MulAdd(x, hn::LoadU(d, b + p * m + v * lanes), acc[0][v]);
    }
  }
  HWY_UNROLL(16)
  for (int v = 0; v < kVectors; ++v) {
    auto sum = hn::Add(acc[0][v], acc[1][v]);
    if constexpr (kStreams == 4) sum = hn::Add(sum, hn::Add(acc[2][v], acc[3][v]));
    hn::StoreU(sum, d, c + v * lanes);
  }
}

// One row of c = a_row @ b over the columns [0, full), full a multiple of
// the vector length: 4-vector tiles with the sums in registers across all
// of k, then single vectors.
template <class T>
HWY_INLINE void gemm_row(const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                         int64_t k, int64_t m, int64_t full, T seed) {
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  int64_t j = 0;
  for (; j + 4 * lanes <= full; j += 4 * lanes) row_tile<4>(a, b + j, c + j, k, m, seed);
  for (; j < full; j += lanes) row_tile<1>(a, b + j, c + j, k, m, seed);
}

// A row vector times a matrix (the step of an RNN or LSTM), over the
// columns [0, full): tiles of 8 vectors keep 8 chains of multiply-adds in
// flight with each sum in p order; the last 1-7 vectors, too few chains to
// hide the FMA latency, split their sums over k (row_tile_split).
template <class T>
HWY_INLINE void vector_row(const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                           int64_t k, int64_t m, int64_t full, T seed) {
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  int64_t j = 0;
#if HWY_TARGET <= HWY_AVX3
  // Note: with 32 vector registers, 16 sums fit: a tile reads 1 KB of each
  // row of b at once (the LSTM's 256 float32 columns: one tile, one pass).
  for (; j + 16 * lanes <= full; j += 16 * lanes) row_tile<16>(a, b + j, c + j, k, m, seed);
#endif
  for (; j + 8 * lanes <= full; j += 8 * lanes) row_tile<8>(a, b + j, c + j, k, m, seed);
  if (j + 4 * lanes <= full) {
    row_tile_split<4, 2>(a, b + j, c + j, k, m, seed);
    j += 4 * lanes;
  }
  switch ((full - j) / lanes) {
    case 3:
      return row_tile_split<3, 2>(a, b + j, c + j, k, m, seed);
    case 2:
      return row_tile_split<2, 4>(a, b + j, c + j, k, m, seed);
    case 1:
      return row_tile_split<1, 4>(a, b + j, c + j, k, m, seed);
    default:
      return;
  }
}

// sum over p of x[p] * y[p]: two vector sums, added, reduced, then the tail.
template <class T>
HWY_INLINE T dot(const T* HWY_RESTRICT x, const T* HWY_RESTRICT y, int64_t k, T seed) {
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  auto s0 = hn::Set(d, seed), s1 = s0;
  int64_t p = 0;
  for (; p + 2 * lanes <= k; p += 2 * lanes) {
    s0 = hn::MulAdd(hn::LoadU(d, x + p), hn::LoadU(d, y + p), s0);
    s1 = hn::MulAdd(hn::LoadU(d, x + p + lanes), hn::LoadU(d, y + p + lanes), s1);
  }
  for (; p + lanes <= k; p += lanes) s0 = hn::MulAdd(hn::LoadU(d, x + p), hn::LoadU(d, y + p), s0);
  T sum = hn::GetLane(hn::SumOfLanes(d, hn::Add(s0, s1)));
  for (; p < k; ++p) sum = mul_add(x[p], y[p], sum);
  return sum;
}

// c[r] = sum over the lanes of s_r, for r in 0..3 (the four sums of dot_rows4).
template <class D, class V, class T = hn::TFromD<D>>
HWY_INLINE void store_lane_sums4(D d, V s0, V s1, V s2, V s3, T* HWY_RESTRICT c) {
#if HWY_TARGET == HWY_SCALAR
  c[0] = hn::GetLane(s0), c[1] = hn::GetLane(s1), c[2] = hn::GetLane(s2), c[3] = hn::GetLane(s3);
  (void)d;
#else
  // Within each 128-bit block, interleave-and-add folds the four vectors
  // into one whose block holds one partial sum per row; the blocks are then
  // added. Doubles (two per block) take the rows in pairs.
  constexpr size_t kPerBlock = 16 / sizeof(T);
  const hn::FixedTag<T, kPerBlock> dq;
  HWY_ALIGN T folded[HWY_MAX_BYTES / sizeof(T)];
  const auto add_blocks = [&](auto v, T* out) {
    hn::Store(v, d, folded);
    auto sum = hn::Load(dq, folded);
    for (size_t i = kPerBlock; i < hn::Lanes(d); i += kPerBlock) {
      sum = hn::Add(sum, hn::Load(dq, folded + i));
    }
    hn::StoreU(sum, dq, out);
  };
  const auto t01 = hn::Add(hn::InterleaveLower(d, s0, s1), hn::InterleaveUpper(d, s0, s1));
  const auto t23 = hn::Add(hn::InterleaveLower(d, s2, s3), hn::InterleaveUpper(d, s2, s3));
  if constexpr (kPerBlock == 2) {
    add_blocks(t01, c);
    add_blocks(t23, c + 2);
  } else {
    const hn::Repartition<uint64_t, D> du;
    const auto lo = hn::InterleaveLower(du, hn::BitCast(du, t01), hn::BitCast(du, t23));
    const auto hi = hn::InterleaveUpper(du, hn::BitCast(du, t01), hn::BitCast(du, t23));
    add_blocks(hn::Add(hn::BitCast(d, lo), hn::BitCast(d, hi)), c);
  }
#endif
}

// c[0..4) = the dot products of a with the 4 rows of b (length k, one after
// the other): each vector of a loaded once for the four rows, the four lane
// sums folded together (logits = h @ emb.T is this, 1000 rows of 64). Note:
// 8 rows at a time measured no faster.
template <class T>
HWY_INLINE void dot_rows4(const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                          int64_t k, T seed) {
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  auto s0 = hn::Set(d, seed), s1 = s0, s2 = s0, s3 = s0;
  int64_t p = 0;
  for (; p + lanes <= k; p += lanes) {
    const auto x = hn::LoadU(d, a + p);
    s0 = hn::MulAdd(x, hn::LoadU(d, b + p), s0);
    s1 = hn::MulAdd(x, hn::LoadU(d, b + k + p), s1);
    s2 = hn::MulAdd(x, hn::LoadU(d, b + 2 * k + p), s2);
    s3 = hn::MulAdd(x, hn::LoadU(d, b + 3 * k + p), s3);
  }
  store_lane_sums4(d, s0, s1, s2, s3, c);
  for (; p < k; ++p) {
    for (int64_t r = 0; r < 4; ++r) c[r] = mul_add(a[p], b[r * k + p], c[r]);
  }
}

template <class T>
HWY_NOINLINE void Gemm(const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                       int64_t n, int64_t k, int64_t m, T seed) {
  if (m == 1) {  // matrix @ vector: b is one contiguous column
    for (int64_t i = 0; i < n; ++i) c[i] = dot(a + i * k, b, k, seed);
    return;
  }
  const hn::ScalableTag<T> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  const int64_t full = m - m % lanes, rest = m - full;
  // The last columns, fewer than a vector, copied into zero-padded rows of
  // one vector: they take the vector path too, with the same rounding.
  std::vector<T> tail;
  if (rest > 0) {
    tail.assign(static_cast<size_t>(k * lanes), T(0));
    for (int64_t p = 0; p < k; ++p) {
      for (int64_t t = 0; t < rest; ++t)
        tail[static_cast<size_t>(p * lanes + t)] = b[p * m + full + t];
    }
  }
  HWY_ALIGN T tail_out[HWY_MAX_BYTES / sizeof(T)];
  for (int64_t i = 0; i < n; ++i) {
    if (n == 1) {
      vector_row(a, b, c, k, m, full, seed);
    } else {
      gemm_row(a + i * k, b, c + i * m, k, m, full, seed);
    }
    if (rest > 0) {
      if (n == 1) {
        row_tile_split<1, 4>(a, tail.data(), tail_out, k, lanes, seed);
      } else {
        row_tile<1>(a + i * k, tail.data(), tail_out, k, lanes, seed);
      }
      for (int64_t t = 0; t < rest; ++t) c[i * m + full + t] = tail_out[t];
    }
  }
}

// Rows of b the dot products prefetch ahead of the four they work on: the
// hardware prefetcher alone leaves `h @ emb.T` waiting on L2 (greedy
// decoding 149 -> 129 us with 16; 8 and 32 gain less).
constexpr int64_t kPrefetchRows = 16;

template <class T>
HWY_NOINLINE void GemmBt(const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                         int64_t n, int64_t k, int64_t m, T seed) {
  constexpr int64_t kPerLine = 64 / static_cast<int64_t>(sizeof(T));
  for (int64_t i = 0; i < n; ++i) {
    int64_t j = 0;
    for (; j + 4 <= m; j += 4) {
      if (j + kPrefetchRows + 4 <= m) {
        const T* ahead = b + (j + kPrefetchRows) * k;
        for (int64_t e = 0; e < 4 * k; e += kPerLine) hwy::Prefetch(ahead + e);
      }
      dot_rows4(a + i * k, b + j * k, c + i * m + j, k, seed);
    }
    for (; j < m; ++j) c[i * m + j] = dot(a + i * k, b + j * k, k, seed);
  }
}

void GemmF32(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m,
             float seed) {
  Gemm(a, b, c, n, k, m, seed);
}
void GemmF64(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m,
             double seed) {
  Gemm(a, b, c, n, k, m, seed);
}
void GemmBtF32(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m,
               float seed) {
  GemmBt(a, b, c, n, k, m, seed);
}
void GemmBtF64(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m,
               double seed) {
  GemmBt(a, b, c, n, k, m, seed);
}

// Screening (runtime/screened_argmax.h). A packed word holds the top 16
// bits of two floats: element 2j's as its low half, 2j + 1's as its high
// half, so a shift and a mask turn a vector of words into the bfloat16
// truncations of the even and of the odd elements, as floats.
#if HWY_TARGET == HWY_SCALAR
// One lane: no pairs to pack; the caller makes the product.
bool ScreenPackF32(const float*, int64_t, int64_t, uint32_t*, float*) {
  return false;
}
bool ScreenDotsF32(const float*, const uint32_t*, int64_t, int64_t, float*) {
  return false;
}
#else
bool ScreenPackF32(const float* b, int64_t m, int64_t k, uint32_t* packed, float* sums_of_squares) {
  const hn::ScalableTag<float> d;
  const hn::RebindToUnsigned<decltype(d)> du;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  if (lanes < 2 || k % (2 * lanes) != 0) return false;
  const auto high = hn::Set(du, 0xFFFF0000u);
  for (int64_t r = 0; r < m; ++r) {
    const float* row = b + r * k;
    uint32_t* out = packed + r * (k / 2);
    auto squares = hn::Zero(d);
    for (int64_t p = 0; p < k; p += 2 * lanes) {
      const auto lo = hn::LoadU(d, row + p), hi = hn::LoadU(d, row + p + lanes);
      squares = hn::MulAdd(lo, lo, squares);
      squares = hn::MulAdd(hi, hi, squares);
      const auto even = hn::ConcatEven(du, hn::BitCast(du, hi), hn::BitCast(du, lo));
      const auto odd = hn::ConcatOdd(du, hn::BitCast(du, hi), hn::BitCast(du, lo));
      hn::StoreU(hn::Or(hn::And(odd, high), hn::ShiftRight<16>(even)), du, out + p / 2);
    }
    sums_of_squares[r] = hn::GetLane(hn::SumOfLanes(d, squares));
  }
  return true;
}

// The screened dot products of rows of kWords words (kVectors vectors of
// them), a's even and odd elements held in registers. A word read as a
// float is its odd element with the even element's 16 bits below it: those
// change it by less than 2^-7 of itself, as truncating them would, so it
// needs no mask (b is finite; runtime/screened_argmax.h bounds the rest).
// kVectors 0: any number (`vectors`); a fixed number lets the compiler
// keep a's parts in registers across all rows.
template <int kVectors, class D>
HWY_INLINE void screen_rows(D d, const float* HWY_RESTRICT even, const float* HWY_RESTRICT odd,
                            const uint32_t* HWY_RESTRICT packed, int64_t m, int64_t vectors,
                            float* approx) {
  const hn::RebindToUnsigned<D> du;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  const int64_t count = kVectors > 0 ? kVectors : vectors;
  const int64_t words = count * lanes;
  const auto word_dot = [&](const uint32_t* row, int64_t v, auto e, auto o, auto acc) {
    const auto w = hn::LoadU(du, row + v * lanes);
    acc = hn::MulAdd(hn::BitCast(d, hn::ShiftLeft<16>(w)), e, acc);
    return hn::MulAdd(hn::BitCast(d, w), o, acc);
  };
  constexpr int64_t kPerLine = 64 / static_cast<int64_t>(sizeof(uint32_t));
  int64_t r = 0;
  for (; r + 4 <= m; r += 4) {
    if (r + kPrefetchRows + 4 <= m) {
      const uint32_t* ahead = packed + (r + kPrefetchRows) * words;
      for (int64_t e = 0; e < 4 * words; e += kPerLine) hwy::Prefetch(ahead + e);
    }
    const uint32_t* row = packed + r * words;
    auto s0 = hn::Zero(d), s1 = s0, s2 = s0, s3 = s0;
    HWY_UNROLL(4)
    for (int64_t v = 0; v < count; ++v) {
      const auto e = hn::Load(d, even + v * lanes), o = hn::Load(d, odd + v * lanes);
      s0 = word_dot(row, v, e, o, s0);
      s1 = word_dot(row + words, v, e, o, s1);
      s2 = word_dot(row + 2 * words, v, e, o, s2);
      s3 = word_dot(row + 3 * words, v, e, o, s3);
    }
    store_lane_sums4(d, s0, s1, s2, s3, approx + r);
  }
  for (; r < m; ++r) {
    auto s = hn::Zero(d);
    for (int64_t v = 0; v < count; ++v) {
      s = word_dot(packed + r * words, v, hn::Load(d, even + v * lanes),
                   hn::Load(d, odd + v * lanes), s);
    }
    approx[r] = hn::GetLane(hn::SumOfLanes(d, s));
  }
}

bool ScreenDotsF32(const float* a, const uint32_t* packed, int64_t m, int64_t k, float* approx) {
  const hn::ScalableTag<float> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  constexpr int kMaxVectors = 64;  // k up to 2 048 on AVX-512
  if (lanes < 2 || k % (2 * lanes) != 0 || k / (2 * lanes) > kMaxVectors) return false;
  // a's even and odd elements, in the order of the packed words.
  HWY_ALIGN float even[kMaxVectors * HWY_MAX_BYTES / sizeof(float)];
  HWY_ALIGN float odd[kMaxVectors * HWY_MAX_BYTES / sizeof(float)];
  for (int64_t p = 0; p < k; p += 2 * lanes) {
    const auto lo = hn::LoadU(d, a + p), hi = hn::LoadU(d, a + p + lanes);
    hn::Store(hn::ConcatEven(d, hi, lo), d, even + p / 2);
    hn::Store(hn::ConcatOdd(d, hi, lo), d, odd + p / 2);
  }
  const int64_t vectors = k / (2 * lanes);
  switch (vectors) {
    case 1:
      screen_rows<1>(d, even, odd, packed, m, vectors, approx);
      break;
    case 2:
      screen_rows<2>(d, even, odd, packed, m, vectors, approx);
      break;
    case 4:
      screen_rows<4>(d, even, odd, packed, m, vectors, approx);
      break;
    default:
      screen_rows<0>(d, even, odd, packed, m, vectors, approx);
      break;
  }
  return true;
}
#endif  // HWY_TARGET == HWY_SCALAR

int64_t ScreenCandidatesF32(const float* approx, const float* norms, int64_t m, float scale,
                            float threshold, int64_t* rows, int64_t capacity) {
  const hn::ScalableTag<float> d;
  const auto lanes = static_cast<int64_t>(hn::Lanes(d));
  const auto vscale = hn::Set(d, scale), vthreshold = hn::Set(d, threshold);
  int64_t count = 0;
  const auto take = [&](int64_t r) {
    if (count < capacity) rows[count] = r;
    ++count;
  };
  int64_t r = 0;
  for (; r + lanes <= m; r += lanes) {
    const auto bound = hn::MulAdd(hn::LoadU(d, norms + r), vscale, hn::LoadU(d, approx + r));
    if (HWY_LIKELY(hn::AllFalse(d, hn::Ge(bound, vthreshold)))) continue;
    for (int64_t j = r; j < r + lanes; ++j) {
      if (std::fma(norms[j], scale, approx[j]) >= threshold) take(j);
    }
  }
  for (; r < m; ++r) {
    if (std::fma(norms[r], scale, approx[r]) >= threshold) take(r);
  }
  return count;
}

}  // namespace HWY_NAMESPACE
}  // namespace pygraft::rt
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pygraft::rt {

namespace {

// Sums start from `seed`: -0.0, the additive identity, keeps a sum of only
// -0.0 products -0.0 as Eigen's products do (np.dot of single elements);
// +0.0 gives what a sum from -0.0 gives plus 0.0 (only a zero's sign can
// differ), which is NumPy's matmul (its BLAS writes from zero).
template <class T>
T seed_of(ZeroSums zeros) {
  return zeros == ZeroSums::Positive ? T(0.0) : T(-0.0);
}

}  // namespace

HWY_EXPORT(GemmF32);
HWY_EXPORT(GemmF64);
HWY_EXPORT(GemmBtF32);
HWY_EXPORT(GemmBtF64);
HWY_EXPORT(ScreenPackF32);
HWY_EXPORT(ScreenDotsF32);
HWY_EXPORT(ScreenCandidatesF32);

bool simd_gemm(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m,
               ZeroSums zeros) {
  HWY_DYNAMIC_DISPATCH(GemmF32)(a, b, c, n, k, m, seed_of<float>(zeros));
  return true;
}
bool simd_gemm(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m,
               ZeroSums zeros) {
  HWY_DYNAMIC_DISPATCH(GemmF64)(a, b, c, n, k, m, seed_of<double>(zeros));
  return true;
}
bool simd_gemm_bt(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t m,
                  ZeroSums zeros) {
  HWY_DYNAMIC_DISPATCH(GemmBtF32)(a, b, c, n, k, m, seed_of<float>(zeros));
  return true;
}
bool simd_gemm_bt(const double* a, const double* b, double* c, int64_t n, int64_t k, int64_t m,
                  ZeroSums zeros) {
  HWY_DYNAMIC_DISPATCH(GemmBtF64)(a, b, c, n, k, m, seed_of<double>(zeros));
  return true;
}

bool simd_screen_pack(const float* b, int64_t m, int64_t k, uint32_t* packed,
                      float* sums_of_squares) {
  return HWY_DYNAMIC_DISPATCH(ScreenPackF32)(b, m, k, packed, sums_of_squares);
}
bool simd_screen_dots(const float* a, const uint32_t* packed, int64_t m, int64_t k, float* approx) {
  return HWY_DYNAMIC_DISPATCH(ScreenDotsF32)(a, packed, m, k, approx);
}
int64_t simd_screen_candidates(const float* approx, const float* norms, int64_t m, float scale,
                               float threshold, int64_t* rows, int64_t capacity) {
  return HWY_DYNAMIC_DISPATCH(ScreenCandidatesF32)(approx, norms, m, scale, threshold, rows,
                                                   capacity);
}

}  // namespace pygraft::rt
#endif  // HWY_ONCE

#else  // !PYGRAFT_HAVE_HWY

namespace pygraft::rt {

bool simd_gemm(const float*, const float*, float*, int64_t, int64_t, int64_t, ZeroSums) {
  return false;
}
bool simd_gemm(const double*, const double*, double*, int64_t, int64_t, int64_t, ZeroSums) {
  return false;
}
bool simd_gemm_bt(const float*, const float*, float*, int64_t, int64_t, int64_t, ZeroSums) {
  return false;
}
bool simd_gemm_bt(const double*, const double*, double*, int64_t, int64_t, int64_t, ZeroSums) {
  return false;
}
bool simd_screen_pack(const float*, int64_t, int64_t, uint32_t*, float*) {
  return false;
}
bool simd_screen_dots(const float*, const uint32_t*, int64_t, int64_t, float*) {
  return false;
}
int64_t simd_screen_candidates(const float*, const float*, int64_t, float, float, int64_t*,
                               int64_t) {
  return 0;
}

}  // namespace pygraft::rt

#endif  // PYGRAFT_HAVE_HWY
