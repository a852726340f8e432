"""Progress on long work: a tqdm bar on a terminal, nothing when piped or under CI.

``wanted()`` decides (stderr is a TTY and the ``CI`` variable is unset);
``Progress`` draws the bar with tqdm when it is installed, else a plain
``\\r`` line, so a long ``report`` on a terminal says how far it got and a
log file or a pipe never gets control characters.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Optional, TextIO, Tuple


def wanted(stream: Optional[TextIO] = None) -> bool:
    """Whether to show progress on ``stream`` (stderr by default): a terminal, not CI."""
    stream = stream if stream is not None else sys.stderr
    if os.environ.get("CI"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


def _size() -> Tuple[int, int]:
    try:
        cols, rows = os.get_terminal_size(sys.stderr.fileno())
    except (AttributeError, OSError, ValueError):
        cols, rows = 0, 0
    return (cols if cols > 0 else 80, rows if rows > 0 else 24)


class Progress:
    """A counter shown as a bar while ``show`` is true: ``update_to(n)`` after
    each step, ``close()`` at the end (or use it as a context manager)."""

    def __init__(self, desc: str, unit: str, total: Optional[int] = None, show: Optional[bool] = None) -> None:
        self.show = wanted() if show is None else show
        self.desc, self.unit, self.total = desc, unit, total
        self.n = 0
        self._bar: Any = None
        if self.show:
            try:
                from tqdm import tqdm
            except ImportError:
                tqdm = None
            if tqdm is not None:
                # the terminal's size, else 80×24 (a new pseudo-terminal says 0×0, and tqdm then hides its bar)
                cols, rows = _size()
                self._bar = tqdm(desc=desc, unit=f" {unit}", total=total, file=sys.stderr, leave=True, ncols=cols,
                                 nrows=rows)

    def update_to(self, n: int) -> None:
        """The work done so far is ``n`` units."""
        if not self.show:
            self.n = n
            return
        if self._bar is not None:
            self._bar.update(n - self.n)
        else:
            of = f"/{self.total}" if self.total else ""
            sys.stderr.write(f"\r{self.desc}: {n}{of} {self.unit}")
            sys.stderr.flush()
        self.n = n

    def __call__(self, n: int) -> None:
        self.update_to(n)

    def close(self) -> None:
        if not self.show:
            return
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        else:
            sys.stderr.write("\n")
            sys.stderr.flush()
        self.show = False

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
