# End-to-end tests of the pygraft executable, driven from outside by Python.
# Included by tests/CMakeLists.txt, where the `pygraft` target exists.
#
#   diff      tests/diff/run_diff.py: every case file in tests/cases/, every
#             sample in samples/ and every file of tests/corpus/ is one test, compared against CPython + NumPy
#             (ctest -L diff; one file: ctest -R diff.cases.reductions);
#             tests/diff/sweep_scalars.py: every elementwise spelling on
#             Python scalars and arrays of each dtype (diff.scalar_sweep).
#   e2e       tests/e2e/cli_test.py: the command line contract of SPEC.md §1.
#   docs      docs/numpy-support.md is up to date with graph/ops.def, and
#             docs/diagnostics.md with support/diag_codes.def; every link
#             and docs/NAME.md named in help texts exists.
#   coverage  every NumPy/math/builtin spelling in ops.def is used by a case.
#   diagnostics  tests/diagnostics/: every diagnostic code against inline
#             `# expect:` markers, text/JSON/SARIF forms (ctest -L diagnostics).
#
# The oracle needs a Python with NumPy; /usr/bin/python3 has it (a python3
# earlier on PATH may not), so only /usr/bin is searched.

find_program(PYGRAFT_ORACLE_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT PYGRAFT_ORACLE_PYTHON)
  message(WARNING "python3 not found in /usr/bin: differential and end-to-end tests are disabled")
  return()
endif()
execute_process(COMMAND ${PYGRAFT_ORACLE_PYTHON} -c "import numpy"
                RESULT_VARIABLE _pygraft_numpy_missing OUTPUT_QUIET ERROR_QUIET)
if(_pygraft_numpy_missing)
  message(WARNING "${PYGRAFT_ORACLE_PYTHON} has no NumPy: differential and end-to-end tests are disabled")
  return()
endif()

set(_pygraft_run_diff ${CMAKE_CURRENT_SOURCE_DIR}/diff/run_diff.py)

