#!/usr/bin/env python3
# hsct: haematopoietic stem cell transplant workflow library.
# SPDX-License-Identifier: Apache-2.0
"""Threshold mutation testing (docs/quality.md).

Finds the clinical thresholds under include/hsct and, one at a time, changes one of them in the
source, rebuilds the tests that carry its requirement ID as a tag, runs those tests, and puts the
source back. A mutant the tests do not kill (they still pass) is a missing test.

The mutants:
  value   a threshold literal one step below and one step above (the step is one unit of the
          literal's last written digit: 0.5 -> 0.4 and 0.6, 140.0 -> 139.9 and 140.1, 14 -> 13 and
          15): a named threshold constant (`inline constexpr double tbi_nma_max_gy = 2.0;`,
          `inline constexpr hsct::anc neutrophil_threshold{0.5, units::giga_per_l}`), the
          threshold in a comparison (`satisfies(x, comparator::greater, 2.0)`) and the threshold
          of a table row (`comparator::greater_equal, hsct::cell_dose{2.0, ...}`);
          and each edge of a band table written as an array (`static constexpr double edges[] =
          {0.0, 25.0, 50.0};`);
  flip    each comparator made strict or not strict (comparator::greater_equal <-> greater,
          less <-> less_equal; detail::at_least <-> above, below <-> at_most; `>=` <-> `>` and
          `<` <-> `<=` where a named threshold constant is compared), and each entry of a band table's
          strictness array (`static constexpr bool strict[] = {true, false, true};`) negated.
The requirement ID of a mutant is an ID written in the mutated statement's line, else the
nearest one above it; its tests are the TEST_CASEs tagged with that ID (or any ID of a range).
A mutant whose ID no test carries is reported as untested (it counts as a survivor).

  mutate.py --list                         print every mutant (id, file:line, operator, ID)
  mutate.py --build DIR [--sample N] [--seed S] [--only REGEX] [--jobs J] [--out FILE]

DIR is a build tree configured with the `mutation` preset's settings (GCC, -O0, no unity batches,
CMAKE_EXPORT_COMPILE_COMMANDS=ON), whose compile commands the script reuses. --sample N checks N
mutants drawn with --seed (CI checks a bounded sample on each change); without it, every mutant.
Exit status: 1 when a mutant survives or a mutant fails to compile for a reason other than the
mutation itself (reported as such), else 0.
"""
import argparse
import concurrent.futures
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

from requirement_ids import ID_RE, expand, test_cases

JOBS = 1
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NUM = r"(?<![\w.])(\d+\.\d+|\d+)(?![\w.])"
# Files whose numbers are unit factors, text, formats or machinery rather than clinical thresholds.
SKIP = re.compile(r"include/hsct/(core/(units|quantity|number_format|format|date|result|enum|explain|explain_text|"
                  r"detail/threshold|detail/text)|workflow/sha256|donor/(hla_name|gl_string|mac_table|hla_release)|"
                  r"testing/)")

# Named constants that are structure, not clinical thresholds: the sizes of enumerations and
# tables (checked by static_asserts against the enumerations), format versions and buffer limits.
STRUCTURE = {"agent_count", "custody_state_count", "custody_event_count", "episode_state_count",
             "episode_event_count", "vaccine_count", "match_locus_count", "capacity",
             "episode_log_version", "regimen_text_version", "max_line",
             "max_ranking_criteria"}
CONST_RE = re.compile(r"^\s*(?:inline\s+|static\s+)*constexpr\s+(?!auto\b|bool\b|std::string_view\b|const\s+char)"
                      r"[\w:<>, ]+?\s+(\w+)\s*(?:=\s*" + NUM + r"\s*;|\{\s*" + NUM + r"\s*,\s*[\w:]*units::\w+\s*\})")
# A band table written as an array beside its code (`static constexpr double edges[] = {0.0, 25.0, 50.0};`
# and which of its edges are strict, `static constexpr bool strict[] = {true, false, true};`).
ARRAY_RE = re.compile(r"constexpr\s+(double|bool)\s+(\w+)\[\]\s*=\s*\{([^}]*)\}")
CMP_LIT_RE = re.compile(r"comparator::(?:greater_equal|greater|less_equal|less|equal)\s*,\s*(?:[\w:]+\{\s*)?" + NUM)
FLIPS = [("comparator::greater_equal", "comparator::greater"), ("comparator::greater", "comparator::greater_equal"),
         ("comparator::less_equal", "comparator::less"), ("comparator::less", "comparator::less_equal"),
         ("detail::at_least(", "detail::above("), ("detail::above(", "detail::at_least("),
         ("detail::below(", "detail::at_most("), ("detail::at_most(", "detail::below(")]


