#!/usr/bin/env python3
"""Field-level differences between diplo's output and a gold set.

    scripts/dev-diff.py --docs ../shared/dev --gold ../shared/gold/dev --pred out.jsonl \
        [--kind meetings|metrics|commitments] [--field chairs] [--doc d01]

`score.py` prints the records it missed or invented; this prints, for every
matched pair (matched exactly as `score.py` matches), the fields that differ,
so a tuning session sees *why* a field accuracy is low. It imports the
scorer from `../shared/eval/score.py` (or `$DIPLO_SCORER`), so both always
agree on what a match is.
"""
import argparse
import importlib.util
import json
import os
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SCORER = pathlib.Path(os.environ.get("DIPLO_SCORER", HERE.parent.parent / "shared" / "eval" / "score.py"))


def load_scorer():
    if not SCORER.is_file():
        sys.exit(f"no scorer at {SCORER}; set DIPLO_SCORER")
    spec = importlib.util.spec_from_file_location("score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def meeting_diffs(s, g, p):
    out = []
    for f in ("kind", "date", "time_of_day", "format"):
        if (g.get(f) or None) != (p.get(f) or None):
            out.append((f, g.get(f), p.get(f)))
    if s.norm(g.get("venue")) != s.norm(p.get("venue")):
        out.append(("venue", g.get("venue"), p.get("venue")))
    for f in ("chairs", "attendees", "speakers"):
        if f in g:
            gs = sorted({s.norm(x) for x in g[f]})
            ps = sorted({s.person_name(x) or "" for x in p.get(f) or []})
            if gs != ps:
                out.append((f, gs, ps))
    if "bridge_points" in g:
        gs = sorted({s.place(x) for x in g["bridge_points"]})
        ps = sorted({s.place(b.get("place") if isinstance(b, dict) else b) for b in p.get("bridge_points") or []})
        if gs != ps:
            out.append(("bridge_points", gs, ps))
    return out


def metric_diffs(s, g, p):
    out = []
    for f in ("unit", "qualifier", "indicator", "direction"):
        if (g.get(f) or None) != (p.get(f) or None):
            out.append((f, g.get(f), p.get(f)))
    if bool(g.get("target")) != bool(p.get("target")):
        out.append(("target", g.get("target"), p.get("target")))
    if not s.same_number(g.get("of_total"), p.get("of_total")):
        out.append(("of_total", g.get("of_total"), p.get("of_total")))
    if g.get("value_max") is not None and not s.same_number(g.get("value_max"), p.get("value_max")):
        out.append(("value_max", g.get("value_max"), p.get("value_max")))
    if s.period_of(g.get("period")) != s.period_of(p.get("period")):
        out.append(("period", g.get("period"), p.get("period")))
    gc, pc = g.get("comparison"), p.get("comparison")
    same = (gc is None and pc is None) or (gc is not None and pc is not None and gc.get("kind") == pc.get("kind")
                                            and s.same_number(gc.get("value"), pc.get("value")))
    if not same:
        out.append(("comparison", gc, pc))
    return out


def commitment_diffs(s, g, p):
    out = []
    if "status" in g and (g.get("status") or None) != (p.get("status") or None):
        out.append(("status", g.get("status"), p.get("status")))
    if g.get("partners") and s.codes(g["partners"]) != s.codes(p.get("partners")):
        out.append(("partners", sorted(map(str, s.codes(g["partners"]))), sorted(map(str, s.codes(p.get("partners"))))))
    if g.get("document"):
        gd, pd = g["document"], p.get("document") or {}
        if gd.get("kind") != pd.get("kind"):
            out.append(("document.kind", gd.get("kind"), pd.get("kind")))
        if gd.get("symbol") and s.norm(gd["symbol"]) != s.norm(pd.get("symbol")):
            out.append(("document.symbol", gd.get("symbol"), pd.get("symbol")))
    if g.get("actor") and s.norm(g["actor"]) != s.person_name(p.get("actor")):
        out.append(("actor", g.get("actor"), (p.get("actor") or {}).get("name")))
    # Not scored, shown for upgrades: level and date.
    for f in ("level", "date"):
        if f in g and (g.get(f) or None) != (p.get(f) or None):
            out.append((f + " (unscored)", g.get(f), p.get(f)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--kind", choices=("meetings", "metrics", "commitments"))
    ap.add_argument("--field", help="only this field")
    ap.add_argument("--doc", help="only this document id")
    a = ap.parse_args()
    s = load_scorer()
    preds = {}
    for line in pathlib.Path(a.pred).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            preds[str(d.get("id"))] = d
    kinds = {
        "meetings": (lambda g: g.get("evidence") or [], lambda g, p: True, meeting_diffs),
        "metrics": (lambda g: [g["text"]], lambda g, p: s.same_number(g.get("value"), p.get("value")), metric_diffs),
        "commitments": (lambda g: [g["text"]], lambda g, p: g.get("kind") == p.get("kind") and (
            g.get("kind") != "policy_reference"
            or str((g.get("document") or {}).get("number")) == str((p.get("document") or {}).get("number"))),
            commitment_diffs),
    }
    for gpath in sorted(pathlib.Path(a.gold).glob("*.json")):
        gid = gpath.stem
        if a.doc and gid != a.doc:
            continue
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        doc = (pathlib.Path(a.docs) / f"{gid}.txt").read_text(encoding="utf-8")
        pred = preds.get(gid) or {}
        for kind, (texts, ok, diff) in kinds.items():
            if a.kind and kind != a.kind:
                continue
            pairs, _, _ = s.match(gold.get(kind) or [], pred.get(kind) or [], doc, texts, ok)
            for g, p in pairs:
                for field, gv, pv in diff(s, g, p):
                    if a.field and not field.startswith(a.field):
                        continue
                    label = (g.get("evidence") or [g.get("text")])[0] if kind == "meetings" else g.get("text")
                    print(f"{gid} {kind[:-1]:<10} {field:<14} «{label}»")
                    print(f"    gold: {json.dumps(gv, ensure_ascii=False)}")
                    print(f"    pred: {json.dumps(pv, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
