# hsct: haematopoietic stem cell transplant workflow library.
# SPDX-License-Identifier: Apache-2.0
"""Requirement IDs and test cases, read the same way by every assurance script.

IDs are PREFIX-AREA-NNN (ENG-NEUT-001); ranges and lists (COMP-SOS-010..013, COMP-AGVHD-001/002,
CORE-ANALYTE-010, 011) stand for every ID they span. A few IDs have a word for their last part
(CORE-LOINC, PAT-DOSE-TOL).
"""
import os
import re

PREFIXES = "CORE|PAT|DON|COND|GRAFT|ENG|COMP|FU|WF|TEST"
ID_RE = re.compile(r"\b((?:%s)(?:-[A-Z0-9]+)+?)-(\d{3})([a-z]?)((?:(?:\.\.|/|, ?)\d{3}[a-z]?)*)(?![\w-])" % PREFIXES)
WORD_ID_RE = re.compile(r"\b((?:%s)(?:-[A-Z][A-Z0-9]*)+)\b(?!-)" % PREFIXES)
TEST_CASE_RE = re.compile(r'TEST_CASE\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+),\s*((?:"[^"]*"\s*)+)\)', re.S)


def expand(m):
    """The IDs one match of ID_RE spans: ENG-NEUT-001..003 -> ENG-NEUT-001, -002, -003."""
    stem, first, suffix, rest = m.group(1), m.group(2), m.group(3), m.group(4)
    ids = [f"{stem}-{first}{suffix}"]
    prev = int(first)
    for sep, num in re.findall(r"(\.\.|/|, ?)(\d{3}[a-z]?)", rest):
        n = int(num[:3])
        ids += [f"{stem}-{k:03d}" for k in range(prev + 1, n + 1)] if sep == ".." else [f"{stem}-{num}"]
        prev = n
    return ids


def ids_in(text):
    """Every requirement ID written in the text, ranges and lists expanded."""
    return {i for m in ID_RE.finditer(text) for i in expand(m)}


def test_cases(root):
    """(path relative to root, name, [tags]) of every TEST_CASE under root/tests."""
    out = []
    for dirpath, _, names in os.walk(os.path.join(root, "tests")):
        for n in sorted(names):
            if not n.endswith(".cpp"):
                continue
            path = os.path.join(dirpath, n)
            with open(path, encoding="utf-8") as f:
                for m in TEST_CASE_RE.finditer(f.read()):
                    name = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))).replace('\\"', '"')
                    out.append((os.path.relpath(path, root), name, re.findall(r'\[([^\]"]+)\]', m.group(2))))
    return out
