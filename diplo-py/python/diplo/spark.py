"""Extraction on a Spark cluster: the same rows as :func:`diplo.tables.to_frames`, computed per partition.

>>> from diplo.spark import extract_spark, read_texts
>>> articles = read_texts(spark, "s3://bucket/articles/")      # id, text (one row per file)
>>> metrics = extract_spark(articles)                          # a Spark DataFrame of metric rows
>>> metrics.groupBy("indicator").count().show()

Each partition goes through ``mapInArrow``: its texts are handed to
:func:`diplo.extract_batch` in one call (the GIL released, every core of
the executor busy in Rust), and the records come back as Arrow batches
with the columns of ``diplo.tables.SCHEMAS``. The executors need the
``diplo`` package and ``pyarrow`` installed, like any Python UDF.
pyspark is imported only when these functions run.
"""

from __future__ import annotations

import datetime
from typing import Any, Iterator, Optional

from . import tables

ID_FROM_PATH = r"([^/]+?)(\.[^./]*)?$"


def _date(value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _partition(batches: Iterator[Any], kind: str, has_date: bool, lossy: bool) -> Iterator[Any]:
    """One partition's Arrow batches of (text, id[, date]) in, Arrow batches of `kind` rows out."""
    import pyarrow as pa

    from . import extract_batch

    schema = tables.arrow_schema(kind)
    for batch in batches:
        texts = batch.column(0).to_pylist()
        ids = batch.column(1).to_pylist()
        dates = batch.column(2).to_pylist() if has_date else [None] * len(texts)
        items = [(t, None if i is None else str(i), _date(d)) for t, i, d in zip(texts, ids, dates)]
        found = tables.rows(extract_batch(items, lossy=lossy))[kind]
        yield pa.RecordBatch.from_pydict(tables.columns(found, kind), schema=schema)


def extract_spark(df: Any, text_col: str = "text", id_col: str = "id", date_col: Optional[str] = None, *,
                  kind: str = "metrics", lossy: bool = False) -> Any:
    """Extract every row's article; a Spark DataFrame of ``kind`` rows.

    ``df`` has the article in ``text_col`` (string, or binary UTF-8 such as
    ``read_texts`` gives), its id in ``id_col`` and, optionally, a
    publication date (``YYYY-MM-DD`` string or date) in ``date_col``.
    ``kind`` is one of ``metrics`` (default), ``meetings``, ``commitments``,
    ``people`` or ``errors`` (documents that could not be read: bad bytes, bad
    dates). The columns are those of ``diplo.tables.to_frames(...)[kind]``.
    """
    if kind not in tables.SCHEMAS:
        raise ValueError(f"unknown kind {kind!r}: choose one of {list(tables.SCHEMAS)}")
    cols = [text_col, id_col] + ([date_col] if date_col else [])
    has_date = date_col is not None

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        return _partition(batches, kind, has_date, lossy)

    return df.select(*cols).mapInArrow(run, tables.spark_ddl(kind))


def read_texts(spark: Any, path: str, glob: str = "*.txt", recursive: bool = True) -> Any:
    """Articles under ``path`` as a DataFrame ``(id, text, path)``: id is the file stem, text the raw bytes.

    Bytes are decoded in Rust as :func:`diplo.extract` decodes them (a
    leading BOM dropped; invalid UTF-8 becomes an ``errors`` row unless
    ``lossy=True`` is given to :func:`extract_spark`).
    """
    from pyspark.sql import functions as F

    df = (spark.read.format("binaryFile").option("pathGlobFilter", glob)
          .option("recursiveFileLookup", str(recursive).lower()).load(str(path)))
    return df.select(F.regexp_extract("path", ID_FROM_PATH, 1).alias("id"), F.col("content").alias("text"), "path")


__all__ = ["extract_spark", "read_texts"]
