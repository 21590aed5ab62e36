#!/bin/sh
# What including <hsct/hsct.hpp> costs a translation unit: compiles (g++ -std=c++20 -O2 -c)
# a TU that includes it and an empty TU, RUNS times each (default 5), and prints the median
# wall-clock seconds of each and the difference.
#
#   cmake/hsct_compile_time.sh            # uses $CXX or g++
#   CXX=clang++ RUNS=9 cmake/hsct_compile_time.sh
#
# For each public header's cost over its own standard headers, with the budgets, see
# cmake/hsct_compile_budget.sh.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
include_dir="$here/../include"
cxx=${CXX:-g++}
runs=${RUNS:-5}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#include <hsct/hsct.hpp>\nint hsct_compile_time_probe() { return 0; }\n' >"$work/hsct_tu.cpp"
printf 'int hsct_compile_time_probe() { return 0; }\n' >"$work/empty_tu.cpp"

# Prints the median of $runs compile times of $1, in seconds.
median_seconds() {
    python3 - "$cxx" "$include_dir" "$1" "$work/out.o" "$runs" <<'PY'
import statistics, subprocess, sys, time
cxx, inc, src, out, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
times = []
for _ in range(runs):
    t0 = time.perf_counter()
    subprocess.run([cxx, "-std=c++20", "-O2", "-I", inc, "-c", src, "-o", out], check=True)
    times.append(time.perf_counter() - t0)
print("%.3f" % statistics.median(times))
PY
}

with_hsct=$(median_seconds "$work/hsct_tu.cpp")
empty=$(median_seconds "$work/empty_tu.cpp")
echo "compiler:          $("$cxx" --version | head -n 1)"
echo "runs per TU:       $runs (median, wall clock)"
echo "#include <hsct/hsct.hpp>: ${with_hsct} s"
echo "empty TU:          ${empty} s"
python3 -c "import sys; print('difference:        %.3f s' % (float(sys.argv[1]) - float(sys.argv[2])))" \
    "$with_hsct" "$empty"
