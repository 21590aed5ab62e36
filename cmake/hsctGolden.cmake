# Runs an example and compares its output with the checked-in expected output.
# Usage: cmake -DEXAMPLE=<exe> -DEXPECTED=<file> [-DARGS=<a;b;...>] [-DEXPECTED_ERR=<file>]
#              [-DEXPECTED_RC=<n>] -P hsctGolden.cmake
# ARGS are passed to the example; EXPECTED_ERR, when given, is compared with its standard
# error; EXPECTED_RC (default 0) is the exit status it must return.
if(NOT DEFINED EXPECTED_RC)
  set(EXPECTED_RC 0)
endif()
execute_process(COMMAND "${EXAMPLE}" ${ARGS} OUTPUT_VARIABLE _out ERROR_VARIABLE _err
                RESULT_VARIABLE _rc)
if(NOT _rc EQUAL EXPECTED_RC)
  message(FATAL_ERROR "${EXAMPLE} exited with ${_rc} (expected ${EXPECTED_RC})\n${_out}\n${_err}")
endif()
foreach(_stream IN ITEMS out err)
  if(_stream STREQUAL "out")
    set(_file "${EXPECTED}")
  else()
    if(NOT DEFINED EXPECTED_ERR)
      continue()
    endif()
    set(_file "${EXPECTED_ERR}")
  endif()
  file(READ "${_file}" _expected)
  if(NOT _${_stream} STREQUAL _expected)
    get_filename_component(_name "${_file}" NAME)
    file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/${_name}.actual" "${_${_stream}}")
    message(FATAL_ERROR "output of ${EXAMPLE} differs from ${_file}\n--- actual (also in ${CMAKE_CURRENT_BINARY_DIR}/${_name}.actual) ---\n${_${_stream}}")
  endif()
  message(STATUS "output matches ${_file}")
endforeach()
