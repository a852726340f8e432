#!/usr/bin/env python3
"""Compares the records of two builds of the `extract` example on the shared
corpus: what the new build drops, adds or changes, each with its context, to
read by hand after a rule change.

    cp target/release/examples/extract /tmp/extract-before     # before the change
    … change, cargo build --release --example extract …
    scripts/corpus-diff.py --old /tmp/extract-before [--kind metrics] [--sample 40 --seed 1] > diff.md

Every article of every ``*.jsonl`` in the corpus is written once as a text file
under ``--work`` (outside the repository; the JSONL ``date`` field is not used,
as in scripts/precision-sample.py), both builds extract them, and records are
paired by kind and evidence span. A record is *dropped* when no record of the
new build has its span, *added* when no old one has it, *changed* when the
spans match but the main values differ. Counts go first, then the listed
records (all, or ``--sample`` drawn at random per class).
"""
import argparse
import json
import pathlib
import random
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from corpus_articles import articles  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
KINDS = ("metrics", "meetings", "commitments")


def split_corpus(corpus, work):
    """Writes each article as `<stem>_<line>.txt`; returns {id: text}."""
    work.mkdir(parents=True, exist_ok=True)
    texts = {}
    for stem, n, text in articles(corpus):
        doc_id = f"{stem}_{n}"
        f = work / f"{doc_id}.txt"
        if not f.exists():
            f.write_text(text, encoding="utf-8")
        texts[doc_id] = text
    return texts


def run(binary, files, chunk=400):
    docs = {}
    for i in range(0, len(files), chunk):
        out = subprocess.run([binary, *files[i:i + chunk]], capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            d = json.loads(line)
            docs[d["id"]] = d
    return docs


def span(r):
    if "start" in r:
        return (r["start"], r["end"])
    e = r.get("evidence") or [{}]
    e = e[0] if isinstance(e, list) and e else e
    return (e.get("start"), e.get("end")) if isinstance(e, dict) else (None, None)


def key_values(kind, r):
    if kind == "metrics":
        p = r.get("period") or {}
        return (r["value"], r["unit"], r["qualifier"], r["indicator"], r.get("direction"), r.get("target"), p.get("start"), p.get("end"))
    if kind == "meetings":
        return (r["kind"], r.get("date"))
    return (r["kind"], r.get("status"))


def summary(kind, r):
    if kind == "metrics":
        p = r.get("period") or {}
        return (f"{r['value']:g} {r['unit']} {r['qualifier']} {r['indicator']} counted=«{r.get('counted')}» "
                f"period={p.get('start')}..{p.get('end')} dir={r.get('direction')} target={r.get('target')}")
    return f"{r['kind']} {r.get('name') or ''}"


def context(text, start, end, width=140):
    a, b = max(0, start - width), min(len(text), end + width)
    cut = lambda s: " ".join(s.split())
    return f"…{cut(text[a:start])} **{cut(text[start:end])}** {cut(text[end:b])}…"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--old", required=True, help="the build before the change")
    ap.add_argument("--new", default=str(ROOT / "target/release/examples/extract"))
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--work", default="/tmp/diplo-corpus-txt")
    ap.add_argument("--kind", default="metrics", choices=KINDS)
    ap.add_argument("--sample", type=int, default=0, help="list at most N records per class, drawn at random")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    work = pathlib.Path(a.work)
    texts = split_corpus(a.corpus, work)
    files = [str(work / f"{i}.txt") for i in texts]
    old, new = run(a.old, files), run(a.new, files)
    classes = {"dropped": [], "added": [], "changed": []}
    totals = [0, 0]
    for doc_id, text in texts.items():
        o = old.get(doc_id, {}).get(a.kind, [])
        n = new.get(doc_id, {}).get(a.kind, [])
        totals[0] += len(o)
        totals[1] += len(n)
        ns = {span(r): r for r in n}
        os_ = {span(r): r for r in o}
        for s, r in os_.items():
            if s not in ns:
                classes["dropped"].append((doc_id, text, r, None))
            elif key_values(a.kind, r) != key_values(a.kind, ns[s]):
                classes["changed"].append((doc_id, text, r, ns[s]))
        for s, r in ns.items():
            if s not in os_:
                classes["added"].append((doc_id, text, r, None))
    print(f"{a.kind}: old {totals[0]}, new {totals[1]}; " + ", ".join(f"{k} {len(v)}" for k, v in classes.items()))
    rng = random.Random(a.seed)
    for name, rows in classes.items():
        if not rows:
            continue
        shown = rows if not a.sample or len(rows) <= a.sample else rng.sample(rows, a.sample)
        print(f"\n## {name} ({len(shown)} of {len(rows)})\n")
        for i, (doc_id, text, r, r2) in enumerate(shown, 1):
            s, e = span(r)
            line = f"{i}. `{doc_id}` {summary(a.kind, r)}"
            if r2 is not None:
                line += f" → {summary(a.kind, r2)}"
            print(line)
            print(f"   {context(text, s, e)}")


if __name__ == "__main__":
    main()
