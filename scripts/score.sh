#!/usr/bin/env bash
# Scores the current build against the gold sets next to the repository
# (../shared): the seeds and the dev set, one summary line each.
#   scripts/score.sh            # both sets, summary
#   scripts/score.sh dev -v     # one set, the scorer's verbose listing
# Predictions are kept in target/score/<set>.jsonl for scripts/dev-diff.py.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${DIPLO_SHARED:-$PWD/../shared}"
sets=("seeds" "dev")
verbose=()
if [ $# -gt 0 ] && [ "$1" != "-v" ]; then sets=("$1"); shift; fi
if [ "${1:-}" = "-v" ]; then verbose=(--verbose); fi
cargo build -q --release --example extract
mkdir -p target/score
for set in "${sets[@]}"; do
  if [ "$set" = "seeds" ]; then docs=seeds; else docs="$shared/$set"; fi
  out="target/score/$set.jsonl"
  ./target/release/examples/extract "$docs"/*.txt > "$out"
  echo "== $set"
  python3 "$shared/eval/score.py" --docs "$docs" --gold "$shared/gold/$set" --pred "$out" "${verbose[@]}"
done
