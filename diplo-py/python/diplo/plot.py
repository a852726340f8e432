"""``plot_claims``: what each source says about an indicator, period by period (matplotlib, optional)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

MARKERS = {"exact": "o", "more_than": "^", "at_least": "^", "less_than": "v", "at_most": "v", "nearly": "v",
           "about": "D"}


def _report(corpus_or_report: Any) -> Dict[str, Any]:
    if isinstance(corpus_or_report, dict):
        return corpus_or_report
    if hasattr(corpus_or_report, "report"):
        return corpus_or_report.report()
    raise TypeError("plot_claims wants a diplo.Corpus or its report() dict")


def _label(p: Dict[str, Any]) -> str:
    from .display import period
    start, end = p.get("start") or "", p.get("end") or ""
    if len(start) == 10 and len(end) == 10 and start[:4] == end[:4]:
        months = {("01-01", "12-31"): "", ("01-01", "06-30"): " H1", ("07-01", "12-31"): " H2"}
        tail = months.get((start[5:], end[5:]))
        if tail is not None:
            return start[:4] + tail
    return period(p)


def plot_claims(corpus_or_report: Any, indicator: Optional[str] = None, ax: Any = None) -> Any:
    """Plot each claim's values over its periods, one colour per source document.

    ``corpus_or_report`` is a :class:`diplo.Corpus` or its ``report()``.
    Markers show the qualifier (▲ "more than"/"at least", ▼ "nearly"/"less
    than", ● exact); a red period label marks a conflicting claim; hollow
    squares with a bar are baselines implied by comparisons ("gấp 2,5 lần
    năm 2024"). With ``indicator=None`` every indicator gets its own panel
    (then ``ax`` must be None). Returns the Axes (or the array of Axes).
    Needs matplotlib.
    """
    try:
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("plot_claims needs matplotlib: pip install matplotlib") from e
    report = _report(corpus_or_report)
    claims = report.get("claims", [])
    indicators = list(dict.fromkeys(c["indicator"] for c in claims))
    if indicator is None:
        if ax is not None and len(indicators) != 1:
            raise ValueError("give an indicator to plot on one ax (the corpus has several)")
        if ax is None:
            n = max(1, len(indicators))
            cols = min(3, n)
            rows = (n + cols - 1) // cols
            fig, axes = plt.subplots(rows, cols, figsize=(5 * cols, 3.4 * rows), squeeze=False)
            for a, name in zip(axes.flat, indicators):
                _plot_one(report, name, a)
            for a in list(axes.flat)[len(indicators):]:
                a.set_visible(False)
            fig.tight_layout()
            return axes
        indicator = indicators[0]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    _plot_one(report, indicator, ax)
    return ax


def _plot_one(report: Dict[str, Any], indicator: str, ax: Any) -> None:
    claims = [c for c in report.get("claims", []) if c["indicator"] == indicator]
    implied = [i for i in report.get("implied", []) if i["indicator"] == indicator]
    periods: Dict[Tuple[str, str, str], str] = {}
    for p in [c["period"] for c in claims] + [i["baseline"] for i in implied if i.get("baseline")]:
        periods.setdefault((p.get("start") or "", p.get("end") or "", p.get("text") or ""), _label(p))
    order = sorted(periods)
    labels = list(dict.fromkeys(periods[k] for k in order))
    x_of = {k: labels.index(periods[k]) for k in order}
    docs = list(dict.fromkeys([v["document"] for c in claims for v in c["values"]]
                              + [i["from"]["document"] for i in implied]))
    colors = {d: f"C{n % 10}" for n, d in enumerate(docs)}
    width = 0.5 / max(1, len(docs))
    seen: set = set()
    conflicting: List[int] = []
    unit = claims[0]["unit"] if claims else (implied[0]["unit"] if implied else "")
    for c in claims:
        p = c["period"]
        x = x_of[(p.get("start") or "", p.get("end") or "", p.get("text") or "")]
        if c["verdict"] == "conflicting":
            conflicting.append(x)
        for v in c["values"]:
            d = v["document"]
            ax.scatter(x + (docs.index(d) - (len(docs) - 1) / 2) * width, v["value"], color=colors[d], s=48,
                       marker=MARKERS.get(v.get("qualifier", "exact"), "o"), zorder=3,
                       label=d if d not in seen else None)
            seen.add(d)
    for i in implied:
        b = i["baseline"]
        x = x_of[(b.get("start") or "", b.get("end") or "", b.get("text") or "")]
        d = i["from"]["document"]
        if i.get("verdict") == "conflicting":
            conflicting.append(x)
        xo = x + (docs.index(d) - (len(docs) - 1) / 2) * width
        lo = i.get("low") if i.get("low") is not None else i["value"]
        hi = i.get("high") if i.get("high") is not None else i["value"]
        ax.errorbar(xo, i["value"], yerr=[[i["value"] - lo], [hi - i["value"]]], fmt="s", mfc="none",
                    color=colors[d], capsize=3, zorder=2, label=d if d not in seen else None)
        seen.add(d)
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, rotation=20, ha="right")
    for x in conflicting:
        ax.get_xticklabels()[x].set_color("#c62828")
    ax.set_xlim(-0.6, max(0.6, len(labels) - 0.4))
    ax.set_title(indicator)
    ax.set_ylabel({"count": "count", "percent": "%"}.get(unit, unit))
    ax.grid(axis="y", alpha=0.3)
    if seen:
        from matplotlib.lines import Line2D
        handles, names = ax.get_legend_handles_labels()
        key = [("o", "exact"), ("^", "more than / at least"), ("v", "nearly / less than")]
        handles += [Line2D([], [], marker=m, color="#777", ls="none") for m, _ in key]
        names += [n for _, n in key]
        if implied:
            handles.append(Line2D([], [], marker="s", mfc="none", color="#777", ls="none"))
            names.append("implied by a comparison")
        ax.legend(handles, names, fontsize=7, title="source", title_fontsize=7, loc="best")
