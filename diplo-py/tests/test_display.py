"""What a notebook shows: the article with evidence highlighted, the corpus at a glance, a claims plot."""

import html
import re
from html.parser import HTMLParser

import pytest

import diplo
from diplo import display


class Marks(HTMLParser):
    """Collects the article's text (labels left out) and every <mark> with its attributes and text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.marks = []
        self.stack = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.stack.append((tag, a.get("class")))
        if tag == "mark":
            self.marks.append({**a, "text": ""})

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        classes = [c for _, c in self.stack]
        if "diplo-label" in classes:
            return
        if "diplo-text" in classes or not any(classes):
            self.text.append(data)
        if any(t == "mark" for t, _ in self.stack):
            self.marks[-1]["text"] += data


def test_document_html_highlights_every_record_type(seeds):
    stem, text = next((s, t) for s, t in seeds if s.startswith("001"))
    doc = diplo.extract(text, id=stem)
    out = doc._repr_html_()
    p = Marks()
    p.feed(out)
    kinds = {m["data-kind"] for m in p.marks}
    assert kinds == {"meeting", "metric", "commitment"}
    colours = {m["data-kind"]: re.search(r"background: (#[0-9a-f]+)", m["style"]).group(1) for m in p.marks}
    assert len(set(colours.values())) == 3
    # every metric's evidence is marked in full, and the title names its key fields
    for i, m in enumerate(doc.metrics):
        pieces = "".join(x["text"] for x in p.marks if x["data-kind"] == "metric" and x["data-index"] == str(i))
        assert m.text in pieces or pieces == m.text
        title = next(x["title"] for x in p.marks if x["data-kind"] == "metric" and x["data-index"] == str(i))
        assert f"metric #{i}" in title and m.indicator in title
    # a meeting's mentions are all marked
    assert sum(1 for x in p.marks if x["data-kind"] == "meeting") >= len(doc.meetings[0].mentions)
    # the whole article is there, in order
    assert "".join(p.text) == text
    # the records table is beside it
    assert "agreements_signed" in out and "<table" in out


def test_highlight_uses_code_point_offsets_and_escapes():
    text = "<b>Tối 22/7</b> 🇻🇳 & Việt Nam đã ký kết 350 thỏa thuận hợp tác <script>alert(1)</script>."
    doc = diplo.extract(text, id="x<y>", date="2025-08-01")
    out = doc._repr_html_()
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "x&lt;y&gt;" in out
    p = Marks()
    p.feed(out)
    metric = doc.metrics[0]
    marked = "".join(m["text"] for m in p.marks if m["data-kind"] == "metric" and m["data-index"] == "0")
    assert marked == text[metric.start:metric.end] == metric.text


def test_overlapping_spans_are_cut_and_keep_all_titles():
    spans = [(0, 10, "meeting", 0, "meeting #0: a"), (4, 8, "metric", 0, "metric #0: <b>")]
    out = display.highlight("0123456789ab", spans)
    p = Marks()
    p.feed(f'<div class="diplo-text">{out}</div>')
    assert "".join(p.text) == "0123456789ab"
    assert [(m["data-kind"], m["text"]) for m in p.marks] == [("meeting", "0123"), ("metric", "4567"),
                                                              ("meeting", "89")]
    assert p.marks[1]["title"] == "meeting #0: a\nmetric #0: <b>"
    assert "&lt;b&gt;" in out


def test_document_without_text_still_shows_records(seeds):
    doc = diplo.Document.from_dict(diplo.extract(seeds[0][1]).to_dict())
    out = doc._repr_html_()
    assert "text not attached" in out and "<mark" not in out and "<table" in out


def test_corpus_html_shows_verdicts_and_conflicts(root):
    c = diplo.Corpus()
    c.add_files([root / "seeds"])
    out = c._repr_html_()
    assert "Claims" in out and "consistent" in out and "single" in out
    assert "time_of_day" in out and "evening" in out and "afternoon" in out
    assert "Implied baselines" in out
    assert re.search(r"5 documents", out)
    assert out.index("Findings") < out.index("Claims") and "implied_disagreement" in out
    assert html.unescape(out).count("agreements_signed") >= 2


def test_plot_claims(root):
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    c = diplo.Corpus()
    c.add_files([root / "seeds"])
    ax = diplo.plot_claims(c, indicator="agreements_signed")
    assert ax.get_title() == "agreements_signed"
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert "2025 H1" in labels and "2025" in labels and "2024" in labels
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) >= 4  # one entry per source document
    points = sum(len(coll.get_offsets()) for coll in ax.collections)
    assert points >= 5
    axes = diplo.plot_claims(c.report())
    assert sum(a.get_visible() for a in axes.flat) == len({x["indicator"] for x in c.report()["claims"]})
    fig, one = plt.subplots()
    assert diplo.plot_claims(c, "relations_upgraded", ax=one) is one
    with pytest.raises(ValueError):
        diplo.plot_claims(c, ax=one)
    plt.close("all")
