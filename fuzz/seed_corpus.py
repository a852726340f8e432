#!/usr/bin/env python3
"""Builds fuzz/corpus/<target>/ from seeds/ and the case tables, and the
dictionary fuzz/diplo.dict from diplo's lexicons (run before fuzz/run.sh).

The json target is seeded with the extract example's output for the seeds,
when target/release/examples/extract exists. The slow target gets short
units (sentences and case texts cut to 512 bytes): it repeats them itself."""
import glob
import hashlib
import os
import pathlib
import subprocess
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[1]
TEXT_TARGETS = ["extract", "quantities", "temporals", "sentences"]
SLOW_MAX = 512
# Pieces that are not lexicon words (as in benches/shapes.rs SOUP_PIECES).
PIECES = ["1", "17", "1.700", "205,2", "10/13", "22/7", "25-28/6/2023", "2024", "%", "gấp", "lần", "năm", "\n", "\n\n",
          ". ", ", ", "; ", "(", ")", "\"", "“", "”", "[2]", "<p>", "</div>", "&nbsp;", ">>", "Ảnh:", "\u0301", "\u200b"]


def lexicon_words() -> list:
    """Every word of diplo-core/data/*.tsv (each cell, split on '|'), as written and capitalised."""
    words = set()
    for f in sorted((ROOT / "diplo-core" / "data").glob("*.tsv")):
        if f.stem == "furniture":
            continue
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            for cell in line.split("\t"):
                for w in cell.split("|"):
                    w = w.strip()
                    if 1 < len(w) <= 40 and any(c.isalpha() for c in w):
                        words.add(w)
                        words.add(w[:1].upper() + w[1:])
    return sorted(words)


def write_dict() -> int:
    """libFuzzer's -dict format: one quoted token per line, bytes escaped as \\xNN."""
    def quote(tok: str) -> str:
        out = []
        for b in tok.encode():
            out.append(chr(b) if 32 <= b < 127 and chr(b) not in '"\\' else f"\\x{b:02X}")
        return '"' + "".join(out) + '"'
    tokens = lexicon_words() + PIECES
    (ROOT / "fuzz" / "diplo.dict").write_text("".join(f"{quote(t)}\n" for t in tokens), encoding="ascii")
    return len(tokens)


def put(target: str, data: bytes) -> None:
    d = ROOT / "fuzz" / "corpus" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def main() -> None:
    for f in sorted(glob.glob(str(ROOT / "seeds" / "*.txt"))):
        text = pathlib.Path(f).read_text(encoding="utf-8")
        put("extract", text.encode())
        for para in filter(str.strip, text.split("\n")):
            for t in TEXT_TARGETS[1:]:
                put(t, para.encode())
            put("slow", para.encode()[:SLOW_MAX].decode("utf-8", "ignore").encode())
    for name in ["numbers", "temporals", "sentences", "metrics", "meetings", "commitments"]:
        p = ROOT / "diplo-core" / "tests" / "cases" / f"{name}.toml"
        if p.exists():
            for case in tomllib.loads(p.read_text(encoding="utf-8")).get("case", []):
                for t in TEXT_TARGETS:
                    put(t, case["text"].encode())
                put("slow", case["text"].encode()[:SLOW_MAX].decode("utf-8", "ignore").encode())
    exe = ROOT / "target" / "release" / "examples" / "extract"
    if exe.exists():
        out = subprocess.run([str(exe), *sorted(glob.glob(str(ROOT / "seeds" / "*.txt")))], capture_output=True, check=True)
        for line in out.stdout.splitlines():
            put("json", line)
    print("dictionary", write_dict(), "tokens")
    for t in TEXT_TARGETS + ["slow", "json"]:
        d = ROOT / "fuzz" / "corpus" / t
        print(t, len(os.listdir(d)) if d.exists() else 0)


if __name__ == "__main__":
    main()
