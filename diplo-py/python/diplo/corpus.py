"""Many articles, one picture: the corpus view for analysts.

>>> c = diplo.Corpus()
>>> c.add_files("seeds")                # a folder, .txt files, .jsonl corpora (one path or a list)
>>> c.counts()                          # {'read': 5, 'extracted': 5, 'with_warnings': …, 'failed': 0}
>>> c.findings()[0]["summary"]          # what to read first
>>> c.report()["claims"][0]["verdict"]  # consistent / conflicting / single
>>> c.tables()["meetings"]              # DataFrames when pandas is installed
>>> c.level_on("JP", "2024-01-01")      # the partnership level held that day, with its sources
>>> c = diplo.Corpus(keep_texts=True); c.add_files("seeds"); c.to_html("report.html")   # one page to share
"""

from __future__ import annotations

import csv
import json
import os
import pathlib
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

from . import _diplo
from .errors import DiploError

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
BATCH = 256
#: Bytes of article text ``Corpus(keep_texts=True)`` keeps for a page.
TEXT_BUDGET = 64 * 1024 * 1024


def _paths(inputs: Union[PathLike, Iterable[PathLike]]) -> List[str]:
    """One path or many, as ``str`` (a non-UTF-8 file name stays as the system spells it)."""
    if isinstance(inputs, (str, bytes, os.PathLike)):
        inputs = [inputs]
    return [os.fsdecode(os.fspath(p)) for p in inputs]


