# Warning flags for hsct's own tests, examples and benchmarks. Never put on the INTERFACE
# target: a consumer gets no flags it did not ask for.
set(HSCT_WARNING_FLAGS
  -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow
  -Wold-style-cast -Wnon-virtual-dtor -Wnull-dereference -Wdouble-promotion)
option(HSCT_WERROR "Treat warnings as errors in hsct's own targets" ON)
if(HSCT_WERROR)
  list(APPEND HSCT_WARNING_FLAGS -Werror)
endif()

function(hsct_target_warnings target)
  target_compile_options(${target} PRIVATE ${HSCT_WARNING_FLAGS})
endfunction()
