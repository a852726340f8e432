"""The report as a page: what it says, that every quote leads to its span, that it needs no network.

Each page is checked from the HTML diplo wrote (parsed in Python) and, when
Debian's ``chromium`` is installed (``scripts/test.sh`` installs it), from
the DOM headless Chromium builds of it with the network cut off, where a
script checks every quote link in the browser and the net log shows the
page asked for nothing. Screenshots land in ``target/page-test/`` (not
committed). The corpus part reads 300 articles of ``../shared/corpus`` and
is skipped, saying so, when that folder is absent.
"""

from __future__ import annotations

import json
import os
import pathlib
import pickle
import re
import shutil
import subprocess
import sys
from typing import Any, Dict, List, Optional

import pytest

import diplo
from diplo import display, page

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from pagedom import evidence_links, network_references, parse, squash  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED_CORPUS = pathlib.Path(os.environ.get("DIPLO_SHARED", ROOT.parent / "shared")) / "corpus"
ARTIFACTS = ROOT / "target" / "page-test"
needs_extras = pytest.mark.skipif(bool(page.missing_extras()),
                                  reason=f"the report extras are not installed: {page.INSTALL}")


def chromium() -> Optional[str]:
    return shutil.which("chromium") or shutil.which("chromium-browser")


needs_browser = pytest.mark.skipif(chromium() is None, reason="headless Chromium is not installed (Debian package "
                                                              "`chromium`; scripts/test.sh installs it as root)")

# Appended to a copy of the page in the browser runs: follows every quote
# link, spells its span from the pieces that carry its id, checks they are
# highlighted, that the page fits a phone's width, and that following a link
# marks its pieces; the result goes into the DOM for --dump-dom.
CHECK_JS = """
<script>
window.addEventListener("load", function () {
  // headless Chromium's window is at least 500 px wide: a phone's width is set on the page itself
  if (WIDTH) document.documentElement.style.width = WIDTH + "px";
  var out = {links: 0, bad: [], width: document.body.clientWidth, overflow: 0, unmarked: 0, hit: null};
  var pieces = {};
  document.querySelectorAll("mark[data-ev]").forEach(function (m) {
    m.getAttribute("data-ev").split(" ").forEach(function (k) { (pieces[k] = pieces[k] || []).push(m); });
    var bg = getComputedStyle(m).backgroundColor;
    if (bg === "rgba(0, 0, 0, 0)" || bg === "transparent") out.unmarked++;
  });
  var first = null;
  document.querySelectorAll("a.ev").forEach(function (a) {
    out.links++;
    var id = decodeURIComponent(a.getAttribute("href").slice(1));
    var el = document.getElementById(id);
    var quote = a.querySelector("q").textContent;
    var spelled = (pieces[id] || []).map(function (m) { return m.textContent; }).join("");
    if (!el || !el.classList.contains("diplo-anchor") || spelled !== quote) out.bad.push([id, quote, spelled]);
    first = id;  // the last link: its span is furthest down the page
  });
  out.overflow = document.body.scrollWidth - document.body.clientWidth;
  function report() {
    var pre = document.createElement("pre");
    pre.id = "diplo-check";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }
  if (!first) { report(); return; }
  location.hash = "#" + first;
  setTimeout(function () {
    out.hit = (pieces[first] || []).every(function (m) { return m.classList.contains("hit"); });
    var box = (pieces[first] || [document.body])[0].getBoundingClientRect();
    out.inview = box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
    report();
  }, 300);
});
</script>
"""

OFFLINE = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9"]


def browse(html_path: pathlib.Path, out_dir: pathlib.Path, width: int = 0) -> Dict[str, Any]:
    """Opens a copy of the page with CHECK_JS in headless Chromium, network cut off
    (``width``: laid out that many pixels wide): the DOM it built, the check's
    result and the page's own requests (from the net log)."""
    probe = out_dir / f"{html_path.stem}-probe-{width}.html"
    js = CHECK_JS.replace("WIDTH", str(width))
    probe.write_text(html_path.read_text(encoding="utf-8").replace("</body>", js + "</body>"), encoding="utf-8")
    netlog = out_dir / f"{html_path.stem}-{width}.netlog.json"
    cmd = [chromium(), *OFFLINE, "--window-size=1280,900", "--virtual-time-budget=5000",
           f"--log-net-log={netlog}", f"--user-data-dir={out_dir / 'profile'}", "--dump-dom", probe.as_uri()]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    dom = parse(run.stdout)
    check = next(n for n in dom.iter() if n.attrs.get("id") == "diplo-check")
    return {"dom": dom, "check": json.loads(check.text()), "requests": page_requests(netlog)}


