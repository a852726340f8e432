"""HTML views for notebooks: an article with its evidence highlighted, a corpus at a glance.

``Document._repr_html_`` and ``Corpus._repr_html_`` call these. Everything is
inline-styled (notebook front ends drop ``<style>`` blocks in untrusted
output) and every piece of text is escaped. Offsets are the records' code
point offsets, so Python slicing of the attached text finds each span.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple

if TYPE_CHECKING:  # pragma: no cover
    from .records import Commitment, Document, Meeting, Metric

COLORS = {"meeting": "#bcd7ff", "metric": "#ffe08a", "commitment": "#b9ecc0"}
VERDICT_COLORS = {"consistent": "#2e7d32", "conflicting": "#c62828", "single": "#757575"}
QUALIFIER = {"exact": "", "more_than": ">", "less_than": "<", "nearly": "≲", "about": "~", "at_least": "≥",
             "at_most": "≤"}
BOX = "font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; font-size: 14px; color: #222;"
TABLE = "border-collapse: collapse; font-size: 12px; margin: 0.3em 0;"
STYLES = {"furniture": "color: #999;", "caption": "font-style: italic;", "title": "font-weight: bold;"}
CELL = "border-bottom: 1px solid #ddd; padding: 2px 6px; text-align: left; vertical-align: top;"


def esc(value: Any) -> str:
    """HTML-escaped text of ``value`` (``None`` as an empty string)."""
    return "" if value is None else html.escape(str(value), quote=True)


def cut(s: Optional[str], n: int = 60) -> str:
    s = s or ""
    return s if len(s) <= n else s[: n - 1] + "…"


def number(value: Optional[float], unit: Optional[str] = None, qualifier: Optional[str] = None) -> str:
    """``350``, ``> 900 bn USD``, ``8%``: a value as a reader says it."""
    if value is None:
        return ""
    v = float(value)
    scaled = next(((v / f, s) for f, s in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")) if abs(v) >= f), (v, ""))
    text = f"{scaled[0]:,.6g}{scaled[1]}"
    if unit == "percent":
        text += "%"
    elif unit and unit != "count":
        text += f" {unit}"
    q = QUALIFIER.get(qualifier or "exact", qualifier or "")
    return f"{q} {text}".strip()


def period(p: Any) -> str:
    """A period dict or record as ``2025-01-01..2025-06-30`` (or its text when unresolved)."""
    if p is None:
        return ""
    start, end, text = ((p.get("start"), p.get("end"), p.get("text")) if isinstance(p, dict)
                        else (p.start, p.end, p.text))
    if start or end:
        return str(start) if start == end else f"{start or '?'}..{end or '?'}"
    return str(text or "")


def _people(people: Sequence[Any]) -> str:
    return ", ".join(p.name or p.group or p.title or "" for p in people)


def summary(kind: str, rec: Any) -> str:
    """The key fields of a meeting, metric or commitment, in one line."""
    parts: List[str] = []
    if kind == "meeting":
        m: Meeting = rec
        parts = [m.kind, m.name, " ".join(x for x in (m.date, m.time_of_day) if x), m.format or "", m.venue or "",
                 f"chairs: {_people(m.chairs)}" if m.chairs else "",
                 f"partners: {','.join(p.code for p in m.partners)}" if m.partners else ""]
    elif kind == "metric":
        x: Metric = rec
        parts = [number(x.value, x.unit, x.qualifier), x.indicator, period(x.period), x.counted or "",
                 f"{x.direction}" if x.direction else "",
                 f"{x.comparison.kind} {x.comparison.value:g}" + (f" vs {period(x.comparison.baseline)}"
                                                                  if x.comparison.baseline else "")
                 if x.comparison else "",
                 "target" if x.target else ""]
    elif kind == "commitment":
        c: Commitment = rec
        parts = [c.kind, c.status or "", c.name or "", ",".join(p.code for p in c.partners), c.level or "",
                 (c.document.symbol or c.document.number) if c.document else "",
                 f"by {_people([c.actor])}" if c.actor else ""]
    return " · ".join(p for p in parts if p)


def _spans(doc: "Document", n: int) -> List[Tuple[int, int, str, int, str]]:
    """(start, end, kind, index, title) for every evidence span inside the text."""
    out = []
    titles: Dict[Tuple[str, int], str] = {}
    for kind, i, ev in doc.spans():
        if (kind, i) not in titles:
            rec = getattr(doc, kind + "s")[i]
            titles[(kind, i)] = f"{kind} #{i}: {summary(kind, rec)}"
        s, e = max(0, int(ev.start)), min(n, int(ev.end))  # type: ignore[attr-defined]
        if s < e:
            out.append((s, e, kind, i, titles[(kind, i)]))
    return out


def _label(kind: str) -> str:
    return (f'<span class="diplo-label" style="font-size: 0.65em; font-weight: bold; text-transform: uppercase; '
            f'margin-left: 0.3em; opacity: 0.6;">{kind}</span>')


def highlight(text: str, spans: Sequence[Tuple[int, int, str, int, str]],
              paragraphs: Iterable[Any] = (), ids: Optional[Dict[Tuple[int, int], str]] = None) -> str:
    """``text`` as HTML with each span marked in its kind's colour.

    Overlapping spans are cut at every boundary; a piece takes the colour of
    the narrowest span over it and the titles of all of them. Page furniture
    is greyed out, captions are set in italics and the title in bold.

    ``ids`` names spans by ``(start, end)`` for links (a page's quotes): an
    empty anchor with that id is put where the span starts, and every piece
    of it carries the id in ``data-ev``, so the pieces whose ``data-ev``
    holds an id spell exactly that span's text.
    """
    n = len(text)
    ids = ids or {}
    styled = [(max(0, p.start), min(n, p.end), p.kind) for p in paragraphs if p.kind in STYLES]
    cuts = sorted({0, n, *(s for s, _, _, _, _ in spans), *(e for _, e, _, _, _ in spans),
                   *(s for s, _, _ in styled), *(e for _, e, _ in styled)})
    order = sorted(spans, key=lambda sp: sp[0])
    nxt = 0
    active: List[Tuple[int, int, str, int, str]] = []  # spans over the current piece (a sweep, not a rescan)
    anchored: set = set()
    out: List[str] = []
    for a, b in zip(cuts, cuts[1:]):
        if a >= b:
            continue
        while nxt < len(order) and order[nxt][0] <= a:
            active.append(order[nxt])
            nxt += 1
        active = [sp for sp in active if sp[1] > a]
        for sp in active:
            key = ids.get((sp[0], sp[1]))
            if key is not None and sp[0] == a and key not in anchored:
                anchored.add(key)
                out.append(f'<span class="diplo-anchor" id="{esc(key)}"></span>')
        piece = esc(text[a:b])
        if active:
            inner = min(active, key=lambda sp: sp[1] - sp[0])
            title = esc("\n".join(dict.fromkeys(sp[4] for sp in active)))
            evs = " ".join(dict.fromkeys(ids[(sp[0], sp[1])] for sp in active if (sp[0], sp[1]) in ids))
            ev = f' data-ev="{esc(evs)}"' if evs else ""
            piece = (f'<mark data-kind="{inner[2]}" data-index="{inner[3]}"{ev} title="{title}" '
                     f'style="background: {COLORS[inner[2]]}; padding: 0.1em 0; border-radius: 0.2em;">'
                     f'{piece}</mark>')
        for s, e, kind in styled:
            if s <= a and e >= b:
                piece = f'<span style="{STYLES[kind]}">{piece}</span>'
        out.append(piece)
        ending = dict.fromkeys(sp[2] for sp in active if sp[1] == b)
        out.extend(_label(kind) for kind in ending)
    return "".join(out)


def _chip(kind: str, label: Optional[str] = None) -> str:
    return (f'<span style="background: {COLORS[kind]}; padding: 0 0.4em; border-radius: 0.2em; '
            f'white-space: nowrap; font-size: 0.85em;">{esc(label or kind)}</span>')


def _records_table(doc: "Document") -> str:
    rows = []
    for kind in ("meeting", "metric", "commitment"):
        for i, rec in enumerate(getattr(doc, kind + "s")):
            rows.append(f'<tr><td style="{CELL}">{_chip(kind, f"{kind} {i}")}</td>'
                        f'<td style="{CELL}">{esc(summary(kind, rec))}</td>'
                        f'<td style="{CELL} color: #555;">{esc(cut(rec.text, 50))}</td>'
                        f'<td style="{CELL} color: #888;">{rec.start}–{rec.end}</td></tr>')
    if not rows:
        return '<p style="color: #888;">no records</p>'
    head = "".join(f'<th style="{CELL}">{h}</th>' for h in ("record", "key fields", "evidence", "at"))
    return f'<table style="{TABLE}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def document_html(doc: "Document", ids: Optional[Dict[Tuple[int, int], str]] = None,
                  extra: Sequence[Tuple[int, int, str, int, str]] = (), header: bool = True) -> str:
    """The article with evidence highlighted by record type, and its records in a table beside it.

    ``ids`` and ``extra`` are for a page that links quotes to their spans
    (see :func:`highlight`): ids by ``(start, end)``, and spans to mark that
    are not a record's evidence.
    """
    meta = " · ".join(esc(x) for x in (doc.id, doc.date, doc.author, doc.source_url) if x)
    legend = " ".join(_chip(k, f"{k}s: {len(getattr(doc, k + 's'))}") for k in COLORS)
    head = (f'<div style="margin-bottom: 0.5em;"><b>{esc(doc.title or doc.id or "Document")}</b>'
            f'<div style="color: #666; font-size: 0.85em;">{meta}</div><div>{legend}</div></div>'
            if header else f'<div style="margin-bottom: 0.5em;">{legend}</div>')
    text = doc.text
    if text is None:
        body = ('<div style="flex: 3 1 420px; color: #888;">(text not attached: '
                'use diplo.extract or Document.with_text to see the article)</div>')
    else:
        marked = highlight(text, _spans(doc, len(text)) + list(extra), doc.paragraphs, ids)
        body = (f'<div class="diplo-text" style="flex: 3 1 420px; white-space: pre-wrap; line-height: 1.9; '
                f'max-height: 42em; overflow: auto; border: 1px solid #eee; padding: 0.5em;">{marked}</div>')
    table = f'<div style="flex: 2 1 320px; max-height: 44em; overflow: auto;">{_records_table(doc)}</div>'
    return (f'<div class="diplo-document" style="{BOX}">{head}'
            f'<div style="display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start;">{body}{table}</div>'
            f'</div>')


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A compact table; cells are HTML already."""
    head = "".join(f'<th style="{CELL}">{esc(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(f'<td style="{CELL}">{c}</td>' for c in r) + "</tr>" for r in rows)
    return f'<table style="{TABLE}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _verdict(v: str) -> str:
    return (f'<span style="color: white; background: {VERDICT_COLORS.get(v, "#555")}; padding: 0 0.4em; '
            f'border-radius: 0.2em;">{esc(v)}</span>')


def _docs(ids: Sequence[str]) -> str:
    return esc(", ".join(ids))


def corpus_html(report: Dict[str, Any]) -> str:
    """Findings first, then claims with their verdicts, implied baselines, and meetings with the fields their sources disagree on."""
    claims, meetings, implied = report.get("claims", []), report.get("meetings", []), report.get("implied", [])
    errors = report.get("errors", [])
    verdicts: Dict[str, int] = {}
    for c in claims:
        verdicts[c["verdict"]] = verdicts.get(c["verdict"], 0) + 1
    conflicted = [m for m in meetings if m.get("conflicts")]
    head = (f'<div><b>Corpus</b>: {len(report.get("documents", []))} documents, {len(errors)} errors · '
            f'{len(meetings)} meetings ({len(conflicted)} with conflicts) · {len(claims)} claims ('
            + ", ".join(f"{n} {esc(v)}" for v, n in sorted(verdicts.items())) + ")</div>")
    claim_rows = []
    for c in claims:
        values = "<br>".join(f'{esc(number(v["value"], c.get("unit"), v.get("qualifier")))} '
                             f'<span style="color: #888;">[{esc(v["document"])}] {esc(cut(v.get("text"), 40))}</span>'
                             for v in c["values"])
        claim_rows.append([esc(c["indicator"]) + (" (target)" if c.get("target") else ""), esc(period(c["period"])),
                           values, _verdict(c["verdict"])])
    meeting_rows = []
    for m in sorted(meetings, key=lambda m: (not m.get("conflicts"), m.get("date") or "")):
        conflicts = "<br>".join(
            f'<b style="color: {VERDICT_COLORS["conflicting"]};">{esc(x["field"])}</b>: '
            + " vs ".join(f'{esc(v["value"])} [{_docs(v["documents"])}]' for v in x["values"])
            for x in m.get("conflicts", []))
        meeting_rows.append([esc(" ".join(x for x in (m.get("date"), m.get("time_of_day")) if x)), esc(m["kind"]),
                             esc(cut(m["name"], 70)), _docs(m.get("documents", [])), conflicts])
    implied_rows = []
    for i in implied:
        rng = (f' ({esc(number(i.get("low")))}–{esc(number(i.get("high")))})'
               if i.get("low") is not None or i.get("high") is not None else "")
        stated = ", ".join(f'{esc(number(s["value"], i.get("unit"), s.get("qualifier")))} [{esc(s["document"])}]'
                           for s in i.get("stated", []))
        implied_rows.append([esc(i["indicator"]), esc(period(i.get("baseline"))),
                             esc(number(i.get("value"), i.get("unit"))) + rng,
                             f'{esc(i["from"]["document"])}: {esc(cut(i["from"].get("text"), 50))}', stated,
                             _verdict(i["verdict"])])
    parts = [head]
    findings = report.get("findings", [])
    if findings:  # what to read first, ranked, before the details
        rows = [[str(n), esc(f["kind"]), esc(f["summary"]),
                 "<br>".join(f'{esc(e["document"])}: {esc(e.get("value") or "")} «{esc(cut(e.get("text"), 60))}»'
                             for e in f.get("evidence", []))]
                for n, f in enumerate(findings, 1)]
        parts += ["<h4>Findings</h4>", _table(["#", "kind", "finding", "evidence"], rows)]
    parts += ["<h4>Claims</h4>", _table(["indicator", "period", "values [document]", "verdict"], claim_rows)]
    if implied_rows:
        parts += ["<h4>Implied baselines</h4>",
                  _table(["indicator", "baseline", "implied", "from", "stated", "verdict"], implied_rows)]
    parts += ["<h4>Meetings</h4>", _table(["date", "kind", "name", "documents", "conflicts"], meeting_rows)]
    if errors:
        parts += ["<h4>Errors</h4>", _table(["document", "code", "message"],
                                            [[esc(e.get("id")), esc(e.get("code")), esc(e.get("message"))]
                                             for e in errors])]
    return f'<div class="diplo-corpus" style="{BOX}">{"".join(parts)}</div>'
