#!/usr/bin/env bash
# Coverage and threshold reach (docs/quality.md). Builds the coverage preset (GCC 12, -O0,
# --coverage, the threshold probe), runs its tests with the probe recording, then
#   - gcovr: line and branch coverage of include/ by the unit tests and the fuzz corpora; fails below
#     LINE_MIN % lines or BRANCH_MIN % branches (the gates of docs/quality.md);
#   - check_thresholds.py: every threshold the tests reach is reached below, at and above it,
#     but for the lines of tests/assurance/threshold_exceptions.txt.
#
#   tests/assurance/coverage.sh [--build-dir DIR] [--no-build] [--html DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
src=$(pwd)

# Issue 17's gates (docs/quality.md, section 3).
LINE_MIN=95
BRANCH_MIN=90
build=build/coverage
do_build=1
html=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build=$2; shift 2 ;;
    --no-build) do_build=0; shift ;;
    --html) html=$2; shift 2 ;;
    *) echo "coverage.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ "$do_build" = 1 ]; then
  cmake --preset coverage -B "$build" --fresh >/dev/null
  cmake --build "$build" -j 2
fi
find "$build" -name '*.gcda' -delete
mkdir -p "$build"
probe="$(cd "$build" && pwd)/threshold-probe"
rm -rf "$probe" && mkdir -p "$probe"
HSCT_THRESHOLD_PROBE_FILE="$probe/p" ctest --test-dir "$build" -j 2 --output-on-failure

# Branches: GCC's, with those of exception handling and of code the compiler proved unreachable
# left out (the library throws nothing; the suite is built without exceptions).
gcovr_args=(--root "$src" --filter "$src/include/" --object-directory "$build"
            --exclude-throw-branches --exclude-unreachable-branches -j 2)
# One pass of gcov over the build (each pass costs about 25 s in CI), every report written from it.
gcovr "${gcovr_args[@]}" --print-summary --txt "$build/coverage.txt" \
      --json-summary "$build/coverage-summary.json" ${html:+--html-details "$html/index.html"} | tail -3
status=0
python3 - "$build/coverage-summary.json" "$LINE_MIN" "$BRANCH_MIN" <<'EOF' || status=1
import json, sys
s = json.load(open(sys.argv[1]))
line, branch = s["line_percent"], s["branch_percent"]
print(f"coverage of include/: lines {line:.1f} % (gate {sys.argv[2]} %), branches {branch:.1f} % (gate {sys.argv[3]} %)")
sys.exit(0 if line >= float(sys.argv[2]) and branch >= float(sys.argv[3]) else 1)
EOF
python3 tests/assurance/check_thresholds.py "$probe/p" --source "$src" --report "$build/thresholds.tsv" || status=1
exit $status
