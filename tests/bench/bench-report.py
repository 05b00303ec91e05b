#!/usr/bin/env python3
"""Times the review report (issue 13) against the pipeline a team used
before it: `metaethno synthesize P --format dot | dot -Tsvg`, one diagram.

    bench-report.py METAETHNO MTE_GEN WARMTH [--studies N] [--repeat K] [--dir D]

For the warmth example and for a generated N-study project (mte-gen,
seeded), each repetition runs, as child processes with output to files:
the report as HTML, as Word and as Markdown (with its four SVG figures),
and the baseline pipeline through /bin/sh. Steps take turns within a
repetition so that the machine's load falls on all of them alike. Wall
time is measured around each child, CPU time from RUSAGE_CHILDREN (the
children's user + system time). Medians are reported with the least
value, and ratios of medians against the baseline of the same project in
the same run. Nothing is checked but that every step succeeds and writes
what it should: the figures are for people to read (docs/performance.md).
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def timed(argv, shell=False):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, shell=shell, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("metaethno")
    parser.add_argument("mte_gen")
    parser.add_argument("warmth")
    parser.add_argument("--studies", type=int, default=1000)
    parser.add_argument("--constructs", type=int, default=20,
                        help="constructs per generated study (default 20)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dir", help="work folder (default: a new temporary one, removed)")
    args = parser.parse_args()

    dot = shutil.which("dot")
    work = args.dir or tempfile.mkdtemp(prefix="mte-bench-report-")
    os.makedirs(work, exist_ok=True)
    generated = os.path.join(work, f"generated-{args.studies}.xml")
    subprocess.run([args.mte_gen, "--studies", str(args.studies), "--constructs-per-study",
                    str(args.constructs), "-o", generated], check=True, stdout=subprocess.DEVNULL)

    projects = [("warmth (29 studies)", args.warmth),
                (f"generated ({args.studies} studies)", generated)]
    print(f"metaethno report against synthesize --format dot | dot -Tsvg; {args.repeat} runs per step, "
          f"{os.cpu_count()} CPUs online; load average {os.getloadavg()[0]:.2f} at the start")
    print(f"generated project: {os.path.getsize(generated):,} bytes "
          f"(mte-gen --studies {args.studies} --constructs-per-study {args.constructs})")
    if dot is None:
        print("dot (Graphviz) is not on PATH: the baseline is skipped")

    for name, path in projects:
        base = os.path.join(work, "out")
        steps = [
            ("report, HTML", [args.metaethno, "report", path, "-o", base + ".html"], False, base + ".html"),
            ("report, Word", [args.metaethno, "report", path, "-o", base + ".docx"], False, base + ".docx"),
            ("report, Markdown", [args.metaethno, "report", path, "-o", base + ".md"], False, base + ".md"),
        ]
        if dot is not None:
            steps.append(("synthesize -f dot | dot -Tsvg",
                          f"'{args.metaethno}' synthesize '{path}' --format dot | '{dot}' -Tsvg "
                          f"-o '{base}-dot.svg'", True, base + "-dot.svg"))
        walls = {s[0]: [] for s in steps}
        cpus = {s[0]: [] for s in steps}
        for rep in range(args.repeat):
            order = steps[rep % len(steps):] + steps[:rep % len(steps)]
            for label, argv, shell, out in order:
                if os.path.exists(out):
                    os.unlink(out)
                wall, cpu = timed(argv, shell)
                if not os.path.exists(out) or os.path.getsize(out) == 0:
                    sys.exit(f"{label} wrote nothing for {name}")
                walls[label].append(wall)
                cpus[label].append(cpu)
        sizes = {label: os.path.getsize(out) for label, _, _, out in steps}

        print(f"\n{name}")
        print(f"  {'step':34} {'wall median':>12} {'least':>8} {'CPU median':>11} {'output':>14}")
        for label, *_ in steps:
            print(f"  {label:34} {statistics.median(walls[label]):11.3f}s {min(walls[label]):7.3f}s "
                  f"{statistics.median(cpus[label]):10.3f}s {sizes[label]:>13,}B")
        if dot is not None:
            baseline = "synthesize -f dot | dot -Tsvg"
            print("  ratios of medians to the baseline (wall, CPU):")
            for label, *_ in steps[:-1]:
                print(f"    {label:32} {statistics.median(walls[label]) / statistics.median(walls[baseline]):6.2f}"
                      f" {statistics.median(cpus[label]) / statistics.median(cpus[baseline]):6.2f}")

    if args.dir is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
