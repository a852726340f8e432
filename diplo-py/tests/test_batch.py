"""extract_batch: one bad document costs only itself, and threads can share the extension."""

import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest

import diplo


def test_bad_inputs_are_error_entries_and_good_ones_come_back(seeds):
    items = []
    for stem, text in seeds:
        items.append((text, stem))
        items.append((text.encode("utf-8") + b"\xff\xfe", stem + "-bytes"))   # invalid UTF-8
        items.append((text, stem + "-date", "2025-13-45"))                  # bad date hint
    items.append((None, "none"))                                             # not a text at all
    out = diplo.extract_batch(items)
    assert len(out) == len(items)
    docs = [x for x in out if isinstance(x, diplo.Document)]
    errors = [x for x in out if isinstance(x, diplo.DiploError)]
    assert [d.id for d in docs] == [stem for stem, _ in seeds]
    assert len(errors) == 2 * len(seeds) + 1
    by_id = {e.document_id: e for e in errors}
    for stem, _ in seeds:
        assert by_id[stem + "-bytes"].code == "invalid_utf8"
        assert by_id[stem + "-bytes"].span is not None
        assert by_id[stem + "-date"].code == "invalid_date"
    assert by_id["none"].code == "invalid_argument" and by_id["none"].index == len(items) - 1
    for e in errors:
        assert isinstance(e, ValueError)
        assert pickle.loads(pickle.dumps(e)) == e
    for d, (stem, text) in zip(docs, seeds):
        assert d == diplo.extract(text, id=stem) and d.text == text


def test_lossy_batch_reads_bad_bytes(seeds):
    stem, text = seeds[0]
    out = diplo.extract_batch([(text.encode() + b"\xff", stem)], lossy=True)
    assert isinstance(out[0], diplo.Document)
    assert [w.code for w in out[0].warnings] == ["invalid_utf8_replaced"]
    assert out[0].text == text + "\ufffd"


def test_item_shapes(seeds):
    stem, text = seeds[0]
    a, b, c = diplo.extract_batch([text, (text, stem), (text, stem, "2026-01-10")])
    assert (a.id, b.id, c.id) == (None, stem, stem)
    assert c.date == "2026-01-10"


def test_concurrent_calls_from_threads_match_sequential(seeds):
    items = [(text, stem) for stem, text in seeds]
    sequential = diplo.extract_batch(items)
    singles = [diplo.extract(t, id=s) for t, s in items]
    assert sequential == singles

    def job(n):
        if n % 3 == 0:
            return diplo.extract_batch(items)
        if n % 3 == 1:
            return [diplo.extract(t, id=s) for t, s in items]
        c = diplo.Corpus()
        c.add_texts([(t, s, None) for t, s in items])
        return c.report()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(job, range(24)))
    report = diplo.Corpus()
    report.add_texts([(t, s, None) for t, s in items])
    for n, r in enumerate(results):
        assert r == (report.report() if n % 3 == 2 else sequential)


def test_bad_items_cost_only_themselves(seeds):
    """The issue's probe: a wrong-typed id, a None text, an int date, a lone
    surrogate in an id or a text: one error entry each, with its index."""
    stem, text = seeds[0]
    items = [text, (text, 5), (None, "none"), (text, "d", 20250101), (text, "\ud800"), ("Hội\ud800nghị", "sur"),
             (text, "x", None, "extra"), 42, (text, stem)]
    out = diplo.extract_batch(items)
    assert len(out) == len(items)
    kinds = [x.code if isinstance(x, diplo.DiploError) else "doc" for x in out]
    assert kinds == ["doc"] + ["invalid_argument"] * 7 + ["doc"]
    assert [x.index for x in out[1:8]] == list(range(1, 8))
    assert out[3].document_id == "d" and "date" in str(out[3])
    assert "lone surrogate at index 3" in str(out[5])
    assert out[8].id == stem and out[8] == diplo.extract(text, id=stem)


def test_a_lone_surrogate_is_an_error_not_replacement_characters():
    with pytest.raises(diplo.DiploError) as e:
        diplo.extract("Kim ngạch \udc80 đạt 5 tỷ USD")
    assert e.value.code == "invalid_argument"
    assert "index 10" in str(e.value)


def test_a_bare_string_is_not_a_list_of_documents():
    with pytest.raises(TypeError, match="wrap one text in a list"):
        diplo.extract_batch("abc")
    with pytest.raises(TypeError, match="wrap one text in a list"):
        diplo.extract_batch(b"abc")
    with pytest.raises(TypeError, match="wrap one text in a list"):
        diplo.Corpus().add_texts("abc")
    with pytest.raises(TypeError):
        diplo.extract_batch(5)


def test_generators_and_lists_are_items(seeds):
    stem, text = seeds[0]
    out = diplo.extract_batch(((t, s) for s, t in seeds[:2]))
    assert [d.id for d in out] == [s for s, _ in seeds[:2]]
    assert diplo.extract_batch([[text, stem]])[0].id == stem
