#!/usr/bin/env bash
# Installs, builds Release and runs two sample models end to end: single-head
# attention (straight-line) and an RNN (a data-dependent loop).
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
echo "== pygraft compile samples/rnn.py (a loop over time steps, kept as one loop node)"
./build/cli/pygraft compile samples/rnn.py -o "$out/rnn.pgraph"
echo "== pygraft run: an Elman RNN over 3 time steps"
./build/cli/pygraft run "$out/rnn.pgraph" --entry rnn_forward \
  '[[0.5,-0.1,0.3,0.9],[0.2,0.4,-0.6,0.0],[-0.3,0.8,0.1,-0.2]]'
echo "More samples and how to run them: samples/README.md"
