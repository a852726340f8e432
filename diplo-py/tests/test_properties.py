"""Invariants from Python (Hypothesis, derandomised so CI is deterministic):
no exception but DiploError, evidence exactly at its offsets, NFC and NFD
giving the same records, deterministic output, lossless dict round trips."""

import unicodedata

from hypothesis import given, settings, strategies as st

import diplo

PIECES = [
    "Tối 22/7, Thủ tướng Phạm Minh Chính chủ trì Hội nghị", "hơn 200 cam kết, thỏa thuận được ký kết", "gấp 2,5 lần năm 2024",
    "Nghị quyết 59-NQ/TW", "10/13", "1.700", "205,2 tỷ USD", "&nbsp;", "<p>", "\u200b", "hoà", "thuỷ", "\r\n", " - Ảnh: VGP",
    "Cùng dự có Phó Thủ tướng Bùi Thanh Sơn;", "thúc đẩy đàm phán các FTA với MERCOSUR, Ai Cập", "Thủ tướng yêu cầu các bộ",
    "năm qua", "quý I/2025", "\u0301", "\x00", "(((", "“", "…", "Kiều hối đạt hơn 16 tỷ USD.", "Thủ tướng Lào Sonexay Siphandone",
]
docs = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=30).map("".join)
SETTINGS = settings(derandomize=True, max_examples=150, deadline=None)


def shape(d):
    """Records without offsets and evidence text."""
    if isinstance(d, dict):
        return {k: shape(v) for k, v in d.items() if k not in ("text", "start", "end", "byte_start", "byte_end", "paragraphs", "warnings", "date_text")}
    if isinstance(d, list):
        return [shape(x) for x in d]
    return d


def evidences(d):
    for key in ("meetings", "metrics", "commitments"):
        for rec in d[key]:
            yield rec["text"], rec["start"], rec["end"]
            for m in rec.get("mentions") or []:
                yield m["text"], m["start"], m["end"]


@SETTINGS
@given(docs)
def test_evidence_is_the_input_at_its_offsets(text):
    d = diplo.extract(text).to_dict()
    for ev, s, e in evidences(d):
        assert text[s:e] == ev


@SETTINGS
@given(docs)
def test_nfc_and_nfd_give_the_same_records(text):
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", nfc)
    assert shape(diplo.extract(nfc).to_dict()) == shape(diplo.extract(nfd).to_dict())


@SETTINGS
@given(docs)
def test_deterministic_and_round_trips(text):
    a = diplo.extract(text, id="x")
    assert a == diplo.extract(text, id="x")
    assert diplo.Document.from_dict(a.to_dict()) == a


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_give_a_document_or_a_diplo_error(data):
    try:
        diplo.extract(data)
    except diplo.DiploError as e:
        assert e.code in {"invalid_utf8", "legacy_encoding"}
    doc = diplo.extract(data, lossy=True)
    assert isinstance(doc, diplo.Document)
