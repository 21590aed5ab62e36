# Runs examples/fhir_engraftment.cpp with an output path and checks what it did: its standard
# output is still fhir_engraftment.expected, and the chart it wrote passes hsct_svg_check
# (well-formed SVG, the listed engraftment days, transfusions and thresholds marked, equal to the
# expected chart).
# Usage: cmake -DEXAMPLE=<exe> -DBUNDLE=<json> -DEXPECTED=<stdout file> -DCHART=<svg to write>
#              -DCHECK=<hsct_svg_check> -DCHECK_ARGS=<a;b;...> -DEXPECTED_CHART=<svg>
#              -P run_chart_example.cmake
# To accept a deliberate change of the chart, write it over the expected one:
#   example_fhir_engraftment examples/data/engraftment_bundle.json examples/fhir_engraftment_chart.expected.svg
file(REMOVE "${CHART}")  # a chart left by an earlier run must not pass for this one
execute_process(COMMAND "${EXAMPLE}" "${BUNDLE}" "${CHART}" OUTPUT_VARIABLE _out ERROR_VARIABLE _err
                RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${EXAMPLE} exited with ${_rc}\n${_out}\n${_err}")
endif()
file(READ "${EXPECTED}" _expected)
if(NOT _out STREQUAL _expected)
  message(FATAL_ERROR "writing a chart changed the output of ${EXAMPLE}: it differs from ${EXPECTED}\n${_out}")
endif()
message(STATUS "output matches ${EXPECTED}")
if(NOT EXISTS "${CHART}")
  message(FATAL_ERROR "${EXAMPLE} wrote no chart at ${CHART}")
endif()
execute_process(COMMAND "${CHECK}" "${CHART}" ${CHECK_ARGS} --expected "${EXPECTED_CHART}"
                OUTPUT_VARIABLE _out ERROR_VARIABLE _err RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "the chart ${CHART} fails its check (exit ${_rc}):\n${_err}${_out}")
endif()
message(STATUS "${_out}")
