#!/usr/bin/env bash
# The scaling benchmark for adversarial shapes: each shape of benches/shapes.rs
# as one document at 1 MB and 10 MB, its table written into the
# "## Adversarial shapes" section of benches/RESULTS.md (the rest kept).
#   benches/shapes.sh [--sizes 1,10] [--budget 300] [--only NAME,...]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p diplo-benches --example shapes
table="$(./target/release/examples/shapes "$@")"
{
  echo "\`benches/shapes.sh\` ($(date -u '+%Y-%m-%d %H:%M') UTC, commit $(git rev-parse --short HEAD), load average before: $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo "each shape generated as one document and extracted once in a child process (\`diplo_core::extract\`, no size limit); *ratio* is"
  echo "seconds per MB at the larger size over that at the smaller (1.0 = linear; ≤ 1.5 required); output is the JSON bytes per input byte."
  echo "The machine had other work at the time: compare ratios, not absolute figures."
  echo
  echo "$table"
} | python3 benches/compare/sections.py benches/RESULTS.md "## Adversarial shapes"
echo "wrote the shapes section of benches/RESULTS.md" >&2
