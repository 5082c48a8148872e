#!/usr/bin/env bash
# Usage: run_install_test.sh BUILD_DIR CONSUMER_SOURCE_DIR CMAKE GENERATOR CXX
#
# 1. cmake --install BUILD_DIR into a temporary prefix;
# 2. configure + build the consumer project against it (find_package(pygraft),
#    pygraft_add_graph), then run both of its executables;
# 3. check that the installed runtime libraries and the consumer binary that
#    links only pygraft::runtime contain no tree-sitter (ts_*) and no Python
#    (Py*/_Py*) symbols, and that ldd shows no libpython / libtree-sitter.
set -euo pipefail
build_dir=$1 consumer=$2 cmake=$3 generator=$4 cxx=$5
work=$(mktemp -d "${TMPDIR:-/tmp}/pygraft_install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

step() { echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

step "install into $prefix"
"$cmake" --install "$build_dir" --prefix "$prefix" > "$work/install.log"
for f in bin/pygraft include/pygraft/compiler.h include/pygraft/runtime.h \
         lib/cmake/pygraft/pygraftConfig.cmake lib/cmake/pygraft/PygraftAddGraph.cmake \
         lib/libpygraft_compiler.a lib/libpygraft_runtime_api.a; do
  [[ -e $prefix/$f ]] || fail "not installed: $f"
done
if grep -rlE '<(Eigen|nlohmann|tree_sitter)/' "$prefix/include"; then
  fail "an installed header includes Eigen, nlohmann or tree-sitter"
fi

step "configure + build the consumer"
"$cmake" -S "$consumer" -B "$work/build" -G "$generator" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" > "$work/configure.log" \
  || { cat "$work/configure.log"; fail "configure"; }
"$cmake" --build "$work/build" -j 2 > "$work/build.log" || { cat "$work/build.log"; fail "build"; }
[[ -f $work/build/model.pgraph ]] || fail "pygraft_add_graph wrote no model.pgraph"

step "run the consumer"
"$work/build/run_model"
"$work/build/compile_and_run"

step "rebuild after touching model.py recompiles the graph"
cp -r "$consumer" "$work/src"
"$cmake" -S "$work/src" -B "$work/build2" -G "$generator" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" > /dev/null
"$cmake" --build "$work/build2" -j 2 > /dev/null
sleep 1 && touch "$work/src/model.py"
"$cmake" --build "$work/build2" -j 2 | grep "pygraft: compiling model.py" >/dev/null \
  || fail "touching model.py did not rebuild the graph"

step "the runtime has no tree-sitter or Python in it"
# Symbols defined or referenced: tree-sitter's C API is ts_*, CPython's Py*/_Py*.
forbidden='^(ts_|_?Py[A-Z_])'
symbols() { nm -P "$@" 2>/dev/null | awk 'NF >= 2 {print $1}' | sort -u; }
runtime_libs=$(printf "$prefix/lib/libpygraft_%s.a " runtime_api runtime graph support api_common)
if symbols $runtime_libs | grep -E "$forbidden"; then fail "runtime libraries"; fi
if symbols "$work/build/run_model" | grep -E "$forbidden"; then fail "run_model"; fi
if ldd "$work/build/run_model" | grep -Ei 'python|tree-sitter|tree_sitter'; then
  fail "run_model links Python or tree-sitter"
fi
# Sanity check of the check itself: the compiler side does contain ts_*.
symbols "$work/build/compile_and_run" | grep -E '^ts_parser_new$' >/dev/null \
  || fail "the symbol check found no ts_parser_new in compile_and_run: is it working?"
# The exported link interface of pygraft::runtime names no tree-sitter.
sed -n '/pygraft::runtime PROPERTIES/,/^)/p' "$prefix/lib/cmake/pygraft/pygraftTargets.cmake" \
  | grep tree_sitter >/dev/null && fail "pygraft::runtime's link interface names tree-sitter"
echo "install.consumer: OK"
