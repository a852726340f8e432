//! Evidence spans: what every record quotes from the input.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Where a record's evidence sits in the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Article prose (lead, body, sub-headings).
    #[default]
    Body,
    /// The headline.
    Title,
    /// An image caption.
    Caption,
}

/// The quoted evidence of a record.
///
/// `start`/`end` are Unicode code point offsets (end exclusive) into the text
/// exactly as the caller passed it, so `text[start:end]` in Python gives back
/// `text`. `byte_start`/`byte_end` are the same span in UTF-8 bytes, for Rust.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Evidence {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Evidence {
    /// The byte range of this evidence in the caller's text.
    pub fn bytes(&self) -> Range<usize> {
        self.byte_start..self.byte_end
    }
}

/// One mention of a meeting: its evidence and where it appears.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    #[serde(flatten)]
    pub evidence: Evidence,
    pub source: Source,
}
