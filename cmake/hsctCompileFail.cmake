# Compile-fail tests. Each case is a .cpp file with
#   // expect-error: <regex>
# and an `#ifdef HSCT_CONTROL` branch that replaces the bad line with a good one.
# - the case itself is an EXCLUDE_FROM_ALL object library; its CTest test builds it and passes
#   only if the build output matches <regex> (a message that appears only in that error);
# - the control (-DHSCT_CONTROL) is part of the normal build and must compile, so a typo in a
#   case cannot make its test pass.
function(hsct_add_compile_fail file)
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

  add_library(cf_${_id}_control OBJECT "${file}")
  target_link_libraries(cf_${_id}_control PRIVATE hsct::hsct)
  target_compile_definitions(cf_${_id}_control PRIVATE HSCT_CONTROL)
  hsct_target_warnings(cf_${_id}_control)

  add_test(NAME compile_fail.${_name}
    COMMAND ${CMAKE_COMMAND} --build "${CMAKE_BINARY_DIR}" --target cf_${_id})
  set_tests_properties(compile_fail.${_name} PROPERTIES
    PASS_REGULAR_EXPRESSION "${_regex}"
    RUN_SERIAL TRUE
    LABELS compile_fail)
endfunction()
