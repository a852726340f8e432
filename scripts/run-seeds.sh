#!/usr/bin/env bash
# diplo's main job on the bundled seeds: the corpus report.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release -q --example report -- "$@"
