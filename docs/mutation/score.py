#!/usr/bin/env python3
"""Per-package and whole-core PIT mutation score from the mutations.csv of per-package runs.

usage: python3 docs/mutation/score.py DIR [--survivors]
DIR holds one PIT mutations.csv per run (any file name ending .csv). Rows are grouped by the
mutated class's package, so a run over several packages splits by package. Each mutant is judged
by every test that covers it in its own run, so disjoint runs add up to one whole run.
A mutant counts as killed when PIT detected it: KILLED, TIMED_OUT, MEMORY_ERROR, RUN_ERROR (PIT's
own rule; TIMED_OUT is also shown on its own); SURVIVED and NO_COVERAGE are not; NON_VIABLE
mutants are left out. --survivors lists the mutants not killed (class, line, mutator, status).
"""
import csv
import pathlib
import sys
from collections import defaultdict

DETECTED = {"KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR"}
KEYS = ("mutants", "killed", "timed", "survived", "nocov")


def package(cls):
    pkg = cls.split("$")[0].rsplit(".", 1)[0]
    return pkg.replace("dev.keyfence.", "", 1) if pkg.startswith("dev.keyfence.internal") else pkg


def main():
    counts = defaultdict(lambda: dict.fromkeys(KEYS, 0))
    survivors = []
    for f in sorted(pathlib.Path(sys.argv[1]).glob("*.csv")):
        for row in csv.reader(open(f, newline="")):
            _file, cls, mutator, method, line, status = row[:6]
            if status == "NON_VIABLE":
                continue
            c = counts[package(cls)]
            c["mutants"] += 1
            c["killed"] += status in DETECTED
            c["timed"] += status == "TIMED_OUT"
            c["survived"] += status == "SURVIVED"
            c["nocov"] += status == "NO_COVERAGE"
            if status not in DETECTED:
                survivors.append((cls, int(line), mutator.rsplit(".", 1)[-1], method, status))
    total = dict.fromkeys(KEYS, 0)
    print("| package | mutants | killed | of which timed out | survived | no coverage | score |")
    print("|---|---|---|---|---|---|---|")
    for name in sorted(counts):
        c = counts[name]
        for k in KEYS:
            total[k] += c[k]
        print(row_text("`" + name + "`", c))
    print(row_text("**all measured**", total))
    if "--survivors" in sys.argv:
        for s in sorted(survivors):
            print(*s, sep="\t")


def row_text(name, c):
    score = 100.0 * c["killed"] / c["mutants"] if c["mutants"] else 0.0
    return f"| {name} | {c['mutants']} | {c['killed']} | {c['timed']} | {c['survived']} | {c['nocov']} | {score:.0f}% |"


if __name__ == "__main__":
    main()
