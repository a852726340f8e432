//! The document: everything diplo extracts from one article.

use super::{Commitment, Meeting, Metric};
use serde::{Deserialize, Serialize};

/// A problem diplo noticed but worked around (a normalised symbol, lossy bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable snake_case code.
    pub code: String,
    pub message: String,
    pub start: usize,
    pub end: usize,
}

/// What a paragraph of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    Title,
    Body,
    Caption,
    /// Header lines, bylines, source lines, related links, counters, widgets.
    Furniture,
}

/// A paragraph (one line of the input) and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub kind: ParagraphKind,
    pub start: usize,
    pub end: usize,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Document {
    /// The caller's id, or the file stem, or null.
    pub id: Option<String>,
    pub title: Option<String>,
    /// Publication date: the caller's hint, else a header line, else null.
    pub date: Option<String>,
    pub source_url: Option<String>,
    pub author: Option<String>,
    pub meetings: Vec<Meeting>,
    pub metrics: Vec<Metric>,
    pub commitments: Vec<Commitment>,
    pub warnings: Vec<Warning>,
    /// The article's paragraphs with their kinds (code point offsets).
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
}

impl Document {
    /// The document as one line of JSON (the JSONL format of `extract`).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| String::from("{}"))
    }

    /// Reads a document back from its JSON.
    ///
    /// # Errors
    /// [`crate::Error::Json`] when the JSON does not hold a Document.
    pub fn from_json(json: &str) -> Result<Document, crate::Error> {
        serde_json::from_str(json).map_err(|e| crate::Error::Json { message: e.to_string() })
    }
}
