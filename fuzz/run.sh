#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600) on a nightly toolchain,
# seeded from fuzz/corpus (built from seeds/ and the case tables). Crashes land
# in fuzz/artifacts/<target>/; keep each as a regression test in diplo-core/tests.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-600}"
for t in ${TARGETS:-extract quantities temporals sentences json}; do
  echo "== $t for ${secs}s"
  if cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -max_len=20000 -timeout=10 -rss_limit_mb=4096 > "run-$t.log" 2>&1; then
    grep -E "^Done [0-9]+ runs" "run-$t.log" | tail -n 1 || true
  else
    echo "!! $t crashed: see fuzz/run-$t.log and fuzz/artifacts/$t/"
    status=1
  fi
done
exit "${status:-0}"
