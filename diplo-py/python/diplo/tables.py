"""Documents as flat tables: one row per meeting, metric, commitment and person.

>>> frames = diplo.tables.to_frames(diplo.extract_batch(items))
>>> frames["metrics"].groupby("indicator").value.sum()

Every table starts with ``document`` (the document id, as in
``Corpus.tables()``) and the record's index in its document, and ends
with its evidence: ``text``, ``start``, ``end`` (code points) and
``source`` (body, title, caption). Nested values are flattened the way
``Corpus.tables()`` does: periods into ``period_start``/``period_end``,
partners into their codes joined with ``;``, people into names joined
with ``; ``. :data:`SCHEMAS` gives each table's columns and types, which
the pandas, polars, Arrow and Spark outputs all follow.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from .errors import DiploError
from .records import Commitment, Document, Meeting, Metric, Person

Row = Dict[str, Any]
STR, INT, FLOAT, BOOL = "string", "int64", "float64", "bool"

SCHEMAS: Dict[str, List[Tuple[str, str]]] = {
    "meetings": [
        ("document", STR), ("meeting", INT), ("kind", STR), ("name", STR), ("topic", STR), ("date", STR),
        ("date_text", STR), ("year_inferred", BOOL), ("end_date", STR), ("time_of_day", STR), ("format", STR),
        ("venue", STR), ("chairs", STR), ("attendees", STR), ("speakers", STR), ("partners", STR),
        ("mentions", INT), ("text", STR), ("start", INT), ("end", INT), ("source", STR),
    ],
    "metrics": [
        ("document", STR), ("metric", INT), ("value", FLOAT), ("value_max", FLOAT), ("unit", STR), ("counted", STR),
        ("of_total", FLOAT),
        ("qualifier", STR), ("direction", STR), ("indicator", STR), ("period_start", STR), ("period_end", STR),
        ("period_text", STR), ("comparison_kind", STR), ("comparison_value", FLOAT), ("baseline_start", STR),
        ("baseline_end", STR), ("comparison_text", STR), ("target", BOOL), ("subject", STR),
        ("text", STR), ("start", INT), ("end", INT), ("source", STR),
    ],
    "commitments": [
        ("document", STR), ("commitment", INT), ("kind", STR), ("name", STR), ("status", STR), ("partners", STR),
        ("level", STR), ("date", STR), ("actor", STR), ("addressees", STR), ("content", STR), ("document_kind", STR),
        ("number", STR), ("symbol", STR), ("issuer", STR), ("document_date", STR),
        ("text", STR), ("start", INT), ("end", INT), ("source", STR),
    ],
    "people": [
        ("document", STR), ("record_kind", STR), ("record", INT), ("role", STR), ("title", STR), ("name", STR),
        ("roles", STR), ("group", STR), ("count", FLOAT), ("partner", STR), ("place", STR),
        ("text", STR), ("start", INT), ("end", INT),
    ],
    "errors": [
        ("document", STR), ("index", INT), ("code", STR), ("message", STR), ("span_start", INT), ("span_end", INT),
    ],
}
KINDS = tuple(SCHEMAS)


def _person(p: Optional[Person]) -> Optional[str]:
    return None if p is None else (p.name or p.group or p.title or p.text)


def _people(ps: Sequence[Person]) -> Optional[str]:
    names = [n for n in map(_person, ps) if n]
    return "; ".join(names) if names else None


def _codes(partners: Sequence[Any]) -> Optional[str]:
    return ";".join(p.code for p in partners) if partners else None


def _evidence(rec: Any) -> Row:
    return {"text": rec.text, "start": rec.start, "end": rec.end, "source": getattr(rec, "source", None)}


def meeting_row(doc_id: Optional[str], i: int, m: Meeting) -> Row:
    return {"document": doc_id, "meeting": i, "kind": m.kind, "name": m.name, "topic": m.topic, "date": m.date,
            "date_text": m.date_text, "year_inferred": m.year_inferred, "end_date": m.end_date,
            "time_of_day": m.time_of_day, "format": m.format, "venue": m.venue, "chairs": _people(m.chairs),
            "attendees": _people(m.attendees), "speakers": _people(m.speakers), "partners": _codes(m.partners),
            "mentions": len(m.mentions), **_evidence(m)}


def metric_row(doc_id: Optional[str], i: int, m: Metric) -> Row:
    p, c = m.period, m.comparison
    base = c.baseline if c else None
    return {"document": doc_id, "metric": i, "value": m.value, "value_max": m.value_max, "unit": m.unit,
            "counted": m.counted,
            "of_total": m.of_total, "qualifier": m.qualifier, "direction": m.direction, "indicator": m.indicator,
            "period_start": p.start if p else None, "period_end": p.end if p else None,
            "period_text": p.text if p else None, "comparison_kind": c.kind if c else None,
            "comparison_value": c.value if c else None, "baseline_start": base.start if base else None,
            "baseline_end": base.end if base else None, "comparison_text": c.text if c else None,
            "target": m.target, "subject": m.subject, **_evidence(m)}


def commitment_row(doc_id: Optional[str], i: int, c: Commitment) -> Row:
    d = c.document
    return {"document": doc_id, "commitment": i, "kind": c.kind, "name": c.name, "status": c.status,
            "partners": _codes(c.partners), "level": c.level, "date": c.date, "actor": _person(c.actor),
            "addressees": "; ".join(c.addressees) if c.addressees else None, "content": c.content,
            "document_kind": d.kind if d else None, "number": d.number if d else None,
            "symbol": d.symbol if d else None, "issuer": d.issuer if d else None,
            "document_date": d.date if d else None, **_evidence(c)}


def person_row(doc_id: Optional[str], record_kind: str, i: int, role: str, p: Person,
               place: Optional[str] = None) -> Row:
    return {"document": doc_id, "record_kind": record_kind, "record": i, "role": role, "title": p.title,
            "name": p.name, "roles": "; ".join(p.roles) if p.roles else None, "group": p.group, "count": p.count,
            "partner": p.partner.code if p.partner else None, "place": place,
            "text": p.text, "start": p.start, "end": p.end}


def people_rows(doc: Document) -> List[Row]:
    """Every person named in the document's meetings (chairs, attendees, speakers, bridge points) and commitments."""
    out: List[Row] = []
    for i, m in enumerate(doc.meetings):
        for role, people in (("chair", m.chairs), ("attendee", m.attendees), ("speaker", m.speakers)):
            out.extend(person_row(doc.id, "meeting", i, role, p) for p in people)
        for b in m.bridge_points:
            if b.chair is not None:
                out.append(person_row(doc.id, "meeting", i, "bridge_chair", b.chair, b.place))
            out.extend(person_row(doc.id, "meeting", i, "bridge_attendee", p, b.place) for p in b.attendees)
    for i, c in enumerate(doc.commitments):
        if c.actor is not None:
            out.append(person_row(doc.id, "commitment", i, "actor", c.actor))
    return out


