"""The Python package against the Rust core: same JSON, exact offsets, clear errors."""

import json
import pickle
import re
import subprocess
import sys
import unicodedata

import pytest

import diplo


def evidences(d):
    """Every (text, start, end) evidence in a document dict."""
    for key in ("meetings", "metrics", "commitments"):
        for rec in d[key]:
            yield rec["text"], rec["start"], rec["end"]
            for m in rec.get("mentions") or []:
                yield m["text"], m["start"], m["end"]
            for k in ("chairs", "attendees", "speakers"):
                for p in rec.get(k) or []:
                    yield p["text"], p["start"], p["end"]


def test_every_evidence_is_the_input_at_its_offsets(seeds):
    n = 0
    for stem, text in seeds:
        d = diplo.extract(text, id=stem).to_dict()
        for ev, s, e in evidences(d):
            assert text[s:e] == ev
            n += 1
    assert n >= 40


def test_nfd_input_offsets_still_exact(seeds):
    for stem, text in seeds:
        nfd = unicodedata.normalize("NFD", text)
        d = diplo.extract(nfd, id=stem).to_dict()
        for ev, s, e in evidences(d):
            assert nfd[s:e] == ev


def test_to_dict_is_the_json(seeds):
    stem, text = seeds[2]
    raw = json.loads(diplo.extract_json(text, id=stem))
    assert diplo.extract(text, id=stem).to_dict() == raw


def test_cli_matches_rust_example(root):
    files = sorted(str(p) for p in (root / "seeds").glob("*.txt"))
    py = subprocess.run([sys.executable, "-m", "diplo", "extract", *files], capture_output=True, text=True, check=True)
    rust = subprocess.run(["cargo", "run", "--release", "-q", "--example", "extract", "--", *files],
                          capture_output=True, text=True, check=True, cwd=root)
    assert py.stdout == rust.stdout
    assert len(py.stdout.splitlines()) == 5


def test_cli_reads_jsonl_one_article_per_line(root, seeds, tmp_path):
    """A .jsonl file is a corpus: one document per line, ids and dates from
    the record, bad lines reported with file and line while the rest print,
    and the same output from Python and Rust."""
    corpus = tmp_path / "corpus.jsonl"
    (stem_a, text_a), (stem_b, text_b) = seeds[0], seeds[3]
    corpus.write_text("\n".join([
        json.dumps({"id": stem_a, "text": text_a}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": stem_b, "text": text_b, "date": "2025-07-23"}, ensure_ascii=False),
        "",
    ]), encoding="utf-8")
    py = subprocess.run([sys.executable, "-m", "diplo", "extract", str(corpus)], capture_output=True, text=True)
    rust = subprocess.run(["cargo", "run", "--release", "-q", "--example", "extract", "--", str(corpus)],
                          capture_output=True, text=True, cwd=root)
    assert py.returncode == rust.returncode == 1
    assert py.stdout == rust.stdout
    docs = [json.loads(line) for line in py.stdout.splitlines()]
    assert [d["id"] for d in docs] == [stem_a, stem_b]
    assert docs[1]["date"] == "2025-07-23"
    assert docs[0]["metrics"] == json.loads(diplo.extract_json(text_a, id=stem_a))["metrics"]
    assert f"{corpus}:2:" in py.stderr and "invalid_json" in py.stderr
    assert f"{corpus}:2:" in rust.stderr


def test_records_are_typed_classes(seeds):
    doc = diplo.extract(seeds[3][1], id=seeds[3][0])
    assert isinstance(doc, diplo.Document)
    m = next(m for m in doc.metrics if m.value == 253)
    assert isinstance(m, diplo.Metric)
    assert m.indicator == "agreements_signed"
    assert m.comparison.kind == "ratio" and m.comparison.value == 2
    with pytest.raises(Exception):
        m.value = 1  # frozen
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_invalid_utf8_is_a_clear_error():
    with pytest.raises(diplo.DiploError) as e:
        diplo.extract(b"Kim ngach \xff\xfe 5 ty USD")
    assert isinstance(e.value, ValueError)
    assert e.value.code == "invalid_utf8"
    assert e.value.span == (10, 11)
    doc = diplo.extract(b"Xuat khau dat 5 ty USD \xff", lossy=True)
    assert [w.code for w in doc.warnings] == ["invalid_utf8_replaced"]


def test_bad_date_hint_is_a_clear_error():
    with pytest.raises(diplo.DiploError) as e:
        diplo.extract("Hội nghị", date="2025-02-30")
    assert e.value.code == "invalid_date"


def test_batch_keeps_good_documents(seeds):
    items = [(seeds[0][1], "a"), (b"\xff\xfe", "bad"), (seeds[2][1], "c", "2026-01-10"), ("x", "d", "not-a-date")]
    out = diplo.extract_batch(items)
    assert [type(x).__name__ for x in out] == ["Document", "DiploError", "Document", "DiploError"]
    assert out[0].id == "a" and out[2].id == "c"
    assert out[1].code == "invalid_utf8" and out[3].code == "invalid_date"


@pytest.mark.parametrize("text", ["", " ", "\x00\x01", "<p>&nbsp;</p>", "1" * 10000, "((((" * 500])
def test_odd_input_gives_clean_result(text):
    doc = diplo.extract(text)
    assert doc.meetings == () or isinstance(doc.meetings, tuple)


def test_readme_python_example_runs(root, monkeypatch):
    monkeypatch.chdir(root)
    pytest.importorskip("matplotlib").use("Agg")
    readme = (root / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks
    for block in blocks:
        if "pyspark" in block:
            continue  # run by test_spark.py, in its Spark session
        exec(compile(block, "README.md", "exec"), {})
