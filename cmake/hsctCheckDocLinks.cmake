# Fails if README.md or a page under docs/ cites a file that does not exist (issue 7: "no doc
# cites a file that does not exist"). Checked:
#   - markdown links to local files, [text](path) or [text](path#anchor), relative to the page;
#   - repository paths in backticks, `include/...`, `tests/...`, `examples/...`, `docs/...`,
#     `cmake/...`, `.ci/...`, relative to the repository root;
#   - headers named as `hsct/....hpp` or <hsct/....hpp>, under include/.
# A path with a placeholder (<stage>, <rule>, *, ...) is a pattern, not a file, and is skipped.
# Usage: cmake -DHSCT_SOURCE_DIR=<repo> -P hsctCheckDocLinks.cmake
file(GLOB _pages "${HSCT_SOURCE_DIR}/docs/*.md")
list(APPEND _pages "${HSCT_SOURCE_DIR}/README.md")
set(_failed FALSE)
set(_checked 0)

function(_hsct_check_path page shown path)
  if(path MATCHES "[<>*{}]|\\.\\.\\.|/$")
    return()  # a pattern or a folder written with a trailing slash
  endif()
  if(NOT EXISTS "${path}")
    file(RELATIVE_PATH _rel "${HSCT_SOURCE_DIR}" "${page}")
    message(SEND_ERROR "${_rel}: cites '${shown}', which does not exist")
    set(_failed TRUE PARENT_SCOPE)
  endif()
endfunction()

foreach(_page IN LISTS _pages)
  get_filename_component(_dir "${_page}" DIRECTORY)
  file(READ "${_page}" _text)
  # markdown links
  string(REGEX MATCHALL "\\]\\([^)# ]+(#[^) ]*)?\\)" _links "${_text}")
  foreach(_l IN LISTS _links)
    string(REGEX REPLACE "^\\]\\(([^)# ]+).*$" "\\1" _target "${_l}")
    if(_target MATCHES "^[a-z]+:")
      continue()  # http:, https:, mailto:
    endif()
    math(EXPR _checked "${_checked} + 1")
    _hsct_check_path("${_page}" "${_target}" "${_dir}/${_target}")
  endforeach()
  # repository paths in backticks
  string(REGEX MATCHALL "`(include|tests|examples|docs|cmake|\\.ci)/[^`\n\t ]+`" _paths "${_text}")
  foreach(_p IN LISTS _paths)
    string(REGEX REPLACE "^`([^` ]+)`$" "\\1" _target "${_p}")
    string(REGEX REPLACE "[:,;.)]+[0-9]*$" "" _target "${_target}")
    math(EXPR _checked "${_checked} + 1")
    _hsct_check_path("${_page}" "${_target}" "${HSCT_SOURCE_DIR}/${_target}")
  endforeach()
  # headers
  string(REGEX MATCHALL "[`<]hsct/[A-Za-z0-9_/]+\\.hpp[`>]" _headers "${_text}")
  foreach(_h IN LISTS _headers)
    string(REGEX REPLACE "^[`<](hsct/[A-Za-z0-9_/]+\\.hpp)[`>]$" "\\1" _target "${_h}")
    math(EXPR _checked "${_checked} + 1")
    _hsct_check_path("${_page}" "${_target}" "${HSCT_SOURCE_DIR}/include/${_target}")
  endforeach()
endforeach()

if(_failed)
  message(FATAL_ERROR "doc link check failed")
endif()
list(LENGTH _pages _n)
message(STATUS "doc links: ${_n} pages, ${_checked} file references, all exist")
