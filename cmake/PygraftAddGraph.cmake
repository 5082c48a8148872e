# pygraft_add_graph(<target> <model.py> [OUTPUT <file>] [ENTRY <name>...])
#
# Compiles <model.py> with `pygraft compile` at build time into OUTPUT
# (default: <binary dir>/<model name>.pgraph), rebuilding it when the model
# or the pygraft executable changes. <target> is a custom target, built by
# `all`, that other targets can add_dependencies() on; its property
# PYGRAFT_GRAPH_FILE holds the absolute path of the graph file. Relative
# paths are taken from the current source (model) and binary (OUTPUT) dirs.
function(pygraft_add_graph target model)
  cmake_parse_arguments(PARSE_ARGV 2 _pg "" "OUTPUT" "ENTRY")
  if(_pg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "pygraft_add_graph: unexpected arguments: ${_pg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT TARGET pygraft::pygraft)
    message(FATAL_ERROR "pygraft_add_graph: the pygraft::pygraft executable target is missing")
  endif()
  get_filename_component(_model "${model}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT _pg_OUTPUT)
    get_filename_component(_name "${_model}" NAME_WE)
    set(_pg_OUTPUT "${_name}.pgraph")
  endif()
  get_filename_component(_output "${_pg_OUTPUT}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  set(_entries "")
  foreach(_entry IN LISTS _pg_ENTRY)
    list(APPEND _entries --entry "${_entry}")
  endforeach()
  add_custom_command(
    OUTPUT "${_output}"
    COMMAND pygraft::pygraft compile "${_model}" -o "${_output}" ${_entries}
    DEPENDS "${_model}" "$<TARGET_FILE:pygraft::pygraft>"
    COMMENT "pygraft: compiling ${model}"
    VERBATIM)
  add_custom_target(${target} ALL DEPENDS "${_output}")
  set_target_properties(${target} PROPERTIES PYGRAFT_GRAPH_FILE "${_output}")
endfunction()
