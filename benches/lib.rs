//! Shared helpers for the benchmarks: inputs from `seeds/` and the shared corpus.
