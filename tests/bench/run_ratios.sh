#!/bin/sh
# Runs hsct's typed-versus-raw benchmarks and prints typed/raw for each pair:
#
#   tests/bench/run_ratios.sh [path/to/hsct_core_bench] [extra benchmark flags...]
#
# Each figure is the median of 5 repetitions (HSCT_BENCH_REPETITIONS; CI takes 1) of at least
# 0.2 s each (HSCT_BENCH_MIN_TIME; CI takes 0.05) (random interleaving on, so typed and raw see
# the same machine state) of the CPU time of one pass over 1M elements, or over what the
# benchmark's label names ("pass: one value"), printed beside its figures. The target for the
# plain conversions (total_dose, bilirubin_convert, anc_convert) is a ratio <= 1.05; the
# ratio is reported, not enforced: the script fails only if a benchmark fails or stops with an
# error (the agreement checks between typed and raw stop with one when they disagree).
# Google Benchmark 1.7.1 takes --benchmark_min_time as plain seconds ("0.2"; the "0.2s"
# form is 1.8+ only).
set -eu

bin=${1:-build/tests/bench/hsct_core_bench}
[ $# -gt 0 ] && shift
if [ ! -x "$bin" ]; then
    echo "run_ratios.sh: no benchmark binary at '$bin' (build target hsct_core_bench)" >&2
    exit 2
fi

json=$(mktemp)
trap 'rm -f "$json"' EXIT
"$bin" --benchmark_format=json --benchmark_min_time="${HSCT_BENCH_MIN_TIME:-0.2}" --benchmark_repetitions="${HSCT_BENCH_REPETITIONS:-5}" \
       --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true \
       "$@" >"$json"

python3 - "$json" "$(dirname "$0")/budgets.txt" "${HSCT_BUDGET_REPORT:-}" <<'PY'
import json, os, sys

budgets = {}
if os.path.isfile(sys.argv[2]):
    for row in open(sys.argv[2]):
        parts = row.split("#")[0].split()
        if len(parts) == 2:
            budgets[parts[0]] = float(parts[1])
report = open(sys.argv[3], "a") if len(sys.argv) > 3 and sys.argv[3] else None

with open(sys.argv[1]) as f:
    doc = json.load(f)

median = {}
label = {}
# A benchmark that stopped with an error (e.g. an agreement check that found typed and raw
# disagreeing) fails the run.
errors = [(b.get("name"), b.get("error_message", "")) for b in doc["benchmarks"]
          if b.get("error_occurred")]
for b in doc["benchmarks"]:
    if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
        continue
    name = b.get("run_name", b["name"])
    t = b["cpu_time"]
    unit = b.get("time_unit", "ns")
    scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]
    median[name] = t * scale
    # What one pass is, when the benchmark says (state.SetLabel("pass: ...")); otherwise the
    # header's 1M-element pass.
    if b.get("label"):
        label[name] = b["label"]

cases = []
for name in median:
    if name.startswith("BM_") and name.endswith("_typed"):
        cases.append(name[len("BM_"):-len("_typed")])

ctx = doc.get("context", {})
print("# %s, %s CPUs @ %s MHz; median of repetitions, CPU ns per 1M-element pass"
      % (ctx.get("executable", "?"), ctx.get("num_cpus", "?"), ctx.get("mhz_per_cpu", "?")))
for case in sorted(cases):
    typed = median.get("BM_%s_typed" % case)
    raw = median.get("BM_%s_raw" % case)
    if typed is None or raw is None:
        print("%s: missing typed or raw result" % case)
        continue
    note = label.get("BM_%s_typed" % case)
    ratio = typed / raw
    verdict = ""
    if case in budgets:
        verdict = ", budget <= %g: %s" % (budgets[case], "OK" if ratio <= budgets[case] else "OVER")
    print("%s: typed %.0f ns, raw %.0f ns, ratio %.3f%s%s" % (case, typed, raw, ratio, verdict,
                                                             " (%s)" % note if note else ""))
    if report:
        report.write("ratio  %-32s %8.3f  %-8s %s\n" % (case, ratio, "<= %g" % budgets[case] if case in budgets else "-",
                                                        ("OK" if ratio <= budgets[case] else "OVER") if case in budgets else "reported"))
# Costs measured on their own (no raw counterpart), e.g. rendering: BM_<case>_cost.
for name in sorted(median):
    if name.startswith("BM_") and name.endswith("_cost"):
        note = label.get(name)
        print("%s: %.0f ns per pass%s" % (name[len("BM_"):-len("_cost")], median[name],
                                          " (%s)" % note if note else ""))
for name, message in errors:
    print("ERROR %s: %s" % (name, message))
sys.exit(1 if errors else 0)
PY
