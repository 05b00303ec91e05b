#!/usr/bin/env python3
"""docs/python.md runs, and prints what it says it prints.

The walk-through is a sequence of ```python blocks, each optionally
followed by an ```output block. This test runs the python blocks in order,
in one namespace, with the source root as working folder, and compares what
each block prints with the output block after it, exactly (trailing spaces
on a line ignored). A block without an output block must print nothing.

    MTE_SOURCE_ROOT=. METAETHNO_LIBRARY=build/lib PYTHONPATH=bindings/python \\
        python3 tests/python/test_docs.py [--show]

With --show, prints each block's actual output instead of testing (for
writing the document).

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import contextlib
import io
import os
import re
import sys
import traceback
import unittest

SOURCE_ROOT = os.environ.get("MTE_SOURCE_ROOT",
                             os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
DOCUMENT = os.path.join(SOURCE_ROOT, "docs", "python.md")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```\n", re.S | re.M)


def blocks(text):
    """[(line, code, expected output or None)] of the document."""
    out = []
    for match in FENCE.finditer(text):
        kind, body = match.group(1), match.group(2)
        line = text.count("\n", 0, match.start()) + 1
        if kind == "python":
            out.append([line, body, None])
        elif kind == "output":
            if not out or out[-1][2] is not None:
                raise ValueError(f"docs/python.md:{line}: output block without a python block")
            out[-1][2] = body
    return out


def under_valgrind():
    try:
        with open("/proc/self/maps") as maps:
            return "vgpreload" in maps.read()
    except OSError:
        return False


# pandas' compiled modules leak at import, which valgrind would report as
# ours: under valgrind the blocks that make DataFrames are not run (the
# conversion itself is plain Python, run by test_review).
PANDAS_BLOCK = "to_dataframe("


def normalise(text):
    return "\n".join(line.rstrip() for line in text.splitlines())


def run(show=False):
    with open(DOCUMENT, encoding="utf-8") as f:
        text = f.read()
    namespace = {"__name__": "__walkthrough__"}
    failures = []
    os.chdir(SOURCE_ROOT)
    skip_pandas = under_valgrind()
    for line, code, expected in blocks(text):
        if skip_pandas and PANDAS_BLOCK in code:
            continue
        buffer = io.StringIO()
        try:
            with contextlib.redirect_stdout(buffer):
                exec(compile(code, f"docs/python.md:{line}", "exec"), namespace)
        except Exception:
            failures.append(f"docs/python.md:{line}: the block raised\n{traceback.format_exc()}")
            break
        actual = buffer.getvalue()
        if show:
            print(f"--- block at line {line}\n{actual}", end="")
            continue
        if normalise(actual) != normalise(expected or ""):
            failures.append(f"docs/python.md:{line}: printed\n{actual}\n--- but the document says\n"
                            f"{expected or '(nothing)'}")
    # Results and projects are freed here, not at exit.
    namespace.clear()
    return failures


class Walkthrough(unittest.TestCase):
    def test_document_runs_as_written(self):
        failures = run()
        self.assertEqual(failures, [], "\n\n".join(failures))

    def test_document_has_blocks(self):
        with open(DOCUMENT, encoding="utf-8") as f:
            found = blocks(f.read())
        # Guards against a fence change silently skipping everything.
        self.assertGreater(len(found), 10)
        self.assertGreater(sum(1 for b in found if b[2]), 8)


if __name__ == "__main__":
    if "--show" in sys.argv:
        for failure in run(show=True):
            print(failure)
        sys.exit(0)
    unittest.main()
