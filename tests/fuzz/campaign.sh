#!/usr/bin/env bash
# The long fuzzing campaign (docs/quality.md): builds every libFuzzer target (Clang 14, ASan +
# UBSan, as the fuzz preset does) and runs each in turn for SECONDS over a working corpus seeded
# from tests/fuzz/corpus/<target>/ and tests/fuzz/regressions/<target>/, then prints one row per
# target: seconds, executions, executions per second, corpus size at the end, and findings (the
# crash, leak, timeout and out-of-memory inputs libFuzzer saved).
#
#   tests/fuzz/campaign.sh [--seconds N] [--build-dir DIR] [--targets "a b ..."] [--jobs J]
#
# Defaults: 600 s a target (the issue's 10 minutes), build dir build/fuzz-campaign, every target,
# one target at a time (--jobs 2 runs two at once on a 2-core machine). A finding is kept in
# <build>/campaign/artifacts/<target>/; once fixed, copy it into tests/fuzz/regressions/<target>/,
# where CI replays it (fuzz.<target>.regressions). Exits non-zero if any target found anything.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=600
build=build/fuzz-campaign
targets=""
jobs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --build-dir) build=$2; shift 2 ;;
    --targets) targets=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    *) echo "campaign.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ -z "$targets" ]; then
  targets=$(sed -n '/^set(HSCT_FUZZ_TARGETS/,/)/p' tests/fuzz/CMakeLists.txt |
            tr ' ()' '\n\n\n' | grep '^fuzz_' | tr '\n' ' ')
fi

cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DHSCT_BUILD_TESTS=OFF -DHSCT_BUILD_EXAMPLES=OFF -DHSCT_BUILD_FUZZERS=ON >/dev/null
# shellcheck disable=SC2086
cmake --build "$build" --target $targets -j "$jobs"

out="$build/campaign"
mkdir -p "$out"
run_one() {
  local t=$1 work="$out/corpus/$1" art="$out/artifacts/$1/"
  mkdir -p "$work" "$art"
  cp -r tests/fuzz/corpus/"$t"/. "$work"/ 2>/dev/null || true
  [ -d tests/fuzz/regressions/"$t" ] && cp -r tests/fuzz/regressions/"$t"/. "$work"/
  "$build/tests/fuzz/$t" -max_total_time="$seconds" -runs=2000000000 -print_final_stats=1 \
      -artifact_prefix="$art" "$work" >"$out/$t.log" 2>&1 || true
}

running=0
for t in $targets; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait

found=0
printf '%-26s %8s %14s %10s %8s %9s\n' target seconds executions exec/s corpus findings
for t in $targets; do
  log="$out/$t.log"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  secs=$(sed -n 's/^stat::.*//; s/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  corpus=$(find "$out/corpus/$t" -type f | wc -l)
  n=$(find "$out/artifacts/$t" -type f | wc -l)
  [ "$n" -gt 0 ] && found=1
  rate=0
  [ -n "$secs" ] && [ "$secs" -gt 0 ] && rate=$(( ${execs:-0} / secs ))
  printf '%-26s %8s %14s %10s %8s %9s\n' "$t" "${secs:-?}" "${execs:-?}" "$rate" "$corpus" "$n"
done
exit "$found"
