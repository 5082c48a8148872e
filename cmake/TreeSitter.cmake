# tree-sitter's C runtime and the Python grammar, from the npm packages pinned
# in package.json (installed with `npm ci --ignore-scripts`). Built as static
# C libraries; nothing is downloaded at configure time.
set(PYGRAFT_NODE_MODULES "${PROJECT_SOURCE_DIR}/node_modules" CACHE PATH "npm packages folder")
set(_ts_lib "${PYGRAFT_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib")
set(_ts_python "${PYGRAFT_NODE_MODULES}/tree-sitter-python/src")
if(NOT EXISTS "${_ts_lib}/src/lib.c" OR NOT EXISTS "${_ts_python}/parser.c")
  message(FATAL_ERROR "tree-sitter sources not found under ${PYGRAFT_NODE_MODULES}: "
                      "run `npm ci --ignore-scripts` in ${PROJECT_SOURCE_DIR} first.")
endif()

add_library(tree_sitter_core STATIC "${_ts_lib}/src/lib.c")
target_include_directories(tree_sitter_core PUBLIC "$<BUILD_INTERFACE:${_ts_lib}/include>" PRIVATE "${_ts_lib}/src")
target_compile_definitions(tree_sitter_core PRIVATE _DEFAULT_SOURCE)
set_target_properties(tree_sitter_core PROPERTIES POSITION_INDEPENDENT_CODE ON C_STANDARD 11)
# Always optimised: even Debug and sanitizer builds parse 10 MB sources quickly.
target_compile_options(tree_sitter_core PRIVATE -w -O2)

add_library(tree_sitter_python STATIC "${_ts_python}/parser.c" "${_ts_python}/scanner.c")
target_include_directories(tree_sitter_python PRIVATE "${_ts_python}")
target_link_libraries(tree_sitter_python PUBLIC tree_sitter_core)
set_target_properties(tree_sitter_python PROPERTIES POSITION_INDEPENDENT_CODE ON C_STANDARD 11)
target_compile_options(tree_sitter_python PRIVATE -w -O2)
