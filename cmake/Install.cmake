# `cmake --install`: the pygraft executable, the public headers, the static
# libraries and a CMake package so that a consumer's
#   find_package(pygraft REQUIRED)
# gives pygraft::compiler, pygraft::runtime, pygraft::pygraft (the
# executable) and pygraft_add_graph() (cmake/PygraftAddGraph.cmake), and
#   find_package(pygraft REQUIRED COMPONENTS onnx)
# also pygraft::onnx (include/pygraft/onnx.h).
#
# Note: the public libraries are static, so the internal static libraries
# they link (and tree-sitter's, for the compiler) are installed and exported
# too; header-only dependencies (Eigen, nlohmann_json) are build-tree only,
# since no installed header includes them.
#
# Note: pygraft::onnx and the exporter it links (onnx_export/) are a
# separate export set, pygraftOnnxTargets, loaded only for the `onnx`
# component: they link protobuf and libonnx, which a project using only
# the compiler or the runtime must not need (cmake/pygraftConfig.cmake.in).
include(CMakePackageConfigHelpers)

set(PYGRAFT_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/pygraft)

# A sanitized build installs sanitized libraries: whatever links them needs
# the sanitizer runtimes too, so the exported link interface says so.
if(PYGRAFT_SANITIZE)
  target_link_options(pygraft_support INTERFACE -fsanitize=address,undefined)
endif()

install(TARGETS pygraft pygraft_compiler pygraft_runtime_api pygraft_api_common
                pygraft_transform pygraft_parser pygraft_runtime pygraft_graph pygraft_support
                tree_sitter_python tree_sitter_core
        EXPORT pygraftTargets
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS pygraft_onnx pygraft_onnx_export
        EXPORT pygraftOnnxTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/pygraft DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT pygraftTargets NAMESPACE pygraft:: DESTINATION ${PYGRAFT_INSTALL_CMAKEDIR})
install(EXPORT pygraftOnnxTargets NAMESPACE pygraft:: DESTINATION ${PYGRAFT_INSTALL_CMAKEDIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/pygraftConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/pygraftConfig.cmake
                              INSTALL_DESTINATION ${PYGRAFT_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/pygraftConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/pygraftConfig.cmake
              ${PROJECT_BINARY_DIR}/pygraftConfigVersion.cmake
              ${PROJECT_SOURCE_DIR}/cmake/PygraftAddGraph.cmake
        DESTINATION ${PYGRAFT_INSTALL_CMAKEDIR})

# pygraft_add_graph() works in this build tree too (pygraft::pygraft is an alias).
include(${PROJECT_SOURCE_DIR}/cmake/PygraftAddGraph.cmake)
