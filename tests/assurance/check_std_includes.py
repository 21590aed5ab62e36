#!/usr/bin/env python3
# hsct: haematopoietic stem cell transplant workflow library.
# SPDX-License-Identifier: Apache-2.0
"""Every public header includes the standard headers it uses (docs/conventions.md section 8).

The header check (tests/CMakeLists.txt) compiles each public header on its own over a
precompiled standard library, so it proves that each header includes the hsct headers it needs
but not the standard ones. This script checks those: each `std::` name a header uses (comments
and string literals aside) must be declared by a standard header that the header includes,
directly or through the hsct headers it includes. The standard's own synopses decide which
headers declare a name, not what one library's headers happen to pull in, so a header that
compiles with libstdc++ only because <string> drags in <string_view> is still reported.
A name missing from the table below is an error too: add it with the headers that declare it.

  check_std_includes.py [--root DIR]      exit status 1 on any problem
  check_std_includes.py --self-test         a tree with one fault of each kind, all reported
"""
import argparse
import os
import re
import sys
import tempfile

# Each std:: name used under include/ -> the standard headers that declare it ([headers], the
# synopses of C++20). Where the standard declares a name in several headers, any of them will do.
CSTDDEF = ("cstddef", "cstdio", "cstring", "cstdlib", "ctime", "cwchar")
IOS = ("ios", "ostream", "istream", "iostream", "sstream", "fstream", "iomanip")
TABLE = {
    "size_t": CSTDDEF, "ptrdiff_t": ("cstddef",), "byte": ("cstddef",),
    "int8_t": ("cstdint",), "int16_t": ("cstdint",), "int32_t": ("cstdint",), "int64_t": ("cstdint",),
    "uint8_t": ("cstdint",), "uint16_t": ("cstdint",), "uint32_t": ("cstdint",), "uint64_t": ("cstdint",),
    "string": ("string",), "to_string": ("string",), "char_traits": ("string", "string_view"),
    "string_view": ("string_view",),
    "optional": ("optional",), "nullopt": ("optional",), "nullopt_t": ("optional",),
    "in_place": ("utility", "optional", "variant"), "in_place_t": ("utility", "optional", "variant"),
    "in_place_type": ("utility", "variant"),
    "move": ("utility",), "forward": ("utility",), "pair": ("utility",), "as_const": ("utility",),
    "make_index_sequence": ("utility",), "index_sequence": ("utility",), "swap": ("utility",),
    "span": ("span",), "vector": ("vector",), "array": ("array",), "map": ("map",),
    "unordered_map": ("unordered_map",), "unordered_set": ("unordered_set",),
    "initializer_list": ("initializer_list",), "variant": ("variant",), "visit": ("variant",),
    "chrono": ("chrono",),
    "ostream": IOS[1:] + ("iosfwd",), "ios_base": IOS, "fixed": IOS, "scientific": IOS,
    "ostringstream": ("sstream",), "setprecision": ("iomanip",), "cout": ("iostream",),
    "isfinite": ("cmath",), "isinf": ("cmath",), "isnan": ("cmath",), "fabs": ("cmath",),
    "pow": ("cmath",), "round": ("cmath",), "lround": ("cmath",), "sqrt": ("cmath",),
    "exp": ("cmath",), "log": ("cmath",), "log10": ("cmath",), "nextafter": ("cmath",),
    "fma": ("cmath",), "fmax": ("cmath",), "floor": ("cmath",), "ceil": ("cmath",),
    "abs": ("cmath", "cstdlib"),
    "min": ("algorithm",), "max": ("algorithm",), "sort": ("algorithm",), "stable_sort": ("algorithm",),
    "unique": ("algorithm",), "lower_bound": ("algorithm",), "upper_bound": ("algorithm",),
    "find": ("algorithm",), "find_if": ("algorithm",), "copy": ("algorithm",), "count": ("algorithm",),
    "is_sorted": ("algorithm",), "all_of": ("algorithm",), "adjacent_find": ("algorithm",),
    "shuffle": ("algorithm",),
    "same_as": ("concepts",), "convertible_to": ("concepts",), "integral": ("concepts",),
    "derived_from": ("concepts",),
    "strong_ordering": ("compare",), "partial_ordering": ("compare",),
    "underlying_type_t": ("type_traits",), "remove_cvref_t": ("type_traits",),
    "remove_cv_t": ("type_traits",), "conditional_t": ("type_traits",), "true_type": ("type_traits",),
    "false_type": ("type_traits",), "is_same_v": ("type_traits",), "is_enum_v": ("type_traits",),
    "is_void_v": ("type_traits",), "is_reference_v": ("type_traits",),
    "is_constant_evaluated": ("type_traits",), "invoke_result_t": ("type_traits",),
    "is_nothrow_move_constructible_v": ("type_traits",), "is_nothrow_move_assignable_v": ("type_traits",),
    "is_trivially_destructible_v": ("type_traits",), "is_trivially_copyable_v": ("type_traits",),
    "invoke": ("functional",), "function": ("functional",), "less": ("functional",),
    "numeric_limits": ("limits",),
    "popcount": ("bit",), "has_single_bit": ("bit",), "countr_zero": ("bit",),
    "from_chars": ("charconv",), "to_chars": ("charconv",), "chars_format": ("charconv",),
    "errc": ("system_error", "charconv"),
    "formatter": ("format",), "format": ("format",), "vformat": ("format",),
    "make_format_args": ("format",),
    "expected": ("expected",),
    "snprintf": ("cstdio",), "fprintf": ("cstdio",), "fopen": ("cstdio",), "fread": ("cstdio",),
    "fclose": ("cstdio",), "ferror": ("cstdio",), "FILE": ("cstdio",),
    "memcpy": ("cstring",), "abort": ("cstdlib",),
    "atomic": ("atomic",), "bad_alloc": ("new",), "source_location": ("source_location",),
    "uniform_int_distribution": ("random",), "uniform_real_distribution": ("random",),
    "mt19937": ("random",), "mt19937_64": ("random",),
}

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
NAME_RE = re.compile(r"\bstd::([A-Za-z_][A-Za-z_0-9]*)")


