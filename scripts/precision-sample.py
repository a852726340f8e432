#!/usr/bin/env python3
"""Draws records at random from diplo's output on the shared corpus, for a
precision check by hand (docs/PRECISION.md).

    scripts/precision-sample.py [--n 100] [--seed 14] [--corpus ../shared/corpus] > sample.md

Every article of every ``*.jsonl`` in the corpus is extracted (the JSONL
``date`` field is not used: articles are read as text alone); all records
(meetings, metrics, commitments) are pooled and ``--n`` are drawn with a fixed
seed, so the same build gives the same sample. Each is printed as a Markdown
table row with its record summary, its evidence, the sentence around it, and
empty verdict/why columns to fill in by ANNOTATION.md.
"""
import argparse
import pathlib
import random
import sys

import diplo

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from corpus_articles import articles  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]


def period_text(p):
    """A stated period with no dates ("từ 7/2 đến 19/2", "năm vừa qua") shows its text."""
    return f" «{p['text']}»" if p.get("text") and not p.get("start") and not p.get("end") else ""


def summary(kind, r):
    if kind == "meeting":
        people = lambda xs: ", ".join(p.get("name") or p.get("group") or "?" for p in xs)
        return (f"meeting {r['kind']} «{r.get('name')}» date={r.get('date')} tod={r.get('time_of_day')} "
                f"venue={r.get('venue')} chairs=[{people(r.get('chairs') or [])}] attendees=[{people(r.get('attendees') or [])}]")
    if kind == "metric":
        p = r.get("period") or {}
        c = r.get("comparison")
        return (f"metric {r['value']:g} {r['unit']} {r['qualifier']} {r['indicator']} counted=«{r.get('counted')}» "
                f"period={p.get('start')}..{p.get('end')}{period_text(p)} dir={r.get('direction')} target={r.get('target')}"
                + (f" cmp={c['kind']} {c['value']:g}" if c else ""))
    parts = ", ".join(p.get("code") or p.get("name") for p in r.get("partners") or [])
    extra = ""
    if r["kind"] == "policy_reference":
        d = r.get("document") or {}
        extra = f" {d.get('kind')} {d.get('number')} {d.get('symbol')}"
    elif r["kind"] == "directive":
        extra = f" actor={(r.get('actor') or {}).get('name')} content=«{(r.get('content') or '')[:80]}»"
    elif r["kind"] == "relation_upgrade":
        extra = f" level={r.get('level')} date={r.get('date')}"
    elif r.get("name"):
        extra = f" «{r['name']}»"
    return f"commitment {r['kind']} status={r.get('status')} partners=[{parts}]{extra}"


def context(text, start, end, width=160):
    a = max(0, start - width)
    b = min(len(text), end + width)
    cut = lambda s: " ".join(s.split()).replace("|", "\\|")
    return f"…{cut(text[a:start])} **{cut(text[start:end])}** {cut(text[end:b])}…"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    a = ap.parse_args()
    items = [(text, f"{stem}:{n}") for stem, n, text in articles(a.corpus)]
    pool = []
    for (text, ref), doc in zip(items, diplo.extract_batch(items)):
        if isinstance(doc, Exception):
            continue
        d = doc.to_dict()
        for kind, key in (("meeting", "meetings"), ("metric", "metrics"), ("commitment", "commitments")):
            for r in d[key]:
                pool.append((ref, kind, r, text))
    rng = random.Random(a.seed)
    sample = rng.sample(pool, min(a.n, len(pool)))
    print(f"{len(items)} articles, {len(pool)} records; {len(sample)} drawn with seed {a.seed}\n", file=sys.stderr)
    print("| # | article | record | evidence in context | verdict | why |")
    print("|---:|---|---|---|---|---|")
    for i, (ref, kind, r, text) in enumerate(sample, 1):
        print(f"| {i} | {ref} | {summary(kind, r)} | {context(text, r['start'], r['end'])} |  |  |")


if __name__ == "__main__":
    main()
