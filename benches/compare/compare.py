#!/usr/bin/env python3
"""Side-by-side speed of diplo and what an analyst would use otherwise.

Run through ``benches/compare/run.sh`` (which sets up the virtualenv and the
builds). Every tool runs in its own process, on the same input (the seeds
repeated to ``--mb`` megabytes, one document per seed copy), single thread
unless its row says otherwise, so each peak memory figure is that tool's own.

Fast tools make up to ``--runs`` full passes and report the median; a pass
that exceeds ``--budget`` seconds stops there, and the tool is measured on
the slice it got through (the table says so): MB/s is bytes processed over
time taken, which is how a throughput scales to the full input.

Writes ``benches/RESULTS.md`` (``--out``) and prints the same table.
"""

import argparse
import datetime
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sections

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
THROUGHPUT = REPO / "target" / "release" / "examples" / "throughput"
STREAMING = REPO / "target" / "release" / "examples" / "streaming"


# ----------------------------------------------------------------------------
# Input
# ----------------------------------------------------------------------------

def make_input(mb: float, path: Path) -> dict:
    """Seeds repeated (in file-name order) to at least ``mb`` MB, as JSONL."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    if not seeds:
        sys.exit("compare: no seeds/*.txt")
    target = int(mb * 1e6)
    total = 0
    n = 0
    with path.open("w", encoding="utf-8") as f:
        while total < target:
            t = seeds[n % len(seeds)]
            f.write(json.dumps({"id": f"seed{n}", "text": t}, ensure_ascii=False) + "\n")
            total += len(t.encode("utf-8"))
            n += 1
    return {"docs": n, "bytes": total, "path": str(path)}


def load_texts(path: str) -> list:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


# ----------------------------------------------------------------------------
# Workers: one tool in this process, one JSON line on stdout
# ----------------------------------------------------------------------------

def split_sentences(text: str) -> list:
    """A plain splitter (lines, then '. ' / '! ' / '? '), outside the timing."""
    out = []
    for line in text.split("\n"):
        for s in re.split(r"(?<=[.!?…])\s+", line):
            s = s.strip()
            if s:
                out.append(s)
    return out


NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
DATE_RE = re.compile(
    r"(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?"
    r"|(?:tháng|quý)\s+\d{1,2}(?:[/-]\d{4})?"
    r"|năm\s+\d{4}",
    re.IGNORECASE,
)


def titles_re() -> "re.Pattern":
    rows = (REPO / "diplo-core" / "data" / "titles.tsv").read_text(encoding="utf-8").splitlines()
    titles = [r.split("\t")[0].strip() for r in rows if r.strip() and not r.lstrip().startswith("#")]
    titles.sort(key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in titles if t))


NUMBER_ONLY = re.compile(r"^\s*\d+(?:[.,/-]\d+)*\s*$")


def false_date(matched: str) -> bool:
    """A dateparser hit that cannot be a date in Vietnamese news: a bare
    number-shaped string that is neither a year (1900-2100) nor a valid
    day/month[/year] ('2,5', '10/13', '350', '1.000')."""
    if not NUMBER_ONLY.match(matched):
        return False
    s = matched.strip()
    if re.fullmatch(r"(19|20)\d\d", s) or re.fullmatch(r"(19|20)\d\d-\d\d-\d\d", s):
        return False
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?", s)
    if m and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12 and "," not in s:
        return False
    return True


def worker(tool: str, input_path: str, runs: int, budget: float) -> dict:
    texts = load_texts(input_path)
    extra: dict = {}
    setup_t = time.perf_counter()

    # Each tool is (prepare() -> units, run(unit) -> None, bytes_of(unit)).
    if tool in ("diplo-py-extract", "diplo-py-extract-json", "diplo-py-batch", "diplo-py-jsonbatch"):
        import diplo
        extra["version"] = getattr(diplo, "__version__", "?")
        units = texts
        if tool == "diplo-py-extract":
            def run(u):
                d = diplo.extract(u)
                return len(d.metrics) + len(d.meetings) + len(d.commitments)
        elif tool == "diplo-py-extract-json":
            def run(u):
                return len(diplo.extract_json(u))
        else:
            run = None  # whole batch below
    elif tool in ("underthesea-ner", "underthesea-word-tokenize"):
        import underthesea
        from underthesea import ner, word_tokenize
        extra["version"] = getattr(underthesea, "__version__", "?")
        units = [s for t in texts for s in split_sentences(t)]
        # Loading the models is set-up, not throughput.
        (ner if tool == "underthesea-ner" else word_tokenize)("Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản.")
        if tool == "underthesea-ner":
            def run(u):
                return sum(1 for tok in ner(u) if tok[-1] != "O")
        else:
            def run(u):
                return len(word_tokenize(u))
    elif tool == "dateparser-search-dates":
        import dateparser
        from dateparser.search import search_dates
        extra["version"] = getattr(dateparser, "__version__", "?")
        units = texts
        search_dates("ngày 22/7/2025", languages=["vi"])
        hits = {"n": 0, "false": 0, "examples": []}

        def run(u):
            found = search_dates(u, languages=["vi"]) or []
            for s, dt in found:
                hits["n"] += 1
                if false_date(s):
                    hits["false"] += 1
                    if len(hits["examples"]) < 6 and all(s != e[0] for e in hits["examples"]):
                        hits["examples"].append((s, dt.date().isoformat()))
            return len(found)
        extra["hits"] = hits
    elif tool == "python-re":
        titles = titles_re()
        units = texts

        def run(u):
            return (sum(1 for _ in NUMBER_RE.finditer(u)) + sum(1 for _ in DATE_RE.finditer(u))
                    + sum(1 for _ in titles.finditer(u)))
    else:
        raise SystemExit(f"compare: unknown tool {tool}")
    setup_s = time.perf_counter() - setup_t

    unit_bytes = [len(u.encode("utf-8")) for u in units]
    passes = []  # (seconds, bytes, units, cpu seconds)
    sliced = False
    for _ in range(max(1, runs)):
        r0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.perf_counter()
        done_bytes = 0
        done_units = 0
        if run is None:  # diplo batch: one call over everything
            if tool == "diplo-py-jsonbatch":  # the binding alone: JSON strings, no Python records
                out = diplo._diplo.extract_batch_json([(u, None, None) for u in units])
            else:
                out = diplo.extract_batch(units)
            assert len(out) == len(units)
            done_bytes, done_units = sum(unit_bytes), len(units)
        else:
            for u, b in zip(units, unit_bytes):
                run(u)
                done_bytes += b
                done_units += 1
                if time.perf_counter() - t0 > budget:
                    break
        secs = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        passes.append((secs, done_bytes, done_units, cpu))
        if done_units < len(units):
            sliced = True
            break
        if sum(p[0] for p in passes) > budget:
            break

    # Median pass by speed.
    passes.sort(key=lambda p: p[1] / p[0])
    secs, done_bytes, done_units, cpu = passes[len(passes) // 2]
    # Documents/s: for per-sentence tools, documents' worth of bytes per second.
    total_bytes = sum(unit_bytes)
    docs_equiv = len(texts) * done_bytes / total_bytes
    if tool == "dateparser-search-dates":
        h = extra.pop("hits")
        extra["dates_found"] = h["n"]
        extra["false_dates"] = h["false"]
        extra["false_examples"] = h["examples"]
    return {
        "tool": tool,
        "threads": int(os.environ.get("RAYON_NUM_THREADS", "1")) if tool == "diplo-py-batch" else 1,
        "docs": round(docs_equiv, 1),
        "bytes": done_bytes,
        "total_bytes": total_bytes,
        "units": done_units,
        "sliced": sliced,
        "runs": len(passes),
        "secs_median": secs,
        "mb_s": done_bytes / 1e6 / secs,
        "docs_s": docs_equiv / secs,
        "mb_per_cpu_s": (done_bytes / 1e6 / cpu) if cpu > 0 else None,
        "setup_s": setup_s,
        "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        **extra,
    }


# ----------------------------------------------------------------------------
# Driver
# ----------------------------------------------------------------------------

def run_json(cmd: list, env=None, timeout=None) -> dict:
    """Runs one measuring process; its last stdout line is JSON."""
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout} s"}
    except OSError as e:
        return {"error": str(e)}
    if p.returncode != 0:
        tail = (p.stderr or p.stdout).strip().splitlines()[-3:]
        return {"error": " / ".join(tail) or f"exit {p.returncode}"}
    sys.stderr.write(p.stderr)
    lines = [l for l in p.stdout.splitlines() if l.strip()]
    try:
        return json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": "no JSON result"}


def importable(module: str) -> bool:
    p = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    return p.returncode == 0


def machine() -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass

    def out(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, cwd=REPO).stdout.strip()
        except OSError:
            return ""

    commit = out(["git", "rev-parse", "--short=12", "HEAD"]) or "unknown"
    dirty = bool(out(["git", "status", "--porcelain", "--untracked-files=no"]))
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "mem": mem,
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "rustc": out(["rustc", "--version"]),
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
    }


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


TOOLS = [
    # key, label, kind, how it runs
    ("rust-extract", "diplo Rust `extract`, per document", "rust", ["--tool", "extract"]),
    ("rust-extract-many-1", "diplo Rust `extract_many`, 1 thread", "rust", ["--tool", "extract-many", "--threads", "1"]),
    ("rust-extract-many-2", "diplo Rust `extract_many`, 2 threads", "rust", ["--tool", "extract-many", "--threads", "2"]),
    ("diplo-py-extract", "diplo Python `extract()` (Document objects), per document", "py", None),
    ("diplo-py-extract-json", "diplo Python `extract_json()`, per document", "py", None),
    ("diplo-py-batch", "diplo Python `extract_batch()`, 1 thread", "py", {"RAYON_NUM_THREADS": "1"}),
    ("diplo-py-batch-2", "diplo Python `extract_batch()`, 2 threads", "py", {"RAYON_NUM_THREADS": "2"}),
    ("diplo-py-jsonbatch", "diplo Python `extract_batch_json()` (JSON strings, no record objects), 1 thread", "py", {"RAYON_NUM_THREADS": "1"}),
    ("underthesea-ner", "underthesea `ner`, per sentence", "py", None),
    ("underthesea-word-tokenize", "underthesea `word_tokenize`, per sentence", "py", None),
    ("dateparser-search-dates", "dateparser `search_dates(languages=['vi'])`, per document", "py", None),
    ("python-re", "Python `re`: numbers, dates, titles (3 patterns)", "py", None),
    ("rust-ac-nfa", "aho-corasick, every lexicon keyword, contiguous NFA", "rust", ["--tool", "ac-nfa"]),
    ("rust-ac-dfa", "aho-corasick, every lexicon keyword, DFA", "rust", ["--tool", "ac-dfa"]),
    ("rust-number-regex", "Rust `regex`, one number pattern", "rust", ["--tool", "number-regex"]),
    ("rust-nfc", "`unicode-normalization` NFC (text already NFC)", "rust", ["--tool", "nfc"]),
]

NEEDS = {
    "diplo-py-extract": "diplo", "diplo-py-extract-json": "diplo", "diplo-py-batch": "diplo", "diplo-py-batch-2": "diplo", "diplo-py-jsonbatch": "diplo",
    "underthesea-ner": "underthesea", "underthesea-word-tokenize": "underthesea",
    "dateparser-search-dates": "dateparser",
}


def fmt(x, digits=None):
    if x is None:
        return "–"
    if digits is None:
        digits = 3 if x < 0.1 else 2 if x < 10 else 1 if x < 1000 else 0
    return f"{x:,.{digits}f}"


def ratio(x, ref):
    if not x or not ref:
        return "–"
    r = x / ref
    return f"{r:.2f}×" if r >= 0.1 else f"{r:.4f}× (diplo {ref / x:,.0f}× faster)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=10.0, help="input size: seeds repeated to this many MB (default 10)")
    ap.add_argument("--runs", type=int, default=3, help="full passes per fast tool, median reported (default 3)")
    ap.add_argument("--budget", type=float, default=30.0, help="seconds per tool before it is measured on a slice (default 30)")
    ap.add_argument("--streaming-docs", type=int, default=10_000, help="documents of the streaming memory run (0 to skip)")
    ap.add_argument("--only", default="", help="comma-separated tool keys to run (default: all)")
    ap.add_argument("--out", default=str(REPO / "benches" / "RESULTS.md"), help="Markdown table to write ('' to skip)")
    ap.add_argument("--install-log", default="", help="set-up notes from run.sh (tools that could not be installed)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    a = ap.parse_args()

    if a.worker:
        print(json.dumps(worker(a.worker, a.input, a.runs, a.budget), ensure_ascii=False))
        return

    if not THROUGHPUT.exists():
        sys.exit(f"compare: {THROUGHPUT} is missing: cargo build --release -p diplo-benches --examples")

    only = {k for k in a.only.split(",") if k}
    install_notes = {}
    if a.install_log and Path(a.install_log).exists():
        for line in Path(a.install_log).read_text().splitlines():
            if "\t" in line:
                k, v = line.split("\t", 1)
                install_notes[k] = v

    tmp = Path(tempfile.mkdtemp(prefix="diplo-compare-"))
    inp = make_input(a.mb, tmp / "input.jsonl")
    print(f"input: seeds repeated to {inp['bytes'] / 1e6:.2f} MB, {inp['docs']} documents", file=sys.stderr)
    info = machine()
    load_before = loadavg()
    started = datetime.datetime.now(datetime.timezone.utc)

    have = {}
    results = {}
    for key, label, kind, how in TOOLS:
        if only and key not in only:
            continue
        mod = NEEDS.get(key)
        if mod is not None:
            if mod not in have:
                have[mod] = importable(mod)
            if not have[mod]:
                note = install_notes.get(mod, "could not be installed")
                results[key] = {"error": f"`{mod}` not available: {note}"}
                print(f"{key}: skipped ({mod} not importable)", file=sys.stderr)
                continue
        print(f"{key} …", file=sys.stderr, flush=True)
        if kind == "rust":
            r = run_json([str(THROUGHPUT), *how, "--runs", str(a.runs), inp["path"]], timeout=a.budget * a.runs * 20 + 600)
        else:
            worker_key = "diplo-py-batch" if key.startswith("diplo-py-batch") else key
            env = dict(os.environ)
            env.setdefault("RAYON_NUM_THREADS", "1")
            if isinstance(how, dict):
                env.update(how)
            r = run_json([sys.executable, __file__, "--worker", worker_key, "--input", inp["path"],
                          "--runs", str(a.runs), "--budget", str(a.budget)], env=env, timeout=a.budget * (a.runs + 2) + 600)
        results[key] = r
        if "error" in r:
            print(f"  failed: {r['error']}", file=sys.stderr)
        else:
            print(f"  {r['mb_s']:.3f} MB/s, {r['docs_s']:.1f} docs/s, peak {r.get('peak_rss_kb') or 0} kB", file=sys.stderr)

    streaming = None
    if a.streaming_docs > 0 and STREAMING.exists() and (not only or "streaming" in only):
        print(f"streaming {a.streaming_docs} documents …", file=sys.stderr, flush=True)
        streaming = run_json([str(STREAMING), "--docs", str(a.streaming_docs)], timeout=3600)

    load_after = loadavg()
    finished = datetime.datetime.now(datetime.timezone.utc)
    md = render(a, inp, info, results, streaming, started, finished, load_before, load_after)
    print(md)
    if a.out:
        # The shapes and corpus-memory sections belong to other programs: keep them.
        Path(a.out).write_text(md.rstrip("\n") + "\n\n" + sections.kept(Path(a.out)), encoding="utf-8")
        print(f"wrote {a.out}", file=sys.stderr)
    try:
        for p in tmp.iterdir():
            p.unlink()
        tmp.rmdir()
    except OSError:
        pass


def render(a, inp, info, results, streaming, started, finished, load_before, load_after) -> str:
    ref = results.get("rust-extract", {}).get("mb_s")
    L = []
    L.append("# diplo speed: side-by-side results")
    L.append("")
    L.append("Written by `./benches/compare/run.sh` (`benches/compare/compare.py`); do not edit by hand.")
    L.append("")
    L.append(f"- **date**: {started:%Y-%m-%d %H:%M} UTC (run took {(finished - started).total_seconds() / 60:.1f} min)")
    L.append(f"- **machine**: `nproc` = {info['nproc']}, CPU: {info['cpu']}, memory {info['mem']}, {info['os']}")
    L.append(f"- **load average** (1/5/15 min) before: {load_before}, after: {load_after} — other work on the machine lowers wall-clock MB/s; MB per CPU second is less affected")
    L.append(f"- **commit**: `{info['commit']}`; {info['rustc']}; Python {info['python']}")
    L.append(f"- **input**: the seeds (`seeds/*.txt`) repeated to {inp['bytes'] / 1e6:.2f} MB, {inp['docs']:,} documents, all NFC"
             f" (`--mb {a.mb:g}`); the same bytes for every tool")
    L.append(f"- **method**: one process per tool, single thread unless the row says otherwise; up to {a.runs} full passes,"
             f" median; a tool still running after {a.budget:g} s is measured on the slice it got through (\"slice\" column)"
             " and its rate is that slice's bytes over its time. Model loading and sentence splitting are outside the timing.")
    L.append("")
    L.append("| tool | MB/s | documents/s | tool ÷ diplo Rust | MB per CPU s | cores used | measured on | peak RSS | notes |")
    L.append("|---|---:|---:|---|---:|---:|---|---:|---|")
    for key, label, kind, how in TOOLS:
        if key not in results:
            continue
        r = results[key]
        if "error" in r:
            L.append(f"| {label} | – | – | – | – | – | – | – | not measured: {r['error'].replace('|', '/')} |")
            continue
        notes = []
        if key == "dateparser-search-dates":
            ex = ", ".join(f"'{s}' → {d}" for s, d in r.get("false_examples", []))
            notes.append(f"{r.get('dates_found', 0)} dates found, {r.get('false_dates', 0)} false (numbers read as dates: {ex})")
        if key.startswith("rust-ac"):
            notes.append(f"{r.get('count', 0):,} keyword hits; on the normalised lower-cased text")
        if key in ("rust-extract", "rust-extract-many-1", "rust-extract-many-2"):
            notes.append(f"{r.get('count', 0):,} records")
        if key.startswith("underthesea"):
            notes.append(f"{r.get('units', 0):,} sentences")
        if r.get("version"):
            notes.append(f"v{r['version']}")
        if key in ("rust-extract-many-2", "diplo-py-batch-2"):
            one = results.get("rust-extract-many-1" if key.startswith("rust") else "diplo-py-batch", {}).get("mb_s")
            if one:
                notes.append(f"{r['mb_s'] / one:.2f}× the 1-thread figure")
        measured = f"{r['bytes'] / 1e6:.2f} MB" + (" (slice)" if r.get("sliced") else "") + f", {r.get('runs', 1)} run(s)"
        peak = r.get("peak_rss_kb")
        cores = f"{r['mb_s'] / r['mb_per_cpu_s']:.2f}" if r.get("mb_per_cpu_s") and r["secs_median"] > 0.5 else "–"
        L.append(
            f"| {label} | {fmt(r['mb_s'])} | {fmt(r['docs_s'])} | {ratio(r['mb_s'], ref)} | {fmt(r.get('mb_per_cpu_s'))} "
            f"| {cores} | {measured} | {fmt(peak / 1024, 0) + ' MB' if peak else '–'} | {'; '.join(notes)} |"
        )
    L.append("")
    L.append("*MB per CPU s* is the input divided by the CPU time (user + system, all threads) the tool spent on it;"
             " *cores used* is CPU time over wall time: below 1.0 for a single thread, or below 2.0 for two, the process"
             " waited for a core that other work held, and its wall-clock MB/s is low by that much."
             " Peak RSS is the whole process: for Python rows it includes the interpreter, the library and its models,"
             " and the input held in memory (`extract_batch` also holds every result at once).")
    if streaming and "error" not in streaming:
        L.append("")
        L.append("## Streaming memory")
        L.append("")
        L.append("`cargo run --release -p diplo-benches --example streaming`: article files written to a temporary"
                 " directory (the shared corpus cycled when present, else the seeds and their variants), then read and"
                 " extracted one at a time, each result serialised and dropped.")
        L.append("")
        L.append("| documents | MB read | seconds | peak RSS (VmHWM) | RSS now | largest document so far | extract panics |")
        L.append("|---:|---:|---:|---:|---:|---:|---:|")
        for c in streaming.get("checkpoints", []):
            L.append(f"| {c['docs']:,} | {c['mb']:.1f} | {c['secs']:.1f} | {c['peak_rss_kb'] / 1024:.1f} MB "
                     f"| {c['rss_kb'] / 1024:.1f} MB | {c['largest_doc_bytes']:,} B | {c.get('panics', 0)} |")
        L.append("")
        L.append(f"Peak RSS before the first extraction: {(streaming.get('before_kb') or 0) / 1024:.1f} MB.")
    elif streaming:
        L.append("")
        L.append(f"Streaming memory run failed: {streaming['error']}")
    L.append("")
    L.append("## Against the targets of issue 9")
    L.append("")
    r1 = results.get("rust-extract-many-1", {}).get("mb_s")
    r2 = results.get("rust-extract-many-2", {}).get("mb_s")
    pyb = results.get("diplo-py-batch", {}).get("mb_s")
    L.append(f"- full extraction ≥ 100 MB/s per core: **{fmt(ref)} MB/s** (`extract`, 1 thread)")
    if r1 and r2:
        L.append(f"- ≥ 1.8× with 2 threads: **{r2 / r1:.2f}×** wall clock (`extract_many`, {fmt(r1)} → {fmt(r2)} MB/s)")
        c1 = results.get("rust-extract-many-1", {}).get("mb_per_cpu_s")
        c2 = results.get("rust-extract-many-2", {}).get("mb_per_cpu_s")
        if c1 and c2:
            cores2 = r2 / c2
            L.append(f"  - the 2-thread run got {cores2:.2f} cores of CPU time on average; per CPU second, 2 threads do"
                     f" {c2 / c1 * 100:.0f}% of the work 1 thread does (no parallel overhead), which bounds the speed-up at"
                     f" **{2 * c2 / c1:.2f}×** on two free cores if the threads never wait. A run with the cores held by"
                     " other work cannot tell waiting from a busy machine: repeat on an idle one to judge this target")
    if pyb and ref:
        L.append(f"- Python batch within 10% of Rust: **{pyb / ref * 100:.0f}%** of the Rust figure")
        pyj = results.get("diplo-py-jsonbatch", {}).get("mb_s")
        if pyj:
            L.append(f"  - the batch call itself (`extract_batch_json`, JSON strings) runs at **{pyj / ref * 100:.0f}%**:"
                     " the rest is building Python record objects from JSON")
    if streaming and "error" not in streaming and streaming.get("checkpoints"):
        cs = streaming["checkpoints"]
        L.append(f"- peak memory flat while streaming {cs[-1]['docs']:,} documents: **"
                 + " → ".join(f"{c['peak_rss_kb'] / 1024:.1f}" for c in cs) + " MB** at "
                 + ", ".join(f"{c['docs']:,}" for c in cs) + " documents")
    L.append("")
    L.extend(criterion_section())
    return "\n".join(L)


def criterion_section() -> list:
    """The per-stage figures of the last `cargo bench -p diplo-benches`, when there is one."""
    root = REPO / "target" / "criterion"
    rows = []
    for bench in sorted(root.glob("**/new/benchmark.json")) if root.exists() else []:
        try:
            b = json.loads(bench.read_text())
            est = json.loads((bench.parent / "estimates.json").read_text())
            nbytes = (b.get("throughput") or {}).get("Bytes")
            ns = est["median"]["point_estimate"]
        except (OSError, KeyError, ValueError):
            continue
        if not nbytes or not ns:
            continue
        rows.append((b["group_id"], b.get("function_id") or "", b.get("value_str") or "", nbytes / 1e6 / (ns / 1e9),
                     bench.stat().st_mtime))
    L = ["## Per stage (criterion)", ""]
    if not rows:
        L += ["No criterion results in `target/criterion`: run `cargo bench -p diplo-benches` first.", ""]
        return L
    when = datetime.datetime.fromtimestamp(max(r[4] for r in rows), datetime.timezone.utc)
    L.append(f"From the last `cargo bench -p diplo-benches` on this machine ({when:%Y-%m-%d %H:%M} UTC; the load at"
             " that time is not recorded), median MB/s (10^6 bytes) with `Throughput::Bytes` on each input:"
             " the seeds, the shared corpus (`../shared/corpus`, when present) and the generated corpus"
             " (seeds repeated, one document in three NFD, one in three with old tone placement; the `reference` rows read"
             " it normalised and lower-cased). `normalize/nfc` and `normalize/nfd` read each input recomposed or"
             " decomposed; `structure` and `lang` read it normalised; `extract` reads it as is.")
    L.append("")
    # The reference benches run on the generated corpus (normalised, lower-cased) and carry no input name.
    gen = next((r[2] for r in rows if r[2].startswith("generated")), "generated")
    rows = [(g, f, i or gen, v, t) for g, f, i, v, t in rows]
    inputs = sorted({r[2] for r in rows}, key=lambda i: (0 if i == "seeds" else 1 if i == "corpus" else 2, i))
    order = ["normalize", "structure", "lang", "extract", "extract_many", "reference"]
    keys = sorted({(r[0], r[1]) for r in rows}, key=lambda k: (order.index(k[0]) if k[0] in order else 99, k[1]))
    L.append("| stage | " + " | ".join(i or "–" for i in inputs) + " |")
    L.append("|---|" + "---:|" * len(inputs))
    for g, f in keys:
        cells = []
        for i in inputs:
            v = next((r[3] for r in rows if (r[0], r[1], r[2]) == (g, f, i)), None)
            cells.append(fmt(v) if v is not None else "")
        L.append(f"| `{g}/{f}` | " + " | ".join(cells) + " |")
    L.append("")
    return L


if __name__ == "__main__":
    main()
