"""A small DOM for tests: the page as Python (or Chromium's dump of it) parsed into elements.

The report page is checked the same way whether or not a browser is there:
from the HTML it wrote, and from the DOM headless Chromium built of it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Callable, Dict, Iterator, List, Optional

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_VOID = {"path", "rect", "line", "circle", "ellipse", "polygon", "polyline", "use", "image", "stop"}


class Node:
    def __init__(self, tag: str, attrs: Dict[str, str], parent: Optional["Node"]) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: List[object] = []  # Node or str

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self) -> Iterator["Node"]:
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.iter()

    def find_all(self, pred: Callable[["Node"], bool]) -> List["Node"]:
        return [n for n in self.iter() if pred(n)]

    def classes(self) -> List[str]:
        return self.attrs.get("class", "").split()

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[override]
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs: list) -> None:  # type: ignore[override]
        self.cur.children.append(Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.cur))

    def handle_endtag(self, tag: str) -> None:
        n: Optional[Node] = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data: str) -> None:
        self.cur.children.append(data)


def parse(html: str) -> Node:
    b = _Builder()
    b.feed(html)
    b.close()
    return b.root


def squash(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def evidence_links(root: Node) -> List[Dict[str, str]]:
    """Every quote link: its target id, its quoted text, the anchor's class and the text its span's pieces spell."""
    ids = {n.attrs["id"]: n for n in root.iter() if "id" in n.attrs}
    pieces: Dict[str, List[str]] = {}
    for m in root.iter():
        if m.tag == "mark" and m.attrs.get("data-ev"):
            for key in m.attrs["data-ev"].split():
                pieces.setdefault(key, []).append(m.text())
    out = []
    for a in root.find_all(lambda n: n.tag == "a" and "ev" in n.classes()):
        target = a.attrs.get("href", "")[1:]
        anchor = ids.get(target)
        quote = next((q.text() for q in a.iter() if q.tag == "q"), None)
        out.append({"target": target, "quote": quote or "", "anchor": " ".join(anchor.classes()) if anchor else "",
                    "spelled": "".join(pieces.get(target, [])), "pieces": str(len(pieces.get(target, [])))})
    return out


RESOURCE_ATTRS = {"src", "srcset", "poster", "data", "background"}


def network_references(root: Node) -> List[str]:
    """Everything that would make the browser fetch something from the network when the page opens."""
    bad = []
    remote = re.compile(r"^\s*(https?:)?//", re.I)
    for n in root.iter():
        for k, v in n.attrs.items():
            if k in RESOURCE_ATTRS and (remote.search(v) or n.tag in ("script", "iframe")):
                bad.append(f"{n.tag} {k}={v}")
            if k in ("href", "xlink:href") and n.tag not in ("a",) and not v.startswith("#"):
                bad.append(f"{n.tag} {k}={v}")  # <link>, <use>, <image>: resources, not navigation
            if k == "style" and re.search(r"url\(|@import", v, re.I):
                bad.append(f"{n.tag} style={v[:80]}")
        if n.tag == "style" and re.search(r"url\(|@import", n.text(), re.I):
            bad.append("a <style> with url() or @import")
        if n.tag in ("link", "img", "iframe", "object", "embed", "video", "audio", "source", "image"):
            bad.append(f"a <{n.tag}> element")
        if n.tag == "meta" and n.attrs.get("http-equiv", "").lower() == "refresh":
            bad.append("a meta refresh")
    return bad
