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
python -m pip install -q --disable-pip-version-check "maturin>=1.5,<2" "pytest>=7" "pandas>=1.5"

echo "== Rust tests"
cargo test --release --workspace --exclude diplo-py

echo "== Python package"
maturin develop --release -q -m diplo-py/Cargo.toml

echo "== Python tests"
python -m pytest -q diplo-py/tests