def step(lit):
    if "." in lit:
        d = len(lit.split(".")[1])
        v = float(lit)
        s = 10.0 ** -d
        return [f"{v - s:.{d}f}", f"{v + s:.{d}f}"] if v - s >= 0 else [f"{v + s:.{d}f}"]
    v = int(lit)
    return [str(v - 1), str(v + 1)] if v > 0 else [str(v + 1)]


def headers():
    out = []
    for dirpath, _, names in os.walk(os.path.join(ROOT, "include", "hsct")):
        for n in sorted(names):
            if n.endswith(".hpp"):
                rel = os.path.relpath(os.path.join(dirpath, n), ROOT)
                if not SKIP.search(rel):
                    out.append(rel)
    return sorted(out)


def code_part(line):
    """The line without its // comment and string literals' contents (for matching code only)."""
    line = re.sub(r'"(?:[^"\\]|\\.)*"', lambda m: '"' + " " * (len(m.group()) - 2) + '"', line)  # columns kept
    return line.split("//")[0]


def ids_for(lines, k):
    for j in range(k, max(-1, k - 80), -1):
        found = [i for m in ID_RE.finditer(lines[j]) for i in expand(m)]
        if found:
            return found
    return []


def find_mutants():
    mutants = []
    for rel in headers():
        with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
            lines = f.read().split("\n")
        consts = set()
        for k, raw in enumerate(lines):
            code = code_part(raw)
            m = CONST_RE.match(code)
            if m and m.group(1) not in STRUCTURE:
                consts.add(m.group(1))
        for k, raw in enumerate(lines):
            code = code_part(raw)
            if not code.strip() or code.lstrip().startswith(("#", "*")):
                continue
            ids = ids_for(lines, k)
            spans = []
            m = CONST_RE.match(code)
            if m and m.group(1) not in STRUCTURE:
                g = 2 if m.group(2) else 3
                spans.append((m.start(g), m.end(g), "const " + m.group(1)))
            for m in CMP_LIT_RE.finditer(code):
                spans.append((m.start(1), m.end(1), "comparison"))
            for m in ARRAY_RE.finditer(code):
                base = m.start(3)
                if m.group(1) == "double":
                    for e in re.finditer(NUM, m.group(3)):
                        spans.append((base + e.start(1), base + e.end(1), f"edge {m.group(2)}[]"))
                else:
                    for e in re.finditer(r"\b(true|false)\b", m.group(3)):
                        old = e.group(1)
                        new = "false" if old == "true" else "true"
                        mutants.append({"file": rel, "line": k + 1, "op": f"flip: {m.group(2)}[] {old} -> {new}",
                                        "col": base + e.start(1), "old": old, "new": new, "ids": ids})
            for a, b, what in spans:
                lit = code[a:b]
                for new in step(lit):
                    mutants.append({"file": rel, "line": k + 1, "op": f"value {what}: {lit} -> {new}",
                                    "col": a, "old": lit, "new": new, "ids": ids})
            for old, new in FLIPS:
                for m in re.finditer(re.escape(old) + (r"(?!_)" if not old.endswith("(") else ""), code):
                    mutants.append({"file": rel, "line": k + 1, "op": f"flip: {old} -> {new}", "col": m.start(),
                                    "old": old, "new": new, "ids": ids})
            for name in consts:
                for m in re.finditer(r"(>=|<=|(?<![<>=-])>(?![>=])|(?<![<>=])<(?![<=]))\s*" + re.escape(name) + r"\b|\b"
                                     + re.escape(name) + r"\s*(>=|<=|(?<![<>=-])>(?![>=])|(?<![<>])<(?![<=]))", code):
                    op = m.group(1) or m.group(2)
                    col = m.start(1) if m.group(1) else m.start(2)
                    if m.group(2) == ">" and code[:m.start()].rstrip().endswith((",", "<")):
                        continue  # a template's closing bracket (`fixed_list<T, name>`), not a comparison
                    new = {">=": ">", ">": ">=", "<=": "<", "<": "<="}[op]
                    mutants.append({"file": rel, "line": k + 1, "op": f"flip: {op} -> {new} ({name})", "col": col,
                                    "old": op, "new": new, "ids": ids})
    counts = {}
    for n, mu in enumerate(mutants, 1):
        mu["id"] = n
        with open(os.path.join(ROOT, mu["file"]), encoding="utf-8") as f:
            text = f.read().split("\n")[mu["line"] - 1].strip()
        base = f"{mu['file']} | {mu['op']} | {text}"
        counts[base] = counts.get(base, 0) + 1
        mu["key"] = base if counts[base] == 1 else f"{base} | #{counts[base]}"
    return mutants