def page_requests(netlog: pathlib.Path) -> List[str]:
    """URLs the page asked for: requests whose initiator is an origin (the
    browser's own background calls, blocked here anyway, have none)."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    starts = [e.get("params") or {} for e in log["events"] if e.get("type") == start]
    return [p["url"] for p in starts if "url" in p and p.get("initiator") != "not an origin"]


def screenshot(html_path: pathlib.Path, png: pathlib.Path, width: int, height: int, profile: pathlib.Path) -> None:
    png.parent.mkdir(parents=True, exist_ok=True)
    cmd = [chromium(), *OFFLINE, f"--window-size={width},{height}", f"--screenshot={png}",
           f"--user-data-dir={profile}", html_path.as_uri()]
    subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=True)
    assert png.stat().st_size > 10_000


def static_checks(html: str, report: Dict[str, Any]) -> Dict[str, Any]:
    """What holds of any page, from the HTML itself: sections in order, every
    quote link spelling its quote, nothing fetched, links only to the page or to the articles' own URLs."""
    dom = parse(html)
    sections = [n.attrs["id"] for n in dom.iter() if n.tag == "section"]
    assert sections[:5] == ["findings", "partnerships", "claims", "meetings", "commitments"]
    assert sections.index("sources") > sections.index("meetings")
    links = evidence_links(dom)
    bad = [x for x in links if x["anchor"] != "diplo-anchor" or x["spelled"] != x["quote"]]
    assert not bad, bad[:5]
    assert network_references(dom) == []
    urls = {d.get("source_url") for d in report["documents"]} - {None}
    for a in dom.find_all(lambda n: n.tag == "a"):
        href = a.attrs.get("href", a.attrs.get("xlink:href", ""))
        assert href.startswith("#") or href in urls, href
    assert "<script src" not in html and not re.search(r"https?://[^\"' ]+\.(js|css|woff2?|ttf)\b", html)
    return {"dom": dom, "links": links}


def finding_texts(dom: Any) -> List[str]:
    section = next(n for n in dom.iter() if n.attrs.get("id") == "findings")
    return [squash(n.text()) for n in section.find_all(lambda n: "finding" in n.classes())]


def assert_seed_findings(dom: Any) -> None:
    """The seeds' known conflicts, as the findings section shows them."""
    found = finding_texts(dom)
    meeting = [f for f in found if "time_of_day" in f]
    assert meeting and "2025-07-22" in meeting[0] and "evening" in meeting[0] and "afternoon" in meeting[0]
    leaders = [f for f in found if "leader_foreign_activities 2024" in f]
    assert leaders and "≈50" in leaders[0] and "stated 59" in leaders[0]
    agreements = [f for f in found if "agreements_signed 2024" in f]
    assert agreements and all(x in agreements[0] for x in ("≈100", "≈126.5", "≈140", "spread 100–140"))
    # sources side by side, evidence quoted: the four comparisons, each a link to its span
    assert agreements[0].count("«") >= 4 and "gấp 2,5 lần năm 2024" in agreements[0]


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory: Any) -> Dict[str, Any]:
    if page.missing_extras():
        pytest.skip(f"the report extras are not installed: {page.INSTALL}")
    c = diplo.Corpus(keep_texts=True)
    c.add_files(ROOT / "seeds")
    out = tmp_path_factory.mktemp("page") / "seeds.html"
    info = c.to_html(out, title="diplo report: seeds")
    return {"path": out, "html": out.read_text(encoding="utf-8"), "report": c.report(), "info": info}


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory: Any) -> Dict[str, Any]:
    if page.missing_extras():
        pytest.skip(f"the report extras are not installed: {page.INSTALL}")
    files = sorted(SHARED_CORPUS.glob("*.jsonl")) if SHARED_CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"no shared corpus at {SHARED_CORPUS}: the 300-article page is not checked")
    tmp = tmp_path_factory.mktemp("corpus")
    sample = tmp / "sample.jsonl"
    with open(sample, "w", encoding="utf-8") as out:
        per_file = 300 // len(files) + 1
        taken = 0
        for f in files:
            with open(f, encoding="utf-8") as fh:
                for n, line in enumerate(fh):
                    if n >= per_file or taken >= 300:
                        break
                    out.write(line)
                    taken += 1
    c = diplo.Corpus(keep_texts=True)
    c.add_files(sample)
    assert c.counts()["read"] == 300
    path = tmp / "corpus300.html"
    info = c.to_html(path)
    return {"path": path, "html": path.read_text(encoding="utf-8"), "report": c.report(), "info": info}


