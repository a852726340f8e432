"""The corpus in Python: the same report as Rust, tables, files written."""

import copy
import json
import os
import pickle
import subprocess
import sys

import pytest

import diplo

ARTICLE = "Năm 2025, Việt Nam đã ký kết 350 thỏa thuận hợp tác."


def test_report_matches_rust(root):
    py = subprocess.run([sys.executable, "-m", "diplo", "report", "seeds"], capture_output=True, text=True, check=True, cwd=root)
    rust = subprocess.run(["cargo", "run", "--release", "-q", "--example", "report"], capture_output=True, text=True, check=True, cwd=root)
    assert py.stdout == rust.stdout
    assert "CONFLICT time_of_day" in py.stdout


def test_json_matches_rust(root):
    py = subprocess.run([sys.executable, "-m", "diplo", "report", "--json", "seeds"], capture_output=True, text=True, check=True, cwd=root)
    rust = subprocess.run(["cargo", "run", "--release", "-q", "--example", "report", "--", "--json"], capture_output=True, text=True, check=True, cwd=root)
    assert json.loads(py.stdout) == json.loads(rust.stdout)


def test_claims_and_implied_from_the_data(root):
    c = diplo.Corpus()
    c.add_files([root / "seeds"])
    assert len(c) == 5
    r = c.report()
    july = [m for m in r["meetings"] if m["date"] == "2025-07-22"]
    assert len(july) == 1 and len(july[0]["documents"]) == 3
    assert {x["field"] for x in july[0]["conflicts"]} == {"time_of_day"}
    h1 = next(x for x in r["claims"] if x["indicator"] == "agreements_signed" and x["period"]["end"] == "2025-06-30")
    assert h1["verdict"] == "consistent" and sorted(v["value"] for v in h1["values"]) == [200, 200, 253]
    f = next(i for i in r["implied"] if i["indicator"] == "leader_foreign_activities")
    assert f["value"] == 50 and [s["value"] for s in f["stated"]] == [59] and f["verdict"] == "conflicting"


