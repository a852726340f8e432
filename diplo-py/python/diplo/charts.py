"""Charts of the report page: Vega-Lite specs built with altair, rendered to
inline SVG by vl-convert (no browser, no network: the Vega libraries are
bundled in vl-convert), each mark linked to the evidence it stands for.

The functions read the report's dicts with ``.get`` so that fields added
later (a ``value_max``, a commitment ``date``) do not break them, and return
``None`` when there is nothing to draw.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from .display import VERDICT_COLORS, period

#: A link to a quote on the page, or None when its source is not embedded.
Link = Callable[[str, int, int], Optional[str]]

LEVELS = ["comprehensive_partnership", "strategic_partnership", "comprehensive_strategic_partnership",
          "special_relationship"]
LEVEL_LABELS = {"comprehensive_partnership": "comprehensive", "strategic_partnership": "strategic",
                "comprehensive_strategic_partnership": "comprehensive strategic",
                "special_relationship": "special"}
QUALIFIER_SHAPE = {"exact": "exact", "more_than": "more than / at least", "at_least": "more than / at least",
                   "less_than": "less than / nearly", "at_most": "less than / nearly", "nearly": "less than / nearly",
                   "about": "about"}
SHAPES = {"exact": "circle", "more than / at least": "triangle-up", "less than / nearly": "triangle-down",
          "about": "diamond", "implied by a comparison": "square"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
#: vl-convert resolves relative links against its own base URL; the page's are fragments.
_BASE_HREF = re.compile(r'(xlink:href|href)="[^"#]*#')


def svg(chart: Any) -> str:
    """The chart as an SVG element for inlining: no XML prolog, links as page fragments, no data loaded."""
    import vl_convert as vlc

    # altair's JSON-schema validation costs more than drawing; vl-convert rejects a bad spec anyway
    spec = chart.to_dict(validate=False) if hasattr(chart, "to_dict") else chart
    out: str = vlc.vegalite_to_svg(spec, allowed_base_urls=[])
    out = re.sub(r"^<\?xml[^>]*>\s*", "", out)
    out = _BASE_HREF.sub(r'\1="#', out)
    return out.replace("<svg ", '<svg role="img" ', 1)


def _href() -> Any:
    """Marks with a link get an ``<a>``; the others none (a null field would become a link to "null")."""
    import altair as alt
    return alt.condition("isValid(datum.href)", alt.Href("href:N"), alt.value(None))


def _config(chart: Any) -> Any:
    return (chart.configure(font=FONT, background="white")
            .configure_view(strokeOpacity=0.3)
            .configure_axis(labelFontSize=11, titleFontSize=11, labelLimit=160)
            .configure_legend(labelFontSize=11, titleFontSize=11, orient="bottom", columns=3, labelLimit=220)
            .configure_title(fontSize=13, anchor="start"))


def _period_key(p: Optional[Dict[str, Any]]) -> Tuple[str, str, str]:
    p = p or {}
    return (p.get("start") or "", p.get("end") or "", p.get("text") or "")


def period_label(p: Optional[Dict[str, Any]]) -> str:
    """``2024``, ``2025 H1``, or the period as dates."""
    if not p:
        return "?"
    start, end = p.get("start") or "", p.get("end") or ""
    if len(start) == 10 and len(end) == 10 and start[:4] == end[:4]:
        halves = {("01-01", "12-31"): "", ("01-01", "06-30"): " H1", ("07-01", "12-31"): " H2",
                  ("01-01", "03-31"): " Q1", ("04-01", "06-30"): " Q2", ("07-01", "09-30"): " Q3",
                  ("10-01", "12-31"): " Q4"}
        tail = halves.get((start[5:], end[5:]))
        if tail is not None:
            return start[:4] + tail
    return period(p) or "?"


def implied_verdict(i: Dict[str, Any]) -> str:
    """One colour for an implied baseline: conflicting if it disagrees with a stated value or another comparison."""
    vs = {i.get("verdict"), i.get("peer_verdict")}
    return "conflicting" if "conflicting" in vs else "consistent" if "consistent" in vs else "single"


def claims_chart(indicator: str, unit: str, claims: Sequence[Dict[str, Any]], implied: Sequence[Dict[str, Any]],
                 link: Link, max_points: int = 600) -> Optional[str]:
    """Values over periods by source: colour is the claim's verdict, shape the
    qualifier, sources side by side within a period; hollow squares with a
    bar are baselines implied by comparisons. Each mark links to its quote."""
    import altair as alt

    stated: List[Dict[str, Any]] = []
    order: Dict[str, Tuple[str, str, str]] = {}
    for c in claims:
        label = period_label(c.get("period"))
        order.setdefault(label, _period_key(c.get("period")))
        for v in c.get("values", []):
            if v.get("value") is None:
                continue
            stated.append({"period": label, "value": v["value"], "verdict": c.get("verdict", "single"),
                           "qualifier": QUALIFIER_SHAPE.get(v.get("qualifier") or "exact", "exact"),
                           "source": v.get("document", ""), "subject": c.get("subject") or "",
                           "href": link(v.get("document", ""), v.get("start", 0), v.get("end", 0))})
    drawn: List[Dict[str, Any]] = []
    for i in implied:
        label = period_label(i.get("baseline"))
        order.setdefault(label, _period_key(i.get("baseline")))
        f = i.get("from") or {}
        val = i.get("value")
        if val is None:
            continue
        lo = i.get("low") if i.get("low") is not None else val
        hi = i.get("high") if i.get("high") is not None else val
        drawn.append({"period": label, "value": val, "low": lo, "high": hi, "verdict": implied_verdict(i),
                      "qualifier": "implied by a comparison", "source": f.get("document", ""),
                      "href": link(f.get("document", ""), f.get("start", 0), f.get("end", 0))})
    if not stated and not drawn:
        return None
    stated, drawn = stated[:max_points], drawn[:max_points]
    # billions as "bn" on the axis, not a row of zeros
    top = max(abs(r["value"]) for r in stated + drawn)
    factor, scale = next(((f, s) for f, s in ((1e12, " tn"), (1e9, " bn"), (1e6, " m")) if top >= f), (1.0, ""))
    for r in stated + drawn:
        for k in ("value", "low", "high"):
            if k in r and r[k] is not None:
                r[k] = r[k] / factor
    periods = sorted(order, key=lambda k: order[k])
    width = max(360, min(760, 60 * len(periods)))
    verdict = alt.Color("verdict:N", title="verdict",
                        scale=alt.Scale(domain=list(VERDICT_COLORS), range=list(VERDICT_COLORS.values())))
    shape = alt.Shape("qualifier:N", title="value", scale=alt.Scale(domain=list(SHAPES), range=list(SHAPES.values())))
    x = alt.X("period:N", sort=periods, title=None, axis=alt.Axis(labelAngle=-30))
    y = alt.Y("value:Q", title={"count": "count", "percent": "%"}.get(unit, unit) + scale, scale=alt.Scale(zero=False))
    offset = alt.XOffset("source:N")
    layers = []
    if stated:
        layers.append(alt.Chart(alt.Data(values=stated)).mark_point(filled=True, size=70, opacity=0.9).encode(
            x=x, y=y, xOffset=offset, color=verdict, shape=shape, href=_href(),
            tooltip=["source:N", "period:N", "value:Q", "qualifier:N", "verdict:N", "subject:N"]))
    if drawn:
        base = alt.Chart(alt.Data(values=drawn))
        layers.append(base.mark_rule(strokeWidth=2).encode(x=x, xOffset=offset, y="low:Q", y2="high:Q",
                                                           color=verdict))
        layers.append(base.mark_point(filled=False, size=90, strokeWidth=2).encode(
            x=x, y=y, xOffset=offset, color=verdict, shape=shape, href=_href(),
            tooltip=["source:N", "period:N", "value:Q", "low:Q", "high:Q", "verdict:N"]))
    chart = alt.layer(*layers).properties(width=width, height=220, title=f"{indicator} ({unit})")
    return svg(_config(chart))


def partnerships_chart(partnerships: Sequence[Dict[str, Any]], link: Link) -> Optional[str]:
    """A ladder per partner: its levels over time (stepped line), each step linked to its evidence."""
    import altair as alt

    rows: List[Dict[str, Any]] = []
    for p in partnerships:
        partner = p.get("partner") or {}
        name = partner.get("code") or partner.get("name") or "?"
        for lv in p.get("levels", []):
            date = lv.get("date")
            if not date or lv.get("level") not in LEVELS:
                continue
            src = (lv.get("sources") or [{}])[0]
            rows.append({"partner": name, "level": LEVEL_LABELS[lv["level"]], "date": date,
                         "status": lv.get("status") or "reported",
                         "dated": "stated" if lv.get("date_stated") else "earliest article",
                         "href": link(src.get("document", ""), src.get("start", 0), src.get("end", 0))})
    if not rows:
        return None
    ladder = [LEVEL_LABELS[lv] for lv in reversed(LEVELS)]
    y = alt.Y("level:N", sort=ladder, scale=alt.Scale(domain=ladder), title=None)
    x = alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=0))
    color = alt.Color("partner:N", title="partner")
    base = alt.Chart(alt.Data(values=rows))
    line = base.mark_line(interpolate="step-after", opacity=0.6).encode(x=x, y=y, color=color, detail="partner:N")
    points = base.mark_point(filled=True, size=90).encode(
        x=x, y=y, color=color, shape=alt.Shape("status:N", title="status"), href=_href(),
        tooltip=["partner:N", "level:N", "status:N", "date:T", "dated:N"])
    labels = base.mark_text(align="left", dx=7, dy=-7, fontSize=10).encode(x=x, y=y, text="partner:N", color=color)
    chart = alt.layer(line, points, labels).properties(width=640, height=190, title="Partnership levels over time")
    return svg(_config(chart))


def meetings_chart(meetings: Sequence[Dict[str, Any]]) -> Tuple[Optional[str], int]:
    """Meetings on a timeline by kind: red when sources disagree, size by the
    number of sources, shape by how precise the date is (a year or a month
    is drawn at its first day); each links to its row. Returns the SVG and
    how many meetings had no date (they are in the list only)."""
    import altair as alt

    rows: List[Dict[str, Any]] = []
    undated = 0
    for n, m in enumerate(meetings):
        date = m.get("date") or ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
            day, precision = date, "day"
        elif re.fullmatch(r"\d{4}-\d{2}", date):
            day, precision = date + "-01", "month"
        elif re.fullmatch(r"\d{4}", date):
            day, precision = date + "-01-01", "year"
        else:
            undated += 1
            continue
        docs = len(m.get("documents", []))
        state = "sources disagree" if m.get("conflicts") else "several sources" if docs > 1 else "one source"
        rows.append({"date": day, "precision": precision, "kind": m.get("kind") or "other",
                     "name": (m.get("name") or "")[:80], "sources": docs, "state": state, "href": f"#m{n}"})
    if not rows:
        return None, undated
    states = ["sources disagree", "several sources", "one source"]
    color = alt.Color("state:N", title=None, scale=alt.Scale(
        domain=states, range=[VERDICT_COLORS["conflicting"], "#1565c0", "#9e9e9e"]))
    shape = alt.Shape("precision:N", title="dated to the", scale=alt.Scale(
        domain=["day", "month", "year"], range=["circle", "square", "diamond"]))
    chart = alt.Chart(alt.Data(values=rows)).mark_point(filled=True, opacity=0.75).encode(
        x=alt.X("date:T", title=None), y=alt.Y("kind:N", title=None), color=color, shape=shape,
        size=alt.Size("sources:Q", title="sources", scale=alt.Scale(range=[50, 300]), legend=None),
        href=_href(), tooltip=["date:T", "precision:N", "kind:N", "name:N", "sources:Q", "state:N"],
    ).properties(width=640, height=alt.Step(26), title="Meetings by date")
    return svg(_config(chart)), undated
