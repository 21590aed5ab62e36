#!/bin/sh
# hsct's compile-time budget: what each public header costs a translation unit beyond the
# standard headers it pulls in.
#
# For <hsct/hsct.hpp>, each module umbrella (<hsct/<module>/<module>.hpp>) and every other
# public header under include/hsct, it compiles (g++ -std=c++20 -O2 -c) two TUs:
#   - one that includes the header, and
#   - one that includes only the standard (non-hsct) headers the header includes,
#     directly or through other hsct headers (found from `g++ -H`; for <hsct/fmt.hpp> this
#     baseline includes <fmt/format.h> too),
# and prints the median CPU seconds (user + system of the compiler and its children) of each,
# their difference, the budget for the difference, and OK or OVER.
#
# Budgets (the difference: the header's own cost over its standard headers):
#   <hsct/hsct.hpp>          1.5 s with three modules, 0.25 s more for each further module, so
#                            3.0 s with all nine (core, patient, donor, conditioning, ...)
#   a module umbrella        1.0 s
#   any other single header  0.5 s
#   the opt-in io umbrellas  as the umbrella they extend: <hsct/io.hpp> as <hsct/hsct.hpp>,
#                            <hsct/<module>/io.hpp> as <hsct/<module>/<module>.hpp>
#
# Usage:
#   cmake/hsct_compile_budget.sh                 # print the table; exit 0
#   cmake/hsct_compile_budget.sh --enforce       # exit 1 if any header is OVER
#   cmake/hsct_compile_budget.sh --runs 5 --single-runs 3 --jobs 2
#   CXX=g++-13 cmake/hsct_compile_budget.sh
#
#   --runs N         runs per TU for hsct.hpp and the module umbrellas (default 3)
#   --single-runs N  runs per TU for the other headers (default 1)
#   --jobs N         compile N TUs at once (default 1: the most stable figures; CI, which has
#                    two cores to itself at that point, uses 2 to stay near a minute)
#   --only REGEX     measure only headers whose name matches REGEX (e.g. 'core/')
#   --umbrellas      measure only <hsct/hsct.hpp>, the module umbrellas and the io umbrellas
#                    (CI's table: the single headers take three times as long and are for a
#                    local run)
#
# CPU time, not wall-clock time, is measured, so the figures hold up on a machine that is
# busy with other work; they still vary by some hundredths of a second between runs.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
include_dir=$(cd "$here/../include" && pwd)
cxx=${CXX:-g++}

exec python3 - "$cxx" "$include_dir" "$@" <<'PY'
import argparse, os, re, statistics, subprocess, sys, tempfile, threading, time
from concurrent.futures import ThreadPoolExecutor

cxx, include_dir = sys.argv[1], sys.argv[2]
ap = argparse.ArgumentParser(prog="hsct_compile_budget.sh")
ap.add_argument("--enforce", action="store_true")
ap.add_argument("--runs", type=int, default=3)
ap.add_argument("--single-runs", type=int, default=1)
ap.add_argument("--jobs", type=int, default=1)
ap.add_argument("--only", default=None)
ap.add_argument("--umbrellas", action="store_true")
args = ap.parse_args(sys.argv[3:])

BUDGET_SINGLE = 0.5
BUDGET_UMBRELLA = 1.0
hsct_root = os.path.join(include_dir, "hsct")
modules = sorted(d for d in os.listdir(hsct_root) if os.path.isdir(os.path.join(hsct_root, d)))
# detail folders are not modules; core, patient and donor are the first three
n_modules = len([m for m in modules if os.path.exists(os.path.join(hsct_root, m, m + ".hpp"))])
BUDGET_ALL = min(3.0, 1.5 + 0.25 * max(0, n_modules - 3))

# Every public header, umbrellas first.
headers = []
for dirpath, _, files in os.walk(hsct_root):
    for f in files:
        if f.endswith(".hpp"):
            headers.append(os.path.relpath(os.path.join(dirpath, f), include_dir))
umbrellas = ["hsct/hsct.hpp"] + [f"hsct/{m}/{m}.hpp" for m in modules
                                 if os.path.exists(os.path.join(hsct_root, m, m + ".hpp"))]
# The opt-in io umbrellas extend an umbrella (they include it, plus its text and stream output)
# and are measured against that umbrella's budget: <hsct/io.hpp> as <hsct/hsct.hpp>,
# <hsct/<module>/io.hpp> as the module umbrella.
io_all = "hsct/io.hpp"
io_modules = [f"hsct/{m}/io.hpp" for m in modules
              if os.path.exists(os.path.join(hsct_root, m, "io.hpp"))]
umbrellas += [h for h in [io_all] + io_modules if os.path.exists(os.path.join(include_dir, h))]
singles = sorted(h for h in headers if h not in umbrellas)
order = [h for h in umbrellas if h in headers] + singles
if args.only:
    order = [h for h in order if re.search(args.only, h)]
if args.umbrellas:
    order = [h for h in order if h in umbrellas]
if not os.path.exists("/usr/include/fmt/format.h"):
    order = [h for h in order if h != "hsct/fmt.hpp"]

