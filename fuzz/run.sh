#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600) on a nightly toolchain,
# seeded from fuzz/corpus (built from seeds/ and the case tables by
# seed_corpus.py, which also writes the dictionary fuzz/diplo.dict from
# diplo's lexicons). Crashes land in fuzz/artifacts/<target>/; keep each as a
# regression test in diplo-core/tests.
#
# `slow` repeats its input into a 200 KB document and fails on any run over
# 3 s (libFuzzer -timeout): a super-linear rule, not a crash. It runs without
# a sanitizer so that time is real time.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-600}"
[ -f diplo.dict ] || python3 seed_corpus.py
for t in ${TARGETS:-extract slow quantities temporals sentences json}; do
  echo "== $t for ${secs}s"
  case "$t" in
    slow) build=(--sanitizer none); opts=(-max_len=512 -timeout=3) ;;
    *) build=(); opts=(-max_len=20000 -timeout=10) ;;
  esac
  if cargo +nightly fuzz run "${build[@]}" "$t" "corpus/$t" -- -dict=diplo.dict -max_total_time="$secs" \
      "${opts[@]}" -rss_limit_mb=4096 > "run-$t.log" 2>&1; then
    grep -E "^Done [0-9]+ runs" "run-$t.log" | tail -n 1 || true
  else
    echo "!! $t failed (crash or slow input): see fuzz/run-$t.log and fuzz/artifacts/$t/"
    status=1
  fi
done
exit "${status:-0}"
