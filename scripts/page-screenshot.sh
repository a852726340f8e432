#!/usr/bin/env bash
# The report page of the bundled seeds, and the screenshot of it in docs/
# (headless Chromium, Debian's `chromium`). Needs the package built into
# .venv and its report extras: ./scripts/test.sh sets both up.
#   ./scripts/page-screenshot.sh [OUT.png]      (default docs/report-page.png)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/report-page.png}"
page="$(mktemp -d)/report.html"
.venv/bin/python -m diplo report --html "$page" seeds
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --host-resolver-rules="MAP * ~NOTFOUND" --window-size=1200,1500 --screenshot="$out" "file://$page" 2>/dev/null
echo "wrote $out"