def test_seeds_page_lists_the_known_conflicts_and_links_every_quote(seeds_page: Dict[str, Any]) -> None:
    got = static_checks(seeds_page["html"], seeds_page["report"])
    assert_seed_findings(got["dom"])
    assert len(got["links"]) >= 40
    # every article has records, so all five are shown and every quote is a link
    assert seeds_page["info"]["sources_shown"] == 5 and seeds_page["info"]["sources_summarised"] == 0
    assert 'class="ev-off"' not in seeds_page["html"]
    # the findings' quotes are there, each spelling the article's own text
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    for f in seeds_page["report"]["findings"]:
        for e in f["evidence"]:
            assert texts[e["document"]][e["start"]:e["end"]] == e["text"]
            assert any(x["quote"] == e["text"] for x in got["links"])
    html = seeds_page["html"]
    # charts are inline SVG drawn by Vega-Lite, their marks linked to the quotes
    assert html.count("<svg") >= 4 and 'xlink:href="#e' in html
    assert html.index('id="findings"') < html.index('id="partnerships"') < html.index('id="claims"') \
        < html.index('id="meetings"') < html.index('id="sources"')


@needs_browser
def test_seeds_page_in_chromium_offline(seeds_page: Dict[str, Any], tmp_path: pathlib.Path) -> None:
    got = browse(seeds_page["path"], tmp_path)
    assert got["requests"] == []
    check = got["check"]
    assert check["links"] >= 40 and check["bad"] == [] and check["unmarked"] == 0
    assert check["hit"] is True and check["inview"] is True  # following a link shows and marks its span
    assert_seed_findings(got["dom"])
    assert static_checks(seeds_page["html"], seeds_page["report"])["links"]
    phone = browse(seeds_page["path"], tmp_path, width=390)["check"]
    assert phone["width"] == 390 and phone["overflow"] <= 0, phone  # nothing wider than a phone
    screenshot(seeds_page["path"], ARTIFACTS / "seeds.png", 1280, 2400, tmp_path / "profile")
    screenshot(seeds_page["path"], ARTIFACTS / "seeds-narrow.png", 500, 2400, tmp_path / "profile")


def test_corpus_page_links_every_quote(corpus_page: Dict[str, Any]) -> None:
    got = static_checks(corpus_page["html"], corpus_page["report"])
    info = corpus_page["info"]
    docs = corpus_page["report"]["documents"]
    with_records = [d for d in docs if d["meetings"] + d["metrics"] + d["commitments"]]
    assert info["sources_shown"] == len(with_records) and info["sources_summarised"] == 300 - len(with_records)
    assert len(got["links"]) > 100
    assert "articles without records are listed, not shown" in corpus_page["html"]


@needs_browser
def test_corpus_page_in_chromium_offline(corpus_page: Dict[str, Any], tmp_path: pathlib.Path) -> None:
    got = browse(corpus_page["path"], tmp_path)
    assert got["requests"] == []
    assert got["check"]["links"] > 100 and got["check"]["bad"] == [] and got["check"]["unmarked"] == 0
    assert got["check"]["hit"] is True and got["check"]["inview"] is True
    screenshot(corpus_page["path"], ARTIFACTS / "corpus300.png", 1280, 2400, tmp_path / "profile")


