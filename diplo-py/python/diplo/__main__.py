"""Command line.

``python -m diplo extract [--date YYYY-MM-DD] FILE...`` prints one JSON
Document per article (JSONL), the same as ``cargo run --release --example
extract``: a ``.txt`` file is one article, a ``.jsonl`` file one per line.

``python -m diplo report [--json] [--out DIR] [--html PAGE] [FILE|DIR ...]``
reads many articles (default: ./seeds) and prints the corpus report, the
same as ``cargo run --release --example report``: its first line counts the
articles read, extracted, with warnings and failed, then the findings come
first; ``--out`` also writes Parquet when pyarrow is installed; ``--html``
writes the report as one self-contained page (needs ``pip install
'diplo[report]'``). On a terminal a progress bar shows on stderr; piped or
under CI (the ``CI`` variable set) nothing does.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from typing import List, Optional

from . import _diplo
from .errors import DiploError


def _extract(args: argparse.Namespace) -> int:
    failed = False
    out = sys.stdout

    def sink(result: object) -> None:
        nonlocal failed
        if isinstance(result, str):
            out.write(result + "\n")
        else:
            print(f"{result} [{getattr(result, 'code', 'internal')}]", file=sys.stderr)
            failed = True

    for name in args.files:
        try:
            _diplo.extract_file_json(name, sink, date=args.date, lossy=args.lossy)
        except DiploError as e:  # a bad --date: the same for every file
            print(f"{name}: {e} [{e.code}]", file=sys.stderr)
            return 2
    out.flush()
    return 1 if failed else 0


def _report(args: argparse.Namespace) -> int:
    from .corpus import Corpus
    if args.html:
        from .page import MissingExtras, require_extras
        try:
            require_extras()  # before the long part
        except MissingExtras as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
    inputs = args.inputs or ["seeds"]
    c = Corpus(keep_texts=bool(args.html))
    for path, why in c.add_files(inputs, date=args.date, lossy=args.lossy):
        print(f"skipped {path}: {why}", file=sys.stderr)
    if args.out:
        written = c.write(args.out)
        print(f"wrote {len(written)} files to {args.out}", file=sys.stderr)
    if args.html:
        info = c.to_html(args.html)
        print(f"wrote {args.html}: {info['bytes'] / 1e6:.1f} MB, {info['sources_shown']} articles shown in full, "
              f"{info['sources_summarised']} summarised", file=sys.stderr)
    if args.json:
        sys.stdout.write(c._inner.report_json() + "\n")
    elif not args.out and not args.html:
        sys.stdout.write(c.report_text())
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m diplo", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="print one JSON Document per article (JSONL); .jsonl files hold one article per line")
    ex.add_argument("files", nargs="+")
    ex.add_argument("--date", help="publication date hint, YYYY-MM-DD")
    ex.add_argument("--lossy", action="store_true", help="replace invalid UTF-8 instead of failing")
    rp = sub.add_parser("report", help="reconcile many articles: findings, meetings, claims, implied baselines, "
                                       "commitments, partnerships")
    rp.add_argument("inputs", nargs="*", help="files or folders (*.txt, *.jsonl); default ./seeds")
    rp.add_argument("--json", action="store_true", help="print the corpus as one JSON object")
    rp.add_argument("--out", help="write CSV, JSONL (and Parquet with pyarrow) tables to this folder")
    rp.add_argument("--html", metavar="PAGE", help="write the report as one self-contained HTML page "
                                                   "(needs pip install 'diplo[report]')")
    rp.add_argument("--date", help="publication date hint for every article, YYYY-MM-DD")
    rp.add_argument("--lossy", action="store_true", help="replace invalid UTF-8 (with a warning) instead of failing")
    args = ap.parse_args(argv)
    if args.command == "extract":
        return _extract(args)
    if args.command == "report":
        return _report(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
