#!/usr/bin/env bash
# Installs, builds and runs the whole test suite twice: a Release build, then
# an AddressSanitizer + UndefinedBehaviorSanitizer build of the same suite;
# then runs the libFuzzer targets (clang-14) for a bounded number of inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)

run_suite() {  # build-dir, extra cmake args...
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  ctest --test-dir "$dir" --output-on-failure -j "$jobs" --timeout 600
}

# Sanitized builds: assertions on, -O1 (quick to compile, fast enough to run).
sanitized_flags=(-DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O1 -DCMAKE_C_FLAGS_DEBUG=-O1)

echo "== Release build and tests"
run_suite build -DCMAKE_BUILD_TYPE=Release -DPYGRAFT_BUILD_TESTS=ON
echo "== ASan + UBSan build and tests"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite build-asan -DPYGRAFT_SANITIZE=ON -DPYGRAFT_BUILD_TESTS=ON "${sanitized_flags[@]}"
echo "== libFuzzer targets (clang-14, ASan + UBSan), bounded runs"
fuzz_start=$SECONDS
cmake -S . -B build-fuzz -G Ninja "${sanitized_flags[@]}" -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_C_COMPILER=clang-14 -DPYGRAFT_FUZZ=ON -DPYGRAFT_SANITIZE=ON -DPYGRAFT_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j "$jobs" --target pygraft_fuzzers
bash fuzz/run_fuzzers.sh build-fuzz build/cli/pygraft
echo "== fuzz stage: $((SECONDS - fuzz_start))s"
