#!/usr/bin/env python3
"""How big the report page of a collection is and how fast headless Chromium opens it.

    .venv/bin/python scripts/page-measure.py ../shared/corpus

Builds the page (timed), then opens a copy of it in headless Chromium with
the network cut off, three times, and prints when DOMContentLoaded and load
fired (the page's own timing, browser start-up left out) and the first
contentful paint. A measurement to write down, not a test.
"""

from __future__ import annotations

import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

import diplo

TIMING = """<script>window.addEventListener("load", function () { setTimeout(function () {
var t = performance.getEntriesByType("navigation")[0], p = document.createElement("pre");
var fcp = performance.getEntriesByName("first-contentful-paint")[0];
p.id = "timing"; p.textContent = JSON.stringify({dom: t.domContentLoadedEventEnd, load: t.loadEventEnd,
  fcp: fcp ? fcp.startTime : null, elements: document.getElementsByTagName("*").length});
document.body.appendChild(p); }, 0); });</script>"""


def main(inputs: list) -> int:
    tmp = pathlib.Path(tempfile.mkdtemp())
    t0 = time.perf_counter()
    c = diplo.Corpus(keep_texts=True)
    c.add_files(inputs or ["seeds"])
    t1 = time.perf_counter()
    info = c.to_html(tmp / "page.html")
    t2 = time.perf_counter()
    print(f"articles {c.counts()['read']}: extract {t1 - t0:.1f} s, page {t2 - t1:.1f} s; "
          f"{info['bytes'] / 1e6:.1f} MB, {info['sources_shown']} shown, {info['sources_summarised']} summarised")
    browser = shutil.which("chromium")
    if not browser:
        print("no chromium: open time not measured")
        return 0
    probe = tmp / "probe.html"
    probe.write_text((tmp / "page.html").read_text(encoding="utf-8").replace("</body>", TIMING + "</body>"),
                     encoding="utf-8")
    for _ in range(3):
        run = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                              "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={tmp / 'profile'}",
                              "--dump-dom", probe.as_uri()], capture_output=True, text=True, timeout=300)
        got = run.stdout.split('<pre id="timing">', 1)[-1].split("</pre>", 1)[0]
        t = json.loads(got)
        print(f"DOMContentLoaded {t['dom'] / 1000:.2f} s, load {t['load'] / 1000:.2f} s, "
              f"first paint {t['fcp'] / 1000:.2f} s, {t['elements']:,} elements")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
