// Micro-benchmarks of single runtime kernels, below the library API (no
// argument copies, no executor): the products an RNN, LSTM or decoder step
// is made of, where the time is the kernel's own.
//
//   cmake -B build -DPYGRAFT_BUILD_BENCHMARKS=ON && ninja -C build pygraft_kernels
//   build/benchmarks/micro/pygraft_kernels --benchmark_filter=Gemm
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "runtime/simd_gemm.h"

namespace {

template <class T>
std::vector<T> filled(int64_t count) {
  std::vector<T> values(static_cast<size_t>(count));
  for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<T>((i * 7 % 13) * 0.25 - 1.0);
  return values;
}

// (n x k) @ (k x m): args n, k, m.
template <class T>
void BM_Gemm(benchmark::State& state) {
  const int64_t n = state.range(0), k = state.range(1), m = state.range(2);
  const std::vector<T> a = filled<T>(n * k), b = filled<T>(k * m);
  std::vector<T> c(static_cast<size_t>(n * m));
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
  const std::vector<T> a = filled<T>(n * k), b = filled<T>(m * k);
  std::vector<T> c(static_cast<size_t>(n * m));
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

}  // namespace

BENCHMARK_MAIN();
