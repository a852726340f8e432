"""extract_batch: one bad document costs only itself, and threads can share the extension."""

import pickle
from concurrent.futures import ThreadPoolExecutor

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
    assert by_id["none"].code == "invalid_input"
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
