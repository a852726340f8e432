"""diplo.tables: one row per record, the same columns in pandas, polars, Arrow and plain rows."""

import math
import sys

import pytest

import diplo
from diplo import tables


@pytest.fixture(scope="module")
def docs(seeds):
    return diplo.extract_batch([(text, stem) for stem, text in seeds])


def plain(v):
    """None for every kind of missing value, so frames from any backend compare equal."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return v.item() if hasattr(v, "item") else v


def test_pandas_frames_have_one_row_per_record(docs):
    frames = diplo.tables.to_frames(docs)
    assert set(frames) == {"meetings", "metrics", "commitments", "people", "errors"}
    for kind in ("meetings", "metrics", "commitments"):
        df = frames[kind]
        assert list(df.columns) == [name for name, _ in tables.SCHEMAS[kind]]
        assert len(df) == sum(len(getattr(d, kind)) for d in docs)
        assert df.columns[0] == "document" and list(df.columns[-4:]) == ["text", "start", "end", "source"]
    assert len(frames["errors"]) == 0
    assert len(frames["people"]) > 10


def test_frame_values_are_the_records(docs):
    m = diplo.tables.to_frames(docs)["metrics"]
    row = m[(m.indicator == "agreements_signed") & (m.value == 350) & (m.document.str.startswith("002"))].iloc[0]
    assert (row.period_start, row.period_end) == ("2025-01-01", "2025-12-31")
    assert (row.comparison_kind, row.comparison_value) == ("ratio", 2.5)
    assert (row.baseline_start, row.baseline_end) == ("2024-01-01", "2024-12-31")
    text = next(t for s, t in [(d.id, d.text) for d in docs] if s == row.document)
    assert text[row.start:row.end] == row.text
    assert str(m.dtypes["value"]) == "float64" and str(m.dtypes["start"]) == "int64"
    assert str(m.dtypes["target"]) == "bool"
    # ready for groupby
    counts = m.groupby("indicator").size()
    assert counts["agreements_signed"] >= 4


def test_partners_people_and_documents_are_flattened_like_corpus_tables(docs, seeds):
    f = diplo.tables.to_frames(docs)
    c = f["commitments"]
    fta = c[c.kind == "fta"].iloc[0]
    assert fta.partners == "MERCOSUR;EFTA;AU;SACU;GCC;QA;EG"
    ref = c[(c.kind == "policy_reference") & (c.symbol == "59-NQ/TW")].iloc[0]
    assert (ref.document_kind, ref.number, ref.issuer) == ("resolution", "59", "Bộ Chính trị")
    meetings = f["meetings"]
    july = meetings[meetings.date == "2025-07-22"]
    assert "Phạm Minh Chính" in set(july.chairs)
    people = f["people"]
    chair = people[(people.role == "chair") & (people.name == "Phạm Minh Chính")].iloc[0]
    assert chair.record_kind == "meeting" and chair.title.startswith("Thủ tướng")
    assert set(people.role) >= {"chair", "attendee", "bridge_chair", "actor"}
    corpus = diplo.Corpus()
    corpus.add_texts([(t, s, None) for s, t in seeds])
    # the names shared with Corpus.tables() mean the same thing
    shared = set(corpus.tables()["commitments"].columns) & set(c.columns)
    assert {"kind", "partners", "document_kind", "number", "symbol", "issuer", "actor"} <= shared
    assert set(corpus.tables()["claims"].columns) >= {"indicator", "period_start", "period_end", "document",
                                                       "text", "start", "end"}


def test_errors_table(seeds):
    out = diplo.extract_batch([(seeds[0][1], "ok"), (b"\xff", "bad"), ("x", "late", "2025-02-30")])
    errors = diplo.tables.to_frames(out)["errors"]
    assert list(errors.document) == ["bad", "late"]
    assert list(errors.code) == ["invalid_utf8", "invalid_date"]


def as_records(frame_rows):
    return [{k: plain(v) for k, v in r.items()} for r in frame_rows]


@pytest.mark.parametrize("backend", ["arrow", "polars", "rows"])
def test_other_backends_give_the_same_rows(docs, backend):
    if backend == "polars":
        pytest.importorskip("polars")
    expected = {k: as_records(v.to_dict("records")) for k, v in diplo.tables.to_frames(docs, "pandas").items()}
    got = diplo.tables.to_frames(docs, backend=backend)
    for kind, frame in got.items():
        records = frame if backend == "rows" else frame.to_pylist() if backend == "arrow" else frame.to_dicts()
        assert as_records(records) == expected[kind], kind
        if backend != "rows":
            assert list(frame.columns if backend == "polars" else frame.column_names) == \
                [n for n, _ in tables.SCHEMAS[kind]]


def test_without_pandas_falls_back(docs, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    frames = diplo.tables.to_frames(docs)
    name = type(frames["metrics"]).__module__.split(".")[0]
    assert name in ("polars", "pyarrow")
    monkeypatch.setitem(sys.modules, "polars", None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert isinstance(diplo.tables.to_frames(docs)["metrics"], list)


def test_single_document_and_dicts(docs):
    one = diplo.tables.rows(docs[0])
    assert len(one["metrics"]) == len(docs[0].metrics)
    again = diplo.tables.rows([d.to_dict() for d in docs])
    assert again == diplo.tables.rows(docs)
    empty = diplo.tables.to_frames([])
    assert list(empty["metrics"].columns) == [n for n, _ in tables.SCHEMAS["metrics"]] and len(empty["metrics"]) == 0
    with pytest.raises(ValueError):
        diplo.tables.to_frames(docs, backend="excel")
