"""The articles of the shared corpus, read once the same way by every script
that walks it (`precision-sample.py`, `corpus-diff.py`, `confidence-study.py`)."""
import json
import pathlib


def articles(corpus):
    """Yields (file stem, line number from 1, text) for every JSONL line of
    `corpus/*.jsonl` that is an object with a string `text`; others are skipped."""
    for path in sorted(pathlib.Path(corpus).glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(row, dict) and isinstance(row.get("text"), str):
                yield path.stem, n, row["text"]
