#!/usr/bin/env bash
# Side-by-side speed comparison: diplo (Rust, Python single call, Python batch)
# next to underthesea, dateparser, a plain Python `re` pass and one
# aho-corasick pass over diplo's lexicons, on the same input. Writes
# benches/RESULTS.md.
#
#   ./benches/compare/run.sh                 # seeds repeated to 10 MB (a few minutes)
#   ./benches/compare/run.sh --mb 1          # a quick run
#   ./benches/compare/run.sh --budget 60     # give slow tools longer before slicing
#   ./benches/compare/run.sh --no-install    # reuse the virtualenv as it is
#
# Set-up is its own: a virtualenv in benches/compare/.venv (created here,
# reused when present) with maturin, underthesea, dateparser and diplo built
# from this tree (`maturin develop --release`). A tool that cannot be
# installed is recorded in the table, not a failure. Needs a Rust toolchain
# and Python >= 3.9.
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV=benches/compare/.venv
install=1
args=()
for a in "$@"; do
  case "$a" in
    --no-install) install=0 ;;
    *) args+=("$a") ;;
  esac
done

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
# shellcheck disable=SC1091
. "$VENV/bin/activate"

notes="$VENV/install-notes.tsv"
if [ "$install" = 1 ]; then
  : > "$notes"
  python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2"
  for pkg in underthesea dateparser; do
    if ! python -m pip install -q --disable-pip-version-check "$pkg" 2> "$VENV/pip-$pkg.log"; then
      echo "compare: pip install $pkg failed (see $VENV/pip-$pkg.log); its rows will say so" >&2
      printf '%s\tpip install failed: %s\n' "$pkg" "$(tail -n 1 "$VENV/pip-$pkg.log" | tr '\t|' '  ')" >> "$notes"
    fi
  done
  echo "== diplo Python package (maturin develop --release)" >&2
  if ! maturin develop --release -q -m diplo-py/Cargo.toml >&2; then
    echo "compare: building the diplo Python package failed; its rows will say so" >&2
    printf 'diplo\tmaturin develop failed\n' >> "$notes"
  fi
fi

echo "== Rust programs (throughput, streaming)" >&2
cargo build --release -q -p diplo-benches --examples

python benches/compare/compare.py --install-log "$notes" "${args[@]}"