def test_the_net_log_check_sees_a_remote_resource(tmp_path: pathlib.Path) -> None:
    """The checks above would catch a page that fetches something."""
    bad = '<html><body><img src="http://example.invalid/x.png"><link rel="stylesheet" href="//cdn.invalid/a.css">' \
          '<p style="background: url(https://x.invalid/b.png)">x</p></body></html>'
    assert len(network_references(parse(bad))) >= 4
    if chromium() is None:
        pytest.skip("headless Chromium is not installed")
    path = tmp_path / "bad.html"
    path.write_text(bad, encoding="utf-8")
    cmd = [chromium(), *OFFLINE, f"--log-net-log={tmp_path / 'n.json'}", f"--user-data-dir={tmp_path / 'p'}",
           "--dump-dom", path.as_uri()]
    subprocess.run(cmd, capture_output=True, timeout=120, check=True)
    assert any("example.invalid" in u for u in page_requests(tmp_path / "n.json"))


def test_without_texts_the_page_quotes_but_does_not_link(tmp_path: pathlib.Path) -> None:
    if page.missing_extras():
        pytest.skip(f"the report extras are not installed: {page.INSTALL}")
    c = diplo.Corpus()
    c.add_files(ROOT / "seeds")
    info = c.to_html(tmp_path / "p.html")
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert info["sources_shown"] == 0 and info["sources_summarised"] == 5
    assert 'class="ev"' not in html and 'class="ev-off"' in html and "their text was not kept" in html
    assert_seed_findings(parse(html))


def test_max_sources_summarises_the_rest_and_says_so(tmp_path: pathlib.Path) -> None:
    if page.missing_extras():
        pytest.skip(f"the report extras are not installed: {page.INSTALL}")
    c = diplo.Corpus(keep_texts=True)
    c.add_files(ROOT / "seeds")
    info = c.to_html(tmp_path / "p.html", max_sources=2)
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert info["sources_shown"] == 2 and info["sources_summarised"] == 3
    assert "3 articles with records are summarised, not shown" in html
    static_checks(html, c.report())  # the links that remain still resolve


def test_the_most_quoted_articles_are_shown_first() -> None:
    report = {"documents": [{"id": d, "metrics": 1} for d in "abcd"] + [{"id": "e"}],
              "findings": [{"kind": "conflicting_claim", "evidence": [{"document": "c", "start": 0, "end": 1}]}],
              "claims": [{"verdict": "single", "values": [{"document": "b", "start": 0, "end": 1},
                                                          {"document": "b", "start": 2, "end": 3}]},
                         {"verdict": "single", "values": [{"document": "d", "start": 0, "end": 1}]}]}
    cites = page.cite_all(report)
    kept = {d: (None, "x" * 10) for d in "abcd"}
    chosen, why = page.choose(report, kept, cites, max_sources=3, max_chars=1000)
    assert chosen == ["c", "b", "d"]
    assert why == {"a": page.OVER_LIMIT, "e": "no records"}
    chosen, why = page.choose(report, kept, cites, max_sources=9, max_chars=15)
    assert chosen == ["c"] and why["b"] == page.OVER_LIMIT


def test_kept_texts_survive_pickling_and_add_document() -> None:
    c = diplo.Corpus(keep_texts=True)
    c.add_texts([("Năm 2025, Việt Nam đã ký kết 350 thỏa thuận hợp tác.", "a", "2025-12-30"), ("Trời mưa.", "b")])
    doc = diplo.extract("Kiều hối năm 2025 đạt hơn 16 tỷ USD.", id="c", date="2026-01-05")
    c.add_document(doc)
    assert c.texts_kept()["kept"] == 2 and c.texts_kept()["over_budget"] == 0
    back = pickle.loads(pickle.dumps(c))
    assert back._inner.kept_texts() == c._inner.kept_texts()
    assert [k[:2] for k in back._inner.kept_texts()] == [("a", "2025-12-30"), ("c", "2026-01-05")]
    small = diplo.Corpus(keep_texts=10)
    small.add_texts([("Năm 2025, Việt Nam đã ký kết 350 thỏa thuận hợp tác.", "a")])
    assert small.texts_kept() == {"budget": 10, "used": 0, "kept": 0, "over_budget": 1}
    assert diplo.Corpus().texts_kept()["budget"] == 0


