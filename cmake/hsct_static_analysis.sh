#!/usr/bin/env bash
# hsct's static analysis: clang-tidy 14 (the repository's .clang-tidy) and, beside it (one process,
# started first), cppcheck 2.10 (cmake/cppcheck-suppressions.txt). Prints every finding, then one summary line per tool (the
# translation units or files, the findings, the seconds taken), and exits non-zero on any
# finding or tool failure.
#
#   cmake/hsct_static_analysis.sh                  # two clang-tidy processes at a time
#   cmake/hsct_static_analysis.sh --jobs 1
#   cmake/hsct_static_analysis.sh --each-example   # one clang-tidy TU per example (slower)
#   cmake/hsct_static_analysis.sh --no-cppcheck    # or --no-clang-tidy
#   CLANG_TIDY=clang-tidy-14 CPPCHECK=cppcheck cmake/hsct_static_analysis.sh
#
# clang-tidy checks a header where a translation unit includes it, and a template where one
# instantiates it. The TUs, generated in a temporary directory:
#   headers   every header under include/hsct (each module umbrella, <hsct/io.hpp>, the testing
#             headers, the opt-in and detail headers; <hsct/fmt.hpp> when <fmt/format.h> is
#             found). It finds exactly what one TU per umbrella, io, fmt and testing header finds
#             (checked on the 115 findings of the first run), in a seventh of the time.
#   examples  every examples/*.cpp (the library's templates as the examples instantiate them),
#             each inside a namespace of its own with its main renamed, after all the includes
#             the examples have (so the includes inside the namespaces add nothing). It finds
#             what one TU per example finds, in about a fifth of the time, except what is said of a
#             function named main (bugprone-exception-escape): --each-example checks that too.
#             fhir_engraftment.cpp needs nlohmann/json.hpp and is left out without it, as the
#             build leaves it out.
# cppcheck reads one TU that includes every header under include/hsct (-Iinclude, the standard
# headers from its own library model), in the configuration GCC compiles (-D__GNUC__=12: one
# configuration, not each combination of the #ifs it finds, which would take minutes). One TU,
# not each header on its own: with -Iinclude that took 16 minutes, and without it cppcheck knows
# none of hsct's types.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

jobs=2
each_example=0
run_tidy=1
run_cppcheck=1
while [ $# -gt 0 ]; do
    case "$1" in
        --jobs) jobs=$2; shift 2 ;;
        --jobs=*) jobs=${1#--jobs=}; shift ;;
        --each-example) each_example=1; shift ;;
        --no-clang-tidy) run_tidy=0; shift ;;
        --no-cppcheck) run_cppcheck=0; shift ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "hsct_static_analysis.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$jobs" in ''|*[!0-9]*|0) echo "hsct_static_analysis.sh: --jobs needs a positive number" >&2; exit 2 ;; esac

clang_tidy=${CLANG_TIDY:-clang-tidy-14}
cppcheck=${CPPCHECK:-cppcheck}
cxx=clang++-14
command -v "$cxx" >/dev/null || cxx=c++

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Whether the compiler finds a header (for the optional libfmt and nlohmann-json).
has_header() {
    printf '#include <%s>\n' "$1" | "$cxx" -std=c++20 -E -x c++ - >/dev/null 2>&1
}
has_fmt=0; has_header fmt/format.h && has_fmt=1
has_json=0; has_header nlohmann/json.hpp && has_json=1

# Every header under include/hsct, as #include lines.
all_headers() {
    (cd include && find hsct -name '*.hpp' | LC_ALL=C sort) |
        { if [ "$has_fmt" = 1 ]; then cat; else grep -v '^hsct/fmt\.hpp$'; fi; } |
        sed 's|.*|#include <&>|'
}

