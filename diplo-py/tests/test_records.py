"""The typed API: short reprs, dict/JSON round trips, pickling, errors, the text a Document keeps."""

import dataclasses
import json
import pickle

import pytest

import diplo
from diplo import records


def walk(obj):
    """Every record inside ``obj`` (itself included)."""
    if isinstance(obj, records.Record):
        yield obj
        for f in dataclasses.fields(obj):
            yield from walk(getattr(obj, f.name))
    elif isinstance(obj, tuple):
        for x in obj:
            yield from walk(x)


@pytest.fixture(scope="module")
def docs(seeds):
    return [diplo.extract(text, id=stem) for stem, text in seeds]


def test_every_record_class_occurs_in_the_seeds(docs):
    seen = {type(r) for d in docs for r in walk(d)}
    expected = {c for c in vars(records).values()
                if isinstance(c, type) and issubclass(c, records.Record) and c is not records.Record}
    # Evidence is a helper for callers; everything else comes out of the seeds.
    assert expected - seen <= {records.Evidence}


def test_dict_round_trip_on_every_seed(seeds):
    for stem, text in seeds:
        d = json.loads(diplo.extract_json(text, id=stem))
        assert diplo.Document.from_dict(d).to_dict() == d


def test_json_round_trip_on_every_seed(docs):
    for doc in docs:
        again = diplo.Document.from_json(doc.to_json())
        assert again == doc and again.to_dict() == doc.to_dict()


def test_every_nested_record_round_trips(docs):
    n = 0
    for doc in docs:
        for rec in walk(doc):
            cls = type(rec)
            assert cls.from_dict(rec.to_dict()) == rec
            assert cls.from_json(rec.to_json()) == rec
            n += 1
    assert n > 200


def test_unknown_keys_are_kept():
    d = {"id": "x", "meetings": [], "metrics": [], "commitments": [], "warnings": [], "future_field": [1, 2]}
    doc = diplo.Document.from_dict(d)
    assert doc.to_dict()["future_field"] == [1, 2]


def test_pickle_every_record(docs):
    for doc in docs:
        back = pickle.loads(pickle.dumps(doc))
        assert back == doc and back.text == doc.text
        for rec in walk(doc):
            assert pickle.loads(pickle.dumps(rec)) == rec


@pytest.mark.parametrize("cls", [c for c in vars(records).values()
                                 if isinstance(c, type) and issubclass(c, records.Record) and c is not records.Record])
def test_records_are_frozen(cls):
    obj = cls()
    field = dataclasses.fields(obj)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, field, None)


def test_reprs_name_the_key_fields():
    period = diplo.Period(start="2025-01-01", end="2025-06-30", text="nửa đầu năm 2025")
    m = diplo.Metric(value=200.0, unit="count", qualifier="more_than", indicator="agreements_signed",
                     counted="cam kết", period=period, text="hơn 200 cam kết", start=1924, end=1939,
                     byte_start=2500, byte_end=2520)
    assert repr(m) == ("Metric(value=200.0, unit='count', qualifier='more_than', indicator='agreements_signed', "
                       "counted='cam kết', period='2025-01-01..2025-06-30', span=(1924, 1939))")
    doc_ref = diplo.DocumentRef(kind="resolution", number="59", symbol="59-NQ/TW")
    c = diplo.Commitment(kind="policy_reference", document=doc_ref, text="Nghị quyết 59-NQ/TW", start=5, end=24)
    assert repr(c) == "Commitment(kind='policy_reference', document='59-NQ/TW', span=(5, 24))"
    chair = diplo.Person(title="Thủ tướng Chính phủ", name="Phạm Minh Chính", text="…", start=1, end=2)
    mentions = tuple(diplo.Mention(text="Hội nghị", start=i, end=i + 8) for i in range(0, 60, 10))
    meeting = diplo.Meeting(kind="conference", name="Hội nghị " + "x" * 80, date="2025-07-22",
                            time_of_day="afternoon", chairs=(chair,), mentions=mentions, start=0, end=91)
    r = repr(meeting)
    assert r.startswith("Meeting(kind='conference', name='Hội nghị xxx")
    assert "…'" in r and "x" * 60 not in r
    assert "date='2025-07-22', time_of_day='afternoon', chairs=['Phạm Minh Chính'], mentions=6, span=(0, 91)" in r


def test_reprs_are_short_on_the_seeds(docs):
    assert repr(docs[1]).startswith(f"Document(id={docs[1].id!r}, title=")
    for d in docs:
        for rec in walk(d):
            r = repr(rec)
            assert len(r) < 400, r
            assert "byte_start" not in r and r.startswith(type(rec).__name__ + "(")


def test_text_is_attached_but_not_part_of_the_record(seeds):
    stem, text = seeds[1]
    doc = diplo.extract(text, id=stem)
    assert doc.text == text
    assert "_text" not in doc.to_dict() and "text" not in doc.to_dict()
    plain = diplo.Document.from_dict(doc.to_dict())
    assert plain.text is None and plain == doc
    shown = plain.with_text(text)
    assert shown.text == text and plain.text is None and shown == plain
    for kind, _, ev in doc.spans():
        assert doc.text[ev.start:ev.end] == ev.text


def test_bytes_input_keeps_the_decoded_text():
    text = "Kiều hối năm 2025 đạt hơn 16 tỷ USD."
    doc = diplo.extract(b"\xef\xbb\xbf" + text.encode(), id="bom")
    assert doc.text == text
    m = doc.metrics[0]
    assert doc.text[m.start:m.end] == m.text
    lossy = diplo.extract(b"\xff\xfe\xe1 " + text.encode(), lossy=True)
    assert lossy.text.startswith("\ufffd")
    m = lossy.metrics[0]
    assert lossy.text[m.start:m.end] == m.text


def test_decode_matches_rust_lossy_decoding():
    for raw in [b"a\xffb", b"\xe1\x80", b"\xf0\x9f\x98", b"\xed\xa0\x80x", b"\xc0\xaf", b"ok \xe2\x82"]:
        assert diplo._diplo.decode(raw, lossy=True) == raw.decode("utf-8", errors="replace")
    with pytest.raises(diplo.DiploError) as e:
        diplo._diplo.decode(b"ab\xff")
    assert e.value.code == "invalid_utf8"


def test_error_is_a_value_error_with_code_and_span_and_pickles():
    with pytest.raises(ValueError) as e:
        diplo.extract(b"Kim ngach \xff 5 ty USD", id="bad")
    err = e.value
    assert isinstance(err, diplo.DiploError)
    assert (err.code, err.span) == ("invalid_utf8", (10, 11))
    back = pickle.loads(pickle.dumps(err))
    assert isinstance(back, diplo.DiploError)
    assert (str(back), back.code, back.span) == (str(err), err.code, err.span)
    assert back == err
    assert "invalid_utf8" in repr(err)
