#!/usr/bin/env python3
"""Could a per-record confidence, learned from the judged precision samples,
keep only records an analyst would count? (docs/PRECISION.md, "A learned
confidence".)

    scripts/confidence-study.py [--corpus ../shared/corpus] [--tables docs/precision/seed*.md]

Every judged row of the tables (verdict "correct…" or "wrong…") is matched to
today's output on the shared corpus by article and evidence text; rows whose
record changed or disappeared since they were judged are left out. A logistic
regression over features of the record and of its document's other records
(see ``features``) is scored by 5-fold cross-validation: for each threshold,
the share of judged records kept and the precision among them.
"""
import argparse
import glob
import pathlib
import re
import sys

import numpy as np

import diplo

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
summary = __import__("importlib").import_module("precision-sample").summary
from corpus_articles import articles  # noqa: E402
CURRENCY = {"VND", "USD", "EUR", "CNY", "JPY", "KRW", "GBP", "THB", "SGD", "AUD", "INR", "RUB"}


def norm(s):
    return " ".join(s.split())


def corpus_docs(corpus):
    items = [(text, f"{stem}:{n}") for stem, n, text in articles(corpus)]
    return {ref: (text, doc.to_dict()) for (text, ref), doc in zip(items, diplo.extract_batch(items)) if not isinstance(doc, Exception)}


def judged_rows(paths):
    for path in paths:
        for line in open(path, encoding="utf-8"):
            if not re.match(r"^\| \d+ \| ", line):
                continue
            cells = [c.strip() for c in re.split(r"(?<!\\) \| ", line.strip().strip("|"))]
            if len(cells) < 6 or not (m := re.search(r"\*\*(.+?)\*\*", cells[3])):
                continue
            verdict = cells[4].lower()
            if verdict.startswith(("correct", "wrong")):
                yield cells[1], cells[2].replace("\\|", "|"), norm(m.group(1).replace("\\|", "|")), verdict.startswith("correct")


def features(kind, r, text, d):
    typed = sum(m["indicator"] != "other" for m in d["metrics"])
    f = {"bias": 1, "doc_meeting": bool(d["meetings"]), "doc_commitment": bool(d["commitments"]), "doc_typed": typed > 0,
         "doc_density": min(1.0, len(d["metrics"]) / max(1, len(text) / 1000) / 10), kind: 1}
    if kind == "metric":
        u, p = r["unit"], r.get("period") or {}
        f |= {"count": u == "count", "percent": u == "percent", "money": u in CURRENCY, "measure": u not in CURRENCY | {"count", "percent"},
              "typed": r["indicator"] != "other", "period": bool(p.get("start") or p.get("end")), "target": bool(r.get("target")),
              "counted": bool(r.get("counted")), "small_count": u == "count" and r["value"] <= 12, "qualified": r["qualifier"] != "exact",
              "direction": r.get("direction") is not None, "comparison": r.get("comparison") is not None,
              "in_words": not any(c.isdigit() for c in text[r["start"]:r["end"]])}
    elif kind == "meeting":
        f["chaired"] = bool(r.get("chairs"))
    else:
        f["directive"] = r["kind"] == "directive"
    return f


def fit(x, y, l2=1.0, steps=3000, rate=0.5):
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= rate * (x.T @ (p - y) / len(y) + l2 * w / len(y))
    return w


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--tables", nargs="*", default=sorted(glob.glob(str(ROOT / "docs" / "precision" / "seed*.md"))))
    a = ap.parse_args()
    docs = corpus_docs(a.corpus)
    rows, gone, changed = [], 0, 0
    for ref, judged, evidence, right in judged_rows(a.tables):
        text, d = docs.get(ref, ("", {"meetings": [], "metrics": [], "commitments": []}))
        hits = [(k, r) for k, key in (("meeting", "meetings"), ("metric", "metrics"), ("commitment", "commitments"))
                for r in d[key] if judged.startswith(k) and norm(text[r["start"]:r["end"]]) == evidence]
        same = [(k, r) for k, r in hits if summary(k, r).replace("\\|", "|") == judged]
        if same:
            rows.append((features(*same[0], text, d), right))
        elif hits:
            changed += 1
        else:
            gone += 1
    names = sorted({k for f, _ in rows for k in f})
    x = np.array([[float(f.get(k, 0)) for k in names] for f, _ in rows])
    y = np.array([float(r) for _, r in rows])
    print(f"{len(rows)} judged records unchanged today ({gone} gone, {changed} changed since judged); precision {y.mean():.3f}")
    folds = np.array_split(np.random.default_rng(0).permutation(len(y)), 5)
    score = np.zeros(len(y))
    for k, test in enumerate(folds):
        train = np.concatenate([f for j, f in enumerate(folds) if j != k])
        score[test] = 1 / (1 + np.exp(-x[test] @ fit(x[train], y[train])))
    print("| threshold | records kept | precision of kept | right records kept |\n|---:|---:|---:|---:|")
    for t in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9):
        keep = score >= t
        if keep.any():
            print(f"| {t} | {keep.mean():.2f} | {y[keep].mean():.3f} | {y[keep].sum() / y.sum():.2f} |")


if __name__ == "__main__":
    main()
