#!/usr/bin/env bash
# Peak memory and time of the corpus report on a ~200 MB JSONL made by
# cycling the shared corpus (ids suffixed ~k so every article is its own
# document). Writes nothing into the repository; prints the figures.
#   scripts/corpus-memory.sh [MB]        (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-200}"
CORPUS=../shared/corpus
[ -f "$CORPUS/dantri-unc.jsonl" ] || { echo "skipped: $CORPUS not found"; exit 0; }
BIG="${TMPDIR:-/tmp}/diplo-corpus-${MB}mb.jsonl"
if [ ! -f "$BIG" ]; then
  python3 - "$CORPUS" "$BIG" "$MB" <<'PY'
import json, sys
corpus, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
size, k = 0, 0
with open(out, "w", encoding="utf-8") as fh:
    while size < mb * 1024 * 1024:
        for f in ("vnexpress-phenikaa.jsonl", "dantri-unc.jsonl"):
            for line in open(f"{corpus}/{f}", encoding="utf-8"):
                d = json.loads(line)
                d["id"] = f"{d['id']}~{k}"
                s = json.dumps(d, ensure_ascii=False) + "\n"
                fh.write(s)
                size += len(s.encode())
        k += 1
PY
fi
ls -l "$BIG" | awk '{printf "input: %.1f MB, ", $5/1048576}'; wc -l < "$BIG" | awk '{print $1 " articles"}'
cargo build --release -q --example report
measure() {
  /usr/bin/time -v "$@" > /dev/null 2> /tmp/diplo-time.$$ || true
  grep -E "Maximum resident|User time|System time|Elapsed" /tmp/diplo-time.$$ | sed 's/^\s*/  /'
  rm -f /tmp/diplo-time.$$
}
echo "Rust report (cargo run --release --example report):"
measure ./target/release/examples/report "$BIG"
if [ -x .venv/bin/python ]; then
  echo "Python report (python -m diplo report):"
  measure .venv/bin/python -m diplo report "$BIG"
fi
