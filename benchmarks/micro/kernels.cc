// Micro-benchmarks of single runtime kernels, below the library API (no
// argument copies, no executor): the products an RNN, LSTM or decoder step
// is made of, where the time is the kernel's own.
//
//   cmake -B build -DPYGRAFT_BUILD_BENCHMARKS=ON && ninja -C build pygraft_kernels
//   build/benchmarks/micro/pygraft_kernels --benchmark_filter=Gemm
#include <benchmark/benchmark.h>

#include <cstdint>
#include <new>
#include <vector>

#include "runtime/reduce_fold.h"
#include "runtime/screened_argmax.h"
#include "runtime/simd_gemm.h"
#include "runtime/simd_leaf_sums.h"
#include "runtime/simd_math.h"

namespace {

// Arrays start at a cache line, as the runtime's tensors of 4 KB and more
// do (runtime/block_pool.h): malloc's 16-byte alignment splits vector
// loads across lines and measures a different kernel speed.
template <class T>
struct CacheLineAllocator {
  using value_type = T;
  CacheLineAllocator() = default;
  template <class U>
  CacheLineAllocator(const CacheLineAllocator<U>&) {}
  T* allocate(size_t count) {
    return static_cast<T*>(::operator new (count * sizeof(T), std::align_val_t{64}));
  }
  void deallocate(T* p, size_t) { ::operator delete (p, std::align_val_t{64}); }
  bool operator==(const CacheLineAllocator&) const { return true; }
};
template <class T>
using Array = std::vector<T, CacheLineAllocator<T>>;

template <class T>
Array<T> filled(int64_t count) {
  Array<T> values(static_cast<size_t>(count));
  for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<T>((i * 7 % 13) * 0.25 - 1.0);
  return values;
}

// (n x k) @ (k x m): args n, k, m.
template <class T>
void BM_Gemm(benchmark::State& state) {
  const int64_t n = state.range(0), k = state.range(1), m = state.range(2);
  const Array<T> a = filled<T>(n * k), b = filled<T>(k * m);
  Array<T> c(static_cast<size_t>(n * m));
  for (auto _ : state) {
    pygraft::rt::simd_gemm(a.data(), b.data(), c.data(), n, k, m);
    benchmark::DoNotOptimize(c.data());
    benchmark::ClobberMemory();
  }
  state.counters["flops"] = benchmark::Counter(static_cast<double>(2 * n * k * m),
                                               benchmark::Counter::kIsIterationInvariantRate);
}
// The RNN steps (1 x 32 @ 32 x 32, 1 x 512 @ 512 x 512), the LSTM's
// (1 x 64 @ 64 x 256), a narrow 1 x 16, and small square products.
BENCHMARK(BM_Gemm<float>)
    ->Args({1, 32, 32})
    ->Args({1, 16, 16})
    ->Args({1, 64, 64})
    ->Args({1, 64, 256})
    ->Args({1, 512, 512})
    ->Args({32, 32, 32});
BENCHMARK(BM_Gemm<double>)->Args({1, 32, 32})->Args({1, 64, 256});

// (n x k) @ (m x k).T, args n, k, m: greedy decoding's logits (1 x 64 against
// 1000 rows of 64).
template <class T>
void BM_GemmTransposed(benchmark::State& state) {
  const int64_t n = state.range(0), k = state.range(1), m = state.range(2);
  const Array<T> a = filled<T>(n * k), b = filled<T>(m * k);
  Array<T> c(static_cast<size_t>(n * m));
  for (auto _ : state) {
    pygraft::rt::simd_gemm_bt(a.data(), b.data(), c.data(), n, k, m);
    benchmark::DoNotOptimize(c.data());
    benchmark::ClobberMemory();
  }
  state.counters["flops"] = benchmark::Counter(static_cast<double>(2 * n * k * m),
                                               benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_GemmTransposed<float>)->Args({1, 64, 1000})->Args({1, 256, 256})->Args({1, 33, 100});
BENCHMARK(BM_GemmTransposed<double>)->Args({1, 64, 1000});

// Values in [-1, 1) from a fixed linear congruential sequence: rows unlike
// each other, as an embedding's are.
Array<float> scattered(int64_t count, uint32_t seed) {
  Array<float> values(static_cast<size_t>(count));
  for (float& v : values) {
    seed = seed * 1664525u + 1013904223u;
    v = static_cast<float>(seed >> 8) * 0x1p-23f - 1.0f;
  }
  return values;
}

// argmax(h @ emb.T) by screening (runtime/screened_argmax.h) against the
// full product and an argmax: the embedding's screened copy is made once,
// as a decoding loop makes it once per call. Args: k, m.
void BM_ScreenedArgmax(benchmark::State& state) {
  const int64_t k = state.range(0), m = state.range(1);
  const Array<float> a = scattered(k, 1), b = scattered(m * k, 2);
  pygraft::rt::ScreenedMatrix screen;
  int64_t index = 0;
  for (auto _ : state) {
    if (!pygraft::rt::screened_argmax_bt(a.data(), b.data(), m, k, screen, index)) {
      state.SkipWithError("the screening did not decide");
      break;
    }
    benchmark::DoNotOptimize(index);
  }
}
BENCHMARK(BM_ScreenedArgmax)->Args({64, 1000})->Args({512, 2000});

void BM_ProductArgmax(benchmark::State& state) {
  const int64_t k = state.range(0), m = state.range(1);
  const Array<float> a = scattered(k, 1), b = scattered(m * k, 2);
  Array<float> c(static_cast<size_t>(m));
  for (auto _ : state) {
    pygraft::rt::simd_gemm_bt(a.data(), b.data(), c.data(), 1, k, m);
    const float best = pygraft::rt::simd_reduce_max(c.data(), m);
    benchmark::DoNotOptimize(pygraft::rt::simd_find_equal(c.data(), m, best));
  }
}
BENCHMARK(BM_ProductArgmax)->Args({64, 1000})->Args({512, 2000});

// The passes of the fused elementwise chain (benchmarks/runtime's `chain`)
// over one of its blocks (2048 float32, in L1): arg 0 = elements.

// x * 0.5 + 1.0 in one pass; arg 1 = how many floats past a cache line
// both arrays start (0: aligned, 4: every vector store splits two lines,
// 25 % slower on this machine: why the fused kernel aligns its blocks).
void BM_ChainAffine(benchmark::State& state) {
  const int64_t n = state.range(0);
  const Array<float> x = filled<float>(n + 32);
  Array<float> out(static_cast<size_t>(n + 32));
  const float half = 0.5f;
  const auto at_offset = [&](auto* p) {
    return p + (16 - reinterpret_cast<uintptr_t>(p) % 64 / sizeof(float)) % 16 + state.range(1);
  };
  for (auto _ : state) {
    pygraft::rt::simd_binary_affine(pygraft::rt::SimdBinary::Mul, at_offset(x.data()), true, &half,
                                    false, 1.0f, 1.0f, at_offset(out.data()), n);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_ChainAffine)->Args({2048, 0})->Args({2048, 4});

void BM_ChainTanh(benchmark::State& state) {
  const int64_t n = state.range(0);
  const Array<float> x = filled<float>(n);
  Array<float> out(static_cast<size_t>(n));
  for (auto _ : state) {
    pygraft::rt::simd_tanh(x.data(), out.data(), n);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_ChainTanh)->Arg(2048);

// NumPy's pairwise sum of squares over the leaves of one block (16 x 128).
void BM_ChainSumOfSquares(benchmark::State& state) {
  const int64_t n = state.range(0);
  const Array<float> x = filled<float>(n);
  for (auto _ : state) {
    float total = 0;
    for (int64_t at = 0; at < n; at += 128)
      total += pygraft::rt::pairwise_sum(x.data() + at, 128, pygraft::rt::Square{});
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_ChainSumOfSquares)->Arg(2048);

// The same leaves four at a time (runtime/simd_leaf_sums.h).
void BM_ChainLeafSumsOfSquares(benchmark::State& state) {
  const int64_t n = state.range(0);
  const Array<float> x = filled<float>(n);
  const Array<int64_t> leaves(static_cast<size_t>(n / 128), 128);
  Array<float> sums(leaves.size());
  for (auto _ : state) {
    pygraft::rt::simd_leaf_sums(x.data(), leaves.data(), leaves.size(), true, sums.data(), 1);
    benchmark::DoNotOptimize(sums.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_ChainLeafSumsOfSquares)->Arg(2048);

void BM_ChainMaxAbs(benchmark::State& state) {
  const int64_t n = state.range(0);
  const Array<float> x = filled<float>(n);
  for (auto _ : state) {
    benchmark::DoNotOptimize(pygraft::rt::simd_reduce_extremum_abs(x.data(), n, true));
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_ChainMaxAbs)->Arg(2048)->Arg(65536);

}  // namespace

BENCHMARK_MAIN();
