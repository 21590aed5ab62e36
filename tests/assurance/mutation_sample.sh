#!/usr/bin/env bash
# CI's bounded threshold-mutation check (docs/quality.md, section 4). Configures the `mutation`
# preset (GCC 12 -O0, one object per test file, compile_commands.json), builds the test support
# object, and runs tests/assurance/mutate.py on a sample of the mutants drawn with a seed taken
# from the commit (so each change checks a different sample; the seed is printed, and
# `--seed S` repeats a run). Each sampled mutant must do what tests/assurance/mutation_results.txt
# records: a mutant recorded killed must still be killed (a test was lost otherwise), a new
# mutant must be killed, and a recorded survivor that is killed now must be recorded so.
#
#   tests/assurance/mutation_sample.sh [--sample N] [--seed S] [--build-dir DIR]
#
# mutate.py edits the headers of this tree one mutant at a time and puts each back: run it on a
# clone no one else is building from.
set -euo pipefail
cd "$(dirname "$0")/../.."

sample=${HSCT_MUTATION_SAMPLE:-8}
build=build/mutation
seed=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sample) sample=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --build-dir) build=$2; shift 2 ;;
    *) echo "mutation_sample.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$seed" ]; then
  head=$(git rev-parse --short=8 HEAD 2>/dev/null || echo 1)
  seed=$((16#$head))
fi

cmake --preset mutation -B "$build" --fresh >/dev/null
cmake --build "$build" --target hsct_test_support -j 2 >/dev/null
echo "mutation sample: $sample mutants, seed $seed (tests/assurance/mutate.py --sample $sample --seed $seed)"
python3 tests/assurance/mutate.py --build "$build" --sample "$sample" --seed "$seed" --jobs 2 \
  --results tests/assurance/mutation_results.txt
