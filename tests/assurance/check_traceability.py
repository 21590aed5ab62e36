#!/usr/bin/env python3
# hsct: haematopoietic stem cell transplant workflow library.
# SPDX-License-Identifier: Apache-2.0
"""Checks docs/traceability.md against the code and the tests (docs/quality.md).

Fails (exit 1, one line per problem) when:
  - a requirement ID written under include/ has no row in docs/traceability.md;
  - a row's ID is not written anywhere under include/ (a rule with no code beside it);
  - a name in a row's Function column is not declared under include/ (each part of a
    qualified name, such as conditioning::dose_plan, must be an identifier of the code, outside
    comments; a header in <...> must exist);
  - a tag in a row's Test tags column is on no TEST_CASE under tests/;
  - a row whose ID names a threshold comparison in the code (a hsct::satisfies call, a
    comparator:: table row or a detail comparison beside that ID) has no test tagged with it.
  - a requirement ID is tagged on a test but has no row.

IDs are the library's stable requirement IDs, PREFIX-AREA-NNN (e.g. ENG-NEUT-001); ranges and
lists in the code and the matrix (COMP-SOS-010..013, COMP-AGVHD-001/002, CORE-ANALYTE-010, 011)
stand for every ID they span. Usage: check_traceability.py [source dir] (default: the tree this
file is in).
"""
import os
import re
import sys

from requirement_ids import ID_RE, WORD_ID_RE, ids_in, test_cases

IDENT_RE = re.compile(r"[A-Za-z_]\w*")


def strip_comments(code):
    code = re.sub(r"/\*.*?\*/", " ", code, flags=re.S)
    code = re.sub(r"//[^\n]*", " ", code)
    return code


def read_tree(root, sub, exts):
    files = {}
    for dirpath, _, names in os.walk(os.path.join(root, sub)):
        for n in names:
            if n.endswith(exts):
                p = os.path.join(dirpath, n)
                with open(p, encoding="utf-8") as f:
                    files[os.path.relpath(p, root)] = f.read()
    return files


