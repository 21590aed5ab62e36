# Compile-fail tests. Each case is a .cpp file with
#   // expect-error: <regex>
# and an `#ifdef HSCT_CONTROL` branch that replaces the bad line with a good one.
# - each case's CTest test runs the compiler on it with the flags the build would use
#   (hsct_compile_fail_command below) and passes only if the output matches <regex> (a message that
#   appears only in that error). The tests write nothing into the build's own files, so CTest
#   runs them in parallel. The case is also an EXCLUDE_FROM_ALL object library, cf_<case>:
#   `cmake --build <dir> --target cf_<case>` shows its error through the build;
# - the controls (-DHSCT_CONTROL) are part of the normal build and must compile, so a typo in a
#   case cannot make its test pass. They are compiled together, as one unity translation unit:
#   each case's names are its own (cf_<case> functions; a test of the suite fails to build
#   otherwise), and a control that compiled only thanks to a neighbour's include would leave its
#   case failing with a message its regex does not match.

# The compiler command line of <target> (an object library of one source) for <source>, as a
# list for add_test(... COMMAND_EXPAND_LISTS): the compiler, the configuration's flags, the C++20
# option, and the target's definitions, include directories and options (with those of what it
# links, through $<TARGET_PROPERTY>). Single-configuration generators (CMAKE_BUILD_TYPE).
function(hsct_compile_fail_command target source object out)
  string(TOUPPER "${CMAKE_BUILD_TYPE}" _config)
  separate_arguments(_flags UNIX_COMMAND "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${_config}}")
  if(DEFINED CMAKE_CXX_EXTENSIONS AND NOT CMAKE_CXX_EXTENSIONS)
    set(_std "${CMAKE_CXX20_STANDARD_COMPILE_OPTION}")
  else()
    set(_std "${CMAKE_CXX20_EXTENSION_COMPILE_OPTION}")
  endif()
  set(_defs "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  set(_incs "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  set(_opts "$<TARGET_PROPERTY:${target},COMPILE_OPTIONS>")
  set(${out}
    "${CMAKE_CXX_COMPILER}" ${_flags} ${_std}
    "$<$<BOOL:${_defs}>:-D$<JOIN:${_defs},$<SEMICOLON>-D>>"
    "$<$<BOOL:${_incs}>:-I$<JOIN:${_incs},$<SEMICOLON>-I>>"
    "${_opts}"
    -c "${source}" -o "${object}"
    PARENT_SCOPE)
endfunction()

# hsct_add_compile_fail_cases(<case.cpp>...): the tests compile_fail.<dir>/<name> and the
# controls' object library hsct_compile_fail_controls.
function(hsct_add_compile_fail_cases)
  foreach(file IN LISTS ARGN)
    file(STRINGS "${file}" _expect REGEX "^// expect-error: ")
    if(NOT _expect)
      message(FATAL_ERROR "${file}: no '// expect-error: <regex>' line")
    endif()
    list(GET _expect 0 _expect)
    string(REGEX REPLACE "^// expect-error: " "" _regex "${_expect}")
    file(RELATIVE_PATH _rel "${PROJECT_SOURCE_DIR}/tests/compile_fail" "${file}")
    string(REGEX REPLACE "\\.cpp$" "" _name "${_rel}")
    string(MAKE_C_IDENTIFIER "${_name}" _id)

    add_library(cf_${_id} OBJECT EXCLUDE_FROM_ALL "${file}")
    target_link_libraries(cf_${_id} PRIVATE hsct::hsct)
    hsct_target_warnings(cf_${_id})

    hsct_compile_fail_command(cf_${_id} "${file}"
      "${CMAKE_CURRENT_BINARY_DIR}/compile_fail/${_id}.o" _command)
    add_test(NAME compile_fail.${_name} COMMAND ${_command} COMMAND_EXPAND_LISTS)
    set_tests_properties(compile_fail.${_name} PROPERTIES
      PASS_REGULAR_EXPRESSION "${_regex}"
      LABELS compile_fail)
  endforeach()
  file(MAKE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/compile_fail")

  add_library(hsct_compile_fail_controls OBJECT ${ARGN})
  target_link_libraries(hsct_compile_fail_controls PRIVATE hsct::hsct)
  target_compile_definitions(hsct_compile_fail_controls PRIVATE HSCT_CONTROL)
  hsct_target_warnings(hsct_compile_fail_controls)
  set_target_properties(hsct_compile_fail_controls PROPERTIES
    UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 0)
endfunction()