class Corpus:
    """Documents added so far (their records, never their texts), reconciled in
    Rust: findings first, merged meetings with conflicts, claims identified by
    subject with verdicts, implied baselines, commitments merged by identity,
    partnership levels over time.

    Every input is accounted for: it becomes a document or an error in
    ``report()["errors"]``, and ``counts()`` has read = extracted + failed.
    A Corpus pickles (Spark, Dask and multiprocessing send it between processes).

    ``keep_texts=True`` (or a budget in bytes) also keeps the texts of the
    articles that have records, so that :meth:`to_html` can show each source
    with its evidence highlighted; without it the page quotes the evidence
    but cannot show the articles.
    """

    def __init__(self, *, keep_texts: Union[bool, int] = False) -> None:
        budget = TEXT_BUDGET if keep_texts is True else int(keep_texts or 0)
        self._inner = _diplo.Corpus(keep_texts=budget)

    def __len__(self) -> int:
        return len(self._inner)

    def add_text(self, text: Union[str, bytes], *, id: Optional[str] = None, date: Optional[str] = None,
                 lossy: bool = False) -> None:
        """Extract one article and add it (raises DiploError; the error is also kept for the report)."""
        self._inner.add_text(text, id=id, date=date, lossy=lossy)

    def add_texts(self, items: Iterable[Any], *, lossy: bool = False) -> List[DiploError]:
        """Extract many items in parallel: each a text, ``(text, id)`` or ``(text, id, date)``.

        Returns a :class:`DiploError` (with ``index`` and ``document_id``) for
        each item that failed — a bad item (code ``invalid_argument``) or a bad
        document; every good one is added. Failures are also kept for the report.
        A bare ``str`` instead of a list of items is a :class:`TypeError`.
        """
        if isinstance(items, (str, bytes)):
            raise TypeError("Corpus.add_texts expects an iterable of texts or (text, id, date) tuples, not a single "
                            f"{type(items).__name__}; wrap one text in a list: [text]")
        failed: List[DiploError] = []
        batch: List[Any] = []
        start = 0
        for it in items:
            batch.append(it)
            if len(batch) >= BATCH:
                failed += self._inner.add_texts(batch, lossy=lossy, start=start)
                start += len(batch)
                batch = []
        if batch:
            failed += self._inner.add_texts(batch, lossy=lossy, start=start)
        return failed

    def add_document(self, doc: Any) -> None:
        """Add a Document already extracted (and its text, when it has one and texts are kept)."""
        self._inner.add_document_json(doc.to_json(), getattr(doc, "text", None))

    def add_files(self, inputs: Union[PathLike, Iterable[PathLike]], *, date: Optional[str] = None,
                  lossy: bool = False, progress: Optional[bool] = None) -> List[Tuple[str, str]]:
        """Add every article under one path or a list of paths: folders recursively
        (``*.txt``, ``*.jsonl``), each folder once, regular files only.

        Reading and extraction run in Rust in batches (bounded memory). A JSONL
        line that is not an article is listed with its file and line; a date
        field that cannot be read is a warning. Returns the paths a folder
        walk passed over (FIFOs, devices, links back into the tree), with why.
        ``progress``: a bar on stderr (tqdm when installed); by default only
        when stderr is a terminal and the ``CI`` variable is unset.
        """
        from .progress import Progress
        with Progress("extracting", "articles", show=progress) as bar:
            skipped = self._inner.add_files(_paths(inputs), date=date, lossy=lossy,
                                            progress=bar if bar.show else None)
        return [(os.fspath(p), why) for p, why in skipped]

    def counts(self) -> Dict[str, int]:
        """``read``, ``extracted``, ``with_warnings``, ``failed`` (read = extracted + failed)."""
        read, extracted, with_warnings, failed = self._inner.counts()
        return {"read": read, "extracted": extracted, "with_warnings": with_warnings, "failed": failed}

    def report(self) -> Dict[str, Any]:
        """The reconciled corpus as a dict (the JSON of ``python -m diplo report --json``)."""
        out: Dict[str, Any] = json.loads(self._inner.report_json())
        return out

    def findings(self) -> List[Dict[str, Any]]:
        """What to read first, ranked: conflicting claims, disagreeing implied
        baselines, meetings with conflicting fields, each with documents and evidence."""
        out: List[Dict[str, Any]] = self.report()["findings"]
        return out

    def partnerships(self) -> List[Dict[str, Any]]:
        """Each partner's partnership levels over time (level, status, date,
        whether the date is stated or the earliest article's, documents, sources)."""
        out: List[Dict[str, Any]] = self.report()["partnerships"]
        return out

    def level_on(self, partner: str, date: str) -> Optional[Dict[str, Any]]:
        """The level Vietnam held with ``partner`` (a code: ``"JP"``, ``"US"``) on
        ``date`` (``YYYY-MM-DD``), with its sources; ``None`` when no article reports one by then."""
        out: Optional[Dict[str, Any]] = json.loads(self._inner.level_on_json(partner, date))
        return out

    def report_text(self) -> str:
        """The readable report, identical to the Rust ``report`` example."""
        return self._inner.report_text()

    def rows(self) -> Dict[str, List[Dict[str, str]]]:
        """Flat tables as lists of row dicts: findings, documents, errors, meetings,
        meeting_sources, claims, implied, commitments, partnerships."""
        return {name: [dict(zip(header, r)) for r in rows] for name, header, rows in self._inner.tables()}

    def tables(self) -> Dict[str, Any]:
        """Flat tables as pandas DataFrames (polars if pandas is missing; else lists of dicts)."""
        raw = self._inner.tables()
        rows = {name: [dict(zip(header, r)) for r in rs] for name, header, rs in raw}
        headers = {name: header for name, header, _ in raw}
        try:
            import pandas as pd
            return {k: pd.DataFrame(v, columns=headers[k]) for k, v in rows.items()}
        except ImportError:
            try:
                import polars as pl
                return {k: pl.DataFrame(v, schema=headers[k]) for k, v in rows.items()}
            except ImportError:
                return rows

    def texts_kept(self) -> Dict[str, int]:
        """How many article texts are kept for a page: ``budget`` and ``used``
        (bytes), ``kept`` and ``over_budget`` (documents with records left out)."""
        budget, used, kept, over = self._inner.texts_info()
        return {"budget": budget, "used": used, "kept": kept, "over_budget": over}

    def to_html(self, path: Union[str, "os.PathLike[str]"], *, title: Optional[str] = None,
                max_sources: Optional[int] = None, progress: Optional[bool] = None) -> Dict[str, Any]:
        """Write the report as one self-contained HTML page (no network needed to view it).

        Findings first, each with its sources side by side; partnership
        levels over time, claims and meetings as charts and tables; then the
        sources, every article with its records highlighted and every quote
        on the page linked to its span. Articles beyond ``max_sources`` (or
        beyond a size budget) are summarised in a table, not embedded, and
        the page says so. Needs the report extras (``pip install
        'diplo[report]'``: altair, vl-convert-python, jinja2); the articles
        themselves need ``Corpus(keep_texts=True)``. Returns what was
        written: ``path``, ``bytes``, ``sources_embedded``, ``sources_summarised``.
        """
        from .page import write_page
        return write_page(self, path, title=title, max_sources=max_sources, progress=progress)

    def _repr_html_(self) -> str:
        from .display import corpus_html
        return corpus_html(self.report())

    def __repr__(self) -> str:
        c = self.counts()
        return f"Corpus(documents={c['extracted']}, failed={c['failed']})"

    def __getstate__(self) -> Dict[str, Any]:
        return {"corpus": self._inner.__getstate__()}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self._inner = _diplo.Corpus()
        self._inner.__setstate__(state["corpus"])

    def write(self, out_dir: Union[str, "os.PathLike[str]"]) -> List[str]:
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

