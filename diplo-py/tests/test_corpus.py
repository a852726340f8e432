"""The corpus in Python: the same report as Rust, tables, files written."""

import json
import subprocess
import sys

import diplo


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
    assert set(rows) == {"documents", "meetings", "meeting_sources", "claims", "implied", "commitments"}
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
