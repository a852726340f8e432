"""Progress bars: on a terminal (a pseudo-terminal here) they show, piped or under CI they never do."""

from __future__ import annotations

import os
import pathlib
import pty
import subprocess
import sys
from typing import Dict, List, Optional, Tuple

import pytest

import diplo
from diplo import page, progress

ROOT = pathlib.Path(__file__).resolve().parents[2]
RUST_REPORT = ROOT / "target" / "release" / "examples" / "report"


def env(ci: Optional[str] = None) -> Dict[str, str]:
    e = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        e["CI"] = ci
    return e


def on_tty(cmd: List[str], tmp: pathlib.Path, ci: Optional[str] = None) -> Tuple[int, str, str]:
    """Runs ``cmd`` with stderr on a pseudo-terminal and stdout to a file:
    (exit code, what the terminal got, what stdout got)."""
    master, slave = pty.openpty()
    out = tmp / "stdout.txt"
    with open(out, "wb") as fh:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=fh, stderr=slave, env=env(ci), cwd=ROOT)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the other end is closed
                break
            if not data:
                break
            chunks.append(data)
        code = proc.wait(timeout=300)
    os.close(master)
    return code, b"".join(chunks).decode("utf-8", "replace"), out.read_text(encoding="utf-8")


def piped(cmd: List[str]) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, env=env(), cwd=ROOT, timeout=300)


PY_REPORT = [sys.executable, "-m", "diplo", "report", "seeds"]


def test_cli_shows_a_bar_on_a_terminal(tmp_path: pathlib.Path) -> None:
    code, tty, out = on_tty(PY_REPORT, tmp_path)
    assert code == 0
    assert "extracting: 5 articles" in tty
    assert out.startswith("diplo report: read 5") and "extracting" not in out and "\r" not in out


def test_cli_is_silent_when_piped_or_under_ci(tmp_path: pathlib.Path) -> None:
    run = piped(PY_REPORT)
    assert run.returncode == 0 and run.stderr == "" and run.stdout.startswith("diplo report: read 5")
    code, tty, _ = on_tty(PY_REPORT, tmp_path, ci="true")
    assert code == 0 and "extracting" not in tty and "\r" not in tty


@pytest.mark.skipif(bool(page.missing_extras()), reason=f"the report extras are not installed: {page.INSTALL}")
def test_the_page_shows_its_progress_too(tmp_path: pathlib.Path) -> None:
    html = tmp_path / "r.html"
    code, tty, out = on_tty(PY_REPORT + ["--html", str(html)], tmp_path)
    assert code == 0 and out == ""
    assert "extracting: 5 articles" in tty and "rendering sources" in tty and f"wrote {html}" in tty
    run = piped(PY_REPORT + ["--html", str(html)])
    assert run.returncode == 0 and "\r" not in run.stderr and "rendering" not in run.stderr
    assert run.stderr.startswith(f"wrote {html}")


def test_add_files_in_python(tmp_path: pathlib.Path) -> None:
    code = "import diplo; c = diplo.Corpus(); c.add_files('seeds'); print(len(c))"
    status, tty, out = on_tty([sys.executable, "-c", code], tmp_path)
    assert status == 0 and out.strip() == "5" and "extracting: 5 articles" in tty
    run = piped([sys.executable, "-c", code])
    assert run.stdout.strip() == "5" and run.stderr == ""
    # asked for explicitly, or refused
    seen: List[int] = []
    c = diplo.Corpus()
    c._inner.add_files([str(ROOT / "seeds")], progress=seen.append)
    assert seen == [5]
    assert not progress.wanted()  # pytest's stderr is captured, not a terminal


def test_a_failing_progress_callback_is_raised_after_the_work() -> None:
    def boom(n: int) -> None:
        raise ValueError("stop")

    c = diplo.Corpus()
    with pytest.raises(ValueError, match="stop"):
        c._inner.add_files([str(ROOT / "seeds")], progress=boom)
    assert len(c) == 5


@pytest.mark.skipif(not RUST_REPORT.exists(), reason="the Rust report example is not built "
                                                     "(cargo build --release --example report)")
def test_rust_example_shows_a_line_on_a_terminal_only(tmp_path: pathlib.Path) -> None:
    cmd = [str(RUST_REPORT), "seeds"]
    code, tty, out = on_tty(cmd, tmp_path)
    assert code == 0 and "extracting: 5 articles" in tty and out.startswith("diplo report: read 5")
    run = piped(cmd)
    assert run.returncode == 0 and run.stderr == "" and run.stdout == out
    code, tty, _ = on_tty(cmd, tmp_path, ci="1")
    assert code == 0 and tty == ""
