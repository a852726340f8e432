#!/usr/bin/env python3
"""Draw the labelled sample of docs/CORPUS_CHECK.md from the shared-corpus report.

    scripts/corpus-sample.py                      # runs the report, writes docs/CORPUS_CHECK.md
    scripts/corpus-sample.py --report r.json      # from a report already made (--json)
    scripts/corpus-sample.py --print              # the sample with context, to judge it

The sample is reproducible: claim groups reported by two or more documents
and meetings merged from two or more documents, each population sorted by a
stable key, then drawn with random.Random(SEED).sample (all of it when it is
smaller than --n). Judgments live in docs/corpus_check_judgments.tsv, one per
line: key <TAB> right|wrong <TAB> why. Items of the sample with no judgment
are listed as "unjudged": judge them by reading the context (--print) and add
a line. The same key always names the same group of the same documents, so a
judgment carries over while the group is unchanged and drops out when it changes.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import random
import subprocess
import sys
from typing import Any, Dict, List, Tuple

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = 15
FILES = ("vnexpress-phenikaa.jsonl", "dantri-unc.jsonl")


def run_report() -> Dict[str, Any]:
    cmd = ["cargo", "run", "--release", "-q", "--example", "report", "--", "--json"] + [str(CORPUS / f) for f in FILES]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def claim_key(c: Dict[str, Any]) -> str:
    p = c["period"]
    docs = ",".join(sorted(set(c["documents"])))
    vals = ",".join(sorted(f'{v["value"]:g}' for v in c["values"]))
    return f'claim|{c["indicator"]}|{p.get("start")}..{p.get("end")}|{c["unit"]}|{c.get("subject")}|{c.get("counted")}|{c["target"]}|{docs}|{vals}'


def meeting_key(m: Dict[str, Any]) -> str:
    return f'meeting|{m["kind"]}|{m.get("date")}|{",".join(sorted(m["documents"]))}'


def texts(ids: set) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for f in FILES:
        path = CORPUS / f
        if not path.is_file():
            continue
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            if d.get("id") in ids and d["id"] not in out:
                out[d["id"]] = d["text"]
    return out


def context(text: str, start: int, end: int, width: int) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    s = text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]
    return " ".join(s.split())


def base_id(doc: str) -> str:
    """The article id behind a document id made unique ("x#2")."""
    return doc.split("#")[0]


def sample(report: Dict[str, Any], n: int) -> Tuple[List[Dict[str, Any]], List[Dict[str, Any]], int, int]:
    claims = sorted((c for c in report["claims"] if len(set(c["documents"])) >= 2), key=claim_key)
    meetings = sorted((m for m in report["meetings"] if len(m["documents"]) >= 2), key=meeting_key)
    rng = random.Random(SEED)
    cs = rng.sample(claims, min(n, len(claims)))
    ms = rng.sample(meetings, min(n, len(meetings)))
    return cs, ms, len(claims), len(meetings)


def load_judgments(path: pathlib.Path) -> Dict[str, Tuple[str, str]]:
    out: Dict[str, Tuple[str, str]] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            key, verdict, why = (line.split("\t") + ["", ""])[:3]
            out[key] = (verdict.strip(), why.strip())
    return out


def describe_claim(c: Dict[str, Any], art: Dict[str, str], width: int) -> List[str]:
    p = c["period"]
    head = (f'`{c["indicator"]}` {p.get("start")}..{p.get("end")} {c["unit"]}'
            f'{" subject " + c["subject"] if c.get("subject") else ""}{" counting «" + c["counted"] + "»" if c.get("counted") else ""}'
            f'{" (target)" if c["target"] else ""} → **{c["verdict"]}**')
    lines = [head]
    for v in c["values"]:
        t = art.get(base_id(v["document"]))
        ctx = context(t, v["start"], v["end"], width) if t else v["text"]
        lines.append(f'  - {v["document"]}: {v["value"]:g} ({v["qualifier"]}) — {ctx}')
    return lines


def describe_meeting(m: Dict[str, Any], art: Dict[str, str], width: int) -> List[str]:
    head = (f'`{m["kind"]}` {m.get("date") or "undated"} «{m["name"]}»'
            f'{" chair " + ", ".join(m["chairs"]) if m["chairs"] else ""} — linked by {", ".join(m.get("links", [])) or "?"}')
    lines = [head]
    seen = set()
    for s in m["sources"]:
        if s["document"] in seen:
            continue
        seen.add(s["document"])
        t = art.get(base_id(s["document"]))
        ctx = context(t, s["start"], s["end"], width) if t else s["text"]
        lines.append(f'  - {s["document"]}: {ctx}')
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--report", help="a report made with --json (default: run it on ../shared/corpus)")
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--judgments", default=str(ROOT / "docs" / "corpus_check_judgments.tsv"))
    ap.add_argument("--out", default=str(ROOT / "docs" / "CORPUS_CHECK.md"))
    ap.add_argument("--print", action="store_true", help="print the sample with wide context instead of writing --out")
    ap.add_argument("--width", type=int, default=140, help="characters of context either side")
    args = ap.parse_args()
    if not (CORPUS / FILES[0]).is_file():
        print(f"skipped: {CORPUS} not found", file=sys.stderr)
        return 0
    report = json.loads(pathlib.Path(args.report).read_text(encoding="utf-8")) if args.report else run_report()
    cs, ms, nc, nm = sample(report, args.n)
    ids = {base_id(v["document"]) for c in cs for v in c["values"]} | {base_id(s["document"]) for m in ms for s in m["sources"]}
    art = texts(ids)
    if args.print:
        for kind, items, describe, key in (("CLAIM", cs, describe_claim, claim_key), ("MEETING", ms, describe_meeting, meeting_key)):
            for i, x in enumerate(items, 1):
                print(f"\n{kind} {i}  key: {key(x)}")
                print("\n".join(describe(x, art, args.width)))
        return 0
    judged = load_judgments(pathlib.Path(args.judgments))
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    out: List[str] = []
    tallies = {}
    body: List[str] = []
    for kind, items, describe, key, pop in (("Claim groups", cs, describe_claim, claim_key, nc), ("Merged meetings", ms, describe_meeting, meeting_key, nm)):
        right = wrong = unjudged = 0
        body.append(f"\n## {kind}: {len(items)} drawn of {pop}\n")
        for i, x in enumerate(items, 1):
            k = key(x)
            verdict, why = judged.get(k, ("unjudged", ""))
            right += verdict == "right"
            wrong += verdict == "wrong"
            unjudged += verdict not in ("right", "wrong")
            lines = describe(x, art, 90)
            body.append(f"{i}. {lines[0]}  \n   **{verdict}**{': ' + why if why else ''}")
            body.extend("   " + ln for ln in lines[1:])
        tallies[kind] = (right, wrong, unjudged, len(items), pop)
    conflicting_subjects = sum(1 for c in cs if c["verdict"] == "conflicting" and judged.get(claim_key(c), ("",))[0] == "wrong")
    out.append("# Corpus check: are merged groups one fact, one event?\n")
    out.append("Made by `scripts/corpus-sample.py` (do not edit by hand; judgments are in "
               "`docs/corpus_check_judgments.tsv`). The report is `cargo run --release --example report -- --json "
               "../shared/corpus/*.jsonl`; the sample draws, with `random.Random(15)`, up to 50 of the claim groups "
               "that two or more documents report and up to 50 of the meetings merged from two or more documents "
               "(all of them when fewer exist). Each was judged by reading the sentences around every value or "
               "mention in its articles: **right** when the values are one fact (the same indicator, subject, counted "
               "thing and period) or the mentions one event, **wrong** otherwise.\n")
    out.append(f"- build: `{commit}`\n")
    out.append("| sample | drawn | of | right | wrong | unjudged | right share |\n|---|---:|---:|---:|---:|---:|---:|")
    for kind, (r, w, u, n, pop) in tallies.items():
        share = f"{100 * r / (r + w):.0f}%" if r + w else "–"
        out.append(f"| {kind.lower()} | {n} | {pop} | {r} | {w} | {u} | {share} |")
    out.append(f"\nConflicting verdicts judged wrong (a conflict between different facts): {conflicting_subjects}.")
    out.extend(body)
    notes = ROOT / "docs" / "corpus_check_notes.md"
    if notes.is_file():
        out.append("\n" + notes.read_text(encoding="utf-8"))
    pathlib.Path(args.out).write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: " + "; ".join(f"{k}: {r} right, {w} wrong, {u} unjudged of {n}" for k, (r, w, u, n, _) in tallies.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
