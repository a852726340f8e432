"""The report as one page: findings, partnerships, claims, meetings and the
sources, in a single self-contained HTML file to hand to a colleague.

``Corpus.to_html(path)`` and ``python -m diplo report --html PATH`` call
:func:`write_page`. Charts are Vega-Lite (altair) rendered to inline SVG
(:mod:`diplo.charts`), the page a jinja2 template; nothing is loaded from
the network when it is opened. Every quote on the page links to its span in
the source article below it, highlighted as a notebook shows a Document
(:func:`diplo.display.highlight`): the span's pieces carry its anchor id in
``data-ev``. Sources beyond a limit (or whose text the corpus did not keep)
are summarised in a table instead, and the page says how many and why.

The page reads the report's dicts with ``.get`` so that new record fields do
not break it.
"""

from __future__ import annotations

import datetime
import importlib.util
import os
import pathlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Set, Tuple, Union

from . import charts
from .display import COLORS, VERDICT_COLORS, document_html, esc, number, period
from .progress import Progress

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

#: At most this many articles are shown in full; the others are summarised.
MAX_SOURCES = 400
#: And at most this many characters of article text in all.
MAX_SOURCE_CHARS = 4_000_000
#: Single-source rows beyond this many per table are folded away (still on the page).
FOLD = 12
EXTRAS = {"altair": "altair", "vl_convert": "vl-convert-python", "jinja2": "jinja2"}
INSTALL = "pip install 'diplo[report]'"
Span = Tuple[int, int]
OVER_LIMIT = "beyond the page's limit"


class MissingExtras(ImportError):
    """The page needs the report extras (altair, vl-convert-python, jinja2)."""


def missing_extras() -> List[str]:
    """The pip names of the report extras that are not installed."""
    return [pip for mod, pip in EXTRAS.items() if importlib.util.find_spec(mod) is None]


def require_extras() -> None:
    """Raises :class:`MissingExtras`, saying what to install, when an extra is missing."""
    gone = missing_extras()
    if gone:
        raise MissingExtras(f"the HTML report needs {', '.join(EXTRAS.values())} (missing: {', '.join(gone)}); "
                            f"install them with: {INSTALL}")


_STYLED = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)([^<>]*?) style="([^"<>]*)"([^<>]*)>')
_CLASS = re.compile(r' class="([^"<>]*)"')


def styles_to_classes(fragment: str, classes: Dict[str, str]) -> str:
    """The notebook views' inline styles (front ends drop stylesheets) as
    classes of the page's stylesheet: ``classes`` maps each style to its
    class and grows as new ones are met. A page of hundreds of articles is
    then a third smaller and faster to open."""

    def sub(m: "re.Match[str]") -> str:
        tag, before, style, after = m.groups()
        name = classes.setdefault(style, f"s{len(classes)}")
        rest = before + after
        if _CLASS.search(rest):
            rest = _CLASS.sub(lambda c: f' class="{c.group(1)} {name}"', rest, count=1)
            return f"<{tag}{rest}>"
        return f'<{tag}{rest} class="{name}">'

    return _STYLED.sub(sub, fragment)


def label(x: Any) -> str:
    """``leader_foreign_activities`` → ``leader foreign activities``."""
    return "" if x is None else str(x).replace("_", " ")


@dataclass
class Citations:
    """Every span the report quotes, by document, and which of them link to a shown source."""

    num: Dict[str, int]
    spans: Dict[str, Dict[Span, Tuple[str, str]]] = field(default_factory=dict)  # doc → span → (kind, text)
    rank: Dict[str, Tuple[int, int]] = field(default_factory=dict)  # doc → (best priority, -quotes)
    linked: Dict[str, Set[Span]] = field(default_factory=dict)

    def cite(self, ref: Dict[str, Any], kind: str, priority: int) -> None:
        doc = ref.get("document")
        if doc not in self.num or ref.get("start") is None or ref.get("end") is None:
            return
        self.spans.setdefault(doc, {}).setdefault((int(ref["start"]), int(ref["end"])), (kind, ref.get("text") or ""))
        best, count = self.rank.get(doc, (priority, 0))
        self.rank[doc] = (min(best, priority), count - 1)

    def anchor(self, doc: str, start: int, end: int) -> str:
        return f"e{self.num.get(doc, 0)}-{start}-{end}"

    def link(self, doc: str, start: int, end: int) -> Optional[str]:
        """``#anchor`` of a quote whose source is shown, else None."""
        return f"#{self.anchor(doc, start, end)}" if (start, end) in self.linked.get(doc, ()) else None


