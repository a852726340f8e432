#!/usr/bin/env python3
"""Builds fuzz/corpus/<target>/ from seeds/ and the case tables (run before fuzz/run.sh).

The json target is seeded with the extract example's output for the seeds,
when target/release/examples/extract exists."""
import glob
import hashlib
import os
import pathlib
import subprocess
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[1]
TEXT_TARGETS = ["extract", "quantities", "temporals", "sentences"]


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
    for name in ["numbers", "temporals", "sentences", "metrics", "meetings", "commitments"]:
        p = ROOT / "diplo-core" / "tests" / "cases" / f"{name}.toml"
        if p.exists():
            for case in tomllib.loads(p.read_text(encoding="utf-8")).get("case", []):
                for t in TEXT_TARGETS:
                    put(t, case["text"].encode())
    exe = ROOT / "target" / "release" / "examples" / "extract"
    if exe.exists():
        out = subprocess.run([str(exe), *sorted(glob.glob(str(ROOT / "seeds" / "*.txt")))], capture_output=True, check=True)
        for line in out.stdout.splitlines():
            put("json", line)
    for t in TEXT_TARGETS + ["json"]:
        d = ROOT / "fuzz" / "corpus" / t
        print(t, len(os.listdir(d)) if d.exists() else 0)


if __name__ == "__main__":
    main()