def error_row(e: DiploError) -> Row:
    span = e.span or (None, None)
    return {"document": e.document_id, "index": e.index, "code": e.code, "message": str(e), "span_start": span[0],
            "span_end": span[1]}


Item = Union[Document, DiploError, Dict[str, Any]]


def _documents(docs: Union[Item, Iterable[Item]]) -> Iterable[Item]:
    if isinstance(docs, (Document, DiploError, dict)):
        return [docs]
    return docs


def rows(docs: Union[Item, Iterable[Item]]) -> Dict[str, List[Row]]:
    """The tables as lists of row dicts, keyed ``meetings``, ``metrics``, ``commitments``, ``people``, ``errors``.

    ``docs`` is a Document, a contract dict, or an iterable of them; the
    :class:`DiploError` entries of :func:`diplo.extract_batch` go to ``errors``.
    """
    out: Dict[str, List[Row]] = {k: [] for k in KINDS}
    for d in _documents(docs):
        if isinstance(d, DiploError):
            out["errors"].append(error_row(d))
            continue
        doc = Document.from_dict(d) if isinstance(d, dict) else d
        out["meetings"].extend(meeting_row(doc.id, i, m) for i, m in enumerate(doc.meetings))
        out["metrics"].extend(metric_row(doc.id, i, m) for i, m in enumerate(doc.metrics))
        out["commitments"].extend(commitment_row(doc.id, i, c) for i, c in enumerate(doc.commitments))
        out["people"].extend(people_rows(doc))
    return out


