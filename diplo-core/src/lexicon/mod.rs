//! Lexicons: the data tables under `data/` and how they are read.
//!
//! Every lexicon is a TSV file compiled into the crate, one row per entry,
//! `#` starting a comment. Tests enumerate them; users can read and extend them.

pub mod cues;
pub mod partners;
pub mod provinces;

/// The rows of a TSV table: non-empty, non-comment lines split on tabs.
pub fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}
