#!/usr/bin/env bash
# diplo's main job on the bundled seeds: one JSON document per article.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release -q --example extract -- seeds/*.txt