flags = ["-std=c++20", "-O2", "-I", include_dir]

# The compiler's own search directories, to turn a path from -H back into an include name.
probe = subprocess.run([cxx, "-std=c++20", "-E", "-x", "c++", "-", "-v", "-o", os.devnull],
                       input="", capture_output=True, text=True)
search, inside = [], False
for line in probe.stderr.splitlines():
    if line.startswith("#include <...> search starts here"):
        inside = True
    elif line.startswith("End of search list"):
        inside = False
    elif inside:
        search.append(os.path.normpath(line.strip()))
search.sort(key=len, reverse=True)

def include_name(path):
    p = os.path.normpath(path)
    for d in search:
        if p.startswith(d + os.sep):
            return p[len(d) + 1:]
    return p

def is_hsct(path):
    return os.path.normpath(path).startswith(hsct_root + os.sep)

work = tempfile.mkdtemp(prefix="hsct_budget_")

def std_headers_of(header):
    """The non-hsct headers that hsct headers include, in first-seen order."""
    tu = os.path.join(work, "probe_" + re.sub(r"\W", "_", header) + ".cpp")
    with open(tu, "w") as f:
        f.write(f"#include <{header}>\n")
    r = subprocess.run([cxx] + flags + ["-E", "-H", tu, "-o", os.devnull],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"hsct_compile_budget: cannot preprocess <{header}>:\n{r.stderr}")
    stack, out = {0: tu}, []
    for line in r.stderr.splitlines():
        m = re.match(r"^(\.+) (.*)$", line)
        if not m:
            if line.startswith("Multiple include guards"):
                break
            continue
        depth, path = len(m.group(1)), m.group(2)
        stack[depth] = path
        parent = stack.get(depth - 1, tu)
        if not is_hsct(path) and (depth == 1 or is_hsct(parent)):
            name = include_name(path)
            if name not in out:
                out.append(name)
    return out

def cpu_seconds(src, runs):
    times = []
    obj = src + ".o"
    for _ in range(runs):
        p = subprocess.Popen([cxx] + flags + ["-c", src, "-o", obj], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        err = p.stderr.read().decode()
        p.stderr.close()
        if p.returncode != 0:
            sys.exit(f"hsct_compile_budget: {src} does not compile:\n{err}")
        times.append(usage.ru_utime + usage.ru_stime)
    return statistics.median(times)

def write_tu(name, includes):
    path = os.path.join(work, re.sub(r"\W", "_", name) + ".cpp")
    with open(path, "w") as f:
        for inc in includes:
            f.write(f"#include <{inc}>\n")
        f.write("int hsct_compile_budget_probe() { return 0; }\n")
    return path

start = time.time()
plan = []
for h in order:
    runs = args.runs if h in umbrellas else args.single_runs
    std = std_headers_of(h)
    plan.append((h, runs, write_tu(h, [h]), write_tu("std_" + h, std), tuple(std)))

# One baseline per distinct set of standard headers (many headers share one).
baseline_jobs = {}
for h, runs, _, std_tu, key in plan:
    if key not in baseline_jobs or baseline_jobs[key][1] < runs:
        baseline_jobs[key] = (std_tu, runs)

with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
    own = {h: pool.submit(cpu_seconds, tu, runs) for h, runs, tu, _, _ in plan}
    base = {k: pool.submit(cpu_seconds, tu, runs) for k, (tu, runs) in baseline_jobs.items()}
    own = {h: f.result() for h, f in own.items()}
    base = {k: f.result() for k, f in base.items()}

version = subprocess.run([cxx, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
print(f"compiler: {version}; flags: -std=c++20 -O2 -c; CPU seconds (user+sys), median of "
      f"{args.runs} runs for umbrellas and {args.single_runs} for single headers")
w = max(len(h) for h, *_ in plan) + 2
print(f"{'header':<{w}} {'seconds':>8} {'std-only':>9} {'diff':>7} {'budget':>7}  status")
over = []
for h, runs, _, _, key in plan:
    s, b = own[h], base[key]
    d = s - b
    budget = BUDGET_ALL if h in ("hsct/hsct.hpp", io_all) else (BUDGET_UMBRELLA if h in umbrellas
                                                      else BUDGET_SINGLE)
    status = "OK" if d <= budget else "OVER"
    if status == "OVER":
        over.append(h)
    print(f"{'<' + h + '>':<{w}} {s:8.2f} {b:9.2f} {d:7.2f} {budget:7.1f}  {status}")
    if os.environ.get("HSCT_BUDGET_REPORT"):  # CI prints every budget together at the end
        with open(os.environ["HSCT_BUDGET_REPORT"], "a") as rep:
            rep.write(f"compile {'<' + h + '>':<32} {d:7.2f} s  <= {budget:.1f} s {status}\n")
print(f"{len(plan)} headers, {len(over)} over budget, {time.time() - start:.0f} s")
for name in os.listdir(work):
    os.remove(os.path.join(work, name))
os.rmdir(work)
if over and args.enforce:
    sys.exit(1)
PY