def parse_matrix(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.startswith("| ") or line.startswith("| ID ") or line.startswith("| ---"):
                continue
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
            if len(cells) != 5:
                rows.append((lineno, None, cells))
                continue
            rows.append((lineno, cells[0], cells))
    return rows


SELF_TEST_HEADER = """// ENG-X-001: the threshold.
inline constexpr double x_threshold = 1.0;
// ENG-X-002: compared.
bool met(double v) { return hsct::satisfies(v, comparator::greater, x_threshold); }
// ENG-X-003: a rule with no row.
"""
SELF_TEST_TESTS = 'TEST_CASE("x", "[ENG-X-001][ENG-X-009]") {}\n'
SELF_TEST_MATRIX = """| ID | Rule | Source | Function | Test tags |
| --- | --- | --- | --- | --- |
| ENG-X-001 | threshold | [P] | `x_threshold` | `[ENG-X-001]` |
| ENG-X-002 | compared | [P] | `met`, `gone` | `[ENG-X-002]` |
| ENG-X-004 | nowhere | [P] | `met` | `[ENG-X-001]` |
"""
SELF_TEST_EXPECT = [
    "ENG-X-003 has no row",
    "'gone' is not declared",
    "no test is tagged [ENG-X-002]",
    "ENG-X-004 is written nowhere",
    "[ENG-X-009] is tagged on a test but has no row",
    "ENG-X-002 compares against a threshold but no test is tagged",
]


def self_test():
    """The checker on a small tree with one fault of each kind: each must be reported."""
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        for sub, name, text in (("include/hsct", "x.hpp", SELF_TEST_HEADER), ("tests", "x_test.cpp", SELF_TEST_TESTS),
                                ("docs", "traceability.md", SELF_TEST_MATRIX)):
            os.makedirs(os.path.join(d, sub), exist_ok=True)
            with open(os.path.join(d, sub, name), "w", encoding="utf-8") as f:
                f.write(text)
        run = subprocess.run([sys.executable, __file__, d], capture_output=True, text=True, check=False)
    missed = [e for e in SELF_TEST_EXPECT if e not in run.stdout]
    for e in missed:
        print(f"self-test: not reported: {e}")
    if run.returncode != 1:
        print(f"self-test: exit {run.returncode}, expected 1")
    print(f"check_traceability self-test: {len(SELF_TEST_EXPECT) - len(missed)} of {len(SELF_TEST_EXPECT)} faults reported")
    return 0 if not missed and run.returncode == 1 else 1


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--self-test":
        return self_test()
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    root = os.path.abspath(root)
    problems = []
    headers = read_tree(root, "include", (".hpp",))
    rows = parse_matrix(os.path.join(root, "docs", "traceability.md"))

    code_ids = {}
    code_words = set()
    for path, text in headers.items():
        for i in ids_in(text):
            code_ids.setdefault(i, path)
        for m in WORD_ID_RE.finditer(text):
            code_words.add(m.group(1))
    identifiers = set()
    for text in headers.values():
        identifiers.update(IDENT_RE.findall(strip_comments(text)))

    test_tags = {tag for _, _, tags in test_cases(root) for tag in tags}
    tagged_ids = set()
    for t in test_tags:
        tagged_ids.update(ids_in(t) if ID_RE.fullmatch(t) else set())

    matrix_ids = set()
    for lineno, rid, cells in rows:
        where = f"docs/traceability.md:{lineno}"
        if rid is None:
            problems.append(f"{where}: a row needs 5 cells (ID, rule, source, function, tags), has {len(cells)}")
            continue
        these = ids_in(rid) or ({rid} if WORD_ID_RE.fullmatch(rid) else set())
        if not these:
            problems.append(f"{where}: '{rid}' is not a requirement ID")
            continue
        matrix_ids |= these
        superseded = cells[1].startswith("Superseded")  # kept so the ID is never reused
        for i in sorted(these):
            if not superseded and i not in code_ids and i not in code_words:
                problems.append(f"{where}: {i} is written nowhere under include/")
        for name in re.findall(r"`([^`]+)`", cells[3]):
            if name.startswith("<") and name.endswith(">"):
                if not os.path.isfile(os.path.join(root, "include", name[1:-1])):
                    problems.append(f"{where}: header {name} does not exist")
                continue
            if name.startswith("operator"):
                continue  # operator<<, operator== ...: the row's other names carry the check
            bare = re.sub(r"\(.*\)|<.*>", "", name).strip()
            for part in [p for p in re.split(r"::|\.|/", bare) if p]:
                if part.endswith("*") and part != "*":  # a family: trigger_*, assess_sos_*
                    if not any(i.startswith(part[:-1]) for i in identifiers):
                        problems.append(f"{where}: {name}: nothing under include/ starts with '{part[:-1]}'")
                        break
                    continue
                if part == "*":
                    continue
                if not IDENT_RE.fullmatch(part) or part not in identifiers:
                    problems.append(f"{where}: {name}: '{part}' is not declared under include/")
                    break
        for tag in re.findall(r"\[([^\]`]+)\](?!\()", cells[4].replace("`", "")):
            if tag not in test_tags:
                problems.append(f"{where}: no test is tagged [{tag}]")

    for i, path in sorted(code_ids.items()):
        if i not in matrix_ids:
            problems.append(f"{path}: {i} has no row in docs/traceability.md")
    for i in sorted(tagged_ids - matrix_ids):
        problems.append(f"tests: [{i}] is tagged on a test but has no row in docs/traceability.md")

    # Rules that compare against a threshold must be tested under their own ID.
    threshold_ids = set()
    for path, text in headers.items():
        lines = text.split("\n")
        current = set()
        for line in lines:
            found = ids_in(line)
            if found:
                current = found
            if re.search(r"satisfies\(|comparator::(less|greater|equal)|detail::(above|below|at_least|at_most)\(", line):
                threshold_ids |= current
    for i in sorted(threshold_ids & matrix_ids):
        if i not in tagged_ids:
            problems.append(f"{code_ids.get(i, 'include')}: {i} compares against a threshold but no test is tagged [{i}]")

    for p in problems:
        print(p)
    print(f"check_traceability: {len(matrix_ids)} IDs in the matrix, {len(code_ids) + len(code_words)} written under "
          f"include/, {len(test_tags)} test tags, {len(threshold_ids)} IDs beside threshold comparisons; "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
