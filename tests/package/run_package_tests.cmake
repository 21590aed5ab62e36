# Installs hsct and consumes it in every supported way; fails on the first thing that goes wrong.
#
#   cmake -DHSCT_SOURCE_DIR=<hsct source> -DHSCT_WORK_DIR=<scratch dir>
#         [-DHSCT_PACKAGE_STEP=<step>] [-DCMAKE_CXX_COMPILER=<c++>] [-DCMAKE_GENERATOR=<generator>]
#         -P tests/package/run_package_tests.cmake
#
# The steps (HSCT_PACKAGE_STEP; `all`, the default, runs them in this order):
#   install           configure hsct (tests and examples OFF) and install it to <work>/prefix;
#                     every public header and nothing else lands under include/
#   find_package      consumer A: find_package(hsct 0.1 CONFIG REQUIRED) against that prefix, -Werror
#   testing_catch2,   a user's Catch2 test and a user's GoogleTest test with hsct::testing
#   testing_gtest     (find_package)
#   add_subdirectory  consumer B: add_subdirectory(<hsct source>); hsct's own tests must stay off
#   fetch_content     consumer C: FetchContent with SOURCE_DIR (no network)
#   pkg_config        --modversion equals version.hpp; compile with --cflags alone and run
#   relocated         install to a prefix of its own, move it: hsct.pc and find_package still find
#                     the headers
# The steps after `install` that read <work>/prefix need it done first (CTest runs them as tests
# with a fixture, in parallel: tests/CMakeLists.txt). Each step cleans only its own directories.
# Optional: -DHSCT_PACKAGE_CONFIG=Release (default Debug) for the consumers' configuration.
# The find_package, add_subdirectory, FetchContent, pkg-config and relocated consumers build and
# run tests/package/consumer_main.cpp.
cmake_minimum_required(VERSION 3.23)

foreach(_var HSCT_SOURCE_DIR HSCT_WORK_DIR)
  if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
    message(FATAL_ERROR "run_package_tests.cmake: pass -D${_var}=<path>")
  endif()
endforeach()
get_filename_component(HSCT_SOURCE_DIR "${HSCT_SOURCE_DIR}" ABSOLUTE)
get_filename_component(HSCT_WORK_DIR "${HSCT_WORK_DIR}" ABSOLUTE)
if(NOT EXISTS "${HSCT_SOURCE_DIR}/include/hsct/version.hpp")
  message(FATAL_ERROR "HSCT_SOURCE_DIR=${HSCT_SOURCE_DIR} is not an hsct source tree")
endif()
if(NOT CMAKE_CXX_COMPILER)
  set(CMAKE_CXX_COMPILER c++)
endif()

set(_package_dir "${HSCT_SOURCE_DIR}/tests/package")
set(_main "${_package_dir}/consumer_main.cpp")
set(_prefix "${HSCT_WORK_DIR}/prefix")
# Single- and multi-config generators alike: build, and ask ctest for, one configuration.
# Debug by default. -DHSCT_PACKAGE_CONFIG=Release builds the
# consumers (and the pkg-config one, with -O3) optimised, which also exercises the
# optimiser-dependent warnings of -Wall in hsct's headers.
if(NOT HSCT_PACKAGE_CONFIG)
  set(HSCT_PACKAGE_CONFIG Debug)
endif()
set(_config "${HSCT_PACKAGE_CONFIG}")

set(_common_args "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}" "-DCMAKE_BUILD_TYPE=${_config}")
if(CMAKE_GENERATOR)
  list(PREPEND _common_args -G "${CMAKE_GENERATOR}")
endif()

# Runs a command; on failure prints its output and stops the script. The output of a
# successful command is kept in the variable named by OUTPUT (if given).
function(hsct_run what)
  cmake_parse_arguments(PARSE_ARGV 1 _r "" "OUTPUT;WORKING_DIRECTORY" "COMMAND")
  string(REPLACE ";" " " _shown "${_r_COMMAND}")
  message(STATUS "[package] ${what}")
  message(STATUS "[package]   $ ${_shown}")
  if(NOT _r_WORKING_DIRECTORY)
    set(_r_WORKING_DIRECTORY "${HSCT_WORK_DIR}")
  endif()
  execute_process(COMMAND ${_r_COMMAND}
                  WORKING_DIRECTORY "${_r_WORKING_DIRECTORY}"
                  RESULT_VARIABLE _rc
                  OUTPUT_VARIABLE _out
                  ERROR_VARIABLE _err)
  if(NOT _rc STREQUAL "0")
    message(FATAL_ERROR "[package] FAILED (${_rc}): ${what}\n"
                        "--- stdout ---\n${_out}\n--- stderr ---\n${_err}")
  endif()
  if(_r_OUTPUT)
    string(STRIP "${_out}" _out)
    set(${_r_OUTPUT} "${_out}" PARENT_SCOPE)
  endif()