def cite_all(report: Dict[str, Any]) -> Citations:
    """The spans of findings (priority 0), facts several sources report (1),
    commitments (2) and single-source facts (3): the order sources are shown in."""
    c = Citations({d.get("id"): n for n, d in enumerate(report.get("documents", []))})
    for f in report.get("findings", []):
        kind = "meeting" if f.get("kind") == "meeting_conflict" else "metric"
        for e in f.get("evidence", []):
            c.cite(e, kind, 0)
    for i in report.get("implied", []):
        c.cite(i.get("from") or {}, "metric", 1)
        for s in i.get("stated", []):
            c.cite(s, "metric", 1)
    for p in report.get("partnerships", []):
        for lv in p.get("levels", []):
            for s in lv.get("sources", []):
                c.cite(s, "commitment", 1)
    for cl in report.get("claims", []):
        for v in cl.get("values", []):
            c.cite(v, "metric", 1 if cl.get("verdict") != "single" else 3)
    for m in report.get("meetings", []):
        for s in m.get("sources", []):
            c.cite(s, "meeting", 1 if len(m.get("documents", [])) > 1 else 3)
    for cm in report.get("commitments", []):
        for s in cm.get("sources", []):
            c.cite(s, "commitment", 2 if len(cm.get("documents", [])) > 1 else 3)
    return c


@dataclass
class Sources:
    """The articles shown in full (as HTML) and the others with why."""

    shown: List[Tuple[Dict[str, Any], str]]  # (document summary, its HTML)
    summarised: List[Tuple[Dict[str, Any], str]]  # (document summary, why)
    notes: List[str]
    css: str  # the rules of the classes that replaced inline styles


def choose(report: Dict[str, Any], kept: Dict[str, Tuple[Optional[str], str]], cites: Citations,
           max_sources: int, max_chars: int) -> Tuple[List[str], Dict[str, str]]:
    """Which kept texts to show, most quoted first, within the limits; and why each other document is not shown."""
    docs = report.get("documents", [])
    order = sorted(kept, key=lambda d: (cites.rank.get(d, (9, 0)), cites.num.get(d, 0)))
    chosen: List[str] = []
    why: Dict[str, str] = {}
    chars = 0
    for d in order:
        n = len(kept[d][1])
        if len(chosen) >= max_sources or (chosen and chars + n > max_chars):
            why[d] = OVER_LIMIT
            continue
        chosen.append(d)
        chars += n
    for s in docs:
        d = s.get("id")
        if d in kept or d in why:
            continue
        records = sum(int(s.get(k) or 0) for k in ("meetings", "metrics", "commitments"))
        why[d] = "no records" if records == 0 else "text not kept"
    return chosen, why


def render_sources(report: Dict[str, Any], kept: Dict[str, Tuple[Optional[str], str]], cites: Citations,
                   max_sources: int, max_chars: int, progress: Optional[bool]) -> Sources:
    """Extracts the chosen articles again (their records in full, as when they
    were added) and renders each with its evidence highlighted; a quote links
    only to a span whose text is the quote."""
    from . import extract_batch
    from .records import Document

    chosen, why = choose(report, kept, cites, max_sources, max_chars)
    by_id = {s.get("id"): s for s in report.get("documents", [])}
    html: Dict[str, str] = {}
    classes: Dict[str, str] = {}
    with Progress("rendering sources", "articles", total=len(chosen), show=progress) as bar:
        for at in range(0, len(chosen), 64):
            batch = chosen[at:at + 64]
            docs = extract_batch([(kept[d][1], d, kept[d][0]) for d in batch])
            for d, doc in zip(batch, docs):
                text = doc.text if isinstance(doc, Document) else None
                if not isinstance(doc, Document) or text is None:
                    why[d] = "could not be extracted again"
                    continue
                ok = {sp for sp, (_, quote) in cites.spans.get(d, {}).items() if text[sp[0]:sp[1]] == quote}
                cites.linked[d] = ok
                ids = {sp: cites.anchor(d, *sp) for sp in ok}
                record_spans = {(int(getattr(ev, "start")), int(getattr(ev, "end"))) for _, _, ev in doc.spans()}
                extra = [(s, e, cites.spans[d][(s, e)][0], -1, "quoted in this report")
                         for s, e in sorted(ok - record_spans)]
                html[d] = styles_to_classes(document_html(doc, ids=ids, extra=extra, header=False), classes)
            bar.update_to(at + len(batch))
    shown = [(by_id[d], html[d]) for d in sorted(html, key=lambda d: cites.num.get(d, 0))]
    summarised = [(s, why[s.get("id")]) for s in report.get("documents", []) if s.get("id") in why]
    reasons: Dict[str, int] = {}
    for _, w in summarised:
        reasons[w] = reasons.get(w, 0) + 1
    notes = []
    if reasons.get(OVER_LIMIT):
        notes.append(f"{reasons[OVER_LIMIT]} articles with records are summarised, not shown: the page shows at most "
                     f"{max_sources} articles and {max_chars:,} characters of text, the most quoted first")
    if reasons.get("text not kept"):
        notes.append(f"{reasons['text not kept']} articles with records are summarised: their text was not kept "
                     "(build the corpus with Corpus(keep_texts=True), as python -m diplo report --html does)")
    if reasons.get("no records"):
        notes.append(f"{reasons['no records']} articles without records are listed, not shown")
    css = "\n".join(f".{name} {{ {style} }}" for style, name in classes.items())
    return Sources(shown, summarised, notes, css)


