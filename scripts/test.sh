#!/usr/bin/env bash
# Installs, builds and runs the whole test suite twice: a Release build, then
# an AddressSanitizer + UndefinedBehaviorSanitizer build of the same suite.
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

echo "== Release build and tests"
run_suite build -DCMAKE_BUILD_TYPE=Release -DPYGRAFT_BUILD_TESTS=ON
echo "== ASan + UBSan build and tests"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPYGRAFT_SANITIZE=ON -DPYGRAFT_BUILD_TESTS=ON