def columns(rows_: List[Row], kind: str) -> Dict[str, List[Any]]:
    """Rows turned into columns, in :data:`SCHEMAS` order."""
    return {name: [r[name] for r in rows_] for name, _ in SCHEMAS[kind]}


def arrow_schema(kind: str) -> Any:
    """The ``pyarrow.Schema`` of one table."""
    import pyarrow as pa
    types = {STR: pa.string(), INT: pa.int64(), FLOAT: pa.float64(), BOOL: pa.bool_()}
    return pa.schema([(name, types[t]) for name, t in SCHEMAS[kind]])


def spark_ddl(kind: str) -> str:
    """The Spark schema of one table as a DDL string (``document STRING, ...``)."""
    types = {STR: "STRING", INT: "BIGINT", FLOAT: "DOUBLE", BOOL: "BOOLEAN"}
    return ", ".join(f"`{name}` {types[t]}" for name, t in SCHEMAS[kind])


def _pandas(rows_: List[Row], kind: str) -> Any:
    import pandas as pd
    cols = columns(rows_, kind)
    dtypes = {INT: "int64", FLOAT: "float64", BOOL: "bool", STR: object}

    def dtype(name: str, t: str) -> Any:
        if t == INT and None in cols[name]:
            return "Int64"  # pandas' nullable integer (error spans may be missing)
        return dtypes[t]

    return pd.DataFrame({name: pd.Series(cols[name], dtype=dtype(name, t), name=name) for name, t in SCHEMAS[kind]})


def _polars(rows_: List[Row], kind: str) -> Any:
    import polars as pl
    types = {STR: pl.Utf8, INT: pl.Int64, FLOAT: pl.Float64, BOOL: pl.Boolean}
    return pl.DataFrame(columns(rows_, kind), schema={name: types[t] for name, t in SCHEMAS[kind]})


def _arrow(rows_: List[Row], kind: str) -> Any:
    import pyarrow as pa
    return pa.Table.from_pydict(columns(rows_, kind), schema=arrow_schema(kind))


BACKENDS: Dict[str, Callable[[List[Row], str], Any]] = {
    "pandas": _pandas, "polars": _polars, "arrow": _arrow, "pyarrow": _arrow,
    "rows": lambda r, _kind: r,
}


def _auto() -> str:
    for name, module in (("pandas", "pandas"), ("polars", "polars"), ("arrow", "pyarrow")):
        try:
            __import__(module)
            return name
        except ImportError:
            continue
    return "rows"


def to_frames(docs: Union[Item, Iterable[Item]], backend: Optional[str] = None) -> Dict[str, Any]:
    """Tables ``meetings``, ``metrics``, ``commitments``, ``people`` and ``errors``, one row per record.

    ``backend`` is ``"pandas"``, ``"polars"``, ``"arrow"`` (``pyarrow.Table``)
    or ``"rows"`` (lists of dicts); by default pandas, else polars, else
    Arrow, else rows: whichever is installed. Columns and types are
    :data:`SCHEMAS`; string columns hold ``None`` where a field is absent.
    """
    name = backend or _auto()
    if name not in BACKENDS:
        raise ValueError(f"unknown backend {name!r}: choose one of {sorted(BACKENDS)}")
    build = BACKENDS[name]
    return {kind: build(r, kind) for kind, r in rows(docs).items()}


__all__ = ["SCHEMAS", "KINDS", "rows", "to_frames", "columns", "arrow_schema", "spark_ddl", "people_rows"]