class View:
    """What the template calls to show a quote, a document, a value or a verdict (returns safe HTML)."""

    def __init__(self, report: Dict[str, Any], cites: Citations, shown: Set[Any]) -> None:
        from markupsafe import Markup

        self.M = Markup
        self.report, self.cites, self.shown = report, cites, shown
        self.dates = {d.get("id"): d.get("date") for d in report.get("documents", [])}

    def q(self, ref: Dict[str, Any]) -> Any:
        """The quote, linked to its highlighted span when its source is shown."""
        text = ref.get("text") or ""
        href = self.cites.link(ref.get("document", ""), int(ref.get("start") or 0), int(ref.get("end") or 0))
        if href:
            return self.M(f'<a class="ev" href="{esc(href)}"><q>{esc(text)}</q></a>')
        return self.M(f'<q class="ev-off" title="its source is summarised, not shown">{esc(text)}</q>')

    def doc(self, doc_id: Optional[str], date: bool = False) -> Any:
        """A document's id, linked to its article (or its summary row)."""
        n = self.cites.num.get(doc_id or "")
        when = f' <span class="date">{esc(self.dates.get(doc_id))}</span>' if date and self.dates.get(doc_id) else ""
        if n is None:
            return self.M(f'<span class="doc">{esc(doc_id)}</span>{when}')
        return self.M(f'<a class="doc" href="#doc-{n}">{esc(doc_id)}</a>{when}')

    @staticmethod
    def url(u: Optional[str]) -> Optional[str]:
        """An article's own URL, to link to: http(s) only (never ``javascript:`` from a hostile input)."""
        return u if isinstance(u, str) and re.match(r"https?://[^\s\"'<>]+$", u) else None

    def docs(self, ids: Sequence[str]) -> Any:
        return self.M(", ".join(str(self.doc(d)) for d in ids))

    def value(self, v: Dict[str, Any], unit: Optional[str] = None) -> str:
        """``>200``, ``8%``, ``1–2 bn USD``."""
        text = number(v.get("value"), unit, v.get("qualifier"))
        if v.get("value_max") is not None:
            text += "–" + number(v.get("value_max"), unit)
        return text

    def verdict(self, v: Optional[str]) -> Any:
        color = VERDICT_COLORS.get(v or "", "#555")
        return self.M(f'<span class="verdict" style="background: {color};">{esc(v)}</span>')

    @staticmethod
    def counted(c: Dict[str, Any]) -> str:
        """What a claim counts as its first source writes it (the claim's key is folded)."""
        written = next((x.get("counted") for x in c.get("values", []) if x.get("counted")), None)
        return str(written or c.get("counted") or "")

    @staticmethod
    def what(c: Dict[str, Any]) -> str:
        """A commitment's name, level, document, content and date, as one line."""
        doc = c.get("document") or {}
        parts = [c.get("name"), label(c.get("level")), doc.get("symbol") or doc.get("number"), c.get("content"),
                 c.get("date")]
        return " · ".join(str(p) for p in parts if p)

    @staticmethod
    def period(p: Any) -> str:
        return charts.period_label(p) if p else ""

    def implied_verdict(self, i: Dict[str, Any]) -> str:
        return charts.implied_verdict(i)


def _by_doc(sources: Sequence[Dict[str, Any]], per_doc: int = 3) -> List[Tuple[str, List[Dict[str, Any]], int]]:
    """Sources grouped by document: (document, its first quotes, how many more)."""
    out: Dict[str, List[Dict[str, Any]]] = {}
    for s in sources:
        out.setdefault(s.get("document", ""), []).append(s)
    return [(d, refs[:per_doc], max(0, len(refs) - per_doc)) for d, refs in out.items()]


