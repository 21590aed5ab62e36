# Runs an example and compares its standard output with the checked-in expected output.
# Usage: cmake -DEXAMPLE=<exe> -DEXPECTED=<file> -P hsctGolden.cmake
execute_process(COMMAND "${EXAMPLE}" OUTPUT_VARIABLE _out RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${EXAMPLE} exited with ${_rc}\n${_out}")
endif()
file(READ "${EXPECTED}" _expected)
if(NOT _out STREQUAL _expected)
  get_filename_component(_name "${EXPECTED}" NAME)
  file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/${_name}.actual" "${_out}")
  message(FATAL_ERROR "output of ${EXAMPLE} differs from ${EXPECTED}\n--- actual (also in ${CMAKE_CURRENT_BINARY_DIR}/${_name}.actual) ---\n${_out}")
endif()
message(STATUS "output matches ${EXPECTED}")
