#!/usr/bin/env bash
# Installs, builds Release and runs a sample model end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPYGRAFT_BUILD_TESTS=OFF >/dev/null
cmake --build build --target pygraft
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "== pygraft compile samples/attention.py"
./build/cli/pygraft compile samples/attention.py -o "$out/attention.pgraph"
echo "== pygraft run (single-head attention over 3 tokens of width 4)"
./build/cli/pygraft run "$out/attention.pgraph" --entry attention \
  '[[1,0,1,0],[0,1,0,1],[1,1,0,0]]' '[[0.5,0.1,0.2,0.3],[0.3,0.2,0.1,0.5],[0.1,0.1,0.1,0.1]]' \
  '[[1,2,3,4],[5,6,7,8],[9,10,11,12]]'