# The examples clang-tidy reads (fhir_engraftment.cpp only with nlohmann-json).
examples=()
for f in examples/*.cpp; do
    if [ "$f" = examples/fhir_engraftment.cpp ] && [ "$has_json" = 0 ]; then continue; fi
    examples+=("$f")
done

# A finding: "file:line:col: warning|error: text [check...]", as both tools print it.
finding_re='^[^ ].*:[0-9]+:[0-9]+: (warning|error|fatal error|performance|portability|style|information): .*\[[^]]+\]$'

status=0

# cppcheck is one process on one core: it starts first and runs beside clang-tidy.
if [ "$run_cppcheck" = 1 ]; then
    command -v "$cppcheck" >/dev/null || { echo "hsct_static_analysis.sh: $cppcheck not found" >&2; exit 2; }
    tc0=$(date +%s)
    all_headers | sed 's|<\(.*\)>|"\1"|' >"$work/cppcheck_headers.cpp"
    nfiles=$(wc -l <"$work/cppcheck_headers.cpp")
    (
        set +e
        "$cppcheck" --quiet --language=c++ --std=c++20 -Iinclude -D__GNUC__=12 \
            --enable=warning,performance,portability --inline-suppr \
            --suppressions-list=cmake/cppcheck-suppressions.txt --error-exitcode=1 \
            --template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
            "$work/cppcheck_headers.cpp" >"$work/cppcheck.log" 2>&1
        echo $? >"$work/cppcheck.rc"
    ) &
    cppcheck_pid=$!
fi

if [ "$run_tidy" = 1 ]; then
    command -v "$clang_tidy" >/dev/null || { echo "hsct_static_analysis.sh: $clang_tidy not found" >&2; exit 2; }
    t0=$(date +%s)
    mkdir -p "$work/tidy"
    tus=()
    if [ "$each_example" = 1 ]; then
        tus+=("${examples[@]}")
    else
        {
            echo '// generated by cmake/hsct_static_analysis.sh: every example, each in a namespace'
            grep -h '^[[:space:]]*#[[:space:]]*include' "${examples[@]}" | sed 's|//.*||; s/[[:space:]]*$//' |
                LC_ALL=C sort -u
            for f in "${examples[@]}"; do
                n=$(basename "$f" .cpp)
                printf '#define main hsct_example_main_%s\nnamespace hsct_example_%s {\n' "$n" "$n"
                printf '#include "%s/%s"  // NOLINT(bugprone-suspicious-include): generated\n' "$root" "$f"
                printf '}  // namespace hsct_example_%s\n#undef main\n' "$n"
            done
        } >"$work/tidy/examples.cpp"
        tus+=("$work/tidy/examples.cpp")
    fi
    all_headers >"$work/tidy/headers.cpp"
    tus+=("$work/tidy/headers.cpp")

    # One clang-tidy process: its output in <log dir>/<n>.log, its exit code in <n>.rc. (Run by
    # xargs through `bash -c`, hence the exported function and variables.)
    # shellcheck disable=SC2317
    tidy_one() {
        local n=$1 tu=$2
        set +e
        "$HSCT_CLANG_TIDY" --quiet --config-file=.clang-tidy \
            --header-filter='include/hsct/|examples/[^/]*\.cpp$' "$tu" -- \
            -std=c++20 -Iinclude -Iexamples >"$HSCT_TIDY_LOGS/$n.log" 2>&1
        echo $? >"$HSCT_TIDY_LOGS/$n.rc"
    }
    export -f tidy_one
    export HSCT_CLANG_TIDY=$clang_tidy HSCT_TIDY_LOGS=$work/tidy
    # shellcheck disable=SC2016
    for ((k = 0; k < ${#tus[@]}; k++)); do
        printf '%s\0%s\0' "$k" "${tus[$k]}"
    done | xargs -0 -n 2 -P "$jobs" bash -c 'tidy_one "$1" "$2"' _

    failed=0
    for ((k = 0; k < ${#tus[@]}; k++)); do
        rc=$(cat "$work/tidy/$k.rc")
        if [ "$rc" != 0 ] && ! grep -Eq "$finding_re" "$work/tidy/$k.log"; then
            echo "clang-tidy failed (exit $rc) on ${tus[$k]}:" >&2
            cat "$work/tidy/$k.log" >&2
            failed=1
        fi
    done
    # The same header finding can come from both TUs: print each once, paths from the root.
    cat "$work/tidy/"*.log | grep -E "$finding_re" | sed "s|^$root/||" | LC_ALL=C sort -u >"$work/tidy.findings" || true
    cat "$work/tidy.findings"
    count=$(wc -l <"$work/tidy.findings")
    echo "clang-tidy: ${#tus[@]} TUs, $count findings, $(($(date +%s) - t0)) s ($jobs at a time)"
    if [ "$count" -gt 0 ] || [ "$failed" = 1 ]; then status=1; fi
fi

if [ "$run_cppcheck" = 1 ]; then
    wait "$cppcheck_pid" || true
    rc=$(cat "$work/cppcheck.rc")
    grep -E "$finding_re" "$work/cppcheck.log" | sed "s|^$root/||" | LC_ALL=C sort -u >"$work/cppcheck.findings" || true
    cat "$work/cppcheck.findings"
    count=$(wc -l <"$work/cppcheck.findings")
    if [ "$rc" != 0 ] && [ "$count" = 0 ]; then
        echo "cppcheck failed (exit $rc):" >&2
        cat "$work/cppcheck.log" >&2
        status=1
    fi
    echo "cppcheck: 1 TU ($nfiles headers), $count findings, $(($(date +%s) - tc0)) s (beside clang-tidy)"
    if [ "$count" -gt 0 ]; then status=1; fi
fi

exit "$status"
