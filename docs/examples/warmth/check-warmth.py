#!/usr/bin/env python3
# Regenerates the illustrative warmth example and checks that it is the same,
# byte for byte, as the committed docs/examples/warmth/warmth.xml.
#
#     check-warmth.py MAKE-WARMTH OUTPUT.xml COMMITTED.xml
#
# Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
import difflib
import subprocess
import sys


def main(argv):
    if len(argv) != 4:
        print("usage: check-warmth.py MAKE-WARMTH OUTPUT.xml COMMITTED.xml", file=sys.stderr)
        return 2
    program, output, committed = argv[1:]

    result = subprocess.run([program, output])
    if result.returncode != 0:
        print(f"check-warmth: {program} exited with status {result.returncode}", file=sys.stderr)
        return 1

    with open(output, "rb") as f:
        new = f.read()
    with open(committed, "rb") as f:
        old = f.read()
    if new == old:
        print(f"check-warmth: {output} matches {committed} ({len(new)} bytes)")
        return 0

    print(f"check-warmth: {output} differs from {committed}", file=sys.stderr)
    diff = difflib.unified_diff(
        old.decode("utf-8", "replace").splitlines(),
        new.decode("utf-8", "replace").splitlines(),
        fromfile=committed, tofile=output, lineterm="", n=1)
    for i, line in enumerate(diff):
        if i >= 40:
            print("...", file=sys.stderr)
            break
        print(line, file=sys.stderr)
    print("If the change is intended, regenerate the example: "
          "make-warmth docs/examples/warmth/warmth.xml", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
