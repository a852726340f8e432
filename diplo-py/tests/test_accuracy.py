"""Accuracy floors on the gold sets next to the repository (``../shared``):
the dev set and the seeds are extracted with ``python -m diplo extract`` and
scored by ``../shared/eval/score.py``; every F1 and every field accuracy the
scorer prints must stay at or above its floor, so no change can quietly lose
what has been reached. Skipped, with the reason, when ``../shared`` is absent
(set ``DIPLO_REQUIRE_SHARED=1`` to make that a failure).

Floors are in ``FLOORS`` below: raise them when accuracy rises.
"""
import os
import pathlib
import re
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = pathlib.Path(os.environ.get("DIPLO_SHARED", ROOT.parent / "shared"))
SCORER = SHARED / "eval" / "score.py"

# set -> (floor for every record type's F1, floor for every field accuracy)
FLOORS = {
    "dev": (0.90, 0.85),
    "seeds": (0.98, 0.98),
}

LINE_F1 = re.compile(r"^(meetings|metrics|commitments)\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+)")
LINE_FIELD = re.compile(r"^\s{4}(\S+)\s+(\d+)/(\d+) = ([\d.]+)")


def score(name: str, docs: pathlib.Path, gold: pathlib.Path, tmp_path: pathlib.Path):
    files = sorted(docs.glob("*.txt"))
    out = subprocess.run([sys.executable, "-m", "diplo", "extract", *map(str, files)],
                         capture_output=True, text=True, check=True).stdout
    pred = tmp_path / f"{name}.jsonl"
    pred.write_text(out, encoding="utf-8")
    report = subprocess.run([sys.executable, str(SCORER), "--docs", str(docs), "--gold", str(gold), "--pred", str(pred)],
                            capture_output=True, text=True, check=True).stdout
    f1, fields, record = {}, {}, None
    for line in report.splitlines():
        if m := LINE_F1.match(line):
            record = m.group(1)
            f1[record] = float(m.group(4))
        elif (m := LINE_FIELD.match(line)) and record:
            fields[f"{record}.{m.group(1)}"] = float(m.group(4))
    return f1, fields, report


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_stays_above_its_floors(name, tmp_path):
    docs = ROOT / "seeds" if name == "seeds" else SHARED / name
    gold = SHARED / "gold" / name
    if not (SCORER.is_file() and docs.is_dir() and gold.is_dir()):
        if os.environ.get("DIPLO_REQUIRE_SHARED") == "1":
            pytest.fail(f"no gold set or scorer under {SHARED}")
        pytest.skip(f"no gold set or scorer under {SHARED}")
    f1, fields, report = score(name, docs, gold, tmp_path)
    min_f1, min_field = FLOORS[name]
    assert set(f1) == {"meetings", "metrics", "commitments"}, report
    low = [f"{k} F1 {v:.3f} < {min_f1}" for k, v in f1.items() if v < min_f1]
    low += [f"{k} {v:.3f} < {min_field}" for k, v in fields.items() if v < min_field]
    assert not low, "below the floor on " + name + ":\n" + "\n".join(low) + "\n\n" + report