def read_results(path):
    """The recorded outcome of each mutant (tests/assurance/mutation_results.txt): key -> (status,
    reason). Status killed, survived (a test still to write) or equivalent (no input tells the
    mutant from the original: `equivalent <key> ## <why>`, written by hand and kept by
    --write-results while the mutant survives)."""
    out = {}
    if path and os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            for row in f:
                if row.startswith("#") or " | " not in row:
                    continue
                status, _, rest = row.rstrip("\n").partition(" ")
                key, _, why = rest.partition(" ## ")
                out[key] = (status, why)
    return out


def tag_files():
    files = {}
    for path, _, tags in test_cases(ROOT):
        if path.endswith("_test.cpp"):
            for tag in tags:
                files.setdefault(tag, set()).add(path)
    return files


def apply(mu, undo=False):
    path = os.path.join(ROOT, mu["file"])
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    line = lines[mu["line"] - 1]
    old, new = (mu["new"], mu["old"]) if undo else (mu["old"], mu["new"])
    col = mu["col"]
    assert line[col:col + len(old)] == old, (mu, line)
    lines[mu["line"] - 1] = line[:col] + new + line[col + len(old):]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def target_of(src):
    """The test executable a test file belongs to (tests/CMakeLists.txt)."""
    parts = src.split("/")
    if len(parts) == 2:
        return "hsct_" + parts[1].replace("_test.cpp", "") + "_tests"   # tests/fmt_test.cpp
    return "hsct_viz_tests" if parts[1] == "examples" else f"hsct_{parts[1]}_tests"


def command_for(src, commands):
    """The compile command of one test file, at -O0: its own entry, or (in a unity build, as
    the gcc preset's) the command of its executable's unity batch with the file put in."""
    cmd = commands.get(os.path.join(ROOT, src))
    if cmd is None:
        marker = f"/{target_of(src)}.dir/"
        for c in commands.values():
            if marker in c["command"] and "/Unity/" in c["file"]:
                cmd = dict(c)
                cmd["command"] = c["command"].replace(c["file"], os.path.join(ROOT, src))
                break
    if cmd is None:
        return None, None
    args = shlex.split(cmd["command"])
    if "-include" in args:  # the Catch2 PCH: used when built, else the test file's own #include
        k = args.index("-include")
        if not os.path.isfile(args[k + 1] + ".gch"):
            del args[k:k + 2]
    args.insert(1, "-O0")  # a later -O2 would win: drop it
    args = [a for a in args if not re.fullmatch(r"-O[1-3s]", a)]
    return args, cmd["directory"]


