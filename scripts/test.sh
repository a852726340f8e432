#!/usr/bin/env bash
# The whole test suite, Rust and Python, set-up included.
# Needs only a Rust toolchain and Python >= 3.9 on the machine; everything
# else goes into .venv/ (created here, reused when present).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
. .venv/bin/activate
python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" "pytest>=7" "pandas>=1.5" "hypothesis>=6"
# The analyst side: type checks, Arrow/polars tables, plots, the example
# notebook (nbclient + ipykernel) and Spark local mode (pyspark; needs Java 17).
python -m pip install -q --disable-pip-version-check "mypy>=1.10" "pyarrow>=14" polars "matplotlib>=3.7" \
  nbclient nbformat ipykernel "pyspark>=3.5"
# The report page (diplo[report]): charts rendered offline, its template, progress bars.
python -m pip install -q --disable-pip-version-check "altair>=5.4" "vl-convert-python>=1.6" "jinja2>=3.1" "tqdm>=4.60"
# Headless Chromium (Debian's package) for the page's browser tests; they skip, saying why, without it.
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "could not install chromium: the page's browser tests will skip"
  else
    echo "chromium is not installed (needs root and apt): the page's browser tests will skip"
  fi
fi

echo "== Rust tests"
cargo test --release --workspace --exclude diplo-py

echo "== Python package"
maturin develop --release -q -m diplo-py/Cargo.toml

echo "== Python types (stub against the compiled module, then the package)"
python -m mypy.stubtest diplo._diplo
python -m mypy --ignore-missing-imports diplo-py/python/diplo

echo "== Python tests"
python -m pytest -q diplo-py/tests