function(pygraft_diff_tests prefix dir)
  file(GLOB _files CONFIGURE_DEPENDS ${dir}/*.py)
  foreach(_file IN LISTS _files)
    file(STRINGS ${_file} _cases REGEX "^# CASE ")
    if(NOT _cases)
      continue()  # not a case file (e.g. a golden-only source or a runner script)
    endif()
    get_filename_component(_name ${_file} NAME_WE)
    add_test(NAME ${prefix}.${_name}
             COMMAND ${PYGRAFT_ORACLE_PYTHON} ${_pygraft_run_diff}
                     --pygraft $<TARGET_FILE:pygraft> -j 4 --require-exception-names ${_file})
    set_tests_properties(${prefix}.${_name} PROPERTIES LABELS diff TIMEOUT 900)
  endforeach()
endfunction()

pygraft_diff_tests(diff.cases ${CMAKE_CURRENT_SOURCE_DIR}/cases)
pygraft_diff_tests(diff.samples ${PROJECT_SOURCE_DIR}/samples)
# Public-style ML functions as written (tests/corpus/README.md).
pygraft_diff_tests(diff.corpus ${CMAKE_CURRENT_SOURCE_DIR}/corpus)
# Golden sources with CASE lines: the graph whose --emit text is checked is
# also run on arguments that take each branch.
pygraft_diff_tests(diff.golden ${CMAKE_CURRENT_SOURCE_DIR}/golden)

# The harness checked against a stand-in CLI that runs the oracle itself: it
# passes regardless of the compiler, so a failure here is the harness's (or a
# case's) fault.
add_test(NAME diff.harness_selftest
         COMMAND ${PYGRAFT_ORACLE_PYTHON} ${_pygraft_run_diff}
                 --pygraft ${CMAKE_CURRENT_SOURCE_DIR}/diff/oracle_pygraft.py
                 ${CMAKE_CURRENT_SOURCE_DIR}/cases/errors.py
                 ${CMAKE_CURRENT_SOURCE_DIR}/cases/none_and_print.py
                 ${CMAKE_CURRENT_SOURCE_DIR}/cases/indexing.py
                 ${PROJECT_SOURCE_DIR}/samples)
set_tests_properties(diff.harness_selftest PROPERTIES LABELS diff TIMEOUT 900)
add_test(NAME diff.print_tolerance
         COMMAND ${PYGRAFT_ORACLE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/diff/print_match_test.py)
set_tests_properties(diff.print_tolerance PROPERTIES LABELS diff)
# The exception check: the stand-in names CPython's exception, so requiring
# names passes; naming another one (not a base class) must fail.
add_test(NAME diff.harness_exception_names
         COMMAND ${PYGRAFT_ORACLE_PYTHON} ${_pygraft_run_diff}
                 --pygraft ${CMAKE_CURRENT_SOURCE_DIR}/diff/oracle_pygraft.py
                 --require-exception-names ${CMAKE_CURRENT_SOURCE_DIR}/cases/errors.py)
set_tests_properties(diff.harness_exception_names PROPERTIES LABELS diff TIMEOUT 900)
add_test(NAME diff.harness_rejects_a_wrong_exception
         COMMAND ${CMAKE_COMMAND} -E env ORACLE_PYGRAFT_EXCEPTION=NotImplementedError
                 ${PYGRAFT_ORACLE_PYTHON} ${_pygraft_run_diff}
                 --pygraft ${CMAKE_CURRENT_SOURCE_DIR}/diff/oracle_pygraft.py
                 ${CMAKE_CURRENT_SOURCE_DIR}/cases/errors.py)
set_tests_properties(diff.harness_rejects_a_wrong_exception
                     PROPERTIES LABELS diff TIMEOUT 900 WILL_FAIL TRUE)

# Every NumPy ufunc, math and operator spelling of ops.def on Python scalars
# (and, for binary ones, next to arrays of each dtype) against the oracle.
# The sanitized build runs every 4th call of each spelling: there a start of
# pygraft costs ~0.15 s, and the full 8 000 calls are the Release build's.
if(PYGRAFT_SANITIZE)
  set(_pygraft_sweep_sample 4)
else()
  set(_pygraft_sweep_sample 1)
endif()
add_test(NAME diff.scalar_sweep
         COMMAND ${PYGRAFT_ORACLE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/diff/sweep_scalars.py
                 --pygraft $<TARGET_FILE:pygraft> --arrays -j 4
                 --sample ${_pygraft_sweep_sample})
set_tests_properties(diff.scalar_sweep PROPERTIES LABELS diff TIMEOUT 900)

add_test(NAME e2e.cli
         COMMAND ${PYGRAFT_ORACLE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/e2e/cli_test.py
                 --pygraft $<TARGET_FILE:pygraft>)
set_tests_properties(e2e.cli PROPERTIES LABELS e2e TIMEOUT 900)

add_test(NAME docs.numpy_support
         COMMAND ${PYGRAFT_ORACLE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/diff/gen_numpy_support.py --check)
set_tests_properties(docs.numpy_support PROPERTIES LABELS docs)

add_test(NAME docs.numpy_names
         COMMAND ${PYGRAFT_ORACLE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/diff/gen_numpy_names.py --check)
set_tests_properties(docs.numpy_names PROPERTIES LABELS docs)

add_test(NAME coverage.ops_def_spellings
         COMMAND ${PYGRAFT_ORACLE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/diff/gen_numpy_support.py
                 --coverage ${CMAKE_CURRENT_SOURCE_DIR}/cases ${PROJECT_SOURCE_DIR}/samples)
set_tests_properties(coverage.ops_def_spellings PROPERTIES LABELS coverage)

# Diagnostics (issue 4): one case file per code with inline `# expect:`
# markers, the SARIF/JSON structure, and docs/diagnostics.md's code table.
add_test(NAME diagnostics.codes
         COMMAND ${PYGRAFT_ORACLE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/diagnostics/run_diagnostics.py
                 --pygraft $<TARGET_FILE:pygraft>)
set_tests_properties(diagnostics.codes PROPERTIES LABELS diagnostics TIMEOUT 600)

add_test(NAME diagnostics.sarif
         COMMAND ${PYGRAFT_ORACLE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/diagnostics/check_sarif.py
                 --pygraft $<TARGET_FILE:pygraft>)
set_tests_properties(diagnostics.sarif PROPERTIES LABELS diagnostics TIMEOUT 300)

add_test(NAME diagnostics.no_internal_names
         COMMAND ${PYGRAFT_ORACLE_PYTHON}
                 ${CMAKE_CURRENT_SOURCE_DIR}/diagnostics/check_no_internal_names.py
                 --pygraft $<TARGET_FILE:pygraft>)
set_tests_properties(diagnostics.no_internal_names PROPERTIES LABELS diagnostics TIMEOUT 300)

add_test(NAME docs.diagnostics_table
         COMMAND ${PYGRAFT_ORACLE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/diagnostics/gen_diag_table.py --check)
set_tests_properties(docs.diagnostics_table PROPERTIES LABELS docs)

add_test(NAME docs.links
         COMMAND ${PYGRAFT_ORACLE_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/docs/check_links.py
                 ${PROJECT_SOURCE_DIR})
set_tests_properties(docs.links PROPERTIES LABELS docs)