def claim_groups(report: Dict[str, Any], cites: Citations) -> List[Dict[str, Any]]:
    """Claims per indicator, conflicting indicators first, each with its charts (one per unit)."""
    claims = report.get("claims", [])
    implied = report.get("implied", [])
    groups: Dict[str, List[int]] = {}
    for n, c in enumerate(claims):
        groups.setdefault(c.get("indicator") or "other", []).append(n)
    rank = {"conflicting": 0, "consistent": 1, "single": 2}
    out: List[Dict[str, Any]] = []
    for ind, idx in groups.items():
        rows = sorted(idx, key=lambda n: (rank.get(claims[n].get("verdict"), 3), charts._period_key(claims[n].get("period"))))
        counts: Dict[str, int] = {}
        for n in idx:
            counts[claims[n].get("verdict", "")] = counts.get(claims[n].get("verdict", ""), 0) + 1
        svgs = []
        if ind != "other":  # "other" mixes whatever is counted: a table, not a chart
            units = list(dict.fromkeys(claims[n].get("unit") or "count" for n in idx))
            for unit in units:
                cl = [claims[n] for n in idx if (claims[n].get("unit") or "count") == unit]
                im = [i for i in implied if i.get("indicator") == ind and (i.get("unit") or "count") == unit]
                chart = charts.claims_chart(ind, unit, cl, im, cites.link)
                if chart:
                    svgs.append(chart)
        multi = [n for n in rows if claims[n].get("verdict") != "single"]
        single = [n for n in rows if claims[n].get("verdict") == "single"]
        if len(single) <= FOLD:
            multi, single = multi + single, []
        out.append({"indicator": ind, "charts": svgs, "rows": multi, "folded": single, "counts": counts,
                    "total": len(idx)})
    out.sort(key=lambda g: (-g["counts"].get("conflicting", 0), g["indicator"] == "other", -g["total"]))
    return out


def build(report: Dict[str, Any], kept: Dict[str, Tuple[Optional[str], str]], *, title: Optional[str] = None,
          max_sources: Optional[int] = None, max_chars: Optional[int] = None,
          progress: Optional[bool] = None) -> Tuple[str, Dict[str, Any]]:
    """The page as HTML for a report dict and the texts kept (id → (date hint, text)), and what it holds."""
    require_extras()
    import jinja2

    max_sources = MAX_SOURCES if max_sources is None else max_sources
    max_chars = MAX_SOURCE_CHARS if max_chars is None else max_chars
    cites = cite_all(report)
    sources = render_sources(report, kept, cites, max_sources, max_chars, progress)
    view = View(report, cites, {s.get("id") for s, _ in sources.shown})
    meetings = report.get("meetings", [])
    meeting_order = sorted(range(len(meetings)), key=lambda n: (meetings[n].get("date") or "9999",
                                                                meetings[n].get("name") or ""))
    meeting_svg, undated = charts.meetings_chart(meetings)
    commitments = report.get("commitments", [])
    c_multi = [n for n, c in enumerate(commitments) if len(c.get("documents", [])) > 1]
    c_single = [n for n, c in enumerate(commitments) if len(c.get("documents", [])) <= 1]
    if len(c_single) <= FOLD:
        c_multi, c_single = c_multi + c_single, []
    env = jinja2.Environment(loader=jinja2.PackageLoader("diplo", "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    page = env.get_template("page.html.j2").render(
        title=title or "diplo report", generated=datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        r=report, v=view, label=label, colors=COLORS, verdict_colors=VERDICT_COLORS, esc=esc, period=period,
        claim_groups=claim_groups(report, cites),
        partnership_svg=charts.partnerships_chart(report.get("partnerships", []), cites.link),
        meeting_svg=meeting_svg, meetings_undated=undated, meeting_order=meeting_order,
        commitments_multi=c_multi, commitments_folded=c_single, by_doc=_by_doc,
        sources=sources, markup=view.M, max_sources=max_sources)
    stats = {"bytes": len(page.encode("utf-8")), "sources_shown": len(sources.shown),
             "sources_summarised": len(sources.summarised), "notes": sources.notes}
    return page, stats


def write_page(corpus: "Corpus", path: Union[str, "os.PathLike[str]"], *, title: Optional[str] = None,
               max_sources: Optional[int] = None, progress: Optional[bool] = None) -> Dict[str, Any]:
    """Writes the page of ``corpus`` to ``path`` (see :meth:`diplo.Corpus.to_html`)."""
    require_extras()
    kept = {d: (date, text) for d, date, text in corpus._inner.kept_texts()}
    page, stats = build(corpus.report(), kept, title=title, max_sources=max_sources, progress=progress)
    out = pathlib.Path(path)
    out.write_text(page, encoding="utf-8")
    return {"path": str(out), **stats}
