#!/usr/bin/env python3
"""Loader cost on crafted input, against an ordinary project of the same size.

    bench-crafted.py LOAD-COST [--mib N] [--attributes N] [--repeat N]

For each crafted kind (tests/io/crafted.c: one element with N attributes,
an attribute value, a comment, a processing instruction and element text of
N MiB) the loader's wall time is the median of --repeat runs of load-cost
(one load each). Each is printed against the baseline, an ordinary project
of the same size loaded in the same run, as a ratio: machines differ and
are noisy, ratios much less so. The kinds the loader refuses say so; a
refusal comes at the limit, so it costs the same whatever the size.

Copyright 2026 the metaethno authors. SPDX-License-Identifier: LGPL-2.1-or-later
"""
import argparse
import re
import statistics
import subprocess
import sys

LINE = re.compile(rb": (\d+) bytes, ([0-9.]+) s: (.*)$")


def run(load_cost, kind, n):
    out = subprocess.run([load_cost, kind, str(n)], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, timeout=3600, check=False).stdout
    match = LINE.search(out.strip().splitlines()[-1])
    if match is None:
        sys.exit(f"bench-crafted: cannot read load-cost's output: {out!r}")
    return int(match.group(1)), float(match.group(2)), match.group(3).decode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("load_cost")
    parser.add_argument("--mib", type=int, default=64)
    parser.add_argument("--attributes", type=int, default=1000000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    size = args.mib << 20
    cases = [("baseline", size), ("attributes", args.attributes), ("attribute", size),
             ("comment", size), ("pi", size), ("text", size)]
    times = {kind: [] for kind, _ in cases}
    info = {}
    # The kinds take turns within each repetition, so a busy spell of the
    # machine falls on all of them alike.
    for _ in range(args.repeat):
        for kind, n in cases:
            length, seconds, result = run(args.load_cost, kind, n)
            times[kind].append(seconds)
            info[kind] = (length, result)
    base = statistics.median(times["baseline"])
    base_bytes = info["baseline"][0]
    print(f"{'case':<12}{'bytes':>12}{'median s':>10}{'s/MiB':>9}{'x baseline/MiB':>16}  result")
    for kind, n in cases:
        length, result = info[kind]
        seconds = statistics.median(times[kind])
        per_mib = seconds / (length / 2**20)
        ratio = per_mib / (base / (base_bytes / 2**20))
        print(f"{kind:<12}{length:>12}{seconds:>10.3f}{per_mib:>9.4f}{ratio:>16.2f}  "
              f"{result[:70]}")


if __name__ == "__main__":
    main()
