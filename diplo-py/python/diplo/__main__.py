"""Command line: ``python -m diplo extract [--date YYYY-MM-DD] FILE...``.

Prints one JSON Document per file (JSONL), the same as
``cargo run --release --example extract``.
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
    for name in args.files:
        path = pathlib.Path(name)
        try:
            data = path.read_bytes()
            out.write(_diplo.extract_json(data, id=path.stem, date=args.date, lossy=args.lossy) + "\n")
        except (OSError, DiploError) as e:
            code = getattr(e, "code", "io")
            print(f"{name}: {e} [{code}]", file=sys.stderr)
            failed = True
    out.flush()
    return 1 if failed else 0


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m diplo", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="print one JSON Document per file (JSONL)")
    ex.add_argument("files", nargs="+")
    ex.add_argument("--date", help="publication date hint, YYYY-MM-DD")
    ex.add_argument("--lossy", action="store_true", help="replace invalid UTF-8 instead of failing")
    args = ap.parse_args(argv)
    if args.command == "extract":
        return _extract(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
