#!/usr/bin/env python3
"""Drops `pending` from case-table rows that now pass.

Runs the case harness (diplo-core/tests/cases.rs) with CASES_VERBOSE=1, reads
its "pending <table> #N … PASSES" lines and removes those rows' `pending`
key, so improvements to the extractors turn into assertions.

    python3 scripts/unpend-cases.py [TABLE ...]
"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
CASES = ROOT / "diplo-core" / "tests" / "cases"


def passing_pending() -> dict:
    out = subprocess.run(["cargo", "test", "--release", "-q", "-p", "diplo-core", "--test", "cases", "--", "--nocapture"],
                         cwd=ROOT, capture_output=True, text=True, env={**__import__("os").environ, "CASES_VERBOSE": "1"})
    found: dict = {}
    for m in re.finditer(r"pending (\w+) #(\d+) .*?PASSES", out.stderr + out.stdout):
        found.setdefault(m.group(1), set()).add(int(m.group(2)))
    return found


def unpend(table: str, ids: set) -> int:
    path = CASES / f"{table}.toml"
    parts = re.split(r"(?m)^(?=\[\[case\]\]\s*$)", path.read_text(encoding="utf-8"))
    n = 0
    for i in range(1, len(parts)):
        if i in ids:
            new = re.sub(r'(?m)^pending = "[^\n]*"\n', "", parts[i])
            n += new != parts[i]
            parts[i] = new
    path.write_text("".join(parts), encoding="utf-8")
    return n


if __name__ == "__main__":
    wanted = set(sys.argv[1:])
    for table, ids in sorted(passing_pending().items()):
        if not wanted or table in wanted:
            print(f"{table}: {unpend(table, ids)} pending marks removed")