def run_mutant(mu, files_by_tag, commands, build, work):
    files = sorted({f for i in mu["ids"] for f in files_by_tag.get(i, ())})
    if not files:
        return "untested", 0.0, []
    t0 = time.time()
    jobs = []
    for src in files:
        args, directory = command_for(src, commands)
        if args is None:
            return "no-command", time.time() - t0, files
        # Named by the path under tests/: two stages may each have a test file of the same name
        # (conditioning/ and donor/ vocabulary_test.cpp), which must not overwrite each other.
        obj = os.path.join(work, os.path.relpath(src, ROOT).replace(os.sep, "_") + ".o")
        args[args.index("-o") + 1] = obj
        jobs.append((args, directory, obj))
    apply(mu)
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=JOBS) as pool:
            codes = list(pool.map(lambda j: subprocess.run(j[0], cwd=j[1], capture_output=True, check=False).returncode,
                                  jobs))
    finally:
        apply(mu, undo=True)
    if any(codes):
        return "killed-compile", time.time() - t0, files  # the mutant breaks a compile-time check
    objs = [j[2] for j in jobs]
    exe = os.path.join(work, "mutant")
    support = os.path.join(build, "tests", "CMakeFiles", "hsct_test_support.dir", "support", "count_allocations.cpp.o")
    catch = [os.path.join(d, name) for name in ("libCatch2WithMain.a", "libCatch2.a")
             for d in ("/usr/lib", "/usr/lib/x86_64-linux-gnu", "/usr/local/lib")
             if os.path.isfile(os.path.join(d, name))][:2]
    r = subprocess.run(["g++", "-o", exe, *objs, support, *catch], capture_output=True, text=True, check=False)
    if r.returncode != 0:
        return "link-error: " + r.stderr[-300:], time.time() - t0, files
    tags = ",".join(f"[{i}]" for i in mu["ids"])
    try:
        r = subprocess.run([exe, tags], capture_output=True, text=True, timeout=600, check=False)
        status = "survived" if r.returncode == 0 else "killed"
    except subprocess.TimeoutExpired:
        status = "killed-timeout"
    return status, time.time() - t0, files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--build")
    ap.add_argument("--sample", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--out")
    ap.add_argument("--resume", action="store_true", help="skip the mutants already in --out, keep its rows")
    ap.add_argument("--results", help="recorded outcomes: a sampled mutant must do as recorded (killed stays killed)")
    ap.add_argument("--write-results", help="write every mutant's outcome in the --results format")
    args = ap.parse_args()
    global JOBS
    JOBS = max(1, args.jobs)
    mutants = find_mutants()
    if args.only:
        mutants = [m for m in mutants if re.search(args.only, f"{m['file']}:{m['line']} {m['op']} {' '.join(m['ids'])}")]
    if args.list:
        for m in mutants:
            print(f"{m['id']:4d} {m['file']}:{m['line']} {m['op']} [{' '.join(m['ids']) or '-'}]")
        print(f"{len(mutants)} mutants")
        return 0
    if not args.build:
        ap.error("--build DIR is needed to run mutants")
    build = os.path.abspath(args.build)
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        commands = {c["file"]: c for c in json.load(f)}
    if args.sample:
        random.Random(args.seed).shuffle(mutants)
        mutants = sorted(mutants[:args.sample], key=lambda m: m["id"])
    files_by_tag = tag_files()
    results = []
    done = {}
    if args.resume and args.out and os.path.isfile(args.out):
        with open(args.out, encoding="utf-8") as f:
            for row in f:  # "<n> <status> <secs> <where> <op> [<IDs>] || <key>": keyed, as numbers shift
                parts = row.split()
                if " || " in row and len(parts) > 2 and parts[0].isdigit():
                    done[row.rstrip("\n").split(" || ", 1)[1]] = parts[1]
    out = open(args.out, "a" if args.resume else "w", encoding="utf-8") if args.out else None
    work = tempfile.mkdtemp(prefix="hsct-mutant-")
    try:
        for m in mutants:
            if m["key"] in done:
                results.append((m, done[m["key"]]))
                continue
            status, secs, files = run_mutant(m, files_by_tag, commands, build, work)
            row = (f"{m['id']:4d} {status:15s} {secs:6.1f}s {m['file']}:{m['line']} {m['op']} "
                   f"[{' '.join(m['ids']) or '-'}] || {m['key']}")
            print(row, flush=True)
            if out:
                out.write(row + "\n")
                out.flush()
            results.append((m, status))
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if out:
            out.close()
    survived = [m for m, s in results if s in ("survived", "untested")]
    broken = [m for m, s in results if s.startswith(("link-error", "no-command"))]
    killed = len(results) - len(survived) - len(broken)
    print(f"mutate: {len(results)} mutants, {killed} killed, {len(survived)} survived "
          f"({sum(1 for _, s in results if s == 'untested')} with no test tagged), {len(broken)} not run")
    if args.write_results:
        kept = read_results(args.write_results)
        with open(args.write_results, "w", encoding="utf-8") as f:
            f.write("# Outcome of every threshold mutant (tests/assurance/mutate.py --write-results), one per line:\n"
                    "# <killed|survived|equivalent> <file> | <operator> | <the line>[ ## <why it is equivalent>].\n"
                    "# survived: a test still to write; equivalent: no input tells the mutant from the original\n"
                    "# (marked by hand with the reason, kept while the mutant survives). CI checks a sample against\n"
                    "# it: a mutant recorded killed must still be killed; one killed now must be recorded so.\n")
            for m, st in sorted(results, key=lambda r: r[0]["key"]):
                if st in ("survived", "untested"):
                    was, why = kept.get(m["key"], ("survived", ""))
                    f.write(f"equivalent {m['key']} ## {why}\n" if was == "equivalent" else f"survived {m['key']}\n")
                else:
                    f.write(f"killed {m['key']}\n")
    if args.results:
        recorded = read_results(args.results)
        problems = []
        for m, st in results:
            now = "survived" if st in ("survived", "untested") else ("killed" if not st.startswith(("link", "no-")) else st)
            was = recorded.get(m["key"], (None, ""))[0]
            if was is None and now != "killed":
                problems.append(f"new mutant survives: {m['key']}")
            elif was == "killed" and now != "killed":
                problems.append(f"recorded killed, survives now (a test was lost): {m['key']}")
            elif was in ("survived", "equivalent") and now == "killed":
                problems.append(f"recorded as {was}, killed now (record it: --write-results): {m['key']}")
        for p in problems:
            print(p)
        print(f"mutate: against {os.path.basename(args.results)} ({len(recorded)} recorded): {len(problems)} problem(s)")
        return 1 if problems or broken else 0
    return 1 if survived or broken else 0


if __name__ == "__main__":
    sys.exit(main())