def test_tables_and_files(root, tmp_path):
    c = diplo.Corpus()
    c.add_files([root / "seeds"])
    rows = c.rows()
    assert set(rows) == {"findings", "documents", "errors", "meetings", "meeting_sources", "claims", "implied",
                         "commitments", "partnerships"}
    assert len(rows["documents"]) == 5
    written = c.write(tmp_path)
    assert "claims.csv" in written and "claims.jsonl" in written
    lines = (tmp_path / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(rows["claims"])


def test_bad_file_is_reported_and_others_kept(tmp_path):
    (tmp_path / "a.txt").write_text("Năm 2025, Việt Nam đã ký kết 350 thỏa thuận hợp tác.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe bad")
    c = diplo.Corpus()
    c.add_files([tmp_path])
    r = c.report()
    assert [d["id"] for d in r["documents"]] == ["a"]
    assert [e["code"] for e in r["errors"]] == ["invalid_utf8"]


def test_counts_and_findings_first(root):
    c = diplo.Corpus()
    c.add_files(root / "seeds")                  # one path, not a list
    assert c.counts() == {"read": 5, "extracted": 5, "with_warnings": c.counts()["with_warnings"], "failed": 0}
    f = c.findings()
    assert [x["kind"] for x in f] == ["implied_disagreement", "meeting_conflict", "implied_vs_stated"]
    assert "spread 100–140" in f[0]["summary"] and len(f[0]["evidence"]) == 4
    assert c.report_text().startswith("diplo report: read 5, extracted 5, with warnings ")
    assert c.report()["counts"] == c.counts()


def test_bad_items_of_a_corpus_call_are_listed_and_the_rest_kept():
    c = diplo.Corpus()
    failed = c.add_texts([ARTICLE, (ARTICLE, 5), (None, "none"), (ARTICLE, "d", 7), ("a\ud800", "sur"), (ARTICLE, "ok")])
    assert [(e.index, e.code) for e in failed] == [(1, "invalid_argument"), (2, "invalid_argument"),
                                                   (3, "invalid_argument"), (4, "invalid_argument")]
    assert c.counts() == {"read": 6, "extracted": 2, "with_warnings": 0, "failed": 4}
    errors = c.report()["errors"]
    assert [e["index"] for e in errors] == [1, 2, 3, 4]
    assert [e["id"] for e in errors] == [None, "none", "d", "sur"]


def test_indexes_run_on_across_batches():
    c = diplo.Corpus()
    items = [(ARTICLE, f"a{i}") for i in range(600)]
    items[300] = (ARTICLE, 300)
    failed = c.add_texts(iter(items))
    assert [e.index for e in failed] == [300]
    assert len(c) == 599


def test_duplicate_ids_are_both_kept():
    c = diplo.Corpus()
    c.add_texts([(ARTICLE, "x"), ("Năm 2025, Việt Nam nâng cấp quan hệ với 17 nước.", "x")])
    ids = [d["id"] for d in c.report()["documents"]]
    assert ids == ["x", "x#2"]
    assert c.counts()["with_warnings"] == 1


def test_a_corpus_pickles(root):
    c = diplo.Corpus()
    c.add_files([root / "seeds"])
    c.add_texts([(None, "bad")])
    for back in (pickle.loads(pickle.dumps(c)), copy.deepcopy(c)):
        assert back.report() == c.report()
        assert back.counts() == c.counts() and len(back) == 5
    back.add_texts([(ARTICLE, "more")])
    assert len(back) == 6 and len(c) == 5


def test_corpus_in_worker_processes(root):
    import multiprocessing
    c = diplo.Corpus()
    c.add_files([root / "seeds"])
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        counts = pool.map(_counts, [c])
    assert counts == [c.counts()]


def _counts(corpus):
    return corpus.counts()


def test_jsonl_lines_are_documents_or_errors_with_file_and_line(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": ARTICLE, "date": "Thứ tư, 7/2/2024, 23:41 (GMT+7)"}, ensure_ascii=False),
        '{"id": "broken", "text": ',
        json.dumps([1, 2]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "b", "text": ARTICLE, "date": 20210424}, ensure_ascii=False),
        json.dumps({"id": "c", "text": ARTICLE, "date": "7220-24-23"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    c = diplo.Corpus()
    c.add_files(str(path))
    r = c.report()
    assert c.counts() == {"read": 6, "extracted": 3, "with_warnings": 1, "failed": 3}
    assert [(e["line"], e["code"]) for e in r["errors"]] == [(2, "invalid_json"), (3, "invalid_record"), (4, "invalid_record")]
    assert all(e["file"] == str(path) for e in r["errors"])
    assert [d["date"] for d in r["documents"]] == ["2024-02-07", "2021-04-24", None]


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names and FIFOs")
def test_folders_with_odd_names_links_and_fifos(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text(ARTICLE, encoding="utf-8")
    odd = os.path.join(os.fsencode(tmp_path), b"b\xe1o-c\xe1o.txt")      # not UTF-8
    with open(odd, "wb") as fh:
        fh.write(ARTICLE.encode("utf-8"))
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.mkfifo(tmp_path / "pipe.txt")
    c = diplo.Corpus()
    skipped = c.add_files([tmp_path])
    assert c.counts()["read"] == 2 and c.counts()["failed"] == 0
    assert any(p.endswith("pipe.txt") and "not a regular file" in why for p, why in skipped)
    c2 = diplo.Corpus()
    c2.add_files(odd)                             # a bytes path
    assert len(c2) == 1


def test_partnerships_and_level_on():
    c = diplo.Corpus()
    c.add_text("Ngày 10/9/2023, Việt Nam và Hoa Kỳ nâng cấp quan hệ lên Đối tác chiến lược toàn diện vì hòa bình, "
               "hợp tác và phát triển bền vững.", id="us", date="2023-09-11")
    p = c.partnerships()
    assert [x["partner"]["code"] for x in p] == ["US"]
    held = c.level_on("US", "2024-01-01")
    assert held["level"] == "comprehensive_strategic_partnership" and held["documents"] == ["us"]
    assert c.level_on("US", "2000-01-01") is None
    assert c.tables()["partnerships"].shape[0] == 1


def test_an_internal_error_is_one_documents_error():
    c = diplo.Corpus()
    c.add_texts([(ARTICLE, "a"), ("1 q gấp\nnăm", "soup"), (ARTICLE, "b")])
    counts = c.counts()
    assert counts["read"] == 3 == counts["extracted"] + counts["failed"]
    assert {d["id"] for d in c.report()["documents"]} >= {"a", "b"}
    assert all(e["code"] == "internal" for e in c.report()["errors"])
