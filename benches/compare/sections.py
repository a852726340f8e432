"""Sections of ``benches/RESULTS.md`` written by other programs than
``compare.py``: the adversarial shapes (``benches/shapes.sh``) and the corpus
memory (``scripts/corpus-memory.sh``). ``compare.py`` rewrites the file and
keeps them; each writer replaces only its own section.

    python3 benches/compare/sections.py RESULTS.md "## Heading" < body.md
"""
import sys
from pathlib import Path

# Sections other programs own, in the order they appear after compare.py's part.
OWNED = ("## Adversarial shapes", "## Corpus memory")


def split(md: str) -> dict:
    """The text of each '## ' section, by heading line (the part before the first: key '')."""
    out, key = {"": []}, ""
    for line in md.splitlines(keepends=True):
        if line.startswith("## "):
            key = line.rstrip("\n")
            out[key] = []
        out[key].append(line)
    return {k: "".join(v) for k, v in out.items()}


def kept(path: Path) -> str:
    """The owned sections of the file at `path`, as they are (empty when none)."""
    if not path.exists():
        return ""
    sections = split(path.read_text(encoding="utf-8"))
    return "".join(sections[h].rstrip("\n") + "\n\n" for h in OWNED if h in sections)


def replace(path: Path, heading: str, body: str) -> None:
    """Writes `body` as the section `heading` of the file, keeping every other section."""
    sections = split(path.read_text(encoding="utf-8")) if path.exists() else {"": ""}
    sections[heading] = f"{heading}\n\n{body.strip()}\n\n"
    head = "".join(v for k, v in sections.items() if k not in OWNED)
    path.write_text(head.rstrip("\n") + "\n\n" + "".join(sections[h] for h in OWNED if h in sections), encoding="utf-8")


if __name__ == "__main__":
    replace(Path(sys.argv[1]), sys.argv[2], sys.stdin.read())
