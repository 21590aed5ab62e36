#!/usr/bin/env python3
# hsct: haematopoietic stem cell transplant workflow library.
# SPDX-License-Identifier: Apache-2.0
"""Checks that the tests reach every threshold of the library below, at and above it.

The coverage preset builds the tests with HSCT_THRESHOLD_PROBE: each comparison a rule makes
through hsct::satisfies or detail::above/at_least/below/at_most/at_threshold (CORE-THRESH-001)
reports its call site, comparator, threshold and where the value fell (below, within the
CORE-THRESH-001 margin of, or above the threshold), with the running test case, to the file
$HSCT_THRESHOLD_PROBE_FILE.<pid> (tests/support/threshold_probe.cpp). This script reads that file and
fails for every (site, comparator, threshold) under include/ that the suite reached but not on all
three sides, naming the requirement ID written nearest above the site and the tags of the tests
that did reach it. A threshold that is an input (a centre's own target, a laboratory's ULN) is
reached at the values the tests chose; such sites are listed in threshold_exceptions.txt with the
reason, and a listed site the tests reach on all three sides, or no longer reach, is reported so
the list cannot go stale.

  check_thresholds.py PROBE_FILE [--source DIR] [--exceptions FILE] [--report FILE]
"""
import argparse
import os
import re
import sys
from collections import defaultdict

from requirement_ids import ID_RE, WORD_ID_RE, test_cases

CMP = {0: "<", 1: "<=", 2: ">", 3: ">=", 4: "="}
SIDES = ((1, "below"), (2, "at"), (4, "above"))
INPUT_THRESHOLDS = 8  # more distinct thresholds than this at one site: the threshold is an input
SKIP_FILES = ("include/hsct/core/explain_text.hpp",)  # renders numbers; decides nothing