endfunction()

# Configures, builds and runs (through ctest) one consumer project.
function(hsct_consumer name source_dir)
  set(_build "${HSCT_WORK_DIR}/${name}")
  file(REMOVE_RECURSE "${_build}")
  hsct_run("consumer ${name}: configure"
    COMMAND "${CMAKE_COMMAND}" -S "${source_dir}" -B "${_build}" ${_common_args} ${ARGN})
  hsct_run("consumer ${name}: build"
    COMMAND "${CMAKE_COMMAND}" --build "${_build}" --config ${_config})
  hsct_run("consumer ${name}: run"
    COMMAND "${CMAKE_CTEST_COMMAND}" --test-dir "${_build}" -C ${_config}
            --output-on-failure --no-tests=error)
  message(STATUS "[package] consumer ${name}: passed")
endfunction()

# The version as written in include/hsct/version.hpp, the one place it lives.
file(STRINGS "${HSCT_SOURCE_DIR}/include/hsct/version.hpp" _version_line
     REGEX "^#define HSCT_VERSION_STRING \"[^\"]+\"")
string(REGEX REPLACE "^#define HSCT_VERSION_STRING \"([^\"]+)\".*" "\\1" _version "${_version_line}")
if(NOT _version MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+$")
  message(FATAL_ERROR "cannot read HSCT_VERSION_STRING from version.hpp (got '${_version}')")
endif()
message(STATUS "[package] hsct ${_version} from ${HSCT_SOURCE_DIR}")
message(STATUS "[package] work dir ${HSCT_WORK_DIR}")

# Start clean: a stale prefix or cache could hide a broken install rule. Each step deletes the
# directories it writes, so the work dir must be a directory of its own, not the source tree or
# one above it.
string(FIND "${HSCT_SOURCE_DIR}/" "${HSCT_WORK_DIR}/" _pos)
if(_pos EQUAL 0 OR HSCT_WORK_DIR STREQUAL "/")
  message(FATAL_ERROR "HSCT_WORK_DIR=${HSCT_WORK_DIR} would delete the source tree")
endif()
file(MAKE_DIRECTORY "${HSCT_WORK_DIR}")

set(_steps install find_package testing_catch2 testing_gtest add_subdirectory fetch_content
           pkg_config relocated)
if(NOT HSCT_PACKAGE_STEP)
  set(HSCT_PACKAGE_STEP all)
endif()
if(HSCT_PACKAGE_STEP STREQUAL "all")
  set(_run ${_steps})
elseif(HSCT_PACKAGE_STEP IN_LIST _steps)
  set(_run ${HSCT_PACKAGE_STEP})
else()
  string(REPLACE ";" ", " _known "${_steps}")
  message(FATAL_ERROR "HSCT_PACKAGE_STEP=${HSCT_PACKAGE_STEP}: not a step (all, ${_known})")
endif()
function(hsct_need_pkg_config)
  find_program(_pkg_config NAMES pkg-config pkgconf)
  if(NOT _pkg_config)
    message(FATAL_ERROR "[package] pkg-config not found (apt-get install pkg-config)")
  endif()
  set(_pkg_config "${_pkg_config}" PARENT_SCOPE)
endfunction()
# A step that reads the installed prefix fails early, with a clear message, when it is missing.
function(hsct_need_prefix)
  if(NOT EXISTS "${_prefix}/share/cmake/hsct/hsctConfig.cmake")
    message(FATAL_ERROR "[package] ${_prefix} holds no install: run the install step first")
  endif()
endfunction()

# --- 1. Install ----------------------------------------------------------------------------------
if(install IN_LIST _run)
  file(REMOVE_RECURSE "${HSCT_WORK_DIR}/hsct-build" "${_prefix}")
  hsct_run("1. configure hsct (tests and examples off)"
    COMMAND "${CMAKE_COMMAND}" -S "${HSCT_SOURCE_DIR}" -B "${HSCT_WORK_DIR}/hsct-build"
            ${_common_args} -DHSCT_BUILD_TESTS=OFF -DHSCT_BUILD_EXAMPLES=OFF
            "-DCMAKE_INSTALL_PREFIX=${_prefix}")
  hsct_run("1. build hsct"
    COMMAND "${CMAKE_COMMAND}" --build "${HSCT_WORK_DIR}/hsct-build" --config ${_config})
  hsct_run("1. install hsct to ${_prefix}"
    COMMAND "${CMAKE_COMMAND}" --install "${HSCT_WORK_DIR}/hsct-build" --config ${_config}
            --prefix "${_prefix}")
  foreach(_file
      include/hsct/hsct.hpp
      include/hsct/version.hpp
      include/hsct/core/core.hpp
      include/hsct/core/detail/text.hpp
      include/hsct/testing/matchers.hpp
      share/cmake/hsct/hsctConfig.cmake
      share/cmake/hsct/hsctConfigVersion.cmake
      share/cmake/hsct/hsctTargets.cmake
      share/pkgconfig/hsct.pc)
    if(NOT EXISTS "${_prefix}/${_file}")
      message(FATAL_ERROR "[package] install is missing ${_file}")
    endif()
  endforeach()
  # Every public header is installed, and nothing else lands under include/.
  file(GLOB_RECURSE _src_headers RELATIVE "${HSCT_SOURCE_DIR}/include" "${HSCT_SOURCE_DIR}/include/*")
  file(GLOB_RECURSE _dst_headers RELATIVE "${_prefix}/include" "${_prefix}/include/*")
  list(SORT _src_headers)
  list(SORT _dst_headers)
  if(NOT _src_headers STREQUAL _dst_headers)
    message(FATAL_ERROR "[package] installed headers differ from include/:\n"
                        "  source:    ${_src_headers}\n  installed: ${_dst_headers}")
  endif()
  list(LENGTH _dst_headers _n_headers)
  message(STATUS "[package] 1. installed ${_n_headers} headers, CMake package and hsct.pc")
endif()

# --- 2. find_package against the install tree ----------------------------------------------------
if(find_package IN_LIST _run)
  hsct_need_prefix()
  hsct_consumer(find_package "${_package_dir}/find_package"
    "-DCMAKE_PREFIX_PATH=${_prefix}"
    "-DHSCT_CONSUMER_MAIN=${_main}"
    # Only the prefix above may satisfy find_package(hsct).
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
    -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)
endif()

# --- 2b. hsct::testing in a user's Catch2 test (docs/testing.md) --------------------------------
if(testing_catch2 IN_LIST _run)
  hsct_need_prefix()
  # This one and the GoogleTest one are built in Debug whatever the configuration asked for:
  # consumer A already holds hsct's headers to the optimiser's warnings, and these two are the
  # heaviest translation units of the packaging tests.
  hsct_consumer(testing_catch2 "${_package_dir}/testing_catch2"
    "-DCMAKE_PREFIX_PATH=${_prefix}"
    -DCMAKE_BUILD_TYPE=Debug
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
    -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)
endif()

# --- 2c. hsct::testing in a user's GoogleTest test (docs/testing.md) ----------------------------
if(testing_gtest IN_LIST _run)
  hsct_need_prefix()
  hsct_consumer(testing_gtest "${_package_dir}/testing_gtest"
    "-DCMAKE_PREFIX_PATH=${_prefix}"
    -DCMAKE_BUILD_TYPE=Debug
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
    -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)
endif()

# --- 3. add_subdirectory -------------------------------------------------------------------------
if(add_subdirectory IN_LIST _run)
  hsct_consumer(add_subdirectory "${_package_dir}/add_subdirectory"
    "-DHSCT_SOURCE_DIR=${HSCT_SOURCE_DIR}"
    "-DHSCT_CONSUMER_MAIN=${_main}")
  if(EXISTS "${HSCT_WORK_DIR}/add_subdirectory/hsct/tests")
    message(FATAL_ERROR "[package] add_subdirectory: hsct's tests/ was configured in a subproject")
  endif()
endif()

# --- 4. FetchContent (local source, no network) --------------------------------------------------
if(fetch_content IN_LIST _run)
  hsct_consumer(fetch_content "${_package_dir}/fetch_content"
    "-DHSCT_SOURCE_DIR=${HSCT_SOURCE_DIR}"
    "-DHSCT_CONSUMER_MAIN=${_main}"
    -DFETCHCONTENT_FULLY_DISCONNECTED=OFF
    -DFETCHCONTENT_QUIET=ON)
endif()

# --- 5. pkg-config -------------------------------------------------------------------------------
if(pkg_config IN_LIST _run)
  hsct_need_prefix()
  hsct_need_pkg_config()
  # Only our prefix: PKG_CONFIG_LIBDIR replaces the default search path, so a system-wide hsct.pc
  # cannot answer instead.
  set(ENV{PKG_CONFIG_PATH} "${_prefix}/share/pkgconfig")
  set(ENV{PKG_CONFIG_LIBDIR} "${_prefix}/share/pkgconfig")
  hsct_run("5. pkg-config --modversion hsct"
    COMMAND "${_pkg_config}" --modversion hsct OUTPUT _pc_version)
  if(NOT _pc_version STREQUAL _version)
    message(FATAL_ERROR "[package] 5. hsct.pc says version '${_pc_version}', version.hpp says '${_version}'")
  endif()
  hsct_run("5. pkg-config --cflags hsct"
    COMMAND "${_pkg_config}" --cflags hsct OUTPUT _pc_cflags)
  hsct_run("5. pkg-config --libs hsct"
    COMMAND "${_pkg_config}" --libs hsct OUTPUT _pc_libs)
  message(STATUS "[package] 5. hsct.pc: version ${_pc_version}, cflags '${_pc_cflags}', libs '${_pc_libs}'")
  if(NOT _pc_libs STREQUAL "")
    message(FATAL_ERROR "[package] 5. a header-only library should have no libs, got '${_pc_libs}'")
  endif()
  separate_arguments(_pc_cflags_list UNIX_COMMAND "${_pc_cflags}")
  set(_pc_dir "${HSCT_WORK_DIR}/pkg_config")
  file(MAKE_DIRECTORY "${_pc_dir}")
  set(_pc_exe "${_pc_dir}/consumer${CMAKE_EXECUTABLE_SUFFIX}")
  if(_config STREQUAL "Release")
    set(_pc_opt -O3 -DNDEBUG)
  else()
    set(_pc_opt -O0 -g)
  endif()
  hsct_run("5. compile with the pkg-config flags only"
    COMMAND "${CMAKE_CXX_COMPILER}" ${_pc_cflags_list} ${_pc_opt} -Wall -Wextra -Wconversion -Werror
            "-DHSCT_EXPECTED_VERSION=\"${_pc_version}\"" "${_main}" -o "${_pc_exe}"
    WORKING_DIRECTORY "${_pc_dir}")
  hsct_run("5. run the pkg-config consumer" COMMAND "${_pc_exe}" WORKING_DIRECTORY "${_pc_dir}")
  message(STATUS "[package] consumer pkg_config: passed")
endif()

# --- 6. The install tree is relocatable ----------------------------------------------------------
if(relocated IN_LIST _run)
  hsct_need_prefix()
  # Move the prefix; both hsctConfig.cmake and hsct.pc must find the headers at the new place.
  # A prefix of its own (the other steps may still be reading <work>/prefix), installed from the
  # install step's build tree, then moved.
  set(_relocate "${HSCT_WORK_DIR}/prefix-relocate")
  set(_moved "${HSCT_WORK_DIR}/prefix-moved")
  file(REMOVE_RECURSE "${_relocate}" "${_moved}")
  hsct_run("6. install hsct to ${_relocate}"
    COMMAND "${CMAKE_COMMAND}" --install "${HSCT_WORK_DIR}/hsct-build" --config ${_config}
            --prefix "${_relocate}")
  message(STATUS "[package] 6. move ${_relocate} -> ${_moved}")
  file(RENAME "${_relocate}" "${_moved}")
  # <work>/prefix still exists, so a package file that named an absolute install path would still
  # find headers: none may name one (of this prefix, the configured one or the work dir).
  file(GLOB_RECURSE _package_files "${_moved}/share/*")
  foreach(_file IN LISTS _package_files)
    file(READ "${_file}" _text)
    string(FIND "${_text}" "${HSCT_WORK_DIR}" _at)
    if(NOT _at EQUAL -1)
      message(FATAL_ERROR "[package] 6. ${_file} names an absolute path under ${HSCT_WORK_DIR}: "
                          "the install tree is not relocatable")
    endif()
  endforeach()
  hsct_need_pkg_config()
  set(ENV{PKG_CONFIG_PATH} "${_moved}/share/pkgconfig")
  set(ENV{PKG_CONFIG_LIBDIR} "${_moved}/share/pkgconfig")
  hsct_run("6. pkg-config --variable=includedir hsct (moved prefix)"
    COMMAND "${_pkg_config}" --variable=includedir hsct OUTPUT _moved_includedir)
  get_filename_component(_moved_includedir "${_moved_includedir}" ABSOLUTE)
  if(NOT _moved_includedir STREQUAL "${_moved}/include"
     OR NOT EXISTS "${_moved_includedir}/hsct/hsct.hpp")
    message(FATAL_ERROR "[package] 6. hsct.pc does not follow the moved prefix: "
                        "includedir = ${_moved_includedir}")
  endif()
  hsct_consumer(find_package_moved "${_package_dir}/find_package"
    "-DCMAKE_PREFIX_PATH=${_moved}"
    "-DHSCT_CONSUMER_MAIN=${_main}"
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
    -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)
endif()

string(REPLACE ";" ", " _done "${_run}")
message(STATUS "[package] passed: ${_done}")
