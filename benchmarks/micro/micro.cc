// Micro-benchmarks of the runtime through the library API (Google Benchmark):
// the cost of a call, of one executor instruction in a scalar loop, and of
// matrix products around the size where they move from Eigen to BLAS.
//
//   cmake -B build -DPYGRAFT_BUILD_BENCHMARKS=ON && ninja -C build pygraft_micro
//   build/benchmarks/micro/pygraft_micro --benchmark_filter=Matmul
//
// Each benchmark compiles a few lines of model source once, then times
// Program::call. Arguments cross the API by value, so the matrix sizes
// include copying the operands in (O(n^2), small beside the O(n^3) product
// from n = 64 on).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "pygraft/compiler.h"
#include "pygraft/runtime.h"

namespace {

using pygraft::api::Program;
using pygraft::api::Tensor;
using pygraft::api::Value;

std::shared_ptr<const Program> build(const std::string& source) {
  auto compiled = pygraft::api::compile(source, "micro.py");
  if (!compiled.ok()) {
    std::cerr << pygraft::api::render_text(compiled.diagnostics, source);
    std::abort();
  }
  auto loaded = Program::load(compiled.graph_bytes());
  if (!loaded.ok()) {
    std::cerr << loaded.error << "\n";
    std::abort();
  }
  return loaded.program;
}

void call_or_abort(const Program& program, const char* fn, std::vector<Value> args) {
  auto result = program.call(fn, std::move(args));
  if (!result.ok()) {
    std::cerr << result.error->to_string() << "\n";
    std::abort();
  }
  benchmark::DoNotOptimize(result.outputs);
}

// The fixed cost of a call: a function that returns its argument.
void BM_CallIdentity(benchmark::State& state) {
  auto program = build("def f(x):\n    return x\n");
  for (auto _ : state) call_or_abort(*program, "f", {Value(int64_t{3})});
}
BENCHMARK(BM_CallIdentity);

// A while loop on Python ints: per iteration one comparison, two additions
// (three kernel instructions) and the loop's own bookkeeping. The counter
// ns_per_iteration is the executor's cost of such an iteration.
void BM_ScalarLoop(benchmark::State& state) {
  auto program = build(
      "def f(n):\n"
      "    i = 0\n"
      "    s = 0\n"
      "    while i < n:\n"
      "        s = s + i\n"
      "        i = i + 1\n"
      "    return s\n");
  const int64_t n = state.range(0);
  for (auto _ : state) call_or_abort(*program, "f", {Value(n)});
  state.counters["ns_per_iteration"] =
      benchmark::Counter(static_cast<double>(state.iterations() * n),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_ScalarLoop)->Arg(10000);

// Collatz over 1 .. n - 1 (the runtime benchmark's scalar workload): the
// counter ns_per_step is the cost of one step of the inner while loop
// (a remainder, two comparisons, a branch, one or two int operations, the
// counter's addition and the loop's bookkeeping).
void BM_Collatz(benchmark::State& state) {
  auto program = build(
      "def f(limit):\n"
      "    total = 0\n"
      "    for start in range(1, limit):\n"
      "        n = start\n"
      "        while n != 1:\n"
      "            if n % 2 == 0:\n"
      "                n = n // 2\n"
      "            else:\n"
      "                n = 3 * n + 1\n"
      "            total += 1\n"
      "    return total\n");
  const int64_t limit = state.range(0);
  int64_t steps = 0;
  for (int64_t start = 1; start < limit; ++start) {
    for (int64_t n = start; n != 1; n = n % 2 == 0 ? n / 2 : 3 * n + 1) ++steps;
  }
  for (auto _ : state) call_or_abort(*program, "f", {Value(limit)});
  state.counters["ns_per_step"] =
      benchmark::Counter(static_cast<double>(state.iterations() * steps),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_Collatz)->Arg(300);

template <class T>
Tensor filled(int64_t rows, int64_t cols) {
  std::vector<T> values(static_cast<size_t>(rows * cols));
  for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<T>((i * 7 % 13) * 0.25 - 1.0);
  return Tensor::from<T>({rows, cols}, values);
}

// a (n x n) @ b (n x n), and a row vector (1 x n) @ b: the RNN's product.
template <class T>
void BM_Matmul(benchmark::State& state) {
  static auto program = build("def f(a, b):\n    return a @ b\n");
  const int64_t rows = state.range(0), n = state.range(1);
  const Tensor a = filled<T>(rows, n), b = filled<T>(n, n);
  for (auto _ : state) call_or_abort(*program, "f", {Value(a), Value(b)});
  state.counters["flops"] = benchmark::Counter(static_cast<double>(2 * rows * n * n),
                                               benchmark::Counter::kIsIterationInvariantRate);
}
void matmul_sizes(benchmark::internal::Benchmark* b) {
  for (int64_t n : {8, 16, 24, 32, 48, 64, 128, 256, 1024}) b->Args({n, n});
  for (int64_t n : {16, 32, 64, 128, 256, 512}) b->Args({1, n});
}
BENCHMARK(BM_Matmul<float>)->Apply(matmul_sizes);
BENCHMARK(BM_Matmul<double>)->Apply(matmul_sizes);

}  // namespace

BENCHMARK_MAIN();
