"""Many articles, one picture: the corpus view for analysts.

>>> c = diplo.Corpus()
>>> c.add_files(["seeds"])              # folders, .txt files, .jsonl corpora
>>> c.report()["claims"][0]["verdict"]  # consistent / conflicting / single
>>> c.tables()["meetings"]              # DataFrames when pandas is installed
"""

from __future__ import annotations

import csv
import json
import os
import pathlib
import sys
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from . import _diplo

PathLike = Union[str, "os.PathLike[str]"]
BATCH = 256


def iter_files(inputs: Sequence[PathLike]) -> Iterator[pathlib.Path]:
    """Article files under the inputs (folders recursively: *.txt, *.jsonl), as the Rust report reads them."""
    for p in map(pathlib.Path, inputs):
        if p.is_dir():
            yield from sorted(x for x in p.rglob("*") if x.is_file() and x.suffix in (".txt", ".jsonl"))
        else:
            yield p


def _iso(d: Optional[str]) -> Optional[str]:
    digits = "".join(ch for ch in (d or "") if ch.isdigit())
    return f"{digits[0:4]}-{digits[4:6]}-{digits[6:8]}" if len(digits) >= 8 else None


class Corpus:
    """Documents added so far, reconciled in Rust: merged meetings with
    conflicts, metric claims with verdicts, implied baselines, commitments."""

    def __init__(self) -> None:
        self._inner = _diplo.Corpus()

    def __len__(self) -> int:
        return len(self._inner)

    def add_text(self, text: Union[str, bytes], *, id: Optional[str] = None, date: Optional[str] = None,
                 lossy: bool = False) -> None:
        """Extract one article and add it (raises DiploError; the error is also kept for the report)."""
        self._inner.add_text(text, id=id, date=date, lossy=lossy)

    def add_texts(self, items: Iterable[Tuple[str, Optional[str], Optional[str]]], *, lossy: bool = False) -> None:
        """Extract many ``(text, id, date)`` items in parallel; failures are recorded, not raised."""
        batch: List[Tuple[str, Optional[str], Optional[str]]] = []
        for it in items:
            batch.append(it)
            if len(batch) >= BATCH:
                self._inner.add_texts(batch, lossy=lossy)
                batch = []
        if batch:
            self._inner.add_texts(batch, lossy=lossy)

    def add_document(self, doc: Any) -> None:
        """Add a Document already extracted."""
        self._inner.add_document_json(doc.to_json())

    def add_files(self, inputs: Sequence[PathLike], *, date: Optional[str] = None, lossy: bool = False,
                  progress: bool = False) -> None:
        """Add every article under the inputs, in batches (bounded memory)."""
        def items() -> Iterator[Tuple[str, Optional[str], Optional[str]]]:
            for n, path in enumerate(iter_files(inputs)):
                if progress and n and n % 1000 == 0:
                    print(f"\rread {n} files", end="", file=sys.stderr)
                if path.suffix == ".jsonl":
                    with open(path, encoding="utf-8", errors="replace") as fh:
                        for i, line in enumerate(fh, 1):
                            try:
                                obj = json.loads(line)
                            except ValueError:
                                continue
                            if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                                yield obj["text"], str(obj.get("id") or f"{path}:{i}"), _iso(obj.get("date")) or date
                else:
                    try:
                        data = path.read_bytes()
                    except OSError as e:
                        print(f"{path}: {e}", file=sys.stderr)
                        continue
                    text = data.decode("utf-8", errors="replace") if lossy else _strict(data, path.stem, self)
                    if text is not None:
                        yield text.lstrip("\ufeff"), path.stem, date
        self.add_texts(items(), lossy=lossy)

    def report(self) -> Dict[str, Any]:
        """The reconciled corpus as a dict (the JSON of ``python -m diplo report --json``)."""
        return json.loads(self._inner.report_json())

    def report_text(self) -> str:
        """The readable report, identical to the Rust ``report`` example."""
        return self._inner.report_text()

    def rows(self) -> Dict[str, List[Dict[str, str]]]:
        """Flat tables as lists of row dicts: documents, meetings, meeting_sources, claims, implied, commitments."""
        return {name: [dict(zip(header, r)) for r in rows] for name, header, rows in self._inner.tables()}

    def tables(self) -> Dict[str, Any]:
        """Flat tables as pandas DataFrames (polars if pandas is missing; else lists of dicts)."""
        rows = self.rows()
        headers = {name: header for name, header, _ in self._inner.tables()}
        try:
            import pandas as pd
            return {k: pd.DataFrame(v, columns=headers[k]) for k, v in rows.items()}
        except ImportError:
            try:
                import polars as pl
                return {k: pl.DataFrame(v, schema=headers[k]) for k, v in rows.items()}
            except ImportError:
                return rows

    def _repr_html_(self) -> str:
        from .display import corpus_html
        return corpus_html(self.report())

    def __repr__(self) -> str:
        return f"Corpus(documents={len(self)})"

    def write(self, out_dir: PathLike) -> List[str]:
        """Write corpus.json and every table as CSV and JSONL (and Parquet when pyarrow is installed)."""
        out = pathlib.Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        (out / "corpus.json").write_text(self._inner.report_json(), encoding="utf-8")
        written = ["corpus.json"]
        for name, header, rows in self._inner.tables():
            with open(out / f"{name}.csv", "w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(header)
                w.writerows(rows)
            with open(out / f"{name}.jsonl", "w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(dict(zip(header, r)), ensure_ascii=False) + "\n")
            written += [f"{name}.csv", f"{name}.jsonl"]
            try:
                import pyarrow as pa
                import pyarrow.parquet as pq
                pq.write_table(pa.table({h: [r[i] for r in rows] for i, h in enumerate(header)}), out / f"{name}.parquet")
                written.append(f"{name}.parquet")
            except ImportError:
                pass
        return written


def _strict(data: bytes, stem: str, corpus: "Corpus") -> Optional[str]:
    """UTF-8 or nothing: a bad file is recorded as an error of the corpus."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            corpus._inner.add_text(data, id=stem)
        except ValueError:
            pass
        return None
