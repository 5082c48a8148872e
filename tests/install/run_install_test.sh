#!/usr/bin/env bash
# Usage: run_install_test.sh BUILD_DIR CONSUMER_SOURCE_DIR CMAKE GENERATOR CXX
#
# 1. cmake --install BUILD_DIR into a temporary prefix;
# 2. configure + build the consumer project against it (find_package(pygraft),
#    pygraft_add_graph, pygraft::onnx through COMPONENTS onnx), then run its
#    executables; configure it again without the onnx component and check
#    that protobuf and libonnx were not looked for;
# 3. check that the installed runtime libraries and the consumer binary that
#    links only pygraft::runtime contain no tree-sitter (ts_*), no Python
#    (Py*/_Py*) and no protobuf or ONNX symbols, and that ldd shows no
#    libpython / libtree-sitter / libprotobuf / libonnx.
set -euo pipefail
build_dir=$1 consumer=$2 cmake=$3 generator=$4 cxx=$5
work=$(mktemp -d "${TMPDIR:-/tmp}/pygraft_install.XXXXXX")
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix

step() { echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

step "install into $prefix"
"$cmake" --install "$build_dir" --prefix "$prefix" > "$work/install.log"
for f in bin/pygraft include/pygraft/compiler.h include/pygraft/runtime.h include/pygraft/onnx.h \
         lib/cmake/pygraft/pygraftConfig.cmake lib/cmake/pygraft/PygraftAddGraph.cmake \
         lib/cmake/pygraft/pygraftOnnxTargets.cmake \
         lib/libpygraft_compiler.a lib/libpygraft_runtime_api.a \
         lib/libpygraft_onnx.a lib/libpygraft_onnx_export.a; do
  [[ -e $prefix/$f ]] || fail "not installed: $f"
done
if grep -rlE '<(Eigen|nlohmann|tree_sitter|onnx|google)/' "$prefix/include"; then
  fail "an installed header includes Eigen, nlohmann, tree-sitter, ONNX or protobuf"
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
"$work/build/export_model" "$consumer/model.py"

step "rebuild after touching model.py recompiles the graph (no onnx component)"
cp -r "$consumer" "$work/src"
"$cmake" -S "$work/src" -B "$work/build2" -G "$generator" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" -DCONSUMER_ONNX=OFF > /dev/null
# find_package(pygraft) without COMPONENTS onnx must not look for protobuf or ONNX.
if grep -E '^(Protobuf_|ONNX_DIR|nlohmann_json_DIR)' "$work/build2/CMakeCache.txt"; then
  fail "find_package(pygraft) without the onnx component looked for protobuf, ONNX or nlohmann_json"
fi
"$cmake" --build "$work/build2" -j 2 > /dev/null
sleep 1 && touch "$work/src/model.py"
"$cmake" --build "$work/build2" -j 2 | grep "pygraft: compiling model.py" >/dev/null \
  || fail "touching model.py did not rebuild the graph"

step "the runtime has no tree-sitter, Python, protobuf or ONNX in it"
# Symbols defined or referenced: tree-sitter's C API is ts_*, CPython's
# Py*/_Py*; protobuf's and ONNX's are C++ names in namespaces google::protobuf
# and onnx, mangled (anywhere in a symbol: functions, vtables, typeinfo,
# templates instantiated on their types) as 6google8protobuf and 4onnx<len>.
forbidden='^(ts_|_?Py[A-Z_])|6google8protobuf|4onnx[0-9]'
symbols() { nm -P "$@" 2>/dev/null | awk 'NF >= 2 {print $1}' | sort -u; }
runtime_libs=$(printf "$prefix/lib/libpygraft_%s.a " runtime_api runtime graph support api_common)
if symbols $runtime_libs | grep -E "$forbidden"; then fail "runtime libraries"; fi
if symbols "$work/build/run_model" | grep -E "$forbidden"; then fail "run_model"; fi
if ldd "$work/build/run_model" | grep -Ei 'python|tree-sitter|tree_sitter|protobuf|onnx'; then
  fail "run_model links Python, tree-sitter, protobuf or ONNX"
fi
# Sanity checks of the check itself: the compiler side does contain ts_*,
# the exporter protobuf's and ONNX's symbols.
symbols "$work/build/compile_and_run" | grep -E '^ts_parser_new$' >/dev/null \
  || fail "the symbol check found no ts_parser_new in compile_and_run: is it working?"
symbols "$prefix/lib/libpygraft_onnx_export.a" | grep -E '6google8protobuf' >/dev/null \
  || fail "the symbol check found no protobuf symbol in libpygraft_onnx_export.a: is it working?"
symbols "$prefix/lib/libpygraft_onnx_export.a" | grep -E '4onnx[0-9]' >/dev/null \
  || fail "the symbol check found no ONNX symbol in libpygraft_onnx_export.a: is it working?"
ldd "$work/build/export_model" | grep -E 'libprotobuf' >/dev/null \
  || fail "ldd shows no libprotobuf in export_model: is the ldd check working?"
# The exported link interface of pygraft::runtime names no tree-sitter, and
# the main export set (compiler, runtime, executable) no protobuf or ONNX.
sed -n '/pygraft::runtime PROPERTIES/,/^)/p' "$prefix/lib/cmake/pygraft/pygraftTargets.cmake" \
  | grep tree_sitter >/dev/null && fail "pygraft::runtime's link interface names tree-sitter"
if grep -lE 'protobuf|onnx' "$prefix"/lib/cmake/pygraft/pygraftTargets*.cmake; then
  fail "the main export set names protobuf or ONNX (they belong to pygraftOnnxTargets)"
fi
echo "install.consumer: OK"
