#!/usr/bin/env bash
# Runs every libFuzzer target of a PYGRAFT_FUZZ build for a bounded number of
# executions over the seed corpora, and replays the crash regressions under
# tests/robustness/regressions/<target>/ first.
#
#   fuzz/run_fuzzers.sh BUILD_DIR [PYGRAFT]
#
# PYGRAFT (optional): a built pygraft CLI used to compile the .py seeds into
# graph-file seeds for fuzz_graph_loader (fuzz/corpus/graph/ is used always).
# Environment: FUZZ_RUNS (executions of fuzz_front_end, default 20000),
# FUZZ_RUNS_FAST (of the three cheap targets, default 200000), FUZZ_MAX_TIME
# (seconds per target, default 90, which stops a run early on a slow machine), FUZZ_SEED (default 1: the test command is
# reproducible; set it to 0 for a random seed when hunting).
set -euo pipefail
cd "$(dirname "$0")/.."
build=$1
pygraft=${2:-}
runs=${FUZZ_RUNS:-20000}
runs_fast=${FUZZ_RUNS_FAST:-200000}
max_time=${FUZZ_MAX_TIME:-90}
seed=${FUZZ_SEED:-1}
work="$build/fuzz-work"
rm -rf "$work"
mkdir -p "$work/artifacts" "$work/seeds/py" "$work/seeds/graph" "$work/seeds/npy" "$work/seeds/json" \
  "$work/seeds/onnx"

for dir in tests/cases samples tests/golden; do  # names repeat across directories
  for py in "$dir"/*.py; do cp "$py" "$work/seeds/py/${dir//\//_}_$(basename "$py")"; done
done
# fuzz_onnx_export seeds: a signature line, then the source.
while read -r file signature; do
  { echo "$signature"; cat "$file"; } > "$work/seeds/onnx/$(basename "$file" .py)_${signature%%(*}.txt"
done < fuzz/corpus/onnx_signatures.txt
cp fuzz/corpus/graph/* "$work/seeds/graph/"
cp fuzz/corpus/npy/* "$work/seeds/npy/"
cp fuzz/corpus/json/* "$work/seeds/json/"
if [[ -n "$pygraft" ]]; then
  for py in "$work"/seeds/py/*.py; do
    "$pygraft" compile "$py" -o "$work/seeds/graph/$(basename "$py" .py).pgraph" \
      >/dev/null 2>&1 || true
  done
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

fuzz_one() {  # target seed-dir runs
  local target=$1 seeds=$2 runs=$3 exe="$build/fuzz/$1"
  local regressions="tests/robustness/regressions/$target"
  if compgen -G "$regressions/*" >/dev/null; then
    echo "-- $target: replaying $(ls "$regressions" | wc -l) regression inputs"
    "$exe" -runs=1 "$regressions"/* >"$work/$target.replay.log" 2>&1 ||
      { cat "$work/$target.replay.log"; return 1; }
  fi
  mkdir -p "$work/corpus/$target"
  local start=$SECONDS
  echo "-- $target: $runs executions (seed $seed, at most ${max_time}s)"
  if ! "$exe" -runs="$runs" -max_total_time="$max_time" -seed="$seed" -timeout=30 \
      -rss_limit_mb=2560 -max_len=8192 -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/$target-" \
      "$work/corpus/$target" "$seeds" >"$work/$target.log" 2>&1; then
    tail -n 60 "$work/$target.log"
    echo "FAILED: $target; the input is in $work/artifacts/ (add it under $regressions/)"
    return 1
  fi
  local execs
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$target.log" | grep -o '[0-9]*$')
  echo "   ok: ${execs:-?} executions in $((SECONDS - start))s"
}

fuzz_one fuzz_front_end "$work/seeds/py" "$runs"
fuzz_one fuzz_graph_loader "$work/seeds/graph" "$runs_fast"
fuzz_one fuzz_npy "$work/seeds/npy" "$runs_fast"
fuzz_one fuzz_json_args "$work/seeds/json" "$runs_fast"
fuzz_one fuzz_onnx_export "$work/seeds/onnx" "$runs"