def nearest_id(root, rel, line, cache={}):
    if rel not in cache:
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            cache[rel] = f.read().split("\n")
    lines = cache[rel]
    for k in range(min(line, len(lines)) - 1, -1, -1):
        m = ID_RE.search(lines[k])
        if m:
            return m.group(0).replace(", ", ",")
    return "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("probe")
    ap.add_argument("--source", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    ap.add_argument("--exceptions", default=os.path.join(os.path.dirname(__file__), "threshold_exceptions.txt"))
    ap.add_argument("--report", help="write every site with its sides to this file")
    ap.add_argument("--write-gaps", help="write the problems found as exception lines (to start a list)")
    args = ap.parse_args()
    root = os.path.abspath(args.source)

    problems_early = []
    seen = defaultdict(int)
    tests = defaultdict(set)
    import glob
    for row in (r for p in sorted(glob.glob(args.probe + ".*")) + ([args.probe] if os.path.isfile(args.probe) else [])
                for r in open(p, encoding="utf-8")):
        if True:
            parts = row.rstrip("\n").split("\t")
            if len(parts) != 6:
                continue
            path, line, cmp, t, bits, test = parts
            path = os.path.abspath(path)
            rel = os.path.relpath(path, root)
            if not rel.startswith("include/") or rel in SKIP_FILES:
                continue
            key = (rel, int(line), int(cmp), float(t))
            seen[key] |= int(bits)
            tests[key].add(test)

    # Each line: <file> <requirement ID> <comparator> <threshold|input> <kind>: <reason>. kind "input": the
    # threshold is an input the tests choose; kind "guarded": a side the code decides before it
    # reaches the comparison; kind "gap": a test still to be written (the list
    # only shrinks: a new gap fails, and a listed gap the tests now close fails until removed).
    exceptions = {}
    if os.path.isfile(args.exceptions):
        with open(args.exceptions, encoding="utf-8") as f:
            for row in f:
                row = row.strip()
                if not row or row.startswith("#"):
                    continue
                parts = row.split(" ", 4)
                if len(parts) < 5 or not parts[4].startswith(("gap:", "input:", "guarded:")):
                    problems_early.append(f"{os.path.basename(args.exceptions)}: malformed line: {row}")
                    continue
                exceptions[" ".join(parts[:4])] = parts[4]

    # A site that compares against many different thresholds takes its threshold from the input
    # (a dose computed from the patient, a range a caller chose): it is checked as one threshold,
    # the union of what it saw. A threshold of 0 (a count, a flag, a non-negative measure) has no
    # below: at and above are asked of it.
    per_site = defaultdict(set)
    for rel, line, cmp, t in seen:
        per_site[(rel, line)].add(t)
    merged = defaultdict(int)
    merged_tests = defaultdict(set)
    for key, bits in seen.items():
        rel, line, cmp, t = key
        k = (rel, line, cmp, None) if len(per_site[(rel, line)]) > INPUT_THRESHOLDS else key
        merged[k] |= bits
        merged_tests[k] |= tests[key]
    seen, tests = merged, merged_tests

    names = {name: tags for _, name, tags in test_cases(root)}
    problems = list(problems_early)
    report = []
    sites_excepted = set()
    for key in sorted(seen, key=lambda k: (k[0], k[1], k[2], -1.0 if k[3] is None else k[3])):
        rel, line, cmp, t = key
        bits = seen[key]
        site = f"{rel}:{line}"
        wanted = SIDES[1:] if t == 0.0 and cmp in (2, 3) else SIDES
        sides = [name for bit, name in SIDES if bits & bit]
        missing = [name for bit, name in wanted if not bits & bit]
        shown = "input" if t is None else f"{t:g}"
        rid = nearest_id(root, rel, line)
        report.append(f"{site}\t{rid}\tv {CMP[cmp]} {shown}\t{','.join(sides)}")
        if not missing:
            continue
        ekey = f"{rel} {rid} {CMP[cmp]} {shown}"
        if ekey in exceptions:
            sites_excepted.add(ekey)
            continue
        tagset = sorted({tag for name in tests[key] for tag in names.get(name, ())
                         if ID_RE.fullmatch(tag) or WORD_ID_RE.fullmatch(tag)})
        problems.append(f"{site}: {rid}: v {CMP[cmp]} {shown} reached {'/'.join(sides)} but not "
                        f"{'/'.join(missing)} (by {len(tests[key])} test(s): {' '.join(tagset[:6]) or '-'})")
    reached_sites = {f"{k[0]}:{k[1]}" for k in seen}
    reached_keys = {f"{k[0]} {nearest_id(root, k[0], k[1])} {CMP[k[2]]} {'input' if k[3] is None else format(k[3], 'g')}"
                    for k in seen}
    for ekey in sorted(exceptions):
        if ekey not in reached_keys:
            problems.append(f"{ekey}: listed in {os.path.basename(args.exceptions)} but not reached by the tests")
        elif ekey not in sites_excepted:
            problems.append(f"{ekey}: listed in {os.path.basename(args.exceptions)} but now reached on every side: "
                            "remove the line")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write("\n".join(report) + "\n")
    for p in problems:
        print(p)
    thresholds = len(seen)
    sites = len(reached_sites)
    full = sum(1 for k in seen if seen[k] == 7 or (k[3] == 0.0 and seen[k] & 6 == 6))
    gaps = sum(1 for v in exceptions.values() if v.startswith("gap:"))
    print(f"check_thresholds: {sites} comparison sites, {thresholds} (site, comparator, threshold) reached; "
          f"{full} below, at and above; listed: {gaps} open gaps, {len(exceptions) - gaps} input or guarded; "
          f"{len(problems)} problem(s)")
    if args.write_gaps:
        with open(args.write_gaps, "w", encoding="utf-8") as f:
            for p in problems:
                m = re.match(r"(\S+):\d+: (\S+): v (\S+) (\S+) reached (\S+) but not (\S+)", p)
                if m:
                    f.write(f"{m.group(1)} {m.group(2)} {m.group(3)} {m.group(4)} gap: reached {m.group(5)}, "
                            f"not {m.group(6)}\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
