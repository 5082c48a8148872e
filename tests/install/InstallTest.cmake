# install.consumer: `cmake --install` this build into a temporary prefix,
# then configure, build and run tests/install/consumer against it with
# find_package(pygraft), and check that what links only pygraft::runtime
# has no tree-sitter, Python, protobuf or ONNX in it
# (tests/install/run_install_test.sh).
find_program(PYGRAFT_BASH bash)
if(NOT PYGRAFT_BASH)
  return()
endif()
add_test(NAME install.consumer
         COMMAND ${PYGRAFT_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/install/run_install_test.sh
                 ${PROJECT_BINARY_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/install/consumer
                 ${CMAKE_COMMAND} ${CMAKE_GENERATOR} ${CMAKE_CXX_COMPILER})
set_tests_properties(install.consumer PROPERTIES LABELS install TIMEOUT 600
                                                 RESOURCE_LOCK pygraft_install)