def test_highlight_names_spans_for_links() -> None:
    spans = [(0, 10, "meeting", 0, "m"), (4, 14, "metric", 0, "x")]
    out = display.highlight("0123456789abcdef", spans, ids={(0, 10): "a", (4, 14): "b"})
    dom = parse(f"<div>{out}</div>")
    spell = {k: "".join(m.text() for m in dom.iter() if m.tag == "mark" and k in m.attrs.get("data-ev", "").split())
             for k in "ab"}
    assert spell == {"a": "0123456789", "b": "456789abcd"}
    anchors = [n.attrs["id"] for n in dom.iter() if "diplo-anchor" in n.classes()]
    assert anchors == ["a", "b"]


def test_missing_extras_say_what_to_install(monkeypatch: Any, capsys: Any, tmp_path: pathlib.Path) -> None:
    from diplo.__main__ import main

    monkeypatch.setattr(page, "missing_extras", lambda: ["vl-convert-python"])
    assert main(["report", "--html", str(tmp_path / "x.html"), str(ROOT / "seeds")]) == 2
    err = capsys.readouterr().err
    assert "pip install 'diplo[report]'" in err and "vl-convert-python" in err
    assert not (tmp_path / "x.html").exists()
    with pytest.raises(ImportError, match=r"diplo\[report\]"):
        diplo.Corpus().to_html(tmp_path / "y.html")


@needs_extras
def test_cli_writes_the_page(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "r.html"
    run = subprocess.run([sys.executable, "-m", "diplo", "report", "--html", str(out), "seeds"], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "" and f"wrote {out}" in run.stderr
    assert_seed_findings(parse(out.read_text(encoding="utf-8")))


UPGRADES = [("Năm 2013, Việt Nam và Hoa Kỳ thiết lập quan hệ Đối tác Toàn diện.", "us-2013", "2013-07-26"),
            ("Ngày 10/9/2023, Việt Nam và Hoa Kỳ nâng cấp quan hệ lên Đối tác Chiến lược Toàn diện.", "us-2023",
             "2023-09-11"),
            ("Tháng 11/2023, Việt Nam và Nhật Bản đã nâng cấp quan hệ lên Đối tác Chiến lược Toàn diện.", "jp",
             "2023-11-28")]


def test_partnership_steps_link_to_their_evidence(tmp_path: pathlib.Path) -> None:
    if page.missing_extras():
        pytest.skip(f"the report extras are not installed: {page.INSTALL}")
    c = diplo.Corpus(keep_texts=True)
    c.add_texts(UPGRADES)
    steps = [(p["partner"]["code"], lv["level"]) for p in c.partnerships() for lv in p["levels"]]
    assert ("US", "comprehensive_partnership") in steps and ("JP", "comprehensive_strategic_partnership") in steps
    c.to_html(tmp_path / "p.html")
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    got = static_checks(html, c.report())
    section = next(n for n in got["dom"].iter() if n.attrs.get("id") == "partnerships")
    # the ladder: one chart, each step a link to its quote; and the table, each step quoted with a link
    svg_links = [n.attrs["xlink:href"] for n in section.iter() if n.tag == "a" and "xlink:href" in n.attrs]
    table_links = [a.attrs["href"] for a in section.iter() if a.tag == "a" and "ev" in a.classes()]
    assert len(svg_links) == len(steps) and set(svg_links) == set(table_links)
    assert "comprehensive strategic partnership" in squash(section.text())


def test_hostile_text_and_ids_stay_text(tmp_path: pathlib.Path) -> None:
    if page.missing_extras():
        pytest.skip(f"the report extras are not installed: {page.INSTALL}")
    evil = '<script>alert(1)</script><img src="http://x.invalid/a.png">'
    c = diplo.Corpus(keep_texts=True)
    c.add_texts([(f"Năm 2025, Việt Nam đã ký kết 350 thỏa thuận hợp tác {evil}.", f"a{evil}", "2025-12-30"),
                 (f"Năm 2025, Việt Nam đã ký kết 250 thỏa thuận hợp tác.\n{evil}", "b\"'><", "2025-12-30")])
    c.to_html(tmp_path / "p.html")
    html = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert html.count("<script") == 1 and "<img" not in html
    got = static_checks(html, c.report())
    assert len(got["links"]) >= 2
    assert page.View.url("javascript:alert(1)") is None and page.View.url("https://vnexpress.net/a.html")