def strip(text, keep_strings=False):
    """The code of a header without comments and (unless kept) string and character literals."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif text.startswith('R"', i):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            i = n if end < 0 else end + len(m.group(1)) + 2
            out.append('""')
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1] if keep_strings else c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def self_test():
    """Builds a small include/ tree and checks each verdict."""
    files = {
        "hsct/a/base.hpp": "#include <vector>\n#include <cstddef>\nstd::vector<int> v; std::size_t n;\n",
        # through an hsct header (quoted, as the library writes them): fine
        "hsct/a/through.hpp": '#include "hsct/a/base.hpp"\nstd::vector<int> w;\n',
        # a comment and a string naming std::map are not uses
        "hsct/a/comment.hpp": '// std::map<int, int>\nconst char* s = "std::map";\n',
        # faults: no <optional>; <string> does not count for std::string_view; a name not in the table
        "hsct/a/missing.hpp": "#include <string>\nstd::optional<int> o; std::string_view sv;\n",
        "hsct/a/unknown.hpp": "#include <vector>\nstd::not_a_std_name x;\n",
    }
    with tempfile.TemporaryDirectory() as root:
        for rel, text in files.items():
            path = os.path.join(root, "include", rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        problems = check(os.path.join(root, "include"))
    expected = [("hsct/a/missing.hpp", "std::optional"), ("hsct/a/missing.hpp", "std::string_view"),
                ("hsct/a/unknown.hpp", "std::not_a_std_name")]
    ok = len(problems) == len(expected) and all(
        any(p.startswith(f + ":") and n in p for p in problems) for f, n in expected)
    for p in problems:
        print("  reported:", p)
    print(f"check_std_includes self-test: {len(problems)} reported, {len(expected)} expected: "
          + ("passed" if ok else "FAILED"))
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    ap.add_argument("--self-test", action="store_true")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    inc = os.path.join(os.path.abspath(args.root), "include")
    problems, n_headers, n_uses = check(inc, counts=True)
    for p in problems:
        print(p)
    print(f"check_std_includes: {n_headers} headers, {n_uses} (header, std name) uses, "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


def check(inc, counts=False):
    headers = {}
    for d, _, files in os.walk(os.path.join(inc, "hsct")):
        for f in files:
            if f.endswith(".hpp"):
                p = os.path.join(d, f)
                headers[os.path.relpath(p, inc).replace(os.sep, "/")] = p
    direct, names = {}, {}
    for rel, p in headers.items():
        text = open(p, encoding="utf-8").read()
        code = strip(text)
        # Includes from the text without comments but with its literals ("hsct/core/units.hpp").
        direct[rel] = [(k, h) for k, h in INCLUDE_RE.findall(strip(text, keep_strings=True))]
        names[rel] = set(NAME_RE.findall(code))
    closure_cache = {}

    def closure(rel, seen=None):
        if rel in closure_cache:
            return closure_cache[rel]
        seen = set() if seen is None else seen
        seen.add(rel)
        std, hs = set(), set()
        here = os.path.dirname(rel)
        for kind, h in direct.get(rel, []):
            target = h if h in headers else os.path.normpath(os.path.join(here, h)).replace(os.sep, "/")
            if target in headers:
                if target not in seen:
                    std |= closure(target, seen)
            elif "/" not in h and "." not in h:
                std.add(h)
        closure_cache[rel] = std
        return std

    problems = []
    for rel in sorted(headers):
        if rel == "hsct/fmt.hpp":
            continue  # fmt's bridge: its std names come with <fmt/format.h>, checked by its own build
        have = closure(rel)
        for name in sorted(names[rel]):
            if name not in TABLE:
                problems.append(f"{rel}: std::{name} is not in check_std_includes.py's table: add it "
                                "with the standard headers that declare it")
                continue
            if not have.intersection(TABLE[name]):
                problems.append(f"{rel}: uses std::{name} but includes none of "
                                + ", ".join(f"<{h}>" for h in TABLE[name]) + " (directly or through an hsct header)")
    if counts:
        return problems, len(headers), sum(len(v) for v in names.values())
    return problems


if __name__ == "__main__":
    sys.exit(main())
